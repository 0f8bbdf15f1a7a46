"""chain/1 `findings` are "the run's findings whose `ref` is this id" (README): each file's own
(REF…, as `trace refs` gives them, in file order), then the cross-document ones (REF009, TRC…)."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from docx.shared import Pt

from actionplan_trace import app
from conftest import CORPUS, run_cli

PLAN, REPORT = str(CORPUS / "action-plan-ba.docx"), str(CORPUS / "report-c20-35.docx")


def _note_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Notes on the outputs", level=1)
    run = document.add_paragraph().add_run("The outputs serve PP Resolutions 22, 130 and 22, and SDG 18.")
    run.font.name, run.font.size, run.bold = "Verdana", Pt(9), True
    document.save(str(path))
    return path


def test_chain_holds_each_files_findings_then_the_graphs(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Notes\n\nThis note supports SDG 18 and implements WTDC Resolution 37.\n", encoding="utf-8")
    boxed = _note_docx(tmp_path / "note.docx")
    files = [PLAN, REPORT, str(note), str(boxed)]
    found = app.chain("PP-RES-22", files)
    assert [(f["code"], f["source"]) for f in found["findings"]] == [
        ("REF005", str(boxed)), ("TRC001", PLAN)]
    # the same REF findings as `trace refs` of those files, in its order
    refs = app.references(files)
    for ref_id in ("SDG-18", "PP-RES-22"):
        chained = [f for f in app.chain(ref_id, files)["findings"] if f["code"].startswith("REF")]
        assert chained == [f.to_dict() for f in refs.findings if f.ref == ref_id and f.code != "REF009"]
    sdg = app.chain("SDG-18", files)["findings"]
    assert [(f["code"], f["source"]) for f in sdg] == [("REF002", str(note)), ("REF002", str(boxed))]


def test_chain_cli_shows_a_typo_ids_finding(tmp_path: Path) -> None:
    note = tmp_path / "refs.txt"
    note.write_text("Report on the references\n\nThis work supports SDG 18 and SDG target 9.z.\n", encoding="utf-8")
    result = run_cli("chain", "SDG-18", str(note), "-f", "json")
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["ref"], f["loc"]) for f in findings] == [("REF002", "SDG-18", {"paragraph": 1, "line": 3})]
    text = run_cli("chain", "SDG-18", str(note)).stdout
    assert "REF002 error: SDG-18: there is no SDG 18" in text
