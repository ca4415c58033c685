"""The model reads pages as MkDocs does: same front matter, same anchors, right lines."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from handbook import anchors, model
from handbook.anchors import page_anchors
from handbook.config import load_config
from handbook.model import load_graph, parse_page

from helpers import ROOT, built_page

# Front-matter lines on which YAML readers have disagreed, or a hand-written reader could.
TRICKY_LINES = [
    "id: x\t# note\n",  # a tab before the comment: PyYAML's Python loader even fails here
    "id: x # note\n",
    "id: x#no-comment\n",
    "id: x   \n",
    "# kommentar\nid: x\n",
    "title: Hva er TEN-T?\n",
    'description: "Tittel: med kolon"\n',
    "description: Tittel:med kolon uten mellomrom\n",
    "description: 'enkle anførselstegn'\n",
    "description: >-\n  brettet\n  tekst\n",
    "flag: yes\nother: No\nnothing: null\nempty: []\n",
    "year: 2021\nversion: 1.10\nwhen: 2022-07-08\nhash: 0123e4\n",
    "ids: [a1, yes, 'no']\n",
    "goals:\n  - mal-a\n  - mal-b\n",
    "id: first\nid: last\n",
]

# Whole files: how the block starts and ends, and what MkDocs does with odd blocks.
TRICKY_FILES = {
    "dots-close.md": "---\nid: x\n...\n# T\n",
    "trailing-spaces.md": "---  \nid: x\n--- \t\n\n\n# T\n",
    "bom.md": "\ufeff---\nid: x\n---\n# T\n",
    "crlf.md": "---\r\nid: x\r\nkind: page\r\n---\r\n# T\r\n",
    "cr.md": "---\rid: x\r---\r# T\r",
    "empty-block.md": "---\n---\n# T\n",
    "blank-block.md": "---\n\n---\n# T\n",
    "comment-only.md": "---\n# id: x\n---\n# T\n",
    "no-line-break-after-closing.md": "---\nid: x\n---",
    "unclosed.md": "---\nid: x\n# T\n",
    "four-dashes.md": "---\nid: x\n----\n# T\n",
    "not-a-mapping.md": "---\n- id\n---\n# T\n",
    "bad-yaml.md": "---\ngoals: [x\nid: y\n---\n# T\n",
    "bad-date.md": "---\nid: x\nwhen: 2022-13-45\n---\n# T\n",
    "nbsp-after-opening.md": "---\u00a0\nid: x\n---\n# T\n",
}


def _as_mkdocs_reads_it(folder: Path, name: str) -> tuple[str, dict]:
    """The body and meta MkDocs gives a page: its File reads the text, get_data splits it."""
    text = File(name, str(folder), str(folder / "site"), use_directory_urls=True).content_string
    return get_data(text)


def _check_and_mkdocs(tmp_path: Path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
        page = parse_page("nb", name, tmp_path / name, f"docs/nb/{name}")
        yield name, page, _as_mkdocs_reads_it(tmp_path, name)


@pytest.mark.parametrize("front", TRICKY_LINES)
def test_front_matter_values_are_what_mkdocs_reads(tmp_path: Path, front: str) -> None:
    """The check's value for each key is the value the build gives the page."""
    files = {"page.md": f"---\n{front}---\n# T\n"}
    for _, page, (_, mkdocs_meta) in _check_and_mkdocs(tmp_path, files):
        assert page.error is None
        assert page.meta == mkdocs_meta


def test_front_matter_block_is_cut_where_mkdocs_cuts_it(tmp_path: Path) -> None:
    """Where MkDocs reads front matter, the check reads the same keys and the same body;
    where MkDocs would quietly show the block as text, the check reports the page."""
    read = []
    for name, page, (mkdocs_body, mkdocs_meta) in _check_and_mkdocs(tmp_path, TRICKY_FILES):
        if mkdocs_meta:
            assert page.error is None, name
            assert page.meta == mkdocs_meta, name
            assert page.body.lstrip("\n") == mkdocs_body, name
            read.append(name)
        else:
            assert page.error is not None, name
    assert read == [
        "dots-close.md",
        "trailing-spaces.md",
        "bom.md",
        "crlf.md",
        "cr.md",
    ]


