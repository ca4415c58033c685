"""The handbook's sources: includes/sources.yml, one entry per source a page may name.

A page declares the sources its facts come from (`sources: [presentasjon-2021]`); the build
shows them under the page and lists every source, with the pages that use it, on the page
"Kilder". Keeping the sources in one file means a source is described (title, publisher,
date, address) once, and a page names it by id, which the check can verify.

The file comes from pull requests like the pages: it is read with data_files' defences,
and every value the site prints must be plain text (the title of a source is printed in
every page's footer), every address https.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from difflib import get_close_matches
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .data_files import MissingFileError, Problem, compose, line_of, text_of
from .model import Page
from .plain_text import markup_in

SOURCES_FILE = "includes/sources.yml"
# The real file is 7 KB for eleven sources; 256 KB holds a thousand.
MAX_FILE_BYTES = 256 * 1024
SOURCE_ID = re.compile(r"[a-z0-9]++(?:-[a-z0-9]++)*+\Z")
# A date as a source gives it: a year, a month or a day.
_PUBLISHED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")

# What each field of an entry is, for messages and "did you mean".
FIELDS: dict[str, str] = {
    "title": "its full name, per language (nb: ..., en: ...)",
    "short": "the short name in the line under each page, per language",
    "publisher": "who published it (one text, or per language); left out when not known",
    "date": "when it was published: 2021, 2021-06 or 2021-06-24 (leave out for a website)",
    "url": "where a reader finds it: an https:// address (leave out if it is not online)",
    "used_for": "what the handbook takes from it, per language",
}
_PER_LANGUAGE = ("title", "short", "used_for")
_EITHER = ("publisher",)  # one text for every language, or one per language
_REQUIRED = ("title", "short", "used_for")


@dataclass(frozen=True)
class Source:
    """One source, as the site shows it."""

    id: str
    line: int
    title: Mapping[str, str]
    short: Mapping[str, str]
    used_for: Mapping[str, str]
    publisher: Mapping[str, str] | None = None
    published: str | None = None  # as written: 2021, 2021-06 or 2021-06-24
    url: str | None = None


@dataclass(frozen=True)
class Sources:
    """Every source in the file, and what is wrong with the file (nothing when all is well).

    `present` is False when the project has no sources file: a handbook that does not
    keep sources (the small ones the tests write) has nothing to check against.
    """

    entries: dict[str, Source] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    present: bool = False


def read(root: Path, languages: tuple[str, ...]) -> Sources:
    """The sources of the project at `root`, with every language's texts required."""
    try:
        node, problems = compose(root, SOURCES_FILE, MAX_FILE_BYTES)
    except MissingFileError:
        return Sources()
    if problems:
        return Sources(problems=problems, present=True)
    if not isinstance(node, yaml.MappingNode):
        line = line_of(node) if node is not None else 1
        hint = "each source starts with its id and a colon: `presentasjon-2021:`"
        problem = Problem(SOURCES_FILE, line, "expected sources", hint)
        return Sources(problems=[problem], present=True)
    entries: dict[str, Source] = {}
    for key_node, value_node in node.value:
        source = _entry(key_node, value_node, languages, entries, problems)
        if source is not None:
            entries[source.id] = source
    return Sources(entries, problems, present=True)


def _problem(node: yaml.Node, message: str, hint: str = "") -> Problem:
    return Problem(SOURCES_FILE, line_of(node), message, hint)


