"""numbering.xml: list definitions, running counters, and the labels Word draws in each number format."""

from __future__ import annotations

import re

from lxml import etree

from ...record import field, record
from ...regexcache import regex
from ...text_patterns import DEFAULT_BULLET, roman
from .glyphs import bullet_glyph
from .ooxml import MC_ALT, MC_FALLBACK, W, W_ILVL, W_NUMID, W_PSTYLE, attr, onoff, to_int
from .styles import Styles

_PLACEHOLDER = regex(r"%([1-9])")

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
         "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL_WORDS = {"one": "first", "two": "second", "three": "third", "five": "fifth",
                  "eight": "eighth", "nine": "ninth", "twelve": "twelfth"}
_ARABIC_ALPHA = "أبتثجحخدذرزسشصضطظعغفقكلمنهوي"
_CHICAGO = "*†‡§"


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


MAX_LABEL = 24
"""The longest label a repeating format (roman, letters, Chicago marks) may produce; beyond it the
number is written as a plain counter, worked out before anything is allocated (a list that starts
at 10^13 in roman numerals would otherwise need terabytes)."""


LABEL_CHARS = 64
"""The longest label a list level may draw. Word's labels are short (a nine-level legal number,
"%1.%2.%3.%4.%5.%6.%7.%8.%9.", is 27 characters of w:lvlText; "Resolution %1:" is 14), but nothing
in a .docx bounds w:lvlText, and one of 50,000 placeholders would cost a tenth of a second and
650 KB of output for each item of its list. A level whose w:lvlText is longer than this, or whose
label would be, draws its own counter in plain digits instead (as a number too large for its format
is written, MAX_LABEL), and a bullet level the default bullet; a longer w:lvlText is not expanded
at all, so such a label costs no more than a short one."""


def _too_long(n: int, fmt: str) -> bool:
    """True when `n` in a repeating format would exceed MAX_LABEL characters."""
    if fmt in ("upperRoman", "lowerRoman"):
        return n // 1000 + 15 > MAX_LABEL
    if fmt in ("upperLetter", "lowerLetter"):
        return (n - 1) // 26 + 1 > MAX_LABEL
    if fmt == "chicago":
        return (n - 1) // 4 + 1 > MAX_LABEL
    return False


def format_number(n: int, fmt: str) -> str:
    """`n` in Word numbering format `fmt` (w:numFmt); unknown formats, and numbers too large for
    their format's label (see MAX_LABEL), fall back to decimal."""
    if fmt == "none":
        return ""
    if _too_long(n, fmt):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperRoman", "lowerRoman") and n > 0:
        text = roman(n)
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


@record
class Level:
    """One w:lvl of a list definition: number format, label text (%1.%2.), start value, when it
    restarts, legal numbering and the paragraph style it is linked to."""

    fmt: str
    text: str | None
    start: int
    restart: int | None
    legal: bool
    pstyle: str | None


def parse_level(el: etree._Element) -> Level:
    fmt_el = el.find(W + "numFmt")
    if fmt_el is None:
        alt = el.find(MC_ALT)
        branch = alt.find(MC_FALLBACK) if alt is not None else None
        fmt_el = branch.find(W + "numFmt") if branch is not None else None
    return Level(
        fmt=attr(fmt_el) or "decimal",
        text=attr(el.find(W + "lvlText")),
        start=_start_value(attr(el.find(W + "start"))),
        restart=to_int(attr(el.find(W + "lvlRestart"))),
        legal=bool(onoff(el.find(W + "isLgl"))),
        pstyle=attr(el.find(W_PSTYLE)),
    )


def _level_number(el: etree._Element) -> int | None:
    """The w:ilvl of a w:lvl or w:lvlOverride (0 when absent or not a number), or None when it is
    not one of the nine levels Word reads, 0-8 (Word will not load a file with another one,
    [MS-OI29500] 2.1.282). A paragraph's label counts through every level above its own, so one
    list of 100,000 levels, its paragraphs at levels in the tens of thousands, took minutes; the
    levels past 8 are not read, and a paragraph at one of them has no label."""
    ilvl = to_int(el.get(W_ILVL)) or 0
    return ilvl if 0 <= ilvl <= 8 else None


