"""Editions: which Strategic Plan or Action Plan a document (or one reference) belongs to.

A number means different things in different editions (ITU-D Objective 2 of the 2012-2015
Strategic Plan is not Objective 2 of the Buenos Aires Action Plan), so plan-internal ids carry
their edition: `ITU-D-OBJ-2@SP-2012-2015`. The editions, the patterns that name them and which
series scopes which family are data (rules/editions.yml). A document's edition per series is
read from its own text; `--edition` overrides it; what the text does not settle stays unsettled
(the references are reported, not guessed).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate, islice
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from .errors import ProfileError
from .patternscan import FOLD_UNSAFE, ONTO_ASCII, fold, matches_at, scanned, starts_of, starts_of_each
from .record import field, record
from .regexcache import regex
from .rulefiles import RULES_DIR, read_yaml

EDITIONS_FILE = RULES_DIR / "editions.yml"
# What may follow a reference and name its edition: words in brackets ("(Buenos Aires Action
# Plan)"), or a plan's title as the object of "of", "in" or "under" ("of the Buenos Aires Action
# Plan"; not "of this plan replaces … of the Dubai Action Plan", which names another's).
_PAREN = regex(r"\s*\([^()]{0,80}\)")
_OF = regex(r"\s+(?:of|in|under)\s+(?:the\s+)?")
# "In the Buenos Aires Action Plan (2018-2021), Output 2.2 …": a plan that frames its sentence
# (in/under/within it, before the reference, no sentence break between) names the edition of
# the plan-internal references after it in that sentence.
_FRAME = regex(r"\b(?:[Ii]n|[Uu]nder|[Ww]ithin|[Tt]hroughout)\s+the\s+")
_FRAME_WINDOW = 160
_SENTENCE_END = regex(r"[.!?;](?=\s+[A-Z(\"“‘]|\s*$)|\n")
_LITERAL = regex(r"[A-Za-z0-9-]*")
@record(frozen=True)
class Edition:
    """One edition of a series: `SP-2012-2015` with the patterns that name it: its `title`s,
    which settle a document's edition in its front matter and name a reference's beside it; its
    `mention`s, which only count towards a document's edition; and its `names`, which count so
    and name a reference's beside it too ("Connect 2020 Goal 3"), but settle nothing by standing
    in the front matter (a report on one plan speaks of the agenda before it)."""

    code: str
    series: str
    conference: str | None
    title: tuple[re.Pattern[str], ...]
    mention: tuple[re.Pattern[str], ...]
    names: tuple[re.Pattern[str], ...] = ()


@record(frozen=True)
class EditionTable:
    """rules/editions.yml, compiled."""

    series: Mapping[str, str]
    editions: tuple[Edition, ...]
    front: int
    ratio: float
    scopes: Mapping[str, Mapping[str, str]]
    _titles: dict[str, tuple[tuple[str, re.Pattern[str], str], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False)
    _by_start: dict[str, tuple[tuple[str, tuple[tuple[str, re.Pattern[str]], ...]], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def get(self, code: str) -> Edition | None:
        return next((e for e in self.editions if e.code.upper() == code.upper()), None)

    def series_of(self, family: str) -> set[str]:
        """Every series that scopes `family` in some profile (ITU-D objectives: SP and WTDC)."""
        return {m[family] for m in self.scopes.values() if family in m}

    def titles_for(self, family: str) -> tuple[tuple[str, re.Pattern[str], str], ...]:
        """(edition, title pattern, its literal start) of every edition of a series that can scope
        `family`, in table order, its `names` patterns with its titles; worked out once per family."""
        titles = self._titles.get(family)
        if titles is None:
            series = self.series_of(family)
            titles = self._titles[family] = tuple(
                (e.code, p, _prefix(p.pattern)) for e in self.editions if e.series in series for p in (*e.title, *e.names))
        return titles

    def titles_by_start(self, family: str) -> tuple[tuple[str, tuple[tuple[str, re.Pattern[str]], ...]], ...]:
        """`titles_for(family)` grouped by literal start, first appearance first: where a start is
        not in a text, none of its patterns is tried (ten titles of a family share four starts)."""
        groups = self._by_start.get(family)
        if groups is None:
            by: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
            for code, pattern, prefix in self.titles_for(family):
                by.setdefault(prefix, []).append((code, pattern))
            groups = self._by_start[family] = tuple((prefix, tuple(titles)) for prefix, titles in by.items())
        return groups

    def scope(self, profile: str | None) -> dict[str, str]:
        """family -> series for a document of `profile`."""
        out = dict(self.scopes.get("*", {}))
        out.update(self.scopes.get(profile or "", {}))
        return out


NAMES_NONE = "the text names no edition"  # why a series no text of the document speaks of is open


@record(frozen=True)
class DocEditions:
    """What one document's text settles: edition per series, plus why a series stayed open."""

    by_series: Mapping[str, str] = field(default_factory=dict)
    unsettled: Mapping[str, str] = field(default_factory=dict)
    scope: Mapping[str, str] = field(default_factory=dict)
    # series -> the editions the paragraph that settled it names, where it names several ("The
    # Buenos Aires Action Plan was succeeded by the Kigali Action Plan"): the first was taken
    chosen: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def for_family(self, family: str) -> str | None:
        """The edition code that scopes `family` in this document, or None (unscoped/unsettled)."""
        series = self.scope.get(family)
        return self.by_series.get(series) if series else None

    def to_dict(self) -> dict[str, str]:
        return dict(sorted(self.by_series.items()))


