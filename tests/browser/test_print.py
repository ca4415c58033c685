"""The whole handbook as one print page and one PDF per language, as `make build` makes
them (printed_site: built with the PDFs, and served under a path as on GitHub Pages).

The PDF is read as a reader's tools read it: pdftotext (poppler-utils) for its text, pypdf
for its outline, links, metadata and tags.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from functools import cache
from html import unescape
from pathlib import Path

import pytest
from conftest import ROOT, _missing
from pypdf import PdfReader
from test_accessibility import axe_violations

from handbook.config import load_config
from handbook.model import load_graph
from handbook.words import of

LANGUAGES = {"nb": "", "en": "en/"}
# Facts of the start page that must survive into the PDF, as the PDF's text has them.
KEY_FACTS = {
    "nb": ["om lag 140 millioner euro", "inntil 50 %", "14 regioner", "2.\u201323. september 2022"],
    "en": ["about 140 million euro", "up to 50%", "14 regions", "2 to 23 September 2022"],
}


@cache
def _graph():
    return load_graph(load_config(ROOT / "mkdocs.yml"))


def _titles(lang: str) -> list[str]:
    """Every page's title in navigation order, from the pages themselves."""
    graph = _graph()
    return [graph.page_at(lang, entry.path).title for entry in graph.config.nav]


def _pdf(site_dir: Path, lang: str) -> Path:
    found = sorted((site_dir / LANGUAGES[lang] / "utskrift").glob("*.pdf"))
    if not found:
        _missing("no PDF was built (is there a Chromium to print it?)")
    assert len(found) == 1, found
    return found[0]


@cache
def _pages(pdf: Path) -> tuple[str, ...]:
    """The text of each page, as pdftotext reads it (it ends every page with a form feed)."""
    if shutil.which("pdftotext") is None:
        _missing("no pdftotext (apt-get install poppler-utils)")
    completed = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return tuple(completed.stdout.split("\f")[:-1])


def _flat(text: str) -> str:
    return " ".join(text.split())


def _outline(reader: PdfReader) -> list[tuple[int, str]]:
    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, depth + 1)
            else:
                yield depth, item.title

    return list(walk(reader.outline, 0))


def _in_order(wanted: list[str], found: str) -> list[str]:
    """The titles of `wanted` that `found` lacks after the one before (empty: all in order)."""
    missing, at = [], 0
    for title in wanted:
        place = found.find(title, at)
        if place == -1:
            missing.append(title)
        else:
            at = place + len(title)
    return missing


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_pdf_has_every_page_in_navigation_order_and_the_key_facts(printed_site, lang) -> None:
    text = _flat(" ".join(_pages(_pdf(printed_site.site_dir, lang))))
    # After the contents, which list the titles too: the pages themselves.
    body = text[text.index(_titles(lang)[0], text.index(of(lang)["print_contents"])) + 1 :]
    assert _in_order(_titles(lang)[1:], body) == []
    for fact in KEY_FACTS[lang]:
        assert fact in text, fact


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_title_page_says_what_when_and_in_which_language(printed_site, lang) -> None:
    words = of(lang)
    pages = _pages(_pdf(printed_site.site_dir, lang))
    first = _flat(pages[0])
    assert first.startswith(words["site_name"])
    for label in ("print_language", "print_built", "print_checked"):
        assert f"{words[label]}:" in first
    assert {"nb": "Norsk (bokmål)", "en": "English"}[lang] in first
    # Page numbers from the second sheet on: "2 / 88".
    assert not re.search(r"\b1 / \d+", first)
    assert f"3 / {len(pages)}" in pages[2]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_contents_give_the_page_each_page_starts_on(printed_site, lang) -> None:
    pages = _pages(_pdf(printed_site.site_dir, lang))
    contents = _flat(" ".join(pages[1:4]))
    for title in _titles(lang):
        found = re.search(re.escape(title) + r" (\d+)\b", contents)
        assert found, title
        page = int(found.group(1))
        # The page starts with the section's address, then its title.
        assert title in _flat(pages[page - 1])[:250], f"{title}: does not start page {page}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_outline_has_an_entry_per_page(printed_site, lang) -> None:
    outline = _outline(PdfReader(_pdf(printed_site.site_dir, lang)))
    assert outline[0] == (0, of(lang)["site_name"])
    pages = [title for depth, title in outline if depth == 1]
    assert _in_order(_titles(lang), " | ".join(pages)) == []
    assert len(pages) == len(_titles(lang)) + 1  # and the contents


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_metadata_has_the_title_and_language_and_the_pdf_is_tagged(printed_site, lang) -> None:
    # strict: the role map's update (handbook.pdf.with_role_map) must read without repairs.
    reader = PdfReader(_pdf(printed_site.site_dir, lang), strict=True)
    assert reader.metadata.title == of(lang)["site_name"]
    root = reader.trailer["/Root"]
    assert root["/Lang"] == lang
    assert bool(root["/MarkInfo"]["/Marked"]) is True  # a PDF boolean
    tree = root["/StructTreeRoot"].get_object()
    # PDF 2.0's types, which Chromium uses in its PDF 1.4, are named for older readers.
    assert tree["/RoleMap"]["/Strong"] == "/Span"
    kinds = set()
    stack = [tree]
    while stack:
        kids = stack.pop().get("/K")
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if hasattr(kid, "get") and "/S" in kid:
                kinds.add(kid["/S"])
                stack.append(kid)
    assert {"/H1", "/H2", "/H3", "/P", "/L", "/LI", "/Link", "/Table"} <= kinds


