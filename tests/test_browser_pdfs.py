"""PDFs a browser prints (scripts/make_browser_pdfs.py: headless Chromium, pandoc's HTML of a corpus
document, four looks) read as their .docx does.

A browser's print has no rule between table rows or at a page break, centres cells vertically
(or not, by style sheet), draws list bullets as shapes, prints notes at the end of the page and,
by default, its own header and footer. Each fixture must give its .docx's outcomes with their
indicator and output columns, its outputs and areas of work, its bulleted items (with the glyph
the style sheet draws), its note, and every word of the file must land in the model.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from actionplan_trace.app import load as load_file
from actionplan_trace.diff import diff_documents
from actionplan_trace.extract.pdf import PdfReading, read_pdf_detailed
from actionplan_trace.model import Block, Document
from actionplan_trace.refs import document_refs
from actionplan_trace.text_patterns import bullet_of

from conftest import CORPUS, norm, rejoined

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "browser"
# fixture -> the bullet its style sheet draws for an HTML list (pandoc's default is a disc), or
# None where the document's bullets are typed text (the .docx's own glyphs, printed as text)
BULLETS: dict[str, str | None] = {
    "objective2-old.pdf": "•",
    "objective2-old.top-square-a4.pdf": "▪",
    "objective2-old.sans-circle-landscape.pdf": "◦",
    "objective2-new.pdf": None,
    "action-plan-ba-bold.pdf": None,
}
# The whole plan in heading styles: its clauses lose their automatic numbers in pandoc's HTML and
# their heading look in the print, and its note begins a page of its own after the rule.
PLAIN_CLAUSES = "action-plan-ba.pdf"
# Tables at 62% of the text width: a word wider than its column breaks without a hyphen.
NARROW = "objective2-old.narrow-columns.pdf"
# Words that print broke which the document prints whole nowhere else: nothing tells their pieces
# from two words (a known limit).
UNSEEN = {"subscribers": "subscri bers", "implemented": "implemente d", "establishment": "establishme nt"}
WORD = re.compile(r"[^\W\d_]+|\d+")
# pandoc writes the .docx's dashes before indicators and typed bullets as text: compare without them
LEAD = re.compile(r"^(?:[-–•·]|\d+\.)\s+", re.MULTILINE)


@lru_cache(maxsize=None)
def load(path: Path) -> Document:
    """Each file read once for the module's tests (they only read the Documents)."""
    return load_file(path)


@lru_cache(maxsize=None)
def reading_of(path: Path) -> PdfReading:
    """Each print read with its furniture once for the module's tests (they only read the results)."""
    return read_pdf_detailed(path)


def docx_of(name: str) -> Path:
    return CORPUS / f"{name.split('.')[0]}.docx"


def flat(text: str) -> str:
    """Text without leading bullets and numbers, and without a space after a slash: "support/
    agreement" ends a line in the .docx's cell, and a browser's print holds no space glyph to
    tell that break from one inside "and/or" (test_pdf_extract: a PDF that holds one keeps it)."""
    return norm(LEAD.sub("", text)).replace("/ ", "/")


def of_kind(doc: Document, kind: str) -> list[tuple[str, str]]:
    return [(s.id, flat(s.title)) for s in doc.sections if s.kind == kind]


def bulleted(doc: Document) -> list[Block]:
    """The bulleted items outside tables (a table's cells are fields of its rows' sections), in order."""
    return [b for s in doc.sections for b in s.blocks if b.type == "list-item" and b.field is None]


def footnotes(doc: Document) -> list[tuple[str | None, str]]:
    return [(b.label, norm(b.text)) for s in doc.sections if s.kind == "footnotes" for b in s.blocks]


@pytest.mark.parametrize("name", [*sorted(BULLETS), PLAIN_CLAUSES])
def test_outcome_table_rows_as_in_the_docx(name: str) -> None:
    """Rows parted only by white space, cells centred or at the top, broken over pages under a
    repeated header: one outcome per row, with its whole indicator and output cells."""
    pdf, word = load(FIXTURES / name), load(docx_of(name))
    outcomes = [s for s in pdf.sections if s.kind == "outcome"]
    expected = [s for s in word.sections if s.kind == "outcome"]
    assert [s.id for s in outcomes] == [s.id for s in expected]
    assert len(outcomes) == (14 if name.startswith("action-plan") else 3)
    for got, want in zip(outcomes, expected, strict=True):
        assert flat(got.title) == flat(want.title)
        for column in ("indicators", "outputs"):
            assert flat(got.fields[column]) == flat(want.fields[column]), (got.id, column)


