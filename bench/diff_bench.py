"""Diff timings: the whole Action Plan against an edited copy, end to end (load both, diff with
reference resolution, render JSON), and the same for a generated 10x-long plan (growth check)."""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

from docx_edit import DocxEditor, random_edits  # noqa: E402
from generate import long_docx  # noqa: E402

from actionplan_trace import load  # noqa: E402
from actionplan_trace.diff import diff_documents, reference_locator  # noqa: E402
from actionplan_trace.diff.api import compare  # noqa: E402
from actionplan_trace.render.redline import word_report  # noqa: E402
from actionplan_trace.render.diff_docx import to_docx  # noqa: E402
from actionplan_trace.render.diff_json import to_json  # noqa: E402


def best(func: Callable[[], object], repeat: int) -> float:
    """Best-of-`repeat` wall time of `func()` in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def end_to_end(old: Path, new: Path) -> int:
    """Load both files, diff them with references resolved, render JSON; returns the change count."""
    result = diff_documents(load(old), load(new), locate=reference_locator())
    to_json(result)
    return len(result.visible())


def measure(old: Path, new: Path, repeat: int) -> tuple[float, float, int, int]:
    """(end-to-end seconds, diff-engine-only seconds, changes reported, sections of `old`)."""
    changes = end_to_end(old, new)
    total = best(lambda: end_to_end(old, new), repeat)
    old_doc, new_doc = load(old), load(new)
    engine = best(lambda: diff_documents(old_doc, new_doc), repeat)
    return total, engine, changes, len(old_doc.sections)


def run() -> list[tuple[str, str]]:
    """The benchmark rows: (label, figure)."""
    plan = ROOT / "corpus" / "action-plan-ba.docx"
    if not plan.exists():
        return [("diff bench", "skipped: corpus/action-plan-ba.docx missing")]
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        editor = DocxEditor.open(plan)
        edits = random_edits(editor, random.Random(7), word_edits=6)
        edited = editor.save(Path(tmp) / "edited.docx")
        one, engine, changes, sections = measure(plan, edited, 5)
        rows.append(("diff whole plan vs edited copy, end to end",
                     f"{one * 1000:8.1f} ms  ({changes} changes, {len(edits)} edits; target < 1000 ms)"))
        rows.append(("  of which diff engine alone (no refs)", f"{engine * 1000:8.1f} ms  ({sections} sections)"))
        result = diff_documents(load(plan), load(edited))
        rows.append(("  render generated docx (fallback for PDF/text)", f"{best(lambda: to_docx(result), 3) * 1000:8.1f} ms"))
        redline = best(lambda: word_report(compare(plan, edited, locate=reference_locator())), 3)
        rows.append(("redline whole plan vs edited copy, end to end",
                     f"{redline * 1000:8.1f} ms  (load, diff, NEW's package with marks; target < 1500 ms)"))
        rows.append(("  of which writing the redline", f"{best(lambda: word_report(result), 3) * 1000:8.1f} ms"))

        long_old = long_docx(plan, Path(tmp) / "plan-10x.docx", copies=10)
        long_new = long_docx(edited, Path(tmp) / "edited-10x.docx", copies=10)
        ten, ten_engine, long_changes, long_sections = measure(long_old, long_new, 2)
        rows.append(("diff 10x plan vs 10x edited copy, end to end", f"{ten * 1000:8.1f} ms  ({long_changes} changes)"))
        rows.append(("  of which diff engine alone (no refs)", f"{ten_engine * 1000:8.1f} ms  ({long_sections} sections)"))
        rows.append(("  growth 10x / 1x end to end", f"{ten / one:8.1f} x  (linear = 10; target < 10)"))
        rows.append(("  growth 10x / 1x diff engine", f"{ten_engine / engine:8.1f} x"))
        big = load(long_old)
        small = load(plan)
        rows.append(("diff 10x plan vs 1x plan (90% removed)", f"{best(lambda: diff_documents(big, small), 1) * 1000:8.1f} ms"))
    return rows


if __name__ == "__main__":
    for name, value in run():
        print(f"{name:60s} {value}")
