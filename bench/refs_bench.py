"""Reference normaliser speed: references per second on every corpus file (the structured
Documents, loaded once beforehand), the whole corpus together (target: under 1 s), the graph of
the whole corpus, and raw find_refs over the seed texts line by line when ../shared/seeds exists."""

from __future__ import annotations

import time
from pathlib import Path

from actionplan_trace import load
from actionplan_trace.refs import RefContext, build_graph, document_refs, find_refs, load_registry

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
SUFFIXES = (".docx", ".pdf", ".txt", ".md", ".html")


def best_of(func, repeat: int = 3) -> tuple[float, object]:
    """Best-of-`repeat` seconds of `func()`, and its last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def run() -> list[tuple[str, str]]:
    registry = load_registry()
    rows: list[tuple[str, str]] = []
    docs = [(p, load(p)) for p in sorted((ROOT / "corpus").rglob("*"))
            if p.suffix.lower() in SUFFIXES and p.is_file() and p.name != "README.md"]
    total_refs, total_seconds, pairs = 0, 0.0, []
    for path, doc in docs:
        seconds, report = best_of(lambda d=doc: document_refs(d, registry))
        n = len(report.refs)
        total_refs += n
        total_seconds += seconds
        pairs.append((doc, report))
        rows.append((f"refs {path.relative_to(ROOT)}",
                     f"{seconds * 1000:7.1f} ms  {n:5d} refs  {n / seconds:9.0f} refs/s  {len(report.findings)} findings"))
    rows.append((f"refs whole corpus ({len(docs)} files)",
                 f"{total_seconds * 1000:7.1f} ms  {total_refs:5d} refs  {total_refs / max(total_seconds, 1e-9):9.0f} refs/s"
                 "  (target: < 1000 ms)"))
    seconds, graph = best_of(lambda: build_graph(pairs, registry), repeat=1)
    rows.append(("graph whole corpus", f"{seconds * 1000:7.1f} ms  {len(graph.nodes)} nodes  {len(graph.edges)} edges"
                                       "  (target: < 2000 ms)"))
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if seeds:
        lines = [line for p in seeds for line in p.read_text(encoding="utf-8").split("\n")]

        def raw() -> int:
            ctx = RefContext(organ="WTDC", sector="ITU-D")
            return sum(len(find_refs(line, ctx, registry)[0]) for line in lines)

        seconds, n = best_of(raw)
        rows.append((f"find_refs over the {len(seeds)} seed texts, line by line",
                     f"{seconds * 1000:7.1f} ms  {n:5d} refs  {n / seconds:9.0f} refs/s"))
    return rows


if __name__ == "__main__":
    for name, value in run():
        print(f"{name:60s} {value}")
