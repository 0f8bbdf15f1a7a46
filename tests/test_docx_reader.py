"""The low-level .docx reader on small documents built here with python-docx and lxml edits.

Each document isolates one behaviour: Word list labels (restart, resume, shared abstractNum
counters, startOverride, lvlRestart, isLgl, bullets), heading and bold signals from styles,
tables with merged cells, footnotes, text boxes, tracked changes in both views, and the
one-line errors for files that are not readable Word documents.
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import run_cli
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from lxml import etree

from actionplan_trace.errors import InputError, InputWarning, LimitError
from actionplan_trace.extract.docx import format_number, read_docx
from actionplan_trace.loader import load
from actionplan_trace.model import Block

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}
DECLS = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())
AUTHOR = 'w:author="Delegate A" w:date="2024-03-01T10:00:00Z"'


def xml(fragment: str) -> list[etree._Element]:
    """Elements parsed from a WordprocessingML fragment (namespaces declared for it)."""
    return list(etree.fromstring(f"<w:frag {DECLS}>{fragment}</w:frag>"))


def add_body(document: docx.document.Document, fragment: str) -> None:
    """Append raw body XML before the final section properties."""
    sect = document.element.body.find(qn("w:sectPr"))
    for el in xml(fragment):
        sect.addprevious(el)


def set_numbering(document: docx.document.Document, fragment: str) -> None:
    """Replace numbering.xml's definitions with `fragment`."""
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for el in xml(fragment):
        numbering.append(el)


def para(text: str, num: int | None = None, ilvl: int = 0, style: str | None = None) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def save(document: docx.document.Document, path: Path) -> Path:
    document.save(str(path))
    return path


