"""Lighthouse scores for the built site (a benchmark script, not a test).

Builds the site strictly, serves it on 127.0.0.1, and runs Lighthouse (npm `lighthouse`,
installed into benchmarks/.lighthouse/ on first use) with Debian's Chromium, headless,
mobile form factor, on the home page and a priority page in both languages. In the same
run it does the same for a bare Material build of the same Markdown (bench_build.py's:
both languages as plain folders, Material's own search), so the two are measured under the
same load. Prints the four category scores as a Markdown table.

    python benchmarks/lighthouse.py
    python benchmarks/lighthouse.py --runs 3      # median of 3 per page

Targets (issue #5): Accessibility 100, Best Practices 100, SEO 100, Performance >= 98.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_build import _bare_project, build, built_and_served  # noqa: E402
from static_server import free_port, require_chromium, serve  # noqa: E402

TOOL_DIR = ROOT / "benchmarks" / ".lighthouse"
LIGHTHOUSE = "lighthouse@13.5.0"
PAGES = ["", "prioriteringer/po3/", "en/", "en/prioriteringer/po3/"]
# The same pages in the bare build, where each language is a plain folder.
BARE_PAGES = ["nb/", "nb/prioriteringer/po3/", "en/", "en/prioriteringer/po3/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"


def _lighthouse_binary() -> Path:
    binary = TOOL_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        print(f"installing {LIGHTHOUSE} into {TOOL_DIR} ...", file=sys.stderr)
        TOOL_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--no-save", "--no-audit", "--no-fund", LIGHTHOUSE],
            cwd=TOOL_DIR,
            check=True,
        )
    return binary


def _audit(binary: Path, browser: str, url: str, report: Path) -> dict[str, int]:
    """One Lighthouse run: the four category scores; names failing audits on stderr."""
    subprocess.run(
        [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        env={**os.environ, "CHROME_PATH": browser},
        check=True,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    weighted = {
        ref["id"]
        for category in CATEGORIES[1:]
        for ref in data["categories"][category]["auditRefs"]
        if ref.get("weight")
    }
    failing = [
        audit["id"]
        for audit in data["audits"].values()
        if audit["id"] in weighted
        and audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric")
    ]
    if failing:
        print(f"{url}: audits below 1: {', '.join(sorted(failing))}", file=sys.stderr)
    return {c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES}


def _bare_served(folder: Path):
    """Build the bare Material site of the same Markdown and serve it; yields its URL."""
    import contextlib

    @contextlib.contextmanager
    def served():
        project = _bare_project(folder / "bare")
        port = free_port()
        site = folder / "bare-site"
        build(project, "mkdocs.yml", site, SITE_URL=f"http://127.0.0.1:{port}/")
        with serve(site, port) as base:
            yield base

    return served()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page (median)")
    args = parser.parse_args()
    binary, browser = _lighthouse_binary(), require_chromium()
    rows = []
    with tempfile.TemporaryDirectory(prefix="handbook-lighthouse-") as folder:
        report = Path(folder) / "report.json"

        def audit(base: str, page: str) -> dict[str, float]:
            runs = [_audit(binary, browser, base + page, report) for _ in range(args.runs)]
            return {c: statistics.median(r[c] for r in runs) for c in CATEGORIES}

        with built_and_served() as base, _bare_served(Path(folder)) as bare:
            for page, bare_page in zip(PAGES, BARE_PAGES, strict=True):
                rows.append((f"/{page}", audit(base, page)))
                rows.append((f"bare Material /{bare_page}", audit(bare, bare_page)))
    print("| page | Performance | Accessibility | Best Practices | SEO |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for page, scores in rows:
        print(f"| {page} | " + " | ".join(f"{scores[c]:.0f}" for c in CATEGORIES) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
