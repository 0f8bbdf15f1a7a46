"""A .docx package held in memory: its parts as bytes, parsed on demand, written back whole.

The redline is NEW's own package, so every part (styles, numbering, theme, headers, footers,
media, custom XML) is written back byte for byte; only the parts the writer parsed and changed
are serialised again. Parts copied in from OLD (pictures of deleted text) get fresh names and
relationships here.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from datetime import datetime, timezone

from lxml import etree

from ...errors import InputError
from ...extract.docx.package import ZIP_ERRORS
from ...extract.xmlsafe import parse_xml
from ...record import field, record

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
STRICT_W_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
MAX_PART_BYTES = 512 * 1024 * 1024


@record
class Package:
    """The parts of one .docx by name, the parsed ones cached, and its main part's name."""

    path: str
    parts: dict[str, bytes]
    infos: list[zipfile.ZipInfo]
    parsed: dict[str, etree._Element] = field(default_factory=dict)

    @classmethod
    def read(cls, path: str, data: bytes) -> "Package":
        """Open the bytes of a .docx (InputError when it is not a ZIP package)."""
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            infos = archive.infolist()
            if any(info.file_size > MAX_PART_BYTES for info in infos):
                raise InputError(path, "a part of the package is too large")
            parts = {info.filename: archive.read(info) for info in infos}
        except ZIP_ERRORS as exc:
            raise InputError(path, f"damaged ZIP package ({exc})") from None
        return cls(path, parts, infos)

    def xml(self, name: str) -> etree._Element | None:
        """The parsed part `name` (cached, so edits are kept), None when absent."""
        if name not in self.parsed:
            data = self.parts.get(name)
            if data is None:
                return None
            if STRICT_W_NS in data:
                data = data.replace(STRICT_W_NS, W_NS.encode())
            self.parsed[name] = parse_xml(data, self.path, name)
        return self.parsed[name]

    def present_xml(self, name: str) -> etree._Element:
        """The parsed part `name`, which the caller knows is there (a checked main part, a part just added)."""
        root = self.xml(name)
        assert root is not None, f"part {name} is missing"
        return root

    def rels_name(self, part: str) -> str:
        """The name of the relationships part of `part`."""
        folder, base = posixpath.split(part)
        return posixpath.join(folder, "_rels", base + ".rels")

    def rels(self, part: str) -> etree._Element:
        """The relationships root of `part`, created empty when it has none."""
        name = self.rels_name(part)
        root = self.xml(name)
        if root is None:
            root = etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
            self.parsed[name] = root
        return root

    def target(self, part: str, kind: str) -> str | None:
        """The internal part that `part` relates to with relationship type suffix `kind`."""
        for rel in self.rels(part):
            if rel.get("Type", "").rsplit("/", 1)[-1] == kind and rel.get("TargetMode") != "External":
                return self.resolve(part, rel.get("Target", ""))
        return None

    def resolve(self, part: str, target: str) -> str:
        """A relationship target of `part` as a part name."""
        if target.startswith("/"):
            return target.lstrip("/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))

    def main_part(self) -> str:
        """The main document part (word/document.xml unless the package says otherwise)."""
        name = self.target("", "officeDocument")
        return name if name and name in self.parts else "word/document.xml"

    def content_type(self, name: str) -> str | None:
        """The content type of part `name` from [Content_Types].xml."""
        types = self.xml("[Content_Types].xml")
        if types is None:
            return None
        ext = name.rsplit(".", 1)[-1].lower()
        default = None
        for entry in types:
            if entry.get("PartName", "").lstrip("/") == name:
                return entry.get("ContentType")
            if (entry.get("Extension") or "").lower() == ext:
                default = entry.get("ContentType")
        return default

    def add_part(self, name: str, data: bytes, content_type: str | None) -> str:
        """Store a new part under a free name like `name`; returns the name used."""
        stem, dot, ext = name.rpartition(".")
        candidate, n = name, 1
        while candidate in self.parts:
            candidate = f"{stem}-old{n}{dot}{ext}" if dot else f"{name}-old{n}"
            n += 1
        self.parts[candidate] = data
        types = self.xml("[Content_Types].xml")
        if content_type and types is not None and self.content_type(candidate) != content_type:
            override = etree.SubElement(types, f"{{{CT_NS}}}Override")
            override.set("PartName", "/" + candidate)
            override.set("ContentType", content_type)
        return candidate

    def add_rel(self, part: str, kind: str, target: str, external: bool) -> str:
        """A new relationship of `part` (full type URI `kind`); returns its id."""
        root = self.rels(part)
        used = {rel.get("Id") for rel in root}
        n = len(used) + 1
        while f"rIdT{n}" in used:
            n += 1
        rel = etree.SubElement(root, f"{{{REL_NS}}}Relationship")
        rel.set("Id", f"rIdT{n}")
        rel.set("Type", kind)
        if external:
            rel.set("Target", target)
            rel.set("TargetMode", "External")
        else:
            rel.set("Target", posixpath.relpath(target, posixpath.dirname(part) or "."))
        return f"rIdT{n}"

    def save(self, when: datetime) -> bytes:
        """The package as .docx bytes, parsed parts serialised again, the rest as read; each
        member stamped `when` (`stamped`)."""
        for name, root in self.parsed.items():
            self.parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            written = set()
            for info in self.infos:
                if info.filename in self.parts:
                    archive.writestr(stamped(info.filename, when), self.parts[info.filename])
                    written.add(info.filename)
            for name, data in self.parts.items():
                if name not in written:
                    archive.writestr(stamped(name, when), data)
        return out.getvalue()


def mark_time(date: datetime | None = None) -> datetime:
    """A redline's time: `date` (now when None) in UTC, whole seconds, without its zone; what its
    revision marks say (Word writes them so, with a `Z`) and its members are stamped with."""
    return (date or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0, tzinfo=None)


def stamped(name: str, when: datetime) -> zipfile.ZipInfo:
    """A package member dated `when` (1980 at the earliest, where ZIP time begins), not by the
    clock: the same diff with the same `--date` is the same file, byte for byte, at any hour and
    in any time zone."""
    info = zipfile.ZipInfo(name, date_time=max(when, datetime(1980, 1, 1)).timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    return info
