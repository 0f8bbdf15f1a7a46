"""`trace chain`: everything upstream and downstream of one entity across the files of a graph.

For a Strategic Plan objective: the outputs that serve it (their names) and the goal it serves.
For a resolution: the sections that cite it and the reports' status entries (heading, revision,
text). For an Action Plan output: its objective and that objective's goal, the resolutions it
cites with their report status, the WSIS lines and SDG targets it supports. The result is plain
data (schema `actionplan-trace/chain/1`); render/chain.py draws it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .. import schemas
from ..errors import UsageError
from ..findings import Finding
from .graph import DEFINES, Graph, Node, citations, stronger
from .ids import family_of, natural_key
from .registry import Registry
from .reports import REPORTS_ON

CHAIN_SCHEMA = schemas.CHAIN
UPWARD = ("itu-goal", "itu-target", "sector-goal", "sector-objective", "itu-d-objective", "itu-d-outcome",
          "itu-d-output", "sector-outcome")
CITED = ("resolution", "decision", "recommendation", "wsis", "sdg", "sdg-target", "regional-initiative")


def resolve_id(graph: Graph, ref_id: str) -> str:
    """The entity `ref_id` names: itself, or the one edition of an id written without `@EDITION`."""
    if family_of(ref_id) is None:
        raise UsageError(f"{ref_id!r} is not a canonical id (e.g. PP-RES-139, ITU-D-OBJ-2@SP-2012-2015)")
    if "@" not in ref_id:
        editions = sorted(n.id for n in graph.nodes.values() if n.kind == "entity" and n.id.partition("@")[0] == ref_id)
        if len(editions) == 1:
            return editions[0]
        if editions:  # the id itself among them: a file that did not settle its edition
            named = ", ".join(f"{e} (edition not settled)" if e == ref_id else e for e in editions)
            raise UsageError(f"{ref_id} exists in several editions here: {named}; name one")
    return ref_id


def _section(node: Node) -> dict[str, Any]:
    return {"source": node.source, "section": node.section, "title": node.label, "kind": node.section_kind}


def _defining(graph: Graph, entity: str) -> list[Node]:
    return [graph.nodes[e.source] for e in graph.edges_to(entity) if e.relation == DEFINES]


def _reports(graph: Graph, entity: str) -> list[dict[str, Any]]:
    out = []
    for edge in graph.edges_to(entity):
        if edge.relation == REPORTS_ON:
            out.append({**_section(graph.nodes[edge.source]), **edge.attrs})
    return sorted(out, key=lambda r: (r["source"] or "", natural_key(r["section"] or "")))


def _entity(graph: Graph, registry: Registry | None, entity: str) -> dict[str, Any]:
    node = graph.nodes.get(entity)
    titles = [n.label for n in _defining(graph, entity)]
    title = (node.title if node else None) or (registry.title(entity) if registry else None) or (titles[0] if titles else None)
    return {"id": entity, "family": family_of(entity), "title": title}


def _upstream(graph: Graph, registry: Registry | None, sources: list[Node], depth: int, seen: set[str]) -> list[dict[str, Any]]:
    """What the sections serve: the entities they sit within or link to, each with what it serves."""
    out: list[dict[str, Any]] = []
    targets: dict[str, str] = {}
    for node in sources:
        for within in node.within:
            targets.setdefault(within, "within")
        for edge in graph.edges_from(node.id):
            if edge.relation in (DEFINES, REPORTS_ON):
                continue
            targets[edge.target] = stronger(targets.get(edge.target), edge.relation)
    # Each entity is shown once, at the shallowest place it is served from: this level's own
    # targets are claimed before any is followed up (a mentioned output citing the same
    # resolution does not take it from the section's own list).
    fresh = [target for target in sorted(targets, key=natural_key) if target not in seen]
    seen.update(fresh)
    for target in fresh:
        family = family_of(target)
        item = {**_entity(graph, registry, target), "relation": targets[target]}
        if family in UPWARD and depth > 0:
            item["serves"] = _upstream(graph, registry, _defining(graph, target), depth - 1, seen)
        reports = _reports(graph, target)
        if reports:
            item["reports"] = reports
        out.append(item)
    return out


def _contained(graph: Graph, registry: Registry | None, entity: str) -> list[dict[str, Any]]:
    """The entities whose sections lie within a section that is `entity` (an objective's outcomes
    and outputs, in natural order), each with the first section that is it: what it holds, the way
    down the chain, as `serves` is the way up (an output's "within")."""
    found: dict[str, Node] = {}
    for node in graph.sections():
        if node.entity and node.entity != entity and entity in node.within:
            found.setdefault(node.entity, node)
    return [{**_entity(graph, registry, held), "defined_by": _section(node)}
            for held, node in sorted(found.items(), key=lambda pair: natural_key(pair[0]))]


def chain(graph: Graph, ref_id: str, registry: Registry | None = None, findings: Iterable[Finding] = ()) -> dict[str, Any]:
    """Everything upstream and downstream of `ref_id` in `graph` (see the module docstring); its
    findings are those of `findings` (each file's own, REF…, in file order) and then the graph's
    (REF009, TRC…) whose `ref` is the entity."""
    entity = resolve_id(graph, ref_id)
    if entity not in graph.nodes and (registry is None or not registry.known(entity)):
        raise UsageError(f"{ref_id} is not in the given files")
    defined = _defining(graph, entity)
    served_by = [{**_section(node), "relation": relation, "entity": node.entity, "at": at}
                 for node, relation, at in citations(graph, entity, skip=(DEFINES, REPORTS_ON))]
    return {
        "schema": CHAIN_SCHEMA,
        **_entity(graph, registry, entity),
        "sources": list(graph.sources),
        "defined_by": [_section(n) for n in defined],
        "serves": _upstream(graph, registry, defined, 2, {entity}),
        "contains": _contained(graph, registry, entity),
        "served_by": served_by,
        "reports": _reports(graph, entity),
        "findings": [f.to_dict() for f in (*findings, *graph.findings) if f.ref == entity],
    }
