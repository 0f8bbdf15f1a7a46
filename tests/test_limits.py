"""Limits on hostile input (issue #11): every input over a limit, every file that is not a regular
file, and every repaired text gives one clear line; inputs are generated here at small sizes with
the limits lowered through their environment variables, so the tests stay fast."""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import CORPUS, run_cli
from pdfgen import text_op, write_placed
from hostilegen import (
    PARAGRAPH,
    PDF_FONT,
    W_NS,
    docx_bomb,
    docx_numbered,
    PDF_TEXT,
    docx_of,
    lzw,
    pdf_bomb,
    pdf_font_bomb,
    pdf_encrypted_catalogue_bomb,
    pdf_object_stream_bomb,
    pdf_pages,
    raw_pdf,
    text_of_size,
    understate_sizes,
)

from actionplan_trace.errors import InputError, InputWarning, LimitError, UsageError
from actionplan_trace.extract import read
from actionplan_trace.extract.docx.numbering import format_number
from actionplan_trace.extract.docx.styles import MAX_CHAIN
from actionplan_trace.limits import current


def one_line_failure(result, path: Path, *words: str) -> str:
    """The single stderr line of a clean exit-2 failure naming `path` and each of `words`."""
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert str(path) in lines[0] and all(w in lines[0] for w in words), lines[0]
    assert result.stdout == ""
    return lines[0]


# --- sizes -------------------------------------------------------------------------------------

def test_text_over_the_limit_is_refused_before_reading_and_the_option_raises_it(tmp_path):
    path = text_of_size(tmp_path / "long.txt", 3_000)
    env_limit = {"TRACE_MAX_TEXT_MB": "0.002"}
    os.environ.update(env_limit)
    try:
        line = one_line_failure(run_cli("refs", str(path), "-f", "json"), path, "--max-text-mb", "3,000 bytes")
        assert "limit of 0.002 MB" in line
        raised = run_cli("--max-text-mb", "0.01", "refs", str(path), "-f", "json")
    finally:
        os.environ.pop("TRACE_MAX_TEXT_MB")
    assert raised.returncode == 0, raised.stderr
    assert "PP-RES-71" in {r["id"] for r in json.loads(raised.stdout)["refs"]}


def test_a_text_of_more_lines_than_the_limit_is_refused_and_the_option_raises_it(monkeypatch, tmp_path):
    """A line may be a paragraph, whose Block costs the same whatever its length: 2.4 million
    one-letter lines (4.8 MB, under the size limit) took 2.7 GB before this limit."""
    path = tmp_path / "lines.md"
    path.write_text("Resolution 71 (Rev. Dubai, 2018)\n" + "- x\n" * 60, encoding="utf-8")
    monkeypatch.setenv("TRACE_MAX_TEXT_LINES", "50")
    out = tmp_path / "out.json"
    line = one_line_failure(run_cli("extract", str(path), "-f", "json", "-o", str(out)), path, "61 lines",
                            "--max-text-lines")
    assert "limit of 50" in line and not out.exists()
    monkeypatch.delenv("TRACE_MAX_TEXT_LINES")
    raised = run_cli("--max-text-lines", "61", "refs", str(path), "-f", "json")
    assert raised.returncode == 0 and "PP-RES-71" in {r["id"] for r in json.loads(raised.stdout)["refs"]}


@pytest.mark.parametrize(("name", "text", "said"), [
    ("cells.txt", "Resolution 71 (Rev. Dubai, 2018)\n" + ("a\tb\tc\td\n" * 20), "21 lines and 60 tabs or pipes"),
    ("cells.md", "Resolution 71 (Rev. Dubai, 2018)\n\n| a | b |\n|---|---|\n" + "| c | d |\n" * 20, "and 66 tabs or pipes"),
    ("blocks.html", "<html><body><p>Resolution 71 (Rev. Dubai, 2018)</p>" + "<ul>" + "<li>x</li>" * 40 + "</ul>"
     + "<table>" + "<tr><td>a</td><td>b</td></tr>" * 10 + "</table></body></html>",
     "the page has 71 paragraphs, headings, list items, table rows and cells"),
    ("rows.html", "<html><body><p>Resolution 71 (Rev. Dubai, 2018)</p><table>" + "<tr></tr>" * 60 + "</table></body></html>",
     "the page has 61 paragraphs, headings, list items, table rows and cells"),
])
def test_table_cells_and_html_blocks_count_against_the_line_limit(monkeypatch, tmp_path, name, text, said):
    """A cell costs what a paragraph does: 2.4 million tab-separated cells in 4.8 MB of text took
    1.2 GB, 1.2 million `<p>` 1.5 GB, and 1.2 million empty `<tr>` 2 GB in a redline (found in
    review: rows holding no cell were not counted). A text's tabs and pipes, and an HTML page's
    paragraphs, headings, list items, table rows and cells, are counted with its lines before it
    is read."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("TRACE_MAX_TEXT_LINES", "50")
    one_line_failure(run_cli("extract", str(path)), path, said, "over the limit of 50 (trace --max-text-lines N")
    monkeypatch.setenv("TRACE_MAX_TEXT_LINES", "100")
    result = run_cli("refs", str(path), "-f", "json")
    assert result.returncode == 0 and "PP-RES-71" in {r["id"] for r in json.loads(result.stdout)["refs"]}


@pytest.mark.parametrize("text", [
    "The implementation of PP Resolutions " + ", ".join(map(str, range(1, 40))) + ".",  # one list, one paragraph
    "UN SDGs: " + ", ".join(f"{g} (targets {g}.1, {g}.a)" for g in range(1, 18)),  # goals with their targets
    "\n\n".join(f"See WTDC Resolution {n}." for n in range(1, 40)),  # one a paragraph
    "\n\n".join(["See PP Resolutions 1, 2, 3, 4 and 5."] * 12),  # the same paragraph again (read once)
])
def test_a_document_of_more_references_than_the_limit_is_refused(monkeypatch, tmp_path, text):
    """A dense list ("PP Resolutions 1, 2, 3, …") yields a reference every few characters, each
    with its finding and JSON: 3 MB of it took 2 GB. Over the limit, `refs` and `diff` stop with
    one line, whether the references come from one list, one paragraph or many, or one copied."""
    path = tmp_path / "dense.txt"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("TRACE_MAX_REFS", "30")
    for args in (("refs", str(path), "-f", "json"), ("diff", str(path), str(path), "-f", "json")):
        one_line_failure(run_cli(*args), path, "more than 30 references and findings", "--max-refs")
    monkeypatch.setenv("TRACE_MAX_REFS", "200")  # the references and their findings (REF001 for 1-5)
    assert run_cli("refs", str(path), "-f", "json").returncode in (0, 1)


def test_the_files_of_one_run_count_together_against_the_references_limit(monkeypatch, tmp_path):
    """Found in review: a 94 KB plan given 1,000 times to `trace refs` was 700,000 references and
    1.5 GB (2 GB for `trace graph`), each file under the limit. The files of one refs or graph run
    count together: over the limit, one line naming the file that took the run past it. Under
    it, every file is read."""
    files = []
    for n in range(4):
        path = tmp_path / f"plan-{n}.txt"
        path.write_text("\n\n".join(f"See WTDC Resolution {k} and PP Resolution {k}." for k in range(1, 9)),
                        encoding="utf-8")
        files.append(str(path))
    monkeypatch.setenv("TRACE_MAX_REFS", "60")  # 28 a file: 16 references, 12 findings
    for command in ("refs", "graph"):
        assert run_cli(command, *files[:1], "-f", "json").returncode in (0, 1)
        line = one_line_failure(run_cli(command, *files, "-f", "json"), Path(files[2]),
                                "the files hold more than 60 references and findings in all", "--max-refs")
        assert files[0] not in line and files[3] not in line
    monkeypatch.setenv("TRACE_MAX_REFS", "200")
    result = run_cli("refs", *files, "-f", "json")
    assert result.returncode in (0, 1) and len({r["source"] for r in json.loads(result.stdout)["refs"]}) == 4


def test_a_document_of_more_blocks_than_the_limit_is_refused(monkeypatch, tmp_path):
    """Found in review: two texts of 220,000 lines (under the line limit) took 1.3 GB in `trace
    diff -f json`, and a redline of 115,000 paragraphs 1 GB. The paragraphs, notes and table cells
    of a document of any format count against one limit; over it every command stops with one line."""
    text = tmp_path / "lines.txt"
    text.write_text("\n\n".join(f"Paragraph {n} on rural access." for n in range(30)), encoding="utf-8")
    monkeypatch.setenv("TRACE_MAX_BLOCKS", "20")
    for path in (text, CORPUS / "objective2-old.docx", CORPUS / "objective2-old.pdf"):
        for args in (("extract", str(path), "-f", "json"), ("diff", str(path), str(path), "-f", "docx", "-o",
                                                             str(tmp_path / "out.docx"))):
            line = one_line_failure(run_cli(*args), path, "table cells", "--max-blocks")
            assert "over the limit of 20" in line
        assert not (tmp_path / "out.docx").exists()
    monkeypatch.setenv("TRACE_MAX_BLOCKS", "300")
    assert run_cli("extract", str(CORPUS / "objective2-old.docx"), "-f", "json").returncode == 0


@pytest.mark.parametrize("name, text", [
    ("headings.md", "\n".join(f"## Output {n}.1 SDG 9 C5" for n in range(1, 60))),  # Markdown headings
    ("clauses.txt", "\n\n".join(f"{n}. Clause title\n\nBody of clause {n}." for n in range(1, 60))),  # numbered clauses
])
def test_a_document_of_more_sections_than_the_limit_is_refused(monkeypatch, tmp_path, name, text):
    """Found in review: a 5 MB Markdown file of 178,000 headings, each citing two references, took
    840 MB in `trace graph`, some 4.7 KB a section. Over the limit every command stops with one
    line; the option raises it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("TRACE_MAX_SECTIONS", "40")
    for args in (("extract", str(path), "-f", "json"), ("graph", str(path)), ("diff", str(path), str(path))):
        one_line_failure(run_cli(*args), path, "more than 40 sections", "--max-sections")
    monkeypatch.delenv("TRACE_MAX_SECTIONS")
    assert run_cli("--max-sections", "100", "extract", str(path), "-f", "json").returncode == 0


def test_a_bad_limit_value_is_one_line(monkeypatch, tmp_path):
    monkeypatch.setenv("TRACE_MAX_PAGES", "lots")
    with pytest.raises(UsageError, match="TRACE_MAX_PAGES"):
        current()
    result = run_cli("--max-part-mb", "0", "extract", str(tmp_path / "x.docx"))
    assert result.returncode == 2 and result.stderr.strip() == "trace: --max-part-mb must be greater than 0"


def test_docx_part_over_the_limit_is_refused(monkeypatch, tmp_path):
    path = docx_bomb(tmp_path / "bomb.docx", kilobytes=300)
    monkeypatch.setenv("TRACE_MAX_PART_MB", "0.1")
    with pytest.raises(InputError, match=r"part word/document.xml declares 0\.3\d MB, over the limit of 0\.1 MB"
                                         r" \(trace --max-part-mb N … or TRACE_MAX_PART_MB raises it\)$"):
        read(path)
    monkeypatch.setenv("TRACE_MAX_PART_MB", "1")
    assert len(read(path).blocks) > 1000