@pytest.mark.parametrize("name", sorted(BULLETS))
def test_outputs_areas_and_bullets_as_in_the_docx(name: str) -> None:
    """Bullets drawn as discs, squares or circles make list items, with that glyph as their label;
    typed ones keep theirs."""
    pdf, word = load(FIXTURES / name), load(docx_of(name))
    for kind in ("objective", "output", "area", "reference-group"):
        assert of_kind(pdf, kind) == of_kind(word, kind), kind
    assert [flat(b.text) for b in bulleted(pdf)] == [flat(b.text) for b in bulleted(word)]
    drawn = BULLETS[name]
    typed = Counter(b.label or bullet_of(b.text) for b in bulleted(word))
    expected = Counter({drawn: len(bulleted(word))}) if drawn else typed
    assert Counter(b.label for b in bulleted(pdf)) == expected


@pytest.mark.parametrize("name", [*sorted(BULLETS), PLAIN_CLAUSES])
def test_note_printed_at_the_end_is_a_footnote(name: str) -> None:
    """The note after the page's closing rule is the .docx's footnote, its "↩" link and its "1."
    gone, and its mark is out of the sentence that cites it."""
    pdf, word = load(FIXTURES / name), load(docx_of(name))
    assert footnotes(pdf) == footnotes(word)
    assert len(footnotes(pdf)) == 1
    text = " ".join(b.text for s in pdf.sections if s.kind != "footnotes" for b in s.blocks)
    assert "platforms for telecommunications, information" in text
    assert "In this document the term" not in text


@pytest.mark.parametrize("name", sorted(BULLETS))
def test_diff_against_the_docx_shows_nothing(name: str) -> None:
    """Against its .docx, a print differs in nothing a reader sees: what differs is formatting
    (tables read as paragraphs, bullets drawn), numbering or white space, all hidden."""
    result = diff_documents(load(docx_of(name)), load(FIXTURES / name))
    assert result.visible() == [], [(c.path[-1], c.old, c.new) for c in result.visible()]
    assert result.changes


# The prints whose one-column "Relevant regional initiatives" table breaks over a page, and the
# pages where the browser repeats its header row "Region".
REPEATED_HEADERS = {
    "objective2-old.top-square-a4.pdf": [10],
    "objective2-old.sans-circle-landscape.pdf": [8],
    "action-plan-ba-bold.pdf": [26, 43, 48, 50],
    "action-plan-ba.pdf": [30],
    NARROW: [12],
}


@pytest.mark.parametrize("name", sorted(REPEATED_HEADERS))
def test_header_a_one_column_table_repeats_over_a_page_is_dropped(name: str) -> None:
    """A one-column table has no column gap and reads as lines; where it breaks over a page, the
    header row the browser repeats ("Region", framed by rules) is dropped as page furniture, and
    the table's lines read as the .docx's cells."""
    reading = reading_of(FIXTURES / name)
    assert [page for page, text in reading.furniture if text == "Region"] == REPEATED_HEADERS[name]
    pdf, word = load(FIXTURES / name), load(docx_of(name))
    regions = [s for s in pdf.sections if s.title == "Relevant regional initiatives"]
    assert len(regions) == len([s for s in word.sections if s.title == "Relevant regional initiatives"]) >= 3
    for section in regions:
        lines = [line.strip() for b in section.blocks for line in b.text.split("\n")]
        assert lines.count("Region") == 1 and "EUR Region" in lines, lines


@pytest.mark.parametrize("name", [*sorted(BULLETS), PLAIN_CLAUSES, NARROW])
def test_nothing_lost_from_a_browser_print(name: str) -> None:
    """Every word on the pages is in the model, or dropped as the browser's header and footer (a
    word a narrow column broke over two lines is one)."""
    reading = reading_of(FIXTURES / name)
    document = pdfium.PdfDocument(str(FIXTURES / name))
    try:
        page_words = sum((Counter(WORD.findall(page.get_textpage().get_text_range())) for page in document), Counter())
    finally:
        document.close()
    for _, text in reading.furniture + reading.note_marks:
        page_words -= Counter(WORD.findall(text))
    page_words = rejoined(page_words, reading.broken_words)
    ours: Counter[str] = Counter()
    for b in reading.raw.blocks + reading.raw.footnotes:
        texts = [c.text for row in b.rows for c in row] if b.rows is not None else [b.label or "", b.text]
        ours += sum((Counter(WORD.findall(t)) for t in texts), Counter())
    assert ours == page_words


