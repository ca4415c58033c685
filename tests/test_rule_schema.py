"""HB003 schema: known kinds, required fields per kind, relation fields of the right shape."""

from handbook_fixtures import MINIMAL, findings_of, where, write_handbook


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
        "Beskrivelsen har HTML eller en &-kode (`<`).",
        "Overskriften har HTML eller en &-kode (`&#60;`).",
        "Beskrivelsen har HTML eller en &-kode (`&lt;`).",
    ]


def test_a_description_is_one_sentence_not_an_essay(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] = pages["mal.md"].replace("Et mål.", "Et mål. " * 50)
    found = findings_of(write_handbook(tmp_path, pages), "schema")
    assert where(found) == [("docs/nb/mal.md", 4, "HB003")]
    assert "høyst 300 tegn" in found[0].hint.nb
    assert "at most 300 characters" in found[0].hint.en
