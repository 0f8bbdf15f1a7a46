"""document_refs reads a recurring text once per reading and copies what it yields: on generated
documents (texts recurring across sections, reference groups, table fields, notes placed in the
sections that mark them, ITU-goals mentions that change a later bare goal), it gives exactly what
reading every text afresh, in its own context, gives."""

from __future__ import annotations

import random
from typing import Any

from actionplan_trace.model import Block, Cell, Document, Loc, Section, Source
from actionplan_trace.refs import document_refs, load_registry
from actionplan_trace.refs.document import (document_editions, field_context, note_sections, section_contexts,
                                            section_texts)
from actionplan_trace.refs.find import read_text
from actionplan_trace.refs.resolve import load_rules
from actionplan_trace.refs.types import Reference

TEXTS = [
    "PP Resolutions 71, 71 and 25; Goal 1; C1 and C11",
    "In line with WTDC Resolution 34 (Rev. Dubai, 2014) and SDG targets 4.4 and 9.c",
    "Goal 2: Inclusiveness",
    "Goals 1 and 3",
    "the ITU strategic goals are these:",
    "Resolution 9999 and Recommendation ITU-T Y.2060",
    "1.4, 5.b, 9.c",
    "C7 e-health, C3",
    "Output 2.1 of ITU-D Objective 2",
    "Study Group 17 and Question 2/1",
    "No reference here at all.",
    "SDG 4 (targets 4.4, 9.c); SDG 18",
    "   ",
    "",
]
TITLES = ["Background", "WSIS action lines", "Sustainable development goals and targets",
          "PP and WTDC resolutions and recommendations", "Strategic goals"]
FIELDS = [None, None, "goals-and-resolutions", "sdgs", "wsis-action-lines"]
HEADERS = ["Outputs", "SDGs", "Strategic goals", "WSIS Action Lines", "Notes"]


def generated(seed: int) -> Document:
    rng = random.Random(seed)
    sections = []
    notes: list[Block] = []
    for s in range(rng.randint(3, 9)):
        kind = rng.choice(["clause", "reference-group", "background"])
        blocks = []
        for b in range(rng.randint(1, 8)):
            loc = Loc(paragraph=100 * s + b, page=rng.choice([None, 1, 2]))
            if rng.random() < 0.2:
                header = rng.sample(HEADERS, 3)
                rows = [[Cell(h, loc=Loc(paragraph=loc.paragraph, row=0, col=c)) for c, h in enumerate(header)]]
                rows += [[Cell(rng.choice(TEXTS), loc=Loc(paragraph=loc.paragraph, row=r, col=c)) for c in range(3)]
                         for r in range(1, rng.randint(2, 4))]
                blocks.append(Block("table", "table", loc=loc, rows=rows, field=rng.choice(FIELDS)))
                continue
            block = Block("paragraph", rng.choice(TEXTS), loc=loc, field=rng.choice(FIELDS))
            if rng.random() < 0.25:  # a note mark, its note in the notes section
                key = str(len(notes) + 1)
                block.notes = [(len(block.text), key)]
                notes.append(Block("paragraph", rng.choice(TEXTS), loc=Loc(page=loc.page, footnote=key)))
            blocks.append(block)
        sections.append(Section(f"s{s}", kind, None, rng.choice(TITLES), None, 1, blocks=blocks))
    if notes:
        sections.append(Section("notes", "footnotes", None, "Notes", None, 1, blocks=notes))
    return Document(Source(f"g{seed}.docx", "docx", "0" * 64, profile=rng.choice(["generic", "action-plan"])),
                    sections)


def read_afresh(doc: Document) -> tuple[list[Reference], list[Any]]:
    """Every text of `doc` read on its own, in the context it stands in (nothing reused)."""
    registry, rules = load_registry(), load_rules()
    contexts = section_contexts(doc, rules, document_editions(doc))
    marked = note_sections(doc) if any(s.kind == "footnotes" for s in doc.sections) else {}
    refs: list[Reference] = []
    findings: list[Any] = []
    for section in doc.sections:
        sc = contexts[section.id]
        itu_goals = False
        for text, loc, field, entry in section_texts(section, rules, {}):
            if not text or text.isspace():
                continue
            if marked:
                at = marked.get((loc.footnote, loc.page)) if loc.footnote is not None else None
                sc = contexts[at] if at is not None else contexts[section.id]
            ctx = field_context(sc, field, rules).ctx if field else sc.ctx
            goal = "itu" if itu_goals and ctx.goal is None else ctx.goal
            made, noted, goals = read_text(text, ctx, registry, None, {"loc": loc, "goal": goal})
            for ref in made:
                ref.field = field
            refs += made
            findings += noted
            itu_goals = itu_goals or (goals and not entry)
    return refs, findings


def test_reused_readings_are_what_reading_each_text_afresh_gives() -> None:
    per_document = {"REF001", "REF013", "REF014", "REF015", "REF017"}  # added after the texts are read
    compared = 0
    for seed in range(60):
        doc = generated(seed)
        report = document_refs(doc)
        refs, findings = read_afresh(doc)
        assert [(r.to_dict(), r.by_document) for r in report.refs] == [(r.to_dict(), r.by_document) for r in refs]
        assert ([f.to_dict() for f in report.findings if f.code not in per_document]
                == [f.to_dict() for f in findings if f.code not in per_document])
        compared += len(refs)
    assert compared > 500


def test_placed_copies_are_what_the_constructor_makes() -> None:
    """`placed` sets a copy's fields without calling Reference: every field as the constructor,
    given the place's section, location, source and field and the spans moved, sets it."""
    from actionplan_trace.record import fields
    from actionplan_trace.refs.types import Rev, placed

    rng = random.Random(7)
    refs = [Reference(f"PP-RES-{n}", rng.choice(["resolution", "sdg", "itu-d-output"]), str(n),
                      rng.choice([None, Rev("Dubai", 2018, "(Rev. Dubai, 2018)")]), f"Resolution {n}",
                      rng.choice([None, "s1"]), Loc(paragraph=n), rng.choice([None, "a.docx"]),
                      rng.choice([None, "sdgs"]), n, n + 9, rng.random() < 0.5) for n in range(40)]
    names = [f.name for f in fields(Reference)]
    for section, loc, source, field, shift in [("s2", Loc(page=3), "b.docx", None, 0), (None, Loc(), None, "wsis", -4),
                                               ("s3", Loc(row=1, col=2), "c.docx", "sdgs", 17)]:
        made = placed(refs, section, loc, source, field, shift)
        plain = [Reference(r.id, r.family, r.number, r.rev, r.text, section, loc, source, field, r.start + shift,
                           r.end + shift, r.by_document) for r in refs]
        assert [type(r) for r in made] == [Reference] * len(refs)
        assert [[getattr(r, n) for n in names] for r in made] == [[getattr(r, n) for n in names] for r in plain]
        assert made == plain and all(a is not b for a, b in zip(made, refs))
