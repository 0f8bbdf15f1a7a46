"""Plan shapes a held-out review found read flat: goals and their targets in a two-column table,
a roadmap with the outcome letter in a column of its own, a report's "**Target 1.1:** text" lines
(a bold label, then plain text), the goal columns of an objectives x goals matrix and a plan whose
objectives are "Priorities". Each fixture is built here, its fonts and layout varied."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from actionplan_trace.app import compare
from actionplan_trace.loader import load

GOALS = [
    ("Goal 1 – Growth: Enable and foster access to and increased use of telecommunications/ICTs",
     ["Target 1.1: Worldwide, 65% of households should have access to the Internet",
      "Target 1.2: Worldwide, 70% of individuals will be using the Internet",
      "Target 1.3: Worldwide, telecommunication/ICTs should be 25% more affordable by 2023"]),
    ("Goal 2 – Inclusiveness: Bridge the digital divide and provide broadband for all",
     ["Target 2.1.A: In the developing world, 60% of households should have access to the Internet",
      "Target 2.2.A: In the developing world, 50% of individuals should be using the Internet"]),
    ("Goal 3 – Sustainability: Manage emerging risks, challenges and opportunities",
     ["Target 3.1: Cybersecurity readiness should be improved by 40%"]),
]


def _font(paragraph, font: str, size: float, bold: bool = False) -> None:
    for run in paragraph.runs:
        run.font.name, run.font.size, run.bold = font, Pt(size), bold or None


def goals_table_plan(path: Path, goals=GOALS, *, font: str = "Calibri", size: float = 11,
                     header: tuple[str, str] = ("Strategic goal", "Targets"), styled: bool = True) -> Path:
    """A Strategic Plan whose goals and targets are a two-column table, a target a paragraph of its
    row's second cell; the clause headings Heading-styled or bold Normal."""
    doc = docx.Document()

    def heading(text: str, level: int) -> None:
        if styled:
            doc.add_heading(text, level)
        else:
            _font(doc.add_paragraph(text), font, size + 2, bold=True)

    heading("ANNEX TO RESOLUTION 71 (Rev. Dubai, 2018)", 1)
    heading("Strategic plan for the Union for 2020-2023", 1)
    heading("1 Strategic goals and targets", 2)
    _font(doc.add_paragraph("The Union's strategic goals and the targets set for them are set out below."), font, size)
    table = doc.add_table(rows=1 + len(goals), cols=2)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
        _font(cell.paragraphs[0], font, size, bold=True)
    for row, (goal, targets) in zip(table.rows[1:], goals):
        row.cells[0].text = goal
        _font(row.cells[0].paragraphs[0], font, size)
        cell = row.cells[1]
        cell.text = targets[0]
        for target in targets[1:]:
            cell.add_paragraph(target)
        for paragraph in cell.paragraphs:
            _font(paragraph, font, size - 1)
    heading("2 Linkages with the Sustainable Development Goals", 2)
    _font(doc.add_paragraph("Goal 1 contributes to SDG targets 9.c and 17.6."), font, size)
    doc.save(path)
    return path


def tree(doc) -> list[tuple[str, str, str | None]]:
    return [(s.kind, s.id, s.parent) for s in doc.sections]


GOAL_TREE = [
    ("goal", "goal-1", "clause-1"), ("target", "target-1.1", "goal-1"), ("target", "target-1.2", "goal-1"),
    ("target", "target-1.3", "goal-1"),
    ("goal", "goal-2", "clause-1"), ("target", "target-2.1.A", "goal-2"), ("target", "target-2.2.A", "goal-2"),
    ("goal", "goal-3", "clause-1"), ("target", "target-3.1", "goal-3"),
]


