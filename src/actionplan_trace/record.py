"""`record`: the package's dataclass decorator, for start-up.

On Python 3.11, `dataclasses.dataclass` writes each class's `__init__`, `__repr__` and `__eq__`
(and for a frozen class `__hash__`, `__setattr__` and `__delattr__`) as source text and compiles
it when the module is imported: about 0.5 ms a class, some 25 ms of a `trace refs` start-up
spent on ~40 classes. A `record` is the same dataclass (`dataclasses.fields`, `asdict`,
`replace` and `is_dataclass` all work) with nothing compiled at import:
- `__repr__`, `__eq__` and `__hash__` are three functions shared by every record, which read the
  class's fields and give the results dataclass's own would: the same repr text, equality between
  instances of the same class on the fields compared, a hash of those fields for a frozen record
  and none (unhashable) for a mutable one;
- a frozen record's `__setattr__` and `__delattr__` guards are closures, the same test as
  dataclass's generated ones;
- `__init__` is the source dataclass would write (defaults, default factories, fields left out of
  `__init__`, `__post_init__`), compiled once and kept as a code object in the cache directory
  (diskcache.RunCache), so a later run only unmarshals it.
A method the class defines itself is kept, as dataclass keeps it. A frozen record with slots, or
one that inherits from a dataclass, is made by dataclass itself (shared repr, eq and hash still);
keyword-only fields, `InitVar` and `ClassVar` are refused. tests/test_record.py holds a record to
the dataclass it replaces.
"""

from __future__ import annotations

import dataclasses
import marshal
import sys
from operator import attrgetter
from reprlib import recursive_repr
from types import CodeType
from typing import Any, Callable, TypeVar, dataclass_transform, overload

from .diskcache import INTERPRETER_TAG, RunCache

T = TypeVar("T")

# Compiled `__init__` sources, keyed by the source text (which names no value, only fields). A
# code object is run as it is, so a damaged one could crash the interpreter: the file is used
# only when its digest matches its bytes (diskcache.load).
_INITS = RunCache(f"record-init-{INTERPRETER_TAG}.code", max_bytes=1_000_000)


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, frozen: bool = False, init: bool = True, slots: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: Any = None, /, *, frozen: bool = False, init: bool = True, slots: bool = False) -> Any:
    """`@dataclass` (with `frozen`, `init`, `slots` as there), its methods shared or cached."""

    def wrap(cls: Any) -> Any:
        own = cls.__dict__
        explicit_hash = "__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)
        by_dataclass = (frozen and slots) or any(dataclasses.is_dataclass(base) for base in cls.__mro__[1:])
        if by_dataclass:
            made: Any = dataclasses.dataclass(cls, init=init, repr=False, eq=False, frozen=frozen, slots=slots)
        else:
            if frozen and ("__setattr__" in own or "__delattr__" in own):
                raise TypeError(f"Cannot overwrite attribute __setattr__ or __delattr__ in class {cls.__name__}")
            made = dataclasses.dataclass(cls, init=False, repr=False, eq=False, frozen=False, slots=slots)
        fields = dataclasses.fields(made)
        if not by_dataclass:
            if len(made.__dataclass_fields__) != len(fields) or any(f.kw_only is True for f in fields):
                raise TypeError(f"{cls.__name__}: record has no ClassVar, InitVar or keyword-only fields; "
                                "use dataclasses.dataclass")
            made.__dataclass_params__.init = init
            made.__dataclass_params__.frozen = frozen
            if init and "__init__" not in own:
                made.__init__ = _init(made, fields, frozen, slots)
            if frozen:
                made.__setattr__, made.__delattr__ = _guards(made, frozenset(f.name for f in fields))
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


