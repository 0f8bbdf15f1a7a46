"""The shortcuts structure.py and contents.py take to place a document's blocks give what the
plain way gives: contents entries found by reading only the blocks that end as a page number does
(and the lines before them), later paragraphs keyed only where their first word opens a title,
and a numbered line told from its cheapest tests first."""

from __future__ import annotations

import random

from actionplan_trace import contents
from actionplan_trace.contents import _entry, _key, _names_later_headings, _wrapped_entry, contents_entries
from actionplan_trace.model import Block
from actionplan_trace.structure import (CLAUSE_NUMBER, DATE_REST, INFINITIVE, LABEL_COLON_WORDS, NUMBERED_LABEL,
                                        OPEN_END, _clause_number, _ends_sentence, _same_level, _words, numbered_line)
from actionplan_trace.text_patterns import is_bullet_label, numbered


def _plain_later_places(blocks, start, firsts):
    """contents._later_places as written before it skipped paragraphs by their head."""
    whole: dict[str, list[int]] = {}
    opening: dict[str, list[tuple[int, str]]] = {}
    head = max(map(len, firsts), default=0) + 1
    for i in range(start, len(blocks)):
        block = blocks[i]
        if block.rows is not None:
            continue
        texts = [block.text[:contents.KEYED_CHARS].split("\n", 1)[0]]
        if block.label and (labelled := numbered(block.label, texts[0])) is not None:
            texts.append(labelled)
        for text in texts:
            first = text[:head].split(None, 1) or text.split(None, 1)
            if not first or (word := first[0].casefold()) not in firsts and (word.isascii() or _key(word) not in firsts):
                continue
            key = _key(text)
            for label in {key, key.partition(" - ")[0], key.partition(": ")[0]}:
                whole.setdefault(label, []).append(i)
            if len(key) >= contents.PREFIX:
                opening.setdefault(key[:contents.PREFIX], []).append((i, key))
    return whole, opening


def _plain_contents_entries(blocks):
    """contents.contents_entries read block by block, as it was before it read only the blocks
    that may be entries."""
    runs, run, last_page, wrapped, titles = [], [], 0, {}, set()
    found_at = [_entry(block) for block in blocks]
    for i, block in enumerate(blocks):
        if i - 1 in wrapped:
            continue
        found = found_at[i]
        if (found is None and i + 1 < len(blocks) and (after := found_at[i + 1]) is not None
                and (second := _wrapped_entry(block, blocks[i + 1], after)) is not None):
            found = second
            wrapped[i] = i + 1
        if found is not None and titles and contents._whole_key(block) in titles:
            found = None
        if found is not None:
            titles.add(found[0])
        if found is not None and (found[1] is None or found[1] >= last_page or not run):
            run.append((i, found[0]))
            last_page = found[1] if found[1] is not None else last_page
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [(i, found[0])] if found is not None else []
        last_page = found[1] or 0 if found is not None else 0
    if len(run) >= 2:
        runs.append(run)
    if not runs:
        return frozenset()
    firsts = {title.split(" ", 1)[0] for entries in runs for _, title in entries}
    places = _plain_later_places(blocks, runs[0][-1][0] + 1, firsts)
    out = set()
    for entries in runs:
        if _names_later_headings(entries, places):
            out.update(i for i, _ in entries)
            out.update(wrapped[i] for i, _ in entries if i in wrapped)
    return frozenset(out)


TITLES = ["Output 2.1 – Broadband infrastructure", "Objective 3", "Introduction", "Annex 2", "Foreword",
          "Strengthening the capacity of Member States in developing", "Operational Plan 2021", "ÉTUDE des réseaux",
          "Straße und Weg", "Background", "Implementation framework", "Regional initiatives for Africa and Europe"]


