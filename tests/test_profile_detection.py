"""Profile detection stops counting a profile's patterns once they cannot make it chosen: it must
pick what counting every pattern on every line picks, on real text and on mixtures of documents."""

from __future__ import annotations

import random
from collections import Counter
import re

import pytest

from actionplan_trace.extract import read
from actionplan_trace.patternscan import required_literal
from actionplan_trace.profiles import (
    Pattern,
    Profile,
    _Lines,
    _lines_hit,
    available_profiles,
    detect_profile,
    is_anchored,
    join_patterns,
    start_gate,
)

from conftest import CORPUS


def _counted(lines: list[str]) -> str:
    """The documented rule, counted in full: most pattern hits (priority first, then patterns
    with a hit), at least min_hits and two patterns with a hit, or one hit of an `alone` pattern
    (scored as one pattern's one hit), else 'generic'."""
    best: tuple[int, Profile] | None = None
    for profile in available_profiles().values():
        if not profile.detect_patterns:
            continue
        per_pattern = [sum(1 for line in lines if p.search(line)) for p in profile.detect_patterns]
        hits, covered = sum(per_pattern), sum(1 for n in per_pattern if n)
        if hits >= profile.min_hits and covered >= min(2, len(per_pattern)):
            score = profile.priority * 1_000_000 + covered * 1000 + hits
        elif any(p.search(line) for p in profile.detect_alone for line in lines):
            score = profile.priority * 1_000_000 + 1000 + 1
        else:
            continue
        if best is None or score > best[0]:
            best = (score, profile)
    return best[1].name if best else "generic"


# Lines of other document types (a Strategic Plan, an implementation report, a contribution, a
# WSIS roadmap), so that mixtures make several profiles compete.
OTHER_LINES = [
    "Resolution 71 (Rev. Dubai, 2018)", "Strategic plan for the Union for 2020-2023", "Goal 1: Growth",
    "Target 1.1: Worldwide, 65% of households should have access to the Internet by 2023",
    "Target 2.3 – Broadband services should be affordable", "Strategic Goal 2 – Inclusiveness",
    "Table 2.1 – ITU-R outputs and objectives", "Telecommunication Development Sector (ITU-D)",
    "Report on the implementation of the 2020-2023 Strategic Plan", "Status of implementation",
    "Annex 1 – Implementation of PP Resolutions", "Objective T.1 Develop standards",
    "This document is the progress on the implementation of the Strategic Plan for 2021.",
    "Proposals", "2. Proposal", "In Output 2.1, under Background add the following", "Abstract",
    "Detailed modifications to the Action Plan", "TITLE: Proposed modifications to the Buenos Aires Action Plan",
    "WSIS Action Line C5: Building confidence",
    "Roadmap for WSIS Action Line C2: Information and communication infrastructure",
    "ITU WSIS Action Lines Roadmaps", "Objective 3 – Enabling environment", "Output 3.2 – Capacity",
]


def _texts() -> dict[str, list[str]]:
    paths = sorted((CORPUS / "text").rglob("*.txt"))
    return {p.name: [b.text.strip() for b in read(p).blocks if b.type != "table" and b.text.strip()] for p in paths}


def test_detection_matches_full_count_on_each_text_and_on_mixtures():
    texts = _texts()
    picked = {name: detect_profile(lines).name for name, lines in texts.items()}
    assert picked == {name: _counted(lines) for name, lines in texts.items()}
    assert picked["action-plan-ba-amended.txt"] == "action-plan"
    rng = random.Random(11)
    pool = [line for lines in texts.values() for line in lines]
    chosen = set()
    for size in (3, 10, 30, 100, 300):
        for _ in range(40):
            lines = rng.sample(pool, size) + rng.choices(OTHER_LINES, k=rng.randrange(12))
            expected = _counted(lines)
            assert detect_profile(lines).name == expected, lines
            chosen.add(expected)
    assert chosen == set(available_profiles()), "the mixtures make every profile win somewhere"


