"""Action Plan and roadmap shapes a review wrote without looking at the seeds (held out): parts
numbered in Roman numerals, "Thematic priority" objectives, reworded reference groups, numbered
programmes, an action line heading after a dash, and objectives and outputs numbered by Word's own
list labels. Each was read into the wrong tree before its rule (rules/profiles/) took it."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from actionplan_trace.loader import load
from test_docx_reader import level, para, save, set_numbering, add_body

OUTCOMES = """| Outcomes | Performance indicators | Outputs |
| --- | --- | --- |
| Enhanced capacity of Member States to deploy broadband. | Number of national broadband plans | 1.1 - Broadband infrastructure |
"""


def output(number: str, programme: str, groups: tuple[str, str, str]) -> str:
    """An output as an Action Plan writes it, its sub-headings bold, its references in three groups."""
    return f"""**Output {number} – Broadband infrastructure and connectivity**

**Background**

Affordable connectivity remains a precondition for the digital economy.

**Implementation framework**

{programme}

The programme assists Member States in designing national broadband plans.

**Rural connectivity**

Community networks and satellite backhaul for remote areas.

**References to WTDC resolutions, WSIS action lines and sustainable development goals**

**{groups[0]}**

PP Resolutions 101, 139

**{groups[1]}**

C2, C6

**{groups[2]}**

SDG 9 (targets 9.1, 9.c)
"""


def plan(tmp_path: Path, objective: str = "Objective 1 – Affordable connectivity",
         programme: str = "Programme: Broadband and rural connectivity",
         groups: tuple[str, str, str] = ("PP and WTDC resolutions", "WSIS action lines",
                                         "Sustainable Development Goals and targets"),
         tail: str = "") -> Path:
    text = f"""**{objective}**

Affordable connectivity underpins every other ITU-D priority.

{OUTCOMES}
{output("1.1", programme, groups)}
{output("1.2", programme, groups).replace("Output 1.2 – Broadband infrastructure", "Output 1.2 – Spectrum")}
**{objective.replace("1", "2", 1).split("–")[0]}– Digital transformation**

Digital transformation of public services and of the economy.
{tail}"""
    path = tmp_path / "plan.md"
    path.write_text(text, encoding="utf-8")
    return path


def tree(path: Path) -> list[tuple[str, str, str | None]]:
    doc = load(path)
    return [(s.id, s.kind, s.parent) for s in doc.sections]


def test_reworded_reference_groups_and_a_numbered_programme(tmp_path: Path) -> None:
    path = plan(tmp_path, programme="Programme 2 – Broadband and rural connectivity",
                groups=("Relevant WTDC resolutions", "Relevant WSIS action lines", "Linkages with the SDGs"))
    doc = load(path)
    assert doc.source.profile == "action-plan"
    ids = {s.id: s for s in doc.sections}
    for n in ("1.1", "1.2"):
        assert ids[f"output-{n}/references-resolutions"].blocks[0].text == "PP Resolutions 101, 139"
        assert ids[f"output-{n}/references-wsis"].blocks[0].text == "C2, C6"
        assert ids[f"output-{n}/references-sdgs"].blocks[0].text == "SDG 9 (targets 9.1, 9.c)"
        programme = ids[f"output-{n}/programme-broadband-and-rural-connectivity"]
        assert programme.kind == "programme" and programme.parent == f"output-{n}/implementation-framework"
        assert ids[f"output-{n}/area-rural-connectivity"].parent == programme.id


def test_thematic_priorities_are_objectives(tmp_path: Path) -> None:
    doc = load(plan(tmp_path, objective="Thematic priority 1 – Affordable connectivity"))
    assert doc.source.profile == "action-plan"
    objectives = [(s.id, s.title) for s in doc.sections if s.kind == "objective"]
    assert objectives == [("objective-1", "Affordable connectivity"), ("objective-2", "Digital transformation")]
    assert [s.parent for s in doc.sections if s.kind == "output"] == ["objective-1", "objective-1"]


@pytest.mark.parametrize("heading", ["PART III – REGIONAL INITIATIVES", "Part II – Regional initiatives"])
def test_a_part_numbered_in_roman_numerals_closes_the_objective(tmp_path: Path, heading: str) -> None:
    tail = f"""
