"""A table cut into parts keeps its columns' meaning: SDG targets in roadmap rows that a page break
(page number, running head, footer, a repeated header or none) or footnotes part from the header
row naming the SDG column are still SDG targets, in their own row; and nothing else becomes one.

Each fixture is one small roadmap (one action line, a five-column table of outcomes) written out in
a format and a way of breaking its pages: text renderings of a PDF (tab-separated rows, the layout
of a page in columns with rows over several lines), a .docx split into tables with the header row
repeated or not, and a PDF whose table runs over pages."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement

from actionplan_trace import load
from actionplan_trace.extract import read
from actionplan_trace.model import Document
from actionplan_trace.refs import document_refs

from conftest import SHARED, corpus_doc
from pdfgen import PAGE_H, PAGE_W, TableStyle, lay_table, rule_op, text_op, word_widths, wrap, write_placed

HEADER = ["WSIS Outcomes¹ (WSIS AL C5)", "Proposed ² Timing", "ITU Strategic Goals and Relevant Resolutions ³",
          "Linkages with the SDGs", "Expected Results of ITU Activities ⁴"]
# Each row's other columns hold numbers too (timing, ITU goals and targets, resolutions, counts):
# none of them is an SDG target.
ROWS = [
    ["A1: Promote cooperation among the governments", "2016-2019", "ITU Strategic Goal 3 (Target 3.1) WTDC Res. 45",
     "1.4, 4.1, 5.b", "Expected Results: 12 workshops on 9.1 broadband"],
    ["A2: Address other information security", "2016-2019", "Goal 3 Target 3.1 PP Res. 130, 174",
     "7.1, 7.a, 9.c", "Expected Results: 4.4 million users reached"],
    ["B1: Governments should prevent cyber-crime", "2016-2019", "Goal 1 Goal 3 ITU-D Objective 2",
     "16.2, 17.8", "Expected Results: toolkits (2.1, 2.2)"],
    ["B2: Encourage education and raising awareness", "2018", "Goal 4",
     "4.3, 4.5", "Expected Results: training in 17 countries"],
]
TARGETS = {
    "A1": ["SDG-1.4", "SDG-4.1", "SDG-5.b"],
    "A2": ["SDG-7.1", "SDG-7.a", "SDG-9.c"],
    "B1": ["SDG-16.2", "SDG-17.8"],
    "B2": ["SDG-4.3", "SDG-4.5"],
}
NOTES = ["WSIS outcomes for each action line will be listed in accordance with the Geneva Plan of Action.",
         "A proposed time-scale will be shown for each outcome, if possible and feasible.",
         "Relevant ITU Strategic Goals and Resolutions should be linked with each outcome.",
         "This column lists the planned ITU activities and the results expected of them."]
TITLE = "ITU WSIS Action Line Roadmaps"
HEADING = "WSIS Action Line C5: Building Confidence and Security in the Use of ICTs"
INTRO = f"{TITLE}\n\n{HEADING}\n\n"


def tsv(cells: list[str]) -> str:
    return "\t".join(cells)


def write(tmp_path: Path, text: str, name: str = "roadmap.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def targets_by_row(path: Path, profile: str | None = None) -> dict[str, list[str]]:
    """The SDG targets `trace refs` finds in each row (its section's number), and a check that
    every SDG reference is one of a row's SDG column."""
    return targets_of(load(path, profile=profile))


def targets_of(doc: Document) -> dict[str, list[str]]:
    """targets_by_row of a document already loaded."""
    numbers = {s.id: s.number or s.id for s in doc.sections}
    found: dict[str, list[str]] = defaultdict(list)
    for ref in document_refs(doc).refs:
        if ref.family.startswith("sdg"):
            assert ref.field == "sdgs", (ref.id, ref.text, ref.section, ref.field)
            found[numbers[ref.section or ""]].append(ref.id)
    return dict(found)


def part(rows: list[list[str]], header: bool = False) -> str:
    return "\n".join(([tsv(HEADER)] if header else []) + [tsv(r) for r in rows]) + "\n"


def notes(marks: str) -> str:
    """The table's notes as a rendering sets them under the table on its first page."""
    return "".join(f"{mark} {text}\n\n" for mark, text in zip(marks, NOTES))


# What a page break leaves between two parts of the table in a text rendering, and whether the
# second part opens with the header row again.
BREAKS = {
    "notes": (notes("¹²³⁴"), False),
    "plain-note-numbers": (notes("1234"), False),
    "footer-and-running-head": (f"Page 1 of 2\n\n{TITLE}\n\n", False),
    "form-feed-and-dashed-number": ("\f- 2 -\n\n", False),
    "notes-footer-then-header-again": (notes("¹²³⁴") + "Page 1 of 2\n\n", True),
    "continued-caption": ("Table 1 (continued)\n\n", False),
    "nothing-but-a-blank-line": ("", False),
}


@pytest.mark.parametrize("between", BREAKS, ids=list(BREAKS))
def test_rows_after_a_page_break_keep_their_sdg_column(tmp_path: Path, between: str) -> None:
    furniture, header_again = BREAKS[between]
    text = INTRO + part(ROWS[:1], header=True) + "\n" + furniture + part(ROWS[1:], header=header_again)
    assert targets_by_row(write(tmp_path, text)) == TARGETS


def test_a_page_number_laid_into_the_columns_over_the_repeated_header(tmp_path: Path) -> None:
    """pdftotext -layout sets a page's number right-aligned, in the last column, and the repeated
    header row right under it: the number is no row, the header no outcome."""
    text = (INTRO + part(ROWS[:2], header=True) + "\n" + notes("¹²³⁴")
            + "\t\t\t\tPage 2\n" + part(ROWS[2:], header=True))
    path = write(tmp_path, text)
    assert targets_by_row(path) == TARGETS
    doc = load(path)
    assert [s.number for s in doc.of_kind("wsis-outcome")] == ["A1", "A2", "B1", "B2"]


def test_a_row_broken_by_the_page_goes_on_in_the_next_part(tmp_path: Path) -> None:
    """A2's SDG cell and results run on over the page: the next part opens with the rest of the row,
    its first cells empty, as the later lines of A1 open on the page before (pdftotext -layout)."""
    a1 = [*ROWS[0][:2], "ITU Strategic Goal 3 (Target 3.1)", *ROWS[0][3:]]
    a1_more = ["", "", "WTDC Res. 45", "", ""]
    a2 = ["A2: Address other information security", "2016-2019", "Goal 3 Target 3.1", "7.1,", "Expected Results:"]
    rest = ["", "", "PP Res. 130, 174", "7.a, 9.c", "4.4 million users reached"]
    text = (INTRO + part([a1, a1_more, a2], header=True) + "\n" + notes("¹²³⁴") + "Page 1 of 2\n\n"
            + part([rest] + ROWS[2:]))
    path = write(tmp_path, text)
    assert targets_by_row(path) == TARGETS
    a2_section = load(path).section("action-line-C5/A2")
    assert a2_section.fields["goals-and-resolutions"] == "Goal 3 Target 3.1\nPP Res. 130, 174"


def test_a_page_laid_out_in_columns_rows_over_several_lines(tmp_path: Path) -> None:
    """The seed's C5 layout: a row is several lines, the first cells of the later ones empty (the
    line opens with tabs) or holding a line of the outcome's text; the outcome's text wraps in lower
    case, or in a line that leaves the timing empty. That the table's rows open with empty cells on
    each page says that its rows are laid out in columns."""
    lines = [
        tsv(HEADER),
        tsv(["A1: Promote cooperation among", "2016-2019", "ITU Strategic Goal 3 (Target 3.1)", "1.4,", "Expected Results:"]),
        tsv(["the governments", "", "WTDC Res. 45", "4.1, 5.b", "12 workshops"]),
        tsv(["", "", "Regional Initiatives (AFR3)", "", ""]),
        "",
        *notes("⁵⁶⁷⁸").splitlines(),
        tsv(["A2: Address other information", "2016-2019", "Goal 3", "7.1, 7.a,", "Expected Results:"]),
        tsv(["Security issues and networks", "", "Target 3.1", "9.c", "4.4 million users"]),
        tsv(["", "", "PP Res. 130, 174", "", "reached"]),
        "",
        tsv(["B1: Governments should prevent", "2016-2019", "Goal 1 Goal 3", "16.2,", "Expected Results:"]),
        tsv(["", "", "ITU-D Objective 2", "17.8", "toolkits"]),
        tsv(["B2: Encourage education and raising awareness", "2018", "Goal 4", "4.3, 4.5", "training"]),
    ]
    path = write(tmp_path, INTRO + "\n".join(lines) + "\n")
    assert targets_by_row(path) == TARGETS
    doc = load(path)
    assert [s.number for s in doc.of_kind("wsis-outcome")] == ["A1", "A2", "B1", "B2"]
    assert doc.section("action-line-C5/A2").fields["outcome"].endswith("Security issues and networks")


def test_labels_set_apart_in_a_column_of_their_own(tmp_path: Path) -> None:
    """A rendering that set each row's label apart with a tab ("d.<tab>Governments…") has one
    column more than the header, whose first cell is empty: the label is the outcome's."""
    lines = ["\t" + tsv(HEADER)] + [tsv([f"{label}.", row[0].split(": ", 1)[1], *row[1:]])
                                    for label, row in zip("abcd", ROWS)]
    path = write(tmp_path, INTRO + "\n".join(lines) + "\n")
    doc = load(path)
    assert [(s.number, s.title[:20]) for s in doc.of_kind("wsis-outcome")] == [
        (f"{label}.", row[0].split(": ", 1)[1][:20]) for label, row in zip("abcd", ROWS)]
    assert targets_by_row(path) == {f"{label}.": TARGETS[key] for label, key in zip("abcd", TARGETS)}


def test_left_whole_tables_take_no_header_from_the_table_above(tmp_path: Path) -> None:
    """With no table rule (the generic profile) a table is left whole and its columns read by its
    own header's words (rules/refs.yml `columns`). A table after notes and a page number whose first
    row names no known column is another table, not the SDG column above going on: its budget
    figures are no SDG targets (second review, R3)."""
    header = tsv(["Output", "Description", "Linkages with the SDGs"])
    text = ("Plan\n\n" + header + "\n" + tsv(["Output 2.1", "Infrastructure", "9.1, 9.c"]) + "\n\n"
            + "¹ Targets of the 2030 Agenda.\n\nPage 3\n\n"
            + tsv(["Africa", "Regional budget", "4.5, 9.1"]) + "\n" + tsv(["Europe", "Regional budget", "2.1"]) + "\n")
    doc = load(write(tmp_path, text), profile="generic")
    found = [(r.id, r.field) for r in document_refs(doc).refs if r.family.startswith("sdg")]
    assert found == [("SDG-9.1", "sdgs"), ("SDG-9.c", "sdgs")]


# Nothing else becomes an SDG target: what ends a table, and numbers outside its SDG column.

def test_a_body_paragraph_ends_the_table(tmp_path: Path) -> None:
    """A paragraph of the document's text between two tables: the second, as wide and without a
    header, is another table; its numbers are none of the roadmap's SDG targets."""
    other = [["Region", "2016", "AFR3, ASP5", "1.4, 9.1", "17 countries"]]
    text = (INTRO + part(ROWS, header=True) + "\nThe regional initiatives below support these outcomes.\n\n"
            + part(other))
    assert targets_by_row(write(tmp_path, text)) == TARGETS


def test_a_table_of_another_width_after_the_notes_is_another_table(tmp_path: Path) -> None:
    other = [["Region", "AFR3, ASP5", "1.4, 9.1", "17 countries"], ["Budget", "CHF", "2.5, 3.1", "2019"]]
    text = INTRO + part(ROWS, header=True) + "\n" + notes("¹²³⁴") + "\n".join(tsv(r) for r in other) + "\n"
    assert targets_by_row(write(tmp_path, text)) == TARGETS


def test_a_new_header_row_starts_another_table(tmp_path: Path) -> None:
    """A table as wide whose header names other columns is another table, in a format that marks
    its header row (a pipe table's rule): its SDG-like numbers are none."""
    text = ("# Roadmap\n\n| Output | Description | Linkages with the SDGs |\n|---|---|---|\n"
            "| Output 2.1 | Infrastructure | 9.1, 9.c |\n\n¹ Targets of the 2030 Agenda.\n\n"
            "| Region | Initiatives | Budget |\n|---|---|---|\n| AFR | AFR3 | 1.4, 9.1 |\n")
    doc = load(write(tmp_path, text, "plan.md"), profile="generic")
    assert [r.id for r in document_refs(doc).refs if r.family.startswith("sdg")] == ["SDG-9.1", "SDG-9.c"]


def test_numbers_in_paragraphs_after_the_table_are_no_targets(tmp_path: Path) -> None:
    text = (INTRO + part(ROWS, header=True) + "\n" + notes("¹²³⁴")
            + "In 2019, 4.4 per cent of 9.1 million users were reached, see 1.4 above.\n")
    assert targets_by_row(write(tmp_path, text)) == TARGETS


# The text reader: rows whose first cells are empty.

def test_tab_separated_rows_may_open_with_empty_cells(tmp_path: Path) -> None:
    text = "a\tb\tc\td\n\t\tx\ty\n\tp\t\tq\n"
    [table] = read(write(tmp_path, text)).blocks
    assert [[c.text for c in row] for row in table.rows or []] == [
        ["a", "b", "c", "d"], ["", "", "x", "y"], ["", "p", "", "q"]]


def test_a_table_may_open_with_an_empty_cell(tmp_path: Path) -> None:
    text = "\tGoal ITU-R\tGoal ITU-T\tGoal GS\nObjective 1\tX\t\t\n"
    [table] = read(write(tmp_path, text)).blocks
    assert [[c.text for c in row] for row in table.rows or []] == [
        ["", "Goal ITU-R", "Goal ITU-T", "Goal GS"], ["Objective 1", "X", "", ""]]


def test_word_tab_led_cells_holding_a_tab_stay_tab_led(tmp_path: Path) -> None:
    """Word's plain-text tables start each cell with a tab; a cell holding a typed list label has one
    more ("<tab>1.<tab>Introduction"): still one cell each, not a three-column table."""
    text = "\tOutcomes\n\tIndicators\n\n\t1.\tIntroduction\n\t2.\tBackground\n"
    [table] = read(write(tmp_path, text)).blocks
    assert [[c.text for c in row] for row in table.rows or []] == [
        ["Outcomes", "Indicators"], ["1.\tIntroduction", "2.\tBackground"]]


# .docx: a long table its author split into several, the header row repeated or not.

def _docx_table(document: docx.document.Document, rows: list[list[str]], bold_first: bool = False) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            run = table.rows[r].cells[c].paragraphs[0].add_run(text)
            run.bold = bold_first and r == 0


def _repeat_header(table: docx.table.Table) -> None:
    mark = OxmlElement("w:tblHeader")
    table.rows[0]._tr.get_or_add_trPr().append(mark)


def _page_break(document: docx.document.Document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def roadmap_docx(path: Path, parts: list[tuple[list[list[str]], bool]], between: str = "page-break") -> Path:
    """A roadmap .docx whose table is split into `parts` (rows, whether the part repeats the header)."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(HEADING).runs[0].bold = True
    for k, (rows, header) in enumerate(parts):
        if k:
            if between == "page-break":
                _page_break(document)
            else:
                document.add_paragraph(between)
        _docx_table(document, ([HEADER] if header else []) + rows, bold_first=header)
        if header:
            _repeat_header(document.tables[-1])
    for mark, text in zip("¹²³⁴", NOTES):
        document.add_paragraph(f"{mark} {text}")
    document.save(str(path))
    return path


DOCX_SPLITS = {
    "one-table-header-repeating": [(ROWS, True)],
    "split-header-not-repeated": [(ROWS[:2], True), (ROWS[2:], False)],
    "split-header-repeated": [(ROWS[:2], True), (ROWS[2:], True)],
    "split-three-ways": [(ROWS[:1], True), (ROWS[1:3], False), (ROWS[3:], True)],
}


@pytest.mark.parametrize("split", DOCX_SPLITS, ids=list(DOCX_SPLITS))
def test_docx_table_split_with_its_header_repeated_or_not(tmp_path: Path, split: str) -> None:
    path = roadmap_docx(tmp_path / "roadmap.docx", DOCX_SPLITS[split])
    assert targets_by_row(path) == TARGETS
    doc = load(path)
    assert [s.number for s in doc.of_kind("wsis-outcome")] == ["A1", "A2", "B1", "B2"]


def test_docx_header_row_typed_again_inside_the_table(tmp_path: Path) -> None:
    """An author who typed the header row again where a page begins: it is no outcome."""
    path = roadmap_docx(tmp_path / "roadmap.docx", [(ROWS[:2] + [HEADER] + ROWS[2:], True)])
    assert targets_by_row(path) == TARGETS
    assert [s.number for s in load(path).of_kind("wsis-outcome")] == ["A1", "A2", "B1", "B2"]


def test_docx_a_paragraph_of_text_between_tables_ends_the_first(tmp_path: Path) -> None:
    other = [["Region", "2016", "AFR3, ASP5", "1.4, 9.1", "17 countries"]]
    path = roadmap_docx(tmp_path / "roadmap.docx", [(ROWS, True), (other, False)],
                        between="The regional initiatives below support these outcomes.")
    assert targets_by_row(path) == TARGETS


def test_docx_a_bold_header_row_starts_another_table(tmp_path: Path) -> None:
    other = [["Region", "Year", "Initiatives", "Budget", "Countries"], ["AFR", "2016", "AFR3", "1.4, 9.1", "17"]]
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(HEADING)
    _docx_table(document, [HEADER] + ROWS, bold_first=True)
    _page_break(document)
    _docx_table(document, other, bold_first=True)
    path = tmp_path / "roadmap.docx"
    document.save(str(path))
    assert targets_by_row(path) == TARGETS


# The seed this was found on.

SEED = SHARED / "seeds" / "002_7d280a28c15fa8de.txt"
SEED_TARGETS = "1.4 4.1 4.3 4.5 5.b 7.1 7.a 7.b 9.1 9.c 11.3 11.b 16.2 17.8"


@pytest.mark.skipif(not SEED.exists(), reason="needs the shared seed texts")
def test_seed_002_every_roadmap_row_has_its_sdg_targets() -> None:
    """Read by hand from the seed: the SDG column of every C5 and C6 row (C2 lists goals only).
    "17.0" (B1, B4), on a line of its own under the row's list, is the rendering's, no target and
    no reference."""
    c5 = {
        "A1": SEED_TARGETS, "A2": "7.1 7.a 7.b 9.1 9.c 11.3 11.b 17.8", "B1": SEED_TARGETS,
        "B2": "7.1 7.a 7.b 9.1 9.c 11.3 11.b 16.2 17.8", "B3": "1.4 7.1 7.a 7.b 9.1 9.c 11.3 11.b 16.2 17.8",
        "B4": "1.4 7.1 7.a 7.b 9.1 9.c 11.3 11.b 17.8", "B5": "1.4 4.1 4.3 4.5 5.b 9.1 9.c 16.2 17.8",
        "C": "1.4 4.1 4.3 4.5 5.b 9.1 9.c 16.2 17.8", "D": "9.1 9.c", "E": "1.4 9.1 9.c", "F": "9.1 9.c",
        "G": "1.4 7.1 7.a 7.b 9.1 9.c 11.3 11.b 17.8", "H": "1.4 7.1 7.a 7.b 9.1 9.c 11.3 11.b 17.8",
        "I": "1.4 9.1 9.c", "J": SEED_TARGETS, "a.": "9.1 9.c", "b.": "9.1 9.c", "c.": "4.1 4.5 16.2",
        "d.": "1.4 7.1 7.a 7.b 9.1 9.c 11.3 11.b 17.8", "e.": "1.4 7.1 7.a 7.b 9.1 9.c 11.3 11.b 17.8",
        "f.": "1.4 9.1 9.c",
    }
    # C6, by the first words of each outcome (the rendering lost or mangled some labels).
    c6 = {
        "Governments should foster a supportive": "2.a", "We ask the Secretary General": "17.16",
        "Governments are invited to": "9.c", "In cooperation with the relevant stakeholders": "9.1",
        "Governments should continue to update": "9.1 16.b", "Promote effective participation": "17.16",
        "Governments need to formulate national": "16.6 16.7", "Develop a framework for the secure": "16.10 16.b",
        "Invite stakeholders to ensure": "16.b", "Encourage the ongoing work": "16.3",
        "Governments, in collaboration with stakeholders": "4.4 5.b 8.3", "Recognizing the economic potential": "8.3",
        "Governments should act as model users": "16.6", "Governments, in cooperation with other stakeholders, should raise": "10.3",
        "Governments, in cooperation with other stakeholders, should promote": "11.3", "ITU, pursuant to its treaty": "17.16",
        "Additional steps should be taken": "17.6", "promote digital inclusion": "5.b", "foster broadband": "2.a 9.1",
        "nurture innovation": "8.2", "recognize the economic potential": "4.4 8.3", "ensure confidence and security": "9.1",
        "foster an intellectual property": "8.2",
    }
    doc = load(SEED)
    report = document_refs(doc)
    by_section: dict[str, list[str]] = defaultdict(list)
    for ref in report.refs:
        if ref.family == "sdg-target":
            assert ref.field == "sdgs"
            by_section[ref.section or ""].append(ref.id)
    got_c5 = {s.number: " ".join(i[4:] for i in by_section.pop(s.id, [])) for s in doc.of_kind("wsis-outcome")
              if s.id.startswith("action-line-C5/") and s.number}
    assert got_c5 == c5
    c6_rows = [s for s in doc.of_kind("wsis-outcome") if s.id.startswith("action-line-C6/") and s.id in by_section]
    got_c6 = {}
    for s in c6_rows:
        title = s.fields["outcome"]
        key = next(k for k in c6 if k in title)
        got_c6[key] = " ".join(i[4:] for i in by_section.pop(s.id))
    assert got_c6 == c6
    assert not by_section  # every target is in a row of its own
    assert [f.ref for f in report.findings if f.code == "REF002"] == []


# PDF: the roadmap table run over pages, its notes at the foot of the first, "Page N of M" below.

PDF_STYLES = {
    "grid": TableStyle(widths=(120, 50, 115, 70, 150), size=9, left=40, bottom=PAGE_H - 170),
    "rows": TableStyle(widths=(125, 45, 110, 75, 150), font="Times-Roman", bold="Times-Bold", size=9,
                       rules="rows", left=40, bottom=PAGE_H - 170),
}
STARTS = range(240, 700, 20)  # where the table starts on the first page (points below its top)
# Known misses of the PDF reader, not of the table's parts: a table ruled with horizontal rules only
# whose header does not repeat, with one row on the next page whose narrow column gap no text
# shows there (its columns are found from that page's text alone: four, not five), or with its
# header alone at the foot of the first page (its open end runs on into the notes under it).
PDF_KNOWN = {("rows", False, 540), ("rows", False, 560), ("rows", False, 680)}


def roadmap_pdf(tmp_path: Path, style: TableStyle, start: float) -> Path:
    """The roadmap's table set from `start` points below the page top, under its title and heading."""
    rows = [HEADER, *ROWS]
    words = {w for row in rows for cell in row for w in cell.split()}
    plain = word_widths(words, style.font, style.size, tmp_path)
    bold = word_widths(words, style.bold, style.size, tmp_path)

    def cells(row: list[str], widths: tuple[dict[str, float], float]) -> list[list[str]]:
        return [wrap(text, width - 2 * style.pad, *widths) for text, width in zip(row, style.widths)]

    pages = [[text_op(style.left, 60, TITLE, "Helvetica", 10),
              text_op(style.left, 90, HEADING, "Helvetica-Bold", 12)]]
    lay_table([cells(HEADER, bold), *(cells(row, plain) for row in ROWS)], style, start, pages)
    foot = PAGE_H - 150
    pages[0].append(rule_op(style.left, foot, style.left + 120, foot))
    for k, (mark, note) in enumerate(zip("1234", NOTES)):
        pages[0].append(text_op(style.left, foot + 12 + 11 * k, f"{mark} {note}", style.font, 7.5))
    for n, page in enumerate(pages, start=1):
        page.append(text_op(PAGE_W / 2 - 30, PAGE_H - 40, f"Page {n} of {len(pages)}", "Helvetica", 9))
    return write_placed(tmp_path / f"roadmap-{start:.0f}.pdf", pages)


@pytest.mark.parametrize("rules", sorted(PDF_STYLES))
@pytest.mark.parametrize("repeat", [True, False], ids=["header-repeated", "header-once"])
def test_pdf_roadmap_over_pages_keeps_its_sdg_column(tmp_path: Path, rules: str, repeat: bool) -> None:
    """Every row's SDG targets in its own row wherever the page breaks the table: the PDF reader
    stitches a page's part to the one before it (pdf_tables.stitch), and where it does not (the
    header alone at the foot of a page, the notes under it read as paragraphs), the part goes on
    with the table across the notes. The table is set from many heights on the first page."""
    style = replace(PDF_STYLES[rules], repeat_header=repeat)
    broken, missed = 0, set()
    for start in STARTS:
        doc = load(roadmap_pdf(tmp_path, style, start))  # read once: its pages, outcomes and targets
        broken += doc.source.pages > 1
        outcomes = [s.number for s in doc.of_kind("wsis-outcome")]
        if targets_of(doc) != TARGETS or outcomes != ["A1", "A2", "B1", "B2"]:
            missed.add((rules, repeat, start))
    assert broken >= 8
    assert missed == {k for k in PDF_KNOWN if k[:2] == (rules, repeat)}


def test_a_year_line_ends_the_table(tmp_path: Path) -> None:
    """A year over a table is the document's text, no page number: the table under it is another,
    its labelled rows no outcomes of the roadmap."""
    other = [["A9: Regional initiatives", "2016", "AFR3, ASP5", "1.4, 9.1", "17 countries"],
             ["B9: Budget", "2017", "CHF", "2.5", "2019"]]
    text = INTRO + part(ROWS, header=True) + "\n2025\n\n" + part(other)
    assert targets_by_row(write(tmp_path, text)) == TARGETS


# What the review found joined that is no part of the table above (its fixtures, rebuilt).

LINKAGES = [["Action line", "SDGs"], ["C2 Infrastructure", "9.c, 17.8"], ["C5 Building confidence", "16.2"]]
REGIONS = [["Region", "Target"], ["Africa", "4.1 and 5"], ["Europe", "10"]]
LINKAGE_TARGETS = ["SDG-9.c", "SDG-17.8", "SDG-16.2"]


def sdg_refs(path: Path, profile: str | None = "generic") -> list[str]:
    return [r.id for r in document_refs(load(path, profile=profile)).refs if r.family.startswith("sdg")]


# Between two tables of the same width, the second opening with a plain (not bold) header row.
PLAIN_HEADER_BREAKS = {
    "a-blank-line": ("", ""),
    "a-source-caption-under-each": ("Source: ITU\n", "Source: ITU\n"),
    "year-lines": ("", "2025\n\n"),
}


@pytest.mark.parametrize("between", PLAIN_HEADER_BREAKS, ids=list(PLAIN_HEADER_BREAKS))
def test_a_plain_header_row_starts_another_table(tmp_path: Path, between: str) -> None:
    """Word's Save-as-text sets no header bold: "Region<tab>Target" names columns of its own (short
    names, no numbers, over rows with numbers), so the "Target" column is not the SDG column above."""
    under, before = PLAIN_HEADER_BREAKS[between]
    text = ("Linkages\n\nThe table below links action lines.\n\n" + "\n".join(map(tsv, LINKAGES)) + "\n" + under
            + "\n" + before + "\n".join(map(tsv, REGIONS)) + "\n" + under + "\nEnd text here.\n")
    assert sdg_refs(write(tmp_path, text)) == LINKAGE_TARGETS


def test_docx_a_plain_header_row_starts_another_table(tmp_path: Path) -> None:
    """A .docx header row shaded, not bold, of a table right under another as wide."""
    document = docx.Document()
    document.add_paragraph("Linkages")
    _docx_table(document, LINKAGES)
    _docx_table(document, REGIONS)
    document.add_paragraph("End text here.")
    path = tmp_path / "linkages.docx"
    document.save(str(path))
    assert sdg_refs(path) == LINKAGE_TARGETS


@pytest.mark.parametrize("glyph", ["•", "1."])
def test_a_list_after_a_tab_separated_table_is_no_row_of_it(tmp_path: Path, glyph: str) -> None:
    """Word's Save-as-text sets a list item indented as "<tab>•<tab>text": as many cells as the table
    above has, but a list, not rows whose first cells are empty."""
    text = ("Programme overview\nThe programmes are listed below.\nProgramme\tLead\tPartner\n"
            "Cybersecurity\tBDT\tUNDP\nSpectrum\tBR\tITU-R\n"
            f"\t{glyph}\tThe lead coordinates with partners on SDG target 9.c.\n"
            f"\t{glyph}\tFunding comes from the ITU budget.\nEnd text here.\n")
    table = next(b for b in read(write(tmp_path, text)).blocks if b.type == "table")
    assert [[c.text for c in row] for row in table.rows or []] == [
        ["Programme", "Lead", "Partner"], ["Cybersecurity", "BDT", "UNDP"], ["Spectrum", "BR", "ITU-R"]]


C7_HEADER = ["WSIS Outcomes (WSIS AL C7)", "Proposed Timing", "ITU Strategic Goals and Relevant Resolutions",
             "Linkages with the SDGs", "Expected Results of ITU Activities"]
C7_ROWS = [["A1: Promote e-government applications", "2016-2019", "Goal 1 PP Res. 130", "16.6", "Toolkits"],
           ["Develop national e-strategies for health", "", "Goal 2", "3.8", "Guidelines for e-health"],
           ["e-Agriculture: support ICT use in agriculture", "2017", "Goal 1", "2.3", "Workshops"],
           ["B1: Encourage e-learning", "2018", "Goal 4", "4.4", "Courses"]]
C7_OUTCOMES = [("A1", "Promote e-government applications"), (None, "Develop national e-strategies for health"),
               (None, "e-Agriculture: support ICT use in agriculture"), ("B1", "Encourage e-learning")]


def _outcomes(path: Path) -> list[tuple[str | None, str]]:
    return [(s.number, s.title) for s in load(path).of_kind("wsis-outcome")]


def test_whole_tab_separated_rows_without_a_label_are_rows_of_their_own(tmp_path: Path) -> None:
    """Word's Save-as-text gives each row of a table on one line: an unlabelled outcome, whether
    it leaves the timing empty or opens in lower case, is a row, not more lines of the row above."""
    text = ("ITU WSIS Action Line Roadmaps\n\nWSIS Action Line C7: ICT applications\n\n"
            + "\n".join(map(tsv, [C7_HEADER, *C7_ROWS])) + "\n\nEnd text.\n")
    assert _outcomes(write(tmp_path, text)) == C7_OUTCOMES


def test_docx_rows_without_a_label_are_rows_of_their_own(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("ITU WSIS Action Line Roadmaps")
    document.add_paragraph("WSIS Action Line C7: ICT applications")
    _docx_table(document, [C7_HEADER, *C7_ROWS], bold_first=True)
    path = tmp_path / "roadmap.docx"
    document.save(str(path))
    assert _outcomes(path) == C7_OUTCOMES


def test_a_source_caption_under_each_table_ends_it(tmp_path: Path) -> None:
    """"Source: ITU" under every table repeats, as a running foot does, but says where the table
    above comes from: the table under it is another, its labelled rows no outcomes of the roadmap."""
    other = [["A9: Regional initiatives", "2016", "AFR3, ASP5", "1.4, 9.1", "17 countries"],
             ["B9: Budget", "2017", "CHF", "2.5", "2019"]]
    text = INTRO + part(ROWS, header=True) + "Source: ITU\n\n" + part(other) + "Source: ITU\n"
    assert targets_by_row(write(tmp_path, text)) == TARGETS


CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize("name", ["wsis-roadmaps.pdf", "wsis-roadmaps-letter.pdf"])
def test_pdf_row_broken_by_the_page_goes_on_in_its_row(name: str) -> None:
    """On Letter pages C6's outcome b. ("…The WGIG should: i. … ii. …") breaks over a page and its
    items iii. and iv. open the next: a PDF's page laid out in columns, its row's lines read as a row
    of their own, which goes on with b. as on A4 pages, where the row does not break."""
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"corpus/{name} not built")
    outcomes = [s for s in corpus_doc(name).of_kind("wsis-outcome") if s.id.startswith("action-line-C6/")]
    b = next(s for s in outcomes if s.number == "b.")
    assert "iii. develop a common understanding" in b.fields["outcome"]
    assert [s.number for s in outcomes if not s.number] == []


# The second review: a part goes on with the table above only when that table's rule labels its
# rows and the part opens with such a label (or, on pages laid out in columns, with a line of the
# row above), across page furniture alone.

AP_INTRO = ("Objective 2 – Modern and secure telecommunication/ICT Infrastructure: Foster the development"
            " of infrastructure\n\n")
AP_OUTCOMES = [["Outcomes", "Performance indicators", "Outputs"],
               ["Enhanced capacity of ITU Membership to make available resilient infrastructure",
                "Number of Guidelines published", "2.1 - Telecommunication/ICT infrastructure and services"],
               ["Enhanced capacity to respond to cyber threats", "Number of CIRTs established",
                "2.2 - Building confidence and security in the use of ICTs"]]
AP_AFTER = "\nOutput 2.1 – Telecommunication/ICT infrastructure and services\n\nBackground\n\nText.\n"
# Tables under the outcome table, as wide, whose header rows have a digit, capitals over rows
# without digits, more than six words, or X marks under them.
AP_OTHERS = {
    "capitals": [["OUTPUTS", "LEAD", "PARTNERS"], ["Capacity building", "BDT", "UNESCO, UNDP"], ["Guidelines", "TSB", "WHO"]],
    "a-digit": [["Indicator", "Baseline 2019", "Target 2023"], ["Households online", "53 per cent", "70 per cent"]],
    "long-header": [["Regional initiatives adopted by the conference for this objective", "Lead", "Partners"],
                    ["Africa", "BDT", "African Union"]],
    "x-marks": [["Goal 1", "Goal 2", "2024"], ["X", "", "X"], ["Y", "X", "X"]],
}
AP_BETWEEN = {
    "a-blank-line": "",
    "a-page-number": "12\n\n",
    "a-footnote": "¹ As adopted by WTDC-17.\n\n",
    "a-repeated-short-line": "ITU-D Action Plan\n\n",
}


def _left_whole(path: Path, profile: str) -> list[list[list[str]]]:
    """The tables of `path` left whole: not split into row sections."""
    doc = load(path, profile=profile)
    return [[[c.text for c in row] for row in b.rows or []] for s in doc.sections for b in s.blocks
            if b.type == "table" and len(b.rows or []) > 1]


@pytest.mark.parametrize("other", AP_OTHERS, ids=list(AP_OTHERS))
@pytest.mark.parametrize("between", AP_BETWEEN, ids=list(AP_BETWEEN))
def test_action_plan_outcome_table_takes_no_rows_from_the_table_under_it(tmp_path: Path, between: str,
                                                                         other: str) -> None:
    """The outcome rule labels no rows: the table under it is another, no outcome 2.3 (R1)."""
    text = (("ITU-D Action Plan\n\n" if between == "a-repeated-short-line" else "") + AP_INTRO
            + "\n".join(map(tsv, AP_OUTCOMES)) + "\n\n" + AP_BETWEEN[between]
            + "\n".join(map(tsv, AP_OTHERS[other])) + "\n" + AP_AFTER)
    path = write(tmp_path, text)
    assert [(s.number, s.title[:20]) for s in load(path, profile="action-plan").of_kind("outcome")] == [
        ("2.1", "Enhanced capacity of"), ("2.2", "Enhanced capacity to")]
    assert AP_OTHERS[other] in _left_whole(path, "action-plan")


@pytest.mark.parametrize("bold", [False, True], ids=["plain-header", "bold-header"])
def test_docx_action_plan_table_after_an_empty_paragraph_is_another(tmp_path: Path, bold: bool) -> None:
    """A .docx: the outcome table (its header not bold), an empty paragraph, "OUTPUTS | LEAD |
    PARTNERS" set plain or bold (R1)."""
    document = docx.Document()
    document.add_paragraph(AP_INTRO.strip())
    _docx_table(document, AP_OUTCOMES)
    document.add_paragraph()
    _docx_table(document, AP_OTHERS["capitals"], bold_first=bold)
    document.add_paragraph("Output 2.1 – Telecommunication/ICT infrastructure and services")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    assert [s.number for s in load(path, profile="action-plan").of_kind("outcome")] == ["2.1", "2.2"]
    assert AP_OTHERS["capitals"] in _left_whole(path, "action-plan")


AGENCIES = [["Action line", "Lead agency", "Partner agencies", "Budget share 2024", "Staff"],
            ["C2 Infrastructure", "ITU", "UNESCO", "3.2", "12"],
            ["C5 Building confidence", "ITU", "UNODC", "5.1", "8"]]


def test_roadmap_takes_no_rows_from_a_table_after_a_page_number(tmp_path: Path) -> None:
    """A table as wide after the roadmap and a page number, its first row no outcome label: another
    table, no 'Action line' outcome, no SDG targets from its budget column (R2)."""
    path = write(tmp_path, INTRO + part(ROWS, header=True) + "\n8\n\n" + "\n".join(map(tsv, AGENCIES)) + "\n")
    assert targets_by_row(path) == TARGETS
    assert [s.number for s in load(path).of_kind("wsis-outcome")] == ["A1", "A2", "B1", "B2"]
    assert AGENCIES in _left_whole(path, "wsis-roadmap")


def test_docx_roadmap_takes_no_rows_from_a_table_after_a_page_break(tmp_path: Path) -> None:
    path = roadmap_docx(tmp_path / "roadmap.docx", [(ROWS, True), (AGENCIES, False)])
    assert targets_by_row(path) == TARGETS
    assert [s.number for s in load(path).of_kind("wsis-outcome")] == ["A1", "A2", "B1", "B2"]


def test_a_heading_used_twice_is_no_running_head(tmp_path: Path) -> None:
    """"Regional breakdown" over a table and again over a paragraph of text: a heading, not a
    running head, so the labelled table under it is another, not more outcomes (R4)."""
    other = [["A9: Regional initiatives", "2016", "AFR3, ASP5", "1.4, 9.1", "17 countries"],
             ["B9: Budget", "2017", "CHF", "2.5", "2019"]]
    text = (INTRO + part(ROWS, header=True) + "\nRegional breakdown\n\n" + part(other)
            + "\nRegional breakdown\n\nThe regions report on their initiatives each year.\n")
    path = write(tmp_path, text)
    assert targets_by_row(path) == TARGETS
    assert [s.number for s in load(path).of_kind("wsis-outcome")] == ["A1", "A2", "B1", "B2"]


def test_an_empty_corner_cell_joins_no_rows_of_another_table(tmp_path: Path) -> None:
    """Word's Save-as-text leaves a header's corner cell empty ("<tab>Target<tab>Status"): that table's
    header says nothing of how the resolution table's rows are laid out, whose unlabelled entry
    ("Opinion 2 …") is a row of its own, not more lines of Resolution 21 (R5)."""
    text = ("Report on the implementation of the strategic plan and the activities of the Union\n\n"
            "Goal 1 – Growth: Enable and foster access to and increased use of telecommunications/ICTs\n\n"
            "\tTarget\tStatus\n"
            "Target 1.1\tWorldwide, 70% of households should have access to the Internet\tTarget on track\n"
            "Target 1.2\tWorldwide, 70% of individuals should be using the Internet\toff track\n\n"
            "Annex 1: Status of implementation of PP resolutions\n\n"
            "Resolution 21 (Rev. Dubai, 2018) Measures concerning alternative calling procedures\tImplemented\n"
            "Opinion 2 (Rev. Dubai, 2018) Telecommunication standardization\t\n"
            "Resolution 25 (Rev. Dubai, 2018) Strengthening the regional presence\tOngoing\n")
    doc = load(write(tmp_path, text), profile="implementation-report")
    assert doc.section("res-21").fields["entry"] == (
        "Resolution 21 (Rev. Dubai, 2018) Measures concerning alternative calling procedures")
    assert [s.number for s in doc.of_kind("resolution-status")] == ["21", "25"]
