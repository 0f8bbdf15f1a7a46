"""The matrices of a Strategic Plan as graph edges, and back out as tables.

An outputs x objectives table (Tables 4.1-7.1 of the 2012-2015 plan) becomes one `sp-output`
section per row; each marked cell ("X") is a `contributes-to` edge from that row to the objective
its column names (`ITU-R-OBJ-3@SP-2012-2015`). Table 8.1 (objectives x goals) likewise links each
objective row (which defines the objective) to a sector goal. Which rows, columns, marks and
target ids make a matrix is data (rules/refs.yml `matrices`, `marks`). `matrix_rows` reads the
edges back into the document's own table, so a test can round-trip it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from ..editions import DocEditions, scoped
from ..model import Section
from ..record import brief_repr, record
from ..text_patterns import unspaced
from .ids import family_of, natural_key
from .resolve import RefRules

if TYPE_CHECKING:
    from .graph import Graph

MATRIX = "matrix"


@record(frozen=True)
class Mark:
    """One marked cell: the row section, the column header, the target id and the edge relation."""

    section: Section
    column: str
    target: str
    relation: str
    matrix: str


def marks(section: Section, ancestors: Sequence[Section], rules: RefRules, editions: DocEditions | None) -> Iterator[Mark]:
    """The marked cells of a matrix row section, each resolved to the id its column names."""
    from .entities import sector_of

    fields = getattr(section, "fields", None) or {}
    for name, spec in rules.matrices.items():
        if spec.get("rows") != section.kind:
            continue
        for column, value in fields.items():
            if not rules.marks.match(value or ""):
                continue
            found = _column_target(spec["columns"], column)
            if found is None:
                continue
            m, template = found
            groups = {k: v for k, v in m.groupdict().items() if v}
            sector = groups.pop("sector", None) or sector_of(section, ancestors) or ""
            target = template.format(sector=sector, **groups)
            family = family_of(target)
            if family is None:
                continue
            yield Mark(section, column, scoped(target, editions.for_family(family) if editions else None),
                       str(spec.get("relation", "contributes-to")), name)


def _column_target(columns: list[tuple[re.Pattern[str], str]], column: str) -> tuple[re.Match[str], str] | None:
    """The match of the first of a matrix's `columns` whose pattern a column header matches, and
    its target template. A narrow PDF column wraps its header inside a word ("Objecti ve 1"): the
    header is tried unspaced too."""
    for pattern, template in columns:
        m = pattern.match(column) or pattern.match(unspaced(column))
        if m:
            return m, template
    return None


@record
class MatrixTable:
    """A matrix read back from the graph: row labels (source, section, title) x target ids."""

    __repr__ = brief_repr

    name: str
    columns: list[str]
    rows: list[tuple[str, str, str]]
    cells: set[tuple[int, str]]


def matrix_rows(graph: "Graph", name: str) -> MatrixTable:
    """The `name` matrix (outputs-objectives, objectives-goals) of every file in `graph`."""
    edges = [e for e in graph.edges.values() if any(p.get(MATRIX) == name for p in e.provenance)]
    groups: dict[str, int] = {}
    for edge in edges:
        groups.setdefault(_group(edge.target), len(groups))
    columns = sorted({e.target for e in edges}, key=lambda t: (groups[_group(t)], natural_key(t)))
    order: dict[str, int] = {}
    rows: list[tuple[str, str, str]] = []
    cells: set[tuple[int, str]] = set()
    for edge in edges:
        node = graph.nodes[edge.source]
        if edge.source not in order:
            order[edge.source] = len(rows)
            rows.append((node.source or "", node.section or "", node.entity or node.label))
        cells.add((order[edge.source], edge.target))
    return MatrixTable(name, columns, rows, cells)


def _group(ref_id: str) -> str:
    """The column group of a target (ITU-R-OBJ-3@SP-2012-2015 -> ITU-R-OBJ@SP-2012-2015): columns
    keep the document's order of sectors and are numbered within each."""
    return re.sub(r"-\d+(?:\.\w+)?(?=@|$)", "", ref_id)


def check_matrix(name: str, fmt: str | None) -> None:
    """`--matrix NAME` needs a known matrix and the csv format."""
    from ..errors import UsageError
    from .resolve import load_rules

    known = load_rules().matrices
    if name not in known:
        raise UsageError(f"unknown matrix {name!r} (one of {', '.join(known)})")
    if fmt not in (None, "csv"):
        raise UsageError(f"--matrix writes csv, not {fmt}")


def provenance(mark: Mark, source: str) -> dict[str, Any]:
    """Where a matrix edge was read: the row section, its location and the column."""
    return {"source": source, "section": mark.section.id, "loc": mark.section.loc.to_dict(),
            "text": f"{mark.column}: {mark.section.fields.get(mark.column, '')}".strip(), MATRIX: mark.matrix}
