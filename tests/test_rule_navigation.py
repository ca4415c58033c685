"""HB007 navigation: no orphan page, no nav entry without a page."""

from handbook_fixtures import MINIMAL, findings_of, where, write_handbook


def test_minimal_handbook_passes(tmp_path):
    assert findings_of(write_handbook(tmp_path), "navigation") == []


def test_orphan_page_and_dangling_nav_entry(tmp_path):
    nav = [path for path in sorted(MINIMAL) if path != "mal.md"] + ["borte.md"]
    found = findings_of(write_handbook(tmp_path, nav=nav), "navigation")
    assert where(found) == [("docs/nb/mal.md", 1, "HB007"), ("mkdocs.yml", 17, "HB007")]
    assert found[0].message.nb == "Siden står ikke i navigasjonen, så ingen leser finner den."
    assert "orphan" in found[0].message.en
    assert "`- mal.md`" in found[0].hint.nb
    assert found[1].message.nb == "Navigasjonen viser til `borte.md`, som ikke finnes i docs/nb/."
    assert found[1].hint.nb == "Rett stien, eller lag siden docs/nb/borte.md."


def test_a_misspelt_nav_entry_names_the_page_meant(tmp_path):
    nav = [path for path in sorted(MINIMAL) if path != "mal.md"] + ["mal.mdx"]
    found = findings_of(write_handbook(tmp_path, nav=nav), "navigation")
    assert where(found) == [("docs/nb/mal.md", 1, "HB007"), ("mkdocs.yml", 17, "HB007")]
    assert found[1].hint.nb == "Mente du `mal.md`?"
    assert found[1].hint.en == "Did you mean `mal.md`?"


def test_a_nav_title_with_markup_is_an_error(tmp_path):
    config = write_handbook(tmp_path)
    text = config.read_text(encoding="utf-8").replace("  - index.md", "  - <b>Start</b>: index.md")
    config.write_text(text, encoding="utf-8")
    found = findings_of(config, "navigation")
    assert [(f.path, f.message.nb) for f in found] == [
        ("mkdocs.yml", "Tittelen `<b>Start</b>` i navigasjonen har HTML eller en &-kode (`<`).")
    ]
    assert found[0].message.en == (
        "The navigation title `<b>Start</b>` contains HTML or an &-code (`<`)."
    )
    assert "'<b>" not in found[0].message.en  # the title as written, not as Python prints it
    assert found[0].line == text.split("\n").index("  - <b>Start</b>: index.md") + 1


def _two_priorities() -> dict[str, str]:
    pages = dict(MINIMAL)
    pages["po2.md"] = MINIMAL["po1.md"].replace("po-1", "po-2").replace("# PO1", "# PO2")
    pages["so-2-1.md"] = MINIMAL["so-1-1.md"].replace("so-1-1", "so-2-1").replace("po-1", "po-2")
    return pages


def _nav_with_sections(config, sections: dict[str, list[str]]) -> None:
    """Replace the flat nav of a fixture handbook with sections of pages."""
    text = config.read_text(encoding="utf-8")
    start, end = text.index("nav:\n"), text.index("markdown_extensions:")
    nav = "nav:\n" + "".join(
        f"  - {title}:\n" + "".join(f"      - {path}\n" for path in paths)
        for title, paths in sections.items()
    )
    config.write_text(text[:start] + nav + text[end:], encoding="utf-8")


def test_each_objective_sits_in_the_section_of_its_priority(tmp_path):
    config = write_handbook(tmp_path, _two_priorities())
    rest = ["index.md", "mal.md", "vm.md", "program.md"]
    _nav_with_sections(
        config,
        {"Start": rest, "PO1": ["po1.md", "so-1-1.md"], "PO2": ["po2.md", "so-2-1.md"]},
    )
    assert findings_of(config, "navigation") == []


def test_an_objective_in_another_priority_s_section_is_an_error(tmp_path):
    config = write_handbook(tmp_path, _two_priorities())
    rest = ["index.md", "mal.md", "vm.md", "program.md"]
    _nav_with_sections(
        config,
        {"Start": rest, "PO1": ["po1.md", "so-1-1.md", "so-2-1.md"], "PO2": ["po2.md"]},
    )
    found = findings_of(config, "navigation")
    line = config.read_text(encoding="utf-8").split("\n").index("      - so-2-1.md") + 1
    assert where(found) == [("mkdocs.yml", line, "HB007")]
    assert found[0].message.nb == (
        "Navigasjonen har `so-2-1.md` utenfor seksjonen til prioriteringen `po-2` "
        "(seksjonen «PO2», med `po2.md`)."
    )
    assert "`so-2-1.md` outside the section of its priority `po-2` (the section 'PO2'" in (
        found[0].message.en
    )
    assert "Flytt linjen inn i seksjonen som har `po2.md`" in found[0].hint.nb
    assert "Move the line into the section that holds `po2.md`" in found[0].hint.en


def test_priorities_sharing_one_section_do_not_show_which_objective_is_whose(tmp_path):
    config = write_handbook(tmp_path, _two_priorities())
    found = findings_of(config, "navigation")  # the fixture's flat nav: one section for all
    assert sorted(f.message.nb.split("`")[1] for f in found) == ["so-1-1.md", "so-2-1.md"]
    assert all("øverste nivå" in f.message.nb for f in found)
    assert all("har også andre prioriteringer" in f.message.nb for f in found)
    assert all("holds more priorities" in f.message.en for f in found)
