"""A section added or removed with the subsections under it is one change holding their text and
references (diff/3 `subsections`), as a moved section moves with its subsections: a new output
with its Background, Implementation framework and References was one `added` change per
heading, six for one amendment."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from actionplan_trace.diff import compare
from actionplan_trace.diff.api import reference_locator
from actionplan_trace.render.diff_common import change_title
from actionplan_trace.render.diff_json import to_dict

OBJECTIVE = ("Objective 2 – Modern and secure telecommunication/ICT infrastructure: Foster the "
             "development of infrastructure and services")
OUTPUTS = {
    "2.1": ("Products and services on telecommunication/ICT infrastructure",
            "Infrastructure is central for enabling universal and affordable access to ICTs.",
            "Broadband networks", "WSIS Action Line C2 will support Output 2.1."),
    "2.2": ("Products and services on digital public infrastructure",
            "Digital public infrastructure underpins the delivery of public services online.",
            "Digital public infrastructure", "WSIS Action Line C7 will support Output 2.2."),
    "2.3": ("Products and services on building confidence and security in the use of ICTs",
            "Cybersecurity threats keep growing with the use of telecommunications/ICTs.",
            "Cybersecurity", "The implementation of PP Resolution 130 will support Output 2.3."),
}


def _heading(document: docx.document.Document, text: str, level: int, styled: bool, font: str, size: float) -> None:
    """A heading: a Heading style, or a bold Normal paragraph in `font` at `size` points less its level."""
    if styled:
        document.add_paragraph(text, style=f"Heading {level}")
        return
    run = document.add_paragraph().add_run(text)
    run.bold, run.font.name, run.font.size = True, font, Pt(size - level)


def _plan(path: Path, numbers: list[str], styled: bool, font: str, size: float) -> Path:
    """An Action Plan objective with the outputs `numbers`, each with a Background, an
    Implementation framework (a programme) and References (a WSIS group)."""
    document = docx.Document()
    document.styles["Normal"].font.name = font
    document.styles["Normal"].font.size = Pt(size - 4)
    _heading(document, OBJECTIVE, 1, styled, font, size)
    for number in numbers:
        title, background, programme, wsis = OUTPUTS[number]
        _heading(document, f"Output {number} – {title}", 2, styled, font, size)
        _heading(document, "1\tBackground", 3, styled, font, size)
        document.add_paragraph(background)
        _heading(document, "2\tImplementation framework", 3, styled, font, size)
        _heading(document, f"Programme: {programme}", 4, styled, font, size)
        document.add_paragraph(f"Activities include assistance to Member States on {programme.lower()}.")
        _heading(document, "3\tReferences to WTDC resolutions, WSIS action lines and sustainable development goals",
                 3, styled, font, size)
        _heading(document, "WSIS action lines", 4, styled, font, size)
        document.add_paragraph(wsis)
    document.save(str(path))
    return path


@pytest.mark.parametrize("styled, font, size", [(False, "Calibri", 14), (True, "Times New Roman", 16)])
def test_an_added_output_is_one_change_with_its_subsections(tmp_path: Path, styled: bool, font: str, size: float) -> None:
    old = _plan(tmp_path / "old.docx", ["2.1", "2.3"], styled, font, size)
    new = _plan(tmp_path / "new.docx", ["2.1", "2.2", "2.3"], styled, font, size)
    result = compare(old, new, profile="action-plan", locate=reference_locator())
    data = to_dict(result)
    assert data["schema"] == "actionplan-trace/diff/3"
    added = [c for c in data["changes"] if c["kind"] == "added"]
    assert len(added) == 1, [c["section"] for c in added]
    change = added[0]
    assert change["section"] == {"old": None, "new": "output-2.2"}
    assert change["subsections"] == ["output-2.2/background", "output-2.2/implementation-framework",
                                     "output-2.2/programme-digital-public-infrastructure",
                                     "output-2.2/references", "output-2.2/references-wsis"]
    lines = change["new"].split("\n")
    assert lines[0] == f"Output 2.2 – {OUTPUTS['2.2'][0]}"
    assert OUTPUTS["2.2"][1] in lines and OUTPUTS["2.2"][3] in lines and "WSIS action lines" in lines
    assert "WSIS-C7" in change["refs_added"]
    assert data["summary"]["added"] == 1 and data["summary"]["sections"] == 1
    assert change_title(result.visible()[[c.kind for c in result.visible()].index("added")]) == \
        "added section with 5 subsections"


def test_a_removed_output_is_one_change(tmp_path: Path) -> None:
    old = _plan(tmp_path / "old.docx", ["2.1", "2.2", "2.3"], False, "Arial", 13)
    new = _plan(tmp_path / "new.docx", ["2.1", "2.2"], False, "Arial", 13)
    data = to_dict(compare(old, new, profile="action-plan", locate=reference_locator()))
    removed = [c for c in data["changes"] if c["kind"] == "removed"]
    assert [(c["section"]["old"], len(c["subsections"])) for c in removed] == [("output-2.3", 5)]
    assert removed[0]["refs_removed"] == ["ITU-D-OUTPUT-2.3", "PP-RES-130"]
    assert "Cybersecurity threats keep growing" in removed[0]["old"]
