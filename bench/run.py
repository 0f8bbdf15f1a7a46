"""`make bench`: run every benchmark module under bench/ and print its figures."""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

MODULES = ["speed_bench", "extract_bench", "pdf_bench", "pdf_limit_bench", "refs_bench", "diff_bench", "scaling_bench", "check_bench"]


def main() -> int:
    for name in MODULES:
        if not (HERE / f"{name}.py").exists():
            continue
        module = importlib.import_module(name)
        print(f"== {name}")
        start = time.perf_counter()
        if hasattr(module, "run"):
            for label, value in module.run():
                print(f"{label:60s} {value}")
        else:
            module.main([])
        print(f"   ({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
