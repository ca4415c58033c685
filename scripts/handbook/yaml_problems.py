"""YAML problems in plain words: what people actually get wrong, and what to write instead.

The parser's own text ("found character that cannot start any token", "mapping values are
not allowed in this context") means nothing to someone who edits a page in the browser.
Each error is matched to the mistake that causes it, with the line to fix and that line
written correctly:

- a tab, which YAML does not allow for indentation;
- an invisible byte order mark (U+FEFF), often pasted in with text from another program;
- a quote or a bracket that is opened and never closed;
- a colon followed by a space inside a value, which YAML reads as a new key;
- a value that starts with a character YAML reserves (`@`, `` ` ``, `%`, `*`, `&`, `!`, `|`);
- a line without a colon, or a key indented under another.

Values that parse but mean something else (`no` read as false, `2021` read as a number, an
empty value) are explained by `value_problem`, which the rules call where a text is
expected.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import yaml

from .messages import Text, code, same, yaml_value
from .safe_yaml import MAX_DEPTH, RejectedYAMLError, nested_too_deep

BYTE_ORDER_MARK = "\ufeff"
# PyYAML (YAML 1.1) reads these as true and false.
_BOOLEAN = re.compile(
    r"(?<![\w-])(yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)(?![\w-])"
)
_KEY = re.compile(r"^(\s*+)([^\s:#][^:]*?):(?:\s|$)")
_RESERVED_START = "@`%*&!|>"

GENERAL_HINT = Text(
    "Hvert felt står på sin egen linje som `navn: verdi`, helt til venstre. En liste skrives "
    '`[a, b]`, og en tekst med tegn som `:` eller `#` i anførselstegn: `description: "..."`.',
    "Each field is on a line of its own as `name: value`, at the left margin. A list is "
    "written `[a, b]`, and a text with characters such as `:` or `#` in quotes: "
    '`description: "..."`.',
)


def byte_order_mark_line(text: str) -> int | None:
    """The 0-based line of the first invisible byte order mark in `text`, if any."""
    at = text.find(BYTE_ORDER_MARK)
    return None if at == -1 else text.count("\n", 0, at)


def byte_order_mark() -> tuple[Text, Text]:
    return (
        Text(
            "Linjen begynner med et usynlig tegn (U+FEFF, kalt byte order mark), som YAML ikke "
            "kan lese.",
            "The line starts with an invisible character, a byte order mark (U+FEFF), which "
            "YAML cannot read.",
        ),
        Text(
            "Slett tegnet: sett markøren helt først på linjen og trykk Delete én gang. Det "
            "kommer ofte med når tekst limes inn fra et annet program.",
            "Delete it: put the cursor at the very start of the line and press Delete once. "
            "It often comes along when text is pasted from another program.",
        ),
    )


def explain(
    error: yaml.YAMLError, text: str, fields: Collection[str] = ()
) -> tuple[int, Text, Text]:
    """The 0-based line of `text` to fix, what is wrong there, and what to write instead.

    `fields` are the keys the file may have: a line that starts with one and a space, with
    no colon (`description Dette er ...`), is named as that field with its colon forgotten.
    """
    lines = text.split("\n")
    if isinstance(error, RejectedYAMLError):
        return rejected(error, lines)
    bom = byte_order_mark_line(text)
    if bom is not None:
        return (bom, *byte_order_mark())
    problem = getattr(error, "problem", None) or ""
    context = getattr(error, "context", None) or ""
    mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    line = mark.line if mark is not None else 0
    column = mark.column if mark is not None else 0
    at = lines[line] if line < len(lines) else ""
    found = at[column : column + 1]

    # PyYAML says "found character '\t' that cannot start any token" for a tab before a
    # key, and "found a tab character that violates indentation" for one in a list.
    tab = "tab character" in problem or ("cannot start any token" in problem and found == "\t")
    if tab or "\t" in at[:column]:
        return line, *_tab(at)
    if "nesting depth" in problem:  # libyaml's own limit, met before the loader's
        return line, *nested_too_deep(MAX_DEPTH)
    if "quoted scalar" in context and context_mark is not None:
        return context_mark.line, *_unclosed_quote(lines[context_mark.line], context_mark.column)
    if "flow sequence" in context or "flow mapping" in context:
        opened = context_mark.line if context_mark is not None else line
        return opened, *_unclosed_bracket(lines[opened], "[" if "sequence" in context else "{")
    if "mapping values are not allowed" in problem:
        before = _colon_forgotten_above(lines, line)
        if before is not None:
            return before, *_no_colon(lines[before], fields)
        return line, *_colon(at, column)
    if "expected alphabetic or numeric character" in problem and context_mark is not None:
        # `*Viktig* tekst`: YAML began to read an alias (or `&...`, an anchor) and met a
        # character a name cannot have.
        started = lines[context_mark.line]
        return context_mark.line, *_reserved_start(
            started, started[context_mark.column : context_mark.column + 1] or "*"
        )
    if (
        "cannot start any token" in problem and found in _RESERVED_START
    ) or "undefined alias" in problem:
        return line, *_reserved_start(at, found or "*")
    if "expected ':'" in problem and context_mark is not None:
        return context_mark.line, *_no_colon(lines[context_mark.line], fields)
    if "did not find expected key" in problem and _KEY.match(at) and '"' in at:
        return line, *_text_after_quote(at)
    return (
        line,
        Text(
            "Front matter kan ikke leses fra og med denne linjen.",
            "The front matter cannot be read from this line on.",
        ),
        GENERAL_HINT,
    )


def rejected(error: RejectedYAMLError, lines: list[str]) -> tuple[int, Text, Text]:
    """Valid YAML the handbook refuses (safe_yaml), at its 0-based line. A value that
    starts with `*` or `&` (Markdown's *emphasis*) is named as the reserved character it
    starts with, with the author's line in quotes."""
    line = error.problem_mark.line
    if error.starts_with and line < len(lines):
        return line, error.text, in_quotes(lines[line])
    return line, error.text, error.hint


def _colon_forgotten_above(lines: list[str], line: int) -> int | None:
    """The line above `line` when it is a field's name and text without a colon: YAML reads
    the two lines as one key and stops at the colon of the second."""
    above = line - 1
    if above < 0 or not lines[line] or lines[line][0] in " \t":
        return None
    written = lines[above]
    if not written.strip() or written[0] in " \t-#" or ":" in written:
        return None
    return above


def _key_and_value(line: str) -> tuple[str, str, str]:
    """The indentation, key and value of a `key: value` line (key empty if it has none)."""
    match = _KEY.match(line)
    if match is None:
        return "", "", line.strip()
    return match.group(1), match.group(2), line[match.end() :].strip()


def _quoted(value: str) -> str:
    """A value in quotes, written for a person to copy: quotation marks inside become «»
    (no backslashes), and a value with a backslash goes in single quotes, where YAML reads
    it as written."""
    if "\\" in value:
        return "'" + value.replace("'", "''") + "'"
    return '"' + _guillemets(value) + '"'


def _guillemets(value: str) -> str:
    """Each `"` in a text as « where it opens a quotation (at the start or after a space or
    a bracket) and » where it closes one: `Planen "Oslo 2030"` -> `Planen «Oslo 2030»`."""
    if '"' not in value:
        return value
    out = []
    for index, character in enumerate(value):
        if character == '"':
            opens = index == 0 or value[index - 1] in " \t([{"
            character = "«" if opens else "»"
        out.append(character)
    return "".join(out)


def _tab(line: str) -> tuple[Text, Text]:
    fixed = line.replace("\t", "  ")
    return (
        Text(
            "Linjen har et tabulatortegn (Tab). YAML godtar bare mellomrom foran og mellom "
            "feltene.",
            "The line has a tab character. YAML accepts only spaces before and between the fields.",
        ),
        Text("Bytt ut tabulatortegnet med mellomrom:", "Replace the tab with spaces:")
        + same(code(fixed.strip() if not fixed.strip().startswith("-") else fixed.rstrip())),
    )


def _unclosed_quote(line: str, column: int) -> tuple[Text, Text]:
    quote = line[column : column + 1] or '"'
    indent, key, value = _key_and_value(line)
    fixed = f"{indent}{key}: {value}{quote}" if key else line.rstrip() + quote
    return (
        Text(
            f"Anførselstegnet {quote} på denne linjen blir aldri lukket, så YAML leser resten "
            "av front matter som én tekst.",
            f"The quote {quote} on this line is never closed, so YAML reads the rest of the "
            "front matter as one text.",
        ),
        Text(
            f"Avslutt verdien med {quote} på samme linje:",
            f"End the value with {quote} on the same line:",
        )
        + same(code(fixed.strip())),
    )


def _unclosed_bracket(line: str, opening: str) -> tuple[Text, Text]:
    closing = "]" if opening == "[" else "}"
    other = "}" if closing == "]" else "]"
    if closing not in line and other in line:
        return _mixed_brackets(line, opening, other)
    names = {"[": ("Hakeparentesen", "The square bracket"), "{": ("Krøllparentesen", "The brace")}
    fixed = line.rstrip().rstrip(",") + closing if closing not in line else line.rstrip()
    return (
        Text(
            f"{names[opening][0]} {code(opening)} på denne linjen blir ikke lukket.",
            f"{names[opening][1]} {code(opening)} on this line is not closed.",
        ),
        Text(
            f"Lukk den med {code(closing)} på samme linje:",
            f"Close it with {code(closing)} on the same line:",
        )
        + same(code(fixed.strip())),
    )


def _mixed_brackets(line: str, opening: str, closing: str) -> tuple[Text, Text]:
    """`goals: {mal-a, mal-b]` or `goals: [mal-a, mal-b}`: a list is `[...]`, so the one
    bracket of the two that is not square is the one to change."""
    start = line.index(opening)
    end = line.rindex(closing)
    fixed = (line[:start] + "[" + line[start + 1 : end] + "]" + line[end + 1 :]).strip()
    if opening == "{":
        fix = Text("Skriv `[` først:", "Write `[` first:")
    else:
        fix = Text("Skriv `]` til slutt:", "Write `]` at the end:")
    return (
        Text(
            f"Lista begynner med {code(opening)}, men slutter med {code(closing)}.",
            f"The list starts with {code(opening)} but ends with {code(closing)}.",
        ),
        fix + same(code(fixed)),
    )


def _colon(line: str, column: int) -> tuple[Text, Text]:
    indent, key, _ = _key_and_value(line)
    if key and len(indent) + len(key) < column:
        return (
            Text(
                "Verdien har et kolon, og YAML leser teksten foran kolonet som navnet på et "
                "nytt felt.",
                "The value has a colon, and YAML reads the text before it as the name of a "
                "new field.",
            ),
            in_quotes(line),
        )
    return (
        Text(
            "Linjen er rykket inn, men linjen over er et felt med en verdi og kan ikke ha "
            "felt under seg.",
            "The line is indented, but the line above is a field with a value and cannot "
            "have fields under it.",
        ),
        Text(
            "Start feltet helt til venstre, uten mellomrom foran:",
            "Start the field at the left margin, without spaces before it:",
        )
        + same(code(line.strip())),
    )


def _reserved_start(line: str, character: str) -> tuple[Text, Text]:
    if character == "*":
        read_as = Text(
            "og da leser YAML den som en henvisning til en annen verdi, ikke som tekst.",
            "so YAML reads it as a reference to another value, not as text.",
        )
    elif character == "&":
        read_as = Text(
            "og da leser YAML det første ordet som et navn på verdien, ikke som tekst.",
            "so YAML reads its first word as a name for the value, not as text.",
        )
    else:
        read_as = Text(
            "et tegn YAML bruker til noe annet enn tekst.",
            "a character YAML uses for something other than text.",
        )
    return (
        Text(
            f"Verdien begynner med {code(character)},",
            f"The value starts with {code(character)},",
        )
        + read_as,
        in_quotes(line),
    )


def in_quotes(line: str) -> Text:
    """The advice to quote a line's whole value, with the line so written."""
    _, key, value = _key_and_value(line)
    if key:
        written = f"{key}: {_quoted(value)}"
    elif value.startswith("- "):  # an item of a list written one `- item` a line
        written = f"- {_quoted(value[2:].strip())}"
    else:
        written = _quoted(value)
    return Text("Sett hele verdien i anførselstegn:", "Put the whole value in quotes:") + same(
        code(written)
    )


def missing_colon(name: str, rest: str) -> tuple[Text, Text]:
    """A known field's name followed by its value (or by nothing) without the colon."""
    message = Text(
        f"Det mangler et kolon etter {code(name)}.", f"There is no colon after {code(name)}."
    )
    if not rest:
        written = code(f"{name}: ...")
        return message, Text(
            f"Skriv et kolon og verdien etter navnet: {written}.",
            f"Write a colon and the value after the name: {written}.",
        )
    written = code(f"{name}: {as_text(rest)}")
    return message, Text(f"Skriv {written}.", f"Write {written}.")


def _no_colon(line: str, fields: Collection[str] = ()) -> tuple[Text, Text]:
    name, _, rest = line.strip().partition(" ")
    rest = rest.strip()
    if name in fields:
        return missing_colon(name, rest)
    example = f"{name or 'navn'}: {rest or '...'}"
    return (
        Text(
            "Linjen mangler kolon. Hvert felt i front matter skrives som `navn: verdi`.",
            "The line has no colon. Each field in the front matter is written as `name: value`.",
        ),
        Text(
            "Skriv et kolon og et mellomrom etter feltnavnet, for eksempel",
            "Write a colon and a space after the field's name, for example",
        )
        + same(code(example) + "."),
    )


def _text_after_quote(line: str) -> tuple[Text, Text]:
    _, key, value = _key_and_value(line)
    if len(value) > 1 and value[0] == value[-1] == '"':
        value = value[1:-1]  # the author's own quotes around the whole value
    return (
        Text(
            "Etter anførselstegnet som avslutter verdien, står det mer tekst.",
            "More text follows the quote that ends the value.",
        ),
        Text(
            "Sett anførselstegn rundt hele verdien, og bruk «» til sitater inne i den:",
            "Put quotes around the whole value, and use «» for quotations inside it:",
        )
        + same(code(f"{key}: {_quoted(value)}")),
    )


def as_text(token: str) -> str:
    """A scalar as written, quoted when YAML would read it as something other than text."""
    token = token.strip()
    if not token or token[0] in "\"'":
        return token
    try:
        read = yaml.safe_load(token)
    except yaml.YAMLError:
        return token
    return token if isinstance(read, str) else _quoted(token)


def with_text_values(line: str) -> str:
    """A `key: value` or `key: [a, b]` line with every value that YAML would not read as
    text put in quotes: `goals: [mal-a, no]` becomes `goals: [mal-a, "no"]`."""
    _indent, key, value = _key_and_value(line)
    if not value:  # a list written below its key, one `- item` a line
        return f"{key}: [...]"
    if value.startswith("[") and value.endswith("]"):
        items = ", ".join(as_text(item) for item in value[1:-1].split(",") if item.strip())
        return f"{key}: [{items}]"
    return f"{key}: {as_text(value)}"


def _block_item(line: str, item: object) -> str | None:
    """In a list written one `- item` a line under its key, the first item as written that
    YAML reads as `item` (a yes/no value, a number), or None."""
    for written in line.split("\n")[1:]:
        token = written.strip()
        if not token.startswith("-"):
            continue
        token = token[1:].strip()
        if as_text(token) == token:
            continue  # text already
        try:
            read = yaml.safe_load(token)
        except yaml.YAMLError:
            continue
        if read == item and type(read) is type(item):
            return token
    return None


def _words_in(value: object) -> list[str]:
    """The texts in a nested value, in order: what a flat list of them would hold."""
    if isinstance(value, list):
        return [word for item in value for word in _words_in(item)]
    if isinstance(value, dict):
        return [word for pair in value.items() for item in pair for word in _words_in(item)]
    return [value] if isinstance(value, str) else []


def value_problem(key: str, value: object, line: str, wanted: Text) -> tuple[Text, Text] | None:
    """Why a value YAML read is not the text (or list of texts) wanted, or None if it is.

    `line` is the key's line as written (with the `- item` lines under it for a list
    written that way: `Page.key_block`), so the message can name the word the author
    typed: `no`, not "False". `wanted` says what belongs there ("one id", "a list of ids").
    """
    first_line = line.split("\n", 1)[0]
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, (bool, int, float)) or not isinstance(
            item, (str, list, dict, type(None))
        ):
            in_block = _block_item(line, item) if "\n" in line else None
            if in_block is not None:
                word, example = in_block, f"- {as_text(in_block)}"
            else:
                typed = _BOOLEAN.search(first_line.partition(":")[2])
                word = typed.group(1) if typed and isinstance(item, bool) else yaml_value(item)
                example = with_text_values(first_line)
            if isinstance(item, bool):
                return (
                    Text(
                        f"YAML leser {code(word)} i {code(key)} som ja/nei-verdien "
                        f"{yaml_value(item)}, ikke som teksten «{word}».",
                        f"YAML reads {code(word)} in {code(key)} as the yes/no value "
                        f"{yaml_value(item)}, not as the text '{word}'.",
                    ),
                    Text("Sett ordet i anførselstegn:", "Put the word in quotes:")
                    + same(code(example)),
                )
            return (
                Text(
                    f"YAML leser {code(word)} i {code(key)} som et tall eller en dato, ikke "
                    "som tekst.",
                    f"YAML reads {code(word)} in {code(key)} as a number or a date, not as text.",
                ),
                Text("Sett det i anførselstegn:", "Put it in quotes:") + same(code(example)),
            )
        if item is None and isinstance(value, list):
            flat = code(f"{key}: [{', '.join(_words_in(value))}]")
            return (
                Text(
                    f"Lista i {code(key)} har en tom verdi.",
                    f"The list in {code(key)} has an empty item.",
                ),
                Text(
                    f"Slett den tomme verdien, for eksempel slik: {flat}.",
                    f"Delete the empty item, for example: {flat}.",
                ),
            )
        if item is None:
            return (
                Text(f"{code(key)} er tom.", f"{code(key)} is empty."),
                Text(f"Skriv {wanted.nb} etter kolonet.", f"Write {wanted.en} after the colon."),
            )
        if isinstance(item, dict) and not isinstance(value, list):
            return (
                Text(
                    f"{code(key)} har et kolon inne i verdien, så YAML leser den som et nytt "
                    "felt, ikke som tekst.",
                    f"{code(key)} has a colon inside its value, so YAML reads it as a new "
                    "field, not as text.",
                ),
                in_quotes(first_line),
            )
        if isinstance(item, (dict, list)):
            flat = code(f"{key}: [{', '.join(_words_in(value))}]")
            return (
                Text(
                    f"{code(key)} har en liste eller et kolon inne i lista, så YAML leser den "
                    "som noe annet enn tekst.",
                    f"{code(key)} has a list or a colon inside the list, so YAML reads it as "
                    "something other than text.",
                ),
                Text(
                    f"Skriv {wanted.nb}, uten hakeparenteser inni, for eksempel {flat}.",
                    f"Write {wanted.en}, without brackets inside, for example {flat}.",
                ),
            )
    return None
