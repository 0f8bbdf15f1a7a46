"""Write the PDFs under tests/fixtures/pdf/ that print revision marks (extract/pdf_markup.py), each
with the .docx it is printed from where that is not in corpus/:

- `objective2-tracked-markup.pdf`: corpus/objective2-tracked.docx printed by LibreOffice with its
  tracked changes shown (struck-through deletions, underlined insertions in the author's colour,
  change bars), the one the reader was first built against;
- `contribution-tdag-markup.pdf`: corpus/contribution-tdag.docx printed the same way;
- `mod-block-markup.docx/.pdf`: a contribution not made from the corpus, in another layout (Liberation
  Serif 11 pt, justified, narrow margins), with tracked changes by two authors (two colours):
  words deleted and inserted mid-line and over a line break, a whole list item deleted, an inserted
  cell of a table, a struck-through passage typed as formatting (an ITU "MOD" block, no tracked
  change: no change bar, so text, as in the .docx), a link underlined in the blue the second
  author's insertions are printed in and a heading underlined in black (neither a revision).

Run by hand (python-docx and LibreOffice are needed; tests never need them):
`.venv/bin/python scripts/make_markup_fixtures.py`.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Cm, Pt, RGBColor
from make_layout_fixtures import print_pdf  # this folder, on the path when run as a script

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "pdf"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DATE = "2026-11-20T10:00:00Z"


def _run(text: str, extra: str = "") -> str:
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:r {W}><w:rPr>{extra}</w:rPr><w:t{space}>{text}</w:t></w:r>"


def _tracked(kind: str, text: str, author: str, n: int) -> str:
    """A tracked insertion or deletion of `text` by `author` (w:ins / w:del with its run)."""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    tag, body = ("ins", f"<w:t{space}>{text}</w:t>") if kind == "ins" else ("del", f"<w:delText{space}>{text}</w:delText>")
    return f'<w:{tag} {W} w:id="{n}" w:author="{author}" w:date="{DATE}"><w:r>{body}</w:r></w:{tag}>'


def _paragraph(doc: Any, pieces: list[tuple[str, str]], style: str | None = None) -> Any:
    """A paragraph of pieces: ("", text) plain, ("ins:Author", text) / ("del:Author", text) tracked,
    ("strike", text) struck through as formatting."""
    paragraph = doc.add_paragraph(style=style)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for n, (how, text) in enumerate(pieces):
        if how.startswith(("ins:", "del:")):
            kind, author = how.split(":")
            paragraph._p.append(parse_xml(_tracked(kind, text, author, 100 + len(doc.paragraphs) * 20 + n)))
        elif how == "strike":
            paragraph._p.append(parse_xml(_run(text, "<w:strike/>")))
        else:
            paragraph._p.append(parse_xml(_run(text)))
    return paragraph


def _mod_block_docx(path: Path) -> None:
    doc = Document()
    section = doc.sections[0]
    section.left_margin = section.right_margin = Cm(2)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Liberation Serif", Pt(11)
    doc.add_heading("Proposal 1 – Output 2.2 (Building confidence and security in the use of ICTs)", level=1)
    heading = doc.add_paragraph()
    underlined = heading.add_run("Background")
    underlined.bold = underlined.underline = True
    _paragraph(doc, [
        ("", "The ITU Telecommunication Development Bureau will continue to assist Member States in building "
             "confidence and security in the use of telecommunications/ICTs, "),
        ("del:Administration of Ruritania", "in particular through national computer incident response teams, "),
        ("ins:Administration of Ruritania", "including through national and regional computer incident response teams "
                                            "(CIRTs) and cybersecurity exercises, "),
        ("", "in line with PP Resolution 130 (Rev. Bucharest, 2022) and WTDC Resolution 45 (Rev. Kigali, 2022)."),
    ])
    _paragraph(doc, [
        ("", "Child online protection remains a priority of the "),
        ("del:Secretariat of the Study Group", "Sector"),
        ("ins:Secretariat of the Study Group", "Bureau and its regional offices"),
        ("", ", in cooperation with other United Nations agencies, as the guidelines adopted in 2020 are "
             "updated for parents, educators, industry and policy-makers alike, and as new "),
        ("ins:Administration of Ruritania", "national "),
        ("", "strategies are drawn up."),
    ])
    for pieces in (
        [("", "assisting Member States in developing national cybersecurity strategies;")],
        [("del:Administration of Ruritania", "organizing annual global cyberdrills for the national CIRTs of every region;")],
        [("", "supporting the "), ("ins:Secretariat of the Study Group", "biennial "),
         ("", "Global Cybersecurity Index survey.")],
    ):
        _paragraph(doc, pieces, style="List Bullet")
    table = doc.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text, table.cell(0, 1).text = "Outcome", "Indicator"
    table.cell(1, 0).text = "Strengthened capacity of Member States in cybersecurity"
    cell = table.cell(1, 1).paragraphs[0]
    cell._p.append(parse_xml(_run("Number of national CIRTs established")))
    cell._p.append(parse_xml(_tracked("ins", " with ITU assistance", "Administration of Ruritania", 900)))
    doc.add_paragraph()
    doc.add_heading("MOD", level=2)
    _paragraph(doc, [
        ("", "Output 2.2 will contribute to the achievement of SDG targets 4.4, 5.b, "),
        ("strike", "9.1, "),
        ("", "9.c, 16.2 and 17.8 and to WSIS Action Line C5."),
    ])
    link = doc.add_paragraph("The guidelines are published at ")
    linked = link.add_run("www.itu.int/cop")
    linked.underline = True
    linked.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.add_run(".")
    doc.save(str(path))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        made: list[tuple[Path, str]] = []
        for name in ("objective2-tracked", "contribution-tdag"):
            copy = out / f"{name}.docx"
            shutil.copy(ROOT / "corpus" / copy.name, copy)
            made.append((print_pdf(copy, out), f"{name}-markup.pdf"))
        mod = out / "mod-block-markup.docx"
        _mod_block_docx(mod)
        made += [(mod, mod.name), (print_pdf(mod, out), "mod-block-markup.pdf")]
        for path, name in made:
            shutil.copy(path, OUT / name)
            print(OUT / name)


if __name__ == "__main__":
    main()
