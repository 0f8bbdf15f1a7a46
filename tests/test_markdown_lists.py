"""Markdown ordered lists are list items, labelled as written, as "* item" bullets are and as the
.docx reader reads Word's numbered paragraphs.

A black-box review found "1. pilot projects …" under "* including community networks;" read as a
paragraph whose text kept its number, where a .docx, an HTML <ol> and a "* " bullet give a list
item with its label. CommonMark's "1." and "1)" and pandoc's fancy lists ("a)", "(i)", "ii.",
"A.  " with two spaces) are read; the next lines of an item go on with it, indented by spaces or
tabs or lazily not indented at all; a line opening "2018) …" inside a paragraph is text (a list
numbered otherwise than from 1 cannot start inside a paragraph). Plain text is read as before:
there "1. Background" may be a numbered heading, which structure decides.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from actionplan_trace import load
from actionplan_trace.app import compare
from actionplan_trace.extract import read

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
INTRO = ("The main purpose of this programme, set by PP Resolution 130 (Rev. Dubai, 2018) and WTDC Resolution 45, "
         "is to support the ITU membership as follows:")
ITEMS = ["Support ITU Member States in the development of their national cybersecurity strategies, in line with "
         "PP Resolution 130 (Rev. Dubai, 2018) and Council Resolution 1305;",
         "Organize cyberdrills at national and regional level, with the regional offices;",
         "Assist developing countries in building capacity on child online protection."]
SUB = ["pilot projects in AFR3 countries;", "pilot projects in ASP5 countries, with the study groups and other partners."]
# Each list style: Word's (numFmt, lvlText) for the two levels, and the labels a Markdown writer puts.
STYLES = {
    "decimal": ([("decimal", "%1."), ("decimal", "%2.")], ["1.", "2.", "3."], ["1.", "2."]),
    "paren": ([("decimal", "%1)"), ("lowerLetter", "%2)")], ["1)", "2)", "3)"], ["a)", "b)"]),
    "letters": ([("lowerLetter", "%1)"), ("lowerRoman", "(%2)")], ["a)", "b)", "c)"], ["(i)", "(ii)"]),
    "roman": ([("lowerRoman", "%1."), ("upperLetter", "%2.")], ["i.", "ii.", "iii."], ["A.", "B."]),
}


def _tight(top: list[str], sub: list[str]) -> str:
    """One item a line, the nested list indented under its item's text, a line of the first item
    lazily not indented and one opening "2018)" indented, as a hand-written file has them."""
    pad = " " * (len(top[0]) + 1)
    head, tail = ITEMS[0].split(" (Rev. Dubai, ")
    return "\n".join([f"{top[0]} {head.replace(' in line', chr(10) + 'in line')} (Rev. Dubai,",
                      f"{pad}{tail}", f"{top[1]} {ITEMS[1]}", f"{pad}{sub[0]}  {SUB[0]}",
                      f"{pad}{sub[1]}  {SUB[1].replace(' and other', chr(10) + 'and other')}",
                      f"{top[2]} {ITEMS[2]}"])


def _tabs(top: list[str], sub: list[str]) -> str:
    """Markers followed by a tab, next lines and the nested list indented by tabs."""
    first, second = ITEMS[0].split(", in line ")
    return "\n".join([f"{top[0]}\t{first},", f"\tin line {second}", f"{top[1]}\t{ITEMS[1]}",
                      f"\t{sub[0]}  {SUB[0]}", f"\t{sub[1]}  {SUB[1]}", f"{top[2]}\t{ITEMS[2]}"])


def _loose(top: list[str], sub: list[str]) -> str:
    """pandoc's layout: blank lines between items, two spaces after a marker, four to nest."""
    return "\n\n".join([f"{top[0]}  {ITEMS[0]}", f"{top[1]}  {ITEMS[1]}", f"    {sub[0]}  {SUB[0]}",
                        f"    {sub[1]}  {SUB[1]}", f"{top[2]}  {ITEMS[2]}"])


def _markdown(items: str) -> str:
    intro = INTRO.replace(" 2018)", "\n2018)")  # a wrapped line of a paragraph that opens "2018) …"
    return (f"## Output 2.2 – Cybersecurity\n\n### Implementation framework\n\n**Programme: Cybersecurity**\n\n"
            f"{intro}\n\n{items}\n\n### References\n\nThe implementation of PP Resolution 130 will support Output 2.2.\n")


