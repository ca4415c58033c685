"""Pages stay within sizes the build's Markdown renderer handles in about a second.

The check reads any page in linear time, but Python-Markdown does not: it takes time
quadratic in the length of a paragraph, in the number of blocks and headings on a page, in
unclosed brackets and in HTML tags without their `>`, and it recurses once per level of
nesting. A page from a pull request could make the build render for minutes, or crash it.
The build stops at the check's errors before it renders anything, so these limits, far
above any real page, keep such pages out of the renderer. Fenced and inline code do not
count. The last column is the worst found rendering one page that stays within all limits
(and, in brackets, past the limit):

==============================  ======  ========  ===========================================
limit                           here    real max  Python-Markdown, worst found
==============================  ======  ========  ===========================================
lines on a page                 2 000   67        1 990 headings: 0.6 s (10 000: 17 s)
characters on a line            2 000   472       a line alone: 0.02 s
characters in a paragraph       10 000  1 091     12 of them, 128 KB: 1.2 s (100 000: 8 s)
columns of nesting              100     16        50 list levels: 0.00 s (250 crash it)
open `[` or `(` in a paragraph  10      2         0.03 s (10 000 `[`: 10 s)
HTML tags with no `>`           50      0         0.4 s (40 000: 14 s)
tags with a markdown attribute  50      0         0.00 s (330 nested crash it)
==============================  ======  ========  ===========================================

A page larger than 128 KB is not read at all (HB001).

PASS: paragraphs, lists and tables of ordinary length.
FAIL (HB013): a line of 3 000 characters; ``- - - - ...`` nested 60 deep; a paragraph of
``[[[[``; ``<a@`` repeated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..messages import Text
from ..model import Graph, Page

CODE = "HB013"
SLUG = "limits"

MAX_LINES = 2000
MAX_LINE_CHARACTERS = 2000
MAX_PARAGRAPH_CHARACTERS = 10_000
MAX_NESTING_COLUMNS = 100
MAX_UNCLOSED_BRACKETS = 10
MAX_UNCLOSED_TAGS = 50
MAX_MARKDOWN_TAGS = 50

# What a line is nested in: indentation, list markers and quote markers. The alternatives
# start with different characters and the repetition is possessive: one pass.
_NESTING = re.compile(r"(?:[ \t]|>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*+")
# Lines that might be nested too deep: a tab counts 4 columns, so more than 100 columns
# take at least 26 characters.
_MAYBE_DEEP = re.compile(r"^[ \t>*+\-0-9.)]{26}", re.MULTILINE)
_LONG_LINE = re.compile(rf"^[^\n]{{{MAX_LINE_CHARACTERS + 1}}}", re.MULTILINE)
_BRACKET_OR_BLANK_LINE = re.compile(r"[\[\]()]|\n[ \t]*+(?=\n|$)")
_ANGLE = re.compile(r"<[A-Za-z!?/]?|>")
_TAG = re.compile(r"<[A-Za-z][^<>]*+")
_MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown\b", re.IGNORECASE)


def check(graph: Graph) -> Iterator[Finding]:
    for page in graph.pages:
        if page.error is None:
            for line, message, hint in excesses(page):
                yield Finding(page.display_path, line, CODE, message, hint, rule=SLUG)


def excesses(page: Page) -> list[tuple[int, Text, Text]]:
    """(line, message, hint) for each limit the page passes, once each, at its first line,
    in line order.

    Each limit is first looked for with a pattern anchored at line starts, or a count, so
    an ordinary page costs a few scans in C; lines are walked one by one only where that
    finds something (or for paragraphs, on a page longer than one may be).
    """
    text = page.markdown
    found: dict[str, tuple[int, Text, Text]] = {}

    def report(key: str, offset: int, message: Text, hint: Text) -> None:
        found.setdefault(key, (offset, message, hint))

    if page.body_line + text.count("\n") > MAX_LINES:
        report(
            "lines",
            MAX_LINES + 1,
            Text(
                f"Siden har mer enn {MAX_LINES} linjer.",
                f"The page has more than {MAX_LINES} lines.",
            ),
            Text("Del den opp i flere sider.", "Split it into several pages."),
        )
    long_line = _LONG_LINE.search(text)
    if long_line:
        end = text.find("\n", long_line.start())
        length = (len(text) if end == -1 else end) - long_line.start()
        report(
            "line",
            page.line_at(long_line.start()),
            Text(
                f"Linjen har {length} tegn. Grensen er {MAX_LINE_CHARACTERS}.",
                f"The line has {length} characters. The limit is {MAX_LINE_CHARACTERS}.",
            ),
            Text(
                "Del den i flere linjer. Et enkelt linjeskift endrer ikke teksten på siden.",
                "Break it into several lines. A single line break does not change the text "
                "on the page.",
            ),
        )
    for deep in _MAYBE_DEEP.finditer(page.body):
        start = deep.start()
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if not text[start:end].strip(" \t") or text[start] not in " \t>-*+0123456789":
            continue  # blank, fenced code (blanked), or inline code at its start
        columns = len(_NESTING.match(page.body, start, end).group().expandtabs(4))
        if columns > MAX_NESTING_COLUMNS:
            report(
                "nesting",
                page.line_at(start),
                Text(
                    f"Linjen er rykket inn {columns} tegn (lister i lister, sitater og mellomrom "
                    f"foran). Grensen er {MAX_NESTING_COLUMNS}.",
                    f"The line is indented {columns} columns (lists within lists, quotes, "
                    f"leading spaces). The limit is {MAX_NESTING_COLUMNS}.",
                ),
                Text(
                    "Bruk færre nivåer av lister, sitater og innrykk.",
                    "Nest lists, quotes and indented blocks less deeply.",
                ),
            )
            break
    if len(text) > MAX_PARAGRAPH_CHARACTERS:
        paragraph = 0
        for offset, line_text in enumerate(text.split("\n")):
            paragraph = paragraph + len(line_text) + 1 if line_text.strip(" \t") else 0
            if paragraph > MAX_PARAGRAPH_CHARACTERS:
                report(
                    "paragraph",
                    page.body_line + offset,
                    Text(
                        f"Avsnittet er lengre enn {MAX_PARAGRAPH_CHARACTERS} tegn her.",
                        f"The paragraph is longer than {MAX_PARAGRAPH_CHARACTERS} characters here.",
                    ),
                    Text("Del det med en tom linje.", "Split it with a blank line."),
                )
                break
    if text.count("[") + text.count("(") > MAX_UNCLOSED_BRACKETS:
        square = round_ = 0
        for event in _BRACKET_OR_BLANK_LINE.finditer(text):
            bracket = event.group()
            if bracket == "[":
                square += 1
            elif bracket == "]":
                square = max(square - 1, 0)
            elif bracket == "(":
                round_ += 1
            elif bracket == ")":
                round_ = max(round_ - 1, 0)
            else:  # a blank line ends the paragraph
                square = round_ = 0
            if max(square, round_) > MAX_UNCLOSED_BRACKETS:
                report(
                    "brackets",
                    page.line_at(event.start()),
                    Text(
                        f"Mer enn {MAX_UNCLOSED_BRACKETS} hakeparenteser eller parenteser står "
                        "åpne på denne linjen.",
                        f"More than {MAX_UNCLOSED_BRACKETS} brackets are open on this line.",
                    ),
                    Text(
                        "Lukk hver `[` med `]` og hver `(` med `)` i samme avsnitt.",
                        "Close each `[` with `]` and each `(` with `)` in the same paragraph.",
                    ),
                )
                break
    if "<" in text:
        unclosed = 0  # tags with another `<` or the end before their `>`
        angles = list(_ANGLE.finditer(text))
        for index, angle in enumerate(angles):
            if len(angle.group()) == 2 and (
                index + 1 == len(angles) or angles[index + 1].group() != ">"
            ):
                unclosed += 1
                if unclosed > MAX_UNCLOSED_TAGS:
                    report(
                        "unclosed tags",
                        page.line_at(angle.start()),
                        Text(
                            f"Mer enn {MAX_UNCLOSED_TAGS} HTML-tagger på siden mangler `>`.",
                            f"More than {MAX_UNCLOSED_TAGS} HTML tags on the page are not "
                            "closed with `>`.",
                        ),
                        Text(
                            "Skriv `<` som `&lt;` der det ikke begynner en tagg.",
                            "Write `<` as `&lt;` where it does not start a tag.",
                        ),
                    )
                    break
        tags = 0
        for tag in _TAG.finditer(text):
            if _MARKDOWN_ATTRIBUTE.search(tag.group()):
                tags += 1
                if tags > MAX_MARKDOWN_TAGS:
                    report(
                        "markdown tags",
                        page.line_at(tag.start()),
                        Text(
                            f"Mer enn {MAX_MARKDOWN_TAGS} HTML-tagger har attributtet `markdown`.",
                            f"More than {MAX_MARKDOWN_TAGS} HTML tags have a `markdown` attribute.",
                        ),
                        Text(
                            "Skriv innholdet i Markdown i stedet for HTML.",
                            "Write the content in Markdown instead of HTML.",
                        ),
                    )
                    break
    return sorted(found.values(), key=lambda excess: excess[0])
