"""Text and HTML renderings of the corpus from four writers give the same section tree as the .docx.

corpus/text/renderings/ is made by scripts/make_text_renderings.py: pandoc's plain writer
(wrapped at 72 columns, grid and dashed tables), pandoc's Markdown writer (in .txt files, so
Markdown is sniffed by content; one file wrapped), pandoc's HTML writer (a standalone page, its
notes at the end) and a writer in the manner of Word's "Save as plain text" (tab-led labels and
cells). pandoc drops Word's automatic numbers of headings, so
for action-plan-ba.docx (whose introduction clauses are auto-numbered headings) the clause and
introduction (part 1) is checked for every clause title only; from part 2 on the trees must be
identical, and for every other file from the first section to the last.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from actionplan_trace import load

from conftest import CORPUS

RENDERINGS = CORPUS / "text" / "renderings"
FILES = sorted(p.name for p in RENDERINGS.glob("*.txt")) + sorted(p.name for p in RENDERINGS.glob("*.html"))
AUTO_NUMBERED = {"action-plan-ba"}


@lru_cache(maxsize=None)
def _tree(path: str) -> tuple[str, tuple[tuple[str, str, str | None, str, str | None], ...]]:
    doc = load(path)
    by_id = {s.id: s for s in doc.sections}
    return doc.source.profile or "", tuple(
        (s.id, s.kind, s.number, re.sub(r"\s+", " ", s.title), by_id[s.parent].id if s.parent else None)
        for s in doc.sections
    )


def _index(tree, section_id: str) -> int:
    return [s[0] for s in tree].index(section_id)


def test_every_writer_is_there():
    stems = {name.split(".")[0] for name in FILES}
    assert stems == {"objective2-old", "objective2-new", "action-plan-ba", "action-plan-ba-bold"}
    for stem in stems:
        writers = {name.split(".")[1] for name in FILES if name.split(".")[0] == stem}
        assert {"pandoc-plain", "pandoc-md", "pandoc-html", "word-text"} <= writers, stem


@pytest.mark.parametrize("name", FILES)
def test_rendering_gives_the_docx_tree(name):
    stem = name.split(".")[0]
    profile, expected = _tree(str(CORPUS / f"{stem}.docx"))
    got_profile, got = _tree(str(RENDERINGS / name))
    assert got_profile == profile
    if stem in AUTO_NUMBERED and name.split(".")[1].startswith("pandoc"):
        intro_titles = [s[3] for s in expected[: _index(expected, "part-2")] if s[1] == "clause"]
        doc = load(RENDERINGS / name)
        texts = {re.sub(r"\s+", " ", t) for s in doc.sections for t in [s.title, *(b.text for b in s.blocks)]}
        assert [t for t in intro_titles if t not in texts] == []
        got, expected = got[_index(got, "part-2"):], expected[_index(expected, "part-2"):]
    assert got == expected


def test_markdown_renderings_keep_no_marks():
    for name in FILES:
        if ".pandoc-md" not in name:
            continue
        doc = load(RENDERINGS / name)
        titles = [s.title for s in doc.sections]
        assert not [t for t in titles if re.search(r"\*\*|__|\]\(|\]\{|\\[-*\[\]\"']|(?<!\w)--(?!\w)", t)], name
        texts = [b.text for s in doc.sections for b in s.blocks]
        assert not [t for t in texts if re.search(r"\*\*|\]\{[#.]|\\[*\[\]\"']", t)], name
