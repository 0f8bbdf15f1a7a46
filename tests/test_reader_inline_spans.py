"""The span patterns of inline.py (STRONG, EMPHASIS, STRIKE), written to skip through a span's text
in runs, against the plain lazy forms they stand for, on generated lines."""

from __future__ import annotations

import random
import re

import pytest

from actionplan_trace.extract import inline

# The plain forms: a lazy `.+?` up to a closing mark with a look-behind before it.
PLAIN = {
    inline.STRONG[0]: r"\*\*(?=\S)(.+?)(?<=\S)\*\*",
    inline.STRONG[1]: r"__(?<![\w\\]__)(?=\S)(.+?)(?<=\S)__(?!\w)",
    inline.EMPHASIS[0]: r"\*(?<![\w*\\]\*)(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])",
    inline.EMPHASIS[1]: r"_(?<![\w\\]_)(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)",
    inline.STRIKE: r"~~(?=\S)(.+?)(?<=\S)~~",
}
PIECES = ["*", "**", "***", "_", "__", "~", "~~", " ", "  ", "\t", "\n", "\\", "a", "word", "é", "1", ".", ":", "\u00a0"]


@pytest.mark.parametrize("pattern", list(PLAIN), ids=lambda p: p.pattern[:12])
def test_span_pattern_matches_as_its_plain_form(pattern: re.Pattern[str]) -> None:
    plain = re.compile(PLAIN[pattern])
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14)))
        ours, theirs = pattern.search(text), plain.search(text)
        assert (ours and (ours.span(0), ours.span(1))) == (theirs and (theirs.span(0), theirs.span(1))), text
        assert pattern.sub(r"<\1>", text) == plain.sub(r"<\1>", text), text
