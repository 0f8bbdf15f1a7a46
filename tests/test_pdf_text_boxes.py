"""Text boxes and frames in a PDF: paragraphs set to a narrower measure than the page's, indented.
Measured against the page's right text edge each of their lines looked short and ended its
paragraph ("Key message: connectivity for" / "every school by 2030."); a box's lines now wrap at
its own edge, the widest of its lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace.extract import read
from pdfgen import MARGIN, PAGE_W, rule_op, text_op, word_widths, wrap, write_placed

BODY = ("Under each regional initiative, projects are developed and implemented to meet the region's needs, "
        "as agreed in Thimphu 2116, and the Bureau reports on them to the conference every four years.")
AFTER = ("The guidelines below will apply to all elements of the implementation framework and its programmes, "
         "as agreed in Harare 2117, in every region alike.")
BOXED = ["Key message: connectivity for every school and every hospital of the region by 2030.",
         "Box: 112 countries adopted national broadband plans, and 38 more are drafting theirs now.",
         "Framed paragraph: the ITU Connect 2030 Agenda sets five goals for the telecommunication sector."]


def _page(tmp_path: Path, font: str, size: float, box_left: float, box_width: float, boxed: list[str],
          border: bool, apart: float) -> Path:
    """A body paragraph, a box of `boxed` paragraphs (`apart` points between them) wrapped to
    `box_width` at `box_left` points in from the margin (ruled round when `border`), and another
    body paragraph."""
    lead = 1.2 * size
    words = {w for text in [BODY, AFTER, *boxed] for w in text.split()}
    widths, space = word_widths(words, font, size, tmp_path)
    ops: list[bytes] = []
    y = 90.0
    for line in wrap(BODY, PAGE_W - 2 * MARGIN, widths, space):
        ops.append(text_op(MARGIN, y, line, font, size))
        y += lead
    top = y + lead - size
    y += lead
    for text in boxed:
        for line in wrap(text, box_width, widths, space):
            ops.append(text_op(MARGIN + box_left, y, line, font, size))
            y += lead
        y += apart
    if border:
        x0, x1, bottom = MARGIN + box_left - 4, MARGIN + box_left + box_width + 4, y - lead + 0.4 * size
        ops += [rule_op(x0, top, x1, top), rule_op(x0, bottom, x1, bottom), rule_op(x0, top, x0, bottom),
                rule_op(x1, top, x1, bottom)]
    y += lead
    for line in wrap(AFTER, PAGE_W - 2 * MARGIN, widths, space):
        ops.append(text_op(MARGIN, y, line, font, size))
        y += lead
    return write_placed(tmp_path / "box.pdf", [ops])


@pytest.mark.parametrize(("font", "size", "box_left", "box_width", "boxed", "border", "apart"), [
    ("Times-Roman", 11, 150, 170, BOXED[:1], False, 0),
    ("Helvetica", 10, 120, 230, BOXED[1:2], True, 0),
    ("Times-Roman", 10.5, 100, 190, BOXED[2:], False, 0),
    ("Helvetica", 9, 60, 260, BOXED, False, 6),
])
def test_a_text_boxs_lines_join_into_its_paragraphs(tmp_path: Path, font: str, size: float, box_left: float,
                                                   box_width: float, boxed: list[str], border: bool, apart: float) -> None:
    """Boxes of one paragraph or three, ruled round or not, in Times or Helvetica, narrow or wide."""
    raw = read(_page(tmp_path, font, size, box_left, box_width, boxed, border, apart))
    assert [b.text for b in raw.blocks] == [BODY, *boxed, AFTER]


def test_an_indented_signature_stays_lines_apart(tmp_path: Path) -> None:
    """A name over a title, indented, is no box paragraph: its lines are too short for prose."""
    raw = read(_page(tmp_path, "Times-Roman", 11, 250, 200, ["Doreen Bogdan-Martin", "Secretary-General"], False, 0))
    assert [b.text for b in raw.blocks] == [BODY, "Doreen Bogdan-Martin", "Secretary-General", AFTER]
