"""Load every page of every language into one graph of nodes and typed relations.

A page declares itself in YAML front matter (`id`, `kind`) and declares its relations
once, in the default language only. The graph derives the reverse direction and lets every
translation inherit the relations of its default-language page.

Loading never raises on bad content: a page that is not UTF-8 text, or whose front matter
does not parse, is kept with its error, so the rules can report it with file and line
instead of a traceback. Pages come from pull requests, so nothing here may take more than
linear time in the page's length: the patterns that read Markdown are written so that no
input makes them backtrack (see the comments at each).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

# The front-matter block MkDocs itself cuts pages with (MkDocs 1.6), and its loader (in
# safe_yaml, refusing aliases and deep nesting), so the check sees exactly the values the
# build uses. Two YAML readers disagreed on lines such as `id: x<TAB># note`; a
# hand-written fast path made it three.
from mkdocs.utils.meta import YAML_RE as _MKDOCS_FRONT_MATTER

from .config import HandbookConfig
from .inventory import Inventory, take_inventory
from .messages import Text, code
from .safe_yaml import FrontMatterLoader, RejectedYAMLError, rejection_of
from .yaml_problems import BYTE_ORDER_MARK, as_text, byte_order_mark, explain, rejected

if TYPE_CHECKING:
    from .sources import Sources

KINDS = ("goal", "instrument", "programme", "priority", "objective", "page")

# The largest page is 5 KB and the largest front matter 320 bytes. A page is read only up to
# MAX_PAGE_BYTES (25 times the largest): the check would still be quick beyond, but the
# build's Python-Markdown takes time quadratic in the number of blocks (4 s for 20 000
# short paragraphs, 58 KB). Front matter may have MAX_FRONT_MATTER_BYTES, 200 times the
# largest: libyaml reads that in milliseconds (an 11 MB block took the check 5 s).
MAX_PAGE_BYTES = 128 * 1024
MAX_FRONT_MATTER_BYTES = 64 * 1024


@dataclass(frozen=True)
class RelationField:
    """A front-matter key that declares relations: what it points at and who may use it."""

    key: str
    target_kind: str
    allowed_on: frozenset[str]
    many: bool


RELATION_FIELDS: dict[str, RelationField] = {
    field.key: field
    for field in (
        # objective -> its priority; a page can be about a priority (PO3 in depth)
        RelationField("priority", "priority", frozenset({"objective", "page"}), many=False),
        RelationField(
            "goals", "goal", frozenset({"objective", "priority", "instrument"}), many=True
        ),
        RelationField("instruments", "instrument", frozenset({"priority", "programme"}), many=True),
        RelationField("programme", "programme", frozenset({"priority"}), many=False),
    )
}

# Every key a page's front matter may have, with what it is for; any other key is an error
# (a misspelt relation would otherwise be ignored without a word).
FRONT_MATTER_KEYS: dict[str, str] = {
    "id": "the page's id",
    "kind": "what the page is",
    "description": "one sentence for search engines",
    "translation_of": "the fingerprint of the page a translation was made from",
    "search": "Material's search options (exclude, boost)",
    "sources": "the ids of the sources the page's facts come from (includes/sources.yml)",
    "last_reviewed": "the date the page's facts were last checked against its sources",
    "review_in": "how long after last_reviewed the facts are due for a new check",
    **{key: f"relation to a {spec.target_kind}" for key, spec in RELATION_FIELDS.items()},
}

# Every pattern below runs over text from pull requests. Each is anchored or made of
# quantifiers that cannot trade characters with each other (possessive `*+`, or classes
# that exclude what follows), so it fails or matches in one pass. Headings, code spans,
# inline links and attribute lists are found by the functions below instead: as single
# patterns they backtracked (a 3 KB heading line of spaces took 34 s).
_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*+)\s*+:")
# What MkDocs' YAML_RE accepts as the opening and the closing line of the block.
_OPENING_LINE = re.compile(r"-{3}[ \t]*+(?:\n|$)")
_CLOSING_LINE = re.compile(r"^(?:-{3}|\.{3})[ \t]*+$", re.MULTILINE)
_FENCE = re.compile(r"^\s{0,3}(`{3,}+|~{3,}+)")
_NEWLINE = re.compile(r"\n")
_REFERENCE_DEF = re.compile(r"^[ ]{0,3}\[[^\]\n]++\]:[ \t]*+<?(\S+?)>?(?:[ \t]+.*)?$", re.MULTILINE)


@dataclass(frozen=True)
class Link:
    """A Markdown link or image target written on a page, with its line in the file."""

    target: str
    line: int


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


@dataclass
class Page:
    """One Markdown file of one language, with everything the rules need to point at lines."""

    lang: str
    rel_path: str  # path inside the language folder, e.g. "prioriteringer/po1.md"
    path: str
    display_path: str  # path shown in findings, relative to the project root
    meta: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    front: str = ""  # the front matter as written, for messages that quote it
    front_line: int = 0  # the file line of its first line
    body: str = ""
    body_line: int = 1  # file line number of the first body line
    error: tuple[int, Text] | None = None  # (line, message) when the page cannot be read
    error_hint: Text | None = None  # how to fix `error`, when the front-matter rule's does not say

    @property
    def id(self) -> str | None:
        value = self.meta.get("id")
        return value if isinstance(value, str) else None

    @property
    def kind(self) -> str | None:
        value = self.meta.get("kind")
        return value if isinstance(value, str) else None

    def line_of(self, key: str) -> int:
        """The line of a front-matter key, or the first line when the key is absent."""
        return self.key_lines.get(key, 1)

    def key_text(self, key: str) -> str:
        """A key's line as written, for messages that quote it; "" for a key absent."""
        if key not in self.key_lines:
            return ""
        return self.front.split("\n")[self.key_lines[key] - self.front_line]

    def key_block(self, key: str) -> str:
        """A key's line and the lines that belong to its value (a list written one `- item`
        a line, or a value that goes on over several), as written; "" for a key absent."""
        if key not in self.key_lines:
            return ""
        lines = self.front.split("\n")
        start = self.key_lines[key] - self.front_line
        end = start + 1
        while end < len(lines) and (not lines[end] or lines[end][0] in " \t-#"):
            end += 1
        return "\n".join(lines[start:end]).rstrip("\n")

    @cached_property
    def markdown(self) -> str:
        """The body with fenced code blocks and inline code blanked out (lines kept).

        Rules search this text with whole-text regular expressions, which is several
        times faster than walking lines in Python; blanking keeps offsets and line
        numbers, and keeps examples in code from being read as links or markup.
        """
        body = self.body
        if "```" in body or "~~~" in body:
            body = _blank_fences(body)
        if "`" in body:
            body = blank_code_spans(body)
        return body

    @cached_property
    def _newlines(self) -> list[int]:
        return [m.start() for m in _NEWLINE.finditer(self.markdown)]

    def line_at(self, offset: int) -> int:
        """The file line number of an offset in `markdown`."""
        return self.body_line + bisect_right(self._newlines, offset - 1)

    def offset_at(self, line: int) -> int:
        """The offset in `markdown` where a file line of the body starts (line_at's inverse)."""
        index = line - self.body_line
        return 0 if index <= 0 else self._newlines[index - 1] + 1

    @cached_property
    def headings(self) -> list[Heading]:
        # Splitting and testing the first character is much faster than a MULTILINE
        # regex, which Python's engine tries at every position of the text.
        found = []
        for offset, line in enumerate(self.markdown.split("\n")):
            if line.startswith("#"):
                heading = parse_heading(line)
                if heading:
                    found.append(Heading(heading[0], heading[1], self.body_line + offset))
        return found

    @cached_property
    def title(self) -> str | None:
        for heading in self.headings:
            if heading.level == 1:
                return strip_attr_list(heading.text)
        return None

    @cached_property
    def links(self) -> list[Link]:
        text = self.markdown
        found = [Link(target, self.line_at(start)) for target, start in inline_links(text)]
        if "]:" in text:
            found += [
                Link(m.group(1), self.line_at(m.start())) for m in _REFERENCE_DEF.finditer(text)
            ]
            found.sort(key=lambda link: link.line)
        return found


