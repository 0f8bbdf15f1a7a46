"""Extractors: one module per input format, each returning a `RawDocument` of flat blocks.

Every extractor has one signature, `Extractor`: `(data, source) -> RawDocument`, where `data` is
the file's bytes and `source` the `Source` already filled in by `file_source` (path, format, hash,
view); an extractor only adds what it learns while reading (page count, decoding notes).
`read` picks the extractor from the file's content (magic bytes) and name through the one table
`EXTRACTORS`, and turns every failure to read into an `InputError` naming the file.
"""

from __future__ import annotations

import importlib
import os
import stat
from pathlib import Path
from typing import Callable

from ..digest import sha256
from ..limits import MB, current, megabytes, over
from ..errors import InputError, LimitError
from ..files import KERNEL_FILE, file_kind, kernel_file, open_nonblocking, read_bounded
from ..model import RawDocument, Source, SourceFormat, View

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}
VIEWS = ("accepted", "original")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Document formats trace cannot read, by suffix: named in one message wherever one is met.
UNSUPPORTED = {".doc": "Word 97-2003", ".dot": "Word 97-2003 template", ".rtf": "RTF", ".odt": "OpenDocument",
               ".wpd": "WordPerfect", ".pages": "Pages", ".xls": "Excel", ".xlsx": "Excel", ".ppt": "PowerPoint",
               ".pptx": "PowerPoint"}


def unsupported(suffix: str, kind: str | None = None) -> str:
    """Why a file of a format in UNSUPPORTED (or legacy Word data under any name; `kind` when its
    content, not its suffix, tells the format) is not read."""
    named = kind or UNSUPPORTED.get(suffix, "Word 97-2003")
    return f"{named} files ({suffix or '.doc'}) cannot be read: save as .docx or .pdf"

Extractor = Callable[[bytes, Source], RawDocument]
# format -> (module under extract/, its extractor function, the size limit its input is read under);
# modules are imported on first use so start-up does not load lxml/pypdfium2 it will not need.
EXTRACTORS: dict[SourceFormat, tuple[str, str, str]] = {
    "docx": ("docx", "extract_docx", "file_mb"),
    "pdf": ("pdf", "extract_pdf", "file_mb"),
    "text": ("text", "extract_text", "text_mb"),
}


def sniff_format(path: Path, head: bytes) -> SourceFormat:
    """'docx', 'pdf' or 'text' from the first bytes and the suffix; InputError for anything else."""
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if suffix in (".docx", ".docm", ".dotx", ""):
            return "docx"
        import zipfile  # a ZIP under another name is rare; a text run never imports zipfile

        if zipfile.is_zipfile(path):
            return "docx"
    if head.startswith(OLE_MAGIC):
        if suffix in (".doc", ".dot"):
            raise InputError(str(path), unsupported(suffix))
        return "docx"
    if suffix in (".docx", ".docm", ".dotx"):
        raise InputError(str(path), _placeholder(path, head) or "not a Word .docx file (not a ZIP package)")
    if suffix == ".pdf":
        raise InputError(str(path), _placeholder(path, head) or "not a PDF file (no %PDF header)")
    if suffix in UNSUPPORTED:
        raise InputError(str(path), unsupported(suffix))
    if suffix in TEXT_SUFFIXES:
        return "text"
    raise InputError(str(path), f"unsupported file type {suffix or '(no extension)'!r}; expected .docx, .pdf, .txt, .md or .html")


LFS_POINTER = b"version https://git-lfs.github.com/spec/"


def _placeholder(path: Path, head: bytes) -> str | None:
    """What stands in a .docx's or PDF's place, when it is a known stand-in: an empty file, or
    the pointer Git LFS leaves where a checkout did not fetch the file (a CI checkout without
    LFS turns every plan into one)."""
    if not head:
        return "empty file (0 bytes)"
    if head.startswith(LFS_POINTER[:8]) and read_bytes(path, limit=len(LFS_POINTER)) == LFS_POINTER:
        return "a Git LFS pointer, not the file: fetch it (git lfs pull; in CI, check out with LFS)"
    return None


def read_bytes(path: Path, limit: int | None = None, cap: str = "file_mb") -> bytes:
    """The file's bytes (the first `limit` of them, if given), or an InputError saying why not.

    Only regular files are read: a FIFO would block and a device (/dev/zero, or a link to one)
    never ends, so the file type is checked before opening and again on the open descriptor,
    which is opened without blocking; a /proc or /sys file (`/proc/kmsg` waits for the kernel's
    next message) is refused too (files.kernel_file).
    A file larger than the limit `cap` (see limits.py) is refused before it is read.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    _require_regular(path, info)
    allowed = getattr(current(), cap)
    maximum = int(allowed * MB)
    data: bytes | None
    try:
        with open_nonblocking(path) as handle:
            info = os.fstat(handle.fileno())
            _require_regular(path, info)
            if limit is not None:
                data = handle.read(limit)
            elif info.st_size > maximum:
                raise LimitError(str(path), over(cap, f"the file is {megabytes(info.st_size)}", allowed))
            else:
                data = read_bounded(handle, info.st_size, maximum)
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    if data is None:  # a read that would block: nothing a document file does
        raise InputError(str(path), "cannot read: the file cannot be read without waiting")
    if limit is not None:
        return data
    if len(data) > maximum:
        raise LimitError(str(path), over(cap, "the file grew while it was read", allowed))
    return data


def _require_regular(path: Path, info: os.stat_result) -> None:
    """InputError unless `info` is a regular file's (a directory, FIFO, device, socket or /proc or
    /sys file is named)."""
    mode = info.st_mode
    if stat.S_ISREG(mode):
        if kernel_file(path, info):
            raise InputError(str(path), f"is {KERNEL_FILE}, not a document file; only regular files are read")
        return
    if stat.S_ISDIR(mode):
        raise InputError(str(path), "is a directory, not a document")
    raise InputError(str(path), f"is {file_kind(mode)}, not a document file; only regular files are read")


def file_source(path: str | Path, fmt: SourceFormat, view: View = "accepted", *,
                digest: bool = True) -> tuple[bytes, Source]:
    """The bytes of the `fmt` file at `path` (read under that format's size limit) and its Source;
    `digest=False` leaves the Source's sha256 None (see `read`)."""
    path = Path(path)
    data = read_bytes(path, cap=EXTRACTORS[fmt][2])
    return data, Source(path=str(path), format=fmt, sha256=sha256(data).hexdigest() if digest else None, view=view)


def extractor(fmt: SourceFormat) -> Extractor:
    """The extractor function for `fmt` (see EXTRACTORS)."""
    module, name, _ = EXTRACTORS[fmt]
    function: Extractor = getattr(importlib.import_module(f".{module}", __name__), name)
    return function


def read(path: str | Path, view: View = "accepted", *, digest: bool = True) -> RawDocument:
    """Read any supported file into a RawDocument; `view` chooses accepted or original revisions.

    Only the first bytes are read to pick the extractor; then the file is read once, its Source
    filled in here, and the format's extractor called with both. `digest=False` leaves
    `Source.sha256` None, for a caller whose output never shows it (reference reports): the
    interpreter's sha256 costs a 1 MB text about as much as parsing its references' ids.
    """
    path = Path(path)
    if view not in VIEWS:
        raise InputError(str(path), f"unknown view {view!r} (accepted or original)")
    fmt = sniff_format(path, read_bytes(path, limit=8))
    data, source = file_source(path, fmt, view, digest=digest)
    return extractor(fmt)(data, source)
