"""The action-plan profile on Word files: the corpus, and the same content written in other styles."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Callable

import docx
import pytest

from actionplan_trace import load
from actionplan_trace.model import Document

from conftest import CORPUS, OUTPUT_NUMBERS, norm
from docx_edit import DocxEditor, box_sections, join_tables
from docxgen import Style, write_docx

AREAS_2_1_BASE = [
    "Next-generation networks including ICT Networks for Smart Grids",
    "Broadband networks: Wired and wireless technologies, including IMT",
    "Rural communications",
    "Bridging the Standardization Gap",
    "Conformity and interoperability (C&I)",
    "Broadcasting",
    "Spectrum management",
]
STYLES = {
    "styles-typed": Style(),
    "bold-auto-nextline": Style(headings="bold", numbering="auto", title_next_line=True, bullets="auto"),
    "styles-auto-bullets": Style(numbering="auto", bullets="auto", font="Times New Roman"),
    "bold-typed-nextline": Style(headings="bold", title_next_line=True),
}


def areas_under(doc: Document, output_id: str) -> list[str]:
    return [s.title for s in doc.sections if s.kind == "area" and output_id in {p.id for p in doc.path(s)}]


def outline(doc: Document) -> list[tuple[str, str, str]]:
    return [(s.kind, s.id, norm(s.title)) for s in doc.sections if s.kind not in ("front-matter", "footnotes")]


@pytest.mark.parametrize("name", ["action-plan-ba.docx", "action-plan-ba-bold.docx"])
def test_whole_action_plan_docx(name):
    doc = load(CORPUS / name)
    assert doc.source.profile == "action-plan" and doc.source.format == "docx"
    assert [s.id for s in doc.of_kind("objective")] == ["objective-1", "objective-2", "objective-3", "objective-4"]
    assert [s.number for s in doc.of_kind("output")] == OUTPUT_NUMBERS
    for output in doc.of_kind("output"):
        refs = doc.get(f"{output.id}/references")
        assert refs is not None and refs.parent == output.id
        assert [g.kind for g in doc.children(refs.id)][-2:] == ["reference-group", "reference-group"]
    assert doc.section("output-3.2").title == "Products and services on telecommunication/ICT statistics"
    assert areas_under(doc, "output-2.1") == AREAS_2_1_BASE
    outcomes = doc.of_kind("outcome")
    assert len(outcomes) == 14
    assert all(any(b.field == "indicators" for b in o.blocks) for o in outcomes)
    assert doc.section("outcome-3.2").title.startswith("Strengthened capacity of Member States to produce high-quality")


def test_objective2_pair_differs_in_areas():
    old, new = load(CORPUS / "objective2-old.docx"), load(CORPUS / "objective2-new.docx")
    added = set(areas_under(new, "output-2.1")) - set(areas_under(old, "output-2.1"))
    assert {"Telecommunication Numbering Resources Management", "International Connectivity",
            "Combating counterfeit and combating mobile device theft"} <= added


def test_autonumbered_headings_tied_to_styles():
    """Sub-heading numbers that live in numbering.xml (via the heading styles) stay out of titles."""
    doc = load(CORPUS / "objective2-new-autonum.docx")
    assert [s.id for s in doc.children("output-2.2")] == [
        "output-2.2/background", "output-2.2/implementation-framework", "output-2.2/regional-initiatives",
        "output-2.2/study-group-questions", "output-2.2/references",
    ]
    assert doc.section("output-2.2/background").title == "Background"
    assert outline(doc) == outline(load(CORPUS / "objective2-new.docx"))


@pytest.fixture(scope="module")
def text_plan() -> Document:
    return load(CORPUS / "text" / "action-plan-ba-amended.txt")


@pytest.fixture(scope="module")
def written(tmp_path_factory, text_plan) -> Callable[[str], tuple[Path, Document]]:
    """The text plan written as a .docx in a formatting of STYLES, and that file read: each made
    once for the module's tests, which only read the Document; a test that edits the file edits a
    copy (`copy_of`)."""
    folder = tmp_path_factory.mktemp("written")
    made: dict[str, tuple[Path, Document]] = {}

    def get(style_name: str) -> tuple[Path, Document]:
        if style_name not in made:
            path = write_docx(text_plan, folder / f"plan-{style_name}.docx", STYLES[style_name])
            made[style_name] = (path, load(path))
        return made[style_name]

    return get


def copy_of(written: Callable[[str], tuple[Path, Document]], style_name: str, target: Path) -> Path:
    """A copy at `target` of the text plan written in `style_name`, to edit."""
    shutil.copyfile(written(style_name)[0], target)
    return target


@pytest.mark.parametrize("style_name", sorted(STYLES))
def test_same_outline_in_every_formatting(written, text_plan, style_name):
    _, doc = written(style_name)
    assert [s.number for s in doc.of_kind("output")] == OUTPUT_NUMBERS
    assert outline(doc) == outline(text_plan)
    assert "Broadcasting and video" in areas_under(doc, "output-2.1")
    for a, b in zip(doc.of_kind("outcome"), text_plan.of_kind("outcome")):
        assert [x.text for x in a.blocks if x.field == "indicators"] == [x.text for x in b.blocks if x.field == "indicators"]


def _python_docx_words(path: Path) -> Counter:
    """Words of every body paragraph and table cell (a table nested in a cell too), read
    independently with python-docx."""
    document = docx.Document(str(path))
    words: Counter = Counter()
    seen_cells: set = set()

    def read(items) -> None:
        for item in items:
            if isinstance(item, docx.text.paragraph.Paragraph):
                words.update(item.text.split())
                continue
            for row in item.rows:
                for cell in row.cells:
                    if cell._tc not in seen_cells:
                        seen_cells.add(cell._tc)
                        read(cell.iter_inner_content())

    read(document.iter_inner_content())
    return words


def _model_words(doc: Document) -> Counter:
    words: Counter = Counter()
    for section in doc.sections:
        if section.kind == "footnotes":
            continue
        if section.heading:
            words.update(section.heading.split())
        for block in section.blocks:
            if block.rows is not None:
                for row in block.rows:
                    for cell in row:
                        words.update(cell.text.split())
            else:
                words.update(block.text.split())
                if block.label:
                    words.update(block.label.split())
    return words


LABEL = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[•·\-–]|[a-z]\)|[ivxIVX]+\.)$")


def assert_each_word_once(theirs: Counter, doc: Document) -> None:
    """Every word of `theirs` (an independent reading of the file) lands in the model, and the
    model's extra words are only list labels."""
    ours = _model_words(doc)
    assert theirs - ours == Counter()
    extra = ours - theirs
    assert all(LABEL.match(word) for word in extra), sorted(extra)[:20]


