"""Ids of series the registry does not enumerate: the registry lists resolutions, Recommendations
and regional initiatives only as the seed documents cite them, and bounds (rules/registry/numbering.yml)
only the series a seed lists whole. An unlisted id of any other series (a region's initiatives,
Recommendations ITU-D, ITU-T Recommendations, Council decisions) is no REF001; an enumerated series
keeps REF018 within its bound and REF001 past it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli
from docx.shared import Pt
from docxgen import region_table_document

from actionplan_trace.loader import load
from actionplan_trace.refs import document_refs

UNENUMERATED = {"RI-AMS2", "RI-AMS3", "RI-AMS4", "RI-AFR5", "RI-ARB3", "RI-CIS4", "ITU-D-REC-19",
                "ITU-T-REC-F.790", "COUNCIL-DEC-5"}


def _plan_docx(path: Path, font: str, size: float, grid: bool) -> Path:
    """An Action Plan output with its Region table (AMS2–AMS4 in a range, AFR5, ARB3, CIS4) and a
    references paragraph set in `font` at `size` points, its Recommendation in bold."""
    document, _ = region_table_document(font, size, "Output 2.1 – Regional initiatives", [
        ("Region", "Regional initiatives"), ("AMS Region", "AMS2–AMS4"), ("AFR Region", "AFR5"),
        ("ARB Region", "ARB3"), ("CIS Region", "CIS4")], 2, grid)
    document.add_paragraph("PP and WTDC resolutions and recommendations")
    paragraph = document.add_paragraph()
    for text, bold in (("Recommendation ITU-D 19", True), (", Recommendation ITU-T F.790, Council Decision 5, ", False),
                       ("PP Resolutions 181 and 900, WTDC Resolutions 43 and 95", False)):
        run = paragraph.add_run(text)
        run.bold, run.font.size = bold, Pt(size + 1)
    document.save(str(path))
    return path


def _plan_text(path: Path) -> Path:
    """The same citations in other words, as a plain-text rendering."""
    path.write_text(
        "Buenos Aires Action Plan\n\nOutput 2.1 – Regional initiatives\n\n"
        "The regional initiatives AMS2, AMS3 and AMS4 contribute, with Regional Initiatives (AFR5, ARB3, CIS4).\n\n"
        "Recommendations ITU-D 19 and ITU-T F.790 and Council Decision 5 apply; so do PP Resolution 181, "
        "PP Resolution 900, WTDC Resolution 43 and WTDC Resolution 95.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("make", [
    lambda tmp: _plan_docx(tmp / "plan.docx", "Calibri", 11, True),
    lambda tmp: _plan_docx(tmp / "plan-times.docx", "Times New Roman", 9.5, False),
    lambda tmp: _plan_text(tmp / "plan.txt"),
], ids=["docx-calibri-grid", "docx-times-plain", "text"])
def test_an_unlisted_id_of_a_series_no_source_lists_is_not_unknown(tmp_path: Path, make) -> None:
    refs, findings = (lambda r: (r.refs, r.findings))(document_refs(load(make(tmp_path))))
    ids = {r.id for r in refs}
    assert UNENUMERATED <= ids, ids
    judged = {f.ref: f.code for f in findings if f.code in ("REF001", "REF018")}
    assert judged == {"PP-RES-181": "REF018", "PP-RES-900": "REF001", "WTDC-RES-43": "REF018", "WTDC-RES-95": "REF001"}


def test_a_users_numbering_makes_a_series_enumerated_again(tmp_path: Path) -> None:
    """A `numbering` in a user's registry file bounds a series the built-in registry does not: AMS's
    initiatives to 3, so AMS2 and AMS3 exist (REF018) and AMS4 is past it (REF001); the passing
    check of the plan without it fails with it on AMS4."""
    plan = _plan_text(tmp_path / "plan.txt")
    mine = tmp_path / "mine.yml"
    mine.write_text("source: our secretariat\nlicence: internal\nnumbering: {RI-AMS: 3, ITU-D-REC: 22}\n", encoding="utf-8")
    report = json.loads(run_cli("refs", str(plan), "-f", "json", "--registry", str(mine)).stdout)
    judged = {f["ref"]: f["code"] for f in report["findings"] if f["ref"] in UNENUMERATED}
    assert judged == {"RI-AMS2": "REF018", "RI-AMS3": "REF018", "RI-AMS4": "REF001", "ITU-D-REC-19": "REF018"}
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "plan.txt").write_text("Action Plan\n\nRegional Initiatives (AMS4, AFR5, CIS4); Recommendation ITU-D 19, "
                                    "ITU-T F.790 and Council Decision 5.\n", encoding="utf-8")
    passed = run_cli("check", str(clean), "--fail-on", "warning", "--no-cache", "-f", "json")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    (clean / "trace.toml").write_text(f'registry = ["{mine.as_posix()}"]\n', encoding="utf-8")
    failed = run_cli("check", str(clean), "--fail-on", "warning", "--no-cache", "-f", "json")
    assert failed.returncode == 1 and "RI-AMS4 is not in the registry" in failed.stdout, failed.stdout + failed.stderr


def _targets_docx(path: Path, font: str, heading_style: bool) -> Path:
    """A report on the 2020-2023 plan whose status paragraphs name lettered Connect 2030 targets,
    a numbered target the plan has (2.3) and one it has not (2.11), in `font`; headings in a
    Heading style or as bold Normal text."""
    document, _ = region_table_document(font, 10.5, "Report on the implementation of the Strategic Plan 2020-2023",
                                        [("Goal", "Status")], 2, False)
    heading = document.add_paragraph(style="Heading 2") if heading_style else document.add_paragraph()
    run = heading.add_run("Goal 2 – Inclusiveness")
    run.bold = not heading_style
    document.add_paragraph("Connect 2030 Target 2.1.A is on track; targets 3.1.A and 3.1.B are off track.")
    paragraph = document.add_paragraph()
    paragraph.add_run("Connect 2030 Target 2.3").italic = True
    paragraph.add_run(" was achieved, and Connect 2030 Target 2.11 is new.")
    document.save(str(path))
    return path


@pytest.mark.parametrize("font, heading_style", [("Arial", True), ("Cambria", False)])
def test_lettered_connect_2030_targets_are_a_level_the_registry_does_not_list(tmp_path: Path, font: str,
                                                                               heading_style: bool) -> None:
    """The registry lists the 2020-2023 plan's targets as the report on it numbers them (2.1 to
    2.10) and no lettered target: a lettered one ("Target 2.1.A") is of a level it does not
    enumerate, no REF001; a numbered one it lacks (2.11) keeps its REF001. Once a registry file lists
    a lettered target of that plan, one it lacks is REF001."""
    path = _targets_docx(tmp_path / "report.docx", font, heading_style)
    refs, findings = (lambda r: (r.refs, r.findings))(document_refs(load(path)))
    lettered = ["ITU-TARGET-2.1.A@SP-2020-2023", "ITU-TARGET-3.1.A@SP-2020-2023", "ITU-TARGET-3.1.B@SP-2020-2023"]
    assert [r.id for r in refs if r.family == "itu-target"] == [*lettered, "ITU-TARGET-2.3@SP-2020-2023",
                                                                 "ITU-TARGET-2.11@SP-2020-2023"]
    assert [(f.code, f.ref) for f in findings if f.code in ("REF001", "REF018")] == [
        ("REF001", "ITU-TARGET-2.11@SP-2020-2023")]
    mine = tmp_path / "targets.yml"
    mine.write_text("source: Connect 2030 Agenda\nlicence: public\nentries:\n"
                    "  ITU-TARGET-2.1.A@SP-2020-2023: {title: 'Households with Internet access, developing'}\n",
                    encoding="utf-8")
    report = json.loads(run_cli("refs", str(path), "-f", "json", "--registry", str(mine)).stdout)
    assert [(f["code"], f["ref"]) for f in report["findings"] if f["code"] == "REF001"] == [
        ("REF001", "ITU-TARGET-3.1.A@SP-2020-2023"), ("REF001", "ITU-TARGET-3.1.B@SP-2020-2023"),
        ("REF001", "ITU-TARGET-2.11@SP-2020-2023")]
