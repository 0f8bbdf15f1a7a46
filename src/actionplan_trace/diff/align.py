"""Aligning two sequences in levels: unique anchors, exact fill, similar pairs, then moves.

`align` pairs the items of two ordered lists (sections under one parent, blocks of one section,
rows of one table) without crossing pairs:
1. keys that occur exactly once on each side anchor the alignment (patience diff: the longest
   increasing run of such pairs), recursively inside each gap;
2. gaps without unique keys anchor on keys occurring equally often (up to REPEAT_ANCHOR times)
   on both sides, k-th occurrence with k-th occurrence; what is left falls back to an LCS over
   the keys (rapidfuzz), within a cell budget linear in the input;
3. what is still unpaired inside each gap is paired by similarity (`score(i, j)` at least
   `threshold`), maximising total similarity without crossings, or positionally past a bound.
`pair_moves` then pairs leftovers one-to-one across the whole document: equal keys first, then
high word overlap (all pairs when few are left, else candidates found through an index of their
rarer words). Every step has a cap on its work linear in the input, so a long document costs
time in proportion; `work` counts the steps for the complexity test.
"""

from __future__ import annotations

from bisect import bisect_left
from math import isqrt
from collections import Counter, defaultdict, deque
from typing import Callable, Hashable, Sequence

from rapidfuzz import process
from rapidfuzz.distance import Indel

from ..record import field, record

Pair = tuple[int | None, int | None]

MAX_LCS_CELLS = 50_000_000
MAX_DP_CELLS = 40_000
MAX_TOTAL_DP_CELLS = 200_000
MAX_MOVE_CELLS = 400_000
SAMPLE_WORDS = 400
MAX_MOVE_WORK = 2_000_000_000
SCAN_FACTOR = 8
SCAN_FLOOR = 10_000
LCS_FACTOR = 64
LCS_CHUNK = 256
REPEAT_ANCHOR = 8
MOVE_ALL_PAIRS = 4_096
MOVE_CANDIDATES = 8
MOVE_POSTINGS = 16
MOVE_RARE_WORDS = 8

work: Counter[str] = Counter()
"""Deterministic work counters (items scanned, cells compared), summed over every call: the
complexity test and `make bench` read them to check that doubling the input at most about
doubles the work. Reset with `work.clear()`."""


@record
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


SHIFT_RUN = 300  # the longest run of crossing pairs _least_shifted compares pair by pair


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


def in_order(pairs: list[tuple[int, int]], before: int = 0) -> set[tuple[int, int]]:
    """The largest subset of `pairs` that keeps the same order on both sides: the pairs left out
    are the moves. Of several such subsets, the one whose kept pairs keep their distance from the
    kept pair before them (`_least_shifted`), so that the items named as moved are those that
    moved: of a, b, c made c, b, a, b stays and a and c moved. Where that too ties (two
    neighbours swapped: either moved one place), the later of the old order stays and the earlier
    is the one moved, down past it. `before` is the shift (second minus first) at the start of
    the ranges the pairs lie in."""
    ordered = sorted(pairs)
    if len(ordered) < 2:
        return set(ordered)
    kept: set[tuple[int, int]] = set()
    shift, segment = before, list[tuple[int, int]]()
    for pair, alone in zip(ordered, _uncrossed(ordered)):
        if alone:
            kept.update(_least_shifted(segment, shift))
            kept.add(pair)
            shift, segment = pair[1] - pair[0], []
        else:
            segment.append(pair)
    kept.update(_least_shifted(segment, shift))
    return kept


def _uncrossed(pairs: list[tuple[int, int]]) -> list[bool]:
    """For `pairs` sorted by first, whether each crosses no other: such a pair is in every
    largest in-order subset, and parts the others into runs chosen one by one."""
    out = [True] * len(pairs)
    highest = -1
    for n, (_, j) in enumerate(pairs):
        out[n] = j > highest
        highest = max(highest, j)
    lowest: int | None = None
    for n in range(len(pairs) - 1, -1, -1):
        j = pairs[n][1]
        out[n] = out[n] and (lowest is None or j < lowest)
        lowest = j if lowest is None else min(lowest, j)
    return out


