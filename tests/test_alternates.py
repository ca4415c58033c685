"""Hreflang alternates and the language selector are absolute URLs on the published site,
wherever it is published: at a host's root or under a GitHub project's /<repo>/."""

from __future__ import annotations

import pytest

from handbook.mkdocs_hooks import absolute_url

# (site_url, link as mkdocs-static-i18n gives it, absolute URL)
CASES = [
    # The language roots, kept on the home pages: paths that already hold site_url's path.
    ("https://example.github.io/handbok/", "/handbok/", "https://example.github.io/handbok/"),
    ("https://example.github.io/handbok/", "/handbok/en/", "https://example.github.io/handbok/en/"),
    ("https://example.github.io/handbok", "/handbok/en/", "https://example.github.io/handbok/en/"),
    ("https://handbok.example.no/", "/", "https://handbok.example.no/"),
    ("https://handbok.example.no", "/en/", "https://handbok.example.no/en/"),
    # Every other page's alternates: relative to the site.
    (
        "https://example.github.io/handbok/",
        "en/prioriteringer/po3/",
        "https://example.github.io/handbok/en/prioriteringer/po3/",
    ),
    (
        "https://example.github.io/handbok",
        "prioriteringer/po3/",
        "https://example.github.io/handbok/prioriteringer/po3/",
    ),
    ("https://handbok.example.no/", "en/ordliste/", "https://handbok.example.no/en/ordliste/"),
    ("https://handbok.example.no", "ordliste/", "https://handbok.example.no/ordliste/"),
    # Already absolute: left as it is.
    (
        "https://example.github.io/handbok/",
        "https://other.example/en/",
        "https://other.example/en/",
    ),
]


@pytest.mark.parametrize(("site_url", "link", "expected"), CASES)
def test_alternate_links_resolve_on_the_published_site(site_url, link, expected) -> None:
    assert absolute_url(site_url, link) == expected
