"""Everything in docs/, found without following a link, and what of it the site may publish.

MkDocs publishes every file under docs_dir: an `.html` file as it is, scripts and all, an SVG
image with its scripts, and the file a symlink points to (it walks with `followlinks=True`),
even one of the build machine such as /etc/hostname. The check reads only `.md` pages, so
none of that was ever checked. Here the whole tree is listed, and judged against short
allowlists of what belongs where:

- docs/ holds the language folders (from mkdocs.yml) and assets/, nothing else;
- a language folder holds pages (`.md`) and images;
- assets/ holds style sheets (in assets/stylesheets/), the site's own scripts (in
  assets/javascripts/), fonts, images, and the licence notes of third-party files;
- a symlink, anywhere, is never followed, read or published;
- an SVG image holds shapes, text, gradients, masks and filters only (see `check_svg`).

The check reports each `Problem` (rule HB012, rules/files.py), and the build leaves out
every file that is not `published` (mkdocs_hooks.on_files): one decision, used by both.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple
from xml.parsers import expat
from xml.parsers.expat import errors as expat_errors

from .messages import Text, code, listing

ASSETS = "assets"
STYLESHEETS = "assets/stylesheets/"
JAVASCRIPTS = "assets/javascripts/"

PAGE = ".md"
# What MkDocs reads as a page besides .md (mkdocs.utils.markdown_extensions), and other
# Markdown endings it would publish as they are. The check reads only .md.
OTHER_MARKDOWN = frozenset(
    {".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext", ".text"}
)
# Images a browser shows and never runs; SVG only after check_svg.
IMAGES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"})
FONTS = frozenset({".woff2", ".woff"})
# Files a browser runs or renders as a document, named in the message for what they are.
ACTIVE = frozenset(
    {".html", ".htm", ".xhtml", ".xht", ".shtml", ".xml", ".xsl", ".xslt", ".svgz", ".php"}
)
SCRIPTS = frozenset({".js", ".mjs", ".cjs", ".javascript"})
# Licence and source notes that come with third-party assets (assets/oslo/).
NOTE_NAMES = frozenset({"LICENSE", "LICENCE", "NOTICE"})
NOTE_SUFFIX = ".txt"

SVG_MAX_BYTES = 1_000_000  # a bigger SVG is not parsed (and is no longer a small image)
PROBLEMS_PER_SVG = 10


class Entry(NamedTuple):
    """One thing under docs/: its path there ('/'-separated) and what it is.

    `kind` is "file" (a regular file), "folder", "link" (a symlink, to anything or
    nothing) or "other" (a pipe, socket or device).
    """

    path: str
    kind: str


@dataclass(frozen=True)
class Problem:
    """Why an entry may not be published, with the line to look at (1 unless known)."""

    path: str  # relative to docs/
    line: int
    message: Text
    hint: Text


def take_inventory(docs_dir: str | os.PathLike[str], languages: tuple[str, ...]) -> Inventory:
    """List every entry under docs_dir. A link is listed, never followed or read."""
    return Inventory(str(docs_dir), tuple(languages), tuple(sorted(_walk(str(docs_dir), ""))))


def _walk(docs_dir: str, prefix: str) -> Iterator[Entry]:
    folders = [(docs_dir, prefix)]  # a list, not recursion: any depth of folders is fine
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                path = prefix + entry.name
                # DirEntry knows these from the folder listing (lstat at worst), never
                # from what a link points to.
                if entry.is_symlink():
                    yield Entry(path, "link")
                elif entry.is_dir(follow_symlinks=False):
                    yield Entry(path, "folder")
                    folders.append((entry.path, path + "/"))
                elif entry.is_file(follow_symlinks=False):
                    yield Entry(path, "file")
                else:
                    yield Entry(path, "other")


@dataclass(frozen=True)
class Inventory:
    """The entries under docs/, the problems found with them, and what may be published."""

    docs_dir: str
    languages: tuple[str, ...]
    entries: tuple[Entry, ...]

    @cached_property
    def _judged(self) -> tuple[tuple[Problem, ...], frozenset[str]]:
        problems: list[Problem] = []
        published: set[str] = set()
        rejected_folders: tuple[str, ...] = ()  # what is inside is left out, unreported
        languages = frozenset(self.languages)
        for entry in self.entries:
            path, kind = entry
            if rejected_folders and path.startswith(rejected_folders):
                continue
            top, slash, _ = path.partition("/")
            if kind == "file" and slash and top in languages and path.endswith(PAGE):
                published.add(path)  # a page: by far the most common entry, decided fast
                continue
            found = list(self._judge(entry))
            problems.extend(found)
            if found and kind == "folder":
                rejected_folders += (path + "/",)
            elif not found and kind == "file":
                published.add(path)
        return tuple(problems), frozenset(published)

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every problem, in path order."""
        return self._judged[0]

    @property
    def published(self) -> frozenset[str]:
        """The regular files the site may publish (paths under docs/); nothing else may be."""
        return self._judged[1]

    def _judge(self, entry: Entry) -> Iterator[Problem]:
        path, kind = entry.path, entry.kind
        if kind == "link":
            yield Problem(
                path,
                1,
                Text(
                    "Dette er en symbolsk lenke (symlink) til en fil eller mappe et annet sted. "
                    "Nettstedet ville publisert det lenken peker på.",
                    "This is a symbolic link (symlink) to a file or folder elsewhere. The build "
                    "would publish whatever it points to.",
                ),
                Text(
                    "Slett lenken, og kopier inn filen (eller filene i mappen) i stedet.",
                    "Remove the link, and copy the file (or the folder's files) in instead.",
                ),
            )
            return
        if kind == "other":
            yield Problem(
                path,
                1,
                Text(
                    "Dette er verken en fil eller en mappe, men en pipe, en socket eller en enhet.",
                    "This is neither a file nor a folder, but a pipe, a socket or a device.",
                ),
                Text("Slett den.", "Remove it."),
            )
            return
        top, _, rest = path.partition("/")
        if not rest:
            yield from self._judge_top(path, kind)
        elif kind == "file":
            if top == ASSETS:
                yield from self._judge_asset(path)
            else:
                yield from self._judge_language_file(path, top)

    def _judge_top(self, name: str, kind: str) -> Iterator[Problem]:
        allowed = (*self.languages, ASSETS)
        if name in allowed:
            if kind != "folder":
                yield Problem(
                    name,
                    1,
                    Text(
                        f"{code(f'docs/{name}')} må være en mappe, men er en fil.",
                        f"{code(f'docs/{name}')} must be a folder, but is a file.",
                    ),
                    Text(
                        "Slett filen. Mappen lages når du legger en fil i den.",
                        "Remove the file. The folder is made when you put a file in it.",
                    ),
                )
            return
        folders = listing([code(f"docs/{lang}/") for lang in allowed])
        if kind == "folder":
            message = Text(
                f"Mappen {code(f'docs/{name}')} ligger utenfor mappene nettstedet bygges fra: "
                f"{folders.nb}. Ingenting i den publiseres.",
                f"The folder {code(f'docs/{name}')} is outside the folders the site is built "
                f"from: {folders.en}. Nothing in it is published.",
            )
        else:
            message = Text(
                f"Filen {code(f'docs/{name}')} ligger utenfor mappene nettstedet bygges fra: "
                f"{folders.nb}.",
                f"The file {code(f'docs/{name}')} is outside the folders the site is built "
                f"from: {folders.en}.",
            )
        yield Problem(
            name,
            1,
            message,
            self._where_things_go()
            + Text("Flytt den dit, eller slett den.", "Move it there, or remove it."),
        )

    def _where_things_go(self) -> Text:
        languages = listing([code(f"docs/{lang}/") for lang in self.languages], "or")
        return Text(
            f"Sider er .md-filer i {languages.nb}. Bilder ligger i de samme mappene eller i "
            f"{code(f'docs/{ASSETS}/')}.",
            f"Pages are .md files in {languages.en}. Images go in the same folders or in "
            f"{code(f'docs/{ASSETS}/')}.",
        )

    def _judge_language_file(self, path: str, lang: str) -> Iterator[Problem]:
        name = path.rpartition("/")[2]
        stem, ext = os.path.splitext(name)
        ext = ext.lower()
        if name.endswith(PAGE):
            return
        if ext in IMAGES:
            if ext == ".svg":
                yield from self._judge_svg(path)
            return
        if ext in OTHER_MARKDOWN or ext == PAGE:
            written = os.path.splitext(name)[1]
            yield Problem(
                path,
                1,
                Text(
                    f"En side må slutte på .md, ikke på {written}. Sjekken leser bare .md-filer, "
                    "så nettstedet ville publisert denne uten at den er sjekket.",
                    f"A page must end in .md, not {written}. The check reads only .md files, "
                    "so the build would publish this one unchecked.",
                ),
                Text(
                    f"Gi filen navnet {code(stem + '.md')}.",
                    f"Rename it to {code(stem + '.md')}.",
                ),
            )
        elif ext in ACTIVE:
            yield Problem(
                path,
                1,
                Text(
                    f"En {ext}-fil publiseres som den er, med alle skript den har. Sider skrives "
                    "i Markdown.",
                    f"A {ext} file is published as it is, scripts and all. Pages are written "
                    "in Markdown.",
                ),
                Text(
                    "Skriv siden som en .md-fil i stedet, og slett denne.",
                    "Write the page as a .md file instead, and remove this one.",
                ),
            )
        elif ext in SCRIPTS or ext == ".css":
            yield Problem(
                path,
                1,
                Text(
                    f"En {ext}-fil endrer hvordan nettstedet virker. Bare nettstedets egne skript "
                    f"og stilark publiseres, fra {code(f'docs/{JAVASCRIPTS}')} og "
                    f"{code(f'docs/{STYLESHEETS}')}.",
                    f"A {ext} file changes how the site works. Only the site's own scripts and "
                    f"style sheets are published, from {code(f'docs/{JAVASCRIPTS}')} and "
                    f"{code(f'docs/{STYLESHEETS}')}.",
                ),
                Text(
                    "Slett filen. Spør en utvikler hvis nettstedet trenger den.",
                    "Remove it. Ask a developer if the site needs it.",
                ),
            )
        else:
            images = listing(sorted(ext.lstrip(".") for ext in IMAGES))
            yield Problem(
                path,
                1,
                Text(
                    f"Bare sider (.md) og bilder ({images.nb}) hører hjemme i "
                    f"{code(f'docs/{lang}/')}.",
                    f"Only pages (.md) and images ({images.en}) belong in {code(f'docs/{lang}/')}.",
                ),
                self._where_things_go()
                + Text(
                    "Andre filer hører ikke hjemme i håndboka.",
                    "Other files do not belong in the handbook.",
                ),
            )

    def _judge_asset(self, path: str) -> Iterator[Problem]:
        name = path.rpartition("/")[2]
        ext = os.path.splitext(name)[1].lower()
        if ext in IMAGES or ext in FONTS or name in NOTE_NAMES or ext == NOTE_SUFFIX:
            if ext == ".svg":
                yield from self._judge_svg(path)
            return
        if ext == ".css":
            if not path.startswith(STYLESHEETS):
                yield Problem(
                    path,
                    1,
                    Text(
                        f"Stilark hører hjemme i {code(f'docs/{STYLESHEETS}')}.",
                        f"Style sheets belong in {code(f'docs/{STYLESHEETS}')}.",
                    ),
                    Text(
                        "Flytt filen dit, og før den opp under extra_css i mkdocs.yml.",
                        "Move it there, and name it under extra_css in mkdocs.yml.",
                    ),
                )
        elif ext in SCRIPTS:
            if ext != ".js" or not path.startswith(JAVASCRIPTS):
                yield Problem(
                    path,
                    1,
                    Text(
                        f"Nettstedets skript er .js-filer i {code(f'docs/{JAVASCRIPTS}')}.",
                        f"The site's scripts are .js files in {code(f'docs/{JAVASCRIPTS}')}.",
                    ),
                    Text(
                        "Slett filen, eller be en utvikler legge den dit.",
                        "Remove it, or ask a developer to add it there.",
                    ),
                )
        elif ext == PAGE or ext in OTHER_MARKDOWN:
            yield Problem(
                path,
                1,
                Text(
                    f"Sider hører ikke hjemme i {code(f'docs/{ASSETS}/')}.",
                    f"Pages do not belong in {code(f'docs/{ASSETS}/')}.",
                ),
                self._where_things_go(),
            )
        elif ext in ACTIVE:
            yield Problem(
                path,
                1,
                Text(
                    f"En {ext}-fil publiseres som den er, med alle skript den har.",
                    f"A {ext} file is published as it is, scripts and all.",
                ),
                Text(
                    "Slett den. Sider er .md-filer i språkmappene.",
                    "Remove it. Pages are .md files in the language folders.",
                ),
            )
        else:
            fonts = listing(sorted(FONTS))
            yield Problem(
                path,
                1,
                Text(
                    f"{code(f'docs/{ASSETS}/')} har bare stilark, nettstedets skript, skrifter "
                    f"({fonts.nb}), bilder og lisensmerknader (LICENSE, .txt).",
                    f"{code(f'docs/{ASSETS}/')} holds style sheets, the site's scripts, fonts "
                    f"({fonts.en}), images and licence notes (LICENSE, .txt) only.",
                ),
                Text(
                    "Slett filen, eller spør en utvikler om nettstedet trenger den.",
                    "Remove it, or ask a developer whether the site needs it.",
                ),
            )

    def _judge_svg(self, path: str) -> Iterator[Problem]:
        for line, message, hint in check_svg(os.path.join(self.docs_dir, path)):
            yield Problem(path, line, message, hint)


