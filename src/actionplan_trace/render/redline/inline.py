"""Word-level revision marks inside one paired paragraph, keeping each run's formatting.

Both paragraphs are cut into tokens (words, spaces and punctuation of `w:t`; tabs, breaks,
pictures, field codes and note references as one token each; equations as one token). The
tokens are diffed, and NEW's runs are split where the status changes: kept pieces stay plain,
inserted pieces go into `w:ins`; OLD's deleted pieces are written as runs with the `w:rPr`
of the OLD run they came from, in `w:del`, where they stood. Bookmarks, comments and other
anchors of NEW stay where they are.
"""

from __future__ import annotations

import copy
from difflib import SequenceMatcher
from typing import Callable

from lxml import etree

from ...digest import sha256
from ...diff.tokens import tokenize
from ...record import record
from ..escapes import xml_text
from .marks import MATH, NOT_COPIED, M, Marks, Relinker, W, W_R, W_RPR, W_T, deleted_copy, mark_math, to_deleted_run

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
SKIP = {W_RPR, W + "lastRenderedPageBreak"}
W_SOFT_HYPHEN = W + "softHyphen"
SOFT_HYPHEN = "\u00ad"
W_HYPERLINK = W + "hyperlink"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
Fingerprint = Callable[[etree._Element], str]
NotePairs = dict[tuple[str, str], "str | None"]


@record
class Token:
    """One comparable piece: `key` compares, `text` (for w:t pieces) or `node` is written."""

    key: str
    run: etree._Element | None
    node: etree._Element | None = None
    text: str | None = None
    link: etree._Element | None = None  # the w:hyperlink the piece is in, if any


def tokens(p: etree._Element, fingerprint: Fingerprint) -> list[Token]:
    """The tokens of a paragraph in reading order (runs, then each equation where it stands)."""
    out: list[Token] = []
    _walk(p, fingerprint, out)
    return out


def _walk(el: etree._Element, fingerprint: Fingerprint, out: list[Token], link: etree._Element | None = None) -> None:
    from .marks import CONTAINERS

    for child in el:
        tag = child.tag
        if tag == W_R:
            start = len(out)
            _run_tokens(child, fingerprint, out)
            if link is not None:
                key = "\x01link:" + _link_key(link, fingerprint)
                for token in out[start:]:
                    token.key += key
                    token.link = link
        elif tag in MATH:
            out.append(Token("math:" + "".join(t.text or "" for t in child.iter(M + "t")), None, child))
        elif tag == W_HYPERLINK:
            _walk(child, fingerprint, out, child)
        elif tag in CONTAINERS:
            _walk(child, fingerprint, out, link)


def _link_key(link: etree._Element, fingerprint: Fingerprint) -> str:
    """Where a w:hyperlink points, comparable across packages: its relationship's target (a URL is
    its own bytes, as `drawing_fingerprint` reads an external target) and its bookmark. A piece
    linked elsewhere is another piece, deleted and inserted, so that Reject All gives OLD's link."""
    bare = etree.Element(link.tag, {name: value for name, value in link.attrib.items() if name.startswith(R)})
    return fingerprint(bare) + "#" + (link.get(W + "anchor") or "")


def _run_tokens(run: etree._Element, fingerprint: Fingerprint, out: list[Token]) -> None:
    """The tokens of one run. Its text is read across its w:t and w:softHyphen children as one
    string, a soft hyphen as U+00AD, so that a word an author gave an optional hyphen
    ("infra­structures") is another word than without it, and the run written for it keeps the
    hyphen (`_new_run`): Accept All gives NEW's word as typed."""
    text: list[str] = []

    def flush() -> None:
        if text:
            out.extend(Token("t:" + piece, run, None, piece) for piece in tokenize("".join(text)))
            text.clear()

    for child in run:
        tag = child.tag
        if tag in SKIP or not isinstance(tag, str):
            continue
        if tag == W_T:
            text.append(child.text or "")
            continue
        if tag == W_SOFT_HYPHEN:
            text.append(SOFT_HYPHEN)
            continue
        flush()
        if tag == W + "instrText":
            out.append(Token("instr:" + (child.text or "").strip(), run, child))
        elif tag == W + "fldChar":
            out.append(Token("fld:" + (child.get(W + "fldCharType") or ""), run, child))
        elif tag in (W + "footnoteReference", W + "endnoteReference"):
            out.append(Token(tag, run, child))
        elif tag in OBJECTS:
            out.append(Token("obj:" + fingerprint(child), run, child))
        elif tag == W + "br":
            out.append(Token("br:" + (child.get(W + "type") or ""), run, child))
        elif tag == W + "sym":
            out.append(Token("sym:" + (child.get(W + "char") or ""), run, child))
        else:
            out.append(Token(etree.QName(child).localname, run, child))
    flush()


