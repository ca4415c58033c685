"""Benchmark the cross-link check on synthetic handbooks (a script, not a test).

For each size it writes a handbook with that many pages in each of two languages (nb and
en), realistic front matter, headings, links and anchors, then runs
`python -m handbook check` in a fresh process several times. The first run renders every
page for the safe-content rule (HB010) and fills its cache (.cache/handbook); later runs
render only what changed, as `make check` and `make serve` do while someone edits. It
reports the first run's wall time, the median of the later runs and the peak memory
(max RSS).

    python benchmarks/bench_check.py                 # 1k, 5k and 10k pages per language
    python benchmarks/bench_check.py --sizes 500 2000 --runs 3
    python benchmarks/bench_check.py --markdown      # a table for the docs

Target on the 2-core reference machine: 10k pages in under 3 s, and linear growth.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from handbook.fingerprint import fingerprint  # noqa: E402
from handbook.model import parse_page  # noqa: E402

_MEASURE = """
import resource, sys, time
sys.argv = ["handbook", "check", sys.argv[1], "--format", "json"]
start = time.perf_counter()
from handbook.cli import main
code = main(sys.argv[1:])
elapsed = time.perf_counter() - start
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("@@", code, elapsed, peak_kib, file=sys.stderr)
"""


# Every Norwegian page names its sources and when its facts were checked (HB014, HB015),
# as the real ones do, and the translations take them from it; without them the strict
# builds of bench_build.py scaling stop.
FACTS = "sources: [presentasjon-2021]\nlast_reviewed: 2026-12-02\nreview_in: 12 months\n"


def _page(kind: str, page_id: str, relations: str, links: list[str], index: int) -> str:
    body = [f"# Side {index}: {kind} {page_id}", "", "Innledning med det viktigste først.", ""]
    for section in range(3):
        body += [f"## Del {section} av side {index}", "", "Tekst " * 40, ""]
    body += [f"Se også [{target}]({target})." for target in links]
    front = f"id: {page_id}\nkind: {kind}\ndescription: Side {index}.\n{FACTS}{relations}"
    return f"---\n{front}---\n" + "\n".join(body) + "\n"


def generate(root: Path, per_language: int) -> None:
    """Write mkdocs.yml, `per_language` pages in docs/nb and docs/en, and the sources they
    name (includes/sources.yml, the real one)."""
    (root / "includes").mkdir(parents=True, exist_ok=True)
    sources = ROOT / "includes" / "sources.yml"
    (root / "includes" / "sources.yml").write_bytes(sources.read_bytes())
    goals = max(2, per_language // 100)
    instruments = max(2, per_language // 100)
    priorities = max(2, per_language // 50)
    objectives = per_language // 2
    plain = per_language - goals - instruments - priorities - objectives - 1
    specs: list[tuple[str, str, str, str]] = [
        # The programme is the home page: a site needs one (mkdocs-static-i18n warns, and a
        # strict build or `mkdocs serve` with strict: true stops, without it).
        ("index.md", "prog", "programme", "instruments: [vm-0]\n")
    ]
    specs += [(f"goals/g{i}.md", f"mal-{i}", "goal", "") for i in range(goals)]
    specs += [
        (
            f"instruments/i{i}.md",
            f"vm-{i}",
            "instrument",
            f"goals: [mal-{i % goals}, mal-{(i + 1) % goals}]\n",
        )
        for i in range(instruments)
    ]
    specs += [
        (
            # In the folder of its objectives: the nav section of a priority holds them (HB007).
            f"objectives/g{i // 10}/po{i}/po{i}.md",
            f"po-{i}",
            "priority",
            f"programme: prog\ngoals: [mal-{i % goals}]\ninstruments: [vm-{i % instruments}]\n",
        )
        for i in range(priorities)
    ]
    specs += [
        (
            f"objectives/g{i % priorities // 10}/po{i % priorities}/so{i}.md",
            f"so-{i % priorities}-{i}",
            "objective",
            f"priority: po-{i % priorities}\ngoals: [mal-{i % goals}]\n",
        )
        for i in range(objectives)
    ]
    specs += [
        (f"pages/g{i // 250}/p{i // 25}/p{i}.md", f"side-{i}", "page", "") for i in range(plain)
    ]

    paths = [spec[0] for spec in specs]
    nb_texts: dict[str, str] = {}
    for index, (rel_path, page_id, kind, relations) in enumerate(specs):
        depth = rel_path.count("/")
        up = "../" * depth
        targets = [paths[(index * 7 + step * 131) % len(paths)] for step in range(4)]
        links = [up + t for t in targets] + [
            f"{up}{paths[(index + 1) % len(paths)]}#del-1-av-side-{(index + 1) % len(paths)}"
        ]
        nb_texts[rel_path] = _page(kind, page_id, relations, links, index)

    for rel_path, text in nb_texts.items():
        target = root / "docs" / "nb" / rel_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        source = parse_page("nb", rel_path, target, f"docs/nb/{rel_path}")
        translated = text.split("---\n", 2)[2]
        front = (
            f"id: {source.meta['id']}\nkind: {source.meta['kind']}\n"
            f"description: Page.\ntranslation_of: {fingerprint(source)}\n"
        )
        en_target = root / "docs" / "en" / rel_path
        en_target.parent.mkdir(parents=True, exist_ok=True)
        en_target.write_text(f"---\n{front}---\n{translated}", encoding="utf-8")

    nav = _nested_nav(paths)
    (root / "mkdocs.yml").write_text(
        "site_name: Benchmark\nplugins:\n  - search\n  - i18n:\n      docs_structure: folder\n"
        "      languages:\n        - locale: nb\n          name: nb\n          default: true\n"
        "        - locale: en\n          name: en\n"
        f"nav:\n{nav}",
        encoding="utf-8",
    )


def _nested_nav(paths: list[str]) -> str:
    """The nav as YAML, one section per folder, as a real handbook nests it.

    No level lists more than a few dozen entries: objectives sit under their priority,
    priorities in groups of ten, plain pages in folders of 25 and those in groups of ten.
    With navigation.tabs and navigation.sections, Material shows a tab's second level
    expanded, so a tab whose sections hold 1,000 pages renders all of them into each of
    its pages, and navigation.prune cannot help; a nav that deep is also unusable."""
    tree: dict = {}
    for path in paths:
        node = tree
        for folder in path.split("/")[:-1]:
            node = node.setdefault(folder, {})
        node.setdefault("", []).append(path)

    def lines(node: dict, indent: str) -> list[str]:
        out = [f"{indent}- {path}" for path in node.get("", [])]
        for name, child in node.items():
            if name:
                out += [f"{indent}- {name.capitalize()}:", *lines(child, indent + "    ")]
        return out

    return "\n".join(lines(tree, "  ")) + "\n"


def measure(root: Path) -> tuple[int, float, int]:
    """Run the check once in a fresh interpreter: (exit code, seconds, peak KiB)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    completed = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(root)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    line = next(x for x in completed.stderr.splitlines() if x.startswith("@@"))
    _, code, seconds, peak = line.split()
    return int(code), float(seconds), int(peak)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[1000, 5000, 10000],
        help="pages per language (default: 1000 5000 10000)",
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per size (default: 5)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()

    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix=f"handbook-bench-{size}-") as folder:
            root = Path(folder)
            started = time.perf_counter()
            generate(root, size)
            print(
                f"{size} pages/language: generated in {time.perf_counter() - started:.1f} s",
                file=sys.stderr,
                flush=True,
            )
            results = []
            for run in range(args.runs):
                results.append(measure(root))
                print(
                    f"  run {run + 1}/{args.runs}: {results[-1][1]:.2f} s",
                    file=sys.stderr,
                    flush=True,
                )
            codes = {r[0] for r in results}
            if codes != {0}:
                print(
                    f"the check did not pass on the synthetic handbook: exit {codes}",
                    file=sys.stderr,
                )
                return 1
            first = results[0][1]
            median = statistics.median(r[1] for r in results[1:] or results)
            peak = max(r[2] for r in results) / 1024
            rows.append((size, 2 * size, first, median, peak))

    base = rows[0]
    if args.markdown:
        print(
            "| pages per language | files | first run (renders all) | median of later runs "
            "| later runs per 1k files | peak memory |"
        )
        print("| ---: | ---: | ---: | ---: | ---: | ---: |")
        for size, files, first, median, peak in rows:
            print(
                f"| {size:,} | {files:,} | {first:.2f} s | {median:.2f} s "
                f"| {median / files * 1000:.3f} s | {peak:.0f} MiB |"
            )
    else:
        print(
            json.dumps(
                [
                    {
                        "pages_per_language": s,
                        "files": f,
                        "first_run_s": round(c, 3),
                        "median_s": round(m, 3),
                        "peak_mib": round(p, 1),
                        "per_1k_files_vs_smallest": round((m / f) / (base[3] / base[1]), 2),
                    }
                    for s, f, c, m, p in rows
                ],
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