def _patterns(values: object, where: str) -> tuple[re.Pattern[str], ...]:
    if values is None:
        return ()
    if not isinstance(values, list):
        raise ProfileError(f"{where}: expected a list of patterns")
    try:
        return tuple(regex(str(v), re.I) for v in values)
    except re.error as exc:
        raise ProfileError(f"{where}: bad regular expression: {exc}") from exc


@lru_cache(maxsize=4)
def load_editions(path: Path = EDITIONS_FILE) -> EditionTable:
    """Read rules/editions.yml once."""
    data = read_yaml(path, "editions") or {}
    try:
        series = {str(k): str(v) for k, v in (data.get("series") or {}).items()}
        editions = []
        for code, facts in (data.get("editions") or {}).items():
            if facts.get("series") not in series:
                raise ProfileError(f"{path}: edition {code} names no known series")
            editions.append(Edition(
                code=str(code), series=str(facts["series"]), conference=facts.get("conference"),
                title=_patterns(facts.get("title"), f"{path}: {code}.title"),
                mention=_patterns(facts.get("mention"), f"{path}: {code}.mention"),
                names=_patterns(facts.get("names"), f"{path}: {code}.names"),
            ))
        scopes = {str(p): {str(f): str(s) for f, s in (m or {}).items()} for p, m in (data.get("scopes") or {}).items()}
        return EditionTable(series, tuple(editions), int(data.get("front", 40)),
                            float((data.get("evidence") or {}).get("ratio", 2)), scopes)
    except (AttributeError, TypeError, ValueError) as exc:
        raise ProfileError(f"{path}: malformed editions: {exc}") from exc


@lru_cache(maxsize=256)
def _prefix(pattern: str) -> str:
    """The literal text every match of `pattern` starts with, lower-cased ("" when unsure: an
    alternative at the top level, or a source scan_source cannot read)."""
    found = scanned(pattern)
    if found is None or found[1]:
        return ""
    head = _LITERAL.match(pattern)
    prefix = head.group(0) if head else ""
    if pattern[len(prefix):len(prefix) + 1] in ("?", "*", "{"):
        prefix = prefix[:-1]
    return prefix.lower()


