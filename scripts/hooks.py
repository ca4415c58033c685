"""MkDocs loads this file (`hooks:` in mkdocs.yml); the work happens in handbook.mkdocs_hooks.

MkDocs imports a hooks file once per process, so `mkdocs serve` would keep running the
handbook package as it was at start, however often it rebuilds after an edit. Each event
here therefore calls the package's current function, and `on_config`, which MkDocs calls
first in every build and rebuild, imports the package afresh when one of its files has
changed since it was imported: an edit to scripts/handbook shows in the next rebuild.
"""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

SCRIPTS = Path(__file__).resolve().parent
PACKAGE = "handbook"
# MkDocs' build events (mkdocs.plugins.BasePlugin); those the package defines are registered.
EVENTS = (
    "on_startup",
    "on_serve",
    "on_shutdown",
    "on_config",
    "on_pre_build",
    "on_files",
    "on_nav",
    "on_env",
    "on_post_build",
    "on_build_error",
    "on_pre_template",
    "on_template_context",
    "on_post_template",
    "on_pre_page",
    "on_page_read_source",
    "on_page_markdown",
    "on_page_content",
    "on_page_context",
    "on_post_page",
)


def _source_stamp() -> tuple[tuple[str, int], ...]:
    """Every module file of the package with its modification time."""
    return tuple(
        sorted((str(path), path.stat().st_mtime_ns) for path in (SCRIPTS / PACKAGE).rglob("*.py"))
    )


def _import_package() -> Any:
    """Import handbook.mkdocs_hooks from this folder, dropping any earlier import first.

    The folder goes first on sys.path for the import, so a copy of the project (as in the
    tests) runs its own package, not one installed elsewhere.
    """
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
        del sys.modules[name]
    sys.path.insert(0, str(SCRIPTS))
    try:
        return importlib.import_module(PACKAGE + ".mkdocs_hooks")
    finally:
        sys.path.remove(str(SCRIPTS))


_hooks = _import_package()
_stamp = _source_stamp()


def _reload_if_changed() -> None:
    global _hooks, _stamp
    stamp = _source_stamp()
    if stamp != _stamp:
        _hooks = _import_package()
        _stamp = stamp
        _hooks.log.info("scripts/handbook changed: the hooks run the new code from now on")


def _event(name: str) -> Callable[..., Any]:
    """A function MkDocs registers for an event, calling the package's current version.

    It carries the package function's attributes, above all MkDocs' `mkdocs_priority`.
    """

    @functools.wraps(getattr(_hooks, name))
    def call(*args: Any, **kwargs: Any) -> Any:
        if name == "on_config":
            _reload_if_changed()
        return getattr(_hooks, name)(*args, **kwargs)

    return call


# An event the package starts to define after `mkdocs serve` started needs a restart.
for _name in EVENTS:
    if hasattr(_hooks, _name):
        globals()[_name] = _event(_name)
