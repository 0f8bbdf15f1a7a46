"""`trace validate`'s messages say what a contribution does and what it lacks, in the delegate's
terms (a black-box review, rv55: U1–U3, F12's related phrasing, F4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace import load
from actionplan_trace.render.findings_text import validate_text
from actionplan_trace.validate import validate
from conftest import CORPUS
from contribgen import Append, Delete, Replace, write_contribution
from docxgen import Style, write_docx

BASE_TEXT = CORPUS / "text" / "objective2-new.txt"
RURAL_OLD = "to bring telecommunications to rural, unserved and underserved areas;"
RURAL_NEW = "to bring telecommunications to rural, remote, unserved and underserved areas;"
RURAL_PROPOSAL = f"In Output 2.1, under “Rural communications”, replace “{RURAL_OLD}” with “{RURAL_NEW}”."
STYLES = [  # the contribution's formatting, the base's aside
    pytest.param(Style(headings="styles", numbering="auto", bullets="auto", font="Cambria"), id="styles-word-lists"),
    pytest.param(Style(headings="bold", title_next_line=True, font="Verdana"), id="bold-typed-numbers"),
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



def _marked_words(path: Path, starts: str, edits: list[tuple[str, str]]) -> Path:
    """`path` with the paragraph that starts with `starts` rewritten with each (old, new) of
    `edits` a tracked replacement (a deletion, then an insertion) of the word `old`, unchanged
    text between the marks."""
    import docx as python_docx

    from contribgen import _Marker

    document = python_docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if p.text.lstrip("•\t").startswith(starts))
    template = paragraph.runs[-1]._r
    text = paragraph.text
    for run in paragraph.runs:
        run._r.getparent().remove(run._r)
    marker, at = _Marker("Delegation of Examplia"), 0
    for old, new in edits:
        where = text.index(old, at)
        deletion, insertion = marker.element("w:del"), marker.element("w:ins")
        deletion.append(marker.run(old, template, deleted=True))
        insertion.append(marker.run(new, template))
        for piece in (marker.run(text[at:where], template), deletion, insertion):
            paragraph._p.append(piece)
        at = where + len(old)
    paragraph._p.append(marker.run(text[at:], template))
    document.save(str(path))
    return path


@pytest.mark.parametrize(("style", "marks", "more"), [(STYLES[0].values[0], 4, "1 more mark"),
                                                     (STYLES[1].values[0], 6, "3 more marks")])
def test_val005_counts_the_marks_it_does_not_tell(tmp_path: Path, base: Path, style: Style, marks: int,
                                                  more: str) -> None:
    """rv55 U1, follow-up: VAL005 tells three of a paragraph's marks, then how many more, with a
    noun: "; 4 more" read as more text."""
    words = [("central", "essential"), ("enabling", "allowing"), ("universal", "general"),
             ("sustainable", "lasting"), ("ubiquitous", "pervasive"), ("affordable", "cheap")][:marks]
    path = write_contribution(load(BASE_TEXT), tmp_path / "marks.docx", [RURAL_PROPOSAL],
                              [Replace(RURAL_OLD, RURAL_NEW)], style)
    rep = validate(_marked_words(path, "Infrastructure is central", words), base)
    said = [f.message.split("names: ", 1)[1] for f in rep.findings if f.code == "VAL005"]
    assert said == ["“central” made “essential”; “enabling” made “allowing”; “universal” made “general”; " + more]


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
    not about, where the same proposal on one line is placed in `proposals`. VAL015, about the
    amended text's row of Outcome 2.2 still listing the output deleted, is placed at that row, in
    its section (a review found it at the row but named in `proposals`)."""
    path = write_contribution(load(BASE_TEXT), tmp_path / "blocks.docx", SUP_THEN_MOD, [], style, numbered=False,
                              amended_heading=amended_heading)
    rep = validate(path, base)
    assert [(p.number, p.action, p.outputs, p.section) for p in rep.proposals] == [
        ("EXA/2/1", "delete", ["2.2"], "proposals"), ("EXA/2/2", "modify", ["2.2"], "proposals")]
    about = [(f.code, f.section) for f in rep.findings if f.code in ("VAL014", "VAL015")]
    assert sorted(about) == [("VAL014", "proposals"), ("VAL015", "outcome-2.2")]


