"""The model's hand-written parts keep the dataclass contract: Loc's fast __init__ takes exactly
its fields, with their defaults, and a Loc stays a frozen, hashable value that answers as the
plain frozen dataclass does (it stores only the fields given)."""

from __future__ import annotations

import dataclasses
import inspect
import itertools

import pytest

from actionplan_trace.model import Loc


def test_loc_init_takes_exactly_the_fields_with_their_defaults() -> None:
    params = list(inspect.signature(Loc).parameters.values())
    assert [(p.name, p.default) for p in params] == [(f.name, f.default) for f in dataclasses.fields(Loc)]


def test_a_loc_is_a_frozen_hashable_value() -> None:
    loc = Loc(paragraph=4, row=2, col=1)
    assert loc == Loc(paragraph=4, row=2, col=1) != Loc(paragraph=4, row=2)
    assert len({loc, Loc(paragraph=4, row=2, col=1)}) == 1
    assert loc.to_dict() == {"paragraph": 4, "row": 2, "col": 1}
    assert str(loc) == "paragraph=4,row=2,col=1"
    assert dataclasses.replace(loc, col=3) == Loc(paragraph=4, row=2, col=3)
    assert dataclasses.asdict(loc)["footnote"] is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        loc.row = 5  # type: ignore[misc]


@dataclasses.dataclass(frozen=True)
class PlainLoc:
    paragraph: int | None = None
    page: int | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    footnote: str | None = None


def test_a_loc_answers_as_the_plain_frozen_dataclass() -> None:
    """Every mixture of fields given and left None (0 and "" given): the same fields, dict, text,
    equality and hash as the dataclass; the instance dict holds the fields given, in order."""
    names = [f.name for f in dataclasses.fields(Loc)]
    assert names == [f.name for f in dataclasses.fields(PlainLoc)]
    made = []
    for values in itertools.product(*[(None, 0, 3) if name != "footnote" else (None, "", "2") for name in names]):
        loc, plain = Loc(*values), PlainLoc(*values)
        assert dataclasses.astuple(loc) == dataclasses.astuple(plain) == tuple(getattr(loc, n) for n in names)
        assert loc.to_dict() == {k: v for k, v in dataclasses.asdict(plain).items() if v is not None}
        assert list(loc.__dict__) == list(loc.to_dict())
        assert repr(loc) == repr(plain).replace("PlainLoc", "Loc", 1)
        assert hash(loc) == hash(plain) and loc == Loc(**dataclasses.asdict(plain))
        assert dataclasses.replace(loc, row=7) == Loc(*values[:4], 7, *values[5:])
        made.append(loc)
    assert len(set(made)) == len(made) == 3 ** len(names)
