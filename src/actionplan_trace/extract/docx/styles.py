"""styles.xml: style names, basedOn chains, outline levels, list links and run defaults."""

from __future__ import annotations

import re
from typing import Any, Iterator

from lxml import etree

from ...diskcache import memo, source_salt
from ...record import fields, record
from ...regexcache import regex
from ..xmlsafe import parse_xml
from . import ooxml
from .ooxml import (
    W, W_B, W_CAPS, W_FRAMEPR, W_ILVL, W_NUMID, W_NUMPR, W_OUTLINE, W_PPR, W_RPR, W_SMALLCAPS, W_SZ, W_VANISH, attr,
    half_points, onoff, onoff_attr, to_int,
)

_HEADING_NAME = regex(r"^heading\s*([1-9])$", re.IGNORECASE)

MAX_CHAIN = 64
"""The most styles of a basedOn chain the reader follows (the style itself included). Word's own
chains are short (its dialogs base a style on others at most 9 levels deep, and it refuses a loop),
but nothing in a .docx bounds them: every style a document uses was resolved through its whole
chain, so 2,000 paragraphs in the last of 100,000 styles each based on the one before (or in a
loop of 50,000) took minutes. 64 is far past any chain Word writes and keeps each style's walk
short; the ancestors past it are not read."""


@record
class Style:
    """One w:style as the reader resolves it: display name, parent, outline level, list link and
    run defaults, hidden text (w:vanish) and capitals (w:caps, w:smallCaps) among them, and
    whether its frame (w:framePr) is a drop cap's (None where the style says nothing). The
    document defaults' run properties (w:docDefaults) are read as one too, below every style."""

    name: str | None
    based_on: str | None
    outline: int | None
    num_id: int | None
    ilvl: int | None
    bold: bool | None
    size: float | None
    vanish: bool | None
    caps: bool | None
    small_caps: bool | None
    drop_cap: bool | None


_LOWERCASE_BUILTINS = {
    "caption", "header", "footer", "footnote text", "footnote reference", "endnote text",
    "endnote reference", "annotation text", "annotation reference", "page number",
    "line number", "table of figures", "index heading", "toa heading", "envelope address",
    "envelope return", "table of authorities", "macro",
}
_NUMBERED_BUILTIN = regex(r"^(heading|toc|index) ([1-9])$")


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


def _style_row(el: etree._Element) -> tuple[Any, ...]:
    """The fields of the Style a w:style element defines, in order."""
    return _row(_ui_name(attr(el.find(W + "name"))), attr(el.find(W + "basedOn")), el.find(W_PPR), el.find(W_RPR))


def _defaults_row(el: etree._Element) -> tuple[Any, ...]:
    """The fields of the Style that w:docDefaults' run properties (w:rPrDefault) amount to: the
    run properties every style builds on (capitals set there print every letter as one)."""
    return _row(None, None, None, el.find(f"{W}rPrDefault/{W_RPR}"))


def _row(name: str | None, based_on: str | None, ppr: etree._Element | None, rpr: etree._Element | None) -> tuple[Any, ...]:
    """The fields of a Style, in order, from its name, parent, w:pPr and w:rPr."""
    numpr = ppr.find(W_NUMPR) if ppr is not None else None
    frame = ppr.find(W_FRAMEPR) if ppr is not None else None
    return (
        name,
        based_on,
        to_int(attr(ppr.find(W_OUTLINE))) if ppr is not None else None,
        to_int(attr(numpr.find(W_NUMID))) if numpr is not None else None,
        to_int(attr(numpr.find(W_ILVL))) if numpr is not None else None,
        onoff(rpr.find(W_B)) if rpr is not None else None,
        half_points(rpr.find(W_SZ)) if rpr is not None else None,
        onoff(rpr.find(W_VANISH)) if rpr is not None else None,
        onoff(rpr.find(W_CAPS)) if rpr is not None else None,
        onoff(rpr.find(W_SMALLCAPS)) if rpr is not None else None,
        is_drop_cap(frame) if frame is not None else None,
    )


def is_drop_cap(frame: etree._Element) -> bool:
    """Whether a w:framePr makes its paragraph a drop cap (w:dropCap "drop" or "margin"): a frame
    Word draws beside the paragraph after it holding that paragraph's first letters, which a
    reader reads as the start of its first word ("I" + "n 2025 the …"), as its PDF prints them."""
    return frame.get(W + "dropCap") in ("drop", "margin")


# A styles.xml part as the reader needs it, and as the cache keeps it: (default paragraph style,
# the fields of the document defaults' Style, {style id: the fields of its Style}).
StyleTable = tuple[str | None, tuple[Any, ...], dict[str, tuple[Any, ...]]]
_NO_DEFAULTS = (None,) * len(fields(Style))
# What styles give a run with no formatting of its own: ((bold, size), hidden, caps, small caps).
RunStyle = tuple[tuple[bool, float | None], bool, bool, bool]
# What a style gives a paragraph that sets none of its own: (outline level, numId, ilvl, its
# runs' (bold, size) as RunStyle has them, and whether its frame makes it a drop cap).
ParagraphStyle = tuple[int | None, int | None, int | None, tuple[bool, float | None], bool]


