"""`document_refs`: every reference in a structured Document, with the context its sections give.

The context of a text comes from data (rules/refs.yml): the document's profile (an Action Plan's
bare "Resolution 1" is WTDC's, its bare "Output 2.1" ITU-D's), the plan a report names as what it
is about (a report on the Kigali Action Plan's bare "Output 1.1" is ITU-D's), the sections above
it (a reference group titled "WSIS action lines" holds bare "C1 and C11"), and the field of a structured row (a
roadmap's "ITU Strategic Goals" column makes "Goal 1" ITU-GOAL-1; its SDG column reads "1.4, 5.b"
as targets). Every paragraph and every table cell is read; section headings are not, since they
define the entity rather than cite it.
"""

from __future__ import annotations

import gc
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

from ..editions import NAMES_NONE, DocEditions, detect, load_editions, plan_named_first
from ..model import Block, Cell, Document, Loc, Section, cell_location
from .find import mentions_itu_goals, read_text
from ..findings import Finding, FindingRule
from ..errors import InputWarning, LimitError
from ..files import as_path
from ..forked import in_parallel, jobs
from ..limits import current
from ..record import record, replace
from ..regexcache import regex
from ..contents import contents_rows, heading_keys, names_heading, page_start
from ..text_patterns import TOC_STYLE, has_dot_leader, page_reference
from .entities import defined_entities, missing_children
from .findings import about, finding
from .grammar import has_digit
from .language import language_of
from .ids import SCOPED_FAMILIES, sort_ids
from .registry import Registry, load_registry
from .resolve import CiteMemo, RefRules, load_rules, over_refs
from .types import Reference, RefContext, RefReport, placed

_CONTEXT_KEYS = ("organ", "sector", "expect", "goal")


@record(frozen=True)
class SectionContext:
    """The parse context of a section and whether its references are citations (graph edges)."""

    ctx: RefContext
    cites: bool


def _apply(ctx: RefContext, rule: dict) -> RefContext:
    changes = _rule_fields(rule)
    return ctx.with_(**changes) if changes else ctx


def _rule_fields(rule: dict) -> dict[str, Any]:
    """The context fields (_CONTEXT_KEYS) a profile's or section's rule sets."""
    return {k: rule[k] for k in _CONTEXT_KEYS if k in rule}


def _applied(rules: Iterable[dict], title: str | None) -> tuple[dict[str, Any], bool]:
    """What the `rules` (those of a section's kind) whose title pattern finds the section's `title`
    change in a context, merged in order (the fields `_apply` with each of them in turn sets), and
    whether one of them makes it cite."""
    changes: dict[str, Any] = {}
    cites = False
    for rule in rules:
        if (pattern := rule.get("title")) is None or pattern.search(title or ""):
            changes.update(_rule_fields(rule))
            cites = cites or bool(rule.get("cites"))
    return changes, cites


def document_editions(doc: Document, override: Mapping[str, str] | None = None) -> DocEditions:
    """The editions `doc` settles per series (rules/editions.yml), `override` (series -> code) first:
    read from its headings and paragraphs; when they name no edition at all, from its table cells
    too (a plan whose outputs are laid out as tables names its edition only there)."""
    paragraphs = list(_paragraphs(doc))
    found = detect(paragraphs, doc.source.profile, override)
    if override:
        _contradicted(doc, detect(paragraphs, doc.source.profile), override)
    silent = {series for series, why in found.unsettled.items() if why == NAMES_NONE}
    cells = [cell.text for section in doc.sections for block in section.blocks if block.rows
             for row in block.rows for cell in row] if silent else []
    if not cells:
        return found
    wider = detect([*paragraphs, *cells], doc.source.profile, override)
    taken = {series: code for series, code in wider.by_series.items() if series in silent}
    return replace(found, by_series={**found.by_series, **taken},
                   unsettled={series: wider.unsettled.get(series, why) if series in silent else why
                              for series, why in found.unsettled.items() if series not in taken})


def _contradicted(doc: Document, own: DocEditions, override: Mapping[str, str]) -> None:
    """Warn where `--edition` overrides an edition the document's own text settles: the ids
    of a report on the 2020-2023 plan relabelled @SP-2016-2019 would join the wrong plan."""
    names = load_editions().series
    for series, code in sorted(override.items()):
        stated = own.by_series.get(series)
        if stated is not None and stated != code:
            warnings.warn(InputWarning(doc.source.path, f"--edition {code} overrides the {names.get(series, series)} "
                                                        f"edition its text names ({stated})"), stacklevel=2)


def _paragraphs(doc: Document) -> Iterator[str]:
    """Headings and paragraphs in document order, tables left out (lazily: the language test
    reads only the first of them)."""
    for section in doc.sections:
        if section.heading:
            yield section.heading
        yield from (b.text for b in section.blocks if not b.rows)


