"""Drive the search box as a reader does: open it with the keyboard, type the query key by
key and read the result list (Material's dialog markup, which the handbook's search keeps;
benchmarks/search_quality.py measures the same way, with timing)."""

from __future__ import annotations

from search_quality import site_path

RESULT_LINKS = ".md-search-result__list > .md-search-result__item > .md-search-result__link"


def search(page, base_url: str, path: str, query: str, *, settle_ms: int = 400) -> list[str]:
    """Result pages for `query` typed on `path`, best first, as site-relative paths.

    Material lists a page and then its matching sections; each page counts once.
    """
    page.goto(base_url + path.lstrip("/"))
    page.wait_for_load_state("load")
    page.keyboard.press("/")
    page.locator(".md-search__input").wait_for(state="visible")
    page.keyboard.type(query, delay=25)
    # Results arrive asynchronously; wait until the list has settled for settle_ms.
    previous: list[str] | None = None
    for _ in range(40):
        page.wait_for_timeout(settle_ms // 2)
        current = [
            site_path(href, base_url)
            for href in page.locator(RESULT_LINKS).evaluate_all("els => els.map(e => e.href)")
        ]
        if current and current == previous:
            return list(dict.fromkeys(current))  # one entry per page, best first
        previous = current
    return previous or []