SVG_HINT = Text(
    "Et SVG-bilde kan bare ha former, tekst, fargeoverganger, masker og filtre. Lagre det på "
    "nytt uten skript, lenker, stiler og innebygd innhold, eller bruk et PNG-bilde i stedet.",
    "An SVG image may hold shapes, text, gradients, masks and filters only. Save it again "
    "without scripts, links, styles or embedded content, or use a PNG image instead.",
)

# An SVG that is not XML at all was saved wrongly or cut short: the shapes the others are
# told about are beside the point.
NOT_XML_HINT = Text(
    "Lagre bildet på nytt som SVG fra tegneprogrammet, eller bruk et PNG-bilde.",
    "Save the image again as SVG from the drawing program, or use a PNG image.",
)


# --- SVG -------------------------------------------------------------------------------

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# Drawing programs' own data (Inkscape, Sodipodi, and the RDF licence block they write).
# Browsers know none of these namespaces, so they neither show nor run what is in them;
# the elements inside are checked all the same (an XHTML <script> there would run).
EDITOR_NS = frozenset(
    {
        "http://www.inkscape.org/namespaces/inkscape",
        "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://creativecommons.org/ns#",
        "http://web.resource.org/cc/",
        "http://purl.org/dc/elements/1.1/",
    }
)


