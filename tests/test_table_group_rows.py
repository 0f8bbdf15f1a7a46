"""Group rows of a Strategic Plan's objectives x goals table (Table 8.1): a row holding only a
sector's code ("ITU-R") labels the objective rows under it. Whatever the form (tab-separated text
with an empty corner cell, group rows with or without their empty cells' tabs, Word's tab-led
plain text with a blank line after each row, a .docx with the group row merged across the table
or only bold in its first cell), each group row is a group of the table, its text is kept as a row
of the table, the objective rows fall under it, and no group row's text joins the row under it
into a reference ("ITU-R" + "Objective 1" read as "ITU-R Objective 1").
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from actionplan_trace import load
from actionplan_trace.refs import document_refs

GOALS = ["Goal ITU-R", "Goal ITU-T", "Goal ITU-D"]
GROUPS = [("ITU-R", 2), ("ITU-T", 1), ("ITU-D", 3)]
INTRO = ("PART II – Linking sectoral and GS objectives with the strategic orientations and goals of the Union\n\n"
         "Table 8.1 - Objectives and strategic goals of the Union\n\n")
OUTRO = "\nPART III – General description of terms used in Resolution 71\n\nThe terms are described below.\n"


def _marks(column: int) -> list[str]:
    return ["X" if k == column else "" for k in range(len(GOALS))]


def _tsv(padded: bool) -> str:
    """The table as tab-separated rows, the header opening with an empty corner cell; group rows
    padded with their empty cells' tabs (as seed 003 has them) or not."""
    lines = ["\t" + "\t".join(GOALS)]
    for column, (group, count) in enumerate(GROUPS):
        lines.append(group + "\t" * len(GOALS) if padded else group)
        lines += ["\t".join([f"Objective {n}", *_marks(column)]) for n in range(1, count + 1)]
    return INTRO + "\n".join(lines) + "\n" + OUTRO


def _tab_led() -> str:
    """The table as Word's "Save as plain text" writes it: a cell a line, each opening with a tab,
    a blank line after each row; a merged group row is one cell; the empty corner a lone tab."""
    rows = [["", *GOALS]]
    for column, (group, count) in enumerate(GROUPS):
        rows.append([group])
        rows += [[f"Objective {n}", *_marks(column)] for n in range(1, count + 1)]
    body = "".join("".join(f"\t{cell}\n" for cell in row) + "\n" for row in rows)
    return INTRO + body + OUTRO


def _docx(path: Path, merged: bool) -> Path:
    """The table in a .docx: each group row one cell merged across the table (w:gridSpan), or its
    code bold in the first cell and the other cells empty."""
    document = docx.Document()
    for text in INTRO.strip().split("\n\n"):
        document.add_paragraph(text)
    rows = [["", *GOALS]]
    for column, (group, count) in enumerate(GROUPS):
        rows.append([group])
        rows += [[f"Objective {n}", *_marks(column)] for n in range(1, count + 1)]
    table = document.add_table(rows=len(rows), cols=len(GOALS) + 1)
    for r, row in enumerate(rows):
        cells = table.rows[r].cells
        if len(row) == 1:
            target = cells[0].merge(cells[-1]) if merged else cells[0]
            target.paragraphs[0].add_run(row[0]).bold = True
            continue
        for cell, text in zip(cells, row):
            cell.paragraphs[0].add_run(text)
    for text in OUTRO.strip().split("\n\n"):
        document.add_paragraph(text)
    document.save(path)
    return path


@pytest.mark.parametrize("form", ["tsv-padded", "tsv-bare", "tab-led", "docx-merged", "docx-bold"])
def test_group_rows_are_groups_of_the_table(tmp_path: Path, form: str) -> None:
    if form.startswith("docx"):
        path = _docx(tmp_path / "sp.docx", merged=form == "docx-merged")
    else:
        text = _tab_led() if form == "tab-led" else _tsv(padded=form == "tsv-padded")
        path = tmp_path / "sp.txt"
        path.write_text(text, encoding="utf-8")
    doc = load(path, "strategic-plan")
    groups = [s for s in doc.sections if s.parent == "table-8.1"]
    assert [(g.kind, g.id, g.title) for g in groups] == [
        ("sector-group", f"table-8.1/{group.lower()}", group) for group, _ in GROUPS]
    for group, (code, count) in zip(groups, GROUPS):
        assert [b.rows[0][0].text for b in group.blocks if b.rows] == [code]  # the row itself, kept
        assert [(c.kind, c.number, c.title) for c in doc.sections if c.parent == group.id] == [
            ("sp-goal-link", str(n), f"Objective {n}") for n in range(1, count + 1)]
    part_three = doc.by_id["part-III"]
    assert [b.text for b in part_three.blocks] == ["The terms are described below."]
    report = document_refs(doc)
    assert [r.id for r in report.refs if r.section.startswith("table-8.1")] == []