def test_docx_part_lying_about_its_size_stops_at_the_limit(monkeypatch, tmp_path):
    """The ZIP directory says 100 bytes; the stream is counted as it is decompressed."""
    path = understate_sizes(docx_bomb(tmp_path / "liar.docx", kilobytes=300), "word/document.xml", 100)
    monkeypatch.setenv("TRACE_MAX_PART_MB", "0.05")
    with pytest.raises(InputError) as caught:
        read(path)
    assert str(path) in str(caught.value)
    assert "damaged ZIP package" in str(caught.value) or "--max-part-mb" in str(caught.value)


def test_docx_parts_over_the_total_limit_are_refused(monkeypatch, tmp_path):
    path = docx_bomb(tmp_path / "two.docx", kilobytes=80, styles_kilobytes=80)
    monkeypatch.setenv("TRACE_MAX_PART_MB", "0.1")
    monkeypatch.setenv("TRACE_MAX_DOCX_MB", "0.12")
    with pytest.raises(InputError, match=r"the parts read declare 0\.1\d MB in all .*\(trace --max-docx-mb N"):
        read(path)
    monkeypatch.setenv("TRACE_MAX_DOCX_MB", "0.2")
    assert read(path).blocks


def test_pdf_over_the_page_limit_is_refused(tmp_path):
    pdf = pdfium.PdfDocument.new()
    for _ in range(3):
        pdf.new_page(595, 842)
    path = tmp_path / "three-pages.pdf"
    pdf.save(str(path))
    pdf.close()
    os.environ["TRACE_MAX_PAGES"] = "2"
    try:
        one_line_failure(run_cli("extract", str(path)), path, "the PDF has 3 pages, over the limit of 2",
                         "(trace --max-pages N … or TRACE_MAX_PAGES raises it)")
    finally:
        os.environ.pop("TRACE_MAX_PAGES")


def test_pdf_over_the_text_limit_is_refused_at_the_page_that_passes_it(tmp_path):
    """The characters of text are counted page by page as the PDF is read: three pages of 60
    characters pass a limit of 100 at page 2, and the global option raises the limit."""
    path = write_placed(tmp_path / "text.pdf", [[text_op(72, 100, "x" * 60)] for _ in range(3)])
    counted = [len(page.get_textpage().get_text_range()) for page in pdfium.PdfDocument(path)]
    assert counted == [60, 60, 60]
    os.environ["TRACE_MAX_PDF_CHARS"] = "100"
    try:
        one_line_failure(run_cli("extract", str(path)), path,
                         "the PDF's text runs to 120 characters by page 2, over the limit of 100",
                         "(trace --max-pdf-chars N … or TRACE_MAX_PDF_CHARS raises it)")
        raised = run_cli("--max-pdf-chars", "180", "extract", str(path), "-f", "json")
    finally:
        os.environ.pop("TRACE_MAX_PDF_CHARS")
    assert raised.returncode == 0, raised.stderr
    assert json.loads(raised.stdout)["source"]["pages"] == 3


def test_pdf_over_the_text_limit_is_refused_before_any_page_is_read(tmp_path, monkeypatch):
    """Pages of stacked one-glyph texts whose content could hold more characters than the limit
    are counted by PDFium first: the PDF is refused at the page that passes the limit before a
    page is read (four pages of 557,000 glyphs were read for 45 s before the fourth passed it),
    and the global option raises the limit."""
    from actionplan_trace.extract import pdf

    path = pdf_pages(tmp_path / "glyphs.pdf", [
        b"BT /F1 %d Tf 50 %d Td (Page %d: see PP Resolution 71 and SDG 9.%d.) Tj " % (9 + p, 700 - 40 * p, p + 1, p + 1)
        + b"(a) Tj " * 300 + b"ET\n" for p in range(4)])
    per_page = [page.get_textpage().count_chars() for page in pdfium.PdfDocument(path)]
    assert per_page[1:] == per_page[:1] * 3 and 300 < per_page[0] < 400
    read_pages: list[int] = []
    real = pdf._read_page
    monkeypatch.setattr(pdf, "_read_page", lambda page, textpage, number, *args: read_pages.append(number)
                        or real(page, textpage, number, *args))
    monkeypatch.setenv("TRACE_MAX_PDF_CHARS", str(2 * per_page[0] + 10))
    with pytest.raises(LimitError) as caught:
        read(path)
    assert str(caught.value) == (f"{path}: the PDF's text runs to {3 * per_page[0]:,} characters by page 3, over the"
                                 f" limit of {2 * per_page[0] + 10:,} (trace --max-pdf-chars N … or TRACE_MAX_PDF_CHARS"
                                 " raises it)")
    assert read_pages == []
    monkeypatch.setenv("TRACE_MAX_PDF_CHARS", str(4 * per_page[0]))
    assert read(path).source.pages == 4
    assert read_pages == [1, 2, 3, 4]


# --- list labels ---------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt, small, label", [
    ("upperRoman", 14, "XIV"), ("lowerLetter", 28, "bb"), ("chicago", 5, "**"),
])
def test_a_number_too_large_for_its_format_is_a_plain_counter(fmt, small, label):
    assert format_number(small, fmt) == label
    assert format_number(10**13, fmt) == "10000000000000"
    assert format_number(10**4000, fmt) == str(10**4000)


def test_docx_list_starting_at_ten_to_the_13_in_roman_numerals(tmp_path):
    raw = read(docx_numbered(tmp_path / "roman.docx", 10**13))
    assert [b.label for b in raw.blocks] == ["10000000000000.", "10000000000001.", "10000000000002."]
    assert raw.blocks[0].text == "Item 0: see PP Resolution 71"


def test_a_list_label_is_at_most_64_characters_and_costs_no_more(tmp_path):
    """A level whose w:lvlText is 50,000 placeholders (each item once cost a tenth of a second and
    650 KB) is labelled with its own counter; so is one whose label would pass 64 characters, and a
    bullet level of a long w:lvlText draws the default bullet."""
    many = read(docx_numbered(tmp_path / "many.docx", 10**12, "decimal", items=2000, text="%1" * 50_000))
    assert [b.label for b in many.blocks[:2]] == ["1000000000000", "1000000000001"]
    assert many.blocks[-1].label == "1000000001999" and many.blocks[-1].text == "Item 1999: see PP Resolution 71"
    words = read(docx_numbered(tmp_path / "words.docx", 1, "decimal", text="Article " * 20 + "%1"))
    assert [b.label for b in words.blocks] == ["1", "2", "3"]
    long = read(docx_numbered(tmp_path / "long.docx", 10**13, "decimal", text="%1-%1-%1-%1-%1."))
    assert [b.label for b in long.blocks] == ["10000000000000", "10000000000001", "10000000000002"]
    short = read(docx_numbered(tmp_path / "short.docx", 10**13, "decimal", text="%1-%1-%1."))
    assert short.blocks[0].label == "10000000000000-10000000000000-10000000000000."
    bullets = read(docx_numbered(tmp_path / "bullets.docx", 1, "bullet", text="*" * 100))
    assert [b.label for b in bullets.blocks] == ["•", "•", "•"]


def test_a_negative_list_start_is_read_as_0(tmp_path):
    raw = read(docx_numbered(tmp_path / "negative.docx", -5, "upperRoman"))
    assert [b.label for b in raw.blocks] == ["0.", "I.", "II."]


def styled_docx(path: Path, styles: str, runs: list[tuple[str, str | None]]) -> Path:
    """A .docx of the w:style elements `styles` and one paragraph for each (paragraph style,
    character style) of `runs`, its text naming them."""
    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{pstyle}"/></w:pPr><w:r>'
        + (f'<w:rPr><w:rStyle w:val="{rstyle}"/></w:rPr>' if rstyle else "")
        + f"<w:t>Output {pstyle} {rstyle}: see PP Resolution 71</w:t></w:r></w:p>" for pstyle, rstyle in runs)
    return docx_of(path, f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>',
                   styles=f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>')


def test_a_long_basedon_chain_is_followed_for_max_chain_styles(tmp_path):
    """3,000 paragraph styles each based on the one before, 500 paragraphs in the deepest (each
    once walked the whole chain): a style takes its outline level and bold from ancestors up to
    MAX_CHAIN styles up its chain, not past it, and its own name still makes a heading."""
    n = 3000
    root = '<w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/></w:rPr>'
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="{"heading 3" if i == n - 1 else f"Style {i}"}"/>'
        + (f'<w:basedOn w:val="S{i - 1}"/>' if i else root) + "</w:style>" for i in range(n))
    used = [MAX_CHAIN - 1, MAX_CHAIN] + list(range(n - 1, n - 501, -1))
    blocks = read(styled_docx(tmp_path / "chain.docx", styles, [(f"S{i}", None) for i in used])).blocks
    assert [(b.style, b.outline_level, b.bold) for b in blocks[:3]] == [
        (f"Style {MAX_CHAIN - 1}", 1, True), (f"Style {MAX_CHAIN}", None, False), ("Heading 3", 2, False)]
    assert len(blocks) == 502 and blocks[-1].text == f"Output S{n - 500} None: see PP Resolution 71"


def test_basedon_loops_of_paragraph_and_character_styles_end(tmp_path):
    """Paragraph and character styles in basedOn loops of 2,000, linked to each other (each style
    a paragraph or run used once went round its whole loop): each is read through MAX_CHAIN styles
    of its loop, so what a style near the end of the loop inherits from the first is still read."""
    n = 2000
    outline, bold = '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>', "<w:rPr><w:b/></w:rPr>"
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="P{i}"><w:name w:val="P{i}"/><w:link w:val="C{i}"/>'
        f'<w:basedOn w:val="P{(i + 1) % n}"/>{outline if i == 0 else ""}</w:style>'
        f'<w:style w:type="character" w:styleId="C{i}"><w:name w:val="C{i}"/><w:link w:val="P{(i + 1) % n}"/>'
        f'<w:basedOn w:val="C{(i + 1) % n}"/>{bold if i == 0 else ""}</w:style>' for i in range(n))
    near, far = n - (MAX_CHAIN - 1), n - MAX_CHAIN
    runs = [(f"P{near}", f"C{near}"), (f"P{far}", f"C{far}")] + [(f"P{i * 7 % n}", f"C{i * 3 % n}") for i in range(1000)]
    blocks = read(styled_docx(tmp_path / "loop.docx", styles, runs)).blocks
    assert [(b.style, b.outline_level, b.bold) for b in blocks[:2]] == [(f"P{near}", 0, True), (f"P{far}", None, False)]
    assert len(blocks) == 1002


