"""Serve a built site the way GitHub Pages does, for the browser benchmarks and tests
(and run `mkdocs serve` on a project, for the dev-loop benchmark and tests).

Text files go out gzip-compressed when the browser accepts it and every response may be
cached for ten minutes (GitHub Pages sends `Cache-Control: max-age=600`). Python's own
server does neither, which would make a benchmark weigh every file at full size and
fetch it again on the next page.

A project repository's site is published under its name (https://<owner>.github.io/<repo>/),
so the server can serve the site under such a path, and nothing outside it.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from handbook.pdf import find_chromium


class _PagesLikeHandler(SimpleHTTPRequestHandler):
    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml")

    def __init__(self, *args, prefix: str = "/", **kwargs) -> None:
        self.prefix = prefix  # "/" or "/<repo>/"
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: the benchmarks print tables

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def translate_path(self, path: str) -> str:
        """The file for a URL path under the prefix; "/<repo>" is the folder (the parent
        redirects it to "/<repo>/", as GitHub Pages does)."""
        return super().translate_path("/" + path.removeprefix(self.prefix.rstrip("/")).lstrip("/"))

    def send_head(self):  # type: ignore[override]
        url_path = self.path.split("?", 1)[0]
        if not (url_path + "/").startswith(self.prefix):
            self.send_error(404)  # another repository's site, or none
            return None
        path = Path(self.translate_path(self.path))
        if not path.exists():
            return self._not_found()
        if path.is_dir():
            if not url_path.endswith("/"):
                # The parent redirects /en/page to /en/page/, as GitHub Pages does; the
                # page's relative links need the slash.
                return super().send_head()
            path = path / "index.html"
        if not (
            path.suffix in self.COMPRESSIBLE
            and path.is_file()
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _not_found(self):
        """GitHub Pages answers an unknown address under the site with its 404.html."""
        page = Path(self.directory, "404.html")
        if not page.is_file():
            self.send_error(404)
            return None
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def serve(site_dir: Path, port: int, path: str = "/") -> Iterator[str]:
    """Serve `site_dir` at http://127.0.0.1:`port``path` (404 outside it); yields that URL."""
    prefix = "/" + path.strip("/") + "/" if path.strip("/") else "/"
    handler = functools.partial(_PagesLikeHandler, directory=str(site_dir), prefix=prefix)
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def mkdocs_serve(
    project: Path, languages: str, startup_limit: float = 600
) -> Iterator[tuple[str, subprocess.Popen]]:
    """`mkdocs serve` (live reload) of `project` building `languages` (HANDBOOK_LANGUAGES)
    on a free port; yields its URL, once it answers, and the process."""
    address = f"127.0.0.1:{free_port()}"
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", address],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_LANGUAGES": languages},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://{address}/"
    try:
        deadline = time.monotonic() + startup_limit
        while True:
            with contextlib.suppress(OSError):
                urllib.request.urlopen(base, timeout=5).close()
                break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"mkdocs serve did not start in {project}")
            time.sleep(0.2)
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=30)


def chromium() -> str | None:
    """The system Chromium (Debian's `chromium`, or $HANDBOOK_CHROMIUM): the one the build
    prints the PDFs with (handbook.pdf). Playwright's own browser download does not work on
    these machines. Used by the benchmarks and by the browser tests' fixtures."""
    return find_chromium()


def require_chromium() -> str:
    """chromium(), or stop the benchmark with the install hint."""
    found = chromium()
    if found is None:
        raise SystemExit("no Chromium found: apt-get install chromium, or set HANDBOOK_CHROMIUM")
    return found
