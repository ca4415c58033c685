"""Formatters: one function per output format, each taking findings and returning text in
the language asked for (messages.py).

- human: ``path:line: CODE message hint``, sorted, then a one-line summary. The place and
  the code come first, so editors and tools read the line as they read a compiler's.
- github: workflow annotations (``::error file=…,line=…,title=…::…``) with GitHub's escaping,
  then the human list in a log group so the full text is in the job log too
- json: one object with the findings and the counts
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Sequence

from .findings import Finding
from .messages import DEFAULT_LANGUAGE, Text, counted


def summary(findings: Sequence[Finding], pages: int, lang: str = DEFAULT_LANGUAGE) -> str:
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    checked = counted(pages, Text("side", "page")(lang), Text("sider", "pages")(lang))
    if not findings:
        return f"handbook check: {checked}, " + Text("ingen problemer", "no problems")(lang)
    error_words = Text("feil", "error")(lang), Text("feil", "errors")(lang)
    warning_words = Text("advarsel", "warning")(lang), Text("advarsler", "warnings")(lang)
    return (
        f"handbook check: {checked}, {counted(errors, *error_words)}, "
        f"{counted(warnings, *warning_words)}"
    )


def text_of(finding: Finding, lang: str) -> str:
    """What is wrong and what to write instead, as one text."""
    return (finding.message + finding.hint if finding.hint else finding.message)(lang)


def human_line(finding: Finding, lang: str = DEFAULT_LANGUAGE) -> str:
    level = "" if finding.is_error else Text("advarsel: ", "warning: ")(lang)
    return f"{finding.path}:{finding.line}: {finding.code} {level}{text_of(finding, lang)}"


def format_human(findings: Sequence[Finding], pages: int, lang: str = DEFAULT_LANGUAGE) -> str:
    return "\n".join([*(human_line(f, lang) for f in findings), summary(findings, pages, lang)])


def escape_data(value: str) -> str:
    """Escape an annotation message as GitHub's toolkit does (%, CR, LF)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape an annotation property (file, title): also ':' and ','."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Sequence[Finding], pages: int, lang: str = DEFAULT_LANGUAGE) -> str:
    lines = []
    for finding in findings:
        command = "error" if finding.is_error else "warning"
        title = f"{finding.code} {finding.rule}".strip()
        # The annotation shows the message, and below it what to write instead.
        message = finding.message(lang)
        if finding.hint:
            message += "\n" + finding.hint(lang)
        lines.append(
            f"::{command} file={escape_property(finding.path)},line={finding.line},"
            f"title={escape_property(title)}::{escape_data(message)}"
        )
    lines.append("::group::handbook check: " + Text("alle funn", "all findings")(lang))
    # The list quotes what authors wrote: GitHub must not read any line of it as a command
    # (`::notice::Alt i orden`), so commands are off until the token no page can know.
    token = secrets.token_hex(16)
    lines.append(f"::stop-commands::{token}")
    lines.append(format_human(findings, pages, lang))
    lines.append(f"::{token}::")
    lines.append("::endgroup::")
    return "\n".join(lines)


def format_json(findings: Sequence[Finding], pages: int, lang: str = DEFAULT_LANGUAGE) -> str:
    errors = sum(f.is_error for f in findings)
    return json.dumps(
        {
            "pages": pages,
            "errors": errors,
            "warnings": len(findings) - errors,
            "language": lang,
            "findings": [
                {
                    "path": f.path,
                    "line": f.line,
                    "code": f.code,
                    "rule": f.rule,
                    "severity": f.severity,
                    "message": f.message(lang),
                    "hint": f.hint(lang) if f.hint else "",
                }
                for f in findings
            ],
        },
        ensure_ascii=False,
        indent=2,
    )


FORMATTERS: dict[str, Callable[[Sequence[Finding], int, str], str]] = {
    "human": format_human,
    "github": format_github,
    "json": format_json,
}
