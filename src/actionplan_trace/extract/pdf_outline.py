"""A PDF's bookmarks (its document outline) as the headings they name.

Word ("Create bookmarks using headings"), LibreOffice and Chromium write one bookmark per heading,
nested as the headings are, with the heading's text as its title and its page as its destination.
The page itself only shows text in some font; the bookmarks say which paragraphs were headings, and
at what level. So each bookmark, in order, marks a paragraph at or after its page (up to a page
later, and after the heading the bookmark before it marked) that its title names: that block
becomes a heading with the bookmark's depth as its outline level (0 for the top), as a heading
style gives a .docx paragraph one. Text is compared without white space, case or hyphen forms, as
a PDF's line breaks and a heading's "All caps" formatting change them.

What a title names, tried over the whole window before the next way:
1. a paragraph whose text is the title, with or without a typed number on either side ("1 Summary"
   titles "Summary"; the page text is also tried with its list label);
2. paragraphs of one line each that the reader set apart (a heading wrapped with space between its
   lines, or broken by hand) and that make the title one after the other: they become one heading,
   its lines kept apart by line breaks as a .docx heading's;
3. a paragraph the reader joined to the heading above it (a heading with no space below it): it
   starts with the title and goes on with a capital or a number, not in lower case (a sentence that
   opens with the heading's words) or with a contents entry's leader dots; it is split there.

A bookmark whose title names no paragraph (a bookmark set by hand, a heading in a table) marks
nothing. Bookmarks are hints: a broken or cyclic outline, an unreadable title or a destination that
names no page loses only what it would have marked, and the whole pass looks at no more than
`WORK_PER_BLOCK` blocks for each block of the document.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from dataclasses import replace
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
# Blocks looked at, in all, for each block of the document: bookmarks that name nothing (hostile,
# or set by hand) cost no more than this.
WORK_PER_BLOCK = 50
# A title shorter than this (without white space) may be any paragraph's first word: it only marks
# a paragraph that is exactly its text.
MIN_PREFIX = 8
HEADING_TYPES = ("paragraph", "list-item", "heading")
# The most blocks one heading wrapped over lines may have been read as.
WRAPPED_LINES = 4
# What the rest of a paragraph split after a title may not open with: a contents entry's leader.
LEADER = (".", "…", "·", "_")

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
    """The outline of `document` in order, at most PER_PAGE bookmarks a page; a bookmark whose
    title cannot be read is left out."""
    found: list[Bookmark] = []
    limit = PER_PAGE * max(len(document), 1)
    try:
        for bookmark in document.get_toc(max_depth=MAX_DEPTH):
            if len(found) >= limit:
                break
            try:
                title = bookmark.get_title() or ""
            except UnicodeDecodeError:  # a damaged title (a lone UTF-16 surrogate)
                continue
            found.append(Bookmark(bookmark.level, title, _page(bookmark)))
    except pdfium.PdfiumError:
        pass
    return found


def _page(bookmark: pdfium.PdfBookmark) -> int | None:
    """The 1-based page a bookmark leads to, by its destination or a go-to action's (Acrobat and
    LaTeX write those; PDFium resolves both); None when it names none."""
    dest = bookmark.get_dest()
    index = dest.get_index() if dest is not None else None
    return None if index is None else index + 1


def _key(text: str) -> str:
    """`text` as bookmarks and page text are compared: no white space, plain hyphens, casefolded."""
    return "".join(plain_hyphens(text).split()).replace("\u00ad", "").casefold()


def _forms(text: str, label: str | None = None) -> tuple[str, ...]:
    """The keys (see _key) a title or a block's text is matched by: as it is, with its list label,
    and without a typed number (a bookmark or a page may leave out what the other shows)."""
    forms = [text, f"{label} {text}" if label else text, TYPED_NUMBER.sub("", text, count=1)]
    return tuple(dict.fromkeys(_key(form) for form in forms))


def _titles(title: str) -> tuple[str, ...]:
    """The keys a bookmark's title matches page text by (_forms), none of them empty."""
    return tuple(key for key in _forms(title) if key)


