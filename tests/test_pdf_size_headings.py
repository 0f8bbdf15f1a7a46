"""A PDF whose bookmarks mark no heading still shows its headings by their type size: short
paragraphs set distinctly larger than the body are headings, the largest size the top level
(extract/pdf_outline.py, size_headings)."""

from __future__ import annotations

from pathlib import Path

from actionplan_trace import load
from actionplan_trace.extract.pdf_outline import size_headings
from actionplan_trace.extract.pdf_settings import PdfSettings
from actionplan_trace.model import Block, Loc

from pdfgen import Line, write_pdf

BODY = ("The Bureau assisted forty Member States in 2023 with national broadband plans and regulatory "
        "reviews, as Resolution 37 (Rev. Kigali, 2022) asks, and it reported on each of them.")
# Headings in regular weight, in another family than the body: only their size sets them apart.
LINES = [
    Line("Annual report of the Bureau", font="Helvetica-Bold", size=22),
    Line("to the Council, 2024", font="Helvetica-Bold", size=22),
    Line(BODY[:90], gap_before=12),
    Line(BODY[90:]),
    Line("Activities in the regions", font="Times-Roman", size=17, gap_before=14),
    Line("Africa", font="Times-Roman", size=13.5, gap_before=10),
    Line(BODY[:90], gap_before=6),
    Line(BODY[90:]),
    Line("2,417", font="Times-Roman", size=28, gap_before=10),
    Line("Americas", font="Times-Roman", size=13.5, gap_before=10),
    Line(BODY[:90], gap_before=6),
    Line(BODY[90:]),
    Line("Cooperation with other organizations", font="Times-Roman", size=17, gap_before=14),
    Line(BODY[:90], gap_before=6),
    Line(BODY[90:]),
    Line("A line in bold of the body size", font="Helvetica-Bold", gap_before=10),
    Line(BODY[:90], gap_before=6),
]


def test_headings_set_larger_than_the_body_are_headings_by_size(tmp_path: Path) -> None:
    doc = load(write_pdf(tmp_path / "sized.pdf", LINES))
    outline = [(s.level, s.title) for s in doc.sections if s.signal == "heading-style"]
    assert outline == [
        (1, "Activities in the regions"),
        (2, "Africa"),
        (2, "Americas"),
        (1, "Cooperation with other organizations"),
    ]
    # the title block before any body text is no heading by its size (this profile takes its bold
    # lines for headings, as it takes the bold line of body size at the end), the large figure is
    # text; the title's second line, in lower case at the line pitch, goes on after a line break
    signals = {s.title: s.signal for s in doc.sections}
    title = "Annual report of the Bureau\nto the Council, 2024"
    assert signals[title] == signals["A line in bold of the body size"] == "bold-line"
    africa = next(s for s in doc.sections if s.title == "Africa")
    assert "2,417" in [b.text for b in africa.blocks]


def test_bookmarks_outrank_sizes(tmp_path: Path) -> None:
    """A PDF with bookmarks takes its headings from them alone: its sizes are not looked at."""
    doc = load(write_pdf(tmp_path / "marked.pdf", LINES, outline=[(0, "Africa", 0)]))
    assert [s.title for s in doc.sections if s.signal == "heading-style"] == ["Africa"]


def _block(text: str, size: float, page: int = 1) -> Block:
    return Block("paragraph", text, loc=Loc(page=page), size=size)


def test_each_page_is_measured_against_its_own_body_size() -> None:
    """A browser scales each page to fit its widest table: a heading at 16 points over a body of 12
    on one page is the same level as one at 21.3 over 16 on the next, and that page's body text at
    16 points is no heading."""
    body = "Body text of the report that runs on for more than a few words. " * 6
    blocks = [_block(body, 12.0), _block("Spectrum management", 16.0), _block(body, 12.0),
              _block(body, 16.0, page=2), _block("Standardization", 21.3, page=2), _block(body, 16.0, page=2)]
    marked = size_headings(blocks)
    assert [(b.type, b.outline_level) for b in marked] == [
        ("paragraph", None), ("heading", 0), ("paragraph", None),
        ("paragraph", None), ("heading", 0), ("paragraph", None),
    ]


