"""The ZIP package of a .docx: relationship-resolved part names and safe parsing of each part."""

from __future__ import annotations

import io
import lzma
import posixpath
import struct
import zipfile
import zlib
from typing import NoReturn

from lxml import etree

from ...errors import InputError, LimitError
from ...limits import MB, current, megabytes, over
from ...record import field, record
from .. import OLE_MAGIC, UNSUPPORTED, unsupported
from ..xmlsafe import parse_xml
from .ooxml import REL, STRICT_W_NS, W_NS
from .styles import Styles, read_styles

CHUNK = 1 << 20
ODF_MIMETYPE = b"application/vnd.oasis.opendocument."
"""How the `mimetype` entry of an OpenDocument package (.odt, .ods, .odp) begins."""
# What reading a damaged ZIP member can raise: a corrupt deflate, bzip2 or LZMA stream included.
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, NotImplementedError, EOFError,
              zlib.error, lzma.LZMAError)


@record
class Parts:
    """The parts of a package the reader needs: the main document, its style table, numbering and
    notes (parsed), and the targets of the main document's relationships."""

    document: etree._Element
    styles: Styles
    numbering: etree._Element | None
    footnotes: etree._Element | None
    endnotes: etree._Element | None
    targets: dict[str, str] = field(default_factory=dict)
    package: "Package | None" = None
    links: dict[str, str] = field(default_factory=dict)  # the main document's hyperlink ids → their URLs


    def target_bytes(self, rid: str) -> bytes | None:
        """The bytes of the part the main document's relationship `rid` points to."""
        name = self.targets.get(rid)
        return self.package.read(name) if name is not None and self.package is not None else None

    def target_type(self, rid: str) -> str | None:
        """The content type of the part the main document's relationship `rid` points to."""
        name = self.targets.get(rid)
        return self.package.content_type(name) if name is not None and self.package is not None else None


def check_container(path: str, data: bytes) -> NoReturn:
    """Raise the right InputError for bytes that are not a ZIP package."""
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(path, "password-protected (encrypted) Word document; remove the password and save again")
        raise InputError(path, "a legacy Word 97-2003 document, not a .docx; save as .docx or .pdf")
    raise InputError(path, "not a Word .docx file (not a ZIP package)")


def directory_size(data: bytes) -> int | None:
    """The size in bytes a ZIP file's end records declare for its central directory, found as
    zipfile finds them (its own `_EndRecData`: the classic record, with or without a comment, and
    the zip64 record beside it), None when there is none. zipfile reads that many bytes and makes
    an object of each entry in them, some 600 bytes an entry: a 165 MB file of 3 million entries
    took 1.8 GB before a part was read. A Word document's directory is a few KB, and is held to
    the limit of one part. (Found another way, a zip64 record or a signature in the record's own
    fields told a smaller size than zipfile then read.)"""
    try:
        record = zipfile._EndRecData(io.BytesIO(data))  # type: ignore[attr-defined]
    except (OSError, ValueError, struct.error, zipfile.BadZipFile):
        return None
    return None if record is None else int(record[zipfile._ECD_SIZE])  # type: ignore[attr-defined]


TAGS_PER_MB = 125_000
"""The most XML tags (counted as their "<") the parts of a .docx read may hold, a MB of
Limits.docx_mb: one every 8 bytes, where Word writes one every 17 to 40 and LibreOffice one every
14. lxml makes a node of every element, some 280 bytes: 32 MB of `<w:p/>` in two parts took
820 MB and 18 s."""


