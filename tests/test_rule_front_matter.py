"""HB001 front-matter: YAML errors are findings with file and line, never tracebacks, and
name the mistake in plain words with the line written correctly."""

import pytest

from handbook_fixtures import MINIMAL, findings_of, replaced, where, write_handbook


def test_minimal_handbook_passes(tmp_path):
    assert findings_of(write_handbook(tmp_path), "front-matter") == []


def test_broken_yaml_is_reported_at_its_line(tmp_path):
    pages = dict(MINIMAL)
    pages["po1.md"] = pages["po1.md"].replace("goals: [mal-a]", "goals: [mal-a\nweird: : :")
    found = findings_of(write_handbook(tmp_path, pages), "front-matter")
    assert [(path, code) for path, _, code in where(found)] == [("docs/nb/po1.md", "HB001")]
    assert 5 <= found[0].line <= 8, found[0]
    assert "blir ikke lukket" in found[0].message.nb
    assert "is not closed" in found[0].message.en


def test_missing_and_unclosed_front_matter(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] = "# Mål uten front matter\n"
    pages["vm.md"] = "---\nid: vm-a\nkind: instrument\n# never closed\n"
    found = findings_of(write_handbook(tmp_path, pages), "front-matter")
    assert where(found) == [("docs/nb/mal.md", 1, "HB001"), ("docs/nb/vm.md", 1, "HB001")]
    assert found[0].message.nb.startswith("Siden har ingen front matter.")
    assert found[1].message.nb == "Front matter blir ikke avsluttet med en `---`-linje."


def test_front_matter_that_is_not_a_mapping(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] = "---\n- id\n- kind\n---\n# Mål\n"
    assert where(findings_of(write_handbook(tmp_path, pages), "front-matter")) == [
        ("docs/nb/mal.md", 2, "HB001")
    ]


