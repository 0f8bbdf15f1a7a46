"""Documents a held-out review wrote in forms the corpus lacks: an implementation report whose
annex is "Status of implementation of PP resolutions", excerpts of an Action Plan or a roadmap (a
contribution's annex is often one output), numbered goals under a numbered clause, table rows
numbered "D.1". Each is built here in Heading styles and in bold Normal paragraphs, in more than
one font, and read with the profile detection picks (rules/profiles/)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from actionplan_trace.loader import load
from actionplan_trace.model import Document

STYLES = [("heading", "Calibri"), ("bold", "Times New Roman"), ("bold", "Arial")]


class Writer:
    """A .docx written paragraph by paragraph, its headings in Heading styles or bold Normal
    paragraphs of a size per level."""

    def __init__(self, style: str, font: str) -> None:
        self.doc = docx.Document()
        self.style = style
        self.doc.styles["Normal"].font.name = font
        self.doc.styles["Normal"].font.size = Pt(11)

    def heading(self, text: str, level: int) -> None:
        if self.style == "heading":
            self.doc.add_heading(text, level)
            return
        run = self.doc.add_paragraph().add_run(text)
        run.bold = True
        run.font.size = Pt({1: 14, 2: 12, 3: 11, 4: 11}[level])

    def text(self, text: str) -> None:
        self.doc.add_paragraph(text)

    def labelled(self, label: str, rest: str) -> None:
        """A paragraph opening with a bold label ("Target 1.1: "), the rest plain."""
        paragraph = self.doc.add_paragraph()
        paragraph.add_run(label).bold = True
        paragraph.add_run(rest)

    def italic(self, text: str) -> None:
        self.doc.add_paragraph().add_run(text).italic = True

    def bullet(self, text: str) -> None:
        self.doc.add_paragraph(text, style="List Bullet")

    def table(self, rows: list[list[str]]) -> None:
        table = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                cell = table.cell(i, j)
                for k, part in enumerate(value.split("\n")):
                    paragraph = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                    paragraph.add_run(part).bold = i == 0

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path


def by_id(document: Document) -> dict[str, tuple[str, str | None, str | None]]:
    """Each section's id → (kind, number, parent)."""
    return {s.id: (s.kind, s.number, s.parent) for s in document.sections}


def texts_of(document: Document, section_id: str) -> str:
    section = document.by_id.get(section_id)
    assert section is not None, section_id
    return " ".join(b.text for b in section.blocks)


# --- an implementation report (W5) --------------------------------------------------------------

GOALS = [("1", "Growth", [("1.1", "65% of households worldwide with access to the Internet", "Target on track for achievement by 2023"),
                          ("1.2", "70% of individuals worldwide will be using the Internet", "Target achieved")]),
         ("2", "Inclusiveness", [("2.1", "In the developing world, 60% of households should have access to the Internet", "Target off track")])]
ENTRIES = [("21 (Rev. Dubai, 2018)", "Measures concerning alternative calling procedures on international telecommunication networks",
            "ITU-T Study Group 2 continues its work on alternative calling procedures (WTSA Resolution 29)."),
           ("64 (Rev. Dubai, 2018)", "Non-discriminatory access to modern telecommunication/ICT facilities, services and applications",
            "BDT organized workshops in support of SDG target 9.c and WSIS Action Line C2.")]


def report(path: Path, style: str, font: str, annex: str, typed_numbers: bool = True) -> Path:
    """A report on the implementation of the Strategic Plan in the shape of Council document C20/35:
    goals under a numbered clause, each target a bold label and plain text with its status in
    italics, then the annex of resolution status entries."""
    w = Writer(style, font)
    clause = (lambda n, t: f"{n} {t}") if typed_numbers else (lambda n, t: t)
    w.text("Council 2020\nDocument C20/35-E")
    w.heading(clause("1", "Introduction"), 1)
    w.text("This report presents the progress made in the implementation of the Strategic Plan for the "
           "Union 2020-2023 adopted by Resolution 71 (Rev. Dubai, 2018).")
    w.heading(clause("3", "ITU Strategic Plan implementation"), 1)
    w.heading(clause("3.1", "Results per Strategic Goal"), 2)
    for n, (goal, name, targets) in enumerate(GOALS, 1):
        w.heading(clause(f"3.1.{n}", f"Goal {goal} – {name}"), 3)
        w.text(f"Goal {goal} is supported by the following strategic targets:")
        for number, title, status in targets:
            w.labelled(f"Target {number}: ", title)
            w.italic(status)
    w.heading(annex, 1)
    for number, title, body in ENTRIES:
        w.heading(f"Resolution {number} {title}", 2)
        w.text(body)
    return w.save(path)


