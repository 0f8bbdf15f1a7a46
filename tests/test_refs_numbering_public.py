"""Resolutions numbered after the seed documents: WTDC-17 and WTDC-22 took WTDC resolutions past 80
(to 90) and PP-22 took PP resolutions past 213 (to 219), which the seeds cannot show. A real "WTDC
Resolution 85" is REF018 (info, within its series, not listed) and not REF001; an id far past the
bounds rules/registry/public-record.yml states is still REF001."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli
from docxgen import write_runs_docx

from actionplan_trace.loader import load
from actionplan_trace.refs import RefContext, document_refs, find_refs

WITHIN = ["WTDC-RES-85", "WTDC-RES-89", "WTDC-RES-90", "PP-RES-214", "PP-RES-219"]
PAST = ["WTDC-RES-150", "PP-RES-400"]


def _judged(findings) -> dict[str, tuple[str, str]]:
    return {f.ref: (f.code, f.severity) for f in findings if f.code in ("REF001", "REF018")}


@pytest.mark.parametrize("text", [
    "The work implements WTDC Resolutions 85, 89 and 90 and PP Resolutions 214 and 219; "
    "not WTDC Resolution 150 nor PP Resolution 400.",
    "Resolution 85 (Buenos Aires, 2017), Resolution 89 (Kigali, 2022) and Resolution 90 (Kigali, 2022) of WTDC; "
    "PP Res. 214 (Bucharest, 2022) and Resolution 219 (Bucharest, 2022) of the Plenipotentiary Conference. "
    "WTDC Res. 150 and PP Res. 400 are typing errors.",
    "PP and WTDC resolutions: WTDC Res 85, WTDC Res 89, WTDC Res 90;\nPP Res 214 and 219.\n"
    "See also WTDC Resolution 150 and PP Resolution 400.",
])
def test_resolutions_of_the_later_conferences_are_within_their_series(text: str) -> None:
    refs, findings = find_refs(text, RefContext())
    assert [r.id for r in refs] == [*WITHIN, *PAST]
    assert _judged(findings) == {**{ref: ("REF018", "info") for ref in WITHIN},
                                 **{ref: ("REF001", "warning") for ref in PAST}}


@pytest.mark.parametrize("font, size", [("Calibri", 11), ("Times New Roman", 9.5)])
def test_the_same_in_a_word_file(tmp_path: Path, font: str, size: float) -> None:
    path = write_runs_docx(tmp_path / "plan.docx", "Output 2.1 – Cybersecurity", 2, [
        ("The implementation of ", {"font": font, "size": size}),
        ("WTDC Resolutions 85 and 90", {"font": font, "size": size, "bold": True}),
        (" and PP Resolution 219 (Bucharest, 2022) will support Output 2.1.", {"font": font, "italic": True})],
        [["Resolutions", "Note"], ["WTDC Resolution 89 (Kigali, 2022)", "PP Resolution 400"]])
    result = document_refs(load(path))
    assert [r.id for r in result.refs if r.family == "resolution"] == [
        "WTDC-RES-85", "WTDC-RES-90", "PP-RES-219", "WTDC-RES-89", "PP-RES-400"]
    assert _judged(result.findings) == {"WTDC-RES-85": ("REF018", "info"), "WTDC-RES-90": ("REF018", "info"),
                                        "PP-RES-219": ("REF018", "info"), "WTDC-RES-89": ("REF018", "info"),
                                        "PP-RES-400": ("REF001", "warning")}


def test_a_plan_citing_them_passes_check_on_warnings(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_text("Kigali Action Plan\n\nWTDC Resolution 89 (Kigali, 2022) and PP Resolution "
                                       "214 (Bucharest, 2022) apply.\n", encoding="utf-8")
    passed = run_cli("check", str(tmp_path), "--fail-on", "warning", "--no-cache")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    (tmp_path / "plan.txt").write_text("Kigali Action Plan\n\nWTDC Resolution 150 applies.\n", encoding="utf-8")
    failed = run_cli("check", str(tmp_path), "--fail-on", "warning", "--no-cache")
    assert failed.returncode == 1 and "WTDC-RES-150" in failed.stdout, failed.stdout + failed.stderr
