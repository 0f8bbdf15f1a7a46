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
be 20 MB). Before any of this, `stream_sizes` measures every stream in the file's bytes but images
(font programs, object and cross-reference streams included), with no PDF parser, since PDFium
and pdfminer inflate those whole as soon as they need them.

The measure is an upper bound of what PDFium inflates (a predictor shrinks a stream after Flate;
a `/Name Do` inside a string is counted as drawn). A file pdfminer cannot parse is not measured
here: PDFium, which repairs more, reads it as before. pdfminer's own parse of an object is
bounded too (`ObjectTooLarge`): a page dictionary holding an array of 20 million numbers took
it 76 s and 2.2 GB, and a string of 150 MB (its strings grow by concatenation) minutes.
"""

from __future__ import annotations

import io
import re
import zlib
from functools import partial
from typing import Any, BinaryIO, Callable, Iterable, Iterator, TypeVar

from pdfminer.pdfdocument import PDFDocument, PDFNoValidXRef, PDFObjectNotFound, PDFPasswordIncorrect, PDFXRefFallback
from pdfminer.pdfparser import PDFParser, PDFStreamParser, PDFSyntaxError
from pdfminer.pdftypes import PDFObjRef, PDFStream
from pdfminer.psparser import PSEOF, PSKeyword, PSLiteral

from ..errors import TraceError
from ..record import record

CHUNK = 1 << 20
DRAW = re.compile(rb"/([^\s/\[\]<>(){}%]+)\s*Do(?![^\s/\[\]<>(){}%])")
"""A Form XObject drawn by name in a content stream."""
CARRY = 2048
"""Bytes of a decoded chunk kept for the next, so a `/Name Do` or an inline image's dictionary
split between chunks is seen."""


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
    """RunLengthDecode, a megabyte of output at a time (real bytes: another filter may follow)."""
    pending = b""
    out = bytearray()
    for chunk in chunks:
        data, pending, i = pending + chunk, b"", 0
        while i < len(data):
            n = data[i]
            if n == 128:
                yield bytes(out)
                return
            step = n + 2 if n < 128 else 2
            if i + step > len(data):
                pending = data[i:]
                break
            out += data[i + 1:i + step] if n < 128 else data[i + 1:i + 2] * (257 - n)
            i += step
            if len(out) >= CHUNK:
                yield bytes(out)
                out.clear()
    if out:
        yield bytes(out)


class TooMuchLzw(Exception):
    """A PDF's LZW streams run past LZW_CODES codes: more than is measured before it is read."""

    def __str__(self) -> str:
        return (f"its LZW-compressed streams run past {LZW_CODES:,} codes, more than is measured before a PDF"
                " is read (no PDF writer of this century makes LZW)")


class LzwBudget:
    """The LZW codes left to decode for one PDF (LZW_CODES in all)."""

    def __init__(self) -> None:
        self.codes = LZW_CODES


LZW_CODES = 20_000_000
"""LZW codes decoded to measure one PDF: about 10 s; 18 MB of incompressible LZW data, which no
writer of this century makes (a stream of clear codes inflates to nothing and would take as long)."""


def _lzw(chunks: Iterable[bytes], work: LzwBudget | None = None) -> Iterator[bytes]:
    """LZWDecode (early change, as PDFium and pdfminer read it), a megabyte of output at a time.
    pdfminer's decoder copies its whole table for a debug message on every code (some 4 µs a
    code: 1 MB of incompressible data took 4 s) and grows the table past the 4,096 entries a
    12-bit code can name; this one takes about a microsecond a code, read a chunk at a time."""
    work = work or LzwBudget()
    table = [bytes((c,)) for c in range(256)] + [b"", b""]
    width, prev = 9, b""
    out = bytearray()
    data, bit = b"", 0
    for chunk in chunks:
        if len(chunk) * 8 // 9 > work.codes:
            raise TooMuchLzw
        work.codes -= len(chunk) * 8 // 9
        data = data[bit >> 3:] + chunk
        bit &= 7
        padded, end = data + b"\0\0", len(data) * 8
        while bit + width <= end:
            at = bit >> 3
            code = ((padded[at] << 16 | padded[at + 1] << 8 | padded[at + 2]) >> (24 - (bit & 7) - width)) & ((1 << width) - 1)
            bit += width
            if code == 256:
                del table[258:]
                width, prev = 9, b""
                continue
            if code == 257:
                yield bytes(out)
                return
            if code < len(table):
                word = table[code]
                entry = prev + word[:1]
            elif code == len(table) and prev:
                word = entry = prev + prev[:1]
            else:
                yield bytes(out)  # a code no entry has: corrupt data ends the stream, as in both readers
                return
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


Filters = dict[str, Callable[[Iterable[bytes]], Iterator[bytes]]]


def _filters(work: LzwBudget) -> Filters:
    """The decoders by filter name (full and abbreviated), LZW drawing on `work`."""
    from pdfminer.ascii85 import ascii85decode, asciihexdecode

    lzw = partial(_lzw, work=work)
    return {"FlateDecode": _inflate, "Fl": _inflate, "RunLengthDecode": _run_length, "RL": _run_length,
            "LZWDecode": lzw, "LZW": lzw, "ASCII85Decode": _whole(ascii85decode), "A85": _whole(ascii85decode),
            "ASCIIHexDecode": _whole(asciihexdecode), "AHx": _whole(asciihexdecode)}


def open_document(data: bytes, measure: Callable[[Decipher], None] | None = None,
                  caps: tuple[int, int] | None = None) -> PDFDocument | None:
    """pdfminer's view of the PDF `data` (no page parsing), to measure it; None where pdfminer
    cannot read it. An encrypted file is given to `measure` with its decipher as soon as pdfminer
    has one, before pdfminer reads its catalogue, which may sit in an object stream it would
    inflate whole; an error `measure` raises (a TraceError) is raised from here, and so is
    UnknownEncryption for a file encrypted by a method pdfminer cannot set up. Its RC4
    decryption is pure Python (some 36 s a megabyte): an encrypted file's RC4 is done by
    `cryptography` (which pdfminer needs for AES) instead. No parse of one object reads more than
    `caps[0]` bytes, nor those of all objects more than `caps[1]`: past either, ObjectTooLarge is
    raised, from here or when the document reads an object."""
    try:
        return _MeasuredDocument(_BoundedParser(io.BytesIO(data)), measure, data, caps)
    except TraceError:
        raise
    except RebuildTooLarge:  # pdfminer cannot rebuild its table within bounds: measured no more, as one it cannot rebuild
        return None
    except Exception:
        return None


