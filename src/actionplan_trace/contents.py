"""Contents lists typed without a contents style or leaders: "Output 2.1 – Products … 5".

A contents entry opens no section (the section it names comes later) and its page number cites
nothing. A paragraph in a contents style, or with a dot leader or a tab before its page number,
says so itself (`text_patterns.page_reference`). One with only a space before the number is told
by its company: a run of such lines whose page numbers do not decrease and whose titles open, in
the same order, paragraphs that come after the run. Without that company a line such as
"Study Group 2" or "Number of experts trained 12" is text like any other.
"""

from __future__ import annotations

import bisect
from operator import itemgetter
from typing import Iterable, Sequence

from .model import Block, Cell
from .text_patterns import bullet_label, has_dot_leader, numbered, page_reference

ROMAN_PAGE = frozenset("ivxlc")
"""The letters of a lower-case Roman page number (front matter: "Foreword iii")."""
MAX_ENTRY_WORDS = 40
PREFIX = 24
"""A contents title this long or longer may be the opening of its heading (a long title is often
cut short in the contents); a shorter one must be the heading's whole text."""
DASHES = "–—‐‑‒−"
TITLE_ENDS = ")”\"'’"
"""Besides a letter or a number after a word, what a contents title ends with: a heading ends in
a word, a bracket or its own number, where a line of figures ("Associate 13 17 18") or a wrapped
list ("…targets 8.1, 8.2), 9") does not."""
KEYED_CHARS = 600
"""How much of a paragraph is keyed for the lookup: far more than any contents title."""


def _ends_as_page(text: str) -> bool:
    """Whether `text` (not empty) ends with a character a page number ends with: a digit, or a
    letter of a lower-case Roman numeral. Most texts end otherwise, with an ASCII character told
    by one look-up (_NOT_PAGE_END)."""
    last = text[-1]
    return last not in _NOT_PAGE_END and (last in ROMAN_PAGE or last.isdigit())


_NOT_PAGE_END = frozenset(chr(n) for n in range(128)).difference("0123456789", ROMAN_PAGE)
"""The ASCII characters a page number does not end with."""


def page_start(text: str) -> int | None:
    """Where the page number of a leaderless contents entry starts in `text` (stripped), None when
    the text does not end in one: a number of at most four digits, or a lower-case Roman numeral,
    after white space and at least one word."""
    if not text or "\n" in text or not _ends_as_page(text):
        return None
    cut = max(text.rfind(" "), text.rfind("\t"), text.rfind("\u00a0"))
    if cut <= 0:
        return None
    page = text[cut + 1:]
    if not (page.isascii() and (page.isdigit() and len(page) <= 4 or len(page) <= 7 and set(page) <= ROMAN_PAGE)):
        return None
    return cut + 1 if text[:cut].strip() else None


def contents_rows(rows: Sequence[Sequence[Cell]]) -> dict[int, tuple[str, int]]:
    """The rows of a table laid out as a contents list (a title and its page a row, as a report's
    contents typed in a table, or a PDF's read as one), by index: each as its entry, its cells'
    texts joined ("3.1.1 Goal 1 - Growth ..... 36"), and where the entry's leader starts in it.
    Those rows that read as a dot-leader entry, when at least two do; none for another table."""
    found: dict[int, tuple[str, int]] = {}
    for r, row in enumerate(rows):
        if not any(has_dot_leader(cell.text) for cell in row):  # most rows have none: told before their cells are joined
            continue
        texts = [text for cell in row if (text := cell.text.strip())]
        if len(texts) < 2:
            continue
        entry = " ".join(texts)
        if (at := page_reference(entry)) is not None and entry[:at].strip(" .…·"):
            found[r] = (entry, at)
    return found if len(found) >= 2 else {}


def _key(text: str) -> str:
    """A title as the contents and the heading both write it: case, white space and dashes aside."""
    key = " ".join(text.split()).casefold()
    if not key.isascii():
        for dash in DASHES:
            key = key.replace(dash, "-")
    return key


def names_heading(block: Block, heading_keys: list[str]) -> bool:
    """Whether the contents entry `block` names a heading keyed in `heading_keys` (made by the
    function of that name), whole or, for a long title, by its opening; an entry whose title
    cannot be told is taken to name one."""
    entry = _entry(block)
    if entry is None:
        return True
    title = entry[0]
    at = bisect.bisect_left(heading_keys, title)  # the key equal to the title, or the first opening with it
    return at < len(heading_keys) and (heading_keys[at] == title or len(title) >= PREFIX
                                       and heading_keys[at].startswith(title))


def heading_keys(headings: Iterable[str]) -> list[str]:
    """The keys `names_heading` looks an entry's title up in: each heading as written, keyed as a
    contents title is, sorted."""
    return sorted({_key(text) for text in headings if text})


