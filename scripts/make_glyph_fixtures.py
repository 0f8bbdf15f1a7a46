"""Write the small LibreOffice PDFs under tests/fixtures/pdf/ whose glyphs the PDF reader must read
as the .docx reads its runs, with the .docx each is printed from: superscript digits that mark no
note beside a real footnote's mark (`superscripts`); Arabic and Hebrew paragraphs with numbers,
Latin codes and brackets inside (`right-to-left`); Chinese and Japanese paragraphs that wrap,
with digits and Latin codes set against Han glyphs and one typed space (`cjk-spacing`).

Each is set twice, in two fonts and sizes, so that no reading is tuned to one face. Run by hand
(python-docx and LibreOffice are needed; tests never need them):
`.venv/bin/python scripts/make_glyph_fixtures.py`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

from make_layout_fixtures import OUT, W, _footnotes, _note

# A LibreOffice profile of its own, so that a LibreOffice already running elsewhere does not take the job.
PROFILE = "file:///tmp/make-glyph-fixtures-lo"

# (font, size in points) of each half of a fixture
FACES = (("Liberation Serif", 11), ("DejaVu Sans", 9))


def _face(run: Any, font: str, size: float) -> None:
    """Set `run` in `font` at `size` points, for every script (Latin, complex, East Asian)."""
    run.font.name, run.font.size = font, Pt(size)
    rpr = run._r.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
    rpr.append(parse_xml(f'<w:szCs {W} w:val="{round(2 * size)}"/>'))  # the size of complex-script text


def _runs(paragraph: Any, parts: list[tuple[str, bool]], font: str, size: float) -> None:
    """Add `parts` to `paragraph`, each (text, raised): a raised part is a superscript run."""
    for text, raised in parts:
        run = paragraph.add_run(text)
        run.font.superscript = raised
        _face(run, font, size)


# Exponents and units with no note, and one sentence that does cite a note.
SUPERSCRIPTS = [
    [("Mobile subscriptions reached 8.6 × 10", False), ("9", True), (" in 2022.", False)],
    [("Coverage area of 2.5 million km", False), ("2", True), (" was mapped in Accra.", False)],
    [("Growth of 2", False), ("10", True), (" devices per node is expected.", False)],
    [("A tank of 40 m", False), ("3", True), (" holds the spare batteries.", False)],
]
NOTED = "Infrastructure is central for enabling universal and affordable access, as agreed in Kigali."


def _superscripts_docx(path: Path) -> None:
    """SUPERSCRIPTS once in each of FACES, then NOTED with a footnote mark after it."""
    doc = Document()
    for font, size in FACES:
        for parts in SUPERSCRIPTS:
            _runs(doc.add_paragraph(), parts, font, size)
    paragraph = doc.add_paragraph()
    _runs(paragraph, [(NOTED, False)], *FACES[0])
    _note(paragraph, 1)
    _footnotes(doc, ["See Document TDAG-18/11 on the projects in Kigali."])
    doc.save(str(path))


def print_pdf(source: Path, out_dir: Path) -> Path:
    """`source` printed to PDF by LibreOffice, in `out_dir`."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        sys.exit("LibreOffice (soffice) is needed to build these fixtures")
    subprocess.run([exe, "--headless", f"-env:UserInstallation={PROFILE}", "--convert-to", "pdf", "--outdir",
                    str(out_dir), str(source)], check=True, capture_output=True, timeout=180)
    return out_dir / f"{source.stem}.pdf"


# Right-to-left paragraphs (Arabic, then Hebrew), with numbers, Latin codes, a percentage and brackets.
RIGHT_TO_LEFT = [
    "الهدف 2 – بنية تحتية حديثة وآمنة للاتصالات وتكنولوجيا المعلومات والاتصالات",
    "تعزيز قدرة الدول الأعضاء على نشر شبكات النطاق العريض في المناطق الريفية والنائية بحلول عام 2025، "
    "وزيادة نسبة التغطية إلى 95% من السكان (وفقاً للقرار 37) في البلدان النامية وأقل البلدان نمواً.",
    "المبادرات الإقليمية للدول العربية: ARB1 وARB2 وARB3 (انظر الوثيقة TDAG-18/11).",
    "תוכנית הפעולה של בואנוס איירס (2017) כוללת 5 יעדים ו-15 תוצרים.",
]
RTL_FACES = (("DejaVu Sans", 11), ("DejaVu Sans Mono", 9))


def _right_to_left_docx(path: Path) -> None:
    """An English heading, RIGHT_TO_LEFT once in each of RTL_FACES (right-aligned, right-to-left
    paragraphs), and an English paragraph."""
    doc = Document()
    _runs(doc.add_paragraph(), [("Objective 2 – Modern and secure telecommunication/ICT infrastructure", False)],
          *FACES[0])
    for font, size in RTL_FACES:
        for text in RIGHT_TO_LEFT:
            paragraph = doc.add_paragraph()
            paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:bidi {W}/>'))
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _runs(paragraph, [(text, False)], font, size)
            for run in paragraph.runs:
                run._r.get_or_add_rPr().append(parse_xml(f'<w:rtl {W}/>'))
    _runs(doc.add_paragraph(), [("Broadband networks are the backbone of the digital economy, as agreed in Apia.",
                                 False)], *FACES[0])
    doc.save(str(path))


# Chinese and Japanese, long enough to wrap, digits and Latin codes against Han glyphs; one space typed.
CJK_TEXT = [
    "电信发展局在2019年向三十五个国家提供了技术援助，涉及频谱管理、网络安全和应急通信，并与WTDC第17号决议"
    "所述的区域举措ASP1、ASP2和ASP3相配合，以加强国际电联成员提供具有复原力的电信基础设施和服务的能力。",
    "采用 ITU-T 建议的国家在2021年达到45个。",
    "電気通信開発局は2019年に35か国へ技術支援を行い、周波数管理とサイバーセキュリティ及び緊急通信の分野で"
    "WTDC決議第17号に基づく地域イニシアティブを支援した。",
]
CJK_FACES = (("Droid Sans Fallback", 12, "Liberation Serif"), ("Droid Sans Fallback", 9, "DejaVu Sans"))


def _cjk_docx(path: Path) -> None:
    """CJK_TEXT once in each of CJK_FACES (East Asian font and size, and the font of its Latin
    letters and digits), then an English paragraph."""
    doc = Document()
    for east, size, latin in CJK_FACES:
        for text in CJK_TEXT:
            run = doc.add_paragraph().add_run(text)
            _face(run, latin, size)
            run._r.rPr.rFonts.set(qn("w:eastAsia"), east)
    _runs(doc.add_paragraph(), [("Emergency telecommunications save lives, as agreed in Maputo.", False)], *FACES[0])
    doc.save(str(path))


FIXTURES: dict[str, Callable[[Path], None]] = {
    "cjk-spacing": _cjk_docx,
    "superscripts": _superscripts_docx,
    "right-to-left": _right_to_left_docx,
}


def main() -> None:
    only = set(sys.argv[1:])  # the fixtures to make (default: all)
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in FIXTURES.items():
            if only and name not in only:
                continue
            source = Path(tmp) / f"{name}.docx"
            make(source)
            for made in (source, print_pdf(source, Path(tmp))):
                shutil.copy(made, OUT / made.name)
                print(OUT / made.name)


if __name__ == "__main__":
    main()
