"""Hypothesis strategies for hostile inputs, written as files: .docx packages (ZIP structure,
XML shape, numbering, styles, relationships, footnotes), PDFs (text lines in the standard fonts,
then possibly truncated or with flipped bytes) and text renderings (.txt/.md/.html with control
characters, stray tags, headings and references). Used by tests/test_fuzz.py (`make test` runs a
short deterministic profile, `make fuzz` a long random one).
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from hypothesis import strategies as st

from hostilegen import CONTENT_TYPES, RELS, W_NS
from pdfgen import Line, write_pdf

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

PLAN_WORDS = [
    "Objective", "Output", "Outcome", "2", "2.1", "1.3", "–", "-", "Background", "Programme:", "Implementation",
    "framework", "References", "WTDC", "PP", "Resolution", "Res.", "45", "71", "(Rev.", "Dubai,", "2014)", "SDG",
    "9", "target", "9.c", "WSIS", "C5", "action", "line", "Study", "Group", "Question", "1/1", "Regional",
    "initiatives", "Proposal", "MOD", "ADD", "SUP", "the", "and", "of", "Member", "States", "ITU-D", "BDT",
]
HOSTILE_CHARS = ["\x1b]0;title\x07", "\x1b[2J", "\x00", "\x01", "\r", "\ufffe", "\u202e", "\t", "<p>", "</p>",
                 "[bookmark: x]", "&amp;", "]]>", "\ud800", "é", "𝔸", "\u00a0", "  "]

words = st.sampled_from(PLAN_WORDS) | st.text(min_size=1, max_size=12)
hostile_piece = st.sampled_from(HOSTILE_CHARS)
line_text = st.lists(words | hostile_piece, min_size=0, max_size=14).map(" ".join)
xml_line_text = line_text.map(lambda t: "".join(c for c in t if c in "\t\n\r" or " " <= c <= "\ud7ff" or "\ue000" <= c <= "\ufffd"))


def _attr(name: str, value: str | None) -> str:
    return "" if value is None else f" {name}={quoteattr(value)}"


small_value = st.none() | st.sampled_from(["0", "1", "2", "8", "9", "-1", "99999999999", "x", "", "1.5"])
style_names = st.sampled_from(["Heading1", "Heading2", "Heading9", "Title", "ListParagraph", "Normal", "Missing",
                               "Loop1", "Loop2", ""])


@st.composite
def run_xml(draw: st.DrawFn) -> str:
    """A w:r with text, tabs, breaks, deleted text or field codes, sometimes inside w:ins/w:del."""
    parts = []
    for kind in draw(st.lists(st.sampled_from(["t", "tab", "br", "delText", "instr", "fn", "sym"]), max_size=4)):
        if kind in ("t", "delText"):
            parts.append(f'<w:{kind} xml:space="preserve">{escape(draw(xml_line_text))}</w:{kind}>')
        elif kind == "instr":
            parts.append(f"<w:instrText>{escape(draw(xml_line_text))}</w:instrText>")
        elif kind == "fn":
            parts.append(f"<w:footnoteReference{_attr('w:id', draw(small_value))}/>")
        elif kind == "sym":
            parts.append(f"<w:sym{_attr('w:char', draw(st.none() | st.sampled_from(['F0B7', 'zz', ''])))}/>")
        else:
            parts.append(f"<w:{kind}/>")
    props = draw(st.sampled_from(["", "<w:rPr><w:b/></w:rPr>", "<w:rPr><w:vanish/></w:rPr>",
                                  '<w:rPr><w:b w:val="0"/><w:caps/></w:rPr>']))
    run = f"<w:r>{props}{''.join(parts)}</w:r>"
    wrapper = draw(st.sampled_from([None, "ins", "del", "moveFrom", "moveTo", "smartTag", "hyperlink"]))
    if wrapper is None:
        return run
    attrs = _attr("w:author", draw(st.none() | xml_line_text)) + _attr("w:id", draw(small_value))
    if wrapper == "hyperlink":
        attrs = _attr("r:id", draw(st.none() | st.sampled_from(["rId1", "rId99", ""])))
    return f"<w:{wrapper}{attrs}>{run}</w:{wrapper}>"


@st.composite
def paragraph_xml(draw: st.DrawFn) -> str:
    """A w:p with a style, numbering, outline level, revision marks on its mark, and runs."""
    props = []
    if draw(st.booleans()):
        props.append(f"<w:pStyle{_attr('w:val', draw(style_names))}/>")
    if draw(st.booleans()):
        props.append(f"<w:numPr><w:ilvl{_attr('w:val', draw(small_value))}/>"
                     f"<w:numId{_attr('w:val', draw(small_value))}/></w:numPr>")
    if draw(st.booleans()):
        props.append(f"<w:outlineLvl{_attr('w:val', draw(small_value))}/>")
    if draw(st.booleans()):
        props.append(f"<w:rPr><w:{draw(st.sampled_from(['ins', 'del']))} w:id=\"1\" w:author=\"a\"/></w:rPr>")
    runs = "".join(draw(st.lists(run_xml(), max_size=4)))
    return f"<w:p><w:pPr>{''.join(props)}</w:pPr>{runs}</w:p>"


def table_xml(cell: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A w:tbl of rows of cells holding `cell` content, with spans, merges and deleted rows."""
    span = st.sampled_from(["", '<w:gridSpan w:val="2"/>', '<w:vMerge w:val="restart"/>', "<w:vMerge/>",
                            '<w:gridSpan w:val="999"/>', '<w:gridSpan w:val="x"/>'])
    tc = st.tuples(span, st.lists(cell, min_size=0, max_size=2)).map(
        lambda t: f"<w:tc><w:tcPr>{t[0]}</w:tcPr>{''.join(t[1])}</w:tc>")
    tr = st.tuples(st.sampled_from(["", "<w:trPr><w:del w:id=\"9\" w:author=\"a\"/></w:trPr>"]),
                   st.lists(tc, min_size=0, max_size=4)).map(lambda t: f"<w:tr>{t[0]}{''.join(t[1])}</w:tr>")
    return st.lists(tr, min_size=0, max_size=4).map(lambda rows: f"<w:tbl>{''.join(rows)}</w:tbl>")


