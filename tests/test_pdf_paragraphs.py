"""PDF paragraphs read as their .docx gives them: the LibreOffice prints under tests/fixtures/pdf/
made by scripts/make_paragraph_fixtures.py, each beside the .docx it was printed from."""

from __future__ import annotations

import re
from pathlib import Path

from actionplan_trace.extract import read

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"


def _texts(name: str) -> list[str]:
    """The texts of the blocks `name` reads to."""
    return [block.text for block in read(FIXTURES / name).blocks]


def test_a_soft_hyphen_at_a_line_end_is_dropped_where_the_word_is_printed_whole_only_at_line_edges() -> None:
    """The long words the layout broke at a soft hyphen ("radiocom-" / "munication") are printed
    whole only on lines of their own: a word at a body line's edge is the document's word too, so
    the pieces make one word, in three fonts, sizes and alignments."""
    pdf, docx = _texts("manual-hyphens.pdf"), _texts("manual-hyphens.docx")
    assert pdf == docx
    assert not [word for text in pdf for word in re.findall(r"\w+-\w+", text)]


def test_a_word_a_narrow_column_breaks_is_rejoined_where_the_document_prints_it_whole_at_a_line_edge() -> None:
    """The narrow last column breaks long words without a hyphen ("framew" / "ork", "membe" /
    "rship"); the document prints each whole only on a line of its own, under the tables, and
    that is enough to read the pieces as one word, in two fonts and sizes."""
    printed = ["implementation", "telecommunications", "radiocommunication", "interoperability", "emergency",
               "framework", "membership", "platforms", "guidelines"]
    tables = [block.rows for block in read(FIXTURES / "narrow-column-words.pdf").blocks if block.rows]
    results = [row[-1].text.casefold() for rows in tables for row in rows]
    assert len(results) == 10
    for word in printed:
        assert sum(word in re.findall(r"\w+", text) for text in results) == 2, word


def test_contents_leaders_past_the_margin_do_not_cut_the_body_paragraphs_into_lines() -> None:
    """A contents list whose dot leaders run to a tab stop past the right margin, over body
    paragraphs in two fonts and sizes: the body's right edge is its own lines', so each body
    paragraph of the print is one paragraph, as in its .docx (before, each line was one)."""
    def bodies(name: str) -> list[str]:
        return [text for text in _texts(name) if "as agreed in" in text]

    docx = bodies("contents-past-margin.docx")
    assert len(docx) == 8
    assert bodies("contents-past-margin.pdf") == docx