def add_part(path: Path, name: str, content: str, rel_type: str, content_type: str) -> None:
    """Add a part to a saved package, with its relationship from the main document."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                rel = (f'<Relationship Id="rIdTest{name.replace(".", "")}" Target="{name}" '
                       f'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{rel_type}"/>')
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                override = f'<Override PartName="/word/{name}" ContentType="{content_type}"/>'
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            zout.writestr(info, data)
        zout.writestr(f"word/{name}", content)
    path.write_bytes(buffer.getvalue())


def texts(path: Path, view: str = "accepted") -> list[str]:
    return [b.text for b in read_docx(path, view).blocks]


# ------------------------------------------------------------------ numbering


@pytest.fixture
def numbered(tmp_path: Path) -> Path:
    """Lists over two abstractNums, with resume, restart, lvlRestart and isLgl."""
    document = docx.Document()
    set_numbering(document, (
        '<w:abstractNum w:abstractNumId="10">'
        + level(0, "decimal", "%1.") + level(1, "decimal", "%1.%2.") + level(2, "lowerLetter", "(%3)")
        + "</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="20">'
        + level(0, "upperRoman", "%1") + level(1, "lowerRoman", "%1.%2", extra="<w:isLgl/>")
        + level(2, "decimal", "%3)", extra='<w:lvlRestart w:val="0"/>')
        + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="10"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="10"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        '<w:num w:numId="4"><w:abstractNumId w:val="20"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
    ))
    add_body(document, "".join([
        para("Alpha", 1, 0), para("Alpha one", 1, 1), para("Alpha two", 1, 1),
        para("Alpha two a", 1, 2), para("Beta", 1, 0), para("Beta one", 1, 1),
        para("Plain text between lists"),
        para("Gamma resumed by another num", 2, 0),
        para("Restarted", 3, 0), para("Restarted two", 3, 0),
        para("Delta back on the first num", 1, 0),
        para("Not numbered: numId 0", 0, 0),
        para("Roman five", 4, 0), para("Legal", 4, 1), para("Never restarts", 4, 2),
        para("Roman six", 4, 0), para("Legal again", 4, 1), para("Still counting", 4, 2),
    ]))
    return save(document, tmp_path / "numbered.docx")


def test_numbering_levels_restart_and_resume(numbered: Path) -> None:
    blocks = read_docx(numbered).blocks
    labels = {b.text: b.label for b in blocks}
    assert labels["Alpha"] == "1."
    assert labels["Alpha one"] == "1.1."
    assert labels["Alpha two"] == "1.2."
    assert labels["Alpha two a"] == "(a)"
    assert labels["Beta"] == "2."
    assert labels["Beta one"] == "2.1."  # deeper level restarts when level 0 advances
    assert labels["Plain text between lists"] is None
    assert labels["Gamma resumed by another num"] == "3."  # numIds of one abstractNum share counters

def _legal_list(path: Path, legal: bool) -> Path:
    """A two-level list, "I." over "%1.%2" in lower roman, its second level legal (isLgl) or not."""
    document = docx.Document()
    set_numbering(document, (
        '<w:abstractNum w:abstractNumId="30">' + level(0, "upperRoman", "%1.")
        + level(1, "lowerRoman", "%1.%2", extra="<w:isLgl/>" if legal else "") + "</w:abstractNum>"
        '<w:num w:numId="5"><w:abstractNumId w:val="30"/></w:num>'
    ))
    add_body(document, para("Submarine cables", 5, 0) + para("These cables are only for bilateral communication.", 5, 1))
    return save(document, path)


def test_a_list_label_whose_format_alone_changed_is_numbering(tmp_path: Path) -> None:
    """A black-box review (finding 8): a legal list level (isLgl, "1.1") made plain ("I.i"), its text
    unchanged, was a word edit "[-1.1-]{+I.i+}" the default --ignore-numbering did not hide. A
    Word list label of several parts before its tab is a list number, as "1.1" is."""
    from actionplan_trace.diff import compare

    old, new = _legal_list(tmp_path / "old.docx", True), _legal_list(tmp_path / "new.docx", False)
    assert [b.label for b in read_docx(old).blocks] == ["I.", "1.1"]
    assert [b.label for b in read_docx(new).blocks] == ["I.", "I.i"]
    result = compare(old, new)
    assert result.visible() == []
    assert [(c.kind, c.old, c.new, c.differences) for c in result.changes] == [
        ("modified", "1.1\tThese cables are only for bilateral communication.",
         "I.i\tThese cables are only for bilateral communication.", ("numbering",))]


def test_numbering_start_override_restarts_the_shared_list(numbered: Path) -> None:
    labels = {b.text: b.label for b in read_docx(numbered).blocks}
    assert labels["Restarted"] == "1."
    assert labels["Restarted two"] == "2."
    assert labels["Delta back on the first num"] == "3."  # the first num counts on from the restart
    assert labels["Not numbered: numId 0"] is None


def test_sub_headings_restarted_per_output_as_libreoffice_writes_them(tmp_path: Path) -> None:
    """LibreOffice saves each output's numbered sub-headings as a restarting w:num (startOverride 1)
    for the first and the list's other w:nums for the rest, all of one abstractNum: Word and
    LibreOffice draw 1, 2, 3 under every output, so the later headings count on from the restart."""
    document = docx.Document()
    set_numbering(document, (
        '<w:abstractNum w:abstractNumId="4">'
        + level(0, "decimal", "%1.", extra='<w:pStyle w:val="Heading3"/>')
        + "</w:abstractNum>"
        '<w:num w:numId="4"><w:abstractNumId w:val="4"/></w:num>'
        + "".join(f'<w:num w:numId="{n}"><w:abstractNumId w:val="4"/>'
                  '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
                  for n in (7, 8))
        + '<w:num w:numId="9"><w:abstractNumId w:val="4"/></w:num>'
    ))
    body = [para("Objective 2 – Modern and secure telecommunication/ICT infrastructure", style="Heading1")]
    for output, nums in (("2.1", (7, 4, 4)), ("2.2", (8, 9, 4))):
        body.append(para(f"Output {output} – Products and services on infrastructure", style="Heading2"))
        for title, num in zip(("Background", "Implementation framework",
                               "References to WTDC Resolutions, WSIS Action Lines and SDGs"), nums):
            body.append(para(title, num, 0, style="Heading3"))
            body.append(para(f"The work of output {output} under {title.lower()} is described here."))
    add_body(document, "".join(body))
    path = save(document, tmp_path / "lo-restarts.docx")
    labels = [(b.label, b.text) for b in read_docx(path).blocks if b.label]
    assert labels == [
        ("1.", "Background"), ("2.", "Implementation framework"),
        ("3.", "References to WTDC Resolutions, WSIS Action Lines and SDGs"),
        ("1.", "Background"), ("2.", "Implementation framework"),
        ("3.", "References to WTDC Resolutions, WSIS Action Lines and SDGs"),
    ]
    plan = load(path, "action-plan")
    headings = {s.id: s.heading for s in plan.sections}
    assert headings["output-2.2/background"] == "1. Background"
    assert headings["output-2.2/implementation-framework"] == "2. Implementation framework"
    assert headings["output-2.2/references"].startswith("3. References")
    generic = [s.id for s in load(path, "generic").sections if s.kind == "clause"]
    assert generic == ["clause-1", "clause-2", "clause-3", "clause-1-2", "clause-2-2", "clause-3-2"]


def test_numbering_is_lgl_and_lvl_restart(numbered: Path) -> None:
    labels = {b.text: b.label for b in read_docx(numbered).blocks}
    assert labels["Roman five"] == "V"
    assert labels["Legal"] == "5.1"  # isLgl shows the upper-roman level as decimal
    assert labels["Never restarts"] == "1)"
    assert labels["Roman six"] == "VI"
    assert labels["Legal again"] == "6.1"
    assert labels["Still counting"] == "2)"  # lvlRestart 0: not restarted by level 0 or 1


def test_numbered_paragraphs_are_list_items_without_label_in_text(numbered: Path) -> None:
    blocks = {b.text: b for b in read_docx(numbered).blocks}
    assert blocks["Alpha one"].type == "list-item"
    assert blocks["Alpha one"].list_level == 1
    assert blocks["Plain text between lists"].type == "paragraph"
    assert blocks["Plain text between lists"].list_level is None
    assert not any(b.text.startswith(("1.", "V", "(a)")) for b in blocks.values())


def test_bullets_and_heading_numbering_from_style(tmp_path: Path) -> None:
    document = docx.Document()
    heading = document.styles["Heading 1"].element
    ppr = heading.find(qn("w:pPr"))
    ppr.append(xml('<w:numPr><w:numId w:val="7"/></w:numPr>')[0])
    set_numbering(document, (
        '<w:abstractNum w:abstractNumId="1">'
        + level(0, "bullet", "\uf0b7", extra='<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>')
        + level(1, "bullet", "o")
        + "</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="2">'
        + level(0, "decimal", "%1.", extra='<w:pStyle w:val="Heading1"/>')
        + "</w:abstractNum>"
        '<w:num w:numId="6"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="7"><w:abstractNumId w:val="2"/></w:num>'
    ))
    add_body(document, "".join([
        para("Background", style="Heading1"),
        para("Rural communications", 6, 0),
        para("Sub point", 6, 1),
        para("Implementation framework", style="Heading1"),
        para("•\tTyped bullet stays in the text"),
    ]))
    blocks = read_docx(save(document, tmp_path / "bullets.docx")).blocks
    by_text = {b.text: b for b in blocks}
    assert (by_text["Background"].label, by_text["Background"].type) == ("1.", "paragraph")
    assert by_text["Background"].outline_level == 0
    assert by_text["Implementation framework"].label == "2."
    assert (by_text["Rural communications"].label, by_text["Rural communications"].type) == ("•", "list-item")
    assert by_text["Sub point"].label == "o"
    typed = by_text["•\tTyped bullet stays in the text"]
    assert (typed.type, typed.label) == ("list-item", None)


def test_format_number_word_formats() -> None:
    assert format_number(4, "lowerRoman") == "iv"
    assert format_number(1994, "upperRoman") == "MCMXCIV"
    assert format_number(28, "upperLetter") == "BB"
    assert format_number(3, "decimalZero") == "03"
    assert format_number(22, "ordinal") == "22nd"
    assert format_number(21, "cardinalText") == "Twenty-one"
    assert format_number(12, "ordinalText") == "Twelfth"
    assert format_number(7, "none") == ""


# ------------------------------------------------------------------ headings, bold, size


def test_outline_level_signals_and_bold_from_styles(tmp_path: Path) -> None:
    document = docx.Document()
    custom = document.styles.add_style("Proposal Head", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["Normal"]
    custom.element.get_or_add_pPr().append(xml('<w:outlineLvl w:val="1"/>')[0])
    derived = document.styles.add_style("Annex Head", WD_STYLE_TYPE.PARAGRAPH)
    derived.base_style = custom
    bold_style = document.styles.add_style("Bold Para", WD_STYLE_TYPE.PARAGRAPH)
    bold_style.font.bold = True
    bold_style.font.size = docx.shared.Pt(14)
    heading3 = document.styles["Heading 3"].element.find(qn("w:pPr"))
    heading3.remove(heading3.find(qn("w:outlineLvl")))
    add_body(document, "".join([
        para("From style outlineLvl", style="ProposalHead"),
        para("From basedOn chain", style="AnnexHead"),
        para("From heading name", style="Heading3"),
        '<w:p><w:pPr><w:outlineLvl w:val="3"/></w:pPr><w:r><w:t>Direct outline</w:t></w:r></w:p>',
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:outlineLvl w:val="9"/></w:pPr>'
        "<w:r><w:t>Body text level</w:t></w:r></w:p>",
        para("Bold through the style", style="BoldPara"),
        '<w:p><w:pPr><w:pStyle w:val="BoldPara"/></w:pPr><w:r><w:t xml:space="preserve">Half </w:t></w:r>'
        '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>unbolded</w:t></w:r></w:p>',
        '<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>Bold character style</w:t></w:r></w:p>',
        para("Plain Normal"),
    ]))
    blocks = {b.text: b for b in read_docx(save(document, tmp_path / "heads.docx")).blocks}
    assert blocks["From style outlineLvl"].outline_level == 1
    assert blocks["From style outlineLvl"].style == "Proposal Head"
    assert blocks["From basedOn chain"].outline_level == 1
    assert blocks["From heading name"].outline_level == 2
    assert blocks["From heading name"].style == "Heading 3"
    assert blocks["Direct outline"].outline_level == 3
    assert blocks["Body text level"].outline_level is None
    assert (blocks["Bold through the style"].bold, blocks["Bold through the style"].size) == (True, 14.0)
    assert blocks["Half unbolded"].bold is False
    assert blocks["Bold character style"].bold is True
    assert (blocks["Plain Normal"].bold, blocks["Plain Normal"].style) == (False, "Normal")


# ------------------------------------------------------------------ tables


def test_table_merged_cells_nested_table_and_row_content_control(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Before the table")
    table = document.add_table(rows=3, cols=3)
    for r in range(3):
        for c in range(3):
            table.cell(r, c).text = f"r{r}c{c}"
    table.cell(0, 0).merge(table.cell(0, 1))
    table.cell(1, 2).merge(table.cell(2, 2))
    table.cell(2, 0).add_table(rows=1, cols=2)
    nested = table.cell(2, 0).tables[0]
    nested.cell(0, 0).text, nested.cell(0, 1).text = "inner A", "inner B"
    row = table._tbl.findall(qn("w:tr"))[1]
    sdt = xml("<w:sdt><w:sdtPr/><w:sdtContent/></w:sdt>")[0]
    row.addprevious(sdt)
    sdt.find(qn("w:sdtContent")).append(row)
    document.add_paragraph("After the table")
    raw = read_docx(save(document, tmp_path / "table.docx"))
    assert [b.type for b in raw.blocks] == ["paragraph", "table", "paragraph"]
    tbl = raw.blocks[1]
    assert [[c.text for c in row] for row in tbl.rows] == [
        ["r0c0\nr0c1", "", "r0c2"],
        ["r1c0", "r1c1", "r1c2\nr2c2"],
        ["r2c0\ninner A | inner B", "r2c1", ""],
    ]
    assert [c.loc.col for c in tbl.rows[0]] == [0, 1, 2]
    assert (tbl.rows[2][2].loc.row, tbl.rows[2][2].loc.col, tbl.rows[2][2].loc.paragraph) == (2, 2, 1)
    assert tbl.rows[2][0].paragraphs == ["r2c0", "inner A | inner B"]
    assert tbl.text.splitlines()[:2] == ["r0c0", "r0c1 |  | r0c2"]
    assert [b.loc.paragraph for b in raw.blocks] == [0, 1, 2]


def test_table_cell_keeps_numbered_label_but_not_bullet(tmp_path: Path) -> None:
    document = docx.Document()
    set_numbering(document, (
        '<w:abstractNum w:abstractNumId="1">' + level(0, "decimal", "2.%1") + "</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="2">' + level(0, "bullet", "\uf0b7") + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
    ))
    table = document.add_table(rows=1, cols=2)
    for cell, fragment in zip(table.rows[0].cells, [para("Enabling environment", 1) + para("Capacity", 1),
                                                     para("Indicator one", 2)]):
        tc = cell._tc
        for p in tc.findall(qn("w:p")):
            tc.remove(p)
        for el in xml(fragment):
            tc.append(el)
    row = read_docx(save(document, tmp_path / "cells.docx")).blocks[0].rows[0]
    assert row[0].paragraphs == ["2.1 Enabling environment", "2.2 Capacity"]
    assert row[1].paragraphs == ["Indicator one"]


def _tc(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def _objective_table(path: Path, grid: str, rows: list[str]) -> tuple[Path, Block]:
    """A .docx of an objective's heading and a table of `rows` (w:tr XML) on `grid`, and that table read."""
    document = docx.Document()
    add_body(document, '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Objective 2 – Infrastructure</w:t></w:r></w:p>'
             f"<w:tbl><w:tblPr/>{grid}{''.join(rows)}</w:tbl>")
    save(document, path)
    table = read_docx(path).blocks[1]
    assert table.rows is not None
    return path, table


