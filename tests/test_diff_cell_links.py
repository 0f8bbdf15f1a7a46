"""A hyperlink pointed elsewhere, or words made a link, inside a table cell: the .docx reader keeps
each cell's links (Cell.links, and Block.links of the blocks a table row read as a section is
made of), the diff reports the cell modified as it does a body paragraph (shown by default, the
JSON's `links`) in every format, and the Word redline marks the linked words deleted inside OLD's
link and inserted inside NEW's."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from conftest import CORPUS
from docx.shared import Pt

from actionplan_trace.diff.api import compare
from actionplan_trace.extract.docx import read_docx
from actionplan_trace.render.diff_html import to_html
from actionplan_trace.render.diff_json import to_dict
from actionplan_trace.render.diff_md import to_markdown
from actionplan_trace.render.diff_text import to_text
from docx_edit import ITU_D, ITU_T, link_word
from docxgen import region_table_document
from redline_oracle import make_redline

REGIONS = [("Region", "Regional initiatives", "Status"),
           ("AFR Region", "AFR1: e-Health and ICTs for rural areas", "ongoing"),
           ("ASP Region", "ASP2: Harnessing the benefits of new technologies", "completed")]


def _regions(path: Path, url: str | None, layout: str) -> Path:
    """An output's Region table; "ICTs" of AFR's initiatives linked to `url`. `layout` "grid": two
    columns in Table Grid, Times New Roman 10 pt, the link in the cell's one paragraph; "listed":
    three columns, Arial 9 pt, the initiative a numbered item after a plain line in its cell."""
    font, size = ("Times New Roman", 10) if layout == "grid" else ("Arial", 9)
    document, table = region_table_document(font, size, "Output 2.1 – Products and services on telecommunication/ICT "
                                            "infrastructure", REGIONS, 2 if layout == "grid" else 3, layout == "grid")
    cell = table.rows[1].cells[1]
    if layout == "listed":
        cell.paragraphs[0].text = "Initiatives adopted at WTDC-17:"
        cell.add_paragraph(REGIONS[1][1], style="List Number")
    link_word(document, cell.paragraphs[-1], "ICTs", url)
    document.add_paragraph("Infrastructure is central for enabling universal access to ICTs.")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


@pytest.mark.parametrize("layout", ["grid", "listed"])
@pytest.mark.parametrize("old_url", [ITU_D, None], ids=["target-changed", "link-added"])
def test_a_link_in_a_table_cell_pointed_elsewhere_is_the_cell_modified(tmp_path: Path, old_url: str | None,
                                                                      layout: str) -> None:
    """Links in table cells were not compared: a cell's link retargeted or added was "no
    differences" in every format, even with --all, while a body paragraph's is shown."""
    old = _regions(tmp_path / "old.docx", old_url, layout)
    new = _regions(tmp_path / "new.docx", ITU_T, layout)
    result = compare(old, new)
    changes = result.visible()
    title = (f"link on “ICTs” now to {ITU_T} (was {ITU_D})" if old_url else f"link to {ITU_T} added on “ICTs”")
    assert [(c.kind, c.where, c.old == c.new, c.formatting_only, c.at_new) for c in changes] == [
        ("modified", f"“Regional initiatives” column, row 2: {title}", True, False, "paragraph 3, table row 2")]
    shown = to_dict(result)
    removed = [{"text": "ICTs", "target": ITU_D}] if old_url else []
    assert [c["links"] for c in shown["changes"]] == [{"added": [{"text": "ICTs", "target": ITU_T}], "removed": removed}]
    assert to_dict(result, all_changes=True)["changes"] == shown["changes"]
    for report in (to_text(result), to_markdown(result), to_html(result)):
        assert title in report
    assert "no differences" not in to_text(result)


def test_a_link_retargeted_in_an_outcome_row_read_as_a_section_is_that_paragraph_modified(tmp_path: Path) -> None:
    """objective2-old's outcome table is read as one section per row, a block per cell paragraph:
    a link in its Outputs cell retargeted is that paragraph modified, with its section's id."""
    paths = {}
    for name, url in (("old", ITU_D), ("new", ITU_T)):
        document = docx.Document(str(CORPUS / "objective2-old.docx"))
        cell = document.tables[0].rows[2].cells[2]
        paragraph = next(p for p in cell.paragraphs if "Building confidence" in p.text)
        link_word(document, paragraph, "Building confidence", url)
        paths[name] = tmp_path / f"{name}.docx"
        document.save(str(paths[name]))
    changes = compare(paths["old"], paths["new"]).visible()
    assert [(c.kind, c.section_new, c.where, c.links_added, c.links_removed) for c in changes] == [
        ("modified", "outcome-2.2", f"“Outputs (Product and services)” column: link on “Building confidence” now to {ITU_T} (was {ITU_D})",
         [("Building confidence", ITU_T)], [("Building confidence", ITU_D)])]


