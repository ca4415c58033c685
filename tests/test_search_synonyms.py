"""HB018 search-synonyms, and the data the search script gets from the files
(handbook/search_synonyms.py): each line is true of the pages, or the check says which
line and why."""

from __future__ import annotations

import json

import pytest

from handbook.search_synonyms import Vocabulary, problems_against_pages, read, words_of, write

from handbook_fixtures import findings_of, where
from helpers import ROOT, copy_project

PAGES = [
    "Kollektivtrafikk og ladeinfrastruktur i grenseregionen.",
    "Egenfinansiering er den delen programmet ikke dekker. Trafikk over grensen.",
    "Nøkkelfakta: budsjettet er om lag 140 millioner euro.",
]


def _problems(text: str, lang: str = "nb") -> list[tuple[int, str]]:
    """(line, message) of each problem in a synonyms file with `text`, against PAGES, with
    the message in `lang`."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "includes").mkdir()
        (root / "includes/search-synonyms.nb.yml").write_text(text, encoding="utf-8")
        entries, problems = read(root, "nb")
    problems += problems_against_pages("f.yml", entries, Vocabulary(PAGES))
    return [(p.line, p.message(lang)) for p in problems]


def test_true_lines_pass() -> None:
    text = (
        "synonyms:\n"
        "  kollektivtransport: kollektivtrafikk\n"
        "  hvor mye penger: budsjett\n"  # "budsjett" starts "budsjettet"
        "misspellings:\n"
        "  egenfinansiring: egenfinansiering\n"
    )
    assert _problems(text) == []


@pytest.mark.parametrize(
    ("line", "why"),
    [
        # search finds it
        ("  trafikk: kollektivtrafikk", "`trafikk` står på sider som ikke har `kollektivtrafikk`"),
        ("  elbil: elbiler", "står ikke på noen side"),  # the rewrite would find nothing
        ("  Kollektivtransport: kollektivtrafikk", "ikke skrevet slik søket leser det"),
        ("  kollektivtransport:", "har ikke noe ord etter kolonet"),
        ("  kollektiv <b>transport</b>: kollektivtrafikk", "har HTML-koden `<b>`"),
    ],
)
def test_untrue_lines_are_found_on_their_line(line, why) -> None:
    found = _problems(f"synonyms:\n  hvor mye penger: budsjett\n{line}\n")
    assert [(n, m) for n, m in found if why in m] and all(n == 3 for n, _ in found), found


def test_the_messages_in_english_with_a_hint_that_shows_the_word_written_right(tmp_path) -> None:
    path = tmp_path / "includes/search-synonyms.nb.yml"
    path.parent.mkdir()
    path.write_text("synonyms:\n  Kollektivtransport: kollektivtrafikk\n", encoding="utf-8")
    _, problems = read(tmp_path, "nb")
    assert [(p.line, p.message.en, p.hint.en) for p in problems] == [
        (
            2,
            "`Kollektivtransport` is not written as search reads it.",
            "Write it in lower case, with one space between words and at most 4 words: "
            "`kollektivtransport`.",
        )
    ]
    assert problems[0].hint.nb == (
        "Skriv det med små bokstaver, med ett mellomrom mellom ordene og høyst 4 ord: "
        "`kollektivtransport`."
    )


def test_words_are_shown_as_written_not_as_python() -> None:
    text = (
        "synonyms:\n  trafikk: kollektivtrafikk\n  elbil: elbiler\n  elbil: x\n"
        "  kollektivtransport: buss\n  buss: kollektivtrafikk\n  tom:\nandre:\n  x: y\n"
    )
    for lang in ("nb", "en"):
        found = _problems(text, lang)
        assert len(found) >= 6, found
        for _, message in found:
            assert message[:1] == "`" or message[:1].isupper(), message
            for artefact in ("'", "None", "True", "False"):
                assert artefact not in message, message


def test_a_rewritten_word_is_not_rewritten_again() -> None:
    text = "synonyms:\n  kollektivtransport: buss\n  buss: kollektivtrafikk\n"
    messages = [m for _, m in _problems(text)]
    assert any(
        "`buss`, etter kolonet for `kollektivtransport`, blir selv skrevet om" in m
        for m in messages
    ), messages


def test_a_word_twice_and_an_unknown_group() -> None:
    text = (
        "synonyms:\n  elbil: ladeinfrastruktur\n"
        "misspellings:\n  elbil: ladeinfrastruktur\n"
        "andre:\n  x: y\n"
    )
    found = _problems(text)
    assert (4, "`elbil` står to ganger i filen, også på linje 2.") in found
    assert (5, "Filen har ingen gruppe som heter `andre:`.") in found, found


def test_a_word_on_the_pages_may_be_rewritten_when_nothing_is_lost() -> None:
    """ "ÖKS" is on the glossary page, which says "ØKS" too: rewriting loses no page."""
    vocabulary = Vocabulary(["ØKS / ÖKS står for Øresund", "Interreg ØKS"])
    from handbook.search_synonyms import Entry

    assert problems_against_pages("f", [Entry("öks", "øks", "synonyms", 2)], vocabulary) == []


def test_words_are_read_as_search_reads_them() -> None:
    assert words_of("TEN-T og Öresund-Kattegat, 2021\u20132027.") == [
        "ten-t",
        "og",
        "öresund-kattegat",
        "2021",
        "2027",
    ]


def test_the_handbooks_files_pass() -> None:
    assert findings_of(ROOT / "mkdocs.yml", "search-synonyms") == []


def test_the_check_names_the_file_and_line(tmp_path) -> None:
    copy_project(tmp_path, ("docs", "mkdocs.yml", "includes"))
    path = tmp_path / "includes/search-synonyms.en.yml"
    text = path.read_text(encoding="utf-8").replace(
        "synonyms:\n", "synonyms:\n  port: harbour\n", 1
    )
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  port: harbour") + 1
    found = findings_of(tmp_path / "mkdocs.yml", "search-synonyms")
    assert ("includes/search-synonyms.en.yml", line, "HB018") in where(found)


def test_the_build_writes_what_the_search_script_reads(built_site) -> None:
    data = json.loads((built_site.site_dir / "search/words.nb.json").read_text("utf-8"))
    assert data["rewrite"]["kollektivtransport"] == "kollektivtrafikk"
    assert "prioriteringer" in data["words"] and all(len(w) >= 3 for w in data["words"])
    assert (
        "ten-t" not in data["words"]
        and "efficient"
        in json.loads((built_site.site_dir / "search/words.en.json").read_text("utf-8"))["words"]
    )  # a hyphenated word's parts, as search indexes them
    english = json.loads((built_site.site_dir / "search/words.en.json").read_text("utf-8"))
    assert "harbour" in english["rewrite"] and "prioriteringer" not in english["words"]


def test_no_file_is_no_rewrite(tmp_path) -> None:
    write(tmp_path, tmp_path, [], ["nb"])
    assert json.loads((tmp_path / "search/words.nb.json").read_text("utf-8")) == {
        "rewrite": {},
        "words": [],
    }
