"""Table geometry for PDF pages: ruled grids, unruled (text-aligned) grids, cross-page stitching.

Ruling lines come straight from the page's path objects through pypdfium2 (no pdfminer pass);
pdfplumber's own lattice functions (edge merging, intersections, cells, tables) turn them into
grids, so ruled tables are found the way pdfplumber's finder finds them, at pdfium speed.
Unruled tables are found from text alignment: runs of lines split by wide gaps into segments that
start at the same x positions. Tables that continue over pages are stitched here: repeated header
rows are dropped (fuzzy-matched to the first page's header) and a row broken by a page break is
joined back onto the row above. Tables ruled with horizontal lines only (no vertical borders) get their
rows from the rules and their columns from the vertical gaps that no text crosses between them.
"""

from __future__ import annotations

import ctypes
import math
from typing import Any, Callable, Iterator, Sequence

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.table import Table, cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
from rapidfuzz import fuzz

from ..model import Cell, nested_row_line
from ..record import field, record, replace
from ..regexcache import regex
from ..text_patterns import KEY_LABEL, LABEL_ONLY, OPEN_END
from .hyphens import SUSPENDED
from .pdf_settings import PDF_DEFAULTS, PdfSettings

BBox = tuple[float, float, float, float]
SENTENCE_END = regex(r"[.:;!?]$")
_FULL_STOP = regex(r"[.!?]$")  # a sentence that ends its text (a colon or semicolon leads on)
WORD_HYPHEN_END = regex(r"\w-$")  # a line broken after a hyphen inside a word ("2016-" / "2019")
# A line that opens with a conjunction after a line that ends with a word's own hyphen: the hyphen
# was suspended ("short-" / "and long-term", "e-" / "or m-government"), and a space follows it.
# Whether the hyphen ending a text, with another going on, is the one a layout set where it broke a
# word (hyphens.Hyphenation.layout_break)
LayoutBreak = Callable[[str, str], bool]


@record
class Grid:
    """A table's geometry: its bbox, column x boundaries and rows of cell boxes (None = spanned)."""

    bbox: BBox
    columns: list[float]
    rows: list[list[BBox | None]]
    ruled: bool = True
    banded: bool = False  # horizontal rules only: columns come from text gaps and vary a little by page
    # A table nested in a cell of another (nest_grids): (that table's index among the page's
    # grids, the cell's row, its column); its rows are lines of that cell's text, as a .docx reads them.
    within: tuple[int, int, int] | None = None


@record
class PageTable:
    """A table found on one page, its cells filled with text, ready to stitch."""

    page: int
    grid: Grid
    rows: list[list[Cell]]
    spanning: list[bool] = field(default_factory=list)
    dropped: list[tuple[int, str]] = field(default_factory=list)
    # per row, each cell's first line and its last (with the cell's right text edge), or None when
    # empty: what tells a row broken by the page break (stitch's `goes_on`)
    heads: list[list[Any]] = field(default_factory=list)
    tails: list[list[Any]] = field(default_factory=list)
    # per row, each cell's nested tables (Grid.within) its text opens with and ends with, None where
    # a paragraph of its own opens or ends it: a nested table the page break splits goes on in the
    # same cell of the next page (stitch)
    nests: list[list[tuple[PageTable | None, PageTable | None]]] = field(default_factory=list)
    # per column, the data rows counted so far for _labelled_share: (rows up to this index counted,
    # cells keyed, cells labelled)
    labels: dict[int, tuple[int, int, int]] = field(default_factory=dict, compare=False, repr=False)


def _edge(x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict[str, object]:
    return {
        "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
        "width": x1 - x0, "height": bottom - top, "orientation": orientation, "object_type": "line",
    }


def _segments(raw: Any, height: float) -> list[tuple[float, float, float, float]]:
    """The straight segments of a path object (`raw`: PDFium's handle), in top-left page coordinates."""
    fs_matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(raw, fs_matrix):
        raise pdfium.PdfiumError("Failed to get matrix of pageobject.")
    matrix = pdfium.PdfMatrix.from_raw(fs_matrix)
    count = pdfium_c.FPDFPath_CountSegments(raw)
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float, int, bool]] = []
    for i in range(count):
        seg = pdfium_c.FPDFPath_GetPathSegment(raw, i)
        pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        px, py = matrix.on_point(x.value, y.value)
        points.append((px, height - py, pdfium_c.FPDFPathSegment_GetType(seg), bool(pdfium_c.FPDFPathSegment_GetClose(seg))))
    out = []
    start = None
    for i, (px, py, kind, close) in enumerate(points):
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or i == 0:
            start = (px, py)
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
            prev = points[i - 1]
            out.append((prev[0], prev[1], px, py))
        if close and start is not None:
            out.append((px, py, start[0], start[1]))
    return out


FORM_DEPTH = 15
"""Form XObjects nested in one another whose objects page_objects gives (PdfPage.get_objects' depth)."""


def page_objects(page: pdfium.PdfPage, kind: int) -> Iterator[Any]:
    """PDFium's handles of the objects of type `kind` (an FPDF_PAGEOBJ_* constant) on `page` and
    in the Form XObjects it draws, in the order and to the depth PdfPage.get_objects gives them.
    get_objects makes a PdfObject of every object it passes, which on a page of 780,000 one-glyph
    texts took a third of the page's time to find its few paths, twice, and on 500 pages of
    2,200 rules each a third of their time."""
    get_type, form_type = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDF_PAGEOBJ_FORM

    def walk(parent: Any, in_form: bool, level: int) -> Iterator[Any]:
        count, get = ((pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject) if in_form
                      else (pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject))
        total = count(parent)
        if total < 0:
            raise pdfium.PdfiumError("Failed to get number of pageobjects.")
        for i in range(total):
            raw = get(parent, i)
            if not raw:
                raise pdfium.PdfiumError("Failed to get pageobject.")
            found = get_type(raw)
            if found == kind:
                yield raw
            if found == form_type and level < FORM_DEPTH - 1:
                yield from walk(raw, True, level + 1)

    return walk(page.raw, False, 0)


