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
from ..messages import Text, code
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
            source, target = code(relation.source), code(relation.target)
            yield Finding(
                relation.path,
                relation.line,
                CODE,
                Text(
                    f"Det særskilte målet {source} står under {target}, men nummeret i id-en "
                    f"sier {code(expected)}.",
                    f"The objective {source} is placed under {target}, but the number in its "
                    f"id says {code(expected)}.",
                ),
                Text(
                    f"Skriv {code(f'priority: {expected}')}, eller gi det særskilte målet et "
                    "nytt nummer.",
                    f"Write {code(f'priority: {expected}')}, or renumber the objective.",
                ),
                rule=SLUG,
            )
