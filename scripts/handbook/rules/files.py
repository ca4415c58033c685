"""Only what the site is built from is in docs/: pages, images and the site's own assets.

MkDocs publishes every file in docs/, not only pages: an `.html` file or an SVG image with
a script reaches readers as it is, and a link (symlink) publishes whatever it points to.
So the whole tree is checked (scripts/handbook/inventory.py): docs/ holds the language
folders and assets/; a language folder holds `.md` pages and images (png, jpg, jpeg, gif,
webp, svg, avif); assets/ holds style sheets in assets/stylesheets/, the site's scripts in
assets/javascripts/, fonts, images and licence notes; an SVG image holds no scripts, event
handlers, links out of the image, styles or embedded content; there are no links at all.
The build leaves out every file this rule rejects, even when it is not strict.

PASS: ``docs/nb/bilder/kart.png``, ``docs/assets/stylesheets/oslo-theme.css``,
an SVG of paths, text and gradients.
FAIL (HB012): ``docs/nb/side.html``, ``docs/en/page.markdown``, ``docs/evil.js``,
``docs/nb/x.md`` as a symlink, an SVG with ``<script>``, ``onload=`` or
``xlink:href="javascript:…"``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..findings import Finding
from ..model import Graph

CODE = "HB012"
SLUG = "files"


def check(graph: Graph) -> Iterator[Finding]:
    config = graph.config
    docs = os.path.relpath(config.docs_dir, config.root).replace(os.sep, "/")
    for problem in graph.files.problems:
        yield Finding(
            f"{docs}/{problem.path}", problem.line, CODE, problem.message, problem.hint, rule=SLUG
        )
