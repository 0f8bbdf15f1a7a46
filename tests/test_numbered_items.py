"""Numbered list items in a PDF and a plain text are list items labelled "1.", "a)", "(i)", as the
.docx gives them, while numbered headings, clauses, sentences opening with a figure and a lone
numbered paragraph stay as they were (extract/numbered_items.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace.extract import read

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
LABELS = ["1.", "a)", "b)", "(i)", "(ii)", "c)", "2.", "a)", "(i)", "3."]
NOT_ITEMS = ["1. Background", "5 countries adopted", "2019 was the year", "2. Implementation framework",
             "2.1 Scope of the plan", "3. The plan is reviewed"]


def _items(name: str | Path) -> list[tuple[str | None, str]]:
    return [(b.label, b.text) for b in read(FIXTURES / name).blocks if b.type == "list-item"]


def test_a_pdf_reads_a_numbered_list_of_three_levels_as_its_docx_does() -> None:
    """The LibreOffice print of a Word list numbered "1." / "a)" / "(i)", twice in two fonts and
    sizes, among typed numbered headings, a clause "2.1", sentences opening with a number and a
    lone "3. …" paragraph: the PDF's list items, labels and texts are the .docx's."""
    docx, pdf = _items("numbered-lists.docx"), _items("numbered-lists.pdf")
    assert [label for label, _ in docx] == LABELS * 2
    assert pdf == docx
    others = [b.text for b in read(FIXTURES / "numbered-lists.pdf").blocks if b.type != "list-item"]
    for start in NOT_ITEMS:
        assert sum(text.startswith(start) for text in others) == 2, start


ITEMS = ["Regional initiatives are intended to address specific telecommunication/ICT priority areas.",
         "The products and services developed by programmes can be for use by members on a national basis.",
         "Information is gathered through surveys, contributions and case studies.",
         "The study groups examine specific task-oriented telecommunication/ICT questions of priority.",
         "Communications no longer just connect people: the Internet of Things is fast becoming a reality.",
         "Under each regional initiative, projects are developed and implemented to meet the region's needs."]
TEXT_LABELS = ["1.", "a)", "b)", "(i)", "2.", "a)"]


@pytest.mark.parametrize("indent", ["", "    "])
def test_a_plain_text_reads_numbered_lines_as_list_items(tmp_path: Path, indent: str) -> None:
    """Word's "Plain text" export of the same list (a paragraph a line, nested levels indented or
    not): its numbered lines are list items; a numbered heading and a clause above it, a sentence
    opening with a figure and a lone numbered line after it are not."""
    lines = ["1. Background", "5 countries adopted national broadband plans in 2019.", "2. Implementation framework",
             "2.1 Scope of the plan", "The Bureau will:"]
    lines += [f"{indent * (label[0] != '1' and label[0] != '2')}{label} {text}" for label, text in zip(TEXT_LABELS, ITEMS)]
    lines += ["Capacity building remains essential.", "3. The plan is reviewed every four years by the conference."]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    blocks = read(path).blocks
    assert [(b.label, b.text) for b in blocks if b.type == "list-item"] == list(zip(TEXT_LABELS, ITEMS))
    assert [b.text for b in blocks if b.type != "list-item"] == [*lines[:5], *lines[-2:]]
