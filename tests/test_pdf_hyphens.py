"""Hyphens at the end of a PDF line: the layout's (automatic hyphenation, "telecom-" / "munication")
are dropped when the lines are joined, a word's own ("next-" / "generation", "2016-" / "2019") is
kept, and a document with no automatic hyphenation keeps every one (pdfium marks them all alike)."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan_trace.extract.pdf import Line as PdfLine, join_lines, read_pdf, settle_line_hyphens
from pdfgen import Line, word_widths, write_pdf

WIDTH = 260
TEXT = ("Infrastructure is central for enabling universal, sustainable, ubiquitous and affordable access to "
        "telecommunications and information services, participating in the evolution towards next-generation "
        "networks and the management of spectrum resources by administrations, with international cooperation "
        "among regulators, operators and manufacturers from 2016-2019 onwards, for broadband connectivity in "
        "developing countries and the implementation of national strategies, on-line services and cybersecurity.")
LEADS = ["Indeed,", "Moreover, and in addition,", "So", "In short, as noted,", "Clearly,", "As agreed,",
         "Thus, overall,", "We note that"]
PARAGRAPHS = [TEXT, *(f"{lead} {TEXT}" for lead in LEADS)]  # each broken at other places


def _pieces(word: str, cut: bool) -> tuple[str, str] | None:
    """Where a word processor may break `word` at a line's end: at its own hyphen, and with
    automatic hyphenation (`cut`) in the middle of a long plain word."""
    if "-" in word:
        head, tail = word.split("-", 1)
        return f"{head}-", tail
    if cut and word.isalpha() and len(word) >= 7:
        return f"{word[:len(word) // 2]}-", word[len(word) // 2:]
    return None


def _wrap(text: str, widths: dict[str, float], space: float, cut: bool) -> list[str]:
    """Greedy line breaking that breaks a word which does not fit where `_pieces` allows, when
    its first piece fits."""
    lines: list[str] = []
    current: list[str] = []
    used = 0.0
    words = text.split()
    while words:
        word = words.pop(0)
        need = widths[word] + (space if current else 0)
        if current and used + need > WIDTH:
            pieces = _pieces(word, cut)
            if pieces and used + space + widths[pieces[0]] <= WIDTH:
                current.append(pieces[0])
                words.insert(0, pieces[1])
            else:
                words.insert(0, word)
            lines.append(" ".join(current))
            current, used = [], 0.0
            continue
        current.append(word)
        used += need
    return [*lines, " ".join(current)] if current else lines


def _read(tmp_path: Path, name: str, cut: bool) -> list[str]:
    """The paragraphs the reader finds in a PDF of PARAGRAPHS, the first never hyphenated (it
    prints the words whole), the others hyphenated automatically when `cut`."""
    words = {w for text in PARAGRAPHS for w in text.split()}
    pieces = {piece for w in words if (found := _pieces(w, True)) for piece in found}
    widths, space = word_widths(words | pieces, "Helvetica", 11, tmp_path)
    body: list[Line] = []
    for n, text in enumerate(PARAGRAPHS):
        printed = _wrap(text, widths, space, cut and n > 0)
        body += [Line(t, gap_before=12 if i == 0 else 0) for i, t in enumerate(printed)]
    return [b.text for b in read_pdf(write_pdf(tmp_path / name, body)).blocks]


def test_automatic_hyphens_are_dropped_and_compounds_keep_theirs(tmp_path: Path) -> None:
    assert _read(tmp_path, "hyphenated.pdf", cut=True) == PARAGRAPHS


def test_without_automatic_hyphenation_every_line_end_hyphen_is_kept(tmp_path: Path) -> None:
    assert _read(tmp_path, "plain.pdf", cut=False) == PARAGRAPHS


def test_a_cell_broken_over_two_pages_after_a_hyphen_is_one_word() -> None:
    """A table row split by a page break mends its cells: "2016-" at the foot of one page and
    "2019" at the head of the next are "2016-2019", as "high-" / "quality" is "high-quality"."""
    from actionplan_trace.extract.pdf_tables import join_rows
    from actionplan_trace.model import Cell

    upper = [Cell("2016-", paragraphs=["2016-"]), Cell("delivery of high-", paragraphs=["delivery of high-"]),
             Cell("Outcome 2.1", paragraphs=["Outcome 2.1"])]
    lower = [Cell("2019"), Cell("quality documents"), Cell("and Outcome 2.2")]
    assert [c.text for c in join_rows(upper, lower)] == ["2016-2019", "delivery of high-quality documents",
                                                         "Outcome 2.1 and Outcome 2.2"]


def test_a_footnote_keeps_its_hyphens(tmp_path: Path) -> None:
    """Footnotes are read apart from the body: a hyphen ending one of their lines is the word's
    own, as it always was ("next-" / "generation", "ITU-" / "D"), never dropped."""
    body = [Line("Objective 2 – Infrastructure", "Helvetica-Bold", 14),
            Line("The Bureau assists Member States in building their networks.1", gap_before=12)]
    notes = [Line("", rule=144, gap_before=500), Line("1 The next-", size=8),
             Line("generation networks are studied by ITU-", size=8), Line("D study groups.", size=8)]
    raw = read_pdf(write_pdf(tmp_path / "note.pdf", body + notes))
    assert [b.text for b in raw.footnotes] == ["The next-generation networks are studied by ITU-D study groups."]


@pytest.mark.parametrize("font", ["Helvetica", "Times-Roman"])
@pytest.mark.parametrize(("lines", "text"), [
    (["ITU supports short-", "and long-term plans in the region."], "ITU supports short- and long-term plans in the region."),
    (["Services for e-", "and m-government in rural areas."], "Services for e- and m-government in rural areas."),
    (["Both public-", "or private-sector partners may join."], "Both public- or private-sector partners may join."),
    # a word's own hyphen, and a slash, still join what goes on without a space
    (["It plans next-", "generation networks and more."], "It plans next-generation networks and more."),
    (["Members and/", "or the region take part."], "Members and/or the region take part."),
    (["The Andean-", "oriented plan goes on."], "The Andean-oriented plan goes on."),
    (["Devices are plug-", "and-play for all users."], "Devices are plug-and-play for all users."),
    (["Messages are store-", "and-forward in the network."], "Messages are store-and-forward in the network."),
], ids=["and", "e-and", "or", "compound", "slash", "and-inside-a-word", "plug-and-play", "store-and-forward"])
def test_a_suspended_hyphen_keeps_its_space(tmp_path: Path, font: str, lines: list[str], text: str) -> None:
    """A line that ends with a hyphen and a next line that opens with "and", "or" or "nor": the
    hyphen was suspended ("short- and long-term"), and a space follows it; these were read
    "short-and long-term", "e-and m-government"."""
    (block,) = read_pdf(write_pdf(tmp_path / "suspended.pdf", [Line(t, font=font) for t in lines])).blocks
    assert block.text == text


def test_compounds_are_found_in_linear_time():
    """A try at a compound starts only where a run of letters or digits does: a line of 200,000
    glyphs stacked on one spot (a hostile page) is one try, not 200,000 of 200,000 steps each."""
    import time

    from actionplan_trace.extract.pdf import COMPOUND

    line = "on-line, 2016-2019, ab-cd-ef, x1abc-def, ab-12x, ITU-D and co-operation"
    assert [m.group() for m in COMPOUND.finditer(line)] == [
        "on-line", "2016-2019", "ab-cd", "abc-def", "ab-12", "ITU-D", "co-operation"]
    start = time.perf_counter()
    assert not list(COMPOUND.finditer("a" * 200_000 + " " + "7" * 200_000))
    assert time.perf_counter() - start < 1.0


def _line(text: str) -> PdfLine:
    return PdfLine(chars=[], text=text, x0=72, x1=500, top=0, bottom=11, size=11, bold=False)


def test_chromium_hyphenation_is_the_layouts_and_an_acronym_keeps_its_hyphen() -> None:
    """Chromium's automatic hyphenation (CSS hyphens: auto) prints U+2010 at a line's end, which
    pdfium does not mark: a black-box review found 16 of 67 paragraphs of a browser's PDF read
    "cyber‐ security", "telec‐ ommunications". It is the layout's break where the document
    shows automatic hyphenation; "ITU‐" / "T" is never syllables (a one-letter tail), so it
    stays "ITU-T", in such a document too."""
    texts = ["Emerging techn\u2010", "ologies and telec\u2010", "ommunications with ITU\u2010",
             "T SG 17 and cyber\u2010", "security support."]
    lines = [_line(t) for t in texts]
    words = frozenset({"emerging", "technologies", "and", "telecommunications", "with", "itu", "sg", "17",
                       "cybersecurity", "support"})
    settle_line_hyphens([lines], words)
    assert join_lines([ln.text for ln in lines]) == (
        "Emerging technologies and telecommunications with ITU-T SG 17 and cybersecurity support.")


JUSTIFIED = Path(__file__).parent / "fixtures" / "pdf" / "justified-hyphens"


def test_a_justified_lines_hyphen_set_apart_from_its_word_is_the_layouts() -> None:
    """LibreOffice stretches a justified, automatically hyphenated line up to its hyphen, which it
    sets apart from the word it breaks with no space glyph between ("ter -" / "restrial", "tar -" /
    "gets 1.4"): a review found them read "ter - restrial", "tar - gets", losing SDG targets 11.5
    and 11.b, and a .docx diffing against its own PDF. The fixture (scripts/make_layout_fixtures.py)
    prints four paragraphs after nine leads, seven lines ending so; each reads as its .docx does,
    and a dash between spaces ("2020 - 2023") and "COVID-19" keep theirs."""
    import docx

    from actionplan_trace import app

    printed = [p.text for p in docx.Document(str(JUSTIFIED.with_suffix(".docx"))).paragraphs if p.text]
    read = [b.text for b in read_pdf(JUSTIFIED.with_suffix(".pdf")).blocks]
    assert len(read) == len(printed) == 37 and read[1:] == printed[1:]
    assert " ".join(read).count("over the period 2020 - 2023 and after the COVID-19 pandemic") == 9
    assert [t for t in read if " - " in t.replace("2020 - 2023", "")] == []
    ids = [r.id for r in app.references(JUSTIFIED.with_suffix(".pdf")).refs]
    assert ids.count("SDG-1.4") == ids.count("SDG-11.b") == 9
    assert app.compare(JUSTIFIED.with_suffix(".docx"), JUSTIFIED.with_suffix(".pdf")).changes == []


def test_a_break_between_two_words_that_another_break_joins_is_the_layouts() -> None:
    """"reduction-" / "management" parts two words the document prints, but where the layout broke
    the same word elsewhere ("reductionman-" / "agement", one word) the document spells it whole:
    that break is the layout's too. A review found "reduction-management" in one PDF of a .docx
    and "reductionmanagement" in another, a change where none was made."""
    from actionplan_trace.extract.pdf import HYPHEN_MARK, whole_words

    texts = ["Disaster risk reductionman" + HYPHEN_MARK, "agement and the telecom" + HYPHEN_MARK,
             "munication of the infor" + HYPHEN_MARK, "mation to the organi" + HYPHEN_MARK,
             "zations in the region.", "Disaster risk reduction" + HYPHEN_MARK, "management and emergency",
             "The telecommunication, information, organizations, reduction and management of networks."]
    lines = [_line(t) for t in texts]
    settle_line_hyphens([lines], whole_words([lines]))
    assert join_lines([ln.text for ln in lines[5:7]]) == "Disaster risk reductionmanagement and emergency"
    assert join_lines([ln.text for ln in lines[:5]]) == ("Disaster risk reductionmanagement and the telecommunication of"
                                                          " the information to the organizations in the region.")
