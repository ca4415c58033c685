"""The model reads pages as MkDocs does: same front matter, same anchors, right lines."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from mkdocs.structure.files import File
from mkdocs.utils.meta import SafeLoader as MkDocsSafeLoader
from mkdocs.utils.meta import get_data

from handbook import anchors, model
from handbook.anchors import page_anchors
from handbook.config import load_config
from handbook.model import (
    MAX_FRONT_MATTER_BYTES,
    MAX_PAGE_BYTES,
    load_graph,
    parse_page,
    readable_text,
)
from handbook.safe_yaml import FileLoader, FrontMatterLoader, RejectedYAMLError

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
]


def test_a_key_written_twice_is_an_error_where_mkdocs_would_keep_the_last(tmp_path: Path) -> None:
    """YAML keeps the last of two equal keys without a word; the check names both lines."""
    files = {"page.md": "---\nid: first\nkind: page\nid: last\n---\n# T\n"}
    for _, page, (_, mkdocs_meta) in _check_and_mkdocs(tmp_path, files):
        assert mkdocs_meta["id"] == "last"
        assert page.error is not None
        assert page.error[0] == 4
        assert page.error[1].en.startswith("The field `id` is written twice (first on line 2).")


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
    # The value's line: the ValueError YAML raises has none.
    assert found["bad-date.md"][0] == 3
    assert found["bad-date.md"][1].nb.startswith("`when: 2022-13-45` ser ut som en dato")
    assert found["empty-block.md"][0] == 2
    assert "would not read this block" in found["empty-block.md"][1].en
    assert found["no-line-break-after-closing.md"][0] == 3
    assert found["unclosed.md"][0] == 1
    assert found["unclosed.md"][1].en == "The front matter is not closed with a `---` line."
    assert found["four-dashes.md"] == found["unclosed.md"]
    assert "MkDocs would show the block as text" in found["comment-only.md"][1].en


# Nine lines that would make 9**9 = 387 million strings for whatever walks the value.
BILLION_LAUGHS = 'a0: &a0 ["lol"]\n' + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)
)

# Front matter that could grow without bound: (front matter, its line, the message).
REFUSED = {
    "billion laughs": (
        BILLION_LAUGHS,
        1,
        "The value starts with `&`, so YAML reads `&a0` as a name for the value, not as text.",
    ),
    "alias": (
        "id: x\ndescription: *text\n",
        2,
        "The value starts with `*`, so YAML reads `*text` as a reference to another value, not "
        "as text.",
    ),
    "merge key": (
        "id: x\nbase:\n  <<: {kind: page}\n",
        3,
        "The line uses a merge key (`<<`), which the handbook does not read.",
    ),
    "explicit merge tag": (
        "id: x\nbase:\n  !!merge x: {kind: page}\n",
        3,
        "The line uses a merge key (`<<`), which the handbook does not read.",
    ),
    "500 brackets": (
        "id: x\ngoals: " + "[" * 500 + "\n",
        2,
        "The values are nested more than 20 levels deep.",
    ),
    # libyaml's scanner reads brackets ahead and stops at its own limit of 1 000 levels.
    "60 000 brackets": (
        "id: x\ngoals: " + "[" * 60_000 + "\n",
        2,
        "The values are nested more than 20 levels deep.",
    ),
    "21 mappings": (
        "id: x\ngoals: " + "{a: " * 21 + "b" + "}" * 21 + "\n",
        2,
        "The values are nested more than 20 levels deep.",
    ),
    "block nesting": (
        "".join("  " * level + f"k{level}:\n" for level in range(25)) + "  " * 25 + "v\n",
        21,
        "The values are nested more than 20 levels deep.",
    ),
}


@pytest.mark.parametrize("name", REFUSED)
def test_front_matter_that_could_grow_without_bound_is_refused_at_its_line(
    tmp_path: Path, name: str
) -> None:
    front, line, message = REFUSED[name]
    (tmp_path / "p.md").write_text(f"---\n{front}---\n# T\n", encoding="utf-8")
    page = parse_page("nb", "p.md", tmp_path / "p.md", "docs/nb/p.md")
    assert page.error is not None
    assert (page.error[0], page.error[1].en) == (1 + line, message)
    assert page.error_hint is not None


class _ComposingLoader(FrontMatterLoader):
    """The loader, composing every text itself (it leaves plain text to libyaml)."""

    def __init__(self, stream) -> None:
        super().__init__(stream)
        self._plain = False


def test_the_loaders_own_composer_reads_the_values_mkdocs_reads() -> None:
    fronts = [*TRICKY_LINES, "goals:\n  - a\n  - [b, {c: d}]\n? complex\n: key\n"]
    for lang_dir in sorted(path for path in (ROOT / "docs").iterdir() if path.is_dir()):
        for page_file in sorted(lang_dir.rglob("*.md")):
            text = page_file.read_text(encoding="utf-8")
            fronts.append(text.split("---\n")[1])
    for front in fronts:
        assert yaml.load(front, Loader=_ComposingLoader) == yaml.load(
            front, Loader=MkDocsSafeLoader
        ), front


def test_twenty_levels_of_nesting_are_read_and_twenty_one_are_not() -> None:
    nested: list = []
    for _ in range(18):
        nested = [nested]
    assert yaml.load("goals: " + "[" * 19 + "]" * 19, Loader=FileLoader) == {"goals": nested}
    with pytest.raises(RejectedYAMLError, match="nested more than 20 levels deep"):
        yaml.load("goals: " + "[" * 20 + "]" * 20, Loader=FileLoader)


def test_a_million_brackets_raise_no_recursion_error() -> None:
    """The loader composes without recursion and stops at the 21st level (libyaml's
    scanner, reading brackets ahead, may stop first at its 1 000th)."""
    nested_blocks = "".join(" " * level + f"k{level}:\n" for level in range(5000))
    for text in ("[" * 1_000_000, "[" * 500_000 + "]" * 500_000, "{a: " * 300_000, nested_blocks):
        with pytest.raises(yaml.YAMLError, match="nest"):
            yaml.load(text, Loader=FileLoader)


def test_front_matter_larger_than_the_limit_is_refused_where_it_passes_it(tmp_path: Path) -> None:
    keys = [f"key{number}: {'v' * 60}\n" for number in range(1200)]  # 80 KB
    text = "---\n" + "".join(keys) + "---\n# T\n"
    (tmp_path / "p.md").write_text(text, encoding="utf-8")
    page = parse_page("nb", "p.md", tmp_path / "p.md", "docs/nb/p.md")
    limit_line = 2 + text.encode()[4 : 4 + MAX_FRONT_MATTER_BYTES].count(b"\n")
    assert page.error is not None
    assert page.error[0] == limit_line
    assert page.error[1].nb == ("Front matter er større enn 64 KB. Grensen nås på denne linjen.")
    assert page.error_hint.nb == (
        "Front matter skal bare ha korte felt. Flytt lang tekst ned i selve siden."
    )


# Files that are not text a page can be: (bytes, the line to look at, the message).
UNREADABLE = {
    "latin-1": (
        "---\nid: x\n---\n# Tittel\n\nMål for Øresund\n".encode("latin-1"),
        6,
        "The file is not UTF-8 text (byte 0xe5 on this line).",
    ),
    "latin-1 in front matter": (
        "---\nid: x\ndescription: Ø\n---\n".encode("latin-1"),
        3,
        "The file is not UTF-8 text (byte 0xd8 on this line).",
    ),
    "bom and bad bytes": (
        b"\xef\xbb\xbf---\nid: x\n---\n# T\n\n\xff\xfe\n",
        6,
        "The file is not UTF-8 text (byte 0xff on this line).",
    ),
    "crlf": (b"---\r\nid: x\r\n---\r\n\r\n\xe6\r\n", 5, "The file is not UTF-8 text (byte 0xe6"),
    "cr": (b"---\rid: x\r---\r\r\r\xe6\r", 6, "The file is not UTF-8 text (byte 0xe6"),
    "utf-16": ("---\nid: x\n---\n".encode("utf-16"), 1, "not UTF-8 text (byte 0xff"),
    "nul": (b"---\nid: x\n---\n# T\n\nnul\x00\n", 6, "a control character (U+0000)"),
    "utf-16 without bom": ("---\nid: x\n".encode("utf-16-le"), 1, "control character (U+0000)"),
    "escape": (b"---\nid: x\n---\n\x1b[31m\n", 4, "a control character (U+001B)"),
    "larger than the limit": (
        b"---\nid: x\n---\n" + b"a\n" * MAX_PAGE_BYTES,
        1,
        "The page is 256 KB. The limit is 128 KB.",
    ),
}


@pytest.mark.parametrize("name", UNREADABLE)
def test_a_file_that_is_not_text_is_an_error_at_its_line(tmp_path: Path, name: str) -> None:
    data, line, message = UNREADABLE[name]
    (tmp_path / "p.md").write_bytes(data)
    page = parse_page("nb", "p.md", tmp_path / "p.md", "docs/nb/p.md")
    assert page.error is not None
    assert page.error[0] == line
    assert message in page.error[1].en
    assert page.error_hint


def test_readable_text_leaves_out_only_what_mkdocs_cannot_read_safely() -> None:
    """What a build that is not strict gives MkDocs for a page the check could not read."""
    assert (
        readable_text("---\nid: x\n---\n# Mål\n".encode("latin-1"))
        == "---\nid: x\n---\n# M\ufffdl\n"
    )
    assert (
        readable_text(b"\xef\xbb\xbf---\r\nid: x\r\n---\r\nnul\x00\r\n")
        == "---\nid: x\n---\nnul\ufffd\n"
    )
    assert readable_text(f"---\n{BILLION_LAUGHS}---\n# T\n".encode()) == "# T\n"
    large = "---\n" + "k: v\n" * (MAX_FRONT_MATTER_BYTES // 5 + 1) + "---\n# T\n"
    assert readable_text(large.encode()) == "# T\n"
    # Front matter that is only not valid YAML stays: MkDocs shows it as text, safely.
    assert readable_text(b"---\ngoals: [x\n---\n# T\n") == "---\ngoals: [x\n---\n# T\n"


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


def test_offset_at_is_the_inverse_of_line_at(tmp_path) -> None:
    path = tmp_path / "p.md"
    path.write_text("---\nid: p\n---\n# T\n\nen\n\n## To\n", encoding="utf-8")
    page = parse_page("nb", "p.md", path, "p.md")
    lines = range(page.body_line, page.body_line + page.markdown.count("\n") + 1)
    assert [page.line_at(page.offset_at(line)) for line in lines] == list(lines)
    assert page.markdown[page.offset_at(page.headings[1].line) :].startswith("## To")
