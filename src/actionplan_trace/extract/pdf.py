"""Read a PDF into a RawDocument: paragraphs, list items, tables and footnotes in reading order.

Characters, their boxes and fonts come from pypdfium2 (fast, no pdfminer pass); ruled tables are
found from the page's path objects with pdfplumber's lattice functions (see pdf_tables). Lines
are grouped from characters, page furniture (running headers, footers, page numbers: lines that
repeat at the same place on most pages, or look like "Page 3 of 12") is dropped, footnotes (below
the footnote separator, or a trailing run of small numbered lines) and endnotes (printed after the
body, `printed_end_notes`) are kept apart, and the
remaining lines are joined into paragraphs across line and page breaks. Each block records its
page and the line where it starts, plus bold and font-size hints for the structurer; the
paragraphs the PDF's bookmarks title are headings at the bookmarks' depths (pdf_outline).

How a line is told to continue the paragraph above (`_starts_paragraph`): it does, unless it
opens with a bullet, sits further below than the document's line pitch (measured on paragraphs'
wrapped lines where there are some, `estimate_spacing`: one-line paragraphs set apart set no line
pitch however many they are; a line set up to 1.45 font sizes below a too-full, unpunctuated line
of its own weight is still its wrap: `_wrapped_line`, for heading fonts and styles with a taller
line), changes weight or size,
follows a line that ended early (its own first word would have fitted there), leaves the
paragraph's indentation, or is a numbered line after a sentence end. After a list item one more
case opens a paragraph (`_heading_after_list`): a line at the list's left margin (left of the
item's text, or after a line that ended the item's sentence where continuation lines run back to
the margin), starting with a capital, short, without final punctuation, that ends early and is
followed by body text — a heading such as "Broadband networks: …" set in the body font with no
space above it. A bold line after a list is already apart by its weight. Over a page break
(`_continues_over_page`) a line continues only at the same indentation and weight, after a line
that filled the measure, not after a sentence end unless it starts in lower case, and not after a
one-line paragraph with room for another line below it (`_ended_above_foot`: a heading such as
"Programme: …" in the body font, its paragraph moved on by orphan control).

A page set in two or three columns (`_gutters`) is grouped into lines column by column
(`_column_lines`) and read column after column, what runs across the columns between them
(`_flow_keys`); a paragraph runs on over a column break as over a page break, measured against
its column (`_column_edges`). A line of a ruled table printed on past its rule goes back to its
cell (`_spilled`). Text still printed over other text (`_overprinted`) makes the page's reading
doubtful: a warning, and a CHK007 in `check`.

Tolerances (line splitting gap, footnote-mark size, wrapped-heading pitch, header/footer zone and
matching, table rule thickness, snapping, gutters, header-row similarity) are fields of the frozen
`PdfSettings` (pdf_settings.py; defaults are the tuned values): `extract_pdf` and `pdf_reading`
take one as `settings=` and pass it down to every step that uses one (line grouping, table
finders, furniture removal, paragraph joining, table stitching).
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
import warnings
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import partial
from pathlib import Path
from typing import Iterable, Sequence

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from rapidfuzz import fuzz

from ..errors import InputError, InputWarning, LimitError
from ..limits import MB, Limits, current, megabytes, over
from ..model import LAYOUT_DOUBT, Block, Cell, Loc, RawDocument, Revision, Source, View, nested_row_line, table_text
from ..record import field, record, replace
from ..regexcache import regex
from ..text_patterns import (DASH_BULLETS, LABEL_ONLY, NB_HYPHEN, PUA_GLYPHS, SET_APART_BULLETS, SOFT_HYPHEN, SHAPE_BULLETS,
                             TYPED_NUMBER, bullet_of, has_leader, is_bullet_glyph, roman,
                             is_bullet_label)
from . import file_source
from .hyphens import (COMPOUND, HYPHEN_MARK, LAST_PIECE, PIECE, Hyphenation, hyphen_pieces,
                      join_lines, judge_breaks)
from .numbered_items import numbered_items
from .pdf_markup import DELETED, hide, printed_marks, run_text, runs, unbracket_numbers
from .pdf_outline import Bookmark, bookmark_key, mark_headings, read_bookmarks, size_headings
from .pdf_settings import PDF_DEFAULTS, PdfSettings
from .pdf_script import cjk_close, cjk_join, has_rtl, reading_order
from .pdf_streams import (Decipher, LzwBudget, ObjectTooLarge, PageStreams, TooManyObjects, TooMuchLzw, UnknownEncryption,
                          MAX_COLUMNS, MAX_LINE, LineTooLong, WidePredictor, open_document, stream_sizes)
from .pdf_superscripts import keep_unnoted, note_marks
from .pdf_tables import (
    Grid,
    LayoutBreak,
    PagePath,
    PageTable,
    Segment,
    continues,
    find_aligned_grids,
    find_banded_grids,
    find_ruled_grids,
    find_wrapped_grids,
    join_rows,
    joined_edges,
    page_objects,
    page_paths,
    ruling_edges,
    stitch,
)

BOLD_FONT = regex(r"bold|black|heavy|semibold|demibold|extrabold", re.IGNORECASE)
SENTENCE_END = regex(r"[.:;!?]$")
# A line ending in an abbreviation that a number follows ("… in WTSA Res." / "44 (Rev. Hammamet,
# 2016)") has not ended its sentence: the number opening the next line is no list label, unless it
# reads as one (LABEL_LIKE). Case counts: "the arts." and "said no." end sentences.
BEFORE_NUMBER = regex(r"\b(?:Res|Resol|Rec|Recs|No|Nos|Art|Arts|Rev|Vol|Fig|Doc|Ref|Sect|Ch|para|paras|pp?)\.$")
# A number opening a line as a label does: "2." / "2)" / "3 References" (a capitalised word after it).
LABEL_LIKE = regex(r"^\s*\d+(?:\.\d+)*(?:[.)]|\s+[A-Z])")
HEADING_END = regex(r"[.:;,!?]$")
HYPHEN_END = regex(r"\w[-\u00ad\u2010\ufffe]$")
LEADER_END = regex(r"(?:[.…·]{3,}|\t)\s*\S*$|\d$")
# The largest baseline pitch (in font sizes) at which a line still wraps the one above.
# pdfium reports a hyphen that ends a line as a marker (0xFFFE, 0x02; a soft hyphen U+00AD as
# well), kept as HYPHEN_MARK until settle_line_hyphens tells the layout's (a soft hyphen, dropped
# where join_lines joins the lines: "telecom-" / "munication" is one word) from the word's own
# ("-"); a mark no one settled (a footnote's line) is a hyphen, as it always was. Symbol or
# Wingdings bullets as private-use code points: read them as the characters they show; a
# non-breaking hyphen is a hyphen (text_patterns.NB_HYPHEN).
LAYOUT_HYPHEN = "\u2010"  # what Chromium's automatic hyphenation (CSS hyphens: auto) prints at a line's end
GLYPH_FIXES = ({"\x02": HYPHEN_MARK, SOFT_HYPHEN: HYPHEN_MARK, NB_HYPHEN: "-"}
               | PUA_GLYPHS)
PAGE_NUMBER = regex(
    r"^(?:(?:page|p\.|seite|página)\s*)?[-–—]?\s*(?:\d+|[ivxlc]+)\s*[-–—]?(?:\s*(?:of|/|de|sur)\s*\d+)?$",
    re.IGNORECASE,
)
FOOTNOTE_LABEL = regex(r"^(\d{1,3}(?!\d|[.,]\d)|[*†‡§])\s*")
"""A footnote's number or sign, where the line opens with it: not the head of a longer number
("2026", "100,000", "12.5 %")."""
NOTE_SIGNS = set("*†‡§")
ROMAN_MARKS = set("ivx")
"""The letters of an endnote's mark in lower-case roman numerals ("i", "ii", "iv"), Word's and
LibreOffice's default endnote numbering; set raised, they are marks like footnotes' digits."""
# A footnote reference is set at most this share of the line's font size, raised by at least
# this share of it above the line's baseline.
IMAGE_ONLY = "no text layer (image-only PDF?); run OCR first, e.g. ocrmypdf"
NO_TEXT = "no text on any page (blank PDF, or text drawn as vector outlines); nothing to read"
ONLY_FURNITURE = ("no body text: its only text is running headers, footers or page numbers, repeated at the top or"
                  " foot of the pages")


@record(slots=True)
class Char:
    """One glyph in top-left page coordinates with its font hints."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    base: float = 0.0
    mark: str | None = None  # a printed revision mark on it: pdf_markup.DELETED or INSERTED
    hidden: bool = False  # left out of the text in the view read (pdf_markup.hide); its place stays
    # Set turned a quarter (a cell's text direction "bottom to top", 1, or "top to bottom", -1): its
    # `base` is then the x of its baseline (see turned_lines).
    turn: int = 0
    tab: bool = False  # a column leader's dots before it were dropped (_without_column_leaders): a tab stands there


@record
class Line:
    """Characters sharing a baseline (or one wide-gap segment of them)."""

    chars: list[Char]
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    base: float = 0.0
    page: int = 0
    number: int = 0
    marks: list[str] = field(default_factory=list)
    mark_at: list[int] = field(default_factory=list)  # where in `text` each of `marks` stood (pdf_superscripts)
    # the id() of each glyph of `chars` that does not decide the line's weight: a note's mark (`marks`) and a
    # raised word ending glued to digits (the "th" of "7th"), both set in a weight of their own (see _make_line)
    weightless: frozenset[int] = frozenset()
    spaced: bool = False  # the line ends with a space glyph of the PDF's own (see join_lines)
    broken: bool = False  # the line ends inside a word its column was too narrow for (see broken_words)
    breaks: bool = False  # the line ends at a line break inside its paragraph (see _line_break): "\n" follows
    # Its text starts (ends) right after (before) glyphs the view hides, with no space shown between
    # (pdf_markup): a hidden passage over the line break, "computing[, which … / economy]." is one,
    # and so is one that ends the line before a line opening with punctuation (CLOSING).
    open_start: bool = False
    open_end: bool = False
    # The left edge of the drop cap the line opens with (see drop_caps): its paragraph's lines below
    # the cap go back to that edge, and are no new paragraph for leaving the indentation beside it.
    drop: float | None = None

    @property
    def text_bold(self) -> bool:
        """Whether the line's text is bold, a list number it opens with aside: a browser draws an
        ordered list's "3." in the list's weight, not the bold of the heading it numbers. A note's
        mark or an ordinal's raised ending does not count (see `weightless`)."""
        if self.bold:
            return True
        number = TYPED_NUMBER.match(self.text)
        if number is None:
            return False
        rest = [c for c in self.chars if c.text.strip() and id(c) not in self.weightless][len("".join(number.group().split())):]
        return bool(rest) and all(c.bold for c in rest)

    @property
    def first_word_width(self) -> float:
        """Width of the line's first unbreakable piece (up to a space, or through a hyphen)."""
        for i, c in enumerate(self.chars):
            nxt = self.chars[i + 1] if i + 1 < len(self.chars) else None
            if c.text == "-" and i > 0:
                return c.x1 - self.x0
            if nxt is not None and nxt.text == " ":
                return c.x1 - self.x0
        return self.x1 - self.x0


CLOSING = ",.;:)]"


@record
class Para:
    """Lines joined into one paragraph or list item."""

    lines: list[Line]
    label: str | None = None
    indent: float = 0.0

    @property
    def text(self) -> str:
        lines = self.lines
        return join_lines([ln.text for ln in lines], self.label, [ln.spaced for ln in lines], _joined_without_space(lines),
                          [ln.breaks for ln in lines])


def _joined_without_space(lines: list[Line]) -> list[bool]:
    """For each line, whether no space follows it where its paragraph's lines are joined: it ends
    inside a word (Line.broken), or a passage the view hides runs over the break between the
    lines with text on either side of it (Line.open_end, open_start; a line the view hides whole
    is passed over), with no space shown at either end of it."""
    out = [ln.broken for ln in lines]
    last: Line | None = None  # the last line with text
    for k, ln in enumerate(lines):
        if not ln.text:
            continue
        if last is not None and (last.open_end and (ln.open_start or ln.text[:1] in CLOSING)
                                 or cjk_join(last.text, ln.text)):  # Chinese wraps with no space (pdf_script)
            out[k - 1] = True  # the entry join_lines reads before line k
        last = ln
    return out


@record
class PdfReading:
    """What read_pdf_detailed found: the RawDocument and what it dropped as (page, text): running
    headers, footers, page numbers and table header rows repeated on continuation pages
    (`furniture`), and footnote reference marks taken out of the text they were glued to
    (`note_marks`); and the words a narrow table column broke over two lines without a hyphen,
    read as one (`broken_words`: page, and the pieces the page prints)."""

    raw: RawDocument
    furniture: list[tuple[int, str]] = field(default_factory=list)
    note_marks: list[tuple[int, str]] = field(default_factory=list)
    broken_words: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)


# --- words a narrow column broke ----------------------------------------------------------

# A number as tables print it: grouped thousands or up to four digits, decimals, a sign, a percent.
NUMBER = regex(r"[-–−]?(?:\d{1,3}(?:[,.'’]\d{3})+|\d{1,4})(?:[.,]\d+)?%?")
NUMBER_START = regex(r"[-–−]?[\d,.'’]*")  # what may end a line a number goes on from
NUMBER_BREAKS = ("-", "–", "−", ",", ".", "'", "’")  # where a layout may break a number
SIBILANTS = ("s", "x", "z", "ch", "sh")  # what a plural in "es" follows
NUMBER_PIECE = regex(r"[\d,.'’%]*\d[\d,.'’%]*|%")  # what may begin the line it goes on on


def whole_words(groups: Iterable[list[Line]], flowing: Iterable[list[Line]] = ()) -> frozenset[str]:
    """The words (casefolded) the PDF prints whole somewhere, from `groups` of lines in reading
    order (a table cell's lines): every word of a line but its first and last, either of which may
    be a piece of a word broken at the line's edge, unless a space glyph of the PDF's own parts it
    from that edge (the line ends with one; the line above in the group does, or there is none).
    In `flowing` text (the pages' bodies) a layout breaks a word only at a hyphen, so there every
    word counts but the two pieces around a hyphen that ends a line: a word set at a line's edge
    ("remains standardization" / "essential") is as much the document's as one inside it."""
    words: set[str] = set()
    for lines in groups:
        after_space = True
        for line in lines:
            pieces = PIECE.findall(line.text)
            words.update(word.casefold() for word in pieces[int(not after_space):len(pieces) - int(not line.spaced)])
            after_space = line.spaced
    for lines in flowing:
        after_hyphen = False
        for line in lines:
            pieces = PIECE.findall(line.text)
            hyphen = HYPHEN_END.search(line.text) is not None
            words.update(word.casefold() for word in pieces[int(after_hyphen):len(pieces) - int(hyphen)])
            after_hyphen = hyphen
    return frozenset(words)


def settle_line_hyphens(groups: list[list[Line]], words: frozenset[str]) -> Hyphenation:
    """Tell the hyphens a layout set where it broke a word from the word's own hyphens (see
    hyphens.judge_breaks). pdfium marks every hyphen that ends a line alike (GLYPH_FIXES:
    HYPHEN_MARK), Word's automatic hyphenation ("telecom-" / "munication") and a compound broken
    at its hyphen ("next-" / "generation"); `words`: those the document prints whole (whole_words).
    The layout's stays soft, to be dropped when the lines are joined; the word's becomes a hyphen,
    as does one that ends a group's last line. What it found judges hyphens it cannot see the next
    line of (Hyphenation)."""
    compounds = frozenset(m.group().casefold() for lines in groups for line in lines for m in COMPOUND.finditer(line.text))
    broken: list[Line] = []
    pairs: list[tuple[str, str]] = []
    for lines in groups:
        for line, nxt in zip(lines, lines[1:]):
            if (line.page != nxt.page or line.text.endswith(LAYOUT_HYPHEN)) and HYPHEN_END.search(line.text):
                line.text = line.text[:-1] + HYPHEN_MARK  # pdfium marks no page's last line, nor Chromium's break
            if line.text.endswith(HYPHEN_MARK):
                broken.append(line)
                pairs.append((line.text, nxt.text))
        if lines and lines[-1].text.endswith(HYPHEN_MARK):
            lines[-1].text = lines[-1].text[:-1] + "-"
    found, layout = judge_breaks(pairs, words, compounds)
    for line, soft in zip(broken, layout):
        line.text = line.text[:-1] + (SOFT_HYPHEN if soft else "-")
    return found


def broken_words(lines: list[Line], left: float, right: float, words: frozenset[str]) -> None:
    """Mark the lines of a paragraph in a table cell (its text from `left` to `right`) that end
    inside a word.

    A word wider than its column is broken wherever the line ends, without a hyphen
    ("radiocommunicati" / "on"), and in a very narrow column more than once ("Se" / "pt" / "em" /
    "be" / "r 2019"): each line ran to the column's edge with no space glyph after it, and the
    next goes on in the same word's case (lower case, or the capitals of an acronym: "I" / "CT").
    The pieces are one word when they make a word the document prints whole elsewhere, or its plural
    or singular (`words`; the longest such word, so not "Sept" of "September"), unless there are two
    pieces, both are words of their own ("in" / "to" stays two words) and, with what is glued to
    them ("telecommunications/ICTs"), they would have fitted the column, so that the layout had no
    need to break them.
    """
    k = 0
    while k < len(lines) - 1:
        end = _broken_word(lines, k, left, right, words)
        if end == k:
            end = _broken_number(lines, k, left, right)
        for line in lines[k:end]:
            line.broken = True
        k = max(end, k + 1)


def _broken_word(lines: list[Line], k: int, left: float, right: float, words: frozenset[str]) -> int:
    """Where the word that ends `lines[k]` ends, when a narrow column broke it (see broken_words):
    the index of its last line, else `k`."""
    end = k
    parts: list[str] = []
    for j in range(k, len(lines) - 1):
        prev, line = lines[j], lines[j + 1]
        pieces = _pieces(prev, line)
        if pieces is None or prev.spaced or _ended_early(prev, line, right) or (j > k and prev.text != pieces[0]):
            break
        parts = [*(parts or pieces[:1]), pieces[1]]
        if _printed(parts, words) or (j == k and _opens_word(lines, k, right) and _forced_break(prev, line, pieces, left, right, words)):
            end = j + 1
    if end == k + 1 and _two_words(lines[k], lines[k + 1], left, right, words):
        return k
    return end


def _opens_word(lines: list[Line], k: int, right: float) -> bool:
    """Whether `lines[k]` may open a word: not after a line that is one piece run out to the edge
    (the word may go on: "comple" / "mented" / "by"), nor, at the paragraph's start, in lower case
    (a row split over a page: "Ass" / "ocia" / "te" with "Ass" left in the part above)."""
    if k == 0:
        return not lines[k].text[:1].islower()
    return not _filled_alone(lines[k - 1], lines[k], right)


def _filled_alone(prev: Line, line: Line, right: float) -> bool:
    """Whether `prev` is one piece, no space glyph after it, set out to where `line`'s first glyph
    would not have fitted: as a word wider than its column leaves the line it was broken on."""
    return not prev.spaced and " " not in prev.text.strip() and prev.x1 + _width(line, 1) >= right - 0.5


