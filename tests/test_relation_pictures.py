"""The relation pictures: drawn from the model, escaped, and put into the page only where
the generated sections ask for them.

Expectations come from the graph the model loads from the real pages (or a copy with one
relation changed), never from a list written here.
"""

from __future__ import annotations

import dataclasses
import html
import re

import pytest

from handbook import safe_html
from handbook.config import load_config
from handbook.model import load_graph
from handbook.picture import COLUMN, PADDING, Group, Node, Picture, svg, text_width, wrap
from handbook.relation_pictures import pictures, publish

from helpers import ROOT, built_page, copy_project, strict_build

_EDGE = re.compile(r'<path class="handbook-picture__edge" data-from="([^"]+)" data-to="([^"]+)"')
_FIGURE = re.compile(r'<figure class="handbook-picture".*?</figure>', re.S)


@pytest.fixture(scope="module")
def graph():
    return load_graph(load_config(ROOT / "mkdocs.yml"))


def _edges(fragment: str) -> set[tuple[str, str]]:
    return set(_EDGE.findall(fragment))


def _declared(graph, key: str, source_kind: str) -> set[tuple[str, str]]:
    """(source, target) of every relation `key` declared on a page of `source_kind`."""
    return {
        (relation.source, relation.target)
        for relation in graph.relations
        if relation.key == key and graph.page(relation.source).kind == source_kind
    }


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_relations_page_draws_every_declared_relation_and_no_other(graph, lang) -> None:
    page = graph.page("sammenhenger", lang)
    figures = pictures(graph, page)
    instruments = _edges(figures["goals-instruments"])
    priorities = _edges(figures["goals-priorities"])
    objectives = _edges(figures["objectives"])
    assert instruments == _declared(graph, "goals", "instrument")
    assert priorities == _declared(graph, "goals", "priority")
    assert objectives == {(p, o) for o, p in _declared(graph, "priority", "objective")}
    assert len(instruments) >= 5 and len(objectives) == 7


def test_each_priority_page_draws_its_own_slice(graph) -> None:
    for priority in (page for page in graph.nodes if page.kind == "priority"):
        figure = pictures(graph, priority)["slice"]
        related = {other for _, other in graph.related(priority.id)}
        assert _edges(figure) == {(priority.id, other) for other in related}
        for other in related:
            assert f'data-node="{other}"' in figure


def test_only_priorities_and_the_relations_page_have_pictures(graph) -> None:
    for page in graph.pages:
        names = set(pictures(graph, page))
        if page.kind == "priority":
            assert names == {"slice"}, page.rel_path
        elif page.id == "sammenhenger":
            assert names == {"goals-instruments", "goals-priorities", "objectives"}
        else:
            assert not names, page.rel_path


def test_nodes_link_to_their_pages_relative_to_the_page_drawn_on(graph) -> None:
    figure = pictures(graph, graph.page("sammenhenger", "en"))["objectives"]
    links = dict(re.findall(r'<a href="([^"]+)" tabindex="-1" data-node="([^"]+)"', figure))
    assert {node: href for href, node in links.items()}["so-3-2"] == "../sarskilte-mal/3-2/"
    title = graph.page("so-3-2", "en").title
    assert html.escape(wrap(title, COLUMN - 2 * PADDING)[0]) in figure  # the English title


def test_the_picture_is_hidden_from_screen_readers_and_out_of_the_tab_order(graph) -> None:
    figure = pictures(graph, graph.page("po-3"))["slice"]
    assert 'aria-hidden="true"' in figure and "data-search-exclude" in figure
    assert figure.count("<a ") == figure.count('tabindex="-1"') > 0
    assert "<figcaption>" in figure


