"""The notice that a page's facts may be out of date appears in the reader's browser once
the review date has passed, also on a page built before it (review-dates.js), and the page
with the notice still passes axe."""

from __future__ import annotations

from datetime import datetime

from test_accessibility import axe_violations

NOTICE = ".handbook-review-notice"


def _due(page) -> str:
    return page.locator(NOTICE).get_attribute("data-review-due")


def test_the_notice_stays_hidden_until_the_review_date(page, served_site) -> None:
    page.goto(served_site.url("interreg-oks/nokkelfakta/"))
    due = _due(page)
    page.clock.set_fixed_time(datetime.fromisoformat(due + "T12:00:00"))
    page.reload()
    assert page.locator(NOTICE).is_hidden()
    assert page.locator(".handbook-facts").is_visible()


def test_the_notice_shows_the_day_after_in_both_languages(page, served_site) -> None:
    for path, title in [
        ("interreg-oks/nokkelfakta/", "Faktaene kan være utdatert"),
        ("en/interreg-oks/nokkelfakta/", "The facts may be out of date"),
    ]:
        page.goto(served_site.url(path))
        due = datetime.fromisoformat(_due(page))
        page.clock.set_fixed_time(datetime.fromordinal(due.toordinal() + 1).replace(hour=8))
        page.reload()
        notice = page.locator(NOTICE)
        assert notice.is_visible(), path
        assert notice.locator(".admonition-title").inner_text() == title
        # Above the title, where a reader sees it before reading the facts.
        assert notice.bounding_box()["y"] < page.locator("h1").bounding_box()["y"]
        assert axe_violations(page) == []
