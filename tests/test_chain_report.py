"""The implementation-report profile on Council document C20/35 (seed 004) in three renderings,
the join with an Action Plan and a Strategic Plan in one graph, the TRC findings and `chain`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from actionplan_trace.model import Block, Document, Section, Source
from actionplan_trace.refs import build_graph, document_refs
from actionplan_trace.refs.chain import chain
from actionplan_trace.render.chain import render_chain
from conftest import corpus_doc, corpus_reading, rejoined
from test_chain_strategic import model_words

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
REPORTS = ("report-c20-35.docx", "report-c20-35-bold.docx", "report-c20-35.pdf")
ENTRIES = [21, 30, 34, 66, 91, 99, 101, 119, 125, 131, 135, 139, 151, 154, 157, 160, 161, 162, 165, 167, 173,
           175, 176, 177, 179, 182, 184, 186, 188, 190, 193, 197, 198, 200, 204, 206, 207, 211, 213]
# The status each target's progress line states in the report (seed 004: "*New target, benchmarked*").
NEW, UNMEASURED = "new target, benchmarked", "new target, not measured yet"
STATUS = {
    "1.1": "on track", "1.2": "on track", "1.3": "achieved", "1.4": NEW, "1.5": "on track", "1.6": "achieved",
    "1.7": NEW, "2.1": "on track", "2.2": "off track", "2.3": "on track", "2.4": "off track", "2.5": "achieved",
    "2.6": "on track", "2.7": "on track", "2.8": "off track", "2.9": "on track", "2.10": NEW, "3.1": "on track",
    "3.2": "off track", "3.3": NEW, "3.4": UNMEASURED, "3.5": NEW, "4.1": NEW, "5.1": NEW,
}


@pytest.fixture(scope="module")
def docs():
    return {name: corpus_doc(name) for name in (*REPORTS, "action-plan-ba.docx", "strategic-plan-2012.docx")}


def graph_of(*docs: Document, editions=None):
    return build_graph([(d, document_refs(d, editions=editions)) for d in docs])


@pytest.mark.parametrize("name", REPORTS)
def test_every_resolution_status_entry_reports_on_its_resolution_with_the_revision(docs, name: str) -> None:
    doc = docs[name]
    assert doc.source.profile == "implementation-report"
    graph = graph_of(doc)
    entries = {e.target: e.attrs for e in graph.edges.values() if e.relation == "reports-on" and e.target.startswith("PP-RES-")}
    assert sorted(int(t.split("-")[-1]) for t in entries) == ENTRIES
    assert all(a["rev"] for a in entries.values())
    assert entries["PP-RES-91"]["rev"] == "Rev. Guadalajara, 2010"
    assert entries["PP-RES-184"]["rev"] == "Guadalajara, 2010" and entries["PP-RES-211"]["rev"] == "Dubai, 2018"
    assert entries["PP-RES-21"]["heading"].startswith("21 (Rev. Dubai, 2018) Measures concerning alternative calling")
    assert entries["PP-RES-21"]["text"].startswith("ITU-T SG2 continued work on draft new Recommendation ITU-T E.ACP")
    assert "ITU had developed costing model" in entries["PP-RES-125"]["text"]


@pytest.mark.parametrize("name", REPORTS)
def test_all_24_targets_are_reported_on_with_the_status_the_report_states(docs, name: str) -> None:
    graph = graph_of(docs[name])
    targets = {e.target: e.attrs for e in graph.edges.values()
               if e.relation == "reports-on" and e.target.startswith("ITU-TARGET-")}
    assert {t: a["status"] for t, a in targets.items()} == {f"ITU-TARGET-{k}@SP-2020-2023": v for k, v in STATUS.items()}
    assert targets["ITU-TARGET-1.1@SP-2020-2023"]["indicator"] == "Households with Internet access"
    goals = {e.target for e in graph.edges.values() if e.relation == "reports-on" and e.target.startswith("ITU-GOAL-")}
    assert goals == {f"ITU-GOAL-{n}@SP-2020-2023" for n in range(1, 6)}


@pytest.mark.parametrize("name", REPORTS)
def test_annex_2_objectives_and_outcomes(docs, name: str) -> None:
    graph = graph_of(docs[name])
    reported = {e.target for e in graph.edges.values() if e.relation == "reports-on"}
    objectives = {t for t in reported if "-OBJ-" in t}
    assert objectives == {f"ITU-{s}-OBJ-{n}@SP-2020-2023" for s, k in (("R", 3), ("T", 5), ("D", 4), ("I", 6))
                          for n in range(1, k + 1)}
    assert {"ITU-R-OUTCOME-1.f@SP-2020-2023", "ITU-T-OUTCOME-5.e@SP-2020-2023", "ITU-D-OUTCOME-4.d@SP-2020-2023"} <= reported


@pytest.fixture(scope="module")
def joined(docs):
    return graph_of(docs["action-plan-ba.docx"], docs["report-c20-35.docx"])


def test_the_plan_joins_the_report_and_trc001_flags_exactly_the_uncovered(docs, joined) -> None:
    plan = document_refs(docs["action-plan-ba.docx"])
    cited = {r.id for r in plan.refs if r.id.startswith("PP-RES-") and r.section and r.section.startswith("output-")}
    covered = {f"PP-RES-{n}" for n in ENTRIES}
    flagged = {f.ref for f in joined.findings if f.code == "TRC001"}
    assert cited & covered and cited - covered
    assert flagged == cited - covered
    for ref_id in cited & covered:
        assert any(e.relation == "reports-on" for e in joined.edges_to(ref_id))
    finding = next(f for f in joined.findings if f.ref == "PP-RES-71")
    assert finding.severity == "info" and "output-1.1" in finding.message
    assert not [f for f in graph_of(docs["action-plan-ba.docx"]).findings if f.code == "TRC001"]


def test_chain_of_a_resolution_gives_the_citing_outputs_and_the_status_entry(joined) -> None:
    data = chain(joined, "PP-RES-139")
    assert data["schema"] == "actionplan-trace/chain/1"
    assert [i["section"] for i in data["served_by"]] == ["output-1.1", "output-2.1", "output-3.1", "output-3.3", "output-4.2"]
    [entry] = data["reports"]
    assert entry["rev"] == "Rev. Dubai, 2018" and entry["heading"].startswith("139 (Rev. Dubai, 2018) Use of telecommunications")
    assert entry["text"].startswith("The ITU Broadband Maps have been enhanced")
    text = render_chain(data, "text", width=1000)
    assert text.splitlines()[0].startswith("PP-RES-139 — Use of telecommunications")
    assert "└── reports" in text and "└── res-139 (" in text and "report-c20-35.docx): 139 (Rev. Dubai, 2018)" in text
    assert json.loads(render_chain(data, "json"))["id"] == "PP-RES-139"
    assert "### Reports" in render_chain(data, "md")


def test_chain_of_an_output_gives_objective_resolutions_with_status_wsis_and_sdgs(joined) -> None:
    data = chain(joined, "ITU-D-OUTPUT-2.2")
    assert data["id"] == "ITU-D-OUTPUT-2.2@WTDC-17"
    serves = {i["id"]: i for i in data["serves"]}
    assert serves["ITU-D-OBJ-2@WTDC-17"]["relation"] == "within"
    assert serves["PP-RES-179"]["reports"][0]["rev"] == "Rev. Dubai, 2018"
    assert "reports" not in serves["PP-RES-130"]
    assert {"WSIS-C5", "SDG-9", "SDG-16"} <= set(serves)


def test_chain_of_a_strategic_objective_gives_its_outputs_and_goal(docs) -> None:
    data = chain(graph_of(docs["strategic-plan-2012.docx"]), "ITU-D-OBJ-2@SP-2012-2015")
    assert [i["id"] for i in data["serves"]] == ["ITU-D-GOAL@SP-2012-2015"]
    assert [i["title"] for i in data["served_by"]] == [
        "Master plans and best-practice guidelines", "Mobilization of extrabudgetary resources and partnerships",
        "Project development and implementation", "Provision of technical expertise", "Symposia and seminars"]


def sp_doc(rows: list[tuple[str, str]]) -> Document:
    """A small Strategic Plan: ITU-D with objectives 1 and 2, an outputs table, Goal 1 with Target 1.1."""
    sections = [
        Section("sector-ITU-D", "sector", "ITU-D", "Telecommunication Development Sector (ITU-D)", None, 1),
        Section("sector-ITU-D/objective-1", "sector-objective", "1", "One", "sector-ITU-D", 2),
        Section("sector-ITU-D/objective-2", "sector-objective", "2", "Two", "sector-ITU-D", 2),
        Section("table-6.1", "table", "6.1", "ITU-D outputs and objectives", "sector-ITU-D", 2),
        Section("goal-1", "goal", "1", "Growth", None, 1),
        Section("target-1.1", "target", "1.1", "Households", "goal-1", 2),
    ]
    for k, (name, mark) in enumerate(rows):
        row = Section(f"table-6.1/row-{k}", "sp-output", None, name, "table-6.1", 3)
        row.fields = {"Outputs": name, "Objective 1": mark, "Objective 2": ""}
        sections.append(row)
    sections[0].blocks.append(Block("paragraph", "Strategic plan for the Union for 2020-2023"))
    return Document(Source("sp.docx", "docx", "0" * 64, profile="strategic-plan"), sections)


def test_trc002_unmarked_output_and_unserved_objective() -> None:
    graph = graph_of(sp_doc([("Study groups", "X"), ("Seminars", "")]))
    found = {(f.code, f.ref, f.section) for f in graph.findings}
    assert found == {("TRC002", None, "table-6.1/row-1"), ("TRC002", "ITU-D-OBJ-2@SP-2020-2023", "sector-ITU-D/objective-2")}


def test_trc003_report_entities_the_plan_of_its_edition_does_not_define(docs) -> None:
    graph = graph_of(sp_doc([("Study groups", "X")]), docs["report-c20-35.docx"])
    flagged = {f.ref for f in graph.findings if f.code == "TRC003"}
    assert "ITU-TARGET-1.1@SP-2020-2023" not in flagged and "ITU-GOAL-1@SP-2020-2023" not in flagged
    assert {"ITU-TARGET-1.2@SP-2020-2023", "ITU-TARGET-5.1@SP-2020-2023", "ITU-R-OBJ-1@SP-2020-2023"} <= flagged
    assert "ITU-D-OBJ-1@SP-2020-2023" not in flagged
    other = graph_of(docs["strategic-plan-2012.docx"], docs["report-c20-35.docx"])
    assert not [f for f in other.findings if f.code == "TRC003"]


@pytest.mark.parametrize("name", ["report-c20-35.docx", "report-c20-35-bold.docx"])
def test_nothing_lost_docx(docs, name: str) -> None:
    from collections import Counter

    from test_independent_docs import python_docx_words

    assert python_docx_words(CORPUS / name) - model_words(docs[name]) == Counter()


def test_nothing_lost_pdf(docs) -> None:
    """pdfium's words are the model's, but for header rows a table repeats on its next pages (a word
    a narrow column broke over two lines is one)."""
    import pypdfium2 as pdfium

    from test_independent_docs import words

    doc = docs["report-c20-35.pdf"]
    pdf = pdfium.PdfDocument(str(CORPUS / "report-c20-35.pdf"))
    try:
        page_words = sum((words(page.get_textpage().get_text_range()) for page in pdf), type(words(""))())
    finally:
        pdf.close()
    headers = {w for s in doc.sections for b in s.blocks if b.rows for c in b.rows[0] for w in words(c.text)}
    lost = rejoined(page_words, corpus_reading("report-c20-35.pdf").broken_words) - model_words(doc)
    assert set(lost) <= headers, sorted(set(lost) - headers)[:20]


def test_check_marks_in_pdf_table_cells_are_kept(docs) -> None:
    """A cell holding only "✓" (a glyph the bullets include) is that text, not a bullet with no
    item: every check and cross the report's PDF prints is in the model (the Enablers tables)."""
    import pypdfium2 as pdfium

    doc = docs["report-c20-35.pdf"]
    pdf = pdfium.PdfDocument(str(CORPUS / "report-c20-35.pdf"))
    try:
        printed = "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()
    texts = [b.text for s in doc.sections for b in s.blocks if not b.rows]
    texts += [c.text for s in doc.sections for b in s.blocks if b.rows for row in b.rows for c in row]
    model = "".join(texts)
    assert printed.count("✓") >= 20
    assert (model.count("✓"), model.count("✗")) == (printed.count("✓"), printed.count("✗"))
    # a cell line the PDF ends with its own space after a slash ("1,267/ " then "414,865"), as the .docx has it
    cells = {c.text for s in doc.sections for b in s.blocks if b.rows for row in b.rows for c in row}
    assert {"1,267/ 414,865", "170,044/ 5,812"} <= cells
