"""Refresh Oslo's fonts and logo from the npm package @oslokommune/punkt-assets.

The site serves these files itself (no CDN: visitors' addresses must not leave the site), so
they are committed. Run this to update them, then review and commit the change:

    python scripts/refresh_oslo_assets.py [--version 13.16.0]

It needs npm (the package registry only) and writes:
- docs/assets/oslo/fonts/OsloSans-*.woff2   the weights the theme uses
- docs/assets/oslo/favicon.png              the 32x32 favicon
- overrides/.icons/oslo/logo.svg            the logo, inlined by Material so CSS can colour it
- docs/assets/oslo/LICENSE                  the package's MIT licence, kept with the files
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@oslokommune/punkt-assets"
VERSION = "13.16.0"
ROOT = Path(__file__).resolve().parent.parent
FONTS = ("Regular", "RegularItalic", "Medium", "Bold", "BoldItalic")
COPIES = {
    **{
        f"dist/fonts/OsloSans-{w}.woff2": f"docs/assets/oslo/fonts/OsloSans-{w}.woff2"
        for w in FONTS
    },
    "dist/logos/32x32-favicon.png": "docs/assets/oslo/favicon.png",
    "dist/logos/oslologo.svg": "overrides/.icons/oslo/logo.svg",
    "LICENSE": "docs/assets/oslo/LICENSE",
}


def refresh(version: str) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        completed = subprocess.run(
            ["npm", "pack", f"{PACKAGE}@{version}", "--pack-destination", folder, "--silent"],
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            raise SystemExit(f"npm pack failed: {completed.stderr.strip()}")
        tarball = Path(folder) / completed.stdout.strip().splitlines()[-1]
        with tarfile.open(tarball) as archive:
            archive.extractall(folder, filter="data")
        written = []
        for source, target in COPIES.items():
            destination = ROOT / target
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(folder) / "package" / source, destination)
            written.append(target)
    (ROOT / "docs/assets/oslo/SOURCE.txt").write_text(
        f"Files from the npm package `{PACKAGE}` version {version} (MIT licence, see LICENSE),\n"
        "copied by `scripts/refresh_oslo_assets.py`. Do not edit them by hand.\n",
        encoding="utf-8",
    )
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default=VERSION, help=f"package version (default {VERSION})")
    args = parser.parse_args()
    for path in refresh(args.version):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
