"""Hostile input ends quickly and clearly: the check, and the build, on pages written to hurt.

Anyone can open a pull request with pages. Each payload here once made the check or the
build hang for minutes, crash with a traceback, or would have: an alias bomb, deep
nesting, huge front matter, bytes that are not UTF-8 or not text, and lines written to
make a pattern backtrack. Each must give a finding at its file and line, exit code 1 and
no traceback, well inside a time limit that is generous (the check takes well under a
second with any of them; the machines running the tests are shared and noisy).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.rules import RULES

from helpers import ROOT, built_page, copy_project

CHECK_SECONDS = 30  # the check of the handbook with one of these pages: under 1 s
BUILD_SECONDS = 120  # a build with all of them: a few seconds

PAGE = "docs/nb/fiendtlig.md"
FRONT = "---\nid: fiendtlig\nkind: page\ndescription: Fiendtlig side.\n"
# A link to an anchor of its own makes the check compute the page's anchors too.
BODY = "---\n# Fiendtlig\n\n[Til toppen](#ingen)\n\n"


def page(front: str = "", body: str = "") -> str:
    return FRONT + front + BODY + body + "\n"


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# Nine lines that would make 9**9 = 387 million strings for whatever walks the value.
LAUGHS = 'lol0: &lol0 ["lol"]\n' + "".join(
    f"lol{i}: &lol{i} [{', '.join([f'*lol{i - 1}'] * 9)}]\n" for i in range(1, 10)
)
BLOCKS = "".join("  " * level + f"k{level}:\n" for level in range(30)) + "  " * 30 + "v\n"
HUGE_FRONT = "".join(f"nokkel{n}: {'v' * 60}\n" for n in range(1100))  # 75 KB


def _front(front: str, needle: str) -> tuple[bytes, int, str]:
    """A page with `front` in its front matter, and the line of `needle` in it."""
    text = page(front=front)
    return text.encode(), line_of(text, needle), "HB001"


def _body(body: str, line: int = 0) -> tuple[bytes, int, str]:
    """A page with `body`, over a limit on its first line or `line` lines further on."""
    text = page(body=body)
    return text.encode(), line_of(text, body) + line, "HB013"


def _huge_front() -> tuple[bytes, int, str]:
    data = page(front=HUGE_FRONT).encode()
    return data, 2 + data[4 : 4 + 64 * 1024].count(b"\n"), "HB001"


BOMB_IN_DESCRIPTION = FRONT.replace("description: Fiendtlig side.\n", "") + LAUGHS
BOMB_IN_DESCRIPTION += "description: *lol9\n" + BODY
LATIN_1 = page(body="Mål for Øresund-regionen.")
NUL = page(body="Tekst\x00med NUL.")
BAD_BYTES = page(body="Tekst med \udcff\udcfe.")

PAYLOADS: dict[str, tuple[bytes, int, str]] = {
    # YAML that grows: refused at the line of the first anchor, alias or merge key.
    "billion laughs": _front(LAUGHS, "lol0: &lol0"),
    "alias bomb in the description": (
        BOMB_IN_DESCRIPTION.encode(),
        line_of(BOMB_IN_DESCRIPTION, "lol0: &lol0"),
        "HB001",
    ),
    "alias": _front("title: *navn\n", "title: *navn"),
    "merge key": _front("base:\n  <<: {kind: page}\n", "  <<:"),
    "50 000 brackets in front matter": _front("goals: " + "[" * 50_000 + "\n", "goals:"),
    "30 levels of block nesting": _front(BLOCKS, "k20:"),
    "75 KB of front matter": _huge_front(),
    "a page of 200 KB": (page(body="a\n" * 100_000).encode(), 1, "HB001"),
    # Bytes that are not text: at the line of the first bad byte, naming it.
    "latin-1": (LATIN_1.encode("latin-1"), line_of(LATIN_1, "Mål"), "HB001"),
    "latin-1 in front matter": (page(front="title: Øresund\n").encode("latin-1"), 5, "HB001"),
    "NUL byte": (NUL.encode(), line_of(NUL, "Tekst"), "HB001"),
    "byte-order mark and bad bytes": (
        b"\xef\xbb\xbf" + BAD_BYTES.encode("utf-8", "surrogateescape"),
        line_of(BAD_BYTES, "Tekst med"),
        "HB001",
    ),
    "UTF-16": (page(body="Mål").encode("utf-16"), 1, "HB001"),
    "UTF-16 without byte-order mark": (page().encode("utf-16-le"), 1, "HB001"),
    # `\n` (10) and `\r` (13) come before the first byte that is not UTF-8 (0x80).
    "binary": (bytes(range(256)) * 64, 3, "HB001"),
    "PNG": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), 1, "HB001"),
}
# Links to files whose names the system refuses: OSError and ValueError before.
for what, target in (("a 600-character file name", "x" * 600 + ".png"), ("%00", "x%00.png")):
    PAYLOADS[f"a link to {what}"] = (
        page(body=f"[a]({target})").encode(),
        line_of(page(body=f"[a]({target})"), "[a]("),
        "HB009",
    )
# Lines of 3 KB and 100 KB: what made each pattern backtrack (and Python-Markdown too).
for size, count in (("3 KB", 3_000), ("100 KB", 100_000)):
    LONG_LINES = {
        "#": "#" * count,
        "spaces": " " * count,
        "backticks": "a" + "`" * count,
        "[": "[" * count,
        "]": "]" * count,
        "{": "{" * count,
        "(": "(" * count,
        "<": "<" * count,
        "mixed": ("[`{(<#* _]" * count)[:count],
        "a heading of spaces": "# a" + " " * count + "x",
        "a heading's attribute list": "## T {" + " " * count,
        "ids in a heading": "## " + "{#a" * (count // 3),
        "emphasis in a heading": "## " + "**a " * (count // 4),
        "links in a heading": "## " + "[](" * (count // 3),
        "links": "[a](" * (count // 4),
        "a link's spaces": "[a](" + " " * count,
        "a reference's spaces": "[a]: x" + " " * count + "y",
        "tags without >": "<a@" * (count // 3),
    }
    for what, line in LONG_LINES.items():
        PAYLOADS[f"{size} line: {what}"] = _body(line)
# Within the line limit, but not within the others.
PAYLOADS |= {
    "60 lines of [ in a paragraph": _body("\n".join(["[" * 1999] * 60)),
    "2 500 headings": (page(body="# a\n" * 2_500).encode(), 2001, "HB013"),
    "lists nested 500 deep": _body("- " * 500 + "x"),
    "600 nested markdown divs": _body('<div markdown="1">\n' * 600 + "</div>\n" * 600, 50),
    "abbreviation lines": _body("*[\n" * 2_000, 10),
}
# Payloads a rule still takes too long on: the check runs without that rule for them, and
# the builds leave them out. None since HB010 renders only pages within HB013's limits.
KNOWN_SLOW: dict[str, str] = {}


def _run(*args: str, cwd: Path, timeout: int, **env: str) -> subprocess.CompletedProcess:
    completed = subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT / "scripts"),
            "NO_MKDOCS_2_WARNING": "1",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert "Traceback" not in completed.stdout + completed.stderr, completed.stderr[-3000:]
    return completed


def _check(project: Path, *rules: str) -> tuple[int, dict[tuple[str, int, str], str]]:
    """The check's exit code and its findings' messages by (path, line, code), of the
    given rules only when there are any."""
    only = [argument for code in rules for argument in ("--rule", code)]
    completed = _run(
        "-m",
        "handbook",
        "check",
        str(project),
        "--format",
        "json",
        *only,
        cwd=project,
        timeout=CHECK_SECONDS,
    )
    findings = json.loads(completed.stdout)["findings"]
    return completed.returncode, {(f["path"], f["line"], f["code"]): f["message"] for f in findings}


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    return copy_project(tmp_path, ("docs", "mkdocs.yml", "includes"))


@pytest.mark.parametrize("name", PAYLOADS)
def test_the_check_reports_hostile_input_at_its_line_quickly(handbook, name) -> None:
    data, line, code = PAYLOADS[name]
    (handbook / PAGE).write_bytes(data)
    rules = [rule for rule in RULES if rule != KNOWN_SLOW.get(name)]
    returncode, findings = _check(handbook, *rules)
    assert returncode == 1
    assert (PAGE, line, code) in findings, sorted(f for f in findings if f[0] == PAGE)


# Files that are no pages at all: (how to make it, the message). The files rule (HB012)
# reports them; the check never opens them. The check speaks Norwegian by default.
LINK = "Dette er en symbolsk lenke (symlink)"
NOT_FILES = {
    "a link to nowhere": (lambda path: path.symlink_to("nowhere.md"), LINK),
    "a link to /dev/zero": (lambda path: path.symlink_to("/dev/zero"), LINK),
    "a link to itself": (lambda path: path.symlink_to(path.name), LINK),
    "a pipe": (lambda path: os.mkfifo(path), "verken en fil eller en mappe"),
}


@pytest.mark.parametrize("name", NOT_FILES)
def test_a_page_that_is_not_a_file_is_reported_without_reading_it(handbook, name) -> None:
    make, message = NOT_FILES[name]
    make(handbook / PAGE)
    returncode, findings = _check(handbook)
    assert returncode == 1
    assert message in findings[(PAGE, 1, "HB012")]


def test_a_file_name_that_is_not_utf8_is_reported_and_printed_escaped(handbook) -> None:
    """os.scandir keeps such bytes as surrogates, which a strict UTF-8 stdout refused."""
    os.mkdir(bytes(handbook / "docs/nb/mappe"))
    (Path(os.fsdecode(bytes(handbook / "docs/nb/mappe") + b"/\xe6\xf8.md"))).write_bytes(
        page().encode()
    )
    completed = _run(
        "-m",
        "handbook",
        "check",
        str(handbook),
        cwd=handbook,
        timeout=CHECK_SECONDS,
        PYTHONIOENCODING="utf-8:strict",
    )
    assert completed.returncode == 1
    assert "docs/nb/mappe/\\udce6\\udcf8.md:1: HB001 Filnavnet er ikke UTF-8-tekst." in (
        completed.stdout
    )


def test_folders_1_000_deep_are_read_without_recursion(handbook) -> None:
    """os.walk, recursive in Python 3.11, raised RecursionError here."""
    chain = [handbook / "docs/nb/a"]
    for _ in range(999):  # one at a time: os.makedirs recurses as well
        chain.append(chain[-1] / "a")
    try:
        for folder in chain:
            folder.mkdir()
        (chain[-1] / "side.md").write_text(page(), encoding="utf-8")
        returncode, findings = _check(handbook)
        assert returncode == 1
        path = f"docs/nb/{'a/' * 1_000}side.md"
        assert (path, 1, "HB007") in findings  # not in the nav, as any new page
    finally:
        # shutil.rmtree recurses too: pytest could not remove the folders afterwards.
        (chain[-1] / "side.md").unlink(missing_ok=True)
        for folder in reversed(chain):
            if folder.exists():
                folder.rmdir()


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (LAUGHS, 1, "YAML `&lol0` som et navn på verdien"),
        ("nav:\n  Start: *start\n", 2, "YAML `*start` som en henvisning"),
        ("deep: " + "[" * 30 + "\n", 1, "mer enn 20 nivåer inni hverandre"),
    ],
)
def test_a_hostile_word_file_is_reported_at_its_line(handbook, text, line, message) -> None:
    words = handbook / "includes/words.en.yml"
    original = words.read_text(encoding="utf-8")
    words.write_text(text + original, encoding="utf-8")
    returncode, findings = _check(handbook)
    assert returncode == 1
    assert message in findings[("includes/words.en.yml", line, "HB011")]


def test_a_word_file_that_is_not_utf8_is_reported_at_the_bad_byte(handbook) -> None:
    words = handbook / "includes/words.en.yml"
    words.write_bytes(b"# Ord\n" + "ordet: Ø\n".encode("latin-1") + words.read_bytes())
    returncode, findings = _check(handbook)
    assert returncode == 1
    message = findings[("includes/words.en.yml", 2, "HB011")]
    assert message == "Filen er ikke UTF-8-tekst (byten 0xd8 på denne linjen)."


def test_an_alias_bomb_in_mkdocs_yml_is_a_configuration_error(handbook) -> None:
    config = handbook / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    nav = text.index("\nnav:\n") + len("\nnav:\n")
    laughs = "".join(f"  - {line}\n" for line in LAUGHS.splitlines())
    config.write_text(text[:nav] + laughs + text[nav:], encoding="utf-8")
    completed = _run("-m", "handbook", "check", str(handbook), cwd=handbook, timeout=CHECK_SECONDS)
    assert completed.returncode == 2
    line = text[:nav].count("\n") + 1
    # A configuration error, for whoever runs the check: config.py says it in English.
    assert (
        f"mkdocs.yml:{line}: The value starts with `&`, so YAML reads `&lol0` as a name for "
        "the value" in (completed.stderr)
    )


# The builds: every hostile page at once, in a copy of the whole project.
BUILD_PAGES = {
    f"fiendtlig-{index}.md": name for index, name in enumerate(PAYLOADS) if name not in KNOWN_SLOW
}


@pytest.fixture
def hostile_project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    for file_name, name in BUILD_PAGES.items():
        (project / "docs/nb" / file_name).write_bytes(PAYLOADS[name][0])
    return project


def _build(project: Path, strict: str) -> subprocess.CompletedProcess:
    return _run(
        "-m",
        "mkdocs",
        "build",
        strict,
        "--site-dir",
        str(project / "site"),
        cwd=project,
        timeout=BUILD_SECONDS,
    )


def test_a_strict_build_with_one_hostile_page_stops_before_rendering(tmp_path) -> None:
    project = copy_project(tmp_path / "project")
    data, line, code = PAYLOADS["alias bomb in the description"]
    (project / PAGE).write_bytes(data)
    completed = _build(project, "--strict")
    assert completed.returncode == 1
    assert (
        f"{PAGE}:{line}: {code} Verdien begynner med `&`, og da leser YAML `&lol0` som et navn "
        "på verdien" in (completed.stderr)
    )
    assert "the strict build stops before rendering" in completed.stderr
    assert not (project / "site/fiendtlig").exists()


def test_a_strict_build_with_every_hostile_page_names_each(hostile_project) -> None:
    completed = _build(hostile_project, "--strict")
    assert completed.returncode == 1
    for file_name, name in BUILD_PAGES.items():
        _, line, code = PAYLOADS[name]
        assert f"docs/nb/{file_name}:{line}: {code}" in completed.stderr, name


def test_a_build_that_is_not_strict_finishes_with_every_hostile_page(hostile_project) -> None:
    glossary = hostile_project / "docs/nb/ordliste.md"
    glossary.write_bytes(glossary.read_bytes() + "*[ØKS]: Øresund\n".encode("latin-1"))
    completed = _build(hostile_project, "--no-strict")
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "docs/nb/ordliste.md:" in completed.stderr
    site = hostile_project / "site"
    index = {name: file_name for file_name, name in BUILD_PAGES.items()}

    def html(name: str) -> str:
        return built_page(site, index[name]).read_text(encoding="utf-8")

    assert "Denne siden vises ikke." in html("100 KB line: [")
    assert "Denne siden vises ikke." in html("a page of 200 KB")
    assert "Fiendtlig" in html("alias bomb in the description")  # rendered without it
    assert "\ufffdresund" in html("latin-1")
