"""The site builds with `mkdocs build --strict`, and prints no warning on the way."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import ROOT, built_page


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


_KEY = re.compile(r'^\s*"([\w.]+)":', re.MULTILINE)


def test_norwegian_interface_strings_cover_materials_keys() -> None:
    """Our copy of Material's nb strings must know every key Material's current copy has."""
    import material

    theirs = (
        Path(material.__file__).parent / "templates" / "partials" / "languages" / "nb.html"
    ).read_text(encoding="utf-8")
    ours = (ROOT / "overrides" / "partials" / "languages" / "nb.html").read_text(encoding="utf-8")
    missing = set(_KEY.findall(theirs)) - set(_KEY.findall(ours))
    assert not missing, f"Material added interface strings; update our nb.html: {sorted(missing)}"


def test_landmarks_are_labelled_in_norwegian(built_site) -> None:
    home = built_page(built_site.site_dir, "index.md").read_text(encoding="utf-8")
    assert 'aria-label="Topptekst"' in home
    assert 'aria-label="Bunntekst"' in home
    assert 'aria-label="Header"' not in home and 'aria-label="Footer"' not in home


def test_markdown_words_follow_the_pages_language(built_site) -> None:
    """Heading link titles and glossary tooltips are in the page's language (the hooks set
    the toc and abbr settings per page; mkdocs.yml holds one value for all)."""
    nb = built_page(built_site.site_dir, "prioriteringer/po3.md").read_text(encoding="utf-8")
    en = built_page(built_site.site_dir, "en/prioriteringer/po3.md").read_text(encoding="utf-8")
    assert 'class="headerlink" href="#' in nb
    assert 'title="Lenke til denne delen"' in nb and "Link to this section" not in nb
    assert 'title="Link to this section"' in en and "Lenke til denne delen" not in en
    assert '<abbr title="Det transeuropeiske transportnettverket">TEN-T</abbr>' in nb
    assert '<abbr title="Trans-European Transport Network">TEN-T</abbr>' in en
    assert "transportnettverket" not in en
