"""Lighthouse scores for the built site (a benchmark script, not a test).

Builds the site strictly, serves it on 127.0.0.1, and runs Lighthouse (npm `lighthouse`,
installed into benchmarks/.lighthouse/ on first use) with Debian's Chromium, headless,
mobile form factor, on the home page and a priority page in both languages. Prints the
four category scores as a Markdown table.

    python benchmarks/lighthouse.py
    python benchmarks/lighthouse.py --runs 3      # median of 3 per page

Targets (issue #5): Accessibility 100, Best Practices 100, SEO 100, Performance >= 98.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_build import build  # noqa: E402

TOOL_DIR = ROOT / "benchmarks" / ".lighthouse"
LIGHTHOUSE = "lighthouse@13.5.0"
PAGES = ["", "prioriteringer/po3/", "en/", "en/prioriteringer/po3/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"


class _Quiet(SimpleHTTPRequestHandler):
    """Serves the site as a static host does: quietly, and gzip-compressed where the
    browser accepts it (GitHub Pages compresses text; Python's server does not, which
    would make Lighthouse weigh every stylesheet and script at full size)."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml")

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (
            path.suffix in self.COMPRESSIBLE
            and path.is_file()
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


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


def _chromium() -> str:
    for candidate in (os.environ.get("CHROME_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    raise SystemExit("no Chromium found: apt-get install chromium, or set CHROME_PATH")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page (median)")
    args = parser.parse_args()
    binary, chromium = _lighthouse_binary(), _chromium()
    with tempfile.TemporaryDirectory(prefix="handbook-lighthouse-") as folder:
        site_dir = Path(folder) / "site"
        port = _free_port()
        base = f"http://127.0.0.1:{port}/"  # the build's SITE_URL, so hreflang links are right
        build(ROOT, "mkdocs.yml", site_dir, SITE_URL=base)
        handler = functools.partial(_Quiet, directory=str(site_dir))
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        rows = []
        for page in PAGES:
            runs = []
            for _ in range(args.runs):
                report = Path(folder) / "report.json"
                subprocess.run(
                    [
                        str(binary),
                        base + page,
                        "--quiet",
                        "--output=json",
                        f"--output-path={report}",
                        f"--chrome-flags={CHROME_FLAGS}",
                        f"--only-categories={','.join(CATEGORIES)}",
                    ],
                    env={**os.environ, "CHROME_PATH": chromium},
                    check=True,
                )
                data = json.loads(report.read_text(encoding="utf-8"))
                runs.append(
                    {c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES}
                )
                failing = [
                    audit["id"]
                    for audit in data["audits"].values()
                    if audit.get("score") is not None
                    and audit["score"] < 1
                    and audit.get("scoreDisplayMode") in ("binary", "numeric")
                    and any(
                        audit["id"]
                        in [r["id"] for r in data["categories"][c]["auditRefs"] if r.get("weight")]
                        for c in CATEGORIES[1:]
                    )
                ]
                if failing:
                    print(f"/{page}: audits below 1: {', '.join(sorted(failing))}", file=sys.stderr)
            rows.append((page, {c: statistics.median(r[c] for r in runs) for c in CATEGORIES}))
        server.shutdown()
    print("| page | Performance | Accessibility | Best Practices | SEO |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for page, scores in rows:
        print(f"| /{page} | " + " | ".join(f"{scores[c]:.0f}" for c in CATEGORIES) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
