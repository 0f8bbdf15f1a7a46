"""Text, Markdown and HTML renderings of the corpus from six writers give the .docx's section tree.

corpus/text/renderings/ is made by scripts/make_text_renderings.py: pandoc's plain writer
(wrapped at 72 columns, grid and dashed tables), pandoc's Markdown writer (in .txt files, so
Markdown is sniffed by content; one file wrapped), pandoc's HTML writer (a standalone page, its
notes at the end), its gfm and commonmark writers (tables with lists in their cells as HTML
blocks, plain "[1]" notes) and a writer in the manner of Word's "Save as plain text" (tab-led
labels and cells). Each also diffs clean against its .docx: what differs is only space,
numbering and formatting, which `trace diff` hides by default. pandoc drops Word's automatic numbers of headings, so
for action-plan-ba.docx (whose introduction clauses are auto-numbered headings) the clause and
introduction (part 1) is checked for every clause title only; from part 2 on the trees must be
identical, and for every other file from the first section to the last.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from actionplan_trace import load
from actionplan_trace.app import compare

from conftest import CORPUS

RENDERINGS = CORPUS / "text" / "renderings"
FILES = sorted(p.name for pattern in ("*.txt", "*.html", "*.md") for p in RENDERINGS.glob(pattern))
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
        assert {"pandoc-plain", "pandoc-md", "pandoc-html", "pandoc-gfm", "pandoc-commonmark", "word-text"} <= writers, stem


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


@pytest.mark.parametrize("name", [f for f in FILES if f.split(".")[0] not in AUTO_NUMBERED])
def test_rendering_diffs_clean_against_its_docx(name):
    """No change but space, numbering and formatting between a rendering and its .docx: every word,
    list item, table cell and note of one is in the other, where the other has it. (Not for
    action-plan-ba.docx, whose automatic heading numbers pandoc leaves out.) A note's "[1]" mark was
    a word of its paragraph, a Markdown block quote's ">" one of its text, and a word that just fits
    a pandoc table column was glued to the word before it."""
    result = compare(CORPUS / f"{name.split('.')[0]}.docx", RENDERINGS / name)
    assert [(c.kind, c.old, c.new) for c in result.visible()] == []
