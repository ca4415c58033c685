"""The words a page is THE page for, given to search as Pagefind metadata (`terms`).

Search weighs a match in these far above one in the text (RANKING in
docs/assets/javascripts/search.js), because ranking by the text alone puts an overview that
lists every code in a table above the page the code names, and a long glossary below a
short page that mentions a term in passing. The terms come from the model, not from a list
to keep up:
- a priority page: its code (po-3 is PO3);
- an objective page: its number and EU code (so-2-2 is 2.2 and RSO2.2, as the objective
  pages write it);
- the glossary: each entry's term, unless another page has it in its title or a section
  heading (then that page is the page for it: "Interreg ØKS", "Støtteprosent" in the key
  facts);
- a page whose front matter asks for a boost (`search: {boost: 2}`, Material's key, kept
  so the content stays portable): its title.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from .glossary import GLOSSARY_PAGE_ID, entries
from .model import Graph, Page
from .search_synonyms import words_of

META = "terms"
DESCRIPTION = "summary"  # the front matter's description, which editors write to sum up a page
_PRIORITY_ID = re.compile(r"po-(\d+)")
_OBJECTIVE_ID = re.compile(r"so-(\d+)-(\d+)")
# "PO (politisk mål)", "ØKS / ÖKS": the term is what comes before a bracket or a slash.
_TERM = re.compile(r"^[^(/]+")


def page_terms(graph: Graph, page: Page, title: str) -> list[str]:
    meta: Mapping = page.meta
    page_id = page.id or ""
    terms = []
    if page.kind == "priority" and (match := _PRIORITY_ID.fullmatch(page_id)):
        terms.append(f"PO{match[1]}")
    if page.kind == "objective" and (match := _OBJECTIVE_ID.fullmatch(page_id)):
        terms += [f"{match[1]}.{match[2]}", f"RSO{match[1]}.{match[2]}"]
    if page.id == GLOSSARY_PAGE_ID:
        terms += _glossary_terms(graph, page)
    if boost(meta) > 1 and title:
        terms.append(title)
    return terms


def _glossary_terms(graph: Graph, glossary: Page) -> list[str]:
    headings = [
        words_of(heading)
        for other in graph.pages
        if other.lang == glossary.lang and other is not glossary
        for heading in [str(other.meta.get("title") or "")]
        + [h.text for h in other.headings if h.level <= 2]
    ]
    terms = []
    for entry in entries(glossary)[1]:
        term = _TERM.match(entry.heading)
        if term and not any(_in_title(words_of(term[0]), heading) for heading in headings):
            terms.append(term[0].strip())
    return terms


def _in_title(term: list[str], title: list[str]) -> bool:
    """Every word of the term starts a word of the title ("særskilt mål" is in "Særskilte
    mål"): that page, not the glossary, is the page for the term."""
    return bool(term) and all(any(t.startswith(w) for t in title) for w in term)


def boost(meta: Mapping) -> float:
    """The page's search boost (`search: {boost: 0.5}`), 1 when none or not a number."""
    search = meta.get("search")
    value = search.get("boost", 1) if isinstance(search, Mapping) else 1
    return float(value) if isinstance(value, (int, float)) and value > 0 else 1.0


def weighted(html_text: str, meta: Mapping) -> str:
    """The page's HTML with its boost as Pagefind's weight. Material multiplied a page's
    score by its boost; Pagefind weighs words on a square scale (weight 2 counts about 4
    times), so the weight is the boost's square root."""
    factor = boost(meta)
    if factor == 1:
        return html_text
    return f'<div data-pagefind-weight="{factor**0.5:.2f}">{html_text}</div>'


def element(terms: list[str], description: object = None) -> str:
    """The page's terms, and its description (front matter), as Pagefind metadata: empty,
    hidden elements for its HTML."""
    found = []
    if terms:
        found.append((META, " ".join(terms)))
    if isinstance(description, str) and description.strip():
        found.append((DESCRIPTION, description.strip()))
    return "".join(_meta(key, value) for key, value in found)


def _meta(key: str, value: str) -> str:
    # Pagefind reads "key:value"; a comma would start another key.
    attribute = html.escape(f"{key}:{value.replace(',', ' ')}", quote=True)
    return f'<span data-pagefind-meta="{attribute}" hidden></span>'
