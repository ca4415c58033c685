"""Every relation points to an existing page of the right kind.

PASS: ``priority: po-2`` where ``po-2`` is a priority page.
FAIL (HB004): ``priority: po-9`` (no such page), or ``goals: [vm-nettverk]`` (an instrument,
not a goal).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import RELATION_FIELDS, Graph

CODE = "HB004"
SLUG = "relation-target"


def check(graph: Graph) -> Iterator[Finding]:
    for relation in graph.relations:
        expected = RELATION_FIELDS[relation.key].target_kind
        target = graph.page(relation.target)
        if target is None:
            known = sorted(p.id for p in graph.nodes if p.kind == expected and p.id)
            yield Finding(
                relation.path,
                relation.line,
                CODE,
                f"'{relation.key}' points to {relation.target!r}, which does not exist",
                f"known {expected} ids: {', '.join(known) or 'none'}",
                rule=SLUG,
            )
        elif target.kind != expected:
            yield Finding(
                relation.path,
                relation.line,
                CODE,
                f"'{relation.key}' points to {relation.target!r}, which is a "
                f"{target.kind}, not a {expected}",
                f"'{relation.key}' takes {expected} ids",
                rule=SLUG,
            )
