"""Profiles: the data under rules/profiles/ that says how to recognise sections of a document type.

A profile is a YAML file with `name`, `description`, `detect` (patterns whose hits over the
document's paragraphs select the profile automatically), `headings` (rules tried in order on each
paragraph), `tables` (rules that turn the rows of a matching table into sections), `boxes`
(the section kinds whose heading, opening a one-column table, makes it a box drawn round that
section's text, read as body text: see structure.unboxed) and `boxes_with_subsections` (kinds that
make one a box only when it holds a sub-heading of theirs too). Each regex is compiled once, when first used; nothing here looks at a document except `detect_profile`.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from .errors import ProfileError
from .patternscan import JoinedLines, first_chars, fold, required_literal, scanned, starts_of
from .record import record
from .regexcache import regex
from .rulefiles import RULES_DIR, check_keys, read_yaml

SIGNALS = ("heading-style", "bold-line", "heading-like", "numbered-line", "bold-label")


class Pattern:
    """A case-insensitive regex from a profile, compiled the first time it is used.

    A run tries the detect patterns of every profile but the rules of only one, so compiling all
    of them when the profiles load was most of their start-up cost. `search`, `match` and
    `fullmatch` are the compiled pattern's own methods, set on first access, so matching (also
    through a method a caller keeps, `search = rule.match.search`) costs what a plain `re.Pattern`
    costs. A bad pattern is a ProfileError naming its file and rule, raised on first use.
    """

    __slots__ = ("pattern", "where", "search", "match", "fullmatch")
    search: Callable[..., re.Match[str] | None]
    match: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]

    def __init__(self, pattern: str, where: str) -> None:
        self.pattern = pattern
        self.where = where

    def __getattr__(self, name: str) -> Any:
        """Called only while the matching methods are unset: compile, then set all three."""
        if name not in ("search", "match", "fullmatch"):
            raise AttributeError(name)
        regex = self.compile()
        self.search, self.match, self.fullmatch = regex.search, regex.match, regex.fullmatch
        return getattr(regex, name)

    def compile(self) -> re.Pattern[str]:
        """The compiled regex (from the regex cache: see regexcache.py)."""
        try:
            return regex(self.pattern, re.IGNORECASE)
        except re.error as exc:
            raise ProfileError(f"{self.where}: bad regular expression {self.pattern!r}: {exc}") from exc

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pattern) and other.pattern == self.pattern

    def __hash__(self) -> int:
        return hash(self.pattern)

    def __repr__(self) -> str:
        return f"Pattern({self.pattern!r})"

    def __reduce__(self) -> tuple[type[Pattern], tuple[str, str]]:
        return Pattern, (self.pattern, self.where)


@lru_cache(maxsize=1024)
def is_anchored(pattern: str) -> bool:
    """Whether every match of `pattern` starts at the start of the text: it opens with `^` and has
    no `|` outside a group (`^a|b` finds "b" anywhere), so `search` and `match` agree."""
    found = scanned(pattern) if pattern.startswith("^") else None
    return found is not None and not found[1]


def join_patterns(patterns: Iterable[str], marked: bool = False) -> re.Pattern[str] | None:
    """One case-insensitive regex whose `match` finds something where any of `patterns` does, so
    that a text most of them miss is turned down in one call instead of one per pattern (for
    `search` too, when each is_anchored). None when there is no pattern or one cannot be joined:
    its groups are referred to, or it does not compile.

    `marked`: each pattern is followed by an empty group named `_K` (K its place in `patterns`),
    the last group a match closes, so a match's `lastindex` tells which pattern matched: the
    first of them that matches the text (`groupindex` maps the names to those numbers)."""
    parts = [scanned(p) for p in patterns]
    if not parts or None in parts:
        return None
    marks = [f"(?P<_{k}>)" if marked else "" for k in range(len(parts))]
    try:
        return regex("|".join(f"(?:{p[0]}){mark}" for p, mark in zip(parts, marks) if p is not None), re.IGNORECASE)
    except re.error:
        return None


# The characters an escape stands for itself with (`\)`) before a pattern's final `$` (last_chars):
# an escaped letter or digit is a class (`\d`), an anchor (`\b`) or a code (`\x41`).
_ESCAPED_LITERALS = frozenset("()[]{}.*+?|^$\\/-:;,'\"!#%&<=>@_`~ ")


@lru_cache(maxsize=1024)
def last_chars(pattern: str) -> frozenset[str] | None:
    """The ASCII characters a case-insensitive match of `pattern` can end with when it must end
    the text (a line without a final line break, which `$` also matches before), told from its
    source: for a pattern with no `|` outside a group that ends with an escaped punctuation mark
    and `$` (`\\)$`), that mark; with a run of letters and `$` (`framework$`), the last letter
    in both cases. None when that is not known (any other ending, or a letter run that may be
    part of an escape: `\\bword$`, `\\x4A$`); a text ending with a non-ASCII character
    re.IGNORECASE matches with an ASCII letter ("ſ" with "s") is never turned down for it."""
    found = scanned(pattern)
    if found is None or found[1] or not pattern.endswith("$") or _escaped(pattern, len(pattern) - 1):
        return None
    body = pattern[:-1]
    if len(body) >= 2 and body[-1] in _ESCAPED_LITERALS and _escaped(body, len(body) - 1):
        return frozenset(body[-1])
    letters = len(body) - len(body.rstrip(_ASCII_LETTERS))
    before = body[-letters - 1:-letters] if letters < len(body) else ""
    if not letters or before == "\\" or before.isdigit():
        return None
    return frozenset((body[-1].lower(), body[-1].upper()))


_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _escaped(source: str, at: int) -> bool:
    """Whether the character at `at` in a regex source follows an odd run of backslashes."""
    run = at - len(source[:at].rstrip("\\"))
    return run % 2 == 1


@record(frozen=True)
class HeadingRule:
    """Opens a section of `kind` when a paragraph matches `match` and the conditions hold."""

    kind: str
    match: Pattern | None = None
    rank: int | None = None
    rank_from_number: int | None = None
    rank_from_outline: int | None = None
    within: tuple[str, ...] = ()
    not_within: tuple[str, ...] = ()
    requires: str | None = None
    id: str | None = None
    title_from_next: bool = False
    max_words: int | None = None
    numbered_under: str | None = None
    # Kinds whose heading following this one, before another this rule matches, makes this one no
    # heading of the rule ("Proposed modifications to the … Action Plan" above the contribution's
    # Abstract and Proposals is its title, not the start of the amended text).
    unless_before: tuple[str, ...] = ()
    # The paragraph after the heading must match this: a target's progress line is one when its
    # status follows it ("Target on track …"), not in the list of a goal's targets.
    followed_by: Pattern | None = None


@record(frozen=True)
class TableRule:
    """Turns each data row of a table whose header matches into a section of `kind`."""

    kind: str
    header: Pattern
    columns: tuple[str, ...]
    within: tuple[str, ...] = ()
    not_within: tuple[str, ...] = ()
    title_field: str | None = None
    number: str | None = None
    number_field: str | None = None
    id: str | None = None
    group: Pattern | None = None
    group_kind: str | None = None
    group_id: str | None = None
    number_match: Pattern | None = None
    header_columns: bool = False
    headless: bool = False
    header_row: Pattern | None = None
    # A row's cell paragraphs may open the sections of heading rules `within` its kind (a goal
    # row's "Target 1.1: …" lines, each a target under the goal): see structure._row_section.
    subsections: bool = False


@record(frozen=True)
class Profile:
    """A document type: how to detect it and how to recognise its sections."""

    name: str
    description: str
    detect_patterns: tuple[Pattern, ...]
    min_hits: int
    priority: int
    headings: tuple[HeadingRule, ...]
    tables: tuple[TableRule, ...]
    max_heading_words: int = 80
    path: Path | None = None
    boxes: tuple[str, ...] = ()
    # Kinds that head notes as often as sections: a box one opens is its section's text only when
    # it holds a sub-heading of that section too (a heading a rule `within` the kind opens).
    boxes_with_subsections: tuple[str, ...] = ()
    # Detect patterns (among detect_patterns) one hit of which chooses the profile alone: a line
    # that says what the document is ("TITLE: Proposed modifications to …" on a contribution's cover).
    detect_alone: tuple[Pattern, ...] = ()


REGIONS = "{regions}"
"""In a profile's pattern, the regional-initiative prefixes the registry knows (AFR, AMS, …)."""