def _finditer(pattern: re.Pattern[str], text: str, folded: bytes | None,
              places: dict[str, list[int]] | None = None) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, trying the pattern only where its literal start occurs in
    `folded` (`fold(text)`): one C-speed find instead of a regex scan. `places` keeps the
    positions of each literal start found, for the next pattern that shares it."""
    prefix = _prefix(pattern.pattern)
    if folded is None or not prefix:
        yield from pattern.finditer(text)
        return
    if places is None or (found := places.get(prefix)) is None:
        found = starts_of(folded, [prefix.encode("ascii")])
        if places is not None:
            places[prefix] = found
    yield from matches_at(pattern, text, found)


def _places_by_prefix(patterns: list[re.Pattern[str]], text: str, folded: bytes | None) -> dict[str, list[int]]:
    """Literal start -> its places in `folded` (`fold(text)`) where one of `patterns` that start
    with it can match, for `_finditer`. Patterns sharing a start ("Resolution" of four editions)
    are joined into one alternation, tried once a place: a place where it fails is dropped for
    all of them, instead of each pattern failing there in turn."""
    if folded is None:
        return {}
    groups: dict[str, list[re.Pattern[str]]] = {}
    for pattern in patterns:
        if prefix := _prefix(pattern.pattern):
            groups.setdefault(prefix, []).append(pattern)
    out: dict[str, list[int]] = {}
    places = starts_of_each(folded, [prefix.encode("ascii") for prefix in groups])
    for prefix, sharing in groups.items():
        found = places[prefix.encode("ascii")]
        if len(sharing) > 1 and found and (gate := _alternation(tuple(sharing))) is not None:
            found = [at for at in found if gate.match(text, at)]
        out[prefix] = found
    return out


@lru_cache(maxsize=64)
def _alternation(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One pattern matching wherever one of `patterns` matches (their sources, named groups made
    plain, joined by "|"); None when they cannot be joined or differ in flags."""
    sources = [scanned(p.pattern) for p in patterns]
    if len({p.flags for p in patterns}) != 1 or any(s is None or s[1] for s in sources):
        return None
    try:
        return regex("|".join(s[0] for s in sources if s is not None), patterns[0].flags)
    except re.error:
        return None


def _front_titles(table: EditionTable, text: str, end: int, folded: bytes | None) -> dict[str, list[tuple[int, str]]]:
    """series -> (position, edition) of each title pattern's first match in `text`, when that
    match starts before `end` (in the front matter). `folded` is `fold` of the front matter (to
    `end` plus the longest literal start; None when fold cannot take one of its characters: each
    pattern is then searched for in the whole text): only it is searched for the patterns' literal
    starts, but each candidate is matched against the whole text, so the first match is the one
    a scan of the whole text finds first. fold (bytes) costs a third of str.lower."""
    found: dict[str, list[tuple[int, str]]] = {}
    for edition in table.editions:
        for pattern in edition.title:
            prefix = _prefix(pattern.pattern).encode("ascii")
            start = None
            if folded is None or not prefix:
                m = pattern.search(text)
                start = m.start() if m and m.start() < end else None
            else:
                at = folded.find(prefix, 0, end + len(prefix) - 1)
                while at >= 0:
                    if pattern.match(text, at):
                        start = at
                        break
                    at = folded.find(prefix, at + 1, end + len(prefix) - 1)
            if start is not None:
                found.setdefault(edition.series, []).append((start, edition.code))
    return found


def check_override(codes: Iterable[str], table: EditionTable | None = None) -> dict[str, str]:
    """series -> edition for `--edition` values; an unknown code or two of one series is an error."""
    table = table or load_editions()
    out: dict[str, str] = {}
    for code in codes:
        edition = table.get(code)
        if edition is None:
            known = ", ".join(e.code for e in table.editions)
            raise ProfileError(f"unknown edition {code!r} (known: {known})")
        if edition.series in out and out[edition.series] != edition.code:
            raise ProfileError(f"--edition names two editions of {edition.series}: {out[edition.series]}, {edition.code}")
        out[edition.series] = edition.code
    return out


