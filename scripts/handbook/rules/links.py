"""Every Markdown link between pages resolves, and so does every `#anchor`, in every language.

Links are relative paths to `.md` files, as MkDocs expects (`../prioriteringer/po3.md`),
optionally with an anchor (`../ordliste.md#ten-t`). Anchors are explicit ids
(`## TEN-T { #ten-t }`) or the slug of a heading, computed as the build computes it.

PASS: ``[PO3](../prioriteringer/po3.md)``, ``[TEN-T](../ordliste.md#ten-t)``.
FAIL (HB009): ``[PO3](../prioriteringer/po-3.md)`` (no such page),
``[TEN-T](../ordliste.md#tent)`` (no such anchor), ``[PO3](/prioriteringer/po3/)`` (absolute).
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Iterator
from difflib import get_close_matches
from urllib.parse import unquote

from ..anchors import page_anchors
from ..findings import Finding
from ..messages import Text, code, listing
from ..model import Graph, Page
from ..render import generated_anchors

CODE = "HB009"
SLUG = "links"

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
SHOWN_ANCHORS = 8


def check(graph: Graph) -> Iterator[Finding]:
    anchors: dict[tuple[str, str], frozenset[str]] = {}

    def anchors_of(page: Page) -> frozenset[str]:
        key = (page.lang, page.rel_path)
        if key not in anchors:
            anchors[key] = page_anchors(page, generated_anchors(graph, page))
        return anchors[key]

    for page in graph.pages:
        if page.error is not None:
            continue
        for link in page.links:
            target = link.target
            if not target or _SCHEME.match(target):
                continue  # external links and e-mail addresses are not ours to check
            path_part, _, anchor = target.partition("#")
            path_part = unquote(path_part)
            if path_part.startswith("/"):
                yield _finding(
                    page,
                    link.line,
                    Text(
                        f"Lenken {code(target)} er en absolutt sti. Lenker mellom sider er "
                        "relative.",
                        f"The link {code(target)} is an absolute path. Links between pages are "
                        "relative.",
                    ),
                    _page_hint(graph, page, path_part, anchor),
                )
                continue
            if not path_part:
                if anchor and anchor not in anchors_of(page):
                    yield _finding(
                        page,
                        link.line,
                        Text(
                            f"Siden har ikke ankeret {code('#' + anchor)}.",
                            f"This page has no anchor {code('#' + anchor)}.",
                        ),
                        _anchor_hint(anchor, anchors_of(page)),
                    )
                continue
            resolved = posixpath.normpath(
                posixpath.join(posixpath.dirname(page.rel_path), path_part)
            )
            if not path_part.endswith(".md"):
                if resolved.startswith("../") or not _asset_exists(graph, page, path_part):
                    yield _finding(
                        page,
                        link.line,
                        Text(
                            f"Lenken {code(target)} peker ikke på en side eller en fil som finnes.",
                            f"The link {code(target)} does not point to a page or to a file that "
                            "exists.",
                        ),
                        _page_hint(graph, page, resolved, anchor),
                    )
                continue
            if resolved.startswith("../"):
                yield _finding(
                    page,
                    link.line,
                    Text(
                        f"Lenken {code(target)} går ut av docs/{page.lang}/.",
                        f"The link {code(target)} leads out of docs/{page.lang}/.",
                    ),
                    Text(
                        f"Lenk til en side på samme språk, i docs/{page.lang}/.",
                        f"Link to a page in the same language, in docs/{page.lang}/.",
                    ),
                )
                continue
            linked = graph.page_at(page.lang, resolved)
            if linked is None:
                yield _finding(
                    page,
                    link.line,
                    Text(
                        f"Lenken {code(target)} peker på docs/{page.lang}/{resolved}, som ikke "
                        "finnes.",
                        f"The link {code(target)} points to docs/{page.lang}/{resolved}, which "
                        "does not exist.",
                    ),
                    _missing_page_hint(graph, page, resolved, anchor),
                )
            elif anchor and linked.error is None and anchor not in anchors_of(linked):
                yield _finding(
                    page,
                    link.line,
                    Text(
                        f"Lenken {code(target)} peker på ankeret {code('#' + anchor)}, men "
                        f"{linked.display_path} har det ikke.",
                        f"The link {code(target)} points to the anchor {code('#' + anchor)}, which "
                        f"{linked.display_path} does not have.",
                    ),
                    _anchor_hint(anchor, anchors_of(linked)),
                )


def _asset_exists(graph: Graph, page: Page, path_part: str) -> bool:
    """Images and files may live beside the page or in docs/assets/ (shared by languages).

    os.path.isfile answers False for a name the system refuses (longer than 255 bytes, or
    with a NUL from `%00`), where Path.is_file raised OSError for the first.
    """
    docs = graph.config.docs_dir
    base = posixpath.dirname(posixpath.join(page.lang, page.rel_path))
    return os.path.isfile(docs / posixpath.normpath(posixpath.join(base, path_part)))


def _relative(page: Page, rel_path: str, anchor: str) -> str:
    """The link from `page` to the page at `rel_path` (in the same language folder)."""
    link = posixpath.relpath(rel_path, posixpath.dirname(page.rel_path) or ".")
    return f"{link}#{anchor}" if anchor else link


def _page_hint(graph: Graph, page: Page, path: str, anchor: str) -> Text:
    """For a link to an address or a folder: the link to the .md file it means, if there is
    one (`/prioriteringer/po3/` -> `../prioriteringer/po3.md`), else how such links look."""
    parts = [part for part in path.strip("/").split("/") if part not in ("", ".")]
    if parts and parts[0] in graph.config.languages:
        parts = parts[1:]
    stem = "/".join(parts)
    candidates = [f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]
    if stem.endswith(".md"):
        candidates.insert(0, stem)
    for candidate in candidates:
        if graph.page_at(page.lang, posixpath.normpath(candidate)) is not None:
            link = code(_relative(page, posixpath.normpath(candidate), anchor))
            return Text(
                f"Lenk til `.md`-filen, relativt til denne siden: {link}.",
                f"Link to the `.md` file, relative to this page: {link}.",
            )
    if posixpath.splitext(stem)[1]:
        return Text(
            "Sjekk navnet og stien til filen. Bilder og andre filer ligger i samme mappe som "
            "siden, eller i docs/assets/. Lenker du til en fil utenfor håndboka, bruk hele "
            "adressen (https://…).",
            "Check the file's name and path. Images and other files live beside the page or "
            "in docs/assets/. To link to a file outside the handbook, use its full address "
            "(https://…).",
        )
    return Text(
        "Lenk til `.md`-filen, relativt til denne siden, for eksempel `../ordliste.md`, ikke "
        "til en mappe eller en adresse. Lenker du til en fil utenfor håndboka, bruk hele "
        "adressen (https://…).",
        "Link to the `.md` file, relative to this page, for example `../ordliste.md`, not to "
        "a folder or an address. To link to a file outside the handbook, use its full "
        "address (https://…).",
    )


def _missing_page_hint(graph: Graph, page: Page, resolved: str, anchor: str) -> Text:
    known = sorted(p.rel_path for p in graph.by_language.get(page.lang, []))
    hint = Text(
        "Sjekk stien. Den regnes fra mappen denne siden ligger i.",
        "Check the path: it is relative to this page's folder.",
    )
    close = get_close_matches(resolved, known, n=1, cutoff=0.6)
    if close:
        link = code(_relative(page, close[0], anchor))
        return Text(f"Mente du {link}?", f"Did you mean {link}?") + hint
    return hint


def _anchor_hint(anchor: str, available: frozenset[str]) -> Text:
    """The anchor meant, if one is close, and the page's anchors (the first few)."""
    if not available:
        return Text(
            "Siden har ingen overskrifter å lenke til.", "The page has no headings to link to."
        )
    ordered = sorted(available)
    shown = listing([code("#" + name) for name in ordered[:SHOWN_ANCHORS]])
    more = len(ordered) > SHOWN_ANCHORS
    hint = Text(
        f"Ankrene på siden{' (de første)' if more else ''}: {shown.nb}.",
        f"The anchors on the page{' (the first)' if more else ''}: {shown.en}.",
    )
    close = get_close_matches(anchor, ordered, n=1, cutoff=0.6)
    if close:
        meant = code("#" + close[0])
        return Text(f"Mente du {meant}?", f"Did you mean {meant}?") + hint
    return hint


def _finding(page: Page, line: int, message: Text, hint: Text) -> Finding:
    return Finding(page.display_path, line, CODE, message, hint, rule=SLUG)
