"""Spell check of the content: pyspelling runs hunspell over docs/nb (nb_NO) and docs/en (en_GB).

The configuration is .pyspelling.yml; words hunspell lacks but that are spelt correctly are in
wordlists/. Without hunspell or a dictionary the tests skip with a message locally, and fail
in CI (CI set), where a skipped spell check would let typos through.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import ROOT

CONFIG = ROOT / ".pyspelling.yml"
DICTIONARIES = [Path("/usr/share/hunspell/nb_NO.dic"), Path("/usr/share/hunspell/en_GB.dic")]
PACKAGES = "hunspell hunspell-no hunspell-en-gb"


def _require_hunspell() -> None:
    missing = [] if shutil.which("hunspell") else ["hunspell"]
    missing += [str(dic) for dic in DICTIONARIES if not dic.is_file()]
    if not missing:
        return
    reason = "the spell check needs " + ", ".join(missing)
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI must install {PACKAGES}")
    pytest.skip(f"{reason}; install with: sudo apt-get install {PACKAGES}")


def _pyspelling(config: Path, *task: str) -> subprocess.CompletedProcess[str]:
    """Run pyspelling on every task of the configuration, or on the one named."""
    return subprocess.run(
        [sys.executable, "-m", "pyspelling", "-c", str(config), *(("-n", *task) if task else ())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


# One test per language (the configuration's tasks), so parallel test workers share them.
TASKS = [task["name"] for task in yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["matrix"]]


@pytest.mark.parametrize("task", TASKS)
def test_content_is_spelt_correctly(task):
    _require_hunspell()
    completed = _pyspelling(CONFIG.relative_to(ROOT), task)
    assert completed.returncode == 0, (
        "Spelling mistakes in docs/ (fix a typo in the page; add a correctly spelt word to "
        "wordlists/names.txt, nb.txt, en.txt or en-nordic.txt):\n"
        + completed.stdout
        + completed.stderr
    )


# The misspelt word must be reported; what the pipeline leaves out must not be: the front
# matter, a heading's { #id }, code, a link target, a bare URL or domain, a quotation in
# guillemets and an admonition's default title ("Warning" is no Norwegian word).
PAGES = {
    "nb": """---
description: "Frontqzx i framsida"
---
# Om håndboka { #headingqzx }

Oslo kommune har en håndbok for internasjonalt arbeid og en kommunne.
Se [kildene](https://example.org/hrefqzx), [domainqzx.no](https://domainqzx.no/),
https://example.org/bareqzx og presentasjonen («quoteqzx»).

!!! warning
    Kommandoen `codeqzx` skriver ut teksten.

```sh
fencedqzx --help
```
""",
    "en": """---
description: "Frontqzx on the first page"
---
# About the handbook { #headingqzx }

The City of Oslo has a handbook for its international work and its goverment.
See [the sources](https://example.org/hrefqzx) and [domainqzx.no](https://domainqzx.no/).

```sh
fencedqzx --help
```
""",
}
MISSPELT = {"nb": "kommunne", "en": "goverment"}
LEFT_OUT = {
    "Frontqzx",
    "headingqzx",
    "codeqzx",
    "fencedqzx",
    "hrefqzx",
    "bareqzx",
    "domainqzx",
    "quoteqzx",
    "Warning",
}


def test_spell_check_reports_a_misspelt_word(tmp_path):
    _require_hunspell()
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    for task in config["matrix"]:
        lang = task["name"]
        page = tmp_path / lang / "page.md"
        page.parent.mkdir()
        page.write_text(PAGES[lang], encoding="utf-8")
        task["sources"] = [str(page)]
        dictionary = task["dictionary"]
        dictionary["wordlists"] = [str(ROOT / wordlist) for wordlist in dictionary["wordlists"]]
        dictionary["output"] = str(tmp_path / f"{lang}.dic")
    derived = tmp_path / "pyspelling.yml"
    derived.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")

    completed = _pyspelling(derived)
    output = completed.stdout + completed.stderr
    assert completed.returncode != 0, output
    for lang, word in MISSPELT.items():
        assert f"{lang}/page.md" in output, output
        assert word in output.split(), output
    reported = set(output.split())
    assert not reported & LEFT_OUT, output
