"""Resolve parsed spans into canonical references with context, and check them: the resolve half.

Context settles what the words leave open: the organ named once before a list carries over to
the next list ("PP Decisions 5, 13, Resolutions 25"); a conference place and year names the organ
("Resolution 2 (Rev. Buenos Aires, 2017)" is WTDC's); "Goal 1" is an ITU strategic goal in a
roadmap's goals column and an SDG in an SDG list; "Output 2.1" is ITU-D's in an Action Plan.
Checks against the registry turn into findings (unknown id, impossible SDG target, target under
the wrong goal, WSIS line outside C1–C11, duplicates, unsorted lists, fuzzy corrections).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from ..editions import load_editions, named_near, scoped
from ..errors import LimitError, ProfileError
from ..limits import current, over
from ..rulefiles import RULES_DIR, read_yaml
from . import ids
from ..findings import FindingRule
from .findings import about, finding
from .grammar import Cite, Item, SectorIndex, may_look_like_reference, organ_before, reference_like
from .registry import Registry, series_number
from .types import Finding, Reference, RefContext, Rev, placed
from ..record import field, record
from ..regexcache import regex

REFS_RULES = RULES_DIR / "refs.yml"

_ORGAN_NAMES = (
    (regex(r"^(?:PP|Plenipotentiary)", re.I), "PP"),
    (regex(r"^(?:WTDC|World\s+Telecommunication\s+Development)", re.I), "WTDC"),
    (regex(r"^(?:WTSA|World\s+Telecommunication\s+Standardization)", re.I), "WTSA"),
    (regex(r"^(?:WRC|World\s+Radiocommunication)", re.I), "WRC"),
    (regex(r"^(?:RA|Radiocommunication\s+Assembly)\b", re.I), "RA"),
    (regex(r"^(?:ITU\s+)?Council|^C\d\d$", re.I), "COUNCIL"),
)
_REGISTERED = ("resolution", "decision", "recommendation", "study-group")  # families a list checks against the registry
# What a goal or target is "of": ITU's Connect 2030 Agenda or Strategic Plan, or the UN's 2030 Agenda.
_AGENDA_AFTER = regex(
    r"\s*,?\s+(?:of|in|under)\s+(?:the\s+)?(?:(?P<itu>Connect\s+20[23]0|(?:20\d\d\s*[-–]\s*20\d\d\s+)?(?:ITU(?:['’]s)?\s+)?Strategic\s+Plan)"
    r"|(?P<sdg>2030\s+Agenda|Agenda\s+2030|Sustainable\s+Development\s+Goals|SDGs?)\b)")
# Words after a goal or target that say it serves the SDGs ("Goal 1 contributes to SDG targets 9.c
# and 17.6; Goal 2 to SDG targets 5.b"): it is ITU's, whatever a heading says of the section.
_SERVES_SDGS_AFTER = regex(
    r"\s*,?\s+(?:(?i:contributes?|contributing|is\s+linked|links|relates?|is\s+aligned|aligns?)\s+)?"
    r"(?i:to)\s+(?:the\s+)?(?:UN\s+)?(?:SDGs?|Sustainable\s+Development\s+Goals?)\b")
_BARE_Q = regex(r"Q\s*[-.]?\s*0?[1-4]\s*/")  # a Question written "Q4/17", which a quarter ("Q4/17", 2017) is too
_JOINER = regex(r"[\s,;&]*(?:and|or)?[\s,;&]*", re.I)
_SECTOR_ORGAN = {"ITU-D": "WTDC", "ITU-T": "WTSA", "ITU-R": "RA"}
_ORGAN_SECTOR = {"WTDC": "ITU-D", "WTSA": "ITU-T", "RA": "ITU-R", "WRC": "ITU-R"}
_FAMILY_OF_BLANKET = (
    (regex(r"resolutions", re.I), "resolutions"),
    (regex(r"action\s+lines", re.I), "WSIS action lines"),
    (regex(r"SDGs|sustainable", re.I), "SDGs"),
)


@record(frozen=True)
class RefRules:
    """Resolver data from rules/refs.yml: organ by number range, per-profile defaults, the context
    of a document about one plan, section and field contexts, table columns, edge relations,
    entity-defining sections and owner kinds."""

    organ_by_number: tuple[tuple[int, int, str], ...] = ()
    profiles: dict[str, dict[str, str]] = field(default_factory=dict)
    sections: tuple[dict[str, Any], ...] = ()
    fields: dict[str, dict[str, str]] = field(default_factory=dict)
    relations: dict[str, str] = field(default_factory=dict)
    entities: dict[str, dict[str, str]] = field(default_factory=dict)
    owners: tuple[str, ...] = ()
    columns: tuple[tuple[re.Pattern[str], str], ...] = ()
    matrices: dict[str, dict[str, Any]] = field(default_factory=dict)
    marks: re.Pattern[str] = regex(r"^\s*[Xx]\s*$")
    reports: dict[str, dict[str, Any]] = field(default_factory=dict)
    sector_letters: dict[str, str] = field(default_factory=dict)
    statuses: tuple[tuple[str, re.Pattern[str]], ...] = ()
    revision: re.Pattern[str] = regex(r"\((?P<rev>[^()]*\d{4})\)")
    language: dict[str, Any] = field(default_factory=dict)
    numbered_under: dict[str, str] = field(default_factory=dict)
    numbered_under_profiles: frozenset[str] = frozenset()
    plan_documents: tuple[dict[str, Any], ...] = ()
    not_wsis_after: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def load_rules(path: Path = REFS_RULES) -> RefRules:
    """Read rules/refs.yml once."""
    data = read_yaml(path, "reference rules") or {}
    try:
        by_number = tuple((int(r["min"]), int(r.get("max", 10**9)), str(r["organ"])) for r in data.get("organ-by-number", []))
        sections = []
        for rule in data.get("sections", []):
            rule = dict(rule)
            if "title" in rule:
                rule["title"] = regex(rule["title"], re.I)
            sections.append(rule)
        return RefRules(
            organ_by_number=by_number,
            profiles={str(k): dict(v) for k, v in (data.get("profiles") or {}).items()},
            sections=tuple(sections),
            fields={str(k): dict(v) for k, v in (data.get("fields") or {}).items()},
            relations={str(k): str(v) for k, v in (data.get("relations") or {}).items()},
            entities={str(k): dict(v) for k, v in (data.get("entities") or {}).items()},
            owners=tuple(data.get("owners") or ()),
            columns=tuple((regex(c["header"], re.I), str(c["field"])) for c in data.get("columns") or ()),
            matrices={str(k): _compiled_matrix(v) for k, v in (data.get("matrices") or {}).items()},
            marks=regex(data.get("marks") or r"^\s*[Xx]\s*$"),
            reports={str(k): _compiled_report(v) for k, v in (data.get("reports") or {}).items()},
            sector_letters={str(k): str(v) for k, v in (data.get("sector-letters") or {}).items()},
            statuses=tuple((str(r["status"]), regex(r["match"], re.I)) for r in data.get("statuses") or ()),
            revision=regex(data.get("revision") or r"\((?P<rev>[^()]*\d{4})\)"),
            language=_language(data.get("language") or {}),
            numbered_under={str(k): str(v["parent"]) for k, v in (data.get("numbered-under") or {}).items()},
            numbered_under_profiles=frozenset(str(p) for p in data.get("numbered-under-profiles") or ()),
            not_wsis_after=frozenset(str(w).lower() for w in data.get("not-wsis-after") or ()),
            plan_documents=tuple(_plan_document(r) for r in data.get("plan-documents") or ()),
        )
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise ProfileError(f"{path}: malformed reference rules: {exc}") from exc


def _plan_document(rule: dict[str, Any]) -> dict[str, Any]:
    """One `plan-documents` rule, its series, profiles and paragraph count checked and normalised."""
    return {**rule, "series": str(rule["series"]), "profiles": frozenset(str(p) for p in rule["profiles"]),
            "within": int(rule["within"])}


def _language(rule: dict[str, Any]) -> dict[str, Any]:
    """The `language` rules with each language's words as a set (see refs/language.py)."""
    if not rule:
        return {}
    return {**rule, "words": {str(k): frozenset(str(w) for w in v) for k, v in rule["words"].items()}}


