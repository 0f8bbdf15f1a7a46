"""Diff regressions of a secretariat's black-box review about the objective table and its cells:
an objective renumbered gave its outcome rows phantom renumberings, and a cell merged down with
the empty cell below it was reported nowhere while the Word redline marked it."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import CORPUS

from actionplan_trace.diff.api import compare

OLD = CORPUS / "objective2-old.docx"


def test_an_objective_renumbered_is_one_change_not_one_per_outcome_row(tmp_path: Path) -> None:
    """"Objective 2" typed "Objective 3" in its heading: the outcome rows of its table, numbered
    2.1–2.3 by their place under it and not by any word of theirs, were three more `renumbered`
    changes shown by default (2.1 → 3.1, …) though no cell changed."""
    document = docx.Document(str(OLD))
    run = document.paragraphs[0].runs[0]
    assert run.text.startswith("Objective 2 ")
    run.text = run.text.replace("Objective 2 ", "Objective 3 ", 1)
    new = tmp_path / "objective3.docx"
    document.save(str(new))
    result = compare(OLD, new)
    assert [(c.kind, c.section_old, c.section_new, c.old, c.new) for c in result.changes] == [
        ("renumbered", "objective-2", "objective-3", "2", "3")]


def _afr_merged_down(tmp_path: Path) -> Path:
    """objective2-old.docx with Output 2.1's "AFR Region" cell merged down (w:vMerge) with the
    empty cell below it, as Word's Merge Cells does: no text changes."""
    document = docx.Document(str(OLD))
    table = document.tables[1]
    above, below = table.cell(1, 0), table.cell(2, 0)
    assert (above.text.strip(), below.text) == ("AFR Region", "")
    above.merge(below)
    path = tmp_path / "merged.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize("forward", [True, False], ids=["merged", "unmerged"])
def test_a_cell_merged_down_with_the_empty_one_below_is_a_change_of_formatting(tmp_path: Path, forward: bool) -> None:
    merged = _afr_merged_down(tmp_path)
    old, new = (OLD, merged) if forward else (merged, OLD)
    assert compare(old, new).visible() == []
    changes = compare(old, new, ignore=frozenset()).visible()
    what = "merged with the cell below" if forward else "no longer merged with the cell below"
    assert [(c.kind, c.section_new, c.where, c.old, c.new, c.formatting_only, c.differences, c.at_new)
            for c in changes] == [
        ("modified", "output-2.1/regional-initiatives", f"“Region” column, row 2: {what}", "AFR Region", "AFR Region",
         True, ("formatting",), "paragraph 62, table row 2")]


def _header_merged(tmp_path: Path) -> Path:
    """objective2-old.docx with the objective table's header cells "Performance Indicators" and
    "Outputs (Product and services)" merged into one (w:gridSpan 2), their words kept."""
    document = docx.Document(str(OLD))
    table = document.tables[0]
    assert table.cell(0, 1).text == "Performance Indicators"
    table.cell(0, 1).merge(table.cell(0, 2))
    path = tmp_path / "header-merged.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize("forward", [True, False], ids=["merged", "split"])
def test_cells_merged_across_are_one_change_not_words_moved_between_columns(tmp_path: Path, forward: bool) -> None:
    """Two header cells merged were reported as the second cell's words added to the first and
    removed from a column the new table no longer has, never as a merge."""
    merged = _header_merged(tmp_path)
    old, new = (OLD, merged) if forward else (merged, OLD)
    assert compare(old, new).visible() == []
    changes = compare(old, new, ignore=frozenset()).visible()
    what = "2 cells merged" if forward else "cell split in 2"
    assert [(c.kind, c.section_new, c.where, c.formatting_only, c.differences, c.at_new) for c in changes] == [
        ("modified", "objective-2", f"table row 1, column 2: {what}", True, ("formatting",), "paragraph 2, table row 1")]
    assert changes[0].old == changes[0].new == "Performance Indicators\nOutputs\n(Product and services)"
