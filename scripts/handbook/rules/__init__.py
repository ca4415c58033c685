"""The rules: each module is one rule, a function `check(graph) -> findings`.

Every rule has a code (`HB001`) and a slug (`front-matter`), as linters such as yamllint and
pymarkdown do, so a message can be looked up in CONTRIBUTING and a rule can be run alone.
A module's docstring is the rule's documentation, with a passing and a failing example.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType

from ..findings import Finding
from ..model import Graph
from . import (
    boxes,
    coverage,
    files,
    front_matter,
    glossary,
    identity,
    limits,
    links,
    navigation,
    objective_priority,
    relation_targets,
    review,
    safe_content,
    schema,
    search_synonyms,
    sources,
    translations,
    words,
)


@dataclass(frozen=True)
class Rule:
    code: str
    slug: str
    summary: str
    check: Callable[[Graph], Iterable[Finding]]


def _rule(module: ModuleType) -> Rule:
    summary = (module.__doc__ or "").strip().splitlines()[0]
    return Rule(module.CODE, module.SLUG, summary, module.check)


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in map(
        _rule,
        (
            front_matter,
            identity,
            schema,
            relation_targets,
            objective_priority,
            coverage,
            navigation,
            translations,
            links,
            safe_content,
            words,
            files,
            limits,
            sources,
            review,
            boxes,
            glossary,
            search_synonyms,
        ),
    )
}


def get(name: str) -> Rule:
    """A rule by code or slug; raises KeyError naming the known rules otherwise."""
    for rule in RULES.values():
        if name in (rule.code, rule.slug):
            return rule
    known = ", ".join(f"{r.code} ({r.slug})" for r in RULES.values())
    raise KeyError(f"unknown rule {name!r}; known rules: {known}")


def run_all(graph: Graph, only: Iterable[str] = ()) -> list[Finding]:
    """Run every rule (or the named ones) and return their findings, sorted."""
    selected = [get(name) for name in only] if only else list(RULES.values())
    # Findings compare by place and code only (for sorting); two problems on one line, such
    # as two broken links, are two findings, and the same finding twice is one.
    unique = {
        (f.path, f.line, f.code, f.message): f for rule in selected for f in rule.check(graph)
    }
    return sorted(unique.values())