@pytest.mark.parametrize("style,font", STYLES)
@pytest.mark.parametrize("annex", ["Annex 1 – Status of implementation of PP resolutions",
                                   "Annex 1: Status of Implementation of the PP Resolutions"])
def test_a_report_with_a_status_annex_is_an_implementation_report(tmp_path: Path, style: str, font: str,
                                                                  annex: str) -> None:
    """The annex "Status of implementation of PP resolutions" and the "progress made in the
    implementation of the Strategic Plan" say what the document is, as the targets' status lines
    do: an implementation report, not the Strategic Plan its goals and targets also fit. Its annex
    and resolution entries, Heading-styled or 14- and 12-pt bold lines, are sections of their own,
    not paragraphs of the last target."""
    document = load(report(tmp_path / "report.docx", style, font, annex))
    assert document.source.profile == "implementation-report"
    ids = by_id(document)
    assert ids["annex-1"][0] == "annex"
    assert ids["res-21"] == ("resolution-status", "21", "annex-1")
    assert ids["res-64"] == ("resolution-status", "64", "annex-1")
    assert "WTSA Resolution 29" in texts_of(document, "res-21")
    assert "Action Line C2" in texts_of(document, "res-64")
    assert ids["goal-2"][0] == "goal-report"
    assert "Resolution" not in texts_of(document, "goal-2")


def test_an_auto_numbered_report_is_an_implementation_report(tmp_path: Path) -> None:
    """Headings without typed numbers ("Goal 1 – Growth" opens its line, as a Strategic Plan's goal
    does) still make a report by its annex, its progress sentence and its targets' status lines."""
    document = load(report(tmp_path / "report.docx", "heading", "Calibri",
                           "Annex 1 – Status of implementation of PP resolutions", typed_numbers=False))
    assert document.source.profile == "implementation-report"
    assert by_id(document)["res-21"][2] == "annex-1"


# --- excerpts: one priority, one objective, one action line, a report's table (W7) -------------

def region_table(w: Writer, rows: list[tuple[str, str]]) -> None:
    w.table([["Region", "Regional initiatives"], *[[region, initiative] for region, initiative in rows]])


def kigali_priority(path: Path, style: str, font: str) -> Path:
    """A Kigali Action Plan extract: Priority 1 and its one output, its regional initiatives in a
    Region table ("AFR1: …" in the second column)."""
    w = Writer(style, font)
    w.heading("Priority 1 – Affordable connectivity", 1)
    w.text("Priority 1 supports the achievement of ITU Strategic Goal 1 (Target 1.1) and SDG 9.")
    w.heading("Output 1.1 – Broadband infrastructure for the unconnected", 2)
    w.heading("Background", 3)
    w.text("Many communities remain unconnected because of the high cost of deploying networks.")
    w.heading("Implementation framework", 3)
    w.text("Programme: Network infrastructure")
    w.heading("Satellite connectivity", 4)
    w.text("Low earth orbit systems can reach remote areas.")
    w.heading("Relevant regional initiatives", 3)
    region_table(w, [("AFR", "AFR1: Digital transformation for the development of a digital economy"),
                     ("AMS", "AMS3: Deployment of modern, secure and resilient telecommunication infrastructure")])
    w.heading("References", 3)
    w.text("WTDC Resolutions 37, 43 (Rev. Kigali, 2022) and PP Resolution 139; WSIS AL C2; SDG target 9.c.")
    return w.save(path)


