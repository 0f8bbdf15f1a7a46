"""Limits on what one input may cost, so that a hostile file ends in one clear line, not in
gigabytes of memory or minutes of work.

Each limit has a default sized so that an input at the limit is read in well under a minute and
a gigabyte, an environment variable that overrides it (inherited by `trace check`'s worker
processes), and a `trace --max-…` option that sets that variable. A file over a limit is an
`InputError` naming the file, the size and the option that raises the limit.
"""

from __future__ import annotations

import os

from .errors import UsageError
from .record import fields, record

MB = 1_000_000


@record(frozen=True)
class Limits:
    """The limits in force: sizes in MB (10^6 bytes), pages as a count."""

    text_mb: float = 5.0
    """Size of a text input (.txt, .md, .html) on disk."""
    file_mb: float = 256.0
    """Size of any input file on disk (.docx and .pdf included)."""
    part_mb: float = 16.0
    """Decompressed size of each XML part of a .docx (document.xml, styles, numbering …)."""
    docx_mb: float = 32.0
    """Decompressed size of all the parts of one .docx read together; they may hold one XML tag
    every 8 bytes of it (docx.package.TAGS_PER_MB)."""
    pages: int = 500
    """Pages of a PDF."""
    text_lines: int = 300_000
    """Lines of a .txt or .md input, with each tab or pipe (which may part two table cells), and
    the paragraphs, headings, list items, table rows and cells of an HTML page: each may be a block or a
    cell, which costs its record and place some 1.2 KB whatever its length (a 5 MB file of
    one-letter lines is 2.4 million paragraphs and 2.7 GB; 300,000 lines read in some 5 s and
    400 MB; 2.4 million tab-separated cells took 1.2 GB, 1.2 million `<p>` 1.5 GB). Real
    renderings run to tens of thousands of lines. It also bounds the paragraphs and cells within
    a .docx's cells, notes and text boxes, which become lines of the cell or note."""
    refs: int = 200_000
    """References and findings read in one document, together: each costs its record and some 450
    bytes of JSON (a finding some 4.5 KB while a SARIF log is written), and a dense list ("PP
    Resolutions 1, 2, 3, …") yields one for every five characters (3 MB of it were 700,000
    references, 2 GB and 430 MB of JSON; 0.56 MB of repeated numbers 120,000 references and
    214,000 findings, 1.3 GB as SARIF). A real plan holds a few thousand. The files of one `refs`
    or `graph` run count together too: a 94 KB plan given 1,000 times was 700,000 references and
    1.5 GB (2 GB as a graph)."""
    blocks: int = 60_000
    """Paragraphs, headings, list items, notes and table cells of one document, whatever its
    format: each costs its record and place, and again in every later step (references, the
    diff's alignment and word edits, a redline's paragraphs), some 4 KB a side in `trace diff`
    (two texts of 145,000 lines took 886 MB as JSON, and 115,000 paragraphs 1 GB as a redline;
    60,000 are some 370 and 520 MB). The corpus' 96-page report holds 1,900, and a 500-page
    report some 10,000."""
    sections: int = 50_000
    """Sections of one document: each costs its record, its blocks' places, its reference context
    and its nodes and edges in the graph, some 4.7 KB (a 5 MB Markdown file of 178,000 headings
    each citing two references was 840 MB in `trace graph`; 50,000 are some 240 MB). A real plan
    holds a few hundred, a Strategic Plan with its annexes a few thousand."""
    pdf_chars: int = 2_000_000
    """Characters of a PDF's text, all pages together: what reading a PDF costs grows with it
    (about 8 µs of CPU and 170 bytes a character: 2 M characters read in some 16 s and 400 MB),
    and 500 pages of small type hold five times what 500 pages of a report do (a 300-page report
    holds about a million; bench/pdf_limit_bench.py measures a PDF at this limit)."""
    pdf_page_mb: float = 4.0
    """Decompressed size of the content one PDF page draws (its content streams and each Form
    XObject it draws, once for each time drawn), measured before the page is parsed: PDFium
    parses a page whole, and an operator costs up to some 180 bytes of memory a byte (4.9 MB of
    one-glyph texts stacked on one spot, `(a)Tj` a glyph, read in 14 s and 865 MB; 4.9 MB of
    lines in 6 s and 440 MB). The corpus' fullest page draws 31 KB. It also bounds the PDF syntax
    pdfminer parses to measure the pages (pdf.syntax_caps): a quarter of it for one object, twice
    it for all of them together."""
    pdf_content_mb: float = 16.0
    """The same, all pages of a PDF together (a content stream shared by 500 pages counts 500
    times, as PDFium parses it for each): the corpus' 96-page report draws 1.2 MB, so a 500-page
    report some 7 MB; 16 MB of lines over 500 pages read in some 30 s."""
    pdf_streams_mb: float = 128.0
    """Decompressed size of all of a PDF's streams other than images together (font programs,
    content, forms, object and cross-reference streams), measured in the file's bytes before PDFium
    or pdfminer opens it: both inflate a stream whole when they need it, so a 1 MB file holding a
    1 GB font program took 2 GB. A large embedded CJK font is some 20 MB; the corpus' 96-page
    report holds 1.4 MB."""
    pdf_objects_mb: float = 32.0
    """Decompressed size of a PDF's object and cross-reference streams together: the PDF syntax in
    them is parsed into objects (pdfminer parses an object stream whole when it needs one object
    of it: 7.9 MB of numbers took 9 s and 100 MB). A cross-reference stream takes 5 to 7 bytes an
    object, an object stream some 100 bytes an object; a tagged PDF's structure tree about 7 KB
    a page of text and 65 KB a page of table, so a 490-page table annex fits."""

