"""Boxes joined to the table next to them: Word and LibreOffice make two tables with no paragraph
between them one table, so an Action Plan whose outputs are boxed may have its outcomes table go
on, in the same w:tbl (or HTML table), with rows of one cell spanning the table that are the
boxes of the outputs after it; or an objective's box go on with its outcomes table. Such a table
reads as its table part and its boxes, as the plan without the boxes does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS, norm
from docx_edit import W, DocxEditor, box_sections, box_table, join_tables, text
from lxml import etree

from actionplan_trace import load
from actionplan_trace.diff import compare
from actionplan_trace.extract import read
from actionplan_trace.model import Document
from actionplan_trace.profiles import get_profile
from actionplan_trace.refs import document_refs
from actionplan_trace.structure import unboxed

OLD = CORPUS / "objective2-old.docx"
OUTPUT_HEADING = r"^Output \d+\.\d+\s*(?:[–-]|$)"
INTRO = "ITU-D will assist Member States in building modern and secure telecommunication/ICT infrastructure."
NOTE = "Indicators are reported to TDAG each year."


def outline(doc: Document) -> list[tuple[str, str, str]]:
    return [(s.kind, s.id, norm(s.title)) for s in doc.sections]


def contents(doc: Document) -> list[list[tuple[str, str, str | None]]]:
    return [[(b.type, b.text, b.label) for b in s.blocks] for s in doc.sections]


def top_tables(editor: DocxEditor) -> list[etree._Element]:
    return editor.root.find(f"{W}body").findall(f"{W}tbl")


def _paragraph(words: str) -> etree._Element:
    p = etree.Element(f"{W}p")
    etree.SubElement(etree.SubElement(p, f"{W}r"), f"{W}t").text = words
    return p


def _note_row(table: etree._Element) -> None:
    """A last row of one cell (no box: a note) in the outcomes table."""
    tr = etree.SubElement(table, f"{W}tr")
    cell = etree.SubElement(tr, f"{W}tc")
    etree.SubElement(etree.SubElement(cell, f"{W}tcPr"), f"{W}gridSpan").set(f"{W}val", "3")
    cell.append(_paragraph(NOTE))


@pytest.mark.parametrize("rows", ["one", "head", "each"])
@pytest.mark.parametrize(("span", "grid"), [("grid", True), ("none", True), ("grid", False), ("short", True)],
                         ids=["gridspan", "no-span", "no-tblgrid", "gridafter"])
def test_output_boxes_joined_to_the_outcomes_table(tmp_path: Path, rows: str, span: str, grid: bool) -> None:
    """The three output boxes of Objective 2 joined to its outcomes table (one w:tbl: its header
    row, three outcome rows, then the boxes' rows of one cell): the outcomes, the outputs and
    their sub-sections, blocks and references of the plan without boxes, and no differences.
    Before, the profile was generic and the document two sections (42)."""
    editor = DocxEditor.open(OLD)
    assert box_sections(editor, OUTPUT_HEADING, rows) == 3
    assert join_tables(editor, top_tables(editor)[0], span, grid) == 3
    assert len(top_tables(editor)) == 1
    path = editor.save(tmp_path / f"joined-{rows}-{span}-{grid}.docx")
    plain, doc = load(OLD), load(path)
    assert doc.source.profile == "action-plan"
    assert len(doc.sections) == 42
    assert outline(doc) == outline(plain)
    assert [s.id for s in doc.of_kind("outcome")] == ["outcome-2.1", "outcome-2.2", "outcome-2.3"]
    assert [s.id for s in doc.of_kind("output")] == ["output-2.1", "output-2.2", "output-2.3"]
    assert contents(doc) == contents(plain)
    assert [(r.id, r.section) for r in document_refs(doc).refs] == [(r.id, r.section) for r in document_refs(plain).refs]
    if rows == "one" and span == "grid" and grid:
        assert compare(OLD, path).visible() == []


def _joined(source: Path, target: Path, rows: str) -> Path:
    editor = DocxEditor.open(source)
    box_sections(editor, OUTPUT_HEADING, rows)
    join_tables(editor, top_tables(editor)[0])
    return editor.save(target)


def _changes(old: Path, new: Path) -> list[str]:
    """The diff's reported changes as JSON, where they are (`at`) left out."""
    return [json.dumps({k: v for k, v in c.to_dict().items() if k != "at"}, sort_keys=True)
            for c in compare(old, new).visible()]


@pytest.mark.parametrize("rows", ["one", "each"])
def test_joined_revisions_diff_as_the_plan(tmp_path: Path, rows: str) -> None:
    """`trace diff` of the old and new Objective 2, each with its output boxes joined to its
    outcomes table, reports the 31 changes of the pair without boxes."""
    old = _joined(OLD, tmp_path / "old.docx", rows)
    new = _joined(CORPUS / "objective2-new.docx", tmp_path / "new.docx", rows)
    expected = _changes(OLD, CORPUS / "objective2-new.docx")
    assert len(expected) == 31
    assert _changes(old, new) == expected


def test_a_row_of_one_cell_that_is_no_box_stays_a_row(tmp_path: Path) -> None:
    """A note row of one cell at the end of the outcomes table, the output boxes joined after it:
    the note stays where the plan without boxes has it, and the boxes are the outputs."""
    editor = DocxEditor.open(OLD)
    _note_row(top_tables(editor)[0])
    noted = editor.save(tmp_path / "noted.docx")
    assert box_sections(editor, OUTPUT_HEADING, "one") == 3
    join_tables(editor, top_tables(editor)[0])
    path = editor.save(tmp_path / "joined.docx")
    plain, doc = load(noted), load(path)
    assert outline(doc) == outline(plain)
    assert contents(doc) == contents(plain)
    placed = [(s.id, b.type) for s, b in doc.blocks() if NOTE in b.text]
    assert placed and placed == [(s.id, b.type) for s, b in plain.blocks() if NOTE in b.text]


def test_a_table_whose_rows_of_one_cell_are_no_box_is_left_whole(tmp_path: Path) -> None:
    """The outcomes table with a note row and a row "Output 2.1" alone (a heading, no text): no
    box, so the table is placed as read, the same block, and "Output 2.1" opens no section there."""
    editor = DocxEditor.open(OLD)
    table = top_tables(editor)[0]
    _note_row(table)
    _note_row(table)
    for t in table.findall(f"{W}tr")[-1].iter(f"{W}t"):
        t.text = "Output 2.1"
    path = editor.save(tmp_path / "rows.docx")
    raw = read(path)
    (joined,) = [b for b in raw.blocks if b.type == "table" and b.row_flows]
    assert [flow is not None for flow in joined.row_flows or []] == [False] * 4 + [True, True]
    assert any(block is joined for block in unboxed(raw.blocks, get_profile("action-plan")))
    doc = load(path)
    assert [s.id for s in doc.of_kind("output")] == ["output-2.1", "output-2.2", "output-2.3"]
    assert doc.section("output-2.1").loc.paragraph == load(OLD).section("output-2.1").loc.paragraph


@pytest.mark.parametrize("rows", ["one", "each"])
@pytest.mark.parametrize("span", ["grid", "none"])
def test_an_objective_box_joined_to_its_outcomes_table(tmp_path: Path, rows: str, span: str) -> None:
    """An objective's box (its heading and an introduction) with its outcomes table joined after it
    (the box's rows first, then the header row and the outcome rows): the objective, its text and
    its outcomes, as in the plan without the box."""
    editor = DocxEditor.open(OLD)
    body = editor.root.find(f"{W}body")
    heading = body[0]
    heading.addnext(_paragraph(INTRO))
    plain_path = editor.save(tmp_path / "intro.docx")
    intro = heading.getnext()
    body.remove(heading)
    body.remove(intro)
    box = box_table([[heading, intro]] if rows == "one" else [[heading], [intro]])
    body.insert(0, box)
    assert join_tables(editor, box, span) == 1
    path = editor.save(tmp_path / f"objective-{rows}-{span}.docx")
    plain, doc = load(plain_path), load(path)
    assert outline(doc) == outline(plain)
    assert contents(doc) == contents(plain)
    assert [b.text for b in doc.section("objective-2").blocks][:1] == [INTRO]
    assert [s.id for s in doc.of_kind("outcome")] == ["outcome-2.1", "outcome-2.2", "outcome-2.3"]


# An Objective 2 page as LibreOffice writes a .docx whose output boxes follow the outcomes table
# with no paragraph between them: one table, its header row in <thead>, the boxes rows of one
# cell spanning its three columns.
LO_HEAD = ('<!DOCTYPE html>\n<html>\n<head>\n\t<meta http-equiv="content-type" content="text/html; charset=utf-8"/>\n'
           '\t<title></title>\n\t<meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/>\n'
           '\t<style type="text/css">\n\t\tp { margin-bottom: 0.1in; line-height: 115%; background: transparent }\n'
           '\t</style>\n</head>\n<body lang="en-GB" link="#000080" vlink="#800000" dir="ltr">')
LO_CELL = ('<td{span} width="{width}" valign="top" style="border: 1px solid #000000; padding: 0in 0.08in">'
           '{content}\n\t\t</td>')
OUTCOMES = [
    ("Enhanced capacity of ITU Membership to make available resilient telecommunication/ICT infrastructure.",
     ["Number of Guidelines, Handbooks and publications", "Number of experts trained"],
     "2.1 - Telecommunication/ICT infrastructure and services"),
    ("Enhanced capacity of ITU Membership to effectively respond to cyber threats.",
     ["Number of cyberdrills held"], "2.2 - Building confidence and security in the use of ICTs"),
    ("Strengthened capacity of Member States to use telecommunications/ICTs for disaster risk reduction.",
     ["Number of national emergency telecommunication plans"],
     "2.3 - Disaster risk reduction and emergency telecommunications"),
]
OUTPUTS = [
    ("2.1", "Products and services on telecommunication/ICT infrastructure",
     "Infrastructure is central for enabling access to ICTs and services for all.", "Rural communications",
     ["providing information on suitable technologies for rural areas;", "including satellite backhaul;"]),
    ("2.2", "Products and services on building confidence and security in the use of ICTs",
     "Building confidence in the use of ICTs is a priority of the membership.", "Child online protection",
     ["organizing cyberdrills at national and regional level;", "assisting with CIRT assessments;"]),
    ("2.3", "Products and services on disaster risk reduction and emergency telecommunications",
     "Emergency telecommunications save lives when disasters strike.", "Early warning",
     ["assisting with national emergency telecommunication plans;", "deploying equipment after disasters;"]),
]


def _lo_p(words: str, bold: bool = False) -> str:
    inner = f"<b>{words}</b>" if bold else words
    return f'<p class="western" style="margin-bottom: 0in">{inner}</p>'


def _lo_output(number: str, title: str, background: str, area: str, items: list[str]) -> list[str]:
    """An output's paragraphs as LibreOffice writes them: bold headings, a bullet list."""
    bullets = "".join(f'<li><p class="western" style="margin-bottom: 0in">{item}</p></li>' for item in items)
    return [_lo_p(f"Output {number} – {title}", True), _lo_p("Background", True), _lo_p(background),
            _lo_p("Implementation framework", True), _lo_p("Programme: Infrastructure", True),
            _lo_p(area, True), _lo_p("The focus in this area can be summarized as follows:"), f"<ul>{bullets}</ul>"]


def _lo_outcome_rows() -> list[str]:
    header = "".join(LO_CELL.format(span="", width="192", content=_lo_p(name, True))
                     for name in ("Outcomes", "Performance indicators", "Outputs"))
    rows = [f'\t<thead>\n\t<tr valign="top">\n\t\t{header}\n\t</tr>\n\t</thead>\n\t<tbody>']
    for outcome, indicators, output in OUTCOMES:
        listed = "<ul>" + "".join(f'<li><p class="western" style="margin-bottom: 0in">{i}</p></li>'
                                  for i in indicators) + "</ul>"
        cells = "".join(LO_CELL.format(span="", width="192", content=content)
                        for content in (_lo_p(outcome), listed, _lo_p(output)))
        rows.append(f'\t<tr valign="top">\n\t\t{cells}\n\t</tr>')
    return rows


def _lo_page(joined: bool, rows: str) -> str:
    """The LibreOffice page: the objective, the outcomes table and the outputs, joined to the
    table as boxes (a row each, or a row per paragraph) or after it as paragraphs."""
    table = ['<table width="643" cellpadding="7" cellspacing="0">',
             '\t<col width="192"/>\n\t<col width="213"/>\n\t<col width="194"/>', *_lo_outcome_rows()]
    after: list[str] = []
    for output in OUTPUTS:
        paragraphs = _lo_output(*output)
        if not joined:
            after.extend(paragraphs)
            continue
        for content in (["\n\t\t".join(paragraphs)] if rows == "one" else paragraphs):
            cell = LO_CELL.format(span=' colspan="3"', width="627", content=content)
            table.append(f"\t<tr>\n\t\t{cell}\n\t</tr>")
    table.append("\t</tbody>\n</table>")
    objective = '<h1 class="western">Objective 2 – Modern and secure telecommunication/ICT infrastructure</h1>'
    return "\n".join([LO_HEAD, objective, *table, *after, "</body>\n</html>\n"])


@pytest.mark.parametrize("rows", ["one", "each"])
def test_libreoffice_html_boxes_joined_to_the_outcomes_table(tmp_path: Path, rows: str) -> None:
    """LibreOffice's HTML of the plan whose output boxes follow the outcomes table: the outcomes
    and the outputs of the page without boxes, the boxes' text in their sections."""
    plain_path, path = tmp_path / "plain.html", tmp_path / f"joined-{rows}.html"
    plain_path.write_text(_lo_page(False, rows), encoding="utf-8")
    path.write_text(_lo_page(True, rows), encoding="utf-8")
    plain, doc = load(plain_path), load(path)
    assert [s.id for s in doc.sections] == [
        "objective-2", "outcome-2.1", "outcome-2.2", "outcome-2.3",
        "output-2.1", "output-2.1/background", "output-2.1/implementation-framework",
        "output-2.1/programme-infrastructure", "output-2.1/area-rural-communications",
        "output-2.2", "output-2.2/background", "output-2.2/implementation-framework",
        "output-2.2/programme-infrastructure", "output-2.2/area-child-online-protection",
        "output-2.3", "output-2.3/background", "output-2.3/implementation-framework",
        "output-2.3/programme-infrastructure", "output-2.3/area-early-warning",
    ]
    assert outline(doc) == outline(plain)
    assert contents(doc) == contents(plain)
    assert [(b.type, b.text) for b in doc.section("output-2.2/area-child-online-protection").blocks] == [
        ("paragraph", "The focus in this area can be summarized as follows:"),
        ("list-item", "organizing cyberdrills at national and regional level;"),
        ("list-item", "assisting with CIRT assessments;"),
    ]
    assert doc.section("outcome-2.1").fields["outputs"] == "2.1 - Telecommunication/ICT infrastructure and services"


def _spanning(paragraphs: list[str]) -> str:
    return "".join(f'<tr><td colspan="3">{p}</td></tr>' for p in paragraphs)


HAND_OUTCOMES = ("<tr><th>Outcomes</th><th>Performance indicators</th><th>Outputs</th></tr>"
                 "<tr><td>Enhanced capacity of ITU Membership.</td><td>Number of experts trained</td>"
                 "<td>2.1 - Telecommunication/ICT infrastructure</td></tr>")
HAND_OBJECTIVE = ["Objective 2 – Modern and secure infrastructure", INTRO]
HAND_OUTPUT = ["<b>Output 2.1 – Products and services on telecommunication/ICT infrastructure</b>", "<b>Background</b>",
               "Infrastructure is central for enabling access to ICTs and services for all.",
               "<b>Implementation framework</b>", "<b>Programme: Infrastructure</b>", "Main areas of work include:"]


def _hand_page(order: str) -> str:
    """A page typed by hand, a table with a <th> header row: the output's box as rows of one
    <td colspan="3"> a paragraph after the outcome row ("after"), or the objective's box so
    before the header row ("before"), the rest as paragraphs."""
    if order == "after":
        body = f"<h1>{HAND_OBJECTIVE[0]}</h1><p>{INTRO}</p><table border=1>{HAND_OUTCOMES}{_spanning(HAND_OUTPUT)}</table>"
    else:
        output = "".join(f"<p>{p}</p>" for p in HAND_OUTPUT)
        body = f"<table border=1>{_spanning(HAND_OBJECTIVE)}{HAND_OUTCOMES}</table>{output}"
    return f"<html><body>{body}</body></html>"


@pytest.mark.parametrize("order", ["after", "before"])
def test_hand_written_html_box_rows_joined_to_a_table(tmp_path: Path, order: str) -> None:
    """A page typed by hand with a box as rows of one cell spanning the outcomes table, the
    output's after the outcome row or the objective's before the header row: the objective and
    its introduction, the outcome, the output and its sub-sections, as the same page without the
    box reads."""
    path = tmp_path / f"{order}.html"
    path.write_text(_hand_page(order), encoding="utf-8")
    plain = tmp_path / "plain.html"
    output = "".join(f"<p>{p}</p>" for p in HAND_OUTPUT)
    plain.write_text(f"<html><body><p>{HAND_OBJECTIVE[0]}</p><p>{INTRO}</p><table border=1>{HAND_OUTCOMES}</table>"
                     f"{output}</body></html>", encoding="utf-8")
    doc = load(path, profile="action-plan")
    assert [s.id for s in doc.sections] == [
        "objective-2", "outcome-2.1", "output-2.1", "output-2.1/background", "output-2.1/implementation-framework",
        "output-2.1/programme-infrastructure"]
    assert [b.text for b in doc.section("objective-2").blocks][:1] == [INTRO]
    assert doc.section("outcome-2.1").title == "Enhanced capacity of ITU Membership."
    assert [b.text for b in doc.section("output-2.1/background").blocks] == [
        "Infrastructure is central for enabling access to ICTs and services for all."]
    assert [b.text for b in doc.section("output-2.1/programme-infrastructure").blocks] == ["Main areas of work include:"]
    assert contents(doc) == contents(load(plain, profile="action-plan"))


def test_word_joined_tables_are_one_table_in_the_fixture() -> None:
    """join_tables makes what Word makes: one w:tbl whose one-cell rows span its grid."""
    editor = DocxEditor.open(OLD)
    box_sections(editor, OUTPUT_HEADING, "one")
    join_tables(editor, top_tables(editor)[0])
    (table,) = top_tables(editor)
    spans = [tr.find(f"{W}tc/{W}tcPr/{W}gridSpan") for tr in table.findall(f"{W}tr")]
    assert [s.get(f"{W}val") if s is not None else None for s in spans] == [None] * 4 + ["3"] * 3
    assert text(table.findall(f"{W}tr")[4]).startswith("Output 2.1")


def _one_cell_row(paragraphs: list[str], span: int = 3) -> etree._Element:
    tr = etree.Element(f"{W}tr")
    cell = etree.SubElement(tr, f"{W}tc")
    etree.SubElement(etree.SubElement(cell, f"{W}tcPr"), f"{W}gridSpan").set(f"{W}val", str(span))
    for words in paragraphs:
        cell.append(_paragraph(words))
    return tr


def _row(cells: list[str]) -> etree._Element:
    tr = etree.Element(f"{W}tr")
    for words in cells:
        etree.SubElement(tr, f"{W}tc").append(_paragraph(words))
    return tr


def _table(rows: list[etree._Element]) -> etree._Element:
    table = etree.Element(f"{W}tbl")
    grid = etree.SubElement(table, f"{W}tblGrid")
    for _ in range(3):
        etree.SubElement(grid, f"{W}gridCol").set(f"{W}w", "3000")
    table.extend(rows)
    return table


@pytest.mark.parametrize("where", ["group rows", "at the start", "title row over outcomes"])
def test_one_cell_rows_of_an_ordinary_table_stay_rows(tmp_path: Path, where: str) -> None:
    """A table's group rows ("Output 2.1 – Infrastructure" / "Lead: …" between its rows), one-cell
    rows "Background" / a sentence at its start, or a title row over the outcomes table are no
    boxes joined to it: a heading and a line, not at an edge or heading no table of its own. The
    outline is the plan's (review: the first opened output-2.1 and output-2.2 from the table,
    the second a background-2 that took in the 7 areas of Output 2.1)."""
    editor = DocxEditor.open(OLD)
    body = editor.root.find(f"{W}body")
    plain = load(OLD)
    if where == "title row over outcomes":
        top_tables(editor)[0].find(f"{W}tr").addprevious(
            _one_cell_row(["Output 2.1 – Summary of outputs", "The outputs below are delivered by one division."]))
    else:
        anchor = next(p for p in body.iter(f"{W}p") if text(p).startswith("Main areas of work include"))
        rows = ([_row(["Output", "Lead", "Partners"]), _one_cell_row(["Output 2.1 – Infrastructure", "Lead: one division."]),
                 _row(["Guidelines", "BDT", "ITU-R"]), _one_cell_row(["Output 2.2 – Cybersecurity", "Lead: another."]),
                 _row(["CIRTs", "BDT", "FIRST"])] if where == "group rows" else
                [_one_cell_row(["Background"]), _one_cell_row(["The survey covered 40 countries in 2019."]),
                 _row(["Country", "Score", "Year"]), _row(["Kenya", "3", "2019"])])
        anchor.addnext(_table(rows))
    doc = load(editor.save(tmp_path / "table.docx"))
    kept = [s for s in outline(doc) if s[0] != "outcome"] if where == "title row over outcomes" else outline(doc)
    assert kept == ([s for s in outline(plain) if s[0] != "outcome"] if where == "title row over outcomes"
                    else outline(plain))


def test_a_references_note_naming_one_group_inside_a_background_stays_a_table(tmp_path: Path) -> None:
    """"References" / "Sustainable Development Goals and Targets" / "SDG 9 and SDG 17." in a box
    inside Output 2.1's Background names one reference group: a note, not the references section
    (which holds its groups), so the outline is the plan's and no references-2 opens (review)."""
    editor = DocxEditor.open(OLD)
    body = editor.root.find(f"{W}body")
    anchor = next(p for p in body.iter(f"{W}p") if text(p).startswith("Communications no longer just connect"))
    anchor.addnext(box_table([[_paragraph("References"), _paragraph("Sustainable Development Goals and Targets"),
                               _paragraph("SDG 9 and SDG 17.")]]))
    doc = load(editor.save(tmp_path / "note.docx"))
    assert outline(doc) == outline(load(OLD))


@pytest.mark.parametrize("after", [False, True], ids=["at the end", "before more rows"])
def test_a_short_box_at_the_tables_end_and_a_long_one_in_its_middle_are_boxes(tmp_path: Path, after: bool) -> None:
    """An output of one sentence boxed after the outcomes table (at the table's end, a heading and
    a line are a box), and an output box of three paragraphs with a two-column table joined after
    it (in the table's middle): each is its output, not more outcome rows (review of ff02f38)."""
    editor = DocxEditor.open(OLD)
    outcomes = top_tables(editor)[0]
    paragraphs = ["Output 2.9 – Products and services on satellites", "This output delivers one handbook."]
    if after:
        paragraphs += ["Background", "Satellites reach where cables do not."]
    outcomes.append(_one_cell_row(paragraphs))
    if after:
        outcomes.append(_row(["Region", "Initiatives", ""]))
        outcomes.append(_row(["AFR", "AFR3", ""]))
    doc = load(editor.save(tmp_path / "short.docx"))
    assert [s.id for s in doc.of_kind("outcome")] == ["outcome-2.1", "outcome-2.2", "outcome-2.3"]
    box = doc.section("output-2.9")
    assert [b.text for b in box.blocks][:1] == ["This output delivers one handbook."]
    if after:
        assert doc.section("output-2.9/background").blocks[0].text == "Satellites reach where cables do not."