def _names(text: str) -> frozenset[str]:
    """The names in a text, one or more a line (long lists read better that way)."""
    return frozenset(text.split())


# Shapes, text, structure, paint servers, clipping, masking and filters. Left out on purpose:
# script, style, a, foreignObject, image, feImage (they run, style, link or load something),
# the animation elements (animate and set can write a javascript: link into href), and the
# SVG 1.1 elements that load from a URL (cursor, font-face-uri, color-profile).
SVG_ELEMENTS = _names(
    """
    svg g defs desc title metadata symbol use switch
    path rect circle ellipse line polyline polygon
    text tspan textPath
    linearGradient radialGradient stop pattern clipPath mask marker
    filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix
    feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB
    feFuncG feFuncR feGaussianBlur feMerge feMergeNode feMorphology feOffset fePointLight
    feSpecularLighting feSpotLight feTile feTurbulence
    """
)

# Geometry, text layout, paint servers, filters, and the presentation attributes. No event
# handlers (on*), no xml:base, no target; href is checked on its own.
SVG_ATTRIBUTES = _names(
    """
    id class style lang tabindex role focusable version baseProfile systemLanguage
    x y width height viewBox preserveAspectRatio transform transform-origin
    d pathLength points cx cy r rx ry x1 y1 x2 y2 fx fy fr
    dx dy rotate textLength lengthAdjust startOffset method spacing side path
    gradientUnits gradientTransform spreadMethod offset
    patternUnits patternContentUnits patternTransform clipPathUnits maskUnits maskContentUnits
    markerUnits markerWidth markerHeight refX refY orient
    filterUnits primitiveUnits filterRes in in2 result stdDeviation edgeMode mode operator
    k1 k2 k3 k4 values type tableValues slope intercept amplitude exponent
    baseFrequency numOctaves seed stitchTiles scale xChannelSelector yChannelSelector
    radius order kernelMatrix divisor bias targetX targetY preserveAlpha kernelUnitLength
    surfaceScale diffuseConstant specularConstant specularExponent azimuth elevation z
    pointsAtX pointsAtY pointsAtZ limitingConeAngle
    alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation
    color-interpolation-filters color-rendering cursor direction display dominant-baseline
    enable-background fill fill-opacity fill-rule filter flood-color flood-opacity
    font font-family font-size font-size-adjust font-stretch font-style font-variant
    font-weight glyph-orientation-horizontal glyph-orientation-vertical image-rendering
    isolation kerning letter-spacing lighting-color marker marker-start marker-mid marker-end
    mask mask-type mix-blend-mode opacity overflow paint-order pointer-events
    shape-rendering stop-color stop-opacity stroke stroke-dasharray stroke-dashoffset
    stroke-linecap stroke-linejoin stroke-miterlimit stroke-opacity stroke-width
    text-anchor text-decoration text-rendering unicode-bidi vector-effect visibility
    word-spacing writing-mode
    """
)
XML_ATTRIBUTES = frozenset({"space", "lang"})
XLINK_ATTRIBUTES = frozenset({"href", "title"})

