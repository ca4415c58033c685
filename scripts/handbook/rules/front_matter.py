"""Front matter parses: every page starts with a closed `---` block of valid YAML keys.

PASS::

    ---
    id: po-1
    kind: priority
    ---

FAIL (HB001, the list is never closed; reported on the line YAML stops at)::

    ---
    id: po-1
    goals: [mal-innovasjon
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..model import Graph

CODE = "HB001"
SLUG = "front-matter"


def check(graph: Graph) -> Iterator[Finding]:
    for page in graph.pages:
        if page.error is not None:
            line, message = page.error
            yield Finding(
                page.display_path,
                line,
                CODE,
                message,
                "front matter is YAML between two '---' lines at the very top of the page",
                rule=SLUG,
            )
