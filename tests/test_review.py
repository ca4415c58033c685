"""Review dates: `last_reviewed` + `review_in` give the day a page's facts are due for a
new check. HB015 reports missing or wrong dates and warns when a page is overdue; `python
-m handbook review` lists what is due; the build shows the dates and the notice."""

from __future__ import annotations

from datetime import date

import pytest

from handbook.cli import main
from handbook.config import load_config
from handbook.facts import page_facts
from handbook.model import load_graph
from handbook.review import Review, add_interval, parse_interval, today

from handbook_fixtures import (
    MINIMAL,
    findings_of,
    handbook_with_sources,
    replaced,
    where,
    with_sources,
)


def _pages(reviewed: str = "last_reviewed: 2026-12-01\nreview_in: 6 months\n"):
    pages = with_sources(MINIMAL)
    return {
        path: text.replace("last_reviewed: 2026-12-01\nreview_in: 6 months\n", reviewed)
        for path, text in pages.items()
    }


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("6 months", (6, 0)),
        ("1 month", (1, 0)),
        ("12 måneder", (12, 0)),
        ("1 år", (12, 0)),
        ("2 years", (24, 0)),
        ("3 weeks", (0, 21)),
        ("10 dager", (0, 10)),
        (" 6  Months ", (6, 0)),
    ],
)
def test_intervals_read_in_english_and_norwegian(text, interval) -> None:
    assert parse_interval(text) == interval


@pytest.mark.parametrize("text", ["soon", "6", "months", "0 months", "6 fortnights", "99 years"])
def test_other_intervals_are_refused(text) -> None:
    with pytest.raises(ValueError):
        parse_interval(text)


def test_months_are_added_on_the_same_day_or_the_months_last() -> None:
    assert add_interval(date(2026, 12, 2), 6, 0) == date(2027, 6, 2)
    assert add_interval(date(2027, 8, 31), 6, 0) == date(2028, 2, 29)
    assert add_interval(date(2026, 12, 2), 0, 30) == date(2027, 1, 1)


def test_a_page_is_due_a_month_before_and_overdue_after_its_date() -> None:
    review = Review(date(2026, 12, 2), date(2027, 6, 2))
    assert review.status(date(2027, 5, 2)) == "current"
    assert review.status(date(2027, 5, 3)) == "due"
    assert review.status(date(2027, 6, 2)) == "due"
    assert review.status(date(2027, 6, 3)) == "overdue"


def test_today_can_be_fixed_for_tests_and_planning(monkeypatch) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", "2030-01-31")
    assert today() == date(2030, 1, 31)
    monkeypatch.setenv("HANDBOOK_TODAY", "31.01.2030")
    with pytest.raises(ValueError, match="HANDBOOK_TODAY"):
        today()


