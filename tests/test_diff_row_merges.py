"""Cells of an outcome table's row (a table row read as a section, one block per cell paragraph)
merged down (w:vMerge) or across (w:gridSpan) in one revision and not the other: the diff
compared the rows' blocks alone, so a merge that changed no word was no change even with
--all, and one that hid a cell's words named no merge. Each is reported now as in a table's
row: a change of formatting where the words are the same, else the change of the words names
the merge."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import CORPUS
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from actionplan_trace.diff.api import compare
from actionplan_trace.render.diff_json import to_dict
from actionplan_trace.render.diff_md import to_markdown

DISASTER = "2.3 - Disaster risk reduction and emergency telecommunications"


def _emptied(cell: docx.table._Cell) -> None:
    for p in cell.paragraphs[1:]:
        p._p.getparent().remove(p._p)
    cell.paragraphs[0].text = ""


def _outcomes(path: Path, merge: str | None, words: bool, font: str | None) -> Path:
    """objective2-old's outcome table (its body set in `font` at 10 pt, when given); outcome 2.3's
    outputs cell holds its output (`words`) or nothing. `merge` "down": outcome 2.2's outputs cell
    merged down over it; "across": outcome 2.3's indicators cell spanning the outputs column too,
    the outputs cell's paragraphs after its own."""
    document = docx.Document(str(CORPUS / "objective2-old.docx"))
    if font is not None:
        document.styles["Normal"].font.name, document.styles["Normal"].font.size = font, Pt(10)
    table = document.tables[0]
    if not words:
        _emptied(table.rows[3].cells[2])
    if merge == "down":
        top = etree.SubElement(table.rows[2].cells[2]._tc.get_or_add_tcPr(), qn("w:vMerge"))
        top.set(qn("w:val"), "restart")
        etree.SubElement(table.rows[3].cells[2]._tc.get_or_add_tcPr(), qn("w:vMerge"))
    elif merge == "across":
        indicators, outputs = table.rows[3].cells[1]._tc, table.rows[3].cells[2]._tc
        for p in outputs.findall(qn("w:p")) if words else ():
            indicators.append(p)
        etree.SubElement(indicators.get_or_add_tcPr(), qn("w:gridSpan")).set(qn("w:val"), "2")
        outputs.getparent().remove(outputs)
    document.save(str(path))
    return path


@pytest.mark.parametrize("font", [None, "Verdana"])
@pytest.mark.parametrize("forward", [True, False], ids=["merged", "unmerged"])
def test_a_cell_of_an_outcome_row_merged_down_over_an_empty_one_is_a_change_of_formatting(
        tmp_path: Path, forward: bool, font: str | None) -> None:
    plain, merged = _outcomes(tmp_path / "plain.docx", None, False, font), _outcomes(tmp_path / "merged.docx", "down", False, font)
    old, new = (plain, merged) if forward else (merged, plain)
    result = compare(old, new)
    assert result.visible() == []
    what = "merged" if forward else "no longer merged"
    changes = to_dict(result, all_changes=True)["changes"]
    assert [(c["kind"], c["section"]["new"], c["old"], c["new"], c["differences"], c["at"]["new"]) for c in changes] == [
        ("modified", "outcome-2.3", "", "", ["formatting"], "paragraph 2, table row 4")]
    assert result.visible(all_changes=True)[0].where == f"“Outputs (Product and services)” column: {what} with the cell above"


@pytest.mark.parametrize("forward", [True, False], ids=["merged", "unmerged"])
def test_a_cell_of_an_outcome_row_merged_down_over_words_names_the_merge(tmp_path: Path, forward: bool) -> None:
    """The merge hides outcome 2.3's output (or shows it again): the words' change says why."""
    plain, merged = _outcomes(tmp_path / "plain.docx", None, True, "Tahoma"), _outcomes(tmp_path / "merged.docx", "down", True, "Tahoma")
    old, new = (plain, merged) if forward else (merged, plain)
    changes = compare(old, new).visible()
    what = "merged" if forward else "no longer merged"
    assert [(c.kind, c.section_old, c.where, c.old if forward else c.new) for c in changes] == [
        ("removed" if forward else "added", "outcome-2.3", f"cell in “Outputs (Product and services)” column: {what} with the cell above", DISASTER)]
    assert f"cell in “Outputs (Product and services)” column: {what} with the cell above" in to_markdown(compare(old, new))


@pytest.mark.parametrize("words", [False, True], ids=["empty", "words"])
@pytest.mark.parametrize("forward", [True, False], ids=["merged", "split"])
def test_cells_of_an_outcome_row_merged_across_are_one_change_of_formatting(tmp_path: Path, words: bool,
                                                                            forward: bool) -> None:
    """Outcome 2.3's indicators cell made to span the outputs column (its output moved into it, or
    the outputs cell empty): its words the same, one change of formatting, not words moved
    between columns nor nothing at all."""
    plain = _outcomes(tmp_path / "plain.docx", None, words, "Cambria")
    merged = _outcomes(tmp_path / "merged.docx", "across", words, "Cambria")
    old, new = (plain, merged) if forward else (merged, plain)
    result = compare(old, new)
    assert result.visible() == []
    shown = result.visible(all_changes=True)
    what = "2 cells merged" if forward else "cell split in 2"
    assert [(c.kind, c.section_new, c.where, c.differences, c.old == c.new) for c in shown] == [
        ("modified", "outcome-2.3", f"“Performance Indicators” and “Outputs (Product and services)” columns: {what}", ("formatting",), True)]
    assert shown[0].new.endswith(DISASTER) == words
