"""The cross-reference graph: edges with relations and provenance, joins across files, REF009,
who-cites, the coverage matrix with gaps, and the five export formats."""

from __future__ import annotations

import re

import csv
import io
import json

from lxml import etree

from actionplan_trace.model import Block, Document, Loc, Section, Source
from actionplan_trace.refs import build_graph, coverage, document_refs, load_registry, who_cites
from actionplan_trace.render.graph import GRAPHML_NS, render_graph, render_who_cites


def sec(sid: str, kind: str, parent: str | None, *texts: str, number: str | None = None, title: str = "",
        field: str | None = None) -> Section:
    blocks = [Block("paragraph", t, loc=Loc(paragraph=i), field=field) for i, t in enumerate(texts)]
    return Section(sid, kind, number, title or sid, parent, sid.count("/") + 1, blocks=blocks)


def plan() -> Document:
    sections = [sec("objective-2", "objective", None, number="2", title="Infrastructure")]
    for n, res, lines, sdgs in (
        ("2.1", "PP Resolutions 101, 130", "C2", "9 (targets 9.1, 9.c)"),
        ("2.2", "PP Resolutions 130, 174 and WTDC Resolution 45", "C5", "SDG 16"),
    ):
        out = f"output-{n}"
        sections += [
            sec(out, "output", "objective-2", number=n, title=f"Output {n} title"),
            sec(f"{out}/background", "background", out, "Consistent with WTDC Resolution 17 (Rev. Buenos Aires, 2017)"),
            sec(f"{out}/references", "references", out),
            sec(f"{out}/references-resolutions", "reference-group", f"{out}/references",
                f"The implementation of {res} will support Output {n} and will contribute to Outcome {n}",
                title="PP and WTDC resolutions and recommendations"),
            sec(f"{out}/references-wsis", "reference-group", f"{out}/references",
                f"The implementation of the WSIS Action Lines {lines} will support the Output {n}",
                title="WSIS action lines"),
            sec(f"{out}/references-sdgs", "reference-group", f"{out}/references",
                f"Output {n} will contribute to the following UN SDGs: {sdgs}",
                title="Sustainable Development Goals and Targets"),
        ]
    return Document(Source("plan.docx", "docx", "0" * 64, profile="action-plan"), sections)


def roadmap() -> Document:
    return Document(Source("roadmap.pdf", "pdf", "1" * 64, profile="wsis-roadmap"), [
        sec("action-line-C5", "action-line", None, number="C5", title="Building confidence"),
        sec("action-line-C5/A1", "wsis-outcome", "action-line-C5",
            "ITU Strategic Goal 3 (Target 3.1) ITU-D Objective 2/Output 2.2 (Buenos Aires Action Plan)",
            number="A1", field="goals-and-resolutions"),
        sec("action-line-C5/A2", "wsis-outcome", "action-line-C5", "ITU-D Objective 2/Output 2.1",
            number="A2", field="goals-and-resolutions"),
        sec("action-line-C2", "action-line", None, number="C2", title="Infrastructure"),
        sec("action-line-C2/A", "wsis-outcome", "action-line-C2", "Goal 1 Buenos Aires Action Plan Objective 4",
            number="A", field="goals-and-resolutions"),
    ])


def graph_of(*docs: Document):
    return build_graph([(d, document_refs(d)) for d in docs])


def test_edges_go_from_the_owning_output_with_the_family_relation() -> None:
    g = graph_of(plan())
    node = "plan#output-2.2"
    rel = {(e.target, e.relation) for e in g.edges_from(node)}
    assert ("PP-RES-130", "implements") in rel and ("WTDC-RES-45", "implements") in rel
    assert ("WSIS-C5", "supports") in rel and ("SDG-16", "contributes-to") in rel
    assert ("ITU-D-OUTCOME-2.2@WTDC-17", "contributes-to") in rel
    assert ("WTDC-RES-17", "mentions") in rel
    assert ("ITU-D-OUTPUT-2.2@WTDC-17", "defines") in rel
    assert not any(e.target == "ITU-D-OUTPUT-2.2@WTDC-17" and e.relation != "defines" for e in g.edges_from(node))
    edge = g.edges[(node, "PP-RES-130", "implements")]
    assert edge.provenance == [{"source": "plan.docx", "section": "output-2.2/references-resolutions",
                                "loc": {"paragraph": 0}, "text": "PP Resolutions 130"}]
    assert g.nodes["PP-RES-130"].kind == "entity" and g.nodes["PP-RES-130"].known is True
    assert g.nodes["SDG-9.c"].title.startswith("Significantly increase access")


