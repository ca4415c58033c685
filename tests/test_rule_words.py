"""HB011 words: every language has every interface word; a missing word is an error.

Also the words module itself: values are text as written, and asking for a word that no
file has raises an error that neither Python nor Jinja takes for "no value".
"""

from __future__ import annotations

import jinja2
import pytest

from handbook import words
from handbook.cli import main
from handbook.config import load_config
from handbook.words import MissingWordError, read

from handbook_fixtures import findings_of, where, write_handbook
from helpers import ROOT, copy_project

NB = 'site_name: Håndbok\nrelated: Henger sammen med\ntheme:\n  header: Topptekst\n"yes": Ja\n'
EN = "site_name: Handbook\nrelated: Related pages\ntheme:\n  header: Header\nyes: Yes\n"


def _handbook(tmp_path, nb: str = NB, en: str | None = EN):
    config = write_handbook(tmp_path, languages=("nb", "en"), translations={"en": {}})
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes/words.nb.yml").write_text(nb, encoding="utf-8")
    if en is not None:
        (tmp_path / "includes/words.en.yml").write_text(en, encoding="utf-8")
    return config


def _words(tmp_path, **files):
    return findings_of(_handbook(tmp_path, **files), "words")


def test_the_handbooks_words_pass() -> None:
    assert findings_of(ROOT / "mkdocs.yml", "words") == []


def test_a_handbook_without_word_files_has_nothing_to_check(tmp_path) -> None:
    assert findings_of(write_handbook(tmp_path), "words") == []


def test_matching_files_pass_and_read_as_text(tmp_path) -> None:
    loaded, problems = read(load_config(_handbook(tmp_path)))
    assert problems == []
    # `yes: Yes` would be a boolean to YAML; here it is the word "Yes", keyed "yes".
    assert loaded["en"]["yes"] == "Yes" and loaded["nb"]["yes"] == "Ja"
    assert loaded["en"].theme.header == "Header"


def test_a_word_missing_in_one_language_names_file_line_and_key(tmp_path) -> None:
    found = _words(tmp_path, en=EN.replace("related: Related pages\n", ""))
    # Line 1: where the word goes, after the one before it in words.nb.yml.
    assert where(found) == [("includes/words.en.yml", 1, "HB011")]
    assert found[0].message == "'related' is missing: includes/words.nb.yml:2 has it"


def test_a_word_only_one_language_has_is_an_error(tmp_path) -> None:
    found = _words(tmp_path, en=EN + "theme_extra: x\n")
    assert where(found) == [("includes/words.en.yml", 6, "HB011")]
    assert "'theme_extra' is not in includes/words.nb.yml" in found[0].message


def test_a_misspelt_key_is_missing_and_extra(tmp_path) -> None:
    found = _words(tmp_path, en=EN.replace("  header: Header\n", "  haeder: Header\n"))
    assert where(found) == [
        ("includes/words.en.yml", 3, "HB011"),
        ("includes/words.en.yml", 4, "HB011"),
    ]
    assert "'header' under theme: is missing" in found[0].message
    assert "'haeder' under theme: is not in" in found[1].message


@pytest.mark.parametrize(
    ("en", "line", "message"),
    [
        (None, 1, "missing: the 'en' site has no interface words"),
        ("- site_name\n", 1, "expected `key: word` lines"),
        ("site_name: [Handbook\n", 2, "not valid YAML"),
        (EN.replace("Related pages", ""), 2, "'related' has no text"),
        (EN.replace("Related pages", "[Related, pages]"), 2, "'related' is a list"),
        (EN + "related: Again\n", 6, "'related' is here twice (also on line 2)"),
        (EN + "nav: Navigation\n", 6, "'nav' is not in includes/words.nb.yml"),
        (EN + "a: &word Word\nb: *word\n", 6, "the file uses a YAML anchor (&word)"),
        (EN + "b: *word\n", 6, "the file uses a YAML alias (*word)"),
        (EN.replace("  header:", "  <<: {header: X}\n  header:"), 4, "YAML merge key (<<)"),
        (EN + "deep: " + "[" * 30 + "\n", 6, "the file nests deeper than 20 levels"),
        (EN + "nul: a\x00\n", 6, "the file has a control character (U+0000) on this line"),
    ],
)
def test_a_file_that_is_not_words_is_an_error(tmp_path, en, line, message) -> None:
    found = _words(tmp_path, en=en)
    assert ("includes/words.en.yml", line, "HB011") in where(found)
    assert any(message in finding.message for finding in found), found


