"""Findings about the planning chain as a whole (family TRC), from the joined graph.

TRC001 (info): a PP resolution an Action Plan output cites has no status entry in any
implementation report of the run (only raised when a report is given). TRC002 (warning): a
Strategic Plan output row with no objective marked, or a sector objective no output serves.
TRC003 (warning): a report's target or objective that the Strategic Plan of its edition, given in
the same run, does not define. TRC004 (info): an entity two files of the run define under
different titles (two revisions given together), whose graph title is the first file's.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from ..regexcache import regex
from .findings import FindingRule, finding
from .ids import family_of, natural_key
from .resolve import load_rules, shortened
from .types import Finding, RefContext

if TYPE_CHECKING:
    from .graph import Graph, Node

REPORT = "implementation-report"
PLAN = ("action-plan", "contribution")
STRATEGIC = "strategic-plan"
REPORTS_ON = "reports-on"
DEFINES = "defines"
MATRIX_ROWS = "outputs-objectives"
CHECKED = ("itu-target", "itu-goal", "sector-objective", "itu-d-objective")


def _note(code: str, message: str, node: "Node", ref: str | None, table: dict[str, FindingRule] | None) -> Finding:
    return finding(code, message, RefContext(section=node.section, source=node.source), ref=ref, table=table)


def chain_findings(graph: "Graph", table: dict[str, FindingRule] | None = None) -> list[Finding]:
    """TRC001-TRC004 over the whole graph."""
    return [*_trc001(graph, table), *_trc002(graph, table), *_trc003(graph, table), *_trc004(graph, table)]


def _of_profile(graph: "Graph", node: "Node", profiles: tuple[str, ...]) -> bool:
    return graph.profiles.get(node.source or "", "") in profiles


def _trc001(graph: "Graph", table: dict[str, FindingRule] | None) -> list[Finding]:
    reports = {s for s, p in graph.profiles.items() if p == REPORT}
    if not reports:
        return []
    covered = {e.target for e in graph.edges.values()
               if e.relation == REPORTS_ON and graph.nodes[e.source].source in reports}
    citing: dict[str, list["Node"]] = {}
    for edge in graph.edges.values():
        node = graph.nodes[edge.source]
        if (edge.relation in (DEFINES, REPORTS_ON) or node.kind != "section" or node.section_kind != "output"
                or not edge.target.startswith("PP-RES-") or not _of_profile(graph, node, PLAN)):
            continue
        citing.setdefault(edge.target, []).append(node)
    out = []
    for ref_id in sorted(set(citing) - covered, key=natural_key):
        nodes = citing[ref_id]
        where = ", ".join(dict.fromkeys(n.section or "" for n in nodes))
        out.append(_note("TRC001", f"{ref_id} is cited by {where} ({nodes[0].source}) but no report given "
                         f"({', '.join(sorted(reports))}) has a status entry for it", nodes[0], ref_id, table))
    return out


def _trc002(graph: "Graph", table: dict[str, FindingRule] | None) -> list[Finding]:
    rows_kind = load_rules().matrices.get(MATRIX_ROWS, {}).get("rows")
    out = [_note("TRC002", f"output {n.label!r} ({n.section}) has no objective marked", n, None, table)
           for n in graph.unmarked if n.section_kind == rows_kind]
    served = {e.target for e in graph.edges.values()
              if graph.nodes[e.source].section_kind == rows_kind and e.relation != DEFINES}
    sectors_with_rows = {t.split("-OBJ-")[0] + "@" + t.partition("@")[2] for t in served}
    for node in graph.sections():
        if node.section_kind != "sector-objective" or not node.entity or not _of_profile(graph, node, (STRATEGIC,)):
            continue
        entity = node.entity
        sector = entity.split("-OBJ-")[0] + "@" + entity.partition("@")[2]
        if entity not in served and sector in sectors_with_rows:
            out.append(_note("TRC002", f"{entity} is served by no output of the plan's outputs x objectives table",
                             node, entity, table))
    return out


def _trc003(graph: "Graph", table: dict[str, FindingRule] | None) -> list[Finding]:
    plans: dict[str, set[str]] = {}
    for source, profile in graph.profiles.items():
        edition = graph.editions.get(source, {}).get("SP")
        if profile == STRATEGIC and edition:
            plans.setdefault(edition, set())
    if not plans:
        return []
    for node in graph.sections():
        edition = graph.editions.get(node.source or "", {}).get("SP")
        if node.entity and edition in plans and graph.profiles.get(node.source or "") == STRATEGIC:
            plans[edition].add(node.entity)
    out = []
    for edge in graph.edges.values():
        node = graph.nodes[edge.source]
        edition = edge.target.partition("@")[2]
        if (edge.relation != REPORTS_ON or family_of(edge.target) not in CHECKED or edition not in plans
                or edge.target in plans[edition]):
            continue
        out.append(_note("TRC003", f"{node.source} reports on {edge.target}, which the {edition} Strategic Plan "
                         f"given does not define", node, edge.target, table))
    return out


def _trc004(graph: "Graph", table: dict[str, FindingRule] | None) -> list[Finding]:
    defining: dict[str, list["Node"]] = {}
    for edge in graph.edges.values():
        if edge.relation == DEFINES:
            defining.setdefault(edge.target, []).append(graph.nodes[edge.source])
    out = []
    for entity, nodes in defining.items():
        by_file: dict[str, "Node"] = {}  # each file's first defining section: a file may define one twice
        for node in nodes:
            by_file.setdefault(node.source or "", node)
        titles: dict[str, "Node"] = {}
        for node in by_file.values():
            key = _title_key(node.label)
            if not any(key.startswith(seen) or seen.startswith(key) for seen in titles):
                titles[key] = node
        if len(titles) < 2:
            continue
        first, *others = titles.values()
        for node in others:
            this, that = _where_apart(node.label, first.label)
            out.append(_note("TRC004", f"{entity} is {this!r} in {node.source} but {that!r} in {first.source}, "
                             "whose title the graph gives it", node, entity, table))
    return out


_WORDS_ONLY = regex(r"\W+")
_MARKUP = regex(r"<[^<>]{1,40}>")  # an HTML tag a text rendering kept ("<u>Use of ICTs</u>")


def _where_apart(one: str, other: str, before: int = 30) -> tuple[str, str]:
    """Two titles as a message quotes them: from a few words before they first differ ("…
    disaster risk reduction and …" / "… disaster risk management and …"), each shortened."""
    at = next((k for k, (a, b) in enumerate(zip(one, other)) if a != b), min(len(one), len(other)))
    start = one.rfind(" ", 0, max(at - before, 0)) + 1 if at > before else 0
    lead = "…" if start else ""
    return lead + shortened(one[start:]), lead + shortened(other[start:])


def _title_key(title: str) -> str:
    """A title apart from spacing, punctuation, case, typography and markup. Two titles one of
    which starts with the other are one: a rendering may run a note on after it ("… Use of ICTs
    Note: GCA – Global Cybersecurity Agenda")."""
    return _WORDS_ONLY.sub("", unicodedata.normalize("NFKC", _MARKUP.sub("", title))).casefold()

