"""What the diff renderers share: grouping changes by section path, trimming unchanged context."""

from __future__ import annotations

from pathlib import PurePath

from ..diff.changes import Change, DiffResult, summary_line
from ..diff.columns import ColumnKey, column_key, heading_row
from ..diff.words import Op, readable, runs
from ..regexcache import regex
from .escapes import seen

CONTEXT = 60
# How a white-space character inserted or deleted shows, where white space is the change: "␣" for
# a space, its own mark for a tab, a line break or a no-break space (so that one put for another
# reads as a change).
SPACE_MARKS = {"\t": "\u2192", "\n": "\u21b5", "\u00a0": "\u237d"}
SPACE_MARK = "\u2423"
OPENING = "([{“‘«"  # marks a word follows with no space between


def groups(changes: list[Change], cells: dict[int, list[Change]] | None = None) -> list[tuple[list[str], list[Change]]]:
    """Consecutive changes that share a section path, as (path, changes) in report order; the
    cells of a column added or removed whole are left to its heading's change (`cells`, the
    caller's `column_cells(changes)` when it has them)."""
    out: list[tuple[list[str], list[Change]]] = []
    if cells is None:
        cells = column_cells(changes)
    under = {id(cell) for column in cells.values() for cell in column}
    for change in changes:
        if id(change) in under:
            continue
        if out and out[-1][0] == change.path:
            out[-1][1].append(change)
        else:
            out.append((change.path, [change]))
    return out


def column_cells(changes: list[Change]) -> dict[int, list[Change]]:
    """The cells of each column added or removed whole (diff/columns.py) by the id of its heading
    cell's change, which the reports show as the column ("added column “Lead”") with these
    cells' texts under it, each where it is, in place of a change per cell."""
    heads: dict[ColumnKey, Change] = {}
    for change in changes:
        if change.column is not None and heading_row(change) and (key := column_key(change)) is not None:
            heads.setdefault(key, change)
    out: dict[int, list[Change]] = {id(head): [] for head in heads.values()}
    for change in changes:
        if change.column is None or (key := column_key(change)) is None or heads.get(key, change) is change:
            continue
        out[id(heads[key])].append(change)
    return out


def with_cells(heads: list[Change], cells: dict[int, list[Change]]) -> list[Change]:
    """A group's changes with each column's cells after its heading's change: every change of the
    JSON they stand for, as the counts tell them."""
    return [change for head in heads for change in (head, *cells.get(id(head), ()))]


def cell_label(head: Change, cell: Change) -> str:
    """What a cell of a column added or removed whole is told by under the column's change: its
    row ("row 3"), and the section it is in where that is not the column's (a table row read as
    a section: "row 3, Outcome 2.2")."""
    loc = cell.loc_new if cell.kind == "added" else cell.loc_old
    label = f"row {loc.row + 1}" if loc is not None and loc.row is not None else cell.where or "cell"
    if cell.path != head.path and cell.path:
        label += f", {_short_title(cell.path[-1])}"
    return label


def _short_title(title: str) -> str:
    """A numbered section's title by its kind and number ('Outcome 2.2'), else whole."""
    m = NUMBERED.match(title)
    return m.group(1) if m else title


def shown(ops: list[Op], whole: bool = False) -> list[Op]:
    """A word diff as reports show it: white space never marked, long kept stretches elided
    (unless `whole`), tabs after list labels as spaces. When white space is all that changed (a
    change that still shows: a space beside punctuation, "( see"), each white-space character of
    its edits is marked (SPACE_MARKS), or the report would show the change as nothing but "…"; an
    edit of characters that print nothing is shown by their escapes (escapes.seen)."""
    kept = readable(_marked_beside_punctuation(ops))
    if all(op == "=" for op, _ in kept):
        kept = [(op, text if op == "=" else "".join(_space_mark(c) for c in text)) for op, text in ops]
    elif any(op == "=" and text.strip() for op, text in kept):
        # a line break an edit inside kept text takes out or puts in (two paragraphs joined:
        # "use[-;↵•-]{+, and+}") is marked, so the edit stays on one line
        kept = [(op, text if op == "=" else text.replace("\n", SPACE_MARKS["\n"])) for op, text in kept]
    ops = [(op, text.replace("\t", " ") if op == "=" else seen(text.replace("\t", " "))) for op, text in kept]
    return ops if whole else elide(ops)


