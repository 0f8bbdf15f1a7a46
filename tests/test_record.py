"""`record` (record.py) makes the dataclass `dataclass` would, with shared repr, eq and hash: every
observable behaviour is compared with a plain dataclass of the same definition."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field
from typing import Any

import pytest

from actionplan_trace.record import record


def pair(frozen: bool = False, slots: bool = False) -> tuple[type, type]:
    """The same class made by dataclass and by record."""
    made = []
    for decorate in (dataclass(frozen=frozen, slots=slots), record(frozen=frozen, slots=slots)):
        class Point:
            x: int
            y: str = "a"
            tags: list[str] = field(default_factory=list, compare=False)
            secret: int = field(default=0, repr=False)
        made.append(decorate(Point))
    return made[0], made[1]


@pytest.mark.parametrize("frozen, slots", [(False, False), (True, False), (False, True), (True, True)])
def test_a_record_behaves_as_the_dataclass(frozen: bool, slots: bool) -> None:
    plain, rec = pair(frozen, slots)
    for cls in (plain, rec):
        assert dataclasses.is_dataclass(cls)
    a, b = rec(1, "b", ["t"], 5), rec(1, "b", ["other"], 5)
    pa = plain(1, "b", ["t"], 5)
    assert repr(a) == repr(pa) and repr(a).endswith("Point(x=1, y='b', tags=['t'])")
    assert (a == b) is (pa == plain(1, "b", ["other"], 5)) is True  # tags are not compared
    assert (a == rec(2)) is False and (a != rec(2)) is True
    assert a.__eq__(pa) is NotImplemented and a != pa  # another class is never equal
    assert [f.name for f in dataclasses.fields(rec)] == [f.name for f in dataclasses.fields(plain)]
    assert dataclasses.asdict(a) == dataclasses.asdict(pa)
    assert dataclasses.replace(a, x=3) == rec(3, "b", ["t"], 5)
    if frozen:
        assert hash(a) == hash(b) and len({a, b, rec(2)}) == 2
        with pytest.raises(dataclasses.FrozenInstanceError):
            a.x = 4  # type: ignore[misc]
    else:
        assert rec.__hash__ is None is plain.__hash__
        with pytest.raises(TypeError):
            hash(a)
        a.x = 4
        assert a.x == 4


def test_methods_the_class_defines_are_kept() -> None:
    @record(frozen=True)
    class Named:
        name: str
        note: str = ""

        def __repr__(self) -> str:
            return f"<{self.name}>"

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Named) and other.name.lower() == self.name.lower()

        def __hash__(self) -> int:
            return hash(self.name.lower())

    assert repr(Named("A")) == "<A>"
    assert Named("A", "x") == Named("a", "y") and len({Named("A"), Named("a")}) == 1


def test_a_recursive_structure_and_a_fieldless_record() -> None:
    @record
    class Node:
        children: list[Any] = field(default_factory=list)

    node = Node()
    node.children.append(node)
    assert repr(node).endswith("Node(children=[...])")

    @record(frozen=True)
    class Empty:
        pass

    assert Empty() == Empty() and hash(Empty()) == hash(Empty()) and repr(Empty()).endswith("Empty()")


@record(frozen=True)
class Picklable:
    a: int
    b: tuple[int, ...] = ()


def test_a_record_pickles() -> None:
    value = Picklable(1, (2, 3))
    assert pickle.loads(pickle.dumps(value)) == value
