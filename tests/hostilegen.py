"""Hostile inputs made on the spot (no binary blobs): ZIP bombs, huge list numbers, long texts.

Used by tests/test_limits.py at small sizes (with lowered limits) and by bench/hostile.py at full
size.
"""

from __future__ import annotations

import struct
import zlib
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


def docx_long_paragraph(path: Path, unit: str, chars: int, runs: int = 4, style: str = "") -> Path:
    """A .docx of two ordinary paragraphs round one paragraph of `unit` repeated to about `chars`
    characters in `runs` runs (one word: "2.2.2…"), its runs formatted by `style` (a w:rPr's children)."""
    run = f"<w:r><w:rPr>{style}</w:rPr><w:t>{unit * max(1, chars // len(unit) // runs)}</w:t></w:r>"
    body = ("<w:p><w:r><w:t>1 Introduction</w:t></w:r></w:p>" + "<w:p>" + run * runs + "</w:p>"
            + f"<w:p><w:r><w:t>{PARAGRAPH}</w:t></w:r></w:p>")
    return docx_of(path, f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')


def docx_of(path: Path, document: str, numbering: str = f'<w:numbering xmlns:w="{W_NS}"/>',
            styles: str | None = None) -> Path:
    """A .docx of the document.xml `document`, the numbering.xml `numbering` and, if given, the
    styles.xml `styles`."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/numbering.xml", numbering)
        if styles is not None:
            z.writestr("word/styles.xml", styles)
    return path


# --- PDF bombs ------------------------------------------------------------------------------------

PDF_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
PDF_TEXT = b"BT /F1 12 Tf 50 800 Td (Resolution 71 and SDG 9.1) Tj ET\n"


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of `objects` (object 1 the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)
    return bytes(out)


def flate_stream(unit: bytes, size: int, head: bytes = b"", extra: bytes = b"") -> bytes:
    """A Flate stream object of `head` then `unit` repeated to about `size` bytes decompressed,
    compressed a megabyte at a time (a 1 GB bomb is built without 1 GB in memory)."""
    squeezer = zlib.compressobj(9)
    parts = [squeezer.compress(head)]
    block = unit * max(1, 1_000_000 // len(unit))
    left = size
    while left > 0:
        piece = block if left >= len(block) else unit * max(1, left // len(unit))
        parts.append(squeezer.compress(piece))
        left -= len(piece)
    parts.append(squeezer.flush())
    data = b"".join(parts)
    return b"<< /Length %d /Filter /FlateDecode%s >>\nstream\n%s\nendstream" % (len(data), extra, data)


def lzw(data: bytes) -> bytes:
    """`data` LZW-compressed as a PDF's LZWDecode reads it (9 to 12-bit codes, early change, a
    clear code before the table fills)."""
    table = {bytes((c,)): c for c in range(256)}
    out, acc, held, width, following = bytearray(), 0, 0, 9, 258

    def emit(code: int) -> None:
        nonlocal acc, held
        acc, held = (acc << width) | code, held + width
        while held >= 8:
            held -= 8
            out.append((acc >> held) & 0xFF)
        acc &= (1 << held) - 1

    emit(256)
    word = b""
    for byte in data:
        grown = word + bytes((byte,))
        if grown in table:
            word = grown
            continue
        emit(table[word])
        table[grown], following = following, following + 1
        if following >= 1 << width and width < 12:
            width += 1
        if following >= 4094:
            emit(256)
            table, following, width = {bytes((c,)): c for c in range(256)}, 258, 9
        word = bytes((byte,))
    if word:
        emit(table[word])
    emit(257)
    if held:
        out.append((acc << (8 - held)) & 0xFF)
    return bytes(out)


def pdf_bomb(path: Path, size: int, unit: bytes = b" ", where: str = "page", pages: int = 1, draws: int = 1) -> Path:
    """A PDF whose `pages` pages each show a line of text and decompress, `where`, `size` bytes of
    `unit`: in the page's content stream ("page"; one stream shared by all the pages), in a Form
    XObject the page draws ("form"), in an image it draws ("image": a DeviceGray picture), or in
    an object nothing refers to ("unreferenced"); the form or image is drawn `draws` times."""
    draw = draws * {"page": b"", "form": b"q /X1 Do Q\n", "image": b"q 100 0 0 100 50 50 cm /X1 Do Q\n",
            "unreferenced": b""}[where]
    catalog = b"<< /Type /Catalog /Pages 2 0 R >>"
    kids = b" ".join(b"%d 0 R" % (6 + i) for i in range(pages))
    tree = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)
    if where == "page":
        contents = flate_stream(unit, size, head=PDF_TEXT)
    else:
        contents = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(PDF_TEXT + draw), PDF_TEXT + draw)
    if where == "form":
        extra = flate_stream(unit, size, extra=b" /Type /XObject /Subtype /Form /BBox [0 0 595 842]"
                                                b" /Resources << /Font << /F1 4 0 R >> >>")
    elif where == "image":
        width = 1000
        extra = flate_stream(unit, size, extra=b" /Type /XObject /Subtype /Image /Width %d /Height %d"
                                                b" /ColorSpace /DeviceGray /BitsPerComponent 8"
                                                % (width, max(1, size // width)))
    elif where == "unreferenced":
        extra = flate_stream(unit, size)
    else:
        extra = b"null"
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R"
            b" /Resources << /Font << /F1 4 0 R >> /XObject << /X1 5 0 R >> >> >>")
    path.write_bytes(raw_pdf([catalog, tree, contents, PDF_FONT, extra] + [page] * pages))
    return path


def pdf_font_bomb(path: Path, size: int, subtype: bytes = b"TrueType", filter: str = "flate") -> Path:
    """A one-page PDF whose text is set in an embedded font whose program (FontFile2 for a
    TrueType font, FontFile for Type1) inflates to `size` zero bytes, Flate- or LZW-compressed."""
    key = b"FontFile2" if subtype == b"TrueType" else b"FontFile"
    font = (b"<< /Type /Font /Subtype /%s /BaseFont /Bomb /FirstChar 32 /LastChar 126 /Widths [%s]"
            b" /FontDescriptor 5 0 R >>" % (subtype, b" ".join([b"500"] * 95)))
    descriptor = (b"<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0"
                  b" /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /%s 7 0 R >>" % key)
    path.write_bytes(raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>",
                              b"<< /Length %d >>\nstream\n%s\nendstream" % (len(PDF_TEXT), PDF_TEXT), font, descriptor,
                              PDF_PAGE, flate_stream(b"\0", size) if filter == "flate" else lzw_stream(bytes(size))]))
    return path


def lzw_stream(data: bytes) -> bytes:
    """An LZWDecode stream object of `data`."""
    packed = lzw(data)
    return b"<< /Length %d /Filter /LZWDecode >>\nstream\n%s\nendstream" % (len(packed), packed)


PDF_PAGE = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R"
            b" /Resources << /Font << /F1 4 0 R >> >> >>")


def pdf_object_stream_bomb(path: Path, size: int, unit: bytes = b" ", where: str = "objects",
                           font: bytes = PDF_FONT, pairs: int = 0) -> Path:
    """A PDF 1.5 file with a cross-reference stream, whose page font (object 4, `font`) lives in an
    object stream padded with `size` bytes of `unit` ("objects"), or whose cross-reference stream is
    padded so ("xref"); the object stream's header lists `pairs` pairs of numbers before the font's."""
    contents = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(PDF_TEXT), PDF_TEXT)
    head = b"1 0 " * pairs + b"4 0 "
    padding = size if where == "objects" else 0
    stream = flate_stream(unit, padding, head=head + font,
                          extra=b" /Type /ObjStm /N %d /First %d" % (pairs + 1, len(head)))
    objects: list[bytes | None] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>",
                                   contents, None, b"null", PDF_PAGE, stream]
    out = bytearray(b"%PDF-1.7\n")
    offsets: dict[int, int] = {}
    for number, body in enumerate(objects, 1):
        if body is not None:
            offsets[number] = len(out)
            out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(objects) + 1
    offsets[xref] = len(out)
    rows = [b"\x00\x00\x00\x00\xff\xff"] + [b"\x02" + (7).to_bytes(4, "big") + b"\x00" if n == 4
                                            else b"\x01" + offsets[n].to_bytes(4, "big") + b"\x00"
                                            for n in range(1, xref + 1)]
    table = b"".join(rows)
    squeezer = zlib.compressobj(9)
    parts = [squeezer.compress(table)]
    left = size if where == "xref" else 0
    while left > 0:  # rows of free objects past /Size, which a reader parses all the same
        piece = b"\0" * min(left, 1_000_000)
        parts.append(squeezer.compress(piece))
        left -= len(piece)
    data = b"".join(parts) + squeezer.flush()
    out += (b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 1] /Root 1 0 R /Length %d /Filter /FlateDecode >>\n"
            b"stream\n%s\nendstream\nendobj\n" % (xref, xref + 1, len(data), data))
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[xref]
    path.write_bytes(bytes(out))
    return path


# The standard security handler's password padding (PDF 32000-1, 7.6.3.3).
PASSWORD_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    try:
        from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
    except ImportError:  # cryptography before 43
        from cryptography.hazmat.primitives.ciphers.algorithms import ARC4  # type: ignore[no-redef]
    from cryptography.hazmat.primitives.ciphers import Cipher

    return Cipher(ARC4(key), mode=None).decryptor().update(data)


def _rc4_rounds(key: bytes, data: bytes) -> bytes:
    """Algorithm 3's and 5's twenty RC4 passes, the key XORed with the pass number."""
    for i in range(20):
        data = _rc4(bytes(b ^ i for b in key), data)
    return data


def pdf_encrypted_catalogue_bomb(path: Path, size: int, method: bytes = b"/V 2 /R 3") -> Path:
    """A PDF encrypted with an empty user password (standard security handler, RC4 128-bit, R3),
    its catalogue, page tree, page and font in one object stream padded with white space to
    `size` bytes decompressed; the page's content stream a plain object. The object stream is
    encrypted, so it inflates only once decrypted, and a reader must read it for the catalogue.
    `method`: the encryption dictionary's /V and /R and what goes with them (RC4 128-bit as
    revision 3 computes it: "/V 4 /R 4" with an RC4 crypt filter too)."""
    from hashlib import md5

    docid, permissions = md5(b"hostile").digest(), -4
    owner = _rc4_rounds(md5(PASSWORD_PAD).digest()[:16], PASSWORD_PAD)  # algorithm 3, no owner password
    key = md5(PASSWORD_PAD + owner + struct.pack("<i", permissions) + docid).digest()
    for _ in range(50):  # algorithm 2, revision 3
        key = md5(key).digest()
    user = _rc4_rounds(key, md5(PASSWORD_PAD + docid).digest()) + bytes(16)  # algorithm 5

    def encrypted(number: int, data: bytes) -> bytes:
        return _rc4(md5(key + struct.pack("<i", number)[:3] + b"\0\0").digest(), data)

    packed = [(1, b"<< /Type /Catalog /Pages 2 0 R >>"), (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
              (3, PDF_PAGE.replace(b"/Contents 3 0 R", b"/Contents 5 0 R")),
              (4, PDF_FONT)]
    body = b""
    heads = []
    for number, text in packed:
        heads.append(b"%d %d" % (number, len(body)))
        body += text + b"\n"
    head = b" ".join(heads) + b"\n"
    stream = flate_stream(b" ", max(0, size - len(head) - len(body)), head=head + body)
    data = stream[stream.index(b"stream\n") + 7:stream.rindex(b"\nendstream")]
    out = bytearray(b"%PDF-1.7\n")
    offsets: dict[int, int] = {}

    def add(number: int, text: bytes) -> None:
        offsets[number] = len(out)
        out.extend(b"%d 0 obj\n%s\nendobj\n" % (number, text))

    content = encrypted(5, PDF_TEXT)
    add(5, b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    sealed = encrypted(6, data)
    add(6, b"<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
        % (len(packed), len(head), len(sealed), sealed))
    add(7, b"<< /Filter /Standard %s /Length 128 /P %d /O <%s> /U <%s> >>"
        % (method, permissions, owner.hex().encode(), user.hex().encode()))
    offsets[8] = len(out)
    rows = {number: (2, 6, k) for k, (number, _) in enumerate(packed)}
    rows.update({n: (1, offsets[n], 0) for n in (5, 6, 7, 8)})
    table = b"".join(struct.pack(">BIH", *rows.get(n, (0, 0, 65535 if n == 0 else 0))) for n in range(9))
    ident = b"<%s>" % docid.hex().encode()
    out += (b"8 0 obj\n<< /Type /XRef /Size 9 /W [1 4 2] /Root 1 0 R /Encrypt 7 0 R /ID [%s %s] /Length %d >>\n"
            b"stream\n%s\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % (ident, ident, len(table), table, offsets[8]))
    path.write_bytes(bytes(out))
    return path


def pdf_pages(path: Path, contents: list[bytes], width: float = 595, height: float = 842) -> Path:
    """A PDF of one page for each content stream (Flate-compressed), every page `width` × `height`
    points, Helvetica as /F1."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
                   b" ".join(b"%d 0 R" % (4 + 2 * p) for p in range(len(contents))), len(contents)), PDF_FONT]
    for p, content in enumerate(contents):
        data = zlib.compress(content, 6)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.1f %.1f] /Contents %d 0 R"
                       b" /Resources << /Font << /F1 3 0 R >> >> >>" % (width, height, 5 + 2 * p))
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data))
    path.write_bytes(raw_pdf(objects))
    return path


def pdf_wide_page_tree(path: Path, kids: int, count: int = 1) -> Path:
    """A PDF whose one Pages node lists `kids` distinct leaves (the first a page with text), its
    /Count saying `count`."""
    first = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>"
    leaf = b"<< /Type /Page /Parent 2 0 R /P [" + b"0 " * 30 + b"] >>"
    listed = b" ".join(b"%d 0 R" % (5 + k) for k in range(kids))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (listed, count),
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(PDF_TEXT), PDF_TEXT), PDF_FONT, first]
    path.write_bytes(raw_pdf(objects + [leaf] * (kids - 1)))
    return path
