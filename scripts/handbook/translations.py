"""Record that a translation matches its source: `python -m handbook translated PATH...`.

After updating docs/en/x.md to match docs/nb/x.md, the translator runs this to set
`translation_of:` to the source's current fingerprint. The check then treats the page as
fresh until the Norwegian text changes again.
"""

from __future__ import annotations

import re
from pathlib import Path

from .config import HandbookConfig
from .fingerprint import fingerprint
from .model import parse_page, read_text_as_mkdocs, split_front_matter

_KEY = re.compile(r"^translation_of\s*:.*$", re.MULTILINE)


class NotATranslationError(ValueError):
    """The path is not a page of a non-default language with a source page."""


def mark_translated(config: HandbookConfig, path: Path) -> str:
    """Set `translation_of` on one translation; return the fingerprint written."""
    try:
        lang, rel_path = (
            path.resolve().relative_to(config.docs_dir.resolve()).as_posix().split("/", 1)
        )
    except ValueError:
        raise NotATranslationError(f"{path} is not under {config.docs_dir}") from None
    if lang not in config.languages[1:]:
        raise NotATranslationError(
            f"{path} is not in a translation folder ({', '.join(config.languages[1:])})"
        )
    default = config.default_language
    source_path = config.docs_dir / default / rel_path
    if not source_path.is_file():
        raise NotATranslationError(f"{path} has no source page docs/{default}/{rel_path}")
    value = fingerprint(parse_page(default, rel_path, source_path, f"docs/{default}/{rel_path}"))
    split = split_front_matter(read_text_as_mkdocs(path))
    if split.front is None or not split.closed:
        raise NotATranslationError(f"{path} has no front matter to write into")
    front = split.front.rstrip("\n")
    if _KEY.search(front):
        front = _KEY.sub(f"translation_of: {value}", front)
    else:
        front += f"\ntranslation_of: {value}"
    path.write_text(f"---\n{front}\n---\n{split.body}", encoding="utf-8")
    return value
