"""Translation freshness end to end: `python -m handbook translated`, the check's warning and
the notice an outdated page shows."""

from __future__ import annotations

from handbook.cli import main
from handbook.config import load_config
from handbook.render import insert_after_title, translation_notice

from handbook_fixtures import MINIMAL, findings_of, graph_of, write_handbook
from helpers import copy_project, strict_build


def _english_without_fingerprints() -> dict[str, str]:
    english = {}
    for rel, text in MINIMAL.items():
        lines = [
            line
            for line in text.split("\n")
            if not line.startswith(("goals:", "instruments:", "priority:", "programme:"))
        ]
        english[rel] = "\n".join(lines)
    return english


def test_translated_command_names_the_line_of_a_file_that_is_not_utf8(tmp_path, capsys):
    config = write_handbook(
        tmp_path, languages=("nb", "en"), translations={"en": _english_without_fingerprints()}
    )
    page = tmp_path / "docs/en/mal.md"
    page.write_bytes(page.read_bytes() + "\nØ\n".encode("latin-1"))
    lines = page.read_bytes().count(b"\n")
    assert main(["translated", "--config", str(config), str(page)]) == 2
    error = capsys.readouterr().err
    assert f"{page}:{lines}: Filen er ikke UTF-8-tekst (byten 0xd8 på denne linjen)." in error


def test_translated_command_makes_translations_fresh(tmp_path, capsys) -> None:
    config = write_handbook(
        tmp_path, languages=("nb", "en"), translations={"en": _english_without_fingerprints()}
    )
    assert {f.severity for f in findings_of(config, "translations")} == {"warning"}
    assert all("ikke oversatt ennå" in f.message.nb for f in findings_of(config, "translations"))
    paths = [str(p) for p in sorted((tmp_path / "docs" / "en").glob("*.md"))]
    assert main(["translated", "--config", str(config), *paths]) == 0
    assert capsys.readouterr().out.count("translation_of nb-") == len(MINIMAL)
    assert findings_of(config, "translations") == []
    # Running it again replaces the value instead of adding a second key.
    assert main(["translated", "--config", str(config), paths[0]]) == 0
    assert (tmp_path / "docs/en" / "index.md").read_text().count("translation_of") == 1


def test_translated_command_refuses_source_pages(tmp_path, capsys) -> None:
    config = write_handbook(
        tmp_path, languages=("nb", "en"), translations={"en": _english_without_fingerprints()}
    )
    assert main(["translated", "--config", str(config), str(tmp_path / "docs/nb/mal.md")]) == 2
    assert "not in a translation folder" in capsys.readouterr().err


def test_outdated_page_gets_a_notice_under_its_title(tmp_path) -> None:
    config = write_handbook(
        tmp_path, languages=("nb", "en"), translations={"en": _english_without_fingerprints()}
    )
    main(["translated", "--config", str(config), str(tmp_path / "docs/en/po1.md")])
    graph = graph_of(config)
    source, translation = graph.page_at("nb", "po1.md"), graph.page_at("en", "po1.md")
    notice = translation_notice(translation, source, "nb", "outdated")
    assert notice.startswith('!!! warning "This translation may be outdated"')
    assert '<a href="../../po1/" hreflang="nb">' in notice
    page = insert_after_title(translation.body, notice)
    assert page.split("\n")[0] == "# PO1" and "may be outdated" in page.split("\n")[2]
    assert load_config(config).languages == ("nb", "en")


def test_an_outdated_translation_shows_the_notice_in_the_built_site(tmp_path) -> None:
    """Change a Norwegian page in a copy of the real handbook: the check warns (exit 0) and
    the English page, once built, says it may be outdated and links to the Norwegian page."""
    copy_project(tmp_path)
    source = tmp_path / "docs/nb/prioriteringer/po1.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nEn ny setning.\n", "utf-8")

    assert main(["check", str(tmp_path)]) == 0
    completed = strict_build(tmp_path, tmp_path / "site")
    assert completed.returncode == 0, completed.stderr
    english = (tmp_path / "site/en/prioriteringer/po1/index.html").read_text(encoding="utf-8")
    assert "This translation may be outdated" in english
    assert '<a href="../../../prioriteringer/po1/" hreflang="nb">' in english
    fresh = (tmp_path / "site/en/prioriteringer/po2/index.html").read_text(encoding="utf-8")
    assert "may be outdated" not in fresh
