"""The interface words in the built site: each language's words come from its file in
includes/, and a word missing in one language stops the build instead of falling back."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from helpers import ROOT, built_page, copy_project, strict_build

SITE_URL = "https://example.github.io/handbok/"
REPO_URL = "https://github.com/example/handbok"

ENGLISH_NAV = {
    "Introduction",
    "Goals and instruments",
    "Main goals",
    "Instruments",
    "Interreg ÖKS",
    "The programme",
    "Priorities and objectives",
    "PO1 Innovative region",
    "PO3 Sustainable mobility",
    "PO3 in depth",
    "Relations",
    "Glossary",
    "About",
}
NORWEGIAN_NAV = {
    "Start",
    "Mål og virkemidler",
    "Hovedmål",
    "Virkemidler",
    "Interreg ØKS",
    "Programmet",
    "Prioriteringer og mål",
    "PO1 Innovativ region",
    "PO3 Bærekraftig mobilitet",
    "PO3 i dybden",
    "Sammenhenger",
    "Ordliste",
    "Om",
}
_TAB = re.compile(r'class="md-tabs__link[^"]*">\s*(.*?)\s*</a>', re.S)
_SECTION = re.compile(
    r'<label class="md-nav__link" for="__nav_[\d_]+"[^>]*>'
    r'\s*<span class="md-ellipsis">\s*(.*?)\s*<',
    re.S,
)


def _nav_titles(site_dir, *src_paths: str) -> set[str]:
    """The tabs and section titles of the given pages (pruned: each shows its own branch)."""
    found: set[str] = set()
    for src_path in src_paths:
        page = built_page(site_dir, src_path).read_text(encoding="utf-8")
        found |= {html.unescape(title) for title in _TAB.findall(page) + _SECTION.findall(page)}
    return found


def _line(path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def test_each_site_has_its_name_and_nav_titles(built_site) -> None:
    site = built_site.site_dir
    english = built_page(site, "en/index.md").read_text(encoding="utf-8")
    norwegian = built_page(site, "index.md").read_text(encoding="utf-8")
    assert (
        "<title>Why the City of Oslo works internationally - "
        "The City of Oslo's international work</title>"
    ) in english
    assert (
        "<title>Hvorfor Oslo kommune arbeider internasjonalt - "
        "Internasjonalt arbeid i Oslo kommune</title>"
    ) in norwegian
    sections = ("hovedmal/index.md", "interreg-oks/index.md", "mobilitet/dimensjoner.md")
    english_nav = _nav_titles(site, "en/index.md", *(f"en/{path}" for path in sections))
    assert english_nav >= ENGLISH_NAV
    assert not english_nav & (NORWEGIAN_NAV - ENGLISH_NAV)
    assert _nav_titles(site, "index.md", *sections) >= NORWEGIAN_NAV


def test_a_missing_word_stops_the_build_and_names_file_line_and_key(tmp_path) -> None:
    project = copy_project(tmp_path / "project")
    english = project / "includes/words.en.yml"
    text = english.read_text(encoding="utf-8")
    text = text.replace("footer_sources: Sources\n", "").replace("  Ordliste: Glossary\n", "")
    english.write_text(text, encoding="utf-8")
    completed = strict_build(project, tmp_path / "site")
    assert completed.returncode != 0
    nb = ROOT / "includes/words.nb.yml"
    # In Norwegian, as the check says it (messages.DEFAULT_LANGUAGE).
    assert (
        f"includes/words.en.yml:{_line(english, 'footer_statement:')}: HB011 `footer_sources` "
        f"mangler her. includes/words.nb.yml:{_line(nb, 'footer_sources:')} har det."
    ) in completed.stderr
    assert (
        f"includes/words.en.yml:{_line(english, 'Sammenhenger:')}: HB011 Menytittelen "
        f"`Ordliste` (mkdocs.yml:{_line(ROOT / 'mkdocs.yml', '- Ordliste:')}) har ingen tittel "
        "på dette språket."
    ) in completed.stderr
    assert "Traceback" not in completed.stderr


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as the deploy workflow builds it: with its address and repository, so every
    page has its report link, and with no warning."""
    site_dir = tmp_path_factory.mktemp("published")
    completed = strict_build(ROOT, site_dir, SITE_URL=SITE_URL, REPO_URL=REPO_URL)
    assert completed.returncode == 0, completed.stderr
    assert not re.search(r"WARNING|ERROR", completed.stderr), completed.stderr
    return site_dir


def test_report_link_and_footer_are_in_the_pages_language(published_site) -> None:
    for src_path, report, footer in [
        (
            "prioriteringer/po3.md",
            "Meld fra om en feil på denne siden",
            ["Om håndboka", "Tilgjengelighetserklæring", "Kilder", "Slik bidrar du"],
        ),
        (
            "en/prioriteringer/po3.md",
            "Report an error on this page",
            ["About the handbook", "Accessibility statement", "Sources", "How to contribute"],
        ),
    ]:
        page = built_page(published_site, src_path).read_text(encoding="utf-8")
        assert f'class="handbook-report-link">{report}</a>' in page, src_path
        issue = re.search(r'href="([^"]+)" class="handbook-report-link"', page)
        assert issue and "title=" + report.replace(" ", "+").replace("å", "%C3%A5") in issue[1]
        nav = re.search(r'"handbook-footer-links" aria-label="([^"]+)">(.*?)</nav>', page, re.S)
        assert nav and [nav[1], *re.findall(r">([^<]+)</a>", nav[2])] == footer, src_path


def test_each_language_has_its_own_404_page(published_site) -> None:
    """The root 404.html (the one hosts serve) is Norwegian; /en/404.html is English."""
    for path, lang, name, description, footer in [
        (
            "404.html",
            "nb",
            "Internasjonalt arbeid i Oslo kommune",
            "Håndbok for Oslo kommunes internasjonale arbeid",
            "Tilgjengelighetserklæring",
        ),
        (
            "en/404.html",
            "en",
            "The City of Oslo's international work",
            "Handbook for the City of Oslo's international work",
            "Accessibility statement",
        ),
    ]:
        page = (published_site / path).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in page, path
        assert f"<title>{name}</title>" in page, path
        assert f'<meta name="description" content="{description}' in page, path
        assert f">{footer}</a>" in page, path


def test_generated_sections_are_in_the_pages_language(built_site) -> None:
    site = built_site.site_dir
    for src_path, heading in [
        ("prioriteringer/po3.md", '<h2 id="henger-sammen-med">Henger sammen med'),
        ("en/prioriteringer/po3.md", '<h2 id="related">Related pages'),
        ("sammenhenger.md", '<h2 id="hovedmål-og-virkemidler">Hovedmål og virkemidler'),
        ("en/sammenhenger.md", '<h2 id="main-goals-and-instruments">Main goals and instruments'),
    ]:
        assert heading in built_page(site, src_path).read_text(encoding="utf-8"), src_path


def test_a_template_asking_for_an_unknown_word_stops_the_build(tmp_path) -> None:
    project = copy_project(tmp_path / "project")
    footer = project / "overrides/partials/copyright.html"
    text = footer.read_text(encoding="utf-8")
    footer.write_text(text.replace("words.footer_sources", "words.footer_sorces"), "utf-8")
    completed = strict_build(project, tmp_path / "site")
    assert completed.returncode != 0
    line = _line(footer, "words.footer_sorces")
    assert (
        f"overrides/partials/copyright.html:{line}: no word 'footer_sorces' in "
        "includes/words.nb.yml"
    ) in completed.stderr
    assert "Traceback" not in completed.stderr
