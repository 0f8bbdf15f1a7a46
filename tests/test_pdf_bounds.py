"""PDF reading stays in bounds on pages built to make its searches quadratic or worse (found in a
black-box review): a page ruled into a dense grid, a page of thousands of ruled rows, pages of
hundreds of small aligned lines, zones full of header lines on many pages, and a page tree of a
million kids. Each test checks the reading is the one a plain search gives, and that the work
done is bounded (no timings: speed is measured in bench/hostile.py)."""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest
from actionplan_trace.extract import pdf, pdf_streams, pdf_tables
from actionplan_trace.extract.pdf import read_pdf_detailed
from pdfgen import MARGIN, rule_op, text_op, write_placed


def _grid_page(n: int, step: float) -> list[bytes]:
    """A page ruled into an n × n grid of `step`-point squares, a word in its first square."""
    x0, top = MARGIN, 150.0
    ops = [rule_op(x0, top + k * step, x0 + n * step, top + k * step) for k in range(n + 1)]
    ops += [rule_op(x0 + k * step, top, x0 + k * step, top + n * step) for k in range(n + 1)]
    return ops + [text_op(x0 + 1, top + step - 1, "x", size=3)]


def test_a_page_ruled_into_a_dense_grid_is_read_as_lines(tmp_path: Path) -> None:
    """A 60 × 60 grid has 3,721 crossings, past MAX_CROSSINGS (a 300 × 300 one took over 90 s in
    pdfplumber's cell search): its rules are ignored and its text read as lines. A 6 × 6 grid
    of words is still a table."""
    dense = read_pdf_detailed(write_placed(tmp_path / "dense.pdf", [_grid_page(60, 7)]))
    assert not [b for b in dense.raw.blocks if b.rows] and [b.text for b in dense.raw.blocks] == ["x"]
    words = [text_op(MARGIN + 2 + 60 * c, 164 + 20 * r, f"r{r}c{c}") for r in range(6) for c in range(6)]
    ruled = [rule_op(MARGIN, 150 + 20 * k, MARGIN + 360, 150 + 20 * k) for k in range(7)]
    ruled += [rule_op(MARGIN + 60 * k, 150, MARGIN + 60 * k, 270) for k in range(7)]
    [table] = [b for b in read_pdf_detailed(write_placed(tmp_path / "table.pdf", [ruled + words])).raw.blocks if b.rows]
    assert [[c.text for c in row] for row in table.rows or []] == [[f"r{r}c{c}" for c in range(6)] for r in range(6)]


def test_glyphs_go_to_their_cells_trying_only_the_rows_that_can_hold_them(monkeypatch) -> None:
    """_cell_lines puts each glyph in the first cell, row by row, its centre is inside, as trying
    every row does, cells spanning rows included; but it tries only the rows whose height can
    hold the glyph (every row for every glyph took 90 s on a page of 8,000 ruled rows)."""
    rng = random.Random(7)
    rows: list[list[tuple[float, float, float, float] | None]] = []
    for r in range(400):
        top = 10.0 * r
        row: list[tuple[float, float, float, float] | None] = [(0.0, top, 50.0, top + 10), (50.0, top, 100.0, top + 10)]
        if r % 50 == 0:  # a cell spanning five rows down
            row[1] = (50.0, top, 100.0, top + 50)
        elif r % 50 in (1, 2, 3, 4):
            row[1] = None
        rows.append(row)
    grid = pdf_tables.Grid((0.0, 0.0, 100.0, 4000.0), [0.0, 50.0], rows, ruled=True)
    chars = [pdf.Char("a", x, x + 2, y, y + 2, 2, False)
             for x, y in ((rng.uniform(0, 98), rng.uniform(0, 3998)) for _ in range(2_000))]

    def plain(c: pdf.Char) -> tuple[int, int] | None:
        for r, row in enumerate(rows):
            for k, box in enumerate(row):
                if box is not None and pdf._inside(c, box):
                    return r, k
        return None

    tried: list[int] = []
    inside = pdf._inside
    monkeypatch.setattr(pdf, "_inside", lambda c, box: tried.append(1) or inside(c, box))
    monkeypatch.setattr(pdf, "group_lines", lambda cs, settings=None: cs)
    cells = pdf._cell_lines(grid, chars)
    monkeypatch.setattr(pdf, "_inside", inside)
    placed = {id(c): (r, k) for r, row in enumerate(cells) for k, cs in enumerate(row) for c in cs}
    assert all(placed.get(id(c)) == plain(c) for c in chars)
    assert len(tried) < 10 * len(chars)


