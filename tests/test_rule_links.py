"""HB009 links: links between pages and their #anchors resolve, in every language."""

from handbook_fixtures import MINIMAL, findings_of, translate, where, write_handbook


def test_minimal_handbook_passes(tmp_path):
    """MINIMAL links po1.md -> mal.md#hva-målet-betyr: a slug that keeps 'å'."""
    assert findings_of(write_handbook(tmp_path), "links") == []


def _with_body(text: str) -> dict[str, str]:
    pages = dict(MINIMAL)
    pages["index.md"] = pages["index.md"] + text
    return pages


def test_link_to_missing_page(tmp_path):
    found = findings_of(write_handbook(tmp_path, _with_body("\nSe [PO9](po9.md).\n")), "links")
    assert where(found) == [("docs/nb/index.md", 10, "HB009")]
    assert found[0].message.nb == "Lenken `po9.md` peker på docs/nb/po9.md, som ikke finnes."
    assert found[0].message.en == (
        "The link `po9.md` points to docs/nb/po9.md, which does not exist."
    )
    assert found[0].hint.nb.startswith("Mente du `po1.md`? Sjekk stien.")


def test_link_to_missing_anchor_lists_the_real_ones(tmp_path):
    found = findings_of(
        write_handbook(tmp_path, _with_body("\n[x](mal.md#hva-malet-betyr)\n")), "links"
    )
    assert where(found) == [("docs/nb/index.md", 10, "HB009")]
    assert found[0].message.nb == (
        "Lenken `mal.md#hva-malet-betyr` peker på ankeret `#hva-malet-betyr`, men "
        "docs/nb/mal.md har det ikke."
    )
    assert found[0].hint.nb.startswith("Mente du `#hva-målet-betyr`? Ankrene på siden:")
    assert "`#hva-målet-betyr`" in found[0].hint.en


def test_explicit_ids_duplicates_and_generated_sections_count_as_anchors(tmp_path):
    pages = _with_body(
        "\n## Del { #egen-id }\n\n## Del\n\n## Del\n\n"
        "[a](#egen-id) [b](#del) [c](#del_1) [d](po1.md#henger-sammen-med)\n"
    )
    assert findings_of(write_handbook(tmp_path, pages), "links") == []


def test_absolute_folder_and_outside_links(tmp_path):
    body = "\n[a](/po1/)\n[b](po1/)\n[c](../../mkdocs.md)\n[d](https://example.org/x.md)\n"
    found = findings_of(write_handbook(tmp_path, _with_body(body)), "links")
    assert where(found) == [("docs/nb/index.md", line, "HB009") for line in (10, 11, 12)]
    assert found[0].message.nb == (
        "Lenken `/po1/` er en absolutt sti. Lenker mellom sider er relative."
    )
    # The hints write the link to the page meant.
    assert found[0].hint.nb == "Lenk til `.md`-filen, relativt til denne siden: `po1.md`."
    assert found[1].hint.en == "Link to the `.md` file, relative to this page: `po1.md`."
    assert found[2].message.nb == "Lenken `../../mkdocs.md` går ut av docs/nb/."


def test_links_in_code_are_not_links(tmp_path):
    body = "\n```md\n[x](borte.md)\n```\n\nSkriv `[x](borte.md)` slik.\n"
    assert findings_of(write_handbook(tmp_path, _with_body(body)), "links") == []


def test_broken_link_in_a_translation_is_reported_in_that_language(tmp_path):
    english = translate(tmp_path, MINIMAL)
    english["po1.md"] = english["po1.md"].replace("#hva-målet-betyr", "#what-the-goal-means")
    config = write_handbook(tmp_path, languages=("nb", "en"), translations={"en": english})
    found = findings_of(config, "links")
    assert where(found) == [("docs/en/po1.md", 9, "HB009")]
    assert "docs/en/mal.md" in found[0].message.en


def test_a_missing_image_and_a_page_without_headings(tmp_path):
    body = "\n![Kart](kart.png)\n\n[a](#b)\n"
    pages = _with_body(body)
    pages["index.md"] = pages["index.md"].replace("# Start\n", "")
    found = findings_of(write_handbook(tmp_path, pages), "links")
    assert where(found) == [("docs/nb/index.md", 9, "HB009"), ("docs/nb/index.md", 11, "HB009")]
    assert found[0].message.nb == (
        "Lenken `kart.png` peker ikke på en side eller en fil som finnes."
    )
    assert "docs/assets/" in found[0].hint.nb
    assert found[0].hint.nb.endswith(
        "Lenker du til en fil utenfor håndboka, bruk hele adressen (https://…)."
    )
    assert found[0].hint.en.endswith(
        "To link to a file outside the handbook, use its full address (https://…)."
    )
    assert found[1].message.nb == "Siden har ikke ankeret `#b`."
    assert found[1].hint.nb == "Siden har ingen overskrifter å lenke til."


def test_messages_show_links_as_written(tmp_path):
    body = "\n[a](/po1/)\n[b](po1/)\n[c](po9.md)\n[d](mal.md#x)\n[e](#y)\n"
    found = findings_of(write_handbook(tmp_path, _with_body(body)), "links")
    assert len(found) == 5
    for finding in found:
        for text in (finding.message.nb, finding.message.en, finding.hint.nb, finding.hint.en):
            assert "'" not in text.replace("page's", "").replace("file's", ""), text
            assert "frozenset" not in text and "None" not in text


def test_two_broken_links_on_one_line_are_two_findings(tmp_path):
    pages = dict(MINIMAL)
    pages["po1.md"] += "\nSe [A](a.md) og [B](b.md).\n"
    found = [f for f in findings_of(write_handbook(tmp_path, pages)) if f.code == "HB009"]
    assert [(f.line, f.message.en.split("`")[1]) for f in found] == [(13, "a.md"), (13, "b.md")]
