"""What kind of difference a change is, and which kinds a report leaves out.

Two texts whose words are the same can still differ in case, white space, punctuation, list
numbering and bullets, or formatting (compatibility characters, typographic quotes and dashes,
paragraph breaks, blank table rows). `differences` names the kinds two such texts differ in; a
change is hidden when every kind it differs in is ignored. The defaults serve a secretariat
reading amendments: white space, numbering and formatting are noise a word processor produces,
while case and punctuation can change what a sentence means (Word Compare shows both).
"""

from __future__ import annotations

import unicodedata
from itertools import combinations

from ..regexcache import regex
from ..text_patterns import BULLET_GLYPHS
from .tokens import TOKEN, strip_leader
from .words import Op, runs

IGNORE_KINDS = ("case", "space", "punctuation", "numbering", "formatting")
DEFAULT_IGNORE: frozenset[str] = frozenset({"space", "numbering", "formatting"})
NOTHING: frozenset[str] = frozenset()
PREFERENCE = ("numbering", "formatting", "space", "case", "punctuation")

# How much of an edit's line on each side judges its kind of difference (kept_when_ignored).
EDIT_CONTEXT = 40
MEANINGFUL = frozenset({"case", "punctuation"})  # kinds whose difference can change what a sentence says
# Every set of kinds, in the order `differences` tries them when kinds overlap: by how many
# meaningful kinds they hold, then by size, then by PREFERENCE.
FALLBACK = sorted((frozenset(c) for size in range(1, len(PREFERENCE) + 1) for c in combinations(PREFERENCE, size)),
                  key=lambda kinds: (len(kinds & MEANINGFUL), len(kinds)))

TYPOGRAPHIC = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00ad": None})
PUNCTUATION = regex(r"[^\w\s]+")
# White space between two punctuation marks: "[Y.3133] (#)" is "[Y.3133](#)" with a space (a PDF
# line broke there), not other punctuation. Beside a word a space still counts ("add.You"), but
# for a slash (SPACED_SLASH).
SPACED_PUNCTUATION = regex(r"(?<=[^\w\s])\s+(?=[^\w\s])")
# White space beside a slash: "1,267/ 414,865" is "1,267/414,865" (a line broke after the slash,
# and a browser's print keeps no space glyph there); "and / or" is "and/or".
SPACED_SLASH = regex(r"\s*/\s*")
# Items a bullet glyph sets apart within a paragraph ("A • B • C"), which another copy sets as
# lines (a PDF whose wrapped line begins with the glyph reads it as the next item's bullet).
INLINE_BULLET = regex(rf"\s+[{BULLET_GLYPHS}]\s+")


def comparable(text: str) -> str:
    """`text` as a reader compares two quotations: typography (curly quotes, dashes, soft
    hyphens, compatibility forms), white space and case aside."""
    return _form(text, frozenset({"formatting", "space", "case"}))


def _form(text: str, kinds: frozenset[str], number: str | None = None) -> str:
    """`text` with the differences of `kinds` taken out."""
    if "formatting" in kinds:
        text = unicodedata.normalize("NFKC", text).translate(TYPOGRAPHIC)
    if "numbering" in kinds:
        if number and number in text:
            text = "".join("#" if token == number else token for token in TOKEN.findall(text))
        text = "\n".join(strip_leader(line) for line in INLINE_BULLET.sub("\n", text).split("\n"))
    if "punctuation" in kinds:
        text = PUNCTUATION.sub(" " if "space" in kinds else "", text)
    if "space" in kinds:
        text = " ".join(SPACED_SLASH.sub("/", SPACED_PUNCTUATION.sub("", text)).split())
    if "case" in kinds:
        text = text.casefold()
    return text