class UnknownEncryption(TraceError):
    """A PDF encrypted by a method pdfminer cannot set up, so its streams cannot be measured
    decrypted (an unknown /V or /R PDFium may still accept)."""


def _method(param: dict[Any, Any]) -> str:
    """An encryption dictionary's /Filter, /V and /R, for a message (each cut short)."""
    shown = " ".join(f"/{key} {_name(param[key])[:24]}" for key in ("Filter", "V", "R") if key in param)
    return shown or "no encryption dictionary"


def _plain_encryption(param: dict[Any, Any]) -> dict[Any, Any] | None:
    """`param` as pdfminer's security handlers read it, or None when nothing is to change: /V, /R
    and /Length written as reals ("4.0") made integers, and of the crypt filters (/CF) only those
    /StmF and /StrF name (another, for attachments, may use a method pdfminer does not know)."""
    plain = dict(param)
    changed = False
    for key in ("V", "R", "Length"):
        value = _resolve(plain.get(key))
        if isinstance(value, float) and value.is_integer():
            plain[key], changed = int(value), True
    filters = _dict(plain.get("CF"))
    used = {_name(plain.get("StmF")), _name(plain.get("StrF"))}
    if filters and not set(map(str, filters)) <= used:
        plain["CF"], changed = {name: value for name, value in filters.items() if str(name) in used}, True
    return plain if changed else None


class _MeasuredDocument(PDFDocument):
    """A PDFDocument whose decipher, once set up, is made fast (`_rc4`) and handed to `measure`
    before the document reads any object through it, and whose parses of PDF syntax are held to
    `caps` (SyntaxBudget: one object, all of them together; None, no bound), in the file and in
    its object streams."""

    def __init__(self, parser: _BoundedParser, measure: Callable[[Decipher], None] | None, data: bytes = b"",
                 caps: tuple[int, int] | None = None) -> None:
        self._measure = measure
        self.file_bytes = data  # the file, for _listed_kids to look into an object before it is parsed
        self._partly_parsed: dict[int, _PartlyParsed] = {}  # object stream number: its parse so far
        self.syntax = SyntaxBudget(*caps) if caps is not None else None
        self._file_parser = parser
        parser.syntax = self.syntax  # (before the cross-reference table and the trailer are read, in __init__)
        super().__init__(parser)

    def read_xref_from(self, parser: PDFParser, start: int, xrefs: list[Any]) -> None:
        """pdfminer's reading of the cross-reference data at `start`, where a bound it passes means
        no valid table there (`startxref` a few bytes off makes it parse a table as one object):
        pdfminer then rebuilds the table, with the syntax spent here given back."""
        spent = self.syntax.spent if self.syntax is not None else 0
        try:
            super().read_xref_from(parser, start, xrefs)
        except (ObjectTooLarge, LineTooLong, TooManyObjects) as exc:
            if self.syntax is not None:
                self.syntax.spent = spent
            raise PDFNoValidXRef(f"no valid cross-reference data at {start}") from exc

    def getobj(self, objid: int) -> object:
        """pdfminer's object `objid`. Where a rebuilt table passed over an object too large to
        parse (_BoundedParser.passed_over), an object the table lacks may be in that one, had it
        been an object stream: it is refused as that object would be, were it parsed."""
        try:
            return super().getobj(objid)
        except PDFObjectNotFound:
            if self._file_parser.passed_over and self.syntax is not None:
                raise ObjectTooLarge(self.syntax.one, self._file_parser.passed_over[0]) from None
            raise

    def _getobj_parse(self, pos: int, objid: int) -> object:
        """pdfminer's parse of object `objid` at `pos` in the file, held to one object's budget."""
        return self._file_parser.parsed(partial(super()._getobj_parse, pos, objid), objid)

    def _getobj_objstm(self, stream: PDFStream, index: int, objid: int) -> object:
        """Object `index` of the object stream `stream`, as pdfminer finds it (the stream's
        tokens in order, its /N pairs of numbers first), but the stream parsed only as far as
        that object: pdfminer parses it whole for one object (the 7.9 MB of numbers after the
        one object a page needed took 15 s)."""
        key = id(stream) if stream.objid is None else stream.objid
        parsed = self._partly_parsed.get(key)
        if parsed is None:
            try:
                count = stream["N"]
            except KeyError:
                count = 0
            parser = _BoundedStreamParser(stream.get_data())
            parser.set_document(self)
            parser.syntax = self.syntax
            parsed = self._partly_parsed[key] = _PartlyParsed(parser, count)
        return parsed.object(index, objid)


    def _set_up(self, password: str) -> bool:
        """pdfminer's own set-up of the decipher from `self.encryption`; False where it fails. A
        user password is raised: PDFium cannot open the file either, and says so."""
        try:
            super()._initialize_password(password)
        except PDFPasswordIncorrect:
            raise
        except Exception:
            return False
        return True

    def _initialize_password(self, password: str = "") -> None:
        if not self._set_up(password):  # PDFium may open what pdfminer cannot decrypt, its streams unmeasured
            param = _dict(self.encryption[1]) if self.encryption else {}
            plain = _plain_encryption(param)
            if plain is None:
                raise UnknownEncryption(_method(param))
            assert self.encryption is not None
            self.encryption = (self.encryption[0], plain)
            if not self._set_up(password):
                raise UnknownEncryption(_method(param))
        handler = getattr(self.decipher, "__self__", None)
        if handler is not None and getattr(handler, "key", None) is not None:
            slow = getattr(type(handler), "decrypt_rc4", None)
            handler.decrypt_rc4 = partial(_rc4, handler.key)
            methods: dict[str, Any] = getattr(handler, "cfm", None) or {}
            for name, method in methods.items():
                if getattr(method, "__func__", None) is slow:
                    methods[name] = handler.decrypt_rc4
        if self._measure is not None and self.decipher is not None:
            self._measure(self.decipher)