def test_table_cells_are_laid_out_on_the_grid(tmp_path: Path) -> None:
    """gridBefore, gridSpan and gridAfter leave the slots they cover empty, as HTML's colspan does, so
    each cell stays under its column's header (its index is its loc.col) and the outcome table's
    fields follow the header; a span wider than the table's grid pads no further than the grid."""
    span = '<w:gridSpan w:val="{}"/>'
    grid = "<w:tblGrid>" + '<w:gridCol w:w="3000"/>' * 3 + "</w:tblGrid>"
    rows = [
        "<w:tr>" + _tc("Outcomes") + _tc("Performance Indicators") + _tc("Outputs (Product and services)") + "</w:tr>",
        "<w:tr>" + _tc("2.1 Enhanced capacity") + _tc("Indicator one") + _tc("2.1 - Broadband") + "</w:tr>",
        "<w:tr>" + _tc("2.2 Strengthened trust", span.format(2)) + _tc("2.2 - Cybersecurity") + "</w:tr>",
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + _tc("Indicator two") + _tc("2.3 - Spectrum") + "</w:tr>",
        '<w:tr><w:trPr><w:gridAfter w:val="1"/></w:trPr>' + _tc("2.4 Digital skills") + _tc("Indicator four") + "</w:tr>",
        "<w:tr>" + _tc("2.5 Wide", span.format(999)) + _tc("beyond") + "</w:tr>",
    ]
    path, table = _objective_table(tmp_path / "grid.docx", grid, rows)
    assert [[c.text for c in row] for row in table.rows[2:5]] == [
        ["2.2 Strengthened trust", "", "2.2 - Cybersecurity"],
        ["", "Indicator two", "2.3 - Spectrum"],
        ["2.4 Digital skills", "Indicator four", ""],
    ]
    assert all(c.loc.col == k for row in table.rows for k, c in enumerate(row))
    assert [(c.text, c.loc.col) for c in table.rows[5]] == [("2.5 Wide", 0), ("", 1), ("", 2), ("beyond", 3)]
    doc = load(path, profile="action-plan")
    outcomes = {s.fields["outcome"].split()[0]: s for s in doc.sections if s.kind == "outcome"}
    assert outcomes["2.2"].fields == {"outcome": "2.2 Strengthened trust", "indicators": "Indicator two",
                                              "outputs": "2.2 - Cybersecurity\n2.3 - Spectrum"}
    assert [(b.field, b.loc.row, b.loc.col) for b in outcomes["2.2"].blocks] == [
        ("outcome", 2, 0), ("indicators", 3, 1), ("outputs", 2, 2), ("outputs", 3, 2)]
    assert outcomes["2.4"].fields == {"outcome": "2.4 Digital skills", "indicators": "Indicator four",
                                              "outputs": ""}



def test_rows_of_as_many_cells_on_an_uneven_grid_keep_their_cells_in_order(tmp_path: Path) -> None:
    """A header whose cells span 2, 1 and 2 columns of a five-column grid over rows spanning 1, 2 and
    2 (one row's borders dragged): three columns, each cell under its header in order, fields and
    loc.col by position (a review found the Outputs cell in a 'col4' column once rows were laid out
    on the grid)."""
    span = '<w:gridSpan w:val="2"/>'
    grid = "<w:tblGrid>" + '<w:gridCol w:w="1500"/>' * 5 + "</w:tblGrid>"
    rows = [
        "<w:tr>" + _tc("Outcomes", span) + _tc("Performance Indicators") + _tc("Outputs (Product and services)", span) + "</w:tr>",
        "<w:tr>" + _tc("2.1 Enhanced capacity") + _tc("Indicator one", span) + _tc("2.1 - Broadband", span) + "</w:tr>",
        "<w:tr>" + _tc("2.2 Strengthened trust") + _tc("Indicator two", span) + _tc("2.2 - Cybersecurity", span) + "</w:tr>",
    ]
    path, table = _objective_table(tmp_path / "uneven.docx", grid, rows)
    assert [[c.text for c in row] for row in table.rows[0:2]] == [
        ["Outcomes", "Performance Indicators", "Outputs (Product and services)"],
        ["2.1 Enhanced capacity", "Indicator one", "2.1 - Broadband"]]
    assert all(c.loc.col == k for row in table.rows for k, c in enumerate(row))
    doc = load(path, profile="action-plan")
    assert [s.fields for s in doc.sections if s.kind == "outcome"] == [
        {"outcome": "2.1 Enhanced capacity", "indicators": "Indicator one", "outputs": "2.1 - Broadband"},
        {"outcome": "2.2 Strengthened trust", "indicators": "Indicator two", "outputs": "2.2 - Cybersecurity"}]


def test_table_grid_follows_the_view(tmp_path: Path) -> None:
    """As Word accepts and rejects: a cell inserted with revision marks has no slot in the original
    view, where the old span a w:tcPrChange keeps lays the row out; a deleted cell has none in the
    accepted view, the cells after it moved left (Word's "Delete Cells… shift cells left")."""
    changed = (f'<w:tcPrChange w:id="1" {AUTHOR}><w:tcPr><w:gridSpan w:val="2"/></w:tcPr></w:tcPrChange>')
    document = docx.Document()
    add_body(document, "<w:tbl><w:tblPr/><w:tblGrid>" + '<w:gridCol w:w="3000"/>' * 3 + "</w:tblGrid><w:tr>"
             + _tc("Region") + _tc("Initiative") + _tc("Notes") + "</w:tr><w:tr>"
             + _tc("AFR", changed) + _tc("Inserted cell", f'<w:cellIns w:id="2" {AUTHOR}/>') + _tc("x") + "</w:tr><w:tr>"
             + _tc("ASP") + _tc("Deleted cell", f'<w:cellDel w:id="3" {AUTHOR}/>') + _tc("y") + "</w:tr></w:tbl>")
    path = save(document, tmp_path / "grid-views.docx")
    accepted, original = (read_docx(path, view).blocks[0].rows for view in ("accepted", "original"))
    assert accepted is not None and original is not None
    assert [(c.text, c.loc.col) for c in accepted[1]] == [("AFR", 0), ("Inserted cell", 1), ("x", 2)]
    assert [(c.text, c.loc.col) for c in original[1]] == [("AFR", 0), ("", 1), ("x", 2)]
    assert [(c.text, c.loc.col) for c in accepted[2]] == [("ASP", 0), ("y", 1)]
    assert [(c.text, c.loc.col) for c in original[2]] == [("ASP", 0), ("Deleted cell", 1), ("y", 2)]


# ------------------------------------------------------------------ footnotes, text boxes


FOOTNOTE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def test_footnotes_in_reference_order_with_revisions(tmp_path: Path) -> None:
    document = docx.Document()
    add_body(document, (
        '<w:p><w:r><w:t>First claim</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r>'
        '<w:r><w:t xml:space="preserve"> and second</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>'
    ))
    path = save(document, tmp_path / "notes.docx")
    add_part(path, "footnotes.xml", (
        f'<w:footnotes {DECLS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See Resolution 71.</w:t></w:r></w:p></w:footnote>'
        '<w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> WTDC Resolution </w:t></w:r>'
        f'<w:del w:id="90" {AUTHOR}><w:r><w:delText>17</w:delText></w:r></w:del>'
        f'<w:ins w:id="91" {AUTHOR}><w:r><w:t>37</w:t></w:r></w:ins></w:p></w:footnote>'
        "</w:footnotes>"
    ), "footnotes", FOOTNOTE_TYPE)
    accepted = read_docx(path)
    assert [(f.label, f.loc.footnote, f.text) for f in accepted.footnotes] == [
        ("1", "5", "WTDC Resolution 37"),
        ("2", "2", "See Resolution 71."),
    ]
    assert accepted.blocks[0].text == "First claim and second"
    assert read_docx(path, "original").footnotes[0].text == "WTDC Resolution 17"
    changes = [(r.type, r.text, r.id, r.loc.footnote) for r in accepted.revisions]
    assert changes == [("delete", "17", "90", "5"), ("insert", "37", "91", "5")]


def _noted_plan(path: Path, second_note: str) -> Path:
    """A plan's references whose two footnotes LibreOffice numbered by its own ids (2 and 3, shown
    as notes 1 and 2), the second's text `second_note` (a fragment of WordprocessingML)."""
    document = docx.Document()
    add_body(document, (
        para("References to WTDC Resolutions", style="Heading1")
        + '<w:p><w:r><w:t>PP Resolution 71 applies</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r>'
        '<w:r><w:t xml:space="preserve"> and so does WTDC Resolution 37</w:t></w:r>'
        '<w:r><w:footnoteReference w:id="3"/></w:r><w:r><w:t>.</w:t></w:r></w:p>'
    ))
    save(document, path)
    add_part(path, "footnotes.xml", (
        f'<w:footnotes {DECLS}>'
        '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Rev. Dubai, 2018.</w:t></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r>{second_note}</w:p></w:footnote>'
        "</w:footnotes>"
    ), "footnotes", FOOTNOTE_TYPE)
    return path


