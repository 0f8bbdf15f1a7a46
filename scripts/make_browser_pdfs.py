"""Print pandoc's HTML renderings of corpus documents to PDF with headless Chromium, into
tests/fixtures/browser/: what a user gets from a browser's "Print > Save as PDF" of a web page.

A browser's print differs from a word processor's PDF in ways the PDF reader must take: table
cells centred vertically, rows parted by white space under a header ruled above and below (no
rule between rows, none at a page break), list bullets drawn as shapes (not glyphs), words set
apart by moving the pen (no space glyph), notes at the end of the page after an `<hr>`, and the
browser's own running header and footer (date, title, address, "1/13"). The variants change the
style sheet and the paper, so the reader is tested on more than one look:

- `objective2-old.pdf`: pandoc's own style sheet, Letter, no header or footer;
- `objective2-old.top-square-a4.pdf`: cells aligned at the top, square bullets, A4, with the
  browser's header and footer;
- `objective2-old.sans-circle-landscape.pdf`: a sans-serif 10 pt body, circle bullets, landscape;
- `objective2-new.pdf`: the later revision, whose bullets are typed text, not an HTML list;
- `action-plan-ba-bold.pdf`: the whole plan (typed bullets), pandoc's style sheet;
- `action-plan-ba.pdf`: the whole plan in Word heading styles, whose automatic clause numbers
  pandoc drops: its introduction's clauses are bold lines with no number, and its one note is
  printed on a page of its own after the rule that ends the page before;
- `objective2-old.narrow-columns.pdf`: tables at 62% of the text width, so that a word wider than
  its column is broken without a hyphen where the line ends (CSS `overflow-wrap: anywhere`).

The outputs are committed; tests/test_browser_pdfs.py compares each with its .docx and never needs
Chromium. Run by hand (needs Debian's chromium) after the renderings change:

    .venv/bin/python scripts/make_browser_pdfs.py [--out tests/fixtures/browser] [NAME ...]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RENDERINGS = ROOT / "corpus" / "text" / "renderings"

# (output name, source stem, extra CSS, keep the browser's header and footer)
VARIANTS = [
    ("objective2-old.pdf", "objective2-old", "", False),
    ("objective2-old.top-square-a4.pdf", "objective2-old",
     "td, th { vertical-align: top !important; } ul { list-style-type: square; } @page { size: A4; }", True),
    ("objective2-old.sans-circle-landscape.pdf", "objective2-old",
     "ul { list-style-type: circle; } body { font-family: sans-serif; font-size: 10pt; max-width: 50em; } "
     "@page { size: Letter landscape; }", False),
    ("objective2-new.pdf", "objective2-new", "", False),
    ("action-plan-ba-bold.pdf", "action-plan-ba-bold", "", False),
    ("action-plan-ba.pdf", "action-plan-ba", "", False),
    ("objective2-old.narrow-columns.pdf", "objective2-old",
     "table { width: 62% !important; } td, th { overflow-wrap: anywhere; }", False),
]


def print_pdf(chromium: str, html: Path, pdf: Path, profile: Path, header_footer: bool) -> None:
    """Print `html` to `pdf` with headless Chromium (a private profile, no network)."""
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
               f"--print-to-pdf={pdf}", html.as_uri()]
    if not header_footer:
        command.insert(-1, "--no-pdf-header-footer")
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "fixtures" / "browser")
    parser.add_argument("names", nargs="*", help="only these outputs (default: all)")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium not found (apt-get install chromium)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, stem, css, header_footer in VARIANTS:
            if args.names and name not in args.names:
                continue
            page = (RENDERINGS / f"{stem}.pandoc-html.html").read_text(encoding="utf-8")
            html = Path(tmp) / f"{stem}.html"
            html.write_text(page.replace("</head>", f"<style>{css}</style></head>", 1), encoding="utf-8")
            print_pdf(chromium, html, args.out / name, Path(tmp) / "profile", header_footer)
            print(f"wrote {args.out / name}")


if __name__ == "__main__":
    main()
