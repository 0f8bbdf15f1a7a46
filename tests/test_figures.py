"""Figures and equations: pictures are `figure` blocks (kind, alt text, content hash), equations read as
linear text, so the diff and the redline see both."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

import docx
from docx.shared import Cm

from actionplan_trace.diff.api import compare
from actionplan_trace.extract.docx import read_docx
from redline_oracle import W, make_redline, part


def _png(path: Path, rgb: tuple[int, int, int]) -> Path:
    """A 2×2 PNG of one colour, written by hand (no imaging library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(rgb) * 2 for _ in range(2))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def _doc(path: Path, picture: Path | None, alt: str = "") -> Path:
    document = docx.Document()
    document.add_paragraph("Objective 2 connects the unconnected.")
    if picture is not None:
        document.add_paragraph().add_run().add_picture(str(picture), width=Cm(2))
        if alt:
            document.inline_shapes[0]._inline.docPr.set("descr", alt)
    document.add_paragraph("Outputs follow the outcome table.")
    document.save(path)
    return path


def test_picture_is_a_figure_block(tmp_path: Path) -> None:
    path = _doc(tmp_path / "a.docx", _png(tmp_path / "red.png", (255, 0, 0)), alt="Map of  regional offices")
    figures = [b for b in read_docx(path).blocks if b.type == "figure"]
    assert len(figures) == 1
    assert figures[0].text.startswith("[picture: Map of regional offices #")
    assert figures[0].loc.paragraph == 1


def test_picture_added_removed_replaced(tmp_path: Path) -> None:
    red, blue = _png(tmp_path / "red.png", (255, 0, 0)), _png(tmp_path / "blue.png", (0, 0, 255))
    none, with_red = _doc(tmp_path / "none.docx", None), _doc(tmp_path / "red.docx", red)
    with_blue = _doc(tmp_path / "blue.docx", blue)
    added = compare(none, with_red).changes
    assert [(c.kind, c.new.startswith("[picture #")) for c in added] == [("added", True)]
    removed = compare(with_red, none).changes
    assert [(c.kind, c.old.startswith("[picture #")) for c in removed] == [("removed", True)]
    replaced = compare(with_red, with_blue).changes
    assert sorted(c.kind for c in replaced) == ["added", "removed"]
    assert not compare(with_red, _doc(tmp_path / "red2.docx", red)).changes


def test_redline_carries_replaced_picture(tmp_path: Path) -> None:
    red, blue = _png(tmp_path / "red.png", (255, 0, 0)), _png(tmp_path / "blue.png", (0, 0, 255))
    old, new = _doc(tmp_path / "red.docx", red), _doc(tmp_path / "blue.docx", blue)
    out = tmp_path / "r.docx"
    data, _ = make_redline(old, new, out)
    body = part(data, "word/document.xml")
    deleted = [d for d in body.iter(f"{W}del") if d.find(f".//{W}drawing") is not None]
    inserted = [i for i in body.iter(f"{W}ins") if i.find(f".//{W}drawing") is not None]
    assert len(deleted) == 1 and len(inserted) == 1
    media = [n for n in zipfile.ZipFile(out).namelist() if n.startswith("word/media/")]
    assert len(media) == 2
    assert [b.text for b in read_docx(out).blocks if b.type == "figure"] == \
        [b.text for b in read_docx(new).blocks if b.type == "figure"]
    assert [b.text for b in read_docx(out, view="original").blocks if b.type == "figure"] == \
        [b.text for b in read_docx(old).blocks if b.type == "figure"]


def _equation(path: Path, exponent: str) -> Path:
    """A paragraph with an inline equation A=πr^N between two runs of text."""
    from lxml import etree

    math = ('<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
            '<m:r><m:t>A=π</m:t></m:r><m:sSup><m:e><m:r><m:t>r</m:t></m:r></m:e>'
            f'<m:sup><m:r><m:t>{exponent}</m:t></m:r></m:sup></m:sSup></m:oMath>')
    document = docx.Document()
    p = document.add_paragraph("The area is ")
    p._p.append(etree.fromstring(math))
    p.add_run(" for a circle.")
    document.save(path)
    return path


def test_equation_text_in_reading_order_and_changed(tmp_path: Path) -> None:
    old, new = _equation(tmp_path / "old.docx", "2"), _equation(tmp_path / "new.docx", "3")
    assert [b.text for b in read_docx(old).blocks] == ["The area is A=πr^2 for a circle."]
    changes = compare(old, new).changes
    assert [(c.kind, c.old, c.new) for c in changes] == [
        ("modified", "The area is A=πr^2 for a circle.", "The area is A=πr^3 for a circle.")]
    out = tmp_path / "r.docx"
    data, _ = make_redline(old, new, out)
    body = part(data, "word/document.xml")
    assert len(body.findall(".//{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath")) == 2
    assert [b.text for b in read_docx(out).blocks] == [b.text for b in read_docx(new).blocks]
    assert [b.text for b in read_docx(out, view="original").blocks] == [b.text for b in read_docx(old).blocks]
