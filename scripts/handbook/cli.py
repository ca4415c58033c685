"""Command line: `python -m handbook check [PATH] [--format human|github|json]`, and the
helpers `review`, `translated`, `new`, `links` and `weekly`.

Exit codes: 0 clean (warnings allowed), 1 when any error is found (for `review`: when any
page is overdue; for `links`: a broken link; for `weekly`: a broken link or a page due for
review), 2 for a usage or configuration problem (unknown path, unreadable mkdocs.yml; for
`links` and `weekly` also: LinkChecker missing, or no site answered at all).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from . import link_report, weekly_issue
from .config import ConfigError, load_config
from .external_links import collect as collect_links
from .link_checker import LinkCheckerFailedError, LinkCheckerMissingError
from .messages import DEFAULT_LANGUAGE, LANGUAGES, Text, counted
from .model import UnreadableError, load_graph
from .output import FORMATTERS
from .page_html import RenderError
from .pr_summary import summarise, to_markdown
from .review import (
    DUE_SOON,
    TODAY_VARIABLE,
    ReviewError,
    TodayError,
    due_pages,
    review_of,
    today,
)
from .rules import RULES, run_all
from .scaffold import NewPage, ScaffoldError, scaffold
from .translations import NotATranslationError, mark_translated

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _language_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=DEFAULT_LANGUAGE,
        help=f"the language of the {what}: nb (Norwegian, the default) or en (English)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m handbook",
        description="Tools for the handbook of Oslo kommune's international work.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="check pages, relations, translations and links",
        description="Check every page of every language; print findings as path:line.",
    )
    check.add_argument(
        "path",
        nargs="?",
        default=".",
        help="the project folder (with mkdocs.yml) or a mkdocs.yml file (default: .)",
    )
    default_format = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "human"
    check.add_argument(
        "--format",
        choices=sorted(FORMATTERS),
        default=default_format,
        help="output format (default: github under GitHub Actions, otherwise human)",
    )
    _language_option(check, "messages")
    check.add_argument(
        "--rule",
        action="append",
        default=[],
        metavar="CODE",
        help="run only this rule (code or slug; repeatable): "
        + ", ".join(f"{r.code}={r.slug}" for r in RULES.values()),
    )
    review = commands.add_parser(
        "review",
        help="list the pages whose facts are due for a check, or overdue",
        description=(
            "List pages whose review date (last_reviewed + review_in) has passed or comes "
            f"within {DUE_SOON.days} days, one per line, soonest first. Exit 1 when any is "
            f"overdue. {TODAY_VARIABLE}=YYYY-MM-DD asks as of another day."
        ),
    )
    _language_option(review, "list")
    review.add_argument(
        "path",
        nargs="?",
        default=".",
        help="the project folder (with mkdocs.yml) or a mkdocs.yml file (default: .)",
    )
    translated = commands.add_parser(
        "translated",
        help="record that translations match their source (sets translation_of)",
        description="Set translation_of on each translation to its source page's fingerprint.",
    )
    translated.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="translated pages, e.g. docs/en/prioriteringer/po1.md",
    )
    translated.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the project's mkdocs.yml (default: ./mkdocs.yml)",
    )
    summary = commands.add_parser(
        "summary",
        help="summarise a pull request in Markdown: pages, translations, new findings, reviews",
        description=(
            "Compare the handbook at PATH with a checkout of the pull request's base and print "
            "the job summary: the pages changed (with preview links), the translations the "
            "change makes outdated, the findings it adds, and the pages due for a fact check."
        ),
    )
    summary.add_argument(
        "path",
        nargs="?",
        default=".",
        help="the pull request's project folder (with mkdocs.yml) (default: .)",
    )
    summary.add_argument(
        "--base", required=True, type=Path, help="a checkout of the pull request's base"
    )
    summary.add_argument(
        "--preview-url", default="", help="where the preview of this pull request is published"
    )
    _language_option(summary, "summary")
    new = commands.add_parser(
        "new",
        help="create a page in every language, with front matter and a place in the nav",
        description="Scaffold a page: python -m handbook new objective so-2-5 --title '...'.",
    )
    new.add_argument("kind", help="goal, instrument, programme, priority, objective or page")
    new.add_argument("id", help="the page's id, e.g. so-2-5")
    new.add_argument("--title", required=True, help="the page title (also its description)")
    new.add_argument("--path", help="path inside docs/<lang>/ (default: beside pages of its kind)")
    new.add_argument("--priority", help="objective: its priority (default from the id)")
    new.add_argument("--programme", help="priority: its programme (default: the only one)")
    new.add_argument("--goals", nargs="+", metavar="ID", help="goals it serves")
    new.add_argument("--instruments", nargs="+", metavar="ID", help="instruments it uses")
    new.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the project's mkdocs.yml (default: ./mkdocs.yml)",
    )
    _add_link_commands(commands)
    return parser


def _add_link_commands(commands: argparse._SubParsersAction) -> None:
    links = commands.add_parser(
        "links",
        help="check the external links of every page and of includes/sources.yml",
        description=(
            "Fetch every http(s) address the pages and includes/sources.yml link to, once "
            "each, with LinkChecker; print path:line: URL for each broken link, then those "
            "that could not be checked. Exit 1 when a link is broken."
        ),
    )
    weekly = commands.add_parser(
        "weekly",
        help="write the weekly issue: broken links and pages due for review (Norwegian)",
        description=(
            "Check the external links as `links` does and list the pages due for review as "
            "`review` does; write the Markdown body of the weekly issue to --output. Exit 1 "
            f"when anything needs attention. {TODAY_VARIABLE}=YYYY-MM-DD asks as of another day."
        ),
    )
    for command in (links, weekly):
        command.add_argument(
            "path",
            nargs="?",
            default=".",
            help="the project folder (with mkdocs.yml) or a mkdocs.yml file (default: .)",
        )
    _language_option(links, "messages")
    weekly.add_argument(
        "--output", type=Path, required=True, help="the file to write the issue's body to"
    )


def _links(args: argparse.Namespace) -> int:
    """`links` and `weekly`: check every external address once, then report."""
    lang = getattr(args, "lang", DEFAULT_LANGUAGE)
    name = f"handbook {args.command}"
    try:
        config = load_config(_config_file(Path(args.path)))
        now = today() if args.command == "weekly" else None
    except (ConfigError, TodayError) as error:
        print(f"{name}: {error}", file=sys.stderr)
        return EXIT_USAGE
    graph = load_graph(config)
    uses = collect_links(graph)
    if uses:
        print(f"{name}: {link_report.starting_line(uses, lang)}", file=sys.stderr, flush=True)
    try:
        report = link_report.check_links(uses, link_report.progress_printer(name, lang))
    except (LinkCheckerMissingError, LinkCheckerFailedError) as error:
        print(f"{name}: {error.text(lang)}", file=sys.stderr)
        return EXIT_USAGE
    if now is None:
        print("\n".join(link_report.terminal_lines(report, lang)))
        attention = bool(report.broken)
    else:
        due = due_pages(graph, now)
        try:
            args.output.write_text(weekly_issue.body(report, due, now), encoding="utf-8")
        except OSError as error:
            print(f"{name}: {args.output}: {error.strerror or error}", file=sys.stderr)
            return EXIT_USAGE
        attention = weekly_issue.needs_attention(report, due)
        print(f"{name}: {weekly_issue.summary(report, due)}", file=sys.stderr)
    if report.outcome.offline:  # nothing could be checked: neither "broken" nor "all well"
        return EXIT_USAGE
    return EXIT_FINDINGS if attention else EXIT_CLEAN


def _new(args: argparse.Namespace) -> int:
    try:
        config = load_config(_config_file(args.config))
        relations = {
            key: getattr(args, key)
            for key in ("priority", "programme", "goals", "instruments")
            if getattr(args, key)
        }
        written = scaffold(
            config,
            load_graph(config),
            NewPage(args.kind, args.id, args.title, args.path, relations),
        )
    except (ConfigError, ScaffoldError) as error:
        print(f"handbook new: {error}", file=sys.stderr)
        return EXIT_USAGE
    for path in written:
        print(f"created {path.relative_to(config.root)}")
    print(f"added to the nav in {config.config_file.name}; run `make check`, then write the text")
    return EXIT_CLEAN


def _review(args: argparse.Namespace) -> int:
    lang = args.lang
    try:
        config = load_config(_config_file(Path(args.path)))
        now = today()
    except (ConfigError, TodayError) as error:
        print(f"handbook review: {error}", file=sys.stderr)
        return EXIT_USAGE
    graph = load_graph(config)
    if not graph.sources.present:  # as rule HB015: no sources kept, no review dates
        print(
            "handbook review: "
            + Text(
                "denne håndboka har ingen kilder (includes/sources.yml)",
                "this handbook keeps no sources (includes/sources.yml)",
            )(lang)
        )
        return EXIT_CLEAN
    listed = []
    for item in due_pages(graph, now):
        page = item.page
        if item.review is None:
            try:  # the reason, as rule HB015 gives it
                review_of(page)
            except ReviewError as error:
                line = f"{page.display_path}:{page.line_of(error.key)}: {error.message(lang)}"
                listed.append((date.min, line))
            continue
        due, checked = item.review.due.isoformat(), item.review.last_reviewed.isoformat()
        when = (
            Text(f"forfalt {due}", f"overdue since {due}")
            if item.overdue(now)
            else Text(f"skal sjekkes innen {due}", f"due by {due}")
        )
        last = Text(f"sist sjekket {checked}", f"last reviewed {checked}")
        where = f"{page.display_path}:{page.line_of('last_reviewed')}"
        listed.append((item.review.due, f"{where}: {when(lang)} ({last(lang)})"))
    for _, line in listed:
        print(line)
    overdue = sum(due < now for due, _ in listed)
    tally = Text(
        f"{counted(len(listed), 'side', 'sider')} skal sjekkes eller er "
        f"forfalt ({overdue} forfalt) per {now.isoformat()}",
        f"{counted(len(listed), 'page', 'pages')} due or overdue ({overdue} overdue) "
        f"as of {now.isoformat()}",
    )
    print(f"handbook review: {tally(lang)}", file=sys.stderr)
    return EXIT_FINDINGS if overdue else EXIT_CLEAN


def _translated(args: argparse.Namespace) -> int:
    try:
        config = load_config(_config_file(args.config))
    except ConfigError as error:
        print(f"handbook translated: {error}", file=sys.stderr)
        return EXIT_USAGE
    status = EXIT_CLEAN
    for path in args.paths:
        try:
            print(f"{path}: translation_of {mark_translated(config, path)}")
        except (NotATranslationError, OSError) as error:
            print(f"handbook translated: {error}", file=sys.stderr)
            status = EXIT_USAGE
        except UnreadableError as error:
            print(
                f"handbook translated: {path}:{error.line}: {error.message(DEFAULT_LANGUAGE)}",
                file=sys.stderr,
            )
            status = EXIT_USAGE
    return status


def _summary(args: argparse.Namespace) -> int:
    try:
        head = load_graph(load_config(_config_file(Path(args.path))))
        base = load_graph(load_config(_config_file(args.base)))
        found = summarise(base, head, today())
    except (ConfigError, RenderError, TodayError) as error:
        print(f"handbook summary: {error}", file=sys.stderr)
        return EXIT_USAGE
    preview = args.preview_url.rstrip("/") + "/" if args.preview_url else None
    print(to_markdown(found, head.config, preview, args.lang), end="")
    return EXIT_CLEAN


def _config_file(path: Path) -> Path:
    if path.is_dir():
        return path / "mkdocs.yml"
    if path.exists():
        return path
    raise ConfigError(f"no such file or folder: {path}")


def main(argv: Sequence[str] | None = None) -> int:
    # A file name that is not UTF-8 reaches the output as surrogates (U+DCxx), which a
    # strict UTF-8 stdout refuses with a traceback: print them escaped instead.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on usage errors and 0 on --help
        return int(exit_.code or 0)
    if args.command == "review":
        return _review(args)
    if args.command == "translated":
        return _translated(args)
    if args.command == "new":
        return _new(args)
    if args.command == "summary":
        return _summary(args)
    if args.command in ("links", "weekly"):
        return _links(args)
    try:
        config = load_config(_config_file(Path(args.path)))
        graph = load_graph(config)
        findings = run_all(graph, args.rule)
    except (ConfigError, RenderError, KeyError, TodayError) as error:
        message = error.args[0] if isinstance(error, KeyError) else str(error)
        print(f"handbook check: {message}", file=sys.stderr)
        return EXIT_USAGE
    print(FORMATTERS[args.format](findings, len(graph.pages), args.lang))
    return EXIT_FINDINGS if any(f.is_error for f in findings) else EXIT_CLEAN
