"""Editions: a document's plan edition is read from its own text (rules/editions.yml), `--edition`
overrides it, a reference naming its plan keeps that plan, and what is not settled is reported."""

from __future__ import annotations

import pytest

from actionplan_trace.editions import check_override, detect
from actionplan_trace.errors import ProfileError
from actionplan_trace.model import Block, Document, Section, Source
from actionplan_trace.refs import document_refs


def doc(profile: str, *texts: str) -> Document:
    blocks = [Block("paragraph", t) for t in texts]
    return Document(Source("d.docx", "docx", "0" * 64, profile=profile),
                    [Section("front", "front-matter", None, "", None, 1, blocks=blocks)])


@pytest.mark.parametrize(("texts", "series", "code"), [
    (["ANNEX TO RESOLUTION 71 (Rev. Guadalajara, 2010)", "Strategic plan for the Union for 2012-2015"], "SP", "SP-2012-2015"),
    (["This report is the first one on the implementation of the 2020-2023 Strategic Plan adopted in PP-18."], "SP", "SP-2020-2023"),
    (["Buenos Aires Action Plan", "The Buenos Aires Action Plan aims to provide"], "WTDC", "WTDC-17"),
    (["consistent with WTDC Resolution 17 (Rev. Buenos Aires 2017)"], "WTDC", "WTDC-17"),
])
def test_the_document_names_its_edition(texts: list[str], series: str, code: str) -> None:
    assert detect(texts, "action-plan").by_series[series] == code


def test_conflicting_mentions_stay_unsettled_and_the_override_wins() -> None:
    texts = ["aligned with the Connect 2020 goals", "and with the Connect 2030 Agenda"]
    found = detect(texts, "generic")
    assert "SP" not in found.by_series and "SP-2016-2019 (1x)" in found.unsettled["SP"]
    assert detect(texts, "generic", check_override(["SP-2020-2023"])).by_series["SP"] == "SP-2020-2023"


def test_unknown_or_doubled_override_is_an_error() -> None:
    with pytest.raises(ProfileError, match="unknown edition"):
        check_override(["SP-2099-2102"])
    with pytest.raises(ProfileError, match="two editions"):
        check_override(["WTDC-17", "WTDC-22"])


def test_plan_ids_take_the_document_edition_unless_the_text_names_another() -> None:
    report = document_refs(doc("strategic-plan", "ANNEX TO RESOLUTION 71 (Rev. Guadalajara, 2010)",
                               "ITU-D Objective 2 serves the goal; compare ITU-D Objective 2 (Buenos Aires Action Plan)",
                               "PP Resolution 71 and SDG 9 and WSIS Action Line C2"))
    assert [r.id for r in report.refs] == ["PP-RES-71", "ITU-D-OBJ-2@SP-2012-2015", "ITU-D-OBJ-2@WTDC-17",
                                           "PP-RES-71", "SDG-9", "WSIS-C2"]
    assert report.editions == {"d.docx": {"SP": "SP-2012-2015", "WTDC": "WTDC-17"}}
    assert not [f for f in report.findings if f.code == "REF013"]


def test_an_of_phrase_after_a_plan_id_names_its_edition() -> None:
    """"ITU-D Output 2.1 of the Buenos Aires Action Plan" in a Strategic Plan: a black-box review
    found it took the document's edition (the words after it counted only in brackets); up to
    the next list word, so the phrase of a later reference is not this one's."""
    report = document_refs(doc("strategic-plan", "ANNEX TO RESOLUTION 71 (Rev. Guadalajara, 2010)",
                               "Progress draws on ITU-D Output 2.1 of the Buenos Aires Action Plan.",
                               "ITU-D Output 2.2 and ITU-D Output 2.3 of the Buenos Aires Action Plan"))
    assert [r.id for r in report.refs] == ["PP-RES-71", "ITU-D-OUTPUT-2.1@WTDC-17", "ITU-D-OUTPUT-2.2@SP-2012-2015",
                                           "ITU-D-OUTPUT-2.3@WTDC-17"]
    # a regression review: the title must be the phrase's object, whole ("of this plan replaces
    # Objective 2 of the Dubai Action Plan" names the Dubai plan for the second only)
    report = document_refs(doc("strategic-plan", "ANNEX TO RESOLUTION 71 (Rev. Guadalajara, 2010)",
                               "ITU-D Objective 2 of this plan replaces Objective 2 of the Dubai Action Plan.",
                               "ITU-D Output 2.2 in the Dubai Action Plan's successor is new."))
    assert [r.id for r in report.refs] == ["PP-RES-71", "ITU-D-OBJ-2@SP-2012-2015", "ITU-D-OBJ-2@WTDC-14",
                                           "ITU-D-OUTPUT-2.2@SP-2012-2015"]


