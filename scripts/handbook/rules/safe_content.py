"""Content is safe to publish: no scripts, frames, embedded objects, event handlers or
`javascript:` URLs in Markdown.

Pages arrive as pull requests from many hands, and Markdown passes raw HTML through. The
site needs none of these, so any of them is an error, whatever it is meant to do.
Code blocks and inline code are exempt: they are shown, not run.

PASS: ```` ```html <script>…</script> ``` ```` (inside a code block).
FAIL (HB010): ``<script src="…">``, ``<iframe>``, ``<object>``, ``<embed>``,
``<a onclick="…">``, ``[x](javascript:alert(1))``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..model import Graph

CODE = "HB010"
SLUG = "safe-content"

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"<\s*(script|iframe|object|embed|frame|frameset|applet|base)\b", re.I),
        "raw <{0}> element",
    ),
    (re.compile(r"<[a-z][^>]*?\s(on[a-z]+)\s*=", re.I), "event handler attribute {0}="),
    (re.compile(r"((?:java|vb)script)\s*:", re.I), "{0}: URL"),
)
_URL_CONTEXT = re.compile(
    r"(\]\(\s*<?|(?:href|src|action)\s*=\s*[\"']?\s*|^\s*\[[^\]]+\]:\s*)$", re.I
)


def check(graph: Graph) -> Iterator[Finding]:
    for page in graph.pages:
        if page.error is not None:
            continue
        text = page.markdown
        lowered = text.lower()
        if "<" not in text and "script" not in lowered:
            continue  # the common case, decided without running any pattern
        for index, (pattern, template) in enumerate(_PATTERNS):
            if (index < 2 and "<" not in text) or (index == 2 and "script" not in lowered):
                continue
            for match in pattern.finditer(text):
                if index == 2:
                    line_start = text.rfind("\n", 0, match.start()) + 1
                    if not _URL_CONTEXT.search(text[line_start : match.start()]):
                        continue  # the word "javascript" in prose is fine; a URL is not
                yield Finding(
                    page.display_path,
                    page.line_at(match.start()),
                    CODE,
                    template.format(match.group(1).lower()) + " in Markdown",
                    "remove it: pages may not run scripts or embed other sites",
                    rule=SLUG,
                )
