"""The WSIS roadmap PDF (corpus/wsis-roadmaps.pdf, a LibreOffice export of seed 002 rebuilt as Word):
one five-column table per action line spanning many pages, group rows, footnotes, running header
and "Page X of Y" footer. Checked on the A4-landscape rendering and on a Letter-portrait one with
another font and margins, so the extractor is not tuned to one layout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from actionplan_trace.extract.pdf import PdfReading
from actionplan_trace.model import Document
from conftest import corpus_doc, corpus_reading

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
RENDERINGS = ["wsis-roadmaps.pdf", "wsis-roadmaps-letter.pdf"]
C5_GENEVA = ["A1", "A2", "B1", "B2", "B3", "B4", "B5", "C", "D", "E", "F", "G", "H", "I", "J"]
C5_WSIS10 = ["a.", "b.", "c.", "d.", "e.", "f."]
FIELDS = ("timing", "goals-and-resolutions", "sdgs", "expected-results")


def roadmaps_reading() -> PdfReading:
    """The roadmaps PDF read once for the tests that look at its flat blocks (they only read it)."""
    return corpus_reading("wsis-roadmaps.pdf")


def roadmap(name: str) -> Document:
    return corpus_doc(name)


@pytest.mark.parametrize("name", RENDERINGS)
def test_profile_is_detected_and_action_lines_found(name: str) -> None:
    doc = roadmap(name)
    assert doc.source.profile == "wsis-roadmap"
    assert doc.source.format == "pdf"
    lines = doc.of_kind("action-line")
    assert [(s.id, s.title) for s in lines] == [
        ("action-line-C2", "Information and Communication Infrastructure"),
        ("action-line-C5", "Building Confidence and Security in Use of ICTs"),
        ("action-line-C6", "Enabling Environment"),
    ]


@pytest.mark.parametrize("name", RENDERINGS)
def test_every_c5_row_is_one_outcome_with_four_fields(name: str) -> None:
    doc = roadmap(name)
    groups = [s for s in doc.children("action-line-C5") if s.kind == "wsis-outcome-group"]
    assert [g.title.split(" (")[0] for g in groups] == [
        "Geneva Plan of Action and Tunis Agenda for the Information Society",
        "WSIS+10 Outcome Documents",
    ]
    numbers = [[s.number for s in doc.children(g.id)] for g in groups]
    assert numbers == [C5_GENEVA, C5_WSIS10]
    for group in groups:
        for outcome in doc.children(group.id):
            assert outcome.kind == "wsis-outcome"
            for name_ in FIELDS:
                assert outcome.fields.get(name_, "").strip(), (outcome.id, name_)
            assert re.fullmatch(r"2016-2019", outcome.fields["timing"])
            assert outcome.fields["expected-results"].startswith("Expected Results")
            assert re.match(r"^[\d., a-c\n]+$", outcome.fields["sdgs"]), outcome.fields["sdgs"]


@pytest.mark.parametrize("name", RENDERINGS)
def test_rows_broken_by_a_page_break_are_whole(name: str) -> None:
    doc = roadmap(name)
    b1 = doc.section("action-line-C5/B1")
    assert b1.title.startswith("Governments, in cooperation with the private sector")
    assert b1.fields["outcome"].endswith("Developing guidelines that take into account ongoing efforts in these areas")
    resolutions = b1.fields["goals-and-resolutions"]
    assert resolutions.startswith("ITU Strategic Goal 3 (Target 3.1)")
    assert resolutions.rstrip().endswith("58 (Rev. Dubai 2012)")
    # C6 a. runs over three pages in the A4 rendering; its last paragraph must still be there.
    c6a = [s for s in doc.of_kind("wsis-outcome") if s.id.startswith("action-line-C6/") and s.number == "a."][0]
    assert "ITU-D Study Groups develop reports, guidelines, and recommendations" in c6a.fields["expected-results"]
    headers = [b for s in doc.sections if s.kind != "wsis-outcome-group" for b in s.blocks if b.type == "table"]
    assert len(headers) == 3  # one header row per action line: repeats on later pages were dropped
    groups = [(s.title[:26], [b.rows[0][0].text[:26] for b in s.blocks if b.rows]) for s in doc.of_kind("wsis-outcome-group")]
    assert [rows for _, rows in groups] == [[title] for title, _ in groups]  # each group row kept as a row


def test_outcome_counts_per_action_line() -> None:
    doc = roadmap("wsis-roadmaps.pdf")
    counts = {
        al.number: sum(len(doc.children(g.id)) for g in doc.children(al.id) if g.kind == "wsis-outcome-group")
        for al in doc.of_kind("action-line")
    }
    assert counts == {"C2": 16, "C5": 21, "C6": 23}


def test_footnotes_kept_apart_and_furniture_dropped() -> None:
    reading = roadmaps_reading()
    notes = reading.raw.footnotes
    assert [n.label for n in notes] == [str(i) for i in range(1, 13)]
    assert notes[0].text.startswith("WSIS outcomes for each action line will be listed")
    assert notes[0].loc.page == 1 and notes[4].loc.page > 1
    pages = reading.raw.source.pages
    assert pages is not None and pages > 20
    dropped = sorted(set(text for _, text in reading.furniture if not text.startswith(("Page ", "WSIS Outcomes"))))
    headers = [text for _, text in reading.furniture if text.startswith("WSIS Outcomes")]
    assert len(headers) >= 20  # the header row repeated on each continuation page
    tables = [b for b in reading.raw.blocks if b.type == "table"]
    assert not [r for t in tables for r in (t.rows or [])[1:] if r[0].text.startswith("WSIS Outcomes")]
    assert dropped == ["ITU WSIS Action Line Roadmaps"]
    numbers = [text for _, text in reading.furniture if text.startswith("Page ")]
    assert numbers == [f"Page {i} of {pages}" for i in range(1, pages + 1)]
    texts = [b.text for b in reading.raw.blocks]
    assert "ITU WSIS Action Line Roadmaps" not in texts
    assert not [t for t in texts if re.search(r"Page \d+ of \d+", t)]


def test_blocks_carry_pages_lines_and_heading_hints() -> None:
    raw = roadmaps_reading().raw
    heading = next(b for b in raw.blocks if b.text.startswith("Roadmap for WSIS Action Line C5"))
    assert heading.bold and heading.size and heading.size > 12
    assert heading.loc.page and heading.loc.page > 5 and heading.loc.line
    intro = next(b for b in raw.blocks if b.text.startswith("With the aim of strengthening"))
    assert not intro.bold and intro.text.endswith("(WTDC-17).")
    tables = [b for b in raw.blocks if b.type == "table"]
    assert [len(t.rows or []) for t in tables] == [19, 24, 26]
    assert all(len(row) == 5 for t in tables for row in t.rows or [])


def test_the_two_layouts_differ_in_no_cell_words_but_the_source_spacing() -> None:
    """The A4 and Letter renderings of one roadmap end the paragraphs of a cell at other lines
    (outcome H's "Regional Initiatives (…)" joins the line above in Letter, outcome I's cell
    splits after "ITU-T Objective 1"). Those are formatting-only regroupings in place: nothing
    is moved between rows, and no cell of C5 shows a change of words. What remains is what the
    two files do differ in: the Letter rendering prints no text for the later tables' footnotes
    (and, a punctuation-only change, joins a hyphen the source spaced: "el- Sheikh")."""
    from actionplan_trace.diff import diff_documents

    result = diff_documents(roadmap("wsis-roadmaps.pdf"), roadmap("wsis-roadmaps-letter.pdf"))
    shown = [c for c in result.changes if not c.formatting_only]
    assert not [c for c in result.changes if c.kind == "moved"]
    assert not [c for c in shown if (c.section_old or "").startswith("action-line-C5")]
    regrouped = {(c.section_old, c.where) for c in result.changes if c.formatting_only}
    assert {("action-line-C5/H", "2 paragraphs joined"), ("action-line-C5/I", "paragraph split in 2")} <= regrouped
    assert [(c.kind, c.where) for c in shown] == [("removed", "footnote")] * 8
    assert [(c.old or "").split("\t")[0] for c in shown] == [str(n) for n in range(5, 13)]


HYPHENATED = Path(__file__).parent / "fixtures" / "pdf" / "wsis-roadmap-hyphenated"


def test_a_cells_hyphen_at_a_page_foot_is_judged_as_a_bodys() -> None:
    """A review's WSIS roadmap C2 (LibreOffice, cells justified and hyphenated automatically; the
    fixture is its PDF and .docx) read the layout's hyphens at a page's foot as words' own, where a
    row's cell goes on over the page ("ser-" / "vices", "pro-" / "vide", "cir-" / "cumstances"),
    and dropped the one in "el-" / "Sheikh". The hyphen ending a cell's part on a page is judged
    by the same rules as a body line's (Hyphenation), and a capital after a lower-case head is no
    syllable break."""
    from actionplan_trace import app
    from actionplan_trace.extract.pdf import read_pdf

    cells = [cell.text for block in read_pdf(HYPHENATED.with_suffix(".pdf")).blocks for row in block.rows or []
             for cell in row]
    text = " ".join(cells)
    for wrong in ("ser-vices", "pro-vide", "in-cluding", "cir-cumstances", "elSheikh"):
        assert wrong not in text
    assert "connectivity of networks and services" in text and "national circumstances." in text
    assert "Sharm el-Sheikh" in text
    edits = [tuple(text for op, text in change.words or [] if op != "=")
             for change in app.compare(HYPHENATED.with_suffix(".docx"), HYPHENATED.with_suffix(".pdf")).changes]
    # but for white space, only these, which no word of the document tells from a layout's break
    assert [e for e in edits if len({"".join(t.split()) for t in e}) > 1] == [
        ("non-text", "nontext"), ("low-cost", "lowcost"), ("non-profit", "nonprofit")]
