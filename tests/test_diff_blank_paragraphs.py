"""Blank paragraphs added or removed anywhere in a .docx: in a table cell (of a table, of a table
row read as a section, of a box), in a text box, in a footnote and after the body's last block.
The diff compared them only in the body, before a block (Block.blanks): `--all` shows each now,
as one change of formatting where it is, and the default redline's Reject All gives OLD."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path
from typing import Callable

import docx
import pytest
from conftest import CORPUS
from docx.shared import Pt
from lxml import etree

from actionplan_trace.diff import compare
from actionplan_trace.extract.docx import read_docx
from actionplan_trace.render.diff_json import to_dict
from docx_edit import PARSER, W, DocxEditor, box_sections, text
from docxgen import region_table_document
from redline_oracle import make_redline, part

TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:drawing>'
    '<wp:inline><wp:extent cx="2914400" cy="857200"/><wp:docPr id="7" name="Text Box 1"/><a:graphic>'
    '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
    '<wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx>'
    '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
)


def _blank_after(p: etree._Element, count: int = 1) -> None:
    """`count` empty paragraphs after `p`, with its paragraph properties (as Enter on an empty line)."""
    for _ in range(count):
        blank = etree.SubElement(p.getparent(), f"{W}p")
        p.getparent().remove(blank)
        ppr = p.find(f"{W}pPr")
        if ppr is not None:
            blank.append(copy.deepcopy(ppr))
        p.addnext(blank)


def _edited(tmp_path: Path, name: str, where: str) -> Path:
    """objective2-old.docx with one blank paragraph added `where`."""
    editor = DocxEditor.open(CORPUS / "objective2-old.docx")
    body = editor.root.find(f"{W}body")
    if where == "region-cell":  # Output 2.1's Region table, after "AFR Region" in its cell
        table = [t for t in body.iter(f"{W}tbl")][1]
        cell = next(tc for tc in table.iter(f"{W}tc") if text(tc).strip() == "AFR Region")
        _blank_after(cell.findall(f"{W}p")[-1])
    elif where == "outcome-cell":  # the objective table's indicators cell of outcome 2.2, between two indicators
        cell = next(tc for tc in body.iter(f"{W}tc") if "Number of cybersecurity national strategies" in text(tc))
        _blank_after(cell.findall(f"{W}p")[0])
    elif where == "end":  # after the body's last paragraph
        last = [p for p in body if p.tag == f"{W}p"][-1]
        _blank_after(last, 2)
    elif where == "footnote":
        notes = etree.fromstring(editor.parts["word/footnotes.xml"], PARSER)
        note = next(n for n in notes.iter(f"{W}footnote") if n.get(f"{W}type") in (None, "normal"))
        _blank_after(note.findall(f"{W}p")[-1])
        editor.parts["word/footnotes.xml"] = etree.tostring(notes, xml_declaration=True, encoding="UTF-8", standalone=True)
    elif where == "box":  # Output 2.1 in a box (a one-column table read as its section), a blank in it
        box_sections(editor, r"^Output \d+\.\d+\s*(?:[–-]|$)", "one")
        cell = next(tc for tc in body.iter(f"{W}tc") if text(tc).startswith("Output 2.1"))
        p = next(p for p in cell.iter(f"{W}p") if text(p).startswith("Infrastructure is central"))
        _blank_after(p)
    return editor.save(tmp_path / f"{name}.docx")


def _boxed(tmp_path: Path) -> Path:
    editor = DocxEditor.open(CORPUS / "objective2-old.docx")
    box_sections(editor, r"^Output \d+\.\d+\s*(?:[–-]|$)", "one")
    return editor.save(tmp_path / "old.docx")


def _with_text_box(path: Path, blanks: int, font: str) -> Path:
    """A paragraph holding a text box of two paragraphs, `blanks` empty ones between them."""
    document = docx.Document()
    document.styles["Normal"].font.name, document.styles["Normal"].font.size = font, Pt(11)
    document.add_heading("Output 2.3 – Disaster risk reduction and emergency telecommunications", level=2)
    document.add_paragraph("Regional initiatives are summarised in the box below.")
    inner = ("<w:p><w:r><w:t>Emergency telecommunications</w:t></w:r></w:p>" + "<w:p/>" * blanks
             + "<w:p><w:r><w:t>Early-warning systems in every region</w:t></w:r></w:p>")
    document.add_paragraph("Box:")._p.append(etree.fromstring(TEXT_BOX.format(paragraphs=inner)))
    document.add_paragraph("Member States will be assisted in their preparedness.")
    document.save(str(path))
    return path


def _with_table(path: Path, blanks: int) -> Path:
    """A three-column table in Table Grid, Arial 9 pt, `blanks` empty paragraphs at the end of a
    cell of two paragraphs; then a closing paragraph."""
    document = docx.Document()
    document.styles["Normal"].font.name, document.styles["Normal"].font.size = "Arial", Pt(9)
    document.add_heading("Output 2.2 – Building confidence and security in the use of ICTs", level=2)
    table = document.add_table(rows=3, cols=3)
    table.style = document.styles["Table Grid"]
    rows = [("Region", "Regional initiatives", "Status"), ("CIS Region", "CIS3", "ongoing"), ("EUR Region", "EUR3", "new")]
    for tr, row in zip(table.rows, rows):
        for tc, value in zip(tr.cells, row):
            tc.text = value
    cell = table.rows[1].cells[1]
    cell.add_paragraph("Child online protection")
    for _ in range(blanks):
        cell.add_paragraph("")
    document.add_paragraph("Activities will be focused on capacity building.")
    document.save(str(path))
    return path


CASES = {
    "region-cell": ("removed", "“Region” column, row 2: blank paragraph", "paragraph 62, table row 2"),
    "outcome-cell": ("removed", "blank paragraph", "paragraph 2, table row 3"),
    "end": ("removed", "2 blank paragraphs", None),
    "footnote": ("removed", "blank paragraph", "footnote 1"),
}


@pytest.mark.parametrize("where", sorted(CASES))
def test_all_shows_a_blank_paragraph_removed_from_a_cell_a_note_or_the_end(tmp_path: Path, where: str) -> None:
    """NEW is objective2-old, OLD the same with blank paragraphs `where`: before, no difference
    even with --all; now one hidden change of formatting, shown with --all, where the blanks were."""
    old = _edited(tmp_path, "old", where)
    new = CORPUS / "objective2-old.docx"
    result = compare(old, new)
    assert result.visible() == []
    assert to_dict(result)["summary"]["hidden_by"] == {"formatting": 1}
    shown = result.visible(all_changes=True)
    kind, where_, at = CASES[where]
    assert [(c.kind, c.old, c.new, c.differences) for c in shown] == [(kind, "", None, ("formatting",))]
    assert shown[0].where == where_
    if at is not None:
        assert shown[0].at_old == at
    reverse = compare(new, old).visible(all_changes=True)
    assert [(c.kind, c.old, c.new, c.where) for c in reverse] == [("added", None, "", where_)]


def _pair(tmp_path: Path, make: Callable[..., Path], *args: object) -> tuple[Path, Path]:
    """OLD with blank paragraphs (`make(path, 1 or 2, …)`), NEW without."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    return make(tmp_path / "old.docx", 2 if make is _with_table else 1, *args), make(tmp_path / "new.docx", 0, *args)