# Patterns whose text a naive rewrite would get wrong: named groups repeated across patterns, a
# literal "(?P<" escaped or inside a class, "|" inside a class or escaped, a top-level "|".
TRICKY = [
    r"^(?P<number>\d+)\s+(?P<title>.+)$", r"^Output\s+(?P<number>\d+\.\d+)\s*(?P<title>.*)$",
    r"^[(?P<x>]+y", r"^\(?P<z>", r"^[]|]x", r"^a\|b", r"^Abstract|Summary", r"(?:Sector|Secretariat)$",
    r"^[^]a-z]+ \d", r"^(?i:output)\s+\d",
]


def _all_patterns() -> list[str]:
    out = list(TRICKY)
    for profile in available_profiles().values():
        out += [p.pattern for p in profile.detect_patterns]
        out += [r.match.pattern for r in profile.headings if r.match is not None]
        out += [t.header.pattern for t in profile.tables]
    return out


def test_joined_patterns_match_where_any_of_them_does():
    """join_patterns' regex (the gate of detection and of structure's heading rules) finds a match
    on exactly the texts one of its patterns finds one on; with anchored patterns, `search` too;
    marked, its match tells the first of the patterns that matches."""
    texts = [line for lines in _texts().values() for line in lines] + OTHER_LINES
    texts += ["(P<z> y", "P<z>", "|x", "]x", "a|b", "ab", "Summary at the end", "The ITU Secretariat",
              "Output 2.1 - Title", "12 Scope", "(?P<x>y", "1X 2", "OUTPUT 3"]
    rng = random.Random(7)
    words = " ".join(texts).split()
    texts += [" ".join(rng.choices(words, k=rng.randrange(1, 6))) for _ in range(300)]
    patterns = _all_patterns()
    compiled = {p: re.compile(p, re.IGNORECASE) for p in patterns}
    for size in (1, 2, 5, len(patterns)):
        for _ in range(20 if size < len(patterns) else 1):
            chosen = rng.sample(patterns, size)
            joined = join_patterns(chosen)
            assert joined is not None, chosen
            for text in texts:
                assert bool(joined.match(text)) == any(compiled[p].match(text) for p in chosen), (chosen, text)
            marked = join_patterns(chosen, marked=True)
            assert marked is not None
            place = {marked.groupindex[f"_{k}"]: k for k in range(len(chosen))}
            for text in texts:
                m = marked.match(text)
                first = next((k for k, p in enumerate(chosen) if compiled[p].match(text)), None)
                assert (place[m.lastindex] if m else None) == first, (chosen, text)
            anchored = [p for p in chosen if is_anchored(p)]
            gate = join_patterns(anchored)
            for text in texts if gate is not None else ():
                assert bool(gate.match(text)) == any(compiled[p].search(text) for p in anchored), (anchored, text)


# Pattern endings last_chars reads (or must refuse), with the texts they were written for.
ENDINGS = {
    r"^a\)$": ["a)", "A)"], r"^Implementation\s+framework$": ["implementation FRAMEWORK", "Implementation framewor\u212a"],
    r"^\w+ initiatives$": ["Regional initiativeS", "Regional initiative\u017f"], r"^a\\$": ["a\\"],
    r"^a\$": ["a$"], r"^(x\\)$": ["x\\"], r"^(?:a|b)c$": ["ac", "BC"], r"^ab|c$": ["abz", "ab"], r"^[)]$": [")"],
    r"^\x41$": ["A", "a"], r"^\u004a$": ["j"], r"^\x4A$": ["J"], r"^\bend$": ["end"], r"^a\d$": ["a1"],
    r"^x\ $": ["x "], r"^x.$": ["xy"], r"^x\.$": ["x."], r"^\101$": ["A"], r"^(?:end)$": ["END"], r"^ends?$": ["end"],
    r"^Sector \((?:ITU-[RTD]|GS)\)$": ["sector (gs)", "Sector (ITU-D)"], r"^a\Z": ["a"],
}


