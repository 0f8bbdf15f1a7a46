"""A PDF's bookmarks (its document outline) as the headings they name; without them, its type sizes.

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

A PDF whose bookmarks mark no heading (a browser's print, a scan's text layer, a writer told not to
make them) still shows its headings by their type size, and a reader goes by that
(`size_headings`): a short paragraph (PdfSettings.heading_size_words) set distinctly larger than the
body (heading_size times the most used size) is a heading, the largest such size the top level,
the next one level below, and so on. A size the document prints much text in (more than
heading_size_share of the body's characters: a lead paragraph, a slide's text) is no heading size,
and neither is a block without three letters (a large figure, a drop cap) or a quotation (a pull
quote between quotation marks). The large lines before any body text are the document's title
block, not headings, as Word's Title style is in no outline, but for those after the last set in
the largest of their sizes that are in a size headings after the body text have: they head the
first section. A page's body size is the size most of its text is set in, when it
holds enough text (PAGE_BODY), as a browser scales a page to fit its widest table; but a page that
also sets some text in the document's body size (PAGE_BODY_KEPT) is measured against that size: a
page mostly of small type still sets its own paragraphs in the body size.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from typing import Sequence

import pypdfium2 as pdfium

from ..model import Block
from .pdf_settings import PDF_DEFAULTS, PdfSettings
from ..record import record, replace
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
# The fewest characters of a page's most used size that make it the page's body size.
PAGE_BODY = 300
# Characters in the document's body size that show a page is not scaled (_body_sizes).
PAGE_BODY_KEPT = 50
# Heading sizes (relative to the body) this close to a larger one are the same level.
SAME_SIZE = 0.04
# Decimals a size relative to the body is rounded to: sizes that print alike are one size.
RATIO_DIGITS = 2
# A paragraph is a heading by its size only with this many letters among its first
# HEADLINE_PREFIX characters (a large figure, "87%", or a drop cap is none).
HEADLINE_LETTERS = 3
HEADLINE_PREFIX = 40
# A paragraph between these quotation marks is a quotation (a pull quote), no heading by its size.
OPENING_QUOTES = "“\"‘«„"
CLOSING_QUOTES = "”\"’»“"

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


def bookmark_key(text: str) -> str:
    """`text` as bookmarks and page text are compared: no white space, plain hyphens, casefolded."""
    return "".join(plain_hyphens(text).split()).replace("\u00ad", "").casefold()


def _forms(text: str, label: str | None = None) -> tuple[str, ...]:
    """The keys (see bookmark_key) a title or a block's text is matched by: as it is, with its list label,
    and without a typed number (a bookmark or a page may leave out what the other shows)."""
    forms = [text, f"{label} {text}" if label else text, TYPED_NUMBER.sub("", text, count=1)]
    return tuple(dict.fromkeys(bookmark_key(form) for form in forms))


def _titles(title: str) -> tuple[str, ...]:
    """The keys a bookmark's title matches page text by (_forms), none of them empty."""
    return tuple(key for key in _forms(title) if key)


def _split_at(text: str, length: int) -> int | None:
    """The index in `text` after the first `length` characters of its key (see bookmark_key), when the
    rest opens a new word with a capital or a number (not a lower-case word, which goes on the
    sentence, nor a contents entry's leader); None otherwise."""
    count = 0
    for index, char in enumerate(text):
        size = len(bookmark_key(char))
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