def detect(
    texts: Iterable[str],
    profile: str | None = None,
    override: Mapping[str, str] | None = None,
    table: EditionTable | None = None,
) -> DocEditions:
    """The editions a document's paragraphs (in order, tables left out) settle, per series."""
    table = table or load_editions()
    paragraphs = list(texts)
    joined = "\n".join(paragraphs)
    # Where paragraph number `front` starts in `joined` (the end of the text when there are fewer).
    front_end = sum(map(len, paragraphs[:table.front])) + table.front if len(paragraphs) > table.front else len(joined)
    # A title in the front matter settles its series whatever the rest of the text says, so the
    # whole text is searched, to count mentions, only for the series the front matter leaves open.
    # The titles need only the front matter folded (and as far as their literal starts reach).
    window = front_end + max((len(_prefix(p.pattern)) for e in table.editions for p in e.title), default=0)
    front = _front_titles(table, joined, front_end, fold(joined[:window]))
    open_series = {s for s in table.series if not (override and s in override) and s not in front}
    counts: dict[str, dict[str, int]] = {}
    if open_series:
        folded = _folded(paragraphs, joined)
        searched = [(e, p) for e in table.editions if e.series in open_series for p in (*e.title, *e.mention, *e.names)]
        places = _places_by_prefix([p for _e, p in searched], joined, folded)
        for edition, pattern in searched:
            for _m in _finditer(pattern, joined, folded, places):
                per = counts.setdefault(edition.series, {})
                per[edition.code] = per.get(edition.code, 0) + 1
    settled, unsettled = decide(table, front, counts, override)
    return DocEditions(settled, unsettled, table.scope(profile), _named_beside(table, paragraphs, front, settled))


def _folded(paragraphs: list[str], joined: str) -> bytes | None:
    """`fold(joined)`, `joined` being `paragraphs` joined with "\n", made a paragraph at a time: a
    text holding one character outside ASCII (a dash, a quote) is encoded a character at a time,
    while most of its paragraphs are ASCII, each encoded as one copy (the bytes are the same: one
    byte a character either way)."""
    if not joined.isascii() and any(c in joined for c in ONTO_ASCII):
        return None
    return b"\n".join([p.encode("ascii", "replace") for p in paragraphs]).lower()


