"""`record`: the package's dataclass decorator, for start-up.

On Python 3.11, `dataclasses.dataclass` writes each class's `__init__`, `__repr__` and `__eq__`
(and for a frozen class `__hash__`, `__setattr__` and `__delattr__`) as source text and compiles
it when the module is imported: about 0.1 ms a method, some 20 ms of a `trace refs` start-up
spent on ~40 classes. A `record` is the same dataclass (`dataclasses.fields`, `asdict`,
`replace` and `is_dataclass` all work) with only `__init__` and a frozen class's two guards
compiled; `__repr__`, `__eq__` and `__hash__` are three functions shared by every record, which
read the class's fields and give the results dataclass's own would: the same repr text, equality
between instances of the same class on the fields compared, a hash of those fields for a frozen
record and none (unhashable) for a mutable one. A method the class defines itself is kept, as
dataclass keeps it. tests/test_record.py holds a record to the dataclass it replaces.
"""

from __future__ import annotations

import dataclasses
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, Callable, TypeVar, dataclass_transform, overload

T = TypeVar("T")


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, frozen: bool = False, init: bool = True, slots: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: Any = None, /, *, frozen: bool = False, init: bool = True, slots: bool = False) -> Any:
    """`@dataclass` (with `frozen`, `init`, `slots` as there), its repr, eq and hash shared."""

    def wrap(cls: Any) -> Any:
        own = cls.__dict__
        explicit_hash = "__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)
        made: Any = dataclasses.dataclass(cls, init=init, repr=False, eq=False, frozen=frozen, slots=slots)
        fields = dataclasses.fields(made)
        compared = [f.name for f in fields if f.compare]
        made.__record_shown__ = tuple(f.name for f in fields if f.repr)
        made.__record_key__ = attrgetter(*compared) if compared else _no_key
        if "__repr__" not in own:
            made.__repr__ = _repr
        if "__eq__" not in own:
            made.__eq__ = _eq
            if not explicit_hash:
                made.__hash__ = _hash if frozen else None
        return made

    return wrap if cls is None else wrap(cls)


def _no_key(_instance: object) -> tuple[()]:
    return ()


@recursive_repr()
def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self).__record_shown__)
    return f"{type(self).__qualname__}({shown})"


def _eq(self: Any, other: Any) -> bool:
    if other.__class__ is self.__class__:
        key = type(self).__record_key__
        return bool(key(self) == key(other))
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(type(self).__record_key__(self))
