"""What a reader sees of sources and review dates on the built site: the "Kilder" line and
"Faktasjekket" under every page, linking to the sources page's entries; the notice once a
page is overdue, without failing the build; both dates in handbook.json. (None of it is in
the search index: tests/test_search_index.py.)"""

from __future__ import annotations

import json
import re
from html import unescape

from handbook.config import load_config
from handbook.model import load_graph

from helpers import ROOT, built_page, strict_build

FACTS = re.compile(r'<div class="handbook-facts">(.*?)</div>', re.S)
NOTICE = re.compile(r'<div class="admonition warning handbook-review-notice"[^>]*>')


def _graph():
    return load_graph(load_config(ROOT / "mkdocs.yml"))


def test_every_page_names_its_sources_and_review_date(built_site) -> None:
    graph = _graph()
    kilder = built_page(built_site.site_dir, "om/kilder.md").read_text(encoding="utf-8")
    anchors = set(re.findall(r'<h2 id="([^"]+)"', kilder))
    for page in graph.pages:
        src = page.rel_path if page.lang == "nb" else f"{page.lang}/{page.rel_path}"
        html = built_page(built_site.site_dir, src).read_text(encoding="utf-8")
        facts = FACTS.search(html)
        assert facts, page.display_path
        source = graph.page(page.id)  # the Norwegian page, whose sources a translation shows
        ids = source.meta["sources"]
        linked = re.findall(r'href="(?:[./]*(?:om/)?kilder/)?#([\w-]+)"', facts.group(1))
        assert linked == ids, page.display_path
        assert set(linked) <= anchors, page.display_path
        label = "Faktasjekket:" if page.lang == "nb" else "Facts checked:"
        assert label in facts.group(1), page.display_path
        day = source.meta["last_reviewed"].isoformat()
        assert f'<time datetime="{day}">' in facts.group(1), page.display_path
        assert NOTICE.search(html) and " hidden>" in NOTICE.search(html).group(0)


def test_the_facts_come_after_the_text_and_apart_from_the_edit_date(built_site) -> None:
    html = built_page(built_site.site_dir, "interreg-oks/nokkelfakta.md").read_text("utf-8")
    assert html.index("</h1>") < html.index('<div class="handbook-facts">')
    text = unescape(re.sub(r"<[^>]+>", "", FACTS.search(html).group(1)))
    assert text.startswith(
        "Kilder: presentasjonen «Internasjonalt arbeid i Oslo kommune» (2021), interreg-oks.eu, "
    )
    assert "Ny faktasjekk innen" in text


def test_the_sources_page_lists_each_source_with_the_pages_that_use_it(built_site) -> None:
    html = built_page(built_site.site_dir, "en/om/kilder.md").read_text(encoding="utf-8")
    assert '<h2 id="forordning-2021-1058">Regulation (EU) 2021/1058' in html
    assert '<a href="https://eur-lex.europa.eu/eli/reg/2021/1058/oj">' in html
    assert "<dd>24 June 2021</dd>" in html
    section = html.split('id="forordning-2021-1058"')[1].split("<h2")[0]
    assert 'href="../../sarskilte-mal/"' in section  # the objectives overview uses it


def test_handbook_json_carries_the_sources_and_both_dates(built_site) -> None:
    data = json.loads((built_site.site_dir / "handbook.json").read_text(encoding="utf-8"))
    node = next(n for n in data["nodes"] if n["id"] == "oks-nokkelfakta")
    assert node["facts"]["sources"][0] == "presentasjon-2021"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", node["facts"]["last_reviewed"])
    assert node["facts"]["review_due"] > node["facts"]["last_reviewed"]
    assert all(n["facts"]["last_reviewed"] for n in data["nodes"])


def test_an_overdue_page_shows_the_notice_and_the_strict_build_still_passes(tmp_path) -> None:
    site = tmp_path / "site"
    completed = strict_build(ROOT, site, HANDBOOK_TODAY="2031-01-01")
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "HB015" in completed.stderr  # reported, not fatal
    html = built_page(site, "index.md").read_text(encoding="utf-8")
    notice = NOTICE.search(html)
    assert notice and " hidden" not in notice.group(0)
    assert "Faktaene kan være utdatert" in html
