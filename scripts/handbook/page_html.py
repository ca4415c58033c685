"""The HTML the build makes of a page's Markdown, for the check to look at.

The check renders each page with the Markdown extensions and options of mkdocs.yml
(config.MarkdownSettings), as MkDocs does, so it sees the elements and attributes the
build will publish. The hooks' additions (related sections, notices) are left out: they
are made from other pages' titles and the interface words, which rules check where they
are written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

import markdown

from . import safe_html
from .config import MarkdownSettings
from .messages import Text


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
PLACED_PER_PAGE = 10
# Placing by rendering renders at most this many characters in all (40 times the longest
# real page): a page within the renderer limits (HB013) can still take a second to render.
RENDER_BUDGET = 200_000


def _more(count: int) -> Text:
    """The sentence that counts the problems not placed, said with the last one placed."""
    if count == 1:
        return Text(
            "Siden har også én ting til som nettstedet ikke publiserer.",
            "The page also has one more thing the site does not publish.",
        )
    return Text(
        f"Siden har også {count} andre ting som nettstedet ikke publiserer.",
        f"The page also has {count} more things the site does not publish.",
    )


def located_problems(
    body: str, render: Callable[[str], str], searchable: str | None = None
) -> list[tuple[safe_html.Problem, int]]:
    """What the sanitiser removes from the rendered page, each with the 0-based line of the
    body that brings it in.

    HTML carries no source lines. An element or attribute whose name is written as it is
    (`<script`, `onclick=`) is placed at the next place the name is written in
    `searchable` (the body with code blanked out). Anything else, an address that may be
    encoded, is placed by bisection: the first line whose prefix of the page, rendered
    alone, already has the problem (its n-th copy for the n-th); a reference definition at
    the end of a page is found where the bad address is written. Rendering for that stops
    after RENDER_BUDGET characters, after which a problem is placed at the first line. At
    most PLACED_PER_PAGE problems are placed; the last one placed counts the rest.
    """
    found = safe_html.problems(render(body))
    if not found:
        return []
    text = body if searchable is None else searchable
    lines = body.split("\n")
    counted: dict[int, Counter[safe_html.Problem]] = {len(lines): Counter(found)}
    budget = RENDER_BUDGET

    def count(prefix: int, problem: safe_html.Problem) -> int | None:
        nonlocal budget
        if prefix not in counted:
            part = "\n".join(lines[:prefix])
            budget -= len(part)
            if budget < 0:
                return None
            counted[prefix] = Counter(safe_html.problems(render(part)))
        return counted[prefix][problem]

    located: list[tuple[safe_html.Problem, int]] = []
    seen: Counter[safe_html.Problem] = Counter()
    written_at: dict[str, list[int]] = {}  # pattern -> offsets in `text` not yet used
    for index, problem in enumerate(found):
        if index == PLACED_PER_PAGE:
            # Said with the last one placed: findings on one line count as one.
            last, line = located[-1]
            located[-1] = (
                safe_html.Problem(last.message + _more(len(found) - index), last.hint),
                line,
            )
            break
        seen[problem] += 1
        if problem.written:
            if problem.written not in written_at:
                pattern = re.compile(problem.written, re.IGNORECASE)
                written_at[problem.written] = [m.start() for m in pattern.finditer(text)]
            if written_at[problem.written]:
                offset = written_at[problem.written].pop(0)
                located.append((problem, text.count("\n", 0, offset)))
                continue
        # Problems come in the order of the page: this one is not above the last placed.
        low, high = (located[-1][1] + 1 if located else 1), len(lines)
        while low < high:
            middle = (low + high) // 2
            have = count(middle, problem)
            if have is None:
                low = 1
                break
            if have >= seen[problem]:
                high = middle
            else:
                low = middle + 1
        located.append((problem, low - 1))
    return located
