"""Helpers named for what they do and typed with what they take (no behaviour of their own changed):
two functions were both `_capitals` (the .docx reader's printed text in capitals, the diff's count
of capitals), `WholeFile.write` and `_whole_writes` took and gave `Any`, and the PDF reader worked
out the measure a line goes on in, and whether the line before it ended early, in two places each."""

from __future__ import annotations

import inspect
from types import SimpleNamespace

from actionplan_trace import output
from actionplan_trace.diff import formats
from actionplan_trace.extract import pdf
from actionplan_trace.extract.docx.reader import _Para, _Reader
from actionplan_trace.model import Loc


def test_the_reader_prints_in_capitals_and_the_diff_counts_them() -> None:
    para = _Para(loc=Loc(paragraph=1), pstyle="Heading 3", outline=2, num_id=None, ilvl=None)
    reader = SimpleNamespace(_in_code=0, _vanished=False)
    # one for one: "ß", whose capital is two letters, stays as typed so that offsets hold
    assert _Reader._print_in_capitals(reader, "Straße network", False, para) == "STRAßE NETWORK"
    assert para.cased == [(0, "Straße network")]
    assert formats._count_capitals("BACKGROUND and Scope") == 11
    assert not hasattr(_Reader, "_capitals") and not hasattr(formats, "_capitals")


def test_the_whole_writes_wrapper_names_what_it_takes() -> None:
    write = inspect.signature(output.WholeFile.write)
    assert write.parameters["data"].annotation == "ReadableBuffer"
    wrap = inspect.signature(output._whole_writes)
    assert wrap.parameters["stream"].annotation == wrap.return_annotation == "IO[str] | ClosedStream"


def test_a_line_goes_on_in_its_text_box_or_page_measure_worked_out_once() -> None:
    last, below, over = SimpleNamespace(page=3), SimpleNamespace(page=3), SimpleNamespace(page=4)
    rights = {3: 523.0, 4: 523.0}
    assert pdf._same_page_measure(last, below, rights, None) == 523.0
    assert pdf._same_page_measure(last, below, rights, {id(last): 260.5}) == 260.5
    assert pdf._same_page_measure(last, over, rights, {id(last): 260.5}) is None
