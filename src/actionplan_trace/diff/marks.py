"""Note marks a paragraph gains or loses between two .docx revisions.

A footnote or endnote reference is no text of its paragraph (`Block.text` holds none), so a note
added or removed is its note's change, and where it is anchored would go unsaid: the reader keeps
each mark's place (`Block.notes`), and a mark is the same in both revisions when it stands after
the same word (a note renumbered, because one was added before it, keeps its marks). A paragraph
whose marks differ is a change: shown by default, as a note added or removed is an amendment and
its mark says what it applies to.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable

from ..model import Block
from ..record import record
from .tokens import words

CONTEXT_WORDS = 4  # how many words before a mark a report quotes
# One mark as a change reports it: its note's name ("footnote 2", or None when the note is not
# read) and the words before it in its paragraph ("" at its start).
Mark = tuple[str | None, str]
# A note's name from its Loc.footnote key, in the old revision (True) or the new.
Namer = Callable[[str, bool], str | None]


@record
class NoteMarks:
    """The marks a paragraph gained and lost (`Mark`s, in reading order)."""

    added: list[Mark]
    removed: list[Mark]

    def title(self) -> str:
        """The marks' change in words: 'footnote 2 mark added after “Smart Grids concepts”'."""
        parts = [f"{name or 'note'} mark {what} {_after(before)}"
                 for marks, what in ((self.added, "added"), (self.removed, "removed")) for name, before in marks]
        return "; ".join(parts)


def _after(before: str) -> str:
    return f"after “{before}”" if before else "at its start"


def _anchors(block: Block) -> list[tuple[str, str, str]]:
    """Each mark of `block` as (the word before it, folded, the words a report quotes, its note's key)."""
    out = []
    for at, key in block.notes or ():
        before = words(block.text[:at])
        quoted = " ".join(block.text[:at].split()[-CONTEXT_WORDS:])
        out.append((before[-1].casefold() if before else "", quoted, key))
    return out


def note_marks(old: Block, new: Block, name: Namer) -> NoteMarks | None:
    """The marks `new` has after a word `old` has none after (added), and the reverse
    (removed); None when both have the same."""
    marks_a, marks_b = _anchors(old), _anchors(new)
    left = Counter(word for word, _, _ in marks_a) - Counter(word for word, _, _ in marks_b)
    right = Counter(word for word, _, _ in marks_b) - Counter(word for word, _, _ in marks_a)
    if not left and not right:
        return None
    return NoteMarks(_unmatched(marks_b, right, name, False), _unmatched(marks_a, left, name, True))


def _unmatched(marks: list[tuple[str, str, str]], extra: Counter[str], name: Namer, old_side: bool) -> list[Mark]:
    """The last `extra[word]` marks after each word, as `Mark`s in reading order."""
    out: list[Mark] = []
    for word, quoted, key in reversed(marks):
        if extra[word] > 0:
            extra[word] -= 1
            out.append((name(key, old_side), quoted))
    return out[::-1]
