"""Every page says when its facts were last checked, and when they are due again.

Pages in the default language declare ``last_reviewed`` (a date) and ``review_in`` (a
number and a unit); translations take both over. The check warns when a page is overdue
(a warning: the site still builds, and shows the reader a notice), and reports a date in
the future or a value that is not a date. Like HB014 it applies to a handbook that keeps
sources (includes/sources.yml).

PASS: ``last_reviewed: 2026-12-02`` and ``review_in: 6 months`` (or ``12 måneder``).
FAIL (HB015): no ``last_reviewed``; ``last_reviewed: 02.12.2026``; ``review_in: soon``;
``last_reviewed`` after today. WARNING: the review date has passed.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..messages import Text, code
from ..model import Graph
from ..review import ReviewError, review_of, today

CODE = "HB015"
SLUG = "review"


def check(graph: Graph) -> Iterator[Finding]:
    if not graph.sources.present:
        return
    now = today()
    checked = code(f"last_reviewed: {now.isoformat()}")
    default = graph.config.default_language
    for page in graph.pages:
        if page.error is not None or page.lang != default:
            continue
        try:
            review = review_of(page)
        except ReviewError as error:
            yield Finding(
                page.display_path,
                page.line_of(error.key),
                CODE,
                error.message,
                error.hint,
                rule=SLUG,
            )
            continue
        if review.last_reviewed > now:
            yield Finding(
                page.display_path,
                page.line_of("last_reviewed"),
                CODE,
                Text(
                    f"`last_reviewed` er {review.last_reviewed.isoformat()}, som er etter i dag.",
                    f"`last_reviewed` is {review.last_reviewed.isoformat()}, which is after today.",
                ),
                Text(
                    "Skriv dagen faktaene ble sjekket. Den kan ikke være i fremtiden.",
                    "Write the day the facts were checked, which cannot be in the future.",
                ),
                rule=SLUG,
            )
        elif review.status(now) == "overdue":
            yield Finding(
                page.display_path,
                page.line_of("last_reviewed"),
                CODE,
                Text(
                    f"Faktaene skulle vært sjekket på nytt {review.due.isoformat()}.",
                    f"The facts were due for a new check on {review.due.isoformat()}.",
                ),
                Text(
                    "Sjekk siden mot kildene, og sett så `last_reviewed` til datoen du sjekket, "
                    f"for eksempel {checked}. `python -m handbook review` viser alle sider som "
                    "skal sjekkes.",
                    "Check the page against its sources, then set `last_reviewed` to the date "
                    f"you checked, for example {checked}. `python -m handbook review` lists "
                    "every page that is due.",
                ),
                severity="warning",
                rule=SLUG,
            )
