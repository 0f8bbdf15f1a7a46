"""Hostile inputs made on the spot (no binary blobs): ZIP bombs, huge list numbers, long texts.

Used by tests/test_limits.py at small sizes (with lowered limits) and by bench/hostile.py at full
size.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PARAGRAPH = "Output 2.1 – see PP Resolution 71, WTDC Res. 45 (Rev. Dubai, 2014), SDG 9 (targets 9.1, 9.c) and WSIS C5. "
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 'wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')
DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'numbering" Target="numbering.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'styles" Target="styles.xml"/></Relationships>')


def text_of_size(path: Path, size: int, unit: str = PARAGRAPH + "\n") -> Path:
    """A UTF-8 text file of exactly `size` bytes made of `unit` repeated, written in 1 MB pieces."""
    block = (unit * (1_000_000 // len(unit) + 1)).encode("utf-8")[:1_000_000]
    with path.open("wb") as out:
        left = size
        while left > 0:
            out.write(block[:left])
            left -= len(block)
    return path


def docx_bomb(path: Path, kilobytes: int, styles_kilobytes: int = 0) -> Path:
    """A .docx whose document.xml decompresses to about `kilobytes` KB (and, if asked, a styles.xml
    padded to `styles_kilobytes` KB), streamed into the ZIP: a few KB compressed per MB."""
    para = f"<w:p><w:r><w:t>{PARAGRAPH}</w:t></w:r></w:p>".encode()
    chunk = para * (1000 // len(para) + 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as out:
            out.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'.encode())
            for _ in range(kilobytes):
                out.write(chunk)
            out.write(b"</w:body></w:document>")
        if styles_kilobytes:
            padding = "<!-- padding -->" * (styles_kilobytes * 1000 // 16)
            z.writestr("word/styles.xml", f'<w:styles xmlns:w="{W_NS}">{padding}</w:styles>')
    return path


def understate_sizes(path: Path, member: str, declared: int) -> Path:
    """Rewrite the central directory of a ZIP so that `member` claims `declared` bytes decompressed
    (a bomb that lies about its size)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46:at + 46 + name_len]) == name:
            struct.pack_into("<I", data, at + 24, declared)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def docx_numbered(path: Path, start: int, fmt: str = "upperRoman", items: int = 3, text: str = "%1.") -> Path:
    """A .docx with one list in number format `fmt` that starts at `start`, its label `text`."""
    numbering = (f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
                 f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    body = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                   f"<w:r><w:t>Item {k}: see PP Resolution 71</w:t></w:r></w:p>" for k in range(items))
    return docx_of(path, f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>', numbering)


def docx_of(path: Path, document: str, numbering: str = f'<w:numbering xmlns:w="{W_NS}"/>') -> Path:
    """A .docx of the document.xml `document` and the numbering.xml `numbering`."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/numbering.xml", numbering)
    return path
