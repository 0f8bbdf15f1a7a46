"""`trace validate`'s messages say what a contribution does and what it lacks, in the delegate's
terms (a black-box review, rv55: U1–U3, F12's related phrasing, F4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace import load
from actionplan_trace.validate import validate
from conftest import CORPUS
from contribgen import Append, Delete, Replace, write_contribution
from actionplan_trace.render.findings_text import validate_text
from docxgen import Style, write_docx

BASE_TEXT = CORPUS / "text" / "objective2-new.txt"
RURAL_OLD = "to bring telecommunications to rural, unserved and underserved areas;"
RURAL_NEW = "to bring telecommunications to rural, remote, unserved and underserved areas;"
RURAL_PROPOSAL = f"In Output 2.1, under “Rural communications”, replace “{RURAL_OLD}” with “{RURAL_NEW}”."
STYLES = [
    pytest.param(Style(headings="styles"), id="heading-styles"),
    pytest.param(Style(headings="bold", numbering="auto", title_next_line=True, bullets="auto", font="Georgia"),
                 id="bold-auto-numbered"),
]


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    return write_docx(load(BASE_TEXT), tmp_path_factory.mktemp("base") / "objective2.docx",
                      Style(headings="styles", numbering="typed"))


@pytest.mark.parametrize("style", STYLES)
def test_val005_tells_what_each_mark_does(tmp_path: Path, base: Path, style: Style) -> None:
    """rv55 U1: VAL005 quoted the texts of a paragraph's marks run together, a replacement of
    “rapid” by “fast” as “rapid fast”, which reads as a typo in the contribution. It tells them
    as VAL006 does: “old” made “new”, “text” inserted, “text” deleted."""
    edits = [Replace(RURAL_OLD, RURAL_NEW), Replace("rapid technological change", "fast technological change"),
             Append("Infrastructure is central", " Satellites extend it to remote islands."),
             Delete("Communications no longer just connect people")]
    path = write_contribution(load(BASE_TEXT), tmp_path / "marks.docx", [RURAL_PROPOSAL], edits, style)
    rep = validate(path, base)
    said = sorted(f.message.split("names: ", 1)[1] for f in rep.findings if f.code == "VAL005")
    assert said == ["“Communications no longer just connect people: the Internet of Things (IoT) as well as Sma…” "
                    "deleted",
                    "“Satellites extend it to remote islands.” inserted",
                    "“rapid technological change” made “fast technological change”"]
    assert {f.section for f in rep.findings if f.code == "VAL005"} == {"output-2.1/background"}


@pytest.mark.parametrize(("style", "numbered"), [(STYLES[0].values[0], True), (STYLES[1].values[0], False)])
def test_a_missing_outcome_resolves_as_an_outcome_not_an_output(tmp_path: Path, base: Path, style: Style,
                                                                numbered: bool) -> None:
    """rv55 U2: a proposal naming an outcome the base lacks resolved, in the text report, as
    "Outcome 2.7 → output not in the base" while its VAL002 rightly spoke of outcomes: the line
    names the kind the proposal names."""
    proposals = [f"{'' if numbered else '1. '}In the Objective 2 table, in Outcome 2.7, add the performance "
                 "indicator “Number of community networks established”.",
                 f"{'' if numbered else '2. '}In Output 2.9, under “Rural communications”, add a bullet on "
                 "satellite backhaul."]
    path = write_contribution(load(BASE_TEXT), tmp_path / "missing.docx", proposals, [], style, numbered=numbered,
                              amended_heading=None)
    rep = validate(path, base)
    lines = [line.strip() for line in validate_text(rep).splitlines()]
    assert "Outcome 2.7 → outcome not in the base" in lines
    assert "Output 2.9 → output not in the base" in lines
    assert [(f.code, f.message.split(",")[0]) for f in rep.findings if f.code == "VAL002"] == [
        ("VAL002", "Proposal 1 names Outcome 2.7"), ("VAL002", "Proposal 2 names Output 2.9")]


DRILLS = "conducting sectoral cyberdrills for emergency telecommunication operators;"
SUP_THEN_MOD = [
    "SUP\tEXA/2/1", "Output 2.2", "Reasons: cybersecurity is covered by ITU-T.",
    "MOD\tEXA/2/2", "Output 2.2", "Programme: Cybersecurity", "Add the following bullet:", DRILLS,
    "Reasons: cyberdrills test the readiness of national CIRTs.",
]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("amended_heading", ["Annex – Amended text", None])
def test_findings_on_itu_blocks_are_placed_in_the_proposals(tmp_path: Path, base: Path, style: Style,
                                                             amended_heading: str | None) -> None:
    """rv55 U3: an ITU block's place on a line of its own ("Output 2.2") opens a plan section
    inside "Proposals"; the block's proposal, and its findings, were placed there (`output-2.2`,
    the next block's in it too), so SARIF's logical location named a plan section the finding is
    not about, where the same proposal on one line is placed in `proposals`."""
    path = write_contribution(load(BASE_TEXT), tmp_path / "blocks.docx", SUP_THEN_MOD, [], style, numbered=False,
                              amended_heading=amended_heading)
    rep = validate(path, base)
    assert [(p.number, p.action, p.outputs, p.section) for p in rep.proposals] == [
        ("EXA/2/1", "delete", ["2.2"], "proposals"), ("EXA/2/2", "modify", ["2.2"], "proposals")]
    about = [(f.code, f.section) for f in rep.findings if f.code in ("VAL014", "VAL015")]
    assert sorted(about) == [("VAL014", "proposals"), ("VAL015", "proposals")]
