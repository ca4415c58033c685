"""Every page the handbook promises exists, declares the right id and kind, is in the
navigation and is built.

The table below is the handbook's table of contents as issue #2 and DESIGN.md define it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from helpers import DEFAULT_LANGUAGE, DOCS, ROOT, built_page

# (path under docs/<lang>/, id, kind)
EXPECTED_PAGES: list[tuple[str, str, str]] = [
    ("index.md", "start", "page"),
    ("bruk.md", "bruk", "page"),
    ("hovedmal/index.md", "hovedmal", "page"),
    ("hovedmal/kunnskap.md", "mal-kunnskap", "goal"),
    ("hovedmal/pavirkning.md", "mal-pavirkning", "goal"),
    ("hovedmal/innovasjon.md", "mal-innovasjon", "goal"),
    ("hovedmal/profilering.md", "mal-profilering", "goal"),
    ("virkemidler/index.md", "virkemidler", "page"),
    ("virkemidler/organisasjoner-og-nettverk.md", "vm-nettverk", "instrument"),
    ("virkemidler/eu-eos-prosjekter.md", "vm-eu-eos", "instrument"),
    ("virkemidler/samarbeidsbyer.md", "vm-samarbeidsbyer", "instrument"),
    ("virkemidler/internasjonal-profilering.md", "vm-profilering", "instrument"),
    ("virkemidler/regionalt-samarbeid.md", "vm-regionalt", "instrument"),
    ("interreg-oks/index.md", "interreg-oks", "programme"),
    ("interreg-oks/2014-2020.md", "oks-2014-2020", "page"),
    ("interreg-oks/2021-2027.md", "oks-2021-2027", "page"),
    ("interreg-oks/nokkelfakta.md", "oks-nokkelfakta", "page"),
    ("prioriteringer/index.md", "prioriteringer", "page"),
    ("prioriteringer/po1.md", "po-1", "priority"),
    ("prioriteringer/po2.md", "po-2", "priority"),
    ("prioriteringer/po3.md", "po-3", "priority"),
    ("prioriteringer/po4.md", "po-4", "priority"),
    ("sarskilte-mal/index.md", "sarskilte-mal", "page"),
    ("sarskilte-mal/1-1.md", "so-1-1", "objective"),
    ("sarskilte-mal/1-4.md", "so-1-4", "objective"),
    ("sarskilte-mal/2-2.md", "so-2-2", "objective"),
    ("sarskilte-mal/2-4.md", "so-2-4", "objective"),
    ("sarskilte-mal/2-6.md", "so-2-6", "objective"),
    ("sarskilte-mal/3-2.md", "so-3-2", "objective"),
    ("sarskilte-mal/4-1.md", "so-4-1", "objective"),
    ("mobilitet/dimensjoner.md", "po3-dimensjoner", "page"),
    ("mobilitet/prosjekttyper.md", "po3-prosjekttyper", "page"),
    ("ordliste.md", "ordliste", "page"),
    ("om/kilder.md", "kilder", "page"),
    ("om/bidra.md", "bidra", "page"),
    ("om/tilgjengelighet.md", "tilgjengelighet", "page"),
]

LANGUAGE_DIR = DOCS / DEFAULT_LANGUAGE
LANGUAGES = (DEFAULT_LANGUAGE, "en")


def front_matter(path: Path) -> dict:
    """The page's YAML front matter, parsed the way MkDocs parses it."""
    _, meta = get_data(path.read_text(encoding="utf-8"))
    return meta


def _nav_paths(items) -> list[str]:
    """Flatten the nav of mkdocs.yml (strings, {title: path} and {title: [...]}) into paths."""
    paths: list[str] = []
    for item in items:
        if isinstance(item, str):
            paths.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                paths.extend(_nav_paths(value) if isinstance(value, list) else [value])
    return paths


@pytest.fixture(scope="module")
def nav_paths() -> list[str]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return _nav_paths(config["nav"])


@pytest.mark.parametrize(
    ("src", "page_id", "kind"), EXPECTED_PAGES, ids=[p[1] for p in EXPECTED_PAGES]
)
def test_page_exists_with_id_and_kind(src: str, page_id: str, kind: str) -> None:
    path = LANGUAGE_DIR / src
    assert path.is_file(), f"missing page docs/{DEFAULT_LANGUAGE}/{src}"
    meta = front_matter(path)
    assert meta.get("id") == page_id, f"{src}: id is {meta.get('id')!r}, expected {page_id!r}"
    assert meta.get("kind") == kind, f"{src}: kind is {meta.get('kind')!r}, expected {kind!r}"


def test_ids_are_unique() -> None:
    seen: dict[str, str] = {}
    for path in sorted(LANGUAGE_DIR.rglob("*.md")):
        page_id = front_matter(path).get("id")
        rel = path.relative_to(LANGUAGE_DIR).as_posix()
        assert page_id, f"{rel} has no id"
        assert page_id not in seen, f"id {page_id!r} is used by {seen[page_id]} and {rel}"
        seen[page_id] = rel


def test_every_page_has_one_title_and_a_description() -> None:
    for path in sorted(DOCS.glob("*/**/*.md")):
        body, meta = get_data(path.read_text(encoding="utf-8"))
        rel = path.relative_to(DOCS).as_posix()
        h1 = [line for line in body.splitlines() if line.startswith("# ")]
        assert len(h1) == 1, f"{rel}: expected exactly one '# ' title, found {len(h1)}"
        assert body.lstrip().startswith("# "), f"{rel}: the title must come first"
        assert meta.get("description"), f"{rel}: front matter needs a description"


def test_every_page_is_in_the_navigation(nav_paths: list[str]) -> None:
    on_disk = {p.relative_to(LANGUAGE_DIR).as_posix() for p in LANGUAGE_DIR.rglob("*.md")}
    missing = sorted(on_disk - set(nav_paths))
    assert not missing, f"pages not in the nav of mkdocs.yml: {missing}"
    dangling = sorted(set(nav_paths) - on_disk)
    assert not dangling, f"nav entries without a page: {dangling}"


def test_every_expected_page_is_in_the_navigation(nav_paths: list[str]) -> None:
    missing = [src for src, _, _ in EXPECTED_PAGES if src not in nav_paths]
    assert not missing, f"expected pages not in the nav: {missing}"


def test_both_languages_have_the_same_pages() -> None:
    pages = {
        lang: {p.relative_to(DOCS / lang).as_posix() for p in (DOCS / lang).rglob("*.md")}
        for lang in LANGUAGES
    }
    assert pages[DEFAULT_LANGUAGE] == pages["en"]


def test_every_page_is_built(built_site) -> None:
    assert built_site.returncode == 0, built_site.log
    for src, _, _ in EXPECTED_PAGES:
        assert built_page(built_site.site_dir, src).is_file(), f"{src} was not built"
        assert built_page(built_site.site_dir, f"en/{src}").is_file(), f"en/{src} was not built"