def _least_shifted(pairs: list[tuple[int, int]], before: int) -> list[tuple[int, int]]:
    """The largest in-order subset of a run of crossing `pairs` (sorted by first) whose shifts
    (second minus first) change least from one kept pair to the next, from `before` (the shift of
    the uncrossed pair before the run); on a tie the pairs later in the old order, as
    `_longest_increasing` keeps. A run longer than SHIFT_RUN is left to `_longest_increasing`, as
    this costs its square."""
    if not pairs or len(pairs) > SHIFT_RUN:
        return _longest_increasing(pairs)
    best: list[tuple[int, int]] = []  # per pair: (length, -shift cost) of the best chain ending there
    back: list[int] = []
    for k, (i, j) in enumerate(pairs):
        score, prev = (1, -abs(j - i - before)), -1
        for q in range(k):
            qi, qj = pairs[q]
            if qi < i and qj < j and (chained := (best[q][0] + 1, best[q][1] - abs(j - i - qj + qi))) >= score:
                score, prev = chained, q
        best.append(score)
        back.append(prev)
    out: list[tuple[int, int]] = []
    n = max(range(len(pairs)), key=lambda k: (best[k], k))
    while n >= 0:
        out.append(pairs[n])
        n = back[n]
    return out[::-1]


def _unique_anchors(a: list[int], b: list[int], alo: int, ahi: int, blo: int, bhi: int) -> list[tuple[int, int]]:
    """Pairs of keys occurring once on each side of the range, longest in-order run."""
    work["anchor-scan"] += (ahi - alo) + (bhi - blo)
    count_a = Counter(a[alo:ahi])
    count_b = Counter(b[blo:bhi])
    where_b = {b[j]: j for j in range(blo, bhi) if count_b[b[j]] == 1}
    candidates = [(i, where_b[a[i]]) for i in range(alo, ahi) if count_a[a[i]] == 1 and a[i] in where_b]
    if candidates:
        return sorted(in_order(candidates, blo - alo))
    return _repeated_anchors(a, b, alo, ahi, blo, bhi, count_a, count_b)


def _repeated_anchors(a: list[int], b: list[int], alo: int, ahi: int, blo: int, bhi: int,
                      count_a: Counter[int], count_b: Counter[int]) -> list[tuple[int, int]]:
    """Without unique keys: keys occurring equally often on both sides (a repeated block in
    both revisions), k-th occurrence paired with k-th, longest in-order run."""
    seen: Counter[int] = Counter()
    where_b: dict[tuple[int, int], int] = {}
    for j in range(blo, bhi):
        key = b[j]
        if count_b[key] == count_a.get(key) and count_b[key] <= REPEAT_ANCHOR:
            where_b[(key, seen[key])] = j
            seen[key] += 1
    seen.clear()
    candidates = []
    for i in range(alo, ahi):
        key = a[i]
        partner = where_b.get((key, seen[key]))
        seen[key] += 1
        if partner is not None:
            candidates.append((i, partner))
    return sorted(in_order(candidates, blo - alo))