# The mistakes people make in the browser editor, in po1.md:
#   1 ---  2 id  3 kind  4 description  5 programme  6 goals  7 instruments  8 ---
# name -> (the line as written, the same line broken, the line reported, words of the
# Norwegian message, the corrected line the Norwegian hint gives)
MISTAKES = {
    "a tab before a list item": (
        "goals: [mal-a]",
        "goals:\n\t- mal-a",
        7,
        "tabulatortegn",
        "`  - mal-a`",
    ),
    "an unclosed quote": (
        "description: PO1.",
        'description: "PO1.',
        4,
        'Anførselstegnet " på denne linjen blir aldri lukket',
        '`description: "PO1."`',
    ),
    "an unclosed bracket": (
        "goals: [mal-a]",
        "goals: [mal-a",
        6,
        "Hakeparentesen `[` på denne linjen blir ikke lukket",
        "`goals: [mal-a]`",
    ),
    "a colon in a value": (
        "description: PO1.",
        "description: PO1: Et smartere Europa.",
        4,
        "Verdien har et kolon",
        '`description: "PO1: Et smartere Europa."`',
    ),
    "a key written twice": (
        "instruments: [vm-a]",
        "instruments: [vm-a]\ngoals: [mal-b]",
        8,
        "Feltet `goals` står to ganger (første gang på linje 6)",
        "Slå dem sammen til én linje: `goals: [mal-a, mal-b]`.",
    ),
    "a key that is not a list written twice": (
        "instruments: [vm-a]",
        "instruments: [vm-a]\ndescription: Den andre.",
        8,
        "Feltet `description` står to ganger (første gang på linje 4)",
        "Behold én av linjene, og slett den du ikke vil ha.",
    ),
    "a list in the wrong brackets": (
        "goals: [mal-a]",
        "goals: {mal-a, mal-b]",
        6,
        "Lista begynner med `{`, men slutter med `]`.",
        "Skriv `[` først: `goals: [mal-a, mal-b]`",
    ),
    "a list closed with a brace": (
        "goals: [mal-a]",
        "goals: [mal-a, mal-b}",
        6,
        "Lista begynner med `[`, men slutter med `}`.",
        "Skriv `]` til slutt: `goals: [mal-a, mal-b]`",
    ),
    "Markdown emphasis at the start of a value": (
        "description: PO1.",
        "description: *Viktig* tekst",
        4,
        "Verdien begynner med `*`, og da leser YAML den som en henvisning til en annen verdi, "
        "ikke som tekst.",
        'Sett hele verdien i anførselstegn: `description: "*Viktig* tekst"`',
    ),
    "Markdown emphasis that YAML reads as an alias": (
        "description: PO1.",
        "description: *Viktig tekst",
        4,
        "Verdien begynner med `*`, og da leser YAML `*Viktig` som en henvisning til en annen "
        "verdi, ikke som tekst.",
        'Sett hele verdien i anførselstegn: `description: "*Viktig tekst"`',
    ),
    "a value that starts with an ampersand": (
        "description: PO1.",
        "description: & co",
        4,
        "Verdien begynner med `&`, og da leser YAML det første ordet som et navn på verdien",
        'Sett hele verdien i anførselstegn: `description: "& co"`',
    ),
    "a colon forgotten after a field's name": (
        "description: PO1.",
        "description Dette er PO1",
        4,
        "Det mangler et kolon etter `description`.",
        "Skriv `description: Dette er PO1`.",
    ),
    "a colon forgotten on the first line": (
        "id: po-1",
        "id po-1",
        2,
        "Det mangler et kolon etter `id`.",
        "Skriv `id: po-1`.",
    ),
    "a field's name alone on its line": (
        "description: PO1.",
        "description",
        4,
        "Det mangler et kolon etter `description`.",
        "Skriv et kolon og verdien etter navnet: `description: ...`.",
    ),
    "a line without a colon that is no field": (
        "description: PO1.",
        "description: PO1.\nmer tekst her",
        5,
        "Linjen mangler kolon.",
        "for eksempel `mer: tekst her`.",
    ),
    "a quotation inside a quoted value": (
        "description: PO1.",
        'description: "Planen "Oslo 2030" er PO1"',
        4,
        "Etter anførselstegnet som avslutter verdien, står det mer tekst.",
        '`description: "Planen «Oslo 2030» er PO1"`',
    ),
}


def _po1(tmp_path, old: str, new: str):
    pages = dict(MINIMAL)
    pages["po1.md"] = replaced(pages["po1.md"], old, new)
    return write_handbook(tmp_path, pages)


@pytest.mark.parametrize("name", MISTAKES)
def test_a_yaml_mistake_is_named_at_its_line_with_the_line_corrected(tmp_path, name):
    old, new, line, message, corrected = MISTAKES[name]
    found = findings_of(_po1(tmp_path, old, new), "front-matter")
    assert where(found) == [("docs/nb/po1.md", line, "HB001")]
    assert message in found[0].message.nb
    assert corrected in found[0].hint.nb


def test_a_tab_before_a_key_is_named(tmp_path):
    found = findings_of(_po1(tmp_path, "goals: [mal-a]", "\tgoals: [mal-a]"), "front-matter")
    assert where(found) == [("docs/nb/po1.md", 6, "HB001")]
    assert "tabulatortegn" in found[0].message.nb
    assert "`goals: [mal-a]`" in found[0].hint.nb


def test_no_python_and_no_backslashes_in_the_corrected_lines(tmp_path):
    for name, (old, new, *_) in MISTAKES.items():
        folder = tmp_path / name.replace(" ", "-").replace("'", "")
        folder.mkdir()
        for finding in findings_of(_po1(folder, old, new), "front-matter"):
            for text in (finding.message.nb, finding.message.en, finding.hint.nb, finding.hint.en):
                assert "\\" not in text and "None" not in text and "['" not in text, (name, text)