def _regex(pattern: str, where: str) -> Pattern:
    text = str(pattern)
    if REGIONS in text:
        if not (regions := _regions()):
            raise ProfileError(f"{where}: {REGIONS} in a pattern, but {REGIONS_FILE} lists no 'regions'")
        text = text.replace(REGIONS, regions)
    return Pattern(text, where)


REGIONS_FILE = RULES_DIR / "registry" / "regional-initiatives.yml"


@lru_cache(maxsize=1)
def _regions() -> str:
    """`(?:AFR|AMS|…)`: the `regions` of rules/registry/regional-initiatives.yml, so that a profile
    reads an initiative's code ("AFR1: …") by the regions the registry resolves its references by,
    and a region the registry gains needs no profile edit."""
    data = read_yaml(REGIONS_FILE, "registry")
    regions = data.get("regions") if isinstance(data, dict) else None
    if not isinstance(regions, list) or not regions:
        return ""
    return "(?:" + "|".join(re.escape(str(region)) for region in regions) + ")"


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


_PROFILE_KEYS = ("name", "description", "extends", "detect", "headings", "tables", "max_heading_words", "boxes",
                 "boxes_with_subsections")
_DETECT_KEYS = ("patterns", "alone", "min_hits", "priority")
_HEADING_KEYS = ("kind", "match", "rank", "rank_from_number", "rank_from_outline", "within", "not_within",
                 "requires", "id", "title_from_next", "max_words", "numbered_under",
                 "unless_before", "followed_by")
