"""The two editions: language switcher, html lang, hreflang alternates, sitemap, tooltips."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from helpers import ROOT

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def _pages(site_dir):
    return sorted(p for p in site_dir.rglob("index.html") if "assets" not in p.parts)


def test_every_page_has_the_right_html_lang(served_site) -> None:
    pages = _pages(served_site.site_dir)
    assert len(pages) >= 2 * 36
    for path in pages:
        rel = path.relative_to(served_site.site_dir).as_posix()
        expected = "en" if rel.startswith("en/") else "nb"
        assert f'<html lang="{expected}"' in path.read_text(encoding="utf-8"), rel


def test_hreflang_alternates_are_absolute_and_point_at_the_same_page(served_site) -> None:
    html = (served_site.site_dir / "prioriteringer/po3/index.html").read_text(encoding="utf-8")
    links = dict(
        (lang, href)
        for href, lang in re.findall(
            r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)"', html
        )
    )
    assert links == {
        "nb": served_site.url("prioriteringer/po3/"),
        "en": served_site.url("en/prioriteringer/po3/"),
    }


def test_one_sitemap_at_the_site_root_lists_both_languages_with_alternates(served_site) -> None:
    root = ET.parse(served_site.site_dir / "sitemap.xml").getroot()
    urls = root.findall(f"{SITEMAP}url")
    nb_docs = list((ROOT / "docs" / "nb").rglob("*.md"))
    assert len(urls) == 2 * len(nb_docs)  # every page, in each language
    for url in urls:
        loc = url.find(f"{SITEMAP}loc").text
        assert loc.startswith(served_site.base_url), loc
        alternates = {a.get("hreflang"): a.get("href") for a in url.findall(f"{XHTML}link")}
        assert set(alternates) == {"nb", "en"}, loc
        assert alternates["en"].startswith(served_site.url("en/")), loc
    # None under /en/: a sitemap may list only addresses under its own folder, and the
    # language selector's requests go to the root one (language-sitemaps.js).
    assert sorted(p.name for p in (served_site.site_dir / "en").glob("sitemap*")) == []


def test_language_selector_reads_the_root_sitemap_only(page, served_site) -> None:
    """Material asks for a sitemap.xml next to each hreflang alternate of the page
    (mkdocs-material#8576), which exists only at the site root; language-sitemaps.js sends
    every such request there, so none gets a 404."""
    responses: list[tuple[str, int]] = []
    page.on("response", lambda r: responses.append((r.url, r.status)))
    for path in ("", "en/", "prioriteringer/po3/", "en/prioriteringer/po3/"):
        page.goto(served_site.url(path))
        page.wait_for_load_state("networkidle")
    sitemaps = {(url, status) for url, status in responses if url.endswith("/sitemap.xml")}
    assert sitemaps == {(served_site.url("sitemap.xml"), 200)}, sitemaps


def test_language_switcher_on_the_home_pages(page, served_site) -> None:
    page.goto(served_site.url())
    page.locator(".md-select").first.hover()
    page.locator(".md-select__link[hreflang=en]").click()
    page.wait_for_url(served_site.url("en/"))
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-select").first.hover()
    page.locator(".md-select__link[hreflang=nb]").click()
    page.wait_for_url(served_site.base_url)
    assert page.locator("html").get_attribute("lang") == "nb"


def test_language_switcher_lands_on_the_same_page(page, served_site) -> None:
    page.goto(served_site.url("sarskilte-mal/3-2/"))
    page.locator(".md-select").first.hover()
    page.locator(".md-select__link[hreflang=en]").click()
    page.wait_for_url(served_site.url("en/sarskilte-mal/3-2/"))
    assert page.locator("h1").inner_text().startswith("3.2")
    page.locator(".md-select").first.hover()
    page.locator(".md-select__link[hreflang=nb]").click()
    page.wait_for_url(served_site.url("sarskilte-mal/3-2/"))


def test_glossary_terms_show_a_tooltip(page, served_site) -> None:
    for path, text in [
        ("sarskilte-mal/3-2/", "transeuropeiske"),
        ("en/sarskilte-mal/3-2/", "Trans-European"),
    ]:
        page.goto(served_site.url(path))
        term = page.locator("article abbr", has_text="TEN-T").first
        assert text in term.get_attribute("title")
        term.hover()
        tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text=text).first
        tooltip.wait_for(state="visible")
