"""Parse untrusted XML without entity expansion, network access or huge-tree allowances.

Office files are ZIP packages of XML written by whoever sent them. A document type
declaration that defines entities is the vehicle of entity-expansion ("billion laughs")
and external-entity attacks, and Office Open XML never needs one, so such parts are
refused outright instead of being parsed with the entities left unexpanded.
"""

from __future__ import annotations

from lxml import etree

from ..errors import InputError
from ..regexcache import regex


def _parser() -> etree.XMLParser:
    """A fresh parser per call: lxml parsers must not be shared between threads."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )


def parse_xml(data: bytes, path: str, part: str) -> etree._Element:
    """Parse `data` (the bytes of `part` inside the file at `path`) and return its root.

    Raises InputError for malformed XML and for a document type declaration that
    declares entities.
    """
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        if _declares_entities(data, exc.msg):
            raise InputError(path, _refused(part)) from None
        raise InputError(path, f"corrupt XML in {part}: {exc.msg}") from None
    except ValueError as exc:
        raise InputError(path, f"corrupt XML in {part}: {exc}") from None
    if root is None:
        raise InputError(path, f"corrupt XML in {part}: empty document")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(path, _refused(part))
    return root


def _refused(part: str) -> str:
    return f"XML in {part} declares entities (refused: possible entity-expansion attack)"


def _declares_entities(data: bytes, message: str) -> bool:
    """Whether a part that failed to parse did so over entities it declares (libxml2 stops a
    "billion laughs" at its amplification limit, or an attribute naming an external entity): the
    same attack as a declaration that parses, so the same one line, not libxml2's wording. An
    amplification stop needs declared entities; another entity error counts when a document type
    declaration with an entity declaration after it opens the part, read in the part's encoding
    (UTF-8 or UTF-16) with its comments and CDATA sections left out, so one quoted there, in a
    part with or without a declaration, does not count."""
    said = message.lower()
    if "entit" not in said:
        return False
    if "amplification" in said or "entity reference loop" in said:
        return True
    head = _unquoted(_markup_text(data[:_PROLOG_BYTES]))
    doctype = head.find("<!DOCTYPE")
    return doctype >= 0 and "<!ENTITY" in head[doctype:]


_PROLOG_BYTES = 65536  # how far into a part its document type declaration is looked for
_OPENS = regex(r"<!--|<!\[CDATA\[")
_CLOSES = {"<!--": "-->", "<![CDATA[": "]]>"}


def _unquoted(text: str) -> str:
    """`text` without its comments and CDATA sections: what they hold is not markup, so a
    "<!ENTITY" or "<!DOCTYPE" quoted there declares nothing. One left open stays, with the rest of
    the text (a subset behind an unclosed comment still counts). Each close is looked for once,
    from its opening on, so a part of many unclosed openings is read once, not once an opening."""
    kept: list[str] = []
    at = 0
    while (opening := _OPENS.search(text, at)) is not None:
        close = _CLOSES[opening.group()]
        end = text.find(close, opening.end())
        if end < 0:
            break
        kept.append(text[at:opening.start()])
        at = end + len(close)
    kept.append(text[at:])
    return "".join(kept)


def _markup_text(data: bytes) -> str:
    """Bytes of XML as text enough to find its markup: in the encoding the bytes tell (a
    byte-order mark, UTF-16's NULs: decoding.sniffed_encoding), else one character a byte (markup
    is ASCII in UTF-8 and its kin)."""
    from .decoding import sniffed_encoding  # only for a part that failed to parse

    found = sniffed_encoding(data)
    return data[found[1]:].decode(found[0], errors="replace") if found else data.decode("latin-1")
