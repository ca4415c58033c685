"""What a pull request changes, for the job summary its check writes (in Markdown).

A reviewer, often an official who has never run `make`, should see on one page: which pages
the change touches and in which language, with a link to each in the built preview; which
translations it leaves behind their source; which findings of the check it adds (and which
it mends); and which pages' facts are due for a check against their sources.

The change is read by comparing two checkouts, the pull request's and its base, file by
file: no git history is needed, and the tests can give two folders. The check's rules run
on both with the same code, so a finding counts as new only when the base did not have it.
"""

from __future__ import annotations

import filecmp
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal
from urllib.parse import quote

from .config import HandbookConfig
from .findings import Finding
from .markdown_text import code_span, escaped, with_code
from .messages import DEFAULT_LANGUAGE, Text, language_name
from .model import Graph, Page
from .output import text_of
from .render import page_url
from .review import DuePage, due_pages
from .rules import run_all
from .rules.translations import translation_status

Change = Literal["added", "changed", "removed"]

CHANGE_NAMES: dict[Change, Text] = {
    "added": Text("ny", "new"),
    "changed": Text("endret", "changed"),
    "removed": Text("slettet", "removed"),
}
# Folders whose files the site is made of; other changed files (tests, code) are listed
# only by name.
_CONTENT = ("docs", "includes", "mkdocs.yml", "overrides")
MAX_LISTED = 50  # findings or files shown before "and N more"


@dataclass(frozen=True)
class ChangedPage:
    lang: str
    rel_path: str
    change: Change
    title: str


@dataclass(frozen=True)
class Summary:
    pages: list[ChangedPage]
    other_files: list[tuple[str, Change]]
    outdated: list[tuple[Page, Page]]  # (translation, its source) the change made outdated
    new_findings: list[Finding]
    mended: int  # findings of the base that the change removes
    due: list[DuePage]  # pages due for a fact check, or overdue
    today: date  # the day "due" is judged by


def changed_files(base: Path, head: Path) -> Iterator[tuple[str, Change]]:
    """Every file under the site's folders that differs between two checkouts, sorted."""
    names: set[str] = set()
    for root in (base, head):
        for part in _CONTENT:
            top = root / part
            if top.is_file():
                names.add(part)
            for folder, _, files in os.walk(top):
                names.update(
                    Path(folder, name).relative_to(root).as_posix()
                    for name in files
                    if not name.startswith(".")
                )
    for name in sorted(names):
        before, after = base / name, head / name
        if not before.is_file():
            yield name, "added"
        elif not after.is_file():
            yield name, "removed"
        elif not filecmp.cmp(before, after, shallow=False):
            yield name, "changed"


def summarise(base: Graph, head: Graph, today: date) -> Summary:
    """Compare the base's graph and the pull request's."""
    config = head.config
    docs = os.path.relpath(config.docs_dir, config.root).replace(os.sep, "/")
    pages: list[ChangedPage] = []
    other: list[tuple[str, Change]] = []
    for name, change in changed_files(base.config.root, config.root):
        lang, _, rel_path = name.removeprefix(f"{docs}/").partition("/")
        if name.startswith(f"{docs}/") and lang in config.languages and name.endswith(".md"):
            page = (base if change == "removed" else head).page_at(lang, rel_path)
            title = (page.title if page else None) or rel_path
            pages.append(ChangedPage(lang, rel_path, change, title))
        else:
            other.append((name, change))
    outdated = list(_newly_outdated(base, head))
    # An outdated translation is a warning of the check too; the summary says it once,
    # under the translations.
    listed = {translation.display_path for translation, _ in outdated}
    base_keys = Counter(_key(f) for f in run_all(base))
    new = []
    for finding in run_all(head):
        if base_keys[_key(finding)] > 0:
            base_keys[_key(finding)] -= 1
        elif not (finding.code == "HB008" and not finding.is_error and finding.path in listed):
            new.append(finding)
    return Summary(
        pages=pages,
        other_files=other,
        outdated=outdated,
        new_findings=new,
        mended=sum(base_keys.values()),
        due=due_pages(head, today),
        today=today,
    )


def _key(finding: Finding) -> tuple[str, str, str]:
    """A finding without its line, which moves when lines are added above it."""
    return (finding.path, finding.code, finding.message.en)


def _newly_outdated(base: Graph, head: Graph) -> Iterator[tuple[Page, Page]]:
    default = head.config.default_language
    for source in head.by_language.get(default, []):
        if source.error is not None:
            continue
        for lang in head.config.languages[1:]:
            translation = head.page_at(lang, source.rel_path)
            if translation is None or translation.error is not None:
                continue
            if translation_status(source, translation) != "outdated":
                continue
            before = base.page_at(lang, source.rel_path)
            before_source = base.page_at(default, source.rel_path)
            was_outdated = (
                before is not None
                and before_source is not None
                and before.error is None
                and before_source.error is None
                and translation_status(before_source, before) == "outdated"
            )
            if not was_outdated:
                yield translation, source


