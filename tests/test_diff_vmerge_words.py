"""A table cell merged down (w:vMerge) in one revision and not the other, its words changed too:
it was reported by its words alone (the merge a change of formatting the default report hides,
or, where the cell below lost its own words to the merge, not at all, even with --all). The
change of the words names the merge now: "“Region” column, row 2: merged with the cell below"."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docxgen import region_table_document
from lxml import etree

from actionplan_trace.diff.api import compare
from actionplan_trace.render.diff_json import to_dict
from actionplan_trace.render.diff_md import to_markdown
from actionplan_trace.render.diff_text import to_text


def _regions(path: Path, top: str, below: str, merged: bool, layout: str) -> Path:
    """An output's Region table; the Region cell of row 2 holds `top`, the one under it `below`,
    the two merged down when `merged`. `layout` "grid": Table Grid, Georgia 11 pt; "plain": the
    default table style, Tahoma 9 pt, a Status column."""
    font, size = ("Georgia", 11) if layout == "grid" else ("Tahoma", 9)
    rows = [("Region", "Regional initiatives", "Status"), (top, "AFR1: e-Health", "ongoing"),
            (below, "AFR3: Broadband access", "ongoing"), ("ASP Region", "ASP2: Small island states", "new")]
    document, table = region_table_document(font, size, "Output 2.3 – Disaster risk reduction and emergency "
                                            "telecommunications", rows, 2 if layout == "grid" else 3, layout == "grid")
    if merged:
        for r, value in ((1, "restart"), (2, None)):
            props = table.rows[r].cells[0]._tc.get_or_add_tcPr()
            merge = etree.SubElement(props, qn("w:vMerge"))
            if value:
                merge.set(qn("w:val"), value)
    document.add_paragraph("Member States will be assisted in disaster preparedness.")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


@pytest.mark.parametrize("layout", ["grid", "plain"])
def test_a_cell_merged_down_whose_words_changed_names_the_merge(tmp_path: Path, layout: str) -> None:
    old = _regions(tmp_path / "old.docx", "AFR Region", "", False, layout)
    new = _regions(tmp_path / "new.docx", "AFR Region (all countries)", "", True, layout)
    result = compare(old, new)
    expected = [("modified", "“Region” column, row 2: merged with the cell below", "AFR Region", "AFR Region (all countries)")]
    assert [(c.kind, c.where, c.old, c.new) for c in result.visible()] == expected
    assert [(c.kind, c.where, c.old, c.new) for c in result.visible(all_changes=True)] == expected
    assert to_dict(result)["summary"]["hidden"] == 0
    for report in (to_text(result), to_markdown(result)):
        assert "merged with the cell below" in report
    back = compare(new, old).visible()
    assert [(c.where, c.old, c.new) for c in back] == [
        ("“Region” column, row 2: no longer merged with the cell below", "AFR Region (all countries)", "AFR Region")]


@pytest.mark.parametrize("layout", ["grid", "plain"])
def test_a_cell_whose_words_a_merge_hides_names_the_merge(tmp_path: Path, layout: str) -> None:
    """The cell under "AFR Region" held words of its own; merged down, Word shows the merged cell
    and not them: they are deleted by the merge, which was in no report, even with --all."""
    old = _regions(tmp_path / "old.docx", "AFR Region", "Sub-Saharan Africa", False, layout)
    new = _regions(tmp_path / "new.docx", "AFR Region", "Sub-Saharan Africa", True, layout)
    result = compare(old, new)
    assert [(c.kind, c.where, c.old, c.new, c.formatting_only) for c in result.visible(all_changes=True)] == [
        ("modified", "“Region” column, row 3: merged with the cell above", "Sub-Saharan Africa", "", False)]
    assert [(c.where, c.new) for c in compare(new, old).visible()] == [
        ("“Region” column, row 3: no longer merged with the cell above", "Sub-Saharan Africa")]


def test_a_cell_merged_down_with_its_words_the_same_is_still_formatting(tmp_path: Path) -> None:
    old = _regions(tmp_path / "old.docx", "AFR Region", "", False, "grid")
    new = _regions(tmp_path / "new.docx", "AFR Region", "", True, "grid")
    result = compare(old, new)
    assert result.visible() == []
    assert [(c.where, c.differences) for c in result.visible(all_changes=True)] == [
        ("“Region” column, row 2: merged with the cell below", ("formatting",))]
