"""Giving each change of a revision-marked .docx the author and date of its revision marks.

A change is matched to the tracked changes (`Document.revisions`) recorded in its section on
either side, by how many of the revision's words the change inserted or deleted; failing any
in its section, to the best such revision anywhere that the change covers at least half of.
Word tracks what was typed, so a revision may be a piece of a word ("I" deleted and "i"
inserted before "ndicators"): in its section (in its paragraph, where the change has one on the
revision's side), one whose text stands inside what the change inserted (or deleted) matches
too, below any revision that shares a whole word with it. A revision in the change's own
paragraph goes before any other in its section ("Indicators" deleted in the next paragraph too).
Where marks of several authors in the change's own paragraph each match it (two delegates edited
one paragraph), the others are its `co_authors`.
"""

from __future__ import annotations

from collections import Counter

from ..model import Document, Loc, Revision
from .changes import Change
from .tokens import tokenize

INSERTING = ("insert", "ins", "move-to", "moveTo")
DELETING = ("delete", "del", "move-from", "moveFrom")
MIN_COVER = 0.5
IN_PLACE = 1.0  # added for a revision in the change's own paragraph: above any share of words elsewhere
PIECE_SCORE = 1e-3  # at most, for a piece of a word (`_piece_cover`): below a whole word's share


def _terms(text: str) -> Counter[str]:
    """Case-folded word and punctuation tokens: a revision may be a lone comma."""
    return Counter(t.casefold() for t in tokenize(text) if not t.isspace())


def _changed_text(change: Change) -> tuple[str, str]:
    """The text the change inserted and the text it deleted."""
    if change.words is not None:
        return (" ".join(t for op, t in change.words if op == "+"),
                " ".join(t for op, t in change.words if op == "-"))
    return change.new or "", change.old or ""


def _piece_cover(rev: Revision, inserted: str, deleted: str) -> float:
    """A score below any shared word's (`_cover`) for a revision whose text, a piece of a word
    Word tracked letter by letter, stands inside the text the change inserted (or deleted)."""
    piece = rev.text.strip()
    if not piece:
        return 0.0
    pool = inserted if rev.type in INSERTING else deleted if rev.type in DELETING else f"{inserted}\n{deleted}"
    return PIECE_SCORE * min(len(piece), 100) / 100 if piece in pool else 0.0


def _cover(rev: Revision, rev_words: Counter[str], inserted: Counter[str], deleted: Counter[str]) -> float:
    """Share of the revision's words that the change inserted (or deleted, by its type)."""
    total = sum(rev_words.values())
    if not total:
        return 0.0
    pool = inserted if rev.type in INSERTING else deleted if rev.type in DELETING else inserted + deleted
    return sum((rev_words & pool).values()) / total


def attribute(changes: list[Change], old: Document, new: Document) -> None:
    """Set `author` and `date` on each change of one revision-marked .docx (its original view
    `old` against its accepted view `new`) from the revision marks it best matches."""
    _attribute(changes, new.revisions, old.revisions)


def attribute_new_marks(changes: list[Change], old: Document, new: Document) -> None:
    """Set `author` and `date` on each change between two files from the revision marks the new
    file carries and the old one does not: a contribution made as tracked changes to the plan
    (marks the old file still shows were made before it, and its changes are not in the diff)."""
    before = {_mark(r) for r in old.revisions}
    _attribute(changes, [r for r in new.revisions if _mark(r) not in before], [], in_place_only=True)


def _placed_apart(change: Change, rev: Revision, local: bool, at: Loc | None, whole: bool) -> bool:
    """Whether, between two files, a mark outside the change's paragraph may still be its own: a
    renamed section's new title is in its heading, wherever the change is placed, so a mark in
    the section all of whose words the new title holds (`whole`); a block or section the new
    file deleted by a mark has no paragraph there, and a deletion mark covering most of its words
    (the caller's MIN_COVER) is taken."""
    if change.kind == "renamed":
        return local and change.target == "section" and whole
    return change.kind == "removed" and rev.type in DELETING and (local or at is None)


def _mark(rev: Revision) -> tuple[str, str | None, str | None, str]:
    return rev.type, rev.author, rev.date, rev.text


def _attribute(changes: list[Change], new_side: list[Revision], old_side: list[Revision],
               in_place_only: bool = False) -> None:
    """Match each change to the revisions recorded with the new document's sections (`new_side`)
    and with the old one's (`old_side`); with `in_place_only` (two files, where an edit made
    without a mark is common), only to a revision in the change's own paragraph or cell, or
    for a renamed section in that section."""
    revisions = [(r, _terms(r.text), r.section, None) for r in new_side] + [
        (r, _terms(r.text), None, r.section) for r in old_side
    ]
    if not revisions:
        return
    for change in changes:
        inserted_text, deleted_text = _changed_text(change)
        inserted, deleted = _terms(inserted_text), _terms(deleted_text)
        best: tuple[float, Revision] | None = None
        fallback: tuple[float, Revision] | None = None
        in_place: list[Revision] = []
        for rev, rev_words, new_section, old_section in revisions:
            local = (new_section is not None and new_section == change.section_new) or (
                old_section is not None and old_section == change.section_old
            )
            score = _cover(rev, rev_words, inserted, deleted)
            at = change.loc_new if new_section is not None else change.loc_old
            covered = score >= MIN_COVER
            if score <= 0 and local and at in (None, rev.loc):
                score = _piece_cover(rev, inserted_text, deleted_text)
                covered = score > 0
            own_paragraph = local and at is not None and at == rev.loc
            if score <= 0 or (in_place_only and not (own_paragraph or _placed_apart(change, rev, local, at, score >= 1.0))):
                continue
            if own_paragraph:
                if covered:
                    in_place.append(rev)
                score += IN_PLACE  # in the change's own paragraph (or cell)
            if local and (best is None or score > best[0]):
                best = (score, rev)
            elif not local and score >= MIN_COVER and (fallback is None or score > fallback[0]):
                fallback = (score, rev)
        chosen = best or fallback
        if chosen is not None:
            change.author = chosen[1].author
            change.date = chosen[1].date
            change.co_authors = list(dict.fromkeys(
                r.author for r in in_place if r.author is not None and r.author != change.author))
