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
from .messages import Text, code, listing, same
from .model import Page
from .plain_text import markup_problem

SOURCES_FILE = "includes/sources.yml"
# The real file is 7 KB for eleven sources; 256 KB holds a thousand.
MAX_FILE_BYTES = 256 * 1024
SOURCE_ID = re.compile(r"[a-z0-9]++(?:-[a-z0-9]++)*+\Z")
# A date as a source gives it: a year, a month or a day.
_PUBLISHED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")

# What each field of an entry is, for hints and "did you mean".
FIELDS: dict[str, Text] = {
    "title": Text(
        "`title` er kildens fulle navn, på hvert språk: `title: {nb: ..., en: ...}`.",
        "`title` is its full name, per language: `title: {nb: ..., en: ...}`.",
    ),
    "short": Text(
        "`short` er det korte navnet i «Kilder»-linjen nederst på hver side, på hvert språk.",
        "`short` is the short name in the 'Sources' line at the bottom of each page, per language.",
    ),
    "publisher": Text(
        "`publisher` er hvem som ga den ut: én tekst, eller én per språk. Utelat feltet når "
        "det ikke er kjent.",
        "`publisher` is who published it: one text, or one per language. Leave it out when "
        "it is not known.",
    ),
    "date": Text(
        "`date` er når den ble gitt ut: 2021, 2021-06 eller 2021-06-24. Utelat feltet for et "
        "nettsted.",
        "`date` is when it was published: 2021, 2021-06 or 2021-06-24. Leave it out for a website.",
    ),
    "url": Text(
        "`url` er der leseren finner den: en adresse som begynner med https://. Utelat feltet "
        "hvis kilden ikke er på nett.",
        "`url` is where a reader finds it: an address that starts with https://. Leave it out "
        "if the source is not online.",
    ),
    "used_for": Text(
        "`used_for` er hva håndboka henter fra den, på hvert språk.",
        "`used_for` is what the handbook takes from it, per language.",
    ),
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
    url_line: int | None = None  # the line of `url:`, where a broken address is reported


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
        problem = Problem(
            SOURCES_FILE,
            line,
            Text(
                "Filen har ingen kilder slik håndboka leser dem.",
                "The file has no sources the way the handbook reads them.",
            ),
            Text(
                "Hver kilde begynner helt til venstre med id-en sin og et kolon, for eksempel "
                "`presentasjon-2021:`, og feltene står rykket inn under.",
                "Each source starts at the left margin with its id and a colon, for example "
                "`presentasjon-2021:`, with its fields indented below.",
            ),
        )
        return Sources(problems=[problem], present=True)
    entries: dict[str, Source] = {}
    for key_node, value_node in node.value:
        source = _entry(key_node, value_node, languages, entries, problems)
        if source is not None:
            entries[source.id] = source
    return Sources(entries, problems, present=True)


def _problem(node: yaml.Node, message: Text, hint: Text) -> Problem:
    return Problem(SOURCES_FILE, line_of(node), message, hint)


def _one_of(names: Text) -> Text:
    return Text(f"Bruk et av disse: {names.nb}.", f"Use one of these: {names.en}.")


def _source(source_id: str) -> Text:
    return Text(f"Kilden {code(source_id)}", f"The source {code(source_id)}")


def _field(name: str, source_id: str) -> Text:
    """`title` of a source, or `title: nb` of a source (one language of the field)."""
    return Text(
        f"{code(name)} i kilden {code(source_id)}", f"{code(name)} of the source {code(source_id)}"
    )


def _entry(
    key_node: yaml.Node,
    value_node: yaml.Node,
    languages: tuple[str, ...],
    seen: dict[str, Source],
    problems: list[Problem],
) -> Source | None:
    source_id = text_of(key_node)
    if source_id is None or not SOURCE_ID.match(source_id):
        written = key_node.value.strip() if isinstance(key_node, yaml.ScalarNode) else ""
        problems.append(
            _problem(
                key_node,
                Text(
                    f"{code(written)} er ikke en gyldig id for en kilde.",
                    f"{code(written)} is not a valid source id.",
                )
                if written
                else Text(
                    "Linjen mangler id-en til kilden foran kolonet.",
                    "The line has no source id before the colon.",
                ),
                Text(
                    "En id har bare små bokstaver fra a til z (ikke æ, ø, å), tall og "
                    "bindestrek mellom ordene, for eksempel `forordning-2021-1058:`.",
                    "An id has only the lower-case letters a to z (not æ, ø, å), digits, and "
                    "hyphens between words, for example `forordning-2021-1058:`.",
                ),
            )
        )
        return None
    if source_id in seen:
        first = seen[source_id].line
        problems.append(
            _problem(
                key_node,
                _source(source_id)
                + Text(
                    f"står to ganger i filen, også på linje {first}.",
                    f"appears twice: here and on line {first}.",
                ),
                Text(
                    "Behold én av dem, og slett den andre.",
                    "Keep one of them, and remove the other.",
                ),
            )
        )
        return None
    if not isinstance(value_node, yaml.MappingNode):
        required = listing(code(name) for name in _REQUIRED)
        problems.append(
            _problem(
                value_node,
                _source(source_id) + Text("har ingen felt.", "has no fields."),
                Text(
                    f"Gi den feltene {required.nb}, rykket inn under id-en.",
                    f"Give it the fields {required.en}, indented below its id.",
                ),
            )
        )
        return None
    values: dict[str, object] = {}
    field_nodes: dict[str, yaml.Node] = {}
    for field_node, field_value in value_node.value:
        name = text_of(field_node) or ""
        field_nodes[name] = field_node
        if name not in FIELDS:
            close = get_close_matches(name, list(FIELDS), n=1)
            hint = (
                Text(f"Mente du {code(close[0])}?", f"Did you mean {code(close[0])}?")
                if close
                else _one_of(listing((code(known) for known in FIELDS), "or"))
            )
            unknown = (
                Text(
                    f"har et felt håndboka ikke kjenner: {code(name)}.",
                    f"has a field the handbook does not know: {code(name)}.",
                )
                if name
                else Text("har et felt uten navn.", "has a field without a name.")
            )
            problems.append(_problem(field_node, _source(source_id) + unknown, hint))
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
        names = listing(code(name) for name in missing)
        hint = same("")
        for name in missing:
            hint += FIELDS[name]
        problems.append(
            _problem(
                key_node,
                _source(source_id) + Text(f"mangler {names.nb}.", f"has no {names.en}."),
                hint,
            )
        )
    published = values.get("date")
    if isinstance(published, str) and not _valid_date(published):
        problems.append(
            _problem(
                field_nodes["date"],
                _source(source_id)
                + Text(
                    f"har datoen {code(published)}, som ikke er en dato håndboka kan lese.",
                    f"has the date {code(published)}, which is not a date the handbook reads.",
                ),
                FIELDS["date"],
            )
        )
        published = None
    url = values.get("url")
    if isinstance(url, str) and not is_https(url):
        problems.append(
            _problem(
                field_nodes["url"],
                _source(source_id)
                + Text(
                    f"har adressen {code(url)}, som ikke er en gyldig https://-adresse.",
                    f"has the address {code(url)}, which is not a valid https:// address.",
                ),
                FIELDS["url"],
            )
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
        url_line=line_of(field_nodes["url"]) if isinstance(url, str) else None,
    )


def _plain(
    source_id: str, name: str, node: yaml.Node, problems: list[Problem], lang: str = ""
) -> str | None:
    """A field's text (one language's when `lang` is given), or None after a problem."""
    text = text_of(node)
    shown = _field(f"{name}: {lang}" if lang else name, source_id)
    if text is None:
        problems.append(
            _problem(node, shown + Text("har ingen tekst.", "has no text."), FIELDS[name])
        )
        return None
    if (markup := markup_problem(shown, text)) is not None:
        message, instead = markup
        problems.append(
            _problem(
                node,
                message,
                instead
                or Text(
                    "Skriv det som ren tekst. Nettstedet viser det som det er.",
                    "Write it as plain text. The site prints it as it is.",
                ),
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
        problems.append(
            _problem(
                node,
                _field(name, source_id)
                + Text("har ikke én tekst per språk.", "does not have one text per language."),
                Text("Skriv én tekst per språk:", "Write one text per language:")
                + same(code(f"{name}: {{{each}}}")),
            )
        )
        return None
    texts: dict[str, str] = {}
    reported: set[str] = set()  # languages whose text has a problem of its own
    known = listing(code(lang) for lang in languages)
    for lang_node, text_node in node.value:
        lang = text_of(lang_node) or ""
        if lang not in languages:
            problems.append(
                _problem(
                    lang_node,
                    Text(
                        f"{code(lang)} er ikke et språk i håndboka.",
                        f"{code(lang)} is not a language of the handbook.",
                    )
                    if lang
                    else Text(
                        "Linjen mangler språket foran kolonet.",
                        "The line has no language before the colon.",
                    ),
                    Text(f"Språkene er {known.nb}.", f"The languages are {known.en}."),
                )
            )
            continue
        text = _plain(source_id, name, text_node, problems, lang)
        if text is not None:
            texts[lang] = text
        else:
            reported.add(lang)
    missing = [lang for lang in languages if lang not in texts and lang not in reported]
    if reported and not missing:
        return None
    if missing:
        languages_missing = listing(code(lang) for lang in missing)
        problems.append(
            _problem(
                node,
                _field(name, source_id)
                + Text(
                    f"mangler tekst på {languages_missing.nb}.",
                    f"has no text in {languages_missing.en}.",
                ),
                Text(
                    "Hvert språk trenger hver tekst: legg den til under feltet.",
                    "Every language needs every text: add it under the field.",
                ),
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
