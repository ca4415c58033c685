"""HB001 front-matter: YAML errors are findings with file and line, never tracebacks."""

from handbook_fixtures import MINIMAL, findings_of, where, write_handbook


def test_minimal_handbook_passes(tmp_path):
    assert findings_of(write_handbook(tmp_path), "front-matter") == []


def test_broken_yaml_is_reported_at_its_line(tmp_path):
    pages = dict(MINIMAL)
    pages["po1.md"] = pages["po1.md"].replace("goals: [mal-a]", "goals: [mal-a\nweird: : :")
    found = findings_of(write_handbook(tmp_path, pages), "front-matter")
    assert [(path, code) for path, _, code in where(found)] == [("docs/nb/po1.md", "HB001")]
    assert 5 <= found[0].line <= 8, found[0]
    assert "not valid YAML" in found[0].message


def test_missing_and_unclosed_front_matter(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] = "# Mål uten front matter\n"
    pages["vm.md"] = "---\nid: vm-a\nkind: instrument\n# never closed\n"
    found = findings_of(write_handbook(tmp_path, pages), "front-matter")
    assert where(found) == [("docs/nb/mal.md", 1, "HB001"), ("docs/nb/vm.md", 1, "HB001")]


def test_front_matter_that_is_not_a_mapping(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] = "---\n- id\n- kind\n---\n# Mål\n"
    assert where(findings_of(write_handbook(tmp_path, pages), "front-matter")) == [
        ("docs/nb/mal.md", 2, "HB001")
    ]
