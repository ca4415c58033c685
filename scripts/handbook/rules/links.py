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
from urllib.parse import unquote

from ..anchors import page_anchors
from ..findings import Finding
from ..model import Graph, Page
from ..render import generated_anchors

CODE = "HB009"
SLUG = "links"

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


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
                    f"absolute link {target!r}",
                    "use a relative link to the .md file, e.g. ../ordliste.md",
                )
                continue
            if not path_part:
                if anchor and anchor not in anchors_of(page):
                    yield _finding(
                        page,
                        link.line,
                        f"no anchor #{anchor} on this page",
                        _anchor_hint(anchors_of(page)),
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
                        f"link {target!r} does not point to a page",
                        "link to the Markdown file (…/page.md), not to a folder or URL",
                    )
                continue
            if resolved.startswith("../"):
                yield _finding(
                    page,
                    link.line,
                    f"link {target!r} leaves docs/{page.lang}/",
                    "link to a page of the same language",
                )
                continue
            linked = graph.page_at(page.lang, resolved)
            if linked is None:
                yield _finding(
                    page,
                    link.line,
                    f"link {target!r}: docs/{page.lang}/{resolved} does not exist",
                    "check the path; it is relative to this page's folder",
                )
            elif anchor and linked.error is None and anchor not in anchors_of(linked):
                yield _finding(
                    page,
                    link.line,
                    f"link {target!r}: no anchor #{anchor} on {linked.display_path}",
                    _anchor_hint(anchors_of(linked)),
                )


def _asset_exists(graph: Graph, page: Page, path_part: str) -> bool:
    """Images and files may live beside the page or in docs/assets/ (shared by languages).

    os.path.isfile answers False for a name the system refuses (longer than 255 bytes, or
    with a NUL from `%00`), where Path.is_file raised OSError for the first.
    """
    docs = graph.config.docs_dir
    base = posixpath.dirname(posixpath.join(page.lang, page.rel_path))
    return os.path.isfile(docs / posixpath.normpath(posixpath.join(base, path_part)))


def _anchor_hint(available: frozenset[str]) -> str:
    shown = ", ".join(sorted(available)[:8])
    return f"anchors on that page: {shown}" if shown else "that page has no headings"


def _finding(page: Page, line: int, message: str, hint: str) -> Finding:
    return Finding(page.display_path, line, CODE, message, hint, rule=SLUG)
