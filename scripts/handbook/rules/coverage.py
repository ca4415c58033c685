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
from ..messages import Text, code, kind
from ..model import Graph, Page

CODE = "HB006"
SLUG = "coverage"

# kind -> [(relation key, direction, kind at the other end)]
REQUIREMENTS: dict[str, list[tuple[str, str, str]]] = {
    "priority": [("priority", "in", "objective")],
    "goal": [("goals", "in", "instrument"), ("goals", "in", "priority")],
    "instrument": [("goals", "out", "goal")],
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
    goals = sorted(p.id for p in graph.nodes if p.kind == "goal" and p.id)
    for page in graph.nodes:
        if page.error is not None or page.id is None:
            continue
        for key, _direction, other_kind in (
            requirement
            for requirement in REQUIREMENTS.get(page.kind or "", [])
            if not _has(graph, page, *requirement)
        ):
            yield Finding(
                page.display_path,
                page.line_of("id"),
                CODE,
                *_words(page.kind or "", page.id, key, other_kind, goals),
                rule=SLUG,
            )


def _words(
    kind_name: str, page_id: str, key: str, other_kind: str, goals: list[str]
) -> tuple[Text, Text]:
    """What is missing, and the line that adds it."""
    the_id = code(page_id)
    if kind_name == "priority":
        return (
            Text(
                f"Prioriteringen {the_id} har ingen særskilte mål.",
                f"The priority {the_id} has no objective.",
            ),
            Text(
                f"Legg til et særskilt mål med {code(f'{key}: {page_id}')}.",
                f"Add an objective with {code(f'{key}: {page_id}')}.",
            ),
        )
    if kind_name == "instrument":
        example = code(f"{key}: [{goals[0] if goals else 'mal-kunnskap'}]")
        return (
            Text(
                f"Virkemiddelet {the_id} tjener ikke noe hovedmål.",
                f"The instrument {the_id} serves no goal.",
            ),
            Text(
                f"Skriv id-en til minst ett hovedmål i {code(key)}, for eksempel {example}.",
                f"Write the id of at least one goal in {code(key)}, for example {example}.",
            ),
        )
    other = kind(other_kind, "a")
    return (
        Text(
            f"Ingen {kind(other_kind, 'many').nb} tjener {kind(kind_name, 'the').nb} {the_id}.",
            f"No {kind(other_kind).en} serves {kind(kind_name, 'the').en} {the_id}.",
        ),
        Text(
            f"Legg til {the_id} i {code(key)} på {other.nb}, for eksempel "
            f"{code(f'{key}: [{page_id}]')}.",
            f"Add {the_id} to the {code(key)} of {other.en}, for example "
            f"{code(f'{key}: [{page_id}]')}.",
        ),
    )
