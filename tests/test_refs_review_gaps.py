"""Reference forms a black-box review of `trace refs` found misread: a study group's regional
group, a revision written after the organ, ranges the grammar cannot spell out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Pt

from actionplan_trace.refs import RefContext, find_refs
from conftest import run_cli

NONE = RefContext()


def ids(text: str, ctx: RefContext = NONE) -> list[str]:
    refs, _ = find_refs(text, ctx)
    return [r.id for r in refs]


def _docx(path: Path, paragraphs: list[list[tuple[str, dict]]], cell: list[tuple[str, dict]]) -> Path:
    """A .docx whose paragraphs are written in runs of varied fonts, sizes and weights (a reference
    split across runs, as Word saves an edited one), and a table whose one cell holds `cell`."""
    document = Document()
    document.add_heading("Implementation report", level=1)
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text, look in runs:
            run = paragraph.add_run(text)
            run.font.name = look.get("font", "Calibri")
            run.font.size = Pt(look.get("size", 11))
            run.bold = look.get("bold")
            run.italic = look.get("italic")
            if look.get("break"):
                run.add_break(WD_BREAK.LINE)
    table = document.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text, table.cell(0, 1).text = "Activity", "Remarks"
    table.cell(1, 0).text = "Numbering"
    paragraph = table.cell(1, 1).paragraphs[0]
    for text, look in cell:
        run = paragraph.add_run(text)
        run.font.name = look.get("font", "Arial")
        run.font.size = Pt(look.get("size", 9))
        run.bold = look.get("bold")
    document.save(str(path))
    return path


def _refs_json(path: Path) -> dict:
    result = run_cli("refs", str(path), "-f", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# --- a study group's regional group -------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The meeting of ITU-T SG2RG-AMR was held in Managua.", []),
        ("Fellowships: SG12RG-AFR (Kigali), SG13 (Zimbabwe), SG2RG-AMR and SG3RG-LAC (Nicaragua).",
         ["ITU-T-SG13"]),
        ("ITU-T Study Group 2 Regional Group for the Americas (SG2RG-AMR) met after the workshop.", []),
        ("the ITU-T SG11 Regional group meeting for Africa (SG11RG-AFR)", []),
        # the study groups of a list around a regional group stay read
        ("ITU-T SG 2, SG3RG-AFR and SG5 met in Geneva.", ["ITU-T-SG2", "ITU-T-SG5"]),
        ("ITU-D Study Groups 1 and 2 and SG1RG-AFR", ["ITU-D-SG1", "ITU-D-SG2"]),
        # an event of the study group itself is still a reference to it
        ("the ITU-T Study Group 11 Regional Workshop for Africa", ["ITU-T-SG11"]),
    ],
)
def test_a_study_groups_regional_group_is_no_reference_to_the_study_group(text: str, expected: list[str]) -> None:
    refs, findings = find_refs(text)
    assert [r.id for r in refs] == expected
    assert [f.code for f in findings if f.code in ("REF006", "REF010")] == []


def test_regional_groups_in_a_docx_cite_no_study_group(tmp_path: Path) -> None:
    path = _docx(tmp_path / "groups.docx", [
        [("The meeting of ITU-D ", {}), ("SG2", {"bold": True, "font": "Times New Roman"}),
         ("RG-AMR", {"bold": True, "size": 12}), (" followed the workshop of ITU-D Study Group 1.", {})],
        [("Outside Geneva: ", {"italic": True}), ("SG1RG-AFR (Tunis) and ", {"size": 10, "break": True}),
         ("Study Group 2 Regional Group for Africa", {"font": "Cambria", "size": 14})],
    ], [("SG11RG-AFR", {"bold": True}), (" and ITU-T SG 17", {})])
    data = _refs_json(path)
    assert [r["id"] for r in data["refs"]] == ["ITU-D-SG1", "ITU-T-SG17"]
    assert data["findings"] == []


# --- a revision written after the organ ----------------------------------------------------

KIGALI = {"place": "Kigali", "year": 2022}


def _rev(ref) -> dict | None:
    return None if ref.rev is None else {"place": ref.rev.place, "year": ref.rev.year}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Resolution 37 of the WTDC (Kigali, 2022) applies.", [("WTDC-RES-37", KIGALI)]),
        ("under Resolution 37 of the World Telecommunication Development Conference (Rev. Kigali, 2022).",
         [("WTDC-RES-37", KIGALI)]),
        ("Resolutions 17 and 20 of the WTDC (Kigali, 2022)", [("WTDC-RES-17", KIGALI), ("WTDC-RES-20", KIGALI)]),
        # the qualifier applies back to the previous one only, as after a number
        ("Resolutions 17 (Rev. Buenos Aires, 2017) and 20 of WTDC (Rev.Kigali,2022)",
         [("WTDC-RES-17", {"place": "Buenos Aires", "year": 2017}), ("WTDC-RES-20", KIGALI)]),
        ("Resolution 30 of the Plenipotentiary Conference (Rev. Dubai 2018)",
         [("PP-RES-30", {"place": "Dubai", "year": 2018})]),
        ("Resolution 139 adopted by the Plenipotentiary Conference \\(Rev. Bucharest, 2022\\)",
         [("PP-RES-139", {"place": "Bucharest", "year": 2022})]),
        ("Resolution 37 (WTDC) (Rev. Kigali, 2022)", [("WTDC-RES-37", KIGALI)]),
        ("Resolution 37 of WTDC – Kigali, 2022, and SDG 4", [("WTDC-RES-37", KIGALI), ("SDG-4", None)]),
        ("Council Resolution 1380 of the Council (Modified 2017)", [("COUNCIL-RES-1380", {"place": None, "year": 2017})]),
        # brackets that are no qualifier stay out of it
        ("Resolution 37 of the WTDC (see Annex 2) applies.", [("WTDC-RES-37", None)]),
    ],
)
def test_a_revision_written_after_the_organ_is_the_lists(text: str, expected: list) -> None:
    refs, _ = find_refs(text)
    assert [(r.id, _rev(r)) for r in refs] == expected


def test_a_revision_after_the_organ_names_a_conference_the_organ_did_not_hold() -> None:
    refs, findings = find_refs("Resolution 37 of the WTDC (Rev. Dubai, 2018)")
    assert [(r.id, _rev(r)) for r in refs] == [("WTDC-RES-37", {"place": "Dubai", "year": 2018})]
    assert [f.code for f in findings] == ["REF012"]


def test_revisions_after_the_organ_in_a_docx(tmp_path: Path) -> None:
    path = _docx(tmp_path / "revisions.docx", [
        [("BDT assists Member States under Resolution 37 of the ", {"font": "Georgia"}),
         ("WTDC", {"bold": True}), (" (Kigali, ", {"size": 9}), ("2022)", {"size": 9, "italic": True}), (".", {})],
        [("It reports under Resolution 139 of the ", {}),
         ("Plenipotentiary Conference", {"font": "Verdana", "size": 13, "break": True}),
         ("(Rev. Bucharest, 2022)", {"font": "Verdana", "size": 13}), (".", {})],
    ], [("Resolutions 17 and 20 of the World Telecommunication Development Conference ", {}),
        ("(Rev. Kigali, 2022)", {"bold": True})])
    data = _refs_json(path)
    assert [(r["id"], r["rev"]["place"] if r["rev"] else None, r["rev"]["year"] if r["rev"] else None)
            for r in data["refs"]] == [
        ("WTDC-RES-37", "Kigali", 2022), ("PP-RES-139", "Bucharest", 2022),
        ("WTDC-RES-17", "Kigali", 2022), ("WTDC-RES-20", "Kigali", 2022)]


# --- ranges other than SDG target ranges ----------------------------------------------------

ACTION_PLAN = RefContext(organ="WTDC", sector="ITU-D")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WTDC Resolutions 30 to 33 apply.", ["WTDC-RES-30", "WTDC-RES-31", "WTDC-RES-32", "WTDC-RES-33"]),
        ("PP Decisions 5–7", ["PP-DEC-5", "PP-DEC-6", "PP-DEC-7"]),
        ("WSIS Action Lines C1 to C3", ["WSIS-C1", "WSIS-C2", "WSIS-C3"]),
        ("ITU-D Objectives 1–3", ["ITU-D-OBJ-1", "ITU-D-OBJ-2", "ITU-D-OBJ-3"]),
        ("Regional Initiatives (AFR1–AFR3)", ["RI-AFR1", "RI-AFR2", "RI-AFR3"]),
        ("ITU-D Questions 1/1 to 3/1", ["ITU-D-SG1-Q1", "ITU-D-SG1-Q2", "ITU-D-SG1-Q3"]),
        # study groups had no range at all: "SG 11-13" was SG11 alone
        ("ITU-T SG 11-13 met in Geneva.", ["ITU-T-SG11", "ITU-T-SG12", "ITU-T-SG13"]),
        ("ITU-T Study Groups 2 to 5 and 17", ["ITU-T-SG2", "ITU-T-SG3", "ITU-T-SG4", "ITU-T-SG5", "ITU-T-SG17"]),
        ("ITU-T SG2-SG3", ["ITU-T-SG2", "ITU-T-SG3"]),
    ],
)
def test_a_range_that_can_be_spelled_out_stands_for_every_number(text: str, expected: list[str]) -> None:
    refs, findings = find_refs(text)
    assert [r.id.split("@")[0] for r in refs] == expected
    assert [f.code for f in findings if f.code == "REF008"] == []


@pytest.mark.parametrize(
    ("text", "ctx", "first", "words", "why"),
    [
        ("WTDC Resolutions 30 to 99 apply.", NONE, ["WTDC-RES-30"], "30 to 99", "longer than 50 numbers"),
        ("WTDC Resolutions 33–30 apply.", NONE, ["WTDC-RES-33"], "33–30", "runs backwards"),
        ("WSIS Action Lines C1 to C13", NONE, ["WSIS-C1"], "C1 to C13", "longer than 11 action lines"),
        ("WSIS Action Lines C5-C3", NONE, ["WSIS-C5"], "C5-C3", "runs backwards"),
        ("ITU-D Objectives 3 to 1", NONE, ["ITU-D-OBJ-3"], "3 to 1", "runs backwards"),
        ("Outputs 2.1–3.2 of the Kigali Action Plan", NONE, ["ITU-D-OUTPUT-2.1"], "2.1–3.2", "across objectives"),
        ("Regional Initiatives (AFR1–AFR12)", NONE, ["RI-AFR1"], "AFR1–AFR12", "longer than 9 initiatives"),
        ("Regional Initiatives (ARB2-EUR4)", NONE, ["RI-ARB2"], "ARB2-EUR4", "across regions"),
        ("ITU-D Questions 1/1 to 3/2", NONE, ["ITU-D-SG1-Q1"], "Questions 1/1 to 3/2", "across study groups"),
        ("ITU-D Questions 1/1 to 99/1", NONE, ["ITU-D-SG1-Q1"], "Questions 1/1 to 99/1", "longer than 20 Questions"),
        ("ITU-T SG 13-2", NONE, ["ITU-T-SG13"], "13-2", "runs backwards"),
        ("SDGs 1 to 20", NONE, ["SDG-1"], "1 to 20", "past goal 17"),
        ("SDGs 9 to 4 and SDG 17", NONE, ["SDG-9", "SDG-17"], "9 to 4", "runs backwards"),
        ("ITU Strategic Goals 1 to 12", NONE, ["ITU-GOAL-1"], "1 to 12", "past goal 10"),
        ("ITU-T Recommendations Y.3172 to Y.3175", NONE, ["ITU-T-REC-Y.3172"], "Y.3172 to Y.3175", "numbered with gaps"),
        ("Recommendation ITU-T Y.3172-3175", NONE, ["ITU-T-REC-Y.3172"], "Y.3172-3175", "numbered with gaps"),
        ("ITU-T Y.3172–Y.3175", NONE, ["ITU-T-REC-Y.3172"], "Y.3172–Y.3175", "numbered with gaps"),
        ("Resolutions 30 to 99", ACTION_PLAN, ["WTDC-RES-30"], "30 to 99", "longer than 50"),
    ],
)
def test_a_range_not_spelled_out_is_its_first_number_and_says_so(
        text: str, ctx: RefContext, first: list[str], words: str, why: str) -> None:
    refs, findings = find_refs(text, ctx)
    assert [r.id.split("@")[0] for r in refs] == first
    ranges = [f for f in findings if f.code == "REF008"]
    assert len(ranges) == 1, findings
    assert ranges[0].message.startswith(repr(words)) and why in ranges[0].message
    assert "not expanded" in ranges[0].message and ranges[0].message.endswith(" alone")
    assert [f.code for f in findings if f.code == "REF006"] == []  # no order finding for the same words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SDG 16-2030 strategy", ["SDG-16"]),
        ("Recommendation ITU-R M.1036-6", ["ITU-R-REC-M.1036"]),  # its revision, no range
        ("ITU-T SG13 met 11-22 July 2022", ["ITU-T-SG13"]),
        ("RDF-AMS-21/1 and RPM-AFR17/3", []),
        ("WTDC Resolution 30-30", ["WTDC-RES-30"]),
    ],
)
def test_what_only_looks_like_a_range_gets_no_range_finding(text: str, expected: list[str]) -> None:
    refs, findings = find_refs(text)
    assert [r.id for r in refs] == expected
    assert [f.code for f in findings if f.code == "REF008"] == []


def test_quarters_are_no_range_of_questions() -> None:
    _, findings = find_refs("Delivery from Q4/17 to Q2/19 as planned")
    assert "REF008" not in [f.code for f in findings]


def test_ranges_in_a_docx(tmp_path: Path) -> None:
    path = _docx(tmp_path / "ranges.docx", [
        [("BDT supports ", {}), ("WTDC Resolutions 30", {"bold": True, "font": "Arial"}), (" to 33", {"size": 14}),
         (" and WSIS Action Lines C1 ", {}), ("to", {"italic": True}), (" C13.", {})],
        [("The meeting of ITU-T SG 11", {"font": "Courier New", "size": 10}), ("–13", {"font": "Courier New", "size": 8}),
         (" reviewed ITU-T Recommendations Y.3172 to Y.3175.", {"break": True})],
    ], [("Regional Initiatives (ASP1", {"bold": True}), ("–ASP12)", {})])
    data = _refs_json(path)
    assert [r["id"] for r in data["refs"]] == [
        "WTDC-RES-30", "WTDC-RES-31", "WTDC-RES-32", "WTDC-RES-33", "WSIS-C1",
        "ITU-T-SG11", "ITU-T-SG12", "ITU-T-SG13", "ITU-T-REC-Y.3172", "RI-ASP1"]
    ranges = [(f["text"], f["loc"]) for f in data["findings"] if f["code"] == "REF008"]
    assert [text for text, _ in ranges] == ["C1 to C13", "Y.3172 to Y.3175", "ASP1–ASP12"]
    assert "row" in ranges[2][1] and "row" not in ranges[0][1]
