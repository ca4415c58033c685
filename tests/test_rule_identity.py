"""HB002 identity: ids are well-formed, shaped by kind, and unique per language."""

from handbook_fixtures import MINIMAL, findings_of, replaced, where, write_handbook


def test_minimal_handbook_passes(tmp_path):
    assert findings_of(write_handbook(tmp_path), "identity") == []


def test_duplicate_id_points_at_the_second_page(tmp_path):
    pages = dict(MINIMAL)
    pages["vm2.md"] = pages["vm.md"]
    found = findings_of(write_handbook(tmp_path, pages), "identity")
    assert where(found) == [("docs/nb/vm2.md", 2, "HB002")]
    assert found[0].message.nb == "Id-en `vm-a` er allerede brukt av docs/nb/vm.md."
    assert found[0].message.en == "The id `vm-a` is already used by docs/nb/vm.md."


def test_malformed_and_missing_ids(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] = pages["mal.md"].replace("id: mal-a", "id: Mål A")
    pages["index.md"] = pages["index.md"].replace("id: start\n", "")
    found = findings_of(write_handbook(tmp_path, pages), "identity")
    assert where(found) == [("docs/nb/index.md", 1, "HB002"), ("docs/nb/mal.md", 2, "HB002")]
    assert found[0].message.nb == "Siden mangler `id`."
    assert found[1].message.nb == (
        "Id-en `Mål A` kan ikke brukes. En id har bare små bokstaver fra a til z (ikke æ, ø, å), "
        "tall og bindestrek mellom ordene."
    )
    assert found[1].message.en == (
        "The id `Mål A` cannot be used. An id has only the lower-case letters a to z (not æ, "
        "ø, å), digits, and hyphens between words."
    )
    # The hint writes the id the author meant, as an id is written.
    assert found[1].hint.nb == "Skriv for eksempel `id: mal-a`."
    assert found[1].hint.en == "Write, for example, `id: mal-a`."


def test_objective_id_must_carry_its_number(tmp_path):
    pages = dict(MINIMAL)
    pages["so-1-1.md"] = pages["so-1-1.md"].replace("id: so-1-1", "id: forskning")
    found = findings_of(write_handbook(tmp_path, pages), "identity")
    assert where(found) == [("docs/nb/so-1-1.md", 2, "HB002")]
    assert found[0].message.nb == (
        "Id-en til et særskilt mål skrives `so-<prioritering>-<nummer>`, ikke `forskning`."
    )
    assert "so-<priority>-<number>" in found[0].message.en
    assert found[0].message.en.startswith("An objective's id")
    assert "`id: so-1-1`" in found[0].hint.nb  # from its priority, po-1
    assert found[0].hint.nb.startswith(
        "Tallene viser hvilken prioritering det særskilte målet hører under: `so-2-4` hører "
        "under `po-2`."
    )
    assert "sjekken" not in found[0].hint.nb and "the check" not in found[0].hint.en


def test_a_priority_id_is_suggested_from_its_number(tmp_path):
    pages = dict(MINIMAL)
    pages["po1.md"] = replaced(pages["po1.md"], "id: po-1", "id: PO1")
    found = findings_of(write_handbook(tmp_path, pages), "identity")
    assert where(found) == [("docs/nb/po1.md", 2, "HB002")]
    assert found[0].hint.nb == "Skriv for eksempel `id: po-1`."
    pages["po1.md"] = replaced(pages["po1.md"], "id: PO1", "id: po1")
    found = findings_of(write_handbook(tmp_path, pages), "identity")
    assert found[0].message.en == "A priority's id is written `po-<number>`, not `po1`."
    assert "`id: po-1`" in found[0].hint.nb


def test_messages_show_the_id_as_written_not_as_python_reads_it(tmp_path):
    for written in ("yes", "2021", "[a, b]", ""):
        pages = dict(MINIMAL)
        pages["index.md"] = replaced(pages["index.md"], "id: start", f"id: {written}")
        found = findings_of(write_handbook(tmp_path, pages), "identity")
        assert where(found) == [("docs/nb/index.md", 2, "HB002")], written
        texts = (found[0].message.nb, found[0].message.en, found[0].hint.nb, found[0].hint.en)
        if written:
            assert f"`{written}`" in found[0].message.nb
        for text in texts:
            for artefact in ("True", "['", "None", "<class"):
                assert artefact not in text, (written, text)
