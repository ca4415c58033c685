"""Draw relations as an SVG picture: two columns of linked boxes, with lines between them.

The relations page and each priority page show the model as a picture next to the tables
and lists that say the same in text. The picture is made at build time from the graph, so a
relation changed in front matter changes it on the next build, and the reader's browser runs
no script and fetches nothing to show it.

The layout is two columns because that is what stays readable on a phone: the viewBox is
360 units wide, the width of a 390 px screen's content column, so a 13-unit label is 13 px
there. Labels wrap to the box width by the advance widths of Oslo Sans (the site's font),
measured from the font file; a browser test checks that every label fits its box.

The picture is an illustration of the text beside it: it is hidden from screen readers and
its links are left out of the keyboard order (`tabindex="-1"`), because the table or list
next to it has the same links once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

WIDTH = 360
COLUMN = 158  # box width; two columns and the gap between them fill WIDTH
FONT_SIZE = 13
LINE_HEIGHT = 16
PADDING = 6  # inside a box, around its label
GAP = 8  # between boxes
GROUP_TITLE = 20  # the height of a group's title line

# Advance widths of Oslo Sans Regular in em, read from OsloSans-Regular.woff2 (its hmtx
# table), grouped by width. A character not listed counts as wide as the widest, so an
# unexpected label wraps early rather than running out of its box.
_EM_WIDTHS = {
    0.26: " Iij",
    0.29: "',.\u2019",  # right single quotation mark
    0.3: "!",
    0.31: "l",
    0.34: "()",
    0.35: ":;",
    0.36: "[]_|",
    0.37: "-f",
    0.39: "{}",
    0.43: "t",
    0.44: "*/\\",
    0.45: '"“”',
    0.47: "Jr",
    0.49: "«»",
    0.52: "s",
    0.53: "vx\u2013",  # en dash
    0.54: "?z",
    0.55: "ky",
    0.56: "FLaceuåäüé",
    0.57: "hn",
    0.58: "oøö",
    0.59: "EgÉ",
    0.6: "T",
    0.61: "dpq",
    0.62: "Pb",
    0.63: "Y",
    0.64: "+0123456789<=>^`~",
    0.65: "RZ",
    0.66: "BKS",
    0.67: "X",
    0.69: "AVÅÄ",
    0.7: "$H",
    0.71: "U",
    0.72: "CDN",
    0.74: "G",
    0.75: "OQØÖ",
    0.8: "%&—",
    0.84: "Mw",
    0.88: "mæ",
    0.92: "#",
    0.99: "Æ",
    1.02: "@",
    1.03: "W",
}
_WIDTH_OF = {char: width for width, chars in _EM_WIDTHS.items() for char in chars}
_WIDEST = max(_EM_WIDTHS)


@dataclass(frozen=True)
class Node:
    """A box: a page of the handbook, drawn in its kind's colour and linked to the page."""

    id: str
    kind: str
    label: str
    href: str


@dataclass(frozen=True)
class Group:
    """Boxes drawn together under an optional title ("Særskilte mål")."""

    title: str | None
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Picture:
    """What to draw: the left and the right column, and the lines between them by id."""

    name: str  # says which picture it is, in the SVG's class (tests and styles use it)
    left: tuple[Group, ...]
    right: tuple[Group, ...]
    edges: tuple[tuple[str, str], ...]  # (left node id, right node id)


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """The width of a line of text in Oslo Sans at `size`, in the same units."""
    return sum(_WIDTH_OF.get(char, _WIDEST) for char in text) * size


def wrap(label: str, width: float, size: float = FONT_SIZE) -> list[str]:
    """The label in lines no wider than `width`. Breaks between words, then after a
    hyphen inside a word, and as a last resort inside a word too long for a line."""
    lines: list[str] = []
    line = ""
    for piece, starts_word in _pieces(label, width, size):
        candidate = f"{line}{' ' if line and starts_word else ''}{piece}"
        if line and text_width(candidate, size) > width:
            lines.append(line)
            line = piece
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines or [""]


def _pieces(label: str, width: float, size: float) -> Iterable[tuple[str, bool]]:
    """The label's words, each with True where a word starts (a space goes before it). A
    word wider than a line comes in pieces: split after its hyphens, and a piece still too
    wide cut where it fills the line."""
    for word in label.split():
        if text_width(word, size) <= width:
            yield word, True
            continue
        starts_word = True
        for part in re.findall(r"[^-]*-|[^-]+", word):
            while text_width(part, size) > width:
                cut = max(1, _fitting_prefix(part, width, size))
                yield part[:cut], starts_word
                part, starts_word = part[cut:], False
            if part:
                yield part, starts_word
                starts_word = False


def _fitting_prefix(text: str, width: float, size: float) -> int:
    used = 0.0
    for index, char in enumerate(text):
        used += _WIDTH_OF.get(char, _WIDEST) * size
        if used > width:
            return index
    return len(text)


@dataclass(frozen=True)
class _Box:
    node: Node
    x: float
    y: float
    lines: tuple[str, ...]

    @property
    def height(self) -> float:
        return len(self.lines) * LINE_HEIGHT + 2 * PADDING

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


_Title = tuple[str, float, float]  # a group's title and where its baseline starts (x, y)


