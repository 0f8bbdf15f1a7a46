"""The registry: which ids exist, with titles, revisions and where that knowledge came from.

Registry files are YAML under rules/registry/ (and any file a user adds):

    source: where the facts come from
    licence: their licence
    covers: [families this file speaks for]        # unknown ids of these families are reported
    complete: [families this file lists in full]   # ids outside them are impossible, not unknown
    entries:
      SDG-9.c: {title: ..., short: ..., rev: ..., source: ...}
    regions: [AFR, AMS, ...]                         # regional initiative prefixes
    series: [resolution, ...]                        # families whose ids run in series the registry
                                                     # lists only as cited: it speaks for an unlisted id
                                                     # only where `numbering` bounds the id's series
    numbering: {PP-RES: 214, WTDC-RES: 80, ...}      # a series numbered from 1 that a source lists
                                                     # reaching that number: an unlisted id within it is
                                                     # REF018 (info), past it REF001
    conferences:                                     # place/year -> organ, for "(Rev. Busan, 2014)"
      - {code: PP-14, organ: PP, place: Busan, year: 2014}
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterable


from ..diskcache import memo, source_salt
from ..errors import ProfileError
from ..rulefiles import RULES_DIR, check_keys, read_rules_bytes, read_yaml
from . import ids
from .ids import ORGANS, family_of, natural_key
from ..record import brief_repr, field, fields, record
from ..regexcache import regex

REGISTRY_DIR = RULES_DIR / "registry"
_WHAT = "registry file"  # what a registry file is called in the errors reading one raises
_SDG_TARGET = regex(r"^SDG-(\d+)\.(\d+|[a-z])$")
# What a registry file, an entry's facts and a conference may hold (see the module docstring).
_FILE_KEYS = ("source", "licence", "license", "covers", "complete", "series", "entries", "regions", "conferences",
              "numbering")
_NUMBERED = regex(r"^(?P<series>[A-Z][A-Z-]*?)-?(?P<n>\d+)$")  # "PP-RES-139" -> PP-RES, 139; "RI-ASP4" -> RI-ASP, 4
_FACT_KEYS = ("title", "short", "rev", "source")
_CONFERENCE_KEYS = ("code", "organ", "place", "year")


@record(frozen=True)
class Entry:
    """One known id with what the sources say about it. The disk cache makes entries without
    `__init__` (`_from_state`): a field added here must stay a plain value, with no
    `__post_init__`, slots, `init=False` or conversion."""

    id: str
    family: str
    title: str | None = None
    short: str | None = None
    rev: str | None = None
    source: str | None = None


@record(frozen=True)
class Conference:
    """A conference whose place and year identify the organ of a resolution: PP-14 Busan 2014."""

    code: str
    organ: str
    place: str
    year: int


@record
class Registry:
    """Known ids (merged from every registry file) and the facts the resolver needs."""

    __repr__ = brief_repr

    entries: dict[str, Entry] = field(default_factory=dict)
    covers: set[str] = field(default_factory=set)
    complete: set[str] = field(default_factory=set)
    regions: tuple[str, ...] = ()
    conferences: tuple[Conference, ...] = ()
    files: list[str] = field(default_factory=list)
    editions: dict[str, set[str]] = field(default_factory=dict)
    bases: set[str] = field(default_factory=set)
    numbering: dict[str, int] = field(default_factory=dict)  # series -> the highest number it is known to reach
    series: set[str] = field(default_factory=set)  # families the registry enumerates only where `numbering` bounds them

    def known(self, ref_id: str) -> bool:
        return ref_id in self.entries

    def checks(self, ref_id: str) -> bool:
        """Whether the registry speaks for `ref_id`: its family is covered and, for an id with an
        edition, the registry lists that edition (a plan it has not read is not "unknown")."""
        family = family_of(ref_id)
        if family not in self.covers:
            return False
        edition = ref_id.partition("@")[2]
        return not edition or edition in self.editions.get(family or "", ())

    def unknown(self, ref_id: str) -> bool:
        """An id the registry speaks for and does not have; an id without an edition is known
        when some edition has it."""
        if not self.checks(ref_id) or ref_id in self.entries:
            return False
        return "@" in ref_id or ref_id not in self.bases

    def enumerates(self, ref_id: str) -> bool:
        """Whether the registry states which ids of `ref_id`'s kind exist, so that one it lacks is
        unknown. For a family of `series` (resolutions, Recommendations, regional initiatives),
        only when `numbering` bounds the id's series ("PP-RES-900" past PP's 213): an unlisted
        "COUNCIL-DEC-5", "ITU-T-REC-F.790" or "RI-AMS2" is of a series no source lists. For a plan's
        ids, only at a level of numbering the registry lists some id of, in the id's edition (any
        edition, for an id without one): it lists the 2020-2023 plan's targets 2.1 to 2.10 and no
        lettered Connect 2030 target, so "ITU-TARGET-2.1.A@SP-2020-2023" is not unknown. Always
        for the rest (SDGs, WSIS action lines, study groups)."""
        family = family_of(ref_id)
        if family in self.series:
            split = series_number(ref_id)
            return split is not None and split[0] in self.numbering
        base, _, edition = ref_id.partition("@")
        if family not in self.editions:
            return True
        depth = _depth(base)
        return any(f == family and d == depth and (not edition or e == edition) for f, e, d in self.levels)

    @cached_property
    def levels(self) -> set[tuple[str, str, int]]:
        """(family, edition, depth) of every id with an edition the registry lists: ("itu-target",
        "SP-2020-2023", 1) for ITU-TARGET-2.1@SP-2020-2023 (`_depth`)."""
        out = set()
        for entry in self.entries.values():
            base, _, edition = entry.id.partition("@")
            if edition:
                out.add((entry.family, edition, _depth(base)))
        return out

    @cached_property
    def _answers(self) -> dict[tuple[Any, ...], Any]:
        """What `conference_at`, `unknown_revision` and `unlisted` answered, by method and
        arguments: each reads only what changes by `merge` alone (which empties this)."""
        return {}

    def unlisted(self, ref_id: str) -> tuple[bool, int | None]:
        """Whether the registry speaks for `ref_id` (`enumerates` its series) and lacks it, and then
        `numbered(ref_id)`: what Resolver.check_known reports (REF001, or REF018 with that number).
        Found once per id (`_answers`): a document checks the same ids again and again (1,167
        checks of 402 ids in 1 MB of the seeds), each a handful of look-ups."""
        key = ("unlisted", ref_id)
        answers = self._answers
        if key not in answers:
            lacked = self.unknown(ref_id) and self.enumerates(ref_id)
            answers[key] = lacked, self.numbered(ref_id) if lacked else None
        return answers[key]

    def numbered(self, ref_id: str) -> int | None:
        """The highest number of `ref_id`'s series (`numbering`) when its number is within it (an id
        that exists though the registry does not list it: "PP-RES-181" where PP's run to 213), else None."""
        split = series_number(ref_id)
        if split is None or (most := self.numbering.get(split[0])) is None:
            return None
        return most if 1 <= split[1] <= most else None

    def get(self, ref_id: str) -> Entry | None:
        return self.entries.get(ref_id)

    @cached_property
    def most_itu_goals(self) -> int | None:
        """The highest ITU strategic goal number of any edition the registry has, None when it has
        none: a bare "Goal 9" or "Target 17.18" past it can only be an SDG's."""
        numbers = [int(m.group(1)) for base in self.bases if (m := ids.ITU_GOAL_ID.fullmatch(base)) is not None]
        return max(numbers) if numbers else None

    def title(self, ref_id: str) -> str | None:
        entry = self.entries.get(ref_id)
        return entry.title if entry else None

    def ids(self, family: str) -> list[str]:
        """Every known id of one family, in natural order."""
        return sorted((e.id for e in self.entries.values() if e.family == family), key=natural_key)

    def sdg_targets(self, goal: int) -> set[str]:
        """Target suffixes ("1", "a") that goal `goal` has."""
        return set(self.sdg_target_order(goal))

    def sdg_target_order(self, goal: int) -> list[str]:
        """Target suffixes of goal `goal` in the registry's order ("1" … "5", "a" … "c" for SDG
        9): the order a range from a numbered to a lettered target ("9.1 to 9.c") runs in."""
        return list(self._sdg_target_orders.get(goal, ()))

    @cached_property
    def _sdg_target_orders(self) -> dict[int, list[str]]:
        """`sdg_target_order` of every goal, read off the entries once: a text's ranges and lists
        of targets ask it again and again."""
        out: dict[int, list[str]] = {}
        for ref_id in self.entries:
            m = _SDG_TARGET.match(ref_id)
            if m:
                out.setdefault(int(m.group(1)), []).append(m.group(2))
        return out

    def conference_at(self, place: str | None, year: int | None) -> Conference | None:
        """The conference held at `place` in `year` (places spelt alike match: `_same_place`); None when none or two.
        Found once per place and year (`_answers`): a document's revisions name the same few."""
        key = ("conference_at", place, year)
        answers = self._answers
        if key not in answers:
            answers[key] = self._conference_at(place, year)
        return answers[key]

    def _conference_at(self, place: str | None, year: int | None) -> Conference | None:
        if year is None:
            return None
        hits = [c for c in self.conferences if c.year == year]
        if place:
            hits = [c for c in hits if _same_place(place, c.place)]
        return hits[0] if len(hits) == 1 else None

    def unknown_revision(self, organ: str, place: str, year: int) -> str | None:
        """Why no conference of `organ` made a revision "(Rev. `place`, `year`)", or None when one
        did or the registry cannot tell: the organ has no conference listed, or the year is before
        its first (older conferences are not listed). Places match when spelt alike (`_same_place`:
        "Marrakech", "Yasmine Hammamet", "Genève"). Worked out once per organ, place and year (`_answers`)."""
        key = ("unknown_revision", organ, place, year)
        answers = self._answers
        if key not in answers:
            answers[key] = self._unknown_revision(organ, place, year)
        return answers[key]

    def _unknown_revision(self, organ: str, place: str, year: int) -> str | None:
        own = sorted((c for c in self.conferences if c.organ == organ), key=lambda c: c.year)
        if not own or year < own[0].year:
            return None
        that_year = [c for c in own if c.year == year]
        if any(_same_place(place, c.place) for c in that_year):
            return None
        said = (f"{organ} met in {' and '.join(c.place for c in that_year)} in {year}" if that_year
                else f"no {organ} conference in {year} is listed (rules/registry/conferences.yml)")
        there = [f"{c.code} ({c.year})" for c in own if _same_place(place, c.place)]
        return f"{said}; {place} hosted {', '.join(there)}" if there else said

    def conference_code(self, code: str) -> Conference | None:
        """The conference named by a code such as "WRC-15" or "WTDC-17"."""
        return next((c for c in self.conferences if c.code.upper() == code.upper()), None)

    def merge(self, data: dict[str, Any], origin: str) -> None:
        """Add one registry file's content; later files win for an id listed twice."""
        for derived in ("most_itu_goals", "levels", "_answers", "_sdg_target_orders"):  # worked out again from the merged ids
            self.__dict__.pop(derived, None)
        check_keys(data, _FILE_KEYS, origin)
        default_source = data.get("source")
        for key in ("covers", "complete", "series"):
            families = data.get(key) or []
            if not isinstance(families, list):
                raise ProfileError(f"{origin}: `{key}` must be a list of families")
            getattr(self, key).update(str(f) for f in families)
        entries = data.get("entries") or {}
        if not isinstance(entries, dict):
            raise ProfileError(f"{origin}: `entries` must map ids to their facts")
        for ref_id, facts in entries.items():
            ref_id = str(ref_id)
            family = family_of(ref_id)
            if family is None:
                raise ProfileError(f"{origin}: {ref_id!r} is not a canonical id")
            facts = facts or {}
            if not isinstance(facts, dict):
                raise ProfileError(f"{origin}: {ref_id}: facts must be a mapping")
            check_keys(facts, _FACT_KEYS, f"{origin}: {ref_id}")
            self.entries[ref_id] = Entry(
                id=ref_id,
                family=family,
                title=_opt(facts.get("title")),
                short=_opt(facts.get("short")),
                rev=_opt(facts.get("rev")),
                source=_opt(facts.get("source")) or _opt(default_source),
            )
            self.covers.add(family)
            base, _, edition = ref_id.partition("@")
            self.bases.add(base)
            if edition:
                self.editions.setdefault(family, set()).add(edition)
        numbering = data.get("numbering") or {}
        if not isinstance(numbering, dict) or not all(isinstance(n, int) and not isinstance(n, bool) and n > 0
                                                      for n in numbering.values()):
            raise ProfileError(f"{origin}: `numbering` must map series (PP-RES, RI-ASP) to their highest number")
        for series, most in numbering.items():
            self.numbering[str(series)] = max(most, self.numbering.get(str(series), 0))
        regions = data.get("regions")
        if regions:
            self.regions = tuple(dict.fromkeys([*self.regions, *(str(r).upper() for r in regions)]))
        for conf in data.get("conferences") or []:
            if isinstance(conf, dict):
                check_keys(conf, _CONFERENCE_KEYS, f"{origin}: conference {conf.get('code', '?')}")
            try:
                c = Conference(str(conf["code"]), str(conf["organ"]).upper(), str(conf["place"]), int(conf["year"]))
            except (KeyError, TypeError, ValueError) as exc:
                raise ProfileError(f"{origin}: bad conference entry {conf!r}") from exc
            if c.organ not in ORGANS:
                raise ProfileError(f"{origin}: conference {c.code}: unknown organ {c.organ}")
            self.conferences = (*self.conferences, c)
        self.files.append(origin)


