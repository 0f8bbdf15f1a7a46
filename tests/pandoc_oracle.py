"""An independent reader for redline tests: pandoc's accept/reject views as a list of words.

pandoc reads .docx with its own code (Haskell, not this project's reader), so accept-all and
reject-all of a redline can be checked against the two source files without trusting the
writer under test. Tests using it skip when pandoc is absent.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

PANDOC = shutil.which("pandoc")
WORD = re.compile(r"\w+")


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _mark_given_back(path: Path, scratch: Path) -> Path:
    """`path`, or a copy in `scratch` where its body ends in paragraphs of one revision written as
    Word keeps the last paragraph mark (render/redline/story.py `story_end`: each of their marks
    moved one paragraph up, onto the paragraph before them, the last left with none): there the
    last paragraph's mark takes back the mark of that paragraph. Word joins both forms alike;
    pandoc drops a paragraph whose mark is inserted with the words joined to it, so it reads only
    the second form as Word does."""
    from lxml import etree

    from docx_edit import DocxEditor

    editor = DocxEditor.open(path)
    root = editor.root
    units = [el for el in root.find(W + "body") if el.tag in (W + "p", W + "tbl")]

    def mark(p: Any) -> Any:
        rpr = p.find(f"{W}pPr/{W}rPr")
        return next((m for m in rpr if m.tag in (W + "ins", W + "del")), None) if rpr is not None else None

    def wholly(p: Any, tag: str) -> bool:  # every run of the paragraph of that revision (a blank one too)
        return p.tag == W + "p" and all(r.getparent().tag == tag for r in p.iter(W + "r"))

    if not units or units[-1].tag != W + "p" or mark(units[-1]) is not None:
        return path
    last = units[-1]
    kinds = {r.getparent().tag for r in last.iter(W + "r")}
    if len(kinds) != 1 or not kinds <= {W + "ins", W + "del"}:
        return path
    tag = kinds.pop()
    keep = next((u for u in reversed(units[:-1]) if not (wholly(u, tag) and (m := mark(u)) is not None and m.tag == tag)), None)
    moved = mark(keep) if keep is not None and keep.tag == W + "p" else None
    if moved is None or moved.tag != tag:
        return path
    ppr = last.find(W + "pPr")
    if ppr is None:
        ppr = etree.Element(W + "pPr")
        last.insert(0, ppr)
    rpr = ppr.find(W + "rPr")
    if rpr is None:
        rpr = etree.SubElement(ppr, W + "rPr")
    moved.getparent().remove(moved)
    rpr.append(moved)
    return editor.save(scratch)


def _strings(node: Any, out: list[str]) -> None:
    """Every Str/Code/Math text of a pandoc JSON AST, in document order (notes where they stand)."""
    if isinstance(node, dict):
        kind = node.get("t")
        if kind == "Str":
            out.append(node["c"])
            return
        if kind in ("Code", "Math"):
            out.append(node["c"][1])
            return
        for value in node.values():
            _strings(value, out)
    elif isinstance(node, list):
        for value in node:
            _strings(value, out)


def words(path: Path, changes: str = "accept") -> list[str]:
    """The words of `path` as pandoc reads it with `--track-changes=changes` (accept or reject),
    the body's last paragraph mark given back its revision first (`_mark_given_back`)."""
    assert PANDOC is not None
    with tempfile.TemporaryDirectory() as scratch:
        read = _mark_given_back(path, Path(scratch) / path.name)
        done = subprocess.run([PANDOC, f"--track-changes={changes}", "-f", "docx", "-t", "json", str(read)],
                              capture_output=True, check=True, timeout=120)
    out: list[str] = []
    _strings(json.loads(done.stdout)["blocks"], out)
    return WORD.findall(" ".join(out))