# The longest piece read as the end of a word the layout broke without the word being printed
# whole anywhere (_forced_break), and the short words no such piece is, printed or not: a
# three-letter end ("per", "via", "etc") is as often a word of its own.
MAX_FORCED_TAIL = 2
SHORT_WORDS = frozenset({"a", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my",
                         "no", "of", "on", "or", "so", "to", "up", "us", "we"})


def _forced_break(prev: Line, line: Line, pieces: tuple[str, str], left: float, right: float,
                  words: frozenset[str]) -> bool:
    """Whether a column too narrow for a word broke it where the document prints it nowhere whole:
    `prev` is that one piece, set from the column's left edge out to where the next glyph would
    not have fitted, no word the document prints, and what goes on is a short lower-case piece that
    is no word it prints either ("Propose" / "d", "multistakehold" / "er", "decisionmakin" / "g";
    not "complemented" / "by", "allocated" / "per", "infrastructure" / "e.g.", nor "Member" /
    "es" where "member" is printed). A word processor moves a word that does not fit to the next line and
    breaks it only when it is wider than the whole line, so the piece stands alone there. A single
    letter that is no short word ("e.g." prints a "g", "ITU-D" a "d") ends a word however printed;
    a two-letter piece must be neither a short word (SHORT_WORDS) nor one the document prints."""
    head, tail = pieces
    if prev.text != head or len(tail) > MAX_FORCED_TAIL or not (tail.isalpha() and tail.islower()):
        return False
    if line.text[len(tail):len(tail) + 1] == "." or tail in SHORT_WORDS:  # "e.g.", "i.e."; "by", "of"
        return False
    if prev.x0 > left + 0.5 * prev.size or not _filled_alone(prev, line, right) or head.casefold() in words:
        return False
    return len(tail) == 1 or tail not in words


def _printed(pieces: list[str], words: frozenset[str]) -> bool:
    """Whether the document prints the word `pieces` make whole (`words`, casefolded), or else its
    plural or its singular ("Members" / "hips" where only "Membership" is printed whole, "Ass" / "ocia" / "te"
    where only "associates" is; "es" only after a sibilant: "Box" / "es", not "Member" / "es").
    A plural or singular counts only when some piece is no printed word: "Start" / "up" stays two
    words where "startups" is printed, and "some" / "time" where "sometimes" is. A single letter is
    a word of its own only as "a" or "I": a printed "s" is a possessive's ("ITU's") or a plural's
    ("State(s)"), so "Notification" / "s" is "Notifications" where "notification" is printed."""
    folded = "".join(pieces).casefold()
    if folded in words:
        return True
    if all(_own_word(piece.casefold(), words) for piece in pieces):
        return False
    if folded + "s" in words:
        return True
    if folded.endswith("es") and folded[:-2].endswith(SIBILANTS) and folded[:-2] in words:
        return True
    return folded.endswith("s") and folded[:-1] in words


def _own_word(piece: str, words: frozenset[str]) -> bool:
    """Whether `piece` (casefolded) is a word the document prints (see _printed): a single letter
    only as "a" or "i"."""
    return piece in words and (len(piece) > 1 or piece in ("a", "i"))


def _broken_number(lines: list[Line], k: int, left: float, right: float) -> int:
    """Where the number that ends `lines[k]` ends, when a narrow column broke it (see
    broken_words): the index of its last line, else `k`. A number has no word list to tell its
    pieces by; they are one number when each line has no space glyph after it and ran to the
    column's edge (less than two of the next line's first glyph short of it) or ends at a break a
    number allows (after a sign, a comma or a point: the layout leaves room there, but not for what
    follows), each two pieces glued are wider than the column, so that the layout had to break them,
    and the pieces make one number as tables print them (NUMBER: "2017", "1,014", "18,512,900",
    "-3.61%"; not "20192020", two years one above the other)."""
    tail = _last_word(lines[k])
    if not NUMBER_START.fullmatch(tail):
        return k
    number, end, piece = tail, k, tail
    for j in range(k, len(lines) - 1):
        prev, line = lines[j], lines[j + 1]
        head = _first_word(line)
        if (prev.spaced or not NUMBER_PIECE.fullmatch(head)
                or (j > k and len(prev.text.split()) != 1)  # further on, a line that is all one piece
                or not (piece.endswith(NUMBER_BREAKS) or prev.x1 + 2 * _width(line, 1) >= right)
                or _glued(prev, piece, line, head) <= right - left):
            break
        number, piece = number + head, head
        if NUMBER.fullmatch(number):
            end = j + 1
    return end


def _two_words(prev: Line, line: Line, left: float, right: float, words: frozenset[str]) -> bool:
    """Whether the piece that ends `prev` and the one that begins `line` are words of their own
    (`_own_word`) that, with what is glued to them, would have fitted the column together."""
    pieces = _pieces(prev, line)
    if pieces is None or not all(_own_word(piece.casefold(), words) for piece in pieces):
        return False
    return _glued(prev, _last_word(prev), line, _first_word(line)) <= right - left + 0.5 * line.size


def _last_word(line: Line) -> str:
    """The last white-space-separated word of a line ("" for a blank one)."""
    words = line.text.split()
    return words[-1] if words else ""


def _first_word(line: Line) -> str:
    """The first white-space-separated word of a line ("" for a blank one)."""
    words = line.text.split(None, 1)
    return words[0] if words else ""


def _glued(prev: Line, tail: str, line: Line, head: str) -> float:
    """How wide `tail`, the end of `prev`, and `head`, the start of `line`, are set side by side."""
    return _width(prev, -len(tail)) + _width(line, len(head))


def _pieces(prev: Line, line: Line) -> tuple[str, str] | None:
    """The letters (or digits) that end `prev` and those that begin `line`, when the second can
    carry on the first's word (or number)."""
    tail = LAST_PIECE.search(prev.text)
    head = PIECE.match(line.text)
    if tail is None or head is None or not _same_case(tail.group()[-1], head.group()[0]):
        return None
    return tail.group(), head.group()


def _joined(lines: list[Line]) -> list[tuple[str, ...]]:
    """The pieces of each word broken_words found in a cell's lines."""
    out: list[list[str]] = []
    going_on = -1  # the index of the line the last word's last piece began
    for k, (prev, line) in enumerate(zip(lines, lines[1:])):
        pieces = _pieces(prev, line) if prev.broken else None
        if pieces is None:
            continue
        if k == going_on and prev.text == out[-1][-1]:  # a line that is all one piece: the word goes on
            out[-1].append(pieces[1])
        else:
            out.append(list(pieces))
        going_on = k + 1
    return [tuple(word) for word in out]


def _same_case(last: str, first: str) -> bool:
    """Whether a line's first character can carry on a word (or number) whose last character
    ended the line above: a digit after a digit, lower case after a letter, a capital after one."""
    if last.isdigit() or first.isdigit():
        return last.isdigit() and first.isdigit()
    return first.islower() or (first.isupper() and last.isupper())


def _width(line: Line, count: int) -> float:
    """Width of the line's first `count` glyphs (last, when `count` is negative), spaces aside."""
    glyphs = [c for c in line.chars if c.text != " "]
    piece = glyphs[:count] if count > 0 else glyphs[count:]
    return piece[-1].x1 - piece[0].x0 if piece else 0.0


# --- characters ---------------------------------------------------------------------------


def _font_hints(obj: ctypes.c_void_p, fonts: dict[bytes, bool]) -> bool:
    """Whether the text object's font is bold (page_chars asks once a text object; `fonts`: the
    answer for each font asked of so far, keyed by its pointer's bytes: a page of 780,000 one-glyph
    texts in one font asked its name 780,000 times)."""
    font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
    if not font:
        return False
    key = bytes(font)
    bold = fonts.get(key)
    if bold is None:
        buf = ctypes.create_string_buffer(256)
        pdfium_c.FPDFFont_GetBaseFontName(font, buf, 256)
        bold = fonts[key] = (bool(BOLD_FONT.search(buf.value.decode("latin-1")))
                             or pdfium_c.FPDFFont_GetWeight(font) >= 600)
    return bold


def page_chars(textpage: pdfium.PdfTextPage, height: float) -> list[Char]:
    """The page's glyphs (spaces kept) in content order.

    Whitespace pdfium generates is not taken as it is: its boxes are unreliable, and it may stand
    where glyphs merely sit apart. But a producer that sets words apart by moving the pen, with
    no space glyph (Chromium, TeX), leaves only those: a generated space between two glyphs of a
    line at least GENERATED_GAP font sizes apart becomes a space over the gap between them. (The
    line builder sets a space at a wider gap anyway; at a narrower one, as between the words of
    Chromium's bold serif headings, "Implementation framework" read "Implementationframework".)
    Not before a footnote's mark (a small raised digit or sign), which a justified line may set
    that far from the word it marks ("telecommunications ¹,"): it stays the word's (_make_line).

    pdfium answers one glyph at a time, several calls a glyph: the calls take the raw text page
    and references made once, which saves a third of the time a page takes. The glyphs of a line
    share the float objects of their top, bottom, baseline and size, which saves a third of the
    memory every page's glyphs hold until the whole document is read.

    A glyph turned a quarter (a table cell's text set bottom to top or top to bottom) is marked
    (`Char.turn`), for group_lines to read its column as a line (turned_lines)."""
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:
        text = _indexed_text(textpage, count)
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect_ref, ox_ref, oy_ref = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
    is_generated, loose_box = pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_GetLooseCharBox
    font_size, text_object = pdfium_c.FPDFText_GetFontSize, pdfium_c.FPDFText_GetTextObject
    origin, angle = pdfium_c.FPDFText_GetCharOrigin, pdfium_c.FPDFText_GetCharAngle
    cache: dict[bytes, bool] = {}  # bold or not, for each text object and (_font_hints) each font
    fonts: dict[bytes, bool] = {}
    floats: dict[float, float] = {}  # one object for each value (see above)
    share = floats.setdefault
    chars: list[Char] = []
    generated = False  # a generated space since the last glyph kept
    for i in range(min(count, len(text))):
        ch = text[i]
        if ch in "\r\n\x00":
            continue
        ch = GLYPH_FIXES.get(ch, ch)
        if ch.isspace():
            if is_generated(raw, i) == 1:
                generated = True
                continue
            ch = " "
        loose_box(raw, i, rect_ref)
        size = font_size(raw, i)
        obj = text_object(raw, i)
        key = bytes(obj)  # the pointer's bytes: cheaper than a cast to its address
        bold = cache.get(key)
        if bold is None:
            bold = cache[key] = _font_hints(obj, fonts)
        origin(raw, i, ox_ref, oy_ref)
        top, bottom = height - rect.top, height - rect.bottom
        if bottom < top:
            top, bottom = bottom, top
        base, size = height - oy.value, round(size, 1)
        turn = _turn(angle(raw, i))
        if turn:
            base = ox.value
        char = Char(ch, rect.left, rect.right, share(top, top), share(bottom, bottom), share(size, size), bold,
                    share(base, base), turn=turn)
        if generated and ch == "-" and _stretched_break(chars, char, text, i):
            char.text = HYPHEN_MARK
        elif (generated and ch != " " and chars and chars[-1].text != " " and _apart(chars[-1], char)
              and not _is_mark(char, chars[-1], chars[-1].size, chars[-1].base)  # a justified line's note mark
              and not cjk_close(chars[-1].text, ch, char.x0 - chars[-1].x1, min(chars[-1].size, size))):
            last = chars[-1]
            chars.append(Char(" ", last.x1, char.x0, last.top, last.bottom, last.size, last.bold, last.base))
        generated = False
        chars.append(char)
    return chars


TURN_SLACK = 0.05  # radians a glyph's angle may stray from a quarter turn and still be read as turned


def _turn(angle: float) -> int:
    """1 for a glyph pdfium gives a three-quarter turn (text set bottom to top), -1 for a quarter
    turn (top to bottom), 0 for any other angle (upright, or slanted: read as it stands)."""
    if abs(angle - 1.5 * math.pi) <= TURN_SLACK:
        return 1
    if abs(angle - 0.5 * math.pi) <= TURN_SLACK:
        return -1
    return 0


GENERATED_GAP = 0.1
# A justified line that LibreOffice hyphenates sets its hyphen apart from the word it breaks, with
# no space glyph between ("tar" / 0.1-0.21 font sizes / "-"); a word space is a quarter of one at least.
HYPHEN_STRETCH = 0.25


def _stretched_break(chars: list[Char], hyphen: Char, text: str, i: int) -> bool:
    """Whether the hyphen `hyphen` (at `i` of the page's `text`), after a space pdfium generated,
    is the one a justified line's automatic hyphenation set at its end, stretched away from the word
    it breaks ("tar -" / "gets"). It is, when it ends the line, follows a letter or digit, and the gap
    before it is narrower than a word space (HYPHEN_STRETCH): a dash after a word ("2020 -" / "2023")
    has a space glyph of its own, or a word space's width. pdfium marks such a hyphen as the line
    end's (HYPHEN_MARK) only right after the word; this one is marked here, for settle_line_hyphens."""
    if not chars or not chars[-1].text[-1:].isalnum() or text[i + 1:i + 2] not in ("", "\r", "\n"):
        return False
    last = chars[-1]
    same_line = abs(last.base - hyphen.base) < 0.5 * max(last.size, 1)
    return same_line and 0 <= hyphen.x0 - last.x1 < HYPHEN_STRETCH * max(min(last.size, hyphen.size), 1)


def _indexed_text(textpage: pdfium.PdfTextPage, count: int) -> str:
    """The page's text with one character per pdfium character index, for a page whose text range
    is not that long: pdfium leaves out of it a glyph its font maps to no character (a CJK font's
    full-width bracket without a ToUnicode entry), and every box after it would belong to the
    character before. A glyph without a character is a NUL here, which page_chars skips; a pair of
    UTF-16 surrogates is one character at the first index."""
    codes = [pdfium_c.FPDFText_GetUnicode(textpage, i) for i in range(count)]
    out: list[str] = []
    for i, code in enumerate(codes):
        if 0xD800 <= code < 0xDC00 and i + 1 < count and 0xDC00 <= codes[i + 1] < 0xE000:
            out.append(chr(0x10000 + ((code - 0xD800) << 10) + (codes[i + 1] - 0xDC00)))
        elif 0xD800 <= code < 0xE000 or code == 0:
            out.append("\x00")
        else:
            out.append(chr(code))
    return "".join(out)



def drawn_bullets(paths: list[PagePath], chars: list[Char], height: float) -> list[Char]:
    """List bullets drawn as shapes, as the characters they show. A browser's print of a list
    (Chromium's) draws each marker as a small path beside its item's first glyph, so the item read
    as a paragraph. A path counts when it is about square, at most 0.6 and at least 0.15 of the
    font size of the glyph that follows it on the same line within three font sizes, and nothing
    of that line lies just left of it; it takes that glyph's line box."""
    glyphs = sorted((c for c in chars if c.text != " "), key=lambda c: c.top)
    if not glyphs:
        return []
    tops = [c.top for c in glyphs]
    tallest = max(c.bottom - c.top for c in glyphs)
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    out: list[Char] = []
    for raw, left, bottom, right, top in paths:
        w, h = right - left, top - bottom
        if not 0.5 <= w <= 12 or abs(w - h) > 0.25 * max(w, h):
            continue
        mid = height - (top + bottom) / 2
        near = glyphs[bisect_left(tops, mid - tallest):bisect_right(tops, mid)]
        line = [c for c in near if c.bottom >= mid]
        after = min((c for c in line if c.x0 >= right), key=lambda c: c.x0, default=None)
        if after is None or not 0.15 * after.size <= w <= 0.6 * after.size or after.x0 - right > 3 * after.size:
            continue
        if any(left - after.size < c.x1 <= left + 0.5 for c in line):
            continue
        pdfium_c.FPDFPath_GetDrawMode(raw, ctypes.byref(fill), ctypes.byref(stroke))
        segments = pdfium_c.FPDFPath_CountSegments(raw)
        kinds = {pdfium_c.FPDFPathSegment_GetType(pdfium_c.FPDFPath_GetPathSegment(raw, i)) for i in range(segments)}
        round_ = segments > 6 or pdfium_c.FPDF_SEGMENT_BEZIERTO in kinds
        glyph = SHAPE_BULLETS[bool(fill.value), round_]
        out.append(Char(glyph, left, right, after.top, after.bottom, after.size, False, after.base))
    return out


def _apart(left: Char, right: Char) -> bool:
    """Whether `right` follows `left` on the same line at least GENERATED_GAP font sizes after it."""
    same_line = abs(left.base - right.base) < 0.5 * max(left.size, 1)
    return same_line and right.x0 - left.x1 >= GENERATED_GAP * max(min(left.size, right.size), 1)


# --- lines --------------------------------------------------------------------------------


def _raised(c: Char, prev: Char, size: float, base: float, settings: PdfSettings = PDF_DEFAULTS) -> bool:
    """Whether `c` is set small and raised (a superscript) right after `prev`, with no space between."""
    return c.size <= settings.mark_size * size and c.base < base - settings.mark_raise * size and c.x0 - prev.x1 < 0.3 * size


def _is_mark(c: Char, prev: Char | None, size: float, base: float, settings: PdfSettings = PDF_DEFAULTS) -> bool:
    """Whether `c` is (part of) a note reference: a small raised digit, note sign or roman letter
    (an endnote's) set right after the text it marks (no space between)."""
    if prev is None or not (c.text.isdigit() or c.text in NOTE_SIGNS or c.text in ROMAN_MARKS):
        return False
    return _raised(c, prev, size, base, settings)


