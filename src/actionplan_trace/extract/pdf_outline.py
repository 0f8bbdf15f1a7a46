"""A PDF's bookmarks (its document outline) as the headings they name.

Word ("Create bookmarks using headings") and LibreOffice write one bookmark per heading, nested as
the headings are, with the heading's text as its title and its page as its destination. The page
itself only shows text in some font; the bookmarks say which paragraphs were headings, and at what
level. So each bookmark, in order, marks the first paragraph at or after its page (and after the
heading the bookmark before it marked) whose text is its title: that block becomes a heading with
the bookmark's depth as its outline level (0 for the top), as a heading style gives a .docx
paragraph one. Text is compared without white space, case or hyphen forms, as a PDF's line breaks
and a heading's "All caps" formatting change them.

A title matches with or without a typed number ("1 Summary" titles "Summary"), and the page text
with or without its list label. A heading the reader set apart over paragraphs of one line each (a
heading wrapped with space between its lines, or broken by hand) is those paragraphs one after the
other: they become one heading, its lines kept apart by line breaks as a .docx heading's. A
paragraph the reader joined to the heading above it (a heading with no space below it) starts with
the title and goes on: it is split there, the heading first. A bookmark whose title names no
paragraph (a bookmark set by hand, a heading in a table) marks nothing. Bookmarks are hints: a
broken or cyclic outline, or a destination that names no page, loses only what it would have marked.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import Sequence

import pypdfium2 as pdfium

from ..model import Block
from ..record import record
from ..text_patterns import TYPED_NUMBER, plain_hyphens

# Word's outline has nine levels; deeper bookmarks are no heading levels.
MAX_DEPTH = 9
# Bookmarks read at most, per page: a larger outline is no list of headings (or is hostile).
PER_PAGE = 50
# How many pages past its destination a bookmark's heading is looked for (a destination set to
# the foot of the page before).
PAGES_AFTER = 1
# How many blocks after the last marked heading a bookmark without a page is looked for.
UNPLACED_SCAN = 200
# A title shorter than this (without white space) may be any paragraph's first word: it only marks
# a paragraph that is exactly its text.
MIN_PREFIX = 8
HEADING_TYPES = ("paragraph", "list-item", "heading")
# The most blocks one heading wrapped over lines may have been read as.
WRAPPED_LINES = 4

# pypdfium2 logs a warning for a cyclic or too deep outline, which Python prints on stderr when
# nothing handles it: a reader of hints has nothing to tell there (an application that sets up
# logging still gets the record).
logging.getLogger("pypdfium2").addHandler(logging.NullHandler())


@record(frozen=True)
class Bookmark:
    """One entry of a PDF's outline: its depth (0 for the top), title and 1-based page (None when
    its destination names none)."""

    level: int
    title: str
    page: int | None


def read_bookmarks(document: pdfium.PdfDocument) -> list[Bookmark]:
    """The outline of `document` in order, at most PER_PAGE bookmarks a page."""
    found: list[Bookmark] = []
    limit = PER_PAGE * max(len(document), 1)
    try:
        for bookmark in document.get_toc(max_depth=MAX_DEPTH):
            if len(found) >= limit:
                break
            dest = bookmark.get_dest()
            index = dest.get_index() if dest is not None else None
            found.append(Bookmark(bookmark.level, bookmark.get_title() or "", None if index is None else index + 1))
    except pdfium.PdfiumError:
        pass
    return found


def _key(text: str) -> str:
    """`text` as bookmarks and page text are compared: no white space, plain hyphens, casefolded."""
    return "".join(plain_hyphens(text).split()).replace("\u00ad", "").casefold()


def _keys(block: Block) -> tuple[str, ...]:
    """The forms of a block's text a title may match: with its list label, and without a typed
    number (a bookmark may leave out what the page shows, or the reader may have set it apart)."""
    return _text_keys(block.text, block.label)


@lru_cache(maxsize=4096)
def _text_keys(text: str, label: str | None) -> tuple[str, ...]:
    """_keys of a block's text and label, once each: every bookmark whose page holds the block
    tries them."""
    forms = [text, f"{label} {text}" if label else text, TYPED_NUMBER.sub("", text, count=1)]
    return tuple(dict.fromkeys(_key(form) for form in forms))


def _split_at(text: str, length: int) -> int | None:
    """The index in `text` after the first `length` characters of its key (see _key), when a new
    word starts there; None otherwise."""
    count = 0
    for index, char in enumerate(text):
        if char.isspace() or char == "\u00ad":
            continue
        count += len(plain_hyphens(char).casefold())
        if count == length:
            end = index + 1
            return end if text[end:end + 1].isspace() and text[end:].strip() else None
        if count > length:
            return None
    return None


def _heading(block: Block, level: int, text: str | None = None) -> Block:
    return replace(block, type="heading", text=block.text if text is None else text, outline_level=level)


def _titles(title: str) -> tuple[str, ...]:
    """The keys a bookmark's title matches page text by: as it is, and without a typed number."""
    return tuple(key for key in dict.fromkeys((_key(title), _key(TYPED_NUMBER.sub("", title, count=1)))) if key)


