"""Text that templates print as it is (titles, descriptions, interface words) must be plain
text: no HTML tags, no character references, no control characters.

Material prints `page.meta.description`, page titles and headings without escaping them,
and `striptags` turns `&lt;` back into `<` inside `<title>`. The check keeps markup out of
these fields at the source; `as_template_text` is the build's second layer for a value that
got past it (a non-strict build).
"""

from __future__ import annotations

import html
import re

from .messages import Text, code

# One pass over the text, linear: no quantifier can backtrack into another.
_MARKUP = re.compile(r"[<>]|&#?[A-Za-z0-9]++;|[\x00-\x08\x0b-\x1f\x7f]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def markup_in(text: str) -> str | None:
    """The first piece of markup in `text` (a tag bracket, a character reference or a
    control character), or None for plain text."""
    match = _MARKUP.search(text)
    if match is None:
        return None
    found = match.group(0)
    return found if found.isprintable() else f"U+{ord(found):04X}"


_SHOWN_TAG = 60  # characters of a tag a message shows
_TAG = re.compile(r"<[/!?]?[A-Za-z][^<>\n]*+>")


def markup_problem(subject: Text, text: str) -> tuple[Text, Text | None] | None:
    """What `markup_in` finds, in words for the author, or None for plain text.

    `subject` names the text ("Overskriften" / "The heading"). The message shows the whole
    tag (`<i>`), not only its bracket; the second part says what to write instead of a lone
    `<` or `>`, an &-code or a control character, and is None for a tag, where the caller's
    own advice (write it as plain text) is the fix.
    """
    found = markup_in(text)
    if found is None:
        return None
    if found.startswith("U+"):
        return (
            subject
            + Text(
                f"har et usynlig kontrolltegn ({found}).",
                f"has an invisible control character ({found}).",
            ),
            Text("Slett det.", "Delete it."),
        )
    if found == "<":
        tag = _TAG.search(text, text.find("<"))
        if tag is not None and tag.start() == text.find("<"):
            shown = tag.group() if len(tag.group()) <= _SHOWN_TAG else tag.group()[:40] + "…>"
            return subject + Text(
                f"har HTML-koden {code(shown)}.", f"has the HTML tag {code(shown)}."
            ), None
    if found in "<>":
        return _lone_bracket(subject, found)
    meant = html.unescape(found)
    message = subject + Text(
        f"har &-koden {code(found)}, som står for tegnet {code(meant)}.",
        f"has the &-code {code(found)}, which stands for the character {code(meant)}.",
    )
    if meant in "<>":
        return message, _lone_bracket(subject, meant)[1]
    return message, Text(
        f"Skriv tegnet selv: {code(meant)}.", f"Write the character itself: {code(meant)}."
    )


def _lone_bracket(subject: Text, bracket: str) -> tuple[Text, Text]:
    if bracket == "<":
        return (
            subject
            + Text(
                "har tegnet `<`, som nettstedet kan lese som begynnelsen på HTML.",
                "has the character `<`, which the site may read as the start of HTML.",
            ),
            Text(
                "Skriv «under» eller «mindre enn» i stedet.",
                "Write 'under' or 'less than' instead.",
            ),
        )
    return (
        subject
        + Text(
            "har tegnet `>`, som nettstedet kan lese som slutten på HTML.",
            "has the character `>`, which the site may read as the end of HTML.",
        ),
        Text(
            "Skriv «over» eller «mer enn» i stedet.",
            "Write 'over' or 'more than' instead.",
        ),
    )


def as_template_text(value: object) -> str:
    """A value as text no template can read as markup, wherever it is printed: in an
    element, in a double-quoted attribute, escaped with `| e` or unescaped by `striptags`.

    Character references are decoded until none is left (`&amp;lt;` too), tag brackets
    and double quotes become look-alike characters, and control characters go. A bare `&`
    stays: it cannot start markup, and escaping it would show `&amp;` where a template
    escapes again. Valid content has none of these characters but quotes, so it changes
    only where it would have broken an attribute.
    """
    text = str(value)
    while (decoded := html.unescape(text)) != text:  # every decoding shortens the text
        text = decoded
    text = text.replace("<", "\u2039").replace(">", "\u203a").replace('"', "\u201d")
    return _CONTROL.sub("", text)
