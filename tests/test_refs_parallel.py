"""document_refs spread over forked processes (refs/document.py `_SectionReader`, forked.py) gives
exactly what one process gives: on generated documents (recurring texts, reference groups, table
fields and repeated headers, notes placed in the sections that mark them, ITU-goals mentions that
change a later bare goal) and on the corpus, with runs so short that nearly every section is cut
into pieces; and `trace refs` on a long text gives the same bytes with TRACE_JOBS=2 and 1."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from actionplan_trace import forked
from actionplan_trace.loader import load
from actionplan_trace.model import Block, Cell, Document, Loc, Section, Source
from actionplan_trace.refs import document as refs_document
from actionplan_trace.refs import document_refs, load_registry
from actionplan_trace.refs.document import _SectionReader, document_editions, note_sections, section_contexts, section_texts
from actionplan_trace.refs.find import mentions_itu_goals, read_text
from actionplan_trace.refs.resolve import load_rules
from actionplan_trace.refs.types import RefContext
from conftest import CORPUS
from test_refs_reuse import TEXTS, generated

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="copies are forked on Linux only")

CORPUS_FILES = ["action-plan-ba.docx", "action-plan-ba-bold.docx", "contribution-tdag.docx", "report-c20-35.docx",
                "report-c20-35-bold.docx", "objective2-new.docx", "strategic-plan-2012.docx", "wsis-roadmaps.pdf",
                "text/action-plan-ba-amended.txt"]


@functools.cache
def _corpus(name: str) -> Document:
    return load(CORPUS / name)


def _read(doc: Document) -> tuple[list[Any], list[Any]]:
    report = document_refs(doc, load_registry())
    return ([(r.to_dict(), r.by_document) for r in report.refs], [f.to_dict() for f in report.findings])


def _every_length(sections: list[Section], processes: int) -> list[int]:
    """What `_spread` gives a document worth spreading, whatever its size."""
    return [len(block.text) for section in sections for block in section.blocks]


@pytest.fixture
def spread(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Reading spread over 3 processes, whatever the document's size, in runs of a few hundred
    characters: the forks made are counted in the list returned."""
    forks: list[int] = []
    fork = os.fork

    def counted() -> int:
        pid = fork()
        if pid:
            forks.append(pid)
        return pid

    monkeypatch.setattr(refs_document, "jobs", lambda: 3)
    monkeypatch.setattr(refs_document, "RUN_CHARS", 300)
    monkeypatch.setattr(refs_document, "_spread", _every_length)
    monkeypatch.setattr(forked.os, "fork", counted)
    return forks


def _one_process(doc: Document) -> tuple[list[Any], list[Any]]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(refs_document, "jobs", lambda: 1)
        return _read(doc)


def test_generated_documents_read_in_copies_give_what_one_process_gives(spread: list[int]) -> None:
    compared = 0
    for seed in range(40):
        doc = generated(seed)
        alone = _one_process(doc)
        assert _read(doc) == alone
        compared += len(alone[0])
    assert compared > 400 and len(spread) >= 40


def test_a_header_row_repeated_after_a_cut_is_still_read_once(spread: list[int]) -> None:
    """A table's header row set apart and repeated (on each page) is read once per section: a piece
    that starts after the first still knows it (`section_texts` from `start`)."""
    def header(paragraph: int) -> Block:
        cells = ["WTDC Resolution 37", "SDG 9", "C7 e-health"]
        return Block("table", " | ".join(cells), loc=Loc(paragraph=paragraph),
                     rows=[[Cell(text, loc=Loc(paragraph=paragraph, row=0, col=c)) for c, text in enumerate(cells)]])

    blocks = []
    for n in range(6):
        blocks += [header(2 * n), Block("paragraph", f"Work under Resolution {30 + n} continues.", loc=Loc(paragraph=2 * n + 1))]
    doc = Document(Source("h.docx", "docx", "0" * 64, profile="action-plan"),
                   [Section("s1", "clause", "1", "Programme 1", None, 1, blocks=blocks)])
    alone = _one_process(doc)
    assert [r["id"] for r, _ in alone[0]].count("SDG-9") == 1  # the header row's, read once
    assert _read(doc) == alone and spread


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_documents_read_in_copies_give_what_one_process_gives(name: str, spread: list[int]) -> None:
    doc = _corpus(name)
    alone = _one_process(doc)
    assert len(alone[0]) >= 3
    assert _read(doc) == alone
    assert spread  # copies were made


