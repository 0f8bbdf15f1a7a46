"""PDF glyphs read as the .docx reads its runs: superscript digits that mark no note.

The fixtures are LibreOffice prints of small .docx files, each set in two fonts and sizes
(scripts/make_glyph_fixtures.py, run by hand); the tests need neither LibreOffice nor the .docx
reader's source, only the committed files."""

from __future__ import annotations

from pathlib import Path

from actionplan_trace.extract.pdf import read_pdf_detailed

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"


def test_superscript_digits_that_mark_no_note_stay_in_the_text() -> None:
    """A review found "8.6 × 10⁹" read as "8.6 × 10", "km²" as "km" and "2¹⁰" as "2" from a PDF:
    raised digits were taken off every line as notes' marks, and dropped where no note took them.
    They stay, as the .docx reader writes a superscript run, while the mark of the page's
    footnote still goes to its note."""
    from actionplan_trace import app

    path = FIXTURES / "superscripts.pdf"
    reading = read_pdf_detailed(path)
    texts = [b.text for b in reading.raw.blocks]
    for expected in ("Mobile subscriptions reached 8.6 × 10⁹ in 2022.", "Coverage area of 2.5 million km² was mapped in Accra.",
                     "Growth of 2¹⁰ devices per node is expected.", "A tank of 40 m³ holds the spare batteries."):
        assert texts.count(expected) == 2, expected  # once in each font
    assert texts[-1].endswith("as agreed in Kigali.")
    assert [(b.label, b.text) for b in reading.raw.footnotes] == [("1", "See Document TDAG-18/11 on the projects in Kigali.")]
    assert [mark for _, mark in reading.note_marks] == ["1"]
    assert app.compare(path.with_suffix(".docx"), path).changes == []


def test_marks_that_go_on_numbering_the_notes_are_notes_marks() -> None:
    """A page that prints no note but whose marks carry on the document's note numbers (a print
    that left those notes out) keeps them as marks; a page with notes puts back the marks they
    do not carry, and a number that skips the numbering is an exponent."""
    from actionplan_trace.extract.pdf_superscripts import keep_unnoted, note_marks

    pages = [({"1", "2"}, ["1", "2"]), (set(), ["4", "3"]), (set(), ["9"]), ({"5"}, ["5", "2"])]
    assert note_marks(pages, set()) == [{"1", "2"}, {"3", "4"}, set(), {"5"}]
    assert note_marks([(set(), ["1", "2"])], {"1"}) == [{"1"}]  # the end notes number the notes
    assert keep_unnoted("10 and km was 2 more", ["9", "2", "1"], [2, 9, 15], {"1"}) == ("10⁹ and km² was 2 more", ["1"], [17])
