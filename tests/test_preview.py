"""The pull-request preview: published to a folder of its own on the preview repository's
gh-pages branch, replaced on every push, removed when the pull request closes. Against a
bare repository on disk, as the workflow runs scripts/preview.py (no network)."""

from __future__ import annotations

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


def _run(remote: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        "PATH": "/usr/bin:/bin",
        "PREVIEW_REPOSITORY": "oslokommune/handbok-preview",
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


def test_publish_update_and_remove(remote, tmp_path) -> None:
    first = _run(remote, "publish", str(_site(tmp_path, "one")))
    assert first.returncode == 0, first.stderr
    assert "published the preview of pull request #7" in first.stdout
    assert _tree(remote) == [
        ".nojekyll",
        "pr-7/_underscore.css",
        "pr-7/en/index.html",
        "pr-7/index.html",
    ]
    assert _run(remote, "publish", str(_site(tmp_path, "eight")), PULL_REQUEST="8").returncode == 0
    assert _run(remote, "publish", str(_site(tmp_path, "two"))).returncode == 0
    assert _git("show", "gh-pages:pr-7/index.html", cwd=remote) == "<p>two</p>"
    assert _git("show", "gh-pages:pr-8/index.html", cwd=remote) == "<p>eight</p>"
    # One commit, whatever happened before: old previews do not pile up in the history.
    assert _git("rev-list", "--count", "gh-pages", cwd=remote).strip() == "1"

    removed = _run(remote, "remove")
    assert removed.returncode == 0, removed.stderr
    assert [name for name in _tree(remote) if name.startswith("pr-7/")] == []
    assert "pr-8/index.html" in _tree(remote)
    again = _run(remote, "remove")
    assert again.returncode == 0 and "no preview to remove" in again.stdout


def test_a_push_that_meets_another_preview_starts_again(remote, tmp_path, monkeypatch) -> None:
    """Two pull requests publish at once: the second push finds the branch moved, fetches it
    again and keeps the other's preview."""
    real_git = preview._git
    raced = []

    def racing_git(*args, cwd, check=True):
        if "push" in args and not raced:
            raced.append(True)
            preview.update(str(remote), 9, _site(tmp_path, "nine"))
        return real_git(*args, cwd=cwd, check=check)

    monkeypatch.setattr(preview, "_git", racing_git)
    monkeypatch.setattr(preview.time, "sleep", lambda seconds: None)
    assert preview.update(str(remote), 7, _site(tmp_path, "seven")) is True
    assert {"pr-7/index.html", "pr-9/index.html"} <= set(_tree(remote))


def test_a_folder_that_is_not_a_site_is_refused(remote, tmp_path) -> None:
    result = _run(remote, "publish", str(tmp_path))
    assert result.returncode == 1
    assert "is not a built site" in result.stderr


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "url=https://oslokommune.github.io/handbok-preview/pr-7/\n"),
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
    ("env", "message"),
    [
        ({"PULL_REQUEST": "7; rm -rf /"}, "is not a pull request's number"),
        ({"PREVIEW_REPOSITORY": "../../etc"}, "is not owner/name"),
    ],
)
def test_bad_settings_are_named(remote, tmp_path, env, message) -> None:
    result = _run(remote, "publish", str(_site(tmp_path, "x")), **env)
    assert result.returncode == 1
    assert message in result.stderr


def test_the_token_is_sent_as_a_header_and_never_in_the_address() -> None:
    options = preview._auth("secret-token")
    assert options[0] == "-c" and options[1].startswith("http.extraheader=AUTHORIZATION: basic ")
    assert "secret-token" not in " ".join(options)
    assert preview._auth("") == []


def test_a_preview_says_so_on_every_page_and_asks_not_to_be_indexed(tmp_path) -> None:
    """Built as check.yml builds a preview: HANDBOOK_PREVIEW is the pull request's number."""
    site = tmp_path / "site"
    completed = strict_build(ROOT, site, HANDBOOK_PREVIEW="12")
    assert completed.returncode == 0, completed.stderr
    notices = {
        "index.html": "forhåndsvisning av en foreslått endring (pull request #12)",
        "en/index.html": "a preview of a proposed change (pull request #12)",
        "prioriteringer/po3/index.html": "(pull request #12), ikke den publiserte håndboka.",
    }
    for path, notice in notices.items():
        html = (site / path).read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex">' in html, path
        assert notice in html, path


def test_a_preview_number_must_be_a_number(tmp_path) -> None:
    completed = strict_build(ROOT, tmp_path / "site", HANDBOOK_PREVIEW="12<script>")
    assert completed.returncode != 0
    assert "HANDBOOK_PREVIEW='12<script>' is not a pull request's number" in completed.stderr


def test_the_published_site_has_no_preview_notice(built_site) -> None:
    html = (built_site.site_dir / "index.html").read_text(encoding="utf-8")
    assert "handbook-preview-notice" not in html
    assert 'content="noindex"' not in html
