"""Word-level diff inside one pair of blocks, with a bounded worst case.

The result is a list of `(op, text)` steps: "=" kept, "-" deleted, "+" inserted. Joining the "="
and "-" texts gives the old text, the "=" and "+" texts the new one. The token LCS runs in
rapidfuzz (bit-parallel, C); when the two token lists are too long for that, the diff first pairs
sentences and only diffs words inside paired sentences, and past that it reports a plain
replacement, so a pathological pair costs bounded time and still yields a valid diff.
"""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz.distance import Indel

from .tokens import WORD, tokenize

Op = tuple[str, str]

MAX_CELLS = 4_000_000


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


Unit = tuple[str, str]
Code = tuple[str, int, int, int, int]


def _units(text: str) -> tuple[list[Unit], str]:
    """`text` as (white space before, token) units of its words and symbols, plus trailing space.

    The diff aligns the tokens only, so white space never decides an alignment and an inserted
    phrase is one pure insertion instead of a deleted space plus an inserted phrase.
    """
    units: list[Unit] = []
    space = ""
    for token in tokenize(text):
        if token.isspace():
            space += token
        else:
            units.append((space, token))
            space = ""
    return units, space


def _sentences(units: list[Unit], lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of `units[lo:hi]` that end a sentence (a stop followed by a space or a line break)."""
    spans: list[tuple[int, int]] = []
    start = lo
    for k in range(lo, hi):
        nxt = units[k + 1][0] if k + 1 < hi else ""
        if "\n" in nxt or (units[k][1] in ".;:!?" and nxt):
            spans.append((start, k + 1))
            start = k + 1
    if start < hi:
        spans.append((start, hi))
    return spans


def _codes(a: list[str], b: list[str], a_lo: int, a_hi: int, b_lo: int, b_hi: int,
           max_cells: int, units: tuple[list[Unit], list[Unit]], fine: bool = True) -> list[Code]:
    """Opcodes aligning tokens `a[a_lo:a_hi]` with `b[b_lo:b_hi]`; by sentences when too long."""
    start_a, start_b = a_lo, b_lo
    while a_lo < a_hi and b_lo < b_hi and a[a_lo] == b[b_lo]:
        a_lo, b_lo = a_lo + 1, b_lo + 1
    end = 0
    while a_hi - end > a_lo and b_hi - end > b_lo and a[a_hi - 1 - end] == b[b_hi - 1 - end]:
        end += 1
    out: list[Code] = []
    if a_lo > start_a:
        out.append(("equal", start_a, a_lo, start_b, b_lo))
    mid_a, mid_b = a_hi - end - a_lo, b_hi - end - b_lo
    if mid_a and mid_b and mid_a * mid_b <= max_cells:
        for op in Indel.opcodes(a[a_lo:a_hi - end], b[b_lo:b_hi - end]):
            out.append((op.tag, a_lo + op.src_start, a_lo + op.src_end, b_lo + op.dest_start, b_lo + op.dest_end))
    elif mid_a and mid_b and fine:
        out.extend(_sentence_codes(a, b, a_lo, a_hi - end, b_lo, b_hi - end, max_cells, units))
    elif mid_a or mid_b:
        out.append(("replace", a_lo, a_hi - end, b_lo, b_hi - end))
    if end:
        out.append(("equal", a_hi - end, a_hi, b_hi - end, b_hi))
    return out


def _sentence_codes(a: list[str], b: list[str], a_lo: int, a_hi: int, b_lo: int, b_hi: int,
                    max_cells: int, units: tuple[list[Unit], list[Unit]]) -> list[Code]:
    """Pair sentences first, then align the tokens of each replaced run of sentences."""
    spans_a, spans_b = _sentences(units[0], a_lo, a_hi), _sentences(units[1], b_lo, b_hi)
    if len(spans_a) * len(spans_b) > max_cells:
        return [("replace", a_lo, a_hi, b_lo, b_hi)]
    keys_a = [" ".join(a[x:y]) for x, y in spans_a]
    keys_b = [" ".join(b[x:y]) for x, y in spans_b]
    out: list[Code] = []
    pending: list[int] = []
    codes = [(c.tag, c.src_start, c.src_end, c.dest_start, c.dest_end) for c in Indel.opcodes(keys_a, keys_b)]
    for tag, i1, i2, j1, j2 in codes + [("equal", len(spans_a), len(spans_a), len(spans_b), len(spans_b))]:
        x1 = spans_a[i1][0] if i1 < len(spans_a) else a_hi
        x2 = spans_a[i2 - 1][1] if i2 > i1 else x1
        y1 = spans_b[j1][0] if j1 < len(spans_b) else b_hi
        y2 = spans_b[j2 - 1][1] if j2 > j1 else y1
        if tag != "equal":
            pending = [pending[0], x2, pending[2], y2] if pending else [x1, x2, y1, y2]
            continue
        if pending:
            out.extend(_codes(a, b, pending[0], pending[1], pending[2], pending[3], max_cells, units, fine=False))
            pending = []
        if x2 > x1:
            out.append(("equal", x1, x2, y1, y2))
    return out


def _coalesce(codes: list[Code]) -> list[Code]:
    """Neighbouring deletions and insertions as one replaced region."""
    out: list[Code] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag != "equal" and out and out[-1][0] != "equal":
            out[-1] = ("replace", out[-1][1], i2, out[-1][3], j2)
        elif i2 > i1 or j2 > j1:
            out.append((tag if tag == "equal" else "replace", i1, i2, j1, j2))
    return out


def _ops(units_a: list[Unit], units_b: list[Unit], codes: list[Code]) -> list[Op]:
    """Steps from token opcodes; white space that differs before a kept token is its own edit."""
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in _coalesce(codes):
        if tag != "equal":
            old, new = "".join(s + t for s, t in units_a[i1:i2]), "".join(s + t for s, t in units_b[j1:j2])
            lead = units_a[i1][0] if i1 < i2 and j1 < j2 and units_a[i1][0] == units_b[j1][0] else ""
            ops.extend((("=", lead), ("-", old[len(lead):]), ("+", new[len(lead):])))
            continue
        for (space_a, token), (space_b, _) in zip(units_a[i1:i2], units_b[j1:j2]):
            if space_a != space_b:
                ops.extend((("-", space_a), ("+", space_b)))
                space_a = ""
            ops.append(("=", space_a + token))
    return ops


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


def _blank_edit(ops: list[Op], start: int, step: int) -> bool:
    """True when the run of edits at `start` (walking by `step`) changes white space only."""
    k = start
    while 0 <= k < len(ops) and ops[k][0] != "=":
        if ops[k][1].strip():
            return False
        k += step
    return True


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
                and not _blank_edit(out, len(out) - 1, -1)
                and not _blank_edit(ops, i + 1, 1)
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
    units_a, tail_a = _units(old)
    units_b, tail_b = _units(new)
    a, b = [t for _, t in units_a], [t for _, t in units_b]
    ops = _ops(units_a, units_b, _codes(a, b, 0, len(a), 0, len(b), max_cells, (units_a, units_b)))
    if tail_a == tail_b:
        ops.append(("=", tail_a))
    else:
        ops.extend((("-", tail_a), ("+", tail_b)))
    return _shared_space(_cleanup(ops))


def _shared_space(ops: list[Op]) -> list[Op]:
    """White space both sides of an edit of words start (or end) with, read as kept: "use of
    telecommunications/ICTs" made "use of ICTs" deletes "telecommunications/", not
    " telecommunications/" for an inserted " ". An edit of white space alone ("  " made " ")
    stays the pair it is."""
    out: list[Op] = []
    for _, _, deleted, inserted in runs(ops):
        if deleted is None or not (deleted.strip() or inserted.strip()):
            out.extend((("-", deleted), ("+", inserted)) if deleted is not None else (("=", inserted),))
            continue
        lead = _common_space(deleted, inserted)
        trail = _common_space(deleted[len(lead):][::-1], inserted[len(lead):][::-1])[::-1]
        out.extend((("=", lead), ("-", deleted[len(lead):len(deleted) - len(trail)]),
                    ("+", inserted[len(lead):len(inserted) - len(trail)]), ("=", trail)))
    return _merge(out)


def _common_space(a: str, b: str) -> str:
    """The white space `a` and `b` both start with."""
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n] and a[n].isspace():
        n += 1
    return a[:n]


def runs(ops: list[Op]) -> Iterator[tuple[int, int, str | None, str]]:
    """The steps in runs: a kept step alone as (i, i + 1, None, its text), and each run of edits
    between kept steps as (start, end, its deleted text, its inserted text)."""
    i = 0
    while i < len(ops):
        if ops[i][0] == "=":
            yield i, i + 1, None, ops[i][1]
            i += 1
            continue
        start, deleted, inserted = i, "", ""
        while i < len(ops) and ops[i][0] != "=":
            if ops[i][0] == "-":
                deleted += ops[i][1]
            else:
                inserted += ops[i][1]
            i += 1
        yield start, i, deleted, inserted


def readable(ops: list[Op]) -> list[Op]:
    """The steps as people read them: no edit starts or ends with white space, and white space
    that is all an edit changed reads as kept text (the new side's), so `[- -]` never shows."""
    out: list[Op] = []
    for _, _, deleted, inserted in runs(ops):
        if deleted is None:
            out.append(("=", inserted))
            continue
        core_d, core_i = deleted.strip(), inserted.strip()
        if not core_d and not core_i:
            out.append(("=", inserted))
            continue
        lead_d = deleted[: len(deleted) - len(deleted.lstrip())] if core_d else ""
        lead_i = inserted[: len(inserted) - len(inserted.lstrip())] if core_i else ""
        before = (lead_i if lead_d else "") if core_d and core_i else lead_i if core_i else lead_d
        side = inserted if core_i else deleted
        out.extend((("=", before), ("-", core_d), ("=", "" if before else lead_i), ("+", core_i)))
        out.append(("=", side[len(side.rstrip()):]))
    return _merge(out)


def word_count(text: str) -> int:
    """How many words `text` holds (numbers and hyphenated words count once)."""
    return len(WORD.findall(text))
