"""`trace diff OLD.docx NEW.docx --format docx`: NEW's own package with the diff as revision marks.

The output is NEW's package with every part kept (styles, numbering, theme, headers and footers,
notes, section properties, pictures, fields, content controls); only document.xml and the
footnotes/endnotes get revision marks, placed from the diff engine's alignment of the two
documents (each block knows the `w:p`/`w:tbl` it came from through `Loc.paragraph`). Word's
Accept All gives NEW back, Reject All gives OLD. A NEW that already has revision marks is
accepted first (a note says so); OLD is read in its accepted view, as the diff reads it. A body
paragraph is marked moved only where the engine paired it with one out of place
(`DiffResult.moved`), so the redline's moves are the diff's: a removed section's text is never
shown moved into an unrelated added one because the two read alike.
"""

from __future__ import annotations

import copy
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Iterable

from lxml import etree

from ...diff.changes import DiffResult, Item
from ...extract import read_bytes
from .accept import accept_all, has_revisions
from .inline import drawing_fingerprint
from .marks import Marks, W, deleted_copy, mark_story
from .package import R_NS, Package, mark_time
from .story import Writer, block_children

R = "{" + R_NS + "}"
DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
NOTE_KINDS = ("footnote", "endnote")
STYLE_REFS = (W + "pStyle", W + "rStyle", W + "tblStyle")


def redline(result: DiffResult, author: str = "trace", date: datetime | None = None,
            formatting: bool = False) -> tuple[bytes, list[str]]:
    """The redline .docx bytes of a two-file diff of .docx files, and notes for the user."""
    old_path, new_path = result.old.source.path, result.new.source.path
    old_pkg = Package.read(old_path, read_bytes(Path(old_path)))
    new_pkg = Package.read(new_path, read_bytes(Path(new_path)))
    when = mark_time(date)
    return _Redline(old_pkg, new_pkg, Marks(author, when.isoformat() + "Z"), formatting, when).write(result)


