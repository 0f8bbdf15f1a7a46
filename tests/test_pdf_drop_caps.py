"""A drop cap in a PDF: the large initial letter set beside the first two or three lines of its
paragraph. Its tall box took those lines into one, read glyph by glyph across them ("UniTmdhpeer
lge…"); the lines beside it read in order now, the letter joined to its word."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace.extract import read
from pdfgen import MARGIN, PAGE_W, text_op, word_widths, wrap, write_placed

BEFORE = "Communications no longer just connect people, as agreed in Sanaa 2355."
AFTER = "Broadband networks are the backbone of the digital economy, as agreed in Minsk 2358."
BODY = ("nder each regional initiative, projects are developed and implemented to meet the region's needs, "
        "as agreed in Male 2356. The guidelines below will apply to all elements of the implementation "
        "framework and its programmes, as agreed in Lome 2357, and to the study groups of the Sector.")


def _drop_cap_page(tmp_path: Path, cap: str, cap_font: str, font: str, size: float, lead: float,
                   dropped: int, distance: float, body: str) -> Path:
    """A paragraph before, one opening with `cap` dropped `dropped` lines (its baseline the last
    dropped line's, its top near the first line's) `distance` points from the text beside it, and
    a paragraph after, in `font` at `size` on a `lead` pitch."""
    text_width = PAGE_W - 2 * MARGIN
    cap_size = ((dropped - 1) * lead + 0.72 * size) / 0.7
    cap_width = word_widths({cap}, cap_font, cap_size, tmp_path)[0][cap]
    words = set((BEFORE + " " + AFTER + " " + body).split())
    widths, space = word_widths(words, font, size, tmp_path)
    ops = [text_op(MARGIN, 80 + k * lead, line, font, size) for k, line in enumerate(wrap(BEFORE, text_width, widths, space))]
    top = 80 + 3 * lead
    beside = MARGIN + cap_width + distance
    narrow = wrap(body, text_width - cap_width - distance, widths, space)
    ops += [text_op(beside, top + k * lead, line, font, size) for k, line in enumerate(narrow[:dropped])]
    rest = wrap(" ".join(narrow[dropped:]), text_width, widths, space)
    ops += [text_op(MARGIN, top + (dropped + k) * lead, line, font, size) for k, line in enumerate(rest)]
    ops.append(text_op(MARGIN, top + (dropped - 1) * lead, cap, cap_font, cap_size))
    after = top + (dropped + len(rest) + 1) * lead
    ops += [text_op(MARGIN, after + k * lead, line, font, size) for k, line in enumerate(wrap(AFTER, text_width, widths, space))]
    return write_placed(tmp_path / "dropcap.pdf", [ops])


@pytest.mark.parametrize(("cap", "cap_font", "font", "size", "lead", "dropped", "distance", "body"), [
    ("U", "Times-Roman", "Times-Roman", 11, 13.5, 3, 0, BODY),
    ("U", "Helvetica-Bold", "Helvetica", 10, 12, 2, 0, BODY),
    ("W", "Times-Bold", "Helvetica", 12, 15, 3, 1, "ithin each region, " + BODY[1:]),
    ("A", "Helvetica", "Times-Roman", 10.5, 12.5, 3, 6, "new plan: u" + BODY),
])
def test_the_lines_beside_a_drop_cap_read_in_order(tmp_path: Path, cap: str, cap_font: str, font: str, size: float,
                                                     lead: float, dropped: int, distance: float, body: str) -> None:
    """Two or three lines dropped, the cap in the body's font or another, bold or not, glued to
    its word or a word of its own ("A" set apart from "new plan")."""
    raw = read(_drop_cap_page(tmp_path, cap, cap_font, font, size, lead, dropped, distance, body))
    joined = (cap + " " + body) if distance > 3 else cap + body
    assert [b.text for b in raw.blocks] == [BEFORE, joined, AFTER]


@pytest.mark.parametrize(("cap", "cap_font", "font", "size", "lead", "dropped", "distance", "body"), [
    ("IN", "Times-Roman", "Times-Roman", 11, 13.5, 3, 6, "2025 the Bureau launched projects under " + BODY[5:]),
    ("\u201cU", "Helvetica-Bold", "Helvetica", 10, 12, 2, 0, BODY.replace("needs,", "needs,\u201d said the Director,")),
    ("WI", "Times-Bold", "Helvetica", 12, 15, 3, 1, "THIN each region, " + BODY[1:]),
])
def test_a_drop_cap_of_several_glyphs_is_read_whole(tmp_path: Path, cap: str, cap_font: str, font: str, size: float,
                                                     lead: float, dropped: int, distance: float, body: str) -> None:
    """A drop cap of two glyphs (a word's first two letters, or a quotation mark and the letter it
    opens) joins the first line beside it as one letter does, glued to its word or a word of its
    own ("IN" set apart from "2025"), and the lines beside it read in order."""
    raw = read(_drop_cap_page(tmp_path, cap, cap_font, font, size, lead, dropped, distance, body))
    joined = (cap + " " + body) if distance > 3 else cap + body
    assert [b.text for b in raw.blocks] == [BEFORE, joined, AFTER]
