"""`record`: the package's dataclass decorator, for start-up.

On Python 3.11, `dataclasses.dataclass` writes each class's `__init__`, `__repr__` and `__eq__`
(and for a frozen class `__hash__`, `__setattr__` and `__delattr__`) as source text and compiles
it when the module is imported: about 0.5 ms a class, some 25 ms of a `trace refs` start-up
spent on ~40 classes. Importing `dataclasses` at all costs a start-up some 8 ms more: it imports
`inspect`, and with it `ast`, `dis` and `tokenize`, none of which a run uses otherwise. A
`record` is a dataclass to the standard library (`dataclasses.fields`, `asdict`, `replace` and
`is_dataclass` all work) made without that module:
- its fields are read from the class's annotations and defaults, `field(...)` (this module's, or
  `dataclasses.field`'s) giving a default factory or leaving a field out of `__init__`, `repr`
  or comparison; `__dataclass_fields__` and `__dataclass_params__` are made by `dataclasses`
  only when something asks for them (`dataclasses.fields`, `asdict`…), and this module's
  `fields` and `replace` answer the package itself without it;
- `__repr__`, `__eq__` and `__hash__` are three functions shared by every record, which read the
  class's fields and give the results dataclass's own would: the same repr text, equality between
  instances of the same class on the fields compared, a hash of those fields for a frozen record
  and none (unhashable) for a mutable one;
- a frozen record's `__setattr__` and `__delattr__` guards are closures, the same test as
  dataclass's generated ones (raising dataclasses.FrozenInstanceError);
- `__init__` is the source dataclass would write (defaults, default factories, fields left out of
  `__init__`, `__post_init__`), compiled once and kept as a code object in the cache directory
  (diskcache.RunCache), so a later run only unmarshals it;
- `slots=True` makes the class again with `__slots__`, as dataclass does (a frozen one gets the
  same `__getstate__` and `__setstate__`, so that it pickles).
A method the class defines itself is kept, as dataclass keeps it. A record that inherits from a
dataclass (or a record) is made by dataclass itself (shared repr, eq and hash still); keyword-only
fields, `InitVar` and `ClassVar` are refused. A class without a docstring keeps none (dataclass
writes its signature there). tests/test_record.py holds a record to the dataclass it replaces.
"""

from __future__ import annotations

import marshal
import sys
import zlib
from operator import attrgetter
from reprlib import recursive_repr
from types import CodeType
from typing import Any, Callable, Mapping, TypeVar, dataclass_transform, overload

from .diskcache import INTERPRETER_TAG, RunCache, source_salt
from .regexcache import regex

T = TypeVar("T")


def _checksum_of_this_module() -> int | None:
    """The CRC-32 of this module's source, which holds `_source`: it names the file of compiled
    `__init__` methods (`_INITS`), so that a kept one is used only with the source text that
    compiled it; after any edit here a run reads another, new, file. Not a digest: two versions
    of this file colliding is a one in four billion chance, not an attack (a cache directory
    others can write to is not read, diskcache.load). None when the source cannot be read
    (then nothing is kept)."""
    source = source_salt(__file__)
    return None if source is None else zlib.crc32(source)


_GENERATOR = _checksum_of_this_module()
# Compiled `__init__` methods, keyed by the record's shape (`_Shape`: its fields' names, not
# values), in a file named by this module's checksum (`_GENERATOR`). A code object is run as it
# is, so a damaged one could crash the interpreter: the file is used only when its seal matches
# its bytes (diskcache.load).
_INITS = RunCache(f"record-init-{INTERPRETER_TAG}-{_GENERATOR or 0:08x}.code", max_bytes=1_000_000)


class _Missing:
    """No default (dataclasses.MISSING's part, without importing dataclasses)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class Field:
    """One field of a record: its name and annotation (the text, under `from __future__ import
    annotations`), default or default factory, and whether `__init__`, the repr and comparisons
    take it. The attributes are dataclasses.Field's."""

    __slots__ = ("name", "type", "default", "default_factory", "init", "repr", "hash", "compare", "metadata")

    def __init__(self, default: Any = MISSING, default_factory: Any = MISSING, init: bool = True, repr: bool = True,
                 hash: bool | None = None, compare: bool = True, metadata: Mapping[Any, Any] | None = None) -> None:
        if default is not MISSING and default_factory is not MISSING:
            raise ValueError("cannot specify both default and default_factory")
        self.name = ""
        self.type: Any = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata

    def __repr__(self) -> str:
        return f"Field(name={self.name!r},type={self.type!r},default={self.default!r},init={self.init!r})"