class _Redline:
    """One redline run: both packages, accepted; units indexed as the reader counted them."""

    def __init__(self, old: Package, new: Package, marks: Marks, formatting: bool, when: datetime) -> None:
        self.old, self.new, self.when = old, new, when
        self.old_main, self.new_main = old.main_part(), new.main_part()
        self.notes: list[str] = []
        self.copied: dict[str, str] = {}
        self.rels: dict[tuple[str, str], str] = {}
        self.copied_notes: dict[tuple[str, str], str] = {}
        self.next_docpr = 0
        self.num_map: dict[str, str] = {}
        self.styles_known: set[str] = set()  # style ids NEW's styles part defines, or holds now (_style)
        self.writer = Writer(marks, self._relink, (
            drawing_fingerprint(lambda rid: self._target_bytes(self.old, self.old_main, rid)),
            drawing_fingerprint(lambda rid: self._target_bytes(self.new, self.new_main, rid)),
        ), formatting)

    def write(self, result: DiffResult) -> tuple[bytes, list[str]]:
        old_body = self._body(self.old, self.old_main)
        new_body = self._body(self.new, self.new_main)
        old_index = {el: n for n, el in enumerate(block_children(old_body))}
        new_index = {el: n for n, el in enumerate(block_children(new_body))}
        old_notes = {kind: self._part(self.old, self.old_main, kind) for kind in NOTE_KINDS}
        new_notes = {kind: self._part(self.new, self.new_main, kind) for kind in NOTE_KINDS}
        if any(has_revisions(root) for root in [new_body, *new_notes.values()] if root is not None):
            self.notes.append(f"{self.new.path} has revision marks of its own: they were accepted first, "
                              "and the redline shows the changes against that accepted text")
        if self._chunks(self.old, self.old_main, old_body) != self._chunks(self.new, self.new_main, new_body):
            self.notes.append("imported content (w:altChunk) differs between the files: the redline cannot mark "
                              f"changes inside it, and keeps {self.new.path}'s (Reject All does not restore it)")
        for root in [old_body, new_body, *old_notes.values(), *new_notes.values()]:
            if root is not None:
                accept_all(root)
        old_units, new_units = list(block_children(old_body)), list(block_children(new_body))
        old_pos = {old_index[el]: n for n, el in enumerate(old_units) if el in old_index}
        new_pos = {new_index[el]: n for n, el in enumerate(new_units) if el in new_index}
        body_votes, note_pairs = _pairs(result)
        anchors = _one_to_one(body_votes, old_pos, new_pos)
        moved = _one_to_one(_body_votes(result.moved), old_pos, new_pos)
        self.writer.merge(old_units, new_units, anchors, new_body, moved)
        self._merge_notes(note_pairs, old_notes, new_notes)
        return self.new.save(self.when), self.notes

    def _chunks(self, pkg: Package, main: str, body: etree._Element) -> list[bytes | None]:
        """The bytes of each part the body imports (w:altChunk), in order: Word merges them in when
        it opens the file, so no revision mark can sit inside them."""
        targets = {rel.get("Id"): rel.get("Target", "") for rel in pkg.rels(main)}
        return [pkg.parts.get(pkg.resolve(main, targets.get(chunk.get(R + "id"), "")))
                for chunk in body.iter(W + "altChunk")]

    def _body(self, pkg: Package, main: str) -> etree._Element:
        root = pkg.xml(main)
        body = root.find(W + "body") if root is not None else None
        if body is None:
            from ...errors import InputError

            raise InputError(pkg.path, "word/document.xml has no w:body (not a Word document)")
        return body

    def _part(self, pkg: Package, main: str, kind: str) -> etree._Element | None:
        name = pkg.target(main, kind + "s")
        return pkg.xml(name) if name else None

    def _merge_notes(self, pairs: Counter, old_notes: dict, new_notes: dict) -> None:
        """Merge paired footnotes/endnotes (the engine's pairs, then pairs of kept references);
        mark the notes of inserted references inserted."""
        for kind in NOTE_KINDS:
            old_root, new_root = old_notes[kind], new_notes[kind]
            if new_root is None:
                continue
            old_by_id = {n.get(W + "id"): n for n in old_root.findall(W + kind)} if old_root is not None else {}
            new_by_id = {n.get(W + "id"): n for n in new_root.findall(W + kind)}
            chosen: dict[str, str | None] = {}
            for (k, old_id, new_id), _count in pairs.most_common():
                if k == kind and old_id in old_by_id and new_id in new_by_id:
                    chosen.setdefault(new_id, old_id)
            for (k, new_id), old_id in self.writer.notes.items():
                if k == kind and new_id in new_by_id:
                    chosen.setdefault(new_id, old_id if old_id in old_by_id else None)
            for new_id, old_id in chosen.items():
                b = new_by_id[new_id]
                if old_id is None:
                    mark_story(b, "ins", self.writer.marks, last_mark=False)
                else:
                    a = old_by_id[old_id]
                    self.writer.merge(list(block_children(a)), list(block_children(b)), [], b)

    # -- re-linking OLD content into NEW

    def _relink(self, el: etree._Element) -> None:
        """Point relationship ids of copied OLD content at parts copied into NEW; copy notes;
        give copied drawings fresh `wp:docPr` ids (they must be unique in a document)."""
        for node in el.iter(DOCPR):
            if self.next_docpr == 0:
                root = self.new.present_xml(self.new_main)
                ids = [int(d.get("id", "0")) for d in root.iter(DOCPR) if d.get("id", "").isdigit()]
                self.next_docpr = max(ids + [0]) + 1
            node.set("id", str(self.next_docpr))
            self.next_docpr += 1
        for num_id in el.iter(W + "numId"):
            value = num_id.get(W + "val", "0")
            if value != "0":
                num_id.set(W + "val", self._numbering(value))
        for ref in el.iter(*STYLE_REFS):
            if not self._style(ref.get(W + "val", "")):
                ref.getparent().remove(ref)
        for node in el.iter():
            for name, value in list(node.attrib.items()):
                if name.startswith(R):
                    new_id = self._copy_rel(value)
                    if new_id is None:
                        del node.attrib[name]
                    else:
                        node.set(name, new_id)
            if node.tag in (W + "footnoteReference", W + "endnoteReference"):
                self._copy_note(node)

    def _style(self, style_id: str) -> bool:
        """Whether NEW's styles part defines `style_id` once OLD's definition is copied in when it
        did not (with the styles it is based on or linked to): OLD content marked deleted keeps
        its paragraph and character styles, and a style the package does not define made
        LibreOffice draw a table's header row shifted one column (a review's redline). False when
        neither defines it, or NEW has no styles part: the caller then drops the reference."""
        new_name, old_name = self.new.target(self.new_main, "styles"), self.old.target(self.old_main, "styles")
        new_root = self.new.xml(new_name) if new_name else None
        if new_root is None:
            return False
        if not self.styles_known:
            self.styles_known.update(st.get(W + "styleId", "") for st in new_root.findall(W + "style"))
        if style_id in self.styles_known:
            return True
        old_root = self.old.xml(old_name) if old_name else None
        defined = {st.get(W + "styleId", ""): st for st in old_root.findall(W + "style")} if old_root is not None else {}
        if style_id not in defined:
            return False
        wanted = [style_id]
        while wanted:
            sid = wanted.pop()
            if sid in self.styles_known or sid not in defined:
                continue
            self.styles_known.add(sid)
            style = copy.deepcopy(defined[sid])
            new_root.append(style)
            wanted.extend(ref.get(W + "val", "") for ref in style.iter(W + "basedOn", W + "next", W + "link"))
        return True

    def _numbering(self, num_id: str) -> str:
        """NEW's numId for OLD's list `num_id`: the same id when NEW defines that list the same way,
        else a copy of OLD's definition added to NEW's numbering part (so labels read as in OLD)."""
        if num_id in self.num_map:
            return self.num_map[num_id]
        self.num_map[num_id] = num_id
        old_name, new_name = self.old.target(self.old_main, "numbering"), self.new.target(self.new_main, "numbering")
        old_root = self.old.xml(old_name) if old_name else None
        new_root = self.new.xml(new_name) if new_name else None
        old_num, old_abstract = _list(old_root, num_id)
        if new_root is None or old_num is None or old_abstract is None:
            return num_id
        new_num, new_abstract = _list(new_root, num_id)
        if new_num is not None and new_abstract is not None and _same_list(old_num, old_abstract, new_num, new_abstract):
            return num_id
        abstract_ids = [int(a.get(W + "abstractNumId", "0")) for a in new_root.findall(W + "abstractNum")
                        if a.get(W + "abstractNumId", "").isdigit()]
        num_ids = [int(n.get(W + "numId", "0")) for n in new_root.findall(W + "num") if n.get(W + "numId", "").isdigit()]
        abstract = copy.deepcopy(old_abstract)
        abstract.set(W + "abstractNumId", str(max(abstract_ids + [0]) + 1))
        for link in abstract.findall(W + "numStyleLink") + abstract.findall(W + "styleLink"):
            abstract.remove(link)
        first_num = new_root.find(W + "num")
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            new_root.append(abstract)
        num = copy.deepcopy(old_num)
        num.set(W + "numId", str(max(num_ids + [0]) + 1))
        num.find(W + "abstractNumId").set(W + "val", abstract.get(W + "abstractNumId"))
        new_root.append(num)
        self.num_map[num_id] = num.get(W + "numId")
        return self.num_map[num_id]

    def _copy_rel(self, rid: str) -> str | None:
        """NEW's relationship id for OLD's main-part relationship `rid` (copying its target)."""
        key = (self.old_main, rid)
        if key in self.rels:
            return self.rels[key]
        rel = next((r for r in self.old.rels(self.old_main) if r.get("Id") == rid), None)
        if rel is None:
            return None
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            new_id = self.new.add_rel(self.new_main, kind, target, True)
        else:
            part = self._copy_part(self.old.resolve(self.old_main, target))
            if part is None:
                return None
            new_id = self.new.add_rel(self.new_main, kind, part, False)
        self.rels[key] = new_id
        return new_id

    def _copy_part(self, name: str) -> str | None:
        """Copy OLD's part `name` (and what it relates to) into NEW; returns its name there."""
        if name in self.copied:
            return self.copied[name]
        data = self.old.parts.get(name)
        if data is None:
            return None
        new_name = self.new.add_part(name, data, self.old.content_type(name))
        self.copied[name] = new_name
        old_rels = self.old.xml(self.old.rels_name(name))
        if old_rels is not None:
            new_rels = self.new.rels(new_name)
            for rel in old_rels:
                target = rel.get("Target", "")
                if rel.get("TargetMode") != "External":
                    copied = self._copy_part(self.old.resolve(name, target))
                    if copied is None:
                        continue
                    target = copied
                clone = etree.SubElement(new_rels, rel.tag, dict(rel.attrib))
                if rel.get("TargetMode") != "External":
                    clone.set("Target", "/" + target)
        return new_name

    def _notes_part(self, kind: str) -> etree._Element | None:
        """A notes part for NEW made from OLD's (its separators kept, its notes left out)."""
        name = self.old.target(self.old_main, kind + "s")
        if name is None or self.old.xml(name) is None:
            return None
        rel = next(r for r in self.old.rels(self.old_main) if r.get("Type", "").endswith("/" + kind + "s"))
        copied = self.new.add_part(name, self.old.parts[name], self.old.content_type(name))
        self.new.add_rel(self.new_main, rel.get("Type", ""), copied, False)
        root = self.new.present_xml(copied)
        for note in root.findall(W + kind):
            if note.get(W + "type") in (None, "normal"):
                root.remove(note)
        return root

    def _target_bytes(self, pkg: Package, main: str, rid: str) -> bytes | None:
        rel = next((r for r in pkg.rels(main) if r.get("Id") == rid), None)
        if rel is None:
            return None
        if rel.get("TargetMode") == "External":
            return rel.get("Target", "").encode()
        return pkg.parts.get(pkg.resolve(main, rel.get("Target", "")))

    def _copy_note(self, ref: etree._Element) -> None:
        """Give a copied OLD note reference a deleted copy of its note in NEW's notes part."""
        kind = "footnote" if ref.tag == W + "footnoteReference" else "endnote"
        old_id = ref.get(W + "id", "")
        if (kind, old_id) in self.copied_notes:
            ref.set(W + "id", self.copied_notes[(kind, old_id)])
            return
        old_root = self._part(self.old, self.old_main, kind)
        new_root = self._part(self.new, self.new_main, kind)
        if new_root is None:
            new_root = self._notes_part(kind)
        note = next((n for n in old_root.findall(W + kind) if n.get(W + "id") == old_id), None) \
            if old_root is not None else None
        if note is None or new_root is None:
            run = ref.getparent()
            if run is not None:
                run.remove(ref)
            return
        ids = [int(n.get(W + "id", "0")) for n in new_root.findall(W + kind) if n.get(W + "id", "").lstrip("-").isdigit()]
        new_id = str(max(ids + [0]) + 1)
        self.copied_notes[(kind, old_id)] = new_id
        ref.set(W + "id", new_id)
        clone = deleted_copy(note, self._relink)
        clone.set(W + "id", new_id)
        mark_story(clone, "del", self.writer.marks, last_mark=False)
        new_root.append(clone)


