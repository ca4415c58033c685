"""The GitHub workflows: zizmor finds nothing, and the hardening rules hold.

zizmor runs offline (no GitHub API, no network), so the online audits (known-vulnerable
actions, impostor commits, stale tags) are not part of this test; Dependabot keeps the pins
current. The other tests check what OpenSSF Scorecard and zizmor ask for, one rule at a time,
so a failure names the rule: actions pinned to a full commit SHA with a version comment,
no persisted checkout credentials, a timeout on every job, no permissions by default and
write access only where Pages and the weekly issue need it, no pull_request_target, and no
`${{ }}` expanded inside a shell script.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
ZIZMOR = Path(sys.executable).parent / "zizmor"

# owner/repo[/path]@<40 hex> # vX.Y.Z
PINNED = re.compile(
    r"^\s*(?:-\s+)?uses:\s+(?P<action>[\w.-]+/[\w./-]+)@(?P<sha>[0-9a-f]{40})"
    r"\s+#\s+v\d+\.\d+\.\d+\s*$"
)
# The only jobs that may write anything, and exactly what each may write.
WRITERS = {
    ("deploy.yml", "deploy"): {"pages": "write", "id-token": "write"},
    ("links.yml", "issue"): {"issues": "write"},
}


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _triggers(workflow: dict) -> dict:
    # YAML 1.1 (PyYAML) reads the key `on` as the boolean True.
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on or {}


def _jobs():
    for path in WORKFLOWS:
        for name, job in _load(path)["jobs"].items():
            yield path, name, job


def _steps():
    for path, name, job in _jobs():
        for index, step in enumerate(job.get("steps", [])):
            yield f"{path.name}: {name}: step {index + 1}", step


def test_there_are_workflows() -> None:
    names = {path.name for path in WORKFLOWS}
    assert {"check.yml", "deploy.yml", "links.yml"} <= names, names


def test_zizmor_finds_nothing() -> None:
    assert ZIZMOR.is_file(), f"{ZIZMOR} is missing: pip install -r requirements-dev.txt"
    inputs = [str(GITHUB / "workflows"), str(GITHUB / "dependabot.yml")]
    command = [str(ZIZMOR), "--offline", "--strict-collection", "--no-progress", "--color", "never"]
    result = subprocess.run(
        [*command, "--format", "json", *inputs],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    findings = json.loads(result.stdout) if result.stdout.strip() else None
    if result.returncode != 0 or findings != []:
        report = subprocess.run(
            [*command, "--format", "plain", *inputs],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        pytest.fail(
            f"zizmor exited with {result.returncode}:\n{report.stdout}\n{report.stderr}",
            pytrace=False,
        )


def test_every_action_is_pinned_to_a_commit_sha_with_a_version_comment() -> None:
    for path in WORKFLOWS:
        lines = path.read_text(encoding="utf-8").splitlines()
        uses_lines = [line for line in lines if re.match(r"^\s*(?:-\s+)?uses:", line)]
        if path.name != "pull-request-closed.yml":  # the one workflow that runs nothing
            assert uses_lines, f"{path.name} uses no actions"
        for line in uses_lines:
            assert PINNED.match(line), (
                f"{path.name}: {line.strip()!r} is not `owner/repo@<40-hex sha> # vX.Y.Z`"
            )
    # Every `uses` value the workflows really have is on one of those lines.
    for where, step in _steps():
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", step["uses"]), where


def test_every_checkout_drops_its_credentials() -> None:
    checkouts = 0
    for where, step in _steps():
        if step.get("uses", "").startswith("actions/checkout@"):
            checkouts += 1
            assert (step.get("with") or {}).get("persist-credentials") is False, (
                f"{where}: actions/checkout needs `persist-credentials: false`"
            )
    assert checkouts, "no checkout step found"


def test_every_job_has_a_timeout() -> None:
    for path, name, job in _jobs():
        timeout = job.get("timeout-minutes")
        assert isinstance(timeout, int) and 0 < timeout <= 60, (
            f"{path.name}: job {name} needs `timeout-minutes` (1-60), has {timeout!r}"
        )


def test_no_permissions_by_default() -> None:
    for path in WORKFLOWS:
        assert _load(path).get("permissions") == {}, f"{path.name}: needs `permissions: {{}}`"


def test_only_the_writer_jobs_can_write() -> None:
    for path, name, job in _jobs():
        permissions = job.get("permissions")
        assert isinstance(permissions, dict), f"{path.name}: job {name} must list its permissions"
        writes = {scope: level for scope, level in permissions.items() if level != "read"}
        assert writes == WRITERS.get((path.name, name), {}), (
            f"{path.name}: job {name} may not have {writes}"
        )
        assert set(permissions.values()) <= {"read", "write"}, permissions


def test_jobs_that_check_out_can_read_contents() -> None:
    for path, name, job in _jobs():
        steps = job.get("steps", [])
        if any(step.get("uses", "").startswith("actions/checkout@") for step in steps):
            assert job["permissions"].get("contents") == "read", f"{path.name}: job {name}"


def test_no_pull_request_target() -> None:
    """No workflow runs with secrets on a pull request's behalf; workflow_run only where the
    preview is published, which runs none of the pull request's code (tests below)."""
    for path in WORKFLOWS:
        triggers = _triggers(_load(path))
        assert triggers, f"{path.name} has no triggers"
        assert "pull_request_target" not in triggers, path.name
        if path.name != "preview.yml":
            assert "workflow_run" not in triggers, path.name


