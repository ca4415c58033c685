"""`python -m handbook new`: a new page in every language that the check accepts at once."""

from __future__ import annotations

import shutil

from handbook.cli import main

from helpers import ROOT, copy_project, strict_build


def _copy(tmp_path):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path / "mkdocs.yml"


def test_new_objective_passes_the_check_at_once(tmp_path, capsys) -> None:
    config = _copy(tmp_path)
    code = main(
        [
            "new",
            "objective",
            "so-2-5",
            "--title",
            "2.5 Testmål",
            "--goals",
            "mal-kunnskap",
            "--config",
            str(config),
        ]
    )
    assert code == 0, capsys.readouterr().err
    nb = (tmp_path / "docs/nb/sarskilte-mal/so-2-5.md").read_text(encoding="utf-8")
    en = (tmp_path / "docs/en/sarskilte-mal/so-2-5.md").read_text(encoding="utf-8")
    assert "priority: po-2" in nb and "goals: [mal-kunnskap]" in nb
    assert "translation_of: nb-" in en and "priority" not in en
    nav = config.read_text(encoding="utf-8")
    assert (
        nav.index("sarskilte-mal/4-1.md")
        < nav.index("sarskilte-mal/so-2-5.md")
        < nav.index("mobilitet/")
    )
    capsys.readouterr()
    assert main(["check", str(tmp_path)]) == 0, capsys.readouterr().out
    # ... and the site builds strictly with it.
    copy_project(tmp_path, ("scripts", "overrides", "includes"))
    completed = strict_build(tmp_path, tmp_path / "site")
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "site/en/sarskilte-mal/so-2-5/index.html").is_file()


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
