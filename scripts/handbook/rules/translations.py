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
from ..model import RELATION_FIELDS, Graph, Page

CODE = "HB008"
SLUG = "translations"


def check(graph: Graph) -> Iterator[Finding]:
    default = graph.config.default_language
    sources = graph.by_language.get(default, [])
    for lang in graph.config.languages[1:]:
        for source in sources:
            translation = graph.page_at(lang, source.rel_path)
            if translation is None:
                yield Finding(
                    source.display_path,
                    1,
                    CODE,
                    f"the page has no '{lang}' translation",
                    f"create docs/{lang}/{source.rel_path} with the same id and kind",
                    rule=SLUG,
                )
            elif translation.error is None and source.error is None:
                yield from _check_pair(source, translation)
        source_paths = {page.rel_path for page in sources}
        for page in graph.by_language.get(lang, []):
            if page.rel_path not in source_paths:
                yield Finding(
                    page.display_path,
                    1,
                    CODE,
                    f"translation of a page that does not exist in '{default}'",
                    f"create docs/{default}/{page.rel_path} or remove this file",
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


def _check_pair(source: Page, translation: Page) -> Iterator[Finding]:
    path = translation.display_path
    for key in ("id", "kind"):
        if translation.meta.get(key) != source.meta.get(key):
            yield Finding(
                path,
                translation.line_of(key),
                CODE,
                f"{key} is {translation.meta.get(key)!r} here but "
                f"{source.meta.get(key)!r} in {source.display_path}",
                f"a translation keeps the {key} of its source",
                rule=SLUG,
            )
    for key in RELATION_FIELDS:
        if key in translation.meta:
            yield Finding(
                path,
                translation.line_of(key),
                CODE,
                f"a translation declares '{key}'",
                f"remove it: relations are declared once, in {source.display_path}",
                rule=SLUG,
            )
    current = fingerprint(source)
    recorded = translation.meta.get("translation_of")
    if recorded is not None and not _is_fingerprint(recorded, source.lang):
        yield Finding(
            path,
            translation.line_of("translation_of"),
            CODE,
            f"'translation_of: {recorded}' is not a fingerprint",
            f"write the one `python -m handbook translated {path}` writes, such as "
            f"'translation_of: {current}'",
            rule=SLUG,
        )
        return
    status = translation_status(source, translation, current)
    if status == "untranslated":
        yield Finding(
            path,
            translation.line_of("id"),
            CODE,
            "the page is not translated yet (no 'translation_of'), so readers get a notice",
            f"translate {source.display_path}, then run: python -m handbook translated {path}",
            severity="warning",
            rule=SLUG,
        )
    elif status == "outdated":
        yield Finding(
            path,
            translation.line_of("translation_of"),
            CODE,
            f"{source.display_path} has changed since this page was translated",
            f"update the translation, then set 'translation_of: {current}'",
            severity="warning",
            rule=SLUG,
        )
