"""PDF extraction: nothing lost, Action Plans from PDF match the .docx, clear errors for bad PDFs."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from actionplan_trace import load
from actionplan_trace.errors import InputError
from actionplan_trace.extract.pdf import IMAGE_ONLY, NO_TEXT, ONLY_FURNITURE, PdfReading, read_pdf, read_pdf_detailed
from actionplan_trace.model import Block, Document
from conftest import corpus_reading, rejoined, run_cli
from pdfgen import Line, write_pdf

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
PDFS = sorted(p.name for p in CORPUS.glob("*.pdf"))
ACTION_PLANS = [n for n in ("objective2-old", "objective2-new", "action-plan-ba", "action-plan-ba-bold")
                if (CORPUS / f"{n}.pdf").exists() and (CORPUS / f"{n}.docx").exists()]
# Words as runs of letters or of digits: a footnote mark glued to its word ("Proposed2") or set
# apart by pdfium's generated spacing ("Proposed 2") counts the same.
WORD = re.compile(r"[^\W\d_]+|\d+")


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text))


def block_words(blocks: list[Block]) -> Counter[str]:
    out: Counter[str] = Counter()
    for b in blocks:
        if b.rows is not None:
            for row in b.rows:
                for cell in row:
                    out += words(cell.text)
        else:
            out += words(b.label or "") + words(b.text)
    return out


@pytest.mark.parametrize("name", PDFS)
def test_nothing_lost_every_page_word_lands_in_exactly_one_block(name: str) -> None:
    """pdfium's own page text, minus the lines dropped as headers/footers and the footnote marks
    taken out of the text, equals the blocks' words (a word a narrow column broke is one)."""
    path = CORPUS / name
    reading = corpus_reading(name)
    page_words: Counter[str] = Counter()
    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            textpage = page.get_textpage()
            page_words += words(textpage.get_text_range())
    finally:
        pdf.close()
    page_words = rejoined(page_words, reading.broken_words)  # furniture holds them read as one too
    for _, text in reading.furniture + reading.note_marks:
        page_words -= words(text)
    got = block_words(reading.raw.blocks) + block_words(reading.raw.footnotes)
    assert got - page_words == Counter(), "words invented or duplicated"
    assert page_words - got == Counter(), "words lost"


def test_nothing_lost_against_pdfplumber_text_too() -> None:
    """The same invariant measured against pdfplumber's text of the first pages of the roadmap."""
    path = CORPUS / "wsis-roadmaps.pdf"
    reading = corpus_reading(path.name)
    with pdfplumber.open(path) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages[:3])
    dropped = [t for page, t in reading.furniture + reading.note_marks if page <= 3]
    expected = words(text)
    for t in dropped:
        expected -= words(t)
    blocks = [b for b in reading.raw.blocks if (b.loc.page or 0) <= 3]
    notes = [b for b in reading.raw.footnotes if (b.loc.page or 0) <= 3]
    got = block_words(blocks) + block_words(notes)
    # A table starting on page 3 or earlier holds rows from later pages; compare what pdfplumber saw.
    assert expected - got == Counter()


@lru_cache(maxsize=None)
def pair(stem: str) -> tuple[Document, Document]:
    return load(CORPUS / f"{stem}.docx", profile="action-plan"), load(CORPUS / f"{stem}.pdf", profile="action-plan")


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"^[-–•]\s+", "", text, flags=re.M)).strip()


@pytest.mark.parametrize("stem", ACTION_PLANS)
def test_action_plan_pdf_outcomes_and_indicators_match_the_docx(stem: str) -> None:
    docx, pdf = pair(stem)
    assert [(s.id, flat(s.title)) for s in pdf.of_kind("outcome")] == [(s.id, flat(s.title)) for s in docx.of_kind("outcome")]
    for a, b in zip(docx.of_kind("outcome"), pdf.of_kind("outcome")):
        assert b.fields.get("indicators", "").strip()
        assert flat(b.fields["indicators"]) == flat(a.fields["indicators"])


@pytest.mark.parametrize("stem", ACTION_PLANS)
def test_action_plan_pdf_gives_the_same_sections_as_the_docx(stem: str) -> None:
    docx, pdf = pair(stem)
    for kind in ("objective", "output"):
        assert [(s.id, flat(s.title)) for s in pdf.of_kind(kind)] == [(s.id, flat(s.title)) for s in docx.of_kind(kind)]
    assert len(pdf.of_kind("outcome")) >= len(docx.of_kind("outcome"))
    areas = [s.title for s in docx.sections if s.kind == "area" and s.id.startswith("output-2.1/")]
    assert areas
    assert [s.title for s in pdf.sections if s.kind == "area" and s.id.startswith("output-2.1/")] == areas


def test_buenos_aires_action_plan_pdf_has_17_outputs() -> None:
    if "action-plan-ba" not in ACTION_PLANS:
        pytest.skip("corpus/action-plan-ba.pdf not built")
    _, pdf = pair("action-plan-ba")
    outputs = pdf.of_kind("output")
    assert len(outputs) == 17
    assert [s.number for s in pdf.of_kind("objective")] == ["1", "2", "3", "4"]
    assert outputs[0].id == "output-1.1" and outputs[-1].id == "output-4.4"


def test_letter_rendering_of_objective2_matches_the_docx() -> None:
    """Another font, page size and margins: same outputs and areas of work."""
    path = CORPUS / "objective2-new-letter.pdf"
    if not path.exists() or "objective2-new" not in ACTION_PLANS:
        pytest.skip("letter rendering not built")
    docx, _ = pair("objective2-new")
    pdf = load(path, profile="action-plan")
    assert [(s.id, flat(s.title)) for s in pdf.of_kind("output")] == [(s.id, flat(s.title)) for s in docx.of_kind("output")]
    assert [s.title for s in pdf.of_kind("area")] == [s.title for s in docx.of_kind("area")]


def test_bullets_are_list_items_with_their_glyph() -> None:
    raw = corpus_reading("objective2-old.pdf").raw
    items = [b for b in raw.blocks if b.type == "list-item"]
    assert len(items) > 10
    first = next(b for b in items if b.text.startswith("providing assistance to Member States on deployment and migration"))
    assert first.label and not first.label.isalnum()
    assert not first.text.startswith(first.label)
    assert first.text.endswith("further evolutions;")


def test_paragraph_continued_over_a_page_break_is_one_block() -> None:
    raw = corpus_reading("objective2-old.pdf").raw
    pages_of = {}
    for b in raw.blocks:
        pages_of.setdefault(b.loc.page, []).append(b)
    texts = [b.text for b in raw.blocks if b.type != "table"]
    # No block starts in lower case after a page break: such a line continues the block before.
    first_on_page = [blocks[0] for page, blocks in sorted(pages_of.items()) if page and page > 1]
    assert not [b.text for b in first_on_page if b.type == "paragraph" and b.text[:1].islower()]
    assert all(t.strip() for t in texts)