class _PartlyParsed:
    """An object stream's objects parsed so far, and the parser that goes on from there (each
    object's parse held to one object's budget: _Bounded.nextobject)."""

    def __init__(self, parser: _BoundedStreamParser, count: Any) -> None:
        self.parser, self.count = parser, count
        self.objects: list[object] = []
        self.ended = False

    def object(self, index: int, objid: int | None = None) -> object:
        """The stream's object `index` (pdfminer's count: after its /N pairs of numbers), object
        `objid` of the document."""
        at = self.count * 2 + index
        while (at < 0 or len(self.objects) <= at) and not self.ended:
            try:
                self.objects.append(self.parser.nextobject(objid)[1])
            except PSEOF:
                self.ended = True
            except Exception:
                self.ended = True
                raise
        try:
            return self.objects[at]
        except IndexError as err:
            raise PDFSyntaxError(f"index too big: {index!r}") from err


def _rc4(key: bytes, objid: int, genno: int, data: bytes) -> bytes:
    """pdfminer's `decrypt_rc4` (the standard security handler's object key, RC4), done in C."""
    from hashlib import md5

    try:
        from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
    except ImportError:  # cryptography before 43
        from cryptography.hazmat.primitives.ciphers.algorithms import ARC4
    from cryptography.hazmat.primitives.ciphers import Cipher

    full = key + objid.to_bytes(4, "little")[:3] + genno.to_bytes(4, "little")[:2]
    own = md5(full).digest()[:min(len(full), 16)]
    return Cipher(ARC4(own), mode=None).decryptor().update(data)


PAGE_NODES = 100_000
"""Pages looked at, at most (the page limit refuses any PDF with more before this matters)."""


class ObjectTooLarge(BaseException):
    """pdfminer's parse of one object read past `cap` bytes of PDF syntax, or its parses of all
    the objects it read past `cap` together (`whole`; see SyntaxBudget). A BaseException, as
    KeyboardInterrupt is, so that no `except Exception` that takes a broken object for none
    (pdfminer's, this module's) takes it: it ends the reading of the file."""

    def __init__(self, cap: int, objid: int | None = None, whole: bool = False) -> None:
        super().__init__(cap, objid, whole)
        self.cap, self.objid, self.whole = cap, objid, whole


class TooManyObjects(BaseException):
    """A PDF's cross-reference tables run to more than `most` lines (XREF_LINES). A BaseException
    for the reason ObjectTooLarge is one."""

    def __init__(self, most: int) -> None:
        super().__init__(most)
        self.most = most


class RebuildTooLarge(BaseException):
    """Rebuilding a missing or broken cross-reference table took pdfminer past FALLBACK_OBJECTS
    objects, or the syntax all objects may take together (it parses every object in the file,
    those no page uses too): the file is not measured (open_document gives None), as one
    pdfminer cannot rebuild is not, and PDFium, which repairs more, reads it (a 358-page tagged
    PDF whose `startxref` was off by a few bytes is rebuilt from 89,070 objects and 10 MB of
    syntax). One object over its budget is passed over (the rebuild parses each object only to
    find object streams: a 490-page tagged PDF's structure tree holds a 2.5 MB array no page
    uses), and refused if the measure of the pages reaches it, or reaches an object the rebuilt
    table lacks, which it may hold: PDFium would parse it too (a 40 MB array took it 1.3 GB). A
    BaseException for the reason ObjectTooLarge is one."""


class LineTooLong(BaseException):
    """A line pdfminer reads (a rebuilt table's, a stream's data where /Length is not used) runs
    past MAX_LINE: it joins a line's pieces one by one, in time that grows with the square of the
    line's length. A BaseException for the reason ObjectTooLarge is one."""


class WidePredictor(BaseException):
    """A stream whose predictor has more than MAX_COLUMNS columns (/DecodeParms /Columns):
    pdfminer's PNG predictor makes a list of that many numbers before it reads a row (a 639-byte
    PDF of 3 billion columns took 24 GB). A BaseException for the reason ObjectTooLarge is one."""

    def __init__(self, columns: int) -> None:
        super().__init__(columns)
        self.columns = columns


XREF_LINES = 1_000_000
"""The most lines pdfminer may read from a PDF's cross-reference tables (written out, not in a
stream), a line an entry and some 300 bytes an entry in its dictionary of offsets (4 million
took 1.2 GB)."""
FALLBACK_OBJECTS = 500_000
"""The most objects pdfminer may parse to rebuild a cross-reference table (RebuildTooLarge): some
20 µs each (a file of 5 million `N 0 obj null endobj` and no table took minutes). A 490-page
tagged PDF holds some 270,000."""
MAX_LINE = 4_000_000
"""The longest line pdfminer may read (LineTooLong): a 60 MB line of a file with no `startxref`
ran past 90 s. Binary stream data breaks a line every few hundred bytes."""
XREF_TAIL = 1_000_000
"""How much of a PDF's end pdfminer reads backward for `startxref` when the file holds none, and
the piece of the file the last one is looked for in at a time (_BoundedParser.revreadlines). PDF
writers put it in the last kilobyte."""
MAX_COLUMNS = 100_000
"""The most columns a stream's predictor may have (WidePredictor). An image's columns are its
width in pixels, a few thousand (and pdfminer never decodes an image here); a cross-reference
stream's, the few bytes of one row."""


Parsed = TypeVar("Parsed")


@record
class SyntaxBudget:
    """The most PDF syntax pdfminer's parses of one document may take (pdf.syntax_caps): `one`
    byte for any one object, `whole` for all (the file's objects, its trailer and cross-reference
    streams, the objects a rebuilt table is made from, its object streams' objects); `spent`
    so far. pdfminer parses an array of numbers at some 1.5 s a megabyte."""

    one: int
    whole: int
    spent: int = 0


