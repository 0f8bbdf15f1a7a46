"""Tokenising and normalising text for the diff.

Tokens are words (with inner punctuation kept, so "12,34", "16.10", "3.d", "C&I" and "ITU-D" are
one token each), runs of white space, and single other characters (a superscript digit among them); joining the tokens gives the
text back exactly. `normalise` is the formatting-blind form of a text (case, white space, leading
numbering and bullet glyphs removed): two texts with the same normal form differ in formatting only.
"""

from __future__ import annotations

import re
import unicodedata

from ..regexcache import regex
from ..text_patterns import LEADER, SUPERSCRIPTS

# A word character but a superscript digit: a note mark typed raised ("Resolution 7¹") is a
# token of its own, as `trace refs` reads it (a mark, not part of the number), so the diff of
# "7¹" and "7" is the mark alone and leaves the reference where it was.
_W = rf"[^\W{SUPERSCRIPTS}]"
TOKEN = regex(rf"{_W}+(?:[.,&'’:\-]{_W}+)*|\s+|.", re.DOTALL)
WORD = regex(rf"{_W}+(?:[.,&'’:\-]{_W}+)*")


def tokenize(text: str) -> list[str]:
    """Split `text` into word, white-space and punctuation tokens that join back to `text`."""
    return TOKEN.findall(text)


def words(text: str) -> list[str]:
    """The word tokens of `text`, case-folded (white space and punctuation dropped)."""
    return WORD.findall(text.casefold())


def leaders(text: str) -> list[str]:
    """The list numbers and bullet glyphs `text` starts with (three at most), each as LEADER
    matched it, separator included."""
    out: list[str] = []
    for _ in range(3):
        m = LEADER.match(text)
        if m is None:
            break
        out.append(m.group())
        text = text[m.end():]
    return out


def strip_leader(text: str) -> str:
    """`text` without the list numbers and bullet glyphs it starts with."""
    return text[sum(map(len, leaders(text))):]


def normalise(text: str, number: str | None = None) -> str:
    """The formatting-blind form of `text`: NFKC, no leading numbering or bullets, one space, folded.

    `number`, when given, is a section number whose occurrences are blanked, so that a heading
    whose only difference is its number normalises the same.
    """
    text = unicodedata.normalize("NFKC", text)
    if number and number in text:
        text = "".join("#" if token == number else token for token in TOKEN.findall(text))
    return " ".join(strip_leader(text).split()).casefold()
