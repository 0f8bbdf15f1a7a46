"""Turn corpus `Item`s into WordprocessingML body elements in one of the formatting families.

`Writer` owns the per-document counters (revision ids, bookmark ids, footnotes) and writes
paragraphs whose segments may carry tracked insertions/deletions. `render_headings` uses
Word Heading styles and numbering.xml; `render_bold` uses bold Normal paragraphs with typed
numbers and bullets. Both accept the same items, so content never depends on the family.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from lxml import etree

from .items import Item, Seg
from .ooxml import el, text_el, val
from .styles import Lists, rpr, spacing

TEXT_WIDTH = 9639
OUTCOME_WIDTHS = (3100, 3400, 3139)
HEADER_SHADE = "D9D9D9"
SPECIAL = {"\t": "tab", "\u2011": "noBreakHyphen"}
SPECIAL_RE = re.compile("([\t\u2011])")
REGION_SHADE = "F2F2F2"


@dataclass
class Writer:
    """Builds paragraphs and tables; tracked changes get `author` and `date`."""

    author: str = ""
    date: str = ""
    footnotes: list[str] = field(default_factory=list)
    next_revision: int = 1
    next_bookmark: int = 0

    def _rev(self, tag: str) -> etree._Element:
        node = el(tag, {"id": self.next_revision, "author": self.author, "date": self.date})
        self.next_revision += 1
        return node

    def runs(self, segs: list[Seg], props: list, change: str | None = None) -> list[etree._Element]:
        """Runs for the segments; insertions/deletions wrapped in w:ins / w:del."""
        out: list[etree._Element] = []
        for seg in segs:
            status = seg.change or change
            if seg.footnote is not None:
                self.footnotes.append(seg.footnote)
                run = el("r", None, el("rPr", None, val("rStyle", "FootnoteReference")),
                         el("footnoteReference", {"id": len(self.footnotes)}))
            else:
                run = el("r", None, el("rPr", None, *copy(props)) if props else None)
                for k, piece in enumerate(SPECIAL_RE.split(seg.text)):
                    if piece in SPECIAL:
                        run.append(el(SPECIAL[piece]))
                    elif piece:
                        run.append(text_el("delText" if status == "del" else "t", piece))
            if status:
                wrapper = self._rev(status)
                wrapper.append(run)
                out.append(wrapper)
            else:
                out.append(run)
        return out

    def para(self, segs: list[Seg], *, style: str | None = None, props: list | None = None,
             num: tuple[int, int] | None = None, change: str | None = None, bookmark: str | None = None,
             keep_next: bool = False, page_break: bool = False, jc: str | None = None,
             ind: tuple[int, int] | None = None, before: int | None = None,
             shade: str | None = None) -> etree._Element:
        """One paragraph; `change` marks the whole paragraph (text and mark) inserted or deleted."""
        props = props or []
        ppr = el("pPr", None, val("pStyle", style) if style else None, el("keepNext") if keep_next else None,
                 el("pageBreakBefore") if page_break else None,
                 el("numPr", None, val("ilvl", num[0]), val("numId", num[1])) if num else None,
                 el("shd", {"val": "clear", "color": "auto", "fill": shade}) if shade else None,
                 spacing(before) if before is not None else None,
                 el("ind", {"left": ind[0], "hanging": ind[1]}) if ind else None,
                 val("jc", jc) if jc else None)
        mark = [self._rev(change)] if change else []
        if mark or props:
            ppr.append(el("rPr", None, *mark, *copy(props)))
        p = el("p", None, ppr if len(ppr) else None)
        body = self.runs(segs, props, change)
        if bookmark:
            start = el("bookmarkStart", {"id": self.next_bookmark, "name": bookmark})
            end = el("bookmarkEnd", {"id": self.next_bookmark})
            self.next_bookmark += 1
            body = [start, end, *body] if bookmark.startswith("_") else [start, *body, end]
        for node in body:
            p.append(node)
        return p

    def page_break(self) -> etree._Element:
        """An empty paragraph holding a hard page break (how typists start a new page)."""
        return el("p", None, el("r", None, el("br", {"type": "page"})))


def copy(nodes: list) -> list:
    return [etree.fromstring(etree.tostring(n)) for n in nodes]


def table(rows: list[list[list[etree._Element]]], widths: tuple[int, ...], *, header_rows: int = 1,
          borders: bool = True, shades: list[str | None] | None = None) -> etree._Element:
    """A fixed-width table; the header row repeats on each page and is shaded."""
    tblpr = el("tblPr", None, val("tblStyle", "TableGrid") if borders else None,
               el("tblW", {"w": sum(widths), "type": "dxa"}), el("tblLayout", {"type": "fixed"}),
               el("tblLook", {"val": "04A0", "firstRow": 1, "lastRow": 0, "firstColumn": 1, "lastColumn": 0,
                              "noHBand": 0, "noVBand": 1}))
    tbl = el("tbl", None, tblpr, el("tblGrid", None, *(el("gridCol", {"w": w}) for w in widths)))
    for r, row in enumerate(rows):
        shade = (shades[r] if shades else None) or (HEADER_SHADE if r < header_rows and borders else None)
        tr = el("tr", None, el("trPr", None, el("cantSplit"), el("tblHeader") if r < header_rows else None))
        for c, paras in enumerate(row):
            tcpr = el("tcPr", None, el("tcW", {"w": widths[c], "type": "dxa"}),
                      el("shd", {"val": "clear", "color": "auto", "fill": shade}) if shade else None)
            tc = el("tc", None, tcpr, *(paras or [el("p")]))
            tr.append(tc)
        tbl.append(tr)
    return tbl


@dataclass
class Headings:
    """State of the "headings" renderer: which numId the current Output's sub-headings use."""

    writer: Writer
    lists: Lists
    restart: Callable[[], int]
    autonum: bool = False
    output_num: int = 0
    started: bool = False
    titles_seen: int = 0
    main_char: str = "·"

    def block(self, it: Item) -> list[etree._Element]:
        w, kind = self.writer, it.kind
        common = {"change": it.change, "bookmark": it.bookmark}
        if kind == "part":
            return [w.para(it.segs, style="PartNo", **common)]
        if kind == "doc-title":
            self.titles_seen += 1
            return [w.para(it.segs, style="Title", page_break=self.titles_seen > 1, **common)]
        if kind == "section":
            return [w.para(it.segs, style="Sectiontitle", **common)]
        if kind == "clause":
            return [w.para(it.segs, style=f"Heading{it.level + 1}", num=(it.level, self.lists.clause), **common)]
        if kind == "objective":
            brk = self.started
            self.started = True
            return [w.para(it.segs, style="Heading1", page_break=brk, **common)]
        if kind == "output":
            self.output_num = self.restart()
            if self.autonum:
                return [w.para(it.segs + [Seg(" – ")] + (it.title or []), style="Heading2", **common)]
            return [w.para(it.segs, style="Heading2", **common),
                    w.para(it.title or [], style="Headingb", change=it.change)]
        if kind == "subheading":
            if self.autonum:
                return [w.para(it.segs, style="Heading3" if it.numbered else "Heading3Unnumbered", **common)]
            num = (0, self.output_num) if it.numbered and self.output_num else None
            return [w.para(it.segs, style="Heading3", num=num, **common)]
        if kind in ("area", "refgroup"):
            return [w.para(it.segs, style="Heading4", **common)]
        if kind in ("programme", "abstract-label"):
            return [w.para(it.segs, style="Headingb", **common)]
        if kind == "bullet" and it.char not in (None, self.main_char):
            return [w.para(it.segs, style="ListParagraph", num=(it.level, self.lists.pasted_bullet), **common)]
        if kind == "bullet":
            return [w.para(it.segs, style="ListBullet2" if it.level else "ListBullet", **common)]
        if kind == "pre-heading":
            return [w.para(it.segs, style="Heading1", num=(0, self.lists.preamble), **common)]
        if kind == "roman-item":
            return [w.para(it.segs, num=(0, self.lists.roman), **common)]
        if kind == "proposal-item":
            return [w.para(it.segs, num=(0, self.lists.proposal), **common)]
        if kind == "table":
            return [self.table(it)]
        if kind == "cover":
            return [cover_table(w, it)]
        return [w.para(it.segs, **common)]

    def cell(self, it: Item, header: bool) -> etree._Element:
        w = self.writer
        if it.kind == "indicator":
            return w.para(it.segs, style="Tabletext", num=(0, self.lists.indicator), change=it.change)
        return w.para(it.segs, style="Tablehead" if header else "Tabletext", change=it.change,
                      bookmark=it.bookmark)

    def table(self, it: Item) -> etree._Element:
        rows = it.rows or []
        cells = [[[self.cell(p, r == 0) for p in cell] for cell in row] for r, row in enumerate(rows)]
        if it.table == "outcome":
            return table(cells, OUTCOME_WIDTHS)
        return table(cells, (TEXT_WIDTH,), shades=region_shades(rows))


