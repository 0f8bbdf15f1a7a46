"""Write text renderings of corpus .docx files with six writers, into corpus/text/renderings/.

- pandoc's plain writer (`-t plain`, its default 72-column wrapping: hard-wrapped paragraphs,
  grid and dashed tables, notes as `[1]` at the end);
- pandoc's Markdown writer (`-t markdown --wrap=none`, and one file with default wrapping):
  `#` headings, `**bold**`, escapes, `--` dashes, grid tables, `[^1]` notes;
- pandoc's HTML writer (`-t html5 --standalone`): a whole page, lists as `<ul>`/`<ol>`, tables,
  notes linked both ways at its end;
- pandoc's gfm and commonmark writers (.md files): tables it cannot write with pipes as HTML
  blocks, notes as `[^1]` or as plain "[1]" marks and notes at the end;
- this script's own writer in the manner of Word's "Save as plain text": one line per paragraph,
  list labels and bullets before a tab, table cells on tab-led lines (a blank line after the
  header row and after each row), notes after a line of underscores.

The outputs are committed; tests compare each one's section tree with the .docx's and never need
pandoc. Run by hand after the corpus changes:

    .venv/bin/python scripts/make_text_renderings.py [--out corpus/text/renderings]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from actionplan_trace.extract import read  # noqa: E402
from actionplan_trace.model import Block  # noqa: E402

SOURCES = ["objective2-old", "objective2-new", "action-plan-ba", "action-plan-ba-bold"]
# (suffix, pandoc arguments); the .txt suffix is deliberate: Markdown must be sniffed by content.
PANDOC = [
    ("pandoc-plain.txt", ["-t", "plain"]),
    ("pandoc-md.txt", ["-t", "markdown", "--wrap=none"]),
    # A standalone HTML5 page: notes in a <section class="footnotes">, non-breaking hyphens as U+2011.
    ("pandoc-html.html", ["-t", "html5", "--standalone", "--metadata", "pagetitle=Rendering"]),
    # GitHub's and CommonMark's Markdown: a table with lists in its cells as an HTML block; notes as
    # `[^1]` (gfm) or as "[1]" marks with "[1] text" at the end (commonmark).
    ("pandoc-gfm.md", ["-t", "gfm"]),
    ("pandoc-commonmark.md", ["-t", "commonmark"]),
]
PANDOC_WRAPPED_MD = ("action-plan-ba-bold", "pandoc-md-wrapped.txt", ["-t", "markdown"])


def _cell_lines(paragraphs: list[str]) -> list[str]:
    if not paragraphs:
        return ["\t"]
    return [f"\t{paragraphs[0]}", *paragraphs[1:]]


def word_style_text(path: Path) -> str:
    """The document as Word's "Save as plain text" lays it out (see the module docstring)."""
    raw = read(path)
    out: list[str] = []
    for block in raw.blocks:
        out.extend(_block_lines(block))
    if raw.footnotes:
        out.append("________________")
        out.extend(f"[{note.label}] {note.text}" for note in raw.footnotes)
    return "\n".join(out) + "\n"


def _block_lines(block: Block) -> list[str]:
    if block.type == "table":
        lines: list[str] = []
        for row in block.rows or []:
            for cell in row:
                lines.extend(_cell_lines([p for p in (cell.paragraphs or [cell.text]) if p.strip()]))
            lines.append("")
        return lines
    if block.label:
        return [f"{block.label}\t{block.text}"]
    return [block.text]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "corpus" / "text" / "renderings")
    args = parser.parse_args()
    if shutil.which("pandoc") is None:
        print("pandoc is needed (apt-get install pandoc)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    corpus = ROOT / "corpus"
    jobs = [(name, suffix, options) for name in SOURCES for suffix, options in PANDOC] + [PANDOC_WRAPPED_MD]
    for name, suffix, options in jobs:
        target = args.out / f"{name}.{suffix}"
        subprocess.run(["pandoc", str(corpus / f"{name}.docx"), *options, "-o", str(target)], check=True)
    for name in SOURCES:
        (args.out / f"{name}.word-text.txt").write_text(word_style_text(corpus / f"{name}.docx"), encoding="utf-8")
    print(f"wrote {len(jobs) + len(SOURCES)} renderings to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
