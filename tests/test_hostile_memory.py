"""Memory and work on hostile inputs, measured as structure rather than time: the traced peak of a
step against the size of its input (with generous slack), what is kept, and what is done before a
limit refuses the input. The full-size cases are bench/hostile.py's; these are small copies."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from actionplan_trace import app
from actionplan_trace.errors import InputWarning, LimitError
from actionplan_trace.extract import read
from actionplan_trace.profiles import available_profiles, detect_profile

from conftest import CORPUS
from hostilegen import docx_long_paragraph


def traced_peak(work: Callable[[], object]) -> int:
    """The peak of traced memory while `work` runs, above what was traced when it began."""
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        work()
        return tracemalloc.get_traced_memory()[1] - start
    finally:
        tracemalloc.stop()


# One-word lines a paragraph can be: dotted numbers (a heading's typed number, repeated), digits,
# spaced numbers, letters and full stops.
LONG_LINES = ["2." * 50_000, "12.0." * 20_000, "1" * 100_000, "1.1 " * 25_000, "a." * 50_000, " 2" * 50_000]


@pytest.mark.parametrize("line", LONG_LINES, ids=lambda line: repr(line[:5]))
def test_no_detect_pattern_keeps_state_for_each_part_of_a_long_line(line: str) -> None:
    """Found in the hostile set: a .docx paragraph of 15 MB of "2." peaked at 909 MB, in profile
    detection (which reads every line, however long): two Action Plan patterns,
    `^(?:\\d+(?:\\.\\d+)*\\.?\\s*)?…`, kept the regex engine's state for each "2." they repeated over.
    Every built-in detect pattern is now tried on such a line in memory of the order of the line."""
    patterns = [p for profile in available_profiles().values() for p in (*profile.detect_patterns, *profile.detect_alone)]
    assert patterns
    for pattern in patterns:
        peak = traced_peak(lambda: pattern.search(line))
        assert peak < len(line) + 100_000, (pattern.pattern, peak)


@pytest.mark.parametrize("unit, style", [("2.", ""), ("12.", "<w:b/>"), ("3.0.", '<w:sz w:val="28"/><w:i/>')])
def test_detecting_the_profile_of_a_docx_paragraph_of_dotted_numbers_costs_memory_of_its_size(
        tmp_path: Path, unit: str, style: str) -> None:
    """The same through the .docx reader: detection over the text of a paragraph of 200,000
    characters of "2.2.2…" (any formatting) peaks at a few times its size (the text joined and
    folded once, ~4; it took some 65 bytes a character), and the document is still generic."""
    raw = read(docx_long_paragraph(tmp_path / "digits.docx", unit, 200_000, style=style))
    texts = [block.text for block in raw.blocks]
    assert max(map(len, texts)) >= 190_000
    found: list[str] = []
    peak = traced_peak(lambda: found.append(detect_profile(texts).name))
    assert found == ["generic"]
    assert peak < 8 * 200_000, peak


PLAN = CORPUS / "text" / "action-plan-ba-amended.txt"
OTHER = CORPUS / "text" / "objective2-new.txt"


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths `trace refs` and `trace graph` load, in order."""
    from actionplan_trace import loader

    made: list[str] = []
    real = loader.load

    def counted(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(loader, "load", counted)
    return made


def _count(path: Path) -> int:
    report = app.references([path])
    return len(report.refs) + len(report.findings)


@pytest.mark.parametrize("order", ["AAAAAAAAAAAAAAAAAAAA", "ABABABABABABABAB", "AABAAAAAAAAAAAAAA", "ABBBBBBBBBBBBBBB"])
def test_a_run_the_files_read_would_take_past_the_references_limit_is_refused_before_reading_more(
        monkeypatch: pytest.MonkeyPatch, loads: list[str], order: str) -> None:
    """Found in the hostile set: `trace refs` of one plan given 1,000 times read it 286 times (19 s)
    before the run passed Limits.refs. Each file counts the same every time it is given, so once
    the files read take the run past the limit before a file not read yet comes, it is refused
    then, naming the file at which the limit is passed, as before; no file is read twice in a row."""
    files = {"A": PLAN, "B": OTHER}
    counts = {name: _count(path) for name, path in files.items()}
    monkeypatch.setenv("TRACE_MAX_REFS", str(counts["A"] * 3 + counts["B"]))
    spent, passed_at = 0, None
    for k, name in enumerate(order):
        spent += counts[name]
        if spent > counts["A"] * 3 + counts["B"]:
            passed_at = k
            break
    assert passed_at is not None and passed_at < len(order) - 2
    loads.clear()
    with pytest.raises(LimitError) as caught:
        app.references([files[name] for name in order])
    assert str(caught.value).startswith(f"{files[order[passed_at]]}: the files hold more than ")
    assert "references and findings in all" in str(caught.value)
    assert loads == [str(files[name]) for name in dict.fromkeys(order)]
    # a graph reads a file given again once (its citations would count twice), under the limit
    loads.clear()
    with pytest.warns(InputWarning, match=r"given \d+ times: read once"):
        graph, _ = app.graph([files[name] for name in order])
    assert graph.sources == [str(files[name]) for name in dict.fromkeys(order)] == loads


def test_a_file_given_again_right_after_itself_is_read_once_and_reported_each_time(loads: list[str]) -> None:
    """Under the limit, the same file given again at once is not read again (one plan given 250
    times to `trace graph` took 14 s, nearly all of it reading the plan 250 times): its references
    are reported each time it is given, as before; a graph takes it once, with a warning."""
    single = app.references([PLAN])
    other = app.references([OTHER])
    loads.clear()
    report = app.references([PLAN, PLAN, PLAN, OTHER, PLAN])
    assert loads == [str(PLAN), str(OTHER), str(PLAN)]
    assert [r.to_dict() for r in report.refs] == [r.to_dict() for r in [*single.refs * 3, *other.refs, *single.refs]]
    loads.clear()
    with pytest.warns(InputWarning, match=r"given \d+ times: read once"):
        graph, _ = app.graph([PLAN, PLAN, OTHER])
    assert loads == [str(PLAN), str(OTHER)]
    assert graph.sources == [str(PLAN), str(OTHER)]  # a graph takes it once: its citations would count twice
    sections = [n.id for n in graph.sections() if n.source == str(PLAN)]
    assert len(sections) > 10 and not [n for n in sections if n.startswith(f"{PLAN.stem}-2#")]


def _recased(n: int) -> tuple[str, str]:
    """Two Markdown texts of `n` paragraphs under a few headings, every other word of the new
    one's in capitals (the hostile set's redline, small), some with emphasis, and a paragraph of
    each revision only."""
    old, new = [], []
    for k in range(n):
        if k % 50 == 0:
            old.append(f"## Part {k // 50}")
            new.append(f"## Part {k // 50}")
        line = f"Paragraph number {k} tells of {'*rural* ' if k % 7 == 0 else ''}broadband access in region {k}."
        old.append(line)
        new.append(" ".join(w if i % 2 else w.upper() for i, w in enumerate(line.split(" "))))
    old.insert(3, "A paragraph the new revision lost.")
    new.insert(9, "A paragraph the new revision gained.")
    return "\n\n".join(old) + "\n", "\n\n".join(new) + "\n"


def _redline(tmp_path: Path, n: int) -> tuple[bytes, int]:
    """The Word redline of `_recased(n)`, and how many prefixed tags python-docx parsed to write it."""
    import docx.oxml.ns

    from actionplan_trace.render.diff_docx import to_docx

    old, new = _recased(n)
    (tmp_path / "old.md").write_text(old, encoding="utf-8")
    (tmp_path / "new.md").write_text(new, encoding="utf-8")
    result = app.compare(tmp_path / "old.md", tmp_path / "new.md")
    parsed = []
    real = docx.oxml.ns.NamespacePrefixedTag.__init__

    def counted(self, nstag):  # type: ignore[no-untyped-def]
        parsed.append(nstag)
        real(self, nstag)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(docx.oxml.ns.NamespacePrefixedTag, "__init__", counted)
        data = to_docx(result, date=datetime(2026, 3, 1, 9, tzinfo=timezone.utc))
    return data, len(parsed)


def test_a_redline_of_many_edited_paragraphs_parses_no_tag_for_each_run_or_mark(tmp_path: Path) -> None:
    """Found in the hostile set: the redline of two texts of 34,000 paragraphs, every other word
    changed, took 28 s, half of its writing spent making 1.7 million elements with python-docx's
    OxmlElement, which parses the prefixed tag ("w:r") again for each, and makes each on its own
    (a document of its own to lxml) before it is moved into its paragraph. Runs, texts and marks
    are now made in their parent from tags parsed once: python-docx parses no tag for each, and the
    XML says the same (every mark in order, each paragraph declaring its namespace once)."""
    small, parsed_small = _redline(tmp_path, 20)
    data, parsed = _redline(tmp_path, 200)
    assert parsed - parsed_small < 180, (parsed_small, parsed)  # was some 40 a paragraph
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml")
    root = etree.fromstring(xml)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    paragraphs = root.findall(f"{w}body/{w}p")
    edited = [p for p in paragraphs if p.find(f"{w}ins/{w}r/{w}t") is not None and p.find(f"{w}del/{w}r/{w}delText") is not None]
    assert len(edited) == 200
    marks = [el for el in root.iter(f"{w}ins", f"{w}del")]
    assert sorted(int(el.get(f"{w}id")) for el in marks) == list(range(1, len(marks) + 1))
    assert {el.get(f"{w}author") for el in marks} == {"trace"}
    assert "2026-03-01T09:00:00Z" in {el.get(f"{w}date") for el in marks} <= {"2026-03-01T09:00:00Z", "2026-03-01T08:58:00Z"}
    first = edited[0]
    assert "".join(t.text for t in first.iter(f"{w}delText"))[:9] == "Paragraph"
    assert "".join(t.text for t in first.iter(f"{w}t")).startswith("PARAGRAPH number")
    assert len([p for p in paragraphs if p.find(f"{w}pPr/{w}rPr/{w}del") is not None]) == 1
    assert len([p for p in paragraphs if p.find(f"{w}pPr/{w}rPr/{w}ins") is not None]) == 1
    assert len([p for p in paragraphs if p.find(f"{w}pPr/{w}pStyle") is not None]) == 4
    body = xml[xml.index(b"<w:body>"):]
    assert body.count(b"xmlns:w=") == body.count(b"<w:p ") + body.count(b"<w:tbl ")


PAIRS = [
    ("Paragraph number 7 tells of rural broadband access.", "PARAGRAPH number 7 TELLS of RURAL broadband ACCESS."),
    ("• 2.1 “Quoted” text – and / or more", "- 2.1 \"Quoted\" text - and/or more"),
    ("1.5 billion people, see Resolution 71 ; ok", "1.5 billion people,see Resolution 71; OK"),
    ("Contents……………… 12", "Contents\t12"),
    ("ﬁnancial  inclusion (SDG 9.c)", "financial inclusion (SDG 9.c)"),
    ("Output 2.3 - Disaster", "Output 2.4 - Disaster"),
    ("-3.61% in 2020–2023", "3.61% in 2020-2023"),
]


@pytest.mark.parametrize("loose", [False, True])
@pytest.mark.parametrize("old, new", PAIRS)
def test_differences_forms_each_text_once_for_each_stage_and_names_the_same_kinds(
        monkeypatch: pytest.MonkeyPatch, old: str, new: str, loose: bool) -> None:
    """Found in the hostile set: in the same redline, telling what kind of difference each of the
    34,000 paragraphs holds (diff.ignore.differences) took a third of the diff: each text was
    formed again for each set of kinds tried, 7 sets at least, Unicode normalisation and white
    space passes included, and the page-leader, inline-bullet and slash patterns, tried at every
    position of a text, were tried on texts that cannot hold what they match. Each stage is now
    applied once to a text for the sets that share the stages before it (normalisation once a
    side), those three patterns only on a text ending in a page number, holding a bullet glyph or
    a slash, and the kinds named are those named when each set is formed from scratch (every pair
    here, as typed and as a PDF's `loose` text)."""
    from actionplan_trace.diff import ignore
    from actionplan_trace.text_patterns import BULLET_GLYPHS

    normalised: list[str] = []
    tried: dict[str, list[str]] = {"PAGE_LEADER": [], "INLINE_BULLET": [], "SPACED_SLASH": []}
    real = ignore.unicodedata

    class Counting:
        @staticmethod
        def normalize(form: str, text: str) -> str:
            normalised.append(text)
            return real.normalize(form, text)

    class Tried:
        def __init__(self, name: str) -> None:
            self.name, self.pattern = name, getattr(ignore, name)

        def sub(self, replacement: str, text: str) -> str:
            tried[self.name].append(text)
            return self.pattern.sub(replacement, text)

    monkeypatch.setattr(ignore, "unicodedata", Counting)
    for name in tried:
        monkeypatch.setattr(ignore, name, Tried(name))
    found = ignore.differences(old, new, loose=loose)
    monkeypatch.undo()
    assert len(normalised) <= 2, normalised
    assert all(text.rstrip("\n")[-1:].isdigit() or text.rstrip("\n")[-1:] in "ivxlcdmIVXLCDM"
               for text in tried["PAGE_LEADER"]), tried
    assert all(set(text) & set(BULLET_GLYPHS) for text in tried["INLINE_BULLET"]), tried
    assert all("/" in text for text in tried["SPACED_SLASH"]), tried

    class FromScratch:
        """Each set of kinds formed from the text itself (`_form`), as before the stages were kept."""

        def __init__(self, text: str, number: str | None, loose: bool) -> None:
            self.text, self.number, self.loose = text, number, loose

        def __call__(self, kinds: frozenset[str]) -> str:
            return ignore._form(self.text, kinds, self.number, self.loose)

    monkeypatch.setattr(ignore, "_Forms", FromScratch)
    assert found == ignore.differences(old, new, loose=loose)
