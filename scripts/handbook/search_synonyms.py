"""Search synonyms and misspellings: words readers type that the pages write otherwise.

Each language has one file, includes/search-synonyms.<lang>.yml, with two groups of
`what a reader types: what the pages say` lines: `synonyms` (kollektivtransport:
kollektivtrafikk) and `misspellings` (intereg: interreg). The build turns them into
search/synonyms.<lang>.json, which the search script loads when a reader opens search and
applies before it searches (docs/assets/javascripts/search.js); they are shown nowhere.

A line is only useful if it is true of the pages, so the check (HB018) holds every line to
them. A reader's word must not be a word the pages use: search finds that as typed, and the
rewrite would only lose those matches. The pages' word must be on the pages (whole, or as
the start of a longer word, as search matches it): otherwise the rewrite leads nowhere.
And a pages' word is never itself a reader's word: one step, no chains.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .data_files import NULL_TAG, MissingFileError, Problem, compose
from .plain_text import markup_in

SYNONYMS_FILE = "includes/search-synonyms.{lang}.yml"
GROUPS = ("synonyms", "misspellings")
OUTPUT = "search/words.{lang}.json"  # in site_dir; overrides/partials/search.html names it
# The pages' words of at least this many letters are listed for search.js, which corrects
# a typo to the nearest of them and leaves out a word none of them starts.
SHORTEST_LISTED = 3
MAX_FILE_BYTES = 256 * 1024
LONGEST_PHRASE = 4  # words; search.js looks up phrases of up to this many words
_WORD = re.compile(r"[^\W_]+(?:[-'\u2019.][^\W_]+)*")  # TEN-T, Oslo's, 2.2 are one word
# Markup that is not text a reader sees: link targets, attribute lists, comments and tags.
_NOT_TEXT = re.compile(r"\]\([^)]*\)|\{[:#.][^}]*\}|<!--.*?-->|<[^>]+>", re.DOTALL)


@dataclass(frozen=True)
class Entry:
    typed: str  # what a reader types, lower case
    means: str  # the words the pages use
    group: str
    line: int


def words_of(text: str) -> list[str]:
    """The words of a text as search sees them: lower case, NFC, hyphenated words whole."""
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


def page_texts(pages: Iterable, lang: str) -> list[str]:
    """The text a reader sees of each of a language's pages (graph pages), roughly: the
    title and the Markdown without link targets, attributes, comments and tags."""
    return [
        _NOT_TEXT.sub(" ", f"{page.meta.get('title', '')}\n{page.markdown}")
        for page in pages
        if page.lang == lang
    ]


def read(root: Path, lang: str) -> tuple[list[Entry], list[Problem]]:
    """The entries of a language's file and the problems that stop reading some of them.
    No file is no entries: search then finds only what is typed."""
    path = SYNONYMS_FILE.format(lang=lang)
    try:
        node, problems = compose(root, path, MAX_FILE_BYTES)
    except MissingFileError:
        return [], []
    if problems:
        return [], problems
    if node is None:
        return [], []
    if not isinstance(node, yaml.MappingNode):
        line = node.start_mark.line + 1
        return [], [Problem(path, line, "expected the groups `synonyms:` and `misspellings:`")]
    entries: list[Entry] = []
    for group_node, lines_node in node.value:
        line = group_node.start_mark.line + 1
        group = group_node.value if isinstance(group_node, yaml.ScalarNode) else None
        if group not in GROUPS:
            hint = "the file has two groups: `synonyms:` and `misspellings:`"
            problems.append(Problem(path, line, f"unknown group {group!r}", hint))
            continue
        if lines_node.tag == NULL_TAG:
            continue  # a group with no lines yet
        if not isinstance(lines_node, yaml.MappingNode):
            hint = "write one `what a reader types: what the pages say` per line under it"
            problems.append(Problem(path, line, f"{group}: expected lines of `word: word`", hint))
            continue
        entries.extend(_entries(path, group, lines_node, problems))
    return entries, problems


def _entries(path: str, group: str, node: yaml.MappingNode, problems: list[Problem]):
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode) or not isinstance(value_node, yaml.ScalarNode):
            problems.append(
                Problem(path, line, "expected `what a reader types: what the pages say`")
            )
            continue
        typed, means = key_node.value, value_node.value
        if value_node.tag == NULL_TAG or not means.strip() or not typed.strip():
            problems.append(Problem(path, line, f"{typed!r} has no word after the colon"))
            continue
        if markup_in(typed) is not None or markup_in(means) is not None:
            problems.append(Problem(path, line, f"{typed!r}: write plain words, no markup"))
            continue
        written = " ".join(unicodedata.normalize("NFC", typed).casefold().split())
        if written != typed or len(typed.split()) > LONGEST_PHRASE:
            hint = (
                "write it in lower case, words separated by one space, "
                f"at most {LONGEST_PHRASE} words"
            )
            problems.append(
                Problem(path, line, f"{typed!r} is not written as search reads it", hint)
            )
            continue
        yield Entry(typed, means.strip(), group, line)


class Vocabulary:
    """The words of a language's pages, for whole-word and start-of-word lookups."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.counts: Counter[str] = Counter()
        self._texts = []
        for text in texts:
            found = words_of(text)
            self.counts.update(found)
            self._texts.append(" " + " ".join(found))
        self._sorted = sorted(self.counts)

    def pages_with(self, phrase: str) -> set[int]:
        """The pages (by number) with a word or phrase, whole or as the start of a word."""
        needle = " " + phrase
        return {number for number, text in enumerate(self._texts) if needle in text}

    def loses_pages(self, typed: str, means: str) -> bool:
        """Whether searching `means` instead of `typed` misses a page that has `typed`."""
        return bool(self.pages_with(typed) - self.pages_with(means))

    def common_words(self, shortest: int) -> list[str]:
        """The words of at least `shortest` letters, no digits, most frequent first; the
        parts of a hyphenated word count as words ("resource-efficient"), as search
        indexes them."""
        counts: Counter[str] = Counter()
        for word, count in self.counts.items():
            for part in {word, *word.split("-")}:
                counts[part] += count
        return [w for w, _ in counts.most_common() if len(w) >= shortest and w.isalpha()]

    def starts_a_word(self, start: str) -> bool:
        at = bisect.bisect_left(self._sorted, start)
        return at < len(self._sorted) and self._sorted[at].startswith(start)