body_item = st.recursive(
    paragraph_xml(),
    lambda inner: table_xml(inner) | st.lists(inner, max_size=3).map(lambda xs: f"<w:sdt><w:sdtContent>{''.join(xs)}</w:sdtContent></w:sdt>"),
    max_leaves=12,
)


@st.composite
def numbering_xml(draw: st.DrawFn) -> str:
    levels = []
    for ilvl in draw(st.lists(small_value, max_size=4)):
        fmt = draw(st.sampled_from(["decimal", "upperRoman", "lowerLetter", "bullet", "ordinal", "cardinalText",
                                    "chicago", "none", "garbage", ""]))
        text = draw(st.sampled_from(["%1.", "%1.%2", "%9", "%0", "%1%1%1%1", "", "•", "Objective %1 –", "%"]))
        levels.append(f"<w:lvl{_attr('w:ilvl', ilvl)}><w:start{_attr('w:val', draw(small_value))}/>"
                      f"<w:numFmt w:val=\"{fmt}\"/><w:lvlText{_attr('w:val', text)}/></w:lvl>")
    nums = []
    for num_id in draw(st.lists(small_value, max_size=3)):
        override = draw(st.sampled_from(["", '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride>']))
        nums.append(f"<w:num{_attr('w:numId', num_id)}><w:abstractNumId{_attr('w:val', draw(small_value))}/>"
                    f"{override}</w:num>")
    abstract = f"<w:abstractNum{_attr('w:abstractNumId', draw(small_value))}>{''.join(levels)}</w:abstractNum>"
    return f'<w:numbering xmlns:w="{W_NS}">{abstract}{"".join(nums)}</w:numbering>'


@st.composite
def styles_xml(draw: st.DrawFn) -> str:
    styles = []
    for sid in draw(st.lists(style_names, max_size=5)):
        based = draw(st.none() | style_names)
        outline = draw(small_value)
        styles.append(f'<w:style w:type="paragraph"{_attr("w:styleId", sid)}><w:name{_attr("w:val", sid.lower())}/>'
                      + (f"<w:basedOn{_attr('w:val', based)}/>" if based is not None else "")
                      + (f"<w:pPr><w:outlineLvl{_attr('w:val', outline)}/></w:pPr>" if outline is not None else "")
                      + "</w:style>")
    return f'<w:styles xmlns:w="{W_NS}">{"".join(styles)}</w:styles>'


@st.composite
def rels_xml(draw: st.DrawFn) -> str:
    rels = []
    for n, kind in enumerate(draw(st.lists(st.sampled_from(["numbering", "styles", "footnotes", "hyperlink",
                                                            "settings", "image"]), max_size=5))):
        target = draw(st.sampled_from([f"{kind}.xml", "missing.xml", "../../../etc/passwd", "/word/numbering.xml",
                                       "http://example.invalid/x", "", "word/document.xml", "%zz"]))
        mode = draw(st.sampled_from(["", ' TargetMode="External"']))
        rels.append(f'<Relationship Id="rId{n + 1}" Type="{REL_TYPE}{kind}" Target={quoteattr(target)}{mode}/>')
    return f'<Relationships xmlns="{REL_NS}">{"".join(rels)}</Relationships>'