def text_of(toks: list[Token]) -> str:
    """The comparison string of a token list (for equality tests)."""
    return "\x00".join(t.key for t in toks)


def rpr_key(run: etree._Element | None) -> bytes:
    """A run's formatting as bytes (without change records), for formatting comparisons."""
    rpr = run.find(W_RPR) if run is not None else None
    if rpr is None:
        return b""
    rpr = copy.deepcopy(rpr)
    for change in rpr.findall(W + "rPrChange"):
        rpr.remove(change)
    return etree.tostring(rpr, method="c14n")


def _new_run(source: etree._Element | None, pieces: list[Token], deleted: bool) -> etree._Element:
    """A run with `source`'s formatting holding `pieces` (text merged into w:t / w:delText).

    NEW's pieces are moved (not copied) so that later edits to them, such as marks inside a
    text box, land in the output; OLD's are copied."""
    run = etree.Element(W_R)
    if source is not None:
        for name, value in source.attrib.items():
            run.set(name, value)
        rpr = source.find(W_RPR)
        if rpr is not None:
            run.append(copy.deepcopy(rpr))
    text: list[str] = []

    def flush() -> None:
        for k, part in enumerate("".join(text).split(SOFT_HYPHEN)):
            if k:
                etree.SubElement(run, W_SOFT_HYPHEN)  # as Word writes an optional hyphen
            if part:
                t = etree.SubElement(run, W + ("delText" if deleted else "t"))
                t.text = xml_text(part)
                t.set(XML_SPACE, "preserve")
        text.clear()

    for piece in pieces:
        if piece.text is not None:
            text.append(piece.text)
        else:
            flush()
            run.append(copy.deepcopy(piece.node) if deleted else piece.node)  # NEW's own node moves
    flush()
    if deleted:
        to_deleted_run(run)
    return run


def _deleted_nodes(old: list[Token], marks: Marks, relink: Relinker) -> list[etree._Element]:
    """OLD's tokens as `w:del` runs (one per source run) and deleted equations."""
    out: list[etree._Element] = []
    wrapper: etree._Element | None = None
    group: list[Token] = []
    group_link: etree._Element | None = None

    def flush() -> None:
        nonlocal wrapper
        if group:
            if wrapper is None:
                wrapper = marks.mark("del")
                out.append(_in_link(wrapper, group[0].link, relink))
            run = _new_run(group[0].run, group, True)
            relink(run)
            wrapper.append(run)
            group.clear()

    for token in old:
        if token.run is None:
            flush()
            wrapper = None
            zone = deleted_copy(token.node, relink)
            mark_math(zone, "del", marks)
            out.append(zone)
        else:
            if group and group[0].run is not token.run:
                flush()
                if group_link is not token.link:
                    wrapper = None
            group_link = token.link
            group.append(token)
    flush()
    return out


def _in_link(mark: etree._Element, link: etree._Element | None, relink: Relinker) -> etree._Element:
    """`mark` as it is, or inside a copy of OLD's w:hyperlink (re-linked into NEW's package) when
    the deleted pieces were linked, so that Reject All gives the link back."""
    if link is None:
        return mark
    holder = etree.Element(link.tag, dict(link.attrib))
    relink(holder)
    holder.append(mark)
    return holder


def _outside_link(element: etree._Element, first: bool) -> etree._Element:
    """The element to put deleted pieces before (`first`) or after: `element`, or the w:hyperlink
    it starts (ends), so that OLD's pieces never take on NEW's link."""
    while True:
        parent = element.getparent()
        if parent is None or parent.tag != W_HYPERLINK:
            return element
        sibling = element.getprevious() if first else element.getnext()
        while sibling is not None and sibling.tag in NOT_COPIED:
            sibling = sibling.getprevious() if first else sibling.getnext()
        if sibling is not None:
            return element
        element = parent