def _compiled_matrix(spec: dict[str, Any]) -> dict[str, Any]:
    """A matrix of rules/refs.yml with its `columns` (each a `column` header pattern and the
    `target` id a mark under it names, the first that matches a header wins) compiled; a matrix of
    one kind of column may give its `column` and `target` alone."""
    columns = spec.get("columns") or [{"column": spec["column"], "target": spec["target"]}]
    return {**spec, "columns": [(regex(c["column"], re.I), str(c["target"])) for c in columns]}


def _compiled_report(rule: dict[str, Any]) -> dict[str, Any]:
    out = dict(rule)
    for key in ("number", "outcomes"):
        if key in out:
            out[key] = regex(out[key])
    return out


def organ_key(word: str | None) -> str | None:
    """"Plenipotentiary Conference" -> PP, "WTDC-17" -> WTDC, "C09" -> COUNCIL, "ITU-D" -> WTDC."""
    if not word:
        return None
    word = " ".join(word.split())
    if word in _SECTOR_ORGAN:
        return _SECTOR_ORGAN[word]
    for pattern, organ in _ORGAN_NAMES:
        if pattern.match(word):
            return organ
    return None


def _organ_left(cite: Cite, organ: str) -> str:
    """The organ a list of resolutions or decisions of `organ` leaves for the next list: its last
    number's ("PP Resolution 71, 139 (WTDC), 140 and Resolution 141" is WTDC's 141)."""
    last = cite.items[-1].organ if cite.items else None
    return organ_key(last) or organ


@record
class _State:
    """What one text has established so far, for carry-over between lists."""

    last_organ: str | None = None
    last_end: int = -1
    # whether the text named last_organ (or its place, number or sector did), not the context
    # alone: only a named organ carries over to the next list ("Resolution 5 and Resolution 71
    # (Rev. Busan, 2014)" in an Action Plan is no WTDC resolution 71)
    last_stated: bool = False
    # what organ_for found for the cite being resolved
    stated: bool = False

    def leave(self, organ: str, end: int) -> None:
        """What a list of `organ` ending at `end` leaves for the next list."""
        self.last_organ, self.last_end, self.last_stated = organ, end, self.stated


def over_refs(source: str | None, run: bool = False) -> LimitError:
    """The error for a document that holds more references and findings together than Limits.refs
    allows, or (`run`) for the file with which the files of one run come to hold more."""
    most = current().refs
    what = "the files hold more than {:,} references and findings in all" if run else \
        "the document holds more than {:,} references and findings"
    return LimitError(source or "", over("refs", what.format(most), most))


