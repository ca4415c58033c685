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
    assert "docs/nb/po9.md does not exist" in found[0].message


def test_link_to_missing_anchor_lists_the_real_ones(tmp_path):
    found = findings_of(
        write_handbook(tmp_path, _with_body("\n[x](mal.md#hva-malet-betyr)\n")), "links"
    )
    assert where(found) == [("docs/nb/index.md", 10, "HB009")]
    assert "hva-målet-betyr" in found[0].hint


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


def test_links_in_code_are_not_links(tmp_path):
    body = "\n```md\n[x](borte.md)\n```\n\nSkriv `[x](borte.md)` slik.\n"
    assert findings_of(write_handbook(tmp_path, _with_body(body)), "links") == []


def test_broken_link_in_a_translation_is_reported_in_that_language(tmp_path):
    english = translate(tmp_path, MINIMAL)
    english["po1.md"] = english["po1.md"].replace("#hva-målet-betyr", "#what-the-goal-means")
    config = write_handbook(tmp_path, languages=("nb", "en"), translations={"en": english})
    assert where(findings_of(config, "links")) == [("docs/en/po1.md", 9, "HB009")]