def test_unreadable_blocks_are_reported_at_their_line(tmp_path: Path) -> None:
    found = {name: page.error for name, page, _ in _check_and_mkdocs(tmp_path, TRICKY_FILES)}
    assert found["bad-yaml.md"][0] == 2  # where the bracket opened, not where YAML gave up
    assert found["bad-date.md"] == (
        3,  # the value's line: the ValueError YAML raises has none
        "the front matter has a value YAML cannot read: month must be in 1..12",
    )
    assert found["empty-block.md"][0] == 2
    assert "would not read this block" in found["empty-block.md"][1]
    assert found["no-line-break-after-closing.md"][0] == 3
    assert found["unclosed.md"] == (1, "the front matter is not closed with a '---' line")
    assert found["four-dashes.md"] == found["unclosed.md"]
    assert "MkDocs would show the block as text" in found["comment-only.md"][1]


def test_real_pages_read_as_mkdocs_reads_them() -> None:
    for lang_dir in sorted((ROOT / "docs").iterdir()):
        if not lang_dir.is_dir() or lang_dir.name == "assets":
            continue
        for path in sorted(lang_dir.rglob("*.md")):
            rel = path.relative_to(lang_dir).as_posix()
            page = parse_page(lang_dir.name, rel, path, rel)
            assert page.error is None, path
            assert page.meta == _as_mkdocs_reads_it(lang_dir, rel)[1], path


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


# The patterns model.py and anchors.py matched Markdown with before linear-time functions
# replaced them (each took seconds or more on a line of a few thousand characters): what
# the functions must still find.
_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_INLINE_LINK = re.compile(r"\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)")
_ATTR_LIST = re.compile(r"\s*\{:?\s*[^}]*\}\s*$")
_EXPLICIT_ID = re.compile(r"\{:?[^}]*?#([\w-]+)[^}]*\}")
_LINK_OR_IMAGE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*{1,3}|(?<!\w)_{1,3})(\S(?:.*?\S)?)\1")


def _old_heading(line: str) -> tuple[int, str] | None:
    match = _HEADING.match(line)
    return (len(match.group(1)), match.group(2)) if match else None


# name: (the characters that matter to it, the old result, the new result)
REPLACED: dict[str, tuple[str, Callable[[str], object], Callable[[str], object]]] = {
    "heading": ("# \t#xa", lambda s: _old_heading("#" + s), lambda s: model.parse_heading("#" + s)),
    "code spans": (
        "``` a\nb",
        lambda s: _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), s),
        model.blank_code_spans,
    ),
    "inline links": (
        "[]()<> \"'a\n(",
        lambda s: [(m.group(1), m.start()) for m in _INLINE_LINK.finditer(s)],
        model.inline_links,
    ),
    "attribute list": ("{}: a#\t", lambda s: _ATTR_LIST.sub("", s).strip(), model.strip_attr_list),
    "explicit ids": (
        "{}#:a- \n",
        lambda s: [m.group(1) for m in _EXPLICIT_ID.finditer(s)],
        lambda s: list(anchors.explicit_ids(s)),
    ),
    "link texts": ("![]()a", lambda s: _LINK_OR_IMAGE.sub(r"\1", s), anchors._link_texts),
    "emphasis": ("*_ a\n", lambda s: _EMPHASIS.sub(r"\2", s), anchors._emphasis_removed),
}


@pytest.mark.parametrize("name", REPLACED)
def test_linear_functions_find_what_the_patterns_they_replace_found(name: str) -> None:
    """20 000 random strings of the characters that matter to each (60 000 per function
    agreed when they were written)."""
    alphabet, old, new = REPLACED[name]
    rng = random.Random(name)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert new(text) == old(text), repr(text)


def test_repeated_slugs_count_on_from_the_last_number_given(tmp_path: Path) -> None:
    """Each repeated slug tries the numbers after the last one it got (so thousands of
    equal headings take linear time), skipping those taken meanwhile."""
    page_file = tmp_path / "p.md"
    page_file.write_text(
        "---\nid: p\n---\n# A\n\n## A\n\n## A_1\n\n## A\n\n## B { #a_2 }\n\n## A\n",
        encoding="utf-8",
    )
    page = parse_page("nb", "p.md", page_file, "docs/nb/p.md")
    assert page_anchors(page) == {"a", "a_1", "a_1_1", "a_2", "a_3"}
