"""Screenshots of pages at a desktop's and a phone's width, for checking a change by eye
(a script, not a test: what looks right is for a person to judge).

    .venv/bin/python benchmarks/screenshots.py [PAGE ...] [--out DIR]

PAGE is a site path such as `sammenhenger/` or `en/interreg-oks/for-du-gar-inn/`; without
any, the pages a change to the start, the routes or the relation pictures shows. The site is
built strictly into a temporary folder and served as GitHub Pages would serve it, under a
project path; the screenshots go to DIR (default: screenshots/, which git ignores), one PNG
per page and width, of the whole page.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from static_server import free_port, require_chromium, serve

ROOT = Path(__file__).resolve().parent.parent
SITE_PATH = "/handbok/"
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
DEFAULT_PAGES = [
    "",
    "en/",
    "interreg-oks/for-du-gar-inn/",
    "en/interreg-oks/for-du-gar-inn/",
    "sammenhenger/",
    "en/sammenhenger/",
    "prioriteringer/po3/",
    "hovedmal/",
    "interreg-oks/2021-2027/",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", default=DEFAULT_PAGES)
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    executable = require_chromium()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        port = free_port()
        base = f"http://127.0.0.1:{port}{SITE_PATH}"
        print("building the site ...", file=sys.stderr)
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
            cwd=ROOT,
            env={**os.environ, "SITE_URL": base, "NO_MKDOCS_2_WARNING": "1"},
            check=True,
        )
        with serve(site, port, SITE_PATH), sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable)
            for name, (width, height) in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                for path in args.pages:
                    page.goto(base + path, wait_until="networkidle")
                    stem = path.strip("/").replace("/", "_") or "start"
                    target = args.out / f"{stem}-{name}.png"
                    page.screenshot(path=target, full_page=True)
                    print(target, file=sys.stderr)
                page.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
