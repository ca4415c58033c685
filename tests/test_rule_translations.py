"""HB008 translations: every page in every language, same id and kind, no relations of its
own, and a fingerprint that tells when the source has changed."""

from handbook.fingerprint import fingerprint

from handbook_fixtures import (
    MINIMAL,
    findings_of,
    graph_of,
    replaced,
    translate,
    where,
    write_handbook,
)


def test_fresh_translations_pass(tmp_path):
    english = translate(tmp_path, MINIMAL)
    config = write_handbook(tmp_path, languages=("nb", "en"), translations={"en": english})
    assert findings_of(config, "translations") == []


def test_missing_and_extra_translation(tmp_path):
    english = translate(tmp_path, MINIMAL)
    english["extra.md"] = english.pop("mal.md")
    config = write_handbook(tmp_path, languages=("nb", "en"), translations={"en": english})
    found = findings_of(config, "translations")
    assert where(found) == [("docs/en/extra.md", 1, "HB008"), ("docs/nb/mal.md", 1, "HB008")]
    assert found[0].message.nb == "Siden har ingen kilde på norsk: docs/nb/extra.md finnes ikke."
    assert found[1].message.nb == "Siden har ingen oversettelse til engelsk."
    assert found[1].message.en == "The page has no English translation."
    assert "docs/en/mal.md" in found[1].hint.nb


def test_translation_with_other_kind_and_own_relations(tmp_path):
    english = translate(tmp_path, MINIMAL)
    english["vm.md"] = english["vm.md"].replace("kind: instrument", "kind: page\ngoals: [mal-a]")
    config = write_handbook(tmp_path, languages=("nb", "en"), translations={"en": english})
    found = findings_of(config, "translations")
    assert where(found) == [("docs/en/vm.md", 3, "HB008"), ("docs/en/vm.md", 4, "HB008")]
    assert found[0].message.nb == (
        "Her står `kind: page`, men kilden, docs/nb/vm.md, har `kind: instrument`."
    )
    assert found[0].hint.nb.endswith("Skriv `kind: instrument`.")
    assert found[1].message.nb == "En oversettelse kan ikke ha `goals`."
    assert found[1].message.en == "A translation cannot have `goals`."


def test_outdated_translation_is_a_warning_with_the_new_fingerprint(tmp_path):
    english = translate(tmp_path, MINIMAL)
    pages = dict(MINIMAL)
    pages["mal.md"] += "\nNy setning i kilden.\n"
    config = write_handbook(tmp_path, pages, languages=("nb", "en"), translations={"en": english})
    found = findings_of(config, "translations")
    assert [(f.path, f.severity) for f in found] == [("docs/en/mal.md", "warning")]
    assert "er endret siden denne siden ble oversatt" in found[0].message.nb
    assert "has changed since" in found[0].message.en
    assert "`translation_of: nb-" in found[0].hint.nb


def test_translation_without_fingerprint_is_reported_as_untranslated(tmp_path):
    english = translate(tmp_path, MINIMAL)
    english["mal.md"] = "\n".join(
        line for line in english["mal.md"].split("\n") if not line.startswith("translation_of")
    )
    config = write_handbook(tmp_path, languages=("nb", "en"), translations={"en": english})
    found = findings_of(config, "translations")
    assert [(f.path, f.severity) for f in found] == [("docs/en/mal.md", "warning")]
    assert "ikke oversatt ennå" in found[0].message.nb
    assert "not translated yet" in found[0].message.en
    # The line itself, for those who edit in the browser and cannot run the command.
    source = graph_of(config).page_at("nb", "mal.md")
    line = f"`translation_of: {fingerprint(source)}`"
    assert found[0].hint.nb == (
        f"Oversett docs/nb/mal.md, og legg så til linjen {line} (eller kjør "
        "`python -m handbook translated docs/en/mal.md`)."
    )
    assert found[0].hint.en == (
        f"Translate docs/nb/mal.md, then add the line {line} (or run "
        "`python -m handbook translated docs/en/mal.md`)."
    )


def test_translation_of_has_one_format(tmp_path):
    english = translate(tmp_path, MINIMAL)
    english["vm.md"] = english["vm.md"].replace(
        english["vm.md"].split("translation_of: ")[1].split("\n")[0], "yes"
    )
    english["mal.md"] = english["mal.md"].replace("translation_of: nb-", "translation_of: en-")
    config = write_handbook(tmp_path, languages=("nb", "en"), translations={"en": english})
    found = findings_of(config, "translations")
    assert [(f.path, f.severity) for f in found] == [
        ("docs/en/mal.md", "error"),
        ("docs/en/vm.md", "error"),
    ]
    # The value as written (`yes`), not as Python reads it (True).
    assert found[1].message.nb == "`translation_of: yes` er ikke et fingeravtrykk av kilden."
    assert found[1].message.en == "`translation_of: yes` is not a fingerprint of the source."
    assert "`python -m handbook translated docs/en/vm.md`" in found[1].hint.nb
    assert found[1].hint.en.startswith(
        "Write the value `python -m handbook translated docs/en/vm.md` writes: `translation_of: nb-"
    )
    assert found[0].message.nb.startswith("`translation_of: en-")
    for finding in found:
        for text in (finding.message.nb, finding.message.en, finding.hint.nb, finding.hint.en):
            assert "True" not in text and "'" not in text


def test_a_translation_without_its_id_is_told_the_source_s(tmp_path):
    english = translate(tmp_path, MINIMAL)
    english["mal.md"] = english["mal.md"].replace("id: mal-a\n", "")
    config = write_handbook(tmp_path, languages=("nb", "en"), translations={"en": english})
    found = findings_of(config, "translations")
    assert where(found) == [("docs/en/mal.md", 1, "HB008")]
    assert found[0].message.nb == "Siden mangler `id`. Kilden, docs/nb/mal.md, har `id: mal-a`."
    assert "None" not in found[0].message.en and "null" not in found[0].message.en


def test_a_translation_is_not_told_to_copy_a_wrong_value_from_its_source(tmp_path):
    english = translate(tmp_path, MINIMAL)
    pages = dict(MINIMAL)
    pages["mal.md"] = replaced(pages["mal.md"], "kind: goal", "kind: mål")
    pages["vm.md"] = replaced(pages["vm.md"], "id: vm-a", "id: VM A")
    config = write_handbook(tmp_path, pages, languages=("nb", "en"), translations={"en": english})
    found = [f for f in findings_of(config, "translations") if f.severity == "error"]
    assert where(found) == [("docs/en/mal.md", 3, "HB008"), ("docs/en/vm.md", 2, "HB008")]
    assert found[0].message.nb == "Her står `kind: goal`, som ikke er det samme som i kilden."
    assert found[0].hint.nb == (
        "Kilden, docs/nb/mal.md, har `kind: mål`, som også er feil. Rett kilden først."
    )
    assert found[1].hint.en == (
        "Its source, docs/nb/vm.md, has `id: VM A`, which is wrong too. Fix the source first."
    )
    for finding in found:
        assert "Skriv `" not in finding.hint.nb
