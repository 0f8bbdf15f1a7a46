"""Memory and work on hostile inputs, measured as structure rather than time: the traced peak of a
step against the size of its input (with generous slack), what is kept, and what is done before a
limit refuses the input. The full-size cases are bench/hostile.py's; these are small copies."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from actionplan_trace import app
from actionplan_trace.errors import LimitError
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
    for command in (app.references, app.graph):
        loads.clear()
        with pytest.raises(LimitError) as caught:
            command([files[name] for name in order])
        assert str(caught.value).startswith(f"{files[order[passed_at]]}: the files hold more than ")
        assert "references and findings in all" in str(caught.value)
        assert loads == [str(files[name]) for name in dict.fromkeys(order)]


def test_a_file_given_again_right_after_itself_is_read_once_and_reported_each_time(loads: list[str]) -> None:
    """Under the limit, the same file given again at once is not read again (one plan given 250
    times to `trace graph` took 14 s, nearly all of it reading the plan 250 times): its references
    are reported, and its sections made graph nodes, each time it is given, as before."""
    single = app.references([PLAN])
    other = app.references([OTHER])
    loads.clear()
    report = app.references([PLAN, PLAN, PLAN, OTHER, PLAN])
    assert loads == [str(PLAN), str(OTHER), str(PLAN)]
    assert [r.to_dict() for r in report.refs] == [r.to_dict() for r in [*single.refs * 3, *other.refs, *single.refs]]
    loads.clear()
    graph, _ = app.graph([PLAN, PLAN, OTHER])
    assert loads == [str(PLAN), str(OTHER)]
    assert graph.sources == [str(PLAN), str(PLAN), str(OTHER)]
    stem = PLAN.stem
    sections = [n.id for n in graph.sections() if n.source == str(PLAN)]
    assert len([n for n in sections if n.startswith(f"{stem}#")]) == len([n for n in sections if n.startswith(f"{stem}-2#")]) > 10