OPTIONS = {
    "text_mb": ("--max-text-mb", "TRACE_MAX_TEXT_MB"),
    "file_mb": ("--max-file-mb", "TRACE_MAX_FILE_MB"),
    "part_mb": ("--max-part-mb", "TRACE_MAX_PART_MB"),
    "docx_mb": ("--max-docx-mb", "TRACE_MAX_DOCX_MB"),
    "pages": ("--max-pages", "TRACE_MAX_PAGES"),
    "pdf_chars": ("--max-pdf-chars", "TRACE_MAX_PDF_CHARS"),
    "text_lines": ("--max-text-lines", "TRACE_MAX_TEXT_LINES"),
    "refs": ("--max-refs", "TRACE_MAX_REFS"),
    "blocks": ("--max-blocks", "TRACE_MAX_BLOCKS"),
    "sections": ("--max-sections", "TRACE_MAX_SECTIONS"),
    "pdf_page_mb": ("--max-pdf-page-mb", "TRACE_MAX_PDF_PAGE_MB"),
    "pdf_content_mb": ("--max-pdf-content-mb", "TRACE_MAX_PDF_CONTENT_MB"),
    "pdf_streams_mb": ("--max-pdf-streams-mb", "TRACE_MAX_PDF_STREAMS_MB"),
    "pdf_objects_mb": ("--max-pdf-objects-mb", "TRACE_MAX_PDF_OBJECTS_MB"),
}
COUNTS = {"pages", "pdf_chars", "text_lines", "refs", "blocks", "sections"}
"""The limits that are whole counts, not sizes in MB."""


def current() -> Limits:
    """The defaults, overridden by any TRACE_MAX_* environment variable that is set."""
    values: dict[str, float | int] = {}
    for f in fields(Limits):
        _, variable = OPTIONS[f.name]
        raw = os.environ.get(variable)
        if raw is None or not raw.strip():
            continue
        try:
            value = int(raw) if f.name in COUNTS else float(raw)
        except ValueError:
            raise UsageError(f"{variable}={raw!r} is not a number") from None
        if not value > 0:
            raise UsageError(f"{variable}={raw!r}: a limit must be greater than 0")
        values[f.name] = value
    return Limits(**values)  # type: ignore[arg-type]


def over(name: str, amount: str, limit: float) -> str:
    """The message for an input over limit `name`: what it is, the limit, and how to raise it (the
    option is a global one, so it goes before the command)."""
    option, variable = OPTIONS[name]
    shown = f"{limit:,}" if name in COUNTS else f"{limit:g} MB"
    return f"{amount}, over the limit of {shown} (trace {option} N … or {variable} raises it)"


def megabytes(size: int) -> str:
    """A byte count for a message: '512.03 MB', or '4,096 bytes' below 0.1 MB."""
    return f"{size / MB:.2f} MB" if size >= MB // 10 else f"{size:,} bytes"
