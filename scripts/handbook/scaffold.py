"""Create a new page in every language: `python -m handbook new KIND ID --title "..."`.

The page gets the front matter its kind needs, a file named like its siblings', a place in
the navigation next to the pages of the same kind, and a translation stub in every other
language. The stub records no `translation_of`, so the check reports it as untranslated
(a warning, and a notice on the page) until someone translates it and runs
`python -m handbook translated`. Everything else passes the check right after (a new goal
still needs an instrument and a priority that serve it: the check says so).
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .config import HandbookConfig
from .model import KINDS, Graph
from .review import today
from .rules.identity import ID_PATTERN, KIND_ID_PATTERNS
from .rules.schema import REQUIRED_RELATIONS
from .sources import SOURCES_FILE
from .words import of


class ScaffoldError(ValueError):
    """The request cannot become a valid page (unknown kind, taken id, missing relation)."""


@dataclass
class NewPage:
    kind: str
    page_id: str
    title: str
    path: str | None = None  # inside each language folder; default from pages of this kind
    relations: dict[str, str | list[str]] = field(default_factory=dict)


# Ways a page's file name is made from its id, as the existing pages show them: so-2-4 is
# sarskilte-mal/2-4.md, po-3 is prioriteringer/po3.md, mal-kunnskap is hovedmal/kunnskap.md.
FILE_NAMES: dict[str, Callable[[str], str]] = {
    "id without its prefix": lambda page_id: page_id.split("-", 1)[-1],
    "id without its first hyphen": lambda page_id: page_id.replace("-", "", 1),
    "id": lambda page_id: page_id,
}


def _default_path(graph: Graph, kind: str, page_id: str) -> str:
    """Where a new page goes: beside the pages of its kind whose ids start like its own
    (so-, po-, mal-), under a name made from the id the way most of theirs are; without
    such pages, in its kind's usual folder under the id itself."""
    of_kind = [p for p in graph.nodes if p.kind == kind and p.id]
    prefix = page_id.split("-", 1)[0] + "-"
    siblings = [p for p in of_kind if (p.id or "").startswith(prefix)] or of_kind
    folders = Counter(posixpath.dirname(p.rel_path) for p in siblings)
    folder = folders.most_common(1)[0][0] if folders else ""
    fits = Counter(
        way
        for way, name in FILE_NAMES.items()
        for p in siblings
        if (p.id or "").startswith(prefix)
        and name(p.id or "") == posixpath.basename(p.rel_path).removesuffix(".md")
    )
    way = fits.most_common(1)[0][0] if fits else "id"
    return posixpath.join(folder, f"{FILE_NAMES[way](page_id)}.md")


def _relations(graph: Graph, request: NewPage) -> dict[str, str | list[str]]:
    relations = dict(request.relations)
    if request.kind == "objective" and "priority" not in relations:
        relations["priority"] = "po-" + request.page_id.split("-")[1]
    programmes = [p.id for p in graph.nodes if p.kind == "programme" and p.id]
    if request.kind == "priority" and "programme" not in relations and len(programmes) == 1:
        relations["programme"] = programmes[0]
    for key in REQUIRED_RELATIONS[request.kind]:
        if not relations.get(key):
            raise ScaffoldError(f"a {request.kind} needs --{key}: give the id(s) it belongs to")
    return relations


def _front_matter(request: NewPage, relations: dict, keeps_sources: bool) -> str:
    lines = [f"id: {request.page_id}", f"kind: {request.kind}"]
    for key, value in relations.items():
        lines.append(
            f"{key}: [{', '.join(value)}]" if isinstance(value, list) else f"{key}: {value}"
        )
    if keeps_sources:
        # A new page states no facts yet; the writer adds each source as the text uses it,
        # and the date is the day it is written (checked against its sources).
        lines += [
            f"sources: []  # ids from {SOURCES_FILE}, e.g. [presentasjon-2021]",
            f"last_reviewed: {today().isoformat()}",
            "review_in: 6 months",
        ]
    lines.append(f'description: "{request.title}"')
    return "\n".join(lines)


_NAV_ENTRY = re.compile(r"^(\s*)- (?:[^:\n]+: )?([\w./-]+\.md)\s*$")


