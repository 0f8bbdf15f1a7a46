"""Hyperlinks a paragraph or a table cell gains, loses or points elsewhere between two .docx revisions.

A link's target is no text of its paragraph (`Block.text` holds only the words it is set on), so a
link pointed elsewhere, or words made a link, would be no change at all: the reader keeps each
link's words and target (`Block.links`, `Cell.links`), and a paragraph or cell whose targets differ is a change, shown
by default as a note mark is, since a published plan's link sends its reader somewhere else. Links
are matched by target, so words edited inside a link that still points where it did are only a
word change.
"""

from __future__ import annotations

from ..model import Block, Cell, cell_link_spans, cell_starts
from ..record import record
from .marks import last_of_each, surplus

# One link as a change reports it: the words it is set on and where it points.
Link = tuple[str, str]
# Where a link's words stand in the text of its change (start, end): which words a report marks.
Span = tuple[int, int]
# A link as it is found: its words, its target and their span in the change's text.
Placed = tuple[str, str, int, int]


@record
class LinkChanges:
    """The links a paragraph gained and lost (`Link`s, in reading order), and their spans in the
    new and old text; a link pointed elsewhere is one lost and one gained on the same words."""

    added: list[Link]
    removed: list[Link]
    added_at: list[Span]
    removed_at: list[Span]

    def title(self) -> str:
        """The links' change in words: 'link on “ICTs” now to https://…'."""
        gone = list(self.removed)
        parts = []
        for text, target in self.added:
            was = next((link for link in gone if link[0] == text), None)
            if was is not None:
                gone.remove(was)
                parts.append(f"link on “{text}” now to {target} (was {was[1]})")
            else:
                parts.append(f"link to {target} added on “{text}”")
        parts.extend(f"link to {target} removed from “{text}”" for text, target in gone)
        return "; ".join(parts)


def _placed(text: str, spans: list[tuple[int, int, str]]) -> list[Placed]:
    return [(" ".join(text[start:end].split()), target, start, end) for start, end, target in spans]


def block_links(block: Block) -> list[Placed]:
    """A paragraph's links (Block.links), placed in its text as the diff gives it (labels.block_text:
    its list label and a tab first)."""
    shift = len(block.label) + 1 if block.label else 0
    return _placed(f"{block.label}\t{block.text}" if block.label else block.text,
                   [(shift + start, shift + end, target) for start, end, target in block.links or ()])


def cell_links(cell: Cell) -> list[Placed]:
    """A table cell's links (Cell.links), placed in its text (its paragraphs joined by line breaks)."""
    return _placed("\n".join(cell.paragraphs or [cell.text]), cell_link_spans(cell))


def row_links(row: list[Cell]) -> list[Placed]:
    """A table row's links, placed in its text (its cells joined by " | ")."""
    return [(text, target, at + start, at + end)
            for cell, at in zip(row, cell_starts(row)) for text, target, start, end in cell_links(cell)]


def link_changes(old: Block, new: Block) -> LinkChanges | None:
    """The links of paragraph `new` to a target `old` links to fewer times (added), and the
    reverse (removed); None when both link to the same targets."""
    return changed_links(block_links(old), block_links(new))


def changed_links(links_a: list[Placed], links_b: list[Placed]) -> LinkChanges | None:
    """The links of `links_b` to a target `links_a` has fewer of (added), and the reverse
    (removed): of two paragraphs, two table cells or two table rows; None when they link to the
    same targets."""
    targets_a, targets_b = [link[1] for link in links_a], [link[1] for link in links_b]
    left, right = surplus(targets_a, targets_b)
    if not left and not right:
        return None
    added, removed = last_of_each(links_b, targets_b, right), last_of_each(links_a, targets_a, left)
    return LinkChanges([(text, target) for text, target, _, _ in added], [(text, target) for text, target, _, _ in removed],
                       [(start, end) for _, _, start, end in added], [(start, end) for _, _, start, end in removed])
