"""Structure every page must have for screen readers: headings in order, text alternatives
for every image, a statement page linked from every page's footer."""

from __future__ import annotations

import re
from itertools import pairwise

from helpers import built_page

HEADING = re.compile(r"<h([1-6])[\s>]")
IMG = re.compile(r"<img\b[^>]*>")


def _articles(site_dir):
    for path in sorted(site_dir.rglob("index.html")):
        if "assets" in path.parts:
            continue
        html = path.read_text(encoding="utf-8")
        start, end = html.find("<article"), html.find("</article>")
        yield path.relative_to(site_dir).as_posix(), html, html[start:end]


def test_headings_are_in_order(built_site) -> None:
    for rel, _, article in _articles(built_site.site_dir):
        levels = [int(level) for level in HEADING.findall(article)]
        assert levels and levels[0] == 1, f"{rel}: does not start with h1: {levels[:3]}"
        assert levels.count(1) == 1, f"{rel}: more than one h1"
        for before, after in pairwise(levels):
            assert after <= before + 1, f"{rel}: heading jumps from h{before} to h{after}"


def test_every_image_has_a_text_alternative(built_site) -> None:
    for rel, html, _ in _articles(built_site.site_dir):
        for tag in IMG.findall(html):
            assert re.search(r'\balt="[^"]*"', tag), f"{rel}: image without alt: {tag}"


def test_every_page_links_the_accessibility_statement(built_site) -> None:
    for rel, html, _ in _articles(built_site.site_dir):
        if rel.startswith("en/"):
            assert ">Accessibility statement</a>" in html, rel
        else:
            assert ">Tilgjengelighetserklæring</a>" in html, rel
    home = built_page(built_site.site_dir, "index.md").read_text(encoding="utf-8")
    assert 'href="om/tilgjengelighet/"' in home
