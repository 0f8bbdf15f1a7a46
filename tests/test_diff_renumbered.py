"""A number that names a section or clause and changed is shown by default, whatever made it
change: an output inserted before it ("Output 2.2" now "Output 2.3"), its parent renumbered
("3.1" under "3" made "2.1" under "2"), or typed so. Every citation of the old number now points
elsewhere. The numbering switch hides only what no citation uses: a one-level list label ("1."
made "2."), a number's format, a list restarted in a rendering (another depth)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from actionplan_trace.diff import compare
from test_diff_whole_sections import _plan

GOALS = ["Growth", "Inclusiveness"]


def _report(path: Path, clause: int, styled: bool) -> Path:
    """An implementation report whose clause `clause` holds the goals, numbered "N.1.1 Goal 1 – …"."""
    document = docx.Document()
    document.styles["Normal"].font.name = "Cambria"

    def heading(text: str, level: int) -> None:
        if styled:
            document.add_paragraph(text, style=f"Heading {level}")
        else:
            run = document.add_paragraph().add_run(text)
            run.bold, run.font.size = True, Pt(15 - level)

    document.add_paragraph("Report on the implementation of the Strategic Plan and the activities of the Union")
    heading("1\tIntroduction", 1)
    document.add_paragraph("This report presents the progress made in the implementation of the Strategic Plan.")
    heading(f"{clause}\tITU Strategic Plan implementation", 1)
    heading(f"{clause}.1\tResults per Strategic Goal", 2)
    for n, title in enumerate(GOALS, start=1):
        heading(f"{clause}.1.{n}\tGoal {n} – {title}", 3)
        document.add_paragraph(f"Progress towards Goal {n} was reported by the Sectors and the General Secretariat.")
    document.save(str(path))
    return path


def _retyped(path: Path, old: str, new: str) -> Path:
    """`path` with `old` typed `new` in every run of its paragraphs."""
    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            run.text = run.text.replace(old, new)
    document.save(str(path))
    return path


@pytest.mark.parametrize("styled", [True, False])
def test_outputs_renumbered_by_an_insertion_are_shown(tmp_path: Path, styled: bool) -> None:
    """Output 2.2 inserted: the old 2.2 is now 2.3, shown as renumbered beside the new output."""
    old = _retyped(_plan(tmp_path / "old.docx", ["2.1", "2.3"], styled, "Verdana", 13), "Output 2.3", "Output 2.2")
    new = _plan(tmp_path / "new.docx", ["2.1", "2.2", "2.3"], styled, "Verdana", 13)
    result = compare(old, new, profile="action-plan")
    assert [(c.section_old, c.section_new, c.old, c.new) for c in result.visible() if c.kind == "renumbered"] == [
        ("output-2.2", "output-2.3", "2.2", "2.3")]
    assert [c.section_new for c in result.visible() if c.kind == "added"][0] == "output-2.2"
    assert not any(c.kind == "renumbered" for c in result.changes if c.formatting_only)


@pytest.mark.parametrize("styled", [True, False])
def test_clause_numbers_under_a_renumbered_clause_are_shown(tmp_path: Path, styled: bool) -> None:
    old = _report(tmp_path / "old.docx", 3, styled)
    new = _report(tmp_path / "new.docx", 2, styled)
    result = compare(old, new, profile="implementation-report")
    shown = [(c.old, c.new) for c in result.visible() if c.kind == "renumbered"]
    assert [(old.split()[0], new.split()[0]) for old, new in shown] == [
        ("3", "2"), ("3.1", "2.1"), ("3.1.1", "2.1.1"), ("3.1.2", "2.1.2")]
    assert result.summary()["hidden"] == 0