def _entry(block: Block) -> tuple[str, int | None] | None:
    """The title and page (None for a Roman page) of a block that may be a contents entry."""
    if block.type not in ("paragraph", "heading", "list-item") or block.rows is not None:
        return None
    text = block.text.rstrip()
    if not text or not _ends_as_page(text):
        return None
    if block.type == "list-item" and bullet_label(block.label):
        return None
    text = text.lstrip()
    at = page_reference(text)
    if at is None:
        at = page_start(text)
    if at is None:
        return None
    title = text[:at].rstrip(" \t.…·")
    words = title.split()
    if not words or len(words) > MAX_ENTRY_WORDS or not _title_end(words):
        return None
    title = numbered(block.label, title) or title
    page = text[at:].strip(" \t.…·")
    return _key(title), int(page) if page.isdigit() else None


def _title_end(words: list[str]) -> bool:
    """Whether a contents title may end with these words: in a letter or a bracket, or in a number
    after a word ("Output 1.1", "Annex 2"); not in figures after figures or in a comma."""
    last = words[-1]
    if last[-1].isalpha() or last[-1] in TITLE_ENDS:
        return True
    return last[-1].isdigit() and len(words) > 1 and any(c.isalpha() for c in words[-2])


def _copy(key: str, title: str) -> bool:
    """Whether a paragraph keyed `key` is the entry titled `title` again, page number and all (a
    document that repeats its contents), which names no heading."""
    rest = key[len(title):].strip(" .…·")
    return bool(rest) and (rest.isdigit() or set(rest) <= ROMAN_PAGE)


def contents_entries(blocks: Sequence[Block]) -> frozenset[int]:
    """The indexes in `blocks` of contents entries without a contents style (see the module)."""
    return _named_entries(blocks, *_entry_runs(blocks, _found_entries(blocks)))


_Found = dict[int, tuple[str, int | None]]  # a block's index -> its `_entry`, for the blocks that have one
_Runs = tuple[list[list[tuple[int, str]]], dict[int, int]]  # _entry_runs'


def _found_entries(blocks: Sequence[Block]) -> _Found:
    """Each block's `_entry`, by index, for the blocks that have one: read once (a wrapped entry's
    second line is looked at twice, and `with_tabbed_contents` reads the blocks two ways). A
    block whose text does not end as a page number does (most) is turned down without the call."""
    return {i: found for i, block in enumerate(blocks)
            if (text := block.text.rstrip()) and _ends_as_page(text) and (found := _entry(block)) is not None}


def _entry_runs(blocks: Sequence[Block], found_at: _Found) -> _Runs:
    """The runs of at least two entries (`found_at`, _found_entries') whose pages do not decrease,
    each entry's index and title, and the entries wrapped over two lines (the first line's index
    -> the second's)."""
    runs: list[list[tuple[int, str]]] = []
    run: list[tuple[int, str]] = []
    last_page = 0
    wrapped: dict[int, int] = {}  # the first line of an entry wrapped over two -> its second
    titles: set[str] = set()  # the titles of the entries found so far
    # A block that is no entry and not the line before one (the first line of an entry wrapped
    # over two) ends the run, as the block before it did if that was no entry either: only the
    # others are read, and a gap between two of them ends the run.
    previous = -1
    for i in sorted({k for j in found_at for k in (j - 1, j) if k >= 0}):
        if i > previous + 1:
            if len(run) >= 2:
                runs.append(run)
            run, last_page = [], 0
        previous = i
        if i - 1 in wrapped:  # the second line of an entry read with the line before
            continue
        block = blocks[i]
        found = found_at.get(i)
        if (found is None and (after := found_at.get(i + 1)) is not None
                and (second := _wrapped_entry(block, blocks[i + 1], after)) is not None):
            found = second
            wrapped[i] = i + 1
        if found is not None and titles and _whole_key(block) in titles:
            found = None  # the heading an entry names has begun ("Operational Plan 2021")
        if found is not None:
            titles.add(found[0])
        if found is not None and (found[1] is None or found[1] >= last_page or not run):
            run.append((i, found[0]))
            last_page = found[1] if found[1] is not None else last_page
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [(i, found[0])] if found is not None else []
        last_page = found[1] or 0 if found is not None else 0  # a Roman page sets no floor
    if len(run) >= 2:
        runs.append(run)
    return runs, wrapped


def _in_runs(runs: list[list[tuple[int, str]]], wrapped: dict[int, int]) -> set[int]:
    """The indexes of the blocks in `runs` (with the second lines of the wrapped entries): the
    most `_named_entries` finds entries."""
    out = {i for entries in runs for i, _ in entries}
    out.update(wrapped[i] for i in out.intersection(wrapped))
    return out


