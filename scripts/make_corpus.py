"""Generate the .docx test corpus under corpus/ from the plain-text seeds.

Usage: python scripts/make_corpus.py [SEEDS_DIR] [--out corpus]

SEEDS_DIR defaults to ../shared/seeds relative to the repository root. The output is
deterministic (fixed zip timestamps and document dates), so re-running it rewrites
byte-identical files. corpus/README.md describes every file.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from docx import Document as open_docx
from lxml import etree

from corpus import additions, seed
from corpus.items import Item, item_view, plain
from corpus.ooxml import Numbering, Package, el, write_docx
from corpus.render import Writer, render_bold, render_headings, section_properties
from corpus.styles import base_styles, heading_numbering, heading_styles
from corpus.tracked import diff_items
from corpus.views import body_view

REPO = Path(__file__).resolve().parent.parent
CREATED = "2018-02-12T09:00:00Z"
COVER = (
    ("Telecommunication Development Advisory Group (TDAG)", "Document TDAG-18/xx-E"),
    ("Geneva, 2018", "Original: English"),
    ("SOURCE:", "China"),
    ("TITLE:", "Proposed additions to the ITU-D Action Plan for 2018-2021"),
)


@dataclass(frozen=True)
class Spec:
    """One corpus file: its items, formatting family and package metadata."""

    name: str
    title: str
    reference: str
    family: str
    items: list[Item]
    author: str = "ITU/BDT"
    modified: str = "2018-02-20T16:30:00Z"
    track: bool = False
    change_author: str = ""
    change_date: str = ""
    options: tuple[tuple[str, object], ...] = ()


def cover_item() -> Item:
    rows = [[[Item("para", plain(text))] for text in row] for row in COVER]
    return Item("cover", rows=rows)


def build_body(spec: Spec) -> tuple[list[etree._Element], Package]:
    """Render the spec's items; return the body elements and the package (styles, lists, notes)."""
    writer = Writer(spec.change_author, spec.change_date)
    if spec.family == "bold":
        body = render_bold(spec.items, writer, **dict(spec.options))
        styles, numbering, font = base_styles(24), Numbering(), "Times New Roman"
    else:
        autonum = spec.family == "autonum"
        numbering, lists = heading_numbering(autonum)
        restart: Callable[[], int] = lambda: numbering.add_num(lists.clause_abstract, {0: 1})
        body = render_headings(spec.items, writer, lists, restart, autonum=autonum)
        styles, font = base_styles(24) + heading_styles(lists), "Calibri"
    pkg = Package(title=spec.title, author=spec.author, created=CREATED, modified=spec.modified,
                  reference=spec.reference, font=font, size=24, styles=styles, numbering=numbering,
                  footnotes=writer.footnotes, track_revisions=spec.track)
    return body, pkg


def write(spec: Spec, out: Path) -> Path:
    body, pkg = build_body(spec)
    path = out / spec.name
    write_docx(path, el("body", None, *body, section_properties()), pkg)
    return path


def check_views(tracked: Spec, accepted: list[Item], original: list[Item]) -> None:
    """The tracked file must read as `accepted` / `original` when changes are accepted / rejected."""
    body, _ = build_body(tracked)
    for view, items in (("accepted", accepted), ("original", original)):
        plain_spec = Spec(tracked.name, tracked.title, tracked.reference, tracked.family, items)
        expected = body_view(build_body(plain_spec)[0], view)
        got = body_view(body, view)
        if got != expected:
            first = next(k for k, (g, e) in enumerate(zip(got + [""], expected + [""])) if g != e)
            raise SystemExit(f"{tracked.name}: {view} view differs at paragraph {first}: "
                             f"{got[first:first + 1]} != {expected[first:first + 1]}")


def specs(seeds: Path) -> tuple[list[Spec], list[tuple[Spec, list[Item], list[Item]]]]:
    """All corpus files, plus (tracked spec, accepted items, original items) to self-check."""
    preamble, marked = seed.contribution(seeds)
    additions.mark_additions(marked)
    base = item_view(marked, "original")
    proposed = item_view(marked, "accepted")
    old2 = seed.objective_slice(base, "2")
    new2 = seed.later_objective2(seeds)
    tracked2 = diff_items(old2, new2)
    front = [cover_item()] + preamble
    contribution = Spec("contribution-tdag.docx", "Proposed additions to the ITU-D Action Plan for 2018-2021",
                        "TDAG-18/xx-E", "headings", front + marked, author="China", modified="2018-03-20T11:00:00Z",
                        track=True, change_author=additions.AUTHOR, change_date=additions.DATE)
    obj2_tracked = Spec("objective2-tracked.docx", "ITU-D Action Plan – Objective 2 (revision marks)",
                        "TDAG-19/xx-E", "headings", tracked2, modified="2019-02-01T10:00:00Z", track=True,
                        change_author="BDT Secretariat", change_date="2019-02-01T09:00:00Z")
    files = [
        Spec("action-plan-ba.docx", "Buenos Aires Action Plan", "WTDC-17 – Buenos Aires Action Plan", "headings", base),
        Spec("action-plan-ba-bold.docx", "Buenos Aires Action Plan", "WTDC-17 – Buenos Aires Action Plan", "bold",
             base, options=(("sub_sep", ". "), ("output_inline", False), ("bullet", "•"))),
        Spec("objective2-old.docx", "Buenos Aires Action Plan – Objective 2", "WTDC-17 – Buenos Aires Action Plan",
             "headings", old2),
        Spec("objective2-new.docx", "ITU-D Action Plan – Objective 2 (revised)", "TDAG-19/xx-E", "bold", new2,
             modified="2019-01-28T15:00:00Z",
             options=(("sub_sep", "\t"), ("output_inline", True), ("bullet", None))),
        Spec("objective2-new-autonum.docx", "ITU-D Action Plan – Objective 2 (revised)", "TDAG-19/xx-E", "autonum",
             new2, modified="2019-01-28T15:00:00Z"),
        contribution,
        obj2_tracked,
    ]
    checks = [(contribution, front + proposed, front + base), (obj2_tracked, new2, old2)]
    return sorted(files, key=lambda s: s.name), checks


def summary(path: Path) -> str:
    """Paragraph/table/word counts as python-docx sees them (it ignores text inside w:ins)."""
    doc = open_docx(str(path))
    words = sum(len(p.text.split()) for p in doc.paragraphs)
    words += sum(len(c.text.split()) for t in doc.tables for row in t.rows for c in row.cells)
    return (f"{path.name:32} {path.stat().st_size:7d} B  {len(doc.paragraphs):4d} paragraphs  "
            f"{len(doc.tables):3d} tables  {words:6d} words")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?", type=Path, default=REPO.parent / "shared" / "seeds")
    parser.add_argument("--out", type=Path, default=REPO / "corpus")
    args = parser.parse_args(argv)
    try:
        files, checks = specs(args.seeds)
    except (seed.SeedError, OSError) as exc:
        print(f"make_corpus: {exc}", file=sys.stderr)
        return 2
    for tracked, accepted, original in checks:
        check_views(tracked, accepted, original)
    for spec in files:
        print(summary(write(spec, args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