@pytest.mark.parametrize("style,font", STYLES)
def test_a_priority_with_one_output_is_an_action_plan(tmp_path: Path, style: str, font: str) -> None:
    """A Priority with one output (what a contribution's annex holds) is an Action Plan by its
    "Relevant regional initiatives" and "Implementation framework" and the initiative codes of its
    Region table, not a generic document whose "Background" is the output's sibling."""
    document = load(kigali_priority(tmp_path / "kigali.docx", style, font))
    assert document.source.profile == "action-plan"
    ids = by_id(document)
    assert ids["objective-1"][0] == "objective"
    assert ids["output-1.1"] == ("output", "1.1", "objective-1")
    for sub in ("background", "implementation-framework", "regional-initiatives", "references"):
        assert ids[f"output-1.1/{sub}"][2] == "output-1.1"


@pytest.mark.parametrize("style,font", STYLES)
def test_an_objective_whose_outputs_have_no_word_output_is_an_action_plan(tmp_path: Path, style: str,
                                                                          font: str) -> None:
    """Objective 3 whose outputs are "3.1 Policy and regulation" … with no word "Output": its
    "Relevant regional initiatives" make it an Action Plan, and the numbers its outputs."""
    w = Writer(style, font)
    w.heading("Objective 3 – Enabling environment: Enhance the development of an enabling policy and "
              "regulatory environment", 1)
    for n, (title, region, initiative) in enumerate([("Policy and regulation", "AFR Region", "AFR2: Human capacity"),
                                                     ("Telecommunication/ICT statistics", "EUR Region", "EUR1: Spectrum management"),
                                                     ("Capacity development", "CIS Region", "CIS4: ICT infrastructure")], 1):
        w.heading(f"3.{n}\t{title}", 2)
        w.heading("Background", 3)
        w.text("Regulators face converging markets and new digital services.")
        w.heading("Relevant regional initiatives", 3)
        region_table(w, [(region, initiative)])
        w.heading("References", 3)
        w.text("WTDC Resolution 48; WSIS Action Line C6; SDG target 16.6")
    document = load(w.save(tmp_path / "objective3.docx"))
    assert document.source.profile == "action-plan"
    ids = by_id(document)
    assert [i for i, (kind, _, _) in ids.items() if kind == "output"] == ["output-3.1", "output-3.2", "output-3.3"]
    assert ids["output-3.2/regional-initiatives"][2] == "output-3.2"


@pytest.mark.parametrize("style,font", STYLES)
def test_an_objective_table_and_one_output_is_an_action_plan(tmp_path: Path, style: str, font: str) -> None:
    """An objective's outcome table and one output, its sub-headings typed "1<tab>Background",
    "Implementation<line break>framework", "3<tab>References to WTDC resolutions, …"."""
    w = Writer(style, font)
    w.heading("Objective 2 – Modern and secure telecommunication/ICT infrastructure", 1)
    w.table([["Outcomes", "Performance indicators", "Outputs"],
             ["Enhanced capacity to deploy broadband", "Number of countries assisted", "2.1 - Broadband infrastructure"]])
    w.heading("Output 2.1 – Products and services on broadband infrastructure", 2)
    w.heading("1\tBackground", 3)
    w.text("The ITU-D Sector assists Member States in broadband planning.")
    w.heading("Implementation\nframework", 3)
    w.text("Programme: Broadband")
    w.heading("3\tReferences to WTDC resolutions, WSIS action lines and sustainable development goals", 3)
    w.text("WSIS Action Line C2 will support Output 2.1.")
    document = load(w.save(tmp_path / "edge.docx"))
    assert document.source.profile == "action-plan"
    ids = by_id(document)
    assert ids["outcome-2.1"][2] == "objective-2"
    assert ids["output-2.1/background"][2] == "output-2.1"
    assert ids["output-2.1/references"][2] == "output-2.1"