def test_a_forgotten_colon_with_a_colon_later_in_the_text(tmp_path):
    """YAML reads `description Dette er: PO1` as a field named `description Dette er`. The
    schema rule names the colon forgotten, at that line, and does not say to remove it."""
    config = _po1(tmp_path, "description: PO1.", "description Dette er: PO1")
    assert findings_of(config, "front-matter") == []
    found = findings_of(config, "schema")
    assert where(found) == [("docs/nb/po1.md", 4, "HB003")]  # not also "no description"
    assert found[0].message.nb == "Det mangler et kolon etter `description`."
    assert found[0].hint.nb == 'Skriv `description: "Dette er: PO1"`.'
    assert found[0].hint.en == 'Write `description: "Dette er: PO1"`.'


def test_a_front_matter_never_closed_says_where_the_line_goes(tmp_path):
    pages = dict(MINIMAL)
    pages["vm.md"] = "---\nid: vm-a\nkind: instrument\n# Virkemiddel\n"
    found = findings_of(write_handbook(tmp_path, pages), "front-matter")
    assert where(found) == [("docs/nb/vm.md", 1, "HB001")]
    assert found[0].hint.nb == (
        "Skriv en linje med bare `---` etter det siste feltet, før teksten på siden."
    )
    assert found[0].hint.en == (
        "Write a line with only `---` after the last field, before the page's text."
    )


def test_the_mistakes_are_named_in_english_too(tmp_path):
    found = findings_of(_po1(tmp_path, "description: PO1.", 'description: "PO1.'), "front-matter")
    assert found[0].message.en.startswith('The quote " on this line is never closed')
    assert found[0].hint.en == 'End the value with " on the same line: `description: "PO1."`'


def test_an_extra_byte_order_mark_is_named_on_the_first_line(tmp_path):
    """One byte order mark at the start is harmless (MkDocs skips it); a second is read as
    part of the text, so the page seems to have no front matter."""
    pages = dict(MINIMAL)
    pages["po1.md"] = "\ufeff\ufeff" + pages["po1.md"]
    found = findings_of(write_handbook(tmp_path, pages), "front-matter")
    assert where(found) == [("docs/nb/po1.md", 1, "HB001")]
    assert "(U+FEFF, kalt byte order mark)" in found[0].message.nb
    assert found[0].hint.nb.startswith("Slett tegnet")
    assert "no front matter" not in found[0].message.en


def test_no_in_a_list_of_ids_is_named_as_the_word_written(tmp_path):
    """`no` parses (as false), so the front matter is read and the schema rule (HB003)
    names the word: not `False`, not `['mal-a', False]`."""
    config = _po1(tmp_path, "goals: [mal-a]", "goals: [mal-a, no]")
    assert findings_of(config, "front-matter") == []
    found = findings_of(config, "schema")
    assert where(found) == [("docs/nb/po1.md", 6, "HB003")]
    assert found[0].message.nb == (
        "YAML leser `no` i `goals` som ja/nei-verdien false, ikke som teksten «no»."
    )
    assert found[0].hint.nb == 'Sett ordet i anførselstegn: `goals: [mal-a, "no"]`'
    for text in (found[0].message.nb, found[0].message.en, found[0].hint.nb, found[0].hint.en):
        assert "False" not in text and "['" not in text


def test_no_in_a_list_written_one_item_a_line_is_named_too(tmp_path):
    config = _po1(tmp_path, "goals: [mal-a]", "goals:\n  - mal-a\n  - no")
    found = findings_of(config, "schema")
    assert where(found) == [("docs/nb/po1.md", 6, "HB003")]
    assert found[0].message.nb == (
        "YAML leser `no` i `goals` som ja/nei-verdien false, ikke som teksten «no»."
    )
    assert found[0].hint.nb == 'Sett ordet i anførselstegn: `- "no"`'
    assert found[0].message.en == (
        "YAML reads `no` in `goals` as the yes/no value false, not as the text 'no'."
    )
    assert "[...]" not in found[0].hint.en