class Resolver:
    """Turns the cites of one text into references and findings."""

    def __init__(self, text: str, ctx: RefContext, registry: Registry, rules: RefRules,
                 table: dict[str, FindingRule] | None = None, low: str | None = None,
                 memo: CiteMemo | None = None, budget: int | None = None) -> None:
        self.text = text
        self.budget = budget  # how many references it may emit (Limits.refs: see read_text)
        self.low = text.lower() if low is None else low
        self.ctx = ctx
        self.registry = registry
        self.rules = rules
        self.table = table
        self.refs: list[Reference] = []
        self.findings: list[Finding] = []
        self.state = _State()
        self.itu_goals_from: int | None = None
        self.sectors = SectorIndex(text)
        self.anchors: dict[tuple[int, int], str] = {}
        self.named: dict[tuple[int, int, str], str | None] = {}
        self.memo: CiteMemo = {} if memo is None else memo
        self.in_list = bool(ctx.expect or ctx.field)  # a reference list's text: see `narrated`

    def note(self, code: str, message: str, *, ref: str | None = None, text: str | None = None) -> None:
        self.findings.append(finding(code, message, self.ctx, ref=ref, text=text, table=self.table))

    def emit(self, ref_id: str, family: str, number: str, item: Item, cite: Cite, rev: Rev | None = None,
             shown: str | None = None) -> Reference:
        """The reference `item` of `cite` makes, its text the cite's anchor words and the item as
        written (or `shown`); a bracket opening the list is left out ("Regional Initiatives
        AFR3" for "Regional Initiatives (AFR3, ASP5)")."""
        first = cite.items[0].start if cite.items else item.start
        stop = min(first, item.start, cite.end)
        # The anchor words ("PP Resolutions") are the same for every item of a list: joined once.
        if (anchor := self.anchors.get((cite.start, stop))) is None:
            anchor = self.anchors[cite.start, stop] = " ".join(self.text[cite.start:stop].split()).removesuffix("(").rstrip()
        own = shown or " ".join(self.text[item.start:item.end].split())
        ctx = self.ctx
        ref = Reference(
            self.scope(ref_id, family, cite) if family in ids.SCOPED_FAMILIES else ref_id,
            family,
            number,
            rev,
            (f"{anchor}{'' if stop == item.start and self.text[stop - 1:stop].isalnum() else ' '}{own}".strip()
             if anchor and not own.startswith(anchor) else own),  # "ITU-T SG5" as written, not "SG 5"
            ctx.section,
            ctx.loc,
            ctx.source,
            None,
            item.start,
            item.end,
        )
        if family in ids.SCOPED_FAMILIES and "@" in ref.id and self.named.get((cite.start, cite.end, family)) is None:
            ref.by_document = True  # scope took the document's edition
        self.refs.append(ref)
        if self.budget is not None and len(self.refs) > self.budget:
            raise over_refs(ctx.source)
        return ref

    def scope(self, ref_id: str, family: str, cite: Cite) -> str:
        """A plan-internal id with its edition: the one the words name, else the document's."""
        if family not in ids.SCOPED_FAMILIES:
            return ref_id
        table = load_editions()
        doc = self.ctx.editions
        series = (doc.scope if doc else table.scope(None)).get(family)
        if series is None:
            return ref_id
        key = (cite.start, cite.end, family)  # the same for every item of a list
        if key not in self.named:
            self.named[key] = named_near(self.text, cite.start, cite.end, family, table)
        return scoped(ref_id, self.named[key] or (doc.by_series.get(series) if doc else None))

    def ambiguous(self, cite: Cite, why: str) -> None:
        """REF010: the words name a reference but not which one; nothing is emitted. The message
        quotes at most QUOTED_MOST characters of them (a list of thousands of numbers is one cite)."""
        words = self.cite_text(cite)
        self.note("REF010", f"{shortened(words)!r}: {why}", text=words)

    def cite_text(self, cite: Cite) -> str:
        return " ".join(self.text[cite.start:cite.end].split())

    # -- resolutions, decisions, recommendations ---------------------------------------------
    def organ_for(self, cite: Cite) -> str | None:
        """The organ of a list of resolutions or decisions: named by its words, carried over from a
        list just before that named one, given by a revision's place, by words before it, by its
        numbers, or else the context's (state.stated says whether the text named it)."""
        self.state.stated = True
        sectors = {i.sector for i in cite.items if i.sector}
        explicit = organ_key(cite.organ) or organ_key(cite.organ_after) or (
            _SECTOR_ORGAN.get(sectors.pop()) if len(sectors) == 1 else None)
        if explicit:
            return explicit
        between = self.text[self.state.last_end:cite.start] if self.state.last_end >= 0 else None
        if (self.state.last_organ and self.state.last_stated and between is not None and _JOINER.fullmatch(between)
                and not self.contradicted(cite, self.state.last_organ) and not self.past_numbering(cite, self.state.last_organ)):
            return self.state.last_organ
        for item in cite.items:
            if item.rev and item.rev.place:
                conf = self.registry.conference_at(item.rev.place, item.rev.year)
                if conf:
                    return conf.organ
        before = organ_key(organ_before(self.text, cite.start))
        if before:
            return before
        numbers = [int(i.number) for i in cite.items if i.number.isdigit()]
        for lo, hi, organ in self.rules.organ_by_number:
            if numbers and all(lo <= n <= hi for n in numbers):
                return organ
        self.state.stated = False
        return None if self.contradicted(cite, self.ctx.organ) else self.ctx.organ

    def past_numbering(self, cite: Cite, organ: str) -> bool:
        """Whether a number of the list is past the highest the registry knows `organ`'s series of
        its kind to reach (`numbering`): the organ of the list before it carries over to no such
        list ("Resolution 30 (Rev. Dubai, 2014) and Resolution 139": WTDC's run to 80)."""
        for item in cite.items:
            if item.number.isdigit() and not item.organ and not item.sector:
                split = series_number(ids.resolution_id(organ, cite.kind, item.number))
                if split is not None and (most := self.registry.numbering.get(split[0])) is not None and split[1] > most:
                    return True
        return False

    def contradicted(self, cite: Cite, organ: str | None) -> str | None:
        """Why an item's revision rules out `organ`, the context's guess ("(Rev. Sharm el-Sheikh,
        2019)" in a report whose bare resolutions are PP's: PP did not meet there), else None."""
        if organ is None:
            return None
        for item in cite.items:
            if item.rev and item.rev.place and item.rev.year:
                if (why := self.registry.unknown_revision(organ, item.rev.place, item.rev.year)) is not None:
                    return why
        return None

    def resolution(self, cite: Cite) -> None:
        if cite.kind == "recommendation":
            self.recommendation(cite)
            return
        self.organ_list(cite, self.organ_for(cite))

    def organ_list(self, cite: Cite, organ: str | None) -> None:
        """A list of resolutions or decisions of `organ` (None: not stated, nothing emitted)."""
        items = self.spread(cite.items)
        if organ is None:
            why = self.contradicted(cite, self.ctx.organ)
            self.ambiguous(cite, "the organ (PP, WTDC, WTSA …) is not stated" + (f", and not {self.ctx.organ}: {why}" if why else ""))
            return
        written = organ_key(cite.organ) or organ_key(cite.organ_after)  # the list's own words name it
        made = []
        for item in items:
            if not item.number.isdigit():
                continue
            conf = self.registry.conference_at(item.rev.place, item.rev.year) if item.rev and item.rev.place else None
            # An item's own revision names its organ unless the list's words name another:
            # "Resolutions 17 (Rev. Buenos Aires, 2017) and 71 (Rev. Dubai, 2018)" is WTDC 17, PP 71.
            # "Resolution 2 (WTDC), 71 (PP)", "PP Resolution 71, 139 (WTDC), 140": an organ the list
            # names after a number is that number's and the ones grammar._organ_names gives it
            own = (organ_key(item.organ) or organ if item.organ is not None
                   else conf.organ if conf is not None and not written and organ != "COUNCIL" else organ)
            ref_id = ids.resolution_id(_SECTOR_ORGAN.get(item.sector or "", own), cite.kind, item.number)
            # "C09 Res 1305": the Council session named before it adopted it, no revision
            made.append(self.emit(ref_id, cite.kind, str(int(item.number)), item, cite, item.rev))
            if conf is not None and item.rev is not None and organ != "COUNCIL" and conf.organ != own:
                self.findings.append(about(
                    made[-1], "REF012", f"{ref_id}: {item.rev.text} is {conf.code} ({conf.organ}), not {own}", self.table))
            elif conf is None and written and item.rev is not None and item.rev.place and item.rev.year and not item.sector:
                # judged against the organ the text names: one read from context may be the wrong guess
                if (why := self.registry.unknown_revision(own, item.rev.place, item.rev.year)) is not None:
                    self.findings.append(about(made[-1], "REF016", f"{ref_id}: {item.rev.text}: {why}", self.table))
        self.state.leave(_organ_left(cite, organ), cite.end)
        self.list_checks(made, cite)

    def recommendation(self, cite: Cite) -> None:
        made = []
        default = _ORGAN_SECTOR.get(organ_key(cite.organ) or "") or (cite.organ if cite.organ in _SECTOR_ORGAN else None)
        for item in self.spread(cite.items):
            sector = item.sector or default or _ORGAN_SECTOR.get(self.ctx.organ or "")
            if sector is None:
                self.ambiguous(cite, "the sector of the Recommendation is not stated")
                return
            number = item.number if not item.number.isdigit() else str(int(item.number))
            made.append(self.emit(ids.recommendation_id(sector, number), "recommendation", number, item, cite))
        self.list_checks(made, cite, sort=False)  # Recommendations are listed in no set order

    # -- SDGs and ITU goals ---------------------------------------------------------------------
    def sdg(self, cite: Cite) -> None:
        made: list[Reference] = []
        # "SDG 4 and 9 (targets 4.4, 9.c)": targets after goals written without their own may
        # belong to any of those goals; "1 (targets 1.4), 3 (targets 3.8, 5.b)" files 5.b under 3
        pending: set[int] = set()
        for item in self.spread(cite.items):
            if "." in item.number:
                made.append(self.sdg_target(item, cite, None))
                continue
            goal = int(item.number)
            made.append(self.emit(ids.sdg_id(goal), "sdg", str(goal), item, cite))
            self.check_sdg_goal(made[-1], goal)
            pending.add(goal)
            if not item.targets:
                continue
            listed = frozenset(pending)
            pending.clear()
            targets = [self.sdg_target(t, cite, goal, listed) for t in self.spread(item.targets)]
            # a target of another goal has its REF003; the order it breaks is no second finding
            placed = [t for t in targets if int(t.number.split(".")[0]) in listed]
            self.list_checks(placed, cite, what=f"targets of SDG {goal}")
        self.list_checks(made, cite)

    def spread(self, items: list[Item], sdg: bool = True) -> list[Item]:
        """`items` with each range only the registry's order spells out (grammar._target_range:
        "9.1 to 9.c") filled in with the SDG targets it runs through; one that runs backwards,
        across goals or to a target its goal lacks (any such range of ITU targets, not `sdg`),
        and any range the grammar did not spell out (grammar.unexpanded: "Resolutions 30 to 99",
        "C5 to C3"), is left as its first number, and said so (REF008) rather than cut short
        silently."""
        if not any(item.range_from for item in items):
            return items
        out = []
        for item in items:
            if item.range_from is None:
                out.append(item)
                continue
            run, why = (None, item.range_why) if item.range_why else self.target_run(item.range_from, item.number, sdg)
            if run is None:
                words = " ".join(self.text[item.start:item.end].split())
                first = item.range_from if item.range_why else f"target {item.range_from}"
                self.note("REF008", f"{words!r}: {why}; read as {first} alone", text=words)
            out.extend(Item(f"{item.goal}.{suffix}", item.start, item.end, goal=item.goal) for suffix in run or ())
        return out

    def target_run(self, first: str, last: str, sdg: bool) -> tuple[list[str] | None, str]:
        """The suffixes of the targets after `first` up to `last` ("9.1", "9.c") in the registry's
        order of SDG targets, or None and why the range is no range of them."""
        (g, lo), (h, hi) = first.split(".", 1), last.split(".", 1)
        if g != h:
            return None, "the range runs across goals"
        order = self.registry.sdg_target_order(int(g)) if sdg else []
        for suffix in (lo, hi):
            if sdg and suffix not in order:
                return None, f"SDG {g} has no target {suffix}"
        if not sdg or order.index(lo) >= order.index(hi):
            return None, "the range runs backwards"
        return order[order.index(lo) + 1:order.index(hi) + 1], ""

    def sdg_target(self, item: Item, cite: Cite, under: int | None, listed: frozenset[int] = frozenset()) -> Reference:
        goal_s, suffix = item.number.split(".", 1)
        goal = int(goal_s)
        suffix = suffix if suffix.isalpha() else str(int(suffix))
        # A lone letter after its goal ("SDG 9, target c") is shown with the goal: "SDG 9.c".
        shown = None if self.text[item.start].isdigit() else f"{goal}.{suffix}"
        ref = self.emit(ids.sdg_id(goal, suffix), "sdg-target", f"{goal}.{suffix}", item, cite, shown=shown)
        if under is not None and goal != under and goal not in listed:
            self.findings.append(about(ref, "REF003", f"target {goal}.{suffix} is cited under SDG {under}; it belongs to SDG {goal}", self.table))
        if not self.registry.known(ref.id):
            if not self.registry.known(ids.sdg_id(goal)):
                if goal != under:  # "SDG 18 (target 18.2)": the goal's own REF002 says it once
                    self.findings.append(about(ref, "REF002", f"{ref.id}: there is no SDG {goal} (SDGs are 1 to 17)", self.table))
            else:
                have = _target_span(goal, self.registry.sdg_targets(goal))
                self.findings.append(about(ref, "REF002", f"{ref.id}: SDG {goal} has no target {suffix} (it has {have})", self.table))
        return ref

    def check_sdg_goal(self, ref: Reference, goal: int) -> None:
        if "sdg" in self.registry.covers and not self.registry.known(ref.id):
            self.findings.append(about(ref, "REF002", f"{ref.id}: there is no SDG {goal} (SDGs are 1 to 17)", self.table))

    def goal_meaning(self, cite: Cite) -> str | None:
        """What a bare "Goal N" / "Target N.M" means here: "itu", "sdg" or None (ambiguous). The
        words after it say so first ("Target 2.3 of the Connect 2030 Agenda", "Goal 9 of the 2030
        Agenda"; "Goal 1 contributes to SDG targets 9.c" is ITU's, as what serves the SDGs), then its numbers (a goal past the highest ITU strategic goal the registry has is
        an SDG, even where the context reads goals as ITU's: "SDG 17, in particular target
        17.8" in a report; so is a list or range holding one, "(Goals 1–17)"), then the context."""
        after = _AGENDA_AFTER.match(self.text, cite.end)
        if after is not None:
            return "itu" if after.group("itu") else "sdg"
        if _SERVES_SDGS_AFTER.match(self.text, cite.end) is not None:
            return "itu"
        most = self.registry.most_itu_goals
        goals = [int(head) for item in cite.items if (head := item.number.split(".")[0]).isdigit()]
        if most is not None and goals and (min(goals) > most or cite.kind == "goal" and max(goals) > most):
            return "sdg"
        if goals and cite.kind == "target" and self.sdg_named_before(cite.start, set(goals)):
            return "sdg"
        if self.ctx.goal:
            return self.ctx.goal
        if self.itu_goals_from is not None and cite.start >= self.itu_goals_from:
            return "itu"
        return "sdg" if self.ctx.expect == "sdg" else None

    def sdg_named_before(self, start: int, goals: set[int]) -> bool:
        """Whether the sentence before `start` names an SDG of one of `goals` ("SDG 4, in
        particular target 4.4"): the target is that goal's."""
        window = self.text[max(0, start - _SENTENCE_WINDOW):start]
        ends = [m.end() for m in _SENTENCE_BREAK.finditer(window)]
        window = window[ends[-1]:] if ends else window
        named = {int(n) for m in _SDG_NUMBERS.finditer(window) for n in _NUMBER.findall(m.group("list"))}
        return bool(named & goals)

    def goal(self, cite: Cite) -> None:
        meaning = "itu" if cite.explicit else self.goal_meaning(cite)
        if meaning is None:
            self.ambiguous(cite, "not clear whether an ITU strategic goal or an SDG is meant")
            return
        if meaning == "sdg":
            self.sdg(cite)
            return
        made = []
        for item in self.spread(cite.items):
            made.append(self.emit(ids.itu_goal_id(int(item.number)), "itu-goal", str(int(item.number)), item, cite))
            self.check_known(made[-1])
            for t in self.spread(item.targets, sdg=False):
                g, n = t.number.split(".")
                if not n.isdigit():
                    self.note("REF008", f"ITU target {t.number!r}: ITU targets are numbered, not lettered",
                              text=self.text[t.start:t.end])
                    continue
                self.check_known(self.emit(ids.itu_target_id(int(g), int(n)), "itu-target", t.number, t, cite))
        self.list_checks(made, cite)

    def target(self, cite: Cite) -> None:
        lettered = any(not i.number.split(".")[1].isdigit() for i in cite.items)
        connect = any(i.number.count(".") == 2 for i in cite.items)  # "Target 2.1.A": ITU's (grammar)
        meaning = "itu" if connect else "sdg" if lettered else "itu" if cite.explicit else self.goal_meaning(cite)
        if meaning is None:
            self.ambiguous(cite, "not clear whether an ITU target or an SDG target is meant")
            return
        made = []
        most = self.registry.most_itu_goals
        for item in self.spread(cite.items, sdg=meaning == "sdg"):
            # in a list read as ITU targets, a bare one past the last ITU goal is still an SDG's
            # ("Targets 1.1, 1.2 and 17.8"); one named as ITU's ("ITU Target 17.8") stays ITU's
            past = not cite.explicit and most is not None and int(item.number.split(".")[0]) > most
            if item.number.count(".") == 2:
                g_s, n_s, letter = item.number.split(".")
                made.append(self.emit(ids.itu_target_id(int(g_s), int(n_s), letter), "itu-target", item.number, item, cite))
                self.check_known(made[-1])
            elif meaning == "sdg" or past:
                made.append(self.sdg_target(item, cite, None))
            else:
                g, n = (int(x) for x in item.number.split("."))
                made.append(self.emit(ids.itu_target_id(g, n), "itu-target", item.number, item, cite))
                self.check_known(made[-1])
        self.list_checks(made, cite)

    # -- WSIS, sector items, regional initiatives, study groups ------------------------------------
    def wsis(self, cite: Cite) -> None:
        if not cite.explicit and self.ctx.expect != "wsis" and not self.prose_action_lines(cite):
            return
        made = []
        for item in self.spread(cite.items):
            ref = self.emit(ids.wsis_id(int(item.number)), "wsis", f"C{int(item.number)}", item, cite)
            made.append(ref)
            if not self.registry.known(ref.id):
                self.findings.append(about(ref, "REF004", f"{ref.id}: WSIS action lines are C1 to C11", self.table))
        self.list_checks(made, cite)

    def prose_action_lines(self, cite: Cite) -> bool:
        """Whether bare codes in prose (find.wsis_prose) are action lines: all of them are, and the
        word before is no label of something else ("Annex C1", "room C2": rules/refs.yml)."""
        if not all(self.registry.known(ids.wsis_id(int(item.number))) for item in cite.items):
            return False
        before = self.text[max(0, cite.start - 24):cite.start].split()
        return not before or before[-1].lower().strip("(,") not in self.rules.not_wsis_after

    def sector_item(self, cite: Cite) -> None:
        sector = cite.sector or self.ctx.sector
        if sector is None:
            return
        made = []
        for item in self.spread(cite.items):
            kind = item.sector or "objective"
            ref_id = ids.sector_item_id(sector, kind, item.number)
            # "ITU-D Objective 2/Output 2.2": an output named under its objective reads so whole
            whole = " ".join(self.text[cite.start:item.end].split()) if kind != "objective" and item is not cite.items[0] \
                and cite.items[0].sector == "objective" else None
            made.append(self.emit(ref_id, ids.sector_item_family(sector, kind), item.number, item, cite, shown=whole))
            self.check_known(made[-1])

    def regional(self, cite: Cite) -> None:
        made = []
        for item in self.spread(cite.items):
            code = item.number
            region = code[:3]
            ref_id = ids.ri_id(region, int(code[3:]))
            if region in self.registry.regions:
                made.append(self.emit(ref_id, "regional-initiative", code, item, cite))
                self.check_known(made[-1])
                continue
            fixed = self.near_miss_ri(code)
            if fixed is None:
                self.note("REF008", f"{code!r} in a list of regional initiatives names no region "
                          f"({', '.join(self.registry.regions)})", text=code)
                continue
            ref = self.emit(fixed, "regional-initiative", fixed[3:], item, cite)
            made.append(ref)
            self.findings.append(about(ref, "REF007", f"{code!r} read as {fixed} (nearest known regional initiative)", self.table))
        self.list_checks(made, cite, sort=False)

    def near_miss_ri(self, code: str) -> str | None:
        """The one known RI id within one edit (transposition counts as one) of `code`."""
        known = [i[3:] for i in self.registry.ids("regional-initiative")]
        best = _closest(code, known)
        if best is None:
            regions = [f"{r}{code[3:]}" for r in self.registry.regions]
            best = _closest(code, regions)
        return f"RI-{best}" if best else None

    def study_sector(self, cite: Cite) -> str | None:
        """The sector of a study group or Question: written, earlier in the paragraph, from context,
        or the one Sector that has had study groups of those numbers (rules/registry/study-groups.yml).
        A sector only the context gives that lacks a cited study group is not stated after all: an
        Action Plan's "Study Group 17" (ITU-D has two) is ITU-T's, the only Sector with one, and its
        "SG 2 and 17" (ITU-D's 2 and ITU-T's 17, or ITU-T's both?) is REF010."""
        sector = cite.sector or self.sectors.before(cite.start)
        numbers = {int(item.number.partition("/")[0]) for item in cite.items}
        if sector is None and (assumed := self.ctx.sector) is not None and self._has_groups(assumed, numbers):
            sector = assumed
        mixed = self.ctx.sector is not None and any(self._has_groups(self.ctx.sector, {n}) for n in numbers)
        quarter_like = cite.kind == "question" and _BARE_Q.match(self.text, cite.start) is not None  # "Q4/17" may be a date
        if sector is None and not mixed and not quarter_like:  # numbers only one Sector's groups have had: "SG11" is ITU-T's
            owners = [s for s in _SECTOR_ORGAN if self._has_groups(s, numbers)]
            sector = owners[0] if len(owners) == 1 else None
        if sector is None and cite.kind == "question":  # one finding per Question written, not per list
            for start, end in _written(cite.items):
                self.ambiguous(Cite(cite.kind, start, end), "the sector of the study group is not stated")
        elif sector is None:
            self.ambiguous(cite, "the sector of the study group is not stated")
        return sector

    def _has_groups(self, sector: str, numbers: set[int]) -> bool:
        """Whether the registry knows a study group of `sector` for each of `numbers`."""
        return not any(self.registry.unknown(ids.study_group_id(sector, n)) for n in numbers)

    def question(self, cite: Cite) -> None:
        """A list of Questions; REF001 for one of a study group the registry does not list for its
        sector ("ITU-R Question 229/25"): the registry lists no Questions, but their groups."""
        if (sector := self.study_sector(cite)) is None:
            return
        for item in self.spread(cite.items):
            sg, q = (int(x) for x in item.number.split("/"))
            ref = self.emit(ids.question_id(sector, sg, q), "sg-question", f"{q}/{sg}", item, cite)
            if self.registry.unknown(ids.study_group_id(sector, sg)):
                self.findings.append(about(ref, "REF001", f"{ref.id} is not in the registry: {sector} has no study "
                                                          f"group {sg}", self.table))

    def study_group(self, cite: Cite) -> None:
        if (sector := self.study_sector(cite)) is None:
            return
        made = [self.emit(ids.study_group_id(sector, int(item.number)), "study-group", str(int(item.number)), item, cite)
                for item in self.spread(cite.items)]
        self.list_checks(made, cite)

    def other_body(self, cite: Cite) -> None:
        """Another body's resolution or decision (grammar._other_body), or words that only look
        like a reference (grammar._COUNTED): no ITU reference, no finding."""

    def blanket(self, cite: Cite) -> None:
        what = next((name for p, name in _FAMILY_OF_BLANKET if p.search(cite.word or "")), cite.word or "")
        organ = organ_key(cite.organ)
        label = f"all {organ} {what}" if organ else f"all {what}"
        self.note("REF011", f"{label}: a blanket reference, no individual ids", text=self.cite_text(cite))

    # -- checks ---------------------------------------------------------------------------------
    def check_known(self, ref: Reference) -> None:
        """REF001 for an id the registry speaks for and lacks; REF018 (info) instead when its number
        is within what the registry knows its series to reach (`numbering`): it exists, unlisted.
        Nothing for an id of a series the registry does not enumerate (Registry.unlisted, which
        answers each id once)."""
        lacked, most = self.registry.unlisted(ref.id)
        if lacked:
            if most is not None:
                self.findings.append(about(ref, "REF018", f"{ref.id} is not listed in the registry, but its series "
                                                          f"is known to run from 1 to {most}", self.table))
            else:
                self.findings.append(about(ref, "REF001", f"{ref.id} is not in the registry", self.table))

    def list_checks(self, made: list[Reference], cite: Cite, what: str = "list", sort: bool = True) -> None:
        """Unknown ids, duplicates and order within one list."""
        if len(made) == 1:  # the commonest list: nothing to compare
            if made[0].family in _REGISTERED:
                self.check_known(made[0])
            return
        seen: set[str] = set()
        for ref in made:
            if ref.family in _REGISTERED:
                self.check_known(ref)
            if ref.id in seen:
                self.findings.append(about(ref, "REF005", f"{ref.id} appears more than once in one {what}", self.table))
            seen.add(ref.id)
        if not sort or len(seen) < 2 or self.narrated(made):
            return
        # Ascending within each series of ids: "Resolutions 45 (Rev. Dubai, 2014) and 34 (Rev.
        # Dubai, 2018)" are WTDC 45 and PP 34, each alone in its series.
        series: dict[str, list[str]] = {}
        for ref_id in dict.fromkeys(r.id for r in made):
            series.setdefault(ref_id.rsplit("-", 1)[0], []).append(ref_id)
        if any(order != ids.sort_ids(order) for order in series.values()):
            self.note("REF006", f"{what} not in ascending order: {shortened(', '.join(r.number for r in made))}",
                      text=self.cite_text(cite))

    def narrated(self, made: list[Reference]) -> bool:
        """Whether a list is prose telling of its items one by one, not a list of references: it
        stands in no reference list (section or column) and a note in brackets naming no number
        stands between two of its items ("fellowships for SG13 (Zimbabwe), SG2 (Nicaragua)").
        Its order is the story's, so it is not checked (REF006)."""
        if self.in_list:
            return False
        return any(_NOTE.search(self.text, a.end, b.start) for a, b in zip(made, made[1:]))

    def run(self, cites: list[Cite]) -> None:
        for cite in cites:
            self.resolve(cite)
        self.unparsed(cites)

    def resolve(self, cite: Cite) -> None:
        """One cite's references and findings: resolved, or, when a cite of the same kind and
        words with the same surroundings (see `around`) was resolved before, that result
        placed here (`self.memo`). A text dense with references cites the same lists again and
        again, and a list's words fix what it resolves to: its items are parsed from them."""
        kind = cite.kind
        if kind not in _REPLAYABLE or not cite.explicit and kind == "wsis":  # bare codes: see prose_action_lines
            _HANDLERS[kind](self, cite)
            return
        organ = self.organ_for(cite) if kind in _ORGAN_KINDS else None
        key = (kind, self.text[cite.start:cite.end], self.around(cite, organ), self.in_list)
        if (done := self.memo.get(key)) is None:
            refs, findings = len(self.refs), len(self.findings)
            if kind in _ORGAN_KINDS:
                self.organ_list(cite, organ)
            else:
                _HANDLERS[kind](self, cite)
            self.memo[key] = Resolved.of(self.refs[refs:], self.findings[findings:], cite.start)
            return
        done.place(self, cite.start)
        if organ is not None:  # what organ_list leaves for the next list
            self.state.leave(_organ_left(cite, organ), cite.end)

    def around(self, cite: Cite, organ: str | None) -> str | None:
        """All a replayable cite's resolution reads beyond its own words: the organ of a list of
        resolutions or decisions (`organ_for`: written, carried over, from a conference or the
        context), the context's organ for a Recommendation, the sector of a study group or
        Question; nothing for SDGs, WSIS lines, regional initiatives and blanket references."""
        kind = cite.kind
        if kind in _ORGAN_KINDS:
            return organ
        if kind == "recommendation":
            return self.ctx.organ
        if kind in ("question", "study-group"):
            return cite.sector or self.sectors.before(cite.start) or self.ctx.sector
        return None

    def unparsed(self, cites: list[Cite]) -> None:
        """Reference-like words no cite covers: reported with their text, never dropped. A text
        without a digit or any of their keywords has none (`may_look_like_reference`): a fifth of
        the texts with cites ("Output 2.1", "SG 2") are turned down without a scan."""
        if not may_look_like_reference(self.text, self.low):
            return
        covered: _Coverage | None = None
        for m in reference_like(self.text, self.low):
            if covered is None:
                covered = _Coverage((c.start, c.end) for c in cites)
            if covered.covers(m.start()):
                continue
            snippet = " ".join(self.text[m.start():m.start() + 60].split())
            self.note("REF008", f"looks like a reference but does not parse: {snippet!r}", text=snippet)


