"""The site builds with `mkdocs build --strict`, and prints no warning on the way."""

from __future__ import annotations

import re

from conftest import built_page


def test_strict_build_passes(built_site) -> None:
    assert built_site.returncode == 0, built_site.log


def test_build_prints_no_warning(built_site) -> None:
    warnings = [line for line in built_site.log.splitlines() if re.search(r"WARNING|ERROR", line)]
    assert not warnings, "\n".join(warnings)


def test_site_is_norwegian_and_loads_no_google_fonts(built_site) -> None:
    home = built_page(built_site.site_dir, "index.md").read_text(encoding="utf-8")
    assert '<html lang="nb"' in home
    assert "fonts.googleapis.com" not in home
    assert "fonts.gstatic.com" not in home


def test_headings_keep_norwegian_letters_in_anchors(built_site) -> None:
    """Slugs keep æ, ø and å (pymdownx.slugs), so anchors stay readable and stable."""
    html_files = list(built_site.site_dir.rglob("*.html"))
    ids = {m for f in html_files for m in re.findall(r'<h[2-6] id="([^"]+)"', f.read_text("utf-8"))}
    assert any(re.search(r"[æøå]", anchor) for anchor in ids), sorted(ids)[:20]