def _named_entries(blocks: Sequence[Block], runs: list[list[tuple[int, str]]], wrapped: dict[int, int]) -> frozenset[int]:
    """The indexes of the entries of the `runs` (_entry_runs') that name headings after them, with
    the second lines of those wrapped over two."""
    if not runs:
        return frozenset()
    firsts = {title.split(" ", 1)[0] for entries in runs for _, title in entries}
    places = _later_places(blocks, runs[0][-1][0] + 1, firsts)
    out: set[int] = set()
    for entries in runs:
        if _names_later_headings(entries, places):
            out.update(i for i, _ in entries)
            out.update(wrapped[i] for i, _ in entries if i in wrapped)
    return frozenset(out)


def _whole_key(block: Block) -> str:
    """A block's whole text (its number label included) as `_key` writes a contents title: a
    paragraph that is an earlier entry's title is the heading that entry names, whose last word
    only reads as a page ("Operational Plan 2021" after the entry "Operational Plan 2021<TAB>3")."""
    text = block.text.strip()
    return _key(numbered(block.label, text) or text)


def _wrapped_entry(first: Block, second: Block, found: tuple[str, int | None]) -> tuple[str, int | None] | None:
    """An entry wrapped over two lines ("Output 2.1 – … including" / "broadband and broadcasting
    4"): the first line no entry and no sentence, the second an entry (`found`, its `_entry`)
    opening in lower case. Its title is both lines' (keyed), its page the second's."""
    if first.type != "paragraph" or second.type != "paragraph" or not second.text.lstrip()[:1].islower():
        return None
    text = first.text.strip()
    if not text or text.endswith((".", ";", ":")) or len(text.split()) > MAX_ENTRY_WORDS:
        return None
    return f"{_key(text)} {found[0]}", found[1]


def with_tabbed_contents(blocks: Sequence[Block]) -> tuple[Sequence[Block], frozenset[int]]:
    """`blocks` and the indexes of their contents entries (contents_entries), where a two-column
    table whose every row is a title and a page is read as those rows, one paragraph "title<TAB>
    page" each, when they are contents entries by their company: Word's Save-as-text writes a
    contents list as "Title<TAB>page" lines, which the text reader takes for a table (a table with
    a heading row names no page in it). Otherwise, or when some row is no entry, `blocks` as
    they are.

    Each block's `_entry` is read once for both readings (a table read as rows has none), and
    the rows are taken for entries only when each stands in a run of entries: else the later
    paragraphs are not keyed for them (_later_places, a pass over the rest of the document)."""
    found = _found_entries(blocks)
    expanded: list[Block] = []
    at: list[int] = []  # each block's index in `expanded` (a table's: its first row's)
    rows: list[int] = []  # the rows' indexes in `expanded`
    entries: list[tuple[str, int | None]] = []  # the rows' entries
    for block in blocks:
        at.append(len(expanded))
        lines = _tabbed_entries(block) if block.rows else None  # None for a block of no rows: told here
        if lines is None:
            expanded.append(block)
            continue
        rows.extend(range(len(expanded), len(expanded) + len(lines)))
        expanded.extend(line for line, _ in lines)
        entries.extend(entry for _, entry in lines)
    if rows:
        found_expanded = {at[i]: entry for i, entry in found.items()}
        found_expanded.update(zip(rows, entries))
        runs = _entry_runs(expanded, found_expanded)
        if _in_runs(*runs).issuperset(rows) and (named := _named_entries(expanded, *runs)).issuperset(rows):
            return expanded, named
    return blocks, _named_entries(blocks, *_entry_runs(blocks, found))


def _tabbed_entries(block: Block) -> list[tuple[Block, tuple[str, int | None]]] | None:
    """A two-column table's rows as "title<TAB>page" paragraphs, each with its `_entry`, when every
    row may be a contents entry; else None. In a text file (cells read from lines) each is at the
    table's place, where its line stands, as a paragraph is: not at a cell's, which would place it
    as a table row; a Word table keeps its rows' places ("paragraph 3, table row 2"), which tell
    its entries apart."""
    if block.type != "table" or not block.rows or len(block.rows) < 2 or any(len(row) != 2 for row in block.rows):
        return None
    lines = []
    for title, page in block.rows:  # row by row: most two-column tables fail at their first row
        line = Block("paragraph", f"{title.text.strip()}\t{page.text.strip()}",
                     loc=block.loc if title.loc.line is not None else title.loc)
        entry = _entry(line)
        if entry is None:
            return None
        lines.append((line, entry))
    return lines


_Places = tuple[dict[str, list[int]], dict[str, list[tuple[int, str]]]]


