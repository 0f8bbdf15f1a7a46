"""Reference resolution does near-linear work: doubling a paragraph dense with references at most
~doubles the work. Work is counted as Python line events under a tracer (a deterministic proxy for
time: the same input always gives the same count), so the test never depends on the machine."""

from __future__ import annotations

import sys
from types import FrameType
from typing import Any

from actionplan_trace.refs import RefContext, find_refs, load_registry

PIECES = (
    "see PP Resolution 71, ", "WTDC Res. 45 (Rev. Dubai, 2014) and ", "SDG 9 (targets 9.1, 9.c); ",
    "WSIS Action Line C5, ", "ITU-D SG 2 Question 3 ", "Regional Initiative AFR3; ", "Annex 4 (see Resolution 12x) ",
    "Q-3/2 and ", "ITU-T SG 17, ", "Resolutions 25, 71, 3; ",
)


def dense_paragraph(repeats: int) -> str:
    """One paragraph with a reference every ~25 bytes, no line breaks (one text for the resolver)."""
    return "ITU-D work: " + "".join(PIECES) * repeats


def work(text: str) -> tuple[int, int]:
    """Python line events run by find_refs on `text`, and the number of references found."""
    count = 0

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    registry = load_registry()
    ctx = RefContext(source="dense.txt")
    find_refs("warm-up: PP Resolution 1", ctx, registry)
    sys.settrace(tracer)
    try:
        refs, _ = find_refs(text, ctx, registry)
    finally:
        sys.settrace(None)
    return count, len(refs)


def test_doubling_a_dense_paragraph_at_most_doubles_the_resolver_work() -> None:
    small, n_small = work(dense_paragraph(40))
    large, n_large = work(dense_paragraph(80))
    assert n_small >= 400 and n_large == 2 * n_small
    assert large / small <= 2.2, f"work grew {large / small:.2f}x for 2x the text ({small} -> {large} line events)"
