"""Revision marks printed in an outcome table's rows (extract/pdf_markup.py): a contribution's PDF
amending Objective 2's table places each mark in the row it is printed in, as its .docx does, so
`validate` finds what it finds in the .docx. Before, every mark in the table was placed in the
section the table stood in (Objective 2): the proposal that made one got VAL008, and the marks
no proposal names were one VAL005 on Objective 2, the proposed one among them.

The PDFs are set here (tests/pdfgen.py): the table's lines by lay_table, then, as Word and
LibreOffice print tracked changes, a strike through each deleted passage, a coloured underline
under each inserted one and a change bar in the margin beside each changed line. The layouts
vary: marks in the first row and a later one, in each column, bars in the left or right margin,
the fonts, sizes and colours, and a row broken over a page, its mark on the second page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from actionplan_trace import load
from actionplan_trace.validate import validate
from pdfgen import MARGIN, PAGE_H, TableStyle, lay_table, rule_op, text_op, word_widths, wrap, write_placed

OBJECTIVE = ("Objective 2 – Modern and secure telecommunication/ICT infrastructure: Foster the development of "
             "infrastructure and services, including building confidence and security in the use of ICTs")
HEADER = ["Outcomes", "Performance indicators", "Outputs"]
ROWS = [
    ["Enhanced capacity of Member States to deploy resilient infrastructure.",
     ["- Number of guidelines finalized", "- Number of experts trained"], "2.1 - Infrastructure and services"],
    ["Enhanced capacity of Member States to respond to cyber threats.",
     ["- Number of national cybersecurity strategies implemented", "- Number of CIRTs established"],
     "2.2 - Confidence and security in the use of ICTs"],
    ["Strengthened capacity of Member States in emergency telecommunications.",
     ["- Number of early warning systems established"], "2.3 - Emergency telecommunications"],
]
OUTPUTS = [("2.1", "Infrastructure and services", "Infrastructure is central to affordable access to ICTs."),
           ("2.2", "Confidence and security in the use of ICTs", "Security is an essential element of the use of ICTs."),
           ("2.3", "Emergency telecommunications", "Telecommunications save lives when disaster strikes.")]

COVER = ("Telecommunication Development Advisory Group (TDAG)", "Contribution from Examplia", "Cyberdrills in Objective 2",
         "Abstract", "This contribution proposes amendments to Objective 2 of the Action Plan.")
Piece = tuple[str, str]  # ("", text) printed plain, ("-", text) struck through, ("+", text) underlined


def _base(path: Path) -> Path:
    """The Action Plan the contributions amend: Objective 2, its outcome table, its outputs."""
    document = docx.Document()

    def bold(text: str) -> None:
        document.add_paragraph().add_run(text).bold = True

    bold("Buenos Aires Action Plan (WTDC-17) – Objective 2")
    bold(OBJECTIVE)
    table = document.add_table(rows=1 + len(ROWS), cols=3)
    table.style = "Table Grid"
    for c, text in enumerate(HEADER):
        table.cell(0, c).paragraphs[0].add_run(text).bold = True
    for r, (outcome, indicators, output) in enumerate(ROWS, start=1):
        table.cell(r, 0).text = outcome
        table.cell(r, 1).text = indicators[0]
        for indicator in indicators[1:]:
            table.cell(r, 1).add_paragraph(indicator)
        table.cell(r, 2).text = output
    for number, title, background in OUTPUTS:
        bold(f"Output {number} – {title}")
        bold("Background")
        document.add_paragraph(background)
    document.save(str(path))
    return path


@dataclass(frozen=True)
class Layout:
    """How a contribution's PDF is set: the table's style, which margin the change bars stand in,
    the colour of its insertions' underlines (RGB, 0-1) and the font of the text above the table."""

    style: TableStyle
    bars: str = "left"
    colour: tuple[float, float, float] = (0.8, 0.1, 0.1)
    font: str = "Helvetica"


def _text(pieces: list[Piece]) -> str:
    return "".join(text for _, text in pieces)


def _width(text: str, widths: dict[str, float], space: float) -> float:
    """The printed width of `text` in a standard font (no kerning: its words' and spaces' widths)."""
    return sum(widths[w] for w in text.split()) + space * text.count(" ")


