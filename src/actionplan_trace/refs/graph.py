"""The cross-reference graph: sections -> referenced entities, joined across files on canonical ids.

Nodes are sections (id `<file>#<section-id>`) and entities (id = canonical id, e.g. `SDG-9.c`).
A reference becomes an edge from the section that owns it (the nearest output, outcome, objective,
WSIS outcome or action line above it; rules/refs.yml `owners`) to the entity, labelled with the
family's relation ("implements", "supports", "contributes-to") when it sits in a reference list,
else "mentions". A section that *is* an entity (Output 2.2 of an Action Plan is ITU-D-OUTPUT-2.2,
a roadmap's action line C5 is WSIS-C5) gets a "defines" edge, which is how two documents join.
`cross_check` uses those joins to report links one document states and its counterpart does not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from .. import schemas
from ..editions import settled
from ..model import Block, Document, Loc, Section
from .document import field_context, section_contexts
from ..findings import FindingRule
from .findings import finding
from .entities import entity_of
from .ids import SCOPED_FAMILIES, family_of, natural_key
from .matrix import marks
from .matrix import provenance as matrix_provenance
from .reports import REPORTS_ON, reported
from .trc import chain_findings
from .registry import Registry, load_registry
from .resolve import RefRules, load_rules
from .types import Finding, RefContext, Reference, RefReport
from ..record import brief_repr, field, record

GRAPH_SCHEMA = schemas.GRAPH
DEFINES = "defines"
MENTIONS = "mentions"


@record
class Node:
    """A section of one file, or an entity named by its canonical id."""

    id: str
    kind: str
    label: str
    family: str | None = None
    title: str | None = None
    known: bool | None = None
    source: str | None = None
    section: str | None = None
    section_kind: str | None = None
    entity: str | None = None
    within: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if v not in (None, ())}
        if self.within:
            out["within"] = list(self.within)
        return out


@record
class Edge:
    """section -> entity with a relation and where each citation was read."""

    source: str
    target: str
    relation: str
    provenance: list[dict[str, Any]] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = {"source": self.source, "target": self.target, "relation": self.relation, "provenance": self.provenance}
        out.update(self.attrs)
        return out


@record
class Graph:
    """Nodes by id, edges by (source, target, relation), findings from the cross-document check."""

    __repr__ = brief_repr

    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    profiles: dict[str, str] = field(default_factory=dict)
    editions: dict[str, dict[str, str]] = field(default_factory=dict)
    unmarked: list[Node] = field(default_factory=list)

    def edges_from(self, node_id: str) -> list[Edge]:
        return [e for e in self.edges.values() if e.source == node_id]

    def edges_to(self, node_id: str) -> list[Edge]:
        return [e for e in self.edges.values() if e.target == node_id]

    def sections(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.kind == "section"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": GRAPH_SCHEMA,
            "sources": list(self.sources),
            "nodes": [n.to_dict() for n in self.nodes.values()],
            "edges": [e.to_dict() for e in self.edges.values()],
            "findings": [f.to_dict() for f in self.findings],
        }


def _doc_key(doc: Document, taken: set[str]) -> str:
    """The node-id prefix of `doc`: its file stem, numbered when another document has it; added to `taken`."""
    base = Path(doc.source.path).stem or "doc"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    taken.add(key)
    return key


class GraphBuilder:
    """The graph of documents added one at a time (each may be dropped once added)."""

    def __init__(self, registry: Registry | None = None, rules: RefRules | None = None) -> None:
        self.registry = registry or load_registry()
        self.rules = rules or load_rules()
        self.graph = Graph()
        self.matrix_kinds = {str(m.get("rows")) for m in self.rules.matrices.values()}
        self.taken: set[str] = set()  # node-id prefixes of the documents added

    def entity(self, ref_id: str) -> Node:
        node = self.graph.nodes.get(ref_id)
        if node is None:
            entry = self.registry.get(ref_id)
            family = family_of(ref_id)
            node = Node(
                id=ref_id,
                kind="entity",
                label=ref_id,
                family=family,
                title=entry.title if entry else None,
                known=not self.registry.unknown(ref_id) if self.registry.checks(ref_id) else None,
            )
            self.graph.nodes[ref_id] = node
        return node

    def edge(self, source: str, target: str, relation: str, provenance: dict[str, Any] | None,
             attrs: dict[str, Any] | None = None) -> None:
        key = (source, target, relation)
        edge = self.graph.edges.get(key)
        if edge is None:
            edge = self.graph.edges[key] = Edge(source, target, relation)
        if provenance is not None:
            edge.provenance.append(provenance)
        if attrs:
            edge.attrs.update(attrs)

    def add(self, doc: Document, report: RefReport) -> None:
        key = _doc_key(doc, self.taken)
        by_id = doc.by_id
        editions = settled(report.editions.get(doc.source.path, {}), doc.source.profile)
        self.graph.profiles[doc.source.path] = doc.source.profile or ""
        self.graph.editions[doc.source.path] = dict(editions.by_series)
        owners = set(self.rules.owners)
        section_nodes: dict[str, Node] = {}
        paths: dict[str, list[Section]] = {}

        def path(section: Section) -> list[Section]:
            """Top-level section down to `section` (cached per graph build)."""
            if section.id not in paths:
                parent = by_id.get(section.parent) if section.parent else None
                paths[section.id] = ([*path(parent)] if parent is not None and parent is not section else []) + [section]
            return paths[section.id]

        def node_for(section: Section) -> Node:
            if section.id in section_nodes:
                return section_nodes[section.id]
            chain = path(section)
            within = tuple(e for k, s in enumerate(chain[:-1]) if (e := entity_of(s, self.rules, editions, chain[:k])))
            node = Node(
                id=f"{key}#{section.id}",
                kind="section",
                label=section.title or section.id,
                source=doc.source.path,
                section=section.id,
                section_kind=section.kind,
                entity=entity_of(section, self.rules, editions, chain[:-1]),
                within=within,
            )
            self.graph.nodes[node.id] = node
            section_nodes[section.id] = node
            if node.entity:
                defined = self.entity(node.entity)
                if defined.title is None and section.title:
                    defined.title = section.title  # what the defining section calls it (README: graph/2)
                self.edge(node.id, node.entity, DEFINES, None)
            return node

        def owner_of(section: Section) -> Section:
            for s in reversed(path(section)):
                if s.kind in owners:
                    return s
            return section

        for section in doc.sections:
            if entity_of(section, self.rules, editions, path(section)[:-1]):
                node_for(section)
        for section in doc.sections:
            if section.kind in self.matrix_kinds:
                ancestors = path(section)[:-1]
                found = list(marks(section, ancestors, self.rules, editions))
                for mark in found:
                    self.entity(mark.target)
                    self.edge(node_for(section).id, mark.target, mark.relation, matrix_provenance(mark, doc.source.path))
                if not found:
                    self.graph.unmarked.append(node_for(section))
        below: dict[str, list[Block]] = {}
        for section in doc.sections:
            for ancestor in path(section)[:-1]:
                if ancestor.kind in self.rules.reports:
                    below.setdefault(ancestor.id, []).extend(section.blocks)
        reported_on: set[str] = set()  # the entities the document reports on
        for section in doc.sections:
            for item in reported(section, self.rules, editions, below.get(section.id, ())):
                reported_on.add(item.target)
                self.entity(item.target)
                self.edge(node_for(section).id, item.target, REPORTS_ON, {
                    "source": doc.source.path, "section": section.id, "loc": section.loc.to_dict(),
                    "text": section.heading or section.title}, item.attrs)
        contexts = section_contexts(doc, self.rules, editions)
        lines: dict[str, dict[Loc, str]] = {}  # section id -> its blocks' texts by place, made when asked
        for ref in report.refs:
            if ref.source != doc.source.path or ref.section is None or ref.section not in by_id:
                continue
            leaf = by_id[ref.section]
            owner = node_for(owner_of(leaf))
            if owner.entity == ref.id or ref.id in reported_on and _labels_its_line(ref, leaf, lines):
                continue
            sc = field_context(contexts[leaf.id], ref.field, self.rules)
            relation = self.rules.relations.get(ref.family, MENTIONS) if sc.cites else MENTIONS
            self.entity(ref.id)
            self.edge(owner.id, ref.id, relation, {
                "source": ref.source, "section": ref.section, "loc": ref.loc.to_dict(), "text": ref.text,
            })


def _labels_its_line(ref: Reference, section: Section, lines: dict[str, dict[Loc, str]]) -> bool:
    """Whether `ref`, a plan's own entity (a target, a goal, an output: ids.SCOPED_FAMILIES), is the
    label of the line it opens ("Target 1.1: 65% of households …"): in a report on that entity,
    the line restating its plan's target under "By 2023:" is the target's own wording, no
    citation (the report's status entry on it is what links the report to it; an Action Plan
    listing the Strategic Plan's goals, "Goal 1: Growth – …", reports on none, and cites them).
    `lines` caches each section's block texts by place."""
    if ref.family not in SCOPED_FAMILIES:
        return False
    texts = lines.get(section.id)
    if texts is None:
        texts = lines[section.id] = {block.loc: block.text for block in section.blocks if not block.rows}
    line = texts.get(ref.loc, "").lstrip(" *\t")
    return line.startswith(ref.text) and line[len(ref.text):].lstrip(" *").startswith(":")


def build_graph(
    docs: Iterable[tuple[Document, RefReport]],
    registry: Registry | None = None,
    findings_table: dict[str, FindingRule] | None = None,
) -> Graph:
    """The graph of one or more documents and their reference reports, with REF009 findings.

    The pairs are consumed one at a time and only the graph is kept, so `docs` may be a stream
    (`stream_reports`) that loads each document as it is needed."""
    builder = GraphBuilder(registry)
    for doc, report in docs:
        builder.add(doc, report)
        builder.graph.sources.append(doc.source.path)
        del doc, report
    graph = builder.graph
    graph.findings = cross_check(graph, findings_table) + chain_findings(graph, findings_table)
    return graph


class _Index:
    """Lookups the cross-document check needs, built once: edges by source, and the sections that
    are each entity or lie under it, in document order. Scanning every section for each edge
    made `trace refs` of one plan given 1,000 times run for minutes."""

    def __init__(self, graph: Graph) -> None:
        self.targets: dict[str, set[str]] = {}
        for e in graph.edges.values():
            if e.relation != DEFINES:
                self.targets.setdefault(e.source, set()).add(e.target)
        self.being: dict[str, list[Node]] = {}  # entity -> the sections that are it
        self.under: dict[str, list[Node]] = {}  # entity -> the sections within it
        self.holding: dict[str, list[Node]] = {}  # entity -> the sections that are it or lie within it
        for n in graph.sections():
            for entity in n.within:
                self.under.setdefault(entity, []).append(n)
            if n.entity:
                self.being.setdefault(n.entity, []).append(n)
                for entity in dict.fromkeys((n.entity, *n.within)):
                    self.holding.setdefault(entity, []).append(n)

    def cites(self, node: Node, target: str) -> bool:
        return target in self.targets.get(node.id, ())

    def counterparts(self, entity: str, exclude_source: str | None) -> Iterator[Node]:
        """Sections of other files that are `entity`, or entities under it (outputs of an objective)."""
        return (n for n in self.holding.get(entity, ()) if n.source != exclude_source)


def cross_check(graph: Graph, findings_table: dict[str, FindingRule] | None = None) -> list[Finding]:
    """REF009: a WSIS action line <-> ITU-D output/objective link stated on one side only.

    Forward: a roadmap row under action line L cites Output 2.2 (or Objective 2), but Output 2.2
    (or no output of Objective 2) of a loaded Action Plan cites L. Backward: an Action Plan output
    cites L, a roadmap for L is loaded, and no row of it cites that output or its objective.
    Nothing is reported when the counterpart document is not among the inputs.
    """
    out: list[Finding] = []
    index = _Index(graph)
    for edge in list(graph.edges.values()):
        node = graph.nodes[edge.source]
        target = graph.nodes[edge.target]
        if node.kind != "section" or edge.relation in (DEFINES, MENTIONS):
            continue
        lines = [e for e in node.within if family_of(e) == "wsis"]
        if lines and target.family in ("itu-d-output", "itu-d-objective"):
            line = lines[-1]
            counterparts = (n for n in index.counterparts(target.id, node.source)
                            if family_of(n.entity or "") in ("itu-d-output", "itu-d-objective"))
            first = next(counterparts, None)
            if first is not None and not index.cites(first, line) and not any(index.cites(c, line) for c in counterparts):
                out.append(_ref009(
                    f"{node.section} ({node.source}) links {line} to {target.id}, but "
                    f"{target.id} in {first.source} does not cite {line}", node, target.id, findings_table))
        if target.family == "wsis" and node.entity and family_of(node.entity) == "itu-d-output":
            roadmap = next((n for n in index.being.get(target.id, ()) if n.source != node.source), None)
            if roadmap is None:
                continue
            wanted = {node.entity, *(e for e in node.within if family_of(e) == "itu-d-objective")}
            rows = (n for n in index.under.get(target.id, ()) if n.source != node.source)
            if not any(index.cites(r, w) for r in rows for w in wanted):
                out.append(_ref009(
                    f"{node.entity} ({node.source}) cites {target.id}, but the {target.id} roadmap in "
                    f"{roadmap.source} links neither {' nor '.join(sorted(wanted, key=natural_key))}",
                    node, target.id, findings_table))
    return out


def _ref009(message: str, node: Node, ref_id: str, table: dict[str, FindingRule] | None) -> Finding:
    ctx = RefContext(section=node.section, source=node.source)
    return finding("REF009", message, ctx, ref=ref_id, table=table)


def stronger(previous: str | None, relation: str) -> str:
    """The relation a section has to an id it links to more than once: a citation's own
    (implements, contributes-to…) over a mere mention, else the first found."""
    return relation if previous in (None, MENTIONS) else previous


def citations(graph: Graph, ref_id: str, skip: tuple[str, ...] = (DEFINES,)) -> list[tuple[Node, str, list[str]]]:
    """The sections linking to `ref_id` by a relation not in `skip`, each once: its node, its
    strongest relation to the id (a section that mentions an id in its regional initiatives and
    cites it in its references cites it), and the subsections the links are in. Sorted by
    source, then section."""
    found: dict[str, tuple[Node, str, set[str]]] = {}
    for edge in graph.edges_to(ref_id):
        if edge.relation in skip:
            continue
        node, relation, at = found.get(edge.source, (graph.nodes[edge.source], MENTIONS, set()))
        found[edge.source] = (node, stronger(relation, edge.relation), at | {p["section"] for p in edge.provenance})
    rows = [(node, relation, sorted(at)) for node, relation, at in found.values()]
    rows.sort(key=lambda r: (r[0].source or "", natural_key(r[0].section or "")))
    return rows


def who_cites(graph: Graph, ref_id: str) -> list[dict[str, Any]]:
    """The sections citing `ref_id`, each once: source, section, title, relation and where each
    citation is (see `citations`)."""
    return [{"source": node.source, "section": node.section, "title": node.label, "relation": relation, "at": at}
            for node, relation, at in citations(graph, ref_id)]


@record
class Coverage:
    """Rows (sections of `row_kinds`) x columns (the ids of the chosen families they cite); `cited_by`
    counts every section citing an id, of any kind; `gaps` are registry ids no section cites.

    "Gap" has one definition, shared with `who_cites`: an id is a gap exactly when `who_cites`
    finds no section for it (a `defines` edge does not count as citing).
    """

    rows: list[Node]
    columns: list[str]
    cells: dict[tuple[str, str], str]
    gaps: list[str]
    cited_by: dict[str, int] = field(default_factory=dict)


def citing_sections(graph: Graph) -> dict[str, set[str]]:
    """Canonical id -> the sections citing it (every relation but `defines`): what `who_cites` lists."""
    out: dict[str, set[str]] = {}
    for edge in graph.edges.values():
        if edge.relation != DEFINES and graph.nodes[edge.source].kind == "section":
            out.setdefault(edge.target, set()).add(edge.source)
    return out


def coverage(
    graph: Graph,
    registry: Registry | None = None,
    families: Sequence[str] = ("sdg", "wsis"),
    row_kinds: Sequence[str] | None = ("output", "wsis-outcome"),
) -> Coverage:
    """The coverage matrix of sections over the ids of `families` they cite (no empty columns),
    with the registry's gaps. An id of a family the registry lists whole that it does not list
    ("SDG-17.0", read from a garbled "17.0." and reported REF002) covers nothing."""
    reg = registry or load_registry()
    citing = citing_sections(graph)
    cells: dict[tuple[str, str], str] = {}
    for edge in graph.edges.values():
        target = graph.nodes[edge.target]
        if edge.relation == DEFINES or target.family not in families:
            continue
        if target.family in reg.complete and reg.unknown(edge.target):
            continue
        source = graph.nodes[edge.source]
        if row_kinds and source.section_kind not in row_kinds:
            continue
        cells[(edge.source, edge.target)] = stronger(cells.get((edge.source, edge.target)), edge.relation)
    registered = [i for f in families for i in reg.ids(f)]
    columns = sorted({col for _, col in cells}, key=natural_key)
    row_ids = {s for s, _ in cells}
    rows = sorted((graph.nodes[r] for r in row_ids), key=lambda n: (n.source or "", natural_key(n.section or "")))
    gaps = [i for i in sorted(set(registered), key=natural_key) if not citing.get(i)]
    return Coverage(rows, columns, cells, gaps, {col: len(citing.get(col, ())) for col in columns})
