"""HB010 safe-content: the page's HTML passes the sanitiser unchanged, and each thing it
would remove is reported at the line that brings it in."""

import pytest

from handbook_fixtures import MINIMAL, findings_of, where, write_handbook

# (payload, line of the payload that carries the problem, words the message must have).
# The payload starts on line 12 of mal.md.
UNSAFE = [
    ('<script src="https://example.org/x.js"></script>', 0, "<script>"),
    ("<SCRIPT>alert(1)</SCRIPT>", 0, "<script>"),
    ("<scr<script>ipt>alert(1)</script>", 0, "<script>"),
    ('<iframe src="https://example.org"></iframe>', 0, "<iframe>"),
    ('<object data="x.swf"></object>', 0, "<object>"),
    ('<embed src="x.swf">', 0, "<embed>"),
    ('<img src="x.png" onerror="alert(1)">', 0, "onerror="),
    ('<a href="#" onClick = "steal()">x</a>', 0, "onclick="),
    ('<a href="#" title="a>b" onmouseover="steal()">x</a>', 0, "onmouseover="),
    ("<a/onmouseover=alert(1)>x</a>", 0, "onmouseover="),
    ("[klikk](javascript:alert(1))", 0, "javascript:"),
    ('<a href="JavaScript:alert(1)">x</a>', 0, "javascript:"),
    ('<a href="&#106;avascript:alert(1)">x</a>', 0, "javascript:"),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', 0, "javascript:"),
    ("[klikk](&#106;avascript:alert&#40;1&#41;)", 0, "javascript:"),
    ("[klikk][ref]\n\nMer tekst.\n\n[ref]: javascript:alert(1)", 4, "javascript:"),
    ("[klikk](data:text/html;base64,PHNjcmlwdD4=)", 0, "data:"),
    ('Et avsnitt.\n{: onclick="alert(1)" }', 1, "onclick="),
    ("## Overskrift {: onmouseover=alert(1) }", 0, "onmouseover="),
    ("[lenke](https://example.org){: onclick=alert(1) }", 0, "onclick="),
    ("Kode som ikke er kode: `<img src=x onerror=alert(1)>", 0, "onerror="),
    ('<meta http-equiv="refresh" content="0; url=https://example.org">', 0, "<meta>"),
    ('<form action="https://example.org/steal"><input name="pw"></form>', 0, "<form>"),
    ("<style>body { display: none }</style>", 0, "<style>"),
    ('<link rel="stylesheet" href="https://example.org/x.css">', 0, "<link>"),
    ('<base href="https://example.org/">', 0, "<base>"),
    ('<p style="display:none">Skjult</p>', 0, "style"),
    ("![logo](https://example.org/track.png)", 0, "example.org"),
    ('<img src="//example.org/track.png">', 0, "example.org"),
    ("<svg><script>alert(1)</script></svg>", 0, "<svg>"),
    ("[gammel](http://example.org)", 0, "http://"),
    ('<div markdown>\n<span data-x="1">tekst</span>\n</div>', 1, "data-x="),
    ('<p id="__config">{"base": "https://example.org"}</p>', 0, "__config"),
    ("## Søk {: #__search }", 0, "__search"),
]


@pytest.mark.parametrize(("payload", "offset", "words"), UNSAFE, ids=[u[0][:40] for u in UNSAFE])
def test_unsafe_markup_is_reported_at_its_line(tmp_path, payload, offset, words):
    pages = dict(MINIMAL)
    pages["mal.md"] += f"\nTekst.\n\n{payload}\n\nSiste avsnitt.\n"
    found = findings_of(write_handbook(tmp_path, pages), "safe-content")
    assert {(path, line, code) for path, line, code in where(found)} == {
        ("docs/nb/mal.md", 12 + offset, "HB010")
    }
    # The words are the same in both languages: a tag, an attribute, an address.
    for lang in ("nb", "en"):
        messages = [f.message(lang) for f in found]
        assert any(words.lower() in message.lower() for message in messages), messages
    assert all(f.hint for f in found)


def test_two_problems_on_one_page_get_their_own_lines(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] += "\n<b onclick=a()>x</b>\n\nTekst.\n\n<b onclick=a()>y</b>\n"
    found = findings_of(write_handbook(tmp_path, pages), "safe-content")
    assert where(found) == [("docs/nb/mal.md", 10, "HB010"), ("docs/nb/mal.md", 14, "HB010")]