WSIS_HEADER = ["WSIS Outcomes (WSIS AL C6)", "Proposed Timing", "ITU Strategic Goals and Relevant Resolutions",
               "Linkages with the SDGs", "Expected Results of ITU Activities"]


@pytest.mark.parametrize("style,font", STYLES)
@pytest.mark.parametrize("numbered", [False, True])
def test_one_action_line_table_is_a_roadmap(tmp_path: Path, style: str, font: str, numbered: bool) -> None:
    """One WSIS action line's table (its header "WSIS Outcomes …", in the first column or after a
    "No." column) is a roadmap, as the whole roadmap is."""
    w = Writer(style, font)
    w.heading("WSIS Action Line C6: Enabling Environment", 1)
    rows = [[f"{key}: Governments should foster a supportive environment ({key})", "2016-2019", "Goal 1\nPP Resolution 71",
             "9.c, 16.6", "Expected Results: Effective regulatory frameworks."] for key in "ABCD"]
    if numbered:
        w.table([["No.", *WSIS_HEADER], *[[key, *row] for key, row in zip("ABCD", rows)]])
    else:
        w.table([WSIS_HEADER, *rows])
    document = load(w.save(tmp_path / "c6.docx"))
    assert document.source.profile == "wsis-roadmap"
    ids = by_id(document)
    assert ids["action-line-C6"][0] == "action-line"
    if not numbered:
        assert [i for i, (kind, _, _) in ids.items() if kind == "wsis-outcome"] == [
            "action-line-C6/A", "action-line-C6/B", "action-line-C6/C", "action-line-C6/D"]


@pytest.mark.parametrize("style,font", STYLES)
def test_a_report_with_a_status_table_is_an_implementation_report(tmp_path: Path, style: str, font: str) -> None:
    """"Report on the implementation of the Strategic Plan …" and an annex of resolution status
    rows ("Resolution 25 (Rev. Dubai, 2018)" in the key column)."""
    w = Writer(style, font)
    w.heading("Report on the implementation of the Strategic Plan and activities of the Union 2021-2022", 1)
    w.heading("1 Overview", 2)
    w.text("Progress was made under Res. 71 (Rev. Dubai, 2018) and Resolutions 30 and 64 (Rev. Dubai, 2018).")
    w.heading("Annex 1 – Status of implementation of PP Resolutions", 1)
    w.table([["Resolution", "Title", "Status"],
             ["Resolution 25 (Rev. Dubai, 2018)", "Strengthening the regional presence", "Implemented."],
             ["Resolution 77 (Rev. Dubai, 2018)", "Planning and duration of conferences", "Ongoing."]])
    document = load(w.save(tmp_path / "report-table.docx"))
    assert document.source.profile == "implementation-report"
    assert by_id(document)["annex-1"][0] == "annex"


@pytest.mark.parametrize("style,font", STYLES)
def test_minutes_naming_an_objective_and_an_output_stay_generic(tmp_path: Path, style: str, font: str) -> None:
    """A meeting's minutes that name an objective, an output and a region's initiative once each
    are no Action Plan: a word or two of a plan is not an excerpt of one."""
    w = Writer(style, font)
    w.heading("Summary of the second meeting", 1)
    w.heading("1 Opening", 2)
    w.text("Objective 1: agree on the work plan for the year.")
    w.text("Output 2.1 will contribute to the broadband work, the chair noted.")
    w.table([["Speaker", "Point"], ["Kenya", "AFR1: asked for an update on the digital economy initiative"]])
    w.heading("2 Background", 2)
    w.text("The group met twice since the last session.")
    assert load(w.save(tmp_path / "minutes.docx")).source.profile == "generic"


