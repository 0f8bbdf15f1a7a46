"""Hyperlinks a paragraph or a table cell gains, loses or points elsewhere between two .docx revisions.

A link's target is no text of its paragraph (`Block.text` holds only the words it is set on), so a
link pointed elsewhere, or words made a link, would be no change at all: the reader keeps each
link's words and target (`Block.links`, `Cell.links`), and a paragraph or cell whose targets differ is a change, shown
by default as a note mark is, since a published plan's link sends its reader somewhere else. Links
are matched by target, so words edited inside a link that still points where it did are only a
word change.
"""

from __future__ import annotations

from ..model import Block, Cell
from ..record import record
from .marks import last_of_each, surplus

# One link as a change reports it: the words it is set on and where it points.
Link = tuple[str, str]


@record
class LinkChanges:
    """The links a paragraph gained and lost (`Link`s, in reading order); a link pointed elsewhere
    is one lost and one gained on the same words."""

    added: list[Link]
    removed: list[Link]

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


def block_links(block: Block) -> list[Link]:
    """A paragraph's links (Block.links), each by its words and target."""
    return [(" ".join(block.text[start:end].split()), target) for start, end, target in block.links or ()]


def cell_links(cell: Cell) -> list[Link]:
    """A table cell's links (Cell.links), each by its words and target."""
    paragraphs = cell.paragraphs or [cell.text]
    return [(" ".join(paragraphs[line][start:end].split()), target)
            for line, start, end, target in cell.links or () if line < len(paragraphs)]


def link_changes(old: Block, new: Block) -> LinkChanges | None:
    """The links of paragraph `new` to a target `old` links to fewer times (added), and the
    reverse (removed); None when both link to the same targets."""
    return changed_links(block_links(old), block_links(new))


def changed_links(links_a: list[Link], links_b: list[Link]) -> LinkChanges | None:
    """The links of `links_b` to a target `links_a` has fewer of (added), and the reverse
    (removed): of two paragraphs, two table cells or two table rows; None when they link to the
    same targets."""
    targets_a, targets_b = [target for _, target in links_a], [target for _, target in links_b]
    left, right = surplus(targets_a, targets_b)
    if not left and not right:
        return None
    return LinkChanges(last_of_each(links_b, targets_b, right), last_of_each(links_a, targets_a, left))
