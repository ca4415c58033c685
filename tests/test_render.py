"""What the hooks add to the built site: related sections, the matrix and handbook.json.

Every expectation is derived from the graph the model loads from the real pages, so the
tests check that the site shows the relations the front matter declares, in both directions.
"""

from __future__ import annotations

import html
import json
import posixpath
import re

import pytest

from handbook.config import load_config
from handbook.model import load_graph
from handbook.render import UnknownMarkerError, expand_markers, page_url

from helpers import ROOT, built_page


@pytest.fixture(scope="module")
def graph():
    return load_graph(load_config(ROOT / "mkdocs.yml"))


def _section(page_html: str, anchor: str) -> str:
    start = page_html.find(f'id="{anchor}"')
    assert start != -1, f"no #{anchor} section"
    end = page_html.find("</article>", start)
    return page_html[start:end]


def _text(fragment: str) -> str:
    """Visible text: glossary terms are wrapped in <abbr>, which must not hide a title."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def _link_targets(fragment: str) -> set[str]:
    return {html.unescape(href) for href in re.findall(r'<a href="([^"]+)"', fragment)}


def _resolve(base: str, href: str) -> str:
    """A relative href on the page at `base` as a site-relative directory URL."""
    path = posixpath.normpath(posixpath.join(base, href.split("#")[0]))
    return "" if path == "." else path.rstrip("/") + "/"


def test_every_related_page_is_linked_in_both_directions(built_site, graph) -> None:
    assert built_site.returncode == 0, built_site.log
    checked = 0
    for page in graph.nodes:
        related = {other for _, other in graph.related(page.id)}
        if not related:
            continue
        page_html = built_page(built_site.site_dir, page.rel_path).read_text(encoding="utf-8")
        section = _section(page_html, "henger-sammen-med")
        base = page_url(page.rel_path, "nb", "nb")
        linked = {_resolve(base, href) for href in _link_targets(section)}
        for other in related:
            target = graph.page(other)
            assert page_url(target.rel_path, "nb", "nb") in linked, (
                f"{page.id}: related {other} not linked in its section"
            )
            assert target.title in _text(section), f"{page.id}: no title for {other}"
        checked += 1
    # 4 goals, 5 instruments, the programme, 4 priorities, 7 objectives, 2 PO3 pages
    assert checked == 23


def test_objective_section_names_its_priority_and_goals(built_site, graph) -> None:
    section = _text(
        _section(
            built_page(built_site.site_dir, "sarskilte-mal/4-1.md").read_text(encoding="utf-8"),
            "henger-sammen-med",
        )
    )
    assert "Prioriteringer" in section and graph.page("po-4").title in section
    assert "Hovedmål" in section and graph.page("mal-kunnskap").title in section
    assert graph.page("po-3").title not in section  # the slide's slip stays corrected


def test_matrix_page_shows_every_goal_relation(built_site, graph) -> None:
    page_html = built_page(built_site.site_dir, "sammenhenger.md").read_text(encoding="utf-8")
    assert "handbook:matrix" not in page_html
    tables = re.findall(r"<table>.*?</table>", page_html, flags=re.S)
    assert len(tables) == 2
    for table, row_kind in zip(tables, ("instrument", "priority"), strict=True):
        header, *rows = re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)
        goals = [
            re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<th[^>]*>(.*?)</th>", header)
        ][1:]
        goal_ids = {graph.page(g.id).title: g.id for g in graph.nodes if g.kind == "goal"}
        assert sorted(goals) == sorted(goal_ids)
        assert len(rows) == sum(1 for p in graph.nodes if p.kind == row_kind)
        for row in rows:
            cells = [
                html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
                for c in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
            ]
            row_page = next(p for p in graph.nodes if p.title == cells[0])
            declared = {r.target for r in graph.outgoing[row_page.id] if r.key == "goals"}
            shown = {goal_ids[g] for g, cell in zip(goals, cells[1:], strict=True) if cell == "Ja"}
            assert shown == declared, row_page.id


def test_handbook_json_holds_the_graph(built_site, graph) -> None:
    data = json.loads((built_site.site_dir / "handbook.json").read_text(encoding="utf-8"))
    assert data["default_language"] == "nb"
    assert {n["id"] for n in data["nodes"]} == {p.id for p in graph.nodes}
    assert len(data["relations"]) == len(graph.relations)
    po3 = next(n for n in data["nodes"] if n["id"] == "po-3")
    assert po3["kind"] == "priority" and po3["urls"]["nb"] == "prioriteringer/po3/"
    for node in data["nodes"]:
        for lang, url in node["urls"].items():
            assert (built_site.site_dir / url / "index.html").is_file(), (node["id"], lang, url)


def test_unknown_marker_is_an_error(graph) -> None:
    page = graph.page("sammenhenger")
    with pytest.raises(UnknownMarkerError, match="handbook:matrise"):
        expand_markers(graph, page, "Tekst\n<!-- handbook:matrise -->\n")


@pytest.mark.parametrize(
    ("rel_path", "lang", "url"),
    [("index.md", "nb", ""), ("om/index.md", "nb", "om/"), ("om/kilder.md", "en", "en/om/kilder/")],
)
def test_page_urls_follow_mkdocs_directory_urls(rel_path, lang, url) -> None:
    assert page_url(rel_path, lang, "nb") == url
