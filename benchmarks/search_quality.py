"""Type a query into the real search box, as a reader does, and measure what comes back.

Shared by the search benchmark (benchmarks/bench_search.py, the whole query table) and the
browser tests (tests/browser/test_search.py, the rows marked `ci: true`). It reads only the
markup of Material's search dialog (`.md-search__input`, `.md-search-result`), which the
handbook's own search keeps, so the same code measured Material's lunr search before the
change and Pagefind after it.

Latency is measured in the page: the time of the last keystroke in the search box and of
the last change to the result list, both from `performance.now()`. The reader types at
`KEY_DELAY_MS` a key; nothing here asserts a time (the benchmark reports it).
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

QUERIES = Path(__file__).resolve().parent / "search_queries.yml"
LANGUAGES = ("nb", "en")
DEFAULT_LANGUAGE = "nb"
CATEGORIES = ("exact", "inflected", "compound", "synonym", "typo", "number", "phrase", "nordic")
RESULT_LINKS = ".md-search-result__list > .md-search-result__item > .md-search-result__link"
KEY_DELAY_MS = 60  # a quick typist: about 16 keys a second
SETTLED_MS = 350  # the result list has not changed for this long: it is final
GIVE_UP_MS = 5000

# Runs in every page of the tab before its own scripts: records when the reader last typed
# into the search box and when the result list last changed.
_RECORDER = """
(() => {
  const record = { key: 0, change: 0, changes: 0 };
  window.__searchTiming = record;
  document.addEventListener("input", event => {
    if (event.target.matches && event.target.matches(".md-search__input"))
      record.key = performance.now();
  }, true);
  const watch = () => {
    const list = document.querySelector(".md-search-result");
    if (!list) return;
    new MutationObserver(() => { record.change = performance.now(); record.changes++; })
      .observe(list, { childList: true, subtree: true, characterData: true, attributes: true });
  };
  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", watch);
  else
    watch();
})();
"""


@dataclass(frozen=True)
class Query:
    lang: str
    category: str
    query: str
    expect: tuple[str, ...]  # acceptable first pages, relative to the language's root
    why: str = ""
    ci: bool = False

    @property
    def label(self) -> str:
        return f"{self.lang}:{self.category}:{self.query}"


@dataclass
class Outcome:
    query: Query
    results: list[str]  # result pages, best first, relative to the language's root
    other_language: list[str]  # results from the other language's pages
    latency_ms: float | None  # last keystroke to the last change of the result list
    meta: str = ""  # the line above the results (count, "no results", a fallback note)

    @property
    def first_right(self) -> bool:
        return bool(self.results) and self.results[0] in self.query.expect

    @property
    def none(self) -> bool:
        return not self.results


def load_queries(path: Path = QUERIES) -> list[Query]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = []
    for row in rows:
        expect = row["expect"]
        queries.append(
            Query(
                lang=row["lang"],
                category=row["category"],
                query=str(row["query"]),
                expect=tuple(str(p) for p in (expect if isinstance(expect, list) else [expect])),
                why=row.get("why", ""),
                ci=bool(row.get("ci", False)),
            )
        )
    return queries


def prepare(page) -> None:
    """Install the timing recorder in a tab (once, before its first page)."""
    page.add_init_script(_RECORDER)


def language_root(base_url: str, lang: str) -> str:
    return base_url if lang == DEFAULT_LANGUAGE else f"{base_url}{lang}/"


def run(
    page,
    base_url: str,
    query: Query,
    *,
    key_delay_ms: int = KEY_DELAY_MS,
    settled_ms: int = SETTLED_MS,
    reuse: bool = False,
) -> Outcome:
    """Open the language's start page, open search with "/", type the query key by key and
    read the result list once it has settled (unchanged for `settled_ms`).

    With `reuse`, a tab already on that page with search open only has its box cleared:
    the browser tests save a page load per query that way; the benchmark loads each time.
    """
    root = language_root(base_url, query.lang)
    box = page.locator(".md-search__input")
    if reuse and page.url == root and page.evaluate("document.getElementById('__search').checked"):
        box.fill("")
        box.focus()
    else:
        page.goto(root)
        page.wait_for_load_state("load")
        page.keyboard.press("/")
        box.wait_for(state="visible")
    page.keyboard.type(query.query, delay=key_delay_ms)
    typed = time.monotonic()
    while True:
        page.wait_for_timeout(50)
        timing = page.evaluate("() => ({...window.__searchTiming, now: performance.now()})")
        answered = timing["change"] >= timing["key"] > 0
        if answered and timing["now"] - timing["change"] >= settled_ms:
            break
        if (time.monotonic() - typed) * 1000 > GIVE_UP_MS:
            break
    hrefs = page.locator(RESULT_LINKS).evaluate_all("els => els.map(e => e.href)")
    paths = list(dict.fromkeys(site_path(href, base_url) for href in hrefs))
    own, other = _split_by_language(paths, query.lang)
    meta = page.locator(".md-search-result__meta").first.inner_text().strip()
    latency = timing["change"] - timing["key"] if timing["change"] >= timing["key"] > 0 else None
    return Outcome(query, own, other, latency, meta)


def site_path(href: str, base_url: str) -> str:
    """A result link's path below the site's base ("prioriteringer/po3/")."""
    return urlsplit(href).path[len(urlsplit(base_url).path) :]


def _split_by_language(paths: list[str], lang: str) -> tuple[list[str], list[str]]:
    """Result paths relative to `lang`'s root, and those that belong to another language."""
    others = [other for other in LANGUAGES if other != DEFAULT_LANGUAGE]
    own: list[str] = []
    other: list[str] = []
    for path in paths:
        path_lang = next((o for o in others if path.startswith(f"{o}/")), DEFAULT_LANGUAGE)
        if path_lang != lang:
            other.append(path)
        elif lang == DEFAULT_LANGUAGE:
            own.append(path)
        else:
            own.append(path[len(lang) + 1 :])
    return own, other


