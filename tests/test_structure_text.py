"""The action-plan profile on text renderings of real documents (corpus/text/)."""

from __future__ import annotations

import re
from collections import Counter

from actionplan_trace import load
from actionplan_trace.extract import read

from conftest import AREAS_2_1_NEW, CORPUS, SHARED, norm

OBJ2_NEW = CORPUS / "text" / "objective2-new.txt"
AMENDED = CORPUS / "text" / "action-plan-ba-amended.txt"



def _areas(doc, output_id):
    return [s.title for s in doc.sections if s.kind == "area" and doc.path(s)[0:] and output_id in [p.id for p in doc.path(s)]]


def test_objective2_new_tree():
    doc = load(OBJ2_NEW)
    assert doc.source.profile == "action-plan"
    assert [s.id for s in doc.of_kind("objective")] == ["objective-2"]
    assert doc.section("objective-2").title.startswith("Modern and secure telecommunication/ICT Infrastructure")
    assert [s.id for s in doc.of_kind("outcome")] == ["outcome-2.1", "outcome-2.2", "outcome-2.3"]
    assert [s.id for s in doc.of_kind("output")] == ["output-2.1", "output-2.2", "output-2.3"]
    assert doc.section("output-2.2").title == (
        "Products and services on building confidence and security in the use of telecommunications/ICTs"
    )
    assert _areas(doc, "output-2.1") == AREAS_2_1_NEW


def test_outcomes_carry_indicators_and_outputs():
    doc = load(OBJ2_NEW)
    outcome = doc.section("outcome-2.2")
    assert outcome.parent == "objective-2"
    assert outcome.title.startswith("Enhanced capacity of ITU Membership to effectively share information")
    indicators = [b.text for b in outcome.blocks if b.field == "indicators"]
    assert indicators == [
        "Number of cybersecurity national strategies implemented in countries that BDT contributed to develop",
        "Number of CIRT that BDT has contributed to establish",
        "Number of countries where BDT provided technical assistance and improved cybersecurity posture and awareness",
    ]
    assert [b.text for b in outcome.blocks if b.field == "outputs"] == [
        "2.2 - Building confidence and security in the use of telecommunications/ICTs"
    ]


def test_output_subsections_and_references():
    doc = load(OBJ2_NEW)
    kinds = [s.kind for s in doc.children("output-2.1")]
    assert kinds == ["background", "implementation-framework", "regional-initiatives", "study-group-questions", "references"]
    groups = doc.children("output-2.1/references")
    assert [g.id for g in groups] == [
        "output-2.1/references-resolutions", "output-2.1/references-wsis", "output-2.1/references-sdgs"
    ]
    assert groups[1].blocks[0].text == (
        "The implementation of the WSIS Action Lines C1, C2, C3, C9 and C11 will support the Output 2.1 "
        "and will contribute to the achievement of Outcome 2.1"
    )
    programme = doc.children("output-2.1/implementation-framework")[0]
    assert programme.kind == "programme"
    assert programme.title == "Telecommunication/ICT network infrastructure and services"


def test_whole_action_plan_from_text():
    doc = load(AMENDED)
    assert [s.number for s in doc.of_kind("objective")] == ["1", "2", "3", "4"]
    assert [s.number for s in doc.of_kind("output")] == [
        "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2", "2.3",
        "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4",
    ]
    for output in doc.of_kind("output"):
        assert output.title, output.id
        assert doc.get(f"{output.id}/references") is not None, output.id
    assert doc.section("output-1.1").title == "World Telecommunication Development Conference (WTDC) and WTDC final report"
    assert Counter(s.parent for s in doc.of_kind("outcome")) == {
        "objective-1": 3, "objective-2": 3, "objective-3": 4, "objective-4": 4
    }
    assert "Broadcasting and video" in _areas(doc, "output-2.1")
    assert doc.section("clause-4.4").title.startswith("Mainstreaming the empowerment of women and girls")