def test_list_levels_past_8_are_not_read(tmp_path):
    """One list of 3,000 levels, items at levels in the thousands among its own (each once counted
    through every level above it): Word reads levels 0-8 only, so those items have no label and the
    others are numbered as ever; a level override past 8 is not read either."""
    levels = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{"%1." if k == 0 else "%1.%2." if k == 1 else "L%1"}"/></w:lvl>' for k in [-1, *range(3000)])
    numbering = (f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="0"/>'
                 '<w:lvlOverride w:ilvl="12"><w:startOverride w:val="5"/></w:lvlOverride></w:num></w:numbering>')
    items = [0, 1, 1, 2000, 0, 1, -1] + [9 + i * 37 % 2991 for i in range(1000)]
    body = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{k}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                   f"<w:r><w:t>Item at {k}: see PP Resolution 71</w:t></w:r></w:p>" for k in items)
    blocks = read(docx_of(tmp_path / "levels.docx", f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>',
                          numbering)).blocks
    assert [(b.type, b.label) for b in blocks[:7]] == [
        ("list-item", "1."), ("list-item", "1.1."), ("list-item", "1.2."), ("paragraph", None),
        ("list-item", "2."), ("list-item", "2.1."), ("paragraph", None)]
    assert len(blocks) == 1007 and [b.label for b in blocks if b.label] == ["1.", "1.1.", "1.2.", "2.", "2.1."]


def test_html_list_starting_past_2_to_the_31_is_numbered_as_in_a_docx(tmp_path):
    path = tmp_path / "roman.html"
    items = "<li>Item: see PP Resolution 71</li>" * 2
    path.write_text(f'<ol type="I" start="10000000000000">{items}</ol><ol type="I" start="{"9" * 19}">{items}</ol>')
    assert [b.label for b in read(path).blocks] == ["10000000000000.", "10000000000001.", "I.", "II."]


# --- nesting -------------------------------------------------------------------------------------

def test_docx_nested_deeper_than_libxml2_reads_is_one_plain_line(tmp_path):
    cell = "<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
    for _ in range(90):
        cell = f"<w:tbl><w:tr><w:tc>{cell}</w:tc></w:tr></w:tbl><w:p/>"
    path = docx_of(tmp_path / "nested.docx", f'<w:document xmlns:w="{W_NS}"><w:body>{cell}</w:body></w:document>')
    line = one_line_failure(run_cli("extract", str(path)), path,
                            "word/document.xml nests elements more than 256 deep, too deep to read")
    assert "corrupt" not in line and "XML_PARSE_HUGE" not in line


@pytest.mark.parametrize("opening, closing", [("<div>", "</div>"), ("<table><tr><td>", "</td></tr></table>")])
def test_html_nested_too_deep_is_one_line_not_text_lost(tmp_path, opening, closing):
    """libxml2 stops at 256 elements deep and leaves all after out of the tree without failing:
    the page, with "after" in it, is refused rather than read without it; 80 deep is read whole."""
    def page(depth: int) -> str:
        return (f"<h1>Objective 1</h1><p>before Resolution 9</p>{opening * depth}<p>deep Resolution 11</p>"
                f"{closing * depth}<p>after Resolution 10</p>")

    deep = tmp_path / "deep.html"
    deep.write_text(page(254))
    one_line_failure(run_cli("extract", str(deep)), deep, "the page nests elements more than 256 deep, too deep to read")
    fine = tmp_path / "fine.html"
    fine.write_text(page(80))
    texts = [b.text for b in read(fine).blocks]
    assert texts[:2] == ["Objective 1", "before Resolution 9"] and texts[-1] == "after Resolution 10"
    assert any("deep Resolution 11" in t for t in texts)


def test_markdown_html_nested_too_deep_is_read_as_text(tmp_path):
    path = tmp_path / "deep.md"
    path.write_text("before Resolution 9\n\n<table><tr><td>" + "<div>" * 300 + "<p>deep Resolution 11</p>"
                    + "</div>" * 300 + "</td></tr></table>\n\nafter Resolution 10\n")
    texts = [b.text for b in read(path).blocks]
    assert texts[0] == "before Resolution 9" and texts[-1] == "after Resolution 10"
    assert any("deep Resolution 11" in t for t in texts)


# --- files that are not regular files ------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_is_refused_without_blocking(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    one_line_failure(run_cli("extract", str(path)), path, "is a FIFO (named pipe)")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_link_to_a_device_is_refused(tmp_path):
    path = tmp_path / "zero.txt"
    path.symlink_to("/dev/zero")
    with pytest.raises(InputError, match="is a device"):
        read(path)


KERNEL_FILE = "is a /proc or /sys file (made up by the kernel as it is read), not a document file"


@pytest.mark.skipif(not os.path.ismount("/proc"), reason="no procfs")
def test_a_proc_file_or_a_link_to_one_is_refused_before_it_is_read(tmp_path):
    """/proc files pass for regular files: /proc/kmsg, of size 0, blocks a read until the kernel's
    next message (and consumes it). /proc/self/stat stands for it here."""
    link = tmp_path / "kmsg.txt"
    link.symlink_to("/proc/self/stat")
    for path in (link, Path("/proc/self/stat")):
        one_line_failure(run_cli("extract", str(path)), path, KERNEL_FILE)
    with pytest.raises(InputError, match="is a /proc or /sys file"):
        read(link)


# --- encodings -----------------------------------------------------------------------------------

TEXT = "Output 1.1 – Café services\nSee PP Resolution 71 and SDG 9.\n"


@pytest.mark.parametrize("encoding, bom", [
    ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\x00\x00"),
    ("utf-32-be", b"\x00\x00\xfe\xff"), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b""), ("cp1252", b""),
])
def test_text_in_any_unicode_encoding_with_a_bom_is_read(tmp_path, encoding, bom):
    path = tmp_path / "unicode.txt"
    path.write_bytes(bom + TEXT.encode(encoding))
    raw = read(path)
    assert [b.text for b in raw.blocks] == ["Output 1.1 – Café services", "See PP Resolution 71 and SDG 9."]
    assert raw.source.warnings == ()


def test_undecodable_bytes_are_replaced_and_reported(tmp_path):
    path = tmp_path / "damaged.txt"
    path.write_bytes(PARAGRAPH.encode() + b"\xff\xfe broken \x81 here\n")
    with pytest.warns(InputWarning, match=r"3 undecodable byte sequences in UTF-8 text replaced by U\+FFFD"
                                          rf" \(first at byte {len(PARAGRAPH.encode())}\)"):
        raw = read(path)
    assert raw.blocks[0].text.endswith("\ufffd\ufffd broken \ufffd here")
    assert raw.source.warnings and "3 undecodable" in raw.source.warnings[0]
    result = run_cli("extract", str(path), "-f", "json")
    assert result.returncode == 0
    assert result.stderr.startswith(f"trace: warning: {path}: 3 undecodable") and result.stderr.count("\n") == 1
    source = json.loads(result.stdout)["source"]
    assert source["warnings"] == list(raw.source.warnings)


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="no FIFOs or /dev/zero")
def test_check_reports_a_fifo_and_a_device_in_a_folder_and_goes_on(tmp_path):
    """The content hash for the cache never opens them; each is one CHK004 and the run goes on.
    A /proc file passes for a regular one: /proc/kmsg (/proc/self/stat stands for it) would block."""
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "kmsg.txt").symlink_to("/proc/self/stat")  # a /proc file, which passes for a regular one
    (tmp_path / "plan.txt").write_text("Output 1.1 – Networks\nSee PP Resolution 71.\n", encoding="utf-8")
    for cache in (["--no-cache"], []):  # with the cache, its content hash must not open them either
        result = run_cli("check", str(tmp_path), *cache, "-f", "json")
        assert result.returncode == 1, result.stderr
        found = {(Path(f["source"]).name, f["code"], f["message"]) for f in json.loads(result.stdout)["findings"]
                 if f["code"] == "CHK004"}
        assert found == {("pipe.txt", "CHK004", "is a FIFO (named pipe), not a document file; only regular files are read"),
                         ("zero.txt", "CHK004", "is a device, not a document file; only regular files are read"),
                         ("kmsg.txt", "CHK004", KERNEL_FILE + "; only regular files are read")}


def test_sections_nest_at_most_max_depth_levels_and_none_is_lost(tmp_path):
    """900 clauses each numbered one level below the last ("1.1.1…") made every change's path
    name up to 900 sections: a 262 MB diff. Below MAX_DEPTH a heading opens beside the deepest
    open section: every clause is still a section with its title and text."""
    from actionplan_trace.loader import load
    from actionplan_trace.structure import MAX_DEPTH

    lines = []
    for depth in range(60):
        lines += [".".join(["1"] * (depth + 1)) + f" Title number {depth}", f"Body text for clause {depth} with Resolution 71."]
    path = tmp_path / "deep.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = load(path, profile="generic")
    clauses = [s for s in doc.sections if s.kind == "clause"]
    assert [s.title for s in clauses] == [f"Title number {d}" for d in range(60)]
    assert [s.level for s in clauses] == [*range(1, MAX_DEPTH + 1), *[MAX_DEPTH] * (60 - MAX_DEPTH)]
    assert all(len(s.blocks) == 1 and s.blocks[0].text.startswith("Body text") for s in clauses)
    assert max(len(doc.path(s)) for s in doc.sections) == MAX_DEPTH


# --- PDF content streams (pdf_streams.PageStreams) ------------------------------------------------

@pytest.mark.parametrize("where", ["page", "form"])
def test_a_pdf_page_drawing_a_flate_bomb_is_refused_before_it_is_parsed(tmp_path, where):
    """A page's content stream, or a Form XObject it draws, inflating past the page limit is
    refused before PDFium parses the page; counting stops just past the limit (a 50 MB stream of
    spaces is counted to one chunk past 0.2 MB), and the option raises the limit."""
    path = pdf_bomb(tmp_path / f"{where}.pdf", 50_000_000, where=where)
    os.environ["TRACE_MAX_PDF_PAGE_MB"] = "0.2"
    try:
        line = one_line_failure(run_cli("extract", str(path)), path, "page 1's content streams decompress to",
                                "over the limit of 0.2 MB (trace --max-pdf-page-mb N … or TRACE_MAX_PDF_PAGE_MB raises it)")
        assert "1.00 MB or more" in line or "1.05 MB or more" in line, line
    finally:
        os.environ.pop("TRACE_MAX_PDF_PAGE_MB")
    small = pdf_bomb(tmp_path / f"small-{where}.pdf", 100_000, where=where)
    result = run_cli("--max-pdf-page-mb", "0.2", "extract", str(small), "-f", "json")
    assert result.returncode == 0, result.stderr
    assert "Resolution 71" in result.stdout


def test_a_form_drawn_many_times_counts_each_time(tmp_path):
    """PDFium parses a form again for each `Do`: a 30 KB form drawn ten times is 300 KB."""
    path = pdf_bomb(tmp_path / "drawn.pdf", 30_000, where="form", draws=10)
    os.environ["TRACE_MAX_PDF_PAGE_MB"] = "0.2"
    try:
        one_line_failure(run_cli("extract", str(path)), path, "page 1's content streams decompress to 0.30 MB or more")
    finally:
        os.environ.pop("TRACE_MAX_PDF_PAGE_MB")


