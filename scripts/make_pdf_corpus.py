"""Build the PDF corpus: the WSIS roadmap PDF from seed 002 and PDF renderings of the .docx corpus.

The roadmap is rebuilt as a Word document the way the secretariat writes it (landscape pages, one
five-column ruled table per action line, a repeated header row, rows allowed to break across
pages, group rows spanning the table, real footnotes, a running header and a "Page X of Y"
footer) and exported to PDF with LibreOffice, so the PDF has the layout of a real Word export.
Layout variants (another font, page size and margins) keep the extractor honest. Run once where
LibreOffice (`soffice`) and qpdf are installed; the outputs are committed and tests never need them.

    python scripts/make_pdf_corpus.py [--seeds DIR] [--out corpus]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
DOCX_SOURCES = ("action-plan-ba", "action-plan-ba-bold", "objective2-old", "objective2-new")

GENEVA = "Geneva Plan of Action and Tunis Agenda for the Information Society"
WSIS10 = (
    "WSIS+10 Outcome Documents (WSIS+10 Statement on the Implementation of WSIS Outcomes "
    "and WSIS +10 Vision for WSIS Beyond 2015)"
)
HEADER_TEXTS = (
    "WSIS Outcomes{0} (WSIS AL {al})",
    "Proposed{1} Timing",
    "ITU Strategic Goals and Relevant Resolutions{2}",
    "Linkages with the SDGs",
    "Expected Results of ITU Activities{3}",
)
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
TAGS = re.compile(r"</?(?:u|mark|p|b|i)>")
FOOTNOTE_LINE = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,2}) (\S.*)$")
INLINE_FOOTNOTE = re.compile(r"(?<=\.) (\d{1,2}) (?=[A-Z])")
TIMING = re.compile(r"^\d{4}(?:-\d{4})?$")
UPPER_LABEL = re.compile(r"^([A-Z]\d*):\s*")
LOWER_LABEL = re.compile(r"^(?:[a-zA-Z1]\.\s*)")
ROW_LABEL = re.compile(r"^(?:[A-Z]\d*:|[a-zA-Z1]\.)\s")
PAGE_NOISE = re.compile(r"^[Pp]?r?age \d+$")
# Paragraph starts inside the goals and results columns of the seed's one-line rows.
GOALS_SPLIT = re.compile(
    r"(?<!Strategic)\s+(?=(?:Goal \d|Goals \d|Buenos Aires Action Plan|Regional Initiatives|ITU-[DTR] [Oo]bjective|"
    r"GCA\b|Resolutions\b|PP Res|WTDC Res|WTSA Res|C09 Res|\d\.\s?[A-Z][a-z]))"
)
RESULTS_SPLIT = re.compile(r"\s*(?=Expected Results:|ITU Activities:?\s|Results of activities)|\s+(?=-\s?[A-Z])")
# Rendering artefacts of the seed (garbled OCR of a duplicated line) that are not document text.
DROPPED_FRAGMENTS = {
    "decount origining error to in these dreas",
    "coordinated response to cyber timedes.",
    "110 Activities.",
    "ITH Activities",
    "Cybersecurity.",
    "registations.",
    "1015.",
}


@dataclass
class Row:
    """One table row: five cells, each a list of paragraphs."""

    cells: list[list[str]] = field(default_factory=lambda: [[] for _ in range(5)])


@dataclass
class Group:
    title: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class ActionLine:
    code: str
    heading: str
    notes: list[str] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    footnotes: dict[str, str] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)


@dataclass
class Roadmap:
    title: str = ""
    intro: list[str] = field(default_factory=list)
    action_lines: list[ActionLine] = field(default_factory=list)


def _append(cell: list[str], piece: str, col: int) -> None:
    """Add a line fragment to a cell: continue the last paragraph or start a new one."""
    piece = piece.strip()
    if not piece or piece in DROPPED_FRAGMENTS:
        return
    if not cell:
        cell.append(piece)
        return
    last = cell[-1]
    starts_new = (
        col != 0 and (last.endswith((".", ":", ";")) or piece.startswith(("Expected Results", "ITU Activities", "- ")))
    ) or re.match(r"^(?:GCA|Resolutions|PP Res|WTDC Res|WTSA Res|Regional Initiatives|\d\.\s?[A-Z]|[ivx]+\.\s)", piece)
    if starts_new:
        cell.append(piece)
    else:
        cell[-1] = f"{last} {piece}"


def _split_first_line(cells: list[str]) -> list[list[str]]:
    """Paragraphs of a row written on one seed line (C2 style) or its first line."""
    out: list[list[str]] = [[c.strip()] if c.strip() else [] for c in cells]
    out[2] = [p for p in GOALS_SPLIT.split(cells[2].strip()) if p]
    out[4] = [p.strip() for p in RESULTS_SPLIT.split(cells[4]) if p and p.strip()]
    return out


def _label_row(first: str, group: Group) -> str:
    """The first cell with a clean label: 'A1: text' and 'c. text' kept, lost letters re-sequenced."""
    if UPPER_LABEL.match(first) or re.match(r"^[a-z]\.\s", first):
        return first
    previous = group.rows[-1].cells[0][0] if group.rows else ""
    expected = chr(ord(previous[0]) + 1) if re.match(r"^[a-z]\.", previous) else "a"
    body = LOWER_LABEL.sub("", first, count=1).strip()
    return f"{expected}. {body}"


def _cells(line: str) -> list[str]:
    parts = line.rstrip("\n").split("\t")
    if len(parts) >= 6:
        head, body = parts[0].strip(), parts[1].strip()
        merged = f"{head} {body}" if re.fullmatch(r"[a-zA-Z1]\.", head) else body
        parts = [merged, *parts[2:6]]
    return (parts + [""] * 5)[:5]


def _footnotes(text: str, into: dict[str, str]) -> None:
    m = FOOTNOTE_LINE.match(text)
    if not m:
        return
    number, body = m.group(1).translate(SUPERSCRIPTS), m.group(2)
    pieces = INLINE_FOOTNOTE.split(body)
    into[number] = pieces[0].strip()
    for i in range(1, len(pieces) - 1, 2):
        into[pieces[i]] = pieces[i + 1].strip()


def _repair_merged_group_line(line: str, al: ActionLine) -> Row | None:
    """Seed 002 renders C2's WSIS+10 group row and row a. on one line; split them back apart."""
    cells = line.split("\t")
    m = re.search(r" ([a-z])\. ([A-Z].*)$", cells[0])
    if not m:
        return None
    goals = re.sub(r"^f WSIS Outcomes and ", "", cells[2])
    first = _split_first_line([f"a. {m.group(2)}", "2016-2019", goals, "1, 3, 4, 5, 8, 9, 10, 11, 16, 17", cells[4]])
    return Row(first)