def section_contexts(
    doc: Document, rules: RefRules | None = None, editions: DocEditions | None = None,
) -> dict[str, SectionContext]:
    """The context of every section: profile defaults and the plan the document is about
    (`plan_document`), then matching section rules top-down."""
    rules = rules or load_rules()
    start = RefContext(source=doc.source.path, editions=editions)
    base = _apply(_apply(start, rules.profiles.get(doc.source.profile or "", {})), plan_document(doc, rules))
    out: dict[str, SectionContext] = {}
    of_kind: dict[str, tuple[dict, ...]] = {}  # section kind -> the rules that may apply to it
    # (kind, title) -> what the rules that apply to a section of that kind and title change in its
    # context (their fields merged in order, as applying them one after the other sets them) and
    # whether one of them cites, found once: a document repeats its reference groups' few titles,
    # which each rule's pattern searches.
    applying: dict[tuple[str, str], tuple[dict[str, Any], bool]] = {}

    top = SectionContext(base, False)  # what a section without a parent inherits

    def context_of(section: Section) -> SectionContext:
        if (known := out.get(section.id)) is not None:
            return known
        # A parent already read (most are: a parent precedes its sections) is its context in
        # `out`, what context_of(parent) would return; the section itself is not there yet. Only
        # the others need the document's index of sections by id.
        if (inherited := out.get(section.parent) if section.parent else top) is None:
            parent = doc.by_id.get(section.parent) if section.parent else None
            inherited = context_of(parent) if parent is not None and parent.id != section.id else top
        ctx, cites = inherited.ctx, inherited.cites
        if (kind_rules := of_kind.get(section.kind)) is None:
            kind_rules = of_kind[section.kind] = tuple(r for r in rules.sections if r.get("kind") in (None, section.kind))
        if (applied := applying.get((section.kind, section.title))) is None:
            applied = applying[section.kind, section.title] = _applied(kind_rules, section.title)
        changes, ruled = applied  # one copy of the context, with the section's id and the rules' fields
        result = SectionContext(ctx.with_(section=section.id, **changes), cites or ruled)
        out[section.id] = result
        return result

    for section in doc.sections:
        context_of(section)
    return out


def plan_document(doc: Document, rules: RefRules) -> dict[str, Any]:
    """The context a document about one Action Plan takes (rules/refs.yml `plan-documents`), or {}:
    a document of a profile the rule lists ("Report on the implementation of the Kigali Action
    Plan", profiled generic) whose first paragraphs name one plan, by a title that settles its
    edition (rules/editions.yml), means that plan's outputs by a bare "Output 1.1", as the plan does."""
    profile = doc.source.profile or ""
    for rule in rules.plan_documents:
        if profile in rule["profiles"] and plan_named_first(_paragraphs(doc), rule["series"], rule["within"]):
            return rule
    return {}


def field_context(sc: SectionContext, field: str | None, rules: RefRules) -> SectionContext:
    """A section context narrowed to one field (table column) of a structured row."""
    if not field or field not in rules.fields:
        return sc
    rule = rules.fields[field]
    return SectionContext(_apply(sc.ctx, rule).with_(field=field), sc.cites or bool(rule.get("cites")))


def column_field(header: str, rules: RefRules) -> str | None:
    """The field of a table column with this header text (rules/refs.yml `columns`), if any."""
    return next((f for pattern, f in rules.columns if pattern.search(header)), None)


def block_texts(block: Block, rules: RefRules, columns: dict[str, str | None] | None = None,
                skip_first: bool = False) -> Iterator[tuple[str, Loc, str | None]]:
    """The texts of a block to parse: the block itself, or each cell of a table with its column field.
    `columns`: the field of each header text met so far (`column_field`), filled in as it goes.
    A document's tables repeat their headers, and a header is often long, a whole first row of
    text, which the case-insensitive column patterns search at every position. A header cell a
    column pattern names is not read: it says what the column holds, and cites nothing."""
    if not block.rows:
        yield block.text, block.loc, block.field
        return
    if columns is None:
        columns = {}
    fields: list[str | None] = []
    for cell in block.rows[0]:
        if (text := cell.text) not in columns:
            columns[text] = column_field(text, rules)
        fields.append(columns[text])
    # The first row and the others apart: the first's cells take no column field, and a header
    # cell a column pattern names is not read (fields[c] exists for each of its cells).
    fallback = block.field
    rows = iter(enumerate(block.rows))
    if skip_first:
        next(rows)  # `skip_first`: a header row the section's table has given already
    for r, row in rows:
        # An empty cell cites nothing (document_refs skips a blank text): not placed.
        if r == 0:
            for c, cell in enumerate(row):
                if not (text := cell.text) or text.isspace():
                    continue
                if fields[c] is not None and not has_digit(_RANGE_NOTE.sub("", text)):
                    continue  # a column's header names what its cells hold: "WSIS Action Lines (C1-C11)" cites none
                yield text, cell_location(block, cell.loc, r, c), fallback
            continue
        width = len(fields)
        for c, cell in enumerate(row):
            if not (text := cell.text) or text.isspace():
                continue
            yield text, cell_location(block, cell.loc, r, c), (fields[c] if c < width else None) or fallback


