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

Another producer restyles a whole document (LibreOffice saves every "Normal" paragraph in "Body
Text" at 12 pt): `throughout` finds such changes across the paired paragraphs, which the reports
tell once, not on each paragraph whose words changed too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from ..model import Block
from ..text_patterns import plain_hyphens
from .labels import block_text


class Restyle(NamedTuple):
    """One change of a paragraph's formatting: what (`capitals`, `style`, `bold`, `size`) and its
    value in each revision (capitals: whether the paragraph is the one set in capitals)."""

    what: str
    old: str | bool | float
    new: str | bool | float

    def __str__(self) -> str:
        """In words: "style Heading 2 made Normal", "made bold", "size 11 pt made 12 pt"."""
        if self.what == "capitals":
            return "set in capitals" if self.new else "capitals removed"
        if self.what == "bold":
            return "made bold" if self.new else "bold removed"
        return f"{self.what} {self.value(self.old)} made {self.value(self.new)}"

    def value(self, value: str | bool | float) -> str:
        """A value of its formatting in words: a style's name, a size in points ("11 pt")."""
        return f"{value:g} pt" if self.what == "size" else str(value)


# What a producer can change throughout a document (`throughout`); capitals are set paragraph by paragraph.
THROUGHOUT = ("style", "bold", "size")
THROUGHOUT_LEAST = 3  # paragraphs that must carry a change for it to be one of the whole document


def restyles(old: Block | None, new: Block | None) -> tuple[Restyle, ...]:
    """What changed in the formatting of two paired paragraphs; none when either is not a .docx
    paragraph (a PDF's or a text's styles are guessed, a table's are its cells')."""
    if old is None or new is None or not _docx_paragraphs(old, new):
        return ()
    parts = []
    if recased(old, new):
        parts.append(Restyle("capitals", False, _count_capitals(new.text) > _count_capitals(old.text)))
    parts.extend(Restyle(what, a, b) for what, a, b in _values(old, new) if a != b)
    return tuple(parts)


def restyled(old: Block | None, new: Block | None) -> str | None:
    """What changed in the formatting of two paired paragraphs, in words ("style Heading 2 made
    Normal, bold removed"), or None when nothing did or either is not a .docx paragraph."""
    return said(restyles(old, new)) or None


def said(parts: Iterable[Restyle]) -> str:
    """Changes of formatting in words, as a change's place names them: "style Normal made Body
    Text, size 11 pt made 12 pt"."""
    return ", ".join(map(str, parts))


def _values(old: Block, new: Block) -> list[tuple[str, str | bool | float, str | bool | float]]:
    """Each of THROUGHOUT's values in both paragraphs, where both have it (a size may be unknown)."""
    return [(what, a, b) for what in THROUGHOUT
            if (a := getattr(old, what)) is not None and (b := getattr(new, what)) is not None]


def throughout(pairs: Iterable[tuple[Block, Block]]) -> list[tuple[Restyle, int]]:
    """The changes of formatting made throughout a document, each with how many of the paired
    paragraphs carry it: a change of a style, bold or size that more paragraphs of its old value
    carry than keep it or carry another, at least THROUGHOUT_LEAST, and either most of them or
    where that formatting differs in most paired paragraphs (another producer restyled them all:
    LibreOffice's "Normal" made "Body Text" though the bold "Normal" headings were made "Heading
    2"). A change of some paragraphs ("Heading 2" made "Heading 3" once, a paragraph made bold,
    three "Normal" paragraphs of ten made "Quote") is theirs."""
    compared: Counter[str] = Counter()
    differing: Counter[str] = Counter()
    carried: Counter[Restyle] = Counter()
    for old, new in pairs:
        if not _docx_paragraphs(old, new):
            continue
        for what, a, b in _values(old, new):
            compared[what] += 1
            differing[what] += a != b
            carried[Restyle(what, a, b)] += 1
    of_value: Counter[tuple[str, object]] = Counter()
    for part, n in carried.items():
        of_value[part.what, part.old] += n
    found = [(part, n) for part, n in carried.items()
             if part.old != part.new and n >= THROUGHOUT_LEAST
             and (2 * n > of_value[part.what, part.old] or 2 * differing[part.what] > compared[part.what])
             and all(m < n or (m == n and other.old != other.new) for other, m in carried.items()
                     if (other.what, other.old) == (part.what, part.old) and other != part)]
    return sorted(found, key=lambda found: (THROUGHOUT.index(found[0].what), -found[1]))


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
    return (old is not None and new is not None and _docx_paragraphs(old, new)
            and old.text != new.text and typed_text(old) == typed_text(new))


def _docx_paragraphs(old: Block, new: Block) -> bool:
    """Whether two paired blocks are both .docx paragraphs, whose formatting is compared: a PDF's
    or a text's styles are guessed (None), a table's are its cells'."""
    return old.style is not None and new.style is not None and "table" not in (old.type, new.type)


def _count_capitals(text: str) -> int:
    """How many capitals `text` prints: which of two recased paragraphs was set in capitals."""
    return sum(ch.isupper() for ch in text)


def blank_place(count: int) -> str:
    """How a run of blank paragraphs added or removed is named: 'blank paragraph', '2 blank paragraphs'."""
    return "blank paragraph" if count == 1 else f"{count} blank paragraphs"
