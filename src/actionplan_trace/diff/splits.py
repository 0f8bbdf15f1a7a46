"""Paragraphs split in two (or more), or several joined into one, inside a pair of sections.

After block alignment a split shows as one pair plus unpaired neighbours: the old paragraph is
paired with its biggest piece and the other pieces look added (or, when every piece is small,
nothing pairs at all). For each pair, and for each old × new combination inside short unpaired
stretches, this pass tries to absorb unpaired neighbours on the other side and keeps the run
whose joined words match the single block better than the piece alone. Blocks that moved to
another section are stepped over, so two paragraphs joined across a moved one are still seen.
Neighbours without words (a stray ", , ," from a PDF line) may be absorbed when they do not
lower the match. The reach is a few blocks, so the pass is linear in the number of blocks.
"""

from __future__ import annotations

from typing import Sequence

from ..record import field, record
from .align import Pair, similarity

Group = tuple[list[int], list[int], int, int]

REACH = 8
MIN_SIMILARITY = 0.75
EPSILON = 1e-9


@record
class _Side:
    """One side's blocks: word codes, tags, and which are free to join (in reading order)."""

    codes: Sequence[str]
    tags: Sequence[str]
    order: list[int]
    free: set[int]
    position: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.position = {k: n for n, k in enumerate(self.order)}

    def extend(self, one: str, tag: str, start: int) -> tuple[list[int], float]:
        """The run of free blocks around `start` whose joined code best matches `one`, and its score."""
        pos = self.position[start]
        best = similarity(one, self.codes[start])
        best_lo = best_hi = left = right = pos
        for _ in range(REACH):
            grew = False
            for lo, hi in ((left - 1, right), (left, right + 1)):
                if lo < 0 or hi >= len(self.order):
                    continue
                k = self.order[lo if lo < left else hi]
                if k not in self.free or self.tags[k] != tag:
                    continue
                score = similarity(one, "".join(self.codes[self.order[p]] for p in range(lo, hi + 1)))
                if score >= best - EPSILON:
                    left, right, grew = lo, hi, True
                    if score > best + EPSILON:
                        best, best_lo, best_hi = score, lo, hi
            if not grew:
                break
        return [self.order[p] for p in range(best_lo, best_hi + 1)], best


def _runs(merged: Sequence[Pair], skip_old: set[int], skip_new: set[int]) -> list[tuple[list[int], list[int]]]:
    """The stretches of one-sided entries between pairs: (old-only indices, new-only indices)."""
    runs: list[tuple[list[int], list[int]]] = [([], [])]
    for i, j in merged:
        if i is not None and j is not None:
            runs.append(([], []))
        elif i is not None and i not in skip_old:
            runs[-1][0].append(i)
        elif j is not None and j not in skip_new:
            runs[-1][1].append(j)
    return [r for r in runs if r[0] and r[1]]


def find_splits(
    old: Sequence[str], new: Sequence[str], merged: Sequence[Pair],
    tags_old: Sequence[str], tags_new: Sequence[str],
    skip_old: set[int] = frozenset(),  # type: ignore[assignment]
    skip_new: set[int] = frozenset(),  # type: ignore[assignment]
    least: float = MIN_SIMILARITY,
) -> list[Group]:
    """Groups where one block became several or several became one.

    `old`/`new` are encoded word strings of one section's blocks, `merged` their alignment
    (`align.align` output), `tags_*` a tag per block, its table column (only blocks of one tag
    are joined; a table may join paragraphs, as when a PDF loses a one-column table), `skip_*` blocks that moved to or from another section (or already grouped), `least` the
    score a run's joined words must reach (1.0: the same words, only the paragraph breaks differ).
    A group is (old indices, new indices, lead old, lead new); the lead pair is kept as a pair.
    """
    pairs = {i: j for i, j in merged if i is not None and j is not None and i not in skip_old}
    a = _Side(old, tags_old, [i for i in range(len(old)) if i not in skip_old], set())
    b = _Side(new, tags_new, [j for j in range(len(new)) if j not in skip_new], set())
    a.free = set(a.order) - set(pairs)
    b.free = set(b.order) - set(pairs.values())
    groups: list[Group] = []

    def attempt(i: int, j: int, base: float) -> None:
        """Try `i` split into a run around `j`, else a run around `i` joined into `j`."""
        run, score = b.extend(old[i], tags_old[i], j) if j in b.position else ([], 0.0)
        if len(run) > 1 and score >= least - EPSILON and score > base + EPSILON:
            groups.append(([i], run, i, j))
            b.free.difference_update(run)
            a.free.discard(i)
            return
        run, score = a.extend(new[j], tags_new[j], i) if i in a.position else ([], 0.0)
        if len(run) > 1 and score >= least - EPSILON and score > base + EPSILON:
            groups.append((run, [j], i, j))
            a.free.difference_update(run)
            b.free.discard(j)

    for i, j in sorted(pairs.items()):
        attempt(i, j, similarity(old[i], new[j]))
    for olds, news in _runs(merged, skip_old, skip_new):
        if len(olds) * len(news) > REACH * REACH:
            continue
        for i in olds:
            for j in news:
                if i in a.free and j in b.free and tags_old[i] == tags_new[j]:
                    attempt(i, j, 0.0)
    return groups


