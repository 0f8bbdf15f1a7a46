"""The strategic-plan profile on the 2012-2015 plan (seed 003) in three renderings — Word Heading
styles with one matrix table per sector (header row repeated), bold Normal paragraphs with typed
numbers and tables split with repeated headers, and the PDF — and on a generated 2024-2027 plan:
sector objectives and goals as entities with their edition, the matrices as edges, and the
matrices read back equal to the document's own tables."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest

from actionplan_trace import load
from actionplan_trace.refs import build_graph, document_refs
from actionplan_trace.model import Document
from actionplan_trace.refs.matrix import matrix_rows
from conftest import corpus_doc, corpus_reading, rejoined
from test_independent_docs import python_docx_words, words

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SP2012 = ("strategic-plan-2012.docx", "strategic-plan-2012-bold.docx", "strategic-plan-2012.pdf")
OBJECTIVES = {"ITU-R": 5, "ITU-T": 4, "ITU-D": 6, "GS": 6}
ROWS = {"ITU-R": 13, "ITU-T": 13, "ITU-D": 33, "GS": 21}


@pytest.fixture(scope="module")
def graphs():
    out = {}
    for name in SP2012 + ("strategic-plan-2024.docx",):
        doc = corpus_doc(name)
        out[name] = (doc, build_graph([(doc, document_refs(doc))]))
    return out


@pytest.mark.parametrize("name", SP2012)
def test_the_21_sector_objectives_are_entities_with_their_edition(graphs, name: str) -> None:
    doc, graph = graphs[name]
    assert doc.source.profile == "strategic-plan"
    defined = {n.entity for n in graph.sections() if n.entity}
    expected = {f"{'ITU-D' if s == 'ITU-D' else s}-OBJ-{n}@SP-2012-2015" for s, k in OBJECTIVES.items() for n in range(1, k + 1)}
    assert expected <= defined
    assert {f"{s}-GOAL@SP-2012-2015" for s in OBJECTIVES} <= defined
    plan_ids = [n.id for n in graph.nodes.values() if n.kind == "entity" and n.family in (
        "sector-objective", "itu-d-objective", "sector-goal", "itu-goal", "itu-target")]
    assert plan_ids and all(i.endswith("@SP-2012-2015") for i in plan_ids)
    objective = next(s for s in doc.sections if s.id == "sector-ITU-D/objective-2")
    assert objective.title.startswith("To assist the membership in maximizing the utilization")
    t1 = next(s for s in doc.sections if s.id == "sector-ITU-T/objective-1")
    assert t1.title == "Coordinating/International cooperation"


@pytest.mark.parametrize("name", SP2012)
def test_every_x_of_the_outputs_objectives_tables_is_an_edge(graphs, name: str) -> None:
    _, graph = graphs[name]
    matrix = matrix_rows(graph, "outputs-objectives")
    per_sector = Counter(re.match(r"^(ITU-[RTD]|GS)", t).group(1) for _, t in matrix.cells)
    assert dict(per_sector) == ROWS
    edge = graph.edges[(f"{Path(name).stem}#{matrix.rows[0][1]}", "ITU-R-OBJ-1@SP-2012-2015", "contributes-to")]
    assert edge.provenance[0]["matrix"] == "outputs-objectives"
    titles = {graph.nodes[e.source].label for e in graph.edges_to("ITU-D-OBJ-2@SP-2012-2015") if e.relation == "contributes-to"}
    assert {"Provision of technical expertise", "Project development and implementation", "Symposia and seminars"} <= titles
    assert "Mobilization of extrabudgetary resources and partnerships" in titles


@pytest.mark.parametrize("name", SP2012)
def test_table_8_1_links_each_objective_to_its_sector_goal(graphs, name: str) -> None:
    _, graph = graphs[name]
    matrix = matrix_rows(graph, "objectives-goals")
    links = {(row[2], target) for (i, target) in matrix.cells for row in [matrix.rows[i]]}
    assert len(links) == 21
    assert all(obj.split("-OBJ-")[0] == goal.split("-GOAL")[0] for obj, goal in links)
    assert ("ITU-D-OBJ-2@SP-2012-2015", "ITU-D-GOAL@SP-2012-2015") in links


def test_the_word_matrix_round_trips(graphs) -> None:
    """Table 4.1 as python-docx reads it equals the matrix read back from the graph."""
    name = "strategic-plan-2012.docx"
    _, graph = graphs[name]
    table = next(t for t in docx.Document(str(CORPUS / name)).tables if t.rows[0].cells[0].text.strip() == "Outputs")
    header = [c.text.strip() for c in table.rows[0].cells]
    theirs = [(row.cells[0].text.split("\n")[0].strip(),
               tuple(f"ITU-R-OBJ-{header[k].split()[-1]}@SP-2012-2015" for k, c in enumerate(row.cells) if c.text.strip() == "X"))
              for row in table.rows[1:]]
    matrix = matrix_rows(graph, "outputs-objectives")
    by_row: dict[int, list[str]] = {}
    for i, target in sorted(matrix.cells):
        by_row.setdefault(i, []).append(target)
    ours = [(graph.nodes[f"strategic-plan-2012#{matrix.rows[i][1]}"].label, tuple(by_row[i]))
            for i in range(len(matrix.rows)) if matrix.rows[i][1].startswith("table-4.1/")]
    assert ours == theirs


def test_a_later_plan_has_numbered_goals_and_targets_with_its_edition(graphs) -> None:
    doc, graph = graphs["strategic-plan-2024.docx"]
    assert doc.source.profile == "strategic-plan"
    defined = {n.entity for n in graph.sections() if n.entity}
    assert {f"ITU-GOAL-{n}@SP-2024-2027" for n in range(1, 6)} <= defined
    assert {"ITU-TARGET-1.3@SP-2024-2027", "ITU-TARGET-5.2@SP-2024-2027"} <= defined
    assert sum(1 for i in defined if i.startswith("ITU-TARGET-")) == 11
    matrix = matrix_rows(graph, "outputs-objectives")
    assert sorted(t for _, t in matrix.cells) == sorted(
        ["ITU-D-OBJ-1@SP-2024-2027"] * 2 + ["ITU-D-OBJ-2@SP-2024-2027"] * 2 + ["ITU-D-OBJ-3@SP-2024-2027"] * 2)


def model_words(doc) -> Counter[str]:
    out: Counter[str] = Counter()
    for section in doc.sections:
        out += words(section.heading or "")
        for block in section.blocks:
            if block.rows:
                out += sum((words(c.text) for row in block.rows for c in row), Counter())
            else:
                out += words(block.text) + words(block.label or "")
    return out


@pytest.mark.parametrize("name", ["strategic-plan-2012.docx", "strategic-plan-2012-bold.docx", "strategic-plan-2024.docx"])
def test_nothing_lost_docx(graphs, name: str) -> None:
    doc, _ = graphs[name]
    assert python_docx_words(CORPUS / name) - model_words(doc) == Counter()


def test_nothing_lost_pdf(graphs) -> None:
    """pdfium's words are the model's, but for header rows repeated on a table's next pages (a word
    a narrow column broke over two lines is one)."""
    doc, _ = graphs["strategic-plan-2012.pdf"]
    pdf = pdfium.PdfDocument(str(CORPUS / "strategic-plan-2012.pdf"))
    try:
        page_words = sum((words(page.get_textpage().get_text_range()) for page in pdf), Counter())
    finally:
        pdf.close()
    headers = {w for s in doc.sections for b in s.blocks if b.rows for c in b.rows[0] for w in words(c.text)}
    lost = rejoined(page_words, corpus_reading("strategic-plan-2012.pdf").broken_words) - model_words(doc)
    assert set(lost) <= headers | {str(n) for n in range(1, 40)}, sorted(set(lost) - headers)[:20]


def test_a_cell_line_a_wrap_opens_with_a_dash_continues_its_sentence(graphs) -> None:
    """"Case studies, guidelines and toolkits – including …" wraps at the dash in the PDF's narrow
    ITU-D outputs column: one output, titled as in the .docx, not a title and a dash item."""
    pdf, word = graphs["strategic-plan-2012.pdf"][0], graphs["strategic-plan-2012.docx"][0]

    def toolkits(doc: Document) -> list[str]:
        return [s.title for s in doc.sections if s.kind == "sp-output" and s.title.startswith("Case studies, guidelines")]

    assert toolkits(pdf) == toolkits(word)
    assert [t.split(" – ")[1][:20] for t in toolkits(pdf)] == ["including the ICT Re", "including the Connec"]


def test_a_matrix_whose_header_has_two_rows_is_read(tmp_path: Path) -> None:
    """The outputs x objectives matrices with their header set on two rows, "Outputs | Objectives"
    (merged over the objective columns) over "| Objective 1 | … ": a black-box review found such
    a matrix was no matrix at all ("the files hold no outputs-objectives matrix") and its
    objective row read as data. The columns are named by the second row."""
    from copy import deepcopy

    document = docx.Document(str(CORPUS / "strategic-plan-2012.docx"))
    for table in [t for t in document.tables if t.rows[0].cells[1].text == "Objective 1"]:
        header = table.rows[0]._tr
        top = deepcopy(header)
        header.addprevious(top)
        first = table.rows[0]
        for cell in first.cells[1:]:
            cell.text = "Objectives"
        first.cells[1].merge(first.cells[-1])
        table.rows[1].cells[0].text = ""
    path = tmp_path / "two-row-headers.docx"
    document.save(str(path))
    doc = load(path)
    matrix = matrix_rows(build_graph([(doc, document_refs(doc))]), "outputs-objectives")
    per_sector = Counter(re.match(r"^(ITU-[RTD]|GS)", t).group(1) for _, t in matrix.cells)
    assert dict(per_sector) == ROWS


def test_a_goals_matrix_and_a_corner_left_empty_in_a_two_row_header(tmp_path: Path) -> None:
    """A second regression review: Table 8.1 with "| Strategic goals of the Union" spanning over
    "| Goal ITU-R | …" (the goal-link rule wants "Goal ITU-R" in its header, so the first row
    alone matched no rule), and an outputs matrix whose "ITU-D outputs" stands in the second row
    under an empty corner. Both are matrices, with as many rows as the corpus file's."""
    from copy import deepcopy

    def two_rows(document: docx.Document, second_header: str, top: str, keep_corner: bool) -> None:
        for table in [t for t in document.tables if t.rows[0].cells[1].text == second_header]:
            header = table.rows[0]._tr
            header.addprevious(deepcopy(header))
            first = table.rows[0]
            for cell in first.cells[1:]:
                cell.text = top
            first.cells[1].merge(first.cells[-1])
            if keep_corner:
                table.rows[1].cells[0].text = ""
            else:
                first.cells[0].text = ""

    def matrix_length(path: Path, matrix: str) -> int:
        doc = load(path)
        return len(matrix_rows(build_graph([(doc, document_refs(doc))]), matrix).rows)

    plan = CORPUS / "strategic-plan-2012.docx"
    for second, top, keep_corner, matrix, least in (("Objective 1", "Objectives", False, "outputs-objectives", 70),
                                                    ("Goal ITU-R", "Strategic goals of the Union", True,
                                                     "objectives-goals", 10)):
        document = docx.Document(str(plan))
        two_rows(document, second, top, keep_corner)
        path = tmp_path / f"{matrix}.docx"
        document.save(str(path))
        assert matrix_length(path, matrix) == matrix_length(plan, matrix) > least
