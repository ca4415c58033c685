"""HB014 sources: every page names its sources, by ids that includes/sources.yml has; the
file itself is checked as the site prints it (plain text, https addresses, every language).
Also the sources page the file feeds (<!-- handbook:sources -->)."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.config import load_config
from handbook.model import load_graph
from handbook.render import _literal, sources_markdown
from handbook.sources import SOURCES_FILE, read

from handbook_fixtures import (
    MINIMAL,
    SOURCES_YML,
    findings_of,
    handbook_with_sources,
    replaced,
    translate,
    where,
    with_sources,
    write_handbook,
)
from helpers import ROOT


def _problems(tmp_path: Path, sources: str, lang: str = "nb") -> list[tuple[int, str, str]]:
    found = read(tmp_path, ("nb", "en")) if _write(tmp_path, sources) else None
    assert found is not None
    return [(p.line, p.message(lang), p.hint(lang)) for p in found.problems]


def _write(tmp_path: Path, sources: str) -> bool:
    (tmp_path / "includes").mkdir(exist_ok=True)
    (tmp_path / SOURCES_FILE).write_text(sources, encoding="utf-8")
    return True


def test_the_handbooks_sources_read_without_problems() -> None:
    found = read(ROOT, ("nb", "en"))
    assert found.present and found.problems == []
    assert "presentasjon-2021" in found.entries
    assert all(s.url is None or s.url.startswith("https://") for s in found.entries.values())


def test_the_handbook_passes() -> None:
    assert findings_of(ROOT / "mkdocs.yml", "sources") == []


def test_a_handbook_that_keeps_no_sources_has_nothing_to_check(tmp_path) -> None:
    assert findings_of(write_handbook(tmp_path), "sources") == []


def test_a_minimal_handbook_with_sources_passes(tmp_path) -> None:
    assert findings_of(handbook_with_sources(tmp_path), "sources") == []


def test_a_page_without_sources_is_reported_at_its_id(tmp_path) -> None:
    pages = with_sources(MINIMAL)
    pages["mal.md"] = MINIMAL["mal.md"]
    found = findings_of(handbook_with_sources(tmp_path, pages=pages), "sources")
    assert where(found) == [("docs/nb/mal.md", 2, "HB014")]
    assert found[0].message.nb == "Siden sier ikke hvilke kilder faktaene kommer fra."
    assert found[0].hint.nb.startswith("Legg til `sources: [presentasjon-2021]` med id-ene")
    assert found[0].hint.en.endswith("A page without facts has `sources: []`.")


def test_an_unknown_source_id_suggests_the_close_one(tmp_path) -> None:
    pages = with_sources(MINIMAL)
    pages["vm.md"] = replaced(pages["vm.md"], "[presentasjon-2021]", "[presentasjon-2012]")
    found = findings_of(handbook_with_sources(tmp_path, pages=pages), "sources")
    assert where(found) == [("docs/nb/vm.md", 6, "HB014")]
    assert found[0].message.nb == "Det finnes ingen kilde med id-en `presentasjon-2012`."
    assert found[0].hint.nb == "Mente du `presentasjon-2021`?"
    assert found[0].message.en == "There is no source with the id `presentasjon-2012`."
    assert found[0].hint.en == "Did you mean `presentasjon-2021`?"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("presentasjon-2021", "`sources` må være en liste, også når den har bare én id."),
        (
            "[presentasjon-2021, presentasjon-2021]",
            "Kilden `presentasjon-2021` står to ganger i `sources`.",
        ),
        ("[[presentasjon-2021]]", "`sources` må være en liste med id-er, ikke"),
        ("[presentasjon-2021, no]", "YAML leser `no` i `sources` som ja/nei-verdien false"),
        ("", "`sources` er tom."),
    ],
)
def test_sources_must_be_a_list_of_distinct_ids(tmp_path, value, message) -> None:
    pages = with_sources(MINIMAL)
    pages["vm.md"] = replaced(pages["vm.md"], "sources: [presentasjon-2021]", f"sources: {value}")
    found = findings_of(handbook_with_sources(tmp_path, pages=pages), "sources")
    assert [f.path for f in found] == ["docs/nb/vm.md"] and message in found[0].message.nb


def test_a_wrong_sources_value_is_shown_as_written_not_as_python(tmp_path) -> None:
    pages = with_sources(MINIMAL)
    pages["vm.md"] = replaced(
        pages["vm.md"], "sources: [presentasjon-2021]", "sources: [[presentasjon-2021], no]"
    )
    pages["mal.md"] = replaced(
        pages["mal.md"], "sources: [presentasjon-2021]", "sources: [presentasjon-2021, no]"
    )
    found = findings_of(handbook_with_sources(tmp_path, pages=pages), "sources")
    assert where(found) == [("docs/nb/mal.md", 5, "HB014"), ("docs/nb/vm.md", 6, "HB014")]
    assert found[0].hint.nb == 'Sett ordet i anførselstegn: `sources: [presentasjon-2021, "no"]`'
    assert found[1].message.en == (
        "`sources` must be a list of ids, not `[[presentasjon-2021], no]`."
    )
    for finding in found:
        for text in (finding.message, finding.hint):
            for lang in ("nb", "en"):
                for artefact in ("['", "[['", "None", "False", "'presentasjon"):
                    assert artefact not in text(lang), text(lang)


def test_an_empty_list_is_a_page_without_facts(tmp_path) -> None:
    pages = with_sources(MINIMAL)
    pages["index.md"] = replaced(pages["index.md"], "[presentasjon-2021]", "[]")
    assert findings_of(handbook_with_sources(tmp_path, pages=pages), "sources") == []


def test_a_translation_takes_its_sources_from_the_default_page(tmp_path) -> None:
    pages = with_sources(MINIMAL)
    config = handbook_with_sources(tmp_path, pages=pages)
    english = translate(tmp_path, pages)
    for rel_path, text in english.items():
        target = tmp_path / "docs/en" / rel_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    assert findings_of(config, "sources") == []
    mal = tmp_path / "docs/en/mal.md"
    mal.write_text(replaced(mal.read_text(), "kind: goal\n", "kind: goal\nsources: []\n"))
    found = findings_of(config, "sources")
    assert where(found) == [("docs/en/mal.md", 4, "HB014")]
    assert found[0].message.nb == "En oversettelse skal ikke ha `sources`."
    assert found[0].hint.nb == "Slett linjen. Siden henter den fra den norske siden."
    assert found[0].hint.en == "Delete the line: the page takes it from the Norwegian page."


def test_pages_naming_sources_need_the_file(tmp_path) -> None:
    config = write_handbook(tmp_path, with_sources(MINIMAL))
    found = findings_of(config, "sources")
    assert not (tmp_path / SOURCES_FILE).exists()
    assert len(found) == len(MINIMAL)
    assert all(
        f.message.nb == "Siden viser til kilder, men includes/sources.yml finnes ikke."
        for f in found
    )


@pytest.mark.parametrize(
    ("edit", "line", "words"),
    [
        (("  publisher: EU\n", "  publsher: EU\n"), 16, "Mente du `publisher`?"),
        (("url: https://eur-lex", "url: http://eur-lex"), 18, "https://"),
        (("url: https://eur-lex", "url: javascript:alert(1)//eur-lex"), 18, "https://"),
        (("url: https://eur-lex", 'url: https://eur-lex.europa.eu/" x="'), 18, "https://"),
        (("date: 2021-06-24", "date: 24.06.2021"), 17, "2021-06-24"),
        (("date: 2021-06-24", "date: 2021-02-30"), 17, "2021-06-24"),
        (("    en: The presentation\n", ""), 3, "mangler tekst på `en`"),
        (("    nb: Presentasjonen\n", "    nb: <b>Presentasjonen</b>\n"), 3, "ren tekst"),
        (("    nb: Presentasjonen\n", "    nb: <b>Presentasjonen</b>\n"), 3, "HTML-koden `<b>`"),
        (("    nb: Presentasjonen\n", "    nb:\n"), 3, "`title: nb` i kilden"),
        (("    nb: Presentasjonen\n", "    de: Presentasjonen\n"), 3, "Språkene er `nb` og `en`."),
        (("  short:\n    nb: presentasjonen\n    en: the presentation\n", ""), 1, "korte navnet"),
        (("forordning-2021-1058:", "Forordning 2021/1058:"), 13, "små bokstaver"),
        (("forordning-2021-1058:", "presentasjon-2021:"), 13, "Behold én av dem"),
    ],
)
def test_problems_in_the_sources_file_name_the_line(tmp_path, edit, line, words) -> None:
    problems = _problems(tmp_path, replaced(SOURCES_YML, *edit))
    assert problems, edit
    assert problems[0][0] == line, problems
    assert any(words in message or words in hint for _, message, hint in problems), problems


def test_problems_in_the_sources_file_in_english_and_without_python(tmp_path) -> None:
    edited = replaced(SOURCES_YML, "date: 2021-06-24", "date: 24.06.2021")
    edited = replaced(edited, "  publisher: EU\n", "  publsher: EU\n")
    edited = replaced(edited, "    nb: Presentasjonen\n", "    nb:\n")
    problems = _problems(tmp_path, edited, "en")
    assert problems == [
        (
            3,
            "`title: nb` of the source `presentasjon-2021` has no text.",
            "`title` is its full name, per language: `title: {nb: ..., en: ...}`.",
        ),
        (
            16,
            "The source `forordning-2021-1058` has a field the handbook does not know: `publsher`.",
            "Did you mean `publisher`?",
        ),
        (
            17,
            "The source `forordning-2021-1058` has the date `24.06.2021`, which is not a date "
            "the handbook reads.",
            "`date` is when it was published: 2021, 2021-06 or 2021-06-24. Leave it out for a "
            "website.",
        ),
    ]
    for lang in ("nb", "en"):
        for _, message, hint in _problems(tmp_path, edited, lang):
            assert "'" not in message + hint and "None" not in message + hint


def test_the_file_problems_are_findings_with_the_file_and_line(tmp_path) -> None:
    config = handbook_with_sources(tmp_path, replaced(SOURCES_YML, "url: https://", "url: http://"))
    found = findings_of(config, "sources")
    assert where(found) == [("includes/sources.yml", 18, "HB014")]


@pytest.mark.parametrize(
    "text",
    ["", "- a\n- b\n", "a: &x 1\nb: *x\n", "a: [\n", "\x00", "a: " + "[" * 100],
)
def test_a_broken_sources_file_is_a_finding_not_a_traceback(tmp_path, text) -> None:
    config = handbook_with_sources(tmp_path, text)
    found = findings_of(config, "sources")
    assert found and all(f.path == SOURCES_FILE for f in found), found


def test_the_sources_page_has_an_anchored_section_per_source_with_its_pages(tmp_path) -> None:
    pages = with_sources(MINIMAL)
    pages["vm.md"] = replaced(pages["vm.md"], "[presentasjon-2021]", "[forordning-2021-1058]")
    graph = load_graph(load_config(handbook_with_sources(tmp_path, pages=pages)))
    markdown = sources_markdown(graph, graph.page("start"))
    assert "## Forordning (EU) 2021/1058 { #forordning-2021-1058 }" in markdown
    assert ":   24\\. juni 2021" in markdown  # not an ordered list
    assert "[eur-lex.europa.eu/eli/reg/2021/1058/oj](<https://eur-lex.europa.eu/" in markdown
    section = markdown.split("{ #forordning-2021-1058 }")[1]
    assert "[Virkemiddel A](vm.md)" in section and "[Mål A]" not in section


def test_literal_text_stays_text_in_markdown() -> None:
    assert _literal("a*b_ [x](javascript:y) <i>") == "a\\*b\\_ \\[x\\](javascript:y) \\<i\\>"
    assert _literal("1. juni") == "1\\. juni"
