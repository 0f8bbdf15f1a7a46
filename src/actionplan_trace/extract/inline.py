"""Inline markup of Markdown and HTML-in-text: strip it to plain text, keep emphasis as a hint.

Markdown writers (pandoc, GitHub, hand-written) wrap text in `**bold**`, `__bold__`, `*em*`,
`[links](url)`, pandoc spans `[text]{.underline}` and anchors `[]{#_Toc1}`, backslash escapes
and raw HTML (`<b>`, `<br>`, `<p>`). None of that is the document's text: `clean_inline` removes
it and says whether the whole line was bold, so a bold-only line stays a heading signal.
`html_paragraphs` reads a table cell or line that *is* an HTML fragment (it starts and ends with
a block element) into its paragraphs; text that merely contains a tag is left alone.
"""

from __future__ import annotations

import html
import re

import lxml.html
from lxml import etree

COMMENT = re.compile(r"<!--.*?-->")
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
SPAN = re.compile(r"\[([^\]]*)\]\{[^}]*\}")
AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|\"'<>~^$&@=:;,/?%])")
STRONG = (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), re.compile(r"(?<![\w\\])__(?=\S)(.+?)(?<=\S)__(?!\w)"))
EMPHASIS = (re.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])"),
            re.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)"))
STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
CODE = re.compile(r"`([^`]+)`")
BOLD_ONLY = re.compile(r"^(?:\*\*(?=\S)(.+)(?<=\S)\*\*|__(?=\S)(.+)(?<=\S)__|<(b|strong)>(.+)</\3>)[\s:]*$", re.IGNORECASE)
HTML_FRAGMENT = re.compile(r"^\s*<(p|ul|ol|div|table|h[1-6]|blockquote)\b[^>]*>.*</(?:p|ul|ol|div|table|h[1-6]|blockquote)>\s*$",
                           re.IGNORECASE | re.DOTALL)
# Every mark clean_inline removes needs one of these; a line without any only has its spaces tidied.
MARKUP = re.compile(r"[<\[*_~`\\&]|--")
SPACES = re.compile(r"[ \t]+")
FRAGMENT_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "td", "th", "blockquote", "dt", "dd"}


def is_bold_only(text: str) -> bool:
    """True when the whole (Markdown or HTML) line is one bold span, e.g. `**Target 1.1:**`."""
    return bool(BOLD_ONLY.match(text.strip()))


def clean_inline(text: str) -> str:
    """The visible text of one Markdown line: marks, links, spans, escapes and HTML tags removed."""
    if not MARKUP.search(text):
        return SPACES.sub(" ", text).strip()
    out = COMMENT.sub("", text)
    out = CODE.sub(r"\1", out)
    out = BREAK_TAG.sub(" ", out)
    out = AUTOLINK.sub(r"\1", out)
    out = IMAGE.sub(r"\1", out)
    out = FOOTNOTE_REF.sub("", out)
    for _ in range(3):
        before = out
        out = SPAN.sub(r"\1", out)
        out = LINK.sub(r"\1", out)
        out = REF_LINK.sub(r"\1", out)
        if out == before:
            break
    out = HTML_TAG.sub("", out)
    for pattern in STRONG + (STRIKE,) + EMPHASIS:
        out = pattern.sub(r"\1", out)
    out = _smart_dashes(out)
    out = ESCAPE.sub(r"\1", out)
    return SPACES.sub(" ", html.unescape(out)).strip()


def _smart_dashes(text: str) -> str:
    """pandoc's Markdown writes an en dash as `--` and an em dash as `---` (escaped: `\\-`)."""
    return re.sub(r"(?<![-\\])--(?!-)", "\u2013", re.sub(r"(?<![-\\])---(?!-)", "\u2014", text))


def _fragment_text(element: etree._Element) -> str:
    return re.sub(r"\s+", " ", element.text_content()).strip()


def _is_bold(element: etree._Element) -> bool:
    text = _fragment_text(element)
    bold = "".join(_fragment_text(b) for b in element.iter("b", "strong"))
    return bool(text) and re.sub(r"\s+", "", bold) == re.sub(r"\s+", "", text)


def html_paragraphs(text: str) -> list[tuple[str, bool]] | None:
    """The paragraphs of an HTML fragment (text, all-bold), or None when `text` is not one.

    Only text that starts with a block element and ends with its closing tag counts, so a literal
    `<p>` inside a sentence stays text. List items keep a "•" so they read as bullets.
    """
    if not HTML_FRAGMENT.match(text):
        return None
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
    has_blocks = any(isinstance(c.tag, str) and c.tag in FRAGMENT_BLOCKS | {"ul", "ol"} for c in element)
    if not has_blocks:
        text = _fragment_text(element)
        if text:
            out.append((f"• {text}" if tag == "li" else text, _is_bold(element)))
        return
    if element.text and element.text.strip():
        out.append((element.text.strip(), False))
    for child in element:
        _collect(child, out)
        if child.tail and child.tail.strip():
            out.append((child.tail.strip(), False))
