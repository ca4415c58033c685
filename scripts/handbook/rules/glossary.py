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
from difflib import get_close_matches

from ..findings import Finding
from ..glossary import GLOSSARY_PAGE_ID, entries, glossary_page, located_definitions
from ..messages import Text, code
from ..model import Graph, Page

CODE = "HB017"
SLUG = "glossary"

# A word with two or more capitals is an abbreviation or a name written like one (ØKS, PO,
# TEN-T, ScanMed); "Interreg" or "Særskilt mål" are not.
_ABBREVIATION = re.compile(r"^[\w-]*?[A-ZÆØÅÄÖ][\w-]*?[A-ZÆØÅÄÖ][\w-]*")
_NOT_ANCHOR = re.compile(r"[^\w]+")


def _finding(page: Page, line: int, message: Text, hint: Text) -> Finding:
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
                term = code(definition.term)
                yield _finding(
                    page,
                    page.line_at(definition.offset),
                    Text(
                        f"Forklaringen for {term} står utenfor ordlista.",
                        f"The tooltip for {term} is outside the glossary.",
                    ),
                    Text(
                        "Flytt linjen til oppslaget for ordet i ordlista (ordliste.md). Da er "
                        "ordet forklart ett sted, og forklaringen vises på alle sider.",
                        "Move the line to the term's entry on the glossary page (ordliste.md), "
                        "so the term is explained once and its tooltip shows on every page.",
                    ),
                )
    yield from _compare(graph, anchors, default)


def _check_glossary(page: Page) -> Iterator[Finding]:
    loose, found = entries(page)
    for definition in loose:
        term = code(definition.term)
        yield _finding(
            page,
            page.line_at(definition.offset),
            Text(
                f"Forklaringen for {term} står ikke under noe oppslag.",
                f"The tooltip for {term} is not in an entry.",
            ),
            Text(
                "Flytt den under overskriften `## Ord { #id }` til ordet den forklarer.",
                "Put it under the `## Term { #id }` heading of the term it explains.",
            ),
        )
    seen: dict[str, int] = {}
    anchors: dict[str, int] = {}
    for entry in found:
        if entry.anchor is None:
            heading = code(f"## {entry.heading} {{ #{_anchor_for(entry.heading)} }}")
            yield _finding(
                page,
                entry.line,
                Text(
                    f"Oppslaget «{entry.heading}» har ikke noe anker.",
                    f"The entry '{entry.heading}' has no anchor.",
                ),
                Text(
                    f"Gi det et anker som er det samme på alle språk: {heading}.",
                    f"Give it an anchor that stays the same in every language: {heading}.",
                ),
            )
        else:
            anchors[entry.anchor] = entry.line
        if not entry.tooltips and _ABBREVIATION.match(entry.heading):
            term = entry.heading.split()[0]
            yield _finding(
                page,
                entry.line,
                Text(
                    f"Oppslaget «{entry.heading}» er en forkortelse, men mangler linjen "
                    f"{code(f'*[{term}]: …')}, som forklarer ordet når leseren holder "
                    "musepekeren over det.",
                    f"The entry '{entry.heading}' is an abbreviation but lacks the line "
                    f"{code(f'*[{term}]: …')}, which explains the term when a reader holds the "
                    "mouse pointer over it.",
                ),
                Text(
                    f"Skriv {code(f'*[{term}]: hva det står for')} under overskriften, så får "
                    f"{term} en forklaring på alle sider.",
                    f"Add {code(f'*[{term}]: what it stands for')} under the heading, so {term} "
                    "gets a tooltip on every page.",
                ),
            )
        for definition in entry.tooltips:
            term = definition.term.strip()
            line = page.line_at(definition.offset)
            if term in seen:
                yield _finding(
                    page,
                    line,
                    Text(
                        f"Ordet {code(term)} er forklart to ganger. Den første forklaringen "
                        f"står på linje {seen[term]}.",
                        f"The term {code(term)} has a second tooltip here. The first is on line "
                        f"{seen[term]}.",
                    ),
                    Text(
                        "Behold én: et ord har én forklaring.",
                        "Keep one: a term has one explanation.",
                    ),
                )
            seen.setdefault(term, line)
    return anchors


def _anchor_for(heading: str) -> str:
    """An anchor for a heading, as the entries' anchors are written: `ten-t`."""
    return _NOT_ANCHOR.sub("-", heading.lower()).strip("-_") or "ord"


def _compare(graph: Graph, anchors: dict[str, dict[str, int]], default: str) -> Iterator[Finding]:
    expected = anchors.get(default)
    if expected is None:
        return
    source = glossary_page(graph, default)
    assert source is not None
    for lang, present in anchors.items():
        if lang == default:
            continue
        page = glossary_page(graph, lang)
        assert page is not None
        for anchor, line in expected.items():
            if anchor not in present:
                name = code("#" + anchor)
                yield _finding(
                    page,
                    page.body_line,
                    Text(
                        f"Ordlista mangler oppslaget {name}. Det står på linje {line} i "
                        f"{source.display_path}.",
                        f"The glossary has no entry {name}. It is on line {line} of "
                        f"{source.display_path}.",
                    ),
                    Text(
                        "Oversett oppslaget, med samme anker.",
                        "Translate the entry, keeping the same anchor.",
                    ),
                )
        unmatched = sorted(set(expected) - set(present))
        for anchor, line in present.items():
            if anchor not in expected:
                hint = Text(
                    "Legg det til der også, eller bruk ankeret den andre ordlista bruker.",
                    "Add it there too, or use the anchor the other glossary uses.",
                )
                close = get_close_matches(anchor, unmatched, n=1, cutoff=0.6)
                if close:
                    meant = code("#" + close[0])
                    hint = Text(f"Mente du {meant}?", f"Did you mean {meant}?") + hint
                yield _finding(
                    page,
                    line,
                    Text(
                        f"Oppslaget {code('#' + anchor)} finnes ikke i {source.display_path}.",
                        f"The entry {code('#' + anchor)} is not in {source.display_path}.",
                    ),
                    hint,
                )