def test_pages_each_under_the_page_limit_are_refused_together(tmp_path):
    """One 0.1 MB content stream shared by 30 pages is parsed for each page: 3 MB in all."""
    path = pdf_bomb(tmp_path / "shared.pdf", 100_000, pages=30)
    os.environ["TRACE_MAX_PDF_CONTENT_MB"] = "1"
    try:
        one_line_failure(run_cli("refs", str(path), "-f", "json"), path,
                         "the PDF's content streams decompress to 1.00 MB or more by page 10, over the limit of 1 MB",
                         "(trace --max-pdf-content-mb N … or TRACE_MAX_PDF_CONTENT_MB raises it)")
    finally:
        os.environ.pop("TRACE_MAX_PDF_CONTENT_MB")


@pytest.mark.parametrize("where", ["image", "unreferenced"])
def test_streams_no_page_draws_are_not_counted_as_page_content(tmp_path, where):
    """An image (decoded only to render a page, which the reader never does) or an object nothing
    refers to, however large, is no page's content; an image is not counted among the streams
    either."""
    path = pdf_bomb(tmp_path / f"{where}.pdf", 20_000_000, unit=b"\0", where=where)
    streams = ["--max-pdf-streams-mb", "1"] if where == "image" else []
    result = run_cli("--max-pdf-page-mb", "0.1", "--max-pdf-content-mb", "0.1", *streams, "extract", str(path), "-f", "json")
    assert result.returncode == 0, result.stderr
    assert "Resolution 71" in result.stdout


# --- every stream of a PDF (pdf_streams.inflated) ----------------------------------------------

@pytest.mark.parametrize("subtype", [b"TrueType", b"Type1"])
def test_a_pdf_font_program_bomb_is_refused_before_pdfium_opens_it(tmp_path, subtype):
    """PDFium inflates a font program whole when a page's text uses it: a 1 MB file whose
    FontFile2 inflated to 1 GB took 2 GB. Its streams are counted in the file's bytes first,
    the count stopping a megabyte past the limit."""
    path = pdf_font_bomb(tmp_path / "font.pdf", 30_000_000, subtype)
    line = one_line_failure(run_cli("--max-pdf-streams-mb", "2", "extract", str(path)), path,
                            "the PDF's streams other than images decompress to",
                            "over the limit of 2 MB (trace --max-pdf-streams-mb N … or TRACE_MAX_PDF_STREAMS_MB raises it)")
    assert "2.10 MB or more" in line, line
    small = pdf_font_bomb(tmp_path / "small.pdf", 1_000_000, subtype)
    result = run_cli("--max-pdf-streams-mb", "2", "extract", str(small), "-f", "json")
    assert result.returncode == 0, result.stderr
    assert "Resolution 71" in result.stdout


@pytest.mark.parametrize("where", ["objects", "xref"])
def test_object_and_cross_reference_stream_bombs_are_refused_before_pdfium_opens_them(tmp_path, where):
    """Both readers parse the PDF syntax of object and cross-reference streams into objects, so
    those have a lower limit of their own; under it the font in the object stream is found."""
    path = pdf_object_stream_bomb(tmp_path / f"{where}.pdf", 30_000_000, where=where)
    one_line_failure(run_cli("--max-pdf-objects-mb", "0.5", "refs", str(path), "-f", "json"), path,
                     "the PDF's object and cross-reference streams decompress to 1.05 MB or more, over the limit"
                     " of 0.5 MB (trace --max-pdf-objects-mb N … or TRACE_MAX_PDF_OBJECTS_MB raises it)")
    small = pdf_object_stream_bomb(tmp_path / f"small-{where}.pdf", 200_000, unit=b"1 ", where=where)
    result = run_cli("--max-pdf-objects-mb", "0.5", "refs", str(small), "-f", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [r["id"] for r in report["refs"]] == ["SDG-9.1"]
    assert [f["text"] for f in report["findings"]] == ["Resolution 71"]


def test_an_lzw_font_bomb_is_refused_and_lzw_decodes_as_pdfminer_decodes(tmp_path):
    """LZW is measured by a decoder of its own: pdfminer's copies its table on every code (4 s a
    MB of incompressible data). It decodes what pdfminer decodes, and a corrupt code ends it."""
    import io
    import random

    from pdfminer.lzw import LZWDecoder

    from actionplan_trace.extract.pdf_streams import _lzw

    path = pdf_font_bomb(tmp_path / "lzw.pdf", 3_000_000, filter="lzw")  # over the 2 MB asked below
    one_line_failure(run_cli("--max-pdf-streams-mb", "2", "extract", str(path)), path,
                     "the PDF's streams other than images decompress to 2.10 MB or more")
    noise = random.Random(5).randbytes(200_000)
    for data in (noise, b"BT /F1 12 Tf (Resolution 71) Tj ET\n" * 5000, bytes(100_000)):
        packed = lzw(data)
        assert b"".join(_lzw([packed[:1000], packed[1000:]])) == data == b"".join(LZWDecoder(io.BytesIO(packed)).run())
    clear_then_unknown = bytes([0x80, 0x4B, 0x00])  # 9-bit codes 256 (clear), then 300: no entry yet
    assert b"".join(_lzw([clear_then_unknown])) == b"" and b"".join(_lzw([lzw(b"abc")[:3]])) == b"a"


def test_streams_are_found_in_the_bytes_and_counted_through_nested_filters():
    """No PDF parser is used: a stream's end comes from a direct /Length that ends at
    `endstream`, or from the next `endstream`; filters are applied in order, an unknown one ends
    the count with what the known ones before it gave; images are left out."""
    from actionplan_trace.extract.pdf_streams import stream_sizes

    def obj(number: int, head: bytes, data: bytes) -> bytes:
        return b"%d 0 obj\n<< %s >>\nstream\n%s\nendstream\nendobj\n" % (number, head, data)

    twice = zlib.compress(zlib.compress(b"\0" * 40_000_000))
    data = b"%PDF-1.7\n" + b"".join([
        obj(1, b"/Length %d /Filter [/FlateDecode /Fl]" % len(twice), twice),
        obj(2, b"/Length 9 0 R /Filter /FlateDecode", zlib.compress(b"endstream " * 1000)),
        obj(3, b"/Length 5 /Filter [/FlateDecode /DCTDecode]", zlib.compress(b"x" * 3000)),
        obj(4, b"/Type /XObject /Subtype /Image /Filter /FlateDecode", zlib.compress(b"\0" * 5_000_000)),
        obj(5, b"/Type /ObjStm /N 1 /First 4 /Filter /AHx", b"3420302031" * 100 + b">"),
    ])
    sizes = stream_sizes(data, 100_000_000, 100_000_000)
    assert (sizes.total, sizes.objects) == (40_000_000 + 10_000 + 3000 + 500, 500)
    capped = stream_sizes(data, 5_000_000, 100_000_000)
    assert 5_000_000 < capped.total <= 5_000_000 + (1 << 20)


def test_stream_sizes_are_counted_through_every_filter_and_never_held_whole():
    from actionplan_trace.extract import pdf_streams

    data = b"0 0 m 1 0 l S /X1 Do\n" * 50_000
    flate = list(pdf_streams._inflate(pdf_streams._chunks(zlib.compress(data))))
    assert b"".join(flate) == data and max(map(len, flate)) <= pdf_streams.CHUNK
    runs = bytes([129, 65]) * 10 + bytes([2]) + b"abc" + bytes([128]) + b"ignored"
    assert sum(map(len, pdf_streams._run_length([runs[:7], runs[7:]]))) == 128 * 10 + 3
    bomb = zlib.compress(b" " * 20_000_000)
    first = next(pdf_streams._inflate(pdf_streams._chunks(bomb)))
    assert len(first) == pdf_streams.CHUNK


def _one_page(path: Path, content: bytes, resources: bytes, *extra: bytes, page: bytes = b"/Type /Page ") -> Path:
    """A one-page PDF: objects 1-4 catalog, pages, `content` (Flate) and Helvetica, the page 5
    with `resources`, then `extra` from object 6 on."""
    packed = zlib.compress(PDF_TEXT + content)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(packed), packed),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< %s/Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources %s >>" % (page, resources), *extra]
    path.write_bytes(raw_pdf(objects))
    return path


def _form(body: bytes, resources: bytes = b"<< /Font << /F1 4 0 R >> >>", kind: bytes = b"/Type /XObject /Subtype /Form /BBox [0 0 9 9] ") -> bytes:
    packed = zlib.compress(body)
    return b"<< /Length %d /Filter /FlateDecode %s/Resources %s >>\nstream\n%s\nendstream" % (len(packed), kind, resources, packed)


LINES = b"0 0 m 1 0 l S\n" * 20_000  # 280 KB of lines
FONT_ONLY = b"<< /Font << /F1 4 0 R >> >>"


@pytest.mark.parametrize("case", ["escaped name", "page resources", "type3", "inline image", "no page type"])
def test_what_pdfium_parses_with_a_page_is_counted_however_it_is_reached(tmp_path, case):
    """Ways a black-box review drew gigabytes past the page measure: a form drawn by a name with
    a #-escape (`/X#31` is `/X1`), a form a form draws from the page's resources, the glyph
    procedures of a Type3 font (PDFium parses each as a content stream), an inline image (decoded
    when the page is parsed) and a page whose dictionary has no /Type (PDFium reads it)."""
    forms = b"<< /Font << /F1 4 0 R >> /XObject << /X1 6 0 R /B 7 0 R >> >>"
    made = {
        "escaped name": lambda p: _one_page(p, b"q /X#31 Do Q\n" * 3, forms, _form(LINES), _form(b"")),
        "page resources": lambda p: _one_page(p, b"q /X1 Do Q\n", forms, _form(b"/B Do\n" * 3, FONT_ONLY), _form(LINES)),
        "type3": lambda p: _one_page(p, b"BT /T3 12 Tf (A) Tj ET\n", b"<< /Font << /F1 4 0 R /T3 6 0 R >> >>",
                                     b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 9 9] /FontMatrix [1 0 0 1 0 0]"
                                     b" /CharProcs << /A 8 0 R >> /Encoding << /Differences [65 /A] >> /FirstChar 65"
                                     b" /LastChar 65 /Widths [9] /Resources << /XObject << /X 7 0 R >> >> >>",
                                     _form(LINES), _form(b"/X Do\n" * 3, b"<< >>", kind=b"")),
        "inline image": lambda p: _one_page(p, b"q BI /W 1000 /H 1000 /CS /RGB /BPC 8 /F /Fl ID xx EI Q\n", FONT_ONLY),
        "no page type": lambda p: _one_page(p, LINES * 3, FONT_ONLY, page=b""),
    }
    path = made[case](tmp_path / "page.pdf")
    line = one_line_failure(run_cli("--max-pdf-page-mb", "0.5", "extract", str(path)), path,
                            "page 1's content streams decompress to", "over the limit of 0.5 MB")
    assert ("3.00 MB" if case == "inline image" else "0.8") in line, line