def parse_heading(line: str) -> tuple[int, str] | None:
    """The level and text of an ATX heading line (`## Text ##`), or None.

    What `(#{1,6})[ \\t]+(.*?)[ \\t]*#*[ \\t]*$` matches, without its backtracking: the lazy
    text against three optional runs took cubic time on a line of spaces.
    """
    rest = line.lstrip("#")
    level = len(line) - len(rest)
    if not 1 <= level <= 6 or rest[:1] not in (" ", "\t"):
        return None
    return level, rest.strip(" \t").rstrip("#").rstrip(" \t")


_BACKTICKS = re.compile(r"`++")


def blank_code_spans(body: str) -> str:
    """The body with every inline code span replaced by spaces (line breaks kept).

    What `re.sub(r"(`+)(?:(?!\\1).)+?\\1", spaces, body)` gives, in linear time. That
    pattern took seconds on a line of backticks: from each backtick it tried every shorter
    run as the opening one, scanning the rest of the line for each. What it matches, at
    the leftmost backtick `p` whose run has r backticks left: the longest k <= r for which
    the run after the first k backticks is shorter than k (else it would close at once)
    and some later run on the line has k backticks; it closes at the first such run.
    """
    out: list[str] = []
    last = 0
    offset = 0
    for line in body.split("\n"):
        if "`" in line:
            for start, end in _code_spans(line):
                out.append(body[last : offset + start])
                out.append(" " * (end - start))
                last = offset + end
        offset += len(line) + 1
    if not out:
        return body
    out.append(body[last:])
    return "".join(out)