_RANGE_NOTE = regex(r"\(\s*C\d+\s*[-–]\s*C\d+\s*\)")  # "(C1-C11)" after a column's name
HEADER_CELL_WORDS = 8
"""The most words a cell of a header row holds ("ITU Strategic Goals and Relevant Resolutions")."""


def _header_key(row: list[Cell]) -> tuple[str, ...]:
    """A first row as its header would be known again on a later page, or () when it reads as
    data: its cells without spaces, empty cells and stray one-character cells left out (a page's
    text rendering sets "Outcomes¹" as "Outcomes ¹" or puts a "V" before the row); a cell of more
    than HEADER_CELL_WORDS words or ending a sentence is data ("PP Resolutions 139, 140 …")."""
    texts = [" ".join(cell.text.split()) for cell in row]
    if any(len(t.split()) > HEADER_CELL_WORDS or t.endswith((".", ";")) for t in texts):
        return ()
    return tuple(key for t in texts if len(key := t.replace(" ", "")) > 1)


def section_texts(section: Section, rules: RefRules, columns: dict[str, str | None],
                  named: Callable[[Block], bool] = lambda block: True, start: int = 0, stop: int | None = None,
                  before: frozenset[tuple[str, ...]] | None = None) -> Iterator[tuple[str, Loc, str | None, bool]]:
    """The texts of a section to parse, in order, each with its loc, its field and whether it is a
    contents entry: its title (a heading cites too, "Implementation of Resolution 139 (Rev.
    Dubai, 2018)"; the number a rule read off it is the section's own, not a reference), then its
    blocks' (`block_texts`). A line with a dot leader alone ("Activities under Resolution 37 ……
    120") cites what is before its number. A contents entry (in a contents style, or found in a
    contents list) names a heading, which is read where it stands: it is read only when no
    heading is written as it is (`named`), and what it cites then counts only where the document
    cites it nowhere else (`document_refs`): the heading words it otherwise. A title that is one
    of the section's own cells (a matrix row keyed by its first cell, "T.2-1 ITU-T Recommendations
    (e.g. ITU-T Y.2060)") is read once, as that cell. `start`, `stop`: the texts of those blocks
    only (a piece of a long section), and of the title only from the first block; each is read as
    it is when the whole section is, `before` being the header rows of the blocks before `start`
    (`_headers`, made here when not given)."""
    if not start and section.title and not any(b.text == section.title and b.loc == section.loc for b in section.blocks):
        yield section.title, section.loc, None, False
    # The header-like first rows of the section's tables so far.
    headers = set(_headers(section.blocks[:start]) if before is None else before) if start else set()
    for block in section.blocks[start:stop] if start or stop is not None else section.blocks:
        if block.rows and (entries := contents_rows(block.rows)):
            yield from _contents_table_texts(block, entries, named)
        elif block.rows:
            # A header row the structure set apart (a table rule's header, a page's repeat of it, one
            # typed again among the rows): one a section's tables repeat cites once.
            first = _header_key(block.rows[0]) if len(block.rows) == 1 else ()
            again = first in headers
            if first:
                headers.add(first)
            for text, loc, field in block_texts(block, rules, columns, skip_first=again):
                yield text, loc, field, False
        # A block may be a contents entry whose page number is no reference when the structure found
        # it in a contents list (contents.py), it is in a contents style (`listed`, told once), or it
        # has a dot leader. A bare tab before a number is not enough: "SDG:<tab>9" is a form's label
        # and value.
        elif not (listed := _listed_entry(block)) and not has_dot_leader(block.text) or (page := _page_at(block)) is None:
            yield block.text, block.loc, block.field, False
        elif not listed:  # a dot leader alone: its page number cites nothing
            yield block.text[:page], block.loc, block.field, False
        elif not named(block):
            yield block.text[:page], block.loc, block.field, True


def _contents_table_texts(block: Block, entries: dict[int, tuple[str, int]],
                          named: Callable[[Block], bool]) -> Iterator[tuple[str, Loc, str | None, bool]]:
    """`section_texts`' texts of a table laid out as a contents list (`contents_rows`): an entry
    row, read as the paragraph it would be, cites only when it names no heading the document
    writes; another row's cells are read as they are."""
    for r, row in enumerate(block.rows or ()):
        if (entry := entries.get(r)) is not None:
            if not named(Block("paragraph", entry[0])):
                yield entry[0][:entry[1]], cell_location(block, row[0].loc, r, 0), block.field, True
            continue
        for c, cell in enumerate(row):
            if (text := cell.text) and not text.isspace():
                yield text, cell_location(block, cell.loc, r, c), block.field, False


def _headers(blocks: list[Block]) -> frozenset[tuple[str, ...]]:
    """The header-like first rows (`_header_key`) of the one-row tables among `blocks`."""
    return frozenset(key for block in blocks if block.rows and len(block.rows) == 1 and (key := _header_key(block.rows[0])))


def _listed_entry(block: Block) -> bool:
    """Whether a block is a contents entry by more than its dot leader: one the structure found in
    a contents list (contents.py), or a paragraph in a contents style."""
    return block.contents or (block.style is not None and TOC_STYLE.match(block.style) is not None)


