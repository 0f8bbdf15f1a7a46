"""Which language a document is written in, told by its common words (rules/refs.yml `language`).

The reference grammar reads English forms ("Resolution 71 (Rev. Dubai, 2018)", "WSIS Action
Line C5"). A plan in French or Spanish ("Résolution 71 (Rév. Dubaï, 2018)", "grandes orientations
du SMSI") cites as much, but none of it is read: without a word, `trace refs` would say it cites
nothing. REF014 says why instead.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

from ..regexcache import regex

_WORD = regex(r"[^\W\d_]+")
# Every byte but an ASCII letter, as a space: in an ASCII text the words (`_WORD`) are the runs of
# letters, which `bytes.split` then gives.
_LETTERS_ONLY = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
# The same with the ASCII capitals lower-cased: the words of an ASCII text case-folded.
_LOWER_LETTERS_ONLY = bytes(ord(chr(c).lower()) if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
_ASCII_BYTES = bytes(range(128))
# Every ASCII byte but a letter as a space, every other byte (of a character outside ASCII in
# UTF-8) kept: in a text whose characters outside ASCII are all word characters (`_WORD`), the
# words are then the runs between spaces.
_ASCII_NON_LETTERS_BLANKED = bytes(c if c >= 128 or chr(c).isalpha() else 32 for c in range(256))


def language_of(texts: Iterable[str], rule: dict[str, Any]) -> str | None:
    """The language code the first `sample` characters of `texts` read as, when it is not the one
    the grammar reads and its words outnumber that one's `ratio` times (at least `min` of them);
    None otherwise, or without rules."""
    if not rule:
        return None
    words: dict[str, frozenset[str]] = rule["words"]
    sample, budget = [], int(rule["sample"])
    for text in texts:
        sample.append(text[:budget])
        budget -= len(sample[-1])
        if budget <= 0:
            break
    hits = listed_words(" ".join(sample), words)
    read = str(rule["read"])
    best = max((lang for lang in hits if lang != read), key=lambda lang: hits[lang], default=None)
    if best is None or hits[best] < int(rule["min"]) or hits[best] < float(rule["ratio"]) * hits.get(read, 0):
        return None
    return best


def listed_words(text: str, words: dict[str, frozenset[str]]) -> dict[str, int]:
    """Language -> how many of the words of `text.casefold()` (its letter runs) are that
    language's `words`. When no character outside ASCII folds to one holding a letter (an English
    text's dashes, quotes and no-break spaces), those words are the runs of ASCII letters
    lower-cased, which one byte table (letters lower-cased, all else a space) and a split give:
    str.casefold cost a quarter of the language test."""
    if _folds_to_letters(text):
        counts = Counter(letter_runs(text.casefold()))
    else:
        counts = Counter(text.encode("ascii", "replace").translate(_LOWER_LETTERS_ONLY).decode("ascii").split())
    return {lang: sum(counts[w] for w in listed) for lang, listed in words.items()}


def _folds_to_letters(text: str) -> bool:
    """Whether a character of `text` outside ASCII case-folds to a string holding a letter (most
    are letters; the combining ypogegrammeni folds to an iota)."""
    return not text.isascii() and any(_WORD.search(c.casefold()) for c in set(_outside_ascii(text)))


def _outside_ascii(text: str) -> str:
    """The characters of `text` outside ASCII, in order, told from its UTF-8 bytes with the ASCII
    ones deleted (a lone surrogate kept as its three bytes), without a scan in Python."""
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


def letter_runs(text: str) -> list[str]:
    """`_WORD.findall(text)`: the runs of letters of `text` (word characters but digits and "_":
    letters, and numbers such as "²" and "½"). The regex tests each character's
    Unicode category, a third of language_of's time on its 50,000 characters. Its words are found
    by a byte table and a split instead: the few distinct characters outside ASCII that are no
    letter (an English text's dashes, quotes and no-break spaces) are first replaced by spaces,
    then every ASCII character but a letter is; what is left between spaces is such runs (a text
    with a letter outside ASCII, "Dubaï", took the regex's way before)."""
    if text.isascii():
        return text.encode("ascii").translate(_LETTERS_ONLY).decode("ascii").split()
    for c in set(_outside_ascii(text)):
        if not _WORD.match(c):
            text = text.replace(c, " ")
    return text.encode("utf-8", "surrogatepass").translate(_ASCII_NON_LETTERS_BLANKED).decode(
        "utf-8", "surrogatepass").split()
