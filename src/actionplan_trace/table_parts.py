"""A table in parts keeps the meaning of its columns: what may stand between two parts of one table.

A table that runs over several pages reaches the structurer in parts. A PDF's reader stitches its
pages back together (extract/pdf_tables.py), but a text rendering of that PDF gives each page's
part on its own, after the page's footer, page number, running head and footnotes, with its header
row repeated or not; an author may also split a long Word table into several. The structurer reads
a part as more rows of the table above it (structure._Table.goes_on) only when a table rule split
that table into rows that open with a label (a roadmap's "A1:", "b."), the part is as wide and
opens with such a label, and only such page furniture and notes stand between the two
(`between_parts`). A body paragraph, a heading, a table of another width or one opening otherwise
ends the table; a table left whole takes no rows from another part.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from .model import Block, Cell
from .regexcache import regex

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_PLAIN_DIGITS = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
NOTE_MARK = regex(f"[{SUPERSCRIPT_DIGITS}]+")
# A note's text: its number set as a superscript ("⁵ WSIS Outcomes for each Action Line…"), or
# typed plain when the table cites that note or it follows the note before ("11 Relevant ITU…").
SUPERSCRIPT_NOTE = regex(f"^([{SUPERSCRIPT_DIGITS}]+)\\s*\\S")
PLAIN_NOTE = regex(r"^(\d{1,3})\s+\S")
# A page number as a footer sets it: "5", "- 5 -", "Page 5", "Page 5 of 30", "p. 5", "5/30"; the
# first letter of "Page" may be lost to a page's decoration ("rage 5"). A bare number has three
# digits at most: four are a year ("2025" over a table), the document's text.
PAGE_NUMBER = regex(r"^[-–—]?\s*(?:(?:[a-z]?age|p\.|pg\.?)\s*\d{1,4}|\d{1,3})(?:\s*(?:of|/)\s*\d{1,4})?\s*[-–—]?$",
                    re.IGNORECASE)
# A rule drawn with characters (the line Word sets above its notes), or a "continued" caption.
RULE = regex(r"^[_\-–—=─━·.*\s]{3,}$")
CONTINUED = regex(r"^\(?\s*(?:table\s+\S+\s*)?[(,–—-]?\s*cont(?:inued|'d|\.)?\s*\)?\s*[.:]?$", re.IGNORECASE)
# A running head or foot: a short line the document repeats; not a caption that says where the
# table above comes from or what it means ("Source: ITU", "Note: …"), which may repeat under
# every table.
RUNNING_WORDS = 12
TABLE_CAPTION = regex(r"^(?:sources?|notes?)\s*:", re.IGNORECASE)
# A column's name in a header row not set apart (no bold, no rule under it): a few words.
NAME_WORDS = 6


def cited_notes(row: Iterable[Cell]) -> set[int]:
    """The note numbers a table row cites as superscripts (a roadmap's header: "Proposed ⁶ Timing")."""
    return {int(mark.translate(_PLAIN_DIGITS)) for cell in row for mark in NOTE_MARK.findall(cell.text)}


def repeated_lines(blocks: Sequence[Block]) -> frozenset[str]:
    """The short paragraphs a document has more than once: its running heads and feet. A short line
    that repeats but opens a passage of text somewhere after the document's first table (a heading
    used twice, "Regional breakdown", followed by a paragraph of text) is none: a running line stands
    over or under a table part, a note, a page number or another running line, or at the end. Before
    the first table it may be the document's title over its text, which pages repeat as their head."""
    counts = Counter(text for b in blocks if b.type == "paragraph" and len(text := b.text.strip()) < 120
                     and len(text.split()) <= RUNNING_WORDS)
    repeated = {text for text, n in counts.items() if n > 1}
    first_table = next((k for k, b in enumerate(blocks) if b.type == "table"), len(blocks))
    texts = [b.text.strip() if b.type in ("paragraph", "list-item") else None for b in blocks]
    for k in range(first_table, len(blocks)):
        if texts[k] in repeated and _text_follows(texts, k + 1, repeated):
            repeated.discard(texts[k] or "")
    return frozenset(repeated)


def _text_follows(texts: list[str | None], start: int, repeated: set[str]) -> bool:
    """Whether the first non-empty block from `start` (`texts`: a paragraph's or list item's text,
    None for any other block) is a paragraph of text: no page number, rule, note, "continued"
    caption or repeated line."""
    following = next((t for t in texts[start:] if t is None or t), None)
    if not following:
        return False
    return not (following in repeated or PAGE_NUMBER.match(following) or RULE.match(following)
                or SUPERSCRIPT_NOTE.match(following) or PLAIN_NOTE.match(following) or CONTINUED.match(following))


def between_parts(block: Block, notes: set[int], running: Callable[[], frozenset[str]]) -> bool:
    """Whether `block` may stand between two parts of one table: empty, a footnote, a note's text
    (numbered as a superscript, or with a number in `notes`: those the table cites, and the one
    after each note met, which this adds), a page number, a rule, a "continued" caption or a
    running head or foot (one of `running()`, asked last) that is no caption (TABLE_CAPTION)."""
    if block.type == "footnote":
        return True
    if block.type not in ("paragraph", "list-item"):
        return False
    text = block.text.strip()
    if block.type == "list-item":  # "- 2 -" read as an item of a list with a dash
        return block.label is not None and PAGE_NUMBER.match(f"{block.label} {text}") is not None
    if not text or PAGE_NUMBER.match(text) or RULE.match(text):
        return True
    note = SUPERSCRIPT_NOTE.match(text)
    number = int(note.group(1).translate(_PLAIN_DIGITS)) if note else None
    if note is None and (note := PLAIN_NOTE.match(text)) is not None and int(note.group(1)) in notes:
        number = int(note.group(1))
    if number is not None:
        notes.add(number + 1)
        return True
    return CONTINUED.match(text) is not None or (text in running() and not TABLE_CAPTION.match(text))


def furniture_row(row: list[Cell]) -> bool:
    """Whether a table row holds nothing but rules drawn with characters ("-----" under a repeated
    header), or a page number set with its word or dashes ("Page 5", "- 5 -"): a footer a text
    rendering laid into the table's columns. A lone number is not one: it may be the last item of a
    list in a cell ("16,", "17")."""
    texts = [t for c in row if (t := c.text.strip())]
    if texts and all(RULE.match(t) for t in texts):
        return True
    return len(texts) == 1 and not texts[0].isdigit() and PAGE_NUMBER.match(texts[0]) is not None


def names_columns(rows: list[list[Cell]]) -> bool:
    """Whether a table part's first row reads as a header of its own, set in no other way than its
    words (Word's Save-as-text, a .docx header row shaded, not bold): every cell a short name
    without a digit, over rows some cell of which has one ("Region | Target" over "Africa | 4.1").
    A part that goes on with the table above opens with a row of data."""
    if len(rows) < 2 or not all(_column_name(cell.text) for cell in rows[0]):
        return False
    return any(any(ch.isdigit() for ch in cell.text) for row in rows[1:] for cell in row)


def _column_name(text: str) -> bool:
    text = text.strip()
    return bool(text) and len(text.split()) <= NAME_WORDS and not any(ch.isdigit() for ch in text)
