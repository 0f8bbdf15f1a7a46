"""An organ written after a number of a list names that number, though one opens the list: "PP
Resolution 71, 139 (WTDC), 140" is PP's 71 and WTDC's 139 and 140; and each number of "Resolutions 30
of the WTDC and 71 of the PP" has the organ written after it."""

from __future__ import annotations

from pathlib import Path

import pytest
from docxgen import write_runs_docx

from actionplan_trace import app
from actionplan_trace.refs import RefContext, find_refs

PP_71_WTDC_139_140 = ["PP-RES-71", "WTDC-RES-139", "WTDC-RES-140"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This work follows PP Resolution 71, 139 (WTDC), 140.", PP_71_WTDC_139_140),
        ("The work follows PP RESOLUTIONS 71, 139 (WTDC), 140 in full.", PP_71_WTDC_139_140),
        ("PP resolutions 71, 139 ( WTDC ) and 140 apply.", PP_71_WTDC_139_140),
        ("PP Res. 71, 139 (World Telecommunication Development Conference), 140", PP_71_WTDC_139_140),
        # at the end of the list the brackets name the number before them alone
        ("PP Resolutions 71, 139 (WTDC) apply.", ["PP-RES-71", "WTDC-RES-139"]),
        ("PP Resolutions 25 and 71, 139-141 (WTDC), 142",
         ["PP-RES-25", "PP-RES-71", "WTDC-RES-139", "WTDC-RES-140", "WTDC-RES-141", "WTDC-RES-142"]),
        # a later organ names the numbers since the previous one, as without an organ before the list
        ("PP Resolutions 71, 139 (WTDC), 140 and 141 (PP) apply.", ["PP-RES-71", "WTDC-RES-139", "PP-RES-140", "PP-RES-141"]),
        ("PP Resolutions 2 (WTDC), 71 (PP) apply.", ["WTDC-RES-2", "PP-RES-71"]),
        ("PP Decisions 5, 13 (Council), 14", ["PP-DEC-5", "COUNCIL-DEC-13", "COUNCIL-DEC-14"]),
        # the latest organ goes on to the numbers after it, and to the next list joined to this one
        ("Resolution 2 (WTDC), 71 (PP), 72 apply.", ["WTDC-RES-2", "PP-RES-71", "PP-RES-72"]),
        ("PP Resolution 71, 139 (WTDC), 140 and Resolution 141 apply.", [*PP_71_WTDC_139_140, "WTDC-RES-141"]),
        # one organ throughout: nothing to tell apart
        ("WTSA Resolutions 1 (WTSA), 2 and 7 apply.", ["WTSA-RES-1", "WTSA-RES-2", "WTSA-RES-7"]),
        ("WTDC Resolutions 17 and 20 of the WTDC (Kigali, 2022) apply.", ["WTDC-RES-17", "WTDC-RES-20"]),
    ],
)
@pytest.mark.parametrize("assumed", ["PP", "WTDC", None])
def test_an_organ_after_a_number_names_it_though_one_opens_the_list(
        text: str, expected: list[str], assumed: str | None) -> None:
    refs, findings = find_refs(text, RefContext(organ=assumed))
    assert [r.id for r in refs] == expected
    assert [f.code for f in findings if f.code in ("REF010", "REF012")] == []


def test_an_organ_after_a_number_in_a_word_document(tmp_path: Path) -> None:
    path = write_runs_docx(tmp_path / "organs.docx", "PP and WTDC resolutions", 4, [
        ("The output implements PP Resolution 71, ", {"font": "Arial", "size": 10}),
        ("139 (WTDC)", {"bold": True, "size": 12}), (", 140 and the Strategic Plan.", {"italic": True})],
        [["Resolutions", "Notes"], ["PP Resolutions 25, 64 (WTDC), 66", "PP Resolution 71"]])
    report = app.references(path)
    assert [r.id for r in report.refs] == [*PP_71_WTDC_139_140, "PP-RES-25", "WTDC-RES-64", "WTDC-RES-66", "PP-RES-71"]
    assert [f.code for f in report.findings if f.code in ("REF010", "REF012")] == []


