"""The safe-content rule keeps what each page text gave between runs (content_cache.py)."""

from __future__ import annotations

import json

from handbook.content_cache import FOLDER, FORMAT, NAME

from handbook_fixtures import MINIMAL, findings_of, where, write_handbook


def _cache(config):
    return config.parent / FOLDER / NAME


def test_a_second_run_reads_the_cache_and_a_changed_page_is_rendered_again(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] += "\n<b onclick=x()>a</b>\n"
    config = write_handbook(tmp_path, pages)
    assert where(findings_of(config, "safe-content")) == [("docs/nb/mal.md", 10, "HB010")]
    data = json.loads(_cache(config).read_text(encoding="utf-8"))
    assert len(data["pages"]) == len(MINIMAL)  # one entry per page text
    # Both languages are kept, so a cached finding reads as a fresh one in either.
    stored = next(entry for entry in data["pages"].values() if entry)
    assert stored == [
        [
            "Hendelsesattributtet onclick= på <b> kjører skript.",
            "The event handler onclick= on <b> runs a script.",
            "Slett det: sider kan ikke kjøre skript.",
            "Remove it: pages may not run scripts.",
            4,  # the line of the body
        ]
    ]
    cached = findings_of(config, "safe-content")
    assert [(f.message.en, f.hint.nb) for f in cached] == [(stored[0][1], stored[0][2])]
    # Plant a finding for every clean page text: a run that renders would not report it.
    for key in data["pages"]:
        if not data["pages"][key]:
            data["pages"][key] = [["plantet", "planted", "tips", "hint", 0]]
    _cache(config).write_text(json.dumps(data), encoding="utf-8")
    assert ("docs/nb/vm.md", 7, "HB010") in where(findings_of(config, "safe-content"))
    # The fixed page has a new text, so it is rendered again and comes out clean.
    (tmp_path / "docs/nb/mal.md").write_text(MINIMAL["mal.md"], encoding="utf-8")
    found = findings_of(config, "safe-content")
    assert all(f.message.nb == "plantet" and f.message.en == "planted" for f in found)
    assert "docs/nb/mal.md" not in {f.path for f in found}


def test_a_cache_from_other_rules_or_a_broken_file_is_ignored(tmp_path):
    config = write_handbook(tmp_path)
    findings_of(config, "safe-content")
    data = json.loads(_cache(config).read_text(encoding="utf-8"))
    data["rules"] = "an older sanitiser"
    data["pages"] = {key: [["plantet", "planted", "tips", "hint", 0]] for key in data["pages"]}
    _cache(config).write_text(json.dumps(data), encoding="utf-8")
    assert findings_of(config, "safe-content") == []
    _cache(config).write_text("{not json", encoding="utf-8")
    assert findings_of(config, "safe-content") == []
    assert json.loads(_cache(config).read_text(encoding="utf-8"))["pages"]


def test_a_cache_in_the_older_format_is_ignored(tmp_path):
    """Format 1 kept one string for the message and one for the hint: read as it is, its
    entries would be taken for the two languages of the message."""
    config = write_handbook(tmp_path)
    findings_of(config, "safe-content")
    data = json.loads(_cache(config).read_text(encoding="utf-8"))
    assert data["format"] == FORMAT
    planted = {key: [["planted", "hint", 0]] for key in data["pages"]}
    _cache(config).write_text(json.dumps({**data, "format": 1, "pages": planted}), "utf-8")
    assert findings_of(config, "safe-content") == []
    # An entry of the wrong shape in a file of this format: the page is rendered afresh.
    _cache(config).write_text(json.dumps({**data, "pages": planted}), "utf-8")
    assert findings_of(config, "safe-content") == []
