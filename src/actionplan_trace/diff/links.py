"""Hyperlinks a paragraph gains, loses or points elsewhere between two .docx revisions.

A link's target is no text of its paragraph (`Block.text` holds only the words it is set on), so a
link pointed elsewhere, or words made a link, would be no change at all: the reader keeps each
link's words and target (`Block.links`), and a paragraph whose targets differ is a change, shown
by default as a note mark is, since a published plan's link sends its reader somewhere else. Links
are matched by target, so words edited inside a link that still points where it did are only a
word change.
"""

from __future__ import annotations

from collections import Counter

from ..model import Block
from ..record import record

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


def _links(block: Block) -> list[Link]:
    return [(" ".join(block.text[start:end].split()), target) for start, end, target in block.links or ()]


def link_changes(old: Block, new: Block) -> LinkChanges | None:
    """The links of `new` to a target `old` links to fewer times (added), and the reverse
    (removed); None when both link to the same targets."""
    links_a, links_b = _links(old), _links(new)
    left = Counter(target for _, target in links_a) - Counter(target for _, target in links_b)
    right = Counter(target for _, target in links_b) - Counter(target for _, target in links_a)
    if not left and not right:
        return None
    return LinkChanges(_unmatched(links_b, right), _unmatched(links_a, left))


def _unmatched(links: list[Link], extra: Counter[str]) -> list[Link]:
    """The last `extra[target]` links to each target, in reading order."""
    out: list[Link] = []
    for text, target in reversed(links):
        if extra[target] > 0:
            extra[target] -= 1
            out.append((text, target))
    return out[::-1]
