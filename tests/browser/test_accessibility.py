"""WCAG 2.1 AA in a real browser: axe-core on every page of both languages (and with the
search dialog open), keyboard use, and visible focus.

axe-core comes with the PyPI package axe-playwright-python (its bundled axe.min.js); the
tests inject it into each page and run the WCAG 2.0/2.1 A and AA rules plus best practices.
"""

from __future__ import annotations

from importlib.resources import files

import pytest

from searchbox import search

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
AXE_SCRIPT = files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def axe_violations(page) -> list[str]:
    # Evaluated, not added as a <script>: the site's Content Security Policy blocks inline
    # scripts it has no hash for, and the test must not weaken the policy it runs under.
    page.evaluate(f"{AXE_SCRIPT}\n;void 0")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in result["violations"]
    ]


def built_pages(site_dir) -> list[str]:
    pages = sorted(
        p.relative_to(site_dir).parent.as_posix()
        for p in site_dir.rglob("index.html")
        if "assets" not in p.parts
    )
    return [("" if p == "." else p + "/") for p in pages]


def test_there_are_pages_in_both_languages(served_site) -> None:
    pages = built_pages(served_site.site_dir)
    assert len([p for p in pages if p.startswith("en/")]) >= 37
    assert len([p for p in pages if not p.startswith("en/")]) >= 37


def pytest_generate_tests(metafunc) -> None:
    if "site_page" in metafunc.fixturenames:
        from pathlib import Path

        docs = Path(__file__).resolve().parents[2] / "docs"
        rels = sorted(p.relative_to(docs / "nb").as_posix() for p in (docs / "nb").rglob("*.md"))
        urls = [
            prefix + (r[: -len("index.md")] if r.endswith("index.md") else r[:-3] + "/")
            for prefix in ("", "en/")
            for r in rels
        ]
        metafunc.parametrize("site_page", urls)


def test_axe_finds_no_violations(reading_page, served_site, site_page) -> None:
    reading_page.goto(served_site.url(site_page), wait_until="load")
    assert axe_violations(reading_page) == []


@pytest.mark.parametrize(("path", "query"), [("", "TEN-T"), ("en/", "renewable energy")])
def test_axe_with_search_open(page, served_site, path, query) -> None:
    assert search(page, served_site.base_url, path, query)
    assert axe_violations(page) == []


def test_axe_on_the_404_page(page, served_site) -> None:
    """The page a host such as GitHub Pages shows for an unknown address."""
    page.goto(served_site.url("404.html"))
    assert axe_violations(page) == []


def test_skip_link_moves_to_the_content(page, served_site) -> None:
    page.goto(served_site.url("prioriteringer/po3/"))
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.className")
    assert "md-skip" in skip
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    assert page.evaluate("decodeURIComponent(location.hash)") == target


def test_search_works_from_the_keyboard(page, served_site) -> None:
    page.goto(served_site.url())
    page.keyboard.press("/")
    assert "md-search__input" in page.evaluate("document.activeElement.className")
    page.keyboard.type("PO3", delay=25)
    page.locator(".md-search-result__link").first.wait_for()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href') || ''")
    assert "prioriteringer/po3/" in focused
    page.keyboard.press("Enter")
    page.wait_for_url("**/prioriteringer/po3/**")


def test_focus_is_always_visible(page, served_site) -> None:
    page.goto(served_site.url("sarskilte-mal/3-2/"))
    seen = 0
    for _ in range(40):
        page.keyboard.press("Tab")
        style = page.evaluate(
            """() => { const e = document.activeElement; if (!e || e === document.body) return null;
               const s = getComputedStyle(e);
               return {tag: e.tagName, text: (e.textContent || '').trim().slice(0, 30),
                       outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
                       shadow: s.boxShadow} }"""
        )
        if style is None:
            continue
        seen += 1
        visible = (style["outline"] not in ("none", "") and style["width"] >= 2) or (
            style["shadow"] not in ("none", "")
        )
        assert visible, f"no visible focus on {style}"
    assert seen >= 20
