"""A hyperlink pointed elsewhere, or words made a link, with the words the same: the .docx reader
keeps each link's target (Block.links), the diff reports the paragraph modified (shown by
default, `links` in the JSON) and the Word redline marks the linked words deleted and inserted,
so that Reject All gives OLD's link back."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest
from conftest import CORPUS
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from actionplan_trace.diff.api import compare
from actionplan_trace.extract.docx import read_docx
from redline_oracle import make_redline

ITU_D = "https://www.itu.int/en/ITU-D/Pages/default.aspx"
ITU_T = "https://www.itu.int/en/ITU-T/Pages/default.aspx"
LEAD = "Infrastructure is central for enabling universal, sustainable, ubiquitous and affordable access to "


def _linked(tmp_path: Path, name: str, url: str | None) -> Path:
    """objective2-old.docx with "ICTs" of Output 2.1's first Background paragraph in a run of its
    own, linked to `url` (plain when None), as Word writes a link: a w:hyperlink round the run."""
    document = docx.Document(str(CORPUS / "objective2-old.docx"))
    paragraph = next(p for p in document.paragraphs if p.text.startswith(LEAD))
    run = paragraph.runs[0]
    rest = copy.deepcopy(run._r)
    word = copy.deepcopy(run._r)
    run.text = LEAD
    word.find(qn("w:t")).text = "ICTs"
    rest.find(qn("w:t")).text = " and services for all. "
    run._r.addnext(rest)
    if url is None:
        run._r.addnext(word)
    else:
        rid = document.part.relate_to(url, RT.HYPERLINK, is_external=True)
        link = document.part.element.makeelement(qn("w:hyperlink"), {qn("r:id"): rid})
        link.append(word)
        run._r.addnext(link)
    path = tmp_path / f"{name}.docx"
    document.save(str(path))
    return path


def _links(path: Path, view: str = "accepted") -> list[tuple[str, str]]:
    block = next(b for b in read_docx(path, view=view).blocks if b.text.startswith(LEAD))
    return [(block.text[start:end], target) for start, end, target in block.links or ()]


@pytest.mark.parametrize("old_url", [ITU_D, None], ids=["target-changed", "link-added"])
def test_a_link_pointed_elsewhere_or_added_on_the_same_words_is_a_change(tmp_path: Path, old_url: str | None) -> None:
    """Reported nowhere, even with --all, and the redline kept NEW's link unmarked: a published
    plan whose link now sends its reader elsewhere showed "no differences"."""
    old, new = _linked(tmp_path, "old", old_url), _linked(tmp_path, "new", ITU_T)
    assert _links(new) == [("ICTs", ITU_T)]
    changes = compare(old, new).visible()
    assert [(c.kind, c.target, c.section_new, c.at_new, c.formatting_only, c.old == c.new) for c in changes] == [
        ("modified", "block", "output-2.1/background", "paragraph 6", False, True)]
    removed = [{"text": "ICTs", "target": ITU_D}] if old_url else []
    assert changes[0].to_dict()["links"] == {"added": [{"text": "ICTs", "target": ITU_T}], "removed": removed}
    assert changes[0].where == (f"paragraph: link on “ICTs” now to {ITU_T} (was {ITU_D})" if old_url
                                else f"paragraph: link to {ITU_T} added on “ICTs”")


@pytest.mark.parametrize("old_url", [ITU_D, None], ids=["target-changed", "link-added"])
def test_the_redline_marks_a_link_changed_so_that_reject_all_gives_the_old_link(tmp_path: Path,
                                                                                 old_url: str | None) -> None:
    old, new = _linked(tmp_path, "old", old_url), _linked(tmp_path, "new", ITU_T)
    out = tmp_path / "redline.docx"
    make_redline(old, new, out)
    assert _links(out, "accepted") == [("ICTs", ITU_T)]
    assert _links(out, "original") == ([("ICTs", ITU_D)] if old_url else [])
    assert [b.text for b in read_docx(out, view="original").blocks] == [b.text for b in read_docx(old).blocks]


def test_words_edited_inside_a_link_that_points_where_it_did_are_only_a_word_change(tmp_path: Path) -> None:
    old = _linked(tmp_path, "old", ITU_D)
    document = docx.Document(str(old))
    link = next(document.element.iter(qn("w:hyperlink")))
    link.find(f"{qn('w:r')}/{qn('w:t')}").text = "ICT"
    new = tmp_path / "new.docx"
    document.save(str(new))
    changes = compare(old, new).visible()
    assert [(c.kind, c.links_added, c.links_removed) for c in changes] == [("modified", [], [])]