def test_no_expressions_inside_shell_scripts() -> None:
    for where, step in _steps():
        if "run" in step:
            assert "${{" not in step["run"], (
                f"{where}: pass `${{{{ }}}}` values through `env:`, not into the script"
            )


def test_the_correction_form_has_the_field_the_site_prefills() -> None:
    # overrides/main.html links to issues/new?template=content-correction.yml&page=<url>.
    form = _load(GITHUB / "ISSUE_TEMPLATE" / "content-correction.yml")
    fields = {item.get("id"): item for item in form["body"]}
    assert fields["page"]["type"] == "input"
    assert fields["problem"]["validations"]["required"] is True
    assert '"content-correction.yml"' in (ROOT / "overrides" / "main.html").read_text(
        encoding="utf-8"
    )


def test_the_deploy_builds_the_pdfs_with_the_runners_chrome() -> None:
    """The published site links every page to its PDF: the deploy's build must print them
    (make build, PDFs not switched off), with the browser the runner has."""
    deploy = _load(GITHUB / "workflows" / "deploy.yml")
    builds = [s for s in deploy["jobs"]["build"]["steps"] if s.get("run") == "make build"]
    assert len(builds) == 1
    env = builds[0].get("env", {})
    assert env.get("HANDBOOK_CHROMIUM") == "/usr/bin/google-chrome"
    assert "HANDBOOK_PDF" not in env


def _preview_jobs():
    return [
        (path, name, job)
        for path, name, job in _jobs()
        if (job.get("environment") or {}).get("name") == "preview"
    ]


def test_only_the_preview_job_sees_the_preview_token() -> None:
    """PREVIEW_TOKEN is a secret of the `preview` environment: only the job that names it
    can read it, and no other job mentions any secret."""
    preview_jobs = {(path.name, name) for path, name, _ in _preview_jobs()}
    assert preview_jobs == {("preview.yml", "sync")}
    for path, name, job in _jobs():
        if (path.name, name) not in preview_jobs:
            assert "secrets." not in json.dumps(job), f"{path.name}: job {name} reads a secret"