def series_number(ref_id: str) -> tuple[str, int] | None:
    """An id of a numbered series as (series, number): "PP-RES-139" -> ("PP-RES", 139), "RI-ASP4"
    -> ("RI-ASP", 4); None for an id that does not end in a plain number (ITU-T-REC-Y.4409, an
    id with an edition), which no `numbering` bounds."""
    m = _NUMBERED.match(ref_id)
    return (m.group("series"), int(m.group("n"))) if m else None


def _depth(base: str) -> int:
    """How many levels below its first number an id's number goes: 0 for ITU-GOAL-2, 1 for
    ITU-TARGET-2.1 and ITU-D-OUTCOME-2.a, 2 for the lettered ITU-TARGET-2.1.A."""
    return base.count(".")


def _opt(value: Any) -> str | None:
    return None if value is None else str(value).strip()


_NOT_A_LETTER = regex(r"[^a-z]")


def _fold(text: str) -> str:
    """A place name's letters, lower case, accents dropped ("Florianópolis" -> "florianopolis")."""
    return _NOT_A_LETTER.sub("", unicodedata.normalize("NFKD", text).lower())


def _same_place(written: str, listed: str) -> bool:
    """Whether a revision's place names a listed conference's: the same letters, one inside the
    other ("Hammamet" for "Yasmine Hammamet", "Buenos" for "Buenos Aires"; four letters at least),
    or a spelling a letter or two apart ("Marrakech", "Bucarest", "Genève")."""
    a, b = _fold(written), _fold(listed)
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    if a in b or b in a:
        return True
    if a[:2] != b[:2]:
        return False  # no spelling variant: and the common case needs no rapidfuzz (its import costs ~15 ms)
    return close_spelling(a, b)


