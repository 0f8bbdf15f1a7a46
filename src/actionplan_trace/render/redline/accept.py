"""Accept every tracked change of a story in place (the view NEW is compared in).

The reader compares revision-marked files in their accepted view, so the redline starts from
the same view: inserted and moved-to content is unwrapped, deleted and moved-from content
removed, a paragraph whose mark was deleted joins the next one, deleted rows and cells go,
and property-change records are dropped.
"""

from __future__ import annotations

from lxml import etree

from .package import W

UNWRAP = {W + "ins", W + "moveTo"}
DROP = {W + "del", W + "moveFrom", W + "moveFromRangeStart", W + "moveFromRangeEnd", W + "moveToRangeStart",
        W + "moveToRangeEnd", W + "customXmlInsRangeStart", W + "customXmlInsRangeEnd",
        W + "customXmlDelRangeStart", W + "customXmlDelRangeEnd", W + "customXmlMoveFromRangeStart",
        W + "customXmlMoveFromRangeEnd", W + "customXmlMoveToRangeStart", W + "customXmlMoveToRangeEnd"}
RECORDS = {W + "rPrChange", W + "pPrChange", W + "sectPrChange", W + "tblPrChange", W + "trPrChange",
           W + "tcPrChange", W + "tblGridChange", W + "tblPrExChange", W + "numberingChange", W + "cellMerge"}
PROPS = {W + "rPr", W + "trPr", W + "tcPr", W + "numPr"}
W_P, W_PPR, W_RPR, W_TR, W_TC, W_TBL = W + "p", W + "pPr", W + "rPr", W + "tr", W + "tc", W + "tbl"


def has_revisions(root: etree._Element) -> bool:
    """True when the story holds any tracked change."""
    wanted = UNWRAP | DROP | RECORDS | {W + "cellIns", W + "cellDel"}
    return any(el.tag in wanted for el in root.iter())


def accept_all(root: etree._Element) -> None:
    """Accept every tracked change under `root`, in place."""
    joined: list[etree._Element] = []
    for el in list(root.iter(*(DROP | UNWRAP | RECORDS | {W + "cellIns", W + "cellDel"}))):
        parent = el.getparent()
        if parent is None:
            continue
        tag = el.tag
        if parent.tag in PROPS or tag in RECORDS or tag == W + "cellIns":
            _property_mark(el, parent, joined)
        elif tag == W + "cellDel":
            tc = parent.getparent()
            if tc is not None and tc.getparent() is not None:
                tc.getparent().remove(tc)
        elif tag in UNWRAP:
            _unwrap(el)
        else:
            parent.remove(el)
    for p in reversed(joined):
        _join_next(p)


def _property_mark(el: etree._Element, parent: etree._Element, joined: list[etree._Element]) -> None:
    """A mark inside properties: a deleted row goes, a deleted paragraph mark joins, others drop."""
    grand = parent.getparent()
    if el.tag in (W + "del", W + "moveFrom") and parent.tag == W + "trPr" and grand is not None:
        table = grand.getparent()
        if table is not None:
            table.remove(grand)
            if table.find(W_TR) is None and table.getparent() is not None:
                table.getparent().remove(table)
        return
    if el.tag in (W + "del", W + "moveFrom") and parent.tag == W_RPR and grand is not None and grand.tag == W_PPR:
        p = grand.getparent()
        if p is not None:
            joined.append(p)
    parent.remove(el)


def _unwrap(el: etree._Element) -> None:
    """Replace `el` by its children."""
    parent = el.getparent()
    index = parent.index(el)
    for n, child in enumerate(list(el)):
        parent.insert(index + n, child)
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
    parent.remove(el)


def _join_next(p: etree._Element) -> None:
    """Join paragraph `p` (whose mark was deleted) with the paragraph after it, keeping `p`'s place."""
    nxt = p.getnext()
    if p.getparent() is None or nxt is None or nxt.tag != W_P:
        return
    has_text = any(t.text for t in p.iter(W + "t"))
    if not has_text:
        ppr, new_ppr = p.find(W_PPR), nxt.find(W_PPR)
        if ppr is not None:
            p.remove(ppr)
        if new_ppr is not None:
            p.insert(0, new_ppr)
    for child in list(nxt):
        if child.tag != W_PPR:
            p.append(child)
    nxt.getparent().remove(nxt)
