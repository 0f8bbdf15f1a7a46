"""A third formatting of a Strategic Plan and of a report, written here with python-docx and unlike
the corpus: headings without clause numbers, Table 8.1 headed "Objectives | ITU-R goal …" with
the sector in each row instead of group rows, "Obj. N" columns with lower-case marks; report
entries as "Resolution 21 (Rev. …)" in a table without a header row, targets with a dash and
"not on track"."""

from __future__ import annotations

from pathlib import Path

import docx

from actionplan_trace import load
from actionplan_trace.refs import build_graph, document_refs
from actionplan_trace.refs.matrix import matrix_rows


def table(doc, rows: list[list[str]]) -> None:
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text


def strategic_plan(path: Path) -> Path:
    doc = docx.Document()
    doc.add_paragraph("Annex to Resolution 71 (Rev. Guadalajara, 2010)")
    doc.add_paragraph("Strategic plan for the Union for 2012-2015")
    for sector, n in (("Radiocommunication Sector (ITU-R)", 2), ("Telecommunication Development Sector (ITU-D)", 3)):
        doc.add_heading(sector, 1)
        doc.add_heading("Strategic goal", 2)
        doc.add_paragraph("The strategic goal of the Sector is threefold.")
        doc.add_heading("Objectives", 2)
        for k in range(1, n + 1):
            doc.add_heading(f"Objective {k} – Objective {k} of {sector[:5]}", 3)
            doc.add_paragraph(f"To do the work number {k}.")
        code = sector[sector.index("(") + 1:-1]
        doc.add_paragraph(f"Table – {code} outputs and objectives")
        table(doc, [["Outputs", *(f"Obj. {k}" for k in range(1, n + 1))],
                    *([f"{code} output {k}", *("x" if j == k else "" for j in range(1, n + 1))] for k in range(1, n + 1))])
    doc.add_heading("Linking objectives and goals", 1)
    table(doc, [["Objectives", "ITU-R goal", "ITU-D goal"],
                *([f"ITU-R Objective {k}", "x", ""] for k in (1, 2)),
                *([f"ITU-D Objective {k}", "", "x"] for k in (1, 2, 3))])
    doc.save(str(path))
    return path


def report(path: Path) -> Path:
    doc = docx.Document()
    doc.add_paragraph("Report on the implementation of the Strategic Plan and activities of the Union")
    doc.add_paragraph("This report is the first one on the implementation of the 2020-2023 Strategic Plan.")
    doc.add_heading("Goal 1: Growth", 2)
    for n, status in ((1, "Target on track for achievement by 2023"), (2, "Target not on track"), (3, "Baseline only")):
        doc.add_heading(f"Target 1.{n} – Indicator {n}", 4)
        doc.add_paragraph(status)
    doc.add_heading("Annex 1: Implementation of PP Resolutions", 1)
    table(doc, [["Resolution 21 (Rev. Dubai, 2018) Measures concerning alternative calling procedures",
                 "Work continued in SG2."],
                ["Resolution 184 (Guadalajara, 2010) Facilitating digital inclusion initiatives for indigenous peoples",
                 "Ongoing."]])
    doc.save(str(path))
    return path


def test_a_third_formatting_of_a_strategic_plan(tmp_path: Path) -> None:
    doc = load(strategic_plan(tmp_path / "sp.docx"))
    assert doc.source.profile == "strategic-plan"
    graph = build_graph([(doc, document_refs(doc))])
    defined = {n.entity for n in graph.sections() if n.entity}
    assert {"ITU-R-OBJ-1@SP-2012-2015", "ITU-R-OBJ-2@SP-2012-2015", "ITU-D-OBJ-3@SP-2012-2015",
            "ITU-R-GOAL@SP-2012-2015", "ITU-D-GOAL@SP-2012-2015"} <= defined
    outputs = matrix_rows(graph, "outputs-objectives")
    assert {(outputs.rows[i][2], t) for i, t in outputs.cells} == {
        (f"{s} output {k}", f"{s}-OBJ-{k}@SP-2012-2015") for s, n in (("ITU-R", 2), ("ITU-D", 3)) for k in range(1, n + 1)}
    goals = matrix_rows(graph, "objectives-goals")
    assert {(goals.rows[i][2], t) for i, t in goals.cells} == {
        *((f"ITU-R-OBJ-{k}@SP-2012-2015", "ITU-R-GOAL@SP-2012-2015") for k in (1, 2)),
        *((f"ITU-D-OBJ-{k}@SP-2012-2015", "ITU-D-GOAL@SP-2012-2015") for k in (1, 2, 3))}


def test_a_third_formatting_of_a_report(tmp_path: Path) -> None:
    doc = load(report(tmp_path / "report.docx"))
    assert doc.source.profile == "implementation-report"
    graph = build_graph([(doc, document_refs(doc))])
    on = {e.target: e.attrs for e in graph.edges.values() if e.relation == "reports-on"}
    assert {k: v.get("status") for k, v in on.items() if k.startswith("ITU-TARGET")} == {
        "ITU-TARGET-1.1@SP-2020-2023": "on track", "ITU-TARGET-1.2@SP-2020-2023": "off track",
        "ITU-TARGET-1.3@SP-2020-2023": None}
    assert on["PP-RES-21"]["rev"] == "Rev. Dubai, 2018" and on["PP-RES-21"]["text"] == "Work continued in SG2."
    assert on["PP-RES-184"]["rev"] == "Guadalajara, 2010"


def test_an_entity_keeps_its_own_citations_when_what_it_mentions_cites_them_too(tmp_path: Path) -> None:
    """Output 1.1 implements PP Resolutions 130 and 139 and mentions Output 1.2, which implements
    130 too: both resolutions are served by Output 1.1 itself, not 130 only through 1.2."""
    from actionplan_trace.refs.chain import chain

    plan = tmp_path / "plan.txt"
    plan.write_text(
        "Buenos Aires Action Plan\n\nObjective 1 – Coordination\n\nOutput 1.1 – First output\n\n"
        "This work builds on Output 1.2.\n\n"
        "References to WTDC Resolutions, WSIS Action Lines and Sustainable Development Goals\n\n"
        "PP and WTDC resolutions and recommendations\n\n"
        "The implementation of PP Resolutions 130 and 139 will support Output 1.1.\n\n"
        "Output 1.2 – Second output\n\nBackground\n\nSome text.\n\n"
        "References to WTDC Resolutions, WSIS Action Lines and Sustainable Development Goals\n\n"
        "PP and WTDC resolutions and recommendations\n\n"
        "The implementation of PP Resolution 130 will support Output 1.2.\n", encoding="utf-8")
    doc = load(plan)
    graph = build_graph([(doc, document_refs(doc))])
    served = {item["id"] for item in chain(graph, "ITU-D-OUTPUT-1.1")["serves"]}
    assert {"PP-RES-130", "PP-RES-139", "ITU-D-OUTPUT-1.2@WTDC-17"} <= served