def test_last_chars_holds_the_last_character_of_every_match():
    """A pattern's last_chars (when known) holds the last character of every ASCII-ending line it
    matches (re.IGNORECASE); those of non-ASCII characters it matches are left to the gate. It is
    known for a final `$` after an escaped mark or a letter that stands for itself."""
    from actionplan_trace.profiles import last_chars

    texts = [line for lines in _texts().values() for line in lines] + OTHER_LINES
    texts += [text for samples in ENDINGS.values() for text in samples]
    rng = random.Random(17)
    words = " ".join(texts).split()
    texts += [" ".join(rng.choices(words, k=rng.randrange(1, 4))) + rng.choice(["", ")", "s", "k", "N", ".", "ſ"])
              for _ in range(2000)]
    known = 0
    for pattern in [*_all_patterns(), *ENDINGS]:
        ending = last_chars(pattern)
        if ending is None:
            continue
        known += 1
        compiled = re.compile(pattern, re.IGNORECASE)
        for text in texts:
            if compiled.search(text) and text[-1].isascii():
                assert text[-1] in ending, (pattern, text)
    assert known >= 12
    assert {p for p in ENDINGS if last_chars(p) is None} == {
        r"^(x\\)$", r"^ab|c$", r"^[)]$", r"^\x41$", r"^\u004a$", r"^\x4A$", r"^\bend$", r"^a\d$", r"^x.$",
        r"^\101$", r"^(?:end)$", r"^ends?$", r"^a\Z", r"^a\$"}
    assert last_chars(r"^Sector \((?:ITU-[RTD]|GS)\)$") == frozenset(")")
    assert last_chars(r"^\w+ initiatives$") == frozenset("sS")


def test_gated_lines_are_the_lines_the_gate_matches():
    """StartGate.gated tries each distinct line once, its gate written out in its loop: the same
    lines, in order and repeated as often, as filtering every line through the gate's `match`
    and through the one regex of all the patterns (lines opening with non-ASCII characters, with
    characters no pattern opens with, with each pattern's openings)."""
    lines = [line for lines in _texts().values() for line in lines] + OTHER_LINES
    rng = random.Random(3)
    lines += rng.choices(lines, k=3000)
    lines += ["ſtatus of implementation", "Šector", "\u00e9tat", "Target 1.1: x", "target 2.2 – y", "|", "~x", "9 Goal"]
    rng.shuffle(lines)
    anchored = [p.pattern for profile in available_profiles().values() for p in profile.detect_patterns
                if is_anchored(p.pattern)]
    gate, joined = start_gate(anchored), join_patterns(anchored)
    assert gate is not None and joined is not None
    for sample in (lines, lines[:50], OTHER_LINES * 3, []):
        sample = [line.strip() for line in sample if line.strip()]
        assert gate.gated(sample) == Counter(filter(gate.match, sample)) == Counter(filter(joined.match, sample))
        assert list(gate.gated(sample)) == list(Counter(filter(gate.match, sample)))
    assert sum(gate.gated(lines).values()) > len(gate.gated(lines)) > 20


def test_which_patterns_are_anchored_or_cannot_be_joined():
    assert is_anchored(r"^(?:a|b)c") and is_anchored(r"^[|]a") and is_anchored(r"^a\|b") and is_anchored(r"^[]|]x")
    assert not is_anchored(r"^Abstract|Summary") and not is_anchored(r"(?:^a)") and not is_anchored(r"\bOutput")
    assert join_patterns([r"^(a)\1", "^b"]) is None  # a back-reference would point elsewhere once joined
    assert join_patterns([r"^(?P<n>a)(?P=n)"]) is None
    assert join_patterns([r"(?x) a b"]) is None and join_patterns([]) is None


def test_required_literal_is_in_every_match():
    assert required_literal(r"\b(?:report|progress)\s+on\s+the\s+implementation\s+of\s+the\s+Plan") == "implementation"
    assert required_literal(r"ab?cd") == "cd" and required_literal(r"(?x) a b c") == "abc"
    assert required_literal(r"^Abstract|Summary") == "" and required_literal(r"[abc]+") == ""
    assert required_literal(r"x(?-i:Longer)y") == "x" and required_literal(r"R\u00e9sum\u00e9") == "sum"
    assert required_literal("(") == ""  # a bad pattern: the error is raised where it is compiled


