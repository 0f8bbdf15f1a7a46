"""Style sheets and list definitions of the three formatting families used in the corpus.

- "headings": Word Heading 1-4 styles, sub-heading numbers from numbering.xml set on each
  paragraph (one w:num per Output restarting a shared abstractNum), List Bullet style lists.
- "autonum": as "headings", but the sub-heading numbers come from a multilevel list tied to
  the Heading 1-3 styles (w:pStyle in the levels, w:numPr in the styles, none on paragraphs).
- "bold": no Heading or list styles at all; bold Normal paragraphs and typed numbers/bullets.
"""

from __future__ import annotations

from dataclasses import dataclass

from .ooxml import Level, Numbering, Style, el, val

SYMBOL_BULLET = "\uf0b7"


@dataclass(frozen=True)
class Lists:
    """numIds a renderer needs; `clause_abstract` is restarted once per Output."""

    bullet: int = 0
    indicator: int = 0
    clause: int = 0
    roman: int = 0
    proposal: int = 0
    preamble: int = 0
    clause_abstract: int = 0
    autonum: int = 0
    pasted_bullet: int = 0


def rpr(bold: bool = False, italic: bool = False, size: int | None = None, caps: bool = False,
        color: str | None = None) -> list:
    """Run-property children in schema order."""
    out = []
    if bold:
        out += [el("b"), el("bCs")]
    if italic:
        out += [el("i"), el("iCs")]
    if caps:
        out.append(el("caps"))
    if color:
        out.append(val("color", color))
    if size:
        out += [val("sz", size), val("szCs", size)]
    return out


def spacing(before: int, after: int = 0) -> object:
    return el("spacing", {"before": before, "after": after})


def base_styles(font_size: int) -> list[Style]:
    """Styles every corpus file has: Normal, defaults, header/footer, footnotes, Table Grid."""
    border = {"val": "single", "sz": 4, "space": 0, "color": "auto"}
    return [
        Style("Normal", "Normal", based_on=None, default=True,
              ppr=[el("tabs", None, el("tab", {"val": "left", "pos": 794}), el("tab", {"val": "left", "pos": 1191})),
                   spacing(120)]),
        Style("DefaultParagraphFont", "Default Paragraph Font", kind="character", based_on=None, default=True),
        Style("TableNormal", "Normal Table", kind="table", based_on=None, default=True,
              tblpr=[el("tblInd", {"w": 0, "type": "dxa"}),
                     el("tblCellMar", None, el("top", {"w": 0, "type": "dxa"}), el("left", {"w": 108, "type": "dxa"}),
                        el("bottom", {"w": 0, "type": "dxa"}), el("right", {"w": 108, "type": "dxa"}))]),
        Style("NoList", "No List", kind="numbering", based_on=None, default=True),
        Style("Header", "header", ppr=[spacing(0)], rpr=rpr(size=18)),
        Style("Footer", "footer", ppr=[spacing(0)], rpr=rpr(size=16)),
        Style("FootnoteText", "footnote text",
              ppr=[el("tabs", None, el("tab", {"val": "left", "pos": 255})), el("ind", {"left": 255, "hanging": 255}),
                   spacing(60)],
              rpr=rpr(size=max(font_size - 4, 16))),
        Style("FootnoteReference", "footnote reference", kind="character", based_on="DefaultParagraphFont",
              rpr=[val("position", 6), val("sz", 16), val("vertAlign", "superscript")]),
        Style("TableGrid", "Table Grid", kind="table", based_on="TableNormal",
              tblpr=[el("tblBorders", None, *(el(side, border) for side in
                                               ("top", "left", "bottom", "right", "insideH", "insideV")))]),
    ]