def test_gaps_of_a_region_grown_a_line_at_a_time_are_those_of_all_its_glyphs() -> None:
    """find_wrapped_grids grows a region a line at a time from each line's glyph spans joined
    (`_joined`), not by reading every glyph of the region again at each step (a page of 333
    small lines took 47 s): the gaps are those `_gutters` finds over all the region's glyphs."""
    rng = random.Random(3)
    settings, size = pdf_tables.PDF_DEFAULTS, 10.0
    least = max(settings.gutter, 0.4 * size)
    lines = []
    for k in range(60):
        boxes, x = [], rng.uniform(0, 20)
        while x < 500:
            width = rng.uniform(2, 7)
            boxes.append((x, 12.0 * k, x + width, 12.0 * k + 10))
            x += width + rng.choice((0.3, 0.5, 1, 3, 8, 25))
        lines.append(boxes)
    union = pdf_tables._joined(lines[0], least)
    for j in range(1, len(lines)):
        union = pdf_tables._joined(union + pdf_tables._joined(lines[j], least), least)
        boxes = [b for line in lines[:j + 1] for b in line]
        plain = pdf_tables._gutters(boxes, min(b[0] for b in boxes), max(b[2] for b in boxes),
                                    min(b[1] for b in boxes), max(b[3] for b in boxes), size, settings)
        assert pdf_tables._gutters(union, -math.inf, math.inf, -math.inf, math.inf, size, settings) == plain
        assert len(union) <= 520 / least + 1  # spans at least `least` apart across the line's width


def test_furniture_compares_each_pair_of_header_texts_once(tmp_path: Path, monkeypatch) -> None:
    """drop_furniture scored every line of the top and bottom zones against every other (500
    pages of 40 zone lines each took minutes); now the lines alike a line are worked out once
    for its height and text, each pair of texts scored once, with the same lines dropped."""
    pages = [[text_op(MARGIN, 40 + 6 * k, f"Running header line {k}", size=5) for k in range(6)]
             + [text_op(MARGIN, 200, f"Body text of page {n + 1} about Resolution {n + 1}.")] for n in range(40)]
    path = write_placed(tmp_path / "headers.pdf", pages)
    scored: list[int] = []
    ratio = pdf.fuzz.ratio
    monkeypatch.setattr(pdf.fuzz, "ratio", lambda a, b, **kw: scored.append(1) or ratio(a, b, **kw))
    reading = read_pdf_detailed(path)
    assert sorted({text for _, text in reading.furniture}) == [f"Running header line {k}" for k in range(6)]
    assert len(reading.furniture) == 6 * 40
    assert [b.text for b in reading.raw.blocks] == [f"Body text of page {n + 1} about Resolution {n + 1}." for n in range(40)]
    assert len(scored) <= 6 * 6 * 3


def test_a_page_tree_is_read_no_further_than_the_pages_needed() -> None:
    """A Pages node of a million kids (with /Count 1) had every kid parsed and kept, 1.4 GB and
    4 minutes, before the page limit was checked: a kid is looked up only when its turn comes,
    and no more pages than the page limit allows (plus one, to refuse the PDF) are read."""
    from pdfminer.pdftypes import PDFObjRef

    looked_up: list[int] = []

    class Document:
        """What a reference resolves through: each object looked up is counted."""

        def getobj(self, objid: int) -> dict[str, object]:
            looked_up.append(objid)
            return {"Type": "Page", "N": objid}

    pages: list[tuple[dict, dict]] = []
    kids = [PDFObjRef(Document(), n) for n in range(1, 100_001)]
    pdf_streams._page_tree({"Kids": kids}, {}, pages, set(), 501)
    assert [p["N"] for p, _ in pages] == list(range(1, 502))
    assert len(looked_up) == 501


