"""Every relation points to an existing page of the right kind.

PASS: ``priority: po-2`` where ``po-2`` is a priority page.
FAIL (HB004): ``priority: po-9`` (no such page), or ``goals: [vm-nettverk]`` (an instrument,
not a goal).
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import get_close_matches

from ..findings import Finding
from ..messages import Text, code, first_of, kind
from ..model import KINDS, RELATION_FIELDS, Graph, Page

CODE = "HB004"
SLUG = "relation-target"
SHOWN_IDS = 10


def check(graph: Graph) -> Iterator[Finding]:
    known_ids: dict[str, list[str]] = {}  # kind -> its ids, sorted: only for hints
    unread: list[bool] = []  # whether a page of the language has a front-matter error

    def known(kind_name: str) -> list[str]:
        if kind_name not in known_ids:
            known_ids[kind_name] = sorted(p.id for p in graph.nodes if p.kind == kind_name and p.id)
        return known_ids[kind_name]

    def some_page_unread() -> bool:
        if not unread:
            unread.append(any(page.error is not None for page in graph.nodes))
        return unread[0]

    for relation in graph.relations:
        expected = RELATION_FIELDS[relation.key].target_kind
        target = graph.page(relation.target)
        key, written = code(relation.key), code(relation.target)
        if target is None and some_page_unread():
            # The page may well exist, with an error that keeps its id from being read.
            message = Text(
                f"{key} peker på {written}, men håndboka finner ingen side med den id-en. "
                "Sider med feil i front matter (HB001) telles ikke med.",
                f"{key} points to {written}, but the handbook finds no page with that id. "
                "Pages with a front-matter error (HB001) are not counted.",
            )
            hint = Text("Rett dem først.", "Fix those first.")
        elif target is None:
            message = Text(
                f"{key} peker på {written}, men ingen side har den id-en.",
                f"{key} points to {written}, but no page has that id.",
            )
            hint = _hint(relation.target, expected, known(expected))
        elif target.kind not in KINDS:
            message, hint = _unknown_kind(key, written, target, expected)
        elif target.kind != expected:
            message = Text(
                f"{key} peker på {written}, som er {kind(target.kind, 'a').nb}, ikke "
                f"{kind(expected, 'a').nb}.",
                f"{key} points to {written}, which is {kind(target.kind, 'a').en}, not "
                f"{kind(expected, 'a').en}.",
            )
            hint = _hint(relation.target, expected, known(expected))
        else:
            continue
        yield Finding(relation.path, relation.line, CODE, message, hint, rule=SLUG)


def _unknown_kind(key: str, written: str, target: Page, expected: str) -> tuple[Text, Text]:
    """A target whose own `kind` is missing or one the handbook does not know: the fix is
    on that page, so no other ids are offered."""
    path = target.display_path
    line = target.key_text("kind").strip()
    if "kind" not in target.meta or not line.partition(":")[2].strip():
        return (
            Text(
                f"{key} peker på {written}, men den siden sier ikke hva slags side den er.",
                f"{key} points to {written}, but that page does not say what kind of page it is.",
            ),
            Text(
                f"Legg til `kind` i {path}, for eksempel {code('kind: ' + expected)}.",
                f"Add a `kind` to {path}, for example {code('kind: ' + expected)}.",
            ),
        )
    return (
        Text(
            f"{key} peker på {written}, men den siden har {code(line)}, som håndboka ikke kjenner.",
            f"{key} points to {written}, but that page has {code(line)}, which the handbook "
            "does not know.",
        ),
        Text(f"Rett `kind` i {path}.", f"Correct the `kind` in {path}."),
    )


def _hint(written: str, expected: str, known: list[str]) -> Text:
    """The id meant, if one is close, and the ids of the kind the field takes (the first
    ten: a large handbook has hundreds)."""
    if not known:
        return Text(
            f"Håndboka har ingen {kind(expected, 'many').nb} ennå. Lag siden først, eller "
            "fjern id-en.",
            f"The handbook has no {kind(expected, 'many').en} yet. Create the page first, or "
            "remove the id.",
        )
    ids = first_of([code(page_id) for page_id in known], "or", SHOWN_IDS)
    hint = Text(
        f"Skriv id-en til {kind(expected, 'a').nb} som finnes: {ids.nb}.",
        f"Write the id of {kind(expected, 'a').en} that exists: {ids.en}.",
    )
    close = get_close_matches(written, known, n=1, cutoff=0.6)
    if close:
        return Text(f"Mente du {code(close[0])}?", f"Did you mean {code(close[0])}?") + hint
    return hint
