"""Every page exists in every language with the same id and kind, and translations stay fresh.

- A page of the default language without a translation is an error, and so is a translation
  whose default-language page is gone (same path in each language folder).
- A translation has the same ``id`` and ``kind`` as its source and declares no relations: it
  inherits them.
- A translation records ``translation_of: <fingerprint>`` of the source text it was made
  from. When the source has changed since, the check warns (the page shows a notice). A page
  without one has not been translated yet (a stub from `python -m handbook new`): the check
  warns and the page says so, until a translator runs `python -m handbook translated`.

PASS (docs/en/prioriteringer/po1.md)::

    id: po-1
    kind: priority
    translation_of: nb-3f2a9c0d1b7e

FAIL (HB008): no docs/en/prioriteringer/po1.md; ``kind: page`` where the source says
``priority``; ``goals: [...]`` in the translation; ``translation_of: yes`` or any other value
that is not a fingerprint (an error, never read as "outdated").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..fingerprint import fingerprint
from ..messages import Text, code, language_name, yaml_value
from ..model import KINDS, RELATION_FIELDS, Graph, Page
from .identity import ID_PATTERN

CODE = "HB008"
SLUG = "translations"


def check(graph: Graph) -> Iterator[Finding]:
    default = graph.config.default_language
    sources = graph.by_language.get(default, [])
    for lang in graph.config.languages[1:]:
        name = language_name(lang)
        for source in sources:
            translation = graph.page_at(lang, source.rel_path)
            if translation is None:
                target = f"docs/{lang}/{source.rel_path}"
                yield Finding(
                    source.display_path,
                    1,
                    CODE,
                    Text(
                        f"Siden har ingen oversettelse til {name.nb}.",
                        f"The page has no {name.en} translation.",
                    ),
                    Text(
                        f"Lag {target} med samme `id` og `kind` som denne siden.",
                        f"Create {target} with the same `id` and `kind` as this page.",
                    ),
                    rule=SLUG,
                )
            elif translation.error is None and source.error is None:
                yield from _check_pair(source, translation)
        source_paths = {page.rel_path for page in sources}
        default_name = language_name(default)
        for page in graph.by_language.get(lang, []):
            if page.rel_path not in source_paths:
                missing = f"docs/{default}/{page.rel_path}"
                yield Finding(
                    page.display_path,
                    1,
                    CODE,
                    Text(
                        f"Siden har ingen kilde på {default_name.nb}: {missing} finnes ikke.",
                        f"The page has no {default_name.en} source: {missing} does not exist.",
                    ),
                    Text(
                        "En oversettelse har samme sti som kilden. Gi filen samme navn som "
                        f"kilden, lag {missing}, eller slett denne filen.",
                        "A translation has the same path as its source. Give the file its "
                        f"source's name, create {missing}, or delete this file.",
                    ),
                    rule=SLUG,
                )


def translation_status(source: Page, translation: Page, current: str | None = None) -> str:
    """'fresh', 'outdated' or 'untranslated' (no fingerprint): for the rule and the hooks.

    `current` is the source's fingerprint when the caller has it already.
    """
    recorded = translation.meta.get("translation_of")
    if not recorded:
        return "untranslated"
    return "fresh" if str(recorded) == (current or fingerprint(source)) else "outdated"


def _is_fingerprint(value: object, lang: str) -> bool:
    """The one format of `translation_of`: the source's language and 12 hex digits."""
    return (
        isinstance(value, str)
        and re.fullmatch(rf"{re.escape(lang)}-[0-9a-f]{{12}}", value) is not None
    )


def _written(page: Page, key: str) -> str:
    """A key's line as the author wrote it (`kind: page`), or as YAML writes its value."""
    line = page.key_text(key).strip()
    if line.partition(":")[2].strip():
        return line
    return f"{key}: {yaml_value(page.meta.get(key))}"