def test_a_page_of_one_glyph_texts_wraps_only_its_paths_and_asks_each_font_once(tmp_path: Path, monkeypatch) -> None:
    """A page whose every glyph is a text object of its own (3.9 MB of them stacked took 21 s):
    finding its paths (bullets, rules) made a PdfObject of each of its objects, twice, and each
    text object's font was asked its name and weight. Now the paths are found by PDFium's
    handles alone, their bounds asked once, and each font once; the page reads as before."""
    import pypdfium2._helpers.pageobjects as pageobjects
    import pypdfium2.raw as pdfium_c

    lines = ["Objective 2 covers rural broadband,", "see PP Resolution 71 and SDG 9.1.", "WSIS Action Line C5 applies."]
    ops = [text_op(MARGIN, 90, "Programme heading", font="Helvetica-Bold", size=14), rule_op(MARGIN, 96, 400, 96)]
    ops += [text_op(MARGIN + 6.0 * k, 130 + 14 * n, ch, font="Courier", size=10)
            for n, line in enumerate(lines) for k, ch in enumerate(line)]
    ops += [rule_op(MARGIN, 200, MARGIN + 80, 200, width=0.3)]
    path = write_placed(tmp_path / "glyphs.pdf", [ops])
    made: list[int] = []
    real_init = pageobjects.PdfObject.__init__

    def counted_init(self, *args, **kwargs):
        made.append(self.type)
        real_init(self, *args, **kwargs)

    asked: list[int] = []
    real_name = pdfium_c.FPDFFont_GetBaseFontName
    monkeypatch.setattr(pageobjects.PdfObject, "__init__", counted_init)
    monkeypatch.setattr(pdfium_c, "FPDFFont_GetBaseFontName", lambda *args: asked.append(1) or real_name(*args))
    located: list[int] = []
    real_bounds = pdfium_c.FPDFPageObj_GetBounds
    monkeypatch.setattr(pdfium_c, "FPDFPageObj_GetBounds", lambda *args: located.append(1) or real_bounds(*args))
    blocks = read_pdf_detailed(path).raw.blocks
    assert [b.text for b in blocks] == ["Programme heading", " ".join(lines)]
    assert made == []  # PDFium's handles are enough
    assert len(located) == 2  # each rule's bounds, once for bullets and tables both
    assert len(asked) == 2  # Helvetica-Bold and Courier


def test_a_page_tree_node_listing_more_kids_than_pages_allowed_is_refused_before_it_is_parsed(
        tmp_path: Path, monkeypatch) -> None:
    """A Pages node of a million kids whose /Count says 1: PDFium reads one page, but pdfminer,
    measuring the pages, parsed the whole node (12 s and 210 MB) to find the first. Its kids are
    counted in the file's bytes first: more than the page limit is refused before pdfminer parses
    the node, and the page limit's option raises it."""
    from hostilegen import pdf_wide_page_tree
    from pdfminer.pdfdocument import PDFDocument

    from actionplan_trace.errors import LimitError

    path = pdf_wide_page_tree(tmp_path / "kids.pdf", 60)
    parsed: list[int] = []
    real = PDFDocument.getobj
    monkeypatch.setattr(PDFDocument, "getobj", lambda self, objid: parsed.append(objid) or real(self, objid))
    monkeypatch.setenv("TRACE_MAX_PAGES", "40")
    with pytest.raises(LimitError) as refused:
        read_pdf_detailed(path)
    assert str(refused.value) == (f"{path}: a node of the PDF's page tree lists 60 kids, over the limit of 40"
                       " (trace --max-pages N … or TRACE_MAX_PAGES raises it)")
    assert 2 not in parsed  # the Pages node
    monkeypatch.setenv("TRACE_MAX_PAGES", "60")
    assert [b.text for b in read_pdf_detailed(path).raw.blocks] == ["Resolution 71 and SDG 9.1"]
    assert 2 in parsed