def test_nothing_lost_text():
    """Every non-empty line of the rendering is in exactly one block, cell or heading."""
    text = re.sub(r"\[bookmark: [^\]]*\]", "", AMENDED.read_text(encoding="utf-8"))
    raw_lines = [norm(l) for l in text.splitlines()]
    raw_lines = [l for l in raw_lines if l]
    doc = load(AMENDED)
    pieces: list[str] = []
    for section in doc.sections:
        if section.heading:
            pieces.extend(section.heading.split("\n"))
        for block in section.blocks:
            if block.rows is not None:
                pieces.extend(p for row in block.rows for c in row for p in (c.paragraphs or [c.text]))
            else:
                pieces.append(block.text)
    haystack = Counter(norm(p) for p in pieces if norm(p))
    for line in raw_lines:
        stripped = line.lstrip("-•·").strip()
        assert haystack[line] + haystack[stripped] >= 1, line
    assert sum(haystack.values()) == len(raw_lines)


def test_raw_blocks_keep_line_numbers():
    raw = read(OBJ2_NEW)
    assert raw.source.format == "text"
    first = raw.blocks[0]
    assert first.loc.line == 1
    assert all(b.loc.paragraph == i for i, b in enumerate(raw.blocks))


def test_heading_rules_gate_gives_the_tree_trying_every_rule_gives(monkeypatch):
    """Structure tries a paragraph against the heading rules' joined pattern first, and against
    each rule only when it matches: the same sections as trying every rule on every paragraph,
    for each profile on texts of every kind (plain, Word text, pandoc, Markdown, seeds)."""
    from actionplan_trace import structure
    from actionplan_trace.profiles import available_profiles

    paths = sorted((CORPUS / "text").rglob("*.txt"))[::2] + sorted((SHARED / "seeds").glob("*.txt"))[:2]
    raws = [read(p) for p in paths]
    profiles = list(available_profiles().values())
    gated = [[structure.build(raw, profile).to_dict() for profile in profiles] for raw in raws]
    assert sum(structure.rule_set(p.headings).gate is not None for p in profiles) == len(profiles)
    monkeypatch.setattr(structure, "rule_set", lambda rules: structure.RuleSet(rules, None, ()))
    assert gated == [[structure.build(raw, profile).to_dict() for profile in profiles] for raw in raws]
    assert {s["kind"] for doc in gated for d in doc for s in d["sections"]} >= {"objective", "output", "clause"}


class _Forgetful(dict):
    """A memo that keeps nothing: every lookup misses."""

    def __contains__(self, key: object) -> bool:
        return False

    def setdefault(self, key, value=None):
        return value


def test_scans_kept_per_text_give_the_tree_scanning_every_paragraph_gives(monkeypatch):
    """match_heading keeps what it read from a paragraph's text and list label (_scan) for the
    next paragraph with the same ones: the same sections as scanning every paragraph, for each
    profile, on texts of every kind and on their blocks shuffled together (the same text as a
    heading, a list item, with and without a label, before a table or last)."""
    import dataclasses
    import random

    from actionplan_trace import structure
    from actionplan_trace.profiles import available_profiles

    paths = sorted((CORPUS / "text").rglob("*.txt"))[1::3] + sorted((SHARED / "seeds").glob("*.txt"))[:3]
    raws = [read(p) for p in paths]
    rng = random.Random(13)
    pool = [b for raw in raws for b in raw.blocks]
    pool += [dataclasses.replace(b, type=kind, label=label) for b in rng.sample(pool, 300)
             for kind, label in (("paragraph", None), ("paragraph", "2.1"), ("list-item", "(a)"), ("heading", None))]
    raws += [dataclasses.replace(raws[0], blocks=rng.sample(pool, 600)) for _ in range(4)]
    profiles = list(available_profiles().values())
    kept = [[structure.build(raw, profile).to_dict() for profile in profiles] for raw in raws]
    plain_rule_set = structure.rule_set
    monkeypatch.setattr(structure, "rule_set",
                        lambda rules: dataclasses.replace(plain_rule_set(rules), seen=_Forgetful()))
    assert kept == [[structure.build(raw, profile).to_dict() for profile in profiles] for raw in raws]
    assert sum(len(d["sections"]) for doc in kept for d in doc) > 500


def _signal_oracle(block, next_block, max_words):
    """heading_signal as the rule reads, every test on every block."""
    from actionplan_trace import structure
    from actionplan_trace.text_patterns import is_bullet_label

    text = block.text.strip()
    if not text or block.type in ("table", "figure"):
        return None
    if block.type == "heading" or block.outline_level is not None:
        return "heading-style"
    if block.type == "list-item" and is_bullet_label(block.label) or text.endswith(structure.FINAL_CHARS):
        return None
    if block.bold and len(text.split()) <= max(structure.BOLD_LINE_WORDS, max_words):
        return "bold-line"
    if len(text.split()) > max_words:
        return None
    if structure.is_caps_line(text):
        return "caps-line"
    if (text[0].isupper() or text[0].isdigit()) and next_block is not None and next_block.type != "table":
        return "short-line"
    return None


