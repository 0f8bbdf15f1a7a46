"""Read a .docx into flat blocks by walking its XML once, in either revision view.

python-docx's `Paragraph.text` skips `w:ins` and drops `w:del`, which matches no view Word
offers, and it knows nothing of list labels or footnotes; so this module opens the ZIP
package itself, parses each part with the safe parser of `xmlsafe`, and walks
word/document.xml child by child (no XPath over the whole tree).

Conventions (the contract other modules rely on):

- `view="accepted"` shows the document with every tracked change accepted, `"original"`
  with every change rejected. Inserted/deleted runs, moves, paragraph marks, table rows and
  cells, and numbering-property changes follow the view; property changes (`w:rPrChange`,
  `w:pPrChange`) select the old or new formatting, and all changes are recorded as
  `Revision`s whichever view is read.
- `Loc.paragraph` is the 0-based index of a `w:p` or `w:tbl` among the body's block-level
  elements in XML order (content controls and custom-XML wrappers unwrapped), counted the
  same way in both views. A paragraph joined to the next by a removed paragraph mark keeps
  the index of its first part and takes its properties (style, numbering) from the first
  part that shows any text, else from the last part (whose mark survives), as Word does
  when it joins paragraphs. Blocks from a text box carry their
  anchor paragraph's loc. Table cells add `row` (index of the `w:tr` in the XML) and `col`
  (grid column where the cell starts, counting `w:gridBefore` and `w:gridSpan`).
- Empty paragraphs produce no block (their index is still counted); an empty numbered
  paragraph still advances its list's counter, as in Word.
- `outline_level` (0-based, like Word's `w:outlineLvl`): the paragraph's own `w:outlineLvl`,
  else the nearest style of its `basedOn` chain that sets one, else the nearest style in that
  chain named "heading N" (N-1). Level 9 means body text (None).
- `label` is the list label Word would draw, computed from numbering.xml; it is never part
  of `text`. Bullets are labelled with their glyph (Symbol/Wingdings private-use glyphs
  mapped to Unicode). Lists sharing an abstractNum share counters unless the `w:num` has a
  `w:startOverride`, which makes it a list of its own.
- Tables: one `Cell` per `w:tc`; a `gridSpan` cell is one cell; a vertically merged
  continuation cell is kept as a cell of its own with its own (normally empty) text. Cell
  paragraphs are plain text, except that a numbered (non-bullet) label is prefixed
  ("2.1 Title") because a cell has nowhere else to keep it; nested tables and text boxes
  in a cell are flattened into its paragraphs, one line per nested row.
- Footnotes and endnotes referenced from the visible text become `footnote` blocks in
  reference order, labelled with their number; endnotes carry `Loc(footnote="endnote-<id>")`.
- Hidden (`w:vanish`) text is read like any other text; field instructions are not, field
  results are. Headers, footers, comments and `w:altChunk` imports are not read.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, NoReturn

from lxml import etree

from ..errors import InputError, UsageError
from ..model import Block, Cell, Loc, RawDocument, Revision, Source, table_text
from . import OLE_MAGIC, VIEWS, read_bytes
from .xmlsafe import parse_xml

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT_W_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
W = "{" + _W_NS + "}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

MAX_PART_BYTES = 512 * 1024 * 1024

# Tags compared in the hot loop, precomputed once.
W_P, W_R, W_T, W_TBL, W_TR, W_TC = W + "p", W + "r", W + "t", W + "tbl", W + "tr", W + "tc"
W_PPR, W_RPR, W_TRPR, W_TCPR = W + "pPr", W + "rPr", W + "trPr", W + "tcPr"
W_INS, W_DEL, W_MOVEFROM, W_MOVETO = W + "ins", W + "del", W + "moveFrom", W + "moveTo"
W_DELTEXT, W_INSTR, W_DELINSTR = W + "delText", W + "instrText", W + "delInstrText"
W_TAB, W_PTAB, W_BR, W_CR = W + "tab", W + "ptab", W + "br", W + "cr"
W_NBHYPHEN, W_SOFTHYPHEN, W_SYM = W + "noBreakHyphen", W + "softHyphen", W + "sym"
W_SDT, W_SDTCONTENT, W_CUSTOMXML = W + "sdt", W + "sdtContent", W + "customXml"
W_DRAWING, W_PICT, W_OBJECT, W_TXBX = W + "drawing", W + "pict", W + "object", W + "txbxContent"
W_FNREF, W_ENREF = W + "footnoteReference", W + "endnoteReference"
W_RPRCHANGE, W_PPRCHANGE = W + "rPrChange", W + "pPrChange"
W_NUMPR, W_NUMID, W_ILVL, W_PSTYLE, W_RSTYLE = W + "numPr", W + "numId", W + "ilvl", W + "pStyle", W + "rStyle"
W_OUTLINE, W_B, W_SZ, W_VAL = W + "outlineLvl", W + "b", W + "sz", W + "val"
W_GRIDSPAN, W_GRIDBEFORE, W_CELLINS, W_CELLDEL = W + "gridSpan", W + "gridBefore", W + "cellIns", W + "cellDel"
W_RUBY, W_RUBYBASE, W_NUMCHANGE = W + "ruby", W + "rubyBase", W + "numberingChange"
M_R, M_T = M + "r", M + "t"
MC_ALT, MC_CHOICE, MC_FALLBACK = MC + "AlternateContent", MC + "Choice", MC + "Fallback"

_RUN_CHANGES = {W_INS: "insert", W_DEL: "delete", W_MOVEFROM: "move-from", W_MOVETO: "move-to"}
_MARK_CHANGES = {
    W_INS: "paragraph-insert",
    W_DEL: "paragraph-delete",
    W_MOVEFROM: "paragraph-move-from",
    W_MOVETO: "paragraph-move-to",
}
_ROW_CHANGES = {W_INS: "row-insert", W_DEL: "row-delete"}
_CELL_CHANGES = {W_CELLINS: "cell-insert", W_CELLDEL: "cell-delete"}
_FORMAT_CHANGES = {
    W + "tblPrChange": "table-format",
    W + "tblPrExChange": "table-format",
    W + "trPrChange": "table-format",
    W + "tcPrChange": "table-format",
    W + "tblGridChange": "table-format",
    W + "cellMerge": "table-format",
    W + "sectPrChange": "section-format",
}
# Elements whose subtree never holds text of the view.
_SKIP = {
    W_PPR, W_RPR, W_INSTR, W_DELINSTR, W + "sdtPr", W + "sdtEndPr",
    W + "bookmarkStart", W + "bookmarkEnd", W + "proofErr", W + "commentReference",
    W + "lastRenderedPageBreak", W + "footnoteRef", W + "endnoteRef", W + "annotationRef",
    W + "rt", W + "rubyPr", W + "sectPr", W + "tblPr", W + "tblGrid",
}

# Private-use glyphs of Symbol and Wingdings as Word writes them in bullets and w:sym.
_PUA_BULLETS = {
    0xB7: "•", 0xA7: "▪", 0xA8: "◆", 0xD8: "➢", 0x76: "❖", 0xFC: "✓", 0x6E: "■",
    0x71: "❑", 0x6C: "●", 0xE8: "➔", 0xF0: "⇨", 0x2D: "-", 0x3E: "›",
}
_SYMBOL_GREEK = dict(zip(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖαβχδεφγηιϕκλμνοπθρστυϖωξψζ",
))
_SYMBOL_OTHER = {
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5C: "∴", 0x5E: "⊥",
    0x7E: "∼", 0xA3: "≤", 0xA5: "∞", 0xAC: "←", 0xAE: "→", 0xB0: "°", 0xB1: "±", 0xB3: "≥",
    0xB4: "×", 0xB7: "•", 0xB9: "≠", 0xBA: "≡", 0xBB: "≈", 0xD7: "⋅", 0xDE: "⇒", 0xE0: "◊",
    0xE5: "∑", 0xF2: "∫",
}
_BULLET_START = re.compile(r"^\s*(?:[•◦▪▫‣⁃●○■□➢►✓❖◆·]|[-–—*](?=\s))")
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"%([1-9])")


def _attr(el: etree._Element | None, name: str = W_VAL) -> str | None:
    return None if el is None else el.get(name)


def _int(value: str | None) -> int | None:
    try:
        return None if value is None else int(value)
    except ValueError:
        return None


def _onoff(el: etree._Element | None) -> bool | None:
    """The value of an on/off property element (w:b etc.): None when absent."""
    if el is None:
        return None
    return el.get(W_VAL, "true").lower() not in ("0", "false", "off", "none")


def _half_points(el: etree._Element | None) -> float | None:
    value = _int(_attr(el))
    return None if value is None else value / 2


def _mc_branch(alt: etree._Element) -> etree._Element | None:
    """The one branch of mc:AlternateContent to read: the first Choice, else the Fallback."""
    fallback = None
    for child in alt:
        if child.tag == MC_CHOICE:
            return child
        if child.tag == MC_FALLBACK:
            fallback = child
    return fallback


def _pua_char(code: int, font: str | None) -> str:
    """A Symbol/Wingdings code point (0x00-0xFF, private-use offset removed) as Unicode."""
    font = (font or "").lower()
    if font.startswith("symbol"):
        char = chr(code)
        return _SYMBOL_OTHER.get(code) or _SYMBOL_GREEK.get(char) or (char if 0x20 <= code < 0x7F else "")
    if font.startswith("wingdings"):
        return _PUA_BULLETS.get(code, "•")
    return chr(code) if 0x20 <= code < 0x7F or code >= 0xA0 else ""


def _sym_text(sym: etree._Element) -> str:
    """The character a w:sym draws (Symbol/Wingdings code points mapped to Unicode)."""
    try:
        code = int(sym.get(W + "char", ""), 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        return _pua_char(code - 0xF000, sym.get(W + "font"))
    return chr(code) if 0x20 <= code < 0xD800 or 0xE000 <= code < 0x110000 else ""


def _bullet_glyph(text: str) -> str:
    """A bullet level's lvlText with private-use and Symbol middle-dot glyphs mapped."""
    out = []
    for char in text:
        code = ord(char)
        if 0xF000 <= code <= 0xF0FF:
            out.append(_PUA_BULLETS.get(code - 0xF000, "•"))
        elif code == 0xB7:
            out.append("•")
        else:
            out.append(char)
    return "".join(out)


