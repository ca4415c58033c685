"""The abbreviation files: read as the abbr extension reads them, in linear time."""

from __future__ import annotations

import random

import pytest
from markdown.extensions.abbr import AbbrBlockprocessor

from handbook.glossary import MAX_FILE_BYTES, definitions, read_glossary
from handbook.model import UnreadableError

from helpers import ROOT


def _as_the_extension_reads(text: str) -> list[tuple[str, str]]:
    return [(m["abbr"], m["title"]) for m in AbbrBlockprocessor.RE.finditer(text)]


def test_the_handbooks_glossaries_read_as_the_abbr_extension_reads_them() -> None:
    for path in sorted((ROOT / "includes").glob("abbreviations.*.md")):
        text = path.read_text(encoding="utf-8")
        assert definitions(text) == _as_the_extension_reads(text), path
        assert "TEN-T" in read_glossary(path)


def test_definitions_are_what_the_extensions_pattern_finds() -> None:
    """20 000 random strings of the characters that matter (100 000 agreed when written)."""
    rng = random.Random("abbr")
    for _ in range(20_000):
        text = "".join(rng.choice("*[]: \n\\a") for _ in range(rng.randint(0, 20)))
        assert definitions(text) == _as_the_extension_reads(text), repr(text)


def test_a_glossary_that_is_not_utf8_names_the_line(tmp_path) -> None:
    path = tmp_path / "abbreviations.nb.md"
    path.write_bytes(
        "*[EU]: Den europeiske union\n*[EØS]: Det europeiske økonomiske\n".encode("latin-1")
    )
    with pytest.raises(UnreadableError) as raised:
        read_glossary(path)
    assert raised.value.line == 2
    assert raised.value.message == "the file is not UTF-8 text (byte 0xd8 on this line)"


def test_a_glossary_larger_than_the_limit_is_not_read(tmp_path) -> None:
    path = tmp_path / "abbreviations.nb.md"
    path.write_bytes(b"*[\n" * (MAX_FILE_BYTES // 3 + 1))
    with pytest.raises(UnreadableError, match="larger than 512 KB"):
        read_glossary(path)


def test_a_missing_glossary_is_empty(tmp_path) -> None:
    assert read_glossary(tmp_path / "abbreviations.xx.md") == {}
