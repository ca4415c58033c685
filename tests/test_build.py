"""The site builds with `mkdocs build --strict`, and prints no warning on the way."""

from __future__ import annotations

import re
from pathlib import Path

from handbook import words

from helpers import built_page


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


_STRING = re.compile(r'^\s*"([\w.]+)":\s*"((?:[^"\\]|\\.)*)"', re.MULTILINE)

# Material's strings that may stay as Material's English on Norwegian pages: the same word
# in Norwegian, or settings rather than words.
SAME_IN_NORWEGIAN = {
    "blog.meta": "Metadata",
    "direction": "ltr",  # text direction
    "search.config.pipeline": "stopWordFilter",  # search settings (mkdocs.yml sets both)
    "search.config.separator": r"[\\s\\-]+",
}


def _material_strings(lang: str) -> dict[str, str]:
    import material

    languages = Path(material.__file__).parent / "templates" / "partials" / "languages"
    return dict(_STRING.findall((languages / f"{lang}.html").read_text(encoding="utf-8")))


def test_no_material_interface_string_is_english_on_norwegian_pages() -> None:
    """Material's Norwegian file leaves some strings in English, or out (then Material
    shows the English one). Each must be translated in the `theme:` group of
    includes/words.nb.yml, or be the same word in Norwegian."""
    english, norwegian = _material_strings("en"), _material_strings("nb")
    left_in_english = {key for key, text in english.items() if norwegian.get(key) in (None, text)}
    ours = words.of("nb").theme
    untranslated = left_in_english - set(ours) - set(SAME_IN_NORWEGIAN)
    assert not untranslated, (
        "Material shows these in English on Norwegian pages; translate them under theme: in "
        f"includes/words.nb.yml: {sorted(untranslated)}"
    )
    assert {key: english[key] for key in SAME_IN_NORWEGIAN} == SAME_IN_NORWEGIAN
    assert all(ours[key] != english.get(key) for key in ours), dict(ours.as_dict())


def test_landmarks_are_labelled_in_norwegian(built_site) -> None:
    home = built_page(built_site.site_dir, "index.md").read_text(encoding="utf-8")
    assert 'aria-label="Topptekst"' in home
    assert 'aria-label="Bunntekst"' in home
    assert 'aria-label="Header"' not in home and 'aria-label="Footer"' not in home
    english = built_page(built_site.site_dir, "en/index.md").read_text(encoding="utf-8")
    assert 'aria-label="Header"' in english and 'aria-label="Topptekst"' not in english


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


def test_the_404_pages_language_links_lead_to_each_languages_home(built_site) -> None:
    """Not to whichever page was built last: the 404 page has no translation of its own."""
    for page in ("404.html", "en/404.html"):
        text = (built_site.site_dir / page).read_text(encoding="utf-8")
        alternates = dict(
            re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="(\w+)"', text)
        )
        assert sorted(alternates.values()) == ["en", "nb"], (page, alternates)
        for href, lang in alternates.items():
            assert href == "http://127.0.0.1:8000/" + ("en/" if lang == "en" else ""), page