@pytest.mark.parametrize("font,size,styled,header", [
    ("Calibri", 11, True, ("Strategic goal", "Targets")),
    ("Times New Roman", 12, False, ("Strategic goals", "Strategic targets")),
    ("Arial", 9, True, ("Goal", "Target")),
])
def test_goals_and_targets_table(tmp_path, font, size, styled, header):
    """Each row of a "Strategic goal | Targets" table is its goal, each "Target N.M:" line of the
    row a target under it (lettered targets too), as the heading rules make them from headings.
    Before, the table was one block of clause 1."""
    doc = load(goals_table_plan(tmp_path / "sp.docx", font=font, size=size, styled=styled, header=header))
    assert doc.source.profile == "strategic-plan"
    got = [t for t in tree(doc) if t[0] in ("goal", "target")]
    assert got == GOAL_TREE
    goal = doc.get("goal-1")
    assert goal.title == "Growth: Enable and foster access to and increased use of telecommunications/ICTs"
    assert doc.get("target-2.1.A").title == "In the developing world, 60% of households should have access to the Internet"
    assert doc.get("clause-2").parent is None


def test_goals_table_diff_names_goal_and_target(tmp_path):
    """A target's words changed, and a goal row added with its target: each change is named by its
    goal and target, not by the table's column and row; the new goal's target is part of the goal's
    change (diff/3 `subsections`)."""
    old = goals_table_plan(tmp_path / "a.docx")
    goals = [(GOALS[0][0], [*GOALS[0][1][:2], GOALS[0][1][2].replace("25%", "30%")]), *GOALS[1:],
             ("Goal 4 – Innovation: Enable innovation in telecommunications/ICTs",
              ["Target 4.1: All countries should have policies fostering telecommunication/ICT-based innovation"])]
    new = goals_table_plan(tmp_path / "b.docx", goals)
    changes = compare(old, new).visible()
    assert [(c.kind, c.section_new, [step.split(" – ")[0] for step in c.path[1:]], c.subsections)
            for c in changes] == [
        ("renamed", "target-1.3", ["Goal 1", "Target 1.3"], []),
        ("added", "goal-4", ["Goal 4"], ["target-4.1"]),
    ]


C6_ROWS = [
    ["A", "Governments should foster a supportive, transparent, pro-competitive and predictable policy framework",
     "2016-2019", "Goal 1\nGoal 4\nPP Resolution 71", "9.c, 16.6, 17.14",
     "Expected Results: Effective regulatory frameworks. ITU Activities: Global Symposium for Regulators"],
    ["B", "Governments should give due regard to the special needs of developing countries in managing the radio spectrum",
     "2016-2019", "Goal 1\nWTDC Resolution 9", "9.c", "Expected Results: Spectrum management capacity."],
    ["C", "Encourage the development of national dispute settlement mechanisms",
     "2016-2019", "Goal 4", "16.3", "Expected Results: Dispute settlement guidelines."],
    ["D", "Promote regional and international cooperation on Internet governance",
     "2016-2019", "Goal 2\nPP Resolution 102", "16.8, 17.16", "Expected Results: Cooperation on Internet governance."],
]


def roadmap_with_label_column(path: Path, rows=C6_ROWS, *, split: bool = True, label: str = "No.",
                              font: str = "Calibri", size: float = 10, heading_style: bool = False) -> Path:
    """One action line's roadmap whose outcome letter stands in a column of its own ("No."), the
    header's cells carrying typed note marks, the table split in two (the header repeated)."""
    doc = docx.Document()
    title = "WSIS Action Line C6: Enabling Environment"
    if heading_style:
        doc.add_heading(title, 1)
    else:
        _font(doc.add_paragraph(title), font, size + 4, bold=True)
    header = [label, "WSIS Outcomes¹ (WSIS AL C6)", "Proposed² Timing", "ITU Strategic Goals and Relevant Resolutions³",
              "Linkages with the SDGs", "Expected Results of ITU Activities⁴"]
    parts = [rows[:2], rows[2:]] if split else [rows]
    for part in parts:
        table = doc.add_table(rows=1 + len(part), cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header):
            cell.text = text
            _font(cell.paragraphs[0], font, size, bold=True)
        for row, values in zip(table.rows[1:], part):
            for cell, value in zip(row.cells, values):
                lines = value.split("\n")
                cell.text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
                for paragraph in cell.paragraphs:
                    _font(paragraph, font, size)
        doc.add_paragraph("")
    _font(doc.add_paragraph("¹ WSIS outcomes are listed as in the Geneva Plan of Action."), font, size - 2)
    doc.save(path)
    return path


