"""An objective's outcomes table as Word writes it: rows merged across or down, and tables of the
same header elsewhere in the plan. Each outcome row is one `outcome-N.k` section; what is no
outcome row stays a row of its table."""

from __future__ import annotations

from pathlib import Path

import docx

from actionplan_trace import load
from actionplan_trace.diff import compare
from actionplan_trace.model import Document
from actionplan_trace.refs import document_refs

OBJECTIVE = "Objective 2 – Modern and secure telecommunication/ICT infrastructure"
HEADER = ("Outcomes", "Performance indicators", "Outputs (Product and services)")
OUTCOMES = (
    ("Enhanced capacity of ITU Membership to make available resilient infrastructure",
     "Number of guidelines finalized", "2.1 – Telecommunication/ICT infrastructure and services"),
    ("Enhanced capacity of ITU Membership to respond to cyber threats",
     "Number of CIRTs established", "2.2 – Building confidence and security"),
    ("Strengthened capacity of Member States to use ICTs for disaster risk reduction",
     "Number of national emergency telecommunication plans", "2.3 – Emergency telecommunications"),
)
NOTE = "Note: outcomes are measured against the baseline of 2017 (see WTDC Resolution 37)."


def _plan(outcomes: list[tuple[str, str, str]]) -> tuple[docx.document.Document, docx.table.Table]:
    """Objective 2 with its outcomes table (header, then `outcomes`), Word's "Table Grid"."""
    document = docx.Document()
    document.add_paragraph(OBJECTIVE, style="Heading 1")
    table = document.add_table(rows=1 + len(outcomes), cols=3)
    table.style = "Table Grid"
    for r, texts in enumerate([HEADER, *outcomes]):
        for c, text in enumerate(texts):
            table.rows[r].cells[c].paragraphs[0].add_run(text).bold = r == 0
    return document, table


def _output(document: docx.document.Document) -> None:
    document.add_paragraph("Output 2.1 – Products and services on telecommunication/ICT infrastructure", style="Heading 2")
    document.add_paragraph("Background", style="Heading 3")
    document.add_paragraph("Infrastructure is central for enabling universal access to ICTs.")


def _outcomes(doc: Document) -> list[tuple[str, str]]:
    return [(s.id, s.title) for s in doc.of_kind("outcome")]


def test_a_note_row_spanning_the_outcomes_table_is_no_outcome(tmp_path: Path) -> None:
    """A black-box review (finding 3): a last row of one cell merged across the three columns, a
    note under the outcomes, was read as a third outcome, `outcome-2.3` titled with the note, and
    the resolution it cites was filed under that outcome. It stays a row of the objective's table."""
    document, table = _plan(list(OUTCOMES[:2]))
    row = table.add_row()
    merged = row.cells[0].merge(row.cells[2])
    merged.paragraphs[0].add_run(NOTE)
    _output(document)
    path = tmp_path / "noterow.docx"
    document.save(str(path))
    doc = load(path, profile="action-plan")
    assert _outcomes(doc) == [("outcome-2.1", OUTCOMES[0][0]), ("outcome-2.2", OUTCOMES[1][0])]
    objective = doc.get("objective-2")
    assert objective is not None
    assert [(b.type, b.text) for b in objective.blocks] == [("table", " | ".join(HEADER)), ("table", NOTE)]
    assert [(r.id, r.section) for r in document_refs(doc).refs if r.id == "WTDC-RES-37"] == [("WTDC-RES-37", "objective-2")]


