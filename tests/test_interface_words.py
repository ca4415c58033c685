"""The interface words in the built site: each language's words come from its file in
includes/, and a word missing in one language stops the build instead of falling back."""

from __future__ import annotations

import html
import re

from helpers import ROOT, built_page, copy_project, strict_build

ENGLISH_NAV = {
    "Introduction",
    "Goals and instruments",
    "Main goals",
    "Instruments",
    "Interreg ÖKS",
    "The programme",
    "Priorities",
    "Specific objectives",
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
    "Prioriteringer",
    "Særskilte mål",
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
    sections = ("hovedmal/index.md", "interreg-oks/index.md")
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
    assert (
        f"includes/words.en.yml:{_line(english, 'footer_statement:')}: HB011 'footer_sources' "
        f"is missing: includes/words.nb.yml:{_line(nb, 'footer_sources:')} has it"
    ) in completed.stderr
    assert (
        f"includes/words.en.yml:{_line(english, 'Sammenhenger:')}: HB011 no title for the nav "
        f"title 'Ordliste' (mkdocs.yml:{_line(ROOT / 'mkdocs.yml', '- Ordliste:')})"
    ) in completed.stderr
    assert "Traceback" not in completed.stderr
