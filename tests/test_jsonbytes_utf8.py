"""The refs JSON is made as UTF-8 bytes from pieces encoded once (render.jsonrows.dumps_rows_utf8,
render.refs.to_json): the bytes must be exactly the plain str document encoded as the writer
encodes it (output.encode), for any text: characters beyond ASCII and beyond the BMP, control
characters, lone surrogates (a file name the OS layer could not decode) and JSON's escapes; and
`trace refs -f json` must write the same bytes to a pipe, to a redirected standard output and to
an `-o` file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan_trace.findings import Finding
from actionplan_trace.model import Loc
from actionplan_trace.output import encode as utf8
from actionplan_trace.refs.types import Reference, RefReport, Rev
from actionplan_trace.render.jsonrows import dumps_rows, dumps_rows_utf8, encode_row
from actionplan_trace.render.refs import to_json

# Every kind of character the encoders treat apart: ASCII and JSON's escapes, controls, Latin-1,
# the en dash and other two-byte str characters, astral ones, lone surrogates of both halves.
EDGES = ['"', "\\", "/", "\x00", "\x1f", "\x7f", "\n", "\t", "é", "\xa0", "\u2013", "\u2028", "\u2026", "\ufeff",
         "\U0001f600", "\ud800", "\udcff", "\udfff", "a", " "]
# Joined from a list: st.text leaves lone surrogates out, whatever its alphabet.
TEXT = st.lists(st.sampled_from(EDGES) | st.characters(blacklist_categories=()), max_size=12).map("".join)
MAYBE = st.none() | TEXT
NUMBER = st.none() | st.integers(0, 10**6)
LOC = st.builds(Loc, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, NUMBER, MAYBE)


def test_utf8_rows_are_the_str_rows_encoded() -> None:
    """dumps_rows_utf8 of rows already in UTF-8 is the str document of the same rows, encoded:
    for lists, tuples and generators of none, one or many items (encoded or not), any text."""
    scalars = st.none() | st.booleans() | st.integers() | TEXT
    values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(TEXT, inner, max_size=3), max_leaves=8)

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.tuples(TEXT, st.sampled_from(["value", "encoded", "list", "tuple", "iter"]),
                              st.lists(values, max_size=4)), max_size=5, unique_by=lambda made: made[0]))
    def check(made: list[tuple[str, str, list[Any]]]) -> None:
        def fields(piece: Any) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for key, shape, items in made:
                out[key] = {"value": (items or [None])[0], "encoded": [piece(encode_row(i)) for i in items],
                            "list": items, "tuple": tuple(items), "iter": iter(items)}[shape]
            return out

        encoded = [key for key, shape, _ in made if shape == "encoded"]
        assert dumps_rows_utf8(fields(utf8), encoded) == utf8(dumps_rows(fields(str), encoded))

    check()


def test_the_refs_document_is_the_plain_document_encoded() -> None:
    """to_json (pieces encoded once, rows joined as bytes) is the document json writes from the
    report's dicts, encoded as the writer does, for any text in any field, revisions and places
    shared or not."""
    rev = st.none() | st.builds(Rev, MAYBE, NUMBER, TEXT)
    ref = st.builds(Reference, TEXT, TEXT, TEXT, rev, TEXT, MAYBE, LOC, MAYBE, MAYBE)
    finding = st.builds(Finding, TEXT, st.sampled_from(["error", "warning", "info"]), TEXT, MAYBE, MAYBE, MAYBE,
                        LOC, MAYBE)

    @settings(max_examples=200, deadline=None)
    @given(st.lists(ref, max_size=6), st.lists(finding, max_size=4), st.lists(TEXT, min_size=1, max_size=2),
           st.data())
    def check(refs: list[Reference], findings: list[Finding], sources: list[str], data: st.DataObject) -> None:
        for r, before in zip(refs[1:], refs):  # references of one text share their place objects
            if data.draw(st.booleans()):
                r.loc, r.rev, r.section, r.source, r.field = before.loc, before.rev, before.section, before.source, \
                    before.field
        for f in findings:  # a finding about a reference carries its Loc
            if refs and data.draw(st.booleans()):
                f.loc = data.draw(st.sampled_from(refs)).loc
        report = RefReport(refs=refs, findings=findings, sources=sources)
        plain = dumps_rows({**report.to_dict(rows=False), "refs": [r.to_dict() for r in refs],
                            "findings": [f.to_dict() for f in findings]})
        assert to_json(report) == utf8(plain)

    check()


def _trace(cache: Path, *args: str, stdout: Any = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "TRACE_CACHE_DIR": str(cache), "PYTHONIOENCODING": "ascii"}
    return subprocess.run([sys.executable, "-m", "actionplan_trace.cli", "refs", *args, "-f", "json"],
                          stdout=stdout, stderr=subprocess.PIPE, env=env, timeout=120, check=True)


def test_a_pipe_a_redirect_and_a_file_get_the_same_bytes(tmp_path: Path) -> None:
    """The CLI writes the bytes the renderer made, whatever stdout's encoding (ASCII here): to a
    pipe, to a file standard output is redirected to, and to `-o`. The file's name is not UTF-8
    (a lone surrogate in the JSON, written as its escape) and its text has en dashes."""
    name = os.fsdecode(b"plan-\xff-\xe2\x80\x93.txt")
    text = tmp_path / name
    text.write_text("Objective 2\n\nSee Resolutions 30 \u2013 37 (Rev. Kigali, 2022) and PP Resolution 200\u2026\n",
                    encoding="utf-8")
    cache = tmp_path / "cache"
    piped = _trace(cache, str(text)).stdout
    redirected = tmp_path / "stdout.json"
    with open(redirected, "wb") as handle:
        _trace(cache, str(text), stdout=handle)
    out = tmp_path / "out.json"
    _trace(cache, str(text), "-o", str(out))
    assert piped == redirected.read_bytes() == out.read_bytes()
    document = json.loads(piped)
    assert document["sources"] == [str(text)]  # the escape reads back as the name
    assert "\u2013" in piped.decode() and b"\\udcff" in piped