def _entry(
    key_node: yaml.Node,
    value_node: yaml.Node,
    languages: tuple[str, ...],
    seen: dict[str, Source],
    problems: list[Problem],
) -> Source | None:
    source_id = text_of(key_node)
    if source_id is None or not SOURCE_ID.match(source_id):
        problems.append(
            _problem(
                key_node,
                f"{key_node.value if isinstance(key_node, yaml.ScalarNode) else 'this'!r} "
                "is not a source id",
                "an id is lowercase letters, digits and hyphens: forordning-2021-1058",
            )
        )
        return None
    if source_id in seen:
        problems.append(
            _problem(key_node, f"the source {source_id!r} is here twice", "keep one of them")
        )
        return None
    if not isinstance(value_node, yaml.MappingNode):
        problems.append(
            _problem(value_node, f"{source_id!r} has no fields", f"give it {', '.join(_REQUIRED)}")
        )
        return None
    values: dict[str, object] = {}
    field_nodes: dict[str, yaml.Node] = {}
    for field_node, field_value in value_node.value:
        name = text_of(field_node) or ""
        field_nodes[name] = field_node
        if name not in FIELDS:
            close = get_close_matches(name, list(FIELDS), n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"use: {', '.join(FIELDS)}"
            problems.append(_problem(field_node, f"unknown field {name!r} in {source_id!r}", hint))
        elif name in _PER_LANGUAGE or (
            name in _EITHER and isinstance(field_value, yaml.MappingNode)
        ):
            values[name] = _per_language(source_id, name, field_value, languages, problems)
        elif name in _EITHER:
            text = _plain(source_id, name, field_value, problems)
            values[name] = None if text is None else dict.fromkeys(languages, text)
        else:
            values[name] = _plain(source_id, name, field_value, problems)
    missing = [name for name in _REQUIRED if name not in values]
    if missing:
        problems.append(
            _problem(
                key_node,
                f"{source_id!r} has no {' and no '.join(missing)}",
                "; ".join(f"{name}: {FIELDS[name]}" for name in missing),
            )
        )
    published = values.get("date")
    if isinstance(published, str) and not _valid_date(published):
        problems.append(
            _problem(
                field_nodes["date"], f"{source_id!r} has the date {published!r}", FIELDS["date"]
            )
        )
        published = None
    url = values.get("url")
    if isinstance(url, str) and not is_https(url):
        problems.append(
            _problem(field_nodes["url"], f"{source_id!r} has the address {url!r}", FIELDS["url"])
        )
        url = None
    if missing or any(value is None for value in values.values()):
        return None
    return Source(
        id=source_id,
        line=line_of(key_node),
        title=values["title"],  # type: ignore[arg-type]
        short=values["short"],  # type: ignore[arg-type]
        publisher=values.get("publisher"),  # type: ignore[arg-type]
        used_for=values["used_for"],  # type: ignore[arg-type]
        published=published if isinstance(published, str) else None,
        url=url if isinstance(url, str) else None,
    )


def _plain(source_id: str, name: str, node: yaml.Node, problems: list[Problem]) -> str | None:
    text = text_of(node)
    if text is None:
        problems.append(_problem(node, f"{name!r} of {source_id!r} has no text", FIELDS[name]))
        return None
    if (markup := markup_in(text)) is not None:
        problems.append(
            _problem(
                node,
                f"{name!r} of {source_id!r} contains markup ({markup})",
                "write it as plain text: the site prints it as it is",
            )
        )
        return None
    return text.strip()


def _per_language(
    source_id: str,
    name: str,
    node: yaml.Node,
    languages: tuple[str, ...],
    problems: list[Problem],
) -> dict[str, str] | None:
    if not isinstance(node, yaml.MappingNode):
        each = ", ".join(f"{lang}: ..." for lang in languages)
        hint = f"write it per language: {name}: {{{each}}}"
        problems.append(_problem(node, f"{name!r} of {source_id!r} is not per language", hint))
        return None
    texts: dict[str, str] = {}
    for lang_node, text_node in node.value:
        lang = text_of(lang_node) or ""
        if lang not in languages:
            hint = f"the languages are {', '.join(languages)}"
            problems.append(_problem(lang_node, f"{lang!r} is not a language here", hint))
            continue
        text = _plain(source_id, f"{name}: {lang}", text_node, problems)
        if text is not None:
            texts[lang] = text
    missing = [lang for lang in languages if lang not in texts]
    if missing:
        problems.append(
            _problem(
                node,
                f"{name!r} of {source_id!r} has no text in {', '.join(missing)}",
                "every language needs every text",
            )
        )
        return None
    return texts


def _valid_date(text: str) -> bool:
    try:
        year, month, day = published_parts(text)
        date(year, month or 1, day or 1)
    except ValueError:
        return False
    return True


def declared_sources(page: Page) -> list[str]:
    """The source ids a page's front matter names (HB014 reports anything else there)."""
    declared = page.meta.get("sources")
    return [i for i in declared if isinstance(i, str)] if isinstance(declared, list) else []


def is_https(url: str) -> bool:
    """Whether `url` is an https address with a host and nothing a browser would read
    differently from how it is written (spaces, control characters, quotes, markup)."""
    if any(ch.isspace() or not ch.isprintable() or ch in "\"'<>`\\" for ch in url):
        return False
    parts = urlsplit(url)
    return parts.scheme == "https" and bool(parts.hostname)


def published_parts(text: str) -> tuple[int, int | None, int | None]:
    """(year, month or None, day or None) of a valid `date` field."""
    match = _PUBLISHED.match(text)
    if match is None:
        raise ValueError(f"not a source date: {text!r}")
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None
