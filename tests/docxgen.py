"""Write a structured Document back out as .docx in several formatting styles, for tests.

This is deliberately a second, independent way of making Word files (the corpus script is the
first): the same content comes out with Heading styles or bold Normal headings, typed or
auto-numbered sub-headings, titles on the heading line or the next, typed or Word bullets, so
tests can check that extraction does not depend on any one formatting.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from actionplan_trace.model import Document, Section

NUMBERED_KINDS = {"background", "implementation-framework", "regional-initiatives", "study-group-questions", "references"}
HEADING_LEVEL = {
    "part": 1, "clause": 2, "objective": 1, "output": 2, "background": 3, "implementation-framework": 3,
    "regional-initiatives": 3, "study-group-questions": 3, "references": 3, "programme": 4, "area": 5,
    "reference-group": 4, "heading": 3,
}


@dataclass(frozen=True)
class Style:
    headings: str = "styles"  # "styles" (Heading N) or "bold" (bold Normal paragraphs)
    numbering: str = "typed"  # "typed" ("1. Background") or "auto" (Word numbering, not in the text)
    title_next_line: bool = False  # "Output 2.1" then the title as its own paragraph
    bullets: str = "typed"  # "typed" ("•\t…") or "auto" (List Bullet style)
    font: str = "Calibri"


class _Numbering:
    """Adds one w:num per output (restarting at 1) over the List Number abstract numbering."""

    def __init__(self, document: docx.document.Document) -> None:
        self.part = document.part.numbering_part.element
        base = document.styles["List Number"].element.find(qn("w:pPr")).find(qn("w:numPr")).find(qn("w:numId"))
        num = next(n for n in self.part.findall(qn("w:num")) if n.get(qn("w:numId")) == base.get(qn("w:val")))
        self.abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        self.next_id = 1 + max(int(n.get(qn("w:numId"))) for n in self.part.findall(qn("w:num")))

    def restart(self) -> int:
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(self.next_id))
        abstract = OxmlElement("w:abstractNumId")
        abstract.set(qn("w:val"), self.abstract_id)
        num.append(abstract)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), "1")
        override.append(start)
        num.append(override)
        self.part.append(num)
        self.next_id += 1
        return self.next_id - 1


def _number_paragraph(paragraph, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(num)
    ppr.insert(0, numpr)


def _heading(document, text: str, level: int, style: Style):
    if style.headings == "styles":
        paragraph = document.add_paragraph(text, style=f"Heading {min(level, 6)}")
    else:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = Pt(max(11, 16 - 2 * level))
    return paragraph


def _heading_texts(section: Section, style: Style, counter: int) -> list[str]:
    title = section.title
    if section.kind == "objective":
        return [f"Objective {section.number}", title] if style.title_next_line else [f"Objective {section.number} – {title}"]
    if section.kind == "output":
        return [f"Output {section.number}", title] if style.title_next_line else [f"Output {section.number} – {title}"]
    if section.kind == "programme":
        return [f"Programme: {title}"]
    if section.kind == "part":
        return [f"Section {section.number} – {title}"]
    if section.kind == "clause":
        return [f"{section.number}. {title}"]
    if section.kind in NUMBERED_KINDS and style.numbering == "typed":
        return [f"{counter}. {title}"]
    return [title]


def _add_block_paragraph(document, text: str, list_item: bool, style: Style):
    if list_item and style.bullets == "auto":
        return document.add_paragraph(text, style="List Bullet")
    return document.add_paragraph(f"•\t{text}" if list_item else text)


def _fill_cell(cell, texts: list[tuple[str, bool]], style: Style) -> None:
    first = True
    for text, list_item in texts:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if list_item and style.bullets == "auto":
            paragraph.style = "List Bullet"
            paragraph.add_run(text)
        else:
            paragraph.add_run(f"-\t{text}" if list_item else text)


def _outcome_table(document, header: list[str], outcomes: list[Section], style: Style) -> None:
    table = document.add_table(rows=1 + len(outcomes), cols=len(header))
    table.style = "Table Grid"
    for col, text in enumerate(header):
        table.rows[0].cells[col].paragraphs[0].add_run(text).bold = True
    columns = ["outcome", "indicators", "outputs"]
    for row, outcome in enumerate(outcomes, start=1):
        for col, name in enumerate(columns):
            texts = [(b.text, b.type == "list-item") for b in outcome.blocks if b.field == name]
            _fill_cell(table.rows[row].cells[col], texts, style)


def _plain_table(document, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.rows[r].cells[c].paragraphs[0].add_run(text)


def write_docx(doc: Document, path: Path, style: Style = Style()) -> Path:
    """Write `doc` to `path` as a Word file in the given formatting style."""
    document = docx.Document()
    document.styles["Normal"].font.name = style.font
    numbering = _Numbering(document) if style.numbering == "auto" else None
    num_id = 0
    counters: dict[str, int] = {}
    children: dict[str | None, list[Section]] = {}
    for section in doc.sections:
        children.setdefault(section.parent, []).append(section)
    for section in doc.sections:
        if section.kind == "outcome":
            continue
        if section.kind == "output" and numbering is not None:
            num_id = numbering.restart()
        if section.kind not in ("front-matter", "footnotes"):
            key = section.parent or ""
            counters[key] = counters.get(key, 0) + 1 if section.kind in NUMBERED_KINDS else counters.get(key, 0)
            texts = _heading_texts(section, style, counters[key])
            level = HEADING_LEVEL.get(section.kind, 3)
            paragraph = _heading(document, texts[0], level, style)
            if section.kind in NUMBERED_KINDS and numbering is not None:
                _number_paragraph(paragraph, num_id)
            for extra in texts[1:]:
                _heading(document, extra, level, style)
        for block in section.blocks:
            if block.type == "table" and block.rows:
                rows = [[c.text for c in row] for row in block.rows]
                outcomes = [c for c in children.get(section.id, []) if c.kind == "outcome"]
                if section.kind == "objective" and outcomes and len(rows) == 1:
                    _outcome_table(document, rows[0], outcomes, style)
                else:
                    _plain_table(document, rows)
            elif block.type != "footnote":
                _add_block_paragraph(document, block.text, block.type == "list-item", style)
    document.core_properties.author = "docxgen"
    document.save(str(path))
    return path


def write_runs_docx(path: Path, heading: str, level: int, runs: list[tuple[str, dict[str, Any]]],
                    rows: list[list[str]]) -> Path:
    """A small Word file: a heading of `level`, one paragraph of `runs` (text, formatting: "font",
    "size" in points, "bold", "italic"), each run set apart, and a plain table of `rows`: for
    tests of text read across runs of other fonts and in table cells."""
    document = docx.Document()
    document.add_heading(heading, level=level)
    paragraph = document.add_paragraph()
    for text, formatting in runs:
        run = paragraph.add_run(text)
        run.font.name = formatting.get("font")
        run.font.size = Pt(formatting["size"]) if "size" in formatting else None
        run.bold, run.italic = formatting.get("bold"), formatting.get("italic")
    _plain_table(document, rows)
    document.save(str(path))
    return path


def region_table_document(font: str, size: float, heading: str, rows: list[tuple[str, ...]], columns: int,
                          grid: bool) -> tuple[Any, Any]:
    """A Word file's document with an output's heading, "Relevant regional initiatives:" and a
    table of `rows` (`columns` wide, in Table Grid when `grid`, else the default table style),
    in `font` at `size` points: the Region table of an Action Plan output, for a test to change
    and save. Returns the document and the table."""
    document = docx.Document()
    body = document.styles["Normal"]
    body.font.name, body.font.size = font, Pt(size)
    document.add_heading(heading, level=2)
    document.add_paragraph("Relevant regional initiatives:")
    table = document.add_table(rows=len(rows), cols=columns)
    if grid:
        table.style = document.styles["Table Grid"]
    for tr, row in zip(table.rows, rows):
        for tc, text in zip(tr.cells, row):
            tc.text = text
    return document, table


def copy_document(doc: Document) -> Document:
    """A deep copy, for tests that edit a document before writing it."""
    return copy.deepcopy(doc)