# ---------------------------------------------------------------- number formats

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL_WORDS = {"one": "first", "two": "second", "three": "third", "five": "fifth",
                  "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}
_ARABIC_ALPHA = "أبتثجحخدذرزسشصضطظعغفقكلمنهوي"
_CHICAGO = "*†‡§"


def _roman(n: int) -> str:
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _words(n: int) -> str:
    """English cardinal words for 0-999 (larger numbers fall back to digits)."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + ("-" + _ONES[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return _ONES[hundreds] + " hundred" + (" " + _words(rest) if rest else "")
    return str(n)


def _ordinal_words(n: int) -> str:
    words = _words(n)
    head, sep, last = words.rpartition("-") if "-" in words else words.rpartition(" ")
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    elif not last.isdigit():
        last += "th"
    return head + sep + last


def format_number(n: int, fmt: str) -> str:
    """`n` in Word numbering format `fmt` (w:numFmt); unknown formats fall back to decimal."""
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperRoman", "lowerRoman") and n > 0:
        text = _roman(n)
        return text.upper() if fmt == "upperRoman" else text
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        text = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return text.upper() if fmt == "upperLetter" else text
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if fmt == "cardinalText":
        return _words(n).capitalize()
    if fmt == "ordinalText":
        return _ordinal_words(n).capitalize()
    if fmt == "chicago" and n > 0:
        return _CHICAGO[(n - 1) % 4] * ((n - 1) // 4 + 1)
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "arabicAlpha" and n > 0:
        return _ARABIC_ALPHA[(n - 1) % len(_ARABIC_ALPHA)]
    if fmt in ("hex", "hexadecimal"):
        return f"{n:X}"
    return str(n)


# ---------------------------------------------------------------- styles


@dataclass
class _Style:
    name: str | None
    based_on: str | None
    outline: int | None
    num_id: int | None
    ilvl: int | None
    bold: bool | None
    size: float | None


_LOWERCASE_BUILTINS = {
    "caption", "header", "footer", "footnote text", "footnote reference", "endnote text",
    "endnote reference", "annotation text", "annotation reference", "page number",
    "line number", "table of figures", "index heading", "toa heading", "envelope address",
    "envelope return", "table of authorities", "macro",
}
_NUMBERED_BUILTIN = re.compile(r"^(heading|toc|index) ([1-9])$")


def _ui_name(name: str | None) -> str | None:
    """Word stores some built-in style names in lower case ("heading 1"); show them as Word does."""
    if name is None:
        return None
    match = _NUMBERED_BUILTIN.match(name)
    if match:
        word = "TOC" if match.group(1) == "toc" else match.group(1).capitalize()
        return f"{word} {match.group(2)}"
    if name in _LOWERCASE_BUILTINS:
        return " ".join(part.capitalize() for part in name.split())
    return name


class _Styles:
    """styles.xml: names, basedOn chains, and the properties the reader resolves through them."""

    def __init__(self, root: etree._Element | None) -> None:
        self.by_id: dict[str, _Style] = {}
        self.default_para: str | None = None
        self.doc_bold: bool | None = None
        self.doc_size: float | None = None
        self._run_cache: dict[tuple[str | None, str | None], tuple[bool, float | None]] = {}
        if root is None:
            return
        for el in root:
            if el.tag == W + "docDefaults":
                rpr = el.find(f"{W}rPrDefault/{W}rPr")
                if rpr is not None:
                    self.doc_bold = _onoff(rpr.find(W_B))
                    self.doc_size = _half_points(rpr.find(W_SZ))
            elif el.tag == W + "style":
                self._add(el)

    def _add(self, el: etree._Element) -> None:
        sid = el.get(W + "styleId")
        if sid is None:
            return
        ppr, rpr = el.find(W_PPR), el.find(W_RPR)
        numpr = ppr.find(W_NUMPR) if ppr is not None else None
        self.by_id[sid] = _Style(
            name=_ui_name(_attr(el.find(W + "name"))),
            based_on=_attr(el.find(W + "basedOn")),
            outline=_int(_attr(ppr.find(W_OUTLINE))) if ppr is not None else None,
            num_id=_int(_attr(numpr.find(W_NUMID))) if numpr is not None else None,
            ilvl=_int(_attr(numpr.find(W_ILVL))) if numpr is not None else None,
            bold=_onoff(rpr.find(W_B)) if rpr is not None else None,
            size=_half_points(rpr.find(W_SZ)) if rpr is not None else None,
        )
        if el.get(W + "type") == "paragraph" and _onoff_attr(el.get(W + "default")):
            self.default_para = sid

    def chain(self, sid: str | None) -> Iterator[_Style]:
        """The style and its basedOn ancestors, nearest first (cycles cut)."""
        seen: set[str] = set()
        while sid is not None and sid not in seen and sid in self.by_id:
            seen.add(sid)
            style = self.by_id[sid]
            yield style
            sid = style.based_on

    def name(self, sid: str | None) -> str | None:
        style = self.by_id.get(sid) if sid is not None else None
        return style.name if style is not None else sid

    def outline(self, sid: str | None) -> int | None:
        for style in self.chain(sid):
            if style.outline is not None:
                return style.outline if 0 <= style.outline <= 8 else None
        for style in self.chain(sid):
            match = _HEADING_NAME.match(style.name or "")
            if match:
                return int(match.group(1)) - 1
        return None

    def numbering(self, sid: str | None) -> tuple[int | None, int | None]:
        """(numId, ilvl) from the nearest style in the chain with a numId."""
        for style in self.chain(sid):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None, None

    def run_base(self, pstyle: str | None, rstyle: str | None) -> tuple[bool, float | None]:
        """(bold, size) of a run with no direct formatting, from document defaults, the
        paragraph style chain, then the character style chain (later ones override)."""
        key = (pstyle, rstyle)
        cached = self._run_cache.get(key)
        if cached is not None:
            return cached
        bold, size = self.doc_bold, self.doc_size
        for sid in (pstyle, rstyle):
            for style in reversed(list(self.chain(sid))):
                bold = style.bold if style.bold is not None else bold
                size = style.size if style.size is not None else size
        result = (bool(bold), size)
        self._run_cache[key] = result
        return result


def _onoff_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


# ---------------------------------------------------------------- numbering


@dataclass
class _Level:
    fmt: str
    text: str | None
    start: int
    restart: int | None
    legal: bool
    pstyle: str | None


def _parse_level(el: etree._Element) -> _Level:
    fmt_el = el.find(W + "numFmt")
    if fmt_el is None:
        alt = el.find(MC_ALT)
        branch = alt.find(MC_FALLBACK) if alt is not None else None
        fmt_el = branch.find(W + "numFmt") if branch is not None else None
    return _Level(
        fmt=_attr(fmt_el) or "decimal",
        text=_attr(el.find(W + "lvlText")),
        start=_int(_attr(el.find(W + "start"))) or 0,
        restart=_int(_attr(el.find(W + "lvlRestart"))),
        legal=bool(_onoff(el.find(W + "isLgl"))),
        pstyle=_attr(el.find(W_PSTYLE)),
    )


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, _Level] = field(default_factory=dict)


class _Numbering:
    """numbering.xml definitions plus the running counters of one reading pass."""

    def __init__(self, root: etree._Element | None, styles: _Styles) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.style_link: dict[str, str] = {}
        self.num_style_link: dict[str, str] = {}
        self.nums: dict[int, _Num] = {}
        self.styles = styles
        self.counters: dict[tuple[str, object], dict[int, int]] = {}
        if root is None:
            return
        for el in root:
            if el.tag == W + "abstractNum":
                aid = el.get(W + "abstractNumId", "")
                self.abstract[aid] = {
                    _int(lvl.get(W_ILVL)) or 0: _parse_level(lvl) for lvl in el.iter(W + "lvl")
                }
                link = _attr(el.find(W + "styleLink"))
                if link:
                    self.style_link[link] = aid
                link = _attr(el.find(W + "numStyleLink"))
                if link:
                    self.num_style_link[aid] = link
            elif el.tag == W + "num":
                num_id = _int(el.get(W_NUMID))
                if num_id is None:
                    continue
                num = _Num(abstract=_attr(el.find(W + "abstractNumId")) or "")
                for override in el.iter(W + "lvlOverride"):
                    ilvl = _int(override.get(W_ILVL)) or 0
                    start = _int(_attr(override.find(W + "startOverride")))
                    if start is not None:
                        num.starts[ilvl] = start
                    lvl = override.find(W + "lvl")
                    if lvl is not None:
                        num.levels[ilvl] = _parse_level(lvl)
                self.nums[num_id] = num

    def _levels(self, aid: str) -> dict[int, _Level]:
        """The levels of abstractNum `aid`, following numStyleLink to the list style's definition."""
        for _ in range(4):
            link = self.num_style_link.get(aid)
            if link is None:
                break
            target = self.style_link.get(link)
            if target is None:
                num_id, _ilvl = self.styles.numbering(link)
                num = self.nums.get(num_id) if num_id is not None else None
                target = num.abstract if num is not None else None
            if target is None or target == aid:
                break
            aid = target
        return self.abstract.get(aid, {})

    def level(self, num: _Num, ilvl: int) -> _Level | None:
        if ilvl in num.levels:
            return num.levels[ilvl]
        levels = self._levels(num.abstract)
        return levels.get(ilvl)

    def _start(self, num: _Num, ilvl: int) -> int:
        if ilvl in num.starts:
            return num.starts[ilvl]
        lvl = self.level(num, ilvl)
        return lvl.start if lvl is not None else 0

    def style_level(self, num_id: int, sid: str | None) -> int | None:
        """The level of list `num_id` tied to paragraph style `sid` (w:lvl/w:pStyle)."""
        num = self.nums.get(num_id)
        if num is None or sid is None:
            return None
        for ilvl, lvl in sorted(self._levels(num.abstract).items()):
            if lvl.pstyle == sid:
                return ilvl
        return None

    def label(self, num_id: int, ilvl: int) -> str | None:
        """Advance list `num_id` at level `ilvl` and return the label Word draws (None if none)."""
        num = self.nums.get(num_id)
        if num is None:
            return None
        lvl = self.level(num, ilvl)
        if lvl is None:
            return None
        key: tuple[str, object] = ("num", num_id) if num.starts else ("abstract", num.abstract)
        state = self.counters.setdefault(key, {})
        for shallower in range(ilvl):
            state.setdefault(shallower, self._start(num, shallower))
        state[ilvl] = state[ilvl] + 1 if ilvl in state else self._start(num, ilvl)
        for deeper in [m for m in state if m > ilvl]:
            deeper_lvl = self.level(num, deeper)
            threshold = deeper if deeper_lvl is None or deeper_lvl.restart is None else deeper_lvl.restart
            if ilvl < threshold:
                del state[deeper]
        if lvl.fmt == "bullet":
            text = _bullet_glyph(lvl.text or "").strip()
            return text or None
        if not lvl.text:
            return None

        def place(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            k_lvl = self.level(num, k)
            fmt = k_lvl.fmt if k_lvl is not None else "decimal"
            if lvl.legal and fmt not in ("decimalZero", "none"):
                fmt = "decimal"
            return format_number(state.get(k, self._start(num, k)), fmt)

        text = _PLACEHOLDER.sub(place, lvl.text).strip()
        return text or None


# ---------------------------------------------------------------- package


@dataclass
class _Parts:
    document: etree._Element
    styles: etree._Element | None
    numbering: etree._Element | None
    footnotes: etree._Element | None
    endnotes: etree._Element | None


def _check_container(path: str, data: bytes) -> NoReturn:
    """Raise the right InputError for bytes that are not a ZIP package."""
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(path, "password-protected (encrypted) Word document; remove the password and save again")
        raise InputError(path, "legacy Word 97-2003 .doc is not supported; save as .docx")
    raise InputError(path, "not a Word .docx file (not a ZIP package)")


class _Package:
    """The ZIP package: relationship-resolved part names and safe parsing of each part."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        if not data.startswith(b"PK"):
            _check_container(path, data)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
            _check_container(path, data)
        self.names = {info.filename.lower(): info for info in self.zip.infolist()}

    def read(self, name: str) -> bytes | None:
        info = self.names.get(name.lstrip("/").lower())
        if info is None:
            return None
        if info.file_size > MAX_PART_BYTES:
            raise InputError(self.path, f"part {info.filename} is too large ({info.file_size} bytes)")
        try:
            return self.zip.read(info)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
            raise InputError(self.path, f"damaged ZIP package: cannot read {info.filename} ({exc})") from None

    def xml(self, name: str) -> etree._Element | None:
        data = self.read(name)
        if data is None:
            return None
        if _STRICT_W_NS in data:
            data = data.replace(_STRICT_W_NS, _W_NS.encode())
        return parse_xml(data, self.path, name)

    def relationships(self, part: str) -> dict[str, str]:
        """Relationship type suffix (e.g. 'footnotes') -> target part name, for `part`."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, str] = {}
        if root is None:
            return out
        for rel in root.iter(REL + "Relationship"):
            target, kind = rel.get("Target"), rel.get("Type", "")
            if not target or rel.get("TargetMode") == "External":
                continue
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out.setdefault(kind.rsplit("/", 1)[-1], name)
        return out

    def parts(self) -> _Parts:
        main = self.relationships("").get("officeDocument", "word/document.xml")
        document = self.xml(main)
        if document is None and main != "word/document.xml":
            main = "word/document.xml"
            document = self.xml(main)
        if document is None:
            raise InputError(self.path, "ZIP package has no word/document.xml (not a Word document)")
        rels = self.relationships(main)
        folder = posixpath.dirname(main)

        def part(kind: str) -> etree._Element | None:
            return self.xml(rels.get(kind, posixpath.join(folder, kind + ".xml")))

        return _Parts(document, part("styles"), part("numbering"), part("footnotes"), part("endnotes"))


# ---------------------------------------------------------------- reading


@dataclass
class _Para:
    """One physical w:p as read in the view, before joins by removed paragraph marks."""

    loc: Loc
    pstyle: str | None
    outline: int | None
    num_id: int | None
    ilvl: int | None
    pieces: list[tuple[str, bool, float | None]] = field(default_factory=list)
    joins_next: bool = False
    revised: bool = False
    extra: list[Block] = field(default_factory=list)


def _block_children(container: etree._Element) -> Iterator[etree._Element]:
    """The w:p and w:tbl of a story, unwrapping content controls and custom XML."""
    for child in container:
        tag = child.tag
        if tag == W_P or tag == W_TBL:
            yield child
        elif tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                yield from _block_children(content)
        elif tag == W_CUSTOMXML:
            yield from _block_children(child)
        elif tag == MC_ALT:
            branch = _mc_branch(child)
            if branch is not None:
                yield from _block_children(branch)


def _table_children(container: etree._Element, tag: str) -> Iterator[etree._Element]:
    """The w:tr of a table or w:tc of a row, unwrapping content controls and custom XML."""
    for child in container:
        if child.tag == tag:
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                yield from _table_children(content, tag)
        elif child.tag == W_CUSTOMXML:
            yield from _table_children(child, tag)


def _textbox_contents(el: etree._Element) -> Iterator[etree._Element]:
    """The outermost w:txbxContent under a drawing, reading one branch of mc:AlternateContent."""
    for child in el:
        if child.tag == W_TXBX:
            yield child
        elif child.tag == MC_ALT:
            branch = _mc_branch(child)
            if branch is not None:
                yield from _textbox_contents(branch)
        elif len(child):
            yield from _textbox_contents(child)


def _copy(loc: Loc) -> Loc:
    """A fresh Loc equal to `loc` (blocks and revisions never share one)."""
    return Loc(loc.paragraph, loc.page, loc.line, loc.table, loc.row, loc.col, loc.footnote)


def _is_bullet(label: str) -> bool:
    return not any(ch.isalnum() for ch in label)


class _Reader:
    """One reading pass over a package in one view."""

    def __init__(self, parts: _Parts, view: str) -> None:
        self.view = view
        accepted = view == "accepted"
        self.hide_runs = {W_DEL, W_MOVEFROM} if accepted else {W_INS, W_MOVETO}
        self.hide_row = W_DEL if accepted else W_INS
        self.hide_cell = W_CELLDEL if accepted else W_CELLINS
        self.parts = parts
        self.styles = _Styles(parts.styles)
        self.numbering = _Numbering(parts.numbering, self.styles)
        self.revisions: list[Revision] = []
        self.note_refs: list[tuple[str, str, bool]] = []
        self.loc = Loc()
        self._collect: list[tuple[Revision, list[str]]] = []
        self._table_depth = 0

    # -- revisions

    def _revision(self, kind: str, el: etree._Element) -> Revision:
        rev = Revision(
            type=kind,
            author=el.get(W + "author"),
            date=el.get(W + "date"),
            text="",
            loc=_copy(self.loc),
            id=el.get(W + "id"),
        )
        self.revisions.append(rev)
        return rev

    def _begin(self, rev: Revision) -> None:
        """Start collecting the text under `rev` (all text, whatever the view shows)."""
        self._collect.append((rev, []))

    def _end(self) -> None:
        rev, parts = self._collect.pop()
        rev.text = "".join(parts).strip("\n")

    def _separate(self) -> None:
        for _rev, parts in self._collect:
            if parts and parts[-1] != "\n":
                parts.append("\n")

    def _emit(self, text: str, hidden: bool, para: _Para, fmt: tuple[bool, float | None]) -> None:
        for _rev, parts in self._collect:
            parts.append(text)
        if not hidden and text:
            para.pieces.append((text, fmt[0], fmt[1]))

    # -- stories

    def story(self, container: etree._Element, hidden: bool, count: bool) -> list[Block]:
        """Blocks of a sequence of paragraphs and tables (body, cell, text box, note).

        `count` advances `self.loc.paragraph` per element (the body); other stories keep
        the loc of whatever holds them.
        """
        out: list[Block] = []
        pending: list[_Para] = []
        index = 0
        for el in _block_children(container):
            if count:
                self.loc = Loc(paragraph=index)
                index += 1
            if el.tag == W_P:
                para = self.paragraph(el, hidden)
                self._separate()
                pending.append(para)
                if not para.joins_next:
                    out.extend(self._finish(pending, hidden))
                    pending = []
            else:
                if pending:
                    out.extend(self._finish(pending, hidden))
                    pending = []
                table = self.table(el, hidden)
                if table is not None:
                    out.append(table)
        if pending:
            out.extend(self._finish(pending, hidden))
        return out

    def _finish(self, parts: list[_Para], hidden: bool) -> list[Block]:
        """One paragraph block from physical paragraphs joined by removed marks."""
        if hidden:
            return []
        props = next((part for part in parts if part.pieces), parts[-1])
        label = None
        ilvl = None
        if props.num_id:
            ilvl = props.ilvl
            if ilvl is None:
                ilvl = self.numbering.style_level(props.num_id, props.pstyle) or 0
            label = self.numbering.label(props.num_id, ilvl)
        pieces = [piece for part in parts for piece in part.pieces]
        text = "".join(piece[0] for piece in pieces).rstrip()
        out: list[Block] = []
        if text.strip():
            visible = [piece for piece in pieces if piece[0].strip()]
            sizes: dict[float, int] = {}
            for piece_text, _bold, size in visible:
                if size is not None:
                    sizes[size] = sizes.get(size, 0) + len(piece_text)
            listed = (label is not None and props.outline is None) or bool(_BULLET_START.match(text))
            out.append(Block(
                type="list-item" if listed else "paragraph",
                text=text,
                loc=_copy(parts[0].loc),
                label=label,
                list_level=ilvl if label is not None else None,
                style=self.styles.name(props.pstyle),
                outline_level=props.outline,
                bold=all(piece[1] for piece in visible),
                size=max(sizes, key=sizes.__getitem__) if sizes else None,
                revised=any(part.revised for part in parts),
            ))
        for part in parts:
            out.extend(part.extra)
        return out

    # -- paragraphs

    def paragraph(self, p: etree._Element, hidden: bool) -> _Para:
        before = len(self.revisions)
        ppr = p.find(W_PPR)
        props = ppr
        numbering_hidden = False
        collecting = 0
        if ppr is not None:
            for child in ppr:
                tag = child.tag
                if tag == W_RPR:
                    for mark in child:
                        if mark.tag in _MARK_CHANGES:
                            self._revision(_MARK_CHANGES[mark.tag], mark)
                        elif mark.tag == W_RPRCHANGE:
                            self._revision("format", mark)
                elif tag == W_PPRCHANGE:
                    old = child.find(W_PPR)
                    kind = "paragraph-format"
                    if _numpr_key(old) != _numpr_key(ppr):
                        kind = "numbering"
                    self._begin(self._revision(kind, child))
                    collecting += 1
                    if self.view == "original":
                        props = old
                elif tag == W + "sectPr":
                    self._changes(child)
                elif tag == W_NUMPR:
                    for change in child:
                        if change.tag in (W_INS, W_DEL, W_NUMCHANGE):
                            self._revision("numbering", change)
                            if change.tag in self.hide_runs:
                                numbering_hidden = True
        para = self._para_props(props, numbering_hidden)
        if ppr is not None:
            rpr = ppr.find(W_RPR)
            if rpr is not None:
                para.joins_next = any(mark.tag in self.hide_runs for mark in rpr)
        fmt = self.styles.run_base(para.pstyle, None)
        self._inline(p, hidden, para, fmt)
        for _ in range(collecting):
            self._end()
        para.revised = len(self.revisions) > before
        return para

    def _para_props(self, ppr: etree._Element | None, numbering_hidden: bool) -> _Para:
        pstyle = None
        outline = None
        num_id = ilvl = None
        if ppr is not None:
            pstyle = _attr(ppr.find(W_PSTYLE))
            outline = _int(_attr(ppr.find(W_OUTLINE)))
            numpr = ppr.find(W_NUMPR)
            if numpr is not None and not numbering_hidden:
                num_id = _int(_attr(numpr.find(W_NUMID)))
                ilvl = _int(_attr(numpr.find(W_ILVL)))
        if pstyle is None:
            pstyle = self.styles.default_para
        if outline is None:
            outline = self.styles.outline(pstyle)
        elif not 0 <= outline <= 8:
            outline = None
        if num_id is None:
            num_id, style_ilvl = self.styles.numbering(pstyle)
            ilvl = style_ilvl if ilvl is None else ilvl
        return _Para(loc=_copy(self.loc), pstyle=pstyle, outline=outline, num_id=num_id, ilvl=ilvl)

    def _run_fmt(
        self, rpr: etree._Element | None, pstyle: str | None
    ) -> tuple[tuple[bool, float | None], etree._Element | None]:
        """(bold, size) of a run in the view, and its w:rPrChange if it has one."""
        if rpr is None:
            return self.styles.run_base(pstyle, None), None
        change = None
        rstyle = bold_el = size_el = None
        for child in rpr:
            tag = child.tag
            if tag == W_B:
                bold_el = child
            elif tag == W_SZ:
                size_el = child
            elif tag == W_RSTYLE:
                rstyle = child.get(W_VAL)
            elif tag == W_RPRCHANGE:
                change = child
        if change is not None and self.view == "original":
            old = change.find(W_RPR)
            rstyle = _attr(old.find(W_RSTYLE)) if old is not None else None
            bold_el = old.find(W_B) if old is not None else None
            size_el = old.find(W_SZ) if old is not None else None
        bold, size = self.styles.run_base(pstyle, rstyle)
        direct_bold = _onoff(bold_el)
        direct_size = _half_points(size_el)
        return (
            bold if direct_bold is None else direct_bold,
            size if direct_size is None else direct_size,
        ), change

    def _inline(self, el: etree._Element, hidden: bool, para: _Para, fmt: tuple[bool, float | None]) -> None:
        """Walk the inline content of `el`, adding the view's text to `para`."""
        for child in el:
            tag = child.tag
            if tag == W_T or tag == W_DELTEXT or tag == M_T:
                self._emit(child.text or "", hidden, para, fmt)
            elif tag == W_R or tag == M_R:
                run_fmt, change = self._run_fmt(child.find(W_RPR), para.pstyle)
                if change is not None:
                    self._begin(self._revision("format", change))
                    self._inline(child, hidden, para, run_fmt)
                    self._end()
                else:
                    self._inline(child, hidden, para, run_fmt)
            elif tag in _SKIP:
                continue
            elif tag == W_TAB or tag == W_PTAB:
                self._emit("\t", hidden, para, fmt)
            elif tag == W_BR or tag == W_CR:
                self._emit("\n", hidden, para, fmt)
            elif tag == W_NBHYPHEN:
                self._emit("-", hidden, para, fmt)
            elif tag == W_SOFTHYPHEN:
                continue
            elif tag == W_SYM:
                self._emit(_sym_text(child), hidden, para, fmt)
            elif tag in _RUN_CHANGES:
                self._begin(self._revision(_RUN_CHANGES[tag], child))
                self._inline(child, hidden or tag in self.hide_runs, para, fmt)
                self._end()
            elif tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    self._inline(content, hidden, para, fmt)
            elif tag == MC_ALT:
                branch = _mc_branch(child)
                if branch is not None:
                    self._inline(branch, hidden, para, fmt)
            elif tag == W_DRAWING or tag == W_PICT or tag == W_OBJECT:
                for content in _textbox_contents(child):
                    para.extra.extend(self.story(content, hidden, count=False))
            elif tag == W_FNREF or tag == W_ENREF:
                if not hidden:
                    kind = "footnote" if tag == W_FNREF else "endnote"
                    custom = _onoff_attr(child.get(W + "customMarkFollows"))
                    self.note_refs.append((kind, child.get(W + "id", ""), custom))
            elif tag == W_RUBY:
                base = child.find(W_RUBYBASE)
                if base is not None:
                    self._inline(base, hidden, para, fmt)
            elif tag == W_NUMCHANGE:
                self._revision("numbering", child)
            elif len(child):
                self._inline(child, hidden, para, fmt)

    # -- tables

    def table(self, tbl: etree._Element, hidden: bool) -> Block | None:
        before = len(self.revisions)
        base = self.loc
        nested = self._table_depth > 0
        self._table_depth += 1
        self._changes(tbl.find(W + "tblPr"))
        rows: list[list[Cell]] = []
        for r, tr in enumerate(_table_children(tbl, W_TR)):
            if not nested:
                self.loc = Loc(paragraph=base.paragraph, row=r, footnote=base.footnote)
            trpr = tr.find(W_TRPR)
            col = (_int(_attr(trpr.find(W_GRIDBEFORE))) or 0) if trpr is not None else 0
            collecting, removed = self._changes(trpr, _ROW_CHANGES, self.hide_row)
            row_hidden = hidden or removed
            self._changes(tr.find(W + "tblPrEx"))
            cells: list[Cell] = []
            for tc in _table_children(tr, W_TC):
                cell_loc = Loc(paragraph=base.paragraph, row=r, col=col, footnote=base.footnote)
                if not nested:
                    self.loc = cell_loc
                tcpr = tc.find(W_TCPR)
                span = (_int(_attr(tcpr.find(W_GRIDSPAN))) or 1) if tcpr is not None else 1
                cell_collecting, removed = self._changes(tcpr, _CELL_CHANGES, self.hide_cell)
                cell_hidden = row_hidden or removed
                blocks = self.story(tc, cell_hidden, count=False)
                for _ in range(cell_collecting):
                    self._end()
                if not cell_hidden:
                    cells.append(_cell(blocks, cell_loc))
                col += span
                self._separate()
            for _ in range(collecting):
                self._end()
            if not row_hidden and cells:
                rows.append(cells)
        self._table_depth -= 1
        self.loc = base
        if not rows:
            return None
        return Block(
            type="table",
            text=table_text(rows),
            loc=_copy(base),
            rows=rows,
            revised=len(self.revisions) > before,
        )

    def _changes(
        self, props: etree._Element | None, kinds: dict[str, str] | None = None, hide: str | None = None
    ) -> tuple[int, bool]:
        """Record the changes in a properties element (tblPr, trPr, tcPr, sectPr).

        Insert/delete marks named in `kinds` start collecting the text they cover (the
        caller ends that many); returns how many were started and whether the view hides
        the element (it carries the `hide` mark).
        """
        started, hidden = 0, False
        if props is None:
            return started, hidden
        for child in props:
            if kinds and child.tag in kinds:
                self._begin(self._revision(kinds[child.tag], child))
                started += 1
                hidden = hidden or child.tag == hide
            elif child.tag in _FORMAT_CHANGES:
                self._revision(_FORMAT_CHANGES[child.tag], child)
        return started, hidden

    # -- notes

    def notes(self) -> list[Block]:
        """Footnote and endnote blocks for the notes referenced in the view, in reference order."""
        stories = {"footnote": self.parts.footnotes, "endnote": self.parts.endnotes}
        texts: dict[tuple[str, str], str] = {}
        for kind, root in stories.items():
            if root is None:
                continue
            for note in root:
                if note.tag != W + kind or note.get(W + "type") not in (None, "normal"):
                    continue
                note_id = note.get(W + "id", "")
                self.loc = Loc(footnote=note_id if kind == "footnote" else f"endnote-{note_id}")
                blocks = self.story(note, hidden=False, count=False)
                texts[(kind, note_id)] = "\n".join(_flat_lines(blocks)).strip()
        out: list[Block] = []
        numbers = {"footnote": 0, "endnote": 0}
        seen: set[tuple[str, str]] = set()
        for kind, note_id, custom in self.note_refs:
            if (kind, note_id) in seen or (kind, note_id) not in texts:
                continue
            seen.add((kind, note_id))
            label = None
            if not custom:
                numbers[kind] += 1
                label = format_number(numbers[kind], "decimal" if kind == "footnote" else "lowerRoman")
            out.append(Block(
                type="footnote",
                text=texts[(kind, note_id)],
                loc=Loc(footnote=note_id if kind == "footnote" else f"endnote-{note_id}"),
                label=label,
            ))
        return out


def _numpr_key(ppr: etree._Element | None) -> tuple[str | None, str | None]:
    numpr = ppr.find(W_NUMPR) if ppr is not None else None
    if numpr is None:
        return (None, None)
    return (_attr(numpr.find(W_NUMID)), _attr(numpr.find(W_ILVL)))


def _flat_lines(blocks: list[Block]) -> list[str]:
    """Lines of text for blocks inside a cell or note: numbered labels kept, tables one line per row."""
    lines: list[str] = []
    for block in blocks:
        if block.rows is not None:
            lines.extend(" | ".join(c.text.replace("\n", " ") for c in row) for row in block.rows)
        elif block.label and not _is_bullet(block.label):
            lines.append(f"{block.label} {block.text}")
        else:
            lines.append(block.text)
    return lines


def _cell(blocks: list[Block], loc: Loc) -> Cell:
    paragraphs = _flat_lines(blocks)
    bold = any(b.type != "table" for b in blocks) and all(b.bold for b in blocks if b.type != "table")
    return Cell(text="\n".join(paragraphs), loc=loc, paragraphs=paragraphs, bold=bold)


def read_docx(path: str | Path, view: str = "accepted") -> RawDocument:
    """Read the .docx at `path` in `view` ("accepted" or "original") into a RawDocument."""
    if view not in VIEWS:
        raise UsageError(f"unknown view {view!r}: use 'accepted' or 'original'")
    path = Path(path)
    name = str(path)
    data = read_bytes(path)
    parts = _Package(name, data).parts()
    body = parts.document.find(W + "body")
    if body is None:
        raise InputError(name, "word/document.xml has no w:body (not a Word document)")
    reader = _Reader(parts, view)
    blocks = reader.story(body, hidden=False, count=True)
    reader._changes(body.find(W + "sectPr"))
    footnotes = reader.notes()
    source = Source(path=name, format="docx", sha256=hashlib.sha256(data).hexdigest(), view=view)
    return RawDocument(source=source, blocks=blocks, revisions=reader.revisions, footnotes=footnotes)
