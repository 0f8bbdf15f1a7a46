"""PDF extraction speed: pages per second of read_pdf against a plain pdfplumber text pass.

For each corpus PDF, and for a 200-page PDF made here by repeating corpus pages with pypdfium2
(no LibreOffice needed), time `read_pdf` (blocks, tables, stitching, furniture) and pdfplumber's
`page.extract_text()` over every page, and print a table.

    python bench/pdf_bench.py [--pages 200]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from actionplan_trace.extract.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def make_long_pdf(sources: list[Path], pages: int, target: Path) -> None:
    """A `pages`-page PDF cycling through the pages of `sources`."""
    out = pdfium.PdfDocument.new()
    while len(out) < pages:
        for src in sources:
            doc = pdfium.PdfDocument(str(src))
            take = min(len(doc), pages - len(out))
            out.import_pages(doc, list(range(take)))
            doc.close()
            if len(out) >= pages:
                break
    out.save(str(target))
    out.close()


def timed(fn, path: Path) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn(path)
    return time.perf_counter() - start


def plumber_text(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()


def page_count(path: Path) -> int:
    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args(argv)
    files = sorted(CORPUS.glob("*.pdf"))
    if not files:
        print("pdf_bench: no corpus/*.pdf (run scripts/make_pdf_corpus.py)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        long_pdf = Path(tmp) / f"generated-{args.pages}-pages.pdf"
        make_long_pdf(files, args.pages, long_pdf)
        rows = []
        for path in [*files, long_pdf]:
            pages = page_count(path)
            ours = timed(read_pdf, path)
            plain = timed(plumber_text, path)
            rows.append((path.name, pages, ours, pages / ours, plain, pages / plain, plain / ours))
    header = ("file", "pages", "read_pdf s", "pages/s", "pdfplumber text s", "pages/s", "speed-up")
    print(f"{header[0]:<32} {header[1]:>5} {header[2]:>10} {header[3]:>8} {header[4]:>17} {header[5]:>8} {header[6]:>8}")
    for name, pages, ours, ours_rate, plain, plain_rate, ratio in rows:
        print(f"{name:<32} {pages:>5} {ours:>10.2f} {ours_rate:>8.1f} {plain:>17.2f} {plain_rate:>8.1f} {ratio:>7.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