@dataclass
class Tally:
    total: int = 0
    first: int = 0
    none: int = 0
    other_language: int = 0
    latencies: list[float] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.total += 1
        self.first += outcome.first_right
        self.none += outcome.none
        self.other_language += bool(outcome.other_language)
        if outcome.latency_ms is not None:
            self.latencies.append(outcome.latency_ms)

    def percent(self, count: int) -> str:
        return f"{100 * count / self.total:.0f} %" if self.total else "-"

    def latency(self, quantile: float) -> str:
        if not self.latencies:
            return "-"
        ordered = sorted(self.latencies)
        return f"{ordered[min(len(ordered) - 1, int(quantile * len(ordered)))]:.0f}"


def tallies(outcomes: list[Outcome]) -> dict[str, Tally]:
    """Per category, per language, and overall ("all")."""
    table: dict[str, Tally] = {}
    for outcome in outcomes:
        q = outcome.query
        for key in (q.category, f"lang {q.lang}", "all"):
            table.setdefault(key, Tally()).add(outcome)
    return table


def markdown(outcomes: list[Outcome], title: str) -> str:
    table = tallies(outcomes)
    keys = (
        [c for c in CATEGORIES if c in table]
        + [k for k in table if k.startswith("lang ")]
        + ["all"]
    )
    lines = [
        f"#### {title}",
        "",
        "| queries | n | right page first | no result | other language "
        "| latency p50 / p95 / max (ms) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for key in keys:
        t = table[key]
        lines.append(
            f"| {key} | {t.total} | {t.percent(t.first)} | {t.percent(t.none)} | "
            f"{t.other_language} | {t.latency(0.5)} / {t.latency(0.95)} / {t.latency(1.0)} |"
        )
    return "\n".join(lines)


def failures(outcomes: list[Outcome]) -> str:
    lines = []
    for o in outcomes:
        if not o.first_right or o.other_language:
            got = ", ".join(o.results[:3]) or "(nothing)"
            lines.append(
                f"- `{o.query.label}` expected {list(o.query.expect)}, got {got}  [{o.meta}]"
            )
    return "\n".join(lines)


def categories_of(queries: list[Query]) -> Counter:
    return Counter((q.lang, q.category) for q in queries)