WTDC_30_PP_71 = ["WTDC-RES-30", "PP-RES-71"]
BA, DUBAI = "(Rev. Buenos Aires, 2017)", "(Rev. Dubai, 2018)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The output follows Resolutions 30 of the WTDC and 71 of the PP.", WTDC_30_PP_71),
        ("It follows Resolution 30 of the WTDC and 71 of the Plenipotentiary Conference.", WTDC_30_PP_71),
        ("resolutions 30 of WTDC and 71 of PP apply", WTDC_30_PP_71),
        ("RESOLUTIONS 30 OF THE WTDC, 71 OF THE PLENIPOTENTIARY CONFERENCE", WTDC_30_PP_71),
        ("Resolution 30 adopted by the WTDC and 71 adopted by the PP", WTDC_30_PP_71),
        ("WTDC Resolution 30 of the WTDC and 71 of the PP", WTDC_30_PP_71),
        ("Resolutions 30 and 31 of the WTDC, 71 and 139 adopted by the Plenipotentiary conference",
         ["WTDC-RES-30", "WTDC-RES-31", "PP-RES-71", "PP-RES-139"]),
        ("Decisions 5 of the PP and 482 of the Council", ["PP-DEC-5", "COUNCIL-DEC-482"]),
        # a sentence that goes on after the organ is no list of resolutions
        ("Resolution 30 of the WTDC and 12 Member States took part.", ["WTDC-RES-30"]),
        ("Resolution 30 of the WTDC and 71 of the Constitution", ["WTDC-RES-30"]),
    ],
)
@pytest.mark.parametrize("assumed", ["PP", "WTDC", None])
def test_each_number_takes_the_organ_written_after_it(text: str, expected: list[str], assumed: str | None) -> None:
    refs, findings = find_refs(text, RefContext(organ=assumed))
    assert [r.id for r in refs] == expected
    assert [f.code for f in findings if f.code in ("REF008", "REF010", "REF012")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Resolution 30 (Rev. Buenos Aires, 2017) of the WTDC and Resolution 71 of the PP",
         [("WTDC-RES-30", BA), ("PP-RES-71", None)]),
        ("Resolution 30 (Rev. Buenos Aires, 2017) of the WTDC and 71 (Rev. Dubai, 2018) of the PP",
         [("WTDC-RES-30", BA), ("PP-RES-71", DUBAI)]),
        ("Resolution 37 of the WTDC (Kigali, 2022) and 71 of the PP (Bucharest, 2022)",
         [("WTDC-RES-37", "(Kigali, 2022)"), ("PP-RES-71", "(Bucharest, 2022)")]),
    ],
)
def test_each_number_keeps_its_revision_with_the_organ_after_it(text: str, expected: list[tuple[str, str | None]]) -> None:
    refs, findings = find_refs(text, RefContext(organ="WTDC"))
    assert [(r.id, r.rev.text if r.rev else None) for r in refs] == expected
    assert [f.code for f in findings if f.code in ("REF010", "REF012", "REF016")] == []


def test_each_number_takes_the_organ_written_after_it_in_a_word_document(tmp_path: Path) -> None:
    path = write_runs_docx(tmp_path / "of-the.docx", "Relevant resolutions", 2, [
        ("This output implements Resolutions 30 of the ", {"font": "Georgia", "size": 11}),
        ("WTDC", {"bold": True}), (" and 71 of the Plenipotentiary Conference.", {"italic": True, "size": 9})],
        [["Resolutions"], ["Resolution 30 (Rev. Buenos Aires, 2017) of the WTDC and 139 of the PP"]])
    report = app.references(path)
    assert [(r.id, r.rev.text if r.rev else None) for r in report.refs] == [
        ("WTDC-RES-30", None), ("PP-RES-71", None), ("WTDC-RES-30", BA), ("PP-RES-139", None)]
    assert [f.code for f in report.findings if f.code in ("REF008", "REF010", "REF012")] == []
