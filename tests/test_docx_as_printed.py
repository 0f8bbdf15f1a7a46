"""The .docx reader reads a document as its reader sees it printed, so that a .docx and its PDF
extract alike: a bullet typed from a symbol font is the item's label, a drop cap joins its
paragraph, capitals set by formatting are capitals, and a soft line break parts the lines as a
paragraph end does. Each document is built here with python-docx and lxml."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from test_docx_reader import DECLS, FOOTNOTE_TYPE, add_body, add_part, save

from actionplan_trace.extract.docx import read_docx
from actionplan_trace.model import Block


def _run(text: str, props: str = "") -> str:
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _sym(font: str, char: str, props: str = "") -> str:
    return f'<w:r><w:rPr>{props}</w:rPr><w:sym w:font="{font}" w:char="{char}"/></w:r>'


def _blocks(path: Path) -> dict[str, Block]:
    return {block.text: block for block in read_docx(path).blocks}


# ------------------------------------------------------------------ F17: typed symbol bullets


def test_a_bullet_typed_from_a_symbol_font_is_the_items_label(tmp_path: Path) -> None:
    """A w:sym bullet (Symbol's or Wingdings' glyph, then a tab or a space) typed where Word's
    numbering would draw one is the list item's label, not part of its text, in whatever font
    the item is set; so is LibreOffice's form of it (the private-use character in a Symbol run).
    A symbol that is no bullet, a bullet inside the text and a bullet typed as text stay text."""
    document = docx.Document()
    arial = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="22"/>'
    add_body(document, "".join([
        "<w:p>" + _sym("Symbol", "F0B7") + "<w:r><w:tab/></w:r>" + _run("Rural communications in Lima") + "</w:p>",
        "<w:p>" + _sym("Wingdings", "F0A7") + _run(" Spectrum management in Hanoi", arial) + "</w:p>",
        '<w:p><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>' + _sym("Wingdings", "F0D8", "<w:b/>")
        + "<w:r><w:tab/></w:r>" + _run("Emergency telecommunications in Suva", "<w:b/><w:sz w:val='28'/>") + "</w:p>",
        "<w:p>" + _run("\uf0b7", '<w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/>') + "<w:r><w:tab/></w:r>"
        + _run("Capacity building in Dakar", '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>') + "</w:p>",
        "<w:p>" + _sym("Symbol", "F061") + "<w:r><w:tab/></w:r>" + _run("coefficient of Quito") + "</w:p>",
        "<w:p>" + _run("Items ") + _sym("Symbol", "F0B7") + _run(" and more in Riga") + "</w:p>",
        "<w:p>" + _run("\u2022\tTyped bullet stays in the text") + "</w:p>",
        "<w:p>" + _sym("Wingdings", "F0FC") + "</w:p>",
    ]))
    blocks = _blocks(save(document, tmp_path / "symbols.docx"))
    assert [(b.type, b.label, b.text) for b in blocks.values()] == [
        ("list-item", "•", "Rural communications in Lima"),
        ("list-item", "▪", "Spectrum management in Hanoi"),
        ("list-item", "➢", "Emergency telecommunications in Suva"),
        ("list-item", "•", "Capacity building in Dakar"),
        ("paragraph", None, "α\tcoefficient of Quito"),
        ("paragraph", None, "Items • and more in Riga"),
        ("list-item", None, "•\tTyped bullet stays in the text"),
        ("list-item", None, "✓"),  # a glyph alone is its text (as a PDF line of it is)
    ]
    bold = blocks["Emergency telecommunications in Suva"]
    assert (bold.bold, bold.size) == (True, 14.0)
    assert blocks["Spectrum management in Hanoi"].size == 11.0


def test_a_symbol_bullets_note_mark_and_link_stay_on_their_words(tmp_path: Path) -> None:
    """The note marks and links of an item whose typed bullet became its label are placed in the
    text without it: each stands where it did in the words."""
    document = docx.Document()
    rid = document.part.relate_to("https://www.itu.int/res71", RT.HYPERLINK, is_external=True)
    add_body(document, (
        "<w:p>" + _sym("Symbol", "F0B7") + "<w:r><w:tab/></w:r>" + _run("See ")
        + f'<w:hyperlink xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{rid}">'
        + _run("Resolution 71", '<w:rStyle w:val="Hyperlink"/>') + "</w:hyperlink>"
        + _run(" as revised in Dubai") + '<w:r><w:footnoteReference w:id="2"/></w:r>' + _run(".") + "</w:p>"
        "<w:p>" + _sym("Wingdings", "F076") + _run(" ") + '<w:r><w:footnoteReference w:id="3"/></w:r>'
        + _run("Noted before its words in Tunis") + "</w:p>"
    ))
    path = save(document, tmp_path / "noted.docx")
    add_part(path, "footnotes.xml", (
        f'<w:footnotes {DECLS}>'
        '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Rev. Dubai, 2018.</w:t></w:r></w:p></w:footnote>'
        '<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Tunis, 2005.</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    ), "footnotes", FOOTNOTE_TYPE)
    item, second = read_docx(path).blocks
    assert (item.label, item.text) == ("•", "See Resolution 71 as revised in Dubai.")
    assert item.notes == ((len("See Resolution 71 as revised in Dubai"), "2"),)
    assert item.links == ((4, 17, "https://www.itu.int/res71"),)
    assert item.text[4:17] == "Resolution 71"
    assert (second.label, second.text, second.notes) == ("❖", "Noted before its words in Tunis", ((0, "3"),))


# ------------------------------------------------------------------ F16: drop caps


def _drop_cap(letters: str, kind: str = "drop", font: str = "Georgia", lines: int = 3) -> str:
    return (f'<w:p><w:pPr><w:keepNext/><w:framePr w:dropCap="{kind}" w:lines="{lines}" w:wrap="around" '
            'w:vAnchor="text" w:hAnchor="text"/><w:spacing w:after="0" w:line="960" w:lineRule="exact"/></w:pPr>'
            + _run(letters, f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/><w:position w:val="-10"/><w:sz w:val="{24 * lines}"/>')
            + "</w:p>")


def test_a_drop_cap_is_the_first_letter_of_the_paragraph_it_stands_in(tmp_path: Path) -> None:
    """A drop cap (a frame paragraph, w:framePr w:dropCap, holding the first letters) is read as the
    start of the paragraph after it, which gives the block its style, size and weight; its note
    marks and links stand where they did in the words. A frame that is no drop cap stays a
    paragraph of its own, and so does a drop cap with no paragraph after it."""
    document = docx.Document()
    document.styles.add_style("Body Text Plan", 1).base_style = document.styles["Normal"]
    rid = document.part.relate_to("https://www.itu.int/wtdc", RT.HYPERLINK, is_external=True)
    add_body(document, "".join([
        _drop_cap("I"),
        '<w:p><w:pPr><w:pStyle w:val="BodyTextPlan"/></w:pPr>' + _run("n 2025 the conference in ")
        + f'<w:hyperlink xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="{rid}">'
        + _run("Kigali") + "</w:hyperlink>" + _run(" adopted the plan.", '<w:sz w:val="22"/>') + "</w:p>",
        _drop_cap("Un", "margin", "Times New Roman", 2),
        "<w:p>" + _run("der each regional initiative, projects are developed in Bamako.", "<w:b/>") + "</w:p>",
        '<w:p><w:pPr><w:framePr w:w="2000" w:h="600" w:hSpace="180" w:wrap="around" w:vAnchor="text" w:hAnchor="page" w:x="1200"/></w:pPr>'
        + _run("Side note in a frame") + "</w:p>",
        "<w:p>" + _run("Broadband networks are the backbone in Accra.") + "</w:p>",
        _drop_cap("T", lines=2),
        "<w:tbl><w:tblGrid><w:gridCol w:w='4000'/></w:tblGrid><w:tr><w:tc>" + "<w:p>" + _run("cell") + "</w:p></w:tc></w:tr></w:tbl>",
    ]))
    blocks = read_docx(save(document, tmp_path / "dropcap.docx")).blocks
    assert [b.text for b in blocks] == [
        "In 2025 the conference in Kigali adopted the plan.",
        "Under each regional initiative, projects are developed in Bamako.",
        "Side note in a frame",
        "Broadband networks are the backbone in Accra.",
        "T",
        "cell",
    ]
    first, second = blocks[0], blocks[1]
    assert (first.type, first.style, first.size, first.loc.paragraph) == ("paragraph", "Body Text Plan", 11.0, 0)
    assert first.links == ((26, 32, "https://www.itu.int/wtdc"),) and first.text[26:32] == "Kigali"
    assert (second.style, second.bold) == ("Normal", True)


def test_a_drop_cap_against_the_same_text_without_one_is_no_difference(tmp_path: Path) -> None:
    from actionplan_trace.diff import compare

    plain, capped = docx.Document(), docx.Document()
    add_body(plain, "<w:p>" + _run("Infrastructure is central for enabling access in Nairobi.") + "</w:p>")
    add_body(capped, _drop_cap("I") + "<w:p>" + _run("nfrastructure is central for enabling access in Nairobi.") + "</w:p>")
    result = compare(save(plain, tmp_path / "plain.docx"), save(capped, tmp_path / "capped.docx"))
    assert result.changes == []


# ------------------------------------------------------------------ F18: capitals set by formatting


def _capitals_plan(path: Path, caps: bool, notes: bool = True) -> Path:
    """A plan whose headings and one sentence are typed in lower or mixed case and, with `caps`,
    printed in capitals by formatting: direct w:caps and w:smallCaps, a character style and a
    paragraph style that set them, a run that turns them off inside a capitals style; with
    `notes`, a footnote on the sentence."""
    document = docx.Document()
    on = (lambda tag: tag) if caps else (lambda tag: "")
    document.styles.add_style("Plan Caps", 2).element.append(
        etree_fragment(f'<w:rPr {DECLS}>{on("<w:caps/>")}<w:b/></w:rPr>'))
    section_style = document.styles.add_style("Section Title", 1)
    section_style.base_style = document.styles["Normal"]
    section_style.element.append(etree_fragment(f'<w:rPr {DECLS}>{on("<w:smallCaps/>")}<w:sz w:val="28"/></w:rPr>'))
    add_body(document, "".join([
        "<w:p>" + _run("Objective 3 – inclusive digital society", "<w:b/>" + on("<w:smallCaps/>")) + "</w:p>",
        "<w:p>" + _run("Under each regional initiative, projects meet the needs of Amman.") + "</w:p>",
        "<w:p>" + _run("background", on('<w:rStyle w:val="PlanCaps"/>') or "<w:b/>") + "</w:p>",
        "<w:p>" + _run("Member States of the Straße region agreed in Rabat ")
        + _run("Resolution 71", on("<w:caps/>")) + ('<w:r><w:footnoteReference w:id="2"/></w:r>' if notes else "")
        + _run(".") + "</w:p>",
        '<w:p><w:pPr><w:pStyle w:val="SectionTitle"/></w:pPr>' + _run("implementation ")
        + _run("framework", '<w:caps w:val="0"/><w:smallCaps w:val="0"/>') + "</w:p>",
        "<w:p>" + _run("The guidelines below apply to all elements of the framework in Lome.") + "</w:p>",
    ]))
    save(document, path)
    if not notes:
        return path
    add_part(path, "footnotes.xml", (
        f'<w:footnotes {DECLS}>'
        '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>' + _run(" rev. dubai", "<w:caps/>") + "</w:p></w:footnote>"
        "</w:footnotes>"
    ), "footnotes", FOOTNOTE_TYPE)
    return path


def etree_fragment(text: str):  # noqa: ANN201 - an lxml element for python-docx's tree
    from docx.oxml import parse_xml

    return parse_xml(text)


def test_text_set_in_capitals_is_read_in_capitals_as_typed_is_kept(tmp_path: Path) -> None:
    """w:caps and w:smallCaps print letters as capitals, so the text is read in capitals (as the
    PDF prints it), whether the run, its character style or its paragraph style sets them, and
    not where a run turns them off; what was typed is the block's `typed` hint; note marks keep
    their offsets, and a letter whose capital is two ("ß") stays as typed."""
    doc = read_docx(_capitals_plan(tmp_path / "caps.docx", caps=True))
    assert [b.text for b in doc.blocks] == [
        "OBJECTIVE 3 – INCLUSIVE DIGITAL SOCIETY",
        "Under each regional initiative, projects meet the needs of Amman.",
        "BACKGROUND",
        "Member States of the Straße region agreed in Rabat RESOLUTION 71.",
        "IMPLEMENTATION framework",
        "The guidelines below apply to all elements of the framework in Lome.",
    ]
    assert [b.typed for b in doc.blocks] == [
        "Objective 3 – inclusive digital society", None, "background",
        "Member States of the Straße region agreed in Rabat Resolution 71.", "implementation framework", None,
    ]
    assert doc.blocks[3].notes == ((len("Member States of the Straße region agreed in Rabat RESOLUTION 71"), "2"),)
    assert [note.text for note in doc.footnotes] == ["REV. DUBAI"]
    assert [b.text for b in read_docx(_capitals_plan(tmp_path / "plain.docx", caps=False)).blocks][2:5] == [
        "background", "Member States of the Straße region agreed in Rabat Resolution 71.", "implementation framework"]


def test_capitals_set_or_removed_by_formatting_are_a_formatting_change(tmp_path: Path) -> None:
    """Between two .docx revisions typed the same, capitals set by formatting are a change of
    formatting, as bold is: hidden by default, shown with --all as 'set in capitals'."""
    from actionplan_trace.diff import compare

    plain = _capitals_plan(tmp_path / "plain.docx", caps=False)
    capped = _capitals_plan(tmp_path / "caps.docx", caps=True)
    result = compare(plain, capped, profile="action-plan")
    assert result.visible() == []
    shown = result.visible(all_changes=True)
    assert shown and all(change.differences == ("formatting",) for change in shown)
    assert any("set in capitals" in (change.where or "") for change in shown)
    back = compare(capped, plain, profile="action-plan").visible(all_changes=True)
    assert back and any("capitals removed" in (change.where or "") for change in back)


def test_a_docx_in_capitals_and_its_print_are_the_same_text(tmp_path: Path) -> None:
    """The .docx whose headings are typed in lower case and set in capitals reads as its PDF,
    which prints the capitals: no difference, the same sections."""
    from pdfgen import Line, write_pdf

    from actionplan_trace.diff import compare
    from actionplan_trace.loader import load

    capped = _capitals_plan(tmp_path / "caps.docx", caps=True, notes=False)
    pdf = write_pdf(tmp_path / "caps.pdf", [
        Line("OBJECTIVE 3 – INCLUSIVE DIGITAL SOCIETY", font="Helvetica-Bold"),
        Line("Under each regional initiative, projects meet the needs of Amman.", gap_before=12),
        Line("BACKGROUND", font="Helvetica-Bold", gap_before=12),
        Line("Member States of the Straße region agreed in Rabat RESOLUTION 71.", gap_before=12),
        Line("IMPLEMENTATION framework", gap_before=12),
        Line("The guidelines below apply to all elements of the framework in Lome.", gap_before=12),
    ])
    for profile in (None, "action-plan"):
        titles = [(s.id, s.title) for s in load(capped, profile=profile).sections]
        assert titles == [(s.id, s.title) for s in load(pdf, profile=profile).sections]
        assert [c.kind for c in compare(capped, pdf, profile=profile).visible(all_changes=True)] == []
    assert ("heading-background", "BACKGROUND") in [(s.id, s.title) for s in load(capped).sections]


def test_the_same_capitals_typed_or_set_by_formatting_are_no_change_of_case(tmp_path: Path) -> None:
    """A paragraph typed in capitals against the same typed in lower case and set in capitals
    prints the same: at most a change of formatting (shown with --all), never one of case."""
    from actionplan_trace.diff import compare

    typed, formatted = docx.Document(), docx.Document()
    add_body(typed, "<w:p>" + _run("Work in MONTEVIDEO and Lima continues.") + "</w:p>")
    add_body(formatted, "<w:p>" + _run("Work in ") + _run("Montevideo", "<w:caps/>") + _run(" and Lima continues.") + "</w:p>")
    result = compare(save(typed, tmp_path / "typed.docx"), save(formatted, tmp_path / "formatted.docx"))
    assert result.visible() == []
    assert [change.differences for change in result.visible(all_changes=True)] == [("formatting",)]


def _default_run(document: docx.document.Document, props: str) -> None:
    """Add `props` to the run properties of w:docDefaults (w:rPrDefault's w:rPr)."""
    from docx.oxml.ns import qn

    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for el in etree_fragment(f"<w:rPr {DECLS}>{props}</w:rPr>"):
        rpr.append(el)


@pytest.mark.parametrize(("tag", "font"), [("<w:caps/>", "Arial"), ("<w:smallCaps/>", "Georgia")])
def test_capitals_set_in_the_document_defaults_are_read_in_capitals(tmp_path: Path, tag: str, font: str) -> None:
    """w:caps or w:smallCaps in w:docDefaults (w:rPrDefault) prints every letter of the document
    in capitals, as a style's does (LibreOffice prints them so), but for text whose style or run
    turns them off; they were not read, and the .docx read in lower case where its PDF prints
    capitals."""
    document = docx.Document()
    _default_run(document, tag + f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>')
    plain = document.styles.add_style("Plain Text Plan", 1)
    plain.base_style = document.styles["Normal"]
    plain.element.append(etree_fragment(f'<w:rPr {DECLS}><w:caps w:val="0"/><w:smallCaps w:val="0"/></w:rPr>'))
    add_body(document, "".join([
        "<w:p>" + _run("Objective 3 – inclusive digital society", "<w:b/>") + "</w:p>",
        "<w:p>" + _run("Member States of the Straße region agreed in ") + _run("Rabat", '<w:sz w:val="28"/>') + "</w:p>",
        '<w:p><w:pPr><w:pStyle w:val="PlainTextPlan"/></w:pPr>' + _run("typed as written in Lome.") + "</w:p>",
        "<w:p>" + _run("background ") + _run("and scope", '<w:caps w:val="0"/><w:smallCaps w:val="0"/>') + "</w:p>",
    ]))
    blocks = read_docx(save(document, tmp_path / "defaults.docx")).blocks
    assert [(b.text, b.typed) for b in blocks] == [
        ("OBJECTIVE 3 – INCLUSIVE DIGITAL SOCIETY", "Objective 3 – inclusive digital society"),
        ("MEMBER STATES OF THE STRAßE REGION AGREED IN RABAT", "Member States of the Straße region agreed in Rabat"),
        ("typed as written in Lome.", None),
        ("BACKGROUND and scope", "background and scope"),
    ]


def test_a_drop_cap_its_paragraph_style_sets_is_the_first_letter_of_the_paragraph_after(tmp_path: Path) -> None:
    """A drop cap whose frame (w:framePr w:dropCap) a paragraph style sets, or a style it is based
    on, not the paragraph's own w:pPr, is a drop cap as Word prints it: the start of the paragraph
    after it, which gives the block its style and size. It was read as a paragraph of its own ("I",
    then "n 2025 …"). A paragraph's own frame that is no drop cap overrides its style's: it stays a
    paragraph, as does one in a style whose frame is no drop cap."""
    document = docx.Document()
    frame = '<w:framePr w:dropCap="{}" w:lines="{}" w:wrap="around" w:vAnchor="text" w:hAnchor="text"/>'
    for name, based_on, ppr in (("Drop Letter", None, frame.format("drop", 3)), ("Drop Letter Red", "Drop Letter", ""),
                                ("Margin Letter", None, frame.format("margin", 2)),
                                ("Side Frame", None, '<w:framePr w:w="2000" w:wrap="around" w:hAnchor="page" w:x="1200"/>')):
        style = document.styles.add_style(name, 1)
        style.element.append(etree_fragment(f"<w:pPr {DECLS}><w:keepNext/>{ppr}</w:pPr>"))
        if based_on:
            style.base_style = document.styles[based_on]
    document.styles.add_style("Body Text Plan", 1).base_style = document.styles["Normal"]

    def capped(style: str, letters: str, own: str = "") -> str:
        return (f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{own}</w:pPr>'
                + _run(letters, '<w:rFonts w:ascii="Georgia" w:hAnsi="Georgia"/><w:sz w:val="72"/>') + "</w:p>")

    add_body(document, "".join([
        capped("DropLetterRed", "I"),
        '<w:p><w:pPr><w:pStyle w:val="BodyTextPlan"/></w:pPr>' + _run("n 2025 the conference in Kigali adopted the plan.",
                                                                    '<w:sz w:val="22"/>') + "</w:p>",
        capped("MarginLetter", "Un"),
        "<w:p>" + _run("der each regional initiative, projects are developed in Bamako.", "<w:b/>") + "</w:p>",
        capped("DropLetter", "Side note", '<w:framePr w:w="2000" w:wrap="around" w:hAnchor="page" w:x="1200"/>'),
        "<w:p>" + _run("Broadband networks are the backbone in Accra.") + "</w:p>",
        capped("SideFrame", "Framed remark"),
        "<w:p>" + _run("Rural communications reach Dakar.") + "</w:p>",
    ]))
    blocks = read_docx(save(document, tmp_path / "styled-dropcap.docx")).blocks
    assert [b.text for b in blocks] == [
        "In 2025 the conference in Kigali adopted the plan.",
        "Under each regional initiative, projects are developed in Bamako.",
        "Side note",
        "Broadband networks are the backbone in Accra.",
        "Framed remark",
        "Rural communications reach Dakar.",
    ]
    assert (blocks[0].style, blocks[0].size, blocks[1].style, blocks[1].bold) == ("Body Text Plan", 11.0, "Normal", True)


# ------------------------------------------------------------------ F19: soft line breaks


@pytest.mark.parametrize("font,size", [("Times-Roman", 11.0), ("Helvetica", 10.0)])
def test_a_line_break_before_lower_case_is_one_paragraph_in_the_pdf_as_in_the_docx(
        tmp_path: Path, font: str, size: float) -> None:
    """A soft line break (w:br, Shift+Enter) is one paragraph of two lines in the .docx; its PDF
    prints a short line and the next at the line pitch. The PDF reader keeps them one paragraph,
    the line break a newline, where the next line opens in lower case after no sentence end (no
    paragraph opens so); before a capital, in a page too short to tell whether its paragraphs are
    set apart by a space (tests/test_pdf_paragraph_spacing.py), nothing tells a line break from a
    paragraph's end, and they stay two, the diff's one remaining difference, of formatting."""
    from pdfgen import Line, write_pdf

    from actionplan_trace.diff import compare
    from actionplan_trace.extract.pdf import read_pdf

    body = ("Under each regional initiative, projects are developed and implemented to meet the",
            "region's needs, as agreed in Male 2356.")
    pdf = write_pdf(tmp_path / "breaks.pdf", [
        Line("Geneva Plan of Action", font, size),
        Line("and Tunis Agenda for the Information Society", font, size),
        Line(body[0], font, size, gap_before=10),
        Line(body[1], font, size),
        Line("ITU Council", font, size, gap_before=10),
        Line("Geneva, 2019", font, size),
        Line("The plan was adopted in Kigali.", font, size, gap_before=10),
        Line("e-Government strategies follow in Lima.", font, size),
    ])
    assert [b.text for b in read_pdf(pdf).blocks] == [
        "Geneva Plan of Action\nand Tunis Agenda for the Information Society",
        " ".join(body),
        "ITU Council", "Geneva, 2019",
        "The plan was adopted in Kigali.", "e-Government strategies follow in Lima.",
    ]
    document = docx.Document()
    add_body(document, "".join([
        "<w:p>" + _run("Geneva Plan of Action") + "<w:r><w:br/></w:r>" + _run("and Tunis Agenda for the Information Society") + "</w:p>",
        "<w:p>" + _run(" ".join(body)) + "</w:p>",
        "<w:p>" + _run("ITU Council") + "<w:r><w:br/></w:r>" + _run("Geneva, 2019") + "</w:p>",
        "<w:p>" + _run("The plan was adopted in Kigali.") + "</w:p>",
        "<w:p>" + _run("e-Government strategies follow in Lima.") + "</w:p>",
    ]))
    result = compare(save(document, tmp_path / "breaks.docx"), pdf)
    assert result.visible() == []
    (split,) = result.visible(all_changes=True)
    assert (split.where, split.old, split.new) == ("paragraph split in 2", "ITU Council\nGeneva, 2019", "ITU Council\nGeneva, 2019")
    assert "formatting" in split.differences
