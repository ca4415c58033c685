"""The model reads pages as MkDocs and PyYAML do: same front matter, same anchors, right lines."""

from __future__ import annotations

import re

import pytest
import yaml

from handbook.anchors import page_anchors
from handbook.config import load_config
from handbook.model import load_front_matter, load_graph, parse_page, split_front_matter

from helpers import ROOT, built_page

FRONT_MATTER_SAMPLES = [
    "id: po-1\nkind: priority\ngoals: [mal-a, mal-b]\n",
    'description: "En setning, med komma."\ntags: [klima]\n',
    "description: Tekst med æøå, komma og punktum.\n",
    "description: 'enkle anførselstegn'\n",
    'description: "Tittel: med kolon"\n',
    "description: Tittel:med kolon uten mellomrom\n",
    "goals:\n  - mal-a\n  - mal-b\n",
    "description: >-\n  brettet\n  tekst\n",
    "flag: yes\nother: No\nnothing: null\nempty: []\n",
    "year: 2021\nversion: 1.10\nwhen: 2022-07-08\n",
    "translation_of: nb-0123456789ab\n",
    "ids: [a1, yes]\n",
    "# kommentar\nid: x # hale\n",
    "title: Hva er TEN-T?\n",
]


@pytest.mark.parametrize("front", FRONT_MATTER_SAMPLES)
def test_fast_front_matter_reading_equals_pyyaml(front: str) -> None:
    assert load_front_matter(front) == yaml.safe_load(front)


def test_invalid_front_matter_raises_like_pyyaml() -> None:
    for front in ("description: Tittel: med kolon\n", "goals: [a, b\n", "id: [a]]\n"):
        with pytest.raises(yaml.YAMLError):
            yaml.safe_load(front)
        with pytest.raises(yaml.YAMLError):
            load_front_matter(front)


def test_real_pages_read_the_same_as_pyyaml() -> None:
    for path in sorted((ROOT / "docs").rglob("*.md")):
        front = split_front_matter(path.read_text(encoding="utf-8")).front
        assert front is not None, path
        assert load_front_matter(front) == yaml.safe_load(front), path


def test_line_numbers_point_into_the_file(tmp_path) -> None:
    page_file = tmp_path / "p.md"
    page_file.write_text(
        "---\nid: p\nkind: page\n---\n# Tittel\n\n```\n## ikke en overskrift\n[x](y.md)\n```\n"
        "\n## Del\n\nSe [a](a.md) og `[b](b.md)`.\n",
        encoding="utf-8",
    )
    page = parse_page("nb", "p.md", page_file, "docs/nb/p.md")
    assert page.key_lines == {"id": 2, "kind": 3}
    assert [(h.level, h.text, h.line) for h in page.headings] == [(1, "Tittel", 5), (2, "Del", 12)]
    assert [(link.target, link.line) for link in page.links] == [("a.md", 14)]


def test_computed_anchors_match_the_built_site(built_site) -> None:
    """Every anchor the check computes exists in the HTML the build writes, page by page."""
    assert built_site.returncode == 0, built_site.log
    graph = load_graph(load_config(ROOT / "mkdocs.yml"))
    for page in graph.pages:
        built = built_page(
            built_site.site_dir,
            page.rel_path if page.lang == "nb" else f"{page.lang}/{page.rel_path}",
        ).read_text(encoding="utf-8")
        ids = set(re.findall(r'\sid="([^"]+)"', built))
        computed = page_anchors(page)
        missing = computed - ids
        assert not missing, f"{page.display_path}: computed anchors not in the HTML: {missing}"
