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

from collections.abc import Iterator

from ..config import NavEntry
from ..findings import Finding
from ..model import Graph
from ..plain_text import markup_in

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
                "the page is not in the navigation (an orphan no reader can find)",
                f"add '{page.rel_path}' to the nav in {config_name}",
                rule=SLUG,
            )
    default_paths = {page.rel_path for page in graph.by_language.get(config.default_language, [])}
    for entry in config.nav:
        if entry.path not in default_paths:
            yield Finding(
                config_name,
                entry.line,
                CODE,
                f"the nav names {entry.path!r}, which does not exist in "
                f"docs/{config.default_language}/",
                "fix the path or create the page",
                rule=SLUG,
            )
    yield from _under_priority(graph)
    for title in config.nav_titles:
        markup = markup_in(title.title)
        if markup is not None:
            yield Finding(
                config_name,
                title.line,
                CODE,
                f"the nav title {title.title!r} contains markup ({markup})",
                "write nav titles as plain text: no HTML, no &-codes",
                rule=SLUG,
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
        section = " > ".join(priority.section) or "the top level"
        yield Finding(
            config.config_file.name,
            entry.line,
            CODE,
            f"the nav puts '{entry.path}' outside the section of its priority "
            f"{relation.target} ('{section}', with '{priority.path}')"
            + (" and that section holds more priorities" if len(innermost) > 1 else ""),
            f"move the line into the section that holds '{priority.path}', and give each "
            "priority a section of its own",
            rule=SLUG,
        )