def test_a_changed_note_is_placed_by_its_number_and_its_marks_in_the_footnotes(tmp_path: Path) -> None:
    """A change in a note says which note (`at`: "footnote 2", the number Word draws, not the part's
    id 3), and a revision mark in a note is in the footnotes section."""
    from actionplan_trace.diff import compare

    note = '<w:r><w:t xml:space="preserve"> Revised at {} on regional initiatives for the development of ICT.</w:t></w:r>'
    old = _noted_plan(tmp_path / "old.docx", note.format("Hyderabad, 2010,"))
    new = _noted_plan(tmp_path / "new.docx", note.format("Kigali, 2022,"))
    changes = compare(old, new).changes
    assert [(c.kind, c.where, c.at_old, c.at_new) for c in changes] == [("modified", "footnote", "footnote 2", "footnote 2")]
    assert json.loads(json.dumps(changes[0].to_dict()))["at"] == {"old": "footnote 2", "new": "footnote 2"}

    tracked = _noted_plan(tmp_path / "tracked.docx", (
        '<w:r><w:t xml:space="preserve"> Rev. </w:t></w:r>'
        f'<w:del w:id="90" {AUTHOR}><w:r><w:delText>Hyderabad, 2010</w:delText></w:r></w:del>'
        f'<w:ins w:id="91" {AUTHOR}><w:r><w:t>Kigali, 2022</w:t></w:r></w:ins><w:r><w:t>.</w:t></w:r>'))
    doc = load(tracked)
    assert [(r.type, r.text, r.section, r.loc.footnote) for r in doc.revisions] == [
        ("delete", "Hyderabad, 2010", "footnotes", "3"), ("insert", "Kigali, 2022", "footnotes", "3"),
    ]

def test_a_note_that_gains_a_paragraph_is_one_modified_note(tmp_path: Path) -> None:
    """A black-box review (finding 6): a short note that gains a paragraph, too unlike its old text
    to be paired by words, was "removed footnote" plus "added footnote", between two files and in a
    file's own revision marks. Notes of the same number pair first: one modified note 2, the
    paragraph inserted."""
    from actionplan_trace.diff import compare

    kept = '<w:r><w:t xml:space="preserve"> Note text.</w:t></w:r>'
    added = "An added note paragraph citing PP Resolution 200 on the connectivity of schools."
    old = _noted_plan(tmp_path / "old.docx", kept)
    new = _noted_plan(tmp_path / "new.docx", f"{kept}</w:p><w:p><w:r><w:t>{added}</w:t></w:r>")
    changes = compare(old, new).changes
    assert [(c.kind, c.where, c.at_old, c.at_new) for c in changes] == [("modified", "footnote", "footnote 2", "footnote 2")]
    assert [(op, text) for op, text in changes[0].words or () if op != "="] == [("+", f"\n{added}")]

    tracked = _noted_plan(tmp_path / "tracked.docx", (
        f'<w:pPr><w:rPr><w:ins w:id="90" {AUTHOR}/></w:rPr></w:pPr>{kept}</w:p>'
        f'<w:p><w:ins w:id="91" {AUTHOR}><w:r><w:t>{added}</w:t></w:r></w:ins>'))
    changes = compare(tracked).changes
    assert [(c.kind, c.where, c.at_old, c.at_new) for c in changes] == [("modified", "footnote", "footnote 2", "footnote 2")]


def test_text_box_read_once_after_its_anchor(tmp_path: Path) -> None:
    box = (
        "<w:txbxContent><w:p><w:r><w:t>Box heading</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Box body</w:t></w:r></w:p></w:txbxContent>"
    )
    document = docx.Document()
    add_body(document, (
        "<w:p><w:r><w:t>Before</w:t></w:r></w:p>"
        '<w:p><w:r><w:t xml:space="preserve">Anchor </w:t></w:r><w:r><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r><w:r><w:t>text</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>After</w:t></w:r></w:p>"
    ))
    blocks = read_docx(save(document, tmp_path / "box.docx")).blocks
    assert [b.text for b in blocks] == ["Before", "Anchor text", "Box heading", "Box body", "After"]
    assert [b.loc.paragraph for b in blocks] == [0, 1, 1, 1, 2]


# ------------------------------------------------------------------ tracked changes and inline content


def test_views_of_tracked_changes(tmp_path: Path) -> None:
    document = docx.Document()
    add_body(document, (
        '<w:p><w:r><w:t xml:space="preserve">PP Resolutions </w:t></w:r>'
        f'<w:del w:id="1" {AUTHOR}><w:r><w:delText xml:space="preserve">64, </w:delText></w:r></w:del>'
        f'<w:ins w:id="2" {AUTHOR}><w:r><w:t xml:space="preserve">71, </w:t></w:r></w:ins>'
        "<w:r><w:t>139</w:t></w:r></w:p>"
        f'<w:p><w:pPr><w:rPr><w:del w:id="3" {AUTHOR}/></w:rPr></w:pPr><w:r><w:t>Joined </w:t></w:r></w:p>'
        "<w:p><w:r><w:t>paragraph</w:t></w:r></w:p>"
        f'<w:p><w:pPr><w:rPr><w:ins w:id="4" {AUTHOR}/></w:rPr></w:pPr>'
        f'<w:ins w:id="5" {AUTHOR}><w:r><w:t>New paragraph</w:t></w:r></w:ins></w:p>'
        "<w:p><w:r><w:rPr><w:b/>"
        f'<w:rPrChange w:id="6" {AUTHOR}><w:rPr/></w:rPrChange></w:rPr><w:t>Now bold</w:t></w:r></w:p>'
    ))
    path = save(document, tmp_path / "revised.docx")
    accepted, original = read_docx(path), read_docx(path, "original")
    assert [b.text for b in accepted.blocks] == [
        "PP Resolutions 71, 139", "Joined paragraph", "New paragraph", "Now bold"]
    assert [b.text for b in original.blocks] == [
        "PP Resolutions 64, 139", "Joined", "paragraph", "Now bold"]
    assert (accepted.blocks[-1].bold, original.blocks[-1].bold) == (True, False)
    assert [b.loc.paragraph for b in accepted.blocks] == [0, 1, 3, 4]
    assert all(b.revised for b in accepted.blocks)
    assert [(r.type, r.id, r.text, r.author, r.loc.paragraph) for r in accepted.revisions] == [
        ("delete", "1", "64, ", "Delegate A", 0),
        ("insert", "2", "71, ", "Delegate A", 0),
        ("paragraph-delete", "3", "", "Delegate A", 1),
        ("paragraph-insert", "4", "", "Delegate A", 3),
        ("insert", "5", "New paragraph", "Delegate A", 3),
        ("format", "6", "Now bold", "Delegate A", 4),
    ]
    assert accepted.revisions == original.revisions