def _named_beside(table: EditionTable, paragraphs: list[str], front: Mapping[str, list[tuple[int, str]]],
                  settled: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """series -> the editions named by the paragraph whose title settled the series (`front`'s
    earliest), where that paragraph names more than the one taken. A title of `front` starts in
    the front matter (`_front_titles`), before paragraph number `table.front`: only the starts of
    the paragraphs before it are needed to tell which paragraph holds it."""
    out: dict[str, tuple[str, ...]] = {}
    starts = list(accumulate((len(p) + 1 for p in islice(paragraphs, table.front)), initial=0))
    for series, places in front.items():
        at, code = min(places)
        if settled.get(series) != code:
            continue
        named = titles_named(table, series, paragraphs[bisect_right(starts, at) - 1])
        if len(named) > 1:
            out[series] = (code, *(c for c in named if c != code))
    return out


def plan_named_first(texts: Iterable[str], series: str, within: int, table: EditionTable | None = None) -> str | None:
    """The edition of `series` a document names as what it is about: the one edition whose `title`
    patterns occur in the first of its first `within` paragraphs that names any edition of the
    series ("Report on the implementation of the Kigali Action Plan"). None when that paragraph
    names two ("The Buenos Aires Action Plan was succeeded by the Kigali Action Plan": which one's
    "Output 1.1" a later line means is not said) or none of them names one."""
    table = table or load_editions()
    for text in islice(texts, within):
        named = titles_named(table, series, text)
        if named:
            return named[0] if len(named) == 1 else None
    return None


def titles_named(table: EditionTable, series: str, text: str) -> list[str]:
    """The editions of `series` whose `title` patterns occur in `text`, in the table's order."""
    return [e.code for e in table.editions if e.series == series and any(p.search(text) for p in e.title)]


def decide(
    table: EditionTable,
    front: Mapping[str, list[tuple[int, str]]],
    counts: Mapping[str, Mapping[str, int]],
    override: Mapping[str, str] | None = None,
) -> tuple[dict[str, str], dict[str, str]]:
    """(settled, unsettled) per series: `--edition` first, then the earliest title in the front
    matter (`front`: series -> (position, edition)), then the edition the text names `ratio` times
    more often than any other (`counts`: series -> edition -> mentions); else why not."""
    settled: dict[str, str] = {}
    unsettled: dict[str, str] = {}
    for series in table.series:
        if override and series in override:
            settled[series] = override[series]
        elif front.get(series):
            settled[series] = min(front[series])[1]
        elif counts.get(series):
            ranked = sorted(counts[series].items(), key=lambda kv: -kv[1])
            if len(ranked) == 1 or ranked[0][1] >= table.ratio * ranked[1][1]:
                settled[series] = ranked[0][0]
            else:
                unsettled[series] = "the text names " + " and ".join(f"{c} ({n}x)" for c, n in ranked)
        else:
            unsettled[series] = NAMES_NONE
    return settled, unsettled


def settled(by_series: Mapping[str, str], profile: str | None, table: EditionTable | None = None) -> DocEditions:
    """A document's editions rebuilt from what its reference report recorded (series -> code)."""
    table = table or load_editions()
    return DocEditions(dict(by_series), {}, table.scope(profile))


def named_near(text: str, start: int, end: int, family: str, table: EditionTable | None = None) -> str | None:
    """The edition a reference of `family` names itself, in its own words or right next to them
    ("Buenos Aires Action Plan Objective 2", "ITU-D Objective 2 (Buenos Aires Action Plan)",
    "ITU-D Output 2.1 of the Buenos Aires Action Plan"),
    of any series that can scope the family."""
    table = table or load_editions()
    own = text[start:end]
    before = text[max(0, start - 60):start].rstrip()
    after = _PAREN.match(text, end)
    of = _OF.match(text, end)
    lead = text[max(0, start - _FRAME_WINDOW):start]  # where a framing plan may stand (_framed); ends with `before`
    # A pattern whose literal start is nowhere in the pieces cannot match in any of them.
    paren = after.group(0) if after else ""
    pieces = f"{lead}\n{own}\n{paren}\n{text[of.end():of.end() + 80] if of else ''}"
    folded = None if not pieces.isascii() and any(c in pieces for c in FOLD_UNSAFE) else pieces.lower()
    titles = [title for prefix, group in table.titles_by_start(family) if folded is None or prefix in folded
              for title in group]
    hits = {code for code, p in titles if p.search(own) or (after is not None and p.search(paren)) or _object_of(
        p, text, of) or any(m.end() == len(before) for m in p.finditer(before))}
    if not hits and titles and "the " in lead:
        hits = _framed(lead, titles)
    return hits.pop() if len(hits) == 1 else None


def _framed(lead: str, titles: list[tuple[str, re.Pattern[str]]]) -> set[str]:
    """The editions whose plan frames the sentence `lead` ends in ("In the … Action Plan, …"):
    named after in/under/within/throughout the, after the sentence's last break."""
    cut = None
    for cut in _SENTENCE_END.finditer(lead):
        pass
    sentence = lead[cut.end():] if cut is not None else lead
    frames = [m.end() for m in _FRAME.finditer(sentence)]
    return {code for code, p in titles if any(p.match(sentence, at) for at in frames)}


def _object_of(title: re.Pattern[str], text: str, of: re.Match[str] | None) -> bool:
    """Whether a plan's `title` is the object of the "of"/"in"/"under" at `of`, whole: "of the
    Dubai Action Plan", not "in the Dubai Action Plan's successor"."""
    found = title.match(text, of.end()) if of is not None else None
    return found is not None and not text.startswith(("'s", "’s"), found.end())


def scoped(ref_id: str, edition: str | None) -> str:
    """`ITU-D-OBJ-2` + `SP-2012-2015` -> `ITU-D-OBJ-2@SP-2012-2015` (unchanged without an edition)."""
    return f"{ref_id}@{edition}" if edition and "@" not in ref_id else ref_id


def split(ref_id: str) -> tuple[str, str | None]:
    """`ITU-D-OBJ-2@SP-2012-2015` -> (`ITU-D-OBJ-2`, `SP-2012-2015`)."""
    base, _, edition = ref_id.partition("@")
    return base, edition or None
