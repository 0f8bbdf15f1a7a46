"""A number ending in ".0" in a roadmap's SDG column: no SDG has a target 0, and "17.0" on a line of
its own under a list that has ended (the C5 roadmap's "16.2, 17.8." then "17.0."), or after a name
("Industry 4.0", "version 17.0"), is a figure or a version, not a reference; it was read as SDG
target 17.0 and reported impossible (REF002). Joined to a list of targets it is still read and
reported, and real targets of goal 17 are kept."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from actionplan_trace.loader import load
from actionplan_trace.refs import RefContext, document_refs, find_refs

FIELD = RefContext(expect="sdg-field", goal="sdg")


@pytest.mark.parametrize(("text", "expected"), [
    ("1.4, 4.1, 4.3, 4.5, 5.b, 7.1, 16.2, 17.8.\n17.0.", ["SDG-1.4", "SDG-4.1", "SDG-4.3", "SDG-4.5", "SDG-5.b", "SDG-7.1",
                                                          "SDG-16.2", "SDG-17.8"]),
    ("9.1, 9.c, 11.3, 11.b, 17.8\n17.0", ["SDG-9.1", "SDG-9.c", "SDG-11.3", "SDG-11.b", "SDG-17.8"]),
    ("16.2, 17.8. 17.0.", ["SDG-16.2", "SDG-17.8"]),
    ("17.0", []),
    ("Industry 4.0, 9.1, 9.b", ["SDG-9.1", "SDG-9.b"]),
    ("9.1, 9.c (Industry 4.0)", ["SDG-9.1", "SDG-9.c"]),
    ("Toolkit version 17.0; 17.6, 17.10", ["SDG-17.6", "SDG-17.10"]),
])
def test_a_zero_target_outside_a_list_is_no_reference(text: str, expected: list[str]) -> None:
    refs, findings = find_refs(text, FIELD)
    assert [r.id for r in refs] == expected
    assert [f.code for f in findings if f.code == "REF002"] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("1.4, 17.0, 5.b", ["SDG-1.4", "SDG-17.0", "SDG-5.b"]),
    ("17.0, 17.1 and 17.2", ["SDG-17.0", "SDG-17.1", "SDG-17.2"]),
    ("Targets: 9.0", ["SDG-9.0"]),
])
def test_a_zero_target_in_a_list_is_read_and_reported(text: str, expected: list[str]) -> None:
    refs, findings = find_refs(text, FIELD)
    assert [r.id for r in refs] == expected
    zero = next(r for r in expected if r.endswith(".0"))
    assert [(f.code, f.ref) for f in findings if f.code == "REF002"] == [("REF002", zero)]


def test_a_zero_target_in_prose_named_as_a_target_is_still_reported() -> None:
    refs, findings = find_refs("The plan serves SDG target 17.0 and SDG 17 (targets 17.6, 17.8).", RefContext())
    assert [r.id for r in refs] == ["SDG-17.0", "SDG-17", "SDG-17.6", "SDG-17.8"]
    assert [(f.code, f.ref) for f in findings if f.code == "REF002"] == [("REF002", "SDG-17.0")]


ROWS = [
    ("B1: Governments should prevent, detect and respond to cyber-crime", "PP Res. 130",
     ["1.4, 4.1, 7.a, 9.1, 16.2, 17.8.", "17.0."]),
    ("B4: Strengthening institutional support at the international level", "WTDC Res. 45",
     ["9.c, 11.3, 11.b, 17.8", "17.0"]),
    ("C: Promote a culture of cybersecurity (Industry 4.0)", "PP Res. 174", ["Industry 4.0: 9.b, 17.6"]),
    ("D: Share good practices", "PP Res. 179", ["4.4, 17.0, 17.6"]),
]


def _roadmap(path: Path, font: str, size: float, heading_style: bool) -> Path:
    """One action line's roadmap table in `font`: each SDG cell's lines as paragraphs of their own."""
    document = docx.Document()
    title = "WSIS Action Line C5: Building confidence and security in the use of ICTs"
    if heading_style:
        document.add_heading(title, 1)
    else:
        run = document.add_paragraph().add_run(title)
        run.bold, run.font.name, run.font.size = True, font, Pt(size + 4)
    header = ["WSIS Outcomes", "Proposed Timing", "ITU Strategic Goals and Relevant Resolutions",
              "Linkages with the SDGs", "Expected Results of ITU Activities"]
    table = document.add_table(rows=1 + len(ROWS), cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    for row, (outcome, resolutions, sdgs) in zip(table.rows[1:], ROWS):
        values = [[outcome], ["2016-2019"], [resolutions], sdgs, ["Expected Results: toolkits."]]
        for cell, lines in zip(row.cells, values):
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    for paragraph in (p for row in table.rows for cell in row.cells for p in cell.paragraphs):
        for run in paragraph.runs:
            run.font.name, run.font.size = font, Pt(size)
    document.save(str(path))
    return path


@pytest.mark.parametrize("font, size, heading_style", [("Calibri", 10, True), ("Times New Roman", 8.5, False)])
def test_the_roadmap_s_sdg_column_in_a_word_file(tmp_path: Path, font: str, size: float, heading_style: bool) -> None:
    report = document_refs(load(_roadmap(tmp_path / "c5.docx", font, size, heading_style), profile="wsis-roadmap"))
    sdgs = {}
    for r in report.refs:
        if r.field == "sdgs":
            sdgs.setdefault(r.section, []).append(r.id)
    assert sdgs == {
        "action-line-C5/B1": ["SDG-1.4", "SDG-4.1", "SDG-7.a", "SDG-9.1", "SDG-16.2", "SDG-17.8"],
        "action-line-C5/B4": ["SDG-9.c", "SDG-11.3", "SDG-11.b", "SDG-17.8"],
        "action-line-C5/C": ["SDG-9.b", "SDG-17.6"],
        "action-line-C5/D": ["SDG-4.4", "SDG-17.0", "SDG-17.6"],
    }
    assert [(f.code, f.ref, f.section) for f in report.findings if f.code == "REF002"] == [
        ("REF002", "SDG-17.0", "action-line-C5/D")]
