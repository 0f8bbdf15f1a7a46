"""Diff regressions a secretariat's black-box review found: a change of words in a heading read as
formatting, a one-word cell edit read as a removed and an added cell, a hidden kind of difference
marked inside a real edit, and a tab-separated contents list read as a table."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED

from actionplan_trace.diff import compare, diff_documents, reference_locator

SEEDS = SHARED / "seeds"
REPORT_SEED = SEEDS / "004_24966623405e6d92.txt"


@pytest.mark.skipif(not REPORT_SEED.exists(), reason="needs the shared seed texts")
def test_a_resolution_revision_changed_in_a_status_heading_is_a_change_of_words(tmp_path: Path) -> None:
    """Annex 1's status headings hold the resolution's number, its revision and its title; the
    section's title is only the last. A new revision ("Rev. Guadalajara, 2010" made "Rev. Busan,
    2014") changes words of the heading, not its formatting: it was hidden as formatting only."""
    text = REPORT_SEED.read_text(encoding="utf-8")
    heading = "91 (Rev. Guadalajara, 2010) Cost recovery"
    assert text.count(heading) == 1
    new = tmp_path / "new.txt"
    new.write_text(text.replace(heading, "91 (Rev. Busan, 2014) Cost recovery"), encoding="utf-8")
    result = compare(REPORT_SEED, new)
    assert [(c.kind, c.target, c.section_old, c.section_new, c.formatting_only, c.at_new, c.words)
            for c in result.visible()] == [
        ("renamed", "section", "res-91", "res-91", False, "paragraph 634",
         [("=", "91 (Rev. "), ("-", "Guadalajara, 2010"), ("+", "Busan, 2014"),
          ("=", ") Cost recovery for some ITU products and services")]),
    ]
    assert result.summary()["hidden"] == 0


ROADMAP_SEED = SEEDS / "002_7d280a28c15fa8de.txt"
OUTCOME_ROW = """
@action-line C2 | Information and Communication Infrastructure
  @wsis-outcome A | Governments should take action in order to support an enabling environment
    [timing] 2016-2019
    [goals-and-resolutions] Goal 1 Buenos Aires Action Plan Objective 2 Regional Initiatives
    [sdgs] 1, 2, 3, 4, 5, 8, 9, 10, 11, 16, 17
    [expected-results] Expected Results: harmonized policies for the ICT market
    [expected-results] ITU Activities: ITU Assessment Studies
"""


def test_a_one_word_cell_edit_is_that_cell_modified() -> None:
    """A roadmap row read as a section holds each cell as a block of its column: the one cell of a
    column in both revisions of the row is the same cell, however little of it is kept ("2016-2019"
    made "2016-2021" shares no word). It was a removed cell and an added one. A column of several
    paragraphs still pairs them by their words."""
    from outline import outline

    new = (OUTCOME_ROW.replace("2016-2019", "2016-2021").replace("Goal 1", "Goals 1 & 2")
           .replace("ITU Activities: ITU Assessment Studies", "Workshops"))
    changes = diff_documents(outline(OUTCOME_ROW), outline(new)).visible()
    assert [(c.kind, c.section_new, c.where, c.words) for c in changes] == [
        ("modified", "wsis-outcome-A", "timing column", [("-", "2016-2019"), ("+", "2016-2021")]),
        ("modified", "wsis-outcome-A", "goals-and-resolutions column",
         [("-", "Goal"), ("+", "Goals"), ("=", " 1"), ("+", " & 2"),
          ("=", " Buenos Aires Action Plan Objective 2 Regional Initiatives")]),
        ("removed", "wsis-outcome-A", "expected-results column", None),
        ("added", "wsis-outcome-A", "expected-results column", None),
    ]


@pytest.mark.skipif(not ROADMAP_SEED.exists(), reason="needs the shared seed texts")
def test_a_one_word_cell_edit_in_a_roadmap_text_is_that_cell_modified(tmp_path: Path) -> None:
    """The review's case: outcome A of the C2 roadmap (a tab-separated row of seed 002) with its
    timing, goals and SDGs cells edited gives three modified cells of that row, in column order."""
    text = ROADMAP_SEED.read_text(encoding="utf-8")
    row = "new services\t2016-2019\tGoal 1 Buenos Aires Action Plan Objective 2 Regional Initiatives\t1, 2, 3, 4, 5, 8, 9, 10, 11, 16, 17\t"
    assert text.count(row) == 1
    edited = row.replace("2016-2019", "2016-2021").replace("Goal 1", "Goals 1 & 2").replace("11, 16", "11, 13, 16")
    new = tmp_path / "new.txt"
    new.write_text(text.replace(row, edited), encoding="utf-8")
    changes = compare(ROADMAP_SEED, new, locate=reference_locator()).visible()
    assert [(c.kind, c.section_old, c.section_new, c.where, c.at_new, c.words, c.refs_added) for c in changes] == [
        ("modified", "action-line-C2/A", "action-line-C2/A", "timing column", "paragraph 8, table row 3",
         [("-", "2016-2019"), ("+", "2016-2021")], []),
        ("modified", "action-line-C2/A", "action-line-C2/A", "goals-and-resolutions column", "paragraph 8, table row 3",
         [("-", "Goal"), ("+", "Goals"), ("=", " 1"), ("+", " & 2"),
          ("=", " Buenos Aires Action Plan Objective 2 Regional Initiatives")], ["ITU-GOAL-2"]),
        ("modified", "action-line-C2/A", "action-line-C2/A", "sdgs column", "paragraph 8, table row 3",
         [("=", "1, 2, 3, 4, 5, 8, 9, 10, 11,"), ("+", " 13,"), ("=", " 16, 17")], ["SDG-13"]),
    ]
