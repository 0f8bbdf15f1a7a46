"""Table rows and list items moved on real files: a row moved further than one place is one
moved row (or one moved table-row section), not a row removed and one added."""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS
from docx_edit import W, DocxEditor

from actionplan_trace.app import compare


def _row_text(tr: object) -> str:
    return " | ".join("".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in tr.iter(f"{W}tc"))  # type: ignore[attr-defined]


def _move_row(source: Path, first_cell: str, to: int, out: Path) -> Path:
    """A copy of `source` with the table row whose first cell reads `first_cell` moved to row
    `to` of its table (counted from 0; -1 for the end), nothing else changed."""
    editor = DocxEditor.open(source)
    row = next(tr for tr in editor.root.iter(f"{W}tr") if _row_text(tr).split(" | ")[0].strip() == first_cell)
    table = row.getparent()
    table.remove(row)
    rows = table.findall(f"{W}tr")
    if to == -1:
        rows[-1].addnext(row)
    else:
        rows[to].addprevious(row)
    return editor.save(out)


def test_a_matrix_row_moved_to_the_end_is_one_moved_row_section(tmp_path: Path) -> None:
    """Strategic Plan 2012, ITU-R matrix (Table 4.1): "Radiocommunication Assembly | X" moved from
    row 4 to the end. Each row is a section; the row moved is that section moved, as a row moved
    one place is, not the same id removed and added."""
    old = CORPUS / "strategic-plan-2012.docx"
    new = _move_row(old, "Radiocommunication Assembly", -1, tmp_path / "moved.docx")
    result = compare(old, new, with_refs=False)
    row = "table-4.1/radiocommunication-assembly"
    assert [(c.kind, c.target, c.section_old, c.section_new, c.at_old, c.at_new) for c in result.changes] == [
        ("moved", "section", row, row, "paragraph 86, table row 4", "paragraph 86, table row 14")]


def test_a_region_row_moved_up_the_table_is_one_moved_row(tmp_path: Path) -> None:
    """Objective 2, Output 2.1's regional initiatives table: "CIS Region" (2 words, fewer than a
    moved paragraph needs) moved from row 10 to row 2 is one moved table row."""
    old = CORPUS / "objective2-old.docx"
    new = _move_row(old, "CIS Region", 1, tmp_path / "moved.docx")
    result = compare(old, new, with_refs=False)
    where = "output-2.1/regional-initiatives"
    assert [(c.kind, c.target, c.section_old, c.section_new, c.old, c.new, c.at_old, c.at_new, c.words)
            for c in result.changes] == [
        ("moved", "block", where, where, "CIS Region", "CIS Region", "paragraph 62, table row 10",
         "paragraph 62, table row 2", None)]


PROGRAMME = "output-2.3/programme-emergency-telecommunications"


def _reorder_paragraphs(source: Path, starts: list[str], out: Path) -> Path:
    """A copy of `source` with the consecutive body paragraphs that begin with `starts` (in that
    order) put in reverse order, nothing else changed."""
    from docx_edit import text

    editor = DocxEditor.open(source)
    found = [next(p for p in editor.paragraphs() if text(p).strip().startswith(start)) for start in starts]
    anchor = found[-1].getnext()
    for p in reversed(found):
        anchor.addprevious(p)  # the last first, then each before the anchor after it
    return editor.save(out)


def test_three_bullets_reversed_name_the_two_that_moved(tmp_path: Path) -> None:
    """Output 2.3's bullets a, b, c made c, b, a: b kept its place, so a and c are the moves, each
    at its old and new paragraph (the report named b as moved, and left c out)."""
    old = CORPUS / "objective2-old.docx"
    new = _reorder_paragraphs(old, ["providing assistance to countries", "strengthening and expanding",
                                    "ensuring that disaster-resilient"], tmp_path / "reversed.docx")
    result = compare(old, new, with_refs=False)
    assert [(c.kind, c.target, c.section_old, c.section_new, c.at_old, c.at_new, (c.new or "").split("\t")[-1][:20])
            for c in result.changes] == [
        ("moved", "block", PROGRAMME, PROGRAMME, "paragraph 118", "paragraph 116", "ensuring that disast"),
        ("moved", "block", PROGRAMME, PROGRAMME, "paragraph 116", "paragraph 118", "providing assistance"),
    ]


def test_two_neighbours_swapped_name_the_one_that_was_first(tmp_path: Path) -> None:
    """Two bullets swapped: either moved one place; the rule (align.in_order) names the one that
    was first, moved down past the other."""
    old = CORPUS / "objective2-old.docx"
    new = _reorder_paragraphs(old, ["providing assistance to countries", "strengthening and expanding"],
                              tmp_path / "swapped.docx")
    result = compare(old, new, with_refs=False)
    assert [(c.kind, c.target, c.at_old, c.at_new, (c.new or "").split("\t")[-1][:20]) for c in result.changes] == [
        ("moved", "block", "paragraph 116", "paragraph 117", "providing assistance")]