def test_heading_signals_kept_per_text_answer_as_the_plain_rule():
    """heading_signal, with the signals of texts kept (LineSignals) and without, gives the rule's
    signal for blocks of every kind, bold or not, before a paragraph, a table or nothing."""
    import dataclasses
    import random

    from actionplan_trace import structure

    paths = sorted((CORPUS / "text").rglob("*.txt"))[::3] + sorted((SHARED / "seeds").glob("*.txt"))[:3]
    pool = [b for p in paths for b in read(p).blocks]
    rng = random.Random(17)
    blocks = rng.sample(pool, 1500)
    blocks += [dataclasses.replace(b, bold=not b.bold) for b in blocks[:500]]
    blocks += [dataclasses.replace(b, type="list-item", label=label) for b in blocks[:300] for label in ("•", "1.")]
    nexts = [None, pool[0], next(b for b in pool if b.type == "table")]
    lines = structure.LineSignals()
    seen = set()
    for block in blocks + blocks[::-1]:
        for following in nexts:
            for words in (structure.SHORT_LINE_WORDS, 32, 80):
                expected = _signal_oracle(block, following, words)
                assert structure.heading_signal(block, following, words) == expected, block
                assert structure.heading_signal(block, following, words, lines) == expected, block
                seen.add(expected)
    assert seen == {None, "heading-style", "bold-line", "caps-line", "short-line"}


def test_sections_opened_by_position_are_the_sections_named_by_keyword():
    """_Builder.open makes a Section with positional arguments: they are its fields, in order,
    and give the section the keywords give."""
    import dataclasses

    from actionplan_trace import structure
    from actionplan_trace.model import Loc, Section
    from actionplan_trace.profiles import get_profile

    assert [f.name for f in dataclasses.fields(Section)] == [
        "id", "kind", "number", "title", "parent", "level", "blocks", "fields", "loc", "signal", "heading",
        "heading_block", "cells", "blank_rows", "term", "headers"]
    builder = structure._Builder(get_profile("action-plan"))
    line = structure.Block("paragraph", "Objective 2", style="Heading 1")
    top = builder.open("objective", "2", "Infrastructure", 1, loc=Loc(line=4), signal="bold-line", heading="Objective 2",
                       heading_block=line)
    assert top.heading_block is line
    below = builder.open("area", None, "Rural communications", 5)
    assert top == Section(id="objective-2", kind="objective", number="2", title="Infrastructure", parent=None,
                          level=1, loc=Loc(line=4), signal="bold-line", heading="Objective 2")
    assert below == Section(id="objective-2/area-rural-communications", kind="area", number=None,
                            title="Rural communications", parent="objective-2", level=2)
    below.blocks.append(structure.Block("paragraph", "text"))
    assert top.blocks == [] and top.fields == {} and below.fields is not top.fields


def test_words_counted_last_when_only_rules_without_a_pattern_are_left():
    """match_heading counts a paragraph's words after the signals of the rules without a pattern:
    a heading-style paragraph of more words than max_heading_words opens nothing, as when the
    rules are tried one by one (words counted first), and one word fewer opens a section."""
    from actionplan_trace import structure
    from actionplan_trace.model import Block
    from actionplan_trace.profiles import get_profile

    profile = get_profile("action-plan")
    gated = structure.rule_set(profile.headings)
    plain = structure.RuleSet(profile.headings, None, ())
    for words, opens in ((profile.max_heading_words + 1, False), (profile.max_heading_words, True)):
        block = Block("heading", " ".join(["Word"] * words), outline_level=0)
        found = [structure.match_heading(profile, block, None, rules) for rules in (gated, plain)]
        assert found[0] == found[1] and (found[0] is not None) == opens


