"""The glossary: each language's glossary page defines the tooltips in its entries, read as
the abbr extension reads them but in linear time; HB017 keeps one explanation per term."""

from __future__ import annotations

import random

from markdown.extensions.abbr import AbbrBlockprocessor

from handbook.config import load_config
from handbook.glossary import glossary_page, located_definitions, tooltips
from handbook.model import load_graph

from handbook_fixtures import MINIMAL, findings_of, where, write_handbook
from helpers import ROOT

GLOSSARY = (
    "---\nid: ordliste\nkind: page\ndescription: Ordliste.\n---\n# Ordliste\n\nOrdene.\n\n"
    "## TEN-T { #ten-t }\n\n*[TEN-T]: Det transeuropeiske transportnettverket\n\nTEN-T er ...\n\n"
    "## Intermodal { #intermodal }\n\nIntermodal transport ...\n"
)
ENGLISH = (
    "---\nid: ordliste\nkind: page\ndescription: Glossary.\n---\n# Glossary\n\nThe words.\n\n"
    "## Intermodal { #intermodal }\n\nIntermodal transport ...\n\n"
    "## TEN-T { #ten-t }\n\n*[TEN-T]: Trans-European Transport Network\n\nTEN-T is ...\n"
)


def definitions(text: str) -> list[tuple[str, str]]:
    return [(d.term, d.title) for d in located_definitions(text)]


def _as_the_extension_reads(text: str) -> list[tuple[str, str]]:
    return [(m["abbr"], m["title"]) for m in AbbrBlockprocessor.RE.finditer(text)]


def _handbook(tmp_path, nb: str = GLOSSARY, en: str = ENGLISH, **pages: str):
    return write_handbook(
        tmp_path,
        {**MINIMAL, "ordliste.md": nb, **pages},
        languages=("nb", "en"),
        translations={"en": {"ordliste.md": en}},
    )


def test_the_handbooks_glossaries_read_as_the_abbr_extension_reads_them() -> None:
    graph = load_graph(load_config(ROOT / "mkdocs.yml"))
    for lang in ("nb", "en"):
        page = glossary_page(graph, lang)
        assert page is not None
        assert definitions(page.markdown) == _as_the_extension_reads(page.markdown)
        assert "TEN-T" in tooltips(page) and "PO3" in tooltips(page)
    assert tooltips(glossary_page(graph, "nb"))["ERDF"].startswith("Det europeiske regionale")


def test_definitions_are_what_the_extensions_pattern_finds() -> None:
    """20 000 random strings of the characters that matter (100 000 agreed when written)."""
    rng = random.Random("abbr")
    for _ in range(20_000):
        text = "".join(rng.choice("*[]: \n\\a") for _ in range(rng.randint(0, 20)))
        assert definitions(text) == _as_the_extension_reads(text), repr(text)


def test_the_handbooks_glossaries_pass() -> None:
    assert findings_of(ROOT / "mkdocs.yml", "glossary") == []


def test_a_glossary_with_an_entry_per_term_passes(tmp_path) -> None:
    assert findings_of(_handbook(tmp_path), "glossary") == []


def test_a_tooltip_on_another_page_is_reported_there(tmp_path) -> None:
    page = MINIMAL["mal.md"] + "\n*[IKT]: Informasjons- og kommunikasjonsteknologi\n"
    found = findings_of(_handbook(tmp_path, **{"mal.md": page}), "glossary")
    assert where(found) == [("docs/nb/mal.md", 10, "HB017")]
    assert found[0].message.nb == "Forklaringen for `IKT` står utenfor ordlista."
    assert found[0].hint.nb.startswith("Flytt linjen til oppslaget for ordet i ordlista")
    assert "Move the line to the term's entry on the glossary page" in found[0].hint.en


def test_a_tooltip_in_code_is_an_example(tmp_path) -> None:
    page = MINIMAL["mal.md"] + "\n```\n*[IKT]: Informasjons- og kommunikasjonsteknologi\n```\n"
    assert findings_of(_handbook(tmp_path, **{"mal.md": page}), "glossary") == []