def size_headings(blocks: Sequence[Block], settings: PdfSettings = PDF_DEFAULTS) -> list[Block]:
    """`blocks` with the short paragraphs set distinctly larger than their page's body text as
    headings, levels by relative size, largest first (see the module docstring)."""
    body = _body_sizes(blocks)
    ratios: dict[int, float] = {}
    printed: dict[float, int] = {}
    body_chars = 0
    first_body = len(blocks)
    for i, block in enumerate(blocks):
        page_body = body.get(block.loc.page or 0)
        if block.type not in HEADING_TYPES or not block.size or not page_body:
            continue
        ratio = round(block.size / page_body, RATIO_DIGITS)
        printed[ratio] = printed.get(ratio, 0) + len(block.text)
        if ratio == 1:
            body_chars += len(block.text)
            first_body = min(first_body, i)
        elif ratio >= settings.heading_size and _headline(block.text, settings):
            ratios[i] = ratio
    # The large lines before any body text are the title block, but for those after the last in
    # the largest of their sizes in a size headings have after it: they head the first section
    # ("Annual report" 22 pt, then "Activities in the regions" 17 pt and "Africa" 13.5 pt, then
    # the first paragraph), where a cover's subtitle and date are in sizes of their own.
    leading = [i for i in ratios if i < first_body]
    if leading:
        top = max(ratios[i] for i in leading)
        title_end = max(i for i in leading if ratios[i] == top)
        later = {ratio for i, ratio in ratios.items() if i > first_body}
        ratios = {i: ratio for i, ratio in ratios.items() if i > first_body or (i > title_end and ratio in later)}
    large = {ratio for ratio in set(ratios.values()) if printed[ratio] <= settings.heading_size_share * body_chars}
    levels = _levels(sorted(large, reverse=True))
    out = list(blocks)
    for i, ratio in ratios.items():
        if ratio in levels:
            out[i] = _heading(out[i], levels[ratio])
    return out


def _body_sizes(blocks: Sequence[Block]) -> dict[int, float]:
    """The body size each page's sizes are measured against: the size most of its paragraph text
    is set in, when that is at least PAGE_BODY characters (a browser's print scales each page to
    fit its widest table, so one document's body size differs by page), else the document's (a
    cover page prints little body text). A page that also sets PAGE_BODY_KEPT characters in the
    document's body size is not scaled: its body size is the document's (a page mostly of small
    type, a quoted list, has its own paragraphs in the body size, not in a heading size)."""
    per_page: dict[int, dict[float, int]] = {}
    everywhere: dict[float, int] = {}
    for block in blocks:
        if block.type in HEADING_TYPES and block.size:
            sizes = per_page.setdefault(block.loc.page or 0, {})
            sizes[block.size] = sizes.get(block.size, 0) + len(block.text)
            everywhere[block.size] = everywhere.get(block.size, 0) + len(block.text)
    if not everywhere:
        return {}
    document = max(everywhere, key=everywhere.__getitem__)
    body: dict[int, float] = {}
    for page, sizes in per_page.items():
        size = max(sizes, key=sizes.__getitem__)
        mixed = size != document and sizes.get(document, 0) >= PAGE_BODY_KEPT
        body[page] = size if sizes[size] >= PAGE_BODY and not mixed else document
    return body


def _levels(ratios: list[float]) -> dict[float, int]:
    """Outline levels of heading sizes (relative to the body, largest first): a size within
    SAME_SIZE of the largest of a level shares it (rounding, a page scaled a little)."""
    levels: dict[float, int] = {}
    level, top = -1, 0.0
    for ratio in ratios:
        if level < 0 or ratio < top * (1 - SAME_SIZE):
            if level + 1 == MAX_DEPTH:
                break
            level, top = level + 1, ratio
        levels[ratio] = level
    return levels


def _headline(text: str, settings: PdfSettings) -> bool:
    """Whether a paragraph's text may be a heading by its size: at most heading_size_words words, at
    least three letters, and not a quotation set large (a pull quote: “…”)."""
    stripped = text.strip()
    quoted = stripped[:1] in OPENING_QUOTES and stripped.rstrip(".!?;: ")[-1:] in CLOSING_QUOTES
    return (not quoted and len(text.split()) <= settings.heading_size_words
            and sum(ch.isalpha() for ch in text[:HEADLINE_PREFIX]) >= HEADLINE_LETTERS)
