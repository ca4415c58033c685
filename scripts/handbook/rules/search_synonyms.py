"""Every search synonym and misspelling is true of the pages (includes/search-synonyms.*.yml).

A line `what a reader types: what the pages say` rewrites the reader's query before search
runs (handbook/search_synonyms.py). The reader's word must not be on a page the pages' word
is not on (search finds it as typed there, and the rewrite would lose that page); the pages'
word must be on them, whole or as the start of a longer word (else the rewrite finds
nothing); and it must not be rewritten again.

PASS: ``kollektivtransport: kollektivtrafikk`` under ``synonyms:`` when the pages say
"kollektivtrafikk" and never "kollektivtransport".
FAIL (HB018): ``trafikk: transport`` when a page has "trafikk" but not "transport";
``elbil: elbiler`` when no page has "elbiler"; an unknown group; a line with nothing after
the colon.
"""

from __future__ import annotations

from ..findings import Finding
from ..model import Graph
from ..search_synonyms import (
    SYNONYMS_FILE,
    Vocabulary,
    page_texts,
    problems_against_pages,
    read,
)

CODE = "HB018"
SLUG = "search-synonyms"


def check(graph: Graph) -> list[Finding]:
    findings = []
    for lang in graph.config.languages:
        entries, problems = read(graph.config.root, lang)
        if entries:
            path = SYNONYMS_FILE.format(lang=lang)
            vocabulary = Vocabulary(page_texts(graph.pages, lang))
            problems += problems_against_pages(path, entries, vocabulary)
        findings += [Finding(p.path, p.line, CODE, p.message, p.hint, rule=SLUG) for p in problems]
    return findings