@pytest.mark.parametrize("font", ["Calibri", "Times New Roman"])
def test_all_shows_blank_paragraphs_in_a_text_box_and_at_the_end_of_a_cell(tmp_path: Path, font: str) -> None:
    old, new = _pair(tmp_path / "box", _with_text_box, font)
    shown = compare(old, new).visible(all_changes=True)
    assert [(c.kind, c.where, c.at_old, c.differences) for c in shown] == [
        ("removed", "blank paragraph", "paragraph 3", ("formatting",))]
    old, new = _pair(tmp_path / "table", _with_table)
    result = compare(old, new)
    assert result.visible() == []
    assert [(c.kind, c.where, c.at_old) for c in result.visible(all_changes=True)] == [
        ("removed", "“Regional initiatives” column, row 2: 2 blank paragraphs", "paragraph 2, table row 2")]
    assert [(c.kind, c.where, c.at_new) for c in compare(new, old).visible(all_changes=True)] == [
        ("added", "“Regional initiatives” column, row 2: 2 blank paragraphs", "paragraph 2, table row 2")]


def test_all_shows_a_blank_paragraph_added_in_a_box_read_as_its_section(tmp_path: Path) -> None:
    """An output in a box (a one-column table whose cell holds the output's headings and text):
    a blank paragraph added in it is one, in the box's section."""
    boxed = _boxed(tmp_path)
    blank = _edited(tmp_path, "new", "box")
    result = compare(boxed, blank)
    assert result.visible() == []
    assert [(c.kind, c.section_new, c.where) for c in result.visible(all_changes=True)] == [
        ("added", "output-2.1/background", "blank paragraph")]


