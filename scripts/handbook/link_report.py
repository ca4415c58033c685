"""The handbook's external links checked, told place by place (`python -m handbook links`).

external_links.py finds where each address is written, link_checker.py fetches each
address once; this module puts the two together: every place a broken address is used,
as `path:line: URL — what is wrong`, then the places whose address could not be checked,
then one line that sums up. The weekly issue (weekly_issue.py) is written from the same
`LinkReport`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

from . import link_checker
from .external_links import LinkUse, addresses
from .link_checker import Outcome, Result
from .messages import DEFAULT_LANGUAGE, Text, counted


@dataclass(frozen=True)
class LinkReport:
    """Every external link of the handbook, and what became of its address."""

    uses: list[LinkUse]
    outcome: Outcome

    def _with(self, verdict: str) -> list[tuple[LinkUse, Result]]:
        found = []
        for use in sorted(self.uses):
            result = self.outcome.results.get(use.address)
            if result is not None and result.verdict == verdict:
                found.append((use, result))
        return found

    @property
    def broken(self) -> list[tuple[LinkUse, Result]]:
        """Each place a broken address is written, by file and line."""
        return self._with("broken")

    @property
    def unchecked(self) -> list[tuple[LinkUse, Result]]:
        """Each place an address that could not be checked is written, by file and line."""
        return self._with("unchecked")

    @property
    def addresses(self) -> int:
        return len(self.outcome.results)


def check_links(
    uses: list[LinkUse], progress: Callable[[int, int], None] | None = None
) -> LinkReport:
    """Check the address of every link once (link_checker's errors pass through)."""
    return LinkReport(uses, link_checker.check(addresses(uses), progress))


def progress_printer(
    name: str = "handbook links", lang: str = DEFAULT_LANGUAGE, every: int = 10
) -> Callable[[int, int], None]:
    """A progress callback that writes `12 av 97 adresser sjekket` on stderr now and then."""

    def show(done: int, total: int) -> None:
        if done == total or done % every == 0:
            words = Text(
                f"{done} av {total} adresser sjekket", f"{done} of {total} addresses checked"
            )
            print(f"{name}: {words(lang)}", file=sys.stderr, flush=True)

    return show


def starting_line(uses: list[LinkUse], lang: str = DEFAULT_LANGUAGE) -> str:
    """What the command says before it starts (the check takes a minute on the handbook)."""
    count = len(addresses(uses))
    return Text(
        f"sjekker {counted(count, 'adresse', 'adresser')} fra "
        f"{counted(len(uses), 'sted', 'steder')} med LinkChecker …",
        f"checking {counted(count, 'address', 'addresses')} from "
        f"{counted(len(uses), 'place', 'places')} with LinkChecker …",
    )(lang)


def line_of(use: LinkUse, result: Result, lang: str = DEFAULT_LANGUAGE) -> str:
    """`path:line: URL — what is wrong`, as compilers and editors read a place."""
    return f"{use.path}:{use.line}: {use.url} — {result.answer(lang)}"


def terminal_lines(report: LinkReport, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """The broken links, then those that could not be checked, then the summary."""
    lines = [line_of(use, result, lang) for use, result in report.broken]
    # Offline, every link is "unchecked" for the same reason: the summary says it once.
    if report.unchecked and not report.outcome.offline:
        if lines:
            lines.append("")
        lines.append(
            Text(
                "Kunne ikke sjekkes (det betyr ikke at lenken er død; åpne den i en nettleser):",
                "Could not be checked (that does not mean the link is broken; open it in a "
                "browser):",
            )(lang)
        )
        lines += [line_of(use, result, lang) for use, result in report.unchecked]
    lines.append(f"handbook links: {summary(report, lang)}")
    return lines


def summary(report: LinkReport, lang: str = DEFAULT_LANGUAGE) -> str:
    """How much was checked, how many links are broken and how many unchecked."""
    broken, unchecked = len(report.broken), len(report.unchecked)
    files = len({use.path for use, _ in report.broken})
    checked = Text(
        f"{counted(report.addresses, 'adresse', 'adresser')} sjekket",
        f"{counted(report.addresses, 'address', 'addresses')} checked",
    )
    if report.outcome.offline:
        result = Text(
            "ingen nettsteder svarte, så ingen lenke er regnet som død. Er maskinen koblet "
            "til internett?",
            "no site answered, so no link is counted as broken. Is the machine online?",
        )
    elif broken:
        result = Text(
            f"{broken} {'død lenke' if broken == 1 else 'døde lenker'} i "
            f"{counted(files, 'fil', 'filer')}",
            f"{counted(broken, 'broken link', 'broken links')} in "
            f"{counted(files, 'file', 'files')}",
        )
    else:
        result = Text("ingen døde lenker", "no broken links")
    text = f"{checked(lang)}, {result(lang)}"
    if unchecked and not report.outcome.offline:
        text += ", " + Text(
            f"{counted(unchecked, 'lenke', 'lenker')} kunne ikke sjekkes",
            f"{counted(unchecked, 'link', 'links')} could not be checked",
        )(lang)
    return text if text.endswith("?") else text + "."
