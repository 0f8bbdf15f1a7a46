"""Check a contribution against the base document it amends: does it amend what it says it amends?

Each proposal is resolved against the base: the output must exist, and the quoted heading must
be under that output (fuzzy matched with rapidfuzz against the titles of the output's sections
and the output's own title); when the heading is elsewhere the finding says where. The places
the proposals name then cover sections of the amended text, and everything outside them is
reported: revision marks (tracked changes), differences from the base without revision marks
(the diff engine between the base and the contribution's original view), paragraphs the amended
text has more often than the base (inserted twice), and reference findings that the base does
not have. A proposal whose place shows no change at all is reported too.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

from rapidfuzz import fuzz

from .. import schemas
from ..findings import Finding, FindingRule, finding_order
from ..model import Block, Document, Loc, Revision, Section, Source, kind_label
from ..record import brief_repr, field, record, replace
from ..regexcache import regex
from ..diff.ignore import comparable
from ..diff.words import runs, word_diff
from ..text_patterns import TYPED_NUMBER, unbulleted
from .findings import at_least, counts, excerpt, finding_table, fold, make
from .proposals import (PREAMBLE_KINDS, Proposal, created_outputs_known, excerpt_under_proposals, missing_place,
                        parse_contribution)

if TYPE_CHECKING:
    from ..diff.changes import Change
    from ..refs.registry import Registry
    from ..refs.types import Reference

VALIDATE_SCHEMA = schemas.VALIDATE
WITHIN_SCORE = 85.0
ELSEWHERE_SCORE = 90.0
SUGGEST_SCORE = 60.0
RENAMED_SCORE = 90.0  # words_score of a heading under the named output that suggests it was renamed
DUPLICATE_MIN_WORDS = 4
CONTENT_REVISION = regex(r"insert|delete|move")
INSERTED = regex(r"insert|move-to")
DELETED = regex(r"delete|move-from")
_NUMBERED = ("output", "objective", "outcome", "clause", "part")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "«": '"', "»": '"', "„": '"', "\u00a0": " "})


@record
class Resolution:
    """Where one proposal lands in the base, for one of the outputs (or outcomes) it names.

    `section` is the base section the proposal covers (the heading, or the whole output when the
    heading does not resolve under it; None for a heading the contribution creates), `score` the
    fuzzy score (0-100) of the heading against its title; `elsewhere` is the section that has the
    heading when it is not under the named output, with `elsewhere_score`.
    """

    proposal: str
    output: str
    output_section: str | None
    section: str | None
    title: str | None
    score: float | None
    elsewhere: str | None = None
    elsewhere_score: float | None = None
    kind: str = "output"  # or "outcome" ("objective"): `output` is then its number, `output_section` its row (section)

    def to_dict(self) -> dict[str, Any]:
        return {
            "proposal": self.proposal,
            "kind": self.kind,
            "output": self.output,
            "output_section": self.output_section,
            "section": self.section,
            "title": self.title,
            "score": round(self.score, 1) if self.score is not None else None,
            "elsewhere": self.elsewhere,
            "elsewhere_score": round(self.elsewhere_score, 1) if self.elsewhere_score is not None else None,
        }


@record
class RevisionRecord:
    """A revision mark of the amended text with the proposals whose places contain it."""

    revision: Revision
    section_original: str | None
    proposals: list[str]

    def to_dict(self) -> dict[str, Any]:
        out = self.revision.to_dict()
        out["section_original"] = self.section_original
        out["proposals"] = list(self.proposals)
        return out


@record
class ValidationReport:
    """The outcome of `trace validate`: proposals, where they land, revision marks, findings."""

    __repr__ = brief_repr

    contribution: Source
    base: Source
    proposals: list[Proposal]
    resolutions: list[Resolution]
    revisions: list[RevisionRecord]
    findings: list[Finding]
    fail_on: str = "error"

    @property
    def failed(self) -> bool:
        """Whether a finding reaches `fail_on` (error, or warning too), as in `trace check`."""
        return any(at_least(f.severity, self.fail_on) for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        by_proposal: dict[str, list[dict[str, Any]]] = {}
        for res in self.resolutions:
            by_proposal.setdefault(res.proposal, []).append(res.to_dict())
        return {
            "schema": VALIDATE_SCHEMA,
            "contribution": self.contribution.to_dict(),
            "base": self.base.to_dict(),
            "proposals": [{**p.to_dict(), "resolved": by_proposal.get(p.number, [])} for p in self.proposals],
            "revisions": [r.to_dict() for r in self.revisions],
            "findings": [f.to_dict() for f in self.findings],
            "summary": {**counts(self.findings), "proposals": len(self.proposals), "revisions": len(self.revisions)},
        }


@lru_cache(maxsize=65536)
def norm_title(text: str) -> str:
    """A heading folded for comparison: quotes, case, white space, typed number, final punctuation.
    Kept for the titles compared again and again (each proposal against every section's title)."""
    text = TYPED_NUMBER.sub("", text.translate(_QUOTES))
    return re.sub(r"\s+", " ", text).strip().strip(" .:;,\"'").casefold()


def title_score(named: str, title: str) -> float:
    """How well a quoted heading matches a section title (0-100); a leading part of the title
    ("Broadband networks" for "Broadband networks: Wired and wireless …") scores 90."""
    return _folded_score(norm_title(named), norm_title(title))


def _folded_score(a: str, b: str) -> float:
    """title_score of a heading and a title folded already (norm_title)."""
    if not a or not b:
        return 0.0
    score = fuzz.ratio(a, b)
    if len(a) >= 8 and len(b) > len(a) and b.startswith(a) and not b[len(a)].isalnum():
        score = max(score, 90.0)
    return score


def amended_part(doc: Document) -> Document:
    """The amended text of a contribution as a Document of its own (sections under
    `amended-text`, re-rooted, their ids as the base's: "amended-text/heading-…" is the base's
    "heading-…"); a document without one loses only its preamble sections, but for the plan's
    sections the structure put under its proposals (`excerpt_under_proposals`), re-rooted."""
    root = next((s for s in doc.sections if s.kind == "amended-text"), None)
    excerpt = excerpt_under_proposals(doc) if root is None else frozenset()
    inside: set[str] = set(title_headings(doc)) if root is None else set()
    depth: dict[str, int] = {}
    keep: list[Section] = []
    for section in doc.sections:
        if section.id in excerpt:
            top = section.parent not in excerpt
            depth[section.id] = 1 if top else depth[section.parent or ""] + 1
            keep.append(replace(section, parent=None if top else section.parent, level=depth[section.id]))
        elif root is not None:
            if section.parent == root.id or section.parent in inside:
                inside.add(section.id)
                depth[section.id] = 1 if section.parent == root.id else depth[section.parent or ""] + 1
                parent = None if section.parent == root.id else section.parent
                keep.append(replace(section, id=_rerooted(section.id, root.id),
                                    parent=parent and _rerooted(parent, root.id), level=depth[section.id]))
        elif section.kind in PREAMBLE_KINDS or section.parent in inside or section.id in inside:
            inside.add(section.id)
        else:
            keep.append(section)
    if root is not None:
        revisions = [replace(r, section=_rerooted(r.section, root.id)) for r in doc.revisions if r.section in inside]
    else:
        ids = {s.id for s in keep}
        revisions = [r for r in doc.revisions if r.section in ids]
    return Document(source=doc.source, sections=keep, revisions=revisions)


# The preamble parts whose own text is read for references as the plan's is: what the
# contribution is about and builds on ("References: Resolution 37 (Rev. Buenos Aires, 2017)").
# The proposals part is not: each proposal's text is read where it lands (_proposed_text_findings).
COVER_KINDS = ("front-matter", "cover", "abstract", "introduction")


def _without(doc: Document, ids: frozenset[str]) -> Document:
    """`doc` without the sections of `ids` (proposals' own words: `parse_contribution`) and the
    revisions in them; a section below one of them that is not of `ids` (the plan's text after a
    table of changes under a heading of its own, which the structure put under that heading) is
    kept, under the nearest section above it that is kept."""
    gone = {s.id for s in doc.sections if s.id in ids}
    if not gone:
        return doc

    def kept_parent(parent: str | None) -> str | None:
        while parent in gone and (above := doc.get(parent)) is not None:
            parent = above.parent
        return parent

    sections = [replace(s, parent=kept_parent(s.parent)) if s.parent in gone else s
                for s in doc.sections if s.id not in gone]
    names = _ids_without(sections, gone)
    if names:
        sections = [replace(s, id=names.get(s.id, s.id), parent=s.parent and names.get(s.parent, s.parent))
                    for s in sections]
    revisions = [replace(r, section=names.get(r.section, r.section)) if r.section in names else r
                 for r in doc.revisions if r.section not in gone]
    return Document(source=doc.source, sections=sections, revisions=revisions)


_SUFFIXED = regex(r"(?P<base>.+)-\d+")


def _ids_without(kept: list[Section], gone: set[str]) -> dict[str, str]:
    """The ids the `kept` sections have once the `gone` ones are left out, where they differ: the
    structure gives a section whose id an earlier one took the first free suffix, so the amended
    text's Output 2.1 after two ITU blocks whose places ("MOD⇥RCC/1/1", then "Output 2.1") were
    read as outputs is `output-2.1-3`, which no base section is; without the blocks it is
    `output-2.1`, and the sections below it (`output-2.1-3/background`) follow it."""
    def family(section_id: str) -> str:
        suffixed = _SUFFIXED.fullmatch(section_id)
        return suffixed.group("base") if suffixed is not None else section_id

    families = {family(g) for g in gone} | gone
    taken = {s.id for s in kept if s.id not in families and family(s.id) not in families}
    names: dict[str, str] = {}
    for section in kept:
        head, slash, rest = section.id.partition("/")
        own = f"{names.get(head, head)}{slash}{rest}"
        base = own if own in families else family(own) if family(own) in families else None
        if base is not None:
            own, n = base, 2
            while own in taken:
                own, n = f"{base}-{n}", n + 1
        taken.add(own)
        if own != section.id:
            names[section.id] = own
    return names


def title_headings(doc: Document) -> frozenset[str]:
    """The ids of a contribution's title set in a heading style ("Community networks in Objective
    2" as Heading 1): the headings no rule names (kind `heading`) that open the document, with
    only its front matter before them, when a preamble part (cover, abstract, introduction,
    proposals) follows them. They are the cover's, as a title in bold is, and no section of the
    amended text (README: a title heading above the cover part is the cover's)."""
    title: list[str] = []
    for section in doc.sections:
        if section.kind == "heading":
            title.append(section.id)
        elif section.kind != "front-matter" or title:
            return frozenset(title) if section.kind in PREAMBLE_KINDS else frozenset()
    return frozenset()


def cover_part(doc: Document) -> Document:
    """A contribution's cover part (COVER_KINDS and the sections under them) as a Document of its
    own: the part `amended_part` leaves out that the proposals do not stand in (the profile never
    opens these kinds inside the amended text)."""
    title = title_headings(doc)
    inside: set[str] = set()
    keep: list[Section] = []
    for section in doc.sections:
        if section.kind in COVER_KINDS or section.id in title or section.parent in inside:
            inside.add(section.id)
            keep.append(section)
    return Document(source=doc.source, sections=keep, revisions=[r for r in doc.revisions if r.section in inside])


def _rerooted(section_id: str, root_id: str) -> str:
    """A section id of the amended text without the amended text's own id before it."""
    return section_id.removeprefix(f"{root_id}/")


def output_section(doc: Document, number: str) -> Section | None:
    """The output numbered `number` ("2.1"), by id or by kind and number."""
    return doc.get(f"output-{number}") or next(
        (s for s in doc.sections if s.kind == "output" and s.number == number), None
    )


def subtree(doc: Document, section: Section) -> list[Section]:
    """`section` and all its descendants, in document order: the sections after it up to the first
    that is not below it (the sections are in reading order, each below the one it follows or
    beside one of its ancestors, so the ones below a section follow it together)."""
    ids = {section.id}
    out = [section]
    for s in itertools.islice(doc.sections, doc.position(section.id) + 1, None):
        if s.parent not in ids or s.id in ids:
            break
        ids.add(s.id)
        out.append(s)
    return out


_UNTITLED = ("front-matter", "footnotes", "amended-text")  # kinds whose titles name no heading


def _titled(section: Section) -> bool:
    return bool(section.title) and section.kind not in _UNTITLED


def words_score(named: str, title: str) -> float:
    """How well a quoted heading's words match a title's words, in any order and with words added
    (0-100): "Emergency telecommunications" is all of "Disaster management including emergency
    telecommunications", the heading's new name. For suggestions, not for resolving."""
    return fuzz.token_set_ratio(norm_title(named), norm_title(title))


def best_match(heading: str, sections: list[Section],
               score_of: Callable[[str, str], float] = title_score) -> tuple[Section | None, float]:
    """The section whose title matches `heading` best, with its score (ties: first in order). The
    search is over at the first title scoring 100, which no later one can beat; with title_score
    the heading is folded once and each title's folding kept (norm_title). A heading quoted as
    the plan writes it, label and all ("Programme: Cybersecurity" for the programme titled
    "Cybersecurity"), matches as its title does."""
    folded = norm_title(heading) if score_of is title_score else None
    solid = folded.replace(" ", "") if folded is not None else None  # the label's colon spaced or not
    best: tuple[Section | None, float] = (None, 0.0)
    for section in sections:
        if not _titled(section):
            continue
        score = (_folded_score(folded, norm_title(section.title)) if folded is not None
                 else score_of(heading, section.title))
        if section.heading and section.heading != section.title and score < 100.0 and solid is not None \
                and norm_title(section.heading).replace(" ", "") == solid:
            score = 100.0
        if score > best[1]:
            best = (section, score)
            if score >= 100.0:
                break
    return best


def objective_of(doc: Document, section: Section) -> Section | None:
    """The objective `section` is under (or is), if any."""
    return next((s for s in reversed(doc.path(section)) if s.kind == "objective"), None)


def describe(doc: Document, section: Section) -> str:
    """Say where a section is, for a reader: "the title of Output 3.1", "programme “Cybersecurity”
    under Output 2.2"."""
    if section.kind == "output":
        return f"the title of Output {section.number}"
    if section.kind == "objective":
        return f"the title of Objective {section.number}"
    where = next((s for s in reversed(doc.path(section)[:-1]) if s.kind in ("output", "objective", "clause", "part")), None)
    what = f"{kind_label(section.kind, start=False)} “{section.title}”"
    if where is None:
        return what
    return f"{what} under {kind_label(where.kind)} {where.number or where.title}"


def section_label(doc: Document | None, section_id: str | None) -> str:
    """A short readable place for a section id: "Output 2.1 › Background", "Output 2.1 › Rural
    communications" (the nearest numbered section, then the section's own title)."""
    if doc is None or section_id is None or doc.get(section_id) is None:
        return section_id or "the front matter"
    section = doc.section(section_id)
    anchor = next((s for s in reversed(doc.path(section)) if s.number and s.kind in _NUMBERED), None)
    parts = [f"{kind_label(anchor.kind)} {anchor.number}"] if anchor is not None else []
    if anchor is not section and section.kind not in ("amended-text", "front-matter"):
        parts.append(section.title or section.kind)
    return " › ".join(parts) or section_id


@record
class _Context:
    """Everything one validation run looks at, with the finding factory bound to the contribution."""

    proposals: list[Proposal]
    base: Document
    accepted: Document
    original: Document
    contribution: Document
    table: dict[str, FindingRule]
    findings: list[Finding] = field(default_factory=list)
    covered: dict[str, dict[str, set[str]]] = field(default_factory=dict)  # proposal -> view -> section ids
    named_in_base: set[str] = field(default_factory=set)  # the base sections some proposal names
    new_outputs: set[str] = field(default_factory=set)  # the outputs some proposal creates
    adders: dict[str, Proposal] = field(default_factory=dict)  # each new output's first proposal adding it
    resolutions: list[Resolution] = field(default_factory=list)  # where each proposal lands, made as they resolve
    series: dict[int, Mapping[str, str]] = field(default_factory=dict)  # see settled
    quotes: _Quotes | None = None  # the base's text as quotations are looked for in it, made at the first
    registry: Registry | None = None  # the registry references are judged by (None: the built-in one)
    deleted: dict[str, Proposal] = field(default_factory=dict)  # outputs deleted whole, not added again (VAL015)
    gone_objectives: set[str] = field(default_factory=set)  # objectives deleted whole, their table and text with them


    def add(self, code: str, message: str, *, section: str | None = None, loc: Loc | None = None,
            text: str | None = None, ref: str | None = None) -> None:
        self.findings.append(make(code, message, source=self.contribution.source.path, section=section,
                                  loc=loc, text=text, ref=ref, table=self.table))

    def settled(self, doc: Document) -> Mapping[str, str]:
        """The editions `doc`'s own text settles, by series (refs.document.document_editions),
        read once per document of the run: VAL011 and the reference checks both ask."""
        if id(doc) not in self.series:
            from ..refs.document import document_editions

            self.series[id(doc)] = document_editions(doc).by_series
        return self.series[id(doc)]

    def cover(self, proposal: str, view: str, sections: list[Section]) -> None:
        """Record the sections of a contribution view (accepted, original) a proposal covers."""
        self.covered.setdefault(proposal, {"accepted": set(), "original": set()})[view].update(s.id for s in sections)


def _numbers_under(base: Document, kind: str, objective: str) -> list[str]:
    """The numbers of the base's sections of `kind` (outputs, outcomes) under Objective
    `objective`, in order."""
    return [s.number for s in base.of_kind(kind) if s.number and s.number.split(".")[0] == objective]


def _numbers_known(base: Document, kind: str, number: str) -> str:
    """What a VAL002 says the base has instead of `kind` `number`: the objective's own ("Objective
    2 has Outputs 2.1–2.3" for 2.4), else the whole run ("it has no Objective 5; its outputs run
    1.1–4.4"); "1.1–4.4" alone read as though 2.4 were in it."""
    numbers = [s.number for s in base.of_kind(kind) if s.number]
    label = kind_label(kind)
    if not numbers:
        return f"it has no {label.lower()}s"
    objective = number.split(".")[0]
    own = _numbers_under(base, kind, objective)
    if own:
        return f"Objective {objective} has {label}s {own[0]}–{own[-1]}" if len(own) > 1 else f"Objective {objective} has {label} {own[0]}"
    return f"it has no Objective {objective} {label.lower()}s; its {label.lower()}s run {numbers[0]}–{numbers[-1]}"


def _resolve_outcome(ctx: _Context, proposal: Proposal, number: str) -> Resolution:
    """Resolve one (proposal, outcome) pair: the outcome's row of its objective's table, which
    the proposal covers whole (a row's cells are its outcome, indicators and outputs)."""
    return _resolve_whole(ctx, proposal, "outcome", number, lambda: _numbers_known(ctx.base, "outcome", number))


def _resolve_objective(ctx: _Context, proposal: Proposal, number: str) -> Resolution:
    """Resolve a proposal deleting or amending Objective `number` whole ("SUP Objective 2"): the
    objective, which the proposal covers with all below it (its table, its outputs)."""
    def known() -> str:
        numbers = [s.number for s in ctx.base.of_kind("objective") if s.number]
        if len(numbers) > 1:
            return f"its objectives run {numbers[0]}–{numbers[-1]}"
        return f"it has Objective {numbers[0]}" if numbers else "it has no objectives"

    return _resolve_whole(ctx, proposal, "objective", number, known)


def _resolve_whole(ctx: _Context, proposal: Proposal, kind: str, number: str, known: Callable[[], str]) -> Resolution:
    """Resolve a place of `kind` a proposal covers whole, with all below it, in both views; VAL002
    saying what the base has (`known`) when it has no such place."""
    found = _of_kind(ctx.base, kind, number)
    if found is None:
        ctx.add("VAL002", f"Proposal {proposal.number} names {kind_label(kind)} {number}, which the base does not "
                f"have ({known()})", section=proposal.section, loc=proposal.loc, text=proposal.source)
        return Resolution(proposal.number, number, None, None, None, None, kind=kind)
    ctx.named_in_base.update(s.id for s in subtree(ctx.base, found))
    for view_name, view in (("accepted", ctx.accepted), ("original", ctx.original)):
        own = _of_kind(view, kind, number)
        if own is not None:
            ctx.cover(proposal.number, view_name, subtree(view, own))
    return Resolution(proposal.number, number, found.id, found.id, found.title, None, kind=kind)


def _ends_title(heading: str, title: str | None) -> bool:
    """Whether `heading` is the end of an output's `title`, three words and half the title at least
    (not "broadband and broadcasting" of a fourteen-word title): the short name an outcome table or
    a contribution gives it ("Disaster risk reduction and emergency
    telecommunications" for "Products and services on disaster risk reduction and emergency
    telecommunications")."""
    words, title_words = heading.casefold().split(), (title or "").casefold().split()
    return 3 <= len(words) < len(title_words) <= 2 * len(words) and title_words[-len(words):] == words


_NEW_OUTPUT_ROW = regex(r"\bnew\s+output\b", re.IGNORECASE)
_ENDS_ITEM = regex(r"[.;:,]\W*$")  # a sentence's or a list item's end, which no output's title has


def _titled_heading(base: Document, proposal: Proposal) -> Proposal:
    """The proposal, or for "ADD Output 2.1 – Broadcasting" (read as adding Output 2.1 titled
    "Broadcasting") where the base's Output 2.1 has that heading, or that title, an addition under
    it. A row of a proposals table adding text with no current text, under an output number
    alone ("2.4 | | Products and services on …"), adds that output when the base lacks it and
    the text reads as an output's title (no sentence or list item: "2.9 | | develop a toolkit
    on network resilience." amends an Output 2.9 that is not there, VAL002) or the row says
    "new output"."""
    if (proposal.tabled and proposal.action == "add" and not proposal.heading and not proposal.old
            and (_NEW_OUTPUT_ROW.search(proposal.source) or not _ENDS_ITEM.search(proposal.text))):
        missing = [n for n in proposal.outputs if output_section(base, n) is None and n not in proposal.new_outputs]
        if missing:
            proposal = replace(proposal, new_outputs=[*proposal.new_outputs, *missing])
    for number in proposal.new_outputs:
        base_out = output_section(base, number)
        if base_out is not None and proposal.heading is None and proposal.text and len(proposal.outputs) == 1:
            named, score = best_match(proposal.text, subtree(base, base_out))
            if named is not None and score >= WITHIN_SCORE:
                return replace(proposal, heading=proposal.text, new_outputs=[], new=None, text="")
    return proposal


def _check_new_number(ctx: _Context, proposal: Proposal, number: str, base_out: Section | None) -> None:
    """VAL012 for the number of an output a proposal creates: one the base already has (Output
    2.2 added beside the base's 2.2: renumbered, or meant to amend it), one an earlier proposal
    adds too (two new outputs 2.4, or one proposed twice), or one that leaves a gap after the
    base's outputs of that objective and the ones the contribution adds (2.9 after 2.3); VAL013
    for one under an objective the base lacks. An objective the base has no outputs of (an
    excerpt) is not judged for gaps."""
    name = f"Proposal {proposal.number} adds Output {number}"
    if base_out is not None:
        ctx.add("VAL012", f"{name}, a number the base already has (“{excerpt(base_out.title or '', 70)}”): "
                "renumber the new output, or amend the existing one", section=proposal.section, loc=proposal.loc,
                text=proposal.source, ref=base_out.id)
        return
    first = ctx.adders.setdefault(number, proposal) if number in proposal.new_outputs else proposal
    if first is not proposal:
        ctx.add("VAL012", f"{name}, which Proposal {first.number} adds too (“{excerpt(first.new or first.text, 70)}”): "
                "renumber one of the new outputs, or drop the repeated proposal", section=proposal.section,
                loc=proposal.loc, text=proposal.source)
        return
    objective, _, minor = number.rpartition(".")
    if _check_new_objective(ctx, proposal, number, objective):
        return
    siblings = sorted((int(n.rpartition(".")[2]) for s in ctx.base.of_kind("output")
                       if (n := s.number or "").rpartition(".")[0] == objective and n.rpartition(".")[2].isdigit()))
    known = {f"{objective}.{n}" for n in siblings} | ctx.new_outputs
    if siblings and int(minor) > 1 and f"{objective}.{int(minor) - 1}" not in known:
        free = next(n for n in range(siblings[-1] + 1, int(minor) + 1) if f"{objective}.{n}" not in known)
        ctx.add("VAL012", f"{name}, but the base's outputs of Objective {objective} end at {objective}.{siblings[-1]}"
                f" and no proposal adds {objective}.{int(minor) - 1}: a gap in the numbering (the next free number "
                f"is {objective}.{free})",
                section=proposal.section, loc=proposal.loc, text=proposal.source)


_NEW_OBJECTIVE = regex(r"\b(?:add|insert|new)\b[^.;:]{0,60}?\bObjective\s+(?P<n>\d{1,2})\b", re.IGNORECASE)
"""A proposal adding an objective: "Add a new Objective 5 – …", "ADD<tab>Objective 5 – …"; not
"Under Objective 5, add a new Output 5.1", whose objective comes before the verb."""


def _check_new_objective(ctx: _Context, proposal: Proposal, number: str, objective: str) -> bool:
    """VAL013 when a proposal adds an output under an objective the base does not have (Output
    6.1 when its objectives are 1 to 4), unless the contribution's amended text has that
    objective; True when reported. Only a base whose objectives (or, without objective
    headings, its outputs' numbers) start at 1 is judged: one starting later is an excerpt."""
    known = sorted({int(n) for s in ctx.base.of_kind("objective") if (n := s.number or "").isdigit()}
                   or {int(n.partition(".")[0]) for s in ctx.base.of_kind("output")
                       if (n := s.number or "").partition(".")[0].isdigit()})
    if not known or known[0] != 1 or not objective.isdigit() or int(objective) in known:
        return False
    if _of_kind(ctx.accepted, "objective", objective) is not None:
        return False
    if any(objective in p.new_objectives or any(m.group("n") == objective for m in _NEW_OBJECTIVE.finditer(p.source))
           for p in ctx.proposals):
        return False  # a proposal adds the objective ("Add a new Objective 5 – …", "ADD<tab>Objective 5 – …")
    ctx.add("VAL013", f"Proposal {proposal.number} adds Output {number} under Objective {objective}, which the base "
            f"does not have (it has Objectives {known[0]}–{known[-1]}): renumber the output under an existing "
            "objective", section=proposal.section, loc=proposal.loc, text=proposal.source)
    return True


def _of_kind(doc: Document, kind: str, number: str) -> Section | None:
    """The first section of `kind` numbered `number` in `doc`, if any."""
    return next((s for s in doc.of_kind(kind) if s.number == number), None)


def _same_place(section: Section, other: Section) -> bool:
    """Whether two sections are the same heading of two outputs ("References › PP and WTDC
    resolutions" in each): their ids match below the output. Output 2.2 titles the group "WTDC
    resolutions and recommendations", and a proposal quoting the wording of the other outputs
    still means its own."""
    return "/" in section.id and section.id.split("/", 1)[1] == other.id.split("/", 1)[-1]


def _view_target(view: Document, number: str, base_target: Section | None, heading: str | None) -> Section | None:
    """The section of a contribution view that corresponds to what a proposal covers in the base:
    the same id, else the best title match under the output; the whole output when the proposal
    covers the whole output (`base_target` an output); None when the heading is not in this view
    (the view quotes other headings of the output, or a heading new to the contribution is not
    there): covering the whole output then let a change under any of its other headings pass."""
    out = output_section(view, number)
    if out is None:
        return None
    if base_target is not None and base_target.kind == "output":
        return out
    inside = subtree(view, out)
    same = next((s for s in inside if base_target is not None and s.id == base_target.id), None)
    if same is not None:
        return same
    for wanted in (heading, base_target.title if base_target is not None else None):
        if wanted:
            section, score = best_match(wanted, inside)
            if section is not None and score >= WITHIN_SCORE:
                return section
    return None


def _resolve(ctx: _Context, proposal: Proposal, number: str) -> Resolution:
    """Resolve one (proposal, output) pair, record findings and the sections it covers."""
    base_out = output_section(ctx.base, number)
    name = f"Proposal {proposal.number}"
    loc, sec = proposal.loc, proposal.section
    if number in proposal.new_outputs:
        _check_new_number(ctx, proposal, number, base_out)
    if base_out is None:
        # Only a proposal adding the output itself may name one the base lacks ("add a new Output
        # 2.4", "ADD Output 2.4 – <title>", a table row adding one, or adding with no heading an
        # output the amended text has), or one amending an output another proposal adds: one that
        # names a heading inside it amends an output that must already be there.
        new_output = output_section(ctx.accepted, number)
        creates = number in proposal.new_outputs or number in ctx.new_outputs or (
            new_output is not None and proposal.action == "add" and not proposal.heading)
        if not creates:
            known = _numbers_known(ctx.base, "output", number)
            if proposal.heading:
                holder, holder_score = best_match(proposal.heading, ctx.base.sections)
                if holder is not None and holder_score >= ELSEWHERE_SCORE and sum(
                        1 for s in ctx.base.sections if s.title == holder.title) == 1:  # not "Background": every output's
                    known += f"; “{proposal.heading}” is {describe(ctx.base, holder)}"  # the likely slip
            ctx.add("VAL002", f"{name} names Output {number}, which the base does not have ({known})",
                    section=sec, loc=loc, text=proposal.source)
        for view_name, view in (("accepted", ctx.accepted), ("original", ctx.original)):
            found = output_section(view, number)
            if found is not None:
                ctx.cover(proposal.number, view_name, subtree(view, found))
        return Resolution(proposal.number, number, None, None, None, None)
    target: Section | None = base_out
    score: float | None = None
    elsewhere: Section | None = None
    elsewhere_score: float | None = None
    heading = proposal.heading
    if heading:
        inside = subtree(ctx.base, base_out)
        inside_ids = {s.id for s in inside}
        within, within_score = best_match(heading, inside)
        # A title under the output that is the heading itself is taken whatever the rest of the
        # base holds: the search of all its other titles is left out then (a contribution of
        # thousands of proposals searched the whole base for each).
        other, other_score = (None, 0.0) if within_score >= 100.0 else best_match(
            heading, [s for s in ctx.base.sections if s.id not in inside_ids])
        if within is not None and within_score >= WITHIN_SCORE and (
                within_score >= other_score or other is not None and _same_place(within, other)):
            target, score = within, within_score
        elif other is not None and other_score >= ELSEWHERE_SCORE:
            elsewhere, elsewhere_score = other, other_score
            ctx.add("VAL003", f"{name}: “{heading}” is not under Output {number}; it is {describe(ctx.base, other)}",
                    section=sec, loc=loc, text=proposal.source, ref=other.id)
        elif within is not None and within_score >= WITHIN_SCORE:
            target, score = within, within_score
        elif _ends_title(heading, base_out.title):
            target, score = base_out, None  # "SUP Output 2.3 – Disaster risk reduction …": the output's own title, shortened
        else:
            accepted_out = output_section(ctx.accepted, number)
            added, added_score = best_match(heading, subtree(ctx.accepted, accepted_out)) if accepted_out else (None, 0.0)
            if added is not None and added_score >= WITHIN_SCORE:
                target, score = None, added_score
            else:
                renamed, renamed_score = best_match(heading, inside[1:], words_score)
                nearest, nearest_score = max(((within, within_score), (other, other_score)), key=lambda p: p[1])
                if renamed is not None and renamed_score >= RENAMED_SCORE:
                    hint = f"; {describe(ctx.base, renamed)} holds its words (renamed?)"
                elif nearest is not None and nearest_score >= SUGGEST_SCORE:
                    hint = f"; the nearest title is {describe(ctx.base, nearest)} ({nearest_score:.0f}%)"
                else:
                    hint = ""
                ctx.add("VAL004", f"{name}: no heading “{heading}” under Output {number} or elsewhere in the base{hint}",
                        section=sec, loc=loc, text=proposal.source)
    for view_name, view in (("accepted", ctx.accepted), ("original", ctx.original)):
        view_target = _view_target(view, number, target, heading)
        if view_target is not None:
            ctx.cover(proposal.number, view_name, subtree(view, view_target))
        elif output_section(view, number) is not None:
            ctx.cover(proposal.number, view_name, [])  # the output is quoted, not the heading: VAL008
    if target is not None:  # what the proposal names in the base, which a removal is placed by
        ctx.named_in_base.update(s.id for s in subtree(ctx.base, target))
    return Resolution(proposal.number, number, base_out.id, target.id if target else None,
                      target.title if target else heading, score,
                      elsewhere.id if elsewhere is not None else None, elsewhere_score)


ELLIPSIS = regex(r"(?<!\s)\s*(?:…|\.\.\.)\s*|(?:…|\.\.\.)\s*")  # (?<!\s): see diff.ignore.SPACED_SLASH
QUOTE_ENDS = " ;.,:"
MIN_QUOTED_WORDS = 3  # fewer words than this match by chance or are no quotation of the base


def _check_quote(ctx: _Context, proposal: Proposal, resolution: Resolution) -> None:
    """VAL010 when the text a proposal quotes to delete or replace is not in the base where it
    points: the heading it names, or the output when it names none; not checked where the heading
    is not under the output (VAL003, VAL004 say so). A quotation cut with an ellipsis is looked
    for piece by piece, in order. Says where the base has the text, if anywhere. A quotation a
    paragraph of the place nearly is (a word or a spelling off, `_near_quote`) is VAL016: the
    secretariat can still tell what it amends, which it cannot for text that is not there. A SUP's
    own text (`whole`) is whole paragraphs: only part of one is VAL010 too."""
    quoted = proposal.old
    where_id = resolution.section or resolution.output_section
    if not quoted or where_id is None or len(quoted.split()) < MIN_QUOTED_WORDS:
        return
    if proposal.heading and (resolution.section is None or resolution.elsewhere is not None):
        return  # the heading is not under this output (VAL003, VAL004): where to look is unknown
    pieces = [key for piece in ELLIPSIS.split(quoted) if (key := _key(piece))]
    where = ctx.base.get(where_id)
    if where is None or not pieces:
        return
    quotes = ctx.quotes = ctx.quotes or _Quotes(ctx.base)
    if quotes.holds(where, pieces):
        if proposal.whole and len(pieces) == 1 and not _whole_paragraphs(quotes.paragraphs(where), pieces[0]):
            within = any(pieces[0] in part for part in quotes.paragraphs(where))
            what = ("is only part of a paragraph of", "bullet") if within else ("is not whole paragraphs in a row of",
                                                                                "bullets")
            ctx.add("VAL010", f"Proposal {proposal.number} suppresses “{excerpt(quoted, 70)}”, which {what[0]} "
                    f"{section_label(ctx.base, where_id)}: SUP deletes whole paragraphs (quote the whole {what[1]}, "
                    "or propose deleting the words in prose)", section=proposal.section, loc=proposal.loc,
                    text=proposal.source)
        return
    elsewhere = quotes.first_holding(pieces)
    near = _near_quote(ctx.base, where, quoted) if elsewhere is None and len(pieces) == 1 else None
    found = (f"; it is in {section_label(ctx.base, elsewhere.id)}" if elsewhere is not None
             else f"; a paragraph there is nearly the same: {near[1]}" if near is not None
             else ", nor anywhere else in the base")
    shown = near[0] if near is not None else excerpt(quoted, 70)
    ctx.add("VAL016" if near is not None else "VAL010", f"Proposal {proposal.number} quotes “{shown}” to {proposal.action}, which is not "
            f"in {section_label(ctx.base, where_id)}{found}", section=proposal.section, loc=proposal.loc,
            text=proposal.source, ref=elsewhere.id if elsewhere is not None else None)


_MOD_MARK = regex(r"^\W*MOD\b")


def _is_marked(proposal: Proposal) -> bool:
    """Whether the proposal is an ITU amendment block ("MOD<tab>JPN/12/5", its place and text)."""
    return _MOD_MARK.match(proposal.source) is not None


def _texts_before_marks(proposals: list[Proposal], original: Document) -> dict[int, str]:
    """The text each MOD block whose paragraph carries revision marks had before them (the block
    read in the original view), by `id` of the accepted view's proposal: what the MOD modifies,
    which must be the base's (VAL010), as a replacement's quoted text must."""
    earlier = {(p.number, p.loc): p for p in parse_contribution(original)[0]}
    out: dict[int, str] = {}
    for proposal in proposals:
        found = earlier.get((proposal.number, proposal.loc))
        if (proposal.action == "modify" and proposal.old is None and proposal.new and _is_marked(proposal)
                and found is not None and found.new and _key(found.new) != _key(proposal.new)):
            out[id(proposal)] = found.new
    return out


def _check_no_change(ctx: _Context, proposal: Proposal, resolution: Resolution) -> None:
    """VAL008 when a proposal's own words change nothing: "replace “X” with “X”", or a MOD block
    whose text is the base's at its place as it stands (no revision mark, no word changed)."""
    if proposal.old and proposal.new and _key(proposal.old) == _key(proposal.new):
        ctx.add("VAL008", f"Proposal {proposal.number} replaces “{excerpt(proposal.old, 70)}” with the same text: "
                "it changes nothing", section=proposal.section, loc=proposal.loc, text=proposal.source)
        return
    where_id = resolution.section or resolution.output_section
    if (proposal.action != "modify" or proposal.old is not None or not proposal.new or not _is_marked(proposal)
            or where_id is None or (where := ctx.base.get(where_id)) is None or not (key := _key(proposal.new))):
        return
    quotes = ctx.quotes = ctx.quotes or _Quotes(ctx.base)
    if quotes.holds(where, [key]):
        ctx.add("VAL008", f"Proposal {proposal.number}'s text is that of {section_label(ctx.base, where_id)} as it "
                "stands: it changes nothing", section=proposal.section, loc=proposal.loc, text=proposal.source)


NEAR_QUOTE = 90.0  # rapidfuzz partial ratio at which a paragraph of the place is the one a quotation means
NEAR_DIFFERENCES = 3  # differing runs of words shown; more, and the paragraph is not nearly the same
NEAR_LENGTH = 0.75  # the shortest paragraph compared, as a share of the quotation's length
NEAR_LEAD = 30  # characters of the quotation shown before its first difference, when it is long


def _near_quote(base: Document, where: Section, quoted: str) -> tuple[str, str] | None:
    """Where a quotation the place lacks differs from the paragraph (or title) of the place it
    nearly is, so that a VAL010 shows the wrong word ("current" quoted, "existing" in the base)
    instead of saying only that the text is nowhere: the quotation as shown (from a little before
    its first difference, when it is long) and the differences in words. None when no paragraph
    is that near, or differs in more than a few places."""
    quote = " ".join(quoted.split()).strip(QUOTE_ENDS)
    best: tuple[float, str] | None = None
    for section in subtree(base, where):
        for text in (section.title or "", *(b.text for b in section.blocks)):
            line = " ".join(text.split())
            if len(line) < NEAR_LENGTH * len(quote):
                continue  # a title or short paragraph would be looked for inside the quotation
            found = fuzz.partial_ratio_alignment(quote.lower(), line.lower(), score_cutoff=NEAR_QUOTE)
            if found is not None and (best is None or found.score > best[0]):
                start = line.rfind(" ", 0, max(0, found.dest_start - NEAR_LEAD)) + 1  # a few words either side:
                end = line.find(" ", found.dest_end + NEAR_LEAD)  # the alignment may cut a word the quotation lacks
                best = (found.score, line[start:end if end >= 0 else len(line)])
    if best is None:
        return None
    window = best[1]
    edits: list[list[int]] = []  # [base start, base end, quotation start, quotation end] of each difference
    at_base = at_quote = 0
    for _, _, deleted, inserted in runs(word_diff(window, quote)):
        kept = deleted is None
        deleted = inserted if deleted is None else deleted  # a kept run's text is its `inserted`
        if not kept and _key(deleted) != _key(inserted):
            edits.append([at_base, at_base + len(deleted), at_quote, at_quote + len(inserted)])
        at_base, at_quote = at_base + len(deleted), at_quote + len(inserted)
    if edits and edits[0][2] == edits[0][3] == 0:
        edits.pop(0)  # words of the paragraph before the quotation begins
    if edits and edits[-1][2] == edits[-1][3] == len(quote):
        edits.pop()  # and after it ends
    for k in range(len(edits) - 1, 0, -1):
        if len(quote[edits[k - 1][3]:edits[k][2]].split()) <= 1:  # "unserved and underserved": one change
            edits[k - 1][1], edits[k - 1][3] = edits[k][1], edits[k][3]
            del edits[k]
    if not edits or len(edits) > NEAR_DIFFERENCES:
        return None
    first = edits[0][2]
    pairs = [(_edge_words(window[b0:b1], quote[q0:q1], q0 == 0, q1 == len(quote)), quote[q0:q1].strip(QUOTE_ENDS))
             for b0, b1, q0, q1 in edits]
    start = quote.rfind(" ", 0, max(0, first - NEAR_LEAD)) + 1 if len(quote) > 70 else 0
    shown = ("…" if start else "") + excerpt(quote[start:], 70 - bool(start))
    said = "; ".join(_difference(old, new, "the proposal quotes", "the proposal") for old, new in pairs)
    return shown, said


def _difference(base_side: str, other_side: str, other_has: str, other: str) -> str:
    """One difference between the base and another text, as VAL010 and VAL016 tell it: "the base
    has “X” where the proposal quotes “Y”", or only what one side has (`other_has`: how the other
    side's words are introduced, `other`: what that side is)."""
    if base_side and other_side:
        return f"the base has “{base_side}” where {other_has} “{other_side}”"
    if other_side:
        return f"{other_has} “{other_side}”, which the base does not have"
    return f"the base has “{base_side}”, which {other} leaves out"


def _edge_words(base_side: str, quoted_side: str, at_start: bool, at_end: bool) -> str:
    """The base's side of a difference at an end of the quotation, without the paragraph's words
    beyond it ("satellite", not "satellite, and business models which achieve", for "satellites"
    ending a quotation): as many words as the quotation's side has, on the quotation's side."""
    words, count = base_side.split(), len(quoted_side.split())
    if quoted_side.strip() and len(words) > count and (at_start or at_end):
        words = words[:count] if at_end else words[-count:]
    return " ".join(words).strip(QUOTE_ENDS)


def _key(text: str) -> str:
    """`text` as quotations are compared (typography, case and end punctuation aside)."""
    return comparable(text.translate(_QUOTES)).strip(QUOTE_ENDS)


class _Quotes:
    """The base's text as `_check_quote` looks for quotations in it: each section's subtree text
    made comparable once, and each section's own text, with the sections each of its words is
    in. A quotation found nowhere under its output is looked for in the sections holding the
    rarest whole word inside it, not in every section: each proposal's search read the whole
    base again, 87 s for 5,000 proposals against a base of 0.9 MB."""

    def __init__(self, base: Document) -> None:
        self.base = base
        self.subtrees: dict[str, str] = {}
        self.parts: dict[str, list[str]] = {}
        self.joined: dict[str, str] = {}
        self.own: list[str] = []  # made at the first search outside an output (most quotations are under theirs)
        self.own_joined: list[str] = []  # each section's own paragraphs as `across` joins them
        self.words: dict[str, list[int]] = {}

    def under(self, section: Section) -> str:
        """The comparable text of `section` and every section under it."""
        if (text := self.subtrees.get(section.id)) is None:
            text = self.subtrees[section.id] = _text_of(subtree(self.base, section))
        return text

    def paragraphs(self, section: Section) -> list[str]:
        """The titles and paragraphs of `section` and every section under it, each as quotations
        are compared (`_key`: its end punctuation aside), empty ones left out."""
        if (parts := self.parts.get(section.id)) is None:
            parts = self.parts[section.id] = _paragraph_keys(subtree(self.base, section))
        return parts

    def holds(self, section: Section, pieces: list[str]) -> bool:
        """Whether the text under `section` holds the pieces in order (`_holds_across`)."""
        if (joined := self.joined.get(section.id)) is None:
            joined = self.joined[section.id] = " ".join(self.paragraphs(section))
        return _holds_across(self.under(section), joined, pieces)

    def first_holding(self, pieces: list[str]) -> Section | None:
        """The first section (in document order) whose own text holds the pieces in order, as
        `holds` looks for them: several paragraphs in a row are found as in the place a proposal
        names. A word with white space on either side inside a piece is a whole word of any text
        holding it (in either form: "stakeholder;" ends a paragraph, "stakeholder" a joined one)."""
        if not self.own and self.base.sections:
            self.own = [_text_of([s]) for s in self.base.sections]
            self.own_joined = [" ".join(_paragraph_keys([s])) for s in self.base.sections]
            for k, (text, joined) in enumerate(zip(self.own, self.own_joined)):
                for word in set(text.split()) | set(joined.split()):
                    self.words.setdefault(word, []).append(k)
        inner = [word for piece in pieces for word in piece.split()[1:-1]]
        found = [self.words.get(word, []) for word in inner]
        candidates = min(found, key=len) if found else range(len(self.own))
        return next((self.base.sections[k] for k in candidates
                     if _holds_across(self.own[k], self.own_joined[k], pieces)), None)


def _paragraph_keys(sections: list[Section]) -> list[str]:
    """The sections' titles and paragraphs, each as quotations are compared (`_key`: its end
    punctuation aside), empty ones left out."""
    return [k for part in _parts(sections) if (k := _key(part))]


def _holds_across(text: str, joined: str, pieces: list[str]) -> bool:
    """Whether comparable `text` holds the pieces in order: as it is, or across the ends of its
    paragraphs (`joined`: `_paragraph_keys` joined by a space), as a block quoting several in a
    row joins them, with a space and without their end punctuation ("…stakeholder establish a
    culture…" for two bullets)."""
    return _holds(text, pieces) or _holds(joined, pieces)


def _parts(sections: list[Section]) -> Iterator[str]:
    """The sections' titles and paragraphs (table cells' text among them), in order: the text a
    quotation is looked for in, whole (`_text_of`) or paragraph by paragraph (`_paragraph_keys`)."""
    return (part for s in sections for part in (s.title or "", *(b.text for b in s.blocks)))


def _text_of(sections: list[Section]) -> str:
    """The sections' text (titles, paragraphs, table cells) made comparable."""
    return comparable("\n".join(_parts(sections)))


def _whole_paragraphs(parts: list[str], key: str) -> bool:
    """Whether comparable `key` is one or more whole paragraphs of `parts` (`_Quotes.paragraphs`)
    in a row, their end punctuation aside."""
    for i, first in enumerate(parts):
        joined = first
        for later in [None, *parts[i + 1:]]:
            joined = joined if later is None else f"{joined} {later}"
            if joined == key:
                return True
            if not key.startswith(joined):
                break
    return False


def _holds(text: str, pieces: list[str]) -> bool:
    """Whether comparable `text` holds the pieces in order."""
    at = 0
    for piece in pieces:
        found = text.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


def _pair_revisions(accepted: Document, original: Document) -> list[tuple[Revision, str | None]]:
    """Each revision of the accepted view with the section it falls in in the original view."""
    orig = original.revisions
    same = len(orig) == len(accepted.revisions) and all(
        a.type == b.type and a.text == b.text for a, b in zip(accepted.revisions, orig)
    )
    return [(rev, orig[i].section if same else None) for i, rev in enumerate(accepted.revisions)]


def _covering(ctx: _Context, acc_section: str | None, orig_section: str | None) -> list[str]:
    return [number for number, views in ctx.covered.items()
            if acc_section in views["accepted"] or orig_section in views["original"]]


def _covering_base(ctx: _Context, base_section: str | None) -> bool:
    """Whether a proposal names this section of the base (or a section above it): a section
    removed without revision marks is in no view of the contribution, only in the base."""
    return base_section is not None and base_section in ctx.named_in_base


def _quoted_place(ctx: _Context, section: str) -> Loc | None:
    """Where in the contribution a finding about `section` goes: the section itself, or for one
    only the base has (removed), the nearest section above it that the contribution quotes. A
    base paragraph's number would name no paragraph of the contribution's file."""
    at: str | None = section
    while at:
        if (quoted := ctx.original.get(at)) is not None:
            return quoted.loc
        above = ctx.base.get(at)
        at = above.parent if above is not None else None
    return None


def _place(rev: Revision, orig_section: str | None) -> tuple[str | None, str | None]:
    """Where a revision is, per view: an insertion is placed by the accepted view (the inserted
    text is not in the original), a deletion by the original view, anything else by both."""
    if DELETED.search(rev.type) and orig_section is not None:
        return None, orig_section
    if INSERTED.search(rev.type):
        return rev.section, None
    return rev.section, orig_section


def _check_revisions(ctx: _Context, full_accepted: Document, full_original: Document) -> list[RevisionRecord]:
    """Attribute revision marks to proposals; report those in the amended text no proposal names."""
    acc_ids = {s.id for s in ctx.accepted.sections}
    orig_ids = {s.id for s in ctx.original.sections}
    records: list[RevisionRecord] = []
    outside: dict[tuple[str | None, tuple[int | None, ...], int | None], list[Revision]] = {}  # by section and paragraph
    for rev, orig_section in _pair_revisions(full_accepted, full_original):
        if rev.section not in acc_ids and orig_section not in orig_ids:
            continue
        acc_place, orig_place = _place(rev, orig_section)
        covering = _covering(ctx, acc_place, orig_place)
        records.append(RevisionRecord(rev, orig_section, covering))
        if not covering and CONTENT_REVISION.search(rev.type):
            section = acc_place or orig_place
            outside.setdefault((section, _mark_paragraph(ctx, section, rev), rev.box_paragraph), []).append(rev)
    for (section, _para, _boxed), revs in outside.items():
        text = " ".join(r.text for r in revs if r.text.strip())
        kinds = sorted({r.type.replace("paragraph-", "") for r in revs})
        authors = sorted({r.author for r in revs if r.author})
        by = f" by {', '.join(authors)}" if authors else ""
        view = ctx.accepted if ctx.accepted.get(section or "") else ctx.original
        where = f"revision mark ({'/'.join(kinds)}{by}) in {section_label(view, section)}, which no proposal names"
        ctx.add("VAL005", f"{where}: {_marked_edits(revs)}" if text else where, section=section, loc=revs[0].loc,
                text=text or None)
    return records


def _mark_paragraph(ctx: _Context, section: str | None, rev: Revision) -> tuple[int | None, ...]:
    """Which paragraph of `section` a revision mark is in, as a key VAL005 groups marks by: a .docx
    mark's paragraph; for a PDF's, which carries the page and line it starts on but no paragraph,
    the last block of the section that starts at or before it (all of a section's PDF marks were
    grouped as one: two bullets inserted one after another were one VAL005)."""
    if rev.loc.paragraph is not None or rev.loc.page is None:
        return (rev.loc.paragraph,)
    view = ctx.accepted if ctx.accepted.get(section or "") else ctx.original
    at = (rev.loc.page, rev.loc.line or 0)
    found = view.get(section or "")
    starts = [(b.loc.page, b.loc.line or 0) for b in (found.blocks if found else ()) if b.loc.page is not None]
    return max((start for start in starts if start <= at), default=at)


def _marked_edits(revs: list[Revision]) -> str:
    """What a paragraph's revision marks do, in the words of VAL006's message: a deletion followed
    by an insertion is “old” made “new”, anything else “text” deleted or inserted, a paragraph's
    edits joined by "; ". The marks' texts run together ("trained trained and certified") read
    as a typo in the contribution. A mark whose text an earlier one holds (a cell's deletion in a
    deleted row) is told with the row's."""
    edits: list[str] = []
    pending = ""  # a deletion not yet told, in case an insertion follows it
    rows: list[tuple[bool, str]] = []  # the row marks told, with their cells' text
    for rev in revs:
        text, deleted = rev.text.strip(), bool(DELETED.search(rev.type))
        if not text or any(was == deleted and text in row for was, row in rows):
            continue
        if rev.type.startswith(("row-", "cell-")):
            rows.append((deleted, text))
        if deleted:
            if pending:
                edits.append(f"“{excerpt(pending)}” deleted")
            pending = text
        elif pending:
            edits.append(f"“{excerpt(pending, 60)}” made “{excerpt(text, 60)}”")
            pending = ""
        else:
            edits.append(f"“{excerpt(text)}” inserted")
    if pending:
        edits.append(f"“{excerpt(pending)}” deleted")
    more = len(edits) - 3
    return "; ".join(edits[:3]) + (f"; {more} more mark{'' if more == 1 else 's'}" if more > 0 else "")


COMPLETE_QUOTE = 0.75
"""The share of a section's subsections a contribution must reproduce for the ones it leaves out
to count as removed; with fewer it quotes an excerpt, and what it leaves out it does not quote."""


def _comparable_base(base: Document, contribution: Document) -> Document:
    """The base restricted to the parts the contribution reproduces, so that a contribution that
    quotes only what it amends is not reported as deleting the rest of the plan.

    A numbered section (an id without "/": output-2.1, objective-2, clause-1.1) is kept when the
    contribution has it. Below one, a section is kept when the contribution has it, when its
    parent is kept but was removed (its whole subtree went), or when the contribution reproduces
    at least COMPLETE_QUOTE of its parent's subsections (it left this one out of a whole). A
    section the contribution quotes as a bare heading on the way to the one it amends (none of
    its paragraphs, some of its subsections) is compared as a heading alone. An excerpt that
    quotes Output 2.1 › Programme › "Rural communications" and "Broadcasting" removes none of
    the programme's other areas; one that reproduces all but "Rural communications" removed it.
    A numbered section quoted by its number alone ("Output 2.1", no title) is compared so.
    A section left out whose paragraphs the contribution has all the same, elsewhere, lost its
    heading ("Broadcasting" dropped, its paragraphs running on under "Rural communications"): it
    is kept, so that the heading's removal is seen even where that text lands in a covered place.
    """
    present = {s.id: s for s in contribution.sections}
    quoted_keys = {_key(unbulleted(b.text)) for _s, b in contribution.blocks() if b.text.strip()}
    children: dict[str | None, list[str]] = {}
    for section in base.sections:
        children.setdefault(section.parent, []).append(section.id)
    whole = {parent for parent, ids in children.items()
             if sum(child in present for child in ids) >= COMPLETE_QUOTE * len(ids)}
    kept: set[str] = set()
    keep = []
    for section in base.sections:
        parent = section.parent
        if "/" not in section.id:
            ok = section.id in present
        else:
            ok = parent in kept and (section.id in present or parent not in present or parent in whole
                                     or _quoted_elsewhere(section, quoted_keys))
            if not ok and section.id in present and (above := _kept_above(base, section, kept)) is not None:
                # quoted without a section between it and one kept above (an area quoted with its
                # output and framework but not the "Programme: …" line over it): under that one,
                # as the contribution has it
                section, ok = replace(section, parent=above), True
        if not ok:
            continue
        kept.add(section.id)
        quoted = present.get(section.id)
        if quoted is not None and not quoted.blocks and section.id in children and section.id not in whole:
            section = replace(section, blocks=[])  # a heading on the way to what is amended
        if quoted is not None and section.number and not quoted.title and section.title:
            # "Output 2.1" quoted without its title: the heading as quoted, not a renamed output
            section = replace(section, title=quoted.title, heading=quoted.heading)
        keep.append(section)
    return Document(source=base.source, sections=keep, revisions=[])


def _quoted_elsewhere(section: Section, quoted_keys: set[str]) -> bool:
    """Whether the contribution has every paragraph of `section` (one at least) though not the
    section: its heading was left out, not the text under it."""
    keys = [_key(unbulleted(b.text)) for b in section.blocks if b.text.strip()]
    return bool(keys) and all(key in quoted_keys for key in keys)


def _context_quotes(base: Document, comparable: Document, contribution: Document) -> set[str]:
    """In an excerpt (the contribution leaves some of the base out), the sections it quotes fewer
    than COMPLETE_QUOTE of the paragraphs of (context, or the one it amends): the paragraphs it
    leaves out there are not removed, as a section left out of a partly quoted parent is not."""
    if len(comparable.sections) == len(base.sections):
        return set()
    return {section.id for section in comparable.sections
            if (quoted := contribution.get(section.id)) is not None and quoted.blocks
            and len(quoted.blocks) < COMPLETE_QUOTE * len(section.blocks)}


def _kept_above(base: Document, section: Section, kept: set[str]) -> str | None:
    """The nearest section above `section` in `base` that is kept, if any."""
    parent = section.parent
    while parent is not None and parent not in kept:
        above = base.get(parent)
        parent = above.parent if above is not None else None
    return parent


def _check_untracked(ctx: _Context) -> set[str]:
    """Differences between the base and the contribution's original view (amendments made without
    revision marks) outside the named places, one finding per section; returns the sections of
    the original view that changed."""
    from ..diff import diff_documents
    from ..diff.ignore import IGNORE_KINDS

    comparable = _comparable_base(ctx.base, ctx.original)
    result = diff_documents(comparable, ctx.original, ignore=frozenset(IGNORE_KINDS))
    context = _context_quotes(ctx.base, comparable, ctx.original)
    changed: set[str] = set()
    grouped: dict[str, list[Any]] = {}
    marked = {r.loc.paragraph for r in ctx.original.revisions
              if CONTENT_REVISION.search(r.type) and r.loc.paragraph is not None}
    for change in result.visible():
        if not any(ch.isalnum() for ch in (change.old or "") + (change.new or "")):
            continue
        if change.kind == "removed" and change.target == "block" and change.section_old in context:
            continue  # a paragraph an excerpt does not quote around the context it does
        section = change.section_new or change.section_old or ""
        changed.add(section)
        if _covering(ctx, None, section) or _covering_base(ctx, change.section_old):
            if change.kind == "modified" and change.target == "block" and _holds_marks(change, marked):
                _outdated_marks(ctx, section, change)
            continue
        grouped.setdefault(section, []).append(change)
    for section, changes in grouped.items():
        kinds = Counter((c.target, c.kind) for c in changes)
        what = ", ".join(f"{n} {target}{'s' if n > 1 else ''} {kind}" for (target, kind), n in kinds.items())
        shown = next((c for c in changes if c.new), changes[0])
        first = shown.new or shown.old or ""
        doc = ctx.original if ctx.original.get(section) else ctx.base
        loc = shown.loc_new or _quoted_place(ctx, section)  # the quoted block's place
        ctx.add("VAL006", f"{what} in {section_label(doc, section)} without revision marks, and no proposal "
                f"names it: “{excerpt(first)}”{_first_edit(shown)}", section=section, text=first, loc=loc)
    return changed


def _holds_marks(change: Change, marked: set[int]) -> bool:
    """Whether the contribution's paragraph a change is at carries revision marks (`marked`: the
    paragraphs of the amended text's marks)."""
    return change.loc_new is not None and change.loc_new.paragraph in marked


def _outdated_marks(ctx: _Context, section: str, change: Change) -> None:
    """VAL016 for a paragraph of a place a proposal names whose revision marks were made on text
    that is not the base's (an outdated copy: rejecting them does not give the base back), as a
    MOD block's are (`_texts_before_marks`): the words that differ, base first."""
    deleted, inserted = next(((d, i) for _, _, d, i in runs(change.words or []) if d is not None), ("", ""))
    deleted, inserted = deleted.strip(QUOTE_ENDS), inserted.strip(QUOTE_ENDS)
    said = _difference(deleted and excerpt(deleted), inserted and excerpt(inserted),
                       "the amended text, before its marks, has", "the amended text")
    text = change.new or ""
    ctx.add("VAL016", f"revision marks in {section_label(ctx.original, section)} were made on a paragraph that is not "
            f"the base's: {said}: “{excerpt(unbulleted(text))}”", section=section, text=text, loc=change.loc_new)


def _first_edit(change: Change) -> str:
    """The first words a modified block's change edits (diff.words.runs), for VAL006's message
    (" (“10” made “12”)"), so the delegate sees what changed, not only the paragraph; "" for a
    block added or removed."""
    deleted, inserted = next(((d, i) for _, _, d, i in runs(change.words or []) if d is not None), ("", ""))
    deleted, inserted = deleted.strip(), inserted.strip()
    if deleted and inserted:
        return f" (“{excerpt(deleted)}” made “{excerpt(inserted)}”)"
    return f" (“{excerpt(deleted)}” deleted)" if deleted else f" (“{excerpt(inserted)}” inserted)" if inserted else ""


def _block_key(text: str) -> str:
    return fold(text.translate(_QUOTES))


def _check_duplicates(ctx: _Context) -> None:
    """Paragraphs the amended text has more often than the base: inserted twice."""
    base_counts = Counter(_block_key(b.text) for _s, b in ctx.base.blocks() if b.type in ("paragraph", "list-item"))
    seen: Counter[str] = Counter()
    places: dict[str, list[tuple[Section, Any]]] = {}
    for section, block in ctx.accepted.blocks():
        if block.type not in ("paragraph", "list-item") or len(block.text.split()) < DUPLICATE_MIN_WORDS:
            continue
        key = _block_key(block.text)
        seen[key] += 1
        places.setdefault(key, []).append((section, block))
    for key, n in seen.items():
        if n < 2 or n <= base_counts[key]:
            continue
        spots = places[key]
        section, block = spots[base_counts[key]] if base_counts[key] < len(spots) else spots[-1]
        where = sorted({section_label(ctx.accepted, s.id) for s, _ in spots})
        ctx.add("VAL007", f"the same paragraph occurs {n} times in {', '.join(where)} (the base has it "
                f"{base_counts[key]} time{'s' if base_counts[key] != 1 else ''}): “{excerpt(block.text)}”",
                section=section.id, loc=spots[-1][1].loc, text=block.text)


def _check_conflicts(ctx: _Context, deleted: dict[str, Proposal]) -> None:
    """VAL014 for a proposal amending an output another proposal deletes whole (`_deletes_whole`:
    "SUP Output 2.3"; not "In Output 2.3, delete the second paragraph"),
    before or after it: the two cannot both be adopted. One adding a new output under that
    number replaces it ("SUP Output 2.3", "ADD Output 2.3 – <title>"), and one naming it after
    its own place merges it ("In Output 2.2, add the activities of Output 2.3")."""
    for proposal in ctx.proposals:
        for number in proposal.outputs:
            other = deleted.get(number)
            if (other is not None and other is not proposal and number not in proposal.new_outputs
                    and number == proposal.outputs[0]):
                whole = f" with Objective {number.split('.')[0]}" if other.objectives else ""
                ctx.add("VAL014", f"Proposal {proposal.number} amends Output {number}, which proposal "
                        f"{other.number} deletes{whole}", section=proposal.section, loc=proposal.loc,
                        text=proposal.source)


def _check_still_listed(ctx: _Context) -> None:
    """VAL015 for an output a proposal deletes whole (`_deletes_whole`) that an outcome's row of
    its objective's table still lists in its Outputs column ("2.3 - Disaster risk reduction …"):
    the plan would name an output it no longer has. The row is read in the amended text where it
    holds that outcome, else in the base (a contribution giving only the text it amends leaves the
    rest as it is); a row the amended text deletes with revision marks (in its original view, not
    in its accepted one) lists nothing. An output another proposal adds again under the number is
    no orphan."""
    deleted = ctx.deleted
    if not deleted:
        return
    for outcome in ctx.base.of_kind("outcome"):
        if (outcome.number or "").split(".")[0] in ctx.gone_objectives:
            continue  # its row goes with the objective's table
        own = ctx.accepted.get(outcome.id)
        if own is None and (gone := ctx.original.get(outcome.id)) is not None and gone.kind == "outcome":
            continue
        row = own if own is not None and own.kind == "outcome" else outcome
        for number, block in listed_outputs(row):
            if (proposal := deleted.get(number)) is None:
                continue
            where = "the amended text" if row is own else "the base"
            ctx.add("VAL015", f"Proposal {proposal.number} deletes Output {number}, but Outcome "
                    f"{outcome.number}'s row of {outcome_table(ctx.base, outcome)} in {where} still lists it: "
                    f"“{excerpt(block.text)}”", section=row.id if row is own else proposal.section,
                    loc=block.loc if row is own else proposal.loc, text=block.text)


def _in_gone_objective(ctx: _Context, section: str | None) -> bool:
    """Whether `section` of the amended text is inside an objective a proposal deletes whole."""
    at = ctx.accepted.get(section or "")
    while at is not None:
        if at.kind == "objective" and at.number in ctx.gone_objectives:
            return True
        at = ctx.accepted.get(at.parent or "")
    return False


def _check_still_cited(ctx: _Context, refs: Iterable[Reference]) -> None:
    """VAL015 for an output a proposal deletes whole that the amended text still cites in prose
    ("… will support Outputs 2.2 and 2.3"), outside the output itself: once the deletion is made
    the sentence names an output the plan no longer has. One finding per citing paragraph."""
    from ..refs.ids import sector_item_family

    family = sector_item_family("ITU-D", "output")
    told: set[tuple[str, str | None, int | None, int | None]] = set()
    for ref in refs:
        proposal = ctx.deleted.get(ref.number) if ref.family == family else None
        if proposal is None or (ref.section or "").startswith(f"output-{ref.number}"):
            continue
        if _in_gone_objective(ctx, ref.section):
            continue
        key = (ref.number, ref.section, ref.loc.paragraph, ref.loc.line)
        if key in told:
            continue
        told.add(key)
        ctx.add("VAL015", f"Proposal {proposal.number} deletes Output {ref.number}, but the amended text still "
                f"cites it: “{excerpt(ref.text)}”", section=ref.section, loc=ref.loc, text=ref.text)


def listed_outputs(row: Section) -> Iterator[tuple[str, Block]]:
    """The outputs an outcome's row of its objective's table lists in its Outputs column ("2.3 -
    Disaster risk reduction …", "Output 2.3"), each number with the cell's block that lists it:
    what VAL015 (a contribution's deletion) and CHK006 (a plan's) hold against the outputs."""
    for block in row.blocks:
        listed = _LISTED_OUTPUT.match(block.text) if block.field == "outputs" else None
        if listed is not None:
            yield listed.group(1), block


def outcome_table(doc: Document, outcome: Section) -> str:
    """The table an outcome's row is in, as a message names it: "the Objective 2 table"."""
    objective = objective_of(doc, outcome)
    return f"the Objective {objective.number} table" if objective is not None else "its objective's table"


def _whole_deletions(ctx: _Context) -> dict[str, Proposal]:
    """Output number -> the proposal deleting that output whole (`_deletes_whole`)."""
    by_number: dict[str, Proposal] = {}
    for proposal in ctx.proposals:
        by_number.setdefault(proposal.number, proposal)
    return {r.output: p for r in ctx.resolutions if r.kind == "output"
            and (p := by_number.get(r.proposal)) is not None and _deletes_whole(p, r)}


def _deletes_whole(proposal: Proposal, resolution: Resolution) -> bool:
    """Whether `proposal` deletes the output `resolution` places it at, whole: it quotes no text
    of it, lands on the output itself (no heading, or the output's own title), and its words name
    nothing less ("SUP Output 2.3", "Delete Output 2.3 (…) in its entirety", "delete the whole
    output"; not "delete the second paragraph")."""
    if proposal.action != "delete" or proposal.old or resolution.output_section is None:
        return False
    if resolution.section not in (None, resolution.output_section):
        return False
    return not proposal.text or _WHOLE_OUTPUT.match(proposal.text) is not None


_WHOLE_OUTPUT = regex(r"\s*(?:Output\s+\d{1,2}\.\d{1,2}\b(?![^.;]*\b(?:paragraph|bullet|sentence|item|row)s?\b)"
                      r"|(?:the\s+)?(?:whole|entire)\s+output\b|(?:it\s+)?in\s+(?:its|their)\s+entirety\b)", re.IGNORECASE)
"""The words of a proposal deleting a whole output: the output itself ("Output 2.3 (…) in its
entirety", not "Output 2.3's second paragraph"), "the whole output", "in its entirety"."""


_LISTED_OUTPUT = regex(r"\s*(?:Outputs?\s+)?(\d{1,2}\.\d{1,2})(?![\d.]\d)")
"""An output an outcome's Outputs cell lists: "2.3 - Disaster risk reduction …", "Output 2.3"."""


def _check_unamended(ctx: _Context, records: list[RevisionRecord], untracked: set[str]) -> None:
    """Proposals whose places show neither a revision mark nor a difference from the base; a row
    of a proposals table gives its amended text itself."""
    tracked = {n for r in records for n in r.proposals if CONTENT_REVISION.search(r.revision.type)}
    for proposal in ctx.proposals:
        views = ctx.covered.get(proposal.number)
        if views is None or proposal.tabled or proposal.number in tracked or views["original"] & untracked:
            continue
        place = f"under “{proposal.heading}”" if proposal.heading else ""
        outputs = " and ".join([f"Output {n}" for n in proposal.outputs] + [f"Outcome {n}" for n in proposal.outcomes]
                               + [f"Objective {n}" for n in proposal.objectives])
        ctx.add("VAL008", f"Proposal {proposal.number}: no amendment found in {outputs} {place}".rstrip(),
                section=proposal.section, loc=proposal.loc, text=proposal.source)


def _ref_key(f: Finding) -> tuple[str, str, str]:
    return (f.code, f.ref or "", _block_key(f.text or f.message))


def _check_references(ctx: _Context, base: Document, document_refs: Callable[..., Any]) -> None:
    """Reference findings that the base does not have (new problems): in the amended text, in the
    contribution's cover part (`cover_part`), and in the text the proposals put into the plan
    (`_proposed_text_findings`), one finding for a
    problem two of them hold. The contribution's plan-internal ids take the editions its whole text
    settles, and the base's where it settles none: it amends that edition, and REF013's "give
    --edition" is advice validate has no option for (VAL011 tells the two editions apart)."""
    editions = {**ctx.settled(base), **ctx.settled(ctx.contribution)}
    base_counts = Counter(_ref_key(f) for f in document_refs(ctx.base, ctx.registry, findings_table=ctx.table).findings)
    amended_report = document_refs(ctx.accepted, ctx.registry, findings_table=ctx.table,
                                   editions=_unsettled(ctx.settled(ctx.accepted), editions))
    _check_still_cited(ctx, amended_report.refs)
    amended = amended_report.findings
    # the proposals as parsed (ctx.proposals: _titled_heading changes no proposal's outputs)
    cover = created_outputs_known(ctx.contribution, document_refs(
        cover_part(ctx.contribution), ctx.registry, findings_table=ctx.table, editions=editions).findings,
        named=True, proposals=ctx.proposals)
    told = {(f.code, f.ref) for f in amended + cover if f.ref is not None}
    proposed = [f for f in _proposed_text_findings(ctx, editions) if f.ref is None or (f.code, f.ref) not in told]
    for f in amended + cover + proposed:
        key = _ref_key(f)
        if base_counts[key] > 0:
            base_counts[key] -= 1
            continue
        f.source = ctx.contribution.source.path
        ctx.findings.append(f)


def _unsettled(own: Mapping[str, str], editions: dict[str, str]) -> dict[str, str]:
    """`editions` for the series a document's own text (`own`: what it settles) settles none of:
    what it settles stands."""
    return {series: code for series, code in editions.items() if series not in own}


def _proposed_text_findings(ctx: _Context, editions: dict[str, str]) -> list[Finding]:
    """The reference findings of the text each proposal puts into the plan (an ADD's or MOD's
    text, a replacement), read as the base section it goes into reads its own (under "WSIS
    action lines" a bare "C12" is an action line) and placed at the proposal: an ITU-style
    contribution gives its amended text there, not in a part of its own."""
    from ..refs.document import document_editions, section_contexts
    from ..refs.find import read_text
    from ..refs.registry import load_registry
    from ..refs.types import RefContext

    contexts = section_contexts(ctx.base, editions=document_editions(ctx.base, _unsettled(ctx.settled(ctx.base), editions)))
    registry = ctx.registry or load_registry()
    start = RefContext(source=ctx.contribution.source.path)
    out: list[Finding] = []
    read: set[str] = set()
    for proposal, place in _proposal_places(ctx):
        text = proposal.new if proposal.new is not None else proposal.text if proposal.action not in ("delete", "move") else None
        if not text or proposal.number in read:
            continue
        read.add(proposal.number)
        known = contexts.get(place or "")
        where = (known.ctx if known is not None else start).with_(section=proposal.section, loc=proposal.loc)
        out += read_text(text, where, registry, ctx.table)[1]
    return created_outputs_known(ctx.contribution, out)


def _proposal_places(ctx: _Context) -> Iterator[tuple[Proposal, str | None]]:
    """Each proposal with the base section it lands in, if any (its first output's)."""
    for proposal in ctx.proposals:
        found = next((r for r in ctx.resolutions if r.proposal == proposal.number), None)
        yield proposal, (found.section or found.output_section) if found is not None else None


def _check_edition(ctx: _Context, contribution: Document, base: Document) -> None:
    """VAL011 for each series (rules/editions.yml) whose edition the contribution's text and the
    base's text both settle, differently: proposals for the Kigali Action Plan checked against the
    Buenos Aires one find its outputs and headings in the wrong text."""
    if reference_api() is None:
        return
    from ..editions import load_editions

    names = load_editions().series
    ours, theirs = ctx.settled(contribution), ctx.settled(base)
    for series, code in sorted(ours.items()):
        other = theirs.get(series)
        if other is not None and other != code:
            ctx.add("VAL011", f"the contribution names the {names.get(series, series)} {code}, but the base is "
                    f"{other}: validate it against the {code} edition")


# A heading whose words speak of proposals ("Proposed text", "Proposed amendments to the … Action
# Plan", "Our proposals") that the profile did not open the proposals part with: VAL009 names it.
_PROPOSALS_WORDS = regex(r"\bpropos(?:als?|ed|itions?)\b", re.IGNORECASE)
_READ_AS = {"amended-text": "the start of the amended text", "cover": "the contribution's title",
            "front-matter": "the cover", "abstract": "the abstract", "introduction": "the introduction"}


def _proposals_like_heading(doc: Document) -> Section | None:
    """The first heading that reads like a proposals heading but opened no `proposals` section,
    so that VAL009 says why the proposals under it were not read."""
    return next((s for s in doc.sections if s.kind != "proposals" and s.title and _PROPOSALS_WORDS.search(s.title)),
                None)


def _holds_text(doc: Document) -> bool:
    """Whether any heading, paragraph or cell of `doc` has words."""
    return any(s.title or s.heading for s in doc.sections) or any(b.text.strip() for _, b in doc.blocks())


def reference_api() -> Callable[..., Any] | None:
    """The normaliser's `document_refs`, or None when the refs package is not installed."""
    try:
        from ..refs import document_refs
    except ImportError:
        return None
    return document_refs


def validate_documents(
    accepted: Document,
    original: Document,
    base: Document,
    table: dict[str, FindingRule] | None = None,
    registry: Registry | None = None,
) -> ValidationReport:
    """Validate a contribution (both views) against `base`; findings sorted by position;
    references judged by `registry` (a refs Registry; None: the built-in one)."""
    parsed, own = parse_contribution(accepted)
    proposals = [_titled_heading(base, p) for p in parsed]
    kept_accepted, kept_original = _without(accepted, own), _without(original, own)
    ctx = _Context(
        proposals=proposals,
        base=amended_part(base),
        accepted=amended_part(kept_accepted),
        original=amended_part(kept_original),
        contribution=accepted,
        table=table if table is not None else finding_table(),
        new_outputs={n for p in proposals for n in p.new_outputs},
        registry=registry,
    )
    if not proposals and not _holds_text(accepted):
        ctx.add("VAL009", "no proposals found: the contribution holds no text")
    elif not proposals:
        unread = _proposals_like_heading(accepted)
        ctx.add("VAL009", "no proposals found: no paragraph reads like “In Output N.M, under “…”, add …”"
                + (f"; the heading “{unread.title}” was read as {_READ_AS.get(unread.kind, 'a heading of the amended text')}"
                   ", not as the proposals' heading" if unread else ""),
                section=unread.id if unread else None, loc=unread.loc if unread else None)
    resolutions = ctx.resolutions
    before = _texts_before_marks(proposals, original) if original is not accepted else {}
    for proposal in proposals:
        places = proposal.outputs or proposal.outcomes or proposal.new_objectives or proposal.objectives
        if not places or proposal.action is None:
            missing = (missing_place(proposal, lambda n: _numbers_under(ctx.base, "output", n)) if not places
                       else "names no action (add, delete, modify, move, replace)")
            ctx.add("VAL001", f"Proposal {proposal.number} {missing}", section=proposal.section, loc=proposal.loc,
                    text=proposal.source)
        for number in proposal.outputs:
            resolution = _resolve(ctx, proposal, number)
            resolutions.append(resolution)
            _check_quote(ctx, proposal, resolution)
            if (modified := before.get(id(proposal))) is not None:  # a MOD made from an outdated copy
                _check_quote(ctx, replace(proposal, old=modified), resolution)
            _check_no_change(ctx, proposal, resolution)
        for number in proposal.outcomes:
            resolution = _resolve_outcome(ctx, proposal, number)
            resolutions.append(resolution)
            _check_quote(ctx, proposal, resolution)
        resolutions += [_resolve_objective(ctx, proposal, number) for number in proposal.objectives]
    _check_edition(ctx, accepted, base)
    records = _check_revisions(ctx, kept_accepted, kept_original)
    untracked = _check_untracked(ctx)
    _check_duplicates(ctx)
    whole = _whole_deletions(ctx)  # the outputs proposals delete whole, which VAL014 and VAL015 both read
    gone = {objective: p for p in ctx.proposals if p.action == "delete" and not p.old for objective in p.objectives}
    ctx.gone_objectives = set(gone)
    _check_conflicts(ctx, whole | {n: p for objective, p in gone.items() for n in _numbers_under(ctx.base, "output", objective)
                                   if n not in whole})
    ctx.deleted = {n: p for n, p in whole.items() if n not in ctx.new_outputs}  # VAL015's, in the table and prose
    _check_still_listed(ctx)
    _check_unamended(ctx, records, untracked)
    document_refs = reference_api()
    if document_refs is not None:
        _check_references(ctx, base, document_refs)
    ctx.findings.sort(key=finding_order)
    return ValidationReport(accepted.source, base.source, proposals, resolutions, records, ctx.findings)


def validate(contribution: str | Path, base: str | Path, table: dict[str, FindingRule] | None = None,
             registry_files: Iterable[str | Path] = ()) -> ValidationReport:
    """Read a contribution (accepted and original views, contribution profile) and its base, and
    validate the one against the other (`registry_files` added to the built-in registry)."""
    from ..loader import load

    plan = load(base)
    if plan.source.profile == "contribution":
        _refuse_swapped(contribution, base)
    accepted = load(contribution, profile="contribution", view="accepted")
    original = load(contribution, profile="contribution", view="original") if accepted.revisions else accepted
    registry = None
    if registry_files:
        from ..refs.registry import load_registry

        registry = load_registry(registry_files)
    return validate_documents(accepted, original, plan, table, registry)


def _refuse_swapped(contribution: str | Path, base: str | Path) -> None:
    """Raise a one-line UsageError when the base reads as a contribution and the contribution as a
    plan: the two arguments were given the wrong way round."""
    from ..errors import UsageError
    from ..loader import load

    kind = load(contribution).source.profile
    if kind != "contribution":
        raise UsageError(
            f"arguments swapped? {base} reads as a contribution and {contribution} as a {kind} document; "
            f"try: trace validate {base} --against {contribution}"
        )
