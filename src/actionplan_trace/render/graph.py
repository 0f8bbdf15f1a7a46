"""Output of `trace graph`: JSON (graph/2), GraphML, Graphviz DOT, Mermaid, a CSV coverage matrix,
and the `--who-cites` listing."""

from __future__ import annotations

import csv
import io
from typing import Any, Sequence

from lxml import etree

from .. import schemas
from ..errors import UsageError
from ..refs.graph import DEFINES, Coverage, Graph, coverage
from ..refs.matrix import MatrixTable
from ..refs.registry import Registry
from .escapes import printable, xml_text
from .jsontext import dumps

FORMATS = ("json", "graphml", "dot", "mermaid", "csv")
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS = ("kind", "label", "family", "title", "known", "source", "section", "section_kind", "entity")
EDGE_KEYS = ("relation", "count", "sections")


def to_json(graph: Graph) -> str:
    """The `actionplan-trace/graph/2` JSON document."""
    return dumps(graph.to_dict())


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


DOT_COLOURS = ("gray55", "blue3", "darkgreen", "darkorange3", "purple3", "red3", "goldenrod4", "deepskyblue4")
DOT_FAMILY_ORDER = ("plan", "resolution", "recommendation", "wsis", "sdg", "sdg-target", "regional-initiative")


def _dot_cluster(name: str, label: str, members: list[str], style: str) -> list[str]:
    """A DOT cluster (a framed group with a title) holding the given node lines."""
    return [f"  subgraph {_dot_quote(name)} {{", f"    label={_dot_quote(label)}; {style}", *members, "  }"]


DOT_COLUMN = 24


def _dot_columns(groups: list[list[str]]) -> list[list[str]]:
    """Node ids in columns of at most DOT_COLUMN, a group never sharing a column with another."""
    return [ids[i:i + DOT_COLUMN] for ids in groups for i in range(0, len(ids), DOT_COLUMN)]


def to_dot(graph: Graph) -> str:
    """Graphviz DOT readable at corpus size: left to right, each document's sections in a cluster
    (in reading order), then the ids they cite in one cluster per family, laid out in columns of
    at most DOT_COLUMN nodes (so a graph of hundreds of nodes is a grid, not one column thousands
    of points tall). Edges carry their relation as a colour (legend) and a tooltip, not a label;
    `defines` edges are dotted; edges do not move nodes out of their columns."""
    lines = ["digraph references {", "  rankdir=LR; newrank=true; nodesep=0.1; ranksep=1.2; splines=line;",
             "  node [fontname=Helvetica, fontsize=10]; edge [fontname=Helvetica, fontsize=8, arrowsize=0.5];"]
    docs: dict[str, list[str]] = {}
    families: dict[str, list[str]] = {}
    for node in graph.nodes.values():
        if node.kind == "section":
            docs.setdefault(node.source or "", []).append(node.id)
        else:
            families.setdefault(node.family or "other", []).append(node.id)
    order = {f: i for i, f in enumerate(DOT_FAMILY_ORDER)}
    ranked = sorted(families, key=lambda f: (order.get(f, len(order)), f))
    for n, (source, ids) in enumerate(docs.items()):
        members = [f"    {_dot_quote(i)} [shape=box, label={_dot_quote(_section_label(graph, i))}];" for i in ids]
        lines += _dot_cluster(f"cluster_doc{n}", source, members, "style=rounded; color=gray40;")
    for family in ranked:
        members = [f"    {_dot_quote(i)} [shape=ellipse{', style=dashed' if graph.nodes[i].known is False else ''}];"
                   for i in families[family]]
        lines += _dot_cluster(f"cluster_{family}", family, members, "style=filled; color=gray95;")
    columns = _dot_columns(list(docs.values()) + [families[f] for f in ranked])
    for k, column in enumerate(columns):
        lines.append(f'  "column{k}" [style=invis, shape=point, width=0];')
        lines.append("  { rank=same; " + " ".join(_dot_quote(i) for i in [f"column{k}", *column]) + "; }")
        if k:
            lines.append(f'  "column{k - 1}" -> "column{k}" [style=invis];')
    colours: dict[str, str] = {}
    for edge in graph.edges.values():
        attrs = ["constraint=false"]
        if edge.relation == DEFINES:
            attrs.append("style=dotted")
        else:
            attrs.append(f"color={colours.setdefault(edge.relation, DOT_COLOURS[len(colours) % len(DOT_COLOURS)])}")
        attrs.append(f"tooltip={_dot_quote(edge.relation)}")
        lines.append(f"  {_dot_quote(edge.source)} -> {_dot_quote(edge.target)} [{', '.join(attrs)}];")
    legend = [f'    {_dot_quote("relation:" + r)} [shape=plaintext, label={_dot_quote(r)}, fontcolor={c}];'
              for r, c in colours.items()]
    legend.append('    "relation:defines" [shape=plaintext, label="defines (dotted)"];')
    lines += _dot_cluster("cluster_legend", "edges", legend, "style=dashed;")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _section_label(graph: Graph, node_id: str) -> str:
    """A section node's label: its id in the file, then its title, shortened."""
    node = graph.nodes[node_id]
    return f"{node.section}\n{_short(node.label)}"


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _mermaid_label(text: str) -> str:
    """A label Mermaid shows as written: its entity-code mark "#" first, then the quote that ends a
    label and the angle brackets an HTML label would take for a tag, as entity codes."""
    return (text.replace("#", "#35;").replace('"', "#quot;").replace("<", "#60;").replace(">", "#62;")
            .replace("\n", " "))


def to_mermaid(graph: Graph) -> str:
    """A Mermaid flowchart (node ids n0, n1 … with the real id as label): each file's sections in a
    subgraph named by the file, as DOT clusters them (two plans both have an "output-2.1"), the
    ids they cite outside."""
    names = {node_id: f"n{i}" for i, node_id in enumerate(graph.nodes)}
    lines = ["flowchart LR"]
    files: dict[str, list[str]] = {}
    for node in graph.nodes.values():
        label = node.id if node.kind == "entity" else f"{node.section}: {_short(node.label, 40)}"
        shape = ('["', '"]') if node.kind == "section" else ('(["', '"])')
        line = f"{names[node.id]}{shape[0]}{_mermaid_label(label)}{shape[1]}"
        if node.kind == "section":
            files.setdefault(node.source or "", []).append(line)
        else:
            lines.append(f"  {line}")
    for k, (source, members) in enumerate(files.items()):
        lines += [f'  subgraph f{k}["{_mermaid_label(source)}"]', *(f"    {m}" for m in members), "  end"]
    for edge in graph.edges.values():
        lines.append(f"  {names[edge.source]} -->|{edge.relation}| {names[edge.target]}")
    return "\n".join(lines) + "\n"


def coverage_csv(cov: Coverage, registry: Registry | None = None) -> str:
    """Rows = citing outputs (roadmap outcomes), columns = the ids they cite; a cell holds the
    relation. Then a `cited-by` row (sections of any kind citing the id: what --who-cites lists),
    then one `gap` row per registry id that no section cites (--who-cites finds nothing for it)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["source", "section", "title", *cov.columns])
    for row in cov.rows:
        writer.writerow([row.source or "", row.section or "", row.label,
                         *(cov.cells.get((row.id, col), "") for col in cov.columns)])
    writer.writerow(["", "cited-by", "sections citing the id, of any kind", *(cov.cited_by.get(c, 0) for c in cov.columns)])
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
    families: Sequence[str] = ("sdg", "wsis"),
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
        return dumps({"schema": schemas.WHO_CITES, "id": ref_id, "cited_by": rows})
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