def _cells(marked: dict[tuple[int, int], list[list[Piece]]]) -> list[list[list[list[Piece]]]]:
    """HEADER and ROWS as cells of paragraphs of pieces, those of `marked` ((row, column) of ROWS,
    row -1 the header) as given."""
    return [[marked.get((r, c)) or [[("", text)] for text in ([cell] if isinstance(cell, str) else cell)]
             for c, cell in enumerate(row)] for r, row in enumerate([HEADER, *ROWS], start=-1)]


def _contribution(path: Path, layout: Layout, proposals: list[str], marked: dict[tuple[int, int], list[list[Piece]]]) -> Path:
    """A contribution's PDF: a cover, `proposals`, and the amended text (Objective 2's heading and
    table) with the cells of `marked` ((row, column) of ROWS, -1 the header's: the cell's
    paragraphs, in pieces) printed with their revision marks."""
    style = layout.style
    cells = _cells(marked)
    bold_font = "Helvetica-Bold" if layout.font == "Helvetica" else "Times-Bold"
    words = {w for text in [*COVER, "Proposals", "Annex – Amended text", *proposals, OBJECTIVE, *HEADER] for w in text.split()}
    words |= {w for row in cells for cell in row for paragraph in cell for k in range(len(paragraph))
              for w in _text(paragraph[:k + 1]).split()}  # where a mark starts or ends inside a word too
    body, bold = (word_widths(words, font, 11, path.parent) for font in (layout.font, bold_font))
    plain, header_widths = (word_widths(words, font, style.size, path.parent) for font in (style.font, style.bold))
    measure = sum(style.widths)
    ops: list[bytes] = []
    y = float(MARGIN)

    def para(text: str, font: str, widths: tuple[dict[str, float], float], gap: float = 4) -> None:
        nonlocal y
        for piece in wrap(text, measure, *widths):
            y += 13.5
            ops.append(text_op(style.left, y, piece, font, 11))
        y += gap

    for title in COVER[:-1]:
        para(title, bold_font, bold)
    para(COVER[-1], layout.font, body)
    para("Proposals", bold_font, bold)
    for proposal in proposals:
        para(proposal, layout.font, body)
    para("Annex – Amended text", bold_font, bold)
    para(OBJECTIVE, bold_font, bold, gap=10)

    def lines(cell: list[list[Piece]], width: float, widths: tuple[dict[str, float], float]) -> list[str]:
        return [line for paragraph in cell for line in wrap(_text(paragraph), width - 2 * style.pad, *widths)]

    fonts = [header_widths] + [plain] * len(ROWS)
    rows = [[lines(cell, w, widths) for cell, w in zip(row, style.widths)] for row, widths in zip(cells, fonts)]
    pages = lay_table(rows, style, y, [ops])
    for row, widths in zip(cells, fonts):
        for cell, w in zip(row, style.widths):
            for paragraph in cell:
                if any(kind for kind, _ in paragraph):
                    _draw_marks(pages, paragraph, wrap(_text(paragraph), w - 2 * style.pad, *widths), layout, widths)
    return write_placed(path, pages)


TEXT_OP = re.compile(rb"BT /\S+ ([\d.]+) Tf ([\d.]+) ([\d.]+) Td \((.*)\) Tj ET")


def _draw_marks(pages: list[list[bytes]], pieces: list[Piece], lines: list[str], layout: Layout,
                widths: tuple[dict[str, float], float]) -> None:
    """Print a cell paragraph's marks over its `lines` as set: a strike through each deleted
    piece, an underline in the layout's colour under each inserted one, a change bar in the margin
    beside each line they are on, on each page it is printed on (a repeated header's on each)."""
    spans: list[tuple[str, int, int]] = []  # (kind, start, end) in the paragraph's text
    at = 0
    for kind, piece in pieces:
        spans.append((kind, at, at + len(piece)))
        at += len(piece)
    start = 0
    for line in lines:
        for ops, size, x, base in _printed(pages, line):
            _draw_line(ops, line, start, spans, size, x, base, layout, widths)
        start += len(line) + 1