# A CSS url() (any case); what it may point at is checked. Backslashes are refused outright:
# CSS escapes can spell url( as \75 rl(.
_CSS_URL = re.compile(r"url\(\s*(['\"]?)\s*([^'\")]*)", re.IGNORECASE)
_CSS_LOADS = re.compile(r"image-set\(|image\(|src\(|@import", re.IGNORECASE)
_FRAGMENT = re.compile(r"#[\w.:-]+\Z")


class _Stop(Exception):
    """Parsing ends here: a declaration no image needs, reported at its line."""


def check_svg(file_path: str) -> list[tuple[int, Text, Text]]:
    """The problems of one SVG file as (line, message, hint); empty when it is a clean
    image. A file that is not XML at all has its own hint: save it again.

    Parsed with expat, which neither fetches nor expands anything here: a DOCTYPE (where
    entities such as the "billion laughs" are declared) ends the parse at once, and so does
    a file bigger than SVG_MAX_BYTES. The file is opened without following a link.
    """
    try:
        data = _read_regular_file(file_path, SVG_MAX_BYTES)
    except OSError as error:
        reason = error.strerror or str(error)
        return [
            (
                1,
                Text(
                    f"SVG-bildet kan ikke leses: {reason}.",
                    f"The SVG image cannot be read: {reason}.",
                ),
                SVG_HINT,
            )
        ]
    if data is None:
        size = SVG_MAX_BYTES // 1_000_000
        return [
            (
                1,
                Text(
                    f"SVG-bildet er større enn {size} MB.",
                    f"The SVG image is bigger than {size} MB.",
                ),
                SVG_HINT,
            )
        ]

    # line -> the first problem on it and its hint (findings are per line)
    problems: dict[int, tuple[Text, Text]] = {}
    parser = expat.ParserCreate(namespace_separator=" ")
    rejected_depth = 0  # > 0 inside an element already reported: its content is not

    def report(message: Text) -> None:
        problems.setdefault(parser.CurrentLineNumber, (message, SVG_HINT))
        if len(problems) >= PROBLEMS_PER_SVG:
            raise _Stop

    def doctype(name: str, *_: object) -> None:
        report(
            Text(
                "SVG-bildet har en DOCTYPE-deklarasjon, og den kan deklarere entiteter.",
                "The SVG image has a DOCTYPE declaration, which can declare entities.",
            )
        )
        raise _Stop

    def entity(name: str, *_: object) -> None:
        report(
            Text(
                f"SVG-bildet har en ENTITY-deklarasjon ({name}).",
                f"The SVG image has an ENTITY declaration ({name}).",
            )
        )
        raise _Stop

    def instruction(target: str, data: str) -> None:
        report(
            Text(
                f"SVG-bildet har en prosesseringsinstruksjon, <?{target} ...?>, og den kan laste "
                "inn et stilark.",
                f"The SVG image has a processing instruction, <?{target} ...?>, which can load "
                "a style sheet.",
            )
        )

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal rejected_depth
        if rejected_depth:
            rejected_depth += 1
            return
        element_problem = _element_problem(name)
        problem = element_problem or _attributes_problem(name, attributes)
        if problem:
            report(problem)
        if element_problem:
            rejected_depth = 1

    def end(name: str) -> None:
        nonlocal rejected_depth
        if rejected_depth:
            rejected_depth -= 1

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.ProcessingInstructionHandler = instruction
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except _Stop:
        pass
    except expat.ExpatError as error:
        problems.setdefault(
            error.lineno or 1, (_not_xml(expat.ErrorString(error.code)), NOT_XML_HINT)
        )
    return [(line, message, hint) for line, (message, hint) in sorted(problems.items())]


