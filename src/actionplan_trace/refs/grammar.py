"""Find and parse reference spans in one text: the tokenise/extract half of the normaliser.

Each kind of reference has an *anchor* (a keyword that starts it: "PP Resolutions", "UN SDGs:",
"WSIS Action Lines", "Goal", "Regional Initiatives (", "SG 2 Q3" …) and a *list parser* that
consumes what follows: numbers separated by commas, "and", "&" or a bare space ("10 11"),
ranges ("9-11"), revision qualifiers ("(Rev. Dubai, 2014)", applying to the numbers since the
previous qualifier), parenthesised SDG targets ("1 (targets 1.4, 1.5)"). An anchor starts with a
plain keyword so the regex engine can scan fast; an optional prefix ("PP " before "Resolutions",
"ITU Strategic " before "Goal") is looked for just before it. A substring scan first decides which
anchors can occur in the text at all. Anchors are then taken left to right; an anchor inside a
span already read is skipped.

The output is a list of `Cite`s: raw spans with what the words say (organ as written, numbers,
revisions). `resolve.py` turns them into canonical ids with the help of context and registry.
Every pattern is compiled once at import (the region alternation once per registry).
"""

from __future__ import annotations

import bisect
import operator
import re
from os.path import commonprefix
from functools import lru_cache, partial
from typing import Callable, Iterable

from ..patternscan import ONTO_ASCII, matches_at, starts_of
from ..record import field, record
from ..regexcache import regex
from .types import Rev

_I = re.IGNORECASE

SEP = r"(?:\s*(?:,\s*(?:and\s+|&\s*)?|&|\band\b|\bor\b|;)\s*)"
_SEP = regex(SEP, _I)
_SPACE_SEP = regex(r"[ \u00a0]{1,2}(?:\n[ \u00a0]*)?|[ \u00a0]*\n[ \u00a0]*")
SPACES = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                   "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
"""Every character `\\s` matches in a str pattern (and str.isspace tells), written out so that one set
test tells it (tests/test_gram_openings.py holds it to the regex's own)."""


def opening(chars: str) -> frozenset[str]:
    """The characters at a place where a pattern that opens with whitespace (optional or not) or
    one of `chars` can match: a slice and a set test of the character there (some 0.5 K instructions)
    turn most places down before the regex is tried (a failed `match` costs 1.5 to 8 K: its call
    alone some 1.4 K). A list parser tries a dozen such patterns after each number, most of which
    fail at once on what follows it (", ", ")", "."). tests/test_gram_openings.py holds each set
    to its pattern."""
    return SPACES | frozenset(chars)

RANGE_WORDS = ("to", "through")
"""The words that join the two ends of a range as a dash does: "Resolutions 30 to 33", "Objectives
1 through 3". ("thru" is not written in ITU documents.)"""
_DASH = rf"(?:-|–|—|\b(?:{'|'.join(RANGE_WORDS)})\b)"

ORGAN = (
    r"(?:PP(?:-\d\d)?|Plenipotentiary(?:\s+Conference)?|WTDC(?:-\d\d)?|WTSA(?:-\d\d)?|WRC(?:-\d\d)?"
    r"|RA(?:-\d\d)?|ITU\s+Council|Council|C\d\d|ITU-[DTR])"  # every alternative starts with a literal
)
_ORGAN_WORD = regex(
    r"\b(?:PP|Plenipotentiary|WTDC|WTSA|WRC|RA|Council|World\s+Telecommunication\s+Development\s+Conference"
    r"|World\s+Telecommunication\s+Standardization\s+Assembly|World\s+Radiocommunication\s+Conference"
    r"|Radiocommunication\s+Assembly)\b(?:-\d\d)?"
)

_ORGAN_PREFIX = regex(rf"\b(?P<organ>{ORGAN})(?:['’]s)?\s*\[?\s*\Z")
# Anchors spell a capitalised first letter out ("Objective|objective", not "[Oo]bjective") so that
# each alternative starts with a literal: the regex engine then skips from one possible first
# letter to the next instead of trying every position (see _locator).
_RES_WORD = r"(?:ESOLUTIONS?|esolutions?|es\b\.?|ecommendations?|ecs?\b\.?)"  # after R or r
# Every match leaves "decision" or a word _RES_KEYWORD finds in the lower-cased text, which is all
# `triggers` looks for to try this anchor: a form added here needs its word there too.
_RES_ANCHOR = regex(
    rf"\b(?P<kind>R{_RES_WORD}|r{_RES_WORD}|Decisions?|decisions?)"
    r"(?:(?<=\.)|(?=[\s\[]))(?=\s*(?:Nos?\.?\s*)?\[?\s*(?:\d|ITU-[DTR]\s*(?:[A-Z]\.)?\d))"
)
_RES_ITEM = regex(
    r"\s*(?P<no>Nos?\.?\s*)?\[?\s*(?:(?P<sector>ITU-[DTR])\s*)?"
    r"(?P<num>[A-Z]\.\d+(?:\.\d+)*|\d{1,4})(?![\d])(?!\.\d)(?![A-Za-z])"
    rf"(?:\s*{_DASH}\s*(?P<to>\d{{1,4}})(?!\d)(?!\.\d))?\]?(?:\(#\))?",
)
_QUAL = regex(
    r"\s*\\?\(\s*(?:(?P<rev>Rev(?:ised)?\.?|Modified|Mod\.)\s*)?"
    r"(?:(?P<conf>(?:PP|WTDC|WTSA|WRC|RA)-\d\d)|(?P<council>Council|C)\s*(?P<cyear>(?:19|20)\d\d)"
    r"|(?:(?P<place>[A-Z][\w'’.\-]*(?:\s+[\w'’.\-]+){0,3}?)\s*,?\s*)?(?P<year>(?:19|20)\d\d))\s*\\?\)"
    r"|\s*[–—-]\s*(?P<dplace>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),?\s+(?P<dyear>(?:19|20)\d\d)\b"
)
_ORGAN_SUFFIX = regex(  # "Resolutions 30 and 37 of WTDC", "… adopted by the Plenipotentiary", "… (WTDC)"
    r"(?:\s+(?i:of|at|by|adopted\s+by(?:\s+the)?|of\s+the|at\s+the|by\s+the)\s+(?:ITU\s+)?|\s*(?P<paren>\(\s*))"
    r"(?P<organ>(?i:Plenipotentiary(?:\s+Conference)?)|PP(?:-\d\d)?|WTDC(?:-\d\d)?|WTSA(?:-\d\d)?"
    r"|WRC(?:-\d\d)?|RA(?:-\d\d)?|Council"
    r"|(?i:World\s+Telecommunication\s+Development\s+Conference|World\s+Telecommunication\s+Standardization"
    r"\s+Assembly|World\s+Radiocommunication\s+Conference|Radiocommunication\s+Assembly))"
    r"(?(paren)\s*\))"
)
_QUAL_OPENS = opening("\\(–—-")
_PAREN_OPENS = opening("(")  # _ORGAN_SUFFIX's, _ASIDE's


def _qualifier_at(text: str, pos: int) -> re.Match[str] | None:
    """`_QUAL.match(text, pos)`, tried only where the character at `pos` can open it (see `opening`)."""
    return _QUAL.match(text, pos) if text[pos:pos + 1] in _QUAL_OPENS else None


def _organ_suffix_at(text: str, pos: int) -> re.Match[str] | None:
    """`_ORGAN_SUFFIX.match(text, pos)`, tried only where the character at `pos` can open it."""
    return _ORGAN_SUFFIX.match(text, pos) if text[pos:pos + 1] in _PAREN_OPENS else None


_REC_NUMBER = regex(r"(?P<num>[A-Z]{1,3}\.\d+(?:\.\d+)*)(?![\d.]?\d)")
# "ITU-T Y.4409", "ITU-T Recommendation(s) Y.4409 (and Y.4000)", "ITU-R BT.2100"; not "Report ITU-R BT.2447"
_AFTER_REPORT = regex(r"\b[Rr]eports?\s+\Z")
_ITU_REC = regex(r"\b(?P<sector>ITU-[TR])\s+(?:(?i:Recommendations?\s+|Rec\.\s*))?(?P<num>[A-Z]{1,3}\.\d+(?:\.\d+)*)(?![\d.]?\d)")

# "SDG 4", "SDG target 4.4", in any case apart from its number ("sdg 4", "Sdgs 3 and 5"), and
# written solid in capitals, "SDG4", "SDG16.2" (not "SDG4Youth", a name; not "sdg4", a file's
# name or a tag's, "#sdg4")
_SDG_ANCHOR = regex(r"\b(?:(?i:SDGs?)\b\s*(?:[Tt]argets?|[Gg]oals?)?\s*:?\s*(?=\d)|SDGs?(?=\d+(?:\.\w+)?(?![A-Za-z_])))")
_SDG_LONG_ANCHOR = regex(r"\b[Ss]ustainable\s+[Dd]evelopment\s+[Gg]oals?\s*(?:\(\s*SDGs?\s*\)\s*)?:?\s*(?=\d)")
_SDG_AGENDA = regex(
    r"\b[Gg]oals?\s+(?P<n>\d{1,2})\s+of\s+the\s+(?:UN\s+)?2030\s+Agenda"
    r"(?:\s+for\s+Sustainable\s+Development(?:\s+Goals)?)?"
)
_GOAL_ITEM = regex(r"\s*(?P<g>\d{1,2})(?![\d]|\.\d|\.?[a-z]\b)")
_TARGET_ITEM = regex(  # "9.1", "9.c", "9 . c", "9.C", "9c", "9(c)"
    r"\s*(?P<g>\d{1,2})(?:\s?\.\s?(?P<t>\d{1,2}|[a-z](?!\w))|\.(?P<u>[A-Z])(?!\w)|(?P<l>[a-z](?!\w))|\((?P<p>[a-z])\))"
    r"(?![\w.]\w|\d)"
)
# A Connect 2030 target of the 2020-2023 Strategic Plan lettered after its number ("Target 2.1.A",
# "2.2.B"): no SDG target is written so, so it is ITU's.
_ITU_LETTERED_TARGET = regex(r"\s*(?P<g>\d{1,2})\.(?P<t>\d{1,2})\.(?P<x>[A-Z])(?![\w.]\w|\d)")
# "9 c" inside a list of targets ("targets 9.C, 9 c"): a lettered target written with a space, only
# where the list goes on or ends after it (elsewhere "9 a" may be a number and an article).
_SPACED_TARGET = regex(r"\s*(?P<g>\d{1,2}) (?P<l>[a-z])(?=\s*(?:[,;)]|and\b|or\b|$))")
_LETTER_ITEM = regex(r"\s*(?P<l>[a-z])(?!\w|\.\w)")
_TARGETS_PAREN = regex(r"\s*,?\s*\(\s*(?i:targets?)\s*:?\s*")
_TARGETS_WORD = regex(r"\s*,?\s*[Tt]argets?\s*:?\s*")
_LIST_END = regex(r"\s*(?:[,;:).]|and\b|or\b|$)")
_RANGE_TO = regex(rf"\s*{_DASH}\s*(?:(?P<g>\d{{1,2}})\s?\.\s?)?(?P<to>\d{{1,2}}|[a-z](?!\w))(?![\w.]?\d)")
"""The end of a range after a goal or a target: "1 to 5", "1-5", "17.6-17.8", "9.a–9.c", "17.6–8"."""
SDG_GOALS = 17
ITU_GOALS_MOST = 10
"""The highest goal number a range of SDGs, or of ITU strategic goals, may end at: past it the
second number is no goal ("SDG 16-2030"), and the range is read as its first goal alone."""


def _range_to(text: str, pos: int) -> re.Match[str] | None:
    """The end of a range written at `pos` (`_RANGE_TO`), looked for only where `_opens_range`
    finds a mark; matched once for `_range_end` and, when it spells out no range, for
    `_goals_unexpanded` or the range of targets it may still be (`_target_range`)."""
    return _RANGE_TO.match(text, pos) if _opens_range(text, pos) else None


def _range_end(text: str, m: re.Match[str] | None, lo: str, most: int,
               goal: int | None = None) -> tuple[list[str], int] | None:
    """The numbers after `lo` up to the end of a range `m` (`_range_to`: "-5", " to 5", "-17.8"
    after a target of `goal`), and where it ends; None when none is written there, or it runs
    backwards, past `most`, mixes digits and letters, or names another goal."""
    if m is None or (m.group("g") is not None and (goal is None or int(m.group("g")) != goal)):
        return None
    to = m.group("to")
    if to.isdigit() and counted_after(text, m.end()):
        return None  # "SDG 5 – 10 %", "SDGs 4-5 years": the number after the dash counts something
    if lo.isdigit() and to.isdigit() and int(lo) < int(to) <= most:
        return [str(n) for n in range(int(lo) + 1, int(to) + 1)], m.end()
    if lo.isalpha() and to.isalpha() and lo < to:
        return [chr(c) for c in range(ord(lo) + 1, ord(to) + 1)], m.end()
    return None