def _draw_line(ops: list[bytes], line: str, start: int, spans: list[tuple[str, int, int]], size: float, x: float,
               base: float, layout: Layout, widths: tuple[dict[str, float], float]) -> None:
    """_draw_marks's marks on one printed line, the paragraph's text from `start`."""
    barred = False
    for kind, a, b in spans:
        a, b = max(a, start), min(b, start + len(line))
        if not kind or a >= b or not line[a - start:b - start].strip():
            continue
        before, piece = line[:a - start], line[a - start:b - start]
        x0 = x + _width(before + piece[:len(piece) - len(piece.lstrip())], *widths) + 0.3
        x1 = x + _width(before + piece.rstrip(), *widths) - 0.3
        if kind == "-":
            ops.append(rule_op(x0, base - 0.3 * size, x1, base - 0.3 * size, 0.6))
        else:
            ops.append(b"q %.2f %.2f %.2f RG " % layout.colour + rule_op(x0, base + 0.12 * size, x1, base + 0.12 * size, 0.6)
                       + b" Q")
        barred = True
    if barred:
        style = layout.style
        bar = style.left - 8 if layout.bars == "left" else style.left + sum(style.widths) + 8
        ops.append(rule_op(bar, base - 0.8 * size, bar, base + 0.2 * size, 0.8))


def _printed(pages: list[list[bytes]], line: str) -> list[tuple[list[bytes], float, float, float]]:
    """Where `line` is printed: its page's operators, its size, left edge and baseline (from the top)."""
    text = line.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")  # as text_op writes it
    found = [(ops, float(m[1]), float(m[2]), PAGE_H - float(m[3]))
             for ops in pages for op in ops if (m := TEXT_OP.fullmatch(op)) and m[4] == text]
    assert found, f"line not printed: {line!r}"
    return found


ADD_2_2 = "1. In Outcome 2.2, add the performance indicator “Number of cyberdrills organized”."
ADD_2_3 = "1. In Outcome 2.3, add the performance indicator “Number of emergency drills held”."
CERTIFIED = [[("", "- Number of guidelines finalized")],
             [("", "- Number of experts "), ("-", "trained"), ("+", " trained and certified")]]
CYBERDRILLS = [*([("", t)] for t in ROWS[1][1]), [("+", "- Number of cyberdrills organized")]]


def _place(report, kind: str) -> list[tuple[str, str | None, list[str]]]:
    return [(r.revision.text, r.revision.section, r.proposals) for r in report.revisions if r.revision.type == kind]


@pytest.mark.parametrize("layout", [
    Layout(TableStyle(widths=(170, 170, 110))),
    Layout(TableStyle(widths=(150, 200, 100), font="Times-Roman", bold="Times-Bold", size=9, pad=3, rules="rows"),
           bars="right", colour=(0.1, 0.2, 0.9), font="Times-Roman"),
], ids=["helvetica-left-bars", "times-right-bars"])
def test_marks_in_the_first_and_a_later_row_are_in_their_rows(tmp_path: Path, layout: Layout) -> None:
    """The review's case: the proposal adds an indicator to Outcome 2.2 (its line inserted in that
    row), and Outcome 2.1's row, the first, has an edit no proposal names ("trained" made
    "trained and certified"): one VAL005 on Outcome 2.1, the proposal's mark matched."""
    path = _contribution(tmp_path / "rows.pdf", layout, [ADD_2_2], {(0, 1): CERTIFIED, (1, 1): CYBERDRILLS})
    doc = load(path)
    assert [(r.type, r.text, r.section) for r in doc.revisions] == [
        ("delete", "trained", "outcome-2.1"), ("insert", "trained and certified", "outcome-2.1"),
        ("insert", "- Number of cyberdrills organized", "outcome-2.2")]
    assert [(r.loc.page, r.loc.table, r.loc.row, r.loc.col) for r in doc.revisions] == [(1, 1, 1, 1)] * 2 + [(1, 1, 2, 1)]
    report = validate(path, _base(tmp_path / "plan.docx"))
    assert [(p.outcomes, p.action) for p in report.proposals] == [(["2.2"], "add")]
    assert _place(report, "insert") == [("trained and certified", "outcome-2.1", []),
                                        ("- Number of cyberdrills organized", "outcome-2.2", ["1"])]
    assert [(f.code, f.section) for f in report.findings] == [("VAL005", "outcome-2.1")]
    assert "in Outcome 2.1, which no proposal names: “trained” made “trained and certified”" in report.findings[0].message


