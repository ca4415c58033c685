"""`mkdocs serve` notices a saved file sooner.

MkDocs' development server finds changed files by polling every 0.5 s, so a save waits
0.25 s on average, and up to 0.5 s, before the rebuild even starts: a quarter of the
second `make serve` aims for at the handbook's size (benchmarks/bench_serve.py). Polling
every 0.1 s costs a few thousand `stat` calls a second at 500 pages per language.

MkDocs 1.6 offers no setting for it. The `serve` command builds its LiveReloadServer after
the plugins' on_startup event, so the hooks swap in the same class with a shorter
interval there; nothing changes for `mkdocs build`.
"""

from __future__ import annotations

import functools

from mkdocs.commands import serve as serve_command
from mkdocs.livereload import LiveReloadServer

POLLING_INTERVAL = 0.1  # seconds between two looks at the watched files


def poll_more_often() -> None:
    """Make `mkdocs serve` create its server with POLLING_INTERVAL."""
    serve_command.LiveReloadServer = functools.partial(  # type: ignore[misc]
        LiveReloadServer, polling_interval=POLLING_INTERVAL
    )