def test_lines_holding_a_required_literal_count_as_a_search_of_every_line():
    """Counting a pattern over the lines that hold its required literal (folded text) gives the
    count over every line, on real text, with the characters re.IGNORECASE matches with an ASCII
    letter of another case (İ, ı, ſ, the Kelvin sign) and with the literal at line ends."""
    lines = [line for lines in _texts().values() for line in lines] + OTHER_LINES
    rng = random.Random(5)
    words = " ".join(lines).split() + ["İmplementation", "ımplementation", "Strategic", "Plan", "Pſ", "\u212aey", "ü"]
    lines += [" ".join(rng.choices(words, k=rng.randrange(1, 12))) for _ in range(2000)]
    lines += ["Report on the İmplementation of the Strategic Plan", "report on the ımplementation of the strategic plan",
              "The \u212aEY plan", "PS", "Ps", "Pſ", "Progress on the implementation of the Strategic Plan ü"]
    patterns = [r"\b(?:report|progress)\s+on\s+the\s+implementation\s+of\s+the\s+Strategic\s+Plan",
                r"implementation", r"\bkey\b", r"ps$", r"^plan", r"the\s+(?:ITU|plan)", r"\w+ation\b"]
    patterns += [p.pattern for profile in available_profiles().values() for p in profile.detect_patterns]
    safe = [line for line in lines if not any(c in line for c in "İıſ\u212a")]
    assert any(not line.isascii() for line in safe)
    for sample in (lines, safe, lines[:1], []):
        text = _Lines(sample)
        for source in patterns:
            pattern = Pattern(source, "test")
            assert _lines_hit(pattern, sample, text) == sum(1 for line in sample if pattern.search(line)), source
        assert text.holding("implementation") == (lines if sample is lines else [
            line for line in sample if "implementation" in line.lower()])


DRAFT_PLAN = """Draft Action Plan of the Regional Development Forum

This Action Plan implements Resolution 37 (Rev. Buenos Aires, 2017).

Objective 1{sep} Coordination and cooperation

Foster international cooperation in line with Resolution 1 (Rev. Kigali, 2022).

Output 1.1{sep} Regional forums

Organize regional preparatory meetings.

Objective 2{sep} Modern and secure infrastructure

Output 2.1{sep} Broadband infrastructure

Assist Member States in developing broadband networks (SDG 9.1).
"""


def test_objectives_after_a_colon_or_full_stop_make_an_action_plan(tmp_path) -> None:
    """A draft plan typing "Objective 1: …" (or "Objective 1. …", as the heading rules accept)
    was 'generic': only "Objective 1 – …" counted, and two objectives and two outputs are four
    hits. Its sections then had slugs for ids instead of objective-1 and output-1.1."""
    from actionplan_trace import load

    for sep in (":", ".", " –"):
        path = tmp_path / "draft.txt"
        path.write_text(DRAFT_PLAN.format(sep=sep), encoding="utf-8")
        doc = load(path)
        assert doc.source.profile == "action-plan", sep
        assert [s.id for s in doc.sections if s.kind in ("objective", "output")] == [
            "objective-1", "output-1.1", "objective-2", "output-2.1"], sep


def test_minutes_whose_objective_lines_are_sentences_stay_generic(tmp_path) -> None:
    """"Objective 1. The meeting agreed …" in a working group's minutes is a sentence: the colon
    and full-stop forms count for an Action Plan only before a title (a review found minutes
    read as a plan, their sentences made section titles)."""
    from actionplan_trace import load

    minutes = (
        "Report of the TDAG Working Group on the Action Plan\n\n"
        "1. Opening of the meeting\n\nThe chair opened the meeting.\n\n"
        "Objective 1: The BDT reported on progress in regional forums.\n\n"
        "Objective 2. The meeting agreed to review the broadband indicators.\n\n"
        "Output 2.1 was discussed at length.\n\nOutput 2.3 The meeting asked for a revised text.\n\n"
        "3. Date of next meeting\n\nThe next meeting will be held in May.\n"
    )
    path = tmp_path / "minutes.txt"
    path.write_text(minutes, encoding="utf-8")
    assert load(path).source.profile == "generic"


