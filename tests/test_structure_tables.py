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


def test_spans_of_hostile_markup_stay_within_a_budget(tmp_path: Path) -> None:
    """200 cells each spanning 1000 rows over a table of 400 one-cell rows would make 80,000 empty
    slots: past a budget of a few per cell, spans are read as 1, so the table stays the size of
    its markup."""
    page = tmp_path / "spans.html"
    page.write_text("<table><tr>" + "<td rowspan='1000'>x</td>" * 200 + "</tr>"
                    + "<tr><td>y</td></tr>" * 400 + "</table>", encoding="utf-8")
    [table] = [b for s in load(page).sections for b in s.blocks if b.rows]
    slots = sum(len(row) for row in table.rows)
    assert 600 <= slots <= 5 * 600
    assert sum(c.text == "y" for row in table.rows for c in row) == 400


def test_a_row_with_no_cell_is_no_row(tmp_path: Path) -> None:
    """Found in review: 250,000 empty `<tr>` made as many rows of no cell, and a redline of them
    1.4 GB. A row with no slot shows nothing in a browser and is left out; one that a cell above
    spans down into keeps its (empty) slot, so the cells below stay in their columns."""
    page = tmp_path / "rows.html"
    page.write_text("<table><tr><td rowspan='3'>A</td><td>b</td></tr><tr></tr><tr><td>c</td></tr>"
                    + "<tr></tr>" * 1000 + "<tr><td>d</td><td>e</td></tr></table>", encoding="utf-8")
    [table] = [b for s in load(page).sections for b in s.blocks if b.rows]
    assert [[c.text for c in row] for row in table.rows or []] == [["A", "b"], [""], ["", "c"], ["d", "e"]]
    assert [[c.loc.row for c in row] for row in table.rows or []] == [[0, 0], [1], [2, 2], [3, 3]]


def test_a_group_row_with_an_empty_first_cell_opens_its_group(tmp_path: Path) -> None:
    """A roadmap's group row spans the columns after an empty first cell: it opens its group, it
    does not go on with the outcome above."""
    page = tmp_path / "roadmap.html"
    page.write_text(
        "<html><body><h1>ITU WSIS Action Line Roadmaps</h1>"
        "<h2>WSIS Action Line C2: Information and communication infrastructure</h2><table>"
        "<tr><th>WSIS Outcomes</th><th>Proposed timing</th><th>ITU Strategic Goals and Relevant Resolutions</th>"
        "<th>Linkages with the SDGs</th><th>Expected Results of ITU Activities</th></tr>"
        "<tr><td></td><td colspan='4'>Geneva Plan of Action and Tunis Agenda for the Information Society</td></tr>"
        "<tr><td>A: Governments should act to build infrastructure.</td><td>2015</td><td>Goal 1</td><td>9.1</td><td>Results A</td></tr>"
        "<tr><td>B: Develop national e-strategies.</td><td>2016</td><td>Goal 2</td><td>9.c</td><td>Results B</td></tr>"
        "<tr><td></td><td colspan='4'>WSIS+10 Outcome Documents</td></tr>"
        "<tr><td>C: Something else entirely.</td><td>2017</td><td>Goal 3</td><td>17.6</td><td>Results C</td></tr>"
        "</table></body></html>", encoding="utf-8")
    doc = load(page)
    groups = [s.title for s in doc.sections if s.kind == "wsis-outcome-group"]
    assert groups == ["Geneva Plan of Action and Tunis Agenda for the Information Society", "WSIS+10 Outcome Documents"]
    [c] = [s for s in doc.sections if s.kind == "wsis-outcome" and s.number == "C"]
    assert doc.section(c.parent).title == "WSIS+10 Outcome Documents"
    [b] = [s for s in doc.sections if s.kind == "wsis-outcome" and s.number == "B"]
    assert "WSIS+10" not in " ".join(b.fields.values())
