"""HB002 identity: ids are well-formed, shaped by kind, and unique per language."""

from handbook_fixtures import MINIMAL, findings_of, where, write_handbook


def test_minimal_handbook_passes(tmp_path):
    assert findings_of(write_handbook(tmp_path), "identity") == []


def test_duplicate_id_points_at_the_second_page(tmp_path):
    pages = dict(MINIMAL)
    pages["vm2.md"] = pages["vm.md"]
    found = findings_of(write_handbook(tmp_path, pages), "identity")
    assert where(found) == [("docs/nb/vm2.md", 2, "HB002")]
    assert "docs/nb/vm.md" in found[0].message


def test_malformed_and_missing_ids(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] = pages["mal.md"].replace("id: mal-a", "id: Mål A")
    pages["index.md"] = pages["index.md"].replace("id: start\n", "")
    found = findings_of(write_handbook(tmp_path, pages), "identity")
    assert where(found) == [("docs/nb/index.md", 1, "HB002"), ("docs/nb/mal.md", 2, "HB002")]


def test_objective_id_must_carry_its_number(tmp_path):
    pages = dict(MINIMAL)
    pages["so-1-1.md"] = pages["so-1-1.md"].replace("id: so-1-1", "id: forskning")
    found = findings_of(write_handbook(tmp_path, pages), "identity")
    assert where(found) == [("docs/nb/so-1-1.md", 2, "HB002")]
    assert "so-<priority>-<number>" in found[0].message