@pytest.mark.parametrize("split,label,font,heading_style", [
    (True, "No.", "Calibri", False), (False, "Ref.", "Times New Roman", True), (True, "No", "Arial", True)])
def test_roadmap_outcome_label_in_its_own_column(tmp_path, split, label, font, heading_style):
    """Each row is a WSIS outcome numbered by its label column, under the action line, and what its
    cells cite is the outcome's. Before, the table stayed whole under the action line, even with
    the wsis-roadmap profile."""
    from actionplan_trace.refs import document_refs

    doc = load(roadmap_with_label_column(tmp_path / "c6.docx", split=split, label=label, font=font,
                                         heading_style=heading_style), profile="wsis-roadmap")
    outcomes = doc.of_kind("wsis-outcome")
    assert [(s.id, s.number, s.parent) for s in outcomes] == [
        (f"action-line-C6/{x}", x, "action-line-C6") for x in "ABCD"]
    assert outcomes[2].title == "Encourage the development of national dispute settlement mechanisms"
    assert outcomes[1].fields["goals-and-resolutions"] == "Goal 1\nWTDC Resolution 9"
    cited = {(r.id, r.section) for r in document_refs(doc).refs}
    assert {("PP-RES-71", "action-line-C6/A"), ("WTDC-RES-9", "action-line-C6/B"), ("SDG-16.3", "action-line-C6/C"),
            ("PP-RES-102", "action-line-C6/D")} <= cited


def test_roadmap_label_column_diff_names_the_outcome(tmp_path):
    """A cell edited in the second part of the split table is named by its outcome."""
    old = roadmap_with_label_column(tmp_path / "a.docx")
    rows = [list(r) for r in C6_ROWS]
    rows[2][4] = "16.3, 16.6"
    new = roadmap_with_label_column(tmp_path / "b.docx", rows)
    changes = compare(old, new, profile="wsis-roadmap").visible()
    assert [(c.kind, c.section_new, c.refs_added) for c in changes] == [("modified", "action-line-C6/C", ["SDG-16.6"])]


REPORT_TARGETS = [
    ("1", "Growth", [("1.1", "65% of households worldwide with access to the Internet", "Target on track for achievement by 2023"),
                     ("1.2", "70% of individuals worldwide will be using the Internet", "Target achieved")]),
    ("2", "Inclusiveness", [("2.1", "In the developing world, 60% of households should have access to the Internet",
                             "Target off track")]),
]


def report_with_bold_labels(path: Path, *, styled: bool, font: str, size: float, space_in_bold: bool) -> Path:
    """A report listing each target as its label in bold and its text plain in one paragraph
    ("**Target 1.1:** 65% of households …"), then its status in italics; the goals Heading-styled
    or bold Normal, the space after the label in the bold run or the plain one."""
    doc = docx.Document()
    _font(doc.add_paragraph("Council 2020\nDocument C20/35-E"), font, size)
    _font(doc.add_paragraph("This report presents the progress made in the implementation of the Strategic Plan "
                            "for the Union 2020-2023."), font, size)

    def heading(text: str, level: int) -> None:
        if styled:
            doc.add_heading(text, level)
        else:
            _font(doc.add_paragraph(text), font, size + 4 - level, bold=True)

    heading("3 ITU Strategic Plan implementation", 1)
    heading("3.1 Results per Strategic Goal", 2)
    for n, (goal, name, targets) in enumerate(REPORT_TARGETS, 1):
        heading(f"3.1.{n} Goal {goal} – {name}", 3)
        _font(doc.add_paragraph(f"Goal {goal} is supported by the following strategic targets:"), font, size)
        for number, words, _ in targets:  # the goal's targets listed, each its label in bold, no status
            paragraph = doc.add_paragraph()
            paragraph.add_run(f"Target {number}: ").bold = True
            paragraph.add_run(words)
        _font(doc.add_paragraph("Progress achieved"), font, size, bold=True)
        for number, words, status in targets:
            paragraph = doc.add_paragraph()
            label = paragraph.add_run(f"Target {number}:" + (" " if space_in_bold else ""))
            label.bold = True
            paragraph.add_run(("" if space_in_bold else " ") + words)
            for run in paragraph.runs:
                run.font.name, run.font.size = font, Pt(size)
            paragraph.add_run().italic = True  # an empty run after the text: no text, no bold
            status_paragraph = doc.add_paragraph()
            status_paragraph.add_run(status).italic = True
    doc.save(path)
    return path