def _check_pair(source: Page, translation: Page) -> Iterator[Finding]:
    path = translation.display_path
    for key in ("id", "kind"):
        if translation.meta.get(key) == source.meta.get(key):
            continue
        yield Finding(
            path,
            translation.line_of(key),
            CODE,
            *_differs(source, translation, key),
            rule=SLUG,
        )
    for key in RELATION_FIELDS:
        if key in translation.meta:
            yield Finding(
                path,
                translation.line_of(key),
                CODE,
                Text(
                    f"En oversettelse kan ikke ha {code(key)}.",
                    f"A translation cannot have {code(key)}.",
                ),
                Text(
                    f"Slett linjen. Relasjonene står én gang, i {source.display_path}, og "
                    "oversettelsen arver dem.",
                    f"Delete the line. Relations are declared once, in {source.display_path}, "
                    "and the translation inherits them.",
                ),
                rule=SLUG,
            )
    current = fingerprint(source)
    recorded = translation.meta.get("translation_of")
    command = code(f"python -m handbook translated {path}")
    example = code(f"translation_of: {current}")
    if recorded is not None and not _is_fingerprint(recorded, source.lang):
        yield Finding(
            path,
            translation.line_of("translation_of"),
            CODE,
            Text(
                f"{code(_written(translation, 'translation_of'))} er ikke et fingeravtrykk av "
                "kilden.",
                f"{code(_written(translation, 'translation_of'))} is not a fingerprint of the "
                "source.",
            ),
            Text(
                f"Skriv verdien {command} skriver: {example}.",
                f"Write the value {command} writes: {example}.",
            ),
            rule=SLUG,
        )
        return
    status = translation_status(source, translation, current)
    if status == "untranslated":
        yield Finding(
            path,
            translation.line_of("id"),
            CODE,
            Text(
                "Siden er ikke oversatt ennå (den mangler `translation_of`), så leserne ser en "
                "merknad om det.",
                "The page is not translated yet (it has no `translation_of`), so readers see a "
                "notice saying so.",
            ),
            Text(
                f"Oversett {source.display_path}, og legg så til linjen {example} (eller kjør "
                f"{command}).",
                f"Translate {source.display_path}, then add the line {example} (or run {command}).",
            ),
            severity="warning",
            rule=SLUG,
        )
    elif status == "outdated":
        yield Finding(
            path,
            translation.line_of("translation_of"),
            CODE,
            Text(
                f"Kilden, {source.display_path}, er endret siden denne siden ble oversatt.",
                f"The source, {source.display_path}, has changed since this page was translated.",
            ),
            Text(
                f"Oppdater oversettelsen, og skriv så {example} (eller kjør {command}).",
                f"Update the translation, then write {example} (or run {command}).",
            ),
            severity="warning",
            rule=SLUG,
        )


def _differs(source: Page, translation: Page, key: str) -> tuple[Text, Text]:
    """A translation's `id` or `kind` that is not its source's: what each says, and the line
    to write."""
    field, where = code(key), source.display_path
    if key not in source.meta:
        return (
            Text(
                f"Her står {code(_written(translation, key))}, men kilden, {where}, har ingen "
                f"{field}.",
                f"This page has {code(_written(translation, key))}, but its source, {where}, "
                f"has no {field}.",
            ),
            Text(
                f"En oversettelse har samme {field} som kilden. Legg den til i kilden, eller "
                "slett linjen her.",
                f"A translation keeps the {field} of its source. Add it to the source, or "
                "delete the line here.",
            ),
        )
    wanted = code(_written(source, key))
    hint = Text(
        f"En oversettelse har samme {field} som kilden. Skriv {wanted}.",
        f"A translation keeps the {field} of its source. Write {wanted}.",
    )
    if not _well_formed(source, key):
        # Copying a value that is wrong itself would only move the error.
        hint = Text(
            f"Kilden, {where}, har {wanted}, som også er feil. Rett kilden først.",
            f"Its source, {where}, has {wanted}, which is wrong too. Fix the source first.",
        )
        if key not in translation.meta:
            return Text(f"Siden mangler {field}.", f"The page has no {field}."), hint
        written = code(_written(translation, key))
        return (
            Text(
                f"Her står {written}, som ikke er det samme som i kilden.",
                f"This page has {written}, which is not what its source has.",
            ),
            hint,
        )
    if key not in translation.meta:
        return (
            Text(
                f"Siden mangler {field}. Kilden, {where}, har {wanted}.",
                f"The page has no {field}. Its source, {where}, has {wanted}.",
            ),
            hint,
        )
    written = code(_written(translation, key))
    return (
        Text(
            f"Her står {written}, men kilden, {where}, har {wanted}.",
            f"This page has {written}, but its source, {where}, has {wanted}.",
        ),
        hint,
    )


def _well_formed(page: Page, key: str) -> bool:
    """Whether a page's `id` or `kind` is one a translation could copy: an id as HB002
    wants it, a kind HB003 knows."""
    value = page.meta.get(key)
    if not isinstance(value, str):
        return False
    if key == "kind":
        return value in KINDS
    return ID_PATTERN.match(value) is not None
