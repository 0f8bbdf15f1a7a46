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
from collections.abc import Iterable
from itertools import combinations

from rapidfuzz.distance import Indel

from ..regexcache import regex
from ..text_patterns import BULLET_GLYPHS, SPACED_GLYPHS
from .tokens import TOKEN, leaders, strip_leader, tokenize
from .words import MAX_CELLS, Op, runs

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
# The typographic characters one for one (no soft hyphen): a text tokenised in this form has the
# token boundaries a plain-typed copy has ("2020–2023" is one token, as "2020-2023" is).
TYPOGRAPHIC_SAME_LENGTH = {k: v for k, v in TYPOGRAPHIC.items() if v is not None}
PUNCTUATION = regex(r"[^\w\s]+")
# A contents entry's leader before its page number (digits, or roman): Word's tab, which a PDF
# prints as a row of dots, underscores or hyphens ("1 Introduction<TAB>3" is "1 Introduction……3"
# printed); one form of the same text.
PAGE_LEADER = regex(r"[ \t]*(?:(?:[.…·_][ \t]*){3,}|(?:-[ \t]*){3,}|\t[ \t]*)(?=[\divxlcdmIVXLCDM]{1,8}$)")
# White space between two punctuation marks: "[Y.3133] (#)" is "[Y.3133](#)" with a space (a PDF
# line broke there), not other punctuation. Beside a word a space still counts ("add.You"), but
# for a slash (SPACED_SLASH).
SPACED_PUNCTUATION = regex(r"(?<=[^\w\s])\s+(?=[^\w\s])")
# White space beside a slash: "1,267/ 414,865" is "1,267/414,865" (a line broke after the slash,
# and a browser's print keeps no space glyph there); "and / or" is "and/or". A pattern opening
# with white space is tried only where a run of it starts, `(?<!\s)`: the leftmost match starts
# there anyway, and tried inside a long run each start read the rest of the run again. Where the
# match before took the white space, the slash alone opens one (the second alternative).
SPACED_SLASH = regex(r"(?<!\s)\s*/\s*|/\s*")
# White space in a diff where a revision is a PDF (`loose`), whose line and cell breaks put it in
# and take it out anywhere: inside a word ("radiocommunicati on"), before a comma ("Recommendations
# , reports"), after a hyphen ("el- Sheikh", "- 3.61%"), inside a URL ("ci\ _guidelines"). All of
# it but a space between two digits ("1 2" is not "12"). Between two typed texts each of these is
# an edit ("every day" made "everyday").
LOOSE_SPACE = regex(r"(?<!\d)\s+|\s+(?!\d)")
# Items a bullet glyph sets apart within a paragraph ("A • B • C"), which another copy sets as
# lines (a PDF whose wrapped line begins with the glyph reads it as the next item's bullet).
INLINE_BULLET = regex(rf"(?<!\s)\s+[{BULLET_GLYPHS}]\s+")
# What PAGE_LEADER and INLINE_BULLET cannot match without: the page number ending the text, a
# bullet glyph. Each is tried first (a scan for one character, where either pattern is tried at
# every position of the text): most texts hold neither, and `_stage` forms every text compared.
LEADER_PAGE = regex(r"[\divxlcdmIVXLCDM]$")
BULLET_GLYPH = regex(rf"[{BULLET_GLYPHS}]")
BULLET_LEADS = frozenset(SPACED_GLYPHS + ">")  # the glyphs LEADER strips, as opposed to its number labels
LABEL_END = regex(r"[\s\-–—:]+$")  # what LEADER takes after a label: its separator
# A minus sign before a number (`_signs`): after white space, an opening bracket or at the start,
# the digit right after it; where a revision is a PDF, a space a line break put after it is none.
MINUS = regex(r"(?:(?<=[\s(\[])|(?<![\s\S]))(?<!\d )[-\u2212](?=\d)")
NUMBER_START = regex(r"(?<![\d.,])\d")  # the first digit of each number (`_signs`)
LOOSE_MINUS = regex(r"(?<=[ \t\u00a0(\[])([-\u2212])\s+(?=\d)")  # not at a line's start: a bullet ("- 4 guidelines")
DASHED_END = regex(r"\s[-–—]$")  # a separator that is a spaced dash ("2.3 - Title"): a citation, not a list's label