**{heading}**

**AFR1: Digital transformation for Africa**

Objective: To assist Member States of the region.
"""
    doc = load(plan(tmp_path, tail=tail))
    number = heading.split()[1]
    part = next(s for s in doc.sections if s.kind == "part")
    assert (part.id, part.number, part.parent) == (f"part-{number}", number, None)
    assert not any("AFR1" in b.text for s in doc.sections if s.id == "objective-2" for b in s.blocks)


def test_an_action_line_heading_after_a_dash(tmp_path: Path) -> None:
    rows = "\n".join(f"| A{n}: Outcome {n} text | 2025 | Goal 1 | 4.4 | Results {n} |" for n in (1, 2))
    sections = "\n\n".join(f"""**Action Line {line} – {title}**

| WSIS Outcomes | Timing | ITU Strategic Goals and Relevant Resolutions | Linkages with the SDGs | Expected Results |
| --- | --- | --- | --- | --- |
{rows}""" for line, title in (("C4", "Capacity building"), ("C7", "E-health")))
    path = tmp_path / "roadmap.md"
    path.write_text(f"**ITU WSIS Action Line Roadmaps**\n\n{sections}\n", encoding="utf-8")
    doc = load(path)
    assert doc.source.profile == "wsis-roadmap"
    assert [(s.id, s.title) for s in doc.sections if s.kind == "action-line"] == [
        ("action-line-C4", "Capacity building"), ("action-line-C7", "E-health")]
    assert [s.id for s in doc.sections if s.kind == "wsis-outcome"] == [
        "action-line-C4/A1", "action-line-C4/A2", "action-line-C7/A1", "action-line-C7/A2"]


@pytest.mark.parametrize("bold", [True, False], ids=["bold", "plain"])
def test_outputs_given_by_their_number_alone_are_outputs(tmp_path: Path, bold: bool) -> None:
    """"1.1 Broadband infrastructure …" as an output's heading, the word Output left out: it was
    read as body text of the objective, the output's sub-sections with it."""
    path = plan(tmp_path)
    text = path.read_text(encoding="utf-8").replace("**Output 1.1 – ", "**1.1 ").replace("**Output 1.2 – ", "**1.2 ")
    path.write_text(text if bold else text.replace("**1.1 Broadband infrastructure and connectivity**",
                                                    "1.1 Broadband infrastructure and connectivity"), encoding="utf-8")
    doc = load(path)
    assert doc.source.profile == "action-plan"
    assert [(s.id, s.title, s.parent) for s in doc.sections if s.kind in ("objective", "output", "background")] == [
        ("objective-1", "Affordable connectivity", None),
        ("output-1.1", "Broadband infrastructure and connectivity", "objective-1"),
        ("output-1.1/background", "Background", "output-1.1"),
        ("output-1.2", "Spectrum and connectivity", "objective-1"),
        ("output-1.2/background", "Background", "output-1.2"),
        ("objective-2", "Digital transformation", None)]
    outcome = doc.by_id["outcome-1.1"]  # the outcome table's Outputs cell names the output, and stays a cell
    assert (outcome.parent, outcome.fields["outputs"]) == ("objective-1", "1.1 - Broadband infrastructure")


@pytest.mark.parametrize("change", ["sentence", "gap"])
def test_outputs_by_number_alone_with_sentences_naming_them_or_a_gap(tmp_path: Path, change: str) -> None:
    """A sentence opening with "Output 1.1 will contribute to …" (the Buenos Aires plan's own
    wording) is no heading that writes the word: it turned every bare-number output away; and a
    gap in the numbers (1.1, then 1.3, a revision having deleted 1.2) is no reason to read the
    next output into the one before (a second regression review)."""
    path = plan(tmp_path)
    text = path.read_text(encoding="utf-8").replace("**Output 1.1 – ", "**1.1 ").replace("**Output 1.2 – ", "**1.2 ")
    if change == "sentence":
        text = text.replace("PP Resolutions 101, 139", "Output 1.1 will contribute to the achievement of the following UN SDGs: 9.\n\nPP Resolutions 101, 139", 1)
        expected = ["output-1.1", "output-1.2"]
    else:
        text = text.replace("**1.2 ", "**1.3 ")
        expected = ["output-1.1", "output-1.3"]
    path.write_text(text, encoding="utf-8")
    doc = load(path)
    assert [s.id for s in doc.sections if s.kind == "output"] == expected
    assert doc.by_id[f"{expected[1]}/references"].parent == expected[1]


