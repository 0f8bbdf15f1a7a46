"""Parse the plain-text seed renderings (000 and 001) into corpus `Item`s.

The seeds are text dumps of Word documents: table cells start with a tab and rows are
separated by blank lines, bullets are typed "· " or "•<tab>", auto-numbers leak into the
text as stray "19." prefixes, bookmarks appear as "[bookmark: name]" and the footnote
reference in Output 2.1 shows as "telecommunications1". This module undoes those artefacts
and recovers the logical structure; nothing here knows about Word formatting.
"""

from __future__ import annotations

import re
from pathlib import Path

from .items import Item, Seg, plain

OBJECTIVE_RE = re.compile(r"^Objective\s+(\d+)\s+–\s+(.+)$")
OUTPUT_RE = re.compile(r"^Output\s+(\d+\.\d+)(?:\s+–\s+(.+))?$")
SECTION_RE = re.compile(r"^Section\s+\d+\s+–\s+.+$")
CLAUSE_RE = re.compile(r"^(\d+(?:\.\d+)*)\.\s+(\S.*)$")
SUB_RE = re.compile(
    r"^(?:\d+\.?\s+)?(Background and Implementation framework|Background|Implementation framework"
    r"|References to WTDC .+)$",
    re.IGNORECASE,
)
BULLET_RE = re.compile(r"^([·•])[ \t]+(.*)$", re.DOTALL)
ROMAN_RE = re.compile(r"^([IVX]+)\.\s*\t(.*)$")
BOOKMARK_RE = re.compile(r"\[bookmark: ([^\]]+)\]")
UNNUMBERED_SUBS = {"relevant regional initiatives", "study group questions"}
REFGROUPS = {
    "pp and wtdc resolutions and recommendations",
    "wtdc resolutions and recommendations",
    "wsis action lines",
    "sustainable development goals and targets",
}
AREAS_LEAD = "Main areas of work include:"

# The seeds render the footnote reference after "telecommunications" as a digit.
FOOTNOTE_MARK = "telecommunications1,"
FOOTNOTE_TEXT = (
    "In this document the term “telecommunications” is used in its broadest sense and "
    "includes information and communication technologies (ICTs)."
)

# Bullets of the introduction's "For each of the objectives…" list that sit one level down.
NESTED_INTRO_BULLETS = {
    "Programmes", "Regional initiatives", "Study Group Questions", "PP resolutions",
    "WTDC resolutions and recommendations", "WSIS action lines",
    "Sustainable Development Goals and Targets.",
}

# Word non-breaking hyphens (w:noBreakHyphen) vanish from the seed rendering: "ITUD" is
# "ITU‑D". They are kept as U+2011 in the items and written back as w:noBreakHyphen.
NB_HYPHEN = "\u2011"
DROPPED_HYPHENS = ((re.compile(r"\bITU(?=[DRT]\b)"), "ITU" + NB_HYPHEN),
                   (re.compile(r"\bfaceto-face\b"), "face" + NB_HYPHEN + "to-face"),
                   (re.compile(r"\beforums\b"), "e" + NB_HYPHEN + "forums"))

# Seed 000 was rendered with its own revision marks merged into the text (deleted text
# followed by inserted text); the clean later revision reads the inserted text only.
REVISION_RESIDUE = (("reductionmanagement", "management", 3), ("Eemergency", "emergency", 1))


class SeedError(ValueError):
    """The seed text does not have the shape this generator expects."""


def seed_lines(seeds: Path, prefix: str) -> list[str]:
    """The lines of the seed file whose name starts with `prefix` (e.g. "001_")."""
    matches = sorted(seeds.glob(f"{prefix}*.txt"))
    if not matches:
        raise SeedError(f"no seed {prefix}*.txt in {seeds}")
    return matches[0].read_text(encoding="utf-8").split("\n")


def make_segs(text: str) -> tuple[list[Seg], str | None]:
    """Text to segments, turning the "[bookmark: x]" marker and the footnote digit into data."""
    bookmark = None
    for pattern, repl in DROPPED_HYPHENS:
        text = pattern.sub(repl, text)
    found = BOOKMARK_RE.search(text)
    if found:
        bookmark = found.group(1)
        text = BOOKMARK_RE.sub("", text)
    if FOOTNOTE_MARK in text:
        before, after = text.split(FOOTNOTE_MARK, 1)
        segs = [Seg(before + "telecommunications"), Seg("", footnote=FOOTNOTE_TEXT), Seg("," + after)]
        return segs, bookmark
    return plain(text), bookmark


def paragraph(kind: str, text: str, **kw: object) -> Item:
    segs, bookmark = make_segs(text)
    return Item(kind, segs, bookmark=bookmark, **kw)  # type: ignore[arg-type]


def parse_table(lines: list[str], i: int) -> tuple[Item, int]:
    """Read a tab-rendered table starting at line `i`; return it and the next line index."""
    rows: list[list[list[str]]] = []
    row: list[list[str]] = []
    n = len(lines)
    while i < n:
        line = lines[i]
        if line.startswith("\t"):
            row.append([line[1:]])
            i += 1
            continue
        if line == "":
            # A blank line ends the row unless the row still lacks cells (an empty
            # trailing paragraph inside a cell renders as a blank line too).
            if row and (not rows or len(row) >= len(rows[0])):
                rows.append(row)
                row = []
            j = i + 1
            while j < n and lines[j] == "":
                j += 1
            i = j
            if j >= n or not lines[j].startswith("\t"):
                break
            continue
        row[-1].append(line)
        i += 1
    if row:
        rows.append(row)
    first = rows[0][0][0].strip()
    kind = "outcome" if first == "Outcomes" else "region" if first == "Region" else "sg"
    cells: list[list[list[Item]]] = []
    for r, raw_row in enumerate(rows):
        out_row = []
        for c, raw_cell in enumerate(raw_row):
            cell = []
            for text in raw_cell:
                if not text.strip():
                    continue
                dash = re.match(r"^-\s*(.*)$", text)
                if kind == "outcome" and r > 0 and c == 1 and dash:
                    cell.append(paragraph("indicator", dash.group(1)))
                else:
                    cell.append(paragraph("para", text.rstrip()))
            out_row.append(cell)
        cells.append(out_row)
    return Item("table", rows=cells, table=kind), i


