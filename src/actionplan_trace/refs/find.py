"""`find_refs`: every reference in one text (a paragraph or a table cell), with findings."""

from __future__ import annotations

import re
from typing import Any, Mapping

from ..findings import FindingRule
from ..patternscan import matches_at, starts_of
from .grammar import (Cite, fold_safe, grammar_for, has_digit, may_look_like_reference, names_c7_strand,
                      parse_sdg_list, reference_like, sdg_field_cites, triggers)
from .registry import Registry, load_registry
from .resolve import CiteMemo, Resolver, load_rules, over_refs
from .types import Finding, Reference, RefContext
from ..regexcache import regex
from ..text_patterns import SUPERSCRIPTS

_ITU_GOALS_MENTION = regex(r"\b(?:ITU\b[^.\n]{0,40}?|Connect\s+20[23]0\s+|strategic\s+)goals\b", re.I)
_GOALS = regex(r"goals\b", re.I)  # in every match of _ITU_GOALS_MENTION, with the same case folding
_ITU_GOALS_WORDS = ("itu", "connect", "strategic")  # lower-case starts of _ITU_GOALS_MENTION's matches
_SDG_BARE_LIST = regex(r"(?:(?<=:)|^)\s*(?=\d{1,2}(?:\s*\(|\s*,|\s+and\b|\.\d|\.?[a-z]\b|\s*$))", re.M)


def find_refs(
    text: str,
    context: RefContext | None = None,
    registry: Registry | None = None,
    findings_table: dict[str, FindingRule] | None = None,
) -> tuple[list[Reference], list[Finding]]:
    """Parse one text into canonical references and findings, using `context` for bare forms.

    `context.expect == "sdg-field"` reads the text as a roadmap's SDG column ("1.4, 4.1, 5.b",
    "2.a: Increase investment …"); otherwise the full grammar runs, with bare WSIS codes accepted
    when `expect == "wsis"`, bare SDG lists after a colon when `expect == "sdg"`, and bare
    "Output 2.1" / "Objective 2" resolved when the context names a sector.
    """
    refs, findings, _ = read_text(text, context or RefContext(), registry or load_registry(), findings_table)
    return refs, findings


def read_text(
    text: str, ctx: RefContext, registry: Registry, findings_table: dict[str, FindingRule] | None = None,
    place: Mapping[str, Any] | None = None, memo: CiteMemo | None = None, budget: int | None = None,
) -> tuple[list[Reference], list[Finding], bool]:
    """`find_refs`, plus whether the text mentions ITU goals (a bare "Goal 1" after it is ITU's).
    The text is lower-cased once, for every keyword gate. `place`: changes to the context (where
    the text is, what a bare goal means there), made only for a text that yields something.
    `memo`: the cites resolved so far in the same document (`Resolver.resolve`). `budget`: how
    many more references the document may hold (Limits.refs): a text citing more items is a
    LimitError before any is resolved, which would cost far more than the parse. The mention of
    ITU goals is told as `mentions_itu_goals` tells it (the two steps below, written out here, where
    every text passes: tests/test_refs_parallel.py holds the two to each other)."""
    low = text.lower()
    digit = has_digit(text)  # told once, for `triggers` and `may_look_like_reference` too
    if not digit and "all " not in low:  # (a text with a digit is scanned for "all " by `triggers`)
        # Every reference form but a blanket one ("all … resolutions") holds a digit, and so does
        # every reference-like text (REF008): such a text yields nothing, in any context, most
        # paragraphs among them; only whether it mentions ITU goals is left to tell.
        return [], [], itu_goals_mention(text, low) is not None
    if not text.isascii() and (blanked := marks_blanked(text)) is not text:
        text, low = blanked, blanked.lower()  # (a superscript digit is no `\d`: `digit` holds still)
    words: set[str] | None = None  # the trigger words `low` holds (None: not asked)
    if ctx.expect == "sdg-field":
        cites = sdg_field_cites(text)
    else:
        words = set()
        present = triggers(text, registry.regions, low, words, digit)
        cites = grammar_for(registry.regions).cites(
            text, wsis=ctx.expect == "wsis" or wsis_prose(present, low, text), sector=ctx.sector is not None,
            regional=regional_prose(present, low), low=low, present=present, words=words) if present else []
        if ctx.expect == "sdg":
            cites = _with_bare_sdg_lists(text, cites)
    if budget is not None and sum(len(c.items) or 1 for c in cites) > budget:
        raise over_refs(ctx.source)
    goals_from = itu_goals_mention(text, low)
    if not cites and not _reference_like_in(text, low, words, digit):  # nothing to resolve or report
        return [], [], goals_from is not None
    if place:
        ctx = ctx.with_(**place)
    resolver = Resolver(text, ctx, registry, load_rules(), findings_table, low, memo, budget)
    if ctx.goal is None:
        resolver.itu_goals_from = goals_from
    resolver.run(cites)
    return resolver.refs, resolver.findings, goals_from is not None