@overload
def field(*, default: T, init: bool = True, repr: bool = True, hash: bool | None = None, compare: bool = True,
          metadata: Mapping[Any, Any] | None = None) -> T: ...


@overload
def field(*, default_factory: Callable[[], T], init: bool = True, repr: bool = True, hash: bool | None = None,
          compare: bool = True, metadata: Mapping[Any, Any] | None = None) -> T: ...


@overload
def field(*, init: bool = True, repr: bool = True, hash: bool | None = None, compare: bool = True,
          metadata: Mapping[Any, Any] | None = None) -> Any: ...


def field(*, default: Any = MISSING, default_factory: Any = MISSING, init: bool = True, repr: bool = True,
          hash: bool | None = None, compare: bool = True, metadata: Mapping[Any, Any] | None = None) -> Any:
    """A record field's options, as `dataclasses.field` takes them (without keyword-only fields)."""
    return Field(default, default_factory, init, repr, hash, compare, metadata)


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, frozen: bool = False, init: bool = True, slots: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(field, Field))
def record(cls: Any = None, /, *, frozen: bool = False, init: bool = True, slots: bool = False) -> Any:
    """`@dataclass` (with `frozen`, `init`, `slots` as there), its methods shared or cached."""

    def wrap(cls: Any) -> Any:
        own = cls.__dict__
        explicit_hash = "__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)
        if any("__dataclass_fields__" in base.__dict__ for base in cls.__mro__[1:]):
            made, specs = _by_dataclass(cls, frozen, init, slots)
        else:
            if frozen and ("__setattr__" in own or "__delattr__" in own):
                raise TypeError(f"Cannot overwrite attribute __setattr__ or __delattr__ in class {cls.__name__}")
            specs = _fields_of(cls)
            made = _slotted(cls, specs, frozen) if slots else cls
            made.__record_fields__ = specs
            made.__dataclass_fields__ = _DataclassView(made, frozen, init, "__dataclass_fields__")
            made.__dataclass_params__ = _DataclassView(made, frozen, init, "__dataclass_params__")
            if "__match_args__" not in own:
                setattr(made, "__match_args__", tuple(f.name for f in specs if f.init))
            if init and "__init__" not in own:
                made.__init__ = _init(made, specs, frozen, slots)
            if frozen:
                made.__setattr__, made.__delattr__ = _guards(made, frozenset(f.name for f in specs))
        compared = [f.name for f in specs if f.compare]
        made.__record_shown__ = tuple(f.name for f in specs if f.repr)
        made.__record_key__ = attrgetter(*compared) if compared else _no_key
        if "__repr__" not in own:
            made.__repr__ = _repr
        if "__eq__" not in own:
            made.__eq__ = _eq
            if not explicit_hash:
                made.__hash__ = _hash if frozen else None
        return made

    return wrap if cls is None else wrap(cls)


# An annotation naming a pseudo-field dataclass would treat apart ("ClassVar[int]",
# "dataclasses.InitVar[str]", "KW_ONLY"), as the text `from __future__ import annotations` leaves.
_PSEUDO = regex(r"\s*(?:\w+\s*\.\s*)?(?:ClassVar|InitVar|KW_ONLY)\b")


def _fields_of(cls: Any) -> tuple[Field, ...]:
    """The fields `cls` declares, in order, its class attributes set as dataclass leaves them (a
    default stays, a field() with none goes). A mutable default, a pseudo-field (ClassVar,
    InitVar, KW_ONLY) or a keyword-only field is refused."""
    out = []
    for name, kind in cls.__dict__.get("__annotations__", {}).items():
        if (_PSEUDO.match(kind) if isinstance(kind, str) else _is_pseudo(kind)):
            raise TypeError(f"{cls.__name__}: record has no ClassVar, InitVar or keyword-only fields; "
                            "use dataclasses.dataclass")
        value = cls.__dict__.get(name, MISSING)
        if isinstance(value, Field):
            spec = value
        elif _is_dataclass_field(value):
            spec = _from_dataclass_field(cls, value)
        else:
            spec = Field(default=value)
        spec.name, spec.type = name, kind
        default = spec.default
        if default is not MISSING and type(default).__hash__ is None:
            raise ValueError(f"mutable default {type(default)} for field {name} is not allowed: use default_factory")
        if value is not spec.default:  # a field(): the class keeps its default only
            if default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, default)
        out.append(spec)
    return tuple(out)


