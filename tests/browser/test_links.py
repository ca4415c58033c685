"""Every link a page makes to the site itself resolves where the site is published.

The fixture serves the site under /handbok/, as GitHub Pages serves a project repository
under /<repo>/, and nothing outside it; a link that assumes the site is at the server's
root, or that adds the path twice, gets a 404 here as it would there.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urldefrag, urlsplit

from conftest import REPO_URL

from searchbox import RESULT_LINKS, search

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"

# Each kind of page in each language, and the 404 page a host shows for an unknown
# address (served for it, so its links must not depend on the address it is shown at).
PAGES = ["", "prioriteringer/po3/", "en/", "en/prioriteringer/po3/", "en/finnes-ikke/side/"]

# Every URL an element of the page names: links, stylesheets, scripts, icons, images.
URLS_IN_PAGE = """() => [...document.querySelectorAll("[href], [src]")].map(
    e => new URL(e.getAttribute("href") ?? e.getAttribute("src"), document.baseURI).href)"""


def _status(page, url: str) -> int:
    """The server's answer to a request for `url`, redirects not followed: a link that
    lands only after a redirect is not the address it names."""
    return page.request.get(url, max_redirects=0).status


def _self_links(urls: list[str], base_url: str) -> set[str]:
    """The URLs on the site's host, without fragments, and the page addresses the
    correction form is given (the report link sends the reader's page to GitHub)."""
    origin = urlsplit(base_url)[:2]
    found = set()
    for url in urls:
        if url.startswith(f"{REPO_URL}/issues/new?"):
            found.update(parse_qs(urlsplit(url).query)["page"])
        elif urlsplit(url)[:2] == origin:
            found.add(urldefrag(url).url)
    return found


def test_every_link_to_the_site_resolves_under_its_path(page, served_site) -> None:
    links: dict[str, str] = {}  # URL -> the page that links to it
    for path in PAGES:
        page.goto(served_site.url(path))
        for url in _self_links(page.evaluate(URLS_IN_PAGE), served_site.base_url):
            links.setdefault(url, path)
    for path, query in [("", "TEN-T"), ("en/prioriteringer/po3/", "ScanMed")]:
        assert search(page, served_site.base_url, path, query)
        results = page.locator(RESULT_LINKS).evaluate_all("els => els.map(e => e.href)")
        for url in _self_links(results, served_site.base_url):
            links.setdefault(url, f"{path} searching {query}")
    # The pages name their canonical address, alternates and language selector absolutely.
    for path in ("", "en/", "prioriteringer/po3/", "en/prioriteringer/po3/"):
        assert served_site.url(path) in links, f"no page links to /{path}"
    assert served_site.url("assets/javascripts/search.js") in links
    outside = sorted(url for url in links if not url.startswith(served_site.base_url))
    assert outside == [], f"links outside {served_site.base_url}: {outside}"
    broken = sorted(f"{url} (on /{links[url]})" for url in links if _status(page, url) != 200)
    assert broken == [], broken


def test_every_sitemap_address_resolves_under_the_sites_path(page, served_site) -> None:
    response = page.request.get(served_site.url("sitemap.xml"), max_redirects=0)
    assert response.status == 200
    urls = ET.fromstring(response.body()).findall(f"{SITEMAP}url")
    assert urls
    addresses = set()
    for url in urls:
        addresses.add(url.find(f"{SITEMAP}loc").text)
        addresses.update(link.get("href") for link in url.findall(f"{XHTML}link"))
    assert served_site.base_url in addresses and served_site.url("en/") in addresses
    outside = sorted(a for a in addresses if not a.startswith(served_site.base_url))
    assert outside == [], outside
    broken = sorted(a for a in addresses if _status(page, a) != 200)
    assert broken == [], broken
