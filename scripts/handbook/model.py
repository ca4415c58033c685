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

from .config import HandbookConfig

try:  # libyaml is about ten times faster; fall back where it is not compiled in.
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

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

_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
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

    front: str | None  # None when the page does not start with '---'
    front_line: int
    body: str
    body_line: int
    closed: bool  # False when the opening '---' has no closing line


def split_front_matter(text: str) -> SplitPage:
    """Cut the YAML block between the first two '---' lines off the Markdown body."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return SplitPage(None, 0, text, 1, closed=True)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return SplitPage(front, 2, body, index + 2, closed=True)
    return SplitPage("\n".join(lines[1:]), 2, "", len(lines) + 1, closed=False)


_SIMPLE_LINE = re.compile(r"([A-Za-z_][\w-]*):[ \t]+(\S(?:.*\S)?)[ \t]*")
_PLAIN_WORD = re.compile(r"[a-z][a-z0-9-]*")
_ID_LIST = re.compile(r"\[[ \t]*((?:[a-z][a-z0-9-]*[ \t]*,[ \t]*)*[a-z][a-z0-9-]*)?[ \t]*\]")
_DOUBLE_QUOTED = re.compile(r'"([^"\\]*)"')
# Plain words YAML 1.1 reads as booleans or null; they take the full parser.
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def _simple_value(value: str) -> tuple[bool, Any]:
    """Read a value of the common shapes: an id, a list of ids, a simple quoted string."""
    if _PLAIN_WORD.fullmatch(value) and value not in _YAML_WORDS:
        return True, value
    match = _ID_LIST.fullmatch(value)
    if match:
        inner = match.group(1)
        items = [item.strip() for item in inner.split(",")] if inner else []
        if not _YAML_WORDS.intersection(items):
            return True, items
    match = _DOUBLE_QUOTED.fullmatch(value)
    if match:
        return True, match.group(1)
    # Plain text starting with a letter is a string, unless YAML reads it as bool/null or
    # it holds ': ' / ' #' (a nested mapping or a comment) or ends with ':'.
    if (
        value[0].isalpha()
        and value.lower() not in _YAML_WORDS
        and ": " not in value
        and " #" not in value
        and not value.endswith(":")
    ):
        return True, value
    return False, None


def load_front_matter(front: str) -> Any:
    """Parse front matter as YAML, taking a fast path for the shapes pages use.

    Most front matter is `key: id`, `key: [id, id]` and `key: "text"`, one key a line.
    Those are read directly; any other line is given to PyYAML alone, and anything spread
    over several lines (block lists, folded text) sends the whole block to PyYAML. Both
    paths give the same result: `tests/test_model.py` compares them. At 20,000 pages the
    fast path saves about a second of the check's time.
    """
    data: dict[str, Any] = {}
    for line in front.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _SIMPLE_LINE.fullmatch(line)
        if match is None or match.group(1) in data:
            return yaml.load(front, Loader=_Loader) if front.strip() else {}
        key, value = match.groups()
        simple, parsed = _simple_value(value)
        if not simple:
            if value[0] in "|>&*!" or value.endswith(("[", "{", ",")):
                return yaml.load(front, Loader=_Loader)
            try:
                single = yaml.load(line, Loader=_Loader)
            except yaml.YAMLError:
                single = None  # parse the whole block, so the error carries the right line
            if not isinstance(single, dict) or key not in single:
                return yaml.load(front, Loader=_Loader)
            parsed = single[key]
        data[key] = parsed
    return data


def parse_page(lang: str, rel_path: str, path: str | Path, display_path: str) -> Page:
    """Read one Markdown file into a Page; YAML errors are kept on the page, not raised."""
    with open(path, "rb") as handle:
        text = handle.read().decode("utf-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n")
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
        page.error = (1, "the front matter is not closed with a '---' line")
        return page
    try:
        data = load_front_matter(front)
    except yaml.YAMLError as error:
        page.error = (
            front_line + _error_line(error),
            f"the front matter is not valid YAML: "
            f"{getattr(error, 'problem', None) or str(error).splitlines()[0]}",
        )
        return page
    if not isinstance(data, dict):
        page.error = (front_line, "the front matter must be a mapping of keys to values")
        return page
    page.meta = data
    return page


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


def iter_markdown(docs_dir: Path, lang: str) -> list[tuple[str, str]]:
    """Every Markdown file of one language folder as (path inside the folder, file path).

    os.walk with plain strings: pathlib's rglob and relative_to cost more than reading
    the files once a handbook has thousands of pages.
    """
    base = os.path.join(docs_dir, lang)
    found: list[tuple[str, str]] = []
    for folder, _, names in os.walk(base):
        prefix = os.path.relpath(folder, base).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        found.extend(
            (prefix + name, os.path.join(folder, name)) for name in names if name.endswith(".md")
        )
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
