"""Whether the pages have their full git history, so "last updated" dates are true.

The date plugin reads each page's last commit. In a shallow clone that commit is the clone's
tip for every page, and outside git there is none; both would show wrong dates or stop a
strict build with warnings. The hooks switch the dates off there instead.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def has_full_history(path: Path) -> bool:
    """True inside a git work tree that is not a shallow clone."""
    try:
        completed = subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree", "--is-shallow-repository"],
            cwd=path,
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return False  # no git on this machine
    return completed.returncode == 0 and completed.stdout.split() == ["true", "false"]