def close_spelling(a: str, b: str) -> bool:
    """Whether rapidfuzz's `fuzz.ratio(a, b)` is 80 or more. That ratio is 200 × the longest common
    subsequence over the two lengths, and no subsequence is longer than the letters the two share
    (each counted as often as the rarer side has it): where even that count falls short, the
    answer is no without importing rapidfuzz (some 30 M instructions, 2 % of a run on a 1 MB text,
    for one comparison such as "busan" against "bucharest")."""
    shared = sum(min(count, b.count(letter)) for letter, count in Counter(a).items())
    if 5 * shared < 2 * (len(a) + len(b)):
        return False
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b) >= 80


def _load_file(path: Path) -> dict[str, Any]:
    data = read_yaml(path, _WHAT)
    if not isinstance(data, dict):
        raise ProfileError(f"{path}: registry file must be a mapping")
    return data


# A merged registry is kept on disk as `_state`'s plain values, computed by this code (and the
# id grammar family_of reads): a cached state is used only with this very code.
_SALT = source_salt(__file__, ids.__file__)


@lru_cache(maxsize=16)
def _load(paths: tuple[Path, ...], users: tuple[bytes, ...] = ()) -> Registry:
    """The registry merged from `paths`, in order, through the disk cache (diskcache.memo): merging
    checks every id against the id grammar and builds ~500 entries, a few percent of a short run,
    and the files rarely change. The key holds each path and its bytes, so an edited, added or
    moved file is a miss; an error is raised by the merge itself, and nothing is kept then.
    `users`, the bytes of the users' files among `paths`, key this process's cache with them."""
    files = [b"%s\0%s" % (str(path).encode("utf-8", "surrogateescape"), read_rules_bytes(path, _WHAT))
             for path in paths]
    return _from_state(memo("registry", b"\0\0".join(files), _SALT, lambda: _state(_merged(paths)), _is_state))


