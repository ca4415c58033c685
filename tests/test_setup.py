"""The README's `make test` sets up everything the tests need on a fresh machine.

scripts/install-test-tools.sh installs the system programs (Chromium, hunspell and its nb
and en_GB dictionaries) with apt-get, through `sudo -n` when not root, and says in one line
what to install when it cannot. These tests run it against stand-ins for apt-get, sudo and
id on an otherwise empty PATH, so nothing is installed for real.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from helpers import ROOT

SCRIPT = ROOT / "scripts" / "install-test-tools.sh"
ALL_PACKAGES = "chromium hunspell hunspell-no hunspell-en-gb poppler-utils"


def _stub(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


@pytest.fixture
def machine(tmp_path: Path):
    """A PATH with only the stand-ins each test adds, a log of what they were asked to do,
    and an empty dictionary folder."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (tmp_path / "dictionaries").mkdir()
    log = tmp_path / "calls.log"
    os.symlink("/usr/bin/env", bin_dir / "env")

    def run(
        *,
        uid: int = 1000,
        apt: bool = True,
        sudo: bool = True,
        have: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
        args: tuple[str, ...] = (),
    ):
        _stub(bin_dir, "id", f"echo {uid}")
        if apt:
            _stub(bin_dir, "apt-get", f'echo "apt-get $*" >> "{log}"')
        if sudo:
            _stub(bin_dir, "sudo", f'echo "sudo $*" >> "{log}"\n[ "$1" = -n ] && shift\nexec "$@"')
        for program in have:
            if program.endswith(".dic"):
                (tmp_path / "dictionaries" / program).touch()
            else:
                _stub(bin_dir, program, "true")
        completed = subprocess.run(
            ["/bin/sh", str(SCRIPT), *args],
            env={
                "PATH": str(bin_dir),
                "HUNSPELL_DICTIONARIES": str(tmp_path / "dictionaries"),
                **(env or {}),
            },
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
        calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        return completed, calls

    return run


def test_installs_every_missing_package_with_sudo_when_not_root(machine) -> None:
    completed, calls = machine(uid=1000)
    assert completed.returncode == 0, completed.stderr
    # No terminal: sudo must not wait for a password nobody can type.
    assert (
        f"sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq {ALL_PACKAGES}" in calls
    )
    assert f"apt-get install -y -qq {ALL_PACKAGES}" in calls
    assert "apt-get update -qq" in calls


def test_root_installs_without_sudo(machine) -> None:
    completed, calls = machine(uid=0, have=("chromium", "hunspell", "nb_NO.dic", "pdftotext"))
    assert completed.returncode == 0, completed.stderr
    assert calls == ["apt-get update -qq", "apt-get install -y -qq hunspell-en-gb"]


def test_does_nothing_when_everything_is_there(machine) -> None:
    completed, calls = machine(have=("chromium", "hunspell", "nb_NO.dic", "en_GB.dic", "pdftotext"))
    assert (completed.returncode, completed.stdout, completed.stderr, calls) == (0, "", "", [])


@pytest.mark.parametrize("missing", ["apt-get", "sudo"])
def test_says_in_one_line_what_to_install_when_it_cannot(machine, missing) -> None:
    completed, calls = machine(apt=missing != "apt-get", sudo=missing != "sudo")
    assert completed.returncode == 0
    assert calls == []
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1, completed.stderr
    assert f"install {ALL_PACKAGES}" in lines[0]


def test_a_named_browser_needs_no_chromium(machine) -> None:
    completed, calls = machine(
        uid=0,
        have=("hunspell", "nb_NO.dic", "en_GB.dic", "pdftotext"),
        env={"HANDBOOK_CHROMIUM": "/usr/bin/google-chrome"},
    )
    assert (completed.returncode, completed.stderr, calls) == (0, "", [])


def test_make_build_installs_only_chromium_for_the_pdfs(machine) -> None:
    # The stand-ins stay on the PATH once made: the machine without apt-get comes first.
    completed, calls = machine(uid=0, apt=False, args=("build",))
    assert "make build: please install chromium" in completed.stderr
    assert "HANDBOOK_PDF=off make build" in completed.stderr
    completed, calls = machine(uid=0, args=("build",))
    assert completed.returncode == 0, completed.stderr
    assert calls == ["apt-get update -qq", "apt-get install -y -qq chromium"]


def test_make_test_runs_the_installer_and_ci_runs_only_make_test() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_rule = re.search(r"^test:(.*)$", makefile, re.MULTILINE)
    assert test_rule and "test-tools" in test_rule.group(1).split()
    assert re.search(
        r"^test-tools:\n\t@?sh scripts/install-test-tools\.sh$", makefile, re.MULTILINE
    )
    commands = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    # Shell set-up aside (set, cd, export), the README's test command is all CI runs.
    assert [c for c in commands if c.split()[0] not in ("set", "cd", "export")] == ["make test"]
