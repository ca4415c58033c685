"""Front matter parses: each page is UTF-8 text starting with a closed `---` block of YAML.

A page that cannot be read at all is reported here too, at the line to look at: bytes that
are not UTF-8, a control character (a NUL: binary data, or a file saved as UTF-16), a
page larger than 128 KB, or one that is a symbolic link or not a file. So is front matter
the handbook refuses to read although it is valid YAML, because it could grow without
bound: an alias (`*name`) or anchor (`&name`), a merge key (`<<`), nesting deeper than
20 levels, or a block larger than 64 KB.

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

FAIL (HB001, an alias: nine such lines make 387 million strings)::

    ---
    id: po-1
    a: &a [x, x, x]
    b: [*a, *a, *a]
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..messages import Text
from ..model import Graph

CODE = "HB001"
SLUG = "front-matter"
HINT = Text(
    "Front matter er linjene mellom de to `---`-linjene øverst på siden, skrevet som "
    "`navn: verdi`.",
    "Front matter is the lines between the two `---` lines at the top of the page, written "
    "as `name: value`.",
)


def check(graph: Graph) -> Iterator[Finding]:
    for page in graph.pages:
        if page.error is not None:
            line, message = page.error
            yield Finding(
                page.display_path,
                line,
                CODE,
                message,
                page.error_hint or HINT,
                rule=SLUG,
            )