def _numbered_docx(path: Path, levels: list[tuple[str, str]]) -> None:
    """The same text with Word numbering (numbering.xml labels, none in the text)."""
    made = docx.Document()
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                   f'<w:lvlJc w:val="left"/></w:lvl>' for i, (fmt, text) in enumerate(levels))
    made.part.numbering_part.element.insert(0, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="91"><w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'))
    made.part.numbering_part.element.append(parse_xml(f'<w:num {W} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))

    def item(text: str, level: int) -> None:
        made.add_paragraph(text)._p.get_or_add_pPr().insert(0, parse_xml(
            f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="91"/></w:numPr>'))

    made.add_paragraph("Output 2.2 – Cybersecurity", style="Heading 2")
    made.add_paragraph("Implementation framework", style="Heading 3")
    made.add_paragraph().add_run("Programme: Cybersecurity").bold = True
    made.add_paragraph(INTRO)
    item(ITEMS[0], 0)
    item(ITEMS[1], 0)
    item(SUB[0], 1)
    item(SUB[1], 1)
    item(ITEMS[2], 0)
    made.add_paragraph("References", style="Heading 3")
    made.add_paragraph("The implementation of PP Resolution 130 will support Output 2.2.")
    made.save(str(path))


def _blocks(path: Path) -> list[tuple[str, str | None, str]]:
    return [(b.type, b.label, b.text) for s in load(path, "action-plan").sections for b in s.blocks]


@pytest.mark.parametrize("layout", [_tight, _tabs, _loose], ids=["tight", "tabs", "loose"])
@pytest.mark.parametrize("style", STYLES)
def test_ordered_items_read_as_the_docx_reads_word_numbering(tmp_path: Path, style: str, layout) -> None:
    levels, top, sub = STYLES[style]
    source, page = tmp_path / "list.docx", tmp_path / "list.md"
    _numbered_docx(source, levels)
    page.write_text(_markdown(layout(top, sub)), encoding="utf-8")
    items = [("list-item", label, text) for label, text in zip([top[0], top[1], *sub, top[2]], [*ITEMS[:2], *SUB, ITEMS[2]])]
    assert _blocks(page) == _blocks(source) == [("paragraph", None, INTRO), *items, ("paragraph", None, (
        "The implementation of PP Resolution 130 will support Output 2.2."))]
    assert compare(source, page, profile="action-plan").visible() == []


def test_what_is_no_ordered_item_stays_text(tmp_path: Path) -> None:
    """An escaped number (pandoc writes a typed "1. Background" so), a capital with one space after
    its stop ("B. Sanou"), a number without white space after it ("2.2." ending a line) and a
    line opening "2018)" inside a paragraph are text; and the same lines in plain text are read as
    before, "1. pilot projects …" a paragraph."""
    path = tmp_path / "notes.md"
    path.write_text("**Notes**\n\n1\\. Background of the work\n\nB. Sanou opened the meeting, as in Output\n"
                    "2.2. of the plan, set by Resolution 130 (Rev. Dubai,\n2018) and others.\n\n"
                    "1. pilot projects in AFR3 countries;\n", encoding="utf-8")
    assert [(b.type, b.label, b.text) for b in read(path).blocks] == [
        ("paragraph", None, "Notes"), ("paragraph", None, "1. Background of the work"),
        ("paragraph", None, "B. Sanou opened the meeting, as in Output 2.2. of the plan, set by Resolution 130 "
                            "(Rev. Dubai, 2018) and others."),
        ("list-item", "1.", "pilot projects in AFR3 countries;")]
    plain = tmp_path / "notes.txt"
    plain.write_text("Notes\n\n1. pilot projects in AFR3 countries;\n", encoding="utf-8")
    assert [(b.type, b.label, b.text) for b in read(plain).blocks] == [
        ("paragraph", None, "Notes"), ("paragraph", None, "1. pilot projects in AFR3 countries;")]


def test_numbered_headings_written_as_list_items_still_open_sections(tmp_path: Path) -> None:
    """A Markdown "1. Introduction" above its text is a list item, and still a numbered heading
    as the typed number was (generic profile: clause-1, nested by the number); a run of short
    numbered items is a list, not a tree; the Action Plan's "2. Implementation framework" opens
    its section."""
    report = tmp_path / "report.md"
    report.write_text("# Report on the implementation\n\n1. Introduction\n\nThis report presents the work.\n\n"
                      "2. Scope of the report\n\nThe report covers all regions.\n\n2.1 Regional activities\n\n"
                      "The offices held workshops. Its priorities:\n\n1. Organization of WTSA-20\n"
                      "2. Preparatory processes for WTDC-21\n3. Working as One ITU\n\nThese guide the work.\n",
                      encoding="utf-8")
    doc = load(report, "generic")
    assert [(s.id, s.signal) for s in doc.sections] == [
        ("heading-report-on-the-implementation", "heading-style"), ("clause-1", "numbered-line"),
        ("clause-2", "numbered-line"), ("clause-2.1", "numbered-line")]
    assert [(b.type, b.label) for b in doc.section("clause-2.1").blocks][1:4] == [("list-item", "1."), ("list-item", "2."),
                                                                              ("list-item", "3.")]
    plan = tmp_path / "plan.md"
    plan.write_text("## Output 2.1 – Products and services\n\n1. Background\n\nInfrastructure is central.\n\n"
                    "2. Implementation framework\n\nThe Bureau will assist Member States.\n", encoding="utf-8")
    assert [s.id for s in load(plan, "action-plan").sections] == [
        "output-2.1", "output-2.1/background", "output-2.1/implementation-framework"]
