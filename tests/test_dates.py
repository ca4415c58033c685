"""'Last updated' dates: shown, localised, where git has the full history; absent, without a
warning, in a shallow clone or outside git."""

from __future__ import annotations

import subprocess

from handbook.git_history import has_full_history

from helpers import ROOT, built_page, copy_project, strict_build

DATE = 'class="git-revision-date-localized-plugin'


def test_dates_follow_the_checkout(built_site) -> None:
    nb = built_page(built_site.site_dir, "prioriteringer/po3.md").read_text(encoding="utf-8")
    en = built_page(built_site.site_dir, "en/prioriteringer/po3.md").read_text(encoding="utf-8")
    if has_full_history(ROOT):
        assert DATE in nb and DATE in en
        months_nb = (
            "januar februar mars april mai juni juli august september oktober november desember"
        )
        assert any(f" {month} 20" in nb for month in months_nb.split())
        assert any(
            f"{m} " in en
            for m in (
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            )
        )
    else:
        assert DATE not in nb and DATE not in en


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
