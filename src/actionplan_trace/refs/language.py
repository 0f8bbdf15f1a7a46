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
    counts = Counter(_WORD.findall(" ".join(sample).casefold()))
    hits = {lang: sum(counts[w] for w in listed) for lang, listed in words.items()}
    read = str(rule["read"])
    best = max((lang for lang in hits if lang != read), key=lambda lang: hits[lang], default=None)
    if best is None or hits[best] < int(rule["min"]) or hits[best] < float(rule["ratio"]) * hits.get(read, 0):
        return None
    return best
