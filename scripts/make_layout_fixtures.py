"""Write the small LibreOffice PDFs under tests/fixtures/pdf/ that exercise one layout each, with
the .docx each is printed from: justified text that LibreOffice hyphenates automatically
(`justified-hyphens`), where a stretched line sets its hyphen apart from the word it breaks; and
Word list bullets that text opens lines with too ("o" in Courier New, ">", "→"), beside lines of
text that open with them (`set-apart-bullets`); and footnote marks in justified Times 8, which a
stretched line sets apart from the word they mark (`justified-note-marks`); and a footnote the
layout carries on at the next page's foot (`long-note-over-page`).

Run by hand (python-docx and LibreOffice with an English hyphenation dictionary, hyphen-en-us,
are needed; tests never need them): `.venv/bin/python scripts/make_layout_fixtures.py`. The
hyphenated PDF is checked for the layout it is meant to show before it is kept (LibreOffice
hyphenates nothing without a dictionary); the tests check each.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pdf"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# Seed 000 (Objective 2), as the Action Plan prints it, with a dash between years and a compound.
JUSTIFIED = [
    ("heading", "Output 2.1 – Products and services on telecommunication/ICT infrastructure"),
    ("body", "Broadband is critical in the transformation of the traditional economy to the digital economy. It is "
             "therefore important to provide developing countries with an understanding of the different technologies "
             "available for broadband using both wired and wireless technologies for terrestrial and satellite "
             "telecommunications, including International Mobile Telecommunications (IMT)."),
    ("body", "Output 2.1 will contribute to the achievement of the following UN SDGs: 1 (targets 1.4, 1.5), 3 (targets "
             "3.8, 3.d), 5 (target 5.b), 8 (target 8.2), 9 (targets 9.1, 9.a, 9.c), 10 (target 10.c), 11 (targets "
             "11.5, 11.b), 16 (target 16.10), 17 (targets 17.6 and 17.7)"),
    ("body", "Member States should take account of a diverse range of telecommunication/ICT solutions that are "
             "appropriate and commonly available for disaster response and mitigation, including those provided by "
             "amateur radio services and satellite and terrestrial network services/facilities, by Machine to Machine "
             "(M2M)/Internet of Things (IoT) based technological solutions, taking into account persons with "
             "disabilities and specific needs, over the period 2020 - 2023 and after the COVID-19 pandemic."),
    ("body", "Promoting regional and international cooperation for easy access to, and sharing of, information for "
             "disaster management, and exploring modalities to facilitate participation of all countries with "
             "economies in transition, in the deployment of mobile, terrestrial and satellite infrastructure, "
             "programmes applied to specialized requirements and the future network infrastructure of such countries."),
]

# The body again after each of these leads, so that its lines break at other places: a stretched
# hyphen is set on some lines only.
LEADS = ("", "Indeed, ", "Moreover, and in addition, ", "So ", "In short, as noted, ", "Clearly, ", "As agreed, ",
         "Thus, overall, ", "We note that ")


def _docx(path: Path, blocks: list[tuple[str, str]], font: str, size: float, width_cm: float) -> None:
    """A .docx of `blocks` (bold headings, justified body paragraphs) in `font` at `size` points,
    automatically hyphenated, on a page whose text column is `width_cm` wide: the body once after each
    of LEADS, the headings once."""
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = font, Pt(size)
    fonts = normal.element.get_or_add_rPr().find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
    doc.settings.element.append(parse_xml(f"<w:autoHyphenation {W}/>"))
    section = doc.sections[0]
    section.page_width, section.left_margin = Cm(21), Cm(2)
    section.right_margin = Cm(21 - 2 - width_cm)
    for n, lead in enumerate(LEADS):
        for kind, text in blocks:
            if kind == "heading" and n:
                continue
            paragraph = doc.add_paragraph()
            run = paragraph.add_run(text if kind == "heading" else lead + text)
            if kind == "heading":
                run.bold = True
            else:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.save(str(path))


# Seed 000's rural communications activities, as three lists with a glyph each (glyph, its font).
BULLET_LISTS = [("o", "Courier New"), (">", "Arial"), ("→", "Arial")]
ITEMS = ["providing information on suitable technologies for access, backhaul and source of power supply;",
         "implementing projects on public/community broadband access points focusing on the provision of ICT "
         "services and applications through suitable technologies, including satellite, and business models;"]
# Lines of text that open with those glyphs: after a line break typed in the paragraph.
PLAIN_LINES = [("La Oficina apoya a los Estados Miembros en la prestación de bienes", "o servicios de "
                "telecomunicaciones para todos los habitantes de las zonas rurales."),
               ("The share of households with broadband access should reach", "> 50 % in every region by 2023, "
                "the target the Member States agreed.")]


def _bullet_numbering(doc: Any, glyph: str, font: str) -> int:
    """A Word bullet list whose one level draws `glyph` in `font`, added to `doc`: its w:numId."""
    level = (f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{glyph}"/>'
             f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1080" w:hanging="360"/></w:pPr>'
             f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr></w:lvl>')
    return add_numbering(doc, level)


def add_numbering(doc: Any, levels: str) -> int:
    """A Word list of `levels` (w:lvl elements) added to `doc`'s numbering: its w:numId."""
    numbering = doc.part.numbering_part.element
    abstract = 10 + len(numbering.findall(qn("w:abstractNum")))
    node = parse_xml(f'<w:abstractNum {W} w:abstractNumId="{abstract}">{levels}</w:abstractNum>')
    first = numbering.find(qn("w:num"))
    if first is not None:
        first.addprevious(node)
    else:
        numbering.append(node)
    num_id = 1 + max([int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))] + [0])
    numbering.append(parse_xml(f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/></w:num>'))
    return num_id


def _bullets_docx(path: Path) -> None:
    """A .docx of BULLET_LISTS (ITEMS under a lead-in each) and PLAIN_LINES, Calibri 10."""
    doc = Document()
    doc.styles["Normal"].font.name, doc.styles["Normal"].font.size = "Calibri", Pt(10)
    doc.add_paragraph().add_run("Rural communications").bold = True
    for glyph, font in BULLET_LISTS:
        num_id = _bullet_numbering(doc, glyph, font)
        doc.add_paragraph("Activities will be focused on:")
        for item in ITEMS:
            paragraph = doc.add_paragraph(item)
            paragraph._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
    for first, second in PLAIN_LINES:
        run = doc.add_paragraph().add_run(first)
        run.add_break()
        run.add_text(second)
    doc.save(str(path))


# Seed 000's background paragraph, which marks a note after "telecommunications" (the note's text).
NOTED = ("The ICT sector is characterized by rapid technological change, and by convergence of technological "
         "platforms for telecommunications", ", information delivery, broadcasting and computing, which brings "
         "the need for a sound network infrastructure in developing countries.")
NOTE = 'The term "telecommunications" as used in this document covers telecommunication/ICT, in line with PP Resolution 140.'


SUPERSCRIPT = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'


def _note(paragraph: Any, number: int) -> None:
    """Mark footnote `number` at the end of `paragraph`, as Word does (a superscript reference)."""
    paragraph._p.append(parse_xml(f'<w:r {W}>{SUPERSCRIPT}<w:footnoteReference w:id="{number}"/></w:r>'))


def notes_part(doc: Any, kind: str, texts: list[str], paragraph_props: str = "", run_props: str = "") -> None:
    """Give `doc` a notes part of `kind` ("footnote" or "endnote") holding `texts`, numbered from
    1, each a paragraph (with `paragraph_props` in its w:pPr, if any) of its raised reference mark
    and its text (with `run_props` in its w:rPr), after the separators Word writes."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    notes = parse_xml(f'<w:{kind}s {W}><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
                      f'</w:p></w:{kind}><w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
                      f'<w:continuationSeparator/></w:r></w:p></w:{kind}></w:{kind}s>')
    ppr = f"<w:pPr>{paragraph_props}</w:pPr>" if paragraph_props else ""
    for n, text in enumerate(texts, start=1):
        notes.append(parse_xml(f'<w:{kind} {W} w:id="{n}"><w:p>{ppr}'
                               f'<w:r>{SUPERSCRIPT}<w:{kind}Ref/></w:r><w:r><w:rPr>{run_props}</w:rPr>'
                               f'<w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{kind}>'))
    blob = etree.tostring(notes, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI(f"/word/{kind}s.xml"),
                f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml", blob, doc.part.package)
    doc.part.relate_to(part, f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}s")


def _footnotes(doc: Any, texts: list[str], size: int = 8) -> None:
    """Give `doc` a footnotes part holding `texts`, numbered from 1 (what _note marks), in `size` points."""
    size_props = f'<w:rPr><w:sz w:val="{2 * size}"/></w:rPr>'
    notes_part(doc, "footnote", texts, paragraph_props=size_props, run_props=f'<w:sz w:val="{2 * size}"/>')


def _notes_docx(path: Path) -> None:
    """A .docx of NOTED after each of LEADS, justified, Times New Roman 8, each with a footnote (NOTE)."""
    doc = Document()
    doc.styles["Normal"].font.name, doc.styles["Normal"].font.size = "Times New Roman", Pt(8)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    for n, lead in enumerate(LEADS, start=1):
        paragraph = doc.add_paragraph(lead + NOTED[0])
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        _note(paragraph, n)
        paragraph.add_run(NOTED[1])
    _footnotes(doc, [NOTE] * len(LEADS), 6)
    doc.save(str(path))


# A note too long for the foot of its page, which the layout carries on at the next page's foot,
# above a second note there.
LONG_NOTE = " ".join(["This note explains the scope of the term as used in WTDC Resolution 37 (Rev. Buenos Aires, "
                      "2017) and in PP Resolution 139 (Rev. Dubai, 2018)."] * 9)
SHORT_NOTE = "See WSIS Action Line C2 and SDG target 9.c."


def _long_note_docx(path: Path) -> None:
    """A .docx of the JUSTIFIED body, thrice, Calibri 10: LONG_NOTE marked in the first page's last
    paragraph but one, SHORT_NOTE four paragraphs on."""
    doc = Document()
    doc.styles["Normal"].font.name, doc.styles["Normal"].font.size = "Calibri", Pt(10)
    doc.add_paragraph().add_run(JUSTIFIED[0][1]).bold = True
    body = [text for kind, text in JUSTIFIED if kind == "body"] * 3
    for n, text in enumerate(body):
        paragraph = doc.add_paragraph(text)
        if n in (6, 10):
            _note(paragraph, 1 if n == 6 else 2)
    _footnotes(doc, [LONG_NOTE, SHORT_NOTE])
    doc.save(str(path))


def print_pdf(source: Path, out_dir: Path, profile: str | None = None) -> Path:
    """`source` printed to PDF by LibreOffice, in `out_dir`; with `profile` (a file: URL), in a
    user profile of its own, so that a LibreOffice already running is not in the way."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        sys.exit("LibreOffice (soffice) is needed to build these fixtures")
    own = [f"-env:UserInstallation={profile}"] if profile else []
    subprocess.run([exe, "--headless", *own, "--convert-to", "pdf", "--outdir", str(out_dir), str(source)],
                   check=True, capture_output=True, timeout=180)
    return out_dir / f"{source.stem}.pdf"


def _stretched_hyphens(pdf: Path) -> int:
    """How many lines of `pdf` end in a hyphen set apart from its word by a space pdfium makes up."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    count = 0
    for page in pdfium.PdfDocument(str(pdf)):
        textpage = page.get_textpage()
        text = textpage.get_text_range(0, textpage.count_chars())
        for i in range(1, len(text) - 1):
            if text[i] == "-" and text[i + 1] == "\r" and text[i - 1] == " ":
                count += pdfium_c.FPDFText_IsGenerated(textpage.raw, i - 1) == 1
    return count


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "justified-hyphens.docx"
        _docx(source, JUSTIFIED, "Calibri", 9, 15)
        pdf = print_pdf(source, Path(tmp))
        if _stretched_hyphens(pdf) < 3:  # seven when made: "ter -" / "restrial", "tar -" / "gets 1.4", …
            sys.exit("no stretched line-end hyphens: is an English hyphenation dictionary (hyphen-en-us) installed?")
        bullets = Path(tmp) / "set-apart-bullets.docx"
        _bullets_docx(bullets)
        noted = Path(tmp) / "justified-note-marks.docx"
        _notes_docx(noted)
        long_note = Path(tmp) / "long-note-over-page.docx"
        _long_note_docx(long_note)
        for made in (source, pdf, bullets, print_pdf(bullets, Path(tmp)), noted, print_pdf(noted, Path(tmp)), long_note,
                     print_pdf(long_note, Path(tmp))):
            shutil.copy(made, OUT / made.name)
            print(OUT / made.name)


if __name__ == "__main__":
    main()