def _goals_unexpanded(text: str, m: re.Match[str] | None, goal: re.Match[str], most: int) -> Item | None:
    """The end of a range of goals after `goal` (`m`: `_range_to` where it ends) that `_range_end` does not
    spell out, as an `unexpanded` item: one that runs backwards ("Goals 5 to 3") or past `most`
    ("SDGs 1 to 20"); None when no range of goals is written there ("SDG 16-2030", "SDG 9 –
    a", "SDG 16 - 10 %", "SDG 3 – 20 countries", "SDG 3 – 20 Countries")."""
    if m is None or m.group("g") is not None or not m.group("to").isdigit() or counted_after(text, m.end(), titled=True):
        return None
    lo, hi = int(goal.group("g")), int(m.group("to"))
    why = ("the range runs backwards and is not expanded" if hi < lo
           else f"the range runs past goal {most} and is not expanded" if hi > most else None)
    return None if why is None else unexpanded(str(hi), goal.start("g"), m.end(), goal.group("g"), why, goal=hi)


def _target_range(text: str, t: re.Match[str], goal: int, suffix: str | None) -> tuple[list[Item], int]:
    """The targets a range after target `t` (numbered `suffix`) adds ("17.6-17.8": 17.7 and
    17.8), and where it ends (`t.end()` when no range is written). A range whose end names its
    goal but that numbers alone do not spell out ("9.1 to 9.c": numbered to lettered; "9.c-9.a",
    "9.1-17.8": backwards, across goals) is its end `Item` with `range_from`: the resolver fills
    it in by the registry's order of the goal's targets, or reports it read as its first."""
    if suffix is None:
        return [], t.end()
    m = _range_to(text, t.end())
    found = _range_end(text, m, suffix, 99, goal)
    if found is not None:
        more, end = found
        return [Item(f"{goal}.{n}", t.start("g"), end, goal=goal) for n in more], end
    if m is None or m.group("g") is None or counted_after(text, m.end()):
        return [], t.end()  # "targets 1.2-3.4 million": amounts, no range
    last = int(m.group("g"))
    return [Item(f"{last}.{m.group('to')}", t.start("g"), m.end(), goal=last, range_from=f"{goal}.{suffix}")], m.end()


def _opens_range(text: str, pos: int) -> bool:
    """Whether a dash or a range word ("to", "through": their first two letters) stands in the
    four characters from `pos`, at once or after a space (a cheap test before `_RANGE_TO`): one
    search bounded there, a quarter of the time of a slice and a test for each mark."""
    return _RANGE_MARK.search(text, pos, pos + 4) is not None


_RANGE_MARK = regex("|".join(map(re.escape, ("-", "–", "—", *(word[:2] for word in RANGE_WORDS)))))
_AMOUNT = regex(r"\s*(?:%|‰|-?(?i:per\s*cent|percent|thousands?|millions?|billions?|trillions?|mn|bn|mln|bln"
                r"|[kmg]bit|[kmg]bps|[kmg]hz)\b|-?[mkMK](?![\w&/.\-–—]|\s+&))")
"""What after a number makes it an amount: "targets 1.2 million households", "4.5 mn", "1.2M",
"9.5 Mbit/s", "10.5 Mbps" are no SDG targets; an amount ends a list of targets (`_target_list`,
`parse_sdg_list`). Only a number can be one ("target 13.a USD 100 billion" is 13.a), and a goal
is never taken for one ("SDG 9 CHF 3.2 million"). A lone M or K is one unless a word goes on from
it ("M&E", "M & E", "K-12", "K–12", "M/F", "K."); "TB", "GB", "EUR", "km" and "times" are not
(tuberculosis, a country, the ITU region, knowledge management, "SDG 16 Times of crisis")."""

_AMOUNT_OPENS = opening("%‰-pPtTmMbBkKgG\u212a")
"""What `_AMOUNT` opens with past its whitespace ("\u212a", the Kelvin sign, is a "k" to the
case-insensitive words), and whitespace, which `_COUNT` and `_COUNT_TITLED` open with."""


_NOT_COUNTED = "targets|goals|indicators|towards|afterwards|always|perhaps|whereas|besides|sometimes"
_COUNTED_NOUNS = ("people|women|men|children|girls|percentage|persons|countries|regions|sectors|states|economies"
                  "|cities|members|administrations|participants|delegates|experts|students|schools|universities"
                  "|institutions|organi[sz]ations|agencies|partners|operators|companies|households|users"
                  "|communities|municipalities|territories|projects|workshops|events|years|months|weeks|days")
_COUNT = regex(
    rf"\s+(?:(?i:{_COUNTED_NOUNS})\b|Member\s+States\b"
    rf"|(?!(?:{_NOT_COUNTED})\b)[a-z]{{2,}}[^\W\dA-Zsu_]s\b)"
)
"""What after a number makes it a count of something: a plural noun in lower case ("20 countries",
"5 years"; not a word ending in "ss" or "us", "3-5 address", and not what may follow a range of
goals: "SDGs 1-17 targets", "SDGs 3-5 towards …"; a capital may open a heading's word, "SDGs 3-5
Highlights"), "Member States", or, in any case, a noun of what documents count (`_COUNTED_NOUNS`:
"12 people", "SDG 5 – 12 Regions", "3 SECTORS")."""
_COUNT_TITLED = regex(rf"\s+(?!(?i:{_NOT_COUNTED})\b)[A-Z][a-z]+[^\W\dA-Zsu_]s\b")
"""A plural noun with a capital ("20 Countries", "25 Years"): a count after a number that can end
no range (`counted_after`'s `titled`)."""


def counted_after(text: str, pos: int, titled: bool = False) -> bool:
    """Whether the number that ends at `pos`, after a dash or a range word, is an amount or a
    count ("SDG 5 – 10 %", "SDG 3 – 20 countries", "SDGs 4-5 years", "Resolution 64 – 10 per
    cent"), so that no range ends there: the number before the dash stands alone. With `titled`
    (the number can end no range: past the last goal, or before the first number), a plural with a
    capital counts too: "SDG 3 – 20 Countries", where "SDGs 3-5 Highlights" is a range."""
    if text[pos:pos + 1] not in _AMOUNT_OPENS:  # (a count opens with whitespace, as an amount may)
        return False
    return (_AMOUNT.match(text, pos) is not None or _COUNT.match(text, pos) is not None
            or (titled and _COUNT_TITLED.match(text, pos) is not None))


def _amount_after(text: str, item: re.Match[str], suffix: str | None) -> bool:
    """Whether the numbered target `item` (its letter or number `suffix`) is an amount's number."""
    at = item.end()
    return (suffix is not None and suffix.isdigit() and text[at:at + 1] in _AMOUNT_OPENS
            and _AMOUNT.match(text, at) is not None)


_CLOSE = regex(r"\s*\)")
# A short aside in brackets after a list's item ("9.c (universal access)"), and a code in it that
# may be a regional initiative's ("(AFR 1)"), which keeps the aside from being passed over.
_ASIDE = regex(r"\s*\([^()\n]{1,80}\)")
_REGION_LIKE = regex(r"\b[A-Z]{3}\s?-?\d")
_OPEN_PAREN = regex(r" ?\(\s*")
_TARGET_WORD = regex(r"\b[Tt]argets?\s+(?=\d{1,2}\s?\.?\s?(?:\d{1,2}|[a-z])\b|\d{1,2}\.[A-Z]\b)")
_SDG_FIELD_TARGET = regex(
    r"(?<![\w.$])(?P<g>\d{1,2})\.(?P<t>\d{1,2}|[a-z])(?![\w.]\w)(?=\s*[:,;.)]|\s+[A-Z\d(]|\s*$)"
)
_SDG_FIELD_GOAL = regex(r"\b(?:SDGs?|Goals?)\s*(?P<g>\d{1,2})(?![\d.]|\.\w)", _I)
_SDG_FIELD_LIST = regex(
    r"\s*(?:\d{1,2}(?:\.(?:\d{1,2}|[a-z]))?(?:\s*[,;]\s*|\s+and\s+|\s+|\s*$))+[.\s]*", _I
)
# The words an SDG column may set before its numbers ("Goals 1, 3 and 4", "SDG 4 (4.4), Goal 9
# (9.c)"), read as spaces; and what may follow its list: a goal's name ("9 (Industry, innovation
# and infrastructure)", "Goal 9: Industry, …"), with no number in it.
_SDG_FIELD_WORD = regex(r"\b(?:SDGs?|Goals?|Targets?)\b(?=\s*:?\s*\d)", _I)
_SDG_FIELD_REST = regex(r"\s*(?:\([^()\d]*\)|:[^\d]*)?[\s.;,]*")

_GOAL_ANCHOR = regex(r"\b[Gg]oals?\s+(?=\d{1,2}(?!\d|\.\d))")
_GOAL_PREFIX = regex(
    r"(?P<itu>\bITU(?:[’']s)?\s+(?:[Ss]trategic\s+|Connect\s+20[23]0\s+)?|\b[Ss]trategic\s+|\bConnect\s+20[23]0\s+)\Z"
)

_WSIS_ANCHOR = regex(
    r"\b(?:Action\s+[Ll]ines?|action\s+[Ll]ines?|ACTION\s+LINES?|ALs?|WSIS)(?P<open>\s*\(\s*|\s*:\s*|\s+)(?=[Cc](?:\s|\.\s?)?\d)"
)
_WSIS_PREFIX = regex(r"\bWSIS\s+\Z")
_WSIS_ITEM = regex(rf"\s*[Cc](?:\s|\.\s?)?(?P<n>\d{{1,2}})(?:\s*{_DASH}\s*[Cc](?:\s|\.\s?)?(?P<to>\d{{1,2}}))?(?![\d\w])")
_WSIS_BARE = regex(r"(?<![\w-])(?=C\d{1,2}(?![\w]))")
# One of action line C7's strands after "C7": "C7 e-health", "C7 (E-Agriculture)", "C7: e-science".
def names_c7_strand(text: str) -> bool:
    """Whether `text` writes action line C7 with one of its strands ("C7 e-health", "C7
    (e-agriculture)"): WSIS's, whether or not the text says WSIS."""
    at = text.find("C7")
    while at >= 0:
        if _C7_STRAND.match(text, at + 2) is not None and not text[at - 1:at].isalnum():
            return True
        at = text.find("C7", at + 2)
    return False


_C7_STRAND = regex(r"\s*(?:[:–—-]\s*|\(\s*)?(?P<strand>[Ee][-‐‑]?(?i:government|business|learning|health|employment"
                   r"|environment|agriculture|science))(?![\w-])\s*\)?")

_SECTOR_ANCHOR = regex(
    r"\b(?P<kind>Objective|objective|Priority|priority)\s+(?P<n>\d{1,2})(?![\d.])"
    r"(?:\s*[/,]?\s*(?P<sub>[Oo]utput|[Oo]utcome)[\s_]*(?P<m>\d{1,2}\.\d{1,2}))?"
    r"(?:\s*\((?:[A-Z][\w ]*)?Action\s+Plan\))?"
)
_PLAN_NAMES = r"Buenos\s+Aires|Kigali|Baku|Dubai|Hyderabad|Doha"  # the Action Plans named by their city
_SECTOR_PREFIX = regex(
    rf"(?:(?P<sector>\bITU-[DTR])|\b(?P<plan>{_PLAN_NAMES})\s+Action\s+Plan)\s+\Z"
)
_BARE_SECTOR_ANCHOR = regex(
    r"\b(?P<kind>Objective|objective|Priority|priority|Output|output|Outcome|outcome)s?\s+(?=\d)")
_PLANS = rf"(?:{_PLAN_NAMES})\s+Action\s+Plan"
_PLAN_SUFFIX = regex(
    rf"\s*\(\s*(?:the\s+)?{_PLANS}\s*\)"
    rf"|\s+(?:of|in|under)\s+(?:the\s+)?{_PLANS}\b"
    rf"|\s+(?:of|in|under)\s+(?:ITU-D\s+)?(?:Objective|Priority)\s+\d{{1,2}}(?![\d.])"
    rf"(?:\s*\(\s*(?:the\s+)?{_PLANS}\s*\)|\s+(?:of|in)\s+(?:the\s+)?{_PLANS}\b)"
)
"""An Action Plan named after a list of outputs, outcomes or objectives, which makes them ITU-D's in
any document: "Output 1.1 of the Kigali Action Plan", "Outputs 2.1 and 2.2 of Objective 2 (Buenos
Aires Action Plan)" (the objective, which the outputs' numbers name, is part of the cite's words)."""
_OBJ_ITEM = regex(r"\s*(?P<n>\d{1,2})(?![\d]|\.\d)")
_OUT_ITEM = regex(r"\s*(?P<n>\d{1,2}\.\d{1,2})(?![\d]|\.\d)")

_RI_ANCHOR = regex(r"\b[Rr]egional\s+[Ii]nitiatives?\s*:?\s*(?=\()")
_RI_PAREN = regex(r"\(\s*(?=[A-Z]{3}\s?-?\d)")
_RI_ITEM = regex(r"\s*(?P<code>[A-Z]{3})\s?-?(?P<n>\d{1,2})(?!\d)")
_RI_RANGE = regex(rf"\s*{_DASH}\s*(?:(?P<code>[A-Z]{{3}})\s?-?)?(?P<to>\d{{1,2}})(?!\d)")
"""The end of a range of initiatives: "ARB1-ARB5", "ARB1 to 5" (a range spans one region)."""
_RI_SEP = regex(r"\s*[,;]\s*|\s+and\s+|\s+")