def test_the_minimal_handbook_with_dates_passes(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-02")
    assert findings_of(handbook_with_sources(tmp_path, pages=_pages()), "review") == []


@pytest.mark.parametrize(
    ("reviewed", "line", "message", "words"),
    [
        (
            "",
            2,
            "Siden sier ikke når faktaene sist ble sjekket.",
            "Legg til `last_reviewed: ÅÅÅÅ-MM-DD`",
        ),
        (
            "last_reviewed: 2026-12-01\n",
            6,
            "Siden sier ikke når faktaene skal sjekkes igjen.",
            "Legg til `review_in: 6 måneder`",
        ),
        (
            "last_reviewed: 01.12.2026\nreview_in: 6 months\n",
            6,
            "`last_reviewed` må være en dato, ikke `01.12.2026`.",
            "ÅÅÅÅ-MM-DD",
        ),
        (
            'last_reviewed: "2026-13-01"\nreview_in: 6 months\n',
            6,
            '`last_reviewed` må være en dato, ikke `"2026-13-01"`.',
            "ÅÅÅÅ-MM-DD",
        ),
        (
            "last_reviewed: 2026-12-01 10:00:00\nreview_in: 6 months\n",
            6,
            "`last_reviewed` må være en dato, ikke `2026-12-01 10:00:00`.",
            "ÅÅÅÅ-MM-DD",
        ),
        (
            "last_reviewed: [2026]\nreview_in: 6 months\n",
            6,
            "`last_reviewed` må være en dato, ikke `[2026]`.",
            "ÅÅÅÅ-MM-DD",
        ),
        (
            "last_reviewed: 2026-12-01\nreview_in: soon\n",
            7,
            "`review_in` må være et tall og en enhet, ikke `soon`.",
            "`review_in: 6 måneder`",
        ),
        (
            "last_reviewed: 2026-12-01\nreview_in: 6\n",
            7,
            "`review_in` må være et tall og en enhet, ikke `6`.",
            "`review_in: 6 måneder`",
        ),
        (
            "last_reviewed: 2026-12-01\nreview_in: yes\n",
            7,
            "`review_in` må være et tall og en enhet, ikke `yes`.",
            "`review_in: 6 måneder`",
        ),
        (
            "last_reviewed: 2026-12-03\nreview_in: 6 months\n",
            6,
            "`last_reviewed` er 2026-12-03, som er etter i dag.",
            "Den kan ikke være i fremtiden.",
        ),
        (
            "last_reviewed: 9999-12-01\nreview_in: 6 months\n",
            6,
            "`last_reviewed` 9999-12-01 pluss `6 months` blir etter år 9999.",
            "`last_reviewed: 2026-12-02`",
        ),
    ],
)
def test_wrong_review_fields_are_errors_on_their_line(
    tmp_path, monkeypatch, reviewed, line, message, words
) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-02")
    pages = _pages()
    pages["mal.md"] = _pages(reviewed)["mal.md"]
    found = findings_of(handbook_with_sources(tmp_path, pages=pages), "review")
    assert where(found) == [("docs/nb/mal.md", line, "HB015")], found
    assert found[0].is_error
    assert found[0].message.nb == message
    assert words in found[0].hint.nb
    for text in (found[0].message, found[0].hint):  # values as written, never as Python has them
        for lang in ("nb", "en"):
            for artefact in ("'", "None", "True", "datetime"):
                assert artefact not in text(lang), text(lang)


def test_a_wrong_review_field_in_english(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-02")
    pages = _pages()
    pages["mal.md"] = _pages("last_reviewed: 01.12.2026\nreview_in: 6 months\n")["mal.md"]
    found = findings_of(handbook_with_sources(tmp_path, pages=pages), "review")
    assert [(f.message.en, f.hint.en) for f in found] == [
        (
            "`last_reviewed` must be a date, not `01.12.2026`.",
            "Write the day as YYYY-MM-DD, for example `last_reviewed: 2026-12-02`.",
        )
    ]


def test_an_overdue_page_is_a_warning_that_says_what_to_do(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", "2027-06-01")
    assert findings_of(handbook_with_sources(tmp_path, pages=_pages()), "review") == []
    monkeypatch.setenv("HANDBOOK_TODAY", "2027-06-02")
    found = findings_of(tmp_path / "mkdocs.yml", "review")
    assert len(found) == len(MINIMAL) and not any(f.is_error for f in found)
    assert found[0].message.nb == "Faktaene skulle vært sjekket på nytt 2027-06-01."
    assert found[0].message.en == "The facts were due for a new check on 2027-06-01."
    assert "`python -m handbook review` viser alle sider som skal sjekkes." in found[0].hint.nb
    # The date to write is today's, the day the facts are checked.
    assert found[0].hint.nb.startswith(
        "Sjekk siden mot kildene, og sett så `last_reviewed` til datoen du sjekket, for "
        "eksempel `last_reviewed: 2027-06-02`."
    )
    assert "for example `last_reviewed: 2027-06-02`" in found[0].hint.en


def test_review_lists_due_pages_and_fails_only_when_one_is_overdue(
    tmp_path, monkeypatch, capsys
) -> None:
    pages = _pages()
    pages["vm.md"] = replaced(pages["vm.md"], "review_in: 6 months", "review_in: 12 months")
    handbook_with_sources(tmp_path, pages=pages)
    monkeypatch.setenv("HANDBOOK_TODAY", "2027-01-01")
    assert main(["review", str(tmp_path)]) == 0
    assert capsys.readouterr().out == ""
    monkeypatch.setenv("HANDBOOK_TODAY", "2027-05-15")
    assert main(["review", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(MINIMAL) - 1
    assert lines[0] == (
        "docs/nb/index.md:6: skal sjekkes innen 2027-06-01 (sist sjekket 2026-12-01)"
    )
    monkeypatch.setenv("HANDBOOK_TODAY", "2027-06-02")
    assert main(["review", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == (
        "docs/nb/index.md:6: forfalt 2027-06-01 (sist sjekket 2026-12-01)"
    )
    assert "docs/nb/vm.md" not in out
    assert "5 sider skal sjekkes eller er forfalt (5 forfalt) per 2027-06-02" in err
    assert main(["review", "--lang", "en", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == (
        "docs/nb/index.md:6: overdue since 2027-06-01 (last reviewed 2026-12-01)"
    )
    assert "5 pages due or overdue (5 overdue) as of 2027-06-02" in err


def test_review_names_a_page_without_dates_and_a_bad_today(tmp_path, monkeypatch, capsys) -> None:
    pages = _pages()
    pages["mal.md"] = _pages("")["mal.md"]
    handbook_with_sources(tmp_path, pages=pages)
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-02")
    assert main(["review", str(tmp_path)]) == 1
    assert capsys.readouterr().out.startswith(
        "docs/nb/mal.md:2: Siden sier ikke når faktaene sist ble sjekket.\n"
    )
    monkeypatch.setenv("HANDBOOK_TODAY", "tomorrow")
    assert main(["review", str(tmp_path)]) == 2
    assert "HANDBOOK_TODAY='tomorrow' is not a date" in capsys.readouterr().err
    assert main(["check", str(tmp_path)]) == 2  # a usage error, not a traceback
    assert "HANDBOOK_TODAY='tomorrow' is not a date" in capsys.readouterr().err


def test_the_page_shows_its_sources_dates_and_a_notice_when_overdue(tmp_path) -> None:
    graph = load_graph(load_config(handbook_with_sources(tmp_path, pages=_pages())))
    page = graph.page("vm-a")
    current = page_facts(graph, page, date(2027, 6, 1))
    assert '<time datetime="2026-12-01">1. desember 2026</time>' in current.under
    assert 'datetime="2027-06-01">1. juni 2027</time>' in current.under
    # No sources page in this handbook, and the presentation is not online: a plain name.
    assert "<strong>Kilder:</strong> presentasjonen (2021).</p>" in current.under
    assert 'data-review-due="2027-06-01" hidden>' in current.notice
    overdue = page_facts(graph, page, date(2027, 6, 2))
    assert 'data-review-due="2027-06-01">' in overdue.notice
    assert "innen 1. juni 2027" in overdue.notice
