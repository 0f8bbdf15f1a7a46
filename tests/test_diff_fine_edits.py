"""Word-level reports a review found too coarse: a one-word edit in a table cell of several
paragraphs read as a removed and an added paragraph, an ignored kind of difference (bullet glyph,
curly quote, white space) marked inside a run of real edits, and a tab-separated contents list
placed as table rows."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import CORPUS
from docxgen import Style, write_docx
from outline import PLAN, outline

from actionplan_trace.diff import compare
from actionplan_trace.render.diff_json import to_dict
from actionplan_trace.render.diff_md import to_markdown
from actionplan_trace.render.diff_text import to_text

INDICATORS = "    [indicators] Number of Guidelines, Handbooks and publications finalized\n"
YEARS = INDICATORS + "    [indicators] Target year:\n    [indicators] 2020\n    [indicators] Number of experts trained\n"


def _restyle_cell(path: Path, style: str | None, prefix: str) -> None:
    """Every paragraph of the indicators cell in `style` (a list style draws a bullet) or typed with
    `prefix` ("–\\t"), as other editors write a cell's list."""
    document = docx.Document(str(path))
    cell = document.tables[0].rows[1].cells[1]
    for paragraph in cell.paragraphs:
        if style is not None:
            paragraph.style = document.styles[style]
        if prefix:
            paragraph.runs[0].text = prefix + paragraph.runs[0].text
    document.save(str(path))


def _edit_run(old: Path, new: Path, before: str, after: str) -> None:
    """`new`: `old` with the one run of table text `before` made `after`, as an editor changes it."""
    document = docx.Document(str(old))
    runs = [r for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs
            if before in r.text]
    assert len(runs) == 1
    runs[0].text = runs[0].text.replace(before, after)
    document.save(str(new))


@pytest.mark.parametrize(("style", "cell_style", "prefix", "label"), [
    (Style(), None, "", ""),
    (Style(headings="bold", numbering="auto", bullets="auto", font="Arial"), "List Bullet", "", ""),
    (Style(numbering="auto", font="Times New Roman"), None, "–\t", "–\t"),
])
def test_a_one_word_paragraph_edited_in_a_cell_of_several_is_that_word_changed(
        tmp_path: Path, style: Style, cell_style: str | None, prefix: str, label: str) -> None:
    """An indicators cell of four paragraphs whose "2020" became "2030": the review saw the
    paragraph removed and another added (word similarity of one word to another is 0, and only
    the one paragraph of a column was paired whatever its words). It is that word changed, in
    JSON, the terminal and Markdown, whatever the cell's paragraphs look like."""
    old, new = tmp_path / "old.docx", tmp_path / "new.docx"
    write_docx(outline(PLAN.replace(INDICATORS, YEARS)), old, style)
    _restyle_cell(old, cell_style, prefix)
    _edit_run(old, new, "2020", "2030")
    result = compare(old, new)
    changes = to_dict(result)["changes"]
    assert [(c["kind"], c["section"]["old"], c["section"]["new"], c["words"]) for c in changes] == [
        ("modified", "outcome-2.1", "outcome-2.1", ([["=", label]] if label else []) + [["-", "2020"], ["+", "2030"]])]
    assert changes[0]["at"] == {"old": "paragraph 2, table row 2", "new": "paragraph 2, table row 2"}
    text = to_text(result)
    assert "[-2020-]{+2030+}" in text and "removed" not in text and "added" not in text
    assert "<del>2020</del><ins>2030</ins>" in to_markdown(result)
    assert result.summary()["words"] == {"inserted": 1, "deleted": 1, "moved": 0}


@pytest.mark.parametrize("edit", [("2020", "2030"), ("2016-2019", "2016-2021")])
def test_a_one_word_item_edited_in_a_cell_of_a_text_rendering_is_that_word_changed(
        tmp_path: Path, edit: tuple[str, str]) -> None:
    """Word's Save-as-text writes the outcome table's cells as tab-led lines, a cell's list as
    "-<TAB>item" lines: a one-word item edited is a modified item of the indicators column."""
    body = (CORPUS / "text" / "objective2-new.txt").read_text(encoding="utf-8")
    anchor = "-\tNumber of CIRT that BDT has contributed to establish \n"
    assert body.count(anchor) == 1
    text = body.replace(anchor, f"{anchor}-\tBy the end of the period\n-\t{edit[0]}\n")
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace(f"-\t{edit[0]}\n", f"-\t{edit[1]}\n"), encoding="utf-8")
    result = compare(old, new)
    assert [(c.kind, c.section_new, c.where, c.at_new, c.words) for c in result.visible()] == [
        ("modified", "outcome-2.2", "bullet in indicators column", "paragraph 2, table row 3",
         [("=", "-\t"), ("-", edit[0]), ("+", edit[1])])]
    assert f"[-{edit[0]}-]{{+{edit[1]}+}}" in to_text(result)
