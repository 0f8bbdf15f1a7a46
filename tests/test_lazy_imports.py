"""Start-up stays short because a command imports only what it uses: a .docx read to JSON loads no
PDF library and no Rich (nothing is printed to a terminal). Checked on the imports a real process
makes (python -X importtime), not on time."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import CORPUS


def imported(*args: str) -> set[str]:
    """Top-level packages imported by `trace ARGS` run as a process."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "actionplan_trace.cli", *args],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return {m.group(1).split(".")[0] for m in re.finditer(r"^import time:.*\|\s*(\S+)\s*$", result.stderr, re.M)}


def test_docx_to_json_loads_no_pdf_library_and_no_rich():
    packages = imported("extract", str(CORPUS / "action-plan-ba.docx"), "-f", "json")
    assert {"lxml", "actionplan_trace", "typer"} <= packages
    assert not packages & {"rich", "pdfplumber", "pypdfium2", "pdfminer", "rapidfuzz"}, packages & {
        "rich", "pdfplumber", "pypdfium2", "pdfminer", "rapidfuzz"}