def _split_at(text: str, length: int) -> int | None:
    """The index in `text` after the first `length` characters of its key (see _key), when the
    rest opens a new word with a capital or a number (not a lower-case word, which goes on the
    sentence, nor a contents entry's leader); None otherwise."""
    count = 0
    for index, char in enumerate(text):
        size = len(_key(char))
        if not size:
            continue
        count += size
        if count == length:
            end = index + 1
            rest = text[end:].lstrip()
            ok = text[end:end + 1].isspace() and rest[:1] and not rest[:1].islower() and not rest.startswith(LEADER)
            return end if ok else None
        if count > length:
            return None
    return None


def _heading(block: Block, level: int, text: str | None = None) -> Block:
    return replace(block, type="heading", text=block.text if text is None else text, outline_level=level)


class _Marker:
    """The blocks being marked, each block's page (kept in step as blocks are merged and split),
    each block's match keys (computed once) and the work left (see WORK_PER_BLOCK)."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self.blocks = list(blocks)
        self.pages = [block.loc.page or 0 for block in self.blocks]
        self.keys: dict[tuple[str, str | None], tuple[str, ...]] = {}
        self.work = WORK_PER_BLOCK * max(len(self.blocks), 1)

    def key_forms(self, block: Block) -> tuple[str, ...]:
        """A block's _forms, computed once."""
        cache_key = (block.text, block.label)
        if cache_key not in self.keys:
            self.keys[cache_key] = _forms(*cache_key)
        return self.keys[cache_key]

    def window(self, start: int, bookmark: Bookmark) -> range:
        """The indices of the blocks `bookmark`'s heading may be (see the module docstring)."""
        if bookmark.page is None:
            return range(start, min(start + UNPLACED_SCAN, len(self.blocks)))
        first = bisect_left(self.pages, bookmark.page, lo=start)
        return range(first, bisect_right(self.pages, bookmark.page + PAGES_AFTER, lo=first))

    def mark(self, start: int, bookmark: Bookmark) -> int | None:
        """Mark the block `bookmark` names at or after `start`; the index after it, or None when
        no block is its heading (or no work is left)."""
        titles = _titles(bookmark.title)
        if not titles:
            return None
        window = self.window(start, bookmark)
        for way in (self.whole, self.wrapped, self.joined):
            for i in window:
                self.work -= 1
                if self.work < 0:
                    return None
                if self.blocks[i].type in HEADING_TYPES and way(i, titles, bookmark.level):
                    return i + 1
        return None

    def whole(self, i: int, titles: tuple[str, ...], level: int) -> bool:
        """Way 1: blocks[i]'s text is a title."""
        if not any(title in self.key_forms(self.blocks[i]) for title in titles):
            return False
        self.blocks[i] = _heading(self.blocks[i], level)
        return True

    def wrapped(self, i: int, titles: tuple[str, ...], level: int) -> bool:
        """Way 2: blocks[i] and the paragraphs after it make a title one after the other."""
        first = self.key_forms(self.blocks[i])[0]
        for title in titles:
            if len(title) < MIN_PREFIX or not title.startswith(first):
                continue
            so_far, j = first, i
            while so_far != title and j + 1 < min(len(self.blocks), i + WRAPPED_LINES) and self.blocks[j + 1].type == "paragraph":
                j += 1
                so_far += self.key_forms(self.blocks[j])[0]
                if not title.startswith(so_far):
                    break
            if so_far == title and j > i:
                self.blocks[i:j + 1] = [_heading(self.blocks[i], level, "\n".join(b.text for b in self.blocks[i:j + 1]))]
                del self.pages[i + 1:j + 1]
                return True
        return False

    def joined(self, i: int, titles: tuple[str, ...], level: int) -> bool:
        """Way 3: blocks[i] is a paragraph that starts with a title and goes on."""
        block = self.blocks[i]
        if block.type != "paragraph":
            return False
        first = self.key_forms(block)[0]
        for title in titles:
            end = _split_at(block.text, len(title)) if len(title) >= MIN_PREFIX and first.startswith(title) else None
            if end is not None:
                self.blocks[i:i + 1] = [_heading(block, level, block.text[:end]), replace(block, text=block.text[end:].strip())]
                self.pages.insert(i + 1, self.pages[i])
                return True
        return False


def mark_headings(blocks: Sequence[Block], bookmarks: Sequence[Bookmark]) -> list[Block]:
    """`blocks` (in reading order, so by page) with the paragraphs `bookmarks` name as headings
    (see the module docstring)."""
    marker = _Marker(blocks)
    start = 0
    for bookmark in bookmarks:
        after = marker.mark(start, bookmark)
        if after is not None:
            start = after
    return marker.blocks