def test_a_word_file_that_is_not_utf8_is_an_error_at_the_bad_byte(tmp_path) -> None:
    config = _handbook(tmp_path)
    (tmp_path / "includes/words.en.yml").write_bytes(
        EN.replace("Header", "Øverst").encode("latin-1")
    )
    found = findings_of(config, "words")
    assert where(found) == [("includes/words.en.yml", 4, "HB011")]
    assert found[0].message == "the file is not UTF-8 text (byte 0xd8 on this line)"
    assert "save it as UTF-8" in found[0].hint


def test_every_nav_title_needs_a_title_in_the_other_languages(tmp_path) -> None:
    copy_project(tmp_path, ("docs", "mkdocs.yml", "includes"))
    english = tmp_path / "includes/words.en.yml"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace("  Ordliste: Glossary", "  Ordlista: Glossary"), "utf-8")
    found = findings_of(tmp_path / "mkdocs.yml", "words")
    ordliste = _line(ROOT / "mkdocs.yml", "- Ordliste:")
    assert [(f.path, f.line, f.message) for f in found] == [
        (
            "includes/words.en.yml",
            _line(english, "Sammenhenger:"),
            f"no title for the nav title 'Ordliste' (mkdocs.yml:{ordliste})",
        ),
        (
            "includes/words.en.yml",
            _line(english, "Ordlista:"),
            "'Ordlista' is not a title in the nav of mkdocs.yml",
        ),
    ]


def test_the_check_reports_a_missing_word_with_file_and_line(tmp_path, capsys) -> None:
    """What a contributor sees: `make check` names the file, the line and the word."""
    copy_project(tmp_path, ("docs", "mkdocs.yml", "includes"))
    english = tmp_path / "includes/words.en.yml"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace("footer_sources: Sources\n", ""), encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    before = _line(english, "footer_statement:")
    has_it = _line(ROOT / "includes/words.nb.yml", "footer_sources:")
    assert (
        f"includes/words.en.yml:{before}: HB011 'footer_sources' is missing: "
        f"includes/words.nb.yml:{has_it} has it"
    ) in out


def _line(path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


def test_asking_for_a_word_no_file_has_is_an_error_not_a_lookup() -> None:
    english = words.of("en")
    with pytest.raises(MissingWordError, match=r"no word 'relatd' in includes/words\.en\.yml"):
        english["relatd"]
    assert not issubclass(MissingWordError, LookupError | AttributeError)
    with pytest.raises(MissingWordError, match="language 'de'"):
        words.of("de")


def test_a_template_asking_for_a_missing_word_fails_instead_of_printing_nothing() -> None:
    template = jinja2.Environment().from_string(
        "{{ words.footer_sources }} {{ words.theme.hedaer }}"
    )
    with pytest.raises(
        MissingWordError, match=r"'hedaer' in includes/words.nb.yml \(under theme:\)"
    ):
        template.render(words=words.of("nb"))
    assert (
        jinja2.Environment().from_string("{{ words.theme.header }}").render(words=words.of("nb"))
        == "Topptekst"
    )


def test_a_word_with_markup_is_an_error(tmp_path) -> None:
    """Templates print the words as they are, so a word is plain text."""
    en = EN.replace("Related pages", "Related <img src=x onerror=alert(1)>").replace(
        "header: Header", "header: Head&#101;r"
    )
    found = _words(tmp_path, en=en)
    assert where(found) == [
        ("includes/words.en.yml", 2, "HB011"),
        ("includes/words.en.yml", 4, "HB011"),
    ]
    assert found[0].message == "'related' contains markup (<)"
    assert "plain text" in found[0].hint