def test_the_stream_scan_is_not_fooled_by_the_dictionary():
    """A font program named through an indirect /Filter, one whose dictionary holds the letters
    "obj" (`/Xobj`), one that calls itself an image, a stream whose filter is written with a
    #-escape, an attached file (a cross-reference stream may pose as one) and a cross-reference
    stream that calls itself an image are all counted; a real image is not."""
    from actionplan_trace.extract.pdf_streams import stream_sizes

    bomb = zlib.compress(bytes(3_000_000))

    def stream(number: int, head: bytes) -> bytes:
        return b"%d 0 obj\n<< /Length %d %s >>\nstream\n%s\nendstream\nendobj\n" % (number, len(bomb), head, bomb)

    fonts = b"7 0 obj << /FontFile2 10 0 R /FontFile 11 0 R /FontFile3 12 0 R >> endobj\n8 0 obj\n/FlateDecode\nendobj\n"
    data = b"%PDF-1.7\n" + fonts + b"".join([
        stream(10, b"/Filter 8 0 R"), stream(11, b"/Filter /FlateDecode /Xobj 1"),
        stream(12, b"/Filter /FlateDecode /Subtype /Image"), stream(13, b"/Filter /FlateDecode /Subtype /Image"),
        stream(14, b"/Filter /Flate#44ecode"), stream(15, b"/Type /EmbeddedFile /Filter /FlateDecode"),
        stream(16, b"/Type /XRef /Subtype /Image /Filter /FlateDecode")])
    sizes = stream_sizes(data, 10**9, 10**9)
    assert (sizes.total, sizes.objects) == (18_000_000, 3_000_000)


def test_lzw_past_its_budget_is_refused_in_one_line(tmp_path, monkeypatch):
    """Measuring LZW costs a microsecond a code, so a PDF's LZW streams are decoded up to
    LZW_CODES codes (a stream of nothing but clear codes inflates to nothing, and would take as
    long): past that, the PDF is refused (here 100 KB of noise in a stream no page uses)."""
    from actionplan_trace.extract import pdf_streams

    monkeypatch.setattr(pdf_streams, "LZW_CODES", 50_000)
    path = tmp_path / "lzw.pdf"
    import random

    noise = lzw(random.Random(3).randbytes(100_000))
    _one_page(path, b"", FONT_ONLY, b"<< /Length %d /Filter /LZWDecode >>\nstream\n%s\nendstream" % (len(noise), noise))
    with pytest.raises(InputError, match="its LZW-compressed streams run past 50,000 codes"):
        read(path)
    monkeypatch.setattr(pdf_streams, "LZW_CODES", 10_000_000)
    assert "Resolution 71" in "\n".join(b.text for b in read(path).blocks)


FIXTURES = Path(__file__).parent / "fixtures" / "pdf"


@pytest.mark.parametrize("name", ["font-bomb-rc4.pdf", "font-bomb-aes256.pdf"])
def test_an_encrypted_pdf_is_measured_decrypted(name):
    """PDFium opens a PDF encrypted with an empty user password (qpdf --encrypt "" owner …), whose
    streams do not inflate until decrypted: the 30 MB font program is found all the same."""
    path = FIXTURES / name
    one_line_failure(run_cli("--max-pdf-streams-mb", "2", "extract", str(path)), path,
                     "the PDF's streams other than images decompress to 2.10 MB or more")


def test_an_encrypted_object_stream_holding_the_catalogue_is_measured_before_pdfminer_reads_it(tmp_path, monkeypatch):
    """pdfminer reads the catalogue as it opens a file: from an encrypted object stream, inflated
    whole once decrypted (a 1.5 MB file of 1.5 GB took 29 s and 3 GB). The decrypted streams are
    measured as soon as pdfminer can decrypt, before it reads any object stream; under the limit
    the file reads."""
    from actionplan_trace.extract import pdf_streams

    parsed: list[object] = []  # an object stream's data, each time a parser is made for one
    real = pdf_streams._BoundedStreamParser
    monkeypatch.setattr(pdf_streams, "_BoundedStreamParser", lambda data: parsed.append(data) or real(data))
    path = pdf_encrypted_catalogue_bomb(tmp_path / "catalogue.pdf", 3_000_000)
    monkeypatch.setenv("TRACE_MAX_PDF_OBJECTS_MB", "1")
    with pytest.raises(LimitError, match="object and cross-reference streams decompress to 1.05 MB or more"):
        read(path)
    assert parsed == []
    small = pdf_encrypted_catalogue_bomb(tmp_path / "small.pdf", 20_000)
    assert [b.text for b in read(small).blocks] == ["Resolution 71 and SDG 9.1"]
    assert len(parsed) == 1


@pytest.mark.parametrize("method", ["/Filter Standard /V 9 /R 3", "/Filter Standard /V 2 /R 9"])
def test_a_pdf_encrypted_by_a_method_pdfminer_cannot_set_up_is_refused(tmp_path, method):
    """PDFium opens some files whose /V or /R pdfminer does not know: their streams cannot be
    measured decrypted, and a 1.5 GB catalogue object stream took 2.6 GB. Such a file is refused."""
    v, r = method.split()[3], method.split()[5]
    path = pdf_encrypted_catalogue_bomb(tmp_path / "unknown.pdf", 20_000, b"/V %s /R %s" % (v.encode(), r.encode()))
    one_line_failure(run_cli("extract", str(path)), path,
                     f"encrypted PDF by a method this reader does not know ({method})")


@pytest.mark.parametrize("method", [b"/V 2.0 /R 3.0",
                                    b"/V 4 /R 4 /CF << /StdCF << /CFM /V2 /Length 16 >> /Files << /CFM /None >> >>"
                                    b" /StmF /StdCF /StrF /StdCF"])
def test_encryption_pdfminer_reads_once_its_dictionary_is_made_plain_is_measured_and_read(tmp_path, method):
    """A /V written as a real, or a crypt filter besides those /StmF and /StrF name (one for
    attached files, with a method pdfminer does not know), is made plain for pdfminer: the file is
    measured decrypted and read, not refused."""
    path = pdf_encrypted_catalogue_bomb(tmp_path / "plain.pdf", 20_000, method)
    assert [b.text for b in read(path).blocks] == ["Resolution 71 and SDG 9.1"]


def test_an_rc4_encrypted_pdf_reads_as_the_plain_one():
    """RC4 is decrypted by `cryptography` (pdfminer's pure-Python RC4 took some 36 s a megabyte);
    the file reads as the unencrypted corpus PDF it was made from."""
    encrypted = read(FIXTURES / "objective2-new-rc4.pdf")
    plain = read(Path(__file__).parents[1] / "corpus" / "objective2-new.pdf")
    assert [b.text for b in encrypted.blocks] == [b.text for b in plain.blocks]
    assert len(plain.blocks) > 40


def test_a_tounicode_map_that_makes_a_glyph_thousands_of_characters_is_refused(tmp_path):
    """PDFium's text page holds every character a glyph maps to: one code mapped to 30,000
    characters made a 2 KB file 5.9 GB. A page's content counts once for each character its
    fonts map a glyph to, against the page limit; a ligature ("fi", two) reads as before."""
    def cmap(target: bytes) -> bytes:
        body = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00> <FF>"
                b" endcodespacerange 2 beginbfchar <41> <%s> <42> <00660069> endbfchar endcmap end end" % target)
        return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body)

    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>"
    resources = b"<< /Font << /F1 4 0 R /F2 6 0 R >> >>"
    wide = _one_page(tmp_path / "wide.pdf", b"BT /F2 12 Tf (" + b"A" * 1000 + b") Tj ET\n", resources, font,
                     cmap(b"0041" * 3000))
    one_line_failure(run_cli("--max-pdf-page-mb", "0.5", "extract", str(wide)), wide,
                     "page 1's strings hold 1,025 bytes and its fonts map a glyph to up to 3,000 characters:"
                     " 3.08 MB or more of text", "over the limit of 0.5 MB")
    in_form = _one_page(tmp_path / "form.pdf", b"q /X1 Do Q\n", b"<< /Font << /F1 4 0 R >> /XObject << /X1 8 0 R >> >>",
                        font, cmap(b"0041" * 3000),
                        _form(b"BT /F2 12 Tf (" + b"A" * 1000 + b") Tj ET\n", b"<< /Font << /F2 6 0 R >> >>"))
    one_line_failure(run_cli("--max-pdf-page-mb", "0.5", "extract", str(in_form)), in_form,
                     "its fonts map a glyph to up to 3,000 characters")
    ligature = _one_page(tmp_path / "ligature.pdf", b"BT /F2 12 Tf (B) Tj ET\n" + LINES, resources, font, cmap(b"0041"))
    result = run_cli("--max-pdf-page-mb", "0.5", "extract", str(ligature), "-f", "json")
    assert result.returncode == 0 and "Resolution 71" in result.stdout, result.stderr


def test_string_bytes_follow_nested_brackets_escapes_and_hex_strings():
    from actionplan_trace.extract.pdf_streams import _string_bytes

    content = b"BT (ab(c)d) Tj <4142> Tj (x\\)y) Tj ET 0 0 m 1 1 l S << /A 1 >> BDC"
    assert _string_bytes([content]) == 6 + 2 + 4
    assert _string_bytes([b"(abc", b"def) Tj"]) == 6
    # PDFium reads a backslash outside a string as an operator, and skips junk in a hex string
    assert _string_bytes([b"\\(abcd) Tj <41z41z41z> Tj"]) == 4 + 4


def test_table_rows_padded_out_to_a_wide_grid_count_against_the_block_limit(monkeypatch, tmp_path):
    """Found in review: a table whose grid has 20,000 columns, each row padded out to them by
    gridAfter, took 1.5 GB for 200 rows before the document's cells could be counted. The cells
    count as they are made, padding included."""
    import zipfile

    grid = "<w:tblGrid>" + '<w:gridCol w:w="10"/>' * 20_000 + "</w:tblGrid>"
    rows = "".join(f'<w:tr><w:trPr><w:gridAfter w:val="1000000000"/></w:trPr><w:tc><w:p><w:r><w:t>x{n}</w:t></w:r></w:p>'
                   "</w:tc></w:tr>" for n in range(200))
    body = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            f"<w:tbl>{grid}{rows}</w:tbl></w:body></w:document>")
    path = tmp_path / "grid.docx"
    with zipfile.ZipFile(CORPUS / "objective2-old.docx") as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            target.writestr(item, body if item.filename == "word/document.xml" else source.read(item.filename))
    line = one_line_failure(run_cli("extract", str(path), "-f", "json"), path, "table cells", "--max-blocks")
    assert "more than 60,000 paragraphs and table cells" in line


def _body(content: str) -> str:
    return f'<w:document xmlns:w="{W_NS}"><w:body>{content}</w:body></w:document>'


