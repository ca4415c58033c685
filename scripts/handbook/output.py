"""Formatters: one function per output format, each taking findings and returning text.

- human: ``path:line: CODE message (hint)``, sorted, then a one-line summary
- github: workflow annotations (``::error file=…,line=…,title=…::…``) with GitHub's escaping,
  then the human list in a log group so the full text is in the job log too
- json: one object with the findings and the counts
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from .findings import Finding


def summary(findings: Sequence[Finding], pages: int) -> str:
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    if not findings:
        return f"handbook check: {pages} pages, no problems"
    return (
        f"handbook check: {pages} pages, {errors} error{'s' * (errors != 1)}, "
        f"{warnings} warning{'s' * (warnings != 1)}"
    )


def _human_line(finding: Finding) -> str:
    level = "" if finding.is_error else "warning: "
    hint = f" ({finding.hint})" if finding.hint else ""
    return f"{finding.path}:{finding.line}: {finding.code} {level}{finding.message}{hint}"


def format_human(findings: Sequence[Finding], pages: int) -> str:
    return "\n".join([*map(_human_line, findings), summary(findings, pages)])


def escape_data(value: str) -> str:
    """Escape an annotation message as GitHub's toolkit does (%, CR, LF)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape an annotation property (file, title): also ':' and ','."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(findings: Sequence[Finding], pages: int) -> str:
    lines = []
    for finding in findings:
        command = "error" if finding.is_error else "warning"
        title = f"{finding.code} {finding.rule}".strip()
        message = finding.message + (f" ({finding.hint})" if finding.hint else "")
        lines.append(
            f"::{command} file={escape_property(finding.path)},line={finding.line},"
            f"title={escape_property(title)}::{escape_data(message)}"
        )
    lines.append("::group::handbook check: all findings")
    lines.append(format_human(findings, pages))
    lines.append("::endgroup::")
    return "\n".join(lines)


def format_json(findings: Sequence[Finding], pages: int) -> str:
    errors = sum(f.is_error for f in findings)
    return json.dumps(
        {
            "pages": pages,
            "errors": errors,
            "warnings": len(findings) - errors,
            "findings": [
                {
                    "path": f.path,
                    "line": f.line,
                    "code": f.code,
                    "rule": f.rule,
                    "severity": f.severity,
                    "message": f.message,
                    "hint": f.hint,
                }
                for f in findings
            ],
        },
        ensure_ascii=False,
        indent=2,
    )


FORMATTERS: dict[str, Callable[[Sequence[Finding], int], str]] = {
    "human": format_human,
    "github": format_github,
    "json": format_json,
}
