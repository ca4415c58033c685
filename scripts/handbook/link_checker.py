"""Fetch each external address once with LinkChecker, and say what became of it.

LinkChecker (https://linkchecker.github.io/linkchecker/, `linkchecker` on PyPI, pinned
in requirements-dev.txt) is run once for all addresses, as a subprocess: the addresses go
in on standard input (`--stdin`), one result per address comes out as XML on standard
output (`log=xml`, `verbose=1`: every address, not only the failing ones), which is read
as it arrives, so the command can show its progress.

Its settings are written to a configuration file of our own (`-f`), so a user's
~/.config/linkchecker/linkcheckerrc changes nothing (and is not created), and its data
folder is a temporary one, so nothing is left in ~/.local/share. Each setting is
documented in linkcheckerrc(5):

- recursionlevel=0: check the address, never the links on the page it answers with;
- robotstxt=0: the check fetches only the addresses the handbook links to, once a week,
  as a reader clicking them would; it does not crawl, which is what robots.txt governs
  (lychee, the other checker considered, ignores robots.txt too);
- timeout, threads, maxrunseconds, aborttimeout: each connection gives up after
  `timeout` seconds, and the whole run stops after `maxrunseconds`; this module kills it
  if it has not ended some time after that;
- maxrequestspersecond=100: LinkChecker waits 0.1 to 0.6 s between two requests to one
  host whatever this says, unless the host answers with a `LinkChecker` header (none on
  the internet does; the tests' local server does, so its five addresses take no waits);
- allowedschemes=http,https: nothing but web addresses is ever fetched;
- useragent: says what is asking, and that it is a link check.

What counts as broken (exit 1, listed in the weekly issue): the server answered 404,
410, any other 4xx but 401, 403 and 429, or 5xx; or the name does not resolve; or the
server refuses the connection. 401, 403, 429, a time-out and anything else are "could not
be checked": sites such as eur-lex turn away robots, and a reader's browser may still get
the page. Redirects are followed and are fine.

When not one address got an answer from a server, the machine is taken to be offline
(`Outcome.offline`): nothing is called broken then, since nothing could be checked.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import threading
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from .messages import Text, code

Verdict = Literal["ok", "broken", "unchecked"]

# Seconds one connection (and one read) may take before the address counts as timed out.
TIMEOUT = 20
# LinkChecker's default. The handbook links to 11 addresses on 9 hosts (December 2026).
THREADS = 10
# The whole run stops after this many seconds (then `ABORT_TIMEOUT` for checks under way).
MAX_RUN_SECONDS = 300
ABORT_TIMEOUT = 30
USER_AGENT = (
    "Mozilla/5.0 (compatible; LinkChecker/10.6; "
    "link check of Oslo kommune's handbook of international work)"
)

_STATUS = re.compile(r"(\d{3})\b\s*(.*)")
_END_OF_RESULT = "</urldata>"
_NAME_NOT_FOUND = (
    "NameResolutionError",
    "Failed to resolve",
    "Name or service not known",
    "nodename nor servname",
    "No address associated",
    "Hostname not found",
    "getaddrinfo failed",
    "Temporary failure in name resolution",
)
_REFUSED = ("Connection refused", "[Errno 111]", "ConnectionRefusedError")
_TIMED_OUT = ("ReadTimeout", "ConnectTimeout", "Timeout", "timed out")


class LinkCheckerMissingError(RuntimeError):
    """LinkChecker is not installed in this Python (a usage problem: exit 2)."""

    def __init__(self) -> None:
        super().__init__(
            Text(
                "LinkChecker er ikke installert. Kjør `make links`, som installerer det.",
                "LinkChecker is not installed. Run `make links`, which installs it.",
            )
        )

    @property
    def text(self) -> Text:
        return self.args[0]


class LinkCheckerFailedError(RuntimeError):
    """LinkChecker stopped without checking anything (exit 2); `text` says what it printed."""

    def __init__(self, text: Text) -> None:
        super().__init__(text)

    @property
    def text(self) -> Text:
        return self.args[0]


@dataclass(frozen=True)
class Result:
    """What became of one address: ok, broken or unchecked, and the answer in words."""

    address: str
    verdict: Verdict
    answer: Text  # one sentence: what the server said, in words a reader understands
    status: int | None = None  # the HTTP status, when the server answered


@dataclass
class Outcome:
    """Every address's result, and whether the machine seemed to be offline."""

    results: dict[str, Result] = field(default_factory=dict)
    offline: bool = False


def is_installed() -> bool:
    return importlib.util.find_spec("linkcheck") is not None