def _page_at(block: Block) -> int | None:
    """Where a contents entry's page number (and its leader) starts in the block's text."""
    text = block.text.rstrip()
    at = page_reference(text)
    if at is None and block.contents:
        at = page_start(text.lstrip())
        if at is not None:
            at += len(text) - len(text.lstrip())
    return at


def document_refs(
    doc: Document,
    registry: Registry | None = None,
    findings_table: dict[str, FindingRule] | None = None,
    editions: Mapping[str, str] | None = None,
    spent: int = 0,
) -> RefReport:
    """Every reference in `doc` with its section id and location, plus findings; plan-internal
    ids carry the document's edition (`editions`, series -> code, overrides what the text says).
    `spent`: the references and findings other documents of the same run hold, which count
    against Limits.refs with this one's.

    A text that recurs under the same context (a repeated reference list, a boilerplate line) is
    parsed once: its references and findings are copied to each further place it occurs."""
    with collector_paused():
        return _document_refs(doc, registry or load_registry(), findings_table, editions, spent)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused, then restored as it was. Reading references
    allocates hundreds of thousands of small objects, none of them in a cycle, and every
    collection they trigger walks the whole loaded document again: a fifth of the time on a
    dense 1 MB paragraph. Whatever cyclic garbage there is waits for the next collection."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _document_refs(
    doc: Document, reg: Registry, findings_table: dict[str, FindingRule] | None, editions: Mapping[str, str] | None,
    spent: int = 0,
) -> RefReport:
    rules = load_rules()
    settled = document_editions(doc, editions)
    contexts = section_contexts(doc, rules, settled)
    report = RefReport(sources=[doc.source.path], editions={doc.source.path: settled.to_dict()})
    refs, findings = report.refs, report.findings
    most = current().refs - spent
    marked = note_sections(doc) if any(s.kind == "footnotes" for s in doc.sections) else {}
    reader = _SectionReader(doc, contexts, marked, rules, reg, findings_table, most)
    entry_refs: set[int] = set()  # the references read in contents entries (id() of each)
    entry_findings: set[int] = set()
    # (the CPUs are looked at only for a document long enough to be spread: a short one is read
    # in no time, and a run of a thousand short files would pay 80 µs a file for nothing)
    long = sum(len(block.text) for section in doc.sections for block in section.blocks) >= PARALLEL_CHARS
    processes = jobs() if long else 1
    for got in in_parallel(reader.read, reader.runs(processes), processes):
        entry_refs.update(id(got.refs[i]) for i in got.entry_refs)
        entry_findings.update(id(got.findings[i]) for i in got.entry_findings)
        refs.extend(got.refs)
        findings.extend(got.findings)
        if len(refs) + len(findings) > most:
            raise over_refs(doc.source.path)
    if entry_refs or entry_findings:
        _named_elsewhere_dropped(refs, findings, entry_refs, entry_findings)
    findings[:] = own_entity_findings(doc, rules, settled, refs, findings, findings_table, reg)
    findings.extend(unsettled_findings(doc, report, settled, findings_table))
    findings.extend(chosen_findings(doc, report, settled, findings_table))
    findings.extend(language_findings(doc, rules, findings_table))
    return report


class _Read:
    """What a run of sections yields: its references and findings in order, and which of them
    (indices) were read in contents entries. (A plain class, as `Piece`: a record is made at
    import for some 0.15 ms, which every run that reads references would pay, most of them
    never spreading a document over processes.)"""

    __slots__ = ("refs", "findings", "entry_refs", "entry_findings")

    def __init__(self, refs: list[Reference], findings: list[Finding], entry_refs: list[int],
                 entry_findings: list[int]) -> None:
        self.refs, self.findings, self.entry_refs, self.entry_findings = refs, findings, entry_refs, entry_findings


