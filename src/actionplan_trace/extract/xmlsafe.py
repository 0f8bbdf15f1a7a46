"""Parse untrusted XML without entity expansion, network access or huge-tree allowances.

Office files are ZIP packages of XML written by whoever sent them. A document type
declaration that defines entities is the vehicle of entity-expansion ("billion laughs")
and external-entity attacks, and Office Open XML never needs one, so such parts are
refused outright instead of being parsed with the entities left unexpanded. HTML, which
libxml2 reads with a cost that grows with the square of an element's attributes, is first
looked over for an element holding too many (`too_many_attributes`).
"""

from __future__ import annotations

import re

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
        if is_too_deep(exc.code, exc.msg):
            raise InputError(path, too_deep(part)) from None
        raise InputError(path, f"corrupt XML in {part}: {exc.msg}") from None
    except ValueError as exc:
        raise InputError(path, f"corrupt XML in {part}: {exc}") from None
    if root is None:
        raise InputError(path, f"corrupt XML in {part}: empty document")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(path, _refused(part))
    return root


MAX_DEPTH = 256
"""How deep libxml2 lets elements nest (its limit without XML_PARSE_HUGE, which stays off): a
table in a table in a table … some 85 deep in a .docx (three elements a table), far beyond any
real document's two or three."""


def is_too_deep(code: int, message: str) -> bool:
    """Whether a libxml2 error is its stop at MAX_DEPTH ("Excessive depth in document: 256, use
    XML_PARSE_HUGE option"): the markup need not be broken, only nested deeper than it reads."""
    return code == etree.ErrorTypes.ERR_RESOURCE_LIMIT and "depth" in message.lower()


def too_deep(part: str) -> str:
    """The message for markup nested deeper than MAX_DEPTH."""
    return f"{part} nests elements more than {MAX_DEPTH} deep, too deep to read"


def _refused(part: str) -> str:
    return f"XML in {part} declares entities (refused: possible entity-expansion attack)"


def _declares_entities(data: bytes, message: str) -> bool:
    """Whether a part that failed to parse did so over entities it declares (libxml2 stops a
    "billion laughs" at its amplification limit, or an attribute naming an external entity): the
    same attack as a declaration that parses, so the same one line, not libxml2's wording. An
    amplification stop needs declared entities; another entity error counts when the part, read
    in its encoding (UTF-8 or UTF-16), opens with a document type declaration whose internal
    subset declares an entity (`_subset_declares_entity`): one quoted in a comment, a literal or
    the document's text does not count."""
    said = message.lower()
    if "entit" not in said:
        return False
    if "amplification" in said or "entity reference loop" in said:
        return True
    return _subset_declares_entity(_markup_text(data[:_PROLOG_BYTES]))


_PROLOG_BYTES = 65536  # how far into a part its document type declaration is looked for
_CLOSES = (("<?", "?>"), ("<!--", "-->"))  # a processing instruction and a comment: skipped whole


def _subset_declares_entity(text: str) -> bool:
    """Whether the XML `text` opens with a document type declaration whose internal subset
    declares an entity: the prolog is read as markup (its processing instructions, comments and
    quoted literals skipped whole), so a "<!ENTITY" or "<!DOCTYPE" quoted in a comment, a literal
    or the text of the document counts for nothing, and a "-->" quoted inside a processing
    instruction or a literal ends nothing. Where a construct is left open, what follows in the
    subset still counts. One pass: every search starts where the last one ended."""
    at, end = 0, len(text)
    while at < end:  # the prolog, up to the document type declaration
        if text[at].isspace():
            at += 1
        elif text.startswith("<!DOCTYPE", at):
            break
        elif (skipped := _skip_marked(text, at)) is not None:
            if skipped < 0:
                return False
            at = skipped
        else:
            return False  # the root element: no declaration
    else:
        return False
    doctype = at
    at = _skip_declaration(text, at + len("<!DOCTYPE"), "[")
    if at < 0:
        return "<!ENTITY" in text[doctype:]  # never closed: what follows counts
    if text[at] != "[":
        return False  # closed without an internal subset: it declares nothing
    at += 1
    while at < end:  # the internal subset
        if text.startswith("<!ENTITY", at):
            return True
        if text[at] == "]":
            return False
        skipped = _skip_marked(text, at)
        if skipped is None and text.startswith("<!", at):
            skipped = _skip_declaration(text, at + 2, "")
            skipped = skipped + 1 if skipped >= 0 else skipped
        if skipped is not None and skipped < 0:
            return "<!ENTITY" in text[at:]
        at = skipped if skipped is not None else at + 1
    return False


def _skip_marked(text: str, at: int) -> int | None:
    """Past the processing instruction or comment at `at` (-1 when it is never closed), or None
    when neither starts there."""
    for opening, close in _CLOSES:
        if text.startswith(opening, at):
            found = text.find(close, at + len(opening))
            return found + len(close) if found >= 0 else -1
    return None


