"""Every page is in the navigation of mkdocs.yml, and every navigation entry has a page.

A page outside the navigation is an orphan: the build publishes it, but no reader finds it.
The navigation lists paths relative to each language folder, so one entry covers a page in
every language.

PASS: ``docs/nb/ordliste.md`` and ``- Ordliste: ordliste.md`` in the nav.
FAIL (HB007): a page that no nav entry names; a nav entry naming a file that does not exist;
a nav title with markup (``- <b>Start</b>:``), which the theme would print as it is; a page
that belongs to a priority (an objective, "PO3 in depth") outside the section that holds
its priority, where a reader of the priority's section would not find it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from difflib import get_close_matches

from ..config import NavEntry
from ..findings import Finding
from ..messages import Text, code, listing
from ..model import Graph
from ..plain_text import markup_problem

CODE = "HB007"
SLUG = "navigation"


def check(graph: Graph) -> Iterator[Finding]:
    config = graph.config
    nav_paths = config.nav_paths
    config_name = config.config_file.name
    for page in graph.pages:
        if page.rel_path not in nav_paths:
            yield Finding(
                page.display_path,
                1,
                CODE,
                Text(
                    "Siden står ikke i navigasjonen, så ingen leser finner den.",
                    "The page is not in the navigation, so no reader will find it.",
                ),
                Text(
                    f"Legg den til under `nav:` i {config_name}, i seksjonen der den hører "
                    f"hjemme, for eksempel {code(f'- {page.rel_path}')}.",
                    f"Add it under `nav:` in {config_name}, in the section it belongs to, for "
                    f"example {code(f'- {page.rel_path}')}.",
                ),
                rule=SLUG,
            )
    default = config.default_language
    default_paths = {page.rel_path for page in graph.by_language.get(default, [])}
    for entry in config.nav:
        if entry.path not in default_paths:
            yield Finding(
                config_name,
                entry.line,
                CODE,
                Text(
                    f"Navigasjonen viser til {code(entry.path)}, som ikke finnes i "
                    f"docs/{default}/.",
                    f"The navigation names {code(entry.path)}, which does not exist in "
                    f"docs/{default}/.",
                ),
                _dangling_hint(entry.path, default, default_paths - config.nav_paths),
                rule=SLUG,
            )
    yield from _under_priority(graph)
    for title in config.nav_titles:
        shown = code(title.title)
        markup = markup_problem(
            Text(f"Tittelen {shown} i navigasjonen", f"The navigation title {shown}"), title.title
        )
        if markup is not None:
            message, instead = markup
            yield Finding(
                config_name,
                title.line,
                CODE,
                message,
                instead
                or Text(
                    "Skriv titlene i navigasjonen som ren tekst. Menyen viser dem som de er.",
                    "Write navigation titles as plain text. The menu shows them as they are.",
                ),
                rule=SLUG,
            )


def _dangling_hint(path: str, lang: str, unlisted: set[str]) -> Text:
    """The page meant, if a page no entry names is close to the path, else what to do."""
    by_name = {posixpath.basename(p): p for p in sorted(unlisted)}
    close = get_close_matches(path, sorted(unlisted), n=1, cutoff=0.6) or [
        by_name[name]
        for name in get_close_matches(posixpath.basename(path), sorted(by_name), n=1, cutoff=0.6)
    ]
    if close:
        return Text(f"Mente du {code(close[0])}?", f"Did you mean {code(close[0])}?")
    return Text(
        f"Rett stien, eller lag siden docs/{lang}/{path}.",
        f"Correct the path, or create the page docs/{lang}/{path}.",
    )


def _under_priority(graph: Graph) -> Iterator[Finding]:
    """Each page that declares `priority:` sits in the innermost section holding a priority,
    and that section holds its own priority and no other."""
    config = graph.config
    entries = {entry.path: entry for entry in config.nav}
    priority_entries: dict[str, NavEntry] = {}
    for page in graph.by_language.get(config.default_language, []):
        if page.kind == "priority" and page.id and page.rel_path in entries:
            priority_entries[page.id] = entries[page.rel_path]
    for relation in graph.relations:
        page = graph.page(relation.source)
        priority = priority_entries.get(relation.target)
        entry = entries.get(page.rel_path) if page else None
        if relation.key != "priority" or priority is None or entry is None:
            continue
        holding = [
            (len(other.section), priority_id)
            for priority_id, other in priority_entries.items()
            if entry.section[: len(other.section)] == other.section
        ]
        depth = max((length for length, _ in holding), default=-1)
        innermost = [priority_id for length, priority_id in holding if length == depth]
        if innermost == [relation.target]:
            continue
        message, hint = _outside(
            entry.path,
            relation.target,
            priority,
            in_section=relation.target in innermost,
            sharing=[
                other.path
                for other in priority_entries.values()
                if other.section == priority.section
            ],
        )
        yield Finding(config.config_file.name, entry.line, CODE, message, hint, rule=SLUG)


def _outside(
    path: str, priority_id: str, priority: NavEntry, in_section: bool, sharing: list[str]
) -> tuple[Text, Text]:
    """Why a page that belongs to a priority is not where a reader of it looks: outside the
    priority's section, or in a section that holds other priorities too."""
    title = " > ".join(priority.section)
    page, target, holder = code(path), code(priority_id), code(priority.path)
    belongs = Text(
        f"{page} hører til prioriteringen {target}, men",
        f"{page} belongs to the priority {target}, but",
    )
    if in_section:
        section = (
            Text(f"seksjonen «{title}»", f"the section '{title}'")
            if title
            else Text("øverste nivå i navigasjonen", "the top level of the navigation")
        )
        others = listing([code(other) for other in sharing])
        return (
            belongs
            + Text(
                f"{section.nb} har flere prioriteringer ({others.nb}), så leseren ser ikke "
                "hvilken siden hører til.",
                f"{section.en} holds more than one priority ({others.en}), so a reader cannot "
                "tell which one the page belongs to.",
            ),
            Text(
                f"Gi hver prioritering sin egen seksjon, og flytt linjen til den med {holder}.",
                f"Give each priority a section of its own, and move the line to the one with "
                f"{holder}.",
            ),
        )
    where = (
        Text(f"står ikke i seksjonen «{title}»", f"is not in the section '{title}'")
        if title
        else Text(
            "står ikke på øverste nivå i navigasjonen", "is not at the top level of the navigation"
        )
    )
    hint = Text("Flytt linjen dit.", "Move the line there.")
    if len(sharing) > 1:
        hint += Text(
            "Gi også hver prioritering sin egen seksjon.",
            "Give each priority a section of its own, too.",
        )
    return (
        belongs + Text(f"{where.nb}, der {holder} står.", f"{where.en}, where {holder} is."),
        hint,
    )