def test_table_row_revisions_follow_the_view(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    for r, words in enumerate([("Region", "Initiative"), ("AFR", "AFR3"), ("ASP", "ASP5")]):
        for c, word in enumerate(words):
            table.cell(r, c).text = word
    rows = table._tbl.findall(qn("w:tr"))
    rows[1].insert(0, xml(f'<w:trPr><w:del w:id="7" {AUTHOR}/></w:trPr>')[0])
    rows[2].insert(0, xml(f'<w:trPr><w:ins w:id="8" {AUTHOR}/></w:trPr>')[0])
    path = save(document, tmp_path / "rows.docx")
    assert read_docx(path).blocks[0].text == "Region | Initiative\nASP | ASP5"
    assert read_docx(path, "original").blocks[0].text == "Region | Initiative\nAFR | AFR3"
    revisions = [(r.type, r.text, r.loc.row) for r in read_docx(path).revisions]
    assert revisions == [("row-delete", "AFR\nAFR3", 1), ("row-insert", "ASP\nASP5", 2)]


def test_inline_content_fields_controls_and_special_characters(tmp_path: Path) -> None:
    document = docx.Document()
    add_body(document, (
        '<w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:sdt><w:sdtPr><w:alias w:val="Symbol"/></w:sdtPr><w:sdtContent><w:r><w:t xml:space="preserve"> of TDAG</w:t></w:r>'
        "</w:sdtContent></w:sdt>"
        '<w:r><w:noBreakHyphen/><w:t>24</w:t><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t>'
        '<w:sym w:font="Symbol" w:char="F0B3"/><w:softHyphen/></w:r>'
        '<w:hyperlink r:id="rId99" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<w:r><w:t xml:space="preserve"> link</w:t></w:r></w:hyperlink></w:p>'
    ))
    assert texts(save(document, tmp_path / "inline.docx")) == ["Page 3 of TDAG-24\tx\ny≥ link"]


def _emoji(char: str, code: str) -> str:
    """A run as Word 2016+ writes an emoji: a w16se:symEx Choice, the character as text in the Fallback."""
    return (
        '<w:r><mc:AlternateContent xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex">'
        '<mc:Choice Requires="w16se"><w:rPr><w:rFonts w:ascii="Segoe UI Emoji"/></w:rPr>'
        f'<w16se:symEx w16se:font="Segoe UI Emoji" w16se:char="{code}"/></mc:Choice>'
        f"<mc:Fallback><w:t>{char}</w:t></mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_alternate_content_reads_the_fallback_of_a_choice_it_does_not_understand(tmp_path: Path) -> None:
    """Markup compatibility: a Choice is read only when the reader knows every namespace it Requires
    (wps text boxes); a w16se:symEx emoji is read from its Fallback, in a paragraph and a cell."""
    status = '<w:p><w:r><w:t xml:space="preserve">Target 1.1 status: </w:t></w:r>{}<w:r><w:t xml:space="preserve"> on track.</w:t></w:r></w:p>'
    cell = '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Done</w:t></w:r></w:p></w:tc><w:tc><w:p>{}</w:p></w:tc></w:tr></w:tbl>'
    known = (
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>Choice text</w:t></mc:Choice>'
        "<mc:Fallback><w:t>Fallback text</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        '<w:p><w:r><mc:AlternateContent xmlns:x9="urn:example:unknown"><mc:Choice Requires="wps x9">'
        "<w:t>Choice of an unknown namespace</w:t></mc:Choice>"
        "<mc:Fallback><w:t>Its fallback</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    read = []
    for name, (char, code) in {"a": ("\u2705", "2705"), "b": ("\u274c", "274C")}.items():
        document = docx.Document()
        add_body(document, status.format(_emoji(char, code)) + cell.format(_emoji("\U0001f600", "1F600")) + known)
        read.append(read_docx(save(document, tmp_path / f"emoji-{name}.docx")).blocks)
    blocks = read[0]
    assert [b.text for b in blocks if b.type == "paragraph"] == [
        "Target 1.1 status: \u2705 on track.", "Choice text", "Its fallback"]
    assert [c.text for c in blocks[1].rows[0]] == ["Done", "\U0001f600"]
    assert read[1][0].text == "Target 1.1 status: \u274c on track."


def test_alternate_content_round_a_row_or_a_cell_reads_its_branch(tmp_path: Path) -> None:
    """Found in review: a table row or a cell inside mc:AlternateContent was lost, both branches,
    where the same wrapper round a paragraph reads its branch. Rows and cells are unwrapped as
    paragraphs are: the Fallback of a Choice the reader does not know, else the Choice."""
    def tc(text: str) -> str:
        return f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    def alt(choice: str, fallback: str, requires: str) -> str:
        return (f'<mc:AlternateContent xmlns:x9="urn:example:unknown"><mc:Choice Requires="{requires}">{choice}'
                f"</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent>")

    table = ("<w:tbl><w:tr>" + tc("Region") + tc("Initiatives") + "</w:tr>"
             + alt("<w:tr>" + tc("Choice row") + tc("unread") + "</w:tr>", "<w:tr>" + tc("AFR") + tc("AFR1, AFR2") + "</w:tr>", "x9")
             + "<w:tr>" + tc("EUR") + alt(tc("EUR1, EUR2"), tc("unread"), "wps") + "</w:tr></w:tbl>")
    document = docx.Document()
    add_body(document, table)
    [block] = read_docx(save(document, tmp_path / "alternate-rows.docx")).blocks
    assert [[c.text for c in row] for row in block.rows or []] == [
        ["Region", "Initiatives"], ["AFR", "AFR1, AFR2"], ["EUR", "EUR1, EUR2"]]


def test_wingdings_check_and_ballot_marks_are_their_own_characters(tmp_path: Path) -> None:
    """w:sym Wingdings ballot and check marks read as Unicode's (0xFB was read as a bullet "•");
    Wingdings 2 and Symbol keep their own tables."""
    def sym(font: str, code: str) -> str:
        return f'<w:r><w:t xml:space="preserve"> </w:t><w:sym w:font="{font}" w:char="{code}"/></w:r>'

    marks = "".join(sym("Wingdings", code) for code in ("F0FB", "F0FC", "F0FD", "F0FE", "F0A8", "F06F", "F0A7"))
    others = sym("Symbol", "F0B3") + sym("Wingdings 2", "F0FB")
    document = docx.Document()
    add_body(document, f"<w:p><w:r><w:t>Marks:</w:t></w:r>{marks}</w:p><w:p><w:r><w:t>Others:</w:t></w:r>{others}</w:p>")
    assert texts(save(document, tmp_path / "marks.docx")) == ["Marks: ✗ ✓ ☒ ☑ ◻ □ ▪", "Others: ≥ •"]


def test_symbol_font_text_as_libreoffice_saves_it_reads_as_its_w_sym(tmp_path: Path) -> None:
    """LibreOffice saves a w:sym as its private-use code point typed in a run set in the symbol
    font: "\uf0b0" in Symbol for "°". Each reads as the w:sym would, so a Word file and its
    LibreOffice re-save have the same text and diff clean; a private-use character in another
    font is left as it is."""
    def sym(font: str, code: str) -> str:
        return f'<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>'

    def typed(font: str, code: str, attrs: str = "w:ascii=\"{f}\" w:hAnsi=\"{f}\"") -> str:
        fonts = attrs.format(f=font)
        return f'<w:r><w:rPr><w:rFonts {fonts}/></w:rPr><w:t>{chr(int(code, 16))}</w:t></w:r>'

    def run(text: str) -> str:
        return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'

    def body(mark) -> str:
        return (
            para("Implementation framework", style="Heading1")
            + "<w:p>" + run("Equipment must work from 20") + mark("Symbol", "F0B0") + run("C to 40")
            + mark("Symbol", "F0B0") + run("C, with coverage ") + mark("Symbol", "F0B3") + run(" 95% and ")
            + mark("Symbol", "F061") + run(" of 0.5.") + "</w:p>"
            + "<w:p>" + run("Status: done ") + mark("Wingdings", "F0FC") + run(", open ") + mark("Wingdings", "F0FB")
            + run(".") + "</w:p>"
        )

    paths = []
    for name, mark in (("word", sym), ("libreoffice", typed)):
        document = docx.Document()
        add_body(document, body(mark))
        paths.append(save(document, tmp_path / f"{name}.docx"))
    expected = ["Implementation framework", "Equipment must work from 20°C to 40°C, with coverage ≥ 95% and α of 0.5.",
                "Status: done ✓, open ✗."]
    assert texts(paths[0]) == texts(paths[1]) == expected
    result = json.loads(run_cli("diff", str(paths[0]), str(paths[1]), "--all", "-f", "json").stdout)
    assert result["changes"] == []

    document = docx.Document()
    add_body(document, "<w:p>" + run("Only Symbol runs map: ") + typed("Symbol", "F0B3", 'w:ascii="Arial" w:hAnsi="Symbol"')
             + typed("Calibri", "F0B3") + "</w:p>")
    assert texts(save(document, tmp_path / "fonts.docx")) == ["Only Symbol runs map: ≥\uf0b3"]


def test_hidden_text_is_not_read_and_shown_text_is(tmp_path: Path) -> None:
    """Runs set hidden (w:vanish, directly or by their character or paragraph style) are neither
    shown nor printed by Word, so they are not read; a hidden paragraph mark, a vanish turned off
    and a note in a hidden run hide nothing; a tracked formatting change that hid a run shows it in
    the original view."""
    document = docx.Document()
    document.styles.add_style("Tag_RefNo", WD_STYLE_TYPE.CHARACTER).element.get_or_add_rPr().append(
        xml("<w:vanish/>")[0])
    document.styles.add_style("Instructions", WD_STYLE_TYPE.PARAGRAPH).element.get_or_add_rPr().append(
        xml("<w:vanish/>")[0])

    def run(text: str, rpr: str = "") -> str:
        return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'

    add_body(document, "".join([
        para("Rural communications", style="Heading1"),
        "<w:p>" + run("Rural populations will need ") + run("HIDDENWORDS ", "<w:vanish/>")
        + run("telephony and broadband access.") + "</w:p>",
        "<w:p>" + run("Reference ") + run("[REF-0042] ", '<w:rStyle w:val="Tag_RefNo"/>') + run("WTDC Resolution 37.")
        + "</w:p>",
        '<w:p><w:pPr><w:pStyle w:val="Instructions"/></w:pPr>' + run("Delete this instruction before sending.")
        + "</w:p>",
        "<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>" + run("A paragraph whose mark is hidden") + "</w:p>",
        "<w:p>" + run("still shows its words, and ") + run("these too.", '<w:vanish w:val="0"/>') + "</w:p>",
        "<w:p>" + run("Noted") + '<w:r><w:rPr><w:vanish/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
        + run(" here.") + "</w:p>",
        "<w:p>" + run("Coverage ") + run("was hidden later ", f'<w:vanish/><w:rPrChange w:id="5" {AUTHOR}><w:rPr/></w:rPrChange>')
        + run("in the new text.") + "</w:p>",
    ]))
    path = save(document, tmp_path / "hidden.docx")
    add_part(path, "footnotes.xml",
             f'<w:footnotes {DECLS}><w:footnote w:id="1"><w:p>{run("The note of the hidden mark.")}</w:p></w:footnote>'
             "</w:footnotes>", "footnotes", FOOTNOTE_TYPE)
    shown = [
        "Rural communications", "Rural populations will need telephony and broadband access.",
        "Reference WTDC Resolution 37.", "A paragraph whose mark is hidden", "still shows its words, and these too.",
        "Noted here.",
    ]
    assert texts(path) == [*shown, "Coverage in the new text."]
    assert texts(path, "original") == [*shown, "Coverage was hidden later in the new text."]
    assert [note.text for note in read_docx(path).footnotes] == ["The note of the hidden mark."]


def _fld(kind: str) -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'


def _instr(code: str) -> str:
    return f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'


def _t(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_nested_field_results_in_a_field_code_are_not_text(tmp_path: Path) -> None:
    """Only the outermost field's result shows: the merge field's "Approved" in the IF field's code
    is not text, so two documents that show the same words read the same; a field's code may span
    paragraphs, and an unclosed field in a cell does not hide the next cell."""
    def status(merged: str) -> str:
        return ("<w:p>" + _t("Status: ") + _fld("begin") + _instr(" IF ") + _fld("begin")
                + _instr(" MERGEFIELD Status ") + _fld("separate") + _t(merged) + _fld("end")
                + _instr(' = "Approved" "final result" "pending" ') + _fld("separate") + _t("final result")
                + _fld("end") + _t(" end.") + "</w:p>")

    spanning = ("<w:p>" + _t("Before ") + _fld("begin") + _instr(' IF 1 = 1 "') + "</w:p>"
                + "<w:p>" + _t("code paragraph") + _instr('" ') + _fld("separate") + _t("shown") + "</w:p>"
                + "<w:p>" + _t("still shown") + _fld("end") + _t(" after") + "</w:p>")
    cells = ('<w:tbl><w:tr><w:tc><w:p>' + _t("Cell ") + _fld("begin") + _instr(" PAGE ") + "</w:p></w:tc>"
             '<w:tc><w:p>' + _t("next cell") + "</w:p></w:tc></w:tr></w:tbl>")
    read = []
    for merged in ("Approved", "Rejected"):
        document = docx.Document()
        add_body(document, status(merged) + spanning + cells)
        read.append(read_docx(save(document, tmp_path / f"fields-{merged}.docx")).blocks)
    assert [b.text for b in read[0][:4]] == ["Status: final result end.", "Before", "shown", "still shown after"]
    assert [c.text for c in read[0][4].rows[0]] == ["Cell", "next cell"]
    assert [b.text for b in read[1]] == [b.text for b in read[0]]


CHUNK_REL = "aFChunk"


def _chunked(tmp_path: Path, name: str, content: str | bytes, content_type: str) -> Path:
    """A document with a w:altChunk importing part `name` between two paragraphs."""
    document = docx.Document()
    rid = "rIdTest" + name.replace(".", "")
    add_body(document, '<w:p><w:r><w:t>Before the chunk</w:t></w:r></w:p>'
             f'<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{rid}"/>'
             '<w:p><w:r><w:t>After the chunk</w:t></w:r></w:p>')
    path = save(document, tmp_path / f"{name}.docx")
    add_part(path, name, content, CHUNK_REL, content_type)
    return path


def test_alt_chunk_html_is_read_in_place_and_another_kind_is_reported(tmp_path: Path) -> None:
    """An imported HTML part (w:altChunk) is read where it stands, with the HTML reader, and takes no
    paragraph index of its own; an RTF part is not read, and says so in Source.warnings and in one
    `trace: warning:` line, though `diff FILE.docx` reads the file twice."""
    html = ("<html><body><h2>Imported heading</h2><p>Alt chunk paragraph about WTDC Resolution 37.</p>"
            "<table><tr><td>AFR</td><td>Broadband maps</td></tr></table></body></html>")
    raw = read_docx(_chunked(tmp_path, "chunk.html", html, "text/html"))
    assert [(b.type, b.text, b.loc.paragraph) for b in raw.blocks] == [
        ("paragraph", "Before the chunk", 0), ("heading", "Imported heading", 1),
        ("paragraph", "Alt chunk paragraph about WTDC Resolution 37.", 1), ("table", "AFR | Broadband maps", 1),
        ("paragraph", "After the chunk", 1)]
    assert [(c.loc.paragraph, c.loc.row, c.loc.col) for c in raw.blocks[3].rows[0]] == [(1, 0, 0), (1, 0, 1)]
    assert raw.source.warnings == ()
    rtf = _chunked(tmp_path, "chunk.rtf", b"{\\rtf1 Imported RTF text}", "application/rtf")
    with pytest.warns(InputWarning, match=r"imported content word/chunk.rtf \(application/rtf, w:altChunk\) is not read"):
        raw = read_docx(rtf)
    assert [b.text for b in raw.blocks] == ["Before the chunk", "After the chunk"]
    assert raw.source.warnings == ("imported content word/chunk.rtf (application/rtf, w:altChunk) is not read: "
                                   "its text is missing",)
    result = run_cli("diff", str(rtf))
    assert result.stderr == f"trace: warning: {rtf}: {raw.source.warnings[0]}\n"


def test_a_redline_of_changed_imported_content_says_it_cannot_mark_it(tmp_path: Path) -> None:
    """Two files whose imported HTML (w:altChunk) differs: diff reports the change, and the Word
    redline, which cannot put revision marks inside an imported part, says so on stderr (a review
    found it silent, Reject All then keeping NEW's text)."""
    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    old_dir.mkdir()
    new_dir.mkdir()
    old = _chunked(old_dir, "chunk.html", "<html><body><p>Chunk paragraph about old content.</p></body></html>", "text/html")
    new = _chunked(new_dir, "chunk.html", "<html><body><p>Chunk paragraph about new content.</p></body></html>", "text/html")
    assert "[-old-]{+new+}" in run_cli("diff", str(old), str(new)).stdout
    result = run_cli("diff", str(old), str(new), "-f", "docx", "-o", str(tmp_path / "redline.docx"))
    assert result.returncode == 1
    assert "imported content (w:altChunk) differs between the files: the redline cannot mark changes" in result.stderr
    same = run_cli("diff", str(old), str(old), "-f", "docx", "-o", str(tmp_path / "same.docx"))
    assert "w:altChunk" not in same.stderr


def test_an_unreadable_chunk_is_a_warning_not_an_unreadable_document(tmp_path: Path) -> None:
    """An imported part typed text/html that holds binary bytes: the body is read and the part
    named in a warning (a review found the whole .docx refused, exit 2)."""
    garbage = _chunked(tmp_path, "chunk.html", random.Random(3).randbytes(2048), "text/html")
    with pytest.warns(InputWarning, match=r"imported content word/chunk.html \(w:altChunk\) is not read: binary data"):
        raw = read_docx(garbage)
    assert [b.text for b in raw.blocks] == ["Before the chunk", "After the chunk"]


@pytest.mark.parametrize("name, unit, kind", [("chunk.txt", "x\n", "text/plain"), ("chunk.html", "<p>a", "text/html")])
def test_an_imported_part_is_held_to_the_limits_of_a_text_or_html_file(monkeypatch, tmp_path: Path, name, unit, kind) -> None:
    """Found by a red team: an imported part may be 16 MB, and 15 MB of `x` lines took 2.2 GB, of
    `<p>a` 1.1 GB. A part over --max-text-mb, or a text part over --max-text-lines, is not read,
    as a text or HTML file would not be: a warning names it, and the body is read."""
    path = _chunked(tmp_path, name, unit * 3_000, kind)  # 6 KB or 12 KB, 3,000 lines
    monkeypatch.setenv("TRACE_MAX_TEXT_MB", "0.005")
    with pytest.warns(InputWarning, match=rf"imported content word/{name} \(w:altChunk\) is not read: it is [\d,]+ bytes, over"
                                          r" the limit of 0\.005 MB \(trace --max-text-mb N"):
        raw = read_docx(path)
    assert [b.text for b in raw.blocks] == ["Before the chunk", "After the chunk"]
    monkeypatch.delenv("TRACE_MAX_TEXT_MB")
    monkeypatch.setenv("TRACE_MAX_TEXT_LINES", "2000")
    if kind == "text/plain":
        with pytest.warns(InputWarning, match=r"is not read: it has 3,000 lines, over the limit of 2,000"):
            assert len(read_docx(path).blocks) == 2
    monkeypatch.setenv("TRACE_MAX_TEXT_LINES", "4000")
    assert len(read_docx(path).blocks) == 3_002


def test_a_part_encrypted_in_the_zip_is_one_line(tmp_path: Path) -> None:
    """Found by a red team: a .docx whose document.xml has the ZIP entry's "encrypted" flag ended in
    "internal error: RuntimeError" (zipfile wants a password), and stopped `trace check` on a folder."""
    path = save(docx.Document(), tmp_path / "flagged.docx")
    data = bytearray(path.read_bytes())
    name = b"word/document.xml"
    for signature, flags, name_length, header in ((b"PK\x03\x04", 6, 26, 30), (b"PK\x01\x02", 8, 28, 46)):
        at = data.find(signature)
        while at >= 0:
            length = int.from_bytes(data[at + name_length:at + name_length + 2], "little")
            if bytes(data[at + header:at + header + length]) == name:
                data[at + flags] |= 1
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    result = run_cli("extract", str(path), "-f", "json")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"trace: {path}: part word/document.xml is encrypted (a password-protected ZIP entry): cannot read it"]


# ------------------------------------------------------------------ bad input


def test_entity_declaring_xml_is_refused(tmp_path: Path) -> None:
    path = save(docx.Document(), tmp_path / "ent.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(buffer, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(
                    b"?>", b'?><!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;">]>', 1)
                data = data.replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p>", 1)
            zout.writestr(info, data)
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputError) as err:
        read_docx(path)
    assert err.value.problem == "XML in word/document.xml declares entities (refused: possible entity-expansion attack)"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (random.Random(7).randbytes(4096), "not a Word .docx file (not a ZIP package)"),
        (b"Objective 2 - Modern and secure telecommunication infrastructure\n", "not a Word .docx file (not a ZIP package)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024), "a legacy Word 97-2003 document, not a .docx; save as .docx or .pdf"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512) + "EncryptedPackage".encode("utf-16-le"),
            "password-protected (encrypted) Word document; remove the password and save again",
        ),
    ],
    ids=["random-bytes", "text-file", "ole-doc", "encrypted"],
)
def test_files_that_are_not_docx(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "input.docx"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_docx(path)
    assert err.value.problem == problem
    assert str(err.value) == f"{path}: {problem}"


def test_zip_without_document_and_corrupt_xml(tmp_path: Path) -> None:
    empty_zip = tmp_path / "sheet.docx"
    with zipfile.ZipFile(empty_zip, "w") as zout:
        zout.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match="no word/document.xml"):
        read_docx(empty_zip)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as zout:
        zout.writestr("word/document.xml", f"<w:document {DECLS}><w:body><w:p>")
    with pytest.raises(InputError, match=r"^.*broken\.docx: corrupt XML in word/document\.xml: "):
        read_docx(broken)
    with pytest.raises(InputError, match="no such file"):
        read_docx(tmp_path / "missing.docx")


