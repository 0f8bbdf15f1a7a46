"""Turn an extractor's flat block list into a section tree, driven by a profile's rules.

Every block lands in exactly one section (a `front-matter` section holds what comes before the
first heading, a `footnotes` section the footnotes), and every paragraph that opens a section is
kept as that section's `heading`, so nothing an extractor read is lost. Heading signals, strongest
first: a heading style or outline level, a short all-bold line (or an ALL-CAPS one), a typed
clause number before a short title, a short unpunctuated line; each section records the signal
that opened it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from operator import itemgetter
from typing import Callable, Sequence

from .contents import with_tabbed_contents
from .errors import LimitError
from .limits import current as limits_in_force, over
from .model import Block, Cell, Document, Loc, RawDocument, Revision, Section, SourceFormat, kind_label, table_text
from .patternscan import first_chars
from .profiles import HeadingRule, Pattern, Profile, TableRule, join_patterns
from .record import field, record, replace
from .regexcache import regex
from .table_parts import between_parts, cited_notes, furniture_row, names_columns, repeated_lines
from .text_patterns import (CLAUSE_NUMBER, OPEN_END, TOC_STYLE, TYPED_NUMBER, bullet_label, numbered, page_reference,
                            spaced_bullet, toc_last)

# Final punctuation: a line ending on one of these is a sentence, not a title (tested with
# `str.endswith` on stripped text, not a `$` regex that scans the whole paragraph); Chinese and
# Japanese write their own full-width marks ("。", "；", "："), Arabic its own ("؟", "؛", "،").
FINAL_CHARS = (".", ";", ":", ",", "!", "?", "。", "．", "；", "：", "，", "、", "！", "？", "؟", "؛", "،")
# Closing quotation marks, which end a sentence after its final punctuation: "…countries.»"
CLOSING_QUOTES = "\"'”’»›"
# "29 April 2020": a day before a month is a date, not a clause number.
DATE_REST = regex(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{2,4}\b", re.IGNORECASE
)
# "To publish annually:": an infinitive clause states an aim; it is not a title.
INFINITIVE = regex(r"^To\s+[a-z]")
# Any of these is a cased letter that is not upper case, so its line is not ALL-CAPS: a quick no
# for most lines before is_caps_line's letter-by-letter test.
ASCII_LOWER = regex(r"[a-z]")
SLUG_WORD = regex(r"[a-z0-9]+")
SHORT_LINE_WORDS = 14
NUMBERED_TITLE_WORDS = 20
LABEL_COLON_WORDS = 4
# "Objective 1 - Coordinating/International cooperation:": a numbered label before the colon.
NUMBERED_LABEL = regex(r"^[A-Z][\w-]*\s+\d+(?:\.\d+)*\b")
BOLD_LINE_WORDS = 25
FRONT_RANK = 10_000
MAX_DEPTH = 32
"""How deep sections nest: every path, id and report line names each section above, so 900
clauses each numbered one level below the last ("1.1.1…") made a diff of 262 MB. Real plans go
six or seven levels deep; a heading below this depth opens beside the deepest open section."""
ASCII_CHARS = frozenset(map(chr, range(128)))
_NO_KINDS: frozenset[str] = frozenset()


class _ParentRef(str):
    """`{parent}` in id templates: the id of the nearest numbered ancestor (an id without "/"),
    so ids stay short and survive the insertion of intermediate sections; `.number` and `.kind`
    are the direct parent's."""

    number: str
    kind: str

    def __new__(cls, section: Section | None, anchor: str = "") -> "_ParentRef":
        obj = super().__new__(cls, anchor)
        obj.number = (section.number or "") if section else ""
        obj.kind = section.kind if section else ""
        return obj


# Letters NFKD leaves whole, written as their Latin letters: "Mise en œuvre" is mise-en-oeuvre.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o", "Ø": "O",
                            "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "þ": "th", "ð": "d"})


