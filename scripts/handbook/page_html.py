"""The HTML the build makes of a page's Markdown, for the check to look at.

The check renders each page with the Markdown extensions and options of mkdocs.yml
(config.MarkdownSettings), as MkDocs does, so it sees the elements and attributes the
build will publish. The hooks' additions (related sections, notices) are left out: they
are made from other pages' titles and the interface words, which rules check where they
are written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import markdown

from . import safe_html
from .config import MarkdownSettings


class RenderError(Exception):
    """The Markdown extensions of mkdocs.yml cannot be loaded (a configuration problem)."""


def renderer(settings: MarkdownSettings) -> Callable[[str], str]:
    """A function from Markdown to HTML, with one converter reused for every page."""
    try:
        converter = markdown.Markdown(
            extensions=list(settings.extensions), extension_configs=settings.options
        )
    except Exception as error:  # an extension's own error type, or ImportError
        raise RenderError(f"the Markdown extensions in mkdocs.yml do not load: {error}") from None

    def render(text: str) -> str:
        converter.reset()
        return converter.convert(text)

    return render


# Problems placed by line on one page; a page with more gets one finding for the rest.
# Each placement renders the page a few times, and a hostile page can have thousands.
PLACED_PER_PAGE = 10


def located_problems(
    body: str, render: Callable[[str], str]
) -> list[tuple[safe_html.Problem, int]]:
    """What the sanitiser removes from the rendered page, each with the 0-based line of the
    body that brings it in.

    HTML carries no source lines, so each problem is placed by bisection: the first line
    whose prefix of the page, rendered alone, already has the problem (its n-th copy for the
    n-th). A reference definition at the end of a page is found where the bad address is
    written. Only pages with problems pay for it, a few renders each, for at most
    PLACED_PER_PAGE of them; the last one placed counts the rest.
    """
    found = safe_html.problems(render(body))
    if not found:
        return []
    lines = body.split("\n")
    counted: dict[int, Counter[safe_html.Problem]] = {len(lines): Counter(found)}

    def count(prefix: int, problem: safe_html.Problem) -> int:
        if prefix not in counted:
            counted[prefix] = Counter(safe_html.problems(render("\n".join(lines[:prefix]))))
        return counted[prefix][problem]

    located: list[tuple[safe_html.Problem, int]] = []
    seen: Counter[safe_html.Problem] = Counter()
    for index, problem in enumerate(found):
        if index == PLACED_PER_PAGE:
            # Said with the last one placed: findings on one line count as one.
            last, line = located[-1]
            more = f"; and {len(found) - index} more things the site does not publish"
            located[-1] = (safe_html.Problem(last.message + more, last.hint), line)
            break
        seen[problem] += 1
        low, high = 1, len(lines)
        while low < high:
            middle = (low + high) // 2
            if count(middle, problem) >= seen[problem]:
                high = middle
            else:
                low = middle + 1
        located.append((problem, low - 1))
    return located
