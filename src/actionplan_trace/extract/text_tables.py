"""Tables in text renderings, one reader per way writers lay them out.

- tab-led (Word "save as plain text"): a cell starts at a line beginning with a tab (a lone tab is
  an empty cell), a blank line ends the header row;
- tab-separated rows (many exports, the seeds): one row per line, cells split at tabs;
- grid tables (pandoc plain and Markdown): `+----+----+` rules, `|` between cells;
- dashed tables (pandoc simple and multiline tables): columns under runs of dashes;
- pipe tables (Markdown): `| a | b |` with a `|---|---|` rule.

Each reader takes the lines and a start index and returns the table block and the index after
it (or None when the lines there are not its kind of table). `clean` turns one cell line into
its text (Markdown strips inline marks; plain text keeps it literally); a cell that is a whole
HTML fragment (`<p>…</p> <ul>…</ul>`) is split into its paragraphs.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from operator import itemgetter
from typing import Callable

from ..model import Block, BlockType, Cell, Loc, table_text
from ..record import record
from ..regexcache import regex
from ..text_patterns import CELL_ITEM, LABEL_ONLY, SUPERSCRIPTS, may_open_item
from .inline import html_paragraphs

Clean = Callable[[str], str]
GRID_RULE = regex(r"^\s*\+(?:[-=:]+\+)+\s*$")
DASH_RULE = regex(r"^\s*-{3,}(?:\s+-{3,})*\s*$")
PIPE_RULE = regex(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
PLUS = regex(r"\+")
DASHES = regex(r"-+")
PIPE = regex(r"(?<!\\)\|")  # a cell separator: a "|" not escaped
BREAK = regex(r"<br\s*/?>", re.IGNORECASE)
# What a line opens with (after its indentation) where a reader here may find a table there
# whatever else it holds: `+` (grid) or `|` (pipe). Any other line needs a tab or a dashed rule
# (may_open_table).
TABLE_OPENERS = ("+", "|")
DASH_RUN = "---"  # what every dashed rule holds (_is_dash_rule)


def may_open_table(line: str, lead: str, nxt: str, after: str, markdown: bool) -> bool:
    """Whether a reader here may find a table at `line` (`lead`: its first character after its
    indentation; `nxt`, `after`: the next line and its lead), as the text reader tries them
    (_Reader.table): a grid or pipe table's lead (TABLE_OPENERS), a tab it hands to a reader (in
    Markdown a lone tab opening the line opens none), or a dashed rule (DASH_RUN in a line
    opening with "-") on the line (a multiline table's, above its rows) or the next (a simple
    table's, under its header). Elsewhere every reader says no: the text reader asks this of
    every line with text, a quick no for the body lines of a document and for list items "- …"."""
    if lead in TABLE_OPENERS:
        return True
    if "\t" in line and (not markdown or line[0] != "\t" or line.count("\t") > 1):
        return True
    return (lead == "-" and DASH_RUN in line) or (after == "-" and DASH_RUN in nxt)


def _is_dash_rule(line: str) -> bool:
    """Whether `line` is a dashed rule (DASH_RULE): a line without "---" is not handed to the regex
    (a list item "- …" is tried as a dashed table's rule, and so is the line above it)."""
    return DASH_RUN in line and DASH_RULE.match(line) is not None


def _cell(parts: list[str], clean: Clean, loc: Loc) -> Cell:
    """A cell from its paragraph texts; an HTML-fragment paragraph is split into its own."""
    if not parts:
        return text_cell("", loc, [])
    if len(parts) == 1 and "<" not in parts[0]:  # most cells: one paragraph, no fragment
        text = clean(parts[0])
        return text_cell(text, loc, [text] if text else [])
    paragraphs: list[str] = []
    bold = bool(parts)
    for part in parts:
        fragment = html_paragraphs(part) if "<" in part else None
        if fragment is not None:
            paragraphs.extend(t for t, _ in fragment)
            bold = bold and all(b for _, b in fragment)
            continue
        text = clean(part)
        if text:
            paragraphs.append(text)
            bold = False
    cell = text_cell("\n".join(paragraphs), loc, paragraphs)
    if bold and paragraphs:
        cell.bold = True
    return cell


def text_loc(paragraph: int, line: int, row: int | None = None, col: int | None = None) -> Loc:
    """`Loc(paragraph, None, line, None, row, col)` for a block or cell read from a line: a new
    instance given its fields as Loc.__init__ stores them (those not None), without the class
    call running it, for half the cost of a Loc, for every paragraph and cell read. Elsewhere
    Loc's fields are passed by position: each keyword argument costs a class call some 500
    instructions more (the keywords go through a dict)."""
    loc = _NEW(Loc)
    fields = loc.__dict__
    fields["paragraph"] = paragraph
    fields["line"] = line
    if row is not None:
        fields["row"] = row
    if col is not None:
        fields["col"] = col
    return loc


def text_cell(text: str, loc: Loc, paragraphs: list[str]) -> Cell:
    """`Cell(text, loc, paragraphs)` for a cell read from lines: a new instance given the three
    fields a text rendering sets, the others (bold, span, continued, links, blanks) read from the
    class's defaults, as text_loc makes a Loc: without the class call, which runs the record's
    __init__ through the type's slots, for some 900 instructions less a cell
    (tests/test_text_fastpaths.py holds it to the class call)."""
    cell = _NEW(Cell)
    cell.text = text
    cell.loc = loc
    cell.paragraphs = paragraphs
    return cell


def text_block(type: BlockType, text: str, loc: Loc, label: str | None = None) -> Block:
    """`Block(type, text, loc, label=label)` for a paragraph or list item read from lines, made as
    text_cell makes a cell: a new instance given its type, text, loc and label and the hints the
    structurer and the reference finder read of every block (rows, field, style, outline_level,
    bold, contents), each stored as the class call stores it (one read from the class's default
    costs every later read some 200 instructions); the others, which only the .docx and PDF
    readers set, are read from the class's defaults. Some 1,700 instructions less a block than
    the class call (tests/test_text_fastpaths.py holds it to the class call)."""
    block = _NEW(Block)
    block.type = type
    block.text = text
    block.loc = loc
    block.rows = None
    block.label = label
    block.field = None
    block.style = None
    block.outline_level = None
    block.bold = False
    block.contents = False
    return block


_NEW = object.__new__


def _table(rows_parts: list[list[list[str]]], clean: Clean, index: int, line: int, header: int = 0,
           row_lines: Sequence[int] | None = None) -> Block:
    """A table block; its first `header` rows are the header its syntax sets apart (a rule under it),
    whose cells are bold as a Markdown viewer sets them. Its cells are placed at the table's first
    line, or at their row's own line where each row is one (`row_lines`, a tab-separated table):
    a reference in a cell then says the line it is on."""
    rows: list[list[Cell]] = []
    for r, row in enumerate(rows_parts):
        at = row_lines[r] if row_lines is not None else line
        cells = []
        for c, parts in enumerate(row):
            loc = text_loc(index, at, r, c)
            # Most cells, made here as _cell makes them: one paragraph that is no fragment, or none.
            if len(parts) == 1 and "<" not in (part := parts[0]):
                text = clean(part)
                cells.append(text_cell(text, loc, [text] if text else []))
            else:
                cells.append(_cell(parts, clean, loc) if parts else text_cell("", loc, []))
        if r < header:
            for cell in cells:  # each cell is new, made just now: set in place, not copied (record.replace)
                if cell.text:
                    cell.bold = True
        rows.append(cells)
    return Block("table", table_text(rows), loc=Loc(paragraph=index, line=line), rows=rows)


def _paragraphs(lines: Iterable[str], width: int = 0) -> list[str]:
    """Lines of one cell grouped into paragraphs at blank lines (wrapped lines joined).

    A word longer than the column (`width`) is broken by pandoc with no hyphen: the word starts a
    line of its own, its head alone ("rad"), then its tail fills the whole column, or the next
    ones ("iocommunication"). A line filling the column with one word is glued without a space
    to a one-word line above it, and to the chunk of a broken word before it. A word that only
    just fits the column is a word of its own after a line of several words ("promoting the use
    of" / "telecommunication/ICTs") or after a word it cannot continue ("produce" /
    "Recommendations"). After a one-word line it continues, it cannot be told from a tail ("in" /
    "decision-making" is read "indecision-making"): a broken word is the likelier of the two.
    """
    out: list[str] = []
    current: list[str] = []
    previous = ""  # the last line of the paragraph read so far
    chunk = False  # whether that line was glued, a chunk of a broken word
    for line in lines:
        text = line.strip()
        if not text:
            if current:
                out.append(" ".join(current))
                current, chunk = [], False
            continue
        if current and may_open_item(text, text[0]) and CELL_ITEM.match(text):
            out.append(" ".join(current))
            current, chunk = [], False
        chunk = bool(current) and width > 0 and _tail_of_broken_word(text, previous, width, chunk)
        previous = text
        if chunk:
            current[-1] += text
            continue
        current.append(text)
    if current:
        out.append(" ".join(current))
    return out


def _tail_of_broken_word(text: str, above: str, width: int, chunk: bool) -> bool:
    """Whether `text` (stripped) goes on a word broken at the column's edge: it fills the column
    with one word, and the line `above` it is a chunk of the word already (`chunk`), or one word
    it can continue."""
    if len(text) < width or " " in text:
        return False
    if chunk:
        return True
    return " " not in above and not _word_boundary(above[-1], text[0])


def _word_boundary(last: str, first: str) -> bool:
    """Whether a line ending with `last` and the next starting with `first` are two words, not one
    word broken in two: a capital after a small letter, or anything after closing punctuation."""
    return (last.islower() and first.isupper()) or last in ",;:.!?)"


def tab_led_table(lines: list[str], start: int, index: int, clean: Clean) -> tuple[Block, int]:
    """Word's plain-text tables: every cell starts with a tab, a line without one goes on with
    the cell above; a blank line ends the header row, and the table unless the next line with
    content opens a cell. Each line is stripped once. The cells are cut into rows by tab_led_rows."""
    cells: list[list[str]] = []
    ends: list[int] = []  # the number of cells read at each blank line inside the table
    i = start
    while i < len(lines):
        line = lines[i]
        text = line.strip()
        if line.startswith("\t"):
            cells.append([text] if text else [])
        elif text:
            if cells:
                cells[-1].append(text)
        else:
            # The blank lines up to the next line with content all have that line's answer.
            k = i + 1
            while k < len(lines) and not (lines[k].startswith("\t") or lines[k].strip()):
                k += 1
            if k == len(lines) or not lines[k].startswith("\t"):
                break
            if cells:
                ends.append(len(cells))
            i = k
            continue
        i += 1
    return _table(tab_led_rows(cells, ends), clean, index, start + 1), i


def tab_led_rows(cells: list[list[str]], ends: list[int]) -> list[list[list[str]]]:
    """The rows of a tab-led table from its cells and the blank lines among them (`ends`: how many
    cells come before each): the cells before the first blank line are the header row, and its
    width cuts the others into rows. Where a blank line follows every row and some rows are one
    cell (a merged row: a group row labelling the rows under it, as Word writes one cell spanning
    the table), the blank lines cut the rows, a lone cell padded with empty ones; elsewhere (a
    blank line inside a row, rows without one) the header's width alone."""
    width = ends[0] if ends and ends[0] else len(cells) or 1
    bounds = [0, *ends, len(cells)]
    spans = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
    sizes = [b - a for a, b in spans[1:]]
    if width > 2 and _group_rows_between(sizes, width):
        return [cells[a:b] + [[] for _ in range(width - (b - a))] for a, b in spans]
    return [cells[s:s + width] for s in range(0, len(cells), width)]


def _group_rows_between(sizes: list[int], width: int) -> bool:
    """Whether the cell counts between a tab-led table's blank lines (after its header) are rows
    with group rows among them: each a full row or one cell, some one cell, and each one-cell row
    followed by a full row (a group row labels the rows under it). An empty paragraph ending a
    cell writes a blank line too, inside a row; then one-cell runs follow one another or end the
    table, and the header's width cuts the rows instead."""
    if not sizes or 1 not in sizes or any(size not in (1, width) for size in sizes):
        return False
    return all(after == width for size, after in zip(sizes, [*sizes[1:], 0]) if size == 1)


# A row of a tab-separated table may open with empty cells (a tab first) in a table this wide or
# wider: a line with one leading tab and no other is a cell of Word's tab-led tables (tab_led_table).
MIN_TAB_LED_ROW = 3


def _tsv_fields(line: str, width: int = 0) -> list[str] | None:
    """The cells of a tab-separated row, None when `line` is not one. A line opening with a tab is
    a row of a table `width` cells wide (MIN_TAB_LED_ROW or more) when it has as many: a page laid
    out in columns (pdftotext -layout, a PDF table copied as text) starts each later line of a
    row whose first cells are empty with tabs ("<tab><tab>Regional Initiatives<tab>17.8<tab>…"),
    unless its first text is a list label alone (_list_item)."""
    if "\t" not in line:
        return None
    fields = line.rstrip("\n").split("\t")
    if line.startswith("\t"):
        return fields if width >= MIN_TAB_LED_ROW and len(fields) == width and not _list_item(fields) else None
    if len(fields) == 2 and len(fields[0].split()) == 1 and LABEL_ONLY.match(fields[0]):
        return None
    return fields


def _list_item(fields: list[str]) -> bool:
    """Whether a line opening with a tab is an item of a list as Word's Save-as-text sets an
    indented one ("<tab>•<tab>The lead coordinates…", "<tab>1.<tab>Funding…"): its first text a
    bullet or a list label alone, its text in the next cell. A bare number is no label: a cell of
    the table ("2016")."""
    first = next((k for k, f in enumerate(fields) if f.strip()), None)
    if first is None or first + 1 >= len(fields) or not fields[first + 1].strip():
        return False
    label = fields[first].strip()
    return LABEL_ONLY.match(label) is not None and not label.isdigit()


def _tsv_header(lines: list[str], start: int) -> list[str] | None:
    """The header row of a tab-separated table at `start`: a row _tsv_fields reads, or one opening
    with an empty cell of three cells or more when the row under it (or under a group line,
    _group_line) is as wide: the corner above a column of row labels ("<tab>Goal ITU-R<tab>Goal
    ITU-T"), or above the list labels a PDF's text layer set apart from their text ("C.<tab>
    Governments are invited…": the structurer reads such a label as the start of the first named
    column, structure._lead_joined), or a page's number laid into the columns over the header.
    A line of Word's tab-led tables starts with a tab too, but there a line opens one cell and the
    lines under it do not go on as rows of tab-separated cells."""
    line = lines[start]
    if not line.startswith("\t"):
        return _tsv_fields(line)
    fields = line.rstrip("\n").split("\t")
    if len(fields) < 3:
        return None
    below = start + 1 + _group_line(lines, start + 1, len(fields))
    under = _tsv_fields(lines[below]) if below < len(lines) else None
    if under is None or len(under) != len(fields):
        return None
    return fields


def _group_line(lines: list[str], i: int, width: int) -> bool:
    """Whether line i is a table's group row written without its empty cells' tabs: text without
    a tab, between rows of tab-separated cells, the row under it `width` cells wide."""
    line = lines[i] if i < len(lines) else ""
    if "\t" in line or not line.strip() or i + 1 >= len(lines):
        return False
    under = _tsv_fields(lines[i + 1])
    return under is not None and len(under) == width


def _repeats_header(header: list[str], line: str) -> bool:
    """Whether `line`'s cells are the header's own, two and at least half of them: a line without
    a tab before such a row is the title of the next table ("WSIS Action Line C4: Capacity
    building" over the same columns again), no group row of this one."""
    named = [key for cell in header if (key := _header_key(cell))]
    cells = {_header_key(cell) for cell in line.split("\t")}
    same = sum(cell in cells for cell in named)
    return same >= 2 and 2 * same >= len(named)


_NOTE_MARKS = regex(rf"[{SUPERSCRIPTS}]+")


def _header_key(cell: str) -> str:
    """A header cell as a table repeats it: its words, without note marks (renumbered on each
    table: "WSIS Outcomes¹" over "WSIS Outcomes⁵"), case folded."""
    return " ".join(_NOTE_MARKS.sub(" ", cell).split()).casefold()


def _under_rule(lines: list[str], i: int) -> int:
    """The first line of a tab-separated table's body, line i under its header: past a dashed rule
    of tab-separated runs of dashes ("-----<tab>-----", a Markdown-minded writer's header rule;
    pandoc's own rules have no tab, see dash_table) and the blank lines after it, if there is one."""
    if i >= len(lines) or "\t" not in lines[i] or not _is_dash_rule(lines[i]):
        return i
    i += 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def tsv_table(lines: list[str], start: int, index: int, clean: Clean) -> tuple[Block, int] | None:
    """Rows of tab-separated cells, at least two, all as wide as the first (the header, which may
    open with an empty corner cell: _tsv_header, and have a dashed rule under it: _under_rule). A
    line without a tab between two rows is a group row (_group_line): its text is the row's first
    cell, the others empty, as a merged row reads; one before the header's cells again ends the
    table (_repeats_header): it titles the next."""
    header = _tsv_header(lines, start)
    if header is None:
        return None
    width = len(header)
    body = _under_rule(lines, start + 1)
    i = body
    read = [header]  # each row's cells, split once: a group line's one text is its row's first cell
    while i < len(lines):
        fields = _tsv_fields(lines[i], width)
        if fields is None or len(fields) != width:
            if not _group_line(lines, i, width) or _repeats_header(header, lines[i + 1]):
                break
            fields = [lines[i]]
        read.append(fields)
        i += 1
    if i == body:
        return None
    at = (start, *range(body, i))
    rows = [[[f] if f.strip() else [] for f in fields] for fields in read]
    for row in rows:
        row.extend([] for _ in range(width - len(row)))
    return _table(rows, clean, index, start + 1, row_lines=[j + 1 for j in at]), i


def _cuts(rule: str) -> list[tuple[int, int]]:
    """Column spans (start, end) of a grid rule: between consecutive '+'."""
    plus = [m.start() for m in PLUS.finditer(rule)]
    return list(zip(plus, plus[1:]))


def grid_table(lines: list[str], start: int, index: int, clean: Clean) -> tuple[Block, int] | None:
    """pandoc's grid tables: rows between `+---+` rules, cells between `|` at the rule's '+'.
    Each line of a row is cut into its cells by one itemgetter call (the columns' slices), and
    the row's lines are turned into columns at its closing rule."""
    if not GRID_RULE.match(lines[start]):
        return None
    spans = _cuts(lines[start])
    slices = [slice(a + 1, b) for a, b in spans]
    cut = itemgetter(*slices) if len(slices) > 1 else lambda line: (line[slices[0]],)
    rows: list[list[list[str]]] = []
    cut_lines: list[tuple[str, ...]] = []  # the lines of the row being read, each cut into its cells
    header = 0  # the rows above a `+===+` rule: the header
    i = start + 1
    while i < len(lines):
        line = lines[i]
        if "+" in line and GRID_RULE.match(line):
            if any(map(str.strip, itertools.chain.from_iterable(cut_lines))):
                rows.append([_paragraphs(column, b - a - 3) for column, (a, b) in zip(zip(*cut_lines), spans)])
            if "=" in line and not header:
                header = len(rows)
            cut_lines = []
            i += 1
            continue
        if not line.lstrip().startswith("|"):
            break
        cut_lines.append(cut(line))
        i += 1
    if not rows:
        return None
    return _table(rows, clean, index, start + 1, header), i


def _dash_spans(rule: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in DASHES.finditer(rule)]


def _slice(line: str, spans: list[tuple[int, int]]) -> list[str]:
    """Cut a row at the column starts; the last column runs to the end of the line."""
    starts = [a for a, _ in spans]
    return [line[a:(starts[k + 1] if k + 1 < len(starts) else None)] for k, a in enumerate(starts)]


@record
class DashScan:
    """What dash_table learnt about one document's lines: from `first` to `stop` no dashed rule
    closes a multiline table (`stop` is a pair of blank lines, or the end). Any table whose body
    starts in that span has no closing rule either, so a document with many dashed lines and no
    blank line after them is scanned once, not once per dashed line (which was quadratic)."""

    first: int = -1
    stop: int = -1


def _closing_rule(lines: list[str], first: int, scan: DashScan | None) -> int | None:
    """The closing rule of a multiline table whose body starts at `first`: the first dashed rule
    followed by a blank line or the end, unless a pair of blank lines or the end comes first."""
    if scan is not None and scan.first <= first <= scan.stop:
        return None
    end = first
    while end < len(lines) and not (_is_dash_rule(lines[end]) and (end + 1 >= len(lines) or not lines[end + 1].strip())):
        if not lines[end].strip() and end + 1 < len(lines) and not lines[end + 1].strip():
            break
        end += 1
    else:
        if end < len(lines):
            return end
    if scan is not None:
        scan.first, scan.stop = first, end
    return None


def dash_table(
    lines: list[str], start: int, index: int, clean: Clean, scan: DashScan | None = None
) -> tuple[Block, int] | None:
    """pandoc's multiline tables (a dashed rule above and below, rows apart by blank lines) and
    simple tables (a header line over a dashed rule, rows one per line, a blank line to end).
    `scan` carries what earlier calls on the same lines found (see DashScan)."""
    line = lines[start]
    nxt = lines[start + 1] if start + 1 < len(lines) else ""
    if _is_dash_rule(line) and line.startswith(" ") and nxt.strip():
        closing = _closing_rule(lines, start + 1, scan)
        if closing is None:
            return None
        end = closing
        if end + 2 < len(lines) and _is_dash_rule(lines[end + 2]) and (end + 3 >= len(lines) or not lines[end + 3].strip()):
            end += 2
        body = lines[start + 1:end]
        rule_at = next((k for k, l in enumerate(body) if _is_dash_rule(l)), None)
        spans = _dash_spans(body[rule_at]) if rule_at is not None else _dash_spans(line)
        groups: list[list[str]] = []
        chunk: list[str] = []
        header = 0  # the rows above the rule inside the table: its header
        for k, row_line in enumerate(body):
            if k == rule_at or not row_line.strip():
                if chunk:
                    groups.append(chunk)
                chunk = []
                if k == rule_at:
                    header = len(groups)
                continue
            chunk.append(row_line)
        if chunk:
            groups.append(chunk)
        sliced = [[_slice(l, spans) for l in g] for g in groups]  # each line cut once, not once a column
        rows = [[_paragraphs([cells[c] for cells in g]) for c in range(len(spans))] for g in sliced]
        return _table(rows, clean, index, start + 1, header), end + 1
    if line.strip() and "\t" not in nxt and _is_dash_rule(nxt) and len(_dash_spans(nxt)) >= 2 and not _is_dash_rule(line):
        spans = _dash_spans(nxt)
        rows = [[[c.strip()] if c.strip() else [] for c in _slice(line, spans)]]
        end = start + 2
        while end < len(lines) and lines[end].strip() and not _is_dash_rule(lines[end]):
            rows.append([[c.strip()] if c.strip() else [] for c in _slice(lines[end], spans)])
            end += 1
        if end < len(lines) and _is_dash_rule(lines[end]):
            end += 1
        return _table(rows, clean, index, start + 1, 1), end
    return None


def pipe_table(lines: list[str], start: int, index: int, clean: Clean) -> tuple[Block, int] | None:
    """Markdown pipe tables; `<br>` inside a cell separates its paragraphs."""
    if not lines[start].lstrip().startswith("|"):
        return None
    rows: list[list[list[str]]] = []
    header = 0  # the rows above the `|---|` rule: the header
    i = start
    while i < len(lines) and lines[i].lstrip().startswith("|"):
        text = lines[i].strip()
        if not PIPE_RULE.match(text):
            cells = PIPE.split(text.strip("|"))
            rows.append([[p for p in BREAK.split(c) if p.strip()] for c in cells])
        elif not header:
            header = len(rows)
        i += 1
    return _table(rows, clean, index, start + 1, header), i
