"""Reference forms whose reading turns on case or on the word after a number: "sdg 4" in lower
case, a count after a range of goals written with a capital ("SDG 3 – 20 Countries"), a word that
only looks like a misspelt initiative code ("SAP5"), and a count after a list's separator."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from pdfgen import Line, write_pdf

from actionplan_trace.loader import load
from actionplan_trace.refs import RefContext, document_refs, find_refs


def _docx(path: Path, paragraphs: list[str], font: str, size: float, heading: str = "References") -> Path:
    """A Word file: a heading in the Heading 2 style, then `paragraphs` in `font` at `size`
    points, each split into runs at its spaces (as Word splits runs at edits), every other run bold."""
    document = docx.Document()
    document.add_heading(heading, level=2)
    for text in paragraphs:
        paragraph = document.add_paragraph()
        for k, word in enumerate(text.split(" ")):
            run = paragraph.add_run(word + (" " if k < len(text.split(" ")) - 1 else ""))
            run.font.name, run.font.size, run.bold = font, Pt(size), k % 2 == 1
    document.save(str(path))
    return path


def _pdf(path: Path, paragraphs: list[str], font: str) -> Path:
    write_pdf(path, [Line("References", font="Helvetica-Bold", size=14)]
              + [Line(text, font=font, size=10.5, gap_before=14) for text in paragraphs])
    return path


def _read(tmp_path: Path, kind: str, paragraphs: list[str]) -> tuple[list, list]:
    if kind == "docx":
        path = _docx(tmp_path / "a.docx", paragraphs, "Garamond", 12)
    elif kind == "pdf":
        path = _pdf(tmp_path / "a.pdf", paragraphs, "Times-Roman")
    else:
        path = tmp_path / "a.txt"
        path.write_text("References\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    result = document_refs(load(path))
    return [(r.id, r.text) for r in result.refs], [(f.code, f.ref) for f in result.findings]


LOWER = ["This output supports sdg 4 and sdgs 3 and 5.",
         "It also serves Sdg target 9.c and the sdg: 16.",
         "Not references: the file sdg4.pdf, the tag #sdg4 and the site sdgs.un.org/goals."]


@pytest.mark.parametrize("kind", ["docx", "pdf", "text"])
def test_sdgs_in_lower_case_are_read(tmp_path: Path, kind: str) -> None:
    """DOMAIN.md's "SDG 4, 9, 11 and 16" written in lower case or with a capital only ("sdg 4",
    "sdgs 3 and 5", "Sdg target 9.c") is the same reference; "sdg" run into a number in lower case
    ("sdg4.pdf", "#sdg4") is a name, not one, and nor is a web address."""
    refs, findings = _read(tmp_path, kind, LOWER)
    assert [ref_id for ref_id, _ in refs] == ["SDG-4", "SDG-3", "SDG-5", "SDG-9.c", "SDG-16"]
    assert refs[0][1] == "sdg 4" and refs[3][1] == "Sdg target 9.c"
    assert findings == []


@pytest.mark.parametrize("text, ids, codes", [
    ("Case studies: SDG 3 – 20 Countries reported progress.", ["SDG-3"], []),
    ("SDGs 4-25 Years of data were compiled.", ["SDG-4"], []),
    ("ITU Strategic Goal 2 – 30 Regions took part.", ["ITU-GOAL-2"], []),
    ("PP Resolution 64 – 10 Countries asked for more.", ["PP-RES-64"], []),
    # a capital after a range that is one still opens a heading's word; a range past the last goal
    # with no count after it is still reported
    ("SDGs 3-5 Highlights", ["SDG-3", "SDG-4", "SDG-5"], []),
    ("SDGs 1 to 20 Targets", ["SDG-1"], ["REF008"]),
])
def test_a_capitalised_count_after_a_range_that_cannot_be_one_is_a_count(text: str, ids: list[str], codes: list[str]) -> None:
    """"SDG 3 – 20 Countries": 20 is no goal, and "Countries" counts it, capital or not, so SDG 3
    stands alone with no REF008; where the range could be one ("SDGs 3-5 Highlights") the capital
    opens a heading's word and the range stands."""
    refs, findings = find_refs(text, RefContext())
    assert [r.id.partition("@")[0] for r in refs] == ids
    assert [f.code for f in findings if f.code in ("REF008", "REF002")] == codes


