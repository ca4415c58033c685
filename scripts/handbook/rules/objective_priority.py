"""An objective sits under the priority its number says: ``so-2-4`` belongs to ``po-2``.

This is the class of slip the source presentation itself makes (the PO4 slide says
"Spesifikt mål under PO3"), so the check makes it impossible to publish.

PASS: ``id: so-4-1`` with ``priority: po-4``.
FAIL (HB005): ``id: so-4-1`` with ``priority: po-3``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..model import Graph

CODE = "HB005"
SLUG = "objective-priority"

_OBJECTIVE = re.compile(r"^so-(\d+)-\d+$")


def check(graph: Graph) -> Iterator[Finding]:
    for relation in graph.relations:
        if relation.key != "priority":
            continue
        match = _OBJECTIVE.match(relation.source)
        if match is None:
            continue
        expected = f"po-{match.group(1)}"
        if relation.target != expected:
            yield Finding(
                relation.path,
                relation.line,
                CODE,
                f"objective {relation.source} is placed under {relation.target}, "
                f"but its number says {expected}",
                f"set 'priority: {expected}', or renumber the objective",
                rule=SLUG,
            )
