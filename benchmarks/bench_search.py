"""Search benchmarks (scripts, not tests): does search find the right page, and what does it
cost the reader.

    python benchmarks/bench_search.py quality [--site-dir DIR] [--failures]
    python benchmarks/bench_search.py cost
    python benchmarks/bench_search.py scaling [--sizes 100 500 2000]

quality: every query of benchmarks/search_queries.yml typed into the real search box in
Chromium (benchmarks/search_quality.py); per category and language: the right page first,
no result at all, results from the other language, and the time from the last keystroke to
the last change of the result list. Targets (issue 15): right page first >= 90 % overall and
in every category but typos (>= 70 %), no result <= 3 %, never the other language, results
within 100 ms. --site-dir measures a site built elsewhere (served under /handbok/), for
comparing engines.

cost: what search costs a reader who does not search (bytes and main-thread time of a page
view), and one who does (the first query after opening search, and a later one).

scaling: index size and indexing time for synthetic handbooks of 100, 500 and 2,000 pages
per language.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

import search_quality  # noqa: E402
from bench_build import build, real_config  # noqa: E402
from static_server import free_port, require_chromium, serve  # noqa: E402

SITE_PATH = "/handbok/"


@contextlib.contextmanager
def _served(site_dir: Path | None) -> Iterator[str]:
    """The base URL of the site: `site_dir` if given, else a fresh strict build of this
    repository, served under SITE_PATH as GitHub Pages serves it."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}{SITE_PATH}"
    with tempfile.TemporaryDirectory() as tmp:
        if site_dir is None:
            site_dir = Path(tmp) / "site"
            print("building the site ...", file=sys.stderr)
            build(ROOT, real_config(), site_dir, SITE_URL=base_url)
        with serve(site_dir, port, SITE_PATH) as url:
            yield url


@contextlib.contextmanager
def _browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=require_chromium(), args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            yield browser
        finally:
            browser.close()


def quality(site_dir: Path | None, queries_file: Path, show_failures: bool, title: str) -> None:
    queries = search_quality.load_queries(queries_file)
    outcomes = []
    with _served(site_dir) as base_url, _browser() as browser:
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        search_quality.prepare(page)
        for number, query in enumerate(queries, 1):
            outcomes.append(search_quality.run(page, base_url, query))
            if number % 20 == 0:
                print(f"  {number}/{len(queries)} queries", file=sys.stderr)
    print(search_quality.markdown(outcomes, title))
    if show_failures:
        print("\nNot the expected page first:\n")
        print(search_quality.failures(outcomes))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    q = sub.add_parser("quality", help="the query table in Chromium")
    q.add_argument("--site-dir", type=Path, help="a site already built with SITE_URL .../handbok/")
    q.add_argument("--failures", action="store_true", help="list the queries that missed")
    q.add_argument("--title", default="Search quality")
    q.add_argument("--queries", type=Path, default=search_quality.QUERIES, help="another table")
    args = parser.parse_args()
    if args.command == "quality":
        quality(args.site_dir, args.queries, args.failures, args.title)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
