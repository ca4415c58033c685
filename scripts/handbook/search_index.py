"""Index the built pages for search with Pagefind: one index per language, fetched by the
reader's browser only when the reader opens search.

Why Pagefind and not Material's own search (measured in issue 15, benchmarks/README.md):
Material's lunr index and worker load and build on every page view, its search knows no
Norwegian inflection without breaking its wildcard queries, and it ends with Material.
Pagefind stems Norwegian and English, splits the index by each page's `<html lang>` (a
reader on /en/ never gets a Norwegian result), and works on any static HTML.

Only the pages this build wrote are indexed: `mkdocs serve` and a reused site_dir keep pages
an earlier build wrote and this one did not. Pagefind's command line indexes a folder, so
the pages are linked into an empty one first (hard links: nothing is copied). Its Python
API would take the pages one by one, but it polls the indexer every 0.1 s per page: 7 s
for this handbook, against 0.1 s for the command line.

What is indexed is the page's article, less what is not the page's own text: the print-only
address line, the facts and review notices, the heading anchors and the relation pictures
(`data-search-exclude`, which say what the table beside them says).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pagefind_bin import get_executable

BUNDLE = "pagefind"  # the folder in site_dir the browser loads the search from
ROOT_SELECTOR = "article.md-content__inner"
EXCLUDE_SELECTORS = (
    "[data-search-exclude]",
    ".headerlink",
    ".handbook-print-url",
    ".handbook-review-notice",
    ".handbook-facts",
    ".handbook-page-actions",
)

# Pagefind also writes its own search interfaces; the handbook shows search in Material's
# dialog (docs/assets/javascripts/search.js), so they are not published.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*")


class SearchIndexError(Exception):
    """Pagefind could not index the site (its binary missing or failing)."""


def index_pages(site_dir: Path, pages: Iterable[Path]) -> dict[str, int]:
    """Write the search bundle for `pages` (HTML files under `site_dir`) into
    site_dir/pagefind; return how many pages each language got."""
    site_dir = site_dir.resolve()
    fresh = site_dir / f".{BUNDLE}-new"  # beside the bundle: one rename puts it in place
    try:
        with tempfile.TemporaryDirectory(prefix="handbook-search-") as staging:
            for page in {page.resolve() for page in pages if page.is_file()}:
                _link(page, Path(staging) / page.relative_to(site_dir))
            _run_pagefind(Path(staging), fresh)
        for pattern in UNUSED:
            for unused in fresh.glob(pattern):
                unused.unlink()
        entry = json.loads((fresh / "pagefind-entry.json").read_text("utf-8"))
        _replace(site_dir / BUNDLE, fresh)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    return {lang: info.get("page_count", 0) for lang, info in entry.get("languages", {}).items()}


def _replace(bundle: Path, fresh: Path) -> None:
    """Put the new bundle in place of the old one. Pagefind names its files by content hash,
    so an earlier build's would stay beside the new ones; and under `mkdocs serve` a reader
    may search while it is replaced, so the old one goes only once the new one is there."""
    old = bundle.with_name(f".{BUNDLE}-old")
    shutil.rmtree(old, ignore_errors=True)
    if bundle.exists():
        bundle.rename(old)
    fresh.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # another file system, or no hard links there
        shutil.copyfile(source, target)


def _run_pagefind(site: Path, bundle: Path) -> None:
    try:
        executable = get_executable()
    except FileNotFoundError as error:
        raise SearchIndexError(f"Pagefind could not index the site: {error}") from None
    command = [
        str(executable),
        "--site",
        str(site),
        "--output-path",
        str(bundle),
        "--root-selector",
        ROOT_SELECTOR,
        *(arg for selector in EXCLUDE_SELECTORS for arg in ("--exclude-selectors", selector)),
        "--silent",
    ]
    try:
        completed = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise SearchIndexError(f"Pagefind could not index the site: {error}") from None
    if completed.returncode != 0 or not (bundle / "pagefind-entry.json").is_file():
        output = (completed.stdout + completed.stderr).strip()[-2000:]
        raise SearchIndexError(f"Pagefind could not index the site: {output or 'no output'}")