def test_gated_lines_count_each_pattern_as_a_search_of_every_line_does():
    """GatedLines.hits tries a pattern on the gated lines opening with a character it can open with
    only: the same count, each line as often as it occurs, as searching every gated line (lines
    opening with non-ASCII characters, digits, brackets; patterns whose opening is not known)."""
    lines = [line for lines in _texts().values() for line in lines] + OTHER_LINES
    rng = random.Random(23)
    openers = ["ſ", "\u212a", "İ", "\u0663", "•", "(", "1.", "É", "-", "t", "R"]
    lines += [rng.choice(openers) + line[1:] for line in rng.sample(lines, 400)]
    lines += rng.choices(lines, k=1000)
    anchored = [p.pattern for profile in available_profiles().values() for p in profile.detect_patterns
                if is_anchored(p.pattern)]
    tricky = [p for p in TRICKY if is_anchored(p)] + [r"^.?Output\s+\d", r"^\W*Goal\s+\d", r"^[^a-z]+\d"]
    gate = start_gate(anchored + tricky)
    assert gate is not None
    gated = gate.gated([line.strip() for line in lines if line.strip()])
    assert len(gated) > 100
    found = 0
    for pattern in anchored + tricky:
        compiled = re.compile(pattern, re.IGNORECASE)
        expected = sum(n for line, n in gated.items() if compiled.search(line))
        assert gated.hits(Pattern(pattern, "test")) == expected, pattern
        found += expected > 0
    assert found > len(anchored) // 2


def test_start_gate_matches_where_any_anchored_pattern_does():
    """The StartGate tries a line with the patterns that can open with its first character only:
    it finds a match on exactly the lines one of the patterns finds one on, also for a line
    opening with a character re.IGNORECASE matches with an ASCII letter (ſ, the Kelvin sign, İ,
    ı), a non-ASCII digit, a bullet or a space, and for patterns whose opening is not known."""
    lines = [line for lines in _texts().values() for line in lines] + OTHER_LINES
    rng = random.Random(13)
    openers = ["ſ", "\u212a", "İ", "ı", "\u0663", "•", " ", "(", "1.", "ü", "É", "-", "*"]
    words = " ".join(lines).split()
    lines += [rng.choice(openers) + " ".join(rng.choices(words, k=rng.randrange(0, 5))) for _ in range(1500)]
    lines += [rng.choice(openers) + line[1:] for line in rng.sample(lines, 500)]
    lines += ["ſubject: Proposed modifications to the Plan", "\u212aey outputs", "İTU Strategic plan for the Union",
              "\u0663.1 Implementation framework", "\u0663 References to WTDC resolutions", "ſtatus of implementation",
              "Implementation framewor\u212a", "Regional initiativeſ", "Status of implementatioN", "ITU Sector (GS)",
              "The Telecommunication Sector (ITU-T)\n", "Regional initiatives\n", "ſtatus of implementation\n"]
    anchored = [p.pattern for profile in available_profiles().values() for p in profile.detect_patterns
                if is_anchored(p.pattern)]
    tricky = [p for p in TRICKY if is_anchored(p)] + [r"^.?Output\s+\d", r"^\W*Goal\s+\d", r"^[^a-z]+\d"]
    for patterns in (anchored, tricky, anchored + tricky, anchored[:3]):
        gate = start_gate(patterns)
        assert gate is not None
        compiled = [re.compile(p, re.IGNORECASE) for p in patterns]
        expected = [line for line in lines if any(c.search(line) for c in compiled)]
        assert [line for line in lines if gate.match(line)] == expected
        assert len(expected) > 50
    assert start_gate([r"^(a)\1", "^b"]) is None



