"""Speed as ratios against floors measured in the same run (issue #11), each a real process:

- `trace extract` of the whole plan .docx against a bare lxml parse of its document.xml
  (target: at most 2.5x);
- `trace refs` on 1 MB documents, in MB of text per second end to end (target: at least 5 MB/s);
- then what dominates: start-up (interpreter, imports by package) and the work itself.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "corpus" / "action-plan-ba.docx"
PLAN_TEXT = ROOT / "corpus" / "text" / "action-plan-ba-amended.txt"
TRACE = [sys.executable, "-m", "actionplan_trace.cli"]
DENSE = ("see PP Resolution 71, ", "WTDC Res. 45 (Rev. Dubai, 2014) and ", "SDG 9 (targets 9.1, 9.c); ",
         "WSIS Action Line C5, ", "ITU-D SG 2 Question 3 ", "Regional Initiative AFR3; ")
FLOOR = ("import zipfile, lxml.etree as e; "
         f"e.fromstring(zipfile.ZipFile({str(PLAN)!r}).read('word/document.xml'), "
         "e.XMLParser(resolve_entities=False, no_network=True))")


def best(command: list[str], repeat: int = 5) -> float:
    """Best-of-`repeat` wall seconds of a process (its output discarded); it must succeed."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
        times.append(time.perf_counter() - start)
        if result.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(command)}: {result.stderr.decode(errors='replace').strip()}")
    return min(times)


def one_megabyte(path: Path, make: Callable[[], str]) -> Path:
    """A 1 MB (10^6 characters) text file made by repeating `make()`."""
    unit = make()
    path.write_text((unit * (1_000_000 // len(unit) + 1))[:1_000_000], encoding="utf-8")
    return path


def import_costs(args: list[str]) -> list[tuple[str, float]]:
    """Import time by top-level package (self time summed, ms) of one run, largest first."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "actionplan_trace.cli", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    totals: dict[str, float] = defaultdict(float)
    for line in result.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
        if m:
            totals[m.group(2).split(".")[0]] += int(m.group(1)) / 1000
    return sorted(totals.items(), key=lambda kv: -kv[1])


def work_split(path: Path) -> list[tuple[str, float]]:
    """In-process seconds of each stage of `trace refs` on `path` (imports done beforehand)."""
    from actionplan_trace import load
    from actionplan_trace.refs import document_refs, load_registry
    from actionplan_trace.render.refs import to_json

    registry = load_registry()
    load(path)
    stages = []
    start = time.perf_counter()
    doc = load(path)
    stages.append(("load (extract + structure)", time.perf_counter() - start))
    start = time.perf_counter()
    report = document_refs(doc, registry)
    stages.append(("document_refs (editions, grammar, resolve)", time.perf_counter() - start))
    start = time.perf_counter()
    to_json(report)
    stages.append(("JSON", time.perf_counter() - start))
    return stages


def run() -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    floor = best([sys.executable, "-c", FLOOR])
    python = best([sys.executable, "-c", "pass"])
    version = best([*TRACE, "--version"])
    extract = best([*TRACE, "extract", str(PLAN), "-f", "json"])
    rows.append(("floor: python + lxml parse of the plan's document.xml", f"{floor * 1000:7.0f} ms"))
    rows.append(("python -c pass / trace --version", f"{python * 1000:7.0f} ms / {version * 1000:.0f} ms"))
    rows.append(("trace extract action-plan-ba.docx -f json",
                 f"{extract * 1000:7.0f} ms  = {extract / floor:4.1f}x the floor  (target <= 2.5x)"))
    costs = import_costs(["extract", str(PLAN), "-f", "json"])
    rows.append(("  imports of that run, by package (ms)", "  ".join(f"{k} {v:.0f}" for k, v in costs[:7])))
    loaded = {k for k, _ in costs}
    rows.append(("  loaded for a .docx to JSON: rich / pdfplumber / pypdfium2 / pydantic",
                 " / ".join("yes" if k in loaded else "no" for k in ("rich", "pdfplumber", "pypdfium2", "pydantic"))))
    with tempfile.TemporaryDirectory() as tmp:
        inputs = {
            "plan text": one_megabyte(Path(tmp) / "plan-1mb.txt", lambda: PLAN_TEXT.read_text(encoding="utf-8")),
            "dense paragraph": one_megabyte(Path(tmp) / "dense-1mb.txt", lambda: "".join(DENSE)),
        }
        for name, path in inputs.items():
            seconds = best([*TRACE, "refs", str(path), "-f", "json", "-o", str(Path(tmp) / "out.json")], repeat=3)
            size = path.stat().st_size / 1e6
            rows.append((f"trace refs, 1 MB {name}, end to end",
                         f"{seconds:7.2f} s  = {size / seconds:5.2f} MB/s  (target >= 5 MB/s)"))
            split = work_split(path)
            rows.append((f"  in-process stages ({name})", "  ".join(f"{k} {v:.2f} s" for k, v in split)))
    return rows


if __name__ == "__main__":
    for label, value in run():
        print(f"{label:60s} {value}")