_TABLE_KEYS = ("kind", "header", "columns", "headless", "header_row", "within", "not_within", "title_field", "number",
               "number_field", "id", "group", "group_kind", "group_id", "number_match",
               "subsections")


def _heading_rule(raw: dict[str, Any], where: str) -> HeadingRule:
    check_keys(raw, _HEADING_KEYS, where)
    if "kind" not in raw:
        raise ProfileError(f"{where}: heading rule without 'kind'")
    requires = raw.get("requires")
    if requires is not None and requires not in SIGNALS:
        raise ProfileError(f"{where}: unknown signal {requires!r} (one of {', '.join(SIGNALS)})")
    if raw.get("match") is None and requires is None:
        raise ProfileError(f"{where}: rule for {raw['kind']!r} needs 'match' or 'requires'")
    if requires == "bold-label" and raw.get("match") is None:
        raise ProfileError(f"{where}: rule for {raw['kind']!r} requires 'bold-label', which needs a 'match' with a 'title' group")
    return HeadingRule(
        kind=raw["kind"],
        match=_regex(raw["match"], where) if raw.get("match") else None,
        rank=raw.get("rank"),
        rank_from_number=raw.get("rank_from_number"),
        rank_from_outline=raw.get("rank_from_outline"),
        within=_tuple(raw.get("within")),
        not_within=_tuple(raw.get("not_within")),
        requires=requires,
        id=raw.get("id"),
        title_from_next=bool(raw.get("title_from_next", False)),
        max_words=raw.get("max_words"),
        numbered_under=raw.get("numbered_under"),
        unless_before=_tuple(raw.get("unless_before")),
        followed_by=_regex(raw["followed_by"], where) if raw.get("followed_by") else None,
    )


def _table_rule(raw: dict[str, Any], where: str) -> TableRule:
    check_keys(raw, _TABLE_KEYS, where)
    for key in ("kind", "header", "columns"):
        if key not in raw:
            raise ProfileError(f"{where}: table rule without {key!r}")
    columns = raw["columns"]
    return TableRule(
        kind=raw["kind"],
        header=_regex(raw["header"], where),
        columns=() if columns == "header" else _tuple(columns),
        header_columns=columns == "header",
        headless=bool(raw.get("headless", False)),
        header_row=_regex(raw["header_row"], where) if raw.get("header_row") else None,
        within=_tuple(raw.get("within")),
        not_within=_tuple(raw.get("not_within")),
        title_field=raw.get("title_field"),
        number=raw.get("number"),
        number_field=raw.get("number_field"),
        id=raw.get("id"),
        group=_regex(raw["group"], where) if raw.get("group") else None,
        group_kind=raw.get("group_kind"),
        group_id=raw.get("group_id"),
        number_match=_regex(raw["number_match"], where) if raw.get("number_match") else None,
        subsections=bool(raw.get("subsections", False)),
    )


