"""Every language has every interface word, in its file includes/words.<lang>.yml.

The interface words are what the site writes around the content: the site's name, the
related-pages section, notices, dates, the footer. Each language's file must have exactly
the keys of the default language's file, and the other languages a title for every title
in the nav of mkdocs.yml. A word missing in one language would otherwise be missing on its
site; a key only one language has is a typo or a word the others lack. The build stops on
the same problems. A handbook with no word files at all (the small ones the tests and
benchmarks write, built without the hooks) has nothing to check here.

PASS: ``footer_sources: Kilder`` in words.nb.yml and ``footer_sources: Sources`` in
words.en.yml; ``Ordliste: Glossary`` under ``nav:`` in words.en.yml.
FAIL (HB011): words.en.yml without ``footer_sources``; a nav title with no English title;
a word that is empty or is a list; a file that is missing or not `key: word` lines.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..config import HandbookConfig
from ..findings import Finding
from ..model import Graph
from ..words import Problem, has_word_files, read

CODE = "HB011"
SLUG = "words"


def check(graph: Graph) -> list[Finding]:
    return findings(graph.config)


def findings(config: HandbookConfig) -> list[Finding]:
    if not has_word_files(config.root):
        return []
    _, problems = read(config)
    return as_findings(problems)


def as_findings(problems: Iterable[Problem]) -> list[Finding]:
    """The problems the words module found, as this rule's findings (the build shows them
    in the same words as the check)."""
    return [Finding(p.path, p.line, CODE, p.message, p.hint, rule=SLUG) for p in problems]
