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
from .messages import DEFAULT_LANGUAGE, Text, code, language_adjective, same
from .plain_text import markup_problem

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


def _name(key: Key) -> Text:
    """A word's key as the file writes it: `related`, or `header` under `theme:`."""
    if len(key) == 1:
        return same(code(key[0]))
    return Text(
        f"{code(key[1])} under {code(key[0] + ':')}", f"{code(key[1])} under {code(key[0] + ':')}"
    )


def _parse(root: Path, lang: str, default: str, problems: list[Problem]) -> _File | None:
    path = WORDS_FILE.format(lang=lang)
    try:
        node, found = compose(root, path, MAX_FILE_BYTES)
    except MissingFileError:
        source = WORDS_FILE.format(lang=default)
        site = language_adjective(lang)
        problems.append(
            Problem(
                path,
                1,
                Text(
                    f"Filen mangler, så den {site.nb} utgaven av nettstedet har ingen "
                    "grensesnittord.",
                    f"The file is missing, so the {site.en} site has no interface words.",
                ),
                Text(
                    f"Kopier {source} til {path}, og oversett hvert ord.",
                    f"Copy {source} to {path}, and translate every word.",
                ),
            )
        )
        return None
    problems.extend(found)
    if found:
        return None
    if not isinstance(node, yaml.MappingNode):
        line = node.start_mark.line + 1 if node is not None else 1
        problems.append(
            Problem(
                path,
                line,
                Text(
                    "Filen består ikke av linjer med `navn: ord`.",
                    "The file does not consist of `key: word` lines.",
                ),
                Text(
                    "Skriv ett ord per linje, med navnet, et kolon og ordet, for eksempel "
                    "`related: Henger sammen med`.",
                    "Write one word a line: its key, a colon and the word, for example "
                    "`related: Related pages`.",
                ),
            )
        )
        return None
    parsed = _File(path)
    _collect(node, (), parsed, problems)
    return parsed


def _collect(node: yaml.MappingNode, group: Key, parsed: _File, problems: list[Problem]) -> None:
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode) or not key_node.value:
            problems.append(
                Problem(
                    parsed.path,
                    line,
                    Text(
                        "Linjen mangler navnet på ordet foran kolonet.",
                        "The line has no key before the colon.",
                    ),
                    Text(
                        "Skriv navnet først, som i `related: Henger sammen med`.",
                        "Write the key first, as in `related: Related pages`.",
                    ),
                )
            )
            continue
        key = (*group, key_node.value)
        name = _name(key)
        if key in parsed.lines:
            first = parsed.lines[key]
            problems.append(
                Problem(
                    parsed.path,
                    line,
                    Text(
                        f"{name.nb} står to ganger i filen, også på linje {first}.",
                        f"{name.en} appears twice: here and on line {first}.",
                    ),
                    Text("Slett den ene linjen.", "Remove one of the lines."),
                )
            )
            continue
        parsed.lines[key] = line
        if isinstance(value_node, yaml.MappingNode) and not group:
            parsed.groups.add(key)
            _collect(value_node, key, parsed, problems)
        elif not isinstance(value_node, yaml.ScalarNode):
            what = (
                Text("en gruppe inne i en gruppe", "a group inside a group")
                if group
                else Text("en liste", "a list")
            )
            problems.append(
                Problem(
                    parsed.path,
                    line,
                    Text(
                        f"{name.nb} er {what.nb}, men et ord er én tekst.",
                        f"{name.en} is {what.en}, but a word is one text.",
                    ),
                    Text(
                        "Skriv ordet som én tekst etter kolonet, i anførselstegn hvis det har "
                        "[ ], { } eller kolon:",
                        "Write the word as one text after the colon, in quotes if it has [ ], "
                        "{ } or a colon:",
                    )
                    + same(code(f'{key[-1]}: "..."')),
                )
            )
        elif value_node.tag == NULL_TAG or not value_node.value.strip():
            problems.append(
                Problem(
                    parsed.path,
                    line,
                    Text(f"{name.nb} har ingen tekst.", f"{name.en} has no text."),
                    Text("Skriv ordet etter kolonet.", "Write the word after the colon."),
                )
            )
        elif (markup := markup_problem(name, value_node.value)) is not None:
            message, instead = markup
            problems.append(
                Problem(
                    parsed.path,
                    line,
                    message,
                    instead
                    or Text(
                        "Skriv ordet som ren tekst, uten HTML og &-koder. Nettstedet viser det "
                        "som det er.",
                        "Write the word as plain text, without HTML or &-codes. The site "
                        "prints it as it is.",
                    ),
                )
            )
        else:
            parsed.values[key] = value_node.value