def region_shades(rows: list[list[list[Item]]]) -> list[str | None]:
    """Header row dark, region-name rows light, the empty rows under them white."""
    return [HEADER_SHADE if r == 0 else REGION_SHADE if any(row[0]) else None for r, row in enumerate(rows)]


def cover_table(w: Writer, it: Item) -> etree._Element:
    """The borderless title block of a TDAG contribution: first row and row labels in bold."""
    cells = []
    for r, row in enumerate(it.rows or []):
        out_row = []
        for c, cell in enumerate(row):
            label = r == 0 or (c == 0 and cell and cell[0].text.endswith(":"))
            props = rpr(bold=bool(label), size=28 if r == 0 and c == 0 else None)
            out_row.append([w.para(p.segs, props=props) for p in cell])
        cells.append(out_row)
    return table(cells, (6400, 3239), header_rows=0, borders=False)


def render_headings(items: list[Item], writer: Writer, lists: Lists, restart: Callable[[], int],
                    autonum: bool = False) -> list[etree._Element]:
    """Body elements in the "headings" (or "autonum") family.

    Bullets typed with a character other than the document's usual one were pasted from
    another document: they keep that document's list (List Paragraph + their own numId).
    """
    chars = Counter(it.char for it in items if it.kind == "bullet")
    state = Headings(writer, lists, restart, autonum, main_char=chars.most_common(1)[0][0] if chars else "·")
    out: list[etree._Element] = []
    for it in items:
        out.extend(state.block(it))
    return out


