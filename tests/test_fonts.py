"""The self-hosted fonts: each face is split in a main file and an -ext file, and the
@font-face rules say exactly which characters each file holds (scripts/refresh_oslo_assets.py
writes both). A rule that promised a character its file lacks would show a fallback font;
one that missed a character its file has would fetch the -ext file for nothing.

Each file has a copy with TrueType outlines for print (print.css), which Chromium's PDF
writer embeds as Oslo Sans; it draws the CFF originals as nameless Type 3 glyphs."""

from __future__ import annotations

import re

from fontTools.ttLib import TTFont
from refresh_oslo_assets import codepoints

from helpers import DOCS

CSS = DOCS / "assets" / "stylesheets" / "punkt-tokens.css"
PRINT_CSS = DOCS / "assets" / "stylesheets" / "print.css"
RULE = re.compile(r"@font-face\s*\{(.*?)\}", re.S)
# What Norwegian and English pages are written with: these must never need an -ext file.
# (dashes and curly quotes as escapes: \u2013 en dash, \u2014 em dash, \u2018-\u201d quotes)
EVERYDAY = (
    "abcxyzABCXYZæøåÆØÅäöüÄÖÜéèÉ0123456789 .,:;!?-«»…€%§&()/'\"\u2013\u2014\u2018\u2019\u201c\u201d"
)


def _rules(css=CSS) -> list[dict[str, str]]:
    rules = []
    for body in RULE.findall(css.read_text(encoding="utf-8")):
        rules.append(dict(re.findall(r"([\w-]+):\s*([^;]+);", body)))
    return rules


def test_every_rule_declares_exactly_the_characters_of_its_file() -> None:
    rules = _rules()
    assert len(rules) == 10, "five faces, each a main and an -ext file"
    for rule in rules:
        name = re.search(r'url\("\.\./oslo/fonts/([^"]+)"\)', rule["src"]).group(1)
        font = TTFont(DOCS / "assets" / "oslo" / "fonts" / name)
        assert set(font.getBestCmap()) == codepoints(rule["unicode-range"]), name


def test_a_faces_two_files_share_no_character_and_the_main_file_covers_everyday_text() -> None:
    faces: dict[tuple[str, str], list[set[int]]] = {}
    for rule in _rules():
        key = (rule["font-style"], rule["font-weight"])
        faces.setdefault(key, []).append(codepoints(rule["unicode-range"]))
    for key, (main, ext) in faces.items():
        assert not main & ext, key
        missing = {char for char in EVERYDAY if ord(char) not in main}
        assert not missing, f"{key}: the main file lacks {sorted(missing)}"


def test_print_has_a_truetype_copy_of_every_file_with_the_same_characters() -> None:
    screen = {(r["font-style"], r["font-weight"], r["unicode-range"]): r["src"] for r in _rules()}
    printed = _rules(PRINT_CSS)
    assert len(printed) == len(screen)
    for rule in printed:
        assert rule["font-family"] == '"Oslo Sans Print"'
        original = screen[(rule["font-style"], rule["font-weight"], rule["unicode-range"])]
        name = re.search(r'url\("\.\./oslo/fonts/([^"]+)"\)', rule["src"]).group(1)
        assert name == re.search(r"fonts/([^\"]+)\.woff2", original).group(1) + "-print.woff2"
        font = TTFont(DOCS / "assets" / "oslo" / "fonts" / name)
        assert "glyf" in font and "CFF " not in font, name
        assert set(font.getBestCmap()) == codepoints(rule["unicode-range"]), name
