"""Dot leaders in a PDF: the dots a tab with a leader fills its space with. Between two columns of
tab-aligned text ("Buenos Aires ........ 9-20 October 2017") they were read as text, and the
columns they part as one; now they are dropped there, and the columns read apart, as the text
reader reads the same lines typed with tabs. A contents entry's leader before its page number
stays: the contents reader tells the entry by it."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace.extract import read
from pdfgen import MARGIN, text_op, word_widths, write_placed

DATES = [("WTDC-17", "Buenos Aires", "9-20 October 2017"), ("TDAG-18", "Geneva", "9-11 April 2018"),
         ("PP-18", "Dubai", "29 October 2018"), ("WTDC-22", "Kigali", "6-16 June 2022")]
AFTER = "Capacity building remains essential to help Member States design national digital strategies."


def _leader(start: float, stop: float, dot: float, spaced: bool) -> str:
    """The dots (". " pairs when `spaced`) that fill the room from `start` to `stop`."""
    return ("." if not spaced else ". ") * int((stop - start) / dot)


def _dates_page(tmp_path: Path, font: str, size: float, tabs: tuple[float, float], spaced: bool,
                contents: bool) -> Path:
    """The key dates as tab-aligned lines (a stop at each of `tabs`, the second with a dot leader),
    then, when `contents`, two contents entries with a leader before their page numbers."""
    words = {w for row in DATES for text in row[:2] for w in text.split()} | {".", ". ", "Introduction", "1", "Scope"}
    widths, space = word_widths(words, font, size, tmp_path)
    dot = widths[". "] if spaced else widths["."]
    ops = [text_op(MARGIN, 80, "Key dates", "Helvetica-Bold", 13)]
    y = 110.0
    for event, place, when in DATES:
        ops.append(text_op(MARGIN, y, event, font, size))
        end = MARGIN + tabs[0] + sum(widths[w] for w in place.split()) + space * (len(place.split()) - 1)
        ops.append(text_op(MARGIN + tabs[0], y, place + _leader(end, MARGIN + tabs[1] - 4, dot, spaced), font, size))
        ops.append(text_op(MARGIN + tabs[1], y, when, font, size))
        y += 1.25 * size
    y += size
    ops.append(text_op(MARGIN, y, AFTER, font, size))
    if contents:
        y += 3 * size
        for number, title, page in (("1", "Introduction", "2"), ("2", "Scope", "3")):
            ops.append(text_op(MARGIN, y, f"{number} {title}" + _leader(MARGIN + widths[title] + 10, 500, dot, spaced) + page,
                               font, size))
            y += 2.5 * size
    return write_placed(tmp_path / "dates.pdf", [ops])


@pytest.mark.parametrize(("font", "size", "tabs", "spaced"), [
    ("Times-Roman", 11, (90, 260), False),
    ("Helvetica", 10, (72, 300), False),
    ("Times-Roman", 9, (80, 250), True),
])
def test_a_leader_between_columns_parts_them(tmp_path: Path, font: str, size: float, tabs: tuple[float, float],
                                             spaced: bool) -> None:
    """Stops near and far, leaders of dots close or spaced, in Times or Helvetica, 9-11 pt."""
    raw = read(_dates_page(tmp_path, font, size, tabs, spaced, contents=False))
    tables = [b for b in raw.blocks if b.type == "table"]
    assert len(tables) == 1 and [[c.text for c in row] for row in tables[0].rows or []] == [list(row) for row in DATES]
    assert raw.blocks[-1].text == AFTER


def test_a_contents_entrys_leader_stays(tmp_path: Path) -> None:
    raw = read(_dates_page(tmp_path, "Times-Roman", 11, (90, 260), False, contents=True))
    entries = [b.text for b in raw.blocks if b.type != "table"][-2:]
    assert [e.split(".")[0] for e in entries] == ["1 Introduction", "2 Scope"]
    assert [e[-5:] for e in entries] == ["....2", "....3"]


@pytest.mark.parametrize(("font", "size"), [("Helvetica", 10), ("Times-Roman", 12)])
def test_a_leader_in_a_line_read_whole_is_a_tab(tmp_path: Path, font: str, size: float) -> None:
    """A line of two columns alone (no table to part them into) reads as the .docx does, a tab between."""
    widths, _ = word_widths({"Signed:", "."}, font, size, tmp_path)
    start = MARGIN + widths["Signed:"] + 2
    ops = [text_op(MARGIN, 100, "Signed:" + _leader(start, MARGIN + 300, widths["."], False), font, size),
           text_op(MARGIN + 304, 100, "Director, BDT", font, size),
           text_op(MARGIN, 130, AFTER, font, size)]
    raw = read(write_placed(tmp_path / "signed.pdf", [ops]))
    assert [b.text for b in raw.blocks] == ["Signed:\tDirector, BDT", AFTER]
