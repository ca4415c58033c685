"""HB007 navigation: no orphan page, no nav entry without a page."""

from handbook_fixtures import MINIMAL, findings_of, where, write_handbook


def test_minimal_handbook_passes(tmp_path):
    assert findings_of(write_handbook(tmp_path), "navigation") == []


def test_orphan_page_and_dangling_nav_entry(tmp_path):
    nav = [path for path in sorted(MINIMAL) if path != "mal.md"] + ["borte.md"]
    found = findings_of(write_handbook(tmp_path, nav=nav), "navigation")
    assert where(found) == [("docs/nb/mal.md", 1, "HB007"), ("mkdocs.yml", 17, "HB007")]
    assert found[0].message.nb == "Siden står ikke i navigasjonen, så ingen leser finner den."
    assert found[0].message.en == "The page is not in the navigation, so no reader will find it."
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
        ("mkdocs.yml", "Tittelen `<b>Start</b>` i navigasjonen har HTML-koden `<b>`.")
    ]
    assert found[0].message.en == "The navigation title `<b>Start</b>` has the HTML tag `<b>`."
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
        "`so-2-1.md` hører til prioriteringen `po-2`, men står ikke i seksjonen «PO2», der "
        "`po2.md` står."
    )
    assert found[0].message.en == (
        "`so-2-1.md` belongs to the priority `po-2`, but is not in the section 'PO2', where "
        "`po2.md` is."
    )
    # Each priority has its own section: no advice to give it one.
    assert found[0].hint.nb == "Flytt linjen dit."
    assert found[0].hint.en == "Move the line there."


def test_priorities_sharing_one_section_do_not_show_which_objective_is_whose(tmp_path):
    config = write_handbook(tmp_path, _two_priorities())
    found = findings_of(config, "navigation")  # the fixture's flat nav: one section for all
    assert sorted(f.message.nb.split("`")[1] for f in found) == ["so-1-1.md", "so-2-1.md"]
    assert found[0].message.nb == (
        "`so-1-1.md` hører til prioriteringen `po-1`, men øverste nivå i navigasjonen har "
        "flere prioriteringer (`po1.md` og `po2.md`), så leseren ser ikke hvilken siden "
        "hører til."
    )
    assert found[0].hint.nb == (
        "Gi hver prioritering sin egen seksjon, og flytt linjen til den med `po1.md`."
    )
    assert all("holds more than one priority" in f.message.en for f in found)


def test_an_objective_outside_a_section_its_priority_shares(tmp_path):
    pages = _two_priorities()
    config = write_handbook(tmp_path, pages)
    rest = ["index.md", "mal.md", "vm.md", "program.md", "so-2-1.md"]
    _nav_with_sections(config, {"Start": rest, "PO": ["po1.md", "po2.md", "so-1-1.md"]})
    found = findings_of(config, "navigation")
    line = config.read_text(encoding="utf-8").split("\n").index("      - so-2-1.md") + 1
    outside = [f for f in found if f.line == line]
    assert len(outside) == 1
    assert outside[0].message.nb == (
        "`so-2-1.md` hører til prioriteringen `po-2`, men står ikke i seksjonen «PO», der "
        "`po2.md` står."
    )
    assert outside[0].hint.nb == "Flytt linjen dit. Gi også hver prioritering sin egen seksjon."
