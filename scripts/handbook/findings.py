"""What a rule reports: one finding per problem, pointing at a file and a line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .messages import Text

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in the content.

    Sorting a list of findings orders them by file, line and code, which is the order the
    CLI prints them in and the order a reader fixes them in. The message says what is
    wrong; the hint what to write instead, with an example. Both are in both languages
    (messages.py); the formatters choose one.
    """

    path: str
    line: int
    code: str
    message: Text = field(compare=False)
    hint: Text | None = field(default=None, compare=False)
    severity: Severity = field(default="error", compare=False)
    rule: str = field(default="", compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"
