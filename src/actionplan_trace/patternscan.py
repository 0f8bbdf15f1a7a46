"""Where a regular expression can match, told from its source and from plain string searches.

Scanning every position of a long text is the slow part of matching a pattern: one that opens
with a word boundary or is case-insensitive gets none of the regex engine's fast skips. When every
match must start with one of a few literals, `str.find` (or `bytes.find`) lists those places and
the pattern is tried there only (`starts_of`, then `matches_at`). `scan_source` reads a pattern's
source for what joining it with others (profiles.join_patterns) or taking its literal start
(editions) needs to know: its named groups, and whether it has an alternative at the top level.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import AnyStr, Iterable

from .regexcache import regex

# Groups that refer back to a group by name (or test one), hold a comment or set verbose mode: a
# regex with one, or with a numbered back-reference, cannot be joined with others (join_patterns).
_UNJOINABLE = regex(r"\(\?(?:P=|\(|#|[aiLmsu-]*x)")


@lru_cache(maxsize=1024)
def scan_source(pattern: str) -> tuple[str, bool] | None:
    """`pattern` with each named group `(?P<name>…)` made a plain group, so that patterns naming
    the same groups can be joined, and whether it has a `|` outside any group; None when it
    cannot be joined (see _UNJOINABLE). Escapes and character classes are skipped over, so a
    literal `(`, `|` or `(?P<` in them is left alone."""
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
            # "]" right after "[" or "[^" is a member of the class, not its end
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


def starts_of(low: AnyStr, words: Iterable[AnyStr]) -> list[int]:
    """Every position in `low` (a lower-cased text, or its bytes) where one of `words` starts, in
    order."""
    out: list[int] = []
    for word in words:
        at = low.find(word)
        while at >= 0:
            out.append(at)
            at = low.find(word, at + 1)
    out.sort()
    return out


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """`pattern.finditer(text)` when every match starts at one of `starts` (sorted): the leftmost
    match of each scan is the first start where the pattern matches, and the next scan begins
    where that match ends (for a pattern that never matches the empty string)."""
    out = []
    end = 0
    for at in starts:
        if at >= end and (m := pattern.match(text, at)) is not None:
            out.append(m)
            end = m.end()
    return out
