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