def test_the_start_gate_joins_the_patterns_of_a_character_when_a_line_first_opens_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A short text meets few first and last characters: the StartGate joins all the patterns at
    once (to know they can be joined: those ending the line with a known character apart from
    the others), then those of a character only when a line opens (ends) with it, once for every
    character sharing them, and finds what the patterns find."""
    from actionplan_trace import profiles

    anchored = [p.pattern for profile in available_profiles().values() for p in profile.detect_patterns
                if is_anchored(p.pattern)]
    ended = [p for p in anchored if profiles.last_chars(p) is not None]
    assert ended and len(ended) < len(anchored)
    joined: list[tuple[str, ...]] = []

    def counted(patterns: list[str], marked: bool = False) -> re.Pattern[str] | None:
        joined.append(tuple(patterns))
        return join_patterns(patterns, marked)

    monkeypatch.setattr(profiles, "join_patterns", counted)
    gate = start_gate(anchored)
    assert gate is not None and joined == [tuple(p for p in anchored if p not in ended), tuple(ended)]
    lines = ["Resolution 37 (Rev. Kigali, 2022)", "resolution 71", "Objective 2: Modern infrastructure",
             "Output 2.1 Spectrum", "WSIS action lines", "Output 3.4", "ſtatus of implementation", "Ziel 1",
             "Telecommunication Development Sector (ITU-D)", "Regional initiatives", "Status of implementatioN"]
    compiled = [re.compile(p, re.IGNORECASE) for p in anchored]
    assert [gate.match(line) for line in lines] == [any(c.search(line) for c in compiled) for line in lines]
    opened = {line[0].lower() for line in lines if line[0].isascii()}
    ends = {line[-1].lower() for line in lines}
    assert 2 < len(joined) <= 2 + len(opened) + len(ends)
    assert len(set(joined)) == len(joined)


def _report_mix(rng: random.Random) -> list[str]:
    """Lines of an implementation report, a Strategic Plan and an Action Plan in varied numbers, with and
    without "…progress on the implementation of the Strategic Plan" (the report's one pattern not
    anchored at the line start), so that either may win by a few hits."""
    report = ["Report on the implementation of the 2020-2023 Strategic Plan", "Status of implementation",
              "Annex 1 – Implementation of PP Resolutions", "Objective T.1 Develop standards",
              "Target on track", "Resolution 71 (Rev. Dubai, 2018)", "New target, benchmarked"]
    plan = ["Strategic plan for the Union for 2020-2023", "Goal 1: Growth", "Strategic Goal 2 – Inclusiveness",
            "Table 2.1 – ITU-R outputs and objectives", "Telecommunication Development Sector (ITU-D)",
            "Annex 2 to Resolution 71"]
    shared = ["Target 1.1: Worldwide, 65% of households should have access to the Internet by 2023"]
    action = ["Objective 3 – Enabling environment", "Output 3.2 – Capacity", "Regional initiatives",
              "Implementation framework", "References to WTDC resolutions"]
    progress = ["This is the progress on the implementation of the Strategic Plan for 2021.",
                "Report made in the implementation of the 2016 - 2019 Strategic Plan (see Annex)"]
    lines = rng.choices(report, k=rng.randrange(0, 12)) + rng.choices(plan, k=rng.randrange(0, 12))
    lines += rng.choices(shared, k=rng.randrange(0, 4)) + rng.choices(progress, k=rng.randrange(0, 1200))
    lines += rng.choices(action, k=rng.randrange(0, 16))
    lines += ["The text of the plan."] * rng.randrange(0, 40)
    rng.shuffle(lines)
    return lines


def test_detection_that_leaves_the_unanchored_patterns_uncounted_picks_the_full_counts_choice():
    """detect_profile counts a pattern found anywhere in a line only when the profile's score
    range overlaps the best one's (_Score): it picks what counting every pattern picks, where a
    report and a Strategic Plan are a few hits apart, or many (a thousand lines of "progress on
    the implementation…" outweigh a pattern with a hit)."""
    rng = random.Random(17)
    picked = set()
    for _ in range(300):
        lines = _report_mix(rng)
        expected = _counted(lines)
        assert detect_profile(lines).name == expected, lines
        picked.add(expected)
    assert picked >= {"implementation-report", "strategic-plan", "action-plan"}