def comparable(text: str) -> str:
    """`text` as a reader compares two quotations: typography (curly quotes, dashes, soft
    hyphens, compatibility forms), white space and case aside."""
    return _form(text, frozenset({"formatting", "space", "case"}))


def _form(text: str, kinds: frozenset[str], number: str | None = None, loose: bool = False) -> str:
    """`text` with the differences of `kinds` taken out (`loose`: a PDF's white space too)."""
    for stage in _stages(kinds):
        text = _stage(text, stage, number, loose)
    return text


# The stages of `_form`, in order: one for each kind, and punctuation's own when space is taken out too.
_STAGES = ("formatting", "numbering", "punctuation", "space", "case")


def _stages(kinds: frozenset[str]) -> tuple[str, ...]:
    """The stages `_form` applies to take out `kinds`, in order ("punctuation space": punctuation
    read as a space, since the space stage then joins what it parted)."""
    return tuple("punctuation space" if stage == "punctuation" and "space" in kinds else stage
                 for stage in _STAGES if stage in kinds)


def _stage(text: str, stage: str, number: str | None, loose: bool) -> str:
    """`text` through one stage of `_form`."""
    if stage == "formatting":
        text = unicodedata.normalize("NFKC", text).translate(TYPOGRAPHIC)
        return PAGE_LEADER.sub("\t", text) if LEADER_PAGE.search(text) else text
    if stage == "numbering":
        if number and number in text:
            text = "".join("#" if token == number else token for token in TOKEN.findall(text))
        if BULLET_GLYPH.search(text):
            text = INLINE_BULLET.sub("\n", text)
        return "\n".join(strip_leader(line) for line in text.split("\n"))
    if stage.startswith("punctuation"):
        return PUNCTUATION.sub(" " if stage == "punctuation space" else "", text)
    if stage == "space":
        text = SPACED_PUNCTUATION.sub("", text)
        if "/" in text:
            text = SPACED_SLASH.sub("/", text)
        return " ".join((LOOSE_SPACE.sub("", text) if loose else text).split())
    return text.casefold()


class _Forms:
    """`_form` of one text for the many sets of kinds `differences` tries, each stage applied once
    for the sets that share the stages before it: the sets are the whole and the whole less one
    kind, so most share their first stages (a redline of 34,000 paragraphs each changed in case
    formed every text 7 times over, its NFKC and white space passes included, a third of the diff)."""

    def __init__(self, text: str, number: str | None, loose: bool) -> None:
        self.number = number
        self.loose = loose
        self.made: dict[tuple[str, ...], str] = {(): text}

    def __call__(self, kinds: frozenset[str]) -> str:
        stages = _stages(kinds)
        done = len(stages)
        while stages[:done] not in self.made:
            done -= 1
        text = self.made[stages[:done]]
        for at in range(done, len(stages)):
            text = self.made[stages[:at + 1]] = _stage(text, stages[at], self.number, self.loose)
        return text


def differences(old: str, new: str, numbers: tuple[str | None, str | None] = (None, None),
                loose: bool = False) -> frozenset[str] | None:
    """The kinds of difference between two texts that differ in nothing else, else None.

    `numbers` are section numbers blanked on each side, so a heading that only changed its number
    differs in numbering. Texts that are equal differ in formatting only (their change is in a
    paragraph break, a label or a blank row the texts do not show). `loose`: a revision is a PDF,
    whose line and cell breaks put white space in and take it out (LOOSE_SPACE).
    """
    every = frozenset(IGNORE_KINDS)

    old_form, new_form = _Forms(old, numbers[0], loose), _Forms(new, numbers[1], loose)

    def same(kinds: frozenset[str]) -> bool:
        return old_form(kinds) == new_form(kinds)

    if not same(every):
        return None
    if old == new:  # no kind tells them apart; every kind's form is the same, numbering's too
        return frozenset({"formatting"})
    if _figure_changed(old, new) or _signs_differ(_signs(old, loose), _signs(new, loose)):
        return None
    kinds = frozenset(k for k in IGNORE_KINDS if not same(every - {k}))
    if kinds and same(kinds):
        return kinds
    # Kinds that overlap (a '-' bullet is punctuation too, and so is a curly quote; a bullet
    # glyph between items is numbering, or punctuation): name the likeliest, the fewest kinds that
    # change no meaning (FALLBACK's order) before case or punctuation. A bullet that became a dash
    # in a paragraph whose quotes became straight is numbering and formatting, not punctuation.
    for tried in FALLBACK:
        if same(tried):
            return tried
    return frozenset({"formatting"})


