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
from typing import TYPE_CHECKING, Callable, Union

from ..regexcache import regex

if TYPE_CHECKING:
    from lxml import etree

COMMENT = regex(r"<!--.*?-->")
IMAGE = regex(r"!\[([^\]]*)\]\([^)]*\)")
LINK = regex(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
REF_LINK = regex(r"\[([^\]]+)\]\[[^\]]*\]")
SPAN = regex(r"\[([^\]]*)\]\{[^}]*\}")
AUTOLINK = regex(r"<((?:https?|ftp|mailto):[^>\s]+)>")
FOOTNOTE_REF = regex(r"\[\^[^\]\s]+\]")
HTML_TAG = regex(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
BREAK_TAG = regex(r"<br\s*/?>", re.IGNORECASE)
ESCAPE = regex(r"\\([\\`*_{}\[\]()#+\-.!|\"'<>~^$&@=:;,/?%])")
# Marks that must not follow a word character (or an escape) open with the mark itself and look
# behind it: `\*(?<![\w*\\]\*)` is `(?<![\w*\\])\*`, but a pattern that starts with a literal is
# searched by jumping from one "*" to the next instead of trying the look-behind at every position.
STRONG = (regex(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), regex(r"__(?<![\w\\]__)(?=\S)(.+?)(?<=\S)__(?!\w)"))
EMPHASIS = (regex(r"\*(?<![\w*\\]\*)(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])"),
            regex(r"_(?<![\w\\]_)(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)"))
STRIKE = regex(r"~~(?=\S)(.+?)(?<=\S)~~")
CODE = regex(r"`([^`]+)`")
BOLD_ONLY = regex(r"^(?:\*\*(?=\S)(.+)(?<=\S)\*\*|__(?=\S)(.+)(?<=\S)__|<(b|strong)>(.+)</\3>)[\s:]*$", re.IGNORECASE)
# The characters BOLD_ONLY's match can start with, and end with before its colons and spaces.
BOLD_OPENERS = ("*", "_", "<")
BOLD_CLOSERS = ("**", "__", ">")
HTML_FRAGMENT = regex(r"^\s*<(p|ul|ol|div|table|h[1-6]|blockquote)\b[^>]*>.*</(?:p|ul|ol|div|table|h[1-6]|blockquote)>\s*$",
                           re.IGNORECASE | re.DOTALL)
# pandoc's Markdown writes an em dash as `---` and an en dash as `--` (a literal one escaped: `\-`).
EM_DASH = regex(r"---(?<![-\\]---)(?!-)")  # the dash first, as STRONG's "__"
EN_DASH = regex(r"--(?<![-\\]--)(?!-)")
FRAGMENT_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "td", "th", "blockquote", "dt", "dd"}
NESTING_BLOCKS = FRAGMENT_BLOCKS | {"ul", "ol"}  # an element holding one of these is read child by child


def is_bold_only(text: str) -> bool:
    """True when the whole (Markdown or HTML) line is one bold span, e.g. `**Target 1.1:**`. Only a
    line that opens with one of the span's first characters and ends with one of its last ones
    (colons and spaces after it aside) is handed to the regex, which would otherwise backtrack
    through a line such as `**Note:** text …` from its end."""
    text = text.strip()
    return text[:1] in BOLD_OPENERS and _may_end_bold(text) and bool(BOLD_ONLY.match(text))


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
    characters a regex `\\s` matches; a `\\s+` substitution cost some 2,000 instructions a run."""
    return " ".join(text.split())


def has_markup(text: str) -> bool:
    """Whether `text` holds what every mark clean_inline removes needs: one of the characters
    < [ * _ ~ ` \\ & or "--"; a line without any only has its spaces tidied. One substring test
    per character (a memchr each) is some three times faster than a character-class regex search."""
    return ("<" in text or "[" in text or "*" in text or "_" in text or "~" in text or "`" in text
            or "\\" in text or "&" in text or "--" in text)


def clean_inline(text: str) -> str:
    """The visible text of one Markdown line: marks, links, spans, escapes and HTML tags removed.

    Each pass runs only when the text (as the passes before left it) holds the character its
    pattern cannot match without: most lines carry few kinds of mark, and the look-behind
    patterns (emphasis, `__`, dashes) cost a scan of the whole line even when nothing matches.
    """
    if not has_markup(text):
        return tidy_spaces(text)
    out = text
    for needle, pattern, replacement in _PASSES_BEFORE_LINKS:
        if needle in out:
            out = pattern.sub(replacement, out)
    if "[" in out:
        for _ in range(3):
            before = out
            for needle, pattern in _LINKS:
                if needle in out:
                    out = pattern.sub(_FIRST_GROUP, out)
            if out == before:
                break
    for needle, pattern, replacement in _PASSES_AFTER_LINKS:
        if needle in out:
            out = pattern.sub(replacement, out)
    if "&" in out:
        from html import unescape  # its entity table (2,000 names) is loaded only for a text that has one

        out = unescape(out)
    return tidy_spaces(out)


# A match replaced by its first group, which takes part in every match of the patterns it is used
# with (the same text as the template r"\1", which re expands in Python for each match).
_FIRST_GROUP = operator.itemgetter(1)
Replacement = Union[str, Callable[["re.Match[str]"], str]]
# (a string every match contains, pattern, replacement), in the order clean_inline applies them.
_PASSES_BEFORE_LINKS: tuple[tuple[str, re.Pattern[str], Replacement], ...] = (
    ("<!--", COMMENT, ""),
    ("`", CODE, _FIRST_GROUP),
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
    ("\\", ESCAPE, _FIRST_GROUP),
)


def _fragment_text(element: etree._Element) -> str:
    return collapse_spaces(element.text_content())


def _is_bold(element: etree._Element, text: str) -> bool:
    """Whether all of `text` (the element's, not empty) is in bold or strong elements."""
    bold = "".join(_fragment_text(b) for b in element.iter("b", "strong"))
    return "".join(bold.split()) == "".join(text.split())


def html_paragraphs(text: str) -> list[tuple[str, bool]] | None:
    """The paragraphs of an HTML fragment (text, all-bold), or None when `text` is not one.

    Only text that starts with a block element and ends with its closing tag counts, so a literal
    `<p>` inside a sentence stays text (a text not ending with ">" is not matched against the
    fragment regex, whose `.*` would try every position). List items keep a "•" so they read as
    bullets.
    """
    if "<" not in text or not text.rstrip().endswith(">") or not HTML_FRAGMENT.match(text):
        return None
    import lxml.html  # only a fragment that is HTML needs it: lxml stays out of a text run's start-up
    from lxml import etree

    try:
        parts = lxml.html.fragments_fromstring(text)
    except (etree.ParserError, ValueError):
        return None
    out: list[tuple[str, bool]] = []
    for part in parts:
        if isinstance(part, str):
            if part.strip():
                out.append((part.strip(), False))
            continue
        _collect(part, out)
        if part.tail and part.tail.strip():
            out.append((part.tail.strip(), False))
    return out


def _collect(element: etree._Element, out: list[tuple[str, bool]]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    has_blocks = any(isinstance(c.tag, str) and c.tag in NESTING_BLOCKS for c in element)
    if not has_blocks:
        text = _fragment_text(element)
        if text:
            out.append((f"• {text}" if tag == "li" else text, _is_bold(element, text)))
        return
    if element.text and element.text.strip():
        out.append((element.text.strip(), False))
    for child in element:
        _collect(child, out)
        if child.tail and child.tail.strip():
            out.append((child.tail.strip(), False))
