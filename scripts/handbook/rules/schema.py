"""Kinds are known, each kind has its required fields, and relation fields have the right shape.

Required per kind (relations are declared in the default language only):

- objective: ``priority`` (one id) and ``goals`` (a list)
- priority: ``programme``, ``goals`` and ``instruments``
- instrument: ``goals``
- programme: ``instruments``
- every page: a ``description`` (the search-engine summary) and one ``# Title`` first
- only known front-matter keys (a misspelt ``goal:`` is an error naming ``goals``)
- the description and every heading are plain text: templates print them as they are

PASS::

    id: so-2-4
    kind: objective
    priority: po-2
    goals: [mal-kunnskap]

FAIL (HB003): ``kind: objektiv`` (unknown), an objective without ``priority``,
``goals: mal-kunnskap`` (a single id where a list belongs), ``instruments:`` on an objective,
``goal: [mal-kunnskap]`` (unknown key), ``description: Se <b>dette</b>`` (markup).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import get_close_matches

from ..findings import Finding
from ..messages import Text, capitalised, code, kind, listing, same
from ..model import FRONT_MATTER_KEYS, KINDS, RELATION_FIELDS, Graph, Page, strip_attr_list
from ..plain_text import markup_problem
from ..yaml_problems import in_quotes, missing_colon, value_problem

CODE = "HB003"
DESCRIPTION_LIMIT = 300  # characters; search engines show about 160
SLUG = "schema"

REQUIRED_RELATIONS: dict[str, tuple[str, ...]] = {
    "objective": ("priority", "goals"),
    "priority": ("programme", "goals", "instruments"),
    "instrument": ("goals",),
    "programme": ("instruments",),
    "goal": (),
    "page": (),
}

ONE_SENTENCE = Text("én setning", "one sentence")
HEADING = Text("Overskriften", "The heading")
DESCRIPTION = Text("Beskrivelsen", "The description")


def _finding(page: Page, key: str, message: Text, hint: Text) -> Finding:
    return Finding(page.display_path, page.line_of(key), CODE, message, hint, rule=SLUG)


def _at_line(page: Page, line: int, message: Text, hint: Text) -> Finding:
    return Finding(page.display_path, line, CODE, message, hint, rule=SLUG)


KINDS_LISTED = listing([code(name) for name in KINDS], "or")  # in hints: `goal`, … or `page`


def check(graph: Graph) -> Iterator[Finding]:
    default = graph.config.default_language
    examples = {
        target: sorted(p.id for p in graph.nodes if p.kind == target and p.id) for target in KINDS
    }
    for page in graph.pages:
        if page.error is not None:
            continue
        yield from _check_common(page)
        if page.lang == default and page.kind in KINDS:
            yield from _check_relations(page, examples)


def _check_common(page: Page) -> Iterator[Finding]:
    yield from _check_kind(page)
    yield from _check_keys(page)
    yield from _check_description(page)
    for heading in page.headings:
        markup = markup_problem(HEADING, strip_attr_list(heading.text))
        if markup is not None:
            message, instead = markup
            yield _at_line(
                page,
                heading.line,
                message,
                instead
                or Text(
                    "Skriv overskrifter som ren tekst. De vises som de er i menyen og i fanen "
                    "i nettleseren.",
                    "Write headings as plain text. They appear as they are in the menu and "
                    "the browser tab.",
                ),
            )
    if page.title is None:
        yield _at_line(
            page,
            page.body_line,
            Text(
                "Siden mangler en hovedoverskrift (`# Tittel`).",
                "The page has no main heading (`# Title`).",
            ),
            Text(
                "Begynn teksten under front matter med én linje som `# Tittelen på siden`.",
                "Start the text below the front matter with one line such as `# The page's title`.",
            ),
        )
    elif page.headings[0].level != 1:
        yield _at_line(
            page,
            page.headings[0].line,
            Text(
                "Den første overskriften må være sidens hovedoverskrift (`# Tittel`).",
                "The first heading must be the page's main heading (`# Title`).",
            ),
            Text(
                "Flytt overskriften med én `#` over alle de andre overskriftene.",
                "Move the heading with one `#` above all the other headings.",
            ),
        )


def _check_kind(page: Page) -> Iterator[Finding]:
    value = page.meta.get("kind")
    kinds = KINDS_LISTED
    if value is None and "kind" not in page.meta:
        yield _finding(
            page,
            "id",
            Text("Siden mangler `kind`.", "The page has no `kind`."),
            Text(
                "Legg til en linje som sier hva slags side det er, for eksempel `kind: page`. "
                "Mulige verdier:",
                "Add a line that says what kind of page it is, for example `kind: page`. "
                "Possible values:",
            )
            + kinds.ended(),
        )
    elif value not in KINDS:
        wrong = value_problem("kind", value, page.key_block("kind"), Text("et ord", "a word"))
        if wrong is not None and not isinstance(value, str):
            yield _finding(page, "kind", *wrong)
            return
        close = get_close_matches(str(value).lower(), KINDS, n=1, cutoff=0.6)
        written = page.key_text("kind").strip() or f"kind: {value}"
        yield _finding(
            page,
            "kind",
            Text(
                f"{code(written)} er ikke en sidetype håndboka kjenner.",
                f"{code(written)} is not a kind of page the handbook knows.",
            ),
            (
                Text(
                    f"Mente du {code(f'kind: {close[0]}')}?",
                    f"Did you mean {code(f'kind: {close[0]}')}?",
                )
                if close
                else Text("Bruk en av disse:", "Use one of these:") + kinds.ended()
            ),
        )


def _check_description(page: Page) -> Iterator[Finding]:
    if "description" not in page.meta and _colon_forgotten("description", page):
        return  # _check_keys names the colon forgotten after `description`
    if "description" not in page.meta:
        yield _finding(
            page,
            "description",
            Text("Siden mangler `description`.", "The page has no `description`."),
            Text(
                "Legg til én setning som oppsummerer siden, for eksempel "
                "`description: Hva PO1 er, og hvordan Oslo bruker den.` Søkemotorer viser den.",
                "Add one sentence that sums up the page, for example "
                "`description: What PO1 is, and how Oslo uses it.` Search engines show it.",
            ),
        )
        return
    description = page.meta["description"]
    line = page.key_text("description")
    if not isinstance(description, str) or not description.strip():
        wrong = value_problem(
            "description", description, page.key_block("description"), ONE_SENTENCE
        )
        if wrong is None:
            wrong = (
                Text("`description` er tom.", "`description` is empty."),
                Text("Skriv én setning etter kolonet.", "Write one sentence after the colon."),
            )
        if "#" in line.partition(":")[2] and description is None:
            wrong = (
                Text(
                    "`description` blir tom: YAML leser alt etter ` #` som en kommentar.",
                    "`description` is read as empty: YAML treats everything after ` #` as a "
                    "comment.",
                ),
                in_quotes(line),
            )
        yield _finding(page, "description", *wrong)
    elif (markup := markup_problem(DESCRIPTION, description)) is not None:
        message, instead = markup
        yield _finding(
            page,
            "description",
            message,
            instead
            or Text(
                "Skriv den som ren tekst. Nettstedet viser den som den er.",
                "Write it as plain text. The site shows it as it is.",
            ),
        )
    elif len(description) > DESCRIPTION_LIMIT:
        yield _finding(
            page,
            "description",
            Text(
                f"Beskrivelsen er for lang: {len(description)} tegn.",
                f"The description is too long: {len(description)} characters.",
            ),
            Text(
                f"Hold den til én setning på høyst {DESCRIPTION_LIMIT} tegn. Søkemotorer viser "
                "omtrent de første 160.",
                f"Keep it to one sentence of at most {DESCRIPTION_LIMIT} characters. Search "
                "engines show about the first 160.",
            ),
        )


def _colon_forgotten(field: str, page: Page) -> bool:
    """Whether YAML read a known field without its colon into a longer key
    (`description Dette er: en side`)."""
    return any(isinstance(key, str) and key.startswith(field + " ") for key in page.meta)


def _check_keys(page: Page) -> Iterator[Finding]:
    """Every key is one the handbook knows, so a misspelt relation is never ignored."""
    known = list(FRONT_MATTER_KEYS)
    for key in page.meta:
        if key in FRONT_MATTER_KEYS:
            continue
        name = str(key)
        field, _, rest = name.partition(" ")
        if field in FRONT_MATTER_KEYS and rest.strip():
            # `description Dette er: en side`: YAML read the name and the text before the
            # colon in it as one key. Removing that "field" would remove the description.
            written = (page.key_text(name) or name).strip()
            yield _finding(page, name, *missing_colon(field, written[len(field) :].strip()))
            continue
        close = get_close_matches(name.lower(), known, n=1, cutoff=0.6)
        yield _finding(
            page,
            name,
            Text(
                f"Feltet {code(name)} finnes ikke i håndboka.",
                f"The handbook has no field called {code(name)}.",
            ),
            (
                Text(f"Mente du {code(close[0])}?", f"Did you mean {code(close[0])}?")
                if close
                else Text("Fjern det, eller bruk et av disse:", "Remove it, or use one of these:")
                + listing([code(key) for key in known], "or").ended()
            ),
        )


def _check_relations(page: Page, examples: dict[str, list[str]]) -> Iterator[Finding]:
    kind_name = page.kind or ""
    for key in REQUIRED_RELATIONS[kind_name]:
        if key not in page.meta:
            yield _finding(page, "kind", *_missing(page, key, examples))
    for key, spec in RELATION_FIELDS.items():
        if key not in page.meta:
            continue
        value = page.meta[key]
        line = page.key_block(key)
        if kind_name not in spec.allowed_on:
            allowed = sorted(spec.allowed_on)
            yield _finding(
                page,
                key,
                capitalised(kind(kind_name, "a"))
                + Text(f"kan ikke ha {code(key)}.", f"cannot have {code(key)}."),
                Text(f"{code(key)} står bare på", f"{code(key)} belongs only on")
                + _joined_kinds(allowed).ended()
                + Text("Fjern linjen.", "Remove the line."),
            )
        elif spec.many and not isinstance(value, list):
            wrong = value_problem(key, value, line, Text("en liste med id-er", "a list of ids"))
            if wrong is not None:
                yield _finding(page, key, *wrong)
            else:
                yield _finding(
                    page,
                    key,
                    Text(
                        f"{code(key)} må være en liste, også når den har bare én id.",
                        f"{code(key)} must be a list, even when it has only one id.",
                    ),
                    Text("Skriv id-ene i hakeparenteser:", "Write the ids in square brackets:")
                    + same(code(f"{key}: [{value}]") + "."),
                )
        elif spec.many and (
            wrong := value_problem(key, value, line, Text("en liste med id-er", "a list of ids"))
        ):
            yield _finding(page, key, *wrong)
        elif spec.many and not value and key in REQUIRED_RELATIONS[kind_name]:
            example = _example(key, examples)
            yield _finding(
                page,
                key,
                Text(f"{code(key)} er tom.", f"{code(key)} is empty."),
                capitalised(kind(kind_name, "a"))
                + Text(
                    f"trenger minst én id her, for eksempel {example.nb}.",
                    f"needs at least one id here, for example {example.en}.",
                ),
            )
        elif not spec.many and not isinstance(value, str):
            wrong = value_problem(key, value, line, Text("én id", "one id"))
            yield _finding(page, key, *(wrong or _not_one_id(page, key, value, examples)))


def _not_one_id(
    page: Page, key: str, value: object, examples: dict[str, list[str]]
) -> tuple[Text, Text]:
    """`priority: [po-2]`: a list where one id belongs. With one id in it, the brackets go;
    otherwise the example is the id the objective's own number gives (so-2-4: po-2), or the
    first id written, or one of the right kind."""
    message = Text(
        f"{code(key)} skal være én id, ikke en liste.",
        f"{code(key)} takes one id, not a list.",
    )
    written = [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
    if isinstance(value, list) and len(value) == 1 and written:
        return message, Text("Fjern hakeparentesene:", "Remove the square brackets:") + same(
            code(f"{key}: {written[0]}") + "."
        )
    example = _example(key, examples, page)
    if written and key not in _numbered_priority(page):
        example = same(code(f"{key}: {written[0]}"))
    return message, Text("Skriv én id, for eksempel", "Write one id, for example") + example.ended()


def _numbered_priority(page: Page | None) -> dict[str, str]:
    """{"priority": "po-2"} for an objective whose id is numbered (so-2-4), else {}."""
    numbered = re.fullmatch(r"so-(\d+)-\d+", page.id or "") if page else None
    if page is None or page.kind != "objective" or numbered is None:
        return {}
    return {"priority": f"po-{numbered.group(1)}"}


def _example(key: str, examples: dict[str, list[str]], page: Page | None = None) -> Text:
    """`goals: [mal-kunnskap]` with an id of the right kind that exists, if one does, else
    with a placeholder in words (`id-til-hovedmålet`). An objective's priority is the one
    its number gives: `so-2-4` belongs under `po-2`."""
    spec = RELATION_FIELDS[key]
    known = examples.get(spec.target_kind)
    if key in _numbered_priority(page):
        ids = same(_numbered_priority(page)[key])
    elif known:
        ids = same(known[0])
    else:
        the = kind(spec.target_kind, "the")
        ids = Text(f"id-til-{the.nb}", f"id-of-{the.en.replace(' ', '-')}")

    def written(one: str) -> str:
        return code(f"{key}: [{one}]" if spec.many else f"{key}: {one}")

    return Text(written(ids.nb), written(ids.en))


def _joined_kinds(kinds: list[str]) -> Text:
    many = [kind(name, "many") for name in kinds]
    return Text(listing([t.nb for t in many]).nb, listing([t.en for t in many]).en)


def _missing(page: Page, key: str, examples: dict[str, list[str]]) -> tuple[Text, Text]:
    kind_name = page.kind or ""
    spec = RELATION_FIELDS[key]
    target = kind(spec.target_kind, "the many" if spec.many else "the")
    it = kind(kind_name, "it")
    verb = {
        "goals": Text("tjener", "serves"),
        "instruments": Text("bruker", "uses"),
    }.get(key, Text("hører til", "belongs to"))
    ids = Text("id-ene", "the ids") if spec.many else Text("id-en", "the id")
    example = _example(key, examples, page)
    return (
        capitalised(kind(kind_name, "a")) + Text(f"trenger {code(key)}.", f"needs {code(key)}."),
        Text(
            f"Legg til {example.nb} med {ids.nb} til {target.nb} {it.nb} {verb.nb}.",
            f"Add {example.en} with {ids.en} of {target.en} {it.en} {verb.en}.",
        ),
    )