def _skip_declaration(text: str, at: int, stop: str) -> int:
    """Where a markup declaration's text from `at` ends: at its closing ">" or, when `stop` is
    "[", at an internal subset's opening; quoted literals are skipped whole. -1 when it never ends."""
    end = len(text)
    while at < end:
        char = text[at]
        if char == '"' or char == "'":
            close = text.find(char, at + 1)
            if close < 0:
                return -1
            at = close + 1
        elif char == ">" or char == stop:
            return at
        else:
            at += 1
    return -1


def _markup_text(data: bytes) -> str:
    """Bytes of XML as text enough to find its markup: in the encoding the bytes tell (a
    byte-order mark, UTF-16's NULs: decoding.sniffed_encoding), else one character a byte (markup
    is ASCII in UTF-8 and its kin)."""
    from .decoding import sniffed_encoding  # only for a part that failed to parse

    found = sniffed_encoding(data)
    return data[found[1]:].decode(found[0], errors="replace") if found else data.decode("latin-1")


MAX_ATTRIBUTES = 1_000
"""The most attributes an HTML element may hold for libxml2 to read it: its HTML parser checks each
attribute against all before it, so one `<p>` of 300,000 attributes (2.9 MB) ran for minutes, and
one of 40,000 took 1.8 s. Word's and LibreOffice's pages give an element a few."""

_SPACE = "\t\n\f\r "
_ATTRIBUTE = (rf"[^{_SPACE}/>][^{_SPACE}/>=]*+"
              rf"(?:[{_SPACE}]*+=[{_SPACE}]*+(?:\"[^\"]*+\"?|'[^']*+'?|[^{_SPACE}>]*+))?+")
# An attribute as HTML's tokenizer reads one (which libxml2 2.14 follows): a name of any characters
# but white space, "/", ">" and "=" (which only a name's first may be), then perhaps "=" and a
# value, quoted (up to its closing quote, which may hold ">" or "<") or not (up to white space or
# ">"). Every quantifier is possessive: each start tag is read once, in time linear in its length.
ATTRIBUTE = regex(_ATTRIBUTE)
TOKEN = regex(rf"<(?:(?P<comment>!--)|(?P<bogus>[!?])|(?P<end>/)?(?P<name>[A-Za-z][^{_SPACE}/>]*+)"
              rf"(?P<attributes>(?:[{_SPACE}/]*+{_ATTRIBUTE})*+))")
"""What HTML's tokenizer reads at a "<" (which libxml2 2.14 follows): a comment's opening, a bogus
comment's (`<!…>`, `<?…>`: to the next ">"), or a start or end tag, its name and attributes
(what ATTRIBUTE finds in them, in turn); a "<" before anything else is text."""
COMMENT_END = regex(r"-?-?!?>|.*?--!?>", re.DOTALL)
"""Where a comment opened by `<!--` ends: at once (`<!-->`, `<!--->`), or at `-->` or `--!>`."""
RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
"""Elements whose content libxml2 reads as text up to their end tag: a tag in it is none."""


def too_many_attributes(markup: str, part: str, most: int = MAX_ATTRIBUTES) -> str | None:
    """The problem with HTML `markup` (`part`: what to call it) when one of its elements holds more
    than `most` attributes (MAX_ATTRIBUTES), else None. The markup is read token by token as
    libxml2 reads it (TOKEN): comments, raw text (RAW_TEXT, `<plaintext>` to the end) and the
    quoted values of attributes hold no tag, and a tag in them is not counted (a `<` in a script,
    `a<b`, is no element; a `<!--` in a quoted value opens no comment). An attribute and what
    parts it from the next take two characters at least, so only tags longer than twice `most`
    are counted, and a text no longer than that is not looked at."""
    if len(markup) <= 2 * most:
        return None
    pos = 0
    while (token := TOKEN.search(markup, pos)) is not None:
        pos = token.end()
        if token.group("comment") is not None:
            end = COMMENT_END.match(markup, pos)
            if end is None:
                return None  # a comment to the end: no tag after it
            pos = end.end()
            continue
        if token.group("bogus") is not None:
            pos = markup.find(">", pos) + 1
            if pos == 0:
                return None
            continue
        if token.end("attributes") - token.start("attributes") > 2 * most:
            count = sum(1 for _ in ATTRIBUTE.finditer(token.group("attributes")))
            if count > most:
                return f"{part} has an element of {count:,} attributes, more than {most:,}: too many to read"
        name = token.group("name").lower()
        if token.group("end") is None and name in RAW_TEXT:
            close = regex(rf"</{name}[{_SPACE}/>]", re.IGNORECASE).search(markup, pos)
            if close is None:
                return None
            pos = close.start()
        elif token.group("end") is None and name == "plaintext":
            return None
    return None
