"""Aligning two sequences in levels: unique anchors, exact fill, similar pairs, then moves.

`align` pairs the items of two ordered lists (sections under one parent, blocks of one section,
rows of one table) without crossing pairs:
1. keys that occur exactly once on each side anchor the alignment (patience diff: the longest
   increasing run of such pairs), recursively inside each gap;
2. gaps without unique keys fall back to an LCS over the keys (rapidfuzz, bounded);
3. what is still unpaired inside each gap is paired by similarity (`score(i, j)` at least
   `threshold`), maximising total similarity without crossings, or positionally past a bound.
`pair_moves` then pairs leftovers one-to-one across the whole document: equal keys first, then
high word overlap. Every step has a cap on its work, so the worst case stays bounded.
"""

from __future__ import annotations

from bisect import bisect_left
from math import isqrt
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from typing import Callable, Hashable, Sequence

from rapidfuzz import process
from rapidfuzz.distance import Indel

Pair = tuple[int | None, int | None]

MAX_LCS_CELLS = 50_000_000
MAX_DP_CELLS = 40_000
MAX_TOTAL_DP_CELLS = 200_000
MAX_MOVE_CELLS = 400_000
SAMPLE_WORDS = 400
MAX_MOVE_WORK = 2_000_000_000


@dataclass
class WordCoder:
    """Encodes word lists as strings, one code point per distinct word, for fast word-level scores."""

    codes: dict[str, str] = field(default_factory=dict)

    def encode(self, words: Sequence[str]) -> str:
        """One code point per word, the same for the same word across calls."""
        out = []
        for word in words:
            code = self.codes.get(word)
            if code is None:
                n = len(self.codes) + 0x100
                if n >= 0xD800:
                    n += 0x800
                code = self.codes[word] = chr(min(n, 0x10FFFF))
            out.append(code)
        return "".join(out)


def similarity(a: str, b: str) -> float:
    """Word-level similarity of two encoded word strings: 2·LCS / (|a| + |b|), 1.0 when both empty.

    Texts longer than 2·SAMPLE_WORDS words are compared on their first and last SAMPLE_WORDS
    words, so one score costs bounded time however long the paragraphs are.
    """
    if not a and not b:
        return 1.0
    if len(a) > 2 * SAMPLE_WORDS:
        a = a[:SAMPLE_WORDS] + a[-SAMPLE_WORDS:]
    if len(b) > 2 * SAMPLE_WORDS:
        b = b[:SAMPLE_WORDS] + b[-SAMPLE_WORDS:]
    return Indel.normalized_similarity(a, b)


