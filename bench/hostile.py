"""The hostile set of issue #11, at full size: each input is generated here (nothing committed),
each command runs as its own process with a 60 s timeout, and the exit code, the first stderr
line, the wall time and the peak memory (ru_maxrss of the child) are printed. The contract: exit 2
with one line, or a correct result, within 60 s and 1 GB each.

    python bench/hostile.py [--only NAME ...] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Callable

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
TRACE = Path(sys.executable).parent / "trace"
DENSE = ("see PP Resolution 71, ", "WTDC Res. 45 (Rev. Dubai, 2014) and ", "SDG 9 (targets 9.1, 9.c); ",
         "WSIS Action Line C5, ", "ITU-D SG 2 Question 3 ", "Regional Initiative AFR3; ")
sys.path.insert(0, str(ROOT / "tests"))

from hostilegen import (  # noqa: E402
    CONTENT_TYPES,
    PARAGRAPH,
    PDF_FONT,
    PDF_TEXT,
    RELS,
    W_NS,
    docx_bomb,
    docx_of,
    docx_numbered,
    pdf_bomb,
    pdf_pages,
    pdf_wide_page_tree,
    pdf_encrypted_catalogue_bomb,
    pdf_font_bomb,
    pdf_object_stream_bomb,
    raw_pdf,
    text_of_size,
)


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _edited(path: Path, old: bytes, new: bytes) -> Path:
    """`path` with its first `old` bytes replaced by `new`."""
    path.write_bytes(path.read_bytes().replace(old, new, 1))
    return path


def _one_page(extra: bytes = b"") -> list[bytes]:
    """The objects of a one-page PDF reading "Resolution 71 and SDG 9.1", its page dictionary
    holding `extra` too."""
    return [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>", PDF_FONT,
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(PDF_TEXT), PDF_TEXT),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >>"
            + extra + b" >>"]


def _pdf_file(path: Path, extra: bytes) -> Path:
    """A one-page PDF whose page dictionary holds `extra` (found by a red team: pdfminer parses it
    whole to measure the page)."""
    path.write_bytes(raw_pdf(_one_page(extra)))
    return path


def _predictor_pdf(path: Path) -> Path:
    """A one-page PDF whose content stream has a PNG predictor of 3 billion columns (pdfminer
    listed them: 24 GB for a 639-byte file)."""
    data = raw_pdf(_one_page())
    path.write_bytes(data.replace(b"<< /Length", b"<< /DecodeParms << /Predictor 12 /Columns 3000000000 >> /Length", 1))
    return path


def long_pdf(path: Path, pages: int) -> Path:
    """A `pages`-page PDF cycling through the pages of the corpus PDFs."""
    out = pdfium.PdfDocument.new()
    sources = sorted((ROOT / "corpus").glob("*.pdf"))
    while len(out) < pages:
        for src in sources:
            doc = pdfium.PdfDocument(str(src))
            out.import_pages(doc, list(range(min(len(doc), pages - len(out)))))
            doc.close()
            if len(out) >= pages:
                break
    out.save(str(path))
    out.close()
    return path


def cases(tmp: Path) -> list[tuple[str, Callable[[], list[str]]]]:
    """(name, a function that makes the input and returns the command arguments)."""

    def fifo() -> list[str]:
        target = tmp / "fifo.txt"
        if not target.exists():
            os.mkfifo(target)
        return ["extract", str(target)]

    def zero() -> list[str]:
        target = tmp / "zero.txt"
        if not target.exists():
            target.symlink_to("/dev/zero")
        return ["refs", str(target)]

    def undecodable() -> list[str]:
        target = tmp / "undecodable.txt"
        target.write_bytes(PARAGRAPH.encode("utf-8") + b"\xff\xfe\x81 broken \xc3(\n" + PARAGRAPH.encode("utf-8"))
        return ["refs", str(target), "--format", "json"]

    def utf16() -> list[str]:
        target = tmp / "notepad-unicode.txt"
        target.write_bytes((PARAGRAPH + "\n") .encode("utf-16"))
        return ["refs", str(target), "--format", "json"]

    def utf32() -> list[str]:
        target = tmp / "utf32.txt"
        target.write_bytes((PARAGRAPH + "\n").encode("utf-32"))
        return ["extract", str(target), "--format", "json"]

    def shaped(name: str, text: str) -> Callable[[], list[str]]:
        """A text whose shape made a reader quadratic once (each now linear; see extract/text.py)."""
        def make() -> list[str]:
            target = tmp / name
            target.write_text(text, encoding="utf-8")
            return ["refs", str(target), "-f", "json"]
        return make

    def quoted_openings() -> list[str]:
        """A part that fails on an undefined entity, then opens 16,000 comments it never closes:
        telling a declared entity from a quoted one (xmlsafe) once read it again per opening."""
        target = tmp / "openings.docx"
        with zipfile.ZipFile(ROOT / "corpus" / "objective2-old.docx") as zin, zipfile.ZipFile(target, "w") as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                if info.filename == "word/document.xml":
                    data = data.replace(b"?>", b"?><!DOCTYPE w:document>", 1).replace(
                        b"<w:body>", b"<w:body><w:p><w:r><w:t>a&nbsp;b</w:t></w:r></w:p>" + b"<!--" * 16_000, 1)
                zout.writestr(info, data)
        return ["extract", str(target)]

    def digits_paragraph() -> list[str]:
        """A paragraph of "2.2.2…" 15 MB long, one word: the numbered-heading patterns kept a
        state for each "2." in it (1.7 GB) until a text that long was no heading (HEADING_CHARS)."""
        target = tmp / "digits.docx"
        run = "<w:r><w:t>" + "2." * 1_875_000 + "</w:t></w:r>"
        with zipfile.ZipFile(ROOT / "corpus" / "objective2-old.docx") as zin, zipfile.ZipFile(target, "w") as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                if info.filename == "word/document.xml":
                    data = data.replace(b"<w:body>", b"<w:body><w:p>" + run.encode() * 4 + b"</w:p>", 1)
                zout.writestr(info, data)
        return ["extract", str(target), "-f", "json"]

    def body_of(name: str, content: str) -> Callable[[], list[str]]:
        """`trace extract` of a .docx whose body is `content` (found by a red team: each was read
        whole before its blocks were counted)."""
        def made() -> list[str]:
            document = f'<w:document xmlns:w="{W_NS}"><w:body>{content}</w:body></w:document>'
            return ["extract", str(docx_of(tmp / name, document)), "-f", "json"]
        return made

    def zip_entries(count: int) -> list[str]:
        """A .docx whose ZIP directory lists `count` entries more (copies of its first one):
        zipfile made an object of each before any part was read, 1.8 GB for 3 million."""
        import struct

        data = (ROOT / "corpus" / "objective2-old.docx").read_bytes()
        end = data.rfind(b"PK\x05\x06")
        start = struct.unpack_from("<I", data, end + 16)[0]
        entry = data[start:start + 46 + struct.unpack_from("<H", data, start + 28)[0]]
        target = tmp / "entries.docx"
        with target.open("wb") as out:
            out.write(data[:end])
            for _ in range(count // 100_000):
                out.write(entry * 100_000)
            out.write(b"PK\x05\x06" + struct.pack("<4H2IH", 0, 0, 0xFFFF, 0xFFFF, end - start + len(entry) * count,
                                                    start, 0))
        return ["extract", str(target), "-f", "json"]

    def unlisted_objects(count: int) -> Path:
        """A one-page PDF followed by `count` objects of its own and no cross-reference table:
        pdfminer rebuilds the table by parsing every object it finds."""
        data = raw_pdf(_one_page())
        target = tmp / "unlisted.pdf"
        with target.open("wb") as out:
            out.write(data[:data.index(b"xref\n")])
            for start in range(6, 6 + count, 100_000):
                out.write(b"".join(b"%d 0 obj null endobj\n" % n for n in range(start, min(start + 100_000, 6 + count))))
            out.write(b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")
        return target

    def listed_objects(count: int) -> Path:
        """A one-page PDF whose cross-reference table lists `count` entries more, each in use
        (pointing at the catalogue): pdfminer keeps an offset for each."""
        data = raw_pdf(_one_page())
        at = data.index(b"xref\n")
        catalogue = data.index(b"1 0 obj")
        target = tmp / "listed.pdf"
        with target.open("wb") as out:
            out.write(data[:at] + b"xref\n0 %d\n" % (count + 1) + data[data.index(b"0000000000 65535 f", at):data.index(b"trailer")])
            row = b"%010d 00000 n \n" % catalogue
            for start in range(6, count + 1, 100_000):
                out.write(row * min(100_000, count + 1 - start))
            out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count + 1, at))
        return target

    def imported_text(size: int) -> Path:
        """A .docx importing (w:altChunk) a text part of `size` bytes of one-letter lines: each
        line was made a block before any limit was checked (2.2 GB)."""
        target = tmp / "imported.docx"
        rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="c" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"'
                ' Target="chunk.txt"/></Relationships>')
        document = (f'<w:document xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships"><w:body><w:p><w:r><w:t>Before</w:t></w:r></w:p><w:altChunk r:id="c"/></w:body>'
                    '</w:document>')
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", CONTENT_TYPES)
            z.writestr("_rels/.rels", RELS)
            z.writestr("word/_rels/document.xml.rels", rels)
            z.writestr("word/document.xml", document)
            z.writestr("word/chunk.txt", "x\n" * (size // 2))
        return target

    def noted(count: int) -> Path:
        """A .docx whose one footnote holds `count` paragraphs: a note is one block, and its
        paragraphs were not counted (1.1 GB for two such notes)."""
        target = tmp / "noted.docx"
        rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="f" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"'
                ' Target="footnotes.xml"/></Relationships>')
        document = (f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>Text</w:t><w:footnoteReference w:id="1"/>'
                    '</w:r></w:p></w:body></w:document>')
        notes = (f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:id="1">' + "<w:p><w:r><w:t>n</w:t></w:r></w:p>" * count
                 + "</w:footnote></w:footnotes>")
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                               ("word/_rels/document.xml.rels", rels), ("word/document.xml", document),
                               ("word/footnotes.xml", notes)):
                z.writestr(name, text)
        return target

    def long_line(size: int) -> Path:
        """A one-page PDF, its cross-reference table replaced by a comment line of `size` bytes
        and no `startxref`: pdfminer read the file backward whole, a line's pieces joined one by one."""
        data = raw_pdf(_one_page())
        target = tmp / "line.pdf"
        with target.open("wb") as out:
            out.write(data[:data.index(b"xref\n")] + b"%")
            for _ in range(size // 1_000_000):
                out.write(b"x" * 1_000_000)
            out.write(b"\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
        return target

    def two(name: str, old: str, new: str, *tail: str) -> Callable[[], list[str]]:
        """trace diff of two texts written as `name`-old/-new (`tail`: more arguments)."""
        def make() -> list[str]:
            stem, suffix = name.rsplit(".", 1)
            paths = [_written(tmp / f"{stem}-{side}.{suffix}", text) for side, text in (("old", old), ("new", new))]
            return ["diff", *map(str, paths), *tail]
        return make

    def proposals(n: int) -> list[str]:
        """A contribution of `n` proposals quoting text the output lacks, validated against itself."""
        lines = ["# Abstract", "", "Proposals.", "", "# Proposal", ""]
        lines += [f"{i + 1}. In Output 2.{i % 60 + 1}, under “Programme heading {i % 7} of output {i % 60 + 1}”, "
                  f"replace ‘old text number {i}’ with ‘new text number {i}’." for i in range(n)]
        lines += ["", "# Detailed modifications are as follows:", "", "## Objective 2 – Infrastructure", ""]
        for o in range(1, 61):
            lines += [f"### Output 2.{o} – Output title {o}", ""]
            for h in range(7):
                lines += [f"#### Programme heading {h} of output {o}", ""]
                lines += [f"The paragraph holds new text number {i}." for i in range(h * 60 + o - 1, n, 420)] + [""]
        path = _written(tmp / f"contribution-{n}.md", "\n".join(lines))
        return ["validate", str(path), "--against", str(path), "-f", "json"]

    def grid(n: int, step: float) -> bytes:
        """A page ruled into an n × n grid of `step`-point squares."""
        rules = [b"50 %.1f m %.1f %.1f l S\n" % (100 + k * step, 50 + n * step, 100 + k * step) for k in range(n + 1)]
        rules += [b"%.1f 100 m %.1f %.1f l S\n" % (50 + k * step, 50 + k * step, 100 + n * step) for k in range(n + 1)]
        return b"0.2 w\n" + b"".join(rules) + b"BT /F1 2 Tf 52 102 Td (x) Tj ET\n"

    def aligned(lines: int, size: float, page: int) -> bytes:
        """A page of `lines` evenly spaced two-column lines in `size`-point type."""
        rows = b"".join(b"1 0 0 1 50 %.2f Tm (P%d item %d) Tj 1 0 0 1 300 %.2f Tm (Value %d) Tj\n"
                        % (812 - i * size * 1.2, page, i, 812 - i * size * 1.2, i) for i in range(lines))
        return b"BT /F1 %.1f Tf\n" % size + rows + b"ET\n"

    def zoned(lines: int, page: int) -> bytes:
        """A page whose top and bottom zones are full of `lines` small header and footer lines each."""
        ops = b"".join(b"1 0 0 1 50 %.2f Tm (Header text %d of page %d) Tj 1 0 0 1 50 %.2f Tm (Footer %d of page %d) Tj\n"
                       % (838 - i * 2.4, i, page, 4 + i * 2.4, i, page) for i in range(lines))
        return b"BT /F1 2 Tf\n" + ops + b"/F1 10 Tf 1 0 0 1 50 420 Tm (Body of page %d: see Resolution 71.) Tj ET\n" % page

    bands = b"0.5 w\n" + b"".join(b"40 %d m 560 %d l S\n" % (20 + 4 * i, 20 + 4 * i) for i in range(8_000)) + (
        b"BT /F1 2 Tf\n" + b"".join(b"1 0 0 1 50 %.1f Tm (a) Tj 1 0 0 1 300 %.1f Tm (b) Tj\n" % (21.3 + 4 * i, 21.3 + 4 * i)
                                     for i in range(7_999)) + b"ET\n")
    plan = str(ROOT / "corpus" / "text" / "action-plan-ba-amended.txt")
    every_other = ["Paragraph number {n} tells of rural broadband access and spectrum for the region {n}.".format(n=n)
                   for n in range(34_000)]
    changed = [" ".join(w if k % 2 else w.upper() for k, w in enumerate(line.split())) for line in every_other]
    words = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda")
    wrapped = "\n".join(" ".join(words[(i * 7 + k * 3) % len(words)] for k in range(11)) for i in range(20_000))
    return [
        ("text: 60,000 lines of '- a / ----- / xx'", shaped("dashes.txt", "- a\n  -----\nxx\n" * 20_000)),
        ("text: 20,000 plain notes '[n] text'", shaped(
            "notes.txt", "Body text [1].\n\n" + "".join(f"[{n + 1}] note text {n}\n\n" for n in range(20_000)))),
        ("text: tab-led table, 30,000 blank lines", shaped("tabled.txt", "intro line\n" + "\tA\n\n" * 30_000)),
        ("text: 20,000 wrapped lines, no blank line", shaped("wrapped.txt", wrapped)),
        ("text: 2,400 rows of 1,000 tab-separated cells", shaped("cells.txt", ("a\t" * 999 + "a\n") * 2_400)),
        ("HTML: 1.2 million <p>", shaped("paragraphs.html", "<html><body>" + "<p>a" * 1_200_000 + "</body></html>")),
        ("HTML: 240 nested <b> round 4.5 MB", shaped(
            "nested-bold.html", "<html><body><p>" + "<b>" * 240 + "word " * 900_000 + "</b>" * 240 + "</p></body></html>")),
        ("HTML: 1.2 million empty <tr>", shaped("rows.html", "<html><body><table><tr><td>a</td></tr>" + "<tr>" * 1_200_000
                                                + "</table></body></html>")),
        ("HTML: 250,000 empty <tr>, redline", two(
            "rows.html", *("<html><body><table><tr><td>" + cell + "</td></tr>" + "<tr>" * 250_000 + "</table></body></html>"
                           for cell in "ab"), "-f", "docx", "-o", str(tmp / "rows.docx"))),
        ("text: 34,000 paragraphs, every other word changed: redline", two(
            "words.txt", "\n\n".join(every_other), "\n\n".join(changed), "-f", "docx", "-o", str(tmp / "words.docx"))),
        ("validate: 5,000 proposals against themselves", lambda: proposals(5_000)),
        ("refs: one plan given 1,000 times", lambda: ["refs", *[plan] * 1_000, "-f", "json"]),
        ("graph: one plan given 250 times (under the limit)", lambda: ["graph", *[plan] * 250, "-f", "json"]),
        ("Markdown: a 1.7 MB line of marks never closed", shaped(
            "marks.md", "# T\n\n" + "*a _a **a __a ~~a `a <!--a <?a <![CDATA[a ![a [a " * 36_000 + "\n")),
        ("Markdown: a 1 MB line of '<http:x[^x' without a space", shaped(
            "autolinks.md", "# T\n\n" + "<http:x[^x" * 100_000 + "\n")),
        ("Markdown: a heading of 200,000 spaces before its {#id}", shaped(
            "attributes.md", "# T" + " " * 200_000 + "{#x}y\n")),
        ("Markdown: 178,000 headings citing references: graph", lambda: ["graph", str(_written(
            tmp / "headings.md", "\n".join("#" * (i % 6 + 1) + f" Output {i // 99 + 1}.{i % 99 + 1} SDG 9 C5"
                                          for i in range(178_000)))), "-f", "json"]),
        ("Markdown: 20,000 one-line HTML fragments, no blank line", shaped(
            "fragments.md", "".join(f"<p>Resolution {n}</p>\n" for n in range(20_000)))),
        ("Markdown: an HTML block of 40,000 block-tag lines", shaped("block.md", "<div>\n<p>\n" * 20_000)),
        ("text 100 MB: refs", lambda: ["refs", str(text_of_size(tmp / "t100.txt", 100_000_000)), "-f", "json"]),
        ("text 100 MB: graph", lambda: ["graph", str(text_of_size(tmp / "t100.txt", 100_000_000))]),
        ("text at the 5 MB limit: refs", lambda: ["refs", str(text_of_size(tmp / "t5.txt", 4_950_000)), "-f", "json"]),
        ("text 1 MB dense paragraph: refs", lambda: ["refs", str(text_of_size(tmp / "dense.txt", 1_000_000,
                                                                             "".join(DENSE))), "-f", "json"]),
        ("text 4.8 MB of one-letter lines: extract", lambda: ["extract", str(text_of_size(tmp / "letters.txt", 4_800_000,
                                                                                        "x\n")), "-f", "json"]),
        ("text 3 MB dense reference list: refs", lambda: ["refs", str(text_of_size(
            tmp / "list.txt", 3_000_000, "The implementation of PP Resolutions " + ", ".join(map(str, range(1, 100_000))))),
            "-f", "json"]),
        ("FIFO .txt", fifo),
        ("link to /dev/zero", zero),
        ("undecodable bytes", undecodable),
        ("UTF-16 with BOM (Notepad)", utf16),
        ("UTF-32 with BOM", utf32),
        ("docx bomb 500 MB document.xml", lambda: ["extract", str(docx_bomb(tmp / "bomb.docx", 500_000)), "-f", "json"]),
        ("docx 15.5 MB document.xml (under the limit)", lambda: ["refs", str(docx_bomb(tmp / "big.docx", 13_700)),
                                                               "-f", "json"]),
        ("docx: undefined entity, then 16,000 unclosed comments", quoted_openings),
        ("docx: a paragraph of 15 MB of '2.'", digits_paragraph),
        ("docx: one table row of 800,000 cells", body_of("row.docx", "<w:tbl><w:tr>" + "<w:tc><w:p/></w:tc>" * 800_000
                                                          + "</w:tr></w:tbl>")),
        ("docx: 450,000 paragraphs", body_of("paragraphs.docx", "<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 450_000)),
        ("docx: a ZIP directory of 3 million entries", lambda: zip_entries(3_000_000)),
        ("HTML: a <p> of 300,000 attributes", shaped("attributes.html", "<html><body><p " + " ".join(
            f"a{i}=x" for i in range(300_000)) + ">a</p></body></html>")),
        ("PDF: a page dictionary holding 20 million numbers", lambda: ["extract", str(_pdf_file(
            tmp / "numbers.pdf", b" /Junk [" + b"0 " * 20_000_000 + b"]")), "-f", "json"]),
        ("PDF: a string of 150 MB in a page dictionary", lambda: ["extract", str(_pdf_file(
            tmp / "string.pdf", b" /Junk (" + b"a" * 150_000_000 + b")")), "-f", "json"]),
        ("PDF: 5 million objects and no cross-reference table", lambda: ["extract", str(unlisted_objects(5_000_000)),
                                                                       "-f", "json"]),
        ("PDF: a predictor of 3 billion columns", lambda: ["extract", str(_predictor_pdf(tmp / "predictor.pdf")), "-f",
                                                             "json"]),
        ("PDF: a cross-reference table of 4 million entries", lambda: ["extract", str(listed_objects(4_000_000)),
                                                                     "-f", "json"]),
        ("docx: an imported text part of 15 MB of lines", lambda: ["extract", str(imported_text(15_000_000)), "-f", "json"]),
        ("HTML: a <&shy;p> of 300,000 attributes", shaped("shy.html", "<html><body><&shy;p " + " ".join(
            f"a{i}=x" for i in range(300_000)) + ">a</p></body></html>")),
        ("docx: a footnote of 450,000 paragraphs", lambda: ["extract", str(noted(450_000)), "-f", "json"]),
        ("docx: 16 MB of empty paragraphs", body_of("empty.docx", "<w:p/>" * 2_600_000)),
        ("PDF: a 60 MB line and no startxref", lambda: ["extract", str(long_line(60_000_000)), "-f", "json"]),
        ("docx roman list from 10^13", lambda: ["extract", str(docx_numbered(tmp / "roman.docx", 10**13)), "-f", "md"]),
        ("PDF 2,000 pages", lambda: ["extract", str(long_pdf(tmp / "p2000.pdf", 2000)), "-f", "json"]),
        ("PDF 450 pages (under the limit)", lambda: ["extract", str(long_pdf(tmp / "p450.pdf", 450)), "-f", "json"]),
        ("PDF page of 200 MB of text operators", lambda: ["extract", str(pdf_bomb(tmp / "textops.pdf", 200_000_000,
                                                                                b"(a) Tj\n")), "-f", "json"]),
        ("PDF page stream of 1 GB of spaces", lambda: ["refs", str(pdf_bomb(tmp / "spaces.pdf", 10**9)), "-f", "json"]),
        ("PDF form of 1 GB of spaces", lambda: ["extract", str(pdf_bomb(tmp / "form.pdf", 10**9, where="form")),
                                                "-f", "json"]),
        ("PDF image of 1 GB (never decoded)", lambda: ["extract", str(pdf_bomb(tmp / "image.pdf", 10**9, b"\0",
                                                                              where="image")), "-f", "json"]),
        ("PDF 3.9 MB page of lines (under the limit)", lambda: ["extract", str(pdf_bomb(
            tmp / "lines.pdf", 3_900_000, b"0 0 m 1 0 l S\n")), "-f", "json"]),
        ("PDF 3.9 MB page of stacked glyphs", lambda: ["extract", str(pdf_bomb(
            tmp / "stacked.pdf", 3_900_000, b"(a)Tj")), "-f", "json"]),
        ("PDF 500 pages sharing 4 MB of spaces", lambda: ["extract", str(pdf_bomb(tmp / "shared.pdf", 4_000_000,
                                                                                 pages=500)), "-f", "json"]),
        ("PDF 500 pages sharing 31 KB of lines", lambda: ["extract", str(pdf_bomb(
            tmp / "shared-lines.pdf", 31_000, b"0 0 m 1 0 l S\n", pages=500)), "-f", "json"]),
        ("PDF 4 pages of 3.9 MB of one-glyph texts", lambda: ["extract", str(pdf_bomb(
            tmp / "glyphs.pdf", 3_900_000, b"(a) Tj\n", pages=4)), "-f", "json"]),
        ("PDF page ruled into a 300 x 300 grid", lambda: ["extract", str(pdf_pages(tmp / "grid.pdf", [grid(300, 2)])),
                                                           "-f", "json"]),
        ("PDF page of 8,000 ruled rows", lambda: ["extract", str(pdf_pages(tmp / "bands.pdf", [bands], 600, 32_040)),
                                                  "-f", "json"]),
        ("PDF 6 pages of 222 aligned lines in 3 pt", lambda: ["refs", str(pdf_pages(
            tmp / "aligned.pdf", [aligned(222, 3, p) for p in range(6)])), "-f", "json"]),
        ("PDF 500 pages, 80 lines in header zones", lambda: ["extract", str(pdf_pages(
            tmp / "zones.pdf", [zoned(40, p) for p in range(500)])), "-f", "json"]),
        ("PDF page tree of 1,000,000 kids, /Count 1", lambda: ["extract", str(pdf_wide_page_tree(
            tmp / "kids.pdf", 1_000_000)), "-f", "json"]),
        ("PDF font program of 1 GB", lambda: ["extract", str(pdf_font_bomb(tmp / "font.pdf", 10**9)), "-f", "json"]),
        ("PDF font program of 120 MB (under the limit)", lambda: ["extract", str(pdf_font_bomb(
            tmp / "font120.pdf", 120_000_000)), "-f", "json"]),
        ("PDF object stream of 1 GB", lambda: ["refs", str(pdf_object_stream_bomb(tmp / "objstm.pdf", 10**9)),
                                               "-f", "json"]),
        ("PDF object stream of 7.9 MB of numbers (under the limit)", lambda: ["extract", str(pdf_object_stream_bomb(
            tmp / "objstm-numbers.pdf", 7_900_000, b"1 ")), "-f", "json"]),
        ("PDF encrypted, its catalogue in an object stream of 1.5 GB", lambda: ["extract", str(
            pdf_encrypted_catalogue_bomb(tmp / "catalogue.pdf", 1_500_000_000)), "-f", "json"]),
        ("PDF encrypted by an unknown /V, its catalogue in an object stream of 1.5 GB", lambda: ["extract", str(
            _edited(pdf_encrypted_catalogue_bomb(tmp / "unknown-v.pdf", 1_500_000_000), b"/V 2 /R 3", b"/V 9 /R 3")),
            "-f", "json"]),
        ("PDF cross-reference stream of 1 GB", lambda: ["extract", str(pdf_object_stream_bomb(
            tmp / "xref.pdf", 10**9, where="xref")), "-f", "json"]),
    ]


def run_one(args: list[str], out: Path) -> tuple[int | str, str, float, float]:
    """Exit code (or 'timeout'), first stderr line, seconds, peak MB of this child (wait4's rusage)."""
    err_path = out.with_suffix(".err")
    start = time.perf_counter()
    with out.open("wb") as stdout, err_path.open("wb") as stderr:
        proc = subprocess.Popen([str(TRACE), *args], stdout=stdout, stderr=stderr)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code: int | str = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() - start > 60:
                proc.kill()
                _, _, usage = os.wait4(proc.pid, 0)
                code = "timeout"
                break
            time.sleep(0.02)
    proc.returncode = 0
    seconds = time.perf_counter() - start
    err = err_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    line = (err[0] if err else "") + (f" (+{len(err) - 1} lines)" if len(err) > 1 else "")
    return code, line, seconds, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=[], help="Run only cases whose name contains one of these.")
    parser.add_argument("--keep", type=Path, help="Make the inputs in this folder and keep them.")
    args = parser.parse_args(argv)
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="trace-hostile-"))
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        for name, make in cases(tmp):
            if args.only and not any(o.lower() in name.lower() for o in args.only):
                continue
            command = make()
            code, line, seconds, peak = run_one(command, tmp / "out")
            size = (tmp / "out").stat().st_size
            print(f"{name:44s} exit {code!s:7s} {seconds:6.1f} s  peak {peak:7.0f} MB  out {size:>10,} B  {line[:150]}",
                  flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
