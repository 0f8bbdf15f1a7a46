"""WordprocessingML names and the small attribute readers every part of the .docx reader uses."""

from __future__ import annotations

from typing import Iterable, Iterator, Sequence

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
W = "{" + W_NS + "}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# Tags compared in the hot loop, precomputed once.
W_P, W_R, W_T, W_TBL, W_TR, W_TC = W + "p", W + "r", W + "t", W + "tbl", W + "tr", W + "tc"
W_PPR, W_RPR, W_TRPR, W_TCPR, W_TBLPREX = W + "pPr", W + "rPr", W + "trPr", W + "tcPr", W + "tblPrEx"
W_FRAMEPR = W + "framePr"
W_INS, W_DEL, W_MOVEFROM, W_MOVETO = W + "ins", W + "del", W + "moveFrom", W + "moveTo"
W_DELTEXT, W_INSTR, W_DELINSTR = W + "delText", W + "instrText", W + "delInstrText"
W_TAB, W_PTAB, W_BR, W_CR = W + "tab", W + "ptab", W + "br", W + "cr"
W_NBHYPHEN, W_SOFTHYPHEN, W_SYM = W + "noBreakHyphen", W + "softHyphen", W + "sym"
W_SDT, W_SDTCONTENT, W_CUSTOMXML = W + "sdt", W + "sdtContent", W + "customXml"
W_DRAWING, W_PICT, W_OBJECT, W_TXBX = W + "drawing", W + "pict", W + "object", W + "txbxContent"
W_ALTCHUNK, R_ID = W + "altChunk", "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
W_FNREF, W_ENREF = W + "footnoteReference", W + "endnoteReference"
W_HYPERLINK = W + "hyperlink"
W_RPRCHANGE, W_PPRCHANGE, W_TRPRCHANGE, W_TCPRCHANGE = W + "rPrChange", W + "pPrChange", W + "trPrChange", W + "tcPrChange"
W_NUMPR, W_NUMID, W_ILVL, W_PSTYLE, W_RSTYLE = W + "numPr", W + "numId", W + "ilvl", W + "pStyle", W + "rStyle"
W_OUTLINE, W_B, W_SZ, W_VAL = W + "outlineLvl", W + "b", W + "sz", W + "val"
W_VERTALIGN, W_VANISH = W + "vertAlign", W + "vanish"
W_CAPS, W_SMALLCAPS = W + "caps", W + "smallCaps"
W_GRIDSPAN, W_GRIDBEFORE, W_CELLINS, W_CELLDEL = W + "gridSpan", W + "gridBefore", W + "cellIns", W + "cellDel"
W_GRIDAFTER, W_TBLGRID, W_GRIDCOL, W_VMERGE = W + "gridAfter", W + "tblGrid", W + "gridCol", W + "vMerge"
W_RUBY, W_RUBYBASE, W_NUMCHANGE = W + "ruby", W + "rubyBase", W + "numberingChange"
W_FLDCHAR, W_FLDCHARTYPE = W + "fldChar", W + "fldCharType"
M_R, M_T = M + "r", M + "t"
MC_ALT, MC_CHOICE, MC_FALLBACK = MC + "AlternateContent", MC + "Choice", MC + "Fallback"


def attr(el: etree._Element | None, name: str = W_VAL) -> str | None:
    return None if el is None else el.get(name)


def vertical_merge(tcpr: etree._Element | None) -> str | None:
    """How a cell's w:tcPr takes part in a vertical merge: "restart" (it starts one), "continue"
    (a w:vMerge whose w:val is that or absent) or None."""
    return merge_kind(tcpr.find(W_VMERGE) if tcpr is not None else None)


def merge_kind(merge: etree._Element | None) -> str | None:
    """vertical_merge's answer from a cell's w:vMerge (None when it has none)."""
    if merge is None:
        return None
    return "restart" if attr(merge) == "restart" else "continue"


def to_int(value: str | None) -> int | None:
    try:
        return None if value is None else int(value)
    except ValueError:
        return None


def onoff(el: etree._Element | None) -> bool | None:
    """The value of an on/off property element (w:b etc.): None when absent."""
    if el is None:
        return None
    if not el.values():  # most are bare (<w:b/>): on, without get's reading of a namespaced name
        return True
    return el.get(W_VAL, "true").lower() not in ("0", "false", "off", "none")


def half_points(el: etree._Element | None) -> float | None:
    value = to_int(attr(el))
    return None if value is None else value / 2