_QUESTION = regex(
    r"\b(?:SG|Study\s+[Gg]roup|study\s+[Gg]roup)\s*(?P<sg>\d{1,2})(?!\d)\s*,?\s*\[?(?:[Qq]uestion|Q)\s*-?\s*(?P<q>\d{1,2})"
    r"(?:/(?P=sg))?(?![\d/])\]?"  # "Study Group 1, Question 3/2" is SG1 and Question 3 of SG2
)
_QUESTION_SLASH = regex(r"\b(?:[Qq]uestions?\s*(?:(?P<sector>ITU-[DTR])\s+)?|Q\s*[-.]?\s*)(?P<q>\d{1,3})\s*/\s*(?P<sg>\d{1,2})(?![\d/])")
"""A Question by its number and study group's: "Question 3/2", "Q-3/2", and ITU-R's own form,
the sector after the word and three digits ("Question ITU-R 241/1")."""
_QUESTION_ITEM = regex(r"(?:Q\s*[-.]?\s*)?(?P<q>\d{1,3})\s*/\s*(?P<sg>\d{1,2})(?![\d/])")  # the next of a list
_QUESTION_RANGE = regex(rf"\s*{_DASH}\s*(?:Q\s*[-.]?\s*)?(?P<q>\d{{1,3}})\s*/\s*(?P<sg>\d{{1,2}})(?![\d/])")
"""The end of a range of Questions: "1/1 to 7/1", "Q1/2-Q4/2"."""
RANGE_MOST = 20
"""How far past its first number a range of Questions, study groups, objectives or outputs may
end: a longer one ("Questions 1/1 to 99/1") is read as its first number, with a REF008
(`unexpanded`)."""
_SECTOR_PREFIX_SG = regex(r"\b(?P<sector>ITU-[DTR])\s+(?:[Ss]tudy\s+[Gg]roup\s+)?\Z")
_STUDY_GROUP = regex(r"\b(?:SGs?|Study\s+[Gg]roups?|study\s+[Gg]roups?)\s*(?=\d)")
_SG_ITEM = regex(r"\s*(?:SG\s*)?(?P<n>\d{1,2})(?!\d|\.\w)(?!RG\b|\s+[Rr]egional\s+[Gg]roups?\b)")
"""One study group of a list: "2." ends a sentence, "2.1" and "2.a" are no group. A study group's
regional group ("SG2RG-AMR", "SG11RG-AFR", "Study Group 2 Regional Group for the Americas") is a
body of its own, which no id names: no reference to the study group (README)."""

_BLANKET = regex(
    r"\b[Aa]ll\s+(?:the\s+)?(?:relevant\s+)?(?:(?P<organ>PP|WTDC|WTSA|ITU)\s+)?"
    r"(?P<what>(?i:resolutions|WSIS\s+action\s+lines|action\s+lines|SDGs|sustainable\s+development\s+goals))\b"
)
# Its resolution words, as _RES_ANCHOR's, are among what _RES_KEYWORD and "decision" find (see there).
_REFERENCE_LIKE = regex(
    r"\b(?:(?i:resolutions?|decisions?|recommendations?)|Res\.?|SDGs?|(?i:action\s+lines?))"
    r"(?:(?<=\.)|[\s#(\[])\s*(?:Nos?\.?\s*)?[#(\[]?\s*\d"
)


@record(slots=True)
class Item:
    """One number of a list as written, with its revision and optional sub-numbers (SDG targets)."""

    number: str
    start: int
    end: int
    rev: Rev | None = None
    sector: str | None = None
    goal: int | None = None
    targets: list["Item"] = field(default_factory=list)
    range_from: str | None = None  # the first target of a range this item ends (see _target_range)
    range_why: str | None = None  # why the range this item ends is not spelled out (see unexpanded)
    organ: str | None = None  # the organ the list names for it after it or a number before ("9, 10 (WTDC), 71 (PP)")


@record(slots=True)
class Cite:
    """A parsed span before resolution: kind of reference, organ/sector words, items (none for
    the ITEMLESS_KINDS)."""

    kind: str
    start: int
    end: int
    items: list[Item] = field(default_factory=list)
    organ: str | None = None
    organ_after: str | None = None
    sector: str | None = None
    word: str | None = None
    explicit: bool = False


def unexpanded(number: str, start: int, end: int, first: str, why: str, sector: str | None = None,
               goal: int | None = None) -> Item:
    """The end of a range written but not spelled out ("Resolutions 30 to 99", "C5 to C3",
    "Y.3172 to Y.3175"): an `Item` that names the range's first number as written (`first`) and
    `why`. The resolver reads such a range as its first number alone and says so in a REF008, as
    it does for a range of SDG targets the registry cannot spell out (Resolver.spread)."""
    return Item(number, start, end, sector=sector, goal=goal, range_from=first, range_why=why)


def range_why(lo: int, hi: int, most: int, what: str = "numbers") -> str | None:
    """Why a range of numbers from `lo` to `hi` is not spelled out: it runs backwards, or its end
    is more than `most` past its start (a cap that keeps a year or a typo from becoming a long
    list); None when it may be."""
    if hi < lo:
        return "the range runs backwards and is not expanded"
    if hi - lo > most:
        return f"the range is longer than {most} {what} and is not expanded"
    return None


ITEMLESS_KINDS = frozenset({"blanket", "other-body", "no-reference"})
"""Cites kept with no items: a blanket reference ("all WTDC resolutions"), another body's
resolution (`_other_body`) and words that only look like a reference ("resolution 1920x1080",
`_COUNTED`), each covering its words so that nothing reads them again."""


def _sep_then(pattern: re.Pattern[str], text: str, pos: int, allow_space: bool) -> tuple[re.Match[str], int] | None:
    """A separator at `pos`, or after a short aside there that names no reference (`_past_aside`:
    "C2 (Infrastructure), C5"), followed by an item; returns the item match and where it starts
    (None if no item follows)."""
    found = _item_after(pattern, text, pos, allow_space)
    if found is None and (at := _past_aside(text, pos)) > pos:
        found = _item_after(pattern, text, at, allow_space)
    return found


def _item_after(pattern: re.Pattern[str], text: str, pos: int, allow_space: bool) -> tuple[re.Match[str], int] | None:
    """A separator right at `pos` followed by an item (see _sep_then)."""
    s = _SEP.match(text, pos)
    if s and s.end() > pos:
        m = pattern.match(text, s.end())
        if m:
            return m, s.end()
    if allow_space:
        s = _SPACE_SEP.match(text, pos)
        if s and s.end() > pos:
            m = pattern.match(text, s.end())
            if m:
                return m, s.end()
    return None


def _qualifier(m: re.Match[str]) -> Rev:
    text = m.group(0).strip()
    if m.group("conf"):
        code = m.group("conf")
        return Rev(None, _year(code.split("-")[1]), text)
    if m.group("cyear"):
        return Rev(None, int(m.group("cyear")), text)
    if m.group("dyear"):
        return Rev(m.group("dplace"), int(m.group("dyear")), text)
    place = m.group("place")
    return Rev(" ".join(place.split()) if place else None, int(m.group("year")), text)


def _year(two: str) -> int:
    n = int(two)
    return 2000 + n if n < 50 else 1900 + n


@record(slots=True)
class Hit:
    """An anchor match, its start moved back over an optional prefix match ("PP " before
    "Resolutions"), whose named groups are `pre`."""

    m: re.Match[str]
    start: int
    pre: dict[str, str | None] | None = None

    def group(self, name: str) -> str | None:
        """The named group of the prefix when it matched there, else of the anchor (None if neither has it)."""
        if self.pre is not None and (value := self.pre.get(name)) is not None:
            return value
        m = self.m
        return m.group(name) if name in m.re.groupindex else None


_OTHER_COUNCIL = regex(r"\b(?:Security|Human\s+Rights|Economic\s+and\s+Social|Trusteeship|European|Executive)\s+\Z")
"""What before "Council" makes it another body's ("Security Council resolution 2341 (2017)",
"Human Rights Council resolution 32/13"): its resolutions share no numbering with those of ITU's
Council, which are numbered from 1,000 on, so such a cite is no ITU reference (`_other_body`)."""
_UN_NUMBER = regex(r"\s*/\s*\d{1,4}\b")
"""The session part of a United Nations number ("70/125", "32/13", "2006/46"), which no ITU
resolution or decision has."""
def _other_body(text: str, hit: Hit, cite: Cite) -> Cite | None:
    """The span of `cite` as an "other-body" cite (no items) when the resolution or decision it
    reads is another body's: numbered as the United Nations number theirs (`_UN_NUMBER` after
    the first number: "ECOSOC Resolution 2006/46", "UN General Assembly resolution 70/125",
    "Commission Decision 2019/1"), or another council's (`_OTHER_COUNCIL`); else None. Only
    words the anchor's organ prefix read already are looked at again (start-up of a 1 MB text:
    a search before every anchor cost 2 % of `trace refs`)."""
    first = cite.items[0] if cite.items else None
    un = _UN_NUMBER.match(text, first.end) if first is not None and not _itu_stated(hit, cite) else None
    if un is None and not (hit.group("organ") == "Council" and hit.start != hit.m.start()
                           and _OTHER_COUNCIL.search(text, max(0, hit.start - 40), hit.start)):
        return None
    return Cite("other-body", hit.start, max(cite.end, un.end() if un is not None else 0))


def _itu_stated(hit: Hit, cite: Cite) -> bool:
    """Whether the words name an ITU organ or revision for the list ("PP Resolution 70/2018",
    "WTDC Resolutions 37/ 45", "Resolutions 70/71 (Rev. Dubai, 2018)"): then a slash or a count
    after its first number is not another body's number or a count, and the list is ITU's."""
    return bool(hit.group("organ") or cite.organ_after or any(item.rev or item.sector for item in cite.items))


RESOLUTIONS_MOST = 50
"""How far past its first number a range of resolutions or decisions may end ("Resolutions 30 to
33"); a longer one ("Resolution 71-2018") is not spelled out (`unexpanded`)."""
_REC_GAPS = "Recommendations are numbered with gaps: the range is not expanded"

_COUNTED = regex(
    r"(?:\s*[x×]\s*\d|\s+(?i:years?|months?|weeks?|days?|hours?|minutes?|times|dpi|pixels?|lines?|pages?"
    r"|per\s*cent|percent)\b|\s*%)"
)
"""What after "resolution N" or "decision N" makes the number a count or a size, no reference:
"resolution 300 dpi", "the decision 2 years ago"."""
_SIZE = regex(r"\s*\d{1,5}\s*[x×]\s*\d{1,5}")  # "a screen resolution 1920x1080", which no item reads
_LETTERED = regex(r"\s*\d{1,2}[A-Z](?![\w.])")
"""A number with a capital after it ("Recommendation 1A"), as the UN High-level Panel on Digital
Cooperation numbers its recommendations: no ITU Recommendation is numbered so (ITU-T X.509,
ITU-D 19), so it is another body's."""


def parse_resolution(text: str, hit: Hit) -> Cite:
    """"PP Resolutions 25, 71 and 72", "WTDC Res. 45 (Rev. Dubai, 2014), 67, 69 (…)", "C09 Res 1305";
    another body's ("Security Council resolution 2341") as an "other-body" cite (`_other_body`),
    and a count or size ("resolution 1920x1080") as a "no-reference" cite."""
    cite = _parse_resolution(text, hit)
    if cite.kind == "recommendation":
        if not cite.items and (lettered := _LETTERED.match(text, hit.m.end())) is not None:
            return Cite("other-body", hit.start, lettered.end())
        return cite
    if (other := _other_body(text, hit, cite)) is not None:
        return other
    if (len(cite.items) == 1 and (count := _COUNTED.match(text, cite.items[0].end)) is not None
            and not _itu_stated(hit, cite)):
        return Cite("no-reference", hit.start, count.end())
    if not cite.items and (size := _SIZE.match(text, hit.m.end())) is not None:
        return Cite("no-reference", hit.start, size.end())
    return cite


