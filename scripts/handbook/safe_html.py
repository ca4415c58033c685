"""What a page may publish: one allowlist, applied by nh3 (Rust's ammonia) to the HTML that
Markdown makes of a page, and a description of anything it strips.

Anyone can propose a page, and Markdown passes raw HTML, attribute lists and any link
address through. Matching bad patterns in the Markdown lost to every new spelling (an
entity-encoded `javascript:`, a handler after a quoted `>`); an HTML parser that allows only
what the handbook's Markdown extensions produce does not care how the rest is spelt. The
build publishes `clean(html)`; the check and the build report `problems(html)`, so both
name the same things.

How a problem is found: the page is cleaned twice by the same parser and serialiser, once
with the allowlist and once allowing everything the page contains. Where the two differ,
the allowlist removed something, and comparing the two element by element says what.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

from .messages import Text, code, listing

# What the Markdown extensions in mkdocs.yml write (a test renders a page that uses every
# one of them), what the hooks add (related sections, notices, matrix tables) and the inline
# HTML the pages use (<span lang="sv">).
TAGS = frozenset(
    {
        # text and structure
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div", "span",
        "ul", "ol", "li", "dl", "dt", "dd", "em", "strong", "b", "i", "small", "sub", "sup",
        "code", "pre", "kbd", "mark", "del", "ins", "s", "q", "cite", "abbr", "time",
        "a", "img", "figure", "figcaption",
        # tables
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
        # pymdownx.details and pymdownx.tabbed
        "details", "summary", "input", "label",
    }
)  # fmt: skip
ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"id", "class", "title", "lang", "dir"}),
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "th": frozenset({"align", "colspan", "rowspan", "scope"}),
    "td": frozenset({"align", "colspan", "rowspan"}),
    "col": frozenset({"span"}),
    "ol": frozenset({"start", "reversed"}),
    "li": frozenset({"value"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
    "label": frozenset({"for"}),
    "div": frozenset({"data-tabs"}),  # pymdownx.tabbed
    "input": frozenset({"name", "checked"}),
}
# Attributes allowed only with these values (nh3 keeps them apart from ATTRIBUTES).
ATTRIBUTE_VALUES = {"input": {"type": {"radio"}}}  # the tabs of pymdownx.tabbed
# Links may lead to other sites over https and to e-mail addresses; relative URLs (pages
# and files of the handbook, #anchors) need no scheme. Nothing else: no http, data,
# javascript or any other scheme.
URL_SCHEMES = frozenset({"https", "mailto"})
# Removed with their content; every other element not allowed is removed, its text kept.
CONTENT_REMOVED = frozenset({"script", "style"})

_SCRIPTS = frozenset({"script", "noscript", "template"})
_EMBEDS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "portal"})
_FORMS = frozenset({"form", "button", "select", "textarea", "option", "fieldset", "output"})
_PAGE_CHANGERS = frozenset({"style", "link", "meta", "base", "head", "body", "html", "title"})
_MEDIA = frozenset({"svg", "math", "audio", "video", "source", "track", "picture", "canvas"})
# Characters browsers drop from a URL before reading it ("java\tscript:", " //host").
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")
# Every name after a `<`: a superset of the page's elements, found at C speed (html.parser
# took 4 ms a page). One too many only allows a tag the page does not have.
_TAG_NAME = re.compile(r"<([A-Za-z][A-Za-z0-9-]*+)")
_SCHEME_LIKE = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")


@dataclass(frozen=True)
class Problem:
    """One thing the allowlist removes from a page, in words for the person who wrote it."""

    message: Text
    hint: Text
    # How it is written in the Markdown, as a pattern (case ignored), where that is certain:
    # element and attribute names are written as they are; addresses can be encoded.
    written: str = field(default="", compare=False)


def _as_browsers_read(url: str) -> str:
    """A URL as browsers read it: blanks and control characters dropped ("java\\tscript:",
    " //host"), and a backslash read as a slash (`\\\\host` leaves the site as `//host`)."""
    return _IGNORED_IN_URL.sub("", url).replace("\\", "/")


def _on_this_site(url: str) -> bool:
    """True for a URL without scheme or host: a page or file of the handbook itself."""
    normal = _as_browsers_read(url)
    parts = urlsplit(normal)
    return not parts.scheme and not parts.netloc and not normal.startswith("//")


# Material finds its own elements by ids that start with two underscores (`__config`, the
# JSON it reads its settings from; `__search`, `__drawer`): an element in the content with
# such an id would come first and be read instead. pymdownx.tabbed's ids are the exception.
_THEME_ID = re.compile(r"__(?!tabbed_\d+(?:_\d+)?$)")


def _allowed_value(tag: str, attribute: str, value: str) -> str | None:
    """nh3's attribute filter: resources only from the site, links with a scheme or to it,
    and no ids the theme owns.

    nh3 has already removed URLs with a scheme outside URL_SCHEMES.
    """
    if attribute in ("id", "name", "for"):
        return None if _THEME_ID.match(value.strip()) else value
    if attribute == "src":
        return value if _on_this_site(value) else None
    if attribute == "href":
        return None if _as_browsers_read(value).startswith("//") else value
    return value


_STRICT = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(CONTENT_REMOVED),
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    tag_attribute_values=ATTRIBUTE_VALUES,
    attribute_filter=_allowed_value,
    url_schemes=set(URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


def clean(html: str) -> str:
    """The page's HTML with everything outside the allowlist removed: what is published."""
    return _STRICT.clean(html)


