"""Read back the accepted and original text views of a generated body (self-check).

Used only by the generator to prove that a tracked file reads as the newer text with every
change accepted and as the older text with every change rejected.
"""

from __future__ import annotations

from lxml import etree

from .ooxml import q


def paragraph_text(p: etree._Element, view: str) -> str | None:
    """Text of one paragraph in `view`; None when the whole paragraph is absent from it."""
    drop = q("del") if view == "accepted" else q("ins")
    mark = p.find(f"{q('pPr')}/{q('rPr')}/{drop}")
    parts = []
    for node in p.iter(q("t"), q("delText"), q("tab"), q("noBreakHyphen")):
        if any(a.tag == drop for a in node.iterancestors()):
            continue
        if node.tag == q("delText") and view == "accepted":
            continue
        parts.append({q("tab"): "\t", q("noBreakHyphen"): "\u2011"}.get(node.tag) or node.text or "")
    text = "".join(parts)
    if mark is not None and not text:
        return None
    return text


def body_view(body: list[etree._Element], view: str) -> list[str]:
    """Paragraph texts of body elements (tables included, in reading order) in `view`."""
    out = []
    for node in body:
        for p in node.iter(q("p")):
            text = paragraph_text(p, view)
            if text is not None:
                out.append(text)
    return out