def parse_profile(data: dict[str, Any], where: str = "<profile>", base: Profile | None = None,
                  path: Path | None = None, detection: Detection | None = None) -> Profile:
    """Build a Profile from the parsed YAML mapping, checking its shape; `path` is its file.

    With `base` (the profile named by `extends:`), the base's heading and table rules follow this
    profile's own, and its `boxes` kinds join this one's, so a derived profile only states what it
    adds. `detection`: its detect section, read already (and the mapping's keys checked), as
    _Directory reads it.
    """
    detect = _detect_section(data, where) if detection is None else {}
    for key in ("headings", "tables"):
        rules = data.get(key) or []
        if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
            raise ProfileError(f"{where}: '{key}' must be a list of rules (mappings)")
    headings = tuple(_heading_rule(r, f"{where} headings[{i}]") for i, r in enumerate(data.get("headings") or ()))
    tables = tuple(_table_rule(r, f"{where} tables[{i}]") for i, r in enumerate(data.get("tables") or ()))
    if base is not None:
        headings += base.headings
        tables += base.tables
    boxes = tuple(dict.fromkeys(_tuple(data.get("boxes")) + (base.boxes if base else ())))
    divided = tuple(dict.fromkeys(_tuple(data.get("boxes_with_subsections"))
                                  + (base.boxes_with_subsections if base else ())))
    opened = {rule.kind for rule in headings}
    for key, kinds in (("boxes", boxes), ("boxes_with_subsections", divided)):
        unknown = [kind for kind in kinds if kind not in opened]
        if unknown:
            raise ProfileError(f"{where}: {key!r} names {', '.join(map(repr, unknown))}, a kind no heading rule opens")
    undivided = [kind for kind in divided if not any(kind in rule.within for rule in headings)]
    if undivided:
        raise ProfileError(f"{where}: 'boxes_with_subsections' names {', '.join(map(repr, undivided))}, "
                           "a kind no heading rule opens a section within")
    both = [kind for kind in divided if kind in boxes]
    if both:
        raise ProfileError(f"{where}: 'boxes_with_subsections' names {', '.join(map(repr, both))}, which 'boxes' names")
    if detection is None:
        detection = _detection(data, detect, where)
    return Profile(
        name=detection.name,
        description=str(data.get("description", "")),
        detect_patterns=detection.detect_patterns,
        min_hits=detection.min_hits,
        priority=detection.priority,
        headings=headings,
        tables=tables,
        max_heading_words=int(data.get("max_heading_words", base.max_heading_words if base else 80)),
        path=path,
        boxes=boxes,
        boxes_with_subsections=divided,
        detect_alone=detection.detect_alone,
    )


@record(frozen=True)
class Detection:
    """What detection reads of a profile (its `detect` section: Profile's fields of the same
    names), parsed alone: a run tries the detect patterns of every profile but needs the heading
    and table rules of the one it chooses only, and parsing those of all was half the profiles'
    start-up (see _Directory)."""

    name: str
    detect_patterns: tuple[Pattern, ...]
    detect_alone: tuple[Pattern, ...]
    min_hits: int
    priority: int


def _detection(data: dict[str, Any], detect: dict[str, Any], where: str) -> Detection:
    """The Detection of a profile's parsed YAML `data`, whose `detect` mapping is `detect`."""
    alone = tuple(_regex(p, where) for p in detect.get("alone") or ())
    return Detection(str(data["name"]), tuple(_regex(p, where) for p in detect.get("patterns") or ()) + alone,
                     alone, int(detect.get("min_hits", 1)), int(detect.get("priority", 0)))


def _detect_section(data: Any, where: str) -> dict[str, Any]:
    """The `detect` mapping of a profile's parsed YAML `data`, after checking that `data` is a
    mapping with a `name` and known keys, and that `detect` is a mapping with known keys."""
    if not isinstance(data, dict) or "name" not in data:
        raise ProfileError(f"{where}: a profile is a mapping with at least 'name'")
    check_keys(data, _PROFILE_KEYS, where)
    detect = data.get("detect") or {}
    if not isinstance(detect, dict):
        raise ProfileError(f"{where}: 'detect' must be a mapping")
    check_keys(detect, _DETECT_KEYS, f"{where} detect")
    return detect


def _read_yaml(path: Path) -> Any:
    return read_yaml(path, "profile")


def load_profile_file(path: Path, directory: Path | None = None) -> Profile:
    """Read one profile YAML file (resolving `extends:` against the profiles directory)."""
    data = _read_yaml(path)
    base = None
    if isinstance(data, dict) and data.get("extends"):
        base = get_profile(str(data["extends"]), directory)
    return parse_profile(data, str(path), base, path)


