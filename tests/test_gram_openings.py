"""The list parsers' first-character tests (grammar.opening): each set holds every character a
match of its patterns can open with, and the parsers read what they read with the tests off;
and `read_text`'s ITU-goals flag (whose search starts with "goal")."""

from __future__ import annotations

import random
import re

import pytest

from actionplan_trace.refs import find, grammar, load_registry
from actionplan_trace.refs.grammar import grammar_for
from actionplan_trace.refs.types import RefContext

# (pattern, its opening set, texts a match of it may be, as written after a number)
GATED = [
    (grammar._QUAL, grammar._QUAL_OPENS, ["(Rev. Dubai, 2014)", "(WTDC-17)", "(Council 2019)", "\\(Busan 2014\\)",
                                          "– Kigali 2022", "- Buenos Aires, 2017", "—Dubai 2018", "(Rev.Hyderabad,2010)"]),
    (grammar._ORGAN_SUFFIX, grammar._PAREN_OPENS, [" of WTDC", " adopted by the Plenipotentiary", "(WTDC)",
                                                   " OF THE PP-18", " at the ITU Council", "( PP )", " by RA-15"]),
    (grammar._ASIDE, grammar._PAREN_OPENS, ["(universal access)", " (Quality education)", "(x)"]),
    (grammar._AMOUNT, grammar._AMOUNT_OPENS, ["%", " ‰", " per cent", "-million", " BILLION", " mn", "M", " k",
                                              " Kbps", " \u212abit", "-K", " trillions", " percent", " GHz"]),
    (grammar._COUNT, grammar._AMOUNT_OPENS, [" countries", " Member States", " years", " PEOPLE", " things"]),
    (grammar._COUNT_TITLED, grammar._AMOUNT_OPENS, [" Countries", " Regions"]),
    (grammar._TARGETS_PAREN, grammar._TARGETS_PAREN_OPENS, [" (targets 1.4", ", (target 3.d", "(TARGETS: 9"]),
    (grammar._BARE_PAREN, grammar._TARGETS_PAREN_OPENS, [" (4.4", ", (9", "(1"]),
]


def test_every_opening_set_of_the_grammar_is_held_to_its_patterns() -> None:
    """A set made with `grammar.opening` and not listed in GATED would go unchecked."""
    made = {name for name, value in vars(grammar).items() if name.endswith("_OPENS") and isinstance(value, frozenset)}
    listed = {name for name, value in vars(grammar).items() if any(value is opens for _, opens, _ in GATED)}
    assert made and made <= listed, made - listed


def test_the_whitespace_set_is_what_backslash_s_matches() -> None:
    space = re.compile(r"\s")
    every = [chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000]
    assert grammar.SPACES == {c for c in every if space.match(c)} == {c for c in every if c.isspace()}


def _candidates() -> list[str]:
    """Every character up to U+3000 and those past it that \\s matches or that a case-insensitive
    pattern matches with an ASCII letter (the Kelvin sign, "ſ", "İ", "ı" among the first)."""
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    return [chr(code) for code in range(0x10000) if not 0xD800 <= code < 0xE000
            and (code < 0x3001 or chr(code).isspace() or ascii_letter.match(chr(code)))]


@pytest.mark.parametrize("pattern, opens, samples", GATED, ids=[p.pattern[:24] for p, _, _ in GATED])
def test_no_match_opens_with_a_character_outside_its_set(pattern: re.Pattern[str], opens: frozenset[str],
                                                         samples: list[str]) -> None:
    """Each sample matches as written, and again after more whitespace; put any character outside
    the set in front of it (or in place of its whitespace) and it matches no more."""
    for sample in samples:
        assert pattern.match(sample) and pattern.match(" \u00a0\n" + sample), sample
    tails = {tail for sample in samples for tail in (sample, sample.lstrip(), sample.lstrip()[1:])}
    for c in _candidates():
        if c not in opens:
            for tail in tails:
                assert pattern.match(c + tail) is None, (c, tail)