def test_a_plan_framing_its_sentence_names_the_edition_of_what_follows_in_it() -> None:
    """"In the Buenos Aires Action Plan (2018-2021), Output 2.2 supported Outcome 2.2 …" in a
    Kigali-era text: a black-box review found all three read as WTDC-22, the document's. The
    frame holds to the end of its sentence only, and a plan merely named before is no frame."""
    report = document_refs(doc("action-plan", "Kigali Action Plan",
                               "In the Buenos Aires Action Plan (2018-2021), Output 2.2 supported Outcome 2.2 "
                               "under ITU-D Objective 2. Output 2.3 is new.",
                               "Under the Dubai Action Plan, the work of Output 1.1 went on; Output 1.2 did not.",
                               "Unlike the Dubai Action Plan, Output 1.3 is short."))
    assert [r.id for r in report.refs] == [
        "ITU-D-OUTPUT-2.2@WTDC-17", "ITU-D-OUTCOME-2.2@WTDC-17", "ITU-D-OBJ-2@WTDC-17", "ITU-D-OUTPUT-2.3@WTDC-22",
        "ITU-D-OUTPUT-1.1@WTDC-14", "ITU-D-OUTPUT-1.2@WTDC-22", "ITU-D-OUTPUT-1.3@WTDC-22"]


def test_a_plan_laid_out_in_tables_names_its_edition_in_their_cells() -> None:
    """A plan whose outputs are tables (sub-heading | content) names its edition only in cells:
    they settle it when the paragraphs name none, and never outvote what the paragraphs say."""
    from actionplan_trace.model import Cell

    row = [Cell("References"), Cell("WTDC Resolutions 9, 37 (Rev. Buenos Aires, 2017) support Output 2.1")]
    table = Block("table", "", rows=[row])
    tabled = doc("action-plan", "Output 2.1 – Products and services")
    tabled.sections[0].blocks.append(table)
    report = document_refs(tabled)
    assert report.editions == {"d.docx": {"WTDC": "WTDC-17"}}
    assert "ITU-D-OUTPUT-2.1@WTDC-17" in [r.id for r in report.refs]
    assert not [f for f in report.findings if f.code == "REF013"]
    named = doc("action-plan", "Output 2.1 – Products and services", "consistent with WTDC Resolution 17 (Rev. Kigali, 2022)")
    named.sections[0].blocks.append(table)
    assert document_refs(named).editions == {"d.docx": {"WTDC": "WTDC-22"}}


def test_the_newest_editions_are_data_only() -> None:
    """The WTDC-25 and PP-26 editions are entries of rules/editions.yml and rules/registry/
    conferences.yml, read like the others."""
    baku = doc("action-plan", "Baku Action Plan", "Output 2.1 – Products and services", "WTDC Resolution 17 (Rev. Baku, 2025)")
    assert document_refs(baku).editions == {"d.docx": {"WTDC": "WTDC-25"}}
    plan = doc("strategic-plan", "Resolution 71 (Rev. Doha, 2026)", "ITU Strategic Goal 1")
    report = document_refs(plan)
    assert report.editions["d.docx"]["SP"] == "SP-2028-2031" and "ITU-GOAL-1@SP-2028-2031" in [r.id for r in report.refs]


