"""The interface words: what the site itself writes around the content, per language.

Each language has one file, includes/words.<lang>.yml beside its glossary, so a translator
finds every word of a language in one place. Every language must have exactly the words of
the default language, and the others a title for each title in mkdocs.yml's nav (which is
in the default language). Anything else is a problem that stops the build and that
`python -m handbook check` reports (HB011). There is no fallback to another language: a
word nobody wrote would otherwise appear in the wrong language, or as nothing, unnoticed.

Values are read as the text written: `yes`, `no` or `2027` are words here, not YAML's
booleans and numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .config import HandbookConfig, load_config
from .data_files import NULL_TAG, MissingFileError, Problem, compose
from .plain_text import markup_in

WORDS_FILE = "includes/words.{lang}.yml"
NAV = "nav"  # the group that translates the nav's titles into another language
PROJECT_ROOT = Path(__file__).resolve().parents[2]  # the project this package is part of
# A word file is 3.5 KB; it grows by one line per nav title. 512 KB holds the titles of a
# nav of thousands of pages, and libyaml reads it in a fraction of a second.
MAX_FILE_BYTES = 512 * 1024

Key = tuple[str, ...]  # ("related",) or ("theme", "header")


class MissingWordError(Exception):
    """Code or a template asked for a word that no word file has.

    Deliberately neither a LookupError nor an AttributeError: Jinja turns those into an
    empty Undefined, so a template would print nothing instead of failing the build.
    """


class WordsError(Exception):
    """The word files have problems, so there are no words to use."""


class Words:
    """One language's words, or one group of them (`theme`, `nav`).

    `words["related"]` in Python, `words.related` in templates. A word that is not there
    raises `error` (MissingWordError unless the caller needs another kind), never a
    KeyError, so neither Python nor Jinja can take it for "no value".
    """

    def __init__(
        self,
        source: str,
        entries: Mapping[str, str | Words],
        error: Callable[[str], Exception] = MissingWordError,
    ) -> None:
        self._source = source  # the file, and the group if any, for error messages
        self._entries = dict(entries)
        self._error = error

    def __getitem__(self, key: str) -> Any:
        try:
            return self._entries[key]
        except KeyError:
            raise self._error(
                f"no word {key!r} in {self._source}: a typo, or a word to add to every "
                "language's file"
            ) from None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # Python's and Jinja's own probes (__html__, _source)
            raise AttributeError(name)
        return self[name]

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"<Words of {self._source}: {len(self._entries)}>"

    def as_dict(self) -> dict[str, str]:
        """The words of this group as a plain dict (for settings such as nav_translations)."""
        return {key: value for key, value in self._entries.items() if isinstance(value, str)}

    def raising(self, error: Callable[[str], Exception]) -> Words:
        """The same words, raising `error(message)` for a missing one (groups too)."""
        entries = {
            key: value.raising(error) if isinstance(value, Words) else value
            for key, value in self._entries.items()
        }
        return Words(self._source, entries, error)


@dataclass
class _File:
    path: str
    values: dict[Key, str] = field(default_factory=dict)
    lines: dict[Key, int] = field(default_factory=dict)  # words and groups, in file order
    groups: set[Key] = field(default_factory=set)

    def words(self) -> Words:
        groups: dict[str, dict[str, str]] = {}
        entries: dict[str, str | Words] = {}
        for key, value in self.values.items():
            if len(key) == 1:
                entries[key[0]] = value
            else:
                groups.setdefault(key[0], {})[key[1]] = value
        for group, words in groups.items():
            entries[group] = Words(f"{self.path} (under {group}:)", words)
        return Words(self.path, entries)


def _name(key: Key) -> str:
    return repr(key[0]) if len(key) == 1 else f"{key[1]!r} under {key[0]}:"


def _parse(root: Path, lang: str, default: str, problems: list[Problem]) -> _File | None:
    path = WORDS_FILE.format(lang=lang)
    try:
        node, found = compose(root, path, MAX_FILE_BYTES)
    except MissingFileError:
        hint = f"copy {WORDS_FILE.format(lang=default)} and translate every word"
        problems.append(
            Problem(path, 1, f"missing: the {lang!r} site has no interface words", hint)
        )
        return None
    problems.extend(found)
    if found:
        return None
    if not isinstance(node, yaml.MappingNode):
        line = node.start_mark.line + 1 if node is not None else 1
        problems.append(Problem(path, line, "expected `key: word` lines (a mapping of words)"))
        return None
    parsed = _File(path)
    _collect(node, (), parsed, problems)
    return parsed


def _collect(node: yaml.MappingNode, group: Key, parsed: _File, problems: list[Problem]) -> None:
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode) or not key_node.value:
            problems.append(Problem(parsed.path, line, "expected a word's name before the colon"))
            continue
        key = (*group, key_node.value)
        if key in parsed.lines:
            message = f"{_name(key)} is here twice (also on line {parsed.lines[key]})"
            problems.append(Problem(parsed.path, line, message))
            continue
        parsed.lines[key] = line
        if isinstance(value_node, yaml.MappingNode) and not group:
            parsed.groups.add(key)
            _collect(value_node, key, parsed, problems)
        elif not isinstance(value_node, yaml.ScalarNode):
            kind = "a group inside a group" if group else "a list"
            message = f"{_name(key)} is {kind}; a word is `key: text`"
            problems.append(Problem(parsed.path, line, message))
        elif value_node.tag == NULL_TAG or not value_node.value.strip():
            problems.append(Problem(parsed.path, line, f"{_name(key)} has no text"))
        elif (markup := markup_in(value_node.value)) is not None:
            message = f"{_name(key)} contains markup ({markup})"
            hint = "write the word as plain text: no HTML, no &-codes; the site prints it as it is"
            problems.append(Problem(parsed.path, line, message, hint))
        else:
            parsed.values[key] = value_node.value


def _compare(config: HandbookConfig, files: dict[str, _File], problems: list[Problem]) -> None:
    """Every language has the default language's words, and a title for each nav title."""
    default = files.get(config.default_language)
    if default is None:
        return
    for key, line in default.lines.items():
        if key == (NAV,):
            message = f"the {config.default_language!r} nav titles are the nav in mkdocs.yml"
            problems.append(Problem(default.path, line, message, f"remove this {NAV}: group"))
    expected = {
        key: line
        for key, line in default.lines.items()
        if key not in default.groups and key[0] != NAV
    }
    titles = {(NAV, title.title): title.line for title in config.nav_titles}
    config_name = config.config_file.name
    for other in files.values():
        if other is default:
            continue
        anchor = 1  # where a missing word goes: after the word before it in the default file
        for key in [*default.lines, (NAV,), *titles]:
            if key in other.lines:
                anchor = other.lines[key]
            elif key in titles:
                message = f"no title for the nav title {key[1]!r} ({config_name}:{titles[key]})"
                hint = f"add `{key[1]}: <title>` under {NAV}:"
                problems.append(Problem(other.path, anchor, message, hint))
            elif key in expected:
                message = f"{_name(key)} is missing: {default.path}:{expected[key]} has it"
                problems.append(
                    Problem(other.path, anchor, message, "every language needs every word")
                )
        for key, line in other.lines.items():
            if key not in other.groups and key not in expected and key not in titles:
                if key[0] == NAV and len(key) == 2:
                    message = f"{key[1]!r} is not a title in the nav of {config_name}"
                    hint = f"remove it, or spell it as the nav in {config_name} does"
                else:
                    message = f"{_name(key)} is not in {default.path}"
                    hint = "a typo, or a word every language's file needs"
                problems.append(Problem(other.path, line, message, hint))


