"""Revision marks: one author and date, unique ids, and whole elements marked inserted or deleted.

Deleted content comes from OLD's package: it is deep-copied, its text turned into `w:delText`,
and anything pointing into OLD's package (pictures, hyperlinks) is re-linked into NEW's by the
`Relinker` the caller supplies.
"""

from __future__ import annotations

import copy
from typing import Callable

from lxml import etree

from ...record import record
from ..escapes import xml_text
from .package import W

M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
W_R, W_T, W_P, W_PPR, W_RPR = W + "r", W + "t", W + "p", W + "pPr", W + "rPr"
W_TR, W_TRPR, W_TC, W_TBL = W + "tr", W + "trPr", W + "tc", W + "tbl"
CONTAINERS = {W + "hyperlink", W + "smartTag", W + "sdt", W + "sdtContent", W + "customXml", W + "fldSimple",
              W + "ins", W + "moveTo", W + "dir", W + "bdo"}
MATH = {M + "oMath", M + "oMathPara"}
NOT_COPIED = {W + "bookmarkStart", W + "bookmarkEnd", W + "commentRangeStart", W + "commentRangeEnd",
              W + "permStart", W + "permEnd", W + "proofErr"}
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
             "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
             "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
             "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
             "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
             "sectPr", "pPrChange")

Relinker = Callable[[etree._Element], None]


@record
class Marks:
    """Makes `w:ins`/`w:del`/move marks with one author and date and ids counting up."""

    author: str
    date: str
    next_id: int = 1
    next_move: int = 1

    def mark(self, tag: str) -> etree._Element:
        """A new mark element (`ins`, `del`, `moveFrom`, `rPrChange`, …) with id, author and date."""
        el = etree.Element(W + tag)
        el.set(W + "id", str(self.next_id))
        el.set(W + "author", xml_text(self.author))
        el.set(W + "date", self.date)
        self.next_id += 1
        return el

    def move_name(self) -> str:
        """A fresh name for a moveFrom/moveTo range pair."""
        name = f"move{self.next_move}"
        self.next_move += 1
        return name


def runs(el: etree._Element) -> list[etree._Element]:
    """The `w:r` of a paragraph (inside links, content controls and fields), not inside text boxes."""
    out: list[etree._Element] = []
    for child in el:
        if child.tag == W_R:
            out.append(child)
        elif child.tag in CONTAINERS:
            out.extend(runs(child))
    return out


def maths(el: etree._Element) -> list[etree._Element]:
    """The math zones of a paragraph."""
    out: list[etree._Element] = []
    for child in el:
        if child.tag in MATH:
            out.append(child)
        elif child.tag in CONTAINERS:
            out.extend(maths(child))
    return out


def wrap(el: etree._Element, mark: etree._Element) -> etree._Element:
    """Put `el` inside `mark` where `el` was."""
    el.addprevious(mark)
    mark.append(el)
    if el.tail:
        mark.tail, el.tail = el.tail, None
    return mark


def to_deleted_run(run: etree._Element) -> None:
    """Turn a run's text into deleted text (w:delText, w:delInstrText)."""
    for child in run:
        if child.tag == W_T:
            child.tag = W + "delText"
        elif child.tag == W + "instrText":
            child.tag = W + "delInstrText"
    rpr = run.find(W_RPR)
    if rpr is not None:
        for change in rpr.findall(W + "rPrChange"):
            rpr.remove(change)


def mark_math(zone: etree._Element, tag: str, marks: Marks) -> None:
    """Mark each math run of a math zone inserted or deleted (Word's way inside equations)."""
    for run in list(zone.iter(M + "r")):
        wrap(run, marks.mark(tag))


def mark_paragraph_mark(p: etree._Element, tag: str, marks: Marks) -> None:
    """Mark the paragraph mark of `p` inserted, deleted, moved from or moved to (pPr/rPr)."""
    ppr = ensure_ppr(p)
    rpr = ppr.find(W_RPR)
    if rpr is None:
        rpr = etree.Element(W_RPR)
        place_in_ppr(ppr, rpr)
    for old in rpr.findall(W + tag):
        rpr.remove(old)
    rpr.insert(0, marks.mark(tag))


