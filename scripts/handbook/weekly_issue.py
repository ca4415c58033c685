"""The body of the weekly issue: broken links, and pages whose facts are due for a check.

The weekly workflow (.github/workflows/links.yml) runs `python -m handbook weekly`, which
writes this body, and keeps one open issue titled `ISSUE_TITLE` with it: opened or
updated when something needs attention, closed when all is well. The body is in Norwegian,
for the people who keep the handbook, and says what to do about each item:

- broken links, grouped by the page they are on (its title, the file and line, the
  address and the server's answer);
- pages whose facts are due for a check against their sources, or overdue
  (review.py: `last_reviewed` + `review_in`, due `DUE_SOON` before);
- the links that could not be checked (a site that turns robots away, a time-out): listed,
  but not a reason to keep the issue open.

Everything that comes from the pages (titles, paths, addresses) is escaped, so a page
title cannot add Markdown, HTML or an @-mention to the issue.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from .external_links import LinkUse
from .link_checker import Result
from .link_report import LinkReport
from .link_report import summary as links_summary
from .markdown_text import code_span, escaped, with_code
from .messages import DEFAULT_LANGUAGE, counted, language_name, listing
from .review import DUE_SOON, DuePage
from .sources import SOURCES_FILE

# The workflow finds the open issue by this exact title (tests/test_workflows.py checks
# that the workflow and this module agree).
ISSUE_TITLE = "Ukentlig sjekk: lenker og faktasjekk"


def needs_attention(report: LinkReport, due: list[DuePage]) -> bool:
    """Whether the issue should be open: a broken link, or a page due or overdue."""
    return bool(report.broken or due)


def summary(report: LinkReport, due: list[DuePage]) -> str:
    """One line for the log: the links' summary and the pages due (Norwegian, as the body)."""
    pages = counted(len(due), "side skal", "sider skal")
    return f"{links_summary(report)} {pages} faktasjekkes."


def _link(url: str) -> str:
    # external_links only keeps addresses without spaces, quotes, `<` or `>`, which an
    # autolink can hold as they are.
    return f"<{url}>"


def _place(use: LinkUse) -> str:
    where = f"{code_span(use.path)} linje {use.line}"
    if use.path == SOURCES_FILE:
        where += f" (kilden {code_span(use.title)})"
    return where


def _file_order(use: LinkUse) -> tuple[bool, bool, str, int]:
    """Norwegian pages first (the issue is in Norwegian), then the other languages, then
    the sources file; by path and line within each."""
    return (use.path == SOURCES_FILE, use.lang != DEFAULT_LANGUAGE, use.path, use.line)


def _heading(use: LinkUse) -> str:
    if use.path == SOURCES_FILE:
        return "Kildelisten"
    title = escaped(use.title)
    if use.lang and use.lang != DEFAULT_LANGUAGE:
        title += f" ({language_name(use.lang).nb} side)"  # "Glossary (engelsk side)"
    return title


def body(report: LinkReport, due: list[DuePage], today: date) -> str:
    """The issue's Markdown body, in Norwegian."""
    broken, unchecked = report.broken, report.unchecked
    parts = [_opening(report, due, today), _about()]
    if report.outcome.offline:
        parts.append(
            "> **Lenkene kunne ikke sjekkes denne uken.** Ingen nettsteder svarte, så maskinen "
            "som kjørte sjekken var trolig uten internett. Ingen lenke er regnet som død."
        )
    if broken:
        parts.append(_broken_section(broken))
    if due:
        parts.append(_review_section(due, today))
    if unchecked and not report.outcome.offline:
        parts.append(_unchecked_section(unchecked))
    return "\n\n".join(parts) + "\n"


def _opening(report: LinkReport, due: list[DuePage], today: date) -> str:
    found = []
    if report.broken:
        count = len(report.broken)
        found.append(f"{count} {'død lenke' if count == 1 else 'døde lenker'}")
    if due:
        found.append(counted(len(due), "side som skal faktasjekkes", "sider som skal faktasjekkes"))
    if report.outcome.offline:
        found.insert(0, "lenkene kunne ikke sjekkes")
    if found:
        return f"Ukens sjekk av håndboka, {today.isoformat()}: {' og '.join(found)}."
    return (
        f"Ukens sjekk av håndboka, {today.isoformat()}: alt er i orden. Ingen lenker er døde, "
        f"og ingen sider skal faktasjekkes de neste {DUE_SOON.days} dagene."
    )


def _about() -> str:
    return (
        "Denne saken lages av en automatisk kjøring hver mandag "
        "(`.github/workflows/links.yml`). Den oppdateres hver uke og lukkes av seg selv når "
        "alt er i orden. På egen maskin gir `make links` de samme lenkene og `make review` "
        "de samme sidene."
    )


def _broken_section(broken: list[tuple[LinkUse, Result]]) -> str:
    lines = [
        f"## Døde lenker ({len(broken)})",
        "",
        "Lenkene under peker på sider som ikke finnes lenger, eller på nettsteder som ikke "
        "svarer. Finn den nye adressen og rett lenken, eller slett den.",
    ]
    by_file: dict[str, list[tuple[LinkUse, Result]]] = defaultdict(list)
    for use, result in sorted(broken, key=lambda item: _file_order(item[0])):
        by_file[use.path].append((use, result))
    for items in by_file.values():
        lines += ["", f"### {_heading(items[0][0])}", ""]
        for use, result in items:
            lines.append(f"- {_place(use)}: {_link(use.url)}  ")
            lines.append(f"  {with_code(result.answer('nb'))}")
    return "\n".join(lines)


def _review_section(due: list[DuePage], today: date) -> str:
    lines = [
        f"## Sider som skal faktasjekkes ({len(due)})",
        "",
        "Faktaene på disse sidene skal sjekkes mot kildene. Når du har sjekket en side, "
        "skriver du dagens dato i `last_reviewed` i front matter.",
        "",
        "| Side | Fil | Frist |",
        "| --- | --- | --- |",
    ]
    for item in due:
        page = item.page
        title = escaped(page.title or page.display_path)
        if item.review is None:
            where = f"{code_span(page.display_path)} linje {page.line_of('id')}"
            when = (
                "Datoene mangler eller er skrevet feil. Kjør `make check` for å se hva som er galt."
            )
        else:
            where = f"{code_span(page.display_path)} linje {page.line_of('last_reviewed')}"
            due_day = item.review.due.isoformat()
            checked = item.review.last_reviewed.isoformat()
            when = (
                f"**Forfalt** {due_day}" if item.overdue(today) else f"{due_day}"
            ) + f" (sist sjekket {checked})"
        lines.append(f"| {title} | {where} | {when} |")
    return "\n".join(lines)


def _unchecked_section(unchecked: list[tuple[LinkUse, Result]]) -> str:
    addresses = {use.url for use, _ in unchecked}
    lines = [
        f"## Lenker som ikke kunne sjekkes ({len(addresses)})",
        "",
        "Disse nettstedene svarte ikke, eller slipper ikke inn automatiske sjekker. Det betyr "
        "ikke at lenken er død. Åpne den i en nettleser: virker den, trenger du ikke gjøre "
        "noe.",
        "",
    ]
    by_address: dict[str, list[LinkUse]] = defaultdict(list)
    answers: dict[str, Result] = {}
    for use, result in sorted(unchecked, key=lambda item: _file_order(item[0])):
        by_address[use.url].append(use)
        answers[use.url] = result
    for url, uses in by_address.items():
        places = listing(_place(use) for use in uses).nb
        lines.append(f"- {_link(url)}: {with_code(answers[url].answer('nb'))} Brukt i {places}.")
    return "\n".join(lines)