def _parse_resolution(text: str, hit: Hit) -> Cite:
    m = hit.m
    kind_word = m.group("kind").lower()
    kind = "decision" if kind_word.startswith("dec") else "recommendation" if kind_word.startswith("rec") else "resolution"
    cite = Cite(kind, hit.start, m.end(), organ=hit.group("organ"), word=m.group("kind"))
    pos = m.end()
    pending: list[Item] = []
    unnamed: list[Item] = []  # the items since an organ in brackets last named theirs
    items: list[Item] = []
    named: str | None = None  # the organ the list last named in brackets, which the numbers after it take
    first = _RES_ITEM.match(text, pos)
    numbered = first is not None and first.group("no") is not None  # "Resolution No. 71": later items may say "No." too
    sector = None
    while first is not None:
        item_m = first
        number = item_m.group("num")
        sector = item_m.group("sector") or sector
        items = [Item(number, item_m.start("num"), item_m.end("num"), sector=sector)]
        pos = item_m.end()
        if item_m.group("to") and sector == "ITU-R" and text[item_m.end("num")] in "-‐‑":
            # "Resolution ITU-R 9-6": the number after the hyphen is the revision, no second resolution
            items[0].end = item_m.end()
            items[0].rev = Rev(None, None, f"{number}-{item_m.group('to')}")
        elif item_m.group("to") and number.isdigit() and counted_after(
                text, item_m.end(), titled=range_why(int(number), int(item_m.group("to")), RESOLUTIONS_MOST) is not None):
            pos = item_m.end("num")  # "Resolution 64 – 10 % of the budget", "… – 10 Countries": 64 alone, then a count
        elif item_m.group("to") and number.isdigit():
            lo, hi = int(number), int(item_m.group("to"))
            if (why := range_why(lo, hi, RESOLUTIONS_MOST)) is not None:
                items.append(unexpanded(str(hi), item_m.start("num"), item_m.end(), number, why, sector))
            elif lo < hi:
                items = [Item(str(n), item_m.start("num"), item_m.end(), sector=sector) for n in range(lo, hi + 1)]
        elif item_m.group("to") and len(item_m.group("to")) == len(number.rpartition(".")[2]):
            # "Recommendation ITU-T Y.3172-3175"
            last = f"{number.rpartition('.')[0]}.{item_m.group('to')}"
            items.append(unexpanded(last, item_m.start("num"), item_m.end(), number, _REC_GAPS, sector))
        if kind == "recommendation" and (also := _other_series(text, item_m)) is not None:
            items.append(Item(also.group("num"), also.start("num"), also.end("num"), sector=sector))
            pos = also.end()
        elif kind == "recommendation" and (upto := _rec_range(text, item_m, sector)) is not None:
            items.append(upto)
            pos = upto.end
        for item in items:
            item.organ = named
        cite.items.extend(items)
        pending.extend(items)
        unnamed.extend(items)
        q = _qualifier_at(text, pos)
        if q:
            _revise(pending, q)
            if (q.group("conf") or q.group("council")) and not cite.organ_after:
                cite.organ_after = q.group("conf") or "Council"
            pending = []
            pos = q.end()
        if (said := _organ_mid_list(text, pos)) is not None:
            organ, q, pos = said
            cite.organ_after = cite.organ_after or organ
            for item in _organ_names(cite, named, unnamed, items):
                item.organ = organ
            if q is not None:
                _revise(pending, q)
            # An organ is no revision: without one, the numbers before it of that organ take the next
            # ("Resolution 9 (WTDC), 10 and 11 (Rev. Buenos Aires, 2017)"), those of another do not.
            pending = [] if q is not None else [item for item in pending if item.organ in (None, organ)]
            unnamed, named = [], organ
        nxt = _sep_then(_RES_ITEM, text, pos, allow_space=True)
        first = nxt[0] if nxt else None
        if nxt is not None and _counted(text, nxt[0]):
            first = None  # "Resolution 55; 38 per cent of …", "…; 12 countries": the next clause's count
        if first is not None and first.group("no") is not None and not numbered:
            first = None  # "PP Resolution 71 and No. 102 of the Constitution": a provision
        if first is not None and kind != "recommendation" and not first.group("num")[0].isdigit():
            first = None  # "PP Resolution 130 and ITU-T Y.4409": a Recommendation, which its own anchor reads
    suffix = _organ_suffix_at(text, pos)
    # an organ in brackets that more numbers follow was read in the list (_organ_mid_list), or
    # ends it where they are no items of it ("Resolution 9 (WTDC), 10 per cent")
    if suffix and not (suffix.group("paren") and _sep_then(_RES_ITEM, text, suffix.end(), allow_space=True)):
        if named is None and not cite.organ:  # "Resolutions 9, 10 and 11 (WTDC)": the list's organ
            cite.organ_after = suffix.group("organ")
        else:  # "Resolution 9 (WTDC), 10 (PP)", "PP Resolutions 71, 139 (WTDC)"
            for item in _organ_names(cite, named, unnamed, items):
                item.organ = suffix.group("organ")
        pos = suffix.end()
        if pending and (q := _qualifier_at(text, pos)) is not None:
            # "Resolutions 17 and 20 of the WTDC (Kigali, 2022)": the revision after the organ, of its numbers
            _revise([item for item in pending if item.organ in (None, suffix.group("organ"))], q)
            pos = q.end()
    cite.end = pos
    return cite


def _organ_mid_list(text: str, pos: int) -> tuple[str, re.Match[str] | None, int] | None:
    """An organ at `pos` that more numbers of the list follow, as in "Resolution 9 (WTDC), 10 and
    11": it names the organ of the whole list, as it does after the last number ("Resolutions 9,
    10 and 11 (WTDC)"). Returns the organ, the revision qualifier written after it if any ("(WTDC)
    (Rev. Kigali, 2022)", "of the WTDC (Kigali, 2022)", which is the numbers' before the organ),
    and where they end; None when no such organ is there. "Resolution 9 (WTDC) and PP Resolution
    10" is no such list: the organ after 9 is followed by an anchor of its own, not a number. An
    organ in words ("of the WTDC") goes on to numbers only after a separator, and only to numbers
    that an organ of their own follows ("Resolutions 30 of the WTDC and 71 of the PP"): in
    "Resolution 30 of the WTDC and 12 Member States" the sentence goes on, not the list."""
    said = _organ_suffix_at(text, pos)
    if said is None:
        return None
    q = _qualifier_at(text, said.end())
    end = q.end() if q is not None else said.end()
    paren = said.group("paren") is not None
    nxt = _sep_then(_RES_ITEM, text, end, allow_space=paren)
    if nxt is None or not (paren or _organ_named_after(text, nxt[0])):
        return None
    return said.group("organ"), q, end


def _organ_named_after(text: str, item: re.Match[str]) -> bool:
    """Whether an organ follows the list's number `item` or the numbers of the list after it, each
    with its revision if any: "71 of the PP", "71 (Rev. Dubai, 2018) and 72 (PP)"."""
    found: tuple[re.Match[str], int] | None = (item, item.start())
    while found is not None:
        pos = found[0].end()
        if (q := _qualifier_at(text, pos)) is not None:
            pos = q.end()
        if _organ_suffix_at(text, pos) is not None:
            return True
        found = _sep_then(_RES_ITEM, text, pos, allow_space=False)
    return False


def _organ_names(cite: Cite, named: str | None, unnamed: list[Item], last: list[Item]) -> list[Item]:
    """The numbers an organ written after `last` (the list's latest number, or the numbers of its
    latest range) names: those since the list last named an organ (`unnamed`: "Resolution 2
    (WTDC), 71 and 139 (PP)" is PP's 71 and 139), but only `last` while none is named yet and one
    is written before the list, which keeps the others ("PP Resolution 71, 139 (WTDC)": PP's 71,
    WTDC's 139). `named` is the organ the list last named."""
    return last if named is None and cite.organ else unnamed


def _revise(items: list[Item], qualifier: re.Match[str]) -> None:
    """Give `items` (the numbers since the previous qualifier) the revision `qualifier` names."""
    rev = _qualifier(qualifier)
    for item in items:
        item.rev = rev


def _counted(text: str, item: re.Match[str]) -> bool:
    """Whether `item`, after a list's separator, is a count the next clause opens with: a number
    that an amount or a count follows, as after a range's dash (`counted_after`: "Resolution 55;
    38 per cent of fellowships …", "…; 12 countries took part", "…, 12 people", "…, 4 Member
    States"). "Resolutions 1; 2 will apply" and "Resolutions 1, 2 apply" keep 2, as do a word
    ending in "ss" or "us" and an adverb ending in s ("Resolutions 70, 71 address …", "… 71 always
    apply")."""
    return counted_after(text, item.end())


_SERIES_SLASH = regex(r"\s*/\s*")


def _other_series(text: str, number: re.Match[str]) -> re.Match[str] | None:
    """The second number of a Recommendation published in two series ("Y.4903/L.1603", spaced or
    broken over a line at the slash), after `number` (a match with group "num"): another series'
    letters and at least two digits. "A.1/A.2" (one series) and "Y.4903/Q.9" (a study group
    Question's form) are not such a pair."""
    slash = _SERIES_SLASH.match(text, number.end("num"))
    if slash is None or "/" not in slash.group():
        return None
    second = _REC_NUMBER.match(text, slash.end())
    if second is None:
        return None
    first_series, second_series = number.group("num").split(".")[0], second.group("num").split(".")[0]
    digits = second.group("num").split(".")[1]
    return second if first_series != second_series and len(digits) >= 2 else None


_REC_RANGE = regex(rf"\s*{_DASH}\s*(?:(?:ITU-[TR]\s+)?(?P<num>[A-Z]{{1,3}}\.\d+(?:\.\d+)*))(?![\d.]?\d)")


def _rec_range(text: str, number: re.Match[str], sector: str | None) -> Item | None:
    """The end of a range of Recommendations of one series after `number` (a match with group
    "num"): "Y.3172 to Y.3175", "Y.3172–ITU-T Y.3175", as an `unexpanded` item: Recommendations
    are numbered with gaps, so no range of them is spelled out. None when none is written there."""
    upto = _REC_RANGE.match(text, number.end("num")) if _opens_range(text, number.end("num")) else None
    if upto is None or upto.group("num").split(".")[0] != number.group("num").split(".")[0]:
        return None
    return unexpanded(upto.group("num"), number.start("num"), upto.end(), number.group("num"), _REC_GAPS, sector)


def parse_itu_recommendation(text: str, hit: Hit) -> Cite:
    """"ITU-T Y.4409", "ITU-T A.4, A.5 and A.6" written without the word Recommendation; none
    after "Report" ("Report ITU-R BT.2447", a no-break space or two between). A Recommendation
    published in two series is written with both numbers ("ITU-T Y.4903/L.1603"): each is read."""
    m = hit.m
    sector = m.group("sector")
    if _AFTER_REPORT.search(text, max(0, hit.start - 12), hit.start):
        return Cite("recommendation", hit.start, hit.start)
    cite = Cite("recommendation", hit.start, m.end(), organ=sector, word="ITU")
    item: re.Match[str] | None = m
    while item is not None:
        cite.items.append(Item(item.group("num"), item.start("num"), item.end("num"), sector=sector))
        pos = item.end()
        if (item_end := _rec_range(text, item, sector)) is not None:
            cite.items.append(item_end)
            pos = item_end.end
        elif (item := _other_series(text, item)) is not None:
            continue
        item = nxt[0] if (nxt := _sep_then(_REC_NUMBER, text, pos, allow_space=False)) is not None else None
    cite.end = pos
    return cite


def target_suffix(m: re.Match[str]) -> str:
    """The target part of a _TARGET_ITEM match: "4", "c"; a capital written tight after the point
    ("9.C") is the lettered target ("9.c"), and so is a letter in brackets ("9(c)")."""
    return m.group("t") or (m.group("u") or "").lower() or m.group("l") or m.group("p")


_BARE_PAREN = regex(r"\s*,?\s*\(\s*(?=\d)")
_TARGETS_PAREN_OPENS = opening(",(")  # _TARGETS_PAREN's and _BARE_PAREN's


def _targets_paren(text: str, pos: int, goal: Item | None,
                   ) -> tuple[re.Match[str], tuple[list[Item], int] | None] | None:
    """The opening of a goal's targets in brackets at `pos`: "(targets 1.4, 1.5)", or without
    the word when every number in the brackets is a target of `goal` ("4 (4.4, 4.6)"); a bracket
    holding anything else ("9 (2020)") is an aside. With the opening, the list of targets after
    it and where it ends (`_target_list` for `goal`), when telling the form without the word
    read them already (else None: the caller reads them)."""
    if text[pos:pos + 1] not in _TARGETS_PAREN_OPENS:
        return None
    worded = _TARGETS_PAREN.match(text, pos)
    if worded is not None:
        return worded, None
    if goal is None or (bare := _BARE_PAREN.match(text, pos)) is None:
        return None
    targets, after = _target_list(text, bare.end(), goal.goal)
    mine = targets and all(t.goal == goal.goal for t in targets)
    return (bare, (targets, after)) if mine and _CLOSE.match(text, after) is not None else None


