"""section_contexts finds each section's parse context with shortcuts (a parent's context taken
from what was already found, the rules of a kind and title merged once and applied in one copy):
held here to the plain way, every matching rule applied in turn down each section's parents."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan_trace.model import Document, Section, Source
from actionplan_trace.refs.document import SectionContext, _apply, plan_document, section_contexts
from actionplan_trace.refs.resolve import RefRules, load_rules
from actionplan_trace.refs.types import RefContext

KINDS = ["references", "reference-group", "action-line", "objective", "output", "section", "annex"]
TITLES = ["Relevant WSIS action lines", "WTDC Resolutions and decisions", "Linkages with the SDGs and targets",
          "Sustainable development goals", "Outputs", "", "WSIS", "Action Line C7", "Recommendation ITU-T A.1"]
PROFILES = [None, "action-plan", "generic", "strategic-plan", "roadmap"]


def plain_contexts(doc: Document, rules: RefRules) -> dict[str, SectionContext]:
    """Each section's context as the rules define it: its parent's (found first, whatever the
    order), then every rule of its kind whose title pattern finds its title, one after the other."""
    start = RefContext(source=doc.source.path)
    base = _apply(_apply(start, rules.profiles.get(doc.source.profile or "", {})), plan_document(doc, rules))
    by_id: dict[str, Section] = {}
    for s in doc.sections:
        by_id.setdefault(s.id, s)
    out: dict[str, SectionContext] = {}

    def context_of(section: Section) -> SectionContext:
        if section.id in out:
            return out[section.id]
        parent = by_id.get(section.parent) if section.parent else None
        inherited = context_of(parent) if parent is not None and parent.id != section.id else SectionContext(base, False)
        ctx, cites = inherited.ctx, inherited.cites
        for rule in rules.sections:
            title = rule.get("title")
            if rule.get("kind") in (None, section.kind) and (title is None or title.search(section.title or "")):
                ctx = _apply(ctx, rule)
                cites = cites or bool(rule.get("cites"))
        out[section.id] = SectionContext(ctx.with_(section=section.id), cites)
        return out[section.id]

    for section in doc.sections:
        context_of(section)
    return out


def test_section_contexts_are_the_rules_applied_down_each_path() -> None:
    rules = load_rules()
    ids = [f"s{n}" for n in range(8)]
    section = st.tuples(st.sampled_from(KINDS), st.sampled_from(TITLES), st.integers(0, 9))

    @settings(max_examples=300, deadline=None)
    @given(st.lists(section, min_size=1, max_size=8), st.sampled_from(PROFILES), st.permutations(range(8)))
    def check(specs: list[tuple[str, str, int]], profile: str | None, order: list[int]) -> None:
        # A tree (a parent is a section made before), laid out in any order: children before
        # parents, a section its own parent, a parent the document lacks, none.
        sections = []
        for n, (kind, title, up) in enumerate(specs):
            parent = ids[up] if up < n else ids[n] if up == 8 else "missing" if up == 9 and n % 2 else None
            sections.append(Section(ids[n], kind, None, title, parent, 1))
        laid_out = sorted(sections, key=lambda s: order[ids.index(s.id)])
        doc = Document(Source("plan.txt", "text", None, profile), laid_out)
        assert section_contexts(doc, rules) == plain_contexts(doc, rules)

    check()


def test_a_context_copy_refuses_a_name_that_is_not_a_field() -> None:
    ctx = RefContext(source="a.txt", organ="PP")
    assert ctx.with_(section="2", expect="wsis") == RefContext(source="a.txt", organ="PP", section="2", expect="wsis")
    with pytest.raises(TypeError, match="no field colour"):
        ctx.with_(section="2", colour="red")
