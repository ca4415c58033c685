"""HB013 limits: pages that would take Python-Markdown minutes, or crash it, are errors.

Each limit is reported once per page, at the first line past it; code does not count.
"""

from __future__ import annotations

import pytest

from handbook.rules.limits import (
    MAX_LINE_CHARACTERS,
    MAX_LINES,
    MAX_MARKDOWN_TAGS,
    MAX_PARAGRAPH_CHARACTERS,
    MAX_UNCLOSED_TAGS,
)

from handbook_fixtures import MINIMAL, findings_of, where, write_handbook
from helpers import ROOT

HEAD = "---\nid: start\nkind: page\ndescription: Start.\n---\n# Start\n\n"  # 7 lines
FIRST_BODY_LINE = 8


def _limits(tmp_path, body: str):
    pages = dict(MINIMAL)
    pages["index.md"] = HEAD + body
    return findings_of(write_handbook(tmp_path, pages), "limits")


def test_the_handbook_is_within_the_limits() -> None:
    assert findings_of(ROOT / "mkdocs.yml", "limits") == []


# body -> the body line of the first problem and a piece of its message
OVER = {
    "a long line": (
        "Kort.\n" + "x" * (MAX_LINE_CHARACTERS + 1) + "\n",
        2,
        f"the line has {MAX_LINE_CHARACTERS + 1} characters; the limit is 2000",
    ),
    "a line of spaces": (" " * 2001 + "\n", 1, "the line has 2001 characters"),
    "a long paragraph": (
        ("ord " * 400 + "\n") * 7,  # 1 601 characters a line
        7,
        f"the paragraph is longer than {MAX_PARAGRAPH_CHARACTERS} characters here",
    ),
    "too many lines": ("a\n\n" * MAX_LINES, MAX_LINES - 6, "the page has more than 2000 lines"),
    "nested lists": ("Tekst.\n\n" + "- " * 51 + "x\n", 3, "nested 102 columns deep"),
    "indentation": ("".join("    " * n + "- a\n" for n in range(27)), 26, "102 columns deep"),
    "open brackets": ("a\n" + "[" * 11 + "\n", 2, "more than 10 brackets are open"),
    "open brackets on many lines": ("[a\n" * 11, 11, "more than 10 brackets are open"),
    "links opened in a list": ("- [a](" * 11 + "\n", 1, "more than 10 brackets are open"),
    "tags without >": (
        "Tekst\n\n" + "<a@" * (MAX_UNCLOSED_TAGS + 1) + "\n",
        3,
        "more than 50 HTML tags on the page are not closed with >",
    ),
    "markdown tags": (
        '<div markdown="1">\n' * (MAX_MARKDOWN_TAGS + 1) + "x\n" + "</div>\n" * 51,
        MAX_MARKDOWN_TAGS + 1,
        "more than 50 HTML tags with a markdown attribute",
    ),
}


@pytest.mark.parametrize("name", OVER)
def test_each_limit_is_reported_once_at_the_first_line_past_it(tmp_path, name) -> None:
    body, line, message = OVER[name]
    found = _limits(tmp_path, body)
    assert where(found) == [("docs/nb/index.md", FIRST_BODY_LINE - 1 + line, "HB013")]
    assert message in found[0].message


def test_code_does_not_count(tmp_path) -> None:
    long_code = "x = " + "1" * 3000
    body = (
        f"```python\n{long_code}\n" + "[" * 50 + "\n```\n\n"  # fenced code
        f"`{'[' * 50}` and `{'<a@' * 60}`\n\n"  # inline code
        f"`{'x' * 150}` starts this line, which is not nested.\n"
    )
    assert _limits(tmp_path, body) == []


def test_closed_brackets_and_tags_are_fine_however_many(tmp_path) -> None:
    body = "\n\n".join(["[a](b.md) [c][d] (e) <span>f</span> " * 20] * 40) + "\n"
    assert _limits(tmp_path, body) == []


def test_blank_lines_end_a_paragraph_and_its_open_brackets(tmp_path) -> None:
    body = ("[" * 10 + "\n\n") * 20 + ("x" * 1900 + "\n\n") * 20
    assert _limits(tmp_path, body) == []
