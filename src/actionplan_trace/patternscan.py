"""Where a regular expression can match, told from its source and from plain string searches.

Scanning every position of a long text is the slow part of matching a pattern: one that opens
with a word boundary or is case-insensitive gets none of the regex engine's fast skips. When every
match must start with one of a few literals, `str.find` (or `bytes.find`) lists those places and
the pattern is tried there only (`starts_of`, then `matches_at`). `scan_source` reads a pattern's
source for what joining it with others (profiles.join_patterns) or taking its literal start
(editions) needs to know: its named groups, and whether it has an alternative at the top level;
`required_literal` the word every match holds, so that only the lines holding it are searched
(profiles); `first_chars` the characters a match can open with, so that a text opening with
another is turned down without the regex (structure's heading gate). `fold` lower-cases a text for
those searches where that is exact.
"""

from __future__ import annotations

import marshal
import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Any, AnyStr, Iterable

from .digest import blake2b
from .diskcache import INTERPRETER_TAG, RunCache, source_salt
from .regexcache import regex

# Groups that refer back to a group by name (or test one), hold a comment or set verbose mode: a
# regex with one, or with a numbered back-reference, cannot be joined with others (join_patterns).
_UNJOINABLE = regex(r"\(\?(?:P=|\(|#|[aiLmsu-]*x)")
# A run of characters scan_source keeps as they are, changing nothing of what it follows: outside a
# character class any but an escape, a class's opening, a parenthesis or a bar; inside one any but
# an escape or the class's end.
_PLAIN_RUN = regex(r"[^\\\[()|]+")
_CLASS_RUN = regex(r"[^\\\]]+")
# What follows a backslash in a numbered back-reference.
_BACKREFERENCE_DIGITS = frozenset("123456789")


@lru_cache(maxsize=1024)
def scan_source(pattern: str) -> tuple[str, bool] | None:
    """`pattern` with each named group `(?P<name>…)` made a plain group, so that patterns naming
    the same groups can be joined, and whether it has a `|` outside any group; None when it
    cannot be joined (see _UNJOINABLE). Escapes and character classes are skipped over, so a
    literal `(`, `|` or `(?P<` in them is left alone. The characters between those that matter
    are taken a run at a time (_PLAIN_RUN, _CLASS_RUN): one at a time, the 60 patterns a one-line
    `trace refs` reads (3 K characters) cost 8 M instructions."""
    out: list[str] = []
    i, depth, in_class, alternation = 0, 0, False, False
    while i < len(pattern):
        run = (_CLASS_RUN if in_class else _PLAIN_RUN).match(pattern, i)
        if run is not None:
            out.append(run.group())
            i = run.end()
            continue
        ch = pattern[i]
        step = 1
        if ch == "\\":
            if pattern[i + 1:i + 2] in _BACKREFERENCE_DIGITS:
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


def starts_of_each(low: bytes, words: Iterable[bytes]) -> dict[bytes, list[int]]:
    """Each of `words` -> every position in `low` where it starts, in order (`starts_of`, a list a
    word). Words opening with the same two characters (the years "2012", "2016", "2020" …) are
    found together: one regex search for the pair and their endings, whose matches are then told
    apart, instead of a scan of the whole text for each word (a third of a millisecond a megabyte)."""
    out: dict[bytes, list[int]] = {}
    stems: dict[bytes, list[bytes]] = {}
    for word in words:
        out[word] = []
        stems.setdefault(word[:2], []).append(word)
    for stem, sharing in stems.items():
        if len(sharing) == 1 or len(stem) < 2:
            for word in sharing:
                out[word] = starts_of(low, [word])
            continue
        pattern = _stem_pattern(stem, tuple(sharing))
        m = pattern.search(low)
        while m is not None:
            at = m.start()
            for word in sharing:  # every word starting here (one may begin another)
                if low.startswith(word, at):
                    out[word].append(at)
            m = pattern.search(low, at + 1)  # from the next position: words may overlap
    return out