def _outcome_table_contribution(path: Path, proposals: list[str], delete_row: str | None, styled: bool,
                                font: str) -> Path:
    """A contribution whose amended text is Objective 2's outcome table, with the row of outcome
    `delete_row` deleted with revision marks (the row's `w:trPr/w:del`, each of its cells'
    paragraphs deleted). `styled`: Heading styles and Word-numbered proposals; else bold Normal
    headings and typed numbers."""
    import docx as python_docx
    from docx.shared import Pt

    from contribgen import _Marker

    plan = load(BASE_TEXT)
    document = python_docx.Document()
    document.styles["Normal"].font.name = font
    document.styles["Normal"].font.size = Pt(10 if styled else 12)

    def heading(text: str, level: int) -> None:
        if styled:
            document.add_paragraph(text, style=f"Heading {level}")
        else:
            document.add_paragraph().add_run(text).bold = True

    heading("Proposals", 1)
    for n, text in enumerate(proposals, start=1):
        document.add_paragraph(text, style="List Number") if styled else document.add_paragraph(f"{n}. {text}")
    heading("Annex – Amended text", 1)
    heading(plan.section("objective-2").heading.splitlines()[0], 2)
    rows = [s for s in plan.sections if s.kind == "outcome"]
    table = document.add_table(rows=1 + len(rows), cols=3)
    (header,) = [b.rows[0] for b in plan.section("objective-2").blocks if b.rows]
    for c, cell in enumerate(header):
        table.cell(0, c).text = cell.text
    marker = _Marker("Examplia")
    for r, row in enumerate(rows, start=1):
        for c, part in enumerate(("outcome", "indicators", "outputs")):
            table.cell(r, c).text = "\n".join(b.text for b in row.blocks if b.field == part)
        if row.number == delete_row:
            tr = table.rows[r]._tr
            tr_pr = tr.get_or_add_trPr()
            tr_pr.append(marker.element("w:del"))
            for cell in table.rows[r].cells:
                for paragraph in cell.paragraphs:
                    if not paragraph.runs:
                        paragraph.add_run("")
                    marker.whole_paragraph(paragraph._p, "w:del")
    document.save(str(path))
    return path


@pytest.mark.parametrize(("styled", "font"), [(True, "Arial"), (False, "Times New Roman")])
@pytest.mark.parametrize("wording", [
    "In the Objective 2 table, delete the row of Outcome 2.2.",
    "Delete the whole row of Outcome 2.2 from the table of Objective 2.",
])
def test_deleting_the_row_of_an_outcome_names_that_outcome(tmp_path: Path, base: Path, styled: bool, font: str,
                                                            wording: str) -> None:
    """rv55 F12, related: "In the Objective 2 table, delete the row of Outcome 2.2." named no
    place (an outcome named after the action was taken as what the text is about), so it was
    VAL001 "names no output", with no hint, and the row's tracked deletion VAL005. With no output
    named, the outcome a deletion (replacement, move) acts on is its place: it covers the row."""
    path = _outcome_table_contribution(tmp_path / "row.docx", [wording], "2.2", styled, font)
    rep = validate(path, base)
    assert [(p.action, p.outputs, p.outcomes) for p in rep.proposals] == [("delete", [], ["2.2"])]
    assert [(r.kind, r.section) for r in rep.resolutions] == [("outcome", "outcome-2.2")]
    assert rep.findings == []


@pytest.mark.parametrize(("styled", "font"), [(True, "Arial"), (False, "Times New Roman")])
def test_val001_says_what_was_read_and_how_to_name_the_place(tmp_path: Path, base: Path, styled: bool,
                                                             font: str) -> None:
    """rv55 F12, related: VAL001 said "names no output" and nothing else. It says what the words
    were read as and how to name the place; for an outcome named after an added text's verb, that
    it is read as what the text is about, and how to make it the place."""
    proposals = ["Add a performance indicator on national CIRTs, contributing to Outcome 2.2.",
                 "Add a sentence on emerging technologies."]
    path = _outcome_table_contribution(tmp_path / "add.docx", proposals, None, styled, font)
    rep = validate(path, base)
    assert [(f.code, f.message) for f in rep.findings if f.code == "VAL001"] == [
        ("VAL001", "Proposal 1 names no output (read as add “a performance indicator on national CIRTs, "
                   "contributing to Outcome 2.2”); Outcome 2.2 is named after “add”, as what the text "
                   "is about, not as its place: to amend the outcome's row, name it first (“In Outcome 2.2, add …”)"),
        ("VAL001", "Proposal 2 names no output or outcome (read as add “a sentence on emerging technologies”); name "
                   "the place before the action (“In Output N.M, under “…”, add …”, “In Outcome N.M, add …”)")]


