"""The start page's two routes work in both languages, on a desktop and on a phone: a
reader who follows a route step by step reaches each page it promises, and the key facts
are one click from the start page."""

from __future__ import annotations

import pytest

# (language root, route heading's anchor, the page the route must lead to first)
ROUTES = [
    ("", "forklare", "hovedmal/"),
    ("", "vurdere", "interreg-oks/for-du-gar-inn/"),
    ("en/", "explain", "en/hovedmal/"),
    ("en/", "weigh", "en/interreg-oks/for-du-gar-inn/"),
]
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}

# The links of the numbered list that follows the route's heading.
_STEPS = """anchor => {
  let element = document.getElementById(anchor).nextElementSibling;
  while (element && element.tagName !== 'OL') element = element.nextElementSibling;
  return element ? Array.from(element.querySelectorAll(':scope > li')).map(li => {
    const link = li.querySelector('a');
    return {text: link.textContent.trim(), href: link.href};
  }) : [];
}"""


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def reader(request, browser):
    """One tab per screen size, for all four routes: a reader's cache is warm after the
    first page, so the walk spends its time on the steps rather than on fonts."""
    width, height = VIEWPORTS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("root", "anchor", "first"), ROUTES)
def test_a_reader_can_walk_each_route_from_the_start_page(
    reader, served_site, root, anchor, first
) -> None:
    page = reader
    page.goto(served_site.url(root))
    steps = page.evaluate(_STEPS, anchor)
    assert len(steps) >= 3, f"the route #{anchor} has {len(steps)} steps"
    assert steps[0]["href"] == served_site.url(first)
    for number, step in enumerate(steps):
        if number:
            page.go_back()
        page.locator(f"#{anchor} ~ ol > li").nth(number).locator("a").first.click()
        page.wait_for_url(step["href"])
        # The reader lands on the page the step names, in the language they read.
        heading = page.locator("h1").first.inner_text()
        assert heading.casefold().startswith(step["text"].casefold()), (heading, step)
        assert page.locator("html").get_attribute("lang") == ("en" if root else "nb")


@pytest.mark.parametrize(("root", "facts"), [("", "Nøkkelfakta"), ("en/", "Key facts")])
def test_the_key_facts_are_one_click_from_the_start_page(page, served_site, root, facts):
    page.goto(served_site.url(root))
    page.locator("article").get_by_role("link", name=facts, exact=True).first.click()
    page.wait_for_url(served_site.url(f"{root}interreg-oks/nokkelfakta/"))