@pytest.mark.parametrize("styled,font,size,space_in_bold", [
    (True, "Calibri", 11, True), (False, "Times New Roman", 12, False), (True, "Arial", 10, False)])
def test_report_target_with_bold_label(tmp_path, styled, font, size, space_in_bold):
    """"**Target 1.1:** text" followed by its status opens a target report under its goal, the
    status paragraph in it, and the graph reads the status; the goal's list of its targets, set
    the same way but with no status after each, stays the goal's text. Before, targets and
    statuses were flat paragraphs of the goal (the rule wanted the whole line bold)."""
    from actionplan_trace.app import graph

    path = report_with_bold_labels(tmp_path / "report.docx", styled=styled, font=font, size=size,
                                   space_in_bold=space_in_bold)
    doc = load(path, profile="implementation-report")
    assert [(s.id, s.parent, s.title) for s in doc.of_kind("target-report")] == [
        ("target-1.1", "goal-1", "65% of households worldwide with access to the Internet"),
        ("target-1.2", "goal-1", "70% of individuals worldwide will be using the Internet"),
        ("target-2.1", "goal-2", "In the developing world, 60% of households should have access to the Internet")]
    assert [b.text for b in doc.get("target-1.1").blocks] == ["Target on track for achievement by 2023"]
    assert [b.text for b in doc.get("goal-1").blocks] == [
        "Goal 1 is supported by the following strategic targets:",
        "Target 1.1: 65% of households worldwide with access to the Internet",
        "Target 1.2: 70% of individuals worldwide will be using the Internet", "Progress achieved"]
    built, _ = graph([path], profile="implementation-report")
    reported = sorted((e.target, e.attrs.get("status")) for e in built.edges.values()
                      if e.relation == "reports-on" and e.target.startswith("ITU-TARGET"))
    assert reported == [("ITU-TARGET-1.1", "on track"), ("ITU-TARGET-1.2", "achieved"), ("ITU-TARGET-2.1", "off track")]


def test_bold_label_in_markdown(tmp_path):
    """The same in Markdown ("**Target 1.1:** text"); a sentence that opens with a bold word and
    names a target ("**Note:** Target 1.2: …") is none, nor is a target line with no bold."""
    path = tmp_path / "report.md"
    path.write_text("""# Report on the implementation of the Strategic Plan 2020-2023

## 3.1.1 Goal 1 – Growth

**Target 1.1:** 65% of households worldwide with access to the Internet

*Target on track for achievement by 2023*

Target 1.2: 70% of individuals worldwide will be using the Internet

**Note:** Target 1.3: affordability is measured from 2017

*Target achieved*
""", encoding="utf-8")
    doc = load(path, profile="implementation-report")
    assert [s.id for s in doc.of_kind("target-report")] == ["target-1.1"]
    assert [b.text for b in doc.get("target-1.1").blocks][:2] == [
        "Target on track for achievement by 2023", "Target 1.2: 70% of individuals worldwide will be using the Internet"]


def test_bold_lead_is_what_the_paragraph_opens_with(tmp_path):
    """The .docx reader's Block.bold_lead: the bold text a paragraph not bold throughout opens
    with, white space after it left out ("Target 1.1" where the colon after it is plain); 0 for a
    bold paragraph, one opening plain, or bold later."""
    from actionplan_trace.extract import read

    doc = docx.Document()
    for runs in ([("Target 1.1: ", True), ("text", False)], [("Target", True), (" 1.1", True), (": text", False)],
                 [("All bold", True)], [("plain ", False), ("bold", True)], [("  ", False), ("Lead", True), (" x", False)]):
        paragraph = doc.add_paragraph()
        for text, bold in runs:
            paragraph.add_run(text).bold = bold
    doc.save(tmp_path / "b.docx")
    assert [b.bold_lead for b in read(tmp_path / "b.docx").blocks] == [11, 10, 0, 0, 6]


