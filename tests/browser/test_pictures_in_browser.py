"""The relation pictures in Chromium with the site's own font: every label fits its box at
a phone's width and on a desktop, the text stays readable on a phone, a box leads to its
page, and the page passes axe at 390 px."""

from __future__ import annotations

import pytest
from test_accessibility import axe_violations

PAGES = [
    "sammenhenger/",
    "en/sammenhenger/",
    "prioriteringer/po1/",
    "prioriteringer/po3/",
    "en/prioriteringer/po2/",
    "en/prioriteringer/po4/",
]

# For each label: how far its text reaches past its box (0 when it fits), and its size on
# the screen. getBBox measures the text as drawn, in the font the browser really uses.
_MEASURE = """() => Array.from(document.querySelectorAll('.handbook-picture a')).map(a => {
  const box = a.querySelector('rect').getBBox();
  const text = a.querySelector('text').getBBox();
  const scale = a.ownerSVGElement.getScreenCTM().a;
  return {
    node: a.dataset.node,
    overflow: Math.max(0, box.x - text.x, box.y - text.y,
      text.x + text.width - (box.x + box.width), text.y + text.height - (box.y + box.height)),
    fontPx: parseFloat(getComputedStyle(a.querySelector('text')).fontSize) * scale,
  };
})"""


def _phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    return context, context.new_page()


@pytest.mark.parametrize("path", PAGES)
def test_every_label_fits_its_box_and_stays_readable_on_a_phone(browser, served_site, path):
    context, page = _phone(browser)
    try:
        page.goto(served_site.url(path))
        page.evaluate("document.fonts.ready")
        assert page.evaluate("document.fonts.check('13px \"Oslo Sans\"')")
        labels = page.evaluate(_MEASURE)
        assert labels, f"no picture on {path}"
        assert [label["node"] for label in labels if label["overflow"] > 0.5] == []
        assert min(label["fontPx"] for label in labels) >= 12.5
        # The picture fits the screen: no sideways scrolling to read it.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390
    finally:
        context.close()


def test_a_box_leads_to_its_page(page, served_site) -> None:
    page.goto(served_site.url("en/sammenhenger/"))
    page.locator('.handbook-picture a[data-node="so-3-2"]').click()
    page.wait_for_url("**/en/sarskilte-mal/3-2/")
    assert page.locator("h1").inner_text().startswith("3.2")


def test_the_relations_page_passes_axe_on_a_phone(browser, served_site) -> None:
    context, page = _phone(browser)
    try:
        for path in ("sammenhenger/", "en/prioriteringer/po3/"):
            page.goto(served_site.url(path))
            assert axe_violations(page) == [], path
    finally:
        context.close()