PagePath = tuple[Any, float, float, float, float]
"""A path object of a page: PDFium's handle, and its bounds' left, bottom, right and top (PDF
page coordinates)."""


def page_paths(page: pdfium.PdfPage) -> list[PagePath]:
    """The path objects of `page` and its forms (page_objects), each with its bounds: asked once
    for the drawn bullets and the ruling edges both."""
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
    bounds = pdfium_c.FPDFPageObj_GetBounds
    out: list[PagePath] = []
    for raw in page_objects(page, pdfium_c.FPDF_PAGEOBJ_PATH):
        if not bounds(raw, *refs):
            raise pdfium.PdfiumError("Failed to locate pageobject.")
        out.append((raw, left.value, bottom.value, right.value, top.value))
    return out


def ruling_edges(page: pdfium.PdfPage, settings: PdfSettings = PDF_DEFAULTS,
                 paths: list[PagePath] | None = None) -> list[dict[str, object]]:
    """Horizontal and vertical ruling edges of a page from its path objects (pdfplumber's edge
    dicts); `paths`: the page's, where page_paths has found them."""
    width, height = page.get_size()
    edges: list[dict[str, object]] = []
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    scratch = _ColourScratch()
    for raw, left, bottom, right, top in page_paths(page) if paths is None else paths:
        x0, x1, t, b = left, right, height - top, height - bottom
        w, h = x1 - x0, b - t
        if w > 0.9 * width and h > 0.9 * height:
            continue
        if h <= settings.rule_thickness and w > settings.rule_thickness:
            mid = (t + b) / 2
            edge = _edge(x0, mid, x1, mid, "h")
            edge["color"] = _path_color(raw, scratch)  # a reviser's underline is coloured (pdf_markup)
            edges.append(edge)
            continue
        if w <= settings.rule_thickness and h > settings.rule_thickness:
            mid = (x0 + x1) / 2
            edges.append(_edge(mid, t, mid, b, "v"))
            continue
        pdfium_c.FPDFPath_GetDrawMode(raw, ctypes.byref(fill), ctypes.byref(stroke))
        if not stroke.value:
            edges.extend([_edge(x0, t, x1, t, "h"), _edge(x0, b, x1, b, "h"), _edge(x0, t, x0, b, "v"), _edge(x1, t, x1, b, "v")])
            continue
        for sx0, sy0, sx1, sy1 in _segments(raw, height):
            if abs(sy0 - sy1) <= 0.5 and abs(sx1 - sx0) > settings.rule_thickness:
                edges.append(_edge(min(sx0, sx1), sy0, max(sx0, sx1), sy0, "h"))
            elif abs(sx0 - sx1) <= 0.5 and abs(sy1 - sy0) > settings.rule_thickness:
                edges.append(_edge(sx0, min(sy0, sy1), sx0, max(sy0, sy1), "v"))
    return edges


class _ColourScratch:
    """The ints _path_color has PDFium write a path's draw mode and colour into, made once a page."""

    def __init__(self) -> None:
        self.fill, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.rgba = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
        self.mode = ctypes.byref(self.fill), ctypes.byref(self.stroke)
        self.colour = tuple(ctypes.byref(v) for v in self.rgba)


def _path_color(raw: Any, scratch: _ColourScratch) -> tuple[int, int, int] | None:
    """The RGB colour a path object is drawn in: its stroke's when it is stroked, else its fill's."""
    pdfium_c.FPDFPath_GetDrawMode(raw, *scratch.mode)
    get = pdfium_c.FPDFPageObj_GetStrokeColor if scratch.stroke.value else pdfium_c.FPDFPageObj_GetFillColor
    if not get(raw, *scratch.colour):
        return None
    r, g, b, _ = scratch.rgba
    return r.value, g.value, b.value


def _grid_from_cells(cells: list[BBox], ruled: bool) -> Grid:
    table = Table(None, cells)  # type: ignore[arg-type]
    rows = [list(row.cells) for row in table.rows]
    columns = sorted({c[0] for c in cells})
    return Grid(bbox=table.bbox, columns=columns, rows=rows, ruled=ruled)


MAX_CROSSINGS = 2_500
"""Rule crossings of one page read as a ruled table's corners, at most: pdfplumber's search for
each crossing's cell looks along its row and column, so a page ruled into a 300 × 300 grid took
over 90 s (and 500 pages of 100 × 100, 1.2 s each, would take ten minutes). A page with more is
read as lines of text, its rules ignored; a real table of 60 rows and 12 columns has 793."""


def find_ruled_grids(edges: list[dict[str, object]], settings: PdfSettings = PDF_DEFAULTS) -> list[Grid]:
    """Ruled tables from ruling edges, pdfplumber's lattice way: two or more columns, or a single
    column of two or more rows (the Region tables of an Action Plan); one boxed cell is a frame."""
    if not edges:
        return []
    merged = merge_edges(edges, settings.snap, settings.snap, settings.snap, settings.snap)
    merged = [e for e in merged if float(e["width" if e["orientation"] == "h" else "height"]) >= 3]
    crossings = edges_to_intersections(merged, 1, 1)
    if len(crossings) > MAX_CROSSINGS:
        return []
    cells = intersections_to_cells(crossings)
    grids = []
    for group in _unnested(cells):
        grid = _grid_from_cells(group, ruled=True)
        if len(grid.columns) >= 2 or len(grid.rows) >= 2:
            grids.append(grid)
    return nest_grids(grids)


def _unnested(cells: list[BBox]) -> list[list[BBox]]:
    """The cells of each table, a table nested in another's cell apart from it. A nested table
    whose rules touch its holder's (its right border on the holder's) is joined to it by their
    crossings: its cells then overlap the holder's, which a grid's never do (their areas add up to
    more than the table's box), and those inside another cell are a table of their own."""
    out: list[list[BBox]] = []
    for group in cells_to_tables(cells):
        x0, top = min(c[0] for c in group), min(c[1] for c in group)
        x1, bottom = max(c[2] for c in group), max(c[3] for c in group)
        if sum((c[2] - c[0]) * (c[3] - c[1]) for c in group) <= (x1 - x0) * (bottom - top) + 1:
            out.append(group)
            continue
        inner = [k for k, c in enumerate(group) if any(o != c and _holds(o, c) for o in group)]
        if not inner:
            out.append(group)
            continue
        taken = set(inner)
        out.append([c for k, c in enumerate(group) if k not in taken])
        out.extend(_unnested([group[k] for k in inner]))
    return out


def _holds(outer: BBox, inner: BBox, slack: float = 0.5) -> bool:
    """Whether the box `outer` holds the box `inner`."""
    return (outer[0] - slack <= inner[0] and outer[1] - slack <= inner[1]
            and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def nest_grids(grids: list[Grid]) -> list[Grid]:
    """`grids` with each held in a cell of another marked `within` it (the smallest such cell),
    the most deeply nested first: a glyph goes to the first grid whose box holds it, so a nested
    table's text is its own, not its holder's cell's."""
    holders: dict[int, tuple[Grid, int, int]] = {}
    for k, grid in enumerate(grids):
        best: tuple[float, Grid, int, int] | None = None
        for other in grids:
            if other is grid or not _holds(other.bbox, grid.bbox):
                continue
            for r, row in enumerate(other.rows):
                for c, box in enumerate(row):
                    if box is not None and _holds(box, grid.bbox):
                        area = (box[2] - box[0]) * (box[3] - box[1])
                        if best is None or area < best[0]:
                            best = (area, other, r, c)
        if best is not None:
            holders[k] = best[1:]
    if not holders:
        return grids
    depth = {}
    for k, grid in enumerate(grids):
        d, at = 0, k
        while at in holders and d <= len(grids):
            d, at = d + 1, next(i for i, g in enumerate(grids) if g is holders[at][0])
        depth[id(grid)] = d
    ordered = sorted(grids, key=lambda g: -depth[id(g)])
    place = {id(g): i for i, g in enumerate(ordered)}
    for k, (holder, r, c) in holders.items():
        grids[k].within = (place[id(holder)], r, c)
    return ordered


def _rule_stacks(
    edges: list[dict[str, object]], taken: Sequence[Grid], width: float, settings: PdfSettings = PDF_DEFAULTS
) -> list[tuple[float, float, list[float]]]:
    """Horizontal rules outside the ruled grids, grouped by extent: (x0, x1, sorted y positions)."""
    flat = [e for e in edges if e["orientation"] == "h"]
    stacks: list[tuple[float, float, list[float]]] = []
    for e in merge_edges(flat, settings.snap, settings.snap, settings.snap, settings.snap) if flat else []:
        x0, x1, y = float(e["x0"]), float(e["x1"]), float(e["top"])
        if x1 - x0 < settings.min_rule_share * width:
            continue
        if any(g.bbox[0] - settings.snap <= x0 and x1 <= g.bbox[2] + settings.snap and g.bbox[1] - settings.snap <= y <= g.bbox[3] + settings.snap for g in taken):
            continue
        stack = next((st for st in stacks if abs(st[0] - x0) <= settings.snap and abs(st[1] - x1) <= settings.snap), None)
        if stack is None:
            stacks.append((x0, x1, [y]))
        elif all(abs(y - other) > 1 for other in stack[2]):
            stack[2].append(y)
    return [(x0, x1, sorted(ys)) for x0, x1, ys in stacks if len(ys) >= 2]


def _least_gap(size: float, settings: PdfSettings = PDF_DEFAULTS) -> float:
    """The narrowest strip free of glyphs that may part two columns of type `size` (_gutters)."""
    return max(settings.gutter, 0.4 * size)


def _gutters(
    boxes: Sequence[BBox], x0: float, x1: float, top: float, bottom: float, size: float, settings: PdfSettings = PDF_DEFAULTS
) -> list[tuple[float, float]]:
    """Vertical strips between x0 and x1 that no glyph between top and bottom touches, each with
    text on both sides; a strip that would leave a column narrower than a few characters (a list
    label's) is not a column gap."""
    spans = sorted(
        (b[0], b[2]) for b in boxes
        if top <= (b[1] + b[3]) / 2 <= bottom and x0 <= (b[0] + b[2]) / 2 <= x1
    )
    gaps: list[tuple[float, float]] = []
    start, reach = (spans[0][0], spans[0][1]) if spans else (x0, x0)
    least = _least_gap(size, settings)
    for a, b in spans[1:]:
        if a - reach >= least:
            gaps.append((reach, a))
        reach = max(reach, b)
    kept: list[tuple[float, float]] = []
    for gap in gaps:
        left = kept[-1][1] if kept else start
        if gap[0] - left >= settings.min_column * size:
            kept.append(gap)
    return kept


def find_banded_grids(
    edges: list[dict[str, object]], boxes: Sequence[BBox], taken: Sequence[Grid], width: float, size: float,
    settings: PdfSettings = PDF_DEFAULTS, height: float | None = None,
) -> list[Grid]:
    """Tables ruled with horizontal lines only: a row between each two stacked rules of the same
    extent, columns at the vertical gaps no text crosses in a run of such rows. A band of
    ordinary text (no gap) ends the run, so separate tables of the same width stay apart.

    A table ruled only above its header, below it and at its end (a browser's or LaTeX's
    "booktabs" look) holds its body rows in one band: with three rules or fewer, each band is cut
    into rows where a blank strip crosses every column (`_band_rows`). Its last rule on a page it
    continues from has nothing below it: on a page with only the two header rules, when the text
    under them runs on to the foot of the page (`height`: nothing below it but the footer zone),
    keeps the columns clear and fills two or more of them (`_runs_on`), it is a last band. (A
    table ruled row by row closes each row on the page with a rule of its own.)"""
    grids: list[Grid] = []
    for x0, x1, ys in _rule_stacks(edges, taken, width, settings):
        ruled = len(ys)
        if ruled == 2:  # a rule above the header and below it: the body runs on under the second
            ys = ys + _open_end(boxes, x0, x1, ys[-1], size, height, settings)
        bands = list(zip(ys, ys[1:]))
        i = 0
        while i < len(bands) and bands[i][0] < ys[ruled - 1]:
            best: tuple[int, list[tuple[float, float]]] | None = None
            for j in range(i, len(bands)):
                gaps = _gutters(boxes, x0, x1, bands[i][0], bands[j][1], size, settings)
                if not gaps or (j >= ruled - 1 and best is not None and not _runs_on(boxes, gaps, best[1], x0, x1, bands[j])):
                    break
                best = (j, gaps)
            if best is None:
                i += 1
                continue
            j, gaps = best
            spans = _spans(x0, x1, gaps)
            rows_at = bands[i:j + 1]
            if ruled <= 3:
                rows_at = [row for n, band in enumerate(rows_at) for row in _band_rows(boxes, spans, band, settings, n > 0)]
            rows: list[list[BBox | None]] = [[(c, top, b, bottom) for c, b in spans] for top, bottom in rows_at]
            grids.append(Grid((x0, bands[i][0], x1, bands[j][1]), [c for c, _ in spans], rows, ruled=True, banded=True))
            i = j + 1
    return grids


def _runs_on(
    boxes: Sequence[BBox], gaps: list[tuple[float, float]], before: list[tuple[float, float]], x0: float, x1: float,
    band: tuple[float, float],
) -> bool:
    """Whether the text of `band`, under a table's last rule, is more of the table: the column gaps
    over the table with it (`gaps`) are as many as without it (`before`), and it has text in two
    columns or more."""
    if len(gaps) < len(before):
        return False
    spans = _spans(x0, x1, gaps)
    used = {_column_of(b, spans) for b in boxes if band[0] <= (b[1] + b[3]) / 2 <= band[1]} - {None}
    return len(used) >= 2


def _open_end(
    boxes: Sequence[BBox], x0: float, x1: float, y: float, size: float, height: float | None, settings: PdfSettings,
) -> list[float]:
    """A closing y for the band under a stack's last rule (at `y`), when the table goes on over
    the page break: text starts within three font sizes under the rule and runs, without a gap
    of more than three font sizes, to the last text on the page above its footer zone; in that
    zone, text more than one and a half font sizes below, or in type smaller than the table's,
    is a footer and ends it. [] when there is none, or `height` (the page's) is not known."""
    if height is None:
        return []
    foot = height * (1 - settings.furniture_zone)
    below = sorted((b for b in boxes if b[1] >= y), key=lambda b: b[1])
    inside = [b for b in below if x0 <= (b[0] + b[2]) / 2 <= x1]
    if not inside or inside[0][1] - y > 3 * size:
        return []
    above = [b for b in inside if b[1] < foot]
    glyph = _median_height(above) if above else size
    reach = y
    for b in inside:
        if b[1] >= foot and (b[1] - reach > 1.5 * size or b[3] - b[1] < 0.8 * glyph):
            break  # a footer: apart from the table, or in smaller type
        if b[1] - reach > 3 * size:
            break
        reach = max(reach, b[3])
    if any(reach < b[1] < foot for b in below):
        return []
    return [reach + 1]


@record
class _Piece:
    """A run of a band's text with no blank strip across the columns: its extent, and the
    extent of its text in each column (column index -> (top, bottom))."""

    top: float
    bottom: float
    columns: dict[int, tuple[float, float]]


def _band_rows(
    boxes: Sequence[BBox], spans: list[tuple[float, float]], band: tuple[float, float], settings: PdfSettings,
    under_header: bool = True,
) -> list[tuple[float, float]]:
    """The rows of one band of a rules-only table. The band's text is cut into pieces at blank
    strips across every column taller than `row_gap` glyph heights; a piece with text in the first
    column and one more is the heart of a row (an anchor). The other pieces are paragraphs of a
    long cell, which a browser centres vertically so that they stand above and below its row's
    first cell: each goes to the anchor above or below it, whichever way leaves every row's first
    cell best placed, at the row's top (top-aligned cells) or its middle (centred) (`_misplaced`).
    Pieces above the first anchor that do not belong to it are one row of their own: the rest of
    a row broken over the page, which stitching joins to the row above it; that is only under a
    band above (`under_header`): a table's first band is its header, whose pieces are one row."""
    top, bottom = band
    inside = sorted(
        (b for b in boxes if top <= (b[1] + b[3]) / 2 <= bottom and spans[0][0] <= (b[0] + b[2]) / 2 <= spans[-1][1]),
        key=lambda b: b[1],
    )
    if not inside:
        return [band]
    strip = settings.row_gap * _median_height(inside)
    pieces: list[_Piece] = []
    for b in inside:
        if not pieces or b[1] - pieces[-1].bottom >= strip:
            pieces.append(_Piece(b[1], b[3], {}))
        piece = pieces[-1]
        piece.bottom = max(piece.bottom, b[3])
        k = _column_of(b, spans)
        if k is not None:
            low, high = piece.columns.get(k, (b[1], b[3]))
            piece.columns[k] = (min(low, b[1]), max(high, b[3]))
    anchors = [q for q, piece in enumerate(pieces) if 0 in piece.columns and len(piece.columns) >= 2]
    if len(pieces) == 1 or not anchors:
        return [band]
    groups = _row_groups(pieces, anchors, under_header)
    cuts = [(pieces[upper[1]].bottom + pieces[lower[0]].top) / 2 for upper, lower in zip(groups, groups[1:])]
    return list(zip([top, *cuts], [*cuts, bottom]))


def _misplaced(pieces: Sequence[_Piece]) -> float:
    """How far a row made of `pieces` leaves its first cell from the row's top or its middle,
    whichever is nearer (0 when the cell is placed exactly)."""
    row_top, row_bottom = pieces[0].top, pieces[-1].bottom
    first = [p.columns[0] for p in pieces if 0 in p.columns]
    low, high = min(a for a, _ in first), max(b for _, b in first)
    return min(abs(low - row_top), abs((low + high) / 2 - (row_top + row_bottom) / 2))


def _row_groups(pieces: list[_Piece], anchors: list[int], apart: bool = True) -> list[tuple[int, int]]:
    """The rows as (first, last) piece indexes: each anchor with the pieces that join it, chosen
    over every way of sharing out the pieces between anchors (`_misplaced` summed over the rows,
    least wins; on a tie a piece stays with the row above, and pieces above the first anchor stay
    a row of their own; with `apart` False they all join the first anchor). Pieces below the
    last anchor join it."""
    # best[u]: (cost, joins) of the rows so far when the next anchor takes u of the pieces above it;
    # joins lists (above, below), the pieces each anchor so far took on either side.
    lead = anchors[0]
    best: dict[int, tuple[float, list[tuple[int, int]]]] = {u: (0.0, []) for u in range(0 if apart else lead, lead + 1)}
    for k, at in enumerate(anchors):
        gap = (anchors[k + 1] if k + 1 < len(anchors) else len(pieces)) - at - 1
        below_options = range(gap, -1, -1) if k + 1 < len(anchors) else (gap,)
        following: dict[int, tuple[float, list[tuple[int, int]]]] = {}
        for above, (cost, joins) in best.items():
            for below in below_options:
                total = cost + _misplaced(pieces[at - above:at + below + 1])
                nxt = gap - below
                if nxt not in following or total < following[nxt][0]:
                    following[nxt] = (total, [*joins, (above, below)])
        best = following
    _, joins = min(best.values(), key=lambda entry: entry[0])
    groups: list[tuple[int, int]] = []
    if joins[0][0] < lead:
        groups.append((0, lead - joins[0][0] - 1))
    groups += [(at - above, at + below) for at, (above, below) in zip(anchors, joins)]
    return groups


@record
class Segment:
    """A run of text on one line, separated from its neighbours by a wide gap."""

    x0: float
    x1: float
    top: float
    bottom: float
    line: int
    text: str = ""


def find_aligned_grids(segments: Sequence[Sequence[Segment]], min_rows: int = 3, settings: PdfSettings = PDF_DEFAULTS) -> list[Grid]:
    """Unruled tables: runs of at least `min_rows` lines whose segments start at shared x positions.

    `segments` holds, per text line in reading order, that line's segments. A line joins a run when
    it has two or more segments and every segment starts at (within 3pt of) a column start already
    seen in the run, or the run's first two lines agree; lines with one segment that starts at a
    known column continue the run as a row whose other cells are empty.
    """
    grids: list[Grid] = []
    run: list[Sequence[Segment]] = []
    columns: list[float] = []

    def fits(line: Sequence[Segment]) -> bool:
        """Each segment starts at a column and ends before the next column starts: a line whose
        text runs across a column's start is a paragraph, not a row (the body line under
        headings whose Word numbers stand apart, "3    Relevant regional initiatives")."""
        starts = sorted(columns)
        for s in line:
            k = next((k for k, c in enumerate(starts) if abs(s.x0 - c) <= settings.snap), None)
            if k is None or (k + 1 < len(starts) and s.x1 > starts[k + 1]):
                return False
        return True

    def close() -> None:
        multi = [line for line in run if len(line) >= 2]
        if len(multi) >= min_rows and len(columns) >= 2 and not _numbered_lines(multi, len(columns)):
            grids.append(_aligned_grid(run, sorted(columns)))

    for line in segments:
        if run and fits(line) and (len(line) >= 2 or len(run) >= 2):
            run.append(line)
            continue
        close()
        run, columns = [], []
        if len(line) >= 2:
            run = [line]
            columns = [s.x0 for s in line]
    close()
    return grids


def _numbered_lines(lines: Sequence[Sequence[Segment]], columns: int) -> bool:
    """Whether two-column rows are lines of a numbered list or numbered headings: each first
    piece only a list label ("3", "2.1.", "iv)") set apart from its text at a tab stop, as Word
    sets "3" and "Relevant regional initiatives" (a code such as "Q1/1" or "AFR" keeps a table)."""
    return columns == 2 and all(LABEL_ONLY.match(line[0].text) for line in lines)


def _aligned_grid(run: list[Sequence[Segment]], columns: list[float]) -> Grid:
    x1 = max(s.x1 for line in run for s in line)
    top = min(s.top for s in run[0])
    bottom = max(s.bottom for s in run[-1])
    bounds = columns[1:] + [x1 + 1]
    rows: list[list[BBox | None]] = []
    for line in run:
        t = min(s.top for s in line)
        b = max(s.bottom for s in line)
        rows.append([(c - 0.5, t - 0.5, bounds[i] - 0.5, b + 0.5) for i, c in enumerate(columns)])
    return Grid(bbox=(columns[0] - 0.5, top - 0.5, x1 + 1, bottom + 0.5), columns=columns, rows=rows, ruled=False)


def _spans(x0: float, x1: float, gaps: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The columns between x0 and x1 split at `gaps` (white strips): (left, right) of each, a
    point into the strips on either side."""
    return list(zip([x0] + [b - 1 for _, b in gaps], [a + 1 for a, _ in gaps] + [x1]))


def _median_height(boxes: Sequence[BBox]) -> float:
    """The median glyph height of `boxes` (not empty): the type size as the page draws it."""
    return sorted(b[3] - b[1] for b in boxes)[len(boxes) // 2]


def _column_of(box: BBox, bounds: list[tuple[float, float]]) -> int | None:
    mid = (box[0] + box[2]) / 2
    return next((k for k, (a, b) in enumerate(bounds) if a <= mid <= b), None)


def _row_starts(lines: Sequence[Sequence[BBox]], bounds: list[tuple[float, float]], size: float) -> list[int]:
    """Indexes of the visual lines that open a table row: the first column begins new text there
    (first line, or further below its previous line than the column's line pitch) and so does
    every other column with text on that line."""
    bottoms: list[list[float | None]] = []
    for boxes in lines:
        per: list[float | None] = [None] * len(bounds)
        for box in boxes:
            k = _column_of(box, bounds)
            if k is not None:
                per[k] = max(per[k] or box[3], box[3])
        bottoms.append(per)
    steps: list[float] = []
    for k in range(len(bounds)):
        ys = [y for per in bottoms if (y := per[k]) is not None]
        steps += [b - a for a, b in zip(ys, ys[1:]) if 0 < b - a < 2 * size]
    pitch = sorted(steps)[len(steps) // 2] if steps else 1.2 * size
    tolerance = pitch + max(0.12 * size, 1.0)
    last: list[float | None] = [None] * len(bounds)
    starts: list[int] = []
    for i, per in enumerate(bottoms):
        fresh = [y is not None and (prev is None or y - prev > tolerance) for y, prev in zip(per, last)]
        if per[0] is not None and all(f for f, y in zip(fresh, per) if y is not None):
            starts.append(i)
        last = [y if y is not None else prev for y, prev in zip(per, last)]
    return starts


def find_wrapped_grids(lines: Sequence[Sequence[Segment]], glyphs: Sequence[Sequence[BBox]], size: float, settings: PdfSettings = PDF_DEFAULTS) -> list[Grid]:
    """Unruled tables whose cells wrap over several lines (no rules, or vertical rules only).

    `lines` holds each visual line's wide-gap segments, `glyphs` its glyph boxes. A table starts at
    a line of two or more segments and takes in the lines below while they stay close (no gap of
    more than 1.5 lines) and some vertical strip stays free of glyphs over all of them; those strips
    are the column gaps. Rows start where the first column begins new text, after more than its
    line pitch, together with every other column that has text on that line. At least three lines
    must have text in two columns or more. A line in smaller type than the one below it starts
    none (`_smaller_type`).
    """
    grids: list[Grid] = []
    # Each line's glyphs as the x-spans _gutters reads, those closer than a gap joined: a region's
    # gaps are those of its lines' spans joined, so a region grows a line at a time without
    # reading all of its glyphs again (which made a page of 333 lines take 47 s).
    least = _least_gap(size, settings)
    spans = [_joined(line, least) for line in glyphs]
    i = 0
    while i < len(lines):
        if len(lines[i]) < 2 or (i + 1 < len(lines) and _smaller_type(glyphs[i], glyphs[i + 1])):
            i += 1
            continue
        j, union = i, spans[i]
        gaps = _joined_gutters(union, size, settings)
        while gaps and j + 1 < len(lines):
            gap = min(s.top for s in lines[j + 1]) - max(s.bottom for s in lines[j])
            wider_union = _joined(union + spans[j + 1], least)
            wider = _joined_gutters(wider_union, size, settings)
            if gap > 1.5 * size or not wider:
                break
            j, gaps, union = j + 1, wider, wider_union
        grid = _wrapped_grid(lines[i:j + 1], glyphs[i:j + 1], gaps, size) if gaps else None
        if grid is None:
            i += 1
            continue
        grids.append(grid)
        i = j + 1
    return grids


def _joined(boxes: Sequence[BBox], least: float) -> list[BBox]:
    """The boxes' x-spans sorted and joined where fewer than `least` apart (no gap of `_gutters`
    lies between them), as boxes `_gutters` reads: (x0, 0, x1, 0)."""
    out: list[BBox] = []
    for a, b in sorted((box[0], box[2]) for box in boxes):
        if out and a - out[-1][2] < least:
            if b > out[-1][2]:
                out[-1] = (out[-1][0], 0.0, b, 0.0)
        else:
            out.append((a, 0.0, b, 0.0))
    return out


def _joined_gutters(joined: list[BBox], size: float, settings: PdfSettings) -> list[tuple[float, float]]:
    """_gutters of a region given as its lines' spans joined (_joined): all of them are in it."""
    return _gutters(joined, -math.inf, math.inf, -math.inf, math.inf, size, settings)


def _smaller_type(line: Sequence[BBox], below: Sequence[BBox]) -> bool:
    """Whether `line` is set in type under 0.8 the height of the line below it: a running header
    ("12/3/26, 6:52 AM    Title" at a browser's page top) or a caption, not a table's first row."""
    return bool(line and below) and _median_height(line) < 0.8 * _median_height(below)


def _wrapped_grid(
    lines: Sequence[Sequence[Segment]], glyphs: Sequence[Sequence[BBox]], gaps: list[tuple[float, float]], size: float
) -> Grid | None:
    boxes = [b for line in glyphs for b in line]
    x0, x1 = min(b[0] for b in boxes) - 1, max(b[2] for b in boxes) + 1
    spans = _spans(x0, x1, gaps)
    multi = sum(1 for line in glyphs if len({_column_of(b, spans) for b in line} - {None}) >= 2)
    starts = _row_starts(glyphs, spans, size)
    if multi < 3 or len(starts) < 2 or starts[0] != 0:
        return None
    tops = [min(s.top for s in line) - 1 for line in lines]
    edges = [tops[k] for k in starts] + [max(s.bottom for s in lines[-1]) + 1]
    rows: list[list[BBox | None]] = [[(c, top, b, bottom) for c, b in spans] for top, bottom in zip(edges, edges[1:])]
    return Grid((x0, edges[0], x1, edges[-1]), [c for c, _ in spans], rows, ruled=False)


# --- stitching ------------------------------------------------------------------------------


def row_text(row: list[Cell]) -> str:
    return " | ".join(c.text for c in row)


def _same_columns(a: Grid, b: Grid, settings: PdfSettings = PDF_DEFAULTS) -> bool:
    if len(a.columns) != len(b.columns):
        return False
    return all(abs(x - y) <= settings.snap * 2 for x, y in zip(a.columns, b.columns))


def _labelled_share(table: PageTable, column: int = 0) -> float:
    """The share of the data rows' non-empty cells in `column` that start with a label.

    Asked of a table at every page it is stitched over, so each row is counted once, when it can
    no longer change (all rows but the last, which the next page may carry on), and the counts
    are kept in the table: a table over hundreds of pages costs time linear in its rows."""
    count = min(len(table.rows), len(table.spanning))
    done, keyed, labelled = table.labels.get(column, (1, 0, 0))
    for r in range(done, count - 1):
        has_key, has_label = _label_of(table.rows[r], table.spanning[r], column)
        keyed, labelled = keyed + has_key, labelled + has_label
    table.labels[column] = (max(done, count - 1), keyed, labelled)
    if count > 1:
        has_key, has_label = _label_of(table.rows[count - 1], table.spanning[count - 1], column)
        keyed, labelled = keyed + has_key, labelled + has_label
    return labelled / keyed if keyed else 0.0


def _label_of(row: list[Cell], spanning: bool, column: int) -> tuple[int, int]:
    """Whether a data row's cell in `column` is keyed (not empty, in a row that spans no columns)
    and whether it starts with a label, as counts (0 or 1)."""
    if spanning or len(row) <= column or not row[column].text.strip():
        return 0, 0
    return 1, int(KEY_LABEL.match(row[column].text.strip()) is not None)


def is_split_row(table: PageTable, row: list[Cell], spanning: bool) -> bool:
    """Whether the first row on a continuation page is the rest of the row above.

    True when its key (first) column is empty, starts in lower case, or lacks the label (A1:, d.,
    2.1) that most rows of the table carry in their key column; or, in a table whose key column
    is not labelled (an outcome text), when another column that most rows start with a label
    ("2.1 - Title" in an outputs column) is empty or unlabelled in it, unless the key cell above
    ends its sentence and this one opens a new one in a capital: a new outcome whose output is
    not written yet ("Improved capacity … networks." under "… emergency telecommunications.").
    """
    if spanning or not row:
        return False
    key = row[0].text.strip()
    if not key:
        return any(c.text.strip() for c in row)
    if KEY_LABEL.match(key):
        return False
    if key[0].islower() or _labelled_share(table) >= 0.6:
        return True
    above = table.rows[-1][0].text.strip() if table.rows and table.rows[-1] else ""
    if key[0].isupper() and _FULL_STOP.search(above):
        return False
    return any(
        not KEY_LABEL.match(row[col].text.strip())
        for col in range(1, len(row))
        if _labelled_share(table, col) >= 0.6
    )


def _join_cell(upper: Cell, lower: Cell, goes_on: bool = False, layout_break: LayoutBreak | None = None) -> Cell:
    """One cell from a cell and its continuation; the first paragraph of `lower` carries on the last
    of `upper` when that ends without a sentence end, or whatever it ends with when `goes_on` (the
    layout says the line runs on: see stitch). A hyphen inside a word there is the word's ("2016-" /
    "2019"), unless `layout_break` tells the layout's ("ser-" / "vices"), as between a body's lines."""
    if not lower.text.strip():
        return upper
    if not upper.text.strip():
        return Cell(lower.text, upper.loc, list(lower.paragraphs), lower.bold)
    paragraphs = list(upper.paragraphs or [upper.text])
    rest = list(lower.paragraphs or [lower.text])
    if (goes_on or not SENTENCE_END.search(paragraphs[-1])) and rest:
        glue = " "
        if WORD_HYPHEN_END.search(paragraphs[-1]) and rest[0][:1].isalnum() and not SUSPENDED.match(rest[0]):
            glue = ""  # "2016-" / "2019": one word
            if layout_break is not None and layout_break(paragraphs[-1], rest[0]):
                paragraphs[-1] = paragraphs[-1][:-1]
        paragraphs[-1] = f"{paragraphs[-1]}{glue}{rest.pop(0)}"
    paragraphs.extend(rest)
    return Cell("\n".join(paragraphs), upper.loc, paragraphs, upper.bold and lower.bold)


def join_rows(upper: list[Cell], lower: list[Cell], goes_on: Sequence[bool] = (),
              layout_break: LayoutBreak | None = None) -> list[Cell]:
    """One row from a row and its continuation (cell by cell; `goes_on` per cell and
    `layout_break`, see _join_cell)."""
    flags = list(goes_on) + [False] * (len(upper) - len(goes_on))
    return [_join_cell(u, low, flag, layout_break) for u, low, flag in zip(upper, lower, flags)]


def joined_edges(upper: list[Any], lower: list[Any], first: bool) -> list[Any]:
    """The first (`first`) or last lines of a row joined from `upper` and `lower`, cell by cell."""
    return [(u if u is not None else low) if first else (low if low is not None else u) for u, low in zip(upper, lower)]


def continues(previous: PageTable, following: PageTable, settings: PdfSettings = PDF_DEFAULTS) -> bool:
    """Whether `following` (first thing on its page) carries on `previous` (last thing on the page before)."""
    if following.page != previous.page + 1:
        return False
    a, b = previous.grid, following.grid
    if a.banded and b.banded:
        return len(a.columns) == len(b.columns) and abs(a.bbox[0] - b.bbox[0]) <= settings.snap and abs(a.bbox[2] - b.bbox[2]) <= settings.snap
    return _same_columns(a, b, settings)


def stitch(previous: PageTable, following: PageTable, settings: PdfSettings = PDF_DEFAULTS,
           goes_on: Callable[[Any, Any], bool] | None = None, layout_break: LayoutBreak | None = None) -> PageTable:
    """Append a continuation table to `previous`: drop its repeated header (one row or two: a
    second row repeated under the first is the header's too; its first cell empty under a spanning
    cell, it was read as the rest of the row above), mend a split row.

    `goes_on(tail, head)` tells whether a cell's first line on the new page (`head`) carries on
    the paragraph of its last line on the page before (`tail`, from PageTable.tails). The first
    row is the rest of the row above when is_split_row says so, or when some cell goes on that
    way (see _goes_on_row): its key may then start mid-sentence with a capital ("…ITU Member" /
    "States on …"). `layout_break` judges a hyphen where a cell goes on (_join_cell)."""
    rows, spanning = list(following.rows), list(following.spanning)
    heads, tails, nests = list(following.heads), list(following.tails), list(following.nests)
    repeated = 0  # the header's rows the new page repeats: its first, then its second (a header of two rows)
    if rows and previous.rows and fuzz.ratio(row_text(rows[0]), row_text(previous.rows[0])) >= settings.header_similarity:
        repeated = 1
        # a second row is the header's only under a first with a spanning cell (the slots it covers
        # empty), and when it is the table's second row again word for word: a list's next entry
        # reads much like its first ("ARB Region" under "AFR Region"), and a data row may recur
        spans = any(not cell.text.strip() for cell in previous.rows[0])
        if spans and len(rows) > 1 and len(previous.rows) > 2 and _words(rows[1]) == _words(previous.rows[1]):
            repeated = 2
    for row in rows[:repeated]:
        previous.dropped.append((following.page, " ".join(c.text for c in row)))
    rows, spanning, heads, tails = rows[repeated:], spanning[repeated:], heads[repeated:], tails[repeated:]
    nests = nests[repeated:]
    if rows and previous.rows:
        flags = _goes_on(previous, rows[0], heads[0] if heads else [], goes_on)
        if is_split_row(previous, rows[0], spanning[0]) or (not spanning[0] and _goes_on_row(previous.rows[-1], rows[0], flags)):
            upper = previous.rows[-1]
            lower = _merged_key_to_owner(previous, rows[0])
            if previous.nests and nests:
                exact = replace(settings, header_similarity=100)  # nested rows alike ("P1 | …", "P24 | …") are no header
                previous.rows[-1], previous.nests[-1] = _join_nested(
                    upper, lower, previous.nests[-1], nests[0], flags, lambda a, b: stitch(a, b, exact, goes_on, layout_break),
                    layout_break)
            else:
                previous.rows[-1] = join_rows(upper, lower, flags, layout_break)
            if previous.tails and tails:
                previous.tails[-1] = joined_edges(previous.tails[-1], tails[0], first=False)
            rows, spanning, heads, tails, nests = rows[1:], spanning[1:], heads[1:], tails[1:], nests[1:]
    previous.rows.extend(rows)
    previous.spanning.extend(spanning)
    previous.heads.extend(heads)
    previous.tails.extend(tails)
    previous.nests.extend(nests)
    previous.grid = following.grid
    previous.page = following.page
    return previous


Nest = tuple[PageTable | None, PageTable | None]


def _join_nested(upper: list[Cell], lower: list[Cell], upper_nests: list[Nest], lower_nests: list[Nest],
                 flags: Sequence[bool], mend: Callable[[PageTable, PageTable], Any],
                 layout_break: LayoutBreak | None) -> tuple[list[Cell], list[Nest]]:
    """A row broken by a page break joined (as join_rows joins it), and its cells' nested tables
    (PageTable.nests): where a cell ended on the page before in a nested table and goes on in one,
    that table is the same one broken there: `mend` stitches the second to the first (a row of it
    the break split is one row: "P6 | Broadband project in" / " | country 6" is "P6 | Broadband
    project in country 6") and the cell's lines of its rows are made again. A paragraph after a
    nested table, or one before it, is a paragraph of its own, not the rest of a row's line."""
    cells: list[Cell] = []
    edges: list[Nest] = []
    for c, (above, below) in enumerate(zip(upper, lower)):
        first, last = upper_nests[c] if c < len(upper_nests) else (None, None)
        opens, ends = lower_nests[c] if c < len(lower_nests) else (None, None)
        if (last is None and opens is None) or not above.text.strip() or not below.text.strip():
            cells.append(_join_cell(above, below, c < len(flags) and flags[c], layout_break))
            edges.append((first if above.text.strip() else opens, ends if below.text.strip() else last))
            continue
        head, rest = list(above.paragraphs or [above.text]), list(below.paragraphs or [below.text])
        if last is not None and opens is not None:
            before, after = len(last.rows), len(opens.rows)
            mend(last, opens)
            head = head[:len(head) - before] + [nested_row_line(row) for row in last.rows]
            rest = rest[after:]
            ends = last if ends is opens else ends
        paragraphs = head + rest
        cells.append(Cell("\n".join(paragraphs), above.loc, paragraphs, above.bold and below.bold))
        edges.append((first, ends))
    return cells, edges


def _words(row: list[Cell]) -> list[list[str]]:
    """A row's cells as their words, for telling a row repeated as it was printed."""
    return [cell.text.split() for cell in row]


def _merged_key_to_owner(previous: PageTable, lower: list[Cell]) -> list[Cell]:
    """`lower` (the rest of `previous`'s last row) with its key cell's text moved to the key cell
    it carries on, when that is a row further up: a key cell merged down over several rows (an
    outcome beside two indicator rows) breaks over the page inside its last row, whose own key
    is empty, so its rest ("and broadcasting, and …") lands in that row and would make it a new
    outcome. Only a key that opens in lower case under one that ends without a sentence end
    moves."""
    key = lower[0].text.strip() if lower else ""
    if not key or not key[0].islower() or previous.rows[-1][0].text.strip():
        return lower
    owner = next((row for row in reversed(previous.rows[:-1]) if row and row[0].text.strip()), None)
    if owner is None or owner is previous.rows[0] or SENTENCE_END.search(owner[0].text.rstrip()):
        return lower
    owner[0] = _join_cell(owner[0], lower[0])
    return [Cell("", lower[0].loc), *lower[1:]]


def _goes_on_row(upper: list[Cell], lower: list[Cell], flags: list[bool]) -> bool:
    """Whether `lower`, the first row on a page, is the rest of `upper` by its cells' lines
    (`flags`: which of its cells carry on their cell's last line on the page before): its key
    (first) cell goes on — it is no row label (a., B2:, 2.1), and the key's last line above ran to
    the cell's edge without a sentence end — and so does every other cell it fills, while a cell
    `upper` filled is empty in it (that cell ended on the page before: "2022-2025" / ""), or a
    cell that goes on ended its last line above on a connecting word or a comma ("…Sector Members
    and" / "Associates in …": a row so tall that every cell runs on). Another cell going on alone
    is no evidence: a narrow column's short value ("completed") fills its width, and the next
    row's ("planned") opens in lower case."""
    key = lower[0].text.strip() if lower else ""
    if not flags or not flags[0] or not key or KEY_LABEL.match(key):
        return False
    filled = [flag for flag, cell in zip(flags, lower) if cell.text.strip()]
    ended = any(u.text.strip() and not low.text.strip() for u, low in zip(upper, lower))
    dangling = any(flag and (OPEN_END.search(text := u.text.rstrip()) or text.endswith(","))
                   for flag, u in zip(flags, upper))
    return all(filled) and (ended or dangling)


def _goes_on(previous: PageTable, row: list[Cell], heads: list[Any], goes_on: Callable[[Any, Any], bool] | None) -> list[bool]:
    """Per cell of `row`, whether its first line carries on the last line of the same cell of
    `previous`'s last row (see stitch)."""
    if goes_on is None or not previous.tails or not heads:
        return [False] * len(row)
    return [tail is not None and head is not None and goes_on(tail, head) for tail, head in zip(previous.tails[-1], heads)]