def _mixed_line(x: float, top: float, pieces: list[tuple[str, str]], size: float) -> bytes:
    """One printed line in several fonts, each piece set where the one before it ended (one text
    object, the pen moving on with each Tj)."""
    from pdfgen import PAGE_H, _escape, font_id

    shows = b" ".join(b"/%s %.1f Tf (%s) Tj" % (font_id(font).encode(), size, _escape(text)) for text, font in pieces)
    return b"BT %.2f %.2f Td %s ET" % (x, PAGE_H - top, shows)


@pytest.mark.parametrize("family", ["Helvetica", "Times"])
def test_report_target_with_bold_label_in_a_pdf(tmp_path, family):
    """A PDF prints the label in a bold font and the text in a regular one on the same line: the
    same target reports, each holding its status."""
    from pdfgen import MARGIN, text_op, write_placed

    regular, bold = (f"{family}-Roman", f"{family}-Bold") if family == "Times" else (family, f"{family}-Bold")
    ops, top = [], MARGIN + 20
    ops.append(text_op(MARGIN, top, "Report on the implementation of the Strategic Plan 2020-2023", bold, 14))
    for number, words, status in REPORT_TARGETS[0][2]:
        top += 26
        if number == "1.1":
            ops.append(text_op(MARGIN, top, "3.1.1 Goal 1 - Growth", bold, 12))
            top += 26
            ops.append(text_op(MARGIN, top, "Goal 1 is supported by the following strategic targets:", regular, 11))
            top += 26
        ops.append(_mixed_line(MARGIN, top, [(f"Target {number}: ", bold), (words, regular)], 11))
        top += 26
        ops.append(text_op(MARGIN, top, status, regular, 11))
    doc = load(write_placed(tmp_path / "report.pdf", [ops]), profile="implementation-report")
    assert [(s.id, s.parent) for s in doc.of_kind("target-report")] == [("target-1.1", "goal-1"), ("target-1.2", "goal-1")]
    assert [b.text for b in doc.get("target-1.2").blocks] == ["Target achieved"]


def goals_matrix_plan(path: Path, *, mark: str, font: str, spaced: bool, caption_bold: bool) -> Path:
    """A 2012-style Strategic Plan whose Table 8.1 links the sectors' objectives ("T.1 …", "D.1 …")
    to the Union's strategic goals in columns "Goal 1" … "Goal 5", a link marked in the cell."""
    doc = docx.Document()
    doc.add_heading("ANNEX TO RESOLUTION 71 (Rev. Guadalajara, 2010)", 1)
    doc.add_heading("5 Telecommunication Standardization Sector (ITU-T)", 1)
    doc.add_heading("5.1 Objectives", 2)
    _font(doc.add_paragraph("Table 8.1 - Objectives and strategic goals"), font, 11, bold=caption_bold)
    goals = [f"Goal {n}" if spaced else f"Goal{n}" for n in range(1, 6)]
    rows = [("T.1 Coordination", {3}), ("T.2 Producing global standards", {3, 5}), ("D.1 Coordination", {1})]
    header = [["Objectives", *goals]]
    table = doc.add_table(rows=len(header) + len(rows), cols=6)
    table.style = "Table Grid"
    for row, texts in zip(table.rows, header):
        for cell, text in zip(row.cells, texts):
            cell.text = text
            _font(cell.paragraphs[0], font, 10, bold=True)
    for row, (objective, marked) in zip(table.rows[len(header):], rows):
        row.cells[0].text = objective
        for n in range(1, 6):
            row.cells[n].text = mark if n in marked else ""
        for cell in row.cells:
            _font(cell.paragraphs[0], font, 10)
    doc.save(path)
    return path


@pytest.mark.parametrize("mark,font,spaced,caption_bold", [
    ("X", "Calibri", True, False), ("✓", "Times New Roman", True, True), ("x", "Arial", False, False)])
