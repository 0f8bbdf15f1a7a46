"""The regional initiatives of an Action Plan (Part III of the Kigali plan, or an annex, or on
their own): a `region` section per region heading, an `initiative` section (`ri-AFR1`) per
initiative under it, in .docx (Heading styles or bold Normal), PDF-like text and Markdown."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from actionplan_trace import load
from actionplan_trace.model import Document
from actionplan_trace.profiles import get_profile

REGIONS = [("AFRICA REGIONAL INITIATIVES", [("AFR1", "Digital transformation for Africa"), ("AFR2", "Cybersecurity and trust")]),
           ("Americas Region", [("AMS1", "Digital inclusion of persons with disabilities")]),
           ("ASIA-PACIFIC", [("ASP1", "Addressing special needs of least developed countries, small island "
                                      "developing states and landlocked developing countries")])]
EXPECTED = [("part", "part-III", None),
            ("region", "region-africa", "part-III"), ("initiative", "ri-AFR1", "region-africa"),
            ("initiative", "ri-AFR2", "region-africa"),
            ("region", "region-americas", "part-III"), ("initiative", "ri-AMS1", "region-americas"),
            ("region", "region-asia-pacific", "part-III"), ("initiative", "ri-ASP1", "region-asia-pacific")]
PLAN = [("objective", "objective-1", None), ("output", "output-1.1", "objective-1"),
        ("regional-initiatives", "output-1.1/regional-initiatives", "output-1.1")]


def _outline(doc: Document) -> list[tuple[str, str, str | None]]:
    return [(s.kind, s.id, s.parent) for s in doc.sections if s.kind != "front-matter"]


def _lines(dash: str) -> list[tuple[str, str]]:
    """The annex as (role, text): heading roles part, region, initiative; body, item."""
    out = [("part", "PART III – REGIONAL INITIATIVES")]
    for region, initiatives in REGIONS:
        out.append(("region", region))
        for code, title in initiatives:
            out += [("initiative", f"{code}{dash}{title}"),
                    ("body", f"Objective: To assist Member States of the region in {title.lower()}."),
                    ("body", "Expected results:"),
                    ("item", "Assist Member States in developing national strategies and policies"),
                    ("item", "Capacity building for policy makers and regulators")]
    return out


def _plan_lines() -> list[tuple[str, str]]:
    """An objective and an output whose regional initiatives name two initiatives by code and title."""
    return [("part", "Objective 1 – Affordable connectivity"), ("body", "Connectivity for all."),
            ("region", "Output 1.1 – Broadband infrastructure"), ("body", "Background text of the output."),
            ("initiative", "Relevant regional initiatives"),
            ("body", "AFR1: Digital transformation for Africa"), ("body", "ASP1: Special needs of LDCs")]


def _docx(path: Path, lines: list[tuple[str, str]], styled: bool) -> Path:
    document = docx.Document()
    levels = {"part": 1, "region": 2, "initiative": 3}
    for role, text in lines:
        if role in levels and styled:
            document.add_paragraph(text, style=f"Heading {levels[role]}")
        elif role in levels:
            document.add_paragraph().add_run(text).bold = True
        else:
            document.add_paragraph(text, style="List Number" if role == "item" else None)
    document.save(str(path))
    return path


@pytest.mark.parametrize("dash", [": ", " – "], ids=["colon", "dash"])
@pytest.mark.parametrize("styled", [False, True], ids=["bold-normal", "heading-styles"])
def test_regional_initiatives_by_region_in_docx(tmp_path, styled: bool, dash: str) -> None:
    """Before, a plan's Part III held its region headings and initiatives as generic headings
    (or, in an Action Plan, as blocks of the part); a file of the annex alone was `generic`."""
    doc = load(_docx(tmp_path / "ri.docx", _lines(dash), styled))
    assert doc.source.profile == "action-plan"
    assert _outline(doc) == EXPECTED
    initiative = doc.section("ri-ASP1")
    assert initiative.title.startswith("Addressing special needs")
    assert [b.type for b in initiative.blocks] == ["paragraph", "paragraph", "list-item", "list-item"]
    assert doc.section("region-africa").title == "AFRICA"


def test_regional_initiatives_after_the_plan(tmp_path) -> None:
    """Part III after the objectives: it closes them; an output's "Relevant regional initiatives"
    naming initiatives by code and title opens none."""
    doc = load(_docx(tmp_path / "plan.docx", _plan_lines() + _lines(": "), styled=False))
    assert doc.source.profile == "action-plan"
    assert _outline(doc) == PLAN + EXPECTED
    assert [b.text for b in doc.section("output-1.1/regional-initiatives").blocks] == [
        "AFR1: Digital transformation for Africa", "ASP1: Special needs of LDCs"]


def test_a_regional_initiatives_annex_in_markdown(tmp_path) -> None:
    """The annex headed "Regional initiatives" (no part), as Markdown headings."""
    marks = {"region": "## ", "initiative": "### "}
    text = "# Regional initiatives\n\n" + "\n\n".join(
        f"{marks.get(role, '')}{'1. ' if role == 'item' else ''}{line}" for role, line in _lines(" – ")[1:]) + "\n"
    path = tmp_path / "ri.md"
    path.write_text(text, encoding="utf-8")
    doc = load(path)
    assert doc.source.profile == "action-plan"
    annex = [("regional-annex", "regional-initiatives", None)]
    assert _outline(doc) == annex + [(k, i, "regional-initiatives" if p == "part-III" else p) for k, i, p in EXPECTED[1:]]


def test_a_regional_initiatives_annex_in_plain_text(tmp_path) -> None:
    """Word's Save as text of an annex numbered "Annex 2": no bold, no styles."""
    lines = ["Annex 2 – Regional initiatives"] + [line for _, line in _lines(": ")[1:]]
    path = tmp_path / "ri.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = load(path)
    assert [(s.kind, s.id) for s in doc.sections if s.kind in ("regional-annex", "region", "initiative")] == [
        ("regional-annex", "regional-initiatives")] + [(k, i) for k, i, _ in EXPECTED[1:]]


def test_initiative_codes_are_the_registry_regions() -> None:
    """The profile's {regions} is the registry's list: AFR … EUR, not a code of no region."""
    rule = next(r for r in get_profile("action-plan").headings if r.kind == "initiative")
    assert rule.match is not None
    assert rule.match.match("EUR4: Digital transformation") and not rule.match.match("XYZ1: Not an initiative")
    assert "{regions}" not in rule.match.pattern


def test_an_initiative_section_defines_its_initiative_in_the_graph(tmp_path) -> None:
    """The annex's initiative sections are the plan's definitions of RI-AFR1 …, as an output
    section is of its output: the graph joins them, and an output citing one points at it."""
    from actionplan_trace.app import graph

    built, _ = graph([_docx(tmp_path / "plan.docx", _plan_lines() + _lines(": "), styled=False)])
    defined = sorted(target for source, target, relation in built.edges if relation == "defines" and target.startswith("RI-"))
    assert defined == ["RI-AFR1", "RI-AFR2", "RI-AMS1", "RI-ASP1"]
    assert ("plan#output-1.1", "RI-AFR1", "mentions") in built.edges