@pytest.mark.parametrize("lang", LANGUAGES)
def test_oslo_sans_is_embedded_as_a_font(printed_site, lang) -> None:
    reader = PdfReader(_pdf(printed_site.site_dir, lang))
    fonts = {}
    for page in reader.pages[:6]:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            font = font.get_object()
            fonts[font.get("/BaseFont", "")] = font["/Subtype"]
    assert any("OsloSans" in name for name in fonts), fonts
    # Not drawn as nameless Type 3 glyphs, as Chromium does with Oslo Sans's own CFF fonts.
    assert "/Type3" not in fonts.values(), fonts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_links_between_pages_stay_inside_the_document(printed_site, lang) -> None:
    reader = PdfReader(_pdf(printed_site.site_dir, lang))
    inside, outside = 0, []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            if "/Dest" in annotation or (action and action.get("/S") == "/GoTo"):
                inside += 1
            elif action and "/URI" in action:
                outside.append(str(action["/URI"]))
    # Every page's title in the contents, and the links of the text, jump within the PDF.
    assert inside > 10 * len(_titles(lang))
    # What leaves the document is another site, or the other language's pages on this one:
    # never a page of this PDF, and never the address it was printed from.
    own = printed_site.base_url + LANGUAGES[lang]
    for uri in outside:
        assert "handbook.invalid" not in uri
        if uri.startswith(printed_site.base_url) and lang == "nb":
            assert uri.startswith(printed_site.base_url + "en/") or "/assets/" in uri, uri
        elif uri.startswith(own):
            assert "/assets/" in uri, uri


def test_each_pdf_has_only_its_own_language(printed_site) -> None:
    texts = {lang: _flat(" ".join(_pages(_pdf(printed_site.site_dir, lang)))) for lang in LANGUAGES}
    nb_titles, en_titles = _titles("nb"), _titles("en")
    # Titles of three words or more: a name ("Interreg ØKS") may be quoted in the other.
    differing = [
        (nb, en)
        for nb, en in zip(nb_titles, en_titles, strict=True)
        if nb != en and len(nb.split()) > 2 and len(en.split()) > 2
    ]
    assert len(differing) > 25
    for nb_title, en_title in differing:
        assert en_title not in texts["nb"] or en_title in nb_title, en_title
        assert nb_title not in texts["en"] or nb_title in en_title, nb_title


def _print_links(html: str) -> list[tuple[str, str]]:
    block = re.search(r'<p class="handbook-print-links[^"]*">(.*?)</p>', html, re.S)
    assert block, "no print links"
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', block.group(1))


