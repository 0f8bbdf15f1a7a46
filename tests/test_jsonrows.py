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
