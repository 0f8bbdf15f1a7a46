"""`trace validate`: a contribution resolved against the base it amends.

The main fixture is a contribution made here (tests/contribgen.py), formatted unlike the corpus
one: bold Normal headings, Word-numbered sub-headings and proposals, output titles on their own
line, List Bullet bullets. The corpus contribution (seed 001 as .docx with revision marks) and the
seed's text rendering are checked against the corpus base when present.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
import pytest

from actionplan_trace import load
from actionplan_trace.model import Document
from actionplan_trace.validate import validate, validate_documents
from actionplan_trace.validate.contribution import amended_part, describe, title_score
from conftest import CORPUS, SHARED, run_cli
from contribgen import (EXAMPLIA_EDITS, EXAMPLIA_PROPOSALS, EXAMPLIA_STYLE, RURAL_BULLET, Append, Delete, Insert, examplia,
                        write_contribution)
from docx_edit import DocxEditor, box_sections
from docxgen import Style, write_docx

BASE_TEXT = CORPUS / "text" / "objective2-new.txt"
TDAG = CORPUS / "contribution-tdag.docx"
BA = CORPUS / "action-plan-ba.docx"
SEED_001 = SHARED / "seeds" / "001_66149e570736cfba.txt"


@pytest.fixture(scope="module")
def base_doc():
    return load(BASE_TEXT)


@pytest.fixture(scope="module")
def made(tmp_path_factory, base_doc) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("examplia")
    base_docx = write_docx(base_doc, folder / "objective2-base.docx", Style(headings="styles", numbering="typed"))
    return {"contribution": examplia(base_doc, folder), "base_docx": base_docx, "folder": folder}


@pytest.fixture(scope="module")
def report(made):
    return validate(made["contribution"], made["base_docx"])


def codes(findings) -> list[str]:
    return sorted(f.code for f in findings)


def test_all_proposals_parsed(report) -> None:
    assert [p.number for p in report.proposals] == ["1", "2", "3"]
    assert [p.outputs for p in report.proposals] == [["2.1"], ["2.3"], ["2.2"]]
    assert [p.action for p in report.proposals] == ["add", "add", "replace"]
    assert report.proposals[2].heading == "Cybersecurity"
    by_number = {r.proposal: r for r in report.resolutions}
    assert by_number["1"].section == "output-2.1/area-rural-communications"
    assert by_number["3"].section == "output-2.2/programme-cybersecurity"


def test_heading_of_another_output_says_which(report) -> None:
    (val003,) = [f for f in report.findings if f.code == "VAL003"]
    assert val003.severity == "error"
    assert "Proposal 2" in val003.message and "Output 2.3" in val003.message
    assert "the title of Output 2.2" in val003.message
    assert val003.ref == "output-2.2"
    assert {r.proposal: r.elsewhere for r in report.resolutions}["2"] == "output-2.2"


def test_revision_mark_outside_named_headings(report) -> None:
    (val005,) = [f for f in report.findings if f.code == "VAL005"]
    assert val005.section == "output-2.1/background"
    assert "Satellite constellations" in val005.message
    assert "Delegation of Examplia" in val005.message
    covered = {r.revision.text.strip()[:20]: r.proposals for r in report.revisions if r.revision.text.strip()}
    assert covered["organizing cyber-inc"] == ["2"]
    assert covered["national and/or regi"] == ["3"]
    assert covered["Satellite constellat"] == []


def test_paragraph_inserted_twice(report) -> None:
    (val007,) = [f for f in report.findings if f.code == "VAL007"]
    assert val007.section == "output-2.1/area-rural-communications"
    assert val007.text == RURAL_BULLET
    assert "2 times" in val007.message


def test_untracked_amendment_outside_proposals(report, made) -> None:
    (val006,) = [f for f in report.findings if f.code == "VAL006"]
    assert val006.section == "output-2.2/background"
    assert "regional cyberdrills" in val006.text
    # placed at the paragraph it quotes, not at its section's heading
    quoted = next(b for _, b in load(made["contribution"], profile="contribution").blocks() if "regional cyberdrills" in b.text)
    assert val006.loc.paragraph == quoted.loc.paragraph


def test_reference_problem_in_amended_text(report) -> None:
    ref = [f for f in report.findings if f.code.startswith("REF")]
    assert {f.ref for f in ref} == {"WSIS-C12"}
    assert all(f.section == "output-2.1/area-rural-communications" for f in ref)


def test_nothing_else_is_reported(report) -> None:
    assert codes(report.findings) == ["REF004", "REF004", "VAL003", "VAL005", "VAL006", "VAL007"]
    assert report.failed


OUTPUT_HEADING = r"^Output \d+\.\d+\s*(?:[–-]|$)"
EXAMPLIA_REVISIONS = [
    ("insert", "output-2.1/background", []),
    ("paragraph-insert", "output-2.1/area-rural-communications", ["1"]),
    ("insert", "output-2.1/area-rural-communications", ["1"]),
    ("paragraph-insert", "output-2.1/area-rural-communications", ["1"]),
    ("insert", "output-2.1/area-rural-communications", ["1"]),
    ("delete", "output-2.2/programme-cybersecurity", ["3"]),
    ("insert", "output-2.2/programme-cybersecurity", ["3"]),
    ("paragraph-insert", "output-2.3/programme-disaster-management-including", ["2"]),
    ("insert", "output-2.3/programme-disaster-management-including", ["2"]),
]


def test_revision_marks_are_placed_in_their_sections(report) -> None:
    assert [(r.revision.type, r.revision.section, r.proposals) for r in report.revisions] == EXAMPLIA_REVISIONS


@pytest.mark.parametrize(("rows", "base"), [("one", "plain"), ("head", "plain"), ("each", "plain"), ("one", "boxed")])
def test_revision_marks_inside_boxed_outputs(made, tmp_path, rows, base) -> None:
    """The Examplia contribution with each output of its amended text boxed (one cell, a heading
    row and a body row, a row per paragraph), its tracked insertions and deletions (w:ins, w:del,
    inserted paragraph marks) inside the boxes: each mark is in the sub-section it falls in, as
    without the boxes, so the findings are the same. Before, every mark of a box was placed on its
    output (or on the section its box row opened): VAL005 for output-2.1 and output-2.2 and
    VAL008 for proposals 1 and 3 (2 of them false, 9 of 9 marks misplaced). The base boxed too
    changes nothing."""
    editor = DocxEditor.open(made["contribution"])
    assert box_sections(editor, OUTPUT_HEADING, rows) == 3
    against = made["base_docx"]
    if base == "boxed":
        plan = DocxEditor.open(against)
        assert box_sections(plan, OUTPUT_HEADING, "one") == 3
        against = plan.save(tmp_path / "base-boxed.docx")
    rep = validate(editor.save(tmp_path / f"boxed-{rows}.docx"), against)
    assert [(r.revision.type, r.revision.section, r.proposals) for r in rep.revisions] == EXAMPLIA_REVISIONS
    assert codes(rep.findings) == ["REF004", "REF004", "VAL003", "VAL005", "VAL006", "VAL007"]
    (val005,) = [f for f in rep.findings if f.code == "VAL005"]
    assert val005.section == "output-2.1/background" and "Satellite constellations" in val005.message


@pytest.mark.parametrize("rows", ["one", "each"])
def test_unnamed_marks_in_two_paragraphs_of_a_box_are_two_findings(base_doc, made, tmp_path, rows) -> None:
    """Two sentences added (tracked) to two paragraphs of Output 2.1's Background, which no
    proposal names: a VAL005 for each paragraph, boxed as without the box (a box's paragraphs
    share their table's location; before, the two were one finding)."""
    edits = [*EXAMPLIA_EDITS, Append("Infrastructure is central", " Submarine cables carry most of the traffic.")]
    plain = write_contribution(base_doc, tmp_path / "two.docx", EXAMPLIA_PROPOSALS, edits, EXAMPLIA_STYLE)
    editor = DocxEditor.open(plain)
    assert box_sections(editor, OUTPUT_HEADING, rows) == 3
    boxed = editor.save(tmp_path / f"two-{rows}.docx")
    found = [sorted((f.section, (f.text or "").strip()) for f in validate(path, made["base_docx"]).findings
                    if f.code == "VAL005") for path in (plain, boxed)]
    assert found[0] == found[1] == [
        ("output-2.1/background", "Satellite constellations also extend coverage to remote islands."),
        ("output-2.1/background", "Submarine cables carry most of the traffic."),
    ]


def test_base_as_text_rendering_gives_the_same_findings(made) -> None:
    again = validate(made["contribution"], BASE_TEXT)
    assert codes(again.findings) == ["REF004", "REF004", "VAL003", "VAL005", "VAL006", "VAL007"]


def test_cli_json_and_exit_code(made, tmp_path) -> None:
    out = tmp_path / "v.json"
    result = run_cli("validate", str(made["contribution"]), "--against", str(made["base_docx"]), "-f", "json", "-o", str(out))
    assert result.returncode == 1, result.stderr
    data = json.loads(out.read_text())
    assert data["schema"] == "actionplan-trace/validate/3"
    assert [p["number"] for p in data["proposals"]] == ["1", "2", "3"]
    assert data["proposals"][1]["resolved"][0]["elsewhere"] == "output-2.2"
    assert {"type", "author", "section", "proposals"} <= set(data["revisions"][0])
    assert data["summary"]["error"] == 5
    assert all(f["source"] == str(made["contribution"]) for f in data["findings"])


def test_validate_and_check_give_one_verdict_under_the_project_configuration(made, tmp_path) -> None:
    """The [rules] and fail-on of the project's trace.toml apply to validate as to check: a
    delegate's run before TDAG and the CI's agree."""
    import shutil

    contribution = shutil.copy(made["contribution"], tmp_path / "contribution.docx")
    shutil.copy(made["base_docx"], tmp_path / "base.docx")
    missing = run_cli("validate", contribution, "--against", "base.docx", "--config", "none.toml", cwd=tmp_path)
    assert (missing.returncode, missing.stdout) == (2, "")
    plain = run_cli("validate", contribution, "--against", "base.docx", "-f", "json", cwd=tmp_path)
    codes_before = {(f["code"], f["severity"]) for f in json.loads(plain.stdout)["findings"]}
    assert {("VAL005", "error"), ("VAL006", "warning")} <= codes_before and plain.returncode == 1
    (tmp_path / "trace.toml").write_text('base = "base.docx"\n[rules]\nVAL005 = "warning"\nVAL006 = "off"\n'
                                         'VAL003 = "warning"\nVAL007 = "warning"\n', encoding="utf-8")
    validated = run_cli("validate", contribution, "--against", "base.docx", "-f", "json", cwd=tmp_path)
    checked = run_cli("check", "contribution.docx", "-f", "json", "--no-cache", cwd=tmp_path)
    mine = sorted((f["code"], f["severity"], f["message"]) for f in json.loads(validated.stdout)["findings"])
    theirs = sorted((f["code"], f["severity"], f["message"]) for f in json.loads(checked.stdout)["findings"])
    assert [f for f in mine if f[0].startswith("VAL")] == [f for f in theirs if f[0].startswith("VAL")]
    assert {(c, s) for c, s, _ in mine if c.startswith("VAL")} == {("VAL003", "warning"), ("VAL005", "warning"),
                                                                   ("VAL007", "warning")}
    assert validated.returncode == checked.returncode == 1  # REF004, an error in both
    strict = run_cli("validate", contribution, "--against", "base.docx", "--fail-on", "warning", cwd=tmp_path)
    assert strict.returncode == 1


def test_cli_text_lists_proposals_and_findings(made) -> None:
    result = run_cli("validate", str(made["contribution"]), "--against", str(BASE_TEXT))
    assert result.returncode == 1
    assert "Proposals (3)" in result.stdout
    assert "VAL003" in result.stdout and "the title of Output 2.2" in result.stdout


def test_clean_contribution_exits_zero(base_doc, tmp_path) -> None:
    path = write_contribution(
        base_doc, tmp_path / "clean.docx", [EXAMPLIA_PROPOSALS[0]],
        [Insert("output-2.1/area-rural-communications", "supporting community networks in rural areas;")],
    )
    result = run_cli("validate", str(path), "--against", str(BASE_TEXT), "-f", "json")
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["findings"] == []


@pytest.mark.parametrize("style", [Style(), EXAMPLIA_STYLE], ids=["typed", "word-numbered"])
@pytest.mark.parametrize("proposal", [
    "In Output 2.1, under “Rural communications”, insert the following text: «supporting community networks in rural areas.»",
    'In Output 2.1, under "Rural communications", add the bullet “supporting community networks in rural areas”',
])
def test_a_proposal_ending_in_a_quotation_is_a_proposal(base_doc, tmp_path, style, proposal) -> None:
    """A numbered proposal that ends with its quoted text (final stop inside the quotes, or none)
    is no clause heading: read as one, the contribution had no proposals (VAL009) and its every
    revision mark named by none (VAL005)."""
    path = write_contribution(base_doc, tmp_path / "quoted.docx", [proposal],
                              [Insert("output-2.1/area-rural-communications", "supporting community networks in rural areas;")],
                              style=style)
    result = run_cli("validate", str(path), "--against", str(BASE_TEXT), "-f", "json")
    data = json.loads(result.stdout)
    assert [(p["number"], p["action"]) for p in data["proposals"]] == [("1", "add")]
    assert (result.returncode, data["findings"]) == (0, [])


def test_proposal_without_amendment_and_unknown_output(base_doc, tmp_path) -> None:
    proposals = [
        'In Output 2.1, under "Spectrum management", add text on spectrum sharing.',
        'In Output 2.7, under "Broadcasting", add text on radio.',
        "In Output 2.1, under “Quantum networking”, add text.",
    ]
    path = write_contribution(base_doc, tmp_path / "p.docx", proposals, [])
    rep = validate(path, BASE_TEXT)
    found = {(f.code, f.message.split(":")[0].split(" names")[0]) for f in rep.findings}
    assert ("VAL008", "Proposal 1") in found
    assert ("VAL002", "Proposal 2") in found
    assert ("VAL004", "Proposal 3") in found
    assert rep.failed


@pytest.mark.parametrize("base", ["strategic-plan-2012.docx", "strategic-plan-2024.docx"])
def test_amending_inside_an_output_the_base_lacks_is_val002_even_with_amended_text(base_doc, tmp_path, base) -> None:
    """A correct contribution validated against the wrong base (a Strategic Plan, which has no
    outputs): its amended text holds Output 2.1, which made it pass as if the proposal, adding a
    bullet under one of its headings, added the output itself."""
    path = write_contribution(base_doc, tmp_path / "c.docx", [EXAMPLIA_PROPOSALS[0]],
                              [Insert("output-2.1/area-rural-communications", "supporting community networks in rural areas;")])
    assert not validate(path, BASE_TEXT).findings
    rep = validate(path, CORPUS / base)
    assert [f.message.split(",")[0] for f in rep.findings if f.code == "VAL002"] == ["Proposal 1 names Output 2.1"]
    assert rep.failed


def _excerpt(base, ids: list[str]):
    """The base reduced to a few of its sections: the amended text of a contribution that quotes
    only what it amends."""
    from actionplan_trace.model import Document

    return Document(source=base.source, sections=[s for s in base.sections if s.id in ids], revisions=[])


RURAL_EXCERPT = ["objective-2", "output-2.1", "output-2.1/implementation-framework",
                 "output-2.1/programme-telecommunication-ict-network", "output-2.1/area-rural-communications"]


def test_an_excerpt_quoting_one_heading_of_an_output_removes_nothing(base_doc, tmp_path) -> None:
    """A correct contribution whose amended text quotes Output 2.1 down to "Rural communications"
    and nothing else of it: the headings it does not quote were not removed (before, 15 VAL006
    "section removed" warnings, one per heading of Output 2.1)."""
    path = write_contribution(_excerpt(base_doc, RURAL_EXCERPT), tmp_path / "c.docx", [EXAMPLIA_PROPOSALS[0]],
                              [Insert("output-2.1/area-rural-communications", "supporting community networks in rural areas;")])
    rep = validate(path, BASE_TEXT)
    assert [r.section for r in rep.resolutions] == ["output-2.1/area-rural-communications"]
    assert rep.findings == []


def test_excerpts_that_skip_headings_remove_nothing(base_doc, tmp_path) -> None:
    """An excerpt that quotes Output 2.1's programme with two of its areas (the one amended and
    another, "Broadcasting", further on) skips the areas between: it does not remove them."""
    ids = RURAL_EXCERPT + ["output-2.1/area-broadcasting"]
    path = write_contribution(_excerpt(base_doc, ids), tmp_path / "c.docx", [EXAMPLIA_PROPOSALS[0]],
                              [Insert("output-2.1/area-rural-communications", "supporting community networks in rural areas;")])
    assert validate(path, BASE_TEXT).findings == []


BROADCASTING_PROPOSAL = "In Output 2.1, under “Broadcasting”, add a bullet on video services."
VIDEO_BULLET = "providing assistance on video service access through telecommunication networks;"


@pytest.mark.parametrize("heading", ["Broadcasting", "Spectrum management", "Background"])
def test_a_change_under_another_heading_than_the_one_named_is_reported_when_the_named_one_is_not_quoted(
        base_doc, tmp_path, heading) -> None:
    """A proposal naming “Broadcasting” (or another heading of Output 2.1) whose tracked bullet is
    in "Rural communications", the only heading of the output the amended text quotes: VAL005 at
    the bullet and VAL008 for the proposal, as when the excerpt quotes "Broadcasting" too (a
    black-box review: nothing, the whole output was taken as the named place when its heading
    was not quoted)."""
    proposal = BROADCASTING_PROPOSAL.replace("Broadcasting", heading)
    path = write_contribution(_excerpt(base_doc, RURAL_EXCERPT), tmp_path / "c.docx", [proposal],
                              [Insert("output-2.1/area-rural-communications", VIDEO_BULLET)])
    rep = validate(path, BASE_TEXT)
    assert [(f.code, f.section) for f in rep.findings] == [
        ("VAL008", "proposals"), ("VAL005", "output-2.1/area-rural-communications")]
    assert VIDEO_BULLET in rep.findings[1].message
    assert [r.proposals for r in rep.revisions if r.revision.text.strip()] == [[]]
    named = write_contribution(_excerpt(base_doc, RURAL_EXCERPT), tmp_path / "named.docx", [EXAMPLIA_PROPOSALS[0]],
                               [Insert("output-2.1/area-rural-communications", VIDEO_BULLET)])
    assert validate(named, BASE_TEXT).findings == []


def test_an_untracked_change_under_another_heading_than_the_one_named_is_reported_in_text(tmp_path) -> None:
    """The same in a .txt contribution, the bullet edited without revision marks: VAL006 at the
    edited bullet and VAL008 for the proposal (before: no finding)."""
    lines = BASE_TEXT.read_text(encoding="utf-8").splitlines()
    output = next(ln for ln in lines if ln.startswith("Output 2.1 – "))
    start = lines.index("Rural communications")
    rural = lines[start:lines.index("Bridging the standardization gap")]
    edited = [ln.replace("to rural, unserved", "to rural, remote, unserved") for ln in rural]
    assert edited != rural

    def contribution(proposal: str) -> Path:
        path = tmp_path / "c.txt"
        path.write_text("\n".join(["Contribution from the Delegation of Examplia", "", "Abstract",
                                    "This contribution proposes additions to Output 2.1.", "", "Proposals",
                                    f"1. {proposal}", "", "Detailed modifications are as follows:", "", output,
                                    "2\tImplementation framework",
                                    "Programme: Telecommunication/ICT network infrastructure and services",
                                    *edited, ""]), encoding="utf-8")
        return path

    rep = validate(contribution(BROADCASTING_PROPOSAL), BASE_TEXT)
    assert [(f.code, f.section, f.loc.line) for f in rep.findings] == [
        ("VAL008", "proposals", 7), ("VAL006", "output-2.1/area-rural-communications", 17)]
    assert "rural, remote, unserved" in (rep.findings[1].text or "")
    # the message says what changed, not only which paragraph (the fingerprint's text is the paragraph's)
    assert rep.findings[1].message.endswith("(“remote” inserted)")
    assert validate(contribution(BROADCASTING_PROPOSAL.replace("Broadcasting", "Rural communications")),
                    BASE_TEXT).findings == []


def test_a_heading_left_out_of_a_whole_quote_is_removed_and_placed_in_the_contribution(base_doc, tmp_path) -> None:
    """A contribution that reproduces every area of Output 2.1's programme but "Rural
    communications" removed it: VAL006 at the heading above it in the contribution, the
    programme's (not at the base's paragraph number, which names no paragraph of the
    contribution), and none when a proposal names the removed heading."""
    areas = [s.id for s in base_doc.sections if s.parent == "output-2.1/programme-telecommunication-ict-network"]
    areas.remove("output-2.1/area-rural-communications")
    excerpt = _excerpt(base_doc, RURAL_EXCERPT[:-1] + areas)
    broadband = ('In Output 2.1, under "Broadband networks: Wired and wireless technologies, including IMT", '
                 'add the bullet “supporting community networks”.')
    edit = [Insert("output-2.1/area-broadband-networks-wired-and", "supporting community networks;")]
    path = write_contribution(excerpt, tmp_path / "c.docx", [broadband], edit)
    rep = validate(path, BASE_TEXT)
    (val006,) = [f for f in rep.findings if f.code == "VAL006"]
    assert val006.section == "output-2.1/area-rural-communications" and "1 section removed" in val006.message
    programme = load(path).section("output-2.1/programme-telecommunication-ict-network")
    assert (val006.source, val006.loc) == (str(path), programme.loc)
    named = write_contribution(excerpt, tmp_path / "named.docx",
                               [broadband, 'In Output 2.1, under "Rural communications", delete the whole section.'], edit)
    assert [f.code for f in validate(named, BASE_TEXT).findings if f.code == "VAL006"] == []


def test_deleted_paragraph_placed_by_the_original_view(base_doc, tmp_path) -> None:
    rural = "output-2.1/area-rural-communications"
    proposals = ['Proposal 1: In Output 2.1, under "Rural communications", delete the bullet on access points.']
    edits = [Delete("implementing projects on public/community broadband access points"),
             Delete("Increasing the knowledge and capacity of developing countries")]
    rep = validate(write_contribution(base_doc, tmp_path / "d.docx", proposals, edits), BASE_TEXT)
    assert rep.proposals[0].number == "1" and rep.proposals[0].action == "delete"
    deletions = [r for r in rep.revisions if r.revision.type == "delete"]
    assert [(r.section_original, r.proposals) for r in deletions] == [
        (rural, ["1"]), ("output-2.1/area-bridging-the-standardization-gap", []),
    ]
    (val005,) = [f for f in rep.findings if f.code == "VAL005"]
    assert val005.section == "output-2.1/area-bridging-the-standardization-gap"
    assert "delete" in val005.message and "Increasing the knowledge" in val005.message


def test_a_contribution_repeating_the_plan_title_adds_no_section(tmp_path) -> None:
    """The amended text opens with the plan's own title heading, as the base does: the same
    section (its id is the base's once re-rooted), not one "added without revision marks"."""
    plan = ("# Buenos Aires Action Plan\n\n## Objective 2 – Infrastructure\n\n"
            "### Output 2.1 – Products and services on infrastructure\n\n#### Background\n\n"
            "Infrastructure is central for enabling access to ICTs.\n\n"
            "#### References to WTDC Resolutions, WSIS Action Lines and Sustainable Development Goals\n\n"
            "##### PP and WTDC resolutions and recommendations\n\nPP Resolutions 101, 102\n\n"
            "##### WSIS action lines\n\nWSIS Action Lines C2, C6\n")
    contribution = ("# Contribution from Testland\n\n## Abstract\n\nThis contribution proposes additions.\n\n"
                    "## Proposal\n\n1. In Output 2.1, under Background, add a sentence on satellites.\n\n"
                    "## Detailed modifications\n\n" + plan.replace(
                        "access to ICTs.\n", "access to ICTs.\n\nSatellites extend coverage to remote islands.\n"))
    (tmp_path / "plan.md").write_text(plan, encoding="utf-8")
    (tmp_path / "contribution.md").write_text(contribution, encoding="utf-8")
    rep = validate(tmp_path / "contribution.md", tmp_path / "plan.md")
    assert [p.number for p in rep.proposals] == ["1"]
    assert [(f.code, f.section) for f in rep.findings] == []


def test_unreadable_base_is_exit_2(made) -> None:
    result = run_cli("validate", str(made["contribution"]), "--against", "/nonexistent/base.docx")
    assert result.returncode == 2
    assert result.stderr.strip() == "trace: /nonexistent/base.docx: no such file"


def test_no_proposals(base_doc, tmp_path) -> None:
    path = write_contribution(base_doc, tmp_path / "none.docx", ["We support the Action Plan."], [])
    rep = validate(path, BASE_TEXT)
    assert "VAL009" in codes(rep.findings)


def test_amended_part_is_rerooted(made) -> None:
    part = amended_part(load(made["contribution"], profile="contribution"))
    assert part.sections[0].id == "objective-2" and part.sections[0].parent is None
    assert not any(s.kind in ("abstract", "proposals", "amended-text") for s in part.sections)


def test_title_matching_and_description(base_doc) -> None:
    assert title_score("Broadband networks", "Broadband networks: Wired and wireless technologies, including IMT") == 90
    assert title_score("“Rural  Communications”", "Rural communications") == 100
    assert title_score("Broadcasting", "Spectrum management") < 60
    assert describe(base_doc, base_doc.section("output-2.2/programme-cybersecurity")) == \
        "programme “Cybersecurity” under Output 2.2"


@pytest.mark.skipif(not (TDAG.exists() and BA.exists()), reason="corpus contribution not built")
def test_corpus_contribution_against_the_action_plan() -> None:
    rep = validate(TDAG, BA)
    assert len(rep.proposals) == 4
    assert codes(rep.findings) == ["VAL003", "VAL005", "VAL007"]
    (val003,) = [f for f in rep.findings if f.code == "VAL003"]
    assert "Output 3.2" in val003.message and "the title of Output 3.1" in val003.message
    (val005,) = [f for f in rep.findings if f.code == "VAL005"]
    assert val005.section == "output-2.1/background" and "Meanwhile, the extensive video" in val005.message
    (val007,) = [f for f in rep.findings if f.code == "VAL007"]
    assert val007.section == "output-2.1/area-broadband-networks-wired-and"
    renamed = [r for r in rep.revisions if r.revision.text == "Broadcasting and video"]
    assert renamed and renamed[0].proposals == ["2"]


@pytest.mark.skipif(not (SEED_001.exists() and BA.exists()), reason="seed 001 or corpus base missing")
def test_text_rendering_of_the_contribution() -> None:
    contribution = load(SEED_001, profile="contribution")
    rep = validate_documents(contribution, contribution, load(BA))
    found = codes(rep.findings)
    assert "VAL003" in found and "VAL007" in found
    assert any(f.code == "VAL006" and f.section == "output-2.1/background" for f in rep.findings)


def test_findings_name_the_paragraph_diff_names() -> None:
    """validate's text and diff's count a .docx's paragraphs alike, from 1: the revision mark that
    no proposal names is at the paragraph where diff shows it."""
    found = run_cli("validate", str(CORPUS / "contribution-tdag.docx"), "--against", str(CORPUS / "action-plan-ba.docx"))
    [line] = [ln for ln in found.stdout.splitlines() if "VAL005" in ln and "Meanwhile" in ln]
    shown = run_cli("diff", str(CORPUS / "contribution-tdag.docx"), "-f", "json")
    [change] = [c for c in json.loads(shown.stdout)["changes"] if "Meanwhile" in (c["new"] or "")]
    assert change["at"]["new"].startswith("paragraph ")
    assert f"({change['at']['new']})" in line


def _quoting(tmp_path: Path, *proposals: str) -> Path:
    path = tmp_path / "quoting.md"
    items = "\n".join(f"{n}. {p}" for n, p in enumerate(proposals, start=1))
    path.write_text(f"# Abstract\n\nAmends Output 2.1.\n\n# Proposals\n\n{items}\n", encoding="utf-8")
    return path


def _proposal(finding) -> str:
    """The number of the proposal a finding is about, as its message names it ("Proposal 3 …"):
    _quoting's items are a Markdown list, each numbered by its label, not in its text."""
    return finding.message.split()[1]


def test_text_quoted_to_delete_or_replace_is_looked_for_where_the_proposal_points(tmp_path) -> None:
    """VAL010 for a quotation the base does not have under the heading named: none for one it has
    (in other typography and case, or cut with an ellipsis), one saying where the base has it,
    one saying it is nowhere."""
    rural = "In Output 2.1, under “Rural communications”,"
    path = _quoting(
        tmp_path,
        f"{rural} replace ‘RURAL POPULATIONS will need to be provided with telephony and broadband access’ with ‘…’.",
        f"{rural} delete the sentence \"Choosing efficient, cost\u2011effective and fast deployment technologies … "
        f"will improve accessibility\".",
        f"{rural} delete “The introduction of different broadband technologies, are providing high bandwidth”.",
        f"{rural} delete the bullet “providing satellite phones free of charge to every village”.",
    )
    found = [f for f in validate(path, BASE_TEXT).findings if f.code == "VAL010"]
    assert [(_proposal(f), f.ref) for f in found] == [
        ("3", "output-2.1/area-broadband-networks-wired-and"), ("4", None)]
    assert found[0].message.endswith("which is not in Output 2.1 › Rural communications; it is in Output 2.1 › "
                                     "Broadband networks: Wired and wireless technologies, including IMT")
    assert found[1].message.endswith("nor anywhere else in the base")
    assert [f.severity for f in found] == ["error", "error"]  # text not there: the proposal cannot be applied


def test_a_heading_every_output_has_is_the_named_outputs_own_despite_other_wording(tmp_path) -> None:
    """Output 2.2 of the plan titles its resolutions group "WTDC resolutions and recommendations";
    the other outputs "PP and WTDC resolutions and recommendations". A proposal for Output 2.2
    in the others' words means Output 2.2's group, not Output 1.1's (VAL003 before)."""
    path = _quoting(tmp_path, "In Output 2.2, under “PP and WTDC resolutions and recommendations”, add WTDC Resolution 34.")
    rep = validate(path, BA)
    assert [r.section for r in rep.resolutions] == ["output-2.2/references-resolutions"]
    assert "VAL003" not in codes(rep.findings)


@pytest.mark.parametrize("heading", ["Programme: Cybersecurity", "Programme : cybersecurity", "Cybersecurity"])
def test_a_heading_quoted_with_its_label_is_the_labelled_section(tmp_path, heading: str) -> None:
    """The plan's heading paragraph reads "Programme: Cybersecurity"; its section is titled
    "Cybersecurity". A delegate copying the heading as written got VAL004 ("no heading …
    renamed?") and the proposal covered the whole output, which hid a VAL005 (a black-box review)."""
    path = _quoting(tmp_path, f"In Output 2.2, under “{heading}”, add a new bullet: supporting child online protection.")
    rep = validate(path, BA)
    assert [r.section for r in rep.resolutions] == ["output-2.2/programme-cybersecurity"]
    assert "VAL004" not in codes(rep.findings)


def test_a_heading_renamed_under_the_named_output_is_suggested(tmp_path) -> None:
    """"Emergency telecommunications" under Output 2.3, since renamed "Disaster management
    including emergency telecommunications": VAL004 points to that heading of Output 2.3, not
    to the nearest spelling elsewhere ("Rural communications" under Output 2.1 before)."""
    path = _quoting(tmp_path, "In Output 2.3, under “Emergency telecommunications”, add texts regarding early warning.")
    (val004,) = [f for f in validate(path, CORPUS / "objective2-new.docx").findings if f.code == "VAL004"]
    assert " ".join(val004.message.split()).endswith(
        "programme “Disaster management including emergency telecommunications” under Output 2.3 holds its words (renamed?)")


RURAL_FIRST = ("providing information on suitable technologies for access, backhaul and source of power supply to "
               "bring telecommunications to rural, unserved and underserved areas;")
BROADCAST_LAST = "organizing regional meetings between ITU members on the use of spectrum for broadcasting services and other services."


@pytest.mark.parametrize("header", [["Output", "Current text", "Proposed text", "Rationale"],
                                    ["Section", "Existing text", "Proposed modification", "Reasons"]])
def test_a_table_of_proposals_gives_one_proposal_per_row(tmp_path, header) -> None:
    """"Output | Current text | Proposed text | Rationale" (or the same in other words): each row a
    proposal, replace, add or delete as its cells say; the table is the amendment (no VAL008),
    and a current text the base lacks is VAL010 (before: VAL009, no proposals)."""
    import docx as python_docx

    rows = [
        ("Output 2.1 – Rural communications", RURAL_FIRST, RURAL_FIRST[:-1] + ", including community networks;", "Reach."),
        ("Output 2.2", "", "supporting national cyberdrills in small island developing states;", "New."),
        ("Output 2.1, Broadcasting", BROADCAST_LAST, "(deleted)", "Done elsewhere."),
        ("Output 2.3", "This sentence is not in the Action Plan at all, anywhere.", "Another sentence.", "Test."),
    ]
    document = python_docx.Document()
    document.add_paragraph("Contribution from the Delegation of Examplia")
    document.add_paragraph("Proposals", style="Heading 1")
    table = document.add_table(rows=1 + len(rows), cols=4)
    for r, cells in enumerate([header, *rows]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    path = tmp_path / "tabled.docx"
    document.save(str(path))
    rep = validate(path, BASE_TEXT)
    assert [(p.number, p.action, p.outputs, p.heading) for p in rep.proposals] == [
        ("1", "replace", ["2.1"], "Rural communications"), ("2", "add", ["2.2"], None),
        ("3", "delete", ["2.1"], "Broadcasting"), ("4", "replace", ["2.3"], None)]
    assert rep.proposals[2].old == BROADCAST_LAST
    assert [r.section for r in rep.resolutions][:3] == [
        "output-2.1/area-rural-communications", "output-2.2", "output-2.1/area-broadcasting"]
    assert [(f.code, f.text.split(" |")[0]) for f in rep.findings] == [("VAL010", "Output 2.3")]


@pytest.mark.parametrize("header", ["Output", "Outputs", "Output No.", "Output number"])
def test_bare_numbers_under_an_output_column_are_outputs(tmp_path, header) -> None:
    """A table whose "Output" column holds bare numbers ("2.1"): each row names that output, so
    an output the base lacks is VAL002 and a current text it lacks VAL010 (before: every row
    "names no output", five VAL001 warnings and exit 0, nothing checked). A "Section" column's
    bare numbers could be anything's and stay unread."""
    import docx as python_docx

    rows = [
        ("2.1", RURAL_FIRST, RURAL_FIRST[:-1] + ", including satellite;", "Reach."),
        ("2.7", "providing assistance on satellite orbit filings;", "providing assistance on orbit filings;", "New."),
        ("2.3", "This sentence is not in the Action Plan at all, anywhere.", "Another sentence.", "Test."),
        ("2.1 – Broadcasting", BROADCAST_LAST, "(deleted)", "Done elsewhere."),
    ]
    document = python_docx.Document()
    document.add_paragraph("Proposals", style="Heading 1")
    table = document.add_table(rows=1 + len(rows), cols=4)
    for r, cells in enumerate([(header, "Current text", "Proposed text", "Rationale"), *rows]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    path = tmp_path / "bare.docx"
    document.save(str(path))
    rep = validate(path, BASE_TEXT)
    assert [(p.outputs, p.heading) for p in rep.proposals] == [
        (["2.1"], None), (["2.7"], None), (["2.3"], None), (["2.1"], "Broadcasting")]
    assert [(f.code, f.text.split(" |")[0]) for f in rep.findings] == [("VAL002", "2.7"), ("VAL010", "2.3")]
    assert rep.failed
    table.cell(0, 0).text = "Section"
    document.save(str(path))
    assert [p.outputs for p in validate(path, BASE_TEXT).proposals] == [[], [], [], []]


def test_an_outcome_column_beside_an_output_one_and_numbers_not_bare(tmp_path) -> None:
    """Review of c3a2ec1: an "Expected outcome" column does not take the place from the Output
    column after it; "2.1/2.2", "2.1.3" and "2.1 (2018)" are no bare output number; a row adding
    text under an output number alone the base lacks adds that output (no VAL002)."""
    import docx as python_docx

    def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> Path:
        document = python_docx.Document()
        document.add_paragraph("Proposals", style="Heading 1")
        cells = document.add_table(rows=1 + len(rows), cols=len(header))
        for r, row in enumerate([header, *rows]):
            for c, text in enumerate(row):
                cells.cell(r, c).text = text
        path = tmp_path / f"t{len(list(tmp_path.iterdir()))}.docx"
        document.save(str(path))
        return path

    stolen = validate(table(("Expected outcome", "Output", "Current text", "Proposed text"),
                            [("More access", "2.1", RURAL_FIRST, RURAL_FIRST[:-1] + ", including satellite;")]), BASE_TEXT)
    assert [p.outputs for p in stolen.proposals] == [["2.1"]] and stolen.findings == []
    odd = validate(table(("Output", "Current text", "Proposed text"),
                         [(n, RURAL_FIRST, "x") for n in ("2.1/2.2", "2.1.3", "2.1 (2018)")]), BASE_TEXT)
    assert [p.outputs for p in odd.proposals] == [[], [], []]
    added = validate(table(("Output", "Current text", "Proposed text"),
                           [("2.4", "", "Products and services on satellite communications")]), BASE_TEXT)
    assert [(p.outputs, p.action) for p in added.proposals] == [(["2.4"], "add")]
    assert not [f for f in added.findings if f.code == "VAL002"] and not added.failed


def test_bare_numbers_under_an_outcome_column_are_outcomes(tmp_path) -> None:
    """An "Outcome" column is a place column too; "2.2" in it is Outcome 2.2, its row a place
    whole (no heading "Outcome 2.2")."""
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("Proposals", style="Heading 1")
    table = document.add_table(rows=2, cols=3)
    for r, cells in enumerate([("Outcome", "Current text", "Proposed text"),
                               ("2.2", "Number of CIRT that BDT has contributed to establish", "Number of CIRTs")]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    path = tmp_path / "outcome.docx"
    document.save(str(path))
    rep = validate(path, BASE_TEXT)
    assert [(p.outputs, p.outcomes, p.heading) for p in rep.proposals] == [([], ["2.2"], None)]
    assert [(r.kind, r.section) for r in rep.resolutions] == [("outcome", "outcome-2.2")]
    assert rep.findings == []


@pytest.mark.parametrize("proposal", [
    "Under Objective 2, add a new Output 2.4 – Products and services on satellite communications, after Output 2.3.",
    "ADD\tOutput 2.4 – Products and services on satellite communications",
    "Insert the following new output: Output 2.4 – Products and services on satellite communications.",
])
def test_adding_a_new_output_is_no_val002(tmp_path, proposal) -> None:
    """A proposal creating an output the base lacks ("add a new Output 2.4", ITU's "ADD Output
    2.4 – <title>") is what adding an output is, not an unknown output (before: VAL002, exit 1,
    for every contribution adding one). The output it goes after is no place it amends."""
    path = _quoting(tmp_path, proposal)
    rep = validate(path, BASE_TEXT)
    assert [(p.outputs, p.new_outputs, p.heading, p.action) for p in rep.proposals] == [
        (["2.4"], ["2.4"], None, "add")]
    assert [(r.output, r.output_section) for r in rep.resolutions] == [("2.4", None)]
    assert (rep.findings, rep.failed) == ([], False)
    result = run_cli("validate", str(path), "--against", str(BASE_TEXT))
    assert "Output 2.4 → new output" in result.stdout and result.returncode == 0


def test_an_outputs_short_title_names_the_output_itself(tmp_path) -> None:
    """"SUP Output 2.3 – Disaster risk reduction and emergency telecommunications", the output's
    title without its "Products and services on", names Output 2.3 itself (a black-box review:
    VAL004, no such heading); two words of its end, or three of fourteen, are no such name."""
    rep = validate(_quoting(tmp_path, "SUP\tOutput 2.3 – Disaster risk reduction and emergency telecommunications"),
                   CORPUS / "objective2-old.docx")
    # the deletion itself is in order; Objective 2's outcome table still listing 2.3 is VAL015
    assert [r.section for r in rep.resolutions] == ["output-2.3"] and [f.code for f in rep.findings] == ["VAL015"]
    rep = validate(_quoting(tmp_path, "SUP\tOutput 2.3 – emergency telecommunications"), CORPUS / "objective2-old.docx")
    assert [r.section for r in rep.resolutions] != ["output-2.3"]
    rep = validate(_quoting(tmp_path, "In Output 2.1, under “broadband and broadcasting”, add a new bullet on satellites."),
                   CORPUS / "objective2-old.docx")  # three words of a fourteen-word title: no name of it
    assert [f.code for f in rep.findings] == ["VAL004"]


def test_add_mark_with_a_heading_of_the_output_amends_it(tmp_path) -> None:
    """"ADD Output 2.1 – Broadcasting" where the base's Output 2.1 has a "Broadcasting" heading
    adds under that heading, as before new outputs were read (review of c3a2ec1: new Output 2.1
    and a VAL012)."""
    rep = validate(_quoting(tmp_path, "ADD\tOutput 2.1 – Broadcasting"), BASE_TEXT)
    assert [(p.outputs, p.new_outputs, p.heading) for p in rep.proposals] == [(["2.1"], [], "Broadcasting")]
    assert [r.section for r in rep.resolutions] == ["output-2.1/area-broadcasting"] and rep.findings == []


def test_a_new_outputs_number_taken_or_leaving_a_gap_is_val012(tmp_path) -> None:
    """Adding Output 2.2 beside the base's 2.2, or 2.9 after its last, 2.3, with 2.4 and 2.5
    added by other proposals: VAL012 (a warning) for those two; 2.4 and 2.5 are in order. An
    amendment inside an output the base lacks stays VAL002."""
    path = _quoting(tmp_path, "Add a new Output 2.2 – Satellite services, after Output 2.1.",
                    "Add a new Output 2.9 – Quantum networks.", "ADD Output 2.5 – Space services",
                    "Under Objective 2, add a new Output 2.4 – Sky services.",
                    "ADD Output 2.7, Rural communications, new bullet: supporting community networks")
    found = [(f.code, f.severity, _proposal(f)) for f in validate(path, BASE_TEXT).findings]
    assert found == [("VAL012", "warning", "1"), ("VAL012", "warning", "2"), ("VAL002", "error", "5")]
    messages = [f.message for f in validate(path, BASE_TEXT).findings]
    assert "a number the base already has" in messages[0]
    assert messages[1].endswith("end at 2.3 and no proposal adds 2.8: a gap in the numbering (the next free number is 2.6)")


def _text_contribution(tmp_path: Path, *lines: str) -> Path:
    """A .txt contribution: a title, a "Proposal" heading and the typed proposal lines."""
    path = tmp_path / "contribution.txt"
    path.write_text("\n".join(["Contribution from Testland", "", "Proposal", *lines, ""]), encoding="utf-8")
    return path


def test_a_new_output_under_an_objective_the_base_lacks_is_val013(tmp_path) -> None:
    """Adding Output 6.1 under "Objective 6", or ITU's "ADD Output 5.1 – <title>", to the Buenos
    Aires plan, whose objectives are 1 to 4: VAL013, an error (a black-box review: accepted
    silently, as a new output whose objective has no outputs to follow). An excerpt base
    (Objective 2 alone) is not judged, nor a contribution whose amended text adds the objective."""
    import docx

    word = docx.Document()
    word.add_paragraph("Contribution from Testland")
    word.add_paragraph("Proposals", style="Heading 1")
    word.add_paragraph("1. Under Objective 6, add a new Output 6.1 – Products and services on artificial "
                       "intelligence for development.")
    word.save(str(tmp_path / "c.docx"))
    rep = validate(tmp_path / "c.docx", BA)
    assert [(f.code, f.severity, _proposal(f)) for f in rep.findings] == [("VAL013", "error", "1")]
    assert "Objective 6, which the base does not have (it has Objectives 1–4)" in rep.findings[0].message
    assert rep.failed
    text = _text_contribution(tmp_path, "1. ADD\tOutput 5.1 – Products and services on AI for development",
                              "2. ADD\tOutput 2.4 – Products and services on satellite connectivity")
    assert [(f.code, _proposal(f)) for f in validate(text, BA).findings] == [("VAL013", "1")]
    assert validate(text, BASE_TEXT).findings == []
    added = tmp_path / "objective5.md"
    added.write_text("# Proposals\n\n1. Under Objective 5, add a new Output 5.1 – AI for development.\n\n"
                     "# Detailed modifications are as follows:\n\nObjective 5 – Inclusive digital transformation\n\n"
                     "Output 5.1 – AI for development\n\nBackground\n\nAI matters for development.\n", encoding="utf-8")
    assert "VAL013" not in codes(validate(added, BA).findings)


def test_two_proposals_adding_one_new_output_number_is_val012(tmp_path) -> None:
    """Two proposals adding Output 2.4 with two titles (a black-box review: accepted silently):
    VAL012 on the second, naming the first and its title."""
    path = _text_contribution(tmp_path, "1. ADD Output 2.4 – Products and services on satellite connectivity",
                              "2. ADD Output 2.4 – Products and services on HAPS",
                              "3. ADD Output 2.5 – Products and services on quantum networks")
    (found,) = validate(path, BASE_TEXT).findings
    assert (found.code, found.severity, _proposal(found), found.loc.line) == ("VAL012", "warning", "2", 5)
    assert "which Proposal 1 adds too (“Products and services on satellite connectivity”)" in found.message


def test_an_output_the_contribution_adds_is_no_ref001_in_check(tmp_path) -> None:
    """`trace check` on a contribution adding Output 2.4: the registry cannot know it yet, as a
    plan's own new output is no REF001; an output it only names still is."""
    from actionplan_trace.validate.check import check_file
    from actionplan_trace.validate.findings import finding_table

    path = _quoting(tmp_path, "Under Objective 2, add a new Output 2.4 – Satellite services, after Output 2.3.",
                    "In Output 2.1, under “Rural communications”, add texts in line with Output 2.9.")
    found = check_file(str(path), tuple(finding_table()), None, None)["findings"]
    assert [f["ref"].split("@")[0] for f in found if f["code"] == "REF001"] == ["ITU-D-OUTPUT-2.9"]


def test_an_output_the_contribution_adds_is_no_ref001_in_refs(tmp_path) -> None:
    """`trace refs` says of that contribution what `trace check` says: REF001 for the output it
    only names (2.9), none for the one it adds (2.4); both are still cited."""
    from actionplan_trace import app

    path = _quoting(tmp_path, "Under Objective 2, add a new Output 2.4 – Satellite services, after Output 2.3.",
                    "In Output 2.1, under “Rural communications”, add texts in line with Output 2.9.")
    report = app.references([path])
    assert {"ITU-D-OUTPUT-2.4", "ITU-D-OUTPUT-2.9"} <= {r.id.split("@")[0] for r in report.refs}
    assert [f.ref.split("@")[0] for f in report.findings if f.code == "REF001" and f.ref] == ["ITU-D-OUTPUT-2.9"]


@pytest.mark.parametrize(("plan", "expected"), [
    ("the Kigali Action Plan (WTDC-22)", ["the contribution names the ITU-D Action Plan WTDC-22, but the base is WTDC-17: "
                                          "validate it against the WTDC-22 edition"]),
    ("the Buenos Aires Action Plan (WTDC-17)", []),
])
def test_a_contribution_to_another_edition_of_the_plan_is_val011(tmp_path, plan, expected) -> None:
    """Proposals for the Kigali Action Plan validated against the Buenos Aires one: a warning that
    the base is another edition (before: nothing, the outputs looked up in the wrong plan)."""
    path = tmp_path / "other-edition.md"
    path.write_text(f"# Abstract\n\nThis contribution proposes amendments to {plan}, Priority 2.\n\n# Proposals\n\n"
                    "1. In Output 2.1, under “Rural communications”, add texts regarding community networks.\n",
                    encoding="utf-8")
    assert [f.message for f in validate(path, BA).findings if f.code == "VAL011"] == expected


def _objective_table_contribution(path: Path, proposal: str) -> Path:
    """A contribution amending a row of Objective 2's table: one indicator inserted, tracked."""
    import docx as python_docx
    from contribgen import _Marker

    plan = load(BASE_TEXT)
    document = python_docx.Document()
    document.add_paragraph("Proposals", style="Heading 1")
    document.add_paragraph(proposal)
    document.add_paragraph("Detailed modifications are as follows:")
    document.add_paragraph(plan.section("objective-2").heading.splitlines()[0], style="Heading 2")
    rows = [s for s in plan.sections if s.kind == "outcome"]
    table = document.add_table(rows=1 + len(rows), cols=3)
    (header,) = [b.rows[0] for b in plan.section("objective-2").blocks if b.rows]
    for c, cell in enumerate(header):
        table.cell(0, c).text = cell.text
    for r, row in enumerate(rows, start=1):
        for c, field in enumerate(("outcome", "indicators", "outputs")):
            table.cell(r, c).text = "\n".join(b.text for b in row.blocks if b.field == field)
    inserted = table.cell(2, 1).add_paragraph("Number of countries with a national CIRT")
    _Marker("Examplia").whole_paragraph(inserted._p, "w:ins")
    document.save(str(path))
    return path


def test_a_proposal_for_an_outcome_row_covers_that_row(tmp_path) -> None:
    """"In Outcome 2.2, add a performance indicator …" with the indicator inserted (tracked) in
    Outcome 2.2's row of the objective's table: the proposal resolves to outcome-2.2 and its
    revision mark is placed in that row, no finding (before: VAL001 'names no output' and VAL005
    for a mark placed in Objective 2)."""
    path = _objective_table_contribution(
        tmp_path / "row.docx", "1. In Outcome 2.2, add the performance indicator “Number of countries with a national CIRT”.")
    rep = validate(path, BASE_TEXT)
    assert [(p.outcomes, p.action) for p in rep.proposals] == [(["2.2"], "add")]
    assert [(r.kind, r.section) for r in rep.resolutions] == [("outcome", "outcome-2.2")]
    assert {(r.revision.section, tuple(r.proposals)) for r in rep.revisions} == {("outcome-2.2", ("1",))}
    assert rep.findings == []
    wrong = _objective_table_contribution(
        tmp_path / "wrong.docx", "1. In Outcome 2.1, add the performance indicator “Number of countries with a national CIRT”.")
    assert codes(validate(wrong, BASE_TEXT).findings) == ["VAL005", "VAL008"]


def test_an_outcome_named_after_the_action_is_no_place() -> None:
    from actionplan_trace.validate.proposals import parse_proposal

    assert parse_proposal("In Outcome 2.1, modify the indicator “A b c” to read “A b c d”.").outcomes == ["2.1"]
    named_after = parse_proposal("In Output 2.1, add text on drills contributing to Outcome 2.1.")
    assert (named_after.outputs, named_after.outcomes) == (["2.1"], [])


def test_proposals_without_amended_text_are_not_each_unamended(tmp_path) -> None:
    """A contribution of proposals only (no amended text to look in) gets no VAL008: there is no
    place to find the amendment in (a regression of the excerpt change gave one per proposal)."""
    path = _quoting(tmp_path, "In Output 2.1, under “Rural communications”, add texts regarding community networks.",
                    "In Output 2.1, under “Rural communications”, replace “Rural populations will need to be provided "
                    "with telephony and broadband access” with “Rural populations need affordable broadband access”.")
    assert validate(path, BASE_TEXT).findings == []


def test_a_rationale_naming_an_outcome_is_no_proposal(tmp_path) -> None:
    """"These additions would contribute to Outcome 2.1" in the proposals section names the
    outcome after its verb: a rationale, not a proposal."""
    path = _quoting(tmp_path, "In Output 2.1, under “Rural communications”, add texts regarding community networks.")
    path.write_text(path.read_text(encoding="utf-8") + "\nThese additions would contribute to the achievement of "
                    "Outcome 2.1 and support the connectivity targets.\n", encoding="utf-8")
    rep = validate(path, BASE_TEXT)
    assert [(p.number, p.outputs, p.outcomes) for p in rep.proposals] == [("1", ["2.1"], [])]
    assert rep.findings == []


def _boxed_proposals(target: Path, layout: str) -> Path:
    """The TDAG contribution with its four proposals typed in one-column tables: a table each
    ("each"), one table of a row each ("rows") or one cell ("cell")."""
    import copy

    import docx

    document = docx.Document(str(TDAG))
    proposals = document.paragraphs[10:14]
    tables = [document.add_table(rows=0, cols=1) for _ in (proposals if layout == "each" else [None])]
    for k, paragraph in enumerate(proposals):
        table = tables[k] if layout == "each" else tables[0]
        cell = table.add_row().cells[0] if layout != "cell" or k == 0 else table.rows[0].cells[0]
        if k == 0 or layout != "cell":
            cell._tc.remove(cell.paragraphs[0]._p)
        cell._tc.append(copy.deepcopy(paragraph._p))
    anchor = proposals[-1]._p
    for table in reversed(tables):
        anchor.addnext(table._tbl)
    for paragraph in proposals:
        paragraph._p.getparent().remove(paragraph._p)
    document.save(str(target))
    return target


@pytest.mark.parametrize("layout", ["each", "rows", "cell"])
def test_proposals_typed_in_one_column_tables_are_read(tmp_path: Path, layout: str) -> None:
    """Proposals a contribution types in boxes, one-column tables (no Output / Proposal columns),
    are its proposals, with the findings the contribution gets when they are paragraphs."""
    path = _boxed_proposals(tmp_path / f"boxed-{layout}.docx", layout)
    plan = CORPUS / "action-plan-ba.docx"
    boxed, typed = validate(path, plan), validate(TDAG, plan)
    assert [(p.number, p.outputs, p.heading) for p in boxed.proposals] == [
        (p.number, p.outputs, p.heading) for p in typed.proposals]
    assert len(boxed.proposals) == 4
    assert sorted(f.code for f in boxed.findings) == sorted(f.code for f in typed.findings)


def test_a_heading_found_under_its_output_is_not_searched_for_in_the_rest_of_the_base(tmp_path, monkeypatch):
    """Found in review: 2,000 proposals, each naming a heading under its output, took over 70 s
    against a 0.4 MB base: each heading was scored against every title of the base. A heading
    found word for word under its output is taken without the search elsewhere, which could not
    change the verdict."""
    from actionplan_trace.validate import contribution

    outputs = [f"{1 + i // 90}.{i % 90 + 1}" for i in range(1, 201)]
    base = ["Objective 1 – Infrastructure", ""]
    for i, number in enumerate(outputs, 1):
        base += [f"Output {number}", f"Products and services number {i}", "1. Background", f"Background text {i}.",
                 "2. Implementation framework", f"Programme: Networks {i}", f"Rural communications area {i}", ""]
    base += ["Output 9.9", "Products and services closing the plan", "1. Background", "Background text.", ""]
    proposals = ["Abstract:", "Amendments.", "Proposal"] + [
        f"In Output {number}, under “Rural communications area {i}”, add texts regarding satellites."
        for i, number in enumerate(outputs, 1)]
    (tmp_path / "base.txt").write_text("\n".join(base), encoding="utf-8")
    (tmp_path / "contribution.txt").write_text("\n".join(proposals), encoding="utf-8")
    scored = []
    real = contribution._folded_score
    monkeypatch.setattr(contribution, "_folded_score", lambda a, b: scored.append(b) or real(a, b))
    report = validate(tmp_path / "contribution.txt", tmp_path / "base.txt")
    resolved = report.resolutions
    assert len(resolved) == 200 and all(r.score == 100.0 for r in resolved)
    assert [r.title for r in resolved[:2]] == ["Rural communications area 1", "Rural communications area 2"]
    assert len(scored) < 20 * 200  # each against its output's few titles, not the base's 1,400


def test_a_quotation_not_under_its_output_is_looked_for_once_per_section(tmp_path, monkeypatch):
    """Found in review: 5,000 proposals, each quoting text its output lacks, took 87 s against
    a base of 0.9 MB: for each, every section's text was made comparable again and searched.
    Each section's text is made once now, and a quotation is looked for only in the sections
    holding the rarest whole word inside it; VAL010 names the same first section holding it as
    a search of every section in order does."""
    from actionplan_trace.diff.ignore import comparable
    from actionplan_trace.validate import contribution

    base = ["Objective 1 – Infrastructure", ""]
    for o in range(1, 31):
        base += [f"Output 1.{o}", f"Products number {o}", "1. Background",
                 f"Background of output {o} builds broadband maps for region {o % 4}.", ""]
    proposals = ["Abstract:", "Amendments.", "Proposal"]
    for i in range(300):
        o, other = i % 30 + 1, (i * 7) % 30 + 1
        quote = (f"builds broadband maps for region {other % 4}" if i % 3 == 0 else
                 f"Background of output {other} builds" if i % 3 == 1 else f"plans nowhere written {i}")
        proposals.append(f"In Output 1.{o}, replace “{quote}” with “new text {i}”.")
    (tmp_path / "base.txt").write_text("\n".join(base), encoding="utf-8")
    (tmp_path / "contribution.txt").write_text("\n".join(proposals), encoding="utf-8")
    made: list[int] = []
    real = contribution._text_of
    monkeypatch.setattr(contribution, "_text_of", lambda sections: made.append(len(sections)) or real(sections))
    report = validate(tmp_path / "contribution.txt", tmp_path / "base.txt")
    sections = load(tmp_path / "base.txt").sections
    assert len(made) <= len(sections) + 30  # each section's own text, and each output's subtree, once

    def first_holding(quote: str):  # every section in order, as the search was
        key = comparable(quote)
        return next((s.id for s in sections
                     if key in comparable("\n".join([s.title or "", *(b.text for b in s.blocks)]))), None)

    def under_own_output(proposal: str) -> bool:
        output, quote = proposal.split(",")[0].split()[-1], proposal.split("“")[1].split("”")[0]
        return comparable(quote) in comparable("\n".join(
            part for s in sections if s.id == f"output-{output}" or s.id.startswith(f"output-{output}/")
            for part in [s.title or "", *(b.text for b in s.blocks)]))

    found = {f.text: f.ref for f in report.findings if f.code == "VAL010"}
    assert sorted(found) == sorted(p for p in proposals[3:] if not under_own_output(p))
    assert 150 < len(found) < 300
    for text, ref in found.items():
        assert ref == first_holding(text.split("“")[1].split("”")[0]), text
    assert sum(ref is None for ref in found.values()) == 100


@pytest.mark.parametrize("header", [("Proposal", "Reason"), ("Proposals", "Reasons"), ("Reason", "Proposed amendment")])
def test_a_proposal_reason_table_reads_each_proposal_cell_and_no_reason(tmp_path, header) -> None:
    """A two-column "Proposal | Reason" table (a black-box review, c15/c15b: VAL009, no proposals
    found): each row's Proposal cell is a proposal, read as the paragraph it would be (ITU marks,
    "In Output …" sentences, a colon and the quoted text on the cell's next paragraph); the
    Reason cell, though it names outputs, is none."""
    import docx as python_docx

    rows = [
        ["MOD\tOutput 2.1, Rural communications, first bullet: " + RURAL_FIRST.replace("rural,", "rural, remote,"),
         "Outputs 2.1 and 2.3 should cover remote areas."],
        ["In Output 2.1, under “Broadcasting”, delete the bullet:\n“" + BROADCAST_LAST + "”", "Covered by Output 2.2."],
        ["SUP\tOutput 2.9, Broadcasting, second bullet", "Covered elsewhere."],
        ["ADD\tOutput 2.4 – Products and services on satellite connectivity", "New area."],
    ]
    document = python_docx.Document()
    document.add_paragraph("Contribution from the Delegation of Examplia", style="Title")
    document.add_paragraph("Proposals", style="Heading 1")
    proposal_col = header.index(next(h for h in header if h.startswith("Propos")))
    table = document.add_table(rows=1 + len(rows), cols=2)
    table.style = "Table Grid"
    for c, text in enumerate(header):
        table.cell(0, c).paragraphs[0].add_run(text).bold = True
    for r, (proposal, reason) in enumerate(rows, start=1):
        cell = table.cell(r, proposal_col)
        first, *more = proposal.split("\n")
        cell.text = first
        for line in more:
            cell.add_paragraph(line)
        table.cell(r, 1 - proposal_col).text = reason
    path = tmp_path / "proposal-reason.docx"
    document.save(str(path))
    rep = validate(path, BASE_TEXT)
    assert [(p.number, p.action, p.outputs, p.heading) for p in rep.proposals] == [
        ("1", "modify", ["2.1"], "Rural communications"), ("2", "delete", ["2.1"], "Broadcasting"),
        ("3", "delete", ["2.9"], "Broadcasting"), ("4", "add", ["2.4"], None)]
    assert [(f.code, _proposal(f)) for f in rep.findings] == [("VAL002", "3")]


def _itu_marked(tmp_path: Path) -> Path:
    """A .docx in ITU's style: each mark with the proposal's number ("MOD<tab>AFCP/12/1"), the place
    and text on the next paragraph (for the new output, a heading), then its reasons, which name outputs."""
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("Contribution from African Common Proposals", style="Title")
    document.add_paragraph("Proposals", style="Heading 1")

    def marked(mark: str, number: str) -> None:
        paragraph = document.add_paragraph()
        paragraph.add_run(mark).bold = True
        paragraph.add_run("\t" + number)

    marked("MOD", "AFCP/12/1")
    document.add_paragraph("Output 2.1, Rural communications, first bullet: " + RURAL_FIRST.replace("rural,", "rural, remote,"))
    document.add_paragraph("Reasons: Outputs 2.1 and 2.3 should cover remote areas.")
    marked("ADD", "AFCP/12/2")
    document.add_paragraph("Output 2.4 – Products and services on satellite connectivity", style="Heading 2")
    document.add_paragraph("Reasons: Satellite connectivity is not covered by Outputs 2.1 to 2.3.")
    document.add_paragraph("SUP\tAFCP/12/3\tOutput 2.3")
    document.add_paragraph("Motifs : merged into Output 2.1.")
    path = tmp_path / "itu-marked.docx"
    document.save(str(path))
    return path


def _reasons_heading(tmp_path: Path) -> Path:
    """A Markdown contribution: numbered proposals, each with a "Reason:" line, then a "Reasons" heading."""
    path = tmp_path / "reasons.md"
    path.write_text(
        "Contribution from Testland\n\n## Proposal\n\n"
        f"1. MOD Output 2.1, Rural communications, first bullet: {RURAL_FIRST.replace('rural,', 'rural, remote,')}\n\n"
        "   Reason: Output 2.1 should cover remote areas.\n\n"
        "2. ADD Output 2.4 – Products and services on satellite connectivity\n\n"
        "Reason: Satellite connectivity is not covered by Outputs 2.1 to 2.3.\n\n"
        "3. SUP Output 2.3\n\n## Reasons\n\nOutput 2.3 is covered by Output 2.1.\n\nOutput 2.2 stays.\n",
        encoding="utf-8")
    return path


@pytest.mark.parametrize(("make", "numbers"), [(_itu_marked, ["AFCP/12/1", "AFCP/12/2", "AFCP/12/3"]),
                                               (_reasons_heading, ["1", "2", "3"])])
def test_reasons_belong_to_the_proposal_before_and_itu_numbers_are_proposal_numbers(tmp_path, make, numbers) -> None:
    """A black-box review (c04, c27, c36, c46): "Reason:" paragraphs and those under a "Reasons"
    heading, naming outputs, were proposals with no action (VAL001); "MOD<tab>XYZ/12/1" with the
    place on the next paragraph was read as no action and the ADD of Output 2.4 was lost. ITU's
    number ("AFCP/12/1") is the proposal's; its place and text may be on the next paragraph."""
    rep = validate(make(tmp_path), BASE_TEXT)
    assert [(p.number, p.action, p.outputs, p.heading) for p in rep.proposals] == [
        (numbers[0], "modify", ["2.1"], "Rural communications"), (numbers[1], "add", ["2.4"], None),
        (numbers[2], "delete", ["2.3"], None)]
    assert rep.proposals[1].new_outputs == ["2.4"]
    assert [f.code for f in rep.findings] == ["VAL015"]  # Outcome 2.3's row still lists the deleted 2.3


def test_a_quotation_nearly_in_its_place_names_the_words_that_differ(tmp_path) -> None:
    """A black-box review (c09, c30, c31, c53, c56): a quotation one word off a paragraph of the
    place it names was VAL010 "… nor anywhere else in the base", cut before the wrong word. The
    message now says which words differ, and shows the quotation from a little before the first."""
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("Contribution from the Delegation of Examplia", style="Title")
    document.add_paragraph("Proposals", style="Heading 1")
    proposals = [
        "In Output 2.1, under “Background”, delete “Communications no longer just connect people: the Internet of "
        "Things (IoT) as well as Smart Grids concepts are not fast becoming a reality.”",
        "In Output 2.1, under “Rural communications”, replace «providing information on suitable technologies for "
        "access, backhaul and source of power supply to bring telecommunications to rural, underserved and "
        "unserved areas» with «providing information on suitable technologies for remote areas».",
        "In Output 2.3, under ‘Sustainable development goals and targets’, replace ‘13 (targets 13.1, 13.2, 13.4)’ "
        "with ‘13 (targets 13.1, 13.2, 13.3, 13.b)’.",
        "In Output 2.1, under \"Broadcasting\", delete \"organizing regional meetings between ITU members on teh use "
        "of spectrum for broadcasting services\".",
        "In Output 2.1, under “Rural communications”, delete “providing satellite phones free of charge to every village”.",
    ]
    for k, text in enumerate(proposals, start=1):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{k}.\t").bold = True
        paragraph.add_run(text)
    path = tmp_path / "near-quotes.docx"
    document.save(str(path))
    # a quotation nearly in its place is VAL016, a warning; one nowhere is VAL010, an error
    findings = [f for f in validate(path, BASE_TEXT).findings if f.code in ("VAL010", "VAL016")]
    assert [(f.code, f.severity) for f in findings] == [("VAL016", "warning")] * 4 + [("VAL010", "error")]
    found = [f.message for f in findings]
    assert [m.split(": ", 1)[-1] if "nearly the same" in m else m.rsplit(", ", 1)[-1] for m in found] == [
        "the proposal quotes “not”, which the base does not have",
        "the base has “unserved and underserved” where the proposal quotes “underserved and unserved”",
        "the base has “13.3” where the proposal quotes “13.4”",
        "the base has “the” where the proposal quotes “teh”",
        "nor anywhere else in the base",
    ]
    assert "Output 2.1 › Background; a paragraph there is nearly the same" in found[0]
    assert "concepts are not fast becoming a reality”" in found[0] and found[0].startswith("Proposal 1 quotes “…")
    assert "rural, underserved and unserved" in found[1]


def test_a_quotation_on_the_paragraph_after_a_colon_is_checked(tmp_path) -> None:
    """A black-box review (c34): "delete the second bullet:" with the bullet quoted on the next
    paragraph, one word off the base, gave no finding (the quotation was taken as new text, not
    as the text to delete) and the proposal's text read "bullet:: …". The quotation is what the
    proposal deletes, checked as any other (VAL016, one word off); a right one gives none."""
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("Contribution from the Delegation of Examplia", style="Title")
    document.add_paragraph("Proposals", style="Heading 1")
    document.add_paragraph("In Output 2.1, under “Broadcasting”, delete the second bullet:", style="List Number")
    document.add_paragraph("«organizing regional meetings between ITU members on the use of spectrum for broadcasting "
                           "and other services.»").paragraph_format.left_indent = python_docx.shared.Cm(1)
    document.add_paragraph("In Output 2.1, under “Rural communications”, delete the following bullet:", style="List Number")
    document.add_paragraph(f"“{RURAL_FIRST}”", style="Quote")
    path = tmp_path / "colon.docx"
    document.save(str(path))
    rep = validate(path, BASE_TEXT)
    assert [(p.action, p.old) for p in rep.proposals] == [
        ("delete", "organizing regional meetings between ITU members on the use of spectrum for broadcasting and other "
                   "services."), ("delete", RURAL_FIRST)]
    assert rep.proposals[0].text.startswith("the second bullet: organizing regional")
    (val010,) = [f for f in rep.findings]
    assert val010.code == "VAL016" and val010.message.startswith("Proposal 1 ")
    assert val010.message.endswith("the base has “services”, which the proposal leaves out")


def test_an_output_under_an_objective_a_proposal_adds_is_no_val013(tmp_path) -> None:
    """A regression review: a contribution adding Objective 5 by one proposal and its Output 5.1
    by the next got VAL013, an error, since only objectives in the amended text counted."""
    for first in ("1. Add a new Objective 5 – Artificial intelligence for development.",
                  "1. ADD\tObjective 5 – Artificial intelligence for development"):
        text = _text_contribution(tmp_path, first, "2. Under Objective 5, add a new Output 5.1 – Products and services on AI.")
        assert "VAL013" not in codes(validate(text, BA).findings), first


def test_a_proposal_adding_a_new_objective_names_its_place(tmp_path) -> None:
    """"Add a new Objective 5 – …" (the README's form, or ITU's "ADD<tab>Objective 5 – …") names
    the objective it creates: a black-box review found VAL001 "names no output" on it. The
    objective is its `new_objectives`; a proposal adding nothing still names no output."""
    for first in ("1. Add a new Objective 5 – Emerging technologies: foster the use of emerging technologies for "
                  "development.", "1. ADD\tObjective 5 – Emerging technologies"):
        text = _text_contribution(tmp_path, first, "2. Under Objective 5, add a new Output 5.1 – Products and services "
                                  "on artificial intelligence for development.")
        rep = validate(text, BA)
        assert [(p.action, p.outputs, p.new_objectives) for p in rep.proposals] == [
            ("add", [], ["5"]), ("add", ["5.1"], [])], first
        assert rep.findings == [], first
        assert json.loads(json.dumps(rep.proposals[0].to_dict()))["new_objectives"] == ["5"]
    text = _text_contribution(tmp_path, "1. Add a sentence on emerging technologies.")
    assert [(f.code, f.message.split(" (")[0]) for f in validate(text, BA).findings] == [
        ("VAL001", "Proposal 1 names no output or outcome")]


def test_moving_a_bullet_is_an_action_whose_text_the_base_must_have(tmp_path) -> None:
    """"Move the bullet “…” to the top of the list": a black-box review found VAL001 "names no
    action" on it. It is the action `move`, its quotation `old`, looked for as a deletion's is
    (VAL010 for a bullet the heading does not have)."""
    cyber = "In Output 2.2, under “Cybersecurity”,"
    path = _quoting(
        tmp_path,
        f"{cyber} move the bullet “establish a culture of cybersecurity by sharing good practices collected through "
        "the Global Cybersecurity Index (GCI);” to the top of the list.",
        f"{cyber} move the bullet “organize summer schools on cybersecurity for young professionals” to the end.",
    )
    rep = validate(path, BASE_TEXT)
    assert [(p.action, p.old) for p in rep.proposals] == [
        ("move", "establish a culture of cybersecurity by sharing good practices collected through the Global "
                 "Cybersecurity Index (GCI);"),
        ("move", "organize summer schools on cybersecurity for young professionals")]
    assert [(f.code, _proposal(f)) for f in rep.findings] == [("VAL010", "2")]


_CYBERDRILLS = ("organize cyberdrills at national and regional level, to strengthen institutional cooperation and "
                "coordination among the key actors and stakeholder;")
_GCI = ("establish a culture of cybersecurity by sharing good practices collected through the Global Cybersecurity "
        "Index (GCI);")


def test_a_sup_block_quoting_part_of_a_bullet_is_val010(tmp_path) -> None:
    """An ITU SUP block's text is the paragraphs it suppresses: half of a bullet (which a black-box
    review found passed silently) is VAL010, as the half-bullet left behind cannot be what is
    meant. Whole bullets pass, as does a SUP whose instruction quotes the
    words it deletes ("Delete “…”.", read as in prose)."""
    import docx

    word = docx.Document()
    word.add_paragraph("Contribution from Testland")
    word.add_paragraph("Proposals", style="Heading 1")
    blocks = [["organize cyberdrills at national and regional level;"], [_CYBERDRILLS], [_GCI],
              ["Delete “at national and regional level”."]]
    for n, lines in enumerate(blocks, start=1):
        for line in (f"SUP\tTST/1/{n}", "Output 2.2", "Programme: Cybersecurity", *lines, "Reasons: covered elsewhere."):
            word.add_paragraph(line)
    word.save(str(tmp_path / "c.docx"))
    rep = validate(tmp_path / "c.docx", CORPUS / "objective2-old.docx")
    assert [(p.number, p.action) for p in rep.proposals] == [(f"TST/1/{n}", "delete") for n in range(1, 5)]
    assert [(f.code, f.severity, f.message) for f in rep.findings] == [(
        "VAL010", "error", "Proposal TST/1/1 suppresses “organize cyberdrills at national and regional level”, which is "
        "only part of a paragraph of Output 2.2 › Cybersecurity: SUP deletes whole paragraphs (quote the whole bullet, "
        "or propose deleting the words in prose)")]


def test_a_sup_line_with_its_text_in_brackets_after_the_colon_deletes_the_bracketed_text(tmp_path) -> None:
    """"SUP⇥Output 2.2, Cybersecurity, bullet: (…)": README reads the text after the colon or in
    brackets as the deleted text; a black-box review found the brackets kept with the colon (a
    false VAL016). Brackets inside the text stay ("Index (GCI)"), and a text opening with a
    bracket that closes early is not unbracketed."""
    import docx
    from docx.shared import Pt

    for font, size, line, old in (
            (None, None, f"SUP\tOutput 2.2, Cybersecurity, bullet: ({_GCI})", _GCI.rstrip(";")),
            ("Arial", 10, f"SUP Output 2.2, Cybersecurity, third bullet: ({_CYBERDRILLS}).", _CYBERDRILLS.rstrip(";")),
            ("Times New Roman", 13, "SUP\tOutput 2.2, Cybersecurity, bullet: (a) first (b) second", "(a) first (b) second")):
        word = docx.Document()
        word.add_paragraph("Contribution from Testland")
        word.add_paragraph("Proposals", style="Heading 1")
        for text in (line, "Reasons: covered elsewhere."):
            run = word.add_paragraph().add_run(text)
            run.font.name, run.font.size = font, Pt(size) if size else None
        word.save(str(tmp_path / "c.docx"))
        rep = validate(tmp_path / "c.docx", CORPUS / "objective2-old.docx")
        assert [(p.action, p.outputs, p.heading, p.old) for p in rep.proposals] == [
            ("delete", ["2.2"], "Cybersecurity", old)], line
        if old != "(a) first (b) second":
            assert rep.findings == [], line


def test_an_itu_number_alone_then_a_proposal_in_words_is_that_proposal(tmp_path) -> None:
    """"MOD<tab>AFCP/12/1" on its own, then a proposal in its own words on the next paragraph: a
    regression review found the two read as one marked proposal, every word after the output a
    heading (a false VAL004) and the action 'modify'. The words are the proposal, numbered
    AFCP/12/1; a place and title alone ("Output 2.4 – <title>") still joins the mark."""
    for words, heading in (('In Output 2.1, under "Rural communications", add a new bullet on community networks.',
                            "Rural communications"),
                           ("Output 2.1, Rural communications, add a new bullet on community networks.", None)):
        path = tmp_path / "c.txt"
        path.write_text(f"Proposal\n\nMOD\tAFCP/12/1\n\n{words}\n", encoding="utf-8")
        rep = validate(path, BA)
        assert [(p.number, p.action, p.outputs, p.heading) for p in rep.proposals] == [
            ("AFCP/12/1", "add", ["2.1"], heading)], words
        assert rep.findings == []


ITU_MARKED_LINES = [
    ("MOD\tTST/1/1", "Output 2.1, Rural communications, first bullet: " + RURAL_FIRST.replace(
        "power supply", "power supply, including community networks,")),
    ("MOD\tTST/1/2", "Output 2.1, Sustainable Development Goals and Targets: Output 2.1 will contribute to the "
                     "achievement of the following UN SDGs: 1 (targets 1.4, 1.5), 4 (target 4.4)"),
    ("MOD\tTST/1/3", "Output 2.1, WSIS action lines: The implementation of the WSIS Action Lines C1, C2, C3, C6, C9 "
                     "and C11 will support the Output 2.1 and will contribute to the achievement of Outcome 2.1"),
]


@pytest.mark.parametrize("gap", ["", "\n"])
def test_itu_marks_with_their_place_on_the_next_line_of_a_text_file(tmp_path: Path, gap: str) -> None:
    """"MOD<tab>TST/1/1", then its place and text on the next line: a black-box review found a
    .txt whose proposals stood on consecutive lines read as one proposal (four of five dropped
    without a word: the text reader took the lines for a tab-separated table, and only its first
    row opened with a mark), and a MOD whose amended text says "including" read as an "add" with
    no heading. The place ends at its first colon: an output or outcome the amended text names
    is no place, and a heading is no longer taken from the text ("UN SDGs")."""
    lines = [line for pair in ITU_MARKED_LINES for line in pair]
    path = tmp_path / "marked.txt"
    path.write_text("Contribution from Testland\n\nProposal\n\n" + "\n".join(line + "\n" + gap for line in lines),
                    encoding="utf-8")
    rep = validate(path, BA)
    assert [(p.number, p.action, p.outputs, p.outcomes, p.heading) for p in rep.proposals] == [
        ("TST/1/1", "modify", ["2.1"], [], "Rural communications"),
        ("TST/1/2", "modify", ["2.1"], [], "Sustainable Development Goals and Targets"),
        ("TST/1/3", "modify", ["2.1"], [], "WSIS action lines"),
    ]
    assert rep.proposals[1].new.startswith("Output 2.1 will contribute to the achievement of the following UN SDGs: 1")
    assert rep.proposals[2].new.endswith("will support the Output 2.1 and will contribute to the achievement of Outcome 2.1")
    assert [f.code for f in rep.findings] == []


def test_a_suppressed_output_named_alone_before_its_reason(tmp_path: Path) -> None:
    """"SUP<tab>TST/1/1", "Output 2.3", "Reasons: …", each its own paragraph (the README's form
    with the place on the next paragraph): the structure reads "Output 2.3" as an output heading
    and the reason as its title, and the proposal was "Output 2.3 and Output 2.1 under “.”",
    with two false VAL004. The reason is no part of the place."""
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("Contribution from Testland", style="Title")
    document.add_paragraph("Proposals", style="Heading 1")
    for number, output, reason in (("TST/1/1", "Output 2.3", "Reasons: merged into Output 2.1."),
                                   ("TST/1/2", "Output 4.4", "Reasons: obsolete.")):
        document.add_paragraph(f"SUP\t{number}")
        document.add_paragraph(output)
        document.add_paragraph(reason)
    path = tmp_path / "sup.docx"
    document.save(str(path))
    rep = validate(path, BA)
    assert [(p.number, p.action, p.outputs, p.heading) for p in rep.proposals] == [
        ("TST/1/1", "delete", ["2.3"], None), ("TST/1/2", "delete", ["4.4"], None)]
    # no false VAL004; each deleted output is still listed in its outcome's row (VAL015)
    assert [(f.code, f.text) for f in rep.findings] == [
        ("VAL015", "2.3 - Disaster risk reduction and emergency telecommunications"),
        ("VAL015", "4.4 - ICT climate-change adaptation and mitigation")]


def test_references_in_the_text_a_proposal_puts_into_the_plan_are_checked(tmp_path: Path) -> None:
    """An ITU-style contribution gives its amended text after the mark, with no amended part: a
    black-box review found a non-existent SDG target and WSIS action line there unflagged (exit 0).
    The text is read as the base section it goes into reads its own: under "WSIS action lines"
    a bare "C12" is an action line. Its plan-internal ids take the base's edition, so there is
    no REF013 asking for an --edition validate does not have."""
    path = tmp_path / "badrefs.txt"
    path.write_text(
        "Contribution from Testland\n\nProposal\n\n"
        "1. In Output 2.1, under \"Sustainable Development Goals and Targets\", add SDG target 9.z.\n\n"
        "2. MOD\tOutput 2.1, WSIS action lines: The implementation of WSIS Action Lines C1, C2 and C12 "
        "will support Output 2.1\n\n"
        "3. MOD\tOutput 2.1, Rural communications, first bullet: " + RURAL_FIRST + "\n", encoding="utf-8")
    rep = validate(path, BA)
    assert [(p.number, p.action, p.heading) for p in rep.proposals] == [
        ("1", "add", "Sustainable Development Goals and Targets"), ("2", "modify", "WSIS action lines"),
        ("3", "modify", "Rural communications")]
    # proposal 3's MOD text is the base's first bullet as it stands: VAL008, as the same proposals
    # numbered by Word in a .docx give (the text's "3." is that list's item: extract/numbered_items.py)
    assert [(f.code, f.ref, f.loc.line) for f in rep.findings] == [("REF002", "SDG-9.z", 5), ("REF004", "WSIS-C12", 7),
                                                                    ("VAL008", None, 9)]


@pytest.mark.parametrize(("heading_style", "labels"), [
    (True, ("Summary:", "Action required:")), (False, ("Summary:", "Action required:")),
    (True, ("Executive summary", "Action requested")), (True, ("Summary", "Action required by TDAG:")),
    (True, ("Background", "References:")), (True, ("Background:", "References")), (True, ("Source", "Title"))])
def test_a_cover_part_in_heading_styles_is_no_amended_text(tmp_path: Path, heading_style: bool,
                                                           labels: tuple[str, str]) -> None:
    """ITU's cover part ("Summary:", "Action required:", "Background", "References:", "Source") set in
    Heading 1: black-box reviews found each read as a section the amended text adds without
    revision marks (two false VAL006 and a REF013); set as bold Normal paragraphs it was read right.
    An output's own "Background" is another heading (see the excerpt tests)."""
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("Contribution from Testland", style="Title")
    for label, words in zip(labels, ("This contribution proposes to add community networks to Output 2.1.",
                                     "TDAG is invited to consider the proposal.")):
        if heading_style:
            document.add_paragraph(label, style="Heading 1")
        else:
            document.add_paragraph().add_run(label).bold = True
        document.add_paragraph(words)
    document.add_paragraph("Proposal", style="Heading 1")
    document.add_paragraph("MOD\tOutput 2.1, Rural communications, first bullet: "
                           + RURAL_FIRST.replace("rural,", "rural, remote,"))
    path = tmp_path / "cover.docx"
    document.save(str(path))
    rep = validate(path, BA)
    assert [(p.action, p.outputs, p.heading) for p in rep.proposals] == [("modify", ["2.1"], "Rural communications")]
    assert [f.code for f in rep.findings] == []


def test_the_cover_part_is_read_for_references(tmp_path: Path) -> None:
    """A contribution's own "References" and "Summary" cite too: "SDG 18" there is REF002, as in
    its amended text (it was read nowhere once such headings were its cover part, and "SDG 18"
    in a Summary never was). An output a proposal names is judged against the base (VAL002),
    not again as a registry entry (REF001)."""
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("Contribution from Testland", style="Title")
    document.add_paragraph("Summary", style="Heading 1")
    document.add_paragraph("This contribution proposes amendments to Output 2.5 and to Output 2.1.")
    document.add_paragraph("References", style="Heading 1")
    document.add_paragraph("WTDC Resolution 37 (Rev. Buenos Aires, 2017); SDG 18; Resolution 999 (Rev. Dubai, 2014)")
    document.add_paragraph("Proposal", style="Heading 1")
    document.add_paragraph("1. In Output 2.5, under \"Spectrum management\", add a new bullet: satellite coordination.")
    document.add_paragraph("MOD\tOutput 2.1, Rural communications, first bullet: "
                           + RURAL_FIRST.replace("rural,", "rural, remote,"))
    path = tmp_path / "cover-refs.docx"
    document.save(str(path))
    rep = validate(path, BA)
    cover = [(f.code, f.ref, f.section) for f in rep.findings if f.code.startswith("REF")]
    assert cover == [("REF001", "WTDC-RES-999", "cover-references"), ("REF002", "SDG-18", "cover-references")]
    assert [f.code for f in rep.findings if not f.code.startswith("REF")] == ["VAL002"]


def test_a_table_row_adding_an_output_the_base_lacks_names_it_new(tmp_path: Path) -> None:
    """"4.5 | | Products and services on …" under an "Output" column adds Output 4.5: it was
    judged so (VAL013 for 7.1, no VAL002 for 4.5), but reported with no new_outputs and as
    "output not in the base" (a black-box review). A row adding text to an output the base has
    is an addition inside it."""
    import docx as python_docx

    rows = [("4.5", "", "Products and services on digital public infrastructure", "New output"),
            ("7.1", "", "Products and services on space", "New output"),
            ("2.1", "", "supporting community networks in rural areas;", "Reach.")]
    document = python_docx.Document()
    document.add_paragraph("Proposals", style="Heading 1")
    table = document.add_table(rows=1 + len(rows), cols=4)
    for r, cells in enumerate([("Output", "Current text", "Proposed text", "Rationale"), *rows]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    path = tmp_path / "new-rows.docx"
    document.save(str(path))
    rep = validate(path, BA)
    assert [(p.outputs, p.new_outputs) for p in rep.proposals] == [(["4.5"], ["4.5"]), (["7.1"], ["7.1"]), (["2.1"], [])]
    assert [f.code for f in rep.findings] == ["VAL013"]
    assert [json.loads(json.dumps(p.to_dict())).get("new_outputs") for p in rep.proposals] == [["4.5"], ["7.1"], []]


def test_a_proposal_amending_an_output_another_deletes_is_flagged(tmp_path: Path) -> None:
    """"SUP Output 2.3" and "MOD Output 2.3, …" in one contribution cannot both be adopted: a
    black-box review found nothing reported. A new output added under the number replaces it."""
    path = tmp_path / "conflict.txt"
    path.write_text(
        "Contribution from Testland\n\nProposal\n\n"
        "1. SUP\tOutput 2.3\n\n"
        "2. MOD\tOutput 2.3, Emergency telecommunications, first bullet: strengthening early-warning systems\n\n"
        "3. ADD\tOutput 2.3 – Products and services on resilient networks\n", encoding="utf-8")
    rep = validate(path, BA)
    assert [(p.number, p.action) for p in rep.proposals] == [("1", "delete"), ("2", "modify"), ("3", "add")]
    assert [(f.code, f.message) for f in rep.findings if f.code == "VAL014"] == [
        ("VAL014", "Proposal 2 amends Output 2.3, which proposal 1 deletes")]


def test_val014_wants_the_whole_output_deleted_and_an_instruction_after_a_place_colon(tmp_path: Path) -> None:
    """A regression review of VAL014 and of the marks with their place on the next line: a
    deletion inside an output ("delete the second paragraph of the background") or a merge
    naming the deleted output after its own place is no conflict; "Output 2.1, Rural
    communications: replace “A” with “B”" after a mark is that instruction, under that heading,
    not an amended text reading 'replace …'."""
    path = tmp_path / "partial.txt"
    path.write_text(
        "Contribution from Testland\n\nProposal\n\n"
        "1. In Output 2.3, delete the second paragraph of the background.\n\n"
        "2. In Output 2.3, under \"Emergency telecommunications\", add \"early-warning systems for small island "
        "developing States\".\n\n"
        "3. SUP\tOutput 2.2\n\n"
        "4. In Output 2.1, add the activities of Output 2.2 on cybersecurity.\n\n"
        "MOD\tTST/1/5\n\n"
        "Output 2.1, Rural communications: replace \"source of power supply\" with \"source of renewable power supply\"\n",
        encoding="utf-8")
    rep = validate(path, BA)
    assert [f.code for f in rep.findings if f.code == "VAL014"] == []
    last = rep.proposals[-1]
    assert (last.number, last.action, last.heading, last.old, last.new) == (
        "TST/1/5", "replace", "Rural communications", "source of power supply", "source of renewable power supply")


def test_an_area_quoted_without_the_programme_line_above_it_is_no_added_section(tmp_path: Path) -> None:
    """An excerpt quoting Output 2.1 › Implementation framework › Broadcasting word for word but
    leaving out the "Programme: …" line over the area: a black-box review found a false VAL006
    "1 section added in Output 2.1 › Broadcasting" (the base's area sits under the programme the
    excerpt skips). It is compared with the base's area under what the excerpt keeps above it."""
    import docx as python_docx

    base = load(BA)
    area = next(s for s in base.sections if s.id.startswith("output-2.1/") and s.id.endswith("area-broadcasting"))
    document = python_docx.Document()
    document.add_paragraph("Contribution from Testland", style="Title")
    document.add_paragraph("Proposal", style="Heading 1")
    document.add_paragraph("1. In Output 2.1, under “Rural communications”, add a bullet on community networks.")
    document.add_paragraph("Detailed modifications are as follows:", style="Heading 1")
    document.add_paragraph(base.get("output-2.1").heading, style="Heading 2")
    document.add_paragraph("Implementation framework", style="Heading 3")
    document.add_paragraph("Broadcasting", style="Heading 4")
    for block in area.blocks:
        document.add_paragraph(block.text, style="List Bullet" if block.type == "list-item" else None)
    path = tmp_path / "excerpt.docx"
    document.save(str(path))
    rep = validate(path, BA)
    assert [f.code for f in rep.findings if f.code == "VAL006"] == []


@pytest.mark.parametrize("proposal", [
    "1. Delete Output 2.3 (Products and services on disaster risk reduction and emergency telecommunications) "
    "in its entirety.",
    "1. In Output 2.3, delete the whole output.",
    "SUP\tEUR/25A1/3\tOutput 2.3",
])
def test_deleting_an_output_its_outcome_row_still_lists_is_flagged(tmp_path: Path, proposal: str) -> None:
    """A black-box review: deleting Output 2.3 while Objective 2's outcome table still lists
    "2.3 - Disaster risk reduction …" passed without a word. The row is the base's (the
    contribution gives no amended text); the finding is placed at the proposal."""
    path = tmp_path / "delete.txt"
    path.write_text(f"Contribution from Testland\n\nProposal\n\n{proposal}\n", encoding="utf-8")
    rep = validate(path, BA)
    assert [(f.code, f.severity) for f in rep.findings] == [("VAL015", "warning")]
    assert rep.findings[0].message.startswith("Proposal ")
    assert ("deletes Output 2.3, but Outcome 2.3's row of the Objective 2 table in the base still lists it: "
            "“2.3 - Disaster risk reduction and emergency telecommunications”") in rep.findings[0].message
    assert rep.findings[0].loc.line == proposal.count("\n") + 5


AMENDED_22 = """Amended text

Output 2.2 – Products and services on building confidence and security in the use of telecommunications/ICTs

References to WTDC Resolutions, WSIS Action Lines and Sustainable Development Goals

PP and WTDC resolutions and recommendations

The implementation of PP Resolutions 71, 101, 130, 174, 179 and WTDC Resolutions 17, 21, 30, 32, 45, 50, 52, 67, 69 and 80 will support {outputs} and will contribute to the achievement of Outcome 2.2
"""


@pytest.mark.parametrize("outputs, cited", [("Outputs 2.2 and 2.3", True), ("Output 2.2", False)])
def test_an_output_deleted_whole_and_still_cited_in_the_amended_text_is_flagged(tmp_path: Path, outputs: str,
                                                                                cited: bool) -> None:
    """A black-box review: a contribution deleting Output 2.3 whose amended text still says "will
    support Outputs 2.2 and 2.3" got no finding for that sentence. VAL015 names it, at its line;
    the same text citing Output 2.2 alone has none (the base's row still gives its own VAL015)."""
    path = tmp_path / "delete.txt"
    path.write_text("Contribution from Testland\n\nProposal\n\n1. Under Objective 2, delete Output 2.3 – Products and "
                    "services on disaster risk reduction and emergency telecommunications.\n\n"
                    + AMENDED_22.format(outputs=outputs), encoding="utf-8")
    rep = validate(path, BA)
    still = [f for f in rep.findings if f.code == "VAL015" and "amended text still cites" in f.message]
    row = [f for f in rep.findings if f.code == "VAL015" and "row of the Objective 2 table" in f.message]
    assert len(row) == 1
    if not cited:
        assert still == []
        return
    assert [(f.severity, f.message, f.section, f.loc.line) for f in still] == [
        ("warning", "Proposal 1 deletes Output 2.3, but the amended text still cites it: “Outputs 2.3”",
         "output-2.2/references-resolutions", 15)]


@pytest.mark.parametrize("proposal", [
    "1. In Output 2.3, delete the second paragraph.",  # part of the output, not the output
    "1. SUP Output 2.3\n\n2. ADD Output 2.3 – Products and services on resilient networks",  # a new 2.3
])
def test_a_partial_deletion_or_a_replaced_number_is_no_orphan(tmp_path: Path, proposal: str) -> None:
    path = tmp_path / "delete.txt"
    path.write_text(f"Contribution from Testland\n\nProposal\n\n{proposal}\n", encoding="utf-8")
    assert "VAL015" not in [f.code for f in validate(path, BA).findings]


def _whole_plan_deleting_2_3(tmp_path: Path, row_text: str | None) -> Path:
    """The BA plan whole, as amended text, after a proposal deleting Output 2.3; `row_text`, when
    given, replaces Outcome 2.3's Outputs cell ("2.3 - Disaster risk reduction …")."""
    import docx as python_docx

    plan = python_docx.Document(str(BA))
    for table in plan.tables:
        for row in table.rows:
            for cell in row.cells:
                if row_text is not None and cell.text.strip().startswith("2.3 - Disaster risk reduction"):
                    runs = cell.paragraphs[0].runs
                    runs[0].text = row_text
                    for run in runs[1:]:
                        run.text = ""
    first = plan.paragraphs[0]
    for text in ("Proposal", "1. SUP Output 2.3", "Contribution from Testland"):
        first.insert_paragraph_before(text)
    path = tmp_path / "amended.docx"
    plan.save(str(path))
    return path


def test_the_amended_texts_outcome_row_is_read_where_the_contribution_gives_it(tmp_path: Path) -> None:
    """A contribution giving the whole plan as amended text: its own row of Outcome 2.3 is read,
    placed at its cell, in the row's section (a review found it placed at the row but named in the
    proposals' section, two places in one annotation), the row shown in the text report; edited to
    no longer list 2.3, it is no orphan."""
    from actionplan_trace.render.findings_text import finding_line

    rep = validate(_whole_plan_deleting_2_3(tmp_path, None), BA)
    found = [f for f in rep.findings if f.code == "VAL015"]
    assert [f.message.split(": “")[0] for f in found] == [
        "Proposal 1 deletes Output 2.3, but Outcome 2.3's row of the Objective 2 table in the amended text still lists it"]
    assert (found[0].loc.row, found[0].loc.col, found[0].section) == (3, 2, "outcome-2.3")
    assert finding_line(found[0]).startswith(f"{found[0].source} (paragraph {found[0].loc.paragraph + 1}, row 4) warning VAL015")
    rep = validate(_whole_plan_deleting_2_3(tmp_path, "(merged into Output 2.1)"), BA)
    assert ("delete", ["2.3"]) in [(p.action, p.outputs) for p in rep.proposals]
    assert "VAL015" not in [f.code for f in rep.findings]


@pytest.mark.parametrize("runs_too", [True, False], ids=["row-and-runs-deleted", "row-mark-only"])
def test_an_outcome_row_the_amended_text_deletes_with_marks_lists_nothing(tmp_path: Path, runs_too: bool) -> None:
    """A contribution deleting Output 2.3 and, with a tracked row deletion (w:trPr/w:del), Outcome
    2.3's row of the Objective 2 table: a black-box review found VAL015 "the base still lists it",
    though the amended text's row is gone. No VAL015; the same row kept still is one, in the
    amended text."""
    import docx as python_docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def mark(tag: str, at: int) -> Any:
        made = OxmlElement(tag)
        for name, value in (("w:id", str(at)), ("w:author", "Delegation of Testland"), ("w:date", "2024-03-01T10:00:00Z")):
            made.set(qn(name), value)
        return made

    for delete_row in (True, False):
        plan = python_docx.Document(str(BA))
        rows = [row for table in plan.tables for row in table.rows
                if any(cell.text.strip().startswith("2.3 - Disaster risk reduction") for cell in row.cells)]
        assert len(rows) == 1
        if delete_row:
            rows[0]._tr.get_or_add_trPr().append(mark("w:del", 900))
            for at, run in enumerate(list(rows[0]._tr.iter(qn("w:r"))) if runs_too else [], start=901):
                for text in run.findall(qn("w:t")):
                    text.tag = qn("w:delText")
                wrapper = mark("w:del", at)
                run.addprevious(wrapper)
                wrapper.append(run)
        first = plan.paragraphs[0]
        for text in ("Contribution from Testland", "Proposals", "1. Delete Output 2.3 in its entirety.",
                     "2. In Outcome 2.3, delete the whole row of the Objective 2 table."):
            first.insert_paragraph_before(text)
        path = tmp_path / f"row-{delete_row}.docx"
        plan.save(str(path))
        rep = validate(path, BA)
        assert ("delete", ["2.3"]) in [(p.action, p.outputs) for p in rep.proposals]
        found = [f.message.split(": “")[0] for f in rep.findings if f.code == "VAL015"]
        assert found == ([] if delete_row else [
            "Proposal 1 deletes Output 2.3, but Outcome 2.3's row of the Objective 2 table in the amended text "
            "still lists it"]), delete_row


_BLOCKS = [  # (mark, ITU number, place, heading, instruction, text line)
    ("ADD", "EUR/25A1/1", "Output 2.1", "Rural communications", "Add the following bullet at the end of the list:",
     "supporting community networks as a complementary connectivity model for rural areas;"),
    ("MOD", "EUR/25A1/2", "Output 4.4", "Programme: Climate change adaptation and mitigation", None,
     "develop e-waste policies and regulatory frameworks;"),
    ("SUP", "EUR/25A1/3", "Output 2.1", "Rural communications", None,
     "disseminating information and analyses of the latest technologies and best practices through methods such as"
     " publications, symposia, seminars and workshops, taking into account the outputs of related ITU D study group"
     " activities."),
    ("SUP", "EUR/25A1/4", "Output 2.1", "Rural communications", None, "organizing rural broadband summer schools;"),
]
_EXPECTED_BLOCKS = [
    ("EUR/25A1/1", "add", ["2.1"], "Rural communications",
     "supporting community networks as a complementary connectivity model for rural areas"),
    ("EUR/25A1/2", "modify", ["4.4"], "Programme: Climate change adaptation and mitigation",
     "develop e-waste policies and regulatory frameworks"),
    ("EUR/25A1/3", "delete", ["2.1"], "Rural communications", _BLOCKS[2][5].rstrip(".")),
    ("EUR/25A1/4", "delete", ["2.1"], "Rural communications", "organizing rural broadband summer schools"),
]


def _check_blocks(rep: Any) -> None:
    assert [(p.number, p.action, p.outputs, p.heading, p.text) for p in rep.proposals] == _EXPECTED_BLOCKS
    assert [r.section for r in rep.resolutions] == [
        "output-2.1/area-rural-communications", "output-4.4/programme-climate-change-adaptation-and",
        "output-2.1/area-rural-communications", "output-2.1/area-rural-communications"]
    # the bullet the third deletes is there; the fourth's is nowhere in the base
    assert [(f.code, f.message.split(" quotes")[0]) for f in rep.findings] == [("VAL010", "Proposal EUR/25A1/4")]


def test_an_itu_block_gives_its_place_heading_and_text_a_line_each(tmp_path: Path) -> None:
    """A black-box review (c05): "MOD<tab>EUR/25A1/2", "Output 4.4", "Programme: Climate change …",
    the bullet, "Reasons: …", each a line, read as heading "Programme" with the rest of that
    line as the text (a false VAL003); the bullets added or deleted were lost, so nothing in them
    was checked. Here as a text file."""
    lines = ["Contribution from CEPT", "",
             "Summary: CEPT proposes to add an activity on community networks, to correct a bullet of Output 4.4 "
             "and to delete two bullets of Output 2.1 (one paragraph a line, as Word saves text).", "",
             "Proposals", ""]
    for mark, number, place, heading, instruction, text in _BLOCKS:
        lines += [f"{mark}\t{number}", place, heading] + ([instruction] if instruction else [])
        lines += [f"•\t{text}", "Reasons: see the summary.", ""]
    path = tmp_path / "blocks.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    _check_blocks(validate(path, BA))


def test_an_itu_block_in_word_with_a_styled_place_and_list_bullets(tmp_path: Path) -> None:
    """The same blocks in a .docx: the place in a heading style, the bullets Word's List Bullet."""
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("Contribution from CEPT", style="Title")
    document.add_paragraph("Proposals", style="Heading 1")
    for mark, number, place, heading, instruction, text in _BLOCKS:
        document.add_paragraph(f"{mark}\t{number}")
        document.add_paragraph(place, style="Heading 3")
        document.add_paragraph(heading)
        if instruction:
            document.add_paragraph(instruction)
        document.add_paragraph(text, style="List Bullet")
        document.add_paragraph("Reasons: see the summary.")
    path = tmp_path / "blocks.docx"
    document.save(str(path))
    _check_blocks(validate(path, BA))


@pytest.mark.parametrize("heading, section", [
    ("Background", "output-2.3/background"),
    ("Implementation framework", "output-2.3/implementation-framework"),
])
def test_an_itu_blocks_heading_the_structure_reads_as_a_plan_heading(tmp_path: Path, heading: str, section: str) -> None:
    """A black-box review (C05): in a block whose heading is one of an output's standard parts
    ("Background", "Implementation framework"), the structure opens that part, and the block lost
    its heading and text; the next block's mark, read as an area heading inside it, was lost with
    its ADD of Output 2.4."""
    path = tmp_path / "blocks.txt"
    path.write_text(
        "Source:\tX\nTitle:\tProposals on Objective 2 of the Buenos Aires Action Plan, as the delegation saw them\n\n"
        f"MOD\tX/1/1\nOutput 2.3\n{heading}\nParticular attention will be given to early-warning systems.\n"
        "Reasons: r.\n\nADD\tX/1/2\nOutput 2.4 – Products and services on satellite connectivity for remote areas\n"
        "Reasons: key.\n", encoding="utf-8")
    rep = validate(path, BA)
    assert [(p.number, p.action, p.outputs, p.heading, p.text) for p in rep.proposals] == [
        ("X/1/1", "modify", ["2.3"], heading, "Particular attention will be given to early-warning systems"),
        ("X/1/2", "add", ["2.4"], None, "Products and services on satellite connectivity for remote areas")]
    assert [r.section for r in rep.resolutions] == [section, None]
    # the blocks' places, headings and lines are the proposals' words, no amended text: no VAL006
    # ("section added in Output 2.3"), no VAL008 (the block gives its text itself)
    assert rep.findings == []


def test_a_contribution_in_amendment_blocks_alone_has_no_amended_text(tmp_path: Path) -> None:
    """A black-box review (C05): SUP, MOD and three ADD blocks, no amended text. Each block's place,
    heading and lines were read as plan sections of an amended text: VAL006 "section added in
    Output 1.6", "… › ADD RCC/7/3" and a VAL008. What is left is what the blocks propose."""
    blocks = [("SUP", "Output 1.6 – Partnership platforms, products and services", []),
              ("MOD", "Output 1.6", ["Background and Implementation framework",
                                     "Add the following sentence at the end of the section:",
                                     "Particular attention will be given to partnerships with academia."]),
              ("ADD", "Output 2.4 – Products and services on satellite connectivity for remote areas", []),
              ("ADD", "Output 3.6 – Products and services on digital public infrastructure", []),
              ("ADD", "Output 5.1 – Products and services on artificial intelligence for development", [])]
    lines = ["Source:\tRegional Commonwealth in the field of Communications (RCC)",
             "Title:\tCommon proposals of the RCC Administrations on the outputs of the Buenos Aires Action Plan",
             "Summary:\tThe RCC proposes to merge partnership work into all outputs and to add new outputs on "
             "satellite connectivity, digital public infrastructure and artificial intelligence.", ""]
    for k, (mark, place, more) in enumerate(blocks, start=1):
        lines += [f"{mark}\tRCC/7/{k}", place, *more, "Reasons: see the summary.", ""]
    path = tmp_path / "rcc.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    rep = validate(path, BA)
    assert [(p.number, p.action, p.outputs) for p in rep.proposals] == [
        ("RCC/7/1", "delete", ["1.6"]), ("RCC/7/2", "modify", ["1.6"]), ("RCC/7/3", "add", ["2.4"]),
        ("RCC/7/4", "add", ["3.6"]), ("RCC/7/5", "add", ["5.1"])]
    assert rep.proposals[1].heading == "Background and Implementation framework"
    assert [f.code for f in rep.findings] == ["VAL015", "VAL014", "VAL012", "VAL013"]


def test_in_addition_opens_no_add_proposal_before_its_place(tmp_path: Path) -> None:
    """A black-box review (C08): "In addition, in Outcome 4.2, add …" after a proposals table was
    dropped: "addition" read as the verb "add", before the place, so no place was named."""
    path = tmp_path / "addition.md"
    path.write_text("Contribution from Japan\n\n## Proposals\n\n"
                    "In addition, in Outcome 4.2, add the performance indicator “Number of Member States assisted "
                    "in developing national digital health strategies”.\n", encoding="utf-8")
    rep = validate(path, BA)
    assert [(p.action, p.outcomes, p.outputs) for p in rep.proposals] == [("add", ["4.2"], [])]


@pytest.mark.parametrize("heading", [
    "Detailed modifications are as follows:", "ANNEX 1", "Annex", "Annex – Amended text", "Amended text (revision marks)",
    "Proposed amendments to the Buenos Aires Action Plan", "Annex 1: Buenos Aires Action Plan with proposed modifications",
])
def test_the_amended_text_under_an_annex_or_other_heading_is_the_amended_text(tmp_path: Path, heading: str) -> None:
    """A black-box review: only "Amended text" and "Detailed modifications …" opened the amended
    text; under "ANNEX 1", "Annex – Amended text" and the like (ITU's usual place for it) the
    heading was a section "added without revision marks" (VAL006) on a correct contribution."""
    import docx as python_docx

    lines = BASE_TEXT.read_text(encoding="utf-8").splitlines()
    output = next(ln for ln in lines if ln.startswith("Output 2.1 – "))
    rural = lines[lines.index("Rural communications") + 1:lines.index("Bridging the standardization gap")]
    document = python_docx.Document()
    for text in ("Source:\tExamplia", "Title:\tAmendments to Output 2.1"):
        document.add_paragraph(text)
    document.add_paragraph("Proposals", style="Heading 1")
    document.add_paragraph("1.\tIn Output 2.1, under “Rural communications”, add “remote” before “unserved”.")
    document.add_paragraph(heading, style="Heading 1")
    document.add_paragraph(output, style="Heading 2")
    document.add_paragraph("Implementation framework", style="Heading 3")
    document.add_paragraph("Programme: Telecommunication/ICT network infrastructure and services", style="Heading 3")
    document.add_paragraph("Rural communications", style="Heading 4")
    for line in rural:
        document.add_paragraph(line.replace("to rural, unserved", "to rural, remote, unserved"))
    path = tmp_path / "annex.docx"
    document.save(str(path))
    rep = validate(path, BASE_TEXT)
    assert [(p.action, p.outputs, p.heading) for p in rep.proposals] == [("add", ["2.1"], "Rural communications")]
    assert rep.findings == []


def test_a_title_heading_above_the_cover_part_is_no_amended_text(tmp_path: Path) -> None:
    """A black-box review (C04): "# Contribution from the Administration of India" above Source,
    Title and Summary was a section "added without revision marks" (VAL006)."""
    path = tmp_path / "india.md"
    path.write_text("# Contribution from the Administration of India\n\nSource: India (Republic of)\n\n"
                    "Title: Editorial proposals\n\n## Proposals\n\n"
                    "1. In Output 2.1, under “Rural communications”, add a bullet on community networks.\n",
                    encoding="utf-8")
    rep = validate(path, BASE_TEXT)
    assert [f.code for f in rep.findings] == []


def _excerpt_docx(path: Path, output_heading: str | None) -> Path:
    """A contribution in the BA plan's own styles: a proposal naming Output 2.2's Cybersecurity
    programme, then an amended text quoting Output 2.1's Broadcasting area and Output 2.2's
    programme as the plan has them (Output 2.2's title a Headingb line, or left out when
    `output_heading` is None), with one bullet added to the programme."""
    import docx as python_docx

    plan = load(BA)
    document = python_docx.Document(str(BA))
    body = document.element.body
    for element in list(body):
        if element.tag.endswith("}p") or element.tag.endswith("}tbl"):
            body.remove(element)

    def add(text: str, style: str = "Normal", bullet: bool = False) -> None:
        document.add_paragraph(text, style="List Bullet" if bullet and "List Bullet" in document.styles else style)

    add("Source:\tBrazil")
    add("Title:\tAmendments to Output 2.2")
    add("Proposals", "Heading 1")
    add("1.\tIn Output 2.2, under “Programme: Cybersecurity”, add the following bullet: “assist Member States in "
        "child online protection;”")
    add("Amended text", "Heading 1")
    add(plan.section("objective-2").heading or "", "Heading 1")
    for output, parts in (("output-2.1", [("Implementation framework", "Heading 3"),
                                          ("Programme: Telecommunication/ICT network infrastructure and services", "Headingb"),
                                          ("Broadcasting", "Heading 4")]),
                          ("output-2.2", [("Implementation framework", "Heading 3"),
                                          ("Programme: Cybersecurity", "Headingb")])):
        number, title = (plan.section(output).heading or "").split("\n", 1)
        add(number, "Heading 2")
        if output == "output-2.1" or output_heading is not None:
            add(title, "Headingb")
        for text, style in parts:
            add(text, style)
        area = "output-2.1/area-broadcasting" if output == "output-2.1" else "output-2.2/programme-cybersecurity"
        for block in plan.section(area).blocks:
            add(block.text, bullet=block.type == "list-item")
    add("assist Member States in child online protection;", bullet=True)
    document.save(str(path))
    return path


@pytest.mark.parametrize("titled", [True, False])
def test_an_excerpt_quoting_an_output_after_an_area_of_the_one_before(tmp_path: Path, titled: bool) -> None:
    """A black-box review (C02, C07): Output 2.2's title line right after an area of Output 2.1
    ("Broadcasting") was no title (the area's heading rules took it for a heading of its own):
    "section added in Output 2.2" and "section moved in … Implementation framework" on a correct
    contribution. An output quoted by its number alone ("Output 2.2", no title) was "renamed"."""
    path = _excerpt_docx(tmp_path / "excerpt.docx", "title" if titled else None)
    contribution = load(path, profile="contribution")
    assert (contribution.section("output-2.2").title or "") == (load(BA).section("output-2.2").title if titled else "")
    rep = validate(path, BA)
    assert [(p.outputs, p.heading) for p in rep.proposals] == [(["2.2"], "Programme: Cybersecurity")]
    assert rep.findings == []


def test_the_text_reports_header_counts_the_revision_marks_the_json_counts() -> None:
    """A black-box review: the text header said 3 revision marks where the JSON's summary said 4
    (the text left out marks on a paragraph mark alone). Both count every mark; the text says how
    many are on a paragraph mark alone."""
    text = run_cli("validate", str(TDAG), "--against", str(BA))
    data = json.loads(run_cli("validate", str(TDAG), "--against", str(BA),
                              "-f", "json").stdout)
    header = text.stdout.splitlines()[0]
    marks = data["summary"]["revisions"]
    bare = sum(1 for r in data["revisions"] if not r["text"].strip())
    assert marks > bare > 0
    assert header.endswith(f"{marks} revision marks in the amended text, {bare} of them on a paragraph mark alone)")


@pytest.mark.parametrize("proposal, message", [
    ("1. In Output 2.4, under “Rural communications”, add a bullet on satellites.",
     "Proposal 1 names Output 2.4, which the base does not have (Objective 2 has Outputs 2.1–2.3; "
     "“Rural communications” is area “Rural communications” under Output 2.1)"),
    ("1. In Output 6.1, add a bullet on satellites.",
     "Proposal 1 names Output 6.1, which the base does not have (it has no Objective 6 outputs; its outputs run 1.1–4.4)"),
    ("1. In Outcome 2.5, add the indicator “Number of satellite links”.",
     "Proposal 1 names Outcome 2.5, which the base does not have (Objective 2 has Outcomes 2.1–2.3)"),
])
def test_val002_names_the_objectives_own_numbers_and_where_the_heading_is(tmp_path: Path, proposal: str,
                                                                           message: str) -> None:
    """A black-box review: "which the base does not have (it has Outputs 1.1–4.4)" read as though
    2.4 were in the range, and the heading the proposal quotes, under another output, was not
    named as the likely slip."""
    path = tmp_path / "wrong.txt"
    path.write_text(f"Contribution from Testland\n\nProposal\n\n{proposal}\n", encoding="utf-8")
    assert [f.message for f in validate(path, BA).findings if f.code == "VAL002"] == [message]


def test_val002_names_no_place_for_a_heading_every_output_has(tmp_path: Path) -> None:
    path = tmp_path / "wrong.txt"
    path.write_text("Contribution from Testland\n\nProposal\n\n1. In Output 5.1, under “Background”, add a sentence.\n",
                    encoding="utf-8")
    assert [f.message for f in validate(path, BA).findings if f.code == "VAL002"] == [
        "Proposal 1 names Output 5.1, which the base does not have (it has no Objective 5 outputs; its outputs run 1.1–4.4)"]


@pytest.mark.parametrize("content", ["", "\n\n   \n"])
def test_an_empty_contribution_is_said_to_be_empty(tmp_path: Path, content: str) -> None:
    """A black-box review: an empty file got "no paragraph reads like “In Output N.M …”", as if it
    held paragraphs of another form."""
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    assert [(f.code, f.message) for f in validate(path, BA).findings] == [
        ("VAL009", "no proposals found: the contribution holds no text")]


def test_a_target_of_an_sdg_that_does_not_exist_is_one_error_with_its_goal() -> None:
    """A black-box review: "SDG 18 (target 18.2)" gave two REF002 for one mistake; a target of a
    missing goal cited on its own, or under another goal, still gets its own."""
    from actionplan_trace.refs import find_refs

    def errors(text: str) -> list[str]:
        return [f.message for f in find_refs(text)[1] if f.code == "REF002"]

    assert errors("SDG 18 (target 18.2)") == ["SDG-18: there is no SDG 18 (SDGs are 1 to 17)"]
    assert errors("SDG targets 18.2 and 9.1") == ["SDG-18.2: there is no SDG 18 (SDGs are 1 to 17)"]
    assert errors("SDG 9 (targets 9.1, 18.2)") == ["SDG-18.2: there is no SDG 18 (SDGs are 1 to 17)"]


CYBERDRILL_NOWHERE = "assisting Member States in the development of national cyberdrill programmes"
CYBERDRILL_BASE = "organize cyberdrills at national and regional level"


def _block_contribution(tmp_path: Path, suffix: str, lines: list[str]) -> Path:
    """A contribution of one ITU amendment block ("MOD<tab>EXA/9/1", its place, heading and
    lines, then its reason), as a text file or a .docx of one Normal paragraph a line."""
    lines = ["MOD\tEXA/9/1", "Output 2.2", "Programme: Cybersecurity", *lines, "Reasons: cyberdrills are in demand."]
    path = tmp_path / f"block{suffix}"
    if suffix == ".txt":
        path.write_text("Contribution from the Republic of Examplia\nTitle: Proposed amendments to the Buenos Aires "
                        "Action Plan\nProposals\n" + "\n".join(lines) + "\n", encoding="utf-8")
        return path
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("Contribution from the Kingdom of Sampleland", style="Title")
    document.add_paragraph("Proposals", style="Heading 1")
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("instruction, more, new", [
    pytest.param(f'Replace "{CYBERDRILL_NOWHERE}" with "assisting Member States in organizing cyberdrills".', [],
                 "assisting Member States in organizing cyberdrills", id="with"),
    pytest.param(f'Replace the bullet "{CYBERDRILL_NOWHERE}" by:',
                 ["• assisting Member States in organizing national and regional cyberdrills;"],
                 "• assisting Member States in organizing national and regional cyberdrills", id="by"),
])
def test_an_itu_blocks_replace_instruction_is_a_replacement(tmp_path: Path, suffix: str, instruction: str,
                                                            more: list[str], new: str) -> None:
    """A black-box review (F8): in an ITU block (MOD, "Output 2.2", "Programme: Cybersecurity",
    then `Replace "…" with "…".`, or `Replace the bullet "…" by:` and the bullet) the instruction
    was the block's new text, action "modify" and no old text, so a quotation the base does not
    have passed, where the proposal in prose gets VAL010. It is read as the prose proposal reads
    it: a replacement of the quoted text, by the quoted text or the lines after it."""
    new = new if suffix == ".docx" else new.removeprefix("• ")  # a text file's bullet is the line's label
    rep = validate(_block_contribution(tmp_path, suffix, [instruction, *more]), BA)
    prose = validate(_text_contribution(tmp_path, f'1. In Output 2.2, under "Programme: Cybersecurity", '
                                                  f'{instruction[0].lower()}{instruction[1:]}', *more), BA)
    assert [(p.number, p.action, p.outputs, p.heading, p.old, p.new, p.text) for p in rep.proposals] == [
        ("EXA/9/1", "replace", ["2.2"], "Programme: Cybersecurity", CYBERDRILL_NOWHERE, new, new)]
    assert [(p.action, p.old, (p.new or "").rstrip(" .;")) for p in prose.proposals] == [
        ("replace", CYBERDRILL_NOWHERE, new.removeprefix("• "))]
    message = ("Proposal EXA/9/1 quotes “assisting Member States in the development of national cyberdrill pro…” "
               "to replace, which is not in Output 2.2 › Cybersecurity, nor anywhere else in the base")
    assert [(f.code, f.severity, f.message) for f in rep.findings] == [("VAL010", "error", message)]
    # placed at the block's mark, as the prose proposal's is at its paragraph
    assert (rep.findings[0].section, rep.findings[0].loc) == (rep.proposals[0].section, rep.proposals[0].loc)
    assert [f.code for f in prose.findings] == ["VAL010"]


def test_an_itu_blocks_replacement_of_text_the_base_has_passes(tmp_path: Path) -> None:
    """The same block quoting a bullet of the base's Cybersecurity programme: a replacement of
    it, no finding; a quotation of text only the amended lines give, without an instruction, is
    still the block's new text ("modify")."""
    rep = validate(_block_contribution(tmp_path, ".txt", [
        f'Replace "{CYBERDRILL_BASE}" with "organize national and regional cyberdrills".']), BA)
    assert [(p.action, p.old, p.new) for p in rep.proposals] == [
        ("replace", CYBERDRILL_BASE, "organize national and regional cyberdrills")]
    assert rep.findings == []
    plain = validate(_block_contribution(tmp_path, ".txt", ["• organize national and regional cyberdrills;"]), BA)
    assert [(p.action, p.old, p.new) for p in plain.proposals] == [
        ("modify", None, "organize national and regional cyberdrills")]


TDAG_COVER = ["Telecommunication Development Advisory Group (TDAG)", "Document TDAG-19/12-E", "SOURCE: Japan",
              "TITLE: Proposed modifications to the Buenos Aires Action Plan", "", "Abstract",
              "This contribution proposes amendments to the Buenos Aires Action Plan (WTDC-17) for consideration by TDAG.",
              ""]
RURAL_OLD = "telephony and broadband access"


@pytest.mark.parametrize("heading", ["Proposed modifications", "Proposed amendments", "Proposed changes",
                                     "Proposed modifications:"])
def test_proposals_under_a_proposed_modifications_heading_are_read(tmp_path: Path, heading: str) -> None:
    """A black-box review (F1): under "Proposed modifications" or "Proposed amendments" (ITU's
    usual words) the numbered proposals were read as the amended text: VAL009 "no proposals
    found" on a correct contribution, and a quotation not in the plan went unreported."""
    path = tmp_path / "c.txt"
    good = f'1. In Output 2.1, under "Rural communications", replace "{RURAL_OLD}" with "affordable broadband access".'
    path.write_text("\n".join([*TDAG_COVER, heading, good, ""]), encoding="utf-8")
    rep = validate(path, BA)
    assert [(p.action, p.outputs, p.old) for p in rep.proposals] == [("replace", ["2.1"], RURAL_OLD)]
    assert rep.findings == []
    path.write_text("\n".join([*TDAG_COVER, heading, good.replace(RURAL_OLD, "satellite and microwave backhaul links"),
                               ""]), encoding="utf-8")
    assert [f.code for f in validate(path, BA).findings] == ["VAL010"]


def test_val009_names_the_proposals_like_heading_it_did_not_read(tmp_path: Path) -> None:
    """Proposals under "Proposed amendments to the Buenos Aires Action Plan" (the words that open
    the amended text): VAL009 says which heading was read as the start of the amended text, so the
    delegate mends the heading, not proposals that were right."""
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("Contribution from Japan", style="Title")
    document.add_paragraph("Proposed amendments to the Buenos Aires Action Plan", style="Heading 1")
    document.add_paragraph(f"1.\tIn Output 2.1, under “Rural communications”, replace “{RURAL_OLD}” with “broadband”.")
    path = tmp_path / "c.docx"
    document.save(str(path))
    (found,) = validate(path, BA).findings
    assert found.code == "VAL009"
    assert found.message.endswith("; the heading “Proposed amendments to the Buenos Aires Action Plan” was read as "
                                  "the start of the amended text, not as the proposals' heading")
    assert (found.section, found.loc.paragraph) == ("amended-text", 1)  # at the heading, the 2nd paragraph


def test_check_with_a_base_judges_what_validate_reads_as_a_contribution(tmp_path: Path) -> None:
    """A black-box review (F2): with a base in trace.toml, `check` read a table of changes under a
    heading detection does not know, and a TDAG cover without proposals, with the generic profile:
    no VAL rule ran, 0 findings and exit 0 where `validate` gave VAL010 and VAL009."""
    import shutil

    import docx as python_docx

    shutil.copy(BA, tmp_path / "base.docx")
    (tmp_path / "trace.toml").write_text('base = "base.docx"\n', encoding="utf-8")
    document = python_docx.Document()
    document.add_paragraph("Contribution from Japan", style="Title")
    document.add_paragraph("Text proposed by Japan", style="Heading 1")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells,
                          ["Output", "Current text", "Proposed text", "2.2",
                           "support Member States in the fight against online child abuse;",
                           "support Member States in child online protection;"]):
        cell.text = text
    document.save(str(tmp_path / "table.docx"))
    (tmp_path / "cover.txt").write_text("\n".join([*TDAG_COVER, "Introduction",
                                                   "Japan supports the Buenos Aires Action Plan.", ""]),
                                        encoding="utf-8")
    for name, code in (("table.docx", "VAL010"), ("cover.txt", "VAL009")):
        validated = run_cli("validate", name, "--against", "base.docx", "-f", "json", cwd=tmp_path)
        checked = run_cli("check", name, "-f", "json", "--no-cache", cwd=tmp_path)
        report = json.loads(checked.stdout)
        assert [f["profile"] for f in report["files"]] == ["contribution"]
        found = [f["code"] for f in report["findings"]]
        assert found == [f["code"] for f in json.loads(validated.stdout)["findings"]] and code in found
        assert checked.returncode == validated.returncode == 1


RURAL_PARAGRAPH = ("Rural populations will need to be provided with telephony and broadband access, by connecting remote "
                   "areas to the broadband core networks. Choosing efficient, cost-effective and fast deployment "
                   "technologies – whether wired or wireless networks – will improve accessibility.")


def _mod_block(tmp_path: Path, name: str, kept: str, change: tuple[str, str] | None = None) -> Path:
    """A contribution of one MOD block on Output 2.1 › Rural communications, its paragraph `kept`,
    with `change` (old, new: the first made the second with revision marks) when given."""
    import docx as python_docx

    from contribgen import _Marker

    document = python_docx.Document()
    document.add_paragraph("Contribution from Japan", style="Title")
    document.add_paragraph("Proposals", style="Heading 1")
    for line in ("MOD\tJPN/12/5", "Output 2.1", "Rural communications"):
        document.add_paragraph(line)
    p = document.add_paragraph()
    if change is None:
        p.add_run(kept)
    else:
        marker = _Marker("Japan")
        before, after = kept.split("{}", 1)
        deletion, insertion = marker.element("w:del"), marker.element("w:ins")
        deletion.append(marker.run(change[0], None, deleted=True))
        insertion.append(marker.run(change[1], None))
        for piece in (marker.run(before, None), deletion, insertion, marker.run(after, None)):
            p._p.append(piece)
    document.add_paragraph("Reasons: affordability is the barrier.")
    path = tmp_path / name
    document.save(str(path))
    return path


def test_a_proposal_that_changes_nothing_is_val008(tmp_path: Path) -> None:
    """A black-box review (F3): "replace “X” with “X”" and a MOD block whose text is the base's
    paragraph unchanged passed with no finding; both are VAL008 (the proposal changes nothing).
    The same MOD with a word changed is no finding."""
    same = validate(_text_contribution(tmp_path, f'1. In Output 2.1, under "Rural communications", replace '
                                                 f'"{RURAL_OLD}" with "{RURAL_OLD}".'), BA)
    assert [(f.code, f.message) for f in same.findings] == [
        ("VAL008", f"Proposal 1 replaces “{RURAL_OLD}” with the same text: it changes nothing")]
    unchanged = validate(_mod_block(tmp_path, "same.docx", RURAL_PARAGRAPH), BA)
    assert [(f.code, f.severity, f.message) for f in unchanged.findings] == [
        ("VAL008", "warning", "Proposal JPN/12/5's text is that of Output 2.1 › Rural communications as it stands: "
                              "it changes nothing")]
    changed = validate(_mod_block(tmp_path, "changed.docx", RURAL_PARAGRAPH.replace(RURAL_OLD, "affordable access")),
                       BA)
    assert changed.findings == []


def test_a_mod_block_made_from_an_outdated_copy_is_val010(tmp_path: Path) -> None:
    """A black-box review (F3): a MOD whose paragraph shows its change with revision marks was read
    in its accepted view only, so one made from an outdated copy (the text before the marks is not
    the base's) passed. The text before the marks is what the MOD modifies: VAL010 when the base
    does not have it; the same MOD made from the base's text passes."""
    right = RURAL_PARAGRAPH.replace(RURAL_OLD, "{}")
    good = validate(_mod_block(tmp_path, "good.docx", right, (RURAL_OLD, "affordable broadband access")), BA)
    assert good.findings == []
    outdated = ("Rural populations will need to be provided with {}, by connecting isolated villages to regional "
                "backbone networks through satellite links where no fibre reaches.")
    (found,) = validate(_mod_block(tmp_path, "old.docx", outdated, (RURAL_OLD, "affordable broadband access")),
                        BA).findings
    assert (found.code, found.severity) == ("VAL010", "error")
    assert found.message.startswith("Proposal JPN/12/5 quotes “Rural populations will need to be provided with "
                                    "telephony and broadba…”")
    assert found.message.endswith("to modify, which is not in Output 2.1 › Rural communications, nor anywhere else "
                                  "in the base")


def test_an_excerpt_quoting_one_context_paragraph_removes_none_of_the_others(base_doc, tmp_path) -> None:
    """A black-box review (F5): an excerpt quoting the first paragraph of Output 2.1's Background
    (unchanged, as context) above the area it amends got VAL006 "3 blocks removed in Output 2.1 ›
    Background". An excerpt removes nothing it does not quote, paragraphs as sections; a
    paragraph of the context reworded without revision marks is still VAL006."""
    from dataclasses import replace as replaced

    from actionplan_trace.model import Document

    background = base_doc.section("output-2.1/background")
    assert len(background.blocks) >= 2
    ids = [*RURAL_EXCERPT[:2], "output-2.1/background", *RURAL_EXCERPT[2:]]
    excerpt = Document(source=base_doc.source, revisions=[], sections=[
        replaced(s, blocks=s.blocks[:1]) if s.id == "output-2.1/background" else s
        for s in base_doc.sections if s.id in ids])
    edit = [Insert("output-2.1/area-rural-communications", "supporting community networks in rural areas;")]
    rep = validate(write_contribution(excerpt, tmp_path / "c.docx", [EXAMPLIA_PROPOSALS[0]], edit), BASE_TEXT)
    assert rep.findings == []
    first = background.blocks[0]
    reworded = Document(source=base_doc.source, revisions=[], sections=[
        replaced(s, blocks=[replaced(first, text=first.text.replace("central", "essential", 1))])
        if s.id == "output-2.1/background" else s for s in excerpt.sections])
    rep = validate(write_contribution(reworded, tmp_path / "r.docx", [EXAMPLIA_PROPOSALS[0]], edit), BASE_TEXT)
    assert [(f.code, f.section, f.message.split(" in ")[0]) for f in rep.findings] == [
        ("VAL006", "output-2.1/background", "1 block modified")]


_RAISING = ("support Member States in raising cybersecurity awareness, building their cybersecurity capacity and "
            "improving their cybersecurity posture;")


def _cybersecurity_blocks(tmp_path: Path, name: str, blocks: list[tuple[str, list[Any]]]) -> Path:
    """A contribution of ITU blocks on Output 2.2 › Programme: Cybersecurity of objective2-old, one
    per (mark, lines): a .txt with "- " bullets, or a .docx whose lines are List Bullet paragraphs
    set in another font and size (a line given as a tuple is (kept with "{}", (old, new)): one
    paragraph whose change is shown with revision marks)."""
    import docx as python_docx
    from docx.shared import Pt

    from contribgen import _Marker

    path = tmp_path / name
    if name.endswith(".txt"):
        text = ["Contribution from Testland", "", "Proposals", ""]
        for n, (mark, lines) in enumerate(blocks, start=1):
            text += [f"{mark}\tTST/1/{n}", "", "Output 2.2", "", "Programme: Cybersecurity", ""]
            text += [f"- {line}" for line in lines] + ["", "Reasons: covered elsewhere.", ""]
        path.write_text("\n".join(text), encoding="utf-8")
        return path
    document = python_docx.Document()
    document.add_paragraph("Contribution from Testland", style="Title")
    document.add_paragraph("Proposals", style="Heading 1")
    marker = _Marker("Testland")
    for n, (mark, lines) in enumerate(blocks, start=1):
        for line in (f"{mark}\tTST/1/{n}", "Output 2.2", "Programme: Cybersecurity"):
            document.add_paragraph(line)
        for line in lines:
            p = document.add_paragraph(style="List Bullet")
            if isinstance(line, str):
                run = p.add_run(line)
                run.font.name, run.font.size = "Arial", Pt(10 + n)
                continue
            kept, (old, new) = line
            before, after = kept.split("{}", 1)
            deletion, insertion = marker.element("w:del"), marker.element("w:ins")
            deletion.append(marker.run(old, None, deleted=True))
            insertion.append(marker.run(new, None))
            for piece in (marker.run(before, None), deletion, insertion, marker.run(after, None)):
                p._p.append(piece)
        document.add_paragraph("Reasons: covered elsewhere.")
    document.save(str(path))
    return path


@pytest.mark.parametrize("name", ["sup.docx", "sup.txt"])
def test_a_sup_block_of_consecutive_whole_bullets_matches_the_base(tmp_path: Path, name: str) -> None:
    """Left undone at an earlier stop: a SUP block quoting two (or three) whole consecutive bullets
    of the base was a false VAL010 "not in Output 2.2 › Cybersecurity, nor anywhere else", as a
    quotation was looked for within one paragraph. Whole paragraphs in a row now match; half a
    bullet, half a bullet and the next, and two bullets with one between them are still VAL010."""
    blocks = [("SUP", [_CYBERDRILLS, _GCI]),
              ("SUP", [_CYBERDRILLS, _GCI, _RAISING]),
              ("SUP", ["organize cyberdrills at national and regional level;"]),
              ("SUP", ["to strengthen institutional cooperation and coordination among the key actors and stakeholder;",
                       _GCI]),
              ("SUP", [_CYBERDRILLS, _RAISING])]
    rep = validate(_cybersecurity_blocks(tmp_path, name, blocks), CORPUS / "objective2-old.docx")
    assert [(p.number, p.action) for p in rep.proposals] == [(f"TST/1/{n}", "delete") for n in range(1, 6)]
    place = "Output 2.2 › Cybersecurity"
    assert [(f.code, _proposal(f), f.message.split(", which ", 1)[1]) for f in rep.findings] == [
        ("VAL010", "TST/1/3", f"is only part of a paragraph of {place}: SUP deletes whole paragraphs (quote the whole "
                        "bullet, or propose deleting the words in prose)"),
        ("VAL010", "TST/1/4", f"is not whole paragraphs in a row of {place}: SUP deletes whole paragraphs (quote the "
                        "whole bullets, or propose deleting the words in prose)"),
        ("VAL010", "TST/1/5", f"is not in {place}, nor anywhere else in the base"),
    ]


def test_a_mod_block_of_consecutive_bullets_is_compared_with_the_base(tmp_path: Path) -> None:
    """A MOD block reproducing two consecutive bullets: unchanged, it changes nothing (VAL008, which
    a quotation looked for within one paragraph missed); with a word of the second changed with
    revision marks, the text before the marks is the base's (no false VAL010); made from an
    outdated copy of the two, it is VAL010."""
    changed = (_GCI.replace("good practices", "{}"), ("good practices", "best practices"))
    outdated = (_GCI.replace("good practices", "{}"), ("good and bad practices", "best practices"))
    blocks = [("MOD", [_CYBERDRILLS, _GCI]), ("MOD", [_CYBERDRILLS, changed]), ("MOD", [_CYBERDRILLS, outdated])]
    rep = validate(_cybersecurity_blocks(tmp_path, "mod.docx", blocks), CORPUS / "objective2-old.docx")
    assert [(p.number, p.action) for p in rep.proposals] == [(f"TST/1/{n}", "modify") for n in range(1, 4)]
    assert [f.code for f in rep.findings] == ["VAL008", "VAL010"]
    assert rep.findings[0].message == ("Proposal TST/1/1's text is that of Output 2.2 › Cybersecurity as it stands: "
                                       "it changes nothing")
    assert rep.findings[1].message.startswith("Proposal TST/1/3 quotes “organize cyberdrills")
    assert rep.findings[1].message.endswith("to modify, which is not in Output 2.2 › Cybersecurity, nor anywhere else "
                                            "in the base")


_RURAL_TABLE = ["Output", "Current text", "Proposed text", "Rationale", "2.1", RURAL_FIRST,
                RURAL_FIRST.replace("rural, unserved", "rural, remote, unserved"), "Include remote areas."]
_TITLE_21 = ("Output 2.1 – Products and services on telecommunication/ICT infrastructure and services, including "
             "broadband and broadcasting, bridging the digital standardization gap, conformance and interoperability "
             "and spectrum management")


def _unnamed_heading(tmp_path: Path, name: str, heading: str, level: int, font: str, body: list[Any],
                     excerpt: list[tuple[str, str]] = ()) -> Path:
    """A .docx contribution whose proposals stand under `heading` (a Heading `level` paragraph in
    `font`), no profile's word for proposals: `body` holds paragraphs (str) and tables (a list of
    cells, four to a row); `excerpt` is amended text after it, (style, text) a paragraph each."""
    import docx as python_docx
    from docx.shared import Pt

    document = python_docx.Document()
    document.styles["Normal"].font.name = font
    document.add_paragraph("Contribution from Japan", style="Title")
    document.add_paragraph("Abstract", style=f"Heading {level}")
    document.add_paragraph("This contribution proposes amendments to the Buenos Aires Action Plan.")
    title = document.add_paragraph(style=f"Heading {level}").add_run(heading)
    title.font.name, title.font.size = font, Pt(12 + 2 * level)
    for part in body:
        if isinstance(part, str):
            document.add_paragraph(part)
            continue
        table = document.add_table(rows=len(part) // 4, cols=4)
        table.style = "Table Grid"
        for cell, text in zip([c for row in table.rows for c in row.cells], part):
            cell.text = text
    for style, text in excerpt:
        document.add_paragraph(text, style=style)
    path = tmp_path / name
    document.save(str(path))
    return path


@pytest.mark.parametrize(("heading", "level", "font", "body"), [
    ("Suggested changes", 1, "Calibri", ["Japan suggests the following changes:", _RURAL_TABLE,
                                         "Japan invites TDAG to consider them."]),
    ("Japan's amendments", 1, "Times New Roman",
     [["Proposal", "Reason", "", "", f"In Output 2.1, under “Rural communications”, replace “{RURAL_OLD}” with "
       "“affordable broadband access”.", "Affordability is the barrier.", "", ""]]),
    ("Amendments", 1, "Arial", ["MOD\tJPN/12/5", f"Output 2.1, Rural communications, first paragraph: replace "
                                f"“{RURAL_OLD}” with “affordable broadband access”.", "Reasons: affordability."]),
    ("3 Changes to the Plan", 3, "Cambria",
     [f"1. In Output 2.1, under “Rural communications”, replace “{RURAL_OLD}” with “affordable broadband access”."]),
])
def test_proposals_under_a_heading_no_profile_names_are_no_amended_text(tmp_path: Path, heading: str, level: int,
                                                                         font: str, body: list[Any]) -> None:
    """Left undone at an earlier stop (black-box review F4): proposals under a heading the profile
    does not know ("Suggested changes", then a table of changes; a Proposal | Reason table, an ITU
    MOD block or numbered proposals likewise) were read as the proposals and again as amended text:
    a spurious VAL006 "1 section added in Suggested changes without revision marks". That heading
    heads proposals as "Proposals" does, with the sentences around them: one proposal, no finding.
    A quotation not in the plan is still VAL010, alone."""
    rep = validate(_unnamed_heading(tmp_path, "c.docx", heading, level, font, body), BA)
    assert [(p.action, p.outputs) for p in rep.proposals] == [("replace", ["2.1"])]
    assert rep.findings == []
    wrong = [part if isinstance(part, str) else [c.replace(RURAL_FIRST, "providing satellite links to every village;")
                                                 for c in part] for part in body]
    wrong = [part.replace(RURAL_OLD, "satellite and microwave backhaul links") if isinstance(part, str) else
             [c.replace(RURAL_OLD, "satellite and microwave backhaul links") for c in part] for part in wrong]
    assert [f.code for f in validate(_unnamed_heading(tmp_path, "w.docx", heading, level, font, wrong), BA).findings] == [
        "VAL010"]


_BROADCASTING = ("The objective of BDT work in broadcasting is to enable developing countries to achieve smooth "
                 "migration from analogue to digital broadcasting and to follow the post-transition activities, such "
                 "as the introduction of new broadcasting services and allocation of the digital dividend.")


def test_amended_text_after_a_table_of_changes_under_an_unnamed_heading_is_still_compared(tmp_path: Path) -> None:
    """The heading that holds the table is no amended text; the excerpt after it still is, though
    the structure puts its output under that heading (an output ranks below any styled heading):
    a paragraph of Output 2.1 › Broadcasting, which the table's row (Rural communications) does not
    name, reworded without revision marks is VAL006, and nothing else is reported."""
    table = [("Output 2.1, Rural communications" if cell == "2.1" else cell) for cell in _RURAL_TABLE]
    reworded = _BROADCASTING.replace("smooth migration", "a swift migration")
    path = _unnamed_heading(tmp_path, "c.docx", "Suggested changes", 1, "Calibri", [table],
                            [("Heading 1", _TITLE_21), ("Heading 2", "Implementation framework"),
                             ("Heading 3", "Broadcasting"), ("Normal", reworded)])
    rep = validate(path, BA)
    assert [(p.outputs, p.heading) for p in rep.proposals] == [(["2.1"], "Rural communications")]
    assert [(f.code, f.section) for f in rep.findings] == [("VAL006", "output-2.1/area-broadcasting")]
    assert rep.findings[0].message.startswith("1 block modified in Output 2.1 › Broadcasting without revision marks")


_BROADCASTING_BULLETS = [
    "providing assistance on policy and regulatory frameworks for digital terrestrial broadcasting, including "
    "frequency planning and optimization of spectrum use; digital broadcasting guidelines and master plans for the "
    "transition from analogue to digital broadcasting and new broadcasting services and technologies;",
    "organizing regional meetings between ITU members on the use of spectrum for broadcasting services and other "
    "services."]
_RURAL_BULLETS = [  # "sustainability" ends a paragraph of the base and is in no other, so a quotation of the
    # last two bullets has it inside, where the base has "sustainability;"
    "providing information on suitable technologies for access, backhaul and source of power supply to bring "
    "telecommunications to rural, unserved and underserved areas;",
    "implementing projects on public/community broadband access points focusing on the provision of ICT services and "
    "applications through suitable technologies, including satellite, and business models which achieve financial "
    "and operational sustainability;",
    "disseminating information and analyses of the latest technologies and best practices through methods such as "
    "publications, symposia, seminars and workshops, taking into account the outputs of related ITU D study group "
    "activities."]


@pytest.mark.parametrize("name", ["elsewhere.docx", "elsewhere.txt"])
def test_a_block_of_consecutive_bullets_of_another_section_is_said_to_be_there(tmp_path: Path, name: str) -> None:
    """A SUP or MOD block reproducing several consecutive bullets of a section other than the one it
    names was a VAL010 "…, nor anywhere else in the base": the other sections were searched within
    one paragraph. They are now searched as the named one is, across the ends of paragraphs in a
    row, and the finding says where the text is (found by a word inside the quotation that ends a
    paragraph of the base: "sustainability"); bullets with one between them are still nowhere. (A
    MOD block's text before its revision marks is what it quotes: the .docx only.)"""
    marked = (_RURAL_BULLETS[2].replace("publications", "{}"), ("publications", "publications, videos"))
    blocks = [("SUP", _BROADCASTING_BULLETS), ("SUP", _RURAL_BULLETS[1:]), ("SUP", [_RURAL_BULLETS[0], _RURAL_BULLETS[2]])]
    blocks += [("MOD", [_RURAL_BULLETS[1], marked])] if name.endswith(".docx") else []
    rep = validate(_cybersecurity_blocks(tmp_path, name, blocks), CORPUS / "objective2-old.docx")
    assert [p.action for p in rep.proposals] == ["delete", "delete", "delete", "modify"][:len(blocks)]
    found = [(_proposal(f), f.ref, f.message.split(", which ", 1)[1]) for f in rep.findings if f.code == "VAL010"]
    place, rural = "Output 2.2 › Cybersecurity", ("output-2.1/area-rural-communications",
                                                 "is not in Output 2.2 › Cybersecurity; it is in Output 2.1 › Rural "
                                                 "communications")
    assert found == [
        ("TST/1/1", "output-2.1/area-broadcasting", f"is not in {place}; it is in Output 2.1 › Broadcasting"),
        ("TST/1/2", *rural),
        ("TST/1/3", None, f"is not in {place}, nor anywhere else in the base"),
    ] + ([("TST/1/4", *rural)] if name.endswith(".docx") else [])


@pytest.mark.parametrize("source", ["text", "docx"])
def test_a_quotation_is_looked_for_in_one_reading_of_the_sections(base_doc, made, source: str) -> None:
    """Quotations are looked for whole (`_text_of`) and paragraph by paragraph (`_paragraph_keys`)
    in one reading of the sections' titles and paragraphs (`_parts`): the two cannot drift apart."""
    from actionplan_trace.validate.contribution import _key, _paragraph_keys, _parts, _text_of
    from actionplan_trace.diff.ignore import comparable

    doc = base_doc if source == "text" else load(made["base_docx"])
    parts = list(_parts(doc.sections))
    assert parts[0] == (doc.sections[0].title or "") and len(parts) > len(doc.sections)
    assert _text_of(doc.sections) == comparable("\n".join(parts))
    assert _paragraph_keys(doc.sections) == [k for part in parts if (k := _key(part))]


_EXCERPT_EDITS: list[Any] = [
    Insert("output-2.1/area-rural-communications", "providing guidance on solar-powered community networks;"),
    Append("Communications no longer just connect people", " Satellite constellations also extend coverage to remote islands."),
]


@pytest.mark.parametrize(("style", "lead"), [
    (EXAMPLIA_STYLE, None),
    (Style(headings="styles"), "The Delegation of Examplia proposes the following amendment."),
    (Style(headings="bold", numbering="typed", title_next_line=False, bullets="typed"), None),
])
def test_an_excerpt_straight_after_the_proposals_is_the_amended_text(base_doc, made, tmp_path: Path, style: Style,
                                                                      lead: str | None) -> None:
    """An excerpt of the plan (Output 2.1 alone) typed straight after the proposals, with no
    "Amended text" heading between, opens inside the "Proposals" section (an output ranks below
    it). It was read as more proposals (its references paragraphs, naming Output 2.1, three VAL001
    "names no action" and a place covering the whole output) and its revision marks went
    unjudged; after a sentence under "Proposals" it was left out altogether. It is the amended
    text, judged as after "Detailed modifications …": the mark in Background, which the proposal
    does not name, is VAL005, and nothing else."""
    sections = [replace(s, parent=None) if s.id == "output-2.1" else s
                for s in base_doc.sections if s.id.startswith("output-2.1")]
    excerpt = Document(source=base_doc.source, sections=sections, revisions=[])
    proposal = 'In Output 2.1, under the heading "Rural communications", add an activity on community networks.'
    reports = [validate(write_contribution(excerpt, tmp_path / f"{name}.docx", [proposal], _EXCERPT_EDITS, style,
                                           amended_heading=heading, lead=lead), made["base_docx"])
               for name, heading in (("headed", "Detailed modifications are as follows:"), ("straight", None))]
    for rep in reports:
        assert [(p.number, p.outputs, p.action) for p in rep.proposals] == [("1", ["2.1"], "add")]
        assert [(r.proposal, r.section) for r in rep.resolutions] == [("1", "output-2.1/area-rural-communications")]
        assert [(f.code, f.section) for f in rep.findings] == [("VAL005", "output-2.1/background")]
        assert "Satellite constellations" in rep.findings[0].message
    headed, straight = reports
    assert ([(r.revision.type, r.revision.text, r.section_original, r.proposals) for r in straight.revisions]
            == [(r.revision.type, r.revision.text, r.section_original, r.proposals) for r in headed.revisions])


@pytest.mark.parametrize(("title_style", "font", "headings"), [
    ("Heading 1", "Arial", "styles"), ("Title", "Times New Roman", "styles"), ("Title", "Calibri", "bold"), ("Heading 1", "Calibri", "bold"),
])
def test_a_title_in_a_heading_style_above_the_abstract_is_the_covers(base_doc, tmp_path, title_style, font,
                                                                     headings) -> None:
    """A contribution titled in a heading style ("Community networks in Objective 2" as Heading 1
    or Title) above its Abstract and Proposals, with no "Amended text" heading, is titled so on its
    cover: no section of the plan the proposals leave unnamed (VAL006), as with a bold title."""
    title = "Community networks in Objective 2"
    path = write_contribution(base_doc, tmp_path / "titled.docx", [EXAMPLIA_PROPOSALS[0]],
                              [Insert("output-2.1/area-rural-communications", "supporting community networks in rural areas;")],
                              style=Style(headings=headings), title=title, amended_heading=None)
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if p.text == title)
    paragraph.style = document.styles[title_style]
    for run in paragraph.runs:
        run.font.name = font
    document.save(str(path))
    result = run_cli("validate", str(path), "--against", str(BASE_TEXT), "-f", "json")
    data = json.loads(result.stdout)
    assert [(p["number"], p["action"]) for p in data["proposals"]] == [("1", "add")]
    assert (result.returncode, data["findings"]) == (0, [])