class _SectionReader:
    """Reads runs of a document's sections (`read`), keeping what it learns from one run for the
    next: what each text yields under each reading, the cites resolved, each field's context.
    A copy of it in another process (forked.in_parallel) starts from what it knew then."""

    def __init__(self, doc: Document, contexts: dict[str, SectionContext],
                 marked: dict[tuple[str | None, int | None], str], rules: RefRules, registry: Registry,
                 table: dict[str, FindingRule] | None, most: int) -> None:
        self.doc, self.contexts, self.marked, self.rules = doc, contexts, marked, rules
        self.registry, self.table, self.most = registry, table, most
        self.read_so_far = 0  # the references and findings of the runs read so far (Limits.refs)
        # What each text yields, by what its reading depends on (the text's field and the context's
        # KEYED_CONTEXT fields, the goal as it is read there), then by the text.
        self.seen: dict[tuple[str | None, ...], dict[str, _Found]] = {}
        self.resolved: CiteMemo = {}  # the document's cites resolved so far (Resolver.resolve)
        self.narrowed: dict[tuple[str | None, str], RefContext] = {}  # (section id, field) -> the section's context for that field
        self.columns: dict[str, str | None] = {}  # header text -> its column's field (block_texts)
        self.keys: list[str] | None = None  # the headings' keys, made at the first contents entry

    def named(self, block: Block) -> bool:
        """Whether a contents entry names a heading the document writes as it is (`section_texts`)."""
        if self.keys is None:
            self.keys = heading_keys(s.heading or s.title for s in self.doc.sections)
        return names_heading(block, self.keys)

    def runs(self, processes: int) -> list[Run]:
        """The document's sections as runs (`Run`) for `processes` processes to read
        (`forked.in_parallel`): one run of the sections when there is one process, or when more
        are not worth it (`worth_spreading`); else runs of about RUN_CHARS characters of text
        each, a long section cut into pieces at its blocks."""
        sections = self.doc.sections
        if processes < 2 or not worth_spreading(sections, processes):
            return [list(sections)]
        runs: list[Run] = []
        run: Run = []
        held = 0  # the characters of the run so far
        for section in sections:
            piece: Section | Piece = section
            blocks = section.blocks
            for i, block in enumerate(blocks):
                held += len(block.text)
                if held < RUN_CHARS:
                    continue
                if i + 1 == len(blocks):  # the run ends with the section
                    break
                if isinstance(piece, Section):
                    piece = Piece(section)
                run.append(Piece(section, piece.start, i + 1, piece.goals, piece.headers))  # the run ends here, the section goes on
                runs.append(run)
                run, held = [], 0
                piece = self.after(piece, i + 1)
            run.append(piece)
            if held >= RUN_CHARS:
                runs.append(run)
                run, held = [], 0
        if run:
            runs.append(run)
        return runs

    def after(self, piece: Piece, stop: int) -> Piece:
        """The piece of the section that starts where `piece` stops (at block `stop`): what the
        reading of the section leaves behind it, the ITU-goals mention and the header rows of
        `piece`'s blocks added to those before it."""
        section = piece.section
        goals = piece.goals or self.mentions_goals(piece, stop)
        return Piece(section, stop, None, goals, piece.headers | _headers(section.blocks[piece.start:stop]))

    def mentions_goals(self, piece: Piece, stop: int) -> bool:
        """Whether a text `read` reads in the section's blocks from `piece.start` to `stop` (with
        its title, from the first), not a contents entry, mentions ITU goals: a bare goal after it
        is ITU's, to the end of the section. Every such text holds "goal" in some case, and every
        text read is a part of its block's text, or a cell of it, or the title: a piece whose
        blocks hold none is told without reading its texts."""
        section, start = piece.section, piece.start
        if not (start == 0 and "goal" in (section.title or "").lower()) and not any(
                "goal" in text.lower()
                for block in section.blocks[start:stop]
                for text in ([cell.text for row in block.rows for cell in row] if block.rows else [block.text])):
            return False
        texts = section_texts(section, self.rules, self.columns, self.named, start, stop, piece.headers)
        return any(not entry and mentions_itu_goals(text) for text, _, _, entry in texts if text and not text.isspace())

    def read(self, run: Run) -> _Read:
        """The references and findings of a run of pieces of sections, in order."""
        contexts, marked, rules, reg, table = self.contexts, self.marked, self.rules, self.registry, self.table
        seen, resolved, narrowed, columns = self.seen, self.resolved, self.narrowed, self.columns
        most = self.most - self.read_so_far
        refs: list[Reference] = []
        findings: list[Finding] = []
        entry_refs: list[int] = []
        entry_findings: list[int] = []
        for piece in run:
            if isinstance(piece, Section):  # a whole section
                section, start, stop, itu_goals, headers = piece, 0, None, False, None
            else:
                section, start, stop, itu_goals, headers = piece.section, piece.start, piece.stop, piece.goals, piece.headers
            home = sc = contexts[section.id]
            # field -> (its context, the goal read there, `seen`'s texts of that reading), while the
            # section's context (`sc`) and `itu_goals` stay as they are: a section's texts share a
            # few fields, so a text is looked up by itself, not by a key tuple built for each.
            readings: dict[str | None, tuple[RefContext, str | None, dict[str, _Found]]] = {}
            for text, loc, field, entry in section_texts(section, rules, columns, self.named, start, stop, headers):
                if not text or text.isspace():
                    continue
                if marked:
                    at = marked.get((loc.footnote, loc.page)) if loc.footnote is not None else None
                    if (noted_in := contexts[at] if at is not None else home) is not sc:
                        sc, readings = noted_in, {}
                if (reading := readings.get(field)) is None:
                    if field:  # (`sc`: the section's context, or that of the section marking a note)
                        if (ctx := narrowed.get((sc.ctx.section, field))) is None:
                            ctx = narrowed[sc.ctx.section, field] = field_context(sc, field, rules).ctx
                    else:
                        ctx = sc.ctx
                    goal = "itu" if itu_goals and ctx.goal is None else ctx.goal
                    key = (field, ctx.organ, ctx.sector, ctx.expect, ctx.field, goal)  # see KEYED_CONTEXT
                    reading = readings[field] = ctx, goal, seen.setdefault(key, {})
                ctx, goal, texts = reading
                if (found := texts.get(text)) is None:
                    found = texts[text] = _find(text, ctx, {"loc": loc, "goal": goal}, field, reg, table,
                                                resolved, most - len(refs) - len(findings))
                    made, noted = found.refs, found.findings
                else:
                    made = found.placed_refs(ctx.section, loc, ctx.source, field) if found.refs else found.refs
                    noted = found.placed_findings(ctx.section, loc) if found.findings else found.findings
                if made or noted:  # (nothing added: the count is as it was, within the limit)
                    if entry:
                        entry_refs.extend(range(len(refs), len(refs) + len(made)))
                        entry_findings.extend(range(len(findings), len(findings) + len(noted)))
                    refs.extend(made)
                    findings.extend(noted)
                    if len(refs) + len(findings) > most:
                        raise over_refs(self.doc.source.path)
                if found.itu_goals and not entry and not itu_goals:
                    itu_goals, readings = True, {}  # a bare goal is ITU's from here on: the readings change
        self.read_so_far += len(refs) + len(findings)
        return _Read(refs, findings, entry_refs, entry_findings)


