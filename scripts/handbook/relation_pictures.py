"""Which relation pictures a page shows, drawn from the graph, and how they get into the page.

The relations page shows a picture above each of its tables (goals and instruments, goals
and priorities, objectives under each priority), and a priority page shows its own slice
(its objectives, goals, instruments and pages) above its related list. Each is a figure
from picture.py, captioned as the same content as the text that follows it.

The Markdown that render.py generates holds a placeholder comment where a picture goes
(`render.picture_placeholder`). The SVG cannot go through the sanitiser, which allows no
SVG in content; so the page's HTML is sanitised in the pieces between the placeholders,
and the pictures, made here from the graph and escaped, are put between them (`publish`).
A placeholder a page writes itself only draws one of the pictures the page already has,
or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .model import Graph, Page
from .picture import Group, Node, Picture, figure
from .render import (
    GOALS_INSTRUMENTS,
    GOALS_PRIORITIES,
    OBJECTIVES,
    PICTURE_PLACEHOLDER,
    SLICE,
    markers_in,
    nodes_of,
    related_groups,
    relative_url,
)
from .words import of


def _node(graph: Graph, page: Page, page_id: str) -> Node | None:
    target = graph.page(page_id, page.lang) or graph.page(page_id)
    if target is None or target.kind is None:
        return None
    href = relative_url(page, target, graph.config.default_language)
    return Node(page_id, target.kind, target.title or page_id, href)


def _nodes(graph: Graph, page: Page, ids: Iterable[str]) -> tuple[Node, ...]:
    return tuple(node for node in (_node(graph, page, i) for i in ids) if node is not None)


def _ids_of(graph: Graph, kind: str) -> list[str]:
    """The ids of a kind in reading order, as the tables beside the picture list them."""
    return [p.id for p in nodes_of(graph, kind) if p.id]


def _goals_picture(graph: Graph, page: Page, name: str, row_kind: str) -> Picture:
    """Rows of `row_kind` on the left, the goals on the right, a line where a row serves one."""
    rows = _ids_of(graph, row_kind)
    edges = tuple(
        (row, relation.target)
        for row in rows
        for relation in graph.outgoing.get(row, [])
        if relation.key == "goals"
    )
    left = (Group(None, _nodes(graph, page, rows)),)
    right = (Group(None, _nodes(graph, page, _ids_of(graph, "goal"))),)
    return Picture(name, left, right, edges)


def _objectives_picture(graph: Graph, page: Page) -> Picture:
    """The priorities on the left, each objective on the right, a line to its priority."""
    priorities = _ids_of(graph, "priority")
    edges = tuple(
        (priority, relation.source)
        for priority in priorities
        for relation in sorted(
            graph.incoming.get(priority, []), key=lambda r: graph.reading_order(r.source)
        )
        if relation.key == "priority" and (graph.page(relation.source) or page).kind == "objective"
    )
    objectives = [objective for _, objective in edges]
    left = (Group(None, _nodes(graph, page, priorities)),)
    right = (Group(None, _nodes(graph, page, objectives)),)
    return Picture(OBJECTIVES, left, right, edges)


def _slice_picture(graph: Graph, page: Page) -> Picture | None:
    """A priority on the left; what it is related to on the right, grouped as its list is."""
    if page.kind != "priority" or page.id is None:
        return None
    words = of(page.lang)
    groups = related_groups(graph, page)
    right = tuple(Group(words[kind], _nodes(graph, page, ids)) for kind, ids in groups.items())
    left = (Group(None, _nodes(graph, page, [page.id])),)
    edges = tuple((page.id, node.id) for group in right for node in group.nodes)
    return Picture(SLICE, left, right, edges)


def pictures(graph: Graph, page: Page) -> dict[str, str]:
    """The figures this page can show, by placeholder name."""
    words = of(page.lang)
    found: dict[str, Picture | None] = {SLICE: _slice_picture(graph, page)}
    if "matrix" in markers_in(page.body):
        found[GOALS_INSTRUMENTS] = _goals_picture(graph, page, GOALS_INSTRUMENTS, "instrument")
        found[GOALS_PRIORITIES] = _goals_picture(graph, page, GOALS_PRIORITIES, "priority")
        found[OBJECTIVES] = _objectives_picture(graph, page)
    captions = {SLICE: words["picture_same_as_list"]}
    return {
        name: figure(picture, captions.get(name, words["picture_same_as_table"]))
        for name, picture in found.items()
        if picture is not None and picture.left[0].nodes
    }


def publish(
    html: str, figures: dict[str, str], sanitise: Callable[[str], tuple[str, list]]
) -> tuple[str, list]:
    """The page's HTML sanitised between its placeholders, with each placeholder replaced
    by its figure (an unknown one by nothing). Returns the HTML and what the sanitiser
    removed from the pieces."""
    pieces = PICTURE_PLACEHOLDER.split(html)
    published: list[str] = []
    removed: list = []
    for index, piece in enumerate(pieces):
        if index % 2:  # the name captured between two pieces of HTML
            published.append(figures.get(piece, ""))
            continue
        clean, problems = sanitise(piece)
        published.append(clean)
        removed.extend(problems)
    return "".join(published), removed
