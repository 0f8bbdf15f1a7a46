"""A paragraph deleted or moved away with its mark (tracked) joins, in the accepted view, the
paragraph after it; where that is the next section's heading, its revision marks were placed in
that next section. They are placed where the paragraph stood, as Word and the original view
show them: a move-from of Background's last paragraph is in Background."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from lxml import etree

from actionplan_trace.loader import load
from docx_edit import W, DocxEditor, text
from test_diff_whole_sections import _heading

MARK = {f"{W}author": "Kenya", f"{W}date": "2022-05-10T09:00:00Z"}
BACKGROUND = [
    "Infrastructure is central for enabling universal and affordable access to ICTs.",
    "The ICT sector is characterized by rapid technological change.",
    "Communications no longer just connect people: the Internet of Things is fast becoming a reality.",
]


def _plan(path: Path, styled: bool, size: float) -> Path:
    """Output 2.1 with a Background of three paragraphs, then its Implementation framework."""
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(size)

    def heading(line: str, level: int) -> None:
        _heading(document, line, level, styled, "Calibri", size + 5)

    heading("Objective 2 – Modern and secure telecommunication/ICT infrastructure", 1)
    heading("Output 2.1 – Products and services on telecommunication/ICT infrastructure", 2)
    heading("1\tBackground", 3)
    for line in BACKGROUND:
        document.add_paragraph(line)
    heading("2\tImplementation framework", 3)
    document.add_paragraph("Activities include assistance to Member States on broadband networks.")
    document.save(str(path))
    return path


def _mark(tag: str, rid: int) -> etree._Element:
    """A revision mark element `tag` of id `rid`, by Kenya."""
    return etree.Element(f"{W}{tag}", {f"{W}id": str(rid), **MARK})


def _tracked(p: etree._Element, how: str, rid: int) -> etree._Element:
    """Mark paragraph `p`, its runs and its paragraph mark, with revision `how` (`del`, `moveFrom`,
    `moveTo`); deleted text in w:delText. Returns `p`."""
    ppr = p.find(f"{W}pPr")
    if ppr is None:
        ppr = etree.SubElement(p, f"{W}pPr")
        p.insert(0, ppr)
    rpr = ppr.find(f"{W}rPr")
    if rpr is None:
        rpr = etree.SubElement(ppr, f"{W}rPr")
    rpr.append(_mark(how, rid))
    runs = [r for r in p if r.tag == f"{W}r"]
    wrapper = _mark(how, rid + 1)
    runs[0].addprevious(wrapper)
    for run in runs:
        wrapper.append(run)
        if how == "del":
            for t in run.findall(f"{W}t"):
                t.tag = f"{W}delText"
    return p


@pytest.mark.parametrize("styled, size", [(True, 11), (False, 10.5)])
def test_a_paragraph_moved_up_from_the_end_of_its_section_stays_there(tmp_path: Path, styled: bool, size: float) -> None:
    editor = DocxEditor.open(_plan(tmp_path / "plan.docx", styled, size))
    paragraphs = editor.paragraphs()
    last = next(p for p in paragraphs if text(p) == BACKGROUND[2])
    first = next(p for p in paragraphs if text(p) == BACKGROUND[0])
    first.addprevious(_tracked(copy.deepcopy(last), "moveTo", 1))
    _tracked(last, "moveFrom", 3)
    doc = load(editor.save(tmp_path / "moved.docx"), profile="action-plan", view="accepted")
    places = {(r.type, r.section) for r in doc.revisions}
    assert ("move-from", "output-2.1/background") in places, places
    assert ("move-to", "output-2.1/background") in places, places
    assert not any(r.section and r.section.endswith("implementation-framework") for r in doc.revisions), places


@pytest.mark.parametrize("styled", [True, False])
def test_a_deleted_last_paragraph_is_placed_in_its_section(tmp_path: Path, styled: bool) -> None:
    editor = DocxEditor.open(_plan(tmp_path / "plan.docx", styled, 12))
    last = next(p for p in editor.paragraphs() if text(p) == BACKGROUND[2])
    _tracked(last, "del", 5)
    doc = load(editor.save(tmp_path / "deleted.docx"), profile="action-plan", view="accepted")
    assert {(r.type, r.section) for r in doc.revisions} == {
        ("delete", "output-2.1/background"), ("paragraph-delete", "output-2.1/background")}
    framework = doc.by_id["output-2.1/implementation-framework"]
    assert framework.title == "Implementation framework"
