"""The benchmark scripts' inputs stay valid: a synthetic handbook passes the check and has a
navigation a reader could use, and the Zensical project is the real site minus i18n.

The benchmarks themselves are scripts, not tests (they time things); these tests only keep
what they build from rotting, so a number in benchmarks/README.md stays reproducible.
"""

from __future__ import annotations

import re

import bench_check
import bench_zensical
import yaml

from handbook.cli import main as handbook_main

from helpers import ROOT


def _levels(items: list, found: list[int]) -> list[int]:
    found.append(len(items))
    for item in items:
        if isinstance(item, dict):
            for children in item.values():
                if isinstance(children, list):
                    _levels(children, found)
    return found


def test_synthetic_handbook_passes_the_check_and_nests_its_navigation(tmp_path, capsys) -> None:
    bench_check.generate(tmp_path, 600)

    assert handbook_main(["check", str(tmp_path)]) == 0, capsys.readouterr().out
    nav = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    # Material expands a tab's second level, so no level may list hundreds of pages.
    assert max(_levels(nav, [])) <= 30
    assert len(list((tmp_path / "docs" / "nb").rglob("*.md"))) == 600


def test_zensical_project_is_the_norwegian_site_without_i18n(tmp_path) -> None:
    project = bench_zensical._project(tmp_path / "project", None)

    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+- i18n:", config, re.M) is None
    assert "scripts/hooks.py" not in config
    assert (project / "mark_pages.py").is_file()
    pages = {p.relative_to(project / "docs").as_posix() for p in (project / "docs").rglob("*.md")}
    source = {
        p.relative_to(ROOT / "docs" / "nb").as_posix() for p in (ROOT / "docs/nb").rglob("*.md")
    }
    assert pages == source
