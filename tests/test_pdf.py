"""The PDF step's own rules (handbook.pdf) and a build without PDFs. Printing real PDFs is
tested in tests/browser/test_print.py."""

from __future__ import annotations

import re

import pytest

from handbook import pdf

from helpers import built_page


def test_the_file_name_is_the_handbooks_title_in_plain_letters() -> None:
    assert pdf.file_name("Internasjonalt arbeid i Oslo kommune") == (
        "internasjonalt-arbeid-i-oslo-kommune.pdf"
    )
    assert pdf.file_name("The City of Oslo's international work") == (
        "the-city-of-oslos-international-work.pdf"
    )
    assert pdf.file_name("Ærlig «Øresund» \u2013 Åbo!") == "aerlig-oresund-abo.pdf"
    assert pdf.file_name("<>/..") == "handbook.pdf"


@pytest.mark.parametrize(
    ("size", "separator", "shown"),
    [
        (1_664_078, ",", "1,7 MB"),
        (1_049_999, ".", "1.0 MB"),
        (850_400, ",", "850 kB"),
        (12, ".", "1 kB"),
    ],
)
def test_sizes_are_written_as_readers_read_them(size, separator, shown) -> None:
    assert pdf.size_text(size, separator) == shown


@pytest.mark.parametrize(
    ("value", "wanted"), [("", True), ("on", True), ("off", False), ("0", False)]
)
def test_pdfs_are_made_unless_switched_off(monkeypatch, value, wanted) -> None:
    monkeypatch.setenv(pdf.SWITCH_VARIABLE, value)
    assert pdf.wanted() is wanted


def test_without_a_chromium_the_error_says_what_to_do(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(pdf, "find_chromium", lambda: None)
    with pytest.raises(pdf.PdfError, match=r"apt-get install chromium.*HANDBOOK_PDF=off"):
        pdf.make(tmp_path, [pdf.Job("utskrift/", tmp_path / "x.pdf")])


def test_a_browser_that_does_not_start_is_a_clear_error(tmp_path) -> None:
    not_a_browser = tmp_path / "chromium"
    not_a_browser.write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    not_a_browser.chmod(0o755)
    with pytest.raises(pdf.PdfError, match=r"^Chromium \(.*\) could not print the PDFs: "):
        pdf.make(tmp_path, [pdf.Job("utskrift/", tmp_path / "x.pdf")], str(not_a_browser))
    assert not (tmp_path / "x.pdf").exists()


def test_a_build_without_pdfs_links_to_the_print_page_only(built_site) -> None:
    """The shared build is made with HANDBOOK_PDF=off (tests/helpers.py), as `make serve`
    makes none: no link may lead to a PDF that is not there."""
    html = built_page(built_site.site_dir, "interreg-oks/nokkelfakta.md").read_text("utf-8")
    links = re.search(r'<p class="handbook-print-links[^"]*">(.*?)</p>', html, re.S).group(1)
    assert re.findall(r'href="([^"]+)"', links) == ["../../utskrift/"]
    assert ".pdf" not in html and "HANDBOOK-PDF-SIZE" not in html
    assert not list(built_site.site_dir.rglob("*.pdf"))
    printed = (built_site.site_dir / "utskrift" / "index.html").read_text("utf-8")
    assert "handbook-print-download" in printed and ".pdf" not in printed