def ensure_ppr(p: etree._Element) -> etree._Element:
    """The `w:pPr` of `p`, created first when missing."""
    ppr = p.find(W_PPR)
    if ppr is None:
        ppr = etree.Element(W_PPR)
        p.insert(0, ppr)
    return ppr


def place_in_ppr(ppr: etree._Element, child: etree._Element) -> None:
    """Insert `child` into `ppr` at the place the schema's sequence gives it."""
    name = etree.QName(child).localname
    rank = PPR_ORDER.index(name) if name in PPR_ORDER else len(PPR_ORDER)
    for n, existing in enumerate(ppr):
        other = etree.QName(existing).localname
        if other in PPR_ORDER and PPR_ORDER.index(other) > rank:
            ppr.insert(n, child)
            return
    ppr.append(child)


def mark_paragraph(p: etree._Element, tag: str, marks: Marks, mark_end: bool = True) -> None:
    """Mark a whole paragraph of one side: its runs, equations and (optionally) its mark."""
    for run in runs(p):
        if tag == "del":
            to_deleted_run(run)
        wrap(run, marks.mark(tag))
    for zone in maths(p):
        mark_math(zone, tag, marks)
    if mark_end:
        mark_paragraph_mark(p, tag, marks)


def mark_story(container: etree._Element, tag: str, marks: Marks, last_mark: bool) -> None:
    """Mark every paragraph and table row under `container` inserted or deleted.

    `last_mark` says whether the last paragraph's mark is marked too (not for the last
    paragraph of a cell, which Word keeps).
    """
    children = [c for c in container if c.tag in (W_P, W_TBL)]
    for n, child in enumerate(children):
        if child.tag == W_P:
            mark_paragraph(child, tag, marks, last_mark or n < len(children) - 1)
        else:
            mark_table(child, tag, marks)


def mark_row(tr: etree._Element, tag: str, marks: Marks) -> None:
    """Mark a table row inserted or deleted (w:trPr) with all its cell content."""
    trpr = tr.find(W_TRPR)
    if trpr is None:
        trpr = etree.Element(W_TRPR)
        after = tr.find(W + "tblPrEx")
        if after is not None:
            after.addnext(trpr)
        else:
            tr.insert(0, trpr)
    trpr.append(marks.mark(tag))
    for tc in tr.iter(W_TC):
        if tc.getparent() is tr or tc.getparent().tag in CONTAINERS:
            mark_story(tc, tag, marks, last_mark=False)


def mark_table(tbl: etree._Element, tag: str, marks: Marks) -> None:
    """Mark every row of a table inserted or deleted."""
    for tr in tbl.findall(W_TR):
        mark_row(tr, tag, marks)


W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"


def deleted_copy(el: etree._Element, relink: Relinker) -> etree._Element:
    """A copy of OLD's `el` fit to sit in NEW: anchors, comments, section breaks (NEW keeps its
    own page setup) and paragraph ids (unique per document) dropped, links re-made."""
    out = copy.deepcopy(el)
    for sect in list(out.iter(W + "sectPr")):
        if sect.getparent() is not None and sect.getparent().tag == W_PPR:
            sect.getparent().remove(sect)
    for node in out.iter(W_P, W_TR):
        node.attrib.pop(W14 + "paraId", None)
        node.attrib.pop(W14 + "textId", None)
    for node in list(out.iter(*NOT_COPIED, W + "commentReference")):
        parent = node.getparent()
        if parent is None:
            continue
        if node.tag == W + "commentReference" and parent.tag == W_R:
            parent.remove(node)
        else:
            if node.tail:
                prev = node.getprevious()
                if prev is not None:
                    prev.tail = (prev.tail or "") + node.tail
            parent.remove(node)
    relink(out)
    return out