def test_a_blank_paragraph_before_an_added_paragraph_is_no_blank_paragraph_removed(tmp_path: Path) -> None:
    """A paragraph added after a blank one took that blank paragraph from the paragraph after
    it: --all reported a blank paragraph removed that both revisions have. Blank paragraphs are
    counted between the items both revisions hold in one place, with the paragraphs added
    between them."""
    def write(path: Path, added: bool) -> Path:
        document = docx.Document()
        document.add_heading("Output 2.1 – Products and services on telecommunication/ICT infrastructure", level=2)
        document.add_paragraph("Infrastructure is central for enabling universal access to ICTs.")
        document.add_paragraph("")
        if added:
            document.add_paragraph("Satellite connectivity will reach remote islands and mountain regions.")
        document.add_paragraph("Rural populations will need telephony and broadband access.", style="List Bullet")
        document.save(str(path))
        return path

    old, new = write(tmp_path / "old.docx", False), write(tmp_path / "new.docx", True)
    assert [(c.kind, c.new) for c in compare(old, new).visible(all_changes=True)] == [
        ("added", "Satellite connectivity will reach remote islands and mountain regions.")]


def _story_ends(data: bytes) -> list[etree._Element]:
    """The last paragraph of every story of a redline: the body, each table cell, text box and note."""
    body = part(data, "word/document.xml")
    stories = [body.find(f"{W}body"), *body.iter(f"{W}tc"), *body.iter(f"{W}txbxContent")]
    if "word/footnotes.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist():
        notes = part(data, "word/footnotes.xml")
        stories += [n for n in notes.iter(f"{W}footnote") if n.get(f"{W}type") in (None, "normal")]
    return [[p for p in story if p.tag == f"{W}p"][-1] for story in stories]


def _view(path: Path, view: str) -> tuple[list[object], list[object]]:
    """What the reader reads of `path` in `view`: each block's text, style and blank paragraphs,
    each table cell's text and blank paragraphs, each note's text and blank paragraphs."""
    raw = read_docx(path, view=view)
    blocks = [(b.text, b.style, len(b.blanks or ()), len(b.trailing or ()),
               [[(c.text, c.blanks) for c in row] for row in b.rows or ()]) for b in raw.blocks]
    return blocks, [(n.text, n.blanks) for n in raw.footnotes]


def _ending_in_a_list(path: Path, blanks: int) -> Path:
    """A short output whose body ends in a bullet (List Bullet, Georgia 12 pt), then `blanks` empty
    Normal paragraphs."""
    document = docx.Document()
    document.styles["Normal"].font.name, document.styles["Normal"].font.size = "Georgia", Pt(12)
    document.add_heading("Output 2.1 – Products and services on telecommunication/ICT infrastructure", level=2)
    document.add_paragraph("Activities will be focused on:")
    document.add_paragraph("assisting countries in maximizing the use of new technologies;", style="List Bullet")
    for _ in range(blanks):
        document.add_paragraph("")
    document.save(str(path))
    return path


@pytest.mark.parametrize("case", ["end", "footnote", "region-cell", "table", "text-box", "list-end"])
@pytest.mark.parametrize("forward", [True, False], ids=["removed", "added"])
def test_reject_all_of_the_default_redline_gives_old_where_a_story_ends_in_blank_paragraphs(
        tmp_path: Path, case: str, forward: bool) -> None:
    """Word keeps a story's last paragraph mark whatever marks it (the body's, a cell's, a note's,
    a text box's): blank paragraphs that end a story, marked inserted (deleted) on their own
    marks, stayed after Reject All (Accept All). The mark before them is marked instead, the last
    one left unmarked, and the joined paragraph keeps the properties of the one they follow."""
    if case in ("end", "footnote", "region-cell"):
        pair = _edited(tmp_path, "blank", case), CORPUS / "objective2-old.docx"
    elif case == "table":
        pair = _pair(tmp_path, _with_table)
    elif case == "text-box":
        pair = _pair(tmp_path, _with_text_box, "Cambria")
    else:
        pair = _ending_in_a_list(tmp_path / "old.docx", 2), _ending_in_a_list(tmp_path / "new.docx", 0)
    old, new = pair if forward else pair[::-1]
    out = tmp_path / "redline.docx"
    data, _ = make_redline(old, new, out)
    ends = _story_ends(data)
    assert [p for p in ends if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None or p.find(f"{W}pPr/{W}rPr/{W}del") is not None] == []
    assert _view(out, "original") == _view(old, "accepted")
    assert _view(out, "accepted") == _view(new, "accepted")


