"""HB004 relation-target, HB005 objective-priority and HB006 coverage."""

from handbook_fixtures import MINIMAL, findings_of, replaced, where, write_handbook


def test_minimal_handbook_passes(tmp_path):
    config = write_handbook(tmp_path)
    for rule in ("relation-target", "objective-priority", "coverage"):
        assert findings_of(config, rule) == [], rule


def test_relation_to_a_missing_page(tmp_path):
    pages = dict(MINIMAL)
    pages["so-1-1.md"] = replaced(pages["so-1-1.md"], "goals: [mal-a]", "goals: [mal-b]")
    found = findings_of(write_handbook(tmp_path, pages), "relation-target")
    assert where(found) == [("docs/nb/so-1-1.md", 6, "HB004")]
    assert found[0].message.nb == "`goals` peker på `mal-b`, men ingen side har den id-en."
    assert found[0].message.en == "`goals` points to `mal-b`, but no page has that id."
    # the hint names the id meant and lists the ids that do exist
    assert found[0].hint.nb == "Mente du `mal-a`? Skriv id-en til et hovedmål som finnes: `mal-a`."


def test_relation_to_a_page_of_the_wrong_kind(tmp_path):
    pages = dict(MINIMAL)
    pages["vm.md"] = replaced(pages["vm.md"], "goals: [mal-a]", "goals: [mal-a, po-1]")
    found = findings_of(write_handbook(tmp_path, pages), "relation-target")
    assert where(found) == [("docs/nb/vm.md", 5, "HB004")]
    assert "`po-1`, som er en prioritering, ikke et hovedmål." in found[0].message.nb
    assert "`po-1`, which is a priority, not a goal." in found[0].message.en


def test_objective_under_the_wrong_priority(tmp_path):
    """The source's own slip: the PO4 objective placed 'under PO3'."""
    pages = dict(MINIMAL)
    pages["po2.md"] = replaced(pages["po1.md"], "po-1", "po-2")
    pages["so-2-1.md"] = replaced(replaced(pages["so-1-1.md"], "so-1-1", "so-2-1"), "po-1", "po-2")
    pages["so-1-1.md"] = replaced(pages["so-1-1.md"], "priority: po-1", "priority: po-2")
    found = findings_of(write_handbook(tmp_path, pages), "objective-priority")
    assert where(found) == [("docs/nb/so-1-1.md", 5, "HB005")]
    assert found[0].message.nb == (
        "Det særskilte målet `so-1-1` står under `po-2`, men nummeret i id-en sier `po-1`."
    )
    assert found[0].hint.nb.startswith("Skriv `priority: po-1`")
    assert found[0].hint.en == "Write `priority: po-1`, or renumber the objective."


def test_priority_without_objective(tmp_path):
    pages = dict(MINIMAL)
    pages["po2.md"] = replaced(pages["po1.md"], "id: po-1", "id: po-2")
    found = findings_of(write_handbook(tmp_path, pages), "coverage")
    assert where(found) == [("docs/nb/po2.md", 2, "HB006")]
    assert found[0].message.nb == "Prioriteringen `po-2` har ingen særskilte mål."
    assert found[0].message.en == "The priority `po-2` has no objective."
    assert found[0].hint.nb == "Legg til et særskilt mål med `priority: po-2`."


def test_goal_served_by_no_instrument_and_no_priority(tmp_path):
    pages = dict(MINIMAL)
    pages["mal2.md"] = replaced(pages["mal.md"], "mal-a", "mal-b")
    found = findings_of(write_handbook(tmp_path, pages), "coverage")
    assert [(f.path, f.line, f.message.nb) for f in found] == [
        ("docs/nb/mal2.md", 2, "Ingen virkemidler tjener hovedmålet `mal-b`."),
        ("docs/nb/mal2.md", 2, "Ingen prioriteringer tjener hovedmålet `mal-b`."),
    ]
    assert [f.message.en for f in found] == [
        "No instrument serves the goal `mal-b`.",
        "No priority serves the goal `mal-b`.",
    ]
    assert "`goals: [mal-b]`" in found[0].hint.nb


