"""Inline markup of Markdown and HTML-in-text: strip it to plain text, keep emphasis as a hint.

Markdown writers (pandoc, GitHub, hand-written) wrap text in `**bold**`, `__bold__`, `*em*`,
`[links](url)`, pandoc spans `[text]{.underline}` and anchors `[]{#_Toc1}`, backslash escapes
and raw HTML (`<b>`, `<br>`, `<p>`). None of that is the document's text: `clean_inline` removes
it and says whether the whole line was bold, so a bold-only line stays a heading signal.
`html_paragraphs` reads a table cell or line that *is* an HTML fragment (it starts and ends with
a block element) into its paragraphs; text that merely contains a tag is left alone.
"""

from __future__ import annotations

import operator
import re
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..regexcache import regex
from ..text_patterns import DEFAULT_BULLET, is_bullet_label, plain_hyphens, pua_label

if TYPE_CHECKING:
    from typing import TypeAlias

    import lxml.html
    from lxml import etree

# CommonMark's inline raw HTML that is not a tag, the first found first: a comment (`<!-->`,
# `<!--->`, or `<!--` up to the first `-->`), a processing instruction (`<?` up to the first `?>`),
# a declaration (`<!` and a letter, up to the first `>`) and a CDATA section (up to the first
# `]]>`). Any of them not closed is literal text. See clean_inline for what a reader sees of them.
RAW_HTML = regex(r"<!---?>|<!--.*?-->|<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>", re.DOTALL)
# Each inline pattern scans from its opener to its closer, and an opener left unclosed made it scan
# the rest of the line, for every such opener ("*a *a …", "[a [a …", "<!--a …"): quadratic in the
# line's length, a minute on a line of 200 KB. So each is tried only where it can match: raw HTML
# where its closer follows (_raw_html_sub), links and images once per closing bracket
# (_bracket_sub), the marks up to the last place they can close (_sub_closed); and a code span is at
# most CODE_MOST characters long (a fenced block read as one paragraph is one span), a longer one
# read as text.
CODE_MOST = 20_000
IMAGE = regex(r"!\[([^\]]*)\]\([^)]*\)")
LINK = regex(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
REF_LINK = regex(r"\[([^\]]+)\]\[[^\]]*\]")
SPAN = regex(r"\[([^\]]*)\]\{[^}]*\}")
# Each bracketed pattern above: what it opens with and the character it ends with (_bracket_sub).
_BRACKETS = {IMAGE: ("![", ")"), LINK: ("[", ")"), REF_LINK: ("[", "]"), SPAN: ("[", "}")}
# An autolink's address and a note mark's label hold no "<" (CommonMark) and no "[" (pandoc): each
# scan stops at the next opener, where a line of "<http:x<http:x…" or "[^x[^x…" was read to its end
# from every one (quadratic: over a minute at 700 KB).
AUTOLINK = regex(r"<((?:https?|ftp|mailto):[^<>\s]+)>")
FOOTNOTE_REF = regex(r"\[\^[^\[\]\s]+\]")
HTML_TAG = regex(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
BREAK_TAG = regex(r"<br\s*/?>", re.IGNORECASE)
ESCAPE = regex(r"\\([\\`*_{}\[\]()#+\-.!|\"'<>~^$&@=:;,/?%])")
# Marks that must not follow a word character (or an escape) open with the mark itself and look
# behind it: `\*(?<![\w*\\]\*)` is `(?<![\w*\\])\*`, but a pattern that starts with a literal is
# searched by jumping from one "*" to the next instead of trying the look-behind at every position.
# A span's text is read in runs without its mark (`[^*\n]++`, in C) and single marks, and its end is
# tried after each: the places the lazy `.+?` tries that a mark follows, in the same order, so the
# same span is found (tests/test_reader_inline_spans.py compares them); the closing mark is matched
# before the look-behind at the character ahead of it (`\*\*(?<=\S\*\*)` for `(?<=\S)\*\*`). The
# lazy dot cost some 100 instructions a character of a span.
STRONG = (regex(r"\*\*(?=\S)((?:[^*\n]++|\*)+?)\*\*(?<=\S\*\*)"), regex(r"__(?<![\w\\]__)(?=\S)((?:[^_\n]++|_)+?)__(?<=\S__)(?!\w)"))
EMPHASIS = (regex(r"\*(?<![\w*\\]\*)(?=[^\s*])((?:[^*\n]++|\*)+?)\*(?<=[^\s*\\]\*)(?![\w*])"),
            regex(r"_(?<![\w\\]_)(?=[^\s_])((?:[^_\n]++|_)+?)_(?<=[^\s_\\]_)(?!\w)"))
STRIKE = regex(r"~~(?=\S)((?:[^~\n]++|~)+?)~~(?<=\S~~)")
# Where a span of each of these marks can close (the closer tried where its mark is written), and
# the mark: no span ends after the last such place. Each mark's pass reads the line up to there
# only (_sub_closed), so that an opener left unclosed after it ("*a *a *a …") is not scanned to the
# line's end, each one, as the lazy span would.
_CLOSERS: dict[re.Pattern[str], tuple[re.Pattern[str], str]] = {
    STRONG[0]: (regex(r"(?<=\S)\*\*"), "**"),
    STRONG[1]: (regex(r"(?<=\S)__(?!\w)"), "__"),
    EMPHASIS[0]: (regex(r"(?<=[^\s*\\])\*(?![\w*])"), "*"),
    EMPHASIS[1]: (regex(r"(?<=[^\s_\\])_(?!\w)"), "_"),
    STRIKE: (regex(r"(?<=\S)~~"), "~~"),
}
# A code span: a run of backticks, then up to the next run of as many (CommonMark), not after a
# backslash (an escaped backtick opens nothing), at most CODE_MOST characters (a fenced block read
# as one paragraph is one span). What it holds is literal text: see clean_inline.
CODE = regex(rf"(?<![`\\])(`+)(?!`)(.{{1,{CODE_MOST}}}?)(?<!`)\1(?!`)")
# A code span's place while the other passes run: the index of its text between two NULs, which no
# pattern matches and a line of text does not hold (a line that does keeps its code spans as text).
CODE_MARK = "\x00"
CODE_PLACE = regex(r"\x00(\d+)\x00")
# A backslash-escaped character's place in the same way: it is literal, so no later pass reads it
# as a mark ("\[text\](#)" is no link, "\*a\*" no emphasis, "\<b>" no tag).
ESCAPE_MARK = "\x01"
ESCAPE_PLACE = regex(r"\x01(\d+)\x01")
BOLD_ONLY = regex(r"^(?:\*\*(?=\S)(.+)(?<=\S)\*\*|__(?=\S)(.+)(?<=\S)__|<(b|strong)>(.+)</\3>)[\s:]*$", re.IGNORECASE)
# The characters BOLD_ONLY's match can start with, and end with before its colons and spaces.
BOLD_OPENERS = ("*", "_", "<")
BOLD_CLOSERS = ("**", "__", ">")
BOLD_MARKERS = ("**", "__")  # what a line opening with a bold span of Markdown opens with (bold_label)
HTML_FRAGMENT = regex(r"^\s*<(p|ul|ol|div|table|h[1-6]|blockquote)\b[^>]*>.*</(?:p|ul|ol|div|table|h[1-6]|blockquote)>\s*$",
                           re.IGNORECASE | re.DOTALL)
# A block element's start tag opening a text that does not end with a tag: a fragment whose end
# tags a conversion cut (is_fragment).
HTML_OPENED = regex(r"\s*<(?:p|ul|ol|div|h[1-6]|blockquote)\b[^<>]*>", re.IGNORECASE)
# pandoc's Markdown writes an em dash as `---` and an en dash as `--` (a literal one escaped: `\-`).
# Neither is read in the "<!--" of a comment left open, which is literal text (see clean_inline).
EM_DASH = regex(r"---(?<![-\\]---)(?<!<!---)(?!-)")  # the dash first, as STRONG's "__"
EN_DASH = regex(r"--(?<![-\\]--)(?<!<!--)(?!-)")
# The start of a `</body>` or `</html>` end tag, its name as the group (see html_markup).
DOCUMENT_END = regex(r"</((?:body|html)[\t\n\f />])", re.IGNORECASE)
# The names html.unescape reads without a closing ";" (HTML's legacy ones: html.entities.html5's
# keys without one), and at the start of a longer run ("&copy2020" is "©2020").
LEGACY_NAMES = (
    "AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave Euml GT Iacute Icirc "
    "Igrave Iuml LT Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG THORN Uacute Ucirc Ugrave Uuml Yacute "
    "aacute acirc acute aelig agrave amp aring atilde auml brvbar ccedil cedil cent copy curren deg divide eacute "
    "ecirc egrave eth euml frac12 frac14 frac34 gt iacute icirc iexcl igrave iquest iuml laquo lt macr micro middot "
    "nbsp not ntilde oacute ocirc ograve ordf ordm oslash otilde ouml para plusmn pound quot raquo reg sect shy "
    "sup1 sup2 sup3 szlig thorn times uacute ucirc ugrave uml uuml yacute yen yuml "
).split()
# Where html.unescape may replace something: "&#" (a number), a name of up to 32 characters closed
# by ";" (its pattern's `[^\t\n\f <&#;]{1,32};?`), or a legacy name. Any other "&" it leaves as
# written ("R&D", "C&I", "AT&T").
CHARACTER_REFERENCE = regex(rf"&(?:#|{'|'.join(LEGACY_NAMES)}|[^\t\n\f <&#;]{{1,32}};)")
# A soft or non-breaking hyphen written as a character reference, made what text_patterns.plain_hyphens
# makes of the character itself (nothing, and "-").
HYPHEN_REFERENCE = regex(r"&(?:(shy|#173|#x0*ad)|#8209|#x0*2011);", re.IGNORECASE)
FRAGMENT_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "td", "th", "blockquote", "dt", "dd"}
NESTING_BLOCKS = FRAGMENT_BLOCKS | {"ul", "ol"}  # an element holding one of these is read child by child
# What else is read child by child when a fragment (read by lxml) or an .html table cell holds it:
# tables and their parts, and the block containers the .html reader walks (text.HTML_BLOCKS).
PIECE_BLOCKS = NESTING_BLOCKS | {"table", "thead", "tbody", "tfoot", "tr", "caption", "pre", "dl", "section",
                                 "article", "main", "header", "footer"}
# The blocks that hold only text or other such blocks as paragraphs of their own: no list item
# (labelled), table part (read by rows) or inline element (a run joined with the text around it).
PLAIN_BLOCKS = frozenset({"p", "div", "blockquote", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"})
# Elements whose text a browser does not show in the page (a title is the window's): no paragraph
# holds it, in a fragment or an .html file.
HIDDEN = frozenset({"script", "style", "title", "head"})
BOLD_TAGS = frozenset({"b", "strong"})  # the elements whose text is set in bold (is_bold)
LISTS = ("ol", "ul")
# An <ol>'s (or an item's) type attribute as the Word number format its labels are written in.
OL_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
# The integer a browser reads from a start or value attribute: the one it opens with ("3rd" is 3).
# A number past 2^31, where a browser falls back to 1, is read as Word reads a list start, and
# written in digits where too large for its format (an <ol type="I" start="10000000000000"> is
# numbered "10000000000000.", as the .docx reader numbers such a list); more than 18 digits, a
# label no list has, leave the default.
HTML_INTEGER = regex(r"[ \t\n\f\r]*([+-]?[0-9]{1,18})(?![0-9])")


def is_bold_only(text: str) -> bool:
    """True when the whole (Markdown or HTML) line is one bold span, e.g. `**Target 1.1:**`. Only a
    line that opens with one of the span's first characters and ends with one of its last ones
    (colons and spaces after it aside) is handed to the regex, which would otherwise backtrack
    through a line such as `**Note:** text …` from its end."""
    text = text.strip()
    return text[:1] in BOLD_OPENERS and _may_end_bold(text) and bool(BOLD_ONLY.match(text))


def bold_label(text: str) -> str | None:
    """The bold span a (Markdown) line opens with when text follows it, as written, its markers
    left out: "Target 1.1:" of `**Target 1.1:** 65% of households …` (Block.bold_lead); None when
    it opens with none, or the span is the whole line."""
    text = text.lstrip()
    marker = text[:2]
    if marker not in BOLD_MARKERS:
        return None
    end = text.find(marker, 2)
    if end <= 2 or not text[end + 2:].strip():
        return None
    return text[2:end]


def _may_end_bold(text: str) -> bool:
    """Whether stripped `text` ends as a bold span does, before BOLD_ONLY's `[\\s:]*`: with a
    closer once its colons and the spaces before them are dropped, or with a colon still (colons
    and spaces mixed: the regex decides)."""
    core = text.rstrip(":").rstrip()
    return core.endswith(BOLD_CLOSERS) or core.endswith(":")


def tidy_spaces(text: str) -> str:
    """Runs of spaces and tabs as one space, ends stripped: tabs become spaces, then double spaces
    are halved until none is left (str.replace, a few times faster than a `[ \t]+` regex, which
    stops at every single space)."""
    if "\t" in text:
        text = text.replace("\t", " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip()


def collapse_spaces(text: str) -> str:
    """`text` with each run of white space as one space and none at the ends. str.split cuts at the
    characters a regex `\\s` matches; a `\\s+` substitution cost some 2,000 instructions a run.
    Every white-space character but the space is unprintable, so a printable text without a double
    space has single spaces only, which split and join keep but at its ends; the test (some 20
    instructions a character) spares the split (some 80, a string made for each word)."""
    if text.isprintable() and "  " not in text:
        return text.strip(" ")
    return " ".join(text.split())


def has_markup(text: str) -> bool:
    """Whether `text` holds what every mark clean_inline removes needs: one of the characters
    < [ * _ ~ ` \\ & or "--"; a line without any only has its spaces tidied. One substring test
    per character (a memchr each) is some three times faster than a character-class regex search."""
    return ("<" in text or "[" in text or "*" in text or "_" in text or "~" in text or "`" in text
            or "\\" in text or "&" in text or ("-" in text and "--" in text))  # "-" first: see _NEEDLE_CHARS


def clean_inline(text: str) -> str:
    """The visible text of one Markdown line: marks, links, spans, escapes and HTML tags removed.

    Raw HTML that is not a tag (RAW_HTML) goes as CommonMark reads it inline and a browser then
    shows the HTML it renders: a comment is not shown; a processing instruction, declaration or
    CDATA section is passed to the HTML, where (outside SVG and MathML) each is a bogus comment
    ending at its first ">", so only what follows that ">" inside it is shown (`<?xml …?>`,
    `<!DOCTYPE html>`, `<![CDATA[x]]>`: nothing). A `<!--` never closed on the line is no raw HTML
    but literal text, written out as it is (not read as an en dash).

    Each pass runs only when the text (as the passes before left it) holds the character its
    pattern cannot match without: most lines carry few kinds of mark, and the look-behind
    patterns (emphasis, `__`, dashes) cost a scan of the whole line even when nothing matches.
    """
    if not has_markup(text):
        return tidy_spaces(text)
    codes: list[str] = []
    out = CODE.sub(_placer(codes, CODE_MARK, _code_text), text) if "`" in text and CODE_MARK not in text else text
    escapes: list[str] = []
    if "\\" in out and ESCAPE_MARK not in text:
        out = ESCAPE.sub(_placer(escapes, ESCAPE_MARK, _FIRST_GROUP), out)
    for char, needle, substitute in _SUBSTITUTIONS_BEFORE_LINKS:
        if char in out and needle in out:
            out = substitute(out)
    if "[" in out:
        for _ in range(3):
            before = out
            for char, needle, substitute in _LINK_SUBSTITUTIONS:
                if char in out and needle in out:
                    out = substitute(out)
            if out == before:
                break
    for char, needle, substitute in _SUBSTITUTIONS_AFTER_LINKS:
        if char in out and needle in out:
            out = substitute(out)
    if "&" in out:
        out = plain_hyphens(_unescaped(out))
    if escapes:
        out = ESCAPE_PLACE.sub(lambda m: escapes[int(m.group(1))], out)
    if codes:
        out = CODE_PLACE.sub(lambda m: codes[int(m.group(1))], out)
    return tidy_spaces(out)


def _unescaped(text: str) -> str:
    """`html.unescape(text)`, the module (its table of 2,000 entity names, some 8 M instructions to
    load) imported only for a reference read_fragment does not decode: a bare "&" ("R&D", "C&I",
    "AT&T") is literal to unescape (CHARACTER_REFERENCE says where it may not be), and "&amp;",
    "&lt;", "&#8211;" (ENTITY) it reads as read_fragment does."""
    if CHARACTER_REFERENCE.search(text) is None:
        return text
    decoded = _decoded(text, _literal_ampersand)  # the references a fragment's text may hold, read alike
    if decoded is not None:
        return decoded
    from html import unescape

    return unescape(text)


def _literal_ampersand(text: str, at: int) -> bool:
    """Whether html.unescape leaves the "&" at `at` as written (see CHARACTER_REFERENCE)."""
    return CHARACTER_REFERENCE.match(text, at) is None


def _substitution(pattern: re.Pattern[str], replacement: Replacement) -> Callable[[str], str]:
    """`pattern.sub(replacement, …)` for one of clean_inline's passes, as a function of the text,
    by the way that pattern is tried only where it can match (see RAW_HTML's comment): raw HTML,
    bracketed links and images, the marks of _CLOSERS; any other pattern as it is. Chosen once,
    when the module is loaded: a pattern's hash (a dict lookup) reads its whole compiled program,
    and choosing at every pass cost a call and two such lookups."""
    if pattern is RAW_HTML:
        return _raw_html_sub
    if pattern in _BRACKETS:
        return partial(_bracket_sub, pattern, replacement, *_BRACKETS[pattern])
    if pattern in _CLOSERS:
        return partial(_sub_closed, pattern, replacement, *_CLOSERS[pattern])
    return partial(pattern.sub, replacement)


def _sub_closed(pattern: re.Pattern[str], replacement: Replacement, closer: re.Pattern[str], mark: str, text: str) -> str:
    """`pattern.sub(replacement, text)` for a mark of _CLOSERS, line by line (no span holds a line
    break): each line up to the end of the last place a span can close, the rest as it is. Every
    opener before that place then finds a closer, and the pass is linear in the line. `closer` and
    `mark`: the pattern's _CLOSERS entry, bound when the pass is made (_substitution)."""
    if "\n" in text:
        return "\n".join(_sub_closed(pattern, replacement, closer, mark, line) for line in text.split("\n"))
    at = text.rfind(mark)
    while at >= 0 and closer.match(text, at) is None:
        at = text.rfind(mark, 0, at + len(mark) - 1)  # the one before, which may overlap it ("***")
    if at < 0:
        return text
    cut = at + len(mark)
    return pattern.sub(replacement, text[:cut]) + text[cut:]


def _placer(kept: list[str], mark: str, literal: Callable[["re.Match[str]"], str]) -> Callable[["re.Match[str]"], str]:
    """A replacement that keeps each match's `literal` text in `kept` and leaves its place (`mark`,
    index, `mark`), so that no later pass reads marks, tags or escapes inside it."""

    def place(match: re.Match[str]) -> str:
        kept.append(literal(match))
        return f"{mark}{len(kept) - 1}{mark}"

    return place


def _code_text(match: re.Match[str]) -> str:
    """A code span's text as CommonMark has it: one space stripped from each end when both ends
    have one and it is not all spaces."""
    code = match.group(2)
    return code[1:-1] if code.startswith(" ") and code.endswith(" ") and not code.isspace() else code


def _shown_of_raw(match: re.Match[str]) -> str:
    """What a browser shows of a RAW_HTML match (see clean_inline): nothing of a comment, what
    follows the first ">" of the rest, read as HTML again."""
    raw = match.group()
    if raw.startswith("<!--"):
        return ""
    shown = raw[raw.index(">") + 1:]
    return _raw_html_sub(shown) if "<" in shown else shown


def _bracket_sub(pattern: re.Pattern[str], replacement: Replacement, opener: str, final: str, text: str) -> str:
    """`pattern.sub(replacement, text)` for a pattern of _BRACKETS, tried once per closing bracket:
    every opener before a "]" reads up to it, so when the first of them does not match there, none
    of them does; and none after the last place its final character can end it. `opener` and
    `final`: the pattern's _BRACKETS entry."""
    last = text.rfind(final)
    out: list[str] = []
    done = 0  # the text before it is in `out`
    at = text.find(opener)
    while at >= 0:
        close = text.find("]", at + len(opener))
        if close < 0 or close + 1 >= last:
            break
        m = pattern.match(text, at)
        if m is None:
            at = text.find(opener, close + 1)
            continue
        out.append(text[done:at])
        out.append(replacement if isinstance(replacement, str) else replacement(m))
        done = m.end()
        at = text.find(opener, done)
    out.append(text[done:])
    return "".join(out)


def _raw_html_sub(text: str) -> str:
    """`RAW_HTML.sub(_shown_of_raw, text)`, the pattern tried only where a match starts: at a `<!`
    or `<?` whose form's closer comes later in the text. Each form is lazy up to its closer, and
    the regex scanned the rest of the text from every opener left unclosed ("<!--a <!--a …")."""
    bang, query = text.find("<!"), text.find("<?")  # the next of each, each searched for once
    if bang < 0 and query < 0:
        return text
    last = {closer: text.rfind(closer) for closer in ("-->", "?>", "]]>", ">")}
    out: list[str] = []
    done = 0  # the text before it is in `out`
    start = 0  # where the next opening is looked for
    while True:
        if 0 <= bang < start:
            bang = text.find("<!", start)
        if 0 <= query < start:
            query = text.find("<?", start)
        at = bang if query < 0 or 0 <= bang < query else query
        if at < 0:
            break
        opens = text[at + 1:at + 3]
        if opens == "!-":
            closes = text.startswith(("<!-->", "<!--->"), at) or (text.startswith("<!--", at) and last["-->"] >= at + 4)
        elif opens[:1] == "?":
            closes = last["?>"] >= at + 2
        elif text.startswith("<![CDATA[", at):
            closes = last["]]>"] >= at + 9
        else:
            closes = opens[1:].isascii() and opens[1:].isalpha() and last[">"] >= at + 3
        m = RAW_HTML.match(text, at) if closes else None
        if m is None:
            start = at + 1
            continue
        out.append(text[done:at])
        out.append(_shown_of_raw(m))
        done = start = m.end()
    out.append(text[done:])
    return "".join(out)


# A match replaced by its first group, which takes part in every match of the patterns it is used
# with (the same text as the template r"\1", which re expands in Python for each match).
_FIRST_GROUP = operator.itemgetter(1)
if TYPE_CHECKING:  # the annotations' aliases are the type checker's only (see Element)
    Replacement: TypeAlias = str | Callable[[re.Match[str]], str]
# (a string every match contains, pattern, replacement), in the order clean_inline applies them.
_PASSES_BEFORE_LINKS: tuple[tuple[str, re.Pattern[str], Replacement], ...] = (
    ("<", RAW_HTML, _shown_of_raw),
    ("<", BREAK_TAG, " "),
    ("<", AUTOLINK, _FIRST_GROUP),
    ("![", IMAGE, _FIRST_GROUP),
    ("[^", FOOTNOTE_REF, ""),
)
# Spans, links and reference links, each with the string every match of it contains.
_LINKS = (("]{", SPAN), ("](", LINK), ("][", REF_LINK))
_PASSES_AFTER_LINKS: tuple[tuple[str, re.Pattern[str], Replacement], ...] = (
    ("<", HTML_TAG, ""),
    ("**", STRONG[0], _FIRST_GROUP),
    ("__", STRONG[1], _FIRST_GROUP),
    ("~~", STRIKE, _FIRST_GROUP),
    ("*", EMPHASIS[0], _FIRST_GROUP),
    ("_", EMPHASIS[1], _FIRST_GROUP),
    ("---", EM_DASH, "\u2014"),
    ("--", EN_DASH, "\u2013"),
)
# The same passes as clean_inline runs them: (a character of the needle, the needle, a function of
# the text). The character is looked for first: a one-character search is a memchr, some twenty
# times faster than a search for two or more characters, and most lines hold few of the marks.
_NEEDLE_CHARS = {"![": "!", "[^": "^", "]{": "{", "](": "]", "][": "]", "**": "*", "__": "_", "~~": "~", "---": "-",
                 "--": "-"}


def _substitutions(passes: Iterable[tuple[str, re.Pattern[str], Replacement]]) -> tuple[tuple[str, str, Callable[[str], str]], ...]:
    """`passes` (needle, pattern, replacement) as clean_inline runs them (see _NEEDLE_CHARS)."""
    return tuple((_NEEDLE_CHARS.get(needle, needle), needle, _substitution(pattern, replacement))
                 for needle, pattern, replacement in passes)


_SUBSTITUTIONS_BEFORE_LINKS = _substitutions(_PASSES_BEFORE_LINKS)
_LINK_SUBSTITUTIONS = _substitutions((needle, pattern, _FIRST_GROUP) for needle, pattern in _LINKS)
_SUBSTITUTIONS_AFTER_LINKS = _substitutions(_PASSES_AFTER_LINKS)


def element_text(element: Element) -> str:
    """The text a browser shows of an element (of a fragment or an .html file), white space
    collapsed: its text_content, but a `<br>` read as a space (the words on either side are not
    one) and nothing of a HIDDEN element (a script's code)."""
    for _ in element.iter("br", *HIDDEN):
        parts: list[str] = []
        _gather(element, parts)
        return collapse_spaces("".join(parts))
    return collapse_spaces(element.text_content())


def _gather(element: Element, parts: list[str]) -> None:
    """element_text's parts of `element`, its tail left out."""
    if element.tag == "br":
        parts.append(" ")
    if element.text:
        parts.append(element.text)
    for child in element:
        if isinstance(child.tag, str) and child.tag not in HIDDEN:
            _gather(child, parts)
        if child.tail:
            parts.append(child.tail)


def is_bold(element: Element, text: str) -> bool:
    """Whether all of `text` (the element's, not empty, spaces collapsed) is in bold or strong
    elements (see _all_bold)."""
    return _all_bold([element], text)


def _all_bold(elements: list[Element], text: str) -> bool:
    """Whether all of `text` (that of `elements` and of the text around them, not empty, spaces
    collapsed) is in their bold or strong elements: the texts of the outermost of these, spaces
    left out, make up `text` without its spaces. Both sides have their spaces collapsed already,
    so dropping " " drops all their white space. A bold element inside another is in its text
    already: reading it again made `<b>a <b>b</b></b>` read "abb", not bold, and 240 nested ones
    round 4.5 MB of text made 240 copies of it (2 GB)."""
    parts: list[str] = []
    for element in elements:
        _outer_bold_texts(element, parts)
    bold = "".join(parts)
    return bool(bold) and bold.replace(" ", "") == text.replace(" ", "")


def _outer_bold_texts(element: Element, parts: list[str]) -> None:
    """The texts (element_text) of the bold or strong elements in `element`, itself included,
    that are inside no other one, in document order."""
    if element.tag in BOLD_TAGS:
        parts.append(element_text(element))
        return
    for child in element:
        if isinstance(child.tag, str):
            _outer_bold_texts(child, parts)


def is_fragment(text: str) -> bool:
    """Whether `text` is an HTML fragment (html_paragraphs reads it): it starts with a block
    element and ends with its closing tag, or it starts with a block element's start tag and ends
    in text, its end tags cut by a conversion ("<ul style=…> • World Radiocommunication Conference
    • …"; the parser closes what is open, as a browser does). A text ending with a tag other than a
    block's end tag ("<p>…</p></td>", a line of a table's markup) is no fragment. Only a text
    ending with ">" is matched against the fragment regex, whose `.*` would try every position."""
    if "<" not in text:
        return False
    if text.rstrip().endswith(">"):
        return HTML_FRAGMENT.match(text) is not None
    return HTML_OPENED.match(text) is not None


# How many fragments' paragraphs html_paragraphs keeps (by text, the last read ones), and the
# longest fragment kept: a longer one is read each time, so that the kept texts stay small.
FRAGMENTS_KEPT = 1024
LONGEST_KEPT = 4096


def html_paragraphs(text: str) -> list[tuple[str, bool]] | None:
    """The paragraphs of an HTML fragment (text, all-bold), or None when `text` is not one.

    Only text that starts with a block element counts (is_fragment), so a literal `<p>` inside a
    sentence stays text. List items keep a "•" so they read as
    bullets. The fragment is read as lxml.html reads it: by `read_fragment` when it keeps to the
    markup that function knows, by lxml itself (some 40 M instructions to import) otherwise; one
    block of plain text (PLAIN_FRAGMENT, the most common fragment) by a regex alone.
    """
    paragraphs = kept_paragraphs(text) if len(text) <= LONGEST_KEPT else read_paragraphs(text)
    return None if paragraphs is None else list(paragraphs)


@lru_cache(maxsize=FRAGMENTS_KEPT)
def kept_paragraphs(text: str) -> tuple[tuple[str, bool], ...] | None:
    """read_paragraphs, each distinct text read once (the last FRAGMENTS_KEPT kept): a rendering
    repeats its fragments (a table cell's `<ul>` on every page, a boilerplate `<p>`)."""
    return read_paragraphs(text)


def read_paragraphs(text: str) -> tuple[tuple[str, bool], ...] | None:
    """html_paragraphs as a tuple."""
    if not is_fragment(text):
        return None
    plain = PLAIN_FRAGMENT.fullmatch(text)
    if plain is not None and "<" not in plain.group(1)[1:] and (text.isprintable() or not UNSURE_CHARS.search(text)):
        paragraph = collapse_spaces(plain.group(3))
        return ((paragraph, False),) if paragraph else ()
    return fragment_text_paragraphs(text)


def fragment_text_paragraphs(text: str) -> tuple[tuple[str, bool], ...] | None:
    """html_paragraphs of a text is_fragment accepts, read as a tree (read_fragment or lxml)."""
    holder = fragment_holder(text)
    if holder is None:
        return None
    return tuple(fragment_paragraphs([holder.text, *holder] if holder.text and holder.text.strip() else list(holder)))


def fragment_holder(markup: str, placed: bool = False) -> Element | None:
    """The `<div>` lxml.html.fragment_fromstring(…, create_parent="div") puts `markup` in, its
    leading text (when not blank) and its top elements: read_fragment's body when that function
    settles the markup (`placed`: its elements on their lines, see read_fragment), lxml's own
    otherwise (some 40 M instructions to import). None when lxml cannot read it: text it cannot
    hold (controls), elements nested past its depth, whose rest it leaves out of the tree, or an
    element of more attributes than it reads in time (xmlsafe.too_many_attributes); the line
    reader then reads it."""
    body = read_fragment(markup, placed=placed)
    if body is not None:
        body.tag = "div"
        return body
    import lxml.html  # only markup read_fragment cannot settle needs it
    from lxml import etree

    from .xmlsafe import too_many_attributes

    markup = html_markup(markup)
    if too_many_attributes(markup, "the fragment") is not None:  # (as libxml2 gets it: `<&shy;p` is `<p`)
        return None
    parser = html_parser()
    try:
        holder = lxml.html.fragment_fromstring(markup, create_parent="div", parser=parser)
    except (etree.ParserError, ValueError):
        return None
    return None if stopped_too_deep(parser) else holder


def html_parser() -> lxml.html.HTMLParser:
    """lxml.html's parser as the HTML readers use it: no network access; no comments or processing
    instructions in the tree (nor the comments libxml2 makes of `<?xml …?>`, `<!x>` or
    `<![CDATA[…]]>` in a body; it ignores `<!DOCTYPE …>` there), which hold no text of the document
    (a comment among a fragment's blocks is no element whose text can be read); and bytes read as
    UTF-8, the encoding the reader gives its text in once decode_text has decoded it, whatever a
    `<meta charset>` says (without one libxml2 would guess Windows-1252)."""
    import lxml.html

    return lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, encoding="utf-8")


def stopped_too_deep(parser: lxml.html.HTMLParser) -> bool:
    """Whether libxml2 stopped its last parse at elements nested deeper than xmlsafe.MAX_DEPTH: it
    then leaves all that follows out of the tree without failing, so the text after the deep part
    would be lost."""
    from .xmlsafe import is_too_deep  # imports lxml, which only HTML needs

    return any(is_too_deep(entry.type, entry.message) for entry in parser.error_log)


def html_markup(text: str) -> str:
    """`text` with its `</body>` and `</html>` end tags renamed to one no element has, which libxml2
    ignores (DOCUMENT_END): libxml2 drops all that follows `</html>` and puts what follows `</body>`
    beside the body (a later `<body>` opening a second one), where a browser shows both in the
    body. Renamed, the text after them stays in the body, where both readers look for it. Soft and non-breaking
    hyphens written as references (`&shy;`, `&#8209;`) are read as the text's own are."""
    if "&" in text:
        text = HYPHEN_REFERENCE.sub(lambda m: "" if m.group(1) else "-", text)
    return DOCUMENT_END.sub(r"</x-\1", text) if "</" in text else text


def fragment_paragraphs(parts: list[str | Element]) -> list[tuple[str, bool]]:
    """The paragraphs of a fragment's parts as lxml.html.fragments_fromstring returns them: its
    leading text when there is any, then its top elements (each followed by its tail), read as
    the children of a block (see element_paragraphs)."""
    out: list[tuple[str, bool]] = []
    lead = parts[0] if parts and isinstance(parts[0], str) else ""
    elements = [p for p in parts if not isinstance(p, str)]
    texts = [lead]
    if _block_texts(elements, texts):
        return [(text, False) for text in map(collapse_spaces, texts) if text]
    _pieces(lead, elements, out)
    return out


def _block_texts(elements: Iterable[Element], texts: list[str]) -> bool:
    """Whether `elements` and all they hold are PLAIN_BLOCKS; their texts and tails added to
    `texts` in document order meanwhile. Such a fragment (`<p>…</p> <ul> • … • …`, the most common
    in renderings) has no run of inline elements, list item, label or bold text: each of these
    texts, spaces collapsed, is a paragraph unless empty, which _pieces would find walking it
    element by element (tests/test_reader_fragments.py compares them)."""
    for element in elements:
        if element.tag not in PLAIN_BLOCKS:  # a comment's tag (lxml) is no string, and not in the set
            return False
        texts.append(element.text or "")
        if not _block_texts(element, texts):
            return False
        texts.append(element.tail or "")
    return True


def element_paragraphs(element: Element) -> list[tuple[str, bool]]:
    """The paragraphs of an element (text, all-bold): its text when it holds no block; otherwise
    its block-level pieces in order, each once: the paragraphs of each block it holds (or of an
    element holding blocks), and each run of text and inline elements between them, which a
    `<br>` ends. A list item's text keeps a "•". A table cell of an .html file is read so, as a
    cell of a Markdown table holding a fragment is (html_paragraphs)."""
    out: list[tuple[str, bool]] = []
    _collect(element, out)
    return out


def _holds_blocks(element: Element) -> bool:
    return any(isinstance(c.tag, str) and c.tag in PIECE_BLOCKS for c in element)


def _collect(element: Element, out: list[tuple[str, bool]], label: str | None = None) -> None:
    """element_paragraphs into `out`; a list item's first paragraph opens with its `label`
    (item_labels; "•" when none is given), unless the item opens with a list of its own."""
    if not isinstance(element.tag, str) or element.tag in HIDDEN:  # no text shown (comments: see html_parser)
        return
    if element.tag == "li" and label is None:
        label = DEFAULT_BULLET
    if not _holds_blocks(element):
        text = element_text(element)
        if text:
            bold = is_bold(element, text)
            label, text = item_label(label, text)
            out.append((f"{label} {text}" if label else text, bold))
        return
    start = len(out)
    children = list(element)
    _pieces(element.text or "", children, out, item_labels(element) if element.tag in LISTS else None)
    if label and len(out) > start and not opens_with_list(element):
        text, bold = out[start]
        label, text = item_label(label, text)
        out[start] = (f"{label} {text}", bold)


def item_label(label: str | None, text: str) -> tuple[str | None, str]:
    """A bulleted list item's label and text, where its text opens with the bullet written out as
    Symbol or Wingdings private-use characters (text_patterns.pua_label: LibreOffice's XHTML
    export): that bullet is the item's label, not words of it. Any other item as it is."""
    if not is_bullet_label(label) or (found := pua_label(text)) is None:
        return label, text
    return found

def opens_with_list(item: Element) -> bool:
    """Whether a list item's first content is a list (no text of its own before it)."""
    if (item.text or "").strip():
        return False
    first = next((c for c in item if isinstance(c.tag, str) and c.tag not in HIDDEN), None)
    return first is not None and first.tag in LISTS


def item_labels(parent: Element) -> list[str | None]:
    """The label a browser draws before each child of `parent` that is a list item, None for the
    other children: "•" unless `parent` is an `<ol>`, whose items are numbered ("1.", "b.", "iv.")
    from its start (1, or the number of items when reversed), in its type or the item's ("1",
    "a", "A", "i", "I"), an item's value setting its number and those after it. A number too
    large for letters or roman numerals is written in digits (docx.numbering.format_number)."""
    children = list(parent)
    if parent.tag != "ol":
        return [DEFAULT_BULLET if c.tag == "li" else None for c in children]
    from .docx.numbering import format_number  # the number formats of Word's lists (only an <ol> needs them)

    reverse = parent.get("reversed") is not None
    number = _html_integer(parent.get("start"), sum(c.tag == "li" for c in children) if reverse else 1)
    kind = parent.get("type")
    labels: list[str | None] = []
    for child in children:
        if child.tag != "li":
            labels.append(None)
            continue
        number = _html_integer(child.get("value"), number)
        labels.append(format_number(number, OL_TYPES.get(child.get("type") or kind or "1", "decimal")) + ".")
        number += -1 if reverse else 1
    return labels


def _html_integer(value: str | None, default: int) -> int:
    m = HTML_INTEGER.match(value) if value else None
    return int(m.group(1)) if m else default


def _pieces(lead: str, children: list[Element], out: list[tuple[str, bool]],
            labels: list[str | None] | None = None) -> None:
    """The paragraphs of a block's children (`lead` the text before the first): a block, or an
    element holding one, read by _collect; a run of text and inline elements between them, or
    between `<br>`s, as one paragraph. `labels`: the children's item_labels, for a list's."""
    texts = [lead]
    run: list[Element] = []  # the inline elements of the run

    def end_run() -> None:
        text = collapse_spaces("".join(texts))
        if text:
            out.append((text, _all_bold(run, text)))
        texts.clear()
        run.clear()

    for k, child in enumerate(children):
        tag = child.tag if isinstance(child.tag, str) else None
        if tag is None or tag in HIDDEN:
            pass
        elif tag == "br":
            end_run()
        elif tag in PIECE_BLOCKS or _holds_blocks(child):
            end_run()
            _collect(child, out, labels[k] if labels else None)
        else:
            run.append(child)
            _gather(child, texts)
        if child.tail:
            texts.append(child.tail)
    end_run()


class Node:
    """An element of a fragment read by `read_fragment`: the parts of an lxml.html element that
    `_collect` and the HTML reader's walk (html._walk) use (tag, text, tail, children, its parent,
    the line its start tag is on, text_content, iter, iterancestors), with "" for no text."""

    __slots__ = ("tag", "text", "tail", "children", "parent", "sourceline")

    def __init__(self, tag: str, parent: Node | None = None, sourceline: int | None = None) -> None:
        self.tag = tag
        self.text = ""
        self.tail = ""
        self.children: list[Node] = []
        self.parent = parent
        self.sourceline = sourceline

    def __iter__(self) -> Iterator[Node]:
        return iter(self.children)

    def getparent(self) -> Node | None:
        return self.parent

    def iterancestors(self, *tags: str) -> Iterator[Node]:
        """The elements holding this one, innermost first, those whose tag is one of `tags` (all
        when none is given)."""
        node = self.parent
        while node is not None:
            if not tags or node.tag in tags:
                yield node
            node = node.parent

    def get(self, name: str) -> None:
        """No attribute is kept: a fragment whose list attributes count (LIST_ATTRIBUTES) is lxml's."""
        return None

    def text_content(self) -> str:
        """All the text inside the element, in document order (its tail left out)."""
        if not self.children:
            return self.text
        return self.text + "".join([c.text_content() + c.tail for c in self.children])

    def iter(self, *tags: str) -> list[Node]:
        """The element and its descendants whose tag is one of `tags`, in document order (a list:
        nested generators would hand each one up through every level)."""
        found: list[Node] = []
        todo = [self]
        while todo:
            node = todo.pop()
            if node.tag in tags:
                found.append(node)
            if node.children:
                todo.extend(reversed(node.children))
        return found


if TYPE_CHECKING:
    # For the type checker only: at run time a Union naming "etree._Element" makes a
    # typing.ForwardRef, whose compile() is the process's first and sets up every AST node type,
    # some 9 M instructions of a one-line `trace refs` (the annotations are never evaluated).
    Element: TypeAlias = Node | etree._Element

# The tags read_fragment knows: the blocks, the inline marks and the one empty element (<br>).
FRAGMENT_TAGS = NESTING_BLOCKS - {"td", "th", "dt", "dd"} | {
    "b", "strong", "i", "em", "u", "a", "sup", "sub", "mark", "span", "br"}
# libxml2's htmlStartClose table (HTMLparser.c, 2.14) among FRAGMENT_TAGS: (open element, start tag
# that closes it). lxml closes the current element while the pair is here, then the next one.
START_CLOSES = frozenset(
    [("a", "a"), ("b", "p"), ("i", "p"), ("u", "p"), ("li", "li")]
    + [(f"h{n}", new) for n in range(1, 7) for new in ("li", "p")]
    + [("p", new) for new in ("blockquote", "div", "li", "ol", "p", "ul", "h1", "h2", "h3", "h4", "h5", "h6")])
# libxml2's htmlEndPriority among FRAGMENT_TAGS (100 for the rest): an end tag does not close an
# element of higher priority that is open inside the one it names (it is then ignored).
END_PRIORITY = {"div": 150}
# A tag as read_fragment accepts it: an end tag bare (its name), a start tag with plain attributes
# (its name, then "/" for "/>"; a quoted value may hold anything but its quote). Anything else
# that opens with "<" is unsure.
ATTRIBUTES = (r"(?:[ \t\n]+[A-Za-z_:][-A-Za-z0-9_:.]*(?:[ \t\n]*=[ \t\n]*(?:\"[^\"]*\"|'[^']*'|[^ \t\n\"'=<>`]+))?)*"
              r"[ \t\n]*")
TAG = regex(rf"<(?:/([A-Za-z][A-Za-z0-9]*)[ \t\n]*|([A-Za-z][A-Za-z0-9]*){ATTRIBUTES}(/?))>")
# A fragment of one block element that holds plain text (no tag, reference or comment), its end
# tag written or cut, white space around it: its start tag, name and text as the groups.
# read_fragment reads it (when neither its text nor an attribute value holds anything it leaves
# to lxml: UNSURE_CHARS, a "<"; an <ol> may number its items, see LIST_ATTRIBUTES, so it is left
# out) into that element, which fragment_paragraphs reads as its text alone (_block_texts: the
# white space around it is no paragraph). html_paragraphs reads it so, without either.
PLAIN_FRAGMENT = regex(rf"\s*(<(p|div|ul|blockquote|h[1-6]){ATTRIBUTES}>)([^<&]*)(?:</\2[ \t\n]*>\s*)?", re.IGNORECASE)
# A script or style element, its start tag as TAG reads one: HTML reads its content as raw text,
# markup and references included, up to its end tag (its name, then ">" or white space). Its name
# is the first group, its content the second.
RAW_TEXT = regex(rf"<(script|style){ATTRIBUTES}>(.*?)</\1[ \t\n]*>", re.IGNORECASE | re.DOTALL)
# Where read_fragment has taken out a RAW_TEXT element (a character UNSURE_CHARS excludes from the text).
RAW_MARK = "\x00"
# Markup read_fragment drops, as lxml's parser does with comments and processing instructions (see
# html_parser): a comment written plainly (its text not opening with ">" or "->", holding no "--"
# and not ending with "-"), an empty one (`<!-->`, `<!--->`), and what libxml2 reads as a comment up
# to the first ">" or ignores: `<!DOCTYPE …>`, `<![CDATA[…]]>`, `<!x>` (no quote in it), `<?xml …?>`.
# A comment that is not plain (`<!-- a -- b -->`, one left open) leaves a "<" and is unsure.
DECLARATION = regex(r"<!--(?!-?>)(?:[^-]|-[^-])*-->|<!---?>|<!(?!--)[^>\"']*>|<\?[^>]*>")
# A character reference read_fragment decodes; any other "&" that is not followed by white space
# is unsure (HTML's table of named references and its rules for numbers are lxml's to apply).
ENTITY = regex(r"&(?:(amp|lt|gt|quot|nbsp)|#([0-9]{1,5})|#[xX]([0-9a-fA-F]{1,4}));")
NAMED_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "nbsp": "\xa0"}
# An <ol> or <li> start tag with an attribute that sets its numbers (item_labels): Node keeps no
# attributes, so such a fragment is lxml's to read.
LIST_ATTRIBUTES = regex(r"<(?:ol|li)\b[^>]*?[\s\"'](?:start|type|value|reversed)\b", re.IGNORECASE)
# How deep read_fragment lets elements nest (the body counted): a fragment nested deeper is lxml's,
# which stops at xmlsafe.MAX_DEPTH (the line reader then reads it as text). The fragment's readers
# recurse once or twice a level, so this also keeps them well within Python's recursion limit.
FRAGMENT_DEPTH = 200
# Characters an HTML parser replaces, drops or rewrites (controls, CR, noncharacters): unsure.
UNSURE_CHARS = regex("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def read_fragment(text: str, placed: bool = False) -> Node | None:
    """`text` read into the body element that lxml.html.fragments_fromstring reads it into, or None
    when it holds anything beyond what is settled here the way libxml2 (2.14) settles it: the tags
    of FRAGMENT_TAGS written plainly, the references of ENTITY, text without UNSURE_CHARS,
    the comments and declarations of DECLARATION, which it drops (the text on either side joined),
    and script and style elements (RAW_TEXT) whose content holds no end tag or comment of its own:
    an element holding its content as text, in the element open where it starts (they close
    none), which no paragraph reads (inline.HIDDEN); elements nested no deeper than
    FRAGMENT_DEPTH.

    Within that, libxml2's tree building is followed: a start tag first closes the open elements
    START_CLOSES says it closes (`<p>a<p>b`, `<li>` without `</li>`), an end tag closes the
    elements open inside its own (`<p><b>a</p>`) unless END_PRIORITY forbids it, a stray end tag
    is ignored, and whatever is still open at the end is closed there. lxml's import (about
    40 M instructions) is then left to the fragments this cannot read.

    `placed`: each element also gets the line its start tag is on, counted from 1 at the text's
    start, as lxml's `sourceline`, from the line breaks of the text between tags; a text for which
    that count is unsure is left to lxml (a tag, comment, declaration, script or style written over
    two lines or more, 65,535 lines or more).
    """
    if not text.isprintable() and UNSURE_CHARS.search(text):  # each of them is not printable
        return None
    if LIST_ATTRIBUTES.search(text):
        return None
    newlines = text.count("\n") if placed else 0
    if newlines >= 0xFFFF:
        return None
    raw: list[Node] = []
    if "<s" in text or "<S" in text:
        text = RAW_TEXT.sub(lambda m: _raw_text(m, raw), text)
        if any(node.tag == "" for node in raw):
            return None
    # TAG.split gives the text before the first tag, then for each tag its three groups and the
    # text after it: a "<" left in a text is one that does not open a tag TAG reads.
    pieces = _split_tags(text) if "<!" in text or "<?" in text else TAG.split(text)
    body = Node("body")
    stack = [body]
    line = 1  # (placed) the line the next tag is on, when no tag before it spans two
    for k in range(0, len(pieces), 4):
        data = pieces[k]
        if data:
            if "<" in data:
                return None
            if "&" in data:
                decoded = _decoded(data)  # no reference it decodes is a line break
                if decoded is None:
                    return None
                data = decoded
            if RAW_MARK in data:
                _add_raw(stack[-1], data, raw, line if placed else None)
            else:
                _add_text(stack[-1], data)
            if placed:
                line += data.count("\n")
        if k + 1 == len(pieces):
            break
        closing, opening, empty = pieces[k + 1:k + 4]
        if closing:
            closing = closing.lower()
            if closing not in FRAGMENT_TAGS:
                return None
            _close(stack, closing)
            continue
        name = opening.lower()
        if name not in FRAGMENT_TAGS or (empty and name != "br"):
            return None
        while (stack[-1].tag, name) in START_CLOSES:
            stack.pop()
        node = Node(name, stack[-1], line if placed else None)
        stack[-1].children.append(node)
        if name != "br":
            stack.append(node)
            if len(stack) > FRAGMENT_DEPTH:
                return None
    if line - 1 != newlines:  # a tag, comment or script spans lines: the lines counted are not lxml's
        return None
    return body


def _raw_text(match: re.Match[str], raw: list[Node]) -> str:
    """A RAW_TEXT element taken out of a fragment's text: its node into `raw`, RAW_MARK in its
    place. One whose content holds an end tag or a comment opening is unsure (a node without a
    tag): HTML may end it there, or read on past its first end tag."""
    name, content = match.group(1).lower(), match.group(2)
    lowered = content.lower()
    node = Node("" if "</" + name in lowered or "<!--" in content else name)
    node.text = content
    raw.append(node)
    return RAW_MARK


def _add_text(parent: Node, data: str) -> None:
    """Text read in `parent`: its text, or its last child's tail."""
    if parent.children:
        parent.children[-1].tail += data
    else:
        parent.text += data


def _add_raw(parent: Node, data: str, raw: list[Node], line: int | None) -> None:
    """Text read in `parent` that holds RAW_MARKs: the text around them, and at each the next of
    the `raw` elements, as a child (they close none and hold no element). `line`: the line `data`
    starts on, when the elements are placed (read_fragment)."""
    first, *rest = data.split(RAW_MARK)
    _add_text(parent, first)
    for after in rest:
        node = raw.pop(0)
        node.parent = parent
        if line is not None:
            line += first.count("\n")
            node.sourceline = line
            first = after
        parent.children.append(node)
        _add_text(parent, after)


def _split_tags(text: str) -> list[str]:
    """TAG.split(text) with the DECLARATIONs dropped: the texts on either side of one are joined,
    as libxml2 joins them when the comment it reads between them is not kept. Each part between
    declarations is split on its own: a tag that holds one (`<p title="<!x>">`) leaves a "<" in a
    text, which read_fragment leaves to lxml."""
    parts = DECLARATION.split(text)
    pieces = TAG.split(parts[0])
    for part in parts[1:]:
        more = TAG.split(part)
        pieces[-1] += more[0]
        pieces.extend(more[1:])
    return pieces


def _close(stack: list[Node], name: str) -> None:
    """An end tag: the open elements down to `name`'s closed, as libxml2's htmlParseEndTag does."""
    priority = END_PRIORITY.get(name, 100)
    for i in range(len(stack) - 1, 0, -1):
        if stack[i].tag == name:
            del stack[i:]
            return
        if END_PRIORITY.get(stack[i].tag, 100) > priority:
            return


def _space_follows(data: str, at: int) -> bool:
    """HTML's rule for a "&" that starts no reference: it is literal when white space follows it."""
    return data[at + 1:at + 2] in (" ", "\t", "\n")


def _decoded(data: str, bare: Callable[[str, int], bool] = _space_follows) -> str | None:
    """Text between tags with its references decoded, or None when it holds one ENTITY does not
    read (or a "&" that could start one). `bare(data, at)` says whether the "&" at `at`, where
    ENTITY does not match, is literal."""
    out: list[str] = []
    pos = 0
    while (amp := data.find("&", pos)) >= 0:
        out.append(data[pos:amp])
        m = ENTITY.match(data, amp)
        if m is None:
            if not bare(data, amp):
                return None
            out.append("&")
            pos = amp + 1
            continue
        name, decimal, hexadecimal = m.groups()
        if name:
            out.append(NAMED_ENTITIES[name])
        else:
            code = int(decimal, 10) if decimal else int(hexadecimal, 16)
            if not (0x20 <= code < 0x7F or 0xA0 <= code < 0xD800):
                return None
            out.append(chr(code))
        pos = m.end()
    out.append(data[pos:])
    return "".join(out)
