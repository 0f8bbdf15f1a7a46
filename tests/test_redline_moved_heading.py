"""A section moved: the diff reports one moved section, and the Word redline marked its paragraphs
moved but its heading, of fewer words than a move of the redline's own finding needs, deleted at
its old place and inserted at its new one. A move the diff found is marked a move however short."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from conftest import CORPUS
from docx.oxml.ns import qn
from lxml import etree

from redline_oracle import make_redline

OLD = CORPUS / "objective2-old.docx"
HEADING = "Rural communications"


def _moved(tmp_path: Path) -> Path:
    """objective2-old.docx with Output 2.1's programme section "Rural communications" (its heading
    and text) moved to stand before "Broadcasting"."""
    document = docx.Document(str(OLD))
    paragraphs = document.paragraphs
    start = next(n for n, p in enumerate(paragraphs) if p.text == HEADING)
    end = next(n for n in range(start + 1, len(paragraphs)) if paragraphs[n].style.name == paragraphs[start].style.name)
    target = next(p for p in paragraphs if p.text == "Broadcasting")
    for p in paragraphs[start:end]:
        target._p.addprevious(p._p)
    path = tmp_path / "moved.docx"
    document.save(str(path))
    return path


def test_a_moved_section_s_heading_is_marked_moved_with_its_text(tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    make_redline(OLD, _moved(tmp_path), out)
    with zipfile.ZipFile(out) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    marks = []
    for p in body.iter(qn("w:p")):
        if "".join(t.text or "" for t in p.iter(qn("w:t"), qn("w:delText"))) == HEADING:
            marks.append(sorted({etree.QName(el.getparent()).localname for el in p.iter(qn("w:r"))}))
    assert marks == [["moveFrom"], ["moveTo"]]