class _Bounded:
    """A pdfminer parser (PDFParser, PDFStreamParser) whose parse of each object is held to its
    SyntaxBudget (`syntax`, None: no bound): the bytes its lexer takes are counted, against the
    object (`budget`) and against the document. The lexer takes its buffer a BUFSIZ fill at a
    time, so the count is made as each fill is used up (a string of megabytes is stopped within
    4 KB of the budget) and when the parser moves (`seek`); stream data is not syntax, and is not
    counted (_BoundedParser.do_keyword)."""

    buf: bytes  # (pdfminer's PSBaseParser: the fill, and the lexer's place in it)
    charpos: int
    syntax: SyntaxBudget | None = None
    budget: int | None = None  # what the object being parsed may still take (None: no object is)
    counted = 0  # how much of the buffer, from its start, is counted already

    def _spend(self, upto: int) -> None:
        """Count the buffer's bytes up to `upto` not counted yet, against the object's budget and
        the document's."""
        spent = upto - self.counted
        if spent > 0 and self.budget is not None and self.syntax is not None:
            self.counted = upto
            self.budget -= spent
            self.syntax.spent += spent
            if self.syntax.spent > self.syntax.whole:
                raise ObjectTooLarge(self.syntax.whole, whole=True)
            if self.budget < 0:
                raise ObjectTooLarge(self.syntax.one)

    def _taken(self) -> int:
        """How much of the buffer the lexer has taken."""
        return min(self.charpos, len(self.buf))

    def fillbuf(self) -> bool:
        if self.charpos >= len(self.buf):  # the fill is used up: another comes
            self._spend(len(self.buf))
            self.counted = 0
        return super().fillbuf()  # type: ignore[misc]

    def seek(self, pos: int) -> None:
        if self.budget is not None:
            self._spend(self._taken())
        self.counted = 0
        super().seek(pos)  # type: ignore[misc]

    def parsed(self, parse: Callable[[], Parsed], objid: int | None = None) -> Parsed:
        """`parse()`, the parse of object `objid` (named in the ObjectTooLarge raised past its
        budget), within one object's budget; an object parsed within it (a stream's indirect
        /Length) takes its own, and this one's budget is as it was once that is read."""
        outer = self.budget
        if self.syntax is not None:
            self.budget, self.counted = self.syntax.one, self._taken()
        try:
            found = parse()
            self._spend(self._taken())
        except ObjectTooLarge as exc:
            if exc.objid is None:
                exc.objid = objid
            raise
        finally:
            self.budget = outer
        return found

    def nextobject(self, objid: int | None = None) -> tuple[int, Any]:
        """pdfminer's next object, parsed within one object's budget unless an object being
        parsed holds it: the trailer, a cross-reference stream, an object of a table rebuilt or
        of an object stream (`objid`, as the document numbers it)."""
        if self.budget is not None or self.syntax is None:
            return super().nextobject()  # type: ignore[misc]
        return self.parsed(super().nextobject, objid)  # type: ignore[misc]


class _BoundedParser(_Bounded, PDFParser):
    """pdfminer's parser of a file's objects, bounded (`_Bounded`); held to XREF_LINES lines of
    cross-reference tables and, when it rebuilds a missing or broken table (pdfminer sets
    `fallback`), to FALLBACK_OBJECTS objects, an object over its budget passed over
    (RebuildTooLarge); its streams' predictors held to MAX_COLUMNS."""

    fallback = False
    rebuilt_from = 0  # the objects parsed to rebuild the table
    passed_over: list[int]  # the objects a rebuild found too large to parse (their numbers)
    lines = 0  # the lines read outside any object and stream: cross-reference tables (an entry a line)
    in_stream = False  # within a stream's data
    line_fills: int | None = None  # the buffer fills the line being read has taken (None: no line is read)

    def __init__(self, fp: BinaryIO) -> None:
        super().__init__(fp)
        self.passed_over = []

    def nextobject(self, objid: int | None = None) -> tuple[int, Any]:
        """pdfminer's next object (_Bounded); while it rebuilds a table, one of FALLBACK_OBJECTS,
        and an object stream it finds counted whole against the document's syntax budget, which
        pdfminer then parses whole; an indirect object over its budget is None, its number kept
        in `passed_over` (RebuildTooLarge)."""
        if not (self.fallback and self.budget is None):
            return super().nextobject(objid)
        self.rebuilt_from += 1
        if self.rebuilt_from > FALLBACK_OBJECTS:
            raise RebuildTooLarge
        start = self.bufpos + self._taken()
        try:
            found = super().nextobject(objid)
        except ObjectTooLarge as exc:  # all objects together: given up; one indirect object: passed over
            if exc.whole:
                raise RebuildTooLarge from None
            cue = _indirect_object(self.fp, start)
            if cue is None:  # (the trailer)
                raise
            self.passed_over.append(cue)
            self.seek(self.bufpos + self._taken())  # the rebuild reads on, from where the parse stopped
            return start, None
        if self.syntax is not None and isinstance(found[1], PDFStream) and _name(found[1].get("Type")) == "ObjStm":
            self.syntax.spent += len(found[1].get_data() or b"")
            if self.syntax.spent > self.syntax.whole:
                raise RebuildTooLarge
        return found

    def nextline(self) -> tuple[int, bytes]:
        if not self.fallback and not self.in_stream and self.budget is None:
            self.lines += 1
            if self.lines > XREF_LINES:
                raise TooManyObjects(XREF_LINES)
        self.line_fills = 0
        try:
            return super().nextline()
        finally:
            self.line_fills = None

    def fillbuf(self) -> bool:
        if self.line_fills is not None and self.charpos >= len(self.buf):
            self.line_fills += 1
            if self.line_fills * self.BUFSIZ > MAX_LINE:
                raise LineTooLong
        return super().fillbuf()

    def revreadlines(self) -> Iterator[bytes]:
        """pdfminer's lines read backward from the end, as it looks for `startxref`: from just
        after the file's last `startxref` (whatever follows it, bytes after %%EOF included, left
        out), or, with none, within the last XREF_TAIL bytes. It read a file with none backward
        whole, a line's pieces joined one by one (a 60 MB line ran past 90 s)."""
        whole = self.fp
        if isinstance(whole, io.BytesIO):
            with whole.getbuffer() as data:
                found = _last_startxref(data)
                view = bytes(data[max(0, found - 1024):found + 256] if found >= 0 else data[-XREF_TAIL:])
            self.fp = io.BytesIO(view)
        try:
            yield from super().revreadlines()
        finally:
            self.fp = whole

    def do_keyword(self, pos: int, token: PSKeyword) -> None:
        """pdfminer's handling of `token`; at `stream`, the stream's data read past the budget (it
        is no syntax: read line by line where /Length is wrong or the table rebuilt), and the
        stream made a _CheckedStream."""
        if token is not self.KEYWORD_STREAM:
            return super().do_keyword(pos, token)
        outer, self.budget, self.in_stream = self.budget, None, True
        try:
            super().do_keyword(pos, token)
        finally:
            self.budget, self.in_stream, self.counted = outer, False, self._taken()
        made = self.curstack[-1][1] if self.curstack else None
        if type(made) is PDFStream:
            made.__class__ = _CheckedStream  # (its class only: a PDFStream made by pdfminer, as it is)


