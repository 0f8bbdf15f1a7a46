"""`trace validate`'s messages say what a contribution does and what it lacks, in the delegate's
terms (a black-box review, rv55: U1–U3, F12's related phrasing, F4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace import load
from actionplan_trace.validate import validate
from conftest import CORPUS
from contribgen import Append, Delete, Replace, write_contribution
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
