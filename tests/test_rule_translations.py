"""HB008 translations: every page in every language, same id and kind, no relations of its
own, and a fingerprint that tells when the source has changed."""

from handbook_fixtures import MINIMAL, findings_of, translate, where, write_handbook


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
    assert "docs/en/mal.md" in found[1].hint


def test_translation_with_other_kind_and_own_relations(tmp_path):
    english = translate(tmp_path, MINIMAL)
    english["vm.md"] = english["vm.md"].replace("kind: instrument", "kind: page\ngoals: [mal-a]")
    config = write_handbook(tmp_path, languages=("nb", "en"), translations={"en": english})
    found = findings_of(config, "translations")
    assert where(found) == [("docs/en/vm.md", 3, "HB008"), ("docs/en/vm.md", 4, "HB008")]
    assert "declares 'goals'" in found[1].message


def test_outdated_translation_is_a_warning_with_the_new_fingerprint(tmp_path):
    english = translate(tmp_path, MINIMAL)
    pages = dict(MINIMAL)
    pages["mal.md"] += "\nNy setning i kilden.\n"
    config = write_handbook(tmp_path, pages, languages=("nb", "en"), translations={"en": english})
    found = findings_of(config, "translations")
    assert [(f.path, f.severity) for f in found] == [("docs/en/mal.md", "warning")]
    assert "has changed since" in found[0].message
    assert "translation_of: " in found[0].hint


def test_translation_without_fingerprint_is_reported_as_untranslated(tmp_path):
    english = translate(tmp_path, MINIMAL)
    english["mal.md"] = "\n".join(
        line for line in english["mal.md"].split("\n") if not line.startswith("translation_of")
    )
    config = write_handbook(tmp_path, languages=("nb", "en"), translations={"en": english})
    found = findings_of(config, "translations")
    assert [(f.path, f.severity) for f in found] == [("docs/en/mal.md", "warning")]
    assert "not translated yet" in found[0].message
    assert "python -m handbook translated docs/en/mal.md" in found[0].hint


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
    assert found[1].message == "'translation_of: True' is not a fingerprint"
    assert "python -m handbook translated docs/en/vm.md" in found[1].hint
