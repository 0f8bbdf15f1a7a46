"""What opening a PDF and loading each page makes PDFium and pdfminer decompress, measured first.

PDFium parses a page whole when it is loaded: it decompresses the page's content streams and each
Form XObject the page draws (once for every `Do` that draws it, nested forms included) into
memory, and makes an object of every operator. A 300 KB file whose one content stream inflates to 200 MB of text operators, or a
1 MB file of one 1 GB Flate stream of spaces, costs gigabytes before the first character is
counted. `PageStreams` measures each page's share first, with pdfminer's object parser (no
pdfminer page parsing) and streamed decompression: a stream is inflated a megabyte at a time with
`zlib.decompressobj(...).decompress(chunk, max_length)` and only counted, and the count stops as
soon as it passes the cap it was given, so no bomb is ever held whole. Images (decoded only when a
page is rendered, which the reader never does) and objects no page refers to are not counted;
nor are font programs (PDFium inflates each once a document, a legitimately embedded CJK font can
be 20 MB). Before any of this, `inflated` measures every stream in the file's bytes but images
(font programs, object and cross-reference streams included), with no PDF parser, since PDFium
and pdfminer inflate those whole as soon as they need them.

The measure is an upper bound of what PDFium inflates (a predictor shrinks a stream after Flate;
a `/Name Do` inside a string is counted as drawn). A file pdfminer cannot parse is not measured
here: PDFium, which repairs more, reads it as before.
"""

from __future__ import annotations

import io
import re
import zlib
from typing import Any, Callable, Iterable, Iterator

from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFObjRef, PDFStream
from pdfminer.psparser import PSLiteral

from ..record import record

CHUNK = 1 << 20
DRAW = re.compile(rb"/([^\s/\[\]<>(){}%]+)\s*Do(?![^\s/\[\]<>(){}%])")
"""A Form XObject drawn by name in a content stream."""
CARRY = 256
"""Bytes of a decoded chunk kept for the next, so a `/Name Do` split between chunks is seen."""


def _name(value: Any) -> str:
    value = _resolve(value)
    return str(value.name) if isinstance(value, PSLiteral) else str(value)


def _resolve(value: Any, depth: int = 0) -> Any:
    while isinstance(value, PDFObjRef) and depth < 32:
        try:
            value = value.resolve()
        except Exception:  # a dangling or broken reference is nothing, as PDFium takes it
            return None
        depth += 1
    return value


def _dict(value: Any) -> dict[Any, Any]:
    value = _resolve(value)
    return value if isinstance(value, dict) else {}


def _chunks(data: bytes | memoryview) -> Iterator[bytes]:
    for start in range(0, len(data), CHUNK):
        yield bytes(data[start:start + CHUNK])


def _inflate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Flate-decode `chunks`, a megabyte of output at a time; a corrupt tail ends the data, as in PDFium."""
    inflater = zlib.decompressobj()
    try:
        for chunk in chunks:
            while chunk and not inflater.eof:
                out = inflater.decompress(chunk, CHUNK)
                chunk = inflater.unconsumed_tail
                if out:
                    yield out
            if inflater.eof:
                return
    except zlib.error:
        return


def _run_length(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The sizes RunLengthDecode gives `chunks`, as runs of zero bytes (only counted)."""
    pending = b""
    for chunk in chunks:
        data, pending, i, size = pending + chunk, b"", 0, 0
        while i < len(data):
            n = data[i]
            if n == 128:
                yield bytes(size)
                return
            step = n + 2 if n < 128 else 2
            if i + step > len(data):
                pending = data[i:]
                break
            size += n + 1 if n < 128 else 257 - n
            i += step
            if size >= CHUNK:
                yield bytes(size)
                size = 0
        if size:
            yield bytes(size)


