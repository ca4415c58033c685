"""HB010 safe-content: no scripts, frames, objects, handlers or javascript: URLs."""

import pytest

from handbook_fixtures import MINIMAL, findings_of, where, write_handbook


def test_minimal_handbook_passes(tmp_path):
    assert findings_of(write_handbook(tmp_path), "safe-content") == []


@pytest.mark.parametrize(
    "snippet",
    [
        '<script src="https://example.org/x.js"></script>',
        "<SCRIPT>alert(1)</SCRIPT>",
        '<iframe src="https://example.org"></iframe>',
        '<object data="x.swf"></object>',
        '<embed src="x.swf">',
        '<img src="x.png" onerror="alert(1)">',
        '<a href="#" onClick = "steal()">x</a>',
        "[klikk](javascript:alert(1))",
        '<a href="JavaScript:alert(1)">x</a>',
        "[ref]: javascript:alert(1)",
    ],
)
def test_unsafe_markup_is_reported_at_its_line(tmp_path, snippet):
    pages = dict(MINIMAL)
    pages["mal.md"] += f"\nTekst.\n\n{snippet}\n"
    found = findings_of(write_handbook(tmp_path, pages), "safe-content")
    assert where(found) == [("docs/nb/mal.md", 12, "HB010")]


def test_code_and_prose_are_fine(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] += (
        "\nOrdet javascript er greit, og det er on=off også.\n\n"
        "```html\n<script>alert(1)</script>\n```\n\nSkriv aldri `<iframe>` i en side.\n"
    )
    assert findings_of(write_handbook(tmp_path, pages), "safe-content") == []