@pytest.mark.parametrize("name, content", [
    ("row", "<w:tbl><w:tr>" + "<w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc>" * 20_000 + "</w:tr></w:tbl>"),
    ("paragraphs", "<w:p><w:r><w:t>Paragraph on rural access.</w:t></w:r></w:p>" * 20_000),
    ("rows", "<w:tbl>" + "<w:tr><w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr>" * 20_000 + "</w:tbl>"),
])
def test_a_docx_over_the_block_limit_is_refused_as_it_is_read(monkeypatch, tmp_path, name, content):
    """Found by a red team: one table row of 1.2 million cells (15.6 MB of XML) took 1.1 GB and
    17 s, and 700,000 paragraphs 9.5 s, before the document's blocks were counted once it was read.
    The reader counts the body's blocks and the cells as it makes them, and stops at the limit."""
    from actionplan_trace.extract.docx import reader

    path = docx_of(tmp_path / f"{name}.docx", _body(content))
    made = {"cells": 0, "paragraphs": 0}
    cell, paragraph = reader._cell, reader._Reader.paragraph

    def counted_cell(*args, **kwargs):
        made["cells"] += 1
        return cell(*args, **kwargs)

    def counted_paragraph(self, *args, **kwargs):
        made["paragraphs"] += 1
        return paragraph(self, *args, **kwargs)

    monkeypatch.setattr(reader, "_cell", counted_cell)
    monkeypatch.setattr(reader._Reader, "paragraph", counted_paragraph)
    monkeypatch.setenv("TRACE_MAX_BLOCKS", "1000")
    with pytest.raises(LimitError, match=r"the document holds more than 1,000 paragraphs and table cells, over the "
                                         r"limit of 1,000 \(trace --max-blocks N"):
        read(path)
    assert made["cells"] <= 1_001 and made["paragraphs"] <= 1_001
    monkeypatch.setenv("TRACE_MAX_BLOCKS", "20001")  # (a table is a block, and each of its cells)
    raw = read(path)
    assert len(raw.blocks) + sum(len(row) for block in raw.blocks for row in block.rows or ()) == (
        20_000 if name == "paragraphs" else 20_001)


def test_a_zip_directory_over_the_part_limit_is_refused_before_it_is_read(monkeypatch, tmp_path):
    """Found by a red team: a 165 MB .docx whose ZIP directory lists 3 million entries took 1.8 GB
    and 28 s: zipfile makes an object of every entry before any part is read. The directory's size,
    which its end record declares, is held to the limit of one part."""
    import struct
    import zipfile

    from actionplan_trace.extract.docx.package import directory_size

    small = (CORPUS / "objective2-old.docx").read_bytes()
    with zipfile.ZipFile(CORPUS / "objective2-old.docx") as z:
        assert directory_size(small) == small.rfind(b"PK\x05\x06") - z.start_dir
    end = small.rfind(b"PK\x05\x06")
    start = struct.unpack_from("<I", small, end + 16)[0]
    entry = small[start:start + 46 + struct.unpack_from("<H", small, start + 28)[0]]  # the first entry, whole
    extra = 30_000
    directory = small[start:end] + entry * extra
    count = struct.unpack_from("<H", small, end + 10)[0] + extra
    bomb = tmp_path / "entries.docx"
    bomb.write_bytes(small[:start] + directory + b"PK\x05\x06" + struct.pack("<4H2IH", 0, 0, 0xFFFF, 0xFFFF, len(directory),
                                                                            start, 0))
    assert count > 0xFFFF or len(directory) > 1_000_000
    monkeypatch.setenv("TRACE_MAX_PART_MB", "1")
    line = one_line_failure(run_cli("extract", str(bomb), "-f", "json"), bomb, "the ZIP directory declares",
                            "over the limit of 1 MB", "--max-part-mb")
    assert f"{len(directory) / 1e6:.2f} MB" in line
    # the zip64 end record, which a directory of more than 65,535 entries needs, is read too
    many = tmp_path / "many.zip"
    with zipfile.ZipFile(many, "w") as z:
        for n in range(70_000):
            z.writestr(f"p/{n}", b"")
    data = many.read_bytes()
    with zipfile.ZipFile(many) as z:
        assert directory_size(data) == data.rfind(b"PK\x06\x06") - z.start_dir


ATTRIBUTE_FORMS = ('{n}="x > y < z"', "{n}='q \" > <'", "{n}=plain", "{n}", '{n} = "spaced"', "{n}=un\"quo'ted", '"{n}',
                   "={n}", "{n}=<v", '{n}="v"b{n}=w', "{n}/")
"""Attributes as HTML's tokenizer reads them: quoted values holding ">" and "<", unquoted ones
holding quotes, names opening with a quote or "=", no white space after a quoted value."""


def _start_tag(count: int, seed: int) -> str:
    """A `<p>` start tag of `count` attributes of ATTRIBUTE_FORMS (a form may make two)."""
    import random

    rng = random.Random(seed)
    return "<p" + "".join(rng.choice([" ", "\n", "\t", " / ", "  "]) + rng.choice(ATTRIBUTE_FORMS).format(n=f"a{k}")
                          for k in range(count)) + ">"


def _libxml2_attributes(tag: str) -> int:
    """How many attributes libxml2's HTML parser gives the element of start tag `tag`."""
    import lxml.html

    page = f"<html><body>{tag}text</p></body></html>"
    return len(lxml.html.document_fromstring(page.encode(), lxml.html.HTMLParser(encoding="utf-8")).find(".//p").attrib)


def test_attributes_are_counted_as_libxml2_reads_them() -> None:
    """xmlsafe.too_many_attributes counts an element's attributes as libxml2's HTML parser makes
    them, whatever their form."""
    from actionplan_trace.extract.xmlsafe import ATTRIBUTE, TOKEN, too_many_attributes

    for seed in range(300):
        tag = _start_tag(seed % 70 + 1, seed)
        found = TOKEN.match(tag)
        assert found is not None and sum(1 for _ in ATTRIBUTE.finditer(found.group("attributes"))) == (
            _libxml2_attributes(tag)), tag
    tag = _start_tag(40, 1)
    count = _libxml2_attributes(tag)
    assert too_many_attributes(f"<div>{tag}a</p></div>", "the page", most=count) is None
    assert too_many_attributes(f"<div>{tag}a</p></div>", "the page", most=count - 1) == (
        f"the page has an element of {count} attributes, more than {count - 1}: too many to read")


def test_an_html_element_of_more_attributes_than_libxml2_reads_in_time_is_refused(tmp_path) -> None:
    """Found by a red team: libxml2's HTML parser checks each attribute of an element against all
    before it, and a page holding one `<p>` of 300,000 attributes (2.9 MB) ran for minutes. A page
    is refused in one line; a Markdown fragment is read by the line reader instead."""
    many, few = _start_tag(3_000, 5), _start_tag(800, 5)
    assert _libxml2_attributes(few) <= 1_000 < _libxml2_attributes(many)
    page = tmp_path / "many.html"
    page.write_text(f"<html><body>{many}WTDC Resolution 37</p></body></html>", encoding="utf-8")
    one_line_failure(run_cli("refs", str(page), "-f", "json"), page,
                     f"the page has an element of {_libxml2_attributes(many):,} attributes, more than 1,000: too many to read")
    page.write_text(f"<html><body>{few}WTDC Resolution 37</p></body></html>", encoding="utf-8")
    read_back = run_cli("refs", str(page), "-f", "json")
    assert read_back.returncode == 0 and "WTDC-RES-37" in read_back.stdout
    fragment = tmp_path / "many.md"
    fragment.write_text(f"# Objective 1\n\n{many}WTDC Resolution 37</p>\n", encoding="utf-8")
    read_back = run_cli("refs", str(fragment), "-f", "json")
    assert read_back.returncode == 0 and "WTDC-RES-37" in read_back.stdout


def _page_with(extra: bytes, pages: int = 1) -> bytes:
    """A PDF of `pages` pages, page k reading "Paragraph k on Resolution 71 and SDG 9.1", whose page
    dictionaries hold `extra` too."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (5 + 2 * k) for k in range(pages)), pages),
               PDF_FONT]
    for k in range(pages):
        text = b"BT /F1 12 Tf 50 400 Td (Paragraph %d on Resolution 71 and SDG 9.1) Tj ET\n" % k
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
                       b" /Resources << /Font << /F1 3 0 R >> >>%s >>" % (4 + 2 * k, extra))
    return raw_pdf(objects)


@pytest.mark.parametrize("name, extra", [
    ("array", b" /Junk [" + b"0 " * 150_000 + b"]"),  # 300 KB: 150,000 numbers, some 1.5 s a MB to pdfminer
    ("string", b" /Junk (" + b"a" * 300_000 + b")"),  # pdfminer grows a string by concatenation
    ("dictionary", b" /Junk <<" + b"".join(b"/k%d 0 " % k for k in range(30_000)) + b">>"),
])
def test_a_pdf_object_of_more_syntax_than_the_limit_is_refused_as_pdfminer_parses_it(monkeypatch, tmp_path, name, extra):
    """Found by a red team: a page dictionary holding an array of 20 million numbers (40 MB) took
    pdfminer, measuring the pages, 76 s and 2.2 GB; a string of 150 MB ran for minutes. The parse
    of one object reads at most a quarter of --max-pdf-page-mb (1 MB by default)."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(_page_with(extra))
    monkeypatch.setenv("TRACE_MAX_PDF_PAGE_MB", "1")
    one_line_failure(run_cli("extract", str(path), "-f", "json"), path,
                     "object 5 of the PDF runs to more than 0.25 MB of PDF syntax (one object may take a quarter of the page"
                     " limit), over the limit of 1 MB", "--max-pdf-page-mb")
    monkeypatch.setenv("TRACE_MAX_PDF_PAGE_MB", "2")
    assert "Resolution 71" in json.dumps(json.loads(run_cli("extract", str(path), "-f", "json").stdout))


def test_the_objects_pdfminer_parses_are_bounded_together_and_in_object_streams(monkeypatch, tmp_path):
    """All the file's objects parsed together read at most twice --max-pdf-page-mb; an object in an
    object stream is held to a quarter of it, as one in the file is."""
    path = tmp_path / "pages.pdf"
    path.write_bytes(_page_with(b" /Junk [" + b"0 " * 22_500 + b"]", pages=10))  # 45 KB each, 450 KB in all
    monkeypatch.setenv("TRACE_MAX_PDF_PAGE_MB", "0.2")  # 50 KB an object, 400 KB together
    with pytest.raises(LimitError, match=r"the PDF's objects run to more than 0\.40 MB of PDF syntax \(all of them may"
                                         r" take twice the page limit\), over the limit of 0\.2 MB"):
        read(path)
    monkeypatch.setenv("TRACE_MAX_PDF_PAGE_MB", "0.25")
    text = " ".join(block.text for block in read(path).blocks)
    assert all(f"Paragraph {k} on Resolution 71" in text for k in range(10))
    monkeypatch.delenv("TRACE_MAX_PDF_PAGE_MB")
    packed = pdf_object_stream_bomb(tmp_path / "packed.pdf", 0, font=PDF_FONT[:-2] + b"/Junk [" + b"0 " * 60_000 + b"] >>")
    monkeypatch.setenv("TRACE_MAX_PDF_PAGE_MB", "0.4")
    with pytest.raises(LimitError, match=r"object 4 of the PDF runs to more than 0\.10 MB of PDF syntax"):
        read(packed)
    monkeypatch.setenv("TRACE_MAX_PDF_PAGE_MB", "1")
    assert [block.text for block in read(packed).blocks] == ["Resolution 71 and SDG 9.1"]