def parse_seed(text: str) -> Roadmap:
    """Parse seed 002's text rendering into the roadmap's intro, action lines, groups and rows."""
    roadmap = Roadmap()
    state = "start"
    al: ActionLine | None = None
    row: Row | None = None
    for raw in text.splitlines():
        line = TAGS.sub("", raw)
        s = line.replace("\t", " ").strip()
        if not s or PAGE_NOISE.match(s):
            continue
        if s.startswith("WSIS Action Lines Roadmaps"):
            roadmap.title = s
            continue
        if s == "INTRODUCTION":
            state = "intro"
            continue
        m = re.match(r"^(?:Roadmap for )?WSIS Action Line (C\d+): (.*)$", s)
        if m:
            heading, _, note = s.partition(" Note: ")
            al = ActionLine(m.group(1), heading, notes=[f"Note: {note}"] if note else [])
            roadmap.action_lines.append(al)
            state, row = "table", None
            continue
        if state == "intro":
            roadmap.intro.append(s)
            continue
        if al is None:
            continue
        if "WSIS Outcomes" in s and "Proposed" in s:
            if not al.marks:
                al.marks = re.findall(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+", s)
            continue
        if "\t" not in line and FOOTNOTE_LINE.match(s):
            _footnotes(s, al.footnotes)
            continue
        if s.startswith(("Geneva Plan of Action", "WSIS+10 Outcome Doc")):
            al.groups.append(Group(GENEVA if s.startswith("Geneva") else WSIS10))
            row = _repair_merged_group_line(line, al) if s.startswith("WSIS+10") else None
            if row is not None:
                al.groups[-1].rows.append(row)
            continue
        if not al.groups:
            al.groups.append(Group(GENEVA))
        group = al.groups[-1]
        cells = _cells(line)
        timed = bool(TIMING.match(cells[1].strip()))
        labelled = bool(ROW_LABEL.match(cells[0].strip()))
        if labelled or (timed and (row is None or row.cells[1])):
            cells[0] = _label_row(cells[0].strip(), group)
            row = Row(_split_first_line(cells))
            group.rows.append(row)
        elif row is not None:
            for col, piece in enumerate(cells):
                _append(row.cells[col], piece, col)
    return roadmap


# --- Word document --------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _footnotes_part(document, notes: list[str]) -> None:
    """Attach a footnotes part holding `notes` (ids 1..n) to the document."""
    body = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
    ]
    for i, note in enumerate(notes, start=1):
        text = etree.Element("t")
        text.text = " " + note
        escaped = etree.tostring(text, encoding="unicode")[3:-4]
        body.append(
            f'<w:footnote w:id="{i}"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="16"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve">{escaped}</w:t></w:r></w:p></w:footnote>'
        )
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">{"".join(body)}</w:footnotes>'
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def _footnote_ref(paragraph, number: int) -> None:
    run = paragraph.add_run()
    rpr = run._r.get_or_add_rPr()
    va = OxmlElement("w:vertAlign")
    va.set(qn("w:val"), "superscript")
    rpr.append(va)
    ref = OxmlElement("w:footnoteReference")
    ref.set(qn("w:id"), str(number))
    run._r.append(ref)


