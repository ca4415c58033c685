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
    assert found[0].message.nb == "`related` mangler her. includes/words.nb.yml:2 har det."
    assert found[0].message.en == "`related` is missing here. includes/words.nb.yml:2 has it."
    assert found[0].hint.nb == "Hvert språk trenger hvert ord: legg det til her, og oversett det."


def test_a_word_only_one_language_has_is_an_error(tmp_path) -> None:
    found = _words(tmp_path, en=EN + "theme_extra: x\n")
    assert where(found) == [("includes/words.en.yml", 6, "HB011")]
    assert found[0].message.nb == "`theme_extra` finnes ikke i includes/words.nb.yml."
    assert found[0].hint.nb.startswith("Er det en skrivefeil?")


def test_a_misspelt_key_is_missing_and_extra(tmp_path) -> None:
    found = _words(tmp_path, en=EN.replace("  header: Header\n", "  haeder: Header\n"))
    assert where(found) == [
        ("includes/words.en.yml", 3, "HB011"),
        ("includes/words.en.yml", 4, "HB011"),
    ]
    assert found[0].message.nb.startswith("`header` under `theme:` mangler her.")
    assert found[1].message.nb.startswith("`haeder` under `theme:` finnes ikke i")
    assert found[1].message.en.startswith("`haeder` under `theme:` is not in")


@pytest.mark.parametrize(
    ("en", "line", "message"),
    [
        (
            None,
            1,
            "Filen mangler, så den engelske utgaven av nettstedet har ingen grensesnittord.",
        ),
        ("- site_name\n", 1, "Filen består ikke av linjer med `navn: ord`."),
        # The line where the bracket opens (yaml_problems.explain), not the end of the file.
        ("site_name: [Handbook\n", 1, "Hakeparentesen `[` på denne linjen blir ikke lukket."),
        (EN.replace("Related pages", ""), 2, "`related` har ingen tekst."),
        (
            EN.replace("Related pages", "[Related, pages]"),
            2,
            "`related` er en liste, men et ord er én tekst.",
        ),
        (EN + "related: Again\n", 6, "`related` står to ganger i filen, også på linje 2."),
        (EN + "nav: Navigation\n", 6, "`nav` finnes ikke i includes/words.nb.yml."),
        (EN + "a: &word Word\nb: *word\n", 6, "YAML `&word` som et navn på verdien"),
        (EN + "b: *word\n", 6, "YAML `*word` som en henvisning til en annen verdi"),
        (EN.replace("  header:", "  <<: {header: X}\n  header:"), 4, "flettenøkkel (`<<`)"),
        (EN + "deep: " + "[" * 30 + "\n", 6, "mer enn 20 nivåer inni hverandre"),
        (EN + "nul: a\x00\n", 6, "Filen har et kontrolltegn (U+0000) på denne linjen."),
    ],
)
def test_a_file_that_is_not_words_is_an_error(tmp_path, en, line, message) -> None:
    found = _words(tmp_path, en=en)
    assert ("includes/words.en.yml", line, "HB011") in where(found)
    assert any(message in finding.message.nb for finding in found), found
    assert all(finding.hint for finding in found), found


def test_a_word_file_problem_in_english(tmp_path) -> None:
    found = _words(tmp_path, en=EN.replace("Related pages", "[Related, pages]"))
    assert [(f.message.en, f.hint.en) for f in found] == [
        (
            "`related` is a list, but a word is one text.",
            "Write the word as one text after the colon, in quotes if it has [ ], { } or a "
            'colon: `related: "..."`',
        )
    ]
    (tmp_path / "b").mkdir()
    found = _words(tmp_path / "b", en=None)
    assert found[0].hint.en == (
        "Copy includes/words.nb.yml to includes/words.en.yml, and translate every word."
    )


