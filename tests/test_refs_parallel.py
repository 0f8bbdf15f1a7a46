"""document_refs spread over forked processes (refs/document.py `_SectionReader`, forked.py) gives
exactly what one process gives: on generated documents (recurring texts, reference groups, table
fields and repeated headers, notes placed in the sections that mark them, ITU-goals mentions that
change a later bare goal) and on the corpus, with runs so short that nearly every section is cut
into pieces; and `trace refs` on a long text gives the same bytes with TRACE_JOBS=2 and 1."""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

from actionplan_trace import forked
from actionplan_trace.loader import load
from actionplan_trace.model import Block, Cell, Document, Loc, Section, Source
from actionplan_trace.refs import document as refs_document
from actionplan_trace.refs import document_refs, load_registry
from actionplan_trace.refs.document import (Piece, _SectionReader, document_editions, note_sections, section_contexts,
                                            section_texts)
from actionplan_trace.refs.find import mentions_itu_goals, read_text
from actionplan_trace.refs.resolve import load_rules
from actionplan_trace.refs.types import RefContext
from conftest import CORPUS, corpus_doc
from test_refs_reuse import TEXTS, generated

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="copies are forked on Linux only")

CORPUS_FILES = ["action-plan-ba.docx", "action-plan-ba-bold.docx", "contribution-tdag.docx", "report-c20-35.docx",
                "report-c20-35-bold.docx", "objective2-new.docx", "strategic-plan-2012.docx", "wsis-roadmaps.pdf",
                "text/action-plan-ba-amended.txt"]


def _read(doc: Document) -> tuple[list[Any], list[Any]]:
    report = document_refs(doc, load_registry())
    return ([(r.to_dict(), r.by_document) for r in report.refs], [f.to_dict() for f in report.findings])


class Spread:
    """Reading spread over 3 processes whatever the document's size, in runs of `run_chars`: the
    copies forked and the results they sent back that were used are counted. At each spread
    reading, this process waits (at most 10 s) until a copy has taken a run before it reads its
    own first: however loaded the machine, copies then take part (`synced`)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, run_chars: int) -> None:
        self.forks = 0
        self.returned = 0
        self.calls = 0
        self.told, self.tell = os.pipe()
        fork, results, spread_out = os.fork, forked._results, refs_document.in_parallel
        here = os.getpid()

        def synced(work: Any, items: Any, processes: int | None = None) -> Any:
            if not processes or processes < 2 or len(items) < 2:
                return spread_out(work, items, processes)
            self.calls += 1
            token, first = self.calls.to_bytes(4, "big"), [True]

            def work_synced(item: Any) -> Any:
                if first[0]:
                    first[0] = False
                    if os.getpid() != here:
                        os.write(self.tell, token)  # a copy: it has taken a run
                    else:
                        while select.select([self.told], [], [], 10)[0] and os.read(self.told, 4) != token:
                            pass  # (a token of an earlier reading's second copy)
                return work(item)

            return spread_out(work_synced, items, processes)

        def counted_fork() -> int:
            pid = fork()
            self.forks += bool(pid)
            return pid

        def counted_results(copy: Any) -> list[tuple[int, Any]]:
            got = results(copy)
            self.returned += len(got)
            return got

        monkeypatch.setattr(refs_document, "jobs", lambda: 3)
        monkeypatch.setattr(refs_document, "RUN_CHARS", run_chars)
        monkeypatch.setattr(refs_document, "PARALLEL_CHARS", 0)
        monkeypatch.setattr(refs_document, "worth_spreading", lambda sections, processes: True)
        monkeypatch.setattr(forked.os, "fork", counted_fork)
        monkeypatch.setattr(forked, "_results", counted_results)
        monkeypatch.setattr(refs_document, "in_parallel", synced)

    def close(self) -> None:
        os.close(self.told)
        os.close(self.tell)


@pytest.fixture(params=[300])
def spread(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Spread]:
    """Reading spread (`Spread`), in runs of 300 characters unless the test says otherwise."""
    spread = Spread(monkeypatch, request.param)
    yield spread
    spread.close()


def _one_process(doc: Document) -> tuple[list[Any], list[Any]]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(refs_document, "jobs", lambda: 1)
        return _read(doc)


@pytest.mark.parametrize("spread", [1, 40, 300], indirect=True)
def test_generated_documents_read_in_copies_give_what_one_process_gives(spread: Spread) -> None:
    compared = 0
    for seed in range(40):
        doc = generated(seed)
        alone = _one_process(doc)
        assert _read(doc) == alone
        compared += len(alone[0])
    assert compared > 400 and spread.forks >= 40 and spread.returned >= spread.calls >= 20


def test_a_header_row_repeated_after_a_cut_is_still_read_once(spread: Spread) -> None:
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
    assert _read(doc) == alone and spread.returned


def test_contents_entries_read_in_copies_count_as_in_one_process(spread: Spread) -> None:
    """A contents entry's references count only where the document cites them nowhere else: the
    entries of each run are told apart from the run's other references (by their places in the
    run's list), whichever process reads it."""
    sections = []
    for k in range(12):
        blocks = [Block("paragraph", f"Work continues under WTDC Resolution {30 + k} and Resolution {60 + k}.",
                        loc=Loc(paragraph=100 * k)),
                  Block("paragraph", f"Implementation of Resolution {30 + k} ........ {k + 3}", loc=Loc(paragraph=100 * k + 1),
                        style="TOC 1"),
                  Block("paragraph", f"Implementation of Resolution {90 + k} ........ {k + 4}", loc=Loc(paragraph=100 * k + 2),
                        style="TOC 1")]
        sections.append(Section(f"s{k}", "clause", str(k), f"Part {k}", None, 1, blocks=blocks))
    doc = Document(Source("e.docx", "docx", "0" * 64, profile="action-plan"), sections)
    alone = _one_process(doc)
    ids = [r["id"] for r, _ in alone[0]]
    assert any(i.startswith("WTDC-RES-90") for i in ids)  # an entry's own citation is kept
    assert len([i for i in ids if i.startswith("WTDC-RES-30")]) == 1  # one cited elsewhere too is not counted again
    assert _read(doc) == alone and spread.returned