def test_a_broken_cross_reference_table_is_rebuilt_from_so_many_objects_at_most(monkeypatch, tmp_path):
    """Found by a red team: a PDF of 5 million `N 0 obj null endobj` and no cross-reference table,
    which pdfminer rebuilds by parsing every object it finds, took minutes. Past FALLBACK_OBJECTS
    objects pdfminer gives the rebuild up, and PDFium reads the file unmeasured, as one pdfminer
    cannot rebuild (a 490-page tagged PDF with a broken table holds 270,000)."""
    from actionplan_trace.extract import pdf_streams

    def unlisted(count: int) -> Path:
        path = tmp_path / f"unlisted-{count}.pdf"
        body = raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>", PDF_FONT,
                        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(PDF_TEXT), PDF_TEXT),
                        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        b" /Resources << /Font << /F1 3 0 R >> >> >>"])
        body = body[:body.index(b"xref\n")]
        path.write_bytes(body + b"".join(b"%d 0 obj null endobj\n" % n for n in range(6, 6 + count))
                         + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")
        return path

    monkeypatch.setattr(pdf_streams, "FALLBACK_OBJECTS", 1_000)
    assert pdf_streams.open_document(unlisted(2_000).read_bytes()) is None  # given up: PDFium reads it unmeasured
    assert pdf_streams.open_document(unlisted(500).read_bytes()) is not None
    assert "Resolution 71" in read(unlisted(2_000)).blocks[0].text


@pytest.mark.parametrize("columns", [b"/Columns 3000000000", b"/Columns %a comment\n3000000000", b"/Col#75mns 3000000000"])
def test_a_predictor_of_absurdly_many_columns_is_refused_before_pdfminer_decodes_it(tmp_path, columns) -> None:
    """Found by a red team: a 639-byte PDF whose cross-reference stream's predictor has 3 billion
    columns took 24 GB (pdfminer's PNG predictor lists that many numbers before it reads a row).
    The columns are read as pdfminer reads them (a comment between key and value, a #-escaped
    name), when it is about to decode the stream; an image, never decoded, is not refused."""
    data = pdf_object_stream_bomb(tmp_path / "packed.pdf", 0).read_bytes()
    data = data.replace(b"/Type /XRef", b"/Type /XRef /DecodeParms << /Predictor 12 " + columns + b" >>", 1)
    path = tmp_path / "predictor.pdf"
    path.write_bytes(data)
    one_line_failure(run_cli("extract", str(path), "-f", "json"), path,
                     "a stream's predictor has 3,000,000,000 columns (/DecodeParms /Columns), more than 100,000")
    image = tmp_path / "image.pdf"
    image.write_bytes(raw_pdf(_with_image(30_000)).replace(
        b"/BitsPerComponent 8 /Length", b"/BitsPerComponent 8 /DecodeParms << /Predictor 12 /Columns 3000000000 >> /Length"))
    assert [block.text for block in read(image).blocks] == ["Resolution 71 and SDG 9.1"]


def test_a_cross_reference_table_of_more_lines_than_pdfminer_may_hold_is_rebuilt_instead(monkeypatch, tmp_path):
    """Found by a red team: a valid 183 MB PDF whose cross-reference table lists 4 million objects
    took 1.2 GB (some 300 bytes an entry in pdfminer's dictionary). Past XREF_LINES (1,000,000)
    lines pdfminer takes the table for none and rebuilds it from the objects (bounded in turn)."""
    from actionplan_trace.extract import pdf_streams

    path = tmp_path / "listed.pdf"
    path.write_bytes(_page_with(b"", pages=60))  # 123 objects, a line each in the table
    monkeypatch.setattr(pdf_streams, "XREF_LINES", 100)  # the table is taken for none: pdfminer rebuilds it
    assert pdf_streams.open_document(path.read_bytes()).xrefs[0].__class__.__name__ == "PDFXRefFallback"
    monkeypatch.setattr(pdf_streams, "XREF_LINES", 200)
    assert pdf_streams.open_document(path.read_bytes()).xrefs[0].__class__.__name__ == "PDFXRef"
    assert "Paragraph 59 on Resolution 71" in " ".join(block.text for block in read(path).blocks)


@pytest.mark.parametrize("markup", [
    "<!-- <x a=' --><p t='>' {tag}>x</p>",  # a quote in a comment opens no value
    "<a title='<!--'>x</a><p {tag}>y</p>",  # a comment's opening in a value opens no comment
    "<script>if (a<b) {{ c(); }}</script><p {tag}>y</p>",
    "<script>if (a<b {tag}) {{}}</script><p>y</p>",  # a script's "<" opens no tag
    "<STYLE>p<x {tag}</STYLE ><p>y</p>",
    "<textarea><p {tag}></textarea><p>y</p>",
    "<title><p {tag}></title><p>y</p>",
    "<noscript><p {tag}>y</p></noscript>",  # libxml2 reads a noscript's tags
    "<template><p {tag}>y</p></template>",
    "<!-- <p {tag}> --><p>y</p>",
    "<!-- x --!><p {tag}>y</p>",
    "<!--><p {tag}>y</p>",
    "<![CDATA[ <p ]]><p {tag}>y</p>",
    "<?php <p {tag}> ?><p>y</p>",
    "<!DOCTYPE html><p {tag}>y</p>",
])
def test_the_attributes_of_an_element_are_counted_where_libxml2_makes_one(markup: str) -> None:
    """Found in review: tags in a script, a style or a comment were counted as elements (`a<b`
    refused a page libxml2 reads), and a quote or comment opening written where the tokenizer
    reads none could hide a real element. too_many_attributes says no more and no less than the
    elements libxml2 makes hold."""
    import lxml.html

    from actionplan_trace.extract.xmlsafe import too_many_attributes

    page = "<html><body>" + markup.format(tag=" ".join(f"a{k}" for k in range(60))) + "</body></html>"
    root = lxml.html.document_fromstring(page.encode(), lxml.html.HTMLParser(encoding="utf-8"))
    most_made = max(len(element.attrib) for element in root.iter())
    assert (too_many_attributes(page, "the page", most=50) is not None) == (most_made > 50), page[:120]


def _with_image(size: int) -> list[bytes]:
    """A one-page PDF's objects, the page drawing an uncompressed image of `size` bytes of pixels."""
    side = int((size / 3) ** 0.5)
    pixels = bytes(range(256)) * (side * side * 3 // 256 + 1)
    image = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8"
             b" /Length %d >>\nstream\n%s\nendstream" % (side, side, side * side * 3, pixels[:side * side * 3]))
    text = PDF_TEXT + b"q 200 0 0 140 50 500 cm /Im1 Do Q\n"
    return [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>", PDF_FONT,
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >>"
            b" /XObject << /Im1 6 0 R >> >> >>", image]


@pytest.mark.parametrize("fault", ["table", "length"])
def test_a_stream_pdfminer_reads_line_by_line_is_no_syntax(tmp_path, fault) -> None:
    """Found in review: where pdfminer rebuilds a broken cross-reference table, or a stream's
    /Length is short, it reads the stream's data line by line, and a 1.5 MB image was counted as
    1.5 MB of PDF syntax, refusing a PDF that reads. A stream's data counts for nothing."""
    data = raw_pdf(_with_image(1_500_000))
    if fault == "table":
        data = data[:data.rfind(b"startxref")] + b"startxref\n999999999\n%%EOF\n"
    else:
        data = data.replace(b"/Length 1", b"/Length 1", 1)
        at = data.index(b"/BitsPerComponent 8 /Length ") + len(b"/BitsPerComponent 8 /Length ")
        data = data[:at] + b"100" + data[data.index(b" >>", at):]
    path = tmp_path / f"{fault}.pdf"
    path.write_bytes(data)
    assert [block.text for block in read(path).blocks] == ["Resolution 71 and SDG 9.1"]


def test_a_rebuilt_table_counts_objects_not_the_moves_among_them(monkeypatch, tmp_path) -> None:
    """Found in review: the rebuild's bound counted the parser's moves, four for a stream, so a PDF
    of 30,000 small streams and no table was refused as more than 100,000 objects."""
    from actionplan_trace.extract import pdf_streams

    body = _page_with(b"")
    body = body[:body.index(b"xref\n")]
    path = tmp_path / "streams.pdf"
    path.write_bytes(body + b"".join(b"%d 0 obj\n<< /Length 2 >>\nstream\nab\nendstream\nendobj\n" % k
                                     for k in range(6, 606)) + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")
    monkeypatch.setattr(pdf_streams, "FALLBACK_OBJECTS", 1_000)
    assert "Paragraph 0 on Resolution 71" in read(path).blocks[0].text


@pytest.mark.parametrize("where", ["trailer", "no table", "object stream header"])
def test_syntax_pdfminer_parses_outside_an_object_is_bounded_too(monkeypatch, tmp_path, where) -> None:
    """Found in review: the trailer, the objects of a rebuilt table and an object stream's header
    were parsed with no budget (2 million numbers in the trailer: 35 s; 7 million header pairs in a
    28 KB file: 79 s)."""
    numbers = b" /Junk [" + b"0 " * 150_000 + b"]"  # 300 KB
    if where == "trailer":
        data = _page_with(b"").replace(b"trailer\n<< /Size", b"trailer\n<<" + numbers + b" /Size", 1)
    elif where == "no table":
        data = _page_with(numbers)
        data = data[:data.index(b"xref\n")] + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    else:
        data = pdf_object_stream_bomb(tmp_path / "packed.pdf", 0, pairs=250_000).read_bytes()  # 1 MB of pairs
    path = tmp_path / f"{where}.pdf"
    path.write_bytes(data)
    monkeypatch.setenv("TRACE_MAX_PDF_PAGE_MB", "0.4")  # 100 KB an object, 800 KB together
    with pytest.raises(LimitError, match=r"(an object of the PDF runs|object 5 of the PDF runs|the PDF's objects run) to"
                                         r" more than 0\.\d0 MB of PDF syntax"):
        read(path)


def test_a_docx_is_refused_as_it_is_read_where_structure_would_refuse_it_and_no_sooner(monkeypatch, tmp_path) -> None:
    """Found in review: the reader counted the cells of tables nested in cells with the body's,
    which structure does not count (they are flattened into their cell's lines), and refused a
    document structure reads. What cells hold is counted apart, against --max-text-lines."""
    from actionplan_trace.model import RawDocument
    from actionplan_trace.structure import _check_blocks

    nested = "<w:tbl><w:tr>" + "<w:tc><w:p><w:r><w:t>n</w:t></w:r></w:p></w:tc>" * 50 + "</w:tr></w:tbl>"
    table = f"<w:tbl><w:tr><w:tc>{nested}<w:p/></w:tc></w:tr></w:tbl>"
    body = "".join(f"<w:p><w:r><w:t>Paragraph {k}</w:t></w:r></w:p>" for k in range(140)) + table * 20
    path = docx_of(tmp_path / "nested.docx", _body(body))
    raw = read(path)
    count = len(raw.blocks) + sum(len(row) for block in raw.blocks if block.rows for row in block.rows)
    assert count == 140 + 20 * 2  # each table a block and one cell; its nested cells are lines of that cell
    monkeypatch.setenv("TRACE_MAX_BLOCKS", str(count))
    _check_blocks(RawDocument(raw.source, raw.blocks), count)
    assert len(read(path).blocks) == 160
    monkeypatch.setenv("TRACE_MAX_BLOCKS", str(count - 1))
    with pytest.raises(LimitError, match=f"more than {count - 1} paragraphs and table cells"):
        read(path)
    monkeypatch.delenv("TRACE_MAX_BLOCKS")
    monkeypatch.setenv("TRACE_MAX_TEXT_LINES", "1500")  # the nested cells and their paragraphs are lines
    with pytest.raises(LimitError, match="more than 1,500 paragraphs and cells in its cells, notes and text boxes"):
        read(path)


def test_an_html_element_behind_a_reference_libxml2_never_sees_is_counted(tmp_path) -> None:
    """Found by a red team: `<&shy;p a0 a1 …>` is no tag, but the reader takes soft hyphens out
    before libxml2 parses the page, which then held a `<p>` of 300,000 attributes: the page is
    looked over as libxml2 gets it."""
    page = tmp_path / "shy.html"
    page.write_text("<html><body><&shy;p " + " ".join(f"a{k}" for k in range(3_000)) + ">x</p></body></html>",
                    encoding="utf-8")
    one_line_failure(run_cli("extract", str(page), "-f", "json"), page, "an element of 3,000 attributes")


def test_paragraphs_in_notes_cells_and_text_boxes_are_counted_as_they_are_read(monkeypatch, tmp_path) -> None:
    """Found by a red team: a footnote and an endnote of 680,000 paragraphs each took 1.1 GB; each
    note is one block, so the block limit never saw them. What a cell, note or text box holds is
    counted as it is read, against --max-text-lines (it becomes lines of the cell or note)."""
    import zipfile

    from hostilegen import CONTENT_TYPES, RELS

    document = _body('<w:p><w:r><w:t>Text</w:t><w:footnoteReference w:id="1"/></w:r></w:p>')
    notes = (f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:id="1">'
             + "<w:p><w:r><w:t>note line</w:t></w:r></w:p>" * 3_000 + "</w:footnote></w:footnotes>")
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="f"'
            ' Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
            '</Relationships>')
    path = tmp_path / "notes.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/_rels/document.xml.rels", rels), ("word/document.xml", document),
                           ("word/footnotes.xml", notes)):
            package.writestr(name, text)
    monkeypatch.setenv("TRACE_MAX_TEXT_LINES", "2000")
    with pytest.raises(LimitError, match="more than 2,000 paragraphs and cells in its cells, notes and text boxes"):
        read(path)
    monkeypatch.setenv("TRACE_MAX_TEXT_LINES", "3000")
    assert read(path).footnotes[0].text.count("note line") == 3_000


