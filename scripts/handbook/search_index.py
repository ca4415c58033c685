"""Give every language its own search index.

mkdocs-static-i18n builds the languages one after another and then writes one index with
every language's pages, so a reader on /en/ gets Norwegian results and the other way round.
After the whole build, this splits that index by URL prefix: the default language keeps
`search/search_index.json`, each other language gets `<lang>/search/search_index.json`
with its own pages only and the lunr language that fits it.

Material fetches the index from `search/search_index.json` under the page's `base` and
resolves result locations against it. The hooks give a translated page its language's
root as `base` (see mkdocs_hooks.on_page_context), so a translated index holds locations
relative to that root: "prioriteringer/po3/", not "en/prioriteringer/po3/".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# lunr.js names Norwegian "no"; every other language here uses its own code.
LUNR_LANGUAGE = {"nb": "no", "nn": "no"}
INDEX = Path("search") / "search_index.json"


def _read_all(site_dir: Path, languages: tuple[str, ...]) -> tuple[dict[str, Any], list[dict]]:
    """Every entry of every index the build wrote, without duplicates, and one config."""
    config: dict[str, Any] = {}
    docs: dict[str, dict] = {}
    for lang in ("", *languages):
        path = site_dir / lang / INDEX
        if path.is_file():
            data = json.loads(path.read_text(encoding="utf-8"))
            config = config or data["config"]
            for doc in data["docs"]:
                docs.setdefault(doc["location"], doc)
    return config, list(docs.values())


def split_search_index(site_dir: Path, languages: tuple[str, ...]) -> dict[str, int]:
    """Write one index per language; return how many entries each got."""
    default, *others = languages
    config, docs = _read_all(site_dir, languages)
    if not docs:
        return {}
    counts = {}
    for lang in languages:
        if lang == default:
            own = [d for d in docs if not any(d["location"].startswith(f"{o}/") for o in others)]
        else:
            prefix = f"{lang}/"
            own = [
                {**d, "location": d["location"][len(prefix) :]}
                for d in docs
                if d["location"].startswith(prefix)
            ]
        target = site_dir / ("" if lang == default else lang) / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        data = {"config": {**config, "lang": [LUNR_LANGUAGE.get(lang, lang)]}, "docs": own}
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
        counts[lang] = len(own)
    return counts
