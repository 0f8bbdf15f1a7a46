"""Memory and work on hostile inputs, measured as structure rather than time: the traced peak of a
step against the size of its input (with generous slack), what is kept, and what is done before a
limit refuses the input. The full-size cases are bench/hostile.py's; these are small copies."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from actionplan_trace.extract import read
from actionplan_trace.profiles import available_profiles, detect_profile

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

