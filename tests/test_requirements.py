"""Every package is installed pinned by version and by hash.

requirements.in and requirements-dev.in name what the site and the tests need directly.
`make requirements` compiles them with uv into requirements.txt and requirements-dev.txt:
every package, transitive ones included, pinned with == and followed by the sha256 of each
file published for that version. The Makefile installs only from those two files, with
--require-hashes, so a package changed on the registry cannot enter a build.

These tests fail when a hand edit breaks that: a requirement without a pin or a hash, a pin
in a .in file that the compiled file does not carry, a dev file that disagrees with the site
file, or an install without --require-hashes. They read files only; nothing goes to the
network.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

import pytest
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from helpers import ROOT

# Each source file and the file `make requirements` compiles it into.
COMPILED = {"requirements.in": "requirements.txt", "requirements-dev.in": "requirements-dev.txt"}
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")
COMMENT = re.compile(r"(^|\s)#.*$")


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    marker: str
    hashes: frozenset[str]
    line: int


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """(first line number, text) of each requirement line, continuations joined, comments
    dropped."""
    lines: list[tuple[int, str]] = []
    pending: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = COMMENT.sub("", raw).strip()
        if not pending:
            start = number
        continued = line.endswith("\\")
        pending.append(line.removesuffix("\\").strip())
        if not continued:
            joined = " ".join(part for part in pending if part)
            if joined:
                lines.append((start, joined))
            pending = []
    if pending and any(pending):
        lines.append((start, " ".join(part for part in pending if part)))
    return lines


def check_compiled(text: str) -> tuple[list[Pin], list[str]]:
    """The pins in a compiled requirements file, and what is wrong with it: every line must
    be `name==version` (a marker may follow) with at least one sha256 hash, and nothing
    else (no options, URLs, ranges or editable installs)."""
    pins: list[Pin] = []
    problems: list[str] = []
    for number, line in _logical_lines(text):
        tokens = line.split()
        hashes = [token for token in tokens if token.startswith("--hash")]
        rest = " ".join(token for token in tokens if not token.startswith("--hash"))
        where = f"line {number}: {rest or line}"
        bad = [token for token in hashes if not HASH.fullmatch(token)]
        if bad:
            problems.append(f"{where}: not a sha256 hash: {', '.join(bad)}")
        if rest.startswith("-"):
            problems.append(f"{where}: an option; compiled files hold only pinned packages")
            continue
        try:
            requirement = Requirement(rest)
        except InvalidRequirement as error:
            problems.append(f"{where}: not a requirement ({error})")
            continue
        specifiers = list(requirement.specifier)
        exact = (
            requirement.url is None
            and len(specifiers) == 1
            and specifiers[0].operator == "=="
            and "*" not in specifiers[0].version
        )
        if not exact:
            problems.append(f"{where}: not pinned to one version with ==")
            continue
        if not hashes:
            problems.append(f"{where}: no --hash=sha256:...")
        pins.append(
            Pin(
                name=canonicalize_name(requirement.name),
                version=specifiers[0].version,
                marker=str(requirement.marker or ""),
                hashes=frozenset(hashes),
                line=number,
            )
        )
    seen: dict[tuple[str, str], int] = {}
    for pin in pins:
        key = (pin.name, pin.marker)
        if key in seen:
            problems.append(f"line {pin.line}: {pin.name} again (first on line {seen[key]})")
        seen.setdefault(key, pin.line)
    return pins, problems


def _compiled(name: str) -> dict[str, Pin]:
    pins, problems = check_compiled((ROOT / name).read_text(encoding="utf-8"))
    assert not problems, f"{name}:\n" + "\n".join(problems)
    return {pin.name: pin for pin in pins}


def _direct(name: str) -> list[tuple[str, int, Requirement]]:
    """The requirements a .in file names, its -r includes followed; -c constraints are
    not requirements and are skipped."""
    found: list[tuple[str, int, Requirement]] = []
    for number, line in _logical_lines((ROOT / name).read_text(encoding="utf-8")):
        option, _, argument = line.partition(" ")
        if option in ("-r", "--requirement"):
            found += _direct(argument.strip())
        elif option in ("-c", "--constraint"):
            continue
        else:
            found.append((name, number, Requirement(line)))
    return found


def test_the_check_finds_unpinned_and_unhashed_lines() -> None:
    good = "a" * 64
    text = "\n".join(
        [
            "# a comment",
            f"mkdocs==1.6.1 \\\n    --hash=sha256:{good}\n    # via -r requirements.in",
            "requests>=2.0",
            "idna==3.20",
            f"urllib3==2.8.0 --hash=md5:{'b' * 32}",
            f"pip --hash=sha256:{good}",
            "-e .",
            "--index-url https://example.invalid/simple",
            f"colorama==0.4.* --hash=sha256:{good}",
            f"mkdocs==1.6.1 --hash=sha256:{good}",
            f"tzdata==2026.6 ; sys_platform == 'win32' --hash=sha256:{good}",
        ]
    )
    pins, problems = check_compiled(text)
    assert [pin.name for pin in pins] == ["mkdocs", "idna", "urllib3", "mkdocs", "tzdata"]
    assert pins[-1].marker == 'sys_platform == "win32"'
    assert [problem.split(":")[0] for problem in problems] == [
        "line 5",  # requests>=2.0
        "line 6",  # idna without a hash
        "line 7",  # md5
        "line 8",  # no version
        "line 9",  # -e
        "line 10",  # --index-url
        "line 11",  # a wildcard
        "line 12",  # mkdocs twice
    ], problems


@pytest.mark.parametrize("name", sorted(COMPILED.values()))
def test_every_package_is_pinned_with_a_hash(name: str) -> None:
    assert _compiled(name)


def test_the_dev_file_installs_on_its_own_with_the_site_versions() -> None:
    site = _compiled("requirements.txt")
    dev = _compiled("requirements-dev.txt")
    missing = sorted(set(site) - set(dev))
    assert not missing, f"requirements-dev.txt lacks site packages: {missing}"
    differ = {
        name: (pin.version, dev[name].version)
        for name, pin in site.items()
        if (pin.version, pin.hashes) != (dev[name].version, dev[name].hashes)
    }
    assert not differ, f"requirements.txt and requirements-dev.txt disagree: {differ}"


@pytest.mark.parametrize("source", sorted(COMPILED))
def test_every_direct_requirement_is_compiled_at_its_version(source: str) -> None:
    compiled = _compiled(COMPILED[source])
    problems = []
    for name, number, requirement in _direct(source):
        specifiers = list(requirement.specifier)
        if len(specifiers) != 1 or specifiers[0].operator != "==":
            problems.append(f"{name}:{number}: {requirement} is not pinned with ==")
            continue
        pin = compiled.get(canonicalize_name(requirement.name))
        if pin is None or pin.version != specifiers[0].version:
            found = pin.version if pin else "nothing"
            problems.append(
                f"{name}:{number}: {requirement}, but {COMPILED[source]} has {found}"
                " (run make requirements)"
            )
    assert not problems, "\n".join(problems)


def test_the_dev_file_is_constrained_by_the_site_file() -> None:
    lines = [line for _, line in _logical_lines((ROOT / "requirements-dev.in").read_text("utf-8"))]
    assert "-r requirements.in" in lines
    assert "-c requirements.txt" in lines


def _recipes(makefile: str) -> list[str]:
    """The Makefile's commands, continuation lines joined."""
    return [
        line.lstrip("\t@-")
        for line in makefile.replace("\\\n", " ").splitlines()
        if line.startswith("\t")
    ]


