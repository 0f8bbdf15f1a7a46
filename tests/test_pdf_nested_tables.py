"""A table nested in a cell of a ruled PDF table. Its cells' lines were read into the outer cell
interleaved ("Activity Target year Spectrum 2019 workshops in"), and its grid, whose text the outer
table had taken, was an all-empty table of its own; one whose border lies on the outer table's
made one grid with it, of many empty cells. Now its rows are lines of the outer cell's text,
where they stand, as the .docx reader flattens a nested table ("Activity | Target year")."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace.extract import read
from pdfgen import MARGIN, rule_op, text_op, word_widths, wrap, write_placed

AFTER = "These activities also serve to strengthen the shared knowledge base, as agreed in Havana 2114."


PROGRAMME = "Programme 1 – Network infrastructure and the regional broadband backbone"
BEFORE = "Activities carried out with partners in the field, under the regional initiatives:"
CLOSING = "All activities are subject to available resources and to the agreement of the Member States."
INNER = [["Activity", "Target year"], ["Spectrum management workshops in West and Central Africa", "2019"],
         ["Broadband mapping platform", "2020"]]


class _Setter:
    """Sets text wrapped to a width, as a word processor does, in one font and size."""

    def __init__(self, tmp_path: Path, font: str, size: float) -> None:
        words = {w for text in [PROGRAMME, BEFORE, CLOSING, "Programme Activities fixed mobile 20 %"]
                 for w in text.split()} | {w for row in INNER for text in row for w in text.split()}
        self.widths, self.space = word_widths(words, font, size, tmp_path)
        self.font, self.size, self.lead = font, size, 1.2 * size

    def lines(self, text: str, width: float) -> list[str]:
        return wrap(text, width, self.widths, self.space) if text else []

    def text(self, ops: list[bytes], x: float, top: float, lines: list[str]) -> float:
        """Print `lines` from `top` at `x`; returns where they end."""
        ops += [text_op(x, top + (k + 0.8) * self.lead, line, self.font, self.size) for k, line in enumerate(lines)]
        return top + len(lines) * self.lead

    def table(self, ops: list[bytes], xs: list[float], top: float, rows: list[list[str]], pad: float = 3,
              room: dict[tuple[int, int], float] | None = None) -> tuple[float, list[float]]:
        """Rule a table with column edges `xs` from `top`, its cells' text wrapped to their
        width, each row as tall as its fullest cell (`room`: points left free under a cell's
        text); returns its bottom and its rows' tops."""
        ys = [top]
        for r, row in enumerate(rows):
            ends = [self.text(ops, x + pad, ys[-1] + pad, self.lines(text, x1 - x - 2 * pad))
                    + (room or {}).get((r, c), 0) for c, (x, x1, text) in enumerate(zip(xs, xs[1:], row))]
            ys.append(max(ends) + pad)
        ops += [rule_op(xs[0], y, xs[-1], y) for y in ys]
        ops += [rule_op(x, ys[0], x, ys[-1]) for x in xs]
        return ys[-1], ys