@pytest.mark.parametrize("name", ["action-plan-ba.docx", "action-plan-ba-bold.docx", "objective2-old.docx",
                                  "objective2-new.docx", "objective2-new-autonum.docx", "strategic-plan-2012.docx",
                                  "strategic-plan-2024.docx", "report-c20-35.docx"])
def test_nothing_lost_docx(name):
    """Every word python-docx sees lands exactly once in the model; extra words are only list labels.
    (A review found the Strategic Plan's group rows, "ITU-R", twice: a group section's heading and
    the row's block.)"""
    path = CORPUS / name
    assert_each_word_once(_python_docx_words(path), load(path))


@pytest.mark.parametrize("rows", ["one", "head", "each"])
@pytest.mark.parametrize("name", ["objective2-old.docx", "action-plan-ba-bold.docx"])
def test_nothing_lost_in_boxed_outputs(tmp_path, name, rows):
    """Each output boxed in a one-column table (tests/test_boxed_sections.py): its paragraphs join
    the sections, and every word lands once, the words of the Region tables nested in the boxes
    too; before, the profile was generic and the boxes were tables (no outputs)."""
    editor = DocxEditor.open(CORPUS / name)
    box_sections(editor, r"^Output \d+\.\d+\s*(?:[–-]|$)", rows)
    path = editor.save(tmp_path / name)
    doc = load(path)
    assert len(doc.of_kind("output")) == (3 if name.startswith("objective2") else 17)
    assert_each_word_once(_python_docx_words(path), doc)


