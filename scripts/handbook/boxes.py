"""The boxes (admonitions) of a page: `!!! info "Oppdatering: ..."` and the indented text
under it, with the line each starts on.

Three kinds of statement are marked by a box title (the words are in each language's word
file): a later public fact ("Oppdatering: ..."), the handbook's own interpretation
("Håndbokas vurdering") and a point that was open in 2021 ("Uavklart i 2021"). Rule HB016
reads the boxes to keep that convention.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Page

_MARKERS = ("!!!", "???+", "???")


@dataclass(frozen=True)
class Box:
    """One admonition: its type (`info`), its title as written (or ""), its text."""

    kind: str
    title: str
    text: str  # the indented lines under it, unindented, code blanked as in Page.markdown
    line: int  # the line of the `!!!`


def boxes(page: Page) -> list[Box]:
    """Every admonition on the page, in order, nested ones included."""
    found: list[Box] = []
    lines = page.markdown.split("\n")
    for index, line in enumerate(lines):
        stripped = line.lstrip(" \t")
        marker = next((m for m in _MARKERS if stripped.startswith(m)), None)
        if marker is None:
            continue
        header = _header(stripped[len(marker) :])
        if header is None:
            continue
        indent = len(line) - len(stripped)
        body_end = index + 1
        while body_end < len(lines):
            following = lines[body_end]
            if following.strip() and _indent(following) <= indent:
                break
            body_end += 1
        body_lines = lines[index + 1 : body_end]
        text = "\n".join(body.strip() for body in body_lines).strip()
        found.append(Box(*header, text, page.body_line + index))
    return found


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


def _header(rest: str) -> tuple[str, str] | None:
    """(type, title) of what follows `!!!`: `info "Oppdatering: x"`, or None for text
    that is not an admonition (`!!!` without a space and a type)."""
    if not rest[:1].isspace():
        return None
    rest = rest.strip()
    kind, _, title = rest.partition(" ")
    if not kind or '"' in kind:
        return None
    title = title.strip()
    if title.startswith('"') and title.endswith('"') and len(title) >= 2:
        title = title[1:-1]
    return kind, title.strip()
