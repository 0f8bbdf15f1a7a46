"""Reference normaliser: canonical ids for resolution / SDG / WSIS / strategic references, a
registry to check them against, findings with stable codes, and the cross-reference graph.

    refs, findings = find_refs("PP Resolutions 25, 71 and 72", RefContext())
    report = document_refs(doc)            # every reference of a structured Document
    graph = build_graph([(doc, report)])   # sections -> entities, joined on canonical ids
"""

from typing import TYPE_CHECKING, Any

from .document import document_refs, load_reports, stream_reports
from .find import find_refs
from .ids import family_of, natural_key, sort_ids
from .merge import merge_reports
from .registry import Registry, load_registry
from .types import REFS_SCHEMA, Finding, Reference, RefContext, RefReport, Rev

if TYPE_CHECKING:
    from .graph import Graph, build_graph, coverage, cross_check, who_cites

_FROM_GRAPH = ("Graph", "build_graph", "coverage", "cross_check", "who_cites")


def __getattr__(name: str) -> Any:
    """The graph's names, imported on first use: `trace refs` of one file never needs them."""
    if name in _FROM_GRAPH:
        from . import graph

        return getattr(graph, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "REFS_SCHEMA",
    "Finding",
    "Graph",
    "RefContext",
    "RefReport",
    "Reference",
    "Registry",
    "Rev",
    "build_graph",
    "coverage",
    "cross_check",
    "document_refs",
    "family_of",
    "find_refs",
    "load_registry",
    "load_reports",
    "merge_reports",
    "natural_key",
    "sort_ids",
    "stream_reports",
    "who_cites",
]