def test_instrument_serving_no_existing_goal(tmp_path):
    pages = dict(MINIMAL)
    pages["vm2.md"] = replaced(replaced(pages["vm.md"], "vm-a", "vm-b"), "[mal-a]", "[mal-x]")
    found = findings_of(write_handbook(tmp_path, pages), "coverage")
    assert [(f.path, f.message.nb) for f in found] == [
        ("docs/nb/vm2.md", "Virkemiddelet `vm-b` tjener ikke noe hovedmål.")
    ]
    assert "`goals: [mal-a]`" in found[0].hint.nb  # a goal that exists


def test_a_target_of_no_kind_yet_and_ids_as_written(tmp_path):
    """No programme in the handbook: the hint says so instead of "known ids: none"; and
    the messages show ids as written, never Python's quotes."""
    pages = dict(MINIMAL)
    del pages["program.md"]
    found = findings_of(write_handbook(tmp_path, pages, nav=sorted(pages)), "relation-target")
    assert where(found) == [("docs/nb/po1.md", 5, "HB004")]
    assert found[0].hint.nb == (
        "Håndboka har ingen programmer ennå. Lag siden først, eller fjern id-en."
    )
    assert found[0].hint.en.startswith("The handbook has no programmes yet.")
    for text in (found[0].message.nb, found[0].message.en, found[0].hint.nb, found[0].hint.en):
        assert "'" not in text and "None" not in text and "none" not in text


def test_a_missing_target_while_a_page_cannot_be_read(tmp_path):
    """The programme page has a front-matter error: its id is not read, so the relation's
    target may well exist. The message says so, and offers no other ids."""
    pages = dict(MINIMAL)
    pages["program.md"] = replaced(pages["program.md"], "description: Programmet.", "description")
    found = findings_of(write_handbook(tmp_path, pages), "relation-target")
    assert where(found) == [("docs/nb/po1.md", 5, "HB004")]
    assert found[0].message.nb == (
        "`programme` peker på `prog`, men håndboka finner ingen side med den id-en. Sider med "
        "feil i front matter (HB001) telles ikke med."
    )
    assert found[0].hint.nb == "Rett dem først."
    assert found[0].message.en == (
        "`programme` points to `prog`, but the handbook finds no page with that id. Pages "
        "with a front-matter error (HB001) are not counted."
    )
    for text in (found[0].message.nb, found[0].hint.nb):
        assert "ennå" not in text and "Mente du" not in text and "Lag siden" not in text


def test_a_target_whose_kind_is_unknown(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] = replaced(pages["mal.md"], "kind: goal", "kind: mål")
    found = findings_of(write_handbook(tmp_path, pages), "relation-target")
    assert [(f.path, f.line) for f in found] == [
        ("docs/nb/po1.md", 6),
        ("docs/nb/so-1-1.md", 6),
        ("docs/nb/vm.md", 5),
    ]
    assert found[0].message.nb == (
        "`goals` peker på `mal-a`, men den siden har `kind: mål`, som håndboka ikke kjenner."
    )
    assert found[0].hint.nb == "Rett `kind` i docs/nb/mal.md."
    assert found[0].message.en == (
        "`goals` points to `mal-a`, but that page has `kind: mål`, which the handbook does "
        "not know."
    )
    assert found[0].hint.en == "Correct the `kind` in docs/nb/mal.md."
    assert "«" not in found[0].message.en


def test_the_known_ids_in_the_hint_are_capped(tmp_path):
    pages = dict(MINIMAL)
    for number in range(2, 15):
        pages[f"mal{number}.md"] = replaced(pages["mal.md"], "mal-a", f"mal-{number:02}")
    pages["so-1-1.md"] = replaced(pages["so-1-1.md"], "goals: [mal-a]", "goals: [finnes-ikke]")
    found = findings_of(write_handbook(tmp_path, pages), "relation-target")
    assert where(found) == [("docs/nb/so-1-1.md", 6, "HB004")]
    shown = ", ".join(f"`mal-{number:02}`" for number in range(2, 12))
    assert found[0].hint.nb == f"Skriv id-en til et hovedmål som finnes: {shown} og 4 til."
    assert found[0].hint.en == f"Write the id of a goal that exists: {shown} and 4 more."
