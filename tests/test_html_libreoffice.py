"""A .docx and LibreOffice's HTML export of it read alike: headings numbered by Word's outline numbering.

LibreOffice (`soffice --convert-to html`) writes the number a numbered heading shows as text of the
heading, glued to its title without the tab or space Word puts after it: `<h3>1Background</h3>`,
`<h1>Objective 2 –Modern …</h1>` (sw/source/filter/html/htmlatr.cxx: the outline's GetNumString,
then the paragraph's text). A black-box review diffed such a pair: "1Background" opened no section,
so the sub-sections and all their text read as removed and added. The pages here are written as
LibreOffice 7.4 writes them (its head, `class="western"`, lines broken inside the title).
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
OBJECTIVE = "Modern and secure telecommunication/ICT infrastructure"
OUTPUT = "Products and services on telecommunication/ICT infrastructure and services"
BODY = [
    ("Background", ["Infrastructure is central for enabling universal and affordable access to ICTs."]),
    ("Implementation framework", ["The Bureau will assist Member States in the use of new technologies."]),
    ("References to WTDC resolutions, WSIS action lines and sustainable development goals",
     ["The implementation of PP Resolutions 32 and 64 will support Output 2.1."]),
]
HEAD = ('<!DOCTYPE html>\n<html>\n<head>\n\t<meta http-equiv="content-type" content="text/html; charset=utf-8"/>\n'
        '\t<title></title>\n\t<meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/>\n'
        '\t<style type="text/css">\n\t\th3.western { font-family: "Calibri", serif; font-weight: bold }\n'
        '\t</style>\n</head>\n<body lang="en-US" link="#000080" vlink="#800000" dir="ltr">')

# Word's numbering of the three heading levels (lvlText, numFmt, suff) and the numbers
# LibreOffice writes for them: Objective 2, Output 2.1, then the sub-headings 1, 2, 3.
NUMBERINGS = {
    "dash, space; number, tab": (
        [("Objective %1 –", "decimal", "space"), ("Output %1.%2 –", "decimal", "space"), ("%3", "decimal", "tab")],
        ["Objective 2 –", "Output 2.1 –", "1", "2", "3"]),
    "colon, nothing; stop, space": (
        [("Objective %1:", "decimal", "nothing"), ("Output %1.%2:", "decimal", "tab"), ("%3.", "decimal", "space")],
        ["Objective 2:", "Output 2.1:", "1.", "2.", "3."]),
    "em dash, tab; letter in brackets": (
        [("Objective %1 —", "decimal", "tab"), ("Output %1.%2 -", "decimal", "tab"), ("(%3)", "lowerLetter", "tab")],
        ["Objective 2 —", "Output 2.1 -", "(a)", "(b)", "(c)"]),
    "roman sub-headings": (
        [("Objective %1 –", "decimal", "space"), ("Output %1.%2 –", "decimal", "space"), ("%3)", "lowerRoman", "tab")],
        ["Objective 2 –", "Output 2.1 –", "i)", "ii)", "iii)"]),
}


def _numbered_docx(path: Path, levels: list[tuple[str, str, str]]) -> None:
    """An Action Plan excerpt whose Heading 1-3 styles are numbered by one multilevel list (the
    number in numbering.xml, none in the text), as the reviewer's f1_multilevel.docx."""
    made = docx.Document()
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{2 if i == 0 else 1}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:pStyle w:val="Heading{i + 1}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:suff w:val="{suff}"/></w:lvl>' for i, (text, fmt, suff) in enumerate(levels))
    numbering = made.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {W} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
                                  f'{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for level in range(3):
        ppr = made.styles[f"Heading {level + 1}"].element.get_or_add_pPr()
        ppr.insert(0, parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    made.add_paragraph(OBJECTIVE, style="Heading 1")
    made.add_paragraph(OUTPUT, style="Heading 2")
    for title, paragraphs in BODY:
        made.add_paragraph(title, style="Heading 3")
        for text in paragraphs:
            made.add_paragraph(text)
    made.save(str(path))


def _wrapped(text: str) -> str:
    """`text` broken into lines of about 60 characters, as LibreOffice writes a paragraph."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + len(word) > 60:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


def _libreoffice_page(numbers: list[str]) -> str:
    """The page LibreOffice writes for _numbered_docx: each heading's number glued to its title."""
    parts = [f'<h1 class="western">\n{_wrapped(numbers[0] + OBJECTIVE)}</h1>',
             f'<h2 class="western">{_wrapped(numbers[1] + OUTPUT)}</h2>']
    for number, (title, paragraphs) in zip(numbers[2:], BODY):
        parts.append(f'<h3 class="western">{_wrapped(number + title)}</h3>')
        parts += [f'<p style="margin-bottom: 0.14in">{_wrapped(text)}</p>' for text in paragraphs]
    return HEAD + "\n".join(parts) + "\n</body>\n</html>\n"


@pytest.mark.parametrize("numbering", NUMBERINGS)
def test_a_docx_and_its_libreoffice_html_differ_in_nothing(tmp_path: Path, numbering: str) -> None:
    levels, numbers = NUMBERINGS[numbering]
    source, page = tmp_path / "plan.docx", tmp_path / "plan.html"
    _numbered_docx(source, levels)
    page.write_text(_libreoffice_page(numbers), encoding="utf-8")
    headings = [b for b in read(page).blocks if b.type == "heading"]
    assert [(b.label, b.text) for b in headings] == list(zip(numbers, [OBJECTIVE, OUTPUT, *[t for t, _ in BODY]]))
    expected = ["objective-2", "output-2.1", "output-2.1/background", "output-2.1/implementation-framework",
                "output-2.1/references"]
    assert [s.id for s in load(page, "action-plan").sections] == expected
    assert [s.id for s in load(source, "action-plan").sections] == expected
    assert compare(source, page, profile="action-plan").visible() == []


def test_only_a_number_glued_to_a_title_is_a_label(tmp_path: Path) -> None:
    """A heading that opens with a number of its own keeps it ("5G networks", "4IR", "2.4GHz
    band", "A.I. for all"); a heading typed "1 Background" has no glue to undo; a paragraph is not
    a heading LibreOffice numbers; and a page another program wrote is read as written."""
    page = tmp_path / "lo.html"
    headings = ["5G networks", "4IR and skills", "2.4GHz band", "A.I. for all", "1 Background", "2Implementation"]
    body = "".join(f"<h2>{text}</h2>" for text in headings) + "<p>3Programmes of the Bureau</p>"
    page.write_text(f"{HEAD}{body}</body></html>", encoding="utf-8")
    assert [(b.type, b.label, b.text) for b in read(page).blocks] == [
        *[("heading", None, text) for text in headings[:-1]], ("heading", "2", "Implementation"),
        ("paragraph", None, "3Programmes of the Bureau")]
    page.write_text(f"<html><head><meta name=generator content='pandoc'></head><body>{body}</body></html>",
                    encoding="utf-8")
    assert [b.label for b in read(page).blocks] == [None] * 7
