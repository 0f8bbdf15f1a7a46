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
    a blank line after each row; a merged group row is one cell. (The corner is not empty here: a
    lone tab opening a table is read as a blank line.)"""
    rows = [["Objectives", *GOALS]]
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
