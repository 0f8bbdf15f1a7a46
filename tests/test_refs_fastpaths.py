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
    misspellings included ("ARF" for "AFR")."""
    low = text.lower()
    if not has_digit(text):
        return {"blanket"} if "all " in low else set()
    present = {name for word, name in _LOWER_WORDS if word in low}
    present |= {name for word, name in _CASED_WORDS if word in text}
    if regex(r"C\d").search(text):
        present.add("bare")
    if any(code in text for code in (*regions, *_swapped_regions(regions))):
        present.add("region")
    return present


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
