"""Hostile content, written as an attacker would, planted in one copy of the real handbook.

Each payload goes on a page of its own, so one check run, one strict build and one
non-strict build serve them all, and every finding is matched by file and line. A payload
that runs sets `window.__pwned` (or asks for a file from example.org, or navigates), which
the browser test looks for after hovering and clicking what the payload added; each carries
a marker (F07) so the test can find its element.

The expected line is found by searching the planted file for the payload's `needle`, never
hard-coded, so the suite keeps working as the pages are edited.
"""

# ruff: noqa: E501 -- a payload reads best whole, on one line
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from handbook.render import page_url

from helpers import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Payload:
    marker: str
    code: str  # the finding the check must report; "" where Markdown makes it harmless text
    where: str  # "body": appended to the page; "description", "title", "key": front matter
    text: str
    needle: str = ""  # text on the line the finding points at (default: the first line)
    lang: str = ""  # the language whose pages it must go on; any page when empty


PAYLOADS: tuple[Payload, ...] = (
    # Scripts, however they are spelt
    Payload("F01", "HB010", "body", "<script>window.__pwned='F01'</script>"),
    Payload("F02", "HB010", "body", '<SCRIPT SRC="https://example.org/F02.js"></SCRIPT>'),
    Payload("F03", "HB010", "body", "<scr<script>ipt>window.__pwned='F03'</script>"),
    Payload("F04", "HB010", "body", "<template><script>window.__pwned='F04'</script></template>"),
    # Event handlers, in every place an attribute can hide
    Payload("F05", "HB010", "body", "<img src=\"F05.png\" onerror=\"window.__pwned='F05'\">"),
    Payload("F06", "HB010", "body", "<a href=\"#\" onclick=\"window.__pwned='F06'\">F06</a>"),
    Payload(
        "F07", "HB010", "body", "<a href=\"#\" title=\"a>b\" onmouseover=\"window.__pwned='F07'\">F07</a>"
    ),
    Payload("F08", "HB010", "body", "<A HREF=\"#\" ONCLICK = \"window.__pwned='F08'\">F08</A>"),
    # Python-Markdown escapes this one as text: no finding, and the browser shows text
    Payload("F09", "", "body", '<a/onmouseover="window.__pwned=9">F09</a>'),
    Payload(
        "F10", "HB010", "body", "<details open ontoggle=\"window.__pwned='F10'\"><summary>F10</summary>x</details>"
    ),
    Payload("F11", "HB010", "body", "<input autofocus onfocus=\"window.__pwned='F11'\" value=F11>"),
    Payload("F12", "HB010", "body", "<svg onload=\"window.__pwned='F12'\"><title>F12</title></svg>"),
    # Attribute lists: Markdown's own way to add attributes
    Payload(
        "F13", "HB010", "body", "F13 avsnitt.\n{: onclick=\"window.__pwned='F13'\" }", needle="{:"
    ),
    Payload("F14", "HB010", "body", "## F14 {: onmouseover=\"window.__pwned='F14'\" }"),
    Payload(
        "F15", "HB010", "body", "[F15](https://example.org/){: onclick=\"window.__pwned='F15'\" }"
    ),
    # javascript:, data: and vbscript: addresses, encoded
    Payload("F16", "HB010", "body", "[F16](javascript:window.__pwned='F16')"),
    Payload("F17", "HB010", "body", "<a href=\"&#106;avascript:window.__pwned='F17'\">F17</a>"),
    Payload("F18", "HB010", "body", "<a href=\"jav&#x09;ascript:window.__pwned='F18'\">F18</a>"),
    Payload(
        "F19",
        "HB010",
        "body",
        "[F19][lenke-f19]\n\nTekst.\n\n[lenke-f19]: javascript:window.__pwned='F19'",
        needle="[lenke-f19]:",
    ),
    Payload("F20", "HB010", "body", "[F20](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    Payload("F21", "HB010", "body", '<a href="vbscript:msgbox(1)">F21</a>'),
    Payload(
        "F22",
        "HB010",
        "body",
        "<svg><a xlink:href=\"javascript:window.__pwned='F22'\"><text y=\"20\">F22</text></a></svg>",
    ),
    # Backticks that Markdown does not read as code
    Payload(
        "F23", "HB010", "body", 'Ikke kode: \\`<img src=F23.png onerror="window.__pwned=23">\\`'

    ),
    # Parser confusion (mutation XSS)
    Payload(
        "F24",
        "HB010",
        "body",
        '<noscript><p title="</noscript><img src=x onerror=window.__pwned=\'F24\'>">F24</p></noscript>',
    ),
    Payload(
        "F25",
        "HB010",
        "body",
        "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned='F25'>",
    ),
    # Changing the page around the text
    Payload(
        "F26", "HB010", "body", '<meta http-equiv="refresh" content="0; url=https://example.org/F26">'
    ),
    Payload("F27", "HB010", "body", '<base href="https://example.org/F27/">'),
    Payload("F28", "HB010", "body", "<style>article { display: none }</style>"),
    Payload("F29", "HB010", "body", '<p style="display:none">F29</p>'),
    Payload(
        "F30", "HB010", "body", '<form action="https://example.org/F30"><button>F30</button></form>'
    ),
    # Other sites: frames, objects, images, fonts, stylesheets
    Payload("F31", "HB010", "body", '<iframe src="https://example.org/F31"></iframe>'),
    Payload("F32", "HB010", "body", '<object data="https://example.org/F32.swf"></object>'),
    Payload("F33", "HB010", "body", '<embed src="https://example.org/F33">'),
    Payload("F34", "HB010", "body", "![F34](https://example.org/F34.png)"),
    Payload("F35", "HB010", "body", '<img src="//example.org/F35.png" alt="F35">'),
    Payload("F36", "HB010", "body", '<link rel="stylesheet" href="https://example.org/F36.css">'),
    Payload(
        "F37",
        "HB010",
        "body",
        "<style>@font-face { font-family: x; src: url(https://example.org/F37.woff2) }</style>",
    ),
    Payload("F38", "HB010", "body", "[F38](http://example.org/F38)"),
    # Front matter and headings, which the theme prints as they are
    Payload("F39", "HB003", "description", "'\"><script>window.__pwned=\"F39\"</script>'"),
    Payload(
        "F40",
        "HB003",
        "description",
        "Tekst &lt;/title&gt;&lt;script&gt;window.__pwned='F40'&lt;/script&gt;",
    ),
    Payload(
        "F41", "HB003", "title", "F41 &lt;/title&gt;&lt;script&gt;window.__pwned='F41'&lt;/script&gt;"
    ),
    Payload("F42", "HB003", "body", "## F42 \\<img src=x onerror=window.__pwned='F42'\\>"),
    Payload("F43", "HB003", "key", "template: redirect.html"),
    Payload("F44", "HB003", "key", "descripton: F44"),
    Payload("F45", "HB008", "key", "translation_of: ja", lang="en"),
)  # fmt: skip


@dataclass(frozen=True)
class Planted:
    payload: Payload
    path: str  # relative to the project, e.g. docs/nb/ordliste.md
    line: int
    url: str  # the page's address relative to the site root

    @property
    def expected(self) -> tuple[str, int, str]:
        return (self.path, self.line, self.payload.code)


def _replace_first_line(text: str, pattern: str, line: str) -> str:
    replaced, count = re.subn(pattern, lambda _: line, text, count=1, flags=re.MULTILINE)
    assert count == 1, f"no line matches {pattern}"
    return replaced


def plant(root: Path) -> list[Planted]:
    """Put each payload on its own page of the copy at `root`; say where each finding goes."""
    planted = []
    pages = {
        lang: sorted((root / "docs" / lang).rglob("*.md")) for lang in (DEFAULT_LANGUAGE, "en")
    }
    for payload in PAYLOADS:
        lang = payload.lang or next(name for name, free in pages.items() if free)
        page = pages[lang].pop(0)
        text = page.read_text(encoding="utf-8")
        needle = payload.needle or payload.text.split("\n")[0]
        if payload.where == "body":
            text = text.rstrip("\n") + f"\n\n{payload.text}\n"
        elif payload.where == "description":
            text = _replace_first_line(text, r"^description: .*$", f"description: {payload.text}")
        elif payload.where == "title":
            text = _replace_first_line(text, r"^# .*$", f"# {payload.text}")
        elif payload.where == "key":
            key = payload.text.split(":")[0]
            text = re.sub(rf"^{key}:.*\n", "", text, flags=re.M)  # replace, do not repeat
            text = text.replace("\n---\n", f"\n{payload.text}\n---\n", 1)
        page.write_text(text, encoding="utf-8")
        lines = text.split("\n")
        line = next(n for n, content in enumerate(lines, 1) if needle in content)
        rel = page.relative_to(root / "docs" / lang).as_posix()
        path = page.relative_to(root).as_posix()
        planted.append(Planted(payload, path, line, page_url(rel, lang, DEFAULT_LANGUAGE)))
    return planted
