"""Turn the graph into what readers and other systems see: each page's related section,
the relation matrix and `handbook.json`.

Everything here is a pure function of the graph and a language, so the MkDocs hooks only
have to put the returned Markdown or JSON in place.
"""

from __future__ import annotations

import posixpath
import re
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from .model import KINDS, Graph, Page
from .review import review_for
from .sources import declared_sources, published_parts
from .words import of

_MARKER = re.compile(r"<!--\s*handbook:([\w-]+)\s*-->")

# Where a relation picture goes (relation_pictures.publish puts the SVG there).
PICTURE_PLACEHOLDER = re.compile(r"<!-- handbook-picture:([a-z-]+) -->")
GOALS_INSTRUMENTS = "goals-instruments"
GOALS_PRIORITIES = "goals-priorities"
OBJECTIVES = "objectives"
SLICE = "slice"  # a priority's own relations

MATRIX_PAGE_ID = "sammenhenger"
SOURCES_PAGE_ID = "kilder"  # where <!-- handbook:sources --> lists every source
# "Last updated" is the date in Oslo, where the handbook is written.
TIME_ZONE = ZoneInfo("Europe/Oslo")


class UnknownMarkerError(ValueError):
    """A page contains `<!-- handbook:NAME -->` with a NAME the hooks do not know."""


def picture_placeholder(name: str) -> str:
    """The Markdown block that marks where relation picture `name` goes: an HTML comment
    on its own, which Markdown passes through as it is."""
    return f"<!-- handbook-picture:{name} -->\n"


def natural_key(text: str) -> list[Any]:
    """Sort so that po-2 comes before po-10 and so-1-4 before so-2-2."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def _localised(graph: Graph, page_id: str, lang: str) -> Page | None:
    return graph.page(page_id, lang) or graph.page(page_id)


def _link(graph: Graph, from_page: Page, page_id: str) -> str:
    target = _localised(graph, page_id, from_page.lang)
    if target is None:
        return page_id
    href = posixpath.relpath(target.rel_path, posixpath.dirname(from_page.rel_path) or ".")
    return f"[{target.title or page_id}]({href})"


def related_groups(graph: Graph, page: Page) -> dict[str, list[str]]:
    """The ids related to a page in either direction, grouped by their kind, in kind order."""
    if page.id is None:
        return {}
    groups: dict[str, set[str]] = {}
    for _, other in graph.related(page.id):
        other_page = graph.page(other)
        if other_page is not None and other_page.kind in KINDS:
            groups.setdefault(other_page.kind, set()).add(other)
    return {kind: sorted(groups[kind], key=graph.reading_order) for kind in KINDS if kind in groups}


def generated_anchors(graph: Graph, page: Page) -> tuple[str, ...]:
    """Anchors the hooks add to a page (so the link check accepts links to them).

    Any declared relation gives the page its related section; the check asks this for
    every linked page, so it looks at the edge lists instead of building the groups. The
    sources page has a section per source, with the source's id as its anchor.
    """
    anchors: tuple[str, ...] = ()
    if page.id is not None and (graph.outgoing.get(page.id) or graph.incoming.get(page.id)):
        anchors += (of(page.lang)["related_id"],)
    if "sources" in markers_in(page.body):
        anchors += tuple(graph.sources.entries)
    return anchors


def related_markdown(graph: Graph, page: Page) -> str:
    """The 'Henger sammen med' section for a page, or '' when it has no relations."""
    groups = related_groups(graph, page)
    if not groups:
        return ""
    words = of(page.lang)
    parts = [f"## {words['related']} {{ #{words['related_id']} }}", "", words["related_intro"], ""]
    if page.kind == "priority":
        parts += [picture_placeholder(SLICE)]
    for kind, ids in groups.items():
        parts.append(words[kind])
        parts.extend(
            f"{':   ' if index == 0 else '    '}- {_link(graph, page, other)}"
            for index, other in enumerate(ids)
        )
        parts.append("")
    matrix = _localised(graph, MATRIX_PAGE_ID, page.lang)
    if matrix is not None and matrix.rel_path != page.rel_path:
        parts += [f"{words['matrix_link']}: {_link(graph, page, MATRIX_PAGE_ID)}.", ""]
    return "\n".join(parts)


def translation_notice(page: Page, source: Page, default_lang: str, status: str) -> str:
    """An admonition for a translation that is `outdated` (its source changed since) or
    `untranslated` (a stub), linking to the source page.

    The link is plain HTML with a site-relative URL: MkDocs cannot resolve a Markdown link
    from one language's folder into another's.
    """
    words = of(page.lang)
    href = relative_url(page, source, default_lang)
    return (
        f'!!! warning "{words[status + "_title"]}"\n'
        f"    {words[status + '_text']} "
        f'<a href="{href}" hreflang="{source.lang}">{words["outdated_link"]}</a>.\n'
    )


def insert_after_title(markdown: str, block: str) -> str:
    """Put a block right under the page's first '# Title' line (or on top without one)."""
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: index + 1], "", block, *lines[index + 1 :]])
    return f"{block}\n{markdown}"


