"""MkDocs hooks: run the check in the build, add related sections, expand the matrix marker
and write `handbook.json`.

mkdocs-static-i18n builds the site once per language in one process, so the events here run
once per language. The graph and the check belong to the whole handbook: they are made when
the default language's build starts (and again on every `mkdocs serve` rebuild), and reused
by the other languages' builds.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .config import load_config
from .findings import Finding
from .model import Graph, Page, load_graph
from .render import expand_markers, handbook_json, related_markdown
from .rules import run_all

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page as MkDocsPage

log = logging.getLogger("mkdocs.hooks.handbook")

JSON_NAME = "handbook.json"


@dataclass
class _State:
    graph: Graph
    findings: list[Finding]


_state: _State | None = None


def _i18n(config: MkDocsConfig):
    return config.plugins.get("i18n")


def _is_default_language_build(config: MkDocsConfig) -> bool:
    plugin = _i18n(config)
    return plugin is None or plugin.current_language in (None, plugin.default_language)


def on_pre_build(config: MkDocsConfig) -> None:
    """Load the graph and run every rule; errors fail the strict build, with file:line."""
    global _state
    if _state is not None and not _is_default_language_build(config):
        return
    handbook_config = load_config(Path(config.config_file_path))
    graph = load_graph(handbook_config)
    findings = run_all(graph)
    _state = _State(graph, findings)
    for finding in findings:
        text = f"{finding.path}:{finding.line}: {finding.code} {finding.message}"
        if finding.hint:
            text += f" ({finding.hint})"
        # Outdated translations are reported, not fatal: the page shows a notice instead.
        (log.error if finding.is_error else log.info)(text)


def _graph_page(page: MkDocsPage, config: MkDocsConfig) -> Page | None:
    if _state is None:
        return None
    file = page.file
    lang = getattr(file, "locale", None) or _state.graph.config.default_language
    rel_path = getattr(file, "norm_src_uri", None) or file.src_uri
    return _state.graph.page_at(lang, rel_path)


def on_page_markdown(markdown: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    """Expand `<!-- handbook:... -->` markers and append the related-pages section."""
    graph_page = _graph_page(page, config)
    if graph_page is None or _state is None:
        return markdown
    markdown = expand_markers(_state.graph, graph_page, markdown)
    related = related_markdown(_state.graph, graph_page)
    return f"{markdown.rstrip()}\n\n{related}" if related else markdown


def on_post_build(config: MkDocsConfig) -> None:
    """Write the graph as JSON at the site root (once, in the default language's build)."""
    if _state is None or not _is_default_language_build(config):
        return
    target = Path(config.site_dir) / JSON_NAME
    target.write_text(
        json.dumps(handbook_json(_state.graph), ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )
