"""A table column added or removed whole, told as one: "added column “Lead”".

A table that gained a column is each row's new cell added (a table row read as a section too,
its cell a block of that section): the diff keeps one change per cell, with its own section,
place and references, and this pass names the column they make up. The change of its heading
cell (row 1) says "column “Lead”", and every change of the column carries the column's heading
(`Change.column`), so that the reports show the column as one change with its cells' texts under
it and a reader of the JSON can group them.
"""

from __future__ import annotations

from ..model import Loc
from ..regexcache import regex
from .changes import Change

HEADING_CELL = regex(r"^(?:heading of column|table row 1, column) \d+$")
ColumnKey = tuple[str, int | None, int | None, int]
"""A column by the kind of its change and where it is: (kind, table paragraph, nested table, column)."""


def column_key(change: Change) -> ColumnKey | None:
    """The column a cell added or removed with words of its own belongs to, or None for any
    other change (a blank paragraph of a cell, a row, a paragraph)."""
    if change.target != "block" or change.kind not in ("added", "removed") or change.formatting_only:
        return None
    loc: Loc | None = change.loc_new if change.kind == "added" else change.loc_old
    text = change.new if change.kind == "added" else change.old
    if loc is None or loc.row is None or loc.col is None or not (text or "").strip():
        return None
    return (change.kind, loc.paragraph, loc.table, loc.col)


def heading_row(change: Change) -> bool:
    """Whether a change is at a table's first row, its heading row."""
    loc = change.loc_new if change.kind == "added" else change.loc_old
    return loc is not None and loc.row == 0


def heading_cell(change: Change) -> bool:
    """Whether a change is a cell of a table's heading row as the diff names one (labels.cell_place:
    "heading of column 4", "table row 1, column 4"), not a paragraph of a box, a one-column table
    read as the section it holds, whose cells are in its first row too."""
    return heading_row(change) and HEADING_CELL.match(change.where or "") is not None


def name_columns(changes: list[Change]) -> None:
    """Mark the changes of each column added (removed) with its heading: a heading cell added
    (removed) together with the cells of its column in the other rows. A cell added under a
    heading both revisions hold is a cell, not a column, and a column whose heading is blank is
    told cell by cell, as nothing says it is one."""
    heads: dict[ColumnKey, Change] = {}
    for change in changes:
        key = column_key(change)
        if key is not None and heading_cell(change) and key not in heads:
            heads[key] = change
    if not heads:
        return
    for change in changes:
        key = column_key(change)
        head = heads.get(key) if key is not None else None
        if head is None:
            continue
        name = " ".join(((head.new if head.kind == "added" else head.old) or "").split())
        change.column = name
        if change is head:
            change.where = f"column “{name}”"