@st.composite
def footnotes_xml(draw: st.DrawFn) -> str:
    notes = []
    for note_id in draw(st.lists(small_value, max_size=3)):
        notes.append(f"<w:footnote{_attr('w:id', note_id)}>{draw(paragraph_xml())}</w:footnote>")
    return f'<w:footnotes xmlns:w="{W_NS}">{"".join(notes)}</w:footnotes>'


def _document(body: list[str]) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
            f"<w:body>{''.join(body)}<w:sectPr/></w:body></w:document>")


@st.composite
def docx_bytes(draw: st.DrawFn) -> bytes:
    """A .docx package, from well-formed but odd to structurally broken."""
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": RELS,
        "word/document.xml": _document(draw(st.lists(body_item, max_size=8))),
        "word/_rels/document.xml.rels": draw(rels_xml()),
    }
    for name, strategy in (("word/numbering.xml", numbering_xml()), ("word/styles.xml", styles_xml()),
                           ("word/footnotes.xml", footnotes_xml())):
        if draw(st.booleans()):
            parts[name] = draw(strategy)
    damage = draw(st.sampled_from(["none"] * 6 + ["drop", "truncate-xml", "garbage-part", "doctype", "utf16",
                                                  "flip-zip", "truncate-zip", "dir-entry"]))
    if damage == "drop":
        parts.pop(draw(st.sampled_from(sorted(parts))))
    elif damage == "truncate-xml":
        name = draw(st.sampled_from(sorted(parts)))
        text = parts[name]
        parts[name] = text[: draw(st.integers(0, max(0, len(text) - 1)))]
    elif damage == "garbage-part":
        parts[draw(st.sampled_from(sorted(parts)))] = draw(st.binary(max_size=64))
    elif damage == "doctype":
        parts["word/document.xml"] = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "boom">]>'
                                      + str(parts["word/document.xml"]).split("?>", 1)[-1].replace("<w:t", "<w:t>&e;</w:t><w:t", 1))
    elif damage == "utf16":
        parts["word/document.xml"] = str(parts["word/document.xml"]).replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))) as zf:
        if damage == "dir-entry":
            zf.writestr("word/", b"")
        for name, data in parts.items():
            zf.writestr(name, data)
    data = out.getvalue()
    if damage == "flip-zip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:]
    elif damage == "truncate-zip":
        data = data[: draw(st.integers(0, len(data)))]
    return data


pdf_line = st.builds(
    Line,
    text=line_text,
    font=st.sampled_from(["Helvetica", "Helvetica-Bold", "Times-Roman", "Times-Bold", "Courier", "Symbol"]),
    size=st.sampled_from([4, 8, 11, 14, 18, 40]),
    indent=st.sampled_from([0, 18, 36, 200, -50]),
    gap_before=st.sampled_from([0, 0, 6, 30]),
)


@st.composite
def pdf_bytes(draw: st.DrawFn) -> bytes:
    """A PDF of plan-like lines (maybe none) and maybe an outline whose bookmarks title some of
    them (or nothing, or lead nowhere), then maybe truncated or with a flipped byte."""
    lines = draw(st.lists(pdf_line, max_size=30))
    title = st.sampled_from([line.text for line in lines]) | line_text if lines else line_text
    outline = draw(st.none() | st.lists(st.tuples(st.integers(0, 3), title, st.sampled_from([0, None])), max_size=8))
    with tempfile.TemporaryDirectory() as tmp:
        data = write_pdf(Path(tmp) / "gen.pdf", lines, outline, outline_actions=draw(st.booleans())).read_bytes()
    damage = draw(st.sampled_from(["none"] * 6 + ["truncate", "flip", "header-only"]))
    if damage == "truncate":
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == "flip":
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1:]
    elif damage == "header-only":
        data = b"%PDF-1.7\n" + draw(st.binary(max_size=200))
    return data


text_line = st.one_of(
    line_text,
    line_text.map(lambda t: "#" * 2 + " " + t),
    st.tuples(st.integers(0, 30), line_text).map(lambda t: f"{t[0]}.{t[0] % 7} {t[1]}"),
    line_text.map(lambda t: f"<h2>{t}</h2>"),
    line_text.map(lambda t: f"| {t} | {t[::-1]} |"),
    st.sampled_from(["", "---", "===", "<table><tr><td>", "</td></tr></table>", "<!--", "```"]),
)


@st.composite
def text_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """(suffix, bytes) of a text rendering: Markdown, HTML fragments, numbered lines, control
    characters; in UTF-8, UTF-16 with a BOM, Latin-1 or with invalid bytes."""
    text = "\n".join(draw(st.lists(text_line, max_size=25)))
    suffix = draw(st.sampled_from([".txt", ".md", ".html", ".htm", ".markdown"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1", "broken"]))
    if encoding == "broken":
        data = text.encode("utf-8", "surrogatepass") + b"\xff\xfe\xc3"
    else:
        data = text.encode(encoding, "replace")
    return suffix, data