def _code_spans(line: str) -> list[tuple[int, int]]:
    runs = [(m.start(), m.end() - m.start()) for m in _BACKTICKS.finditer(line)]
    longest_after = [0] * (len(runs) + 1)  # the longest run after each run
    for index in range(len(runs) - 1, -1, -1):
        longest_after[index] = max(runs[index][1], longest_after[index + 1])
    spans = []
    index = 0
    start, length = runs[0] if runs else (0, 0)
    while index < len(runs):
        later = longest_after[index + 1]
        if later == 0:
            break  # no backtick after this run on the line: nothing closes
        # Skip backticks of the run until a closing run for the rest can exist.
        usable = min(length, 2 * later - 1)
        start += length - usable
        size = min(usable, later)
        closing = index + 1
        while runs[closing][1] < size:
            closing += 1
        close_start, close_length = runs[closing]
        spans.append((start, close_start + size))
        index = closing
        start, length = close_start + size, close_length - size
        if length == 0:
            index += 1
            if index < len(runs):
                start, length = runs[index]
    return spans


_BRACKET = re.compile(r"[\[\]]")
_SIMPLE_DESTINATION = re.compile(r"\(([^()\s<>]*+)\)")
_TARGET = re.compile(r"[^)\s>]*+")
_TARGET_STOP = re.compile(r"[)\s>]")
_WHITESPACE = re.compile(r"\s*+")


def inline_links(text: str) -> list[tuple[str, int]]:
    """The target and offset of every inline link `[text](target "title")` in `text`.

    What `\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+["'(][^)]*)?\\)`
    finds with finditer, in linear time. That pattern scanned to the end of the text from
    every `[` that is never closed (6 s for 100 000 of them), and from every `[a](` for
    its target. Link text is plain characters and bracketed groups that close at the
    first `]`: most often the next bracket after the `[` is its `]`; where it is another
    `[`, where each text ends comes from one pass over the brackets (_link_text_ends).
    The rest looks up the next `)`, space or `>` instead of scanning for it.
    """
    if "](" not in text:
        return []
    destinations = _Destinations(text)
    nested_ends: dict[int, int] | None = None
    found = []
    resume = 0
    opening = text.find("[")
    while opening != -1:
        if opening >= resume:
            following = _BRACKET.search(text, opening + 1)
            if following is None:
                break  # no `]` after this `[`, nor after any later one
            if following.group() == "]":
                close = following.start()
            else:
                if nested_ends is None:
                    nested_ends = _link_text_ends(text)
                close = nested_ends[opening]
            if close != -1 and text.startswith("(", close + 1):
                destination = destinations.at(close + 1)
                if destination is not None:
                    found.append((destination[0], opening))
                    resume = destination[1]
        opening = text.find("[", opening + 1)
    return found


def _link_text_ends(text: str) -> dict[int, int]:
    """For each `[`, the offset of the `]` that ends link text opened there, or -1.

    Link text runs over plain characters and over groups `[...]` that end at the first `]`,
    so from any bracket on, where it ends depends only on the brackets after it: one pass
    from the end gives it for every `[`.
    """
    brackets = [(m.start(), m.group()) for m in _BRACKET.finditer(text)]
    count = len(brackets)
    ends = [-1] * (count + 1)  # where text running on from bracket i ends
    next_close = count  # index of the first `]` after i
    for i in range(count - 1, -1, -1):
        offset, char = brackets[i]
        if char == "]":
            ends[i] = offset
            next_close = i
        elif next_close < count:  # a group `[...]`: the text goes on after its `]`
            ends[i] = ends[next_close + 1]
    return {offset: ends[i + 1] for i, (offset, char) in enumerate(brackets) if char == "["}