NOTE_REFS = {W + "footnoteReference": "footnote", W + "endnoteReference": "endnote"}
OBJECTS = {W + "drawing", W + "pict", W + "object", "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}
TXBX = W + "txbxContent"
ObjectPairs = list[tuple[etree._Element, etree._Element]]


def diff_paragraph(
    old_p: etree._Element, new_p: etree._Element, marks: Marks, relink: Relinker,
    fingerprints: tuple[Fingerprint, Fingerprint], formatting: bool, notes: NotePairs, boxes: ObjectPairs,
) -> bool:
    """Write the word-level changes from `old_p` to `new_p` into `new_p`; True if any.

    Note references kept on both sides are recorded in `notes` ((kind, NEW id) → OLD id),
    inserted ones with OLD id None; kept drawings holding text boxes in `boxes` (OLD, NEW),
    for their text to be merged in turn.
    """
    old = tokens(old_p, fingerprints[0])
    new = tokens(new_p, fingerprints[1])
    old_keys, new_keys = [t.key for t in old], [t.key for t in new]
    if old_keys == new_keys and not formatting:
        _note_pairs(old, new, [(0, 0, len(new))], notes, boxes)
        return False
    status: list[str] = ["="] * len(new)
    was: list[etree._Element | None] = [None] * len(new)
    before: dict[int, list[Token]] = {}
    matcher = SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    blocks = matcher.get_matching_blocks()
    _note_pairs(old, new, [(b.a, b.b, b.size) for b in blocks], notes, boxes)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            if formatting:
                for k in range(j2 - j1):
                    _compare_format(new[j1 + k], old[i1 + k], j1 + k, status, was)
            continue
        if i2 > i1:
            before.setdefault(j1, []).extend(old[i1:i2])
        for j in range(j1, j2):
            status[j] = "+"
    if not before and all(s == "=" for s in status):
        return False
    _rewrite(new_p, new, status, was, before, marks, relink)
    return True


def _note_pairs(old: list[Token], new: list[Token], same: list[tuple[int, int, int]], notes: NotePairs,
                boxes: ObjectPairs) -> None:
    """Record the note references of NEW (paired with OLD's where kept, None where inserted) and
    the kept drawings that hold text boxes."""
    kept: set[int] = set()
    for i, j, size in same:
        for k in range(size):
            node = new[j + k].node
            if node is not None and node.tag in OBJECTS and node.find(".//" + TXBX) is not None:
                boxes.append((old[i + k].node, node))
            if node is not None and node.tag in NOTE_REFS:
                kept.add(j + k)
                old_node = old[i + k].node
                assert old_node is not None, "an equal token is a note reference too"
                notes[(NOTE_REFS[node.tag], node.get(W + "id", ""))] = old_node.get(W + "id", "")
    for j, token in enumerate(new):
        if j not in kept and token.node is not None and token.node.tag in NOTE_REFS:
            notes.setdefault((NOTE_REFS[token.node.tag], token.node.get(W + "id", "")), None)


def _compare_format(token: Token, source: Token, j: int, status: list[str], was: list[etree._Element | None]) -> None:
    """Mark a kept piece whose run formatting changed (status "f", `was` its OLD run)."""
    if token.run is not None and source.run is not None and rpr_key(token.run) != rpr_key(source.run):
        status[j] = "f"
        was[j] = source.run


def _rewrite(p: etree._Element, new: list[Token], status: list[str], was: list[etree._Element | None],
             before: dict[int, list[Token]], marks: Marks, relink: Relinker) -> None:
    """Split NEW's runs by status and put the deleted pieces where they stood."""
    groups: list[list[int]] = []
    for j, token in enumerate(new):
        if groups and token.run is not None and new[groups[-1][0]].run is token.run:
            groups[-1].append(j)
        else:
            groups.append([j])
    last: etree._Element | None = None
    for group in groups:
        first = new[group[0]]
        element = first.run if first.run is not None else first.node
        assert element is not None, "a token is a run or an equation node"
        if group[0] in before:
            anchor = _outside_link(element, True)
            for node in _deleted_nodes(before[group[0]], marks, relink):
                anchor.addprevious(node)
        if first.run is None:
            if status[group[0]] == "+":
                mark_math(first.node, "ins", marks)
            last = first.node
            continue
        replacement = _split_run(first.run, group, new, status, was, before, marks, relink)
        for node in replacement:
            element.addprevious(node)
        _remove(element)
        last = replacement[-1]
    if len(new) in before:
        nodes = _deleted_nodes(before[len(new)], marks, relink)
        after = _outside_link(last, False) if last is not None else None
        for node in reversed(nodes):
            if after is None:
                p.append(node)
            else:
                after.addnext(node)


def _split_run(run: etree._Element, group: list[int], new: list[Token], status: list[str],
               was: list[etree._Element | None], before: dict[int, list[Token]], marks: Marks,
               relink: Relinker) -> list[etree._Element]:
    """The pieces replacing one NEW run: kept, inserted and re-formatted runs, deletions between."""
    out: list[etree._Element] = []
    segment: list[int] = []

    def flush() -> None:
        if not segment:
            return
        piece = _new_run(run, [new[k] for k in segment], False)
        state = status[segment[0]]
        if state == "+":
            mark = marks.mark("ins")
            mark.append(piece)
            out.append(mark)
        else:
            if state == "f":
                _record_format(piece, was[segment[0]], marks)
            out.append(piece)
        segment.clear()

    for k in group:
        if k in before and k != group[0]:
            flush()
            out.extend(_deleted_nodes(before[k], marks, relink))
        if segment and (status[segment[-1]] != status[k] or was[segment[-1]] is not was[k]):
            flush()
        segment.append(k)
    flush()
    return out


def _record_format(piece: etree._Element, old_run: etree._Element | None, marks: Marks) -> None:
    """Add a `w:rPrChange` holding OLD's run formatting to a kept piece."""
    rpr = piece.find(W_RPR)
    if rpr is None:
        rpr = etree.Element(W_RPR)
        piece.insert(0, rpr)
    change = marks.mark("rPrChange")
    old_rpr = old_run.find(W_RPR) if old_run is not None else None
    old_copy = copy.deepcopy(old_rpr) if old_rpr is not None else etree.Element(W_RPR)
    for old_change in old_copy.findall(W + "rPrChange"):
        old_copy.remove(old_change)
    change.append(old_copy)
    rpr.append(change)


def _remove(el: etree._Element) -> None:
    """Remove `el`, keeping any tail text."""
    parent = el.getparent()
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
    parent.remove(el)


def drawing_fingerprint(resolve: Callable[[str], bytes | None]) -> Fingerprint:
    """A fingerprint of a picture/drawing: the bytes of what it points to, its size and alt text."""
    def fingerprint(el: etree._Element) -> str:
        digest = sha256()
        for node in el.iter():
            for name, value in node.attrib.items():
                if name.startswith("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"):
                    digest.update(resolve(value) or value.encode())
                elif etree.QName(name).localname in ("cx", "cy", "descr", "title"):
                    digest.update(value.encode())
            if node.tag == "{http://schemas.openxmlformats.org/drawingml/2006/main}t" and node.text:
                digest.update(node.text.encode())
        return digest.hexdigest()[:16]

    return fingerprint


def split_paragraph(p: etree._Element, parts: list[list[Token]], fingerprint: Fingerprint,
                    in_place: bool) -> list[etree._Element]:
    """Cut paragraph `p` into as many paragraphs as `parts`, the tokens of the other side's
    paragraphs that hold its words: where each part's last token falls among `p`'s tokens.
    The pieces before the last are new paragraphs with `p`'s properties (but a section break),
    put before `p` when `in_place`; the last is `p` itself, holding what is left."""
    own = tokens(p, fingerprint)
    matcher = SequenceMatcher(None, [t.key for t in own], [t.key for part in parts for t in part], autojunk=False)
    blocks = matcher.get_matching_blocks()
    cuts: list[int] = []
    offset = 0
    for part in parts[:-1]:
        offset += len(part)
        cuts.append(max([_mapped(blocks, offset), *cuts]))
    pieces: list[etree._Element] = []
    previous = 0
    for cut in cuts:
        pieces.append(_cut(p, tokens(p, fingerprint), cut - previous, in_place))
        previous = cut
    return [*pieces, p]


def _mapped(blocks: list, position: int) -> int:
    """The position in the first sequence of a matcher's blocks that `position` in the second is."""
    best = 0
    for a, b, size in blocks:
        if b <= position <= b + size:
            return a + (position - b)
        if b + size <= position:
            best = a + size
    return best


def _cut(p: etree._Element, own: list[Token], at: int, in_place: bool) -> etree._Element:
    """A new paragraph holding `p`'s content before token `at` (moved out of `p`)."""
    from .marks import W_PPR

    first = etree.Element(p.tag)
    ppr = p.find(W_PPR)
    if ppr is not None:
        ppr_copy = copy.deepcopy(ppr)
        for child in ppr_copy.findall(W + "sectPr"):
            ppr_copy.remove(child)
        first.append(ppr_copy)
    stop: etree._Element | None = None
    if at < len(own):
        token = own[at]
        element = token.run if token.run is not None else token.node
        assert element is not None, "a token is a run or an equation node"
        run = token.run
        if at > 0 and own[at - 1].run is run and run is not None and run.getparent() is p:
            same = [t for t in own if t.run is run]
            k = next(n for n, t in enumerate(same) if t is token)  # tokens of equal text compare equal
            head, tail = _new_run(run, same[:k], False), _new_run(run, same[k:], False)
            run.addprevious(head)
            run.addprevious(tail)
            _remove(run)
            element = tail
        while element.getparent() is not p:
            element = element.getparent()
        stop = element
    for child in list(p):
        if child is stop:
            break
        if child.tag != W_PPR:
            first.append(child)
    if in_place:
        p.addprevious(first)
    return first
