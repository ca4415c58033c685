"""Content is safe to publish: the page's HTML passes the sanitiser unchanged.

Pages arrive as pull requests from many hands, and Markdown passes raw HTML, attribute
lists (`{: onclick=... }`) and any link address through. The check renders each page as the
build does and runs the HTML through the allowlist the build publishes with
(`handbook/safe_html.py`); whatever it would remove is an error here, at the line that
brings it in, and a strict build stops on the same finding. Code blocks and inline code are
shown, not run, and pass. A page over a renderer limit (HB013) is not rendered here, as
the build does not render it either. What a page text gave is kept between runs (content_cache), so
only changed pages are rendered again.

PASS: ``<span lang="sv">specifikt mål</span>``, ``[EUR-Lex](https://eur-lex.europa.eu/)``,
```` ```html <script>…</script> ``` ```` (inside a code block).
FAIL (HB010): ``<script>``, ``<iframe>``, ``<style>``, ``<form>``, ``<meta http-equiv=…>``,
``<a onclick="…">``, ``{: onclick="…" }``, ``[x](javascript:alert(1))`` however it is
encoded, ``http://`` links, images or fonts from other sites, ``id="__config"``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..content_cache import ContentCache
from ..findings import Finding
from ..model import Graph
from ..page_html import located_problems, renderer
from .limits import excesses

CODE = "HB010"
SLUG = "safe-content"


def check(graph: Graph) -> Iterator[Finding]:
    settings = graph.config.markdown
    cache = ContentCache(graph.config.root, settings)
    render = None
    for page in graph.pages:
        if page.error is not None:
            continue
        found = cache.get(page.body)
        if found is None:
            if excesses(page):
                continue  # not rendered: HB013 reports the page first
            render = render or renderer(settings)
            found = [
                (problem.message, problem.hint, offset)
                for problem, offset in located_problems(page.body, render, page.markdown)
            ]
            cache.put(page.body, found)
        for message, hint, offset in found:
            yield Finding(
                page.display_path, page.body_line + offset, CODE, message, hint, rule=SLUG
            )
    cache.save(keep={cache.key(page.body) for page in graph.pages})
