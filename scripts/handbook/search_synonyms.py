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
from .messages import Text, code, listing
from .plain_text import markup_problem

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

GROUPS_HINT = Text(
    "Filen har to grupper, `synonyms:` og `misspellings:`, helt til venstre. Under dem står én "
    "linje per ord, rykket inn: `kollektivtransport: kollektivtrafikk`.",
    "The file has two groups, `synonyms:` and `misspellings:`, at the left margin. Below "
    "them is one line per word, indented: `kollektivtransport: kollektivtrafikk`.",
)
LINE_HINT = Text(
    "Skriv ordet leseren skriver, et kolon og ordet sidene bruker, for eksempel "
    "`kollektivtransport: kollektivtrafikk`.",
    "Write the word a reader types, a colon and the word the pages use, for example "
    "`kollektivtransport: kollektivtrafikk`.",
)


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
        message = Text(
            "Filen har ikke gruppene `synonyms:` og `misspellings:`.",
            "The file does not have the groups `synonyms:` and `misspellings:`.",
        )
        return [], [Problem(path, line, message, GROUPS_HINT)]
    entries: list[Entry] = []
    groups = listing(code(name + ":") for name in GROUPS)
    for group_node, lines_node in node.value:
        line = group_node.start_mark.line + 1
        group = group_node.value if isinstance(group_node, yaml.ScalarNode) else None
        if group not in GROUPS:
            message = (
                Text(
                    f"Filen har ingen gruppe som heter {code(group + ':')}.",
                    f"The file has no group called {code(group + ':')}.",
                )
                if group
                else Text("Linjen mangler navnet på gruppen.", "The line has no group name.")
            )
            hint = Text(
                f"Gruppene heter {groups.nb}. Skriv linjen under en av dem.",
                f"The groups are called {groups.en}. Write the line under one of them.",
            )
            problems.append(Problem(path, line, message, hint))
            continue
        if lines_node.tag == NULL_TAG:
            continue  # a group with no lines yet
        if not isinstance(lines_node, yaml.MappingNode):
            message = Text(
                f"Under {code(group + ':')} skal det stå linjer med `ord: ord`.",
                f"{code(group + ':')} should have lines of `word: word` under it.",
            )
            hint = Text(
                "Skriv én linje per ord, rykket inn under gruppen: ordet leseren skriver, et "
                "kolon og ordet sidene bruker.",
                "Write one line per word, indented under the group: the word a reader types, "
                "a colon and the word the pages use.",
            )
            problems.append(Problem(path, line, message, hint))
            continue
        entries.extend(_entries(path, group, lines_node, problems))
    return entries, problems


def _entries(path: str, group: str, node: yaml.MappingNode, problems: list[Problem]):
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode) or not isinstance(value_node, yaml.ScalarNode):
            message = Text(
                "Linjen er ikke `ordet leseren skriver: ordet sidene bruker`.",
                "The line is not `what a reader types: what the pages say`.",
            )
            problems.append(Problem(path, line, message, LINE_HINT))
            continue
        typed, means = key_node.value, value_node.value
        if not typed.strip():
            message = Text(
                "Linjen mangler ordet leseren skriver, foran kolonet.",
                "The line has no word a reader types before the colon.",
            )
            problems.append(Problem(path, line, message, LINE_HINT))
            continue
        if value_node.tag == NULL_TAG or not means.strip():
            message = Text(
                f"{code(typed)} har ikke noe ord etter kolonet.",
                f"{code(typed)} has no word after the colon.",
            )
            hint = Text(
                "Skriv ordet sidene bruker etter kolonet, eller slett linjen.",
                "Write the word the pages use after the colon, or remove the line.",
            )
            problems.append(Problem(path, line, message, hint))
            continue
        subject = Text(f"Linjen for {code(typed)}", f"The line for {code(typed)}")
        markup = markup_problem(subject, typed) or markup_problem(subject, means)
        if markup is not None:
            message, instead = markup
            hint = instead or Text(
                "Skriv vanlige ord, uten HTML og &-koder.",
                "Write plain words, without HTML or &-codes.",
            )
            problems.append(Problem(path, line, message, hint))
            continue
        written = " ".join(unicodedata.normalize("NFC", typed).casefold().split())
        if written != typed or len(typed.split()) > LONGEST_PHRASE:
            message = Text(
                f"{code(typed)} er ikke skrevet slik søket leser det.",
                f"{code(typed)} is not written as search reads it.",
            )
            hint = Text(
                "Skriv det med små bokstaver, med ett mellomrom mellom ordene og høyst "
                f"{LONGEST_PHRASE} ord",
                "Write it in lower case, with one space between words and at most "
                f"{LONGEST_PHRASE} words",
            )
            if len(written.split()) <= LONGEST_PHRASE:
                hint = Text(f"{hint.nb}: {code(written)}.", f"{hint.en}: {code(written)}.")
            else:
                hint = Text(f"{hint.nb}.", f"{hint.en}.")
            problems.append(Problem(path, line, message, hint))
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
        typed_word = code(entry.typed)
        if entry.typed in seen:
            first = seen[entry.typed]
            message = Text(
                f"{typed_word} står to ganger i filen, også på linje {first}.",
                f"{typed_word} appears twice: here and on line {first}.",
            )
            hint = Text("Behold én linje for ordet.", "Keep one line for it.")
            problems.append(Problem(path, entry.line, message, hint))
            continue
        seen[entry.typed] = entry.line
        typed, means = " ".join(words_of(entry.typed)), " ".join(words_of(entry.means))
        if typed and vocabulary.loses_pages(typed, means):
            message = Text(
                f"{typed_word} står på sider som ikke har {code(entry.means)}.",
                f"{typed_word} is on pages that do not have {code(entry.means)}.",
            )
            hint = Text(
                "Slett linjen. Søket finner ordet slik det er skrevet, og omskrivingen ville "
                "miste de sidene.",
                "Remove the line: search finds the word as typed, and the rewrite would lose "
                "those pages.",
            )
            problems.append(Problem(path, entry.line, message, hint))
        missing = [w for w in words_of(entry.means) if not vocabulary.starts_a_word(w)]
        if missing:
            absent = code(" ".join(missing))
            message = Text(
                f"{absent}, etter kolonet for {typed_word}, står ikke på noen side, så søket "
                "ville ikke finne noe.",
                f"{absent}, after the colon for {typed_word}, is on no page, so search would "
                "find nothing.",
            )
            hint = Text(
                "Skriv et ord sidene bruker etter kolonet.",
                "Write a word the pages use after the colon.",
            )
            problems.append(Problem(path, entry.line, message, hint))
        chained = [w for w in [entry.means.casefold(), *words_of(entry.means)] if w in typed_words]
        if chained:
            rewritten = code(chained[0])
            message = Text(
                f"{rewritten}, etter kolonet for {typed_word}, blir selv skrevet om til et "
                "annet ord.",
                f"{rewritten}, after the colon for {typed_word}, is itself rewritten.",
            )
            hint = Text(
                "Skriv ordet sidene bruker etter kolonet, ikke et annet ord lesere skriver.",
                "Write the word the pages use after the colon, not another reader's word.",
            )
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