def _marked_beside_punctuation(ops: list[Op]) -> list[Op]:
    """`ops` with the white space an edit puts in or takes out beside a punctuation mark given its
    marks ("partners{+␣+}, in", "{+members␣+}, in", "(see Annex 1{+␣+})"): left unmarked it would
    read as kept text and show nothing, though a space beside punctuation is a change a report
    shows. Only the white space the two sides of an edit do not share at that end is marked."""
    out: list[Op] = []
    kept_before = ""
    for _, end, deleted, inserted in runs(ops):
        if deleted is None:
            out.append(("=", inserted))
            kept_before = inserted or kept_before
            continue
        if (spacing := _spacing_edits(deleted, inserted) or _spacing_beside_words(deleted, inserted)) is not None:
            out.extend(spacing)
            kept_before = inserted or kept_before
            continue
        following = next((t for o, t in ops[end:] if o == "=" and t), "")
        # Marked only where the two texts differ in spacing there: "broadcasting,{+ improving …,+}
        # bridging" has its space after the comma on both sides (the kept " bridging" is the old
        # one), so the insertion's leading space is no change to show.
        if _punctuation(following[:1]) and _trailing_space(kept_before + deleted) != _trailing_space(kept_before + inserted):
            deleted, inserted = _mark_ends(deleted, inserted, trailing=True)
        # After a closing or separating mark a space before a word is the ordinary one an inserted
        # sentence or phrase brings ("reality.{+ Artificial …+}"): marked only where white space is
        # all the edit changes, or after an opening mark ("({+␣+}see").
        if (_punctuation(kept_before[-1:]) and (kept_before[-1:] in OPENING or not (deleted.strip() or inserted.strip()))
                and _leading_space(deleted + following) != _leading_space(inserted + following)):
            deleted, inserted = _mark_ends(deleted, inserted, trailing=False)
        out.extend((("-", deleted), ("+", inserted)))
    return [(op, text) for op, text in out if text]


def _spacing_edits(deleted: str, inserted: str) -> list[Op] | None:
    """An edit whose two sides hold the same characters but for white space inside them
    ("cables, in" made "cables,in": one word for two, so the word diff replaces both) as the
    characters kept and each gap that changed marked ("cables,[-␣-]in"); None for any other edit.
    White space at the edit's ends reads as the new side's, as `readable` reads it."""
    core_d, core_i = deleted.strip(), inserted.strip()
    if not core_d or core_d == core_i or "".join(core_d.split()) != "".join(core_i.split()):
        return None
    out: list[Op] = [("=", inserted[:len(inserted) - len(inserted.lstrip())])]
    a = b = 0
    while a < len(core_d) or b < len(core_i):
        gap_d = _gap(core_d, a)
        gap_i = _gap(core_i, b)
        a, b = a + len(gap_d), b + len(gap_i)
        if gap_d == gap_i:
            out.append(("=", gap_d + core_d[a:a + 1]))
        else:
            out.extend((("-", "".join(map(_space_mark, gap_d))), ("+", "".join(map(_space_mark, gap_i))),
                        ("=", core_d[a:a + 1])))
        a, b = a + 1, b + 1
    out.append(("=", inserted[len(inserted.rstrip()):]))
    return out


def _spacing_beside_words(deleted: str, inserted: str) -> list[Op] | None:
    """An edit whose two sides start (or end) with the same words but for the white space inside
    them, then differ ("partners, in the" made "partners,in a"): those words with each changed gap
    marked, then the rest an edit ("partners,[-␣-]in [-the-]{+a+}"); None where neither end is so."""
    for flip in (False, True):
        old, new = (deleted[::-1], inserted[::-1]) if flip else (deleted, inserted)
        i, j = _same_words(old, new)
        head = _spacing_edits(old[:i], new[:j]) if i and j else None
        if head is None:
            continue
        rest_old, rest_new = old[i:], new[j:]
        space = rest_old[:min(len(rest_old) - len(rest_old.lstrip()), len(rest_new) - len(rest_new.lstrip()))]
        if not rest_new.startswith(space):
            space = ""
        ops = [*head, ("=", space), ("-", rest_old[len(space):]), ("+", rest_new[len(space):])]
        return [op for op in (_flipped(ops) if flip else ops) if op[1]]
    return None


def _same_words(old: str, new: str) -> tuple[int, int]:
    """How far `old` and `new` hold the same words but for white space, to the end of the last
    such word on each side: (0, 0) when their first words differ."""
    i = j = 0
    last = (0, 0)
    while True:
        if (i == len(old) or old[i].isspace()) and (j == len(new) or new[j].isspace()):
            last = (i, j)
        while i < len(old) and old[i].isspace():
            i += 1
        while j < len(new) and new[j].isspace():
            j += 1
        if i == len(old) or j == len(new) or old[i] != new[j]:
            return last
        i, j = i + 1, j + 1


def _flipped(ops: list[Op]) -> list[Op]:
    """Ops made on reversed texts, read forwards again (a deletion still before its insertion)."""
    out = [(op, text[::-1]) for op, text in reversed(ops)]
    for k in range(len(out) - 1):
        if out[k][0] == "+" and out[k + 1][0] == "-":
            out[k], out[k + 1] = out[k + 1], out[k]
    return out