def test_files_join_on_canonical_ids_and_who_cites_lists_both() -> None:
    g = graph_of(plan(), roadmap())
    rows = who_cites(g, "ITU-D-OBJ-2@WTDC-17")
    assert [(r["source"], r["section"], r["relation"]) for r in rows] == [
        ("roadmap.pdf", "action-line-C5/A1", "contributes-to"), ("roadmap.pdf", "action-line-C5/A2", "contributes-to")]
    assert [r["section"] for r in who_cites(g, "ITU-D-OUTPUT-2.2@WTDC-17")] == ["action-line-C5/A1"]
    assert [n.id for n in g.sections() if n.entity == "ITU-D-OUTPUT-2.2@WTDC-17"] == ["plan#output-2.2"]
    assert g.nodes["roadmap#action-line-C5/A1"].within == ("WSIS-C5",)
    assert who_cites(g, "SDG-1") == []
    text = render_who_cites(rows, "ITU-D-OBJ-2@WTDC-17")
    assert text.splitlines()[0] == "ITU-D-OBJ-2@WTDC-17: cited by 2 sections"
    assert json.loads(render_who_cites(rows, "ITU-D-OBJ-2@WTDC-17", "json"))["cited_by"][0]["at"] == ["action-line-C5/A1"]


def test_contradicted_links_are_reported_both_ways() -> None:
    g = graph_of(plan(), roadmap())
    found = sorted((f.code, f.section, f.ref, f.source) for f in g.findings)
    assert found == [
        ("REF009", "action-line-C5/A2", "ITU-D-OUTPUT-2.1@WTDC-17", "roadmap.pdf"),
        ("REF009", "output-2.1", "WSIS-C2", "plan.docx"),
    ]
    messages = " | ".join(f.message for f in g.findings)
    assert "links WSIS-C5 to ITU-D-OUTPUT-2.1@WTDC-17" in messages and "does not cite WSIS-C5" in messages
    assert "links neither ITU-D-OBJ-2@WTDC-17 nor ITU-D-OUTPUT-2.1@WTDC-17" in messages


def test_no_cross_document_finding_without_the_counterpart() -> None:
    assert graph_of(plan()).findings == []
    assert graph_of(roadmap()).findings == []


def test_coverage_matrix_and_gaps() -> None:
    reg = load_registry()
    cov = coverage(graph_of(plan()), reg, families=("sdg-target",))
    assert [r.section for r in cov.rows] == ["output-2.1"]
    assert cov.columns == ["SDG-9.1", "SDG-9.c"]  # only ids cited: no empty column
    assert cov.cells[("plan#output-2.1", "SDG-9.1")] == "contributes-to"
    assert "SDG-9.1" not in cov.gaps and "SDG-14.1" in cov.gaps and len(cov.gaps) == 167
    text = render_graph(graph_of(plan()), "csv", reg)
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    assert header[:3] == ["source", "section", "title"] and "WSIS-C5" in header and "SDG-16" in header
    body = {r[1]: r for r in rows[1:3]}
    assert body["output-2.2"][header.index("WSIS-C5")] == "supports"
    assert body["output-2.1"][header.index("WSIS-C5")] == ""
    counts = rows[3]
    assert counts[1] == "cited-by" and counts[header.index("SDG-9")] == "1"
    assert not any(h.startswith("SDG-") and "." in h for h in header)  # targets only with --family sdg-target
    gaps = [r for r in rows if r and r[0] == "gap" and r[1] != "id"]
    assert ["gap", "WSIS-C10", "Ethical dimensions of the Information Society"] in gaps
    assert not any(r[1] in ("WSIS-C2", "SDG-9.1") for r in gaps)