@pytest.mark.parametrize("style,font", STYLES)
def test_initiative_codes_in_a_region_table_count_for_an_action_plan(tmp_path: Path, style: str, font: str) -> None:
    """A priority, its output's heading and a Region table of initiatives ("AFR1: …" in the
    second column, one a line): the codes in the cells count, as they would as paragraphs."""
    w = Writer(style, font)
    w.heading("Priority 1 – Affordable connectivity", 1)
    w.heading("Output 1.1 – Broadband infrastructure for the unconnected", 2)
    w.text("Many communities remain unconnected because of the high cost of deploying networks.")
    w.table([["Region", "Regional initiatives"],
             ["AFR", "AFR1: Digital transformation for the development of a digital economy\n"
                     "AFR4: Strengthening the use of telecommunications/ICTs for emergencies"]])
    document = load(w.save(tmp_path / "initiatives.docx"))
    assert document.source.profile == "action-plan"
    assert by_id(document)["output-1.1"][2] == "objective-1"


# --- a Strategic Plan's goals under a numbered clause (W6) ------------------------------------

@pytest.mark.parametrize("style,font", STYLES)
@pytest.mark.parametrize("separator", ["–", ":"])
def test_goals_numbered_under_a_clause_nest_under_it(tmp_path: Path, style: str, font: str, separator: str) -> None:
    """"3.1.1 Goal 1 – Growth" is a child of "3.1 Goals and targets" (its number and its level
    say so), and its targets its children; a goal without a clause number stays where it was."""
    w = Writer(style, font)
    w.text("Resolution 71 (Rev. Dubai, 2018)")
    w.heading("Strategic plan for the Union for 2020-2023", 1)
    w.heading("1 Introduction", 1)
    w.text("The strategic plan sets out the goals of the Union.")
    w.heading("3 The Union's strategic framework", 1)
    w.heading("3.1 Goals and targets", 2)
    for n, (name, targets) in enumerate([("Growth", ["1.1", "1.2"]), ("Inclusiveness", ["2.1"])], 1):
        w.heading(f"3.1.{n} Goal {n} {separator} {name}", 3)
        w.text(f"Goal {n} is supported by its targets.")
        for target in targets:
            w.text(f"Target {target}: Worldwide, 65% of households should have access to the Internet")
    w.heading("3.2 Risks", 2)
    w.text("Risks to the plan are reviewed yearly.")
    document = load(w.save(tmp_path / "plan.docx"))
    assert document.source.profile == "strategic-plan"
    ids = by_id(document)
    assert ids["goal-1"] == ("goal", "1", "clause-3.1")
    assert ids["goal-2"] == ("goal", "2", "clause-3.1")
    assert ids["target-1.2"][2] == "goal-1"
    assert ids["target-2.1"][2] == "goal-2"
    assert ids["clause-3.2"][2] == "clause-3"


# --- table rows numbered "D.1", a report's Resolution | Title | Status table (W4, M8) ----------

@pytest.mark.parametrize("style,font", STYLES)
def test_rows_numbered_letter_dot_number_carry_their_number(tmp_path: Path, style: str, font: str) -> None:
    """A later plan's sector objectives "D.1 Coordination: …" in an Objective | Outputs table, and
    Table 8.1's rows "T.1", "D.1" under "Goal 1" … columns: each row's number and id are its own,
    not the row's position (a row inserted above would shift those), and Table 8.1's fields are
    its header's words."""
    w = Writer(style, font)
    w.text("ANNEX TO RESOLUTION 71 (Rev. Dubai, 2018)")
    w.heading("Strategic plan for the Union for 2020-2023", 1)
    w.heading("3 Sector objectives", 1)
    w.table([["Objective", "Outputs"],
             ["D.1 Coordination: Foster international cooperation on telecommunication/ICT development issues",
              "WTDC; TDAG; Study groups"],
             ["D.2 Modern and secure telecommunication/ICT infrastructure", "Products and services on infrastructure"]])
    w.heading("Table 8.1 - Objectives and strategic goals", 2)
    w.table([["Objectives", "Goal 1", "Goal 2", "Goal 3"],
             ["T.1 Coordination", "", "X", ""], ["T.2 Producing global standards", "", "X", "X"], ["D.1 Coordination", "X", "", ""]])
    document = load(w.save(tmp_path / "plan.docx"), "strategic-plan")
    details = [(s.id, s.number) for s in document.sections if s.kind == "sp-objective-detail"]
    assert details == [("clause-3/objective-D.1", "D.1"), ("clause-3/objective-D.2", "D.2")]
    assert document.by_id["clause-3/objective-D.2"].title == "Modern and secure telecommunication/ICT infrastructure"
    links = [s for s in document.sections if s.kind == "sp-goal-link"]
    assert [s.number for s in links] == ["T.1", "T.2", "D.1"]
    assert links[1].fields == {"Objectives": "T.2 Producing global standards", "Goal 1": "", "Goal 2": "X", "Goal 3": "X"}


