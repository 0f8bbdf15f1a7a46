"""A page set in columns, as a newsletter is, is read across, line by line (a known limit of
the PDF reader): the reading says so in a warning and in `source.warnings`, where it used to give
a garbled tree and findings on text read out of order without a word. A page in one column and an
unruled table of two unequal columns are no such page."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from actionplan_trace.errors import InputWarning
from actionplan_trace.extract import read
from pdfgen import MARGIN, PAGE_W, text_op, word_widths, wrap, write_placed

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


@pytest.mark.parametrize(("shares", "gutter"), [((1, 1), 36), ((1, 1), 14), ((1, 1, 1), 20), ((6, 4), 20)])
def test_a_page_in_columns_is_warned_of(tmp_path: Path, shares: tuple[int, ...], gutter: float) -> None:
    """Two columns half an inch apart (Word's default spacing) or half a centimetre, three, and
    two of 60 and 40 % of the width."""
    text_width = PAGE_W - 2 * MARGIN
    widths = [(text_width - (len(shares) - 1) * gutter) * share / sum(shares) for share in shares]
    lefts = [MARGIN + sum(widths[:k]) + k * gutter for k in range(len(shares))]
    path = _page(tmp_path, list(zip(lefts, widths)), [PROSE] * len(shares), "cols.pdf")
    shown, recorded = _warnings(path)
    note = ("page 1 set in columns: read across, line by line, not column after column, so their reading "
            "order, headings and what cites what may be wrong")
    assert shown == [f"{path}: {note}"] and recorded == (note,)


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
