"""A page set in columns, as a newsletter is, is read column after column, a heading set across
the columns in its place between them: it was read across, line by line (with a warning), lines
of two columns on near baselines glyph by glyph, and a table's line printed past its rule into
the text beside it. A page in one column and an unruled table of two unequal columns are no such
page."""

from __future__ import annotations

import itertools
import warnings
from pathlib import Path

import pytest

from actionplan_trace.errors import InputWarning
from actionplan_trace.extract import read
from pdfgen import MARGIN, PAGE_H, PAGE_W, flow_columns, rule_op, text_op, word_widths, wrap, write_placed

PROSE = ("Broadband is critical in the transformation of the traditional economy to the digital economy, and "
         "the Bureau assists its Member States in planning national networks. ") * 6
SIZE, LEAD = 10, 12.5


def _page(tmp_path: Path, columns: list[tuple[float, float]], texts: list[str], name: str) -> Path:
    """One page whose columns ((left, width) each) hold `texts` wrapped to their width from the top."""
    words = {w for text in texts for w in text.split()}
    widths = word_widths(words, "Helvetica", SIZE, tmp_path)
    ops = [text_op(MARGIN, 60, "Regional cooperation newsletter", "Helvetica-Bold", 14)]
    for (left, width), text in zip(columns, texts):
        for k, line in enumerate(wrap(text, width, *widths)):
            ops.append(text_op(left, 90 + k * LEAD, line, "Helvetica", SIZE))
    return write_placed(tmp_path / name, [ops])