def test_every_page_links_to_the_print_page_and_the_pdf_with_its_size(printed_site) -> None:
    site = printed_site.site_dir
    checked = 0
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if "assets" in path.parts or "utskrift" in path.parts:
            continue
        lang = "en" if rel.startswith("en/") else "nb"
        words = of(lang)
        html = path.read_text(encoding="utf-8")
        (print_href, print_text), (pdf_href, pdf_text) = _print_links(html)
        assert (print_text, pdf_text) == (words["print_link"], words["pdf_link"]), rel
        assert (path.parent / print_href / "index.html").resolve() == (
            site / LANGUAGES[lang] / "utskrift" / "index.html"
        ), rel
        pdf = (path.parent / pdf_href).resolve()
        assert pdf == _pdf(site, lang).resolve(), rel
        size = pdf.stat().st_size / 1_000_000
        shown = f"{size:.1f}".replace(".", words["decimal_separator"])
        assert f"(PDF, {shown} MB)" in unescape(html), rel
        checked += 1
    assert checked == 2 * len(_titles("nb"))
    # The start page has them at the top too.
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "handbook-print-links--top" in home


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_print_page_passes_axe(reading_page, printed_site, lang) -> None:
    reading_page.goto(printed_site.url(LANGUAGES[lang] + "utskrift/"), wait_until="load")
    assert axe_violations(reading_page) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_print_page_holds_every_page_and_its_links_stay_on_it(printed_site, lang) -> None:
    html = (printed_site.site_dir / LANGUAGES[lang] / "utskrift" / "index.html").read_text("utf-8")
    html = html[html.index("<article") : html.index("</article>")]  # the theme's ids aside
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "an id twice"
    fragments = set(re.findall(r'href="#([^"]+)"', html))
    assert fragments and fragments <= set(ids), sorted(fragments - set(ids))[:10]
    sections = re.findall(r'<section class="handbook-print-page" id="([^"]+)">', html)
    graph = _graph()
    assert sections == [graph.page_at(lang, e.path).id for e in graph.config.nav]
    # Each section says where it is published, and carries its sources and review date.
    assert html.count('class="handbook-print-url"') == len(sections)
    assert html.count('class="handbook-facts"') == len(sections)
    page = (printed_site.site_dir / LANGUAGES[lang] / "utskrift" / "index.html").read_text("utf-8")
    assert '<meta name="robots" content="noindex">' in page
    # Not in the sitemap (the search index leaves it out too: tests/test_search_index.py).
    assert "utskrift" not in (printed_site.site_dir / "sitemap.xml").read_text("utf-8")


def test_the_language_selector_leads_to_the_other_print_page(page, printed_site) -> None:
    page.goto(printed_site.url("utskrift/"), wait_until="load")
    link = page.locator('.md-select a[hreflang="en"]').first
    assert link.get_attribute("href") == printed_site.url("en/utskrift/")


def test_a_page_that_asks_another_site_for_anything_is_not_printed(tmp_path) -> None:
    """No request leaves the machine while a PDF is made: one for another origin is
    refused, and the build stops and names it rather than print without it."""
    from static_server import chromium

    from handbook import pdf

    if chromium() is None:
        _missing("no Chromium to print with")
    folder = tmp_path / "utskrift"
    folder.mkdir()
    (folder / "index.html").write_text(
        '<!doctype html><html lang="nb"><title>T</title><h1>T</h1>'
        '<img src="https://tracker.example/pixel.png" alt="">',
        encoding="utf-8",
    )

    def make(url: str) -> None:
        pdf.make(tmp_path, [pdf.Job(url, folder / "t.pdf")])

    with pytest.raises(pdf.PdfError, match=r"other sites \(https://tracker\.example/pixel\.png\)"):
        make("utskrift/")
    assert not (folder / "t.pdf").exists()
    with pytest.raises(pdf.PdfError, match="not in the built site"):
        make("en/utskrift/")


def test_a_pdf_with_a_cross_reference_stream_gets_its_role_map_too(printed_site) -> None:
    """Chromium writes a cross-reference table, which the role map's update extends by
    hand; a PDF whose last section is a stream is updated by pypdf's own writer."""
    from io import BytesIO

    from pypdf.generic import DictionaryObject

    from handbook import pdf

    printed = _pdf(printed_site.site_dir, "nb").read_bytes()
    streamed = pdf._with_role_map_by_pypdf(printed, DictionaryObject())
    assert b"/XRef" in streamed[-600:]
    reader = PdfReader(BytesIO(pdf.with_role_map(streamed)), strict=True)
    assert reader.trailer["/Root"]["/StructTreeRoot"]["/RoleMap"]["/Em"] == "/Span"
