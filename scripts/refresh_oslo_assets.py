"""Refresh Oslo's fonts and logo from the npm package @oslokommune/punkt-assets.

The site serves these files itself (no CDN: visitors' addresses must not leave the site), so
they are committed. Run this to update them, then review and commit the change:

    python scripts/refresh_oslo_assets.py [--version 13.16.0]

It needs npm (the package registry only) and fontTools with Brotli (requirements-dev.txt),
and writes:
- docs/assets/oslo/fonts/OsloSans-<face>.woff2       each face the theme uses, cut to the
  characters Norwegian and English text needs (Latin-1 and common punctuation)
- docs/assets/oslo/fonts/OsloSans-<face>-ext.woff2   the rest of each face's characters
- the @font-face rules in docs/assets/stylesheets/punkt-tokens.css, with unicode-range, so
  a browser fetches an -ext file only for a page that uses one of its characters (a name
  such as Łódź); the split saves about a third of every font a reader downloads
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
# face -> (font-style, font-weight)
FONTS = {
    "Regular": ("normal", 400),
    "RegularItalic": ("italic", 400),
    "Medium": ("normal", 500),
    "Bold": ("normal", 700),
    "BoldItalic": ("italic", 700),
}
FONT_DIR = "docs/assets/oslo/fonts"
TOKENS_CSS = ROOT / "docs/assets/stylesheets/punkt-tokens.css"
FACES_START = "/* @font-face: written by scripts/refresh_oslo_assets.py, do not edit */\n"
FACES_END = "/* end of @font-face */\n"
# The main file of each face: Basic Latin and Latin-1 (æ, ø, å, ä, ö, é), the punctuation
# of Norwegian and English text (dashes, quotes, «», …), €, ™ and the minus sign.
CORE = (
    "U+0000-00FF, U+0131, U+0152-0153, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122, "
    "U+2212, U+FB01-FB02"
)
COPIES = {
    "dist/logos/32x32-favicon.png": "docs/assets/oslo/favicon.png",
    "dist/logos/oslologo.svg": "overrides/.icons/oslo/logo.svg",
    "LICENSE": "docs/assets/oslo/LICENSE",
}


def codepoints(ranges: str) -> set[int]:
    """The code points a CSS unicode-range names ("U+0000-00FF, U+20AC")."""
    points: set[int] = set()
    for part in ranges.split(","):
        first, _, last = part.strip().removeprefix("U+").partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


def unicode_range(points: set[int]) -> str:
    """CSS unicode-range for a set of code points, as few ranges as possible."""
    parts, ordered = [], sorted(points)
    start = previous = ordered[0]
    for point in [*ordered[1:], None]:
        if point is not None and point == previous + 1:
            previous = point
            continue
        parts.append(f"U+{start:04X}" if start == previous else f"U+{start:04X}-{previous:04X}")
        if point is not None:
            start = previous = point
    return ", ".join(parts)


def _subset(source: Path, target: Path, points: set[int]) -> None:
    from fontTools import subset

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # keep kerning, ligatures and every other feature
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=points)
    subsetter.subset(font)
    subset.save_font(font, str(target), options)


def write_fonts(source_dir: Path) -> list[str]:
    """Split each face into its main and -ext files and write the @font-face rules."""
    from fontTools.ttLib import TTFont

    rules, written = [], []
    core_points = codepoints(CORE)
    for face, (style, weight) in FONTS.items():
        source = source_dir / f"OsloSans-{face}.woff2"
        every = set(TTFont(str(source)).getBestCmap())
        core, rest = every & core_points, every - core_points
        parts = ((core, f"OsloSans-{face}.woff2"), (rest, f"OsloSans-{face}-ext.woff2"))
        for points, name in parts:
            if not points:
                continue
            target = ROOT / FONT_DIR / name
            target.parent.mkdir(parents=True, exist_ok=True)
            _subset(source, target, points)
            if set(TTFont(str(target)).getBestCmap()) != points:
                raise SystemExit(f"{name}: the subset lost or gained characters")
            rules.append(
                "@font-face {\n"
                '  font-family: "Oslo Sans";\n'
                f"  font-style: {style};\n"
                f"  font-weight: {weight};\n"
                "  font-display: swap;\n"
                f'  src: url("../oslo/fonts/{name}") format("woff2");\n'
                f"  unicode-range: {unicode_range(points)};\n"
                "}\n"
            )
            written.append(f"{FONT_DIR}/{name}")
    css = TOKENS_CSS.read_text(encoding="utf-8")
    start, end = css.index(FACES_START) + len(FACES_START), css.index(FACES_END)
    TOKENS_CSS.write_text(css[:start] + "\n".join(rules) + css[end:], encoding="utf-8")
    written.append(str(TOKENS_CSS.relative_to(ROOT)))
    return written


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
        written = write_fonts(Path(folder) / "package" / "dist" / "fonts")
        for source, target in COPIES.items():
            destination = ROOT / target
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(folder) / "package" / source, destination)
            written.append(target)
    (ROOT / "docs/assets/oslo/SOURCE.txt").write_text(
        f"Files from the npm package `{PACKAGE}` version {version} (MIT licence, see LICENSE),\n"
        "copied (the fonts split in two by character range) by `scripts/refresh_oslo_assets.py`.\n"
        "Do not edit them by hand.\n",
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
