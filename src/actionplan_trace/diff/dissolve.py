"""Headings that one revision sets as paragraphs: the same text, another formatting.

A heading in one revision may be an ordinary paragraph in the other: an author took the heading
style off, or the other revision is a PDF or a bold-Normal copy where nothing tells the line from
body text, or pandoc's rendering dropped a clause's automatic number with its style ("1.
Introduction" is a bold "Introduction"). Its section then exists on one side only, and the diff
reported it removed, every word of it, and its text added to the section before it.

`dissolve_headings` reads such a section as the other revision does: its heading becomes a
paragraph of the section it follows in reading order (the one holding the table, after sections
made from table rows), and its blocks follow that paragraph; its
subsections keep their place under its parent. A document's first heading has no section before
it: where the other revision opens with front matter (a bold-Normal title that another producer,
LibreOffice, saved as Heading 1), the heading's paragraph opens an empty front matter of its own. It is done only where the other revision holds
that text (its number aside: normalised) as a paragraph followed by what follows the heading here
(the section's first block, or the next heading), nearly word for word, and no section of that
title followed the same way. The engine then pairs the paragraphs and reports the change as
"heading as a paragraph": formatting (hidden by default, as formatting is), with numbering when
the number went too, and with the words when the heading's words changed as well.

A heading deleted over text that stays, or inserted over text that was there, is dissolved the
same way: a section of one revision whose title no section of the other has, whose first block
the other holds right after what precedes the heading here (the text runs on without it). Its
heading becomes a "heading" block of the section it follows, with no paragraph to pair in the
other revision; the engine reports it as the section removed (added) with its heading alone, its
text compared where it now is, as the Word redline marks only the heading.
"""

from __future__ import annotations

from collections.abc import Collection
from ..record import replace

from rapidfuzz import fuzz

from ..model import Block, Document, Section
from .tokens import normalise

KEPT_KINDS = frozenset({"front-matter", "footnotes"})  # sections with no heading of their own
FOLLOWER = 60  # characters of the next block's normalised text that tell two paragraphs' places apart
ALIKE = 85  # rapidfuzz ratio at which two such starts are the same text, edited


Dropped = dict[int, Section]  # id of a heading block a heading deleted (inserted) over kept text became -> its section


def dissolve_headings(old: Document, new: Document) -> tuple[Document, Document, frozenset[int], Dropped]:
    """Both revisions with the plain headings the other sets as paragraphs dissolved, and the
    headings deleted or inserted over kept text (see the module docstring); the ids of the
    paragraph blocks the first became, and the heading blocks of the second with their sections.
    The documents given are not changed; one without such a heading is returned as it is."""
    old_out, from_old, dropped_old = _dissolved(old, new)
    new_out, from_new, dropped_new = _dissolved(new, old)
    return old_out, new_out, frozenset(from_old | from_new), dropped_old | dropped_new


def _dissolved(doc: Document, other: Document) -> tuple[Document, set[int], Dropped]:
    keys = {normalise(s.title) for s in doc.sections if _headed(s)}
    if not keys:
        return doc, set(), {}
    headed = _section_followers(other, keys)
    followed = _paragraph_followers(other, keys)
    joints = _joints(other)
    dropped: Dropped = {}
    kept: list[Section] = []
    by_id: dict[str, Section] = {}
    parent_of: dict[str, str | None] = {}  # a dissolved section's id -> its parent, for its subsections
    host_of: dict[str, str] = {}  # a dissolved section's id -> the kept section its heading joined
    made: set[int] = set()
    for n, section in enumerate(doc.sections):
        if _headed(section):
            key, first = normalise(section.title), _after_heading(doc, n)
            as_paragraph = not _alike(first, headed.get(key, ())) and _alike(first, followed.get(key, ()))
            if not kept and as_paragraph and (front := _front_matter(other)) is not None:
                kept.append(front)
                by_id[front.id] = front
            if kept and (as_paragraph or (key not in headed and section.blocks and (_before_heading(doc, n), first) in joints)):
                heading = Block("heading", section.heading or section.title, section.loc)
                if as_paragraph:
                    made.add(id(heading))
                else:
                    dropped[id(heading)] = section
                at = _last_with_blocks(kept)
                kept[at] = by_id[kept[at].id] = replace(kept[at], blocks=[*kept[at].blocks, heading, *section.blocks])
                parent_of[section.id], host_of[section.id] = section.parent, kept[at].id
                continue
        parent = _new_parent(section, parent_of, host_of, by_id)
        kept.append(section if parent == section.parent else replace(section, parent=parent))
        by_id[section.id] = kept[-1]
    if not made and not dropped:
        return doc, made, dropped
    return Document(doc.source, kept, doc.revisions), made, dropped


def _front_matter(other: Document) -> Section | None:
    """An empty front matter for a document whose first section has a heading the other revision
    sets as a paragraph of its front matter (a bold-Normal title another producer saved as
    Heading 1): the heading's paragraph then has a section to join, as in the other revision.
    None where the other revision opens with a heading too."""
    first = other.sections[0] if other.sections else None
    if first is None or first.kind != "front-matter":
        return None
    return Section(first.id, first.kind, first.number, first.title, first.parent, first.level)