class _Directory:
    """The profiles of a directory: every file read (and put in the order profiles are listed:
    by path, each after the one it `extends`) at once, each profile parsed in full the first time
    it is asked for (`profile`), and the detect section of each (`detections`) alone. Detection
    reads the detect sections of all and the chosen profile's rules only: parsing every profile's
    heading and table rules was half the profiles' start-up (tests/test_startup_profiles.py holds
    the two ways to the same profiles)."""

    def __init__(self, directory: Path) -> None:
        self.files: dict[str, tuple[Path, Any, dict[str, Any]]] = {}  # name -> file, parsed YAML, detect
        pending = {path: _read_yaml(path) for path in sorted(directory.glob("*.yml"))}
        while pending:
            progressed = False
            for path, data in list(pending.items()):
                parent = data.get("extends") if isinstance(data, dict) else None
                if parent and parent not in self.files:
                    continue
                detect = _detect_section(data, str(path))
                if (name := str(data["name"])) in self.files:
                    raise ProfileError(f"{path}: profile {name!r} is named by {self.files[name][0]} too")
                self.files[name] = path, data, detect
                del pending[path]
                progressed = True
            if not progressed:
                names = ", ".join(str(p) for p in pending)
                raise ProfileError(f"profiles extend unknown or circular bases: {names}")
        self.parsed: dict[str, Profile] = {}
        self._detections: dict[str, Detection] = {}

    def profile(self, name: str) -> Profile:
        """The profile called `name` (one of `files`), parsed in full, after its base."""
        if name not in self.parsed:
            path, data, _ = self.files[name]
            parent = data.get("extends")
            try:
                base = self.profile(parent) if parent else None
                self.parsed[name] = parse_profile(data, str(path), base, path, self.detection(name))
            except ProfileError:
                _forget_directories()
                raise
        return self.parsed[name]

    def profiles(self) -> dict[str, Profile]:
        """Every profile, parsed in full, by name, in order."""
        return {name: self.profile(name) for name in self.files}

    def detection(self, name: str) -> Detection:
        """The Detection of the profile called `name` (one of `files`), read once: the profile
        parsed in full shares it (its detect patterns, compiled on first use)."""
        if (found := self._detections.get(name)) is None:
            path, data, detect = self.files[name]
            try:
                found = self._detections[name] = _detection(data, detect, str(path))
            except ProfileError:
                _forget_directories()
                raise
        return found

    def detections(self) -> list[Detection]:
        """The Detection of every profile, in order."""
        return [self.detection(name) for name in self.files]


def _forget_directories() -> None:
    """Drop every directory of profiles kept (and its joined gate): a directory whose profile
    failed to parse is read again next time, so that a long-lived process sees the fixed file,
    as when a failed load kept nothing."""
    _directory.cache_clear()
    _anchored_gate.cache_clear()


@lru_cache(maxsize=8)
def _directory(directory: Path) -> _Directory:
    return _Directory(directory)


def available_profiles(directory: Path | None = None) -> dict[str, Profile]:
    """Every profile under rules/profiles/, by name."""
    return _directory(_profiles_dir(directory)).profiles()


def _profiles_dir(directory: Path | None) -> Path:
    return (directory or RULES_DIR / "profiles").resolve()


def get_profile(name: str, directory: Path | None = None) -> Profile:
    """The profile called `name`, or a path to a profile YAML file."""
    candidate = Path(name)
    if candidate.suffix in (".yml", ".yaml"):
        if not candidate.is_file():
            raise ProfileError(f"{name}: no such profile file")
        return load_profile_file(candidate, directory)
    profiles = _directory(_profiles_dir(directory))
    if name not in profiles.files:
        raise ProfileError(f"unknown profile {name!r} (known: {', '.join(sorted(profiles.files))})")
    return profiles.profile(name)