@pytest.mark.parametrize("name", ["action-plan-ba.docx", "report-c20-35.docx", "text/action-plan-ba-amended.txt"])
def test_pieces_cover_every_block_once_in_order_and_carry_the_goals_read_before_them(name: str) -> None:
    doc = _corpus(name)
    rules = load_rules()
    reader = _SectionReader(doc, section_contexts(doc, rules, document_editions(doc)), note_sections(doc), rules,
                            load_registry(), None, 10**9)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(refs_document, "RUN_CHARS", 500)
        mp.setattr(refs_document, "_spread", _every_length)
        runs = reader.runs(2)
    pieces = [piece for run in runs for piece in run]
    assert len(runs) > 20 and any(start > 0 for _, start, _, _ in pieces)  # sections were cut
    covered: dict[str, list[int]] = {}
    cut_after_goals = 0
    for section, start, stop, goals in pieces:
        blocks = covered.setdefault(section.id, [])
        assert start == len(blocks)  # each piece starts where the section's last one stopped
        blocks.extend(range(start, len(section.blocks) if stop is None else stop))
        # (from block 0 the piece reads the title itself: nothing is read before it)
        texts = list(section_texts(section, rules, {}, reader.named, 0, start)) if start else []
        assert goals == any(not entry and mentions_itu_goals(text) for text, _, _, entry in texts if text.strip())
        cut_after_goals += goals
    assert cut_after_goals >= (1 if name == "report-c20-35.docx" else 0)
    assert [s.id for s in doc.sections] == list(covered)
    assert all(covered[s.id] == list(range(len(s.blocks))) for s in doc.sections)


def test_mentions_itu_goals_is_what_read_text_tells() -> None:
    """The flag that `runs` reads off the texts before a cut, without reading their references."""
    texts = [*TEXTS, "ITU's strategic goals¹ and Goal 2", "the ITU goals² (see 3)", "Les buts de l’UIT: Goal 1",
             "all the ITU strategic goals", "ITU strategic goals", "ＩＴＵ goals 2", "Goals of ITU⁴ 2023"]
    for name in CORPUS_FILES:
        doc = _corpus(name)
        texts += [b.text for s in doc.sections for b in s.blocks if not b.rows]
        texts += [c.text for s in doc.sections for b in s.blocks if b.rows for row in b.rows for c in row]
    registry = load_registry()
    told = [read_text(text, RefContext(source="t.txt"), registry)[2] for text in texts]
    assert [mentions_itu_goals(text) for text in texts] == told
    assert sum(told) >= 5


def _shifted(text: str, by: int) -> str:
    """`text` with every number moved by `by`: the same document's form, none of its texts repeated."""
    return re.sub(r"\d+", lambda m: str(int(m.group()) + by), text)


def test_trace_refs_on_a_long_text_gives_the_same_bytes_in_copies_and_in_one_process(tmp_path: Path) -> None:
    plan = (CORPUS / "text" / "action-plan-ba-amended.txt").read_text(encoding="utf-8")
    long_text = tmp_path / "compiled.txt"
    long_text.write_text("\n\n".join(_shifted(plan, 1000 * k) for k in range(6)), encoding="utf-8")
    doc = load(long_text)
    assert refs_document._spread(doc.sections, 2) is not None  # long enough, and not repeated: spread
    outputs = []
    for jobs in ("2", "1"):
        out = tmp_path / f"refs-{jobs}.json"
        env = {**os.environ, "TRACE_JOBS": jobs}
        done = subprocess.run([sys.executable, "-m", "actionplan_trace.cli", "refs", str(long_text), "-f", "json",
                               "-o", str(out)], env=env, capture_output=True, text=True)
        assert done.returncode in (0, 1), done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0].count(b'"id"') > 1000


def test_the_limit_on_references_holds_in_copies(spread: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    from actionplan_trace.errors import LimitError

    doc = _corpus("action-plan-ba.docx")
    count = sum(len(x) for x in _one_process(doc))
    monkeypatch.setenv("TRACE_MAX_REFS", str(count - 1))
    with pytest.raises(LimitError, match="more than"):
        _read(doc)
    monkeypatch.setenv("TRACE_MAX_REFS", str(count))
    assert sum(len(x) for x in _read(doc)) == count


def test_references_findings_and_locations_pickle_with_every_field() -> None:
    """What a copy sends back: each record loaded again with every field as it was (by_document,
    which equality leaves out, too), a Loc with only some fields given as well as a full one."""
    import pickle

    from actionplan_trace.findings import Finding
    from actionplan_trace.record import fields
    from actionplan_trace.refs.types import Reference, Rev

    full = Loc(paragraph=1, page=2, line=3, table=4, row=5, col=6, footnote="7")
    ref = Reference("PP-RES-71@PP-22", "resolution", "71", Rev("Bucharest", 2022, "(Rev. Bucharest, 2022)"),
                    "Resolution 71", "s1", full, "a.docx", "sdgs", 4, 17, True)
    note = Finding("REF001", "warning", "unknown", "PP-RES-999", "a.docx", "s2", Loc(row=0, col=2), "Resolution 999")
    for record_ in (ref, note, full, Loc(), Loc(page=9)):
        back = pickle.loads(pickle.dumps(record_, protocol=pickle.HIGHEST_PROTOCOL))
        names = [f.name for f in fields(type(record_))]
        assert type(back) is type(record_) and back == record_
        assert [getattr(back, n) for n in names] == [getattr(record_, n) for n in names]
        if isinstance(record_, Loc):
            assert back.__dict__ == record_.__dict__  # only the fields given are stored
        assert len(record_.__reduce__()[1]) == len(names)  # a field added is pickled too
