"""`record` (record.py) makes the dataclass `dataclass` would, with shared repr, eq and hash: every
observable behaviour is compared with a plain dataclass of the same definition."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
import zlib
from pathlib import Path
from dataclasses import dataclass, field
from typing import Any

import pytest

from actionplan_trace import record as record_module
from actionplan_trace.record import record
from actionplan_trace.record import field as record_field


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


@record(frozen=True, slots=True)
class SlottedPicklable:
    a: int
    b: tuple[int, ...] = ()


def test_a_record_pickles() -> None:
    for value in (Picklable(1, (2, 3)), SlottedPicklable(1, (2, 3))):
        assert pickle.loads(pickle.dumps(value)) == value


def initialised_pair(frozen: bool, slots: bool) -> tuple[type, type]:
    """The same class, with every kind of field __init__ handles, made by dataclass and by record."""
    made = []
    for decorate in (dataclass(frozen=frozen, slots=slots), record(frozen=frozen, slots=slots)):
        class Row:
            key: str
            count: int = 2
            items: list[int] = field(default_factory=list)
            index: dict[str, int] = field(default_factory=dict, init=False, repr=False)
            state: int = field(default=-1, init=False)

            def __post_init__(self) -> None:
                self.index["key"] = len(self.key)
        made.append(decorate(Row))
    return made[0], made[1]


@pytest.mark.parametrize("frozen, slots", [(False, False), (True, False), (False, True), (True, True)])
def test_the_init_is_the_one_dataclass_writes(frozen: bool, slots: bool) -> None:
    plain, rec = initialised_pair(frozen, slots)
    assert str(inspect.signature(rec)) == str(inspect.signature(plain))
    assert str(inspect.signature(rec)) == "(key: 'str', count: 'int' = 2, items: 'list[int]' = <factory>) -> None"
    assert rec.__init__.__qualname__ == plain.__init__.__qualname__
    for args in (("ab",), ("ab", 5, [1])):
        a, p = rec(*args), plain(*args)
        assert repr(a) == repr(p)
        assert (a.index, a.state, a.items) == (p.index, p.state, p.items)
        assert (a.index, a.state) == ({"key": 2}, -1)
    assert rec("x").items is not rec("x").items  # a factory is called for each instance
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'key'"):
        rec()
    if frozen:
        messages = []
        for value in (rec("ab"), plain("ab")):
            for attempt in (lambda: setattr(value, "key", "c"), lambda: delattr(value, "count")):
                with pytest.raises(dataclasses.FrozenInstanceError) as raised:
                    attempt()
                messages.append(str(raised.value))
        assert messages[:2] == messages[2:] == ["cannot assign to field 'key'", "cannot delete field 'count'"]


def test_what_a_record_does_not_take_is_refused() -> None:
    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):
        @record
        class Order:
            a: int = 1
            b: int
    with pytest.raises(TypeError, match="keyword-only"):
        @record
        class KeywordOnly:
            a: int = field(kw_only=True)
    with pytest.raises(TypeError, match="Cannot overwrite attribute __setattr__"):
        @record(frozen=True)
        class Guarded:
            a: int

            def __setattr__(self, name: str, value: Any) -> None:
                pass


@pytest.fixture
def inits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The compiled-__init__ cache, empty, in a directory of the test's own."""
    monkeypatch.setenv("TRACE_CACHE_DIR", str(tmp_path))
    cache = record_module._INITS
    monkeypatch.setattr(cache, "entries", None)
    monkeypatch.setattr(cache, "unsaved", {})
    monkeypatch.setattr(cache, "used", set())
    return cache


def test_an_init_compiled_once_is_read_back_from_the_cache(inits: Any) -> None:
    cache = inits
    first = initialised_pair(frozen=True, slots=False)[1]
    assert len(cache.unsaved) == 1
    cache.save()
    cache.forget()
    again = initialised_pair(frozen=True, slots=False)[1]
    assert cache.unsaved == {} and len(cache.entries or {}) == 1
    assert first.__init__.__code__.co_code == again.__init__.__code__.co_code
    assert again("ab", 3) == again("ab", 3) and repr(again("ab", 3)).endswith("Row(key='ab', count=3, items=[], state=-1)")
    cache.path().write_bytes(b"damaged")  # type: ignore[union-attr]
    cache.forget()
    assert initialised_pair(frozen=True, slots=False)[1]("ab").index == {"key": 2}


def own_pair(frozen: bool, slots: bool) -> tuple[type, type]:
    """The same class declared with dataclasses.field by dataclass and with record's own `field`
    by record (what the package's modules use, so that they never import dataclasses)."""
    made = []
    for decorate, make_field in ((dataclass(frozen=frozen, slots=slots), field),
                                 (record(frozen=frozen, slots=slots), record_field)):
        class Item:
            key: str
            size: int = 1
            tags: list[str] = make_field(default_factory=list)
            note: str | None = make_field(default=None, compare=False, repr=False)
            seen: dict[str, int] = make_field(default_factory=dict, init=False, repr=False, compare=False)
        made.append(decorate(Item))
    return made[0], made[1]


