"""A paragraph's formatting that one revision changed where its words stayed.

A .docx paragraph carries hints of its formatting in the model (`Block.style`, `bold`, `size`):
a heading styled "Heading 2" in one revision and a bold "Normal" paragraph in the other reads as
the same section, and a paragraph set in "Quote" reads as the same text. Such a change is of the
`formatting` kind, hidden by default and shown with `--all`, as the Word redline then marks it
(`w:pPrChange`). Only .docx revisions are compared: a PDF or a text rendering carries no
styles, and its bold and sizes are guessed from glyphs.
"""

from __future__ import annotations

from ..model import Block


def restyled(old: Block | None, new: Block | None) -> str | None:
    """What changed in the formatting of two paired paragraphs, in words ("style Heading 2 made
    Normal, bold removed"), or None when nothing did or either is not a .docx paragraph."""
    if old is None or new is None or old.style is None or new.style is None or "table" in (old.type, new.type):
        return None
    parts = []
    if old.style != new.style:
        parts.append(f"style {old.style} made {new.style}")
    if old.bold != new.bold:
        parts.append("made bold" if new.bold else "bold removed")
    if old.size is not None and new.size is not None and old.size != new.size:
        parts.append(f"size {old.size:g} pt made {new.size:g} pt")
    return ", ".join(parts) or None
