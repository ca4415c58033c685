"""Every page names the sources of its facts, and every source it names exists.

A page lists the ids of its sources in front matter, in the default language only (a
translation states the same facts, so it takes them over, as it takes over relations).
Each id must be an entry of includes/sources.yml, which must itself be readable, with a
title, a short name and a use in every language, and https addresses. A handbook without
a sources file and without any page naming a source (the small ones the tests write) has
nothing to check.

PASS: ``sources: [presentasjon-2021, forordning-2021-1058]`` with both ids in sources.yml;
``sources: []`` on a page about the handbook itself, which states no facts.
FAIL (HB014): a page without ``sources``; ``sources: presentasjon-2021`` (not a list);
``sources: [presentasjon-2012]`` (no such source; "did you mean presentasjon-2021?");
``sources:`` on an English page; ``url: http://...`` in sources.yml.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import get_close_matches

from ..findings import Finding
from ..model import Graph, Page
from ..sources import SOURCES_FILE

CODE = "HB014"
SLUG = "sources"
# The keys a translation takes over from its default-language page.
INHERITED = ("sources", "last_reviewed", "review_in")


def check(graph: Graph) -> Iterator[Finding]:
    sources = graph.sources
    for problem in sources.problems:
        yield Finding(problem.path, problem.line, CODE, problem.message, problem.hint, rule=SLUG)
    default = graph.config.default_language
    if not sources.present and not any(
        p.error is None and "sources" in p.meta for p in graph.pages
    ):
        return
    for page in graph.pages:
        if page.error is not None:
            continue
        if page.lang != default:
            yield from _inherited_keys(page, default)
        else:
            yield from _declared(page, graph, sources.present and not sources.problems)


def _finding(page: Page, key: str, message: str, hint: str) -> Finding:
    return Finding(page.display_path, page.line_of(key), CODE, message, hint, rule=SLUG)


def _inherited_keys(page: Page, default: str) -> Iterator[Finding]:
    for key in INHERITED:
        if key in page.meta:
            yield _finding(
                page,
                key,
                f"a translation does not declare '{key}'",
                f"remove it: the page takes '{key}' from its {default!r} page",
            )


def _declared(page: Page, graph: Graph, can_resolve: bool) -> Iterator[Finding]:
    if "sources" not in page.meta:
        yield _finding(
            page,
            "id",
            "the page does not name its sources",
            "add 'sources: [presentasjon-2021]' with the ids of the sources its facts come "
            f"from ({SOURCES_FILE}); 'sources: []' for a page without facts",
        )
        return
    value = page.meta["sources"]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        yield _finding(
            page,
            "sources",
            f"'sources' must be a list of source ids, not {value!r}",
            "write it as 'sources: [presentasjon-2021, interreg-no]'",
        )
        return
    known = graph.sources.entries
    if not graph.sources.present and value:
        yield _finding(
            page,
            "sources",
            f"the page names sources, but there is no {SOURCES_FILE}",
            f"add the sources to {SOURCES_FILE}",
        )
        return
    seen: set[str] = set()
    for source_id in value:
        if source_id in seen:
            yield _finding(
                page, "sources", f"the source {source_id!r} is named twice", "name it once"
            )
        seen.add(source_id)
        if can_resolve and source_id not in known:
            close = get_close_matches(source_id, list(known), n=1)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else f"use an id from {SOURCES_FILE}, or add the source there"
            )
            yield _finding(page, "sources", f"there is no source {source_id!r}", hint)