class _CheckedStream(PDFStream):
    """A PDFStream whose predictor is checked before pdfminer decodes it: WidePredictor when it
    has more than MAX_COLUMNS columns (resolved as pdfminer resolves them, at the same moment:
    /DecodeParms or /Columns may be objects of an object stream). An image is never decoded here."""

    def decode(self) -> None:
        if _name(self.get("Subtype")) != "Image":
            try:
                filters = self.get_filters()
            except Exception:  # pdfminer's decode meets the same and says so
                filters = []
            for _, params in filters:
                params = _resolve(params)
                if isinstance(params, dict) and "Predictor" in params:
                    columns = _resolve(params.get("Columns", 1))
                    if isinstance(columns, int) and columns > MAX_COLUMNS:
                        raise WidePredictor(columns)
        super().decode()


def _indirect_object(fp: BinaryIO, start: int) -> int | None:
    """The number of the indirect object `N G obj` at `start` in `fp`, as a rebuild of the table
    finds one (PDFXRefFallback's cue); None where none starts there."""
    fp.seek(start)
    found = PDFXRefFallback.PDFOBJ_CUE.match(fp.read(64).lstrip().decode("latin-1"))
    return int(found.group(1)) if found else None


def _last_startxref(data: memoryview) -> int:
    """Where the last `startxref` in the file's bytes starts (-1: none), found a megabyte at a time
    from the end (the file is not copied whole)."""
    end = len(data)
    while end > 0:
        start = max(0, end - XREF_TAIL)
        at = bytes(data[start:end]).rfind(b"startxref")
        if at >= 0:
            return start + at
        end = start + len(b"startxref") - 1 if start > 0 else 0
    return -1


class _BoundedStreamParser(_Bounded, PDFStreamParser):
    """pdfminer's parser of an object stream's objects, bounded (`_Bounded`)."""


class WidePageTree(Exception):
    """A node of a PDF's page tree whose /Kids array lists more kids than the PDF may have pages."""

    def __init__(self, kids: int) -> None:
        super().__init__(kids)
        self.kids = kids


