"""HB003 schema: known kinds, required fields per kind, relation fields of the right shape."""

from handbook_fixtures import MINIMAL, findings_of, replaced, where, write_handbook


def test_minimal_handbook_passes(tmp_path):
    assert findings_of(write_handbook(tmp_path), "schema") == []


def test_unknown_kind(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] = pages["mal.md"].replace("kind: goal", "kind: objektiv")
    found = findings_of(write_handbook(tmp_path, pages), "schema")
    assert where(found) == [("docs/nb/mal.md", 3, "HB003")]
    assert "`kind: objektiv` er ikke en sidetype" in found[0].message.nb
    assert "`kind: objektiv` is not a kind of page" in found[0].message.en
    assert found[0].hint.nb == "Mente du `kind: objective`?"


def test_objective_without_priority(tmp_path):
    pages = dict(MINIMAL)
    pages["so-1-1.md"] = pages["so-1-1.md"].replace("priority: po-1\n", "")
    found = findings_of(write_handbook(tmp_path, pages), "schema")
    assert where(found) == [("docs/nb/so-1-1.md", 3, "HB003")]
    assert found[0].message.nb == "Et særskilt mål trenger `priority`."
    assert found[0].message.en == "An objective needs `priority`."
    assert "`priority: po-1`" in found[0].hint.nb


def test_wrong_shapes_and_misplaced_fields(tmp_path):
    pages = dict(MINIMAL)
    pages["vm.md"] = pages["vm.md"].replace("goals: [mal-a]", "goals: mal-a")
    pages["so-1-1.md"] = pages["so-1-1.md"].replace("goals:", "instruments: [vm-a]\ngoals:")
    pages["po1.md"] = pages["po1.md"].replace("programme: prog", "programme: [prog]")
    found = findings_of(write_handbook(tmp_path, pages), "schema")
    assert where(found) == [
        ("docs/nb/po1.md", 5, "HB003"),
        ("docs/nb/so-1-1.md", 6, "HB003"),
        ("docs/nb/vm.md", 5, "HB003"),
    ]


def test_title_and_description_are_required(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] = "---\nid: mal-a\nkind: goal\n---\nTekst uten tittel.\n\n## Del\n"
    found = findings_of(write_handbook(tmp_path, pages), "schema")
    assert [f.message.nb for f in found] == [
        "Siden mangler `description`.",
        "Siden mangler en hovedoverskrift (`# Tittel`).",
    ]
    assert [f.message.en for f in found] == [
        "The page has no `description`.",
        "The page has no main heading (`# Title`).",
    ]


def test_unknown_key_names_the_closest_known_one(tmp_path):
    pages = dict(MINIMAL)
    pages["vm.md"] = pages["vm.md"].replace("goals: [mal-a]", "goal: [mal-a]")
    pages["mal.md"] = pages["mal.md"].replace("kind: goal", "kind: goal\nlayout: wide")
    found = findings_of(write_handbook(tmp_path, pages), "schema")
    assert ("docs/nb/vm.md", 5, "HB003") in where(found)
    misspelt = next(f for f in found if f.path == "docs/nb/vm.md" and f.line == 5)
    assert misspelt.message.nb == "Feltet `goal` finnes ikke i håndboka."
    assert misspelt.hint.nb == "Mente du `goals`?"
    assert misspelt.hint.en == "Did you mean `goals`?"
    unknown = next(f for f in found if f.path == "docs/nb/mal.md")
    assert (unknown.line, unknown.message.nb) == (4, "Feltet `layout` finnes ikke i håndboka.")
    assert "description" in unknown.hint.nb


def test_description_and_headings_are_plain_text(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] = pages["mal.md"].replace(
        "description: Et mål.", "description: '<img src=x onerror=alert(1)>'"
    )
    pages["vm.md"] = pages["vm.md"].replace(
        "description: Et virkemiddel.", "description: Et &lt;/title&gt; virkemiddel"
    )
    pages["program.md"] += "\n## Del &#60;script&#62;\n\n## EU & EØS {: #eu }\n"
    found = findings_of(write_handbook(tmp_path, pages), "schema")
    assert where(found) == [
        ("docs/nb/mal.md", 4, "HB003"),
        ("docs/nb/program.md", 9, "HB003"),
        ("docs/nb/vm.md", 4, "HB003"),
    ]
    assert [f.message.nb for f in found] == [
        "Beskrivelsen har HTML-koden `<img src=x onerror=alert(1)>`.",
        "Overskriften har &-koden `&#60;`, som står for tegnet `<`.",
        "Beskrivelsen har &-koden `&lt;`, som står for tegnet `<`.",
    ]
    assert found[0].hint.nb == "Skriv den som ren tekst. Nettstedet viser den som den er."
    assert found[1].hint.nb == "Skriv «under» eller «mindre enn» i stedet."
    assert found[0].message.en == "The description has the HTML tag `<img src=x onerror=alert(1)>`."