def _merged(paths: tuple[Path, ...]) -> Registry:
    registry = Registry()
    for path in paths:
        registry.merge(_load_file(path), str(path))
    return registry


# Registry's fields as marshal holds them: entries as dicts of their fields' values, conferences as
# tuples of them, sets as sorted lists.
_State = tuple[list[dict[str, Any]], list[str], list[str], tuple[str, ...], list[tuple[Any, ...]], list[str],
               dict[str, list[str]], list[str], dict[str, int], list[str]]


_ENTRY_FIELDS = [f.name for f in fields(Entry)]
"""An entry's keys as `_state` keeps them. The cache entry's name already changes with this
module's source, where Entry is defined; the first kept entry is still checked against them
(`_is_state`), so that a damaged or hand-made cache file whose seal holds is computed again
rather than giving entries that lack a field (`_state` writes every entry alike)."""


def _state(registry: Registry) -> _State:
    """`registry` as plain values for the disk cache (`_from_state` makes it again)."""
    return (
        [{name: getattr(e, name) for name in _ENTRY_FIELDS} for e in registry.entries.values()],
        sorted(registry.covers), sorted(registry.complete), registry.regions,
        [(c.code, c.organ, c.place, c.year) for c in registry.conferences], registry.files,
        {family: sorted(codes) for family, codes in registry.editions.items()}, sorted(registry.bases),
        dict(registry.numbering), sorted(registry.series),
    )


