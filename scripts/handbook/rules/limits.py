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
FAIL (HB012): a line of 3 000 characters; ``- - - - ...`` nested 60 deep; a paragraph of
``[[[[``; ``<a@`` repeated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..model import Graph, Page

CODE = "HB012"
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
_BRACKET = re.compile(r"[\[\]()]")
_ANGLE = re.compile(r"<[A-Za-z!?/]?|>")
_TAG = re.compile(r"<[A-Za-z][^<>]*+")
_MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown\b", re.IGNORECASE)


def check(graph: Graph) -> Iterator[Finding]:
    for page in graph.pages:
        if page.error is None:
            for line, message, hint in excesses(page):
                yield Finding(page.display_path, line, CODE, message, hint, rule=SLUG)


def excesses(page: Page) -> list[tuple[int, str, str]]:
    """(line, message, hint) for each limit the page passes, once each, at its first line."""
    text = page.markdown
    lines = text.split("\n")
    source_lines = page.body.split("\n")  # for nesting: inline code is blank in `lines`
    found: dict[str, tuple[int, str, str]] = {}

    def report(key: str, offset: int, message: str, hint: str) -> None:
        found.setdefault(key, (page.body_line + offset, message, hint))

    if page.body_line - 1 + len(lines) > MAX_LINES:
        report(
            "lines",
            MAX_LINES - page.body_line + 1,
            f"the page has more than {MAX_LINES} lines",
            "split it into several pages",
        )
    paragraph = square = round_ = 0
    for offset, line in enumerate(lines):
        if len(line) > MAX_LINE_CHARACTERS:
            report(
                "line",
                offset,
                f"the line has {len(line)} characters; the limit is {MAX_LINE_CHARACTERS}",
                "break it into several lines",
            )
        if not line.strip():
            paragraph = square = round_ = 0
            continue
        paragraph += len(line) + 1
        if paragraph > MAX_PARAGRAPH_CHARACTERS:
            report(
                "paragraph",
                offset,
                f"the paragraph is longer than {MAX_PARAGRAPH_CHARACTERS} characters here",
                "split it with a blank line",
            )
        if line[0] in " \t>-*+0123456789":
            columns = len(_NESTING.match(source_lines[offset]).group().expandtabs(4))
            if columns > MAX_NESTING_COLUMNS:
                report(
                    "nesting",
                    offset,
                    f"the line is nested {columns} columns deep; the limit is "
                    f"{MAX_NESTING_COLUMNS}",
                    "nest lists, quotes and indented blocks less deeply",
                )
        for bracket in _BRACKET.findall(line):
            if bracket == "[":
                square += 1
            elif bracket == "]":
                square = max(square - 1, 0)
            elif bracket == "(":
                round_ += 1
            else:
                round_ = max(round_ - 1, 0)
            if max(square, round_) > MAX_UNCLOSED_BRACKETS:
                report(
                    "brackets",
                    offset,
                    f"more than {MAX_UNCLOSED_BRACKETS} brackets are open on this line",
                    "close each [ with ] and each ( with ) in the same paragraph",
                )
                square = round_ = 0
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
                        page.line_at(angle.start()) - page.body_line,
                        f"more than {MAX_UNCLOSED_TAGS} HTML tags on the page are not closed "
                        "with >",
                        "write < as &lt; where it is not a tag",
                    )
                    break
        tags = 0
        for tag in _TAG.finditer(text):
            if _MARKDOWN_ATTRIBUTE.search(tag.group()):
                tags += 1
                if tags > MAX_MARKDOWN_TAGS:
                    report(
                        "markdown tags",
                        page.line_at(tag.start()) - page.body_line,
                        f"more than {MAX_MARKDOWN_TAGS} HTML tags with a markdown attribute",
                        "write the content in Markdown instead of HTML",
                    )
                    break
    return sorted(found.values())