# What expat says, in Norwegian, for the mistakes a drawing program or an editor makes.
_EXPAT_NB = {
    expat_errors.XML_ERROR_NO_ELEMENTS: "filen er tom, eller den slutter før bildet er ferdig",
    expat_errors.XML_ERROR_TAG_MISMATCH: "en slutt-tagg passer ikke til taggen som er åpen",
    expat_errors.XML_ERROR_INVALID_TOKEN: "et tegn står der XML ikke tillater det",
    expat_errors.XML_ERROR_UNCLOSED_TOKEN: "en tagg blir ikke lukket",
    expat_errors.XML_ERROR_JUNK_AFTER_DOC_ELEMENT: "det står noe etter slutten av bildet",
    expat_errors.XML_ERROR_DUPLICATE_ATTRIBUTE: "et attributt står to ganger i samme tagg",
    expat_errors.XML_ERROR_UNBOUND_PREFIX: "et prefiks (som xlink:) mangler sin xmlns-deklarasjon",
    expat_errors.XML_ERROR_UNDEFINED_ENTITY: "en &-kode som XML ikke kjenner",
    expat_errors.XML_ERROR_PARTIAL_CHAR: "et tegn er ikke gyldig UTF-8",
    expat_errors.XML_ERROR_SYNTAX: "en syntaksfeil",
}


