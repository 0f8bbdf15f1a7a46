"""Edit a real .docx at the XML level, as an author would in Word, to make known revisions.

Used by the diff tests and bench: take a corpus file, insert words into paragraphs, remove or
add bullets, rename a heading, extend a references sentence, and save a copy. Only the body
part changes; every other part of the package is copied byte for byte.
"""

from __future__ import annotations

import copy
import random
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ITU_D = "https://www.itu.int/en/ITU-D/Pages/default.aspx"
ITU_T = "https://www.itu.int/en/ITU-T/Pages/default.aspx"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def text(p: etree._Element) -> str:
    """The visible text of a paragraph (w:t only; the corpus has no tracked changes here)."""
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def style(p: etree._Element) -> str | None:
    """The paragraph's style id, if any."""
    el = p.find(f"{W}pPr/{W}pStyle")
    return el.get(f"{W}val") if el is not None else None


def plain(p: etree._Element) -> bool:
    """True when the paragraph's runs hold only text (no hyphens, tabs, fields or notes to lose)."""
    return all(child.tag in (f"{W}rPr", f"{W}t") for r in p.iter(f"{W}r") for child in r)


def set_text(p: etree._Element, value: str) -> None:
    """Put `value` in the paragraph's first w:t and empty the others (keeps the first run's format)."""
    ts = list(p.iter(f"{W}t"))
    ts[0].text = value
    ts[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    for t in ts[1:]:
        t.text = ""


@dataclass
class Edit:
    """One known edit: what kind of change it should show up as, and the texts before and after."""

    kind: str
    old: str | None
    new: str | None
    refs_added: list[str] = field(default_factory=list)


@dataclass
class DocxEditor:
    """A .docx package held in memory, its body parsed for editing."""

    parts: dict[str, bytes]
    root: etree._Element

    @classmethod
    def open(cls, path: Path) -> "DocxEditor":
        """Read a .docx into memory."""
        with zipfile.ZipFile(path) as z:
            parts = {name: z.read(name) for name in z.namelist()}
        return cls(parts, etree.fromstring(parts["word/document.xml"], PARSER))

    def paragraphs(self) -> list[etree._Element]:
        """Body paragraphs outside tables, in order."""
        body = self.root.find(f"{W}body")
        return [p for p in body if p.tag == f"{W}p"]

    def save(self, path: Path) -> Path:
        """Write the edited package to `path`."""
        self.parts["word/document.xml"] = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in self.parts.items():
                z.writestr(name, data)
        return path


def random_edits(editor: DocxEditor, rng: random.Random, word_edits: int = 3) -> list[Edit]:
    """Apply the issue's kinds of edit at random places; return what each should be reported as."""
    paras = editor.paragraphs()
    edits: list[Edit] = []
    used: set[int] = set()

    def pick(candidates: list[int]) -> int:
        """A random candidate paragraph not next to one already edited."""
        free = [i for i in candidates if i not in used and i - 1 not in used and i + 1 not in used and plain(paras[i])]
        choice = rng.choice(free)
        used.add(choice)
        return choice

    body = [i for i, p in enumerate(paras) if style(p) is None and len(text(p).split()) > 15]
    for _ in range(word_edits):
        i = pick(body)
        before = text(paras[i])
        words = before.split(" ")
        at = rng.randrange(1, len(words))
        after = " ".join(words[:at] + [rng.choice(["notably", "progressively", "jointly", "regularly"])] + words[at:])
        set_text(paras[i], after)
        edits.append(Edit("modified", before, after))

    bullets = [i for i, p in enumerate(paras) if style(p) == "ListBullet"]
    i = pick(bullets)
    edits.append(Edit("removed", text(paras[i]), None))
    paras[i].getparent().remove(paras[i])

    i = pick(bullets)
    added = copy.deepcopy(paras[i])
    new_text = f"supporting pilot projects on {rng.choice(['satellite backhaul', 'community networks', 'open data'])} in least developed countries;"
    set_text(added, new_text)
    paras[i].addnext(added)
    edits.append(Edit("added", None, new_text))

    areas = [i for i, p in enumerate(paras) if style(p) == "Heading4" and not re.search(r"resolution|WSIS|goals", text(p), re.I)]
    i = pick(areas)
    before = text(paras[i])
    set_text(paras[i], f"{before} and emerging services")
    edits.append(Edit("renamed", before, f"{before} and emerging services"))

    refs = [i for i, p in enumerate(paras) if re.search(r"\bWTDC Resolutions \d", text(p)) and not re.search(r"\b85\b", text(p))]
    i = pick(refs)
    before = text(paras[i])
    after = re.sub(r"\bWTDC Resolutions (\d)", r"WTDC Resolutions 85, \1", before, count=1)
    set_text(paras[i], after)
    edits.append(Edit("modified", before, after, ["WTDC-RES-85"]))
    return edits


def word_noise(editor: DocxEditor, rng: random.Random) -> int:
    """Rewrite the body as Word writes an edited document, its text and formatting unchanged: each
    run of plain text split at random places (between words and inside them), every piece with a
    copy of the run's properties plus the fonts, complex-script size and language Word adds; rsid
    attributes on paragraphs and runs; spelling marks (w:proofErr), bookmarks and rendered page
    breaks between and inside runs. Returns how many runs there were to split."""
    runs = [r for r in editor.root.iter(f"{W}r")
            if [c.tag for c in r if c.tag != f"{W}rPr"] == [f"{W}t"] and r.find(f"{W}t").text]
    for p in editor.root.iter(f"{W}p"):
        p.set(f"{W}rsidR", f"00{rng.randrange(1 << 24):06X}")
        p.set(f"{W}rsidRDefault", "00C3B1A2")
    for r in runs:
        value = r.find(f"{W}t").text
        cuts = sorted(rng.sample(range(1, len(value)), min(len(value) - 1, rng.randrange(0, 4)))) if len(value) > 1 else []
        pieces = [value[a:b] for a, b in zip([0, *cuts], [*cuts, len(value)])]
        old_props = r.find(f"{W}rPr")
        parent, at = r.getparent(), r.getparent().index(r)
        parent.remove(r)
        for piece in pieces:
            if rng.random() < 0.1:
                marker = etree.Element(f"{W}proofErr")
                marker.set(f"{W}type", rng.choice(["spellStart", "spellEnd", "gramStart", "gramEnd"]))
                parent.insert(at, marker)
                at += 1
            new = etree.Element(f"{W}r")
            new.set(f"{W}rsidR", f"00{rng.randrange(1 << 24):06X}")
            props = copy.deepcopy(old_props) if old_props is not None else etree.Element(f"{W}rPr")
            fonts = etree.Element(f"{W}rFonts")
            fonts.set(f"{W}ascii", "Calibri")
            fonts.set(f"{W}hAnsi", "Calibri")
            props.insert(0, fonts)
            etree.SubElement(props, f"{W}szCs").set(f"{W}val", "22")
            etree.SubElement(props, f"{W}lang").set(f"{W}val", "en-GB")
            new.append(props)
            if rng.random() < 0.03:
                etree.SubElement(new, f"{W}lastRenderedPageBreak")
            t = etree.SubElement(new, f"{W}t")
            t.text = piece
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            parent.insert(at, new)
            at += 1
            if rng.random() < 0.03:
                mark = str(rng.randrange(10_000))
                for tag in ("bookmarkStart", "bookmarkEnd"):
                    el = etree.Element(f"{W}{tag}")
                    el.set(f"{W}id", mark)
                    if tag == "bookmarkStart":
                        el.set(f"{W}name", f"_Toc{mark}")
                    parent.insert(at, el)
                    at += 1
    return len(runs)


def box_table(rows: list[list[etree._Element]]) -> etree._Element:
    """A bordered one-column w:tbl whose rows hold `rows`' elements, one cell a row (a cell ends
    with a paragraph, as Word requires)."""
    tbl = etree.Element(f"{W}tbl")
    props = etree.SubElement(tbl, f"{W}tblPr")
    etree.SubElement(props, f"{W}tblW").attrib.update({f"{W}w": "5000", f"{W}type": "pct"})
    borders = etree.SubElement(props, f"{W}tblBorders")
    for side in ("top", "left", "bottom", "right"):
        etree.SubElement(borders, f"{W}{side}").attrib.update({f"{W}val": "single", f"{W}sz": "4", f"{W}space": "0", f"{W}color": "auto"})
    etree.SubElement(etree.SubElement(tbl, f"{W}tblGrid"), f"{W}gridCol").set(f"{W}w", "9350")
    for content in rows:
        cell = etree.SubElement(etree.SubElement(tbl, f"{W}tr"), f"{W}tc")
        etree.SubElement(etree.SubElement(cell, f"{W}tcPr"), f"{W}tcW").attrib.update({f"{W}w": "5000", f"{W}type": "pct"})
        cell.extend(content)
        if not len(content) or content[-1].tag != f"{W}p":
            etree.SubElement(cell, f"{W}p")
    return tbl


def box_sections(editor: DocxEditor, opens: str, rows: str = "one", until: str | None = None) -> int:
    """Put each run of body elements from a paragraph whose text matches `opens` (a regex) up to
    the next such paragraph, one matching `until` (a regex), one in a Heading 1 style, or the end,
    into a bordered one-column table, as ITU documents box their outputs: `rows` "one" puts the run into one
    cell, "head" its first paragraph in a row of its own and the rest in a second, "each" gives
    each element a row of its own. An empty paragraph parts a box from a table
    before or after it (Word would join adjacent tables). Returns how many boxes were made."""
    body = editor.root.find(f"{W}body")
    children = [el for el in body if el.tag != f"{W}sectPr"]
    pattern = re.compile(opens)
    stop = re.compile(until) if until is not None else None
    runs: list[list[etree._Element]] = []
    for el in children:
        starts = el.tag == f"{W}p" and pattern.match(text(el)) is not None
        ends = el.tag == f"{W}p" and (style(el) == "Heading1" or (stop is not None and stop.match(text(el)) is not None))
        if starts:
            runs.append([el])
        elif ends:
            runs.append([])
        elif runs and runs[-1]:
            runs[-1].append(el)
    for run in runs:
        if not run:
            continue
        anchor = run[0].getprevious()
        for el in run:
            body.remove(el)
        table = box_table({"one": [run], "head": [run[:1], run[1:]]}.get(rows) or [[el] for el in run])
        if anchor is None:
            body.insert(0, table)
        else:
            anchor.addnext(table)
            if anchor.tag == f"{W}tbl":
                anchor.addnext(etree.Element(f"{W}p"))
        table.addnext(etree.Element(f"{W}p"))
    return sum(1 for run in runs if run)


def join_tables(editor: DocxEditor, first: etree._Element, span: str = "grid", grid: bool = True) -> int:
    """Join the w:tbl `first` with the tables after it that only empty paragraphs part from it, as
    Word and LibreOffice do when the paragraphs between two tables go: their rows become rows of
    `first`, which takes the grid of the table with the most columns; a row of one cell spans that
    grid (`span` "grid": a w:gridSpan of its columns), all but its last column, which a
    w:gridAfter leaves, as Word writes a box narrower than the table ("short"), or is one w:tc of
    no span ("none"); `grid`
    False leaves the joined table without a w:tblGrid. Returns how many tables were joined."""
    joined = [first]
    following = first.getnext()
    while following is not None:
        if following.tag == f"{W}p" and not text(following) and not following.findall(f".//{W}drawing"):
            following = following.getnext()
        elif following.tag == f"{W}tbl":
            joined.append(following)
            following = following.getnext()
        else:
            break
    grids = [tbl.find(f"{W}tblGrid") for tbl in joined]
    widest = max(grids, key=lambda g: len(g) if g is not None else 0)
    columns = len(widest) if widest is not None else 1
    rows = [tr for tbl in joined for tr in tbl.findall(f"{W}tr")]
    for tbl in joined[1:]:
        between = tbl.getprevious()
        while between is not None and between is not first and between.tag == f"{W}p":
            previous = between.getprevious()
            between.getparent().remove(between)
            between = previous
        tbl.getparent().remove(tbl)
    for tr in first.findall(f"{W}tr"):
        first.remove(tr)
    old_grid = first.find(f"{W}tblGrid")
    if old_grid is not None:
        first.remove(old_grid)
    if grid and widest is not None:
        first.find(f"{W}tblPr").addnext(copy.deepcopy(widest))
    for tr in rows:
        cells = tr.findall(f"{W}tc")
        if len(cells) == 1:
            props = cells[0].find(f"{W}tcPr")
            if props is None:
                props = etree.Element(f"{W}tcPr")
                cells[0].insert(0, props)
            for old in props.findall(f"{W}gridSpan"):
                props.remove(old)
            if span in ("grid", "short") and columns > 1:
                gridspan = etree.Element(f"{W}gridSpan")
                gridspan.set(f"{W}val", str(columns - 1 if span == "short" else columns))
                props.insert(1 if props.find(f"{W}tcW") is not None else 0, gridspan)
            if span == "short" and columns > 1:
                row_props = tr.find(f"{W}trPr")
                if row_props is None:
                    row_props = etree.Element(f"{W}trPr")
                    tr.insert(0, row_props)
                etree.SubElement(row_props, f"{W}gridAfter").set(f"{W}val", "1")
        first.append(tr)
    return len(joined) - 1


def link_word(document: docx.document.Document, paragraph: docx.text.paragraph.Paragraph, word: str,
              url: str | None) -> None:
    """`word` of `paragraph` in a run of its own (the run's formatting kept), in a w:hyperlink to
    `url` (left plain when None), as Word writes a link."""
    run = next(r for r in paragraph.runs if word in r.text)
    before, after = run.text.split(word, 1)
    pieces = []
    for text in (before, word, after):
        piece = etree.fromstring(etree.tostring(run._r))
        for t in piece.findall(qn("w:t")):
            piece.remove(t)
        t = etree.SubElement(piece, qn("w:t"))
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        pieces.append(piece)
    if url is not None:
        rid = document.part.relate_to(url, RT.HYPERLINK, is_external=True)
        link = paragraph._p.makeelement(qn("w:hyperlink"), {qn("r:id"): rid})
        link.append(pieces[1])
        pieces[1] = link
    for piece in pieces:
        if piece.tag != qn("w:r") or piece.findtext(qn("w:t")):
            run._r.addprevious(piece)
    run._r.getparent().remove(run._r)
