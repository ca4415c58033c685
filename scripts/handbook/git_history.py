"""What git knows about the pages: whether the history is complete, and when each file last
changed.

The "last updated" date under each page comes from here. One `git log` for the whole docs
folder (about 10 ms) replaces mkdocs-git-revision-date-localized-plugin, which ran one
`git log` per page in a process pool and per language build; it cost 0.8 s of a 2.9 s build
(measured with benchmarks/bench_build.py overhead). In a shallow clone every page's last
commit would be the clone's tip, and outside git there is none, so there are no dates then.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

_MARK = "\x1e"  # starts each commit's line in the log below; never found in a file name


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(
            ["git", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None  # no git on this machine


def has_full_history(path: Path) -> bool:
    """True inside a git work tree that is not a shallow clone."""
    completed = _git(path, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository")
    return (
        completed is not None
        and completed.returncode == 0
        and completed.stdout.split() == ["true", "false"]
    )


def last_commit_times(folder: Path) -> dict[str, int]:
    """Map each committed file under `folder` (path relative to it, with `/`) to the commit
    time (Unix seconds) of the last commit that changed it.

    Commit time rather than author time: the date a change reached the history, which is
    what "last updated" on a published page means. Files changed only in the work tree keep
    their last commit's date. Empty when git is missing or `folder` is not in a repository.
    """
    completed = _git(
        folder,
        "log",
        "-z",
        f"--format={_MARK}%ct",
        "--name-only",
        "--no-renames",
        "--relative",
        "--",
        ".",
    )
    if completed is None or completed.returncode != 0:
        return {}
    times: dict[str, int] = {}
    current, after_header = 0, False
    # With -z each commit is "<MARK>time\0" then "\n" and its file names, each ending in
    # "\0"; newest commit first, so the first time seen for a file is its last change.
    for token in completed.stdout.split("\0"):
        if token.startswith(_MARK):
            current, after_header = int(token[1:]), True
            continue
        if after_header and token.startswith("\n"):
            token = token[1:]
        after_header = False
        if token:
            times.setdefault(token, current)
    return times
