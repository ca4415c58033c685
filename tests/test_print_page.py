"""The print page's HTML (handbook.print_page): each page's HTML rewritten to stand beside
the others, the contents, and the title page. The built print page and its PDF are tested
in tests/browser/test_print.py."""

from __future__ import annotations

import re

from handbook.print_page import Cover, Entry, Place, Section, body, rebase

SITE = "https://example.github.io/handbok/"
PAGES = {"": "start", "prioriteringer/po3/": "po3", "om/kilder/": "kilder"}


def _rebase(html: str, url: str = "prioriteringer/po3/", print_url: str = "utskrift/") -> str:
    return rebase(
        html, page=Place(url, PAGES[url]), print_url=print_url, site_url=SITE, sections=PAGES
    )


def test_ids_get_the_page_in_front_and_every_reference_follows() -> None:
    html = (
        '<h2 id="kilder">Kilder</h2><a href="#kilder">here</a>'
        '<label for="x">A</label><input id="x" name="group">'
        '<svg aria-labelledby="t d"><title id="t">T</title><path marker-end="url(#arrow)"/></svg>'
    )
    out = _rebase(html)
    assert '<h3 id="po3--kilder">' in out
    assert 'href="#po3--kilder"' in out
    assert 'for="po3--x"' in out and 'id="po3--x"' in out and 'name="po3--group"' in out
    assert 'aria-labelledby="po3--t po3--d"' in out
    assert 'marker-end="url(#po3--arrow)"' in out
    # A name outside an input is not an id.
    assert 'name="x"' in _rebase('<meta name="x">')


def test_links_to_pages_of_the_print_page_become_links_to_their_sections() -> None:
    out = _rebase(
        '<a href="../../">home</a> <a href="../../om/kilder/#presentasjon-2021">src</a> '
        '<a href="./">self</a> <a href="../../om/kilder/index.html">file</a>'
    )
    assert re.findall(r'href="([^"]*)"', out) == [
        "#start",
        "#kilder--presentasjon-2021",
        "#po3",
        "#kilder",
    ]


def test_other_links_lead_to_the_published_site_or_stay_as_they_are() -> None:
    out = _rebase(
        '<a href="../../en/prioriteringer/po3/">English</a>'
        '<a href="https://www.interreg-oks.eu/">programme</a>'
        '<a href="mailto:post@oslo.kommune.no">mail</a>'
        '<a href="../../assets/a.pdf?x=1#p2">file</a>'
    )
    assert re.findall(r'href="([^"]*)"', out) == [
        SITE + "en/prioriteringer/po3/",
        "https://www.interreg-oks.eu/",
        "mailto:post@oslo.kommune.no",
        SITE + "assets/a.pdf?x=1#p2",
    ]


def test_files_a_page_shows_are_addressed_from_the_print_page() -> None:
    out = _rebase(
        '<img src="../../assets/pic.png" alt="x"><img src="pic.png" alt="y">'
        '<img srcset="../a.png 1x, ../b.png 2x" alt="z">'
        '<img src="data:image/png;base64,AA" alt="">',
        print_url="en/utskrift/",
    )
    assert re.findall(r'src(?:set)?="([^"]*)"', out) == [
        "../../assets/pic.png",
        "../../prioriteringer/po3/pic.png",
        "../../prioriteringer/a.png 1x, ../../prioriteringer/b.png 2x",
        "data:image/png;base64,AA",
    ]


def test_headings_go_one_level_down_and_the_rest_is_kept_as_written() -> None:
    html = (
        '<h1 id="t">T</h1><h5>five</h5><h6>six</h6>'
        '<svg viewBox="0 0 10 10"><path d="M0 0"/></svg>'
        "<p>&amp; &#229; &nbsp;<!-- note --></p><br />"
    )
    out = _rebase(html)
    assert '<h2 id="po3--t">T</h2><h6>five</h6><h6>six</h6>' in out
    # Unchanged tags keep their own spelling (SVG's viewBox), and text its references.
    assert '<svg viewBox="0 0 10 10"><path d="M0 0"/></svg>' in out
    assert "<p>&amp; &#229; &nbsp;<!-- note --></p><br />" in out


def test_what_chromium_tags_badly_is_written_as_it_tags_well() -> None:
    html = (
        '<figure class="pic"><svg aria-hidden="true"><a href="#po-1" tabindex="-1"><rect/>'
        "<text>PO1</text></a></svg><figcaption>Same as the list</figcaption></figure>"
        '<p><a href="#x">kept</a></p>'
    )
    out = _rebase(html)
    # No link inside the hidden picture, whose words a PDF would read aloud as links.
    assert '<svg aria-hidden="true"><rect/><text>PO1</text></svg>' in out
    assert '<div class="pic">' in out and "<p>Same as the list</p></div>" in out
    assert '<p><a href="#po3--x">kept</a></p>' in out


def test_search_index_attributes_are_left_out() -> None:
    out = _rebase('<div data-pagefind-weight="1.41"><span data-pagefind-meta="terms:x" hidden>')
    assert "pagefind" not in out
    assert "<span hidden>" in out


def test_the_body_has_the_title_page_the_contents_and_each_page_in_order() -> None:
    cover = Cover("Håndbok <i>", (("Språk", "Norsk"), ("Laget", "2. desember 2026")), "Innhold")
    contents = (
        Entry("Start", None, (Entry("Hvorfor <b>", "start"),)),
        Entry("Interreg ØKS", None, (Entry("PO3", "po3"),)),
    )
    sections = (
        Section(Place("", "start"), SITE, '<h1 id="hvorfor">Hvorfor</h1>', ""),
        Section(
            Place("prioriteringer/po3/", "po3"),
            SITE + "prioriteringer/po3/",
            '<h1 id="po3">PO3</h1><p><a href="../../">Start</a></p>',
            '<div class="handbook-facts"><a href="../../om/kilder/#x">Kilde</a></div>',
        ),
    )
    html = body(cover, contents, sections, print_url="utskrift/", site_url=SITE)
    # Text from the content is escaped: the title page, the contents and the URLs.
    assert '<h1 id="handbook-print-title">Håndbok &lt;i&gt;</h1>' in html
    assert "Hvorfor &lt;b&gt;" in html
    assert html.index('id="start"') < html.index('id="po3"')
    assert '<section class="handbook-print-page" id="po3">' in html
    assert f'<p class="handbook-print-url">{SITE}prioriteringer/po3/</p>' in html
    # Links between the sections, also in the facts under a page; "kilder" is not in
    # this print page, so its link leads to the site.
    assert '<a href="#start">Start</a>' in html
    assert f'href="{SITE}om/kilder/#x"' in html
    nested = re.search(r"<nav[^>]*>(.*)</nav>", html, re.S).group(1)
    assert (
        '<li>Start<ol><li class="handbook-print-contents__page"><a href="#start">Hvorfor &lt;b&gt;'
        '</a><span class="handbook-print-contents__number"></span></li></ol></li>'
    ) in nested
