"""Search finds what people type, in their own language, in a real browser.

The table is the acceptance test of issue #4. Without the query rewrite in
docs/assets/javascripts/search-query.js, "TEN-T" ranks the project-types page first (lunr
splits the query at the hyphen and wildcards each part), so the first rows fail; without
the per-language index, the language rows fail.
"""

from __future__ import annotations

import pytest

from helpers import visible_text
from searchbox import search

# (page the reader is on, query typed, page that must come first)
SEARCH_TABLE = [
    ("", "TEN-T", "ordliste/"),
    ("", "ten-t", "ordliste/"),
    ("", "TEN T", "ordliste/"),
    ("", "ØKS", "interreg-oks/"),
    ("", "ScanMed", "ordliste/"),
    ("", "fornybar energi", "sarskilte-mal/2-2/"),
    # The budget and its update box live on the key facts page (issue 14: one place per fact).
    ("", "140 millioner", "interreg-oks/nokkelfakta/"),
    ("", "PO3", "prioriteringer/po3/"),
    ("", "sirkulær", "sarskilte-mal/2-6/"),
    ("en/", "TEN-T", "en/ordliste/"),
    ("en/", "renewable energy", "en/sarskilte-mal/2-2/"),
    ("en/", "ScanMed", "en/ordliste/"),
    ("en/", "labour market", "en/prioriteringer/po4/"),
]


@pytest.mark.parametrize(
    ("path", "query", "first"), SEARCH_TABLE, ids=[f"/{p}:{q}" for p, q, _ in SEARCH_TABLE]
)
def test_first_result(reading_page, served_site, path, query, first) -> None:
    results = search(reading_page, served_site.base_url, path, query)
    assert results, f"no results for {query!r} on /{path}"
    assert results[0] == first, f"{query!r} on /{path}: {results[:3]}"
    if path.startswith("en/"):
        assert all(r.startswith("en/") for r in results), f"Norwegian results on /en/: {results}"
    else:
        assert not any(r.startswith("en/") for r in results), f"English results on /: {results}"


def test_a_deep_english_page_searches_the_english_index(page, served_site) -> None:
    results = search(page, served_site.base_url, "en/prioriteringer/po3/", "ScanMed")
    assert results and all(r.startswith("en/") for r in results), results


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("TEN-T", "TEN*T"),
        ("ten-t", "ten*t"),
        ("TEN T", "TEN*T"),
        ("PO 3", "PO*3"),
        # Words before a number or letter are two words in the index, as typed.
        ("artikkel 3", "artikkel 3"),
        ("Article 3", "Article 3"),
        ("mål 2", "mål 2"),
        ("prioritering 3", "prioritering 3"),
        ("WCAG 2", "WCAG 2"),
        ("Øresund-Kattegat", "Øresund-Kattegat"),
        ("2021-2027", "2021-2027"),
        ("samarbeid i Norden", "samarbeid i Norden"),
        ("fornybar energi", "fornybar energi"),
    ],
)
def test_query_rewrite(reading_page, served_site, typed, sent) -> None:
    reading_page.goto(served_site.url())
    assert reading_page.evaluate("q => window.handbookSearchQuery(q)", typed) == sent


def test_query_rewrite_reaches_the_search_worker(page, served_site) -> None:
    """The rewrite wraps the Worker that Material creates; a wrapped query comes back found."""
    page.goto(served_site.url())
    assert page.evaluate("Worker.name") == "HandbookWorker"
    results = search(page, served_site.base_url, "", "TEN-T")
    assert page.locator(".md-search-result mark").first.inner_text().upper() == "TEN-T"
    assert results[0] == "ordliste/"


@pytest.mark.parametrize(("path", "query"), [("", "artikkel 3"), ("en/", "Article 3")])
def test_a_word_and_a_number_find_the_pages_that_say_them(
    reading_page, served_site, path, query
) -> None:
    """Ten pages cite "artikkel 3" of the EU regulation. Joined into one word as a code
    such as "PO 3" is, the query ("artikkel*3") matched no page at all."""
    results = search(reading_page, served_site.base_url, path, query)
    assert results, f"no results for {query!r} on /{path}"
    first = (served_site.site_dir / results[0] / "index.html").read_text(encoding="utf-8")
    assert query in visible_text(first), f"{query!r} on /{path}: {results[:3]}"
