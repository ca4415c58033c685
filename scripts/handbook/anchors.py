"""Which `#anchors` a page has, computed from its Markdown the way the build computes them.

The site uses Python-Markdown's toc extension with `pymdownx.slugs.slugify(case="lower")`,
which keeps æ, ø and å. Explicit ids (`## TEN-T { #ten-t }`, or an attribute list on any
block) win over slugs. Repeated slugs get `_1`, `_2` as in the toc extension.
"""

from __future__ import annotations

import html
import re
from functools import partial

from pymdownx.slugs import slugify

from .model import Page, strip_attr_list

slug = partial(slugify(case="lower"), sep="-")

_EXPLICIT_ID = re.compile(r"\{:?[^}]*?#([\w-]+)[^}]*\}")
_LINK_OR_IMAGE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|(?<!\w)_{1,3})(\S(?:.*?\S)?)\1")
_ESCAPE = re.compile(r"\\(.)")


_MARKUP = re.compile(r"[\[*_`\\&{<]")


def heading_text(markdown: str) -> str:
    """The plain text of a heading's Markdown, as the toc extension sees it."""
    if not _MARKUP.search(markdown):
        return markdown  # most headings are plain words: nothing to strip
    text = strip_attr_list(markdown)
    text = _LINK_OR_IMAGE.sub(lambda m: m.group(1), text)
    text = _EMPHASIS.sub(lambda m: m.group(2), text).replace("`", "")
    return html.unescape(_ESCAPE.sub(r"\1", text))


def page_anchors(page: Page, extra: tuple[str, ...] = ()) -> frozenset[str]:
    """All anchors a page will have once built, plus the `extra` ones a hook adds."""
    found: set[str] = set(extra)
    for heading in page.headings:
        explicit = _EXPLICIT_ID.search(heading.text)
        if explicit:
            found.add(explicit.group(1))
            continue
        base = slug(heading_text(heading.text))
        candidate, counter = base, 0
        while candidate in found:
            counter += 1
            candidate = f"{base}_{counter}"
        found.add(candidate)
    if "{" in page.markdown:
        found.update(match.group(1) for match in _EXPLICIT_ID.finditer(page.markdown))
    return frozenset(found)
