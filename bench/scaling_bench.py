"""Diff scaling: time and counted work (`diff.align.work`) of the alignment for generated long
documents at 8, 16, 32 and 64 times one objective, against a short plan and against an edited
copy of themselves; each doubling should about double both (the test checks the work only)."""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_diff_complexity import CASES  # noqa: E402

from actionplan_trace import load  # noqa: E402
from actionplan_trace.diff import diff_documents  # noqa: E402
from actionplan_trace.diff.align import work  # noqa: E402


def run() -> list[tuple[str, str]]:
    """Rows: (case and size, diff seconds and work)."""
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for case, make in CASES.items():
            for n in (8, 16, 32, 64):
                old, new = make(n, random.Random(1))
                (Path(tmp) / "old.txt").write_text(old, encoding="utf-8")
                (Path(tmp) / "new.txt").write_text(new, encoding="utf-8")
                a, b = load(Path(tmp) / "old.txt"), load(Path(tmp) / "new.txt")
                work.clear()
                start = time.perf_counter()
                diff_documents(a, b)
                blocks = sum(len(s.blocks) for s in b.sections)
                rows.append((f"diff {case} x{n} ({blocks} blocks)",
                             f"{time.perf_counter() - start:.2f} s, work {sum(work.values())}"))
    return rows
