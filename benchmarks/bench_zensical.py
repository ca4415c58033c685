"""Compare a Zensical build with a Material build of the same Norwegian pages (a script).

Zensical (PyPI `zensical`) is the successor to Material for MkDocs by the same authors. It
reads mkdocs.yml, but (as of 0.0.73) skips MkDocs plugins and hooks without a word. So this
builds docs/nb/ alone, without mkdocs-static-i18n or our hooks, with the real theme
settings, overrides, stylesheets, Markdown extensions and navigation, plus a one-line hook
that marks each page, to show whether hooks ran. The pinned Zensical goes into
benchmarks/.zensical/ on first use, apart from the site's own pins.

    python benchmarks/bench_zensical.py [--runs 5]
    python benchmarks/bench_zensical.py --pages 2000 --runs 3   synthetic pages, timing only

Prints two Markdown tables: build times (median of N, run alternately) and which of the
handbook's features the output has, checked in the built HTML of both.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

import bench_check  # noqa: E402
from bench_build import real_config  # noqa: E402

ZENSICAL = "zensical==0.0.73"
TOOL_DIR = ROOT / "benchmarks" / ".zensical"
PAGE = "interreg-oks/2021-2027/index.html"  # headings with ø, admonitions, open questions
# A one-line hook that marks every page: do the tools run `hooks:` from mkdocs.yml?
HOOK_MARK = "hook-ran-on-this-page"
HOOK = f"def on_page_markdown(markdown, **kwargs):\n    return markdown + '\\n\\n{HOOK_MARK}\\n'\n"


def _zensical() -> Path:
    """The zensical command in its own virtual environment, installed on first use."""
    binary = TOOL_DIR / "bin" / "zensical"
    if not binary.exists():
        print(f"installing {ZENSICAL} into {TOOL_DIR} ...", file=sys.stderr, flush=True)
        venv.create(TOOL_DIR, with_pip=True)
        subprocess.run(
            [str(TOOL_DIR / "bin" / "python"), "-m", "pip", "install", "--quiet", ZENSICAL],
            check=True,
        )
    return binary


def _project(folder: Path, synthetic: int | None) -> Path:
    """docs/nb as the whole docs folder, with the real mkdocs.yml minus i18n and hooks;
    with `synthetic`, that many generated Norwegian pages and their nav instead."""
    if synthetic:
        generated = folder.parent / "generated"
        bench_check.generate(generated, synthetic)
        shutil.copytree(generated / "docs" / "nb", folder / "docs")
        config = real_config(generated / "mkdocs.yml")
    else:
        shutil.copytree(ROOT / "docs" / "nb", folder / "docs")
        config = real_config()
    shutil.copytree(ROOT / "docs" / "assets", folder / "docs" / "assets")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    plugins = config.index("\nplugins:")
    after = config.index("\n# Oslo's design tokens")
    config = config[:plugins] + "\nplugins:\n  - search\n" + config[after:]
    config = re.sub(r"^(repo_url|edit_uri): .*$", "", config, flags=re.M)
    config += "\nhooks:\n  - mark_pages.py\n"
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    (folder / "mark_pages.py").write_text(HOOK, encoding="utf-8")
    return folder


def _timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{completed.stdout}{completed.stderr}")
    return elapsed


def _read(site: Path, path: str) -> str:
    file = site / path
    return file.read_text(encoding="utf-8") if file.is_file() else ""


FEATURES: list[tuple[str, Callable[[Path, Path], bool]]] = [
    (
        "every page built",
        lambda site, project: (
            len(list(site.rglob("index.html"))) == len(list((project / "docs").rglob("*.md")))
        ),
    ),
    (
        "Oslo theme: overrides and stylesheets",
        lambda site, _: (
            "OsloSans-Regular.woff2" in _read(site, "index.html")
            and "oslo-theme.css" in _read(site, "index.html")
        ),
    ),
    ("admonitions", lambda site, _: 'class="admonition' in _read(site, PAGE)),
    (
        "heading anchors keep æ, ø, å",
        lambda site, _: 'id="partnere-utenfor-øks-geografien"' in _read(site, PAGE),
    ),
    (
        "search index written",
        lambda site, _: (
            (site / "search" / "search_index.json").is_file() or (site / "search.json").is_file()
        ),
    ),
    (
        "MkDocs hooks run (the check, glossary, related pages, matrix and dates need them)",
        lambda site, _: HOOK_MARK in _read(site, "index.html"),
    ),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per tool (median)")
    parser.add_argument(
        "--pages", type=int, help="build this many synthetic pages instead of the real ones"
    )
    args = parser.parse_args()
    zensical = _zensical()
    version = subprocess.run(
        [str(zensical), "--version"], capture_output=True, text=True, check=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="handbook-zensical-") as folder:
        project = _project(Path(folder) / "project", args.pages)
        material_site, zensical_site = project / "site-material", project / "site"
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
        edited = sorted((project / "docs").rglob("*.md"))[0]
        times: dict[str, list[float]] = {"material": [], "cold": [], "warm": [], "edit": []}
        for run in range(args.runs):
            times["material"].append(_timed([*mkdocs, "--site-dir", str(material_site)], project))
            times["cold"].append(_timed([str(zensical), "build", "--clean", "--strict"], project))
            times["warm"].append(_timed([str(zensical), "build", "--strict"], project))
            with edited.open("a", encoding="utf-8") as page:
                page.write(f"\nEndret i kjøring {run + 1}.\n")
            times["edit"].append(_timed([str(zensical), "build", "--strict"], project))
            print(
                f"  run {run + 1}/{args.runs}: Material {times['material'][-1]:.2f} s, Zensical "
                f"{times['cold'][-1]:.2f} s cold, {times['warm'][-1]:.2f} s warm, "
                f"{times['edit'][-1]:.2f} s after an edit",
                file=sys.stderr,
                flush=True,
            )
        pages = len(list((project / "docs").rglob("*.md")))
        kind = "synthetic" if args.pages else "real"
        print(
            f"{pages} {kind} Norwegian pages, no i18n; Zensical {version}; median of {args.runs}:"
        )
        print()
        print("| build | time |")
        print("| --- | ---: |")
        print(f"| Material (`mkdocs build --strict`) | {_median(times['material'])} |")
        print(f"| Zensical, cache cleared (`zensical build --clean`) | {_median(times['cold'])} |")
        print(f"| Zensical, cache warm, nothing changed | {_median(times['warm'])} |")
        print(f"| Zensical, cache warm, one page edited | {_median(times['edit'])} |")
        if args.pages:
            return 0  # the feature checks look for pages of the real handbook
        print()
        print("| feature | Material | Zensical |")
        print("| --- | :---: | :---: |")
        for name, check in FEATURES:
            marks = [check(site, project) for site in (material_site, zensical_site)]
            print(f"| {name} | " + " | ".join("yes" if mark else "no" for mark in marks) + " |")
    return 0


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s"


if __name__ == "__main__":
    sys.exit(main())
