"""patternscan.scan_source takes the characters that change nothing of its reading a run at a time:
it must read every pattern as reading it one character at a time does."""

from __future__ import annotations

import random
import re
import sys
from types import FrameType
from typing import Any

from actionplan_trace.patternscan import scan_source
from actionplan_trace.profiles import available_profiles

_UNJOINABLE = re.compile(r"\(\?(?:P=|\(|#|[aiLmsu-]*x)")


def _one_at_a_time(pattern: str) -> tuple[str, bool] | None:
    """scan_source as it was written first: one character a step."""
    out: list[str] = []
    i, depth, in_class, alternation = 0, 0, False, False
    while i < len(pattern):
        ch = pattern[i]
        step = 1
        if ch == "\\":
            if pattern[i + 1:i + 2] in tuple("123456789"):
                return None
            step = 2
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            step += pattern[i + 1:i + 2] == "^"
            step += pattern[i + step:i + step + 1] == "]"
        elif ch == "(":
            if _UNJOINABLE.match(pattern, i):
                return None
            depth += 1
            if pattern.startswith("(?P<", i):
                out.append("(")
                i = pattern.index(">", i) + 1
                continue
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            alternation = True
        out.append(pattern[i:i + step])
        i += step
    return "".join(out), alternation


def _patterns() -> list[str]:
    """The profiles' patterns, hand-made corner cases, and random strings of the characters that
    matter among plain ones."""
    rules = [p.pattern for profile in available_profiles().values()
             for p in (*profile.detect_patterns, *(r.match for r in profile.headings if r.match))]
    corners = ["", "a", "\\", "a\\", "[", "[]", "[]]", "[^]]a|b", "[^]", "[a\\]|b]|c", "[\\1]", "a\\1", "\\\\1",
               "(?P<x>a)|b", "(?P=x)", "(?(1)a|b)", "(?#c)", "(?x)a", "(?i:a)|b", "((a)|b)|c", "a)|(b", "]|[",
               "(?P<n>[|(])\\)", "x[(|)]y", "[[]|]", "ab|", "|", "\\||\\(", "é|ſ(?:ü|\\w)"]
    rng = random.Random(5)
    pieces = ["\\", "[", "]", "^", "(", ")", "|", "(?P<g>", "(?:", "1", "a", "bc", " ", "\\s+", "é"]
    made = ["".join(rng.choices(pieces, k=rng.randrange(1, 25))) for _ in range(3000)]
    return rules + corners + made


def test_scan_source_reads_each_pattern_as_one_character_at_a_time_does() -> None:
    patterns = _patterns()
    assert len(patterns) > 3000
    for pattern in patterns:
        assert scan_source.__wrapped__(pattern) == _one_at_a_time(pattern), pattern


def test_scan_source_takes_plain_characters_a_run_at_a_time() -> None:
    """A pattern's words and spaces, in a class or not, are a few steps of the scan, not one each."""
    pattern = "(?:" + " ".join(["Strategic\\s+plan [a-z0-9 ]" + "word " * 20] * 10) + ")|other words"
    lines = 0

    def count(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal lines
        if frame.f_code is scan_source.__wrapped__.__code__:
            lines += event == "line"
            return count
        return None

    previous = sys.gettrace()
    sys.settrace(count)
    try:
        scanned = scan_source.__wrapped__(pattern)
    finally:
        sys.settrace(previous)
    assert scanned == _one_at_a_time(pattern) and scanned is not None and scanned[1]
    assert lines < len(pattern)
