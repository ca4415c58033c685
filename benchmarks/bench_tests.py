"""How long `make test` takes, next to one strict build of the site (a script, not a test).

    python benchmarks/bench_tests.py [--runs 3]

Runs the whole test suite as `make test` does (same pytest options, CI=true so nothing is
skipped) `--runs` times, and one `mkdocs build --strict`, in fresh processes, and prints
the median wall time of the suite with its range and the build time, so the suite's cost
reads against what one build costs on the same machine at the same moment. The target is
3 minutes or less for the suite on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_build import build  # noqa: E402


def _suite_seconds() -> tuple[float, str]:
    """Wall time of one full run, and pytest's closing line."""
    workers = str(2 * (os.cpu_count() or 1))  # as the Makefile's TEST_WORKERS
    start = time.perf_counter()
    command = ["-m", "pytest", "-n", workers, "--dist", "worksteal", "-q", "-p", "no:cacheprovider"]
    completed = subprocess.run(
        [sys.executable, *command],
        cwd=ROOT,
        env={**os.environ, "CI": "true", "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    summary = (completed.stdout.strip().splitlines() or ["(no output)"])[-1]
    if completed.returncode != 0:
        raise SystemExit(f"the test suite failed: {summary}\n{completed.stdout[-3000:]}")
    return elapsed, summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    runs = []
    for run in range(args.runs):
        seconds, summary = _suite_seconds()
        runs.append(seconds)
        print(f"  suite run {run + 1}: {seconds:.0f} s ({summary})", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as folder:
        one_build = build(ROOT, "mkdocs.yml", Path(folder) / "site")
    print("| what | wall time | range |")
    print("| --- | ---: | ---: |")
    print(
        f"| `make test` (median of {args.runs}) | {statistics.median(runs):.0f} s "
        f"| {min(runs):.0f} to {max(runs):.0f} s |"
    )
    print(f"| one strict build (`make build`) | {one_build.seconds:.1f} s | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
