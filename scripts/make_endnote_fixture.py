"""Write tests/fixtures/pdf/endnotes.{docx,pdf}: a .docx with footnotes and endnotes, printed to
PDF by LibreOffice, which prints the endnotes (marked i, ii, iii) on a page of their own at the
end. The body is Calibri 11, a heading and the notes Times New Roman 9, so that the notes are set
in a type of their own. The PDF reader is to read the endnotes as the .docx reader does: footnote
blocks `endnote-1` …, labelled i, ii …, and their raised marks off the body's text.

Run by hand (python-docx and LibreOffice are needed; tests never need them):
`.venv/bin/python scripts/make_endnote_fixture.py`.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import parse_xml
from docx.shared import Pt
from make_layout_fixtures import OUT, SUPERSCRIPT, W, _footnotes, _note, notes_part, print_pdf

BODY = [
    ("Infrastructure is central for enabling universal, sustainable, ubiquitous and affordable access to ICTs, as "
     "agreed in Kigali 2017.", "foot"),
    ("Regional initiatives address specific telecommunication/ICT priority areas, through partnerships and resource "
     "mobilization, as agreed in Buenos Aires 2017.", "end"),
    ("The products and services developed by programmes can be for use on a national, regional or global basis, as "
     "agreed in Dubai 2014.", "end"),
    ("Information is gathered through surveys, contributions and case studies, as agreed in Hyderabad 2010.", "foot"),
    ("The study groups examine specific task-oriented questions of priority to the ITU-D membership, as agreed in "
     "Doha 2006.", "end"),
]
FOOTNOTES = ["See Document TDAG-17/11 and its annex.", "See Document TDAG-17/12 and its annex."]
ENDNOTES = ["Figures as reported by the Telecommunication Development Bureau in 2019.",
            "The list of least developed countries is that of the United Nations, as revised in 2021 by the General "
            "Assembly, and it includes the countries that have since graduated from the list.",
            "See also Resolution 17 (Rev. Kigali, 2022)."]


def _endnotes(doc: Any, texts: list[str], size: int = 9) -> None:
    """Give `doc` an endnotes part holding `texts`, numbered from 1, in Times New Roman `size` points."""
    font = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
    notes_part(doc, "endnote", texts, run_props=f'{font}<w:sz w:val="{2 * size}"/>')


def _endnotes_docx(path: Path) -> None:
    """A .docx of a Times New Roman heading and BODY in Calibri 11, each paragraph marking a
    footnote (FOOTNOTES) or an endnote (ENDNOTES) in turn after its last full stop."""
    doc = Document()
    doc.styles["Normal"].font.name, doc.styles["Normal"].font.size = "Calibri", Pt(11)
    heading = doc.add_paragraph().add_run("Background")
    heading.bold, heading.font.name, heading.font.size = True, "Times New Roman", Pt(14)
    counts = {"foot": 0, "end": 0}
    for text, kind in BODY:
        paragraph = doc.add_paragraph(text)
        counts[kind] += 1
        if kind == "foot":
            _note(paragraph, counts[kind])
        else:
            paragraph._p.append(parse_xml(f'<w:r {W}>{SUPERSCRIPT}<w:endnoteReference w:id="{counts[kind]}"/></w:r>'))
    _footnotes(doc, FOOTNOTES)
    _endnotes(doc, ENDNOTES)
    doc.save(str(path))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "endnotes.docx"
        _endnotes_docx(source)
        for made in (source, print_pdf(source, Path(tmp), (Path(tmp) / "profile").as_uri())):
            shutil.copy(made, OUT / made.name)
            print(OUT / made.name)


if __name__ == "__main__":
    main()
