"""`mkdocs serve` notices a saved file sooner, and its live reload works under the
site's Content Security Policy.

MkDocs' development server finds changed files by polling every 0.5 s, so a save waits
0.25 s on average, and up to 0.5 s, before the rebuild even starts: a quarter of the
second `make serve` aims for at the handbook's size (benchmarks/bench_serve.py). Polling
every 0.1 s costs a few thousand `stat` calls a second at 500 pages per language.

MkDocs 1.6 offers no setting for it. The `serve` command builds its LiveReloadServer after
the plugins' on_startup event, so the hooks swap in a subclass with a shorter interval
there; nothing changes for `mkdocs build`.

The server writes its reload script inline into every page it serves, with a new number
each time, and the page's policy allows only the inline scripts of the build. The subclass
adds the hash of the script it has just written to the page's policy: only in `serve`,
never in what is published.
"""

from __future__ import annotations

import functools

from mkdocs.commands import serve as serve_command
from mkdocs.livereload import LiveReloadServer

from .content_policy import allow_last_inline_script

POLLING_INTERVAL = 0.1  # seconds between two looks at the watched files


class _DevServer(LiveReloadServer):
    """MkDocs' development server, with the reload script allowed by the page's policy."""

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        return allow_last_inline_script(super()._inject_js_into_html(content, epoch))


def poll_more_often() -> None:
    """Make `mkdocs serve` create its server with POLLING_INTERVAL (and the policy fix)."""
    serve_command.LiveReloadServer = functools.partial(  # type: ignore[misc]
        _DevServer, polling_interval=POLLING_INTERVAL
    )
