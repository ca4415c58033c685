"""The search index (handbook/search_index.py, search_terms.py): Pagefind over the pages
this build wrote, one index per language, with what is not the page's own text left out.

Pagefind stores each page as a gzip-compressed JSON "fragment" (its URL, text and metadata);
the tests read those, so they check what a reader's search can find, not how it ranks (the
browser tests and benchmarks/bench_search.py do that).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from handbook import search_index
from handbook.search_index import SearchIndexError, index_pages

from helpers import ROOT, strict_build

SIGNATURE = b"pagefind_dcd"


def fragments(site_dir: Path) -> dict[str, dict]:
    """Every indexed page by URL: {"url", "content", "meta", ...}."""
    found = {}
    for file in (site_dir / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(file.read_bytes())
        assert data.startswith(SIGNATURE), file
        fragment = json.loads(data[len(SIGNATURE) :])
        found[fragment["url"]] = fragment
    return found


@pytest.fixture(scope="module")
def indexed(built_site) -> dict[str, dict]:
    assert built_site.returncode == 0, built_site.log[-3000:]
    return fragments(built_site.site_dir)


def _pages(site_dir: Path, lang_prefix: str) -> set[str]:
    """The URLs of the built pages of one language ("" for the default, "en/"), without
    the print page: it repeats every page, so it is not searched."""
    root = site_dir / lang_prefix
    urls = set()
    for page in root.rglob("index.html"):
        relative = page.parent.relative_to(site_dir).as_posix()
        if relative.endswith("utskrift"):
            continue
        if lang_prefix or not relative.startswith("en"):
            urls.add("/" if relative == "." else f"/{relative}/")
    return urls


def test_each_language_has_an_index_of_exactly_its_pages(built_site, indexed) -> None:
    entry = json.loads((built_site.site_dir / "pagefind/pagefind-entry.json").read_text("utf-8"))
    nb, en = _pages(built_site.site_dir, ""), _pages(built_site.site_dir, "en/")
    assert entry["languages"]["nb"]["page_count"] == len(nb) > 30
    assert entry["languages"]["en"]["page_count"] == len(en) == len(nb)
    assert set(indexed) == nb | en


def test_what_is_indexed_is_the_pages_own_text(indexed) -> None:
    """Not the facts lines and notices under each page, the heading anchors' pilcrows or the
    relation pictures (which repeat the table beside them)."""
    text = "\n".join(fragment["content"] for fragment in indexed.values())
    assert "Ny faktasjekk innen" not in text and "Next check due by" not in text
    assert "Faktaene kan være utdatert" not in text and "The facts may be out of date" not in text
    assert "¶" not in text
    assert "Tegningen viser det samme" not in text  # the picture's caption
    po3 = indexed["/prioriteringer/po3/"]
    assert po3["meta"]["title"].startswith("PO3")
    assert "TEN-T" in po3["content"]


def test_codes_and_glossary_terms_are_given_to_search_as_terms(indexed) -> None:
    assert indexed["/prioriteringer/po3/"]["meta"]["terms"] == "PO3"
    assert indexed["/en/sarskilte-mal/2-2/"]["meta"]["terms"] == "2.2 RSO2.2"
    glossary = indexed["/ordliste/"]["meta"]["terms"]
    assert "TEN-T" in glossary and "ScanMed" in glossary
    # A page is titled "Interreg ØKS": that page, not the glossary, is the page for it.
    assert "Interreg" not in glossary and "ØKS" not in glossary
    assert indexed["/interreg-oks/"]["meta"]["terms"] == "Interreg ØKS"  # search: boost: 2


def test_pages_about_the_handbook_weigh_less(built_site) -> None:
    """`search: {boost: 0.5}` becomes Pagefind's weight, the square root (its scale is square)."""
    sources = (built_site.site_dir / "om/kilder/index.html").read_text("utf-8")
    assert 'data-pagefind-weight="0.71"' in sources
    overview = (built_site.site_dir / "interreg-oks/index.html").read_text("utf-8")
    assert 'data-pagefind-weight="1.41"' in overview


def test_pagefinds_own_interfaces_are_not_published(built_site) -> None:
    bundle = built_site.site_dir / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-highlight.js").is_file()
    assert not list(bundle.glob("pagefind-*ui.*"))
    # The new bundle is written beside the old one and renamed into place; nothing is left.
    assert not list(built_site.site_dir.glob(".pagefind*"))


def test_only_the_pages_this_build_wrote_are_indexed(tmp_path) -> None:
    """`mkdocs serve` and a reused site_dir keep pages an earlier build wrote."""
    site_dir = tmp_path / "site"
    stale = site_dir / "gammel-side" / "index.html"
    stale.parent.mkdir(parents=True)
    stale.write_text(
        '<html lang="nb"><body><article class="md-content__inner">'
        "<h1>Gammel side</h1><p>utdatert innhold</p></article></body></html>"
    )
    # A dirty build warns that it is one, so it cannot be strict.
    completed = strict_build(ROOT, site_dir, "--dirty", "--no-strict")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    urls = set(fragments(site_dir))
    assert "/gammel-side/" not in urls and "/prioriteringer/po3/" in urls


def test_a_missing_pagefind_binary_is_a_clear_error(tmp_path, monkeypatch) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        '<html lang="nb"><body><article class="md-content__inner">x</article></body></html>'
    )

    def missing():
        raise FileNotFoundError("Could not find any of [...]/pagefind_bin/pagefind")

    monkeypatch.setattr(search_index, "get_executable", missing)
    with pytest.raises(SearchIndexError, match="Pagefind could not index the site"):
        index_pages(tmp_path, [page])
    assert search_index.BUNDLE == "pagefind"


def test_terms_are_escaped_and_a_boost_must_be_a_number() -> None:
    from handbook.search_terms import boost, element, weighted

    hostile = element(['"><script>alert(1)</script>', "a,b"])
    assert "<script>" not in hostile and "&quot;&gt;" in hostile and "a b" in hostile
    assert element([]) == ""
    assert boost({"search": {"boost": "2"}}) == 1.0 and boost({"search": {"boost": -1}}) == 1.0
    assert boost({"search": "x"}) == 1.0 and weighted("<p>x</p>", {}) == "<p>x</p>"
    assert (
        weighted("<p>x</p>", {"search": {"boost": 4}})
        == '<div data-pagefind-weight="2.00"><p>x</p></div>'
    )
