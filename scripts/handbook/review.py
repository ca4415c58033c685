"""When a page's facts were last checked against its sources, and when they are due again.

The model is GOV.UK's tech docs (`last_reviewed_on`, `review_in`): each page says
`last_reviewed: 2026-12-02` and `review_in: 6 months`. The page shows the date apart from
its edit date (an edit that fixes a typo is not a check of the facts), a notice once the
check is due, and `python -m handbook review` lists what is due.

Translations take both from their default-language page, as they take its relations: the
facts are the same, and checking them is one job.
"""

from __future__ import annotations

import calendar
import os
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from .messages import DEFAULT_LANGUAGE, Text, code, yaml_value
from .model import Graph, Page

# "Today" is Oslo's date. HANDBOOK_TODAY=2027-06-02 asks what will be due on that day
# (and lets the tests fix the date).
TIME_ZONE = ZoneInfo("Europe/Oslo")
TODAY_VARIABLE = "HANDBOOK_TODAY"
# A page is "due" this many days before its review date, so there is time to do it.
DUE_SOON = timedelta(days=30)
# Longer than this is no review date at all.
MAX_INTERVAL_MONTHS = 5 * 12

_UNITS: dict[str, tuple[int, int]] = {  # name -> (months, days) per unit
    **dict.fromkeys(("day", "days", "dag", "dager", "døgn"), (0, 1)),
    **dict.fromkeys(("week", "weeks", "uke", "uker"), (0, 7)),
    **dict.fromkeys(("month", "months", "måned", "måneder", "mnd"), (1, 0)),
    **dict.fromkeys(("year", "years", "år"), (12, 0)),
}
_INTERVAL = re.compile(r"\s*+(\d{1,4})\s*+([^\W\d_]++)\s*+\Z")

Status = Literal["current", "due", "overdue"]


class TodayError(ValueError):
    """HANDBOOK_TODAY is set to something that is not a date (a usage error, exit 2)."""


class ReviewError(ValueError):
    """A page's review fields are missing or not what they should be.

    `key` is the front-matter key to point at, `message` what is wrong and `hint` what to
    write instead, both in both languages; `str(error)` is the message in Norwegian.
    """

    def __init__(self, key: str, message: Text, hint: Text) -> None:
        super().__init__(message(DEFAULT_LANGUAGE))
        self.key = key
        self.message = message
        self.hint = hint


CHECKED_EXAMPLE = Text(
    "Skriv dagen faktaene ble sjekket, for eksempel `last_reviewed: 2026-12-02`.",
    "Write the day the facts were checked, for example `last_reviewed: 2026-12-02`.",
)


@dataclass(frozen=True)
class Review:
    """A page's review dates."""

    last_reviewed: date
    due: date

    def status(self, today: date) -> Status:
        if today > self.due:
            return "overdue"
        if today >= self.due - DUE_SOON:
            return "due"
        return "current"


def today() -> date:
    """Today in Oslo, or the date in HANDBOOK_TODAY (YYYY-MM-DD) when it is set."""
    fixed = os.environ.get(TODAY_VARIABLE)
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            raise TodayError(f"{TODAY_VARIABLE}={fixed!r} is not a date like 2027-06-02") from None
    return datetime.now(TIME_ZONE).date()


