"""The whole handbook of one language as one page, to print and to make the PDF from.

Each page of the navigation becomes a section of the print page, in navigation order, with
its own HTML as the site publishes it (sanitised, with its related section and pictures)
and the lines naming its sources and review date. Side by side, the pages' HTML must be
rewritten so that it still means what it meant alone (`rebase`):

- every id gets the page's id in front (`po3--kilder`), and every reference to an id
  follows (`href="#…"`, `for`, `aria-labelledby`, `url(#…)`): two pages may both have a
  heading "Kilder";
- a link to another page of the handbook becomes a link to its section, so the print page
  and the PDF can be read without the site; a link to a page of another language, or to a
  file, leads to the published site (absolute: a PDF has no site around it);
- a file the page shows (an image) is addressed from the print page;
- headings go one level down: the document has one h1, and each page's title is an h2;
- white space is written as the browser shows it: a run of it is one space, and none is
  left beside a block (a paragraph, a list item). Printed with `white-space: pre-wrap`
  (print.css), the space where a line wraps then stays in the PDF's text: without it,
  whatever reads the PDF's tags (a screen reader) got the two words as one ("væreblant");
- what Chromium tags badly in the PDF is written as it tags it well: a link inside a
  picture hidden from screen readers (aria-hidden) is left out, or the PDF would tag it and
  read the picture's words aloud; a <figure> becomes a <div> and its caption a <p>, or the
  PDF would have a figure without a text alternative (an image inside keeps its own).

The HTML is the build's own, so the standard library's parser reads it; only the start
tags that change are written anew, everything else is kept as it was written.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# Attributes whose value is an id, or a list of ids (aria-labelledby="a b").
ID_REFERENCES = frozenset(
    {
        "for",
        "headers",
        "list",
        "form",
        "aria-labelledby",
        "aria-describedby",
        "aria-controls",
        "aria-owns",
        "aria-activedescendant",
        "aria-details",
        "aria-errormessage",
        "aria-flowto",
    }
)
LOCAL_URL = re.compile(r"url\(\s*#([^)\s]+)\s*\)")  # SVG paint and marker references
HEADINGS = {f"h{level}": f"h{min(level + 1, 6)}" for level in range(1, 7)}
RENAMED = {**HEADINGS, "figure": "div", "figcaption": "p"}
# Elements that stand as blocks, between which white space shows nothing (and `br`, beside
# which a space would start or end a line).
BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "br", "caption", "col", "colgroup", "dd"}
    | {"details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p"}
    | {"pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
)
# Where white space is the content's own: kept as written.
KEEP_SPACE = frozenset({"pre", "svg", "textarea"})
WHITE_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's white space; a no-break space is text
# Elements without an end tag, which never hold others.
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr"}
)
SEPARATOR = "--"  # between a page's id and an id of its own
# A page's line in the contents, and the place for its page number in the PDF
PAGE_ENTRY = "handbook-print-contents__page"
PAGE_NUMBER = "handbook-print-contents__number"


@dataclass(frozen=True)
class Place:
    """Where one page of the handbook is: its site-relative URL (`prioriteringer/po3/`)
    and its section's id in the print page."""

    url: str
    section: str


def rebase(
    html: str,
    *,
    page: Place,
    print_url: str,
    site_url: str,
    sections: Mapping[str, str],
) -> str:
    """The HTML of `page` rewritten to stand in the print page at `print_url`.

    `sections` maps each page of the print page (its site-relative URL, as
    `prioriteringer/po3/`) to its section id; `site_url` is where the site is published,
    for the links that must leave the document.
    """
    prefix = page.section + SEPARATOR

    def own(identifier: str) -> str:
        return prefix + identifier

    def link(value: str) -> str:
        return _link(value, page, print_url, site_url, sections, own)

    def resource(value: str) -> str:
        return _resource(value, page.url, print_url)

    def attribute(tag: str, name: str, value: str) -> str | None:
        if name.startswith("data-pagefind"):
            return None  # the print page is not in the search index
        if name in ("id", "name") and (name == "id" or tag == "input"):
            return own(value)
        if name in ID_REFERENCES:
            return " ".join(own(part) for part in value.split())
        if name == "href" and tag in ("a", "area"):
            return link(value)
        if name in ("href", "xlink:href") and value.startswith("#"):
            return "#" + own(value[1:])  # an SVG <use>
        if name in ("src", "srcset", "poster") or (name == "href" and tag == "link"):
            return resource(value)
        if "url(#" in value:
            return LOCAL_URL.sub(lambda match: f"url(#{own(match.group(1))})", value)
        return value

    return _rewrite(html, attribute)


