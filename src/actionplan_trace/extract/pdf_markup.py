"""Revision marks printed into a PDF: struck-through and underlined text, read as a .docx's tracked
changes are read.

A contribution printed from Word or LibreOffice with its changes shown shows deleted text struck
through and inserted text underlined in the reviser's colour, with a change bar in the margin
beside each changed line. Read as plain text, the struck words stay in the sentence ("disaster
risk reductionmanagement"). Here:

- a glyph is **deleted** when a horizontal rule crosses it between STRIKE_LOW and STRIKE_HIGH
  font sizes above its baseline, on a line with a change bar: a short vertical rule in the margin
  beside the line. Text struck through as formatting (no change bar) is text, as the .docx reader
  reads a run with w:strike;
- a glyph is **inserted** when a coloured rule (not black or grey) underlines it on a line with a
  change bar. A link or a heading is underlined too, but no change bar stands beside it unless
  its line changed.

The change bars are taken out of the page's rules with the strikes, before tables are looked for.

The glyphs the view leaves out (deleted ones in the accepted view, inserted ones in the original)
are hidden: the line builder keeps them for the layout, which was set with them, and leaves them
out of the text. Each run of marked glyphs is one `Revision`, the same in both views; a run that
goes on from one table cell into another is cut into one per cell, placed in its row
(pdf._anchored).

The glyphs are pdf.Char records (typed Any here, since pdf imports this module); a mark is set on
their `mark` and `hidden` fields. Rules are pdf_tables' edge dicts, a horizontal one with its
`color`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from ..model import View
from ..regexcache import regex

STRIKE_LOW = 0.15
STRIKE_HIGH = 0.5
"""A rule between these many font sizes above a glyph's baseline strikes it through (a strike is
drawn at about a third of the size, half the height of a lower-case letter)."""
UNDERLINE_ABOVE = 0.1
UNDERLINE_BELOW = 0.35
"""A rule from this far above a glyph's baseline to this far below its box's bottom (font sizes)
underlines it."""
BAR_REACH = 36.0
"""How far (points) from a line's text a change bar stands: in the margin, next to the text."""
BAR_LINES = 2.0
"""A change bar is drawn a line at a time: no longer than this many heights of a glyph beside it."""
STRUCK_SHARE = 0.6
"""The least share of a strike's length that the glyphs it crosses cover: a longer rule through
text (a frame's edge) strikes nothing."""
COLOURED = 40
"""The least spread between a colour's strongest and weakest channel (0-255) that is a colour,
not black or a grey."""

BRACKETED_NUMBER = regex(r"\[(?:[0-9A-Za-z]{1,4}[.)]?){1,4}\]")

DELETED = "delete"
INSERTED = "insert"


Edge = dict[str, Any]


class _ByBase:
    """A page's glyphs (spaces too) sorted by baseline: each rule looks only at the glyphs whose
    baselines lie near it, so a page of many rules costs a line's glyphs a rule, not the page's."""

    def __init__(self, chars: list[Any]) -> None:
        self.chars = sorted(chars, key=lambda c: c.base)
        self.bases = [c.base for c in self.chars]
        self.biggest = max((c.size for c in self.chars if c.text != " "), default=0.0)

    def between(self, low: float, high: float) -> list[Any]:
        """The glyphs whose baselines lie from `low` to `high`."""
        return self.chars[bisect_left(self.bases, low):bisect_right(self.bases, high)]

    def under(self, e: Edge) -> list[Any]:
        """The glyphs rule `e` may underline (_underlines)."""
        y = float(e["top"])
        return self.between(y - self.biggest, y + UNDERLINE_ABOVE * self.biggest)


def printed_marks(chars: list[Any], edges: list[Edge]) -> tuple[bool, list[Edge]]:
    """Mark the glyphs of `chars` that `edges` strike through or underline as revisions (strikes,
    change_bars, insertions, over one index of the glyphs); whether any rule was a strike or a
    change bar, and the other rules, those a table may be ruled with."""
    index = _ByBase(chars)
    struck, edges = strikes(chars, edges, index)
    bars, edges = change_bars(chars, edges, index)
    insertions(chars, edges, bars, index)
    return bool(struck or bars), edges