def _leader_parts(text: str) -> tuple[bool, str | None, bool]:
    """Whether `text` opens with a bullet glyph, the number label its leader holds (the first of
    its `leaders` that is no glyph), if any, and whether a dash parts that number from the text."""
    bulleted = False
    for lead in map(str.strip, leaders(text)):
        if lead[:1] not in BULLET_LEADS:
            return bulleted, LABEL_END.sub("", lead), DASHED_END.search(lead) is not None
        bulleted = True
    return bulleted, None, False


def _figure_changed(old: str, new: str) -> bool:
    """Whether the number after a bullet changed: "•<TAB>1.5 billion people" made "2.9 billion"
    is a figure a reader must see, which the numbering switch (it strips a number label after a
    bullet, as in "- 1.1 Now, …") would hide; so is a number a dash parts from its title, an
    output cited in a table's Outputs column ("2.3 - Disaster …" made "4.1 - Disaster …"), which
    no list numbers. A number made another with no bullet or dash is a list renumbered; a bullet
    dropped before the same number is numbering."""
    (old_bullet, old_number, old_dash), (new_bullet, new_number, new_dash) = _leader_parts(old), _leader_parts(new)
    return ((old_bullet or new_bullet or old_dash or new_dash) and None not in (old_number, new_number)
            and old_number != new_number)


def _signs(text: str, loose: bool = False) -> tuple[bool, ...]:
    """Whether each number in `text` has a minus sign, in order: "-3.61%" made "3.61%" turns a
    fall into a rise, a figure changed, not punctuation. A minus stands after white space, a
    bracket or at the start, the digit right after it (a cell's "-3.61%", "(−2%)"); a hyphen after
    a word or a number ("COVID-19", "2020-2023", "5 - 3"), a dash before a year ("Report – 2019")
    or a plus (the same value) is none. `loose`: a revision is a PDF, whose line break may follow
    the sign, except at a line's start, where "- 4 guidelines" is a list's dash the other
    revision holds as its label."""
    if loose:
        text = LOOSE_MINUS.sub(r"\1", text)
    signed = {m.end() for m in MINUS.finditer(text)}
    return tuple(m.start() in signed for m in NUMBER_START.finditer(text))


def _signs_differ(old: tuple[bool, ...], new: tuple[bool, ...]) -> bool:
    """Whether two texts' numbers differ in sign: one by one where they hold as many numbers (a
    minus moved from one to another), else in how many are negative ("1 000" is "1,000": one
    number read as two)."""
    return old != new if len(old) == len(new) else sum(old) != sum(new)


def parse_ignore(kinds: dict[str, bool]) -> frozenset[str]:
    """The ignored kinds from switches (kind → on/off); kinds not given keep their default."""
    return frozenset(k for k in IGNORE_KINDS if kinds.get(k, k in DEFAULT_IGNORE))


