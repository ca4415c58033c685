"""Build benchmarks (scripts, not tests): overhead against bare Material, scaling, page weight.

    python benchmarks/bench_build.py overhead [--runs 9]   real build vs bare Material
    python benchmarks/bench_build.py scaling [--sizes 100 500 2000]
    python benchmarks/bench_build.py weight                bytes a reader downloads

overhead: the full strict build of this repository (hooks, check, i18n, git dates) and a
bare Material build of the same Markdown (both languages as plain folders, the same
Markdown extensions, search only: no hooks, no i18n, no other plugins), run alternately,
median of N each, wall and CPU time; prints the ratios (target 1.10 or less). The real
build is run twice per round: without the PDFs (the build `make serve` repeats, and the
one the ratio has always compared) and as `make build` makes it, with each language's PDF
printed by Chromium; the difference is what the PDFs add.

scaling: synthetic two-language handbooks (benchmarks/bench_check.py's generator) built
with the real mkdocs.yml, overrides and hooks; prints time, time per page and peak
memory per size (target: time per page flat within 1.3x from 100 to 2,000 pages).

weight: the compressed bytes Chromium fetches for a first visit to the home page, for a
second page with the cache warm, and what of search they fetch (nothing: it loads when the
reader opens it; needs Playwright from requirements-dev.txt and Debian's Chromium).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

import bench_check  # noqa: E402

# Without the PDFs unless a benchmark asks for them (overhead): they take seconds, and
# only the overhead table is about them.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDF": "off"}


@dataclass
class Build:
    seconds: float  # wall time
    cpu_seconds: float  # user + system time of the build process
    peak_mib: float  # peak resident memory of the build process


def build(project: Path, config: str, site_dir: Path, **env: str) -> Build:
    """One strict build in a fresh process.

    Also used by lighthouse.py; `env` adds variables such as SITE_URL. CPU time is
    reported beside wall time because, on a shared machine, it varies less: a build that
    waits for a busy core loses wall time but no CPU time.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-q",
            "-f",
            config,
            "--site-dir",
            str(site_dir),
        ],
        cwd=project,
        env={**ENV, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{completed.stderr[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Build(elapsed, cpu, max(before.ru_maxrss, after.ru_maxrss) / 1024)


@contextlib.contextmanager
def built_and_served() -> Iterator[str]:
    """Build this repository strictly and serve it as GitHub Pages would (static_server);
    yields the base URL, which is also the build's SITE_URL, so hreflang links are right.
    Used by weight() and lighthouse.py."""
    from static_server import free_port, serve

    with tempfile.TemporaryDirectory(prefix="handbook-served-") as folder:
        site = Path(folder) / "site"
        port = free_port()
        build(ROOT, "mkdocs.yml", site, SITE_URL=f"http://127.0.0.1:{port}/")
        with serve(site, port) as base:
            yield base


def _bare_project(folder: Path) -> Path:
    """The same Markdown as plain folders, Material with search only."""
    shutil.copytree(ROOT / "docs", folder / "docs")
    real = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = real[real.index("markdown_extensions:") : real.index("\n# Page tree")]
    (folder / "mkdocs.yml").write_text(
        "site_name: Bare\nsite_url: http://127.0.0.1:8000/\ntheme:\n  name: material\n"
        "  language: nb\n  font: false\nplugins:\n  - search\n" + extensions + "\n",
        encoding="utf-8",
    )
    return folder


def overhead(runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as folder:
        bare = _bare_project(Path(folder) / "bare")
        real_runs: list[Build] = []
        pdf_runs: list[Build] = []
        bare_runs: list[Build] = []
        for run in range(runs):
            real_runs.append(build(ROOT, "mkdocs.yml", Path(folder) / "real-site"))
            pdf_runs.append(build(ROOT, "mkdocs.yml", Path(folder) / "pdf-site", HANDBOOK_PDF="on"))
            bare_runs.append(build(bare, "mkdocs.yml", Path(folder) / "bare-site"))
            print(
                f"  run {run + 1}/{runs}: real {real_runs[-1].seconds:.2f} s, "
                f"with PDFs {pdf_runs[-1].seconds:.2f} s, bare {bare_runs[-1].seconds:.2f} s",
                file=sys.stderr,
                flush=True,
            )
        sizes = {
            path.relative_to(Path(folder) / "pdf-site").as_posix(): path.stat().st_size
            for path in sorted((Path(folder) / "pdf-site").rglob("*.pdf"))
        }

    def median(builds: list[Build], field: str) -> float:
        return statistics.median(getattr(b, field) for b in builds)

    print(f"| build, median of {runs} | wall time | CPU time |")
    print("| --- | ---: | ---: |")
    rows = (
        ("real (strict, hooks, check, i18n, git dates), no PDFs", real_runs),
        ("bare Material, same Markdown", bare_runs),
    )
    for name, builds in rows:
        wall, cpu = median(builds, "seconds"), median(builds, "cpu_seconds")
        print(f"| {name} | {wall:.2f} s | {cpu:.2f} s |")
    wall = median(real_runs, "seconds") / median(bare_runs, "seconds")
    cpu = median(real_runs, "cpu_seconds") / median(bare_runs, "cpu_seconds")
    print(f"| ratio | {wall:.2f} | {cpu:.2f} |")
    # CPU time includes Chromium, which prints: every process of the build is waited for.
    with_pdfs, pdf_cpu = median(pdf_runs, "seconds"), median(pdf_runs, "cpu_seconds")
    print(f"| real as `make build` makes it, with the PDFs | {with_pdfs:.2f} s | {pdf_cpu:.2f} s |")
    added = with_pdfs - median(real_runs, "seconds")
    added_cpu = pdf_cpu - median(real_runs, "cpu_seconds")
    print(f"| what the PDFs add | +{added:.2f} s | +{added_cpu:.2f} s |")
    print()
    print("| PDF | size |")
    print("| --- | ---: |")
    for name, size in sizes.items():
        print(f"| {name} | {size / 1_000_000:.2f} MB ({size:,} bytes) |")


def real_config(nav_from: Path | None = None) -> str:
    """This repository's mkdocs.yml for a benchmark project: site_url local, and with
    `nav_from`, the nav of that generated mkdocs.yml instead of the real one."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if nav_from is not None:
        generated = nav_from.read_text(encoding="utf-8")
        config = config[: config.index("\nnav:")] + "\n" + generated[generated.index("nav:") :]
    return re.sub(r"^site_url: .*$", "site_url: http://127.0.0.1:8000/", config, flags=re.M)


def _synthetic_project(folder: Path, per_language: int) -> Path:
    bench_check.generate(folder, per_language)
    (folder / "mkdocs.yml").write_text(real_config(folder / "mkdocs.yml"), encoding="utf-8")
    for name in ("overrides", "includes", "scripts"):
        shutil.copytree(ROOT / name, folder / name, dirs_exist_ok=True)
    # The search synonyms name the real pages' words, which synthetic pages do not have.
    for synonyms in (folder / "includes").glob("search-synonyms.*.yml"):
        synonyms.unlink()
    shutil.copytree(ROOT / "docs" / "assets", folder / "docs" / "assets")
    _translate_nav_titles(folder)
    return folder


def _translate_nav_titles(folder: Path) -> None:
    """Give the synthetic nav's titles English titles (themselves): the build stops on a
    nav title that the English word file lacks, and on one it has that the nav lacks."""
    from handbook.config import load_config

    english = folder / "includes" / "words.en.yml"
    text = english.read_text(encoding="utf-8")
    titles = load_config(folder / "mkdocs.yml").nav_titles
    nav = "".join(f"  {json.dumps(t.title)}: {json.dumps(t.title)}\n" for t in titles)
    english.write_text(text[: text.index("\nnav:\n")] + "\nnav:\n" + nav, encoding="utf-8")


def scaling(sizes: list[int]) -> None:
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix=f"handbook-scale-{size}-") as folder:
            project = _synthetic_project(Path(folder), size)
            result = build(project, "mkdocs.yml", Path(folder) / "site")
            seconds, peak = result.seconds, result.peak_mib
            rows.append((size, seconds, peak))
            print(f"  {size} pages/language: {seconds:.1f} s", file=sys.stderr, flush=True)
    base = rows[0][1] / (2 * rows[0][0])
    print(
        "| pages per language | build time | per page | vs smallest "
        "| per added page | peak memory |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    previous = None
    for size, seconds, peak in rows:
        per_page = seconds / (2 * size)
        # The fixed start-up cost inflates the smallest size's per-page time; the cost of
        # each page added since the previous size shows the growth without it.
        added = (
            ""
            if previous is None
            else (f"{(seconds - previous[1]) / (2 * (size - previous[0])) * 1000:.1f} ms")
        )
        print(
            f"| {size:,} | {seconds:.1f} s | {per_page * 1000:.1f} ms | {per_page / base:.2f}x "
            f"| {added} | {peak:.0f} MiB |"
        )
        previous = (size, seconds)


def _transfers(page, action) -> dict[str, int]:
    """Run `action` and return the bytes each URL sent over the network (compressed body).

    Playwright reports the page's and its search worker's requests alike; a response
    from the browser cache reports no body, so it counts as nothing, as it costs nothing.
    """
    sent: dict[str, int] = {}

    def record(request) -> None:
        size = request.sizes()["responseBodySize"]
        sent[request.url] = sent.get(request.url, 0) + max(size, 0)

    page.on("requestfinished", record)
    action()
    page.wait_for_load_state("networkidle")
    page.remove_listener("requestfinished", record)
    return sent


def weight() -> None:
    """Bytes a reader's browser downloads, measured in Chromium against a GitHub-Pages-like
    server (gzip, cacheable): what the page really fetches, not what its CSS could name."""
    from playwright.sync_api import sync_playwright
    from static_server import require_chromium

    with built_and_served() as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=require_chromium())
        page = browser.new_page()
        first = _transfers(page, lambda: page.goto(base))
        second = _transfers(page, lambda: page.goto(base + "prioriteringer/po3/"))
        english = _transfers(page, lambda: page.goto(base + "en/prioriteringer/po3/"))
        browser.close()

    def kib(sizes: dict[str, int]) -> str:
        return f"{sum(sizes.values()) / 1024:.0f} KiB"

    def fetched(sizes: dict[str, int]) -> int:
        return sum(1 for size in sizes.values() if size)

    def search(sizes: dict[str, int]) -> str:
        found = sum(size for url, size in sizes.items() if "/pagefind/" in url or "/search/" in url)
        return f"{found / 1024:.0f} KiB" if found else "nothing"

    print("| what (compressed, as transferred) | bytes | files fetched |")
    print("| --- | ---: | ---: |")
    print(f"| home page, first visit | {kib(first)} | {fetched(first)} |")
    print(f"| second page (/prioriteringer/po3/), cache warm | {kib(second)} | {fetched(second)} |")
    print(f"| same page in English, cache warm | {kib(english)} | {fetched(english)} |")
    # Search loads when the reader opens it (bench_search.py cost measures that).
    print(f"| search index fetched with the first page | {search(first)} | |")
    print(f"| search index fetched with the first English page | {search(english)} | |")
    for url, size in sorted(first.items(), key=lambda item: -item[1])[:6]:
        print(f"| first visit: {url.removeprefix(base) or '/'} | {size / 1024:.1f} KiB | |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    sub.add_parser("overhead").add_argument("--runs", type=int, default=9)
    sub.add_parser("scaling").add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000])
    sub.add_parser("weight")
    args = parser.parse_args()
    if args.what == "overhead":
        overhead(args.runs)
    elif args.what == "scaling":
        scaling(args.sizes)
    else:
        weight()
    return 0


if __name__ == "__main__":
    sys.exit(main())