def _target_list(text: str, pos: int, goal: int | None) -> tuple[list[Item], int]:
    """Targets inside "(targets 1.4, 1.5)" or after "target": "1.4", "5b", "9(c)", "9 c", "b" (needs
    `goal`); and where the last ends. A number followed by an amount ends the list before it:
    "targets 5.b, 5.5 % of women" lists 5.b only, "targets 1.2 million people" none. A short
    aside after an item, in brackets and naming no reference, is passed over when the list goes
    on after it: "targets 5.b (about 1.2 billion women), 9.c and 17.8" lists all three."""
    items: list[Item] = []
    end = pos
    numbered = _TARGET_ITEM.match(text, pos)  # at `pos`, matched once: the step before tries it to go on
    while True:
        t = numbered
        suffix = target_suffix(t) if t else None
        if t is None and (t := _SPACED_TARGET.match(text, pos)) is not None:
            suffix = t.group("l")
        if t is None and (x := _ITU_LETTERED_TARGET.match(text, pos)) is not None:
            g = int(x.group("g"))
            items.append(Item(f"{g}.{int(x.group('t'))}.{x.group('x')}", x.start("g"), x.end(), goal=g))
            end = x.end()
        elif t:
            if _amount_after(text, t, suffix):
                break
            g = int(t.group("g"))
            items.append(Item(f"{g}.{suffix}", t.start("g"), t.end(), goal=g))
            more, end = _target_range(text, t, g, suffix)
            items.extend(more)
        elif goal is not None and (lt := _LETTER_ITEM.match(text, pos)):
            t = lt
            items.append(Item(f"{goal}.{lt.group('l')}", lt.start("l"), lt.end(), goal=goal))
            end = t.end()
        else:
            break
        pos = _past_aside(text, end)
        s = _SEP.match(text, pos)
        if not s or s.end() == pos:
            if pos > end and _CLOSE.match(text, pos):  # "(targets 9.1, 9.c (2023))": the brackets close after it
                end = pos
            break
        numbered = _TARGET_ITEM.match(text, s.end())
        if not (numbered or _SPACED_TARGET.match(text, s.end())
                or _ITU_LETTERED_TARGET.match(text, s.end()) or (goal is not None and _LETTER_ITEM.match(text, s.end()))):
            break
        pos = s.end()
    return items, end


def _goal_and_range(text: str, g: re.Match[str], most: int, items: list[Item]) -> tuple[Item, int]:
    """Append the goal `g` matched to `items`, with the goals of a range after it ("Goals 1–4",
    "1 to 17", up to `most`) or a range left unexpanded (`_goals_unexpanded`); give the goal the
    targets written next belong to (a range's last) and where the reading goes on."""
    item = Item(g.group("g"), g.start("g"), g.end("g"), goal=int(g.group("g")))
    items.append(item)
    pos = g.end()
    range_to = _range_to(text, pos)
    if (goals := _range_end(text, range_to, g.group("g"), most)) is not None:
        numbers, pos = goals
        items.extend(Item(n, g.start("g"), pos, goal=int(n)) for n in numbers)
        item = items[-1]
    elif (upto := _goals_unexpanded(text, range_to, g, most)) is not None:
        items.append(upto)
        pos = upto.end
    return item, pos


def parse_sdg_list(text: str, pos: int, start: int, explicit: bool = True, of_targets: bool = False) -> Cite:
    """A list of SDG goals and targets: "1 (targets 1.4, 1.5), 3, (target 3.d), 5", "4, 9, 11 and 16";
    after "SDG targets" (`of_targets`), "9 c" is a target too."""
    cite = Cite("sdg", start, pos, explicit=explicit)
    last_goal: Item | None = None
    # `_targets_paren` at `pos` for `last_goal`, when the step before found brackets there and
    # goes on to read them: told once, not again at the loop's top
    known: tuple[re.Match[str], tuple[list[Item], int] | None] | None = None
    # _TARGET_ITEM and _GOAL_ITEM at a place, matched once: the step before tries them to go on
    ahead: tuple[int, re.Match[str] | None, re.Match[str] | None] = (-1, None, None)
    while True:
        found = known or _targets_paren(text, pos, last_goal)
        known = None
        if found and last_goal is not None:
            paren, listed = found
            targets, after = listed or _target_list(text, paren.end(), last_goal.goal)
            close = _CLOSE.match(text, after)
            if not (targets and close):
                break
            last_goal.targets.extend(targets)
            pos = close.end()
        else:
            _, t, g = ahead if ahead[0] == pos else (pos, _TARGET_ITEM.match(text, pos), None)
            suffix = target_suffix(t) if t else None
            if t is None and of_targets and (t := _SPACED_TARGET.match(text, pos)) is not None:
                suffix = t.group("l")
            g = None if t else g or _GOAL_ITEM.match(text, pos)
            if t and _amount_after(text, t, suffix):
                break  # "SDG targets 5.b, 5.5 % of women": an amount ends the list
            if t:
                goal = int(t.group("g"))
                cite.items.append(Item(f"{goal}.{suffix}", t.start("g"), t.end(), goal=goal))
                more, pos = _target_range(text, t, goal, suffix)
                cite.items.extend(more)
                last_goal = None
            elif g:
                last_goal, pos = _goal_and_range(text, g, SDG_GOALS, cite.items)
                if known := _targets_paren(text, pos, last_goal):
                    continue
                pos = _worded_targets(text, _bare_targets(text, pos, last_goal), last_goal)
            else:
                break
        if last_goal is not None and (known := _targets_paren(text, pos, last_goal)):
            continue
        at = _past_aside(text, pos)
        s = _SEP.match(text, at)
        if not s or s.end() == at:
            break
        numbered = _TARGET_ITEM.match(text, s.end())
        goal_at = None if numbered else _GOAL_ITEM.match(text, s.end())
        if not (numbered or goal_at):
            break
        pos = s.end()
        ahead = pos, numbered, goal_at
    cite.end = pos
    return cite


def _past_aside(text: str, pos: int) -> int:
    """Where a short aside in brackets right at `pos` ends ("9.c (universal access)", "4 (Quality
    education)"), when it names no reference (no trigger word, no code like a regional
    initiative's) and no organ ("(WTDC)": which items it names the organ of is not settled
    here); else `pos`. A list goes on past one: "SDGs 4 (Quality education) and 5"."""
    aside = _ASIDE.match(text, pos) if text[pos:pos + 1] in _PAREN_OPENS else None
    if (aside is None or triggers(aside.group(), (), res_keyword_required=False) or _REGION_LIKE.search(aside.group())
            or _organ_suffix_at(text, pos)):
        return pos
    return aside.end()


def _bare_targets(text: str, pos: int, goal: Item) -> int:
    """A goal's targets in brackets without the word "targets", each written with that goal's
    number ("4 (4.4, 4.a)"), added to `goal`; where they end, or `pos` when the brackets hold
    anything else: text ("9 (Industry …)"), a lone letter, which may label a list ("SDG 4 (b) build
    capacity", "9 (i)"), or another goal's target ("9 (3.2) of this report")."""
    opening = _OPEN_PAREN.match(text, pos)
    if opening is None:
        return pos
    targets, after = _target_list(text, opening.end(), goal.goal)
    close = _CLOSE.match(text, after)
    if not (targets and close) or any(t.goal != goal.goal or not text[t.start].isdigit() for t in targets):
        return pos
    goal.targets.extend(targets)
    return close.end()


def _worded_targets(text: str, pos: int, goal: Item) -> int:
    """A goal's targets after the word, without brackets ("SDG 4, target 4.4", "Goal 9, targets
    9.1 and c"), added to `goal`; where they end, or `pos` when what follows is no list of that
    goal's targets ("SDG 4, target 5.1"; a lone letter must end the list: "SDG 4, target a wider
    audience" is a verb and an article)."""
    word = _TARGETS_WORD.match(text, pos)
    if word is None:
        return pos
    targets, after = _target_list(text, word.end(), goal.goal)
    if not targets or any(t.goal != goal.goal for t in targets):
        return pos
    if any(not text[t.start].isdigit() for t in targets) and not _LIST_END.match(text, after):
        return pos
    goal.targets.extend(targets)
    return after


def parse_sdg_anchor(text: str, hit: Hit) -> Cite:
    return parse_sdg_list(text, hit.m.end(), hit.start, of_targets="arget" in hit.m.group(0))


def parse_sdg_agenda(text: str, hit: Hit) -> Cite:
    """"Goal 13 of the 2030 Agenda": always an SDG."""
    m = hit.m
    cite = Cite("sdg", hit.start, m.end(), explicit=True)
    cite.items.append(Item(m.group("n"), m.start("n"), m.end("n"), goal=int(m.group("n"))))
    return cite


def parse_target_word(text: str, hit: Hit) -> Cite:
    """"target 8a", "targets 9.1 and 9.c", "Target 1.1:": family decided by resolve.py, but for
    an ITU one named so ("Connect 2030 Target 1.1", "ITU Strategic Target 3.3": `explicit`, the
    cite starting at those words). The words are looked for only where their telltale letters
    stand just before (a report names hundreds of targets, few of them so)."""
    items, pos = _target_list(text, hit.m.end(), None)
    start, explicit = hit.start, False
    window = text[max(0, start - _PREFIX_WINDOW):start]
    if ("ITU" in window or "onnect" in window or "trategic" in window) and (named := _GOAL_PREFIX.search(window)):
        start, explicit = start - len(window) + named.start(), True
    return Cite("target", start, pos if items else hit.m.end(), items=items, explicit=explicit)


def parse_goal(text: str, hit: Hit) -> Cite:
    """"ITU Strategic Goal 3 (Target 3.1)", "Goals 1 & 4", "Goal 1" (meaning from context)."""
    cite = Cite("goal", hit.start, hit.m.end(), explicit=bool(hit.group("itu")))
    pos = hit.m.end()
    # a range of goals not named as ITU's may run to the last SDG ("the 2030 Agenda (Goals 1–17)")
    most = ITU_GOALS_MOST if cite.explicit else SDG_GOALS
    while (g := _GOAL_ITEM.match(text, pos)) is not None:
        item, pos = _goal_and_range(text, g, most, cite.items)
        paren = _TARGETS_PAREN.match(text, pos) if text[pos:pos + 1] in _TARGETS_PAREN_OPENS else None
        if paren:
            targets, after = _target_list(text, paren.end(), item.goal)
            close = _CLOSE.match(text, after)
            if targets and close:
                item.targets = targets
                pos = close.end()
        else:
            pos = _worded_targets(text, pos, item)
        nxt = _sep_then(_GOAL_ITEM, text, pos, allow_space=False)
        if not nxt:
            break
        pos = nxt[1]
    cite.end = pos
    return cite


WSIS_MOST = 11
"""How far past its first action line a range may end ("C1 to C11", and "C1 to C12", whose C12 is a REF004)."""


def parse_wsis(text: str, hit: Hit) -> Cite:
    """"WSIS Action Lines C1, C2, C3, C9 and C11", "AL C5", "Action Lines (C2, C4, C6)", "WSIS
    Action Lines: C3", and bare "C1 and C11" in a WSIS group. C7 may name one of its strands
    ("C7 e-health, C7 (e-agriculture)"): each is action line C7, read once however many of its
    strands the list names (the same strand twice is a duplicate)."""
    cite = Cite("wsis", hit.start, hit.m.end(), explicit=True)
    pos = hit.m.end()
    strands: set[str] = set()  # the C7 strands the list has named
    while (w := _WSIS_ITEM.match(text, pos)) is not None:
        lo, hi = int(w.group("n")), int(w.group("to") or w.group("n"))
        pos = w.end()
        strand = _C7_STRAND.match(text, pos) if lo == hi == 7 else None
        another = False  # a further strand of C7, which the list has already read
        if strand is not None:
            pos = strand.end()
            named = strand.group("strand").lower()
            another = bool(strands) and named not in strands
            strands.add(named)
        why = range_why(lo, hi, WSIS_MOST, "action lines")
        for n in (range(lo, hi + 1) if why is None else (lo,)) if not another else ():
            cite.items.append(Item(str(n), w.start(), pos))
        if why is not None:
            cite.items.append(unexpanded(str(hi), w.start(), pos, f"C{lo}", why))
        nxt = _sep_then(_WSIS_ITEM, text, pos, allow_space=True)
        if not nxt:
            break
        pos = nxt[1]
    if "(" in (hit.group("open") or "") and (close := _CLOSE.match(text, pos)) is not None:
        pos = close.end()
    cite.end = pos
    return cite


def _wsis_bare(text: str, hit: Hit) -> Cite:
    cite = parse_wsis(text, hit)
    cite.explicit = False
    return cite


def parse_sector_item(text: str, hit: Hit) -> Cite:
    """"ITU-D Objective 2/Output 2.2 (Buenos Aires Action Plan)", "Buenos Aires Action Plan Objective 2"."""
    m = hit.m
    cite = Cite("sector-item", hit.start, m.end(), sector=hit.group("sector") or "ITU-D", explicit=True)
    cite.items.append(Item(m.group("n"), m.start("n"), m.end("n"), sector="objective"))
    if m.group("sub"):
        cite.items.append(Item(m.group("m"), m.start("m"), m.end("m"), sector=m.group("sub").lower()))
    return cite


def parse_bare_sector_item(text: str, hit: Hit) -> Cite:
    """"Output 2.1", "Outcome 2.1", "Objective 2", "Outputs 2.1 and 2.2": sector from context."""
    kind = hit.m.group("kind").lower()
    kind = "objective" if kind == "priority" else kind
    pattern = _OBJ_ITEM if kind == "objective" else _OUT_ITEM
    cite = Cite("sector-item", hit.start, hit.m.end())
    pos = hit.m.end()
    while (it := pattern.match(text, pos)) is not None:
        cite.items.append(Item(it.group("n"), it.start("n"), it.end("n"), sector=kind))
        pos = it.end()
        dash = _RANGE_DASH.match(text, pos)
        if (upto := pattern.match(text, dash.end()) if dash else None) is not None:
            numbers, why = _numbered_between(it.group("n"), upto.group("n"))
            cite.items.extend(Item(n, it.start("n"), upto.end("n"), sector=kind) for n in numbers)
            if why is not None:
                cite.items.append(unexpanded(upto.group("n"), it.start("n"), upto.end("n"), it.group("n"), why, kind))
            pos = upto.end()
        nxt = _sep_then(pattern, text, pos, allow_space=False)
        if not nxt:
            break
        pos = nxt[1]
    cite.end = pos
    return cite