def _is_pseudo(kind: Any) -> bool:
    """Whether an evaluated annotation is ClassVar[...], an InitVar or KW_ONLY."""
    import typing

    return (kind is typing.ClassVar or getattr(kind, "__origin__", None) is typing.ClassVar
            or type(kind).__name__ in ("InitVar", "_KW_ONLY_TYPE"))


def _is_dataclass_field(value: Any) -> bool:
    """Whether `value` is a `dataclasses.field(...)` (only possible once something imported it)."""
    module = sys.modules.get("dataclasses")
    return module is not None and isinstance(value, module.Field)


def _from_dataclass_field(cls: Any, value: Any) -> Field:
    """A `dataclasses.field(...)` as this module's Field (keyword-only refused)."""
    import dataclasses

    if value.kw_only is True:
        raise TypeError(f"{cls.__name__}: record has no ClassVar, InitVar or keyword-only fields; "
                        "use dataclasses.dataclass")
    return Field(MISSING if value.default is dataclasses.MISSING else value.default,
                 MISSING if value.default_factory is dataclasses.MISSING else value.default_factory,
                 value.init, value.repr, value.hash, value.compare, value.metadata or None)


def _slotted(cls: Any, specs: tuple[Field, ...], frozen: bool) -> Any:
    """`cls` made again with a slot for each field, as dataclass's `slots=True` makes it (a frozen
    one with dataclass's `__getstate__` and `__setstate__`)."""
    names = tuple(f.name for f in specs)
    body = dict(cls.__dict__)
    body["__slots__"] = names
    for name in names:
        body.pop(name, None)
    body.pop("__dict__", None)
    body.pop("__weakref__", None)
    made = type(cls)(cls.__name__, cls.__bases__, body)
    made.__qualname__ = cls.__qualname__
    if frozen:
        if "__getstate__" not in body:
            made.__getstate__ = _getstate
        if "__setstate__" not in body:
            made.__setstate__ = _setstate
    return made


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, f.name) for f in type(self).__record_fields__]


def _setstate(self: Any, state: list[Any]) -> None:
    for f, value in zip(type(self).__record_fields__, state):
        object.__setattr__(self, f.name, value)


class _DataclassView:
    """A record's `__dataclass_fields__` and `__dataclass_params__`, made by `dataclasses` (a
    dataclass of the same fields) when first asked for, then set on the class in its place."""

    def __init__(self, cls: Any, frozen: bool, init: bool, name: str) -> None:
        self.cls, self.frozen, self.init, self.name = cls, frozen, init, name

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        import dataclasses

        cls = self.cls
        if "__record_view__" not in cls.__dict__:
            def made(f: Field) -> Any:
                return dataclasses.field(
                    default=dataclasses.MISSING if f.default is MISSING else f.default,
                    default_factory=dataclasses.MISSING if f.default_factory is MISSING else f.default_factory,
                    init=f.init, repr=f.repr, hash=f.hash, compare=f.compare, metadata=f.metadata)

            shadow: Any = dataclasses.make_dataclass(cls.__name__, [(f.name, f.type, made(f)) for f in cls.__record_fields__],
                                                init=False, repr=False, eq=False)
            params = shadow.__dataclass_params__
            params.init, params.frozen = self.init, self.frozen
            cls.__record_view__ = True
            cls.__dataclass_fields__, cls.__dataclass_params__ = shadow.__dataclass_fields__, params
        return cls.__dict__[self.name]


def _by_dataclass(cls: Any, frozen: bool, init: bool, slots: bool) -> tuple[Any, tuple[Field, ...]]:
    """A record inheriting from a dataclass: made by dataclass itself (repr, eq and hash still
    shared), its fields as this module's."""
    import dataclasses

    made = dataclasses.dataclass(cls, init=init, repr=False, eq=False, frozen=frozen, slots=slots)
    specs = []
    for f in dataclasses.fields(made):
        spec = _from_dataclass_field(made, f)
        spec.name, spec.type = f.name, f.type
        specs.append(spec)
    return made, tuple(specs)


