"""The vocabulary of the reference normaliser: references, findings, parse context and reports.

A `Reference` is one canonical id found in a text (with the words it came from and where);
a `Finding` is something worth telling a reader about those references (unknown id, impossible
SDG target, duplicate in a list …), with a stable code. Both serialise to the JSON contract of
`trace refs` (schema `actionplan-trace/refs/2`).
"""

from __future__ import annotations

from typing import Any, Iterable

from .. import schemas
from ..editions import DocEditions
from ..findings import Finding
from ..model import Loc
from ..record import brief_repr, field as dc_field, fields, record

REFS_SCHEMA = schemas.REFS

__all__ = ["REFS_SCHEMA", "Finding", "RefContext", "RefReport", "Reference", "Rev"]


@record(frozen=True)
class Rev:
    """A revision qualifier kept apart from the id: "(Rev. Dubai, 2014)" -> place Dubai, year 2014."""

    place: str | None
    year: int | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"place": self.place, "year": self.year, "text": self.text}

    def __str__(self) -> str:
        return ", ".join(str(p) for p in (self.place, self.year) if p is not None) or self.text


@record(slots=True)
class Reference:
    """One resolved reference: canonical id, family, number as written, revision, matched text.
    Slotted: a document's references are made by the thousand (each citation at each place it
    recurs), and a slotted instance is made a fifth quicker, without a dict."""

    id: str
    family: str
    number: str
    rev: Rev | None = None
    text: str = ""
    section: str | None = None
    loc: Loc = dc_field(default_factory=Loc)
    source: str | None = None
    field: str | None = None
    start: int = 0
    end: int = 0
    # A plan-internal id whose edition is the document's, not one its own words name: a hint
    # (not in the JSON) that REF017 counts.
    by_document: bool = dc_field(default=False, compare=False, repr=False)

    def __reduce__(self) -> tuple[type[Reference], tuple[Any, ...]]:
        """Pickled as its fields, loaded by `__init__`: a third of the time the slots' state takes
        either way (a document's references go between processes: forked.py)."""
        return Reference, (self.id, self.family, self.number, self.rev, self.text, self.section, self.loc, self.source,
                           self.field, self.start, self.end, self.by_document)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "family": self.family,
            "number": self.number,
            "text": self.text,
            "rev": self.rev.to_dict() if self.rev else None,
            "source": self.source,
            "section": self.section,
            "loc": self.loc.to_dict(),
        }
        if self.field:
            out["field"] = self.field
        return out


def placed(refs: Iterable[Reference], section: str | None, loc: Loc, source: str | None, field: str | None,
           shift: int = 0) -> list[Reference]:
    """`refs` again at another place of their document: its section, location, source and field,
    their spans moved by `shift`, the rest as they are. A text or a list of references that recurs
    is copied so, thousands of times in a long document. Each copy is made as `Reference`'s
    `__init__` would make it, its twelve fields set one by one on a new instance, but without the
    call of the class: that costs a third more than the assignments themselves, and the copy needs
    nothing else `__init__` does (a default for a field not given: every field is given here)."""
    out = []
    for r in refs:
        new = _new(Reference)
        new.id = r.id
        new.family = r.family
        new.number = r.number
        new.rev = r.rev
        new.text = r.text
        new.section = section
        new.loc = loc
        new.source = source
        new.field = field
        new.start = r.start + shift
        new.end = r.end + shift
        new.by_document = r.by_document
        out.append(new)
    return out


@record(frozen=True)
class RefContext:
    """What the surrounding document says about a text, so that bare forms can be resolved.

    `organ` is the organ assumed for a bare "Resolution 5"; `sector` the sector of a bare
    "Objective 2" / "Output 2.1"; `expect` the kind of list a reference group holds ("resolution",
    "wsis", "sdg"); `goal` what a bare "Goal 1" means ("itu" or "sdg"); `field` the roadmap column;
    `editions` the document's editions, which scope plan-internal ids (`ITU-D-OBJ-2@WTDC-17`).
    `section`, `loc` and `source` are copied onto every reference and finding.
    """

    organ: str | None = None
    sector: str | None = None
    expect: str | None = None
    goal: str | None = None
    field: str | None = None
    section: str | None = None
    loc: Loc = dc_field(default_factory=Loc)
    source: str | None = None
    editions: DocEditions | None = None

    def with_(self, **changes: Any) -> "RefContext":
        """A copy with `changes` (field names), as `dataclasses.replace` makes it but without
        running `__init__` again: document_refs asks for one per section and per text it reads.
        The copy's fields are a copy of this one's dict, updated and set as its dict, which costs
        a third less than filling a new instance's own dict with `update(fields, **changes)`. A
        name that is not a field adds a key to the dict, which holds every field: counting its
        keys is the test, cheaper than comparing the names with the fields first."""
        fields = self.__dict__.copy()
        fields.update(changes)
        if len(fields) != len(_CONTEXT_FIELDS):
            raise TypeError(f"RefContext has no field {', '.join(sorted(changes.keys() - _CONTEXT_FIELDS))}")
        copy = _new(RefContext)
        _set(copy, "__dict__", fields)
        return copy


_CONTEXT_FIELDS = frozenset(f.name for f in fields(RefContext))
_new, _set = object.__new__, object.__setattr__


@record
class RefReport:
    """Every reference of one or more documents, plus the findings about them."""

    __repr__ = brief_repr

    refs: list[Reference] = dc_field(default_factory=list)
    findings: list[Finding] = dc_field(default_factory=list)
    sources: list[str] = dc_field(default_factory=list)
    editions: dict[str, dict[str, str]] = dc_field(default_factory=dict)

    def extend(self, other: "RefReport") -> None:
        self.refs.extend(other.refs)
        self.findings.extend(other.findings)
        self.sources.extend(s for s in other.sources if s not in self.sources)
        self.editions.update(other.editions)

    def ids(self, section_prefix: str | None = None, family: str | None = None) -> set[str]:
        """The canonical ids cited, optionally only under a section id prefix or of one family."""
        return {
            r.id
            for r in self.refs
            if (section_prefix is None or (r.section or "").startswith(section_prefix))
            and (family is None or r.family == family)
        }

    def to_dict(self, rows: bool = True) -> dict[str, Any]:
        """The refs JSON contract as a dict; `rows=False` leaves out `refs` and `findings` (for a
        writer that encodes them one at a time)."""
        out: dict[str, Any] = {
            "schema": REFS_SCHEMA,
            "sources": list(self.sources),
            "editions": {k: dict(v) for k, v in self.editions.items()},
        }
        if rows:
            out["refs"] = [r.to_dict() for r in self.refs]
            out["findings"] = [f.to_dict() for f in self.findings]
        return out