def test_unsettled_edition_is_reported_once_and_the_ids_stay_unscoped() -> None:
    report = document_refs(doc("wsis-roadmap", "ITU Strategic Goal 3 (Target 3.1)", "Goals 1 & 4"))
    assert [r.id for r in report.refs] == ["ITU-GOAL-3", "ITU-TARGET-3.1", "ITU-GOAL-1", "ITU-GOAL-4"]
    [finding] = [f for f in report.findings if f.code == "REF013"]
    assert finding.severity == "info" and "4 reference(s)" in finding.message and "ITU Strategic Plan" in finding.message
    scoped = document_refs(doc("wsis-roadmap", "Goals 1 & 4"), editions={"SP": "SP-2016-2019"})
    assert [r.id for r in scoped.refs] == ["ITU-GOAL-1@SP-2016-2019", "ITU-GOAL-4@SP-2016-2019"]
    assert not scoped.findings


def test_a_plan_named_next_to_one_reference_does_not_reach_the_next() -> None:
    report = document_refs(doc("strategic-plan", "ANNEX TO RESOLUTION 71 (Rev. Guadalajara, 2010)",
                               "ITU-D Objective 3 and Buenos Aires Action Plan Objective 2"))
    assert [r.id for r in report.refs if r.family == "itu-d-objective"] == [
        "ITU-D-OBJ-3@SP-2012-2015", "ITU-D-OBJ-2@WTDC-17"]


@pytest.mark.parametrize("pattern", [
    r"Buenos\s+Aires\s+Action\s+Plan", r"Strategic\s+plan\s+(?:for\s+(?:period|years)\s+)?2020",
    r"Dubai?\s+2014", r"Kigali|Connect\s+2030", r"Kigali\s+Action\s+Plan", r"ITU-D\s+(?:Action|Plan)", r"a[^]|(]b",
    r"(?i)kigali",
])
@pytest.mark.parametrize("text", [
    "The BUENOS  Aires\nAction Plan and buenos aires action plan; Strategic Plan for years 2020, "
    "strategic\tplan 2020. DUBA 2014, Duba 2014, Dubai 2014. kigali, Connect 2030. itu-d Plan, ab a|b.",
    "ITU-D ACTİON PLAN by Kigalı, ſtrategic plan 2020 and İTU-D Action",
    "\u212aigali Action Plan, Kigali Action Plan – the “Kigali” plan, Buenos Aires Action Plan…",
    "the “Buenos Aires Action Plan” — ITU‑D Action Plan 2018–2021, Strategic Plan for the years 2020",
])
def test_the_literal_start_prefilter_finds_what_the_pattern_finds(pattern: str, text: str) -> None:
    import re

    from actionplan_trace.editions import _finditer
    from actionplan_trace.patternscan import fold

    compiled = re.compile(pattern, re.I)
    expected = [m.span() for m in compiled.finditer(text)]
    assert [m.span() for m in _finditer(compiled, text, fold(text))] == expected


@pytest.mark.parametrize("text", [
    "Resolution 71 (Rev. Dubai, 2018), resolution 71 (Busan 2014), Resolution 70 (Rev. Guadalajara, 2010); "
    "RESOLUTION 71 (Rev. Bucharest,2022). Strategic Plan for the Union for 2020-2023, strategic plan for 2016 – 2019, "
    "Strategic plan for the years 2024-2027; ITU-D Action Plan 2018-2021, itu-d action plan for 2023-2025, "
    "ITU-D Action Plan 2015 - 2017; Kigali, 2022 and Kigali Action Plan, Buenos Aires, 2017, Buenos Aires Action Plan",
    "İTU-D Action Plan 2018-2021, Resolution 71 (Rev. Dubaı, 2018), Resolution 71 (Dubai, 2018)",
])
def test_the_shared_start_gate_keeps_every_place_a_pattern_matches(text: str) -> None:
    """`_places_by_prefix` drops the places where no pattern sharing a literal start matches:
    each edition pattern, tried only at the places kept, finds what its own scan finds."""
    from actionplan_trace.editions import _finditer, _places_by_prefix, load_editions
    from actionplan_trace.patternscan import fold

    patterns = [p for e in load_editions().editions for p in (*e.title, *e.mention, *e.names)]
    places = _places_by_prefix(patterns, text, fold(text))
    for pattern in patterns:
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in _finditer(pattern, text, fold(text), places)] == expected, pattern.pattern


