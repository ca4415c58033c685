"""The pull-request preview: published to a folder of its own on the preview repository's
gh-pages branch, replaced on every push, removed when the pull request closes. Against a
bare repository on disk, as the workflow runs scripts/preview.py (no network)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import preview  # scripts/ is on the path (.venv's handbook-scripts.pth)
import pytest

from helpers import ROOT, strict_build

SCRIPT = ROOT / "scripts" / "preview.py"


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def remote(tmp_path) -> Path:
    bare = tmp_path / "preview.git"
    _git("init", "--quiet", "--bare", str(bare), cwd=tmp_path)
    return bare


def _site(tmp_path: Path, text: str) -> Path:
    site = tmp_path / f"site-{abs(hash(text))}"
    (site / "en").mkdir(parents=True)
    (site / "index.html").write_text(f"<p>{text}</p>")
    (site / "en" / "index.html").write_text("<p>English</p>")
    (site / "_underscore.css").write_text("")
    return site


def _tree(remote: Path) -> list[str]:
    return _git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()


SHA = {number: f"{number:040x}" for number in range(1, 20)}


def _sync(remote: Path, tmp_path: Path, *args: str, open_heads=None, **env: str):
    """Run `preview.py sync` as preview.yml does, with the open pull requests in a file."""
    heads = {7: SHA[7], 8: SHA[8]} if open_heads is None else open_heads
    listing = tmp_path / f"open-{len(list(tmp_path.iterdir()))}.json"
    listing.write_text(json.dumps([{"number": n, "headRefOid": h} for n, h in heads.items()]))
    return _run(
        remote,
        "sync",
        *args,
        OPEN_PULL_REQUESTS=str(listing),
        **{"PULL_REQUEST": "7", "HEAD_SHA": SHA[7], **env},
    )


def _run(remote: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        "PATH": "/usr/bin:/bin",
        "PREVIEW_REPOSITORY": "oslokommune-preview/handbok",
        "PREVIEW_REMOTE": str(remote),
        "PULL_REQUEST": "7",
        **env,
    }
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=120,
    )


def test_publish_update_and_prune(remote, tmp_path) -> None:
    first = _sync(remote, tmp_path, str(_site(tmp_path, "one")))
    assert first.returncode == 0, first.stderr
    assert first.stdout == "url=https://oslokommune-preview.github.io/handbok/pr-7/\n"
    assert _tree(remote) == [
        ".nojekyll",
        "pr-7/_underscore.css",
        "pr-7/en/index.html",
        "pr-7/index.html",
    ]
    eight = _sync(
        remote, tmp_path, str(_site(tmp_path, "eight")), PULL_REQUEST="8", HEAD_SHA=SHA[8]
    )
    assert eight.returncode == 0, eight.stderr
    assert _sync(remote, tmp_path, str(_site(tmp_path, "two"))).returncode == 0
    assert _git("show", "gh-pages:pr-7/index.html", cwd=remote) == "<p>two</p>"
    assert _git("show", "gh-pages:pr-8/index.html", cwd=remote) == "<p>eight</p>"
    # One commit, whatever happened before: old previews do not pile up in the history.
    assert _git("rev-list", "--count", "gh-pages", cwd=remote).strip() == "1"

    # Pull request 7 closes: the next run, with or without a site, removes its folder.
    pruned = _sync(remote, tmp_path, open_heads={8: SHA[8]}, PULL_REQUEST="")
    assert pruned.returncode == 0, pruned.stderr
    assert "removed pull request #7, which is not open" in pruned.stderr
    assert [name for name in _tree(remote) if name.startswith("pr-7/")] == []
    assert "pr-8/index.html" in _tree(remote)
    before = _git("rev-parse", "gh-pages", cwd=remote)
    again = _sync(remote, tmp_path, open_heads={8: SHA[8]}, PULL_REQUEST="")
    assert again.returncode == 0
    assert _git("rev-parse", "gh-pages", cwd=remote) == before  # nothing to do: no push


def test_a_closed_or_moved_on_pull_request_is_not_published(remote, tmp_path) -> None:
    """A re-run of an old check, or one that ends after the pull request closed, must not
    put a preview back."""
    moved_on = _sync(remote, tmp_path, str(_site(tmp_path, "old")), HEAD_SHA=SHA[3])
    assert moved_on.returncode == 0 and moved_on.stdout == "url=\n"
    closed = _sync(remote, tmp_path, str(_site(tmp_path, "x")), open_heads={8: SHA[8]})
    assert closed.returncode == 0 and closed.stdout == "url=\n"
    assert "not published" in closed.stderr
    assert (
        subprocess.run(
            ["git", "rev-parse", "--verify", "gh-pages"], cwd=remote, capture_output=True
        ).returncode
        != 0
    )  # nothing was pushed


def test_a_push_that_meets_another_run_starts_again(remote, tmp_path, monkeypatch) -> None:
    """Two pull requests publish at once: the second push finds the branch moved, fetches it
    again and keeps the other's preview."""
    real_git = preview._git
    raced = []

    def racing_git(*args, cwd, token="", check=True):
        if "push" in args and not raced:
            raced.append(True)
            preview.sync(str(remote), _site(tmp_path, "nine"), 9, SHA[9], {7: SHA[7], 9: SHA[9]})
        return real_git(*args, cwd=cwd, token=token, check=check)

    monkeypatch.setattr(preview, "_git", racing_git)
    monkeypatch.setattr(preview.time, "sleep", lambda seconds: None)
    heads = {7: SHA[7], 9: SHA[9]}
    assert preview.sync(str(remote), _site(tmp_path, "seven"), 7, SHA[7], heads) == (True, [])
    assert {"pr-7/index.html", "pr-9/index.html"} <= set(_tree(remote))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda site: (site / "env.txt").symlink_to("/proc/self/environ"), "not a plain file"),
        (lambda site: (site / "en" / "up").symlink_to(site.parent), "not a plain file"),
        (lambda site: (site / ".git").mkdir(), "which git would not publish"),
        (lambda site: (site / "en" / ".gitmodules").write_text(""), "which git would not publish"),
        (lambda site: os.mkfifo(site / "pipe"), "not a plain file"),
    ],
)
def test_a_site_that_is_not_plain_files_is_refused(remote, tmp_path, make, message) -> None:
    """The built site comes from the pull request: a link could publish the runner's files
    (its environment holds the token), a .git folder would break every preview."""
    site = _site(tmp_path, "tampered")
    make(site)
    result = _sync(remote, tmp_path, str(site))
    assert result.returncode == 1
    assert message in result.stderr
    assert (
        subprocess.run(
            ["git", "rev-parse", "--verify", "gh-pages"], cwd=remote, capture_output=True
        ).returncode
        != 0
    )