def test_num_style_link_takes_levels_from_the_list_style(tmp_path: Path) -> None:
    document = docx.Document()
    list_style = document.styles.add_style("ITU List", WD_STYLE_TYPE.PARAGRAPH)
    list_style.element.set(qn("w:type"), "numbering")
    list_style.element.get_or_add_pPr().append(xml('<w:numPr><w:numId w:val="9"/></w:numPr>')[0])
    set_numbering(document, (
        '<w:abstractNum w:abstractNumId="30"><w:styleLink w:val="ITUList"/>'
        + level(0, "upperLetter", "%1.") + level(1, "decimal", "%1.%2")
        + "</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="31"><w:numStyleLink w:val="ITUList"/></w:abstractNum>'
        '<w:num w:numId="8"><w:abstractNumId w:val="31"/></w:num>'
        '<w:num w:numId="9"><w:abstractNumId w:val="30"/></w:num>'
    ))
    add_body(document, para("Annex", 8, 0) + para("Clause", 8, 1) + para("Second annex", 8, 0))
    blocks = read_docx(save(document, tmp_path / "link.docx")).blocks
    assert [(b.label, b.text) for b in blocks] == [("A.", "Annex"), ("A.1", "Clause"), ("B.", "Second annex")]


def test_props_child_finds_a_properties_element_wherever_a_producer_put_it() -> None:
    from lxml import etree

    from actionplan_trace.extract.docx.ooxml import W_NS, W_RPR, props_child

    def run(inner: str) -> etree._Element:
        return etree.fromstring(f'<w:r xmlns:w="{W_NS}">{inner}</w:r>')

    first = run("<w:rPr><w:b/></w:rPr><w:t>a</w:t>")
    late = run("<w:t>a</w:t><w:rPr><w:i/></w:rPr>")
    for el in (first, late, run("<w:t>a</w:t>"), run(""), run("<w:t>a</w:t><w:t>b</w:t>")):
        assert props_child(el, W_RPR) is el.find(W_RPR)
    assert props_child(late, W_RPR) is not None and props_child(late, W_RPR)[0].tag.endswith("}i")