def _gap(text: str, at: int) -> str:
    """The white space in `text` from `at` on (empty where a character stands there)."""
    end = at
    while end < len(text) and text[end].isspace():
        end += 1
    return text[at:end]


def _punctuation(char: str) -> bool:
    return bool(char) and not char.isalnum() and not char.isspace()


def _leading_space(text: str) -> str:
    return text[:len(text) - len(text.lstrip())]


def _trailing_space(text: str) -> str:
    return text[len(text.rstrip()):]


def _mark_ends(deleted: str, inserted: str, trailing: bool) -> tuple[str, str]:
    """The two sides of an edit with the white space at one end marked where they differ there."""
    end = _trailing_space if trailing else _leading_space
    space_d, space_i = end(deleted), end(inserted)
    if space_d == space_i:
        return deleted, inserted

    def marked(text: str, space: str) -> str:
        signs = "".join(_space_mark(c) for c in space)
        return (text[:len(text) - len(space)] + signs) if trailing else (signs + text[len(space):])

    return marked(deleted, space_d), marked(inserted, space_i)


def _space_mark(char: str) -> str:
    """How `char` shows in an edit of white space alone (see shown)."""
    return SPACE_MARKS.get(char, SPACE_MARK) if char.isspace() else char


LINKED = "@"  # the op of a link's words in `linked`: kept text the reports mark as a link


def linked(change: Change, side: str = "+", whole: bool = False) -> list[Op] | None:
    """The text of a change whose links alone changed (no word: `Change.links_added`, `links_removed`)
    as ops that mark each changed link's words (LINKED) on `side` ("+" NEW's text and its links,
    "-" OLD's), the kept text elided around them unless `whole`; None for any other change, whose
    words show it. Without it such a change showed "…", no word being changed. Elided (the
    excerpt a report shows for the change), a side with no changed link (NEW's, for a link taken
    off) gives way to the other: the words the link was on."""
    if not (change.links_added or change.links_removed) or change.words is None or any(op != "=" for op, _ in change.words):
        return None
    at_new = side == "+"
    if not whole and not change.link_spans[at_new]:
        at_new = not at_new
    text = (change.new if at_new else change.old) or ""
    ops: list[Op] = []
    at = 0
    for start, end in sorted(change.link_spans[at_new]):
        if start < at or end > len(text):
            continue
        ops += [("=", text[at:start]), (LINKED, text[start:end])]
        at = end
    ops.append(("=", text[at:]))
    ops = [(op, part.replace("\t", " ")) for op, part in ops if part]
    return ops if whole else elide(ops)


def elide(ops: list[Op], context: int = CONTEXT) -> list[Op]:
    """The word diff with long unchanged stretches cut to `context` characters around edits."""
    out: list[Op] = []
    last = len(ops) - 1
    for n, (op, text) in enumerate(ops):
        if op != "=" or len(text) <= 2 * context + 1:
            out.append((op, text))
            continue
        head = text[:context].rsplit(" ", 1)[0] + " " if n > 0 else ""
        tail = " " + text[-context:].split(" ", 1)[-1] if n < last else ""
        out.append(("=", f"{head}…{tail}"))
    return out


SECTION_NOUN = {"renamed": "heading", "renumbered": "heading number"}
KIND_NAMES = {"space": "white space"}


def change_title(change: Change) -> str:
    """A short label for a change in the document's words ('modified bullet in indicators column')."""
    if change.target == "section":
        if change.where and change.kind in ("removed", "added"):  # a heading alone (diff/dissolve.py)
            return f"{change.kind} heading, {change.where}"
        if change.where:  # a heading's formatting alone (diff/formats.py)
            return f"restyled heading: {change.where}"
        if change.subsections:  # added (removed) with its subsections: one change
            count = len(change.subsections)
            return f"{change.kind} section with {count} subsection{'s' if count > 1 else ''}"
        return f"{change.kind} {SECTION_NOUN.get(change.kind, 'section')}"
    return f"{change.kind} {change.where or 'paragraph'}"


def kinds_note(change: Change) -> str:
    """'case only', 'white space and numbering only' for a change that changed no word."""
    kinds = [k for k in change.kinds() if k != "space"] or ["space"]
    return " and ".join(KIND_NAMES.get(k, k) for k in kinds) + " only"


def location(change: Change) -> str:
    """Where a change is in the source files: 'paragraph 12', 'page 4 → page 5'."""
    if change.at_old and change.at_new and change.at_old != change.at_new:
        return f"{change.at_old} → {change.at_new}"
    return change.at_new or change.at_old or ""


