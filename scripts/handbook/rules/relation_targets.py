"""Every relation points to an existing page of the right kind.

PASS: ``priority: po-2`` where ``po-2`` is a priority page.
FAIL (HB004): ``priority: po-9`` (no such page), or ``goals: [vm-nettverk]`` (an instrument,
not a goal).
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import get_close_matches

from ..findings import Finding
from ..messages import Text, code, kind, listing
from ..model import RELATION_FIELDS, Graph

CODE = "HB004"
SLUG = "relation-target"


def check(graph: Graph) -> Iterator[Finding]:
    known_ids: dict[str, list[str]] = {}  # kind -> its ids, sorted: only for hints

    def known(kind_name: str) -> list[str]:
        if kind_name not in known_ids:
            known_ids[kind_name] = sorted(p.id for p in graph.nodes if p.kind == kind_name and p.id)
        return known_ids[kind_name]

    for relation in graph.relations:
        expected = RELATION_FIELDS[relation.key].target_kind
        target = graph.page(relation.target)
        key, written = code(relation.key), code(relation.target)
        if target is None:
            message = Text(
                f"{key} peker på {written}, men ingen side har den id-en.",
                f"{key} points to {written}, but no page has that id.",
            )
        elif target.kind != expected:
            message = Text(
                f"{key} peker på {written}, som er {kind(target.kind or '', 'a').nb}, ikke "
                f"{kind(expected, 'a').nb}.",
                f"{key} points to {written}, which is {kind(target.kind or '', 'a').en}, not "
                f"{kind(expected, 'a').en}.",
            )
        else:
            continue
        yield Finding(
            relation.path,
            relation.line,
            CODE,
            message,
            _hint(relation.target, expected, known(expected)),
            rule=SLUG,
        )


def _hint(written: str, expected: str, known: list[str]) -> Text:
    """The id meant, if one is close, and the ids of the kind the field takes."""
    if not known:
        return Text(
            f"Håndboka har ingen {kind(expected, 'many').nb} ennå. Lag siden først, eller "
            "fjern id-en.",
            f"The handbook has no {kind(expected, 'many').en} yet. Create the page first, or "
            "remove the id.",
        )
    ids = listing([code(page_id) for page_id in known], "or")
    hint = Text(
        f"Skriv id-en til {kind(expected, 'a').nb} som finnes: {ids.nb}.",
        f"Write the id of {kind(expected, 'a').en} that exists: {ids.en}.",
    )
    close = get_close_matches(written, known, n=1, cutoff=0.6)
    if close:
        return Text(f"Mente du {code(close[0])}?", f"Did you mean {code(close[0])}?") + hint
    return hint