def test_a_fielded_note_takes_the_context_of_the_section_marking_it(spread: Spread) -> None:
    """Notes read in the context of the section that marks them, a field's context narrowed from
    that one (not from the first marking section met): in one process and in copies alike."""
    a = Block("paragraph", "See the note.", loc=Loc(paragraph=0))
    a.notes = [(13, "1")]
    b = Block("paragraph", "See the other note.", loc=Loc(paragraph=1))
    b.notes = [(19, "2")]
    notes = [Block("paragraph", f"WTDC Resolution {k} " + "x" * 40, loc=Loc(footnote=str(1 + k % 2)), field="notes")
             for k in range(40)]
    doc = Document(Source("n.docx", "docx", "0" * 64, profile="generic"),
                   [Section("A", "clause", "1", "A", None, 1, blocks=[a]), Section("B", "clause", "2", "B", None, 1, blocks=[b]),
                    Section("fn", "footnotes", None, "Notes", None, 1, blocks=notes)])
    alone = _one_process(doc)
    assert {(r["section"], int(r["number"]) % 2) for r, _ in alone[0]} == {("A", 0), ("B", 1)}
    assert _read(doc) == alone and spread.returned


def test_a_document_not_worth_spreading_is_read_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    forks: list[int] = []
    fork = os.fork
    monkeypatch.setattr(refs_document, "jobs", lambda: 2)
    monkeypatch.setattr(forked.os, "fork", lambda: forks.append(1) or fork())
    for name in ("objective2-new.docx", "action-plan-ba.docx"):  # too short: 25 and 95 KB
        assert not refs_document.worth_spreading(corpus_doc(name).sections, 2)
        _read(corpus_doc(name))
    assert forks == []


@pytest.mark.parametrize("spread", [40, 300], indirect=True)
@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_documents_read_in_copies_give_what_one_process_gives(name: str, spread: Spread) -> None:
    doc = corpus_doc(name)
    alone = _one_process(doc)
    assert len(alone[0]) >= 3
    assert _read(doc) == alone
    assert spread.returned  # copies read runs, and what they read was used


@pytest.mark.parametrize("name", ["action-plan-ba.docx", "report-c20-35.docx", "text/action-plan-ba-amended.txt"])
def test_pieces_cover_every_block_once_in_order_and_carry_the_goals_read_before_them(name: str) -> None:
    doc = corpus_doc(name)
    rules = load_rules()
    reader = _SectionReader(doc, section_contexts(doc, rules, document_editions(doc)), note_sections(doc), rules,
                            load_registry(), None, 10**9)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(refs_document, "RUN_CHARS", 500)
        mp.setattr(refs_document, "worth_spreading", lambda sections, processes: True)
        runs = reader.runs(2)
    pieces = [Piece(item) if isinstance(item, Section) else item for run in runs for item in run]  # (a whole section)
    assert len(runs) > 20 and any(piece.start > 0 for piece in pieces)  # sections were cut
    covered: dict[str, list[int]] = {}
    cut_after_goals = 0
    for piece in pieces:
        section, start, stop, goals = piece.section, piece.start, piece.stop, piece.goals
        assert piece.headers == refs_document._headers(section.blocks[:start])
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
        doc = corpus_doc(name)
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
    assert refs_document.worth_spreading(doc.sections, 2)  # long enough, and not repeated
    outputs = []
    for jobs in ("2", "1"):
        out = tmp_path / f"refs-{jobs}.json"
        env = {**os.environ, "TRACE_JOBS": jobs}
        done = subprocess.run([sys.executable, "-m", "actionplan_trace.cli", "refs", str(long_text), "-f", "json",
                               "-o", str(out)], env=env, capture_output=True, text=True)
        assert done.returncode in (0, 1), done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0].count(b'"id"') > 1000


def test_the_limit_on_references_holds_in_copies(spread: Spread, monkeypatch: pytest.MonkeyPatch) -> None:
    from actionplan_trace.errors import LimitError

    doc = corpus_doc("action-plan-ba.docx")
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
