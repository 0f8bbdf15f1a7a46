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


BODY = ("Under each regional initiative, projects are developed and implemented to meet the needs of the region, "
        "as agreed by the Member States at the conference held in Kigali in 2022.")
OTHER = ("The Bureau will report on the implementation of each initiative to the next conference, with the "
         "results of the projects and the resources mobilized for them.")


def _docx_and_pdf(tmp: Path, paragraphs: list[list[str]], font: str, size: float, space: float) -> tuple[Path, Path]:
    """A .docx of `paragraphs` (each a list of the lines its line breaks part, w:br) in `font`
    at `size` with `space` points after each paragraph, and its PDF as a word processor prints it:
    each piece wrapped to the measure, the lines a break parts at the line pitch."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    document = docx.Document()
    names = {"Times-Roman": "Times New Roman", "Helvetica": "Arial", "Courier": "Courier New"}
    style = document.styles["Normal"]
    style.font.name, style.font.size = names[font], Pt(size)
    style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(0), Pt(space)
    for pieces in paragraphs:
        paragraph = document.add_paragraph()
        for k, piece in enumerate(pieces):
            run = paragraph.add_run(piece)
            if k < len(pieces) - 1:
                run.add_break(WD_BREAK.LINE)
    document.save(tmp / "breaks.docx")
    words = {w for pieces in paragraphs for piece in pieces for w in piece.split()}
    widths, blank = word_widths(words, font, size, tmp)
    lines: list[Line] = []
    for pieces in paragraphs:
        for k, line in enumerate(wrap(piece, 420, widths, blank) for piece in pieces):
            for j, text in enumerate(line):
                lines.append(Line(text, font, size, gap_before=space if lines and not k and not j else 0))
    return tmp / "breaks.docx", write_pdf(tmp / "breaks.pdf", lines)


@pytest.mark.parametrize("font,size,space", [("Times-Roman", 11, 6), ("Helvetica", 10, 10), ("Courier", 9, 4)])
def test_a_line_break_before_a_capital_or_a_digit_is_one_paragraph_where_paragraphs_are_set_apart(
        tmp_path: Path, font: str, size: float, space: float) -> None:
    """Where the document sets its paragraphs apart by a space, a short line with the next at the
    line pitch is a line break inside a paragraph (Shift+Enter), whatever the next line opens
    with: "ITU Council" / "Geneva, 2019" and an address are one paragraph each, with newlines, as
    in the .docx, and `trace diff` of the .docx against its PDF finds nothing, not even a change of
    formatting. A line that opens with a list's number, or follows a sentence's end, still opens a
    paragraph (the .docx has those as two, printed here at the line pitch with no space between)."""
    from actionplan_trace.diff import compare

    paragraphs = [
        [BODY],
        ["ITU Council", "Geneva, 2019"],
        [OTHER],
        ["Regional initiatives for Africa", "2022-2025 work plan", "Telecommunication Development Bureau"],
        [BODY.replace("Kigali", "Lima")],
        ["Contact: BDT Director", "Place des Nations, Geneva", "(Switzerland)"],
        [OTHER.replace("next", "following")],
    ]
    docx_path, pdf = _docx_and_pdf(tmp_path, paragraphs, font, size, space)
    assert [b.text for b in read_pdf(pdf).blocks] == ["\n".join(pieces) for pieces in paragraphs]
    result = compare(docx_path, pdf)
    assert result.visible(all_changes=True) == []


@pytest.mark.parametrize("font,size", [("Times-Roman", 11), ("Helvetica", 10)])
def test_a_short_line_before_a_capital_at_the_line_pitch_ends_its_paragraph_where_paragraphs_are_not_set_apart(
        tmp_path: Path, font: str, size: float) -> None:
    """Where paragraphs are not set apart, a short line and the next at the line pitch look the same
    whether a line break or a paragraph's end parts them: a line that opens with a capital or a digit
    opens a paragraph (one that opens in lower case still goes on after a line break), and in a
    document set apart, a number or a sentence's end still opens one."""
    widths, blank = word_widths({w for text in (BODY, OTHER) for w in text.split()}, font, size, tmp_path)
    body = [Line(text, font, size) for text in wrap(BODY, 420, widths, blank)]
    flat = write_pdf(tmp_path / "flat.pdf", [*body, Line("ITU Council", font, size), Line("Geneva, 2019", font, size),
                                             Line("Geneva Plan of Action", font, size),
                                             Line("and Tunis Agenda", font, size), *body])
    assert [b.text for b in read_pdf(flat).blocks] == [BODY, "ITU Council", "Geneva, 2019",
                                                        "Geneva Plan of Action\nand Tunis Agenda", BODY]
    apart = [*body]
    for pair in (("Contact: BDT Director", "1. Place des Nations"), ("The plan was adopted.", "Geneva, 2019"),
                 ("ITU Council", "Geneva, 2019")):
        apart += [Line(pair[0], font, size, gap_before=8), Line(pair[1], font, size)]
        apart += [Line(text, font, size, gap_before=8 if not k else 0) for k, text in enumerate(wrap(OTHER, 420, widths, blank))]
    spaced = write_pdf(tmp_path / "spaced.pdf", apart)
    assert [b.text for b in read_pdf(spaced).blocks] == [
        BODY, "Contact: BDT Director", "1. Place des Nations", OTHER, "The plan was adopted.", "Geneva, 2019", OTHER,
        "ITU Council\nGeneva, 2019", OTHER]


@pytest.mark.parametrize("font,size,indent", [("Times-Roman", 11, 28), ("Helvetica", 10, 18)])
def test_a_line_break_is_one_paragraph_where_paragraphs_open_with_a_first_line_indent(
        tmp_path: Path, font: str, size: float, indent: float) -> None:
    """Where paragraphs are not set apart but open with a first-line indent, a short line and the
    next at the line pitch back at the paragraph's left edge are one paragraph parted by a line
    break, whatever it opens with (a new paragraph would have started indented); a line at the
    indent opens a paragraph, as before."""
    texts = (BODY, OTHER, BODY.replace("Kigali", "Lima"), OTHER.replace("next", "following"))
    widths, blank = word_widths({w for text in texts for w in text.split()}, font, size, tmp_path)

    def paragraph(text: str) -> list[Line]:
        first = wrap(text, 420 - indent, widths, blank)[0]
        rest = wrap(text[len(first):], 420, widths, blank)
        return [Line(first, font, size, indent=indent)] + [Line(piece, font, size) for piece in rest]

    lines = [*paragraph(BODY), Line("ITU Council", font, size, indent=indent), Line("Geneva, 2019", font, size),
             *paragraph(OTHER), Line("Regional initiatives for Africa", font, size, indent=indent),
             Line("2022-2025 work plan", font, size), Line("Telecommunication Development Bureau", font, size),
             *paragraph(BODY.replace("Kigali", "Lima")), Line("Short one.", font, size, indent=indent),
             Line("Another short one", font, size, indent=indent), Line("and its line break", font, size),
             *paragraph(OTHER.replace("next", "following"))]
    pdf = write_pdf(tmp_path / "indented.pdf", lines)
    assert [b.text for b in read_pdf(pdf).blocks] == [
        BODY, "ITU Council\nGeneva, 2019", OTHER,
        "Regional initiatives for Africa\n2022-2025 work plan\nTelecommunication Development Bureau",
        BODY.replace("Kigali", "Lima"), "Short one.", "Another short one\nand its line break",
        OTHER.replace("next", "following")]