def _field(paragraph, instr: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _set_cell_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    trpr.append(el)


def _shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


@dataclass(frozen=True)
class Layout:
    """Page and font settings of one rendering."""

    font: str = "Liberation Sans"
    size: float = 10
    table_size: float = 8
    landscape: bool = True
    width_cm: float = 29.7
    height_cm: float = 21.0
    margin_cm: float = 2.0
    widths_cm: tuple[float, ...] = (7.2, 2.0, 5.6, 3.2, 7.7)


LAYOUTS = {
    "a4-landscape": Layout(),
    "letter-portrait": Layout(
        font="DejaVu Serif", size=9.5, table_size=7, landscape=False, width_cm=21.59, height_cm=27.94,
        margin_cm=1.4, widths_cm=(5.2, 1.6, 3.7, 2.3, 6.0),
    ),
}


def _page_setup(document, layout: Layout, running_title: str) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if layout.landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(layout.width_cm), Cm(layout.height_cm)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(layout.margin_cm))
    normal = document.styles["Normal"]
    normal.font.name = layout.font
    normal.font.size = Pt(layout.size)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), layout.font)
    for name in ("Heading 1", "Heading 2", "Title"):
        style = document.styles[name]
        style.font.name = layout.font
        style.font.color.rgb = None
    header = section.header.paragraphs[0]
    header.text = running_title
    header.alignment = 2
    footer = section.footer.paragraphs[0]
    footer.alignment = 1
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")


def build_roadmap_docx(roadmap: Roadmap, path: Path, layout: Layout) -> None:
    """Write the roadmap as a Word document with one ruled five-column table per action line."""
    document = new_docx()
    _page_setup(document, layout, "ITU WSIS Action Line Roadmaps")
    document.add_heading(roadmap.title, level=0)
    document.add_heading("Introduction", level=1)
    for para in roadmap.intro:
        document.add_paragraph(para)
    notes: list[str] = []
    for al in roadmap.action_lines:
        document.add_heading(al.heading, level=1)
        for note in al.notes:
            document.add_paragraph(note)
        table = document.add_table(rows=0, cols=5)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _set_cell_borders(table)
        header = table.add_row()
        _repeat_header(header)
        marks = [m.translate(SUPERSCRIPTS) for m in al.marks] or ["", "", "", ""]
        for col, template in enumerate(HEADER_TEXTS):
            paragraph = header.cells[col].paragraphs[0]
            before, _, after = template.partition("{")
            mark_index = int(after[0]) if after[:1].isdigit() else None
            tail = after[2:] if mark_index is not None else ""
            run = paragraph.add_run(before.format(al=al.code) if mark_index is not None else template.format(al=al.code))
            run.bold = True
            if mark_index is not None:
                note = al.footnotes.get(marks[mark_index], "")
                notes.append(note)
                _footnote_ref(paragraph, len(notes))
                paragraph.add_run(tail.format(al=al.code)).bold = True
            _shade(header.cells[col], "D9E2F3")
        for group in al.groups:
            grow = table.add_row()
            merged = grow.cells[0].merge(grow.cells[4])
            merged.paragraphs[0].add_run(group.title).bold = True
            _shade(merged, "F2F2F2")
            for r in group.rows:
                cells = table.add_row().cells
                for col, paragraphs in enumerate(r.cells):
                    cells[col].paragraphs[0].text = paragraphs[0] if paragraphs else ""
                    for extra in paragraphs[1:]:
                        cells[col].add_paragraph(extra)
        for col, grid_col in enumerate(table._tbl.tblGrid.findall(qn("w:gridCol"))):
            grid_col.set(qn("w:w"), str(round(layout.widths_cm[col] * 567)))
        for row in table.rows:
            for col, cell in enumerate(row.cells):
                cell.width = Cm(layout.widths_cm[col])
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.space_after = Pt(2)
                    for run in paragraph.runs:
                        run.font.size = Pt(layout.table_size)
        document.add_paragraph()
    _footnotes_part(document, notes)
    document.save(path)