@lru_cache(maxsize=64)
def _stem_pattern(stem: bytes, words: tuple[bytes, ...]) -> re.Pattern[bytes]:
    """A pattern matching where one of `words` (all opening with `stem`) starts: the stem, a
    literal the regex engine searches for quickly, then one of their endings."""
    endings = sorted({re.escape(word[len(stem):]) for word in words}, key=len, reverse=True)
    return re.compile(re.escape(stem) + b"(?:" + b"|".join(endings) + b")")


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



class JoinedLines:
    """Lines joined with "\n" once, so that one search of the whole text (`str.find`, `starts_of`)
    stands for a search of every line, and the line each position found lies in."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.text = "\n".join(lines)
        self.starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))

    def line_at(self, at: int) -> int:
        """The index of the line holding position `at` of `text`."""
        return bisect_right(self.starts, at) - 1


# The only characters whose lower case is not what re.IGNORECASE matches them with among ASCII
# letters, digits and "-" (or is two characters long): İ, ı, ſ. A text holding one is scanned
# with the patterns alone.
FOLD_UNSAFE = ("\u0130", "\u0131", "\u017f")
# Every non-ASCII character re.IGNORECASE matches with an ASCII letter: those three and K, the
# Kelvin sign (whose lower case is "k", so str.lower keeps it findable, but fold does not).
ONTO_ASCII = (*FOLD_UNSAFE, "\u212a")


def fold(text: str) -> bytes | None:
    """`text` with its ASCII letters lower-cased and every other character one "?" byte, so that
    a literal start found in it is at the same place in `text` (C-speed, a third of the time
    of str.lower on a long text); None when a character of the text would match an ASCII letter
    under re.IGNORECASE (İ, ı, ſ, or K, the Kelvin sign): such a text is scanned by the patterns."""
    if not text.isascii() and any(c in text for c in ONTO_ASCII):
        return None
    return text.encode("ascii", "replace").lower()


@lru_cache(maxsize=256)
def required_literal(pattern: str) -> str:
    """The longest run of ASCII letters and digits that every match of `pattern` holds, lower-cased:
    characters written one after another at the top level of the pattern, outside any group,
    alternative or repeat ("implementation" in `\\b(?:report|progress)\\s+on\\s+the\\s+implementation`).
    "" when there is none or the source does not parse (the parse is the one re.compile makes)."""
    try:
        from re import _constants, _parser  # type: ignore[attr-defined]

        items = _parser.parse(pattern, re.IGNORECASE).data
    except Exception:  # a bad pattern (reported where it is compiled) or an interpreter whose internals differ
        return ""
    best = run = ""
    for op, value in items:
        char = chr(value) if op is _constants.LITERAL else ""
        run = run + char if char.isascii() and char.isalnum() else ""
        best = max(best, run, key=len)
    return best.lower()


# first_chars' answers, kept from one run to the next (see diskcache.RunCache): working one out
# parses the pattern in pure Python, about 0.3 M instructions, as much as the heading gate saves
# on some thousand paragraphs. The version names how they are worked out (raise it with _opening).
_FIRST_CHARS_VERSION = 1
_FIRST_CHARS = RunCache(f"first-chars-{_FIRST_CHARS_VERSION}-{INTERPRETER_TAG}.marshal", max_bytes=200_000)


@lru_cache(maxsize=1024)
def first_chars(pattern: str) -> frozenset[str] | None:
    """The ASCII characters a case-insensitive match of `pattern` can open with, so that a text
    opening with another ASCII character is not matched (one opening with a non-ASCII character
    may be: re.IGNORECASE matches "ſ" with "s"); None when that is not known: a match can open
    with any character, or with what follows a part that may match nothing, or the source does
    not parse (the parse is the one re.compile makes)."""
    kept = _FIRST_CHARS.get(pattern)
    chars = kept_value(kept) if kept is not None else NOT_KEPT
    if chars is not None and type(chars) is not str:  # not kept, or not what is kept here
        try:
            from re import _parser  # type: ignore[attr-defined]

            opening, empty = _opening(_parser.parse(pattern, re.IGNORECASE).data)
            opening = None if empty else opening
        except Exception:  # a bad pattern (reported where it is compiled) or an interpreter whose internals differ
            opening = None
        chars = None if opening is None else "".join(sorted(opening))
        _FIRST_CHARS.put(pattern, marshal.dumps(chars))
    return None if chars is None else frozenset(chars)


# scanned's answers, kept from one run to the next as first_chars' are: scan_source reads a pattern
# in pure Python, and the detect patterns of every profile (joined into one start gate,
# is_anchored, last_chars) and the editions' titles cost some 5 M instructions a run to read. The
# file is named by this module's source, so a changed scan_source never meets an answer of the old
# one; None (that source cannot be read) keeps nothing.
_SCAN_SALT = source_salt(__file__)
_SCANS = None if _SCAN_SALT is None else RunCache(
    f"scan-source-{blake2b(_SCAN_SALT, digest_size=10).hexdigest()}-{INTERPRETER_TAG}.marshal", max_bytes=400_000)


@lru_cache(maxsize=1024)
def scanned(pattern: str) -> tuple[str, bool] | None:
    """scan_source(pattern), from the answer an earlier run kept when there is one (_SCANS)."""
    kept = _SCANS.get(pattern) if _SCANS is not None else None
    if kept is not None:
        value = kept_value(kept)  # NOT_KEPT when it is not marshal data: worked out again
        if value is None or (type(value) is tuple and len(value) == 2 and type(value[0]) is str
                             and type(value[1]) is bool):
            return value
    answer = scan_source(pattern)
    if _SCANS is not None:
        _SCANS.put(pattern, marshal.dumps(answer))
    return answer


NOT_KEPT = object()


def kept_value(kept: bytes) -> Any:
    """`kept` (a RunCache entry) unmarshalled, or NOT_KEPT when it is not marshal data."""
    try:
        return marshal.loads(kept)
    except (EOFError, ValueError, TypeError):
        return NOT_KEPT


def _opening(items: Any) -> tuple[set[str] | None, bool]:
    """The ASCII characters a match of `items` (a parsed pattern) can open with (see first_chars),
    None when any may (a class of other than ASCII characters and digits, any character), and
    whether the items may match nothing (then what follows them may open the match too)."""
    from re import _constants as c  # type: ignore[attr-defined]

    chars: set[str] = set()
    for op, value in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # a width of zero: where a match may open, not what it opens with
        empty = False
        if op is c.LITERAL:
            found = _cases(value)
        elif op is c.IN:
            found = _class_opening(value)
        elif op is c.SUBPATTERN:
            found, empty = _opening(value[3])
        elif op is c.BRANCH:
            branches = [_opening(branch) for branch in value[1]]
            found = None if any(f is None for f, _ in branches) else set().union(*(f or () for f, _ in branches))
            empty = any(e for _, e in branches)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            found, empty = _opening(value[2])
            empty = empty or value[0] == 0
        else:
            found = None
        if found is None:
            return None, False
        chars |= found
        if not empty:
            return chars, False
    return chars, True


def _class_opening(members: Any) -> set[str] | None:
    """The ASCII characters a character class (parsed) holds: its letters in both cases; None
    when it holds other than ASCII characters and digits, or is negated."""
    from re import _constants as c  # type: ignore[attr-defined]

    chars: set[str] = set()
    for member, arg in members:
        if member is c.LITERAL and arg < 128:
            chars |= _cases(arg) or set()
        elif member is c.RANGE and arg[1] < 128:
            chars.update(case for code in range(arg[0], arg[1] + 1) for case in _cases(code) or ())
        elif member is c.CATEGORY and arg is c.CATEGORY_DIGIT:
            chars.update("0123456789")  # and non-ASCII digits, which are never turned down
        else:
            return None
    return chars


def _cases(code: int) -> set[str] | None:
    """A character and its other case, which re.IGNORECASE matches alike; None for a non-ASCII
    character (some of which it matches with ASCII letters)."""
    char = chr(code)
    return {char.lower(), char.upper()} if char.isascii() else None