def _interned(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[list[int], list[int]]:
    """Map both key lists to small ints (equal keys, equal ints) for fast comparison."""
    table: dict[Hashable, int] = {}
    ia = [table.setdefault(k, len(table)) for k in a]
    ib = [table.setdefault(k, len(table)) for k in b]
    return ia, ib


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of `pairs` (sorted by first) whose second members increase."""
    tails: list[int] = []
    tail_index: list[int] = []
    back: list[int] = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_index.append(n)
        else:
            tails[k] = j
            tail_index[k] = n
        back[n] = tail_index[k - 1] if k else -1
    out: list[tuple[int, int]] = []
    n = tail_index[-1] if tail_index else -1
    while n >= 0:
        out.append(pairs[n])
        n = back[n]
    return out[::-1]


def in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The largest subset of `pairs` that keeps the same order on both sides."""
    return set(_longest_increasing(sorted(pairs)))


def _unique_anchors(a: list[int], b: list[int], alo: int, ahi: int, blo: int, bhi: int) -> list[tuple[int, int]]:
    """Pairs of keys occurring once on each side of the range, longest in-order run."""
    count_a = Counter(a[alo:ahi])
    count_b = Counter(b[blo:bhi])
    where_b = {b[j]: j for j in range(blo, bhi) if count_b[b[j]] == 1}
    candidates = [(i, where_b[a[i]]) for i in range(alo, ahi) if count_a[a[i]] == 1 and a[i] in where_b]
    return _longest_increasing(candidates)


def exact_pairs(a: list[int], b: list[int], max_cells: int = MAX_LCS_CELLS) -> list[tuple[int, int]]:
    """Pairs of equal keys, non-crossing: patience anchors, recursively, then a bounded LCS."""
    out: list[tuple[int, int]] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            out.append((alo, blo))
            alo, blo = alo + 1, blo + 1
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            ahi, bhi = ahi - 1, bhi - 1
            out.append((ahi, bhi))
        if alo == ahi or blo == bhi:
            continue
        anchors = _unique_anchors(a, b, alo, ahi, blo, bhi)
        if anchors:
            out.extend(anchors)
            prev_i, prev_j = alo, blo
            for i, j in anchors:
                stack.append((prev_i, i, prev_j, j))
                prev_i, prev_j = i + 1, j + 1
            stack.append((prev_i, ahi, prev_j, bhi))
        elif (ahi - alo) * (bhi - blo) <= max_cells:
            for tag, i1, i2, j1, j2 in Indel.opcodes(a[alo:ahi], b[blo:bhi]):
                if tag == "equal":
                    out.extend((alo + i1 + k, blo + j1 + k) for k in range(i2 - i1))
    out.sort()
    return out


@dataclass
class Budget:
    """Similarity scores one diff may still spend on best-total pairing (then it pairs by position)."""

    cells: int = MAX_TOTAL_DP_CELLS

    def take(self, n: int) -> bool:
        """Spend `n` cells if the gap and the remaining budget allow it."""
        if n > MAX_DP_CELLS or n > self.cells:
            return False
        self.cells -= n
        return True


def similar_pairs(
    old: list[int], new: list[int], score: Callable[[int, int], float], threshold: float,
    budget: Budget | None = None,
) -> list[tuple[int, int]]:
    """Non-crossing pairs of `old` × `new` items scoring at least `threshold`, best total first.

    Past the budget (per gap and per diff) items pair by position when similar enough.
    """
    if not old or not new:
        return []
    if not (budget or Budget()).take(len(old) * len(new)):
        return [(i, j) for i, j in zip(old, new) if score(i, j) >= threshold]
    n, m = len(old), len(new)
    weight = [[0.0] * (m + 1) for _ in range(n + 1)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for x in range(1, n + 1):
        row, prev = best[x], best[x - 1]
        for y in range(1, m + 1):
            s = score(old[x - 1], new[y - 1])
            w = s if s >= threshold else 0.0
            weight[x][y] = w
            row[y] = max(prev[y], row[y - 1], prev[y - 1] + w if w else 0.0)
    out: list[tuple[int, int]] = []
    x, y = n, m
    while x > 0 and y > 0:
        w = weight[x][y]
        if w and best[x][y] == best[x - 1][y - 1] + w:
            out.append((old[x - 1], new[y - 1]))
            x, y = x - 1, y - 1
        elif best[x][y] == best[x - 1][y]:
            x -= 1
        else:
            y -= 1
    return out[::-1]


def align(
    old_keys: Sequence[Hashable],
    new_keys: Sequence[Hashable],
    score: Callable[[int, int], float] | None = None,
    threshold: float = 0.5,
    budget: Budget | None = None,
) -> list[Pair]:
    """Align two key lists; returns pairs and one-sided entries in merged reading order.

    Equal keys pair first (anchors, then LCS); within each remaining gap, items pair when
    `score(i, j) >= threshold`. In a gap, old-only entries come before new-only ones.
    """
    a, b = _interned(old_keys, new_keys)
    matched = exact_pairs(a, b)
    if score is not None:
        extra: list[tuple[int, int]] = []
        prev_i, prev_j = -1, -1
        for i, j in matched + [(len(a), len(b))]:
            if i - prev_i > 1 and j - prev_j > 1:
                gap_a, gap_b = list(range(prev_i + 1, i)), list(range(prev_j + 1, j))
                extra.extend(similar_pairs(gap_a, gap_b, score, threshold, budget))
            prev_i, prev_j = i, j
        matched = sorted(matched + extra)
    out: list[Pair] = []
    prev_i, prev_j = 0, 0
    for i, j in matched + [(len(a), len(b))]:
        out.extend((x, None) for x in range(prev_i, i))
        out.extend((None, y) for y in range(prev_j, j))
        if i < len(a):
            out.append((i, j))
        prev_i, prev_j = i + 1, j + 1
    return out


def pair_moves(
    old: list[tuple[Hashable, str]],
    new: list[tuple[Hashable, str]],
    threshold: float,
    min_words: int,
    max_cells: int = MAX_MOVE_CELLS,
) -> list[tuple[int, int]]:
    """One-to-one pairs of leftover items: equal keys first, then word similarity ≥ `threshold`.

    Items are (key, encoded words); items with fewer than `min_words` words never pair. When
    comparing every leftover pair in full would cost more than MAX_MOVE_WORK, only the first
    words of each item are compared (long items that moved still match on their beginnings).
    """
    by_key: dict[Hashable, deque[int]] = defaultdict(deque)
    for j, (key, code) in enumerate(new):
        if len(code) >= min_words:
            by_key[key].append(j)
    pairs: list[tuple[int, int]] = []
    used_new: set[int] = set()
    rest_old: list[int] = []
    for i, (key, code) in enumerate(old):
        if len(code) >= min_words and by_key.get(key):
            j = by_key[key].popleft()
            pairs.append((i, j))
            used_new.add(j)
        elif len(code) >= min_words:
            rest_old.append(i)
    rest_new = [j for j, (_, code) in enumerate(new) if j not in used_new and len(code) >= min_words]
    if not rest_old or not rest_new or len(rest_old) * len(rest_new) > max_cells:
        return pairs
    work = sum(len(old[i][1]) for i in rest_old) * sum(len(new[j][1]) for j in rest_new)
    cut = None if work <= MAX_MOVE_WORK else max(min_words, isqrt(MAX_MOVE_WORK // (len(rest_old) * len(rest_new))))
    choices = [new[j][1][:cut] for j in rest_new]
    scored: list[tuple[float, int, int]] = []
    for i in rest_old:
        for _, s, k in process.extract(
            old[i][1][:cut], choices, scorer=Indel.normalized_similarity, score_cutoff=threshold, limit=None
        ):
            scored.append((s, i, rest_new[k]))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    taken_old: set[int] = set()
    for s, i, j in scored:
        if i in taken_old or j in used_new:
            continue
        taken_old.add(i)
        used_new.add(j)
        pairs.append((i, j))
    return sorted(pairs)