def add_interval(start: date, months: int, days: int) -> date:
    """`start` plus months (on the same day of the month, or the month's last) and days."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) + timedelta(days=days)


def parse_interval(text: str) -> tuple[int, int]:
    """(months, days) of `6 months`, `1 year`, `12 uker`; ValueError for anything else."""
    match = _INTERVAL.match(text)
    unit = _UNITS.get(match.group(2).lower()) if match else None
    if match is None or unit is None or int(match.group(1)) == 0:
        raise ValueError(text)
    count = int(match.group(1))
    months, days = unit[0] * count, unit[1] * count
    if months + days / 30 > MAX_INTERVAL_MONTHS:
        raise ValueError(text)
    return months, days


def review_of(page: Page) -> Review:
    """The review dates a page declares; ReviewError says what is missing or wrong."""
    last = page.meta.get("last_reviewed")
    if last is None:
        raise ReviewError(
            "id",
            Text(
                "Siden sier ikke når faktaene sist ble sjekket.",
                "The page does not say when its facts were last checked.",
            ),
            Text(
                "Legg til `last_reviewed: ÅÅÅÅ-MM-DD` med dagen du sjekket siden mot kildene, "
                "for eksempel `last_reviewed: 2026-12-02`.",
                "Add `last_reviewed: YYYY-MM-DD` with the day you checked the page against its "
                "sources, for example `last_reviewed: 2026-12-02`.",
            ),
        )
    if isinstance(last, datetime) or not isinstance(last, date | str):
        raise _not_a_date(page, last)
    if isinstance(last, str):
        try:
            last = date.fromisoformat(last.strip())
        except ValueError:
            raise _not_a_date(page, last) from None
    interval = page.meta.get("review_in")
    if interval is None:
        raise ReviewError(
            "last_reviewed",
            Text(
                "Siden sier ikke når faktaene skal sjekkes igjen.",
                "The page does not say when its facts are due for a new check.",
            ),
            Text(
                "Legg til `review_in: 6 måneder` på linjen under, eller `review_in: 12 måneder` "
                "for fakta som sjelden endres.",
                "Add `review_in: 6 months` on the line below, or `review_in: 12 months` for "
                "facts that rarely change.",
            ),
        )
    try:
        months, days = parse_interval(str(interval))
    except ValueError:
        years = MAX_INTERVAL_MONTHS // 12
        written = code(_as_written(page, "review_in", interval))
        raise ReviewError(
            "review_in",
            Text(
                f"`review_in` må være et tall og en enhet, ikke {written}.",
                f"`review_in` must be a number and a unit, not {written}.",
            ),
            Text(
                "Skriv for eksempel `review_in: 6 måneder` eller `review_in: 12 måneder`. "
                f"Det kan være høyst {years} år.",
                "Write for example `review_in: 6 months` or `review_in: 12 months`. It can "
                f"be {years} years at most.",
            ),
        ) from None
    try:
        due = add_interval(last, months, days)
    except (ValueError, OverflowError):  # past the year 9999, the last a date can have
        written = code(_as_written(page, "review_in", interval))
        raise ReviewError(
            "last_reviewed",
            Text(
                f"`last_reviewed` {last.isoformat()} pluss {written} blir etter år 9999.",
                f"`last_reviewed` {last.isoformat()} plus {written} is past the year 9999.",
            ),
            CHECKED_EXAMPLE,
        ) from None
    return Review(last, due)


def _as_written(page: Page, key: str, value: object) -> str:
    """A front-matter value as the page writes it (`soon`, `yes`), not as Python has it."""
    written = page.key_text(key).partition(":")[2].strip()
    return written or yaml_value(value)


def _not_a_date(page: Page, value: object) -> ReviewError:
    written = code(_as_written(page, "last_reviewed", value))
    return ReviewError(
        "last_reviewed",
        Text(
            f"`last_reviewed` må være en dato, ikke {written}.",
            f"`last_reviewed` must be a date, not {written}.",
        ),
        Text(
            "Skriv dagen som ÅÅÅÅ-MM-DD, for eksempel `last_reviewed: 2026-12-02`.",
            "Write the day as YYYY-MM-DD, for example `last_reviewed: 2026-12-02`.",
        ),
    )


def review_for(graph: Graph, page: Page) -> Review | None:
    """The review dates that hold for a page: its default-language page's, which a
    translation takes over. None when they are missing or wrong (the check says why)."""
    source = graph.page(page.id) if page.id else None
    try:
        return review_of(source or page)
    except ReviewError:
        return None


@dataclass(frozen=True)
class DuePage:
    """A page whose facts are due for a check (or overdue), or whose dates are missing."""

    page: Page
    review: Review | None  # None: the review dates are missing or wrong

    def overdue(self, today: date) -> bool:
        return self.review is None or self.review.due < today


def due_pages(graph: Graph, today: date) -> list[DuePage]:
    """Default-language pages due for review within DUE_SOON, or overdue, soonest first.

    Translations take their dates from their default-language page, so each page is
    listed once. A handbook that keeps no sources has no review dates (as rule HB015).
    """
    if not graph.sources.present:
        return []
    listed = []
    for page in graph.nodes:
        if page.error is not None:
            continue
        try:
            review = review_of(page)
        except ReviewError:
            listed.append(DuePage(page, None))
            continue
        if review.status(today) != "current":
            listed.append(DuePage(page, review))
    return sorted(
        listed,
        key=lambda item: (item.review.due if item.review else date.min, item.page.display_path),
    )
