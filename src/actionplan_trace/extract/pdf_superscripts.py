"""Raised digits a PDF line sets after its text that no note takes: kept in the text as superscripts.

The line builder reads a small raised digit or note sign glued to a word off its line as a
footnote's reference mark (pdf._make_line), since a .docx reading has no such mark in its text.
A mark is a note's (`note_marks`) when a note of its page or an end note carries its label, or,
on a page that prints no note, when it carries on the document's note numbers (notes 1-4 read,
then marks 5, 6, 7 on a page whose notes were not printed). Any other marks no note: it is an
exponent ("10⁹", "km²", "2¹⁰") and goes back where it stood, its digits as superscript
characters, as the .docx reader writes a superscript run's digits (text_patterns.RAISED_DIGITS),
so that `diff X.docx X.pdf` sees the same text.
"""

from __future__ import annotations

from typing import Collection, Container, Iterable

from ..text_patterns import RAISED_DIGITS


def keep_unnoted(text: str, marks: list[str], offsets: list[int],
                 noted: Container[str]) -> tuple[str, list[str], list[int]]:
    """`text` with each of `marks` (set at `offsets` of it) that `noted` does not hold put back
    at its place as superscript; with the marks that stay notes' marks and their offsets, which
    move by the length of those put back before them."""
    out: list[str] = []
    kept: list[str] = []
    kept_at: list[int] = []
    done = 0  # how much of `text` is in `out`
    for mark, at in zip(marks, offsets):
        at = min(at, len(text))
        out.append(text[done:at])
        done = at
        if mark in noted:
            kept.append(mark)
            kept_at.append(sum(map(len, out)))
        else:
            out.append(mark.translate(RAISED_DIGITS))
    out.append(text[done:])
    return "".join(out), kept, kept_at


def note_marks(pages: Iterable[tuple[Collection[str], Collection[str]]], ends: Collection[str]) -> list[set[str]]:
    """For each page, given as (the labels of its notes, its marks in reading order), the labels
    its marks may carry as notes' marks: its notes' and the end notes' labels, and on a page with
    no notes, the run of its numbered marks that goes on from the last note number read
    (last + 1, last + 2, …)."""
    out: list[set[str]] = []
    last = 0  # the highest note number read so far
    for labels, marks in pages:
        found = set(labels) | set(ends)
        if not labels:
            for number in sorted({int(m) for m in marks if m.isdigit() and m not in found}):
                if number != last + 1:
                    break
                found.add(str(number))
                last = number
        last = max([last, *(int(label) for label in labels if label.isdigit())])
        out.append(found)
    return out