def test_a_tooltip_above_the_entries(tmp_path) -> None:
    nb = GLOSSARY.replace(
        "Ordene.\n", "Ordene.\n\n*[IKT]: Informasjons- og kommunikasjonsteknologi\n"
    )
    found = findings_of(_handbook(tmp_path, nb), "glossary")
    assert where(found) == [("docs/nb/ordliste.md", 10, "HB017")]
    assert found[0].message.nb == "Forklaringen for `IKT` står ikke under noe oppslag."
    assert found[0].message.en == "The tooltip for `IKT` is not in an entry."


def test_an_abbreviation_entry_without_its_tooltip(tmp_path) -> None:
    nb = GLOSSARY.replace("*[TEN-T]: Det transeuropeiske transportnettverket\n\n", "")
    found = findings_of(_handbook(tmp_path, nb), "glossary")
    assert where(found) == [("docs/nb/ordliste.md", 10, "HB017")]
    assert found[0].message.nb == (
        "Oppslaget «TEN-T» er en forkortelse, men mangler linjen `*[TEN-T]: …`, som forklarer "
        "ordet når leseren holder musepekeren over det."
    )
    assert "`*[TEN-T]: hva det står for`" in found[0].hint.nb
    assert "Add `*[TEN-T]: what it stands for`" in found[0].hint.en


def test_a_term_twice_an_entry_without_anchor_and_the_languages_compared(tmp_path) -> None:
    nb = GLOSSARY.replace("## Intermodal { #intermodal }\n", "## Intermodal\n\n*[TEN-T]: Igjen\n")
    en = ENGLISH.replace("## Intermodal { #intermodal }", "## Intermodal { #intermodality }")
    found = findings_of(_handbook(tmp_path, nb, en), "glossary")
    assert [(f.path, f.line, f.message.nb) for f in found] == [
        (
            "docs/en/ordliste.md",
            10,
            "Oppslaget `#intermodality` finnes ikke i docs/nb/ordliste.md.",
        ),
        ("docs/nb/ordliste.md", 16, "Oppslaget «Intermodal» har ikke noe anker."),
        (
            "docs/nb/ordliste.md",
            18,
            "Ordet `TEN-T` er forklart to ganger. Den første forklaringen står på linje 12.",
        ),
    ]
    assert found[1].hint.nb.endswith("`## Intermodal { #intermodal }`.")
    assert found[2].message.en == (
        "The term `TEN-T` has a second tooltip here. The first is on line 12."
    )


def test_an_entry_missing_in_a_translation(tmp_path) -> None:
    en = ENGLISH.split("## TEN-T")[0]
    found = findings_of(_handbook(tmp_path, en=en), "glossary")
    assert [(f.path, f.line, f.message.nb) for f in found] == [
        (
            "docs/en/ordliste.md",
            6,
            "Ordlista mangler oppslaget `#ten-t`. Det står på linje 10 i docs/nb/ordliste.md.",
        )
    ]
    assert found[0].message.en == (
        "The glossary has no entry `#ten-t`. It is on line 10 of docs/nb/ordliste.md."
    )


def test_an_anchor_close_to_the_other_glossary_s_is_named(tmp_path) -> None:
    en = ENGLISH.replace("## Intermodal { #intermodal }", "## Intermodal { #intermodale }")
    found = findings_of(_handbook(tmp_path, en=en), "glossary")
    assert where(found) == [
        ("docs/en/ordliste.md", 6, "HB017"),
        ("docs/en/ordliste.md", 10, "HB017"),
    ]
    assert found[1].hint.nb.startswith("Mente du `#intermodal`?")
    for finding in found:
        for text in (finding.message.nb, finding.message.en, finding.hint.nb, finding.hint.en):
            assert "'#" not in text and "'nb'" not in text and "None" not in text
