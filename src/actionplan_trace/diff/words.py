"""Word-level diff inside one pair of blocks, with a bounded worst case.

The result is a list of `(op, text)` steps: "=" kept, "-" deleted, "+" inserted. Joining the "="
and "-" texts gives the old text, the "=" and "+" texts the new one. The token LCS runs in
rapidfuzz (bit-parallel, C); when the two token lists are too long for that, the diff first pairs
sentences and only diffs words inside paired sentences, and past that it reports a plain
replacement, so a pathological pair costs bounded time and still yields a valid diff.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Indel

from .tokens import tokenize

Op = tuple[str, str]

MAX_CELLS = 4_000_000
SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+|\n+")


def old_text(ops: list[Op]) -> str:
    """The old side of a word diff."""
    return "".join(text for op, text in ops if op != "+")


def new_text(ops: list[Op]) -> str:
    """The new side of a word diff."""
    return "".join(text for op, text in ops if op != "-")


def changed(ops: list[Op]) -> bool:
    """True when the diff holds an insertion or a deletion."""
    return any(op != "=" for op, _ in ops)


def replacement(old: str, new: str) -> list[Op]:
    """`old` deleted and `new` inserted, leaving out an empty side."""
    return [(op, text) for op, text in (("-", old), ("+", new)) if text]


def _sequence_ops(a: list[str], b: list[str], fine: bool, max_cells: int) -> list[Op]:
    """Diff two lists of strings; `fine` lists are tokens, coarse ones are sentences."""
    start = 0
    limit = min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    end = 0
    while end < limit - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    head = "".join(a[:start])
    tail = "".join(a[len(a) - end:]) if end else ""
    mid_a, mid_b = a[start:len(a) - end], b[start:len(b) - end]
    ops: list[Op] = [("=", head)] if head else []
    if mid_a and mid_b and len(mid_a) * len(mid_b) <= max_cells:
        ops.extend(_lcs_ops(mid_a, mid_b, fine, max_cells))
    elif mid_a and mid_b and fine:
        ops.extend(_coarse_ops("".join(mid_a), "".join(mid_b), max_cells))
    else:
        ops.extend(replacement("".join(mid_a), "".join(mid_b)))
    if tail:
        ops.append(("=", tail))
    return ops


def _lcs_ops(a: list[str], b: list[str], fine: bool, max_cells: int) -> list[Op]:
    """Diff two lists by rapidfuzz's LCS; coarse (sentence) replacements get a word diff inside."""
    ops: list[Op] = []
    pending_a: list[str] = []
    pending_b: list[str] = []

    def flush() -> None:
        """Emit the pending replaced region."""
        if pending_a and pending_b and not fine:
            ops.extend(_region_ops("".join(pending_a), "".join(pending_b), max_cells))
        else:
            ops.extend(replacement("".join(pending_a), "".join(pending_b)))
        pending_a.clear()
        pending_b.clear()

    for tag, i1, i2, j1, j2 in Indel.opcodes(a, b):
        if tag == "equal":
            flush()
            ops.append(("=", "".join(a[i1:i2])))
        else:
            pending_a.extend(a[i1:i2])
            pending_b.extend(b[j1:j2])
    flush()
    return ops


def _region_ops(old: str, new: str, max_cells: int) -> list[Op]:
    """Word diff of one replaced region between sentence anchors, if small enough."""
    a, b = tokenize(old), tokenize(new)
    if len(a) * len(b) <= max_cells:
        return _lcs_ops(a, b, True, max_cells)
    return replacement(old, new)


def _split_sentences(text: str) -> list[str]:
    """Sentences of `text`, each with the white space that follows it."""
    parts: list[str] = []
    last = 0
    for m in SENTENCE_END.finditer(text):
        parts.append(text[last:m.end()])
        last = m.end()
    if last < len(text):
        parts.append(text[last:])
    return parts


def _coarse_ops(old: str, new: str, max_cells: int) -> list[Op]:
    """Diff by sentences first, for texts too long for one word-level LCS."""
    return _sequence_ops(_split_sentences(old), _split_sentences(new), False, max_cells)


def _merge(ops: list[Op]) -> list[Op]:
    """Join neighbouring steps of the same kind and put deletions before insertions."""
    out: list[Op] = []
    for op, text in ops:
        if not text:
            continue
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        elif op == "-" and out and out[-1][0] == "+":
            if len(out) >= 2 and out[-2][0] == "-":
                out[-2] = ("-", out[-2][1] + text)
            else:
                out.insert(len(out) - 1, (op, text))
        else:
            out.append((op, text))
    return out


def _is_trivial(text: str) -> bool:
    """An equality too small to keep between two edits: white space or one short symbol."""
    stripped = text.strip()
    return not stripped or (len(stripped) <= 1 and not stripped.isalnum())


def _cleanup(ops: list[Op]) -> list[Op]:
    """Fold trivial equalities that sit between edits into those edits, for readable diffs."""
    ops = _merge(ops)
    while True:
        folded = False
        out: list[Op] = []
        i = 0
        while i < len(ops):
            op, text = ops[i]
            if (
                op == "="
                and 0 < i < len(ops) - 1
                and out
                and out[-1][0] != "="
                and ops[i + 1][0] != "="
                and _is_trivial(text)
            ):
                out.append(("-", text))
                out.append(("+", text))
                folded = True
            else:
                out.append((op, text))
            i += 1
        ops = _merge(out)
        if not folded:
            return ops


def word_diff(old: str, new: str, *, max_cells: int = MAX_CELLS) -> list[Op]:
    """The word-level diff of two texts, as ("=", "-", "+") steps; bounded by `max_cells`."""
    if old == new:
        return [("=", old)] if old else []
    ops = _sequence_ops(tokenize(old), tokenize(new), True, max_cells)
    return _cleanup(ops)
