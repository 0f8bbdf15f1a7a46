"""`trace validate` on contributions that hold both ITU amendment blocks (or other proposals) and an
amended text: the one must not be read into the other (a black-box review, rv55)."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace import load
from actionplan_trace.model import Document
from actionplan_trace.validate import validate
from conftest import CORPUS
from contribgen import Insert, Replace, Untracked, write_contribution
from docxgen import Style, write_docx

BASE_TEXT = CORPUS / "text" / "objective2-new.txt"
RURAL_OLD = "to bring telecommunications to rural, unserved and underserved areas;"
RURAL_NEW = "to bring telecommunications to rural, remote, unserved and underserved areas;"
RURAL_FIRST = ("providing information on suitable technologies for access, backhaul and source of power supply "
               "to bring telecommunications to rural, unserved and underserved areas;")
DRILLS = "conducting sectoral cyberdrills for emergency telecommunication operators;"
BLOCKS = [
    "MOD\tEXA/1/1", "Output 2.1", "Rural communications", f"Replace “{RURAL_FIRST}” by:",
    RURAL_FIRST.replace("rural,", "rural, remote,"), "Reasons: remote areas lag behind.",
    "ADD\tEXA/1/2", "Output 2.2", "Programme: Cybersecurity", "Add the following bullet:", DRILLS,
    "Reasons: cyberdrills test the readiness of national CIRTs.",
]
EDITS = [Replace(RURAL_OLD, RURAL_NEW), Insert("output-2.2/programme-cybersecurity", DRILLS)]
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
@pytest.mark.parametrize("amended_heading", ["Annex – Amended text", "Detailed modifications are as follows:"])
def test_itu_blocks_before_an_amended_text_leave_its_sections_the_bases(tmp_path: Path, base: Path, style: Style,
                                                                        amended_heading: str) -> None:
    """rv55 F1: each block's place line ("Output 2.1" alone) was read as an output section in the
    proposals part, so the amended text's outputs were numbered after them (`output-2.1-2`), no
    base section, and every section of an unchanged excerpt was "added" (VAL006). The amended
    text's sections are the base's: the blocks' marks are matched, nothing is reported."""
    path = write_contribution(load(BASE_TEXT), tmp_path / "blocks.docx", BLOCKS, EDITS, style, numbered=False,
                              amended_heading=amended_heading)
    rep = validate(path, base)
    assert [(p.number, p.action, p.outputs) for p in rep.proposals] == [
        ("EXA/1/1", "replace", ["2.1"]), ("EXA/1/2", "add", ["2.2"])]
    assert [(f.code, f.message) for f in rep.findings] == []
    placed = {(r.revision.section, tuple(r.proposals)) for r in rep.revisions if r.revision.text.strip()}
    assert placed == {("output-2.1/area-rural-communications", ("EXA/1/1",)),
                      ("output-2.2/programme-cybersecurity", ("EXA/1/2",))}


COVER_TITLES = ["Proposed modifications to the Buenos Aires Action Plan, Objective 2",
                "Proposed amendments to the Buenos Aires Action Plan"]
RURAL_PROPOSAL = (f"In Output 2.1, under “Rural communications”, replace “{RURAL_OLD}” with “{RURAL_NEW}”.")


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("title", COVER_TITLES)
def test_a_cover_titled_proposed_modifications_is_no_amended_text(tmp_path: Path, base: Path, style: Style,
                                                                 title: str) -> None:
    """rv55 F2: a bold title "Proposed modifications to the Buenos Aires Action Plan, …" above the
    Abstract, Introduction and Proposals opened the amended text, so the whole contribution was
    amended text: VAL009 "no proposals found" and a finding for every proposed mark. Above the
    Abstract or the Proposals it is the cover's title; the amended text opens at its own heading."""
    path = write_contribution(load(BASE_TEXT), tmp_path / "titled.docx", [RURAL_PROPOSAL],
                              [Replace(RURAL_OLD, RURAL_NEW)], style, title=title, bold_title=True,
                              amended_heading="Annex – Amended text")
    rep = validate(path, base)
    assert [(p.action, p.outputs, p.heading) for p in rep.proposals] == [("replace", ["2.1"], "Rural communications")]
    assert rep.findings == []


def test_a_text_contribution_titled_proposed_amendments_reads_its_proposals(tmp_path: Path, base: Path) -> None:
    """The same in a plain text file, whose amended text opens under a heading of the same words
    ("Proposed amendments to Objective 2 of the Action Plan"), below the proposals: that one still
    opens the amended text."""
    plan = BASE_TEXT.read_text(encoding="utf-8").replace(RURAL_OLD, RURAL_NEW)
    path = tmp_path / "titled.txt"
    path.write_text(f"Contribution from the Republic of Examplia\n{COVER_TITLES[1]}\nAbstract\nThis contribution "
                    f"proposes to extend rural communications to remote areas.\nProposals\n1. {RURAL_PROPOSAL}\n"
                    f"Proposed amendments to Objective 2 of the Action Plan\n{plan}", encoding="utf-8")
    rep = validate(path, base)
    assert [(p.action, p.outputs) for p in rep.proposals] == [("replace", ["2.1"])]
    assert rep.findings == []
    assert [s.kind for s in load(path, profile="contribution").sections[:4]] == [
        "cover", "abstract", "proposals", "amended-text"]