def test_a_moved_row_whose_link_changed_carries_the_link(tmp_path: Path) -> None:
    """A table row moved with its cell's link pointed elsewhere is one moved row with its links."""
    old = _regions(tmp_path / "old.docx", ITU_D, "grid")
    new = _regions(tmp_path / "new.docx", ITU_T, "grid")
    document = docx.Document(str(new))
    table = document.tables[0]
    table._tbl.append(table.rows[1]._tr)  # AFR after ASP
    document.save(str(new))
    changes = compare(old, new).visible()
    assert [(c.kind, c.links_added, c.links_removed) for c in changes] == [
        ("moved", [("ICTs", ITU_T)], [("ICTs", ITU_D)])]


@pytest.mark.parametrize("layout", ["grid", "listed"])
@pytest.mark.parametrize("old_url", [ITU_D, None], ids=["target-changed", "link-added"])
def test_the_redline_marks_a_cell_link_so_that_reject_all_gives_the_old_link(tmp_path: Path, old_url: str | None,
                                                                               layout: str) -> None:
    old = _regions(tmp_path / "old.docx", old_url, layout)
    new = _regions(tmp_path / "new.docx", ITU_T, layout)
    out = tmp_path / "redline.docx"
    make_redline(old, new, out)

    def links(path: Path, view: str = "accepted") -> list[tuple[str, str]]:
        table = next(b for b in read_docx(path, view=view).blocks if b.rows)
        return [(cell.paragraphs[line][start:end], target) for row in table.rows or () for cell in row
                for line, start, end, target in cell.links or ()]

    assert links(out) == links(new) == [("ICTs", ITU_T)]
    assert links(out, "original") == links(old) == ([("ICTs", ITU_D)] if old_url else [])
    assert [b.text for b in read_docx(out, view="original").blocks] == [b.text for b in read_docx(old).blocks]
    assert [b.text for b in read_docx(out).blocks] == [b.text for b in read_docx(new).blocks]


@pytest.mark.parametrize(("font", "size"), [("Calibri", 11), ("Courier New", 8)])
def test_a_link_in_a_table_nested_in_a_cell_is_placed_on_its_words(tmp_path: Path, font: str, size: int) -> None:
    """The reader (a nested table's cells, in the line of the cell holding them) and the diff (a
    cell's and a row's text) place a cell's links with one reckoning (model.cell_link_spans and
    cell_starts): each link's offsets fall on its own words."""
    from actionplan_trace.diff.links import cell_links, row_links
    from actionplan_trace.model import cell_link_spans, cell_starts

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = font, Pt(size)
    document.add_heading("Output 2.1 – Regional initiatives", level=2)
    outer = document.add_table(rows=1, cols=2)
    outer.rows[0].cells[0].text = "Region"
    holder = outer.rows[0].cells[1]
    holder.paragraphs[0].text = "Initiatives adopted at WTDC-17:"
    inner = holder.add_table(rows=1, cols=2)
    inner.rows[0].cells[0].text = "AFR1"
    target = inner.rows[0].cells[1]
    target.paragraphs[0].text = "e-Health for rural areas"
    target.add_paragraph("Broadband access and ICTs for all")
    link_word(document, target.paragraphs[-1], "ICTs", ITU_T)
    path = tmp_path / "nested.docx"
    document.save(str(path))

    row = next(block for block in read_docx(path).blocks if block.rows is not None).rows[0]
    cell = row[1]
    assert [cell.text[start:end] for start, end, _ in cell_link_spans(cell)] == ["ICTs"]
    assert [(words, target) for words, target, _, _ in cell_links(cell)] == [("ICTs", ITU_T)]
    text = " | ".join(c.text for c in row)
    assert cell_starts(row) == [0, len(row[0].text) + 3]
    assert [(text[start:end], target) for _, target, start, end in row_links(row)] == [("ICTs", ITU_T)]


