"""Read the handbook's YAML data files (interface words, sources) in bounded time, and
report what is wrong with them as file:line problems instead of tracebacks.

The data files come from pull requests like the pages, so they get the pages' defences:
a size limit, UTF-8 only, no control characters, and safe_yaml's loader, which refuses
aliases, merge keys and deep nesting.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .messages import Text
from .model import UnreadableError, decode_as_mkdocs, refuse_control_characters
from .safe_yaml import FileLoader, RejectedYAMLError
from .yaml_problems import explain, rejected

NULL_TAG = "tag:yaml.org,2002:null"


@dataclass(frozen=True)
class Problem:
    """Something wrong in a data file: the file (relative to the project), a line, what."""

    path: str
    line: int
    message: Text
    hint: Text | None = None


class MissingFileError(FileNotFoundError):
    """The data file does not exist (callers decide whether that is a problem)."""


def compose(root: Path, path: str, max_bytes: int) -> tuple[yaml.Node | None, list[Problem]]:
    """The YAML node tree of `root / path`, or None and the problems that stop reading it.

    Raises MissingFileError when there is no such file. Nodes keep their line numbers
    (`node.start_mark.line`), which is why callers get nodes and not Python values.
    """
    try:
        with open(root / path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise MissingFileError(path) from None
    except OSError as error:
        reason = error.strerror or str(error)
        return None, [
            Problem(
                path,
                1,
                Text(f"Filen kan ikke leses: {reason}.", f"The file cannot be read: {reason}."),
            )
        ]
    if len(data) > max_bytes:
        return None, [
            Problem(
                path,
                1,
                Text(
                    f"Filen er større enn grensen på {max_bytes // 1024} KB.",
                    f"The file is larger than the limit of {max_bytes // 1024} KB.",
                ),
            )
        ]
    text = ""
    try:
        text = decode_as_mkdocs(data)
        refuse_control_characters(text)
        return yaml.compose(text, Loader=FileLoader), []
    except UnreadableError as error:
        return None, [Problem(path, error.line, error.message, error.hint)]
    except RejectedYAMLError as error:
        line, message, hint = rejected(error, text.split("\n"))
        return None, [Problem(path, line + 1, message, hint)]
    except yaml.YAMLError as error:
        line, message, hint = explain(error, text)
        return None, [Problem(path, line + 1, message, hint)]


def line_of(node: yaml.Node) -> int:
    """The 1-based line a node starts on."""
    return node.start_mark.line + 1


def text_of(node: yaml.Node) -> str | None:
    """A scalar's text as written (`yes`, `2021` stay text), or None for a null, an empty
    value or anything that is not a scalar."""
    if not isinstance(node, yaml.ScalarNode) or node.tag == NULL_TAG:
        return None
    return node.value if node.value.strip() else None