def _list(root: etree._Element | None, num_id: str) -> tuple[etree._Element | None, etree._Element | None]:
    """The `w:num` with `num_id` in a numbering part and the `w:abstractNum` it uses."""
    if root is None:
        return None, None
    num = next((n for n in root.findall(W + "num") if n.get(W + "numId") == num_id), None)
    ref = num.find(W + "abstractNumId") if num is not None else None
    if ref is None:
        return num, None
    abstract_id = ref.get(W + "val")
    return num, next((a for a in root.findall(W + "abstractNum") if a.get(W + "abstractNumId") == abstract_id), None)


def _same_list(num_a: etree._Element, abstract_a: etree._Element, num_b: etree._Element,
               abstract_b: etree._Element) -> bool:
    """True when two list definitions draw the same labels (levels and overrides equal)."""
    def key(num: etree._Element, abstract: etree._Element) -> list[bytes]:
        parts = [etree.tostring(lvl, method="c14n") for lvl in abstract.findall(W + "lvl")]
        return parts + [etree.tostring(o, method="c14n") for o in num.findall(W + "lvlOverride")]

    return key(num_a, abstract_a) == key(num_b, abstract_b)


def _where(item: Item) -> tuple[str | None, int | None]:
    """(note id or None, body unit index) an item was read from."""
    loc = item.block.loc if item.block is not None else item.section.loc
    return loc.footnote, loc.paragraph