def heading_styles(lists: Lists) -> list[Style]:
    """Heading 1-4 plus the ITU-template styles the "headings" family uses."""
    autonum_id = lists.autonum
    def heading(level: int, size: int, before: int, italic: bool = False) -> Style:
        ppr = [el("keepNext"), el("keepLines")]
        if autonum_id and level <= 3:
            ppr.append(el("numPr", None, val("ilvl", level - 1), val("numId", autonum_id)))
        ppr += [spacing(before), el("ind", {"left": 794, "hanging": 794}), val("outlineLvl", level - 1)]
        return Style(f"Heading{level}", f"heading {level}", next="Normal", ppr=ppr,
                     rpr=rpr(bold=True, italic=italic, size=size))
    styles = [heading(1, 28, 360), heading(2, 24, 240), heading(3, 24, 160), heading(4, 22, 160, italic=True)]
    if autonum_id:
        styles.append(Style("Heading3Unnumbered", "Heading 3 Unnumbered", based_on="Heading3", custom=True,
                            next="Normal", ppr=[el("numPr", None, val("numId", 0)), el("ind", {"left": 0, "firstLine": 0})]))
    styles += [
        Style("Title", "Title", next="Normal", ppr=[spacing(240, 120), val("jc", "center")], rpr=rpr(bold=True, size=32)),
        Style("PartNo", "Part_No", custom=True, next="Normal", ppr=[el("keepNext"), spacing(480), val("jc", "center")],
              rpr=rpr(caps=True, size=28)),
        Style("Sectiontitle", "Section_title", custom=True, next="Normal",
              ppr=[el("keepNext"), spacing(240, 120), val("jc", "center")], rpr=rpr(bold=True, size=28)),
        Style("Headingb", "Headingb", custom=True, next="Normal", ppr=[el("keepNext"), spacing(160)],
              rpr=rpr(bold=True)),
        Style("ListBullet", "List Bullet", ppr=[el("numPr", None, val("numId", lists.bullet)), el("contextualSpacing")]),
        Style("ListBullet2", "List Bullet 2",
              ppr=[el("numPr", None, val("ilvl", 1), val("numId", lists.bullet)), el("contextualSpacing")]),
        Style("ListParagraph", "List Paragraph", ppr=[el("ind", {"left": 720}), el("contextualSpacing")]),
        Style("Tablehead", "Table_head", custom=True, ppr=[el("keepNext"), spacing(60, 60), val("jc", "center")],
              rpr=rpr(bold=True, size=20)),
        Style("Tabletext", "Table_text", custom=True, ppr=[spacing(40, 40)], rpr=rpr(size=20)),
    ]
    return styles


def heading_numbering(autonum: bool) -> tuple[Numbering, Lists]:
    """Lists of the "headings"/"autonum" families: bullets, indicator dashes, clause numbers."""
    num = Numbering()
    num.add_abstract(0, "1A2B3C01", "hybridMultilevel", [
        Level(0, "bullet", SYMBOL_BULLET, 567, 567, font="Symbol"),
        Level(1, "bullet", "–", 1134, 567, font="Calibri")])
    num.add_abstract(1, "1A2B3C02", "singleLevel", [Level(0, "bullet", "–", 284, 284)])
    num.add_abstract(2, "1A2B3C03", "multilevel", [
        Level(0, "decimal", "%1.", 794, 794), Level(1, "decimal", "%1.%2.", 794, 794),
        Level(2, "decimal", "%1.%2.%3.", 1191, 1191)])
    num.add_abstract(3, "1A2B3C04", "singleLevel", [Level(0, "upperRoman", "%1.", 794, 794, suff="tab")])
    num.add_abstract(4, "1A2B3C05", "singleLevel", [Level(0, "decimal", "%1.", 567, 567)])
    num.add_abstract(5, "1A2B3C06", "singleLevel", [Level(0, "decimal", "%1.", 794, 794)])
    num.add_abstract(7, "1A2B3C08", "hybridMultilevel", [
        Level(0, "bullet", "•", 567, 567, font="Arial"), Level(1, "bullet", "o", 1134, 567, font="Courier New")])
    ids = dict(bullet=num.add_num(0), indicator=num.add_num(1), clause=num.add_num(2), roman=num.add_num(3),
               proposal=num.add_num(4), preamble=num.add_num(5), pasted_bullet=num.add_num(7))
    if autonum:
        num.add_abstract(6, "1A2B3C07", "multilevel", [
            Level(0, "none", "", 0, 0, pstyle="Heading1"), Level(1, "none", "", 0, 0, pstyle="Heading2"),
            Level(2, "decimal", "%3", 794, 794, pstyle="Heading3", suff="tab")])
        ids["autonum"] = num.add_num(6)
    return num, Lists(clause_abstract=2, **ids)
