"""External links checked with LinkChecker: found with file and line, each address fetched
once, broken ones reported where they are used, and the weekly issue written from them.

No test reaches the internet: the pages link to a server on 127.0.0.1 (a live page, a dead
one, a redirect to the live one, a page that turns robots away with 403) and to a closed
port there. LinkChecker's start-up is most of the cost (about a second), so the real
command runs once per output (Norwegian, English, the weekly issue) for the whole module.
"""

from __future__ import annotations

import http.server
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from handbook import link_checker
from handbook.cli import main
from handbook.config import load_config
from handbook.external_links import LinkUse, address_of, collect, is_web_address, page_links
from handbook.link_checker import Outcome, Result, judge, parse_results
from handbook.link_report import LinkReport, summary, terminal_lines
from handbook.markdown_text import code_span
from handbook.markdown_text import escaped as markdown
from handbook.messages import Text
from handbook.model import load_graph, parse_page
from handbook.review import due_pages
from handbook.weekly_issue import ISSUE_TITLE, body
from handbook.weekly_issue import summary as weekly_summary

from handbook_fixtures import MINIMAL, SOURCES_YML, handbook_with_sources, with_sources
from helpers import ROOT

EUR_LEX = "https://eur-lex.europa.eu/eli/reg/2021/1058/oj"
# The fixture's sources without their one address on the internet.
LOCAL_SOURCES = SOURCES_YML.replace(f"  url: {EUR_LEX}\n", "")
assert LOCAL_SOURCES != SOURCES_YML

