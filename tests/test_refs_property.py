"""Property tests: reference lists generated in the documented forms parse back to what was written."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan_trace.refs import RefContext, find_refs, load_registry, sort_ids

REGISTRY = load_registry()
ORGANS = ["PP", "WTDC", "WTSA"]
KIND_WORDS = ["Resolution", "Resolutions", "Res.", "Res", "resolutions", "RESOLUTIONS"]
SEPARATORS = [", ", " and ", ", and ", " ", ",\n", " & ", " ,", ";\n"]
QUALIFIERS = [("Rev. Dubai, 2014", "Dubai", 2014), ("Rev. Buenos Aires 2017", "Buenos Aires", 2017),
              ("Busan, 2014", "Busan", 2014), ("Rev.  Hammamet,\n2016", "Hammamet", 2016)]
SETTINGS = settings(max_examples=150, deadline=None)


@st.composite
def resolution_lists(draw):
    organ = draw(st.sampled_from(ORGANS))
    numbers = draw(st.lists(st.integers(1, 250), min_size=1, max_size=8))
    quals = [draw(st.one_of(st.none(), st.sampled_from(QUALIFIERS))) for _ in numbers]
    parts = [f"{organ} {draw(st.sampled_from(KIND_WORDS))} "]
    for i, (n, q) in enumerate(zip(numbers, quals)):
        if i:
            parts.append(draw(st.sampled_from(SEPARATORS)))
        parts.append(str(n))
        if q:
            parts.append(f" ({q[0]})")
    expected_revs: list[tuple[str, int] | None] = []
    pending = 0
    for q in quals:
        pending += 1
        if q:
            expected_revs.extend([(q[1], q[2])] * pending)
            pending = 0
    expected_revs.extend([None] * pending)
    return "".join(parts), organ, numbers, expected_revs


@SETTINGS
@given(resolution_lists(), st.sampled_from(["The implementation of ", "", "see "]),
       st.sampled_from([" will support Output 2.1.", "", " and all WTDC Resolutions."]))
def test_resolution_lists_parse_back(case, before, after) -> None:
    text, organ, numbers, revs = case
    refs, findings = find_refs(before + text + after)
    res = [r for r in refs if r.family == "resolution"]
    assert [r.id for r in res] == [f"{organ}-RES-{n}" for n in numbers]
    assert [(r.rev.place, r.rev.year) if r.rev else None for r in res] == revs
    dups = {f.ref for f in findings if f.code == "REF005"}
    assert dups == {f"{organ}-RES-{n}" for n in numbers if numbers.count(n) > 1}


@st.composite
def sdg_lists(draw):
    goals = draw(st.lists(st.integers(1, 17), min_size=1, max_size=6, unique=True))
    parts, targets = [], set()
    for g in goals:
        have = sort_ids(REGISTRY.sdg_targets(g))
        chosen = draw(st.lists(st.sampled_from(have), max_size=4, unique=True))
        item = str(g)
        if chosen:
            written = []
            for t in chosen:
                undotted = not t.isdigit() and draw(st.booleans())
                written.append(f"{g}{t}" if undotted else f"{g}.{t}")
                targets.add(f"SDG-{g}.{t}")
            word = "target" if len(chosen) == 1 else "targets"
            joiner = draw(st.sampled_from([", ", ", and ", " and "]))
            item += f" ({word} {joiner.join(written)})" if len(written) < 3 else f" ({word} {', '.join(written)})"
        parts.append(item)
    last = draw(st.sampled_from([", ", " and "]))
    text = ", ".join(parts[:-1]) + (last if len(parts) > 1 else "") + parts[-1]
    prefix = draw(st.sampled_from(["Output 2.1 will contribute to the following UN SDGs: ", "SDG ", "UN SDGs:  "]))
    return prefix + text, {f"SDG-{g}" for g in goals}, targets


@SETTINGS
@given(sdg_lists())
def test_sdg_lists_parse_back(case) -> None:
    text, goals, targets = case
    refs, findings = find_refs(text)
    assert {r.id for r in refs if r.family == "sdg"} == goals
    assert {r.id for r in refs if r.family == "sdg-target"} == targets
    assert not [f for f in findings if f.code in ("REF002", "REF003", "REF008")]


@SETTINGS
@given(st.lists(st.integers(1, 11), min_size=1, max_size=6),
       st.sampled_from(["WSIS Action Lines ", "WSIS Action Line ", "AL ", "WSIS AL "]),
       st.sampled_from([", ", " and ", ", and "]))
def test_wsis_lists_parse_back(lines, lead, sep) -> None:
    text = lead + sep.join(f"C{n}" for n in lines) + " will support the Output"
    refs, findings = find_refs(text)
    assert [r.id for r in refs if r.family == "wsis"] == [f"WSIS-C{n}" for n in lines]
    assert not [f for f in findings if f.code == "REF004"]


@SETTINGS
@given(st.integers(12, 99))
def test_wsis_line_beyond_c11_is_always_reported(n) -> None:
    refs, findings = find_refs(f"WSIS Action Line C{n}")
    assert [r.id for r in refs] == [f"WSIS-C{n}"]
    assert [(f.code, f.ref) for f in findings] == [("REF004", f"WSIS-C{n}")]


@SETTINGS
@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=300))
def test_text_without_digits_names_nothing(text) -> None:
    refs, findings = find_refs(text)
    assert refs == []
    assert all(f.code == "REF011" for f in findings)


@SETTINGS
@given(st.text(max_size=300), st.sampled_from([RefContext(), RefContext(expect="sdg-field"),
                                               RefContext(expect="wsis", sector="ITU-D", goal="itu")]))
def test_any_text_parses_without_error_and_ids_are_canonical(text, ctx) -> None:
    from actionplan_trace.refs import family_of

    refs, findings = find_refs(text, ctx)
    assert all(family_of(r.id) == r.family for r in refs)
    assert all(f.code.startswith("REF") and f.severity in ("error", "warning", "info") for f in findings)