def kept_when_ignored(ops: list[Op], ignore: frozenset[str], side: str = "+", loose: bool = False) -> list[Op]:
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
        before = ops[i - 1][1] if i else ""
        after = ops[j][1] if j < len(ops) else ""
        if _ignorable(before, deleted, inserted, after, i <= 1, ignore, loose):
            out.append(("=", deleted if side == "-" else inserted))
            kept = True
            continue
        split = _split_run(before, deleted, inserted, after, i <= 1, ignore, side, loose)
        kept = kept or split is not None
        out.extend(split if split is not None else ops[i:j])
    if not kept or all(op == "=" for op, _ in out):
        return ops
    joined: list[Op] = []
    for op, text in out:
        if joined and op == joined[-1][0]:
            joined[-1] = (op, joined[-1][1] + text)
        elif text:
            joined.append((op, text))
    return joined


def _ignorable(before: str, deleted: str, inserted: str, after: str, at_start: bool, ignore: frozenset[str],
               loose: bool = False) -> bool:
    """Whether an edit between the texts `before` and `after` differs only in
    `ignore`d kinds, judged in its line (EDIT_CONTEXT characters each side), and keeps every
    letter and digit."""
    if not _same_letters_and_digits(deleted, inserted):
        return False
    head = _line_before(before, at_start) if before else ""
    tail = after.split("\n", 1)[0][:EDIT_CONTEXT]
    kinds = differences(head + deleted + tail, head + inserted + tail, loose=loose)
    return kinds is not None and kinds <= ignore


def _split_run(before: str, deleted: str, inserted: str, after: str, at_start: bool, ignore: frozenset[str],
               side: str, loose: bool = False) -> list[Op] | None:
    """A run of edits that changed words, with the parts of it that differ only in `ignore`d kinds
    read as kept text: a bullet glyph or a curly quote beside a changed word ("•\tproviding" made
    "-\tprovide", "” cities" made '" villages'), white space, a dash. The run's tokens are aligned
    in their typography-blind form; each pair of tokens so aligned, and the symbols and white space
    at either end of what is left between them, is judged in its line (`_ignorable`), in the new
    side's words around it and in the old side's: "Baseline:" made "2.5" leaves a colon that
    would be a label's separator after "2.5", but was punctuation after "Baseline". The rest
    stays one edit between each two parts kept, as the word diff gave it. None when no part is
    kept."""
    parts = _run_parts(deleted, inserted)
    if parts is None or len(parts) < 2:
        return None
    judged: list[tuple[tuple[str, str], bool]] = []
    for n, (old, new) in enumerate(parts):
        if old == new or (old + new).isspace() and not (old and new) or not _same_letters_and_digits(old, new):
            judged.append(((old, new), False))  # words, or the space between the words an edit adds or drops
            continue
        if old.isspace() and new.isspace() and "\n" not in old + new:
            judged.append(((old, new), "space" in ignore))  # white space for white space within a line
            continue
        if not all(_ignorable(head, old, new, tail, at_start, ignore, loose)
                   for head, tail in (_around(parts, n, on, before, after) for on in (1, 0))):
            judged.append(((old, new), False))
            continue
        text = old or new  # a glyph only one side has keeps the space before it in the edit beside
        space = text[:len(text) - len(text.lstrip())] if not (old and new) else ""
        if space:
            judged.append(((space, "") if old else ("", space), False))
        judged.append(((old[len(space):], new) if old else (old, new[len(space):]), True))
    if not any(kept for _, kept in judged):
        return None
    out: list[Op] = []
    segment: list[tuple[str, str]] = []
    for part, kept in [*judged, (("", ""), True)]:
        if not kept:
            segment.append(part)
            continue
        out.extend(_segment_ops(segment))
        segment = []
        out.append(("=", part[0] if side == "-" else part[1]))
    return out


def _around(parts: list[tuple[str, str]], n: int, on: int, before: str, after: str) -> tuple[str, str]:
    """The text before and after part `n` of a run as `_ignorable` reads it, on one side of the
    run (`on`: 0 the old side's parts, 1 the new side's) between the kept texts `before` and `after`."""
    return (_reach((parts[k][on] for k in range(n - 1, -1, -1)), before, last=True),
            _reach((parts[k][on] for k in range(n + 1, len(parts))), after, last=False))


