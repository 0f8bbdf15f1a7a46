"""Table cells deleted or inserted with revision marks (w:cellDel, w:cellIns: Word's "Delete
Cells… shift cells left" and "Insert Cells… shift cells right" with Track Changes on, or a column
deleted with them). A view that removes a cell moves the cells after it left, as Word's Accept
All (Reject All) does: the accepted view of a deleted cell left an empty slot, so a column deleted
with revision marks stayed an empty column and the cells after a deleted one stayed under the
wrong headings; and a single file's diff told the deletion as each cell's words taken out."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from actionplan_trace.app import compare
from actionplan_trace.extract.docx import read_docx
from actionplan_trace.render.diff_common import change_title
from actionplan_trace.render.diff_text import to_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROWS = [["Region", "Initiatives", "Notes"], ["AFR Region", "AFR1, AFR3", "Sub-Saharan Africa"],
        ["AMS Region", "AMS2", "Caribbean"], ["ARB Region", "ARB1", "Arab States"]]


def _mark(cell: docx.table._Cell, tag: str, rev: int, author: str) -> None:
    """Give a cell a revision mark of its own (`tag`: cellDel or cellIns) in its w:tcPr."""
    tcpr = cell._tc.get_or_add_tcPr()
    mark = etree.SubElement(tcpr, qn(f"w:{tag}"))
    mark.set(qn("w:id"), str(rev))
    mark.set(qn("w:author"), author)
    mark.set(qn("w:date"), "2024-05-02T09:30:00Z")


def _region_table(path: Path, font: str, size: float, marks: dict[tuple[int, int], str]) -> Path:
    """An output's "Relevant regional initiatives" with the Region table, the cells at `marks`
    (row, column) carrying that revision mark."""
    document = docx.Document()
    document.styles["Normal"].font.name, document.styles["Normal"].font.size = font, Pt(size)
    document.add_heading("Output 2.1 – Telecommunication/ICT infrastructure", level=2)
    document.add_paragraph("The following regional initiatives will contribute to this output:")
    table = document.add_table(rows=len(ROWS), cols=3)
    table.style = "Table Grid"
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            run = table.rows[r].cells[c].paragraphs[0].add_run(text)
            run.bold = r == 0
    for n, ((r, c), tag) in enumerate(marks.items(), start=10):
        _mark(table.rows[r].cells[c], tag, n, "BDT Secretariat")
    document.save(str(path))
    return path


def _rows(path: Path, view: str) -> list[list[tuple[str, int | None]]]:
    table = next(b for b in read_docx(path, view).blocks if b.type == "table")
    return [[(c.text, c.loc.col) for c in row] for row in table.rows or []]


@pytest.mark.parametrize("font, size", [("Calibri", 10), ("Garamond", 12)])
def test_a_column_deleted_with_revision_marks_is_gone_when_accepted(tmp_path: Path, font: str, size: float) -> None:
    path = _region_table(tmp_path / "tracked.docx", font, size, {(r, 1): "cellDel" for r in range(len(ROWS))})
    assert _rows(path, "original") == [[(t, c) for c, t in enumerate(row)] for row in ROWS]
    assert _rows(path, "accepted") == [[(row[0], 0), (row[2], 1)] for row in ROWS]
    result = compare(path)
    assert [(change_title(c), c.old, c.author) for c in result.visible()] == [
        ("removed column “Initiatives”", "Initiatives", "BDT Secretariat"),
        *[("removed “Initiatives” column, row " + str(r + 1), ROWS[r][1], "BDT Secretariat") for r in (1, 2, 3)]]
    assert "  removed column “Initiatives”  (BDT Secretariat 2024-05-02" in to_text(result)


def test_cells_deleted_and_inserted_shift_the_cells_after_them(tmp_path: Path) -> None:
    """Row 2's "AFR1, AFR3" deleted, shift left (its note moves under Initiatives when accepted);
    a cell inserted before row 3's "AMS2", shift right (no slot when rejected)."""
    path = _region_table(tmp_path / "cells.docx", "Arial", 10.5, {(1, 1): "cellDel", (2, 1): "cellIns"})
    accepted, original = _rows(path, "accepted"), _rows(path, "original")
    assert accepted[1] == [("AFR Region", 0), ("Sub-Saharan Africa", 1)]
    assert original[1] == [("AFR Region", 0), ("AFR1, AFR3", 1), ("Sub-Saharan Africa", 2)]
    assert accepted[2] == [("AMS Region", 0), ("AMS2", 1), ("Caribbean", 2)]
    assert original[2] == [("AMS Region", 0), ("Caribbean", 1)]
    assert accepted[3] == original[3] == [("ARB Region", 0), ("ARB1", 1), ("Arab States", 2)]
