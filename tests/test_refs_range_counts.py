"""A number after a dash that counts something ("SDG 5 – 10 %", "SDG 3 – 20 countries", "SDGs 4-5
years") ends no range: the goal (or resolution) before the dash stands alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from docxgen import write_runs_docx

from actionplan_trace import app
from actionplan_trace.refs import RefContext, find_refs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Progress on SDG 5 – 10 % of the target was reached.", ["SDG-5"]),
        ("Progress on SDG 5 - 10 per cent of the target", ["SDG-5"]),
        ("the SDG 5 – 10 PER CENT rise", ["SDG-5"]),
        ("SDG5 – 10% of schools", ["SDG-5"]),
        ("Sustainable Development Goal 5 — 10 Percent", ["SDG-5"]),
        ("under SDG 5 – 10 percentage points more", ["SDG-5"]),
        ("SDG 3 – 20 countries joined the programme.", ["SDG-3"]),
        ("SDG 3 - 20 Member States joined", ["SDG-3"]),
        ("SDGs 4-5 years ago the survey began.", ["SDG-4"]),
        ("SDG 9 – 12 people were trained", ["SDG-9"]),
        ("SDG 9 – 12 million people", ["SDG-9"]),
        ("UN SDGs: 4, 9 – 10 weeks of training", ["SDG-4", "SDG-9"]),
        ("SDG targets 17.6–8 % of households", ["SDG-17.6"]),
        ("ITU Strategic Goals 1 – 3 countries", ["ITU-GOAL-1"]),
        ("PP Resolution 64 – 10 % of the budget", ["PP-RES-64"]),
        ("WTDC Resolution 9 – 12 countries took part", ["WTDC-RES-9"]),
    ],
)
def test_a_count_after_a_dash_ends_no_range(text: str, expected: list[str]) -> None:
    refs, findings = find_refs(text, RefContext(organ="PP"))
    assert [r.id for r in refs] == expected
    assert [f.code for f in findings if f.code in ("REF008", "REF010")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SDGs 3-5 are covered.", ["SDG-3", "SDG-4", "SDG-5"]),
        ("SDGs 3–5 address health and education.", ["SDG-3", "SDG-4", "SDG-5"]),
        ("SDGs 3 to 5 towards 2030", ["SDG-3", "SDG-4", "SDG-5"]),
        ("the SDGs 16–17 targets are monitored", ["SDG-16", "SDG-17"]),
        ("SDG targets 17.6-17.8 are met", ["SDG-17.6", "SDG-17.7", "SDG-17.8"]),
        ("the 2030 Agenda (Goals 15–17)", ["SDG-15", "SDG-16", "SDG-17"]),
        ("WTDC Resolutions 30 - 33 apply", ["WTDC-RES-30", "WTDC-RES-31", "WTDC-RES-32", "WTDC-RES-33"]),
    ],
)
def test_a_range_with_no_count_after_it_is_still_a_range(text: str, expected: list[str]) -> None:
    refs, _ = find_refs(text, RefContext(organ="PP"))
    assert [r.id for r in refs] == expected


def test_counts_after_a_dash_in_a_word_document(tmp_path: Path) -> None:
    path = write_runs_docx(tmp_path / "counts.docx", "Results", 2, [
        ("Work under SDG 5 ", {"font": "Cambria", "size": 10}), ("– 10 %", {"bold": True}),
        (" of the budget – and SDGs 3-5 as planned.", {"italic": True})],
        [["Goal", "Result"], ["SDG 3 – 20 countries", "SDGs 4-5 years of data; SDG 9 - 12 per cent"]])
    report = app.references(path)
    assert [r.id for r in report.refs] == ["SDG-5", "SDG-3", "SDG-4", "SDG-5", "SDG-3", "SDG-4", "SDG-9"]
    assert [f.code for f in report.findings if f.code == "REF008"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PP Resolutions 70, 71 address gender equality.", ["PP-RES-70", "PP-RES-71"]),
        ("PP Resolutions 70 and 71 focus on it.", ["PP-RES-70", "PP-RES-71"]),
        ("WTDC Resolutions 37, 45 discuss the digital divide", ["WTDC-RES-37", "WTDC-RES-45"]),
        ("Resolutions 70 and 71 plus the others", ["PP-RES-70", "PP-RES-71"]),
        ("PP Resolution 55; 12 countries took part", ["PP-RES-55"]),
        ("PP Resolution 55, 38 per cent of fellowships", ["PP-RES-55"]),
    ],
)
def test_a_verb_ending_in_ss_or_us_after_a_lists_last_number_is_no_count(text: str, expected: list[str]) -> None:
    """A list's number followed by a word ending in "ss" or "us" ("address", "focus", "discuss")
    is the list's; a plural noun or a share after it opens a clause of its own, as before."""
    refs, _ = find_refs(text, RefContext(organ="PP"))
    assert [r.id for r in refs] == expected
