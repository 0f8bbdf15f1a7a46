"""A PDF line's glyphs in reading order where a script is written right to left (Arabic, Hebrew),
and where Chinese or Japanese text has no spaces.

A PDF places glyphs, it does not order text: the line builder reads a line's glyphs left to
right, which is the visual order. For a line that holds right-to-left letters that order is
backwards ("فدهلا" for "الهدف"), so `logical_order` turns it into the order it is read in, as
pdftotext does, by inverting the Unicode bidirectional algorithm (UAX #9) for the cases a
document sets: no explicit embeddings, one direction a line. Each glyph gets the level the
algorithm would give it: right-to-left letters odd, left-to-right letters and numbers even and
above the line's own level in a right-to-left line, and a space or punctuation mark that of the
letters on both its sides when they agree, else the line's. Then the runs the algorithm reverses
to display the line (every run at or above a level, from the lowest level up) are reversed
back. So a right-to-left line's words are read right to left while its numbers and Latin words
("2025", "ARB1") keep their own order, and brackets at an odd level are mirrored back where the
PDF gives the code of the glyph drawn ("(" is drawn ")" in right-to-left text; `_mirrors_pair`). A combining mark (a vowel sign, tanwin) goes with the letter
it is drawn on, wherever its box starts.

The line's direction is that of most of its letters: the paragraph's is not known while lines are
built, and a line of an Arabic paragraph is mostly Arabic.

Chinese and Japanese set no spaces between words, and a layout sets a little room (LibreOffice a
fifth of an em) between a Han or kana glyph and a Latin letter or digit beside it ("在 2019 年"
drawn for "在2019年"): beside such a glyph a gap is a space only from a quarter of an em, a
space's width (`CJK_GAP`; a space glyph the PDF draws is one anyway), and a line that ends or
starts with one joins the next with no space (`cjk_join`).
"""

from __future__ import annotations

import itertools
import unicodedata

from ..regexcache import regex

# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms.
RTL = regex(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# Han, kana, CJK punctuation and full-width forms: scripts set without spaces (not Hangul, which has them).
CJK = regex(r"[\u2e80-\u2fff\u3000-\u30ff\u31c0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f"
            r"\uff00-\uffef\U00020000-\U0003ffff]")
CJK_GAP = 0.25
MIRRORED = str.maketrans("()[]{}<>«»", ")(][}{><»«")


def has_rtl(text: str) -> bool:
    """Whether `text` holds a letter of a right-to-left script."""
    return RTL.search(text) is not None


def is_cjk(glyph: str) -> bool:
    """Whether `glyph` is of a script set without spaces (CJK)."""
    return CJK.match(glyph) is not None


def cjk_close(left: str, right: str, gap: float, size: float) -> bool:
    """Whether a gap of `gap` between glyphs `left` and `right` is too narrow for a space because
    one of them is a Han or kana glyph (CJK_GAP of the font size `size`)."""
    return (is_cjk(left[-1:]) or is_cjk(right[:1])) and gap < CJK_GAP * size


def cjk_join(before: str, after: str) -> bool:
    """Whether a line ending in `before` and the next starting with `after` join with no space."""
    return is_cjk(before[-1:]) or is_cjk(after[:1])


def _kind(unit: str) -> str:
    """The bidirectional class that matters here: R, A (Arabic letter), L, N (number), S (a
    separator inside a number: "8.6", "1,000"), T (a sign beside one: "30%"), M (combining mark)
    or O (space, other punctuation)."""
    kind = unicodedata.bidirectional(unit[:1]) if unit else ""
    return {"R": "R", "AL": "A", "L": "L", "EN": "N", "AN": "N", "ES": "S", "CS": "S", "ET": "T",
            "NSM": "M"}.get(kind, "O")


def _attach_marks(units: list[str], spans: list[tuple[float, float] | None], kinds: list[str]) -> list[list[int]]:
    """The line as groups of unit indices: each glyph with the combining marks drawn on it (the
    glyph whose box holds the mark's middle, else the nearest)."""
    bases = [i for i, k in enumerate(kinds) if k != "M" and spans[i] is not None and units[i] != " "]
    groups: dict[int, list[int]] = {i: [i] for i, k in enumerate(kinds) if k != "M"}
    for i, kind in enumerate(kinds):
        span = spans[i]
        if kind != "M":
            continue
        if span is None or not bases:
            groups[i] = [i]
            continue
        mid = (span[0] + span[1]) / 2
        groups[min(bases, key=lambda j: _distance(spans[j], mid))].append(i)
    return [groups[i] for i in sorted(groups)]


def _distance(span: tuple[float, float] | None, x: float) -> float:
    """How far `x` lies outside `span`."""
    return max(span[0] - x, x - span[1], 0.0) if span is not None else float("inf")


def logical_order(units: list[str], spans: list[tuple[float, float] | None]) -> list[tuple[list[int], bool]]:
    """The glyph groups of `units` (a line's glyphs and the spaces set between them, left to right;
    `spans` their x extents, None for a space the line builder put in) in the order they are read:
    each group a glyph's index and those of the combining marks drawn on it, and whether it is
    set right to left (its brackets drawn mirrored)."""
    groups = _attach_marks(units, spans, [_kind(u) for u in units])
    arabic = [_kind(units[g[0]]) == "A" for g in groups]
    kind = ["R" if a else _kind(units[g[0]]) for g, a in zip(groups, arabic)]
    rtl = kind.count("R") >= kind.count("L")
    base = 1 if rtl else 0
    edge = "R" if rtl else "L"
    # A number counts as R beside neutrals (N1) in a right-to-left line, but as L glued to a Latin
    # word on its left ("TDAG-18/11", "ARB1"): the algorithm's numbers after a Latin letter (W7).
    strong = [("L" if _glued_to_latin(kind, i) else "R") if k == "N" and rtl else k for i, k in enumerate(kind)]
    levels = [0] * len(kind)
    for i, k in enumerate(kind):
        if k == "R":
            levels[i] = 1
        elif k == "L":
            levels[i] = 2 if rtl else 0
        elif k == "N":
            levels[i] = 2 if rtl or _strong(strong, i, -1, "") == "R" == _strong(strong, i, 1, "") else 0
    for i, k in enumerate(kind):
        number = _number_part(kind, i, arabic)
        if number is not None:
            levels[i] = levels[number]
        elif k not in ("R", "L", "N"):
            left, right = _strong(strong, i, -1, edge), _strong(strong, i, 1, edge)
            levels[i] = base if left != right else 1 if left == "R" else 2 if rtl else 0
    return [(groups[i], levels[i] % 2 == 1) for i in _unreversed(levels)]


def _unreversed(levels: list[int]) -> list[int]:
    """The indices of glyphs drawn at `levels` in the order they are read: the algorithm reverses
    every run at or above each level from the highest down (L2), so the runs are reversed back
    from the lowest up, each glyph keeping its level."""
    order = list(range(len(levels)))
    for level in range(1, max(levels, default=0) + 1):
        start = 0
        while start < len(order):
            end = start
            while end < len(order) and levels[order[end]] >= level:
                end += 1
            order[start:end] = order[start:end][::-1]
            start = end + 1
    return order


def _glued_to_latin(kind: list[str], i: int) -> bool:
    """Whether the number at `i` follows a Latin letter on its left with only number glyphs and
    separators between ("TDAG-18/11", "ARB1")."""
    k = i - 1
    while k >= 0 and kind[k] in ("N", "S", "T"):
        k -= 1
    return k >= 0 and kind[k] == "L"


def _strong(strong: list[str], i: int, step: int, edge: str) -> str:
    """The class of the nearest letter from `i` in direction `step` ("R" or "L"; numbers are R in
    a right-to-left line), or `edge` past the line's end."""
    k = i + step
    while 0 <= k < len(strong):
        if strong[k] in ("R", "L"):
            return strong[k]
        k += step
    return edge


def _number_part(kind: list[str], i: int, arabic: list[bool]) -> int | None:
    """The index of the number the unit at `i` belongs to: a separator between two digits ("8.6",
    "1,000") or a sign next to a digit ("30%", "$5"); None for any other unit. After Arabic
    letters a number is an Arabic number to the algorithm (W2), which takes no sign: "95%" is
    drawn "%95" there."""
    before = i > 0 and kind[i - 1] == "N"
    after = i + 1 < len(kind) and kind[i + 1] == "N"
    if kind[i] == "S" and before and after:
        return i - 1
    if kind[i] == "T" and (before or after):
        number = i - 1 if before else i + 1
        k = number
        while k < len(kind) and kind[k] not in ("R", "L"):
            k += 1
        return None if k < len(kind) and arabic[k] else number
    return None


# A space glyph narrower than this (points) between glyphs that touch is no word space: right-to-left
# shaping leaves one where a run ends ("نمواً" / "."), though the text has none.
EMPTY_SPACE = 0.05


def reading_order(parts: list[str], spans: list[tuple[float, float] | None],
                  offsets: list[int]) -> tuple[list[str], list[int]]:
    """A right-to-left line's `parts` (glyphs and spaces, left to right; `spans` their x extents,
    that of the space glyph for a space the PDF draws, None for one the line builder put in a gap)
    in reading order (logical_order), brackets mirrored back and empty spaces dropped; `offsets`
    (places in the joined text, each right after a part) move with the part before them."""
    keep = [k for k, part in enumerate(parts) if not _empty_space(parts, spans, k)]
    ends = dict(zip(itertools.accumulate(len(p) for p in parts), range(len(parts))))
    units, unit_spans = [parts[k] for k in keep], [spans[k] for k in keep]
    read = logical_order(units, unit_spans)
    turn = _mirrors_pair(["".join(units[i] for i in group) for group, _ in read], [rtl for _, rtl in read])
    out: list[str] = []
    after: dict[int, int] = {}  # a part's index in `parts`: the length of the text read up to its end
    length = 0
    for group, rtl in read:
        for i in group:
            out.append(units[i].translate(MIRRORED) if rtl and turn else units[i])
            length += len(out[-1])
            after[keep[i]] = length
    moved = [after.get(ends.get(at, -1), at) for at in offsets]
    return out, moved


def _empty_space(parts: list[str], spans: list[tuple[float, float] | None], k: int) -> bool:
    """Whether part `k` is a space glyph with no width between glyphs that touch (EMPTY_SPACE)."""
    span = spans[k]
    if parts[k] != " " or span is None or span[1] - span[0] >= EMPTY_SPACE or not 0 < k < len(parts) - 1:
        return False
    left, right = spans[k - 1], spans[k + 1]
    return left is not None and right is not None and right[0] - left[1] < EMPTY_SPACE


def _mirrors_pair(texts: list[str], rtl: list[bool]) -> bool:
    """Whether to turn the brackets set right to left: a bracket there is drawn mirrored, and some
    producers write the code of the glyph drawn (")" for "("), others the one typed (LibreOffice
    does both); they are turned where that pairs more of the line's brackets."""
    if not any(r and any(ch in MIRRORED_SET for ch in t) for t, r in zip(texts, rtl)):
        return False
    turned = [t.translate(MIRRORED) if r else t for t, r in zip(texts, rtl)]
    return _unpaired("".join(turned)) < _unpaired("".join(texts))


MIRRORED_SET = frozenset("()[]{}<>«»")
CLOSERS = {")": "(", "]": "[", "}": "{", ">": "<", "»": "«"}


def _unpaired(text: str) -> int:
    """How many of `text`'s brackets close none or are not closed."""
    stack: list[str] = []
    unpaired = 0
    for ch in text:
        if ch in CLOSERS.values():
            stack.append(ch)
        elif ch in CLOSERS:
            if stack and stack[-1] == CLOSERS[ch]:
                stack.pop()
            else:
                unpaired += 1
    return unpaired + len(stack)
