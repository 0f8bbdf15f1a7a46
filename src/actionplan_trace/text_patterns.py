"""Bullet glyphs and leading list numbers: the one definition every extractor, structure, diff and
validate share.

`BULLET` (a line of a .docx or PDF): a glyph of `BULLET_GLYPHS`, or a dash or asterisk
(`DASH_BULLETS`) followed by white space, so "-5 %" and "*see*" stay text. `SPACED_BULLET` (a line
of a text rendering or a table-cell paragraph): any of those or a font-fallback letter
(`FONT_BULLETS`: Courier New's "o", Wingdings' "§", as plain-text renderings of Word lists show
them), always followed by white space. `SET_APART_BULLETS` ("o", ">", "→") are bullets of a PDF line
only, where the layout sets them apart from the text. Symbol and Wingdings fonts draw bullets from
private-use code points; `pua_bullet` maps them to the Unicode glyph they show.

Leading numbers come in two strengths, built from the same label alternatives:

- `LEADER`: a bullet glyph, a punctuated list label ("2.1", "2.1.", "(2.1)", "3.", "3)", "(3)",
  "a.", "(a)", "iv.", "IV.", "A."), or a number or a label of several parts ("I.i", "A.1")
  followed by a tab (Word numbering, in the diff's texts and in a text rendering). The diff strips these to tell formatting from wording, so a bare "3 outputs"
  keeps its number there.
- `TYPED_NUMBER`: a label, or a bare decimal number ("2 Title", "2.1 Title"), as typed or
  printed before a heading; structure, the PDF reader and validate strip or detect it.

The line tests of the readers and of structure build on the same pieces (`DECIMAL`,
`CLAUSE_DECIMAL`, `NUMBER_LABEL`, `LETTER_LABEL`, `PAREN_LABEL`, `CLAUSE_LABEL`): `CLAUSE_NUMBER` (a
clause's number before its text), `LIST_ITEM` and `CELL_ITEM` (a line a list item opens, in the body
and in a table cell), `LONE_LABEL` (a label alone on its line), `LABEL_ONLY` (a table field that is
only a label), `KEY_LABEL` (a PDF table's key column) and `PROPOSAL_NUMBER` (a contribution's
numbered proposal). No other module spells a bullet glyph or a list number.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .regexcache import regex

NB_HYPHEN = "\u2011"
"""Word's non-breaking hyphen (w:noBreakHyphen), which pandoc and PDF text layers write as U+2011:
a hyphen ("-") in the model, whatever wrote it, so that "ITU‑D SG 2 Question 3/2" names its
sector and a rendering diffs clean against the .docx it came from."""


SOFT_HYPHEN = "\u00ad"
"""A soft hyphen typed into the text (Word's w:softHyphen, HTML's &shy;): shown only where a line
breaks, so nothing in the model, as the w:softHyphen element is; "Resolu\u00adtions 34" names
resolutions. (A PDF's text layer holds it only where it was printed: there it is a hyphen.)"""


def plain_hyphens(text: str) -> str:
    """`text` with its non-breaking hyphens (NB_HYPHEN) as "-" and its soft hyphens dropped; the
    text itself when it has neither. Dropping a character counts it through the whole text first
    (some 5 instructions a character, where `in` skips to it at memchr speed), so the soft
    hyphens are looked for before they are dropped."""
    text = text.replace(NB_HYPHEN, "-")
    return text.replace(SOFT_HYPHEN, "") if SOFT_HYPHEN in text else text


SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
RAISED_DIGITS = str.maketrans("0123456789", SUPERSCRIPTS)
"""Digits as their superscript characters: how a .docx run's digits set superscript are read
(a note mark typed by hand, "Resolution 7¹", an exponent, "10⁶"), so that they stay apart from
the number before them ("Resolution 71" is another resolution)."""


def unspaced(text: str) -> str:
    """`text` with no white space: how a table column is known by its header, which a narrow PDF
    column wraps inside a word ("Objecti ve 1" is "Objective 1")."""
    return "".join(text.split())


BULLET_GLYPHS = "•◦▪▫‣⁃●○■□➢➤►✓❖◆·"
DASH_BULLETS = "-–—*"
FONT_BULLETS = "o§"
# Glyphs a list may use that text opens lines with too: Word's second-level "o" (Courier New; "or"
# in Spanish, Portuguese or Italian), ">" ("> 50 %") and "→". Each is a bullet only where the layout
# sets it apart, alone at a line's start with the text at the list's indent after it: in a PDF
# (pdf.line_bullet). BULLET, which the .docx reader asks of typed text too, never takes them;
# a text rendering's "o" is a FONT_BULLETS glyph, with its white space.
SET_APART_BULLETS = "o>→"
DEFAULT_BULLET = BULLET_GLYPHS[0]
"""The glyph of a bulleted item whose source names none (an HTML `<ul>` item, a Symbol-font
bullet of an unknown code point)."""
# A list item's glyph in a text rendering: a bullet glyph, a dash or Markdown's "*" and "+".
# Not the font-fallback letters: a wrapped line may well begin with "o" or "§".
ITEM_GLYPHS = BULLET_GLYPHS + DASH_BULLETS + "+"
# A browser draws "disc", "circle" and "square" list markers as paths, not glyphs: the glyph each
# drawn shape shows, by (filled, round).
SHAPE_BULLETS = {(True, True): "•", (False, True): "◦", (True, False): "▪", (False, False): "▫"}
_SPACE = r"[\s\u00a0]"

# Private-use glyphs (offset 0xF000 removed) that Symbol and Wingdings draw as bullets.
PUA_BULLETS = {
    0xB7: "•", 0xA7: "▪", 0xA8: "◆", 0xD8: "➢", 0x76: "❖", 0xFC: "✓", 0x6E: "■",
    0x71: "❑", 0x6C: "●", 0xE8: "➔", 0xF0: "⇨", 0x2D: "-", 0x3E: "›",
}
_PUA_BULLET_GLYPHS = frozenset(PUA_BULLETS.values()) - frozenset(DASH_BULLETS)
PUA_GLYPHS = {chr(0xF000 + code): glyph for code, glyph in PUA_BULLETS.items()}
"""The private-use characters of PUA_BULLETS (U+F0B7 for Symbol's bullet) -> the glyph each draws:
how a text that names no font holds a Symbol or Wingdings bullet (a PDF's text layer, the list
labels of LibreOffice's XHTML export)."""
PUA_LABEL = regex(rf"^[{''.join(PUA_GLYPHS)}]+{_SPACE}*")

# The bullet a line starts with (group 1), and the white space after it.
BULLET = regex(rf"^\s*([{BULLET_GLYPHS}]|[{re.escape(DASH_BULLETS)}](?={_SPACE})){_SPACE}*")
# A bullet followed by white space, as text renderings write list items (group 1: the glyph).
SPACED_GLYPHS = BULLET_GLYPHS + DASH_BULLETS + FONT_BULLETS
SPACED_BULLET = regex(rf"^\s*([{re.escape(SPACED_GLYPHS)}]){_SPACE}+")
# What a line SPACED_BULLET matches opens with after its indentation.
SPACED_BULLET_LEADS = frozenset(SPACED_GLYPHS)
LEAD_MARKS = BULLET_GLYPHS + DASH_BULLETS + " \t"  # what unbulleted strips

# The pieces of labels, which every pattern below builds on.
DECIMAL = r"\d+(?:\.\d+)*"  # "3", "2.1", "2019"
CLAUSE_DECIMAL = r"\d{1,2}(?:\.\d{1,2})*"  # "3", "3.1", "10.2.4": a clause's number, never a year
NUMBER_LABEL = r"\d+[.)]"  # "3.", "3)"
LETTER_LABEL = r"[a-zA-Z][.)]"  # "a.", "B)"
# "(a)", "(B)", "(12)", "(iv)": a letter, a number or a roman numeral; not a longer acronym
# ("(SIDS)", "(IoT)"), though one of roman letters ("(CV)", "(civil)") passes.
PAREN_LABEL = r"\((?:\d{1,2}|[a-zA-Z]|[ivxlc]{2,5}|[IVXLC]{2,5})\)"
# A clause's number as plans type it: "3", "3.1.", "3)", "A.", "II.", "(a)", "a)".
CLAUSE_LABEL = rf"{CLAUSE_DECIMAL}[.)]?|(?:[A-Z]|[IVX]{{2,4}})\.|\(?[a-z]\)"

_LABEL = rf"""(?:
      \(?\d+(?:\.\d+)+\.?\)?                 # 2.1  2.1.  (2.1)
    | \(?{NUMBER_LABEL}                      # 1.  1)  (1)
    | \(\d+\)
    | \(?{LETTER_LABEL}                      # a.  a)  (a)  A.
    | \(?[ivxIVX]+[.)]                       # iv.  iv)  IV.
)"""
TYPED_NUMBER = regex(rf"^\s*(?:{_LABEL}|{DECIMAL}){_SPACE}+", re.VERBOSE)
# A Word list level's label of several parts, numbers, letters or roman numerals ("I.i", "A.1",
# "1.a"), as the label and its tab open a paragraph's text in the diff: before a tab only, so
# that "e.g. the" keeps its words.
LEVEL_LABEL = r"(?:\d+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)(?:\.(?:\d+|[a-zA-Z]|[ivxlcdmIVXLCDM]+))+\.?"
# A bullet glyph or a number label, as the diff strips them.
LEADER = regex(
    rf"^\s*(?:[{re.escape(SPACED_GLYPHS)}>]|{_LABEL}|(?:\d+|{LEVEL_LABEL})(?=\t))(?:\s*[-–—:]\s+|\s+)",
    re.VERBOSE,
)

# A clause's number and the white space after it, before its text (structure, the text reader).
CLAUSE_NUMBER = regex(rf"^\s*(?:{CLAUSE_LABEL})\s+")
# A line a list item opens in a text rendering: a glyph, a number or letter with its stop, or a
# parenthesised label, then text.
LIST_ITEM = regex(rf"^\s*(?:[{re.escape(ITEM_GLYPHS)}]|{NUMBER_LABEL}|{LETTER_LABEL}|{PAREN_LABEL})\s+\S")
# A line of a table cell that opens a list item: a bullet glyph, "-", "*" or "+", a number with its
# stop or a bracketed label. Not an en or em dash ("– 2023" goes on a range a narrow cell wrapped)
# nor a letter label ("A. Smith" goes on a name).
CELL_ITEM = regex(rf"^(?:[{re.escape(BULLET_GLYPHS)}*+-]|{NUMBER_LABEL}|{PAREN_LABEL})\s")
# What a line LIST_ITEM or CELL_ITEM matches opens with after its indentation, unless a digit or a
# letter followed by "." or ")" (see may_open_item).
ITEM_LEADS = frozenset(ITEM_GLYPHS + "(")
# A list or clause label alone on its line ("3.", "3.1", "(a)", "II."), its text on the next: a PDF
# or a copy whose number sat apart from the text (a hanging indent) put it on a line of its own. A
# bare number ("7") is more likely a page number; tested with fullmatch on a stripped line.
LONE_LABEL = regex(rf"(?!\d+$)(?:{CLAUSE_LABEL}|{LETTER_LABEL}|{PAREN_LABEL})")
# A table field that is only a label: a glyph (a font's fallback letter too), a number with or
# without its stop, a letter label or a parenthesised one ("3", "2.1.", "b)", "iv)", "•").
LABEL_ONLY = regex(
    rf"^\s*(?:[{re.escape(SPACED_GLYPHS)}]|{DECIMAL}[.)]?|{LETTER_LABEL}|\(?[a-zA-Z0-9]{{1,4}}\))\s*$")
# A PDF table's key ("A1.", "2.1 –", "(iv)"): a short code, a number or a roman numeral, then a
# stop or a spaced dash.
KEY_LABEL = regex(rf"^\(?(?:[A-Za-z]{{1,2}}\d{{0,2}}|{DECIMAL}|[ivxlc]+)(?:[.:)]\s?|\s+[–—-]\s)")
# A text that ends on a connecting word goes on: "…Sector Members and" is a line of a sentence,
# no title (structure) and no cell's last line (a PDF table row a page break cut).
OPEN_END = regex(r"\b(?:and|or|of|the|to|for|in|with|a|an|by|on|as|at|from|that|which|its|their)$")
# A clause number a paragraph's text opens with, as the diff weighs its renumbering: levels
# parted by dots ("2.1.5", "2.1.5.") or one number with its stop ("3.", "3)"), then white space;
# never a bare number, which may be a year or a figure ("2019 saw", "12 countries").
TYPED_CLAUSE_NUMBER = regex(r"^\s*(\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)])\s")
# A contribution's proposal number as typed: "3.", "Proposal 3:", "12)".
PROPOSAL_NUMBER = regex(r"^\s*(?:Proposal\s+)?(?P<n>\d{1,3})\s*[.):]\s+", re.IGNORECASE)
# A Markdown ordered list item's marker (group "label", its number or letter "n") and the white
# space after it: CommonMark's number with "." or ")" (nine digits at most), and pandoc's fancy
# lists: a letter or roman numeral with "." or ")", or any of them in brackets; a capital letter
# with "." needs two spaces after it, as pandoc reads "B. Russell" as text.
MD_ORDERED_ITEM = regex(
    r"""^[ \t]*(?P<label>
        (?P<n>\d{1,9}|[a-z]|[ivxlc]{2,5}|[IVXLC]{2,5})[.)]
      | (?P<capital>[A-Z])(?:\)|\.(?=[ \t]{2}|[ \t]*$))
      | \((?P<bracketed>\d{1,9}|[a-zA-Z]|[ivxlc]{2,5}|[IVXLC]{2,5})\)
    )(?:[ \t]+|$)""",
    re.VERBOSE,
)


def md_ordered_item(line: str) -> re.Match[str] | None:
    """MD_ORDERED_ITEM's match of `line`, tried only when a "." or ")" stands in the first 11
    characters after its spaces and tabs: every marker ends with one by then (nine digits and a
    stop at the most, or a bracketed label of eleven characters), and most lines open with a
    word, where the regex call costs several times the test."""
    head = line.lstrip(" \t")[:11]
    return MD_ORDERED_ITEM.match(line) if "." in head or ")" in head else None


# What the number or letter of a list's first item is: an item numbered otherwise cannot start a
# list in a paragraph (CommonMark), so a line of it there goes on with the paragraph.
FIRST_ITEM_NUMBERS = frozenset({"1", "a", "A", "i", "I"})


def md_first_item(item: re.Match[str]) -> bool:
    """Whether an MD_ORDERED_ITEM match numbers a list's first item ("1.", "01)", "a.", "(i)")."""
    n = item.group("n") or item.group("capital") or item.group("bracketed")
    return n.lstrip("0") in FIRST_ITEM_NUMBERS


# A heading's outline number glued to its title, as LibreOffice's HTML export writes the number
# Word's numbering shows ("1", "2.1.", "(a)", "II.", "Objective 2 –") without the tab or space
# that follows it: a word may stand before the number, a dash or colon after it (see glued_label).
GLUED_LABEL = regex(
    rf"""^(?:[A-Za-z]+\s+)?
    (?:\(?{DECIMAL}[.)]?|\(?{LETTER_LABEL}|\(?(?:[ivxlc]+|[IVXLC]+)[.)])
    (?:\s*[–—:-])?(?=[^\W\d_])""",
    re.VERBOSE,
)


def glued_label(text: str) -> tuple[str, str] | None:
    """The outline number glued to a heading's title and the title ("1Background" -> "1",
    "Background"; "Objective 2 –Modern" -> "Objective 2 –", "Modern"), None when `text` opens
    with none. The title opens with a word of two letters at least ("A.I. for all" has none);
    after a bare number, with a capital and a small letter, so "5G networks", "4IR" and "5th
    Generation" keep their number."""
    m = GLUED_LABEL.match(text)
    if m is None:
        return None
    label, title = m.group(), text[m.end():]
    if not title[1:2].isalpha() or (label[-1].isalnum() and not (title[0].isupper() and title[1].islower())):
        return None
    return label.strip(), title


LABEL_STOPS = (".", ")")
"""What follows a one-letter list label ("a.", "b)"): may_open_item's third test."""


def may_open_item(line: str, lead: str) -> bool:
    """Whether LIST_ITEM may match `line`, whose first character after its indentation is `lead`:
    a glyph or "(", a digit, or a letter with "." or ")" after it (LABEL_STOPS). A regex call
    costs more."""
    return lead in ITEM_LEADS or lead.isdigit() or line.lstrip()[1:2] in LABEL_STOPS


def unbulleted(text: str) -> str:
    """`text` without the bullets, dashes and white space it opens with (a report's "• – R.1-a")."""
    return text.lstrip(LEAD_MARKS)


def spaced_bullet(text: str) -> re.Match[str] | None:
    """SPACED_BULLET's match of `text`, tried only when the text opens (after its indentation)
    with a character the pattern can open with: most paragraphs do not, and a regex call costs
    more than the test."""
    return SPACED_BULLET.match(text) if text.lstrip()[:1] in SPACED_BULLET_LEADS else None


def pua_bullet(code: int) -> str:
    """The glyph a Symbol/Wingdings private-use code point (0x00-0xFF) draws in a bullet."""
    return PUA_BULLETS.get(code, DEFAULT_BULLET)


def pua_label(text: str) -> tuple[str, str] | None:
    """The bullet that a run of private-use bullet characters (PUA_GLYPHS) opening `text` draws,
    and the text after them and their white space; None when `text` opens with none. LibreOffice's
    XHTML export writes a list item's label so, as text before the item's words
    (`<span class="ListLabel_20_1">\uf0b7\uf0b7</span>provide …`)."""
    m = PUA_LABEL.match(text)
    return (PUA_GLYPHS[text[0]], text[m.end():]) if m is not None else None


def is_bullet_glyph(char: str) -> bool:
    """Whether `char` is a glyph bullets are drawn with (BULLET_GLYPHS, or one a symbol font's
    private-use code point draws as a bullet, `PUA_BULLETS`): a dash or a letter is none."""
    return bool(char) and (char in BULLET_GLYPHS or char in _PUA_BULLET_GLYPHS)


def bullet_of(text: str) -> str | None:
    """The bullet glyph that opens `text`, if any (see the module docstring)."""
    m = BULLET.match(text)
    return m.group(1) if m else None


def is_bullet_label(label: str | None) -> bool:
    """True for a list label that is a glyph rather than a number or letter."""
    return bool(label) and not any(map(str.isalnum, label or ""))


MOST_LABELS = 4096
"""How many list labels `bullet_label` keeps its answers for (the least recently asked go first)."""

bullet_label = lru_cache(maxsize=MOST_LABELS)(is_bullet_label)
"""`is_bullet_label`, its answers kept by label: a document's list labels are a few glyphs and
numbers met thousands of times (every list item's is asked for by structure.build, contents and
`numbered`), each answer a scan of the label's characters."""


def numbered(label: str | None, text: str) -> str | None:
    """`text` with its list number in front, as the reader sees it ("2.1 Background"); None when
    the label is no number (there is none, or it is a bullet glyph)."""
    return f"{label.strip()} {text}" if label and not bullet_label(label) else None


TOC_STYLE = regex(r"^(?:toc|table of contents|index)\b", re.IGNORECASE)
# A contents entry without its style (PDF, typed contents): dot leaders or a tab, then a page number.
TOC_ENTRY = regex(r"(?:[.…·]{4,}|\t)\s*(?:\d+|[ivxlc]+)$", re.IGNORECASE)
# The last character of a TOC_ENTRY match, which ends the (stripped) text: TOC_ENTRY's search scans
# every paragraph, so it only runs on those that end this way.
TOC_LAST = regex(r"\d|[ivxlc]", re.IGNORECASE)
TOC_LAST_ASCII = frozenset("0123456789ivxlcIVXLC")  # the ASCII characters TOC_LAST matches


def has_leader(text: str) -> bool:
    """Whether `text` holds what every TOC_ENTRY match holds before its page number: a tab or a
    dot leader (has_dot_leader). Substring tests cost a fraction of TOC_ENTRY's search, which
    tries every position of the paragraph."""
    return "\t" in text or has_dot_leader(text)


def has_dot_leader(text: str) -> bool:
    """Whether `text` holds a dot leader as TOC_ENTRY reads one: a run of four of `.…·`, which
    takes four dots or one of the other two, which an ASCII text (a flag of the string, read in
    constant time) does not hold."""
    return "...." in text or (not text.isascii() and ("…" in text or "·" in text))


def toc_last(char: str) -> bool:
    """Whether `char` can end a contents entry (TOC_LAST), told without the regex for ASCII."""
    return char in TOC_LAST_ASCII if char.isascii() else TOC_LAST.fullmatch(char) is not None


def page_reference(text: str) -> int | None:
    """Where the leader and page number of a contents entry ("Background ....... 12", "Goals\t6")
    start in `text` (stripped), None when it is no contents entry: the number is a
    page, no heading's and no reference's."""
    if text and has_leader(text) and toc_last(text[-1]) and (m := TOC_ENTRY.search(text)) is not None:
        return m.start()
    return None


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def roman(n: int) -> str:
    """`n` (positive) in lower-case roman numerals: a Word list's lowerRoman label, an endnote's
    label, the form a typed roman list label ("iv)") must have."""
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)