def props_child(el: etree._Element | Sequence[etree._Element], tag: str) -> etree._Element | None:
    """The properties child `tag` (w:pPr, w:rPr, w:trPr, w:tcPr) of `el`, or of the children of an
    element listed in `el`, as `el.find(tag)` gives it: the first child of that tag.

    The schema puts it first, so it is most often found at the first look. Where it is absent,
    the caller passes the element's children listed, which it walks again next: lxml makes a
    Python proxy for a child, and the "{namespace}name" string of its tag, each time the child is
    reached, unless the proxy is still alive, and keeps the tag on the proxy. Walking the listed
    children costs then only the look at each tag, where `find` cost a few microseconds a call
    (its path machinery) for every paragraph with no w:pPr, and the walk after it made every
    child and tag again."""
    for child in el:
        if child.tag == tag:
            return child
    return None


# The namespaces whose markup the reader reads (or passes over without losing text), by their usual
# prefix: WordprocessingML, math, DrawingML and VML, Word 2010 shapes, groups and canvases (their text
# boxes are read) and the chart kinds figures.py names. Word 2016's w16se:symEx (an emoji or symbol
# as a font and code point) is not among them: its Fallback holds the character as text.
UNDERSTOOD = {
    "w": W_NS,
    "m": M[1:-1],
    "mc": MC[1:-1],
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "dgm": "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w10": "urn:schemas-microsoft-com:office:word",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "wpc": "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "wp14": "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "cx": "http://schemas.microsoft.com/office/drawing/2014/chartex",
    "cx1": "http://schemas.microsoft.com/office/drawing/2015/9/8/chartex",
    "cx2": "http://schemas.microsoft.com/office/drawing/2015/10/21/chartex",
    "cx3": "http://schemas.microsoft.com/office/drawing/2016/5/9/chartex",
    "cx4": "http://schemas.microsoft.com/office/drawing/2016/5/10/chartex",
    "cx5": "http://schemas.microsoft.com/office/drawing/2016/5/11/chartex",
    "cx6": "http://schemas.microsoft.com/office/drawing/2016/5/12/chartex",
    "cx7": "http://schemas.microsoft.com/office/drawing/2016/5/13/chartex",
    "cx8": "http://schemas.microsoft.com/office/drawing/2016/5/14/chartex",
}
_UNDERSTOOD_URIS = frozenset(UNDERSTOOD.values())


def understood(choice: etree._Element) -> bool:
    """Whether every prefix an mc:Choice `Requires` names a namespace in UNDERSTOOD (a prefix the
    part does not declare is taken in its usual sense)."""
    required = (choice.get("Requires") or "").split()
    if not required:
        return True
    nsmap = choice.nsmap
    return all(nsmap.get(prefix, UNDERSTOOD.get(prefix)) in _UNDERSTOOD_URIS for prefix in required)


def mc_branch(alt: etree._Element) -> etree._Element | None:
    """The one branch of mc:AlternateContent to read, as markup compatibility (ECMA-376 Part 3,
    10.2.1) has a consumer choose: the first Choice whose Requires it understands all of, else the
    Fallback (None when there is neither)."""
    for child in alt:
        if child.tag == MC_CHOICE and understood(child):
            return child
        if child.tag == MC_FALLBACK:
            return child
    return None



def block_children(container: etree._Element, chunks: bool = False) -> Iterator[etree._Element]:
    """The w:p and w:tbl of a story, unwrapping content controls, custom XML and alternate content;
    with `chunks`, its w:altChunk imports too, where they stand.

    The reader and the Word redline both count a story's blocks (its w:p and w:tbl) with this, so
    a block's position means the same element to both.
    """
    for child in container:
        tag = child.tag
        if tag == W_P or tag == W_TBL or (chunks and tag == W_ALTCHUNK):
            yield child
        elif tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                yield from block_children(content, chunks)
        elif tag == W_CUSTOMXML:
            yield from block_children(child, chunks)
        elif tag == MC_ALT:
            branch = mc_branch(child)
            if branch is not None:
                yield from block_children(branch, chunks)


def table_children(container: etree._Element | Iterable[etree._Element], tag: str) -> Iterator[etree._Element]:
    """The w:tr of a table or w:tc of a row (`tag`), unwrapping content controls, custom XML and
    alternate content (a row or cell inside mc:AlternateContent was lost, both branches)."""
    for child in container:
        if child.tag == tag:
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                yield from table_children(content, tag)
        elif child.tag == W_CUSTOMXML:
            yield from table_children(child, tag)
        elif child.tag == MC_ALT:
            branch = mc_branch(child)
            if branch is not None:
                yield from table_children(branch, tag)


def onoff_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")