def test_a_size_printing_much_text_and_long_paragraphs_are_no_headings() -> None:
    """Large type the document prints much of (a lead paragraph, a slide's text) is no heading size,
    nor is a long paragraph in a heading size; the settings move both limits."""
    body = "Body text of the report that runs on for more than a few words. " * 20
    lead = "A lead paragraph set large, on what the year brought."  # 8 of them: a third of the body
    blocks = [_block(body, 11.0), *[_block(lead, 14.0)] * 8, _block("Results", 16.0),
              _block(" ".join(["word"] * 31), 16.0)]
    assert [b.type for b in size_headings(blocks)] == ["paragraph"] * 9 + ["heading", "paragraph"]
    loose = PdfSettings(heading_size_share=1.0, heading_size_words=40)
    assert [b.outline_level for b in size_headings(blocks, loose)] == [None] + [1] * 8 + [0, 0]


def test_headings_right_after_the_title_head_the_first_section(tmp_path: Path) -> None:
    """Large lines before any body text are the title block only up to the last in the largest of
    their sizes: smaller ones after it, straight before the first paragraph, are headings."""
    lines = [LINES[0], LINES[1], *LINES[4:]]  # the title, then "Activities in the regions", "Africa", text
    doc = load(write_pdf(tmp_path / "straight.pdf", lines))
    assert [(s.level, s.title) for s in doc.sections if s.signal == "heading-style"][:3] == [
        (1, "Activities in the regions"), (2, "Africa"), (2, "Americas"),
    ]


def test_a_page_of_small_type_keeps_its_paragraphs_in_the_body(tmp_path: Path) -> None:
    """A page set mostly in small type (a quoted list) is no page scaled down: its short paragraphs
    in the document's body size are body text, not headings."""
    small = "Annex text quoted in small type: the list of projects and partners for the year, one per line."
    lines = [Line("Report of the Bureau", font="Helvetica-Bold", size=22), Line(BODY[:90], gap_before=12),
             Line("Activities in the regions", font="Times-Roman", size=16, gap_before=14),
             *[Line(BODY[:90]) for _ in range(45)],
             Line("Annex", font="Times-Roman", size=16, gap_before=14), *[Line(small, size=9) for _ in range(12)],
             Line("The Council noted the list above.", gap_before=8), *[Line(small, size=9, gap_before=8) for _ in range(12)],
             Line("Member States may send comments.", gap_before=8), *[Line(small, size=9, gap_before=8) for _ in range(6)]]
    doc = load(write_pdf(tmp_path / "small.pdf", lines))
    assert [s.title for s in doc.sections if s.signal == "heading-style"] == ["Activities in the regions", "Annex"]


def test_a_pull_quote_set_large_is_no_heading(tmp_path: Path) -> None:
    """A quotation set large between quotation marks (a pull quote) is body text: the sections
    after it keep their parent."""
    lines = [*LINES[:8], Line("“Connectivity is a precondition for development, not a luxury.”",
                              font="Times-Italic", size=15, gap_before=10), *LINES[8:]]
    doc = load(write_pdf(tmp_path / "quoted.pdf", lines))
    assert [s.title for s in doc.sections if s.signal == "heading-style"] == [
        "Activities in the regions", "Africa", "Americas", "Cooperation with other organizations",
    ]
    africa = next(s for s in doc.sections if s.title == "Africa")
    assert any(b.text.startswith("“Connectivity") for b in africa.blocks)


def test_a_cover_subtitle_and_date_stay_in_the_title_block(tmp_path: Path) -> None:
    """Lines after the title in sizes no heading after the body text has (a subtitle, a date) are
    the title block's, not headings."""
    lines = [Line("Annual report of the Bureau", font="Helvetica-Bold", size=22),
             Line("Report of the Director to the Council", size=16, gap_before=8),
             Line("Geneva, March 2024", size=14.5, gap_before=8), *LINES[2:]]
    doc = load(write_pdf(tmp_path / "cover.pdf", lines))
    assert [s.title for s in doc.sections if s.signal == "heading-style"] == [
        "Activities in the regions", "Africa", "Americas", "Cooperation with other organizations",
    ]