def _compare(config: HandbookConfig, files: dict[str, _File], problems: list[Problem]) -> None:
    """Every language has the default language's words, and a title for each nav title."""
    default = files.get(config.default_language)
    if default is None:
        return
    config_name = config.config_file.name
    group = code(f"{NAV}:")
    for key, line in default.lines.items():
        if key == (NAV,):
            lang = language_adjective(config.default_language)
            problems.append(
                Problem(
                    default.path,
                    line,
                    Text(
                        f"De {lang.nb} menytitlene står i navigasjonen i {config_name}, så "
                        f"denne filen skal ikke ha en {group}-gruppe.",
                        f"The {lang.en} nav titles are the nav in {config_name}, so this file "
                        f"must not have a {group} group.",
                    ),
                    Text(f"Slett gruppen {group}.", f"Remove the {group} group."),
                )
            )
    expected = {
        key: line
        for key, line in default.lines.items()
        if key not in default.groups and key[0] != NAV
    }
    titles = {(NAV, title.title): title.line for title in config.nav_titles}
    for other in files.values():
        if other is default:
            continue
        anchor = 1  # where a missing word goes: after the word before it in the default file
        for key in [*default.lines, (NAV,), *titles]:
            if key in other.lines:
                anchor = other.lines[key]
            elif key in titles:
                title, where = code(key[1]), f"{config_name}:{titles[key]}"
                message = Text(
                    f"Menytittelen {title} ({where}) har ingen tittel på dette språket.",
                    f"The nav title {title} ({where}) has no title in this language.",
                )
                hint = Text(
                    f"Legg til {code(key[1] + ': ...')} under {group}, med tittelen på dette "
                    "språket etter kolonet.",
                    f"Add {code(key[1] + ': ...')} under {group}, with the title in this "
                    "language after the colon.",
                )
                problems.append(Problem(other.path, anchor, message, hint))
            elif key in expected:
                name, where = _name(key), f"{default.path}:{expected[key]}"
                message = Text(
                    f"{name.nb} mangler her. {where} har det.",
                    f"{name.en} is missing here. {where} has it.",
                )
                hint = Text(
                    "Hvert språk trenger hvert ord: legg det til her, og oversett det.",
                    "Every language needs every word: add it here, and translate it.",
                )
                problems.append(Problem(other.path, anchor, message, hint))
        for key, line in other.lines.items():
            if key not in other.groups and key not in expected and key not in titles:
                if key[0] == NAV and len(key) == 2:
                    title = code(key[1])
                    message = Text(
                        f"{title} er ikke en tittel i navigasjonen i {config_name}.",
                        f"{title} is not a title in the nav of {config_name}.",
                    )
                    hint = Text(
                        f"Slett linjen, eller stav tittelen slik navigasjonen i {config_name} "
                        "gjør.",
                        f"Remove it, or spell it as the nav in {config_name} does.",
                    )
                else:
                    name = _name(key)
                    message = Text(
                        f"{name.nb} finnes ikke i {default.path}.",
                        f"{name.en} is not in {default.path}.",
                    )
                    hint = Text(
                        "Er det en skrivefeil? Hvis ikke, må ordet stå i filen for hvert språk.",
                        "Is it a typo? If not, every language's file needs the word.",
                    )
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
            raise WordsError(
                "\n".join(f"{p.path}:{p.line}: {p.message(DEFAULT_LANGUAGE)}" for p in problems)
            )
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
