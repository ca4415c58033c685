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
view), and one who does (the first query after opening search, and a later one). With
--site-dir, an older build (Material's search) is measured the same way.

scaling: index size and indexing time for synthetic handbooks of 100, 500 and 2,000 pages
per language.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

import search_quality  # noqa: E402
from bench_build import _synthetic_project, _transfers, build  # noqa: E402
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
            build(ROOT, "mkdocs.yml", site_dir, SITE_URL=base_url)
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


# What a reader's browser fetches for search: Pagefind and the words file now; Material's
# index, worker and query rewrite before (so an older build can be measured the same way).
SEARCH_URLS = (
    "/pagefind/",
    "/search/",
    "/assets/javascripts/search.js",
    "/assets/javascripts/search-dialog.js",
    "/assets/javascripts/search-query.js",
    "/assets/javascripts/workers/search.",
    "search_index.json",
)
PAGE = "prioriteringer/po3/"
FIRST_QUERY, LATER_QUERY = "ScanMed", "fornybar energi"


def _is_search(url: str) -> bool:
    return any(part in url for part in SEARCH_URLS)


def _main_thread_ms(cdp) -> float:
    """Time the page's main thread has spent on tasks so far (Chromium's TaskDuration)."""
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return metrics["TaskDuration"] * 1000


def _step(page, cdp, action: Callable[[], None]) -> tuple[float, float, float]:
    """(search KiB, all KiB, main-thread ms) that `action` cost, network idle after it."""
    before = _main_thread_ms(cdp)
    sent = _transfers(page, action)
    spent = _main_thread_ms(cdp) - before
    search = sum(size for url, size in sent.items() if _is_search(url))
    return search / 1024, sum(sent.values()) / 1024, spent


def _type_and_settle(page, query: str) -> None:
    page.keyboard.type(query, delay=search_quality.KEY_DELAY_MS)
    page.locator(search_quality.RESULT_LINKS).first.wait_for()
    page.wait_for_timeout(search_quality.SETTLED_MS)


def _one_run(page, cdp, base_url: str) -> dict[str, tuple[float, float, float]]:
    def view() -> None:
        page.goto(base_url + PAGE)

    def first() -> None:
        page.keyboard.press("/")
        _type_and_settle(page, FIRST_QUERY)

    def later() -> None:
        page.locator(".md-search__input").fill("")
        _type_and_settle(page, LATER_QUERY)

    return {
        "page view, no search": _step(page, cdp, view),
        f"first query ({FIRST_QUERY!r}; opening search loads it)": _step(page, cdp, first),
        f"later query ({LATER_QUERY!r})": _step(page, cdp, later),
    }


def cost(site_dir: Path | None, runs: int) -> None:
    """Bytes and main-thread time search costs: a page view that does not search (cold
    cache, a reader's first page), the first query (opening search loads it) and a later
    query on the same page. Median of `runs` fresh browser contexts."""
    rows: dict[str, list[tuple[float, float, float]]] = {}
    with _served(site_dir) as base_url, _browser() as browser:
        for run in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Performance.enable")
            for name, measured in _one_run(page, cdp, base_url).items():
                rows.setdefault(name, []).append(measured)
            context.close()
            print(f"  run {run + 1}/{runs}", file=sys.stderr)
    print(f"Median of {runs} runs, {PAGE} served like GitHub Pages (compressed).\n")
    print("| what the reader does | search bytes | all bytes | main-thread time |")
    print("| --- | ---: | ---: | ---: |")
    for name, values in rows.items():
        search, total, spent = (statistics.median(v[i] for v in values) for i in range(3))
        print(f"| {name} | {search:.1f} KiB | {total:.1f} KiB | {spent:.0f} ms |")


def scaling(sizes: list[int]) -> None:
    """Index size and indexing time for synthetic handbooks (bench_build's generator)."""
    from handbook.search_index import index_pages

    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix=f"handbook-search-{size}-") as folder:
            project = _synthetic_project(Path(folder), size)
            site = Path(folder) / "site"
            build(project, "mkdocs.yml", site)
            pages = [p for p in site.rglob("index.html") if "pagefind" not in p.parts]
            start = time.perf_counter()
            counts = index_pages(site, pages)
            seconds = time.perf_counter() - start
            bundle = site / "pagefind"
            index = sum(f.stat().st_size for f in (bundle / "index").iterdir())
            fragments = sum(f.stat().st_size for f in (bundle / "fragment").iterdir())
            meta = sum(f.stat().st_size for f in bundle.glob("*.pf_meta"))
            rows.append((size, len(pages), seconds, index, fragments, meta, counts))
            print(f"  {size} pages/language: {seconds:.2f} s", file=sys.stderr, flush=True)
    print(
        "| pages per language | pages indexed | indexing time | index (both languages) "
        "| page fragments | metadata | languages |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for size, pages, seconds, index, fragments, meta, counts in rows:
        languages = ", ".join(f"{lang} {n}" for lang, n in sorted(counts.items()))
        print(
            f"| {size:,} | {pages:,} | {seconds:.2f} s | {index / 1024:.0f} KiB "
            f"| {fragments / 1024:.0f} KiB | {meta / 1024:.1f} KiB | {languages} |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    q = sub.add_parser("quality", help="the query table in Chromium")
    q.add_argument("--site-dir", type=Path, help="a site already built with SITE_URL .../handbok/")
    q.add_argument("--failures", action="store_true", help="list the queries that missed")
    q.add_argument("--title", default="Search quality")
    q.add_argument("--queries", type=Path, default=search_quality.QUERIES, help="another table")
    c = sub.add_parser("cost", help="bytes and main-thread time a reader spends on search")
    c.add_argument("--site-dir", type=Path, help="a site already built with SITE_URL .../handbok/")
    c.add_argument("--runs", type=int, default=5)
    s = sub.add_parser("scaling", help="index size and time at synthetic sizes")
    s.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000])
    args = parser.parse_args()
    if args.command == "quality":
        quality(args.site_dir, args.queries, args.failures, args.title)
    elif args.command == "cost":
        cost(args.site_dir, args.runs)
    else:
        scaling(args.sizes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