def notes(change: Change) -> list[str]:
    """What to say beside a change: which kinds of difference only, and who made it when."""
    out = [kinds_note(change)] if change.formatting_only else []
    if change.author or change.date:
        names = ", ".join(a for a in (change.author, *change.co_authors) if a)
        out.append(" ".join(p for p in (names, change.date) if p))
    return out


def refs_note(change: Change) -> str:
    """'refs +WTDC-RES-85 −SDG-9.c ~WTDC-RES-37 (Kigali, 2022 → Baku, 2025)', or '' when the
    change gains, loses and revises no reference."""
    parts = [f"+{r}" for r in change.refs_added] + [f"−{r}" for r in change.refs_removed]
    parts += [f"~{ref_id} ({_revisions(old)} → {_revisions(new)})" for ref_id, old, new in change.refs_revised]
    return f"refs {' '.join(parts)}" if parts else ""


def _revisions(revisions: tuple[str, ...]) -> str:
    """A side's revisions of one reference for the refs note: "Kigali, 2022 and Baku, 2025"."""
    return " and ".join(revisions) or "no revision"


def moved_from(change: Change) -> str:
    """Where a moved change came from: 'from Output 2.2 › Background' (numbered ancestors by
    number, as group headings name them), or for a block that stayed in its section and a section
    that stayed under its parent, that it was reordered there (the places say where). The parent
    is told by its short path, so one renamed in the same revision ("Clause 37 – (Rev. Dubai,
    2014) …" made "(Rev. Kigali, 2022) …") is still the same parent."""
    old = change.path_old
    if old is None or (change.target == "block" and old == change.path):
        return "within its section" if change.target == "block" else ""
    if change.target == "section" and short_path(old)[:-1] == short_path(change.path)[:-1]:
        return f"reordered within {short_path(old)[-2]}" if len(old) > 1 else "reordered at the top level"
    return f"from {path_text(short_path(old))}"


def heading(result: DiffResult, names_only: bool = False) -> str:
    """'old → new' for report titles: the paths as given, or (`names_only`, for the reports
    people share: a page, a pull-request comment) the file names, each with as many of its
    folders as tell the two apart, so no local folder (/home/<user>/Downloads) is published."""
    old, new = result.old.source, result.new.source
    old_path, new_path = (_short_names(old.path, new.path) if names_only else (old.path, new.path))
    if old.path == new.path:
        return f"{old_path} ({old.view} → {new.view})" if old.view != new.view else old_path
    return f"{old_path} → {new_path}"


def _short_names(old: str, new: str) -> tuple[str, str]:
    """The shortest tails of two paths (file name, then parent folders as needed) that differ,
    or the file names when the paths are the same file (or differ nowhere but in the root)."""
    a, b = PurePath(old).parts, PurePath(new).parts
    for n in range(1, max(len(a), len(b)) + 1):
        tail_a, tail_b = "/".join(a[-n:]), "/".join(b[-n:])
        if tail_a != tail_b:
            return tail_a, tail_b
    return PurePath(old).name, PurePath(new).name


def report_summary(result: DiffResult, all_changes: bool) -> str:
    """The one-line summary of a report; says so when a single .docx has no revision marks to diff."""
    line = summary_line(result.summary(all_changes))
    old, new = result.old, result.new
    if old.source.path == new.source.path and old.source.view != new.source.view and not new.revisions:
        line += " (the file has no revision marks)"
    return line


SEPARATOR = " › "
MIN_TITLE = 24
NUMBERED = regex(r"^(\S[^–]*? \d[\w.]*) – ")


def short_path(path: list[str]) -> list[str]:
    """The path with numbered ancestors named by kind and number ('Output 2.1'), the last whole:
    readers know an objective or output by its number, and its full title is on its own group."""
    out = []
    for title in path[:-1]:
        m = NUMBERED.match(title)
        out.append(m.group(1) if m else title)
    return out + path[-1:]


def path_text(path: list[str], width: int | None = None) -> str:
    """A section path on one line of `width` characters: whole when it fits (or no width is set);
    else the longest titles above the last are shortened, never below MIN_TITLE characters, and
    the last one (the section the changes are in) is never cut: the line wraps instead."""
    if not path:
        return "(document)"
    titles = list(path)

    def length() -> int:
        return sum(len(t) for t in titles) + len(SEPARATOR) * (len(titles) - 1)

    while width is not None and length() > width:
        order = sorted(range(len(titles) - 1), key=lambda k: -len(titles[k]))
        k = next((k for k in order if len(titles[k]) > MIN_TITLE), None)
        if k is None:
            break
        cut = max(MIN_TITLE, len(titles[k]) - (length() - width))
        titles[k] = titles[k][: cut - 1].rstrip() + "…"
    return SEPARATOR.join(titles)
