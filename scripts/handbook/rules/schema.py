"""Kinds are known, each kind has its required fields, and relation fields have the right shape.

Required per kind (relations are declared in the default language only):

- objective: ``priority`` (one id) and ``goals`` (a list)
- priority: ``programme``, ``goals`` and ``instruments``
- instrument: ``goals``
- programme: ``instruments``
- every page: a ``description`` (the search-engine summary) and one ``# Title`` first
- only known front-matter keys (a misspelt ``goal:`` is an error naming ``goals``)
- the description and every heading are plain text: templates print them as they are

PASS::

    id: so-2-4
    kind: objective
    priority: po-2
    goals: [mal-kunnskap]

FAIL (HB003): ``kind: objektiv`` (unknown), an objective without ``priority``,
``goals: mal-kunnskap`` (a single id where a list belongs), ``instruments:`` on an objective,
``goal: [mal-kunnskap]`` (unknown key), ``description: Se <b>dette</b>`` (markup).
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import get_close_matches

from ..findings import Finding
from ..model import FRONT_MATTER_KEYS, KINDS, RELATION_FIELDS, Graph, Page, strip_attr_list
from ..plain_text import markup_in

CODE = "HB003"
DESCRIPTION_LIMIT = 300  # characters; search engines show about 160
SLUG = "schema"

REQUIRED_RELATIONS: dict[str, tuple[str, ...]] = {
    "objective": ("priority", "goals"),
    "priority": ("programme", "goals", "instruments"),
    "instrument": ("goals",),
    "programme": ("instruments",),
    "goal": (),
    "page": (),
}


def _finding(page: Page, key: str, message: str, hint: str) -> Finding:
    return Finding(page.display_path, page.line_of(key), CODE, message, hint, rule=SLUG)


def check(graph: Graph) -> Iterator[Finding]:
    default = graph.config.default_language
    for page in graph.pages:
        if page.error is not None:
            continue
        yield from _check_common(page)
        if page.lang == default and page.kind in KINDS:
            yield from _check_relations(page)


def _check_common(page: Page) -> Iterator[Finding]:
    kind = page.meta.get("kind")
    if kind is None:
        yield _finding(
            page, "id", "the page has no kind", f"add 'kind: <one of {', '.join(KINDS)}>'"
        )
    elif kind not in KINDS:
        yield _finding(page, "kind", f"unknown kind {kind!r}", f"use one of: {', '.join(KINDS)}")
    yield from _check_keys(page)
    description = page.meta.get("description")
    if not isinstance(description, str) or not description.strip():
        yield _finding(
            page,
            "description",
            "the page has no description",
            "add 'description: <one sentence>' (shown by search engines)",
        )
    elif (markup := markup_in(description)) is not None:
        yield _finding(
            page,
            "description",
            f"the description contains markup ({markup})",
            "write it as plain text: no HTML, no &-codes; the site prints it as it is",
        )
    elif len(description) > DESCRIPTION_LIMIT:
        yield _finding(
            page,
            "description",
            f"the description has {len(description)} characters",
            f"keep it to one sentence of at most {DESCRIPTION_LIMIT} characters",
        )
    for heading in page.headings:
        markup = markup_in(strip_attr_list(heading.text))
        if markup is not None:
            yield Finding(
                page.display_path,
                heading.line,
                CODE,
                f"the heading contains markup ({markup})",
                "write headings as plain text: no HTML, no &-codes (they appear in the "
                "menu and the browser tab as they are)",
                rule=SLUG,
            )
    if page.title is None:
        yield Finding(
            page.display_path,
            page.body_line,
            CODE,
            "the page has no '# Title' heading",
            "start the body with one level-1 heading: '# Title'",
            rule=SLUG,
        )
    elif page.headings[0].level != 1:
        yield Finding(
            page.display_path,
            page.headings[0].line,
            CODE,
            "the first heading must be the page's '# Title'",
            "move the level-1 heading above all other headings",
            rule=SLUG,
        )


def _check_keys(page: Page) -> Iterator[Finding]:
    """Every key is one the handbook knows, so a misspelt relation is never ignored."""
    known = list(FRONT_MATTER_KEYS)
    for key in page.meta:
        if key in FRONT_MATTER_KEYS:
            continue
        name = str(key)
        close = get_close_matches(name.lower(), known, n=1, cutoff=0.6)
        hint = (
            f"did you mean '{close[0]}'?"
            if close
            else f"remove it, or use one of: {', '.join(known)}"
        )
        yield _finding(page, name, f"unknown front-matter key '{name}'", hint)


def _check_relations(page: Page) -> Iterator[Finding]:
    kind = page.kind or ""
    for key in REQUIRED_RELATIONS[kind]:
        if key not in page.meta:
            yield _finding(
                page,
                "kind",
                f"a {kind} needs '{key}'",
                f"add '{key}: ...' with the id(s) of the {RELATION_FIELDS[key].target_kind}"
                f"{'s' if RELATION_FIELDS[key].many else ''} it belongs to",
            )
    for key, spec in RELATION_FIELDS.items():
        if key not in page.meta:
            continue
        value = page.meta[key]
        if kind not in spec.allowed_on:
            yield _finding(
                page,
                key,
                f"a {kind} cannot declare '{key}'",
                f"'{key}' belongs on: {', '.join(sorted(spec.allowed_on))}",
            )
        elif spec.many and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            yield _finding(
                page,
                key,
                f"'{key}' must be a list of ids, not {value!r}",
                f"write it as '{key}: [id-1, id-2]'",
            )
        elif spec.many and not value and key in REQUIRED_RELATIONS[kind]:
            yield _finding(page, key, f"'{key}' is empty", f"a {kind} needs at least one")
        elif not spec.many and not isinstance(value, str):
            yield _finding(
                page, key, f"'{key}' must be one id, not {value!r}", f"write it as '{key}: <id>'"
            )
