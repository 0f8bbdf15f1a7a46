"""The reference reader's shortcuts against the plain versions they replace: each oracle below is
the straightforward reading of the rule, and the reader's own function must answer the same on
generated texts that mix what the rule looks for with near misses."""

from __future__ import annotations

import random

from actionplan_trace.refs import load_registry
from actionplan_trace.refs.grammar import _CASED_WORDS, _LOWER_WORDS, _swapped_regions, has_digit, triggers
from actionplan_trace.regexcache import regex


def _triggers_oracle(text: str, regions: tuple[str, ...]) -> set[str]:
    """`triggers` as a substring test for each word and each region code, its swapped
    misspellings included ("ARF" for "AFR"); the words of resolutions only in a text that writes
    one of their keywords (`_resolution_keyword`)."""
    low = text.lower()
    if not has_digit(text):
        return {"blanket"} if "all " in low else set()
    present = {name for word, name in _LOWER_WORDS if word in low and (name != "res" or _resolution_keyword(low))}
    present |= {name for word, name in _CASED_WORDS if word in text}
    if regex(r"C\d").search(text):
        present.add("bare")
    if any(code in text for code in (*regions, *_swapped_regions(regions))):
        present.add("region")
    return present


def _resolution_keyword(low: str) -> bool:
    """Whether the lower-cased text writes "resolution", "recommendation" or "decision", or "res",
    "rec" or "recs" with no letter, digit or "_" after it ("Res. 45", "rec 3")."""
    if any(word in low for word in ("resolution", "recommendation", "decision")):
        return True
    for short in ("res", "rec", "recs"):
        at = low.find(short)
        while at >= 0:
            after = low[at + len(short):at + len(short) + 1]
            if not after or not (after.isalnum() or after == "_"):
                return True
            at = low.find(short, at + 1)
    return False


def test_region_codes_found_in_one_search_as_by_a_scan_for_each_code():
    rng = random.Random(11)
    for regions in (load_registry().regions, ("AFR", "EURO", "CIS"), ("X",), ()):
        codes = [*regions, *_swapped_regions(regions)]
        near = [code[:-1] for code in codes if len(code) > 1] + [code.lower() for code in codes] + \
               [code[1:] + code[0] for code in codes]
        words = ["Resolution", "37", "Initiative", "(", ")", "-", "2022", "all ", "SG", "C5", "regional", "of", "AL",
                 *codes, *near]
        for _ in range(3000):
            text = rng.choice(["", " "]).join(rng.choice(words) for _ in range(rng.randint(1, 8)))
            assert triggers(text, regions) == _triggers_oracle(text, regions), (text, regions)


def test_triggers_as_a_scan_for_each_word_whatever_the_words_share():
    """Words opening alike ("itu-t", "itu-d"; "action", "action plan") are looked for behind their
    shared opening, cased words only for a family not found yet, and region codes only in a text
    with a run of their letters: every family is found as by a scan for each word."""
    rng = random.Random(5)
    regions = load_registry().regions
    words = [word for word, _ in (*_LOWER_WORDS, *_CASED_WORDS)]
    near = ["itu-", "ITU-", "ITU", "ITU-T", "Itu-D", "action", "Action Plan", "actio", "act", "ACTION PLAN",
            "plan", "WSIS", "SIS", "AFRICA", "CISCO", "Q", "SG", "AL", "AFR-1", "A F R", "afr", "ARF3", "EUR",
            "Résolution", "ſdg", "ı", "K", "–", "2", "17", "x"]
    for _ in range(4000):
        picked = [rng.choice(words + near) for _ in range(rng.randint(1, 7))]
        text = rng.choice(["", " ", "-", "\n"]).join(word.upper() if rng.random() < 0.2 else word for word in picked)
        assert triggers(text, regions) == _triggers_oracle(text, regions), text


def test_cites_told_the_words_a_text_holds_find_what_they_find_alone():
    """Grammar.cites given the trigger words `triggers` found (and so not looking for the places
    of the others) reads every text as when it looks for all of an anchor's start words."""
    from actionplan_trace.refs.grammar import grammar_for

    rng = random.Random(7)
    regions = load_registry().regions
    grammar = grammar_for(regions)
    words = ("PP Resolution 71", "Resolutions 30, 31 and 45 (Rev. Dubai, 2014)", "Decision 5", "Rec. ITU-T Y.4409",
             "ITU-D Objective 2", "Output 2.1", "outcome 3.1 of the Kigali Action Plan", "SDG 4", "SDGs 1-3",
             "Sustainable Development Goal 9", "target 9.c", "Goal 3", "ITU Strategic Goal 2", "WSIS Action Line C5",
             "AL C7", "C3", "SG 2 Q3", "Study Group 1", "Question 6/2", "all PP resolutions", "Regional Initiative AFR 3",
             "(AFR2, ASP-3)", "ARF3", "priority 4", "progress", "address", "record", "decade", "of", "and", "the")
    for _ in range(1500):
        text = rng.choice([" ", ", ", "; ", "\n"]).join(rng.choice(words) for _ in range(rng.randint(1, 6)))
        text = text.upper() if rng.random() < 0.1 else text
        low = text.lower()
        found: set[str] = set()
        present = triggers(text, regions, low, found)
        for wsis, sector, regional in ((False, False, False), (True, True, True)):
            told = grammar.cites(text, wsis=wsis, sector=sector, regional=regional, low=low, present=present,
                                 words=found)
            alone = grammar.cites(text, wsis=wsis, sector=sector, regional=regional, low=low, present=present)
            assert told == alone, text