def _body_votes(pairs: Iterable[tuple[Item, Item]]) -> Counter:
    """Votes for paired body units (old index, new index), one per pair of items read from them."""
    votes: Counter = Counter()
    for old, new in pairs:
        (note_a, a), (note_b, b) = _where(old), _where(new)
        if note_a is None and note_b is None and a is not None and b is not None:
            votes[(a, b)] += 1
    return votes


def _pairs(result: DiffResult) -> tuple[Counter, Counter]:
    """Votes for paired body units (old index, new index) and paired notes (kind, old id, new id)."""
    body = _body_votes((step.old, step.new) for step in result.steps if step.old is not None and step.new is not None)
    notes: Counter = Counter()
    for step in result.steps:
        if step.old is None or step.new is None:
            continue
        note_a, note_b = _where(step.old)[0], _where(step.new)[0]
        if note_a is not None and note_b is not None:
            kind_a = "endnote" if note_a.startswith("endnote-") else "footnote"
            kind_b = "endnote" if note_b.startswith("endnote-") else "footnote"
            if kind_a == kind_b:
                notes[(kind_a, note_a.removeprefix("endnote-"), note_b.removeprefix("endnote-"))] += 1
    return body, notes


def _one_to_one(votes: Counter, old_pos: dict[int, int], new_pos: dict[int, int]) -> list[tuple[int, int]]:
    """The best-voted pairs with each unit used once, as positions in the accepted unit lists."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[tuple[int, int]] = []
    for (a, b), _count in votes.most_common():
        if a in used_a or b in used_b or a not in old_pos or b not in new_pos:
            continue
        used_a.add(a)
        used_b.add(b)
        out.append((old_pos[a], new_pos[b]))
    return out


def word_report(result: DiffResult, author: str = "trace", date: datetime | None = None,
                formatting: bool = False) -> tuple[bytes, list[str]]:
    """`--format docx`: the redline for two .docx files, the file itself for a single tracked .docx,
    and the generated document (stated in a note) when either side is a PDF or text rendering."""
    old, new = result.old.source, result.new.source
    if old.path == new.path and old.view != new.view and old.format == "docx":
        note = (f"{old.path} is a single file with revision marks: written as it is, its own marks kept; "
                "the report is of its view")
        return read_bytes(Path(old.path)), [note]
    if old.format == "docx" and new.format == "docx":
        return redline(result, author, date, formatting)
    from ..diff_docx import to_docx

    note = (f"{old.path if old.format != 'docx' else new.path} is not a .docx: the redline is a generated "
            "document (the text of both revisions in a default template), not the new file with revision marks")
    return to_docx(result, author=author, date=date), [note]