QUOTED_MOST = 120
"""How many characters of a cite (or of its numbers) a finding's message quotes."""


def shortened(text: str) -> str:
    """`text` as a message quotes it: at most QUOTED_MOST characters, "…" ending one cut short."""
    return text if len(text) <= QUOTED_MOST else text[:QUOTED_MOST - 1] + "…"

_HANDLERS: dict[str, Callable[[Resolver, Cite], None]] = {
    "resolution": Resolver.resolution,
    "decision": Resolver.resolution,
    "recommendation": Resolver.resolution,
    "sdg": Resolver.sdg,
    "goal": Resolver.goal,
    "target": Resolver.target,
    "wsis": Resolver.wsis,
    "sector-item": Resolver.sector_item,
    "ri": Resolver.regional,
    "question": Resolver.question,
    "study-group": Resolver.study_group,
    "blanket": Resolver.blanket,
    "other-body": Resolver.other_body,
    "no-reference": Resolver.other_body,
}
"""The resolver method for each kind of cite."""

_ORGAN_KINDS = frozenset({"resolution", "decision"})
_REPLAYABLE = frozenset({"resolution", "decision", "recommendation", "sdg", "wsis", "ri", "question",
                         "study-group", "blanket"})
"""Kinds whose resolution depends only on the cite's words and what `Resolver.around` names. Goals,
targets and sector items are left out: their plan-internal ids take an edition the words around
them may name (`Resolver.scope`), and a bare goal's meaning depends on where it stands."""


