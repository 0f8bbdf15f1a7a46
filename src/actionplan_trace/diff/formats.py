"""A paragraph's formatting that one revision changed where its words stayed.

A .docx paragraph carries hints of its formatting in the model (`Block.style`, `bold`, `size`):
a heading styled "Heading 2" in one revision and a bold "Normal" paragraph in the other reads as
the same section, and a paragraph set in "Quote" reads as the same text. Such a change is of the
`formatting` kind, hidden by default and shown with `--all`, as the Word redline then marks it
(`w:pPrChange`). Only .docx revisions are compared: a PDF or a text rendering carries no
styles, and its bold and sizes are guessed from glyphs. So are what the model's text leaves out
of a .docx paragraph (`Block.typed`: soft hyphens, white space at its end) and the blank
paragraphs before it (`Block.blanks`), so that `--all` shows every difference, and capitals set
by formatting (w:caps, w:smallCaps), which the text prints and `Block.typed` keeps as typed: a
paragraph typed the same and set in capitals in one revision is `formatting` (`recased`).
"""

from __future__ import annotations

from ..model import Block
from ..text_patterns import plain_hyphens
from .labels import block_text


def restyled(old: Block | None, new: Block | None) -> str | None:
    """What changed in the formatting of two paired paragraphs, in words ("style Heading 2 made
    Normal, bold removed"), or None when nothing did or either is not a .docx paragraph."""
    if old is None or new is None or old.style is None or new.style is None or "table" in (old.type, new.type):
        return None
    parts = []
    if recased(old, new):
        parts.append("set in capitals" if _count_capitals(new.text) > _count_capitals(old.text) else "capitals removed")
    if old.style != new.style:
        parts.append(f"style {old.style} made {new.style}")
    if old.bold != new.bold:
        parts.append("made bold" if new.bold else "bold removed")
    if old.size is not None and new.size is not None and old.size != new.size:
        parts.append(f"size {old.size:g} pt made {new.size:g} pt")
    return ", ".join(parts) or None


def typed_text(block: Block) -> str:
    """A block's text with its label (labels.block_text) as typed (`Block.typed`): soft hyphens,
    white space at its end and the case of text set in capitals included; its text when the hint
    is not that text's own."""
    typed = block.typed
    if typed is None or plain_hyphens(typed).rstrip().upper() != block.text.upper():
        return block_text(block)
    return f"{block.label}\t{typed}" if block.label else typed


def recased(old: Block | None, new: Block | None) -> bool:
    """Whether two paired .docx paragraphs differ in their text only as capitals set by formatting
    (w:caps, w:smallCaps) print it: typed the same, one printed in capitals. A change of formatting,
    as bold is, though the text (what a reader sees) differs in case."""
    return (old is not None and new is not None and old.style is not None and new.style is not None
            and "table" not in (old.type, new.type) and old.text != new.text and typed_text(old) == typed_text(new))


def _count_capitals(text: str) -> int:
    """How many capitals `text` prints: which of two recased paragraphs was set in capitals."""
    return sum(ch.isupper() for ch in text)


def blank_place(count: int) -> str:
    """How a run of blank paragraphs added or removed is named: 'blank paragraph', '2 blank paragraphs'."""
    return "blank paragraph" if count == 1 else f"{count} blank paragraphs"