class _Factory:
    """The default of a parameter whose field has a default factory (shown as dataclass shows it)."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def _init(cls: Any, fields: tuple[dataclasses.Field[Any], ...], frozen: bool, slots: bool) -> Callable[..., None]:
    """The `__init__` dataclass would write for `fields`: the same parameters, defaults and
    assignments (through object.__setattr__ for a frozen class), then `__post_init__`."""
    values: dict[str, Any] = {"__setattr": object.__setattr__, "__FACTORY": _FACTORY}
    params, body = ["self"], []
    after_default = False
    for f in fields:
        name = f.name
        default = f"__dflt_{name}"
        has_factory = f.default_factory is not dataclasses.MISSING
        has_default = f.default is not dataclasses.MISSING
        if has_factory:
            values[default] = f.default_factory
        elif has_default and (f.init or slots):  # slots leave no class attribute to fall back on
            values[default] = f.default
        if f.init:
            values[f"__type_{name}"] = f.type
            if has_factory:
                params.append(f"{name}: __type_{name} = __FACTORY")
                value = f"{default}() if {name} is __FACTORY else {name}"
            elif has_default:
                params.append(f"{name}: __type_{name} = {default}")
                value = name
            elif after_default:
                raise TypeError(f"non-default argument {name!r} follows default argument")
            else:
                params.append(f"{name}: __type_{name}")
                value = name
            after_default = after_default or has_factory or has_default
        elif has_factory:
            value = f"{default}()"
        elif slots and has_default:
            value = default
        else:
            continue
        body.append(f"__setattr(self, {name!r}, {value})" if frozen else f"self.{name} = {value}")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    source = "\n".join([f"def __create__({', '.join(values)}):",
                        f" def __init__({', '.join(params)}) -> None:",
                        *(f"  {line}" for line in body or ["pass"]),
                        " return __init__"])
    namespace: dict[str, Any] = {}
    exec(_code(source), sys.modules[cls.__module__].__dict__, namespace)
    function: Callable[..., None] = namespace["__create__"](**values)
    function.__qualname__ = f"{cls.__qualname__}.__init__"
    return function


def _code(source: str) -> Any:
    """`source` compiled, from the code object an earlier run kept when there is one."""
    kept = _INITS.get(source)
    if kept is not None:
        try:
            code = marshal.loads(kept)
        except (EOFError, ValueError, TypeError):  # not marshal data: compile again
            code = None
        if type(code) is CodeType:  # the file's digest vouches for the rest (diskcache.load)
            return code
    code = compile(source, "<record>", "exec", dont_inherit=True)  # annotations evaluated, as dataclass has them
    _INITS.put(source, marshal.dumps(code))
    return code


def _guards(cls: Any, names: frozenset[str]) -> tuple[Callable[[Any, str, Any], None], Callable[[Any, str], None]]:
    """A frozen class's `__setattr__` and `__delattr__`, as dataclass writes them."""

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    __setattr__.__qualname__ = f"{cls.__qualname__}.__setattr__"
    __delattr__.__qualname__ = f"{cls.__qualname__}.__delattr__"
    return __setattr__, __delattr__


def _no_key(_instance: object) -> tuple[()]:
    return ()


@recursive_repr()
def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in type(self).__record_shown__)
    return f"{type(self).__qualname__}({shown})"


@recursive_repr()
def brief_repr(self: Any) -> str:
    """A record's repr with each collection given by its size alone ("sections=<list of 241>"),
    for the results a command returns (a document, a diff, a graph, a report): their full repr,
    a whole document or two, ran to megabytes in a log line or a failed test's message. A class
    takes it with `__repr__ = brief_repr`."""
    parts = []
    for name in type(self).__record_shown__:
        value = getattr(self, name)
        shown = f"<{type(value).__name__} of {len(value)}>" if isinstance(value, _COLLECTIONS) else repr(value)
        parts.append(f"{name}={shown}")
    return f"{type(self).__qualname__}({', '.join(parts)})"


_COLLECTIONS = (list, tuple, dict, set, frozenset)


def _eq(self: Any, other: Any) -> bool:
    if other.__class__ is self.__class__:
        key = type(self).__record_key__
        return bool(key(self) == key(other))
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(type(self).__record_key__(self))
