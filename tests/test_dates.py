"""'Last updated' dates: shown, localised, where git has the full history; absent, without a
warning, in a shallow clone or outside git."""

from __future__ import annotations

import os
import subprocess

from handbook.git_history import has_full_history, last_commit_times
from handbook.render import updated_html
from handbook.words import LANGUAGES

from helpers import ROOT, built_page, copy_project, strict_build

DATE = '<time class="handbook-updated" datetime="'


def test_build_in_a_repository_with_history_shows_each_pages_last_change(tmp_path) -> None:
    """The dates branch, whatever the checkout of the project itself (a shallow CI clone
    shows none): the project is committed into a new repository at fixed times, and one
    page changed later, so each page shows its own last commit, in its language."""
    project = copy_project(tmp_path / "project")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    _commit(project, 1_700_000_000, {})  # 2023-11-14 23:13 in Oslo
    po3 = "docs/nb/prioriteringer/po3.md"
    changed = (project / po3).read_text(encoding="utf-8") + "\nNytt.\n"
    _commit(project, 1_710_000_000, {po3: changed})  # 2024-03-09 in Oslo
    assert has_full_history(project)

    completed = strict_build(project, tmp_path / "site")

    assert completed.returncode == 0, completed.stderr
    assert "WARNING" not in completed.stderr

    def shown(src: str) -> str:
        text = built_page(tmp_path / "site", src).read_text(encoding="utf-8")
        assert DATE in text, f"{src} shows no date"
        return text[text.index(DATE) :].split("</time>")[0]

    assert shown("prioriteringer/po3.md") == f'{DATE}2024-03-09">9. mars 2024'
    assert shown("prioriteringer/po2.md") == f'{DATE}2023-11-14">14. november 2023'
    assert shown("en/prioriteringer/po2.md") == f'{DATE}2023-11-14">14 November 2023'


def test_build_outside_git_has_no_dates_and_no_warnings(tmp_path) -> None:
    project = copy_project(tmp_path / "project")
    completed = strict_build(project, tmp_path / "site")
    assert completed.returncode == 0, completed.stderr
    assert "WARNING" not in completed.stderr
    assert DATE not in (tmp_path / "site/prioriteringer/po3/index.html").read_text(encoding="utf-8")


def test_build_in_a_shallow_clone_has_no_dates_and_no_warnings(tmp_path) -> None:
    """Clones HEAD shallowly: it tests what is committed, as CI and contributors get it."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(clone)], check=True)
    assert not has_full_history(clone)
    completed = strict_build(clone, tmp_path / "site")
    assert completed.returncode == 0, completed.stderr
    assert "WARNING" not in completed.stderr
    assert DATE not in (tmp_path / "site/prioriteringer/po3/index.html").read_text(encoding="utf-8")


def _commit(repo, when: int, files: dict[str, str]) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": f"@{when} +0000",
        "GIT_COMMITTER_DATE": f"@{when} +0000",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", f"at {when}"], cwd=repo, check=True, env=env)


def test_last_commit_times_reads_the_newest_change_of_each_file(tmp_path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    _commit(repo, 1_700_000_000, {"docs/nb/a.md": "1", "docs/nb/særskilt mål.md": "1", "x.md": "1"})
    _commit(repo, 1_700_100_000, {"docs/nb/a.md": "2", "docs/en/a.md": "1"})
    _commit(repo, 1_700_200_000, {"x.md": "2"})  # outside docs/: not listed
    (repo / "docs/nb/a.md").write_text("uncommitted", encoding="utf-8")

    times = last_commit_times(repo / "docs")

    assert times == {
        "nb/a.md": 1_700_100_000,
        "en/a.md": 1_700_100_000,
        "nb/særskilt mål.md": 1_700_000_000,
    }
    assert last_commit_times(tmp_path / "not-a-repo") == {}


def test_updated_date_is_a_time_element_in_the_pages_language() -> None:
    # 23:30 UTC on 31 December is already 1 January in Oslo.
    stamp = 1_798_759_800  # 2026-12-31T23:30:00Z
    assert updated_html(stamp, "nb") == (
        '<time class="handbook-updated" datetime="2027-01-01">1. januar 2027</time>'
    )
    assert updated_html(stamp, "en") == (
        '<time class="handbook-updated" datetime="2027-01-01">1 January 2027</time>'
    )


def test_every_language_has_the_words_for_a_date() -> None:
    """A language added to the word files needs its long date format and twelve months."""
    for lang, words in ((lang, LANGUAGES[lang]) for lang in LANGUAGES):
        assert "{day}" in words["date_format"] and "{year}" in words["date_format"], lang
        assert len(words["months"].split()) == 12, lang