class _Destinations:
    """`(\\s*<?([^)\\s>]*)>?(?:\\s+["'(][^)]*)?\\)` at a `(`: the target and the end, or None.

    Targets are read where they are until that has read twice the text, as many links
    sharing one long tail would (`[a](` repeated); from then on their ends come from the
    sorted offsets of what ends a target. The next `)` comes from sorted offsets too, and
    the end of a run of whitespace is remembered, so every such run is read once.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._results: dict[int, tuple[str, int] | None] = {}
        self._spaces: dict[int, int] = {}
        self._target_budget = 2 * len(text)  # characters targets may still be read for
        self._stops: list[int] | None = None  # offsets of `)`, whitespace and `>`
        self._closing: list[int] | None = None  # offsets of `)`

    def at(self, paren: int) -> tuple[str, int] | None:
        simple = _SIMPLE_DESTINATION.match(self.text, paren)
        if simple:  # `(target)`: what the whole pattern gives it, read at once
            return simple.group(1), simple.end()
        if paren not in self._results:
            self._results[paren] = self._read(paren)
        return self._results[paren]

    def _read(self, paren: int) -> tuple[str, int] | None:
        text = self.text
        space_end = self._space_end(paren + 1)
        start = space_end + 1 if text.startswith("<", space_end) else space_end
        end = self._target_end(start)
        after = end + 1 if text.startswith(">", end) else end
        title = self._title_end(after)
        if title is not None:
            return text[start:end], title
        if text.startswith(")", after):
            return text[start:end], after + 1
        # The pattern's last resort: whitespace given back to `\\s+` before a title.
        if space_end > paren + 1:
            title = self._title_end(space_end - 1)
            if title is not None:
                return "", title
        return None

    def _space_end(self, at: int) -> int:
        if at not in self._spaces:
            self._spaces[at] = _WHITESPACE.match(self.text, at).end()
        return self._spaces[at]

    def _target_end(self, at: int) -> int:
        if self._stops is None:
            end = _TARGET.match(self.text, at).end()
            self._target_budget -= end - at
            if self._target_budget >= 0:
                return end
            self._stops = [m.start() for m in _TARGET_STOP.finditer(self.text)]
        index = bisect_left(self._stops, at)
        return self._stops[index] if index < len(self._stops) else len(self.text)

    def _title_end(self, at: int) -> int | None:
        """The end of `\\s+["'(][^)]*\\)` at `at`, or None."""
        quote = self._space_end(at)
        if quote == at or self.text[quote : quote + 1] not in ('"', "'", "("):
            return None
        if self._closing is None:
            self._closing = [m.start() for m in re.finditer(r"\)", self.text)]
        index = bisect_left(self._closing, quote + 1)
        return self._closing[index] + 1 if index < len(self._closing) else None


def _blank_fences(body: str) -> str:
    """Replace the lines of fenced code blocks (fences included) with empty lines."""
    lines = body.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            lines[index] = ""
        elif match:
            fence = match.group(1)
            lines[index] = ""
    return "\n".join(lines)


@dataclass(frozen=True)
class Relation:
    """A typed edge declared in front matter: `source` --key--> `target`."""

    source: str
    key: str
    target: str
    path: str
    line: int


@dataclass
class Graph:
    """All pages of all languages and the relations declared in the default language."""

    config: HandbookConfig
    pages: list[Page]
    relations: list[Relation]

    @cached_property
    def files(self) -> Inventory:
        """Everything under docs/, listed without following links (rule HB012 judges it)."""
        return take_inventory(self.config.docs_dir, self.config.languages)

    @cached_property
    def sources(self) -> Sources:
        """The sources pages may name (includes/sources.yml), read once per graph."""
        from .sources import read  # sources reads through data_files, which imports this

        return read(self.config.root, self.config.languages)

    @cached_property
    def by_language(self) -> dict[str, list[Page]]:
        grouped: dict[str, list[Page]] = {lang: [] for lang in self.config.languages}
        for page in self.pages:
            grouped.setdefault(page.lang, []).append(page)
        return grouped

    @cached_property
    def _index(self) -> dict[tuple[str, str], Page]:
        index: dict[tuple[str, str], Page] = {}
        for page in self.pages:
            if page.id is not None:
                index.setdefault((page.lang, page.id), page)
        return index

    @cached_property
    def _by_path(self) -> dict[tuple[str, str], Page]:
        return {(page.lang, page.rel_path): page for page in self.pages}

    def page(self, page_id: str, lang: str | None = None) -> Page | None:
        """The page with this id in a language (the default language when none is given)."""
        return self._index.get((lang or self.config.default_language, page_id))

    def page_at(self, lang: str, rel_path: str) -> Page | None:
        return self._by_path.get((lang, rel_path))

    @property
    def nodes(self) -> list[Page]:
        """The default-language pages: one node per id."""
        return self.by_language.get(self.config.default_language, [])

    @cached_property
    def outgoing(self) -> dict[str, list[Relation]]:
        grouped: dict[str, list[Relation]] = defaultdict(list)
        for relation in self.relations:
            grouped[relation.source].append(relation)
        return grouped

    @cached_property
    def incoming(self) -> dict[str, list[Relation]]:
        grouped: dict[str, list[Relation]] = defaultdict(list)
        for relation in self.relations:
            grouped[relation.target].append(relation)
        return grouped

    @cached_property
    def _nav_position(self) -> dict[str, int]:
        return {entry.path: index for index, entry in enumerate(self.config.nav)}

    def reading_order(self, page_id: str) -> tuple[int, str]:
        """Sort key that follows the navigation (the source's order), then the id."""
        page = self.page(page_id)
        position = self._nav_position.get(page.rel_path, len(self._nav_position)) if page else 0
        return (position, page_id)

    def related(self, page_id: str) -> list[tuple[Relation, str]]:
        """Every relation touching a page, in both directions, with the id at the other end."""
        pairs = [(rel, rel.target) for rel in self.outgoing.get(page_id, [])]
        pairs += [(rel, rel.source) for rel in self.incoming.get(page_id, [])]
        return pairs


@dataclass(frozen=True)
class SplitPage:
    """A page's text cut into front matter and body, with 1-based file line numbers."""

    front: str | None  # None when the page does not start with a '---' line
    front_line: int
    body: str
    body_line: int
    closed: bool  # False when MkDocs would not read the '---' block as front matter


def split_front_matter(text: str) -> SplitPage:
    """Cut the front matter off the body exactly where MkDocs does.

    The block is what `mkdocs.utils.meta.YAML_RE` matches, so the check and the build see
    the same block: `...` closes it as `---` does, and a block MkDocs does not match (no
    closing line, nothing between the lines, no line break after the closing line) is
    `closed=False`, because the build would show it as text.
    """
    match = _MKDOCS_FRONT_MATTER.match(text)
    if match:
        front = match.group(1)
        return SplitPage(front, 2, text[match.end() :], front.count("\n") + 3, closed=True)
    if not _OPENING_LINE.match(text):
        return SplitPage(None, 0, text, 1, closed=True)
    rest = text.partition("\n")[2]
    return SplitPage(rest, 2, "", text.count("\n") + 2, closed=False)


class UnreadableError(ValueError):
    """A file that is not text the handbook reads, with the line to look at and a fix."""

    def __init__(self, line: int, message: Text, hint: Text | None = None) -> None:
        super().__init__(f"line {line}: {message.en}")
        self.line = line
        self.message = message
        self.hint = hint


# C0 controls other than tab and the line breaks, and DEL: no text has them, and YAML
# refuses them. A NUL after every letter is what a file saved as UTF-16 looks like.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\udc80-\udcff]")  # how a file name keeps bytes not UTF-8


def decode_as_mkdocs(data: bytes) -> str:
    """Bytes as MkDocs reads a page: UTF-8 without a byte-order mark, and every line break
    (CRLF, CR) made a newline, as `open(..., encoding="utf-8-sig")` does.

    Raises UnreadableError at the line of the first byte that is not UTF-8.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = _normalise_line_breaks(data[: error.start].decode("utf-8"))
        raise UnreadableError(
            before.count("\n") + 1,
            Text(
                f"Filen er ikke UTF-8-tekst (byten 0x{data[error.start]:02x} på denne linjen).",
                f"The file is not UTF-8 text (byte 0x{data[error.start]:02x} on this line).",
            ),
            Text(
                "Lagre den som UTF-8. De fleste redigeringsprogram har det under «Lagre som» "
                "eller som tegnkoding nederst i vinduet.",
                "Save it as UTF-8. Most editors offer it under Save as, or as the encoding "
                "at the bottom of the window.",
            ),
        ) from None
    return _normalise_line_breaks(text)


def _normalise_line_breaks(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_text_as_mkdocs(path: str | Path) -> str:
    """A file's text as MkDocs reads a page (see decode_as_mkdocs).

    Reading bytes and decoding once is faster than a text-mode file with thousands of pages.
    """
    with open(path, "rb") as handle:
        return decode_as_mkdocs(handle.read())


def read_page_bytes(path: str | Path) -> bytes:
    """A page's bytes, or UnreadableError when it is not a file of its own that can be read
    (a symbolic link could name /dev/zero, a pipe, or a file outside the handbook that the
    site would then publish), or is larger than MAX_PAGE_BYTES (only that much is read)."""
    hint = Text(
        "Sider er filer i docs/<språk>/. Legg selve teksten der.",
        "Pages are files in docs/<language>/. Put the text itself there.",
    )
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            raise UnreadableError(
                1,
                Text(
                    "Siden er en symbolsk lenke, ikke en fil.",
                    "The page is a symbolic link, not a file.",
                ),
                hint,
            )
        if not stat.S_ISREG(mode):
            raise UnreadableError(1, Text("Siden er ikke en fil.", "The page is not a file."), hint)
        with open(path, "rb") as handle:
            data = handle.read(MAX_PAGE_BYTES + 1)
            size = os.fstat(handle.fileno()).st_size
    except OSError as error:
        reason = error.strerror or str(error)
        raise UnreadableError(
            1, Text(f"Filen kan ikke leses: {reason}.", f"The file cannot be read: {reason}.")
        ) from None
    if len(data) > MAX_PAGE_BYTES:
        raise UnreadableError(
            1,
            Text(
                f"Siden er {size // 1024} KB. Grensen er {MAX_PAGE_BYTES // 1024} KB.",
                f"The page is {size // 1024} KB. The limit is {MAX_PAGE_BYTES // 1024} KB.",
            ),
            Text("Del den opp i flere sider.", "Split it into several pages."),
        )
    return data


def read_page_text(path: str | Path) -> str:
    """A page's text, or UnreadableError when it is not text a page can be: not a file
    (read_page_bytes), larger than MAX_PAGE_BYTES, not UTF-8, or with control characters."""
    text = decode_as_mkdocs(read_page_bytes(path))
    refuse_control_characters(text)
    return text


def refuse_control_characters(text: str) -> None:
    """Raise UnreadableError at the line of the first control character in `text`."""
    control = _CONTROL.search(text)
    if control:
        raise UnreadableError(
            text.count("\n", 0, control.start()) + 1,
            Text(
                f"Filen har et kontrolltegn (U+{ord(control.group()):04X}) på denne linjen. "
                "Det hører ikke hjemme i tekst.",
                f"The file has a control character (U+{ord(control.group()):04X}) on this "
                "line. Such characters do not belong in text.",
            ),
            Text(
                "Slett det. Har filen et slikt tegn etter hver bokstav, er den lagret som "
                "UTF-16: lagre den som UTF-8.",
                "Delete it. If the file has one after every letter, it was saved as UTF-16: "
                "save it as UTF-8.",
            ),
        )


def readable_text(data: bytes) -> str:
    """A page's bytes as text MkDocs can read without harm, whatever they are.

    For a build that goes on past the check's errors (not strict): bytes that are not
    UTF-8 and control characters become U+FFFD, and front matter the check refuses to
    read (an alias, a merge key, deep nesting, more than MAX_FRONT_MATTER_BYTES) is left
    out, so MkDocs' own loader never reads it. Front matter that is merely not valid YAML
    stays: MkDocs shows it as text, as it would anyway.
    """
    text = _CONTROL.sub("\ufffd", _normalise_line_breaks(data.decode("utf-8-sig", "replace")))
    split = split_front_matter(text)
    if split.front is not None and split.closed:
        too_large = len(split.front.encode("utf-8")) > MAX_FRONT_MATTER_BYTES
        if too_large or rejection_of(split.front) is not None:
            return split.body
    return text


def parse_page(lang: str, rel_path: str, path: str | Path, display_path: str) -> Page:
    """Read one Markdown file into a Page; problems are kept on the page, not raised."""
    page = Page(lang=lang, rel_path=rel_path, path=str(path), display_path=display_path)
    if not rel_path.isascii() and _SURROGATE.search(rel_path):  # bytes os.scandir kept
        page.error = (
            1,
            Text("Filnavnet er ikke UTF-8-tekst.", "The file name is not UTF-8 text."),
        )
        page.error_hint = Text(
            "Gi filen et nytt navn med bare små bokstaver fra a til z (ikke æ, ø, å), tall og "
            "bindestrek mellom ordene. Adressen til siden lages av navnet.",
            "Rename the file with only the lower-case letters a to z (not æ, ø, å), digits, "
            "and hyphens between words. The page's address is made from its name.",
        )
        return page
    try:
        text = read_page_text(path)
    except UnreadableError as error:
        page.error, page.error_hint = (error.line, error.message), error.hint
        return page
    split = split_front_matter(text)
    front, front_line = split.front, split.front_line
    page.body, page.body_line = split.body, split.body_line
    page.front, page.front_line = front or "", front_line
    if front is None:
        page.error, page.error_hint = _missing_front_matter(text)
        return page
    for offset, line in enumerate(front.split("\n")):
        match = _TOP_LEVEL_KEY.match(line)
        if match and match.group(1) not in page.key_lines:
            page.key_lines[match.group(1)] = front_line + offset
    if not split.closed:
        page.error, page.error_hint = _unread_block(front, front_line)
        return page
    encoded = front.encode("utf-8")
    if len(encoded) > MAX_FRONT_MATTER_BYTES:
        page.error = (
            front_line + encoded[:MAX_FRONT_MATTER_BYTES].count(b"\n"),
            Text(
                f"Front matter er større enn {MAX_FRONT_MATTER_BYTES // 1024} KB. Grensen nås "
                "på denne linjen.",
                f"The front matter is larger than {MAX_FRONT_MATTER_BYTES // 1024} KB. The "
                "limit is reached on this line.",
            ),
        )
        page.error_hint = Text(
            "Front matter skal bare ha korte felt. Flytt lang tekst ned i selve siden.",
            "Front matter holds short fields only. Move long text down into the page itself.",
        )
        return page
    try:
        data, repeated = _load_front_matter(front)
    except RejectedYAMLError as error:
        line, message, hint = rejected(error, front.split("\n"))
        page.error, page.error_hint = (front_line + line, message), hint
        return page
    except yaml.YAMLError as error:
        line, message, hint = explain(error, front, FRONT_MATTER_KEYS)
        page.error, page.error_hint = (front_line + line, message), hint
        return page
    except ValueError:  # a value YAML recognises but cannot build, e.g. 2022-13-45
        line = _failing_value_line(front)
        written = front.split("\n")[line].strip()
        page.error = (
            front_line + line,
            Text(
                f"{code(written)} ser ut som en dato eller et tall, men YAML kan ikke lese det.",
                f"{code(written)} looks like a date or a number, but YAML cannot read it.",
            ),
        )
        page.error_hint = Text(
            "Skriv en dato som finnes, som år-måned-dag: `last_reviewed: 2026-12-02`.",
            "Write a date that exists, as year-month-day: `last_reviewed: 2026-12-02`.",
        )
        return page
    if not isinstance(data, dict):
        page.error = (
            front_line,
            Text(
                "Front matter må være felt med verdier, ett per linje. MkDocs ville vist "
                "blokken som tekst.",
                "The front matter must be fields with values, one per line. MkDocs would "
                "show the block as text.",
            ),
        )
        page.error_hint = Text(
            "Skriv hvert felt som `navn: verdi`, for eksempel `kind: page`.",
            "Write each field as `name: value`, for example `kind: page`.",
        )
        return page
    if repeated:
        key, line, first, hint = repeated
        page.error = (
            front_line + line,
            Text(
                f"Feltet {code(key)} står to ganger (første gang på linje {front_line + first}). "
                "YAML bruker bare den siste, og den første blir borte uten varsel.",
                f"The field {code(key)} is written twice (first on line {front_line + first}). "
                "YAML keeps only the last, and the first is lost without a word.",
            ),
        )
        page.error_hint = hint
        return page
    page.meta = data
    for key in data:
        if key not in page.key_lines and isinstance(key, str):
            _locate_key(page, key)
    return page


def _locate_key(page: Page, key: str) -> None:
    """The line of a key `_TOP_LEVEL_KEY` does not read, such as one with a space in it
    (`description Dette er: en side`, a colon forgotten): its first line that starts with
    the key and a colon."""
    for offset, line in enumerate(page.front.split("\n")):
        if line.startswith(key) and line[len(key) :].lstrip(" \t").startswith(":"):
            page.key_lines[key] = page.front_line + offset
            return


def _load_front_matter(front: str) -> tuple[Any, tuple[str, int, int, Text] | None]:
    """The front matter's value, and the first key written twice in its top-level mapping
    with its 0-based line, that of its first use and how to fix it (YAML keeps the last
    without a word)."""
    loader = FrontMatterLoader(front)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, tuple[int, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            line = key_node.start_mark.line
            if key_node.value in seen:
                first, first_value = seen[key_node.value]
                hint = _merged(key_node.value, first_value, value_node)
                return data, (key_node.value, line, first, hint)
            seen[key_node.value] = (line, value_node)
    return data, None


def _merged(key: str, first: yaml.Node, last: yaml.Node) -> Text:
    """How to fix a key written twice: one list with the items of both, when either is a
    list of words (`sources: [a, b]`); otherwise keep one line."""

    def items(node: yaml.Node) -> list[str] | None:
        if isinstance(node, yaml.ScalarNode):
            return [node.value] if node.value else []
        if isinstance(node, yaml.SequenceNode) and all(
            isinstance(item, yaml.ScalarNode) for item in node.value
        ):
            return [item.value for item in node.value]
        return None

    both = (items(first), items(last))
    is_list = isinstance(first, yaml.SequenceNode) or isinstance(last, yaml.SequenceNode)
    if is_list and both[0] is not None and both[1] is not None:
        merged = list(dict.fromkeys(both[0] + both[1]))
        example = code(f"{key}: [{', '.join(as_text(item) for item in merged)}]")
        return Text(
            f"Slå dem sammen til én linje: {example}.",
            f"Merge them into one line: {example}.",
        )
    return Text(
        "Behold én av linjene, og slett den du ikke vil ha.",
        "Keep one of the lines, and delete the one you do not want.",
    )


def _missing_front_matter(text: str) -> tuple[tuple[int, Text], Text]:
    """Why a page has no front matter, and how to give it one."""
    if text.startswith(BYTE_ORDER_MARK) and _OPENING_LINE.match(text.lstrip(BYTE_ORDER_MARK)):
        message, hint = byte_order_mark()
        return (1, message), hint
    return (
        1,
        Text(
            "Siden har ingen front matter. Den må begynne med en blokk mellom to `---`-linjer.",
            "The page has no front matter. It must start with a block between two `---` lines.",
        ),
    ), Text(
        "Skriv de første linjene slik: `---`, `id: sidens-id`, `kind: page`, "
        "`description: Én setning.` og `---`.",
        "Start the page with these lines: `---`, `id: page-id`, `kind: page`, "
        "`description: One sentence.` and `---`.",
    )


def _unread_block(front: str, front_line: int) -> tuple[tuple[int, Text], Text | None]:
    """The finding for a '---' block MkDocs does not read as front matter, and its fix."""
    closing = _CLOSING_LINE.search(front)
    if closing is None:
        return (
            1,
            Text(
                "Front matter blir ikke avsluttet med en `---`-linje.",
                "The front matter is not closed with a `---` line.",
            ),
        ), Text(
            "Skriv en linje med bare `---` etter det siste feltet, før teksten på siden.",
            "Write a line with only `---` after the last field, before the page's text.",
        )
    return (
        front_line + front.count("\n", 0, closing.start()),
        Text(
            "MkDocs ville ikke lest blokken som front matter, men vist den som tekst. Det må "
            "være minst én linje mellom `---`-linjene og et linjeskift etter den siste.",
            "MkDocs would not read this block as front matter and would show it as text. It "
            "needs at least one line between the `---` lines and a line break after the "
            "closing one.",
        ),
    ), None


def _failing_value_line(front: str) -> int:
    """The 0-based line of the first top-level value whose construction fails.

    YAML marks the lines of syntax errors, but a value that parses and then cannot be built
    (a date such as 2022-13-45) raises a plain ValueError without a line. Building each
    value of the parsed mapping alone finds it.
    """
    node = yaml.compose(front, Loader=FrontMatterLoader)
    if not isinstance(node, yaml.MappingNode):
        return 0
    loader = FrontMatterLoader("")
    try:
        for key_node, value_node in node.value:
            for part in (key_node, value_node):
                try:
                    loader.construct_object(part, deep=True)
                except ValueError:
                    return part.start_mark.line
    finally:
        loader.dispose()
    return 0


def iter_markdown(docs_dir: Path, lang: str) -> list[tuple[str, str]]:
    """Every Markdown file of one language folder as (path inside the folder, file path).

    Links (symlinks) are skipped, never followed or read: the files rule (HB012) reports
    them. os.scandir with plain strings: its entries know whether they are links, folders
    or files without another system call, and pathlib's rglob and relative_to cost more
    than reading the files once a handbook has thousands of pages.
    """
    found: list[tuple[str, str]] = []
    folders = [(os.path.join(docs_dir, lang), "")]
    if os.path.islink(folders[0][0]):
        return found
    while folders:
        folder, prefix = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:  # a missing or unreadable folder has no pages (as with os.walk)
            continue
        for entry in entries:
            if entry.is_symlink():
                continue
            if entry.is_dir(follow_symlinks=False):
                folders.append((entry.path, prefix + entry.name + "/"))
            elif entry.name.endswith(".md") and entry.is_file(follow_symlinks=False):
                found.append((prefix + entry.name, entry.path))
    found.sort()
    return found


def declared_relations(page: Page) -> list[Relation]:
    """The relations a page declares in its front matter, skipping malformed values.

    Malformed values (a number where an id belongs, a list where one id is expected) are the
    rules' business; the graph only holds what it can interpret.
    """
    if page.id is None:
        return []
    relations = []
    for key, spec in RELATION_FIELDS.items():
        if key not in page.meta:
            continue
        value = page.meta[key]
        targets = value if isinstance(value, list) else [value]
        if not spec.many and isinstance(value, list):
            continue
        relations.extend(
            Relation(page.id, key, target, page.display_path, page.line_of(key))
            for target in targets
            if isinstance(target, str)
        )
    return relations


def load_graph(config: HandbookConfig) -> Graph:
    """Load all languages' pages; relations come from the default language only."""
    docs = os.path.relpath(config.docs_dir, config.root).replace(os.sep, "/")
    pages = [
        parse_page(lang, rel_path, path, f"{docs}/{lang}/{rel_path}")
        for lang in config.languages
        for rel_path, path in iter_markdown(config.docs_dir, lang)
    ]
    default = config.default_language
    relations = [
        relation
        for page in pages
        if page.lang == default and page.error is None
        for relation in declared_relations(page)
    ]
    return Graph(config=config, pages=pages, relations=relations)


def strip_attr_list(text: str) -> str:
    """A heading's text without its trailing `{ #id .class }` attribute list.

    What `re.sub(r"\\s*\\{:?\\s*[^}]*\\}\\s*$", "", text).strip()` gives: the list is the
    last `}` and everything back to the first `{` after the `}` before it. The pattern
    took quadratic time: it is tried at every offset, and `\\s*` scanned each run of spaces.
    """
    trimmed = text.rstrip()
    if not trimmed.endswith("}"):
        return text.strip()
    opening = trimmed.find("{", trimmed.rfind("}", 0, len(trimmed) - 1) + 1, len(trimmed) - 1)
    if opening == -1:
        return text.strip()
    return trimmed[:opening].strip()