def _reach(texts: Iterable[str], rest: str, last: bool) -> str:
    """The text next to a part of a run, as much as `_ignorable` reads of it: `texts`
    (the parts' sides, old or new, walking away from it) joined up to the first line break or past
    EDIT_CONTEXT characters, else with the kept text `rest` beyond them. `last`: the texts come
    before the part, nearest first."""
    taken: list[str] = []
    size = 0
    for text in texts:
        taken.append(text)
        size += len(text)
        if "\n" in text or size > EDIT_CONTEXT:
            break
    else:
        taken.append(rest)
    return "".join(reversed(taken)) if last else "".join(taken)


def _run_parts(deleted: str, inserted: str) -> list[tuple[str, str]] | None:
    """The two sides of a run of edits cut into aligned parts: each pair of tokens equal in their
    typography-blind, white-space-blind form, and between two such pairs what is left
    (`_edge_parts`). None for a run too long to align within the word diff's own bound (a
    replacement it gave up aligning: words.MAX_CELLS)."""
    old, new = _tokens(deleted), _tokens(inserted)
    if len(old) * len(new) > MAX_CELLS:
        return None
    parts: list[tuple[str, str]] = []
    at_old = at_new = 0
    equal = [op for op in Indel.opcodes([_blind(t) for t in old], [_blind(t) for t in new]) if op.tag == "equal"]
    for op in [*equal, None]:
        end_old, end_new = (op.src_start, op.dest_start) if op is not None else (len(old), len(new))
        parts.extend(_edge_parts(old[at_old:end_old], new[at_new:end_new]))
        if op is not None:
            parts.extend(zip(old[op.src_start:op.src_end], new[op.dest_start:op.dest_end]))
            at_old, at_new = op.src_end, op.dest_end
    return parts


def _edge_parts(left: list[str], right: list[str]) -> list[tuple[str, str]]:
    """Tokens of each side between two aligned pairs, as parts: the symbols and white space each
    side starts with, the words between, the symbols and white space each side ends with."""
    lead = _symbols(left), _symbols(right)
    trail = _symbols(left[lead[0]:][::-1]), _symbols(right[lead[1]:][::-1])
    cuts = ((0, lead[0], 0, lead[1]), (lead[0], len(left) - trail[0], lead[1], len(right) - trail[1]),
            (len(left) - trail[0], len(left), len(right) - trail[1], len(right)))
    parts = [("".join(left[a:b]), "".join(right[c:d])) for a, b, c, d in cuts]
    return [part for part in parts if part[0] or part[1]]


def _tokens(text: str) -> list[str]:
    """`text` in tokens cut where a copy with plain quotes and dashes would be cut."""
    if text.isascii():
        return tokenize(text)
    out: list[str] = []
    at = 0
    for token in tokenize(text.translate(TYPOGRAPHIC_SAME_LENGTH)):
        out.append(text[at:at + len(token)])
        at += len(token)
    return out


def _blind(token: str) -> str:
    """A token as the alignment of `_run_parts` compares it: typography aside, any white space one."""
    if token.isspace():
        return " "
    return token if token.isascii() else unicodedata.normalize("NFKC", token).translate(TYPOGRAPHIC)


def _symbols(tokens: list[str]) -> int:
    """How many of `tokens`, from the first, hold no letter or digit."""
    n = 0
    while n < len(tokens) and not any(c.isalnum() for c in tokens[n]):
        n += 1
    return n


def _segment_ops(parts: list[tuple[str, str]]) -> list[Op]:
    """Parts between two kept ones as steps: those equal at either end kept, the rest one edit."""
    lo, hi = 0, len(parts)
    while lo < hi and parts[lo][0] == parts[lo][1]:
        lo += 1
    while hi > lo and parts[hi - 1][0] == parts[hi - 1][1]:
        hi -= 1
    old = "".join(p[0] for p in parts[lo:hi])
    new = "".join(p[1] for p in parts[lo:hi])
    return [("=", "".join(p[0] for p in parts[:lo])), ("-", old), ("+", new), ("=", "".join(p[0] for p in parts[hi:]))]


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