def problems_against_pages(
    path: str, entries: list[Entry], vocabulary: Vocabulary
) -> list[Problem]:
    """What is untrue of the pages in a language's entries (the module docstring's rules)."""
    problems = []
    typed_words = {entry.typed for entry in entries}
    seen: dict[str, int] = {}
    for entry in entries:
        if entry.typed in seen:
            message = f"{entry.typed!r} is here twice (also on line {seen[entry.typed]})"
            problems.append(Problem(path, entry.line, message, "keep one line for it"))
            continue
        seen[entry.typed] = entry.line
        typed, means = " ".join(words_of(entry.typed)), " ".join(words_of(entry.means))
        if typed and vocabulary.loses_pages(typed, means):
            message = f"{entry.typed!r} is on pages that do not have {entry.means!r}"
            hint = (
                "remove the line: search finds the word as typed, "
                "and the rewrite would lose those pages"
            )
            problems.append(Problem(path, entry.line, message, hint))
        missing = [w for w in words_of(entry.means) if not vocabulary.starts_a_word(w)]
        if missing:
            message = (
                f"{entry.typed!r}: {' '.join(missing)!r} is on no page, so it would find nothing"
            )
            hint = "write after the colon a word the pages use"
            problems.append(Problem(path, entry.line, message, hint))
        chained = [w for w in [entry.means.casefold(), *words_of(entry.means)] if w in typed_words]
        if chained:
            message = f"{entry.typed!r}: {chained[0]!r} after the colon is itself rewritten"
            hint = "write after the colon the word the pages use, not another reader's word"
            problems.append(Problem(path, entry.line, message, hint))
    return problems


def write(site_dir: Path, root: Path, pages: Iterable, languages: Iterable[str]) -> None:
    """search/words.<lang>.json for each language: `rewrite`, {what a reader types: what to
    search}, and `words`, the pages' words most frequent first, which search.js corrects
    an unknown word to."""
    pages = list(pages)
    for lang in languages:
        entries, _ = read(root, lang)
        vocabulary = Vocabulary(page_texts(pages, lang))
        data = {
            "rewrite": {entry.typed: entry.means for entry in entries},
            "words": vocabulary.common_words(SHORTEST_LISTED),
        }
        target = site_dir / OUTPUT.format(lang=lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