def nodes_of(graph: Graph, kind: str) -> list[Page]:
    """The pages of a kind in reading order (the navigation's, which is the source's)."""
    return sorted(
        (p for p in graph.nodes if p.kind == kind and p.id),
        key=lambda p: graph.reading_order(p.id or ""),
    )


def _served(graph: Graph, source_id: str, goal_id: str) -> bool:
    return any(r.key == "goals" and r.target == goal_id for r in graph.outgoing.get(source_id, []))


def _goal_table(graph: Graph, page: Page, row_kind: str, row_label: str) -> list[str]:
    words = of(page.lang)
    goals = nodes_of(graph, "goal")
    header = [words[row_label], *(_link(graph, page, g.id or "") for g in goals)]
    rows = [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join([":--", *([":-:"] * len(goals))]) + " |",
    ]
    for row in nodes_of(graph, row_kind):
        cells = [words["yes"] if _served(graph, row.id or "", g.id or "") else "" for g in goals]
        rows.append("| " + " | ".join([_link(graph, page, row.id or ""), *cells]) + " |")
    return rows


def matrix_markdown(graph: Graph, page: Page) -> str:
    """The relation matrix, written from the point of view of `page` (for relative links)."""
    words = of(page.lang)
    parts = [f"## {words['goals_x_instruments']}", "", words["goals_x_instruments_intro"], ""]
    parts += [picture_placeholder(GOALS_INSTRUMENTS)]
    parts += _goal_table(graph, page, "instrument", "row_instrument")
    parts += ["", f"## {words['goals_x_priorities']}", "", words["goals_x_priorities_intro"], ""]
    parts += [picture_placeholder(GOALS_PRIORITIES)]
    parts += _goal_table(graph, page, "priority", "row_priority")
    parts += ["", f"## {words['objectives_per_priority']}", "", picture_placeholder(OBJECTIVES)]
    for priority in nodes_of(graph, "priority"):
        objectives = sorted(
            (
                r.source
                for r in graph.incoming.get(priority.id or "", [])
                if r.key == "priority" and (graph.page(r.source) or page).kind == "objective"
            ),
            key=graph.reading_order,
        )
        parts.append(_link(graph, page, priority.id or ""))
        if not objectives:
            parts.append(f":   {words['none']}")
        parts.extend(
            f"{':   ' if index == 0 else '    '}- {_link(graph, page, objective)}"
            for index, objective in enumerate(objectives)
        )
        parts.append("")
    return "\n".join(parts)


def markers_in(markdown: str) -> set[str]:
    """The names of the `<!-- handbook:NAME -->` markers in a page, spelt as expand_markers
    reads them (spaces inside the comment are allowed)."""
    return set(_MARKER.findall(markdown))


def expand_markers(graph: Graph, page: Page, markdown: str) -> str:
    """Replace `<!-- handbook:NAME -->` markers; an unknown NAME is an error, never ignored."""

    def replace(match: re.Match[str]) -> str:
        if match.group(1) == "matrix":
            return matrix_markdown(graph, page)
        if match.group(1) == "sources":
            return sources_markdown(graph, page)
        raise UnknownMarkerError(
            f"{page.display_path}: unknown marker <!-- handbook:{match.group(1)} --> "
            "(known: <!-- handbook:matrix -->, <!-- handbook:sources -->)"
        )

    return _MARKER.sub(replace, markdown)


_LIST_START = re.compile(r"^(\d*+)([.)+-])")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}#<>|!])")


def _literal(text: str) -> str:
    """Plain text that Markdown prints as it is written (no emphasis, links or lists)."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    # A line that starts like a list item ("24. juni 2021", "- x") would become a list.
    return _LIST_START.sub(r"\1\\\2", escaped)


def published_text(published: str, lang: str) -> str:
    """A source's date as the language writes it: 2021, juni 2021, 24. juni 2021."""
    year, month, day = published_parts(published)
    if day is not None and month is not None:
        return long_date(date(year, month, day), lang)
    if month is not None:
        return f"{of(lang)['months'].split()[month - 1]} {year}"
    return str(year)


def pages_citing(graph: Graph, source_id: str) -> list[str]:
    """The ids of the pages that name a source, in reading order."""
    default = graph.config.default_language
    return sorted(
        (
            page.id
            for page in graph.by_language.get(default, [])
            if page.id and source_id in declared_sources(page)
        ),
        key=graph.reading_order,
    )