def style_table(root: etree._Element | None) -> StyleTable:
    """What the reader needs of a parsed styles.xml: every style read (the last one of an id, as
    Word reads them), the default paragraph style and the document defaults."""
    default_para: str | None = None
    defaults = _NO_DEFAULTS
    styles: dict[str, tuple[Any, ...]] = {}
    for el in root if root is not None else ():
        if el.tag == W + "docDefaults":
            defaults = _defaults_row(el)
        elif el.tag == W + "style":
            sid = el.get(W + "styleId")
            if sid is None:
                continue
            styles[sid] = _style_row(el)
            if el.get(W + "type") == "paragraph" and onoff_attr(el.get(W + "default")):
                default_para = sid
    return default_para, defaults, styles


# The code a style table is computed by: a cached table is used only with this very code.
_SALT = source_salt(__file__, ooxml.__file__)


def read_styles(data: bytes | None, path: str, part: str) -> Styles:
    """The styles of the styles.xml part `part` (its bytes), through the disk cache: a Word
    template's styles.xml is a few hundred KB (parsing it costs more than a whole short
    document.xml), and documents made from one template share it byte for byte."""
    if data is None:
        return Styles(style_table(None))
    return Styles(memo("styles", data, _SALT, lambda: style_table(parse_xml(data, path, part)), _is_table))


def _is_table(value: Any) -> bool:
    """Whether a cached value has style_table's shape (diskcache.memo's check, after the digest's)."""
    return (isinstance(value, tuple) and len(value) == 3 and isinstance(value[1], tuple)
            and len(value[1]) == len(_NO_DEFAULTS) and isinstance(value[2], dict))


class Styles:
    """styles.xml: names, basedOn chains, and the properties the reader resolves through them."""

    def __init__(self, table: StyleTable) -> None:
        self.default_para, defaults, self._rows = table
        self.defaults = Style(*defaults)
        self._styles: dict[str, Style] = {}
        # Resolved once per style: every paragraph and run asks, and the chains are walked in Python.
        self._run_cache: dict[tuple[str | None, str | None], RunStyle] = {}
        self._outline_cache: dict[str | None, int | None] = {}
        self._numbering_cache: dict[str | None, tuple[int | None, int | None]] = {}
        self._paragraph_cache: dict[str | None, ParagraphStyle] = {}

    def style(self, sid: str) -> Style | None:
        """The style with id `sid` (the last one of that id, as Word reads them), or None."""
        style = self._styles.get(sid)
        if style is None and sid in self._rows:
            style = self._styles[sid] = Style(*self._rows[sid])
        return style

    def chain(self, sid: str | None) -> Iterator[Style]:
        """The style and its basedOn ancestors, nearest first: cycles cut, and at most MAX_CHAIN
        styles, so that each style a document uses costs a bounded walk."""
        seen: set[str] = set()
        while sid is not None and sid not in seen and len(seen) < MAX_CHAIN:
            style = self.style(sid)
            if style is None:
                return
            seen.add(sid)
            yield style
            sid = style.based_on

    def name(self, sid: str | None) -> str | None:
        style = self.style(sid) if sid is not None else None
        return style.name if style is not None else sid

    def outline(self, sid: str | None) -> int | None:
        """The outline level (0-8) of paragraphs in style `sid`: the nearest outlineLvl in the
        chain, else a "Heading N" name, else None."""
        if sid not in self._outline_cache:
            self._outline_cache[sid] = self._outline(sid)
        return self._outline_cache[sid]

    def _outline(self, sid: str | None) -> int | None:
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
        if sid not in self._numbering_cache:
            self._numbering_cache[sid] = next(
                ((style.num_id, style.ilvl) for style in self.chain(sid) if style.num_id is not None), (None, None))
        return self._numbering_cache[sid]

    def paragraph(self, sid: str | None) -> ParagraphStyle:
        """What a paragraph in style `sid` has where it sets none of its own: (outline level,
        numId, ilvl, (bold, size) of a run with no formatting, whether it is a drop cap: the
        nearest frame (w:framePr) in the chain decides), in one look-up for every paragraph."""
        props = self._paragraph_cache.get(sid)
        if props is None:
            num_id, ilvl = self.numbering(sid)
            drop_cap = next((style.drop_cap for style in self.chain(sid) if style.drop_cap is not None), False)
            props = self._paragraph_cache[sid] = (self.outline(sid), num_id, ilvl, self.run(sid, None)[0], drop_cap)
        return props

    def run(self, pstyle: str | None, rstyle: str | None) -> RunStyle:
        """((bold, size), hidden, caps, small caps) of a run with none of these of its own
        (w:b, w:sz, w:vanish, w:caps, w:smallCaps): document defaults, the paragraph style's chain,
        then the character style's, later ones overriding (a "Tag" character style hides
        metadata). One walk of the chains for each pair of styles, cached: every run asks."""
        props = self._run_cache.get((pstyle, rstyle))
        if props is None:
            base = self.defaults
            bold, size, hidden, caps, small = base.bold, base.size, base.vanish, base.caps, base.small_caps
            for style in self._run_styles(pstyle, rstyle):
                bold = style.bold if style.bold is not None else bold
                size = style.size if style.size is not None else size
                hidden = style.vanish if style.vanish is not None else hidden
                caps = style.caps if style.caps is not None else caps
                small = style.small_caps if style.small_caps is not None else small
            props = self._run_cache[(pstyle, rstyle)] = ((bool(bold), size), bool(hidden), bool(caps), bool(small))
        return props

    def _run_styles(self, pstyle: str | None, rstyle: str | None) -> Iterator[Style]:
        """The styles that format a run, weakest first: the paragraph style's chain from its root,
        then the character style's."""
        for sid in (pstyle, rstyle):
            yield from reversed(list(self.chain(sid)))
