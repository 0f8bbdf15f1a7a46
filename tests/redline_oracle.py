"""Views of a redline for the tests: accept-all and reject-all as words, by two independent readers.

The project's reader (`extract.docx`, not the code under test when the writer is) reads the
redline in its accepted and original views; pandoc, when installed, reads it a second,
wholly independent way. Both must give NEW's words for accept-all and OLD's for reject-all.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from actionplan_trace.diff.api import compare
from actionplan_trace.extract.docx import read_docx
from actionplan_trace.model import Block
from actionplan_trace.render.redline import word_report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def reader_words(path: Path, view: str = "accepted") -> list[str]:
    """Every word of the body and notes, as the project's reader reads `path` in `view`; a table's
    cells parted by "|", its empty cells left out (the reader lays a row out on its table's grid,
    and the slots a span covers hold no words: a redline keeps NEW's grid under OLD's cells)."""
    raw = read_docx(path, view=view)
    return " ".join(_words_text(b) for b in [*raw.blocks, *raw.footnotes]).split()


def _words_text(block: Block) -> str:
    """A block's text, a table's without its empty cells."""
    if block.rows is None:
        return block.text
    return "\n".join(" | ".join(c.text for c in row if c.text) for row in block.rows)


def make_redline(old: Path, new: Path, out: Path, **options: object) -> tuple[bytes, list[str]]:
    """Compare two files and write their redline to `out`; returns its bytes and notes."""
    data, notes = word_report(compare(old, new), **options)  # type: ignore[arg-type]
    out.write_bytes(data)
    return data, notes


def part(data: bytes, name: str) -> etree._Element:
    """A parsed part of a .docx held in memory."""
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def styles_in_order(data: bytes) -> list[str]:
    """The paragraph style ids of the body (table cells included), in order ('' for none)."""
    body = part(data, "word/document.xml")
    out = []
    for p in body.iter(W + "p"):
        el = p.find(f"{W}pPr/{W}pStyle")
        out.append(el.get(W + "val") if el is not None else "")
    return out
