"""Shared fixtures: the repository paths and one strict build of the site per test session.

Building once and sharing the result keeps the suite fast; every test that looks at the
rendered site reads the same output a reader would get.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DEFAULT_LANGUAGE = "nb"


@dataclass(frozen=True)
class BuildResult:
    """What one `mkdocs build --strict` produced: exit code, log and the output folder."""

    returncode: int
    log: str
    site_dir: Path


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Build the real site strictly into a temporary folder, as `make build` does."""
    site_dir = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site_dir)


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
