"""Text from pages shown inside Markdown that GitHub renders (the pull request's job
summary, the weekly issue, annotations): as it is written, never as markup.

What a contributor writes can hold anything: a newline that leaves a code span and starts
a heading ("## ✅ Alt i orden"), an unclosed `<!--` that hides every finding after it, a
link dressed as the preview, an @-mention. Here each special character is escaped, each
line break is shown as ⏎, and code spans get a fence longer than any backtick run inside.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|!~@])")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x85]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A code span as code_span() writes it: a run of backticks, text, the same run.
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")


def flat(text: str) -> str:
    """One line: line breaks shown as ⏎, other control characters as �."""
    return _CONTROL.sub("\ufffd", _LINE_BREAK.sub("⏎", text))


def escaped(text: str) -> str:
    """Text shown as it is: Markdown's special characters escaped, on one line."""
    return _SPECIAL.sub(r"\\\1", flat(text)).replace("&", "&amp;")


def code_span(text: str) -> str:
    """Text in a code span whose backticks outnumber any run inside it, on one line."""
    text = flat(str(text))
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def with_code(text: str) -> str:
    """A message with code spans (messages.code): the spans kept, everything else escaped."""
    parts, last = [], 0
    for span in CODE_SPAN.finditer(text):
        parts += [escaped(text[last : span.start()]), span.group()]
        last = span.end()
    return "".join([*parts, escaped(text[last:])])
