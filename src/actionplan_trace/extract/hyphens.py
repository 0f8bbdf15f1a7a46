"""Hyphens and slashes at the end of a wrapped line: whether the layout broke a word there
(telecom- / munication: one word) or the word's own hyphen ended the line (next- / generation,
e- / government), and the joining of wrapped lines into one text. The PDF reader and the text
reader of hard-wrapped .txt share it: both only see a line end and the document's other words."""

from __future__ import annotations


from ..record import record, replace
from ..regexcache import regex
from ..text_patterns import SOFT_HYPHEN

# pdfium reports a hyphen that ends a line as a marker, kept as HYPHEN_MARK until
# settle_line_hyphens (pdf) tells the layout's from the word's own (see pdf.GLYPH_FIXES).
HYPHEN_MARK = "\ufffe"
WORD_BREAK_END = regex(r"\w[-/\ufffe]$")  # joined text that a hyphen or slash ends (join_lines)
SUSPENDED = regex(r"(?:and|or|nor)\b(?!-)")  # not "plug-" / "and-play"


def join_lines(texts: list[str], label: str | None = None, spaced: list[bool] | None = None,
               broken: list[bool] | None = None, breaks: list[bool] | None = None) -> str:
    """Join wrapped lines: a space between them, none after a hyphen or slash that broke a word
    (but after a suspended hyphen: "short-" / "and long-term").
    `spaced` says which lines end with a space the PDF itself holds (the one the line broke at):
    after such a line a hyphen or slash ended a word ("1,267/ 414,865"), and a space follows.
    `broken` says which lines end inside a word (see broken_words): no space follows.
    `breaks` says which lines end at a line break inside the paragraph: a newline follows.

    Linear in the text: the pieces are joined once, and each line looks only at the last few
    characters before it (a paragraph may run over hundreds of pages)."""
    parts: list[str] = []  # the joined text so far, in non-empty pieces
    for i, text in enumerate(texts):
        if i == 0 and label:
            text = text[len(label):].lstrip() if text.startswith(label) else text
        if not text:  # a line whose every glyph the view hides (a deleted line: pdf_markup)
            continue
        if not parts:
            if text:
                parts.append(text)
            continue
        spaced_end = bool(spaced and spaced[i - 1])
        last = parts[-1][-1]
        if last == SOFT_HYPHEN:
            parts[-1] = parts[-1][:-1]  # hyphenated where the line broke: one word
            if not parts[-1]:
                parts.pop()
        elif broken and broken[i - 1]:
            pass
        elif (WORD_BREAK_END.search("".join(parts[-3:])[-3:]) and text[:1].isalnum() and not spaced_end
              and not (last == "-" and SUSPENDED.match(text))):
            pass
        elif text[:1] == "-" and text[1:2].isalpha() and last.isalpha() and not spaced_end:
            pass  # broken before a hyphen: "ITU" / "-R"
        else:
            text = ("\n" if breaks and breaks[i - 1] else " ") + text
        if text:
            parts.append(text)
    return "".join(parts).strip().replace(SOFT_HYPHEN, "-").replace(HYPHEN_MARK, "-")


PIECE = regex(r"[^\W\d_]+|\d+")  # a run of letters or of digits
LAST_PIECE = regex(r"(?:[^\W\d_]+|\d+)$")
# "on-line", "2016-2019" printed whole; a try starts only where a run of letters or digits does and
# takes the run whole, so a line of 100,000 letters is one try, not 100,000 (quadratic)
COMPOUND = regex(r"(?:(?<![^\W\d_])[^\W\d_]++|(?<!\d)\d++)-(?:[^\W\d_]+|\d+)")


# The shortest head of a word broken at a line end that is read as the layout's break without a
# count of the document's breaks: a shorter one is a prefix the author may hyphenate ("multi-",
# "sub-", "co-", "re-": "re-cover" is not "recover"), whatever the document prints elsewhere.
MIN_SYLLABLE_HEAD = 6