@pytest.mark.parametrize("part, doctype, use", [
    ("word/document.xml",
     b'<!DOCTYPE w:document [<!ENTITY a "hahahahahahahahahaha">' + b"".join(
         b'<!ENTITY %s "%s">' % (b"b" + str(k).encode(), (b"&b" + str(k - 1).encode() + b";") * 10 if k else b"&a;" * 10)
         for k in range(8)) + b"]>",
     b"<w:body><w:p><w:r><w:t>&b7;</w:t></w:r></w:p>"),
    ("word/styles.xml",
     b'<!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', None),
    ("word/document.xml",  # "]>" in a comment before the declarations: no end of the subset there
     b'<!DOCTYPE w:document [<!-- ]> --><!ENTITY a "hahahahahahahahahaha">' + b"".join(
         b'<!ENTITY %s "%s">' % (b"b" + str(k).encode(), (b"&b" + str(k - 1).encode() + b";") * 10 if k else b"&a;" * 10)
         for k in range(8)) + b"]>",
     b"<w:body><w:p><w:r><w:t>&b7;</w:t></w:r></w:p>"),
    ("word/document.xml",  # a "<!--" inside a processing instruction opens no comment
     b'<!DOCTYPE w:document [<?x <!-- ?><!ENTITY x SYSTEM "file:///etc/passwd"><?y --> ?>]>',
     b'<w:body><w:p><w:pPr><w:pStyle w:val="&x;"/></w:pPr></w:p>'),
    ("word/document.xml",  # nor one inside a quoted literal, whatever "-->" the text holds later
     b'<!DOCTYPE w:document SYSTEM "<!--" [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
     b'<w:body><w:p><w:r><w:t>--></w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="&x;"/></w:pPr></w:p>'),
], ids=["billion-laughs", "external-entity-in-styles", "bracket-in-a-subset-comment", "comment-in-a-pi",
        "comment-in-a-literal"])
def test_every_entity_attack_is_one_line_of_the_same_words(tmp_path: Path, part, doctype, use) -> None:
    """libxml2 stops an exponential expansion at its amplification limit, and an external entity
    in an attribute, before the parse ends: those were "corrupt XML …: Maximum entity
    amplification factor exceeded, see xmlCtxtSetMaxAmplification." — its own words. Now every
    entity attack reads as the declaration check's line."""
    path = save(docx.Document(), tmp_path / "ent.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(buffer, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                data = data.replace(b"?>", b"?>" + doctype, 1)
                if use is not None:
                    data = data.replace(b"<w:body>", use, 1)
                else:
                    data = data.replace(b'w:styleId="Normal"', b'w:styleId="&xxe;"', 1)
            zout.writestr(info, data)
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputError) as err:
        read_docx(path)
    assert err.value.problem == f"XML in {part} declares entities (refused: possible entity-expansion attack)"


