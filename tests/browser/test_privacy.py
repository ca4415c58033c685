"""No request leaves the site's own origin: no CDN, no fonts, no analytics (public-sector
privacy; loading Google Fonts from Google was ruled unlawful in Germany in 2022).

The test visits every kind of page in both languages, opens search, types a query and
switches language, recording every request the browser makes.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from searchbox import search

PAGES = [
    "",
    "hovedmal/kunnskap/",
    "virkemidler/samarbeidsbyer/",
    "interreg-oks/",
    "interreg-oks/nokkelfakta/",
    "prioriteringer/po3/",
    "sarskilte-mal/3-2/",
    "mobilitet/prosjekttyper/",
    "sammenhenger/",
    "ordliste/",
    "om/tilgjengelighet/",
]


# One test per language, so parallel test workers share the visits.
@pytest.mark.parametrize(("prefix", "query"), [("", "TEN-T"), ("en/", "ScanMed")], ids=["nb", "en"])
def test_every_request_stays_on_the_site(page, served_site, prefix, query) -> None:
    origin = urlsplit(served_site.base_url)[:2]
    requests: list[str] = []
    failures: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )
    page.on("requestfailed", lambda request: failures.append(f"failed {request.url}"))
    # 404.html: the one page a host shows for every unknown address, in any language.
    for path in [*(prefix + p for p in PAGES), prefix + "404.html"]:
        page.goto(served_site.url(path))
        # Material fetches the language alternates' sitemaps and the search index after
        # `load`; only network idle sees their answers.
        page.wait_for_load_state("networkidle")
    assert search(page, served_site.base_url, prefix, query)
    page.goto(served_site.url(prefix + "prioriteringer/po3/"))
    page.locator(".md-select").first.hover()
    other = "nb" if prefix else "en"
    page.locator(f".md-select__link[hreflang={other}]").click()
    page.wait_for_load_state("networkidle")

    assert len(requests) > len(PAGES)
    foreign = sorted(
        {
            url
            for url in requests
            if not url.startswith(("data:", "blob:")) and urlsplit(url)[:2] != origin
        }
    )
    assert foreign == [], f"requests to other origins: {foreign}"
    # Every request is answered: a 404 (such as Material asking for a sitemap.xml next to
    # each page's language alternates) is an error in the reader's console.
    assert failures == [], failures


def test_built_html_names_no_third_party_resource(served_site) -> None:
    """Belt and braces: no page or stylesheet refers to a font, script or image elsewhere."""
    import re

    pattern = re.compile(
        r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?:)?//(?!127\.0\.0\.1)[^"]+"'
    )
    stylesheet_url = re.compile(r"url\((['\"]?)(https?:)?//")
    for path in served_site.site_dir.rglob("*"):
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            offenders = [
                m.group(0)
                for m in pattern.finditer(text)
                if 'rel="alternate"' not in m.group(0) and 'rel="canonical"' not in m.group(0)
            ]
            assert not offenders, f"{path}: {offenders[:3]}"
        elif path.suffix == ".css":
            assert not stylesheet_url.search(path.read_text(encoding="utf-8")), path
