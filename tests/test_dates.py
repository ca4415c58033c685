"""'Last updated' dates: shown, localised, where git has the full history; absent, without a
warning, in a shallow clone or outside git."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from handbook.git_history import has_full_history

from helpers import ROOT, built_page

DATE = 'class="git-revision-date-localized-plugin'


def _build(project, tmp_path):
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )


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
    project = tmp_path / "project"
    for name in ("docs", "scripts", "overrides", "includes"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    completed = _build(project, tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert "WARNING" not in completed.stderr
    assert DATE not in (tmp_path / "site/prioriteringer/po3/index.html").read_text(encoding="utf-8")


def test_build_in_a_shallow_clone_has_no_dates_and_no_warnings(tmp_path) -> None:
    """Clones HEAD shallowly: it tests what is committed, as CI and contributors get it."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(clone)], check=True)
    assert not has_full_history(clone)
    completed = _build(clone, tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert "WARNING" not in completed.stderr
    assert DATE not in (tmp_path / "site/prioriteringer/po3/index.html").read_text(encoding="utf-8")