def _random_blocks(rng: random.Random) -> list[Block]:
    """A document with a contents list or two (pages rising, falling, Roman, dot leaders, tabs,
    wrapped over two lines), the headings they name (some as list labels, some after white space
    or a line break), and sentences, figures and tables between."""
    blocks: list[Block] = []
    for _ in range(rng.randrange(1, 4)):
        page = rng.randrange(1, 5)
        for title in rng.sample(TITLES, rng.randrange(0, 8)):
            page += rng.choice([0, 1, 2, 5, -3])
            end = rng.choice([f" {page}", f"\t{page}", f" ....... {page}", " iii", f" {page}"])
            if rng.random() < 0.15:
                words = title.split()
                blocks.append(Block("paragraph", " ".join(words[:2])))
                title = " ".join(["and"] + words[2:])
            blocks.append(Block("paragraph", title + end))
        for _ in range(rng.randrange(0, 6)):
            blocks.append(Block("paragraph", rng.choice(["The plan was adopted in 2021.", "Number of experts 12",
                                                          "Table 2", "Page 4", "A sentence about the work."])))
    for title in rng.sample(TITLES, rng.randrange(0, len(TITLES))):
        shape = rng.random()
        if shape < 0.15 and " " in title:
            number, rest = title.split(" ", 1)
            blocks.append(Block("list-item", rest, label=number))
        elif shape < 0.3:
            blocks.append(Block("paragraph", rng.choice([" ", "\n", " \n ", "\t"]) + title))
        elif shape < 0.4:
            blocks.append(Block("paragraph", title.upper() + " – " + "word " * rng.randrange(0, 120)))
        else:
            blocks.append(Block("paragraph", title))
        blocks.append(Block("paragraph", rng.choice(["Text of the section.", "Output 2.1 will contribute.", "12"])))
        if rng.random() < 0.1:
            blocks.append(Block("table", "a\tb", rows=[]))
    return blocks


def test_contents_entries_read_from_the_blocks_that_may_be_entries_are_the_plain_reads():
    rng = random.Random(21)
    found = 0
    for _ in range(600):
        blocks = _random_blocks(rng)
        expected = _plain_contents_entries(blocks)
        assert contents_entries(blocks) == expected, [b.text for b in blocks]
        found += bool(expected)
    assert found > 100


def test_later_places_keyed_by_their_head_are_the_plain_keys():
    rng = random.Random(23)
    for _ in range(300):
        blocks = _random_blocks(rng)
        firsts = {_key(rng.choice(TITLES)).split(" ", 1)[0] for _ in range(rng.randrange(1, 5))}
        start = rng.randrange(0, len(blocks) + 1)
        assert contents._later_places(blocks, start, firsts) == _plain_later_places(blocks, start, firsts)


OPENINGS = ["Output", "output", "OUTPUT", "1.", "2.1", "(a)", "-", "–", "Étude", "étude", "STRASSE", "Straße", "\u212aey",
            "\ufb01nal", "«Annex»", "Annex", "1 Annex", "Year", "#", "\u00a0Annex", "\x1cAnnex", "\x07Annex", ""]


def test_later_places_turning_down_paragraphs_by_their_first_character_are_the_plain_keys():
    """_later_places turns down a paragraph without a number label (none, or a bullet) by its first
    character (_refused_openings) before it cuts out its first word: what it keys is what the
    plain reading keys, for openings in upper and lower case, digits, punctuation, dashes,
    non-ASCII letters whose case folding changes them (ß, the Kelvin sign, a ligature), white
    space and control characters, under list labels that are numbers, letters or bullets."""
    rng = random.Random(31)
    words = ["annex", "output", "1.", "2.1", "(a)", "-", "étude", "strasse", "key", "final", "year", "«annex»", "#"]
    for _ in range(400):
        blocks = []
        for _ in range(rng.randrange(1, 40)):
            text = f"{rng.choice(OPENINGS)} {rng.choice(['2.1 – Title', 'of the plan', '', 'Background 4'])}"
            text = rng.choice(["", " ", "\n", "\t"]) + text if rng.random() < 0.2 else text
            label = rng.choice([None, None, "•", "-", "1.", "a)", "2.1", "\uf0b7"])
            blocks.append(Block("list-item" if label else "paragraph", text, label=label))
        firsts = set(rng.sample(words, rng.randrange(1, 5)))
        start = rng.randrange(0, len(blocks) + 1)
        assert contents._later_places(blocks, start, firsts) == _plain_later_places(blocks, start, firsts), firsts


