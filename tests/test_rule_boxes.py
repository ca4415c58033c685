"""HB016 boxes: an update box links to its source and is stated once; one assessment box
per page. The box titles are the language's interface words."""

from __future__ import annotations

import shutil

from handbook.boxes import boxes
from handbook.model import parse_page

from handbook_fixtures import MINIMAL, findings_of, where, write_handbook
from helpers import ROOT

UPDATE = (
    '\n!!! info "Oppdatering: vedtaket"\n'
    "    Kommisjonen godkjente programmet. Kilde: [interreg-oks.eu](https://www.interreg-oks.eu/).\n"
)
ASSESSMENT = '\n!!! note "Håndbokas vurdering"\n    Målet passer godt.\n'


def _handbook(tmp_path, **extra: str):
    tmp_path.mkdir(parents=True, exist_ok=True)
    pages = dict(MINIMAL)
    for path, text in extra.items():
        pages[path.replace("_", ".")] = pages[path.replace("_", ".")] + text
    config = write_handbook(tmp_path, pages)
    (tmp_path / "includes").mkdir()
    shutil.copy(ROOT / "includes/words.nb.yml", tmp_path / "includes/words.nb.yml")
    return config


def _boxes(tmp_path, **extra: str):
    return findings_of(_handbook(tmp_path, **extra), "boxes")


def test_the_handbook_passes() -> None:
    assert findings_of(ROOT / "mkdocs.yml", "boxes") == []


def test_a_linked_update_and_one_assessment_pass(tmp_path) -> None:
    assert _boxes(tmp_path, mal_md=UPDATE + ASSESSMENT) == []


def test_an_update_without_a_link_to_its_source(tmp_path) -> None:
    found = _boxes(tmp_path, mal_md='\n!!! info "Oppdatering: vedtaket"\n    Kilde: nettsidene.\n')
    assert where(found) == [("docs/nb/mal.md", 10, "HB016")]
    assert found[0].message.nb == "Boksen «Oppdatering» lenker ikke til kilden sin."
    assert found[0].message.en == "The 'Oppdatering' box does not link to its source."
    assert "`Kilde: [interreg.no](https://www.interreg.no/).`" in found[0].hint.nb


def test_an_http_link_or_a_link_elsewhere_is_not_a_source(tmp_path) -> None:
    for index, link in enumerate(("http://www.interreg.no/", "po1.md", "#hva-målet-betyr")):
        text = f'\n??? info "Oppdatering"\n    Se [her]({link}).\n'
        assert where(_boxes(tmp_path / str(index), mal_md=text)) == [
            ("docs/nb/mal.md", 10, "HB016")
        ]


def test_a_link_to_the_sources_page_names_a_source(tmp_path) -> None:
    kilder = "---\nid: kilder\nkind: page\ndescription: Kilder.\n---\n# Kilder\n"
    update = '\n!!! info "Oppdatering: x"\n    Kilde: [håndboka](om/kilder.md#programhandbok).\n'
    config = _handbook(tmp_path, mal_md=update)
    (tmp_path / "docs/nb/om").mkdir()
    (tmp_path / "docs/nb/om/kilder.md").write_text(kilder, encoding="utf-8")
    assert findings_of(config, "boxes") == []


def test_the_same_update_twice_is_reported_at_the_second(tmp_path) -> None:
    found = _boxes(tmp_path, mal_md=UPDATE, vm_md=UPDATE)
    assert where(found) == [("docs/nb/vm.md", 9, "HB016")]
    assert found[0].message.nb == (
        "Denne boksen «Oppdatering» har samme tittel som den på docs/nb/mal.md:10."
    )
    assert "as the one on docs/nb/mal.md:10" in found[0].message.en
    assert found[0].hint.nb == (
        "Skriv hver oppdatering én gang: behold én boks, og lenk til den herfra."
    )
    assert found[0].hint.en == "State each update once: keep one box and link to it from here."


def test_the_same_title_or_the_same_text_is_the_same_update(tmp_path) -> None:
    other_text = UPDATE.replace("godkjente programmet", "vedtok det")
    other_title = UPDATE.replace("vedtaket", "godkjenningen")
    assert [f.message.nb for f in _boxes(tmp_path / "a", mal_md=UPDATE, vm_md=other_text)] == [
        "Denne boksen «Oppdatering» har samme tittel som den på docs/nb/mal.md:10."
    ]
    assert [f.message.nb for f in _boxes(tmp_path / "b", mal_md=UPDATE, vm_md=other_title)] == [
        "Denne boksen «Oppdatering» har samme tekst som den på docs/nb/mal.md:10."
    ]
    different = other_title.replace("godkjente programmet", "vedtok det")
    assert _boxes(tmp_path / "c", mal_md=UPDATE, vm_md=different) == []


def test_two_assessments_on_a_page(tmp_path) -> None:
    found = _boxes(tmp_path, mal_md=ASSESSMENT + ASSESSMENT.replace("godt", "fint"))
    assert where(found) == [("docs/nb/mal.md", 13, "HB016")]
    assert found[0].message.nb == (
        "Dette er den andre boksen «Håndbokas vurdering» på siden. Den første står på linje 10."
    )
    assert "The first is on line 10." in found[0].message.en


def test_boxes_in_code_are_not_boxes(tmp_path) -> None:
    code = "\n```markdown\n" + ASSESSMENT + ASSESSMENT + "```\n"
    assert _boxes(tmp_path, mal_md=code) == []


def test_a_handbook_without_word_files_has_nothing_to_check(tmp_path) -> None:
    assert findings_of(write_handbook(tmp_path), "boxes") == []


def test_boxes_are_read_with_their_text_and_nesting(tmp_path) -> None:
    path = tmp_path / "p.md"
    path.write_text(
        '# T\n\n!!! info "Oppdatering: a"\n    Én.\n\n    To.\n\nUte.\n\n'
        "- punkt\n\n    !!! note\n        Inne.\n\n!!!ikke en boks\n",
        encoding="utf-8",
    )
    found = boxes(parse_page("nb", "p.md", path, "p.md"))
    assert [(b.kind, b.title, b.text, b.line) for b in found] == [
        ("info", "Oppdatering: a", "Én.\n\nTo.", 3),
        ("note", "", "Inne.", 12),
    ]


def test_word_files_without_the_box_titles_are_a_finding_not_a_traceback(tmp_path) -> None:
    config = _handbook(tmp_path, mal_md=UPDATE)
    words = tmp_path / "includes/words.nb.yml"
    words.write_text(
        "".join(line for line in words.read_text().splitlines(True) if "box_" not in line)
    )
    found = findings_of(config, "boxes")
    assert where(found) == [("includes/words.nb.yml", 1, "HB016")]
    assert found[0].message.nb == (
        "Ordfilen mangler grensesnittordene for titlene på boksene: `box_update` og "
        "`box_assessment`."
    )
    assert "`box_update` and `box_assessment`" in found[0].message.en
    assert "`box_update: Oppdatering`" in found[0].hint.nb
    for text in (found[0].message.nb, found[0].message.en, found[0].hint.nb):
        assert "['" not in text and "None" not in text