@pytest.mark.parametrize("numbered", ["**1.2 Rural connectivity**", "1.1\tRural connectivity", "**1.1 Affordable access**\n\nText."])
def test_numbered_sub_headings_of_a_plan_that_writes_output_stay_inside_their_output(tmp_path: Path, numbered: str) -> None:
    """A plan whose outputs are "Output 1.1 – …" and whose areas of work or Background sub-clauses
    are numbered ("1.2 Rural connectivity", a Word list's "1.1<TAB>…"): these are no outputs; the
    number-alone rule made them outputs, closing the real one and taking its references (a
    regression review)."""
    path = plan(tmp_path)
    text = path.read_text(encoding="utf-8").replace("**Rural connectivity**", numbered, 1)
    path.write_text(text, encoding="utf-8")
    doc = load(path)
    assert [(s.id, s.parent) for s in doc.sections if s.kind == "output"] == [("output-1.1", "objective-1"),
                                                                              ("output-1.2", "objective-1")]
    assert doc.by_id["output-1.1/references-resolutions"].parent == "output-1.1/references"


@pytest.mark.parametrize("output_label", ["Output %1.%2", "%1.%2"])
def test_objectives_and_outputs_numbered_by_word(tmp_path: Path, output_label: str) -> None:
    """Word's own labels ("Objective %1 –", "Output %1.%2") hold the words the profile is known by:
    detection read the paragraphs' text without them and chose the generic profile, where the
    PDF printed from the same file (labels in its text) was an Action Plan. Outputs numbered
    "%1.%2" alone, the word Output left out, were body text of their objective."""
    document = docx.Document()
    set_numbering(document, '<w:abstractNum w:abstractNumId="0">' + level(0, "decimal", "Objective %1 –")
                  + level(1, "decimal", output_label) + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    body = ""
    for objective, outputs in (("Affordable connectivity", ("Broadband infrastructure", "Spectrum management")),
                               ("Digital transformation", ("E-government services",))):
        body += para(objective, 1, 0, "Heading1") + para(f"{objective} underpins every other priority.")
        for title in outputs:
            body += para(title, 1, 1, "Heading2") + para("Background", style="Heading3")
            body += para("Affordable connectivity remains a precondition for the digital economy.")
            body += para("Implementation framework", style="Heading3") + para("The programme assists Member States.")
            body += para("References", style="Heading3") + para("PP and WTDC resolutions", style="Heading4")
            body += para("PP Resolutions 101, 139") + para("WSIS action lines", style="Heading4") + para("C2, C6")
    add_body(document, body)
    doc = load(save(document, tmp_path / "numbered.docx"))
    assert doc.source.profile == "action-plan"
    assert [(s.id, s.title) for s in doc.sections if s.kind in ("objective", "output")] == [
        ("objective-1", "Affordable connectivity"), ("output-1.1", "Broadband infrastructure"),
        ("output-1.2", "Spectrum management"), ("objective-2", "Digital transformation"),
        ("output-2.1", "E-government services")]


@pytest.mark.parametrize("styled", [False, True], ids=["bold-goals", "heading-goals"])
def test_a_report_s_targets_in_a_table_are_target_reports_with_their_status(tmp_path: Path, styled: bool) -> None:
    """An implementation report giving each goal's targets as a "Target | Indicator | Status"
    table: a review found the rows left a plain table, no target report and no status (the
    seeds' report writes a bold line and a status paragraph per target)."""
    from actionplan_trace.app import graph

    document = docx.Document()
    document.add_paragraph("Report on the implementation of the Strategic Plan 2020-2023", style="Title")
    for goal, title, targets in (
            ("1", "Growth – Enable and foster access to telecommunications/ICTs",
             [("1.1", "Worldwide, 70% of households should have access to the Internet", "Target on track"),
              ("1.2", "Worldwide, 70% of individuals should be using the Internet", "Target off track")]),
            ("2", "Inclusiveness – Bridge the digital divide",
             [("2.1", "In the developing world, 60% of households should have access", "Target achieved")])):
        heading = f"Goal {goal} – {title}"
        if styled:
            document.add_paragraph(heading, style="Heading 2")
        else:
            document.add_paragraph().add_run(heading).bold = True
        document.add_paragraph("Progress achieved towards the targets of this goal is shown below.")
        table = document.add_table(rows=1 + len(targets), cols=3)
        for cell, text in zip(table.rows[0].cells, ("Target", "Indicator", "Status")):
            cell.text = text
        for row, (number, words, status) in zip(table.rows[1:], targets):
            for cell, text in zip(row.cells, (f"Target {number}: {words}", "Percentage of households", status)):
                cell.text = text
    path = save(document, tmp_path / "report.docx")
    doc = load(path)  # detection reads the tables' key column: "Target 1.1: …" rows
    assert doc.source.profile == "implementation-report"
    assert [(s.id, s.parent) for s in doc.sections if s.kind == "target-report"] == [
        ("target-1.1", "goal-1"), ("target-1.2", "goal-1"), ("target-2.1", "goal-2")]
    built, _ = graph([path])
    reported = sorted((e.target, e.attrs.get("status")) for e in built.edges.values()
                      if e.relation == "reports-on" and e.target.startswith("ITU-TARGET"))
    assert reported == [("ITU-TARGET-1.1", "on track"), ("ITU-TARGET-1.2", "off track"), ("ITU-TARGET-2.1", "achieved")]


def _plan_docx(path: Path, word_labels: bool) -> Path:
    """A plan whose objectives, outputs and sub-headings are numbered by typing ("Objective 1 –",
    "Output 1.1 –", sub-headings unnumbered), or by a Word list ("Objective %1 –", "%1.%2", "%3")."""
    document = docx.Document()
    set_numbering(document, '<w:abstractNum w:abstractNumId="0">' + level(0, "decimal", "Objective %1 –")
                  + level(1, "decimal", "%1.%2") + level(2, "decimal", "%3")
                  + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    body = ""
    for n, (objective, outputs) in enumerate((("Affordable connectivity", ("Broadband infrastructure", "Spectrum management")),
                                              ("Digital transformation", ("E-government services",))), start=1):
        body += (para(objective, 1, 0, "Heading1") if word_labels else para(f"Objective {n} – {objective}", style="Heading1"))
        body += para(f"{objective} underpins every other priority.")
        for k, title in enumerate(outputs, start=1):
            body += para(title, 1, 1, "Heading2") if word_labels else para(f"Output {n}.{k} – {title}", style="Heading2")
            for sub, text in (("Background", "Affordable connectivity remains a precondition."),
                              ("Implementation framework", "The programme assists Member States.")):
                body += para(sub, 1, 2, "Heading3") if word_labels else para(sub, style="Heading3")
                body += para(text)
            body += para("PP and WTDC resolutions", style="Heading4") + para("PP Resolutions 101, 139")
    add_body(document, body)
    return save(document, path)


def test_a_plan_numbered_by_word_against_its_typed_numbers_differs_in_numbering_only(tmp_path: Path) -> None:
    """The same plan with its numbers typed and with Word's list labels: every sub-heading was a
    "renamed heading {+1+} Background", and each output "[-Output-] 2.1 [-–-] …", where the text
    is the same and only how it is numbered changed (a review's new-edition documents)."""
    from actionplan_trace.app import compare

    result = compare(_plan_docx(tmp_path / "typed.docx", False), _plan_docx(tmp_path / "labelled.docx", True))
    assert result.changes and {c.kind for c in result.changes} == {"renamed"}
    assert {frozenset(c.differences or ()) for c in result.changes} == {frozenset({"numbering"})}
    assert result.visible() == []
    assert {(c.old, c.new) for c in result.changes} >= {("Background", "1 Background"),
                                                          ("Output 1.1 – Broadband infrastructure", "1.1 Broadband infrastructure")}