def test_graphml_is_valid_and_uses_canonical_ids() -> None:
    g = graph_of(plan(), roadmap())
    data = render_graph(g, "graphml")
    assert isinstance(data, bytes) and data.startswith(b"<?xml")
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    ns = {"g": GRAPHML_NS}
    nodes = {n.get("id") for n in root.iterfind(".//g:node", ns)}
    assert {"WSIS-C5", "PP-RES-130", "SDG-9.c", "ITU-D-OUTPUT-2.2@WTDC-17", "plan#output-2.2"} <= nodes
    edges = root.findall(".//g:edge", ns)
    assert len(edges) == len(g.edges)
    assert all(e.get("source") in nodes and e.get("target") in nodes for e in edges)
    keys = {k.get("id"): k.get("attr.name") for k in root.iterfind("g:key", ns)}
    used = {d.get("key") for d in root.iterfind(".//g:data", ns)}
    assert used <= set(keys)
    relation = root.find(".//g:edge[@target='WSIS-C5']/g:data[@key='e_relation']", ns)
    assert relation is not None and relation.text == "supports"


def test_json_dot_and_mermaid_exports() -> None:
    g = graph_of(plan())
    data = json.loads(render_graph(g, "json"))
    assert data["schema"] == "actionplan-trace/graph/2"
    assert {n["id"] for n in data["nodes"]} == set(g.nodes)
    assert {(e["source"], e["target"], e["relation"]) for e in data["edges"]} == set(g.edges)
    dot = render_graph(g, "dot")
    assert dot.startswith("digraph references {") and dot.rstrip().endswith("}")
    edge = re.search(r'"plan#output-2.2" -> "WSIS-C5" \[constraint=false, color=(\w+), tooltip="supports"\];', dot)
    assert edge and f'"relation:supports" [shape=plaintext, label="supports", fontcolor={edge.group(1)}];' in dot
    mermaid = render_graph(g, "mermaid")
    assert mermaid.splitlines()[0] == "flowchart LR"
    assert sum(1 for line in mermaid.splitlines() if "-->|" in line) == len(g.edges)
    assert '(["WSIS-C5"])' in mermaid
    # each file's sections in a subgraph named by the file (two plans' "output-2.1" told apart)
    lines = render_graph(graph_of(plan(), roadmap()), "mermaid").splitlines()
    starts = [k for k, line in enumerate(lines) if line.startswith("  subgraph ")]
    assert [lines[k] for k in starts] == ['  subgraph f0["plan.docx"]', '  subgraph f1["roadmap.pdf"]']
    members = lines[starts[0] + 1:lines.index("  end", starts[0])]
    assert members and all(line.startswith("    n") and '["' in line for line in members)
    assert sum(1 for line in members if '["output-2.1: ' in line) == 1
    assert all(line.startswith("  n") and '(["' in line for line in lines[1:starts[0]])  # the ids outside


def test_merged_report_adds_cross_document_findings_only_for_several_files() -> None:
    from actionplan_trace.refs import merge_reports

    pairs = [(d, document_refs(d)) for d in (plan(), roadmap())]
    merged = merge_reports(pairs)
    assert len(merged.refs) == sum(len(r.refs) for _, r in pairs)
    assert merged.sources == ["plan.docx", "roadmap.pdf"]
    assert sorted(f.code for f in merged.findings if f.code == "REF009") == ["REF009", "REF009"]
    assert [f.code for f in merge_reports(pairs[:1]).findings] == [f.code for f in pairs[0][1].findings]


