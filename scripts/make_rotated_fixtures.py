"""Write tests/fixtures/pdf/rotated-header-cells.{docx,pdf}: two ruled tables whose header cells
set their text turned, in both of Word's text directions ("bottom to top", btLr, and "top to
bottom", tbRl), beside upright cells; the first in Calibri 10, the second in Times New Roman 12.
A PDF sets each glyph of such a cell turned a quarter (pdf.turned_lines reads them).

Run by hand (python-docx and LibreOffice are needed; tests never need them):
`.venv/bin/python scripts/make_rotated_fixtures.py`.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell

sys.path.insert(0, str(Path(__file__).parent))
from make_layout_fixtures import print_pdf  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pdf"

# (font, size, header cells as (text, direction: None upright, "btLr" or "tbRl"), body rows)
TABLES = [
    ("Calibri", 10, [("Indicator", None), ("Baseline 2017", "btLr"), ("Target 2021", "tbRl"), ("Responsible", "btLr")],
     [["Households with Internet access (%)", "46", "55", "BDT"],
      ["Individuals using the Internet (%)", "48", "60", "BDT/ITU-T"]]),
    ("Times New Roman", 12, [("Outcome", None), ("Year one", "tbRl"), ("Year two", "tbRl"), ("Lead unit", "btLr")],
     [["Regional initiatives adopted", "5", "7", "BDT"],
      ["Study Group reports approved", "12", "14", "ITU-D"]]),
]


def _direction(cell: _Cell, value: str) -> None:
    """Set `cell`'s text direction (w:tcPr/w:textDirection)."""
    element = OxmlElement("w:textDirection")
    element.set(qn("w:val"), value)
    cell._tc.get_or_add_tcPr().append(element)


def _docx(path: Path) -> None:
    doc = Document()
    for n, (font, size, header, body) in enumerate(TABLES, 1):
        para = doc.add_paragraph(f"Table {n} – Indicators by year, set in {font}.")
        para.runs[0].font.name, para.runs[0].font.size = font, Pt(size)
        table = doc.add_table(rows=1 + len(body), cols=len(header))
        table.style = "Table Grid"
        table.rows[0].height = Cm(3)  # room for the turned text on one line: LibreOffice wraps it, not the row
        for cell, (text, direction) in zip(table.rows[0].cells, header):
            run = cell.paragraphs[0].add_run(text)
            run.font.name, run.font.size = font, Pt(size)
            if direction:
                _direction(cell, direction)
        for row, values in zip(table.rows[1:], body):
            for cell, text in zip(row.cells, values):
                run = cell.paragraphs[0].add_run(text)
                run.font.name, run.font.size = font, Pt(size)
    doc.add_paragraph("The targets are reviewed every year by the membership, as agreed in Suva.")
    doc.save(str(path))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "rotated-header-cells.docx"
        _docx(source)
        pdf = print_pdf(source, Path(tmp), "file:///tmp/wt-rot-lo")
        for made in (source, pdf):
            shutil.copy(made, OUT / made.name)
            print(OUT / made.name)


if __name__ == "__main__":
    main()
