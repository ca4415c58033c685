"""A pull request's preview, as a reader opens it: every page says it is a preview, in the
page's language, above the header, readable (axe, WCAG 2.1 AA), and asks search engines to
leave it out. Built as check.yml builds a preview: HANDBOOK_PREVIEW is the pull request's
number."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import ServedSite, _build_and_serve
from test_accessibility import axe_violations

NOTICES = {
    "": "Dette er en forhåndsvisning av en foreslått endring (pull request #12), ikke den "
    "publiserte håndboka.",
    "en/": "This is a preview of a proposed change (pull request #12), not the published handbook.",
    "prioriteringer/po3/": "Dette er en forhåndsvisning av en foreslått endring (pull request "
    "#12), ikke den publiserte håndboka.",
}


@pytest.fixture(scope="module")
def preview_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    yield from _build_and_serve(tmp_path_factory.mktemp("preview-site"), HANDBOOK_PREVIEW="12")


@pytest.mark.parametrize("path", NOTICES)
def test_every_page_says_it_is_a_preview(page, preview_site, path) -> None:
    page.goto(preview_site.url(path))
    notice = page.locator(".handbook-preview-notice")
    assert notice.inner_text() == NOTICES[path]
    assert notice.is_visible()
    # Above the header, where a reader sees it first.
    assert notice.bounding_box()["y"] < page.locator("header").bounding_box()["y"]
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex"
    assert axe_violations(page) == []