@pytest.mark.parametrize("layout", [
    Layout(TableStyle(widths=(160, 180, 120), size=9.5)),
    Layout(TableStyle(widths=(150, 150, 160), font="Courier", bold="Courier", size=8, pad=5), bars="right",
           colour=(0.0, 0.55, 0.2)),
], ids=["helvetica", "courier"])
def test_marks_in_each_column_are_in_their_rows(tmp_path: Path, layout: Layout) -> None:
    """Marks in the outputs column of the first row, the outcome column of the second and the
    indicators column of the last, where the proposal adds its indicator: each in its own row,
    a VAL005 for each row no proposal names."""
    marked = {
        (0, 2): [[("", "2.1 - "), ("+", "Resilient "), ("-", "Infrastructure"), ("+", "Networks"), ("", " and services")]],
        (1, 0): [[("", "Enhanced capacity of Member States to "), ("+", "detect and "), ("", "respond to cyber threats.")]],
        (2, 1): [[("", "- Number of early warning systems established")],
                 [("+", "- Number of emergency drills held")]],
    }
    path = _contribution(tmp_path / "columns.pdf", layout, [ADD_2_3], marked)
    doc = load(path)
    assert [(r.text, r.section, r.loc.row, r.loc.col) for r in doc.revisions] == [
        ("Resilient", "outcome-2.1", 1, 2), ("Infrastructure", "outcome-2.1", 1, 2), ("Networks", "outcome-2.1", 1, 2),
        ("detect and", "outcome-2.2", 2, 0), ("- Number of emergency drills held", "outcome-2.3", 3, 1)]
    report = validate(path, _base(tmp_path / "plan.docx"))
    assert _place(report, "insert")[-1] == ("- Number of emergency drills held", "outcome-2.3", ["1"])
    assert [(f.code, f.section) for f in report.findings] == [("VAL005", "outcome-2.1"), ("VAL005", "outcome-2.2")]


@pytest.mark.parametrize("repeat_header", [True, False], ids=["header-repeated", "header-once"])
def test_a_mark_where_a_row_runs_on_over_the_page_is_in_that_row(tmp_path: Path, repeat_header: bool) -> None:
    """Outcome 2.2's row broken over the page, the indicator the proposal adds printed on the
    second page (under the repeated header, or not), and edits no proposal names in Outcome 2.3's
    row after it and in the header: the one is in Outcome 2.2, read from the row's first page, the
    others in Outcome 2.3 and Objective 2, whose table's header holds its mark once, as the .docx
    does, though it is printed again above the rest of the table; only those are VAL005."""
    marked = {(-1, 2): [[("", "Outputs"), ("+", " (Products and services)")]], (1, 1): CYBERDRILLS,
              (2, 0): [[("-", "Strengthened"), ("+", "Enhanced"), ("", " capacity of Member States in emergency telecommunications.")]]}
    base = _base(tmp_path / "plan.docx")
    broken = 0
    joined: set[bool] = set()
    for bottom in range(340, 460, 6):
        style = TableStyle(widths=(150, 170, 130), size=10, repeat_header=repeat_header, bottom=bottom)
        path = _contribution(tmp_path / f"broken-{bottom}.pdf", Layout(style), [ADD_2_2], marked)
        doc = load(path)
        row = doc.section("outcome-2.2")
        added = next(r for r in doc.revisions if r.text == "- Number of cyberdrills organized")
        if row is None or row.loc.page != 1 or added.loc.page != 2:
            continue
        broken += 1
        assert [(r.text, r.section, r.loc.page, r.loc.col) for r in doc.revisions] == [
            ("(Products and services)", "objective-2", 1, 2), ("- Number of cyberdrills organized", "outcome-2.2", 2, 1),
            ("Strengthened", "outcome-2.3", 2, 0), ("Enhanced", "outcome-2.3", 2, 0)], bottom
        # the row's rest is joined to its first part, or read as a row of its own (its first cell empty)
        for rev in doc.revisions[1:]:
            assert rev.loc.row in {b.loc.row for b in doc.section(rev.section or "").blocks}, bottom
        joined.add(added.loc.row == row.loc.row)
        if broken <= 2:
            report = validate(path, base)
            assert _place(report, "insert") == [("(Products and services)", "objective-2", []),
                                                ("- Number of cyberdrills organized", "outcome-2.2", ["1"]),
                                                ("Enhanced", "outcome-2.3", [])], bottom
            assert [(f.code, f.section) for f in report.findings] == [("VAL005", "objective-2"), ("VAL005", "outcome-2.3")], bottom
    assert broken >= 2 and joined == {True, False}
