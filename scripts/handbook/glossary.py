"""The glossary of a language: the page "Ordliste", whose entries also give the tooltips.

Each entry is a `## Term { #id }` section of the glossary page. An entry for an
abbreviation carries its tooltip as a Markdown abbreviation definition, `*[TEN-T]: Det
transeuropeiske transportnettverket`, which the abbr extension removes from the page. The
hooks give every entry's definitions to the abbr extension for every page of the language,
so a term is written once, in one place per language, and the glossary page and the
tooltips cannot disagree. Rule HB017 keeps it so.

The definitions are found as the abbr extension finds them, but in linear time: the
extension's pattern, `^[*]\\[(?P<abbr>[^\\\\]*?)\\][ ]?:...`, looks for the closing `]:`
from every line that starts with `*[` through the rest of the text, which took seconds for
a page of a few thousand such lines. The page comes from pull requests like any other.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .model import Graph, Page, strip_attr_list

GLOSSARY_PAGE_ID = "ordliste"

_DEFINITION_START = re.compile(r"^\*\[", re.MULTILINE)
_CLOSING = re.compile(r"\] ?:")
_SPACES = re.compile(r" *+")
_EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")


@dataclass(frozen=True)
class Definition:
    """One `*[TERM]: meaning` line: the term, its tooltip and where it starts."""

    term: str
    title: str
    offset: int


@dataclass(frozen=True)
class Entry:
    """One glossary entry: its heading, its anchor, its line and its tooltips."""

    heading: str
    anchor: str | None
    line: int
    tooltips: tuple[Definition, ...]


def located_definitions(text: str) -> list[Definition]:
    """Each match of the abbr extension's pattern, with the offset of its `*[`.

    The pattern (multiline): `^[*]\\[(?P<abbr>[^\\\\]*?)\\][ ]?:[ ]*\\n?[ ]*(?P<title>.*)$`.
    The abbreviation runs to the first `]:` or `] :` after the `*[`, across lines, unless
    a backslash comes first; the title is the rest of that line, or of the next when
    nothing but spaces follows the colon.
    """
    if "*[" not in text:
        return []
    closings = [(m.start(), m.end()) for m in _CLOSING.finditer(text)]
    closing_starts = [start for start, _ in closings]
    backslashes = [m.start() for m in re.finditer(r"\\", text)]
    found = []
    resume = 0
    for start in _DEFINITION_START.finditer(text):
        begin = start.end()
        if start.start() < resume:
            continue
        index = bisect_left(closing_starts, begin)
        if index == len(closings):
            break  # no `]:` after this, nor after any later `*[`
        close, colon_end = closings[index]
        slash = bisect_left(backslashes, begin)
        if slash < len(backslashes) and backslashes[slash] < close:
            continue
        title_start = _SPACES.match(text, colon_end).end()
        if text.startswith("\n", title_start):
            title_start = _SPACES.match(text, title_start + 1).end()
        title_end = text.find("\n", title_start)
        title_end = len(text) if title_end == -1 else title_end
        found.append(Definition(text[begin:close], text[title_start:title_end], start.start()))
        resume = title_end
    return found


def glossary_page(graph: Graph, lang: str) -> Page | None:
    """The language's glossary page, if it has one that could be read."""
    page = graph.page(GLOSSARY_PAGE_ID, lang)
    return page if page is not None and page.error is None else None


def tooltips(page: Page | None) -> dict[str, str]:
    """The tooltips a glossary page defines: {abbreviation: meaning}, as the abbr
    extension would take them (a later definition of a term wins). Definitions in code
    are examples, not definitions."""
    if page is None:
        return {}
    return {
        d.term.strip(): d.title.strip()
        for d in located_definitions(page.markdown)
        if d.term.strip() and d.title.strip()
    }


def entries(page: Page) -> tuple[list[Definition], list[Entry]]:
    """The definitions before the first entry, and the entries with their tooltips."""
    text = page.markdown
    sections = [(h, page.offset_at(h.line)) for h in page.headings if h.level == 2]
    loose: list[Definition] = []
    grouped: list[list[Definition]] = [[] for _ in sections]
    starts = [offset for _, offset in sections]
    for definition in located_definitions(text):
        index = bisect_left(starts, definition.offset + 1) - 1
        (loose if index < 0 else grouped[index]).append(definition)
    found = []
    for (heading, _), tips in zip(sections, grouped, strict=True):
        anchor = _EXPLICIT_ID.search(heading.text)
        found.append(
            Entry(
                strip_attr_list(heading.text),
                anchor.group(1) if anchor else None,
                heading.line,
                tuple(tips),
            )
        )
    return loose, found