def strikes(chars: list[Any], edges: list[Edge], index: _ByBase | None = None) -> tuple[list[Edge], list[Edge]]:
    """The horizontal rules of `edges` that strike glyphs of `chars` through, and the other edges.
    The glyphs struck are marked DELETED (change_bars unmarks those with no change bar). `index`:
    the glyphs by baseline, when the caller has it."""
    index = index or _ByBase(chars)
    struck: list[Edge] = []
    kept: list[Edge] = []
    for e in edges:
        if e["orientation"] != "h" or not index.biggest:
            kept.append(e)
            continue
        y, x0, x1 = float(e["top"]), float(e["x0"]), float(e["x1"])
        near = index.between(y, y + STRIKE_HIGH * index.biggest)
        hits = [c for c in near if c.text != " " and STRIKE_LOW * c.size <= c.base - y <= STRIKE_HIGH * c.size
                and x0 - 0.5 <= (c.x0 + c.x1) / 2 <= x1 + 0.5]
        spaces = _spaces_under(near, hits, x0, x1)
        if hits and sum(c.x1 - c.x0 for c in hits) >= STRUCK_SHARE * (x1 - x0 - sum(c.x1 - c.x0 for c in spaces)):
            struck.append(e)
            for c in hits + spaces:
                c.mark = DELETED
        else:
            kept.append(e)
    return struck, kept


def change_bars(chars: list[Any], edges: list[Edge], index: _ByBase | None = None) -> tuple[list[Edge], list[Edge]]:
    """The change bars of `edges`, and the other edges: a vertical rule in the margin (left or right
    of all the page's text, within BAR_REACH of it), no longer than BAR_LINES glyph heights, beside
    a glyph struck through or underlined in colour. Word and LibreOffice draw one a changed line;
    taken for a rule, one beside a table would be read as a cell's border. A glyph struck through
    with no bar beside it is unmarked: struck as formatting, it is text, as a .docx reads it."""
    glyphs = [c for c in chars if c.text != " "]
    if not glyphs:
        return [], edges
    left, right = min(c.x0 for c in glyphs), max(c.x1 for c in glyphs)
    index = index or _ByBase(chars)
    flagged = {id(c): c for c in glyphs if c.mark is not None}
    for e in edges:
        if e["orientation"] == "h" and _coloured(e.get("color")):
            flagged.update((id(c), c) for c in index.under(e) if c.text != " " and _underlines(e, c))
    beside = sorted(((c.top + c.bottom) / 2, c.bottom - c.top) for c in flagged.values())
    mids = [mid for mid, _ in beside]
    bars: list[Edge] = []
    kept: list[Edge] = []
    for e in edges:
        x, top, bottom = float(e["x0"]), float(e["top"]), float(e["bottom"])
        if (e["orientation"] == "v" and (0 < left - x <= BAR_REACH or 0 < x - right <= BAR_REACH)
                and any(bottom - top <= BAR_LINES * height
                        for _, height in beside[bisect_left(mids, top - 1):bisect_right(mids, bottom + 1)])):
            bars.append(e)
        else:
            kept.append(e)
    spans = _spans(bars)
    for c in chars:
        if c.mark == DELETED and not _barred(c, spans):
            c.mark = None
    return bars, kept


def insertions(chars: list[Any], edges: list[Edge], bars: list[Edge], index: _ByBase | None = None) -> None:
    """Mark INSERTED the glyphs of `chars` a coloured rule of `edges` underlines on a line with a
    change bar (`bars`, change_bars)."""
    if not bars:
        return
    index, spans = index or _ByBase(chars), _spans(bars)
    for e in edges:
        if e["orientation"] != "h" or not _coloured(e.get("color")):
            continue
        near = index.under(e)
        hits = [c for c in near if c.text != " " and c.mark is None and _underlines(e, c) and _barred(c, spans)]
        if hits:
            for c in hits + _spaces_under(near, hits, float(e["x0"]), float(e["x1"])):
                c.mark = INSERTED


def _spans(bars: list[Edge]) -> tuple[list[float], list[float]]:
    """The heights the change bars cover, as sorted, merged (tops, bottoms), a point of slack each way."""
    tops: list[float] = []
    bottoms: list[float] = []
    for top, bottom in sorted((float(b["top"]) - 1, float(b["bottom"]) + 1) for b in bars):
        if bottoms and top <= bottoms[-1]:
            bottoms[-1] = max(bottoms[-1], bottom)
        else:
            tops.append(top)
            bottoms.append(bottom)
    return tops, bottoms


