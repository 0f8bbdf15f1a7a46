"""Text renderings (.txt, .md, .html) of planning documents into the same flat block list.

Plain text follows what writers produce: Word's "save as plain text" (one paragraph per line,
bullets as leading glyphs, tables as tab-led cells), pandoc's plain writer (blank lines between
paragraphs, lines wrapped at 72 columns, grid and dashed tables), PDF-to-text tools (lines cut at
the page measure with no blank line between paragraphs: paragraph ends are read from short lines,
sentence ends, clause numbers and wrapped numbered titles) and tab-separated exports.
Markdown is recognised by its content, whatever the file's extension (`#` headings, setext
underlines, `**bold**` lines, links, pipe tables, backslash escapes): its inline marks never
reach the text, a bold-only line is kept as a bold hint and headings as heading blocks; an ordered
list's item ("1. text", "b) text", "(ii) text": CommonMark's and pandoc's markers) is a list item
labelled as written, as a "* text" bullet is, its next lines indented or lazily not. In plain
text every character is kept as written — a literal `<p>` or `[bookmark: x]` is text — except a
leading `[bookmark: NAME]` glued to the paragraph, the marker some exports leave for a Word
bookmark. HTML is read by extract/html.py.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import lru_cache, partial
from operator import itemgetter
from pathlib import Path
from typing import Callable

from ..errors import LimitError
from ..limits import current, over
from ..model import Block, Loc, RawDocument, Source
from ..patternscan import JoinedLines
from ..record import field, record, replace
from ..regexcache import regex
from ..contents import ROMAN_PAGE, page_start
from ..text_patterns import (CLAUSE_DECIMAL, CLAUSE_NUMBER, ITEM_LEADS, LABEL_STOPS, LETTER_LABEL, LIST_ITEM, LONE_LABEL,
                             MD_ORDERED_ITEM, NUMBER_LABEL, SOFT_HYPHEN, SPACED_BULLET, SPACED_BULLET_LEADS,
                             may_open_item, md_first_item, md_ordered_item, plain_hyphens, pua_bullet, spaced_bullet)
from .decoding import decode_text
from .hyphens import COMPOUND, PIECE, hyphen_pieces, join_lines, judge_breaks
from .inline import (BOLD_MARKERS, BOLD_OPENERS, bold_label, clean_inline, has_markup, html_paragraphs, is_bold_only,
                     is_fragment, tidy_spaces)
from .numbered_items import numbered_items
from .text_tables import (
    GRID_RULE,
    DASH_RUN,
    may_open_table,
    Clean,
    DashScan,
    dash_table,
    grid_table,
    pipe_table,
    tab_led_table,
    text_block,
    text_loc,
    tsv_table,
)

BOOKMARK = regex(r"^\[bookmark: [^\]\s]+\](?=\S)")
BOOKMARK_OPEN = "[bookmark: "
# A `#` heading; the rest of the line (last group) still holds the closing hashes, which
# _atx_title drops (a lazy `(.*?)(?:\s+#+)?\s*$` costs some 400 instructions a character).
MD_HEADING = regex(r"^ {0,3}(#{1,6})(?:\s+(.*))?$")  # "####" alone: an empty heading (no text, no block)
QUOTE_MARKS = regex(r"^(?: {0,3}> ?)+")  # a Markdown block quote's marks, nested ones included
# The first line of a CommonMark HTML block of kind 6: a block-level tag, open or closing, which
# runs to the next blank line (pandoc's gfm and commonmark writers put a table they cannot write
# as a pipe table there, its cells holding lists and paragraphs).
HTML_BLOCK_START = regex(
    r"^ {0,3}</?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|"
    r"dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|"
    r"iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|"
    r"table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|/>|$)", re.IGNORECASE)
# pandoc's heading attributes: "# Title {#intro .unnumbered}".
HEADING_ATTRIBUTES = regex(r"(?<!\s)\s*\{[#.][^{}]*\}\s*$")  # see diff.ignore.SPACED_SLASH for (?<!\s)
# pandoc writes a Word heading that is also a numbered list item as "3.  # Title".
MD_LIST_HEADING = regex(rf"^\s*({NUMBER_LABEL}|{LETTER_LABEL})\s+(#{{1,6}})(?:\s+(.*))?$")
SETEXT = regex(r"^ {0,3}(=+|-+)\s*$")
# What a setext underline opens with (after its indentation).
UNDERLINES = ("=", "-")
UNDERLINE_RUNS = {"=": "===", "-": DASH_RUN}  # what a setext underline opening with each holds (setext_at)
ROMAN_LEADS = frozenset("ivxlcIVXLC")  # what opens a Markdown item numbered "ii." (LIST_ITEM has no roman numerals)
RULE_LINE = regex(r"^\s*(?:[-=_*~]\s*){3,}$")
RULE_LEADS = ("-", "=", "_", "*", "~")  # what a line RULE_LINE matches opens with
MD_FOOTNOTE = regex(r"^\[\^([^\]\s]+)\]:\s*(.*)$")
PLAIN_FOOTNOTE = regex(r"^\[(\d{1,3})\]\s+(\S.*)$")
NOTE_MARK = regex(r"(?<=\S)\[(\d{1,3})\]")  # a plain note's mark glued to the word before it
# A sentence's last character, tested with `str.endswith` on stripped lines (a `[.;:!?]$` regex
# search would try every position of the line).
SENTENCE_END = (".", ";", ":", "!", "?")
# A line ending on one of these words runs on into the next: no paragraph ends so (ends_connecting).
CONNECTING_WORDS = frozenset({"and", "or", "of", "the", "to", "for", "in", "with", "a", "an", "by", "on", "as", "at",
                              "from", "that", "which"})
TITLE_OPEN_END = regex(rf"(?:[.;,!?]|\b(?:{'|'.join(sorted(CONNECTING_WORDS))}))$")
# A hyphen ending a line (after a word character, tested apart) that a line of text follows.
HYPHEN_BREAK = regex(r"-[ \t]*\n[ \t]*\S")
CLAUSE_LABEL_OPENING = regex(rf"{CLAUSE_DECIMAL}[.)]")  # "2.1", "3.", "3)": a clause's or item's number, not "2022)."
# A wrapped line shorter than this share of the measure (with the next word) ended its paragraph.
EARLY_END = 0.8
# A line ending a sentence this far short of the measure, before a capital, ended its paragraph.
SENTENCE_LINE_END = 0.9
# Hard-wrapped text with fewer blank lines than this share of its lines (pdftotext) does not
# mark every paragraph end: the reader then looks for ends in the lines themselves.
DENSE_BLANKS = 0.2
TITLE_WORDS = 20
WRAP_MAX = 100
# The most lines a paragraph hard-wrapped on its own (in a text read line by line) runs to: some
# 6,000 characters at the widest measure.
MAX_WRAPPED_LINES = 60
# Symbol/Wingdings bullets that PDF-to-text tools pass through as private-use characters.
PUA_LEAD = regex(r"^(\s*)([\uf000-\uf0ff])(?=\s)")
PUA_LEADS = frozenset(map(chr, range(0xF000, 0xF100)))  # what PUA_LEAD's bullet may be
# What the table lines is_wrapped leaves out open with.
TABLE_LEADS = ("|", "+")
NOTE_SEPARATOR = regex(r"^\s*_{8,}\s*$")
# Markdown signals, each with characters one of which every line it matches holds: a text with
# none of them has no such line, and its lines are not searched for that signal. (Single
# characters: the text is searched for them much faster than for longer strings.) The middle
# string, when there is one, is also in every line the pattern matches; the lines holding a
# needle are tested for it before the pattern (a table row holds "|", a pipe table's rule
# "---" as well, and a regex call costs some ten times as much as the test).
MD_SIGNALS = (
    (("#",), "", regex(r"^ {0,3}#{1,6}\s+\S")),
    (("*", "_"), "", regex(r"^\s*(?:\*\*|__)\S.*(?:\*\*|__)\s*:?\s*$")),
    (("]",), "", regex(r"\[[^\]]+\]\([^)\s]*\)")),
    (("|",), "---", regex(r"^\|?\s*:?-{3,}:?\s*\|")),
    (("\\",), "", regex(r"\\[*_\[\]#\"'`]")),
    (("{",), "", regex(r"\]\{[#.][^}]*\}")),
    (("^",), "", regex(r"^\[\^[^\]]+\]:")),
)
SETEXT_SIGNAL = regex(r"^(?:={3,}|-{3,})\s*$")
SETEXT_NEEDLES = ("===", "---")  # a line SETEXT_SIGNAL matches starts with one of these
SETEXT_STARTS = tuple("\n" + needle for needle in SETEXT_NEEDLES)  # the same after a line break
# Lines holding a signal's strings are found by searching the whole text while there are at most
# one in FEW_LINES of them (see _spans_holding).
FEW_LINES = 64
TableReader = Callable[[list[str], int, int, Clean], tuple[Block, int] | None]
# What a line opens with (after its white space) where it may open a list item (may_open_item's
# ITEM_LEADS) or a rule (RULE_LEADS): _plain_run_end's first test.
BLOCK_LEADS = frozenset(RULE_LEADS) | ITEM_LEADS
# A list item, a rule line or a grid-table rule: lines that open a block, tested in one call.
BLOCK_LINE = regex("|".join(f"(?:{p.pattern})" for p in (LIST_ITEM, RULE_LINE, GRID_RULE)))


def text_lines(text: str) -> list[str]:
    """The lines of `text` as editors, grep and GitHub number them: split at line ends (\\n, \\r\\n
    or \\r) only. str.splitlines also splits at form feeds (pdftotext's page break), vertical tabs
    and Unicode line separators, and every one of those put each later line number one off."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def looks_like_markdown(text: str, lines: list[str] | None = None) -> bool:
    """Markdown by content: ATX headings, or several kinds of Markdown syntax used repeatedly.

    The signals are counted one kind after the other, and the answer is yes as soon as the
    counts so far say so: more lines of a kind can only add to that. `lines`: the text's
    `text_lines`, when the caller has them.
    """
    lines = (text_lines(text) if lines is None else lines)[:20000]
    joined = "\n".join(lines)
    counts = [_atx_headings(joined)]
    if _markdown_counts(counts, setext=0):
        return True
    for needles, also, pattern in MD_SIGNALS[1:]:
        # A pattern anchored at the line start is tried there only (search tries every position).
        test = pattern.match if pattern.pattern.startswith("^") else pattern.search
        held = _lines_holding(lines, joined, needles)
        if also:
            held = [line for line in held if also in line]
        counts.append(len(list(filter(None, map(test, held)))))
        if _markdown_counts(counts, setext=0):
            return True
    setext = sum(1 for above, line in _underlined(lines, joined) if SETEXT_SIGNAL.match(line)
                 and above.strip() and above[0] != " ")
    return _markdown_counts(counts, setext)


def _atx_headings(joined: str) -> int:
    """How many lines of `joined` (lines joined with "\n") are ATX headings (MD_SIGNALS' first
    pattern), counted up to two: two decide alone (_markdown_counts). The lines holding a "#"
    are found in turn by searches of the whole text (C speed) and tested until two are headings,
    where collecting every such line first read all the lines of a text with many."""
    needle, pattern = MD_SIGNALS[0][0][0], MD_SIGNALS[0][2]
    found = 0
    at = joined.find(needle)
    while at >= 0 and found < 2:
        end = joined.find("\n", at)
        if end < 0:
            end = len(joined)
        found += pattern.match(joined[joined.rfind("\n", 0, at) + 1:end]) is not None
        at = joined.find(needle, end)
    return found


def _underlined(lines: list[str], joined: str) -> list[tuple[str, str]]:
    """Each line after the first that starts as a setext underline may (SETEXT_NEEDLES), with the
    line above it; `joined`: the lines joined with "\n". While there are at most one in
    FEW_LINES of them, they are found in the whole text at C speed (as _spans_holding)."""
    found: list[tuple[str, str]] = []
    for needle in SETEXT_STARTS:
        at = joined.find(needle)
        while at >= 0:
            if len(found) > len(lines) // FEW_LINES:
                starting = itertools.compress(range(1, len(lines)),
                                              map(str.startswith, lines[1:], itertools.repeat(SETEXT_NEEDLES)))
                return [(lines[k - 1], lines[k]) for k in starting]
            end = joined.find("\n", at + 1)
            found.append((joined[joined.rfind("\n", 0, at) + 1:at], joined[at + 1:end if end >= 0 else len(joined)]))
            at = joined.find(needle, at + 1)
    return found


def _lines_holding(lines: list[str], joined: str, needles: tuple[str, ...]) -> list[str]:
    """The lines holding any of `needles`, each once (not in order); `joined`: the lines joined
    with "\n". A few such lines are found in the whole text at C speed (_spans_holding); past
    one line in FEW_LINES, each line is tested instead."""
    spans = _spans_holding(joined, needles, len(lines) // FEW_LINES)
    if spans is not None:
        return [joined[a:b] for a, b in spans]
    found: list[str] = []
    for k, needle in enumerate(needles):
        if k:
            earlier = needles[:k]
            found += [line for line in lines if needle in line and not any(e in line for e in earlier)]
        else:
            found += [line for line in lines if needle in line]
    return found


def _spans_holding(joined: str, needles: tuple[str, ...], most: int) -> list[tuple[int, int]] | None:
    """Where the lines of `joined` (lines joined with "\n") holding any of `needles` start and
    end, each line once; None when more than `most` lines hold one. Each needle is searched for
    in the whole text, from the end of the line it was last found in: some 6,000 instructions
    a line found, where testing a line for it costs some 270."""
    found: dict[int, int] = {}
    for needle in needles:
        at = joined.find(needle)
        while at >= 0:
            if len(found) > most:
                return None
            start = joined.rfind("\n", 0, at) + 1
            end = joined.find("\n", at)
            if end < 0:
                end = len(joined)
            found[start] = end
            at = joined.find(needle, end)
    return list(found.items())


def _markdown_counts(signals: list[int], setext: int) -> bool:
    """Whether counts of lines showing each of MD_SIGNALS (the first ones, so far) and of setext
    underlines make a Markdown document."""
    if (signals and signals[0] >= 2) or setext >= 2:
        return True
    counts = [*signals, setext]
    repeated = sum(1 for c in counts if c >= 2)
    present = sum(1 for c in counts if c)
    return repeated >= 2 or present >= 3 or sum(counts) >= 8


def is_wrapped(lines: list[str], leads: list[str] | None = None) -> bool:
    """Hard-wrapped paragraphs (pandoc's 72 columns, pdftotext's page measure): lines of a
    bounded length that run on into the next line, either blank-line separated or filling a
    measure of at least 50 characters and often breaking mid-sentence (a lower-case line after
    an unpunctuated one) — which one-line-per-paragraph text never does. `leads`: the lines'
    line_leads, when the caller has them.

    Body lines are those not blank and not opening with a table's `|` or `+`. Most texts have
    more than one in twenty of them longer than WRAP_MAX: counting those says no without
    sorting every line's length."""
    leads = line_leads(lines) if leads is None else leads
    body = len(leads) - sum(map(leads.count, ("", *TABLE_LEADS)))
    if body < 6:
        return _runs_on_mostly(lines, leads)
    # p95 (below) is item int(0.95 * body) - 1 of the sorted lengths: it is over WRAP_MAX when
    # fewer body lines than int(0.95 * body) are at most WRAP_MAX long (a line is stripped only
    # when it is longer than that as it stands).
    longer = sum(1 for line, lead in zip(lines, leads)
                 if len(line) > WRAP_MAX and lead not in TABLE_LEADS and len(line.rstrip()) > WRAP_MAX)
    if longer >= body - int(body * 0.95) + 1:
        return False
    ends = list(map(str.rstrip, lines))
    lengths = sorted([len(end) for end, lead in zip(ends, leads) if lead and lead not in TABLE_LEADS])
    p90, p95 = lengths[int(len(lengths) * 0.9) - 1], lengths[int(len(lengths) * 0.95) - 1]
    if sum(1 for a, b in zip(ends, ends[1:]) if len(a) >= 50 and b) < 3:
        return False
    blank = leads.count("")
    if blank >= 0.1 * len(lines) and p95 <= 80:
        return not _ragged(lines, ends, leads, p90) or _runs_on_mostly(lines, leads)
    mid_sentence = sum(
        1 for a, b in zip(ends, lines[1:])
        if len(a) >= 50 and not a.endswith(SENTENCE_END) and b.strip()[:1].islower()
    )
    return p90 >= 50 and (mid_sentence >= max(3, 0.1 * len(lengths)) or _runs_on_mostly(lines, leads))


def _runs_on_mostly(lines: list[str], leads: list[str]) -> bool:
    """Whether at least half the line breaks between two lines of text (not before a blank line,
    a list item, a table line or a tab) fall where no paragraph can end (`runs_on`), over two
    breaks at least and a line of 50 characters or more: a text that breaks "in bridging the" /
    "digital divide" or "WTDC Resolution" / "37 (Rev. Kigali, 2022)" that often is hard-wrapped,
    however few or ragged its lines. A text typed a paragraph a line breaks so in one break out of
    a hundred (a heading over its text, a sentence's end over the next)."""
    breaks = run_on = longest = 0
    for k in range(len(lines) - 1):
        after = leads[k + 1]
        longest = max(longest, len(lines[k]))
        if (not leads[k] or not after or after in TABLE_LEADS or "\t" in lines[k] or "\t" in lines[k + 1]
                or (may_open_item(lines[k + 1], after) and LIST_ITEM.match(lines[k + 1]))):
            continue
        breaks += 1
        run_on += runs_on(lines[k].rstrip(), lines[k + 1].strip())
    return breaks >= 2 and 2 * run_on >= breaks and max(longest, len(lines[-1]) if lines else 0) >= 50


def ends_connecting(end: str) -> bool:
    """Whether a line (stripped on the right) ends on a connecting word (CONNECTING_WORDS): its last
    word is looked up, where a search for a `$`-anchored pattern would try every position."""
    return end[max(end.rfind(" "), end.rfind("-")) + 1:] in CONNECTING_WORDS


def runs_on(end: str, after: str) -> bool:
    """Whether a line (`end`, stripped on the right) cannot end a paragraph before the next
    (`after`, stripped): it ends no sentence, and it ends on a connecting word ("and", "the"), or
    the next opens in lower case or with a number that is no label ("37 (Rev. Kigali, 2022)",
    "9 and …"; not "2.1", "3." or "3)")."""
    if end.endswith(SENTENCE_END):
        return False
    opening = after[:1]
    if opening.islower() or ends_connecting(end):
        return True
    return opening.isdigit() and CLAUSE_LABEL_OPENING.match(after) is None


def _ragged(lines: list[str], ends: list[str], leads: list[str], width: int) -> bool:
    """Whether most line breaks inside blank-line-separated runs came early: the line had room
    for the next one's first word within `width`, the measure most full lines reach. A wrapped
    text breaks a line only where the next word would not fit; a text typed a line per paragraph
    ("MOD<tab>RCC/7/2", "Output 1.6", "Background …", short lines that the blank lines group)
    breaks anywhere. Breaks before a list item or a table line are neither."""
    early = breaks = 0
    for k in range(len(lines) - 1):
        after = leads[k + 1]
        if not leads[k] or not after or after in TABLE_LEADS or may_open_item(lines[k + 1], after):
            continue
        breaks += 1
        early += len(ends[k]) + 1 + len(lines[k + 1].split(None, 1)[0]) <= width
    return breaks > 0 and 2 * early > breaks


def line_leads(lines: list[str]) -> list[str]:
    """Each line's first character after its indentation ("" for a blank line): most tests of a
    line look at it first, so the reader works it out once for every line."""
    return [line.lstrip()[:1] for line in lines]


def _plain_run_end(lines: list[str], leads: list[str], j: int) -> int:
    """The first line from j on that opens a block of its own in plain text (blank, holding a tab,
    or a list item, rule or grid rule): starts_block's test written out, may_open_item's with it
    (BLOCK_LEADS holds its leads and the rule leads), as the loop visits every line of the text
    once (measure): the calls cost 2.5 % of a wrapped rendering's read, where may_open_item is
    called elsewhere (tests/test_text_fastpaths.py holds this copy to it)."""
    while j < len(lines) and (lead := leads[j]) and "\t" not in (line := lines[j]) and not (
            (lead in BLOCK_LEADS or lead.isdigit() or line.lstrip()[1:2] in LABEL_STOPS) and BLOCK_LINE.match(line)):
        j += 1
    return j


def wrap_width(lines: list[str]) -> int:
    """The measure of hard-wrapped text: the length most full lines reach (90th percentile)."""
    lengths = sorted(len(l.rstrip()) for l in lines if l.strip())
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def _is_plain_note(line: str) -> bool:
    return PLAIN_FOOTNOTE.match(line.strip()) is not None


@record
class _PlainNotes:
    """What `_Reader.in_notes` asks of one plain text's lines, each part worked out once: asking
    it afresh for every `[n] text` line re-read the rest of the document each time, which was
    quadratic in the number of notes."""

    lines: list[str]
    last_other_start: int | None = None
    before: tuple[int, int] = (-1, -1)
    cites: dict[str, int] = field(default_factory=dict)
    joined: JoinedLines | None = None

    def only_notes_after(self, i: int) -> bool:
        """Whether every paragraph after line i (a line after a blank one) opens with `[n]`."""
        if self.last_other_start is None:
            lines = self.lines
            self.last_other_start = next(
                (m for m in range(len(lines) - 1, 0, -1)
                 if lines[m].strip() and not lines[m - 1].strip() and not _is_plain_note(lines[m])),
                -1,
            )
        return self.last_other_start <= i

    def text_before(self, i: int) -> str:
        """The nearest line above line i that has text and is not a note ("" when none). Lines
        are asked about in reading order, each a note, so the search stops where the last one
        started: nothing between qualifies, and neither does that note line."""
        asked, found = self.before
        stop = asked if 0 <= asked < i else -1
        k = next((k for k in range(i - 1, stop, -1) if self.lines[k].strip() and not _is_plain_note(self.lines[k])), None)
        if k is None:
            k = found if stop >= 0 else -1
        self.before = (i, k)
        return self.lines[k] if k >= 0 else ""

    def first_line_with(self, cite: str) -> int:
        """The first line holding `cite` (which has no line break), or the number of lines."""
        if cite not in self.cites:
            if self.joined is None:
                self.joined = JoinedLines(self.lines)
            at = self.joined.text.find(cite)
            self.cites[cite] = len(self.lines) if at < 0 else self.joined.line_at(at)
        return self.cites[cite]


@record
class _Reader:
    """One pass over the lines of a text rendering, producing blocks and footnotes."""

    lines: list[str]
    markdown: bool
    wrapped: bool
    width: int = 0
    dense: bool = False
    blocks: list[Block] = field(default_factory=list)
    footnotes: list[Block] = field(default_factory=list)
    dash_table: TableReader = dash_table
    notes: _PlainNotes | None = None
    plain_notes: set[str] = field(default_factory=set)  # labels of the `[n] text` notes read
    leads: list[str] = field(default_factory=list)
    clean: Clean = str.strip
    wrap_measure: int | None = None  # see measure()
    run_at: tuple[int, int] = (0, 0)  # the last run of lines _run_end found: (its first line, its end)
    # The runs of three lines or more measure() read: their first line -> (their end, their
    # _wrapped_width), which wrapped_run then takes instead of reading the run again.
    measured: dict[int, tuple[int, int]] = field(default_factory=dict)
    # The end of the last HTML block html_block left to be read line by line: a line inside it
    # that opens with a block tag is no block of its own (each one scanned the rest of the block
    # again, which took minutes on 20,000 lines of `<p>…</p>` without a blank line).
    html_lines_until: int = 0
    layout_hyphens: frozenset[int] | None = None  # see line_breaks

    def __post_init__(self) -> None:
        """The dashed-table reader of these lines (dash_table remembers its scans of them:
        DashScan), and the lines' line_leads unless the caller gave them."""
        self.dash_table = partial(dash_table, scan=DashScan())
        if not self.leads:
            self.leads = line_leads(self.lines)
        # One cell line to its text. Markdown's marks are taken off each distinct line once: a
        # rendering repeats many lines and cells (a table's header on every page, "N/A", boilerplate),
        # and clean_inline (pure) costs a few regex passes a line.
        self.clean = lru_cache(maxsize=None)(clean_inline) if self.markdown else str.strip


    def starts_block(self, i: int, under_item: bool = False) -> bool:
        """Whether line i opens a block of its own (blank, tabbed, a list item, a rule, a table
        rule, and in Markdown a `#` heading, a pipe table or HTML) rather than going on with the
        paragraph above; `under_item`: that paragraph is a Markdown list item, whose lines may be
        indented by tabs."""
        line, lead = self.lines[i], self.leads[i]
        # BLOCK_LINE only where it may match: a rule character, or what may open a list item (a grid
        # rule's "+" is one).
        if not lead or ((lead in RULE_LEADS or may_open_item(line, lead)) and BLOCK_LINE.match(line)):
            return True
        if "\t" in line and not (under_item and "\t" not in line.lstrip()):
            return True  # a table's cell; under a Markdown list item a tab before the text indents its next line
        return self.markdown and (("#" in line and bool(MD_HEADING.match(line))) or self.leads[i] in ("|", "<")
                                  or (lead in ROMAN_LEADS and md_ordered_item(line) is not None))

    def goes_on(self, i: int, j: int) -> bool:
        """Whether Markdown line j, which opens with an ordered list marker, goes on with the
        paragraph opened at line i: a list whose first number is not 1 (or a, i) cannot start
        inside a paragraph (CommonMark), so "2018) focusing on …", a wrapped line of a paragraph
        or of a list item, is text. It is the next item of the list when it stands where line
        i's marker stands (line i an ordered item) or left of the paragraph's text."""
        item = md_ordered_item(self.lines[j]) if self.markdown else None
        if item is None or md_first_item(item):
            return False
        indent, opening = _indent(self.lines[j]), _indent(self.lines[i])
        return indent > opening if md_ordered_item(self.lines[i]) else indent >= opening

    def gather(self, i: int) -> tuple[str, int]:
        """A paragraph's text from line i on: one line, or every wrapped line up to a block start."""
        first = self.lines[i].strip()
        j = i + 1
        if len(first) <= 12 and self.lone_number(i):
            first, j = f"{first} {self.lines[j].strip()}", j + 1
        if j >= len(self.lines) or not self.leads[j]:
            # The end or a blank line next (most paragraphs): nothing goes on with these lines, in
            # any kind of text; told before the tests below, each a call or a regex a line.
            return (first.rstrip("\\").strip() if "\\" in first else first), j
        if not (self.markdown or self.wrapped):
            end = self.wrapped_run(i) if j == i + 1 else j
            if end > j:  # one hard-wrapped paragraph in a text read line by line
                return self.joined([self.lines[k].strip() for k in range(i, end)], end - 1), end
            return (first.rstrip("\\").strip() if "\\" in first else first), j
        parts = [first]
        words = len(parts[0].split()) if self.dense else 0
        item = self.markdown and (LIST_ITEM.match(first) is not None or md_ordered_item(first) is not None)
        # Whether a line underlines a heading is asked of a line opening with "=" or "-" only
        # (setext_at's first test, made here: the call cost as much as the rest of a line's tests).
        while j < len(self.lines) and not (self.starts_block(j, item) and not self.goes_on(i, j)) and not (
                self.leads[j] in UNDERLINES and self.setext_at(j)):
            if j + 1 < len(self.lines) and self.leads[j + 1] in UNDERLINES and _underline(self.lines[j + 1]):
                break
            if self.dense:
                # Past TITLE_WORDS words the lines so far cannot make a title, the only use of
                # their text: not joining them again for each line keeps long paragraphs linear.
                if self.new_paragraph(j, " ".join(parts) if words <= TITLE_WORDS else ""):
                    break
                words += len(self.lines[j].split())
            parts.append(self.lines[j].strip())
            j += 1
        text = " ".join(parts) if self.markdown else self.joined(parts, j - 1)
        if "\\" in text:  # a line-end backslash is a Markdown hard break: drop it
            text = " ".join([p.rstrip("\\").strip() for p in parts])
        return text, j

    def joined(self, parts: list[str], last: int) -> str:
        """The text of a paragraph's wrapped lines (`parts`, stripped, the last one line `last`):
        joined with a space, but as the PDF reader joins its lines where one ends in a hyphen or
        a slash (hyphens.join_lines): no space after a word's own hyphen ("e-" / "government"),
        none and no hyphen where the layout broke a word ("telecom-" / "munication", see
        line_breaks). The test for either is one search of the joined text."""
        text = " ".join(parts)
        if "- " not in text and "/ " not in text:
            return text
        first = last - len(parts) + 1
        layout = self.line_breaks()
        return join_lines([part[:-1] + SOFT_HYPHEN if first + m in layout else part for m, part in enumerate(parts)])

    def line_breaks(self) -> frozenset[int]:
        """The lines whose closing hyphen the layout set where it broke a word (hyphens.judge_breaks,
        from the words the whole text prints), worked out once, when a paragraph first asks. The
        lines are found and the words counted by searches of the whole text (C speed); a text
        with no word broken at a line end counts none."""
        if self.layout_hyphens is None:
            text = "\n".join(self.lines)
            # The pattern opens with a literal "-", which the search skips to at C speed; the word
            # character before it is tested here.
            ends = [at for m in HYPHEN_BREAK.finditer(text) if (prior := text[(at := m.start()) - 1:at]).isalnum()
                    or prior == "_"]
            self.layout_hyphens = frozenset()
            if ends:
                joined = JoinedLines(self.lines)
                broken = sorted({joined.line_at(at) for at in ends})
                lines = self.lines
                pairs = [(lines[k].rstrip(), lines[k + 1].strip()) for k in broken]
                # Pieces and compounds never span white space: each distinct token is searched once.
                tokens = Counter(joined.text.casefold().split())
                printed: Counter[str] = Counter()
                for token, count in tokens.items():
                    for piece in PIECE.findall(token):
                        printed[piece] += count
                for before, after in pairs:  # the pieces of a broken word are no words the text prints
                    pieces = hyphen_pieces(before, after)
                    if pieces is not None:
                        printed.subtract(piece.casefold() for piece in pieces)
                words = frozenset(word for word, count in printed.items() if count > 0)
                compounds = frozenset(c for token in tokens if "-" in token for c in COMPOUND.findall(token))
                _, layout = judge_breaks(pairs, words, compounds)
                self.layout_hyphens = frozenset(k for k, soft in zip(broken, layout) if soft)
        return self.layout_hyphens

    def wrapped_run(self, i: int) -> int:
        """In a text read line by line (a Word text export: one paragraph a line), where a
        paragraph that was hard-wrapped on its own ends: line i and the lines after it up to a
        blank line or a block start, when they are one (`_wrapped_width`, `_wrapped_pair`). Else
        i + 1: the line alone. A secretary who re-wraps a few paragraphs of such a text has
        changed none of their words. A run longer than MAX_WRAPPED_LINES, or one opening with a
        line longer than any measure, is none: each line of a long run without blank lines is
        then judged in constant time, not by reading the rest of the run again."""
        line = self.lines[i]
        if len(line) > WRAP_MAX and len(line.rstrip()) > WRAP_MAX:
            return i + 1
        if (known := self.measured.get(i)) is not None:
            j, width = known
            return j if width > 0 else i + 1
        j = self._run_end(i)
        if not 2 <= j - i <= MAX_WRAPPED_LINES:
            return i + 1
        ends = list(map(str.rstrip, self.lines[i:j]))
        one = self._wrapped_pair(ends) if len(ends) == 2 else self._wrapped_width(ends) > 0
        return j if one else i + 1

    def _run_end(self, i: int) -> int:
        """The end of the run of lines from i: the next blank line or block start. Kept for the
        run (`run_at`): from a later line of it the run ends at the same place."""
        start, end = self.run_at
        if start <= i < end:
            return end
        j = i + 1
        if self.markdown:
            while j < len(self.lines) and self.leads[j] and not self.starts_block(j):
                j += 1
        else:
            j = _plain_run_end(self.lines, self.leads, j)
        self.run_at = (i, j)
        return j

    def _wrapped_width(self, ends: list[str]) -> int:
        """The measure three or more lines fill when they are one hard-wrapped paragraph, else 0:
        a measure of 50 to WRAP_MAX characters (no line but the last had room for the next one's
        first word), a break mid-sentence, and fewer than half the lines ending in a page number
        (a contents list)."""
        body = ends[:-1]
        width = max(map(len, body))
        # The tests are pure, each a 0 when it fails: the cheapest first.
        if not 50 <= width <= WRAP_MAX or all(end.endswith(SENTENCE_END) for end in body):
            return 0
        # A line that ended with room for the next line's first word ended its paragraph there:
        # a line with room is two characters (a space, a letter) short of the measure at least,
        # told before its next line is split. (A loop: a generator's step costs as much as a call.)
        for end, after in zip(body, ends[1:]):
            if len(end) + 2 <= width and len(end) + 1 + len(after.split(None, 1)[0]) <= width:
                return 0
        # page_start needs the last character a digit or a Roman numeral's: when fewer than half
        # the lines end so (each line of a run holds text), fewer than half end in a page number,
        # which the counts of those characters (by map, C speed) tell before any line is looked at.
        lasts = list(map(itemgetter(-1), ends))
        if 2 * (sum(map(str.isdigit, lasts)) + sum(map(ROMAN_PAGE.__contains__, lasts))) < len(ends):
            return width
        pages = sum(1 for end in ends if (last := end[-1:]) and (last.isdigit() or last in ROMAN_PAGE)
                    and page_start(end.strip()) is not None)
        return 0 if 2 * pages >= len(ends) else width

    def _wrapped_pair(self, ends: list[str]) -> bool:
        """Whether two lines are one hard-wrapped paragraph. Two lines show no measure of their
        own, so the text must show one (`wrap_measure`, from its paragraphs of three lines or
        more): the first line fills it (no room for the second's first word), runs on (no final
        stop, and the second opens in lower case, with a digit, "2.1 and …", or a bracket,
        "(IoT) as …", or the first ends on a comma or a connecting word), and the second is more
        than one bare word ("recalling" under a resolution's preamble is a paragraph)."""
        first, second = ends
        width = self.measure()
        words = second.split()
        if not width or not EARLY_END * width <= len(first) <= width or len(first) + 1 + len(words[0]) <= width:
            return False
        if first.endswith(SENTENCE_END) or (len(words) == 1 and not second.endswith(SENTENCE_END)):
            return False
        opening = second.lstrip()[:1]
        return opening.islower() or opening.isdigit() or opening == "(" or bool(TITLE_OPEN_END.search(first))

    def measure(self) -> int:
        """The measure the text's own hard-wrapped paragraphs of three lines or more fill (the
        widest), 0 when it has none; worked out once, when a pair of lines first asks."""
        if self.wrap_measure is None:
            # Plain text only (wrapped_run asks): each run's end found by _plain_run_end, as
            # _run_end finds it, without the method's bookkeeping for one run asked again.
            lines, leads = self.lines, self.leads
            widths = []
            i = 0
            while i < len(lines):
                if not leads[i]:
                    i += 1
                    continue
                j = _plain_run_end(lines, leads, i + 1)
                if 3 <= j - i <= MAX_WRAPPED_LINES:
                    width = self._wrapped_width(list(map(str.rstrip, lines[i:j])))
                    self.measured[i] = (j, width)
                    widths.append(width)
                i = j
            self.wrap_measure = max(widths, default=0)
        return self.wrap_measure

    def lone_number(self, i: int) -> bool:
        """Whether line i is only a list or clause number and the next line is the text it numbers
        (not blank, not a block of its own, not another number)."""
        if not LONE_LABEL.fullmatch(self.lines[i].strip()) or i + 1 >= len(self.lines):
            return False
        following = self.lines[i + 1].strip()
        return bool(following) and not self.starts_block(i + 1) and not LONE_LABEL.fullmatch(following)

    def new_paragraph(self, j: int, so_far: str) -> bool:
        """In hard-wrapped text without blank lines between paragraphs (pdftotext), a line opens
        a paragraph when the line above ended early — this line's first word would have fitted
        on it, or it ended a sentence short of the measure — and it starts with a capital or a
        number; when it opens with a clause number
        after a sentence end; or when the lines so far make a numbered title (at most
        `TITLE_WORDS`, unpunctuated, not ending on a connecting word) and this line starts with a
        capital.
        An indented line under a list item always goes on with it; a short unpunctuated line
        under a numbered title, before a capital, is the title's wrapped end."""
        prev, line = self.lines[j - 1], self.lines[j]
        text, above = line.strip(), prev.rstrip()
        if (line[:1].isspace() and LIST_ITEM.match(prev)) or ends_connecting(above):
            return False
        starts_high = text[0].isupper() or text[0].isdigit()
        early = len(above) + 1 + len(text.split()[0]) < EARLY_END * self.width
        if CLAUSE_NUMBER.match(text) and (early or above.endswith(SENTENCE_END)):
            return True
        titled = CLAUSE_NUMBER.match(so_far) and len(so_far.split()) <= TITLE_WORDS
        if titled and starts_high and not TITLE_OPEN_END.search(above):
            return not self.title_tail(j)
        ended = above.endswith(SENTENCE_END) and len(above) < SENTENCE_LINE_END * self.width
        return bool(early or ended) and starts_high

    def title_tail(self, j: int) -> bool:
        """Whether line j ends a wrapped title: short, unpunctuated, a capital or the end after it."""
        text = self.lines[j].strip()
        after = self.lines[j + 1].strip() if j + 1 < len(self.lines) else ""
        short = len(text) < EARLY_END * self.width
        return short and not text.endswith(SENTENCE_END) and (not after or after[0].isupper() or after[0].isdigit())

    def setext_at(self, i: int) -> bool:
        """Whether line i underlines a setext heading (at least three `=` or `-`)."""
        return self.leads[i] in UNDERLINES and _underline(self.lines[i]) and len(self.lines[i].strip()) >= 3

    def html_block(self, i: int) -> int | None:
        """A Markdown HTML block of more than one line (HTML_BLOCK_START at line `i`, up to a blank
        line) read as the HTML reader reads a page: a table keeps its rows and cells, a list its
        items. Returns the line after it, or None for no such block (a one-line block is a
        paragraph's fragment: see `paragraph`)."""
        if i < self.html_lines_until or not HTML_BLOCK_START.match(self.lines[i]):
            return None
        end = i + 1
        while end < len(self.lines) and self.leads[end]:
            end += 1
        blocks = None
        if end - i >= 2 and not all(is_fragment(line) for line in self.lines[i:end]):
            from .html import fragment_blocks  # lxml.html, only for a file holding such a block

            blocks = fragment_blocks("\n".join(self.lines[i:end]), len(self.blocks), i + 1)
        if blocks is None:  # each line a fragment of its own (`paragraph` reads them), or unreadable
            self.html_lines_until = end
            return None
        self.blocks.extend(blocks)
        return end

    def lone_line(self, i: int, lead: str) -> Block | None:
        """The paragraph line i makes, a blank line or the end after it and no block of another
        kind opening there (run's tests before), when it is plain (most paragraphs): no bullet,
        no backslash, and in Markdown no mark (has_markup) nor a "." or ")" where an ordered list's
        marker would end; in plain text no "[" opening it (a bookmark). Its block is then the
        one gather and paragraph make (tests/test_text_fastpaths.py compares them), without their
        tests for what such a line cannot be, their calls and the cleaning's cache; None for any
        other line (`lead`: its line_leads)."""
        if lead in SPACED_BULLET_LEADS:
            return None
        first = self.lines[i].strip()
        if self.markdown:
            if "." in first[:11] or ")" in first[:11] or has_markup(first):
                return None
            first = tidy_spaces(first)
        elif "\\" in first or lead == "[":
            return None
        return text_block("paragraph", first, text_loc(len(self.blocks), i + 1))

    def at(self, line: int) -> Loc:
        """The loc of the next block, read from `line`: its paragraph index is its place in the list.
        (Made whole here rather than copied with `dataclasses.replace` when added, which cost as
        much as reading the line; see text_loc.)"""
        return text_loc(len(self.blocks), line)

    def add(self, block: Block) -> None:
        """Append a block whose loc came from `at` (a table reader gets the same index)."""
        self.blocks.append(block)

    def paragraph(self, raw: str, line: int) -> None:
        """One paragraph or list item; a whole HTML fragment in Markdown becomes its paragraphs."""
        if self.markdown:
            fragment = html_paragraphs(raw) if "<" in raw else None
            if fragment is not None:
                for text, bold in fragment:
                    self.add(_paragraph(text, self.at(line), bold=bold))
                return
            # md_ordered_item, is_bold_only and bold_label are called only where their own first
            # tests pass (written out here: most paragraphs open with a word, and a call costs
            # more than the test): a "." or ")" early in the line, a bold span's first character,
            # a bold span's marker.
            head = raw.lstrip(" \t")[:11]
            item = MD_ORDERED_ITEM.match(raw) if "." in head or ")" in head else None
            if item is not None:  # "1. text", "b) text": a list item labelled as written, as a "* text" is
                raw = raw[item.end():]
            opening = raw.lstrip()[:2]
            bold = opening[:1] in BOLD_OPENERS and is_bold_only(raw)
            text = self.clean(raw)
            if text:
                loc = text_loc(len(self.blocks), line)  # self.at(line), without the call
                if item is None:
                    block = _paragraph(text, loc, bold=bold)
                else:
                    block = text_block("list-item", text, loc, item.group("label"))
                    block.bold = bold
                self.blocks.append(block)
                label = bold_label(raw) if opening in BOLD_MARKERS and not bold else None
                if label is not None and text.startswith(lead := self.clean(label)):
                    self.blocks[-1].bold_lead = len(lead)
            return
        text = raw.strip()
        if text.startswith(BOOKMARK_OPEN):
            text = BOOKMARK.sub("", text)
        # The text is stripped: its first character is the one spaced_bullet tests, without the call.
        m = spaced_bullet(text) if text[:1] in SPACED_BULLET_LEADS else None
        if m is None:
            self.blocks.append(text_block("paragraph", text, text_loc(len(self.blocks), line)))
            return
        rest = text[m.end():]
        if rest.startswith(BOOKMARK_OPEN):
            rest = BOOKMARK.sub("", rest)
        # The item's text is the rest (_paragraph's, read from the match already made: the bullet
        # and its white space end where they did, a bookmark taken out leaving no white space).
        self.blocks.append(text_block("list-item", rest.strip(), text_loc(len(self.blocks), line), m.group(1)))

    def table(self, i: int) -> int | None:
        """The table at line i, added, and the line after it; None when there is none."""
        if self.lines[i].startswith("\t") and not self.markdown:
            found = tsv_table(self.lines, i, len(self.blocks), self.clean) if self.lines[i].count("\t") > 1 else None
            block, end = found or tab_led_table(self.lines, i, len(self.blocks), self.clean)
            self.add(block)
            return end
        lines, index, clean = self.lines, len(self.blocks), self.clean
        line, lead = lines[i], self.leads[i]
        after = self.leads[i + 1] if i + 1 < len(lines) else ""
        # The readers in turn, each tried only where its own first test may pass (by the line's
        # lead, the next line's, its tabs), a test written out here rather than made in a call.
        found = grid_table(lines, i, index, clean) if lead == "+" else None
        if found is None and (lead == "-" or after == "-"):
            found = self.dash_table(lines, i, index, clean)
        if found is None and "\t" in line and (line[0] != "\t" or line.count("\t") > 1):
            found = tsv_table(lines, i, index, clean)
        if found is None and lead == "|" and self.markdown:
            found = pipe_table(lines, i, index, clean)
        if found is None:
            return None
        self.blocks.append(found[0])
        return found[1]

    def empty_first_cell(self, i: int) -> bool:
        """Whether blank-looking line i is a lone tab opening a tab-led table with an empty cell
        (the corner of a table whose first column holds row labels): a tab, the next line opens a
        cell too, and the row under the header (its cells up to the next blank line) is as wide
        as the header with the corner, or one merged cell (a group row); a stray tab before a
        table would make the header one cell wider than its rows. Plain text only: in Markdown a
        tab opens code."""
        lines = self.lines
        if self.markdown or lines[i][:1] != "\t" or i + 1 >= len(lines) or lines[i + 1][:1] != "\t":
            return False
        header, j = self._cells_to_blank(i)
        row, _ = self._cells_to_blank(j + 1)
        return row in (0, 1, header)

    def _cells_to_blank(self, i: int) -> tuple[int, int]:
        """How many cell lines (opening with a tab) run from line i to the next line that is blank
        (no tab either), and where that line is."""
        count = 0
        while i < len(self.lines) and (self.lines[i][:1] == "\t" or self.lines[i].strip()):
            count += self.lines[i][:1] == "\t"
            i += 1
        return count, i

    def footnote(self, i: int) -> bool:
        line = self.lines[i].strip()
        if not line.startswith("["):
            return False
        m = MD_FOOTNOTE.match(line) if self.markdown else None
        plain = m is None
        if plain:
            m = PLAIN_FOOTNOTE.match(line)
        if not m or not self.in_notes(i, m.group(1), plain):
            return False
        text, _ = self.gather(i)
        if plain:
            body = self.clean(text[m.start(2):])
            self.plain_notes.add(m.group(1))
            if self.blocks and self.blocks[-1].type == "paragraph" and NOTE_SEPARATOR.match(self.blocks[-1].text):
                self.blocks.pop()  # the line Word draws above its notes: no text of the document
        else:
            again = MD_FOOTNOTE.match(text)
            assert again is not None, "the gathered text opens with line i, which matched"
            body = self.clean(again.group(2))
        self.footnotes.append(Block("footnote", body, loc=Loc(line=i + 1, footnote=m.group(1)), label=m.group(1)))
        return True

    def in_notes(self, i: int, label: str, plain: bool) -> bool:
        """A note definition: Markdown's `[^n]:` anywhere; plain `[n] text` (pandoc's plain,
        CommonMark and strict Markdown writers) only after the body, when `[n]` is cited earlier
        (those writers put notes at the end) or the notes follow a separator line of underscores."""
        if not plain:
            return True
        if self.notes is None:
            self.notes = _PlainNotes(self.lines)
        if not self.notes.only_notes_after(i):
            return False
        before = self.notes.text_before(i)
        return NOTE_SEPARATOR.match(before) is not None or self.notes.first_line_with(f"[{label}]") < i

    def atx_heading(self, line: str, number: int) -> bool:
        """A `#` heading (or a numbered list item holding one), as a heading block."""
        if "#" not in line:
            return False
        m = MD_HEADING.match(line)
        label = ""
        if m:
            hashes, raw = m.group(1), m.group(2) or ""
        else:
            m = MD_LIST_HEADING.match(line)
            if not m:
                return False
            label, hashes, raw = m.group(1) + " ", m.group(2), m.group(3) or ""
        raw = _atx_title(raw)
        if "{" in raw:
            raw = HEADING_ATTRIBUTES.sub("", raw)
        text = self.clean(raw)
        if text:
            self.add(Block("heading", label + text, loc=self.at(number), outline_level=len(hashes) - 1,
                           bold=is_bold_only(raw)))
        return True

    def run(self) -> None:
        lines, leads = self.lines, self.leads
        i = 0
        while i < len(lines):
            lead = leads[i]
            if not lead and (lines[i][:1] != "\t" or not self.empty_first_cell(i)):
                i += 1
                continue
            line = lines[i].rstrip()
            after = leads[i + 1] if i + 1 < len(lines) else ""
            # Whether the next line may underline this one (setext_at) or be a dashed table's rule
            # under it: it opens with "=" or "-" and holds a run of three (a list item "- …" under
            # a list item does not), told by a substring test before any call.
            ruled = after in UNDERLINES and UNDERLINE_RUNS[after] in lines[i + 1]
            if ruled and self.setext_at(i + 1) and not LIST_ITEM.match(line) and "\t" not in line:
                level = 0 if lines[i + 1].strip().startswith("=") else 1
                raw = HEADING_ATTRIBUTES.sub("", line) if self.markdown and "{" in line else line
                self.add(Block("heading", self.clean(raw), loc=self.at(i + 1), outline_level=level,
                               bold=self.markdown and is_bold_only(raw)))
                i += 2
                continue
            # A table reader is tried only where one may find a table (`lines[i]`: `line` has lost
            # a tab at its end).
            end = self.table(i) if may_open_table(lines[i], lead, lines[i + 1] if after else "", after,
                                                  self.markdown) else None
            if end is None and lead == "<" and self.markdown:
                end = self.html_block(i)
            if end is not None:
                i = end
                continue
            if self.markdown and lead in RULE_LEADS and RULE_LINE.match(line):
                i += 1
                continue
            if self.markdown and "#" in line and self.atx_heading(line, i + 1):  # a heading holds "#"
                i += 1
                continue
            if lead == "[" and self.footnote(i):
                i = self.gather(i)[1]
                continue
            if not after and (block := self.lone_line(i, lead)) is not None:
                self.blocks.append(block)
                i += 1
                continue
            text, end = self.gather(i)
            self.paragraph(text, i + 1)
            i = end


def _pua_bullets(lines: list[str], leads: list[str]) -> tuple[list[str], list[str]]:
    """Lines with a leading private-use bullet (PUA_LEAD) given the glyph it stands for, and their
    line_leads (`leads`: those of `lines`). Only a line whose lead is a private-use character is
    handed to the regex, and when no lead is one (nearly every text) the lines are kept as they
    are, told by one set test over the leads."""
    if PUA_LEADS.isdisjoint(leads):
        return lines, leads

    def glyph(m: re.Match[str]) -> str:
        return m.group(1) + pua_bullet(ord(m.group(2)) - 0xF000)

    lines = [PUA_LEAD.sub(glyph, line) if lead in PUA_LEADS else line for line, lead in zip(lines, leads)]
    return lines, line_leads(lines)


def _indent(line: str) -> int:
    """How far a line is indented, a tab to the next stop of four columns (as CommonMark reads it)."""
    lead = line[:len(line) - len(line.lstrip())]
    return len(lead.expandtabs(4))


def _underline(line: str) -> bool:
    """A setext underline (`===` or `---`); the first character is tested before the regex."""
    return line.lstrip(" ")[:1] in ("=", "-") and bool(SETEXT.match(line))


def _atx_title(rest: str) -> str:
    """A `#` heading's title from the rest of its line (MD_HEADING's last group): trailing white
    space dropped, then a closing run of hashes with the white space before it, as CommonMark
    reads `## Title ##` (hashes not after white space are part of the title)."""
    title = rest.rstrip()
    bare = title.rstrip("#")
    return bare.rstrip() if bare != title and bare[-1:].isspace() else title


def _paragraph(text: str, loc: Loc, bold: bool = False) -> Block:
    """A paragraph, or a list item when `text` opens with a bullet; bold when `bold` is true."""
    m = SPACED_BULLET.match(text) if text.lstrip()[:1] in SPACED_BULLET_LEADS else None  # spaced_bullet, without the call
    block = text_block("list-item", text[m.end():].strip(), loc, m.group(1)) if m else text_block("paragraph", text.strip(), loc)
    if bold:
        block.bold = True
    return block


def extract_text(data: bytes, source: Source) -> RawDocument:
    """The extractor for .txt, .md and .html renderings (see extract.Extractor); Markdown is sniffed
    by content. Decoding repairs are added to the Source's warnings."""
    path = Path(source.path)
    text, notes = decode_text(path, data)
    text = plain_hyphens(text)
    source = replace(source, warnings=notes)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        from .html import read_html  # lxml.html, only for HTML input

        blocks, footnotes = read_html(path, text)
        return RawDocument(source=source, blocks=blocks, footnotes=footnotes)
    written = text_lines(text)
    cells = text.count("\t") + text.count("|")  # each may part two table cells, a cell costing as a line does
    if len(written) + cells > (allowed := current().text_lines):
        what = f"{len(written):,} lines" + (f" and {cells:,} tabs or pipes that may part table cells" if cells else "")
        raise LimitError(str(path), over("text_lines", f"the text has {what}", allowed))
    lines, leads = _pua_bullets(written, line_leads(written))
    markdown = suffix in (".md", ".markdown") or looks_like_markdown(text, written)
    if markdown and ">" in leads:
        lines, leads = _unquoted(lines, leads)
    wrapped = not markdown and is_wrapped(lines, leads)
    blank = leads.count("")
    dense = wrapped and blank < DENSE_BLANKS * (len(lines) - blank)
    reader = _Reader(lines, markdown, wrapped, width=wrap_width(lines) if wrapped else 0, dense=dense, leads=leads)
    reader.run()
    if reader.plain_notes:
        _drop_note_marks(reader.blocks, reader.plain_notes)
    blocks = reader.blocks if markdown else numbered_items(reader.blocks)  # Markdown reads its own ("1. text")
    return RawDocument(source=source, blocks=blocks, footnotes=reader.footnotes)


def _unquoted(lines: list[str], leads: list[str]) -> tuple[list[str], list[str]]:
    """Markdown lines with their block-quote marks taken off (`> `, nested `> > `): a quote's
    content is read as the lines around it are (pandoc quotes an indented Word paragraph), and a
    line of a bare ">" is the blank line between its paragraphs."""
    out = [QUOTE_MARKS.sub("", line) if lead == ">" else line for line, lead in zip(lines, leads)]
    return out, line_leads(out)


def _drop_note_marks(blocks: list[Block], labels: set[str]) -> None:
    """Take the marks of the `[n] text` notes read (`labels`) out of the text: "[1]" glued to the
    word before it, as pandoc's plain and CommonMark writers cite a note. The .docx reader leaves
    Word's reference marks out, and so does the Markdown `[^1]`; a "[1]" after a space, or of no
    note read, stays."""
    def drop(m: re.Match[str]) -> str:
        return "" if m.group(1) in labels else m.group(0)

    for block in blocks:
        if "[" in block.text:
            block.text = NOTE_MARK.sub(drop, block.text)
        for row in block.rows or ():
            for cell in row:
                if "[" in cell.text:
                    cell.text = NOTE_MARK.sub(drop, cell.text)
                    cell.paragraphs = [NOTE_MARK.sub(drop, p) for p in cell.paragraphs]
