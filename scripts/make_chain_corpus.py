"""Build the planning-chain corpus: the Strategic Plan 2012-2015 (seed 003) and the report on the
2020-2023 plan (seed 004, Council document C20/35) as .docx in two formattings (Word Heading
styles; bold Normal paragraphs with typed numbers) and as PDF, and a generated Strategic Plan of
a later edition (2024-2027, goals 1-5 with numbered targets). The PDFs need LibreOffice
(`soffice`); the outputs are committed and tests never need the seeds or LibreOffice.

    python scripts/make_chain_corpus.py [--seeds DIR] [--out corpus] [--no-pdf]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus.chain import later_plan, report, strategic_plan, write_docx  # noqa: E402


def seed(seeds: Path, prefix: str) -> str:
    return next(seeds.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def to_pdf(docx: Path, out: Path) -> None:
    """LibreOffice export of `docx` to `out` (same stem)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "pdf", "--outdir", tmp, str(docx)], check=True, capture_output=True)
        shutil.move(str(Path(tmp) / f"{docx.stem}.pdf"), out)
    print(f"wrote {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--out", type=Path, default=ROOT / "corpus")
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args(argv)
    sp, rep = seed(args.seeds, "003"), seed(args.seeds, "004")
    files = {
        "strategic-plan-2012.docx": (strategic_plan(sp), True, "Strategic plan for the Union for 2012-2015"),
        "strategic-plan-2012-bold.docx": (strategic_plan(sp), False, "Strategic plan for the Union for 2012-2015"),
        "strategic-plan-2024.docx": (later_plan(), True, "Strategic plan for the Union for 2024-2027"),
        "report-c20-35.docx": (report(rep, headings=True), True, "Report on the implementation of the Strategic Plan"),
        "report-c20-35-bold.docx": (report(rep, headings=False), False, "Report on the implementation of the Strategic Plan"),
    }
    for name, (blocks, headings, title) in files.items():
        path = args.out / name
        write_docx(blocks, path, headings=headings, title=title)
        print(f"wrote {path}")
    if not args.no_pdf:
        for stem in ("strategic-plan-2012", "report-c20-35"):
            to_pdf(args.out / f"{stem}.docx", args.out / f"{stem}.pdf")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
