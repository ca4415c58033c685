"""Each term is explained once per language, on the glossary page, with its tooltip.

The glossary page (id ``ordliste``) has one ``## Term { #id }`` section per term. An
abbreviation's tooltip is written in its section as ``*[TEN-T]: meaning``; the build shows
it on every page of the language. So a tooltip always has its explanation beside it, and
the reverse: an entry for an abbreviation (a heading like ``ERDF`` or ``TEN-T``, with two
or more capitals) must give one. Tooltips are defined nowhere else, every entry has an
explicit anchor, and every language has the same entries (the anchors other pages link to).

PASS: ``## TEN-T { #ten-t }`` followed by ``*[TEN-T]: Det transeuropeiske
transportnettverket`` and the explanation.
FAIL (HB017): ``*[IKT]: ...`` on another page or above the first entry; ``## ERDF { #erdf }``
without a tooltip; the same tooltip twice; ``## Egenfinansiering`` without ``{ #id }``; an
English glossary without the entry ``#egenfinansiering``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..glossary import GLOSSARY_PAGE_ID, entries, glossary_page, located_definitions
from ..model import Graph, Page

CODE = "HB017"
SLUG = "glossary"

# A word with two or more capitals is an abbreviation or a name written like one (ØKS, PO,
# TEN-T, ScanMed); "Interreg" or "Særskilt mål" are not.
_ABBREVIATION = re.compile(r"^[\w-]*?[A-ZÆØÅÄÖ][\w-]*?[A-ZÆØÅÄÖ][\w-]*")


def _finding(page: Page, line: int, message: str, hint: str) -> Finding:
    return Finding(page.display_path, line, CODE, message, hint, rule=SLUG)


def check(graph: Graph) -> Iterator[Finding]:
    default = graph.config.default_language
    anchors: dict[str, dict[str, int]] = {}
    for lang in graph.config.languages:
        page = glossary_page(graph, lang)
        if page is not None:
            anchors[lang] = yield from _check_glossary(page)
    for page in graph.pages:
        if page.error is None and page.id != GLOSSARY_PAGE_ID and "*[" in page.markdown:
            for definition in located_definitions(page.markdown):
                yield _finding(
                    page,
                    page.line_at(definition.offset),
                    f"a tooltip for {definition.term!r} outside the glossary",
                    "move the line to the term's entry on the glossary page (ordliste.md), "
                    "so the term is explained once and its tooltip shows on every page",
                )
    yield from _compare(graph, anchors, default)


def _check_glossary(page: Page) -> Iterator[Finding]:
    loose, found = entries(page)
    for definition in loose:
        yield _finding(
            page,
            page.line_at(definition.offset),
            f"the tooltip for {definition.term!r} is not in an entry",
            "put it under the '## Term { #id }' heading of the term it explains",
        )
    seen: dict[str, int] = {}
    anchors: dict[str, int] = {}
    for entry in found:
        if entry.anchor is None:
            yield _finding(
                page,
                entry.line,
                f"the entry {entry.heading!r} has no anchor",
                "give it one that stays the same in every language: '## Term { #term }'",
            )
        else:
            anchors[entry.anchor] = entry.line
        if not entry.tooltips and _ABBREVIATION.match(entry.heading):
            term = entry.heading.split()[0]
            yield _finding(
                page,
                entry.line,
                f"the entry {entry.heading!r} has no tooltip",
                f"add '*[{term}]: what it stands for' under the heading, so {term} gets a "
                "tooltip on every page",
            )
        for definition in entry.tooltips:
            term = definition.term.strip()
            line = page.line_at(definition.offset)
            if term in seen:
                yield _finding(
                    page,
                    line,
                    f"a second tooltip for {term!r} (the first is on line {seen[term]})",
                    "keep one: a term has one explanation",
                )
            seen.setdefault(term, line)
    return anchors


def _compare(graph: Graph, anchors: dict[str, dict[str, int]], default: str) -> Iterator[Finding]:
    expected = anchors.get(default)
    if expected is None:
        return
    for lang, present in anchors.items():
        if lang == default:
            continue
        page = glossary_page(graph, lang)
        assert page is not None
        for anchor, line in expected.items():
            if anchor not in present:
                yield _finding(
                    page,
                    page.body_line,
                    f"no entry '#{anchor}' (the {default!r} glossary has it on line {line})",
                    "translate the entry, with the same anchor",
                )
        for anchor, line in present.items():
            if anchor not in expected:
                yield _finding(
                    page,
                    line,
                    f"the entry '#{anchor}' is not in the {default!r} glossary",
                    "add it there too, or use the anchor the other glossary uses",
                )
