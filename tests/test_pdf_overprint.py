"""A PDF page with text printed over other text (a stamp over the body, a table's line run on
over the column beside it that the reader cannot give back to its cell) is read glyph by glyph
into one line: the reading says so, in `source.warnings` and once per file on stderr, and
`check` reports it as CHK007 at the page, where it passed such a reading without a finding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from actionplan_trace.extract import read
from conftest import run_cli
from pdfgen import MARGIN, text_op, write_placed

BODY = [
    "The Bureau assists Member States in planning national broadband networks and links.",
    "Rural and remote areas continue to lag behind in terms of access to ICT services.",
    "Activities will focus on spectrum management and digital broadcasting for all.",
    "Guidelines and handbooks are published for regulators and operators of each region.",
] * 4
NOTE = "page 2: text printed over other text, so its words and reading order may be wrong, read glyph by glyph into one line"


def _document(tmp_path: Path, name: str, body: str, stamp: str, size: float, drop: float) -> Path:
    """Two pages of body text, the second with `stamp` printed over its third line (`drop`
    points below its baseline), from 60 points in."""
    pages = [[text_op(MARGIN, 90 + k * 1.3 * size, line, body, size) for k, line in enumerate(BODY)] for _ in range(2)]
    pages[1].append(text_op(MARGIN + 60, 90 + 2 * 1.3 * size + drop, "Approved by the Council of the Union", stamp, size))
    return write_placed(tmp_path / name, pages)


@pytest.mark.parametrize(("body", "stamp", "size", "drop"), [
    ("Times-Roman", "Helvetica-Bold", 10, 0.0),
    ("Helvetica", "Courier", 11, 1.5),
])
def test_text_printed_over_text_is_a_warning_and_a_finding(tmp_path: Path, body: str, stamp: str, size: float,
                                                           drop: float) -> None:
    path = _document(tmp_path, "stamped.pdf", body, stamp, size, drop)
    assert read(path).source.warnings == (NOTE,)
    checked = run_cli("check", "--format", "json", str(path), cwd=tmp_path)
    found = [f for f in json.loads(checked.stdout)["findings"] if f["code"] == "CHK007"]
    assert [(f["severity"], f["loc"], f["message"]) for f in found] == [("warning", {"page": 2}, NOTE)]


def test_the_warning_is_printed_once_per_file_in_a_run(tmp_path: Path) -> None:
    """`diff` of two such files (and of one against itself, read twice) names each once."""
    for name, drop in (("old.pdf", 0.0), ("new.pdf", 0.5)):
        _document(tmp_path, name, "Times-Roman", "Helvetica-Bold", 10, drop)
    shown = run_cli("diff", "old.pdf", "new.pdf", cwd=tmp_path).stderr.splitlines()
    assert shown == [f"trace: warning: old.pdf: {NOTE}", f"trace: warning: new.pdf: {NOTE}"]
    assert run_cli("diff", "old.pdf", "old.pdf", cwd=tmp_path).stderr.splitlines() == [f"trace: warning: old.pdf: {NOTE}"]


def test_a_clean_page_is_no_such_page(tmp_path: Path) -> None:
    pages = [[text_op(MARGIN, 90 + k * 13, line, "Times-Roman", 10) for k, line in enumerate(BODY)]]
    assert read(write_placed(tmp_path / "clean.pdf", pages)).source.warnings == ()