def test_clauses_printed_larger_without_numbers_are_the_docx_clauses() -> None:
    """action-plan-ba's introduction clauses ("1. Introduction", "1.1 World Summit…", automatic
    numbers in the .docx) print without numbers, set larger than the body, in a print without
    bookmarks: each is a heading by its size, and the .docx's clause (a section of another kind,
    the same title and content), not a removed section with all its text."""
    word, pdf = load(CORPUS / "action-plan-ba.docx"), load(FIXTURES / PLAIN_CLAUSES)
    sized = {s.title: s.signal for s in pdf.sections}
    for title in ("Introduction", "Structure of the Buenos Aires Action Plan", "Implementation framework guidelines",
                  "Coordination within ITU", "Partnerships"):
        assert sized[title] == "heading-style"
    result = diff_documents(word, pdf)
    assert not [c for c in result.changes if c.where in ("heading as a paragraph", "paragraph as a heading")]
    # what is left: pandoc restarts Clause 3's sub-numbers ("3.1 Programmes" prints "1. Programmes"),
    # so 3.1 is a clause 1 of its own, and 3.2 and 3.3, numbered no more, its subsections
    assert [(c.kind, c.target, c.new) for c in result.visible()] == [
        ("moved", "section", "Clause 1 – Programmes"),
        ("moved", "section", "Regional initiatives and other projects"),
        ("moved", "section", "Study group Questions"),
    ]


def test_a_numbered_heading_wrapped_over_two_lines_is_one_heading() -> None:
    """A big heading the print wraps ("3. Definitions of programmes, regional" / "initiatives and
    study groups") is one heading: the browser draws the list's "3." in the list's weight, not
    the heading's bold, and the wrapped line hangs under the heading's text, not its number."""
    titles = {s.id: s.title for s in load(FIXTURES / PLAIN_CLAUSES).sections}
    assert titles["clause-3"] == "Definitions of programmes, regional initiatives and study groups"
    assert "initiatives and study groups" not in [b.text for s in load(FIXTURES / PLAIN_CLAUSES).sections for b in s.blocks]


def test_words_a_narrow_column_broke_are_read_whole() -> None:
    """A word wider than its column, broken where the line ends without a hyphen ("telecommunica"
    / "tion/ICT"), is one word again: each such word is a word of the .docx, and against the .docx
    the print differs only in the words it prints whole nowhere else, a space inside a word that
    the diff hides as white space."""
    reading = reading_of(FIXTURES / NARROW)
    joined = Counter("".join(pieces) for _, pieces in reading.broken_words)
    assert {"telecommunication", "telecommunications", "Telecommunication", "cybersecurity", "infrastructure"} <= set(joined)
    assert sum(joined.values()) >= 8
    word = load(docx_of(NARROW))
    docx_words = {w for s in word.sections for b in s.blocks
                  for text in ([c.text for row in b.rows for c in row] if b.rows else [b.text]) for w in WORD.findall(text)}
    assert set(joined) <= docx_words
    result = diff_documents(word, load(FIXTURES / NARROW))
    assert result.visible() == []  # the words it prints whole nowhere else are white space, hidden by default
    split = [c for c in result.changes if any(piece in (c.new or "") for piece in UNSEEN.values())]
    assert len(split) == len(UNSEEN)
    assert all(result.hides(c) and "space" in c.differences for c in split)
    for change in split:
        removed = "".join(t for op, t in change.words or [] if op == "-")
        added = "".join(t for op, t in change.words or [] if op == "+")
        assert [UNSEEN[w] for w in UNSEEN if w in removed] == [piece for piece in UNSEEN.values() if piece in added]
        assert any(w in removed for w in UNSEEN)
    outcomes = {s.id: s for s in load(FIXTURES / NARROW).sections if s.kind == "outcome"}
    for want in (s for s in word.sections if s.kind == "outcome"):
        got = outcomes[want.id]
        assert flat(got.title) == flat(want.title)
        for column in ("indicators", "outputs"):
            text = flat(got.fields[column])
            for whole, pieces in UNSEEN.items():
                text = text.replace(pieces, whole)
            assert text == flat(want.fields[column]), (want.id, column)


def test_a_glyph_that_maps_to_no_character_shifts_no_other() -> None:
    """A full-width bracket of a CJK font without a character for it: pdfium's page text leaves it
    out, so each glyph after it used to take the box of the one before. Every line then lost its
    first letter to a paragraph of its own ("c" / "orporations"), and the references that wrapped."""
    doc = load(FIXTURES / "fullwidth-bracket.pdf")
    texts = [b.text for s in doc.sections for b in s.blocks]
    assert not [t for t in texts if len(t) == 1]
    assert any("the non-government corporations in developing countries）which take the lead" in t for t in texts)
    ids = [r.id for r in document_refs(doc).refs]
    assert ids[:4] == ["PP-RES-70", "PP-RES-175", "PP-RES-184", "PP-RES-198"]
    assert [i for i in ids if i.startswith("WTDC")] == [f"WTDC-RES-{n}" for n in (11, 17, 21, 30, 32, 37, 46, 50, 52, 55, 58, 68, 76)]
    assert [i for i in ids if i.startswith("WSIS")] == [f"WSIS-C{n}" for n in (2, 3, 4, 6, 7, 8)]