def test_dot_lays_a_corpus_graph_out_as_a_grid_of_columns() -> None:
    from actionplan_trace.refs.graph import Graph, Node
    from actionplan_trace.render.graph import DOT_COLUMN, to_dot

    g = Graph()
    for doc in ("plan", "roadmap"):
        for n in range(40):
            g.nodes[f"{doc}#s{n}"] = Node(f"{doc}#s{n}", "section", f"Section {n}", source=f"{doc}.docx", section=f"s{n}")
    for n in range(1, 60):
        g.nodes[f"SDG-{n}"] = Node(f"SDG-{n}", "entity", f"SDG-{n}", family="sdg")
    dot = to_dot(g)
    assert dot.count("subgraph \"cluster_doc") == 2 and 'label="plan.docx"' in dot and 'label="roadmap.docx"' in dot
    assert 'subgraph "cluster_sdg"' in dot and "rankdir=LR" in dot
    columns = re.findall(r"\{ rank=same; \"column\d+\" (.*?); \}", dot)
    assert DOT_COLUMN == 24 and [len(c.split('" "')) for c in columns] == [24, 16, 24, 16, 24, 24, 11]
    assert all(not any(i.startswith('"plan') for i in c.split(" ")) or not any("roadmap" in i for i in c.split(" "))
               for c in columns)  # a column never mixes two documents


def test_who_cites_refuses_an_id_its_complete_family_lacks() -> None:
    """--who-cites of an SDG or action line the registry does not list (it lists them all) is a
    typo, not a gap no section fills: exit 2 with one line. A resolution the registry lacks may
    still exist, and is looked for."""
    from conftest import CORPUS, run_cli

    for wrong in ("SDG-99", "WSIS-C05"):
        result = run_cli("graph", str(CORPUS / "objective2-old.docx"), "--who-cites", wrong)
        assert result.returncode == 2 and result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1 and wrong in result.stderr
    kept = run_cli("graph", str(CORPUS / "objective2-old.docx"), "--who-cites", "WTSA-RES-78")
    assert kept.returncode == 0 and "cited by no section" in kept.stdout


def test_mermaid_labels_show_as_written() -> None:
    """A title with a quote, a tag-like "<b>" or Mermaid's own entity-code mark "#35;" is written
    with entity codes, so Mermaid shows the characters rather than reading them."""
    from actionplan_trace.render.graph import _mermaid_label

    assert _mermaid_label('Say "no" to <b> and #35;') == "Say #quot;no#quot; to #60;b#62; and #35;35;"


def test_a_section_linking_to_an_id_twice_is_listed_once_with_its_citation() -> None:
    """Output 2.2 names WTDC Resolution 17 in its regional initiatives (a mention) and cites it in
    its references (implements): the chain and --who-cites list the output once, as citing it, and
    count sections as the coverage matrix does."""
    from actionplan_trace import load
    from actionplan_trace.refs.chain import chain

    from conftest import CORPUS

    doc = load(CORPUS / "action-plan-ba.docx")
    g = build_graph([(doc, document_refs(doc))])
    relations = {(e.target, e.relation) for e in g.edges_from("action-plan-ba#output-2.2")}
    assert {("WTDC-RES-17", "mentions"), ("WTDC-RES-17", "implements")} <= relations
    served = {item["id"]: item["relation"] for item in chain(g, "ITU-D-OUTPUT-2.2@WTDC-17")["serves"]}
    assert served["WTDC-RES-17"] == "implements" and served["ITU-D-OUTCOME-2.2@WTDC-17"] == "contributes-to"
    rows = who_cites(g, "SDG-13")
    assert len(rows) == len({r["section"] for r in rows}) == coverage(g, families=("sdg",)).cited_by["SDG-13"]
    assert ("output-2.3", "contributes-to") in {(r["section"], r["relation"]) for r in rows}


def test_an_impossible_id_covers_nothing() -> None:
    """"SDG 17 (targets 17.0, 17.8)": 17.0 is REF002, no target; it is no column of the matrix,
    as --who-cites refuses it."""
    doc = plan()
    doc.sections[-1].blocks[0].text = "Output 2.2 will contribute to the following UN SDGs: 17 (targets 17.0, 17.8)"
    g = graph_of(doc)
    assert "SDG-17.0" in g.nodes and "SDG-17.8" in g.nodes
    matrix = coverage(g, families=("sdg", "sdg-target"))
    assert "SDG-17.8" in matrix.columns and "SDG-17.0" not in matrix.columns