def _reference_like_in(text: str, low: str, words: set[str] | None, digit: bool) -> bool:
    """Whether `text` holds reference-like words (`reference_like`), which a text without cites
    reports (REF008) and nothing else: a text without them yields nothing, and is turned down
    here rather than by a Resolver made for it (its context copied, its sectors indexed) only to
    find no such words. Most texts that hold a keyword and a digit hold no reference-like words
    ("progress in 2023")."""
    return may_look_like_reference(text, low, words, digit) and next(iter(reference_like(text, low)), None) is not None


def wsis_prose(present: set[str], low: str, text: str) -> bool:
    """Whether a text outside a WSIS field reads bare codes ("C4 (capacity building) and C3") as
    action lines: it holds one and speaks of WSIS or of action lines ("… under action lines C2 to
    C6 …, while 29% went to C7 and C11"), or names one of C7's strands ("C7 e-health")."""
    return "bare" in present and ("wsis" in low or "action line" in low or names_c7_strand(text))


def regional_prose(present: set[str], low: str) -> bool:
    """Whether a text reads a standalone code of a known region with two letters swapped as a
    misspelt initiative ("The Africa region made progress, as was ARF3": REF007): it holds a
    region-like code and speaks of regions or initiatives. Elsewhere "SAP5", "FAR3", "ICS4" are
    names that only look like one (a list of initiatives reads its misspelt codes in any text)."""
    return "region" in present and ("region" in low or "initiative" in low)


_SUPERSCRIPT = regex(rf"[{SUPERSCRIPTS}]")
_RAISED_MARK = regex(rf"(?<=\w)[{SUPERSCRIPTS}]+")


def marks_blanked(text: str) -> str:
    """`text` with the superscript digits set after a word or number (a note mark, "Resolution 7¹",
    "C5²") as spaces, as many: a reference reads the number before them, and its revision after
    them, and every position stays where it was."""
    if _SUPERSCRIPT.search(text) is None:  # a set's scan: the mark's look-behind would try every place
        return text
    return _RAISED_MARK.sub(lambda m: " " * len(m.group()), text)


def mentions_itu_goals(text: str) -> bool:
    """What `read_text` tells of a text's mention of ITU goals (its third value), without reading
    its references: the mention is looked for in the text as read_text reads it."""
    low = text.lower()
    if (has_digit(text) or "all " in low) and not text.isascii() and (blanked := marks_blanked(text)) is not text:
        text, low = blanked, blanked.lower()
    return itu_goals_mention(text, low) is not None


def itu_goals_mention(text: str, low: str | None = None) -> int | None:
    """Where the first mention of ITU goals ends, if any (`low`: the text lower-cased, when the
    caller has it). The regex starts with `\\b`, so a search tries it at every position; it is
    tried only on a text with "goals", and there only where one of its first words starts in
    `low` (a text where lower-casing keeps them findable; another is searched as it is)."""
    if low is None:
        low = text.lower()
    if "goal" not in low:  # every match holds it, in any case: no letter but G, O, A, L matches one of them
        mention = None
    elif not fold_safe(text, low):
        mention = _ITU_GOALS_MENTION.search(text) if _GOALS.search(text) else None
    elif "goals" in low:
        mention = next(iter(matches_at(_ITU_GOALS_MENTION, text, starts_of(low, _ITU_GOALS_WORDS))), None)
    else:
        mention = None
    return mention.end() if mention else None


def _with_bare_sdg_lists(text: str, cites: list[Cite]) -> list[Cite]:
    """In an SDG reference group, a list after a colon is SDGs even without the word "SDG"."""
    extra = []
    for m in _SDG_BARE_LIST.finditer(text):
        if any(c.start <= m.end() < max(c.end, c.start + 1) for c in cites):
            continue
        cite = parse_sdg_list(text, m.end(), m.end(), explicit=False)
        if cite.items:
            extra.append(cite)
    if not extra:
        return cites
    merged = sorted(cites + extra, key=lambda c: c.start)
    out: list[Cite] = []
    covered = -1
    for c in merged:
        if c.start < covered:
            continue
        out.append(c)
        covered = c.end
    return out