def test_the_makefile_installs_only_hashed_requirement_files() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    installed = []
    for recipe in _recipes(makefile):
        tokens = shlex.split(recipe)
        for index, token in enumerate(tokens[:-1]):
            if token == "pip" and tokens[index + 1] == "install":
                arguments = tokens[index + 2 :]
                break
        else:
            continue
        assert "--require-hashes" in arguments, recipe
        assert not {"--upgrade", "-U"} & set(arguments), recipe
        files = [arguments[i + 1] for i, a in enumerate(arguments[:-1]) if a == "-r"]
        # Nothing named on the command line: a package there would carry no hash.
        named = [
            a
            for i, a in enumerate(arguments)
            if not a.startswith("-") and (i == 0 or arguments[i - 1] not in ("-r", "--only-binary"))
        ]
        assert files and not named, recipe
        installed += files
    assert sorted(installed) == sorted(COMPILED.values()), installed


def test_make_requirements_compiles_both_files_with_hashes() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^requirements:", makefile, re.MULTILINE)
    assert "--generate-hashes" in makefile
    recipes = _recipes(makefile)
    for source, compiled in COMPILED.items():
        assert any(f"{source} -o {compiled}" in recipe for recipe in recipes), source
    # The compiler and pip itself are pinned with hashes too.
    dev = _compiled("requirements-dev.txt")
    assert {"uv", "pip"} <= set(dev)
    assert "pip" in _compiled("requirements.txt")


def test_the_compiled_files_name_their_source() -> None:
    for source, compiled in COMPILED.items():
        header = (ROOT / compiled).read_text(encoding="utf-8").splitlines()[:2]
        assert header[0].startswith("# This file was autogenerated by uv"), compiled
        assert f"{source} -o {compiled}" in header[1], header
