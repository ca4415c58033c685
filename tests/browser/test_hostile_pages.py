"""The hostile payloads (tests/hostile_payloads.py) in a non-strict build, which publishes
despite the errors: none of them does anything in a reader's browser.

For each payload the test loads its page, hovers and clicks what the payload added (found
by its marker), moves the focus, and then looks for every effect: a script that ran, a
dialog, a request to another site, a navigation, a hidden article, or an element or
attribute the sanitiser should have removed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from hostile_payloads import PAYLOADS, plant
from static_server import free_port, serve

from helpers import PROJECT_PARTS, copy_project, strict_build

SITE_PATH = "/handbok/"  # as on GitHub Pages (see conftest.py)

LEFT_OVER = """() => {
  const found = [];
  for (const el of document.querySelectorAll("article *")) {
    const tag = el.tagName.toLowerCase();
    // The build's own relation pictures (relation_pictures.py) are the one SVG allowed
    // (in a <figure>, or a <div> on the print page); their attributes and addresses are
    // still checked below, like every element's.
    const picture = el.matches(".handbook-picture > svg.handbook-picture__svg");
    if (["script", "style", "iframe", "object", "embed", "form", "svg", "math", "base",
         "meta", "link", "noscript", "template"].includes(tag) && !picture) found.push(tag);
    for (const attribute of el.getAttributeNames()) {
      if (attribute.startsWith("on") || attribute === "style") found.push(`${tag}[${attribute}]`);
    }
    const address = el.getAttribute("href") || el.getAttribute("src") || "";
    if (/^\\s*(javascript|data|vbscript):/i.test(address)) found.push(`${tag} ${address}`);
  }
  for (const el of document.querySelectorAll("base, meta[http-equiv]")) {
    if (el.getAttribute("http-equiv") !== "Content-Security-Policy") found.push(el.outerHTML);
  }
  return found;
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("hostile-site"), PROJECT_PARTS)
    planted = {p.payload.marker: p for p in plant(root)}
    port = free_port()
    base_url = f"http://127.0.0.1:{port}{SITE_PATH}"
    completed = strict_build(root, root / "site", "--no-strict", SITE_URL=base_url)
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "Traceback" not in completed.stderr
    with serve(root / "site", port, SITE_PATH) as served:
        yield served, planted


@pytest.fixture(scope="module")
def hostile_tab(browser):
    """One tab for all payloads, as a reader clicking through has: the site's stylesheets,
    scripts and fonts come from its cache after the first page. Each test loads its page
    afresh, so no state carries over."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(2000)  # for hovering and clicking; pages load in their own time
    page.set_default_navigation_timeout(30_000)
    yield page
    context.close()


@contextmanager
def _watching(page) -> Iterator[tuple[list[str], list[str]]]:
    """Every request the page makes and every dialog it opens (dismissed), while inside."""
    requests: list[str] = []
    dialogs: list[str] = []

    def on_request(request) -> None:
        requests.append(request.url)

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("request", on_request)
    page.on("dialog", on_dialog)
    try:
        yield requests, dialogs
    finally:
        page.remove_listener("request", on_request)
        page.remove_listener("dialog", on_dialog)


@pytest.mark.parametrize("marker", [p.marker for p in PAYLOADS])
def test_the_payload_does_nothing(hostile_tab, hostile_site, marker) -> None:
    page = hostile_tab
    base_url, planted = hostile_site
    url = base_url + planted[marker].url
    origin = urlsplit(base_url)[:2]
    with _watching(page) as (requests, dialogs):
        _visit_and_poke(page, url, marker)

    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.url.split("#")[0] == url
    assert page.locator("article").is_visible()
    assert page.evaluate(LEFT_OVER) == []
    foreign = [r for r in requests if not r.startswith("data:") and urlsplit(r)[:2] != origin]
    assert foreign == []


def _visit_and_poke(page, url: str, marker: str) -> None:
    """Load the page, hover and click what the payload added, and move the focus."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    page.goto(url)
    page.wait_for_load_state("load")
    for element in page.locator("article").get_by_text(marker).all():
        if not element.is_visible():
            continue
        try:
            element.hover()
            # Links to other sites are allowed; following one is not the payload's doing.
            # A marker left as bare text in the article matches the article itself: a click
            # on its middle would follow whatever link of the page is there.
            if element.evaluate("e => !e.closest('a[href^=\"http\"]') && e.tagName !== 'ARTICLE'"):
                element.click(no_wait_after=True)
        except PlaywrightTimeoutError:
            pass  # covered or moving: a reader could not click it either
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)  # handlers that fire on load, focus or toggle have run


@pytest.mark.parametrize("path", ["utskrift/", "en/utskrift/"])
def test_the_print_page_with_every_payload_does_nothing(hostile_tab, hostile_site, path) -> None:
    """The print page holds every page of its language, payloads and all, rewritten
    (print_page.py): the rewrite must not bring back anything the sanitiser took out."""
    page = hostile_tab
    base_url, planted = hostile_site
    origin = urlsplit(base_url)[:2]
    with _watching(page) as (requests, dialogs):
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        page.keyboard.press("Tab")
        page.wait_for_timeout(300)
    markers = [m for m, p in planted.items() if p.url.startswith("en/") == path.startswith("en/")]
    text = page.locator("article").inner_text()
    assert any(marker in text for marker in markers), "the payloads' pages are not on it"
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert page.evaluate(LEFT_OVER) == []
    foreign = [r for r in requests if not r.startswith("data:") and urlsplit(r)[:2] != origin]
    assert foreign == []