def to_markdown(
    summary: Summary,
    config: HandbookConfig,
    preview_url: str | None,
    lang: str = DEFAULT_LANGUAGE,
) -> str:
    """The summary as GitHub-flavoured Markdown, for $GITHUB_STEP_SUMMARY."""
    docs = os.path.relpath(config.docs_dir, config.root).replace(os.sep, "/")
    out = [Text("## Endringen i håndboka", "## The change to the handbook")(lang), ""]

    out += [Text("### Sider", "### Pages")(lang), ""]
    if not summary.pages:
        out.append(Text("Endringen endrer ingen sider.", "The change touches no page.")(lang))
    else:
        header = Text(
            "| Side | Språk | Endring | Forhåndsvisning |",
            "| Page | Language | Change | Preview |",
        )(lang)
        out += [header, "| --- | --- | --- | --- |"]
        for page in summary.pages:
            path = f"{docs}/{page.lang}/{page.rel_path}"
            language = language_name(page.lang)(lang)
            if preview_url and page.change != "removed":
                url = preview_url + quote(
                    page_url(page.rel_path, page.lang, config.default_language)
                )
                link = f"[{Text('Åpne', 'Open')(lang)}]({url})"
            else:
                link = ""
            out.append(
                f"| {_cell(page.title)}<br>{_cell_code(path)} | {language} | "
                f"{CHANGE_NAMES[page.change](lang)} | {link} |"
            )
    out.append("")
    if preview_url:
        out.append(
            Text(
                f"Hele forhåndsvisningen: {preview_url} (klar et par minutter etter at "
                "sjekken er ferdig).",
                f"The whole preview: {preview_url} (ready a few minutes after the check has "
                "finished).",
            )(lang)
        )
    else:
        out.append(
            Text(
                "Denne endringen får ingen forhåndsvisning: sjekken gikk ikke gjennom, "
                "endringen kommer fra en fork, eller forhåndsvisning er ikke satt opp (se "
                "«Forhåndsvisning» i CONTRIBUTING.md). Nettstedet ligger som artefakten «site» "
                "nederst på siden til denne kjøringen når bygget gikk gjennom.",
                "This change gets no preview: the check did not pass, the change comes from a "
                "fork, or previews are not set up (see 'Forhåndsvisning' in CONTRIBUTING.md). "
                "When the build passed, the site is the artifact 'site' at the foot of this "
                "run's page.",
            )(lang)
        )
    if summary.other_files:
        out += ["", Text("Andre filer i endringen:", "Other files in the change:")(lang)]
        out += _limited(
            [
                f"- {code_span(name)} ({CHANGE_NAMES[change](lang)})"
                for name, change in summary.other_files
            ],
            lang,
        )

    out += ["", Text("### Oversettelser", "### Translations")(lang), ""]
    if not summary.outdated:
        out.append(
            Text(
                "Endringen gjør ingen oversettelser utdatert.",
                "The change leaves no translation out of date.",
            )(lang)
        )
    else:
        out.append(
            Text(
                "Disse oversettelsene er nå eldre enn siden de er oversatt fra. Oppdater dem, "
                "og kjør `python -m handbook translated` på dem (eller gjør det i en egen "
                "pull request):",
                "These translations are now older than the page they translate. Update them "
                "and run `python -m handbook translated` on them (or do it in a pull request "
                "of its own):",
            )(lang)
        )
        for translation, source in summary.outdated:
            out.append(
                f"- {code_span(translation.display_path)} ← {code_span(source.display_path)}"
            )

    out += ["", Text("### Nye funn fra sjekken", "### New findings of the check")(lang), ""]
    if not summary.new_findings:
        out.append(Text("Endringen gir ingen nye funn.", "The change adds no finding.")(lang))
    else:
        out += _limited(
            [
                f"- {_severity(f, lang)} {code_span(f'{f.path}:{f.line}')} {f.code}: "
                f"{with_code(text_of(f, lang))}"
                for f in summary.new_findings
            ],
            lang,
        )
    if summary.mended:
        out += [
            "",
            Text(
                f"Endringen retter {summary.mended} funn som fantes før.",
                f"The change fixes {summary.mended} "
                + ("finding that was" if summary.mended == 1 else "findings that were")
                + " there before.",
            )(lang),
        ]

    out += ["", Text("### Faktasjekk", "### Fact checks")(lang), ""]
    if not summary.due:
        out.append(
            Text(
                "Ingen sider skal faktasjekkes de neste 30 dagene.",
                "No page is due for a fact check in the next 30 days.",
            )(lang)
        )
    else:
        out.append(
            Text(
                "Disse sidene skal sjekkes mot kildene sine. Når en side er sjekket, skriver "
                "du datoen i `last_reviewed`:",
                "These pages are due for a check against their sources. When a page is "
                "checked, write the date in `last_reviewed`:",
            )(lang)
        )
        for item in summary.due:
            page = item.page
            if item.review is None:
                when = Text("datoene mangler eller er feil", "the dates are missing or wrong")
            elif item.overdue(summary.today):
                due = item.review.due.isoformat()
                when = Text(f"forfalt {due}", f"overdue since {due}")
            else:
                due = item.review.due.isoformat()
                when = Text(f"innen {due}", f"by {due}")
            out.append(
                f"- {escaped(page.title or page.rel_path)} ({code_span(page.display_path)}): "
                f"{when(lang)}"
            )
    return "\n".join(out) + "\n"


def _severity(finding: Finding, lang: str) -> str:
    return (Text("Feil", "Error") if finding.is_error else Text("Advarsel", "Warning"))(lang) + ":"


def _cell(text: str) -> str:
    """Text in a table cell: shown as written, on one line (escaped() escapes `|` too)."""
    return escaped(text)


def _cell_code(text: str) -> str:
    """A code span in a table cell: GitHub splits cells at a `|` even inside one."""
    return code_span(text).replace("|", "\\|")


def _limited(lines: Sequence[str], lang: str) -> list[str]:
    if len(lines) <= MAX_LISTED:
        return list(lines)
    rest = len(lines) - MAX_LISTED
    return [*lines[:MAX_LISTED], Text(f"- … og {rest} til", f"- … and {rest} more")(lang)]
