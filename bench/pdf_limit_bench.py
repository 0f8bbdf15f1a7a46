"""PDFs at the default limits: CPU seconds and peak memory of reading them, each in a process of
its own. The limits promise that a file at the limit is read within about a minute and a
gigabyte (limits.py); the cases are the costly shapes within it:

- `paragraph`: one unbroken paragraph over every page, 2 % under the text limit (`Limits.pdf_chars`),
  set in 9-point Courier over some 440 pages;
- `dense`: 500 pages of 5-point type (16,650 characters a page), refused by the text limit at
  the page that passes it (a PDF over a limit should stop early, not after minutes).

    python bench/pdf_limit_bench.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from pdfgen import Line, write_pdf  # noqa: E402

from actionplan_trace.limits import Limits  # noqa: E402

CHILD = """
import json, resource, sys, time
from actionplan_trace.errors import InputError
from actionplan_trace.extract.pdf import read_pdf
try:
    blocks, outcome = len(read_pdf(sys.argv[1]).blocks), "read"
except InputError as exc:
    blocks, outcome = 0, "refused: " + str(exc).split(": ", 1)[1][:60]
used = resource.getrusage(resource.RUSAGE_SELF)
# ru_maxrss keeps the peak of the process this one was forked from (the bench, which other
# benches grew), where Linux's VmHWM starts again at exec: the child's own peak.
try:
    peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak = used.ru_maxrss
print(json.dumps({"cpu": used.ru_utime + used.ru_stime, "rss_mb": peak / 1024, "outcome": outcome}))
"""


def _lines(count: int, width: int, size: float) -> list[Line]:
    """`count` lines of `width` Courier characters, every one as wide, no sentence end: one paragraph."""
    words = "planning monitoring spectrum regulators broadband connectivity capacity".split()
    text = " ".join(words * (width // 8 + 2))
    return [Line(text[k % 9:][:width - 1] + "s", font="Courier", size=size) for k in range(count)]


def cases(tmp: Path) -> dict[str, Path]:
    """The generated PDFs by case name."""
    chars = int(Limits().pdf_chars * 0.98)
    return {
        "paragraph": write_pdf(tmp / "paragraph.pdf", _lines(chars // 72, 70, 9)),  # pdfium counts a line break as 2
        "dense": write_pdf(tmp / "dense.pdf", _lines(500 * 111, 150, 5)),
    }


def run() -> list[tuple[str, str]]:
    """Rows: (case, CPU seconds, peak RSS and outcome)."""
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in cases(Path(tmp)).items():
            done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
            figures = json.loads(done.stdout)
            rows.append((f"{name} ({path.stat().st_size // 1000:,} kB)",
                         f"{figures['cpu']:.1f} s CPU, {figures['rss_mb']:.0f} MB, {figures['outcome']}"))
    return rows


if __name__ == "__main__":
    for label, value in run():
        print(f"{label:40s} {value}")