def differences(old: str, new: str, numbers: tuple[str | None, str | None] = (None, None)) -> frozenset[str] | None:
    """The kinds of difference between two texts that differ in nothing else, else None.

    `numbers` are section numbers blanked on each side, so a heading that only changed its number
    differs in numbering. Texts that are equal differ in formatting only (their change is in a
    paragraph break, a label or a blank row the texts do not show).
    """
    every = frozenset(IGNORE_KINDS)
    if _form(old, every, numbers[0]) != _form(new, every, numbers[1]):
        return None
    kinds = frozenset(k for k in IGNORE_KINDS if _form(old, every - {k}, numbers[0]) != _form(new, every - {k}, numbers[1]))
    if kinds and _form(old, kinds, numbers[0]) == _form(new, kinds, numbers[1]):
        return kinds
    # Kinds that overlap (a '-' bullet is punctuation too, and so is a curly quote; a bullet
    # glyph between items is numbering, or punctuation): name the likeliest, the fewest kinds that
    # change no meaning (FALLBACK's order) before case or punctuation. A bullet that became a dash
    # in a paragraph whose quotes became straight is numbering and formatting, not punctuation.
    for tried in FALLBACK:
        if _form(old, tried, numbers[0]) == _form(new, tried, numbers[1]):
            return tried
    return frozenset({"formatting"})


def parse_ignore(kinds: dict[str, bool]) -> frozenset[str]:
    """The ignored kinds from switches (kind → on/off); kinds not given keep their default."""
    return frozenset(k for k in IGNORE_KINDS if kinds.get(k, k in DEFAULT_IGNORE))


def kept_when_ignored(ops: list[Op], ignore: frozenset[str], side: str = "+") -> list[Op]:
    """`ops` with each edit that differs only in `ignore`d kinds read as kept text, the new
    side's (or with `side` "-" the old side's, for a view of the old text alone): a report shows
    the words a change changed, not a bullet glyph, typographic character or space beside them
    that the switches hide everywhere else (never a letter or digit: see _same_letters_and_digits). Each edit is judged in its line, up to EDIT_CONTEXT characters
    either side (a label is one only at the start of a line). When no edit would be left, or none
    is of ignored kinds, `ops` are returned as they are."""
    if not ignore:
        return ops
    out: list[Op] = []
    kept = False
    for i, j, deleted, inserted in runs(ops):
        if deleted is None:
            out.append(ops[i])
            continue
        before = _line_before(ops[i - 1][1], i == 1) if i else ""
        after = ops[j][1].split("\n", 1)[0][:EDIT_CONTEXT] if j < len(ops) else ""
        kinds = differences(before + deleted + after, before + inserted + after)
        if kinds is not None and kinds <= ignore and _same_letters_and_digits(deleted, inserted):
            out.append(("=", deleted if side == "-" else inserted))
            kept = True
        else:
            out.extend(ops[i:j])
    if not kept or all(op == "=" for op, _ in out):
        return ops
    joined: list[Op] = []
    for op, text in out:
        if joined and op == "=" == joined[-1][0]:
            joined[-1] = ("=", joined[-1][1] + text)
        elif text:
            joined.append((op, text))
    return joined


def _same_letters_and_digits(a: str, b: str) -> bool:
    """Whether two texts hold the same letters and digits in the same order: an edit inside a
    shown change is read as kept only then. A number at a line's start may be a list label the
    numbering switch hides, or a figure ("1.5 billion" → "2.9 billion", "2.2 - Building …" →
    "2.3 - …") that a reader must see; beside a real change it is shown."""
    return [c for c in a if c.isalnum()] == [c for c in b if c.isalnum()]


def _line_before(kept: str, at_start: bool) -> str:
    """The kept text before an edit, from its line's start (or the text's, when `at_start`), up to
    EDIT_CONTEXT characters; cut anywhere else, it starts with a letter so that no list label is
    read where the line does not start."""
    line = kept.rsplit("\n", 1)[-1]
    starts = "\n" in kept or at_start
    if starts and len(line) <= EDIT_CONTEXT:
        return line
    return "x" + line[-EDIT_CONTEXT:]
