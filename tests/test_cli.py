"""The CLI: three formats, sorted output with a summary, and exit codes 0, 1 and 2."""

from __future__ import annotations

import json
import subprocess
import sys

from handbook.cli import main
from handbook.output import escape_data, escape_property

from handbook_fixtures import MINIMAL, write_handbook
from helpers import ROOT


def _broken(tmp_path):
    pages = dict(MINIMAL)
    pages["so-1-1.md"] = pages["so-1-1.md"].replace("priority: po-1", "priority: po-9")
    pages["mal.md"] += "\n<script>alert(1)</script>\n"
    return write_handbook(tmp_path, pages)


def test_clean_handbook_exits_0_with_a_summary(tmp_path, capsys):
    write_handbook(tmp_path)
    assert main(["check", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == "handbook check: 6 sider, ingen problemer"


def test_human_format_is_sorted_path_line_code_with_hints(tmp_path, capsys):
    _broken(tmp_path)
    assert main(["check", str(tmp_path / "mkdocs.yml"), "--format", "human"]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == (
        "docs/nb/mal.md:10: HB010 Siden har et <script>-element. "
        "Slett det: sider kan ikke kjøre skript."
    )
    assert lines[1] == (
        "docs/nb/po1.md:2: HB006 Prioriteringen `po-1` har ingen særskilte mål. "
        "Legg til et særskilt mål med `priority: po-1`."
    )
    assert lines[2].startswith("docs/nb/so-1-1.md:5: HB004 `priority` peker på `po-9`")
    assert lines[3] == (
        "docs/nb/so-1-1.md:5: HB005 Det særskilte målet `so-1-1` står under `po-9`, men "
        "nummeret i id-en sier `po-1`. Skriv `priority: po-1`, eller gi det særskilte målet "
        "et nytt nummer."
    )
    assert lines[-1] == "handbook check: 6 sider, 4 feil, 0 advarsler"


def test_github_format_escapes_and_keeps_the_full_log(tmp_path, capsys):
    _broken(tmp_path)
    assert main(["check", str(tmp_path), "--format", "github"]) == 1
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith("::error file=docs/nb/mal.md,line=10,title=HB010 safe-content::")
    assert "::group::" in out and "::endgroup::" in out
    assert "handbook check: 6 sider, 4 feil" in out


def test_no_line_of_the_log_group_is_read_as_a_command(tmp_path, capsys):
    """What an author wrote is quoted in the findings; between stop-commands and its token
    GitHub runs no `::` line, and the quoted value stays on one line anyway."""
    _broken(tmp_path)
    page = tmp_path / "docs/nb/mal.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "kind: goal", 'kind: "x\\n::notice title=Grønn::Alt i orden"'
        ),
        encoding="utf-8",
    )
    main(["check", str(tmp_path), "--format", "github"])
    lines = capsys.readouterr().out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("::stop-commands::"))
    token = lines[start].removeprefix("::stop-commands::")
    assert len(token) == 32
    end = lines.index(f"::{token}::")
    assert not any(line.startswith("::notice") for line in lines)
    assert any("::notice title=Grønn::Alt i orden" in line for line in lines[start:end])


def test_github_escaping_rules():
    assert escape_data("50% ok\r\nnext") == "50%25 ok%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_json_format_is_machine_readable(tmp_path, capsys):
    _broken(tmp_path)
    assert main(["check", str(tmp_path), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["errors"] == 4 and data["pages"] == 6
    assert {f["code"] for f in data["findings"]} == {"HB004", "HB005", "HB006", "HB010"}
    assert all({"path", "line", "hint", "severity"} <= set(f) for f in data["findings"])


def test_warnings_alone_exit_0(tmp_path, capsys):
    from handbook_fixtures import translate

    english = translate(tmp_path, MINIMAL)
    pages = dict(MINIMAL)
    pages["mal.md"] += "\nEndret.\n"
    write_handbook(tmp_path, pages, languages=("nb", "en"), translations={"en": english})
    assert main(["check", str(tmp_path)]) == 0
    assert "1 advarsel" in capsys.readouterr().out


def test_usage_and_configuration_errors_exit_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nowhere")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    (tmp_path / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 2
    assert "not valid YAML" in capsys.readouterr().err
    assert main(["check", "--format", "xml"]) == 2
    assert main([]) == 2


def test_mkdocs_yml_with_aliases_exits_2_at_the_line(tmp_path, capsys):
    """A nav built from nested aliases took the check hours to walk; it is refused."""
    write_handbook(tmp_path)
    config = tmp_path / "mkdocs.yml"
    laughs = "".join(f"  - a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("nav:\n", "nav:\n  - a0: &a0 [x.md]\n" + laughs), "utf-8")
    line = text.splitlines().index("nav:") + 2
    assert main(["check", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert f"{config}:{line}: " in error and "YAML reads `&a0` as a name for the value" in error


def test_unknown_rule_exits_2_and_names_the_known_rules(tmp_path, capsys):
    """On a valid handbook, so only the rule's name can be what makes it exit 2."""
    write_handbook(tmp_path)
    assert main(["check", "--rule", "front-matter", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["check", "--rule", "nonsense", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "unknown rule 'nonsense'; known rules: HB001 (front-matter)" in captured.err


def test_python_dash_m_runs_the_cli(tmp_path):
    write_handbook(tmp_path)
    completed = subprocess.run(
        [sys.executable, "-m", "handbook", "check", str(tmp_path)],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "scripts")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "ingen problemer" in completed.stdout


def _check(tmp_path, *args):
    return subprocess.run(
        [sys.executable, "-m", "handbook", "check", str(tmp_path), *args],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "scripts")},
        capture_output=True,
        text=True,
        check=False,
    )


def test_lang_en_gives_english_and_norwegian_is_the_default(tmp_path):
    pages = dict(MINIMAL)
    pages["index.md"] = pages["index.md"].replace("description: Start.", 'description: "Start.')
    write_handbook(tmp_path, pages)
    english = _check(tmp_path, "--lang", "en")
    assert english.returncode == 1, english.stderr
    lines = english.stdout.strip().splitlines()
    assert lines[0] == (
        'docs/nb/index.md:4: HB001 The quote " on this line is never closed, so YAML reads the '
        'rest of the front matter as one text. End the value with " on the same line: '
        '`description: "Start."`'
    )
    assert lines[-1] == "handbook check: 6 pages, 1 error, 0 warnings"
    norwegian = _check(tmp_path)
    assert norwegian.stdout.splitlines()[0].startswith(
        'docs/nb/index.md:4: HB001 Anførselstegnet " på denne linjen blir aldri lukket'
    )
    assert norwegian.stdout.strip().endswith("handbook check: 6 sider, 1 feil, 0 advarsler")
    assert _check(tmp_path, "--lang", "de").returncode == 2


def test_an_extension_that_does_not_load_is_a_configuration_error(tmp_path, capsys):
    """The check renders pages with mkdocs.yml's Markdown extensions (HB010)."""
    config = write_handbook(tmp_path)
    text = config.read_text(encoding="utf-8") + "  - pymdownx.no_such_extension\n"
    config.write_text(text, encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("handbook check: the Markdown extensions in mkdocs.yml do not load")
    assert "Traceback" not in error
