"""The fixture most tests share: one strict build of the site per test session.

Building once and sharing the result keeps the suite fast; every test that looks at the
rendered site reads the same output a reader would get.
"""

from __future__ import annotations

import pytest

from helpers import ROOT, BuildResult, strict_build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Build the real site strictly into a temporary folder, as `make build` does."""
    site_dir = tmp_path_factory.mktemp("site")
    completed = strict_build(ROOT, site_dir)
    return BuildResult(completed.returncode, completed.stdout + completed.stderr, site_dir)