class _Lines:
    """The lines detection reads and, made the first time a pattern with a required literal is
    counted, their text joined and folded (patternscan.fold), to tell which lines hold the literal."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self._folded: tuple[bytes | None, JoinedLines] | None = None

    def holding(self, literal: str) -> list[str]:
        """The lines in which `literal` (lower-case ASCII letters and digits) occurs in any case, in
        order: the only ones a pattern requiring it can hit. Every line when the text holds a
        character that re.IGNORECASE matches with an ASCII letter other than its own two cases."""
        if self._folded is None:
            joined = JoinedLines(self.lines)
            self._folded = fold(joined.text), joined
        folded, joined = self._folded
        if folded is None:
            return self.lines
        found = dict.fromkeys(joined.line_at(at) for at in starts_of(folded, [literal.encode("ascii")]))
        return [self.lines[k] for k in found]


def _lines_hit(pattern: Pattern, lines: list[str], text: _Lines | None = None) -> int:
    """How many of `lines` `pattern` finds something in, each distinct line tried once (as in
    StartGate.gated: a document repeats many of its lines). With `text` (holding the same lines), a
    pattern with a required literal (required_literal) is tried only on the lines holding it."""
    literal = required_literal(pattern.pattern) if text is not None else ""
    tried = text.holding(literal) if text and literal else lines
    hit = set(filter(pattern.search, dict.fromkeys(tried)))
    return sum(map(hit.__contains__, tried)) if hit else 0


class _Score:
    """A profile's detection score (priority, then patterns with a hit, then hits), or while the
    patterns that read every line (`left`: not anchored, see _detect_score) are not counted yet,
    the range it lies in: `low` counts none of their hits, `high` a hit on every line for each.
    A profile whose anchored patterns already make it one that can be chosen (min_hits, two
    patterns with a hit) is often chosen or turned down by its range alone: a report whose
    anchored patterns outscore every other profile's is chosen without folding the whole text
    for "…progress on the implementation of…" (see _Lines)."""

    def __init__(self, detection: Detection, low: int, high: int | None = None, left: Sequence[Pattern] = (),
                 lines: list[str] | None = None, text: _Lines | None = None) -> None:
        self.detection = detection
        self.low = low
        self.high = low if high is None else high
        self.left, self.lines, self.text = left, lines or [], text

    def exact(self) -> int:
        """The score, counting the patterns left (once)."""
        if self.left:
            counts = [_lines_hit(pattern, self.lines, self.text) for pattern in self.left]
            self.low = self.high = self.low + sum(1000 + n for n in counts if n)
            self.left = ()
        return self.low

    def above(self, other: _Score) -> bool:
        """Whether this score is above `other`'s; the patterns left of either are counted only when
        their ranges overlap."""
        if self.low > other.high:
            return True
        if self.high <= other.low:
            return False
        return self.exact() > other.exact()


def _detect_score(
    profile: Detection, lines: list[str], beat: int | None, starting: GatedLines | None = None,
    text: _Lines | None = None
) -> _Score | None:
    """The profile's detection score over `lines`, or None when it cannot be chosen: fewer hits
    than its min_hits, fewer than two of its patterns with a hit, or a score not above `beat`.

    Patterns anchored at the line start cost little, one found anywhere in a line (`\\b(?:report|
    progress) on the implementation…`) scans every character of the document: the anchored ones
    are counted first, and counting stops as soon as even a hit on every line for each pattern
    left could not make the profile chosen; once only such patterns are left and the profile can
    be chosen without them, they are left for _Score to count if its range must be told apart
    from another's. Same answer as counting every pattern. `starting`, when given, holds the
    lines that any anchored pattern (is_anchored) finds something in (with how often each
    occurs, see StartGate.gated): those patterns are counted over these lines only, and with
    `text` (the same lines as `lines`) the others over the lines holding their required literal.
    """
    patterns = sorted(profile.detect_patterns, key=lambda p: not p.pattern.startswith("^"))
    need_covered = min(2, len(patterns))
    base = profile.priority * 1_000_000
    hits = covered = 0
    for done, pattern in enumerate(patterns):
        left = len(patterns) - done
        most_covered, most_hits = covered + left, hits + left * len(lines)
        if most_hits < profile.min_hits or most_covered < need_covered:
            return None
        if beat is not None and base + most_covered * 1000 + most_hits <= beat:
            return None
        if starting is not None and is_anchored(pattern.pattern):
            n = starting.hits(pattern)
        elif hits >= profile.min_hits and covered >= need_covered and not (
                starting is not None and any(is_anchored(p.pattern) for p in patterns[done:])):
            return _Score(profile, base + covered * 1000 + hits, base + most_covered * 1000 + most_hits,
                          patterns[done:], lines, text)
        else:
            n = _lines_hit(pattern, lines, text)
        hits += n
        covered += 1 if n else 0
    if hits < profile.min_hits or covered < need_covered:
        return None
    return _Score(profile, base + covered * 1000 + hits)


class GatedLines(dict[str, int]):
    """StartGate.gated's answer: the lines one of the patterns finds something in, each with how
    many times it occurs, and (made on first use) the same lines by their first character."""

    _by_first: dict[str, list[str]] | None = None

    def hits(self, pattern: Pattern) -> int:
        """How many lines `pattern` (anchored: is_anchored) finds something in, each counted as
        often as it occurs. It is tried on the lines opening with a character it can open with
        only (patternscan.first_chars; any non-ASCII one): most lines the gate let through open
        with other patterns' words ("Target 1.1…" is not tried with "^Objective…"), and trying
        every pattern on every such line cost a sixth of detection."""
        opening = first_chars(pattern.pattern)
        if opening is None:
            return sum([self[line] for line in filter(pattern.search, self)])
        if self._by_first is None:
            self._by_first = {}
            for line in self:
                self._by_first.setdefault(line[0], []).append(line)
        tried = [lines for first, lines in self._by_first.items() if first in opening or not first.isascii()]
        return sum([self[line] for lines in tried for line in filter(pattern.search, lines)])


class StartGate:
    """The anchored detect patterns of every profile, joined (join_patterns) once for each set of
    them that can open with a given ASCII character (patternscan.first_chars), so that a line is
    tried with the patterns that can match text opening with its first character only: a line
    opening with "T" is not tried with "^Objective…" or "^WSIS…". One regex of every pattern
    costs the regex engine a step into each alternative, a dozen times what turning it down at
    its first character costs; a line opening with a non-ASCII character is tried with all of
    them (re.IGNORECASE matches some with ASCII letters: "ſ" with "s").

    The patterns that must end the line with a known character (last_chars: "…framework$",
    "…\\((?:ITU-[RTD]|GS)\\)$") are kept apart, `ended`, and joined the same way by that
    character: a line is tried with them only when it ends with it (with all of them when it
    ends with a non-ASCII character or a line break, which `$` matches before). The Strategic
    Plan's "…(?:[A-Z][a-z]+\\s+){1,3}(?:Sector|Secretariat)\\s*\\((?:ITU-[RTD]|GS)\\)$" opens
    with any word: tried on every line, it was two-fifths of the gate's regex work, where one
    line in fifteen ends with ")".

    A character's patterns are joined when a line first opens (ends) with it: a short text meets
    a few of the 128, and the joined patterns of all of them were a third of the regex programs
    a one-line `trace refs` unpacked (a program costs some 25 instructions a byte to unpack: the
    sets are kept few, not one for each pair of first and last characters). A set that cannot
    be joined (which does not happen when the whole can be: start_gate) is tried with all of
    the patterns of its kind, which finds the same lines."""

    def __init__(self, patterns: Sequence[str], everything: re.Pattern[str] | None, ended: Sequence[str] = (),
                 all_ended: re.Pattern[str] | None = None) -> None:
        self.patterns = patterns
        self.openings = [first_chars(p) for p in patterns]
        self.everything: Callable[[str], object] | None = everything.match if everything is not None else None
        self.ended = ended
        self.endings = [last_chars(p) for p in ended]
        self.all_ended: Callable[[str], object] | None = all_ended.match if all_ended is not None else None
        self.by_char: dict[str, Callable[[str], object] | None] = {}
        self.by_last: dict[str, Callable[[str], object] | None] = {}
        self._joined: dict[tuple[str, ...], Callable[[str], object] | None] = {}

    def match(self, line: str) -> bool:
        """Whether one of the patterns finds something in `line` (not empty)."""
        first, last = line[0], line[-1]
        match = self.by_char[first] if first in self.by_char else self._not_yet_joined(first)
        if match is not None and match(line) is not None:
            return True
        match = self.by_last[last] if last in self.by_last else self._for_last(last)
        return match is not None and match(line) is not None

    def _not_yet_joined(self, first: str) -> Callable[[str], object] | None:
        """The match for a line opening with `first`, which by_char does not hold yet: joined now
        for an ASCII character (_for_char), everything for any other."""
        return self._for_char(first) if first.isascii() else self.everything

    def _for_char(self, char: str) -> Callable[[str], object] | None:
        """The match of the patterns that can open with the ASCII `char`, joined (None for none),
        kept for `char` and for every other character with the same patterns."""
        chosen = tuple(p for p, opening in zip(self.patterns, self.openings) if opening is None or char in opening)
        match = self.by_char[char] = self._join(chosen, self.everything)
        return match

    def _for_last(self, char: str) -> Callable[[str], object] | None:
        """The match of the `ended` patterns that can end a line ending with `char`, joined (None
        for none), kept for `char`: all of them for a non-ASCII character or a line break."""
        if not char.isascii() or char == "\n":
            match = self.all_ended
        else:
            match = self._join(tuple(p for p, ending in zip(self.ended, self.endings) if ending and char in ending),
                               self.all_ended)
        self.by_last[char] = match
        return match

    def _join(self, chosen: tuple[str, ...], whole: Callable[[str], object] | None) -> Callable[[str], object] | None:
        """The match of the patterns `chosen`, joined once for every set (None for none; `whole`,
        the match of all the patterns of their kind, when they cannot be joined)."""
        if chosen not in self._joined:
            gate = join_patterns(chosen) if chosen else None
            self._joined[chosen] = gate.match if gate is not None else whole if chosen else None
        return self._joined[chosen]

    def gated(self, lines: list[str]) -> GatedLines:
        """The lines (not empty) one of the patterns finds something in (`match`), each with how
        many times it occurs in `lines`, in the order they first occur: a document repeats many
        of its lines (running heads, table labels, renderings of the same text), so each distinct
        line is tried once, and each pattern then counted over them (GatedLines.hits) is too.
        collections.Counter(filter(self.match, lines)), with `match` written out in the loop: a
        method call for each distinct line cost as much as its test."""
        by_char, by_last = self.by_char, self.by_last
        out = GatedLines()
        for line, n in Counter(lines).items():
            first = line[0]
            match = by_char[first] if first in by_char else self._not_yet_joined(first)
            if match is None or match(line) is None:
                last = line[-1]
                match = by_last[last] if last in by_last else self._for_last(last)
                if match is None or match(line) is None:
                    continue
            out[line] = n
        return out


def start_gate(patterns: list[str]) -> StartGate | None:
    """The StartGate of `patterns` (anchored: is_anchored), None when they cannot be joined: those
    ending the line with a known character (last_chars) apart from the others."""
    ended = [p for p in patterns if last_chars(p) is not None]
    opened = [p for p in patterns if last_chars(p) is None]
    joined = [join_patterns(group) if group else None for group in (opened, ended)]
    if (opened and joined[0] is None) or (ended and joined[1] is None):
        return None
    return StartGate(opened, joined[0], ended, joined[1])


@lru_cache(maxsize=8)
def _anchored_gate(directory: Path) -> StartGate | None:
    """The anchored detect patterns of every profile in `directory`, joined (see StartGate)."""
    return start_gate([p.pattern for profile in _directory(directory).detections() for p in profile.detect_patterns
                       if is_anchored(p.pattern)])


def _alone_hit(profile: Detection, lines: list[str], starting: GatedLines | None, text: _Lines) -> bool:
    """Whether one of the profile's `alone` patterns finds a line (see Profile.detect_alone); an
    anchored one is tried on the `starting` lines the joined gate let through only (a few: the
    whole text is not folded to pick out those holding its literal, see _Lines), another on the
    lines holding its required literal."""
    return any(starting.hits(p) if starting is not None and is_anchored(p.pattern) else _lines_hit(p, lines, text)
               for p in profile.detect_alone)


def detect_profile(texts: Iterable[str], directory: Path | None = None) -> Profile:
    """The profile whose detect patterns hit most often (at least its min_hits, of two patterns;
    or one hit of an `alone` pattern, scored as one pattern's one hit), else 'generic'.

    The anchored patterns of all profiles, joined (StartGate), pick out first the few lines any
    of them can hit (most lines start with none of their words), so that each is then tried on
    those lines only; a pattern found anywhere in a line is tried only on the lines that hold its
    required literal, and only when the profile's score must be known to the hit (_Score). Only
    the chosen profile's heading and table rules are parsed (_Directory): a bad rule of another
    profile is a ProfileError when that profile is asked for (get_profile) or all are listed
    (available_profiles), not here; a bad `detect` section or `extends`, or two profiles of one
    name, is one here too.
    """
    lines = list(filter(None, map(str.strip, texts)))  # each text stripped, the empty left out
    best: _Score | None = None
    directory = _profiles_dir(directory)
    profiles = _directory(directory)
    gate = _anchored_gate(directory)
    starting = gate.gated(lines) if gate is not None else None
    text = _Lines(lines)
    for profile in profiles.detections():
        if not profile.detect_patterns:
            continue
        score = _detect_score(profile, lines, best.low if best else None, starting, text)
        if score is None and _alone_hit(profile, lines, starting, text):
            score = _Score(profile, profile.priority * 1_000_000 + 1000 + 1)
        if score is not None and (best is None or score.above(best)):
            best = score
    return profiles.profile(best.detection.name if best is not None else "generic")