@pytest.mark.parametrize("frozen, slots", [(False, False), (True, False), (False, True), (True, True)])
def test_records_with_their_own_field_are_the_dataclass(frozen: bool, slots: bool) -> None:
    plain, rec = own_pair(frozen, slots)
    assert str(inspect.signature(rec)) == str(inspect.signature(plain))
    assert rec.__match_args__ == plain.__match_args__ == ("key", "size", "tags", "note")
    assert ("__slots__" in rec.__dict__) is slots and ("__dict__" in dir(rec("a"))) is not slots
    a, p = rec("a", 2, ["x"], "n"), plain("a", 2, ["x"], "n")
    assert repr(a).endswith(repr(p).rpartition(".")[2]) and a == rec("a", 2, ["x"], "other")
    assert [(f.name, f.type, f.init, f.repr, f.compare) for f in record_module.fields(rec)] == \
        [(f.name, f.type, f.init, f.repr, f.compare) for f in dataclasses.fields(plain)]
    assert [(f.name, f.type, f.init, f.repr, f.compare) for f in dataclasses.fields(rec)] == \
        [(f.name, f.type, f.init, f.repr, f.compare) for f in dataclasses.fields(plain)]
    assert dataclasses.asdict(a) == dataclasses.asdict(p)
    assert record_module.replace(a, size=5) == dataclasses.replace(a, size=5) == rec("a", 5, ["x"])
    assert record_module.replace(a).tags is a.tags and record_module.replace(a).seen == {}
    with pytest.raises(ValueError, match="init=False"):
        record_module.replace(a, seen={})
    first, second = rec("b"), rec("b")
    assert first.tags is not second.tags
    # the class attributes dataclass leaves: a default, none for a factory (a slot's descriptor)
    assert {k: type(v) for k, v in vars(rec).items() if k in ("size", "tags", "note", "seen")} == \
        {k: type(v) for k, v in vars(plain).items() if k in ("size", "tags", "note", "seen")}
    if frozen:
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'size'"):
            a.size = 3  # type: ignore[misc]


def test_a_mutable_default_is_refused_as_dataclass_refuses_it() -> None:
    with pytest.raises(ValueError, match="mutable default <class 'list'> for field items is not allowed"):
        @record
        class Listed:
            items: list[int] = []  # noqa: RUF012
    with pytest.raises(ValueError, match="mutable default"):
        @record
        class Keyed:
            index: dict[str, int] = record_field(default={})


def shaped_pair(frozen: bool, slots: bool, default: int, make_items: Any) -> tuple[type, type]:
    """The same class made by dataclass and by record: one shape (field names, which take a
    default or a factory), with the default and factory given."""
    made = []
    for decorate in (dataclass(frozen=frozen, slots=slots), record(frozen=frozen, slots=slots)):
        class Shaped:
            key: str
            count: int = default
            items: list[int] = field(default_factory=make_items)
            state: str | None = field(default="s", init=False)
        made.append(decorate(Shaped))
    return made[0], made[1]


@pytest.mark.parametrize("frozen, slots", [(False, False), (True, False), (False, True), (True, True)])
def test_a_shape_an_earlier_run_compiled_is_made_without_its_source(inits: Any, monkeypatch: pytest.MonkeyPatch,
                                                                   frozen: bool, slots: bool) -> None:
    shaped_pair(frozen, slots, 2, list)
    initialised_pair(frozen, slots)
    inits.save()
    inits.forget()

    def unwritten(shape: Any) -> str:
        raise AssertionError(f"source written again for {shape}")

    monkeypatch.setattr(record_module, "_source", unwritten)
    # the kept code with this class's own default and factory, as dataclass has them
    plain, rec = shaped_pair(frozen, slots, 7, lambda: [0])
    assert str(inspect.signature(rec)) == str(inspect.signature(plain)) == \
        "(key: 'str', count: 'int' = 7, items: 'list[int]' = <factory>) -> None"
    assert rec.__init__.__qualname__ == plain.__init__.__qualname__
    for args in (("k",), ("k", 3, [5])):
        a, p = rec(*args), plain(*args)
        assert repr(a) == repr(p) and (a.key, a.count, a.items, a.state) == (p.key, p.count, p.items, p.state)
    assert rec("k").items == [0] and rec("k").items is not rec("k").items
    plain, rec = initialised_pair(frozen, slots)  # __post_init__ and a field __init__ leaves out
    assert repr(rec("ab", 5, [1])) == repr(plain("ab", 5, [1]))
    assert (rec("ab").index, rec("ab").state) == ({"key": 2}, -1)
    assert inits.unsaved == {}


def test_a_kept_init_serves_only_the_source_that_compiled_it(inits: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    source = Path(record_module.__file__).read_bytes()
    assert f"-{zlib.crc32(source):08x}.code" in inits.name  # record.py edited: another file
    written = []
    write = record_module._source

    def spy(shape: Any) -> str:
        written.append(shape)
        return write(shape)

    monkeypatch.setattr(record_module, "_source", spy)
    shaped_pair(False, False, 2, list)
    inits.save()
    inits.forget()
    shaped_pair(False, False, 2, list)
    assert len(written) == 1  # read back
    monkeypatch.setattr(record_module, "_GENERATOR", None)  # its source unreadable: nothing kept
    inits.forget()
    assert shaped_pair(False, False, 2, list)[1]("k").count == 2
    assert len(written) == 2 and inits.unsaved == {}