def _new_parent(section: Section, parent_of: dict[str, str | None], host_of: dict[str, str],
                by_id: dict[str, Section]) -> str | None:
    """`section`'s parent once the headings above it are dissolved. A subsection of a dissolved
    heading goes where the other revision's outline puts it: under the section that took in the
    heading's paragraph, or the nearest section above that one at a higher level and of another
    kind ("Target 5.1" under "Goal 5" once "Progress achieved" is a paragraph of Goal 5; a
    resolution entry beside the entry before it, not under it); else under the dissolved
    heading's own parent."""
    parent = section.parent
    while parent in parent_of:
        host: str | None = host_of[parent]
        while host is not None and (by_id[host].level >= section.level or by_id[host].kind == section.kind):
            host = by_id[host].parent
        if host is not None:
            return host
        parent = parent_of[parent]
    return parent


def _last_with_blocks(kept: list[Section]) -> int:
    """The kept section whose blocks a dissolved heading follows: the last one, or the section
    before it that holds the table the last ones are made from (a table row's section has no
    place of its own in reading order)."""
    at = len(kept) - 1
    while at > 0 and _from_row(kept[at]):
        at -= 1
    return at


def _from_row(section: Section) -> bool:
    """Whether a section is made from a table row: its text lies in its table, among the blocks
    of the section before it, and its "heading" is the row's first cell."""
    return section.signal == "table-row"


def _headed(section: Section) -> bool:
    """Whether a section opens with a heading of its own: not front matter or footnotes, and not
    a table row (a table read as paragraphs is the engine's)."""
    return section.kind not in KEPT_KINDS and not _from_row(section)


def _alike(start: str | None, starts: Collection[str | None]) -> bool:
    """Whether `start` (of what follows a heading) is one of `starts`, or nearly (an edit in
    the first words of the text after it keeps it the same place)."""
    if start in starts:
        return True
    return start is not None and any(s is not None and fuzz.ratio(start, s) >= ALIKE for s in starts)


def _follower(text: str) -> str:
    return normalise(text)[:FOLLOWER]


def _heading_start(doc: Document, n: int) -> str | None:
    """The start of section `n`'s heading; None past the last section."""
    if n >= len(doc.sections):
        return None
    section = doc.sections[n]
    return _follower(section.heading or section.title)


def _after_heading(doc: Document, n: int) -> str | None:
    """The start of what follows section `n`'s heading in reading order: its first block, or the
    next section's heading (None at the end of the document)."""
    blocks = doc.sections[n].blocks
    return _follower(blocks[0].text) if blocks else _heading_start(doc, n + 1)


def _before_heading(doc: Document, n: int) -> str | None:
    """The start of what precedes section `n`'s heading in reading order: the last block of the
    section before it (the one holding the table, past sections made from its rows), or that
    section's heading."""
    m = n - 1
    while m > 0 and _from_row(doc.sections[m]):
        m -= 1
    blocks = doc.sections[m].blocks
    return _follower(blocks[-1].text) if blocks else _heading_start(doc, m)


def _joints(doc: Document) -> set[tuple[str | None, str | None]]:
    """The starts of each two texts next to each other in reading order (headings and blocks; a
    table row's section is in its table's block)."""
    starts: list[str | None] = []
    for n, section in enumerate(doc.sections):
        if not _from_row(section):
            starts.append(_heading_start(doc, n))
            starts.extend(_follower(block.text) for block in section.blocks)
    return set(zip(starts, starts[1:]))


def _section_followers(doc: Document, keys: set[str]) -> dict[str, set[str | None]]:
    """The normalised title of each section titled as one of `keys` -> the starts of what follows
    its heading (_after_heading)."""
    out: dict[str, set[str | None]] = {}
    for n, section in enumerate(doc.sections):
        if (key := normalise(section.title)) in keys:
            out.setdefault(key, set()).add(_after_heading(doc, n))
    return out


def _paragraph_followers(doc: Document, keys: set[str]) -> dict[str, set[str | None]]:
    """The normalised text of each paragraph reading as one of `keys` -> the starts of what
    follows it in reading order: the next block of its section, or the next section's heading
    (past the sections made from its tables' rows).
    A paragraph much longer than every key is not normalised to be sure it is none of them."""
    longest = 2 * max(map(len, keys)) + 40
    out: dict[str, set[str | None]] = {}
    for n, section in enumerate(doc.sections):
        blocks = section.blocks
        for k, block in enumerate(blocks):
            if block.type == "table" or len(block.text) > longest or (key := normalise(block.text)) not in keys:
                continue
            out.setdefault(key, set()).add(_follower(blocks[k + 1].text) if k + 1 < len(blocks) else _heading_start(doc, _after_rows(doc, n)))
    return out


def _after_rows(doc: Document, n: int) -> int:
    """The section that follows section `n`'s last block in reading order: the next one that is
    not made from a table row (those sections' text lies in a table among `n`'s blocks, before)."""
    m = n + 1
    while m < len(doc.sections) and _from_row(doc.sections[m]):
        m += 1
    return m