def read(config: HandbookConfig) -> tuple[dict[str, Words], list[Problem]]:
    """Every language's words, and every problem with them (none when all is well)."""
    problems: list[Problem] = []
    files = {
        lang: parsed
        for lang in config.languages
        if (parsed := _parse(config.root, lang, config.default_language, problems))
    }
    _compare(config, files, problems)
    return {lang: parsed.words() for lang, parsed in files.items()}, problems


def has_word_files(root: Path) -> bool:
    """Whether a project has any word file (the small handbooks the tests generate do not)."""
    return any(root.glob(WORDS_FILE.format(lang="*")))


_active: dict[str, Words] | None = None


def use(config: HandbookConfig) -> list[Problem]:
    """Read a project's words and, if they have no problem, make them the ones `of` gives.

    The MkDocs hooks call this for the project being built; everything else gets the words
    of the project this package is part of.
    """
    global _active
    words, problems = read(config)
    if not problems:
        _active = words
    return problems


def _languages() -> dict[str, Words]:
    global _active
    if _active is None:
        words, problems = read(load_config(PROJECT_ROOT / "mkdocs.yml"))
        if problems:
            raise WordsError("\n".join(f"{p.path}:{p.line}: {p.message}" for p in problems))
        _active = words
    return _active


def of(lang: str) -> Words:
    """A language's words; raises MissingWordError for a language without a word file."""
    languages = _languages()
    try:
        return languages[lang]
    except KeyError:
        raise MissingWordError(
            f"no interface words for the language {lang!r}: each language in mkdocs.yml "
            f"has its own {WORDS_FILE.format(lang=lang)} (known: {', '.join(languages)})"
        ) from None


class _Languages(Mapping[str, Words]):
    """Every language's words, read when first asked for (for code that loops over them)."""

    def __getitem__(self, lang: str) -> Words:
        return of(lang)

    def __contains__(self, lang: object) -> bool:
        return lang in _languages()

    def __iter__(self) -> Iterator[str]:
        return iter(_languages())

    def __len__(self) -> int:
        return len(_languages())


LANGUAGES: Mapping[str, Words] = _Languages()
