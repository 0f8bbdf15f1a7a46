"""Pictures, charts, SmartArt and embedded objects as `figure` blocks: kind, alt text, content hash.

A drawing has no text of its own, so without a block of its own an added, removed or replaced
picture would be no change at all. Each figure becomes one block whose text names its kind,
its alt text (`wp:docPr` description or title, VML `alt`) and the first hex digits of a SHA-256
over the parts it shows (image bytes, chart or diagram XML): a replaced picture with the same
alt text still differs. Text boxes are not figures (their paragraphs are read as text).
"""

from __future__ import annotations

from typing import Callable

from lxml import etree

from ...digest import sha256

R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
V = "{urn:schemas-microsoft-com:vml}"
O = "{urn:schemas-microsoft-com:office:office}"
CHARTEX = "http://schemas.microsoft.com/office/drawing/2014/chartex"

KINDS = ((A + "blip", "picture"), (C + "chart", "chart"), (DGM + "relIds", "diagram"),
         (V + "imagedata", "picture"), (O + "OLEObject", "object"), ("{" + CHARTEX + "}chart", "chart"))
Resolver = Callable[[str], bytes | None]


def figure_text(el: etree._Element, resolve: Resolver) -> str | None:
    """'[picture: alt text #1a2b3c4d]' for a drawing, VML picture or object; None for a plain shape."""
    kind = None
    digest = sha256()
    for tag, name in KINDS:
        for node in el.iter(tag):
            kind = kind or name
            for attr, value in node.attrib.items():
                if attr.startswith(R_NS):
                    digest.update(resolve(value) or value.encode())
    if kind is None:
        return None
    alt = ""
    for node in el.iter(WP + "docPr", V + "shape", V + "rect"):
        alt = (node.get("descr") or node.get("title") or node.get("alt") or "").strip()
        if alt:
            break
    alt = " ".join(alt.split())
    label = f"{kind}: {alt}" if alt else kind
    return f"[{label} #{digest.hexdigest()[:8]}]"