def _area(body: etree._Element, heading: str) -> list[etree._Element]:
    """A Heading 4 area of work of objective2-old (its heading and what follows up to the next heading)."""
    start = next(p for p in body if p.tag == f"{W}p" and text(p) == heading)
    out = [start]
    for el in start.itersiblings():
        style = el.find(f"{W}pPr/{W}pStyle")
        if el.tag != f"{W}p" or (style is not None and style.get(f"{W}val", "").startswith("Heading")):
            break
        out.append(el)
    return out


@pytest.mark.parametrize("kept", [True, False], ids=["blank-kept", "blank-removed"])
def test_a_moved_section_brings_its_blank_paragraphs(tmp_path: Path, kept: bool) -> None:
    """Blank paragraphs are counted where both revisions read items in one place; a section moved
    (its paragraphs read at two places) compares its own blank paragraphs with those it had."""
    def write(name: str, moved: bool, blank: bool) -> Path:
        editor = DocxEditor.open(CORPUS / "objective2-old.docx")
        body = editor.root.find(f"{W}body")
        area = _area(body, "Rural communications")
        if blank:
            _blank_after(area[1])
        if moved:
            area = _area(body, "Rural communications")
            for el in area:
                body.remove(el)
            anchor = _area(body, "Spectrum management")[-1]
            for el in reversed(area):
                anchor.addnext(el)
        return editor.save(tmp_path / f"{name}.docx")

    result = compare(write("old", False, True), write("new", True, kept))
    assert [(c.kind, c.target, c.where) for c in result.visible(all_changes=True)] == [
        ("moved", "section", None), *([] if kept else [("removed", "block", "blank paragraph")])]


def _outcome_cell_emptied(path: Path, blanks: int, nested: bool) -> Path:
    """objective2-old with outcome 2.2's indicators cell (a table row read as a section) emptied,
    holding `blanks` blank paragraphs past its one paragraph; `nested`: the cell holds instead a
    one-row table (Cambria 10 pt) whose second cell is empty but for `blanks` blank paragraphs."""
    document = docx.Document(str(CORPUS / "objective2-old.docx"))
    cell = document.tables[0].rows[2].cells[1]
    for p in cell.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    cell.paragraphs[0].text = "Indicators adopted at WTDC-17:" if nested else ""
    holder = cell
    if nested:
        inner = cell.add_table(rows=1, cols=2)
        inner.rows[0].cells[0].text = "Number of national CIRTs established"
        inner.rows[0].cells[0].paragraphs[0].runs[0].font.name = "Cambria"
        inner.rows[0].cells[0].paragraphs[0].runs[0].font.size = Pt(10)
        holder = inner.rows[0].cells[1]
        cell.add_paragraph("Source: ITU-D survey")
    for _ in range(blanks):
        holder.add_paragraph("")
    document.save(str(path))
    return path


def _empty_text_box(path: Path, blanks: int, font: str) -> Path:
    """`_with_text_box`'s document with a text box of no text: its one paragraph and `blanks` more."""
    document = docx.Document()
    document.styles["Normal"].font.name, document.styles["Normal"].font.size = font, Pt(10)
    document.add_heading("Output 2.3 – Disaster risk reduction and emergency telecommunications", level=2)
    document.add_paragraph("Regional initiatives are summarised in the box below.")
    inner = "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr></w:p>" + "<w:p/>" * blanks
    document.add_paragraph("Box:")._p.append(etree.fromstring(TEXT_BOX.format(paragraphs=inner)))
    document.add_paragraph("Member States will be assisted in their preparedness.")
    document.save(str(path))
    return path


def _nested_cell(path: Path, blanks: int, filled: bool) -> Path:
    """An output's Region table (Table Grid, Georgia 11 pt) whose initiatives cell holds a line and
    a nested table; the nested table's second cell holds words (`filled`) or none, then `blanks`
    blank paragraphs."""
    document, table = region_table_document("Georgia", 11, "Output 2.1 – Regional initiatives",
                                            [("Region", "Regional initiatives"), ("AFR Region", "")], 2, True)
    holder = table.rows[1].cells[1]
    holder.paragraphs[0].text = "Initiatives adopted at WTDC-17:"
    inner = holder.add_table(rows=1, cols=2)
    inner.rows[0].cells[0].text = "AFR1"
    inner.rows[0].cells[1].text = "e-Health for rural areas" if filled else ""
    for _ in range(blanks):
        inner.rows[0].cells[1].add_paragraph("")
    document.add_paragraph("Infrastructure is central for enabling universal access to ICTs.")
    document.save(str(path))
    return path


