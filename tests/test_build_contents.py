"""contents.with_tabbed_contents, which reads each block's contents entry once for both readings
(the tables of titles and pages as rows, and the blocks as they are) and keys the later
paragraphs for the rows only when each stands in a run of entries, gives what the plain way
gives: the blocks with the tables expanded, their entries found anew, and when some row is no
entry, the blocks as they are with theirs."""

from __future__ import annotations

import random

from actionplan_trace import contents
from actionplan_trace.contents import _entry, contents_entries, with_tabbed_contents
from actionplan_trace.model import Block, Cell, Loc

TITLES = ["Output 2.1 – Broadband infrastructure", "Objective 3", "Introduction", "Annex 2", "Foreword",
          "Strengthening the capacity of Member States in developing", "Operational Plan 2021", "ÉTUDE des réseaux",
          "Background", "Implementation framework", "Regional initiatives for Africa and Europe"]


def _plain_tabbed_entries(block: Block) -> list[Block] | None:
    """contents._tabbed_entries as written before it kept each row's entry."""
    if block.type != "table" or not block.rows or len(block.rows) < 2 or any(len(row) != 2 for row in block.rows):
        return None
    lines = []
    for title, page in block.rows:
        line = Block("paragraph", f"{title.text.strip()}\t{page.text.strip()}",
                     loc=block.loc if title.loc.line is not None else title.loc)
        if _entry(line) is None:
            return None
        lines.append(line)
    return lines


def _plain_with_tabbed_contents(blocks: list[Block]) -> tuple[list[Block], frozenset[int]]:
    """contents.with_tabbed_contents as written before: the tables expanded, the entries of the
    expanded blocks found anew, and else those of the blocks as they are."""
    expanded: list[Block] = []
    rows: list[int] = []
    for block in blocks:
        lines = _plain_tabbed_entries(block) if block.rows else None
        if lines is None:
            expanded.append(block)
            continue
        rows.extend(range(len(expanded), len(expanded) + len(lines)))
        expanded.extend(lines)
    if rows:
        entries = contents_entries(expanded)
        if entries.issuperset(rows):
            return expanded, entries
    return blocks, contents_entries(blocks)


def _table(rng: random.Random, at: int) -> Block:
    """A table of two columns: titles and pages (rising or not, a Roman one, a word for a page
    now and then), or another two-column table."""
    page = rng.randrange(1, 5)
    rows = []
    for title in rng.sample(TITLES, rng.randrange(1, 7)):
        page += rng.choice([0, 1, 3, 1, 2, 1, 1, 2, -2])
        end = rng.choice([str(page)] * 20 + ["iii", "Lead", ""])
        rows.append([Cell(title, Loc(at, row=len(rows), col=0)), Cell(end, Loc(at, row=len(rows), col=1))])
    if rng.random() < 0.1:
        rows = [[*row, Cell("x")] for row in rows]
    text = "\n".join(" | ".join(cell.text for cell in row) for row in rows)
    return Block("table", text, loc=Loc(at, line=at if rng.random() < 0.5 else None), rows=rows)


def _random_blocks(rng: random.Random) -> list[Block]:
    """Contents lists typed or set as tables of titles and pages (one or several, in a row or
    apart), the headings they name (or not), sentences, other tables and empty ones."""
    blocks: list[Block] = []
    for _ in range(rng.randrange(1, 4)):
        shape = rng.random()
        if shape < 0.6:
            blocks.append(_table(rng, len(blocks)))
        elif shape < 0.8:
            page = rng.randrange(1, 5)
            for title in rng.sample(TITLES, rng.randrange(0, 6)):
                page += rng.choice([0, 1, 2, -3])
                if rng.random() < 0.3:  # an entry wrapped over two lines, its second opening in lower case
                    blocks.append(Block("paragraph", f"{title} including"))
                    blocks.append(Block("paragraph", f"{rng.choice(['countries', 'broadband and services'])} {page}"))
                else:
                    blocks.append(Block("paragraph", f"{title}{rng.choice([' ', chr(9), ' ... '])}{page}"))
        else:
            blocks.append(Block("table", "", rows=[]))
        for _ in range(rng.randrange(0, 3)):
            blocks.append(Block("paragraph", rng.choice(["The plan was adopted in 2021.", "Number of experts 12",
                                                          "Page 4", "A sentence about the work.", "", "  7  "])))
    for title in rng.sample(TITLES, rng.randrange(len(TITLES) // 2, len(TITLES))):
        blocks.append(Block("paragraph", title if rng.random() < 0.8 else title.upper() + " – more"))
        blocks.append(Block("paragraph", rng.choice(["Text of the section.", "Output 2.1 will contribute.", "12"])))
        if rng.random() < 0.15:
            blocks.append(_table(rng, len(blocks)))
    return blocks


def test_with_tabbed_contents_reading_each_entry_once_is_the_plain_reading():
    rng = random.Random(41)
    expanded = kept = 0
    for _ in range(800):
        blocks = _random_blocks(rng)
        got_blocks, got_entries = with_tabbed_contents(blocks)
        want_blocks, want_entries = _plain_with_tabbed_contents(blocks)
        assert got_blocks == want_blocks and got_entries == want_entries, [b.text for b in blocks]
        expanded += got_blocks is not blocks
        kept += got_blocks is blocks and any(b.rows for b in blocks)
    assert expanded > 40 and kept > 100, (expanded, kept)


def test_found_entries_turning_down_blocks_by_their_last_character_is_every_entry():
    """_found_entries turns down a block by the last character of its text before it reads its
    entry: it finds each block `_entry` finds, whatever the text ends with (ASCII, non-ASCII
    digits and letters, white space of any kind, nothing)."""
    rng = random.Random(43)
    ends = ["4", "12", "iii", "v", "IV", "٣", "²", "五", "x.", "c", "a", ".", "\u00a0", "\t", " \n", "", "é", "⁵ "]
    for _ in range(300):
        blocks = [Block(rng.choice(["paragraph", "heading", "list-item", "table"]),
                        f"{rng.choice(TITLES)}{rng.choice([' ', chr(9), ''])}{rng.choice(ends)}{rng.choice(ends)}",
                        label=rng.choice([None, "•", "1."]))
                  for _ in range(rng.randrange(0, 12))]
        plain = {i: found for i, block in enumerate(blocks) if (found := _entry(block)) is not None}
        assert contents._found_entries(blocks) == plain