OBJECTIVE_BLOCKS = [
    "SUP\tEXA/3/1", "Objective 2", "Reasons: Objective 2 is merged into Objective 1.",
    "SUP\tEXA/3/2", "Output 2.2", "Reasons: cybersecurity is covered by ITU-T.",
    "MOD\tEXA/3/3", "Output 2.1", "Rural communications", f"Replace “{RURAL_OLD}” by:", RURAL_NEW,
    "Reasons: remote areas lag behind.",
]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("amended_heading", ["Annex – Amended text", None])
def test_an_itu_block_deleting_an_objective_is_a_proposal_and_leaves_the_next_blocks(
        tmp_path: Path, base: Path, style: Style, amended_heading: str | None) -> None:
    """rv55 F4: "SUP⇥EXA/3/1", then "Objective 2" on a line of its own: the objective ranks above
    "Proposals", so the place line closed the proposals part and was read as the amended text's
    start, taking the blocks after it: "no proposals found" (VAL009) for a contribution of three,
    and their lines "added" to Objective 2 (VAL006). It is a proposal deleting the objective
    (`objectives`), the later blocks are read, and one amending an output of the deleted
    objective is VAL014; the deleted objective's own outcome rows are no VAL015."""
    path = write_contribution(load(BASE_TEXT), tmp_path / "objective.docx", OBJECTIVE_BLOCKS,
                              [Replace(RURAL_OLD, RURAL_NEW)], style, numbered=False, amended_heading=amended_heading)
    rep = validate(path, base)
    assert [(p.number, p.action, p.outputs, p.objectives, p.section) for p in rep.proposals] == [
        ("EXA/3/1", "delete", [], ["2"], "proposals"), ("EXA/3/2", "delete", ["2.2"], [], "proposals"),
        ("EXA/3/3", "replace", ["2.1"], [], "proposals")]
    assert [(r.proposal, r.kind, r.section) for r in rep.resolutions if r.kind == "objective"] == [
        ("EXA/3/1", "objective", "objective-2")]
    assert rep.proposals[0].to_dict()["objectives"] == ["2"]
    assert sorted((f.code, f.message) for f in rep.findings) == [  # the amended text keeps Output 2.2: right
        ("VAL008", "Proposal EXA/3/2: no amendment found in Output 2.2"),
        ("VAL014", "Proposal EXA/3/3 amends Output 2.1, which proposal EXA/3/1 deletes with Objective 2")]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize(("lines", "numbered"), [
    (["SUP\tObjective 2", "Reasons: Objective 2 is merged into Objective 1."], False),
    (["Delete Objective 2 and its outputs."], True),
    (["SUP\tObjective 7", "Reasons: merged."], False),
])
def test_deleting_an_objective_on_one_line_is_a_proposal(tmp_path: Path, base: Path, style: Style, lines: list[str],
                                                         numbered: bool) -> None:
    """rv55 F4: "SUP⇥Objective 2" on one line was no proposal at all (VAL009 "no proposals
    found"), and "Delete Objective 2 and its outputs." VAL001 "names no output". Both delete the
    objective, which the base must have (VAL002)."""
    path = write_contribution(load(BASE_TEXT), tmp_path / "objective.docx", lines, [], style, numbered=numbered,
                              amended_heading="Annex – Amended text")
    rep = validate(path, base)
    number = lines[0].split()[-1].rstrip(".") if "SUP" in lines[0] else "2"
    assert [(p.action, p.outputs, p.objectives) for p in rep.proposals] == [("delete", [], [number])]
    if number == "2":  # the amended text keeps it: VAL008, which names the objective
        assert [r.section for r in rep.resolutions] == ["objective-2"]
        assert [(f.code, f.message) for f in rep.findings] == [
            ("VAL008", "Proposal 1: no amendment found in Objective 2")]
    else:
        assert [(f.code, f.message) for f in rep.findings] == [
            ("VAL002", "Proposal 1 names Objective 7, which the base does not have (it has Objective 2)")]


@pytest.mark.parametrize("style", STYLES)
def test_text_added_to_an_objective_is_val001_naming_its_outputs(tmp_path: Path, base: Path, style: Style) -> None:
    """A proposal adding text to an objective names no place trace checks; VAL001 says which
    outputs the base has under it."""
    path = write_contribution(load(BASE_TEXT), tmp_path / "add.docx", ["Add a paragraph on AI to Objective 2."], [],
                              style, amended_heading="Annex – Amended text")
    rep = validate(path, base)
    assert [(f.code, f.message) for f in rep.findings] == [
        ("VAL001", "Proposal 1 names Objective 2 but no output or outcome (read as add “a paragraph on AI to "
                   "Objective 2”): text added to an objective has no place trace checks; name the output it goes "
                   "in (“In Output N.M, add …”: Objective 2 has Outputs 2.1, 2.2 and 2.3)")]