def _table_docx(path: Path, heading: str, rows: list[list[str]], bold_groups: bool) -> Path:
    """A Strategic Plan fragment: an ITU-D sector heading, `heading` ("Table 6.1 - …") and a table
    whose one-text rows are merged across the table (bold or not)."""
    document = docx.Document()
    document.add_paragraph("6 Telecommunication Development Sector (ITU-D)")
    document.add_paragraph(heading)
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for r, row in enumerate(rows):
        cells = table.rows[r].cells
        if len(row) == 1:
            cells[0].merge(cells[-1]).paragraphs[0].add_run(row[0]).bold = bold_groups
            continue
        for cell, text in zip(cells, row):
            cell.paragraphs[0].add_run(text)
    document.add_paragraph("PART III – General description of terms used in Resolution 71")
    document.save(path)
    return path


@pytest.mark.parametrize("bold", [False, True])
def test_goal_rows_the_group_pattern_does_not_name_are_no_objectives(tmp_path: Path, bold: bool) -> None:
    """Table 8.1 of a plan grouped by the Union's goals, not by sector: "Goal 1: Growth" is no
    sector code, so it opens no sector group, and it is no objective row either (it is not
    numbered as the rows are): it stays a row of the table."""
    rows = [["", "Goal ITU-R", "Goal ITU-T", "Goal ITU-D"], ["Goal 1: Growth"],
            ["ITU-D Objective 1", "", "", "X"], ["ITU-D Objective 2", "", "", "X"],
            ["Goal 2: Inclusiveness"], ["ITU-R Objective 1", "X", "", ""]]
    path = _table_docx(tmp_path / "goals.docx", "Table 8.1 - Objectives and strategic goals of the Union", rows, bold)
    doc = load(path, "strategic-plan")
    under = [s for s in doc.sections if s.parent == "table-8.1"]
    assert [(s.kind, s.number, s.title) for s in under] == [
        ("sp-goal-link", "1", "ITU-D Objective 1"), ("sp-goal-link", "2", "ITU-D Objective 2"),
        ("sp-goal-link", "1", "ITU-R Objective 1")]
    kept = [b.rows[0][0].text for b in doc.by_id["table-8.1"].blocks if b.rows]
    assert kept == ["", "Goal 1: Growth", "Goal 2: Inclusiveness"]  # the header row, then the two group rows


def test_a_bold_objective_row_over_outputs_is_no_output(tmp_path: Path) -> None:
    """An outputs x objectives table whose outputs are grouped under bold rows naming their
    objective: such a row is kept as a row of the table, not read as an output."""
    rows = [["ITU-D outputs", "Objective 1", "Objective 2", "Objective 3"], ["Objective 1 – Coordination"],
            ["Study groups", "X", "", ""], ["Objective 2 – Infrastructure"], ["Project development", "", "X", ""]]
    path = _table_docx(tmp_path / "outputs.docx", "Table 6.1 - ITU-D outputs and objectives", rows, True)
    doc = load(path, "strategic-plan")
    assert [(s.kind, s.title) for s in doc.sections if s.parent == "table-6.1"] == [
        ("sp-output", "Study groups"), ("sp-output", "Project development")]
    kept = [b.rows[0][0].text for b in doc.by_id["table-6.1"].blocks if b.rows]
    assert kept == ["ITU-D outputs", "Objective 1 – Coordination", "Objective 2 – Infrastructure"]


