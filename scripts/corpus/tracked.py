"""Compute tracked changes between two item lists (old → new) with difflib.

Blocks are aligned on (kind, text); blocks in a changed stretch are paired when they are of
the same kind and similar enough, and paired blocks get a word-level diff. Unpaired old
blocks become paragraph deletions, unpaired new blocks paragraph insertions, so that the
result's accepted view is `new` and its original view is `old`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from .items import Item, Seg

PAIR_THRESHOLD = 0.5
TOKEN_RE = re.compile(r"\s+|\w+(?:[-'’/]\w+)*|[^\w\s]")


def key(it: Item) -> tuple:
    """What must be equal for two blocks to count as unchanged."""
    if it.kind == "table":
        cells = tuple(tuple(tuple(key(p) for p in cell) for cell in row) for row in it.rows or [])
        return ("table", it.table, cells)
    return (it.kind, it.level, it.numbered, it.text, it.title_text)


def words(it: Item) -> list[str]:
    if it.kind == "table":
        return [w for row in it.rows or [] for cell in row for p in cell for w in words(p)]
    return (it.text + " " + it.title_text).split()


def similarity(a: Item, b: Item) -> float:
    if a.kind != b.kind or a.table != b.table:
        return 0.0
    return SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()


def tokens(segs: list[Seg]) -> list[tuple[str, Seg]]:
    """Words, punctuation marks and runs of spaces as tokens; a footnote reference is one token."""
    out: list[tuple[str, Seg]] = []
    for seg in segs:
        if seg.footnote is not None:
            out.append(("\x00fn:" + seg.footnote, seg))
        else:
            out.extend((t, Seg(t)) for t in TOKEN_RE.findall(seg.text))
    return out


def diff_segs(old: list[Seg], new: list[Seg]) -> list[Seg]:
    """Word-level tracked segments turning `old` into `new`.

    A run of spaces left unchanged between two changes is folded into them, so a rewritten
    phrase reads as one deletion followed by one insertion, as Word's compare shows it.
    """
    a, b = tokens(old), tokens(new)
    matcher = SequenceMatcher(None, [t for t, _ in a], [t for t, _ in b], autojunk=False)
    ops = matcher.get_opcodes()
    hunks: list[tuple[bool, list, list]] = []
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        blank = op == "equal" and all(not t.strip() for t, _ in a[i1:i2])
        inner = 0 < k < len(ops) - 1
        changed = op != "equal" or (blank and inner)
        if changed and hunks and hunks[-1][0]:
            hunks[-1][1].extend(a[i1:i2])
            hunks[-1][2].extend(b[j1:j2])
        else:
            hunks.append((changed, list(a[i1:i2]), list(b[j1:j2])))
    out: list[Seg] = []

    def emit(toks: list[tuple[str, Seg]], change: str | None) -> None:
        for _, seg in toks:
            if seg.footnote is not None:
                out.append(Seg("", change, seg.footnote))
            elif out and out[-1].change == change and out[-1].footnote is None:
                out[-1].text += seg.text
            else:
                out.append(Seg(seg.text, change))

    for changed, olds, news in hunks:
        if changed:
            emit(olds, "del")
            emit(news, "ins")
        else:
            emit(olds, None)
    return out


def merge(a: Item, b: Item) -> Item:
    """One block carrying the word-level changes from `a` to `b`."""
    if a.kind == "table":
        rows_a, rows_b = a.rows or [], b.rows or []
        if [len(r) for r in rows_a] != [len(r) for r in rows_b]:
            raise ValueError("tracked tables must keep their shape")
        rows = [[diff_items(ca, cb) for ca, cb in zip(ra, rb)] for ra, rb in zip(rows_a, rows_b)]
        return replace(a, rows=rows)
    title = diff_segs(a.title or [], b.title or []) if a.title is not None or b.title is not None else None
    return replace(a, segs=diff_segs(a.segs, b.segs), title=title)


def mark(it: Item, change: str) -> Item:
    return replace(it, change=change)


def pairs(old: list[Item], new: list[Item]) -> list[tuple[int, int]]:
    """Monotonic pairing of similar blocks maximising total similarity (small DP)."""
    n, m = len(old), len(new)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            sim = similarity(old[i], new[j])
            if sim >= PAIR_THRESHOLD:
                best = max(best, sim + score[i + 1][j + 1])
            score[i][j] = best
    out, i, j = [], 0, 0
    while i < n and j < m:
        sim = similarity(old[i], new[j])
        if sim >= PAIR_THRESHOLD and score[i][j] == sim + score[i + 1][j + 1]:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return out


def align(old: list[Item], new: list[Item]) -> list[Item]:
    """A changed stretch: paired blocks merged, the rest deleted or inserted in place."""
    out: list[Item] = []
    i = j = 0
    for pi, pj in pairs(old, new):
        out += [mark(x, "del") for x in old[i:pi]] + [mark(x, "ins") for x in new[j:pj]]
        out.append(merge(old[pi], new[pj]))
        i, j = pi + 1, pj + 1
    return out + [mark(x, "del") for x in old[i:]] + [mark(x, "ins") for x in new[j:]]


def diff_items(old: list[Item], new: list[Item]) -> list[Item]:
    """Tracked items whose accepted view is `new` and original view is `old`."""
    matcher = SequenceMatcher(None, [key(x) for x in old], [key(x) for x in new], autojunk=False)
    out: list[Item] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.extend(old[i1:i2])
        else:
            out.extend(align(old[i1:i2], new[j1:j2]))
    return out
