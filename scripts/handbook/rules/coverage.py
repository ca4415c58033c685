"""The graph has no loose ends: every priority has objectives, every goal is served by at
least one instrument and one priority, every instrument serves at least one goal.

A goal nobody serves, or a priority with no objective, is almost always a relation that
was forgotten or mistyped.

PASS: ``mal-kunnskap`` is named in the ``goals`` of an instrument and of a priority.
FAIL (HB006): a goal no instrument names; ``po-4`` with no objective whose ``priority`` is it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import Graph, Page

CODE = "HB006"
SLUG = "coverage"

# kind -> [(relation key, direction, kind at the other end, what the reader should add)]
REQUIREMENTS: dict[str, list[tuple[str, str, str, str]]] = {
    "priority": [("priority", "in", "objective", "an objective with 'priority: {id}'")],
    "goal": [
        ("goals", "in", "instrument", "an instrument with '{id}' in its 'goals'"),
        ("goals", "in", "priority", "a priority with '{id}' in its 'goals'"),
    ],
    "instrument": [("goals", "out", "goal", "an existing goal id in 'goals'")],
}


def _has(graph: Graph, page: Page, key: str, direction: str, other_kind: str) -> bool:
    assert page.id is not None
    if direction == "in":
        edges = ((r, r.source) for r in graph.incoming.get(page.id, []))
    else:
        edges = ((r, r.target) for r in graph.outgoing.get(page.id, []))
    for relation, other in edges:
        other_page = graph.page(other)
        if relation.key == key and other_page is not None and other_page.kind == other_kind:
            return True
    return False


def check(graph: Graph) -> Iterator[Finding]:
    for page in graph.nodes:
        if page.error is not None or page.id is None:
            continue
        for key, direction, other_kind, fix in REQUIREMENTS.get(page.kind or "", []):
            if not _has(graph, page, key, direction, other_kind):
                verb = "has no" if direction == "out" else "is not served by any"
                if page.kind == "priority":
                    message = f"priority {page.id} has no objective"
                elif page.kind == "instrument":
                    message = f"instrument {page.id} serves no goal"
                else:
                    message = f"{page.kind} {page.id} {verb} {other_kind}"
                yield Finding(
                    page.display_path,
                    page.line_of("id"),
                    CODE,
                    message,
                    "add " + fix.format(id=page.id),
                    rule=SLUG,
                )
