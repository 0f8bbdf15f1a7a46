"""A table row whose title cell is empty goes on with the row above: a cell merged down (Word's
vertical merge, HTML's rowspan) or left empty by its author does not open a section of its own."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from actionplan_trace import load
from actionplan_trace.diff import diff_documents

from conftest import CORPUS

OUTCOMES = ["outcome-2.1", "outcome-2.2", "outcome-2.3"]


def _vmerge(cell: object, value: str | None) -> None:
    mark = OxmlElement("w:vMerge")
    if value:
        mark.set(qn("w:val"), value)
    cell._tc.get_or_add_tcPr().append(mark)  # type: ignore[attr-defined]


def test_an_outcome_over_two_rows_merged_down_is_one_outcome(tmp_path: Path) -> None:
    """objective2-old's Outcome 2.1 over two rows, its outcome and output cells merged down and its
    indicators split between the rows: still three outcomes, and no difference from the original."""
    document = docx.Document(str(CORPUS / "objective2-old.docx"))
    table = next(t for t in document.tables if t.rows[0].cells[0].text.startswith("Outcome"))
    first = table.rows[1]._tr
    second = copy.deepcopy(first)
    first.addnext(second)
    top, below = table.rows[1].cells, table.rows[2].cells
    for paragraph in top[1].paragraphs[2:]:
        paragraph._p.getparent().remove(paragraph._p)
    for paragraph in below[1].paragraphs[:2]:
        paragraph._p.getparent().remove(paragraph._p)
    for col in (0, 2):
        for paragraph in below[col].paragraphs[1:]:
            paragraph._p.getparent().remove(paragraph._p)
        for run in below[col].paragraphs[0].runs:
            run._r.getparent().remove(run._r)
        _vmerge(top[col], "restart")
        _vmerge(below[col], None)
    merged = tmp_path / "merged.docx"
    document.save(str(merged))

    doc = load(merged)
    assert [s.id for s in doc.sections if s.kind == "outcome"] == OUTCOMES
    assert len(doc.section("outcome-2.1").fields["indicators"].split("\n")) == 3
    assert diff_documents(load(CORPUS / "objective2-old.docx"), doc).changes == []


def test_an_outcome_over_two_rows_by_rowspan_is_one_outcome(tmp_path: Path) -> None:
    """The same in HTML: the continuation row has no cell where the rowspan covers it, and each cell
    stays under its column's header; a colspan header covers the columns after it."""
    page = tmp_path / "plan.html"
    page.write_text(
        "<html><body><h1>Objective 2 – Modern and secure infrastructure</h1>"
        "<table><tr><th>Outcomes</th><th>Performance indicators</th><th>Outputs</th></tr>"
        "<tr><td rowspan='2'>2.1 Enhanced capacity of ITU Membership</td><td>Number of guidelines</td>"
        "<td rowspan='2'>Output 2.1</td></tr>"
        "<tr><td>Number of experts trained</td></tr>"
        "<tr><td>2.2 Strengthened capacity for disaster risk reduction</td><td>Number of plans</td><td>Output 2.3</td></tr>"
        "</table>"
        "<table><tr><th colspan='3'>Region</th></tr><tr><td>AFR</td><td colspan='2'>AFR3</td></tr>"
        "<tr><td rowspan='2'>ASP</td><td>ASP1</td><td>ASP5</td></tr><tr><td>ASP2</td><td>ASP3</td></tr></table>"
        "</body></html>", encoding="utf-8")
    doc = load(page, profile="action-plan")
    assert [(s.id, s.fields["indicators"]) for s in doc.sections if s.kind == "outcome"] == [
        ("outcome-2.1", "Number of guidelines\nNumber of experts trained"),
        ("outcome-2.2", "Number of plans"),
    ]
    [region] = [b for s in doc.sections for b in s.blocks if b.rows and b.rows[0][0].text == "Region"]
    assert [[c.text for c in row] for row in region.rows] == [
        ["Region", "", ""], ["AFR", "AFR3", ""], ["ASP", "ASP1", "ASP5"], ["", "ASP2", "ASP3"],
    ]