@dataclass
class Bold:
    """Options and state of the "bold" renderer (no Heading styles, typed numbers)."""

    writer: Writer
    sub_sep: str = ". "
    output_inline: bool = False
    bullet: str | None = "•"
    sub_counter: int = 0
    started: bool = False

    def block(self, it: Item) -> list[etree._Element]:
        w, kind = self.writer, it.kind
        bold = rpr(bold=True)
        if kind in ("part", "doc-title", "section"):
            size = {"part": 28, "doc-title": 32, "section": 28}[kind]
            return [w.para(it.segs, props=rpr(bold=True, size=size), jc="center", keep_next=True, before=240)]
        if kind == "clause":
            return [w.para([Seg(f"{it.number}. ")] + it.segs, props=bold, keep_next=True, before=240)]
        if kind == "objective":
            out = [w.page_break()] if self.started else []
            self.started = True
            return out + [w.para(it.segs, props=rpr(bold=True, size=28), keep_next=True, before=240)]
        if kind == "output":
            self.sub_counter = 0
            if self.output_inline:
                return [w.para(it.segs + [Seg(" – ")] + (it.title or []), props=bold, keep_next=True, before=360)]
            return [w.para(it.segs, props=bold, keep_next=True, before=360),
                    w.para(it.title or [], props=bold, keep_next=True)]
        if kind == "subheading":
            label: list[Seg] = []
            if it.numbered:
                self.sub_counter += 1
                label = [Seg(f"{self.sub_counter}{self.sub_sep}")]
            return [w.para(label + it.segs, props=bold, keep_next=True, before=240)]
        if kind in ("programme", "area"):
            return [w.para(it.segs, props=bold, keep_next=True)]
        if kind == "refgroup":
            return [w.para(it.segs, props=rpr(bold=True, italic=True), keep_next=True)]
        if kind == "bullet":
            char = self.bullet or it.char or "•"
            indent = 567 * (it.level + 1)
            return [w.para([Seg(f"{char}\t")] + it.segs, ind=(indent, 567))]
        if kind == "table":
            return [self.table(it), el("p")]
        return [w.para(it.segs)]

    def table(self, it: Item) -> etree._Element:
        w = self.writer
        rows = it.rows or []
        cells = []
        for r, row in enumerate(rows):
            out_row = []
            for c, cell in enumerate(row):
                if r == 0 and it.table == "outcome":
                    head = ("Outcomes", "Performance Indicators", "Outputs (Products and services)")[c]
                    out_row.append([w.para([Seg(head)], props=rpr(bold=True, size=20), jc="center")])
                    continue
                paras = []
                for p in cell:
                    size = rpr(bold=r == 0 or bool(it.table == "region" and p.segs), size=20)
                    if p.kind == "indicator":
                        paras.append(w.para([Seg("-\t")] + p.segs, props=size, ind=(284, 284)))
                    else:
                        paras.append(w.para(p.segs, props=size, jc="center" if r == 0 else None))
                out_row.append(paras)
            cells.append(out_row)
        if it.table == "outcome":
            return table(cells, OUTCOME_WIDTHS)
        return table(cells, (TEXT_WIDTH,), shades=region_shades(rows))


def render_bold(items: list[Item], writer: Writer, *, sub_sep: str = ". ", output_inline: bool = False,
                bullet: str | None = "•") -> list[etree._Element]:
    """Body elements in the "bold" family (bold Normal headings, typed numbers and bullets)."""
    state = Bold(writer, sub_sep, output_inline, bullet)
    out: list[etree._Element] = []
    for it in items:
        out.extend(state.block(it))
    return out


def section_properties() -> etree._Element:
    """A4 portrait with the default header and footer."""
    return el("sectPr", None, el("headerReference", {"type": "default", "r:id": "rId6"}),
              el("footerReference", {"type": "default", "r:id": "rId7"}),
              el("pgSz", {"w": 11907, "h": 16840, "code": 9}),
              el("pgMar", {"top": 1418, "right": 1134, "bottom": 1418, "left": 1134, "header": 567,
                           "footer": 567, "gutter": 0}),
              el("cols", {"space": 720}), el("docGrid", {"linePitch": 360}))
