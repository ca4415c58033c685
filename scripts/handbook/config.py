"""Read what the check needs from mkdocs.yml: where the pages are, which languages exist,
which pages the navigation lists and under which titles.

Reading the YAML directly (instead of MkDocs' full `load_config`) keeps the CLI fast and
lets it run in a checkout where plugins are not installed. Tags such as `!ENV` and
`!!python/...` are accepted and ignored: the check needs none of their values. Aliases
and merge keys are refused, as in pages (safe_yaml): walking a nav built from nested
aliases would take the check hours.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .safe_yaml import BoundedComposer, RejectedYAMLError


class ConfigError(Exception):
    """mkdocs.yml is missing, unreadable or lacks what the check needs (exit code 2)."""


_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when compiled in


class _TolerantLoader(BoundedComposer, _Base):  # type: ignore[misc, valid-type]
    """A safe loader that turns any unknown tag into None instead of failing."""

    max_depth = 50  # plugins and markdown_extensions nest 6 deep, a nav of sections more


def _ignore_tag(loader: yaml.BaseLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass(frozen=True)
class NavEntry:
    """One page path in the navigation and the line of mkdocs.yml that names it."""

    path: str
    line: int
    section: tuple[str, ...] = ()  # the titles of the sections it is in, outermost first


@dataclass(frozen=True)
class NavTitle:
    """A section's or page's title in the navigation, and the line of mkdocs.yml with it.

    The titles are in the default language; the others translate them in their word file.
    """

    title: str
    line: int


# What MkDocs 1.6 always adds to `markdown_extensions` (its config's `builtins`).
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


@dataclass(frozen=True)
class MarkdownSettings:
    """The Markdown extensions of mkdocs.yml and their options, as MkDocs passes them on.

    The check renders pages with these to see the HTML the build publishes. Options that
    are Python objects (the toc's `slugify`) are left out: they change anchors, never
    which elements and attributes a page gets.
    """

    extensions: tuple[str, ...] = MKDOCS_BUILTIN_EXTENSIONS
    options: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class HandbookConfig:
    """The parts of mkdocs.yml the model and the rules read."""

    config_file: Path
    root: Path
    docs_dir: Path
    languages: tuple[str, ...]  # the default language first
    nav: tuple[NavEntry, ...]
    nav_titles: tuple[NavTitle, ...] = ()
    markdown: MarkdownSettings = field(default_factory=lambda: MarkdownSettings(), compare=False)

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def nav_paths(self) -> frozenset[str]:
        return frozenset(entry.path for entry in self.nav)


def load_config(config_file: Path) -> HandbookConfig:
    """Load mkdocs.yml; raise ConfigError with a readable message on any problem."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"cannot read {config_file}: {error.strerror or error}") from None
    try:
        data = yaml.load(text, Loader=_TolerantLoader)
    except RejectedYAMLError as error:
        line = error.problem_mark.line + 1
        raise ConfigError(f"{config_file}:{line}: {error.problem}") from None
    except yaml.YAMLError as error:
        raise ConfigError(f"{config_file}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{config_file}: expected a mapping at the top level")

    root = config_file.parent.resolve()
    docs_dir = root / str(data.get("docs_dir") or "docs")
    if not docs_dir.is_dir():
        raise ConfigError(f"{config_file}: docs_dir {docs_dir} does not exist")
    languages = _languages(data, config_file)
    nav = tuple(_nav_entries(data.get("nav") or [], text))
    nav_titles = tuple(_nav_titles(data.get("nav") or [], text))
    markdown = _markdown_settings(data.get("markdown_extensions") or [])
    return HandbookConfig(config_file, root, docs_dir, languages, nav, nav_titles, markdown)


def _markdown_settings(items: list[Any]) -> MarkdownSettings:
    """The extensions as MkDocs lists them: its builtins first, each name once."""
    names = list(MKDOCS_BUILTIN_EXTENSIONS)
    options: dict[str, dict[str, Any]] = {}
    for item in items:
        if isinstance(item, dict):
            for name, value in item.items():
                names.append(str(name))
                if isinstance(value, dict):
                    options[str(name)] = {k: v for k, v in value.items() if v is not None}
        elif isinstance(item, str):
            names.append(item)
    return MarkdownSettings(tuple(dict.fromkeys(names)), options)


def _languages(data: dict[str, Any], config_file: Path) -> tuple[str, ...]:
    """The languages of the i18n plugin, default first; one language without the plugin."""
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            options = plugin["i18n"] or {}
            if options.get("docs_structure") != "folder":
                raise ConfigError(f"{config_file}: the i18n plugin must use docs_structure: folder")
            entries = [lang for lang in options.get("languages") or [] if isinstance(lang, dict)]
            built = [lang for lang in entries if lang.get("build", True)]
            default = [lang["locale"] for lang in built if lang.get("default")]
            others = [lang["locale"] for lang in built if not lang.get("default")]
            if len(default) != 1:
                raise ConfigError(
                    f"{config_file}: the i18n plugin needs exactly one default language"
                )
            return (default[0], *others)
    theme = data.get("theme") or {}
    return (str(theme.get("language") or "en"),)


def _nav_entries(items: list[Any], text: str) -> list[NavEntry]:
    """Flatten the nav into page paths, each with the line of mkdocs.yml that names it."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    found: list[NavEntry] = []
    cursor = 0  # offset of the line the last path was found on

    def line_of(path: str) -> int:
        nonlocal cursor
        offset = text.find(path, cursor)
        if offset == -1:
            return 1
        index = bisect_right(line_starts, offset) - 1
        cursor = line_starts[index]
        return index + 1

    def walk(value: Any, section: tuple[str, ...]) -> None:
        if isinstance(value, str):
            if not value.startswith(("http://", "https://")):
                found.append(NavEntry(value, line_of(value), section))
        elif isinstance(value, list):
            for item in value:
                walk(item, section)
        elif isinstance(value, dict):
            for title, item in value.items():
                # `- Title: page.md` names a page; `- Title: [...]` is a section.
                walk(item, (*section, str(title)) if isinstance(item, list) else section)

    walk(items, ())
    return found


def _nav_key(line: str) -> str | None:
    """The key of a `- Title: ...` line: a plain key ends at the first colon followed by a
    space or the end of the line. (Plain string operations: a pattern with a lazy key
    before optional spaces took quadratic time on a line of spaces.)"""
    item = line.lstrip(" \t")
    if not item.startswith("- "):
        return None
    rest = item[2:]
    colon = rest.find(":")
    while colon != -1 and rest[colon + 1 : colon + 2] not in ("", " ", "\t"):
        colon = rest.find(":", colon + 1)
    return None if colon == -1 else rest[:colon].rstrip(" \t")


def _nav_titles(items: list[Any], text: str) -> list[NavTitle]:
    """Every title in the nav (`- Title: ...`), once, in order, with the line that has it."""
    lines = text.splitlines()
    nav_start = next((n for n, line in enumerate(lines) if line.startswith("nav:")), 0)
    first_line: dict[str, int] = {}  # every `- key:` of the nav, at its first line
    for number, line in enumerate(lines[nav_start:], start=nav_start + 1):
        key = _nav_key(line)
        if key is not None:
            first_line.setdefault(key, number)
    found: dict[str, NavTitle] = {}

    def walk(value: Any) -> None:
        if isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for title, child in value.items():
                if isinstance(title, str) and title not in found:
                    found[title] = NavTitle(title, first_line.get(title, 1))
                walk(child)

    walk(items)
    return list(found.values())