def _warnings(path: Path) -> tuple[list[str], tuple[str, ...]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        raw = read(path)
    return [str(w.message) for w in caught if issubclass(w.category, InputWarning)], raw.source.warnings


SENTENCES = [
    "The Bureau assists Member States in planning national broadband networks and backbone links.",
    "Rural and remote areas continue to lag behind in terms of access to affordable services.",
    "Activities will focus on spectrum management and the transition to digital broadcasting.",
    "Guidelines and handbooks are published for regulators and operators of every region.",
    "Regional initiatives contribute to the outcome consistent with the resolutions of the conference.",
    "Emergency telecommunication plans are developed with national disaster management agencies.",
    "Cybersecurity strategies are implemented with response teams set up in developing countries.",
    "Capacity building programmes train experts in network planning and quality of service.",
]


def _prose(start: int, count: int) -> str:
    """One sentence of `count` clauses: a column that ends inside it ends no sentence, so the
    paragraph is seen to run on at the head of the next (a sentence's end there is a paragraph's,
    as over a page)."""
    clauses = [SENTENCES[(start + k) % len(SENTENCES)].rstrip(".") for k in range(count)]
    return ", and ".join([clauses[0]] + [c[0].lower() + c[1:] for c in clauses[1:]]) + "."


def _texts(path: Path) -> list[str]:
    return [" ".join(b.text.split()) for b in read(path).blocks]


@pytest.mark.parametrize(("font", "size", "shares", "gutter", "offset"), [
    ("Helvetica", 10, (1, 1), 36, 0.0),  # Word's default spacing, half an inch
    ("Times-Roman", 11, (1, 1), 14, 0.0),  # LibreOffice's, half a centimetre
    ("Times-Roman", 9, (1, 1, 1), 20, 0.4),  # three columns, the later ones' baselines between the first's
    ("Courier", 9, (6, 4), 18, 0.0),  # 60 % and 40 % of the width
])
def test_columns_are_read_one_after_the_other(tmp_path: Path, font: str, size: float, shares: tuple[int, ...],
                                              gutter: float, offset: float) -> None:
    """A page of two or three columns, a heading set across them between two blocks of columns:
    each block is read column after column, a paragraph running on at the head of the next column
    is one paragraph, the heading stands between the blocks. The reader read such a page across,
    line by line (with a warning), and text of lines on near baselines glyph by glyph."""
    text_width = PAGE_W - 2 * MARGIN
    widths = [(text_width - (len(shares) - 1) * gutter) * share / sum(shares) for share in shares]
    columns = [(MARGIN + sum(widths[:k]) + k * gutter, widths[k]) for k in range(len(shares))]
    first = [(_prose(k, 3), font, size) for k in range(3)]
    second = [(_prose(k + 3, 2), font, size) for k in range(4)]
    heading = "Implementation framework of the regional initiatives and programmes"
    words = {w for text, _, _ in first + second for w in text.split()}
    measures = {(font, size): word_widths(words, font, size, tmp_path)}
    lead = 1.25 * size
    ops = [text_op(MARGIN, 60, "Regional cooperation newsletter", "Helvetica-Bold", 16)]
    block, low = flow_columns(first, columns, 90, lead, measures, gap=lead, stagger=offset * lead)
    ops += block
    ops.append(text_op(MARGIN, low + 2.5 * lead, heading, "Helvetica-Bold", 13))
    block, _ = flow_columns(second, columns, low + 4.5 * lead, lead, measures, gap=lead, stagger=offset * lead)
    ops += block
    path = write_placed(tmp_path / "columns.pdf", [ops])
    assert _texts(path) == ["Regional cooperation newsletter", *[t for t, _, _ in first], heading,
                            *[t for t, _, _ in second]]
    assert _warnings(path) == ([], ())


@pytest.mark.parametrize("layout", ["one column", "unequal table"])
def test_one_column_or_an_unequal_unruled_table_is_not(tmp_path: Path, layout: str) -> None:
    text_width = PAGE_W - 2 * MARGIN
    if layout == "one column":
        path = _page(tmp_path, [(MARGIN, text_width)], [PROSE * 2], "one.pdf")
    else:
        path = _page(tmp_path, [(MARGIN, 120), (MARGIN + 140, text_width - 140)],
                     [PROSE[:300], PROSE], "table.pdf")
    assert _warnings(path) == ([], ())


def test_text_set_off_the_page_is_no_ink_of_it(tmp_path: Path) -> None:
    """Glyphs placed beyond the page's right edge (a sloppy generator's) ended the column test in
    an IndexError, an internal error for the whole file."""
    ops = [text_op(MARGIN, 90 + k * LEAD, f"Line {k} of the plan sets out the work of the Bureau.", "Helvetica", SIZE)
           for k in range(20)]
    ops += [text_op(PAGE_W + 40 + k, 90 + k * LEAD, "off the page", "Helvetica", SIZE) for k in range(20)]
    raw = read(write_placed(tmp_path / "off.pdf", [ops]))
    assert raw.blocks and raw.source.warnings == ()


@pytest.mark.parametrize(("font", "size"), [("Times-Roman", 10), ("Helvetica", 9)])
def test_a_cell_line_printed_past_its_table_into_the_next_column(tmp_path: Path, font: str, size: float) -> None:
    """A ruled table in the left column whose cell line runs on past the table's rule, printed
    over the right column's text on its baselines (LibreOffice does not wrap such a line): the
    cell keeps its words, and the right column's paragraph its own. They were read into one
    line glyph by glyph ("niantfiroansatlr ucture"), the cell's line cut at the rule."""
    lead, gutter = 1.25 * size, 14
    width = (PAGE_W - 2 * MARGIN - gutter) / 2
    right = MARGIN + width + gutter
    above = _prose(0, 2)
    beside = _prose(2, 6)
    below = _prose(5, 2)
    words = {w for text in (above, beside, below) for w in text.split()}
    widths, space = word_widths(words, font, size, tmp_path)
    ops = [text_op(MARGIN, 60, "Objective 2: modern and secure infrastructure", "Helvetica-Bold", 16)]
    k = 0
    for line in wrap(above, width, widths, space):
        ops.append(text_op(MARGIN, 90 + k * lead, line, font, size))
        k += 1
    cells = [(["Outcomes"], ["Performance indicators"]),
             (["Enhanced capacity", "of the membership"], ["Number of guidelines and handbooks published", "Number of experts"]),
             (["Strengthened", "capacity"], ["Number of Member States assisted", "with disaster relief efforts"])]
    split = 100.0
    edges = [MARGIN - 4, MARGIN - 4 + split, MARGIN + width - 20]
    k += 1
    ops.append(rule_op(edges[0], 90 + k * lead - 1.2 * lead, edges[-1], 90 + k * lead - 1.2 * lead))
    for left_lines, right_lines in cells:
        top = 90 + k * lead - 1.2 * lead
        face = {"Times-Roman": "Times-Bold", "Helvetica": "Helvetica-Bold"}[font] if left_lines == ["Outcomes"] else font
        for i, (a, b) in enumerate(itertools.zip_longest(left_lines, right_lines)):
            ops += [text_op(x + 4, 90 + (k + i) * lead, text, face, size) for x, text in zip(edges, (a, b)) if text]
        k += max(len(left_lines), len(right_lines)) + 1
        bottom = 90 + k * lead - 1.2 * lead
        ops.append(rule_op(edges[0], bottom, edges[-1], bottom))
        ops.extend(rule_op(x, top, x, bottom) for x in edges)
    for line in wrap(below, width, widths, space):
        ops.append(text_op(MARGIN, 90 + k * lead, line, font, size))
        k += 1
    for j, line in enumerate(wrap(beside, width, widths, space)):
        ops.append(text_op(right, 90 + j * lead, line, font, size))
    raw = read(write_placed(tmp_path / "spilled.pdf", [ops]))
    texts = [" ".join(b.text.split()) for b in raw.blocks]
    table = next(b for b in raw.blocks if b.type == "table")
    assert [[" ".join(c.text.split()) for c in row] for row in table.rows or []] == [
        ["Outcomes", "Performance indicators"],
        ["Enhanced capacity of the membership", "Number of guidelines and handbooks published Number of experts"],
        ["Strengthened capacity", "Number of Member States assisted with disaster relief efforts"]]
    assert texts[:2] == ["Objective 2: modern and secure infrastructure", above]
    assert texts[3:] == [below, beside]
    assert raw.source.warnings == ()  # the line printed over the column went back to its cell: no doubt left


def test_columns_over_two_pages_with_running_headers(tmp_path: Path) -> None:
    """Two pages in two columns under a running header and over a page number, the second holding
    a few lines in its first column alone, too few to show its columns: its lines are measured
    against their column (as the page before's), not the page, where each looked short and ended
    its paragraph ("\n" in it, or a new one); and a heading that heads page 1's second column
    and, at the same height, page 2's first is no running header (it was dropped as one)."""
    font, size, lead = "Times-Roman", 10, 12.5
    gutter = 20
    width = (PAGE_W - 2 * MARGIN - gutter) / 2
    right = MARGIN + width + gutter
    heading = "Sustainable development goals"
    opening, running, closing = _prose(0, 5), _prose(3, 5), _prose(6, 3)
    words = {w for text in (opening, running, closing) for w in text.split()}
    widths, space = word_widths(words, font, size, tmp_path)
    pages: list[list[bytes]] = []
    for number in (1, 2):
        pages.append([text_op(MARGIN, 40, "WTDC-17 Buenos Aires Action Plan", "Helvetica", 9),
                      text_op(MARGIN, PAGE_H - 40, f"Action Plan 2018-2021 - {number}", "Helvetica", 9),
                      text_op([right, MARGIN][number - 1], 80, heading, "Times-Bold", size)])
    pages[0] += [text_op(MARGIN, 80 + k * lead, line, font, size) for k, line in enumerate(wrap(opening, width, widths, space))]
    pages[0] += [text_op(right, 80 + (k + 2) * lead, line, font, size)
                 for k, line in enumerate(wrap(running, width, widths, space))]
    pages[1] += [text_op(MARGIN, 80 + (k + 2) * lead, line, font, size)
                 for k, line in enumerate(wrap(closing, width, widths, space))]
    raw = read(write_placed(tmp_path / "pages.pdf", pages))
    assert [b.text for b in raw.blocks] == [opening, heading, running, heading, closing]
