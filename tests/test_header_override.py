"""overrides/partials/header.html is Material's header with one block changed: the search
button and dialog no longer depend on Material's search plugin (search is Pagefind, see
overrides/partials/search.html). This test fails when an upgrade of Material changes its
header, so that the change is carried over rather than lost."""

from __future__ import annotations

import re
from pathlib import Path

import material

from helpers import ROOT

MATERIAL_HEADER = Path(material.__file__).parent / "templates/partials/header.html"
OURS = ROOT / "overrides/partials/header.html"
# Material's block: the search button and dialog, only with its search plugin enabled.
MATERIAL_SEARCH = re.compile(
    r'    \{% if "material/search" in config\.plugins %\}.*?\{% endif %\}\n    \{% endif %\}\n',
    re.DOTALL,
)
OUR_SEARCH = re.compile(
    r"    \{#- handbook: .*?\{% include \"partials/search\.html\" %\}\n", re.DOTALL
)
COMMENT = re.compile(r"\A\{#-.*?-#\}\n", re.DOTALL)


def test_the_header_is_materials_but_for_the_search_block() -> None:
    material_header = MATERIAL_HEADER.read_text(encoding="utf-8")
    ours = OURS.read_text(encoding="utf-8")
    assert MATERIAL_SEARCH.search(material_header), "Material's header changed: compare and update"
    assert OUR_SEARCH.search(ours)
    expected = MATERIAL_SEARCH.sub("SEARCH", COMMENT.sub("", material_header))
    assert OUR_SEARCH.sub("SEARCH", COMMENT.sub("", ours)) == expected


def test_the_search_dialog_is_not_materials_search_component() -> None:
    """Material's bundle mounts its own search on data-md-component="search" and fetches its
    index when the page has a form named "search"; neither may be in our dialog."""
    dialog = (ROOT / "overrides/partials/search.html").read_text(encoding="utf-8")
    markup = re.sub(r"\{#-.*?-#\}", "", dialog, flags=re.DOTALL)
    assert 'data-md-component="search' not in markup and 'name="search"' not in markup
    assert "data-handbook-search" in markup