def test_a_range_opens_where_a_dash_or_a_range_word_stands_in_the_next_four_characters():
    from actionplan_trace.refs.grammar import RANGE_WORDS, _opens_range

    rng = random.Random(3)
    pieces = ["-", "–", "—", "to", "th", "t", "o", " ", "  ", "1", "a", "through", "9.c", "x"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        for pos in range(len(text) + 2):
            ahead = text[pos:pos + 4]
            plain = any(mark in ahead for mark in ("-", "–", "—", *(word[:2] for word in RANGE_WORDS)))
            assert _opens_range(text, pos) == plain, (text, pos)


def test_may_look_like_reference_told_the_trigger_words_answers_as_by_its_own_scans():
    """The keywords of a reference-like text are trigger words: told the words `triggers` found,
    may_look_like_reference answers as when it looks for its keywords itself, but where the words
    of resolutions stand only in others ("progress", "decade"), which no reference-like words hold."""
    from actionplan_trace.refs.grammar import _REFERENCE_WORDS, _TRIGGER_WORDS, may_look_like_reference, reference_like

    assert set(_REFERENCE_WORDS) <= _TRIGGER_WORDS
    rng = random.Random(9)
    regions = load_registry().regions
    pieces = ["Resolution", "res", "DEC", "Recs", "SDG", "sdgs", "Action", "action lines", "ACTION PLAN", "all ", "the",
              "progress", "2", "17", "ſ", "İ", "K", "’", "No.", "#", "(", " ", "\n"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        low = text.lower()
        words: set[str] = set()
        triggers(text, regions, low, words)
        told = may_look_like_reference(text, low, words)
        assert told == may_look_like_reference(text, low) or (
            not told and next(iter(reference_like(text, low)), None) is None), text



def test_region_codes_found_in_texts_outside_ascii_as_by_a_scan_for_each_code():
    """A text with characters outside ASCII ("–", "“", "é", "ı", "K" the Kelvin sign, a superscript)
    is mapped with each of them as one byte that is in no code: `triggers` finds a region code,
    or a swapped one ("ARF3"), glued to them or not, as a scan for each code does."""
    rng = random.Random(17)
    for regions in (load_registry().regions, ("AFR", "CIS")):
        codes = [*regions, *_swapped_regions(regions)]
        words = ["Resolution", "37", "Initiative", "(", ")", "-", "–", "—", "“", "”", "é", "Ré", "ı", "\u212a", "¹",
                 "\u00a0", "2022", "C5", "regional", "AFRİ", "ÀFR", "A", "F", "R", *codes, *(code.lower() for code in codes)]
        for _ in range(3000):
            text = rng.choice(["", " "]).join(rng.choice(words) for _ in range(rng.randint(1, 8)))
            assert triggers(text, regions) == _triggers_oracle(text, regions), (text, regions)


def test_read_text_tells_a_text_s_digit_once_for_every_gate():
    """`triggers` and `may_look_like_reference` told whether the text holds a digit answer as when
    they look for one themselves, and blanking note marks (superscript digits, no `\\d`) keeps the
    answer: read_text tells it once, before the marks are blanked."""
    from actionplan_trace.refs.find import marks_blanked
    from actionplan_trace.refs.grammar import may_look_like_reference

    rng = random.Random(23)
    regions = load_registry().regions
    pieces = ["Resolution", "Res. 45", "Resolution 37 (Rev. Kigali, 2022)", "PP-18", "SDG 4.4", "target 9.c", "C5",
              "WSIS", "all ", "AL", "Q", "AFR", "7¹", "C5²", "¹", "⁴⁵", "٣", "৭", "x", "2", " ", "\n", "–", "ſ", "İ"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 7)))
        low = text.lower()
        digit = has_digit(text)
        assert has_digit(marks_blanked(text)) == digit, text
        told: set[str] = set()
        alone: set[str] = set()
        assert triggers(text, regions, low, told, digit) == triggers(text, regions, low, alone), text
        assert told == alone, text
        assert may_look_like_reference(text, low, told, digit) == may_look_like_reference(text, low, alone), text
        assert may_look_like_reference(text, low, None, digit) == may_look_like_reference(text, low), text

