"""HB007 navigation: no orphan page, no nav entry without a page."""

from handbook_fixtures import MINIMAL, findings_of, where, write_handbook


def test_minimal_handbook_passes(tmp_path):
    assert findings_of(write_handbook(tmp_path), "navigation") == []


def test_orphan_page_and_dangling_nav_entry(tmp_path):
    nav = [path for path in sorted(MINIMAL) if path != "mal.md"] + ["borte.md"]
    found = findings_of(write_handbook(tmp_path, nav=nav), "navigation")
    assert where(found) == [("docs/nb/mal.md", 1, "HB007"), ("mkdocs.yml", 17, "HB007")]
    assert "orphan" in found[0].message
    assert "'borte.md'" in found[1].message


def test_a_nav_title_with_markup_is_an_error(tmp_path):
    config = write_handbook(tmp_path)
    text = config.read_text(encoding="utf-8").replace("  - index.md", "  - <b>Start</b>: index.md")
    config.write_text(text, encoding="utf-8")
    found = findings_of(config, "navigation")
    assert [(f.path, f.message) for f in found] == [
        ("mkdocs.yml", "the nav title '<b>Start</b>' contains markup (<)")
    ]
    assert found[0].line == text.split("\n").index("  - <b>Start</b>: index.md") + 1
