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
    JSON encoder writes for `Reference.to_dict()` (in UTF-8, as written), for any values (escapes,
    None, shared Locs)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from actionplan_trace.model import Loc
    from actionplan_trace.output import encode as utf8
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
        for r, before in zip(refs[1:], refs):  # references of one text share their Loc and Rev objects,
            if data.draw(st.booleans()):  # and their section, source and field (reused rows: by `is`)
                r.loc, r.rev = refs[0].loc, refs[0].rev
            if data.draw(st.booleans()):
                r.loc, r.section, r.source, r.field = before.loc, before.section, before.source, before.field
            if data.draw(st.booleans()):  # the same place but another section (equal or not)
                r.loc, r.source, r.field = before.loc, before.source, before.field
        assert list(reference_rows(refs)) == [utf8(encode_row(r.to_dict())) for r in refs]

    check()


def test_finding_rows_and_the_refs_json_are_the_encoded_dicts() -> None:
    """render.refs assembles each finding's row from cached pieces, its location's row shared with
    the references' (a finding about a reference carries its Loc): to_json must be exactly the
    document written from `to_dict()` of every reference and finding (in UTF-8, as written), for
    any values (escapes, None, Locs shared or equal, a Finding subclass, which writes itself)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from actionplan_trace.findings import Finding
    from actionplan_trace.model import Loc
    from actionplan_trace.output import encode as utf8
    from actionplan_trace.refs.types import Reference, RefReport
    from actionplan_trace.render.jsonrows import encode_row
    from actionplan_trace.render.refs import finding_rows, to_json

    class Noted(Finding):
        def to_dict(self) -> dict[str, object]:
            return {**super().to_dict(), "note": 1}

    text = st.text(max_size=12)
    maybe = st.none() | text
    number = st.none() | st.integers(0, 10**6)
    loc = st.builds(Loc, number, number, number, number, number, number, maybe)
    severity = st.sampled_from(["error", "warning", "info"])
    finding = st.sampled_from([Finding, Finding, Noted]).flatmap(
        lambda kind: st.builds(kind, st.sampled_from(["REF001", 'R"2']), severity, text, maybe, maybe, maybe, loc, maybe))
    ref = st.builds(Reference, text, text, text, st.none(), text, maybe, loc, maybe, maybe)

    @settings(max_examples=200, deadline=None)
    @given(st.lists(ref, max_size=5), st.lists(finding, max_size=6), st.data())
    def check(refs: list[Reference], findings: list[Finding], data: st.DataObject) -> None:
        places = [r.loc for r in refs] + [f.loc for f in findings]
        for f in findings:  # a finding about a reference, or at another's place
            if data.draw(st.booleans()):
                f.loc = data.draw(st.sampled_from(places))
        assert list(finding_rows(findings)) == [utf8(encode_row(f.to_dict())) for f in findings]
        report = RefReport(refs=refs, findings=findings, sources=["a.txt"])
        plain = dumps_rows({**report.to_dict(rows=False), "refs": [r.to_dict() for r in refs],
                            "findings": [f.to_dict() for f in findings]})
        assert to_json(report) == utf8(plain)

    check()


def test_loc_row_is_the_encoded_dict() -> None:
    """render.refs writes a location's row itself: exactly what encode_row writes for its dict,
    for any fields set (numbers large and small, a note's id with escapes), None ones left out."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from actionplan_trace.model import Loc
    from actionplan_trace.render.jsonrows import encode_row
    from actionplan_trace.render.refs import loc_row

    number = st.none() | st.integers(-10**20, 10**20)
    loc = st.builds(Loc, number, number, number, number, number, number, st.none() | st.text(max_size=8))

    @settings(max_examples=300, deadline=None)
    @given(loc)
    def check(place: Loc) -> None:
        assert loc_row(place) == encode_row(place.to_dict())

    check()
    assert loc_row(Loc()) == "{}"
    assert loc_row(Loc(paragraph=0, footnote='endnote-"2"')) == '{"paragraph": 0, "footnote": "endnote-\\"2\\""}'


def test_names_are_the_encoded_values_asked_again_or_not() -> None:
    """render.refs.Names keeps each name's or text's encoded value: asked once or again, in any
    order, it is what encode_row writes for the value (None, escapes, characters beyond ASCII)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from actionplan_trace.render.jsonrows import encode_row
    from actionplan_trace.render.refs import Names

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.none() | st.sampled_from(["REF001", 'a "b"', "8.1\u20138.10"]) | st.text(max_size=8),
                    max_size=12))
    def check(values: list[str | None]) -> None:
        names = Names()
        assert [names[v] for v in values + values] == [encode_row(v) for v in values + values]

    check()


def test_encode_row_is_the_standard_encoder_and_recovers_from_errors() -> None:
    """encode_row keeps one C encoder across calls: the same text as JSONEncoder.encode for any
    JSON value, and after a refused value or a circular list, the next row is written as usual."""
    from hypothesis import given, settings
    from hypothesis import strategies as st
    import pytest

    from actionplan_trace.render.jsonrows import encode_row

    plain = json.JSONEncoder(ensure_ascii=False).encode
    scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
    values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                          | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=12)

    @settings(max_examples=300, deadline=None)
    @given(values)
    def check(value: object) -> None:
        assert encode_row(value) == plain(value)

    check()
    loop: list[object] = [1]
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular reference"):
        encode_row({"a": loop})
    row: list[object] = [{"a": 1}, object()]
    with pytest.raises(TypeError):
        encode_row(row)
    row.pop()  # the row the failed call was inside is no longer taken for a circular one
    assert encode_row(row) == '[{"a": 1}]'
    assert encode_row({"a": [1, {"b": None}]}) == '{"a": [1, {"b": null}]}'
    assert encode_row([loop[:1], loop[:1]]) == "[[1], [1]]"


_BREAK = ",\n    "


def _plain_dumps_rows(fields, encoded=()):
    """dumps_rows as written before it joined the document in one go: each list joined, set into
    its line, the lines joined."""
    out = ["{"]
    last = len(fields) - 1
    for k, (key, value) in enumerate(fields.items()):
        comma = "," if k < last else ""
        name = json.dumps(key, ensure_ascii=False)
        if isinstance(value, (list, tuple)) or hasattr(value, "__next__"):
            rows = list(value) if key in encoded else [json.dumps(item, ensure_ascii=False) for item in value]
            out.append(f"  {name}: [\n    {_BREAK.join(rows)}\n  ]{comma}" if rows else f"  {name}: []{comma}")
        else:
            text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            out.append(f"  {name}: {text}{comma}")
    out.append("}\n")
    return "\n".join(out)


def test_one_join_of_the_pieces_is_the_lines_joined() -> None:
    """dumps_rows joins its pieces once (the items at the even places of a list of breaks): the
    same text as each list joined and set into its line, for lists, tuples and generators of
    none, one or many items (encoded or not, non-ASCII), between and after other values."""
    import random

    rng = random.Random(7)
    values = [{"a": 1}, "x", None, 3, ["q", {"r": "é – ü"}], "«cité»\n", {"paragraph": 2, "line": 9}]
    for _ in range(300):
        made = []  # (key, shape, value or items) of each field
        for n in range(rng.randrange(0, 6)):
            items = [rng.choice(values) for _ in range(rng.choice([0, 1, 2, 5, 30]))]
            made.append((f"k{n}", rng.choice(["value", "encoded", "encoded-iter", "list", "tuple", "iter"]), items))
        encoded = [key for key, shape, _ in made if shape.startswith("encoded")]

        def fields():
            out = {}
            for key, shape, items in made:
                rows = [json.dumps(item, ensure_ascii=False) for item in items]
                out[key] = {"value": (items or ["none"])[0], "encoded": rows, "encoded-iter": iter(rows), "list": items,
                            "tuple": tuple(items), "iter": iter(items)}[shape]
            return out

        assert dumps_rows(fields(), encoded=encoded) == _plain_dumps_rows(fields(), encoded), made