def _nested_page(tmp_path: Path, font: str, size: float, touching: bool, double: bool) -> Path:
    """An outer table of two columns whose body row's second cell holds a paragraph, a table of
    three rows (its right border on the outer table's when `touching`; a table of two cells
    under the last row's "2020" when `double`) and a paragraph."""
    setter = _Setter(tmp_path, font, size)
    xs = [MARGIN, MARGIN + 150, MARGIN + 450]
    ops: list[bytes] = []
    top, _ = setter.table(ops, xs, 100, [["Programme", "Activities"]])
    cell_x = xs[1] + 3
    inner_top = setter.text(ops, cell_x, top + 3, setter.lines(BEFORE, xs[2] - cell_x - 3)) + 4
    inner_xs = [cell_x + 2, cell_x + 150, xs[2] if touching else xs[2] - 8]
    deep = 2.6 * setter.lead if double else 0.0
    inner_bottom, tops = setter.table(ops, inner_xs, inner_top, INNER, room={(2, 1): deep})
    if double:
        deep_xs = [inner_xs[1] + 4, inner_xs[1] + 50, inner_xs[2] - (0 if touching else 4)]
        setter.table(ops, deep_xs, tops[3] - 3 - deep, [["fixed 20 %", "mobile 20 %"]], pad=1)
    bottom = setter.text(ops, cell_x, inner_bottom + 6, setter.lines(CLOSING, xs[2] - cell_x - 3)) + 3
    setter.text(ops, xs[0] + 3, top + 3, setter.lines(PROGRAMME, xs[1] - xs[0] - 6))
    ops += [rule_op(xs[0], bottom, xs[-1], bottom)] + [rule_op(x, top, x, bottom) for x in xs]
    ops.append(text_op(MARGIN, bottom + 20, AFTER, font, size))
    return write_placed(tmp_path / "nested.pdf", [ops])


@pytest.mark.parametrize(("font", "size", "touching", "double"), [
    ("Times-Roman", 10, False, False),
    ("Helvetica", 9, True, False),
    ("Times-Roman", 9.5, False, True),
    ("Helvetica", 8.5, True, True),
])
def test_a_nested_tables_rows_are_lines_of_its_cell(tmp_path: Path, font: str, size: float, touching: bool,
                                                     double: bool) -> None:
    """Apart from the outer table's rules or touching them, nested once or twice; Times or Helvetica."""
    raw = read(_nested_page(tmp_path, font, size, touching, double))
    assert [b.type for b in raw.blocks] == ["table", "paragraph"]
    last = "Broadband mapping platform | 2020" + (" fixed 20 % | mobile 20 %" if double else "")
    assert [[c.text for c in row] for row in raw.blocks[0].rows or []] == [
        ["Programme", "Activities"],
        [PROGRAMME, f"{BEFORE}\nActivity | Target year\nSpectrum management workshops in West and Central Africa | 2019\n"
                    f"{last}\n{CLOSING}"],
    ]
    assert raw.blocks[1].text == AFTER


def test_the_pdf_and_docx_readers_flatten_a_nested_row_alike(tmp_path: Path) -> None:
    """Both readers make a nested table's rows lines of the cell holding it with one function
    (model.nested_row_line): the PDF's and the .docx's lines are the same."""
    import docx
    from docx.shared import Pt

    from actionplan_trace.model import Cell, Loc, nested_row_line

    expected = [nested_row_line([Cell(text, Loc()) for text in row]) for row in INNER]
    pdf_cell = (read(_nested_page(tmp_path, "Helvetica", 9, False, False)).blocks[0].rows or [])[1][1]
    document = docx.Document()
    document.styles["Normal"].font.name, document.styles["Normal"].font.size = "Cambria", Pt(10.5)
    outer = document.add_table(rows=1, cols=2)
    outer.rows[0].cells[0].text = PROGRAMME
    holder = outer.rows[0].cells[1]
    holder.paragraphs[0].text = BEFORE
    inner = holder.add_table(rows=len(INNER), cols=2)
    for tr, row in zip(inner.rows, INNER):
        for tc, text in zip(tr.cells, row):
            tc.text = text
    holder.add_paragraph(CLOSING)
    document.save(str(tmp_path / "nested.docx"))
    docx_cell = (read(tmp_path / "nested.docx").blocks[0].rows or [])[0][1]
    assert pdf_cell.paragraphs[1:4] == docx_cell.paragraphs[1:4] == expected
    assert expected[1] == "Spectrum management workshops in West and Central Africa | 2019"


LEAD_IN = "Projects under this initiative:"
FUNDED = "Funded by the ICT Development Fund."


def _project(k: int) -> str:
    return f"Broadband project in country {k}, phase {k % 3 + 1}"


