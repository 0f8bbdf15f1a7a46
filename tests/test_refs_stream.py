"""`trace refs` and `trace graph` stream their documents: each is loaded, read for references and
added to the report or graph, then dropped, so several large files never sit in memory together."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Iterator

from actionplan_trace.model import Document
from actionplan_trace.refs import RefReport, build_graph, load_reports, merge_reports, stream_reports

CORPUS_TEXT = Path(__file__).resolve().parents[1] / "corpus" / "text" / "objective2-new.txt"


def files(folder: Path, count: int) -> list[Path]:
    """`count` copies of a corpus text rendering of Objective 2, the k-th with a WSIS line of its own."""
    text = CORPUS_TEXT.read_text(encoding="utf-8")
    paths = []
    for k in range(1, count + 1):
        path = folder / f"plan-{k}.txt"
        path.write_text(text + f"\nSee also WSIS Action Line C{k + 6}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def watched(pairs: Iterator[tuple[Document, RefReport]], alive: list[int]) -> Iterator[tuple[Document, RefReport]]:
    """Pass the pairs through, recording before each new one how many earlier documents are alive."""
    refs: list[weakref.ref[Document]] = []
    for doc, report in pairs:
        gc.collect()
        alive.append(sum(1 for r in refs if r() is not None))
        refs.append(weakref.ref(doc))
        yield doc, report
        del doc, report


def test_merge_reports_holds_one_document_at_a_time(tmp_path):
    paths = files(tmp_path, 4)
    registry, stream = stream_reports(paths)
    alive: list[int] = []
    merged = merge_reports(watched(stream, alive), registry)
    assert max(alive) <= 1, alive
    _, loaded = load_reports(paths)
    expected = merge_reports(loaded, registry)
    assert merged.sources == [str(p) for p in paths]
    assert [r.id for r in merged.refs] == [r.id for r in expected.refs]
    assert "WSIS-C9" in {r.id for r in merged.refs}
    assert [(f.code, f.message) for f in merged.findings] == [(f.code, f.message) for f in expected.findings]


def test_build_graph_holds_one_document_at_a_time(tmp_path):
    paths = files(tmp_path, 4)
    registry, stream = stream_reports(paths)
    alive: list[int] = []
    graph = build_graph(watched(stream, alive), registry)
    assert max(alive) <= 1, alive
    _, loaded = load_reports(paths)
    expected = build_graph(loaded, registry)
    assert set(graph.nodes) == set(expected.nodes) and set(graph.edges) == set(expected.edges)
    assert "plan-3#output-2.1" in graph.nodes and graph.sources == [str(p) for p in paths]
