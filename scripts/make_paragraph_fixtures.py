"""Write the small LibreOffice PDFs under tests/fixtures/pdf/ that exercise how a PDF's lines
make paragraphs, with the .docx each is printed from: `manual-hyphens`, long words carrying
soft hyphens (manual hyphenation, which LibreOffice honours without a dictionary) in paragraphs
of three fonts, sizes and alignments, each broken at a line's end, and the words printed whole
only on lines of their own (where the edge of a narrow column may cut a word too);
`contents-past-margin`, a contents list whose dot leaders run to a tab stop past the right
margin, over body paragraphs of two fonts and sizes.

Run by hand (python-docx and LibreOffice are needed; tests never need them):
`.venv/bin/python scripts/make_paragraph_fixtures.py`. Each PDF is checked for the layout it
is meant to show before it is kept.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_layout_fixtures  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pdf"
W = make_layout_fixtures.W
SHY = "\u00ad"

# Seed 000's sentences (Objective 2), each made unique by a place and year.
SENTENCES = [
    "Under each regional initiative, projects are developed and implemented to meet the region's needs",
    "Broadband networks and services are the backbone of the digital economy in developing countries",
    "Capacity building remains essential to help Member States design national digital strategies",
    "Regional initiatives are intended to address specific priority areas through partnerships and resource mobilization",
    "Information is gathered through surveys, contributions and case studies, and is made available to the membership",
    "These activities also serve to strengthen the shared knowledge base of the membership and its partners",
]
PLACES = ["Baku", "Havana", "Thimphu", "Asuncion", "Dili", "Almaty", "Panama", "Male", "Lome", "Niamey", "Kigali",
          "Quito"]
# Long words with the places their soft hyphens allow a break.
LONG_WORDS = [f"ra{SHY}dio{SHY}com{SHY}mu{SHY}ni{SHY}ca{SHY}tion", f"in{SHY}ter{SHY}op{SHY}er{SHY}a{SHY}bil{SHY}i{SHY}ty",
              f"stan{SHY}dard{SHY}iza{SHY}tion", f"multi{SHY}stake{SHY}holder", f"tele{SHY}com{SHY}mu{SHY}ni{SHY}ca{SHY}tion"]
# (font, size in points, alignment) of each group of paragraphs, all set 6 cm in from the right margin.
STYLES = [("Liberation Serif", 11, WD_ALIGN_PARAGRAPH.JUSTIFY), ("DejaVu Sans", 9, WD_ALIGN_PARAGRAPH.LEFT),
          ("Liberation Sans Narrow", 12, WD_ALIGN_PARAGRAPH.JUSTIFY)]
INDENT = Cm(6)


def _candidates() -> list[tuple[str, float, WD_ALIGN_PARAGRAPH, str]]:
    """Paragraphs (font, size, alignment, text) of SENTENCES in each of STYLES, a long
    word (LONG_WORDS) after the first few words, each closed by a place and year of its own."""
    out = []
    n = 0
    for font, size, alignment in STYLES:
        for sentence in SENTENCES:
            words = sentence.split()
            for at in range(2, 9):
                n += 1
                text = " ".join([*words[:at], LONG_WORDS[n % len(LONG_WORDS)], *words[at:]])
                out.append((font, size, alignment, f"{text}, as agreed in {PLACES[n % len(PLACES)]} {2300 + n}."))
    return out


def _manual_hyphens_docx(path: Path, paragraphs: list[tuple[str, float, WD_ALIGN_PARAGRAPH, str]]) -> None:
    """A .docx of `paragraphs` (see _candidates), then each long word printed whole on a line of its own."""
    doc = Document()
    for font, size, alignment, text in paragraphs:
        paragraph = doc.add_paragraph()
        paragraph.alignment = alignment
        paragraph.paragraph_format.right_indent = INDENT
        run = paragraph.add_run(text)
        run.font.name, run.font.size = font, Pt(size)
    for word in LONG_WORDS:
        doc.add_paragraph(word.replace(SHY, "").capitalize())
    doc.save(str(path))


def _broken_at_soft_hyphen(pdf: Path) -> set[str]:
    """The years (paragraph keys, see _candidates) of the paragraphs of `pdf` whose long word the
    layout broke at one of its soft hyphens: the others print it whole inside a line."""
    import pypdfium2 as pdfium

    text = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(str(pdf)))
    return {m.group(1) for m in re.finditer(r"\ufffe[^.]*?, as agreed in \w+ (\d+)\.", text)}


# Seed 000's outcomes as a WSIS-roadmap-like table: a wide column naming each row's topic, one
# word alone, and a narrow column too narrow for the long words its text holds.
TOPICS = ["Implementation", "Telecommunications", "Radiocommunication", "Interoperability", "Communications"]
RESULTS = ["The guidelines apply to all elements of the implementation framework ({}).",
           "Emergency telecommunications save lives when disasters strike ({}).",
           "Studies on radiocommunication services are shared with the membership ({}).",
           "Regional interoperability platforms were launched ({}).",
           "Communications no longer just connect people ({})."]
# The words the narrow column breaks, printed whole on lines of their own under the tables.
PRINTED = ["implementation", "telecommunications", "radiocommunication", "interoperability", "emergency", "framework",
           "membership", "platforms", "guidelines"]
# (font, size in points, width of each column in cm) of each table.
TABLES = [("Liberation Sans", 10, (4.5, 2.5, 3.0, 1.9)), ("DejaVu Serif", 9, (5.0, 2.0, 2.5, 1.7))]


def _narrow_column_docx(path: Path) -> None:
    """A .docx of a short heading and TABLES, each a row per topic (TOPICS, a year, a goal, the
    result from RESULTS), then the PRINTED words a line each: the words the narrow column
    breaks are printed whole only at the edges of lines."""
    doc = Document()
    doc.add_paragraph().add_run("WSIS Action Line C2 – Information and communication infrastructure").bold = True
    n = 0
    for font, size, widths in TABLES:
        table = doc.add_table(rows=0, cols=len(widths))
        table.style = "Table Grid"
        table.autofit = False
        for topic, result in zip(TOPICS, RESULTS):
            n += 1
            cells = table.add_row().cells
            for cell, text, width in zip(cells, [topic, "2016-2030", f"Goal {n}", result.format(f"{PLACES[n]} {2400 + n}")],
                                         widths):
                cell.width = Cm(width)
                run = cell.paragraphs[0].add_run(text)
                run.font.name, run.font.size = font, Pt(size)
        for column, width in zip(table.columns, widths):
            column.width = Cm(width)
        doc.add_page_break()  # no row goes on over a page
    run = doc.add_paragraph().add_run("Terms used:")
    for word in PRINTED:
        run.add_break()
        run.add_text(word)
    doc.save(str(path))


# Word list levels: (number format, label text, left indent in twips) of a three-level list.
LEVELS = [("decimal", "%1.", 720), ("lowerLetter", "%2)", 1080), ("lowerRoman", "(%3)", 1440)]
# (level, text) of the numbered list, as the Action Plan's activities nest.
NUMBERED = [(0, "Regional initiatives are intended to address specific telecommunication/ICT priority areas."),
            (1, "The products and services developed by programmes can be for use by members on a national basis."),
            (1, "Information is gathered through surveys, contributions and case studies."),
            (2, "The study groups examine specific task-oriented telecommunication/ICT questions of priority."),
            (2, "These activities also serve to strengthen the shared knowledge base of the membership."),
            (1, "Communications no longer just connect people: the Internet of Things is fast becoming a reality."),
            (0, "Under each regional initiative, projects are developed and implemented to meet the region's needs."),
            (1, "The guidelines below will apply to all elements of the implementation framework."),
            (2, "Broadband networks and services are the backbone of the digital economy."),
            (0, "Emergency telecommunications save lives when disasters strike coastal communities.")]


def _numbering(doc: Any) -> int:
    """A Word numbered list of LEVELS added to `doc`: its w:numId."""
    levels = "".join(f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                     f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr></w:lvl>'
                     for n, (fmt, text, indent) in enumerate(LEVELS))
    return make_layout_fixtures.add_numbering(doc, levels)


def _numbered_lists_docx(path: Path) -> None:
    """A .docx of NUMBERED as a Word list, twice (Liberation Serif 11 justified, then DejaVu Sans 12
    with space after each paragraph), among numbered lines that are no list: headings typed with
    their number ("1. Background", "2.1 Scope of the plan"), a sentence opening with a figure, a
    year, and a lone typed "3. …" paragraph."""
    doc = Document()
    for font, size, alignment, after in (("Liberation Serif", 11, WD_ALIGN_PARAGRAPH.JUSTIFY, 0),
                                         ("DejaVu Sans", 12, WD_ALIGN_PARAGRAPH.LEFT, 6)):
        num_id = _numbering(doc)

        def add(text: str, bold: bool = False, level: int | None = None) -> None:
            paragraph = doc.add_paragraph()
            paragraph.alignment = alignment
            paragraph.paragraph_format.space_after = Pt(after)
            run = paragraph.add_run(text)
            run.font.name, run.font.size, run.bold = font, Pt(size), bold
            if level is not None:
                paragraph._p.get_or_add_pPr().append(
                    parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))

        add("1. Background", bold=True)
        add("5 countries adopted national broadband plans in 2019, as agreed in Kigali 2420.")
        add("2019 was the year the Bureau reached 35 countries with technical assistance.")
        add("2. Implementation framework", bold=True)
        add("2.1 Scope of the plan", bold=True)
        add("The Bureau will:")
        for level, text in NUMBERED:
            add(text, level=level)
        add("3. The plan is reviewed every four years by the conference, as agreed in Quito 2421.")
        add("Capacity building remains essential to help Member States design national digital strategies.")
    doc.save(str(path))


def _contents_past_margin_docx(path: Path) -> None:
    """A .docx opening with a contents list of eight entries whose dot leader runs to a right tab
    stop 1.3 cm past the right margin (Word and LibreOffice print it there), then one body
    paragraph of SENTENCES under each entry's heading, in Liberation Serif 11 justified and
    DejaVu Sans 10 left."""
    doc = Document()
    section = doc.sections[0]
    stop = int((section.page_width - section.left_margin - section.right_margin + Cm(1.3)) / 635)  # EMU to twips
    titles = ["Introduction", "Strategic framework", "Implementation and monitoring", "Regional initiatives",
              "Study Group Questions", "Partnerships", "Resource mobilization", "Reporting"]
    doc.add_paragraph().add_run("Contents").bold = True
    for n, title in enumerate(titles, 1):
        entry = doc.add_paragraph()
        entry._p.get_or_add_pPr().append(
            parse_xml(f'<w:tabs {W}><w:tab w:val="right" w:leader="dot" w:pos="{stop}"/></w:tabs>'))
        entry.add_run(f"{n}\t{title}\t{n + 1}")
    for n, title in enumerate(titles, 1):
        font, size, alignment = (("Liberation Serif", 11, WD_ALIGN_PARAGRAPH.JUSTIFY) if n % 2
                                 else ("DejaVu Sans", 10, WD_ALIGN_PARAGRAPH.LEFT))
        doc.add_paragraph().add_run(f"{n}. {title}").bold = True
        body = doc.add_paragraph()
        body.alignment = alignment
        run = body.add_run(f"{SENTENCES[n % len(SENTENCES)]}, and so on across the whole of the region, "
                           f"as agreed in {PLACES[n]} {2440 + n}.")
        run.font.name, run.font.size = font, Pt(size)
    doc.save(str(path))


def print_pdf(source: Path, out_dir: Path) -> Path:
    """`source` printed to PDF by LibreOffice, in a profile of its own (make_layout_fixtures.print_pdf)."""
    return make_layout_fixtures.print_pdf(source, out_dir, "file:///tmp/wt-pdfb-lo")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        hyphens = Path(tmp) / "manual-hyphens.docx"
        candidates = _candidates()
        _manual_hyphens_docx(hyphens, candidates)
        broken = _broken_at_soft_hyphen(print_pdf(hyphens, Path(tmp)))
        kept = [c for c in candidates if c[-1].rstrip(".").rsplit(" ", 1)[1] in broken]
        _manual_hyphens_docx(hyphens, kept)  # a paragraph's lines break as before: it is laid out alone
        pdf = print_pdf(hyphens, Path(tmp))
        if len(kept) < 6 or _broken_at_soft_hyphen(pdf) != broken:
            sys.exit("too few paragraphs whose long word is broken at a soft hyphen")
        narrow = Path(tmp) / "narrow-column-words.docx"
        _narrow_column_docx(narrow)
        numbered = Path(tmp) / "numbered-lists.docx"
        _numbered_lists_docx(numbered)
        contents = Path(tmp) / "contents-past-margin.docx"
        _contents_past_margin_docx(contents)
        for made in (hyphens, pdf, narrow, print_pdf(narrow, Path(tmp)), numbered, print_pdf(numbered, Path(tmp)),
                     contents, print_pdf(contents, Path(tmp))):
            shutil.copy(made, OUT / made.name)
            print(OUT / made.name)


if __name__ == "__main__":
    main()
