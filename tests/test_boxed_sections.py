"""Sections drawn in a box: an Action Plan laid out as one bordered one-column table per output
(its heading, Background, Implementation framework, programmes, areas and lists in one cell, in
a heading row and a body row, or a row per paragraph) reads as the same sections as the plan
without the boxes, in .docx and HTML; a one-column table that is a table stays one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
from conftest import CORPUS, norm
from docx_edit import W, DocxEditor, box_sections, join_tables
from docxgen import Style, write_docx

from actionplan_trace import load
from actionplan_trace.diff import Change, compare
from actionplan_trace.errors import ProfileError
from actionplan_trace.model import Document
from actionplan_trace.profiles import get_profile, parse_profile
from actionplan_trace.refs import document_refs
from actionplan_trace.validate import finding_table
from actionplan_trace.validate.structural import structure_findings

OUTPUT_HEADING = r"^Output \d+\.\d+\s*(?:[–-]|$)"


def outline(doc: Document) -> list[tuple[str, str, str]]:
    return [(s.kind, s.id, norm(s.title)) for s in doc.sections]


def boxed(source: Path, target: Path, rows: str) -> Path:
    editor = DocxEditor.open(source)
    assert box_sections(editor, OUTPUT_HEADING, rows) > 0
    return editor.save(target)


def change_list(old: Path, new: Path) -> tuple[list[str], list[str]]:
    """The diff's reported changes and all its changes (hidden ones too), as JSON, where they are
    (`at`) left out: a boxed paragraph is in a table row."""
    result = compare(old, new)
    return _as_json(result.visible()), _as_json([c for c in result.changes if not _blank_paragraphs(c)])


def _blank_paragraphs(change: Change) -> bool:
    """Blank paragraphs added or removed (objective2-new has 7 in its body): a box's are its
    cell's, which a box made of the body's paragraphs does not keep, so the boxed files compare
    without them."""
    return change.kind in ("added", "removed") and "" in (change.old, change.new)


def _as_json(changes: list[Change]) -> list[str]:
    return [json.dumps({k: v for k, v in c.to_dict().items() if k != "at"}, sort_keys=True) for c in changes]


@pytest.mark.parametrize("rows", ["one", "head", "each"])
@pytest.mark.parametrize("name", ["objective2-old", "objective2-new", "objective2-new-autonum", "objective2-tracked"])
def test_boxed_outputs_read_as_the_plan(tmp_path, name, rows):
    """Each output in a box of its own (Heading-styled headings, Word bullets, the Region table
    nested in the box): the same profile, sections and blocks as the file without boxes, and the
    references in the same sections. Before, the profile was generic and the outputs tables."""
    plain = load(CORPUS / f"{name}.docx")
    doc = load(boxed(CORPUS / f"{name}.docx", tmp_path / f"{name}-{rows}.docx", rows))
    assert doc.source.profile == "action-plan"
    assert outline(doc) == outline(plain)
    assert [s.id for s in doc.of_kind("output")] == ["output-2.1", "output-2.2", "output-2.3"]
    assert [[(b.type, b.text, b.label) for b in s.blocks] for s in doc.sections] == \
        [[(b.type, b.text, b.label) for b in s.blocks] for s in plain.sections]
    assert [(r.id, r.section) for r in document_refs(doc).refs] == [(r.id, r.section) for r in document_refs(plain).refs]


@pytest.mark.parametrize("rows", ["one", "each"])
def test_boxed_revisions_diff_as_the_plan(tmp_path, rows):
    """`trace diff` of the boxed old and new Objective 2 reports the changes of the unboxed pair
    (31, where before it reported 9 or 46 table cell edits)."""
    old = boxed(CORPUS / "objective2-old.docx", tmp_path / "old.docx", rows)
    new = boxed(CORPUS / "objective2-new.docx", tmp_path / "new.docx", rows)
    expected = change_list(CORPUS / "objective2-old.docx", CORPUS / "objective2-new.docx")
    assert len(expected[0]) == 31
    assert change_list(old, new) == expected


@pytest.fixture(scope="module")
def text_plan() -> Document:
    return load(CORPUS / "text" / "action-plan-ba-amended.txt")


@pytest.mark.parametrize("style", [Style(headings="bold", numbering="auto", bullets="auto"),
                                   Style(headings="bold", title_next_line=True)], ids=["bold-auto", "bold-nextline"])
def test_boxed_bold_headings(tmp_path, text_plan, style):
    """The whole Action Plan with bold Normal headings (Word-numbered sub-headings and bullets, or
    the output's title on the line after "Output 2.1"), each output boxed in one cell."""
    plain = write_docx(text_plan, tmp_path / "plain.docx", style)
    doc = load(boxed(plain, tmp_path / "boxed.docx", "one"))
    assert outline(doc) == outline(load(plain))
    assert len(doc.of_kind("output")) == 17


def _cell_paragraph(cell, text: str, bold: bool = False, style: str | None = None) -> None:
    paragraph = cell.paragraphs[0] if not cell.paragraphs[0].text and len(cell.paragraphs) == 1 else cell.add_paragraph()
    paragraph.add_run(text).bold = bold
    if style:
        paragraph.style = style


def _one_column(document, texts: list[str], bold_first: bool = False):
    table = document.add_table(rows=len(texts), cols=1)
    table.style = "Table Grid"
    for row, text in enumerate(texts):
        table.rows[row].cells[0].paragraphs[0].add_run(text).bold = bold_first and row == 0
    document.add_paragraph()
    return table


def _mixed_plan(path: Path) -> Path:
    """An objective whose outputs are boxed (bold Normal headings in the cell, a nested bullet
    list), with genuine one-column tables around them: a list of outputs, a list of regions, a
    table of output headings alone, a list of Questions under its heading."""
    document = docx.Document()
    document.add_paragraph("Objective 2 – Modern and secure telecommunication/ICT infrastructure", style="Heading 1")
    _one_column(document, ["Outputs", "2.1 - Telecommunication/ICT infrastructure", "2.2 - Building confidence and security"],
                bold_first=True)
    for number, title, area in (("2.1", "Products and services on infrastructure", "Rural communications"),
                                ("2.2", "Products and services on cybersecurity", "Child online protection")):
        box = document.add_table(rows=1, cols=1)
        box.style = "Table Grid"
        cell = box.rows[0].cells[0]
        _cell_paragraph(cell, f"Output {number} – {title}", bold=True)
        _cell_paragraph(cell, "Background", bold=True)
        _cell_paragraph(cell, "Infrastructure is central for enabling access to ICTs and services for all.")
        _cell_paragraph(cell, "Implementation framework", bold=True)
        _cell_paragraph(cell, f"Programme: {title.split(' on ')[1].capitalize()}", bold=True)
        _cell_paragraph(cell, "Main areas of work include:")
        _cell_paragraph(cell, area, bold=True)
        _cell_paragraph(cell, "The focus in this area can be summarized as follows:")
        _cell_paragraph(cell, "providing information on suitable technologies;", style="List Bullet")
        _cell_paragraph(cell, "including satellite backhaul;", style="List Bullet 2")
        _cell_paragraph(cell, "Relevant regional initiatives", bold=True)
        document.add_paragraph()
        _one_column(document, ["Region", "AFR Region", "ASP Region"], bold_first=True)
    document.add_paragraph("Study group Questions").runs[0].bold = True
    _one_column(document, ["Study group Questions", "Q-1/1", "Q-3/2"], bold_first=True)
    _one_column(document, ["Output 2.1 – Products and services on infrastructure",
                           "Output 2.2 – Products and services on cybersecurity"])
    document.save(str(path))
    return path


def test_a_one_column_table_of_anything_else_stays_a_table(tmp_path):
    """The boxes open the outputs and their sub-sections; the one-column lists of outputs,
    regions and Questions, and a table of output headings with no text under them, stay tables
    where they stand."""
    doc = load(_mixed_plan(tmp_path / "mixed.docx"))
    assert doc.source.profile == "action-plan"
    assert [s.id for s in doc.sections] == [
        "objective-2",
        "output-2.1", "output-2.1/background", "output-2.1/implementation-framework",
        "output-2.1/programme-infrastructure", "output-2.1/area-rural-communications", "output-2.1/regional-initiatives",
        "output-2.2", "output-2.2/background", "output-2.2/implementation-framework",
        "output-2.2/programme-cybersecurity", "output-2.2/area-child-online-protection", "output-2.2/regional-initiatives",
        "output-2.2/study-group-questions",
    ]
    tables = [(s.id, b.rows[0][0].text, len(b.rows)) for s, b in doc.blocks() if b.type == "table"]
    assert tables == [
        ("objective-2", "Outputs", 3),
        ("output-2.1/regional-initiatives", "Region", 3),
        ("output-2.2/regional-initiatives", "Region", 3),
        ("output-2.2/study-group-questions", "Study group Questions", 3),
        ("output-2.2/study-group-questions", "Output 2.1 – Products and services on infrastructure", 2),
    ]
    area = doc.section("output-2.1/area-rural-communications")
    assert [(b.type, b.text, b.style) for b in area.blocks] == [
        ("paragraph", "The focus in this area can be summarized as follows:", "Normal"),
        ("list-item", "providing information on suitable technologies;", "List Bullet"),
        ("list-item", "including satellite backhaul;", "List Bullet 2"),
    ]


PAGE = """<html><body>
<h1>Objective 2 – Modern and secure telecommunication/ICT infrastructure</h1>
{outputs}
<table border="1"><tr><td>Region</td></tr><tr><td>AFR Region</td></tr></table>
</body></html>"""
OUTPUT = """<p><b>Output 2.{n} – Products and services number {n}</b></p>
<p><b>Background</b></p><p>Infrastructure is central for enabling access to ICTs.</p>
<p><b>Implementation framework</b></p><p><b>Programme: Cybersecurity</b></p>
<ul><li>organize cyberdrills at national and regional level;</li></ul>"""


def test_boxed_outputs_in_html(tmp_path):
    """An HTML page (as LibreOffice writes a boxed .docx) whose outputs are one-cell tables reads
    as the page with the outputs unboxed; the one-column Region table stays a table."""
    plain = tmp_path / "plain.html"
    plain.write_text(PAGE.format(outputs="\n".join(OUTPUT.format(n=n) for n in (1, 2, 3))), encoding="utf-8")
    page = tmp_path / "boxed.html"
    page.write_text(PAGE.format(outputs="\n".join(f'<table border="1"><tr><td>{OUTPUT.format(n=n)}</td></tr></table>'
                                                  for n in (1, 2, 3))), encoding="utf-8")
    doc = load(page)
    assert outline(doc) == outline(load(plain))
    assert [s.id for s in doc.of_kind("output")] == ["output-2.1", "output-2.2", "output-2.3"]
    assert [b.type for b in doc.section("output-2.3/programme-cybersecurity").blocks] == ["list-item", "table"]


def test_boxes_are_profile_data():
    """`boxes` names kinds a heading rule opens; a derived profile adds to its base's."""
    assert get_profile("contribution").boxes == get_profile("action-plan").boxes
    assert "output" in get_profile("action-plan").boxes and get_profile("generic").boxes == ()
    rule = {"kind": "output", "match": "^Output"}
    assert parse_profile({"name": "p", "headings": [rule], "boxes": ["output"]}).boxes == ("output",)
    with pytest.raises(ProfileError, match=re.escape("'boxes' names 'outptu'")):
        parse_profile({"name": "p", "headings": [rule], "boxes": ["outptu"]})


@pytest.mark.parametrize("bold", [False, True], ids=["plain", "bold-numbers"])
def test_a_list_of_outputs_with_titles_on_their_own_lines_stays_a_table(tmp_path, bold: bool) -> None:
    """A one-column table listing "Output 2.1" and on the next row its title, for each output,
    holds headings and the titles they take, no text: it stays a table, and the outputs are the
    plan's own, once each."""
    document = docx.Document(str(CORPUS / "objective2-old.docx"))
    titles = ["Products and services on telecommunication/ICT infrastructure",
              "Products and services on building confidence and security in the use of telecommunications/ICTs",
              "Products and services on disaster risk reduction and emergency telecommunications"]
    table = document.add_table(rows=0, cols=1)
    for n, title in enumerate(titles, start=1):
        table.add_row().cells[0].paragraphs[0].add_run(f"Output 2.{n}").bold = bold
        table.add_row().cells[0].paragraphs[0].add_run(title)
    document.paragraphs[1]._p.addprevious(table._tbl)  # before "Output 2.1", after the outcomes table
    path = tmp_path / "listed.docx"
    document.save(str(path))
    doc = load(path)
    assert [s.id for s in doc.sections if s.kind == "output"] == ["output-2.1", "output-2.2", "output-2.3"]
    assert outline(doc) == outline(load(CORPUS / "objective2-old.docx"))
    listed = [b for _, b in doc.blocks() if b.type == "table" and b.rows and b.rows[0][0].text == "Output 2.1"]
    assert [len(b.rows) for b in listed] == [6]


@pytest.mark.parametrize("rows", ["one", "head"])
def test_boxes_inside_a_box_are_read_as_the_plan(tmp_path, rows: str) -> None:
    """An objective's box holding its outputs' boxes (a table in a table) reads as the plan does:
    each box, the inner ones too, is its section's text."""
    editor = DocxEditor.open(CORPUS / "objective2-old.docx")
    assert box_sections(editor, OUTPUT_HEADING, rows) == 3
    assert box_sections(editor, r"^Objective 2", "one") == 1
    path = editor.save(tmp_path / f"nested-{rows}.docx")
    assert outline(load(path)) == outline(load(CORPUS / "objective2-old.docx"))
    reported, _ = change_list(CORPUS / "objective2-old.docx", path)
    assert reported == []


REFERENCES_HEADING = r"^\d*\.?\s*References to"
CHECKS = {"CHK001", "CHK002", "CHK003", "CHK005", "CHK006"}


def _structure_findings(doc: Document) -> list[tuple[str, str | None]]:
    return [(f.code, f.section) for f in structure_findings(doc, finding_table(), CHECKS, document_refs(doc))]


@pytest.mark.parametrize("rows", ["one", "head", "each"])
@pytest.mark.parametrize("name", ["objective2-old", "objective2-new"])
def test_a_boxed_references_section_is_the_references_section(tmp_path, name: str, rows: str) -> None:
    """Each output's "References to WTDC resolutions, …" section boxed on its own (its heading, its
    three groups and their references; a typed "3<TAB>" before the heading in objective2-new): the
    plan's sections, blocks and references, and no CHK001. Before, each box stayed a table in the
    Study group Questions before it: 30 (33) sections of 42 (45), CHK001 for all three outputs."""
    editor = DocxEditor.open(CORPUS / f"{name}.docx")
    assert box_sections(editor, REFERENCES_HEADING, rows, until=OUTPUT_HEADING) == 3
    path = editor.save(tmp_path / f"references-{rows}.docx")
    plain, doc = load(CORPUS / f"{name}.docx"), load(path)
    assert outline(doc) == outline(plain)
    assert [s.id for s in doc.sections if s.id.startswith("output-2.2/references")] == [
        "output-2.2/references", "output-2.2/references-resolutions", "output-2.2/references-wsis",
        "output-2.2/references-sdgs"]
    assert [[(b.type, b.text) for b in s.blocks] for s in doc.sections] == \
        [[(b.type, b.text) for b in s.blocks] for s in plain.sections]
    assert ({(r.section, r.id) for r in document_refs(doc).refs}
            == {(r.section, r.id) for r in document_refs(plain).refs})
    assert _structure_findings(doc) == _structure_findings(plain) == []


@pytest.mark.parametrize("note", [
    ["References", "See the ITU-D report on broadband access for the figures quoted below."],
    ["References", "PP Resolutions 101, 102 and WTDC Resolution 37 (Rev. Buenos Aires, 2017)."],
    ["References to the ITU-D reports", "Measuring the Information Society Report 2017", "ICT Facts and Figures"],
], ids=["sentence", "citations", "list"])
@pytest.mark.parametrize("place", ["start", "end"])
def test_a_references_note_in_a_background_stays_a_table(tmp_path, note: list[str], place: str) -> None:
    """A one-column "References" note (a sentence, a list of citations, a list of reports: no
    references group heading) at the start or the end of Output 2.1's Background, the end just
    before the "Implementation framework" heading: it stays a table in the Background and
    opens no references section; the plan's outline is unchanged."""
    document = docx.Document(str(CORPUS / "objective2-new.docx"))
    texts = [p.text for p in document.paragraphs]
    at = texts.index(next(t for t in texts if t.endswith("Background")))
    if place == "end":
        at = texts.index(next(t for t in texts[at:] if t.endswith("Implementation framework"))) - 1
    table = document.add_table(rows=0, cols=1)
    for text in note:
        table.add_row().cells[0].paragraphs[0].add_run(text)
    document.paragraphs[at]._p.addnext(table._tbl)
    path = tmp_path / "note.docx"
    document.save(str(path))
    plain, doc = load(CORPUS / "objective2-new.docx"), load(path)
    assert outline(doc) == outline(plain)
    background = doc.section("output-2.1/background")
    tables = [b for b in background.blocks if b.type == "table"]
    assert [[row[0].text for row in b.rows or []] for b in tables] == [note]
    assert [b.text for b in background.blocks if b.type != "table"] == \
        [b.text for b in plain.section("output-2.1/background").blocks]


REFERENCES = """<p><b>References to WTDC resolutions, WSIS action lines and sustainable development goals</b></p>
<p><b>PP and WTDC resolutions and recommendations</b></p><p>PP Resolutions 101, 102 and WTDC Resolution 37</p>
<p><b>WSIS action lines</b></p><p>C2, C5, C6</p>"""


@pytest.mark.parametrize("rows", ["one", "each"])
def test_a_boxed_references_section_in_html(tmp_path, rows: str) -> None:
    """An HTML page whose outputs' references sections are one-column tables (one cell, a row per
    paragraph) reads as the page without them: references-resolutions and references-wsis under
    each output, the citations in them."""
    plain = tmp_path / "plain.html"
    plain.write_text(PAGE.format(outputs="\n".join(OUTPUT.format(n=n) + REFERENCES for n in (1, 2, 3))), encoding="utf-8")
    paragraphs = [line for line in re.split(r"(?<=</p>)\s*", REFERENCES) if line]
    box = ("<tr><td>" + "".join(paragraphs) + "</td></tr>" if rows == "one"
           else "".join(f"<tr><td>{p}</td></tr>" for p in paragraphs))
    page = tmp_path / "boxed.html"
    page.write_text(PAGE.format(outputs="\n".join(f'{OUTPUT.format(n=n)}<table border="1">{box}</table>' for n in (1, 2, 3))),
                    encoding="utf-8")
    doc = load(page)
    assert outline(doc) == outline(load(plain))
    assert [s.id for s in doc.sections if s.id.startswith("output-2.3/references")] == [
        "output-2.3/references", "output-2.3/references-resolutions", "output-2.3/references-wsis"]
    assert [b.text for b in doc.section("output-2.3/references-wsis").blocks][:1] == ["C2, C5, C6"]
    assert _structure_findings(doc) == []


def test_boxes_with_subsections_are_profile_data() -> None:
    """`boxes_with_subsections` names kinds a heading rule opens and another opens a section
    within, none of `boxes`; a derived profile adds to its base's."""
    assert get_profile("action-plan").boxes_with_subsections == ("references",)
    assert get_profile("contribution").boxes_with_subsections == ("references",)
    assert "references" not in get_profile("action-plan").boxes
    rules = [{"kind": "output", "match": "^Output"}, {"kind": "references", "match": "^References"},
             {"kind": "group", "match": "^WSIS", "within": ["references"]}]
    parsed = parse_profile({"name": "p", "headings": rules, "boxes": ["output"], "boxes_with_subsections": ["references"]})
    assert parsed.boxes_with_subsections == ("references",)
    with pytest.raises(ProfileError, match="a kind no heading rule opens a section within"):
        parse_profile({"name": "p", "headings": rules, "boxes_with_subsections": ["output"]})
    with pytest.raises(ProfileError, match="which 'boxes' names"):
        parse_profile({"name": "p", "headings": rules, "boxes": ["references"], "boxes_with_subsections": ["references"]})
    with pytest.raises(ProfileError, match="'boxes_with_subsections' names 'referenes'"):
        parse_profile({"name": "p", "headings": rules, "boxes_with_subsections": ["referenes"]})


def test_a_references_note_in_a_box_stays_a_table(tmp_path) -> None:
    """A one-column "References" note inside a Background (a box of a kind the profile leaves
    out: references) stays a table there, and takes in none of the paragraphs after it."""
    document = docx.Document(str(CORPUS / "objective2-new.docx"))
    background = next(p for p in document.paragraphs if p.text.endswith("Background"))
    table = document.add_table(rows=0, cols=1)
    for text in ("References", "See the ITU-D report on broadband access for the figures quoted below."):
        table.add_row().cells[0].paragraphs[0].add_run(text)
    background._p.addnext(table._tbl)
    path = tmp_path / "note.docx"
    document.save(str(path))
    plain, doc = load(CORPUS / "objective2-new.docx"), load(path)
    assert outline(doc) == outline(plain)
    first = doc.sections[[s.id for s in doc.sections].index("output-2.1/background")]
    assert [b.type for b in first.blocks][:1] == ["table"]
    assert [b.text for b in first.blocks[1:]] == [b.text for b in plain.section("output-2.1/background").blocks]


@pytest.mark.parametrize("view", ["accepted", "original"])
@pytest.mark.parametrize("joined", [False, True], ids=["apart", "joined"])
@pytest.mark.parametrize("rows", ["one", "head", "each"])
def test_revision_marks_in_boxes_are_in_their_sections(tmp_path, rows: str, joined: bool, view: str) -> None:
    """objective2-tracked's outputs boxed (and joined to the outcomes table): each of its 101
    revision marks is in the section it is in without the boxes, in both views: the sub-section
    of the box's paragraph it falls in (Revision.seq), a paragraph the view removes (a row of
    its own left empty) with the paragraph after it, as outside a box. Before, 80 (one cell), 82
    (head row) and 54 (a row each) were placed on their output or the box row's section."""
    editor = DocxEditor.open(CORPUS / "objective2-tracked.docx")
    assert box_sections(editor, OUTPUT_HEADING, rows) == 3
    if joined:
        assert join_tables(editor, editor.root.find(f"{W}body").find(f"{W}tbl")) == 3
    doc = load(editor.save(tmp_path / "boxed.docx"), view=view)
    plain = load(CORPUS / "objective2-tracked.docx", view=view)
    assert len(doc.revisions) == len(plain.revisions) == 101
    assert [(r.type, r.text, r.section) for r in doc.revisions] == [(r.type, r.text, r.section) for r in plain.revisions]
    inside = {r.section for r in doc.revisions if (r.section or "").startswith("output-2.1/")}
    assert {"output-2.1/background", "output-2.1/references"} <= inside
