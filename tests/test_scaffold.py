"""`python -m handbook new`: a new page in every language that the check accepts at once."""

from __future__ import annotations

import shutil

import pytest

from handbook.cli import main
from handbook.config import load_config
from handbook.model import load_graph
from handbook.review import today
from handbook.scaffold import _default_path

from helpers import ROOT, copy_project, strict_build


def _copy(tmp_path):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "includes", tmp_path / "includes")
    return tmp_path / "mkdocs.yml"


def test_new_objective_passes_the_check_and_its_stub_is_reported_untranslated(
    tmp_path, capsys
) -> None:
    config = _copy(tmp_path)
    new = ["new", "objective", "so-2-5", "--title", "2.5 Testmål", "--goals", "mal-kunnskap"]
    assert main([*new, "--config", str(config)]) == 0, capsys.readouterr().err
    # Named like its siblings (sarskilte-mal/2-4.md), not after the id.
    nb = (tmp_path / "docs/nb/sarskilte-mal/2-5.md").read_text(encoding="utf-8")
    stub = tmp_path / "docs/en/sarskilte-mal/2-5.md"
    assert "priority: po-2" in nb and "goals: [mal-kunnskap]" in nb
    # It states no facts yet, and is written (so checked) today.
    assert "sources: []" in nb and f"last_reviewed: {today().isoformat()}" in nb
    assert "translation_of" not in stub.read_text(encoding="utf-8")
    nav = config.read_text(encoding="utf-8")
    # In the section of its priority, after its last sibling there (the check wants it there).
    assert nav.index("prioriteringer/po2.md") < nav.index("sarskilte-mal/2-6.md")
    assert nav.index("sarskilte-mal/2-6.md") < nav.index("sarskilte-mal/2-5.md")
    assert nav.index("sarskilte-mal/2-5.md") < nav.index("prioriteringer/po3.md")
    capsys.readouterr()

    # The check passes, and says the English stub is not translated yet ...
    assert main(["check", str(tmp_path)]) == 0
    report = capsys.readouterr().out
    assert "docs/en/sarskilte-mal/2-5.md:2: HB008" in report and "ikke oversatt ennå" in report
    # ... the site builds strictly, and the stub tells readers where the content is ...
    copy_project(tmp_path, ("scripts", "overrides"))
    completed = strict_build(tmp_path, tmp_path / "site")
    assert completed.returncode == 0, completed.stderr
    english = (tmp_path / "site/en/sarskilte-mal/2-5/index.html").read_text(encoding="utf-8")
    assert "This page has not been translated yet" in english
    assert 'href="../../../sarskilte-mal/2-5/" hreflang="nb"' in english
    # ... until someone translates it and records that.
    assert main(["translated", "--config", str(config), str(stub)]) == 0
    capsys.readouterr()
    assert main(["check", str(tmp_path)]) == 0
    assert "2-5.md" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("kind", "page_id", "path"),
    [
        ("objective", "so-3-3", "sarskilte-mal/3-3.md"),
        ("priority", "po-5", "prioriteringer/po5.md"),
        ("goal", "mal-samarbeid", "hovedmal/samarbeid.md"),
        ("instrument", "vm-stipend", "virkemidler/stipend.md"),
        ("page", "oks-2028-2034", "interreg-oks/2028-2034.md"),
        ("page", "ny-side", "ny-side.md"),
    ],
)
def test_new_pages_are_named_like_their_siblings(kind, page_id, path) -> None:
    graph = load_graph(load_config(ROOT / "mkdocs.yml"))
    assert _default_path(graph, kind, page_id) == path


def test_new_page_refuses_what_would_fail(tmp_path, capsys) -> None:
    config = _copy(tmp_path)
    for args, message in [
        (["objective", "so-2-4", "--goals", "mal-kunnskap"], "is taken"),
        (["objective", "forskning", "--goals", "mal-kunnskap"], "must look like"),
        (["objective", "so-2-9"], "needs --goals"),
        (["objektiv", "x-1"], "unknown kind"),
    ]:
        assert main(["new", *args, "--title", "X", "--config", str(config)]) == 2
        assert message in capsys.readouterr().err, args
    assert "so-2-9" not in config.read_text(encoding="utf-8")
