"""The abbreviations of a language: includes/abbreviations.<lang>.md, `*[TEN-T]: meaning`.

The hooks give them to the abbr extension for every page of that language, so terms get
tooltips. The file is read as the extension would read it on a page, but in linear time:
the extension's pattern, `^[*]\\[(?P<abbr>[^\\\\]*?)\\][ ]?:...`, looks for the closing `]:`
from every line that starts with `*[` through the rest of the file, which took seconds for
a file of a few thousand such lines. The file comes from pull requests like the pages.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path

from .model import UnreadableError, decode_as_mkdocs

# The real files are under 1 KB; one line per term of a large glossary stays far below.
MAX_FILE_BYTES = 512 * 1024

_DEFINITION_START = re.compile(r"^\*\[", re.MULTILINE)
_CLOSING = re.compile(r"\] ?:")
_SPACES = re.compile(r" *+")


def read_glossary(path: Path) -> dict[str, str]:
    """The abbreviations in a file of Markdown abbreviation definitions (`*[TEN-T]: ...`).

    A missing file is an empty glossary; a file that is not UTF-8 text, or is larger than
    MAX_FILE_BYTES, raises UnreadableError with the line to look at.
    """
    if not path.is_file():
        return {}
    with open(path, "rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableError(1, f"the file is larger than {MAX_FILE_BYTES // 1024} KB")
    return {
        abbreviation.strip(): title.strip()
        for abbreviation, title in definitions(decode_as_mkdocs(data))
        if abbreviation.strip() and title.strip()
    }


def definitions(text: str) -> list[tuple[str, str]]:
    """(abbreviation, title) for each match of the abbr extension's pattern, in order.

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
        found.append((text[begin:close], text[title_start:title_end]))
        resume = title_end
    return found
