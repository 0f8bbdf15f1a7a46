"""A heading alone in a one-column table (a shaded "banner" holding only "Objective 1 – …") opens
its section as the heading paragraph would, in .docx and HTML; its text stays in the model."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import norm
from docx_edit import W, DocxEditor, join_tables

from actionplan_trace import load
from actionplan_trace.model import Document

OUTCOMES = [["Outcomes", "Performance indicators", "Outputs"],
            ["Enhanced capacity to deploy resilient broadband networks", "Number of countries assisted",
             "1.1 – Broadband infrastructure"],
            ["Improved capacity to manage spectrum", "Number of plans reviewed", "1.2 – Spectrum management"]]
EXPECTED = [("objective", "objective-1", None), ("outcome", "outcome-1.1", "objective-1"),
            ("outcome", "outcome-1.2", "objective-1"), ("output", "output-1.1", "objective-1"),
            ("background", "output-1.1/background", "output-1.1"), ("output", "output-1.2", "objective-1"),
            ("background", "output-1.2/background", "output-1.2"), ("objective", "objective-2", None)]


def _outline(doc: Document) -> list[tuple[str, str, str | None]]:
    return [(s.kind, s.id, s.parent) for s in doc.sections if s.kind != "front-matter"]


def _banner(document, lines: list[str], style: str | None) -> None:
    """A shaded one-cell table holding `lines` (a heading, or a heading and its title)."""
    table = document.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    cell = table.rows[0].cells[0]
    shading = docx.oxml.parse_xml('<w:shd xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                                  'w:val="clear" w:color="auto" w:fill="1F4E79"/>')
    cell._tc.get_or_add_tcPr().append(shading)
    for k, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        paragraph.add_run(line).bold = style is None
        if style:
            paragraph.style = style


def _heading(document, text: str, style: str | None) -> None:
    if style:
        document.add_paragraph(text, style="Heading 2")
    else:
        document.add_paragraph().add_run(text).bold = True


def _plan(path: Path, style: str | None, split: bool, introduced: bool = True) -> Path:
    """Two objectives in banners (the first with its outcomes table), two outputs under the first;
    `introduced` False: no paragraph between the first banner and its outcomes table."""
    document = docx.Document()
    document.add_paragraph("Kigali Action Plan – extract")
    for number, title in (("1", "Affordable connectivity"), ("2", "Digital transformation")):
        _banner(document, [f"Objective {number}", title] if split else [f"Objective {number} – {title}"], style)
        if introduced or number == "2":
            document.add_paragraph(f"{title} underpins every other ITU-D priority.")
        if number == "2":
            break
        table = document.add_table(rows=len(OUTCOMES), cols=3)
        for row, cells in zip(table.rows, OUTCOMES):
            for cell, text in zip(row.cells, cells):
                cell.text = text
        for output in ("1.1", "1.2"):
            _heading(document, f"Output {output} – Broadband number {output}", style)
            _heading(document, "Background", style)
            document.add_paragraph(f"Output {output} addresses the gap in backbone networks.")
    document.save(str(path))
    return path


@pytest.mark.parametrize("split", [False, True], ids=["title-on-line", "title-next"])
@pytest.mark.parametrize("style", [None, "Heading 1"], ids=["bold-normal", "heading-style"])
def test_an_objective_in_a_banner_table_opens_the_objective(tmp_path, style: str | None, split: bool) -> None:
    """Before, a box needed body text in its table: the banner stayed a table in the front
    matter, the outcome rows were lost and the outputs had no parent. (An extract this short with
    "Objective 1" on a line of its own is too little to detect as an Action Plan: named.)"""
    doc = load(_plan(tmp_path / "banner.docx", style, split), "action-plan" if split else None)
    assert doc.source.profile == "action-plan"
    assert _outline(doc) == EXPECTED
    objective = doc.section("objective-1")
    assert norm(objective.title) == "Affordable connectivity"
    assert "Affordable connectivity" in norm(objective.heading or "")
    assert not [b for s, b in doc.blocks() if b.type == "table" and s.kind == "front-matter"]


@pytest.mark.parametrize("span", ["grid", "none"])
def test_an_objective_banner_joined_with_its_outcomes_table(tmp_path, span: str) -> None:
    """A banner with no paragraph before the outcomes table is one table with it in Word: its row
    of one cell opens the objective, the rows after it are the outcomes."""
    editor = DocxEditor.open(_plan(tmp_path / "banner.docx", None, False, introduced=False))
    assert join_tables(editor, editor.root.find(f"{W}body/{W}tbl"), span) == 1
    doc = load(editor.save(tmp_path / "joined.docx"))
    assert _outline(doc) == EXPECTED
    assert [b.type for b in doc.section("objective-1").blocks] == ["table"]


PAGE = """<html><body><p>Kigali Action Plan – extract</p>
<table border="1"><tr><td style="background:#1F4E79"><b>Objective 1: Affordable connectivity</b></td></tr></table>
<p>Affordable connectivity underpins every other ITU-D priority.</p>
<table border="1">{rows}</table>
{outputs}
<table border="1"><tr><td><b>Objective 2: Digital transformation</b></td></tr></table>
<p>Digital transformation of public services.</p>
</body></html>"""


def test_an_objective_in_a_banner_table_in_html(tmp_path) -> None:
    """The same plan as an HTML page (as LibreOffice saves it): each banner a one-cell table."""
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in OUTCOMES)
    outputs = "".join(f"<h2>Output {n} – Broadband number {n}</h2><p><b>Background</b></p>"
                      f"<p>Output {n} addresses the gap in backbone networks.</p>" for n in ("1.1", "1.2"))
    page = tmp_path / "banner.html"
    page.write_text(PAGE.format(rows=rows, outputs=outputs), encoding="utf-8")
    assert _outline(load(page)) == EXPECTED


def test_a_references_heading_alone_in_a_table_stays_a_table(tmp_path) -> None:
    """A one-cell table holding a References heading alone (a kind that makes a box only with its
    sub-headings) is no banner: it stays a table."""
    path = _plan(tmp_path / "banner.docx", None, False)
    document = docx.Document(str(path))
    table = document.add_table(rows=1, cols=1)
    table.rows[0].cells[0].paragraphs[0].add_run("References").bold = True
    document.paragraphs[-1]._p.addprevious(table._tbl)
    document.save(str(path))
    doc = load(path)
    assert [s.id for s in doc.sections if s.kind == "references"] == []
    assert [b.rows[0][0].text for _, b in doc.blocks() if b.type == "table" and b.rows and len(b.rows[0]) == 1] == ["References"]


def test_a_priority_in_a_banner_table_in_markdown(tmp_path) -> None:
    """A Markdown rendering whose priorities are one-cell HTML tables, its outputs `##` headings."""
    outputs = "".join(f"## Output {n} – Broadband number {n}\n\n**Background**\n\n"
                      f"Output {n} addresses the gap in backbone networks.\n\n" for n in ("1.1", "1.2"))
    rows = "\n".join("| " + " | ".join(row) + " |" for row in OUTCOMES[1:])
    text = (f"Kigali Action Plan – extract\n\n"
            f"<table><tr><td><b>Priority 1 – Affordable connectivity</b></td></tr></table>\n\n"
            f"Affordable connectivity underpins every other ITU-D priority.\n\n"
            f"| {' | '.join(OUTCOMES[0])} |\n|---|---|---|\n{rows}\n\n{outputs}"
            f"<table><tr><td><b>Priority 2 – Digital transformation</b></td></tr></table>\n\n"
            f"Digital transformation of public services.\n")
    path = tmp_path / "banner.md"
    path.write_text(text, encoding="utf-8")
    assert _outline(load(path)) == EXPECTED
