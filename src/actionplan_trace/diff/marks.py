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
from typing import Callable, Sequence, TypeVar

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
    return group_note_marks([old], [new], name)


def group_note_marks(olds: Sequence[Block], news: Sequence[Block], name: Namer) -> NoteMarks | None:
    """`note_marks` of paragraphs taken together: a paragraph split in several, or several
    joined in one, whose marks are the same wherever the split falls."""
    marks_a = [mark for block in olds for mark in _anchors(block)]
    marks_b = [mark for block in news for mark in _anchors(block)]
    words_a, words_b = [word for word, _, _ in marks_a], [word for word, _, _ in marks_b]
    left, right = surplus(words_a, words_b)
    if not left and not right:
        return None
    return NoteMarks([(name(key, False), quoted) for _, quoted, key in last_of_each(marks_b, words_b, right)],
                     [(name(key, True), quoted) for _, quoted, key in last_of_each(marks_a, words_a, left)])


def surplus(old: list[str], new: list[str]) -> tuple[Counter[str], Counter[str]]:
    """How many more times each key stands in `old` than in `new`, and the reverse: what one
    revision of a paragraph has that the other lacks (note marks by the word before them, links
    by their target)."""
    return Counter(old) - Counter(new), Counter(new) - Counter(old)


T = TypeVar("T")


def last_of_each(items: list[T], keys: list[str], extra: Counter[str]) -> list[T]:
    """The last `extra[key]` of `items` with each key (`keys[k]` is item k's), in reading order:
    those `surplus` counts, the earlier ones taken as matched."""
    left = Counter(extra)
    out: list[T] = []
    for item, key in zip(reversed(items), reversed(keys)):
        if left[key] > 0:
            left[key] -= 1
            out.append(item)
    return out[::-1]