def _is_state(value: Any) -> bool:
    """Whether a cached value has `_state`'s shape (diskcache.memo's check, after the digest's)."""
    return (isinstance(value, tuple) and len(value) == 10
            and all(isinstance(part, kind)
                    for part, kind in zip(value, (list, list, list, tuple, list, list, dict, list, dict, list)))
            and all(type(entry) is dict and list(entry) == _ENTRY_FIELDS for entry in value[0][:1]))


def _from_state(state: _State) -> Registry:
    """The registry `_state` kept. Its ~500 entries are made as their own `__init__` makes them
    (an instance whose `__dict__` holds its fields' values, in order) without running it: each
    takes the dict marshal gives back as its `__dict__`, which object.__setattr__ sets past the
    frozen record's guard. Running `__init__` for each was some 5 M instructions, a third of
    reading the registry and 3 % of a run's start-up."""
    stored, covers, complete, regions, conferences, files, editions, bases, numbering, series = state
    make, fill = object.__new__, object.__setattr__
    entries = {}
    for values in stored:
        entry = make(Entry)
        fill(entry, "__dict__", values)
        entries[values["id"]] = entry
    return Registry(
        entries=entries, covers=set(covers), complete=set(complete),
        regions=tuple(regions), conferences=tuple(Conference(*values) for values in conferences), files=list(files),
        editions={family: set(codes) for family, codes in editions.items()}, bases=set(bases),
        numbering=dict(numbering), series=set(series),
    )


@lru_cache(maxsize=4)
def _builtin_files(directory: Path) -> tuple[Path, ...]:
    files = tuple(sorted(directory.glob("*.yml")))
    if not files:
        raise ProfileError(f"{directory}: no registry files")
    return files


def load_registry(extra: Iterable[str | Path] = (), directory: Path = REGISTRY_DIR) -> Registry:
    """The built-in registry (every rules/registry/*.yml) merged with user registry files.

    The result is cached and shared: treat it as read-only.
    """
    builtin = _builtin_files(directory)
    if not extra:
        return _load(builtin)
    users = []
    for p in extra:
        path = Path(p)
        if not path.is_file():
            raise ProfileError(f"{path}: registry file not found")
        users.append(path.resolve())
    # the users' files are read each time: one edited in a long-lived process (a test run, a
    # library's caller) is a new registry, not the one cached under its name
    return _load((*builtin, *users), tuple(read_rules_bytes(path, _WHAT) for path in users))
