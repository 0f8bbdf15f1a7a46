"""Speed as ratios against floors measured in the same run (issue #11), each a real process:

- `trace extract` of a whole plan .docx against a bare lxml parse of that file's document.xml
  (target: at most 2.5x), for the plan the reader was tuned on, for plans it was not, and for
  the plan's body repeated two and four times (the ratio grows with a document's length);
- `trace refs` on 1 MB documents, in MB of text per second end to end (target: at least 5 MB/s),
  and on two texts that repeat nothing: the seed documents each once (0.49 MB), and 1 MB of them
  with every number shifted per copy (`shifted_copies`); beside each, the floor of such a
  run (REFS_FLOOR: the same start-up, then only decode, a Block per line and the trigger test),
  which shows how much of the 0.2 s that 5 MB/s allows is left for structure, grammar and resolver,
  and for the two texts that repeat nothing (read in more than one process where there are CPUs
  for it), their rate in one process (TRACE_JOBS=1);
- then what dominates: the fixed start-up (interpreter, typer, the package's imports and the
  command line built), and the in-process stages of the work.

The package's bytecode is compiled first, as `pip install` does, so a checkout whose .pyc files
are missing or stale (PYTHONDONTWRITEBYTECODE) is not timed compiling its own source. Each
figure is the best of several runs, floors and commands interleaved so that a busy machine
slows both alike.
"""

from __future__ import annotations

import compileall
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "actionplan_trace"
PLAN = ROOT / "corpus" / "action-plan-ba.docx"
HELD_OUT = [ROOT / "corpus" / name for name in
            ("strategic-plan-2012.docx", "strategic-plan-2024.docx", "report-c20-35.docx", "action-plan-ba-bold.docx")]
# The whole plan in hand-written OOXML with Word's quirks (split runs, fields, a TOC, bold Normal
# objectives: scripts/make_independent_fixtures.py), XML the corpus generator never writes.
HELD_OUT.append(ROOT / "tests" / "fixtures" / "independent" / "action-plan-word-quirks.docx")
PLAN_TEXT = ROOT / "corpus" / "text" / "action-plan-ba-amended.txt"
RENDERINGS = ROOT / "corpus" / "text" / "renderings"
SEEDS = ROOT.parent / "shared" / "seeds"  # plain-text renderings of the real documents, when present
TRACE = [sys.executable, "-m", "actionplan_trace.cli"]
sys.path.insert(0, str(ROOT / "bench"))

from generate import long_docx  # noqa: E402  # the plan's body repeated, ids renumbered
DENSE = ("see PP Resolution 71, ", "WTDC Res. 45 (Rev. Dubai, 2014) and ", "SDG 9 (targets 9.1, 9.c); ",
         "WSIS Action Line C5, ", "ITU-D SG 2 Question 3 ", "Regional Initiative AFR3; ")
# What an extract run does before reading its file: the imports (`trace extract FILE -f json` is
# read without typer: cli.plain_command).
START_UP = ("import zipfile, lxml.etree, actionplan_trace.cli, actionplan_trace.extract.docx, "
            "actionplan_trace.structure, actionplan_trace.render.extract")
# The floor of a refs run on a text file: the same imports (`trace refs FILE -f json` is read
# without typer: cli.plain_command), then the least any reading of it must do, in the package's own
# terms: decode, one Block per non-blank line, and the trigger test (which anchor words a line
# holds) on each. No structure, grammar or resolver.
REFS_FLOOR = ("import sys, actionplan_trace.cli as cli; "
              "from actionplan_trace.model import Block, Loc; "
              "from actionplan_trace.refs import load_registry; "
              "from actionplan_trace.refs.grammar import triggers; "
              "regions = load_registry().regions; "
              "text = open(sys.argv[1], 'rb').read().decode('utf-8'); "
              "blocks = [Block('paragraph', s, Loc(paragraph=i, line=i + 1)) "
              "for i, line in enumerate(text.splitlines()) if (s := line.strip())]; "
              "hits = sum(1 for b in blocks if triggers(b.text, regions, b.text.lower()))")


def floor(docx: Path) -> list[str]:
    """The floor process for `docx`: Python, lxml and a bare parse of its document.xml."""
    return [sys.executable, "-c", "import zipfile, lxml.etree as e; "
            f"e.fromstring(zipfile.ZipFile({str(docx)!r}).read('word/document.xml'), "
            "e.XMLParser(resolve_entities=False, no_network=True))"]


def best(commands: list[list[str]], repeat: int = 7) -> list[float]:
    """Best-of-`repeat` wall seconds of each process (output discarded), run interleaved;
    each must exit 0 or 1."""
    times = [float("inf")] * len(commands)
    for _ in range(repeat):
        for k, command in enumerate(commands):
            start = time.perf_counter()
            result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
            times[k] = min(times[k], time.perf_counter() - start)
            if result.returncode not in (0, 1):
                raise RuntimeError(f"{' '.join(command)}: {result.stderr.decode(errors='replace').strip()}")
    return times