class PageStreams:
    """The bytes PDFium would inflate to load each page of a PDF (see the module docstring)."""

    def __init__(self, document: PDFDocument | None, work: LzwBudget | None = None, most: int = PAGE_NODES) -> None:
        self.pages: list[tuple[dict[Any, Any], dict[Any, Any]]] = []  # each page's dictionary and resources
        self.wide = 0  # the kids a node of the page tree lists, when more than `most` - 1 (WidePageTree)
        self.sizes: dict[int, tuple[int, dict[str, int]]] = {}  # stream id: size (capped), forms it draws
        self.filters = _filters(work or LzwBudget())
        self.type3: set[int] = set()  # Type3 fonts counted (PDFium parses each glyph procedure once)
        self.mappings: dict[int, int] = {}  # ToUnicode stream id: the most characters one code maps to
        try:
            if document is not None:
                _page_tree(document.catalog.get("Pages"), {}, self.pages, set(), min(most, PAGE_NODES), most - 1)
        except WidePageTree as exc:
            self.wide = exc.kids
        except Exception:  # pdfminer reads less than PDFium repairs: measure what it could read
            pass

    def page_bytes(self, index: int, cap: int) -> int:
        """What loading page `index` (0-based) inflates, counted up to just past `cap`; 0 for a
        page pdfminer did not find."""
        if index >= len(self.pages):
            return 0
        attrs, resources = self.pages[index]
        total = 0
        try:
            drawn = [(stream, resources) for stream in _streams(attrs.get("Contents"))]
            for stream, own in drawn + self._glyph_procedures(resources):
                total += self._drawn(stream, own, cap - total, set())
                if total > cap:
                    return total
        except RecursionError:
            return cap + 1
        return total

    def page_spread(self, index: int) -> int:
        """The most characters a glyph of page `index`'s fonts stands for, by their ToUnicode maps
        (1 for none; 0-based `index`): PDFium's text page holds each, so a map of one code to
        30,000 characters made a 2 KB file's 1,000 glyphs 30 million characters and 5.9 GB."""
        if index >= len(self.pages):
            return 1
        widest = 1
        for resources in _resource_tree(self.pages[index][1]):
            for font in _dict(resources.get("Font")).values():
                for stream in _streams(_dict(font).get("ToUnicode")):
                    if id(stream) not in self.mappings:
                        self.mappings[id(stream)] = _widest_target(self._decoded(stream))
                    widest = max(widest, self.mappings[id(stream)])
        return widest

    def page_text_bytes(self, index: int) -> int:
        """The bytes of the strings page `index`'s content streams show (0-based): at most one
        glyph each, whatever the page's figures and other operators draw."""
        if index >= len(self.pages):
            return 0
        return _string_bytes(piece for s in _streams(self.pages[index][0].get("Contents")) for piece in self._decoded(s))

    def page_content_bytes(self, index: int) -> int:
        """The decoded size of page `index`'s own content streams (forms and glyph procedures not
        counted), as measured by page_bytes."""
        if index >= len(self.pages):
            return 0
        return sum(self.sizes.get(id(s), (0, {}))[0] for s in _streams(self.pages[index][0].get("Contents")))

    def _glyph_procedures(self, resources: dict[Any, Any]) -> list[tuple[PDFStream, dict[Any, Any]]]:
        """The glyph procedures of the Type3 fonts the page may use and no page before it did, each
        with the resources it draws from: PDFium parses each, as a content stream, when a glyph
        of it is first drawn."""
        procedures: list[tuple[PDFStream, dict[Any, Any]]] = []
        for font in _dict(resources.get("Font")).values():
            font = _dict(font)
            if _name(font.get("Subtype")) != "Type3" or id(font) in self.type3:
                continue
            self.type3.add(id(font))
            own = _dict(font.get("Resources")) or resources
            procedures += [(s, own) for v in _dict(font.get("CharProcs")).values() for s in _streams(v)]
        return procedures

    def _drawn(self, stream: PDFStream, resources: dict[Any, Any], cap: int, path: set[int],
               page: dict[Any, Any] | None = None) -> int:
        """A content stream's size plus what the forms it draws cost, each time drawn, up to `cap`.
        A name a form's own resources lack is looked up in the page's (`page`), as PDFium does."""
        size, draws = self._measure(stream, cap, content=True)
        if size > cap or not draws:
            return size
        page = resources if page is None else page
        forms, fallback = _dict(resources.get("XObject")), _dict(page.get("XObject"))
        for name, times in draws.items():
            form = _resolve(forms.get(name, fallback.get(name)))
            if not isinstance(form, PDFStream) or _name(form.attrs.get("Subtype")) != "Form" or id(form) in path:
                continue
            inner = _dict(form.attrs.get("Resources")) or resources
            one = self._drawn(form, inner, (cap - size) // times + 1, path | {id(form)}, page)
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
                drawn, images = list(DRAW.finditer(text)), list(INLINE_IMAGE.finditer(text))
                cut = max(len(text) - CARRY, 0)
                while (lower := min((m.start() for m in drawn + images if m.end() > cut), default=cut)) < cut:
                    cut = lower  # a match running past the cut is read whole with the next chunk
                for m in drawn:
                    if m.end() <= cut:
                        _count_draw(m, draws)
                size += sum(_inline_image_bytes(m.group(1)) for m in images if m.end() <= cut)
                carry = text[cut:]
            if size > cap:
                self.sizes[id(stream)] = (size, _PARTIAL)
                return size, _PARTIAL
        for m in DRAW.finditer(carry):
            _count_draw(m, draws)
        size += sum(_inline_image_bytes(m.group(1)) for m in INLINE_IMAGE.finditer(carry))
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


OBJ = re.compile(rb"(?<![\d.])(\d+)\s+(\d+)\s+obj(?![^\s/\[\]<>(){}%])")
"""An object's `N G obj`."""
STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
"""The keyword that starts a stream's data, after its dictionary's `>>` (and any white space)."""
HEAD = 1 << 16
"""How much of a stream's dictionary is read at most, back from `stream`."""
LENGTH = re.compile(rb"/Length\s+(\d+)(?!\d)(?!\s+\d+\s+R)")
FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>(){}%]+|\d+\s+\d+\s+R)")
NAME = re.compile(rb"/([^\s/\[\]<>(){}%]+)")
TYPE = re.compile(rb"/(?:Type|Subtype)\s*/(Image|ObjStm|XRef)(?![^\s/\[\]<>(){}%])")
FONT_FILE = re.compile(rb"/(?:FontFile[23]?|ToUnicode)\s*(\d+)\s+\d+\s+R")
"""A font's program or ToUnicode map, by object number: counted even where it says it is an image."""
NEVER_READ = {b"Image"}
"""Stream types the reader never decodes: images (only rendering does). An attached file is
counted: nothing in its dictionary tells it from a stream posing as one."""
OBJECTS = {b"ObjStm", b"XRef"}
"""Stream types holding PDF syntax that a reader parses into objects."""


@record(frozen=True)
class StreamSizes:
    """What a PDF's streams other than images decompress to, counted in its bytes (see `stream_sizes`)."""

    total: int
    """All of them together."""
    objects: int
    """Object and cross-reference streams together."""


Decipher = Callable[[int, int, bytes], bytes]


def stream_sizes(data: bytes, cap: int, objects_cap: int, budget: LzwBudget | None = None,
                 decipher: Decipher | None = None) -> StreamSizes:
    """What the streams of the PDF `data` other than images decompress to, each sum counted up to
    just past its cap (`objects_cap` for object and cross-reference streams, `cap` for all).

    PDFium and pdfminer inflate a stream whole when they need it: a 1 MB file can hold a 1 GB
    font program, object stream or cross-reference stream, which both read before any page. So the
    file's bytes are scanned for streams before either opens it, with no PDF parser: each
    `N G obj << … >> stream` is found in order, its end from a direct /Length or the next
    `endstream`, its filters (an indirect /Filter looked up) applied a megabyte at a time. Images
    are left out (the reader never decodes one) unless a font names one as its program or
    ToUnicode map, or it says it is an object or cross-reference stream too. An encrypted PDF's
    streams do not inflate before they are decrypted: measured again with `decipher`
    (pdfminer's, handed over by `open_document` before pdfminer reads any object through it),
    cross-reference streams, never encrypted, excepted.
    """
    filters = _filters(budget or LzwBudget())
    font_files = {int(n) for n in FONT_FILE.findall(data)}
    looked_up: dict[bytes, list[bytes]] = {}
    total = objects = 0
    view = memoryview(data)
    for number, kinds, names, start, end in _raw_streams(data, looked_up):
        if kinds & NEVER_READ and not kinds & OBJECTS and (number is None or number[0] not in font_files):
            continue
        is_objects = bool(kinds & OBJECTS)
        room = min(cap - total, objects_cap - objects) if is_objects else cap - total
        pieces: Iterable[bytes] = _chunks(view[start:end])
        if decipher is not None and number is not None and b"XRef" not in kinds:
            try:
                pieces = [decipher(number[0], number[1], bytes(view[start:end]))]
            except Exception:  # a stream pdfminer cannot decrypt, PDFium cannot either
                continue
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
    return StreamSizes(total, objects)