EMPTY_STORIES: dict[str, tuple[Callable[[Path, int], Path], str | None, str, str]] = {
    "outcome-cell": (lambda path, n: _outcome_cell_emptied(path, n, False), "outcome-2.2", "blank paragraph",
                     "paragraph 2, table row 3"),
    "outcome-nested-cell": (lambda path, n: _outcome_cell_emptied(path, n, True), "outcome-2.2", "blank paragraph",
                            "paragraph 2, table row 3"),
    "text-box-calibri": (lambda path, n: _empty_text_box(path, n, "Calibri"), None, "blank paragraph", "paragraph 3"),
    "text-box-garamond": (lambda path, n: _empty_text_box(path, n, "Garamond"), None, "blank paragraph", "paragraph 3"),
    "nested-cell": (lambda path, n: _nested_cell(path, n, True), None,
                    "“Regional initiatives” column, row 2: blank paragraph", "paragraph 3, table row 2"),
    "empty-nested-cell": (lambda path, n: _nested_cell(path, n, False), None,
                          "“Regional initiatives” column, row 2: blank paragraph", "paragraph 3, table row 2"),
}


@pytest.mark.parametrize("case", sorted(EMPTY_STORIES))
def test_all_shows_a_blank_paragraph_in_an_empty_outcome_cell_an_empty_text_box_or_a_nested_cell(
        tmp_path: Path, case: str) -> None:
    """A blank paragraph added in a story that holds no text (a cell of an outcome row, read as a
    section, a text box) or in a nested table's cell made no block and was no change even with
    --all: the row's blocks, the text box's holding story and the cell holding the nested table
    now count them."""
    make, section, where, at = EMPTY_STORIES[case]
    old, new = make(tmp_path / "old.docx", 0), make(tmp_path / "new.docx", 1)
    result = compare(old, new)
    assert result.visible() == []
    changes = to_dict(result, all_changes=True)["changes"]
    assert [(c["kind"], c["old"], c["new"], c["differences"], c["at"]["new"]) for c in changes] == [
        ("added", None, "", ["formatting"], at)]
    assert result.visible(all_changes=True)[0].where == where
    if section is not None:
        assert changes[0]["section"]["new"] == section
    reverse = compare(new, old).visible(all_changes=True)
    assert [(c.kind, c.old, c.where, c.at_old) for c in reverse] == [("removed", "", where, at)]


def _blank_outcome_rows(path: Path, after: tuple[int, ...], bold: bool) -> Path:
    """objective2-old with an empty row (a copy of an outcome row, its cells emptied, bold when
    `bold`) after each of the outcome table's rows `after` (1: outcome 2.1, 3: the last)."""
    document = docx.Document(str(CORPUS / "objective2-old.docx"))
    table = document.tables[0]
    for r in sorted(after, reverse=True):
        blank = copy.deepcopy(table.rows[r]._tr)
        table.rows[r]._tr.addnext(blank)
        for tc in blank.iter(f"{W}tc"):
            paragraphs = tc.findall(f"{W}p")
            for p in paragraphs[1:]:
                tc.remove(p)
            for run in paragraphs[0].findall(f"{W}r"):
                paragraphs[0].remove(run)
            if bold:
                run = etree.SubElement(paragraphs[0], f"{W}r")
                etree.SubElement(etree.SubElement(run, f"{W}rPr"), f"{W}b")
    document.save(str(path))
    return path


@pytest.mark.parametrize(("after", "section", "at"), [
    ((1,), "outcome-2.2", "paragraph 2, table row 3"), ((3,), "outcome-2.3", "paragraph 2, table row 5"),
    ((1, 3), "outcome-2.2", "paragraph 2, table row 3")])
@pytest.mark.parametrize("bold", [False, True])
def test_all_shows_a_blank_row_added_to_an_outcome_table(tmp_path: Path, after: tuple[int, ...], section: str,
                                                         at: str, bold: bool) -> None:
    """A row of no text in a table whose rows are read as sections made no section and was no
    change even with --all, while a table's blank row is one of formatting. Each row section
    keeps the blank rows before it (the last one: after it too): one change of formatting at
    the first of them."""
    old = CORPUS / "objective2-old.docx"
    new = _blank_outcome_rows(tmp_path / "new.docx", after, bold)
    result = compare(old, new)
    assert result.visible() == []
    shown = result.visible(all_changes=True)
    expected = [("added", section, "blank table row", "", ("formatting",), at)]
    if len(after) > 1:
        expected.append(("added", "outcome-2.3", "blank table row", "", ("formatting",), "paragraph 2, table row 6"))
    assert [(c.kind, c.section_new, c.where, c.new, c.differences, c.at_new) for c in shown] == expected
    assert [(c.kind, c.where, c.at_old) for c in compare(new, old).visible(all_changes=True)] == [
        ("removed", where, place) for _, _, where, _, _, place in expected]
