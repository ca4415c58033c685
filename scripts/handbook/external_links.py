"""Every external link the handbook has, with the file and line it is written on.

The weekly link check (`python -m handbook links`, `make links`, the workflow
.github/workflows/links.yml) asks whether the web addresses the handbook sends readers to
still answer. This module only finds them: every http(s) link on every page of every
language, and every `url` in includes/sources.yml. link_checker.py checks each distinct
address once; link_report.py tells where each broken one is used.

On a page, a link is what Python-Markdown makes one of: an inline link or image
(`[text](https://…)`, `![alt](https://…)`) and a reference definition (`[name]: https://…`),
which the model already reads with their lines (`Page.links`), an autolink
(`<https://…>`), and the `href`/`src` of raw HTML. Code (fenced or inline) is not read:
the model blanks it out, so an example address in code is never checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from .model import Graph, Page
from .sources import SOURCES_FILE

# Linear: a possessive run of characters that cannot end the address, then the closing `>`.
_AUTOLINK = re.compile(r"<(https?://[^\s<>]++)>", re.IGNORECASE)
_HTML_ATTRIBUTE = re.compile(
    r"""\b(?:href|src)[ \t]*+=[ \t]*+(?:"(https?://[^"\s<>]++)"|'(https?://[^'\s<>]++)')""",
    re.IGNORECASE,
)
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"'`\\]++\Z", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class LinkUse:
    """One place an external address is written: a page (or the sources file) and a line.

    `title` is what a person calls the place: the page's title, or the source's id in the
    sources file. `lang` is the page's language (None for the sources file).
    """

    path: str
    line: int
    url: str
    title: str
    lang: str | None = None

    @property
    def address(self) -> str:
        """The address to fetch: the URL without its #fragment (the server never sees it)."""
        return address_of(self.url)


def is_web_address(url: str) -> bool:
    """Whether `url` is an http(s) address that can be checked as it is written."""
    return bool(_WEB_ADDRESS.match(url)) and bool(urlsplit(url).hostname)


def address_of(url: str) -> str:
    """The address LinkChecker fetches for a link: `url` without its #fragment."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(fragment=""))


def page_links(page: Page) -> list[LinkUse]:
    """The http(s) links written on one page, in the order of their lines."""
    title = page.title or page.display_path
    found = [(link.target, link.line) for link in page.links]
    text = page.markdown
    if "<" in text:
        found += [(m.group(1), page.line_at(m.start())) for m in _AUTOLINK.finditer(text)]
        found += [
            (m.group(1) or m.group(2), page.line_at(m.start()))
            for m in _HTML_ATTRIBUTE.finditer(text)
        ]
    return sorted(
        {
            LinkUse(page.display_path, line, url, title, page.lang)
            for url, line in found
            if is_web_address(url)
        }
    )


def source_links(graph: Graph) -> list[LinkUse]:
    """The `url` of every source in includes/sources.yml, at the line it is written on.

    Only sources the file defines without a problem are here (an address that is not
    https is the check's to report, rule HB015).
    """
    return sorted(
        LinkUse(SOURCES_FILE, source.url_line or source.line, source.url, source.id)
        for source in graph.sources.entries.values()
        if source.url and is_web_address(source.url)
    )


def collect(graph: Graph) -> list[LinkUse]:
    """Every external link of the handbook: each page's (all languages), then the sources'.

    A page that cannot be read has no links here; `python -m handbook check` reports it.
    """
    uses = [use for page in graph.pages if page.error is None for use in page_links(page)]
    if graph.sources.present:
        uses += source_links(graph)
    return uses


def addresses(uses: list[LinkUse]) -> list[str]:
    """The distinct addresses to check, each once, in a stable order."""
    return sorted({use.address for use in uses})
