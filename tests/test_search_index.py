"""One search index per language, each with its own pages and lunr language."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote

from handbook.search_index import split_search_index

from helpers import ROOT, strict_build


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
    assert split_search_index(tmp_path, ("nb", "en"), combined) == {"nb": 2, "en": 2}
    nb = json.loads((tmp_path / "search" / "search_index.json").read_text("utf-8"))
    en = json.loads((tmp_path / "en" / "search" / "search_index.json").read_text("utf-8"))
    assert [d["location"] for d in nb["docs"]] == ["", "prioriteringer/po1/"]
    assert [d["location"] for d in en["docs"]] == ["", "prioriteringer/po1/"]
    assert nb["config"]["lang"] == ["no"] and en["config"]["lang"] == ["en"]
    assert en["config"]["separator"] == "x"


def test_no_index_means_nothing_to_split(tmp_path) -> None:
    assert split_search_index(tmp_path, ("nb", "en"), {}) == {}
    assert not any(tmp_path.iterdir())


def _resolves(site_dir: Path, location: str) -> bool:
    """True if `location` names a page this build wrote under `site_dir`, and its anchor."""
    path, _, anchor = unquote(location).partition("#")
    page = site_dir / path / "index.html"
    return page.is_file() and (not anchor or f'id="{anchor}"' in page.read_text("utf-8"))


def test_an_earlier_builds_index_does_not_leak_into_this_one(tmp_path) -> None:
    """`mkdocs build --dirty` and `mkdocs serve` build into a site_dir that keeps the last
    build's files, among them the per-language indexes this split wrote: English entries
    whose locations have lost their "en/" and would read as Norwegian pages."""
    site_dir = tmp_path / "site"
    earlier = {
        "config": {"lang": ["en"], "separator": " ", "pipeline": []},
        "docs": [
            {"location": "prioriteringer/po3/#stale-section", "title": "Stale", "text": "stale"},
            _doc("stale-page/"),
        ],
    }
    for folder, docs in [("", [_doc("en/stale-page/")]), ("en", earlier["docs"])]:
        (site_dir / folder / "search").mkdir(parents=True)
        index = site_dir / folder / "search" / "search_index.json"
        index.write_text(json.dumps({**earlier, "docs": docs}), "utf-8")

    # A dirty build warns that it is one, so it cannot be strict.
    completed = strict_build(ROOT, site_dir, "--dirty", "--no-strict")
    assert completed.returncode == 0, completed.stdout + completed.stderr

    for root in (site_dir, site_dir / "en"):
        docs = json.loads((root / "search" / "search_index.json").read_text("utf-8"))["docs"]
        locations = [d["location"] for d in docs]
        assert len(locations) > 100 and len(set(locations)) == len(locations), root
        strays = [d["location"] for d in docs if not _resolves(root, d["location"])]
        assert strays == [], f"{root}: entries for no page of this language: {strays}"
    nb = json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))["docs"]
    assert not any(d["location"].startswith("en/") for d in nb)