def _later_places(blocks: Sequence[Block], start: int, firsts: set[str]) -> _Places:
    """Where each paragraph from `start` on stands by its text (as `_key` writes it): whole, as its
    part before a dash or colon (the contents may give "Output 1.1" for "Output 1.1 – Products …"),
    and by its first PREFIX characters. These are the positions a contents title is looked up in;
    a paragraph whose first word opens no title (`firsts`) is not keyed."""
    whole: dict[str, list[int]] = {}
    opening: dict[str, list[tuple[int, str]]] = {}
    # A word longer than the longest of `firsts` is none of them (keying never shortens a word),
    # so the first word is looked for in the text's head only, unless the head is all space.
    head = max(map(len, firsts), default=0) + 1
    refused = _refused_openings(firsts)
    for i in range(start, len(blocks)):
        block = blocks[i]
        if block.rows is not None:
            continue
        # a block without a number label is keyed by its text alone (numbered gives None)
        if ((not block.label or bullet_label(block.label))
                and (block.text[:1] in refused or not _may_open_title(block.text, head, firsts))):
            continue
        texts = [block.text[:KEYED_CHARS].split("\n", 1)[0]]
        if block.label and (labelled := numbered(block.label, texts[0])) is not None:
            texts.append(labelled)
        for text in texts:
            first = text[:head].split(None, 1) or text.split(None, 1)
            if not first or (word := first[0].casefold()) not in firsts and (word.isascii() or _key(word) not in firsts):
                continue
            key = _key(text)
            for label in {key, key.partition(" - ")[0], key.partition(": ")[0]}:
                whole.setdefault(label, []).append(i)
            if len(key) >= PREFIX:
                opening.setdefault(key[:PREFIX], []).append((i, key))
    return whole, opening


def _refused_openings(firsts: set[str]) -> frozenset[str]:
    """The characters a paragraph without a number label may not open with for _later_places to
    key it: the ASCII ones other than white space that, lower-cased, open none of `firsts`. Such a
    character opens the paragraph's first word, and keying writes an ASCII character as its lower
    case (casefold) and leaves it first (dashes made "-" are not ASCII), so the word is none of
    `firsts`, as is its key; a number label put in front (numbered) is looked at by the caller."""
    starts = {word[:1] for word in firsts}
    return frozenset(c for c in ASCII_PRINTABLE if c.lower() not in starts)


ASCII_PRINTABLE = frozenset(chr(n) for n in range(33, 127))
"""The ASCII characters other than white space and controls (_refused_openings)."""


def _may_open_title(text: str, head: int, firsts: set[str]) -> bool:
    """False when `text`'s first line opens with a word that opens no title (`firsts`), as
    _later_places reads it: told from the text's head, without cutting out its first line, where
    the head's first word stands before any line break (else True: _later_places reads it)."""
    opening = text[:head]
    words = opening.split(None, 1)
    if not words:
        return True
    word = words[0].casefold()
    if word in firsts or head > KEYED_CHARS:
        return True
    # a line break in the white space before the first word (none when the head opens with it)
    if opening[0].isspace() and "\n" in opening[:len(opening) - len(opening.lstrip())]:
        return True
    return not word.isascii() and _key(word) in firsts


_PARAGRAPH = itemgetter(0)  # the paragraph index of an `opening` pair
SCAN_MOST = 1000
"""How many later paragraphs opening as a title does are read for it, at most: past them a
contents title is taken not to name a heading (many titles opening alike each read them all)."""


def _names_later_headings(entries: list[tuple[int, str]], places: _Places) -> bool:
    """Whether at least half of a run's titles (and two) open paragraphs after the run, in order."""
    whole, opening = places
    at = entries[-1][0]
    named = 0
    # Per title, the place in its `sharing` list before which no paragraph names it: a run of one
    # title again and again ("Strengthening … capacity 1", "… 2": the numbers read as pages) read
    # the same paragraphs for each entry (quadratic: 20,000 entries timed out).
    scanned: dict[str, int] = {}
    for _, title in entries:
        candidates = whole.get(title, [])
        found = candidates[bisect.bisect_right(candidates, at)] if candidates and candidates[-1] > at else None
        if len(title) >= PREFIX:
            sharing = opening.get(title[:PREFIX], [])  # in paragraph order: those after `at` looked at only
            start = max(bisect.bisect_right(sharing, at, key=_PARAGRAPH), scanned.get(title, 0))
            stop = min(len(sharing), start + SCAN_MOST)
            scanned[title] = stop
            for n in range(start, stop):
                i, key = sharing[n]
                if key.startswith(title) and not _copy(key, title):
                    found = i if found is None else min(found, i)
                    scanned[title] = n
                    break
        if found is not None:
            named += 1
            at = found
    return named >= 2 and 2 * named >= len(entries)
