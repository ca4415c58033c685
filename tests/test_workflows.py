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
    for path in WORKFLOWS:
        triggers = _triggers(_load(path))
        assert triggers, f"{path.name} has no triggers"
        assert "pull_request_target" not in triggers, path.name
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


def test_only_the_preview_jobs_see_the_preview_token() -> None:
    """PREVIEW_TOKEN is a secret of the `preview` environment: only the jobs that name it can
    read it, and no other job mentions any secret."""
    preview_jobs = {(path.name, name) for path, name, _ in _preview_jobs()}
    assert preview_jobs == {("check.yml", "preview"), ("preview-cleanup.yml", "remove")}
    for path, name, job in _jobs():
        text = json.dumps(job)
        if (path.name, name) not in preview_jobs:
            assert "secrets." not in text, f"{path.name}: job {name} reads a secret"


def test_the_preview_jobs_run_nothing_of_the_pull_request() -> None:
    """They check out the base branch only (its preview script) and run only that script:
    the pull request's own code never runs where the token is."""
    for path, name, job in _preview_jobs():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"
                assert step["with"]["sparse-checkout"] == "scripts/preview.py"
            if "run" in step:
                assert step["run"].startswith("python3 scripts/preview.py "), (path.name, name)
                assert step["env"]["PREVIEW_TOKEN"] == "${{ secrets.PREVIEW_TOKEN }}"


def test_a_preview_is_made_for_branches_of_the_repository_and_removed_on_close() -> None:
    check = _load(GITHUB / "workflows" / "check.yml")
    address = next(s for s in check["jobs"]["test"]["steps"] if s.get("id") == "preview")
    assert address["env"]["HEAD_REPOSITORY"] == (
        "${{ github.event.pull_request.head.repo.full_name }}"
    )
    assert address["env"]["REPOSITORY"] == "${{ github.repository }}"
    assert check["jobs"]["preview"]["if"] == "needs.test.outputs.preview-url != ''"
    cleanup = _load(GITHUB / "workflows" / "preview-cleanup.yml")
    assert _triggers(cleanup) == {"pull_request": {"types": ["closed"]}}
    assert "head.repo.full_name == github.repository" in cleanup["jobs"]["remove"]["if"]


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
    assert "select(.title == env.TITLE)" in script["run"], "the title must match exactly"
    for command in ("gh issue edit", "gh issue create", "gh issue close"):
        assert command in script["run"], command
