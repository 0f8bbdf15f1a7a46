"""A report about an ITU-D Action Plan: its bare "Output 1.1", "Outcome 2.1" and "Objective 3" are
the plan's (rules/refs.yml `plan-documents`), as they are in the plan itself. A black-box review
(F3) found them dropped without a word in a generic report whose title names the Kigali Action
Plan, though the same report's edition was settled from that name."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace.loader import load
from actionplan_trace.refs import document_refs
from actionplan_trace.refs.types import RefReport

KIGALI_REPORT = """\
Report on the implementation of the Kigali Action Plan

Under Output 1.1, BDT assisted 14 countries; activities under Outcome 2.1 and Objective 3 continued.

Outputs 4.1 and 4.2 were delivered through the regional offices, in line with WTDC Resolution 37.
"""

BUENOS_AIRES_REPORT = """\
Annual progress report of the Telecommunication Development Bureau

This report covers the last year of the Buenos Aires Action Plan (2018-2021) and what the Bureau did under it.

Work under Output 2.2 went on in 31 countries, and Outcome 2.1 was reached ahead of time.
"""

SUCCESSOR_REPORT = """\
Report on the implementation of the Kigali Action Plan

The Kigali Action Plan, which succeeds the Buenos Aires Action Plan (2018-2021), was adopted by WTDC-22.

Under Output 1.1, BDT assisted 14 countries.
"""

TWO_PLANS_FIRST = """\
The Buenos Aires Action Plan (2018-2021) was succeeded by the Kigali Action Plan.

Under Output 1.1, BDT assisted 14 countries.
"""

NO_PLAN = """\
Annual report of the Working Group on broadband mapping

Under Output 1.1 of the project, 14 countries shared their data; Objective 3 of the workshop was met and
Outcome 2.1 is expected next year.
"""

LATE_PLAN = "Annual report of the Working Group\n\n" + "".join(
    f"Paragraph {n} tells of the group's meetings in {2010 + n}.\n\n" for n in range(1, 11)) + (
    "Under Output 1.1 of the project, data was shared; the Kigali Action Plan was noted.\n")


def _refs(tmp_path: Path, text: str) -> RefReport:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    doc = load(path, digest=False)
    assert doc.source.profile == "generic"
    return document_refs(doc)


def test_a_report_titled_with_the_kigali_plan_reads_its_bare_outputs(tmp_path: Path) -> None:
    report = _refs(tmp_path, KIGALI_REPORT)
    assert [(r.id, r.text) for r in report.refs] == [
        ("ITU-D-OUTPUT-1.1@WTDC-22", "Output 1.1"), ("ITU-D-OUTCOME-2.1@WTDC-22", "Outcome 2.1"),
        ("ITU-D-OBJ-3@WTDC-22", "Objective 3"), ("ITU-D-OUTPUT-4.1@WTDC-22", "Outputs 4.1"),
        ("ITU-D-OUTPUT-4.2@WTDC-22", "Outputs 4.2"), ("WTDC-RES-37", "WTDC Resolution 37")]
    assert report.findings == []


def test_a_report_whose_first_paragraph_names_the_buenos_aires_plan(tmp_path: Path) -> None:
    report = _refs(tmp_path, BUENOS_AIRES_REPORT)
    assert [r.id for r in report.refs] == ["ITU-D-OUTPUT-2.2@WTDC-17", "ITU-D-OUTCOME-2.1@WTDC-17"]
    assert report.findings == []


def test_a_title_naming_one_plan_settles_it_though_the_next_paragraph_names_its_predecessor(tmp_path: Path) -> None:
    report = _refs(tmp_path, SUCCESSOR_REPORT)
    assert [r.id for r in report.refs if r.family == "itu-d-output"] == ["ITU-D-OUTPUT-1.1@WTDC-22"]


@pytest.mark.parametrize("text", [TWO_PLANS_FIRST, NO_PLAN, LATE_PLAN],
                         ids=["two-plans-in-first-paragraph", "no-plan", "plan-named-past-the-front"])
def test_bare_outputs_stay_unread_where_the_document_is_about_no_one_plan(tmp_path: Path, text: str) -> None:
    """A first paragraph naming two plans does not say whose "Output 1.1" it is; a report naming no
    plan, or one only in passing past its first paragraphs, uses the words for its own project's."""
    report = _refs(tmp_path, text)
    assert report.refs == [] and report.findings == []
