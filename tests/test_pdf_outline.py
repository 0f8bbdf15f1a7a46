"""A PDF's bookmarks name its headings: the paragraph each one titles is a heading at the
bookmark's depth, as a heading style makes a .docx paragraph one (extract/pdf_outline.py)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from actionplan_trace import load
from actionplan_trace.extract import read
from actionplan_trace.extract.pdf_outline import read_bookmarks

from conftest import corpus_doc, run_cli
from pdfgen import Line, write_pdf

GAP = 11
# Headings in the body font with nothing but the space above them to set them apart, one in
# capitals, one filling its line with its paragraph right below (the reader joins those two).
LINES = [
    Line("Summary of the work"),
    Line("The Bureau assisted forty Member States in 2023 with national broadband plans and", gap_before=GAP),
    Line("regulatory reviews, as Resolution 37 (Rev. Kigali, 2022) asks."),
    Line("Regional activities", gap_before=GAP),
    Line("Africa", gap_before=GAP),
    Line("Five workshops were held in the region on spectrum management and cybersecurity.", gap_before=GAP),
    Line("KEY FIGURES", gap_before=GAP),
    Line("The number of countries with a national emergency telecommunication plan rose to 62.", gap_before=GAP),
    Line("Status of measurement of the information society and of the targets of the plan, 2024", gap_before=GAP),
    Line("The Bureau will publish its measurement report each year and review the targets."),
    Line("Cooperation with regional organizations on", gap_before=GAP),
    Line("emergency telecommunications", gap_before=GAP),
    Line("Three agreements were signed with regional organizations in 2024.", gap_before=GAP),
]
WRAPPED = "Cooperation with regional organizations on emergency telecommunications"
STATUS = "Status of measurement of the information society and of the targets of the plan, 2024"
# (depth, title, page): the first has a number the page does not print, "Figure 3" names no
# paragraph, "Key figures" has no destination, the last names two lines read as paragraphs.
OUTLINE: list[tuple[int, str, int | None]] = [
    (0, "1 Summary of the work", 0), (0, "Regional activities", 0), (1, "Africa", 0), (1, "Figure 3", 0),
    (1, "Key figures", None), (1, STATUS, 0), (0, WRAPPED, 0),
]


def _words(path: Path) -> list[str]:
    raw = read(path)
    return [word for block in raw.blocks for word in block.text.split()]


@pytest.mark.parametrize("actions", [False, True], ids=["destinations", "go-to actions"])
def test_bookmarks_make_the_paragraphs_they_title_headings_at_their_depth(tmp_path: Path, actions: bool) -> None:
    """Bookmarks lead to their pages by destinations (Word, LibreOffice) or go-to actions (Acrobat)."""
    with_outline = write_pdf(tmp_path / "outline.pdf", LINES, OUTLINE, outline_actions=actions)
    document = pdfium.PdfDocument(with_outline)
    try:
        assert [(b.level, b.page) for b in read_bookmarks(document)] == [(d, None if p is None else p + 1) for d, _, p in OUTLINE]
    finally:
        document.close()
    doc = load(with_outline)
    assert [(s.level, s.title, [b.text.split()[0] for b in s.blocks]) for s in doc.sections] == [
        (1, "Summary of the work", ["The"]),
        (1, "Regional activities", []),
        (2, "Africa", ["Five"]),
        (2, "KEY FIGURES", ["The"]),
        (2, STATUS, ["The"]),
        (1, WRAPPED.replace(" on ", " on\n"), ["Three"]),  # its lines, as a .docx heading's line break
    ]
    # Without the bookmarks nothing tells these lines from paragraphs, and the last heading and
    # its paragraph are one; with them no word is lost or added.
    plain = write_pdf(tmp_path / "plain.pdf", LINES)
    assert [s.title for s in load(plain).sections] == ["", "KEY FIGURES"]
    texts = [b.text for b in read(plain).blocks]
    assert texts[-4].startswith(STATUS + " The Bureau will publish")
    assert texts[-3:-1] == ["Cooperation with regional organizations on", "emergency telecommunications"]
    assert _words(with_outline) == _words(plain)


def test_a_cyclic_outline_marks_what_it_reaches_and_prints_nothing(tmp_path: Path) -> None:
    """A second bookmark whose /Next leads back to the first: pypdfium2 stops there (and logs a
    warning, which the reader keeps off stderr)."""
    path = write_pdf(tmp_path / "cycle.pdf", LINES, [(0, "Summary of the work", 0), (0, "Regional activities", 0)])
    data = path.read_bytes()
    assert data.count(b"/Prev") == 1
    path.write_bytes(data.replace(b"/Prev", b"/Next"))
    result = run_cli("extract", str(path), "-f", "json")
    assert (result.returncode, result.stderr) == (0, "")
    assert [s.title for s in load(path).sections][:2] == ["Summary of the work", "Regional activities"]


def test_the_report_pdf_has_the_outline_of_its_docx() -> None:
    """LibreOffice's PDF of the report sets its unnumbered headings in bold or bold italic, which
    alone makes no heading; its bookmarks give all 245 sections of the .docx, at their levels."""
    pdf, docx = corpus_doc("report-c20-35.pdf"), corpus_doc("report-c20-35.docx")
    assert len(docx.sections) == 245
    assert [(s.level, s.kind, s.title) for s in pdf.sections] == [(s.level, s.kind, s.title) for s in docx.sections]


def test_a_sentence_or_contents_entry_opening_with_a_title_is_no_heading(tmp_path: Path) -> None:
    """A contents entry ("Summary of the work ..... 1") and a sentence that opens with a heading's
    words ("Regional activities are described …") come before the headings on their page: the
    headings are the paragraphs that are the titles, and neither is split."""
    lines = [
        Line("Contents"),
        Line("Summary of the work ........................ 1", gap_before=GAP),
        Line("Regional activities ........................ 1"),
        Line("Summary of the work", gap_before=GAP),
        Line("Regional activities are described in the next section of this report.", gap_before=GAP),
        Line("Regional activities", gap_before=GAP),
        Line("Five workshops were held in the region on spectrum management.", gap_before=GAP),
    ]
    path = write_pdf(tmp_path / "contents.pdf", lines, [(0, "Summary of the work", 0), (0, "Regional activities", 0)])
    assert [(b.type, b.text) for b in read(path).blocks] == [
        ("paragraph", "Contents"),
        ("paragraph", "Summary of the work ........................ 1"),
        ("paragraph", "Regional activities ........................ 1"),
        ("heading", "Summary of the work"),
        ("paragraph", "Regional activities are described in the next section of this report."),
        ("heading", "Regional activities"),
        ("paragraph", "Five workshops were held in the region on spectrum management."),
    ]


def test_an_unreadable_bookmark_title_loses_only_that_bookmark(tmp_path: Path) -> None:
    """A title holding a lone UTF-16 surrogate cannot be decoded: that bookmark is left out, and
    the file reads as it would without it (no internal error)."""
    path = write_pdf(tmp_path / "title.pdf", LINES, [(0, "Summary of the work", 0), (0, "Regional activities", 0)])
    data = path.read_bytes()
    good, bad = b"/Title (Summary of the work)", b"/Title <FEFFD80000410042>"
    assert data.count(good) == 1
    path.write_bytes(data.replace(good, bad + b" " * (len(good) - len(bad))))
    result = run_cli("extract", str(path), "-f", "json")
    assert (result.returncode, result.stderr) == (0, "")
    assert [s.title for s in load(path).sections][:2] == ["", "Regional activities"]