def sources_markdown(graph: Graph, page: Page) -> str:
    """Every source in includes/sources.yml, one section each with the id as its anchor
    (pages link to `om/kilder.md#<id>`), and the pages that rely on it."""
    words = of(page.lang)
    parts: list[str] = []
    for source in graph.sources.entries.values():
        parts += [f"## {_literal(source.title[page.lang])} {{ #{source.id} }}", ""]
        if source.publisher:
            parts += [words["source_publisher"], f":   {_literal(source.publisher[page.lang])}", ""]
        if source.published:
            published = _literal(published_text(source.published, page.lang))
            parts += [words["source_published"], f":   {published}", ""]
        address = (
            f"[{_literal(source.url.removeprefix('https://').rstrip('/'))}](<{source.url}>)"
            if source.url
            else words["source_not_online"]
        )
        parts += [words["source_address"], f":   {address}", ""]
        parts += [words["source_used_for"], f":   {_literal(source.used_for[page.lang])}", ""]
        citing = [_link(graph, page, page_id) for page_id in pages_citing(graph, source.id)]
        parts += [words["source_pages"], f":   {', '.join(citing) or words['source_no_pages']}", ""]
    return "\n".join(parts)


def page_url(rel_path: str, lang: str, default_lang: str) -> str:
    """The site-relative URL MkDocs gives a page (directory URLs), with the language prefix."""
    stem = rel_path.removesuffix(".md")
    if stem == "index":
        url = ""
    elif stem.endswith("/index"):
        url = stem.removesuffix("index")
    else:
        url = stem + "/"
    return url if lang == default_lang else f"{lang}/{url}"


def relative_url(page: Page, target: Page, default_lang: str) -> str:
    """The address of `target`'s built page relative to `page`'s, for links the hooks
    write as HTML (MkDocs resolves Markdown links only within a language): "../po3/",
    "../../sarskilte-mal/3-2/" from a translation, "./" for the page itself."""
    here = page_url(page.rel_path, page.lang, default_lang)
    there = page_url(target.rel_path, target.lang, default_lang)
    return posixpath.relpath(there or ".", here or ".") + "/"


def handbook_json(graph: Graph) -> dict[str, Any]:
    """The graph as data other systems can reuse: nodes with titles and URLs per language."""
    config = graph.config
    nodes = []
    for node in sorted(graph.nodes, key=lambda p: natural_key(p.id or "")):
        if node.id is None:
            continue
        localised = {lang: graph.page(node.id, lang) for lang in config.languages}
        present = {lang: page for lang, page in localised.items() if page is not None}
        nodes.append(
            {
                "id": node.id,
                "kind": node.kind,
                "titles": {lang: page.title for lang, page in present.items()},
                "urls": {
                    lang: page_url(page.rel_path, lang, config.default_language)
                    for lang, page in present.items()
                },
                "sources": {lang: page.display_path for lang, page in present.items()},
                "facts": _facts_json(graph, node),
            }
        )
    relations = [
        {"source": r.source, "type": r.key, "target": r.target}
        for r in sorted(
            graph.relations, key=lambda r: (natural_key(r.source), r.key, natural_key(r.target))
        )
    ]
    return {
        "version": 1,
        "languages": list(config.languages),
        "default_language": config.default_language,
        "nodes": nodes,
        "relations": relations,
    }


def _facts_json(graph: Graph, page: Page) -> dict[str, Any]:
    """Where a page's facts come from and when they were checked, for other systems.

    (`sources` beside it is older: the Markdown file of each language.)
    """
    review = review_for(graph, page)
    return {
        "sources": declared_sources(page),
        "last_reviewed": review.last_reviewed.isoformat() if review else None,
        "review_due": review.due.isoformat() if review else None,
    }


def updated_html(timestamp: int, lang: str) -> str:
    """The "last updated" date for a page, as Material shows it under the text.

    A <time> element, so the date is also machine-readable; the words are the language's
    long date (27. november 2026 / 27 November 2026). The month names are in the word files
    rather than from Babel: loading Babel's locale data took 65-110 ms of every build, for
    twelve words per language.
    """
    day = datetime.fromtimestamp(timestamp, TIME_ZONE).date()
    return (
        f'<time class="handbook-updated" datetime="{day.isoformat()}">{long_date(day, lang)}</time>'
    )


def long_date(day: date, lang: str) -> str:
    """A day as the language writes it in running text: 2. desember 2026, 2 December 2026."""
    words = of(lang)
    month = words["months"].split()[day.month - 1]
    return words["date_format"].format(day=day.day, month=month, year=day.year)