_RANGE_DASH = regex(rf"\s*{_DASH}(?=\s*\d)")


def _numbered_between(lo: str, hi: str) -> tuple[list[str], str | None]:
    """The objectives ("1" to "3": 2, 3) or outputs of one objective ("2.1" to "2.4": 2.2 … 2.4)
    after `lo` up to `hi`, or none and why when these are no such range (backwards, across
    objectives, or longer than RANGE_MOST)."""
    head, _, first = lo.rpartition(".")
    other, _, last = hi.rpartition(".")
    if head != other:
        return [], "the range runs across objectives and is not expanded"
    if (why := range_why(int(first), int(last), RANGE_MOST, "outputs" if head else "objectives")) is not None:
        return [], why
    return [f"{head}.{n}" if head else str(n) for n in range(int(first) + 1, int(last) + 1)], None


def parse_plan_item(text: str, hit: Hit) -> Cite:
    """Outputs, outcomes or objectives of an Action Plan named as such, in any document: after a
    sector or a plan ("ITU-D Output 2.2", "Buenos Aires Action Plan Outcome 2.1") or followed by
    the plan (`_PLAN_SUFFIX`); none otherwise, which leaves a bare "Output 2.1" to the context
    (`parse_bare_sector_item`). Most such words in a report are neither: only where a sector or
    a plan's name stands just before, or a plan's name within a list's length after, is the
    list read."""
    at = hit.m.start()
    before = text[max(0, at - _PREFIX_WINDOW):at]
    named = _SECTOR_PREFIX.search(before) if "ITU-" in before or "Action Plan" in before else None
    if named is None and "ction plan" not in text[at:at + _PLAN_REACH].lower():
        return Cite("sector-item", at, hit.m.end())
    cite = parse_bare_sector_item(text, hit)
    suffix = _PLAN_SUFFIX.match(text, cite.end) if cite.items and named is None else None
    if not cite.items or (named is None and suffix is None):
        return Cite("sector-item", at, hit.m.end())
    cite.sector, cite.explicit = (named.group("sector") if named else None) or "ITU-D", True
    if named is not None:
        cite.start = at - len(before) + named.start()
    if suffix is not None:
        cite.end = suffix.end()
    return cite


_PLAN_REACH = 160  # characters after "Outputs" a list and the plan it names may take ("… of Objective 2 (…)")


def _ri_list(text: str, pos: int, cite: Cite, codes: frozenset[str] | None = None) -> int:
    """The initiative codes from `pos` on into `cite` (only those of `codes`, when given), and
    where the last one ends."""
    def item_at(at: int) -> re.Match[str] | None:
        it = _RI_ITEM.match(text, at)
        return it if it is not None and (codes is None or it.group("code") in codes) else None

    while (it := item_at(pos)) is not None:
        code, n = it.group("code"), int(it.group("n"))
        cite.items.append(Item(f"{code}{n}", it.start("code"), it.end()))
        pos = _ri_range(text, it.end(), code, n, it.start("code"), cite)
        s = _RI_SEP.match(text, pos)
        if not s or not item_at(s.end()):
            break
        pos = s.end()
    return pos


def _ri_paren_at(text: str, start: int, pos: int) -> Cite:
    cite = Cite("ri", start, pos, explicit=True)
    pos = _ri_list(text, pos, cite)
    close = _CLOSE.match(text, pos)
    cite.end = close.end() if close else pos
    return cite


def parse_ri_paren(text: str, hit: Hit) -> Cite:
    """A bare "(AFR3, ARB2)" list (at least one code of a known region)."""
    return _ri_paren_at(text, hit.start, hit.m.end())


def parse_ri_named(text: str, hit: Hit) -> Cite:
    """"Regional Initiatives (AFR3, ASP5, CIS3, EUR4)", "Regional Initiatives: (ARB2, EUR4)"."""
    paren = _RI_PAREN.match(text, hit.m.end())
    if not paren:
        return Cite("ri", hit.start, hit.m.end())
    return _ri_paren_at(text, hit.start, paren.end())


def parse_ri_unbracketed(text: str, hit: Hit, codes: frozenset[str] = frozenset()) -> Cite:
    """"Regional Initiative AFR 3", "Regional Initiatives: AFR 3, ASP 5": codes of known regions
    (`codes`) only, so that "… AFR 3 and SDG 9" ends the list before "SDG"."""
    cite = Cite("ri", hit.start, hit.m.end(), explicit=True)
    cite.end = _ri_list(text, hit.m.end(), cite, codes)
    return cite


def parse_ri_code(text: str, hit: Hit) -> Cite:
    """A standalone code of a known region, "AFR3", or a range of them, "AFR2–AFR4" (as after
    "Regional Initiatives", `_ri_list`)."""
    m = hit.m
    cite = Cite("ri", hit.start, m.end())
    code, n = m.group("code"), int(m.group("n"))
    cite.items.append(Item(f"{code}{n}", m.start(), m.end()))
    cite.end = _ri_range(text, m.end(), code, n, m.start(), cite)
    return cite


def _ri_range(text: str, pos: int, code: str, n: int, start: int, cite: Cite) -> int:
    """The initiatives a range after `code``n` (ending at `pos`) adds to `cite` ("ARB1-ARB5",
    "ARB1 to 5": one region, at most nine more; not "AMS1-21/3", a document's symbol), each
    spanning from `start` to the range's end, and where it ends (`pos` when none is written)."""
    upto = _RI_RANGE.match(text, pos)
    if upto is None or text.startswith("/", upto.end()):
        return pos
    last = int(upto.group("to"))
    why = ("the range runs across regions and is not expanded" if upto.group("code") not in (None, code)
           else range_why(n, last, RI_MOST, "initiatives"))
    if why is not None:
        cite.items.append(unexpanded(f"{upto.group('code') or code}{last}", start, upto.end(), f"{code}{n}", why))
    else:
        cite.items.extend(Item(f"{code}{k}", start, upto.end()) for k in range(n + 1, last + 1))
    return upto.end()


RI_MOST = 9
"""How far past its first initiative a range of one region's may end ("ARB1-ARB5")."""


def parse_question(text: str, hit: Hit) -> Cite:
    """"ITU-D SG2 Question 3", "SG 2 Q3", "Q-3/2", "Q.3/2", "Study Group Question 6/2", and a list
    written with slashes: "ITU-D Questions 1/1, 2/1 and 4/2"; the sector may follow ("Question
    1/2 of ITU-D")."""
    m = hit.m
    cite = Cite("question", hit.start, m.end(), sector=hit.group("sector"))
    cite.items.append(Item(f"{int(m.group('sg'))}/{int(m.group('q'))}", m.start(), m.end()))
    pos = _question_range(text, m, cite) if "/" in m.group(0) else m.end()
    while (nxt := _sep_then(_QUESTION_ITEM, text, pos, allow_space=False)
           or _sep_then(_QUESTION, text, pos, allow_space=False)) is not None:
        item = nxt[0]  # the next Question, in either form: "Q-3/2 and SG 2 Q3 (ITU-D)" is one list
        cite.items.append(Item(f"{int(item.group('sg'))}/{int(item.group('q'))}", item.start(), item.end()))
        pos = _question_range(text, item, cite) if "/" in item.group(0) else item.end()
    cite.end = pos
    return _sector_after(text, cite)


def _question_range(text: str, item: re.Match[str], cite: Cite) -> int:
    """The Questions a range after `item` adds to `cite` ("1/1 to 7/1": 2/1 … 7/1), and where it
    ends; `item.end()` when none is written, or the two ends are not of one study group ("Q4/17
    to Q2/19" are quarters) or too far apart (RANGE_MOST)."""
    upto = _QUESTION_RANGE.match(text, item.end())
    if upto is None:
        return item.end()
    sg, lo, hi, other = int(item.group("sg")), int(item.group("q")), int(upto.group("q")), int(upto.group("sg"))
    if other != sg and max(lo, hi) <= 4 and min(sg, other) >= 10:  # "Q4/17 to Q2/19": quarters of years
        return item.end()
    why = ("the range runs across study groups and is not expanded" if other != sg
           else range_why(lo, hi, RANGE_MOST, "Questions"))
    if why is not None:
        cite.items.append(unexpanded(f"{other}/{hi}", item.start(), upto.end(), f"Question {lo}/{sg}", why))
    else:
        cite.items.extend(Item(f"{sg}/{q}", item.start(), upto.end()) for q in range(lo + 1, hi + 1))
    return upto.end()


_SECTOR_AFTER = regex(r",?\s+(?:of|in)\s+(?:the\s+)?(?:(?P<sector>ITU-[DTR])\b(?!\s*(?:Rec|[A-Z]{1,3}\.\d))"
                      r"|(?P<name>Telecommunication\s+Development|Telecommunication\s+Standardization"
                      r"|Radiocommunication)\s+Sector\b)"
                      r"|\s*\(\s*(?P<paren>ITU-[DTR])\s*\)")
_SECTOR_NAMES = {"development": "ITU-D", "standardization": "ITU-T", "radiocommunication": "ITU-R"}


def _sector_after(text: str, cite: Cite) -> Cite:
    """`cite` with the sector named after it ("Study Group 2 of ITU-D", "… of the
    Telecommunication Development Sector", "Question 3/2 (ITU-D)"), when none is before it: a
    sector named earlier in the text would be taken otherwise."""
    if cite.sector is None and (after := _SECTOR_AFTER.match(text, cite.end)) is not None:
        named = after.group("name")
        cite.sector = after.group("sector") or after.group("paren") or _SECTOR_NAMES[named.split()[-1].lower()]
        cite.end = after.end()
    return cite


def parse_study_group(text: str, hit: Hit) -> Cite:
    """"ITU-T SG 13, 17, 20", "ITU-D SG1 and SG2", "Study Group 1", "Study Groups 11 to 13"."""
    cite = Cite("study-group", hit.start, hit.m.end(), sector=hit.group("sector"))
    pos = hit.m.end()
    while (it := _SG_ITEM.match(text, pos)) is not None:
        cite.items.append(Item(it.group("n"), it.start("n"), it.end("n")))
        pos = it.end()
        dash = _RANGE_DASH.match(text, pos)
        if (upto := _SG_ITEM.match(text, dash.end()) if dash else None) is not None:  # "ITU-T SG 11-13"
            lo, hi = int(it.group("n")), int(upto.group("n"))
            if (why := range_why(lo, hi, RANGE_MOST, "study groups")) is not None:
                cite.items.append(unexpanded(str(hi), it.start("n"), upto.end("n"), it.group("n"), why))
            else:
                cite.items.extend(Item(str(n), it.start("n"), upto.end("n")) for n in range(lo + 1, hi + 1))
            pos = upto.end()
        nxt = _sep_then(_SG_ITEM, text, pos, allow_space=False)
        if not nxt:
            break
        pos = nxt[1]
    cite.end = pos
    return _sector_after(text, cite)


def parse_blanket(text: str, hit: Hit) -> Cite:
    """"all WTDC Resolutions", "all WSIS Action Lines", "all SDGs"."""
    return Cite("blanket", hit.start, hit.m.end(), organ=hit.group("organ"), word=hit.group("what"))


Parser = Callable[[str, Hit], Cite]


@record(frozen=True)
class Anchor:
    """A keyword that starts a reference, the trigger word that must be in the text for it to be
    tried, an optional prefix looked for just before it (required or not) and its list parser.
    `starts`: the lower-case literals one of which every match begins with, where the pattern is
    tried (without them, the whole text is scanned through the pattern's locator); `cased`: the
    `starts` are looked for in the text as written, not lower-cased (a pattern that opens with a
    look-behind, which keeps the regex engine from skipping to its literal, is otherwise tried
    at every position); `cased_starts`: more literals a match may begin with, looked for in the
    text as written, for an alternative the pattern spells in capitals only ("AL", whose lower
    case "al" opens "also", "national", "global": a regex try at each)."""

    pattern: re.Pattern[str]
    parser: Parser
    trigger: str
    prefix: re.Pattern[str] | None = None
    required: bool = False
    only: str | None = None
    starts: tuple[str, ...] = ()
    cased: bool = False
    cased_starts: tuple[str, ...] = ()


_PREFIX_WINDOW = 48
_UNSEEN: tuple[int, dict[str, str | None]] = (-1, {})  # a memo's "not looked up yet", never a result
_START_RANK = operator.itemgetter(0, 1)