class Package:
    """The ZIP package: relationship-resolved part names and safe parsing of each part."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.limits = current()
        self.total = 0
        self.tags = 0  # the "<" of the parts read so far: XML tags, TAGS_PER_MB a MB of Limits.docx_mb at most
        if not data.startswith(b"PK"):
            check_container(path, data)
        directory = directory_size(data)
        if directory is not None and directory > self.limits.part_mb * MB:
            raise LimitError(path, over("part_mb", f"the ZIP directory declares {megabytes(directory)}",
                                        self.limits.part_mb))
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except ZIP_ERRORS:
            check_container(path, data)
        self.names = {info.filename.lower(): info for info in self.zip.infolist()}

    def read(self, name: str) -> bytes | None:
        """The decompressed bytes of part `name` (None when absent), within the part and total limits.

        The sizes the ZIP directory declares are checked first, and the part is then decompressed
        in chunks with a running count, so a ZIP bomb (or a part lying about its size) stops at
        the limit instead of filling memory.
        """
        info = self.names.get(name.lstrip("/").lower())
        if info is None:
            return None
        part_cap, total_cap = int(self.limits.part_mb * MB), int(self.limits.docx_mb * MB)
        if info.flag_bits & 0x1:  # (Word never encrypts a part so: its encryption wraps the whole file, check_container)
            raise InputError(self.path, f"part {info.filename} is encrypted (a password-protected ZIP entry): cannot read it")
        self._check(info.filename, info.file_size, declared=True)
        chunks: list[bytes] = []
        size = 0
        try:
            with self.zip.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    size += len(chunk)
                    if size > part_cap or self.total + size > total_cap:
                        self._check(info.filename, size)
                    chunks.append(chunk)
        except ZIP_ERRORS as exc:
            raise InputError(self.path, f"damaged ZIP package: cannot read {info.filename} ({exc})") from None
        self.total += size
        data = b"".join(chunks)
        self.tags += data.count(b"<")
        if self.tags > (most := int(self.limits.docx_mb * TAGS_PER_MB)):
            raise LimitError(self.path, over("docx_mb", f"the parts read hold more than {most:,} XML tags (at"
                                                        f" {info.filename}), one every {MB // TAGS_PER_MB} bytes of"
                                                        " the limit", self.limits.docx_mb))
        return data

    def _check(self, part: str, size: int, declared: bool = False) -> None:
        """InputError when `size` bytes of `part` break the per-part or the whole-package limit."""
        if size > self.limits.part_mb * MB:
            said = "declares" if declared else "decompresses to more than"
            raise LimitError(self.path, over("part_mb", f"part {part} {said} {megabytes(size)}", self.limits.part_mb))
        if self.total + size > self.limits.docx_mb * MB:
            said = "declare" if declared else "decompress to more than"
            raise LimitError(self.path, over("docx_mb", f"the parts read {said} {megabytes(self.total + size)} in all"
                                             f" (at {part})", self.limits.docx_mb))

    def data(self, name: str) -> bytes | None:
        """The bytes of part `name` (None when absent), Strict OOXML's namespace read as the usual one."""
        data = self.read(name)
        if data is not None and STRICT_W_NS in data:
            data = data.replace(STRICT_W_NS, W_NS.encode())
        return data

    def xml(self, name: str) -> etree._Element | None:
        data = self.data(name)
        return parse_xml(data, self.path, name) if data is not None else None

    def content_type(self, name: str) -> str | None:
        """The content type [Content_Types].xml gives part `name`: its Override, else the Default
        of its extension (None when it gives none)."""
        root = self.xml("[Content_Types].xml")
        if root is None:
            return None
        wanted = "/" + name.lstrip("/").lower()
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else None
        default = None
        for el in root:
            tag = etree.QName(el).localname if isinstance(el.tag, str) else ""
            if tag == "Override" and (el.get("PartName") or "").lower() == wanted:
                return el.get("ContentType")
            if tag == "Default" and (el.get("Extension") or "").lower() == extension:
                default = el.get("ContentType")
        return default

    def _not_word(self) -> str:
        """Why a ZIP package without a Word main document is not read: an OpenDocument file (its
        `mimetype` entry says so, whatever its name) or one of UNSUPPORTED's formats by its suffix
        (an .xlsx) gets the message those formats get when named ("save as .docx or .pdf")."""
        suffix = posixpath.splitext(self.path)[1].lower()
        mimetype = self.read("mimetype") if "mimetype" in self.names else None
        if mimetype is not None and mimetype.strip().startswith(ODF_MIMETYPE):
            return unsupported(suffix if suffix.startswith(".od") else ".odt", "OpenDocument")
        if suffix in UNSUPPORTED:
            return unsupported(suffix)
        return "ZIP package has no word/document.xml (not a Word document)"

    def relationships(self, part: str) -> list[tuple[str, str, str]]:
        """(id, type suffix such as 'footnotes', target part name) of each internal relationship of `part`."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: list[tuple[str, str, str]] = []
        for rel in root.iter(REL + "Relationship") if root is not None else ():
            target = rel.get("Target")
            if not target or rel.get("TargetMode") == "External":
                continue
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out.append((rel.get("Id", ""), rel.get("Type", "").rsplit("/", 1)[-1], name))
        return out

    def hyperlinks(self, part: str) -> dict[str, str]:
        """The targets of `part`'s hyperlink relationships by id, as written (a URL, or a file)."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        return {rel.get("Id", ""): rel.get("Target", "") for rel in (root.iter(REL + "Relationship") if root is not None else ())
                if rel.get("Type", "").endswith("/hyperlink")}

    def parts(self) -> Parts:
        main = next((target for _id, kind, target in self.relationships("") if kind == "officeDocument"),
                    "word/document.xml")
        document = self.xml(main)
        if document is None and main != "word/document.xml":
            main = "word/document.xml"
            document = self.xml(main)
        if document is None:
            raise InputError(self.path, self._not_word())
        relationships = self.relationships(main)
        by_kind = {kind: target for _id, kind, target in reversed(relationships)}  # the first of each kind
        folder = posixpath.dirname(main)

        def name(kind: str) -> str:
            return by_kind.get(kind, posixpath.join(folder, kind + ".xml"))

        styles = read_styles(self.data(name("styles")), self.path, name("styles"))
        return Parts(document, styles, self.xml(name("numbering")), self.xml(name("footnotes")),
                     self.xml(name("endnotes")), {rid: target for rid, _kind, target in relationships}, self,
                     self.hyperlinks(main))