def _layout(groups: Sequence[Group], x: float) -> tuple[list[_Box], list[_Title], float]:
    """Boxes and group titles of one column from the top, and the column's height."""
    boxes: list[_Box] = []
    titles: list[_Title] = []
    y = 0.0
    for group in groups:
        if not group.nodes:
            continue
        if group.title:
            titles.append((group.title, x, y + FONT_SIZE))
            y += GROUP_TITLE
        for node in group.nodes:
            box = _Box(node, x, y, tuple(wrap(node.label, COLUMN - 2 * PADDING)))
            boxes.append(box)
            y += box.height + GAP
        y += GAP
    return boxes, titles, max(y - 2 * GAP, 0.0)


def _shifted(boxes: list[_Box], titles: list[_Title], dy: float) -> tuple[list[_Box], list[_Title]]:
    return (
        [_Box(box.node, box.x, box.y + dy, box.lines) for box in boxes],
        [(title, x, y + dy) for title, x, y in titles],
    )


def _facing(
    boxes: list[_Box], others: list[_Box], edges: Sequence[tuple[str, str]], height: float
) -> list[_Box]:
    """The boxes moved, in their order, as near as they fit to the middle of the boxes they
    are linked to: a priority beside its objectives. No box overlaps the next or leaves the
    picture; a box without links stays where it was."""
    middle_of = {box.node.id: box.middle for box in others}
    tops = []
    for box in boxes:
        linked = [middle_of[b] for a, b in edges if a == box.node.id and b in middle_of]
        wanted = sum(linked) / len(linked) if linked else box.middle
        tops.append(wanted - box.height / 2)
    for index in range(len(boxes)):  # down: below the box above it, inside the top
        floor = tops[index - 1] + boxes[index - 1].height + GAP if index else 0.0
        tops[index] = max(tops[index], floor)
    for index in reversed(range(len(boxes))):  # up: above the box below it, inside the bottom
        ceiling = tops[index + 1] - GAP if index + 1 < len(boxes) else height
        tops[index] = max(0.0, min(tops[index], ceiling - boxes[index].height))
    return [_Box(box.node, box.x, top, box.lines) for box, top in zip(boxes, tops, strict=True)]


def svg(picture: Picture) -> str:
    """The picture as an inline SVG element (no script, no style attributes, no external
    reference: the site's style sheet colours it by the classes)."""
    right_x = WIDTH - COLUMN
    left, left_titles, left_height = _layout(picture.left, 0)
    right, right_titles, right_height = _layout(picture.right, right_x)
    height = max(left_height, right_height)
    # The shorter column is centred against the taller one, so a single box faces its fan;
    # without group titles, its boxes then move towards the boxes they are linked to.
    left, left_titles = _shifted(left, left_titles, (height - left_height) / 2)
    right, right_titles = _shifted(right, right_titles, (height - right_height) / 2)
    if left_height < right_height and not left_titles:
        left = _facing(left, right, picture.edges, height)
    elif right_height < left_height and not right_titles:
        right = _facing(right, left, [(b, a) for a, b in picture.edges], height)
    at = {box.node.id: box for box in left}
    to = {box.node.id: box for box in right}
    parts = [
        f'<svg class="handbook-picture__svg handbook-picture--{escape(picture.name)}" '
        f'viewBox="0 0 {WIDTH} {height:g}" width="{WIDTH}" height="{height:g}" '
        'xmlns="http://www.w3.org/2000/svg" aria-hidden="true" focusable="false">'
    ]
    for source, target in picture.edges:
        if source in at and target in to:
            parts.append(_edge(at[source], to[target]))
    for title, x, y in left_titles + right_titles:
        parts.append(
            f'<text class="handbook-picture__group" x="{x:g}" y="{y:g}">{escape(title)}</text>'
        )
    parts.extend(_box(box) for box in left + right)
    parts.append("</svg>")
    return "".join(parts)


def _edge(start: _Box, end: _Box) -> str:
    x1, y1 = start.x + COLUMN, start.middle
    x2, y2 = end.x, end.middle
    bend = (x2 - x1) / 2
    return (
        f'<path class="handbook-picture__edge" data-from="{escape(start.node.id)}" '
        f'data-to="{escape(end.node.id)}" '
        f'd="M{x1:g} {y1:g}C{x1 + bend:g} {y1:g} {x2 - bend:g} {y2:g} {x2:g} {y2:g}"/>'
    )


def _box(box: _Box) -> str:
    node = box.node
    text = "".join(
        f'<tspan x="{box.x + PADDING:g}" y="{box.y + PADDING + FONT_SIZE + index * LINE_HEIGHT:g}">'
        f"{escape(line)}</tspan>"
        for index, line in enumerate(box.lines)
    )
    return (
        f'<a href="{escape(node.href)}" tabindex="-1" data-node="{escape(node.id)}">'
        f'<rect class="handbook-picture__node handbook-picture__node--{escape(node.kind)}" '
        f'x="{box.x:g}" y="{box.y:g}" width="{COLUMN}" height="{box.height:g}" rx="4"/>'
        f'<text class="handbook-picture__label">{text}</text></a>'
    )


def figure(picture: Picture, caption: str) -> str:
    """The picture in a figure with its caption, left out of the search index (the text
    beside it is what a search should find)."""
    return (
        f'<figure class="handbook-picture" data-search-exclude>{svg(picture)}'
        f"<figcaption>{escape(caption)}</figcaption></figure>"
    )