def _plain_numbered_line(block, next_block, max_words=20, prev_block=None):
    """structure.numbered_line with its tests in the order they were written."""
    text = block.text.strip()
    number = _clause_number(block)
    if number is None:
        return False
    typed = CLAUSE_NUMBER.match(text)
    rest = text if (block.label and not is_bullet_label(block.label)) or typed is None else text[typed.end():].strip()
    if not rest or next_block is None or not (rest[0].isupper() or rest[0].isdigit()):
        return False
    if DATE_REST.match(rest) or INFINITIVE.match(rest) or OPEN_END.search(rest):
        return False
    if _same_level(number, next_block) or _same_level(number, prev_block):
        return False
    if _words(rest) > max_words:
        return False
    if rest.endswith(":"):
        return _words(rest) <= LABEL_COLON_WORDS or bool(NUMBERED_LABEL.match(rest))
    return not _ends_sentence(rest)


def test_numbered_line_with_its_cheap_tests_first_answers_as_before():
    rng = random.Random(29)
    numbers = ["1", "2.1", "2.1.3", "(a)", "iv)", "A.", "3.", ""]
    rests = ["Background", "Objective 1:", "Output 2.1 – Title:", "The work of the group", "To publish annually",
             "29 April 2020", "Capacity building and", "Sentence that ends.", "Scope «quoted.»", "Title: with a colon and more words:",
             "Long " + "title " * 30, "Mid " + "word " * 18, "lower case start", "Résumé des travaux", "Plan of the"]
    texts = [f"{n} {r}".strip() for n in numbers for r in rests]
    made = 0
    for _ in range(3000):
        def block() -> Block:
            text = rng.choice(texts)
            if rng.random() < 0.2:
                return Block("list-item", text, label=rng.choice(["1.", "•", "a)"]))
            return Block("paragraph", text)
        here, after, before = block(), rng.choice([block(), None]), rng.choice([block(), None])
        words = rng.choice([5, 20, 30])
        expected = _plain_numbered_line(here, after, words, before)
        assert numbered_line(here, after, words, before) == expected, (here.text, after, before, words)
        made += expected
    assert made > 100


def _found(result):
    """A match_heading answer as plain values: the rule's kind, number, title, rank, term, signal."""
    if result is None:
        return None
    match, signal = result
    return match.rule.kind, match.number, match.title, match.rank, match.term, signal


