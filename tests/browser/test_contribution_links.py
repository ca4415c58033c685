"""Every page links to its own source file and to the content-correction form."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from conftest import REPO_URL, ROOT


def _pages(site_dir):
    """Every page made from a file in docs/ (the print page is made of all of them)."""
    for path in sorted(site_dir.rglob("index.html")):
        if "assets" not in path.parts and "utskrift" not in path.parts:
            yield path.relative_to(site_dir).as_posix(), path.read_text(encoding="utf-8")


def test_edit_links_point_to_existing_source_files(served_site) -> None:
    checked = 0
    for rel, html in _pages(served_site.site_dir):
        links = re.findall(r'<a href="([^"]+)" class="handbook-edit-link">', html)
        assert len(links) == 1, f"{rel}: {links}"
        prefix = f"{REPO_URL}/edit/main/"
        assert links[0].startswith(prefix), links[0]
        source = links[0][len(prefix) :]
        assert (ROOT / source).is_file(), f"{rel} edits {source}, which does not exist"
        expected_lang = "en" if rel.startswith("en/") else "nb"
        assert source.startswith(f"docs/{expected_lang}/"), f"{rel} -> {source}"
        checked += 1
    assert checked == 2 * len(list((ROOT / "docs" / "nb").rglob("*.md")))


def test_report_links_prefill_the_correction_form(served_site) -> None:
    html = (served_site.site_dir / "en/prioriteringer/po3/index.html").read_text(encoding="utf-8")
    href = re.search(r'<a href="([^"]+)" class="handbook-report-link">([^<]+)</a>', html)
    assert href and href.group(2) == "Report an error on this page"
    url = urlsplit(href.group(1).replace("&amp;", "&"))
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO_URL}/issues/new"
    query = parse_qs(url.query)
    assert query["template"] == ["content-correction.yml"]
    assert query["page"] == [served_site.url("en/prioriteringer/po3/")]
    assert "PO3" in query["title"][0]
    form = ROOT / ".github" / "ISSUE_TEMPLATE" / "content-correction.yml"
    assert form.is_file() and re.search(r"id:\s*page\b", form.read_text(encoding="utf-8"))
    nb = (served_site.site_dir / "prioriteringer/po3/index.html").read_text(encoding="utf-8")
    assert ">Meld fra om en feil på denne siden</a>" in nb
