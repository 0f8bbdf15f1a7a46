"""`merge_reports`: one reference report for several documents, checked across them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from ..findings import FindingRule
from ..model import Document
from .registry import Registry
from .types import RefReport

if TYPE_CHECKING:
    from .graph import GraphBuilder


def merge_reports(
    pairs: Iterable[tuple[Document, RefReport]],
    registry: Registry | None = None,
    findings_table: dict[str, FindingRule] | None = None,
) -> RefReport:
    """One report for several documents; with two or more, plus the cross-document REF009 findings.

    The pairs are consumed one at a time (each document is added to the graph and dropped), so a
    stream from `stream_reports` holds one document's text at a time. The graph (graph.py) is
    imported only once a second document comes: a single file needs none of it."""
    report = RefReport()
    builder: GraphBuilder | None = None
    first: tuple[Document, RefReport] | None = None
    for doc, one in pairs:
        report.extend(one)
        if first is None and builder is None:
            first = (doc, one)
            continue
        if builder is None:
            from .graph import GraphBuilder

            builder = GraphBuilder(registry)
            assert first is not None
            builder.add(*first)
            first = None
        builder.add(doc, one)
        del doc, one
    if builder is not None:
        from .graph import cross_check

        report.findings.extend(cross_check(builder.graph, findings_table))
    return report
