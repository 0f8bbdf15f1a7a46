"""The entities a document's own sections define: Output 2.2 of an Action Plan is
ITU-D-OUTPUT-2.2@WTDC-17, Objective 2 of a Strategic Plan's ITU-D part is ITU-D-OBJ-2@SP-…
(rules/refs.yml `entities` maps section kinds to id templates). The graph links a section to its
entity; the reference reader counts them as known, beside the registry."""

from __future__ import annotations

import re
from typing import Iterable, Iterator, Sequence

from ..editions import DocEditions, scoped
from ..model import Document, Section
from ..regexcache import regex
from .ids import family_of
from .resolve import RefRules
from .types import Reference


SECTOR_CODE = regex(r"^(?:ITU-[RTDI]|GS)$")
SECTOR_LEAD = regex(r"^(ITU-[RTD]|GS)\s+Objective\b")


def sector_of(section: Section, ancestors: Sequence[Section] = ()) -> str | None:
    """The sector a section belongs to: its own number when that is a sector code (ITU-R … GS) or
    a code opening its title ("ITU-D Objective 2"), else the nearest ancestor's number or (a
    table's group row) title."""
    lead = SECTOR_LEAD.match(section.title or "")
    for s in (section, *reversed(ancestors)):
        if s is not section and lead:
            return lead.group(1)
        for value in (s.number, s.title):
            if value and SECTOR_CODE.match(value.strip()):
                return value.strip()
    return lead.group(1) if lead else None


def entity_of(
    section: Section, rules: RefRules, editions: DocEditions | None = None, ancestors: Sequence[Section] = (),
) -> str | None:
    """The canonical id a section defines (Output 2.2 -> ITU-D-OUTPUT-2.2@WTDC-17, Objective 2 of
    the ITU-D sector of a Strategic Plan -> ITU-D-OBJ-2@SP-2012-2015), if its kind defines one;
    `{sector}` in the template comes from the section or its ancestors, plan-internal ids take the
    document's edition."""
    rule = rules.entities.get(section.kind)
    template = rule["id"] if rule else ""
    if not rule or ("{number}" in template or "{digits}" in template) and not section.number:
        return None
    number = section.number or ""
    sector = sector_of(section, ancestors) if "{sector}" in template else ""
    if sector is None:
        return None
    ref_id = template.format(number=number, digits=re.sub(r"\D", "", number), sector=sector)
    family = family_of(ref_id)
    if family is None:
        return None
    return scoped(ref_id, editions.for_family(family)) if editions else ref_id


def defined_entities(doc: Document, rules: RefRules, editions: DocEditions | None = None) -> dict[str, str]:
    """The canonical ids the sections of `doc` define (`entity_of`, with its ancestors), each with
    the id of the (first) section defining it. A section of a kind no entity rule names defines
    none (entity_of), so its chain of ancestors is not made: most sections are of such kinds."""
    out: dict[str, str] = {}
    for section in doc.sections:
        if section.kind in rules.entities and (
                entity := entity_of(section, rules, editions, doc.path(section)[:-1])) is not None:
            out.setdefault(entity, section.id)
    return out


def missing_children(doc: Document, refs: Iterable[Reference], own: dict[str, str],
                     rules: RefRules) -> Iterator[tuple[Reference, str]]:
    """Each reference, made inside one of the document's objectives, to a child entity of it
    (rules `numbered-under`: Output 2.3 under Objective 2) that `own`, the entities the document
    defines, lacks while it holds one of its siblings; with the parent's id. A document with none
    of Objective 3 (an excerpt, a report) cites Output 3.1 of a plan elsewhere, and a mention
    outside the objective ("Output 2.3 remains unchanged" in a contribution's proposal) names
    what the document need not reproduce: both are left alone."""
    for ref in refs:
        template = rules.numbered_under.get(ref.family or "")
        if template is None or ref.id in own:
            continue
        base, at, edition = ref.id.partition("@")
        head, dot, number = base.rpartition("-")[2].rpartition(".")
        if not dot:
            continue
        parent = template.format(parent=head) + at + edition
        prefix = base[: len(base) - len(number)]
        if parent not in own or not any(e.startswith(prefix) and e.endswith(at + edition) for e in own if e != ref.id):
            continue
        section = doc.by_id.get(ref.section or "")
        if section is not None and own[parent] in {s.id for s in doc.path(section)}:
            yield ref, parent
