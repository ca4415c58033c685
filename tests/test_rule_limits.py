"""HB013 limits: pages that would take Python-Markdown minutes, or crash it, are errors.

Each limit is reported once per page, at the first line past it; code does not count.
"""

from __future__ import annotations

import pytest

from handbook.messages import Text
from handbook.model import parse_page
from handbook.rules.limits import (
    MAX_LINE_CHARACTERS,
    MAX_LINES,
    MAX_MARKDOWN_TAGS,
    MAX_PARAGRAPH_CHARACTERS,
    MAX_UNCLOSED_TAGS,
    excesses,
)

from handbook_fixtures import MINIMAL, findings_of, where, write_handbook
from helpers import ROOT

HEAD = "---\nid: start\nkind: page\ndescription: Start.\n---\n# Start\n\n"  # 7 lines
FIRST_BODY_LINE = 8


def _limits(tmp_path, body: str):
    pages = dict(MINIMAL)
    pages["index.md"] = HEAD + body
    return findings_of(write_handbook(tmp_path, pages), "limits")


def _written(tmp_path, text: str):
    path = tmp_path / "p.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_handbook_is_within_the_limits() -> None:
    assert findings_of(ROOT / "mkdocs.yml", "limits") == []


# body -> the body line of the first problem and a piece of its Norwegian message
OVER = {
    "a long line": (
        "Kort.\n" + "x" * (MAX_LINE_CHARACTERS + 1) + "\n",
        2,
        f"Linjen har {MAX_LINE_CHARACTERS + 1} tegn. Grensen er 2000.",
    ),
    "a line of spaces": (" " * 2001 + "\n", 1, "Linjen har 2001 tegn."),
    "a long paragraph": (
        ("ord " * 400 + "\n") * 7,  # 1 601 characters a line
        7,
        f"Avsnittet er lengre enn {MAX_PARAGRAPH_CHARACTERS} tegn her.",
    ),
    "too many lines": ("a\n\n" * MAX_LINES, MAX_LINES - 6, "Siden har mer enn 2000 linjer."),
    "nested lists": (
        "Tekst.\n\n" + "- " * 51 + "x\n",
        3,
        "rykket inn 102 tegn (lister i lister, sitater og mellomrom foran)",
    ),
    "indentation": ("".join("    " * n + "- a\n" for n in range(27)), 26, "rykket inn 102 tegn"),
    "open brackets": ("a\n" + "[" * 11 + "\n", 2, "Mer enn 10 hakeparenteser eller parenteser"),
    "open brackets on many lines": ("[a\n" * 11, 11, "står åpne på denne linjen"),
    "links opened in a list": ("- [a](" * 11 + "\n", 1, "Mer enn 10 hakeparenteser"),
    "tags without >": (
        "Tekst\n\n" + "<a@" * (MAX_UNCLOSED_TAGS + 1) + "\n",
        3,
        "Mer enn 50 HTML-tagger på siden mangler `>`.",
    ),
    "markdown tags": (
        '<div markdown="1">\n' * (MAX_MARKDOWN_TAGS + 1) + "x\n" + "</div>\n" * 51,
        MAX_MARKDOWN_TAGS + 1,
        "Mer enn 50 HTML-tagger har attributtet `markdown`.",
    ),
}


@pytest.mark.parametrize("name", OVER)
def test_each_limit_is_reported_once_at_the_first_line_past_it(tmp_path, name) -> None:
    body, line, message = OVER[name]
    found = _limits(tmp_path, body)
    assert where(found) == [("docs/nb/index.md", FIRST_BODY_LINE - 1 + line, "HB013")]
    assert message in found[0].message.nb
    assert found[0].message.en and found[0].hint.nb and found[0].hint.en


def test_the_limits_are_told_in_english_too(tmp_path) -> None:
    found = _limits(tmp_path, "Kort.\n" + "x" * (MAX_LINE_CHARACTERS + 1) + "\n")
    assert found[0].message.en == "The line has 2001 characters. The limit is 2000."
    assert found[0].hint.en.startswith("Break it into several lines.")


def test_two_limits_on_one_line_are_both_reported(tmp_path) -> None:
    """Texts do not sort: the page's excesses are ordered by line alone."""
    body = "- " * 51 + "[" * 11 + "x" * MAX_LINE_CHARACTERS + "\n"
    page = parse_page("nb", "p.md", _written(tmp_path, HEAD + body), "p.md")
    found = excesses(page)
    assert [line for line, _, _ in found] == [FIRST_BODY_LINE] * 3
    assert all(isinstance(message, Text) for _, message, _ in found)


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
