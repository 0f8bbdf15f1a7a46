"""Extraction time per corpus file and for a generated 10x-long Action Plan (linear growth check)."""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from generate import long_docx  # noqa: E402

from actionplan_trace import load  # noqa: E402


def timed(path: Path, repeat: int = 3) -> tuple[float, int]:
    """Best-of-`repeat` seconds to load `path`, and its section count."""
    times, sections = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        doc = load(path)
        times.append(time.perf_counter() - start)
        sections = len(doc.sections)
    return min(times), sections


def run() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for path in sorted((ROOT / "corpus").rglob("*")):
        if path.suffix.lower() in (".docx", ".txt", ".md", ".html") and path.is_file() and path.stem != "README":
            seconds, sections = timed(path)
            rows.append((f"extract {path.relative_to(ROOT)}", f"{seconds * 1000:8.1f} ms  ({sections} sections)"))
    plan = ROOT / "corpus" / "action-plan-ba.docx"
    if plan.exists():
        with tempfile.TemporaryDirectory() as tmp:
            base, _ = timed(plan)
            long10 = long_docx(plan, Path(tmp) / "plan-10x.docx", copies=10)
            seconds, sections = timed(long10, repeat=2)
            rows.append(("extract action-plan-ba.docx x10 (generated)", f"{seconds * 1000:8.1f} ms  ({sections} sections)"))
            rows.append(("  growth 10x length / 1x", f"{seconds / base:8.1f} x  (linear = 10; target: whole plan < 500 ms)"))
    return rows


if __name__ == "__main__":
    for name, value in run():
        print(f"{name:60s} {value}")