def fields(class_or_instance: Any) -> tuple[Field, ...]:
    """The fields of a record (class or instance), in order, as `dataclasses.fields` gives them
    (name, type, default…), without importing dataclasses."""
    cls = class_or_instance if isinstance(class_or_instance, type) else type(class_or_instance)
    specs: tuple[Field, ...] | None = getattr(cls, "__record_fields__", None)
    if specs is None:
        raise TypeError("must be called with a record type or instance")
    return specs


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of the record `obj` with `changes` (field names), made by its `__init__`, as
    `dataclasses.replace` makes it."""
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} is declared with init=False, it cannot be specified with replace()")
        elif f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


class _Factory:
    """The default of a parameter whose field has a default factory (shown as dataclass shows it)."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


# What `_source` reads of a record: frozen, slots, whether it has a __post_init__, and for each
# field its name, whether `__init__` takes it, and whether it has a default and a default factory.
_Shape = tuple[bool, bool, bool, tuple[tuple[str, bool, bool, bool], ...]]


def _init(cls: Any, fields: tuple[Field, ...], frozen: bool, slots: bool) -> Callable[..., None]:
    """The `__init__` dataclass would write for `fields`: the same parameters, defaults and
    assignments (through object.__setattr__ for a frozen class), then `__post_init__`.

    Its source is a function of the fields' `_Shape` alone (their names, and which take a default,
    a default factory, a parameter), and the values it names (defaults, factories, annotations)
    are the arguments of the `__create__` the source defines, in the order `_source` names them;
    so a class whose shape an earlier run compiled builds no source text (`_code`)."""
    shape: _Shape = (frozen, slots, hasattr(cls, "__post_init__"),
                     tuple((f.name, f.init, f.default is not MISSING, f.default_factory is not MISSING)
                           for f in fields))
    values: list[Any] = [object.__setattr__, _FACTORY]
    for f in fields:
        if f.default_factory is not MISSING:
            values.append(f.default_factory)
        elif f.default is not MISSING and (f.init or slots):  # slots leave no class attribute to fall back on
            values.append(f.default)
        if f.init:
            values.append(f.type)
    namespace: dict[str, Any] = {}
    exec(_code(shape), sys.modules[cls.__module__].__dict__, namespace)
    function: Callable[..., None] = namespace["__create__"](*values)
    function.__qualname__ = f"{cls.__qualname__}.__init__"
    return function


def _source(shape: _Shape) -> str:
    """The source of `__create__(__setattr, __FACTORY, <each field's default, then annotation>…)`,
    which returns the `__init__` of a record of `shape` (see `_init`, which passes the values in
    this order)."""
    frozen, slots, post_init, fields = shape
    names, params, body = ["__setattr", "__FACTORY"], ["self"], []
    after_default = False
    for name, init, has_default, has_factory in fields:
        default = f"__dflt_{name}"
        if has_factory or (has_default and (init or slots)):
            names.append(default)
        if init:
            names.append(f"__type_{name}")
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
    if post_init:
        body.append("self.__post_init__()")
    return "\n".join([f"def __create__({', '.join(names)}):",
                      f" def __init__({', '.join(params)}) -> None:",
                      *(f"  {line}" for line in body or ["pass"]),
                      " return __init__"])


def _code(shape: _Shape) -> Any:
    """`_source(shape)` compiled, from the code object an earlier run kept when there is one
    (none is kept where this module's source cannot be read: _GENERATOR None)."""
    kept = _INITS.get(shape) if _GENERATOR is not None else None
    if kept is not None:
        try:
            code = marshal.loads(kept)
        except (EOFError, ValueError, TypeError):  # not marshal data: compile again
            code = None
        if type(code) is CodeType:  # the file's seal vouches for the rest (diskcache.load)
            return code
    code = compile(_source(shape), "<record>", "exec", dont_inherit=True)  # annotations evaluated, as dataclass has them
    if _GENERATOR is not None:
        _INITS.put(shape, marshal.dumps(code))
    return code


def _frozen_error(message: str) -> Exception:
    """dataclasses.FrozenInstanceError(message): the module is imported only when one is raised."""
    import dataclasses

    return dataclasses.FrozenInstanceError(message)


def _guards(cls: Any, names: frozenset[str]) -> tuple[Callable[[Any, str, Any], None], Callable[[Any, str], None]]:
    """A frozen class's `__setattr__` and `__delattr__`, as dataclass writes them."""

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise _frozen_error(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise _frozen_error(f"cannot delete field {name!r}")
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