@pytest.mark.parametrize("pattern, opens, samples", GATED, ids=[p.pattern[:24] for p, _, _ in GATED])
def test_every_match_in_generated_texts_opens_with_a_character_of_its_set(
        pattern: re.Pattern[str], opens: frozenset[str], samples: list[str]) -> None:
    rng = random.Random(41)
    pieces = [*samples, "71", "9.c", ",", ", ", " and ", "(", ")", "-", "–", " ", "\u2003", "\t", "x", "P", "of", "the"]
    matched = 0
    for _ in range(600):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for pos in range(len(text) + 1):
            if pattern.match(text, pos) is not None:
                matched += 1
                assert text[pos:pos + 1] in opens, (text, pos)
    assert matched > 200


class _Everything:
    """An opening set holding every character: the first-character tests turned off."""

    def __contains__(self, item: object) -> bool:
        return True


ANCHORS = ["PP Resolutions ", "WTDC Resolution ", "Res. ", "Resolutions No. ", "Recommendation ITU-T ", "SDGs ",
           "SDG targets ", "Goals ", "ITU Strategic Goal ", "targets ", "Study Groups ", "WSIS Action Lines ", "Outputs "]
ITEMS = ["71", "139", "9", "4", "17", "2", "9.c", "4.4", "10.a", "5b", "Y.3172", "C5", "2.1", "1 (targets 1.4, 1.5)",
         "9 (9.1, 9.c)", "4 (Quality education)"]
AFTER = ["", "", "", "(Rev. Dubai, 2014)", " (Busan, 2014)", " – Kigali 2022", "– Kigali 2022", "-Dubai, 2018",
         " of the WTDC", " (WTDC)", " (PP)", " adopted by the PP", " per cent", "%", " million", "M", " countries",
         " Countries", " Member States", " years", " (universal access)", " (AFR 1)", " (2020)", "-12", " to 20", "–3",
         "\u00a0", ")", "."]
SEPARATORS = [", ", ",", " and ", " or ", "; ", " & ", " ", "  ", "\u00a0", "\n", ", and "]


def _list_texts(seed: int, count: int) -> list[str]:
    """Texts of one or two lists: an anchor, then numbers, each with what may follow a number
    (a revision, an organ, an aside, an amount or a count, a range's end), joined by separators."""
    rng = random.Random(seed)

    def one_list() -> str:
        items = [rng.choice(ITEMS) + rng.choice(AFTER) for _ in range(rng.randint(1, 7))]
        return rng.choice(ANCHORS) + "".join(item + rng.choice(SEPARATORS) for item in items[:-1]) + items[-1]

    return [" ".join(one_list() for _ in range(rng.randint(1, 2))) + rng.choice(["", " will apply.", " of the PP"])
            for _ in range(count)]


def test_the_parsers_read_the_same_cites_with_the_tests_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lists of resolutions, SDGs and targets with revisions, organs, asides, amounts and counts
    after their numbers: the cites (kinds, spans, items, organs, revisions) are those read when
    every pattern is tried at every place."""
    grammar_ = grammar_for(load_registry().regions)
    texts = _list_texts(43, 4000)
    gated = [grammar_.cites(text, wsis=True) for text in texts]
    for name in ("_QUAL_OPENS", "_PAREN_OPENS", "_AMOUNT_OPENS", "_TARGETS_PAREN_OPENS"):
        monkeypatch.setattr(grammar, name, _Everything())
    for text, got in zip(texts, gated):
        assert got == grammar_.cites(text, wsis=True), text
    assert sum(1 for cites in gated for cite in cites if len(cite.items) > 2) > 150
    assert sum(1 for cites in gated for cite in cites for item in cite.items if item.rev) > 100


def test_the_itu_goals_flag_is_the_mention_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """`read_text`'s flag is whether `itu_goals_mention` finds a mention, in texts with and
    without a digit, "goal" and the words around it, in each context."""
    registry = load_registry()
    rng = random.Random(47)
    pieces = ["ITU goals", "ITU's strategic goals", "Connect 2030 goals", "strategic GOALS", "goal", "Goals", "all ",
              "the", "of", "2", "17", "Resolution 71", "SDG 4", " ", ", ", "\n", "İ", "\u212a"]
    contexts = [RefContext(), RefContext(expect="sdg"), RefContext(expect="sdg-field"), RefContext(sector="ITU-D")]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        flag = find.read_text(text, rng.choice(contexts), registry)[2]
        assert flag == (find.itu_goals_mention(text) is not None), text