def _link(
    value: str,
    page: Place,
    print_url: str,
    site_url: str,
    sections: Mapping[str, str],
    own: Callable[[str], str],
) -> str:
    """A link of `page` as the print page must write it."""
    if value.startswith("#"):
        return "#" + own(value[1:]) if len(value) > 1 else "#" + page.section
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return value  # another site, mailto: and the like
    target = posixpath.normpath(posixpath.join(posixpath.dirname("/" + page.url), parts.path))
    target = target.lstrip("/")
    if target in (".", ""):
        target = ""
    elif parts.path.endswith("/") or not posixpath.splitext(target)[1]:
        target += "/"
    target = target.removesuffix("index.html")
    section = sections.get(target)
    if section is not None:
        if not parts.fragment:
            return "#" + section
        return f"#{section}{SEPARATOR}{parts.fragment}"
    # Not in this print page: the page of another language, or a file of the site.
    query = f"?{parts.query}" if parts.query else ""
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return urljoin(site_url.rstrip("/") + "/", target) + query + fragment


def _resource(value: str, page_url: str, print_url: str) -> str:
    """A file a page loads (an image), addressed from the print page instead."""
    if not value or value.startswith(("#", "data:")) or urlsplit(value).scheme:
        return value
    if "," in value:  # a srcset: "a.png 1x, b.png 2x"
        return ", ".join(_resource(part.strip(), page_url, print_url) for part in value.split(","))
    address, _, size = value.partition(" ")
    target = posixpath.normpath(posixpath.join(posixpath.dirname("/" + page_url), address))
    moved = posixpath.relpath(target, "/" + print_url.rstrip("/"))
    return f"{moved} {size}".rstrip()


