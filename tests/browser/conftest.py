"""Browser fixtures: the real site, built strictly and served on 127.0.0.1, in Chromium.

Chromium comes from the system (Debian's `chromium` package): Playwright's own browser
download does not work on these machines. Without a browser the tests skip with a message
locally, and fail in CI (CI=true), where a skipped browser test would hide a broken site.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from static_server import chromium, free_port, serve

from helpers import strict_build

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
REPO_URL = "https://github.com/example/handbok"
# GitHub Pages publishes a project repository's site under its name, and the deploy
# workflow sets SITE_URL to that; the tests read the site there, not at a server's root.
SITE_PATH = "/handbok/"
INSTALL_HINT = "install a browser with: sudo apt-get install chromium"


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: browser tests must run in CI ({INSTALL_HINT})")
    pytest.skip(f"{reason}; {INSTALL_HINT}")


@dataclass(frozen=True)
class ServedSite:
    base_url: str  # http://127.0.0.1:<port>/handbok/
    site_dir: Path

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")


def _build_and_serve(folder: Path, **env: str) -> Iterator[ServedSite]:
    """Build with SITE_URL pointing at SITE_PATH on a local port, then serve the build there
    as GitHub Pages would (benchmarks/static_server.py: compressed, cacheable, and nothing
    outside SITE_PATH)."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}{SITE_PATH}"
    # REPO_URL as the deploy workflow sets it: edit and report links on, and (the privacy
    # test checks) still no request to GitHub from the reader's browser.
    completed = strict_build(ROOT, folder, SITE_URL=base_url, REPO_URL=REPO_URL, **env)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    with serve(folder, port, SITE_PATH) as served_url:
        assert served_url == base_url
        yield ServedSite(base_url, folder)


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The site as the deploy publishes it, without the PDFs (see printed_site)."""
    yield from _build_and_serve(tmp_path_factory.mktemp("served-site"))


@pytest.fixture(scope="session")
def printed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The same, with the PDFs, as `make build` makes them: a build of its own, so only the
    workers that run the PDF tests (tests/browser/test_print.py) wait for Chromium to print."""
    if chromium() is None:
        _missing("no Chromium to print the PDFs")
    yield from _build_and_serve(tmp_path_factory.mktemp("printed-site"), HANDBOOK_PDF="on")


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install -r requirements-dev.txt)")
    executable = chromium()
    with sync_playwright() as playwright:
        try:
            if executable:
                browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            else:  # Playwright's own browser, where someone installed one
                browser = playwright.chromium.launch(args=CHROMIUM_ARGS)
        except Error as error:
            _missing(f"no usable Chromium ({str(error).splitlines()[0]})")
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="module")
def reading_page(browser):
    """One tab for a module's sweep over many pages (axe on every page, the search table),
    as a reader clicking through the handbook has: stylesheets, scripts and fonts come from
    its cache after the first page, so each test spends its time on what it checks rather
    than on a new browser context. Each test still loads its page afresh."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()
