"""A paragraph split in two, or two joined, with the same words: the diff calls it formatting, and
the Word redline marks the paragraph mark alone (inserted for a split, deleted for a join, in
w:pPr/w:rPr), as Word Compare does, not a passage deleted and inserted again with a copy of the
footnote it holds."""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import CORPUS
from docx.oxml.ns import qn
from lxml import etree

from actionplan_trace.extract.docx import read_docx
from redline_oracle import make_redline

OLD = CORPUS / "objective2-old.docx"
FIRST = "The ICT sector is characterized by rapid technological change"
SECOND = "The deployment of common broadband"


def _split(tmp_path: Path) -> Path:
    """objective2-old.docx with Output 2.1's paragraph holding footnote 1 split before "The
    deployment …": its last run cut in two, the second half a new paragraph after it."""
    document = docx.Document(str(OLD))
    paragraph = next(p for p in document.paragraphs if p.text.startswith(FIRST))
    run = paragraph.runs[-1]
    head, tail = run.text.split(" " + SECOND, 1)
    after = copy.deepcopy(paragraph._p)
    for r in after.findall(qn("w:r"))[:-1]:
        after.remove(r)
    after.findall(qn("w:r"))[-1].find(qn("w:t")).text = SECOND + tail
    run.text = head
    paragraph._p.addnext(after)
    path = tmp_path / "split.docx"
    document.save(str(path))
    return path


def _texts(path: Path, view: str) -> list[str]:
    return [b.text for b in read_docx(path, view=view).blocks]


@pytest.mark.parametrize("forward", [True, False], ids=["split", "joined"])
@pytest.mark.parametrize("all_changes", [False, True], ids=["default", "all"])
def test_a_paragraph_split_or_joined_is_marked_by_its_paragraph_mark(tmp_path: Path, forward: bool,
                                                                      all_changes: bool) -> None:
    split = _split(tmp_path)
    old, new = (OLD, split) if forward else (split, OLD)
    out = tmp_path / "redline.docx"
    make_redline(old, new, out, formatting=all_changes)
    with zipfile.ZipFile(out) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    deleted = " ".join(t.text or "" for t in body.iter(qn("w:delText")))
    inserted = " ".join(t.text or "" for ins in body.iter(qn("w:ins")) for t in ins.iter(qn("w:t")))
    assert (deleted.split(), inserted.split()) == ([], [])
    mark = "w:ins" if forward else "w:del"
    marked = [p for p in body.iter(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn(mark)}") is not None]
    assert ["".join(t.text or "" for t in p.iter(qn("w:t"))).startswith(FIRST) for p in marked] == [True]
    with zipfile.ZipFile(new) as z:
        new_notes = etree.fromstring(z.read("word/footnotes.xml"))
    assert len(notes.findall(qn("w:footnote"))) == len(new_notes.findall(qn("w:footnote")))
    assert _texts(out, "accepted") == _texts(new, "accepted")
    assert _texts(out, "original") == _texts(old, "accepted")
