"""A range written with "through" stands for every number in it, as one written with "to" or a dash."""

from __future__ import annotations

from pathlib import Path

import pytest
from docxgen import write_runs_docx

from actionplan_trace import app
from actionplan_trace.refs import RefContext, find_refs

ACTION_PLAN = RefContext(organ="WTDC", sector="ITU-D")


@pytest.mark.parametrize(
    ("text", "ctx", "expected"),
    [
        ("Resolutions 30 through 33 (WTDC) apply.", RefContext(),
         ["WTDC-RES-30", "WTDC-RES-31", "WTDC-RES-32", "WTDC-RES-33"]),
        ("Resolutions 30 through 33 apply.", ACTION_PLAN, ["WTDC-RES-30", "WTDC-RES-31", "WTDC-RES-32", "WTDC-RES-33"]),
        ("ITU-D Objectives 1 through 3 apply.", RefContext(), ["ITU-D-OBJ-1", "ITU-D-OBJ-2", "ITU-D-OBJ-3"]),
        ("WSIS Action Lines C1 through C3", RefContext(), ["WSIS-C1", "WSIS-C2", "WSIS-C3"]),
        ("SDGs 1 through 3 and targets 17.6 through 17.8", RefContext(),
         ["SDG-1", "SDG-2", "SDG-3", "SDG-17.6", "SDG-17.7", "SDG-17.8"]),
        ("ITU-D Questions 1/1 through 3/1", RefContext(), ["ITU-D-SG1-Q1", "ITU-D-SG1-Q2", "ITU-D-SG1-Q3"]),
        ("ITU-T SG 11 through 13 met.", RefContext(), ["ITU-T-SG11", "ITU-T-SG12", "ITU-T-SG13"]),
        ("Regional Initiatives (AFR1 through AFR3)", RefContext(), ["RI-AFR1", "RI-AFR2", "RI-AFR3"]),
    ],
)
def test_through_joins_a_range_as_to_does(text: str, ctx: RefContext, expected: list[str]) -> None:
    refs, findings = find_refs(text, ctx)
    assert [r.id.split("@")[0] for r in refs] == expected
    assert [f.code for f in findings if f.code in ("REF008", "REF010")] == []
    to_refs, _ = find_refs(text.replace("through", "to"), ctx)
    assert [r.id for r in refs] == [r.id for r in to_refs]


def test_a_range_through_that_cannot_be_spelled_out_is_its_first_number_with_a_ref008() -> None:
    refs, findings = find_refs("WSIS Action Lines C5 through C3 apply.")
    assert [r.id for r in refs] == ["WSIS-C5"]
    assert [(f.code, f.text) for f in findings if f.code == "REF008"] == [("REF008", "C5 through C3")]


def test_through_as_a_plain_word_joins_nothing() -> None:
    refs, _ = find_refs("WTDC Resolution 37 through the regional offices and SDG 9 through partnerships.")
    assert [r.id for r in refs] == ["WTDC-RES-37", "SDG-9"]


def test_ranges_through_in_a_word_document(tmp_path: Path) -> None:
    path = write_runs_docx(tmp_path / "through.docx", "Relevant references", 2, [
        ("This work implements WTDC Resolutions 30 through 33", {"font": "Times New Roman", "size": 11}),
        (" and contributes to WSIS Action Lines C1 through C3.", {"italic": True})],
        [["SDGs", "ITU-D Objectives"], ["SDGs 4 through 6", "Objectives 1 through 3 of the Kigali Action Plan"]])
    ids = {r.id.split("@")[0] for r in app.references(path).refs}
    assert {"WTDC-RES-30", "WTDC-RES-31", "WTDC-RES-32", "WTDC-RES-33", "WSIS-C1", "WSIS-C2", "WSIS-C3",
            "SDG-4", "SDG-5", "SDG-6", "ITU-D-OBJ-1", "ITU-D-OBJ-2", "ITU-D-OBJ-3"} <= ids