def test_objectives_by_union_goals_matrix(tmp_path, mark, font, spaced, caption_bold):
    """Each mark under "Goal N" links the objective row to the Union's goal N, and the matrix is
    written back out. Before, the rows were read but no goal column was linked ("the files hold no
    objectives-goals matrix")."""
    from actionplan_trace.app import graph, matrix

    path = goals_matrix_plan(tmp_path / "sp.docx", mark=mark, font=font, spaced=spaced, caption_bold=caption_bold)
    built, _ = graph([path], profile="strategic-plan")
    linked = sorted((e.source.rpartition("#")[2], e.target) for e in built.edges.values()
                    if any(p.get("matrix") == "objectives-goals" for p in e.provenance))
    assert linked == [("table-8.1/link-1", "ITU-GOAL-3@SP-2012-2015"), ("table-8.1/link-2", "ITU-GOAL-3@SP-2012-2015"),
                      ("table-8.1/link-2", "ITU-GOAL-5@SP-2012-2015"), ("table-8.1/link-3", "ITU-GOAL-1@SP-2012-2015")]
    table = matrix(built, "objectives-goals")
    assert table.columns == ["ITU-GOAL-1@SP-2012-2015", "ITU-GOAL-3@SP-2012-2015", "ITU-GOAL-5@SP-2012-2015"]
    assert [row[2] for row in table.rows] == ["T.1 Coordination", "T.2 Producing global standards", "D.1 Coordination"]


def priority_plan(path: Path, *, word: str, styled: bool, font: str, area: bool = False) -> Path:
    """A Kigali-style plan: "Priority 1 – …" (or another word for an objective) and its outputs,
    Heading-styled or bold Normal."""
    doc = docx.Document()

    def heading(text: str, level: int) -> None:
        if styled:
            doc.add_heading(text, level)
        else:
            _font(doc.add_paragraph(text), font, 15 - level, bold=True)

    def body(text: str) -> None:
        _font(doc.add_paragraph(text), font, 11)

    heading(f"{word} 1 – Affordable connectivity", 1)
    body("Affordable connectivity underpins every other priority of the Sector.")
    for number, title in (("1.1", "Broadband infrastructure for the unconnected"), ("1.2", "Affordability of services")):
        heading(f"Output {number} – {title}", 2)
        heading("Background", 3)
        body("Connectivity remains a precondition for the digital economy.")
        heading("Implementation framework", 3)
        body("The Bureau assists Member States with national broadband plans.")
        if area and number == "1.1":
            heading("Community networks", 4)
            body("Community networks complement commercial operators.")
        heading("Relevant regional initiatives", 3)
        body("AFR1, ASP3")
    doc.save(path)
    return path


@pytest.mark.parametrize("word,said,styled,font", [
    ("Priority", "Priority", True, "Calibri"), ("Thematic priority", "Thematic priority", False, "Times New Roman"),
    ("PRIORITY", "Priority", False, "Arial"), ("Objective", "Objective", True, "Arial")])
def test_priority_plan_diff_in_its_own_words(tmp_path, word, said, styled, font):
    """A plan whose objectives are "Priorities" keeps the kind and id of an objective (objective-1,
    its entity ITU-D-OBJ-1), and the diff names the section by the plan's own word ("Priority 1 ›
    Output 1.1 › …"). Before, it said "Objective 1"."""
    old = priority_plan(tmp_path / "a.docx", word=word, styled=styled, font=font)
    new = priority_plan(tmp_path / "b.docx", word=word, styled=styled, font=font, area=True)
    doc = load(old, profile="action-plan")
    assert [(s.kind, s.id) for s in doc.sections if s.kind == "objective"] == [("objective", "objective-1")]
    changes = compare(old, new, profile="action-plan").visible()
    assert [(c.kind, c.section_new, [step.split(" – ")[0] for step in c.path]) for c in changes] == [
        ("added", "output-1.1/area-community-networks",
         [f"{said} 1", "Output 1.1", "Implementation framework", "Community networks"])]
