"""The real handbook: its content passes the check, the pages issue #2 promises exist, and
every page in the navigation is built in every language.

What each page must look like (id, kind, title, description, a place in the navigation, a
translation) is the rules' business, tested rule by rule in tests/test_rule_*.py; here the
rules run on the real content, through the same model the CLI and the build use.
"""

from __future__ import annotations

import pytest

from handbook.config import load_config
from handbook.model import Graph, load_graph
from handbook.rules import run_all

from helpers import ROOT, built_page

# The pages the handbook promises (issue #2), by id and kind. Paths and order are the
# navigation's business (mkdocs.yml); the check keeps the two in step.
KEY_PAGES: dict[str, str] = {
    "start": "page",
    "mal-kunnskap": "goal",
    "mal-pavirkning": "goal",
    "mal-innovasjon": "goal",
    "mal-profilering": "goal",
    "vm-nettverk": "instrument",
    "vm-eu-eos": "instrument",
    "vm-samarbeidsbyer": "instrument",
    "vm-profilering": "instrument",
    "vm-regionalt": "instrument",
    "interreg-oks": "programme",
    "po-1": "priority",
    "po-2": "priority",
    "po-3": "priority",
    "po-4": "priority",
    "so-1-1": "objective",
    "so-1-4": "objective",
    "so-2-2": "objective",
    "so-2-4": "objective",
    "so-2-6": "objective",
    "so-3-2": "objective",
    "so-4-1": "objective",
    "ordliste": "page",
    "kilder": "page",
    "tilgjengelighet": "page",
}


@pytest.fixture(scope="module")
def graph() -> Graph:
    return load_graph(load_config(ROOT / "mkdocs.yml"))


def test_the_real_content_passes_the_check(graph: Graph) -> None:
    errors = [finding for finding in run_all(graph) if finding.is_error]
    assert not errors, "\n".join(f"{f.path}:{f.line}: {f.code} {f.message}" for f in errors)


@pytest.mark.parametrize(("page_id", "kind"), KEY_PAGES.items(), ids=list(KEY_PAGES))
def test_key_page_exists(graph: Graph, page_id: str, kind: str) -> None:
    page = graph.page(page_id)
    assert page is not None, f"no page has id {page_id!r}"
    assert page.kind == kind, f"{page.display_path}: kind is {page.kind!r}, expected {kind!r}"


def test_every_page_in_the_navigation_is_built(graph: Graph, built_site) -> None:
    """The nav as the check reads it from mkdocs.yml; the check's navigation rule (HB007)
    puts every page file in it, so every page of every language is covered."""
    assert built_site.returncode == 0, built_site.log
    config = graph.config
    assert config.nav, "the navigation is empty"
    missing = [
        f"{lang}/{entry.path}"
        for lang in config.languages
        for entry in config.nav
        if not built_page(
            built_site.site_dir,
            entry.path if lang == config.default_language else f"{lang}/{entry.path}",
        ).is_file()
    ]
    assert not missing, f"not built: {missing}"
