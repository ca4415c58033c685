"""Load every page of every language into one graph of nodes and typed relations.

A page declares itself in YAML front matter (`id`, `kind`) and declares its relations
once, in the default language only. The graph derives the reverse direction and lets every
translation inherit the relations of its default-language page.

Loading never raises on bad content: a page whose front matter does not parse is kept with
its error, so the rules can report it with file and line instead of a traceback.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

# The front-matter block and the loader MkDocs itself reads pages with (MkDocs 1.6), so
# the check sees exactly the values the build uses. Two YAML readers disagreed on lines such
# as `id: x<TAB># note`; a hand-written fast path made it three.
from mkdocs.utils.meta import YAML_RE as _MKDOCS_FRONT_MATTER
from mkdocs.utils.meta import SafeLoader as _MkDocsLoader

from .config import HandbookConfig
from .inventory import Inventory, take_inventory

KINDS = ("goal", "instrument", "programme", "priority", "objective", "page")


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
    **{key: f"relation to a {spec.target_kind}" for key, spec in RELATION_FIELDS.items()},
}

_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
# What MkDocs' YAML_RE accepts as the opening and the closing line of the block.
_OPENING_LINE = re.compile(r"-{3}[ \t]*(?:\n|$)")
_CLOSING_LINE = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE)
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_NEWLINE = re.compile(r"\n")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_INLINE_LINK = re.compile(r"\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE_DEF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:[ \t]+.*)?$", re.MULTILINE)


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
    body: str = ""
    body_line: int = 1  # file line number of the first body line
    error: tuple[int, str] | None = None  # (line, message) when the front matter is broken

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
            body = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), body)
        return body

    @cached_property
    def _newlines(self) -> list[int]:
        return [m.start() for m in _NEWLINE.finditer(self.markdown)]

    def line_at(self, offset: int) -> int:
        """The file line number of an offset in `markdown`."""
        return self.body_line + bisect_right(self._newlines, offset - 1)

    @cached_property
    def headings(self) -> list[Heading]:
        # Splitting and testing the first character is much faster than a MULTILINE
        # regex, which Python's engine tries at every position of the text.
        found = []
        for offset, line in enumerate(self.markdown.split("\n")):
            if line.startswith("#"):
                match = _HEADING.match(line)
                if match:
                    found.append(
                        Heading(len(match.group(1)), match.group(2), self.body_line + offset)
                    )
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
        found = [Link(m.group(1), self.line_at(m.start())) for m in _INLINE_LINK.finditer(text)]
        if "]:" in text:
            found += [
                Link(m.group(1), self.line_at(m.start())) for m in _REFERENCE_DEF.finditer(text)
            ]
            found.sort(key=lambda link: link.line)
        return found


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


def read_text_as_mkdocs(path: str | Path) -> str:
    """A file's text as MkDocs reads a page: UTF-8 without a byte-order mark, and every
    line break (CRLF, CR) made a newline, as `open(..., encoding="utf-8-sig")` does.

    Reading bytes and decoding once is faster than a text-mode file with thousands of pages.
    """
    with open(path, "rb") as handle:
        text = handle.read().decode("utf-8-sig")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def parse_page(lang: str, rel_path: str, path: str | Path, display_path: str) -> Page:
    """Read one Markdown file into a Page; YAML errors are kept on the page, not raised."""
    text = read_text_as_mkdocs(path)
    page = Page(lang=lang, rel_path=rel_path, path=str(path), display_path=display_path)
    split = split_front_matter(text)
    front, front_line = split.front, split.front_line
    page.body, page.body_line = split.body, split.body_line
    if front is None:
        page.error = (1, "the page has no front matter (it must start with a '---' block)")
        return page
    for offset, line in enumerate(front.split("\n")):
        match = _TOP_LEVEL_KEY.match(line)
        if match and match.group(1) not in page.key_lines:
            page.key_lines[match.group(1)] = front_line + offset
    if not split.closed:
        page.error = _unread_block(front, front_line)
        return page
    try:
        data = yaml.load(front, Loader=_MkDocsLoader)
    except yaml.YAMLError as error:
        page.error = (
            front_line + _error_line(error),
            f"the front matter is not valid YAML: "
            f"{getattr(error, 'problem', None) or str(error).splitlines()[0]}",
        )
        return page
    except ValueError as error:  # a value YAML recognises but cannot build, e.g. 2022-13-45
        page.error = (
            front_line + _failing_value_line(front),
            f"the front matter has a value YAML cannot read: {error}",
        )
        return page
    if not isinstance(data, dict):
        page.error = (
            front_line,
            "the front matter must be a mapping of keys to values "
            "(MkDocs would show the block as text)",
        )
        return page
    page.meta = data
    return page


def _unread_block(front: str, front_line: int) -> tuple[int, str]:
    """The finding for a '---' block MkDocs does not read as front matter."""
    closing = _CLOSING_LINE.search(front)
    if closing is None:
        return (1, "the front matter is not closed with a '---' line")
    return (
        front_line + front.count("\n", 0, closing.start()),
        "MkDocs would not read this block as front matter and would show it as text "
        "(it needs at least one line between the '---' lines and a line break after the "
        "closing one)",
    )


def _error_line(error: yaml.YAMLError) -> int:
    """The 0-based line of the front matter where the reader should look.

    PyYAML reports an unclosed `[` or `{` where it gave up (often the next key); the line
    that needs the fix is where the bracket opened, which it gives as the context.
    """
    context = getattr(error, "context", None) or ""
    context_mark = getattr(error, "context_mark", None)
    if "flow" in context and context_mark is not None:
        return context_mark.line
    mark = getattr(error, "problem_mark", None) or context_mark
    return mark.line if mark is not None else 0


def _failing_value_line(front: str) -> int:
    """The 0-based line of the first top-level value whose construction fails.

    YAML marks the lines of syntax errors, but a value that parses and then cannot be built
    (a date such as 2022-13-45) raises a plain ValueError without a line. Building each
    value of the parsed mapping alone finds it.
    """
    node = yaml.compose(front, Loader=_MkDocsLoader)
    if not isinstance(node, yaml.MappingNode):
        return 0
    loader = _MkDocsLoader("")
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


_ATTR_LIST = re.compile(r"\s*\{:?\s*[^}]*\}\s*$")


def strip_attr_list(text: str) -> str:
    """A heading's text without its trailing `{ #id .class }` attribute list."""
    return _ATTR_LIST.sub("", text).strip()