def test_a_folder_that_is_not_a_site_is_refused(remote, tmp_path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = _sync(remote, tmp_path, str(empty))
    assert result.returncode == 1
    assert "is not a built site" in result.stderr


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "url=https://oslokommune-preview.github.io/handbok/pr-7/\n"),
        (
            {"PREVIEW_URL": "https://preview.example.org/"},
            "url=https://preview.example.org/pr-7/\n",
        ),
        (
            {"PREVIEW_REPOSITORY": "oslokommune/oslokommune.github.io"},
            "url=https://oslokommune.github.io/pr-7/\n",
        ),
        ({"HEAD_REPOSITORY": "someone/handbok"}, "url=\n"),  # a fork: no preview
        ({"PREVIEW_REPOSITORY": ""}, "url=\n"),  # not set up
    ],
)
def test_the_preview_address(remote, env, expected) -> None:
    repos = {"HEAD_REPOSITORY": "oslokommune/handbok", "REPOSITORY": "oslokommune/handbok"}
    result = _run(remote, "url", **{**repos, **env})
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected


@pytest.mark.parametrize(
    "env",
    [
        {"PULL_REQUEST": "7; rm -rf /"},
        {"PULL_REQUEST": "\u0667"},  # an Arabic-Indic seven: a digit to str.isdigit only
        {"PREVIEW_REPOSITORY": "../../etc"},
        {"PREVIEW_REPOSITORY": "owner/name\nurl=https://evil.example"},
        {"HEAD_SHA": "main"},
    ],
)
def test_bad_settings_are_named(remote, tmp_path, env) -> None:
    result = _sync(remote, tmp_path, str(_site(tmp_path, "x")), **env)
    assert result.returncode == 1
    assert "is not what it should be" in result.stderr
    assert "url=" not in result.stdout


def test_the_token_travels_in_the_environment_not_on_the_command_line(
    remote, tmp_path, monkeypatch
) -> None:
    seen = []
    real_run = subprocess.run

    def spying_run(command, **kwargs):
        seen.append((command, kwargs.get("env") or {}))
        return real_run(command, **kwargs)

    monkeypatch.setattr(preview.subprocess, "run", spying_run)
    preview.sync(str(remote), _site(tmp_path, "t"), 7, SHA[7], {7: SHA[7]}, token="secret-token")
    fetches = [(command, env) for command, env in seen if "fetch" in command]
    assert fetches and all("secret-token" not in " ".join(command) for command, _ in seen)
    assert all(env["GIT_CONFIG_VALUE_0"].startswith("AUTHORIZATION: basic ") for _, env in fetches)
    assert all("secret-token" not in env["GIT_CONFIG_VALUE_0"] for _, env in fetches)


def test_a_preview_number_must_be_a_number(tmp_path) -> None:
    completed = strict_build(ROOT, tmp_path / "site", HANDBOOK_PREVIEW="12<script>")
    assert completed.returncode != 0
    assert "HANDBOOK_PREVIEW='12<script>' is not a pull request's number" in completed.stderr


def test_the_published_site_has_no_preview_notice(built_site) -> None:
    html = (built_site.site_dir / "index.html").read_text(encoding="utf-8")
    assert "handbook-preview-notice" not in html
    assert 'content="noindex"' not in html