def _lzw(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """LZWDecode (early change, as PDFium and pdfminer read it), a megabyte of output at a time.
    pdfminer's decoder copies its whole table for a debug message on every code (some 4 µs a
    code: 1 MB of incompressible data took 4 s) and grows the table past the 4,096 entries a
    12-bit code can name; this one takes about a microsecond a code."""
    data = b"".join(chunks)
    padded, end = data + b"\0\0", len(data) * 8
    table = [bytes((c,)) for c in range(256)] + [b"", b""]
    width, bit, prev = 9, 0, b""
    out = bytearray()
    while bit + width <= end:
        at = bit >> 3
        code = ((padded[at] << 16 | padded[at + 1] << 8 | padded[at + 2]) >> (24 - (bit & 7) - width)) & ((1 << width) - 1)
        bit += width
        if code == 256:
            del table[258:]
            width, prev = 9, b""
            continue
        if code == 257:
            break
        if code < len(table):
            word = table[code]
            entry = prev + word[:1]
        elif code == len(table) and prev:
            word = entry = prev + prev[:1]
        else:
            break  # a code no entry has: corrupt data ends the stream, as in both readers
        if prev and len(table) < LZW_ENTRIES:
            table.append(entry)
            width = LZW_WIDTHS.get(len(table), width)
        prev = word
        out += word
        if len(out) >= CHUNK:
            yield bytes(out)
            out.clear()
    if out:
        yield bytes(out)


LZW_ENTRIES = 4096
LZW_WIDTHS = {511: 10, 1023: 11, 2047: 12}
"""The code width from the table length on (one code early, as PDF's EarlyChange 1 writes it)."""


def _whole(decode: Callable[[bytes], bytes]) -> Callable[[Iterable[bytes]], Iterator[bytes]]:
    """A filter whose output is no longer than its input (ASCIIHex, ASCII85), decoded in one piece."""
    def run(chunks: Iterable[bytes]) -> Iterator[bytes]:
        try:
            yield decode(b"".join(chunks))
        except Exception:
            return
    return run


def _filters() -> dict[str, Callable[[Iterable[bytes]], Iterator[bytes]]]:
    from pdfminer.ascii85 import ascii85decode, asciihexdecode
    return {"FlateDecode": _inflate, "Fl": _inflate, "RunLengthDecode": _run_length, "RL": _run_length,
            "LZWDecode": _lzw, "LZW": _lzw, "ASCII85Decode": _whole(ascii85decode), "A85": _whole(ascii85decode),
            "ASCIIHexDecode": _whole(asciihexdecode), "AHx": _whole(asciihexdecode)}


class PageStreams:
    """The bytes PDFium would inflate to load each page of a PDF (see the module docstring)."""

    def __init__(self, data: bytes) -> None:
        self.pages: list[PDFPage] = []
        self.sizes: dict[int, tuple[int, dict[str, int]]] = {}  # stream id: size (capped), forms it draws
        self.filters = _filters()
        try:
            document = PDFDocument(PDFParser(io.BytesIO(data)))
            for page in PDFPage.create_pages(document):
                self.pages.append(page)
        except Exception:  # pdfminer reads less than PDFium repairs: measure what it could read
            pass

    def page_bytes(self, index: int, cap: int) -> int:
        """What loading page `index` (0-based) inflates, counted up to just past `cap`; 0 for a
        page pdfminer did not find."""
        if index >= len(self.pages):
            return 0
        page = self.pages[index]
        resources = _dict(page.resources)
        total = 0
        try:
            for stream in _streams(page.attrs.get("Contents")):
                total += self._drawn(stream, resources, cap - total, set())
                if total > cap:
                    return total
        except RecursionError:
            return cap + 1
        return total

    def _drawn(self, stream: PDFStream, resources: dict[Any, Any], cap: int, path: set[int]) -> int:
        """A content stream's size plus what the forms it draws cost, each time drawn, up to `cap`."""
        size, draws = self._measure(stream, cap, content=True)
        if size > cap or not draws:
            return size
        forms = _dict(resources.get("XObject"))
        for name, times in draws.items():
            form = _resolve(forms.get(name))
            if not isinstance(form, PDFStream) or _name(form.attrs.get("Subtype")) != "Form" or id(form) in path:
                continue
            inner = _dict(form.attrs.get("Resources")) or resources
            one = self._drawn(form, inner, (cap - size) // times + 1, path | {id(form)})
            size += times * one
            if size > cap:
                return size
        return size

    def _measure(self, stream: PDFStream, cap: int, content: bool) -> tuple[int, dict[str, int]]:
        """A stream's decoded size up to just past `cap` (kept, once measured whole), and for a
        content stream the forms it draws by name, with how often."""
        known = self.sizes.get(id(stream))
        if known is not None and (known[1] is not _PARTIAL or known[0] > cap):
            return known
        size = 0
        draws: dict[str, int] = {}
        carry = b""
        for piece in self._decoded(stream):
            size += len(piece)
            if content:
                text = carry + piece
                cut = max(len(text) - CARRY, 0)
                for m in DRAW.finditer(text):
                    if m.end() > cut:
                        cut = m.start()
                        break
                    key = m.group(1).decode("latin-1")
                    draws[key] = draws.get(key, 0) + 1
                carry = text[cut:]
            if size > cap:
                self.sizes[id(stream)] = (size, _PARTIAL)
                return size, _PARTIAL
        for m in DRAW.finditer(carry):
            key = m.group(1).decode("latin-1")
            draws[key] = draws.get(key, 0) + 1
        self.sizes[id(stream)] = (size, draws)
        return size, draws

    def _decoded(self, stream: PDFStream) -> Iterator[bytes]:
        data = stream.rawdata if stream.rawdata is not None else stream.data
        if data is None:
            return iter(())
        if stream.decipher is not None and stream.rawdata is not None and stream.objid is not None:
            data = stream.decipher(stream.objid, stream.genno or 0, data, stream.attrs)
        pieces: Iterable[bytes] = _chunks(data)
        try:
            filters = stream.get_filters()
        except Exception:
            filters = []
        for f, _params in filters:
            decode = self.filters.get(_name(f))
            if decode is not None:
                pieces = decode(pieces)
        return iter(pieces)


STREAM = re.compile(rb">>\s*stream(?:\r\n|\n|\r)")
"""The keyword that starts a stream's data, after its dictionary."""
HEAD = 1 << 16
"""How far back from `stream` a stream's dictionary is looked for (its `N G obj`)."""
LENGTH = re.compile(rb"/Length\s+(\d+)(?!\d)(?!\s+\d+\s+R)")
FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>(){}%]+)")
NAME = re.compile(rb"/([^\s/\[\]<>(){}%]+)")
TYPE = re.compile(rb"/(?:Type|Subtype)\s*/(Image|ObjStm|XRef)(?![^\s/\[\]<>(){}%])")
OBJECTS = {b"ObjStm", b"XRef"}
"""Stream types holding PDF syntax that a reader parses into objects."""