def test_match_heading_with_what_it_kept_of_each_block_answers_as_a_first_reading():
    """match_heading keeps what a block alone decides (_scan) by the block's fields (_ScanKey),
    and its answer where nothing else decided it: blocks of one text that differ in type, list
    label, style, bold or outline level are each read as they are, and a block met again, between
    other neighbours (none, a table, a paragraph a rule's `followed_by` looks for, numbered lines)
    or with another bold lead, answers as a rule set that never saw a block before, for every
    profile's rules, in any order."""
    from actionplan_trace.profiles import available_profiles
    from actionplan_trace.structure import match_heading, rule_set

    rng = random.Random(41)
    texts = ["Objective 1 – Enabling environment", "Output 2.1 – Infrastructure", "Output 2.1", "Target 1.1: Households",
             "Annex 1 – Status of implementation of PP Resolutions", "2.1 Rural communications", "Background",
             "References", "WSIS action lines", "AFR1: Digital", "Goal 1 - Growth", "1. Introduction", "A. Scope",
             "iv) Costs", "(a) Spectrum", "The Council decided.", "Résumé des travaux", "Short line", "ANNEX 2",
             "Objective 1\nEnabling environment", "Resolution 25 (Rev. Dubai, 2018) Measures", "Target on track",
             "٣ Title", "Background\tii", "Proposals for the work", "", "   Background  ", "Title ........ 12"]
    styles = [None, "Heading 2", "List Bullet", "TOC 1", "Normal"]
    profiles = list(available_profiles().values())

    def block() -> Block:
        kind = rng.choice(["paragraph", "paragraph", "heading", "list-item", "table"])
        made = Block(kind, rng.choice(texts), label=rng.choice([None, None, "1.", "•", "a)", "Objective 1 –"]),
                     style=rng.choice(styles), outline_level=rng.choice([None, None, 1, 3]), bold=rng.random() < 0.4)
        made.bold_lead = rng.choice([0, 3, len(made.text) // 2, len(made.text)]) if made.bold else 0
        return made

    found = 0
    for profile in profiles:
        rules = rule_set(profile.headings)
        for _ in range(600):
            here, after, before = block(), rng.choice([block(), None]), rng.choice([block(), None])
            kept = _found(match_heading(profile, here, after, rules, before))
            assert kept == _found(match_heading(profile, here, after, rule_set(profile.headings), before)), here
            found += kept is not None
        assert len(rules.seen) > 50
    assert found > 200


def test_match_heading_answers_kept_for_a_block_met_again_between_other_neighbours():
    """A block met again and again (a document repeats its headings and labels) answers as a rule
    set that never saw it: the answer kept for it alone is not given where a neighbour decides
    it (a short line before no block or a table, a rule's `followed_by` "Target on track", a
    numbered line between numbered lines of its level) or its bold lead does ("Target 1.1:" in
    bold before plain text)."""
    from actionplan_trace.profiles import available_profiles
    from actionplan_trace.record import replace
    from actionplan_trace.structure import match_heading, rule_set

    rng = random.Random(43)
    texts = ["Target 1.1: 65% of households online", "Target 1.2: All schools connected by 2030.", "Target on track",
             "2.1 Rural communications", "2.2 Spectrum", "1. Introduction", "Objective 2 – Enabling environment", "Short line", "Background", "Output 2.1",
             "4.5.1 Objective 1:", "(a) Spectrum management", "The Council decided.", "New target", "AFR1: Digital"]
    pool = []
    for text in texts:
        for _ in range(8):
            made = Block(rng.choice(["paragraph", "paragraph", "list-item", "heading"]), text,
                         label=rng.choice([None, None, "1.", "2.3"]), bold=rng.random() < 0.5)
            made.bold_lead = rng.choice([0, 7, 12, len(text)]) if made.bold else 0
            pool.append(made)
    neighbours = [*pool, None, Block("table", "a\tb", rows=[]), *[Block("paragraph", "Target on track")] * 20]
    decided = 0
    for profile in available_profiles().values():
        # the rules as written, and without `followed_by` (a bold label's rule then reads the bold lead alone)
        for headings in (profile.headings, tuple(replace(rule, followed_by=None) for rule in profile.headings)):
            rules = rule_set(headings)
            for _ in range(1500):
                here = rng.choice(pool)
                here.bold_lead = rng.choice([0, 7, 12, len(here.text)]) if here.bold else 0
                after, before = rng.choice(neighbours), rng.choice(neighbours)
                kept = _found(match_heading(profile, here, after, rules, before))
                assert kept == _found(match_heading(profile, here, after, rule_set(headings), before)), here
                decided += kept is not None
    assert decided > 2000


def test_may_be_typed_turns_down_only_what_typed_number_cannot_match():
    """_may_be_typed answers the first-character and second-character tests it replaced, for ASCII
    and other digits (Arabic-Indic "٣" is a decimal, superscript "²" is not)."""
    from actionplan_trace.structure import _may_be_typed

    def plain(text: str) -> bool:
        first = text[0]
        return first == "(" or first.isdecimal() or first in "ivxIVX" or text[1:2] in (".", ")")

    chars = ["(", "1", "9", "i", "v", "x", "I", "V", "X", "a", "B", "٣", "²", "Ⅳ", "é", " ", ".", ")", "-"]
    for first in chars:
        for second in ["", *chars]:
            text = first + second + "rest"[:len(second)]
            assert _may_be_typed(text) == plain(text), text
