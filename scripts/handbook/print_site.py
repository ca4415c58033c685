"""The print page in the MkDocs build: a page of each language's site that MkDocs renders
with the theme like any other, whose text is every page of the navigation (print_page).

It is not a file in docs/: the build adds it to each language's files after
mkdocs-static-i18n has sorted them (a file added before would be read from docs/), as a
page outside the navigation, and gives it its text once every page's HTML is made.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import get_toc

from . import print_page
from .facts import page_facts
from .model import Graph
from .render import long_date
from .review import review_for
from .words import of

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page as MkDocsPage

FOLDER = "utskrift"  # /utskrift/ and /en/utskrift/, as the pages keep one path in every language
SOURCE = ".handbook-print.md"  # under each language's folder; no page of docs/ can have it


def url(lang: str, default_lang: str) -> str:
    """The print page's site-relative URL in a language."""
    return f"{FOLDER}/" if lang == default_lang else f"{lang}/{FOLDER}/"


@dataclass(frozen=True)
class _Alternate:
    """What mkdocs-static-i18n reads of a file in another language: its URL."""

    url: str


def add_file(config: MkDocsConfig, lang: str, languages: tuple[str, ...]) -> File:
    """The print page of `lang` as a file of this build, outside the navigation.

    Its Markdown is only its title; `content` gives it its text. The i18n attributes make
    the language selector lead to the print page of the other language.
    """
    default = languages[0]
    file = File.generated(
        config,
        f"{lang}/{SOURCE}",
        content=f"# {of(lang)['print_title']}\n",
        inclusion=InclusionLevel.NOT_IN_NAV,
    )
    file.dest_uri = url(lang, default) + "index.html"
    file.alternates = {other: _Alternate(url(other, default)) for other in languages}
    file.locale = file.locale_alternate_of = file.localization = lang
    file.handbook_print = True
    return file


def is_print_page(page: MkDocsPage) -> bool:
    return getattr(page.file, "handbook_print", False)


def content(
    page: MkDocsPage,
    nav: Navigation,
    graph: Graph,
    lang: str,
    *,
    site_url: str,
    today: date,
    language_name: str,
    download: str = "",
) -> None:
    """Give the print page its text and table of contents: every page of `nav`, in order.

    `download` is the HTML of the link to the PDF, shown on screen above the contents.
    """
    words = of(lang)
    sections = []
    toc = []  # the sidebar's table of contents: a line per section
    for nav_page in nav.pages:
        graph_page = graph.page_at(lang, getattr(nav_page.file, "norm_src_uri", ""))
        if graph_page is None or not graph_page.id or nav_page.content is None:
            continue
        facts = page_facts(graph, graph_page, today)
        place = print_page.Place(nav_page.url, graph_page.id)  # the section's id: the page's
        canonical = nav_page.canonical_url or ""
        sections.append(print_page.Section(place, canonical, nav_page.content, facts.under))
        toc.append({"level": 2, "id": place.section, "name": nav_page.title or "", "children": []})
    ids = {section.place.url: section.place.section for section in sections}
    cover = print_page.Cover(
        title=words["site_name"],
        lines=(
            (words["print_language"], language_name),
            (words["print_built"], long_date(today, lang)),
            (words["print_checked"], _checked(graph, lang)),
        ),
        contents_title=words["print_contents"],
    )
    page.content = print_page.body(
        cover,
        _entries(nav.items, ids),
        tuple(sections),
        print_url=page.url,
        site_url=site_url,
        before_cover=download,
    )
    page.toc = get_toc(
        [
            {
                "level": 1,
                "id": cover.title_id,  # Material's "skip to content" link leads here
                "name": words["site_name"],
                "children": toc,
            }
        ]
    )


def _entries(items, ids: dict[str, str]) -> tuple[print_page.Entry, ...]:
    entries = []
    for item in items:
        if item.is_section:
            children = _entries(item.children, ids)
            if children:
                entries.append(print_page.Entry(item.title or "", None, children))
        elif item.is_page and item.url in ids:
            entries.append(print_page.Entry(item.title or "", ids[item.url]))
    return tuple(entries)


def _checked(graph: Graph, lang: str) -> str:
    """When the facts of the language's pages were last checked against their sources:
    the earliest and latest day (one day when they agree)."""
    days = sorted(
        review.last_reviewed
        for page in graph.pages
        if page.lang == lang and (review := review_for(graph, page)) is not None
    )
    if not days:
        return "\u2013"
    first, last = long_date(days[0], lang), long_date(days[-1], lang)
    return first if first == last else f"{first} \u2013 {last}"
