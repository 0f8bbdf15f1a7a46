"""A number followed by a noun of what documents count ("12 Regions", "20 Countries", "3 Sectors")
ends no range, whatever its case, its dash or its spacing: "SDG 5 – 12 Regions" is SDG 5 and twelve
regions, not SDGs 5 to 12. A capital counted only after a number that could end no range (past
goal 17, or below the first), so a range that could be one ("5–12") was spelled out."""

from __future__ import annotations

from pathlib import Path

import pytest
from docxgen import write_runs_docx
from pdfgen import Line, write_pdf

from actionplan_trace.loader import load
from actionplan_trace.refs import RefContext, document_refs, find_refs


@pytest.mark.parametrize(("text", "expected"), [
    ("SDG 5 – 12 Regions took part in the survey.", ["SDG-5"]),
    ("SDG 5 - 12 Regions", ["SDG-5"]),
    ("Under SDG 5–12 Regions reported progress.", ["SDG-5"]),
    ("SDG 4 — 9 Economies joined", ["SDG-4"]),
    ("SDG 2 to 15 Countries", ["SDG-2"]),
    ("SDGs 1 – 3 Sectors of ITU contribute", ["SDG-1"]),
    ("SDG 9 – 14 COUNTRIES", ["SDG-9"]),
    ("Sustainable Development Goal 3 – 11 Cities", ["SDG-3"]),
    ("SDG target 9.1 – 4 Regions", ["SDG-9.1"]),
    ("SDG target 17.6 - 8 Administrations", ["SDG-17.6"]),
    ("WTDC Resolutions 30 – 33 Countries took part", ["WTDC-RES-30"]),
])
def test_a_counted_noun_with_a_capital_ends_no_range(text: str, expected: list[str]) -> None:
    refs, findings = find_refs(text, RefContext())
    assert [r.id for r in refs] == expected
    assert [f.code for f in findings if f.code in ("REF008", "REF006")] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("SDGs 3-5 Highlights", ["SDG-3", "SDG-4", "SDG-5"]),
    ("SDGs 5–12 Progress", [f"SDG-{n}" for n in range(5, 13)]),
    ("SDG 5 – 12 and regional work", [f"SDG-{n}" for n in range(5, 13)]),
    ("WTDC Resolutions 30 – 33 Apply", ["WTDC-RES-30", "WTDC-RES-31", "WTDC-RES-32", "WTDC-RES-33"]),
])
def test_a_range_before_other_words_is_still_a_range(text: str, expected: list[str]) -> None:
    refs, _ = find_refs(text, RefContext())
    assert [r.id for r in refs] == expected


def test_counted_nouns_in_a_word_file_and_a_pdf(tmp_path: Path) -> None:
    word = write_runs_docx(tmp_path / "report.docx", "SDG 5 – 12 Regions", 2, [
        ("Under SDG 8 ", {"font": "Georgia", "size": 10}), ("– 20 Countries", {"bold": True}),
        (" reported, and SDGs 3–5 as planned.", {"font": "Arial", "italic": True})],
        [["Goal", "Reach"], ["SDG 4 - 6 Sectors", "SDG 9 – 10 Cities"]])
    assert [r.id for r in document_refs(load(word)).refs] == ["SDG-5", "SDG-8", "SDG-3", "SDG-4", "SDG-5", "SDG-4",
                                                              "SDG-9"]
    pdf = tmp_path / "report.pdf"
    write_pdf(pdf, [Line("Results", font="Helvetica-Bold", size=14),
                    Line("Under SDG 5 – 12 Regions and SDG 16 - 17 Economies took part.", font="Times-Roman",
                         size=10.5, gap_before=14)])
    assert [r.id for r in document_refs(load(pdf)).refs] == ["SDG-5", "SDG-16"]