class _Elements(HTMLParser):
    """The start tags of a serialised fragment, in order, with their attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, {name: value or "" for name, value in attrs}))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def _elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.found


def _everything_in(html: str) -> str:
    """The fragment through nh3 with every element, attribute and scheme it has allowed:
    the same parse and serialisation as `clean`, without removing anything."""
    tags = {name.lower() for name in _TAG_NAME.findall(html)} | TAGS | _SCRIPTS | _EMBEDS | _FORMS
    tags |= _PAGE_CHANGERS | _MEDIA
    schemes = {match.lower() for match in _SCHEME_LIKE.findall(_IGNORED_IN_URL.sub("", html))}
    return nh3.clean(
        html,
        tags=tags,
        clean_content_tags=set(),
        generic_attribute_prefixes={""},  # every attribute name starts with ""
        url_schemes=schemes | URL_SCHEMES | {"http", "javascript", "vbscript", "data"},
        link_rel=None,
        strip_comments=True,
    )


def problems(html: str) -> list[Problem]:
    """What `clean` removes from this HTML, in document order; empty when it removes nothing."""
    return sanitise(html)[1]


def sanitise(html: str) -> tuple[str, list[Problem]]:
    """The HTML to publish, and what was removed to make it."""
    published = clean(html)
    return published, _removed(_everything_in(html), published)


def _removed(everything: str, published: str) -> list[Problem]:
    if everything == published:
        return []
    found = list(_differences(_elements(everything), _elements(published)))
    if not found:  # the serialisations differ where no element or attribute says why
        found.append(
            Problem(
                Text(
                    "Siden har HTML som nettstedet ikke publiserer.",
                    "The page contains HTML the site does not publish.",
                ),
                Text(
                    "Skriv teksten i Markdown. Se «Trygt innhold» i CONTRIBUTING.",
                    "Write the text in Markdown; see 'Trygt innhold' (safe content) in "
                    "CONTRIBUTING.",
                ),
            )
        )
    return found


def _differences(
    everything: list[tuple[str, dict[str, str]]], published: list[tuple[str, dict[str, str]]]
) -> Iterable[Problem]:
    """Walk both element lists together: `published` is `everything` with elements and
    attributes left out, never added or reordered."""
    kept = iter(published)
    current = next(kept, None)
    for tag, attributes in everything:
        if current is None or current[0] != tag:
            yield _element_problem(tag)
            continue
        for name, value in attributes.items():
            if current[1].get(name) != value:
                yield _attribute_problem(tag, name, value)
        current = next(kept, None)


def _element_problem(tag: str) -> Problem:
    problem = _element_words(tag)
    return Problem(problem.message, problem.hint, written=rf"<{re.escape(tag)}\b")


NO_SCRIPTS = Text(
    "Slett det: sider kan ikke kjøre skript.", "Remove it: pages may not run scripts."
)


def _element_words(tag: str) -> Problem:
    element = f"<{tag}>"
    if tag in _SCRIPTS:
        return Problem(
            Text(f"Siden har et {element}-element.", f"The page has a {element} element."),
            NO_SCRIPTS,
        )
    if tag in _EMBEDS:
        return Problem(
            Text(
                f"Elementet {element} bygger inn en annen side eller et annet program.",
                f"The {element} element embeds another page or program.",
            ),
            Text(
                "Lenk til det i stedet: `[tekst](https://...)`.",
                "Link to it instead: `[text](https://...)`.",
            ),
        )
    if tag in _FORMS:
        return Problem(
            Text(
                f"Elementet {element} hører til et skjema, og sider har ingen skjemaer.",
                f"The {element} element belongs to a form, and pages have no forms.",
            ),
            Text("Lenk til skjemaet i stedet.", "Link to the form instead."),
        )
    if tag in _PAGE_CHANGERS:
        return Problem(
            Text(
                f"Elementet {element} endrer siden rundt teksten.",
                f"The {element} element changes the page around the text.",
            ),
            Text(
                "Slett det. Utseendet og oppførselen til nettstedet kommer fra temaet.",
                "Remove it: the site's look and behaviour come from its theme.",
            ),
        )
    if tag in _MEDIA:
        return Problem(
            Text(
                f"Elementet {element} er skrevet rett inn i siden.",
                f"The {element} element is written into the page itself.",
            ),
            Text(
                "Lagre det som en fil under `docs/assets/`, og vis det som et bilde: "
                "`![tekst](fil)`.",
                "Save it as a file under `docs/assets/` and show it as an image: `![text](file)`.",
            ),
        )
    return Problem(
        Text(
            f"Elementet {element} publiseres ikke på nettstedet.",
            f"The {element} element is not published by the site.",
        ),
        Text(
            "Skriv det i Markdown i stedet: overskrifter, lister, tabeller, lenker eller utheving.",
            "Write it in Markdown instead: headings, lists, tables, links or emphasis.",
        ),
    )


def _attribute_problem(tag: str, name: str, value: str) -> Problem:
    problem = _attribute_words(tag, name, value)
    if name in _ADDRESSES:
        return problem  # an address can be encoded: placed by rendering
    written = rf"(?<![\w:.-]){re.escape(name)}\s*+="
    return Problem(problem.message, problem.hint, written=written)


_ADDRESSES = ("src", "href", "srcset", "action", "formaction", "data", "poster", "xlink:href")


def _attribute_words(tag: str, name: str, value: str) -> Problem:
    if name.startswith("on"):
        return Problem(
            Text(
                f"Hendelsesattributtet {name}= på <{tag}> kjører skript.",
                f"The event handler {name}= on <{tag}> runs a script.",
            ),
            NO_SCRIPTS,
        )
    if name == "style":
        return Problem(
            Text(
                f"Attributtet style= på <{tag}> endrer utseendet.",
                f"The style attribute on <{tag}> changes the look.",
            ),
            Text(
                "Slett det. Utseendet kommer fra nettstedets stilark.",
                "Remove it: the site's look comes from its style sheet.",
            ),
        )
    if name in _ADDRESSES:
        return _address_problem(tag, name, value)
    if name in ("id", "name", "for") and _THEME_ID.match(value.strip()):
        written = code(f'{name}="{value}"')
        return Problem(
            Text(
                f"Navnet {written} på <{tag}> brukes av temaet til nettstedet.",
                f"The name {written} on <{tag}> is one the site's theme uses.",
            ),
            Text(
                "Velg et navn som ikke begynner med to understreker (__).",
                "Choose a name that does not start with two underscores (__).",
            ),
        )
    allowed = listing(sorted(ATTRIBUTES["*"] | ATTRIBUTES.get(tag, frozenset())))
    return Problem(
        Text(
            f"Attributtet {name}= på <{tag}> publiseres ikke.",
            f"The attribute {name}= on <{tag}> is not published.",
        ),
        Text(
            f"Slett det. <{tag}> kan ha disse attributtene: {allowed.nb}.",
            f"Remove it: <{tag}> may have these attributes: {allowed.en}.",
        ),
    )


def _address_problem(tag: str, name: str, value: str) -> Problem:
    normal = _as_browsers_read(value)
    parts = urlsplit(normal)
    scheme = parts.scheme.lower()
    if name == "href" and tag == "a":
        if scheme == "http":
            return Problem(
                Text(
                    f"Lenken til {parts.netloc} bruker http://.",
                    f"The link to {parts.netloc} uses http://.",
                ),
                Text(
                    "Skriv https:// i stedet. Nettstedet lenker bare til sikre adresser (https).",
                    "Write https:// instead. The site links only to secure addresses (https).",
                ),
            )
        if not scheme and normal.startswith("//"):
            return Problem(
                Text(
                    f"Lenken mangler https: foran //{parts.netloc}.",
                    f"The link has no https: before //{parts.netloc}.",
                ),
                Text(
                    f"Skriv {code('https://' + normal[2:])}.",
                    f"Write {code('https://' + normal[2:])}.",
                ),
            )
        return Problem(
            Text(
                f"Lenken går til en {scheme}:-adresse, og det er ikke tillatt.",
                f"The link goes to a {scheme}: address, which is not allowed.",
            )
            if scheme
            else Text(
                "Lenken går til en adresse som ikke er tillatt.",
                "The link goes to an address that is not allowed.",
            ),
            Text(
                "Lenk til https://-adresser, mailto: eller sider i håndboka.",
                "Link to https:// addresses, mailto: or pages of the handbook.",
            ),
        )
    place = (
        Text(parts.netloc, parts.netloc)
        if parts.netloc
        else Text(f"en {scheme}:-adresse", f"a {scheme}: address")
        if scheme
        else Text("et annet sted", "elsewhere")
    )
    return Problem(
        Text(
            f"Attributtet {name}= på <{tag}> henter noe fra et annet nettsted ({place.nb}).",
            f"The attribute {name}= on <{tag}> loads from another site ({place.en}).",
        ),
        Text(
            "Last ned filen, legg den i `docs/assets/`, og vis den derfra: "
            "`![tekst](../assets/bilde.png)`. Nettstedet henter ikke noe fra andre nettsteder.",
            "Download the file, put it in `docs/assets/`, and show it from there: "
            "`![text](../assets/picture.png)`. The site loads nothing from other sites.",
        ),
    )