def test_first_chars_open_every_match():
    """patternscan.first_chars, by which structure turns a paragraph down without trying its
    heading gate: a text opening with an ASCII character outside them is matched by no pattern
    (heading patterns of every profile, and openings that are optional, repeated, zero-width or
    a class), on the corpus' lines, those lines after each ASCII character, and their headings'
    words mixed."""
    import random

    from actionplan_trace.patternscan import first_chars
    from actionplan_trace.profiles import available_profiles

    assert first_chars(r"^(?:Relevant )?regional initiatives$") == set("Rr")
    assert first_chars(r"^(?:(?P<clause>\d+)\.?\s+)?Objectives$") == set("0123456789Oo")
    assert first_chars(r"\bfoo") == set("fF") and first_chars(r"(?=a)b") == set("bB")
    assert first_chars(r"(?:ab)*c|[\d(]x") == set("aAcC0123456789(")
    for unknown in (r"a*", r"\s*x", r"[^a]b", r".x", r"ab|", "\u017fx", r"(?:x|)", "("):
        assert first_chars(unknown) is None, unknown
    patterns = [r.match.pattern for p in available_profiles().values() for r in p.headings if r.match is not None]
    patterns += [r"(?:ab)*c|[\d(]x", r"\bfoo", r"(?=a)b", r"^(?:the\s+)?[A-Z]\w+", r"x?y?z", r"(?i:k)elvin"]
    lines = [line.strip() for path in sorted((CORPUS / "text").rglob("*.txt"))[::3]
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(11)
    words = [w for line in lines if len(line) < 60 for w in line.split()] + ["\u212aelvin", "\u017fection", "ab", "c"]
    lines += [" ".join(rng.choices(words, k=rng.randrange(1, 8))) for _ in range(5000)]
    lines += [chr(code) + line for code in range(128) for line in rng.sample(lines, 40)] + [""]
    matched = 0
    for source in patterns:
        chars = first_chars(source)
        if chars is None:
            continue
        match = re.compile(source, re.IGNORECASE).match
        for line in lines:
            if match(line):
                matched += 1
                assert line[:1] in chars or not line[:1].isascii(), (source, line)
    assert matched > 1000


def test_a_clause_number_on_a_line_of_its_own_numbers_the_next_line(tmp_path) -> None:
    """Word's plain text writes "3.1.<tab>Programmes"; a copy from a PDF whose numbers hang apart
    from their text puts "3.1." on a line of its own. The number goes with the line after it: the
    plan reads with the same clauses, and diffs clean against its .docx."""
    from actionplan_trace.diff import diff_documents

    rendering = CORPUS / "text" / "renderings" / "action-plan-ba.word-text.txt"
    text = rendering.read_text(encoding="utf-8")
    lone = re.sub(r"(?m)^(\d+(?:\.\d+)*\.)\t", r"\1\n", text)
    assert lone.count("\n") >= text.count("\n") + 50
    path = tmp_path / "lone-numbers.txt"
    path.write_text(lone, encoding="utf-8")
    got, want = load(path), load(rendering)
    assert [(s.id, s.title) for s in got.sections] == [(s.id, s.title) for s in want.sections]
    assert "clause-3.1" in {s.id for s in got.sections}
    assert diff_documents(load(CORPUS / "action-plan-ba.docx"), got).visible() == []


def test_a_lone_number_before_a_blank_line_or_another_number_stays_a_line(tmp_path) -> None:
    """Only text right below a lone number is what it numbers: "4." before a blank line, and a
    column of numbers, are lines of their own; a bare "7" (a page number) and an acronym in
    brackets ("(SIDS)") are never labels, a roman clause number ("II.") is one."""
    path = tmp_path / "numbers.txt"
    path.write_text("Key figures\n\n4.\n\nThe Bureau will report.\n\n1.\n2.\n3.\n\n7\nThe next page begins.\n\n"
                    "(a)\nSupport the membership.\n\nII.\nScope of the plan\n\n(SIDS)\nand others.\n", encoding="utf-8")
    texts = [b.text for b in read(path).blocks]
    assert texts == ["Key figures", "4.", "The Bureau will report.", "1.", "2.", "3.", "7",
                     "The next page begins.", "(a) Support the membership.", "II. Scope of the plan",
                     "(SIDS)", "and others."]


def test_a_reference_list_is_no_reference_group_heading(tmp_path):
    """"PP Resolutions 101, 102 and WTDC Resolutions 9, 37." under the resolutions heading is that
    group's list, not a second group: its numbers say it is no heading."""
    text = OBJ2_NEW.read_text(encoding="utf-8")
    heading = "PP and WTDC resolutions and recommendations\n"
    assert heading in text
    listed = "PP Resolutions 101, 102 and WTDC Resolutions 9, 37 (Rev. Buenos Aires, 2017)"
    path = tmp_path / "plan.txt"
    path.write_text(text.replace(heading, f"{heading}\n{listed}\n", 1), encoding="utf-8")
    plain, doc = load(OBJ2_NEW), load(path)
    assert [s.id for s in doc.sections] == [s.id for s in plain.sections]
    group = doc.section("output-2.1/references-resolutions")
    assert group.title == "PP and WTDC resolutions and recommendations"
    assert [b.text for b in group.blocks][0] == listed


def test_ids_of_accented_headings_keep_their_letters():
    """"Télécommunications" gives an id of its letters, not "t-l"; other scripts' letters, which
    an id of ASCII letters cannot hold, still give one only from the rest."""
    from actionplan_trace.structure import slug

    assert slug("Télécommunications/TIC modernes et sûres") == "telecommunications-tic-modernes-et"
    assert slug("Año de la Conferencia – Ñandú") == "ano-de-la-conferencia-nandu"
    assert slug("Objective 2 (αβγ)") == "objective-2"
    assert slug("Mise en œuvre") == "mise-en-oeuvre" and slug("Straße") == "strasse"


def test_a_paragraph_longer_than_any_heading_is_not_matched_against_the_heading_rules(monkeypatch):
    """Found in review: a .docx paragraph of "2.2.2…" 15 MB long (one word, so the word count let
    it through) took 1.7 GB in the regex engine's state for the numbered-heading patterns. A text
    longer than HEADING_CHARS is no heading, and no rule is tried on it."""
    from actionplan_trace import structure
    from actionplan_trace.model import Block, Loc, RawDocument, Source
    from actionplan_trace.profiles import get_profile

    scanned = []  # the texts whose candidates (what the rules' patterns are tried on) were made
    real = structure._candidates
    monkeypatch.setattr(structure, "_candidates",
                        lambda block, text, styled: scanned.append(block.text) or real(block, text, styled))
    long = "2." * (structure.HEADING_CHARS // 2 + 1)
    raw = RawDocument(Source("long.txt", "text", None), [Block("paragraph", "1.1 Background", Loc(paragraph=0)),
                                                           Block("paragraph", long, Loc(paragraph=1))])
    doc = structure.build(raw, get_profile("generic"))
    assert [s.title for s in doc.sections] == ["Background"]
    assert [b.text for b in doc.sections[0].blocks] == [long]
    assert long not in scanned


def test_a_sentence_about_a_resolution_is_no_status_entry(tmp_path):
    """Under "Annex 1 - Implementation of PP Resolutions", a sentence that opens with a
    resolution's number and revision and goes on in lower case ("… of the Plenipotentiary
    Conference … was implemented …") is body text citing it: a black-box review found it read as
    the entry res-182, its reference lost. An entry's title opens as a title does ("e-Health"
    too) and ends with no full stop; a regression review added the comma and the full stop."""
    from actionplan_trace import load
    from actionplan_trace.refs import document_refs

    path = tmp_path / "report.txt"
    path.write_text(
        "Annex 1 - Implementation of PP Resolutions\n\n"
        "Resolution 182 (Rev. Busan, 2014) of the Plenipotentiary Conference on the role of "
        "telecommunications/ICTs in climate change was implemented through 3 regional forums.\n\n"
        "Resolution 182 (Rev. Busan, 2014), adopted by the Plenipotentiary Conference, was implemented.\n\n"
        "Resolution 182 (Rev. Busan, 2014) The Conference asked ITU to report, and this was done in 2019.\n\n"
        "Resolution 139 (Rev. Dubai, 2018) Use of telecommunications/ICTs to bridge the digital divide\n\n"
        "Implemented through the Connect 2030 Agenda.\n\n"
        "Resolution 183 (Rev. Dubai, 2018) e-Health applications\n\nImplemented.\n", encoding="utf-8")
    doc = load(path, profile="implementation-report")
    assert [(s.id, s.kind) for s in doc.sections] == [("annex-1", "annex"), ("res-139", "resolution-status"),
                                                      ("res-183", "resolution-status")]
    assert {(r.id, r.section) for r in document_refs(doc).refs if r.id == "PP-RES-182"} == {("PP-RES-182", "annex-1")}
