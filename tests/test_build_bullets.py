"""structure.build places a bulleted list item (structure._bulleted: a glyph for its label, or one
of Word's list bullet or number styles) in the open section without match_heading: no heading
rule of any profile opens a section with one, whichever rules the open sections allow and
whatever its text and neighbours are."""

from __future__ import annotations

import random

from actionplan_trace.model import Block
from actionplan_trace.profiles import available_profiles
from actionplan_trace.structure import _bulleted, match_heading, rule_set
from actionplan_trace.text_patterns import is_bullet_label

TEXTS = ["Annex 2: Budget", "Objective R.1: Spectrum", "Target 1.1: 65% of households", "2.1 Rural communications",
         "Goal 1 – Growth", "Output 2.1 – Broadband", "Strategic Goal 3: Sustainability", "WSIS Action Line C2",
         "RESOLUTION 71 (Rev. Dubai, 2018)", "References", "Background", "to publish annually:", "A sentence."]


def test_no_rule_opens_a_section_with_a_bulleted_list_item():
    rng = random.Random(51)
    profiles = list(available_profiles().values())
    bulleted = 0
    for _ in range(1500):
        profile = rng.choice(profiles)
        rules = rule_set(tuple(r for r in profile.headings if rng.random() < 0.7))
        text = rng.choice(TEXTS) + rng.choice(["", "\ncontinued", " of the plan"])
        block = Block("list-item", text, label=rng.choice(["•", "-", "", None, "1.", "a)", "\uf0b7", "–", "2.1"]),
                      style=rng.choice([None, "List Bullet", "List Number 2", "Heading 2", "Normal"]),
                      bold=rng.random() < 0.5, outline_level=rng.choice([None, None, 1]))
        after = Block("paragraph", rng.choice(TEXTS))
        plain = is_bullet_label(block.label) or (block.style or "").lower().startswith(("list bullet", "list number", "list continue"))
        assert _bulleted(block) == plain, block
        if plain:
            bulleted += 1
            assert match_heading(profile, block, after, rules) is None, (profile.name, block)
    assert bulleted > 500


def test_bulleted_items_placed_without_match_heading_give_the_tree_matching_every_paragraph_gives(monkeypatch):
    """build's shortcut for bulleted list items gives the sections match_heading on every paragraph
    gives, for each profile, on texts of every kind and on their blocks shuffled together (the
    same texts as bulleted, numbered and plain list items, in list styles or not)."""
    import dataclasses

    from actionplan_trace import structure
    from actionplan_trace.extract import read
    from conftest import CORPUS, SHARED

    paths = sorted((CORPUS / "text").rglob("*.txt"))[::3] + sorted((SHARED / "seeds").glob("*.txt"))[:3]
    raws = [read(p) for p in paths]
    rng = random.Random(53)
    pool = [b for raw in raws for b in raw.blocks]
    pool += [dataclasses.replace(b, type="list-item", label=label, style=style) for b in rng.sample(pool, 400)
             for label, style in (("•", None), ("1.", None), (None, "List Bullet"), ("-", "List Number"))]
    raws += [dataclasses.replace(raws[0], blocks=rng.sample(pool, 600)) for _ in range(4)]
    # list items numbered or bulleted, with heading-like texts, each before a sentence
    items = [[Block("list-item", rng.choice(TEXTS + ["Rural communications", "Capacity building"]),
                    label=rng.choice(["•", "-", "2.1", "3.", "(a)", "4.2.1", None]),
                    style=rng.choice([None, None, "List Bullet", "List Paragraph"])),
              Block("paragraph", "The work goes on.")] for _ in range(300)]
    raws += [dataclasses.replace(raws[0], blocks=[b for pair in items[k::3] for b in pair]) for k in range(3)]
    profiles = list(available_profiles().values())
    shortcut = [[structure.build(raw, profile).to_dict() for profile in profiles] for raw in raws]
    monkeypatch.setattr(structure, "_opens_nothing", lambda block: False)  # every block tried as a heading
    assert shortcut == [[structure.build(raw, profile).to_dict() for profile in profiles] for raw in raws]
    assert sum(len(d["sections"]) for doc in shortcut for d in doc) > 500
