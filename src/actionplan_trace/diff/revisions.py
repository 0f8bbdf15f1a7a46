"""Giving each change of a revision-marked .docx the author and date of its revision marks.

A change is matched to the tracked changes (`Document.revisions`) recorded in its section on
either side, by how many of the revision's words the change inserted or deleted; failing any
in its section, to the best such revision anywhere that the change covers at least half of.
"""

from __future__ import annotations

from collections import Counter

from ..model import Document, Revision
from .changes import Change
from .tokens import tokenize

INSERTING = ("insert", "ins", "move-to", "moveTo")
DELETING = ("delete", "del", "move-from", "moveFrom")
MIN_COVER = 0.5


def _terms(text: str) -> Counter[str]:
    """Case-folded word and punctuation tokens: a revision may be a lone comma."""
    return Counter(t.casefold() for t in tokenize(text) if not t.isspace())


def _changed_words(change: Change) -> tuple[Counter[str], Counter[str]]:
    """Words the change inserted and words it deleted."""
    if change.words is not None:
        inserted = " ".join(t for op, t in change.words if op == "+")
        deleted = " ".join(t for op, t in change.words if op == "-")
    else:
        inserted, deleted = change.new or "", change.old or ""
    return _terms(inserted), _terms(deleted)


def _cover(rev: Revision, rev_words: Counter[str], inserted: Counter[str], deleted: Counter[str]) -> float:
    """Share of the revision's words that the change inserted (or deleted, by its type)."""
    total = sum(rev_words.values())
    if not total:
        return 0.0
    pool = inserted if rev.type in INSERTING else deleted if rev.type in DELETING else inserted + deleted
    return sum((rev_words & pool).values()) / total


def attribute(changes: list[Change], old: Document, new: Document) -> None:
    """Set `author` and `date` on each change from the revision marks it best matches."""
    revisions = [(r, _terms(r.text), r.section, None) for r in new.revisions] + [
        (r, _terms(r.text), None, r.section) for r in old.revisions
    ]
    if not revisions:
        return
    for change in changes:
        inserted, deleted = _changed_words(change)
        best: tuple[float, Revision] | None = None
        fallback: tuple[float, Revision] | None = None
        for rev, rev_words, new_section, old_section in revisions:
            score = _cover(rev, rev_words, inserted, deleted)
            if score <= 0:
                continue
            local = (new_section is not None and new_section == change.section_new) or (
                old_section is not None and old_section == change.section_old
            )
            if local and (best is None or score > best[0]):
                best = (score, rev)
            elif not local and score >= MIN_COVER and (fallback is None or score > fallback[0]):
                fallback = (score, rev)
        chosen = best or fallback
        if chosen is not None:
            change.author = chosen[1].author
            change.date = chosen[1].date