def test_a_capitalised_count_in_a_word_file_title(tmp_path: Path) -> None:
    """The same in a heading and a table-less paragraph of a Word file in another font."""
    path = _docx(tmp_path / "b.docx", ["Health outcomes: SDG 3 – 20 Countries, SDG 5 – 25 Regions, SDG 4 – 45 Cities."],
                 "Verdana", 9, heading="SDG 3 – 20 Countries Report")
    result = document_refs(load(path))
    assert [r.id for r in result.refs] == ["SDG-3", "SDG-3", "SDG-5", "SDG-4"]
    assert [f.code for f in result.findings if f.code == "REF008"] == []


SWAPS = ["The Africa region made progress, as was ARF3 in 2019.",
         "The SAP5 upgrade, the FAR3 study, the ICS4 controls and the ERU4 unit were delivered; so was ASP5.",
         "Regional Initiatives (ARF3, EUR4)",
         "Under the initiatives for Europe, ERU4 was launched."]


@pytest.mark.parametrize("kind", ["docx", "pdf", "text"])
def test_a_swapped_region_code_is_a_misspelt_initiative_only_where_the_text_speaks_of_regions(
        tmp_path: Path, kind: str) -> None:
    """"ARF3" is AFR's code with two neighbouring letters swapped: read as RI-AFR3 with a REF007
    where its paragraph speaks of regions or initiatives, and in a list of initiatives. Elsewhere
    a swapped code is a name that only looks like one ("SAP5", "FAR3", "ICS4", "ERU4"): nothing
    read, no REF007; a region's own code ("ASP5") is read anywhere."""
    refs, findings = _read(tmp_path, kind, SWAPS)
    assert refs == [("RI-AFR3", "ARF3"), ("RI-ASP5", "ASP5"), ("RI-AFR3", "Regional Initiatives ARF3"),
                    ("RI-EUR4", "Regional Initiatives EUR4"), ("RI-EUR4", "ERU4")]
    assert [f for f in findings if f[0] == "REF007"] == [("REF007", "RI-AFR3"), ("REF007", "RI-AFR3"),
                                                         ("REF007", "RI-EUR4")]


@pytest.mark.parametrize("text, ids", [
    ("Resolutions 70, 71 always apply.", ["PP-RES-70", "PP-RES-71"]),
    ("PP Resolutions 70, 71 towards the goal.", ["PP-RES-70", "PP-RES-71"]),
    ("PP Resolution 55; 12 people took part.", ["PP-RES-55"]),
    ("PP Resolution 55, 4 Member States objected.", ["PP-RES-55"]),
    ("PP Resolution 55; 12 countries took part.", ["PP-RES-55"]),
])
def test_a_count_after_a_lists_separator_is_read_as_after_a_dash(text: str, ids: list[str]) -> None:
    """A number after a list's separator that a count follows opens a clause of its own, by the
    same words as after a range's dash ("12 countries", "12 people", "4 Member States"); an adverb
    ending in s ("always", "towards") is no plural noun, and the number stays in the list."""
    refs, _ = find_refs(text, RefContext(organ="PP"))
    assert [r.id for r in refs] == ids


def test_a_count_after_a_lists_separator_in_a_word_table(tmp_path: Path) -> None:
    """The same in a Word file: a paragraph of runs in two fonts and a table cell."""
    from docxgen import write_runs_docx

    path = write_runs_docx(tmp_path / "c.docx", "Implementation", 1,
                           [("PP Resolution 55; 12 people took part, ", {"font": "Arial", "size": 10}),
                            ("and PP Resolutions 70, 71 always apply.", {"font": "Georgia", "size": 11, "italic": True})],
                           [["Status", "Resolutions"], ["Done", "PP Resolution 130, 4 Member States objected"]])
    result = document_refs(load(path))
    assert [r.id for r in result.refs] == ["PP-RES-55", "PP-RES-70", "PP-RES-71", "PP-RES-130"]
