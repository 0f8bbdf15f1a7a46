"""`trace check corpus/`: a cold run (nothing cached, two worker processes), the same with one
worker, then a warm run on unchanged files (every result read from the cache). Target: the warm
run at least 5x faster than the cold one. Each run is the real command in a fresh process, with
the contribution validated against the corpus Action Plan."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
BASE = CORPUS / "action-plan-ba.docx"


def _check(config: Path, *extra: str) -> tuple[float, dict]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "actionplan_trace.cli", "check", str(CORPUS), "--config", str(config),
         "--format", "json", *extra],
        capture_output=True, text=True, cwd=config.parent,
    )
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise RuntimeError(f"trace check failed: {result.stderr.strip()}")
    return elapsed, json.loads(result.stdout)


def _config(folder: Path, jobs: int) -> Path:
    path = folder / f"trace-{jobs}.toml"
    base = f'base = "{BASE.as_posix()}"\n' if BASE.exists() else ""
    path.write_text(f'{base}cache-dir = "{(folder / "cache").as_posix()}"\njobs = {jobs}\n', encoding="utf-8")
    return path


def run() -> list[tuple[str, str]]:
    """Rows of (label, value) for `make bench`."""
    folder = Path(tempfile.mkdtemp(prefix="trace-check-bench-"))
    try:
        two, one = _config(folder, 2), _config(folder, 1)
        serial, _ = _check(one, "--no-cache")
        cold, data = _check(two)
        warm, again = _check(two)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    summary = data["summary"]
    return [
        ("files checked (corpus/)", str(summary["files"])),
        ("findings (error / warning / info)", f"{summary['error']} / {summary['warning']} / {summary['info']}"),
        ("cold, 1 worker, no cache", f"{serial:.2f} s"),
        ("cold, 2 workers, cache filled", f"{cold:.2f} s"),
        ("warm, unchanged files (all from cache)", f"{warm:.2f} s ({again['summary']['cached']} cached)"),
        ("speed-up warm vs cold (target >= 5x)", f"{cold / warm:.1f}x"),
        ("speed-up 2 workers vs 1", f"{serial / cold:.1f}x"),
    ]


if __name__ == "__main__":
    for label, value in run():
        print(f"{label:60s} {value}")