def _nested_over_page(tmp_path: Path, font: str, size: float, split: int, count: int) -> Path:
    """An outer table of two columns whose body row breaks over a page, its second cell holding a
    paragraph, a table nested in it of `count` project rows, and a paragraph after that table: the
    nested table breaks too, inside its row `split` (the first line of its second cell at the foot
    of the first page, the rest atop the second, under the outer table's rules drawn again), or,
    with `split` past its rows, the outer row breaks between it and the paragraph."""
    setter = _Setter(tmp_path, font, size)
    words = {w for text in [LEAD_IN, FUNDED, "Initiative Projects Africa 1: digital transformation"]
             + [_project(k) for k in range(1, count + 1)] + [f"P{k}" for k in range(1, count + 1)] for w in text.split()}
    setter.widths.update(word_widths(words, font, size, tmp_path)[0])
    xs = [MARGIN, MARGIN + 150, MARGIN + 420]
    cell_x = xs[1] + 3
    inner_xs = [cell_x + 2, cell_x + 40, cell_x + 170]
    rows = [[f"P{k}", _project(k)] for k in range(1, count + 1)]
    upper, lower = rows, []
    if split <= count:
        broken = setter.lines(_project(split), inner_xs[2] - inner_xs[1] - 6)
        upper, lower = rows[:split - 1] + [[f"P{split}", broken[0]]], [["", " ".join(broken[1:])]] + rows[split:]
    first: list[bytes] = []
    top, _ = setter.table(first, xs, 842 - MARGIN - (len(upper) + 2) * 2 * setter.lead - 60, [["Initiative", "Projects"]])
    inner_top = setter.text(first, cell_x, top + 3, setter.lines(LEAD_IN, xs[2] - cell_x - 3)) + 4
    bottom, _ = setter.table(first, inner_xs, inner_top, upper)
    setter.text(first, xs[0] + 3, top + 3, setter.lines("Africa 1: digital transformation", xs[1] - xs[0] - 6))
    first += [rule_op(xs[0], bottom + 3, xs[-1], bottom + 3)] + [rule_op(x, top, x, bottom + 3) for x in xs]
    second: list[bytes] = []
    inner_bottom = setter.table(second, inner_xs, MARGIN + 3, lower)[0] if lower else MARGIN
    bottom = setter.text(second, cell_x, inner_bottom + 4, [FUNDED]) + 3
    second += [rule_op(xs[0], MARGIN, xs[-1], MARGIN), rule_op(xs[0], bottom, xs[-1], bottom)]
    second += [rule_op(x, MARGIN, x, bottom) for x in xs]
    second.append(text_op(MARGIN, bottom + 20, AFTER, font, size))
    return write_placed(tmp_path / "nested-over-page.pdf", [first, second])


@pytest.mark.parametrize(("font", "size", "split", "count"), [("Times-Roman", 10, 6, 12), ("Helvetica", 9, 3, 8),
                                                             ("Helvetica", 10, 9, 8)])
def test_a_nested_table_a_page_break_splits_is_one_table_of_its_cell(tmp_path: Path, font: str, size: float,
                                                                      split: int, count: int) -> None:
    """A table nested in a cell that breaks over a page goes on in the same cell on the next: the
    nested row the break splits is one line of the cell ("P6 | Broadband project in country 6,
    phase 3", not "P6 | Broadband project in  | country 6, phase 3"), and the paragraph after the
    nested table is a line of its own, not the end of the last row's line, as the .docx reads it,
    also where the break falls between them."""
    raw = read(_nested_over_page(tmp_path, font, size, split, count))
    assert [b.type for b in raw.blocks] == ["table", "paragraph"]
    lines = [f"P{k} | {_project(k)}" for k in range(1, count + 1)]
    assert [[c.text for c in row] for row in raw.blocks[0].rows or []] == [
        ["Initiative", "Projects"],
        ["Africa 1: digital transformation", "\n".join([LEAD_IN, *lines, FUNDED])],
    ]
    assert raw.blocks[1].text == AFTER
