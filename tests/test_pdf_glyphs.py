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


RIGHT_TO_LEFT = [
    "الهدف 2 – بنية تحتية حديثة وآمنة للاتصالات وتكنولوجيا المعلومات والاتصالات",
    "تعزيز قدرة الدول الأعضاء على نشر شبكات النطاق العريض في المناطق الريفية والنائية بحلول عام 2025، "
    "وزيادة نسبة التغطية إلى 95% من السكان (وفقاً للقرار 37) في البلدان النامية وأقل البلدان نمواً.",
    "المبادرات الإقليمية للدول العربية: ARB1 وARB2 وARB3 (انظر الوثيقة TDAG-18/11).",
]


def test_right_to_left_lines_are_read_in_reading_order() -> None:
    """A review found Arabic read backwards from a PDF ("فدهلا" for "الهدف"): glyphs were read left to
    right. A right-to-left line is read right to left, its numbers, percentages and Latin codes
    ("2025", "95%", "TDAG-18/11") in their own order, its brackets the right way round and its
    vowel signs on their letters, in two fonts and sizes; Hebrew too. The .docx and its PDF diff
    clean."""
    from actionplan_trace import app

    path = FIXTURES / "right-to-left.pdf"
    texts = [b.text for b in read_pdf_detailed(path).raw.blocks]
    for expected in RIGHT_TO_LEFT:
        assert texts.count(expected) == 2, expected
    assert sum("(2017) כוללת 5 יעדים ו-15 תוצרים." in t for t in texts) == 2
    assert texts[0].startswith("Objective 2 – Modern") and texts[-1].startswith("Broadband networks are")
    # but for a space the monospaced font's wide Hebrew letters open inside a word
    changes = app.compare(path.with_suffix(".docx"), path).changes
    assert all("".join(c.old.split()) == "".join(c.new.split()) for c in changes)


def test_reading_order_inverts_the_bidirectional_algorithm() -> None:
    """Glyphs left to right as a right-to-left line draws them, read back: letters right to left,
    a number and a Latin word left to right, a combining mark after its letter wherever its box
    starts; a left-to-right line with one Arabic word reads only that word backwards."""
    from actionplan_trace.extract.pdf_script import reading_order

    def read(drawn: str, offsets: list[int] | None = None) -> tuple[str, list[int]]:
        parts = list(drawn)
        spans: list[tuple[float, float] | None] = [(float(k), k + 1.0) for k in range(len(parts))]
        out, moved = reading_order(parts, spans, offsets or [])
        return "".join(out), moved

    assert read("2025 ماع") == ("عام 2025", [])
    assert read("ARB1 :ةيبرعلا")[0] == "العربية: ARB1"
    assert read("the word ةملك here")[0] == "the word كلمة here"
    # a tanwin drawn over the alef's left edge, its box starting before the alef's
    parts, spans = ["ً", "ا", "د"], [(0.2, 0.8), (0.5, 1.0), (1.0, 2.0)]
    assert "".join(reading_order(parts, spans, [])[0]) == "داً"


def test_no_space_is_made_up_beside_chinese_or_japanese_glyphs() -> None:
    """A review found spaces put into Chinese read from a PDF: "和 广播" where the line wrapped,
    "在 2019 年" and "见 WTDC" where the layout set a fifth of an em between Han glyphs and digits
    or Latin letters. Beside a Han or kana glyph a narrower gap is no space and a wrap joins with
    none, in two sizes and Latin fonts; a space typed between Han and Latin stays."""
    from actionplan_trace import app

    path = FIXTURES / "cjk-spacing.pdf"
    texts = [b.text for b in read_pdf_detailed(path).raw.blocks]
    assert texts.count("采用 ITU-T 建议的国家在2021年达到45个。") == 2
    assert sum(t.startswith("电信发展局在2019年向三十五个国家") and "并与WTDC第17号决议所述的区域举措ASP1、ASP2和ASP3相配合"
               in t and t.endswith("电信基础设施和服务的能力。") for t in texts) == 2
    assert sum(t.startswith("電気通信開発局は2019年に35か国へ") and t.endswith("地域イニシアティブを支援した。")
               and " " not in t for t in texts) == 2
    assert app.compare(path.with_suffix(".docx"), path).changes == []
