"""Extractors: one module per input format, each returning a `RawDocument` of flat blocks.

`read` picks the extractor from the file's content (magic bytes) and name, and turns every
failure to read into an `InputError` naming the file.
"""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from ..errors import InputError
from ..model import RawDocument, Source

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}
VIEWS = ("accepted", "original")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff_format(path: Path, head: bytes) -> str:
    """'docx', 'pdf' or 'text' from the first bytes and the suffix; InputError for anything else."""
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if suffix in (".docx", ".docm", ".dotx", "") or zipfile.is_zipfile(path):
            return "docx"
    if head.startswith(OLE_MAGIC):
        if suffix in (".doc", ".dot"):
            raise InputError(str(path), "legacy Word 97-2003 .doc is not supported; save it as .docx")
        return "docx"
    if suffix in (".docx", ".docm", ".dotx"):
        raise InputError(str(path), "not a Word .docx file (not a ZIP package)")
    if suffix == ".pdf":
        raise InputError(str(path), "not a PDF file (no %PDF header)")
    if suffix in (".doc", ".dot"):
        raise InputError(str(path), "legacy Word 97-2003 .doc is not supported; save it as .docx")
    if suffix in TEXT_SUFFIXES:
        return "text"
    raise InputError(str(path), f"unsupported file type {suffix or '(no extension)'!r}; expected .docx, .pdf, .txt, .md or .html")


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes (the first `limit` of them, if given), or an InputError saying why not."""
    if not path.exists():
        raise InputError(str(path), "no such file")
    if path.is_dir():
        raise InputError(str(path), "is a directory, not a document")
    try:
        if limit is None:
            return path.read_bytes()
        with path.open("rb") as handle:
            return handle.read(limit)
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc


def read(path: str | Path, view: str = "accepted") -> RawDocument:
    """Read any supported file into a RawDocument; `view` chooses accepted or original revisions.

    Only the first bytes are read here, to pick the extractor; each extractor reads the file
    once and fills in the Source (hash, format, view, pages) itself.
    """
    path = Path(path)
    if view not in VIEWS:
        raise InputError(str(path), f"unknown view {view!r} (accepted or original)")
    fmt = sniff_format(path, read_bytes(path, limit=8))
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(path, view=view)
    if fmt == "pdf":
        from .pdf import read_pdf

        return read_pdf(path)
    from .text import read_text

    data = read_bytes(path)
    source = Source(path=str(path), format="text", sha256=hashlib.sha256(data).hexdigest(), view=view)
    return read_text(path, source, data)
