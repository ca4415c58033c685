"""What several test modules share: repository paths, the build result type, and helpers
that read built pages. (Not in conftest.py: tests/browser has a conftest of its own, and
two modules named conftest cannot both be imported by name.)
"""

from __future__ import annotations

import html
import re
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