def slug(text: str, limit: int = 36) -> str:
    """A lower-case, hyphenated id fragment from a title (cut at a word boundary); accented
    letters lose their accents ("Télécommunications" is telecommunications, not "t-l")."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text.translate(_LIGATURES))
                       if not unicodedata.combining(c))
    words = SLUG_WORD.findall(text.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or "untitled"


def _words(text: str) -> int:
    return len(text.split())


def _at_most_words(text: str, limit: int) -> bool:
    """Whether `text` has at most `limit` words; k words take at least 2k - 1 characters, so a
    text of at most 2 * limit characters is not split to count them."""
    return len(text) <= 2 * limit or _words(text) <= limit


def _styled(block: Block) -> bool:
    """Whether the block carries a heading style or an outline level: the "heading-style" signal,
    the only one a rule requiring it accepts."""
    return block.type == "heading" or block.outline_level is not None


def heading_signal(
    block: Block, next_block: Block | None, max_words: int = SHORT_LINE_WORDS, lines: LineSignals | None = None
) -> str | None:
    """Which heading signal a block shows, strongest first, or None for body text. `lines`, when
    given, keeps what the text of a block that is not bold shows (_line_signal) for the next one."""
    text = block.text.strip()
    if not text or block.type in ("table", "figure"):
        return None
    if _styled(block):
        return "heading-style"
    if block.type == "list-item" and _bulleted(block):
        return None
    return _unstyled_signal(block, text, next_block, max_words, lines)


def _unstyled_signal(
    block: Block, text: str, next_block: Block | None, max_words: int, lines: LineSignals | None
) -> str | None:
    """heading_signal of a paragraph of stripped text `text` (not empty) that is not styled or a
    bulleted list item (match_heading knows these of a block it tries rules on)."""
    if not block.bold:
        signal = _line_signal(text, max_words) if lines is None else lines[text, max_words]
        return None if signal == "short-line" and (next_block is None or next_block.type == "table") else signal
    # A bold block: a bold line, or nothing (past BOLD_LINE_WORDS words it is past max_words too).
    if _ends_sentence(text) or not _at_most_words(text, max(BOLD_LINE_WORDS, max_words)):
        return None
    return "bold-line"


def _list_style(style: str | None) -> bool:
    """Whether a paragraph style is one of Word's list styles ("List Bullet 2", "List Number"): a
    paragraph its author set as a list item is none of the document's headings, whatever label
    its numbering gives it ("1." for a "List Bullet" whose list format was made decimal)."""
    return style is not None and style.lower().startswith(("list bullet", "list number", "list continue"))


def _ends_sentence(text: str) -> bool:
    """Whether `text` (stripped) ends as a sentence does, with final punctuation, perhaps inside
    closing quotation marks: no heading ends so ("…insert the text: «…countries.»")."""
    if text[-1] in CLOSING_QUOTES:
        text = text.rstrip(CLOSING_QUOTES)
    return text.endswith(FINAL_CHARS)


def _line_signal(text: str, max_words: int) -> str | None:
    """heading_signal of a paragraph of `text` (stripped, not empty) that is not bold, styled or a
    bulleted list item, when a block other than a table follows it."""
    if _ends_sentence(text) or not _at_most_words(text, max_words):
        return None
    if is_caps_line(text):
        return "caps-line"
    return "short-line" if text[0].isupper() or text[0].isdigit() else None


class LineSignals(dict[tuple[str, int], "str | None"]):
    """_line_signal's answers by (text, max_words), each worked out the first time it is asked
    for: a document repeats most of its short lines (running heads, labels, area titles)."""

    def __missing__(self, key: tuple[str, int]) -> str | None:
        signal = self[key] = _line_signal(*key)
        return signal


def is_caps_line(text: str) -> bool:
    """An ALL-CAPS line ("ANNEX 2", "STRATEGIC GOALS"): a heading signal in text, like bold.
    Only a line written mostly in cased letters, all of them upper case, is one: Arabic, Chinese,
    Japanese and other scripts have no case, so a sentence in them has no lower-case letter and
    is no more a heading for it ("信息通信技术部门的特点是技术变革迅速。")."""
    if ASCII_LOWER.search(text):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    cased = [ch for ch in letters if ch.lower() != ch.upper()]
    return len(cased) >= 3 and 2 * len(cased) > len(letters) and all(ch.isupper() for ch in cased)


def _clause_number(block: Block) -> str | None:
    """The clause number a paragraph opens with: its list label (Word's numbering, an HTML or
    Markdown ordered list's: a Markdown "1. Introduction" is a list item), or a typed one."""
    if block.type == "table":
        return None
    if block.label and not bullet_label(block.label):
        return block.label.strip()
    m = CLAUSE_NUMBER.match(block.text)
    return m.group(0).strip() if m and block.type != "list-item" else None


def _number_shape(number: str) -> tuple[int, str]:
    """Depth and style of a clause number: ("4.5.1") -> (3, "1"); ("(a)") -> (1, "a")."""
    core = number.strip("().")
    style = "1" if core[:1].isdigit() else ("A" if core.isupper() else "a")
    return core.count(".") + 1, style


def _same_level(number: str, neighbour: Block | None) -> bool:
    """Whether the block before or after is numbered at the same depth and style: numbered lines
    next to each other are a list ("1. Organization of WTSA-20" / "2. Preparatory processes"),
    not headings."""
    other = _clause_number(neighbour) if neighbour is not None else None
    return other is not None and _number_shape(other) == _number_shape(number)


def numbered_line(
    block: Block, next_block: Block | None, max_words: int = NUMBERED_TITLE_WORDS, prev_block: Block | None = None
) -> bool:
    """A clause-number heading written as text: a typed (or Word list) number, then a short title
    (at most `max_words`) starting with a capital (not "To <verb>"), without final punctuation (a
    colon only after a label of a few words, as in "4.5.1 Objective 1:"), with more text after
    it. A numbered sentence is not one, nor is a line between numbered lines of its own level."""
    text = block.text.strip()
    number = _clause_number(block)
    if number is None:
        return False
    typed = CLAUSE_NUMBER.match(text)
    rest = text if (block.label and not bullet_label(block.label)) or typed is None else text[typed.end():].strip()
    if not rest or next_block is None or not (rest[0].isupper() or rest[0].isdigit()):
        return False
    # Every test is pure, so the cheap ones go first: most numbered paragraphs are sentences
    # (final punctuation, many words), turned down before OPEN_END's search of every position.
    colon = rest.endswith(":")
    if not colon and _ends_sentence(rest) or not _at_most_words(rest, max_words):
        return False
    if DATE_REST.match(rest) or INFINITIVE.match(rest) or OPEN_END.search(rest):
        return False
    if _same_level(number, next_block) or _same_level(number, prev_block):
        return False
    return not colon or _words(rest) <= LABEL_COLON_WORDS or bool(NUMBERED_LABEL.match(rest))


_SIGNAL_ACCEPTS = {
    "heading-style": {"heading-style"},
    "bold-line": {"heading-style", "bold-line", "caps-line"},
    "heading-like": {"heading-style", "bold-line", "caps-line", "short-line"},
    "numbered-line": {"heading-style", "bold-line", "numbered-line"},
    "bold-label": {"heading-style", "bold-line", "caps-line", "bold-label"},
}


def _bold_label(block: Block, candidate: str, m: re.Match[str]) -> bool:
    """Whether the rule's match of `candidate` (the block's text as written) is a label set in
    bold before plain text (Block.bold_lead): the text before its `title` group, all of it in
    the bold the paragraph opens with ("**Target 1.1:** 65% of households …"), but for a colon or
    dash after it."""
    if candidate != block.text.strip() or "title" not in m.groupdict() or m.start("title") < 0:
        return False
    label = candidate[:m.start("title")].rstrip().rstrip(":.–—-").rstrip()
    return bool(label) and len(block.text) - len(block.text.lstrip()) + len(label) <= block.bold_lead


@record
class _Open:
    """A section still open while the blocks are placed, the rank that closes it and `anchor`,
    what `{parent}` names for a section opened inside it: the id of the nearest numbered section
    (an id without "/") among it and the open sections below it, "" when there is none. `kinds`:
    the kinds of it and the open sections below it (_Builder.open_kinds while it is the last)."""

    section: Section
    rank: int
    anchor: str = ""
    kinds: frozenset[str] = frozenset()


def _gate(rules: tuple[HeadingRule, ...]) -> tuple[Callable[[str], re.Match[str] | None] | None, dict[int, tuple[HeadingRule, ...]]]:
    """One regex that matches where any of the rules' patterns does: tried on a paragraph's texts
    in a single call, it says when none of those rules can apply, which is most paragraphs, and
    otherwise which pattern matched first (join_patterns' `marked`). With it, the rules left to
    try after that match's `lastindex`: the rules without a pattern before the first one that
    matched (none of the others before it can apply), then that rule and all after it.
    (None, {}) when a pattern cannot be joined (the rules are then tried one by one)."""
    patterned = [(k, r.match.pattern) for k, r in enumerate(rules) if r.match is not None]
    joined = join_patterns([pattern for _, pattern in patterned], marked=True)
    if joined is None:
        return None, {}
    after: dict[int, tuple[HeadingRule, ...]] = {}
    for n, (k, _) in enumerate(patterned):
        before = tuple(r for r in rules[:k] if r.match is None)
        after[joined.groupindex[f"_{n}"]] = before + rules[k:]
    return joined.match, after


@record(frozen=True)
class RuleSet:
    """The heading rules the open sections allow, in order (`rules`), with what saves trying
    them one by one: `gate` and `after` (see _gate) and the rules without a pattern (`bare`), the
    only ones left when the gate finds nothing; of those, `bare_unstyled` are the ones a block
    without a heading style or outline level may satisfy (not `requires: heading-style`).
    `refused`: the ASCII characters none of the patterns can match a text opening with
    (patternscan.first_chars), so that the gate is not tried on one opening with them. `seen`:
    what _scan found for each paragraph these rules met, by the fields it reads (_ScanKey: a
    document repeats many); `lines`, the signals of their texts (heading_signal's)."""

    rules: tuple[HeadingRule, ...]
    gate: Callable[[str], re.Match[str] | None] | None
    bare: tuple[HeadingRule, ...]
    after: dict[int, tuple[HeadingRule, ...]] = field(default_factory=dict)
    bare_unstyled: tuple[HeadingRule, ...] = ()
    refused: frozenset[str] = frozenset()
    seen: dict[_ScanKey, _Scanned | None] = field(default_factory=dict, compare=False, repr=False)
    lines: LineSignals = field(default_factory=LineSignals, compare=False, repr=False)


def rule_set(rules: tuple[HeadingRule, ...]) -> RuleSet:
    """`rules` with their gate and their rules without a pattern (see RuleSet)."""
    gate, after = _gate(rules)
    bare = tuple(r for r in rules if r.match is None)
    unstyled = tuple(r for r in bare if r.requires != "heading-style")
    return RuleSet(rules, gate, bare, after, unstyled, _refused(rules) if gate is not None else frozenset())


def _refused(rules: tuple[HeadingRule, ...]) -> frozenset[str]:
    """The ASCII characters none of the rules' patterns can match a text opening with; none when
    what one of them opens with is not known."""
    openings = [first_chars(r.match.pattern) for r in rules if r.match is not None]
    return frozenset() if None in openings else ASCII_CHARS.difference(*openings)  # type: ignore[arg-type]


@record
class _Builder:
    """The sections made so far, the stack of open ones and what is kept to name and place them."""

    profile: Profile
    sections: list[Section] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    placed: dict[frozenset[str], RuleSet] = field(default_factory=dict)
    suffixes: dict[str, int] = field(default_factory=dict)
    kinds: frozenset[str] = frozenset()  # the kinds of the open sections (open_kinds)
    table: _Table | None = None  # the table read last, while only furniture and notes follow it
    blocks: Sequence[Block] = ()  # the document's blocks (running_lines)
    format: SourceFormat = "text"  # the format the blocks were read from (_Table.wrapped)
    running: frozenset[str] | None = None  # the document's running heads and feet, once asked
    source: str = ""  # the document's path, for a LimitError
    most: int = field(default_factory=lambda: limits_in_force().sections)  # how many sections it may hold
    numbered: set[str] = field(default_factory=set)  # the sections rules with `numbered_under` opened
    unnumbered: dict[frozenset[str], RuleSet] = field(default_factory=dict)  # heading_rules(…, numbered=False)
    named_numbers: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> numbers written after its word
    cell_rules: dict[str, RuleSet] = field(default_factory=dict)  # row kind -> subsection_rules
    kind_sets: dict[tuple[frozenset[str], str], frozenset[str]] = field(default_factory=dict)  # see open
    rule_sets: dict[tuple[int, ...], RuleSet] = field(default_factory=dict)  # see rule_set

    def running_lines(self) -> frozenset[str]:
        if self.running is None:
            self.running = repeated_lines(self.blocks)
        return self.running

    def open_kinds(self) -> frozenset[str]:
        """The kinds of the open sections (`kinds`): those the last open one keeps (_Open.kinds),
        set whenever the stack changes. A section opens above the same sections below it as long
        as it stays open (the stack only grows and shrinks at its end), and a table's group row
        opened again (_read_rows) is opened again above the section it was opened in, so that
        what it keeps stays true."""
        return self.kinds

    def kinds_above(self, rank: int) -> frozenset[str]:
        """The kinds of the open sections a section of `rank` opens below (those of lower rank):
        what is open once it is."""
        return frozenset(o.section.kind for o in self.stack if o.rank < rank)

    def heading_rules(self, open_kinds: frozenset[str], numbered: bool = True) -> RuleSet:
        """The heading rules the open sections allow, worked out once per set of open kinds (a
        document has a few dozen) rather than rule by rule for every paragraph; without those
        with `numbered_under` when not `numbered` (what else a heading numbered_next turned down
        may be: an area of work "2.1 Rural communications")."""
        cache = self.placed if numbered else self.unnumbered
        rules = cache.get(open_kinds)
        if rules is None:
            rules = cache[open_kinds] = self.rule_set(
                tuple(r for r in self.profile.headings if _placed(r, open_kinds) and (numbered or not r.numbered_under)))
        return rules

    def rule_set(self, rules: tuple[HeadingRule, ...]) -> RuleSet:
        """rule_set(rules), made once for the document: many sets of open kinds allow the same
        rules (all of a report's), and a RuleSet's gate is a regex joined from their patterns.
        Keyed by the rules' identities, which the profile holds for as long as the builder lives:
        a HeadingRule's own hash reads all its fields."""
        key = tuple(map(id, rules))
        found = self.rule_sets.get(key)
        if found is None:
            found = self.rule_sets[key] = rule_set(rules)
        return found

    def numbered_next(self, rule: HeadingRule, number: str | None) -> bool:
        """Whether a heading of a number alone ("2.3 Title") that `rule` (with `numbered_under`)
        matched is the next section of its kind: its number extends the nearest open section of
        the `numbered_under` kind's ("2" → "2.3") and comes after those of its kind this rule
        opened there (a gap is allowed: a revision deleted 2.2). Refused where a heading of the
        document writes that number with the kind's word ("Output 2.3 – …", _named_numbers): a
        numbered sub-heading or area of work inside such outputs ("2.1 Rural communications")
        is no output; and where another rule opened one of its kind there."""
        parent = next((o.section for o in reversed(self.stack) if o.section.kind == rule.numbered_under), None)
        if parent is None or not parent.number or number is None:
            return False
        head, _, last = number.rpartition(".")
        if head != parent.number or not last.isdigit() or number in self._named_numbers(rule.kind):
            return False
        siblings = []
        for section in reversed(self.sections):
            if section is parent:
                break
            if section.kind == rule.kind and section.parent == parent.id:
                siblings.append(section)
        lasts = [s.number.rpartition(".")[2] for s in siblings if s.number]
        before = max((int(n) for n in lasts if n.isdigit()), default=0)
        return all(s.id in self.numbered for s in siblings) and int(last) > before

    def _named_numbers(self, kind: str) -> frozenset[str]:
        """The numbers the document gives headings of the word of `kind` ("Output 2.3 – Title",
        "Output 2.3:" or alone on its line; its kind_label), read once. A sentence that opens with
        it ("Output 2.1 will contribute to …") or a contents entry is no such heading."""
        if kind not in self.named_numbers:
            word = re.escape(kind_label(kind))
            pattern = regex(rf"{word}\s+(\d+(?:\.\d+)*)\.?\s*(?:[–—‐‑‒−:-]\s*[^\t]{{0,600}}|\n.{{0,600}}|)$", re.IGNORECASE)
            self.named_numbers[kind] = frozenset(
                m.group(1) for b in self.blocks
                if b.type != "table" and not b.contents
                and (m := pattern.match((numbered(b.label, b.text.strip()) or b.text.strip()))) is not None
                and not b.text.rstrip().endswith("."))
        return self.named_numbers[kind]

    def subsection_rules(self, kind: str) -> RuleSet:
        """The heading rules that open sections `within` a table row of `kind` (TableRule.subsections)."""
        rules = self.cell_rules.get(kind)
        if rules is None:
            rules = self.cell_rules[kind] = self.rule_set(tuple(r for r in self.profile.headings if kind in r.within))
        return rules

    def current(self) -> Section:
        if not self.stack:
            self.open("front-matter", None, "", FRONT_RANK, id_template="front")
        return self.stack[-1].section

    def open(
        self,
        kind: str,
        number: str | None,
        title: str,
        rank: int,
        *,
        id_template: str | None = None,
        loc: Loc | None = None,
        signal: str | None = None,
        heading: str | None = None,
        index: int = 0,
        heading_block: Block | None = None,
    ) -> Section:
        """A new section below the open ones of lower rank (those of equal or higher rank close),
        at most MAX_DEPTH levels down (deeper, it is a sibling of the deepest open section).
        The Section is made with positional arguments, in its fields' order: a keyword argument to
        a record's __init__ costs some 500 instructions (the keywords go through a dict), and a
        document opens thousands of sections (tests/test_structure_text.py holds the order)."""
        stack = self.stack
        while stack and (stack[-1].rank >= rank or len(stack) >= MAX_DEPTH):
            stack.pop()
        if len(self.sections) >= self.most:
            raise LimitError(self.source, over("sections", f"the document holds more than {self.most:,} sections", self.most))
        top = stack[-1] if stack else None
        parent = top.section if top is not None else None
        section = Section(
            self._unique_id(kind, number, title, parent, id_template, index), kind, number, title,
            parent.id if parent else None, parent.level + 1 if parent else 1, [], {}, loc or Loc(), signal, heading,
            heading_block,
        )
        self.sections.append(section)
        anchor = section.id if "/" not in section.id else top.anchor if top is not None else ""
        # the kinds open once it is, one object for each set reached the same way (one kind on
        # top of the same set), so that the build's loop sees that no rules changed by identity
        below = top.kinds if top is not None else _NO_KINDS
        kinds = self.kind_sets.get((below, kind))
        if kinds is None:
            kinds = self.kind_sets[below, kind] = below | {kind}
        stack.append(_Open(section, rank, anchor, kinds))
        self.kinds = kinds
        return section

    def _unique_id(
        self, kind: str, number: str | None, title: str, parent: Section | None, template: str | None, index: int
    ) -> str:
        if template is None:
            template = "{kind}-{number}" if number else "{parent}/{kind}-{slug}"
        parent_ref: str = ""
        if "{parent" in template:
            anchor = self.stack[-1].anchor if self.stack else ""
            parent_ref = _ParentRef(parent, anchor) if "{parent." in template else anchor
        title_slug = slug(title) if "{slug" in template else ""
        base = template.format(kind=kind, number=number or "", slug=title_slug, parent=parent_ref, index=index).lstrip("/")
        # The first of base, base-2, base-3, … not taken. Ids are only ever added, so the first free
        # suffix of a base never goes down: the search goes on from where it last stopped, which
        # keeps a document with many equal titles linear.
        candidate, n = base, self.suffixes.get(base, 2)
        if candidate in self.ids:
            candidate = f"{base}-{n}"
            while candidate in self.ids:
                candidate, n = f"{base}-{n + 1}", n + 1
            self.suffixes[base] = n + 1
        self.ids.add(candidate)
        return candidate

    def add(self, block: Block) -> None:
        self.current().blocks.append(block)

    def close_to(self, section: Section) -> None:
        while self.stack and self.stack[-1].section is not section:
            self.stack.pop()
            self.kinds = self.stack[-1].kinds if self.stack else frozenset()


def _candidates(block: Block, text: str, styled: bool) -> list[str]:
    """The texts a heading rule may match: as written (`text`, the block's stripped), with its list
    label, without a typed number; and for a heading line (`styled`, see _styled, or all bold)
    broken by a manual line break inside its title ("…confidence and security<br>in the use of…"),
    as one line."""
    out = [text]
    if "\n" in text and (block.bold or styled):
        out.append(" ".join(text.split()))
    if block.label and (labelled := numbered(block.label, text)) is not None:  # most have none
        out.append(labelled)
    typed = TYPED_NUMBER.match(text) if _may_be_typed(text) else None
    if typed:
        out.append(text[typed.end():])
    return out


def _may_be_typed(text: str) -> bool:
    """Whether TYPED_NUMBER can match `text` (stripped, not empty): its number opens with "(", a
    digit or a Roman numeral's letter, or is one letter before "." or ")". Most paragraphs open
    with a word, which this turns down for a fraction of the regex's cost."""
    first = text[0]
    return first in _TYPED_FIRST or text[1:2] in (".", ")") or not first.isascii() and first.isdecimal()


_TYPED_FIRST = frozenset("(0123456789ivxIVX")  # the ASCII characters _may_be_typed lets a number open with


def _placed(rule: HeadingRule | TableRule, open_kinds: frozenset[str]) -> bool:
    """Whether the sections open around the block allow the rule (`within`, `not_within`): a
    heading rule, or a table rule its header row would open."""
    if rule.within and open_kinds.isdisjoint(rule.within):
        return False
    return not (rule.not_within and not open_kinds.isdisjoint(rule.not_within))


@record
class _Match:
    """A heading rule a paragraph satisfies: the number, title and rank of the section it opens."""

    rule: HeadingRule
    number: str | None
    title: str
    rank: int
    term: str | None = None  # the document's word for the kind, where not the kind's (Section.term)


def number_depth(number: str) -> int:
    """Nesting of a clause number below the top decimal level: "4" 0, "4.5.1" 2; a capital
    letter ("A") sits above the decimals (-1), a lower-case letter ("a") below them (6)."""
    if number[0].isdigit():
        return number.rstrip(".").count(".")
    if number.isupper():
        return -1
    return 6


def _rank(rule: HeadingRule, number: str | None, block: Block) -> int:
    if rule.rank is not None:
        return rule.rank
    if rule.rank_from_number is not None and number:
        return rule.rank_from_number + number_depth(number)
    if rule.rank_from_outline is not None:
        return rule.rank_from_outline + (block.outline_level or 0)
    return 9


_Found = tuple[str, re.Match[str]]
_Answer = tuple[_Match, str] | None  # match_heading's
# stripped text, candidate texts, the rules left to try, whether those are rules without a
# pattern only, the first match of each rule's pattern (by the rule's id, filled as tried), styled,
# and match_heading's answer where the block alone gave it (by the profile's max_heading_words and
# whether the next block is none or a table)
_Scanned = tuple[str, list[str], tuple[HeadingRule, ...], bool, "dict[int, _Found | None]", bool,
                 "dict[tuple[int, bool], _Answer]"]
# every field of a block _scan reads (text, list label, type, style, bold, outline level):
# blocks equal in these are scanned alike
_ScanKey = tuple[str, "str | None", str, "str | None", bool, "int | None"]
_UNSEEN: _Scanned = ("", [], (), False, {}, False, {})  # match_heading's mark of a key not scanned yet (by identity)
_BODY_TYPES = frozenset({"paragraph", "heading"})


def _scan(block: Block, rules: RuleSet) -> _Scanned | None:
    """What match_heading reads from a paragraph alone (the fields of its _ScanKey), before its
    neighbours: None when none of `rules` can open a section with it whatever they are (it is no
    paragraph, heading or numbered list item, is longer than HEADING_CHARS, has a contents style
    or reads as a contents entry, or no rule is left to try), else its stripped text, its
    candidate texts, the rules left to try (after the mark of the first rule the gate found, see
    _gate; the rules without a pattern when it found none; all when there is no gate), whether
    only rules without a pattern are left, the first candidate each rule's pattern matches with
    the match, by the rule's id (filled as match_heading tries them: a document repeats many of
    its headings), whether the block is styled (_styled) and, filled by match_heading, its answer
    where no test of the block's neighbours or of fields outside the key decided it."""
    kind = block.type
    if kind == "list-item":
        if _bulleted(block):
            return None
    elif kind not in _BODY_TYPES:
        return None
    if len(block.text) > HEADING_CHARS or block.style and TOC_STYLE.match(block.style):
        return None
    text = block.text.strip()
    # page_reference finds an entry only where the text ends as a page number does (toc_last):
    # told first from the last character, before its substring scans of the whole paragraph
    if not text or toc_last(text[-1]) and page_reference(text) is not None:
        return None
    styled = _styled(block)
    candidates = _candidates(block, text, styled)
    gate = rules.gate
    if gate is None:
        return text, candidates, rules.rules, False, {}, styled, {}
    refused = rules.refused
    if len(candidates) == 1:  # most paragraphs: one call, without a list of marks
        m = gate(text) if text[0] not in refused else None
        first = (m.lastindex or 0) if m is not None else None
    else:
        # the groups marking the first rule each candidate matches (the lowest: the first rule);
        # a candidate opening with a character no pattern can open with matches none
        marks = [m.lastindex or 0 for candidate in candidates
                 if candidate[:1] not in refused and (m := gate(candidate)) is not None]
        first = min(marks) if marks else None
    if first is not None:
        return text, candidates, rules.after[first], False, {}, styled, {}
    tried = rules.bare if styled else rules.bare_unstyled
    return (text, candidates, tried, True, {}, styled, {}) if tried else None


def _opens_nothing(block: Block) -> bool:
    """Whether `build` places `block` in the open section without trying the heading rules on
    it: a bulleted list item, which no rule opens a section with (`_bulleted`)."""
    return block.type == "list-item" and _bulleted(block)


def _bulleted(item: Block) -> bool:
    """Whether a list item is bulleted (a glyph for its label, or one of Word's list styles): no
    heading rule opens a section with it, whichever the open sections allow (_scan)."""
    return bullet_label(item.label) or _list_style(item.style)


def _first_match(pattern: Pattern, candidates: list[str]) -> _Found | None:
    """The first of `candidates` `pattern` matches, with the match."""
    for candidate in candidates:
        m = pattern.match(candidate)
        if m:
            return candidate, m
    return None


HEADING_CHARS = 5_000
"""The longest text a heading may have: a longer paragraph is no heading, and no rule's pattern is
tried on it (a paragraph of "2.2.2…" 8 MB long, one word, took some 115 bytes a character in the
regex engine's state for the numbered-heading patterns: 928 MB)."""


def match_heading(
    profile: Profile,
    block: Block,
    next_block: Block | None,
    rules: RuleSet,
    prev_block: Block | None = None,
) -> tuple[_Match, str] | None:
    """The first of `rules` (the profile's heading rules that the open sections allow, see
    `_Builder.heading_rules`) this block satisfies, with the signal that fired.

    A rule's pattern is tried before the signal it requires, and the block's signals are worked
    out only when a rule needs them, once each; all of these are pure, so the order does not
    change the answer. When the rules' joined pattern (their gate) matches none of the block's
    candidate texts (it is not tried on a paragraph opening with a character none of their
    patterns can open with, RuleSet.refused), only the rules without a pattern can apply, and
    only those are tried; when it matches, the rules with a pattern before the first one it
    found are skipped. A paragraph of more than the profile's max_heading_words is no heading: its words are counted before
    rules with a pattern are tried (a regex call each), but when only rules without one are
    left, last, for the first rule it satisfies, as their signals turn down most paragraphs for
    less than splitting a long one into words. What the block alone decides (_scan) is read once
    for each paragraph of the same fields these rules meet, and so is the answer where no test
    read more than those fields and whether the next block is none or a table (a document repeats
    its headings and labels): a rule's `followed_by`, numbered_line's neighbours and _bold_label's
    bold lead are read anew each time.
    """
    seen = rules.seen
    key = block.text, block.label, block.type, block.style, block.bold, block.outline_level  # _ScanKey
    scanned = seen.get(key, _UNSEEN)
    if scanned is _UNSEEN:
        scanned = seen[key] = _scan(block, rules)
    if scanned is None:
        return None
    text, candidates, tried, bare_only, matched, styled, answers = scanned
    most = profile.max_heading_words
    # all a short line's signal reads of the next block (_unstyled_signal)
    asked = most, next_block is None or next_block.type == "table"
    if asked in answers:  # the block alone gave this answer the last time it was met
        return answers[asked]
    if not bare_only and not _at_most_words(text, most):
        return None
    # Whether the answer is the block's alone (with `asked`): no test of its neighbours (a rule's
    # `followed_by`, numbered_line) or of its bold lead (_bold_label) was read.
    alone = True
    answer: _Answer = None
    signals: dict[int, str | None] = {}
    for rule in tried:
        found: _Found | None = None
        if rule.match is not None:
            ident = id(rule)
            found = matched[ident] if ident in matched else matched.setdefault(ident, _first_match(rule.match, candidates))
            if found is None:
                continue
        if rule.requires == "heading-style" and not styled:
            continue  # the one signal it accepts, which heading_signal would not give
        if rule.followed_by is not None:
            alone = False
            if next_block is None or not rule.followed_by.search(next_block.text.strip()):
                continue
        words = SHORT_LINE_WORDS if rule.max_words is None else rule.max_words
        if words not in signals:  # heading_signal, of a block _scan found to be no bulleted list item
            signals[words] = "heading-style" if styled else _unstyled_signal(block, text, next_block, words, rules.lines)
        signal = signals[words]
        if rule.requires == "numbered-line" and signal not in ("heading-style", "bold-line"):
            alone = False
            numbered = numbered_line(block, next_block, rule.max_words or NUMBERED_TITLE_WORDS, prev_block)
            signal = "numbered-line" if numbered else None
        elif rule.requires == "bold-label" and signal not in _SIGNAL_ACCEPTS["bold-line"] and found is not None:
            alone = False
            signal = "bold-label" if _bold_label(block, *found) else None
        if rule.requires and signal not in _SIGNAL_ACCEPTS[rule.requires]:
            continue
        if bare_only and not _at_most_words(text, most):
            break
        if found is None:
            title = TYPED_NUMBER.sub("", text, count=1).strip() or text
            answer = _Match(rule, None, title, _rank(rule, None, block)), signal or "pattern"
            break
        candidate, m = found
        groups = m.groupdict()
        number = (groups.get("number") or "").strip() or None
        named: str | None = groups.get("title")
        title = named if named is not None else "" if "title" in groups else TYPED_NUMBER.sub("", candidate, count=1)
        rank = _rank(rule, groups.get("clause") or number, block)
        answer = _Match(rule, number, title.strip(), rank, _term(groups.get("term"), rule.kind)), signal or "pattern"
        break
    if alone:
        answers[asked] = answer
    return answer


def _term(word: str | None, kind: str) -> str | None:
    """A rule's `term` group as the section's own word (Section.term), in sentence case: None where
    it is none or the kind's own ("OBJECTIVE" of an objective)."""
    if not word:
        return None
    term = " ".join(word.split()).capitalize()
    return None if term.casefold() == kind_label(kind).casefold() else term


@record
class _BoxRules:
    """The heading rules whose kinds make a one-column table a box (the profile's `boxes` and
    `boxes_with_subsections`), and for each kind of the latter, made when first asked, the rules
    that open its sub-sections (those `within` it)."""

    opens: RuleSet
    profile: Profile
    parts: dict[str, RuleSet] = field(default_factory=dict)

    def subsections(self, kind: str) -> RuleSet | None:
        """The rules of `kind`'s sub-sections when a box of it must hold one, else None."""
        if kind not in self.profile.boxes_with_subsections:
            return None
        if kind not in self.parts:
            self.parts[kind] = rule_set(tuple(rule for rule in self.profile.headings if kind in rule.within))
        return self.parts[kind]


def unboxed(blocks: Sequence[Block], profile: Profile) -> Sequence[Block]:
    """`blocks` with each box replaced by the blocks it holds: a one-column table (Block.flow)
    drawn round a section's text, as some Action Plans box each output, its heading and body in
    one cell or a row each. The profile's `boxes` name the section kinds whose heading makes one a
    box, its `boxes_with_subsections` those that do when it holds a sub-heading too (see _is_box);
    a one-column table of anything else (a list of regions, of outputs, a note) stays a table. A
    table of several columns joined with boxes (Block.row_flows) is split into its table parts
    and its boxes (_joined_parts). `blocks` as they are when the profile names none or no
    table has one column or a row of one cell."""
    if not (profile.boxes or profile.boxes_with_subsections) or not any(block.flow or block.row_flows for block in blocks):
        return blocks
    kinds = (*profile.boxes, *profile.boxes_with_subsections)
    rules = _BoxRules(rule_set(tuple(rule for rule in profile.headings if rule.kind in kinds)), profile)
    out: list[Block] = []

    def add(block: Block) -> None:
        """The block, or the blocks of the box it is (and of each box inside that: an objective's
        box holding its outputs' boxes), or the parts of a table joined with boxes."""
        if block.flow and (_is_box(profile, block.flow, rules) or _is_banner(profile, block.flow, rules)):
            for inner in block.flow:
                add(inner)
        elif block.row_flows:
            for part in _joined_parts(profile, block, block.row_flows, rules):
                if isinstance(part, Block):
                    out.append(part)
                else:
                    for inner in part:
                        add(inner)
        else:
            out.append(block)

    for block in blocks:
        add(block)
    return out


JOINED_BOX_BLOCKS = 3
"""The fewest paragraphs a box joined before more of a table holds (a heading and two more, or a
heading and a sub-heading's), unless that table is its own (_heads_its_table): a heading and one
line in one-cell rows there is a group or title row. At the table's end a heading and a line is a
box (an output of one sentence after the outcomes table)."""


def _joined_parts(profile: Profile, block: Block, flows: list[list[Block] | None],
                  rules: _BoxRules) -> list[Block | list[Block]]:
    """A table of several columns that Word or LibreOffice joined with the boxes next to it (two
    tables with no paragraph between them are one), split: its table parts (Blocks, each with
    its rows) and the blocks of each box (lists), in order. A box is a run of rows of one cell
    (`flows`, aligned with the table's rows) from one whose first paragraph opens a section of a
    box kind to the next row of several cells or the table's end, when _is_box reads their blocks
    as a box: an outcomes table going on with the boxes of the outputs after it, or an objective's
    box going on with its outcomes table. Before the table's end such a run holds more than a
    heading and a line (JOINED_BOX_BLOCKS), unless the table after it is its own. The table whole
    (one part) when it holds no box: a row of one cell spanning a table (a group row "Output 2.1 –
    Infrastructure" / "Lead: …", a title row "Background" / a sentence) stays a row."""
    rows = block.rows or []
    parts: list[Block | list[Block]] = []
    start = r = 0
    while r < len(rows):
        if flows[r] is None:
            r += 1
            continue
        end = r
        while end < len(rows) and flows[end] is not None:
            end += 1
        heads = (k for k in range(r, end) if _opens_box(profile, flows, k, end, rules))
        k = next(heads, None)
        if k is not None:
            inner = [b for row_flow in flows[k:end] for b in row_flow or ()]
            own = _heads_its_table(profile, inner, rows[end:end + 1], rules)
            if ((end == len(rows) or len(inner) >= JOINED_BOX_BLOCKS or own) and _is_box(profile, inner, rules)
                    or own and _is_banner(profile, inner, rules)):
                if start < k:
                    parts.append(_table_part(block, rows[start:k]))
                parts.append(inner)
                start = end
        r = end
    if not parts:
        return [block]
    if start < len(rows):
        parts.append(_table_part(block, rows[start:]))
    return parts


def _heads_its_table(profile: Profile, inner: list[Block], after: list[list[Cell]], rules: _BoxRules) -> bool:
    """Whether a short box (a heading and a line) is the section the table part after it belongs
    to: an objective's box and introduction, then its outcomes table (a table rule `within` the
    box's kind matches the next row as its header). A title row "Output 2.1 – Summary" over an
    outcomes table heads no table of its own."""
    if not after or not after[0] or not inner:
        return False
    found = _heading_at(profile, inner, 0, rules.opens)
    header = " ".join(cell.text for cell in after[0])
    return found is not None and any(found[0].rule.kind in rule.within and rule.header.search(header)
                                     for rule in profile.tables)


def _opens_box(profile: Profile, flows: list[list[Block] | None], k: int, end: int, rules: _BoxRules) -> bool:
    """Whether row `k`'s first paragraph opens a section of a box kind (its title may be the
    next paragraph, in the row or the next one of the run ending at `end`)."""
    row_flow = flows[k]
    if not row_flow:
        return False
    after = row_flow[1] if len(row_flow) > 1 else next((b for f in flows[k + 1:end] for b in f or ()), None)
    return match_heading(profile, row_flow[0], after, rules.opens) is not None


SUBSECTIONS_OF_A_BOX = 2
"""How many of its own sub-headings a box of a `boxes_with_subsections` kind holds: a References
section boxed holds its groups (resolutions, WSIS action lines, SDGs); a "References" note inside
a Background may name one ("References" / "Sustainable Development Goals" / "SDG 9 and SDG 17")."""


def _is_box(profile: Profile, flow: list[Block], rules: _BoxRules) -> bool:
    """Whether a one-column table's blocks are a section's text: the first opens a section by one
    of `rules` (the profile's box kinds, wherever it stands: the sections open around the table
    are not known yet), and a block after that heading (and after the title line a rule takes
    from the next paragraph) is body text, which none of them opens. A table listing "Output 2.1 –
    …", "Output 2.2 – …" one a row is no box: it holds headings only, and so does one listing
    "Output 2.1" with its title on the next line, each title the line its heading takes. When the
    first opens a kind of `boxes_with_subsections`, the table is a box only if blocks after the
    headings open SUBSECTIONS_OF_A_BOX of that kind's sub-sections: a References box holding its
    groups is the references section, a "References" note stays a table."""
    k = 0
    first: str | None = None
    while k < len(flow):
        found = _heading_at(profile, flow, k, rules.opens)
        if found is None:
            if first is None:
                return False
            parts = rules.subsections(first)
            return parts is None or SUBSECTIONS_OF_A_BOX <= sum(
                1 for j in range(k, len(flow))
                if _heading_at(profile, flow, j, parts) is not None)
        first = first or found[0].rule.kind
        k += 2 if found[0].rule.title_from_next and not found[0].title else 1
    return False


def _is_banner(profile: Profile, flow: list[Block], rules: _BoxRules) -> bool:
    """Whether a one-column table's blocks are one heading of a `boxes` kind and nothing else (its
    title on the next line too): a banner, as a plan may shade "Objective 1 – Affordable
    connectivity" in a one-cell table, opens its section as that heading's paragraph would. Kinds
    of `boxes_with_subsections` make none: a "References" cell alone heads a note as often."""
    found = _heading_at(profile, flow, 0, rules.opens) if flow else None
    if found is None or found[0].rule.kind not in profile.boxes:
        return False
    return len(flow) == (2 if found[0].rule.title_from_next and not found[0].title else 1)


def _heading_at(profile: Profile, blocks: Sequence[Block], k: int, rules: RuleSet) -> tuple[_Match, str] | None:
    """`match_heading` on blocks[k], with the block after it for a title on the next line."""
    return match_heading(profile, blocks[k], blocks[k + 1] if k + 1 < len(blocks) else None, rules)


def _table_part(block: Block, rows: list[list[Cell]]) -> Block:
    """The table `block` with only `rows` (its cells where they were)."""
    return replace(block, text=table_text(rows), rows=rows, row_flows=None)


def _cell_blocks(cell: Cell, name: str) -> list[Block]:
    """One block per non-empty paragraph of a table cell, tagged with its column name, with the
    links the cell holds in it (Cell.links, Block.links) and the blank paragraphs before it (and
    after the last: Cell.blanks, Block.blanks and trailing)."""
    paragraphs = cell.paragraphs or cell.text.split("\n")
    blocks = []
    before = 0  # the cell's blank paragraphs before the next block (Cell.blanks, Block.blanks)
    for k, para in enumerate(paragraphs):
        text = para.strip()
        if not text:
            before += cell.blanks[k] if cell.blanks is not None and k < len(cell.blanks) else 0
            continue
        start = len(para) - len(para.lstrip())
        m = spaced_bullet(text)
        if m:
            item = text[m.end():]
            start += m.end() + len(item) - len(item.lstrip())
            block = Block("list-item", item.strip(), loc=cell.loc, label=m.group(1), field=name)
        else:
            block = Block("paragraph", text, loc=cell.loc, field=name)
        if cell.links is not None:
            block.links = tuple((max(a - start, 0), min(b - start, len(block.text)), target)
                                for line, a, b, target in cell.links
                                if line == k and b - start > 0 and a - start < len(block.text))
        if cell.blanks is not None:
            before += cell.blanks[k] if k < len(cell.blanks) else 0
            block.blanks = (cell.loc.paragraph or 0,) * before or None
            before = 0
        blocks.append(block)
    if blocks and cell.blanks:
        blocks[-1].trailing = (cell.loc.paragraph or 0,) * (cell.blanks[-1] + before) or None
    return blocks


def _row_blocks(row: list[Cell], names: list[str]) -> list[Block]:
    """The blocks of a table row read as a section, cell by cell (`_cell_blocks`). A cell of no
    text makes none, so its blank paragraphs (Cell.blanks) count before the next cell's first
    block, or after the row's last where no cell after it holds one."""
    blocks: list[Block] = []
    carried: tuple[int, ...] = ()
    for name, cell in zip(names, row):
        made = _cell_blocks(cell, name)
        if not made:
            carried += (cell.loc.paragraph or 0,) * sum(cell.blanks or ())
        elif carried:
            made[0].blanks, carried = carried + (made[0].blanks or ()), ()
        blocks.extend(made)
    if carried and blocks:
        blocks[-1].trailing = (blocks[-1].trailing or ()) + carried
    return blocks


def _cell_words(cell: Cell) -> str:
    """A cell's text with its white space runs made single spaces (a header cell as a name)."""
    return " ".join(cell.text.split())


def _column_names(rule: TableRule, width: int, header: list[str] | None = None) -> list[str]:
    """Field names of a row: the rule's `columns`, or (`columns: header`) the header cells' texts
    (`header`, each as _cell_words gives it); a column past the rule's, by its header cell's text
    ("Lead" added to an outcome table), "col4" only where it has none (or another column's name)."""
    if rule.header_columns and header is not None:
        return [header[i] if i < len(header) and header[i] else f"col{i + 1}" for i in range(width)]
    names = list(rule.columns[:width])
    for i in range(len(names), width):
        title = header[i] if header is not None and i < len(header) else ""
        names.append(title if title and title not in names and title not in rule.columns else f"col{i + 1}")
    return names


def _is_group_row(rule: TableRule, row: list[Cell]) -> bool:
    if not rule.group:
        return False
    texts = [c.text.strip() for c in row if c.text.strip()]
    return bool(texts and len(set(texts)) == 1 and rule.group.search(texts[0]))


def _is_label_row(rule: TableRule, row: list[Cell], width: int, bold_stands_out: bool) -> bool:
    """Whether a row labels or annotates the rows around it without being one of the table's rows
    (a group row the rule's `group` does not name: "Goal 1: Growth" over objective rows, in a plan
    whose groups the rule was not written for; a note under them): one text in its first cell and
    nowhere else but the cells merged with it, that (in a table of two columns or more) is one
    cell spanning the table (_spans_table: "Note: outcomes are measured against …" under the
    outcomes) or (in one of three or more) is bold where the rows' first cells are not
    (`bold_stands_out`); and, where the rule's rows are numbered (`number_match`), not numbered as
    a row is, which in a table of three columns or more is enough. Such a row is kept as a row of
    the table (a table block), never read as an objective, an outcome, an output or another row
    section. `width` is the table's: a merged row may be one cell (the .docx reader pads no row
    when the others agree)."""
    first = row[0].text.strip() if row else ""
    if width < 2 or not first or any(c.text.strip() not in ("", first) for c in row[1:]):
        return False
    numbered = rule.number_match is not None and rule.number_match.match(first) is not None
    if _spans_table(row, width) and not numbered:
        return True
    if width < 3:
        return False
    if row[0].bold and bold_stands_out:
        return True
    return rule.number_match is not None and not numbered


def _spans_table(row: list[Cell], width: int) -> bool:
    """Whether a row is one cell across a table `width` columns wide: the only cell of its row, or
    one whose span (Cell.span: w:gridSpan, colspan) covers every column."""
    return len(row) == 1 or row[0].span >= width


def _plain_first_cells(rows: list[list[Cell]]) -> bool:
    """Whether some row with text beyond its first cell has that first cell not bold: then a bold
    first cell stands out (see _is_label_row), as it does not in a table whose rows lead in bold."""
    return any(not row[0].bold for row in rows if row and row[0].text.strip() and any(c.text.strip() for c in row[1:]))


@record
class _Table:
    """A table split into row sections by a table rule whose rows open with a label (its
    `number_match`: a roadmap's "A1:", "b."), kept while only page furniture and notes follow it
    (table_parts): a part as wide that opens with such a label goes on with it. A table left whole,
    or one whose rule labels no rows, takes no rows from another part. `lead`: cells before the
    header's first one, which hold the start of the first column's text in every row (a list label
    a writer set apart with a tab, "C.<tab>Governments are invited…"). `parent` the open group row
    the rows go under (None: `owner`), `last` the row section read last. `wrapped`: whether the
    table was read off pages laid out in columns, so that a row without a label may be more lines
    of the row above: a PDF's, or one whose own rows (not its header) open with empty cells, the
    later lines of a row as pdftotext -layout sets them."""

    rule: TableRule
    owner: Section
    header: list[Cell]
    notes: set[int]  # the numbers of the notes that may stand after it (table_parts.between_parts)
    lead: int = 0
    parent: _Open | None = None
    last: Section | None = None
    index: int = 0
    wrapped: bool = False

    def goes_on(self, block: Block) -> bool:
        """Whether a table part that opens without a header row is more of this table's rows: as
        wide, and its first row opens with a row label of the rule (or is a group row of it, "WSIS+10
        Outcome Documents…", which a rendering may break over cells), or (rows wrapped, `wrapped`)
        its title cell is empty or starts in lower case, a line of the row above, and the row
        names no columns of its own."""
        rows = block.rows or []
        if self.rule.number_match is None or not rows or len(rows[0]) != len(self.header):
            return False
        first = _lead_joined(rows[0], self.lead)
        title = _title_cell(self.rule, first, [_cell_words(c) for c in _lead_joined(self.header, self.lead)])
        opening = next((c.text.strip() for c in first if c.text.strip()), "")
        if self.rule.number_match.match(title) or (self.rule.group and self.rule.group.search(opening)):
            return True
        if not self.wrapped or (title and not title[0].islower()):
            return False
        return not (_all_bold(rows[0]) and _all_bold(self.header)) and not names_columns(rows)


def _title_cell(rule: TableRule, row: list[Cell], header: list[str] | None) -> str:
    """The text of a row's title cell (the rule's `title_field`, else its first column)."""
    names = _column_names(rule, len(row), header)
    title_name = rule.title_field or names[0]
    return next((cell.text.strip() for name, cell in zip(names, row) if name == title_name), "")


def _opens_empty(row: list[Cell]) -> bool:
    """Whether a row opens with an empty cell and has text further on: a later line of a row."""
    return bool(row) and not row[0].text.strip() and any(c.text.strip() for c in row[1:])


def _same_row(row: list[Cell], other: list[Cell]) -> bool:
    """Whether two rows hold the same words, spacing and case aside: a header row repeated."""
    return len(row) == len(other) and all("".join(a.text.split()).casefold() == "".join(b.text.split()).casefold()
                                          for a, b in zip(row, other))


def _all_bold(row: list[Cell]) -> bool:
    cells = [c for c in row if c.text.strip()]
    return bool(cells) and all(c.bold for c in cells)


def _header_cell(row: list[Cell]) -> int | None:
    """The first cell of a header row with text: empty cells and a stray glyph before it are none
    (a text rendering of a PDF may leave one, "V<tab>WSIS Outcomes…")."""
    return next((k for k, c in enumerate(row) if len(c.text.strip()) > 1), None)


def _matching_rule(builder: _Builder, row: list[Cell]) -> tuple[TableRule, int] | None:
    """The table rule whose header `row` is, if any, and how many cells lead its first column."""
    at = _header_cell(row)
    if at is None:
        return None
    first = row[at].text
    open_kinds = builder.open_kinds()
    header_words: list[str] | None = None  # the header cells as _cell_words gives them, once a rule needs them
    for rule in builder.profile.tables:
        if not _placed(rule, open_kinds):
            continue
        if not rule.header.search(first):
            continue
        if rule.header_row:
            header_words = header_words or [_cell_words(c) for c in row]
            if not rule.header_row.search(" | ".join(header_words)):
                continue
        lead = at if at and not rule.header_columns and len(row) - at == len(rule.columns) else 0
        return rule, lead
    return None


def _lead_joined(row: list[Cell], lead: int) -> list[Cell]:
    """A row whose first `lead` cells hold the start of its first column's text, as one cell. Its
    paragraphs are the cells' with the white space their text is stripped of (a "⇥2.1" typed
    after a tab) left out, so that they hold the text's characters where the text has them and
    each link (Cell.links) stays on its words: the diff places them in a cell's paragraphs and a
    row's cells by the cells' texts (model.cell_link_spans, cell_starts)."""
    if not lead or len(row) <= lead:
        return row
    parts = row[:lead + 1]
    paragraphs: list[str] = []
    links: list[tuple[int, int, int, str]] = []
    blanks = [0]
    for c in parts:
        lines = list(c.paragraphs or ([c.text] if c.text.strip() else []))
        cut = 0  # the white space the cell's text opens with
        if lines:
            cut = len(lines[0]) - len(lines[0].lstrip())
            lines[0] = lines[0][cut:]
            lines[-1] = lines[-1].rstrip()
        links.extend((len(paragraphs) + line, max(a - cut, 0), b - cut, target) if line == 0 else
                     (len(paragraphs) + line, a, b, target)
                     for line, a, b, target in c.links or () if line or b > cut)
        paragraphs.extend(lines)
        layout = c.blanks or (0,)
        blanks[-1] += layout[0]
        blanks.extend(layout[1:])
    text = " ".join(c.text.strip() for c in parts if c.text.strip())
    cell = Cell(text, parts[0].loc, paragraphs, all(c.bold for c in parts if c.text.strip()))
    cell.links = tuple(links) if any(c.links is not None for c in parts) else None
    cell.blanks = tuple(blanks) if len(blanks) == len(paragraphs) + 1 else None
    return [cell, *row[lead + 1:]]


def _without_furniture(builder: _Builder, block: Block) -> Block:
    """`block` without the page furniture rows it opens with, which are added before it as a table
    of their own ("<tab><tab><tab><tab>Page 5" over a page's repeated header row)."""
    rows = block.rows or []
    k = 0
    while k < len(rows) - 1 and furniture_row(rows[k]):
        k += 1
    if not k:
        return block
    builder.add(Block("table", table_text(rows[:k]), loc=block.loc, rows=rows[:k]))
    return replace(block, text=table_text(rows[k:]), rows=rows[k:])


def place_table(builder: _Builder, block: Block) -> None:
    """Place a table: split into row sections by the table rule its header matches, or as more rows
    of the table above when it opens without a header and goes on with it (_Table.goes_on), or else
    left whole."""
    block = _without_furniture(builder, block)
    rows = block.rows or []
    owner = builder.current()
    table = builder.table if builder.table is not None and builder.table.owner is owner else None
    found = _matching_rule(builder, rows[0]) if rows else None
    joined = _two_row_header(rows) if rows else None
    if joined is not None and (found is None or found[0].header_columns):
        # a header of two rows: its columns named by the second ("Outputs | Objectives" spanning
        # over "| Objective 1 | Objective 2 | …", "| Strategic goals" over "| Goal ITU-R | …"),
        # the first row kept as a block of its own
        named = _matching_rule(builder, joined)
        if named is not None and named[0].header_columns:
            builder.add(Block("table", table_text(rows[:1]), loc=block.loc, rows=rows[:1]))
            rows, found = [joined, *rows[2:]], named
            block = replace(block, rows=rows)
    if found is not None:
        rule, lead = found
        if (table is None or table.rule is not rule or table.lead != lead or len(table.header) != len(rows[0])
                or (rule.header_columns and not _same_row(rows[0], table.header))):  # its columns named anew
            table = _Table(rule, owner, rows[0], cited_notes(rows[0]), lead, wrapped=builder.format == "pdf")
        builder.table = None if rule.headless or rule.number_match is None else table
        if rule.headless:
            _read_rows(builder, table, rows)
            return
        builder.add(Block("table", table_text([rows[0]]), loc=block.loc, rows=[rows[0]]))
        _read_rows(builder, table, rows[1:])
        return
    if table is not None and table.goes_on(block):
        _read_rows(builder, table, rows)
        return
    builder.table = None
    builder.add(block)


def _two_row_header(rows: list[list[Cell]]) -> list[Cell] | None:
    """The header of a table whose columns a second row names under a first one's spanning cells
    ("Outputs | Objectives" over "| Objective 1 | … | Objective 5"; a .docx repeats a spanning
    cell's text in each slot, a PDF leaves them empty): per column, the second row's text, else
    the first's (the first column's name from the row that has it: a corner left empty above
    "ITU-D outputs"). None when the second row is no such row: it names fewer columns than the
    first, leaves one empty, or has a first cell of its own under the first row's (a data row's key)."""
    if len(rows) < 3 or len(rows[0]) != len(rows[1]) or len(rows[0]) < 3:
        return None
    first, second = rows[0], rows[1]
    key, corner = second[0].text.strip(), first[0].text.strip()
    if key and corner and key != corner:
        return None
    named = [cell.text.strip() for cell in second[1:]]
    above = {cell.text.strip() for cell in first[1:] if cell.text.strip()}
    if not all(named) or len(set(named)) != len(named) or len(above) >= len(named):
        return None
    return [first[0] if corner else second[0],
            *(low if low.text.strip() else up for up, low in zip(first[1:], second[1:]))]


def _read_rows(builder: _Builder, table: _Table, data: list[list[Cell]]) -> None:
    """Split the data rows of a table part into row sections by `table`'s rule, going on from where
    its part before left off: the rows go under the same group row, a row whose title cell is empty
    goes on with the row read last (_continues), and the rows are counted on."""
    rule = table.rule
    owner = table.owner
    if table.parent is not None:
        builder.stack.append(table.parent)  # the group row the last part ended in, open again
        builder.kinds = table.parent.kinds
    parent_for_rows = table.parent.section if table.parent is not None else owner
    header = _lead_joined(table.header, table.lead)
    row_header = None if rule.headless else [_cell_words(c) for c in header]
    rows = [_lead_joined(row, table.lead) for row in data]
    width = max(map(len, [header, *rows]))
    plain_firsts = _plain_first_cells(rows)
    table.wrapped = table.wrapped or any(map(_opens_empty, rows))
    last = table.last
    # The row section extended last and its rows' names, not yet put in column order: a row that
    # goes on a line at a time would otherwise sort its section again for each line.
    unsorted: tuple[Section, list[str]] | None = None
    blank_rows: tuple[Loc, ...] = ()  # rows of no text since the last row section (Section.blank_rows)
    for row in rows:
        if not any(c.text.strip() for c in row):
            blank_rows += (row[0].loc,) if row else ()
            continue
        if furniture_row(row) or (not rule.headless and _same_row(row, header)):
            owner.blocks.append(Block("table", table_text([row]), loc=row[0].loc, rows=[row]))  # a page's footer, the header again
            continue
        group = _is_group_row(rule, row)
        label = not group and _is_label_row(rule, row, width, plain_firsts)
        if last is not None and not group and not label:
            names = _column_names(rule, len(row), row_header)
            if _continues(rule, row, names, last, table.wrapped):
                if unsorted is not None and (unsorted[0] is not last or unsorted[1] != names):
                    _in_column_order(*unsorted)
                _extend_row_section(last, row, names)
                unsorted = last, names
                continue
        if unsorted is not None:
            _in_column_order(*unsorted)
            unsorted = None
        above, last = last, None
        if label or (rule.headless and rule.number_match and not rule.number_match.match(row[0].text.strip())):
            builder.close_to(parent_for_rows)
            builder.add(Block("table", table_text([row]), loc=row[0].loc, rows=[row]))
            continue
        if group:
            builder.close_to(owner)
            title = next(c.text.strip() for c in row if c.text.strip())
            parent_for_rows = builder.open(
                rule.group_kind or f"{rule.kind}-group", None, title, parent_rank(builder, owner) + 1,
                id_template=rule.group_id, loc=row[0].loc, signal="table-group-row",
            )
            table.parent = builder.stack[-1]
            builder.add(Block("table", table_text([row]), loc=row[0].loc, rows=[row]))  # the row itself, kept
            continue
        builder.close_to(parent_for_rows)
        table.index += 1
        last = _row_section(builder, rule, row, table.index, parent_for_rows, row_header)
        last.blank_rows, blank_rows = blank_rows, ()
        if above is not None:
            _share_merged(last, row, _column_names(rule, len(row), row_header), above)
    if unsorted is not None:
        _in_column_order(*unsorted)
    if last is not None:
        last.blank_rows += blank_rows
    table.last = last
    builder.close_to(owner)


def _continues(rule: TableRule, row: list[Cell], names: list[str], above: Section, wrapped: bool) -> bool:
    """Whether a table row (its fields `names`) goes on with the row above: its title cell is
    empty, as a cell merged down from the row above leaves it (Word's vertical merge, HTML's
    rowspan) or as an author leaves it to say "the same outcome, another indicator". In a table
    whose rows open with a label (`number_match`) and whose own rows open with empty cells, the
    later lines of a row on a page laid out in columns (`wrapped`: a PDF's, pdftotext -layout's),
    an unlabelled title that starts in lower case, or in a row that leaves empty a column the row
    above fills, is a line of the title above. Elsewhere (a .docx, Word's Save-as-text: a row a
    line) such a row is a row."""
    title_name = rule.title_field or names[0]
    title = next((cell.text.strip() for name, cell in zip(names, row) if name == title_name), "")
    if not title:
        return True
    if rule.number_match is None or rule.number_match.match(title) or not wrapped:
        return False
    return title[0].islower() or any(not cell.text.strip() and above.fields.get(name)
                                     for name, cell in zip(names, row))


def _extend_row_section(section: Section, row: list[Cell], names: list[str]) -> None:
    """A row that goes on with the row above (_continues): its cells' paragraphs join that row's
    section, each field's text after the field's text so far, as if the two rows' cells were one.
    The paragraphs go after the section's others: `_in_column_order` then puts each after the
    paragraphs of its column (once for any number of rows going on with the same section)."""
    for name, cell in zip(names, row):
        text = cell.text.strip()
        if text:
            section.fields[name] = f"{section.fields[name]}\n{text}" if section.fields.get(name) else text
    section.blocks.extend(_row_blocks(row, names))


def _in_column_order(section: Section, names: list[str]) -> None:
    """A row section's blocks column by column (`names`), as one cell reads, each column's in the
    order they came; the blocks of no column last. Sorting is stable, so sorting after each row
    that goes on and sorting once after the last give the same order."""
    order = {name: k for k, name in enumerate(names)}
    section.blocks.sort(key=lambda b: order.get(b.field or "", len(order)))  # column by column, as one cell reads


def _row_section(builder: _Builder, rule: TableRule, row: list[Cell], index: int, parent: Section,
                 header: list[str] | None = None) -> Section:
    """One section for a table row: its fields named by `_column_names`, its cells' paragraphs as
    blocks, its title and number as `rule` says."""
    names = _column_names(rule, len(row), header)
    fields = {name: cell.text.strip() for name, cell in zip(names, row)}
    blocks = _row_blocks(row, names)
    title_source = fields.get(rule.title_field or names[0], "")
    title = title_source.split("\n")[0].strip()
    number = None
    if rule.number_field and fields.get(rule.number_field):
        number = fields[rule.number_field].split()[0]
    elif rule.number:
        number = rule.number.format(parent=_ParentRef(parent, parent.id), index=index)
    # the label opens the row's key (first) column, whichever column `title_field` titles it by
    labelled = rule.number_match.match(fields.get(names[0], "")) if rule.number_match and names else None
    if labelled:
        number = labelled.group("number")
        title = (labelled.groupdict().get("title") or title).split("\n")[0].strip()
    rank = parent_rank(builder, parent) + 1
    section = builder.open(
        rule.kind, number, title, rank,
        id_template=rule.id, loc=row[0].loc, signal="table-row", index=index,
    )
    section.fields = fields
    section.cells = row
    section.headers = {name: title for name, title in zip(names, header) if title} if header is not None else None
    if rule.subsections:
        _cell_subsections(builder, section, blocks, rank + 1)
    else:
        section.blocks.extend(blocks)
    return section


def _cell_subsections(builder: _Builder, section: Section, blocks: list[Block], rank: int) -> None:
    """A row section's blocks, where a paragraph a heading rule `within` the row's kind matches
    opens that sub-section below the row (a goal row's "Target 1.1: …" lines, each a target of
    the goal) and the paragraphs after it, to the next such, are its blocks."""
    rules = builder.subsection_rules(section.kind)
    for k, block in enumerate(blocks):
        found = match_heading(builder.profile, block, blocks[k + 1] if k + 1 < len(blocks) else None, rules)
        if found is None:
            builder.add(block)
            continue
        match, signal = found
        opened = builder.open(match.rule.kind, match.number, match.title, rank, id_template=match.rule.id,
                              loc=block.loc, signal=signal, heading=block.text.strip(), heading_block=block)
        opened.term = match.term


def _share_merged(section: Section, row: list[Cell], names: list[str], above: Section) -> None:
    """A cell merged down from the row above (a .docx w:vMerge continuation, which reads as empty)
    shows the merged cell's text beside this row too, as Word draws it: the row's section has that
    field as the row above has it (an indicators cell spanning two outcomes is both outcomes')."""
    fields = section.fields
    for name, cell in zip(names, row):
        if cell.continued and not fields.get(name) and above.fields.get(name):
            fields[name] = above.fields[name]


def parent_rank(builder: _Builder, parent: Section) -> int:
    for entry in builder.stack:
        if entry.section is parent:
            return entry.rank
    return 0


def _title_from_next(profile: Profile, next_block: Block | None, rules: RuleSet) -> str | None:
    if next_block is None or next_block.type not in ("paragraph", "heading"):
        return None
    text = next_block.text.strip()
    if not text or _words(text) > profile.max_heading_words:
        return None
    if match_heading(profile, next_block, None, rules):
        return None
    return text


# Revisions that take text or a paragraph mark away, and those that take a paragraph's mark away.
_TAKEN_AWAY = frozenset({"delete", "move-from", "paragraph-delete", "paragraph-move-from"})
_MARK_TAKEN_AWAY = frozenset({"paragraph-delete", "paragraph-move-from"})
_BROUGHT_IN = frozenset({"insert", "move-to", "paragraph-insert", "paragraph-move-to"})


def _revision_sections(doc_sections: list[Section], revisions: list[Revision], headed: dict[str, Sequence[Block]]) -> None:
    """Place each revision in the section its paragraph falls in; one in a table row that opened
    a section (an outcome's row) in that row's section, not the table's. A revision in a box read
    as its section's text (a row of a table whose paragraphs are body blocks and headings now,
    all at the table's location) is placed by the paragraph it is in (Revision.seq): in the
    section of the last heading or block of the box at or before it, as the same paragraph
    outside the box would be; one in a row of the box that shows no paragraph in the view (a
    paragraph it removes) with the paragraph after it, which a removed paragraph joins outside a
    box. `headed` gives the blocks each section's heading is made of (its title line too). A
    revision in a footnote or endnote is in the footnotes section, which holds the notes. A
    revision printed into a PDF (extract.pdf_markup) is placed by its page and line, in the
    section of the last heading or block at or before it; one in a table row that opened a
    section (or that holds one section's blocks alone), by its table and row, in that section. A
    paragraph deleted or moved away with its mark joins, in the accepted view, the paragraph after
    it: where that one is a heading, the marks that take the paragraph away are placed where it
    stood, in the section before the heading, as the original view and Word show them; not a
    heading's own text (the original view's), nor a paragraph replaced by the one inserted after
    it, which is placed with it."""
    if not revisions:
        return
    notes = next((s.id for s in doc_sections if s.kind == "footnotes"), None)
    where: dict[int, str] = {}
    rows: dict[tuple[int, int], str] = {}
    boxed: dict[int, list[tuple[int, str]]] = {}  # a box's paragraph -> (seq, section) in reading order
    boxed_rows: set[tuple[int, int]] = set()
    for section in doc_sections:
        if section.loc.paragraph is not None:
            where.setdefault(section.loc.paragraph, section.id)
            if section.loc.row is not None and section.id not in headed:
                rows.setdefault((section.loc.paragraph, section.loc.row), section.id)
        for block in section.blocks:
            if block.loc.paragraph is not None:
                where.setdefault(block.loc.paragraph, section.id)
    for section in doc_sections:
        for block in [*headed.get(section.id, ()), *section.blocks]:
            at, row = block.loc.paragraph, block.loc.row
            if at is not None and row is not None and block.seq is not None:  # a cell's block read as the text
                boxed.setdefault(at, []).append((block.seq, section.id))
                boxed_rows.add((at, row))
    for anchors in boxed.values():
        anchors.sort()
    known = sorted(where)
    # paragraphs whose mark a revision takes away, which the accepted view joins to the paragraph
    # after them, and the paragraphs a section's heading opens at
    unmarked = {rev.loc.paragraph for rev in revisions if rev.type in _MARK_TAKEN_AWAY and rev.loc.row is None}
    opened = {section.loc.paragraph: " ".join((section.heading or section.title).split())
              for section in doc_sections if section.loc.row is None and section.loc.paragraph is not None}
    replaced = {(rev.loc.paragraph or 0) - 1 for rev in revisions if rev.type in _BROUGHT_IN and rev.loc.row is None}
    taken: dict[int, str] = {}  # the words each such paragraph loses
    for rev in revisions:
        if rev.type in _TAKEN_AWAY and (para := rev.loc.paragraph) is not None and para in unmarked and rev.text.strip():
            taken[para] = " ".join([taken.get(para, ""), *rev.text.split()]).strip()
    printed = _printed_places(doc_sections) if any(rev.loc.page is not None for rev in revisions) else []
    printed_rows = _printed_rows(doc_sections, headed) if printed else {}
    for rev in revisions:
        if rev.section is None and rev.loc.paragraph is None and rev.loc.footnote is not None:
            rev.section = notes
        if rev.section is None and rev.loc.paragraph is None and rev.loc.row is not None:
            rev.section = printed_rows.get((rev.loc.table, rev.loc.row))
        if rev.section is None and rev.loc.paragraph is None and rev.loc.page is not None:
            at = bisect.bisect_right(printed, (rev.loc.page, rev.loc.line or 0), key=itemgetter(0))
            rev.section = printed[at - 1][1] if at else None
        if rev.section is not None or rev.loc.paragraph is None:
            continue
        if rev.loc.row is not None:
            cell = (rev.loc.paragraph, rev.loc.row)
            if rev.seq is not None and rev.loc.paragraph in boxed and cell not in rows:
                anchors = boxed[rev.loc.paragraph]
                k = bisect.bisect_right(anchors, rev.seq, key=itemgetter(0))
                if k and cell not in boxed_rows and k < len(anchors):
                    rev.section, rev.box_paragraph = anchors[k][1], rev.seq  # a row shown empty: a paragraph removed
                    continue
                if k:
                    rev.section, rev.box_paragraph = anchors[k - 1][1], rev.seq
                    continue
            if (row_section := rows.get(cell)) is not None:
                rev.section = row_section
                continue
        at = bisect.bisect_right(known, rev.loc.paragraph)
        if (rev.type in _TAKEN_AWAY and rev.loc.paragraph in unmarked and rev.loc.paragraph not in replaced
                and rev.loc.paragraph in opened and taken.get(rev.loc.paragraph, "") not in opened[rev.loc.paragraph]):
            at = bisect.bisect_left(known, rev.loc.paragraph)  # where the paragraph stood, not the heading it joins
        if at:
            rev.section = where[known[at - 1]]


def _printed_rows(doc_sections: list[Section], headed: dict[str, Sequence[Block]]) -> dict[tuple[int | None, int], str]:
    """(table, row) -> section id of a PDF's table rows that opened a section (an outcome's row),
    and of the rows whose cells' blocks all fall in one section (the rest of an outcome's row
    broken over a page, read as a row of its own) (_revision_sections)."""
    owners: dict[tuple[int | None, int], set[str]] = {}
    for section in doc_sections:
        for block in section.blocks:
            if block.loc.page is not None and block.loc.row is not None:
                owners.setdefault((block.loc.table, block.loc.row), set()).add(section.id)
    rows = {at: next(iter(ids)) for at, ids in owners.items() if len(ids) == 1}
    rows.update(((section.loc.table, section.loc.row), section.id) for section in doc_sections
                if section.loc.page is not None and section.loc.row is not None and section.id not in headed)
    return rows


def _printed_places(doc_sections: list[Section]) -> list[tuple[tuple[int, int], str]]:
    """((page, line), section id) of each section's start and each of its blocks in a PDF, in
    page order, the first section at a place kept (_revision_sections)."""
    places: dict[tuple[int, int], str] = {}
    for section in doc_sections:
        for loc in (section.loc, *(block.loc for block in section.blocks)):
            if loc.page is not None and loc.paragraph is None:
                places.setdefault((loc.page, loc.line or 0), section.id)
    return sorted(places.items())


def _check_blocks(raw: RawDocument, most: int) -> None:
    """A LimitError when `raw` holds more paragraphs, notes and table cells than `most` (Limits.blocks)."""
    count = len(raw.blocks) + len(raw.footnotes) + sum(len(row) for block in raw.blocks if block.rows for row in block.rows)
    if count > most:
        raise LimitError(raw.source.path, over("blocks", f"the document holds {count:,} paragraphs and table cells", most))


def _heads_later(builder: _Builder, blocks: Sequence[Block], start: int, rule: HeadingRule) -> bool:
    """Whether a heading of one of `rule.unless_before`'s kinds follows `blocks[start]` before the
    next block `rule` matches: a contribution's title "Proposed modifications to the … Action
    Plan" has its Abstract and Proposals below it, the amended text's heading of the same words
    does not. Each block is looked at for one such heading at most (the look stops at the next
    the rule matches)."""
    profile = builder.profile
    later = builder.rule_set(tuple(r for r in profile.headings if r.kind in rule.unless_before))
    again = builder.rule_set((rule,))
    for k in range(start + 1, len(blocks)):
        block, after = blocks[k], blocks[k + 1] if k + 1 < len(blocks) else None
        if match_heading(profile, block, after, later, blocks[k - 1]) is not None:
            return True
        if match_heading(profile, block, after, again, blocks[k - 1]) is not None:
            return False
    return False


def build(raw: RawDocument, profile: Profile) -> Document:
    """Structure `raw` into a Document following `profile`'s heading and table rules; a
    LimitError when it holds more blocks (paragraphs, notes and table cells) than Limits.blocks."""
    limits = limits_in_force()
    _check_blocks(raw, limits.blocks)
    builder = _Builder(profile, source=raw.source.path, most=limits.sections)
    blocks, entries = with_tabbed_contents(unboxed(raw.blocks, profile))
    builder.blocks, builder.format = blocks, raw.source.format
    kinds: frozenset[str] | None = None
    rules = builder.heading_rules(frozenset())
    headed: dict[str, Sequence[Block]] = {}  # section id -> its heading's blocks, to place revisions
    # each block with the one before and the one after it (None at either end)
    steps = enumerate(zip([None, *blocks[:-1]], blocks, [*blocks[1:], None]))
    for i, (prev_block, block, next_block) in steps:
        if block.type == "table" and i not in entries:
            place_table(builder, block)
            continue
        if builder.table is not None and not between_parts(block, builder.table.notes, builder.running_lines):
            builder.table = None  # a table's parts are apart from each other by furniture and notes only
        if i in entries:
            builder.current().blocks.append(replace(block, contents=True))
            continue
        if _opens_nothing(block):  # a third of a report's paragraphs
            builder.current().blocks.append(block)
            continue
        if builder.kinds is not kinds:  # the same set (object) while no section opens or closes
            kinds = builder.kinds
            rules = builder.heading_rules(kinds)
        found = match_heading(profile, block, next_block, rules, prev_block)
        if found is None:  # most paragraphs
            builder.current().blocks.append(block)
            continue
        if found[0].rule.numbered_under and not builder.numbered_next(found[0].rule, found[0].number):
            found = match_heading(profile, block, next_block, builder.heading_rules(kinds, numbered=False), prev_block)
        if found is not None and found[0].rule.unless_before and _heads_later(builder, blocks, i, found[0].rule):
            others = builder.rule_set(tuple(r for r in rules.rules if r is not found[0].rule))
            found = match_heading(profile, block, next_block, others, prev_block)
        if found is None:
            builder.current().blocks.append(block)
            continue
        match, signal = found
        heading = block.text.strip()
        heading = numbered(block.label, heading) or heading
        title = match.title
        consumed = 1
        if match.rule.title_from_next and not title:
            # the line after is read as the sections open once this one is would read it: an
            # output after an area of the output before closes that area, whose heading rules
            # (a bold line) would take the output's title for a heading of its own
            following = _title_from_next(profile, next_block,
                                         builder.heading_rules(builder.kinds_above(match.rank) | {match.rule.kind}))
            if following is not None:
                title = following
                heading = f"{heading}\n{following}"
                consumed = 2
        opened = builder.open(
            match.rule.kind, match.number, title, match.rank,
            id_template=match.rule.id, loc=block.loc, signal=signal, heading=heading, heading_block=block,
        )
        opened.term = match.term
        headed[opened.id] = blocks[i:i + consumed]
        if match.rule.numbered_under:
            builder.numbered.add(opened.id)
        if consumed > 1:
            next(steps)  # the title line, read with its heading
    sections = builder.sections
    if raw.footnotes:
        sections.append(
            Section("footnotes", "footnotes", None, "Footnotes", None, 1, blocks=list(raw.footnotes))
        )
    revisions = [replace(rev) for rev in raw.revisions]
    _revision_sections(sections, revisions, headed)
    return Document(source=replace(raw.source, profile=profile.name), sections=sections, revisions=revisions)