def one_megabyte(path: Path, make: Callable[[], str]) -> Path:
    """A 1 MB (10^6 characters) text file made by repeating `make()`."""
    unit = make()
    path.write_text((unit * (1_000_000 // len(unit) + 1))[:1_000_000], encoding="utf-8")
    return path


def shifted_copies(unit: str, size: int) -> str:
    """`unit` followed by copies of itself, each with every number raised by 7 more than the
    last, up to `size` characters: a text as long as a repeated one in which no paragraph with a
    number recurs, so that the reading of a recurring text is never reused (refs.document)."""
    copies = [unit]
    while sum(len(c) + 2 for c in copies) < size:
        shift = 7 * len(copies)
        copies.append(re.sub(r"\d+", lambda m: str(int(m.group()) + shift), unit))
    return "\n\n".join(copies)


def import_costs(args: list[str]) -> list[tuple[str, float]]:
    """Import time by top-level package (self time summed, ms) of one run, largest first."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "actionplan_trace.cli", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    totals: dict[str, float] = defaultdict(float)
    for line in result.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
        if m:
            totals[m.group(2).split(".")[0]] += int(m.group(1)) / 1000
    return sorted(totals.items(), key=lambda kv: -kv[1])


def extract_split(path: Path) -> list[tuple[str, float]]:
    """In-process seconds of each stage of `trace extract -f json` (imports done beforehand)."""
    from actionplan_trace.extract import read
    from actionplan_trace.profiles import detect_profile
    from actionplan_trace.render.extract import to_json
    from actionplan_trace.structure import build

    stages: dict[str, float] = defaultdict(lambda: float("inf"))
    for _ in range(5):
        start = time.perf_counter()
        raw = read(path)
        read_done = time.perf_counter()
        profile = detect_profile(b.text for b in raw.blocks)
        detect_done = time.perf_counter()
        doc = build(raw, profile)
        build_done = time.perf_counter()
        to_json(doc)
        end = time.perf_counter()
        for name, seconds in (("read", read_done - start), ("detect profile", detect_done - read_done),
                              ("structure", build_done - detect_done), ("JSON", end - build_done)):
            stages[name] = min(stages[name], seconds)
    return list(stages.items())


def refs_split(path: Path) -> list[tuple[str, float]]:
    """In-process seconds of each stage of `trace refs` on `path` (imports done beforehand)."""
    from actionplan_trace.loader import load
    from actionplan_trace.refs import document_refs, load_registry
    from actionplan_trace.render.refs import to_json

    registry = load_registry()
    load(path)
    stages = []
    start = time.perf_counter()
    doc = load(path)
    stages.append(("load (extract + structure)", time.perf_counter() - start))
    start = time.perf_counter()
    report = document_refs(doc, registry)
    stages.append(("document_refs (editions, grammar, resolve)", time.perf_counter() - start))
    start = time.perf_counter()
    to_json(report)
    stages.append(("JSON", time.perf_counter() - start))
    return stages


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def run() -> list[tuple[str, str]]:
    compileall.compile_dir(str(PACKAGE), quiet=1)
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        one_line = Path(tmp) / "one-line.txt"
        one_line.write_text("Resolution 37 (Rev. Kigali, 2022)\n", encoding="utf-8")
        python, lxml_floor, start_up, version, extract, refs_start = best([
            [sys.executable, "-c", "pass"], floor(PLAN), [sys.executable, "-c", START_UP],
            [*TRACE, "--version"], [*TRACE, "extract", str(PLAN), "-f", "json"],
            [*TRACE, "refs", str(one_line), "-f", "json"]])
    typer_alone, zip_lxml = best([[sys.executable, "-c", "import zipfile, lxml.etree, typer"],
                                  [sys.executable, "-c", "import zipfile, lxml.etree"]])
    rows.append(("floor: python + lxml parse of the plan's document.xml", ms(lxml_floor)))
    rows.append(("trace extract action-plan-ba.docx -f json",
                 f"{ms(extract)}  = {extract / lxml_floor:4.2f}x the floor  (target <= 2.5x)"))
    for path in HELD_OUT:
        own_floor, run_time = best([floor(path), [*TRACE, "extract", str(path), "-f", "json"]], repeat=5)
        rows.append((f"trace extract {path.name} (not tuned on)",
                     f"{ms(run_time)}  = {run_time / own_floor:4.2f}x its floor of {own_floor * 1000:.0f} ms"))
    with tempfile.TemporaryDirectory() as tmp:
        for times in (2, 4):
            path = long_docx(PLAN, Path(tmp) / f"plan-x{times}.docx", copies=times)
            own_floor, run_time = best([floor(path), [*TRACE, "extract", str(path), "-f", "json"]], repeat=5)
            with zipfile.ZipFile(path) as package:
                size = package.getinfo("word/document.xml").file_size / 1e3
            rows.append((f"trace extract, the plan's body x{times} ({size:.0f} KB of XML)",
                         f"{ms(run_time)}  = {run_time / own_floor:4.2f}x its floor of {own_floor * 1000:.0f} ms"))
    rows.append(("fixed start-up, before any work: imports + command line built",
                 f"{ms(start_up)}  = {start_up / lxml_floor:4.2f}x the floor"))
    rows.append(("  of which: python / zipfile + lxml / typer",
                 f"{python * 1000:.0f} / {(zip_lxml - python) * 1000:.0f} / {(typer_alone - zip_lxml) * 1000:.0f} ms; "
                 f"this package and the CLI {(start_up - typer_alone) * 1000:.0f} ms; trace --version {version * 1000:.0f} ms"))
    rows.append(("trace refs of a one-line text (a text run's start-up)", ms(refs_start)))
    costs = import_costs(["extract", str(PLAN), "-f", "json"])
    rows.append(("  imports of an extract run, by package (ms, self time)",
                 "  ".join(f"{k} {v:.0f}" for k, v in costs[:7])))
    loaded = {k for k, _ in costs}
    rows.append(("  loaded for a .docx to JSON: yaml / rich / pdfplumber / pypdfium2 / pydantic",
                 " / ".join("yes" if k in loaded else "no" for k in ("yaml", "rich", "pdfplumber", "pypdfium2", "pydantic"))))
    for path in (PLAN, HELD_OUT[2]):
        rows.append((f"  in-process stages ({path.name})",
                     "  ".join(f"{k} {v * 1000:.1f} ms" for k, v in extract_split(path))))
    with tempfile.TemporaryDirectory() as tmp:
        mixed = sorted(RENDERINGS.glob("*.txt"))
        inputs = {
            "plan text": one_megabyte(Path(tmp) / "plan-1mb.txt", lambda: PLAN_TEXT.read_text(encoding="utf-8")),
            "renderings (not tuned on)": one_megabyte(
                Path(tmp) / "renderings-1mb.txt",
                lambda: "\n\n".join(p.read_text(encoding="utf-8") for p in mixed if "pandoc-md" not in p.name)),
            "dense paragraph": one_megabyte(Path(tmp) / "dense-1mb.txt", lambda: "".join(DENSE)),
        }
        seeds = sorted(SEEDS.glob("*.txt"))
        if seeds:
            inputs["seed documents (not tuned on)"] = one_megabyte(
                Path(tmp) / "seeds-1mb.txt", lambda: "\n\n".join(p.read_text(encoding="utf-8") for p in seeds))
            # The 1 MB texts repeat their documents, and a run parses a text that recurs under the
            # same context once (refs.document): the seeds once each show the rate without that.
            once = Path(tmp) / "seeds-once.txt"
            once.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in seeds), encoding="utf-8")
            inputs["seed documents, each once (nothing repeated)"] = once
            inputs["seed documents, numbers shifted per copy (nothing repeated)"] = one_megabyte(
                Path(tmp) / "seeds-shifted-1mb.txt", lambda: shifted_copies(
                    "\n\n".join(p.read_text(encoding="utf-8") for p in seeds), 1_000_000))
        for name, path in inputs.items():
            command = [*TRACE, "refs", str(path), "-f", "json", "-o", str(Path(tmp) / "out.json")]
            # A text that repeats nothing is read in more than one process where there are CPUs for
            # it (refs.document, forked.py): its rate in one process is shown beside it.
            alone = [["env", "TRACE_JOBS=1", *command]] if "nothing repeated" in name else []
            seconds, least, *one = best([command, [sys.executable, "-c", REFS_FLOOR, str(path)], *alone], repeat=3)
            size = path.stat().st_size / 1e6
            rows.append((f"trace refs, {size:.2f} MB {name}, end to end",
                         f"{seconds:7.2f} s  = {size / seconds:5.2f} MB/s  (target >= 5 MB/s)"))
            if one:
                rows.append(("  the same in one process (TRACE_JOBS=1)", f"{one[0]:7.2f} s  = {size / one[0]:5.2f} MB/s"))
            rows.append(("  floor: start-up, decode, a Block and the trigger test per line",
                         f"{least:7.2f} s  = {size / least:5.2f} MB/s; trace refs takes {seconds / least:4.2f}x the floor"))
            split = refs_split(path)
            rows.append((f"  in-process stages ({name})", "  ".join(f"{k} {v:.3f} s" for k, v in split)))
    return rows


if __name__ == "__main__":
    for label, value in run():
        print(f"{label:60s} {value}")
