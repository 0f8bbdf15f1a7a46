"""A rule drawn just under a line's text underlines it (a browser draws a link's underline as a
thin filled rectangle): it is no footnote separator, and the text below it stays in the body.
A short rule in free space above small numbered lines still parts the footnotes."""

from __future__ import annotations

from pathlib import Path

from actionplan_trace import load

from pdfgen import Line, write_pdf

BODY = "The Bureau assisted forty Member States with national broadband plans in 2023."


def test_an_underlined_link_is_no_footnote_separator(tmp_path: Path) -> None:
    lines = [
        Line("1. Sector activities", font="Helvetica-Bold"),
        Line(BODY, gap_before=6),
        Line("post-event report", underline=True, gap_before=6),
        Line("2. Other key activities by the Secretariat", font="Helvetica-Bold", gap_before=12),
        Line("The Secretariat continues to refine its services, according to WTDC Resolution 37.", gap_before=6),
        Line("2.1 Radio Regulations Board", font="Helvetica-Bold", gap_before=12),
        Line("The Board continued its work throughout the year.", gap_before=6),
        Line("", rule=144, gap_before=40),
        Line("1 A note on the year's figures.", size=8, gap_before=2),
    ]
    doc = load(write_pdf(tmp_path / "underlined.pdf", lines))
    assert [(s.number, s.title) for s in doc.sections if s.kind == "clause"] == [
        ("1", "Sector activities"), ("2", "Other key activities by the Secretariat"), ("2.1", "Radio Regulations Board"),
    ]
    assert "WTDC Resolution 37" in doc.section("clause-2").blocks[0].text
    assert [b.text for b in doc.section("footnotes").blocks] == ["A note on the year's figures."]
