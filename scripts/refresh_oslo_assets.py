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
- docs/assets/oslo/fonts/OsloSans-<face>[-ext]-print.woff2   the same files with TrueType
  outlines, and their @font-face rules ("Oslo Sans Print") in print.css: Chromium's PDF
  writer embeds TrueType fonts, but draws CFF ones (Oslo Sans's own) as nameless Type 3
  glyphs (`python scripts/refresh_oslo_assets.py --print-fonts` writes only these, from
  the files in docs/assets/oslo/fonts)
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
PRINT_CSS = ROOT / "docs/assets/stylesheets/print.css"
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


def _face_rule(family: str, style: str, weight: int, name: str, points: set[int]) -> str:
    return (
        "@font-face {\n"
        f'  font-family: "{family}";\n'
        f"  font-style: {style};\n"
        f"  font-weight: {weight};\n"
        "  font-display: swap;\n"
        f'  src: url("../oslo/fonts/{name}") format("woff2");\n'
        f"  unicode-range: {unicode_range(points)};\n"
        "}\n"
    )


def _write_rules(css_file: Path, rules: list[str]) -> None:
    css = css_file.read_text(encoding="utf-8")
    start, end = css.index(FACES_START) + len(FACES_START), css.index(FACES_END)
    css_file.write_text(css[:start] + "\n".join(rules) + css[end:], encoding="utf-8")


def _as_truetype(source: Path, target: Path) -> None:
    """`source` (CFF outlines) with the same glyphs as TrueType (quadratic) outlines."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(str(source))
    order, glyphs = font.getGlyphOrder(), font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        # Within one font unit of the curve; TrueType contours turn the other way.
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in (
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    post = font["post"]
    post.formatType, post.extraNames, post.mapping, post.glyphOrder = 2.0, [], {}, order
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    font.sfntVersion = "\x00\x01\x00\x00"
    font.flavor = "woff2"
    font.save(str(target))


def write_print_fonts() -> list[str]:
    """A TrueType copy of each font file, and their rules in print.css."""
    from fontTools.ttLib import TTFont

    rules, written = [], []
    for face, (style, weight) in FONTS.items():
        for part in ("", "-ext"):
            source = ROOT / FONT_DIR / f"OsloSans-{face}{part}.woff2"
            if not source.is_file():
                continue
            name = f"OsloSans-{face}{part}-print.woff2"
            _as_truetype(source, ROOT / FONT_DIR / name)
            points = set(TTFont(str(source)).getBestCmap())
            if set(TTFont(str(ROOT / FONT_DIR / name)).getBestCmap()) != points:
                raise SystemExit(f"{name}: the conversion lost or gained characters")
            rules.append(_face_rule("Oslo Sans Print", style, weight, name, points))
            written.append(f"{FONT_DIR}/{name}")
    _write_rules(PRINT_CSS, rules)
    return [*written, str(PRINT_CSS.relative_to(ROOT))]


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
            rules.append(_face_rule("Oslo Sans", style, weight, name, points))
            written.append(f"{FONT_DIR}/{name}")
    _write_rules(TOKENS_CSS, rules)
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
        written += write_print_fonts()
        for source, target in COPIES.items():
            destination = ROOT / target
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(folder) / "package" / source, destination)
            written.append(target)
    (ROOT / "docs/assets/oslo/SOURCE.txt").write_text(
        f"Files from the npm package `{PACKAGE}` version {version} (MIT licence, see LICENSE),\n"
        "copied (the fonts split in two by character range, and copied with TrueType outlines\n"
        "for print) by `scripts/refresh_oslo_assets.py`.\n"
        "Do not edit them by hand.\n",
        encoding="utf-8",
    )
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default=VERSION, help=f"package version (default {VERSION})")
    parser.add_argument(
        "--print-fonts",
        action="store_true",
        help="only write the TrueType copies for print, from the fonts in docs/assets/oslo/fonts",
    )
    args = parser.parse_args()
    for path in write_print_fonts() if args.print_fonts else refresh(args.version):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