# What a page from the handbook shows as a value, and Python would print instead.
PYTHON_ARTEFACTS = ("['", "']", "None", "True", "False", "{'", "\\u")


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/live":
            self._answer(200, b"<html><body><a href='/not-followed'>x</a></body></html>")
        elif self.path == "/redirect":
            self.send_response(301)
            self.send_header("Location", "/live")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(2)
            self._answer(200, b"late")
        elif self.path == "/forbidden":
            self._answer(403, b"no robots")
        else:
            self._answer(404, b"not here")
        self.server.requests.append(self.path)  # type: ignore[attr-defined]

    def end_headers(self) -> None:
        # Lets LinkChecker ask faster than its 0.1-0.6 s between requests to one host
        # (maxrequestspersecond in link_checker.py): the tests take seconds less.
        self.send_header("LinkChecker", "test")
        super().end_headers()

    def _answer(self, status: int, content: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, list[str]]]:
    """`http://127.0.0.1:<port>` of a server with /live, /dead, /redirect and /forbidden,
    and the paths it was asked for."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.requests = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", httpd.requests  # type: ignore[attr-defined]
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def _closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


@pytest.fixture(scope="module")
def handbook(tmp_path_factory, server) -> Path:
    """A two-language handbook whose pages and sources.yml link to the local server."""
    base, _ = server
    root = tmp_path_factory.mktemp("links")
    refused = f"https://127.0.0.1:{_closed_port()}/forordning"
    pages = with_sources(MINIMAL)
    pages["po1.md"] += (
        f'\nLes [siden]({base}/live) og [den døde]({base}/dead "tittel").\n'
        f"\n![Et bilde]({base}/dead#bildet)\n"
        f"\nSe også [omdirigeringen][videre].\n\n[videre]: {base}/redirect\n"
    )
    pages["mal.md"] += (
        f"\nKilden er <{base}/forbidden>.\n"
        "\n```\n"
        f"[i kode]({base}/in-code)\n"
        "```\n"
        f'\n<p><a href="{base}/dead">rå HTML</a></p>\n'
    )
    sources = SOURCES_YML.replace(EUR_LEX, refused)
    handbook_with_sources(root, sources, pages)
    return root


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real command, after making sure every address it would fetch is on this machine."""
    graph = load_graph(load_config(Path(args[1]) / "mkdocs.yml"))
    hosts = {urlsplit(use.url).hostname for use in collect(graph)}
    assert hosts <= {"127.0.0.1"}, f"a test would reach the internet: {hosts}"
    return subprocess.run(
        [sys.executable, "-m", "handbook", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def links_nb(handbook, server, tmp_path_factory) -> subprocess.CompletedProcess[str]:
    _, requests = server
    start = len(requests)
    home = tmp_path_factory.mktemp("home")
    result = _run("links", str(handbook), env={"HOME": str(home), "XDG_CONFIG_HOME": str(home)})
    result.requests = requests[start:]  # type: ignore[attr-defined]
    result.home = home  # type: ignore[attr-defined]
    return result


@pytest.fixture(scope="module")
def links_en(handbook) -> subprocess.CompletedProcess[str]:
    return _run("links", str(handbook), "--lang", "en")


# --- Finding the links ------------------------------------------------------------------


def test_every_kind_of_link_is_found_with_its_line(handbook, server) -> None:
    base, _ = server
    graph = load_graph(load_config(handbook / "mkdocs.yml"))
    po1 = handbook / "docs/nb/po1.md"
    mal = handbook / "docs/nb/mal.md"
    found = {(use.path, use.line, use.url) for use in collect(graph)}
    assert {
        ("docs/nb/po1.md", _line_of(po1, "/live"), f"{base}/live"),
        ("docs/nb/po1.md", _line_of(po1, "den døde"), f"{base}/dead"),
        ("docs/nb/po1.md", _line_of(po1, "Et bilde"), f"{base}/dead#bildet"),
        ("docs/nb/po1.md", _line_of(po1, "[videre]:"), f"{base}/redirect"),
        ("docs/nb/mal.md", _line_of(mal, "/forbidden"), f"{base}/forbidden"),
        ("docs/nb/mal.md", _line_of(mal, "rå HTML"), f"{base}/dead"),
    } <= found
    assert not any("/in-code" in url for _, _, url in found), "a link in code was read"
    sources = [use for use in collect(graph) if use.path == "includes/sources.yml"]
    assert [(use.title, use.line) for use in sources] == [
        ("forordning-2021-1058", _line_of(handbook / "includes/sources.yml", "url:"))
    ]


def test_relative_links_mail_and_odd_addresses_are_not_external(tmp_path) -> None:
    page_file = tmp_path / "side.md"
    page_file.write_text(
        "---\nid: x\nkind: page\n---\n# Side\n\n[intern](po1.md) [post](mailto:a@b.no) "
        "[ftp](ftp://example.org/) [tom](https://) [mellomrom](<https://a b>)\n"
        "[god](HTTPS://Example.org/Sti)\n",
        encoding="utf-8",
    )
    page = parse_page("nb", "side.md", page_file, "docs/nb/side.md")
    assert [(use.line, use.url, use.title) for use in page_links(page)] == [
        (8, "HTTPS://Example.org/Sti", "Side")
    ]
    assert not is_web_address("https://a b")
    assert address_of("https://a.no/side#del") == "https://a.no/side"


# --- Judging LinkChecker's answers ------------------------------------------------------


@pytest.mark.parametrize(
    ("result", "valid", "verdict"),
    [
        ("200 OK", True, "ok"),
        ("404 Not Found", False, "broken"),
        ("410 Gone", False, "broken"),
        ("400 Bad Request", False, "broken"),
        ("500 Internal Server Error", False, "broken"),
        ("503 Service Unavailable", False, "broken"),
        ("401 Unauthorized", False, "unchecked"),
        ("403 Forbidden", False, "unchecked"),
        ("429 Too Many Requests", True, "unchecked"),
        (
            "ConnectionError: HTTPSConnectionPool(host='x.invalid', port=443): Max retries "
            "exceeded (Caused by NameResolutionError(\"Failed to resolve 'x.invalid'\"))",
            False,
            "broken",
        ),
        (
            "ConnectionError: HTTPConnectionPool(host='127.0.0.1', port=1): Failed to "
            "establish a new connection: [Errno 111] Connection refused",
            False,
            "broken",
        ),
        (
            "ReadTimeout: HTTPSConnectionPool(host='a.no', port=443): Read timed out.",
            False,
            "unchecked",
        ),
        ("ConnectTimeout: HTTPSConnectionPool(host='a.no', port=443)", False, "unchecked"),
        (
            "SSLError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed",
            False,
            "unchecked",
        ),
        ("ChunkedEncodingError: something else", False, "unchecked"),
    ],
)
def test_what_counts_as_broken(result: str, valid: bool, verdict: str) -> None:
    judged = judge("https://a.no/side", result, valid, timeout=20)
    assert judged.verdict == verdict
    for text in (judged.answer.nb, judged.answer.en):
        assert text[:1].isupper() and text.endswith("."), text
        assert not any(artefact in text for artefact in PYTHON_ARTEFACTS), text
        assert "Pool(" not in text, "LinkChecker's Python text leaked into the message"


def test_another_failure_is_named_apart() -> None:
    judged = judge("https://a.no/", "ChunkedEncodingError: ('Connection broken', x)", False)
    assert judged.answer == Text(
        "LinkChecker fikk ikke hentet siden. Feilen heter `ChunkedEncodingError`.",
        "LinkChecker could not fetch the page. The error is called `ChunkedEncodingError`.",
    )
    assert judge("https://a.no/", "", False).answer.nb == "LinkChecker fikk ikke hentet siden."


def test_timeouts_name_the_limit_in_both_languages() -> None:
    judged = judge("https://a.no/", "ReadTimeout: Read timed out.", False, timeout=7)
    assert judged.answer == Text(
        "Nettstedet svarte ikke innen 7 sekunder.", "The site did not answer within 7 seconds."
    )


def test_a_site_that_does_not_answer_in_time_could_not_be_checked(server) -> None:
    base, _ = server
    seen: list[tuple[int, int]] = []
    outcome = link_checker.check(
        [f"{base}/slow", f"{base}/live", f"{base}/live"], lambda *step: seen.append(step), timeout=1
    )
    assert not outcome.offline
    assert {address: result.verdict for address, result in outcome.results.items()} == {
        f"{base}/slow": "unchecked",
        f"{base}/live": "ok",
    }
    assert outcome.results[f"{base}/slow"].answer == Text(
        "Nettstedet svarte ikke innen 1 sekund.", "The site did not answer within 1 second."
    )
    assert seen[-1] == (2, 2)


def test_results_are_read_from_linkcheckers_xml() -> None:
    chunks = [
        "  <urldata>\n    <url>https://a.no/x</url>\n    <realurl>https://a.no/y</realurl>\n"
        '    <valid result="200 OK">1</valid>\n  </urldata>\n',
        "  <urldata>\n    <url>https://b.no/</url>\n"
        '    <valid result="404 Not Found">0</valid>\n  </urldata>\n',
        "  <urldata>\n    <url>https://c.no/</url>\n",  # cut off when the run was stopped
    ]
    results = parse_results(chunks)
    assert {address: result.verdict for address, result in results.items()} == {
        "https://a.no/x": "ok",
        "https://b.no/": "broken",
    }
    assert results["https://b.no/"].status == 404


# --- The command: python -m handbook links ----------------------------------------------


def test_dead_links_are_reported_at_their_pages_and_lines(handbook, server, links_nb) -> None:
    base, _ = server
    requests = links_nb.requests
    assert links_nb.returncode == 1, links_nb.stderr
    lines = links_nb.stdout.splitlines()
    po1 = handbook / "docs/nb/po1.md"
    mal = handbook / "docs/nb/mal.md"
    broken = lines[: lines.index("")]
    assert f"docs/nb/po1.md:{_line_of(po1, 'den døde')}: {base}/dead — " in links_nb.stdout
    assert (
        f"docs/nb/po1.md:{_line_of(po1, 'Et bilde')}: {base}/dead#bildet — "
        "Siden finnes ikke lenger (404 Not Found)." in lines
    )
    assert f"docs/nb/mal.md:{_line_of(mal, 'rå HTML')}: {base}/dead — " in links_nb.stdout
    sources_line = _line_of(handbook / "includes/sources.yml", "url:")
    assert any(
        line.startswith(f"includes/sources.yml:{sources_line}: https://127.0.0.1:")
        and line.endswith("tar ikke imot tilkoblinger.")
        for line in broken
    ), broken
    # Each address is fetched once, however many places use it; links in code never.
    assert requests.count("/dead") == 1, requests
    assert "/in-code" not in requests and "/not-followed" not in requests


def test_live_and_redirected_links_are_not_reported(links_nb, server) -> None:
    base, _ = server
    assert f"{base}/live " not in links_nb.stdout
    assert f"{base}/redirect" not in links_nb.stdout


def test_a_site_that_turns_robots_away_could_not_be_checked(handbook, links_nb, server) -> None:
    base, _ = server
    lines = links_nb.stdout.splitlines()
    unchecked = lines[lines.index("") + 1 :]
    assert unchecked[0].startswith("Kunne ikke sjekkes")
    mal_line = _line_of(handbook / "docs/nb/mal.md", "/forbidden")
    assert unchecked[1] == (
        f"docs/nb/mal.md:{mal_line}: {base}/forbidden — "
        "Nettstedet slipper ikke inn automatiske sjekker (403 Forbidden)."
    )
    assert lines[-1] == (
        "handbook links: 5 adresser sjekket, 4 døde lenker i 3 filer, 1 lenke kunne ikke sjekkes."
    )


def test_a_users_linkchecker_settings_are_neither_read_nor_written(links_nb) -> None:
    """LinkChecker gets its settings from a file of the handbook's own (-f), so it does
    not copy its default configuration into the user's ~/.config either, and it makes its
    plugin folder in a temporary folder, not in ~/.local/share."""
    assert list(links_nb.home.iterdir()) == []


def test_progress_goes_to_stderr(links_nb) -> None:
    assert "handbook links: sjekker 5 adresser fra 7 steder med LinkChecker" in links_nb.stderr
    assert "handbook links: 5 av 5 adresser sjekket" in links_nb.stderr
    assert "Traceback" not in links_nb.stderr


def test_links_in_english(links_en, server) -> None:
    base, _ = server
    assert links_en.returncode == 1
    assert f"{base}/dead#bildet — The page no longer exists (404 Not Found)." in links_en.stdout
    assert "Could not be checked" in links_en.stdout
    assert f"{base}/forbidden — The site turns automatic checks away (403 Forbidden)." in (
        links_en.stdout
    )
    assert links_en.stdout.splitlines()[-1] == (
        "handbook links: 5 addresses checked, 4 broken links in 3 files, "
        "1 link could not be checked."
    )
    assert "checking 5 addresses from 7 places" in links_en.stderr


def test_no_python_in_the_messages(links_nb, links_en) -> None:
    for output in (links_nb.stdout, links_en.stdout):
        assert not any(artefact in output for artefact in PYTHON_ARTEFACTS), output


def test_all_links_alive_exits_0(tmp_path, server) -> None:
    base, _ = server
    pages = dict(MINIMAL)
    pages["po1.md"] += f"\n[Levende]({base}/live) og [videre]({base}/redirect).\n"
    handbook_with_sources(tmp_path, LOCAL_SOURCES, with_sources(pages))
    result = _run("links", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "handbook links: 2 adresser sjekket, ingen døde lenker."


def test_no_answer_from_anywhere_is_no_check_at_all(tmp_path) -> None:
    """Offline (here: every server refuses), nothing is called broken, and the command
    says it could not check (exit 2), so the weekly issue is not closed or filled wrongly."""
    pages = dict(MINIMAL)
    pages["po1.md"] += (
        f"\n[a](http://127.0.0.1:{_closed_port()}/a) [b](http://127.0.0.1:{_closed_port()}/b)\n"
    )
    handbook_with_sources(tmp_path, LOCAL_SOURCES, with_sources(pages))
    result = _run("links", str(tmp_path))
    assert result.returncode == 2
    assert result.stdout.strip() == (
        "handbook links: 2 adresser sjekket, ingen nettsteder svarte, så ingen lenke er "
        "regnet som død. Er maskinen koblet til internett?"
    )


def test_a_handbook_without_external_links_needs_no_checker(tmp_path, capsys, monkeypatch) -> None:
    handbook_with_sources(tmp_path, LOCAL_SOURCES)
    monkeypatch.setattr(link_checker, "is_installed", lambda: False)
    assert main(["links", str(tmp_path)]) == 0
    assert (
        capsys.readouterr().out.strip() == "handbook links: 0 adresser sjekket, ingen døde lenker."
    )


def test_missing_linkchecker_says_how_to_install_it(handbook, capsys, monkeypatch) -> None:
    monkeypatch.setattr(link_checker, "is_installed", lambda: False)
    assert main(["links", str(handbook)]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "handbook links: LinkChecker er ikke installert. Kjør `make links`, som installerer det."
    )
    assert main(["links", str(handbook), "--lang", "en"]) == 2
    assert "Run `make links`, which installs it." in capsys.readouterr().err


def test_usage_problems_exit_2(tmp_path, capsys) -> None:
    assert main(["links", str(tmp_path / "missing")]) == 2
    assert main(["links", "--lang", "sv"]) == 2
    assert main(["weekly", str(tmp_path)]) == 2  # --output is required
    capsys.readouterr()


def test_make_links_runs_the_command() -> None:
    result = subprocess.run(
        ["make", "-n", "links"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert ".venv/bin/python -m handbook links" in result.stdout


# --- The weekly issue -------------------------------------------------------------------


def _review_pages() -> dict[str, str]:
    """po1 overdue on 2027-06-02, mal due within 30 days, the rest current."""
    pages = with_sources(MINIMAL)
    pages["po1.md"] = pages["po1.md"].replace(
        "last_reviewed: 2026-12-01", "last_reviewed: 2026-11-01"
    )
    pages["mal.md"] = pages["mal.md"].replace(
        "last_reviewed: 2026-12-01", "last_reviewed: 2026-12-20"
    )
    for name in ("index.md", "vm.md", "program.md", "so-1-1.md"):
        pages[name] = pages[name].replace("review_in: 6 months", "review_in: 12 months")
    return pages


def _report(uses: list[LinkUse], results: dict[str, Result], offline: bool = False) -> LinkReport:
    return LinkReport(uses, Outcome(results, offline=offline))


def test_weekly_body_lists_broken_links_by_page_and_pages_due(tmp_path) -> None:
    handbook_with_sources(tmp_path, pages=_review_pages())
    graph = load_graph(load_config(tmp_path / "mkdocs.yml"))
    today = date(2027, 6, 2)
    due = due_pages(graph, today)
    assert [item.page.display_path for item in due] == ["docs/nb/po1.md", "docs/nb/mal.md"]
    dead = "https://a.no/borte"
    uses = [
        LinkUse("docs/nb/po1.md", 12, dead, "PO1", "nb"),
        LinkUse("docs/nb/po1.md", 14, dead + "#del", "PO1", "nb"),
        LinkUse("docs/en/po1.md", 12, dead, "PO1 in English", "en"),
        LinkUse("includes/sources.yml", 20, dead, "forordning-2021-1058"),
        LinkUse("docs/nb/mal.md", 9, "https://eur-lex.europa.eu/x", "Mål A", "nb"),
        LinkUse("docs/nb/mal.md", 11, "https://ok.no/", "Mål A", "nb"),
        LinkUse("docs/en/po1.md", 20, "https://eur-lex.europa.eu/x", "PO1 in English", "en"),
    ]
    results = {
        dead: judge(dead, "404 Not Found", False),
        "https://eur-lex.europa.eu/x": judge("https://eur-lex.europa.eu/x", "403 Forbidden", False),
        "https://ok.no/": judge("https://ok.no/", "200 OK", True),
    }
    text = body(_report(uses, results), due, today)
    assert text.startswith(
        "Ukens sjekk av håndboka, 2027-06-02: 4 døde lenker og 2 sider som skal faktasjekkes."
    )
    assert "## Døde lenker (4)" in text
    # Norwegian pages first, then English ones (named so), then the sources file.
    assert (
        text.index("### PO1\n")
        < text.index("### PO1 in English (engelsk side)")
        < text.index("### Kildelisten")
    )
    assert (
        "- `docs/nb/po1.md` linje 14: <https://a.no/borte#del>  \n"
        "  Siden finnes ikke lenger (404 Not Found)."
    ) in text
    assert "- `includes/sources.yml` linje 20 (kilden `forordning-2021-1058`): " in text
    assert "## Sider som skal faktasjekkes (2)" in text
    po1_line = _line_of(tmp_path / "docs/nb/po1.md", "last_reviewed")
    assert (
        f"| PO1 | `docs/nb/po1.md` linje {po1_line} | "
        "**Forfalt** 2027-05-01 (sist sjekket 2026-11-01) |" in text
    )
    assert "| Mål A | `docs/nb/mal.md` linje" in text
    assert "| 2027-06-20 (sist sjekket 2026-12-20) |" in text
    assert "## Lenker som ikke kunne sjekkes (1)" in text  # one address
    assert (
        "- <https://eur-lex.europa.eu/x>: Nettstedet slipper ikke inn automatiske sjekker "
        "(403 Forbidden). Brukt i `docs/nb/mal.md` linje 9 og `docs/en/po1.md` linje 20."
    ) in text
    assert "https://ok.no/" not in text
    assert not any(artefact in text for artefact in PYTHON_ARTEFACTS)


def test_weekly_body_when_all_is_well(tmp_path) -> None:
    handbook_with_sources(tmp_path, pages=_review_pages())
    graph = load_graph(load_config(tmp_path / "mkdocs.yml"))
    today = date(2027, 1, 1)
    assert due_pages(graph, today) == []
    text = body(_report([], {}), [], today)
    assert text.splitlines()[0] == (
        "Ukens sjekk av håndboka, 2027-01-01: alt er i orden. Ingen lenker er døde, og ingen "
        "sider skal faktasjekkes de neste 30 dagene."
    )
    assert "##" not in text


def test_weekly_body_says_when_nothing_answered() -> None:
    use = LinkUse("docs/nb/po1.md", 3, "https://a.no/", "PO1", "nb")
    offline = Result("https://a.no/", "unchecked", Text("Ingen svarte.", "None answered."))
    text = body(_report([use], {"https://a.no/": offline}, offline=True), [], date(2027, 1, 1))
    assert (
        text.splitlines()[0] == "Ukens sjekk av håndboka, 2027-01-01: lenkene kunne ikke sjekkes."
    )
    assert "**Lenkene kunne ikke sjekkes denne uken.**" in text
    assert "## Lenker som ikke kunne sjekkes" not in text


def test_weekly_body_escapes_what_pages_write() -> None:
    title = "PO1 <img src=x onerror=alert(1)> @oslokommune *viktig* | [lenke](https://x.no)"
    use = LinkUse("docs/nb/`rar`.md", 3, "https://a.no/", title, "nb")
    result = judge("https://a.no/", "404 Not Found", False)
    text = body(_report([use], {"https://a.no/": result}), [], date(2027, 1, 1))
    assert "### PO1 \\<img src=x onerror=alert(1)\\> \\@oslokommune \\*viktig\\* \\| " in text
    assert not re.search(r"(?<!\\)<img|(?<!\\)@oslo|(?<!\\)\[lenke", text), text
    assert "- ``docs/nb/`rar`.md`` linje 3: <https://a.no/>" in text
    assert code_span("docs/nb/`rar`.md") == "``docs/nb/`rar`.md``"
    assert code_span("`a`") == "`` `a` ``"
    assert markdown("Tom & Jerry") == "Tom &amp; Jerry"


def test_weekly_command_writes_the_body_and_exits_1_when_something_needs_attention(
    tmp_path, server
) -> None:
    base, _ = server
    pages = _review_pages()
    pages["po1.md"] += f"\n[Død]({base}/dead) og [levende]({base}/live).\n"
    handbook_with_sources(tmp_path, LOCAL_SOURCES, pages)
    output = tmp_path / "uke.md"
    result = _run(
        "weekly", str(tmp_path), "--output", str(output), env={"HANDBOOK_TODAY": "2027-06-02"}
    )
    assert result.returncode == 1, result.stderr
    text = output.read_text(encoding="utf-8")
    assert text.startswith(
        "Ukens sjekk av håndboka, 2027-06-02: 1 død lenke og 2 sider som skal faktasjekkes."
    )
    assert f"<{base}/dead>" in text and f"{base}/live" not in text
    assert (
        "handbook weekly: 2 adresser sjekket, 1 død lenke i 1 fil. 2 sider skal faktasjekkes."
    ) in result.stderr


def test_weekly_command_exits_0_when_all_is_well(tmp_path, server) -> None:
    base, _ = server
    pages = _review_pages()
    pages["po1.md"] += f"\n[Levende]({base}/live).\n"
    handbook_with_sources(tmp_path, LOCAL_SOURCES, pages)
    output = tmp_path / "uke.md"
    result = _run(
        "weekly", str(tmp_path), "--output", str(output), env={"HANDBOOK_TODAY": "2027-01-01"}
    )
    assert result.returncode == 0, result.stderr
    assert "alt er i orden" in output.read_text(encoding="utf-8")


def test_weekly_rejects_a_date_that_is_not_one(tmp_path) -> None:
    handbook_with_sources(tmp_path, LOCAL_SOURCES)
    result = _run(
        "weekly", str(tmp_path), "--output", str(tmp_path / "x.md"), env={"HANDBOOK_TODAY": "i går"}
    )
    assert result.returncode == 2
    assert not (tmp_path / "x.md").exists()


def test_the_issue_title_is_norwegian_and_fixed() -> None:
    assert ISSUE_TITLE == "Ukentlig sjekk: lenker og faktasjekk"


def test_summary_and_lines_have_no_python(tmp_path) -> None:
    use = LinkUse("docs/nb/po1.md", 3, "https://a.no/", "PO1", "nb")
    result = judge("https://a.no/", "500 Internal Server Error", False)
    report = _report([use], {"https://a.no/": result})
    for lang in ("nb", "en"):
        for line in [
            *terminal_lines(report, lang),
            summary(report, lang),
            weekly_summary(report, []),
        ]:
            assert not any(artefact in line for artefact in PYTHON_ARTEFACTS), line
    assert terminal_lines(report, "en")[0] == (
        "docs/nb/po1.md:3: https://a.no/ — The site answered with a server error "
        "(500 Internal Server Error)."
    )


def test_a_server_cannot_write_into_the_issue() -> None:
    """The status's standard words are reported, not the server's reason phrase, which any
    linked site could fill with links and @-mentions."""
    result = judge(
        "https://example.org/x", "404 [Alt er i orden](https://evil.example) @octocat", False
    )
    assert result.verdict == "broken" and result.status == 404
    assert "404 Not Found" in result.answer("nb")
    assert "evil" not in result.answer("nb") and "@" not in result.answer("en")
