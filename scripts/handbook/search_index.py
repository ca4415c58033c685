"""Give every language its own search index.

mkdocs-static-i18n builds the languages one after another and then writes one index with
every language's pages, so a reader on /en/ gets Norwegian results and the other way round.
After the whole build, this splits that index by URL prefix: the default language keeps
`search/search_index.json`, each other language gets `<lang>/search/search_index.json`
with its own pages only and the lunr language that fits it.

The index to split is the one the search plugin holds in memory at the end of the build,
not a file in site_dir: `mkdocs build --dirty`, `mkdocs serve` and a reused site_dir keep
an earlier build's files, among them the indexes this split wrote, whose locations have
lost their language prefix and would read as the default language's pages.

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


def split_search_index(
    site_dir: Path, languages: tuple[str, ...], index: dict[str, Any]
) -> dict[str, int]:
    """Write one index per language from `index`, the whole site's ({"config", "docs"}, as
    the search plugin writes it); return how many entries each language got.

    A dirty build can list an entry twice (the search plugin adds the previous build's
    entries to each language's); the first of each location is kept.
    """
    default, *others = languages
    unique: dict[str, dict] = {}
    for doc in index.get("docs", []):
        unique.setdefault(doc["location"], doc)
    docs = list(unique.values())
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
        config = {**index["config"], "lang": [LUNR_LANGUAGE.get(lang, lang)]}
        data = {"config": config, "docs": own}
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
        counts[lang] = len(own)
    return counts
