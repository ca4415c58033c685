"""What a reader sees of a page's sources and review dates, around its text.

Under the page: one line naming its sources (each linked to its entry on the sources page),
one saying when the facts were checked and when they are due again, and one with the date
the text was last edited, each labelled: an edit that fixes a typo is not a check of the
facts. Above it: a notice once the check is overdue. The build shows
the notice when it is overdue on the day of the build; review-dates.js shows it in the
reader's browser once the day has come, so a page built months ago still says so.

Both are HTML the templates print as they are: every text from the content is escaped
here, and the addresses are the site's own (relative) links.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from .model import Graph, Page
from .render import SOURCES_PAGE_ID, long_date, published_text, relative_url
from .review import Review, review_for
from .sources import declared_sources
from .words import of


@dataclass(frozen=True)
class PageFacts:
    """The HTML the template prints for one page: under the text, and the notice above."""

    under: str
    notice: str


def page_facts(graph: Graph, page: Page, today: date, edited: str = "") -> PageFacts:
    """The sources line, the review line, the edit date and the review notice of a page
    (empty strings for what the page does not declare). `edited` is the <time> of the
    page's last commit (render.updated_html), or "" where there is no history."""
    default = graph.config.default_language
    source_page = graph.page(page.id) if page.id else None
    ids = declared_sources(source_page or page)
    review = review_for(graph, page)
    parts = []
    line = _sources_line(graph, page, ids, default)
    if line:
        parts.append(line)
    if review is not None:
        parts.append(_review_line(review, page.lang))
    if edited:
        label = escape(of(page.lang)["edited_label"])
        parts.append(f'<p class="handbook-edited"><strong>{label}:</strong> {edited}.</p>')
    under = f'<div class="handbook-facts">{"".join(parts)}</div>' if parts else ""
    notice = _notice(review, page.lang, today) if review is not None else ""
    return PageFacts(under, notice)


def _sources_line(graph: Graph, page: Page, ids: list[str], default: str) -> str:
    words = of(page.lang)
    entries = graph.sources.entries
    sources_page = graph.page(SOURCES_PAGE_ID, page.lang)
    items = []
    for source_id in ids:
        source = entries.get(source_id)
        if source is None:
            continue  # HB014 reports it; a strict build has stopped
        name = escape(source.short[page.lang])
        if sources_page is not None:
            href = relative_url(page, sources_page, default)
            if href == "./":
                href = ""  # the sources page itself: its own anchors
            item = f'<a href="{escape(href)}#{escape(source.id)}">{name}</a>'
        elif source.url:
            item = f'<a href="{escape(source.url)}">{name}</a>'
        else:
            item = name
        if source.published:
            item += f" ({escape(published_text(source.published, page.lang))})"
        items.append(item)
    if not items:
        return ""
    return (
        f'<p class="handbook-sources"><strong>{escape(words["sources_label"])}:</strong> '
        f"{', '.join(items)}.</p>"
    )


def _review_line(review: Review, lang: str) -> str:
    words = of(lang)
    checked = _time(review.last_reviewed, lang)
    due = _time(review.due, lang, "handbook-review-due")
    return (
        f'<p class="handbook-reviewed"><strong>{escape(words["reviewed_label"])}:</strong> '
        f"{checked}. {escape(words['review_due_label'])} {due}.</p>"
    )


def _time(day: date, lang: str, css_class: str = "") -> str:
    attribute = f' class="{css_class}"' if css_class else ""
    return f'<time{attribute} datetime="{day.isoformat()}">{escape(long_date(day, lang))}</time>'


def _notice(review: Review, lang: str, today: date) -> str:
    """The notice, shown now when the page is overdue today, otherwise hidden until
    review-dates.js finds the reader's day past `data-review-due`."""
    words = of(lang)
    hidden = "" if review.status(today) == "overdue" else " hidden"
    text = words["review_due_text"].format(due=long_date(review.due, lang))
    return (
        f'<div class="admonition warning handbook-review-notice" role="note" '
        f'data-review-due="{review.due.isoformat()}"{hidden}>'
        f'<p class="admonition-title">{escape(words["review_due_title"])}</p>'
        f"<p>{escape(text)}</p></div>"
    )
