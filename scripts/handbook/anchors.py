"""Which `#anchors` a page has, computed from its Markdown the way the build computes them.

The site uses Python-Markdown's toc extension with `pymdownx.slugs.slugify(case="lower")`,
which keeps æ, ø and å. Explicit ids (`## TEN-T { #ten-t }`, or an attribute list on any
block) win over slugs. Repeated slugs get `_1`, `_2` as in the toc extension.

Headings come from pull requests, so each step takes linear time: the patterns these
functions replace took seconds on a heading line of 3 000 `{#a` or `**a` (see each).
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import partial

from pymdownx.slugs import slugify

from .model import Page, strip_attr_list

slug = partial(slugify(case="lower"), sep="-")

_ID_MARK = re.compile(r"#([\w-]++)")
_DELIMITER = re.compile(r"[*_]")
_WORD_CHARACTER = re.compile(r"\w")
_NOT_SPACE = re.compile(r"\S")
_ESCAPE = re.compile(r"\\(.)")


_MARKUP = re.compile(r"[\[*_`\\&{<]")


def heading_text(markdown: str) -> str:
    """The plain text of a heading's Markdown, as the toc extension sees it."""
    if not _MARKUP.search(markdown):
        return markdown  # most headings are plain words: nothing to strip
    text = strip_attr_list(markdown)
    text = _link_texts(text)
    text = _emphasis_removed(text).replace("`", "")
    return html.unescape(_ESCAPE.sub(r"\1", text))


def explicit_ids(text: str) -> Iterator[str]:
    """The ids of the attribute lists (`{ #id .class }`) in `text`, in order.

    What `re.finditer(r"\\{:?[^}]*?#([\\w-]+)[^}]*\\}", text)` finds, in linear time:
    that pattern went back over the same `{...` from every `{` in it (cubic for `{#a`
    repeated). An attribute list runs from a `{` to the first `}` after it; its id is the
    first `#` followed by a word character. A `{` without one has no later `{` before the
    same `}` that would.
    """
    position = 0
    while True:
        opening = text.find("{", position)
        if opening == -1:
            return
        closing = text.find("}", opening + 1)
        if closing == -1:
            return
        mark = _ID_MARK.search(text, opening + 1, closing)
        if mark:
            yield mark.group(1)
        position = closing + 1


def _link_texts(text: str) -> str:
    """`text` with links and images replaced by their text.

    What `re.sub(r"!?\\[([^\\]]*)\\]\\([^)]*\\)", r"\\1", text)` gives, without scanning
    the rest of the line again from every `[` that has no `](...)`.
    """
    if "](" not in text:
        return text
    out: list[str] = []
    kept = search = 0
    while True:
        opening = text.find("[", search)
        if opening == -1:
            break
        closing = text.find("]", opening + 1)
        if closing == -1:
            break
        if not text.startswith("(", closing + 1):
            search = closing + 1  # every `[` before this `]` ends at it too
            continue
        paren = text.find(")", closing + 2)
        if paren == -1:
            break  # and no later link can close either
        start = opening - 1 if opening > kept and text[opening - 1] == "!" else opening
        out += [text[kept:start], text[opening + 1 : closing]]
        kept = search = paren + 1
    return "".join(out) + text[kept:]


def _emphasis_removed(text: str) -> str:
    """`text` with `*emphasis*`, `**strong**` and `_emphasis_` replaced by their content.

    What `re.sub(r"(\\*{1,3}|(?<!\\w)_{1,3})(\\S(?:.*?\\S)?)\\1", r"\\2", text)` gives, in
    O(n log n): that pattern scanned the rest of the line from every `*` with no closing
    one (6 s for a heading of 30 000 characters). At a delimiter of L characters, it
    closes at the first later run of L that follows a non-space, at least two characters
    on; failing that, right after the first character; failing that, it tries a shorter
    delimiter. The closing positions for each delimiter are found once and looked up.
    """
    if "*" not in text and "_" not in text:
        return text
    closings: dict[str, list[int]] = {}

    def first_closing(delimiter: str, start: int, end: int) -> int:
        """The first offset in [start, end] where `delimiter` follows a non-space, or -1."""
        if delimiter not in closings:
            pattern = re.compile(rf"(?<=\S)(?={re.escape(delimiter)})")
            closings[delimiter] = [m.start() for m in pattern.finditer(text)]
        offsets = closings[delimiter]
        index = bisect_left(offsets, start)
        return offsets[index] if index < len(offsets) and offsets[index] <= end else -1

    out: list[str] = []
    kept = 0
    for match in _DELIMITER.finditer(text):
        at = match.start()
        char = text[at]
        if at < kept or (char == "_" and at > 0 and _WORD_CHARACTER.match(text, at - 1)):
            continue
        run = len(text[at : at + 3]) - len(text[at : at + 3].lstrip(char))
        for size in range(run, 0, -1):
            content = at + size
            if not _NOT_SPACE.match(text, content):
                continue
            line_end = text.find("\n", content)
            line_end = len(text) if line_end == -1 else line_end
            delimiter = char * size
            closing = first_closing(delimiter, content + 2, line_end)
            if closing == -1 and first_closing(delimiter, content + 1, content + 1) != -1:
                closing = content + 1
            if closing != -1:
                out += [text[kept:at], text[content:closing]]
                kept = closing + size
                break
    return "".join(out) + text[kept:]


def page_anchors(page: Page, extra: tuple[str, ...] = ()) -> frozenset[str]:
    """All anchors a page will have once built, plus the `extra` ones a hook adds."""
    found: set[str] = set(extra)
    counters: dict[str, int] = {}  # the last suffix given to each slug: later ones go on
    for heading in page.headings:
        explicit = next(explicit_ids(heading.text), None)
        if explicit is not None:
            found.add(explicit)
            continue
        base = slug(heading_text(heading.text))
        counter = counters.get(base, 0)
        candidate = f"{base}_{counter}" if counter else base
        while candidate in found:
            counter += 1
            candidate = f"{base}_{counter}"
        counters[base] = counter
        found.add(candidate)
    if "{" in page.markdown:
        found.update(explicit_ids(page.markdown))
    return frozenset(found)