def _barred(c: Any, spans: tuple[list[float], list[float]]) -> bool:
    """Whether a change bar (`spans`, _spans) stands beside glyph `c`'s line."""
    mid = (c.top + c.bottom) / 2
    k = bisect_right(spans[0], mid) - 1
    return k >= 0 and mid <= spans[1][k]


def _underlines(e: Edge, c: Any) -> bool:
    """Whether horizontal rule `e` underlines glyph `c`."""
    y = float(e["top"])
    return (c.base - UNDERLINE_ABOVE * c.size <= y <= c.bottom + UNDERLINE_BELOW * c.size
            and float(e["x0"]) - 0.5 <= (c.x0 + c.x1) / 2 <= float(e["x1"]) + 0.5)


def _spaces_under(near: list[Any], hits: list[Any], x0: float, x1: float) -> list[Any]:
    """The unmarked spaces of `near` on the lines of `hits` under a rule from x0 to x1 (a strike
    or an underline crosses them too)."""
    lines = {c.base for c in hits}
    return [c for c in near if c.text == " " and c.mark is None and c.base in lines and x0 <= (c.x0 + c.x1) / 2 <= x1]


def hide(chars: list[Any], view: View) -> None:
    """Hide the glyphs `view` leaves out: deleted ones in the accepted view, inserted ones in the original."""
    gone = DELETED if view == "accepted" else INSERTED
    for c in chars:
        if c.mark == gone:
            c.hidden = True


def unbracket_numbers(marked: list[tuple[str, list[Any]]]) -> None:
    """Hide the brackets round the list number a run opens with: LibreOffice prints the number of
    a paragraph it shows inserted or deleted in brackets ("[4.] References …"), where Word and the
    unmarked paragraph print "4.". The number is counted with the deleted paragraphs shown, so it
    may differ from the view's by the paragraphs deleted before it (a numbering-only difference)."""
    for _, run in marked:
        glyphs = [c for c in run if c.text != " "]
        m = BRACKETED_NUMBER.match("".join(c.text for c in glyphs[:16]))
        if m:
            for bracket in (glyphs[0], glyphs[m.end() - 1]):
                bracket.hidden = True
                run.remove(bracket)


def runs(chars: list[Any]) -> list[tuple[str, list[Any]]]:
    """The marked glyphs as runs in content order: (kind, glyphs), a run ending where the mark
    changes or an unmarked glyph (not a space) comes between. A space between two glyphs of the
    same mark takes it first: a rule drawn word by word leaves the spaces between them bare."""
    _spaces_between(chars)
    out: list[tuple[str, list[Any]]] = []
    current: list[Any] = []
    kind: str | None = None
    for c in chars:
        if c.mark is None:
            if c.text == " " and current:
                continue
            if current:
                out.append((kind or DELETED, current))
            current, kind = [], None
            continue
        if current and c.mark != kind:
            out.append((kind or DELETED, current))
            current = []
        current.append(c)
        kind = c.mark
    if current:
        out.append((kind or DELETED, current))
    return out


def run_text(run: list[Any]) -> str:
    """The text of a run of glyphs: a space where its glyphs are set apart (a word space the
    layout drew as a gap) or go on to another line, white space made single."""
    parts: list[str] = []
    for k, c in enumerate(run):
        before = run[k - 1] if k else None
        if before is not None and (c.base != before.base or c.x0 - before.x1 > 0.2 * max(min(c.size, before.size), 1)):
            parts.append(" ")
        parts.append(c.text)
    return " ".join("".join(parts).split())


def _spaces_between(chars: list[Any]) -> None:
    """Give an unmarked space the mark of the glyphs on both sides of it (in content order)."""
    before: Any = None
    gap: list[Any] = []
    for c in chars:
        if c.text == " ":
            if c.mark is None:
                gap.append(c)
            continue
        if gap and before is not None and c.mark is not None and before.mark == c.mark:
            for space in gap:
                space.mark = c.mark
        before, gap = c, []


def _coloured(color: tuple[int, int, int] | None) -> bool:
    return color is not None and max(color) - min(color) >= COLOURED