def test_what_the_handbook_writes_is_fine(tmp_path):
    pages = dict(MINIMAL)
    pages["mal.md"] += (
        "\nOrdet javascript er greit, og det er on=off også.\n\n"
        "```html\n<script>alert(1)</script>\n```\n\nSkriv aldri `<iframe>` i en side.\n\n"
        'Svensk: <span lang="sv">specifikt mål</span>. [EUR-Lex](https://eur-lex.europa.eu/).'
        " [E-post](mailto:post@example.org). ![Logo](logo.png)\n\n"
        "| A | B |\n|:--|--:|\n| 1 | 2 |\n\n"
        '!!! note "Merk"\n    Tekst[^1].\n\n[^1]: Fotnote.\n\n'
        '=== "Norsk"\n    Hei\n=== "Svensk"\n    Hej\n\n'
        '??? tip "Mer"\n    Detaljer\n\n'
        "Begrep\n:   Forklaring\n\n## Seksjon {: #egen .klasse lang=en }\n"
    )
    assert findings_of(write_handbook(tmp_path, pages), "safe-content") == []


def test_the_fixtures_render_with_the_real_handbooks_extensions(tmp_path):
    """The rule tests above see the HTML the real build makes."""
    from handbook.config import load_config

    from helpers import ROOT

    real = load_config(ROOT / "mkdocs.yml").markdown
    fixture = load_config(write_handbook(tmp_path)).markdown
    assert (fixture.extensions, fixture.options) == (real.extensions, real.options)


def test_a_page_full_of_problems_gets_ten_places_and_a_count(tmp_path):
    """Placing a problem renders the page a few times; a hostile page has thousands."""
    pages = dict(MINIMAL)
    pages["mal.md"] += "".join(f"\n<b onclick=a{n}()>x</b>\n" for n in range(300))
    found = findings_of(write_handbook(tmp_path, pages), "safe-content")
    assert [f.line for f in found] == [10 + 2 * n for n in range(10)]
    assert found[-1].message.nb == (
        "Hendelsesattributtet onclick= på <b> kjører skript. "
        "Siden har også 290 andre ting som nettstedet ikke publiserer."
    )
    assert found[-1].message.en == (
        "The event handler onclick= on <b> runs a script. "
        "The page also has 290 more things the site does not publish."
    )


def test_names_are_placed_where_written_and_addresses_by_rendering(monkeypatch):
    from handbook import page_html
    from handbook.config import MarkdownSettings

    render = page_html.renderer(MarkdownSettings())
    body = "Tekst.\n\n[a](jav&#x09;ascript:x)\n\n<b onclick=x()>b</b>\n\n`<i onclick=y>` i kode\n"
    located = page_html.located_problems(body, render)
    assert [(p.message.nb, line) for p, line in located] == [
        ("Lenken går til en javascript:-adresse, og det er ikke tillatt.", 2),
        ("Hendelsesattributtet onclick= på <b> kjører skript.", 4),
    ]
    assert [p.hint.en for p, _ in located] == [
        "Link to https:// addresses, mailto: or pages of the handbook.",
        "Remove it: pages may not run scripts.",
    ]
    # A page that takes too long to render is placed at its first line instead.
    monkeypatch.setattr(page_html, "RENDER_BUDGET", 10)
    located = page_html.located_problems(body, render)
    assert [line for _, line in located] == [0, 4]


def test_each_kind_of_problem_says_what_to_do_in_both_languages(tmp_path):
    """Whole sentences in both languages, values as written (no Python quotes or lists)."""
    payloads = (
        "<script>alert(1)</script>",
        '<iframe src="https://example.org"></iframe>',
        '<form action="https://example.org"><input name="x"></form>',
        '<meta http-equiv="refresh" content="0">',
        "<svg><rect/></svg>",
        "<marquee>x</marquee>",
        '<b onclick="x()">x</b>',
        '<p style="color: red">x</p>',
        '<p id="__config">x</p>',
        '<span data-x="1">x</span>',
        "[a](http://example.org)",
        '<a href="//example.org/x">x</a>',
        "[a](javascript:x)",
        '<img src="https://example.org/x.png">',
    )
    pages = dict(MINIMAL)  # ten problems are placed a page: half on each of two pages
    pages["mal.md"] += "".join(f"\n{payload}\n" for payload in payloads[:7])
    pages["vm.md"] += "".join(f"\n{payload}\n" for payload in payloads[7:])
    found = findings_of(write_handbook(tmp_path, pages), "safe-content")
    assert len(found) == 15, [f.message.en for f in found]
    for finding in found:
        for text in (finding.message, finding.hint):
            for lang in ("nb", "en"):
                said = text(lang)
                assert said[:1].isupper() and said.endswith((".", ")`.", "`")), said
                for artefact in ("['", "{'", "None", "True", "False", "'__config'"):
                    assert artefact not in said, said
    messages = {f.message.nb for f in found}
    assert 'Navnet `id="__config"` på <p> brukes av temaet til nettstedet.' in messages
    assert "Lenken til example.org bruker http://." in messages
    assert "Lenken mangler https: foran //example.org." in messages
    assert "Attributtet src= på <img> henter noe fra et annet nettsted (example.org)." in messages