def _changes_table(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]], font: str) -> Path:
    """A contribution whose proposals are a table of changes under "Proposals" (`font`)."""
    import docx as python_docx

    document = python_docx.Document()
    document.styles["Normal"].font.name = font
    document.add_paragraph("Contribution from the Republic of Examplia", style="Title")
    document.add_paragraph("Proposals", style="Heading 1")
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for r, cells in enumerate([header, *rows]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    document.save(str(path))
    return path


@pytest.mark.parametrize(("header", "font"), [
    (("Output", "Current text", "Proposed text", "Rationale"), "Calibri"),
    (("Output No.", "Existing text", "Proposed modification", "Reason"), "Times New Roman"),
])
def test_a_table_row_adding_a_bullet_to_an_output_the_base_lacks_is_val002(tmp_path: Path, header: tuple[str, ...],
                                                                           font: str) -> None:
    """rv55 F6: a row "2.9 | | develop a toolkit on network resilience. | …" was read as creating
    Output 2.9 (VAL012, a warning: exit 0), where the same addition in prose is VAL002, an error.
    Text that reads as a sentence or a list item amends the output the row names; a title
    ("Products and services on …") or a row saying "New output" still adds it."""
    rows = [("2.9", "", "develop a toolkit on network resilience.", "Resilience."),
            ("2.4", "", "Products and services on satellite communications", "Space."),
            ("2.5", "", "Products and services on digital public infrastructure;", "New output.")]
    rep = validate(_changes_table(tmp_path / "table.docx", header, rows, font), BASE_TEXT)
    assert [(p.outputs, p.new_outputs) for p in rep.proposals] == [(["2.9"], []), (["2.4"], ["2.4"]),
                                                                   (["2.5"], ["2.5"])]
    assert [(f.code, f.severity, f.message) for f in rep.findings] == [
        ("VAL002", "error", "Proposal 1 names Output 2.9, which the base does not have (Objective 2 has Outputs "
                            "2.1–2.3)")]


def _drop_paragraph(path: Path, text: str) -> Path:
    """Remove the last paragraph of `path` that reads `text` (no revision mark)."""
    import docx as python_docx

    document = python_docx.Document(str(path))
    paragraph = [p for p in document.paragraphs if p.text.strip() == text][-1]
    paragraph._p.getparent().remove(paragraph._p)
    document.save(str(path))
    return path


EXCERPT = ["objective-2", "output-2.1", "output-2.1/implementation-framework",
           "output-2.1/programme-telecommunication-ict-network", "output-2.1/area-rural-communications",
           "output-2.1/area-broadcasting"]


@pytest.mark.parametrize("style", STYLES)
def test_a_heading_dropped_inside_the_named_place_is_reported(tmp_path: Path, base: Path, style: Style) -> None:
    """rv55 F5: the amended text leaves out the heading "Broadcasting" of Output 2.1 without a
    revision mark, so its paragraphs run on under "Rural communications", the place the only
    proposal names (an excerpt: two areas of work of the output's ten): nothing was reported, as the text landed in a covered place and the excerpt
    rule took the heading for one the contribution does not quote. Its paragraphs are quoted, so
    the heading was removed: VAL006 for Output 2.1 › Broadcasting, a sibling of the named place."""
    plan = load(BASE_TEXT)
    quoted = [s for s in plan.sections if s.id in EXCERPT]  # two areas of work of the ten, as an excerpt does
    excerpt = Document(source=plan.source, sections=quoted, revisions=[])
    path = write_contribution(excerpt, tmp_path / "dropped.docx", [RURAL_PROPOSAL], [Replace(RURAL_OLD, RURAL_NEW)],
                              style, amended_heading="Annex – Amended text")
    assert validate(path, base).findings == []
    rep = validate(_drop_paragraph(path, "Broadcasting"), base)
    assert [(f.code, f.section, f.message) for f in rep.findings] == [
        ("VAL006", "output-2.1/area-broadcasting", "1 section removed in Output 2.1 › Broadcasting without revision "
         "marks, and no proposal names it: “Broadcasting”")]


MEETINGS = "organizing regional meetings between ITU members on the use of spectrum for broadcasting services"
MEETINGS_PROPOSAL = ("In Output 2.1, under “Broadcasting”, replace “between ITU members” with “between ITU members "
                     "and Sector Members”.")


@pytest.mark.parametrize("style", STYLES)
def test_revision_marks_made_on_an_outdated_copy_are_val016(tmp_path: Path, base: Path, style: Style) -> None:
    """rv55 F8: the amended text's bullet reads, before its revision marks, "between ITU Member
    States" where the base has "between ITU members" (the delegate marked up an old copy): in the
    place the proposal names, nothing was reported, where the same in a MOD block is VAL016. The
    paragraph the marks were made on must be the base's: VAL016 with the words that differ. The
    same marks made on the base's text are no finding."""
    current = write_contribution(load(BASE_TEXT), tmp_path / "current.docx", [MEETINGS_PROPOSAL],
                                 [Replace("ITU members on", "ITU members and Sector Members on")], style,
                                 amended_heading="Annex – Amended text")
    assert validate(current, base).findings == []
    outdated = MEETINGS.replace("ITU members", "ITU Member States") + " and other services."
    path = write_contribution(load(BASE_TEXT), tmp_path / "outdated.docx", [MEETINGS_PROPOSAL],
                              [Untracked("organizing regional meetings", outdated),
                               Replace("ITU Member States on", "ITU members and Sector Members on")], style,
                              amended_heading="Annex – Amended text")
    rep = validate(path, base)
    assert [(f.code, f.severity, f.section) for f in rep.findings] == [
        ("VAL016", "warning", "output-2.1/area-broadcasting")]
    assert rep.findings[0].message.startswith(
        "revision marks in Output 2.1 › Broadcasting were made on a paragraph that is not the base's: the base has "
        "“members” where the amended text, before its marks, has “Member States”")
