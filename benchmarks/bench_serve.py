"""How long `make serve` makes an author wait: from saving a page to the browser showing it.

    python benchmarks/bench_serve.py [--sizes 37 500] [--runs 5]

For each size (37 is this repository's pages; any other number is a synthetic handbook of
that many pages per language from bench_check.py's generator) and for one language (what
`make serve` builds) and both (`make serve LANGUAGES="nb en"`), this starts `mkdocs serve`
with live reload, opens a Norwegian page in Chromium, then appends a new sentence to that
page's Markdown file and times how long until the reloaded page shows the sentence. It
prints the median of the runs (target: 1 s or less for one language at today's size).

Needs Playwright from requirements-dev.txt and Debian's Chromium.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_build import _synthetic_project  # noqa: E402
from static_server import mkdocs_serve, require_chromium  # noqa: E402

REAL_SIZE = 37
STARTUP_LIMIT = 600  # seconds a first build may take at the largest size
RELOAD_LIMIT = 120  # seconds one rebuild and reload may take


def _project(folder: Path, size: int) -> tuple[Path, str]:
    """A project to serve and the Norwegian page (path under docs/nb/) the runs edit."""
    if size == REAL_SIZE:
        for name in ("docs", "scripts", "overrides", "includes", "mkdocs.yml"):
            source = ROOT / name
            copy = shutil.copytree if source.is_dir() else shutil.copy
            copy(source, folder / name)
        return folder, "prioriteringer/po3.md"
    project = _synthetic_project(folder, size)
    pages = sorted((project / "docs" / "nb").rglob("*.md"))
    return project, pages[len(pages) // 2].relative_to(project / "docs" / "nb").as_posix()


def measure(size: int, languages: str, runs: int, browser) -> list[float]:
    """Seconds from saving the page to the browser showing the change, once per run."""
    with tempfile.TemporaryDirectory(prefix=f"handbook-serve-{size}-") as folder:
        project, rel_path = _project(Path(folder), size)
        source = project / "docs" / "nb" / rel_path
        stem = rel_path.removesuffix(".md")
        url_path = "" if stem == "index" else stem.removesuffix("/index") + "/"
        with mkdocs_serve(project, languages, STARTUP_LIMIT) as (base, _):
            page = browser.new_page()
            page.goto(base + url_path, wait_until="load")
            times = []
            for run in range(runs):
                marker = f"Målepunkt{run}x{os.getpid()}"
                time.sleep(1)  # let the watcher settle after the previous rebuild
                start = time.perf_counter()
                with source.open("a", encoding="utf-8") as handle:
                    handle.write(f"\n{marker}\n")
                page.wait_for_function(
                    "marker => document.body && document.body.innerText.includes(marker)",
                    arg=marker,
                    timeout=RELOAD_LIMIT * 1000,
                    polling=20,
                )
                times.append(time.perf_counter() - start)
            page.close()
        return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[REAL_SIZE, 500])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=require_chromium(), args=["--no-sandbox", "--disable-gpu"]
        )
        for size in args.sizes:
            for languages, label in (("nb", "nb (make serve)"), ("nb en", "nb and en")):
                times = measure(size, languages, args.runs, browser)
                rows.append((size, label, times))
                print(
                    f"  {size} pages, {label}: {', '.join(f'{t:.2f}' for t in times)} s",
                    file=sys.stderr,
                    flush=True,
                )
        browser.close()
    print("| pages per language | languages served | save to reload, median | range |")
    print("| ---: | --- | ---: | ---: |")
    for size, label, times in rows:
        name = f"{size} (real)" if size == REAL_SIZE else f"{size:,} (synthetic)"
        print(
            f"| {name} | {label} | {statistics.median(times):.2f} s "
            f"| {min(times):.2f} to {max(times):.2f} s |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