def test_a_lone_angle_bracket_in_a_heading_is_named_with_words_to_use(tmp_path):
    pages = dict(MINIMAL)
    pages["program.md"] += "\n## Prosjekter < 5 mill\n\n## Se <i>dette</i>\n"
    found = findings_of(write_handbook(tmp_path, pages), "schema")
    assert [(f.line, f.message.nb, f.hint.nb) for f in found] == [
        (
            9,
            "Overskriften har tegnet `<`, som nettstedet kan lese som begynnelsen på HTML.",
            "Skriv «under» eller «mindre enn» i stedet.",
        ),
        (
            11,
            "Overskriften har HTML-koden `<i>`.",
            "Skriv overskrifter som ren tekst. De vises som de er i menyen og i fanen i "
            "nettleseren.",
        ),
    ]
    assert found[0].message.en == (
        "The heading has the character `<`, which the site may read as the start of HTML."
    )
    assert found[0].hint.en == "Write 'under' or 'less than' instead."


def test_a_description_is_one_sentence_not_an_essay(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] = pages["mal.md"].replace("Et mål.", "Et mål. " * 50)
    found = findings_of(write_handbook(tmp_path, pages), "schema")
    assert where(found) == [("docs/nb/mal.md", 4, "HB003")]
    assert found[0].message.nb == "Beskrivelsen er for lang: 399 tegn."
    assert found[0].message.en == "The description is too long: 399 characters."
    assert "høyst 300 tegn" in found[0].hint.nb
    assert "at most 300 characters" in found[0].hint.en


def test_one_id_in_brackets_where_one_id_belongs(tmp_path):
    pages = dict(MINIMAL)
    pages["so-1-1.md"] = replaced(pages["so-1-1.md"], "priority: po-1", "priority: [po-1]")
    found = findings_of(write_handbook(tmp_path, pages), "schema")
    assert where(found) == [("docs/nb/so-1-1.md", 5, "HB003")]
    assert found[0].message.nb == "`priority` skal være én id, ikke en liste."
    assert found[0].hint.nb == "Fjern hakeparentesene: `priority: po-1`."
    assert found[0].hint.en == "Remove the square brackets: `priority: po-1`."


def test_several_priorities_where_one_belongs_take_the_objectives_number(tmp_path):
    pages = dict(MINIMAL)
    pages["po2.md"] = replaced(pages["po1.md"], "po-1", "po-2")
    pages["so-1-1.md"] = replaced(pages["so-1-1.md"], "priority: po-1", "priority: [po-2, po-1]")
    found = findings_of(write_handbook(tmp_path, pages), "schema")
    assert where(found) == [("docs/nb/so-1-1.md", 5, "HB003")]
    assert found[0].hint.nb == "Skriv én id, for eksempel `priority: po-1`."
    assert found[0].hint.en == "Write one id, for example `priority: po-1`."
    assert "Id-en er til" not in found[0].hint.nb


def test_a_hash_in_a_description_and_a_description_read_as_no(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] = replaced(pages["mal.md"], "description: Et mål.", "description: #1 i planen")
    pages["vm.md"] = replaced(pages["vm.md"], "description: Et virkemiddel.", "description: no")
    found = findings_of(write_handbook(tmp_path, pages), "schema")
    assert where(found) == [("docs/nb/mal.md", 4, "HB003"), ("docs/nb/vm.md", 4, "HB003")]
    assert found[0].message.nb == (
        "`description` blir tom: YAML leser alt etter ` #` som en kommentar."
    )
    assert found[0].message.en == (
        "`description` is read as empty: YAML treats everything after ` #` as a comment."
    )
    assert found[0].hint.nb == 'Sett hele verdien i anførselstegn: `description: "#1 i planen"`'
    assert found[1].message.nb == (
        "YAML leser `no` i `description` som ja/nei-verdien false, ikke som teksten «no»."
    )
    assert found[1].hint.nb == 'Sett ordet i anførselstegn: `description: "no"`'


def test_no_python_in_the_schema_messages(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] = replaced(pages["mal.md"], "kind: goal", "kind: [goal]")
    pages["vm.md"] = replaced(pages["vm.md"], "goals: [mal-a]", "goals: [[mal-a], no]")
    pages["po1.md"] = replaced(pages["po1.md"], "programme: prog", "programme: [prog, null]")
    found = findings_of(write_handbook(tmp_path, pages), "schema")
    assert len(found) == 3, found
    for finding in found:
        for text in (finding.message.nb, finding.message.en, finding.hint.nb, finding.hint.en):
            for artefact in ("['", "False", "None", "True", "\\"):
                assert artefact not in text, text