@record(frozen=True, slots=True)
class Resolved:
    """What one cite resolved to: the references and findings it made where it was first met, at
    `start`, kept as they are rather than copied into tuples (most cites are never met again, and
    nothing changes a reference's id, family, number, revision, text, span or `by_document`, nor a
    finding, while its document is read). Placed elsewhere, they take the place's section,
    location and source, the same for every cite of a text, and their spans move with the cite."""

    refs: tuple[Reference, ...]
    findings: tuple[Finding, ...]
    start: int

    @classmethod
    def of(cls, refs: list[Reference], findings: list[Finding], start: int) -> "Resolved":
        return cls(tuple(refs), tuple(findings), start)

    def place(self, resolver: "Resolver", start: int) -> None:
        """The references and findings again, for a cite at `start` of the resolver's text."""
        ctx = resolver.ctx
        section, loc, source = ctx.section, ctx.loc, ctx.source
        resolver.refs.extend(placed(self.refs, section, loc, source, None, start - self.start))
        if self.findings:
            resolver.findings.extend([Finding(f.code, f.severity, f.message, f.ref, source, section, loc, f.text)
                                      for f in self.findings])


CiteMemo = dict[tuple[str, str, str | None, bool], Resolved]
"""(kind, words, `Resolver.around`, `Resolver.in_list`) -> what such a cite resolved to, for one
document: the registry, the findings table and the editions are the document's throughout."""