def test_text_left_in_a_continued_merged_cell_goes_on_with_the_outcome(tmp_path: Path) -> None:
    """A black-box review (finding 4): outcome 2.2's cell merged down over a second indicator's row
    (w:vMerge), whose continuation cell still holds a paragraph of its own, which Word and
    LibreOffice do not draw. The leftover text opened an outcome 2.3, took the indicator from 2.2
    and made the third outcome 2.4. The row goes on with outcome 2.2; the ids stay."""
    second = ("", "Number of national cybersecurity strategies", "")
    document, table = _plan([OUTCOMES[0], OUTCOMES[1], second, OUTCOMES[2]])
    table.cell(2, 0).merge(table.cell(3, 0))
    continuation = table.rows[3]._tr.tc_lst[0]
    assert continuation.tcPr.vMerge.val == "continue"
    continuation.p_lst[0].add_r().text = "Text left in a continued merged cell"
    _output(document)
    path = tmp_path / "vmerge.docx"
    document.save(str(path))
    doc = load(path, profile="action-plan")
    assert _outcomes(doc) == [("outcome-2.1", OUTCOMES[0][0]), ("outcome-2.2", OUTCOMES[1][0]),
                              ("outcome-2.3", OUTCOMES[2][0])]
    outcome = doc.get("outcome-2.2")
    assert outcome is not None
    assert [(b.field, b.text) for b in outcome.blocks] == [
        ("outcome", OUTCOMES[1][0]), ("indicators", OUTCOMES[1][1]), ("indicators", second[1]), ("outputs", OUTCOMES[1][2]),
    ]
    assert not any("Text left" in b.text for _, b in doc.blocks())


def _output_with_table(document: docx.document.Document, k: int, last: str) -> None:
    """Output 2.k whose Background holds an "Outcome | Indicator" table of two rows."""
    document.add_paragraph(f"Output 2.{k} – Products and services number {k}", style="Heading 2")
    document.add_paragraph("Background", style="Heading 3")
    document.add_paragraph("Infrastructure is central for enabling universal access to ICTs.")
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    for r, texts in enumerate([("Outcome", "Indicator"), (f"Regional forum {k} on spectrum management", "2019"),
                               (last, "2020")]):
        for c, text in enumerate(texts):
            table.rows[r].cells[c].paragraphs[0].add_run(text)
    document.add_paragraph(f"Closing paragraph of output {k}.")


def _outputs_with_tables(path: Path, last: str) -> Path:
    document, _ = _plan(list(OUTCOMES[:2]))
    for k in (1, 2):
        _output_with_table(document, k, f"Workshop {k} on numbering" if k == 1 else last)
    document.save(str(path))
    return path


def test_an_outcome_table_under_an_output_stays_a_table(tmp_path: Path) -> None:
    """A black-box review (finding 5): an "Outcome | Indicator" table in each output's Background
    was split into outcome rows numbered from the Background, which has no number: ids
    `outcome-.1`, `outcome-.2`, `outcome-.1-2`, and a diff path "Outcome .2 – …". The outcome rule
    is the objective's table's (`not_within: [output]`): these stay tables of their Background."""
    old = _outputs_with_tables(tmp_path / "old.docx", "Workshop 2 on numbering")
    new = _outputs_with_tables(tmp_path / "new.docx", "Workshop 2 on numbering resources")
    doc = load(old, profile="action-plan")
    assert _outcomes(doc) == [("outcome-2.1", OUTCOMES[0][0]), ("outcome-2.2", OUTCOMES[1][0])]
    background = doc.get("output-2.2/background")
    assert background is not None
    assert [(b.type, b.text) for b in background.blocks] == [
        ("paragraph", "Infrastructure is central for enabling universal access to ICTs."),
        ("table", "Outcome | Indicator\nRegional forum 2 on spectrum management | 2019\nWorkshop 2 on numbering | 2020"),
        ("paragraph", "Closing paragraph of output 2."),
    ]
    changes = [(c.kind, c.section_old, c.section_new, c.path, c.where) for c in compare(old, new, profile="action-plan").visible()]
    assert changes == [("modified", "output-2.2/background", "output-2.2/background",
                        ["Objective 2 – Modern and secure telecommunication/ICT infrastructure",
                         "Output 2.2 – Products and services number 2", "Background"], "“Outcome” column, row 3")]
