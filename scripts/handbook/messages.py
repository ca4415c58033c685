"""The check's words for people: every message in Norwegian (the default) and English.

Most contributors are officials who edit a page in GitHub's browser editor and read the
check's messages as annotations on their pull request. They read Norwegian, so the check
speaks it unless asked for English (`--lang en`); CONTRIBUTING is in Norwegian too.

A message is a `Text`: both languages side by side, written where the problem is found.
gettext would key each Norwegian text by its English one and need a compiled catalogue;
with two fixed languages, keeping both beside the code means no message can lack a
translation, and whoever changes one sees the other. The helpers below give the grammar
both languages need: a page kind with its article ("an objective", "et særskilt mål"),
lists joined with "and"/"og", and a YAML value written back as the author wrote it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .markdown_text import code_span

Language = Literal["nb", "en"]
LANGUAGES: tuple[Language, ...] = ("nb", "en")
DEFAULT_LANGUAGE: Language = "nb"


@dataclass(frozen=True)
class Text:
    """One message in both languages. Messages are whole sentences, ending with a stop."""

    nb: str
    en: str

    def __call__(self, lang: str) -> str:
        """The text in `lang` (nb or en)."""
        return self.en if lang == "en" else self.nb

    def ended(self, mark: str = ".") -> Text:
        """The text with a full stop (or another mark) right after it, no space between."""
        return Text(self.nb + mark, self.en + mark)

    def __add__(self, other: Text) -> Text:
        """Two texts as one, with a space between (a message and its example)."""
        return Text(_joined(self.nb, other.nb), _joined(self.en, other.en))


def _joined(first: str, second: str) -> str:
    return f"{first} {second}" if first and second else first or second


def same(text: str) -> Text:
    """Text that reads the same in both languages: a path, a code, an example of YAML."""
    return Text(text, text)


# kind -> language -> (indefinite article, singular, plural, definite singular, pronoun,
# definite plural)
_KINDS: dict[str, dict[str, tuple[str, str, str, str, str, str]]] = {
    "objective": {
        "nb": (
            "et",
            "særskilt mål",
            "særskilte mål",
            "det særskilte målet",
            "det",
            "de særskilte målene",
        ),
        "en": ("an", "objective", "objectives", "the objective", "it", "the objectives"),
    },
    "priority": {
        "nb": ("en", "prioritering", "prioriteringer", "prioriteringen", "den", "prioriteringene"),
        "en": ("a", "priority", "priorities", "the priority", "it", "the priorities"),
    },
    "goal": {
        "nb": ("et", "hovedmål", "hovedmål", "hovedmålet", "det", "hovedmålene"),
        "en": ("a", "goal", "goals", "the goal", "it", "the goals"),
    },
    "instrument": {
        "nb": ("et", "virkemiddel", "virkemidler", "virkemiddelet", "det", "virkemidlene"),
        "en": ("an", "instrument", "instruments", "the instrument", "it", "the instruments"),
    },
    "programme": {
        "nb": ("et", "program", "programmer", "programmet", "det", "programmene"),
        "en": ("a", "programme", "programmes", "the programme", "it", "the programmes"),
    },
    "page": {
        "nb": ("en", "side", "sider", "siden", "den", "sidene"),
        "en": ("a", "page", "pages", "the page", "it", "the pages"),
    },
}

KindForm = Literal["a", "one", "many", "the", "it", "the many"]
_FORM_INDEX = {"one": 1, "many": 2, "the": 3, "it": 4, "the many": 5}


def kind(name: str, form: KindForm = "one") -> Text:
    """A page kind in words: `a` with its article ("an objective", "et særskilt mål"),
    `one` ("objective"), `many` ("objectives"), `the` ("the objective"), `the many` ("the
    objectives") or `it` (the pronoun: "det", "den"). An unknown kind is named as written,
    in backticks: `mål`."""
    words = _KINDS.get(name)
    if words is None:
        return same(code(name))

    def form_in(lang: str) -> str:
        if form == "a":
            return f"{words[lang][0]} {words[lang][1]}"
        return words[lang][_FORM_INDEX[form]]

    return Text(form_in("nb"), form_in("en"))


def capitalised(text: Text) -> Text:
    """The text with its first letter a capital, for a kind that starts a sentence."""
    return Text(text.nb[:1].upper() + text.nb[1:], text.en[:1].upper() + text.en[1:])


def listing(items: Iterable[str], conjunction: Literal["and", "or"] = "and") -> Text:
    """Items joined as a sentence joins them: "a, b and c" / "a, b og c"."""
    items = list(items)
    words = {"and": ("og", "and"), "or": ("eller", "or")}[conjunction]
    if len(items) < 2:
        return same("".join(items))
    head = ", ".join(items[:-1])
    return Text(f"{head} {words[0]} {items[-1]}", f"{head} {words[1]} {items[-1]}")


def counted(count: int, one: str, many: str) -> str:
    """A number and its noun: "1 side", "3 sider"."""
    return f"{count} {one if count == 1 else many}"


def first_of(
    items: Iterable[str], conjunction: Literal["and", "or"] = "and", limit: int = 10
) -> Text:
    """Like `listing`, but only the first `limit` items, then how many more there are:
    "a, b, c and 12 more" / "a, b, c og 12 til"."""
    items = list(items)
    if len(items) <= limit:
        return listing(items, conjunction)
    head = ", ".join(items[:limit])
    rest = len(items) - limit
    return Text(f"{head} og {rest} til", f"{head} and {rest} more")


# A language's name in each language; a code without one is shown as it is written.
_LANGUAGE_NAMES = {
    "nb": Text("norsk", "Norwegian"),
    "nn": Text("nynorsk", "Norwegian Nynorsk"),
    "en": Text("engelsk", "English"),
    "se": Text("nordsamisk", "Northern Sami"),
    "sv": Text("svensk", "Swedish"),
    "da": Text("dansk", "Danish"),
    "de": Text("tysk", "German"),
    "fr": Text("fransk", "French"),
}


def language_name(lang: str) -> Text:
    """A language by name: "norsk" / "Norwegian"; `xx` for a code without a name."""
    return _LANGUAGE_NAMES.get(lang, same(code(lang)))


def language_adjective(lang: str) -> Text:
    """A language's name before a definite noun: "den norske siden" / "the Norwegian page".
    Every name above ends in -sk, whose definite form adds -e."""
    name = _LANGUAGE_NAMES.get(lang)
    if name is None:
        return same(code(lang))
    return Text(name.nb + "e", name.en)


def code(text: object) -> str:
    """Something to type, set apart as Markdown does: `goals: [mal-kunnskap]`, and
    `` `x` `` when the text has a backtick of its own. On one line: what an author wrote
    cannot leave the span and become a heading in the pull request's summary."""
    return code_span(str(text))


def yaml_value(value: object) -> str:
    """A value read from YAML, written back the way YAML writes it: `true`, `[a, 2021]`,
    `null` rather than Python's `True`, `['a', 2021]`, `None`."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(yaml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {yaml_value(v)}" for k, v in value.items()) + "}"
    return str(value)
