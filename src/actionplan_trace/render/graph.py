"""Output of `trace graph`: JSON (graph/2), GraphML, Graphviz DOT, Mermaid, a CSV coverage matrix,
and the `--who-cites` listing."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Sequence

from lxml import etree

from ..errors import UsageError
from ..refs.graph import Coverage, Graph, coverage
from ..refs.matrix import MatrixTable
from ..refs.registry import Registry
from .terminal import printable
from .xmltext import xml_text

FORMATS = ("json", "graphml", "dot", "mermaid", "csv")
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS = ("kind", "label", "family", "title", "known", "source", "section", "section_kind", "entity")
EDGE_KEYS = ("relation", "count", "sections")


def to_json(graph: Graph) -> str:
    """The `actionplan-trace/graph/2` JSON document."""
    return json.dumps(graph.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _edge_attrs(edge: Any) -> dict[str, str]:
    sections = sorted({p["section"] for p in edge.provenance if p.get("section")})
    return {"relation": edge.relation, "count": str(len(edge.provenance)), "sections": " ".join(sections)}


def to_graphml(graph: Graph) -> bytes:
    """GraphML 1.0 (yEd, Gephi, networkx, igraph read it): node ids are canonical ids for entities."""
    root = etree.Element(f"{{{GRAPHML_NS}}}graphml", nsmap={None: GRAPHML_NS})
    for name in NODE_KEYS:
        key_type = "boolean" if name == "known" else "string"
        etree.SubElement(root, f"{{{GRAPHML_NS}}}key", id=f"n_{name}", attrib={"for": "node", "attr.name": name, "attr.type": key_type})
    for name in EDGE_KEYS:
        key_type = "int" if name == "count" else "string"
        etree.SubElement(root, f"{{{GRAPHML_NS}}}key", id=f"e_{name}", attrib={"for": "edge", "attr.name": name, "attr.type": key_type})
    g = etree.SubElement(root, f"{{{GRAPHML_NS}}}graph", id="references", edgedefault="directed")
    for node in graph.nodes.values():
        el = etree.SubElement(g, f"{{{GRAPHML_NS}}}node", id=xml_text(node.id))
        for name in NODE_KEYS:
            value = getattr(node, name)
            if value is None:
                continue
            data = etree.SubElement(el, f"{{{GRAPHML_NS}}}data", key=f"n_{name}")
            data.text = ("true" if value else "false") if isinstance(value, bool) else xml_text(str(value))
    for i, edge in enumerate(graph.edges.values()):
        el = etree.SubElement(g, f"{{{GRAPHML_NS}}}edge", id=f"e{i}", source=xml_text(edge.source),
                              target=xml_text(edge.target))
        for name, value in _edge_attrs(edge).items():
            data = etree.SubElement(el, f"{{{GRAPHML_NS}}}data", key=f"e_{name}")
            data.text = xml_text(value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(graph: Graph) -> str:
    """Graphviz DOT: sections as boxes, entities as ellipses, edges labelled with their relation."""
    lines = ["digraph references {", "  rankdir=LR;", "  node [fontname=Helvetica, fontsize=10];"]
    for node in graph.nodes.values():
        shape = "box" if node.kind == "section" else "ellipse"
        label = node.id if node.kind == "entity" else f"{node.section}\n{_short(node.label)}"
        style = ', style=dashed' if node.known is False else ""
        lines.append(f"  {_dot_quote(node.id)} [shape={shape}, label={_dot_quote(label)}{style}];")
    for edge in graph.edges.values():
        lines.append(f"  {_dot_quote(edge.source)} -> {_dot_quote(edge.target)} [label={_dot_quote(edge.relation)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _mermaid_label(text: str) -> str:
    return text.replace('"', "#quot;").replace("\n", " ")


def to_mermaid(graph: Graph) -> str:
    """A Mermaid flowchart (node ids n0, n1 … with the real id as label)."""
    names = {node_id: f"n{i}" for i, node_id in enumerate(graph.nodes)}
    lines = ["flowchart LR"]
    for node in graph.nodes.values():
        label = node.id if node.kind == "entity" else f"{node.section}: {_short(node.label, 40)}"
        shape = ('["', '"]') if node.kind == "section" else ('(["', '"])')
        lines.append(f"  {names[node.id]}{shape[0]}{_mermaid_label(label)}{shape[1]}")
    for edge in graph.edges.values():
        lines.append(f"  {names[edge.source]} -->|{edge.relation}| {names[edge.target]}")
    return "\n".join(lines) + "\n"


def coverage_csv(cov: Coverage, registry: Registry | None = None) -> str:
    """Rows = citing sections, columns = ids; a cell holds the relation. Then a `cited-by` count row,
    then one `gap` row per registry id that nothing cites."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["source", "section", "title", *cov.columns])
    for row in cov.rows:
        writer.writerow([row.source or "", row.section or "", row.label,
                         *(cov.cells.get((row.id, col), "") for col in cov.columns)])
    counts = {col: 0 for col in cov.columns}
    for (_, col) in cov.cells:
        counts[col] += 1
    writer.writerow(["", "cited-by", "", *(counts[c] for c in cov.columns)])
    writer.writerow([])
    writer.writerow(["gap", "id", "title"])
    for ref_id in cov.gaps:
        writer.writerow(["gap", ref_id, (registry.title(ref_id) if registry else None) or ""])
    return out.getvalue()


def matrix_csv(table: MatrixTable) -> str:
    """A Strategic Plan matrix as the document writes it: one row per output (or objective), one
    column per objective (or goal), X where the plan links them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["source", "section", "row", *table.columns])
    for i, (source, section, label) in enumerate(table.rows):
        writer.writerow([source, section, label, *("X" if (i, c) in table.cells else "" for c in table.columns)])
    return out.getvalue()


def render_graph(
    graph: Graph,
    fmt: str = "json",
    registry: Registry | None = None,
    families: Sequence[str] = ("sdg", "sdg-target", "wsis"),
) -> str | bytes:
    """`graph` in one of FORMATS (GraphML as bytes, the rest as text)."""
    if fmt == "json":
        return to_json(graph)
    if fmt == "graphml":
        return to_graphml(graph)
    if fmt == "dot":
        return to_dot(graph)
    if fmt == "mermaid":
        return to_mermaid(graph)
    if fmt == "csv":
        return coverage_csv(coverage(graph, registry, families=families), registry)
    raise UsageError(f"unknown graph format {fmt!r} (one of {', '.join(FORMATS)})")


def render_who_cites(rows: list[dict[str, Any]], ref_id: str, fmt: str = "table") -> str:
    """The sections citing `ref_id`: JSON, CSV, or plain lines."""
    if fmt == "json":
        return json.dumps({"schema": "actionplan-trace/who-cites/1", "id": ref_id, "cited_by": rows},
                          ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "source", "section", "title", "relation", "at"])
        for r in rows:
            writer.writerow([ref_id, r["source"], r["section"], r["title"], r["relation"], " ".join(r["at"])])
        return out.getvalue()
    if not rows:
        return f"{ref_id}: cited by no section\n"
    lines = [f"{ref_id}: cited by {len(rows)} section{'s' if len(rows) != 1 else ''}"]
    for r in rows:
        lines.append(f"  {r['source']}  {r['section']}  [{r['relation']}]  {_short(r['title'], 60)}")
    return printable("\n".join(lines) + "\n")