def _start_value(value: str | None) -> int:
    """A w:start or w:startOverride value: 0 when absent (the schema's default), and 0 too when
    negative. A list start is a count from 0 up (Word's dialogs set none below 0, and a roman or
    letter label has no negative form), so a negative one is taken as a list with no start given,
    not read as labels "-5.", "-4." … that turn roman only past 0."""
    number = to_int(value)
    return 0 if number is None or number < 0 else number


@record
class Num:
    """One w:num: the abstract definition it uses, with its start and level overrides."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


class Numbering:
    """numbering.xml definitions plus the running counters of one reading pass.

    Counters are kept per abstractNum, as Word and LibreOffice keep them: every w:num of one
    abstractNum counts on one list, and a w:num's w:startOverride restarts that list at the
    override the first time the num draws a label at that level, after which the num counts on
    with the rest ("1 2" on num 8, "1" on num 9 restarted, "2 3" on num 8 again). LibreOffice
    writes every restart so, and Word's own restarts are the same list continued by its new num."""

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.style_link: dict[str, str] = {}
        self.num_style_link: dict[str, str] = {}
        self.nums: dict[int, Num] = {}
        self.styles = styles
        self.counters: dict[str, dict[int, int]] = {}
        self.restarted: set[tuple[int, int]] = set()
        if root is None:
            return
        for el in root:
            if el.tag == W + "abstractNum":
                aid = el.get(W + "abstractNumId", "")
                levels: dict[int, Level] = {}
                for lvl in el.iter(W + "lvl"):
                    ilvl = _level_number(lvl)
                    if ilvl is not None:
                        levels[ilvl] = parse_level(lvl)
                self.abstract[aid] = levels
                link = attr(el.find(W + "styleLink"))
                if link:
                    self.style_link[link] = aid
                link = attr(el.find(W + "numStyleLink"))
                if link:
                    self.num_style_link[aid] = link
            elif el.tag == W + "num":
                num_id = to_int(el.get(W_NUMID))
                if num_id is None:
                    continue
                num = Num(abstract=attr(el.find(W + "abstractNumId")) or "")
                for override in el.iter(W + "lvlOverride"):
                    ilvl = _level_number(override)
                    if ilvl is None:
                        continue
                    start = attr(override.find(W + "startOverride"))
                    if to_int(start) is not None:
                        num.starts[ilvl] = _start_value(start)
                    lvl = override.find(W + "lvl")
                    if lvl is not None:
                        num.levels[ilvl] = parse_level(lvl)
                self.nums[num_id] = num

    def _levels(self, aid: str) -> dict[int, Level]:
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

    def level(self, num: Num, ilvl: int) -> Level | None:
        if ilvl in num.levels:
            return num.levels[ilvl]
        levels = self._levels(num.abstract)
        return levels.get(ilvl)

    def _start(self, num: Num, ilvl: int) -> int:
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
        state = self.counters.setdefault(num.abstract, {})
        for shallower in range(ilvl):
            state.setdefault(shallower, self._start(num, shallower))
        restart = ilvl in num.starts and (num_id, ilvl) not in self.restarted
        if restart:
            self.restarted.add((num_id, ilvl))
        state[ilvl] = state[ilvl] + 1 if ilvl in state and not restart else self._start(num, ilvl)
        for deeper in [m for m in state if m > ilvl]:
            deeper_lvl = self.level(num, deeper)
            threshold = deeper if deeper_lvl is None or deeper_lvl.restart is None else deeper_lvl.restart
            if ilvl < threshold:
                del state[deeper]
        if lvl.fmt == "bullet":
            if len(lvl.text or "") > LABEL_CHARS:
                return DEFAULT_BULLET
            text = bullet_glyph(lvl.text or "").strip()
            return text or None
        if not lvl.text:
            return None
        if len(lvl.text) > LABEL_CHARS:
            return str(state[ilvl])

        def place(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            k_lvl = self.level(num, k)
            fmt = k_lvl.fmt if k_lvl is not None else "decimal"
            if lvl.legal and fmt not in ("decimalZero", "none"):
                fmt = "decimal"
            return format_number(state.get(k, self._start(num, k)), fmt)

        text = _PLACEHOLDER.sub(place, lvl.text).strip()
        if len(text) > LABEL_CHARS:
            return str(state[ilvl])
        return text or None

