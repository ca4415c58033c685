"""Build small handbooks in a temporary folder, for rule and CLI tests.

`MINIMAL` is the smallest handbook every rule accepts: one goal, one instrument, one
programme, one priority and one objective. A test starts from it, changes one thing and
checks that exactly the expected rule complains at the expected line.
"""

from __future__ import annotations

from pathlib import Path

from handbook.config import load_config
from handbook.findings import Finding
from handbook.fingerprint import fingerprint
from handbook.model import Graph, load_graph, parse_page
from handbook.rules import get, run_all
from handbook.sources import SOURCES_FILE

MINIMAL: dict[str, str] = {
    "index.md": (
        "---\nid: start\nkind: page\ndescription: Start.\n---\n# Start\n\nSe [PO1](po1.md).\n"
    ),
    "mal.md": (
        "---\nid: mal-a\nkind: goal\ndescription: Et mål.\n---\n# Mål A\n\n## Hva målet betyr\n"
    ),
    "vm.md": (
        "---\nid: vm-a\nkind: instrument\ndescription: Et virkemiddel.\ngoals: [mal-a]\n---\n"
        "# Virkemiddel A\n"
    ),
    "program.md": (
        "---\nid: prog\nkind: programme\ndescription: Programmet.\ninstruments: [vm-a]\n---\n"
        "# Programmet\n"
    ),
    "po1.md": (
        "---\nid: po-1\nkind: priority\ndescription: PO1.\nprogramme: prog\n"
        "goals: [mal-a]\ninstruments: [vm-a]\n---\n# PO1\n\nSe [målet](mal.md#hva-målet-betyr).\n"
    ),
    "so-1-1.md": (
        "---\nid: so-1-1\nkind: objective\ndescription: 1.1.\npriority: po-1\n"
        "goals: [mal-a]\n---\n# 1.1\n"
    ),
}


# The real handbook's extensions (mkdocs.yml), which decide what HTML a page can make.
MARKDOWN_EXTENSIONS = (
    "markdown_extensions:\n  - abbr\n  - admonition\n  - attr_list\n  - def_list\n"
    "  - footnotes\n  - md_in_html\n  - tables:\n      use_align_attribute: true\n"
    "  - toc:\n      permalink: true\n  - pymdownx.details\n  - pymdownx.superfences\n"
    "  - pymdownx.tabbed:\n      alternate_style: true\n"
)


def replaced(text: str, old: str, new: str) -> str:
    """`text` with `old` replaced by `new`, failing when that changes nothing.

    A fixture edit whose `old` is not in the text (or equals `new`) leaves the handbook
    valid, and a test that expects a finding from it would test nothing.
    """
    assert old in text, f"{old!r} is not in the fixture text"
    assert old != new, "the replacement is the same text"
    return text.replace(old, new)


def write_handbook(
    root: Path,
    pages: dict[str, str] | None = None,
    languages: tuple[str, ...] = ("nb",),
    translations: dict[str, dict[str, str]] | None = None,
    nav: list[str] | None = None,
) -> Path:
    """Write mkdocs.yml and docs/<lang>/ pages; return the mkdocs.yml path."""
    pages = dict(MINIMAL if pages is None else pages)
    nav_paths = sorted(pages) if nav is None else nav
    language_yaml = "".join(
        f"        - locale: {lang}\n          name: {lang}\n"
        + ("          default: true\n" if index == 0 else "")
        for index, lang in enumerate(languages)
    )
    nav_yaml = "".join(f"  - {path}\n" for path in nav_paths)
    (root / "mkdocs.yml").write_text(
        "site_name: Test\nsite_url: !ENV [SITE_URL, null]\n"
        "plugins:\n  - search\n  - i18n:\n      docs_structure: folder\n      languages:\n"
        f"{language_yaml}nav:\n{nav_yaml}{MARKDOWN_EXTENSIONS}",
        encoding="utf-8",
    )
    for lang_index, lang in enumerate(languages):
        contents = pages if lang_index == 0 else (translations or {}).get(lang, {})
        for rel_path, text in contents.items():
            target = root / "docs" / lang / rel_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    return root / "mkdocs.yml"


def translate(root: Path, pages: dict[str, str], lang: str = "en") -> dict[str, str]:
    """Fresh 'translations' of pages: same front matter minus relations, fingerprint added."""
    translated = {}
    for rel_path, text in pages.items():
        source = root / "_source" / rel_path
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(text, encoding="utf-8")
        page = parse_page("nb", rel_path, source, f"docs/nb/{rel_path}")
        keep = {k: v for k, v in page.meta.items() if k in ("id", "kind", "description")}
        front = "".join(f"{k}: {v}\n" for k, v in keep.items())
        translated[rel_path] = f"---\n{front}translation_of: {fingerprint(page)}\n---\n{page.body}"
    return translated


# The sources file of a small handbook: two sources, every field in use.
SOURCES_YML = """presentasjon-2021:
  title:
    nb: Presentasjonen
    en: The presentation
  short:
    nb: presentasjonen
    en: the presentation
  publisher: Oslo kommune
  date: "2021"
  used_for:
    nb: Alt.
    en: Everything.
forordning-2021-1058:
  title: {nb: Forordning (EU) 2021/1058, en: Regulation (EU) 2021/1058}
  short: {nb: forordningen, en: the regulation}
  publisher: EU
  date: 2021-06-24
  url: https://eur-lex.europa.eu/eli/reg/2021/1058/oj
  used_for: {nb: Kodene., en: The codes.}
"""
REVIEWED = "last_reviewed: 2026-12-01\nreview_in: 6 months\n"


def with_sources(pages: dict[str, str], ids: str = "[presentasjon-2021]") -> dict[str, str]:
    """The pages with `sources:` and review dates in their front matter."""
    return {
        path: text.replace("\n---\n", f"\nsources: {ids}\n{REVIEWED}---\n", 1)
        for path, text in pages.items()
    }


def handbook_with_sources(
    tmp_path: Path, sources: str = SOURCES_YML, pages: dict[str, str] | None = None
):
    """A two-language handbook that keeps sources: includes/sources.yml and pages naming them."""
    pages = with_sources(MINIMAL) if pages is None else pages
    config = write_handbook(tmp_path, pages, languages=("nb", "en"), translations={"en": {}})
    (tmp_path / "includes").mkdir(exist_ok=True)
    (tmp_path / SOURCES_FILE).write_text(sources, encoding="utf-8")
    return config


def graph_of(config_file: Path) -> Graph:
    return load_graph(load_config(config_file))


def findings_of(config_file: Path, rule: str | None = None) -> list[Finding]:
    graph = graph_of(config_file)
    return sorted(get(rule).check(graph)) if rule else run_all(graph)


def where(findings: list[Finding]) -> list[tuple[str, int, str]]:
    """Findings as (path, line, code): what the tests assert on."""
    return [(f.path, f.line, f.code) for f in findings]