def test_streams_are_found_without_a_search_for_every_object(tmp_path: Path, monkeypatch) -> None:
    """The file's streams are measured before any parser opens it: the scan looked for each
    object's `N G obj` in turn, a million small objects (148 MB) after one stream 2 s of the
    case's 5. Each stream's keyword is found first, then its object's number, looked for just
    before it: the objects after the last stream are never looked at, and the streams are
    measured as before."""
    from hostilegen import PDF_TEXT, pdf_wide_page_tree

    path = pdf_wide_page_tree(tmp_path / "kids.pdf", 3_000)
    seen: list[object] = []

    class Counting:
        """A compiled pattern whose every match is counted."""

        def __init__(self, pattern) -> None:
            self.pattern = pattern

        def search(self, *args):
            found = self.pattern.search(*args)
            seen.append(found)
            return found

        def finditer(self, *args):
            for found in self.pattern.finditer(*args):
                seen.append(found)
                yield found

    for name in ("OBJ_OR_STREAM", "OBJ", "STREAM"):
        if hasattr(pdf_streams, name):
            monkeypatch.setattr(pdf_streams, name, Counting(getattr(pdf_streams, name)))
    found = list(pdf_streams._raw_streams(path.read_bytes(), {}))
    assert [(number, end - start) for number, _, _, start, end in found] == [((3, 0), len(PDF_TEXT))]
    assert len([m for m in seen if m is not None]) < 10


def test_an_object_stream_is_parsed_only_as_far_as_the_object_asked_for(tmp_path: Path, monkeypatch) -> None:
    """Measuring a page's content looks up its font, which sits in an object stream padded with
    numbers after it: pdfminer parsed the stream whole for that one object (7.9 MB of numbers,
    15 s). It is parsed only as far as the object asked for, and the page reads as before."""
    from hostilegen import pdf_object_stream_bomb
    from pdfminer.pdfparser import PDFStreamParser
    from pdfminer.psparser import PSStackParser

    parsed: list[object] = []
    real = PSStackParser.nextobject

    def counted(self):
        if isinstance(self, PDFStreamParser):
            parsed.append(self)
        return real(self)

    monkeypatch.setattr(PSStackParser, "nextobject", counted)
    for unit, size in ((b"1 ", 30_000), (b"[0.5 /Name (text)] ", 12_000)):
        parsed.clear()
        path = pdf_object_stream_bomb(tmp_path / "objects.pdf", size, unit)
        assert [b.text for b in read_pdf_detailed(path).raw.blocks] == ["Resolution 71 and SDG 9.1"]
        assert 0 < len(parsed) <= 3  # the stream's one pair of numbers and the font


def test_a_page_s_text_page_is_freed_once_its_glyphs_are_read(tmp_path: Path, monkeypatch) -> None:
    """PDFium's text page of 780,000 stacked glyphs holds some 225 MB: it is closed as soon as
    the glyphs are read, before their lines and the page's paths are, and the page reads as
    before."""
    states: list[bool] = []
    real = pdf.page_chars

    def spied(textpage, height):
        chars = real(textpage, height)
        states.append(textpage.raw is None)
        real_paths = pdf.page_paths
        monkeypatch.setattr(pdf, "page_paths", lambda page: states.append(textpage.raw is None) or real_paths(page))
        return chars

    monkeypatch.setattr(pdf, "page_chars", spied)
    ops = [text_op(MARGIN, 100, "Output 2.1 – see PP Resolution 71.", font="Times-Roman", size=12),
           rule_op(MARGIN, 110, 300, 110)]
    blocks = read_pdf_detailed(write_placed(tmp_path / "one.pdf", [ops])).raw.blocks
    assert [b.text for b in blocks] == ["Output 2.1 – see PP Resolution 71."]
    assert states == [False, True]