@pytest.mark.parametrize("rows", ["one", "each"])
@pytest.mark.parametrize("name", ["objective2-old.docx", "action-plan-ba-bold.docx"])
def test_nothing_lost_in_boxes_joined_to_tables(tmp_path, name, rows):
    """Each output boxed, and each objective's outcomes table joined with the boxes after it (one
    w:tbl, tests/test_boxes_joined.py): every word lands once, in the table parts or in the
    sections the boxes open."""
    editor = DocxEditor.open(CORPUS / name)
    box_sections(editor, r"^Output \d+\.\d+\s*(?:[–-]|$)", rows)
    body = editor.root.find(f"{W}body")
    outcomes = [tbl for tbl in body.findall(f"{W}tbl") if len(tbl.find(f"{W}tr").findall(f"{W}tc")) > 1]
    assert sum(join_tables(editor, tbl) for tbl in outcomes) == (3 if name.startswith("objective2") else 17)
    path = editor.save(tmp_path / name)
    doc = load(path)
    assert len(doc.of_kind("output")) == (3 if name.startswith("objective2") else 17)
    assert_each_word_once(_python_docx_words(path), doc)


def test_table_of_contents_entries_are_not_headings(tmp_path, written):
    """A TOC listing "Output 2.1 – …" must not open a second output-2.1."""
    path = copy_of(written, "styles-typed", tmp_path / "with-toc.docx")
    document = docx.Document(str(path))
    first = document.paragraphs[0]
    for number in ("2.1", "2.2"):
        entry = first.insert_paragraph_before(f"Output {number} – Products and services\t12")
        entry.style = document.styles.add_style(f"toc {number}", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    document.save(str(path))
    doc = load(path)
    assert [s.id for s in doc.of_kind("output")][:8] == [f"output-{n}" for n in OUTPUT_NUMBERS[:8]]
    assert "Output 2.1 – Products and services\t12" in [b.text for b in doc.section("front").blocks]


def test_a_contents_entry_page_number_is_no_reference(tmp_path, written):
    """"…Sustainable Development Goals<tab>6" in the contents: 6 is a page, not SDG 6."""
    from actionplan_trace.refs import document_refs

    path = copy_of(written, "styles-typed", tmp_path / "with-toc.docx")
    document = docx.Document(str(path))
    entry = document.paragraphs[0].insert_paragraph_before(
        "References to WTDC Resolutions, WSIS Action Lines and Sustainable Development Goals\t6")
    entry.style = document.styles.add_style("toc 2", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    document.paragraphs[0].insert_paragraph_before("Goals and targets of the SDGs .......... 7")
    document.save(str(path))
    front = [r.id for r in document_refs(load(path)).refs if r.section == "front"]
    assert front == []


@pytest.mark.parametrize("style_name", sorted(STYLES))
def test_a_line_break_inside_a_heading_title_keeps_the_heading(tmp_path, written, style_name):
    """Shift+Enter inside an output's or objective's title (a heading style or a bold line): the
    section stays, its title one line, and nothing under it moves to the section before."""
    _, plain = written(style_name)
    path = copy_of(written, style_name, tmp_path / "broken.docx")
    document = docx.Document(str(path))
    titles = [plain.section(section_id).title for section_id in ("objective-2", "output-2.2")]
    broken = 0
    for paragraph in document.paragraphs:
        if any(paragraph.text.endswith(title) and len(paragraph.text) < len(title) + 16 for title in titles):
            run = paragraph.runs[-1]
            words = run.text.split(" ")
            half = len(words) // 2
            run.text = " ".join(words[:half])
            run.add_break()
            run.add_text(" ".join(words[half:]))
            broken += 1
    assert broken == 2
    document.save(str(path))
    doc = load(path)
    assert outline(doc) == outline(plain)
    assert [len(s.blocks) for s in doc.sections] == [len(s.blocks) for s in plain.sections]


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DELETED = {f"{W}del", f"{W}moveFrom"}


def _accepted_xml_words(path: Path) -> Counter:
    """Words of the body as Word's "accept all" shows them, read straight from document.xml."""
    import zipfile

    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    words: Counter = Counter()
    for paragraph in root.iter(f"{W}p"):
        if any(a.tag == f"{W}p" for a in paragraph.iterancestors()):
            continue
        pieces = []
        for node in paragraph.iter(f"{W}t", f"{W}tab", f"{W}noBreakHyphen"):
            if any(a.tag in DELETED for a in node.iterancestors()):
                continue
            pieces.append({f"{W}t": node.text or "", f"{W}tab": " "}.get(node.tag, "-"))
        words.update("".join(pieces).split())
    return words


@pytest.mark.parametrize("name", ["contribution-tdag.docx", "objective2-tracked.docx"])
def test_nothing_lost_with_revision_marks(name):
    """Accepted view: every word Word would show lands exactly once; extras are only list labels."""
    path = CORPUS / name
    assert_each_word_once(_accepted_xml_words(path), load(path))


def _typed_contents(plan: Document, ids: list[str], start_page: int = 3) -> list[str]:
    """Contents lines as typed by hand: the heading's text, a space, the page (no style, no leader)."""
    lines = []
    for page, section_id in enumerate(ids, start=start_page):
        section = plan.section(section_id)
        lines.append(f"{section.heading.splitlines()[0]} {page}")
    return lines


@pytest.mark.parametrize("style_name", sorted(STYLES))
def test_a_typed_contents_list_without_leaders_opens_no_sections(tmp_path, text_plan, written, style_name):
    """"Output 2.1 – Products and services … 5" typed in Normal style with a space before its page
    (no contents style, no dot leader, no tab) stays in the front matter: the outline is the
    plan's, with no second output-2.1, in every formatting of the headings."""
    _, plain = written(style_name)
    path = copy_of(written, style_name, tmp_path / "typed-toc.docx")
    document = docx.Document(str(path))
    first = document.paragraphs[0]
    lines = _typed_contents(text_plan, ["objective-1", "output-1.1", "output-1.2", "objective-2", "output-2.1"])
    first.insert_paragraph_before("Contents")
    for line in lines:
        first.insert_paragraph_before(line)
    document.save(str(path))
    doc = load(path)
    assert outline(doc) == outline(plain)
    front = [b.text for b in doc.section("front").blocks]
    assert lines == [t for t in front if t in lines]
    assert all(b.contents for b in doc.section("front").blocks if b.text in lines)


def test_a_typed_contents_entry_page_number_is_no_reference(tmp_path):
    """In a leaderless contents list "… Sustainable Development Goals 6" names page 6, not SDG 6;
    the same words as a heading later cite nothing either, and the body's SDG 9 is still read."""
    from actionplan_trace.refs import document_refs

    path = tmp_path / "plan.txt"
    path.write_text("Contents\nIntroduction 2\nReferences to WTDC Resolutions and Sustainable Development Goals 6\n"
                    "Annex 9\n\nIntroduction\n\nThe plan serves SDG 9.\n\n"
                    "References to WTDC Resolutions and Sustainable Development Goals\n\nSee WTDC Resolution 37.\n\n"
                    "Annex\n\nNothing more.\n", encoding="utf-8")
    doc = load(path)
    entries = [b.text for s in doc.sections for b in s.blocks if b.contents]
    assert entries == ["Introduction 2", "References to WTDC Resolutions and Sustainable Development Goals 6", "Annex 9"]
    assert sorted({r.id for r in document_refs(doc).refs}) == ["SDG-9", "WTDC-RES-37"]


def test_heading_lines_ending_in_a_year_are_no_contents_list(tmp_path):
    """Two headings in a row that end in a number ("… Connect 2030", "… Agenda 2030") name no
    paragraphs after them: they stay headings."""
    path = tmp_path / "plan.txt"
    path.write_text("Objective 2 – Connect 2030\n\nOutput 2.1 – Agenda 2030\n\nThe output serves SDG 9.\n\n"
                    "Output 2.2 – Cybersecurity\n\nMore text.\n", encoding="utf-8")
    doc = load(path, profile="action-plan")
    assert [s.id for s in doc.sections] == ["objective-2", "output-2.1", "output-2.2"]
    assert not any(b.contents for s in doc.sections for b in s.blocks)


def test_a_contents_entry_wrapped_over_two_lines_is_one_entry(tmp_path):
    """"Output 2.1 – … including" / "broadband and broadcasting 4": an entry wrapped over two lines
    (with a Roman-numbered foreword before it) opens no section; before, its first line opened
    output-2.1 and the real one became output-2.1-2 (a review)."""
    body = (CORPUS / "text" / "objective2-new.txt").read_text(encoding="utf-8")
    path = tmp_path / "wrapped-toc.txt"
    path.write_text("Contents\nForeword iii\nObjective 2 – Modern and secure telecommunication/ICT Infrastructure 1\n"
                    "Output 2.1 – Products and services on telecommunication/ICT infrastructure and services, including\n"
                    "broadband and broadcasting 4\n"
                    "Output 2.2 – Products and services on building confidence and security in the use of "
                    "telecommunications/ICTs 10\nOutput 2.3 – Products and services on disaster risk reduction 14\n\n" + body,
                    encoding="utf-8")
    doc = load(path)
    assert [s.id for s in doc.sections if s.kind in ("objective", "output")] == [
        "objective-2", "output-2.1", "output-2.2", "output-2.3"]
    entries = [b.text.split()[-1] for b in doc.section("front").blocks if b.contents]
    assert entries == ["iii", "1", "including", "4", "10", "14"]


def _toc_then_headings(path: Path, title: str, toc_style: str = "toc 1") -> Path:
    """A Word contents list (entries in contents styles, a tab before each page) and then the
    headings it names, the first one `title`."""
    document = docx.Document()
    styles = {name: document.styles.add_style(name, docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
              for name in (toc_style, "toc 2")}
    for text, page, style in ((title, 3, toc_style), ("Summary", 4, "toc 2"), ("Action required", 5, "toc 2")):
        document.add_paragraph(f"{text}\t{page}", style=styles[style])
    document.add_heading(title, level=1)
    document.add_heading("Summary", level=2)
    document.add_paragraph("The plan serves SDG 9 and WSIS Action Line C2.")
    document.add_heading("Action required", level=2)
    document.add_paragraph("The Council is invited to approve it.")
    document.save(str(path))
    return path


@pytest.mark.parametrize("title, toc_style", [
    ("Operational Plan 2021", "toc 1"),
    ("Report on the Implementation of the Strategic Plan, April 2019 - April 2020", "TOC Heading 1"),
    ("Implementation of Resolution 139 (Rev. Dubai, 2018)", "toc 1"),
])
def test_a_heading_after_the_contents_that_ends_in_a_number_is_the_heading(tmp_path, title, toc_style):
    """The heading an entry names, whose last word reads as a page ("… 2021", "… 2020", "… 2018)"),
    is a heading, not one more contents entry: the outline is the one without a contents list
    (review of Word-written XML: the report's title heading was lost and its sections moved up)."""
    from actionplan_trace.refs import document_refs

    doc = load(_toc_then_headings(tmp_path / "toc.docx", title, toc_style))
    assert [(s.level, s.title) for s in doc.sections if s.kind != "front-matter"] == [
        (1, title), (2, "Summary"), (2, "Action required")]
    assert [b.text.split("\t")[0] for b in doc.section("front").blocks if b.contents] == [
        title, "Summary", "Action required"]
    refs = document_refs(doc).refs
    assert all(r.section != "front" for r in refs)  # a contents entry cites nothing
    assert sorted({r.id for r in refs}) == sorted({"SDG-9", "WSIS-C2"} | ({"PP-RES-139"} if "139" in title else set()))


def test_a_dot_leader_line_outside_a_contents_list_still_cites(tmp_path):
    """A budget line "Activities under WTDC Resolution 37 (Rev. Buenos Aires, 2017) ...... 120" is
    no contents entry (no contents style, no run of entries naming later headings): what stands
    before its number cites, its number does not (review: 5afff3a had it cite nothing)."""
    from actionplan_trace.refs import document_refs

    path = tmp_path / "budget.txt"
    path.write_text("Budget\n\nActivities under WTDC Resolution 37 (Rev. Buenos Aires, 2017) ........ 120\n\n"
                    "Work on SDG target 9.c ........ 45\n\nThe total is 165.\n", encoding="utf-8")
    refs = document_refs(load(path)).refs
    assert sorted({r.id for r in refs}) == ["SDG-9.c", "WTDC-RES-37"]


def test_items_set_in_a_list_style_are_no_headings_whatever_their_numbers(tmp_path: Path) -> None:
    """A black-box review (p5): the four "Goal 1: …" items of a "List Bullet" list whose format was
    made decimal ("1.", "2.") were read as clause headings 1 to 4 beside the document's own
    clauses 1 and 2, one of them taking the paragraphs after it; their ITU goals went unread. A
    paragraph in one of Word's list styles is a list item."""
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("Introduction", style="Heading 1")
    document.add_paragraph("The Plan rests on the ITU strategic goals of the Strategic Plan for 2016-2019:")
    for text in ("Goal 1: Growth – Enable and foster access to and increased use of telecommunications/ICTs",
                 "Goal 2: Inclusiveness – Bridge the digital divide and provide broadband for all"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("These goals frame every objective of the Plan.")
    document.add_paragraph("Definitions", style="Heading 1")
    path = tmp_path / "goals.docx"
    document.save(str(path))
    doc = load(path, profile="action-plan")
    assert [s.title for s in doc.sections if s.kind != "front-matter"] == ["Introduction", "Definitions"]
    intro = doc.sections[[s.title for s in doc.sections].index("Introduction")]
    assert [(b.type, b.label) for b in intro.blocks][1:3] == [("list-item", "1."), ("list-item", "2.")]


CASELESS = ("الاتحاد الدولي للاتصالات يدعم خطة العمل", "国际电信联盟支持宽带网络的发展。", "日本語の地域イニシアティブ",
            # more capitals (region and conference codes) than ideographs, but ended with a full-width stop
            "亚太区域举措：ASP1、ASP2、ASP3（见WTDC第17号决议）。", "アジア太平洋：ASP1、ASP2、ASP3（WTDC決議17）。")


@pytest.mark.parametrize("profile", ["action-plan", "generic"])
def test_paragraphs_in_caseless_scripts_are_no_all_caps_headings(tmp_path: Path, profile: str) -> None:
    """Arabic, Chinese and Japanese have no lower case, so their short paragraphs have no lower-case
    letter: they stay paragraphs of their section, and so does the English text after them. A
    Chinese or Japanese sentence full of capital codes ends with its own full stop ("。"), as an
    English one with ".": a sentence, no caps line."""
    document = docx.Document()
    document.add_paragraph("Objective 2 – Modern and secure telecommunication/ICT infrastructure", style="Heading 1")
    document.add_paragraph("Output 2.1 – Products and services on telecommunication/ICT infrastructure", style="Heading 2")
    document.add_paragraph("1. Background", style="Heading 3")
    document.add_paragraph("Infrastructure is central for enabling universal access to ICTs.")
    document.add_paragraph("2. Implementation framework", style="Heading 3")
    document.add_paragraph("The programme works with the regions in their own languages:")
    for text in CASELESS:
        document.add_paragraph(text)
    document.add_paragraph("This supports Regional Initiative ARB1 and WSIS Action Line C6.")
    document.add_paragraph("ANNEX TO THE FRAMEWORK")
    document.add_paragraph("The annex lists the regional partners.")
    path = tmp_path / "caseless.docx"
    document.save(str(path))
    doc = load(path, profile)
    framework = doc.get("output-2.1/implementation-framework" if profile == "action-plan" else "clause-2")
    assert framework is not None
    assert [b.text for b in framework.blocks] == [
        "The programme works with the regions in their own languages:", *CASELESS,
        "This supports Regional Initiative ARB1 and WSIS Action Line C6.",
    ]
    caps = [(s.title, s.signal) for s in doc.sections if s.signal == "caps-line"]
    assert caps == [("ANNEX TO THE FRAMEWORK", "caps-line")]
