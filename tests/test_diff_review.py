"""Diff regressions a secretariat's black-box review found: a change of words in a heading read as
formatting, a one-word cell edit read as a removed and an added cell, a hidden kind of difference
marked inside a real edit, and a tab-separated contents list read as a table."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SHARED

from actionplan_trace.diff import compare

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
