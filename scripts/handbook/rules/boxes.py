"""Later facts, the handbook's own view and open points are marked one way each.

A box whose title starts with the language's update word ("Oppdatering: budsjettet i
detalj") holds a public fact from after the 2021 source: it must link to its source (an
https address, or the source's entry on the sources page), and it is stated once in the
handbook: a second box with the same title or the same text is an error (link to the first
instead). The handbook's own interpretation sits in one box per page ("Håndbokas
vurdering"), not in sentences scattered over it. The titles are interface words
(``box_update``, ``box_assessment`` in includes/words.<lang>.yml); a handbook without word
files has nothing to check here.

PASS: ``!!! info "Oppdatering: vedtaket"`` with ``Kilde: [interreg-oks.eu](https://...).``
FAIL (HB016): an update box with no link; the same update box on two pages; two
``!!! note "Håndbokas vurdering"`` boxes on one page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from ..boxes import Box, boxes
from ..findings import Finding
from ..messages import Text, code, listing
from ..model import Graph, Page, inline_links
from ..render import SOURCES_PAGE_ID
from ..words import WORDS_FILE, Words, has_word_files, read

CODE = "HB016"
SLUG = "boxes"

_SPACE = re.compile(r"\s+")
BOX_WORDS = ("box_update", "box_assessment")
# What a word file says for each, as in includes/words.nb.yml.
_EXAMPLES = {"box_update": "Oppdatering", "box_assessment": "Håndbokas vurdering"}


def check(graph: Graph) -> Iterator[Finding]:
    if not has_word_files(graph.config.root):
        return
    languages, problems = read(graph.config)
    if problems:
        return  # HB011 reports them; without the words there are no titles to look for
    for lang, words in languages.items():
        missing = [word for word in BOX_WORDS if word not in words]
        if missing:
            names = listing([code(word) for word in missing])
            example = code(f"{missing[0]}: {_EXAMPLES[missing[0]]}")
            yield Finding(
                WORDS_FILE.format(lang=lang),
                1,
                CODE,
                Text(
                    f"Ordfilen mangler grensesnittordene for titlene på boksene: {names.nb}.",
                    f"The word file lacks the interface words for the box titles: {names.en}.",
                ),
                Text(
                    "Legg dem til i ordfilen for hvert språk, som i includes/words.nb.yml, for "
                    f"eksempel {example}.",
                    "Add them to every language's word file, as in includes/words.nb.yml, for "
                    f"example {example}.",
                ),
                rule=SLUG,
            )
    first_update: dict[tuple[str, str], tuple[Page, Box]] = {}
    for page in sorted(graph.pages, key=lambda p: p.display_path):
        if page.error is not None or page.lang not in languages:
            continue
        words = languages[page.lang]
        if not all(word in words for word in BOX_WORDS):
            continue  # reported once per language below
        assessments: list[Box] = []
        for box in boxes(page):
            if _is_update(box, words):
                yield from _update_findings(graph, page, box, words, first_update)
            elif _folded(box.title) == _folded(words["box_assessment"]):
                assessments.append(box)
        title = words["box_assessment"]
        for box in assessments[1:]:
            yield Finding(
                page.display_path,
                box.line,
                CODE,
                Text(
                    f"Dette er den andre boksen «{title}» på siden. Den første står på linje "
                    f"{assessments[0].line}.",
                    f"This is a second '{title}' box on the page. The first is on line "
                    f"{assessments[0].line}.",
                ),
                Text(
                    "Håndbokas syn står i én boks per side. Slå de to boksene sammen.",
                    "The handbook's view goes in one box per page. Merge the two.",
                ),
                rule=SLUG,
            )


def _folded(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def _is_update(box: Box, words: Words) -> bool:
    title = _folded(box.title)
    prefix = _folded(words["box_update"])
    return title == prefix or title.startswith(prefix + ":")


def _update_findings(
    graph: Graph,
    page: Page,
    box: Box,
    words: Words,
    first_update: dict[tuple[str, str], tuple[Page, Box]],
) -> Iterator[Finding]:
    update = words["box_update"]
    if not any(_names_source(graph, page, target) for target, _ in inline_links(box.text)):
        example = code("Kilde: [interreg.no](https://www.interreg.no/).")
        yield Finding(
            page.display_path,
            box.line,
            CODE,
            Text(
                f"Boksen «{update}» lenker ikke til kilden sin.",
                f"The '{update}' box does not link to its source.",
            ),
            Text(
                "Avslutt boksen med kilden og en lenke til den (en https-adresse eller kildens "
                f"oppføring på kildesiden), for eksempel {example}",
                "End the box with its source and a link to it (an https address, or the "
                f"source's entry on the sources page), for example {example}",
            ),
            rule=SLUG,
        )
    for key in (("title", _folded(box.title)), ("text", _folded(box.text))):
        if not key[1] or key[1] == _folded(words["box_update"]):
            continue
        earlier = first_update.setdefault((page.lang, *key), (page, box))  # type: ignore[arg-type]
        if earlier[1] is not box:
            where = f"{earlier[0].display_path}:{earlier[1].line}"
            same = {"title": Text("tittel", "title"), "text": Text("tekst", "text")}[key[0]]
            yield Finding(
                page.display_path,
                box.line,
                CODE,
                Text(
                    f"Denne boksen «{update}» har samme {same.nb} som den på {where}.",
                    f"This '{update}' box has the same {same.en} as the one on {where}.",
                ),
                Text(
                    "Skriv hver oppdatering én gang: behold én boks, og lenk til den herfra.",
                    "State each update once: keep one box and link to it from here.",
                ),
                rule=SLUG,
            )
            return


def _names_source(graph: Graph, page: Page, target: str) -> bool:
    """Whether a link in an update box leads to a source: an https address, or an entry
    on the sources page."""
    if target.startswith("https://"):
        return True
    sources_page = graph.page(SOURCES_PAGE_ID, page.lang)
    path = target.split("#", 1)[0]
    if sources_page is None or not path:
        return False
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel_path), path))
    return resolved == sources_page.rel_path