def exact_pairs(a: list[int], b: list[int], max_cells: int = MAX_LCS_CELLS) -> list[tuple[int, int]]:
    """Pairs of equal keys, non-crossing: patience anchors, recursively, then a bounded LCS.

    The anchor search rescans each gap it recurses into; past SCAN_FACTOR times the input (a
    pathological nesting of repeated keys) the remaining gaps are left to the similarity pass.
    A gap without anchors gets a full LCS while the cells stay within LCS_FACTOR times the
    input (and `max_cells`), else an LCS of LCS_CHUNK-sized pieces along its diagonal. So the
    work stays linear in the input.
    """
    out: list[tuple[int, int]] = []
    stack = [(0, len(a), 0, len(b))]
    scan_left = SCAN_FACTOR * (len(a) + len(b)) + SCAN_FLOOR
    cells_left = min(max_cells, LCS_FACTOR * (len(a) + len(b)))
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
        scan_left -= (ahi - alo) + (bhi - blo)
        if scan_left < 0:
            continue
        anchors = _unique_anchors(a, b, alo, ahi, blo, bhi)
        if anchors:
            out.extend(anchors)
            prev_i, prev_j = alo, blo
            for i, j in anchors:
                stack.append((prev_i, i, prev_j, j))
                prev_i, prev_j = i + 1, j + 1
            stack.append((prev_i, ahi, prev_j, bhi))
        elif (ahi - alo) * (bhi - blo) <= cells_left:
            cells_left -= (ahi - alo) * (bhi - blo)
            out.extend(_lcs_pairs(a, b, alo, ahi, blo, bhi))
        else:
            pieces = -(-max(ahi - alo, bhi - blo) // LCS_CHUNK)
            for k in range(pieces):
                out.extend(_lcs_pairs(a, b, alo + (ahi - alo) * k // pieces, alo + (ahi - alo) * (k + 1) // pieces,
                                      blo + (bhi - blo) * k // pieces, blo + (bhi - blo) * (k + 1) // pieces))
    out.sort()
    return out


def _lcs_pairs(a: list[int], b: list[int], alo: int, ahi: int, blo: int, bhi: int) -> list[tuple[int, int]]:
    """The equal pairs of an LCS of two ranges (rapidfuzz)."""
    work["lcs-cells"] += (ahi - alo) * (bhi - blo)
    out: list[tuple[int, int]] = []
    for op in Indel.opcodes(a[alo:ahi], b[blo:bhi]):
        if op.tag == "equal":
            out.extend((alo + op.src_start + k, blo + op.dest_start + k) for k in range(op.src_end - op.src_start))
    return out


@record
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
        work["scores"] += min(len(old), len(new))
        return [(i, j) for i, j in zip(old, new) if score(i, j) >= threshold]
    work["scores"] += len(old) * len(new)
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
    allow: Callable[[int, int], bool] | None = None,
) -> list[tuple[int, int]]:
    """One-to-one pairs of leftover items: equal keys first, then word similarity ≥ `threshold`
    among the pairs `allow` accepts (all when None), likest first.

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
    if not rest_old or not rest_new:
        return pairs
    if len(rest_old) * len(rest_new) <= min(max_cells, MOVE_ALL_PAIRS):
        scored = _all_pairs(old, new, rest_old, rest_new, threshold)
    else:
        scored = _indexed_pairs(old, new, rest_old, rest_new, threshold)
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    taken_old: set[int] = set()
    for s, i, j in scored:
        if i in taken_old or j in used_new or (allow is not None and not allow(i, j)):
            continue
        taken_old.add(i)
        used_new.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def _all_pairs(old: list[tuple[Hashable, str]], new: list[tuple[Hashable, str]], rest_old: list[int],
               rest_new: list[int], threshold: float) -> list[tuple[float, int, int]]:
    """(score, old, new) for every leftover pair scoring at least `threshold` (few leftovers)."""
    work["move-cells"] += len(rest_old) * len(rest_new)
    cost = sum(len(old[i][1]) for i in rest_old) * sum(len(new[j][1]) for j in rest_new)
    cut = None if cost <= MAX_MOVE_WORK else isqrt(MAX_MOVE_WORK // (len(rest_old) * len(rest_new)))
    choices = [new[j][1][:cut] for j in rest_new]
    scored: list[tuple[float, int, int]] = []
    for i in rest_old:
        for _, s, k in process.extract(
            old[i][1][:cut], choices, scorer=Indel.normalized_similarity, score_cutoff=threshold, limit=None
        ):
            scored.append((s, i, rest_new[k]))
    return scored


def _indexed_pairs(old: list[tuple[Hashable, str]], new: list[tuple[Hashable, str]], rest_old: list[int],
                   rest_new: list[int], threshold: float) -> list[tuple[float, int, int]]:
    """(score, old, new) for leftover pairs scoring at least `threshold`, comparing each old
    item only with the MOVE_CANDIDATES new items sharing most of its MOVE_RARE_WORDS rarest words
    (words found in more than MOVE_POSTINGS new items do not count). Linear in the leftovers."""
    postings: dict[str, list[int]] = defaultdict(list)
    for k, j in enumerate(rest_new):
        for word in set(_sampled(new[j][1])):
            postings[word].append(k)
    scored: list[tuple[float, int, int]] = []
    for i in rest_old:
        code = _sampled(old[i][1])
        shared: Counter[int] = Counter()
        lists = sorted((hits for hits in map(postings.get, set(code)) if hits and len(hits) <= MOVE_POSTINGS), key=len)
        for hits in lists[:MOVE_RARE_WORDS]:
            work["move-postings"] += len(hits)
            shared.update(hits)
        for k, _ in shared.most_common(MOVE_CANDIDATES):
            work["move-cells"] += 1
            s = Indel.normalized_similarity(code, _sampled(new[rest_new[k]][1]))
            if s >= threshold:
                scored.append((s, i, rest_new[k]))
    return scored


def _sampled(code: str) -> str:
    """The words `similarity` compares: all, or the first and last SAMPLE_WORDS."""
    return code if len(code) <= 2 * SAMPLE_WORDS else code[:SAMPLE_WORDS] + code[-SAMPLE_WORDS:]
