"""What check_known finds of an id, answered once per id by the registry (Registry.unlisted), held
to the plain way: the registry's own look-ups made for every reference."""

from __future__ import annotations

import random

from actionplan_trace.findings import Finding
from actionplan_trace.model import Loc
from actionplan_trace.refs import RefContext
from actionplan_trace.refs.findings import about
from actionplan_trace.refs.registry import Registry, load_registry
from actionplan_trace.refs.resolve import Resolver, load_rules
from actionplan_trace.refs.types import Reference


def _plain_check(registry: Registry, ref: Reference) -> list[Finding]:
    """check_known as it was written before the memo: the registry asked about every reference."""
    if registry.unknown(ref.id) and registry.enumerates(ref.id):
        if (most := registry.numbered(ref.id)) is not None:
            return [about(ref, "REF018", f"{ref.id} is not listed in the registry, but its series "
                                         f"is known to run from 1 to {most}")]
        return [about(ref, "REF001", f"{ref.id} is not in the registry")]
    return []


def _generated_ids(rng: random.Random, registry: Registry) -> list[str]:
    """Ids of every kind check_known meets, known and unknown, with and without an edition, many twice."""
    made = [rng.choice(sorted(registry.entries)) for _ in range(60)]
    for _ in range(140):
        n = rng.randint(0, 400)
        made.append(rng.choice([
            f"{rng.choice(['PP', 'WTDC', 'WTSA', 'RA', 'COUNCIL'])}-{rng.choice(['RES', 'DEC'])}-{n}",
            f"WTDC-RES-{n % 95}", f"PP-DEC-{n % 15}",
            f"ITU-{rng.choice('DTR')}-SG{n % 25}", f"ITU-{rng.choice('DTR')}-REC-{rng.choice('DYX')}.{n}",
            f"RI-{rng.choice(registry.regions or ('AFR',))}{n % 9}", f"ITU-GOAL-{n % 9}",
            f"ITU-TARGET-{n % 6}.{n % 12}@{rng.choice(['SP-2020-2023', 'SP-2024-2027', 'SP-2016-2019'])}",
            f"ITU-D-OUTPUT-{n % 7}.{n % 6}@{rng.choice(['WTDC-17', 'WTDC-22', 'WTDC-14'])}", f"WSIS-C{n % 14}",
        ]))
    return made + rng.sample(made, len(made))


def test_check_known_with_the_registry_s_answers_is_the_plain_check() -> None:
    registry = load_registry()
    rng = random.Random(11)
    codes = set()
    for at, ref_id in enumerate(_generated_ids(rng, registry)):
        ref = Reference(ref_id, "family", "1", text=ref_id, section=f"s{at % 5}", loc=Loc(paragraph=at), source="doc")
        resolver = Resolver(ref_id, RefContext(source="doc"), registry, load_rules())
        resolver.check_known(ref)
        assert resolver.findings == _plain_check(registry, ref), ref_id
        codes.update(f.code for f in resolver.findings)
    assert codes == {"REF001", "REF018"}  # ids were met again, and both findings were among them


def test_a_merge_drops_the_answers_about_ids() -> None:
    """An id the registry lacked is known once a merged file lists it (`merge` empties the answers)."""
    registry = Registry()
    registry.merge({"covers": ["resolution"], "entries": {"PP-RES-1": {"title": "one"}}}, "first")
    assert registry.unlisted("PP-RES-999") == (True, None)
    registry.merge({"entries": {"PP-RES-999": {"title": "x"}}}, "second")
    assert registry.unlisted("PP-RES-999") == (False, None)