def test_word_file_messages_show_the_file_as_written_not_python(tmp_path) -> None:
    """Keys are quoted as the file writes them, in backticks: no Python quotes or lists."""
    en = (
        EN.replace("related: Related pages\n", "related: [Related, pages]\n")
        .replace("  header: Header\n", "  haeder: Header\n  haeder: Header\n")
        .replace("yes: Yes\n", "yes: Yes <b>\nno:\n")
    )
    found = _words(tmp_path, en=en)
    assert len(found) >= 5, found
    for finding in found:
        for text in (finding.message, finding.hint):
            for lang in ("nb", "en"):
                assert text(lang)[:1] in "`" or text(lang)[:1].isupper(), text(lang)
                for artefact in ("'", "['", "None", "True", "False"):
                    assert artefact not in text(lang).replace("language's", ""), text(lang)


def test_a_word_file_that_is_not_utf8_is_an_error_at_the_bad_byte(tmp_path) -> None:
    config = _handbook(tmp_path)
    (tmp_path / "includes/words.en.yml").write_bytes(
        EN.replace("Header", "Øverst").encode("latin-1")
    )
    found = findings_of(config, "words")
    assert where(found) == [("includes/words.en.yml", 4, "HB011")]
    assert found[0].message.nb == "Filen er ikke UTF-8-tekst (byten 0xd8 på denne linjen)."
    assert "Lagre den som UTF-8" in found[0].hint.nb


def test_every_nav_title_needs_a_title_in_the_other_languages(tmp_path) -> None:
    copy_project(tmp_path, ("docs", "mkdocs.yml", "includes"))
    english = tmp_path / "includes/words.en.yml"
    text = english.read_text(encoding="utf-8")
    english.write_text(text.replace("  Ordliste: Glossary", "  Ordlista: Glossary"), "utf-8")
    found = findings_of(tmp_path / "mkdocs.yml", "words")
    ordliste = _line(ROOT / "mkdocs.yml", "- Ordliste:")
    assert [(f.path, f.line, f.message.nb) for f in found] == [
        (
            "includes/words.en.yml",
            _line(english, "Sammenhenger:"),
            f"Menytittelen `Ordliste` (mkdocs.yml:{ordliste}) har ingen tittel på dette språket.",
        ),
        (
            "includes/words.en.yml",
            _line(english, "Ordlista:"),
            "`Ordlista` er ikke en tittel i navigasjonen i mkdocs.yml.",
        ),
    ]
    assert found[0].hint.nb == (
        "Legg til `Ordliste: ...` under `nav:`, med tittelen på dette språket etter kolonet."
    )
    assert found[1].message.en == "`Ordlista` is not a title in the nav of mkdocs.yml."


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
        f"includes/words.en.yml:{before}: HB011 `footer_sources` mangler her. "
        f"includes/words.nb.yml:{has_it} har det. Hvert språk trenger hvert ord"
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
    assert found[0].message.nb == "`related` har HTML-koden `<img src=x onerror=alert(1)>`."
    assert found[1].message.en == (
        "`header` under `theme:` has the &-code `&#101;`, which stands for the character `e`."
    )
    assert found[1].hint.en == "Write the character itself: `e`."
    assert "ren tekst" in found[0].hint.nb


def test_the_default_language_file_must_not_have_nav_titles(tmp_path) -> None:
    found = _words(tmp_path, nb=NB + "nav:\n  Ordliste: Ordliste\n")
    nav = [f for f in found if f.path == "includes/words.nb.yml"]
    assert nav and nav[0].message.nb.startswith(
        "De norske menytitlene står i navigasjonen i mkdocs.yml, så denne filen skal ikke ha en "
        "`nav:`-gruppe."
    )
    assert nav[0].message.en.startswith(
        "The Norwegian nav titles are the nav in mkdocs.yml, so this file must not have a "
        "`nav:` group."
    )


def test_a_word_written_twice_in_english(tmp_path) -> None:
    found = _words(tmp_path, en=EN + "related: Again\n")
    assert [f.message.en for f in found] == ["`related` appears twice: here and on line 2."]
