"""An independent reader for redline tests: pandoc's accept/reject views as a list of words.

pandoc reads .docx with its own code (Haskell, not this project's reader), so accept-all and
reject-all of a redline can be checked against the two source files without trusting the
writer under test. Tests using it skip when pandoc is absent.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

PANDOC = shutil.which("pandoc")
WORD = re.compile(r"\w+")


def _strings(node: Any, out: list[str]) -> None:
    """Every Str/Code/Math text of a pandoc JSON AST, in document order (notes where they stand)."""
    if isinstance(node, dict):
        kind = node.get("t")
        if kind == "Str":
            out.append(node["c"])
            return
        if kind in ("Code", "Math"):
            out.append(node["c"][1])
            return
        for value in node.values():
            _strings(value, out)
    elif isinstance(node, list):
        for value in node:
            _strings(value, out)


def words(path: Path, changes: str = "accept") -> list[str]:
    """The words of `path` as pandoc reads it with `--track-changes=changes` (accept or reject)."""
    assert PANDOC is not None
    done = subprocess.run([PANDOC, f"--track-changes={changes}", "-f", "docx", "-t", "json", str(path)],
                          capture_output=True, check=True, timeout=120)
    out: list[str] = []
    _strings(json.loads(done.stdout)["blocks"], out)
    return WORD.findall(" ".join(out))
