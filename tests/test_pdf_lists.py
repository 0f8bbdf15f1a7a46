"""PDF: a heading right after a bulleted list is a heading, not the last bullet's continuation.

The fixtures are made here with tests/pdfgen.py, laid out as a word processor would (greedy line
breaking with the fonts' real widths), in two fonts, with and without a hanging indent, with no
space between paragraphs, and with each list's last line filled so far that the heading's first
word would not have fitted after it — the case where only the heading's own shape tells.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace import load
from actionplan_trace.extract import read

from pdfgen import Line, word_widths, wrap

WIDTH = 451.0
FILLER = ("including support to regional and national partners in all regions of the world, "
          "with a focus on small island developing states and least developed countries as a priority").split()

AREAS = [
    ("Next-generation networks including ICT networks for smart grids",
     "The architecture of information and communication infrastructures is continuously changing.",
     ["providing assistance to Member States on deployment and migration of their existing networks to NGN;",
      "assisting countries in the digitization of analogue networks and in applying affordable technologies."]),
    ("Broadband networks: Wired and wireless technologies, including IMT",
     "The introduction of different broadband technologies is providing high bandwidth and connectivity.",
     ["Assisting Member States in managing telecommunication numbering resources within the mandate of ITU, "
      "enabling the deployment of emerging technologies such as Internet of Things and M2M communications."]),
    ("Rural communications",
     "Rural populations will need to be provided with telephony and broadband access.",
     ["collecting and disseminating information on rural connectivity."]),
    ("Broadcasting",
     "Also notable is the worldwide transition from analogue to digital broadcasting.",
     ["supporting the transition to digital terrestrial television broadcasting."]),
]


def _filled(text: str, next_word: float, widths: dict[str, float], space: float) -> str:
    """`text` with filler words before its last word until its last line leaves no room for a
    word of width `next_word` (so "the line ended early" cannot separate what follows)."""
    words = text.split()
    for k in range(len(FILLER) + 1):
        candidate = " ".join(words[:-1] + FILLER[:k] + words[-1:])
        last = wrap(candidate, WIDTH - 18, widths, space)[-1]
        used = sum(widths[w] for w in last.split()) + space * (len(last.split()) - 1)
        if used + space + next_word > WIDTH - 18:
            return candidate
    raise AssertionError("filler too short")


def _fixture(tmp_path: Path, font: str, hanging: bool, heading_font: str | None = None) -> Path:
    heading_font = heading_font or font
    words = {w for a in AREAS for t in (a[0], a[1], *a[2]) for w in t.split()} | set(FILLER)
    words |= {"Programme:", "Main", "areas", "of", "work", "include:", "Activities", "will", "be", "focused", "on:", "•"}
    widths, space = word_widths(words, font, 11, tmp_path)
    head_widths, _ = word_widths({a[0].split()[0] for a in AREAS}, heading_font, 11, tmp_path)
    lines = [Line("Programme: Telecommunication/ICT network infrastructure and services", heading_font, 11),
             Line("Main areas of work include:", font, 11)]
    for k, (title, body, bullets) in enumerate(AREAS):
        lines.append(Line(title, heading_font, 11))
        lines.extend(Line(t, font, 11) for t in wrap(body, WIDTH, widths, space))
        lines.append(Line("Activities will be focused on:", font, 11))
        for b, bullet in enumerate(bullets):
            if b == len(bullets) - 1 and k + 1 < len(AREAS):
                bullet = _filled(bullet, head_widths[AREAS[k + 1][0].split()[0]], widths, space)
            for n, text in enumerate(wrap(bullet, WIDTH - 18, widths, space)):
                if n == 0:
                    lines.append(Line(f"•     {text}", font, 11))
                else:
                    lines.append(Line(text, font, 11, indent=18 if hanging else 0))
    lines.append(Line("Relevant regional initiatives", heading_font, 11))
    lines.append(Line("The following regional initiatives will contribute to Outcome 2.1.", font, 11))
    return Path(__import__("pdfgen").write_pdf(tmp_path / f"list-{font}-{hanging}.pdf", lines))


@pytest.mark.parametrize(
    "font, hanging, heading_font",
    [("Helvetica", True, None), ("Times-Roman", False, None), ("Times-Roman", True, "Times-Bold"),
     ("Helvetica", False, "Helvetica-Bold")],
    ids=["helvetica-hanging", "times-flush", "times-bold-headings", "helvetica-flush-bold"],
)
def test_heading_after_a_list_is_not_a_continuation(tmp_path, font, hanging, heading_font):
    raw = read(_fixture(tmp_path, font, hanging, heading_font))
    texts = [(b.type, b.text) for b in raw.blocks]
    for k, (title, _, bullets) in enumerate(AREAS):
        assert ("paragraph", title) in texts, title
        if k:
            before = texts[texts.index(("paragraph", title)) - 1]
            assert before[0] == "list-item" and before[1].endswith(AREAS[k - 1][2][-1].split()[-1]), before
    assert sum(t == "list-item" for t, _ in texts) == sum(len(a[2]) for a in AREAS)


def test_areas_after_lists_become_sections(tmp_path):
    raw_path = _fixture(tmp_path, "Times-Roman", False)
    doc = load(raw_path, profile="generic")
    paragraphs = [b.text for s in doc.sections for b in s.blocks if b.type == "paragraph"]
    for title, _, _ in AREAS:
        assert title in paragraphs or any(s.title == title for s in doc.sections)
    items = [b.text for s in doc.sections for b in s.blocks if b.type == "list-item"]
    assert not [t for t in items if any(a[0] in t for a in AREAS)]


def test_wrapped_lines_set_further_apart_stay_one_paragraph(tmp_path):
    """A heading font or a numbered-paragraph style with a taller line than the body: its wrapped
    lines are still one paragraph (the line above was too full for the next word)."""
    widths, space = word_widths(set(NUMBERED.split()) | set(HEADING.split()) | set(BODY.split()), "Times-Roman", 11, tmp_path)
    bold_widths, bold_space = word_widths(set(HEADING.split()), "Times-Bold", 11, tmp_path)
    lines = [Line(t, "Times-Roman", 11) for t in wrap(BODY, WIDTH, widths, space)]
    heading = wrap(HEADING, WIDTH, bold_widths, bold_space)
    numbered = wrap(NUMBERED, WIDTH, widths, space)
    assert len(heading) == 2 and len(numbered) >= 2
    lines += [Line(t, "Times-Bold", 11, gap_before=1.5 if k else 8) for k, t in enumerate(heading)]
    lines += [Line(t, "Times-Roman", 11, gap_before=1.5 if k else 8) for k, t in enumerate(numbered)]
    lines += [Line(t, "Times-Roman", 11) for t in wrap(BODY, WIDTH, widths, space)]
    from pdfgen import write_pdf

    raw = read(write_pdf(tmp_path / "pitch.pdf", lines))
    assert [b.text for b in raw.blocks] == [BODY, HEADING, NUMBERED, BODY]
    doc = load(tmp_path / "pitch.pdf", profile="generic")
    assert [(s.number, s.title) for s in doc.sections if s.number] == [("3.1.2", HEADING.split(" ", 1)[1])]


BODY = ("The strategic goal of the Sector is threefold and includes the rational, equitable, efficient "
        "and economical use of the radio-frequency spectrum by all radiocommunication services.")
HEADING = ("3.1.2 Strategic goal of the Telecommunication Standardization Sector (ITU-T) and of its partners "
           "in regional standardization")
NUMBERED = ("3.1.3 A continuing challenge facing the Union is to remain a pre-eminent intergovernmental "
            "organization where Member States, Sector Members and Associates work together to enable "
            "the growth and sustained development of telecommunication networks.")


def test_a_wrapped_line_after_an_abbreviation_opening_with_a_number_goes_on(tmp_path):
    """"… as called for in WTSA Res." / "44 (Rev. Hammamet, 2016) …": the number opening the line
    follows an abbreviation, not a sentence end, so it is no list label and the paragraph goes on
    (a black-box review: two paragraphs, and WTSA-RES-44 lost). A numbered line after a real
    sentence end still starts a paragraph."""
    tail = "as called for in WTSA Res. 44 (Rev. Hammamet, 2016), and the Bureau reports on it each year."
    words = "The Bureau will assist Member States with studies and guidelines on the matters".split()
    widths, space = word_widths(set(" ".join(words).split()) | set(tail.split()) | set(BODY.split()) | {"2"},
                                "Times-Roman", 11, tmp_path)
    for n in range(1, len(words) + 1):
        text = " ".join(words[:n]) + " " + tail
        wrapped = wrap(text, WIDTH, widths, space)
        if any(line.endswith("Res.") for line in wrapped[:-1]):
            break
    else:
        pytest.fail("no filler put 'Res.' at a line's end")
    numbered = "2 " + BODY
    lines = [Line(t, "Times-Roman", 11) for t in wrapped + wrap(numbered, WIDTH, widths, space)]
    from pdfgen import write_pdf

    raw = read(write_pdf(tmp_path / "abbrev.pdf", lines))
    assert [b.text for b in raw.blocks] == [text, numbered]


SET_APART = Path(__file__).parent / "fixtures" / "pdf" / "set-apart-bullets.pdf"


def test_bullets_that_text_opens_lines_with_are_bullets_only_set_apart() -> None:
    """Word's second-level bullet "o" (Courier New), ">" and "→" (scripts/make_layout_fixtures.py,
    LibreOffice) were read as text, "o providing assistance…" (a review found 13 bullets of one
    PDF so): each is a list item where it stands alone at the line's start with the text at the
    list's indent; a line of text that opens with "o" ("bienes" / "o servicios", Spanish "or")
    or "> 50 %" after a word space stays text."""
    from actionplan_trace.extract.pdf import read_pdf

    blocks = read_pdf(SET_APART).blocks
    items = [(b.label, b.text[:25]) for b in blocks if b.type == "list-item"]
    assert items == [(glyph, text) for glyph in ("o", ">", "→")
                     for text in ("providing information on ", "implementing projects on ")]
    texts = [b.text for b in blocks if b.type != "list-item"]
    assert not any(t.startswith(("o providing", "> providing", "→ providing", "o implementing")) for t in texts)
    # the .docx breaks that line (w:br) before "o": one paragraph of two lines, as it reads there
    assert any("de bienes\no servicios de telecomunicaciones" in t for t in texts)
    # and so does the .docx before "> 50 %", in a document that sets its paragraphs apart by a space
    assert any("should reach\n> 50 % in every region" in t for t in texts)
