"""HB012 files: docs/ holds pages, images and the site's own assets, no links (symlinks), and
no SVG image that runs, loads or links anything; the build leaves out what the rule rejects.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from handbook.inventory import check_svg, take_inventory

from handbook_fixtures import findings_of, graph_of, where, write_handbook
from helpers import copy_project, strict_build

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'

# What a drawing program writes: editor namespaces, metadata, gradients referenced by
# xlink:href and url(#id), a clip path, a filter, text with a style, and aria/data attributes.
CLEAN_SVG = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    "<!-- Laget i Inkscape -->\n"
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"\n'
    '     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"\n'
    '     xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"\n'
    '     xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"\n'
    '     xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
    '     viewBox="0 0 100 100" width="100" height="100" role="img" aria-labelledby="t">\n'
    '  <title id="t">Kart</title>\n'
    "  <desc>Et kart over regionen.</desc>\n"
    '  <sodipodi:namedview id="nv" inkscape:zoom="1"/>\n'
    "  <metadata><rdf:RDF><dc:title>Kart</dc:title></rdf:RDF></metadata>\n"
    "  <defs>\n"
    '    <linearGradient id="g1"><stop offset="0" stop-color="#2a2859"/></linearGradient>\n'
    '    <linearGradient id="g2" xlink:href="#g1" gradientUnits="userSpaceOnUse"/>\n'
    '    <clipPath id="c"><rect width="50" height="50"/></clipPath>\n'
    '    <filter id="f"><feGaussianBlur stdDeviation="2" in="SourceGraphic"/></filter>\n'
    '    <symbol id="s"><circle cx="5" cy="5" r="5"/></symbol>\n'
    "  </defs>\n"
    '  <g inkscape:label="Lag 1" clip-path="url(#c)" data-name="lag">\n'
    '    <path d="M0 0L100 100" style="fill:url(#g2);stroke:#000" filter="url( \'#f\' )"/>\n'
    '    <use href="#s" x="10" y="10"/>\n'
    '    <text x="10" y="90" xml:space="preserve" font-family="Oslo Sans">Oslo</text>\n'
    "  </g>\n"
    "</svg>\n"
)


def _handbook(tmp_path: Path) -> Path:
    """MINIMAL in Norwegian and English (no English pages: this rule does not mind)."""
    config = write_handbook(tmp_path, languages=("nb", "en"))
    (tmp_path / "docs" / "en").mkdir(exist_ok=True)
    return config


def _write(root: Path, path: str, content: str | bytes = "x") -> Path:
    target = root / "docs" / path
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    return target


def _files(config: Path):
    return findings_of(config, "files")


def test_pages_images_and_the_sites_assets_pass(tmp_path):
    config = _handbook(tmp_path)
    for path in (
        "nb/bilder/kart.png",
        "nb/bilder/Foto.JPG",
        "en/images/chart.webp",
        "nb/kart.svg",
        "assets/stylesheets/theme.css",
        "assets/javascripts/site.js",
        "assets/oslo/favicon.png",
        "assets/oslo/LICENSE",
        "assets/oslo/SOURCE.txt",
        "assets/oslo/fonts/OsloSans-Regular.woff2",
        "assets/logo.svg",
    ):
        _write(tmp_path, path, CLEAN_SVG if path.endswith(".svg") else "x")
    assert _files(config) == []
    assert check_svg(str(tmp_path / "docs/nb/kart.svg")) == []


def test_the_real_docs_tree_passes():
    """docs/ as it is: every page, image, font, style sheet and script is where it belongs."""
    from helpers import ROOT

    assert _files(ROOT / "mkdocs.yml") == []


# --- links (symlinks) ----------------------------------------------------------------------


def test_symlinked_page_is_reported_and_never_read(tmp_path):
    config = _handbook(tmp_path)
    (tmp_path / "docs/nb/x.md").symlink_to("/etc/hostname")
    graph = graph_of(config)
    assert where(_files(config)) == [("docs/nb/x.md", 1, "HB012")]
    found = _files(config)[0]
    assert found.message.nb.startswith("Dette er en symbolsk lenke (symlink)")
    assert found.hint.nb == "Slett lenken, og kopier inn filen (eller filene i mappen) i stedet."
    assert found.message.en.startswith("This is a symbolic link (symlink)")
    assert found.hint.en == "Remove the link, and copy the file (or the folder's files) in instead."
    assert graph.page_at("nb", "x.md") is None  # the model did not read it
    assert "nb/x.md" not in graph.files.published


def test_symlinked_folder_is_reported_once_and_not_entered(tmp_path):
    config = _handbook(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "hemmelig.md").write_text("---\nid: hemmelig\n---\n# Hemmelig\n", "utf-8")
    (tmp_path / "docs/nb/mappe").symlink_to(outside, target_is_directory=True)
    (tmp_path / "docs/en/etc").symlink_to("/etc", target_is_directory=True)
    graph = graph_of(config)
    assert where(_files(config)) == [
        ("docs/en/etc", 1, "HB012"),
        ("docs/nb/mappe", 1, "HB012"),
    ]
    assert graph.page_at("nb", "mappe/hemmelig.md") is None
    assert not any(path.startswith(("nb/mappe", "en/etc")) for path in graph.files.published)


def test_symlinked_language_folder_is_not_read(tmp_path):
    config = _handbook(tmp_path)
    shutil.rmtree(tmp_path / "docs/en")
    (tmp_path / "docs/en").symlink_to(tmp_path / "docs/nb", target_is_directory=True)
    graph = graph_of(config)
    assert where(_files(config)) == [("docs/en", 1, "HB012")]
    assert graph.by_language["en"] == []


def test_a_pipe_is_reported_without_being_opened(tmp_path):
    config = _handbook(tmp_path)
    os.mkfifo(tmp_path / "docs/nb/kart.svg")  # opening it for reading would wait forever
    assert where(_files(config)) == [("docs/nb/kart.svg", 1, "HB012")]
    assert "verken en fil eller en mappe, men en pipe" in _files(config)[0].message.nb


# --- where files belong --------------------------------------------------------------------


def test_html_in_a_language_folder(tmp_path):
    config = _handbook(tmp_path)
    _write(tmp_path, "nb/side.html", "<h1>Side</h1><script>alert(1)</script>\n")
    found = _files(config)
    assert where(found) == [("docs/nb/side.html", 1, "HB012")]
    assert found[0].message.nb.startswith("En .html-fil publiseres som den er")
    assert "Skriv siden som en .md-fil i stedet" in found[0].hint.nb


def test_other_markdown_extensions_are_to_be_renamed(tmp_path):
    config = _handbook(tmp_path)
    _write(tmp_path, "en/a.markdown", "# A\n")
    _write(tmp_path, "nb/b.mkd", "# B\n")
    _write(tmp_path, "nb/C.MD", "# C\n")
    found = _files(config)
    assert where(found) == [
        ("docs/en/a.markdown", 1, "HB012"),
        ("docs/nb/C.MD", 1, "HB012"),
        ("docs/nb/b.mkd", 1, "HB012"),
    ]
    assert [f.hint.nb for f in found] == [
        "Gi filen navnet `a.md`.",
        "Gi filen navnet `C.md`.",
        "Gi filen navnet `b.md`.",
    ]
    assert found[1].message.nb.startswith("En side må slutte på .md, ikke på .MD.")
    assert found[0].hint.en == "Rename it to `a.md`."


@pytest.mark.parametrize(
    "name", ["skript.js", "modul.mjs", "stil.css", "side.htm", "side.xhtml", "x.php", "y.svgz"]
)
def test_active_files_in_a_language_folder(tmp_path, name):
    config = _handbook(tmp_path)
    _write(tmp_path, f"nb/undermappe/{name}")
    assert where(_files(config)) == [(f"docs/nb/undermappe/{name}", 1, "HB012")]


def test_any_other_file_in_a_language_folder(tmp_path):
    config = _handbook(tmp_path)
    _write(tmp_path, "nb/rapport.pdf")
    _write(tmp_path, "en/.DS_Store")
    found = _files(config)
    assert where(found) == [
        ("docs/en/.DS_Store", 1, "HB012"),
        ("docs/nb/rapport.pdf", 1, "HB012"),
    ]
    assert found[1].message.nb == (
        "Bare sider (.md) og bilder (avif, gif, jpeg, jpg, png, svg og webp) hører hjemme i "
        "`docs/nb/`."
    )
    assert "Bilder ligger i de samme mappene eller i `docs/assets/`." in found[0].hint.nb


def test_file_at_the_top_of_docs(tmp_path):
    config = _handbook(tmp_path)
    _write(tmp_path, "evil.js", "alert(1)\n")
    _write(tmp_path, "index.md", "# Start\n")
    found = _files(config)
    assert where(found) == [("docs/evil.js", 1, "HB012"), ("docs/index.md", 1, "HB012")]
    assert found[0].message.nb == (
        "Filen `docs/evil.js` ligger utenfor mappene nettstedet bygges fra: "
        "`docs/nb/`, `docs/en/` og `docs/assets/`."
    )
    assert found[0].hint.nb == (
        "Sider er .md-filer i `docs/nb/` eller `docs/en/`. Bilder ligger i de samme mappene "
        "eller i `docs/assets/`. Flytt den dit, eller slett den."
    )


def test_unknown_folder_at_the_top_is_reported_once(tmp_path):
    config = _handbook(tmp_path)
    _write(tmp_path, "other/readme.md", "# Les meg\n")
    _write(tmp_path, "other/deep/side.html")
    graph = graph_of(config)
    found = _files(config)
    assert where(found) == [("docs/other", 1, "HB012")]
    assert found[0].message.nb.endswith("Ingenting i den publiseres.")
    assert not any(path.startswith("other/") for path in graph.files.published)


def test_language_folder_that_is_a_file(tmp_path):
    config = write_handbook(tmp_path, languages=("nb", "en"))
    _write(tmp_path, "en", "ikke en mappe")
    found = _files(config)
    assert where(found) == [("docs/en", 1, "HB012")]
    assert found[0].message.nb == "`docs/en` må være en mappe, men er en fil."


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("assets/oslo/ekstra.css", "Stilark hører hjemme i `docs/assets/stylesheets/`."),
        ("assets/skript.js", "`docs/assets/javascripts/`"),
        ("assets/javascripts/modul.mjs", "`docs/assets/javascripts/`"),
        ("assets/javascripts/side.html", "med alle skript den har"),
        ("assets/stylesheets/index.htm", "med alle skript den har"),
        ("assets/side.md", "Sider hører ikke hjemme i `docs/assets/`."),
        ("assets/oslo/arkiv.zip", "skrifter (.woff og .woff2)"),
    ],
)
def test_assets_hold_only_what_the_site_owns(tmp_path, path, expected):
    config = _handbook(tmp_path)
    _write(tmp_path, path)
    found = _files(config)
    assert where(found) == [(f"docs/{path}", 1, "HB012")]
    assert expected in found[0].message.nb


# --- SVG -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "line", "expected"),
    [
        ("<rect/>\n<script>alert(1)</script>\n", 3, "<script> element"),
        ('<rect/>\n<circle r="1" onload="alert(1)"/>\n', 3, "event handler attribute onload="),
        ('<g>\n<rect ONCLICK="x()"/>\n</g>\n', 3, "event handler attribute ONCLICK="),
        (
            '<rect/>\n<use xlink:href="javascript:alert(1)"/>\n',
            3,
            'xlink:href="javascript:alert(1)"',
        ),
        ('<use href="other.svg#x"/>\n', 2, 'href="other.svg#x"'),
        (
            '<foreignObject>\n<div xmlns="http://www.w3.org/1999/xhtml">'
            "<script>x()</script></div>\n</foreignObject>\n",
            2,
            "<foreignObject> element",
        ),
        ("<style>rect { fill: url(https://example.org/t.png) }</style>\n", 2, "<style> element"),
        ('<a href="https://example.org"><text>x</text></a>\n', 2, "<a> element"),
        ('<image href="data:image/png;base64,AAAA"/>\n', 2, "<image> element"),
        ('<set attributeName="href" to="javascript:x()"/>\n', 2, "<set> element"),
        ('<rect fill="url(https://example.org/track)"/>\n', 2, "points outside the image"),
        ("<rect style=\"fill: URL( '//example.org/t' )\"/>\n", 2, "points outside the image"),
        ('<rect style="fill: \\75 rl(//example.org/t)"/>\n', 2, "backslash"),
        ('<rect xml:base="https://example.org/"/>\n', 2, "attribute base="),
        (
            '<metadata><h:script xmlns:h="http://www.w3.org/1999/xhtml">x()</h:script>'
            "</metadata>\n",
            2,
            "<script> element is from another language",
        ),
        ('<?xml-stylesheet href="https://example.org/x.xsl"?>\n<rect/>\n', 2, "processing"),
    ],
)
def test_svg_that_runs_loads_or_links_something(tmp_path, body, line, expected):
    config = _handbook(tmp_path)
    _write(tmp_path, "nb/bilde.svg", SVG_OPEN + body + "</svg>\n")
    found = _files(config)
    assert where(found) == [("docs/nb/bilde.svg", line, "HB012")]
    assert expected in found[0].message.en
    assert "or use a PNG image instead" in found[0].hint.en
    assert found[0].message.nb.startswith(
        ("SVG-bildet ", "Elementet ", "Attributtet ", "Hendelsesattributtet ", "Verdien av ")
    )
    assert "eller bruk et PNG-bilde i stedet" in found[0].hint.nb


def test_svg_entity_bomb_stops_at_the_doctype(tmp_path):
    config = _handbook(tmp_path)
    entities = "".join(
        f'  <!ENTITY l{n} "{f"&l{n - 1};" * 10}">\n' for n in range(1, 10)
    )  # l9 would expand to 10**9 copies of "ha"
    bomb = (
        '<?xml version="1.0"?>\n<!DOCTYPE svg [\n  <!ENTITY l0 "ha">\n'
        f"{entities}]>\n"
        '<svg xmlns="http://www.w3.org/2000/svg"><text>&l9;</text></svg>\n'
    )
    _write(tmp_path, "assets/bombe.svg", bomb)
    started = time.perf_counter()
    found = _files(config)
    assert time.perf_counter() - started < 5
    assert where(found) == [("docs/assets/bombe.svg", 2, "HB012")]
    assert found[0].message.nb == (
        "SVG-bildet har en DOCTYPE-deklarasjon, og den kan deklarere entiteter."
    )


def test_unparseable_svg(tmp_path):
    config = _handbook(tmp_path)
    _write(tmp_path, "nb/bilde.svg", SVG_OPEN + "<rect>\n<g></rect>\n</svg>\n")
    _write(tmp_path, "nb/tom.svg", "")
    found = _files(config)
    assert where(found) == [("docs/nb/bilde.svg", 3, "HB012"), ("docs/nb/tom.svg", 1, "HB012")]
    assert found[0].message.nb == (
        "SVG-bildet er ikke gyldig XML: en slutt-tagg passer ikke til taggen som er åpen."
    )
    assert found[0].message.en == "The SVG image is not well-formed XML: mismatched tag."
    assert "filen er tom" in found[1].message.nb
    # Not the shapes an image may hold: the file was saved wrongly or cut short.
    assert found[0].hint.nb == (
        "Lagre bildet på nytt som SVG fra tegneprogrammet, eller bruk et PNG-bilde."
    )
    assert found[0].hint.en == (
        "Save the image again as SVG from the drawing program, or use a PNG image."
    )


def test_svg_without_the_svg_namespace(tmp_path):
    config = _handbook(tmp_path)
    _write(tmp_path, "nb/bilde.svg", "<svg>\n<script>x()</script>\n</svg>\n")
    found = _files(config)
    assert where(found) == [("docs/nb/bilde.svg", 1, "HB012")]
    assert found[0].message.nb == (
        'Elementet <svg> mangler SVG-navnerommet (xmlns="http://www.w3.org/2000/svg").'
    )


def test_messages_show_names_and_values_as_written_not_as_python(tmp_path):
    """What the page has is quoted as it is written: no Python lists, quotes or None."""
    config = _handbook(tmp_path)
    _write(tmp_path, "nb/side.html")
    _write(tmp_path, "nb/b.mkd", "# B\n")
    _write(tmp_path, "rapport.pdf")
    _write(tmp_path, "nb/a.svg", SVG_OPEN + '<use href="other.svg#x"/>\n</svg>\n')
    _write(tmp_path, "nb/b.svg", SVG_OPEN + "<rect style=\"fill: url('//x.org/t')\"/>\n</svg>\n")
    found = _files(config)
    assert len(found) == 5
    for finding in found:
        for text in (finding.message, finding.hint):
            for lang in ("nb", "en"):
                assert text(lang)[:1].isupper() and text(lang).endswith("."), text(lang)
                for artefact in ("['", "{'", "None", "True", "False", "'other.svg"):
                    assert artefact not in text(lang), text(lang)


def test_huge_svg_is_not_parsed(tmp_path):
    config = _handbook(tmp_path)
    _write(tmp_path, "nb/stor.svg", SVG_OPEN + "<rect/>\n" * 200_000 + "</svg>\n")
    found = _files(config)
    assert where(found) == [("docs/nb/stor.svg", 1, "HB012")]
    assert found[0].message.nb == "SVG-bildet er større enn 1 MB."


def test_many_problems_in_one_svg_are_capped(tmp_path):
    config = _handbook(tmp_path)
    _write(tmp_path, "nb/bilde.svg", SVG_OPEN + '<rect onclick="x()"/>\n' * 100 + "</svg>\n")
    assert len(_files(config)) == 10


def test_an_svg_where_it_does_not_belong_is_reported_once(tmp_path):
    config = _handbook(tmp_path)
    _write(tmp_path, "bilde.svg", SVG_OPEN + "<script>x()</script>\n</svg>\n")
    assert where(_files(config)) == [("docs/bilde.svg", 1, "HB012")]


# --- what the build publishes --------------------------------------------------------------


def test_published_is_exactly_the_accepted_files(tmp_path):
    _handbook(tmp_path)
    _write(tmp_path, "nb/bilde.png")
    _write(tmp_path, "nb/side.html")
    _write(tmp_path, "nb/bilde.svg", SVG_OPEN + "<script>x()</script>\n</svg>\n")
    (tmp_path / "docs/nb/lenke.md").symlink_to("/etc/hostname")
    inventory = take_inventory(tmp_path / "docs", ("nb", "en"))
    assert {"nb/bilde.png", "nb/index.md"} <= inventory.published
    assert not {"nb/side.html", "nb/bilde.svg", "nb/lenke.md"} & inventory.published
    kinds = {entry.path: entry.kind for entry in inventory.entries}
    assert (kinds["nb"], kinds["nb/lenke.md"], kinds["nb/bilde.png"]) == ("folder", "link", "file")


def test_the_build_fails_on_them_and_leaves_them_out_when_not_strict(tmp_path):
    """A copy of the real handbook with every kind of rejected file: the strict build stops
    and names each; a build that is not strict finishes without publishing any of them."""
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    (docs / "nb/x.md").symlink_to("/etc/hostname")
    outside = tmp_path / "outside"  # MkDocs itself walks into a linked folder
    outside.mkdir()
    (outside / "hemmelig.txt").write_text("hemmelig\n", "utf-8")
    (docs / "nb/etc").symlink_to(outside, target_is_directory=True)
    (docs / "nb/side.html").write_text("<script>alert(1)</script>\n", "utf-8")
    (docs / "en/a.markdown").write_text("# A\n", "utf-8")
    (docs / "evil.js").write_text("alert(1)\n", "utf-8")
    (docs / "other").mkdir()
    (docs / "other/readme.md").write_text("# Les meg\n", "utf-8")
    (docs / "assets/bilde.svg").write_text(SVG_OPEN + "<script>x()</script>\n</svg>\n", "utf-8")
    (docs / "nb/kart.svg").write_text(CLEAN_SVG, "utf-8")
    rejected = (
        ("docs/nb/x.md", 1),
        ("docs/nb/etc", 1),
        ("docs/nb/side.html", 1),
        ("docs/en/a.markdown", 1),
        ("docs/evil.js", 1),
        ("docs/other", 1),
        ("docs/assets/bilde.svg", 2),
    )

    strict = strict_build(project, tmp_path / "strict")
    assert strict.returncode != 0
    for path, line in rejected:
        assert f"{path}:{line}: HB012" in strict.stderr

    site = tmp_path / "site"
    lenient = strict_build(project, site, "--no-strict")
    assert lenient.returncode == 0, lenient.stderr
    published = {p.relative_to(site).as_posix() for p in site.rglob("*")}
    for gone in ("x", "side.html", "en/a.markdown", "en/a", "assets/bilde.svg"):
        assert gone not in published
    assert not any(p.startswith(("evil", "other", "etc", "x/")) for p in published)
    assert "kart.svg" in published  # the clean image is published
    assert "assets/javascripts/search.js" in published  # the site's own script
    assert any(p.startswith("assets/javascripts/bundle.") for p in published)  # Material's
    assert "left out of the site" in lenient.stderr
