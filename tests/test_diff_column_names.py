"""A column a profile's table rule does not name (a "Lead" column added to an Action Plan's
outcome table) is named by its header cell, not "col4": the row's field and the diff's change
("added cell in “Lead” column") use the document's own words."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from actionplan_trace.diff import compare
from actionplan_trace.loader import load
from actionplan_trace.render.diff_common import change_title

OUTCOMES = [
    ("Outcome 2.1", "Enhanced capacity of ITU Membership to make available resilient infrastructure",
     "Number of experts trained", "2.1 - Telecommunication/ICT network infrastructure"),
    ("Outcome 2.2", "Enhanced capacity of ITU Membership to respond to cyber threats",
     "Number of CIRTs established", "2.2 - Building confidence and security in the use of ICTs"),
    ("Outcome 2.3", "Strengthened capacity of Member States to use ICTs for disaster risk reduction",
     "Number of Member States assisted", "2.3 - Disaster risk reduction and emergency telecommunications"),
]


def _plan(path: Path, leads: list[str] | None, font: str, size: float, rows: int = 2) -> Path:
    """Objective 2 with the first `rows` of its outcome table, a "Lead" column of `leads` when given."""
    document = docx.Document()
    document.styles["Normal"].font.name, document.styles["Normal"].font.size = font, Pt(size)
    run = document.add_paragraph().add_run("Objective 2 – Modern and secure telecommunication/ICT infrastructure")
    run.bold, run.font.size = True, Pt(size + 4)
    header = ["Outcomes", "Performance indicators", "Outputs"] + (["Lead"] if leads is not None else [])
    table = document.add_table(rows=1 + rows, cols=len(header))
    table.style = "Table Grid"
    for col, text in enumerate(header):
        table.rows[0].cells[col].paragraphs[0].add_run(text).bold = True
    for row, (label, title, indicator, output) in enumerate(OUTCOMES[:rows], start=1):
        cells = table.rows[row].cells
        cells[0].paragraphs[0].add_run(label)
        cells[0].add_paragraph(title)
        cells[1].paragraphs[0].add_run(f"-\t{indicator}")
        cells[2].paragraphs[0].add_run(output)
        if leads is not None:
            cells[3].paragraphs[0].add_run(leads[row - 1])
    run = document.add_paragraph().add_run("Output 2.1 – Products and services on telecommunication/ICT infrastructure")
    run.bold, run.font.size = True, Pt(size + 2)
    document.add_paragraph("Infrastructure is central for enabling universal and affordable access to ICTs.")
    document.save(str(path))
    return path


@pytest.mark.parametrize("font, size", [("Calibri", 10), ("Times New Roman", 11.5)])
def test_an_unnamed_column_is_named_by_its_header(tmp_path: Path, font: str, size: float) -> None:
    old = _plan(tmp_path / "old.docx", ["BDT", "BDT"], font, size)
    new = _plan(tmp_path / "new.docx", ["BDT", "BDT and ITU-T"], font, size)
    doc = load(new, profile="action-plan")
    assert doc.by_id["outcome-2.2"].fields.get("Lead") == "BDT and ITU-T"
    assert "col4" not in doc.by_id["outcome-2.2"].fields
    (change,) = compare(old, new, profile="action-plan").visible()
    assert change_title(change) == "modified “Lead” column"


def test_a_column_added_and_a_row_removed_are_told_in_document_order(tmp_path: Path) -> None:
    """A "Lead" column added and the last outcome row removed: the cells added in rows 2.1 and
    2.2 come before the removed row 2.3, as the rows stand, not the removed row between them."""
    old = _plan(tmp_path / "old.docx", None, "Arial", 10.5, rows=3)
    new = _plan(tmp_path / "new.docx", ["BDT", "ITU-T"], "Arial", 10.5, rows=2)
    changes = compare(old, new, profile="action-plan").visible()
    told = [(change_title(c), c.section_new or c.section_old) for c in changes]
    assert told[-3:] == [("added cell in “Lead” column", "outcome-2.1"), ("added cell in “Lead” column", "outcome-2.2"),
                         ("removed section", "outcome-2.3")], told
