"""Reference sets per Output read from the committed Word corpus (made from the seeds by the corpus
generator, independently of the normaliser), compared with the hand-written oracle."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace import load
from actionplan_trace.refs import document_refs

from conftest import corpus_doc
from refs_oracle import BY_OUTPUT

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
RESOLUTION_FAMILIES = {"resolution", "decision", "recommendation"}


def corpus_report(name: str):
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"corpus/{name} not built")
    return document_refs(load(path))


@pytest.fixture(scope="module")
def plan_report():
    return corpus_report("action-plan-ba.docx")


@pytest.fixture(scope="module")
def objective2_report():
    return corpus_report("objective2-new.docx")


def under(report, output: str, families: set[str]) -> set[str]:
    prefix = f"output-{output}/references"
    return {r.id for r in report.refs if (r.section or "").startswith(prefix) and r.family in families}


@pytest.mark.parametrize("output", sorted(BY_OUTPUT))
def test_action_plan_output_reference_sets(plan_report, output: str) -> None:
    case = BY_OUTPUT[output]
    assert under(plan_report, output, RESOLUTION_FAMILIES) == case.resolutions
    assert under(plan_report, output, {"wsis"}) == case.wsis
    assert under(plan_report, output, {"sdg"}) == case.sdg_goals
    assert under(plan_report, output, {"sdg-target"}) == case.sdg_targets


def test_action_plan_duplicates_are_reported_naming_the_id(plan_report) -> None:
    dups = sorted((f.section, f.ref) for f in plan_report.findings if f.code == "REF005")
    assert dups == [("output-2.1/references-resolutions", "PP-RES-127"),
                    ("output-3.3/references-resolutions", "WTDC-RES-56")]
    assert not [f for f in plan_report.findings if f.severity == "error"]


@pytest.mark.parametrize("output", ["2.1", "2.2", "2.3"])
def test_later_revision_of_objective_2(objective2_report, output: str) -> None:
    case = BY_OUTPUT[output]
    assert under(objective2_report, output, RESOLUTION_FAMILIES) == case.resolutions
    assert under(objective2_report, output, {"wsis"}) == case.wsis
    assert under(objective2_report, output, {"sdg-target"}) == case.sdg_targets


def test_graph_of_plan_and_roadmaps_joins_and_checks_links(plan_report) -> None:
    from actionplan_trace.refs import build_graph, who_cites

    path = CORPUS / "wsis-roadmaps.pdf"
    if not path.exists():
        pytest.skip("corpus/wsis-roadmaps.pdf not built")
    plan = corpus_doc("action-plan-ba.docx")
    roadmaps = corpus_doc(path.name)
    graph = build_graph([(plan, plan_report), (roadmaps, document_refs(roadmaps))])
    citing = {r["section"] for r in who_cites(graph, "ITU-D-OUTPUT-2.2@WTDC-17")}
    assert {"action-line-C5/A1", "action-line-C5/B2"} <= citing
    assert all(s.startswith("action-line-C5/") for s in citing)
    ref009 = {(f.section, f.ref) for f in graph.findings if f.code == "REF009"}
    # The C5 rows cite Output 2.2, which cites C5: consistent.
    assert not any(section.startswith("action-line-C5/") for section, _ in ref009)
    # C6 rows f. and g. cite ITU-D Objective 1, none of whose outputs cites C6.
    assert {("action-line-C6/f.", "ITU-D-OBJ-1@WTDC-17"), ("action-line-C6/g.", "ITU-D-OBJ-1@WTDC-17")} <= ref009
    # Output 3.4 cites C2 and C5, whose roadmaps link neither Objective 3 nor Output 3.4.
    assert {("output-3.4", "WSIS-C2"), ("output-3.4", "WSIS-C5")} <= ref009


def test_one_definition_of_gap_for_the_csv_and_who_cites() -> None:
    from actionplan_trace.refs import build_graph, coverage, load_reports, who_cites

    reg, pairs = load_reports([CORPUS / "objective2-new.docx", CORPUS / "wsis-roadmaps.pdf"], None, [])
    graph = build_graph(pairs, reg)
    cov = coverage(graph, reg, families=("sdg", "wsis"))
    ids = [i for f in ("sdg", "wsis") for i in reg.ids(f)]
    assert {i for i in ids if not who_cites(graph, i)} == set(cov.gaps)
    assert "WSIS-C6" not in cov.gaps and who_cites(graph, "WSIS-C6")  # cited only by an introduction
    assert all(cov.cited_by[c] == len({(r["source"], r["section"]) for r in who_cites(graph, c)}) for c in cov.columns)
    assert all(any((row.id, c) in cov.cells for row in cov.rows) for c in cov.columns)  # no empty column
    assert len(cov.columns) < 30 and not any(c.startswith("SDG-") and "." in c for c in cov.columns)
