"""The model's hand-written parts keep the dataclass contract: Loc's fast __init__ takes exactly
its fields, with their defaults, and a Loc stays a frozen, hashable value."""

from __future__ import annotations

import dataclasses
import inspect

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
