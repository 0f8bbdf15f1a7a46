"""The ZIP package of a .docx: relationship-resolved part names and safe parsing of each part."""

from __future__ import annotations

import io
import lzma
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import NoReturn

from lxml import etree

from ...errors import InputError
from ...limits import MB, current, megabytes, over
from .. import OLE_MAGIC
from ..xmlsafe import parse_xml
from .ooxml import REL, STRICT_W_NS, W_NS

CHUNK = 1 << 20
# What reading a damaged ZIP member can raise: a corrupt deflate, bzip2 or LZMA stream included.
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, NotImplementedError, EOFError,
              zlib.error, lzma.LZMAError)


@dataclass
class Parts:
    document: etree._Element
    styles: etree._Element | None
    numbering: etree._Element | None
    footnotes: etree._Element | None
    endnotes: etree._Element | None
    targets: dict[str, str] = field(default_factory=dict)
    package: "Package | None" = None

    def target_bytes(self, rid: str) -> bytes | None:
        """The bytes of the part the main document's relationship `rid` points to."""
        name = self.targets.get(rid)
        return self.package.read(name) if name is not None and self.package is not None else None


def check_container(path: str, data: bytes) -> NoReturn:
    """Raise the right InputError for bytes that are not a ZIP package."""
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise InputError(path, "password-protected (encrypted) Word document; remove the password and save again")
        raise InputError(path, "legacy Word 97-2003 .doc is not supported; save as .docx")
    raise InputError(path, "not a Word .docx file (not a ZIP package)")


class Package:
    """The ZIP package: relationship-resolved part names and safe parsing of each part."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.limits = current()
        self.total = 0
        if not data.startswith(b"PK"):
            check_container(path, data)
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
        return b"".join(chunks)

    def _check(self, part: str, size: int, declared: bool = False) -> None:
        """InputError when `size` bytes of `part` break the per-part or the whole-package limit."""
        said = "declares" if declared else "decompresses to more than"
        if size > self.limits.part_mb * MB:
            raise InputError(self.path, over("part_mb", f"part {part} {said} {megabytes(size)}", self.limits.part_mb))
        if self.total + size > self.limits.docx_mb * MB:
            raise InputError(self.path, over("docx_mb", f"the parts read {said} {megabytes(self.total + size)} in all"
                                             f" (at {part})", self.limits.docx_mb))

    def xml(self, name: str) -> etree._Element | None:
        data = self.read(name)
        if data is None:
            return None
        if STRICT_W_NS in data:
            data = data.replace(STRICT_W_NS, W_NS.encode())
        return parse_xml(data, self.path, name)

    def relationships(self, part: str) -> dict[str, str]:
        """Relationship type suffix (e.g. 'footnotes') -> target part name, for `part`."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, str] = {}
        if root is None:
            return out
        for rel in root.iter(REL + "Relationship"):
            target, kind = rel.get("Target"), rel.get("Type", "")
            if not target or rel.get("TargetMode") == "External":
                continue
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out.setdefault(kind.rsplit("/", 1)[-1], name)
        return out

    def parts(self) -> Parts:
        main = self.relationships("").get("officeDocument", "word/document.xml")
        document = self.xml(main)
        if document is None and main != "word/document.xml":
            main = "word/document.xml"
            document = self.xml(main)
        if document is None:
            raise InputError(self.path, "ZIP package has no word/document.xml (not a Word document)")
        rels = self.relationships(main)
        folder = posixpath.dirname(main)

        def part(kind: str) -> etree._Element | None:
            return self.xml(rels.get(kind, posixpath.join(folder, kind + ".xml")))

        return Parts(document, part("styles"), part("numbering"), part("footnotes"), part("endnotes"),
                     self.targets(main), self)

    def targets(self, part: str) -> dict[str, str]:
        """Relationship id -> internal target part name, for `part`."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, str] = {}
        for rel in root.iter(REL + "Relationship") if root is not None else ():
            target = rel.get("Target")
            if target and rel.get("TargetMode") != "External":
                out[rel.get("Id", "")] = (target.lstrip("/") if target.startswith("/")
                                          else posixpath.normpath(posixpath.join(folder, target)))
        return out