def worth_spreading(sections: list[Section], processes: int) -> bool:
    """Whether reading the sections' references is worth spreading over `processes` processes.
    What reading costs, roughly, is the text not met before (a text met again is looked up), from
    PARALLEL_CHARS to MAX_PARALLEL_CHARS of it; and each process reads about its share of the
    blocks (the same count of them, in order), of which it meets all for the first time. When the
    shares repeat one another (a document given twice, boilerplate throughout), each process reads
    about all there is to read: nothing is won. It is, when the largest share's new text is nearer
    its part of the whole (1/processes) than the whole: half-way between them at most."""
    texts = [block.text for section in sections for block in section.blocks]
    new = sum(map(len, set(texts)))
    if not PARALLEL_CHARS <= new <= MAX_PARALLEL_CHARS:
        return False
    count = len(texts)
    most = max(sum(map(len, set(texts[count * k // processes:count * (k + 1) // processes]))) for k in range(processes))
    return most <= new * (1 + 1 / processes) / 2


class Piece:
    """A section's blocks from `start` to `stop` (None: to its end; from 0, its title too), with
    what the reading of the section before them leaves behind: whether a text there mentions ITU
    goals (`_SectionReader.read` reads a later bare goal as ITU's) and the header rows of its
    tables (`section_texts`)."""

    __slots__ = ("section", "start", "stop", "goals", "headers")

    def __init__(self, section: Section, start: int = 0, stop: int | None = None, goals: bool = False,
                 headers: frozenset[tuple[str, ...]] = frozenset()) -> None:
        self.section, self.start, self.stop, self.goals, self.headers = section, start, stop, goals, headers


Run = list[Section | Piece]
"""What one process reads at a time: sections, whole or in pieces (`Piece`), in order."""
RUN_CHARS = 20_000
"""About how much text one run of sections holds: small enough that the processes finish at about
the same time, large enough that each run's texts recur within it (a repeated list)."""
PARALLEL_CHARS = 200_000
"""The least text not repeated a document holds for its sections to be read in more than one
process: below it, forking and reading the copies' results back cost more than they save."""
MAX_PARALLEL_CHARS = 8_000_000
"""The most: above it (a document read with raised limits), one process reads it, so that the
memory a run takes does not grow with the copies' pickled results."""


def note_sections(doc: Document) -> dict[tuple[str | None, int | None], str]:
    """The section whose text carries each note's mark, by the note's (Loc.footnote, Loc.page): a
    note belongs to the paragraph that marks it, so what it cites is that section's citation
    (README "References: canonical ids"), not the notes section's, which holds the notes only so
    that extract loses none. Only the notes whose marks the reader kept (Block.notes: a .docx
    paragraph, a PDF's, whose marks are the notes' labels: an endnote's "iii") are placed; of the
    marks of one label, a PDF's note takes the last on its page or before it (notes that restart
    on each page), else the first."""
    marks: dict[str, list[tuple[int, str]]] = {}
    notes: list[Block] = []
    for section in doc.sections:
        if section.kind == "footnotes":
            notes.extend(section.blocks)
            continue
        for block in section.blocks:
            for _at, key in block.notes or ():
                marks.setdefault(key, []).append((block.loc.page or 0, section.id))
    out: dict[tuple[str | None, int | None], str] = {}
    for note in notes:
        found = marks.get(note.loc.footnote or "") or marks.get(note.label or "")  # a PDF's endnote: its "iii"
        if not found:
            continue
        page = note.loc.page
        before = [section for at, section in found if page is not None and at <= page]
        out[note.loc.footnote, page] = before[-1] if before else found[0][1]
    return out


def _named_elsewhere_dropped(refs: list[Reference], findings: list[Finding], entry_refs: set[int],
                             entry_findings: set[int]) -> None:
    """Drop the references read in contents entries whose ids the document cites elsewhere too,
    and those entries' findings but the ones about a reference kept: an entry names a heading,
    read where it stands, which may word it otherwise ("Implementation of PP Resolution 139" over
    "Bridging the standardization gap"), and then the entry alone names the resolution."""
    elsewhere = {r.id for r in refs if id(r) not in entry_refs}
    kept = [r for r in refs if id(r) not in entry_refs or r.id not in elsewhere]
    kept_ids = {r.id for r in kept if id(r) in entry_refs}
    refs[:] = kept
    findings[:] = [f for f in findings if id(f) not in entry_findings or (f.ref is not None and f.ref in kept_ids)]


def own_entity_findings(doc: Document, rules: RefRules, settled: DocEditions, refs: list[Reference],
                        findings: list[Finding], table: dict[str, FindingRule] | None, registry: Registry) -> list[Finding]:
    """`findings` checked against the entities the document itself defines (entities.py): no
    REF001 for an output it defines though the registry does not (a new output), and REF015 for
    each citation of an output of one of its objectives that it does not define though the
    registry has it in that edition (a deleted one), in the plan itself only (rules
    `numbered-under-profiles`: a contribution or a report reproduces some outputs, and an id the
    registry lacks already has its REF001)."""
    if not rules.numbered_under and not any(f.code == "REF001" for f in findings):
        return findings
    own = defined_entities(doc, rules, settled)
    kept = [f for f in findings if not (f.code == "REF001" and f.ref in own)]
    if doc.source.profile not in rules.numbered_under_profiles:
        return kept
    for ref, parent in missing_children(doc, refs, own, rules):
        if not registry.unknown(ref.id):
            kept.append(about(ref, "REF015", _not_defined(doc, ref, parent, own[parent]), table))
    return kept


def _not_defined(doc: Document, ref: Reference, parent: str, section_id: str) -> str:
    """REF015's message, naming the parent and the child as the document does: "ITU-D-OUTPUT-2.2@WTDC-17
    is cited, but Objective 2 (ITU-D-OBJ-2@WTDC-17) in this document has no Output 2.2 (deleted or
    renumbered?)"."""
    section = doc.by_id.get(section_id)
    named = f"{section.kind.capitalize()} {section.number} ({parent})" if section and section.number else parent
    child = f"{(ref.family or '').rpartition('-')[2].capitalize()} {ref.number}"
    return f"{ref.id} is cited, but {named} in this document has no {child} (deleted or renumbered?)"


def language_findings(doc: Document, rules: RefRules, table: dict[str, FindingRule] | None = None) -> list[Finding]:
    """REF014 once for a document written in a language whose reference forms are not read."""
    rule = rules.language
    found = language_of(_paragraphs(doc), rule)
    if found is None:
        return []
    names = rule.get("names", {})
    name, read = names.get(found, found), names.get(rule["read"], rule["read"])
    message = (f"the text reads as {name}: references are read in their {read} forms only, so those written "
               f"in {name} (resolutions, SDGs, WSIS action lines) are not found")
    return [finding("REF014", message, RefContext(source=doc.source.path), table=table)]


KEYED_CONTEXT = ("organ", "sector", "expect", "field", "goal")
"""The RefContext fields the result of parsing a text depends on (with the text and the block's
field, they key the reuse in `document_refs`). The others are the same for the whole document
(source, editions) or only copied onto each reference and finding (section, loc)."""


@record(slots=True)
class _Found:
    """What one text yields under one context, and whether it mentions ITU goals."""

    refs: list[Reference]
    findings: list[Finding]
    itu_goals: bool

    def placed_refs(self, section: str | None, loc: Loc, source: str | None, field: str | None) -> list[Reference]:
        """The references again, at another place (section and location) of the same document
        (`source`, their own: every context of a document names its path)."""
        return placed(self.refs, section, loc, source, field)

    def placed_findings(self, section: str | None, loc: Loc) -> list[Finding]:
        """The findings again, at another place of the same document."""
        return [Finding(f.code, f.severity, f.message, f.ref, f.source, section, loc, f.text) for f in self.findings]


def _find(text: str, ctx: RefContext, place: dict[str, Any], field: str | None, registry: Registry,
          table: dict[str, FindingRule] | None, memo: CiteMemo, budget: int) -> _Found:
    refs, findings, itu_goals = read_text(text, ctx, registry, table, place, memo, budget)
    if not refs and not findings:
        return _NOTHING[itu_goals]
    for ref in refs:
        ref.field = field
    return _Found(refs, findings, itu_goals)


_NOTHING = {flag: _Found([], [], flag) for flag in (False, True)}
"""What a text that yields nothing yields (most texts), shared: no caller changes a _Found's lists."""


def unsettled_findings(
    doc: Document, report: RefReport, settled: DocEditions, table: dict[str, FindingRule] | None = None,
) -> list:
    """REF013, once per series: plan-internal references left without an edition, and why."""
    names = load_editions().series
    left: dict[str, list[str]] = {}
    for ref in report.refs:
        if ref.family in SCOPED_FAMILIES and "@" not in ref.id:
            series = settled.scope.get(ref.family)
            if series:
                left.setdefault(series, []).append(ref.id)
    out = []
    for series, found in left.items():
        sample = sort_ids(dict.fromkeys(found))
        why = settled.unsettled.get(series, NAMES_NONE)
        message = (f"edition of the {names.get(series, series)} not settled ({why}): {len(found)} reference(s) "
                   f"left without @EDITION ({_sample(sample)}); give --edition (check: edition in trace.toml)")
        out.append(finding("REF013", message, RefContext(source=doc.source.path), ref=sample[0], table=table))
    return out


def chosen_findings(
    doc: Document, report: RefReport, settled: DocEditions, table: dict[str, FindingRule] | None = None,
) -> list[Finding]:
    """REF017, once per series whose edition was taken from a paragraph naming several (the first
    it names), when references took it from the document (not from their own words: "Output 1.1
    of the Kigali Action Plan" names its own): the text may mean the other."""
    names = load_editions().series
    out = []
    for series, (code, *others) in settled.chosen.items():
        took = sort_ids(dict.fromkeys(r.id for r in report.refs if r.by_document and r.id.endswith(f"@{code}")))
        if not took:
            continue
        message = (f"the {names.get(series, series)} is read as {code}: the paragraph that settles it names {code} "
                   f"first and {', '.join(others)} too; {len(took)} id(s) @{code} ({_sample(took)}); "
                   "give --edition to read another (check: edition in trace.toml)")
        out.append(finding("REF017", message, RefContext(source=doc.source.path), ref=took[0], table=table))
    return out


def _sample(ids: list[str]) -> str:
    """The first four of `ids`, and "…" when there are more (a finding's message)."""
    return ", ".join(ids[:4]) + (" …" if len(ids) > 4 else "")


def stream_reports(
    paths: Iterable[str | Path],
    profile: str | None = None,
    registry_files: Iterable[str | Path] = (),
    editions: Mapping[str, str] | None = None,
) -> tuple[Registry, Iterator[tuple[Document, RefReport]]]:
    """The registry, and each file's Document with its reference report, loaded one at a time as
    the iterator is consumed: a consumer that keeps only the reports (`merge_reports`) or the
    graph (`build_graph`) never holds more than one document's text at once. No report or graph
    shows a file's hash, so the Documents' `source.sha256` is None (not computed).

    A path given again right after itself is not read again: its Document and report are given
    once more (the same objects), as reading it again makes the same. And since each file counts
    the same against Limits.refs every time it is given, a run that the files already read would
    take past the limit before the next file not yet read is refused as soon as that is known,
    naming the file at which it would be passed (one plan given 1,000 times was read 286 times
    before the limit came)."""
    from ..loader import load

    registry = load_registry(registry_files)

    def pairs() -> Iterator[tuple[Document, RefReport]]:
        given = [as_path(path) for path in paths]
        counts: dict[Path, int] = {}  # the references and findings of each file read so far
        kept: tuple[Path, Document, RefReport] | None = None  # the last file read
        spent = 0  # the references and findings of the files read so far: Limits.refs bounds them all
        for at, path in enumerate(given):
            if kept is not None and kept[0] == path:
                doc, report = kept[1], kept[2]
            else:
                kept = None  # dropped before the next file is read
                doc = load(path, profile=profile, digest=False)
                try:
                    report = document_refs(doc, registry, editions=editions, spent=spent)
                except LimitError:
                    if spent:
                        raise over_refs(doc.source.path, run=True) from None
                    raise
                counts[path] = len(report.refs) + len(report.findings)
                _refuse_ahead(given, at, spent, counts)
                if at + 1 < len(given) and given[at + 1] == path:
                    kept = path, doc, report
            spent += counts[path]
            if spent > current().refs:
                raise over_refs(doc.source.path, run=True)
            yield doc, report

    return registry, pairs()


def _refuse_ahead(given: list[Path], at: int, spent: int, counts: Mapping[Path, int]) -> None:
    """The limit error `stream_reports` would raise at a file after `given[at]` (`spent` counted
    before it), if the run passes Limits.refs before it comes to a file not read yet (`counts`
    holds those read): each counts the same every time it is given."""
    most = current().refs
    for path in given[at:]:
        if path not in counts:
            return
        spent += counts[path]
        if spent > most:
            raise over_refs(str(path), run=True)


def load_reports(
    paths: Iterable[str | Path],
    profile: str | None = None,
    registry_files: Iterable[str | Path] = (),
    editions: Mapping[str, str] | None = None,
) -> tuple[Registry, list[tuple[Document, RefReport]]]:
    """Every file loaded at once (see `stream_reports`, which `trace refs` and `trace graph` use):
    the registry and a list of (Document, report) pairs. `editions` (series -> code, from
    `--edition`) overrides what each document says."""
    registry, pairs = stream_reports(paths, profile, registry_files, editions)
    return registry, list(pairs)