@record(frozen=True)
class Inflated:
    """What a PDF's streams other than images decompress to, counted in its bytes (see `inflated`)."""

    total: int
    """All of them together."""
    objects: int
    """Object and cross-reference streams together."""


def inflated(data: bytes, cap: int, objects_cap: int) -> Inflated:
    """What the streams of the PDF `data` other than images decompress to, each sum counted up to
    just past its cap (`objects_cap` for object and cross-reference streams, `cap` for all).

    PDFium and pdfminer inflate a stream whole when they need it: a 1 MB file can hold a 1 GB
    font program, object stream or cross-reference stream, which both read before any page. So the
    file's bytes are scanned for streams before either opens it, with no PDF parser: each
    `<< … >> stream` is found in order, its end from a direct /Length or the next `endstream`,
    and its filters applied a megabyte at a time. Images are left out (the reader never decodes
    one); so are encrypted streams, which do not inflate before they are decrypted.
    """
    filters = _filters()
    total = objects = 0
    view = memoryview(data)
    for kinds, names, start, end in _raw_streams(data):
        if b"Image" in kinds:
            continue
        is_objects = bool(kinds & OBJECTS)
        room = min(cap - total, objects_cap - objects) if is_objects else cap - total
        pieces: Iterable[bytes] = _chunks(view[start:end])
        for name in names:
            decode = filters.get(name.decode("latin-1"))
            if decode is None:
                break
            pieces = decode(pieces)
        size = 0
        for piece in pieces:
            size += len(piece)
            if size > room:
                break
        total += size
        objects += size if is_objects else 0
        if total > cap or objects > objects_cap:
            break
    return Inflated(total, objects)


def _raw_streams(data: bytes) -> Iterator[tuple[set[bytes], list[bytes], int, int]]:
    """Each stream of the PDF `data` in file order: the Image/ObjStm/XRef types its dictionary
    names, its filters, and where its data starts and ends."""
    pos = 0
    while True:
        found = STREAM.search(data, pos)
        if found is None:
            return
        start = found.end()
        head = data.rfind(b"obj", max(0, found.start() - HEAD), found.start())
        header = data[head + 3 if head >= 0 else max(0, found.start() - HEAD):found.start() + 2]
        end = -1
        length = LENGTH.search(header)
        if length is not None and len(length.group(1)) < 16:
            stop = start + int(length.group(1))
            if data[stop:stop + 32].lstrip().startswith(b"endstream"):
                end = stop
        if end < 0:
            end = data.find(b"endstream", start)
            end = len(data) if end < 0 else end
        spec = FILTER.search(header)
        names = NAME.findall(spec.group(1)) if spec is not None else []
        yield {m.group(1) for m in TYPE.finditer(header)}, names, start, end
        pos = max(end, start)


_PARTIAL: dict[str, int] = {}
"""The draws of a stream measured only up to a cap (its forms were not looked at)."""


def _streams(value: Any) -> list[PDFStream]:
    value = _resolve(value)
    items = value if isinstance(value, list) else [value]
    return [s for s in (_resolve(v) for v in items) if isinstance(s, PDFStream)]


def _list(value: Any) -> list[Any]:
    value = _resolve(value)
    return value if isinstance(value, list) else []
