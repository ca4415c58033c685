"""What several test modules share: repository paths, the build result type, and helpers
that read built pages. (Not in conftest.py: tests/browser has a conftest of its own, and
two modules named conftest cannot both be imported by name.)
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DEFAULT_LANGUAGE = "nb"


@dataclass(frozen=True)
class BuildResult:
    """What one `mkdocs build --strict` produced: exit code, log and the output folder."""

    returncode: int
    log: str
    site_dir: Path


_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def visible_text(page_html: str) -> str:
    """The article text a reader sees, without tags, with entities decoded and spaces folded."""
    start = page_html.find("<article")
    end = page_html.find("</article>")
    if start != -1 and end != -1:
        page_html = page_html[start:end]
    text = html.unescape(_TAG.sub(" ", page_html)).replace("\u00a0", " ")
    return _SPACE.sub(" ", text)


def built_page(site_dir: Path, src_path: str) -> Path:
    """The HTML file MkDocs writes for a Markdown source path (directory URLs)."""
    stem = src_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site_dir / stem.removesuffix("index") / "index.html"
    return site_dir / stem / "index.html"


PROJECT_PARTS = ("docs", "scripts", "overrides", "includes", "mkdocs.yml")


def copy_project(target: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """Copy what a build needs (outside git) into `target`, for tests that change it."""
    for name in parts:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target / name)
    return target


def strict_build(
    project: Path, site_dir: Path, *args: str, **env: str
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict [args]` of `project` into `site_dir`, in a fresh process.

    Without the PDFs unless `HANDBOOK_PDF="on"` is given: printing them takes seconds, and
    only the tests of the PDFs (tests/browser/test_print.py, on printed_site) read them.
    """
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *args],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDF": "off", **env},
        capture_output=True,
        text=True,
        check=False,
    )
