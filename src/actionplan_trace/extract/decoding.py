"""Bytes of a text rendering to text: the encoding from a byte-order mark (UTF-8, UTF-16 and
UTF-32, either byte order), else UTF-8, else Windows-1252 for legacy files with no UTF-8 sequence
at all. Undecodable bytes never stop the reading: each bad sequence becomes U+FFFD and the
repair is reported (an `InputWarning`, and a note in `Source.warnings`)."""

from __future__ import annotations

import codecs
import re
import warnings
from pathlib import Path

from ..errors import InputError, InputWarning

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
SAMPLE = 4096


def decode_text(path: Path, data: bytes) -> tuple[str, tuple[str, ...]]:
    """The text of `data` and the repairs made to read it (empty when it decoded cleanly).

    Binary data (NUL bytes without a byte-order mark or a UTF-16 pattern) is an InputError.
    """
    found = sniffed_encoding(data)
    if found is not None:
        encoding, skip = found
        return _decode(path, data[skip:], encoding, skip)
    if b"\x00" in data[:SAMPLE]:
        raise InputError(str(path), "binary data, not a text rendering")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    if UTF8_SEQUENCE.search(data) is None:
        return _decode(path, data, "cp1252")
    return _decode(path, data, "utf-8")


def sniffed_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding the bytes themselves tell, and how many bytes its mark takes: a byte-order
    mark's, else UTF-16 by where its NULs sit (no mark); None when they tell none."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    if b"\x00" in data[:SAMPLE]:
        guess = _utf16_without_bom(data[:SAMPLE])
        return None if guess is None else (guess, 0)
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit at nearly every odd/even byte (ASCII-range UTF-16)."""
    even, odd = sample[0::2], sample[1::2]
    if not even or not odd:
        return None
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16-be"
    return None


def _decode(path: Path, data: bytes, encoding: str, offset: int = 0) -> tuple[str, tuple[str, ...]]:
    """Decode strictly; failing that, replace each bad sequence with U+FFFD and say so
    (`offset`: bytes before `data` in the file, for the position in the message)."""
    try:
        return data.decode(encoding), ()
    except UnicodeDecodeError as exc:
        first = exc.start + offset
    text = data.decode(encoding, errors="replace")
    try:
        marker = "\ufffd".encode(encoding)
    except UnicodeEncodeError:  # Windows-1252 has no U+FFFD: every one in the text is a repair
        marker = b""
    already = data.count(marker) if marker else 0
    count = max(1, text.count("\ufffd") - already)
    note = (f"{count} undecodable byte sequence{'s' if count > 1 else ''} in {encoding.upper()} text replaced by "
            f"U+FFFD (first at byte {first})")
    warnings.warn(InputWarning(str(path), note), stacklevel=2)
    return text, (note,)
