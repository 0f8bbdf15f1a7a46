"""dumps_rows writes the same JSON value as json.dumps, one list item per line."""

from __future__ import annotations

import json

from actionplan_trace.render.jsonrows import dumps_rows


def test_same_value_one_item_per_line():
    rows = [{"id": "SDG-9.c", "loc": {"paragraph": 3}, "text": "cible « 9.c »\n"}, {"id": "WSIS-C5", "rev": None}]
    fields = {"schema": "x/1", "sources": ["a.docx"], "editions": {"a.docx": {"WTDC": "WTDC-17"}},
              "refs": iter(rows), "findings": []}
    text = dumps_rows(fields)
    assert json.loads(text) == {**fields, "refs": rows}
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    assert '    {"id": "SDG-9.c", "loc": {"paragraph": 3}, "text": "cible « 9.c »\\n"},' in lines
    assert '  "findings": []' in lines


def test_exact_layout_of_lists_in_the_middle_at_the_end_and_empty():
    text = dumps_rows({"schema": "x/1", "refs": iter([{"a": 1}, {"b": [2, None]}]), "none": [],
                       "findings": ['"q"'], "editions": {"f": {"S": "E"}}}, encoded=("findings",))
    assert text == ('{\n  "schema": "x/1",\n  "refs": [\n    {"a": 1},\n    {"b": [2, null]}\n  ],\n'
                    '  "none": [],\n  "findings": [\n    "q"\n  ],\n'
                    '  "editions": {\n    "f": {\n      "S": "E"\n    }\n  }\n}\n')
    assert dumps_rows({"only": [1]}) == '{\n  "only": [\n    1\n  ]\n}\n'


def test_reference_rows_are_the_encoded_dicts() -> None:
    """render.refs assembles each reference's row from cached pieces; it must be exactly what the
    JSON encoder writes for `Reference.to_dict()`, for any values (escapes, None, shared Locs)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from actionplan_trace.model import Loc
    from actionplan_trace.refs.types import Reference, Rev
    from actionplan_trace.render.jsonrows import encode_row
    from actionplan_trace.render.refs import reference_rows

    text = st.text(max_size=12)
    maybe = st.none() | text
    number = st.none() | st.integers(0, 10**6)
    loc = st.builds(Loc, number, number, number, number, number, number, maybe)
    rev = st.none() | st.builds(Rev, maybe, number, text)
    ref = st.builds(Reference, text, text, text, rev, text, maybe, loc, maybe, maybe)

    @settings(max_examples=200, deadline=None)
    @given(st.lists(ref, max_size=6), st.data())
    def check(refs: list[Reference], data: st.DataObject) -> None:
        for r in refs:  # references of one text share their Loc and Rev objects
            if refs and data.draw(st.booleans()):
                r.loc, r.rev = refs[0].loc, refs[0].rev
        assert list(reference_rows(refs)) == [encode_row(r.to_dict()) for r in refs]

    check()
