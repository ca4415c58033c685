"""Ids are well-formed and unique within each language.

An id is the page's stable name across languages and in `handbook.json`: lowercase
letters, digits and hyphens. Priorities are `po-<n>` and objectives `so-<n>-<m>`, so the
objective's number can be checked against its priority.

PASS: ``id: so-2-4`` on one page only. FAIL (HB002): ``id: SO 2.4``, or the same id on two
pages of one language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ..findings import Finding
from ..messages import Text, capitalised, code, kind
from ..model import Graph, Page
from ..yaml_problems import value_problem

CODE = "HB002"
SLUG = "identity"

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# kind -> (pattern, the form in words, an example)
KIND_ID_PATTERNS: dict[str, tuple[re.Pattern[str], Text, str]] = {
    "priority": (re.compile(r"^po-\d+$"), Text("po-<nummer>", "po-<number>"), "po-3"),
    "objective": (
        re.compile(r"^so-\d+-\d+$"),
        Text("so-<prioritering>-<nummer>", "so-<priority>-<number>"),
        "so-3-2",
    ),
}
ID_FORM = Text(
    "En id har bare små bokstaver fra a til z (ikke æ, ø, å), tall og bindestrek mellom ordene.",
    "An id has only the lower-case letters a to z (not æ, ø, å), digits, and hyphens between "
    "words.",
)
# Letters an id cannot have, as Norwegian writes them without: "Særskilt mål" -> saerskilt-mal.
_FOLDED = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})
_NOT_ID = re.compile(r"[^a-z0-9]+")


def _finding(page: Page, message: Text, hint: Text) -> Finding:
    return Finding(page.display_path, page.line_of("id"), CODE, message, hint, rule=SLUG)


def suggested_id(written: str) -> str | None:
    """The id `written` comes closest to: `SO 2.4` -> `so-2-4`, `Mål A` -> `mal-a`."""
    folded = unicodedata.normalize("NFKD", written.lower().translate(_FOLDED))
    ascii_only = folded.encode("ascii", "ignore").decode()
    suggestion = _NOT_ID.sub("-", ascii_only).strip("-")
    return suggestion or None


def check(graph: Graph) -> Iterator[Finding]:
    for pages in graph.by_language.values():
        first_seen: dict[str, str] = {}
        for page in pages:
            if page.error is not None:
                continue
            raw = page.meta.get("id")
            if raw is None and "id" not in page.meta:
                yield _finding(
                    page,
                    Text("Siden mangler `id`.", "The page has no `id`."),
                    Text(
                        "Legg til en id, for eksempel `id: mal-kunnskap`.",
                        "Add an id, for example `id: mal-kunnskap`.",
                    )
                    + ID_FORM,
                )
                continue
            if not isinstance(raw, str):
                wrong = value_problem("id", raw, page.key_block("id"), Text("én id", "one id"))
                if wrong is not None:
                    yield _finding(page, *wrong)
                    continue
            if not isinstance(raw, str) or not ID_PATTERN.match(raw):
                written = page.key_text("id").partition(":")[2].strip() or str(raw)
                suggestion = suggested_id(written) or ""
                example = suggestion if ID_PATTERN.match(suggestion) else "mal-kunnskap"
                pattern = KIND_ID_PATTERNS.get(page.kind or "")
                if pattern and not pattern[0].match(example):
                    example = _numbered_example(page, suggestion, pattern[2])
                yield _finding(
                    page,
                    Text(
                        f"Id-en {code(written)} kan ikke brukes.",
                        f"The id {code(written)} cannot be used.",
                    )
                    + ID_FORM,
                    Text(
                        f"Skriv for eksempel {code(f'id: {example}')}.",
                        f"Write, for example, {code(f'id: {example}')}.",
                    ),
                )
                continue
            pattern = KIND_ID_PATTERNS.get(page.kind or "")
            if pattern and not pattern[0].match(raw):
                form, example = code(pattern[1].nb), _numbered_example(page, raw, pattern[2])
                the_kind = kind(page.kind or "", "a")
                yield _finding(
                    page,
                    Text(
                        f"Id-en til {the_kind.nb} skrives {form}, ikke {code(raw)}.",
                        f"{capitalised(the_kind).en}'s id is written {code(pattern[1].en)}, "
                        f"not {code(raw)}.",
                    ),
                    _numbered_hint(page.kind or "", example),
                )
            if raw in first_seen:
                yield _finding(
                    page,
                    Text(
                        f"Id-en {code(raw)} er allerede brukt av {first_seen[raw]}.",
                        f"The id {code(raw)} is already used by {first_seen[raw]}.",
                    ),
                    Text(
                        "Hver side trenger sin egen id. Gi en av dem en ny id.",
                        "Every page needs an id of its own. Give one of them a new one.",
                    ),
                )
            else:
                first_seen[raw] = page.display_path


def _numbered_example(page: Page, raw: str, example: str) -> str:
    """The id `raw` was meant to be, from its numbers (`po1` -> `po-1`) or, for an
    objective, its priority's (`priority: po-2` -> `so-2-1`); else the kind's example."""
    numbers = re.findall(r"\d+", raw)
    if page.kind == "priority" and len(numbers) == 1:
        return f"po-{numbers[0]}"
    if page.kind == "objective":
        if len(numbers) == 2:
            return f"so-{numbers[0]}-{numbers[1]}"
        priority = page.meta.get("priority")
        if isinstance(priority, str) and re.fullmatch(r"po-\d+", priority):
            return f"so-{priority[3:]}-1"
    return example


def _numbered_hint(kind_name: str, example: str) -> Text:
    """What the number means for a reader: which priority an objective belongs under."""
    if kind_name == "objective":
        return Text(
            "Tallene viser hvilken prioritering det særskilte målet hører under: `so-2-4` "
            f"hører under `po-2`. Skriv for eksempel `id: {example}`.",
            "The numbers show which priority the objective belongs under: `so-2-4` belongs "
            f"under `po-2`. Write, for example, `id: {example}`.",
        )
    return Text(
        "Tallet er prioriteringens nummer, og de særskilte målene under den har det samme "
        f"tallet først: `so-2-1` hører under `po-2`. Skriv for eksempel `id: {example}`.",
        "The number is the priority's, and the objectives under it start with the same "
        f"number: `so-2-1` belongs under `po-2`. Write, for example, `id: {example}`.",
    )