def _mark_at(blocks: list[Block], pages: list[int], i: int, titles: tuple[str, ...], level: int) -> bool:
    """Make blocks[i] the heading one of `titles` names, if it is (see the module docstring):
    the block itself, the block with those after it that the reader set apart (a heading wrapped
    over lines it read as paragraphs), or the head of a paragraph it joined to the heading."""
    block = blocks[i]
    keys = _keys(block)
    if any(title in keys for title in titles):
        blocks[i] = _heading(block, level)
        return True
    for title in titles:
        if len(title) < MIN_PREFIX or not title.startswith(keys[0]):
            continue
        so_far, j = keys[0], i
        while so_far != title and j + 1 < min(len(blocks), i + WRAPPED_LINES) and blocks[j + 1].type == "paragraph":
            j += 1
            so_far += _key(blocks[j].text)
            if not title.startswith(so_far):
                break
        if so_far == title and j > i:
            blocks[i:j + 1] = [_heading(block, level, "\n".join(b.text for b in blocks[i:j + 1]))]
            del pages[i + 1:j + 1]
            return True
    if block.type != "paragraph":
        return False
    for title in titles:
        if len(title) >= MIN_PREFIX and keys[0].startswith(title):
            end = _split_at(block.text, len(title))
            if end is not None:
                blocks[i:i + 1] = [_heading(block, level, block.text[:end]), replace(block, text=block.text[end:].strip())]
                pages.insert(i + 1, pages[i])
                return True
    return False


def _mark(blocks: list[Block], pages: list[int], start: int, bookmark: Bookmark) -> int | None:
    """Mark the block `bookmark` names at or after `start` (see the module docstring); the index
    after it, or None when no block is its heading. `pages`: each block's page, kept in step."""
    titles = _titles(bookmark.title)
    if not titles:
        return None
    if bookmark.page is None:
        first, last = start, min(start + UNPLACED_SCAN, len(blocks))
    else:
        first = bisect_left(pages, bookmark.page, lo=start)
        last = bisect_right(pages, bookmark.page + PAGES_AFTER, lo=first)
    for i in range(first, min(last, len(blocks))):
        if blocks[i].type in HEADING_TYPES and _mark_at(blocks, pages, i, titles, bookmark.level):
            return i + 1
    return None


def mark_headings(blocks: Sequence[Block], bookmarks: Sequence[Bookmark]) -> list[Block]:
    """`blocks` (in reading order, so by page) with the paragraphs `bookmarks` name as headings
    (see the module docstring)."""
    marked = list(blocks)
    pages = [block.loc.page or 0 for block in marked]
    start = 0
    for bookmark in bookmarks:
        after = _mark(marked, pages, start, bookmark)
        if after is not None:
            start = after
    return marked