RawStream = tuple[tuple[int, int] | None, set[bytes], list[bytes], int, int]
"""A stream found in a PDF's bytes: its object number and generation, the Image/ObjStm/XRef
types its dictionary names, its filters, and where its data starts and ends."""


def _raw_streams(data: bytes, looked_up: dict[bytes, list[bytes]]) -> Iterator[RawStream]:
    """Each stream of the PDF `data` in file order (see RawStream). Each `stream` keyword after a
    dictionary's `>>` is found first, then the last `N G obj` before it since the stream before
    (looked for in the HEAD bytes before it first): a 148 MB file of a million small objects
    and one stream took 2 s to search object by object."""
    pos, since, head = 0, 0, 0  # where the search goes on, where the stream before ended, its dictionary's start
    while (found := STREAM.search(data, pos)) is not None:
        pos = found.end()
        opening = _dictionary_end(data, since, found.start())
        if opening < 0:
            continue
        number = None
        window = max(since, opening - HEAD)
        last = _last(OBJ.finditer(data, window, opening))
        if last is None and window > since:
            last = _last(OBJ.finditer(data, since, opening))
        if last is not None:
            number, head = (int(last.group(1)), int(last.group(2))), last.end()
        start = found.end()
        header = data[max(head, opening - HEAD):opening + 2]
        end = -1
        length = LENGTH.search(header)
        if length is not None and len(length.group(1)) < 16:
            stop = start + int(length.group(1))
            if data[stop:stop + 32].lstrip().startswith(b"endstream"):
                end = stop
        if end < 0:
            end = data.find(b"endstream", start)
            end = len(data) if end < 0 else end
        yield number, {m.group(1) for m in TYPE.finditer(header)}, _filter_names(data, header, looked_up), start, end
        head = since = pos = max(end, start)


def _last(matches: Iterator[re.Match[bytes]]) -> re.Match[bytes] | None:
    last = None
    for last in matches:
        pass
    return last


def _dictionary_end(data: bytes, pos: int, keyword: int) -> int:
    """Where the `>>` before the `stream` keyword at `keyword` starts, white space between them
    skipped (back to `pos` at most); -1 where no `>>` is there (`endstream`, a word in a string)."""
    end = keyword
    while end > pos:
        piece = data[max(pos, end - 4096):end]
        kept = len(piece.rstrip())
        end -= len(piece) - kept
        if kept:
            break
    return end - 2 if end - 2 >= pos and data[end - 2:end] == b">>" else -1


def _filter_names(data: bytes, header: bytes, looked_up: dict[bytes, list[bytes]]) -> list[bytes]:
    """The filters a stream's dictionary names, an indirect /Filter (`/Filter 8 0 R`) looked up
    (once: `looked_up` keeps what each object number gave)."""
    spec = FILTER.search(header)
    if spec is None:
        return []
    value = spec.group(1)
    if not value[:1].isdigit():
        return [_unescaped(n) for n in NAME.findall(value)]
    number = value.split()[0]
    if number not in looked_up:
        target = re.search(rb"(?<![\d.])%s\s+\d+\s+obj\s*(.{0,512}?)endobj" % number, data, re.S)
        looked_up[number] = [_unescaped(n) for n in NAME.findall(target.group(1))] if target is not None else []
    return looked_up[number]


def _unescaped(name: bytes) -> bytes:
    """A PDF name with its #-escapes read (`Flate#44ecode` is `FlateDecode`)."""
    return ESCAPE.sub(lambda e: bytes((int(e.group(1), 16),)), name)


_PARTIAL: dict[str, int] = {}
"""The draws of a stream measured only up to a cap (its forms were not looked at)."""
ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
"""A character written as # and two hex digits in a PDF name (`/X#31` is `/X1`)."""
INLINE_IMAGE = re.compile(rb"(?<![^\s/\[\]<>(){}%])BI(?![^\s/\[\]<>(){}%])(.{0,1024}?)(?<![^\s/\[\]<>(){}%])ID(?=\s)", re.S)
"""An inline image's dictionary, between `BI` and `ID`."""
INLINE_KEYS = re.compile(rb"/(W|Width|H|Height|BPC|BitsPerComponent|CS|ColorSpace|IM|ImageMask)\s*(/?[^\s/\[\]<>(){}%]+)")
COMPONENTS = {b"G": 1, b"DeviceGray": 1, b"CMYK": 4, b"DeviceCMYK": 4}
"""Colour components of an inline image by colour space; any other is taken as three (RGB)."""


HEX_STRING = re.compile(rb"<([0-9A-Fa-f\s]{8,})>")
"""A hex string of a CMap longer than one UTF-16 code unit (a ToUnicode target of two or more)."""
CMAP_READ = 4 << 20
"""How much of a ToUnicode map is read for its widest target (a real one is a few KB)."""