def test_the_preview_job_runs_nothing_of_the_pull_request() -> None:
    """preview.yml comes from the default branch (workflow_run). It checks out that
    branch's preview script only, treats the check's site as data, and runs nothing else."""
    workflow = _load(GITHUB / "workflows" / "preview.yml")
    steps = workflow["jobs"]["sync"]["steps"]
    checkout = steps[0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert "ref" not in checkout["with"] and "repository" not in checkout["with"]
    assert checkout["with"]["sparse-checkout"] == "scripts/preview.py"
    download = next(s for s in steps if s.get("uses", "").startswith("actions/download-"))
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    assert download["with"]["path"] == "site"
    scripts = [s["run"] for s in steps if "run" in s]
    assert scripts[0].startswith("gh pr list --state open ")
    assert [line.strip() for line in scripts[1].splitlines() if "preview.py" in line] == [
        'python3 scripts/preview.py sync site >> "$GITHUB_OUTPUT"',
        'python3 scripts/preview.py sync >> "$GITHUB_OUTPUT"',
    ]
    # The number and the commit come from GitHub's event, never from the uploaded site.
    env = steps[-1]["env"]
    assert env["PULL_REQUEST"] == "${{ github.event.workflow_run.pull_requests[0].number }}"
    assert env["HEAD_SHA"] == "${{ github.event.workflow_run.head_sha }}"


def test_previews_are_for_branches_of_the_repository_and_follow_the_check() -> None:
    workflow = _load(GITHUB / "workflows" / "preview.yml")
    names = {
        _load(GITHUB / "workflows" / name)["name"]
        for name in ("check.yml", "pull-request-closed.yml")
    }
    trigger = _triggers(workflow)["workflow_run"]
    assert set(trigger["workflows"]) == names and trigger["types"] == ["completed"]
    condition = workflow["jobs"]["sync"]["if"]
    for part in (
        "github.event.workflow_run.event == 'pull_request'",
        "github.event.workflow_run.head_repository.full_name == github.repository",
        "github.event.workflow_run.actor.login != 'dependabot[bot]'",
    ):
        assert part in condition
    closed = _load(GITHUB / "workflows" / "pull-request-closed.yml")
    assert _triggers(closed) == {"pull_request": {"types": ["closed"]}}
    assert closed["jobs"]["closed"]["permissions"] == {}


def test_the_one_ignored_zizmor_finding_is_the_preview_trigger() -> None:
    ignores = [
        (path.name, number, line)
        for path in WORKFLOWS
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "zizmor: ignore" in line
    ]
    assert len(ignores) == 1, ignores
    name, _, line = ignores[0]
    assert name == "preview.yml"
    assert line.strip().startswith("workflow_run: # zizmor: ignore[dangerous-triggers]")


def test_the_pull_request_summary_compares_with_the_base() -> None:
    steps = _load(GITHUB / "workflows" / "check.yml")["jobs"]["test"]["steps"]
    base = next(s for s in steps if s.get("name") == "Check out the base of the pull request")
    assert base["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    summary = next(s for s in steps if "handbook summary" in s.get("run", ""))
    assert f"--base {base['with']['path']}" in summary["run"]
    assert '>> "$GITHUB_STEP_SUMMARY"' in summary["run"]


def test_the_weekly_links_run_is_scheduled_and_never_runs_pull_request_code() -> None:
    """links.yml runs on main, weekly and by hand; never for a pull request, whose code
    would otherwise run next to a token that can write issues."""
    triggers = _triggers(_load(GITHUB / "workflows" / "links.yml"))
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    assert [entry["cron"] for entry in triggers["schedule"]] == ["0 5 * * 1"]


def test_the_weekly_issue_is_written_by_the_handbook_and_kept_by_a_job_without_code() -> None:
    """The check job runs `python -m handbook weekly` and uploads the body it writes; the
    issue job, the only one that can write, checks out nothing and only downloads it and
    runs gh, with the title the handbook's code uses."""
    from handbook.weekly_issue import ISSUE_TITLE

    jobs = _load(GITHUB / "workflows" / "links.yml")["jobs"]
    check, issue = jobs["check"], jobs["issue"]
    assert check["outputs"]["attention"] == "${{ steps.weekly.outputs.attention }}"
    steps = {step.get("id"): step for step in check["steps"]}
    assert ".venv/bin/python -m handbook weekly --output weekly-issue.md" in steps["weekly"]["run"]
    upload = next(s for s in check["steps"] if s.get("uses", "").startswith("actions/upload-"))
    assert upload["with"]["path"] == "weekly-issue.md"
    assert issue["needs"] == "check"
    uses = [step["uses"].split("@")[0] for step in issue["steps"] if "uses" in step]
    assert uses == ["actions/download-artifact"]
    download = next(step for step in issue["steps"] if "uses" in step)
    assert download["with"]["name"] == upload["with"]["name"]
    script = next(step for step in issue["steps"] if "run" in step)
    assert script["env"]["TITLE"] == ISSUE_TITLE
    assert script["env"]["ATTENTION"] == "${{ needs.check.outputs.attention }}"
    assert script["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert "select(.title == env.TITLE and .author.is_bot" in script["run"], (
        "the title must match exactly, on an issue the workflow opened"
    )
    for command in ("gh issue edit", "gh issue create", "gh issue close"):
        assert command in script["run"], command
