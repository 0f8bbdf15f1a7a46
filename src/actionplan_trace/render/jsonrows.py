"""JSON documents with long lists written one item per line.

`json.dumps(..., indent=2)` runs Python's pure-Python encoder (the C encoder only serves compact
output) and needs the whole document as one dict tree first. Here each list item is encoded by
the C encoder on its own line, from an iterable, so a report of half a million references is
written several times faster and without a second copy of itself in dicts. The result is the
same JSON value, still readable: two-space indentation down to the list items.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any, Callable, Collection, Iterable, Mapping, TypeVar

from ..output import encode as utf8

try:
    from _json import make_encoder as c_make_encoder  # what json.encoder uses, when CPython has it
except ImportError:  # pragma: no cover - a Python without the C accelerator
    c_make_encoder = None  # type: ignore[assignment,misc]

_ROW = json.JSONEncoder(ensure_ascii=False)
_MARKERS: dict[int, Any] = {}  # the ids of the containers being written (circular references)
_C_ROW: Callable[[Any, int], list[str]] | None = (
    c_make_encoder(_MARKERS, _ROW.default, encode_basestring, None, _ROW.key_separator, _ROW.item_separator,
                   False, False, True) if c_make_encoder is not None else None)


def encode_row(item: Any) -> str:
    """One compact JSON item, exactly as written on a row (`", "` and `": "` separators, no
    escaping beyond JSON's own); a caller that builds rows from pieces must match it.

    It is `_ROW.encode(item)`, but for a container with one C encoder made once: `encode` makes
    a new one (with a float formatter and a markers dict) on every call, which cost more than
    writing a small row such as a location."""
    if _C_ROW is None or isinstance(item, str):
        return _ROW.encode(item)
    try:
        return "".join(_C_ROW(item, 0))
    except BaseException:
        _MARKERS.clear()  # left holding the containers it was inside when it stopped
        raise


_ITEM_BREAK = ",\n    "  # between two items of a list, each on its own line

Piece = TypeVar("Piece", str, bytes)


def dumps_rows(fields: Mapping[str, Any], encoded: Collection[str] = ()) -> str:
    """`fields` as a JSON object; a value that is a list, tuple or generator is written one item
    per line (items compact), any other value indented as usual. The values of the keys named in
    `encoded` are iterables of items already encoded (as `encode_row` would), written as they are.

    The document is one join of its pieces, each item and each break between two items a piece:
    a list's items joined first and then set into the document (an f-string, then a join of the
    lines) copied its megabytes twice more, each copy into newly mapped memory, which cost several
    times the writing of the rows (2.2 ms of a 0.8 MB report). The refs JSON is written by
    dumps_rows_utf8; this str form is what the tests hold that one to."""
    return "".join(_pieces(fields, encoded, _as_text))


def dumps_rows_utf8(fields: Mapping[str, Any], encoded: Collection[str] = ()) -> bytes:
    """`dumps_rows(fields, encoded)` as the writer writes it (`utf8`), from items in `encoded`
    that are already `utf8` bytes: made by encoding each distinct piece once (see render.refs),
    rather than the whole document when it is written. One character beyond Latin-1 (an en dash)
    makes a document of a megabyte a str of two bytes a character, which encoding walked in full
    (12 M instructions), and its ASCII pieces had to be widened to be joined into it."""
    return b"".join(_pieces(fields, encoded, utf8))


def _as_text(text: str) -> str:
    """A piece of dumps_rows' document: the text as it is."""
    return text


def _pieces(fields: Mapping[str, Any], encoded: Collection[str], piece: Callable[[str], Piece]) -> list[Piece]:
    """The pieces of `dumps_rows`' document, each text made a piece by `piece`: the text itself
    or its UTF-8 bytes (the items of an `encoded` key already are pieces)."""
    pieces = [piece("{")]
    item_break = piece(_ITEM_BREAK)
    last = len(fields) - 1
    for k, (key, value) in enumerate(fields.items()):
        comma = "," if k < last else ""
        name = json.dumps(key, ensure_ascii=False)
        if isinstance(value, (list, tuple)) or _is_iterator(value):
            rows: list[Piece] = list(value) if key in encoded else [piece(encode_row(item)) for item in value]
            if rows:
                # Each item on its own line, a comma after all but the last: the items at the
                # even places of a list of breaks, set there by one slice assignment.
                spaced = [item_break] * (2 * len(rows) - 1)
                spaced[::2] = rows
                pieces.append(piece(f"\n  {name}: [\n    "))
                pieces += spaced
                pieces.append(piece(f"\n  ]{comma}"))
            else:
                pieces.append(piece(f"\n  {name}: []{comma}"))
        else:
            text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            pieces.append(piece(f"\n  {name}: {text}{comma}"))
    pieces.append(piece("\n}\n"))
    return pieces


def _is_iterator(value: Any) -> bool:
    return isinstance(value, Iterable) and not isinstance(value, (str, bytes, dict, Mapping))
