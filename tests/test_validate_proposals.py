"""The proposal parser: the forms contributions use, and the proposals of the real contribution."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace import load
from actionplan_trace.validate.proposals import parse_proposal, parse_proposals, quoted

SEED_001 = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "001_66149e570736cfba.txt"


def test_seed_proposal_with_curly_quotes() -> None:
    p = parse_proposal("1. In Output 2.1, under “Broadband networks: Wired and wireless technologies, including IMT”, "
                       "add texts regarding the promotion of building trans-multi-country terrestrial cable networks.")
    assert (p.number, p.outputs, p.action) == ("1", ["2.1"], "add")
    assert p.heading == "Broadband networks: Wired and wireless technologies, including IMT"
    assert p.text == "texts regarding the promotion of building trans-multi-country terrestrial cable networks"


def test_several_outputs_straight_quotes_and_the_heading_word() -> None:
    p = parse_proposal('In Outputs 2.1 and 2.2, under the heading "Rural communications", delete the bullet '
                       '"providing information on suitable technologies".')
    assert p.outputs == ["2.1", "2.2"]
    assert p.heading == "Rural communications"
    assert p.action == "delete"
    assert p.old == "providing information on suitable technologies"


def test_output_list_with_commas_and_repeated_word() -> None:
    p = parse_proposal("In Output 1.2, Output 1.3 and 1.4, under ‘Background’, modify the second paragraph.")
    assert p.outputs == ["1.2", "1.3", "1.4"]
    assert (p.heading, p.action) == ("Background", "modify")


def test_replace_with_single_quotes() -> None:
    p = parse_proposal("In Output 2.2, replace ‘national cybersecurity strategies’ with "
                       "‘national cybersecurity strategies and plans’.")
    assert p.heading is None
    assert p.action == "replace"
    assert (p.old, p.new) == ("national cybersecurity strategies", "national cybersecurity strategies and plans")
    assert p.text == "national cybersecurity strategies and plans"


def test_guillemets_and_quoted_new_text() -> None:
    p = parse_proposal("In Output 2.1, under the heading «Broadcasting», insert the following text: "
                       "“Providing assistance in policies of and solutions to video service access”")
    assert (p.heading, p.action) == ("Broadcasting", "add")
    assert p.new == "Providing assistance in policies of and solutions to video service access"


def test_verb_before_output_and_unquoted_heading() -> None:
    first = parse_proposal("Add, in Output 2.1 under “Rural communications”, a new bullet on solar power.")
    assert (first.outputs, first.heading, first.action) == (["2.1"], "Rural communications", "add")
    assert first.text == "a new bullet on solar power"
    second = parse_proposal("In Output 2.1, under Broadcasting, add texts on video.")
    assert (second.heading, second.action, second.text) == ("Broadcasting", "add", "texts on video")


def test_words_inside_the_quoted_heading_are_not_the_action() -> None:
    p = parse_proposal("In Output 4.3, under “Products and services on digital inclusion”, delete the third bullet.")
    assert p.action == "delete"


def test_apostrophes_are_not_quotes() -> None:
    spans = quoted("countries' experiences and the ‘Broadcasting’ area")
    assert [s[2] for s in spans] == ["Broadcasting"]


@pytest.mark.parametrize("place", ["Objective 2", "Output 2.3", "Part 2"])
def test_a_place_named_by_kind_and_number_after_under_is_no_heading(place: str) -> None:
    """"Under Objective 2, delete Output 2.3 – …" (the README's phrasing) read "Objective 2" as a
    heading to find under Output 2.3: a false VAL004. A heading after "under" still is one."""
    p = parse_proposal(f"1. Under {place}, delete Output 2.3 – Products and services on disaster risk reduction "
                       "and emergency telecommunications.")
    assert (p.outputs, p.action, p.heading) == (["2.3"], "delete", None)
    named = parse_proposal("1. In Output 2.1, under Rural communications, delete the second bullet.")
    assert named.heading == "Rural communications"


def test_no_output_or_action_leaves_fields_empty() -> None:
    p = parse_proposal("2. The Secretariat is invited to consider this contribution.")
    assert p.number == "2"
    assert p.outputs == [] and p.action is None


@pytest.mark.skipif(not SEED_001.exists(), reason="seed 001 not available")
def test_all_four_proposals_of_the_tdag_contribution() -> None:
    proposals = parse_proposals(load(SEED_001))
    assert [(p.number, p.outputs, p.action) for p in proposals] == [
        ("1", ["2.1"], "add"), ("2", ["2.1"], "add"), ("3", ["3.2"], "add"), ("4", ["4.3"], "add"),
    ]
    assert [p.heading for p in proposals] == [
        "Broadband networks: Wired and wireless technologies, including IMT",
        "Broadcasting",
        "Products and services on telecommunication/ICT policy and regulation",
        "Products and services on digital inclusion of people with specific needs",
    ]
    assert all(p.section == "proposals" and p.loc.line for p in proposals)


def test_quoted_new_text_is_the_proposal_text_without_its_quotes() -> None:
    p = parse_proposal("1. In Output 2.1, under Broadcasting, insert the following text: "
                       "«promoting video services and applications over broadcasting networks.»")
    assert (p.action, p.heading) == ("add", "Broadcasting")
    assert p.text == "promoting video services and applications over broadcasting networks"
    assert p.new == "promoting video services and applications over broadcasting networks."


def test_a_proposal_ending_in_a_colon_takes_the_quoted_paragraph_after_it(tmp_path: Path) -> None:
    text = ("# Contribution from Testland\n\n## Proposal\n\n"
            "1. In Output 2.1, under “Broadcasting”, insert the following text:\n\n"
            "«assisting Member States with emergency broadcasting.»\n\n"
            "2. In Output 2.2, replace ‘computer incident response teams’ with ‘computer security incident response teams’.\n")
    path = tmp_path / "contribution.md"
    path.write_text(text, encoding="utf-8")
    first, second = parse_proposals(load(path, profile="contribution"))
    assert (first.action, first.heading, first.text, first.new) == (
        "add", "Broadcasting", "assisting Member States with emergency broadcasting",
        "assisting Member States with emergency broadcasting.")
    assert (second.action, second.old, second.new) == (
        "replace", "computer incident response teams", "computer security incident response teams")


@pytest.mark.parametrize(("text", "expected"), [
    ("MOD\tOutput 2.1, Rural communications, first bullet: providing information on suitable technologies, "
     "including community networks;",
     ("modify", ["2.1"], "Rural communications", "providing information on suitable technologies, including community networks",
      None)),
    ("ADD Output 2.1, Rural communications, new bullet: “supporting community networks in rural areas;”",
     ("add", ["2.1"], "Rural communications", "supporting community networks in rural areas", None)),
    ("SUP\tOutput 2.1, Broadcasting, second bullet (organizing regional meetings on the use of spectrum).",
     ("delete", ["2.1"], "Broadcasting", "organizing regional meetings on the use of spectrum",
      "organizing regional meetings on the use of spectrum")),
    ("SUP – Outputs 2.1 and 2.2, new bullet: providing guidance on spectrum sharing",
     ("delete", ["2.1", "2.2"], None, "providing guidance on spectrum sharing", "providing guidance on spectrum sharing")),
    # A heading holding a colon and a comma; a bracketed text holding brackets (a review).
    ("SUP\tOutput 2.1, Broadband networks: Wired and wireless technologies, including IMT, third bullet "
     "(promoting Internet exchange points (IXPs) as a long-term solution)",
     ("delete", ["2.1"], "Broadband networks: Wired and wireless technologies, including IMT",
      "promoting Internet exchange points (IXPs) as a long-term solution",
      "promoting Internet exchange points (IXPs) as a long-term solution")),
    # A place after the heading that says where the text goes (a regression review)
    ("ADD\tOutput 2.1, Rural communications, after the third bullet: providing guidance on solar power;",
     ("add", ["2.1"], "Rural communications", "providing guidance on solar power", None)),
    # The output's own title after a dash, then the heading.
    ("MOD\tOutput 2.1 – Products and services on telecommunication/ICT infrastructure and services, including "
     "broadband, Rural communications, first bullet: providing information on renewable power supply;",
     ("modify", ["2.1"], "Rural communications", "providing information on renewable power supply", None)),
])
def test_itu_amendment_marks(text, expected) -> None:
    """MOD, ADD and SUP before a proposal, as ITU documents mark amendments: the action, the output,
    the heading after it (not a place such as "new bullet"), and the text after the colon or, for
    SUP, in brackets."""
    p = parse_proposal(text)
    assert (p.action, p.outputs, p.heading, p.text, p.old) == expected


@pytest.mark.parametrize("instruction", [
    pytest.param("replace “information on suitable technologies” with “information on suitable technologies and "
                 "community networks”", id="replace"),
    pytest.param("delete “information on suitable technologies for rural areas”", id="delete"),
])
def test_an_itu_marks_instruction_is_read_as_in_prose(instruction: str) -> None:
    """A black-box review (F8): after a mark's place, an instruction quoting the text it acts on
    ("…, first bullet: replace “A” with “B”") was the MOD's new text, its quotation unchecked. It is
    the action, old and new text the same words give in a prose proposal."""
    marked = parse_proposal(f"MOD\tOutput 2.1, Rural communications, first bullet: {instruction}.")
    prose = parse_proposal(f"In Output 2.1, under “Rural communications”, {instruction}.")
    assert (marked.outputs, marked.heading) == (["2.1"], "Rural communications")
    assert (marked.action, marked.old, marked.new, marked.text) == (prose.action, prose.old, prose.new, prose.text)
    assert marked.action == instruction.split()[0] and marked.old == instruction.split("“")[1].split("”")[0]


@pytest.mark.parametrize(("text", "expected"), [
    ("Under Objective 2, add a new Output 2.4 – Satellite services, after Output 2.3.", (["2.4"], ["2.4"], None)),
    ("ADD\tOutput 2.4 – Products and services on satellite communications",
     (["2.4"], ["2.4"], None)),
    # Not new outputs: a heading after the output's title, a place, a text after a colon, no "new".
    ("ADD\tOutput 2.1 – Products and services on ICT infrastructure, Rural communications", (["2.1"], [], "Rural communications")),
    ("ADD Output 2.4, Rural communications, new bullet: supporting community networks", (["2.4"], [], "Rural communications")),
    ("ADD Output 2.1 – Rural communications: supporting community networks", (["2.1"], [], "Rural communications")),
    ("In Output 2.4, add texts regarding satellites.", (["2.4"], [], None)),
    ("In Output 2.1, delete the new Output 2.4 reference.", (["2.1", "2.4"], [], None)),
    # review of c3a2ec1: a new output only mentioned creates nothing; two created; an output the
    # new one replaces stays a place, one it goes after does not
    ("In Output 2.1, under “Rural communications”, add a new bullet on coordination with the new Output 2.4.",
     (["2.1", "2.4"], [], "Rural communications")),
    ("Under Objective 2, add new Outputs 2.4 and 2.5 on satellites.", (["2.4", "2.5"], ["2.4", "2.5"], None)),
    ("Add the new Output 2.4, which replaces Output 2.3.", (["2.4", "2.3"], ["2.4"], None)),
    ("Insert the following new output: Output 2.4 – Satellites, after Output 2.3", (["2.4"], ["2.4"], None)),
])
def test_a_proposal_adding_a_new_output(text, expected) -> None:
    """"add a new Output 2.4" and ITU's "ADD Output 2.4 – <title>" create the output: it is their
    only place, with no heading; other forms name a place inside an output."""
    p = parse_proposal(text)
    assert (p.outputs, p.new_outputs, p.heading) == expected


def test_a_word_opening_like_a_mark_is_no_mark() -> None:
    p = parse_proposal("MODERN networks: In Output 2.1, under “Broadcasting”, add text on digital radio.")
    assert (p.action, p.heading) == ("add", "Broadcasting")


MARKED_LINES = [
    "1. In Output 2.1, under “Broadcasting”, add a bullet on video services.",
    "2. ADD\tOutput 2.4 – Products and services on satellite connectivity",
    "3. ADD\tOutput 2.5 – Products and services on New high-altitude platform stations",
    "4. SUP\tOutput 2.1, Broadcasting, second bullet",
]


def _fields(proposals) -> list[tuple]:
    return [(p.number, p.action, p.outputs, p.new_outputs, p.heading, p.text) for p in proposals]


@pytest.mark.parametrize("first", [0, 1])
def test_numbered_marked_proposals_read_alike_in_text_and_docx(tmp_path: Path, first: int) -> None:
    """"2. ADD<tab>Output 2.4 – <title>" lines of a .txt contribution: the text reader takes two or
    more of them for a tab-separated table, which no header names, and the proposals were lost
    (a black-box review: "Proposals (0)", VAL009; or proposals 3-5 of 5 gone). The same lines in
    a .docx are paragraphs and were read. Each row is now the proposal it was typed as; a title
    holding "New" does not make the first row a proposals table's header."""
    import docx

    lines = MARKED_LINES[first:]
    text = tmp_path / "contribution.txt"
    text.write_text("\n".join(["Contribution from Testland", "", "Proposal", *lines, ""]), encoding="utf-8")
    word = docx.Document()
    word.add_paragraph("Contribution from Testland")
    word.add_paragraph("Proposal")
    for line in lines:
        word.add_paragraph(line)
    word.save(str(tmp_path / "contribution.docx"))
    from_docx = _fields(parse_proposals(load(tmp_path / "contribution.docx", profile="contribution")))
    assert _fields(parse_proposals(load(text, profile="contribution"))) == from_docx
    assert from_docx[-3:] == [
        ("2", "add", ["2.4"], ["2.4"], None, "Products and services on satellite connectivity"),
        ("3", "add", ["2.5"], ["2.5"], None, "Products and services on New high-altitude platform stations"),
        ("4", "delete", ["2.1"], [], "Broadcasting", ""),
    ]