@pytest.mark.parametrize("all_bold", [False, True])
def test_a_one_text_outcome_row_stays_an_outcome_where_it_does_not_stand_out(tmp_path: Path, all_bold: bool) -> None:
    """An Action Plan's outcome table whose second outcome has no indicator or output yet: a row of
    one text, bold. Where every outcome is bold it is a row like the others (an outcome); where
    the other outcomes are not bold, it stands out as a label and is kept as a row of the table."""
    document = docx.Document()
    document.add_paragraph("Objective 2 – Modern and secure telecommunication/ICT infrastructure")
    rows = [["Outcomes", "Performance indicators", "Outputs"],
            ["Enhanced capacity of Member States", "Number of countries assisted", "2.1 - Infrastructure"],
            ["Improved access to broadband", "", ""]]
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.rows[r].cells[c].paragraphs[0].add_run(text).bold = r > 0 and c == 0 and (all_bold or r == 2)
    document.save(tmp_path / "ap.docx")
    doc = load(tmp_path / "ap.docx", "action-plan")
    outcomes = [(s.id, s.title) for s in doc.sections if s.kind == "outcome"]
    expected = [("outcome-2.1", "Enhanced capacity of Member States")]
    assert outcomes == (expected + [("outcome-2.2", "Improved access to broadband")] if all_bold else expected)
    kept = [b.rows[0][0].text for b in doc.by_id["objective-2"].blocks if b.rows]
    assert kept == (["Outcomes"] if all_bold else ["Outcomes", "Improved access to broadband"])


@pytest.mark.parametrize("blank", ["", "\n"])
def test_a_tab_separated_header_over_a_dashed_rule(tmp_path: Path, blank: str) -> None:
    """Seed 003's Table 7.1 goes on after a page break under a tab-separated header with a dashed
    rule of tab-separated runs ("OUTPUTS<tab>Objective 1…", "-------<tab>-------…"), then a blank
    line or none: the rows under it are the table's rows (outputs), not a header cut at the dashes
    and a table of its own whose first output is taken for its header."""
    text = ("Table 7.1 - GS outputs and objectives\n\n"
            "OUTPUTS\tObjective 1\tObjective 2\n-------\t-----------\t-----------\n" + blank +
            "ITU TELECOM World 2013\t\tX\nOngoing community-building activities\t\tX\nAny other related events\tX\t\n"
            "\nPART III – General description of terms used in Resolution 71\n")
    path = tmp_path / "sp.txt"
    path.write_text(text, encoding="utf-8")
    doc = load(path, "strategic-plan")
    assert [(s.kind, s.title) for s in doc.sections if s.parent == "table-7.1"] == [
        ("sp-output", "ITU TELECOM World 2013"), ("sp-output", "Ongoing community-building activities"),
        ("sp-output", "Any other related events")]
    assert [[c.text for c in row] for b in doc.by_id["table-7.1"].blocks for row in b.rows or []] == [
        ["OUTPUTS", "Objective 1", "Objective 2"]]


@pytest.mark.parametrize("rows", [
    [["Alice Martin", "Chair", "France"], ["Bob Jones", "Vice-chair", "Kenya"], ["Carla Diaz", "Rapporteur", "Chile"]],
    [["AFR Region", "AFR1: Building digital skills"], ["AMS region", "AMS2: Spectrum management"]],
], ids=["three-columns", "two-columns"])
def test_a_blank_line_inside_a_word_text_row_does_not_cut_it(tmp_path: Path, rows: list[list[str]]) -> None:
    """Word's Save-as-text writes an empty paragraph ending a cell as a blank line inside the row:
    the header's width still cuts the rows (a review found a row made three one-cell rows)."""
    header = ["Name", "Role", "Country"][: len(rows[0])]
    lines = ["Table 1", ""] + [f"\t{h}" for h in header] + [""]
    for k, row in enumerate(rows):
        for cell in row:
            lines.append(f"\t{cell}")
            if k == 0:
                lines.append("")  # each cell of the first row ends with an empty paragraph
        lines.append("")
    path = tmp_path / "people.txt"
    path.write_text("\n".join(lines + ["End."]) + "\n", encoding="utf-8")
    (table,) = [b for s in load(path).sections for b in s.blocks if b.type == "table"]
    assert [[c.text for c in row] for row in table.rows] == [header, *rows]


def test_a_stray_tab_before_a_word_text_table_is_no_corner_cell(tmp_path: Path) -> None:
    """A line holding only a tab before a tab-led table: the header with it would be one cell
    wider than the rows under it, so it is no empty corner (a review found every cell shifted)."""
    lines = ["Participants", "\t", "\tName", "\tRole", "\tCountry", "", "\tAlice Martin", "\tChair", "\tFrance", "",
             "\tBob Jones", "\tVice-chair", "\tKenya", "", "End."]
    path = tmp_path / "people.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (table,) = [b for s in load(path).sections for b in s.blocks if b.type == "table"]
    assert [[c.text for c in row] for row in table.rows] == [
        ["Name", "Role", "Country"], ["Alice Martin", "Chair", "France"], ["Bob Jones", "Vice-chair", "Kenya"]]