# --- bad input --------------------------------------------------------------------------------


def test_encrypted_pdf_is_an_input_error() -> None:
    with pytest.raises(InputError) as err:
        read_pdf(FIXTURES / "encrypted.pdf")
    assert err.value.problem == "encrypted PDF (password-protected)"


def test_image_only_pdf_says_run_ocr(tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(300, 200)
    image = pdfium.PdfImage.new(pdf)
    bitmap = pdfium.PdfBitmap.new_native(40, 20, pdfium.raw.FPDFBitmap_BGR)
    bitmap.fill_rect((0, 0, 0, 255), 5, 5, 10, 10)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(200, 100).translate(50, 50))
    page.insert_obj(image)
    page.gen_content()
    target = tmp_path / "scan.pdf"
    pdf.save(target)
    pdf.close()
    with pytest.raises(InputError) as err:
        read_pdf(target)
    assert err.value.problem == IMAGE_ONLY
    assert "ocrmypdf" in str(err.value)


def _textless_pdf(target: Path, vector: bool) -> Path:
    """A two-page PDF without text: blank pages, or pages with drawn paths (text as outlines)."""
    pdf = pdfium.PdfDocument.new()
    for _ in range(2):
        page = pdf.new_page(300, 200)
        if vector:
            path = pdfium.raw.FPDFPageObj_CreateNewPath(20, 20)
            pdfium.raw.FPDFPath_LineTo(path, 120, 80)
            pdfium.raw.FPDFPath_LineTo(path, 40, 150)
            pdfium.raw.FPDFPath_Close(path)
            pdfium.raw.FPDFPath_SetDrawMode(path, pdfium.raw.FPDF_FILLMODE_ALTERNATE, True)
            pdfium.raw.FPDFPage_InsertObject(page.raw, path)
            page.gen_content()
    pdf.save(target)
    pdf.close()
    return target


@pytest.mark.parametrize("vector", [False, True], ids=["blank", "vector-only"])
def test_pdf_without_text_is_refused_like_an_image_only_one(tmp_path: Path, vector: bool) -> None:
    """One rule for every PDF without a text layer: exit 2 with one line, never an empty document."""
    _refused_with(_textless_pdf(tmp_path / "empty.pdf", vector), NO_TEXT)


def _refused_with(target: Path, problem: str) -> None:
    """`target` is an InputError of `problem`, and one stderr line with exit 2 from the CLI."""
    with pytest.raises(InputError) as err:
        read_pdf(target)
    assert err.value.problem == problem
    result = run_cli("extract", str(target), "-f", "json")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == f"trace: {target}: {problem}"


def test_pdf_whose_only_text_is_page_furniture_is_refused(tmp_path: Path) -> None:
    """One page listed 30 times shows one line near its top on every page: a running header, so
    dropped, which left an empty document and exit 0 (hostile-input review). Never an empty
    document: exit 2 with one line."""
    from hostilegen import pdf_bomb

    _refused_with(pdf_bomb(tmp_path / "header-only.pdf", 10, pages=30), ONLY_FURNITURE)