@record(frozen=True)
class Grammar:
    """The anchors in priority order (earlier wins at the same position) behind a trigger scan."""

    regions: tuple[str, ...]
    anchors: tuple[Anchor, ...]
    by_trigger: dict[str, tuple[tuple[int, Anchor], ...]] = field(init=False, repr=False, compare=False)
    # by rank: an anchor's start words that are trigger words (looked for only when `triggers`
    # found them), and the others
    split_starts: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_trigger: dict[str, list[tuple[int, Anchor]]] = {}
        for rank, anchor in enumerate(self.anchors):
            by_trigger.setdefault(anchor.trigger, []).append((rank, anchor))
        object.__setattr__(self, "by_trigger", {k: tuple(v) for k, v in by_trigger.items()})
        object.__setattr__(self, "split_starts", tuple(
            (_TRIGGER_WORDS.intersection(a.starts), tuple(w for w in a.starts if w not in _TRIGGER_WORDS))
            for a in self.anchors))

    def cites(self, text: str, *, wsis: bool = False, sector: bool = False, regional: bool = False,
              low: str | None = None, present: set[str] | None = None, words: set[str] | None = None) -> list[Cite]:
        """Every reference span in `text`, left to right, none overlapping (`low`: the text
        lower-cased, and `present`: its `triggers`, when the caller has them already, with the
        trigger words they found in `low`, `words`). `wsis`: bare "C4" codes are action lines;
        `regional`: a standalone misspelt initiative ("ARF3") is one (find.regional_prose). An
        anchor's start word that is a trigger word but not one of `words` is not in `low`, and
        is not looked for again (most texts hold one of "res", "rec" and "dec", say)."""
        if low is None:
            low = text.lower()
        if present is None:
            present = triggers(text, self.regions, low, words := set())
        if not present:
            return []
        allowed = {"wsis-bare": wsis, "bare-sector": sector, "no-sector": not sector, "ri-swapped": regional}
        aligned = len(low) == len(text)  # lower-casing moved nothing ("İ" becomes two characters)
        places: dict[tuple[str, ...], list[int]] = {}
        befores: dict[tuple[str, str], tuple[int, dict[str, str | None]] | None] = {}
        found: list[tuple[int, int, Hit, Parser]] = []
        matches: Iterable[re.Match[str]]
        # Only the anchors of the families present. The order they are tried in does not matter:
        # hits are sorted (stably) by (start, rank), ranks differ between anchors, and each
        # anchor's own hits are appended in text order.
        for rank, anchor in (pair for name in present for pair in self.by_trigger.get(name, ())):
            if anchor.only and not allowed[anchor.only]:
                continue
            prefix, parser = anchor.prefix, anchor.parser
            if anchor.cased:
                matches = matches_at(anchor.pattern, text, starts_of(text, anchor.starts))
            elif anchor.starts and aligned:
                if (at_starts := places.get(anchor.starts)) is None:
                    if words is None:
                        wanted: Iterable[str] = anchor.starts
                    else:
                        trigger_starts, other_starts = self.split_starts[rank]
                        wanted = (*other_starts, *(trigger_starts & words))
                    at_starts = places[anchor.starts] = starts_of(low, wanted)
                if anchor.cased_starts and (cased_at := starts_of(text, anchor.cased_starts)):
                    at_starts = sorted(at_starts + cased_at)
                matches = matches_at(anchor.pattern, text, at_starts)
            else:
                matches = _finditer(anchor.pattern, text)
            for m in matches:
                at = m.start()
                if prefix is None:
                    found.append((at, rank, Hit(m, at), parser))
                elif pre := _prefix_before(prefix, text, at, befores):
                    found.append((at - pre[0], rank, Hit(m, at - pre[0], pre[1]), parser))
                elif not anchor.required:
                    found.append((at, rank, Hit(m, at), parser))
        found.sort(key=_START_RANK)
        out: list[Cite] = []
        covered = 0
        for start, _rank, hit, parser in found:
            if start < covered:
                continue
            cite = parser(text, hit)
            if not cite.items and cite.kind not in ITEMLESS_KINDS:
                continue
            out.append(cite)
            covered = max(cite.end, hit.m.end())
        return out


def _locator(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """`\\bX…` without its `\\b`: a word boundary first hides the start of `X` from the regex
    engine's fast scan (for a literal or a set of first characters), so each position is tried;
    without it the engine skips from one possible start of `X` to the next."""
    return _locator_of(pattern.pattern, pattern.flags)


@lru_cache(maxsize=64)
def _locator_of(source: str, flags: int) -> re.Pattern[str] | None:
    """`_locator`, kept by the pattern's source and flags: a compiled pattern's hash reads its
    whole compiled program (some 2,500 instructions), a string's is kept in the string."""
    if not source.startswith("\\b"):
        return None
    return regex(source[2:], flags)


def _finditer(pattern: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """`pattern.finditer(text)`, trying the pattern only where its locator matches (every match
    of `\\bX…` is one of `X…` at the same place, so none is missed). Where the word boundary
    holds, the locator's match is the pattern's (same groups), so it is used as it is."""
    locator = _locator(pattern)
    if locator is None:
        return pattern.finditer(text)
    out = []
    pos = end = 0
    while (candidate := locator.search(text, pos)) is not None:
        start = candidate.start()
        m = candidate if _word_boundary(text, start) else pattern.match(text, start)
        if m:
            out.append(m)
            end = m.end()
        pos = max(start + 1, end)
    return out


def _prefix_before(prefix: re.Pattern[str], text: str, at: int,
                   memo: dict[tuple[str, str], tuple[int, dict[str, str | None]] | None],
                   ) -> tuple[int, dict[str, str | None]] | None:
    """`_search_before` as how far back from `at` the prefix starts and its named groups, kept in
    `memo` by what the search reads: the window before `at` and the one character before the
    window, which a `\\b` at its start looks at (no prefix looks further back; a test holds them
    to that). A text dense with references has the same few words before its anchors. The key
    names the prefix by its source (every prefix has its own), whose hash the string keeps,
    where a compiled pattern's is computed from its whole program at each lookup."""
    key = (prefix.pattern, text[max(0, at - _PREFIX_WINDOW - 1):at])
    if (found := memo.get(key, _UNSEEN)) is _UNSEEN:
        pm = _search_before(prefix, text, at)
        found = memo[key] = (at - pm.start(), pm.groupdict()) if pm else None
    return found


def _search_before(prefix: re.Pattern[str], text: str, at: int) -> re.Match[str] | None:
    """`prefix.search(text, at - _PREFIX_WINDOW, at)` (a prefix ends with `\\Z`, so at `at`),
    through its locator as in `_finditer`: the leftmost locator match at a word boundary."""
    lo = max(0, at - _PREFIX_WINDOW)
    locator = _locator(prefix)
    if locator is None:
        return prefix.search(text, lo, at)
    while (m := locator.search(text, lo, at)) is not None:
        if _word_boundary(text, m.start()):
            return m
        lo = m.start() + 1
    return None


def _word_boundary(text: str, at: int) -> bool:
    """Whether `\\b` holds at `at`: a word character (`\\w`: alphanumeric or `_`) on one side only."""
    before = at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
    after = at < len(text) and (text[at].isalnum() or text[at] == "_")
    return before != after


_LOWER_TRIGGERS = {
    "res": ("res", "dec", "rec"),
    "itu": ("itu-t", "itu-r"),
    "goal": ("goal",),
    "sdg": ("sdg", "sustainable"),
    "target": ("target",),
    "wsis": ("action", "wsis"),
    "sector": ("objective", "priority", "output", "outcome"),
    "sg": ("study", "question"),
    "blanket": ("all ",),
    "ri": ("regional",),
    "plan": ("itu-d", "action plan"),  # the words that make an output an Action Plan's (parse_plan_item)
}
_CASED_TRIGGERS = {"wsis": ("AL",), "sg": ("SG", "Q")}
# (word, family) pairs, flat: one comprehension over them is several times quicker than a nested any().
_LOWER_WORDS = tuple((word, name) for name, words in _LOWER_TRIGGERS.items() for word in words)
_CASED_WORDS = tuple((word, name) for name, words in _CASED_TRIGGERS.items() for word in words)


def _gated(words: Iterable[str], length: int = 4) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """`words` split into those looked for in every text and groups of words opening with the same
    `length` characters ("itu-t", "itu-r", "itu-d"; "action", "action plan"), each behind the
    opening they all share ("itu-", "action"): a text without "itu-" holds none of the three, found
    in one scan of it instead of three (each scan reads the whole text where the word is missing,
    as it mostly is)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:length], []).append(word)
    single = tuple(word for group in groups.values() if len(group) == 1 for word in group)
    return single, tuple((commonprefix(group), tuple(group)) for group in groups.values() if len(group) > 1)


_SHORT = 16
"""How long a text `triggers` first tests for a letter: a number in a table's cell ("2,414",
"17.8", "1.23%"), a sixth of the texts with a digit, holds none, so none of the words, codes
and cased words it looks for (a lower-cased ASCII text without one is not `islower`). That
test reads the whole text, so it is made on short texts only; a longer one seldom lacks a letter."""
_FAMILY_OF = dict(_LOWER_WORDS)  # each lower-case trigger word's family (a word names one)
_RES_TRIGGERS = _LOWER_TRIGGERS["res"]
_SINGLE_WORDS, _GATED_WORDS = _gated(word for word in _FAMILY_OF if word not in _RES_TRIGGERS)
_RES_KEYWORD = regex(r"re(?:solution|commendation|s(?!\w)|cs?(?!\w))")
"""What a lower-cased text holds wherever a resolution, decision or Recommendation is written as
_RES_ANCHOR reads it, or looks like one as _REFERENCE_LIKE reads it (with "decision", looked for
by a substring scan): "resolution", "recommendation", or "res", "rec", "recs" that no letter,
digit or "_" follows ("Res. 45", "Rec 3"): lower-casing keeps whether a character is one. Every
other "res", "rec" and "dec" ("resources", "recent", "progress", "decade") is no trigger: a text
holding only such words is not read for resolutions, nor checked for words that look like one."""
_TRIGGER_WORDS = frozenset(_FAMILY_OF)
_BARE_CODE = regex(r"C\d")
_DIGIT = regex(r"\d")


def has_digit(text: str) -> bool:
    """Whether `text` holds a decimal digit (`\\d`, which is Unicode). The ASCII digits are looked
    for by substring search, a C scan of the text each, written out: a generator over them cost
    three times as much as the ten scans of a paragraph; the regex, some 40 instructions a
    character without a digit, only in a non-ASCII text without an ASCII digit."""
    return ("0" in text or "1" in text or "2" in text or "3" in text or "4" in text or "5" in text or "6" in text
            or "7" in text or "8" in text or "9" in text or (not text.isascii() and _DIGIT.search(text) is not None))


def triggers(text: str, regions: tuple[str, ...], low: str | None = None, words: set[str] | None = None,
             digit: bool | None = None, res_keyword_required: bool = True) -> set[str]:
    """Which anchor families can occur in `text` at all: a cheap substring scan before the regexes
    (`low`: the text lower-cased, and `digit`: `has_digit(text)`, when the caller has them
    already). Words sharing their opening are looked for only where it is (`_gated`); a cased
    word only for a family not found yet. `words`, when given, gets the lower-case trigger words
    found in `low` (see Grammar.cites; in a text without a digit, where only a blanket reference
    can be, none is looked for but "all "). The words of resolutions ("res", "rec", "dec"), which
    open many others ("resources", "recent", "decade"), count only where a resolution's keyword
    is (`_RES_KEYWORD`, "decision"); with `res_keyword_required` False (`_past_aside`), wherever
    they stand."""
    if low is None:
        low = text.lower()
    if not (has_digit(text) if digit is None else digit):
        if "all " not in low:
            return set()
        if words is not None:
            words.add("all ")
        return {"blanket"}
    if len(low) <= _SHORT and not low.islower() and text.isascii():
        return set()  # a number in a table's cell: every trigger holds a letter (see _SHORT)
    found = [word for word in _SINGLE_WORDS if word in low]
    if not res_keyword_required or "decision" in low or _RES_KEYWORD.search(low) is not None:
        found += [word for word in _RES_TRIGGERS if word in low]
    for opening, group in _GATED_WORDS:
        if opening in low:
            found += [word for word in group if word in low]
    present = set(map(_FAMILY_OF.__getitem__, found))
    if words is not None:
        words.update(found)
    for word, name in _CASED_WORDS:
        if name not in present and word in text:
            present.add(name)
    if "C" in text and _BARE_CODE.search(text):  # (a C scan, quicker than the regex's)
        present.add("bare")
    if (codes := _region_codes(regions)) is not None and codes.found_in(text):
        present.add("region")
    return present




@record(frozen=True)
class _RegionCodes:
    """The regions' codes as one pattern, and what marks the characters codes are made of: a
    table mapping those bytes to "X" and every other to "." (None when a code is not ASCII), and
    `run`, as many "X" as the shortest code is long."""

    pattern: re.Pattern[str]
    letters: bytes | None
    run: bytes

    def found_in(self, text: str) -> bool:
        """Whether `text` holds a code. The pattern's search tries every character (the codes
        open with a dozen capitals), some 40 instructions each; the text is instead mapped
        through `letters`, and searched only within the runs of code characters as long as a
        code (a code lies within one), which most texts have none of or a few short ones."""
        if self.letters is None:
            return self.pattern.search(text) is not None
        # A code is ASCII and matched case-sensitively: a character outside ASCII is in none, and
        # is mapped as one "?" byte (so every position stays) that `letters` maps to ".".
        mapped = text.encode("ascii", "replace").translate(self.letters)
        at = mapped.find(self.run)
        while at >= 0:
            end = mapped.find(b".", at)
            end = len(mapped) if end < 0 else end
            if self.pattern.search(text, at, end) is not None:
                return True
            at = mapped.find(self.run, end)
        return False


@lru_cache(maxsize=8)
def _region_codes(regions: tuple[str, ...]) -> _RegionCodes | None:
    """One pattern for the regions' codes and the misspelt ones ("as was ARF3": _swapped_regions,
    see grammar_for), None when there are none: whether a text holds any of them is one regex
    search, which skips at C speed to the codes' few upper-case first letters, where a
    substring scan for each code (18 for six regions) read the whole text 18 times, a third
    of `triggers`' time; `_RegionCodes.found_in` spares most texts the search."""
    codes = sorted({*regions, *_swapped_regions(regions)}, key=lambda code: (-len(code), code))
    if not codes:
        return None
    chars = set("".join(codes))
    letters = (bytes(88 if chr(byte) in chars else 46 for byte in range(256))  # "X", "."
               if all(code.isascii() for code in codes) else None)
    return _RegionCodes(regex("|".join(map(re.escape, codes))), letters, b"X" * min(map(len, codes)))