@pytest.mark.parametrize(
    "label",
    [
        "1.1 Forsknings- og innovasjonskapasitet og avansert teknologi",
        "arbeidsmarkedsregion",
        "Superlangtordsomikkeharbindestrekogsomerlangtmerennenlinje",
        "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-æ-ø-å-a-b-c-d-e-f-g",
        "WWWWWWWWWWWWWWWWWWWWWWWWW ☃☃☃☃☃☃☃☃☃☃☃☃☃☃☃☃☃☃",
    ],
)
def test_wrapped_lines_fit_the_box_and_keep_every_character(label) -> None:
    width = COLUMN - 2 * PADDING
    lines = wrap(label, width)
    assert all(text_width(line) <= width for line in lines), lines
    assert "".join(lines).replace(" ", "") == label.replace(" ", "")


def test_labels_and_links_are_escaped() -> None:
    hostile = '"><script>alert(1)</script><a href="javascript:x">'
    node = Node('x" onload="alert(1)', "goal", hostile, 'y" onclick="alert(1)')
    drawn = svg(Picture("p", (Group(hostile, (node,)),), (Group(None, (node,)),), ()))
    assert "<script" not in drawn and 'href="javascript' not in drawn
    assert ' onload="' not in drawn and ' onclick="' not in drawn


def _sanitiser_calls():
    calls: list[str] = []

    def sanitise(piece: str):
        calls.append(piece)
        return safe_html.sanitise(piece)

    return calls, sanitise


def test_publish_sanitises_around_each_placeholder_and_puts_the_figure_there() -> None:
    calls, sanitise = _sanitiser_calls()
    page = "<p>one</p><script>x</script>\n<!-- handbook-picture:slice -->\n<p>two</p>"
    published, removed = publish(page, {"slice": "<figure>F</figure>"}, sanitise)
    assert published.replace("\n", "") == "<p>one</p><figure>F</figure><p>two</p>"
    assert len(calls) == 2 and removed  # the script was removed and reported


def test_a_placeholder_for_a_picture_the_page_does_not_have_draws_nothing() -> None:
    _, sanitise = _sanitiser_calls()
    page = "<p>a</p><!-- handbook-picture:objectives --><p>b</p><!-- handbook-picture:x -->"
    published, _ = publish(page, {"slice": "<figure>F</figure>"}, sanitise)
    assert published == "<p>a</p><p>b</p>"


def test_an_unclosed_tag_before_a_placeholder_does_not_swallow_the_picture() -> None:
    _, sanitise = _sanitiser_calls()
    page = '<p><a href="https://example.org/">open<!-- handbook-picture:slice --><p>b</p>'
    published, _ = publish(page, {"slice": "<figure>F</figure>"}, sanitise)
    assert "</a></p><figure>F</figure>" in published


def test_a_relation_removed_in_a_copy_disappears_from_the_built_pictures(tmp_path) -> None:
    project = copy_project(tmp_path / "project")
    instrument = project / "docs/nb/virkemidler/organisasjoner-og-nettverk.md"
    text = instrument.read_text(encoding="utf-8")
    declared = re.search(r"^goals: \[(.*)\]$", text, re.M)
    goals = [goal.strip() for goal in declared.group(1).split(",")]
    removed_goal = goals[-1]
    kept = ", ".join(goals[:-1])
    instrument.write_text(text.replace(declared.group(0), f"goals: [{kept}]"), encoding="utf-8")
    site = tmp_path / "site"
    completed = strict_build(project, site)
    assert completed.returncode == 0, completed.stderr
    for src in ("sammenhenger.md", "en/sammenhenger.md"):
        page_html = built_page(site, src).read_text(encoding="utf-8")
        drawn = set().union(*(_edges(figure) for figure in _FIGURE.findall(page_html)))
        assert ("vm-nettverk", goals[0]) in drawn
        assert ("vm-nettverk", removed_goal) not in drawn


def test_the_matrix_marker_brings_its_pictures_however_it_is_spaced(graph) -> None:
    """The pictures follow the marker as expand_markers reads it, not one exact spelling."""
    relations_page = graph.page("sammenhenger")
    body = relations_page.body.replace("<!-- handbook:matrix -->", "<!--handbook:matrix   -->")
    assert body != relations_page.body
    respaced = dataclasses.replace(relations_page, body=body)
    assert set(pictures(graph, respaced)) == {"goals-instruments", "goals-priorities", "objectives"}
