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
    assert "'mal-b', which does not exist" in found[0].message
    assert "mal-a" in found[0].hint  # the hint lists the ids that do exist


def test_relation_to_a_page_of_the_wrong_kind(tmp_path):
    pages = dict(MINIMAL)
    pages["vm.md"] = replaced(pages["vm.md"], "goals: [mal-a]", "goals: [mal-a, po-1]")
    found = findings_of(write_handbook(tmp_path, pages), "relation-target")
    assert where(found) == [("docs/nb/vm.md", 5, "HB004")]
    assert "which is a priority, not a goal" in found[0].message


def test_objective_under_the_wrong_priority(tmp_path):
    """The source's own slip: the PO4 objective placed 'under PO3'."""
    pages = dict(MINIMAL)
    pages["po2.md"] = replaced(pages["po1.md"], "po-1", "po-2")
    pages["so-2-1.md"] = replaced(replaced(pages["so-1-1.md"], "so-1-1", "so-2-1"), "po-1", "po-2")
    pages["so-1-1.md"] = replaced(pages["so-1-1.md"], "priority: po-1", "priority: po-2")
    found = findings_of(write_handbook(tmp_path, pages), "objective-priority")
    assert where(found) == [("docs/nb/so-1-1.md", 5, "HB005")]
    assert "set 'priority: po-1'" in found[0].hint


def test_priority_without_objective(tmp_path):
    pages = dict(MINIMAL)
    pages["po2.md"] = replaced(pages["po1.md"], "id: po-1", "id: po-2")
    found = findings_of(write_handbook(tmp_path, pages), "coverage")
    assert where(found) == [("docs/nb/po2.md", 2, "HB006")]
    assert found[0].message == "priority po-2 has no objective"


def test_goal_served_by_no_instrument_and_no_priority(tmp_path):
    pages = dict(MINIMAL)
    pages["mal2.md"] = replaced(pages["mal.md"], "mal-a", "mal-b")
    found = findings_of(write_handbook(tmp_path, pages), "coverage")
    assert [(f.path, f.line, f.message) for f in found] == [
        ("docs/nb/mal2.md", 2, "goal mal-b is not served by any instrument"),
        ("docs/nb/mal2.md", 2, "goal mal-b is not served by any priority"),
    ]


def test_instrument_serving_no_existing_goal(tmp_path):
    pages = dict(MINIMAL)
    pages["vm2.md"] = replaced(replaced(pages["vm.md"], "vm-a", "vm-b"), "[mal-a]", "[mal-x]")
    found = findings_of(write_handbook(tmp_path, pages), "coverage")
    assert [(f.path, f.message) for f in found] == [
        ("docs/nb/vm2.md", "instrument vm-b serves no goal")
    ]
