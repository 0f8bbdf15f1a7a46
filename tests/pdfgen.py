"""A minimal PDF writer for tests: lines of text in the standard fonts, placed like a word processor
would (left margin, indents, paragraph spacing), so PDF fixtures are made at test time, not stored.

Only the 14 standard fonts are used (no embedding): pdfium knows their metrics, and their names
("Times-Bold") carry the bold hint the reader looks for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PAGE_W, PAGE_H = 595, 842
MARGIN = 72


@dataclass(frozen=True)
class Line:
    """One printed line: its text, font, size, indent from the left margin and extra space above."""

    text: str
    font: str = "Helvetica"
    size: float = 11
    indent: float = 0
    gap_before: float = 0
    spaces: bool = True  # False: words placed apart by TJ offsets, with no space glyph (as Chromium and TeX do)
    word_gap: int = 300  # with spaces=False: the pen's move between words, in thousandths of the font size
    underline: bool = False  # a thin filled rectangle under the text, as a browser draws a link's underline
    rule: float = 0  # a rule of this width (points) at the left margin in the line's place, and no text


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _outline(entries: list[tuple[int, str, int | None]], first: int, page_ids: list[int],
             actions: bool = False) -> list[bytes]:
    """The objects of a document outline, numbered from `first` (the /Outlines dictionary): each
    entry (depth, title, 0-based page or None for no destination) under the entry before it of
    lesser depth; `actions`: each leads to its page by a go-to action (as Acrobat writes), not a
    destination."""
    parents: list[int | None] = []
    stack: list[tuple[int, int]] = []
    for k, (depth, _, _) in enumerate(entries):
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parents.append(stack[-1][1] if stack else None)
        stack.append((depth, k))
    children: dict[int | None, list[int]] = {}
    for k, parent in enumerate(parents):
        children.setdefault(parent, []).append(k)

    def ref(k: int | None) -> int:
        return first if k is None else first + 1 + k

    def links(k: int | None) -> bytes:
        kids = children.get(k, [])
        return b" /First %d 0 R /Last %d 0 R /Count %d" % (ref(kids[0]), ref(kids[-1]), len(kids)) if kids else b""

    out = [b"<< /Type /Outlines%s >>" % links(None)]
    for k, (_, title, page) in enumerate(entries):
        siblings = children[parents[k]]
        at = siblings.index(k)
        body = b"<< /Title (%s) /Parent %d 0 R" % (_escape(title), ref(parents[k]))
        if at:
            body += b" /Prev %d 0 R" % ref(siblings[at - 1])
        if at + 1 < len(siblings):
            body += b" /Next %d 0 R" % ref(siblings[at + 1])
        if page is not None:
            dest = b"[%d 0 R /XYZ 0 %d 0]" % (page_ids[page], PAGE_H)
            body += b" /A << /S /GoTo /D %s >>" % dest if actions else b" /Dest %s" % dest
        out.append(body + links(k) + b" >>")
    return out


def write_pdf(path: Path, lines: list[Line], outline: list[tuple[int, str, int | None]] | None = None,
              outline_actions: bool = False) -> Path:
    """Write `lines` top to bottom over as many A4 pages as needed, with `outline` as its
    bookmarks (depth, title, 0-based page; by go-to actions with `outline_actions`); returns `path`."""
    fonts = sorted({line.font for line in lines})
    font_ids = {name: f"F{k + 1}" for k, name in enumerate(fonts)}
    pages: list[list[bytes]] = [[]]
    y = PAGE_H - MARGIN
    for line in lines:
        step = line.size * 1.25 + line.gap_before
        if y - step < MARGIN:
            pages.append([])
            y = PAGE_H - MARGIN
            step = line.size * 1.25
        y -= step
        shown = (b"(%s) Tj" % _escape(line.text) if line.spaces
                 else b"[%s] TJ" % (b" -%d " % line.word_gap).join(b"(%s)" % _escape(word) for word in line.text.split()))
        if line.rule:
            pages[-1].append(b"%.1f %.1f %.1f 0.5 re f" % (MARGIN, y + 0.4 * line.size, line.rule))
            continue
        pages[-1].append(
            b"BT /%s %.1f Tf %.1f %.1f Td %s ET" % (font_ids[line.font].encode(), line.size, MARGIN + line.indent, y, shown)
        )
        if line.underline:
            width = 0.5 * line.size * len(line.text)
            pages[-1].append(b"%.1f %.1f %.1f 0.6 re f" % (MARGIN + line.indent, y - 0.15 * line.size, width))
    return write_pages(path, pages, fonts, outline, outline_actions)


def text_op(x: float, top: float, text: str, font: str = "Helvetica", size: float = 11) -> bytes:
    """A content-stream operator that prints `text` with its baseline `top` points below the page's
    top edge, starting `x` points from the left edge (for write_pages; `font` must be among its fonts)."""
    return b"BT /%s %.1f Tf %.2f %.2f Td (%s) Tj ET" % (font_id(font).encode(), size, x, PAGE_H - top, _escape(text))


def rule_op(x0: float, top0: float, x1: float, top1: float, width: float = 0.5) -> bytes:
    """A content-stream operator that strokes a straight rule between two points (top-left coordinates)."""
    return b"%.2f w %.2f %.2f m %.2f %.2f l S" % (width, x0, PAGE_H - top0, x1, PAGE_H - top1)


FONTS = ("Helvetica", "Helvetica-Bold", "Times-Roman", "Times-Bold", "Courier")


def font_id(name: str) -> str:
    """The resource name write_pages gives a font of FONTS."""
    return f"S{FONTS.index(name) + 1}"


def write_placed(path: Path, pages: list[list[bytes]]) -> Path:
    """Write pages of text_op and rule_op operators (A4, every font of FONTS available)."""
    return write_pages(path, pages, list(FONTS), ids={n: font_id(n) for n in FONTS})


def write_pages(path: Path, pages: list[list[bytes]], fonts: list[str],
                outline: list[tuple[int, str, int | None]] | None = None, outline_actions: bool = False,
                ids: dict[str, str] | None = None) -> Path:
    """Write the PDF whose pages' content streams are `pages` (lists of operators), with `fonts`
    (standard font names, named F1, F2, … in that order unless `ids` names them) and `outline`."""
    font_ids = ids or {name: f"F{k + 1}" for k, name in enumerate(fonts)}
    objects: list[bytes] = []
    font_refs = {}
    for name in fonts:
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % name.encode())
        font_refs[name] = len(objects)
    resources = b"<< /Font << %s >> >>" % b" ".join(
        b"/%s %d 0 R" % (font_ids[n].encode(), font_refs[n]) for n in fonts
    )
    pages_id = len(objects) + 1
    objects.append(b"")
    kids = []
    for content in pages:
        stream = b"\n".join(content)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R /Resources %s >>"
            % (pages_id, PAGE_W, PAGE_H, len(objects), resources)
        )
        kids.append(len(objects))
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids)
    )
    outlines = b""
    if outline:
        outlines = b" /Outlines %d 0 R" % (len(objects) + 1)
        objects.extend(_outline(outline, len(objects) + 1, kids, outline_actions))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R%s >>" % (pages_id, outlines))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, len(objects), xref)
    path.write_bytes(bytes(out))
    return path


def word_widths(words: set[str], font: str, size: float, tmp: Path) -> tuple[dict[str, float], float]:
    """Printed widths of `words` (and of a space) in `font`, measured by pdfium on a probe page:
    each word is set at the margin followed by "|", whose left edge (less its own side bearing,
    measured on a "|" alone) ends the word."""
    import pypdfium2 as pdfium

    ordered = sorted(words) + [" ", ""]
    probe = write_pdf(tmp / f"probe-{font}.pdf", [Line(f"{w}|", font, size) for w in ordered])
    document = pdfium.PdfDocument(str(probe))
    widths: dict[str, float] = {}
    k = 0
    for page in document:
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        starts = [i for i, ch in enumerate(text) if ch == "|"]
        for index in starts:
            widths[ordered[k]] = textpage.get_charbox(index)[0] - MARGIN
            k += 1
    document.close()
    bearing = widths.pop("")
    widths = {w: v - bearing for w, v in widths.items()}
    return widths, widths.pop(" ")


def wrap(text: str, width: float, widths: dict[str, float], space: float) -> list[str]:
    """Greedy line breaking, as a word processor does: a word goes on the next line only when it
    does not fit on this one."""
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    for word in text.split():
        need = widths[word] + (space if current else 0)
        if current and used + need > width:
            lines.append(" ".join(current))
            current, used = [], 0.0
            need = widths[word]
        current.append(word)
        used += need
    if current:
        lines.append(" ".join(current))
    return lines


@dataclass(frozen=True)
class TableStyle:
    """How lay_table sets a table: fonts, size, line pitch (times the size), cell padding, column
    widths, rules ("grid": every cell boxed; "rows": horizontal rules only), whether the header row
    repeats on each page, whether a row may break across pages (Word's "Allow row to break across
    pages"), the page's left edge and its text area's top and bottom (from the page top), and how
    many rows the header has."""

    widths: tuple[float, ...]
    font: str = "Helvetica"
    bold: str = "Helvetica-Bold"
    size: float = 10
    pitch: float = 1.2
    pad: float = 4
    rules: str = "grid"
    repeat_header: bool = True
    split_rows: bool = True
    left: float = MARGIN
    top: float = MARGIN
    bottom: float = PAGE_H - MARGIN
    header_rows: int = 1


Cells = list[list[str]]  # a row: each cell's printed lines


def lay_table(rows: list[Cells], style: TableStyle, start: float | None = None,
              pages: list[list[bytes]] | None = None) -> list[list[bytes]]:
    """The pages (text_op / rule_op operators) of a table whose first row is its header, set from
    `start` (default: the text area's top) on the last of `pages`, as a word processor does when a
    row may break across pages: a row that does not fit is split after the lines that do (each
    cell's first lines; the rest goes on the next page), the header row repeated above it when
    `repeat_header`; a row that may not break (`split_rows` off) goes whole to the next page."""
    pages = pages if pages is not None else [[]]
    y = style.top if start is None else start
    lead = style.size * style.pitch
    xs = [style.left]
    for w in style.widths:
        xs.append(xs[-1] + w)

    def draw(cells: Cells, font: str, count: int, offset: int) -> float:
        nonlocal y
        height = count * lead + 2 * style.pad
        ops = pages[-1]
        for x, lines in zip(xs, cells):
            for k, text in enumerate(lines[offset:offset + count]):
                ops.append(text_op(x + style.pad, y + style.pad + (k + 0.8) * lead, text, font, style.size))
        ops.append(rule_op(xs[0], y, xs[-1], y))
        ops.append(rule_op(xs[0], y + height, xs[-1], y + height))
        if style.rules == "grid":
            ops.extend(rule_op(x, y, x, y + height) for x in xs)
        y += height
        return height

    header = rows[:style.header_rows]
    for head in header:
        draw(head, style.bold, max(len(c) for c in head), 0)
    fresh = False  # nothing but the repeated header yet on this page: a row too tall for it breaks anyway
    for row in rows[style.header_rows:]:
        total = max(len(c) for c in row)
        done = 0
        while done < total:
            room = int((style.bottom - y - 2 * style.pad) // lead)
            if room <= 0 or (not style.split_rows and not fresh and room < total - done):
                pages.append([])
                y = style.top
                if style.repeat_header:
                    for head in header:
                        draw(head, style.bold, max(len(c) for c in head), 0)
                fresh = True
                continue
            fresh = False
            count = min(room, total - done)
            draw(row, style.font, count, done)
            done += count
    return pages



def flow_columns(paragraphs: list[tuple[str, str, float]], columns: list[tuple[float, float]], top: float, lead: float,
                 measures: dict[tuple[str, float], tuple[dict[str, float], float]], gap: float = 0.0,
                 stagger: float = 0.0) -> tuple[list[bytes], float]:
    """Operators (for write_placed) that set `paragraphs` ((text, font, size) each, `measures`
    the word_widths of each (font, size)) in `columns` ((left, width) each) as a word processor
    sets a section's: the first baseline `top` points below the page's top, `gap` points more
    between paragraphs, each line wrapped to its column's width, a column filled to the height that
    shares the lines out evenly (the last takes what is left), a paragraph running on at the head
    of the next; column k's baselines `stagger` times k lower. Returns the operators and the lowest
    baseline set."""
    counted = 0.0
    for text, font, size in paragraphs:
        widths, space = measures[font, size]
        counted += len(wrap(text, min(w for _, w in columns), widths, space)) * lead + gap
    height = counted / len(columns)
    ops: list[bytes] = []
    column, y, lowest = 0, top, top
    for number, (text, font, size) in enumerate(paragraphs):
        widths, space = measures[font, size]
        if number and y > top:
            y += gap
        words = text.split()
        while words:
            if y - top >= height and column + 1 < len(columns):
                column, y = column + 1, top
            left, width = columns[column]
            line = wrap(" ".join(words), width, widths, space)[0]
            words = words[len(line.split()):]
            base = y + column * stagger
            ops.append(text_op(left, base, line, font, size))
            lowest = max(lowest, base)
            y += lead
    return ops, lowest