def configuration(timeout: int = TIMEOUT, max_run_seconds: int = MAX_RUN_SECONDS) -> str:
    """LinkChecker's configuration file (linkcheckerrc(5)) for one run."""
    return (
        "[checking]\n"
        f"threads={THREADS}\n"
        f"timeout={timeout}\n"
        f"aborttimeout={ABORT_TIMEOUT}\n"
        f"maxrunseconds={max_run_seconds}\n"
        "recursionlevel=0\n"
        "maxrequestspersecond=100\n"
        "robotstxt=0\n"
        "allowedschemes=http,https\n"
        f"useragent={USER_AGENT}\n"
        "[output]\n"
        "log=xml\n"
        "verbose=1\n"
        "status=0\n"
        "[xml]\n"
        "encoding=utf-8\n"
    )


def check(
    addresses: Iterable[str],
    progress: Callable[[int, int], None] | None = None,
    timeout: int = TIMEOUT,
    max_run_seconds: int = MAX_RUN_SECONDS,
) -> Outcome:
    """Check every address once; `progress(done, total)` is called as results arrive.

    Raises LinkCheckerMissingError when LinkChecker is not installed, and
    LinkCheckerFailedError when it stops without a single result.
    """
    wanted = sorted(set(addresses))
    outcome = Outcome()
    if not wanted:
        return outcome
    if not is_installed():
        raise LinkCheckerMissingError
    chunks, errors, returncode = _run(wanted, progress, timeout, max_run_seconds)
    parsed = parse_results(chunks, timeout)
    if not parsed:  # with verbose=1 it writes one result per address, whatever became of it
        raise LinkCheckerFailedError(_failure(errors, returncode, max_run_seconds))
    outcome.results = {address: parsed.get(address) or _not_reached(address) for address in wanted}
    outcome.offline = not any(result.status is not None for result in outcome.results.values())
    if outcome.offline:
        outcome.results = {address: _offline(result) for address, result in outcome.results.items()}
    return outcome


def _failure(errors: str, returncode: int | None, max_run_seconds: int) -> Text:
    if returncode is None:
        limit = max_run_seconds + ABORT_TIMEOUT
        return Text(
            f"LinkChecker ble ikke ferdig innen {limit} sekunder og ble stoppet.",
            f"LinkChecker did not finish within {limit} seconds and was stopped.",
        )
    lines = errors.strip().splitlines()
    said = lines[-1].strip() if lines else ""
    if not said:
        return Text(
            f"LinkChecker stoppet uten å sjekke noe (avslutningskode {returncode}).",
            f"LinkChecker stopped without checking anything (exit code {returncode}).",
        )
    return Text(
        f"LinkChecker stoppet uten å sjekke noe. Det skrev: {code(said)}",
        f"LinkChecker stopped without checking anything. It said: {code(said)}",
    )