def find_regroups(
    old: Sequence[str], new: Sequence[str], merged: Sequence[Pair], tags_old: Sequence[str], tags_new: Sequence[str],
) -> list[Group]:
    """Groups where paragraphs of the same words are broken at other places: several blocks of
    one tag became several others ("A B" + "C" made "A" + "B C"), or one several, as two PDF
    layouts end a cell's paragraphs at other lines. Looked for between each two pairs of identical
    blocks (and the section's ends), from either end of such a stretch, per tag: the blocks are
    taken in while the words joined so far on one side begin those on the other, and a group is
    closed where both are the same. A group is (old indices, new indices, lead old, lead new)."""
    groups: list[Group] = []
    olds: list[int] = []
    news: list[int] = []
    for i, j in [*merged, (None, None)]:
        if i is not None and j is not None and old[i] != new[j]:
            olds.append(i)
            news.append(j)
            continue
        if i is not None and j is None:
            olds.append(i)
            continue
        if j is not None and i is None:
            news.append(j)
            continue
        for tag in dict.fromkeys([*(tags_old[k] for k in olds), *(tags_new[k] for k in news)]):
            groups += _regroups([k for k in sorted(olds) if tags_old[k] == tag], [k for k in sorted(news) if tags_new[k] == tag],
                                old, new)
        olds, news = [], []
    return groups


def _regroups(olds: list[int], news: list[int], old: Sequence[str], new: Sequence[str]) -> list[Group]:
    """The regroupings at the start and at the end of one tag's stretch (see find_regroups)."""
    found = []
    head = _regroup(olds, news, old, new)
    if head is not None:
        found.append(head)
        olds, news = olds[len(head[0]):], news[len(head[1]):]
    tail = _regroup(olds[::-1], news[::-1], old, new, backwards=True)
    if tail is not None:
        found.append((tail[0][::-1], tail[1][::-1], min(tail[0]), min(tail[1])))
    return found


def _regroup(olds: list[int], news: list[int], old: Sequence[str], new: Sequence[str],
             backwards: bool = False) -> Group | None:
    """The first group of `olds` and `news` (in that order) whose joined words are the same and
    whose breaks differ, or None."""
    a = b = 0
    words_a = words_b = ""
    while a < len(olds) or b < len(news):
        if len(words_a) <= len(words_b) and a < len(olds):
            words_a = old[olds[a]] + words_a if backwards else words_a + old[olds[a]]
            a += 1
        elif b < len(news):
            words_b = new[news[b]] + words_b if backwards else words_b + new[news[b]]
            b += 1
        else:
            return None
        shorter, longer = sorted((words_a, words_b), key=len)
        if not (longer.endswith(shorter) if backwards else longer.startswith(shorter)):
            return None
        if words_a == words_b and words_a:
            if a == b == 1:
                return None  # the same one block on each side: a pair, not a regrouping
            return olds[:a], news[:b], olds[0], news[0]
    return None