def restyle_docx(source: Path, target: Path, layout: Layout) -> None:
    """Copy a .docx with another font, page size and margins (a layout variant for tests)."""
    document = new_docx(str(source))
    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE if layout.landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(layout.width_cm), Cm(layout.height_cm)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(layout.margin_cm))
    for style in document.styles:
        font = getattr(style, "font", None)
        if font is None:
            continue
        font.name = layout.font
        rpr = style.element.rPr
        if rpr is not None and rpr.rFonts is not None:
            for attr in ("w:ascii", "w:hAnsi", "w:cs"):
                rpr.rFonts.set(qn(attr), layout.font)
    for run_fonts in document.element.body.iter(qn("w:rFonts")):
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            run_fonts.set(qn(attr), layout.font)
    document.save(target)


# --- PDF conversion and fixtures --------------------------------------------------------------


def to_pdf(docx: Path, out_dir: Path, name: str) -> Path:
    """Convert a .docx to PDF with headless LibreOffice, into out_dir/name."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", tmp, str(docx)],
            check=True, capture_output=True, timeout=300,
        )
        produced = Path(tmp) / (docx.stem + ".pdf")
        target = out_dir / name
        shutil.copyfile(produced, target)
    return target


def encrypt_pdf(source: Path, target: Path) -> None:
    """A password-protected copy of `source` (AES-256, user password 'secret') made with qpdf."""
    subprocess.run(
        ["qpdf", "--encrypt", "secret", "owner-secret", "256", "--", str(source), str(target)], check=True
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--out", type=Path, default=ROOT / "corpus")
    parser.add_argument("--fixtures", type=Path, default=ROOT / "tests" / "fixtures" / "pdf")
    args = parser.parse_args(argv)
    if shutil.which("soffice") is None:
        print("make_pdf_corpus: LibreOffice (soffice) is needed to render the PDFs", file=sys.stderr)
        return 2
    seed = next(args.seeds.glob("002_*.txt"))
    roadmap = parse_seed(seed.read_text(encoding="utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    args.fixtures.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, layout in (("wsis-roadmaps", LAYOUTS["a4-landscape"]), ("wsis-roadmaps-letter", LAYOUTS["letter-portrait"])):
            docx = work / f"{name}.docx"
            build_roadmap_docx(roadmap, docx, layout)
            print("wrote", to_pdf(docx, args.out, f"{name}.pdf"))
        for stem in DOCX_SOURCES:
            source = args.out / f"{stem}.docx"
            if not source.exists():
                print(f"skipped {source} (not there yet)")
                continue
            print("wrote", to_pdf(source, args.out, f"{stem}.pdf"))
        variant_source = args.out / "objective2-new.docx"
        if variant_source.exists():
            docx = work / "objective2-new-letter.docx"
            restyle_docx(variant_source, docx, LAYOUTS["letter-portrait"])
            print("wrote", to_pdf(docx, args.out, "objective2-new-letter.pdf"))
        if shutil.which("qpdf"):
            small = work / "small.docx"
            document = new_docx()
            document.add_paragraph("Objective 2 – Modern and secure telecommunication/ICT infrastructure")
            document.save(small)
            plain = to_pdf(small, work, "small.pdf")
            encrypt_pdf(plain, args.fixtures / "encrypted.pdf")
            print("wrote", args.fixtures / "encrypted.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
