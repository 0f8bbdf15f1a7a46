"""Each command's `--format json` help names the schema id its JSON output carries: both come from
schemas.py, so a version raised for the output cannot leave the help on the old one."""

from __future__ import annotations

import json
import re

import pytest

from actionplan_trace.render.registry import FORMATS
from actionplan_trace.schemas import short

from conftest import CORPUS, run_cli

RUNS = {
    "extract": ("extract", str(CORPUS / "objective2-old.docx"), "-f", "json"),
    "refs": ("refs", str(CORPUS / "objective2-old.docx"), "-f", "json"),
    "diff": ("diff", str(CORPUS / "objective2-old.docx"), str(CORPUS / "objective2-new.docx"), "-f", "json"),
    "check": ("check", str(CORPUS / "objective2-old.docx"), "-f", "json"),
    "graph": ("graph", str(CORPUS / "objective2-old.docx"), "-f", "json"),
    "who-cites": ("graph", str(CORPUS / "objective2-old.docx"), "--who-cites", "WSIS-C5", "-f", "json"),
    "chain": ("chain", "WSIS-C5", str(CORPUS / "objective2-old.docx"), "-f", "json"),
    "validate": ("validate", str(CORPUS / "contribution-tdag.docx"), "--against", str(CORPUS / "action-plan-ba.docx"),
                 "-f", "json"),
}


@pytest.mark.parametrize("command", sorted(RUNS))
def test_the_json_help_names_the_schema_the_output_carries(command: str) -> None:
    result = run_cli(*RUNS[command])
    assert result.returncode in (0, 1), result.stderr
    schema = json.loads(result.stdout)["schema"]
    [described] = [f.help for f in FORMATS[command] if f.name == "json"]
    assert re.findall(r"\b[a-z-]+/\d+\b", described) == [short(schema)]
