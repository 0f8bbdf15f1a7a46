"""A cell of a table row read as a section is named by the heading its column has in the document
("modified “Linkages with the SDGs” column"), not by the profile's field id ("sdgs column"), in
the text, Markdown and HTML reports; the JSON, which names no column of a cell change, is as it was."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from actionplan_trace.diff import compare
from actionplan_trace.render.diff_common import change_title
from actionplan_trace.render.diff_html import to_html
from actionplan_trace.render.diff_json import to_json
from actionplan_trace.render.diff_md import to_markdown
from actionplan_trace.render.diff_text import to_text

HEADER = ["WSIS Outcomes (WSIS AL C2)", "Proposed Timing", "ITU Strategic Goals and Relevant Resolutions",
          "Linkages with the SDGs", "Expected Results of ITU Activities in the period of this roadmap"]
ROWS = [
    ["A: Governments should take action to support an enabling and competitive environment", "2016-2019",
     "Goal 1", "1.4, 4.1, 9.c", "Expected Results: harmonized policies for the ICT market"],
    ["B: In the context of national e-strategies, devise appropriate universal access policies", "2016-2019",
     "Goal 2", "9.1, 17.8", "Expected Results: more people connected"],
]


def _roadmap(path: Path, rows: list[list[str]], font: str, size: float, bold_header: bool) -> Path:
    """The C2 roadmap's table under its Action Line heading, its header in `bold_header`."""
    document = docx.Document()
    document.styles["Normal"].font.name, document.styles["Normal"].font.size = font, Pt(size)
    document.add_heading("Action Line C2: Information and communication infrastructure", level=1)
    table = document.add_table(rows=1 + len(rows), cols=len(HEADER))
    table.style = "Table Grid"
    for col, text in enumerate(HEADER):
        table.rows[0].cells[col].paragraphs[0].add_run(text).bold = bold_header
    for r, row in enumerate(rows, start=1):
        for col, text in enumerate(row):
            table.rows[r].cells[col].paragraphs[0].add_run(text)
    document.save(str(path))
    return path


@pytest.mark.parametrize("font, size, bold", [("Calibri", 9, True), ("Times New Roman", 11, False)])
def test_a_roadmap_cell_is_named_by_its_column_heading(tmp_path: Path, font: str, size: float, bold: bool) -> None:
    edited = [row[:] for row in ROWS]
    edited[0][1], edited[0][3] = "2016-2021", "1.4, 4.1, 9.c, 13.1"
    edited[1][4] = "Expected Results: more people connected at lower cost"
    old = _roadmap(tmp_path / "old.docx", ROWS, font, size, bold)
    new = _roadmap(tmp_path / "new.docx", edited, font, size + 1, bold)
    result = compare(old, new, profile="wsis-roadmap")
    assert [(c.section_new, change_title(c)) for c in result.visible()] == [
        ("action-line-C2/A", "modified “Proposed Timing” column"),
        ("action-line-C2/A", "modified “Linkages with the SDGs” column"),
        ("action-line-C2/B", "modified “Expected Results of ITU Activities in the…” column")]
    text, markdown, page = to_text(result), to_markdown(result), to_html(result)
    assert "  modified “Linkages with the SDGs” column  (paragraph 2, table row 2)\n      1.4, 4.1, 9.c{+, 13.1+}\n" in text
    assert "- **modified “Proposed Timing” column** (paragraph 2, table row 2): <del>2016-2019</del><ins>2016-2021</ins>" in markdown
    assert "modified “Linkages with the SDGs” column</span>" in page
    for report in (text, markdown, page):
        assert not any(f"{name} column" in report for name in ("timing", "sdgs", "expected-results"))
    assert all(set(c) == {"kind", "target", "section", "path", "old", "new", "words", "refs_added", "refs_removed",
                          "refs_revised", "formatting_only", "differences", "at"}
               for c in json.loads(to_json(result))["changes"])


def test_an_outcome_cell_and_a_merge_are_named_by_the_plan_s_headings(tmp_path: Path) -> None:
    """An Action Plan outcome table headed "Outcomes | Key performance indicators | Outputs
    (Products and services)": a bullet edited and a cell merged across are named by those."""
    def plan(path: Path, indicator: str, merged: bool) -> Path:
        document = docx.Document()
        document.styles["Normal"].font.name = "Verdana"
        document.add_paragraph().add_run("Objective 2 – Modern and secure telecommunication/ICT infrastructure").bold = True
        table = document.add_table(rows=3, cols=3)
        for col, text in enumerate(["Outcomes", "Key performance indicators", "Outputs (Products and services)"]):
            table.rows[0].cells[col].text = text
        for r, (outcome, output) in enumerate([("2.1 Enhanced capacity to build resilient networks", "2.1 - Infrastructure"),
                                               ("2.2 Enhanced capacity to respond to cyber threats", "")], start=1):
            table.rows[r].cells[0].text = outcome
            table.rows[r].cells[1].paragraphs[0].add_run(f"•\t{indicator if r == 1 else 'Number of CIRTs'}")
            table.rows[r].cells[2].text = output
        if merged:
            table.rows[2].cells[1].merge(table.rows[2].cells[2])
        document.save(str(path))
        return path

    old = plan(tmp_path / "old.docx", "Number of experts trained", False)
    new = plan(tmp_path / "new.docx", "Number of experts trained in 2024", True)
    result = compare(old, new, profile="action-plan")
    titles = [change_title(c) for c in result.visible(all_changes=True)]
    assert "modified bullet in “Key performance indicators” column" in titles
    assert "modified “Key performance indicators” and “Outputs (Products and services)” columns: 2 cells merged" in titles
