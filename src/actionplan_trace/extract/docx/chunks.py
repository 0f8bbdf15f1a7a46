"""Imported content (`w:altChunk`): a part Word merges into the document where the element stands.

Word reads the part (HTML, plain text, RTF, MHT or another .docx) when it opens the file and shows
its content there; the package keeps only the part. An HTML or plain-text part is read here as the
HTML and text readers read a file, and a .docx part by a reader of its own (reader.docx_chunk),
its blocks placed at the chunk; any other kind (RTF, MHT), or a chunk whose part is missing, is
reported (`Source.warnings` and a `trace: warning:` line), because its text is missing from what
is read.
"""

from __future__ import annotations

from ...record import replace
from pathlib import Path

from ...errors import InputError
from ...limits import MB, current, megabytes, over
from ...model import Block, Loc

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
# The kind of an imported part by its extension, where [Content_Types].xml names none.
DOCX_TYPES = frozenset({
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroenabled.12",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
    "application/vnd.ms-word.template.macroenabled.12",
})
EXTENSION_TYPES = {"html": "text/html", "htm": "text/html", "xhtml": "application/xhtml+xml", "txt": "text/plain",
                   "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                   "docm": "application/vnd.ms-word.document.macroenabled.12"}


def chunk_kind(part: str, kind: str | None) -> str | None:
    """The content type of an imported part: what [Content_Types].xml says (`kind`), else what
    its extension does."""
    return (kind or "").split(";")[0].strip().lower() or EXTENSION_TYPES.get(part.rsplit(".", 1)[-1].lower())


def is_docx_chunk(part: str, kind: str | None) -> bool:
    """Whether an imported part is a whole Word package (read by reader.docx_chunk)."""
    return chunk_kind(part, kind) in DOCX_TYPES


def chunk_blocks(path: str, part: str, kind: str | None, data: bytes,
                 loc: Loc) -> tuple[list[Block], list[Block], list[str]]:
    """The blocks and the footnotes of the imported part `part` (its bytes `data`, its content
    type `kind`), each at `loc`, and the notes on what could not be read (a kind other than HTML or
    plain text, repaired bytes, HTML lxml cannot parse, a part over the limits a text or HTML
    file is held to: a part may be 16 MB, and 15 MB of `x` lines took 2.2 GB, of `<p>a` 1.1 GB)."""
    from ..decoding import decode_text

    kind = chunk_kind(part, kind)
    if kind not in HTML_TYPES and kind not in TEXT_TYPES:
        return [], [], [f"imported content {part} ({kind or 'unknown type'}, w:altChunk) is not read: its text is missing"]
    limits = current()
    if len(data) > limits.text_mb * MB:
        return [], [], [_not_read(part, over("text_mb", f"it is {megabytes(len(data))}", limits.text_mb))]
    where = Path(f"{path} ({part})")
    notes: list[str] = []
    try:  # an unreadable part is a note, not the end of the document: its text alone is missing
        text, repaired = decode_text(where, data)
        notes.extend(repaired)
        if kind in TEXT_TYPES:
            lines = text.splitlines()
            if len(lines) > limits.text_lines:
                return [], [], [*notes, _not_read(part, over("text_lines", f"it has {len(lines):,} lines", limits.text_lines))]
            return [Block("paragraph", line.strip(), loc) for line in lines if line.strip()], [], notes
        from ..html import read_html  # lxml.html, only for a document with an HTML chunk

        blocks, footnotes = read_html(where, text)
    except InputError as exc:
        return [], [], [*notes, _not_read(part, exc.problem)]
    return [placed(block, loc) for block in blocks], [placed(note, loc) for note in footnotes], list(notes)


def _not_read(part: str, why: str) -> str:
    """The note on an imported part that is not read, and why."""
    return f"imported content {part} (w:altChunk) is not read: {why}"


def placed(block: Block, loc: Loc) -> Block:
    """`block` and its cells at the chunk's `loc` (the part's reader placed them in the part)."""
    rows = None if block.rows is None else [
        [replace(cell, loc=replace(loc, row=r, col=c)) for c, cell in enumerate(row)] for r, row in enumerate(block.rows)]
    return replace(block, loc=loc, rows=rows, seq=None)  # its paragraphs are counted in the part