def _make_line(chars: list[Char], settings: PdfSettings = PDF_DEFAULTS) -> Line | None:
    """One line from its glyphs; footnote reference marks go to `marks`, not into the text.

    The line is bold when all its glyphs are, but for those in `weightless`: a note's mark, and the
    raised letters of an ordinal ("7th", "21st"), which Word sets superscript in the weight of their
    own run, regular in a bold heading; read as regular, they cut the heading at that line. Only
    letters glued to a digit of the text (or to such a letter) count: a raised digit there is a mark,
    and text of another weight on the line still makes it not bold."""
    chars = sorted(chars, key=lambda c: c.x0)
    visible = [c for c in chars if c.text != " "]
    if not visible:
        return None
    biggest = max(c.size for c in visible)
    big = sorted(c.base for c in visible if c.size == biggest)
    base = big[len(big) // 2]
    parts: list[str] = []
    spans: list[tuple[float, float] | None] = []  # each part's x extent (pdf_script.reading_order)
    space: Char | None = None  # the space glyph since `prev`
    marks: list[str] = []
    mark_at: list[int] = []
    marked: set[int] = set()
    suffix: set[int] = set()  # the raised letters of an ordinal ending
    prev: Char | None = None
    pending = in_mark = False
    edge = -math.inf  # where the glyphs hidden since `prev` end (pdf_markup): a gap is measured from there
    hiding = False
    for c in chars:
        if c.hidden:
            edge, hiding = max(edge, c.x1), True
            continue
        if c.text == " ":
            pending, space = True, c
            continue
        if not pending and _is_mark(c, prev, biggest, base, settings):
            marked.add(id(c))
            if in_mark:
                marks[-1] += c.text
            else:
                marks.append(c.text)
                mark_at.append(sum(map(len, parts)))
            prev, in_mark, edge = c, True, -math.inf
            continue
        if prev is not None and (pending or c.x0 - max(prev.x1, edge) > 0.2 * max(min(c.size, prev.size), 1)
                                 and c.text != HYPHEN_MARK  # a line end's hyphen is its word's (_stretched_break)
                                 and not cjk_close(prev.text, c.text, c.x0 - max(prev.x1, edge), min(c.size, prev.size))):
            parts.append("\t" if c.tab else " ")
            spans.append((space.x0, space.x1) if pending and space is not None else None)
        elif (prev is not None and c.text.isalpha() and (prev.text.isdigit() and id(prev) not in marked or id(prev) in suffix)
              and _raised(c, prev, biggest, base, settings)):
            suffix.add(id(c))
        parts.append(c.text)
        spans.append((c.x0, c.x1))
        prev, pending, in_mark, edge, space = c, False, False, -math.inf, None
    sizes = Counter(c.size for c in visible if id(c) not in marked)
    weightless = frozenset(marked | suffix)
    size = sizes.most_common(1)[0][0]
    main = [c for c in visible if c.size == size]
    shown = [k for k, c in enumerate(chars) if not c.hidden and c.text != " "] if hiding else []
    open_end = bool(shown) and shown[-1] + 1 < len(chars) and chars[shown[-1] + 1].hidden
    text = "".join(parts)
    if has_rtl(text):
        parts, mark_at = reading_order(parts, spans, mark_at)
        text = "".join(parts)
    text = text.strip()
    if hiding and LABEL_ONLY.match(text):  # a list item the view hides but for its bullet or number
        text = ""
    return Line(
        chars=chars,
        text=text,
        x0=visible[0].x0,
        x1=max(c.x1 for c in visible),
        top=min(c.top for c in main),
        bottom=max(c.bottom for c in main),
        size=size,
        bold=all(c.bold for c in visible if id(c) not in weightless),
        base=sorted(c.base for c in main)[len(main) // 2],
        marks=marks,
        mark_at=mark_at,
        weightless=weightless,
        spaced=chars[-1].text == " ",
        open_start=bool(shown) and shown[0] > 0 and chars[shown[0] - 1].hidden,
        open_end=open_end,
    )


def group_lines(chars: list[Char], split_gap: float | None = None, settings: PdfSettings = PDF_DEFAULTS) -> list[Line]:
    """Cluster glyphs into lines by vertical overlap; optionally split lines at wide gaps.

    Rows are first cut where a glyph's middle leaves the current row's band (the box of the
    row's first glyph, or of a larger one that joins: a superscript that sorts first must not
    set the band, or the commas below it fall out of the row), then neighbouring rows that
    overlap by half their height are merged (superscripts, mixed sizes), and so are rows that
    overlap at all of one size on one baseline (an Arabic line whose band a vowel sign above the letters set: its short
    final letters, whose boxes reach no higher than the baseline, fall below that band).
    """
    turned = [c for c in chars if c.turn]
    if turned:
        chars = [c for c in chars if not c.turn]
    caps = drop_caps(chars)
    if caps:
        capped = {id(c) for run in caps for c in run}
        chars = [c for c in chars if id(c) not in capped]
    rows: list[list[Char]] = []
    bands: list[list[float]] = []
    band_sizes: list[float] = []
    for c in sorted(chars, key=lambda c: (c.top + c.bottom) / 2):
        mid = (c.top + c.bottom) / 2
        if rows and bands[-1][0] - 1 <= mid <= bands[-1][1] + 1:
            rows[-1].append(c)
            if c.text != " " and c.size > band_sizes[-1] + 0.5:
                bands[-1], band_sizes[-1] = [c.top, c.bottom], c.size
            continue
        if c.text == " ":
            home = next((k for k in range(len(rows) - 1, max(len(rows) - 4, -1), -1)
                         if bands[k][0] - 1 <= mid <= bands[k][1] + 1), None)
            if home is not None:
                rows[home].append(c)
            continue
        rows.append([c])
        bands.append([c.top, c.bottom])
        band_sizes.append(c.size)
    merged_rows: list[list[Char]] = []
    merged_bands: list[list[float]] = []
    for row, band in zip(rows, bands):
        if merged_bands:
            last = merged_bands[-1]
            overlap = min(last[1], band[1]) - max(last[0], band[0])
            if (overlap >= 0.5 * min(last[1] - last[0], band[1] - band[0])
                    or overlap > 0 and _one_baseline(merged_rows[-1], row)):
                merged_rows[-1].extend(row)
                last[0], last[1] = min(last[0], band[0]), max(last[1], band[1])
                continue
        merged_rows.append(row)
        merged_bands.append(list(band))
    placed: list[tuple[int, float, Line]] = []  # (the row's top, rounded; x0; a piece of the row)
    for row, band in zip(merged_rows, merged_bands):
        row = _without_column_leaders(row, settings)
        pieces = _split_wide(sorted(row, key=lambda c: c.x0), split_gap) if split_gap is not None else [row]
        for piece in pieces:
            line = _make_line(piece, settings)
            if line is not None:
                placed.append((round(band[0]), line.x0, line))
    if turned:
        for turn in (1, -1):
            run = turned_lines([c for c in turned if c.turn == turn], split_gap, settings)
            if run:  # one place for the run, which keeps its reading order (the sort is stable)
                key = (round(min(ln.top for ln in run)), min(ln.x0 for ln in run))
                placed += [(key[0], key[1], ln) for ln in run]
    # The pieces of one row stay in x order: each piece's own top may round to another point
    # (a capital's 525.4 beside a digit's 525.6) and set a list number after its heading's text.
    placed.sort(key=lambda p: (p[0], p[1]))
    lines = [line for _, _, line in placed]
    for cap in caps:
        _join_drop_cap(lines, cap, settings)
    return lines


LEADER_GLYPHS = frozenset(".…·")
PAGE_ONLY = regex(r"(?:\d+|[ivxlc]+)", re.IGNORECASE)


def _without_column_leaders(row: list[Char], settings: PdfSettings = PDF_DEFAULTS) -> list[Char]:
    """`row` without the glyphs of its column leaders: a dot leader (four or more of `.…·`, spaces
    between them allowed, at least `line_split_gap` font sizes long) between text and more text
    that is no page number, as a tab with a leader sets between two columns ("Buenos Aires
    ........ 9-20 October 2017"). Its dots are no text, and the gap they filled parts the columns
    (of an unruled table: _split_wide) or, in a line read whole, is a tab (Char.tab), as in the
    .docx; kept, the two columns were read as one ("Buenos Aires.....9-20 October 2017"). A contents entry's leader before its page number stays: contents.py
    reads the entry by it, and `diff` takes it for the .docx's tab. So does a leader drawn over
    the text beside it (LibreOffice runs one under a contents entry's number and title when its
    tab stop lies past the margin): it fills no gap."""
    if len([c for c in row if c.text in LEADER_GLYPHS]) < 4:
        return row
    row = sorted(row, key=lambda c: c.x0)
    drop: set[int] = set()
    k = 0
    while k < len(row):
        if row[k].text not in LEADER_GLYPHS:
            k += 1
            continue
        j, dots = k, 0
        while j < len(row) and (row[j].text in LEADER_GLYPHS or row[j].text == " "):
            dots += row[j].text != " "
            j += 1
        after = "".join(c.text for c in row[j:]).strip()
        if (dots >= 4 and after and not PAGE_ONLY.fullmatch(after) and any(c.text.strip() for c in row[:k])
                and row[j - 1].x1 - row[k].x0 >= settings.line_split_gap * row[k].size
                and row[k - 1].x1 <= row[k].x0 + 0.5 and row[j].x0 >= row[j - 1].x1 - 0.5):
            drop.update(range(k, j))
            row[j].tab = True
        k = j
    return [c for i, c in enumerate(row) if i not in drop] if drop else row


# A drop cap is set at least this many times the size of the text it is dropped into.
DROP_CAP_SIZE = 1.8


def drop_caps(chars: list[Char]) -> list[list[Char]]:
    """The drop caps among `chars`, each the glyphs it is set in: a letter or digit, or two set
    together, after any opening quotation marks ("IN", "“T"; DROP_CAP_LETTERS), set alone (no other
    glyph of half its size or more within its size of it on its height) at least DROP_CAP_SIZE
    times the page's most common size, with two or more lines of smaller text (DROP_CAP_SIZE times
    at least) beside it that start within half its size of its right edge and sit within its
    height (a drop cap's top is the first line's, its baseline the last's). Grouped with them, its
    tall box took those lines into one row, read glyph by glyph across them ("UniTmdhpeer lge…")."""
    sizes = {c.size for c in chars}
    if not sizes or max(sizes) < DROP_CAP_SIZE * min(sizes):
        return []
    glyphs = [c for c in chars if c.text.strip()]
    if not glyphs:
        return []
    body = Counter(c.size for c in glyphs).most_common(1)[0][0]
    out = []
    for run in _big_runs([c for c in glyphs if c.size >= DROP_CAP_SIZE * body]):
        letters = sum(1 for c in run if c.text.isalnum())
        if not 1 <= letters <= DROP_CAP_LETTERS or not all(c.text.isalnum() or c.text in CAP_QUOTES for c in run):
            continue
        cap = _cap_box(run)
        reach = cap.size / DROP_CAP_SIZE
        if any(g.size > 0.5 * cap.size and g.top < cap.bottom and g.bottom > cap.top
               and max(g.x0 - cap.x1, cap.x0 - g.x1) < cap.size and all(g is not c for c in run) for g in glyphs):
            continue
        starts: dict[float, float] = {}  # the leftmost glyph right of the cap per baseline
        for g in glyphs:
            if (g.size <= reach and g.x0 >= cap.x1 - 1 and cap.top + 0.5 * g.size <= g.base <= cap.base + 0.5 * g.size):
                key = round(g.base)
                starts[key] = min(starts.get(key, math.inf), g.x0)
        if sum(1 for x in starts.values() if x <= cap.x1 + 0.5 * cap.size) >= 2:
            out.append(run)
    return out


# A drop cap is at most this many letters or digits set together, after any quotation marks that
# open its word (three capitals, "ITU" beside an address, are more likely a logo's).
DROP_CAP_LETTERS = 2
CAP_QUOTES = frozenset("\"'“‘„«‹")


def _big_runs(big: list[Char]) -> list[list[Char]]:
    """The large glyphs `big` in runs of glyphs set together: of one size, on one baseline, each
    less than a quarter of the size after the one before."""
    runs: list[list[Char]] = []
    for c in sorted(big, key=lambda c: (round(c.base), c.x0)):
        last = runs[-1][-1] if runs else None
        if (last is not None and abs(c.size - last.size) <= 0.05 * last.size and abs(c.base - last.base) <= 0.1 * c.size
                and -1 <= c.x0 - last.x1 < 0.25 * c.size):
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def _cap_box(run: list[Char]) -> Char:
    """One glyph standing for the drop cap set in the glyphs `run`: their text, box and size."""
    return replace(run[0], text="".join(c.text for c in run), x1=run[-1].x1,
                   top=min(c.top for c in run), bottom=max(c.bottom for c in run))


def _join_drop_cap(lines: list[Line], run: list[Char], settings: PdfSettings = PDF_DEFAULTS) -> None:
    """Put the drop cap set in the glyphs `run` (drop_caps) at the head of the first line beside
    it, glued to its word unless set a space apart ("U" + "nder each" is "Under each"; "A" + "new
    plan", "A new plan"); it counts for neither the line's weight nor its size."""
    cap = _cap_box(run)
    beside = [k for k, ln in enumerate(lines)
              if cap.x1 - 1 <= ln.x0 <= cap.x1 + 0.5 * cap.size and cap.top - ln.size <= ln.top and ln.base <= cap.base + 0.5 * ln.size]
    if not beside:
        alone = _make_line(run, settings)
        if alone is not None:
            lines.append(alone)
        return
    k = min(beside, key=lambda k: lines[k].top)
    line = lines[k]
    head = cap.text + (" " if line.x0 - cap.x1 > 0.25 * line.size else "")
    lines[k] = replace(line, chars=[*run, *line.chars], text=head + line.text, x0=cap.x0,
                       mark_at=[at + len(head) for at in line.mark_at], weightless=line.weightless | set(map(id, run)),
                       drop=cap.x0)


def turned_lines(chars: list[Char], split_gap: float | None = None,
                 settings: PdfSettings = PDF_DEFAULTS) -> list[Line]:
    """The lines of glyphs all turned one way (`Char.turn`), in reading order.

    A table cell's text direction "bottom to top" (or "top to bottom"), common in a matrix
    table's header, sets each glyph turned a quarter: read as upright text, each glyph was a line
    of its own, in reverse ("Baseline" read "e/n/i/l/e/s/a/B"). Here each column of glyphs is one
    line: its glyphs are turned upright (the reading direction along x, the glyph's top up) to be
    read as upright glyphs are (`_make_line`: a space at a gap, marks), then the line takes the
    glyphs and box they have on the page. Text set bottom to top goes on in the column to its right,
    text set top to bottom in the one to its left."""
    columns: list[list[Char]] = []
    band = (0.0, 0.0)
    for c in sorted(chars, key=lambda c: (c.x0 + c.x1) / 2):
        mid = (c.x0 + c.x1) / 2
        if columns and band[0] - 1 <= mid <= band[1] + 1:
            columns[-1].append(c)
            continue
        columns.append([c])
        band = (c.x0, c.x1)
    if chars and chars[0].turn < 0:
        columns.reverse()
    lines: list[Line] = []
    for column in columns:
        pairs = [(_upright(c), c) for c in column]
        upright = {id(u): c for u, c in pairs}
        glyphs = [u for u, _ in pairs]
        pieces = _split_wide(sorted(glyphs, key=lambda u: u.x0), split_gap) if split_gap is not None else [glyphs]
        for piece in pieces:
            line = _make_line(piece, settings)
            if line is None:
                continue
            line.chars = [upright[id(u)] for u in line.chars]
            line.weightless = frozenset(id(upright[k]) for k in line.weightless)
            shown = [c for c in line.chars if c.text != " "]
            line.x0, line.x1 = min(c.x0 for c in shown), max(c.x1 for c in shown)
            line.top, line.bottom = min(c.top for c in shown), max(c.bottom for c in shown)
            line.base = line.bottom
            lines.append(line)
    return lines


def _upright(c: Char) -> Char:
    """`c`, a turned glyph, turned upright: x runs the way it reads, y the way its top points."""
    if c.turn > 0:  # read upward, its top to the left
        return replace(c, x0=-c.bottom, x1=-c.top, top=c.x0, bottom=c.x1, turn=0)
    return replace(c, x0=c.top, x1=c.bottom, top=-c.x1, bottom=-c.x0, base=-c.base, turn=0)


def _one_baseline(above: list[Char], below: list[Char]) -> bool:
    """Whether two rows of glyphs are set in one size on one baseline (within a tenth of it)."""
    first, second = _main_glyph(above), _main_glyph(below)
    return (first is not None and second is not None and first.size == second.size
            and abs(first.base - second.base) <= 0.1 * first.size)


def _main_glyph(row: list[Char]) -> Char | None:
    """The row's glyph on its middle baseline among those of its most common size."""
    glyphs = [c for c in row if c.text != " "]
    if not glyphs:
        return None
    size = Counter(c.size for c in glyphs).most_common(1)[0][0]
    main = sorted((c for c in glyphs if c.size == size), key=lambda c: c.base)
    return main[len(main) // 2]


def _split_wide(chars: list[Char], factor: float) -> list[list[Char]]:
    out: list[list[Char]] = [[]]
    last: Char | None = None
    for c in chars:
        if c.text == " ":
            out[-1].append(c)
            continue
        if last is not None and c.x0 - last.x1 > factor * max(c.size, 1):
            out.append([])
        out[-1].append(c)
        last = c
    return [p for p in out if p]


# --- paragraphs ---------------------------------------------------------------------------


# A glyph of SET_APART_BULLETS is a list's bullet when the text after it starts at least this many
# font sizes on (Word and LibreOffice set a list's text 1-2 after its glyph), and further than
# SET_APART_RATIO times any word space of its line (a justified line stretches those, not the indent).
BULLET_GAP = 0.75
SET_APART_RATIO = 1.5


def line_bullet(line: Line) -> str | None:
    """The bullet glyph `line` opens with: one bullet_of knows, or one of SET_APART_BULLETS ("o",
    ">", "→") alone at the line's start and set apart from the text after it (BULLET_GAP), as a
    list sets its glyph; "o servicios" wrapped from "bienes" is a word."""
    glyph = bullet_of(line.text)
    if glyph or line.text[:1] not in SET_APART_BULLETS or line.text[1:2] != " ":
        return glyph
    visible = [c for c in line.chars if c.text != " "]
    if len(visible) < 2:
        return None
    gap = visible[1].x0 - visible[0].x1
    spaces = [b.x0 - a.x1 for a, b in zip(visible[1:], visible[2:])]
    if gap < BULLET_GAP * visible[0].size or gap <= SET_APART_RATIO * max(spaces, default=0.0):
        return None
    return line.text[0]


def _label_x(line: Line, glyph: str) -> float:
    seen = False
    for c in line.chars:
        if c.text == " ":
            continue
        if not seen and c.text == glyph:
            seen = True
            continue
        if seen:
            return c.x0
    return line.x0


@record
class Spacing:
    """The document's normal line pitch (baseline to baseline, as a multiple of font size), the
    font sizes whose paragraphs it sets apart by a space (`spaced`, see set_apart) and the indent
    their first lines open with (`indents`, see opening_indents)."""

    ratios: dict[float, float]
    default: float = 1.2
    spaced: frozenset[float] = frozenset()
    indents: dict[float, float] = field(default_factory=dict)  # per font size, the first-line indent paragraphs open with

    def gap(self, prev: Line, line: Line) -> bool:
        """Whether `line` sits further below `prev` than a wrapped line would."""
        ratio = self.ratios.get(prev.size, self.default)
        return line.base - prev.base > ratio * prev.size + max(0.12 * prev.size, 1.0)


Pitches = dict[float, Counter[float]]


def line_pitches(flows: list[list[Line]]) -> Pitches:
    """How often each baseline pitch (in font sizes, to 0.03) comes between two lines of a flow
    (a page body, a table cell), per font size."""
    per_size: Pitches = {}
    for flow in flows:
        for a, b in zip(flow, flow[1:]):
            ratio = (b.base - a.base) / a.size if a.size else 0
            if a.size == b.size and 0.9 <= ratio <= 2.0:
                per_size.setdefault(a.size, Counter())[round(ratio / 0.03) * 0.03] += 1
    return per_size


def joined_pitches(first: Pitches, second: Pitches) -> Pitches:
    """The pitches of two groups of flows together, as line_pitches counts them over both."""
    return {size: first.get(size, Counter()) + second.get(size, Counter()) for size in {**first, **second}}


def wrap_pitches(flows: list[list[Line]]) -> Pitches:
    """The pitches of line_pitches between a line that ran to its flow's measure (the widest line's
    end: the next line's first word would not have fitted after it) and the next: a paragraph's
    wrapped lines, which are set at the line pitch whatever space parts its paragraphs."""
    per_size: Pitches = {}
    for flow in flows:
        right = max((ln.x1 for ln in flow), default=0.0)
        for a, b in zip(flow, flow[1:]):
            ratio = (b.base - a.base) / a.size if a.size else 0
            if a.size == b.size and 0.9 <= ratio <= 2.0 and not _ended_early(a, b, right):
                per_size.setdefault(a.size, Counter())[round(ratio / 0.03) * 0.03] += 1
    return per_size


def estimate_spacing(per_size: Pitches, fallback: Spacing | None = None, wraps: Pitches | None = None) -> Spacing:
    """The most common baseline pitch per font size (of line_pitches); `fallback`'s for a size
    with too few lines. Where two or more of a size's pitches are a paragraph's wrapped lines'
    (`wraps`, of wrap_pitches), the most common of those (the closer on a tie) is its line pitch:
    short paragraphs set apart, one line each ("promoting access" / "supporting skills"), may
    outnumber the lines that wrap, and their pitch is the paragraph's, not the line's."""
    ratios = {}
    for size, counts in per_size.items():
        if sum(counts.values()) >= 3:
            wrapped = (wraps or {}).get(size, Counter())
            chosen = wrapped if sum(wrapped.values()) >= 2 else counts
            best = min(chosen, key=lambda r: (-chosen[r], r))
            ratios[size] = max(r for r in counts if abs(r - best) <= 0.031)
    overall = Counter(r for c in per_size.values() for r in c.elements())
    if fallback is not None:
        return Spacing({**fallback.ratios, **ratios}, overall.most_common(1)[0][0] if overall else fallback.default)
    return Spacing(ratios, overall.most_common(1)[0][0] if overall else 1.2)


def set_apart(flows: list[list[Line]], spacing: Spacing, wraps: Pitches) -> Spacing:
    """`spacing`, `spaced` with the font sizes whose paragraphs `flows` set apart by a space: the
    size's line pitch was measured on two or more wrapped lines (`wraps`, of wrap_pitches: else the
    pitch of one-line paragraphs, a borderless table's rows, may pass for it), and of the pairs of
    regular (not bold) lines of the size, the lower no bullet, those further apart than the line
    pitch (a paragraph's end, where paragraphs are spaced) are three or more and outnumber those at
    the pitch whose upper line ended early (the lower's first word would have fitted after it: a
    paragraph's end where they are not, or a line break inside a paragraph, Shift+Enter). Bold
    lines are left out: a heading in the body's size, set apart above but not below, is followed at
    the line pitch by a paragraph in its weight ("T.1-a" / "T.1-b" in bold)."""
    gaps: Counter[float] = Counter()
    close: Counter[float] = Counter()
    for flow in flows:
        right = max((ln.x1 for ln in flow), default=0.0)
        for a, b in zip(flow, flow[1:]):
            if a.size != b.size or a.text_bold or b.text_bold or b.base <= a.base or line_bullet(b):
                continue
            if spacing.gap(a, b):
                gaps[a.size] += 1
            elif _ended_early(a, b, right):
                close[a.size] += 1
    return replace(spacing, spaced=frozenset(size for size, count in gaps.items()
                                             if count >= 3 and count > close[size] and sum(wraps.get(size, Counter()).values()) >= 2))


def opening_indents(flows: list[list[Line]], spacing: Spacing) -> Spacing:
    """`spacing`, `indents` with the first-line indent of each font size whose paragraphs `flows`
    open indented: of its paragraphs' first lines (the flow's first, or below a line that ended
    early, a gap or a change of size or weight) in regular type that the next line wraps (at the
    line pitch, the first line run to the measure), three or more, and more than start flush with
    their next line, start at least 0.8 font sizes right of it; the indent is their median."""
    indented: dict[float, list[float]] = {}
    flush: Counter[float] = Counter()
    for flow in flows:
        right = max((ln.x1 for ln in flow), default=0.0)
        for k, (a, b) in enumerate(zip(flow, flow[1:])):
            above = flow[k - 1] if k else None
            opens = (above is None or above.size != a.size or above.text_bold != a.text_bold
                     or spacing.gap(above, a) or _ended_early(above, a, right))
            if (not opens or a.size != b.size or a.text_bold or b.text_bold or b.base <= a.base or spacing.gap(a, b)
                    or _ended_early(a, b, right) or line_bullet(a)):
                continue
            shift = a.x0 - b.x0
            if 0.8 * a.size <= shift <= 6 * a.size:
                indented.setdefault(a.size, []).append(shift)
            elif abs(shift) <= max(0.6 * a.size, 3):
                flush[a.size] += 1
    indents = {size: sorted(shifts)[len(shifts) // 2] for size, shifts in indented.items()
               if len(shifts) >= 3 and len(shifts) > flush[size]}
    return replace(spacing, indents=indents)


def _wrapped_line(para: Para, line: Line, right: float, settings: PdfSettings = PDF_DEFAULTS) -> bool:
    """Whether a line is the wrapped rest of the line above although set further apart than the
    document's usual pitch (a heading font or another paragraph style may have a taller line):
    same weight, size and left edge, the line above ending in no clause or sentence end (a comma
    goes on; not a contents entry) and too full for this line's first word, less than a paragraph
    space between them, and no clause number opening this line. The usual pitch may be a table's,
    where the body has too few lines of the size to tell its own ("…in the table below," /
    "using data for 2019.")."""
    prev = para.lines[-1]
    if prev.text_bold != line.text_bold or abs(line.size - prev.size) > 0.1 or SENTENCE_END.search(prev.text):
        return False
    if LEADER_END.search(prev.text) or TYPED_NUMBER.match(line.text):
        return False
    if abs(line.x0 - para.indent) > max(0.6 * line.size, 3) or line.base - prev.base > settings.wrapped_heading_pitch * prev.size:
        return False
    return not _ended_early(prev, line, right)


def _heading_after_list(para: Para, line: Line, nxt: Line | None, right: float, settings: PdfSettings = PDF_DEFAULTS) -> bool:
    """Whether `line`, which would otherwise continue the list item `para`, is a heading after it.

    It must sit at the list's left margin (left of the item's text, or — where continuation lines
    run back to the margin — after a line that ended the item's sentence), start with a capital,
    be short, end without punctuation, and leave room for the next line's first word (it ended
    early), with body text (not a bullet) after it.
    """
    if not (para.label and is_bullet_label(para.label)) or nxt is None or line_bullet(nxt):
        return False
    text = line.text.strip()
    if not text[:1].isupper() or len(text.split()) > settings.heading_after_list_words or HEADING_END.search(text):
        return False
    tolerance = max(0.6 * line.size, 3)
    if line.x0 > para.lines[0].x0 + tolerance:
        return False
    left_of_text = line.x0 < para.indent - tolerance
    if not left_of_text and not SENTENCE_END.search(para.lines[-1].text):
        return False
    return line.x1 + nxt.first_word_width + 0.5 * line.size + 2 < right


def _starts_paragraph(para: Para, line: Line, right: float, spacing: Spacing, nxt: Line | None = None, settings: PdfSettings = PDF_DEFAULTS) -> bool:
    """Whether `line` opens a new paragraph rather than continuing `para` on the same page.

    A line continues the paragraph above unless it opens with a bullet, sits further down than
    the line pitch, changes weight or size, follows a line that ended early (its first word
    would have fitted there) but for one that goes on after a line break (`_line_break`), or
    breaks the paragraph's indentation; a numbered line after a
    sentence end starts a new paragraph too, and so does a heading right after a list item
    (see `_heading_after_list`).
    """
    prev = para.lines[-1]
    if (bullet := line_bullet(line)) and not (para.label is None and _wrapped_dash(bullet, prev, line, right)):
        return True
    if line.base < prev.base - 1 or (spacing.gap(prev, line) and not _wrapped_line(para, line, right, settings)):
        return True
    if line.text_bold != prev.text_bold or abs(line.size - prev.size) > 0.6:
        return True
    if _broke_early(prev, line, right) and not _line_break(para, line, spacing):
        return True
    if len(para.lines) > 1 and abs(line.x0 - para.indent) > max(0.6 * line.size, 3) and not _under_drop_cap(para, line):
        return True
    if (SENTENCE_END.search(prev.text) and TYPED_NUMBER.match(line.text)
            and not (BEFORE_NUMBER.search(prev.text) and not LABEL_LIKE.match(line.text))):
        return True
    return _heading_after_list(para, line, nxt, right, settings)


def _line_break(para: Para, line: Line, spacing: Spacing) -> bool:
    """Whether `line`, below a line of `para` that ended early (at the line pitch, in the same
    weight and size: the caller has asked), carries the paragraph on after a line break (Word's
    Shift+Enter, w:br, which the .docx reader reads as "\n" inside the paragraph) rather than
    opening a paragraph: at the paragraph's left edge, after a line that ended no sentence or
    clause, it opens in lower case ("Geneva Plan of Action" / "and Tunis Agenda …": a paragraph
    does not open so, as over a page break, _runs_over), or, where the flow's paragraphs are set
    apart by a space (`spacing.spaced`, see set_apart), in regular type, with anything but a
    list's number ("ITU Council" / "Geneva, 2019", "Regional initiatives" / "2022-2025 work plan"):
    a paragraph's end would have left that space. So it does where the paragraphs of its size open
    with a first-line indent (`spacing.indents`, see opening_indents) and the line starts that
    indent left of the paragraph's first line: a new paragraph would have started indented. Where
    neither tells, and in bold (a heading set apart only above it), a line that opens with a capital
    or a digit opens a paragraph: nothing tells a line break from a paragraph's end there."""
    prev = para.lines[-1]
    tolerance = max(0.6 * line.size, 3)
    indent = spacing.indents.get(line.size)
    under = indent is not None and abs(para.lines[0].x0 - indent - line.x0) <= tolerance
    if SENTENCE_END.search(prev.text) or line_bullet(line):
        return False
    if abs(line.x0 - para.indent) > tolerance and not (len(para.lines) == 1 and under):
        return False
    return line.text[:1].islower() or ((line.size in spacing.spaced or under) and not line.text_bold
                                       and not TYPED_NUMBER.match(line.text))


def _wrapped_dash(bullet: str, prev: Line, line: Line, right: float) -> bool:
    """Whether a line opening with a dash is the wrap of a sentence that holds a dash ("capacity-
    building materials, – and for providing these products"), not a dash-led list item: the line
    above ran to the measure (its last word ended where the dash's word would not have fitted) and
    ended without a sentence or clause end (".", ":", ";", "!", "?"). Asked only in a paragraph
    that is no list item itself: after a dash-led item, another dash line is the next item (a
    list of indicators ends its items without punctuation)."""
    return bullet in DASH_BULLETS and not SENTENCE_END.search(prev.text) and not _ended_early(prev, line, right)


def _broke_at_hyphen(prev: Line, line: Line) -> bool:
    """Whether `prev` ends in a word's hyphen that the line broke at ("2016-" / "2019", a layout's
    own "telecom-" / "munication"): the next line goes on in that word, however early `prev`
    seems to end (a cell's measure includes its padding)."""
    return not prev.spaced and HYPHEN_END.search(prev.text) is not None and line.text[:1].isalnum()


def _ended_early(prev: Line, line: Line, right: float) -> bool:
    """Whether `prev` ended before the measure (`right`) with room for `line`'s first word."""
    return prev.x1 + line.first_word_width + 0.5 * line.size + 2 < right


def _broke_early(prev: Line, line: Line, right: float) -> bool:
    """Whether `prev` ended early (`_ended_early`), and not in a word `line` goes on in
    (`_broke_at_hyphen`): `line` opens a paragraph of its own, or goes on after a line break."""
    return _ended_early(prev, line, right) and not _broke_at_hyphen(prev, line)


def _new_para(line: Line) -> Para:
    """A paragraph opened by `line`, a list item when it opens with a bullet; a line that is only
    the glyph ("✓" in a table of checks) is its text, not a bullet with the text left out."""
    glyph = line_bullet(line)
    if glyph and line.text.strip() != glyph:
        return Para([line], label=glyph, indent=_label_x(line, glyph))
    return Para([line], indent=line.x0)


def _extend(para: Para, line: Line) -> None:
    """Add a continuation line; the second line fixes the paragraph's continuation indent."""
    if len(para.lines) == 1 or _under_drop_cap(para, line):
        para.indent = line.x0
    para.lines.append(line)


def _under_drop_cap(para: Para, line: Line) -> bool:
    """Whether `line` goes back to the left edge of the drop cap `para` opens with: its lines
    beside the cap were indented by it, those below it are not."""
    drop = para.lines[0].drop
    return drop is not None and abs(line.x0 - drop) <= max(0.6 * line.size, 3)


def _mark_break(prev: Line, line: Line, right: float | None) -> None:
    """Note whether `prev`, which `line` carries on in its paragraph on the same page (measure
    `right`; None: over a page break), ended early there: at a line break (Line.breaks)."""
    prev.breaks = right is not None and _broke_early(prev, line, right)


def paragraphs(lines: list[Line], right: float, spacing: Spacing, settings: PdfSettings = PDF_DEFAULTS) -> list[Para]:
    """Join consecutive lines of one flow (page body or table cell) into paragraphs; a line that
    ended early and goes on in the paragraph ends at a line break (Line.breaks, _line_break)."""
    out: list[Para] = []
    for k, line in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if out and not _starts_paragraph(out[-1], line, right, spacing, nxt, settings):
            _mark_break(out[-1].lines[-1], line, right)
            _extend(out[-1], line)
        else:
            out.append(_new_para(line))
    return out


def _continues_over_page(para: Para, line: Line, right: float, spacing: Spacing, foot: float | None = None,
                         shift: float = 0.0) -> bool:
    """Whether the first body line of a page (or column) carries on the last paragraph of the page
    (or column) before (whose body text reaches down to the baseline `foot`; None: not known;
    `shift`: how far right of the paragraph's column `line`'s starts, _column_shift)."""
    if abs(line.x0 - shift - para.indent) > max(0.6 * line.size, 3):
        return False
    if foot is not None and _ended_above_foot(para, spacing, foot):
        return False
    return _runs_over(para.lines[-1], line, right)


def _column_shift(columns: dict[int, Edges], last: Line, line: Line) -> float:
    """How far right of `last`'s column the column of `line` starts, where either is on a page set
    in columns (_column_edges): 0 elsewhere."""
    if id(last) not in columns and id(line) not in columns:
        return 0.0
    return ((edges.left if (edges := columns.get(id(line))) else line.x0)
            - (edges.left if (edges := columns.get(id(last))) else last.x0))


def _ended_above_foot(para: Para, spacing: Spacing, foot: float) -> bool:
    """Whether the paragraph, one line alone at its page's foot, ended there: another line at its
    pitch would have fitted above the `foot`. A paragraph that goes on over a page break does not
    leave its first line alone with room below it: without orphan control it fills the page, and
    with it the line moves over too. So a one-line "Programme: …" heading set in the body font,
    the paragraph after it moved on by orphan control, is told from a full line that wraps over
    the page. (With more of the paragraph on the page, room below proves nothing: widow control,
    or a browser's page breaking, leaves some.)"""
    prev = para.lines[-1]
    if len(para.lines) > 1:
        return False
    pitch = spacing.ratios.get(prev.size, spacing.default) * prev.size  # (to 0.03 font sizes: a little slack)
    return prev.base + pitch <= foot + 0.12 * prev.size


def _runs_over(prev: Line, line: Line, right: float) -> bool:
    """Whether `line`, the first of its page (or of its cell on the page), carries on `prev`, the
    last of the page before: no bullet, the same weight and size, `prev` ran to the measure
    (`right`) without a hyphen or broke at one in a word that goes on (see _word_goes_on_over_page:
    "telecommu-" / "nication", "2016-" / "2019", not "ITU-" / "The Bureau"), and no sentence end
    unless `line` starts in lower case."""
    if line_bullet(line) or line.bold != prev.bold or abs(line.size - prev.size) > 0.6:
        return False
    if _broke_at_hyphen(prev, line):
        if not _word_goes_on_over_page(prev, line):
            return False
    elif _ended_early(prev, line, right):
        return False
    return not SENTENCE_END.search(prev.text) or line.text[:1].islower()


def _word_goes_on_over_page(prev: Line, line: Line) -> bool:
    """Whether the word `prev` broke at its hyphen, at a page's foot, goes on at the head of the
    next page in `line`. On one page the line pitch tells a new paragraph; over a page only the
    word's pieces do: the next line starts in lower case ("multi-" / "stakeholder") or with
    digits ("2016-" / "2019", "COVID-" / "19"), or after a hyphen the layout set
    (settle_line_hyphens), or after a lower-case head, a prefix before a name or an acronym ("e-" /
    "Government", "non-" / "ICT", "el-" / "Sheikh": a paragraph does not end with a lower-case word
    and a hyphen), or with a piece in the head's own case, an acronym's capitals ("ITU-" / "T") or a
    name's capital ("Asia-" / "Pacific"); not a capitalised word after an acronym or a number
    ("ITU-" / "The Bureau …")."""
    if prev.text.endswith(SOFT_HYPHEN):
        return True
    pieces = hyphen_pieces(prev.text, line.text)
    if pieces is None:
        return False
    first, second = pieces
    if second[0].islower() or second.isdigit() or first.islower():
        return True
    return (first.isupper() and second.isupper()) or (first.istitle() and second.istitle())


# --- pages --------------------------------------------------------------------------------


CellAt = tuple[int, int, int]
"""A cell of a page's table: the table's index among the page's tables, its grid row and column."""
TableRows = tuple[int, list[tuple[int, int]], set[int]]
"""A page's part of a table of the file (assemble): the table's number; for each of its rows the
page and grid row it opens at (the rows joined to it left out); and the part's grid rows that
repeat the table's header, which stitching dropped."""


@record
class _Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    tables: list[tuple[Grid, list[list[list[Line]]]]]
    separators: list[float]
    table_numbers: list[int] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    rules: list[float] = field(default_factory=list)  # y of rules outside tables spanning most of the page
    noted: bool = False  # footnotes were taken off the page's foot (split_footnotes)
    gutters: list[tuple[int, int]] = field(default_factory=list)  # its text is set in columns (_gutters)
    overprinted: int = 0  # glyphs of its text printed over glyphs of other text (_overprinted)
    # printed revision marks: (kind, text, the line or the table cell it is in); see _anchored
    revisions: list[tuple[str, str, Line | CellAt]] = field(default_factory=list)

    def revision_marks(self, rows: dict[tuple[int, int], TableRows]) -> list[Revision]:
        """The page's printed revision marks, placed at the line or table they are in (after
        number_items); one in a table also at its cell in the file's table, by `rows` (assemble).
        A mark in a header row the table repeats on this page is left out: the header's own row,
        on the table's first page, holds it, as the .docx holds it once."""
        out = []
        for kind, text, where in self.revisions:
            if isinstance(where, Line):
                out.append(Revision(kind, None, None, text, Loc(page=self.number, line=where.number)))
                continue
            t, r, c = self._outermost(where)
            k = self.table_numbers[t]
            table, firsts, repeated = rows.get((self.number, k), (None, [], set()))
            if r in repeated:
                continue  # the header's mark again, as the table's first page prints it
            row = bisect_right(firsts, (self.number, r)) - 1
            out.append(Revision(kind, None, None, text, Loc(page=self.number, line=k, table=table,
                                                            row=row if table is not None and row >= 0 else None,
                                                            col=c if table is not None and row >= 0 else None)))
        return out

    def _outermost(self, at: CellAt) -> CellAt:
        """The cell of a table standing on the page itself that holds cell `at` (a nested table's: Grid.within)."""
        while (within := self.tables[at[0]][0].within) is not None:
            at = within
        return at

    def _flow_box(self, kind: int, i: int) -> tuple[float, float, float, float, bool]:
        """Line (kind 0) or table i's box (x0, top, x1, bottom) and whether it runs over a gutter (`_flow_keys`)."""
        if kind == 0:
            ln = self.lines[i]
            return ln.x0, ln.top, ln.x1, ln.bottom, _spans(ln.chars, self.gutters)
        x0, top, x1, bottom = self.tables[i][0].bbox
        return x0, top, x1, bottom, any(x0 < a and x1 > b for a, b in self.gutters)

    def number_items(self) -> None:
        """Number lines and tables 1, 2, … in reading order (top to bottom, then left to right; on
        a page set in columns, column after column: `_flow_keys`)."""
        items = [(ln.top, ln.x0, 0, i) for i, ln in enumerate(self.lines)]
        items += [(g.bbox[1], g.bbox[0], 1, i) for i, (g, _) in enumerate(self.tables) if g.within is None]
        self.table_numbers = [0] * len(self.tables)
        order = sorted(items, key=lambda it: it[:3])
        if self.gutters:
            keys = _flow_keys([self._flow_box(kind, i) for _, _, kind, i in order], self.gutters)
            order = [it for _, it in sorted(zip(keys, order), key=lambda pair: pair[0])]
        for k, (_, _, kind, i) in enumerate(order, start=1):
            if kind:
                self.table_numbers[i] = k
            else:
                self.lines[i].number = k
        if self.gutters:  # the lines in reading order, as line_pitches and split_footnotes take them
            self.lines.sort(key=lambda ln: ln.number)
        for i in range(len(self.tables) - 1, -1, -1):  # a nested table is its holder's (nest_grids: holders last)
            within = self.tables[i][0].within
            if within is not None:
                self.table_numbers[i] = self.table_numbers[within[0]]


def _inside(c: Char, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
    return box[0] - 1 <= cx <= box[2] + 1 and box[1] - 1 <= cy <= box[3] + 1


def _cell_lines(grid: Grid, chars: list[Char], settings: PdfSettings = PDF_DEFAULTS,
                spilled: set[int] | frozenset[int] = frozenset()) -> list[list[list[Line]]]:
    """The lines of each cell of `grid`: each glyph goes to the first cell (row by row, left to
    right) its centre is inside (`_inside`), a glyph printed past the table's rule (`spilled`,
    see _spilled) to the cell of the glyph before it. Only the rows whose height can hold the
    centre are tried: those from the first whose bottom, or any bottom above it, reaches it, to
    the last whose top, or any top below it, is above it (a row's cell may span down; trying every
    row for every glyph took 90 s on a page of 8,000 ruled rows)."""
    rows = grid.rows
    cells: list[list[list[Char]]] = [[[] for _ in row] for row in rows]
    tops = [min((box[1] for box in row if box is not None), default=math.inf) for row in rows]
    bottoms = [max((box[3] for box in row if box is not None), default=-math.inf) for row in rows]
    reach = list(itertools.accumulate(bottoms, max))  # the lowest bottom of the rows so far
    rise = list(itertools.accumulate(reversed(tops), min))[::-1]  # the highest top of the rows from here on
    last: list[Char] | None = None  # the cell the glyph before went to
    for c in chars:
        if last is not None and id(c) in spilled:
            last.append(c)
            continue
        cy = (c.top + c.bottom) / 2
        for r in range(bisect_left(reach, cy - 1), bisect_right(rise, cy + 1)):
            hit = next((k for k, box in enumerate(rows[r]) if box is not None and _inside(c, box)), None)
            if hit is not None:
                last = cells[r][hit]
                last.append(c)
                break
    return [[group_lines(cs, settings=settings) for cs in row] for row in cells]


def _free_rules(edges: list[dict[str, object]], grids: list[Grid], lines: list[Line]) -> list[tuple[float, float]]:
    """(y, length) of the horizontal rules outside every table and under no text: a short one is
    Word's footnote separator, one at least half the page wide an HTML page's `<hr>` (before its
    notes). A rule just under a line's baseline, across its text, underlines it (a browser draws a
    link's underline so)."""
    out = []
    for e in edges:
        if e["orientation"] != "h":
            continue
        x0, x1 = float(e["x0"]), float(e["x1"])  # type: ignore[arg-type]
        y = float(e["top"])  # type: ignore[arg-type]
        if any(g.bbox[1] - 2 <= y <= g.bbox[3] + 2 for g in grids) or any(_underlines(ln, x0, x1, y) for ln in lines):
            continue
        out.append((y, x1 - x0))
    return out


# How far (font sizes) above a line's baseline and below its lowest glyph a rule across its text
# underlines it; a footnote separator sits further below the body's last line.
UNDERLINE_ABOVE = 0.1
UNDERLINE_BELOW = 0.25


def _underlines(line: Line, x0: float, x1: float, y: float) -> bool:
    """Whether a rule from x0 to x1 at height y underlines text of `line`."""
    return (line.base - UNDERLINE_ABOVE * line.size <= y <= line.bottom + UNDERLINE_BELOW * line.size
            and x0 < line.x1 and x1 > line.x0)


def _read_page(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, number: int,
               settings: PdfSettings = PDF_DEFAULTS, view: View = "accepted",
               prior: Sequence[tuple[int, int]] = ()) -> tuple[_Page, int]:
    """The page's lines and tables; `prior`: the gutters of the page before (see _carried)."""
    width, height = page.get_size()
    chars = page_chars(textpage, height)
    textpage.close()  # PDFium's text page holds some 290 bytes a glyph: free before the glyphs are read
    paths = page_paths(page) if chars else []
    chars += drawn_bullets(paths, chars, height)
    edges = ruling_edges(page, settings, paths) if chars else []
    drawn = False  # printed revision marks: their strikes and change bars rule no table
    if edges:
        drawn, edges = printed_marks(chars, edges)
    grids = find_ruled_grids(edges, settings)
    if edges:
        glyphs = [c for c in chars if c.text != " "]
        body_size = Counter(c.size for c in glyphs).most_common(1)[0][0] if glyphs else 10.0
        boxes = [(c.x0, c.top, c.x1, c.bottom) for c in glyphs]
        grids += find_banded_grids(edges, boxes, grids, width, body_size, settings, height)
    marked = runs(chars) if drawn else []
    if marked:
        hide(chars, view)
        unbracket_numbers(marked)
    table_chars: list[list[Char]] = [[] for _ in grids]
    free: list[Char] = []
    homes = [next((i for i, g in enumerate(grids) if _inside(c, g.bbox)), None) for c in chars]
    spilled = _spilled(chars, homes) if grids else set()
    for c, k in zip(chars, homes):
        (table_chars[k] if k is not None else free).append(c)
    lines = group_lines(free, split_gap=settings.line_split_gap, settings=settings)
    gutters = _gutters(lines, width) or _carried(lines, prior)
    if gutters:
        lines = _column_lines(free, lines, gutters, settings.line_split_gap, settings)
    for finder in (_wrapped_grids, _aligned_grids):
        found = [g for flow in _flows(lines, gutters) for g in finder(flow, settings)]
        if found:
            in_grid = [ln for ln in lines if any(_inside(ln.chars[0], g.bbox) for g in found)]
            for g in found:
                grids.append(g)
                table_chars.append([c for ln in in_grid if _inside(ln.chars[0], g.bbox) for c in ln.chars])
            gridded = set(map(id, in_grid))
            lines = [ln for ln in lines if id(ln) not in gridded]  # by identity: comparing records cost n²
    lines = _merge_segments(lines, settings, gutters)
    overprinted = _overprinted(lines)
    tables = [(g, _cell_lines(g, cs, settings, spilled)) for g, cs in zip(grids, table_chars)]
    for ln in lines + [ln for _, cells in tables for row in cells for cell in row for ln in cell]:
        ln.page = number
    images = 0
    if not chars:
        images = sum(1 for _ in page_objects(page, pdfium_c.FPDF_PAGEOBJ_IMAGE))
    outside = _free_rules(edges, grids, lines)
    seps = [y for y, w in outside if 20 < w < 0.45 * width]
    rules = [y for y, w in outside if w >= 0.5 * width]
    cell_lines = [ln for _, cells in tables for row in cells for flow in row for ln in flow]
    marks = [m for ln in lines + cell_lines for m in ln.marks]
    parsed = _Page(number, width, height, lines, tables, seps, marks=marks, rules=rules, gutters=gutters,
                   overprinted=overprinted)
    parsed.revisions = _anchored(marked, lines, tables) if marked else []
    return parsed, images


def _anchored(marked: list[tuple[str, list[Char]]], lines: list[Line],
              tables: list[tuple[Grid, list[list[list[Line]]]]]) -> list[tuple[str, str, Line | CellAt]]:
    """Each run of printed revision marks (pdf_markup.runs) as (kind, text, anchor): the line
    its first glyph is on, or the cell of the page's table it is in (CellAt). A run is cut where
    it goes on in another cell: the page prints the cells one after another, so an insertion
    ending a cell and one opening the next read as one run (a header's printed again above the
    rest of a row), where the .docx has a mark in each cell's paragraph."""
    anchor: dict[int, Line | CellAt] = {id(c): ln for ln in lines for c in ln.chars}
    for t, (_, cells) in enumerate(tables):
        anchor.update((id(c), (t, r, col)) for r, row in enumerate(cells) for col, flow in enumerate(row)
                      for ln in flow for c in ln.chars)
    out = []
    for kind, whole in marked:
        for run in (item for cell_run in _cell_runs(whole, anchor) for item in _item_runs(cell_run, anchor)):
            text = run_text(run)
            if _opens_item(next((c for c in run if not c.text.isspace()), None), anchor):
                text = text[1:].lstrip()  # the item's bullet, no text of it (nor of the .docx's mark)
            where = anchor.get(id(run[0]))
            if text and where is not None:
                out.append((kind, text, where))
    return out


def _item_runs(run: list[Char], anchor: dict[int, Line | CellAt]) -> list[list[Char]]:
    """`run` cut before each line it goes on to that a bullet opens: a list item is a paragraph of
    its own, which the .docx marks apart (two bullets inserted one after the other were one mark,
    one VAL005 for two paragraphs, its quotation opening with the bullet)."""
    out: list[list[Char]] = [[]]
    begun = False  # whether the piece so far holds a glyph that is no space
    for c in run:
        if begun and _opens_item(c, anchor):
            out.append([])
            begun = False
        out[-1].append(c)
        begun = begun or not c.text.isspace()
    return out


def _opens_item(c: Char | None, anchor: dict[int, Line | CellAt]) -> bool:
    """Whether glyph `c` is a bullet that opens its line (`anchor`, _anchored): a list item's label."""
    line = anchor.get(id(c)) if c is not None else None
    return (c is not None and is_bullet_glyph(c.text) and isinstance(line, Line)
            and next((x for x in line.chars if not x.text.isspace()), None) is c)


def _cell_runs(run: list[Char], anchor: dict[int, Line | CellAt]) -> list[list[Char]]:
    """`run` cut where its glyphs go from a table cell (`anchor`, _anchored) to another cell or
    out of the table; glyphs outside tables keep together over their lines, and a glyph no line
    holds (a space between words) goes with the glyphs before it."""
    out: list[list[Char]] = []
    last: CellAt | None = None
    for c in run:
        where = anchor.get(id(c))
        cell = last if where is None else where if isinstance(where, tuple) else None
        if not out or cell != last:
            out.append([])
        out[-1].append(c)
        last = cell
    return out


def _visual_lines(lines: list[Line]) -> list[list[Line]]:
    """Wide-gap segments grouped per visual line (segments sharing a top)."""
    out: list[list[Line]] = []
    for ln in lines:
        if out and abs(ln.top - out[-1][0].top) <= 1.5:
            out[-1].append(ln)
        else:
            out.append([ln])
    return out


COLUMN_ROWS = 12
"""The fewest lines of text a page needs before it is judged set in columns (_gutters)."""


def _gutters(lines: list[Line], width: float) -> list[tuple[int, int]]:
    """The gutters (first and last point across) parting a page's text outside ruled tables into
    columns, as a newsletter is set, or none when it is not: gutters are strips at least 0.6 font
    sizes wide, between a fifth and four fifths of the page, where at most 10 % of its lines (of
    at least COLUMN_ROWS) have ink (a heading over the columns, a table across them); the columns
    they part each hold ink on at least 30 % as many lines as the fullest (columns whose baselines
    do not line up are lines of their own, so a third of the lines each for three), the narrowest is at least 60 % as wide
    as the widest, and together they span most of the text's width. An unruled table of columns of
    unequal widths is not one. Such a page is read column after column (`_column_lines`,
    `_flow_keys`)."""
    rows = _visual_lines(lines)
    if len(rows) < COLUMN_ROWS:
        return []
    ink = _ink_per_point(rows, max(int(width) + 2, 2))
    inked = [x for x, n in enumerate(ink) if n]
    if not inked:
        return []
    left, right = inked[0], inked[-1]
    size = Counter(ln.size for ln in lines).most_common(1)[0][0]
    gutters = _quiet_runs([0.2 * width < x < 0.8 * width and ink[x] <= 0.1 * len(rows) for x in range(len(ink))],
                          left, right, 0.6 * size)
    if not gutters:
        return []
    bounds = [left, *[x for gutter in gutters for x in gutter], right]
    columns = [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]
    widths = [b - a for a, b in columns]
    inked_rows = [max(ink[a:b + 1]) for a, b in columns]
    if min(inked_rows) < 0.3 * max(inked_rows) or min(widths) < 0.6 * max(widths):
        return []
    if sum(widths) < 0.6 * (right - left) or min(widths) < 0.15 * width:
        return []
    return gutters


def _ink_per_point(rows: list[list[Line]], points: int) -> list[int]:
    """Per point across a page of `points`, on how many of `rows` (visual lines) a glyph covers
    it; ink off the page is none. A line's glyph spans are joined, then counted once each."""
    steps = [0] * (points + 1)  # +1 where a line's ink starts, -1 past where it ends
    for row in rows:
        spans = sorted((a, b) for ln in row for c in ln.chars if c.text != " "
                       if (a := max(int(c.x0), 0)) <= (b := min(int(c.x1), points - 1)))
        start, end = spans[0] if spans else (0, -1)
        for a, b in spans[1:]:
            if a > end + 1:
                steps[start] += 1
                steps[end + 1] -= 1
                start, end = a, b
            else:
                end = max(end, b)
        if end >= start:
            steps[start] += 1
            steps[end + 1] -= 1
    return list(itertools.accumulate(steps[:points]))


def _quiet_runs(quiet: list[bool], left: int, right: int, least: float) -> list[tuple[int, int]]:
    """The runs of `quiet` points between `left` and `right`, at least `least` wide: (first, last)."""
    runs: list[tuple[int, int]] = []
    x = left
    while x <= right:
        if not quiet[x]:
            x += 1
            continue
        end = x
        while end + 1 <= right and quiet[end + 1]:
            end += 1
        if end - x + 1 >= least:
            runs.append((x, end))
        x = end + 1
    return runs


# --- pages set in columns ------------------------------------------------------------------


def _column_of(x: float, gutters: Sequence[tuple[int, int]]) -> int:
    """The column (0 the leftmost) the point `x` across the page is in; in a gutter, the nearer."""
    return sum(x > (a + b) / 2 for a, b in gutters)


def _spans(chars: Sequence[Char], gutters: Sequence[tuple[int, int]]) -> bool:
    """Whether a line of `chars` runs on over a gutter, as a heading set across the columns does:
    it has glyphs on both sides, and between them, where the gutter is, no gap of 0.6 font sizes
    (the narrowest gutter _gutters takes). Lines of two columns side by side, grouped as one, leave
    the gutter's width between them, less what a long line of the left one reaches into it."""
    glyphs = sorted((c.x0, c.x1) for c in chars if c.text != " ")
    if not glyphs:
        return False
    size = max(c.size for c in chars)
    for a, b in gutters:
        if (glyphs[0][0] + glyphs[0][1]) / 2 < a and (glyphs[-1][0] + glyphs[-1][1]) / 2 > b:
            reach = itertools.accumulate((x1 for _, x1 in glyphs), max)  # where the ink so far ends
            if all(nxt[0] - end < 0.6 * size for end, nxt in zip(reach, glyphs[1:]) if end < b and nxt[0] > a):
                return True
    return False


def _column_lines(chars: list[Char], lines: list[Line], gutters: Sequence[tuple[int, int]], split_gap: float,
                  settings: PdfSettings = PDF_DEFAULTS) -> list[Line]:
    """The lines of a page set in columns (`_gutters`), grouped anew in each column: a line that
    runs over a gutter (`_spans`: a heading across the columns) keeps its glyphs, every other glyph
    goes to the column its middle is in. Grouped across the page, lines of two columns whose
    baselines lie close were one row, and glyphs of both, sorted across, read
    "niantfiroansatlr ucture". Returned by row, as group_lines returns them."""
    across = {id(c) for ln in lines if _spans(ln.chars, gutters) for c in ln.chars}
    groups: list[list[Char]] = [[] for _ in range(len(gutters) + 2)]  # the columns, then what runs across
    for c in chars:
        groups[-1 if id(c) in across else _column_of((c.x0 + c.x1) / 2, gutters)].append(c)
    out = [ln for group in groups if group for ln in group_lines(group, split_gap=split_gap, settings=settings)]
    return sorted(out, key=lambda ln: (round(ln.top), ln.x0))


def _flow_keys(boxes: Sequence[tuple[float, float, float, float, bool]],
               gutters: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """(band, column) of each of a page's items, boxes (x0, top, x1, bottom, runs across): its
    reading order, column after column. What runs across the columns (a heading over them, a
    table wider than a column) is a band of its own, between the bands of columns above and
    below it; in those each column is read top to bottom before the next."""
    order = sorted(range(len(boxes)), key=lambda i: (boxes[i][1], boxes[i][0]))
    keys = [(0, 0)] * len(boxes)
    band, across = 0, None
    for i in order:
        x0, _, x1, _, spans = boxes[i]
        if spans != across:
            band, across = band + 1, spans
        keys[i] = (band, 0 if spans else _column_of((x0 + x1) / 2, gutters))
    return keys


def _carried(lines: list[Line], prior: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The gutters of the page before (`prior`) for a page too short to show its own
    (COLUMN_ROWS), when none of its lines runs over them: the end of a text in columns, whose
    lines are measured against their column's edge, not the page's (_column_rights)."""
    if not prior or not lines or any(_spans(ln.chars, prior) for ln in lines):
        return []
    return list(prior)


def _flows(lines: list[Line], gutters: Sequence[tuple[int, int]]) -> list[list[Line]]:
    """`lines` by column, what runs over a gutter last (`_spans`), for the unruled-table finders:
    two columns of text side by side are no table; all of them when there are no gutters."""
    if not gutters:
        return [lines]
    flows: list[list[Line]] = [[] for _ in range(len(gutters) + 2)]
    for ln in lines:
        flows[-1 if _spans(ln.chars, gutters) else _column_of((ln.x0 + ln.x1) / 2, gutters)].append(ln)
    return [flow for flow in flows if flow]


@record(slots=True)
class Edges:
    """The edges of the column a line of a page set in columns is in (_column_edges)."""

    left: float
    right: float
    foot: float


def _column_edges(pages: list[_Page], lefts: dict[int, float], rights: dict[int, float]) -> dict[int, Edges]:
    """Where the column of each line of a page set in columns ends, by the line's id() (Edges):
    its left edge, the column's lines' leftmost start (the first column's, the page's left text
    edge, `lefts`); its right, where the gutter after it starts (the last column's, the page's
    right text edge, `rights`); its foot, the lowest baseline of the columns beside it (those
    read before the next thing set across them, `_flow_keys`). Measured against the page's edge,
    every line of a column left of it ended early, and so its paragraph (see _box_measures, which
    gives a text box's lines theirs); a paragraph goes on at the head of the next column at that
    column's edge, not at its indentation; and one that goes on there leaves no room at its
    column's foot, the foot of the page body being further down (_ended_above_foot)."""
    out: dict[int, Edges] = {}
    for page in pages:
        if not page.gutters:
            continue
        placed = [(ln, _column_at(page, ln)) for ln in page.lines]
        starts = [lefts[page.number]] + [min((ln.x0 for ln, k in placed if k == col), default=float(b))
                                         for col, (_, b) in enumerate(page.gutters, start=1)]
        ends = [float(a) for a, _ in page.gutters] + [rights[page.number]]
        bands = _flow_keys([(ln.x0, ln.top, ln.x1, ln.bottom, k < 0) for ln, k in placed]
                           + [(*g.bbox, any(g.bbox[0] < a and g.bbox[2] > b for a, b in page.gutters)) for g, _ in page.tables],
                           page.gutters)
        feet: dict[int, float] = {}
        for (ln, k), (band, _) in zip(placed, bands):
            if k >= 0:
                feet[band] = max(feet.get(band, ln.base), ln.base)
        out.update((id(ln), Edges(starts[k], ends[k], feet[band])) for (ln, k), (band, _) in zip(placed, bands) if k >= 0)
    return out


OVERPRINTED_GLYPHS = 3
"""The fewest glyphs printed over others (_overprinted) that make a page's reading doubtful."""


def _overlaid(a: Char, b: Char) -> bool:
    """Whether glyphs `a` and `b`, letters or digits, not the same, cover each other over half
    the narrower's width and height (a kerned pair, a ligature's glyphs sharing a box, an accent
    over its letter and a glyph printed twice for a bold look do not)."""
    if a.text == b.text or not (a.text.isascii() and a.text.isalnum() and b.text.isascii() and b.text.isalnum()):
        return False
    if abs(a.x0 - b.x0) < 0.01 and abs(a.x1 - b.x1) < 0.01:  # the glyphs of one ligature ("fi")
        return False
    across = min(a.x1, b.x1) - max(a.x0, b.x0)
    down = min(a.bottom, b.bottom) - max(a.top, b.top)
    return across > 0.5 * min(a.x1 - a.x0, b.x1 - b.x0) and down > 0.5 * min(a.bottom - a.top, b.bottom - b.top)


def _overprinted(lines: list[Line]) -> int:
    """How many glyphs of the page's lines (outside tables) are printed over a glyph of other
    text (`_overlaid`): beside each other in a line, or in lines that share their height. Text set
    over text (a cell's line run on over the column beside its table that _spilled could not
    place, a stamp over the body, columns this reader did not tell apart) is read glyph by glyph
    into one line ("niantfiroansatlr ucture"): from OVERPRINTED_GLYPHS on, the reading of the page is
    doubtful, and `pdf_reading` says so (OVERPRINTED_NOTE, a CHK007 in `check`)."""
    count = 0
    for ln in lines:
        glyphs = [c for c in ln.chars if c.text != " "]
        count += sum(_overlaid(a, b) for a, b in zip(glyphs, glyphs[1:]) if b.x0 < a.x1)
    ordered = sorted(lines, key=lambda ln: ln.top)
    for i, ln in enumerate(ordered):
        j = i + 1
        while j < len(ordered) and ordered[j].top < ln.bottom:
            other = ordered[j]
            j += 1
            if other.x0 < ln.x1 and ln.x0 < other.x1:
                count += _crossing(ln.chars, other.chars)
    return count


def _crossing(one: list[Char], other: list[Char]) -> int:
    """How many glyphs of `one` and of `other` cover each other (`_overlaid`): the glyphs of both,
    across, each against the next few that start before it ends (OVERLAP_REACH; more stacked at
    one place are no text read, and comparing each with each was quadratic)."""
    merged = sorted([(c.x0, 0, c) for c in one if c.text != " "] + [(c.x0, 1, c) for c in other if c.text != " "],
                    key=lambda it: (it[0], it[1]))
    count = 0
    for i, (_, side, c) in enumerate(merged):
        for _, other_side, d in itertools.takewhile(lambda it: it[0] < c.x1, merged[i + 1:i + 1 + OVERLAP_REACH]):
            count += other_side != side and _overlaid(c, d)
    return count


OVERLAP_REACH = 8


def _spilled(chars: list[Char], homes: list[int | None]) -> set[int]:
    """The glyphs (ids) outside every table that run on from a cell's line: a writer that does not
    wrap a cell's words (LibreOffice, a word wider than its column) prints them on past the
    table's rule, over the text beside the table, where they were read into that text letter by
    letter. Each follows, in content order, a glyph of the table (or one spilled from it) on its
    baseline, at its size, from its start to a font size past its end; it goes to that table (`homes`, updated), where
    _cell_lines sets it in the cell of the glyph before it."""
    spilled: set[int] = set()
    last: int | None = None  # the glyph (no space) of a table, or spilled from one, just before
    for i, c in enumerate(chars):
        if homes[i] is not None:
            last = i if c.text != " " else last
            continue
        if last is None:
            continue
        p = chars[last]
        if (c.turn or p.turn or abs(c.base - p.base) > 0.1 * p.size or abs(c.size - p.size) > 0.5
                or not p.x0 <= c.x0 <= p.x1 + p.size):  # a ligature's glyphs share a box
            last = None if c.text != " " else last
            continue
        homes[i] = homes[last]
        spilled.add(id(c))
        last = i if c.text != " " else last
    return spilled


def _segments_by_line(lines: list[Line]) -> list[list[Segment]]:
    """Segments grouped per visual line, for the unruled-table finders."""
    index = {id(ln): i for i, ln in enumerate(lines)}
    return [[Segment(ln.x0, ln.x1, ln.top, ln.bottom, index[id(ln)], ln.text) for ln in row] for row in _visual_lines(lines)]


def _aligned_grids(lines: list[Line], settings: PdfSettings = PDF_DEFAULTS) -> list[Grid]:
    return find_aligned_grids(_segments_by_line(lines), settings=settings)


def _wrapped_grids(lines: list[Line], settings: PdfSettings = PDF_DEFAULTS) -> list[Grid]:
    """Unruled tables with wrapped cells, from the segments and glyph boxes of each visual line."""
    if not lines:
        return []
    glyphs = [[(c.x0, c.top, c.x1, c.bottom) for ln in row for c in ln.chars if c.text != " "] for row in _visual_lines(lines)]
    size = Counter(ln.size for ln in lines).most_common(1)[0][0]
    return find_wrapped_grids(_segments_by_line(lines), glyphs, size, settings)


def _merge_segments(lines: list[Line], settings: PdfSettings = PDF_DEFAULTS,
                    gutters: Sequence[tuple[int, int]] = ()) -> list[Line]:
    """Put wide-gap segments not claimed by a table back together into whole lines; on a page set
    in columns, those of one column (`_gutters`)."""
    out: list[Line] = []
    for ln in lines:
        if (out and abs(ln.top - out[-1].top) <= 1.5 and ln.x0 > out[-1].x1
                and _column_of(out[-1].x1, gutters) == _column_of(ln.x0, gutters)):
            merged = _make_line(out[-1].chars + ln.chars, settings)
            if merged is not None:
                out[-1] = merged
                continue
        out.append(ln)
    return out


# --- furniture and footnotes ---------------------------------------------------------------


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def drop_furniture(pages: list[_Page], settings: PdfSettings = PDF_DEFAULTS,
                   bookmarks: Sequence[Bookmark] = ()) -> list[tuple[int, str]]:
    """Remove running headers, footers and page numbers from every page; return what was dropped:
    a line alike (the same text but for its numbers, at the same height) stands on at least half
    the pages, or, set for two-sided printing, on at least half the odd pages and on no even one
    (or the other way round), unless it is a heading that opens its page (`_Headings.opens`).
    Numbers alone cannot tell a page number from a heading numbered afresh on each page: page
    numbers restart, skip, turn from Roman to Arabic and read "2-3", and dates and sections in
    headers change. A two-sided document's title on its even pages and chapter on its odd ones
    each stand on fewer than half the pages when a cover without them opens it, or the pages
    are odd in number."""
    def zone_lines(p: _Page) -> list[Line]:
        return [ln for ln in p.lines if ln.bottom < p.height * settings.furniture_zone or ln.top > p.height * (1 - settings.furniture_zone)]

    candidates = sorted(((p, ln, _furniture_key(ln.text)) for p in pages for ln in zone_lines(p)),
                        key=lambda c: c[1].top)
    columns = {id(ln): _column_at(p, ln) for p, ln, _ in candidates}
    tops = [ln.top for _, ln, _ in candidates]
    need = max(2, (len(pages) + 1) // 2)
    sides = (sum(p.number % 2 == 0 for p in pages), sum(p.number % 2 == 1 for p in pages))
    headings = _Headings.of(settings.heading_size * _body_size(pages), settings.furniture_zone, bookmarks)
    dropped: list[tuple[int, str]] = []
    doomed: set[int] = set()
    # The lines alike a line at its height: those within the drift of it, of a key similar to its
    # own, worked out once per window of heights and key (a line repeated on 500 pages has the
    # same window on each), each pair of keys scored once. Comparing every line of the zones
    # with every other took minutes for 500 pages of 40 lines each.
    windows: dict[tuple[int, int, str, int], tuple[list[tuple[int, str]], set[int]]] = {}
    similar: dict[tuple[str, str], bool] = {}
    for p, ln, key in candidates:
        if PAGE_NUMBER.match(ln.text.strip()):
            doomed.add(id(ln))
            continue
        if len(pages) < 2:
            continue
        column = columns[id(ln)]
        span = (bisect_left(tops, ln.top - settings.furniture_drift), bisect_right(tops, ln.top + settings.furniture_drift),
                key, column)
        if (window := windows.get(span)) is None:
            alike: list[tuple[int, str]] = []
            for q, other, okey in candidates[span[0]:span[1]]:
                if column >= 0 and columns[id(other)] not in (column, -1):  # another column's line, at the same height
                    continue
                if (alike_keys := similar.get((key, okey))) is None:
                    alike_keys = similar[key, okey] = fuzz.ratio(key, okey) >= settings.furniture_similarity
                if alike_keys:
                    alike.append((q.number, other.text))
            window = windows[span] = (alike, {number for number, _ in alike})
        alike, on = window
        if (len(on) >= need or _one_side(on, p.number, sides)) and not headings.opens(p, ln, alike):
            doomed.add(id(ln))
    for p in pages:
        keep = []
        for ln in p.lines:
            if id(ln) in doomed:
                dropped.append((p.number, ln.text))
            else:
                keep.append(ln)
        p.lines = keep
    return dropped


def _column_at(page: _Page, line: Line) -> int:
    """The column `line` is in on a page set in columns (_gutters), -1 on another page or when it runs
    over a gutter: for drop_furniture, the heading that heads the second column of one page and
    the first of the next is no running header, though it stands at the same height on both."""
    if not page.gutters or _spans(line.chars, page.gutters):
        return -1
    return _column_of((line.x0 + line.x1) / 2, page.gutters)


def _one_side(on: set[int], number: int, sides: tuple[int, int]) -> bool:
    """Whether pages `on` (a line alike on each, one of them page `number`) are at least half the
    pages of `number`'s parity, two or more, and none of the other (`sides`: how many pages of
    each parity the document has, even first): a two-sided running header or footer."""
    parity = number % 2
    return (all(n % 2 == parity for n in on) and len(on) >= max(2, (sides[parity] + 1) // 2)
            and sides[1 - parity] > 0)


# A heading's label and number, then the rest of its text: "Objective 2", "Annex 3: …", "Target 1.2: …".
LABELLED = regex(r"([^\W\d_]+\.?)\s+(\d+(?:\.\d+)*)\b(.*)", re.DOTALL)


@record
class _Headings:
    """What tells a heading that opens its page from a running header alike on other pages
    (drop_furniture): a heading repeats no page's text, so one alike line per page differs from
    the others only in its number.
    - A line the PDF's bookmarks name on its page is a heading, unless more pages hold its text
      than bookmarks name it (a running header that is also a bookmark's title).
    - Without one, a line atop its page set in a heading's size (`heading_size` times the body's)
      is a heading when it is a label and its number ("Objective 1", "Objective 2" …) and every
      alike line is the same label with another number and the same words after it. A running
      header is rarely set larger than the text it heads, and one that is repeats its text (a
      chapter's title) or numbers its pages elsewhere than after a label ("Annual Report 2023 |
      5"). In the body's size such a line is dropped ("Target 1.2: …", "Target 2.3: …" atop
      each page, bold like many a running header)."""

    size: float  # the least size of a heading
    zone: float  # PdfSettings.furniture_zone
    named: set[tuple[int, str]]  # (page, key) of each bookmark that names its page
    titles: Counter[str]  # how many bookmarks have each key

    @classmethod
    def of(cls, size: float, zone: float, bookmarks: Sequence[Bookmark]) -> _Headings:
        """The test for a PDF whose headings are at least `size` and whose outline is `bookmarks`."""
        named: set[tuple[int, str]] = set()
        titles: Counter[str] = Counter()
        for bookmark in bookmarks:
            key = bookmark_key(bookmark.title)
            titles[key] += 1
            if bookmark.page is not None:
                named.add((bookmark.page, key))
        return cls(size, zone, named, titles)

    def opens(self, page: _Page, line: Line, alike: list[tuple[int, str]]) -> bool:
        """Whether `line`, on `page`, is a heading (see the class) though the lines `alike` it,
        (page number, text) on each page, stand on enough pages to make it furniture."""
        key = bookmark_key(line.text)
        if (page.number, key) in self.named:
            return len({number for number, text in alike if bookmark_key(text) == key}) <= self.titles[key]
        if line.size < self.size or line.bottom >= page.height * self.zone:
            return False
        label = LABELLED.fullmatch(line.text.strip())
        if label is None:
            return False
        for number, text in alike:
            if number == page.number:
                continue
            other = LABELLED.fullmatch(text.strip())
            if other is None or other[2] == label[2] or (
                    other[1].casefold(), other[3].strip()) != (label[1].casefold(), label[3].strip()):
                return False
        return True


def _body_size(pages: list[_Page]) -> float:
    """The font size most of the pages' characters are set in."""
    sizes: Counter[float] = Counter()
    for p in pages:
        for ln in p.lines:
            if ln.text:
                sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _framed(page: _Page, line: Line) -> bool:
    """Whether short rules lie just above and just below `line`: a one-column table's header row."""
    room = line.bottom - line.top
    return (any(line.top - room <= y <= line.top for y in page.separators)
            and any(line.bottom <= y <= line.bottom + room for y in page.separators))


def drop_repeated_headers(pages: list[_Page]) -> list[tuple[int, str]]:
    """Remove the header row a one-column table repeats at the top of the next page; return it.

    Such a table has no column gap, so it is read as lines, not as a table that stitching would
    join (a browser's print of "Relevant regional initiatives"). Its header is a line framed by
    short rules; the table goes on over the page when no rule closes it below that header, and
    the next page then opens with the same framed line.
    """
    dropped: list[tuple[int, str]] = []
    for before, page in zip(pages, pages[1:]):
        if not page.lines or not before.lines:
            continue
        first = min(page.lines, key=lambda ln: ln.top)
        headers = [ln for ln in before.lines if _framed(before, ln) and ln.text == first.text]
        if not headers or not _framed(page, first):
            continue
        header = max(headers, key=lambda ln: ln.top)
        if any(y > header.bottom + (header.bottom - header.top) for y in before.separators):
            continue  # the table ends on its own page
        page.lines = [ln for ln in page.lines if ln is not first]
        dropped.append((page.number, first.text))
    return dropped


def split_footnotes(page: _Page, body_size: float, continued: bool = False) -> list[Line]:
    """Take the page's footnote lines off its body: below a footnote separator, else a trailing
    run of smaller lines that starts with a note number. Below a separator, after a page with
    notes (`continued`), the run may open with the rest of that page's last note instead, in a
    type smaller than the body's (a long note the layout carried over)."""
    if not page.lines:
        return []
    table_bottom = max((g.bbox[3] for g, _ in page.tables), default=0.0)
    below = [y for y in page.separators if y > table_bottom]
    if below:
        cut = min(below)
        notes = [ln for ln in page.lines if ln.top > cut]
    else:
        notes = []
        for ln in reversed(page.lines):
            if ln.size < body_size - 0.9 and ln.top > table_bottom:
                notes.insert(0, ln)
            else:
                break
        while notes and note_label(notes[0]) is None:
            notes.pop(0)
    carried = continued and bool(below) and bool(notes) and notes[0].size < body_size - 0.9
    if notes and note_label(notes[0]) is None and not carried:
        return []
    page.lines = [ln for ln in page.lines if ln not in notes]
    page.noted = bool(notes)
    return notes


def note_label(line: Line, pattern: re.Pattern[str] = FOOTNOTE_LABEL) -> tuple[str, int] | None:
    """The number a note line opens with and where its text starts: the raised digits it opens
    with (a label set tight against a text that opens with a number, "¹2026 figures …"), else
    `pattern`'s first group; None for a line that opens with neither."""
    raised = 0
    for char in line.chars[:4]:
        if not (char.size < line.size and char.text.isdigit()):
            break
        raised += 1
    if 0 < raised <= 3 and raised < len(line.chars) and line.text[:raised].isdigit():
        return line.text[:raised], len(line.text) - len(line.text[raised:].lstrip())
    m = pattern.match(line.text)
    return (m.group(1), m.end()) if m else None


NOTE_SKIP = 3
"""How far past the last note's number a note line's number may be and open the next note (a
document may skip a note or two: 1, 2, 4), where a greater one carries on the note ("30
countries …" after note 1)."""


def _follows(before: str | None, label: str) -> bool:
    """Whether a note labelled `label` may come after the one labelled `before`: a number at most
    NOTE_SKIP past it, or either is a sign."""
    return (before is None or not (before.isdigit() and label.isdigit())
            or int(before) < int(label) <= int(before) + NOTE_SKIP)


def footnote_blocks(lines: list[Line], page: int, label_pattern: re.Pattern[str] = FOOTNOTE_LABEL,
                    carried: Block | None = None) -> list[Block]:
    """One footnote block per numbered note (`label_pattern`'s first group the number); lines
    without a number continue the note above, and so does a line that opens with a number in the
    notes' type, at their left edge, that does not follow the last note's (`_follows`: "30
    countries …" after note 1 wrapped). Lines before the first note go on `carried`, the last
    note of the page before, which the layout continued here (the first line has no number)."""
    blocks: list[Block] = []
    texts: list[list[str]] = []
    rest: list[str] = []  # the lines that carry on `carried`
    for ln in lines:
        found = note_label(ln, label_pattern)
        raised = ln.chars[0].size < ln.size
        before = blocks[-1] if blocks else carried
        starts = found is not None and (before is None or raised or (
            ln.x0 <= lines[0].x0 + 1 and _follows(before.label, found[0])))
        if starts and found is not None:
            label, end = found
            blocks.append(Block("footnote", "", loc=Loc(page=page, line=ln.number, footnote=label), label=label,
                                size=ln.size))
            texts.append([ln.text[end:]])
        elif blocks:
            texts[-1].append(ln.text)
        elif carried is not None:
            rest.append(ln.text)
    if carried is not None and rest:
        carried.text = join_lines([carried.text, *rest])
    for block, parts in zip(blocks, texts):
        block.text = join_lines(parts)
    return blocks


END_NOTE = regex(r"^(\d{1,3})[.)]?\s+")
BACK_LINK = regex(r"(?<!\s)\s*\u21a9\ufe0e?\s*$")  # (?<!\s): see diff.ignore.SPACED_SLASH


def end_notes(pages: list[_Page], cited: set[str]) -> list[Block]:
    """Notes printed at the end of the document rather than at the foot of their pages, as a
    browser prints an HTML page's notes (pandoc's, after an `<hr>`): the lines under the last rule
    of the last page (or of the page before, when the notes begin a page), when each opens a
    paragraph with a number cited as a note mark ("1." or "1"), and these numbers are 1, 2, … in
    order. They are taken off the body and become footnote blocks; the "↩" link back to the mark
    is dropped."""
    filled = [p for p in pages if p.lines]
    if not filled or not cited:
        return []
    # the rule is on the last page, or on the one before when the notes begin a new page
    ruled = next((k for k in (len(filled) - 1, len(filled) - 2) if k >= 0 and filled[k].rules), None)
    if ruled is None:
        return []
    cut = max(filled[ruled].rules)
    lines = [ln for ln in filled[ruled].lines if ln.top > cut] + [ln for p in filled[ruled + 1:] for ln in p.lines]
    if not lines or not END_NOTE.match(lines[0].text):
        return []
    blocks = footnote_blocks(lines, lines[0].page, END_NOTE)
    labels = [b.label for b in blocks]
    if labels != [str(k) for k in range(1, len(labels) + 1)] or not set(labels) <= cited:
        return []
    for block in blocks:
        block.text = BACK_LINK.sub("", block.text)
    filled[ruled].lines = [ln for ln in filled[ruled].lines if ln.top <= cut]
    for page in filled[ruled + 1:]:
        page.lines = []
    return blocks


ENDNOTE_LABEL = regex(r"^([ivx]{1,6}|\d{1,3})(?![\w.,])\s*")
"""An endnote's label where its line opens with it: roman or arabic, set raised or in the note's
type, then a space or the raised label's end."""


def printed_end_notes(pages: list[_Page], cited: set[str], footnotes: list[Block]) -> list[Block]:
    """Endnotes as a word processor prints them, after the body: on a page of their own at the end
    (LibreOffice) or below the body's last line (Word). They are the lines from the last one (of
    the last two pages with text) that opens with the first label ("i" or "1") to the document's
    end, when each note opens a line with the next label in turn (i, ii, iii … or 1, 2, 3 …), every
    label is cited as a raised mark in the body and labels no footnote, and the notes are at least
    two or their labels raised. They are taken off the body and become footnote blocks `endnote-<n>`, as the .docx
    reader numbers them; a line that opens with no next label carries on the note above."""
    filled = [p for p in pages if p.lines]
    cited = cited - {block.label for block in footnotes}
    if not filled or not cited:
        return []
    lines = [ln for p in filled[-2:] for ln in p.lines]
    for start in reversed(range(len(lines))):
        found = note_label(lines[start], ENDNOTE_LABEL)
        if found is None or found[0] not in ("i", "1") or found[0] not in cited:
            continue
        name = roman if found[0] == "i" else str
        blocks: list[Block] = []
        texts: list[list[str]] = []
        raised = True
        for ln in lines[start:]:
            found = note_label(ln, ENDNOTE_LABEL)
            if found is not None and found[0] == name(len(blocks) + 1) and found[0] in cited:
                label, end = found
                raised = raised and ln.chars[0].size < ln.size
                blocks.append(Block("footnote", "", loc=Loc(page=ln.page, line=ln.number,
                                                             footnote=f"endnote-{len(blocks) + 1}"),
                                    label=label, size=ln.size))
                texts.append([ln.text[end:]])
            elif blocks:
                texts[-1].append(ln.text)
        if not blocks or len(blocks) < 2 and not raised:
            return []
        for block, parts in zip(blocks, texts):
            block.text = join_lines(parts)
        taken = set(map(id, lines[start:]))
        for page in filled[-2:]:
            page.lines = [ln for ln in page.lines if id(ln) not in taken]
        return blocks
    return []


def _keep_unnoted_marks(pages: list[_Page], footnotes: list[Block], ends: list[Block]) -> None:
    """Put back into their lines' text the raised digits that mark no note (pdf_superscripts):
    exponents, not marks; a page's `marks` keeps only the notes' marks."""
    labels: dict[int | None, set[str]] = {}
    end_ids = set(map(id, ends))
    for block in footnotes:
        if id(block) not in end_ids:
            labels.setdefault(block.loc.page, set()).add(block.label or "")
    lines = [page.lines + [ln for _, rows in page.tables for row in rows for flow in row for ln in flow]
             for page in pages]
    marked = note_marks(((labels.get(page.number, set()), [m for ln in page_lines for m in ln.marks])
                         for page, page_lines in zip(pages, lines)), {block.label or "" for block in ends})
    for page, page_lines, noted in zip(pages, lines, marked):
        restored: Counter[str] = Counter()
        for ln in page_lines:
            if ln.marks and not noted.issuperset(ln.marks):
                restored.update(m for m in ln.marks if m not in noted)
                ln.text, ln.marks, ln.mark_at = keep_unnoted(ln.text, ln.marks, ln.mark_at, noted)
        if restored:
            left = []
            for mark in page.marks:
                if restored[mark] > 0:
                    restored[mark] -= 1
                else:
                    left.append(mark)
            page.marks = left


# --- assembly -----------------------------------------------------------------------------


def _cell(lines: list[Line], box: tuple[float, float, float, float] | None, loc: Loc, spacing: Spacing,
          settings: PdfSettings = PDF_DEFAULTS, words: frozenset[str] = frozenset(),
          nested: Sequence[PageTable] = ()) -> Cell:
    """A table cell from its lines; `words` are those the document prints whole (broken_words).
    The rows of the tables `nested` in it are lines of its text where they stand among its
    paragraphs, their cells' lines joined, as the .docx reader flattens a nested table."""
    if not lines and not nested:
        return Cell("", loc)
    inner = sorted(nested, key=lambda t: t.grid.bbox[1])
    tops = [t.grid.bbox[1] for t in inner]
    runs: list[list[Line]] = [[] for _ in range(len(inner) + 1)]  # the lines above each nested table, and below the last
    for ln in lines:
        runs[bisect_right(tops, ln.top)].append(ln)
    texts: list[str] = []
    left, right = (min(ln.x0 for ln in lines), _cell_right(lines, box)) if lines else (0.0, 0.0)
    for k, run in enumerate(runs):
        if run:
            paras = paragraphs(run, right, spacing, settings)
            for para in paras:
                broken_words(para.lines, left, right, words)
            texts += [p.text for p in paras]
        if k < len(inner):
            texts += [nested_row_line(row) for row in inner[k].rows]
    return Cell("\n".join(texts), loc, texts, bold=bool(lines) and all(ln.bold for ln in lines))


def _settle_spans(grid: Grid, boxes: list, row_lines: list[list[Line]]) -> list[list[Line]]:
    """Text of a cell drawn across several columns (a missing rule) that lies wholly inside one of
    them goes to that column."""
    out = [list(lines) for lines in row_lines]
    bounds = grid.columns[1:] + [grid.bbox[2]]
    for i, (box, lines) in enumerate(zip(boxes, row_lines)):
        if box is None or not lines or box[2] <= bounds[i] + 1:
            continue
        left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
        home = next((k for k, x in enumerate(grid.columns) if x - 1 <= left and right <= bounds[k] + 1), i)
        if home != i and boxes[home] is None:
            out[home], out[i] = lines, []
    return out


def _page_table(page: _Page, grid: Grid, cells: list[list[list[Line]]], spacing: Spacing,
                settings: PdfSettings = PDF_DEFAULTS, words: frozenset[str] = frozenset(),
                layout_break: LayoutBreak | None = None, index: int | None = None) -> PageTable:
    """The table of `grid` on `page`, its cells read from their `cells` lines; the tables nested
    in its cells (Grid.within: the `index` of this one among the page's tables) are read into them."""
    nested: dict[tuple[int, int], list[PageTable]] = {}
    for k, (inner, inner_cells) in enumerate(page.tables):
        if index is not None and inner.within is not None and inner.within[0] == index:
            nested.setdefault(inner.within[1:], []).append(
                _page_table(page, inner, inner_cells, spacing, settings, words, layout_break, k))
    rows: list[list[Cell]] = []
    spanning: list[bool] = []
    heads: list[list[Line | None]] = []
    tails: list[list[tuple[Line, float] | None]] = []
    nests: list[list[tuple[PageTable | None, PageTable | None]]] = []
    for r, (boxes, row_lines) in enumerate(zip(grid.rows, cells)):
        row_lines = _settle_spans(grid, boxes, row_lines)
        row = [
            _cell(lines, box, Loc(page=page.number, row=r, col=c), spacing, settings, words, nested.get((r, c), ()))
            for c, (box, lines) in enumerate(zip(boxes, row_lines))
        ]
        head = [lines[0] if lines else None for lines in row_lines]
        tail = [(lines[-1], _cell_right(lines, box)) if lines else None for lines, box in zip(row_lines, boxes)]
        # Without rules, a row whose first cell is empty is the wrap of the row above; in a ruled
        # table a rule parts them, and it is a row of its own ("" / "Associate" under "ITU-R").
        if len(rows) > 1 and not grid.ruled and not row[0].text.strip() and any(c.text.strip() for c in row) and not spanning[-1]:
            rows[-1] = join_rows(rows[-1], row, layout_break=layout_break)
            heads[-1] = joined_edges(heads[-1], head, first=True)
            tails[-1] = joined_edges(tails[-1], tail, first=False)
            continue
        rows.append(row)
        spanning.append(sum(1 for b in boxes if b is not None) < len(boxes))
        heads.append(head)
        tails.append(tail)
        nests.append([_nest_edges(lines, nested.get((r, c), ())) for c, lines in enumerate(row_lines)])
    return PageTable(page.number, grid, rows, spanning, heads=heads, tails=tails, nests=nests)


def _nest_edges(lines: list[Line], nested: Sequence[PageTable]) -> tuple[PageTable | None, PageTable | None]:
    """The tables `nested` in a cell that its text opens and ends with (no line of its own above the
    first, or below the last), as _cell places them among its `lines`; None where a line does."""
    if not nested:
        return None, None
    inner = sorted(nested, key=lambda t: t.grid.bbox[1])
    first, last = inner[0].grid.bbox[1], inner[-1].grid.bbox[1]
    return (None if any(ln.top < first for ln in lines) else inner[0],
            None if any(ln.top >= last for ln in lines) else inner[-1])


def _cell_right(lines: list[Line], box: tuple[float, float, float, float] | None) -> float:
    """The right edge of a cell's text: its lines' widest end, or the box's edge less the padding
    its text keeps on the left, whichever is further right."""
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    return right if box is None else max(right, box[2] - max(left - box[0], 0.0))


def _cell_goes_on(tail: tuple[Line, float], head: Line) -> bool:
    """Whether `head`, a cell's first line on a page, carries on the paragraph of `tail`, its last
    line on the page before (with the cell's right text edge): as over a page of body text."""
    return _runs_over(tail[0], head, tail[1])


def _body_edges(pages: list[_Page]) -> tuple[dict[int, float], dict[int, float]]:
    """Each page's left and right text edges: a low and a high percentile of line starts and ends
    over all pages of its width. Contents lines with a dot leader (or the tab of one dropped between
    columns, _without_column_leaders) are left out where other lines remain: their leader runs to a
    tab stop that may lie past the margin, and a few of them would set the right edge there, so
    that every body line looked short and ended its paragraph."""
    by_width: dict[int, tuple[list[float], list[float]]] = {}
    for p in pages:
        body = [ln for ln in p.lines if not has_leader(ln.text)] or p.lines
        starts, ends = by_width.setdefault(round(p.width), ([], []))
        starts.extend(ln.x0 for ln in body)
        ends.extend(ln.x1 for ln in body)
    edges = {}
    for width, (starts, ends) in by_width.items():
        starts.sort()
        ends.sort()
        edges[width] = ((starts[int(0.05 * (len(starts) - 1))] if starts else 0.0),
                        (ends[int(0.95 * (len(ends) - 1))] if ends else float(width)))
    return ({p.number: edges[round(p.width)][0] for p in pages}, {p.number: edges[round(p.width)][1] for p in pages})


def _box_measures(pages: list[_Page], lefts: dict[int, float], rights: dict[int, float], spacing: Spacing) -> dict[int, float]:
    """The measure a line of a text box or frame is set to: the right edge of its box, by the
    id() of each line that a line of its box follows. A box is a run of two or more lines that
    start at one x, indented from the page's text (BOX_INDENT font sizes or more), of one size
    and weight at the line pitch, all ending BOX_INDENT font sizes or more short of the page's
    right text edge: its lines wrap at its own edge, the run's widest line end, and, measured
    against the page's, each looked short and ended its paragraph. Only a line of BOX_WORDS words
    or more with no sentence end is measured so: an indented address or signature ("Secretary-
    General" under a name) stays lines apart."""
    out: dict[int, float] = {}

    def close(run: list[Line], right: float) -> None:
        edge = max((ln.x1 for ln in run), default=right)
        if len(run) < 2 or edge > right - BOX_INDENT * run[0].size:
            return
        for ln in run[:-1]:
            if len(ln.text.split()) >= BOX_WORDS and not SENTENCE_END.search(ln.text):
                out[id(ln)] = edge

    for page in pages:
        left, right = lefts[page.number], rights[page.number]
        run: list[Line] = []
        for ln in sorted(page.lines, key=lambda ln: ln.number):
            prev = run[-1] if run else None
            if (prev is not None and abs(ln.x0 - run[0].x0) <= max(0.6 * ln.size, 3) and ln.size == prev.size
                    and ln.bold == prev.bold and prev.base < ln.base and not spacing.gap(prev, ln)):
                run.append(ln)
                continue
            close(run, right)
            run = [ln] if ln.x0 >= left + BOX_INDENT * ln.size else []
        close(run, right)
    return out


# A text box's lines start and end this many font sizes or more inside the page's text edges
# (_box_measures); a line measured against its box's edge holds this many words or more.
BOX_INDENT = 2
BOX_WORDS = 4


def _body_foot(pages: list[_Page]) -> dict[int, float]:
    """The lowest baseline body text reaches on each page without footnotes: of the pages of its
    height, the lowest line of the second-lowest page (one stray line low on a page does not set
    it). A page with footnotes has none: its notes end the body higher up."""
    by_height: dict[int, list[float]] = {}
    for p in pages:
        if p.lines:
            by_height.setdefault(round(p.height), []).append(max(ln.base for ln in p.lines))
    feet = {}
    for p in pages:
        lows = sorted(by_height.get(round(p.height), []))
        if lows and not p.noted:
            feet[p.number] = lows[-2] if len(lows) > 1 else lows[-1]
    return feet


def _para_notes(para: Para, length: int) -> tuple[tuple[int, str], ...] | None:
    """The note marks of a paragraph's lines as Block.notes has them: each at about its offset in
    the joined text (the lines' lengths and a space each, within `length`) and keyed by its label,
    which is the Loc.footnote of the note it marks (footnote_blocks); None for a paragraph with none."""
    out: list[tuple[int, str]] = []
    start = 0
    for line in para.lines:
        out.extend((min(start + at, length), mark) for at, mark in zip(line.mark_at, line.marks))
        start += len(line.text) + 1
    return tuple(out) or None


def _block_from_para(para: Para, page: int) -> Block:
    first = para.lines[0]
    sizes = Counter(ln.size for ln in para.lines)
    block = Block(
        "list-item" if para.label else "paragraph",
        para.text,
        loc=Loc(page=page, line=first.number),
        label=para.label,
        bold=all(ln.bold for ln in para.lines),
        size=sizes.most_common(1)[0][0],
    )
    if not block.bold:
        block.bold_lead = _bold_lead(first, block.text)
    return block


def _bold_lead(line: Line, text: str) -> int:
    """Block.bold_lead of a paragraph opening with `line`: the bold glyphs the line opens with, as
    the paragraph's `text` opens with them ("Target 1.1:" before plain text), 0 when none are or
    the text opens otherwise (a list label taken off)."""
    lead = []
    for char in line.chars:
        if char.text.strip() and (not char.bold or id(char) in line.weightless):
            break
        lead.append(char.text)
    words = "".join(lead).split()
    if not words or len(lead) == len(line.chars):
        return 0
    prefix = " ".join(words)
    return len(prefix) if text.startswith(prefix) else 0


def assemble(pages: list[_Page], spacing: Spacing, dropped: list[tuple[int, str]], settings: PdfSettings = PDF_DEFAULTS,
             words: frozenset[str] = frozenset(), cell_spacing: Spacing | None = None,
             hyphenation: Hyphenation | None = None,
             rows: dict[tuple[int, int], TableRows] | None = None) -> list[Block]:
    """Blocks in reading order: paragraphs re-joined across pages, tables stitched across pages.

    Repeated header rows that stitching drops are appended to `dropped` as (page, text). `rows`,
    when given, gets each page's table (page, its number on the page) as the file's table it is
    part of (TableRows), which places a revision mark printed in a cell in its row. `words`
    are those the document prints whole, which tell a word a narrow column broke (broken_words).
    `spacing` is the body text's line pitch, `cell_spacing` the tables' (a table style often sets
    its lines closer than the body's); `hyphenation` judges the hyphen ending a cell's part that a
    row's rest goes on from (settle_line_hyphens). A paragraph's and a table's text are set once they are
    whole, at the end: set at every line or page added, a paragraph or table running over
    hundreds of pages would cost time quadratic in its length."""
    (lefts, rights), feet = _body_edges(pages), _body_foot(pages)
    columns = _column_edges(pages, lefts, rights)
    boxes = _box_measures(pages, lefts, rights, spacing) | {k: edges.right for k, edges in columns.items()}
    layout_break = hyphenation.layout_break if hyphenation is not None else None
    blocks: list[Block] = []
    open_para: tuple[Para, Block] | None = None
    open_table: tuple[PageTable, Block] | None = None
    table_count = 0
    parts: dict[tuple[int, int], Block] = {}  # each page's table (page, its number there) -> the file's table
    repeated: dict[tuple[int, int], set[int]] = {}  # its grid rows that repeat the header (stitch drops them)
    grown: list[tuple[Para, Block]] = []  # paragraphs that took more lines, their text to set
    made: list[tuple[Para, Block]] = []  # every paragraph, its note marks to set (_para_notes)
    page_items: list[list[tuple[int, Line | tuple[Grid, list[list[list[Line]]]]]]] = []
    for page in pages:
        items: list[tuple[int, Line | tuple[Grid, list[list[list[Line]]]]]] = [(ln.number, ln) for ln in page.lines]
        items += [(k, table) for k, table in zip(page.table_numbers, page.tables) if table[0].within is None]
        items.sort(key=lambda it: it[0])
        page_items.append(items)
    flat = [item for items in page_items for _, item in items]
    following = {id(a): b for a, b in zip(flat, flat[1:]) if isinstance(a, Line) and isinstance(b, Line)}
    for page, items in zip(pages, page_items):
        for position, (k, item) in enumerate(items):
            first_item = position == 0
            if isinstance(item, Line):
                nxt = following.get(id(item))
                if open_para is not None and _joins(open_para[0], item, rights, feet, first_item, spacing, nxt, settings, boxes,
                                                     columns):
                    para, block = open_para
                    if len(para.lines) == 1:
                        grown.append(open_para)
                    last = para.lines[-1]
                    _mark_break(last, item, _same_page_measure(last, item, rights, boxes))
                    para.indent += _column_shift(columns, last, item)  # carried on in the next column
                    _extend(para, item)
                    block.bold = block.bold and item.bold
                    continue
                para = _new_para(item)
                block = _block_from_para(para, page.number)
                blocks.append(block)
                made.append((para, block))
                open_para, open_table = (para, block), None
                continue
            grid, cells = item
            index = next(i for i, held in enumerate(page.tables) if held is item) if len(page.tables) > 1 else 0
            table = _page_table(page, grid, cells, cell_spacing or spacing, settings, words, layout_break, index)
            if open_table is not None and first_item and continues(open_table[0], table, settings):
                stitch(open_table[0], table, settings, _cell_goes_on, layout_break)
                repeated[page.number, k] = {row[0].loc.row or 0 for row in table.rows[:len(open_table[0].dropped)] if row}
                dropped.extend(open_table[0].dropped)
                open_table[0].dropped.clear()
            else:
                table_count += 1
                block = Block("table", "", loc=Loc(page=page.number, line=k, table=table_count))
                blocks.append(block)
                open_table = (table, block)
            whole, block = open_table
            block.rows = whole.rows
            parts[page.number, k] = block
            open_para = None
    for para, block in grown:
        block.text = para.text
    for para, block in made:
        block.notes = _para_notes(para, len(block.text))
    if rows is not None:
        rows.update(_table_rows(parts, repeated))
    for block in blocks:
        if block.rows is not None:
            block.text = table_text(block.rows)
        for r, row in enumerate(block.rows or []):
            for c, cell in enumerate(row):
                cell.loc = Loc(page=cell.loc.page, table=block.loc.table, row=r, col=c)
    return blocks


def _table_rows(parts: dict[tuple[int, int], Block], repeated: dict[tuple[int, int], set[int]]) -> dict[tuple[int, int], TableRows]:
    """Each page's table of `parts` (assemble) as its part of the file's table (TableRows), with
    its `repeated` header rows: a row keeps the page and grid row of the cells it opens with
    (join_rows and stitch keep the upper cell's loc), before assemble numbers its cells in the
    file's table."""
    firsts: dict[int, list[tuple[int, int]]] = {}
    for block in parts.values():
        if id(block) not in firsts:
            firsts[id(block)] = [min(((cell.loc.page or 0, cell.loc.row or 0) for cell in row), default=(0, 0))
                                 for row in block.rows or []]
    return {at: (block.loc.table or 0, firsts[id(block)], repeated.get(at, set())) for at, block in parts.items()}


def _joins(
    para: Para, line: Line, rights: dict[int, float], feet: dict[int, float], first_on_page: bool, spacing: Spacing,
    nxt: Line | None = None, settings: PdfSettings = PDF_DEFAULTS, boxes: dict[int, float] | None = None,
    columns: dict[int, Edges] | None = None
) -> bool:
    """Whether `line` carries on `para`: on the same page, or as the first line of the next
    (`rights`: each page's right text edge, `feet`: the lowest baseline its body text reaches;
    `boxes`: the measure of a text box's line, by its id(), see _box_measures; `columns`: the edges
    of the column of a line of a page set in columns, see _column_edges)."""
    last = para.lines[-1]
    columns = columns or {}
    shift = _column_shift(columns, last, line)
    right = _same_page_measure(last, line, rights, boxes)
    if right is not None and id(last) in columns and id(line) in columns and line.top < last.top:
        # the head of the next column (_flow_keys)
        return _continues_over_page(para, line, right, spacing, columns[id(last)].foot, shift)
    if right is not None:
        return not _starts_paragraph(para, line, right, spacing, nxt, settings)
    return (first_on_page and line.page == last.page + 1
            and _continues_over_page(para, line, (boxes or {}).get(id(last), rights[last.page]), spacing,
                                     feet.get(last.page), shift))


def _same_page_measure(last: Line, line: Line, rights: dict[int, float], boxes: dict[int, float] | None) -> float | None:
    """The measure `line` carries `last` on in: the text box's `last` is in, else its page's;
    None when `line` is on another page."""
    return (boxes or {}).get(id(last), rights[line.page]) if last.page == line.page else None


def _open(path: str, data: bytes, limits: Limits, budget: LzwBudget) -> tuple[pdfium.PdfDocument, PageStreams]:
    """PDFium's document and the page measure, once every stream of the file is measured (decrypted
    too where it is encrypted: PDFium opens a file with an empty user password)."""
    if b"%PDF-" not in data[:1024]:
        raise InputError(str(path), "not a PDF file (no %PDF header)")
    _check_streams(data, limits, path, budget)
    try:
        measured = open_document(data, partial(_check_streams, data, limits, path, budget), syntax_caps(limits))
    except UnknownEncryption as exc:
        raise InputError(str(path), f"encrypted PDF by a method this reader does not know ({exc})") from exc
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise InputError(str(path), "encrypted PDF (password-protected)") from exc
        raise InputError(str(path), "corrupt or unreadable PDF") from exc
    return document, PageStreams(measured, budget, most=limits.pages + 1)


def _page_cost(streams: PageStreams, index: int, limits: Limits, before: int, path: str) -> int:
    """What page `index` draws, decompressed (PageStreams), refused before PDFium parses the page
    when it is over Limits.pdf_page_mb, or the pages so far are over Limits.pdf_content_mb."""
    page_cap, all_cap = int(limits.pdf_page_mb * MB), int(limits.pdf_content_mb * MB)
    try:
        cost = streams.page_bytes(index, min(page_cap, all_cap - before))
    except TooMuchLzw as exc:
        raise InputError(path, str(exc)) from exc
    if cost > page_cap:
        raise LimitError(path, over("pdf_page_mb", f"page {index + 1}'s content streams decompress to"
                                                   f" {megabytes(cost)} or more", limits.pdf_page_mb))
    spread = streams.page_spread(index)  # a glyph's text costs what a byte of content does
    # the page's strings, and all of what its forms and glyph procedures draw (text or not)
    if spread > 1 and (shown := streams.page_text_bytes(index) + cost - streams.page_content_bytes(index)) * spread > page_cap:
        raise LimitError(path, over("pdf_page_mb", f"page {index + 1}'s strings hold {megabytes(shown)} and its fonts"
                                                   f" map a glyph to up to {spread:,} characters:"
                                                   f" {megabytes(shown * spread)} or more of text", limits.pdf_page_mb))
    if before + cost > all_cap:
        raise LimitError(path, over("pdf_content_mb", f"the PDF's content streams decompress to"
                                                      f" {megabytes(before + cost)} or more by page {index + 1}",
                                    limits.pdf_content_mb))
    return cost


def _load_page(document: pdfium.PdfDocument, index: int, path: str) -> pdfium.PdfPage:
    """Page `index` (0-based) of `document`, PDFium's parse of it; a page it cannot load is an InputError."""
    try:
        return document[index]
    except pdfium.PdfiumError as exc:
        raise InputError(path, f"corrupt PDF (page {index + 1} cannot be loaded)") from exc


def _count_chars(document: pdfium.PdfDocument, streams: PageStreams, limits: Limits, path: str) -> None:
    """Measure every page's content before any is loaded (_page_cost), then, when that content
    could hold more characters than Limits.pdf_chars allows, count each page's characters with
    PDFium alone, refusing the PDF at the page that passes the limit before any page is read:
    reading a page costs some 20 times what PDFium's count does (four pages of 557,000 stacked
    glyphs were read for 45 s before the fourth passed the limit; counted, they take 5 s).
    A character costs a byte of content at least (a string's byte, or the operator that starts
    a new line), times the most characters a glyph of the page's fonts maps to."""
    inflated = 0  # what loading the pages so far inflates (see Limits.pdf_page_mb and pdf_content_mb)
    most = 0  # the most characters the pages so far can hold
    for i in range(len(document)):
        cost = _page_cost(streams, i, limits, inflated, path)
        inflated += cost
        most += cost * streams.page_spread(i)
    if most <= limits.pdf_chars:
        return
    chars = 0
    for i in range(len(document)):
        page = _load_page(document, i, path)
        try:
            textpage = page.get_textpage()
            chars += max(textpage.count_chars(), 0)
            textpage.close()
        finally:
            page.close()
        if chars > limits.pdf_chars:
            raise LimitError(path, over("pdf_chars", f"the PDF's text runs to {chars:,} characters by page {i + 1}",
                                        limits.pdf_chars))


def _check_streams(data: bytes, limits: Limits, path: str, budget: LzwBudget, decipher: Decipher | None = None) -> None:
    """Refuse a PDF whose streams other than images decompress to more than Limits.pdf_streams_mb,
    or whose object and cross-reference streams to more than pdf_objects_mb, before PDFium or
    pdfminer inflates any (see pdf_streams.stream_sizes); an encrypted one's decrypted by `decipher`."""
    cap, objects_cap = int(limits.pdf_streams_mb * MB), int(limits.pdf_objects_mb * MB)
    try:
        sizes = stream_sizes(data, cap, objects_cap, budget, decipher)
    except TooMuchLzw as exc:
        raise InputError(path, str(exc)) from exc
    if sizes.objects > objects_cap:
        raise LimitError(path, over("pdf_objects_mb", f"the PDF's object and cross-reference streams decompress to"
                                                      f" {megabytes(sizes.objects)} or more", limits.pdf_objects_mb))
    if sizes.total > cap:
        raise LimitError(path, over("pdf_streams_mb", f"the PDF's streams other than images decompress to"
                                                      f" {megabytes(sizes.total)} or more", limits.pdf_streams_mb))


def _bodiless(pages: list[_Page]) -> bool:
    """Whether no page holds a line or a table."""
    return not any(p.lines or p.tables for p in pages)


def read_pdf_detailed(path: str | Path) -> PdfReading:
    """Read the PDF at `path`; also report the header/footer lines dropped as page furniture."""
    return pdf_reading(*file_source(path, "pdf"))


def pdf_reading(data: bytes, source: Source, *, settings: PdfSettings = PDF_DEFAULTS) -> PdfReading:
    """Read a PDF's bytes with `settings`' tolerances; also report the lines dropped as page furniture."""
    limits = current()
    try:
        return _pdf_reading(data, source, settings, limits)
    except TooManyObjects as exc:
        raise InputError(source.path, f"the PDF's cross-reference tables run to more than {exc.most:,} lines") from None
    except LineTooLong:
        raise InputError(source.path, f"a line of the PDF runs past {MAX_LINE / 1e6:g} MB, too long to read"
                                      " (its cross-reference table missing or broken, or a stream's /Length)") from None
    except WidePredictor as exc:
        raise InputError(source.path, f"a stream's predictor has {exc.columns:,} columns (/DecodeParms /Columns), more than"
                                      f" {MAX_COLUMNS:,}") from None
    except ObjectTooLarge as exc:
        what = ("the PDF's objects run", "all of them may take twice") if exc.whole else (
            f"{'an object' if exc.objid is None else f'object {exc.objid}'} of the PDF runs", "one object may take a quarter of")
        raise LimitError(source.path, over("pdf_page_mb", f"{what[0]} to more than {megabytes(exc.cap)} of PDF syntax"
                                                          f" ({what[1]} the page limit)", limits.pdf_page_mb)) from None


def syntax_caps(limits: Limits) -> tuple[int, int]:
    """The most PDF syntax pdfminer may parse to measure a PDF (pdf_streams.SyntaxBudget): for
    one object a quarter of Limits.pdf_page_mb, for all of them together twice it (1 MB and 8 MB
    by default). Measuring a PDF parses its cross-reference data, page tree and each page's
    dictionaries, a few KB a page (the 96-page report's 303 objects hold 21 KB); an array of
    numbers takes pdfminer some 1.5 s a megabyte."""
    page = limits.pdf_page_mb * MB
    return int(page / 4), int(page * 2)


def _pdf_reading(data: bytes, source: Source, settings: PdfSettings, limits: Limits) -> PdfReading:
    path = source.path
    budget = LzwBudget()
    document, streams = _open(path, data, limits, budget)
    try:
        if len(document) > limits.pages:
            raise LimitError(str(path), over("pages", f"the PDF has {len(document):,} pages", limits.pages))
        if streams.wide:  # a /Count that says fewer pages than a node lists
            raise LimitError(str(path), over("pages", f"a node of the PDF's page tree lists {streams.wide:,} kids",
                                             limits.pages))
        pages: list[_Page] = []
        images = 0
        chars = 0  # characters of text on the pages so far (see Limits.pdf_chars)
        _count_chars(document, streams, limits, str(path))
        for i in range(len(document)):
            page = _load_page(document, i, str(path))
            try:
                textpage = page.get_textpage()
                chars += max(textpage.count_chars(), 0)
                if chars > limits.pdf_chars:  # a page whose content held more than _count_chars reckoned
                    raise LimitError(str(path), over("pdf_chars", f"the PDF's text runs to {chars:,} characters by page"
                                                                  f" {i + 1}", limits.pdf_chars))
                parsed, page_images = _read_page(page, textpage, i + 1, settings, source.view,
                                                 pages[-1].gutters if pages else ())
            finally:
                page.close()
            pages.append(parsed)
            images += page_images
        bookmarks = read_bookmarks(document)
        source = replace(source, pages=len(pages))
    finally:
        document.close()
    if _bodiless(pages):
        raise InputError(str(path), IMAGE_ONLY if images else NO_TEXT)
    furniture = drop_furniture(pages, settings, bookmarks) + drop_repeated_headers(pages)
    if _bodiless(pages):
        raise InputError(str(path), ONLY_FURNITURE)
    if doubtful := [p.number for p in pages if p.overprinted >= OVERPRINTED_GLYPHS]:
        note = overprinted_note(doubtful)
        warnings.warn(InputWarning(str(path), note), stacklevel=2)
        source = replace(source, warnings=(*source.warnings, note))
    body_size = _body_size(pages)
    footnotes: list[Block] = []
    cited = {m for p in pages for m in p.marks}
    noted = False  # the page before had notes, which may go on at this one's foot
    for page in pages:
        page.number_items()
        notes = split_footnotes(page, body_size, continued=noted)
        goes_on = noted and bool(footnotes) and bool(notes) and note_label(notes[0]) is None
        footnotes.extend(footnote_blocks(notes, page.number, carried=footnotes[-1] if goes_on else None))
        noted = bool(notes)
    ends = end_notes(pages, cited) or printed_end_notes(pages, cited, footnotes)
    footnotes.extend(ends)
    _keep_unnoted_marks(pages, footnotes, ends)
    bodies = [p.lines for p in pages]
    cell_lines = [lines for p in pages for _, cells in p.tables for row in cells for lines in row]
    body_pitches, cell_pitches = line_pitches(bodies), line_pitches(cell_lines)
    body_wraps, cell_wraps = wrap_pitches(bodies), wrap_pitches(cell_lines)
    both = estimate_spacing(joined_pitches(body_pitches, cell_pitches), wraps=joined_pitches(body_wraps, cell_wraps))
    spacing = opening_indents(bodies, set_apart(bodies, estimate_spacing(body_pitches, both, body_wraps), body_wraps))
    cell_spacing = opening_indents(cell_lines, set_apart(cell_lines, estimate_spacing(cell_pitches, both, cell_wraps), cell_wraps))
    flowing = [ln for lines in bodies for ln in lines]  # a page runs on
    words = whole_words(cell_lines, [flowing])
    hyphenation = settle_line_hyphens([flowing, *cell_lines], words)
    rows: dict[tuple[int, int], TableRows] = {}  # where a printed mark in a table is (only where there are marks)
    blocks = numbered_items(mark_headings(assemble(pages, spacing, furniture, settings, words, cell_spacing, hyphenation,
                                                   rows if any(page.revisions for page in pages) else None), bookmarks))
    revisions = [rev for page in pages for rev in page.revision_marks(rows)]
    if revisions:
        blocks = [b for b in blocks if b.text or b.rows is not None]  # a paragraph the view hides whole
        source = _marks_noted(source, revisions)
    if not any(block.type == "heading" for block in blocks):
        blocks = size_headings(blocks, settings)
    marks = [(p.number, m) for p in pages for m in p.marks]
    broken = [(lines[0].page, pieces) for lines in cell_lines for pieces in _joined(lines)]
    return PdfReading(RawDocument(source, blocks, revisions, footnotes=footnotes), furniture, marks, broken)


def _passages(count: int) -> str:
    return f"{count} passage{'s' if count != 1 else ''}"


def _marks_noted(source: Source, revisions: list[Revision]) -> Source:
    """`source` with a warning that says how its printed revision marks were read (pdf_markup):
    the reading is told from the print's look, so the user is told it was made."""
    deleted = sum(r.type == DELETED for r in revisions)
    inserted = len(revisions) - deleted
    note = (f"printed revision marks read as tracked changes: {_passages(deleted)} struck through as deleted, "
            f"{_passages(inserted)} underlined beside a change bar as inserted")
    warnings.warn(InputWarning(source.path, note), stacklevel=3)
    return replace(source, warnings=(*source.warnings, note))


def overprinted_note(numbers: list[int]) -> str:
    """The warning for pages whose text is printed over other text (_overprinted)."""
    shown = ", ".join(map(str, numbers[:5])) + (f" and {len(numbers) - 5} more" if len(numbers) > 5 else "")
    return f"page{'s' if len(numbers) > 1 else ''} {shown}: {LAYOUT_DOUBT}, read glyph by glyph into one line"


def read_pdf(path: str | Path) -> RawDocument:
    """Read a PDF file into flat blocks in reading order (see module docstring)."""
    return read_pdf_detailed(path).raw


def extract_pdf(data: bytes, source: Source, *, settings: PdfSettings = PDF_DEFAULTS) -> RawDocument:
    """The extractor for PDF (see extract.Extractor): flat blocks in reading order."""
    return pdf_reading(data, source, settings=settings).raw
