"""How the space a word processor sets between paragraphs tells a PDF's paragraphs apart: the line
pitch is measured on a paragraph's wrapped lines, so that short one-line paragraphs set apart (a
list of items without bullets) are read one by one, however many of them there are. Each PDF is
laid out here with tests/pdfgen.py as LibreOffice sets its .docx: greedy line breaking, the
paragraphs' space above them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfgen import Line, word_widths, wrap, write_pdf

from actionplan_trace.extract.pdf import read_pdf

LEAD = ("The Bureau will carry out the following activities under this output, in cooperation with the Member "
        "States, Sector Members and Academia of the Union, and with regional and international organizations:")
CLOSE = ("The expected results of these activities are reported to the Council every year, together with the "
         "financial statements of the Bureau and the operational plan for the year after.")
ITEMS = ("promoting access to broadband in rural areas", "supporting digital skills for youth",
         "assisting regulators with spectrum plans", "fostering innovation ecosystems",
         "measuring the information society")


def _lay(paragraphs: list[str], font: str, size: float, width: float, space: float, tmp: Path) -> list[Line]:
    """The printed lines of `paragraphs`, each wrapped to `width` points and set `space` points below
    the one before."""
    widths, blank = word_widths({w for text in paragraphs for w in text.split()}, font, size, tmp)
    out = []
    for text in paragraphs:
        for k, line in enumerate(wrap(text, width, widths, blank)):
            out.append(Line(line, font, size, gap_before=space if out and not k else 0))
    return out


@pytest.mark.parametrize("font,size,space,width,end", [("Times-Roman", 11, 6, 400, ""), ("Helvetica", 10, 3, 400, ","),
                                                       ("Courier", 10, 5, 480, " and"), ("Helvetica", 12, 8, 360, "")])
def test_one_line_items_set_apart_are_paragraphs_however_many_they_are(
        tmp_path: Path, font: str, size: float, space: float, width: float, end: str) -> None:
    """Five lower-case items of one line each, with no bullet, number or closing semicolon, each
    set apart by the paragraphs' space: they outnumber the lines that wrap, yet their pitch is the
    paragraphs', and each is a paragraph as in the .docx (neither joined by line breaks nor run
    into the lead-in above them)."""
    items = [item + (end if k < len(ITEMS) - 1 else ".") for k, item in enumerate(ITEMS)]
    lines = _lay([LEAD, *items, CLOSE], font, size, width, space, tmp_path)
    assert sum(1 for line in lines if line.gap_before == 0) >= 3  # the lead-in and the closing paragraph wrap
    pdf = write_pdf(tmp_path / "items.pdf", lines)
    assert [b.text for b in read_pdf(pdf).blocks] == [LEAD, *items, CLOSE]
