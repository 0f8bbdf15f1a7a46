"""Table cells whose text is turned (Word's text direction "bottom to top" or "top to bottom"): a
PDF sets each glyph turned a quarter, which read as upright text gave one letter a line, reversed
("Baseline 2017" read "7/1/0/2/e/…/B"). Fixture: scripts/make_rotated_fixtures.py."""

from __future__ import annotations

from pathlib import Path

from actionplan_trace.extract import read

FIXTURE = Path(__file__).parent / "fixtures" / "pdf" / "rotated-header-cells"


def _rows(path: Path) -> list[list[list[str]]]:
    return [[[cell.text for cell in row] for row in block.rows] for block in read(path).blocks if block.rows]


def test_turned_header_cells_read_as_the_docx_gives_them() -> None:
    tables = _rows(FIXTURE.with_suffix(".pdf"))
    assert [rows[0] for rows in tables] == [
        ["Indicator", "Baseline 2017", "Target 2021", "Responsible"],  # Calibri 10: up, down, up
        ["Outcome", "Year one", "Year two", "Lead unit"],  # Times New Roman 12: down, down, up
    ]
    assert tables == _rows(FIXTURE.with_suffix(".docx"))  # the upright cells as they were