@pytest.mark.parametrize(("style", "label"), [("List Number", "1."), ("List Bullet", None)])
def test_a_cells_line_and_its_links_take_one_label_rule(tmp_path: Path, style: str, label: str | None) -> None:
    """A numbered paragraph's line in a cell opens with its label and a space, a bullet's with
    nothing (reader._line_label, which _flat_lines and _cell_links share): the link's offsets
    fall on its words either way."""
    from actionplan_trace.extract.docx.reader import _line_label
    from actionplan_trace.model import Block, Loc, cell_link_spans

    path = _regions(tmp_path / "cell.docx", ITU_D, "listed")
    document = docx.Document(str(path))
    document.tables[0].rows[1].cells[1].paragraphs[-1].style = document.styles[style]
    document.save(str(path))
    cell = next(block for block in read_docx(path).blocks if block.rows is not None).rows[1][1]
    item = REGIONS[1][1]
    assert cell.paragraphs[-1] == _line_label(Block("list-item", item, Loc(), label=label)) + item
    assert [cell.text[start:end] for start, end, _ in cell_link_spans(cell)] == ["ICTs"]


OUTCOMES = [("", "Outcomes", "Performance indicators", "Outputs"),
            ("\t2.1", "Enhanced capacity of ITU Membership to implement ICTs", "Number of guidelines",
             "2.1 - Telecommunication/ICT infrastructure and ICTs"),
            ("\t*", "Indicators are measured with ICTs data of the ITU", "", ""),
            ("2.2", "Enhanced capacity of Member States to share information", "Number of national strategies",
             "2.2 - Building confidence and security in the use of ICTs")]


def _lead_numbered(path: Path, url: str, font: str, size: int) -> Path:
    """An objective's outcomes table whose numbers stand in a first column of no header (a row's
    leading cells joined into its outcome: structure._lead_joined), "⇥2.1" typed after a tab; a
    bold note row ("⇥*" and its text) between the outcomes; "ICTs" of outcome 2.1's outputs and
    of the note linked to `url`."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = font, Pt(size)
    document.add_heading("Objective 2 – Modern and secure telecommunication/ICT infrastructure", level=1)
    table = document.add_table(rows=len(OUTCOMES), cols=4)
    table.style = document.styles["Table Grid"]
    for tr, row in zip(table.rows, OUTCOMES):
        for tc, value in zip(tr.cells, row):
            tc.text = value
    for tc in table.rows[2].cells[:2]:
        tc.paragraphs[0].runs[0].bold = True
    link_word(document, table.rows[1].cells[3].paragraphs[0], "ICTs", url)
    link_word(document, table.rows[2].cells[1].paragraphs[0], "ICTs", url)
    document.add_heading("Output 2.1 – Telecommunication/ICT infrastructure", level=2)
    document.add_paragraph("Infrastructure is central for enabling universal access to ICTs.")
    document.save(str(path))
    return path


@pytest.mark.parametrize(("font", "size"), [("Arial", 9), ("Cambria", 12)])
def test_a_link_retargeted_beside_a_lead_joined_cell_is_marked_on_its_words(tmp_path: Path, font: str,
                                                                            size: int) -> None:
    """A row whose leading cells are joined into one (a number column of no header) gave the joined
    cell its text stripped ("* Indicators …") but its paragraphs as typed ("⇥*", "Indicators …"):
    a link in it, placed in its paragraphs, was reported on "CTs " and marked there in HTML and
    Markdown. The joined cell's paragraphs now hold its text's characters where the text has them."""
    old = _lead_numbered(tmp_path / "old.docx", ITU_D, font, size)
    new = _lead_numbered(tmp_path / "new.docx", ITU_T, font, size)
    result = compare(old, new, profile="action-plan")
    changes = result.visible()
    title = f"link on “ICTs” now to {ITU_T} (was {ITU_D})"
    assert [(c.section_new, c.where) for c in changes] == [
        ("objective-2", f"table row 1, column 1: {title}"), ("outcome-2.1", f"“Outputs” column: {title}")]
    for change in changes:
        assert change.new is not None and change.old == change.new
        assert [change.new[start:end] for start, end in change.link_spans[1]] == ["ICTs"]
        assert [change.old[start:end] for start, end in change.link_spans[0]] == ["ICTs"]
    assert [c["links"] for c in to_dict(result)["changes"]] == [
        {"added": [{"text": "ICTs", "target": ITU_T}], "removed": [{"text": "ICTs", "target": ITU_D}]}] * 2
    markdown = to_markdown(result)
    assert markdown.count("<b>ICTs</b>") == 2 and "<b>CTs" not in markdown
    html = to_html(result)
    assert html.count('with <span class="link">ICTs</span> data') == 3
    assert html.count('and <span class="link">ICTs</span></div>') == 3