@lru_cache(maxsize=8)
def grammar_for(regions: tuple[str, ...]) -> Grammar:
    """The anchor table; regional-initiative codes use the registry's regions."""
    anchors = [
        Anchor(_BLANKET, parse_blanket, "blanket", starts=("all",)),
        Anchor(_RES_ANCHOR, parse_resolution, "res", _ORGAN_PREFIX, starts=("res", "rec", "dec")),
        Anchor(_ITU_REC, parse_itu_recommendation, "itu", starts=("itu-t", "itu-r")),
        Anchor(_SDG_AGENDA, parse_sdg_agenda, "goal", starts=("goal",)),
        Anchor(_SDG_ANCHOR, parse_sdg_anchor, "sdg", starts=("sdg",)),
        Anchor(_SDG_LONG_ANCHOR, parse_sdg_anchor, "sdg", starts=("sustainable",)),
        # every match opens with "Action", "action", "ACTION", "WSIS" or, in capitals only, "AL"
        Anchor(_WSIS_ANCHOR, parse_wsis, "wsis", _WSIS_PREFIX, starts=("action", "wsis"), cased_starts=("AL",)),
        Anchor(_SECTOR_ANCHOR, parse_sector_item, "sector", _SECTOR_PREFIX, required=True,
               starts=("objective", "priority")),
        # where the context names no sector (an Action Plan's does, and reads these bare)
        Anchor(_BARE_SECTOR_ANCHOR, parse_plan_item, "plan", only="no-sector",
               starts=("objective", "priority", "output", "outcome")),
        Anchor(_QUESTION, parse_question, "sg", _SECTOR_PREFIX_SG, starts=("sg", "study")),
        Anchor(_QUESTION_SLASH, parse_question, "sg", _SECTOR_PREFIX_SG, starts=("q",)),
        Anchor(_STUDY_GROUP, parse_study_group, "sg", _SECTOR_PREFIX_SG, starts=("sg", "study")),
        Anchor(_GOAL_ANCHOR, parse_goal, "goal", _GOAL_PREFIX, starts=("goal",)),
        Anchor(_TARGET_WORD, parse_target_word, "target", starts=("target",)),
        Anchor(_RI_ANCHOR, parse_ri_named, "ri", starts=("regional",)),
        # matches the empty string before "C1", at a capital C of the text as written
        Anchor(_WSIS_BARE, _wsis_bare, "bare", only="wsis-bare", starts=("C",), cased=True),
        Anchor(_BARE_SECTOR_ANCHOR, parse_bare_sector_item, "sector", only="bare-sector",
               starts=("objective", "priority", "output", "outcome")),
    ]
    if regions:
        alternation = "|".join(re.escape(r) for r in regions)
        anchors.append(Anchor(
            regex(rf"\b[Rr]egional\s+[Ii]nitiatives?\s*:?\s*(?=(?:{alternation})\s?-?\d)"),
            partial(parse_ri_unbracketed, codes=frozenset(regions)), "ri", starts=("regional",)))
        anchors.append(Anchor(
            regex(rf"\((?=[^()]{{0,60}}\b(?:{alternation})\s?-?\d)(?=\s*[A-Z]{{3}}\s?-?\d)"), parse_ri_paren, "region",
            starts=("(",)))
        anchors.append(Anchor(
            # not a meeting's name or document symbol: "RDF-AMS-21", "RDF-AMS-21/1", "RPM-AFR17/3"
            regex(rf"(?<![A-Za-z]-)(?<!/)\b(?P<code>{alternation})-?(?P<n>\d{{1,2}})(?![\d\w]|\s?/)"), parse_ri_code, "region",
            starts=tuple(r.lower() for r in regions)))
        swapped = sorted(_swapped_regions(regions))
        if swapped:
            anchors.append(Anchor(  # "as was ARF3": a known region's code with two letters swapped (REF007)
                regex(rf"(?<![A-Za-z]-)(?<!/)\b(?P<code>{'|'.join(swapped)})-?(?P<n>[1-9])(?![\d\w]|\s?/)"), parse_ri_code,
                "region", only="ri-swapped", starts=tuple(r.lower() for r in swapped)))
    return Grammar(regions, tuple(anchors))


@lru_cache(maxsize=8)
def _swapped_regions(regions: tuple[str, ...]) -> frozenset[str]:
    """The codes that are a known region's with two neighbouring letters swapped ("ARF" for "AFR"), and
    no region's own: a standalone "ARF3" is the misspelt initiative the resolver corrects, one digit
    after it only (an initiative number), as "ARF12" or "ARF-3/1" may be anything else."""
    out = {r[:k] + r[k + 1] + r[k] + r[k + 2:] for r in regions if r.isalpha() and r.isupper() for k in range(len(r) - 1)}
    return frozenset(out - set(regions))


# Around a target numbered 0 in an SDG column ("17.0", which no SDG has): what joins it to a list
# of targets, before it (a separator, "and", a word naming targets) or after it (a separator, then
# another number).
_ZERO_TARGET = regex(r"\d{1,2}\.0+")
_LIST_BEFORE = regex(r"(?:[,;(&]|\b(?i:and|or|targets?|sdgs?|goals?)\s*:?)\s*$")
_LIST_AFTER = regex(r"\s*[,;&]\s*\d")


def sdg_field_cites(text: str) -> list[Cite]:
    """`_sdg_field_read`'s cites, less a target numbered 0 that no list of targets holds: "17.0."
    on a line of its own under a list that has ended, "Industry 4.0", "version 17.0" are a figure
    or a version, not a reference. Joined to a list ("1.4, 17.0, 5.b") or after a word naming
    targets it is one, and reported as impossible (REF002)."""
    cites = _sdg_field_read(text)
    for cite in cites:
        cite.items = [item for item in cite.items if not _ZERO_TARGET.fullmatch(item.number) or _listed(text, item)]
    return [cite for cite in cites if cite.items]


def _listed(text: str, item: Item) -> bool:
    """Whether `item` is joined to a list: by what stands before it, or, first on its line, by what follows."""
    if _LIST_BEFORE.search(text, max(0, item.start - 12), item.start):
        return True
    first = not text[text.rfind("\n", 0, item.start) + 1:item.start].strip()
    return first and _LIST_AFTER.match(text, item.end) is not None


def _sdg_field_read(text: str) -> list[Cite]:
    """The SDG column of a roadmap: a bare list ("1, 2, 3", "1.4, 4.1, 5.b", "16.10, 17.6–17.8",
    "4 (4.4), 9 (9.1, 9.c)"), one whose numbers follow their word ("Goals 1, 3 and 4", "Goal 4
    (4.4), Goal 9 (9.c)"), one naming its goal ("Goal 9: Industry, …"), or entries of targets and
    goals among words ("2.a: Increase …", "Goal 9 – Industry …; Goal 17: Partnerships")."""
    if _SDG_FIELD_LIST.fullmatch(text):
        cite = parse_sdg_list(text, 0, 0, explicit=False)
        if cite.items:
            return [cite]
    words = [m.start() for m in _SDG_FIELD_WORD.finditer(text)]
    bare = _SDG_FIELD_WORD.sub(lambda m: " " * len(m.group()), text) if words else text
    cite = parse_sdg_list(bare, 0, 0, explicit=False)
    if cite.items and _SDG_FIELD_REST.fullmatch(bare, cite.end):
        cite.start = min([*words, cite.items[0].start])
        return [cite]
    cite = Cite("sdg", 0, 0)
    for m in _SDG_FIELD_TARGET.finditer(text):
        goal = int(m.group("g"))
        cite.items.append(Item(f"{goal}.{m.group('t')}", m.start(), m.end(), goal=goal))
    # goals named with their word among names ("Goal 9: Industry, …; Goal 17: Partnerships",
    # "SDG 4: Quality education (4.4)"): in an SDG column each is an SDG
    named = list(_SDG_FIELD_GOAL.finditer(text))
    cite.items += [Item(m.group("g"), m.start("g"), m.end("g"), goal=int(m.group("g"))) for m in named]
    cite.items.sort(key=lambda item: item.start)
    if cite.items:
        cite.start, cite.end = min([cite.items[0].start, *(m.start() for m in named)]), cite.items[-1].end
        return [cite]
    return []


def reference_like(text: str, low: str | None = None) -> Iterable[re.Match[str]]:
    """Places where the words look like a reference (keyword then a number): the matches of
    `_REFERENCE_LIKE.finditer(text)`. That regex starts with `\\b`, so the engine would try it
    at every position; it is tried only where one of its keywords starts in the lower-cased text
    (`low`, when the caller has it). A text with a letter that case-folds onto an ASCII one ("ſ"
    matches "s" under re.IGNORECASE) is scanned by the regex itself."""
    if low is None:
        low = text.lower()
    if not fold_safe(text, low):
        return _REFERENCE_LIKE.finditer(text)
    return matches_at(_REFERENCE_LIKE, text, starts_of(low, _REFERENCE_WORDS))


def may_look_like_reference(text: str, low: str, words: set[str] | None = None, digit: bool | None = None) -> bool:
    """False when `reference_like(text, low)` certainly finds nothing: no digit, or none of its
    keywords (in a text where lower-casing keeps them findable). `words`: the trigger words
    `triggers` found in `low`, when the caller has them: the keywords are trigger words, so
    those of them `low` holds are among `words` (in a text with a digit; in another, none is
    looked for, and none is needed). `digit`: `has_digit(text)`, when the caller has it."""
    if not fold_safe(text, low):
        return True
    if words is not None:
        return not words.isdisjoint(_REFERENCE_WORDS) and (has_digit(text) if digit is None else digit)
    for word in _REFERENCE_WORDS:
        if word in low:
            return has_digit(text) if digit is None else digit
    return False


_REFERENCE_WORDS = ("res", "dec", "rec", "sdg", "action")  # lower-case starts of _REFERENCE_LIKE's keywords


def fold_safe(text: str, low: str) -> bool:
    """Whether every case-insensitive match of an ASCII keyword in `text` is that keyword in
    `low` (`text.lower()`) at the same place: no letter re.IGNORECASE folds onto an ASCII one
    and no lower-casing that changes the length ("İ" becomes two characters). The four letters
    (patternscan.ONTO_ASCII) are looked for by substring search, a C scan each, quicker than a regex class."""
    return text.isascii() or (len(low) == len(text) and not any(letter in text for letter in ONTO_ASCII))


def organ_before(text: str, start: int, window: int = 48) -> str | None:
    """The last organ word in the clause just before `start` ("WTDC, through Resolution 31")."""
    lo = max(0, start - window)
    chunk = text[lo:start]
    cut = max(chunk.rfind(". "), chunk.rfind("; "), chunk.rfind("\n"))
    if cut >= 0:
        chunk = chunk[cut + 1:]
    hits = list(_ORGAN_WORD.finditer(chunk))
    return hits[-1].group(0) if hits else None


_SECTOR_WORD = regex(r"\bITU-[DTR]\b")


class SectorIndex:
    """The sector words ("ITU-D", "ITU-T", "ITU-R") and line breaks of one text, found once, so
    that asking for the sector before each of many cites stays linear in the text's length."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.marks: list[tuple[int, int, str]] | None = None
        self.breaks: list[int] = []

    def before(self, start: int) -> str | None:
        """The last sector word of the paragraph before `start` (a paragraph keeps to one sector)."""
        if self.marks is None:
            self.marks = [(m.end(), m.start(), m.group(0)) for m in _SECTOR_WORD.finditer(self.text)]
            self.breaks = [m.start() for m in re.finditer("\n", self.text)]
        k = bisect.bisect_right(self.marks, (start, start, "\uffff")) - 1
        if k < 0:
            return None
        _, begin, word = self.marks[k]
        newline = bisect.bisect_left(self.breaks, start) - 1
        return word if newline < 0 or self.breaks[newline] <= begin else None
