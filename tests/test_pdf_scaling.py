"""Work that must grow linearly with a paragraph or a table however many pages it runs over (a
PDF within the page limit once took minutes): the work is counted, not timed. A paragraph's
lines are joined once, each join looks only at the end of the text so far, and a table stitched
over many pages counts each row's label once and has its text set once. And the glyphs every
page keeps until the document is read share what they can."""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium

from actionplan_trace.extract import hyphens, pdf, pdf_tables
from actionplan_trace.extract.pdf import join_lines, page_chars, read_pdf
from pdfgen import Line, TableStyle, lay_table, write_pdf, write_placed


class Counted:
    """A compiled pattern that counts its calls and the characters it is given."""

    def __init__(self, pattern) -> None:
        self.pattern, self.calls, self.chars = pattern, 0, 0

    def search(self, text: str, *args):
        self.calls, self.chars = self.calls + 1, self.chars + len(text)
        return self.pattern.search(text, *args)

    def match(self, text: str, *args):
        self.calls, self.chars = self.calls + 1, self.chars + len(text)
        return self.pattern.match(text, *args)


def _words(rng: random.Random, count: int) -> str:
    return " ".join("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
                    for _ in range(count))


def test_join_lines_looks_only_at_the_end_of_the_text(monkeypatch):
    counted = Counted(hyphens.WORD_BREAK_END)
    monkeypatch.setattr(hyphens, "WORD_BREAK_END", counted)
    texts = ["telecom-", "munication and ITU-", "R work / and"] * 1000
    joined = join_lines(texts)
    assert joined == " ".join(["telecom-munication and ITU-R work / and"] * 1000)
    assert counted.calls == len(texts) - 1 and counted.chars <= 3 * counted.calls


def test_a_paragraph_over_many_pages_is_joined_once(monkeypatch, tmp_path: Path):
    """One unbroken paragraph of 300 full lines in Courier over six pages: join_lines sees each
    line about once (it saw the whole paragraph again at every line added: 45,000 lines)."""
    rng = random.Random(7)
    lines = [_words(rng, 20)[:69] + "s" for _ in range(300)]  # every line as wide
    path = write_pdf(tmp_path / "long.pdf", [Line(text, font="Courier", size=9) for text in lines])
    seen: list[int] = []
    real = pdf.join_lines

    def counting(texts, *args, **kwargs):
        seen.append(len(texts))
        return real(texts, *args, **kwargs)

    monkeypatch.setattr(pdf, "join_lines", counting)
    blocks = read_pdf(path).blocks
    assert [b.type for b in blocks] == ["paragraph"]
    assert blocks[0].text == " ".join(lines)
    assert sum(seen) <= 2 * len(lines) + 2


def test_a_table_over_many_pages_counts_each_row_once(monkeypatch, tmp_path: Path):
    """A two-column ruled table of 400 rows over thirteen pages, its key column unlabelled, so
    that stitching asks at every page how many rows carry a label: each row's label is read about
    once per column (it was read again at every page: 5,160 times), and the table's text is
    set once."""
    rows = [[["Key"], ["Value"]]] + [[[f"Entry {_letters(k)}"], [f"Item {_letters(k)}"]] for k in range(400)]
    path = write_placed(tmp_path / "table.pdf", lay_table(rows, TableStyle(widths=(200, 200))))
    label = Counted(pdf_tables.KEY_LABEL)
    monkeypatch.setattr(pdf_tables, "KEY_LABEL", label)
    texts: list[int] = []
    real = pdf.table_text

    def counting(table_rows):
        texts.append(len(table_rows))
        return real(table_rows)

    monkeypatch.setattr(pdf, "table_text", counting)
    blocks = read_pdf(path).blocks
    assert [b.type for b in blocks] == ["table"]
    assert len(blocks[0].rows) == 401 and blocks[0].rows[-1][0].text == f"Entry {_letters(399)}"
    assert texts == [401]
    assert label.calls <= 3 * len(rows)


def _letters(k: int) -> str:
    """A key of letters for row `k` ("Ab", "Bb", …), no number: no label, no page-number look."""
    return "".join("ABCDEFGHIJ"[int(d)] for d in str(k)).capitalize() + "x"


def test_the_glyphs_of_a_line_share_their_measures(tmp_path: Path):
    """Every page's glyphs are kept until the document is read: the glyphs of a line hold one
    float object each for their top, bottom, baseline and size (a third less memory a glyph)."""
    path = write_pdf(tmp_path / "two.pdf", [Line("Shared measures of one line"), Line("and of the next")])
    document = pdfium.PdfDocument(path)
    page = document[0]
    chars = page_chars(page.get_textpage(), page.get_size()[1])
    assert "".join(c.text for c in chars) == "Shared measures of one lineand of the next"
    for measure in ("top", "bottom", "base", "size"):
        assert len({id(getattr(c, measure)) for c in chars}) == len({getattr(c, measure) for c in chars}) <= 2
    document.close()
