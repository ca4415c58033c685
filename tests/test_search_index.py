"""One search index per language, each with its own pages and lunr language."""

from __future__ import annotations

import json

from handbook.search_index import split_search_index


def _doc(location: str) -> dict:
    return {"location": location, "title": location, "text": ""}


def test_combined_index_is_split_by_language(tmp_path) -> None:
    combined = {
        "config": {"lang": ["no"], "separator": "x", "pipeline": ["stopWordFilter"]},
        "docs": [
            _doc(""),
            _doc("prioriteringer/po1/"),
            _doc("en/"),
            _doc("en/prioriteringer/po1/"),
        ],
    }
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(combined), "utf-8")
    assert split_search_index(tmp_path, ("nb", "en")) == {"nb": 2, "en": 2}
    nb = json.loads((tmp_path / "search" / "search_index.json").read_text("utf-8"))
    en = json.loads((tmp_path / "en" / "search" / "search_index.json").read_text("utf-8"))
    assert [d["location"] for d in nb["docs"]] == ["", "prioriteringer/po1/"]
    assert [d["location"] for d in en["docs"]] == ["", "prioriteringer/po1/"]
    assert nb["config"]["lang"] == ["no"] and en["config"]["lang"] == ["en"]
    assert en["config"]["separator"] == "x"


def test_no_index_means_nothing_to_split(tmp_path) -> None:
    assert split_search_index(tmp_path, ("nb", "en")) == {}