def parse_body(lines: list[str]) -> list[Item]:
    """Parse Action Plan text (seed 001 after "PART C", or seed 000) into items."""
    items: list[Item] = []
    i, n = 0, len(lines)
    part = "intro"
    sub = ""
    areas = False
    while i < n:
        raw = lines[i]
        if raw.startswith("\t"):
            table, i = parse_table(lines, i)
            items.append(table)
            continue
        s = raw.strip()
        i += 1
        if not s or set(s) == {"_"}:
            continue
        if s == "PART C":
            items.append(Item("part", plain(s)))
            continue
        if s == "Buenos Aires Action Plan":
            items.append(Item("doc-title", plain(s)))
            continue
        if SECTION_RE.match(s):
            items.append(Item("section", plain(s)))
            continue
        m = OBJECTIVE_RE.match(s)
        if m:
            part, sub, areas = "objective", "", False
            items.append(Item("objective", plain(s), number=m.group(1)))
            continue
        m = OUTPUT_RE.match(s)
        if m:
            part, sub, areas = "output", "", False
            title = m.group(2)
            if title is None:
                while not lines[i].strip():
                    i += 1
                title = lines[i].strip()
                i += 1
            items.append(Item("output", plain(f"Output {m.group(1)}"), number=m.group(1),
                              title=plain(title.strip())))
            continue
        if part == "intro":
            m = CLAUSE_RE.match(s)
            if m:
                items.append(Item("clause", plain(m.group(2)), number=m.group(1),
                                  level=m.group(1).count(".")))
                continue
        if part == "output":
            m = SUB_RE.match(s)
            if m:
                title = m.group(1)
                sub = "references" if title.lower().startswith("references") else title.lower()
                areas = False
                items.append(Item("subheading", plain(title), numbered=True))
                continue
            if s.lower() in UNNUMBERED_SUBS:
                sub, areas = s.lower(), False
                items.append(Item("subheading", plain(s)))
                continue
            if sub == "references" and s.lower() in REFGROUPS:
                items.append(Item("refgroup", plain(s)))
                continue
            if s.startswith("Programme:"):
                items.append(Item("programme", plain(s)))
                continue
            if s == AREAS_LEAD:
                areas = True
            elif areas and is_area_heading(s):
                items.append(Item("area", plain(s)))
                continue
        m = BULLET_RE.match(raw.lstrip(" "))
        if m:
            text = m.group(2)
            level = 1 if part == "intro" and text.strip() in NESTED_INTRO_BULLETS else 0
            items.append(paragraph("bullet", text, level=level, char=m.group(1)))
            continue
        items.append(paragraph("para", raw.lstrip(" ")))
    return items


def is_area_heading(s: str) -> bool:
    """An area-of-work heading: a short line without final punctuation and no bullet."""
    return len(s.split()) <= 12 and s[-1] not in ".:;," and not BULLET_RE.match(s)


def parse_preamble(lines: list[str]) -> list[Item]:
    """The contribution's front matter: abstract, introduction with the I.–IV. list, proposals."""
    items: list[Item] = [Item("abstract-label", plain("Abstract:"))]
    in_proposal = False
    for raw in lines:
        s = raw.strip()
        if not s:
            continue
        clause = CLAUSE_RE.match(s)
        roman = ROMAN_RE.match(s)
        if clause and clause.group(2) in ("Introduction", "Proposal"):
            in_proposal = clause.group(2) == "Proposal"
            items.append(Item("pre-heading", plain(clause.group(2)), number=clause.group(1)))
        elif roman:
            items.append(Item("roman-item", plain(roman.group(2)), number=roman.group(1)))
        elif in_proposal and clause:
            items.append(Item("proposal-item", plain(clause.group(2)), number=clause.group(1)))
        else:
            items.append(paragraph("para", s))
    return items


def contribution(seeds: Path) -> tuple[list[Item], list[Item]]:
    """Seed 001 as (preamble items, Action Plan items with the proposals' additions applied)."""
    lines = seed_lines(seeds, "001_")
    try:
        start = next(k for k, line in enumerate(lines) if line.strip() == "PART C")
    except StopIteration as exc:
        raise SeedError("seed 001 has no 'PART C' line") from exc
    return parse_preamble(lines[:start]), parse_body(lines[start:])


def later_objective2(seeds: Path) -> list[Item]:
    """Seed 000 (the later revision of Objective 2) with its merged revision residue resolved."""
    text = "\n".join(seed_lines(seeds, "000_"))
    for old, new, count in REVISION_RESIDUE:
        if text.count(old) != count:
            raise SeedError(f"seed 000: expected {count} × {old!r}, found {text.count(old)}")
        text = text.replace(old, new)
    return parse_body(text.split("\n"))


def objective_slice(items: list[Item], number: str) -> list[Item]:
    """The items from Objective `number` up to (not including) the next objective."""
    start = next(k for k, it in enumerate(items) if it.kind == "objective" and it.number == number)
    end = next((k for k in range(start + 1, len(items)) if items[k].kind in ("objective", "section",
                                                                              "doc-title")), len(items))
    return items[start:end]