def _widest_target(pieces: Iterable[bytes]) -> int:
    """The most UTF-16 code units one hex string of a ToUnicode CMap holds (at least 1): an upper
    bound of the characters one code maps to."""
    widest, read, carry = 1, 0, b""
    for piece in pieces:
        text = carry + piece
        for m in HEX_STRING.finditer(text):
            widest = max(widest, len(re.sub(rb"\s", b"", m.group(1))) // 4)
        opened = text.rfind(b"<")
        carry = text[opened:] if opened >= 0 and b">" not in text[opened:] else b""
        widest = max(widest, len(carry) // 4)  # a target still open, or too long to carry whole
        carry = carry[:1 << 16]
        read += len(piece)
        if read > CMAP_READ:
            break
    return widest


STRING_TOKEN = re.compile(rb"\\.|[()]|(?<!<)<(?!<)[^<>]*>", re.S)
"""An escaped character, a literal string's bracket, or a hex string (junk and all: PDFium skips
what is not a digit), in a content stream."""


def _string_bytes(pieces: Iterable[bytes]) -> int:
    """The bytes inside the literal strings (nested brackets followed) and hex strings of a
    content stream given in pieces."""
    depth = count = 0
    for piece in pieces:
        opened = 0
        for m in STRING_TOKEN.finditer(piece):
            token = m.group()
            if token[:1] == b"\\" and depth == 0 and token[1:] in (b"(", b")"):
                token = token[1:]  # a backslash outside a string escapes nothing
            if token == b"(":
                opened = m.end() if depth == 0 else opened
                depth += 1
            elif token == b")" and depth:
                depth -= 1
                count += m.start() - opened if depth == 0 else 0
            elif token[:1] == b"<" and depth == 0:
                count += (len(token) - 2) // 2
        count += len(piece) - opened if depth else 0
    return count


def _count_draw(m: re.Match[bytes], draws: dict[str, int]) -> None:
    key = _unescaped(m.group(1)).decode("latin-1")
    draws[key] = draws.get(key, 0) + 1


def _inline_image_bytes(head: bytes) -> int:
    """What PDFium makes of an inline image when it parses the page: its width × height samples,
    decoded (its data, already counted as content, may be compressed a thousand to one)."""
    keys = {k: v for k, v in INLINE_KEYS.findall(head)}

    def number(*names: bytes, default: int) -> int:
        value = next((keys[n] for n in names if n in keys), b"")
        return int(value) if value.isdigit() and len(value) < 12 else default

    if keys.get(b"IM", keys.get(b"ImageMask")) == b"true":
        bits = 1
    else:
        space = keys.get(b"CS", keys.get(b"ColorSpace", b"")).lstrip(b"/")
        bits = number(b"BPC", b"BitsPerComponent", default=8) * COMPONENTS.get(space, 3)
    return number(b"W", b"Width", default=0) * number(b"H", b"Height", default=0) * bits // 8


def _resource_tree(resources: dict[Any, Any]) -> list[dict[Any, Any]]:
    """A page's resources and those of every form and Type3 font reachable from them (a form
    may set text in a font of its own), each once, at most RESOURCE_DICTS of them."""
    found: list[dict[Any, Any]] = []
    seen: set[int] = set()
    stack = [resources]
    while stack and len(found) < RESOURCE_DICTS:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        found.append(current)
        forms = [s.attrs for s in (_resolve(v) for v in _dict(current.get("XObject")).values()) if isinstance(s, PDFStream)]
        for owner in forms + [_dict(v) for v in _dict(current.get("Font")).values()]:
            if inner := _dict(owner.get("Resources")):
                stack.append(inner)
    return found


RESOURCE_DICTS = 10_000
"""Resource dictionaries looked at for one page's fonts, at most."""


def _page_tree(root: Any, resources: dict[Any, Any], pages: list[tuple[dict[Any, Any], dict[Any, Any]]],
               seen: set[int], most: int = PAGE_NODES, widest: int | None = None) -> None:
    """The first `most` pages under `root` (a page-tree node or a reference to one) in order, each
    with the resources it has or inherits. As in PDFium, a node with /Kids is a page-tree node and
    one without is a page, whatever its /Type says; a node met twice (a loop) is passed over. A
    kid is looked up only when its turn comes: a node of a million kids (with /Count 1) had each
    parsed and kept, 1.4 GB and 4 minutes, before the page limit was checked. A node whose /Kids
    lists more than `widest` kids in the file's bytes is WidePageTree before it is parsed."""
    stack: list[tuple[Any, dict[Any, Any]]] = [(root, resources)]
    while stack and len(pages) < most:
        value, inherited = stack.pop()
        if widest is not None and (listed := _listed_kids(value)) > widest:
            raise WidePageTree(listed)
        node = _dict(value)
        if id(node) in seen:
            continue
        seen.add(id(node))
        own = _dict(node.get("Resources")) or inherited
        if "Kids" in node:
            stack.extend((kid, own) for kid in reversed(_list(node.get("Kids"))))
        else:
            pages.append((node, own))



def _listed_kids(value: Any) -> int:
    """The references in the /Kids array of the object `value` refers to, counted in the file's
    bytes before pdfminer parses it (a node of a million kids took it 12 s and 210 MB to parse);
    0 where the object is not one of the file's own (one in an object stream is measured with it,
    see Limits.pdf_objects_mb) or holds no /Kids array of its own."""
    data = getattr(getattr(value, "doc", None), "file_bytes", b"")
    if not isinstance(value, PDFObjRef) or not data:
        return 0
    for xref in getattr(value.doc, "xrefs", ()):
        try:
            stream, start, _ = xref.get_pos(value.objid)
        except Exception:  # not in this section: pdfminer looks in the next one
            continue
        if stream is not None or not isinstance(start, int):
            return 0
        end = data.find(b"endobj", start)
        end = len(data) if end < 0 else end
        kids = data.find(b"/Kids", start, end)
        opening = data.find(b"[", kids + 5, end) if kids >= 0 else -1
        if opening < 0 or data[kids + 5:opening].strip():
            return 0
        closing = data.find(b"]", opening, end)
        return data.count(b"R", opening, end if closing < 0 else closing)
    return 0


def _streams(value: Any) -> list[PDFStream]:
    value = _resolve(value)
    items = value if isinstance(value, list) else [value]
    return [s for s in (_resolve(v) for v in items) if isinstance(s, PDFStream)]


def _list(value: Any) -> list[Any]:
    value = _resolve(value)
    return value if isinstance(value, list) else []