def _add_to_nav(config_file: Path, rel_path: str, priority_path: str | None = None) -> None:
    """Insert the page after the last nav entry of its folder (keeping comments and style).

    A page that belongs to a priority (an objective) goes into the section of its priority,
    where the check wants it (HB007): after the last entry of its folder there, or else
    right after the priority's own entry.
    """
    lines = config_file.read_text(encoding="utf-8").split("\n")
    start = next((n + 1 for n, line in enumerate(lines) if line.startswith("nav:")), len(lines))
    end = next(
        (n for n in range(start, len(lines)) if lines[n] and not lines[n].startswith((" ", "#"))),
        len(lines),
    )
    if priority_path is not None:
        start, end = _section_of(lines, start, end, priority_path)
    folder = posixpath.dirname(rel_path)
    last_sibling = None
    for index in range(start, end):
        match = _NAV_ENTRY.match(lines[index])
        if match and posixpath.dirname(match.group(2)) == folder:
            last_sibling = (index, match.group(1))
        elif match and priority_path is not None and match.group(2) == priority_path:
            last_sibling = last_sibling or (index, match.group(1))
    if last_sibling is not None:
        index, indent = last_sibling
        lines.insert(index + 1, f"{indent}- {rel_path}")
    else:
        position = end
        while position > 0 and not lines[position - 1].strip():
            position -= 1
        lines.insert(position, f"  - {rel_path}")
    config_file.write_text("\n".join(lines), encoding="utf-8")


def _section_of(lines: list[str], start: int, end: int, path: str) -> tuple[int, int]:
    """The lines of the nav section that lists `path`: from its entry to the end of the
    list it is in (the first line indented less). The whole nav when it is not listed."""
    for index in range(start, end):
        match = _NAV_ENTRY.match(lines[index])
        if match and match.group(2) == path:
            indent = len(match.group(1))
            stop = index + 1
            while stop < end and (
                not lines[stop].strip() or len(lines[stop]) - len(lines[stop].lstrip(" ")) >= indent
            ):
                stop += 1
            return index, stop
    return start, end


def scaffold(config: HandbookConfig, graph: Graph, request: NewPage) -> list[Path]:
    """Write the page in every language and add it to the nav; return the files written."""
    if request.kind not in KINDS:
        raise ScaffoldError(f"unknown kind {request.kind!r}; use one of: {', '.join(KINDS)}")
    if not ID_PATTERN.match(request.page_id):
        raise ScaffoldError(
            f"id {request.page_id!r} is not well-formed (lowercase, digits, hyphens)"
        )
    shape = KIND_ID_PATTERNS.get(request.kind)
    if shape and not shape[0].match(request.page_id):
        raise ScaffoldError(f"a {request.kind}'s id must look like {shape[1]}")
    if graph.page(request.page_id) is not None:
        raise ScaffoldError(
            f"id {request.page_id!r} is taken by {graph.page(request.page_id).display_path}"
        )
    rel_path = request.path or _default_path(graph, request.kind, request.page_id)
    if not rel_path.endswith(".md"):
        raise ScaffoldError(f"the path must end in .md: {rel_path}")
    targets = {lang: config.docs_dir / lang / rel_path for lang in config.languages}
    existing = [str(path) for path in targets.values() if path.exists()]
    if existing:
        raise ScaffoldError(f"already exists: {', '.join(existing)}")
    relations = _relations(graph, request)

    default = config.default_language
    source = targets[default]
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(
        f"---\n{_front_matter(request, relations, graph.sources.present)}\n---\n"
        f"# {request.title}\n\n{of(default)['new_page_intro']}\n",
        encoding="utf-8",
    )
    for lang in config.languages[1:]:
        target = targets[lang]
        target.parent.mkdir(parents=True, exist_ok=True)
        # No translation_of: the stub is not a translation yet, and the check says so.
        target.write_text(
            f"---\nid: {request.page_id}\nkind: {request.kind}\n"
            f'description: "{request.title}"\n---\n'
            f"# {request.title}\n\n{of(lang)['new_page_intro']}\n",
            encoding="utf-8",
        )
    priority = graph.page(str(relations.get("priority", "")))
    _add_to_nav(config.config_file, rel_path, priority.rel_path if priority else None)
    return [targets[lang] for lang in config.languages]