def _with_part(tmp_path: Path, part: str, change) -> Path:
    """A python-docx document whose `part` is `change(part's bytes)`."""
    path = save(docx.Document(), tmp_path / "part.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(buffer, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, change(data) if info.filename == part else data)
    path.write_bytes(buffer.getvalue())
    return path


def test_an_entity_attack_in_a_utf16_part_reads_as_one(tmp_path: Path) -> None:
    """XML may be written in UTF-16, where "<!ENTITY" is not those bytes: a billion laughs in a
    UTF-16 document.xml read as libxml2's "corrupt XML …: Maximum entity amplification …"."""
    laughs = '<!DOCTYPE w:document [<!ENTITY a "hahahahahahahahahaha">' + "".join(
        f'<!ENTITY b{k} "{(f"&b{k - 1};" if k else "&a;") * 10}">' for k in range(8)) + "]>"

    def utf16(data: bytes) -> bytes:
        text = data.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
        text = text.replace("?>", "?>" + laughs, 1).replace("<w:body>", "<w:body><w:p><w:r><w:t>&b7;</w:t></w:r></w:p>", 1)
        return text.encode("utf-16")

    with pytest.raises(InputError) as err:
        read_docx(_with_part(tmp_path, "word/document.xml", utf16))
    assert err.value.problem == "XML in word/document.xml declares entities (refused: possible entity-expansion attack)"


def test_a_corrupt_part_that_only_mentions_entity_declarations_is_corrupt(tmp_path: Path) -> None:
    """An undefined entity ("&nbsp;" typed by an HTML tool) in a part whose comment quotes
    "<!ENTITY" is a corrupt part, not an attack: no document type declaration declares anything."""
    def broken(data: bytes) -> bytes:
        return data.replace(b"<w:body>", b"<w:body><!-- no <!ENTITY here --><w:p><w:r><w:t>a&nbsp;b</w:t></w:r></w:p>", 1)

    with pytest.raises(InputError) as err:
        read_docx(_with_part(tmp_path, "word/document.xml", broken))
    assert err.value.problem.startswith("corrupt XML in word/document.xml: Entity 'nbsp' not defined")


@pytest.mark.parametrize("quote", [b"<!-- a template once held <!ENTITY nbsp \"&#160;\"> here -->",
                                   b"<w:p><w:r><w:t><![CDATA[<!ENTITY nbsp>]]></w:t></w:r></w:p>"],
                         ids=["comment", "cdata"])
def test_a_declaration_without_entities_and_a_quoted_one_after_it_is_corrupt(tmp_path: Path, quote: bytes) -> None:
    """A document type declaration with no internal subset (`<!DOCTYPE w:document>`, which declares
    nothing) and, later in the part, a comment or CDATA section quoting "<!ENTITY": an undefined
    "&nbsp;" there is a corrupt part, as it is without the declaration; only a declaration in
    markup counts, not one quoted in a comment or text."""
    def broken(data: bytes) -> bytes:
        data = data.replace(b"?>", b"?><!DOCTYPE w:document>", 1)
        return data.replace(b"<w:body>", b"<w:body>" + quote + b"<w:p><w:r><w:t>a&nbsp;b</w:t></w:r></w:p>", 1)

    with pytest.raises(InputError) as err:
        read_docx(_with_part(tmp_path, "word/document.xml", broken))
    assert err.value.problem.startswith("corrupt XML in word/document.xml: Entity 'nbsp' not defined")


DOCX_CHUNK_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _imported_docx(tmp_path: Path, name: str = "inner") -> bytes:
    """A whole .docx, as a document assembler imports it: a heading, a paragraph and a table."""
    inner = docx.Document()
    inner.add_heading("Imported annex", level=2)
    inner.add_paragraph("The annex supports WTDC Resolution 37 (Rev. Buenos Aires, 2017).")
    table = inner.add_table(rows=2, cols=2)
    for r, row in enumerate((("Region", "Initiative"), ("AFR", "Broadband maps"))):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return save(inner, tmp_path / f"{name}.docx").read_bytes()


@pytest.mark.parametrize("content_type, part", [(DOCX_CHUNK_TYPE, "chunk.docx"), ("", "chunk.docx")],
                         ids=["typed", "by-extension"])
def test_an_imported_docx_is_read_in_place(tmp_path: Path, content_type, part) -> None:
    """A w:altChunk importing a whole .docx (mail merge, document assembly) was a warning and its
    text was lost; it is now read by a reader of its own, in the same view, placed at the chunk."""
    path = _chunked(tmp_path, part, _imported_docx(tmp_path), content_type or "application/octet-stream")
    if not content_type:  # no Override: the extension tells the kind
        data = path.read_bytes()
        buffer = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                body = zin.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    body = body.replace(b'<Override PartName="/word/chunk.docx" ContentType="application/octet-stream"/>', b"")
                zout.writestr(info, body)
        path.write_bytes(buffer.getvalue())
    raw = read_docx(path)
    assert [(b.type, b.text, b.loc.paragraph) for b in raw.blocks] == [
        ("paragraph", "Before the chunk", 0), ("paragraph", "Imported annex", 1),
        ("paragraph", "The annex supports WTDC Resolution 37 (Rev. Buenos Aires, 2017).", 1),
        ("table", "Region | Initiative\nAFR | Broadband maps", 1), ("paragraph", "After the chunk", 1)]
    assert raw.blocks[1].style == "Heading 2" and raw.blocks[1].outline_level == 1
    assert [(c.loc.paragraph, c.loc.row, c.loc.col) for c in raw.blocks[3].rows[1]] == [(1, 1, 0), (1, 1, 1)]
    assert raw.source.warnings == ()


def test_an_imported_docx_shares_the_size_budget_and_is_not_followed_further(tmp_path: Path, monkeypatch) -> None:
    """The imported package draws on its holder's decompressed-size budget, so a file of imported
    bombs stops as one; a .docx imported by an imported .docx is a warning."""
    inner = _chunked(tmp_path, "deep.docx", _imported_docx(tmp_path, "deepest"), DOCX_CHUNK_TYPE).read_bytes()
    nested = _chunked(tmp_path, "chunk.docx", inner, DOCX_CHUNK_TYPE)
    with pytest.warns(InputWarning, match=r"a \.docx inside an imported \.docx\) is not read"):
        raw = read_docx(nested)
    assert [b.text for b in raw.blocks] == ["Before the chunk", "Before the chunk", "After the chunk", "After the chunk"]
    monkeypatch.setenv("TRACE_MAX_DOCX_MB", "0.5")  # the holder alone reads about 0.35 MB
    with pytest.raises(LimitError, match=r"imported content word/chunk\.docx: .*over the limit"):
        read_docx(_chunked(tmp_path, "chunk.docx", _imported_docx(tmp_path), DOCX_CHUNK_TYPE))


def test_a_tracked_insertion_written_in_pieces_is_one_revision(tmp_path: Path) -> None:
    """Word writes one w:ins per editing session's id (and proofing marks between them), so one
    typed insertion can be several marks: they are one revision with their whole text, in both
    views. Marks by another author, of another date or with text between them stay apart."""
    other = 'w:author="Delegate B" w:date="2024-03-01T10:00:00Z"'

    def ins(text: str, who: str = AUTHOR) -> str:
        return f'<w:ins w:id="1" {who}><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:ins>'

    document = docx.Document()
    add_body(document, "<w:p>" + ins("new ") + '<w:proofErr w:type="spellStart"/>' + ins("broad") + ins("band ")
             + '<w:bookmarkStart w:id="0" w:name="_Hlk1"/><w:bookmarkEnd w:id="0"/>' + ins("networks")
             + '<w:r><w:t xml:space="preserve"> for </w:t></w:r>' + ins("rural ") + ins("areas", other) + "</w:p>")
    path = save(document, tmp_path / "pieces.docx")
    for view in ("accepted", "original"):
        revisions = read_docx(path, view=view).revisions
        assert [(r.text, r.author) for r in revisions] == [
            ("new broadband networks", "Delegate A"), ("rural ", "Delegate A"), ("areas", "Delegate B")]


def test_digits_set_superscript_stay_apart_from_the_number_before_them(tmp_path: Path) -> None:
    """A note mark typed as a superscript digit ("Resolution 7" then a raised "1"), an exponent and
    a superscript ordinal: the digits are read as superscript characters, so that the mark does
    not run into the resolution's number (a review found "Resolution 71" and "WSIS-C53"), and the
    references are the ones the reader sees."""
    document = docx.Document()
    paragraph = document.add_paragraph("Implements WTDC Resolution 7")
    paragraph.add_run("1").font.superscript = True
    paragraph.add_run(" (Rev. Dubai, 2014) and WSIS Action Line C5")
    paragraph.add_run("3").font.superscript = True
    paragraph.add_run(", for 10")
    paragraph.add_run("6").font.superscript = True
    paragraph.add_run(" users, from the 1")
    paragraph.add_run("st").font.superscript = True
    paragraph.add_run(" year.")
    path = save(document, tmp_path / "raised.docx")
    assert texts(path) == ["Implements WTDC Resolution 7¹ (Rev. Dubai, 2014) and WSIS Action Line C5³, for 10⁶ users, "
                           "from the 1st year."]
    result = run_cli("refs", str(path), "-f", "json")
    refs = json.loads(result.stdout)["refs"]
    assert [(r["id"], r["text"], r["rev"]["year"] if r["rev"] else None) for r in refs] == [
        ("WTDC-RES-7", "WTDC Resolution 7", 2014), ("WSIS-C5", "WSIS Action Line C5", None)]
