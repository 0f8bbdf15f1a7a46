"""Large documents for benchmarks, generated from corpus files at bench time (nothing committed)."""

from __future__ import annotations

import copy
import re
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERED = re.compile(r"\b(Objective|Priority|Output|Outcome)(\s+)(\d+)")
ROW_OUTPUT = re.compile(r"^(\d+)(\.\d+\s*[-–])")


def _renumber(body: etree._Element, offset: int) -> None:
    for t in body.iter(f"{{{W}}}t"):
        if t.text:
            text = NUMBERED.sub(lambda m: f"{m.group(1)}{m.group(2)}{int(m.group(3)) + offset}", t.text)
            t.text = ROW_OUTPUT.sub(lambda m: f"{int(m.group(1)) + offset}{m.group(2)}", text)


def long_docx(src: Path, dst: Path, copies: int = 10, objectives_per_copy: int = 4) -> Path:
    """`src`'s body repeated `copies` times, objectives and outputs renumbered so ids stay unique."""
    with zipfile.ZipFile(src) as zin:
        parts = {name: zin.read(name) for name in zin.namelist()}
    root = etree.fromstring(parts["word/document.xml"], etree.XMLParser(resolve_entities=False, no_network=True))
    body = root.find(f"{{{W}}}body")
    sect = body.find(f"{{{W}}}sectPr")
    content = [child for child in body if child is not sect]
    for k in range(1, copies):
        for child in content:
            clone = copy.deepcopy(child)
            _renumber(clone, k * objectives_per_copy)
            if sect is not None:
                sect.addprevious(clone)
            else:
                body.append(clone)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    return dst