def _not_xml(reason: str) -> Text:
    said = _EXPAT_NB.get(reason, f"XML-leseren melder «{reason}»")
    return Text(
        f"SVG-bildet er ikke gyldig XML: {said}.",
        f"The SVG image is not well-formed XML: {reason}.",
    )


def _read_regular_file(file_path: str, limit: int) -> bytes | None:
    """A regular file's bytes, or None when it is bigger than `limit`.

    O_NOFOLLOW refuses a link put in the file's place since the inventory was taken, and
    O_NONBLOCK keeps a pipe put there from blocking the open.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    descriptor = os.open(file_path, flags | getattr(os, "O_BINARY", 0))
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(0, "not a regular file")
        if status.st_size > limit:
            return None
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(descriptor, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return None if size > limit else b"".join(chunks)
    finally:
        os.close(descriptor)


def _split(name: str) -> tuple[str, str]:
    """expat's 'namespace local' name as (namespace, local); no namespace is ''."""
    namespace, _, local = name.rpartition(" ")
    return namespace, local


def _element_problem(name: str) -> Text | None:
    namespace, local = _split(name)
    if namespace == SVG_NS:
        if local in SVG_ELEMENTS:
            return None
        return Text(
            f"Elementet <{local}> er ikke tillatt i et SVG-bilde.",
            f"The <{local}> element is not allowed in an SVG image.",
        )
    if namespace in EDITOR_NS:
        return None
    if not namespace:
        return Text(
            f'Elementet <{local}> mangler SVG-navnerommet (xmlns="{SVG_NS}").',
            f'The <{local}> element lacks the SVG namespace (xmlns="{SVG_NS}").',
        )
    return Text(
        f"Elementet <{local}> er fra et annet språk enn SVG ({namespace}).",
        f"The <{local}> element is from another language than SVG ({namespace}).",
    )


