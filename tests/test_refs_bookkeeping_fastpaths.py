"""Shortcuts of the per-document reference bookkeeping against the plain versions they replace:
the words the language test counts, and the registry's answers about conferences, found once."""

from __future__ import annotations

import random
from collections import Counter

from actionplan_trace.refs.language import _WORD, language_of, letter_runs, listed_words
from actionplan_trace.refs.registry import Registry, load_registry
from actionplan_trace.refs.resolve import CiteMemo, load_rules

# Letters and non-letters of every kind the regex tells apart: ASCII and accented letters, the
# letters case folding makes ASCII ("ſ", the Kelvin sign), digits of other scripts, superscripts
# (a digit `\d` does not take), underscores, punctuation, no-break and line separators, lone
# surrogates (a text file read with surrogateescape).
_PIECES = ["the", "of", "Und", "für", "élève", "straße", "ſ", "\u212a", "İ", "ı", "x²", "½", "٣", "4", "_", "a_b",
           " ", "\t", "\n", ".", ",", "–", "’", "“", "\u00a0", "\u2028", "§", "-", "'", "\udc80", "\ud800", "Ω",
           "\u0345", "THE", "Für", "DES", "ﬁ"]


def test_letter_runs_are_the_regex_words_on_varied_texts() -> None:
    rng = random.Random(5)
    for _ in range(5000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 25)))
        for variant in (text, text.casefold()):
            assert letter_runs(variant) == _WORD.findall(variant), variant


def test_listed_words_are_the_plain_count_of_the_case_folded_words() -> None:
    """The byte-table count of an ASCII-worded text against the words of the text case-folded,
    counted one by one (the combining ypogegrammeni, no letter, folds to an iota)."""
    words = {**load_rules().language["words"], "xx": frozenset({"ι", "fi", "Und", "straße", "a_b", "ss"})}
    rng = random.Random(7)
    for _ in range(5000):
        text = " ".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 25)))
        counts = Counter(_WORD.findall(text.casefold()))
        assert listed_words(text, words) == {lang: sum(counts[w] for w in listed) for lang, listed in words.items()}, text


def test_an_english_text_with_dashes_and_quotes_is_not_read_as_another_language() -> None:
    """The fast way (no non-ASCII letter) and the regex way (a French text) both count words."""
    rule = load_rules().language
    english = "The Action Plan – “Resolution 71” – sets out the objectives of the Sector and its outputs. " * 40
    french = "Les objectifs du Secteur et les produits de la stratégie pour les membres. " * 40
    assert language_of([english], rule) is None
    assert language_of([french], rule) == "fr"


def test_conference_answers_are_the_plain_ones_and_follow_a_merge() -> None:
    """conference_at and unknown_revision, asked twice, answer as a fresh registry does; a merge
    adding a conference changes the answer (the kept answers are dropped)."""
    built = load_registry()
    fresh = Registry(conferences=built.conferences)
    asked = [("Dubai", 2018), ("Busan", 2014), ("Buenos Aires", 2017), ("Nowhere", 2014), (None, 2014), ("Dubai", None),
             ("Hammamet", 2016), ("Kigali", 2022)]
    for _ in range(2):
        for place, year in asked:
            assert fresh.conference_at(place, year) == built._conference_at(place, year)
            for organ in ("PP", "WTDC", "WTSA", "RA"):
                if place and year:
                    assert fresh.unknown_revision(organ, place, year) == built._unknown_revision(organ, place, year)
    assert fresh.conference_at("Atlantis", 2031) is None
    assert fresh.unknown_revision("PP", "Atlantis", 2030) is not None
    fresh.merge({"conferences": [{"code": "PP-30", "organ": "PP", "place": "Atlantis", "year": 2031},
                                 {"code": "PP-30b", "organ": "PP", "place": "Atlantis", "year": 2030}]}, "extra.yml")
    conference = fresh.conference_at("Atlantis", 2031)
    assert conference is not None and conference.code == "PP-30"
    assert fresh.unknown_revision("PP", "Atlantis", 2030) is None


def test_a_cite_met_again_is_placed_as_resolving_it_there_makes_it() -> None:
    """The cites a document resolved once (Resolver.resolve's memo) are placed at each further
    text and offset as resolving them there anew would make them: the same ids, texts, spans,
    revisions, places and findings, and the same edition taken from the document."""
    from actionplan_trace.editions import detect
    from actionplan_trace.model import Loc
    from actionplan_trace.refs import RefContext
    from actionplan_trace.refs.find import read_text

    registry = load_registry()
    editions = detect(["Buenos Aires Action Plan"], "action-plan")
    cites = ["PP Resolutions 71 and 139 (Rev. Dubai, 2018)", "Resolution 5 (Rev. Nowhere, 2014)",
             "SDGs 4, 9 and 9", "WSIS Action Lines C5, C3", "ITU-T Study Groups 13 and 17", "Recommendation ITU-T Y.4409",
             "Regional Initiatives AFR3 and ARF2", "all PP resolutions", "Resolutions 2 (WTDC), 71 (PP)"]
    rng = random.Random(3)
    texts = [" ".join(rng.choice(["As agreed,", "See", "and", "(", ";", "under", "the plan:"]) + " " + rng.choice(cites)
                      for _ in range(rng.randint(1, 3)))
             for _ in range(60)]
    memo: CiteMemo = {}
    for at, text in enumerate(texts):
        ctx = RefContext(organ="WTDC", sector="ITU-D", section=f"s{at % 7}", loc=Loc(paragraph=at), source="doc",
                         editions=editions, expect="resolution" if at % 5 == 0 else None)
        shared = read_text(text, ctx, registry, memo=memo)
        alone = read_text(text, ctx, registry)
        assert [(vars_of(r), r.by_document) for r in shared[0]] == [(vars_of(r), r.by_document) for r in alone[0]], text
        assert shared[1] == alone[1] and shared[2] == alone[2], text
    assert len(memo) < sum(text.count(" ") for text in texts)  # cites were met again


def vars_of(ref: object) -> dict[str, object]:
    """A reference's fields as a dict (a slotted record has no `__dict__`)."""
    from actionplan_trace.record import fields

    return {f.name: getattr(ref, f.name) for f in fields(ref)}
