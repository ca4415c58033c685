"""Every page names the sources of its facts, and every source it names exists.

A page lists the ids of its sources in front matter, in the default language only (a
translation states the same facts, so it takes them over, as it takes over relations).
Each id must be an entry of includes/sources.yml, which must itself be readable, with a
title, a short name and a use in every language, and https addresses. A handbook without
a sources file and without any page naming a source (the small ones the tests write) has
nothing to check.

PASS: ``sources: [presentasjon-2021, forordning-2021-1058]`` with both ids in sources.yml;
``sources: []`` on a page about the handbook itself, which states no facts.
FAIL (HB014): a page without ``sources``; ``sources: presentasjon-2021`` (not a list);
``sources: [presentasjon-2012]`` (no such source; "did you mean presentasjon-2021?");
``sources:`` on an English page; ``url: http://...`` in sources.yml.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import get_close_matches

from ..findings import Finding
from ..messages import Text, code, language_adjective, same, yaml_value
from ..model import Graph, Page
from ..sources import SOURCES_FILE
from ..yaml_problems import value_problem

CODE = "HB014"
SLUG = "sources"
# The keys a translation takes over from its default-language page.
INHERITED = ("sources", "last_reviewed", "review_in")
EXAMPLE = code("sources: [presentasjon-2021, interreg-no]")


def check(graph: Graph) -> Iterator[Finding]:
    sources = graph.sources
    for problem in sources.problems:
        yield Finding(problem.path, problem.line, CODE, problem.message, problem.hint, rule=SLUG)
    default = graph.config.default_language
    if not sources.present and not any(
        p.error is None and "sources" in p.meta for p in graph.pages
    ):
        return
    for page in graph.pages:
        if page.error is not None:
            continue
        if page.lang != default:
            yield from _inherited_keys(page, default)
        else:
            yield from _declared(page, graph, sources.present and not sources.problems)


def _finding(page: Page, key: str, message: Text, hint: Text) -> Finding:
    return Finding(page.display_path, page.line_of(key), CODE, message, hint, rule=SLUG)


def _inherited_keys(page: Page, default: str) -> Iterator[Finding]:
    source = language_adjective(default)
    for key in INHERITED:
        if key in page.meta:
            yield _finding(
                page,
                key,
                Text(
                    f"En oversettelse skal ikke ha {code(key)}.",
                    f"A translation must not have {code(key)}.",
                ),
                Text(
                    f"Slett linjen. Siden henter den fra den {source.nb} siden.",
                    f"Delete the line: the page takes it from the {source.en} page.",
                ),
            )


def _declared(page: Page, graph: Graph, can_resolve: bool) -> Iterator[Finding]:
    if "sources" not in page.meta:
        yield _finding(
            page,
            "id",
            Text(
                "Siden sier ikke hvilke kilder faktaene kommer fra.",
                "The page does not name the sources of its facts.",
            ),
            Text(
                "Legg til `sources: [presentasjon-2021]` med id-ene til kildene i "
                f"{SOURCES_FILE}. En side uten fakta har `sources: []`.",
                "Add `sources: [presentasjon-2021]` with the ids of its sources in "
                f"{SOURCES_FILE}. A page without facts has `sources: []`.",
            ),
        )
        return
    value = page.meta["sources"]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        yield _finding(page, "sources", *_not_a_list(value, page.key_block("sources")))
        return
    known = graph.sources.entries
    if not graph.sources.present and value:
        yield _finding(
            page,
            "sources",
            Text(
                f"Siden viser til kilder, men {SOURCES_FILE} finnes ikke.",
                f"The page names sources, but there is no {SOURCES_FILE}.",
            ),
            Text(
                f"Legg kildene inn i {SOURCES_FILE}.",
                f"Add the sources to {SOURCES_FILE}.",
            ),
        )
        return
    seen: set[str] = set()
    for source_id in value:
        if source_id in seen:
            yield _finding(
                page,
                "sources",
                Text(
                    f"Kilden {code(source_id)} står to ganger i `sources`.",
                    f"The source {code(source_id)} is named twice in `sources`.",
                ),
                Text("Ta den med bare én gang.", "Name it once."),
            )
        seen.add(source_id)
        if can_resolve and source_id not in known:
            close = get_close_matches(source_id, list(known), n=1)
            hint = (
                Text(f"Mente du {code(close[0])}?", f"Did you mean {code(close[0])}?")
                if close
                else Text(
                    f"Bruk en id fra {SOURCES_FILE}, eller legg kilden til der.",
                    f"Use an id from {SOURCES_FILE}, or add the source there.",
                )
            )
            yield _finding(
                page,
                "sources",
                Text(
                    f"Det finnes ingen kilde med id-en {code(source_id)}.",
                    f"There is no source with the id {code(source_id)}.",
                ),
                hint,
            )


def _not_a_list(value: object, line: str) -> tuple[Text, Text]:
    """Why `sources` is not a list of ids, and how to write it: a single id in brackets,
    a word YAML reads as true or a number in quotes."""
    if isinstance(value, str):
        return (
            Text(
                "`sources` må være en liste, også når den har bare én id.",
                "`sources` must be a list, even when it has only one id.",
            ),
            Text("Skriv id-ene i hakeparenteser:", "Write the ids in square brackets:")
            + same(code(f"sources: [{value}]") + "."),
        )
    if value is None or (
        isinstance(value, list) and not any(isinstance(item, (list, dict)) for item in value)
    ):
        wrong = value_problem("sources", value, line, Text("en liste med id-er", "a list of ids"))
        if wrong is not None:
            return wrong
    written = line.split("\n", 1)[0].partition(":")[2].strip() or yaml_value(value)
    return (
        Text(
            f"`sources` må være en liste med id-er, ikke {code(written)}.",
            f"`sources` must be a list of ids, not {code(written)}.",
        ),
        Text(
            f"Skriv den for eksempel slik: {EXAMPLE}.",
            f"Write it like this, for example: {EXAMPLE}.",
        ),
    )