class _Coverage:
    """Spans indexed once by start, with the furthest end reached so far: whether any span
    covers a position is one binary search, so checking every match stays near-linear."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def covers(self, pos: int) -> bool:
        """True when some span has start <= pos < end."""
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and self.reach[k] > pos


_SENTENCE_WINDOW = 160  # how far before a bare target its sentence is searched for the SDG it names
# The SDGs a sentence names before a bare target ("SDGs 9 and 4", "Sustainable Development Goal 4"),
# and where a sentence or clause ends before it (a full stop before a capital, not "Res. 139";
# "?", "!", ";", a dash between spaces, a line's end).
_SDG_NUMBERS = regex(r"\b(?:SDGs?|Sustainable\s+Development\s+Goals?)\s*(?P<list>\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})*)\b")
_NUMBER = regex(r"\d+")
_NOTE = regex(r"\([^()\d]+\)")  # a note in brackets naming no number: "(Zimbabwe)", not "(Rev. Dubai, 2014)"
_SENTENCE_BREAK = regex(r"[.!?](?=\s*(?:[A-Z(\"“‘]|$))|[!?;]|\s[–—]\s|\n")


def _target_span(goal: int, targets: set[str]) -> str:
    """"9.1–9.5, 9.a–9.c": the targets a goal has, compactly."""
    numbers = sorted(int(t) for t in targets if t.isdigit())
    letters = sorted(t for t in targets if not t.isdigit())
    parts = []
    if numbers:
        parts.append(f"{goal}.{numbers[0]}–{goal}.{numbers[-1]}" if len(numbers) > 1 else f"{goal}.{numbers[0]}")
    if letters:
        parts.append(f"{goal}.{letters[0]}–{goal}.{letters[-1]}" if len(letters) > 1 else f"{goal}.{letters[0]}")
    return ", ".join(parts)


def _written(items: list[Item]) -> list[tuple[int, int]]:
    """The spans of `items` as written, each once: the items a range adds share the range's span,
    which covers its first item's ("Q1/1 to 3/1" is one span, "Q1/1 and Q3/1" two)."""
    spans: list[tuple[int, int]] = []
    for start, end in sorted({(i.start, i.end) for i in items}, key=lambda span: (span[0], -span[1])):
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
    return spans


def _closest(code: str, candidates: list[str]) -> str | None:
    """The candidate within one edit of `code`; ties prefer a transposition (same letters)."""
    scored = sorted((sorted(c) != sorted(code), c) for c in candidates if one_edit_apart(code, c))
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


def one_edit_apart(a: str, b: str) -> bool:
    """Whether one edit turns `a` into `b`: a substitution, an insertion, a deletion or the swap of
    two adjacent characters (an optimal-string-alignment distance of 1). Written out rather than
    asked of rapidfuzz, whose import costs a reference run ~15 ms for the few codes that miss."""
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if abs(len(a) - len(b)) != 1:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1:]