def _attributes_problem(element: str, attributes: dict[str, str]) -> Text | None:
    tag = _split(element)[1]
    for name, value in attributes.items():
        namespace, local = _split(name)
        if local.lower().startswith("on") and namespace not in EDITOR_NS:
            return Text(
                f"Hendelsesattributtet {local}= på <{tag}> kjører skript.",
                f"The event handler attribute {local}= on <{tag}> runs a script.",
            )
        if namespace in EDITOR_NS:
            continue
        if (namespace, local) in (("", "href"), (XLINK_NS, "href")):
            if not _FRAGMENT.match(value.strip()):
                shown = f'{"xlink:href" if namespace else "href"}="{_short(value)}"'
                return Text(
                    f"Attributtet {shown} på <{tag}> lenker ut av bildet. Bare lenker inne i "
                    "bildet (#id) er tillatt.",
                    f"The attribute {shown} on <{tag}> links out of the image. Only links "
                    "inside the image (#id) are allowed.",
                )
            continue
        allowed = (
            (not namespace and (local in SVG_ATTRIBUTES or local.startswith(("aria-", "data-"))))
            or (namespace == XML_NS and local in XML_ATTRIBUTES)
            or (namespace == XLINK_NS and local in XLINK_ATTRIBUTES)
        )
        if not allowed:
            return Text(
                f"Attributtet {local}= på <{tag}> er ikke tillatt i et SVG-bilde.",
                f"The attribute {local}= on <{tag}> is not allowed in an SVG image.",
            )
        if local.startswith(("aria-", "data-")) or (namespace == XLINK_NS and local == "title"):
            continue
        problem = _css_value_problem(value)
        if problem:
            return Text(f"Verdien av {local}= på <{tag}>", f"The value of {local}= on <{tag}>") + (
                problem
            )
    return None


def _css_value_problem(value: str) -> Text | None:
    """Attribute values are CSS values too (style=, fill=): they may point inside only.
    The words finish a sentence that names the attribute."""
    if "\\" in value:
        return Text("har en omvendt skråstrek (en CSS-escape).", "has a backslash (a CSS escape).")
    for match in _CSS_URL.finditer(value):
        if not match.group(2).strip().startswith("#"):
            address = _short(match.group(2))
            return Text(
                f"har url({address}), som peker ut av bildet.",
                f"has url({address}), which points outside the image.",
            )
    if _CSS_LOADS.search(value):
        return Text(
            "har en CSS-funksjon som laster inn en fil.", "has a CSS function that loads a file."
        )
    return None


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def docs_path(file_path: str | os.PathLike[str], docs_dir: str | os.PathLike[str]) -> str | None:
    """`file_path` as a '/'-separated path under docs_dir, or None when it lies outside.

    By name only: no link is resolved (a file reached through a linked folder has a path
    under docs/ that the inventory does not list, so it is not published).
    """
    relative = os.path.relpath(os.path.abspath(file_path), os.path.abspath(docs_dir))
    if relative == os.curdir or relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return None
    return relative.replace(os.sep, "/")
