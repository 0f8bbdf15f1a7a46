"""Characters Word draws from Symbol and Wingdings private-use code points (w:sym, the text of a run
set in one of those fonts, bullet lvlText)."""

from __future__ import annotations

from lxml import etree

from ...regexcache import regex
from ...text_patterns import DEFAULT_BULLET, pua_bullet
from .ooxml import W

_FONT_PUA = regex("[\uf000-\uf0ff]")

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

# Wingdings marks that are not bullets, as Unicode code points (Microsoft's glyph names, and the
# Unicode equivalents of Alan Wood's Wingdings chart): a ballot or check mark read as a bullet
# would make "✗" and "✓" in a status column the same character.
_WINGDINGS = {
    0x6F: 0x25A1,  # box3: WHITE SQUARE
    0x71: 0x2751,  # boxshadowdwn: LOWER RIGHT SHADOWED WHITE SQUARE
    0x72: 0x2752,  # boxshadowup: UPPER RIGHT SHADOWED WHITE SQUARE
    0x78: 0x2327,  # clear: X IN A RECTANGLE BOX
    0xA8: 0x25FB,  # box2: WHITE MEDIUM SQUARE
    0xFB: 0x2717,  # xmarkbld: BALLOT X
    0xFC: 0x2713,  # checkbld: CHECK MARK
    0xFD: 0x2612,  # boxxmarkbld: BALLOT BOX WITH X
    0xFE: 0x2611,  # boxcheckbld: BALLOT BOX WITH CHECK
}


def pua_char(code: int, font: str | None) -> str:
    """A Symbol/Wingdings code point (0x00-0xFF, private-use offset removed) as Unicode."""
    font = (font or "").lower()
    if font.startswith("symbol"):
        char = chr(code)
        return _SYMBOL_OTHER.get(code) or _SYMBOL_GREEK.get(char) or (char if 0x20 <= code < 0x7F else "")
    if font.startswith("wingdings"):
        mark = _WINGDINGS.get(code) if font == "wingdings" else None
        return chr(mark) if mark is not None else pua_bullet(code)
    return chr(code) if 0x20 <= code < 0x7F or code >= 0xA0 else ""


def has_font_pua(text: str) -> bool:
    """Whether `text` holds a code point of the private-use block symbol fonts are drawn from."""
    return _FONT_PUA.search(text) is not None


def run_text(text: str, rpr: etree._Element | None) -> str:
    """The text of a run as Word draws it: where the run is set in Symbol or Wingdings (its
    w:rFonts, w:hAnsi else w:ascii, the font Word draws a private-use character in), each
    U+F000-U+F0FF code point mapped as a w:sym of that font is. LibreOffice saves a w:sym so,
    "\uf0b0" in a Symbol run for the degree sign, so a Word file and its LibreOffice re-save read
    alike; in any other font the code point is left as it is."""
    fonts = rpr.find(W + "rFonts") if rpr is not None else None
    font = (fonts.get(W + "hAnsi") or fonts.get(W + "ascii") or "") if fonts is not None else ""
    if not font.lower().startswith(("symbol", "wingdings")):
        return text
    return _FONT_PUA.sub(lambda match: pua_char(ord(match.group()) - 0xF000, font), text)


def sym_text(sym: etree._Element) -> str:
    """The character a w:sym draws (Symbol/Wingdings code points mapped to Unicode)."""
    try:
        code = int(sym.get(W + "char", ""), 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        return pua_char(code - 0xF000, sym.get(W + "font"))
    return chr(code) if 0x20 <= code < 0xD800 or 0xE000 <= code < 0x110000 else ""


def bullet_glyph(text: str) -> str:
    """A bullet level's lvlText with private-use and Symbol middle-dot glyphs mapped."""
    out = []
    for char in text:
        code = ord(char)
        if 0xF000 <= code <= 0xF0FF:
            out.append(pua_bullet(code - 0xF000))
        elif code == 0xB7:
            out.append(DEFAULT_BULLET)
        else:
            out.append(char)
    return "".join(out)

