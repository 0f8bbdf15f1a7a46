"""A column added to (or removed from) a table is told as that column, "added column “Lead”", with
its cells' texts under it, not as "added table row 1, column 4" and one change per cell. The JSON
keeps a change per cell (each with its section, place and references) and names the column on
each of them (`column`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from docxgen import region_table_document  # noqa: E402
from test_diff_column_names import _plan  # noqa: E402

from actionplan_trace.diff import compare  # noqa: E402
from actionplan_trace.render.diff_common import change_title  # noqa: E402
from actionplan_trace.render.diff_html import to_html  # noqa: E402
from actionplan_trace.render.diff_json import to_json  # noqa: E402
from actionplan_trace.render.diff_md import to_markdown  # noqa: E402
from actionplan_trace.render.diff_text import stat_lines, to_text  # noqa: E402

LEADS = ["BDT", "BDT and ITU-T", "ITU-R"]


@pytest.mark.parametrize("font, size", [("Calibri", 10), ("Georgia", 12.5)])
def test_a_column_added_to_an_outcome_table_is_one_column(tmp_path: Path, font: str, size: float) -> None:
    """Outcome rows read as sections: the heading "Lead" in the objective's table and a cell in
    each outcome; an edit elsewhere in an outcome stays a change of its own."""
    old = _plan(tmp_path / "old.docx", None, font, size, rows=3)
    new = _plan(tmp_path / "new.docx", LEADS, font, size + 0.5, rows=3)
    result = compare(old, new, profile="action-plan")
    assert [(change_title(c), c.section_new, c.column, c.new) for c in result.visible()] == [
        ("added column “Lead”", "objective-2", "Lead", "Lead"),
        *[("added cell in “Lead” column", f"outcome-2.{n}", "Lead", lead) for n, lead in enumerate(LEADS, 1)]]
    text = to_text(result)
    assert ("  added column “Lead”  (paragraph 2, table row 1)\n      {+Lead+}\n"
            "      row 2, Outcome 2.1: {+BDT+}\n      row 3, Outcome 2.2: {+BDT and ITU-T+}\n"
            "      row 4, Outcome 2.3: {+ITU-R+}\n") in text
    assert "cell in “Lead” column" not in text and "Outcome 2.2 – " not in text  # each cell told once, under its column
    assert ("- **added column “Lead”** (paragraph 2, table row 1): <ins>Lead</ins>\n  - _row 2, Outcome 2.1_: <ins>BDT</ins>\n"
            "  - _row 3, Outcome 2.2_: <ins>BDT and ITU-T</ins>\n") in to_markdown(result)
    page = to_html(result)
    assert page.count('<div class="cell">') == 3 and "added column “Lead”" in page and "cell in “Lead” column" not in page
    assert [line.plain.split()[0] for line in stat_lines(result)[:-1]] == ["4"]  # one section, its 4 changes
    data = json.loads(to_json(result))
    assert [(c["new"], c["section"]["new"], c.get("column")) for c in data["changes"]] == [
        ("Lead", "objective-2", "Lead"), *[(lead, f"outcome-2.{n}", "Lead") for n, lead in enumerate(LEADS, 1)]]
    assert data["summary"]["total"] == 4 and data["schema"] == "actionplan-trace/diff/3"


def test_a_column_with_an_edit_beside_it(tmp_path: Path) -> None:
    """A column added and an indicator edited in the same outcome: the edit is the outcome's own
    change, the new cell under the column."""
    old = _plan(tmp_path / "old.docx", None, "Arial", 11, rows=2)
    new_path = _plan(tmp_path / "new.docx", LEADS[:2], "Arial", 11, rows=2)
    import docx

    document = docx.Document(str(new_path))
    cell = document.tables[0].rows[2].cells[1].paragraphs[0]
    cell.runs[0].text = cell.runs[0].text.replace("CIRTs", "national CIRTs")
    document.save(str(new_path))
    result = compare(old, new_path, profile="action-plan")
    text = to_text(result)
    assert "row 3, Outcome 2.2: {+BDT and ITU-T+}" in text
    assert ("Objective 2 › Outcome 2.2 – Outcome 2.2\n  modified bullet in “Performance indicators” column"
            "  (paragraph 2, table row 3)\n      - Number of {+national+} CIRTs established\n") in text


@pytest.mark.parametrize("grid", [True, False])
def test_a_column_removed_from_a_region_table(tmp_path: Path, grid: bool) -> None:
    """A plain table (rows not read as sections) that lost its "Initiatives" column: one column
    removed, its cells under it by row; a blank cell of the column is no line of it."""
    wide = [("Region", "Initiatives"), ("AFR Region", "AFR1, AFR3"), ("AMS Region", ""), ("ARB Region", "ARB2")]
    for name, rows, columns in (("old", wide, 2), ("new", [r[:1] for r in wide], 1)):
        document, _ = region_table_document("Cambria" if grid else "Verdana", 10.5, "Output 2.1 – Infrastructure",
                                            rows, columns, grid)
        document.save(str(tmp_path / f"{name}.docx"))
    from actionplan_trace.app import compare as app_compare  # references read as `trace diff` reads them

    result = app_compare(tmp_path / "old.docx", tmp_path / "new.docx")
    assert [(change_title(c), c.column, c.old) for c in result.visible()] == [
        ("removed column “Initiatives”", "Initiatives", "Initiatives"),
        ("removed “Initiatives” column, row 2", "Initiatives", "AFR1, AFR3"),
        ("removed “Initiatives” column, row 4", "Initiatives", "ARB2")]
    assert ("  removed column “Initiatives”  (paragraph 3, table row 1)\n      [-Initiatives-]\n"
            "      row 2: [-AFR1, AFR3-]  (refs −RI-AFR1 −RI-AFR3)\n      row 4: [-ARB2-]  (refs −RI-ARB2)\n") in to_text(result)


def test_a_cell_filled_under_a_kept_heading_is_no_column(tmp_path: Path) -> None:
    """A "Lead" column both revisions have, one outcome's empty cell filled in: that cell, not a
    column added."""
    old = _plan(tmp_path / "old.docx", ["BDT", ""], "Calibri", 10, rows=2)
    new = _plan(tmp_path / "new.docx", ["BDT", "ITU-D"], "Calibri", 10, rows=2)
    result = compare(old, new, profile="action-plan")
    assert [(change_title(c), c.column) for c in result.visible()] == [("added cell in “Lead” column", None)]
    assert "column" not in json.loads(to_json(result))["changes"][0]