class _Rewriter(HTMLParser):
    """Writes the HTML back as it was read, except for start tags whose attributes change,
    the renamed elements (RENAMED) and the links inside hidden pictures."""

    def __init__(self, attribute: Callable[[str, str, str], str | None]) -> None:
        super().__init__(convert_charrefs=False)
        self._attribute = attribute
        self.out: list[str] = []
        self._open: list[str] = []  # the elements the parser is inside
        self._hidden_from: int | None = None  # depth of the outermost aria-hidden element
        self._kept = 0  # depth inside elements whose white space is kept (KEEP_SPACE)
        self._space = False  # a space is due before the next text, unless a block comes
        self._after_block = True  # the last thing written was a block's tag

    def _tag(self, tag: str) -> None:
        """Before a tag is written: the space that is due, unless the tag is a block's."""
        block = tag in BLOCKS
        if self._space and not block and not self._after_block and not self._kept:
            self.out.append(" ")
        self._space = False
        self._after_block = block

    def _hidden(self) -> bool:
        return self._hidden_from is not None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag)
        if tag not in VOID:
            self._open.append(tag)
            self._kept += tag in KEEP_SPACE
            if self._hidden_from is None and ("aria-hidden", "true") in attrs:
                self._hidden_from = len(self._open)
        if tag == "a" and self._hidden():
            return
        self.out.append(self._start(tag, attrs, closed=False))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag)
        self.out.append(self._start(tag, attrs, closed=True))

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> str:
        written = self.get_starttag_text() or ""
        new_attrs = []
        for name, value in attrs:
            new = self._attribute(tag, name, value) if value is not None else value
            if new is not None or value is None:
                new_attrs.append((name, new))
        if new_attrs == attrs and tag not in RENAMED:
            return written  # as written, with its names' case (SVG's viewBox)
        names = "".join(
            f" {name}" if value is None else f' {name}="{escape(value, quote=True)}"'
            for name, value in new_attrs
        )
        return f"<{RENAMED.get(tag, tag)}{names}{' /' if closed else ''}>"

    def handle_endtag(self, tag: str) -> None:
        self._tag(tag)
        hidden = self._hidden()
        if tag in self._open:  # close it, and any element left open inside it
            while self._open:
                closed = self._open.pop()
                self._kept -= closed in KEEP_SPACE
                if closed == tag:
                    break
            if self._hidden_from is not None and len(self._open) < self._hidden_from:
                self._hidden_from = None
        if tag == "a" and hidden:
            return
        self.out.append(f"</{RENAMED.get(tag, tag)}>")

    def handle_data(self, data: str) -> None:
        if self._kept:
            self.out.append(data)
            self._after_block = False
            return
        text = WHITE_SPACE.sub(" ", data)
        core = text.strip(" ")
        if text.startswith(" "):
            self._space = True
        if core:
            self._text(core)
            self._space = text.endswith(" ")

    def _text(self, text: str) -> None:
        if self._space and not self._after_block:
            self.out.append(" ")
        self.out.append(text)
        self._space = self._after_block = False

    def handle_entityref(self, name: str) -> None:
        self._text(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._text(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")


def _rewrite(html: str, attribute: Callable[[str, str, str], str | None]) -> str:
    rewriter = _Rewriter(attribute)
    rewriter.feed(html)
    rewriter.close()
    return "".join(rewriter.out)


@dataclass(frozen=True)
class Section:
    """One page of the handbook in the print page: where it is, where it is published,
    its HTML and the lines naming its sources and review date (both as the site shows
    them, not yet rebased)."""

    place: Place
    canonical_url: str
    html: str
    facts: str


@dataclass(frozen=True)
class Entry:
    """One line of the table of contents: a page (with its section) or a group of the
    navigation (section None) with the lines under it."""

    title: str
    section: str | None = None
    children: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Cover:
    """The title page: the handbook's title and the lines under it (label, value)."""

    title: str
    lines: tuple[tuple[str, str], ...]
    contents_title: str
    contents_id: str = "handbook-print-contents"
    title_id: str = "handbook-print-title"


def body(
    cover: Cover,
    contents: tuple[Entry, ...],
    sections: tuple[Section, ...],
    *,
    print_url: str,
    site_url: str,
    before_cover: str = "",
) -> str:
    """The print page's HTML: the title page, the table of contents, then each page's
    section. Text from the content (titles) is escaped here; `before_cover` is HTML the
    caller made (the download link)."""
    places = {section.place.url: section.place.section for section in sections}
    lines = "".join(
        f'<p><span class="handbook-print-cover__label">{escape(label)}:</span> {escape(value)}</p>'
        for label, value in cover.lines
    )
    parts = [
        # Nothing between the tags: the print style sheet keeps white space (pre-wrap).
        '<div class="handbook-print-cover">',
        f'<h1 id="{cover.title_id}">{escape(cover.title)}</h1>',
        lines,
        before_cover,
        "</div>",
        f'<nav class="handbook-print-contents" aria-labelledby="{cover.contents_id}">',
        f'<h2 id="{cover.contents_id}">{escape(cover.contents_title)}</h2>',
        _contents(contents),
        "</nav>",
    ]
    for section in sections:
        rebased = rebase(
            section.html + section.facts,
            page=section.place,
            print_url=print_url,
            site_url=site_url,
            sections=places,
        )
        parts += [
            f'<section class="handbook-print-page" id="{section.place.section}">',
            f'<p class="handbook-print-url">{escape(section.canonical_url)}</p>',
            rebased,
            "</section>",
        ]
    return "".join(parts)


def _contents(entries: tuple[Entry, ...]) -> str:
    items = []
    for entry in entries:
        title = escape(entry.title)
        if entry.section:
            # The PDF writes the page the section starts on in the empty span (pdf.py).
            items.append(
                f'<li class="{PAGE_ENTRY}"><a href="#{entry.section}">{title}</a>'
                f'<span class="{PAGE_NUMBER}"></span></li>'
            )
        else:
            under = _contents(entry.children) if entry.children else ""
            items.append(f"<li>{title}{under}</li>")
    return f"<ol>{''.join(items)}</ol>"