@pytest.mark.parametrize("style,font", STYLES)
@pytest.mark.parametrize("header", [["Resolution", "Title", "Status"], ["PP Resolution", "Title", "Status of implementation"]])
def test_a_resolution_title_status_table_names_its_fields_by_its_header(tmp_path: Path, style: str, font: str,
                                                                       header: list[str]) -> None:
    """A report's "Resolution | Title | Status" table: each row is res-N by the number in its
    first cell (no title after the revision there), its fields entry / title / status as the
    header says, not the title read as the status and the status as a third column."""
    w = Writer(style, font)
    w.heading("Report on the implementation of the Strategic Plan and activities of the Union 2021-2022", 1)
    w.heading("Annex 1 – Status of implementation of PP Resolutions", 1)
    w.table([header,
             ["Resolution 25 (Rev. Dubai, 2018)", "Strengthening the regional presence", "Implemented."],
             ["Resolution 130 (Rev. Dubai, 2018)", "Strengthening the role of ITU in building confidence", "Ongoing."]])
    document = load(w.save(tmp_path / "report.docx"), "implementation-report")
    rows = [s for s in document.sections if s.kind == "resolution-status"]
    assert [(s.id, s.number) for s in rows] == [("res-25", "25"), ("res-130", "130")]
    assert rows[0].title == "Strengthening the regional presence"
    assert rows[0].fields == {"entry": "Resolution 25 (Rev. Dubai, 2018)",
                              "title": "Strengthening the regional presence", "status": "Implemented."}


# --- a vertically merged cell shared by the outcomes it spans (M6) -----------------------------

@pytest.mark.parametrize("style,font", STYLES)
@pytest.mark.parametrize("merged_column", [1, 2])
def test_a_vertically_merged_cell_belongs_to_every_row_it_spans(tmp_path: Path, style: str, font: str,
                                                                merged_column: int) -> None:
    """An outcome table whose indicators (or outputs) cell is merged down over two outcomes (Word's
    w:vMerge): both outcomes have it, as Word draws it beside both; the third keeps its own."""
    w = Writer(style, font)
    w.heading("Objective 2 – Modern and secure telecommunication/ICT infrastructure", 1)
    w.table([["Outcomes", "Performance indicators", "Outputs"],
             ["Enhanced capacity to deploy broadband", "", "2.1 - Broadband infrastructure"],
             ["Enhanced capacity to respond to cyber threats", "", "2.2 - Cybersecurity"],
             ["Improved emergency telecommunications", "Number of national emergency plans", "2.3 - Emergencies"]])
    table = w.doc.tables[-1]
    merged = table.cell(1, merged_column).merge(table.cell(2, merged_column))
    merged.text = "Number of countries assisted"
    w.heading("Output 2.1 – Broadband infrastructure", 2)
    w.text("The ITU-D Sector assists Member States in broadband planning.")
    document = load(w.save(tmp_path / "merged.docx"), "action-plan")
    name = ["outcome", "indicators", "outputs"][merged_column]
    fields = {s.id: s.fields for s in document.sections if s.kind == "outcome"}
    assert list(fields) == ["outcome-2.1", "outcome-2.2", "outcome-2.3"]
    assert fields["outcome-2.1"][name] == "Number of countries assisted"
    assert fields["outcome-2.2"][name] == "Number of countries assisted"
    assert fields["outcome-2.2"]["outcome"] == "Enhanced capacity to respond to cyber threats"
    assert fields["outcome-2.3"]["indicators"] == "Number of national emergency plans"