def test_a_docx_of_more_xml_tags_than_its_size_limit_allows_is_refused_before_it_is_parsed(monkeypatch, tmp_path) -> None:
    """16 MB of `<w:p/>` in two parts (under --max-docx-mb) took 820 MB and 18 s: lxml makes a node
    of each. The parts read may hold one tag every 8 bytes of the limit."""
    path = docx_of(tmp_path / "tags.docx", _body("<w:p/>" * 20_000))
    monkeypatch.setenv("TRACE_MAX_DOCX_MB", "0.15")  # 18,750 tags
    with pytest.raises(LimitError, match=r"the parts read hold more than 18,750 XML tags \(at word/document.xml\), one"
                                         r" every 8 bytes of the limit, over the limit of 0.15 MB"):
        read(path)
    monkeypatch.setenv("TRACE_MAX_DOCX_MB", "0.2")  # 25,000 tags
    assert read(path).blocks == []


def test_a_line_pdfminer_reads_is_bounded_and_startxref_is_looked_for_at_the_end(monkeypatch, tmp_path) -> None:
    """Found by a red team: a PDF with no `startxref` and one 60 MB line ran past 90 s: pdfminer
    read the file backward whole for `startxref`, then line by line to rebuild its table, joining
    each line's pieces one by one. It looks in the last XREF_TAIL bytes, and a line runs to
    MAX_LINE at most."""
    from actionplan_trace.extract import pdf_streams

    data = _page_with(b"")
    data = data[:data.index(b"xref\n")] + b"%" + b"x" * 300_000 + b"\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    path = tmp_path / "line.pdf"
    path.write_bytes(data)
    monkeypatch.setattr(pdf_streams, "MAX_LINE", 100_000)
    monkeypatch.setattr(pdf_streams, "XREF_TAIL", 50_000)
    with pytest.raises(InputError, match="a line of the PDF runs past"):
        read(path)
    monkeypatch.setattr(pdf_streams, "MAX_LINE", 400_000)
    assert "Paragraph 0 on Resolution 71" in read(path).blocks[0].text


def test_a_registry_file_over_its_size_limit_is_one_line(monkeypatch, tmp_path) -> None:
    """Found by a red team: a --registry file of 67 MB took 1.4 GB in PyYAML. A rules or registry
    file is read up to MAX_RULES_BYTES (16 MB)."""
    from actionplan_trace import rulefiles
    from actionplan_trace.errors import ProfileError

    registry = tmp_path / "big.yml"
    registry.write_text("resolutions: {}\n" + "# padding\n" * 120_000, encoding="utf-8")  # 1.2 MB
    monkeypatch.setattr(rulefiles, "MAX_RULES_BYTES", 1_000_000)
    with pytest.raises(ProfileError, match=r"big\.yml: cannot read registry file: larger than 1 MB$"):
        rulefiles.read_rules_bytes(registry, "registry file")
    monkeypatch.setattr(rulefiles, "MAX_RULES_BYTES", 2_000_000)
    assert rulefiles.read_rules_bytes(registry, "registry file").startswith(b"resolutions")


def test_an_object_stream_a_rebuilt_table_parses_whole_counts_against_the_syntax_budget(monkeypatch, tmp_path) -> None:
    """Found by a red team: with no cross-reference table, pdfminer parses every object stream it
    finds whole (30 MB of `[]` took 80 s): each counts, whole, against all objects' budget, and
    past it pdfminer gives the rebuild up."""
    data = pdf_object_stream_bomb(tmp_path / "packed.pdf", 300_000, unit=b"[] ").read_bytes()
    path = tmp_path / "rebuilt.pdf"
    path.write_bytes(data[:data.rfind(b"startxref")] + b"startxref\n999999999\n%%EOF\n")
    from actionplan_trace.extract import pdf_streams

    assert pdf_streams.open_document(path.read_bytes(), caps=(25_000, 200_000)) is None  # given up
    monkeypatch.setenv("TRACE_MAX_PDF_PAGE_MB", "0.1")  # 200 KB for all objects: PDFium reads it unmeasured
    assert [block.text for block in read(path).blocks] == ["Resolution 71 and SDG 9.1"]


def test_include_and_exclude_patterns_match_as_fnmatch_matches_them() -> None:
    """Found by a red team: 60,000 patterns were each compiled again for every file (over 90 s);
    they are one regex now, which matches what fnmatch matches, a folder's files included."""
    import fnmatch

    from actionplan_trace.validate.check import _matches

    patterns = ["*.docx", "drafts/", "a/b/*.pdf", "[ab]*.txt", "x?y.md", "deep/**/f.txt", "lit[.]docx"]
    names = ["p.docx", "drafts/x.pdf", "drafts", "a/b/c.pdf", "a/b/c/d.pdf", "a.txt", "c.txt", "xay.md", "xy.md",
             "deep/q/f.txt", "lit.docx", "litx.docx", "sub/p.docx"]
    for name in names:
        expected = any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(name, p.rstrip("/") + "/*") for p in patterns)
        assert _matches(name, patterns) == expected, name
    assert not _matches("p.docx", [])


def test_include_and_exclude_patterns_match_as_fnmatch_matches_them_on_windows(monkeypatch) -> None:
    """Found in review: the one regex matched case and `/` as fnmatch does on Linux; on Windows
    fnmatch takes both name and pattern in the platform's case (os.path.normcase): "Drafts/*.DOCX"
    matches drafts/p.docx, and `\\` is `/`."""
    import fnmatch
    import ntpath

    from actionplan_trace.validate.check import _matches

    monkeypatch.setattr(os.path, "normcase", ntpath.normcase)
    patterns = ["Drafts/*.DOCX", "Old/", "A/B/*.pdf", "[AB]*.TXT", "sub\\*.md"]
    names = ["drafts/p.docx", "DRAFTS/q.Docx", "old/x.pdf", "a/b/c.pdf", "b.txt", "sub/n.md", "c.txt", "drafts.docx"]
    for name in names:
        expected = any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(name, p.rstrip("/") + "/*") for p in patterns)
        assert _matches(name, patterns) == expected, name
    assert [name for name in names if _matches(name, patterns)] == names[:6]


@pytest.mark.parametrize("reached", ["by no page", "by the page", "hiding the font"])
def test_a_rebuilt_table_passes_over_an_object_too_large_to_parse_unless_the_pages_reach_it(
        monkeypatch, tmp_path, reached) -> None:
    """Found in review: a 490-page tagged PDF whose `startxref` was off was refused, as pdfminer,
    rebuilding its table, parsed every object, the structure tree's 2.5 MB array too, which no page
    uses (the same file with its table read). An object over its budget is passed over in a
    rebuild; the pages' measure refuses it still where it reaches it, or reaches an object the
    table lacks, which an object stream passed over may hold."""
    numbers = b"[" + b"0 " * 60_000 + b"]"  # 120 KB, over one object's 100 KB
    if reached == "hiding the font":
        data = pdf_object_stream_bomb(tmp_path / "packed.pdf", 0).read_bytes()
        data = data.replace(b"/Type /ObjStm", b"/Junk " + numbers + b" /Type /ObjStm", 1)
        data = data[:data.rfind(b"startxref")]
    else:
        data = _page_with(b"")
        if reached == "by the page":  # its font
            data = data.replace(b"/F1 3 0 R", b"/F1 6 0 R")
        data = data[:data.index(b"xref\n")] + b"6 0 obj\n" + PDF_FONT[:-2] + b"/Widths " + numbers + b" >>\nendobj\n"
    path = tmp_path / "rebuilt.pdf"
    path.write_bytes(data + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")
    monkeypatch.setenv("TRACE_MAX_PDF_PAGE_MB", "0.4")  # 100 KB an object, 800 KB together
    if reached == "by no page":
        assert [block.text for block in read(path).blocks] == ["Paragraph 0 on Resolution 71 and SDG 9.1"]
    else:
        with pytest.raises(LimitError, match=rf"object {7 if reached == 'hiding the font' else 6} of the PDF runs to more"
                                             r" than 0\.10 MB of PDF syntax"):
            read(path)