def _full_scan(texts: list[str], override: dict[str, str] | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """The editions as a plain scan of the whole text finds them (every pattern's every match,
    then the same decision): the reference `detect` must agree with, whatever it skips."""
    import bisect

    from actionplan_trace.editions import decide, load_editions

    table = load_editions()
    joined = "\n".join(texts)
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    front: dict[str, list[tuple[int, str]]] = {}
    counts: dict[str, dict[str, int]] = {}
    for edition in table.editions:
        for pattern, is_title in [*((p, True) for p in edition.title), *((p, False) for p in (*edition.mention, *edition.names))]:
            for m in pattern.finditer(joined):
                per = counts.setdefault(edition.series, {})
                per[edition.code] = per.get(edition.code, 0) + 1
                if is_title and bisect.bisect_right(starts, m.start()) - 1 < table.front:
                    front.setdefault(edition.series, []).append((m.start(), edition.code))
    return decide(table, front, counts, override)


def test_detection_agrees_with_a_scan_of_the_whole_text_on_the_corpus_and_on_mixtures() -> None:
    """`detect` searches the whole text only for series the front matter leaves open, and only
    where a pattern's literal start occurs; on every corpus and seed text, and on mixtures that
    move titles in and out of the front matter, it settles what a full scan settles."""
    import random
    from pathlib import Path

    from actionplan_trace.loader import load
    from actionplan_trace.refs.document import _paragraphs

    root = Path(__file__).resolve().parents[1]
    files = sorted((root / "corpus").rglob("*.txt")) + sorted((root / "corpus").glob("*.docx"))
    files += sorted((root.parent / "shared" / "seeds").glob("*.txt"))
    documents = [list(_paragraphs(load(f))) for f in files]
    assert len(documents) >= 20
    rng = random.Random(11)
    pool = [p for d in documents for p in d]
    cases = list(documents)
    for _ in range(60):
        front = rng.sample(pool, rng.randint(0, 45))
        cases.append(front + rng.sample(pool, rng.randint(0, 300)))
    cases.append(["x"] * 39 + ["The Buenos Aires\nAction Plan", "Strategic Plan for the Union for 2016-2019"])
    for texts in cases:
        for override in (None, {"SP": "SP-2012-2015"}):
            got = detect(texts, "action-plan", override)
            assert (dict(got.by_series), dict(got.unsettled)) == _full_scan(texts, override)


def test_an_override_contradicting_the_text_is_warned_of() -> None:
    """--edition wins, but not in silence, over the edition the document's own text names."""
    from actionplan_trace.errors import InputWarning

    report = doc("strategic-plan", "ANNEX TO RESOLUTION 71 (Rev. Guadalajara, 2010)", "ITU-D Objective 2 serves the goal")
    with pytest.warns(InputWarning, match=r"--edition SP-2016-2019 overrides the .* edition its text names \(SP-2012-2015\)"):
        refs = document_refs(report, editions={"SP": "SP-2016-2019"}).refs
    assert "ITU-D-OBJ-2@SP-2016-2019" in [r.id for r in refs]


_MIXED_TEXTS = [
    "Report on the implementation of the BUENOS AIRES action plan (2018-2021) and Resolution 71 (Rev. Dubai, 2018)",
    "Ŕésumé: le Plan d'action de Buenos Aires, la résolution 71 (Rév. Dubaï, 2018); Plan stratégique 2020–2023",
    "Отчёт о выполнении Плана действий Буэнос-Айреса; ITU‑D Action Plan 2018–2021 and itu-d action plan for 2023-2025",
    "《布宜诺斯艾利斯行动计划》 Kigali Action Plan, kigali, 2022 — Strategic Plan for the Union for 2016 - 2019",
    "\u212aigali Action Plan and the Baku Action Plan; Baku, 2025; CONNECT 2030 and Connect\u00a02020",
    "İTU-D Action Plan 2018-2021, ſtrategic plan for 2020-2023, Dubaı Action Plan and the Dubai Action Plan",
    "the 2024\u20132027 Strategic Plan; Hyderabad  Action\nPlan; DOHA ACTION PLAN; Resolution 71 (Doha, 2026)",
]


def _plain_named_near(text: str, start: int, end: int, family: str) -> str | None:
    """named_near without its literal-start filter: every title of the family tried everywhere."""
    from actionplan_trace.editions import _FRAME_WINDOW, _OF, _PAREN, _framed, _object_of, load_editions

    titles = [(code, p) for code, p, _prefix in load_editions().titles_for(family)]
    own, before = text[start:end], text[max(0, start - 60):start].rstrip()
    after, of = _PAREN.match(text, end), _OF.match(text, end)
    lead = text[max(0, start - _FRAME_WINDOW):start]
    found = {code for code, p in titles if p.search(own) or (after is not None and p.search(after.group(0)))
             or _object_of(p, text, of) or any(m.end() == len(before) for m in p.finditer(before))}
    if not found and "the " in lead:
        found = _framed(lead, titles)
    return found.pop() if len(found) == 1 else None


@pytest.mark.parametrize("text", _MIXED_TEXTS)
def test_a_reference_names_the_edition_a_plain_search_of_every_title_finds(text: str) -> None:
    """`named_near` tries only the titles whose literal start is in a reference's surroundings
    (grouped by start); on accented, non-Latin and mixed-case text, with fold-unsafe characters
    or without, it answers what trying every title everywhere answers, for every family."""
    from actionplan_trace.editions import load_editions, named_near

    families = sorted({f for scope in load_editions().scopes.values() for f in scope})
    for start in range(0, len(text), 5):
        for end in range(start + 1, min(len(text), start + 40) + 1, 13):
            for family in families:
                assert named_near(text, start, end, family) == _plain_named_near(text, start, end, family), (
                    start, end, family)


def test_a_front_matter_folded_apart_from_the_rest_settles_what_a_full_scan_settles() -> None:
    """`detect` folds the front matter first and the rest of the text only when a series is left
    open; with accented, non-Latin and fold-unsafe characters (İ, ı, ſ, the Kelvin sign) in the
    front matter, in the rest or in neither, it settles what a full scan settles."""
    import random

    rng = random.Random(5)
    odd = ["İTU-D", "Dubaı", "ſtrategic", "\u212aigali", "résolution", "Плана", "行动计划", ""]
    for _ in range(120):
        texts = [rng.choice(_MIXED_TEXTS)[rng.randint(0, 40):] + " " + rng.choice(odd) for _ in range(rng.randint(0, 60))]
        filler = ["x" * rng.randint(0, 30)] * rng.randint(0, 45)
        texts = filler + texts if rng.random() < 0.5 else texts + filler
        got = detect(texts, "action-plan")
        assert (dict(got.by_series), dict(got.unsettled)) == _full_scan(texts), texts


def test_the_paragraph_naming_a_front_title_is_found_among_the_front_paragraphs() -> None:
    """_named_beside tells which paragraph holds a front-matter title from the starts of the first
    `front` paragraphs only: the same paragraph, and the same editions named beside it, as the
    starts of every paragraph give, with titles just before and after the front matter's end."""
    import random
    from bisect import bisect_right
    from itertools import accumulate

    from actionplan_trace.editions import _front_titles, _named_beside, decide, load_editions, titles_named
    from actionplan_trace.patternscan import fold

    table = load_editions()
    names = ["the Buenos Aires Action Plan", "the Kigali Action Plan", "the Dubai Action Plan",
             "the Strategic Plan for the Union for 2020-2023", "Resolution 71 (Rev. Busan, 2014)", "Connect 2030"]
    rng = random.Random(5)
    told = 0
    for _ in range(150):
        # most titles in the last paragraphs of the front matter and the first after it
        paragraphs = [" ".join(rng.choice(["Output 2.1", "text", "and", "later", *names]) for _ in range(rng.randint(0, 6)))
                      if i > table.front - 6 or rng.random() < 0.1 else "Output 2.1 and text"
                      for i in range(rng.randint(1, table.front + 15))]
        joined = "\n".join(paragraphs)
        end = sum(map(len, paragraphs[:table.front])) + table.front if len(paragraphs) > table.front else len(joined)
        front = _front_titles(table, joined, end, fold(joined))
        settled, _ = decide(table, front, {})
        starts = list(accumulate((len(p) + 1 for p in paragraphs), initial=0))
        plain: dict[str, tuple[str, ...]] = {}
        for series, places in front.items():
            at, code = min(places)
            named = titles_named(table, series, paragraphs[bisect_right(starts, at) - 1])
            if settled.get(series) == code and len(named) > 1:
                plain[series] = (code, *(c for c in named if c != code))
        assert _named_beside(table, paragraphs, front, settled) == plain
        told += len(plain)
    assert told > 20


def test_the_paragraphs_folded_one_at_a_time_are_the_joined_text_folded() -> None:
    """detect folds the whole text a paragraph at a time (_folded): the same bytes as `fold` of the
    joined text, or None as it gives, whatever mix of ASCII, other, and fold-unsafe characters."""
    import random

    from actionplan_trace.editions import _folded
    from actionplan_trace.patternscan import fold

    rng = random.Random(11)
    alphabet = ["a", "Z", " ", "2", "-", "\n", "é", "–", "’", "\u00a0", "ß", "\U0001f600", "\ud800", "İ", "ı", "ſ", "\u212a"]
    for _ in range(400):
        weights = [rng.random() ** 3 for _ in alphabet]
        paragraphs = ["".join(rng.choices(alphabet, weights, k=rng.randrange(0, 12))) for _ in range(rng.randrange(0, 6))]
        joined = "\n".join(paragraphs)
        assert _folded(paragraphs, joined) == fold(joined), paragraphs


def test_connect_2020_names_the_edition_of_the_goal_it_stands_before(tmp_path) -> None:
    """Found in review: in a report on the 2020-2023 plan, "Connect 2020 Goal 3" (PP-14's agenda)
    took the report's edition, SP-2020-2023, and "Goal 3 of the 2016-2019 Strategic Plan" was
    REF010 (goal or SDG?). "Connect 2020" names its plan's edition beside a reference (rules
    `names`), as a title does, yet settles no document's edition from its front matter: the
    report is still the 2020-2023 plan's."""
    from actionplan_trace import load

    path = tmp_path / "report.txt"
    path.write_text("Report on the Strategic Plan for 2020-2023 and Connect 2020.\n\n"
                    "Connect 2020 Goal 3 and Connect 2020 target 2.1 were met; Connect 2030 Goal 3 goes on.\n\n"
                    "Goal 3 of the 2016-2019 Strategic Plan was met.\n", encoding="utf-8")
    report = document_refs(load(path))
    assert report.editions == {str(path): {"SP": "SP-2020-2023"}}
    assert [r.id for r in report.refs] == ["ITU-GOAL-3@SP-2016-2019", "ITU-TARGET-2.1@SP-2016-2019",
                                           "ITU-GOAL-3@SP-2020-2023", "ITU-GOAL-3@SP-2016-2019"]
    assert report.findings == []
