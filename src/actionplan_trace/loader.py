"""From a path to a structured `Document`: extract the flat blocks, pick a profile, build the tree.

This is the top of the file → model layer; every later layer (refs, diff, validate) and the
application layer call `load`, never the package root.
"""

from __future__ import annotations

from .files import PathArg, as_path
from .model import Block, Cell, Document, View
from .profiles import Profile, detect_profile, get_profile
from .text_patterns import numbered


def load(path: PathArg, profile: str | Profile | None = None, view: View = "accepted", *,
         digest: bool = True) -> Document:
    """Read `path` (files.as_path: str, bytes or os.PathLike) and structure it with `profile` (a
    name, a YAML path, a Profile, or None to detect one); `digest=False` leaves `source.sha256`
    None (see extract.read)."""
    from .extract import read
    from .structure import build

    raw = read(as_path(path), view=view, digest=digest)
    if profile is None:
        chosen = detect_profile(_body_texts(raw.blocks[:4000]))
    elif isinstance(profile, str):
        chosen = get_profile(profile)
    else:
        chosen = profile
    return build(raw, chosen)


def _body_texts(blocks: list[Block], out: list[str] | None = None) -> list[str]:
    """The texts detection reads: of every block but a table, each with a list label of words as
    the reader sees it (Word's own "Objective %1 –" labels: `numbered`), and of the paragraphs a
    one-column table holds (Block.flow), which may be a box round an output whose heading
    detection needs, or the one-cell rows of another table (Block.row_flows: boxes joined to it),
    and the first cell of each data row of any other table. Added to `out` when given (a box's
    texts to the document's): one list, filled block by block, costs a third of what a generator
    yielding each text costs, on a document of thousands of short paragraphs."""
    if out is None:
        out = []
    add = out.append
    for block in blocks:
        if block.type != "table":
            # a label of words ("Objective 1 –") says what the paragraph is; one of figures ("1.")
            # would only hide the words a pattern opens with ("1. Objective 1 – …")
            label = block.label
            worded = label is not None and label.lower() != label.upper()  # cased letters
            add((numbered(label, block.text) or block.text) if worded else block.text)
        elif block.flow:
            _body_texts(block.flow, out)  # a box inside a box too
        elif block.row_flows:
            for row_flow in block.row_flows:
                _body_texts(row_flow or [], out)
        elif block.rows:
            _table_texts(block.rows, out)
    return out


def _table_texts(rows: list[list[Cell]], out: list[str]) -> None:
    """What detection reads of a table, added to `out`: its header row's cells ("WSIS Outcomes",
    which names a roadmap's table), its key column (a report may give its targets as rows,
    "Target 1.1: …"), and the paragraphs of its other cells (a Region table's "AFR1: …")."""
    out.extend([cell.text for cell in rows[0]])
    for row in rows[1:]:
        if row:
            out.append(row[0].text)
            for cell in row[1:]:
                out.extend(cell.paragraphs)