def judge_breaks(pairs: list[tuple[str, str]], words: frozenset[str],
                 compounds: frozenset[str]) -> tuple[Hyphenation, list[bool]]:
    """For each (line, next line) of `pairs`, the line ending in a hyphen, whether the layout set
    that hyphen where it broke a word (True) or it is the word's own, with what was found
    (Hyphenation). The document's own words decide (`words`, those it prints whole; `compounds`,
    those it prints whole with a hyphen, COMPOUND): the word's own hyphen when it prints the
    compound ("on-line"); else the layout's when it prints the two pieces as one word
    ("telecommunication"); else the word's own when both pieces are words it prints ("next",
    "generation"; "2016", "2019"); and without evidence either way ("partici-" / "pating" in a
    short text), the layout's. All of that only in a document that shows automatic hyphenation
    (more words, and at least three, broken where one piece is no word than compounds broken at
    their hyphen), and never where the pieces cannot be syllables (`never_syllables`: "ITU-" /
    "T"): in any other, every hyphen that ends a line is the word's own, but for one case that
    needs no count: a lower-case piece after a head that is no word the document prints, which
    together make a word it prints whole ("telecommu-" / "nication"; not "e-" / "government",
    "multi-" / "stakeholder", "ITU-" / "D", "on-" / "line"). In a document that shows automatic
    hyphenation, a break between two printed words is the layout's after all where another break
    the layout set makes the same word ("reduction-" / "management" where "reductionman-" /
    "agement" is read "reductionmanagement")."""
    found = Hyphenation(words, compounds)
    cases = [found.evidence(before, after) for before, after in pairs]
    syllables = {word for evidence, word in cases if evidence in (WORD_PRINTED, HEAD_NO_WORD)}
    own = {word for evidence, word in cases if evidence in (COMPOUND_PRINTED, TWO_WORDS)}
    automatic = len(syllables) >= 3 and len(syllables) > len(own)
    found = replace(found, automatic=automatic)
    if automatic:
        found = replace(found, rejoined=frozenset(word for evidence, word in cases if found.decides(evidence, word)))
    return found, [found.decides(evidence, word) for evidence, word in cases]


# What the pieces around a line's hyphen show (Hyphenation.evidence), from the word's own hyphen to the layout's.
NOT_SYLLABLES = "not syllables"  # no pieces, or pieces no hyphenation parts (never_syllables): the word's
COMPOUND_PRINTED = "compound printed"  # the document prints the compound whole ("on-line"): the word's
TWO_WORDS = "two words"  # both pieces are words it prints, and not together ("next", "generation"): the word's
WORD_PRINTED_BOTH = "word printed, both words"  # it prints the joined word, and both pieces ("in" / "formation")
WORD_PRINTED = "word printed"  # it prints the joined word, and one piece is no word ("partici" / "pating")
HEAD_NO_WORD = "head no word"  # as WORD_PRINTED, a long head no word and a lower-case tail: the layout's in any document
NO_EVIDENCE = "no evidence"  # none of those


@record(frozen=True)
class Hyphenation:
    """What settle_line_hyphens found of a document's hyphens: the words it prints whole, and with a
    hyphen, whether it shows automatic hyphenation, and the words the layout's breaks made. It
    judges a line's hyphen, and one settle_line_hyphens never saw go on: a table cell's at a
    page's foot, the row's rest on the next page (pdf_tables.join_rows)."""

    words: frozenset[str]
    compounds: frozenset[str]
    automatic: bool = False
    rejoined: frozenset[str] = frozenset()

    def evidence(self, before: str, after: str) -> tuple[str, str]:
        """What the document's words show of the hyphen that ends the text `before`, with `after`
        going on (see settle_line_hyphens), and the two pieces joined (casefolded)."""
        pieces = hyphen_pieces(before, after)
        if pieces is None or never_syllables(*pieces):
            return NOT_SYLLABLES, ""
        first, second = pieces[0].casefold(), pieces[1].casefold()
        word, both = first + second, first in self.words and second in self.words
        if f"{first}-{second}" in self.compounds:
            return COMPOUND_PRINTED, word
        if word in self.words:
            if both:
                return WORD_PRINTED_BOTH, word
            if first not in self.words and pieces[1][:1].islower() and len(first) >= MIN_SYLLABLE_HEAD:
                return HEAD_NO_WORD, word
            return WORD_PRINTED, word
        return (TWO_WORDS if both else NO_EVIDENCE), word

    def decides(self, evidence: str, word: str) -> bool:
        """Whether a hyphen whose pieces show `evidence` and make `word` is the layout's."""
        if evidence in (NOT_SYLLABLES, COMPOUND_PRINTED):
            return False
        if evidence == HEAD_NO_WORD:
            return True
        if evidence == TWO_WORDS:  # "reduction-" / "management" where "reductionman-" / "agement" is one word
            return self.automatic and word in self.rejoined
        return self.automatic

    def layout_break(self, before: str, after: str) -> bool:
        """Whether the hyphen that ends the text `before`, with `after` going on, is the layout's."""
        return self.decides(*self.evidence(before, after))


def never_syllables(first: str, second: str) -> bool:
    """Whether two pieces around a line's hyphen cannot be syllables a layout's hyphenation
    parted: a tail of one letter (hyphenation leaves two at least: "ITU-" / "T"), a capital
    after a head in capitals ("ITU-" / "SG", "ICT-" / "SDG") or in lower case ("el-" / "Sheikh",
    "e-" / "Government": no word goes on in capitals after lower-case letters; "Mc-" / "Caw" may)."""
    return len(second) < 2 or ((first.isupper() or first.islower()) and second[:1].isupper())


def hyphen_pieces(before: str, after: str) -> tuple[str, str] | None:
    """The letters (or digits) before the hyphen that ends the text `before` and those that begin
    `after`: the two pieces of a word broken at that hyphen, when there are both."""
    head, tail = LAST_PIECE.search(before[:-1]), PIECE.match(after)
    return None if head is None or tail is None else (head.group(), tail.group())
