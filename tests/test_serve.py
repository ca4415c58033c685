"""`make serve` tells the truth: it shows the code and the languages it says it does.

- It builds the languages in HANDBOOK_LANGUAGES (the Makefile's LANGUAGES; Norwegian only
  unless asked), and an unknown language stops the build with a message.
- An edit to scripts/handbook shows in the next rebuild: MkDocs imports a hooks file once
  per process, so without scripts/hooks.py's reload `mkdocs serve` kept the old code.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from static_server import mkdocs_serve

from helpers import ROOT, copy_project, strict_build

WAIT = 90  # seconds for a first build or a rebuild on a busy machine


def test_one_language_when_asked(tmp_path: Path) -> None:
    completed = strict_build(ROOT, tmp_path / "site", HANDBOOK_LANGUAGES="nb")
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "site/prioriteringer/po3/index.html").is_file()
    assert not (tmp_path / "site/en").exists()  # no pages, and no empty search index


def test_an_unknown_language_stops_the_build(tmp_path: Path) -> None:
    completed = strict_build(ROOT, tmp_path / "site", HANDBOOK_LANGUAGES="nb sv")
    assert completed.returncode != 0
    assert "HANDBOOK_LANGUAGES=nb sv: no language sv in mkdocs.yml (known: nb, en)" in (
        completed.stderr
    )
    assert "Traceback" not in completed.stderr


def test_make_serve_builds_one_language_unless_asked() -> None:
    dry_run = subprocess.run(
        ["make", "-n", "serve"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert 'HANDBOOK_LANGUAGES="nb"' in dry_run
    both = subprocess.run(
        ["make", "-n", "serve", "LANGUAGES=all"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    assert 'HANDBOOK_LANGUAGES="all"' in both


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, text: str, process: subprocess.Popen) -> str:
    deadline = time.monotonic() + WAIT
    body = ""
    while time.monotonic() < deadline:
        assert process.poll() is None, "mkdocs serve stopped"
        with contextlib.suppress(OSError):
            body = _fetch(url)
            if text in body:
                return body
        time.sleep(0.3)
    pytest.fail(f"{text!r} did not appear at {url} within {WAIT} s")


def test_serve_runs_edited_python_after_the_next_rebuild(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    with mkdocs_serve(project, "nb", startup_limit=WAIT) as (base, process):
        url = base + "prioriteringer/po3/"
        assert "Nytt fra krokene" not in _wait_for(url, "PO3", process)
        # An edit to the hooks' package, as someone changing the generated sections makes.
        hooks = project / "scripts" / "handbook" / "mkdocs_hooks.py"
        hooks.write_text(
            hooks.read_text(encoding="utf-8") + "\n\n_before_edit = on_page_markdown\n\n\n"
            "def on_page_markdown(markdown, page, config, files):\n"
            "    text = _before_edit(markdown, page, config, files)\n"
            "    return text + '\\n\\nNytt fra krokene\\n'\n",
            encoding="utf-8",
        )
        _wait_for(url, "Nytt fra krokene", process)


def test_serve_polls_for_saved_files_every_tenth_of_a_second(tmp_path, monkeypatch) -> None:
    """MkDocs polls every 0.5 s; the hooks' on_startup makes `serve` poll every 0.1 s, and
    leaves `build` alone."""
    from mkdocs.commands import serve as serve_command
    from mkdocs.livereload import LiveReloadServer

    from handbook import mkdocs_hooks

    monkeypatch.setattr(serve_command, "LiveReloadServer", LiveReloadServer)

    def interval() -> float:
        server = serve_command.LiveReloadServer(
            builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path)
        )
        server.server_close()
        return server.observer.timeout

    mkdocs_hooks.on_startup(command="build", dirty=False)
    assert interval() == 0.5
    mkdocs_hooks.on_startup(command="serve", dirty=False)
    assert interval() == 0.1


def test_the_reload_script_is_allowed_by_the_pages_policy(tmp_path: Path) -> None:
    """`mkdocs serve` writes its reload script into each page it serves; the page's Content
    Security Policy must allow it, or the browser blocks it and nothing reloads."""
    from handbook.content_policy import inline_scripts, script_hash

    project = copy_project(tmp_path / "project")
    with mkdocs_serve(project, "nb", startup_limit=WAIT) as (base, process):
        body = _wait_for(base + "bruk/", "</html>", process)
    reload_script = inline_scripts(body)[-1]
    assert "livereload" in reload_script
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', body)
    assert policy and script_hash(reload_script) in policy.group(1)


def test_serve_keeps_the_search_index_up_to_date(tmp_path: Path) -> None:
    """`mkdocs serve` indexes after the reload (the hooks' background indexer): the index
    is there, and a saved change reaches it. It makes the print page, but no PDF: an
    author would wait for it after every save."""
    project = copy_project(tmp_path / "project")
    with mkdocs_serve(project, "nb", startup_limit=WAIT) as (base, process):
        printed = _wait_for(base + "utskrift/", "handbook-print-page", process)
        assert ".pdf" not in printed
        assert ".pdf" not in _fetch(base)
        entry = base + "pagefind/pagefind-entry.json"
        before = json.loads(_wait_for(entry, '"nb"', process))["languages"]["nb"]["hash"]
        assert _wait_for(base + "search/words.nb.json", '"rewrite"', process)
        page = project / "docs" / "nb" / "bruk.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nSøkeordet zqxjvw.\n", "utf-8")
        deadline = time.monotonic() + WAIT
        while json.loads(_wait_for(entry, '"nb"', process))["languages"]["nb"]["hash"] == before:
            assert time.monotonic() < deadline, "the index did not change after the save"
            time.sleep(0.3)
