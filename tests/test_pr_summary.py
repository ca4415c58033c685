"""The pull request's job summary: pages touched with preview links, translations made
outdated, new findings, pages due for a fact check. On two small handbooks in folders, as
the check workflow gives it the pull request and a checkout of its base."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from handbook.cli import main
from handbook.markdown_text import CODE_SPAN
from handbook.pr_summary import changed_files, summarise, to_markdown
from handbook.sources import SOURCES_FILE

from handbook_fixtures import (
    MINIMAL,
    SOURCES_YML,
    graph_of,
    replaced,
    translate,
    with_sources,
    write_handbook,
)

PREVIEW = "https://oslo.github.io/handbok-preview/pr-12/"
TODAY = date(2026, 12, 2)


def _handbook(root, pages=None):
    """A two-language handbook with fresh English translations, that keeps sources (so its
    pages have review dates, all current on TODAY)."""
    pages = with_sources(MINIMAL if pages is None else pages)
    root.mkdir(parents=True, exist_ok=True)
    config = write_handbook(
        root, pages, languages=("nb", "en"), translations={"en": translate(root, pages)}
    )
    (root / "includes").mkdir()
    (root / SOURCES_FILE).write_text(SOURCES_YML, encoding="utf-8")
    return config


@pytest.fixture
def base_and_head(tmp_path):
    base = _handbook(tmp_path / "base").parent
    head = tmp_path / "head"
    shutil.copytree(base, head)
    shutil.rmtree(head / "_source")
    shutil.rmtree(base / "_source")
    return base, head


def _edit(root, rel_path, old, new):
    path = root / rel_path
    path.write_text(replaced(path.read_text(encoding="utf-8"), old, new), encoding="utf-8")


def _summary(base, head, preview=PREVIEW, lang="nb"):
    head_graph = graph_of(head / "mkdocs.yml")
    found = summarise(graph_of(base / "mkdocs.yml"), head_graph, TODAY)
    return found, to_markdown(found, head_graph.config, preview, lang)


def test_an_unchanged_handbook_has_nothing_to_say(base_and_head):
    base, head = base_and_head
    found, text = _summary(base, head)
    assert found.pages == found.other_files == found.new_findings == found.outdated == []
    assert "Endringen endrer ingen sider." in text
    assert "Endringen gir ingen nye funn." in text
    assert "Endringen gjør ingen oversettelser utdatert." in text


def test_changed_pages_are_listed_with_language_and_preview_link(base_and_head):
    base, head = base_and_head
    _edit(head, "docs/nb/po1.md", "Se [målet]", "Les om [målet]")
    _edit(head, "docs/en/mal.md", "# Mål A", "# Goal A")
    (head / "docs/nb/vm.md").unlink()
    (head / "docs/nb/ny.md").write_text("---\nid: ny\nkind: page\n---\n# Ny side\n")
    found, text = _summary(base, head)
    assert [(p.lang, p.rel_path, p.change) for p in found.pages] == [
        ("en", "mal.md", "changed"),
        ("nb", "ny.md", "added"),
        ("nb", "po1.md", "changed"),
        ("nb", "vm.md", "removed"),
    ]
    assert "| Ny side<br>`docs/nb/ny.md` | norsk | ny | [Åpne](" + PREVIEW + "ny/) |" in text
    assert f"| PO1<br>`docs/nb/po1.md` | norsk | endret | [Åpne]({PREVIEW}po1/) |" in text
    assert f"| Goal A<br>`docs/en/mal.md` | engelsk | endret | [Åpne]({PREVIEW}en/mal/) |" in text
    # A removed page has no preview, and keeps the title it had.
    assert "| Virkemiddel A<br>`docs/nb/vm.md` | norsk | slettet |  |" in text


def test_a_source_change_names_the_translation_it_leaves_behind(base_and_head):
    base, head = base_and_head
    _edit(head, "docs/nb/po1.md", "Se [målet]", "Les om [målet]")
    found, text = _summary(base, head)
    assert [(t.display_path, s.display_path) for t, s in found.outdated] == [
        ("docs/en/po1.md", "docs/nb/po1.md")
    ]
    assert "- `docs/en/po1.md` ← `docs/nb/po1.md`" in text
    assert "python -m handbook translated" in text


def test_only_findings_the_change_adds_are_new(base_and_head):
    base, head = base_and_head
    # The base already has a broken link; the change adds another and an unknown key.
    _edit(base, "docs/en/index.md", "[PO1](po1.md)", "[PO1](po9.md)")
    shutil.copy(base / "docs/en/index.md", head / "docs/en/index.md")
    _edit(head, "docs/nb/mal.md", "kind: goal", "kind: goal\ngoal: [mal-a]")
    _edit(head, "docs/nb/mal.md", "# Mål A\n", "# Mål A\n\nSe [vm](vm2.md).\n")
    found, text = _summary(base, head)
    # The English page it leaves behind is under "Oversettelser", not again here.
    assert [(t.display_path, s.display_path) for t, s in found.outdated] == [
        ("docs/en/mal.md", "docs/nb/mal.md")
    ]
    assert [(f.path, f.code) for f in found.new_findings] == [
        ("docs/nb/mal.md", "HB003"),
        ("docs/nb/mal.md", "HB009"),
    ]
    assert "- Feil: `docs/nb/mal.md:4` HB003: Feltet `goal` finnes ikke i håndboka." in text
    assert "Mente du `goals`?" in text


def test_a_mended_finding_is_counted(base_and_head):
    base, head = base_and_head
    _edit(base, "docs/en/index.md", "[PO1](po1.md)", "[PO1](po9.md)")
    found, text = _summary(base, head)
    assert found.new_findings == [] and found.mended == 1
    assert "Endringen retter 1 funn som fantes før." in text


def test_pages_due_for_a_fact_check_are_listed(base_and_head):
    base, head = base_and_head
    for rel_path, checked in [
        ("po1.md", "2026-06-01"),  # due 2026-12-01: overdue
        ("mal.md", "2025-01-01"),  # due 2025-07-01: overdue
        ("vm.md", "2026-06-20"),  # due 2026-12-20: due within 30 days
    ]:
        _edit(head, f"docs/nb/{rel_path}", "last_reviewed: 2026-12-01", f"last_reviewed: {checked}")
    found, text = _summary(base, head)
    assert [(d.page.rel_path, d.review.due.isoformat()) for d in found.due] == [
        ("mal.md", "2025-07-01"),
        ("po1.md", "2026-12-01"),
        ("vm.md", "2026-12-20"),
    ]
    assert "- Mål A (`docs/nb/mal.md`): forfalt 2025-07-01" in text
    assert "- Virkemiddel A (`docs/nb/vm.md`): innen 2026-12-20" in text


def test_without_a_preview_the_summary_says_where_the_site_is(base_and_head):
    base, head = base_and_head
    _edit(head, "docs/nb/po1.md", "Se [målet]", "Les om [målet]")
    _, text = _summary(base, head, preview=None)
    assert "[Åpne]" not in text
    assert "artefakten «site»" in text


def test_the_summary_speaks_english_when_asked(base_and_head):
    base, head = base_and_head
    _edit(head, "docs/nb/po1.md", "Se [målet]", "Les om [målet]")
    _, text = _summary(base, head, lang="en")
    assert "## The change to the handbook" in text
    assert "| PO1<br>`docs/nb/po1.md` | Norwegian | changed |" in text


def test_a_title_cannot_break_the_table_or_add_markup(base_and_head):
    base, head = base_and_head
    _edit(head, "docs/nb/po1.md", "# PO1", "# PO1 | [lenke](https://example.org) <b>x</b>")
    _, text = _summary(base, head)
    assert r"PO1 \| \[lenke\](https://example.org) \<b\>x\</b\>" in text


def test_other_files_are_listed_by_name(base_and_head):
    base, head = base_and_head
    (head / "includes/words.nb.yml").write_text("site_name: Håndbok\n")
    (head / "tests").mkdir()
    (head / "tests/test_x.py").write_text("")
    assert list(changed_files(base, head)) == [("includes/words.nb.yml", "added")]


def test_the_command_prints_the_summary(base_and_head, capsys):
    base, head = base_and_head
    _edit(head, "docs/nb/po1.md", "Se [målet]", "Les om [målet]")
    code = main(["summary", str(head), "--base", str(base), "--preview-url", PREVIEW[:-1]])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("## Endringen i håndboka\n")
    assert f"[Åpne]({PREVIEW}po1/)" in out


def test_a_base_without_a_handbook_is_a_usage_error(base_and_head, tmp_path, capsys):
    _, head = base_and_head
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["summary", str(head), "--base", str(empty)]) == 2
    assert "handbook summary:" in capsys.readouterr().err


def test_what_an_author_writes_cannot_restyle_the_summary(base_and_head):
    """A value with line breaks, a heading, a link and an unclosed HTML comment stays in its
    code span, on its line: the summary cannot be made to say 'all clear' or hide findings."""
    base, head = base_and_head
    fake = "x\n\n## ✅ Alt i orden\n\n[Forhåndsvisning](https://evil.example)\n\n<!--"
    _edit(head, "docs/nb/mal.md", "kind: goal", f'kind: "{fake}"'.replace("\n", "\\n"))
    _, text = _summary(base, head)
    lines = text.splitlines()
    assert not any(line.startswith("## ✅") for line in lines)
    outside_code = CODE_SPAN.sub("", text)
    assert "<!--" not in outside_code and "](https://evil" not in outside_code
    assert any("HB003" in line and "Alt i orden" in line for line in lines)
    assert "### Faktasjekk" in text  # nothing after the value was hidden
