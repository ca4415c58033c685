"""Ids are well-formed and unique within each language.

An id is the page's stable name across languages and in `handbook.json`: lowercase
letters, digits and hyphens. Priorities are `po-<n>` and objectives `so-<n>-<m>`, so the
objective's number can be checked against its priority.

PASS: ``id: so-2-4`` on one page only. FAIL (HB002): ``id: SO 2.4``, or the same id on two
pages of one language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..model import Graph

CODE = "HB002"
SLUG = "identity"

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KIND_ID_PATTERNS = {
    "priority": (re.compile(r"^po-\d+$"), "po-<number>, e.g. po-3"),
    "objective": (re.compile(r"^so-\d+-\d+$"), "so-<priority>-<number>, e.g. so-3-2"),
}


def check(graph: Graph) -> Iterator[Finding]:
    for pages in graph.by_language.values():
        first_seen: dict[str, str] = {}
        for page in pages:
            if page.error is not None:
                continue
            raw = page.meta.get("id")
            line = page.line_of("id")
            if raw is None:
                yield Finding(
                    page.display_path,
                    line,
                    CODE,
                    "the page has no id",
                    "add 'id: <name>' (lowercase letters, digits, hyphens)",
                    rule=SLUG,
                )
                continue
            if not isinstance(raw, str) or not ID_PATTERN.match(raw):
                yield Finding(
                    page.display_path,
                    line,
                    CODE,
                    f"id {raw!r} is not well-formed",
                    "use lowercase letters, digits and single hyphens, e.g. so-2-4",
                    rule=SLUG,
                )
                continue
            pattern = KIND_ID_PATTERNS.get(page.kind or "")
            if pattern and not pattern[0].match(raw):
                yield Finding(
                    page.display_path,
                    line,
                    CODE,
                    f"a {page.kind}'s id must look like {pattern[1]}, not {raw!r}",
                    "the number in the id is what the objective/priority check reads",
                    rule=SLUG,
                )
            if raw in first_seen:
                yield Finding(
                    page.display_path,
                    line,
                    CODE,
                    f"id {raw!r} is already used by {first_seen[raw]}",
                    "every page needs its own id; rename one of them",
                    rule=SLUG,
                )
            else:
                first_seen[raw] = page.display_path