def _run(
    addresses: list[str],
    progress: Callable[[int, int], None] | None,
    timeout: int,
    max_run_seconds: int,
) -> tuple[list[str], str, int | None]:
    """Run LinkChecker; its results as XML chunks, what it wrote on stderr, its exit code."""
    chunks: list[str] = []
    with tempfile.TemporaryDirectory(prefix="handbook-links-") as folder:
        config = Path(folder, "linkcheckerrc")
        config.write_text(configuration(timeout, max_run_seconds), encoding="utf-8")
        errors_file = Path(folder, "stderr.txt")
        # LinkChecker's messages in English whatever the machine's language, so the result
        # texts read the same everywhere (its messages are translated through gettext).
        env = {key: value for key, value in os.environ.items() if key != "LANGUAGE"}
        env.update(LC_ALL="C.UTF-8", LANG="C.UTF-8", PYTHONIOENCODING="utf-8")
        # It makes a plugin folder in $XDG_DATA_HOME (~/.local/share) at every start: here
        # in the temporary folder, so nothing is left in the user's home.
        env["XDG_DATA_HOME"] = folder
        with open(errors_file, "w+b") as errors:
            process = subprocess.Popen(
                [sys.executable, "-m", "linkcheck", "-f", str(config), "--stdin"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
                env=env,
            )
            reader = threading.Thread(
                target=_read_results, args=(process, chunks, len(addresses), progress)
            )
            reader.start()
            assert process.stdin is not None
            try:
                process.stdin.write("\n".join(addresses).encode("utf-8") + b"\n")
                process.stdin.close()
            except BrokenPipeError:  # it stopped before reading them; its stderr says why
                pass
            try:
                returncode: int | None = process.wait(max_run_seconds + ABORT_TIMEOUT + 30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                returncode = None
            reader.join()
            errors.seek(0)
            said = errors.read().decode("utf-8", "replace")
    return chunks, said, returncode


def _read_results(
    process: subprocess.Popen[bytes],
    chunks: list[str],
    total: int,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Collect each <urldata> element as LinkChecker writes it (one per address)."""
    assert process.stdout is not None
    pending: list[str] = []
    for raw in process.stdout:
        line = raw.decode("utf-8", "replace")
        if pending or line.lstrip().startswith("<urldata"):
            pending.append(line)
        if line.strip() == _END_OF_RESULT:
            chunks.append("".join(pending))
            pending = []
            if progress is not None:
                progress(len(chunks), total)


def parse_results(chunks: Iterable[str], timeout: int = TIMEOUT) -> dict[str, Result]:
    """Address -> Result, from LinkChecker's <urldata> elements (its xml output)."""
    results: dict[str, Result] = {}
    for chunk in chunks:
        try:
            element = ElementTree.fromstring(chunk)
        except ElementTree.ParseError:
            continue
        address = element.findtext("url")
        valid = element.find("valid")
        if address is None or valid is None:
            continue
        results[address] = judge(address, valid.get("result", ""), valid.text == "1", timeout)
    return results


def judge(address: str, result: str, valid: bool, timeout: int = TIMEOUT) -> Result:
    """Ok, broken or unchecked, from LinkChecker's result text (`404 Not Found`,
    `ConnectionError: …`) and its valid flag; `timeout` is the one it was run with."""
    host = urlsplit(address).hostname or address
    status = _STATUS.match(result)
    if status:
        # The status's standard words, not the server's: any linked site could otherwise
        # write Markdown, links and @-mentions into the weekly issue.
        number = int(status.group(1))
        try:
            reason = HTTPStatus(number).phrase
        except ValueError:
            reason = ""
        return _answered(address, number, f"{number} {reason}".strip())
    if any(marker in result for marker in _NAME_NOT_FOUND):
        return Result(
            address,
            "broken",
            Text(
                f"Navnet {host} finnes ikke: det peker ikke på noen server.",
                f"The name {host} does not exist: it points to no server.",
            ),
        )
    if any(marker in result for marker in _REFUSED):
        return Result(
            address,
            "broken",
            Text(
                f"Serveren {host} tar ikke imot tilkoblinger.",
                f"The server {host} refuses connections.",
            ),
        )
    if any(marker in result for marker in _TIMED_OUT):
        one = timeout == 1
        return Result(
            address,
            "unchecked",
            Text(
                f"Nettstedet svarte ikke innen {timeout} {'sekund' if one else 'sekunder'}.",
                f"The site did not answer within {timeout} {'second' if one else 'seconds'}.",
            ),
        )
    if "SSLError" in result or "CERTIFICATE" in result.upper():
        return Result(
            address,
            "unchecked",
            Text(
                "Sertifikatet til nettstedet kunne ikke bekreftes.",
                "The site's certificate could not be verified.",
            ),
        )
    if valid:
        return Result(address, "ok", Text("Siden svarer.", "The page answers."))
    # The name of the error (`ChunkedEncodingError`), set apart, for whoever looks into it.
    kind = result.split(":", 1)[0].strip()[:60]
    named = Text(f" Feilen heter {code(kind)}.", f" The error is called {code(kind)}.")
    return Result(
        address,
        "unchecked",
        Text(
            "LinkChecker fikk ikke hentet siden." + (named.nb if kind else ""),
            "LinkChecker could not fetch the page." + (named.en if kind else ""),
        ),
    )


def _answered(address: str, number: int, said: str) -> Result:
    if number < 400:
        return Result(address, "ok", Text("Siden svarer.", "The page answers."), number)
    if number in (404, 410):
        return Result(
            address,
            "broken",
            Text(f"Siden finnes ikke lenger ({said}).", f"The page no longer exists ({said})."),
            number,
        )
    if number == 401:
        words = Text(
            f"Nettstedet krever innlogging ({said}).", f"The site asks for a login ({said})."
        )
        return Result(address, "unchecked", words, number)
    if number == 403:
        words = Text(
            f"Nettstedet slipper ikke inn automatiske sjekker ({said}).",
            f"The site turns automatic checks away ({said}).",
        )
        return Result(address, "unchecked", words, number)
    if number == 429:
        words = Text(
            f"Nettstedet ba sjekken vente og prøve igjen senere ({said}).",
            f"The site asked the check to wait and try again later ({said}).",
        )
        return Result(address, "unchecked", words, number)
    if number >= 500:
        words = Text(
            f"Nettstedet svarte med en feil på serveren ({said}).",
            f"The site answered with a server error ({said}).",
        )
        return Result(address, "broken", words, number)
    words = Text(f"Nettstedet avviste lenken ({said}).", f"The site refused the link ({said}).")
    return Result(address, "broken", words, number)


def _not_reached(address: str) -> Result:
    return Result(
        address,
        "unchecked",
        Text(
            "Sjekken rakk ikke denne lenken innen tidsgrensen.",
            "The check did not get to this link within its time limit.",
        ),
    )


def _offline(result: Result) -> Result:
    return Result(
        result.address,
        "unchecked",
        Text(
            "Ingen nettsteder svarte. Maskinen er trolig uten internett.",
            "No site answered. The machine is probably offline.",
        ),
    )