def test_truncated_pdf_is_an_input_error(tmp_path: Path) -> None:
    data = (CORPUS / "objective2-old.pdf").read_bytes()
    target = tmp_path / "truncated.pdf"
    target.write_bytes(data[: len(data) // 3])
    try:
        raw = read_pdf(target)
    except InputError as err:
        assert "PDF" in err.problem
    else:
        # pdfium repairs what it can; what it reads must still be real text from the file.
        assert raw.blocks and raw.blocks[0].text


@pytest.mark.parametrize("content", [b"", b"hello, not a pdf", b"%PDF-1.7\n\x00\x01garbage" * 3])
def test_garbage_is_an_input_error(tmp_path: Path, content: bytes) -> None:
    target = tmp_path / "bad.pdf"
    target.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_pdf(target)
    assert str(target) in str(err.value)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_pdf(tmp_path / "nope.pdf")


# --- glyph-level defects ------------------------------------------------------------------------


def _background_of_output_21(stem: str) -> str:
    raw = corpus_reading(f"{stem}.pdf").raw
    return next(b.text for b in raw.blocks if b.text.startswith("The ICT sector is characterized by rapid"))


@pytest.mark.parametrize("stem", [s for s in ("objective2-new", "action-plan-ba") if s in ACTION_PLANS])
def test_footnote_mark_is_not_glued_to_its_word(stem: str) -> None:
    """The raised small "1" after "telecommunications" is a footnote reference, as in the .docx."""
    reading = corpus_reading(f"{stem}.pdf")
    text = next(b.text for b in reading.raw.blocks if b.text.startswith("The ICT sector is characterized by rapid"))
    assert "telecommunications1" not in text
    assert "convergence of technological platforms for telecommunications, information delivery," in text
    page = next(b.loc.page for b in reading.raw.blocks if b.text == text)
    assert (page, "1") in reading.note_marks
    assert any(n.label == "1" for n in reading.raw.footnotes)


@pytest.mark.parametrize("stem", [s for s in ("objective2-new", "action-plan-ba") if s in ACTION_PLANS])
def test_punctuation_stays_on_its_line_next_to_a_raised_mark(stem: str) -> None:
    """A superscript that opens a line's glyph band must not push the commas onto a line of their own."""
    text = _background_of_output_21(stem)
    assert "\n" not in text and ", , ," not in text
    assert "telecommunications, information delivery, broadcasting and computing" in text


@pytest.mark.parametrize("stem", ACTION_PLANS)
def test_action_plan_docx_and_pdf_diff_to_nothing(stem: str) -> None:
    """The same text as .docx and as PDF: no amendments apart from formatting."""
    from actionplan_trace.diff import diff_documents

    docx, pdf = pair(stem)
    changes = [c for c in diff_documents(docx, pdf).changes if not c.formatting_only]
    assert [(c.kind, c.section) for c in changes] == []


def test_region_table_continued_over_a_page_is_one_table_without_its_repeated_header() -> None:
    """A single-column ruled table (Region) is a table; on the next page its header row repeats."""
    docx, pdf = pair("objective2-old")
    reading = corpus_reading("objective2-old.pdf")
    [expected] = [b for b in docx.section("output-2.2/regional-initiatives").blocks if b.type == "table"]
    [got] = [b for b in pdf.section("output-2.2/regional-initiatives").blocks if b.type == "table"]
    assert [[c.text for c in row] for row in got.rows] == [[c.text for c in row] for row in expected.rows]
    assert [row[0].text for row in got.rows if row[0].text] == [
        "Region", "AFR Region", "AMS region", "ARB Region", "ASP Region", "CIS Region", "EUR Region"]
    assert (got.loc.page + 1, "Region") in reading.furniture


def test_footnote_marks_that_outnumber_their_word_are_still_marks() -> None:
    """"d" + raised "10" on a line of its own in a narrow header cell: the mark is not the line's size."""
    path = CORPUS / "wsis-roadmaps-letter.pdf"
    if not path.exists():
        pytest.skip("letter rendering not built")
    reading = corpus_reading(path.name)
    assert [m for _, m in reading.note_marks] == [str(n) for n in range(1, 13)]
    headers = [b.rows[0] for b in reading.raw.blocks if b.rows]
    assert len(headers) == 3
    assert [flat(row[1].text) for row in headers] == ["Proposed Timing"] * 3


@pytest.mark.parametrize("number", [None, "3."], ids=["bold-paragraph", "numbered-heading"])
def test_a_bold_paragraph_whose_line_carries_a_regular_note_mark_stays_one(tmp_path: Path, number: str | None) -> None:
    """Word sets a footnote's reference mark in its own weight: the raised "1" after a word of a
    bold paragraph is regular. The mark is no text of the line, so it does not make the line
    regular: the paragraph is not cut at that line (the roadmaps' "Propose" / "d" + "6" / "Timing"
    header), nor a heading whose regular list number opens it ("3." then bold text, the mark at the
    end of its first line), and the mark is still read as the note's."""
    from pdfgen import MARGIN, text_op, word_widths, wrap, write_placed

    bold = ("Strengthening the capacity of national statistical offices to measure the information "
            "society and to report on the targets of the Connect 2030 Agenda")
    plain = ("Member States are invited to contribute to the work of the Expert Group on "
             "Telecommunication and ICT Indicators and to share their national data every year")
    bold_widths, bold_space = word_widths(set(bold.split()), "Helvetica-Bold", 11, tmp_path)
    plain_widths, plain_space = word_widths({*plain.split(), "3."}, "Helvetica", 11, tmp_path)

    def width(line: str, widths: dict[str, float], space: float) -> float:
        return sum(widths[w] for w in line.split()) + space * (len(line.split()) - 1)

    ops, top = [], MARGIN + 20
    for text, font, widths, space in ((plain, "Helvetica", plain_widths, plain_space),
                                      (bold, "Helvetica-Bold", bold_widths, bold_space),
                                      (plain, "Helvetica", plain_widths, plain_space)):
        lines = wrap(text, 300, widths, space)
        marked = 0 if number else len(lines) - 1
        for k, line in enumerate(lines):
            x = MARGIN
            if font == "Helvetica-Bold" and number and k == 0:
                ops.append(text_op(x, top, number, "Helvetica", 11))
                x += plain_widths[number] + plain_space
            ops.append(text_op(x, top, line, font, 11))
            if font == "Helvetica-Bold" and k == marked:
                ops.append(text_op(x + width(line, widths, space) + 0.3, top - 4, "1", "Helvetica", 7))
            top += 13.5
        top += 12
    ops.append(text_op(MARGIN, 780, "1", "Helvetica", 7))
    ops.append(text_op(MARGIN + 6, 783, "See the ITU ICT indicators handbook.", "Helvetica", 9))
    reading = read_pdf_detailed(write_placed(tmp_path / "marked.pdf", [ops]))
    blocks = [b for b in reading.raw.blocks if b.type != "footnote"]
    assert len(wrap(bold, 300, bold_widths, bold_space)) > 1
    assert [b.text for b in blocks] == [plain, f"{number} {bold}" if number else bold, plain]
    if number is None:
        assert [b.bold for b in blocks] == [False, True, False]
    assert [m for _, m in reading.note_marks] == ["1"]



@pytest.mark.parametrize("head, ending, tail, bold", [
    ("Helvetica-Bold", "Helvetica", "Helvetica-Bold", True),
    ("Helvetica-Bold", "Helvetica-Bold", "Helvetica-Bold", True),
    ("Helvetica", "Helvetica", "Helvetica", False),
    ("Helvetica-Bold", "Helvetica", "Helvetica", False),
], ids=["regular-ending", "bold-ending", "regular-paragraph", "bold-run-in"])
def test_a_bold_paragraph_whose_ordinal_ending_is_regular_stays_one(tmp_path: Path, head: str, ending: str, tail: str,
                                                                    bold: bool) -> None:
    """Word sets the raised "th" of "7th" in the weight of its own run, regular in a bold title.
    The ending is part of its word, not text of another weight: the paragraph is not cut after the
    line that holds it (it was: "Outcomes of the 7th World …" / "Conference …"). A bold ending
    changes nothing, a regular paragraph stays regular, and a bold run-in ("Outcomes of the 7") before
    regular text still makes its line regular."""
    from pdfgen import MARGIN, text_op, word_widths, wrap, write_placed

    title = ("Outcomes of the 7th World Telecommunication Development Conference and their follow-up by "
             "the Bureau, the study groups and the regional offices of the Sector")
    plain = ("Member States are invited to contribute to the work of the Expert Group on "
             "Telecommunication and ICT Indicators and to share their national data every year")
    widths, space = word_widths(set(title.split()), tail, 11, tmp_path)
    plain_widths, plain_space = word_widths(set(plain.split()), "Helvetica", 11, tmp_path)
    lines = wrap(title, 300, widths, space)
    lead = lines[0][:lines[0].index("7th") + 1]
    lead_width = word_widths({lead}, head, 11, tmp_path)[0][lead]
    ending_width = word_widths({"th"}, ending, 7, tmp_path)[0]["th"]
    ops, top = [], MARGIN + 20
    for text, font in ((plain, "Helvetica"), (title, "title"), (plain, "Helvetica")):
        for k, line in enumerate(wrap(text, 300, widths, space) if font == "title" else wrap(text, 300, plain_widths, plain_space)):
            if font == "title" and k == 0:
                ops.append(text_op(MARGIN, top, lead, head, 11))
                ops.append(text_op(MARGIN + lead_width + 0.1, top - 4, "th", ending, 7))
                ops.append(text_op(MARGIN + lead_width + 0.1 + ending_width, top, line[len(lead) + 2:], tail, 11))
            else:
                ops.append(text_op(MARGIN, top, line, tail if font == "title" else font, 11))
            top += 13.5
        top += 12
    reading = read_pdf_detailed(write_placed(tmp_path / "ordinal.pdf", [ops]))
    assert len(lines) > 1
    assert [b.text for b in reading.raw.blocks] == [plain, title, plain]
    assert [b.bold for b in reading.raw.blocks] == [False, bold, False]
    assert reading.note_marks == []

def test_pdf_settings_are_passed_down_to_furniture_removal_and_table_stitching() -> None:
    """PdfSettings reach the reader: with no header/footer zone and an unreachable header-row
    similarity nothing is dropped, while the defaults drop running headers and the repeated "Region" row."""
    from actionplan_trace.extract import file_source
    from actionplan_trace.extract.pdf import pdf_reading
    from actionplan_trace.extract.pdf_settings import PDF_DEFAULTS, PdfSettings

    data, source = file_source(CORPUS / "objective2-old.pdf", "pdf")
    default = pdf_reading(data, source, settings=PDF_DEFAULTS)
    assert any(text == "Region" for _, text in default.furniture)
    assert len(default.furniture) > 1
    kept = pdf_reading(data, source, settings=PdfSettings(furniture_zone=0.0, header_similarity=101))
    assert kept.furniture == []
    texts = [c.text for b in kept.raw.blocks if b.type == "table" for row in b.rows for c in row]
    assert texts.count("Region") > [c.text for b in default.raw.blocks if b.type == "table" for row in b.rows for c in row].count("Region")


def test_words_set_apart_without_space_glyphs_keep_their_spaces(tmp_path: Path) -> None:
    """Chromium (printing a page) and TeX place words apart by moving the pen, with no space glyph
    between them; pdfium marks the spaces it infers there as generated. They were dropped, so
    "Implementation framework" read "Implementationframework" and no heading rule matched it. A
    generated space is kept where no space stands before it (a real one is never doubled)."""
    from pdfgen import Line, write_pdf

    lines = [Line("Output 2.1", "Helvetica-Bold", 14, spaces=False, word_gap=150),
             Line("Implementation framework", "Helvetica-Bold", 12, spaces=False, gap_before=8, word_gap=150),
             Line("The objective of this programme is to assist Member States.", spaces=False, gap_before=16),
             Line("A line with  its own spaces kept once.", gap_before=16)]
    path = write_pdf(tmp_path / "nospace.pdf", lines)
    assert [b.text for b in read_pdf(path).blocks] == [
        "Output 2.1", "Implementation framework", "The objective of this programme is to assist Member States.",
        "A line with its own spaces kept once."]


def test_a_wrapped_line_opening_with_a_dash_continues_its_sentence(tmp_path: Path) -> None:
    """A line that a wrap opens with a spaced dash ("materials, – and for") is not a dash-led
    list item when the line above ran to the measure without ending a clause; in a list of
    dash-led items, each dash line is an item even after an unpunctuated full line. (In a real
    table: test_chain_strategic, the SP-2012 PDF's toolkit outputs.)"""
    pdf = write_pdf(tmp_path / "dash.pdf", [
        Line("The programmes assist the membership to develop products such as model policies, rules,"),
        Line("strategies, plans, frameworks, procedures, guidelines, manuals, toolkits and materials,"),
        Line("– and for providing these products for use by the members of the Union, on request."),
        Line("Activities of the programme include the following:", gap_before=8),
        Line("– number of members assisted in planning their broadband networks and their services"),
        Line("– number of guidelines, handbooks, assessment studies and publications finalized for"),
        Line("– number of experts trained"),
    ])
    blocks = [(b.type, b.label, b.text) for b in read_pdf(pdf).blocks]
    assert blocks[0][:2] == ("paragraph", None)
    assert blocks[0][2].endswith("toolkits and materials, – and for providing these products for use by the members "
                                 "of the Union, on request.")
    assert [(kind, label) for kind, label, _ in blocks[1:]] == [("paragraph", None)] + [("list-item", "–")] * 3


@pytest.mark.parametrize("texts, phrases", [
    # A line the PDF ends with a space of its own broke at that space: "1,267/ " then "414,865" is
    # "1,267/ 414,865", as the .docx has it; "and/" with no space is a word the line broke in.
    (["The Bureau recorded notices for frequency assignments to space networks, in all 1,267/ ",
      "414,865 assignments in unplanned bands, and it examined the coordination requests and/",
      "or notifications of the administrations that were received in the course of the year."],
     ["in all 1,267/ 414,865 assignments", "coordination requests and/or notifications"]),
    # A column too narrow for "ITU-R" breaks it before the hyphen ("ITU" / "-R"): the hyphen's
    # line goes on with the word; a line opening with "-5" (a number) does not.
    (["The Study Groups of the Radiocommunication Sector, which the Bureau of the ITU",
      "-R supports, met four times in the year under review, with the changes in kHz of",
      "-5 per cent on the year before, as the report of the Director shows in its annex."],
     ["the Bureau of the ITU-R supports", "changes in kHz of -5 per cent"]),
], ids=["space-after-slash", "broken-before-hyphen"])
def test_wrapped_lines_join_as_the_docx_has_them(tmp_path: Path, texts: list[str], phrases: list[str]) -> None:
    """Where a wrapped line joins the line above with a space and where without."""
    (block,) = read_pdf(write_pdf(tmp_path / "wrapped.pdf", [Line(text) for text in texts])).blocks
    assert [phrase for phrase in phrases if phrase in block.text] == phrases


TWINS = [name for name in PDFS if (CORPUS / name.replace(".pdf", ".docx")).exists()]


@lru_cache(maxsize=None)
def docx_raw_words(name: str) -> Counter[str]:
    from actionplan_trace.extract.docx import read_docx

    raw = read_docx(CORPUS / name)
    return block_words(raw.blocks) + block_words(raw.footnotes)


@pytest.mark.parametrize("name", TWINS)
def test_a_word_read_whole_across_lines_is_a_word_of_the_docx(name: str) -> None:
    """A word a narrow column broke over lines without a hyphen is read as one only where the
    pieces make a word the .docx has: "regional" / "preparatory" stays two words."""
    joined = {"".join(pieces) for _, pieces in corpus_reading(name).broken_words}
    words_of_docx = set(docx_raw_words(name.replace(".pdf", ".docx")))
    assert joined <= words_of_docx, sorted(joined - words_of_docx)


def test_words_and_numbers_a_narrow_column_broke_are_read_whole() -> None:
    """LibreOffice breaks a word wider than its column where the line ends ("Coordinatio" / "n"),
    in a very narrow one more than once ("Se" / "pt" / "em" / "be" / "r 20" / "19"): the report's
    cells read as the .docx's, and as many times."""
    reading = corpus_reading("report-c20-35.pdf")
    cells = [c.text for b in reading.raw.blocks if b.rows for row in b.rows for c in row]
    assert "Coordination and notification requests / corresponding number of assignments in unplanned bands" in cells
    assert "Reports of harmful interference" in cells
    assert {"September 2019", "December 2018", "Academia", "2009", "2019"} <= set(cells)
    joined = Counter("".join(pieces) for _, pieces in reading.broken_words)
    assert {"Coordination", "corresponding", "assignments", "interference", "September", "Academia", "2019"} <= set(joined)
    # the plural of a word the PDF prints whole: "Members" / "hips", "Me" / "mb" / "ers" / "hip" / "s";
    # the singular of one ("associates"): "Ass" / "ocia" / "te"
    assert joined["Memberships"] == 2
    assert joined["Associate"] >= 8
    got, want = block_words(reading.raw.blocks), docx_raw_words("report-c20-35.docx")
    assert all(got[w] == want[w] for w in ("Coordination", "corresponding", "interference", "September", "December"))
    sp = corpus_reading("strategic-plan-2012.pdf")
    # "MoU" / "s": "MoUs" is printed whole only at a line's end, after which the PDF has a space
    assert Counter("".join(pieces) for _, pieces in sp.broken_words)["MoUs"] == 2
    got, want = block_words(sp.raw.blocks), docx_raw_words("strategic-plan-2012.docx")
    assert all(got[w] == want[w] for w in ("Telecommunication", "telecommunication", "Recommendations", "International"))


def test_numbers_a_narrow_column_broke_are_read_whole() -> None:
    """The report's membership tables set a number a column: one too wide for it is broken where
    the line ends ("26" / "3", "1,0" / "14", "18," / "512" / ",90" / "0", "-" / "3.61%"), and reads
    whole, as the .docx has it, in every cell."""
    from actionplan_trace.extract.docx import read_docx

    def numbers(blocks: list[Block]) -> list[list[list[str]]]:
        return [[[c.text for c in row[2:]] for row in b.rows] for b in blocks
                if b.rows and (b.rows[0][0].text == "Sector" or any(row[0].text == "% change" for row in b.rows))]

    pdf = numbers(corpus_reading("report-c20-35.pdf").raw.blocks)
    word = numbers(read_docx(CORPUS / "report-c20-35.docx").blocks)
    assert len(pdf) == len(word) == 4
    assert pdf == word
    cells = {text for table in pdf for row in table for text in row}
    assert {"263", "1,006", "18,033,250", "-0.79%", "0.02%", "2008"} <= cells


GLYPH = 5.0  # the width of every glyph of the cell lines below


def _cell_lines(texts: list[str]) -> list:
    """Left-aligned lines of a table cell in a monospaced 10 pt font, no space glyph at their ends."""
    from actionplan_trace.extract import pdf

    lines = []
    for text in texts:
        chars = [pdf.Char(c, i * GLYPH, (i + 1) * GLYPH, 0, 10, 10, False) for i, c in enumerate(text)]
        lines.append(pdf.Line(chars, text, 0.0, len(text) * GLYPH, 0, 10, 10, False))
    return lines


@pytest.mark.parametrize(
    ("texts", "width", "words", "joined"),
    [
        (["26", "3"], 12, (), "263"),  # "263" is wider than the column: the layout had to break it
        (["18,", "512", ",90", "0"], 15, (), "18,512,900"),  # broken after a comma, and in digits
        (["-", "3.61%"], 15, (), "-3.61%"),  # broken after the sign
        (["3", "1,250"], 25, (), "3 1,250"),  # "3" ended far short of the edge: two numbers
        (["26", "3"], 15, (), "26 3"),  # "263" fits the column: two numbers
        (["2019", "2020"], 20, (), "2019 2020"),  # "20192020" is no number
        (["Membership", "s"], 50, ("membership",), "Memberships"),  # the plural of a printed word
        # a printed "s" ("ITU's", "State(s)") is no word of its own: the plural still reads whole
        (["Notification", "s"], 60, ("notification", "s"), "Notifications"),
        (["Member", "a"], 30, ("member", "a"), "Member a"),  # "a" is one
        (["Ass", "ocia", "te"], 20, ("associates",), "Associate"),  # the singular of one
        (["Start", "up", "support"], 28, ("start", "up", "startups"), "Start up support"),  # two words
        (["Member", "es y"], 30, ("member", "y"), "Member es y"),  # "es" only after a sibilant
        # A word wider than the column, printed nowhere whole: a short lower-case end that is no
        # word of the document goes on with the piece the line holds alone (one letter is a word
        # only as "a"; "e.g." prints a "g").
        (["Propose", "d"], 36, ("d", "timing"), "Proposed"),
        (["by", "multistakehold", "er partnerships"], 72, ("partnerships",), "by multistakeholder partnerships"),
        (["in", "decisionmakin", "g at all levels"], 66, ("g", "at", "all"), "in decisionmaking at all levels"),
        (["ocia", "te"], 20, (), "ocia te"),  # a lower-case first line may go on with a word from elsewhere
        (["complemente", "by"], 56, ("by",), "complemente by"),  # a word of its own
        (["complemente", "a"], 56, (), "complemente a"),  # "a" is a word, printed or not
        (["Propose", "d"], 42, (), "Propose d"),  # the line ended a glyph short of the edge
        (["Propose", "d"], 36, ("propose",), "Propose d"),  # a printed word, then a letter: two
        (["and Propose", "d"], 56, (), "and Propose d"),  # not alone on its line: it could have moved
        (["Propose", "dness"], 36, (), "Propose dness"),  # longer pieces need the word printed
        (["allocated", "per region"], 45, (), "allocated per region"),  # three letters: a word as often
        (["infrastructure", "e.g. fibre"], 70, (), "infrastructure e.g. fibre"),  # an abbreviation
        (["complemented", "by"], 60, (), "complemented by"),  # a short word, printed or not
        (["comple", "mented", "by"], 30, ("complemented",), "complemented by"),  # "by" opens no word's end
        (["comple", "mented", "er"], 30, (), "comple mented er"),  # a middle piece opens no word
    ],
)
def test_broken_numbers_and_plurals_in_a_narrow_cell(texts: list[str], width: float, words: tuple[str, ...],
                                                     joined: str) -> None:
    from actionplan_trace.extract.pdf import broken_words, join_lines

    lines = _cell_lines(texts)
    broken_words(lines, 0.0, width, frozenset(words))
    assert join_lines([ln.text for ln in lines], None, [ln.spaced for ln in lines], [ln.broken for ln in lines]) == joined


def test_ruled_rows_whose_first_cell_is_empty_stay_rows() -> None:
    """A ruled table whose first column names a sector once for two rows ("ITU-R" / "Sector member",
    "" / "Associate") keeps both rows, as the .docx has them: a rule parts them."""
    from actionplan_trace.extract.docx import read_docx

    def tables(blocks: list[Block]) -> list[list[list[str]]]:
        return [[[c.text for c in row[:2]] for row in b.rows] for b in blocks if b.rows and b.rows[0][0].text == "Sector"]

    pdf = tables(corpus_reading("report-c20-35.pdf").raw.blocks)
    word = tables(read_docx(CORPUS / "report-c20-35.docx").blocks)
    assert len(pdf) == len(word) == 3
    for got, want in zip(pdf, word):  # white space aside: "ITU -R", "Ass ocia te" (test above)
        assert [[text.replace(" ", "") for text in row] for row in got] == [[text.replace(" ", "") for text in row] for row in want]
    assert [row[0] for row in pdf[0]] == ["Sector", "ITU-R", "", "ITU-T", "", "ITU-D", "", "Academia"]


def test_cells_broken_before_their_hyphen_read_as_the_docx() -> None:
    """The report's monthly membership table is too narrow for "ITU-R": "ITU" / "-R" is one word."""
    from actionplan_trace.extract.docx import read_docx

    def sectors(blocks: list[Block]) -> list[str]:
        return [c.text for b in blocks if b.rows and len(b.rows[0]) > 2 and "December 2018" in b.rows[0][2].text
                for row in b.rows for c in row if c.text.startswith("ITU")]

    got, want = sectors(corpus_reading("report-c20-35.pdf").raw.blocks), sectors(read_docx(CORPUS / "report-c20-35.docx").blocks)
    assert got == want == ["ITU-R", "ITU-T", "ITU-D"]


def _flat_text(text: str) -> str:
    """White space folded, and none between two punctuation marks (a line may break there)."""
    return re.sub(r"(?<=[^\w\s])\s+(?=[^\w\s])", "", " ".join(text.split()))


@pytest.mark.parametrize("stem", ["strategic-plan-2012", "report-c20-35", "action-plan-ba", "objective2-old"])
def test_body_paragraphs_read_whole_where_tables_set_lines_closer(stem: str) -> None:
    """Every body paragraph of 25 words or more in the .docx is one block of its PDF. SP-2012's
    tables set their lines closer (12.8 pt) than its body text (14.7 pt): measured over both, the
    body's pitch looked like a paragraph gap, and a line ending with a comma began a new paragraph
    (24 of its 73 such paragraphs were split)."""
    from actionplan_trace.extract.docx import read_docx

    word = read_docx(CORPUS / f"{stem}.docx")
    want = [_flat_text(b.text) for b in word.blocks
            if b.type == "paragraph" and not b.bold and b.outline_level is None and len(b.text.split()) >= 25]
    blocks = [b for b in corpus_reading(f"{stem}.pdf").raw.blocks if b.type != "table"]
    # a typed "1. New …" of the .docx is a list item "1." of the PDF (extract/numbered_items.py)
    got = {_flat_text(f"{b.label} {b.text}" if b.type == "list-item" and b.label else b.text) for b in blocks}
    assert len(want) >= 25
    assert [text[:60] for text in want if text not in got] == []



NUMBERED_HEADINGS = [("1", "Background"), ("2", "Implementation framework"), ("3", "Relevant regional initiatives"),
                     ("4", "Study group Questions"), ("5", "References to WTDC resolutions and WSIS action lines")]
BODY = "The following study group Questions will contribute to the achievement of Outcome 2.1"


@pytest.mark.parametrize("body_after", [(1, 3, 4), (2, 4), (0, 1, 2, 3, 4)], ids=["adjacent-1-2", "adjacent-1-2-3", "apart"])
def test_word_numbered_headings_set_apart_are_no_table(tmp_path: Path, body_after: tuple[int, ...]) -> None:
    """Word sets a numbered heading's number at the margin and its text at a tab stop 36 pt on
    ("3" … "Relevant regional initiatives"), a gap wide enough to part the line into two
    segments, so two or three headings in a row look like rows of a two-column table. The body
    lines under them start at the margin and run across the headings' text start: they end such
    a table, whose column edge would cut their words ("The fo" | "llowing"), and the headings
    read as lines, the number first."""
    from pdfgen import MARGIN, text_op, write_placed

    ops, top, expected = [], MARGIN + 20, []
    for k, (number, title) in enumerate(NUMBERED_HEADINGS):
        ops += [text_op(MARGIN, top, number, "Helvetica-Bold", 11), text_op(MARGIN + 36, top, title, "Helvetica-Bold", 11)]
        expected.append(f"{number} {title}")
        top += 22
        if k in body_after:
            ops.append(text_op(MARGIN, top, BODY, "Helvetica", 11))
            expected.append(BODY)
            top += 26
    reading = read_pdf_detailed(write_placed(tmp_path / "numbered.pdf", [ops]))
    assert [b.type for b in reading.raw.blocks if b.type == "table"] == []
    assert [b.text for b in reading.raw.blocks] == expected


def test_the_pieces_of_one_printed_line_stay_in_reading_order() -> None:
    """A list number set apart from its heading is a piece of the line of its own; a digit's
    glyph box lies a fraction of a point below a capital's (525.6 against 525.4 in a LibreOffice
    PDF). Both pieces are of one line, so the number comes first, wherever the two tops round."""
    from actionplan_trace.extract import pdf

    def glyphs(text: str, x: float, top: float) -> list[pdf.Char]:
        return [pdf.Char(c, x + 6 * i, x + 6 * (i + 1), top, 536.1, 11, True) for i, c in enumerate(text)]

    chars = glyphs("Implementation framework", 126.1, 525.4) + glyphs("2", 90.1, 525.6)
    lines = pdf.group_lines(chars, split_gap=pdf.PDF_DEFAULTS.line_split_gap)
    assert [ln.text for ln in lines] == ["2", "Implementation framework"]


def test_an_unruled_table_keyed_by_codes_stays_a_table(tmp_path: Path) -> None:
    """Rows keyed by a code rather than a list number ("Q1/1", "Q2/1" …, each set at the
    margin with its title at a tab stop) are an unruled two-column table, as before."""
    from pdfgen import MARGIN, text_op, write_placed

    rows = [("Q1/1", "Strategies and policies for the deployment of broadband"),
            ("Q2/1", "Broadband access technologies, including IMT"), ("Q3/1", "The use of telecommunications/ICTs"),
            ("Q4/1", "Economic policies and methods of determining the costs")]
    ops = [op for k, (code, title) in enumerate(rows)
           for op in (text_op(MARGIN, MARGIN + 20 + 18 * k, code), text_op(MARGIN + 72, MARGIN + 20 + 18 * k, title))]
    reading = read_pdf_detailed(write_placed(tmp_path / "questions.pdf", [ops]))
    [table] = [b for b in reading.raw.blocks if b.type == "table"]
    assert [[c.text for c in row] for row in table.rows or []] == [list(row) for row in rows]


def _headed_pages(tmp_path: Path, name: str, top_line: Callable[[int], str], bottom_line: Callable[[int], str] | None = None,
                  top_size: float = 11, outline: list[tuple[int, str, int | None]] | None = None,
                  count: int = 8) -> PdfReading:
    """`count` pages, each with `top_line(page)` near its top edge in bold `top_size` (none where
    it is empty) and `bottom_line(page)` near its bottom one, then two body paragraphs of its own
    in 11 points; `outline`: the PDF's bookmarks (depth, title, 0-based page)."""
    from pdfgen import FONTS, MARGIN, PAGE_H, font_id, text_op, write_pages

    pages = []
    for n in range(count):
        ops = [text_op(MARGIN, 60, top_line(n), "Helvetica-Bold", top_size)] if top_line(n) else []
        ops += [text_op(MARGIN, 140 + 40 * k, f"Paragraph {k + 1} of page {n + 1} tells what was done in {2019 + n}.")
                for k in range(2)]
        if bottom_line is not None:
            ops.append(text_op(MARGIN, PAGE_H - 40, bottom_line(n), "Helvetica", 9))
        pages.append(ops)
    path = write_pages(tmp_path / name, pages, list(FONTS), outline, ids={n: font_id(n) for n in FONTS})
    return read_pdf_detailed(path)


def test_running_headers_and_footers_however_numbered_are_furniture(tmp_path: Path) -> None:
    """A header whose number holds over pages like a chapter's, a footer with a fixed document
    number and the page number, and footers numbered in Roman, then Arabic, then afresh for an
    annex are furniture; each page's own paragraphs stay."""
    running = _headed_pages(tmp_path, "running.pdf", lambda n: f"Chapter {n // 4 + 1} - ITU-D Action Plan",
                            lambda n: f"WTDC-22/45-E - page {n + 3} of 12")
    assert not any("Chapter" in b.text or "WTDC" in b.text for b in running.raw.blocks)
    assert len(running.furniture) == 16
    assert sum(b.text.startswith("Paragraph") for b in running.raw.blocks) == 16

    pages = ["i", "ii", "1", "2", "3", "4", "1", "2"]  # front matter in Roman, an annex numbered afresh
    footers = _headed_pages(tmp_path, "footers.pdf", lambda n: "Report on the implementation of the plan",
                            lambda n: f"Report 2019 - page {pages[n]}")
    assert sorted(text for _, text in footers.furniture) == sorted(
        ["Report on the implementation of the plan"] * 8 + [f"Report 2019 - page {p}" for p in pages])


def test_two_sided_running_headers_are_furniture_whatever_the_page_count(tmp_path: Path) -> None:
    """Set for two-sided printing, the report's title heads the even pages and the chapter's the
    odd ones, with a cover before them that has neither, and the footer's page number sits left
    on even pages and right on odd ones: each header stands on fewer than half the pages, yet
    every one is dropped, with every page's own paragraphs kept. A line atop half the odd pages
    that also stands on an even one stays (nine pages, so under half of all)."""
    def top(n: int) -> str:
        return "" if n == 0 else ("WTDC-17 Final Report", "Chapter 2 - Implementation of the Action Plan")[n % 2]

    def foot(n: int) -> str:
        return f"{n + 1} - Final Report" if n % 2 == 0 else f"Chapter 2 - page {n + 1}"

    for count in (9, 10):
        two_sided = _headed_pages(tmp_path, f"two-sided-{count}.pdf", top, foot, count=count)
        assert sorted(text for _, text in two_sided.furniture) == sorted(
            [top(n) for n in range(1, count)] + [foot(n) for n in range(count)])
        assert [b.text for b in two_sided.raw.blocks] == [
            f"Paragraph {k} of page {n + 1} tells what was done in {2019 + n}." for n in range(count) for k in (1, 2)]

    def scattered(n: int) -> str:
        return "Progress achieved" if n in (1, 3, 6) else f"Title of page {n + 1}"

    kept = _headed_pages(tmp_path, "scattered.pdf", scattered, count=9)
    assert [b.text for b in kept.raw.blocks if b.text == "Progress achieved"] == ["Progress achieved"] * 3


def test_a_heading_in_a_heading_size_opening_each_page_is_no_running_header(tmp_path: Path) -> None:
    """"Objective 1" … "Objective 8" in 16 points atop pages 1 to 8 differ from each other only in
    their numbers, as page numbers do, but their size and form (a label, its number) make them
    headings: each page's section is read, under its footer dropped. The same words in the
    body's size are dropped, and so are a chapter's title in 16 points atop each of its four
    pages and a header in 16 points that numbers its pages after a title."""
    def footer(n: int) -> str:
        return f"Action Plan - page {n + 1}"

    large = _headed_pages(tmp_path, "objectives.pdf", lambda n: f"Objective {n + 1}", footer, top_size=16)
    assert [b.text for b in large.raw.blocks if b.text.startswith("Objective")] == [f"Objective {n}" for n in range(1, 9)]
    assert sorted(text for _, text in large.furniture) == sorted(footer(n) for n in range(8))
    doc = load(tmp_path / "objectives.pdf", "generic")
    assert [s.title for s in doc.sections if s.blocks] == [f"Objective {n}" for n in range(1, 9)]
    assert [b.text for b in doc.sections[-1].blocks] == [f"Paragraph {k} of page 8 tells what was done in 2026." for k in (1, 2)]

    body_size = _headed_pages(tmp_path, "bold.pdf", lambda n: f"Objective {n + 1}", footer)
    assert not any(b.text.startswith("Objective") for b in body_size.raw.blocks)
    chapters = _headed_pages(tmp_path, "chapters.pdf", lambda n: f"Chapter {n // 4 + 1}", footer, top_size=16)
    assert not any(b.text.startswith("Chapter") for b in chapters.raw.blocks)
    assert sum(text.startswith("Chapter") for _, text in chapters.furniture) == 8
    numbered = _headed_pages(tmp_path, "numbered.pdf", lambda n: f"Annual Report 2023 | {n + 1}", footer, top_size=16)
    assert not any(b.text.startswith("Annual") for b in numbered.raw.blocks)


def test_a_line_the_bookmarks_name_on_its_page_is_no_running_header(tmp_path: Path) -> None:
    """Headings in the body's size, "Summary" and "Details" in turn atop each page, are alike on
    half the pages; the bookmarks name each on its page, so each is read. A running header that
    is also a bookmark's title (the report's title, bookmarked once) is still dropped on every
    page."""
    def title(n: int) -> str:
        return ("Summary", "Details")[n % 2]

    bookmarked = _headed_pages(tmp_path, "bookmarked.pdf", title, outline=[(0, title(n), n) for n in range(8)])
    assert [b.text for b in bookmarked.raw.blocks if b.text in ("Summary", "Details")] == [title(n) for n in range(8)]
    assert bookmarked.furniture == []
    unmarked = _headed_pages(tmp_path, "unmarked.pdf", title)
    assert len(unmarked.furniture) == 8
    banner = _headed_pages(tmp_path, "banner.pdf", lambda n: "Report on the implementation of the plan",
                           outline=[(0, "Report on the implementation of the plan", 0)])
    assert len(banner.furniture) == 8


def test_a_year_in_small_type_at_the_foot_of_a_page_is_no_footnote(tmp_path: Path) -> None:
    """"2026" alone in small type under a page's body (a cover's date) is text, not note 202
    reading "6"; a small line that opens with a note number is still a footnote."""
    from pdfgen import MARGIN, text_op, write_placed

    def page(foot: str) -> list[bytes]:
        return [text_op(MARGIN, 100, "Strategic Plan for the Union", "Helvetica-Bold", 20),
                text_op(MARGIN, 160, "The plan sets out the goals of the Union.", "Times-Roman", 11),
                text_op(MARGIN, 600, foot, "Times-Roman", 8)]

    year = read_pdf_detailed(write_placed(tmp_path / "year.pdf", [page("2026")]))
    assert year.raw.footnotes == []
    assert [b.text for b in year.raw.blocks][-1] == "2026"
    note = read_pdf_detailed(write_placed(tmp_path / "note.pdf", [page("1 See Resolution 71 (Rev. Dubai, 2018).")]))
    assert [(b.label, b.text) for b in note.raw.footnotes] == [("1", "See Resolution 71 (Rev. Dubai, 2018).")]
    for amount in ("100,000 people were connected in 2025.", "12.5 % of households have fixed broadband."):
        body = read_pdf_detailed(write_placed(tmp_path / "amount.pdf", [page(amount)]))
        assert body.raw.footnotes == [] and [b.text for b in body.raw.blocks][-1] == amount


def test_a_note_line_opening_with_a_number_continues_the_note_unless_it_is_the_next_note(tmp_path: Path) -> None:
    """In small type under the body, "30 countries in Africa." at the notes' left edge continues
    note 1, "2 See …" starts note 2 and "4 See …" note 4 (a note skipped); a raised label set tight
    against a year is the note's."""
    from pdfgen import MARGIN, text_op, write_placed

    body = [text_op(MARGIN, 100, "Strategic Plan for the Union", "Helvetica-Bold", 20)]
    body += [text_op(MARGIN, 160 + 20 * k, f"The plan sets out goal {k + 1} of the Union and how it is measured.",
                     "Times-Roman", 11) for k in range(4)]
    notes = [text_op(MARGIN, 600, "1 The survey covered", "Times-Roman", 8),
             text_op(MARGIN, 610, "30 countries in Africa.", "Times-Roman", 8),
             text_op(MARGIN, 620, "2 See Resolution 71.", "Times-Roman", 8),
             text_op(MARGIN, 630, "4 See Resolution 25.", "Times-Roman", 8)]
    reading = read_pdf_detailed(write_placed(tmp_path / "wrapped.pdf", [body + notes]))
    assert [(b.label, b.text) for b in reading.raw.footnotes] == [
        ("1", "The survey covered 30 countries in Africa."), ("2", "See Resolution 71."), ("4", "See Resolution 25.")]
    raised = [text_op(MARGIN, 597, "1", "Times-Roman", 5), text_op(MARGIN + 3, 600, "2026 figures are provisional.",
                                                                   "Times-Roman", 8)]
    reading = read_pdf_detailed(write_placed(tmp_path / "raised.pdf", [body + raised]))
    assert [(b.label, b.text) for b in reading.raw.footnotes] == [("1", "2026 figures are provisional.")]


def test_a_justified_lines_note_mark_set_apart_from_its_word_is_a_mark() -> None:
    """A justified line in small type (LibreOffice, Times New Roman 8) may set a footnote's raised
    mark a tenth of the font size or more after the word it marks; pdfium makes up a space there,
    and the mark was read as text: "telecommunications 1," (a review's finding, and a "{+1+}" in
    every diff against its .docx). The fixture (scripts/make_layout_fixtures.py) marks nine
    paragraphs so, seven of them set apart; every mark goes to its note."""
    from actionplan_trace import app

    path = FIXTURES / "justified-note-marks.pdf"
    reading = read_pdf_detailed(path)
    assert [mark for _, mark in reading.note_marks] == [str(n) for n in range(1, 10)]
    texts = [b.text for b in reading.raw.blocks]
    assert len(texts) == 9 and all("platforms for telecommunications, information delivery" in t for t in texts)
    assert [b.text[:20] for b in reading.raw.footnotes] == ['The term "telecommun'] * 9
    assert app.compare(path.with_suffix(".docx"), path).changes == []


def test_a_note_the_layout_carries_over_a_page_is_one_note() -> None:
    """A footnote too long for its page goes on at the next page's foot, below the separator and
    above that page's own notes, with no number of its own: a review found its rest read as a body
    paragraph and the next note ("2 See WSIS Action Line C2 …") with it, so that the references of
    both moved into the body. The fixture (scripts/make_layout_fixtures.py, LibreOffice) carries
    note 1 over to page 2, where note 2 follows it."""
    from actionplan_trace import app

    path = FIXTURES / "long-note-over-page.pdf"
    raw = read_pdf(path)
    long_note = " ".join(["This note explains the scope of the term as used in WTDC Resolution 37 (Rev. Buenos Aires, "
                          "2017) and in PP Resolution 139 (Rev. Dubai, 2018)."] * 9)
    assert [(b.label, b.loc.page, b.text) for b in raw.footnotes] == [
        ("1", 1, long_note), ("2", 2, "See WSIS Action Line C2 and SDG target 9.c.")]
    assert not [b.text for b in raw.blocks if "This note explains" in b.text or "WSIS Action Line C2" in b.text]
    assert app.compare(path.with_suffix(".docx"), path).changes == []


def test_endnotes_printed_after_the_body_are_notes() -> None:
    """Endnotes, marked with raised roman numerals (i, ii, iii) and printed after the body
    (LibreOffice: on a page of their own at the end), are read as the .docx reader reads them:
    footnote blocks `endnote-1` …, labelled by their numerals, with the marks off the body's text.
    A review found "… as agreed in Panama 2124.i" in the body and the notes read as its last
    paragraphs ("i Endnote: figures as reported …"). The fixture (scripts/make_endnote_fixture.py,
    LibreOffice) has footnotes too, and the notes in a font and size of their own."""
    from actionplan_trace.extract.docx import read_docx

    path = FIXTURES / "endnotes.pdf"
    pdf, docx = read_pdf(path), read_docx(path.with_suffix(".docx"))

    def notes(blocks: list[Block]) -> list[tuple[str | None, str | None, str]]:
        return sorted((b.loc.footnote, b.label, b.text) for b in blocks)

    assert notes(pdf.footnotes) == notes(docx.footnotes)
    assert [b.label for b in pdf.footnotes if (b.loc.footnote or "").startswith("endnote-")] == ["i", "ii", "iii"]
    assert [b.text for b in pdf.blocks] == [b.text for b in docx.blocks]
    assert pdf.blocks[-1].text.endswith("as agreed in Doha 2006.")
