"""A revision that went through another producer (LibreOffice) differs from its source in nothing
but how it is written: the diff reports no change of words.

A black-box review saved a python-docx plan through LibreOffice (HTML with `<h1>` headings, then
.docx): the bold-Normal title above Objective 2 became a Heading 1, the document's first section.
The diff reported the front matter's paragraph "removed section" and a new section of that title
"added", with a reference lost and gained, although both revisions hold the same words in the same
place (the Word redline of the pair showed nothing).
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from actionplan_trace.app import compare
from actionplan_trace.extract import read
from actionplan_trace.render.diff_html import to_html
from actionplan_trace.render.diff_json import to_json
from actionplan_trace.render.diff_md import to_markdown
from actionplan_trace.render.diff_text import to_text

OBJECTIVE = ("Objective 2 – Modern and secure telecommunication/ICT infrastructure: Foster the development of "
             "infrastructure and services")
OUTPUT = "Output 2.1 – Products and services on telecommunication/ICT infrastructure and services"
BACKGROUND = ("The ICT sector is characterized by rapid technological change, and Resolution 139 "
              "(Rev. Dubai, 2014) calls for bridging the digital divide.")
BULLETS = ["assist Member States in developing broadband plans;", "provide assistance on spectrum management."]
REFERENCES = [("PP and WTDC resolutions and recommendations", "PP Resolutions 101, 139; WTDC Resolutions 23, 37"),
              ("WSIS action lines", "C2, C6")]


def _plan(path: Path, title: str, title_as: str, headings: str, font: str, size: float, edit: bool = False) -> Path:
    """A plan excerpt: `title` above Objective 2 set as `title_as` ("bold": a bold Normal
    paragraph; else the name of a paragraph style), its headings as Heading styles ("styles",
    LibreOffice's) or bold Normal paragraphs, in `font` at `size` points; `edit` adds two words."""
    document = docx.Document()
    document.styles["Normal"].font.name = font
    document.styles["Normal"].font.size = Pt(size)

    def heading(text: str, level: int, how: str) -> None:
        if how == "bold":
            run = document.add_paragraph().add_run(text)
            run.bold, run.font.size = True, Pt(size + 6 - 2 * level)
        else:
            document.add_paragraph(text, style=how if how != "styles" else f"Heading {level}")

    heading(title, 1, title_as)
    heading(OBJECTIVE, 1, headings)
    heading(OUTPUT, 2, headings)
    heading("Background", 3, headings)
    document.add_paragraph(BACKGROUND.replace("rapid", "rapid and continuous") if edit else BACKGROUND)
    heading("Implementation framework", 3, headings)
    for text in BULLETS:
        document.add_paragraph(f"•\t{text}")
    heading("References to WTDC resolutions, WSIS action lines and sustainable development goals", 3, headings)
    for group, text in REFERENCES:
        heading(group, 4, headings)
        document.add_paragraph(text)
    document.save(str(path))
    return path


CASES = {  # title, how the source sets it, how the other producer does; fonts and sizes
    "bold-normal-to-heading-1": ("Buenos Aires Action Plan (WTDC-17) – Objective 2", "bold", "Heading 1", "Calibri", 11),
    "bold-normal-to-heading-2": ("Kigali Action Plan – Objective 2 (WTDC-22)", "bold", "Heading 2", "Times New Roman", 12),
    "bold-normal-to-title": ("Kigali Action Plan – Objective 2 (WTDC-22)", "bold", "Title", "Cambria", 10.5),
    "heading-1-to-bold-normal": ("Buenos Aires Action Plan (WTDC-17) – Objective 2", "Heading 1", "bold", "Arial", 10),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_first_title_set_as_a_heading_is_no_section_removed_and_added(tmp_path: Path, case: str) -> None:
    title, source_as, producer_as, font, size = CASES[case]
    old = _plan(tmp_path / "old.docx", title, source_as, "bold", font, size)
    new = _plan(tmp_path / "new.docx", title, producer_as, "styles", "Liberation Serif", size + 1)
    result = compare(old, new)
    assert result.visible() == []
    assert [(c.kind, c.formatting_only) for c in result.changes if title in (c.old, c.new)] == [("modified", True)]
    assert not any(c.kind in ("added", "removed") for c in result.changes)
    assert not any(c.refs_added or c.refs_removed for c in result.changes)
    assert "no differences" in to_text(result)
    for shown in (to_markdown(result), to_html(result), to_json(result)):
        assert "added section" not in shown and "removed section" not in shown


def test_the_one_real_edit_is_all_there_is_to_see(tmp_path: Path) -> None:
    title = "Buenos Aires Action Plan (WTDC-17) – Objective 2"
    old = _plan(tmp_path / "old.docx", title, "bold", "bold", "Calibri", 11)
    new = _plan(tmp_path / "new.docx", title, "Heading 1", "styles", "Liberation Serif", 12, edit=True)
    shown = compare(old, new).visible()
    assert [(c.kind, c.target, c.path, c.new) for c in shown] == [
        ("modified", "block", [OBJECTIVE, OUTPUT, "Background"], BACKGROUND.replace("rapid", "rapid and continuous"))]


def test_a_title_heading_over_the_objective_keeps_the_objective_at_the_top(tmp_path: Path) -> None:
    """The other producer's Heading 1 title may hold the plan's headings a level down (the
    objective a Heading 2 under it): once the title is front matter's paragraph again, the
    objective is no subsection of the front matter."""
    title = "Buenos Aires Action Plan (WTDC-17) – Objective 2"
    old = _plan(tmp_path / "old.docx", title, "bold", "bold", "Calibri", 11)
    document = docx.Document()
    document.add_paragraph(title, style="Heading 1")
    document.add_paragraph(OBJECTIVE, style="Heading 2")
    document.add_paragraph(OUTPUT, style="Heading 3")
    document.add_paragraph("Background", style="Heading 4")
    document.add_paragraph(BACKGROUND)
    document.add_paragraph("Implementation framework", style="Heading 4")
    for text in BULLETS:
        document.add_paragraph(f"•\t{text}")
    document.add_paragraph("References to WTDC resolutions, WSIS action lines and sustainable development goals",
                           style="Heading 4")
    for group, text in REFERENCES:
        document.add_paragraph(group, style="Heading 5")
        document.add_paragraph(text)
    document.save(str(tmp_path / "new.docx"))
    result = compare(old, tmp_path / "new.docx")
    assert result.visible() == []


# LibreOffice's XHTML export ("html:XHTML Writer File:UTF8") writes a list item's label as text in a
# floated span, the bullet in the private-use form of its Symbol or Wingdings glyph, twice over for
# a Symbol bullet; then the item's words, then an empty "odfLiEnd" span.
XHTML_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1 plus MathML 2.0//EN" '
              '"http://www.w3.org/Math/DTD/mathml2/xhtml-math11-f.dtd"><html xmlns="http://www.w3.org/1999/xhtml" lang="en-US">'
              '<head><meta http-equiv="Content-Type" content="application/xhtml+xml; charset=utf-8"/><title>- no title specified</title>'
              '<style>.P1 { font-size:11pt; font-family:Calibri; } .T1 { font-weight:bold; }</style></head><body dir="ltr">')


def _xhtml_item(label: str, text: str) -> str:
    return (f'<li><p class="P1" style="margin-left:0cm;"><span class="ListLabel_20_1" style="display:block;float:left;'
            f'min-width:0cm;">{label}</span>{text}<span class="odfLiEnd"/> </p></li>')


def _xhtml_plan(title: str, label: str, in_cell: bool = False) -> str:
    """The plan excerpt of _plan as LibreOffice's XHTML export writes it, its bullets' labels
    `label`; with `in_cell`, the bullets in the one cell of a table."""
    items = "<ul>" + "".join(_xhtml_item(label, text) for text in BULLETS) + "</ul>"
    if in_cell:
        items = f'<table border="0" cellspacing="0" cellpadding="0"><tr><td>{items}</td></tr></table>'
    parts = [f"<h1>{title}</h1>", f"<h1>{OBJECTIVE}</h1>", f"<h2>{OUTPUT}</h2>", "<h3>Background</h3>",
             f'<p class="P1">{BACKGROUND}</p>', "<h3>Implementation framework</h3>", items,
             "<h3>References to WTDC resolutions, WSIS action lines and sustainable development goals</h3>"]
    for group, text in REFERENCES:
        parts += [f"<h4>{group}</h4>", f'<p class="P1">{text}</p>']
    return XHTML_HEAD + "".join(parts) + "</body></html>"


LABELS = {  # the label LibreOffice writes -> the bullet it draws
    "symbol-bullet-twice": ("\uf0b7\uf0b7", "•"),
    "wingdings-square": ("\uf0a7", "▪"),
    "wingdings-arrowhead-spaced": ("\uf0d8\u00a0", "➢"),
}


@pytest.mark.parametrize("case", LABELS, ids=list(LABELS))
def test_libreoffice_xhtml_bullets_are_labels_not_words(tmp_path: Path, case: str) -> None:
    label, glyph = LABELS[case]
    title = "Buenos Aires Action Plan (WTDC-17) – Objective 2"
    source = _plan(tmp_path / "plan.docx", title, "Heading 1", "styles", "Calibri", 11)
    page = tmp_path / "plan.html"
    page.write_text(_xhtml_plan(title, label), encoding="utf-8")
    items = [b for b in read(page).blocks if b.type == "list-item"]
    assert [(b.label, b.text) for b in items] == [(glyph, text) for text in BULLETS]
    result = compare(source, page)
    assert result.visible() == []
    assert not any("\uf000" <= char <= "\uf0ff" for c in result.changes for char in (c.new or ""))


def test_libreoffice_xhtml_bullets_in_a_table_cell(tmp_path: Path) -> None:
    page = tmp_path / "cell.html"
    page.write_text(_xhtml_plan("Kigali Action Plan", "\uf0b7\uf0b7", in_cell=True), encoding="utf-8")
    table = next(b for b in read(page).blocks if b.type == "table")
    assert table.text.split("\n") == [f"• {text}" for text in BULLETS]


def test_an_edit_that_prints_as_nothing_is_shown_by_its_escapes(tmp_path: Path) -> None:
    """A private-use glyph (a Wingdings arrow a PDF's text layer kept) or a zero-width space
    inserted prints nothing: the reports show its escape, never an empty mark."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("Objective 1\n\nThe programme will share best practices on community networks.\n", encoding="utf-8")
    new.write_text("Objective 1\n\nThe programme will share best practices \uf0e0 on community\u200b networks.\n",
                   encoding="utf-8")
    result = compare(old, new)
    text, markdown, page = to_text(result), to_markdown(result), to_html(result)
    assert "{+\\uf0e0+}" in text and "{+\\u200b+}" in text and "{++}" not in text
    assert "<ins>\\\\uf0e0</ins>" in markdown and "<ins></ins>" not in markdown
    assert "\\uf0e0" in page and "\uf0e0" not in page.split("<body", 1)[1].replace("\\uf0e0", "")
    assert '"\\uf0e0"' in to_json(result) or "\uf0e0" in to_json(result)  # JSON keeps the text as it is
