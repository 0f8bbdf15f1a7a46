"""Tables and paragraphs broken by a page break, drawn with pdfgen's minimal writer: a table row
whose cells go on over the page (Word lets a row break across pages) is one row with its cells'
text joined, whether its first cell goes on empty, in lower case or mid-sentence with a capital,
and a header row repeated at the top of the next page is no data row. The table is set from many
heights on its first page, so that the page breaks every row after each of its lines."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from actionplan_trace.extract.pdf import read_pdf_detailed
from pdfgen import MARGIN, TableStyle, lay_table, rule_op, text_op, word_widths, wrap, write_placed

HEADER = ["Outcome", "Performance indicators", "Timing"]
ROWS = [
    ["Enhanced capacity of Member States to develop national broadband plans and policies",
     "Number of countries assisted in developing national broadband plans", "2022-2025"],
    ["Strengthened cooperation among regulators, operators and ITU Member States on spectrum management and "
     "monitoring of radio frequencies in developing countries",
     "Number of regional workshops held; number of participants trained in spectrum monitoring; number of "
     "countries using the spectrum management software", "2022-2025"],
    ["Improved access to telecommunication services in rural and remote areas, with Member States and "
     "Sector Members",
     "Number of rural connectivity projects; share of schools connected", "2023"],
]
STYLES = {
    "grid-helvetica": TableStyle(widths=(200, 200, 60)),
    "rows-times": TableStyle(widths=(180, 230, 50), font="Times-Roman", bold="Times-Bold", size=9, pitch=1.15,
                             pad=3, rules="rows", left=60),
    "grid-no-repeat": TableStyle(widths=(220, 170, 70), size=9.5, pad=5, repeat_header=False, left=80),
}


def _table_pdf(tmp_path: Path, style: TableStyle, start: float) -> Path:
    """The table set from `start` (points below the page top) under a heading."""
    words = {w for row in [HEADER, *ROWS] for cell in row for w in cell.split()}
    plain = word_widths(words, style.font, style.size, tmp_path)
    bold = word_widths(words, style.bold, style.size, tmp_path)

    def cells(row: list[str], widths: tuple[dict[str, float], float]) -> list[list[str]]:
        return [wrap(text, width - 2 * style.pad, *widths) for text, width in zip(row, style.widths)]

    pages = [[text_op(style.left, 100, "Objective 1 - Infrastructure", "Helvetica-Bold", 12)]]
    lay_table([cells(HEADER, bold), *(cells(row, plain) for row in ROWS)], style, start, pages)
    return write_placed(tmp_path / f"table-{start:.0f}.pdf", pages)


@pytest.mark.parametrize("name", sorted(STYLES))
def test_rows_broken_by_a_page_break_are_whole(tmp_path: Path, name: str) -> None:
    style = STYLES[name]
    broken = 0
    for start in range(560, 730, 6):
        path = _table_pdf(tmp_path, style, start)
        reading = read_pdf_detailed(path)
        tables = [b for b in reading.raw.blocks if b.type == "table"]
        assert len(tables) == 1, (start, [b.text for b in reading.raw.blocks])
        assert [[c.text for c in row] for row in tables[0].rows] == [HEADER, *ROWS], start
        broken += reading.raw.source.pages > 1
        if style.repeat_header and reading.raw.source.pages > 1:
            assert (2, " ".join(HEADER)) in reading.furniture
    assert broken >= 12


INTRO = ("Networks for telecommunication and services are central to the work of the Bureau, and ITU-D "
         "assists with e-government services and multi-stakeholder partnerships.")
FILLER = "Paragraph {} of the plan sets out what the Bureau does for its Member States."


@pytest.mark.parametrize("font", ["Helvetica", "Times-Roman"])
def test_a_word_hyphenated_over_a_page_break_is_one_word(tmp_path: Path, font: str) -> None:
    """One word hyphenated by the layout, at the foot of a page ("telecommu-" / "nication"), in a
    document that hyphenates nothing else: the paragraph goes on over the page (its last line ended
    early only because the word broke) and the word is the one the document prints whole; the
    document's own hyphens ("ITU-D", "e-government", "multi-stakeholder") stay."""
    from pdfgen import Line, write_pdf

    head, tail = INTRO.split(" and ITU-D ")
    intro = [Line("Objective 2 - Infrastructure", "Helvetica-Bold", 14), Line(f"{head} and", font, gap_before=12),
             Line(f"ITU-D {tail}", font)]
    end = ["The Bureau will help Member States extend telecommu-", "nication networks to rural areas and promote broadband."]
    seen = set()
    for gap in range(3, 60, 3):
        lines = [*intro, *(Line(FILLER.format(k), font, gap_before=12) for k in range(23)),
                 Line(end[0], font, gap_before=gap), Line(end[1], font)]
        reading = read_pdf_detailed(write_pdf(tmp_path / f"hyphen-{gap}.pdf", lines))
        blocks = reading.raw.blocks
        assert blocks[1].text == INTRO
        assert blocks[-1].text == ("The Bureau will help Member States extend telecommunication networks to rural areas "
                                   "and promote broadband.")
        seen.add((blocks[-1].loc.page, reading.raw.source.pages))
    assert (1, 2) in seen  # the page broke the paragraph after its first line


PAGE_END_HYPHENS = [
    (["Contact: the focal point for ITU-"], ["The Bureau will report to the next conference."]),
    (["Comments on the draft text are sent to the secretariat of WTDC-"],
     ["Member States may ask for an extension of the deadline."]),
    (["The study groups of ITU-", "T and ITU-R cooperate on these questions."], []),
    (["Member States of the Asia-", "Pacific region adopted the plan."], []),
    (["The Bureau carried out the plan adopted for the period 2016-", "2019 with its regional offices."], []),
    (["Women should take part in all decision-", "making processes at national level."], []),
    # a lower-case prefix before a capitalised or upper-case word is a compound ITU prints
    # often (a review found these split into two paragraphs)
    (["Countries adopt national strategies that include e-", "Government services for all citizens."], []),
    (["The plan covers non-", "ICT sectors that depend on broadband."], []),
    (["The symposium was held in Sharm el-", "Sheikh, Egypt, in May 2016."], []),
]


@pytest.mark.parametrize("font", ["Helvetica", "Times-Roman"])
@pytest.mark.parametrize("first, second", PAGE_END_HYPHENS, ids=["itu-the", "wtdc-member", "itu-t", "asia-pacific",
                                                                  "years", "decision-making", "e-government",
                                                                  "non-ict", "el-sheikh"])
def test_a_hyphen_at_a_page_end_joins_only_a_word_that_goes_on(
        tmp_path: Path, font: str, first: list[str], second: list[str]) -> None:
    """A page whose last line ends with a hyphen: the next page's first line carries the word on
    when it starts in lower case, with the digits of a number, or with a piece in the head's case
    (ITU- / T, Asia- / Pacific); a paragraph that opens with a capitalised word after an acronym's
    hyphen is a paragraph of its own (a review found "…for ITU-" + "The Bureau …" read as
    "ITU-The"). The page breaks between the two lines at some of the heights tried."""
    from pdfgen import Line, write_pdf

    head = [Line("Objective 2 - Infrastructure", "Helvetica-Bold", 14)]
    expected = [" ".join(first).replace("- ", "-", 1), *([" ".join(second)] if second else [])]
    after = [*first[1:], *second][0]
    broken = 0
    for gap in range(12, 72, 3):  # from a paragraph space down to the foot of the page
        lines = [*head, *(Line(FILLER.format(k), font, gap_before=12) for k in range(23)),
                 Line(first[0], font, gap_before=gap), *(Line(text, font) for text in first[1:]),
                 *(Line(text, font, gap_before=12) for text in second)]
        path = write_pdf(tmp_path / f"end-{gap}.pdf", lines)
        blocks = read_pdf_detailed(path).raw.blocks
        assert [b.text for b in blocks[-len(expected):]] == expected, gap
        assert blocks[-len(expected) - 1].text == FILLER.format(22), gap
        broken += _page_text(path, 1).startswith(after) and first[0] in _page_text(path, 0)
    assert broken >= 2


def _page_text(path: Path, index: int) -> str:
    """The text pdfium reads on a page of a PDF ("" past its last page)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return document[index].get_textpage().get_text_range() if index < len(document) else ""
    finally:
        document.close()


def test_a_cell_hyphenated_at_a_line_end_keeps_only_its_words_hyphens(tmp_path: Path) -> None:
    """Inside a table cell: the layout's hyphen before a lower-case piece that makes a printed word
    goes ("telecommu-" / "nication"), a compound's stays ("multi-" / "stakeholder", "ITU-" / "D")."""
    cells = [[["Outcome"], ["Indicators"]],
             [["Access to telecommunication networks", "in rural areas"], ["Number of multi-stakeholder", "partnerships"]],
             [["Enhanced telecommu-", "nication networks"], ["Number of multi-", "stakeholder ITU-", "D partnerships"]]]
    firsts = [cells[1][0][0], cells[1][1][0]]
    widths, _ = word_widths(set(firsts), "Helvetica", 10, tmp_path)
    style = TableStyle(widths=tuple(widths[text] + 9 for text in firsts))  # each first line fills its cell
    path = write_placed(tmp_path / "cell.pdf", lay_table(cells, style))
    (table,) = [b for b in read_pdf_detailed(path).raw.blocks if b.type == "table"]
    assert [[c.text for c in row] for row in table.rows] == [
        ["Outcome", "Indicators"],
        ["Access to telecommunication networks in rural areas", "Number of multi-stakeholder partnerships"],
        ["Enhanced telecommunication networks", "Number of multi-stakeholder ITU-D partnerships"]]


@pytest.mark.parametrize("lines, other, expected", [
    (["The Forum is an open and inclusive multi-", "stakeholder platform for all parties concerned."],
     "The multistakeholder model is recognized by all the participants of the Forum.",
     "The Forum is an open and inclusive multi-stakeholder platform for all parties concerned."),
    (["After the storm the operators had to re-", "cover the towers with new protective housing."],
     "Networks recover faster when operators recover their sites with backup power.",
     "After the storm the operators had to re-cover the towers with new protective housing."),
    (["The workshops were held at the sub-", "regional level with the regulators of the countries."],
     "Subregional workshops are planned for next year in all the subregional groups.",
     "The workshops were held at the sub-regional level with the regulators of the countries."),
], ids=["multi", "re", "sub"])
def test_a_short_prefix_keeps_its_hyphen_though_the_word_is_printed_whole(
        tmp_path: Path, lines: list[str], other: str, expected: str) -> None:
    """A prefix the author may hyphenate keeps its hyphen at a line end, though the document prints
    the word whole elsewhere (a review found "multi-" / "stakeholder" joined, and "re-" / "cover"
    made "recover"); a long head ("telecommu-", above) is still the layout's break."""
    from pdfgen import Line, write_pdf

    path = write_pdf(tmp_path / "prefix.pdf", [Line("Objective 2 - Infrastructure", "Helvetica-Bold", 14),
                                                Line(other, gap_before=12), Line(lines[0], gap_before=12), Line(lines[1])])
    assert read_pdf_detailed(path).raw.blocks[-1].text == expected


FIXTURES = Path(__file__).parent / "fixtures" / "pdf"


@pytest.mark.parametrize("name, keys", [
    ("status-rows-page-break.pdf", ["Activity", "Regional", "Guidelines", "Assessment", "Training", "Digital",
                                    "Handbook", "Study"]),
    ("wsis-keyed-rows-page-break.pdf", ["WSIS", "a.", "b.", "c.", "d.", "e.", "f."]),
], ids=["lower-case-status-column", "keyed-wsis-outcomes"])
def test_a_new_row_at_the_top_of_a_page_is_not_joined(name: str, keys: list[str]) -> None:
    """Rows that each begin at a page top stay rows (a review of the page-break join found 64 of 71
    page positions merging a status table's rows, its narrow "completed" / "planned" column read as
    going on in lower case, and WSIS outcomes keyed "c." folded into "b.")."""
    reading = read_pdf_detailed(FIXTURES / name)
    (table,) = [b for b in reading.raw.blocks if b.type == "table"]
    assert [row[0].text.split()[0] for row in table.rows] == keys


@pytest.mark.parametrize(("upper", "lower", "joined"), [
    ("Frameworks for the short-", "and long-term development of networks", "Frameworks for the short- and long-term development of networks"),
    ("Services for e-", "or m-government", "Services for e- or m-government"),
    ("Implemented over 2016-", "2019 in all regions", "Implemented over 2016-2019 in all regions"),
    ("Guidelines on multi-", "stakeholder partnerships", "Guidelines on multi-stakeholder partnerships"),
    ("Networks that are store-", "and-forward", "Networks that are store-and-forward"),
])
def test_a_cell_split_by_the_page_after_a_hyphen_keeps_a_suspended_one_apart(upper: str, lower: str, joined: str) -> None:
    """A cell's text going on over a page after a word's own hyphen joins without a space, but
    after a suspended hyphen ("short-" / "and long-term"), which a review found read "short-and"."""
    from actionplan_trace.extract.pdf_tables import join_rows
    from actionplan_trace.model import Cell, Loc

    (cell, date) = join_rows([Cell(upper, Loc(page=1)), Cell("2016-2019", Loc(page=1))],
                             [Cell(lower, Loc(page=2)), Cell("", Loc(page=2))], [True, False])
    assert (cell.text, date.text) == (joined, "2016-2019")



VOCABULARY = ("Infrastructure is central for enabling universal, sustainable, ubiquitous and affordable access to "
              "ICTs and services for all; the Bureau assists its Member States in planning, deploying and "
              "maintaining networks, with partners from industry, academia and regional organizations.").split()
BODY = " ".join(random.Random(7).choices(VOCABULARY, k=4000))  # no two lines alike (no page furniture)
PROGRAMME = "Programme: Telecommunication/ICT network infrastructure and services"
OBJECTIVE = ("The objective of this programme is to assist ITU Member States and ITU-D Sector Members in maximizing "
             "the use of appropriate new technologies for the development of their information and communication "
             "infrastructures and services.")
TOP, PITCH, PAGE_LINES = 84.0, 13.75, 50  # a page's first baseline (from the top), line pitch and lines
FOOT = TOP + (PAGE_LINES - 1) * PITCH  # its lowest baseline


def _foot_pdf(tmp_path: Path, room: int, name: str, wrapped: bool = False) -> Path:
    """Three pages set like LibreOffice's rendering of a black-box review's plan: pages 1 and 3 full
    of body text to the `FOOT`; on page 2, body text, a bold "Implementation framework" and then
    `tail` (lines in the body font) ending `room` line pitches above the foot; page 3 opens with the
    paragraph after it. The measure is set so that "Programme: …" is too full for "The"."""
    from pdfgen import text_op

    widths, space = word_widths({*BODY.split(), *PROGRAMME.split(), *OBJECTIVE.split()}, "Helvetica", 11, tmp_path)
    measure = sum(widths[w] for w in PROGRAMME.split()) + space * (PROGRAMME.count(" ") + 1) + widths["The"] - 1
    body = iter(wrap(BODY, measure, widths, space))
    first = [text_op(MARGIN, TOP + k * PITCH, next(body)) for k in range(PAGE_LINES)]
    tail = [next(body), PROGRAMME] if wrapped else [PROGRAMME]
    last = FOOT - room * PITCH
    heading = last - (len(tail) - 1) * PITCH - PITCH - 4
    second = [text_op(MARGIN, TOP + k * PITCH, next(body)) for k in range(int((heading - 9 - PITCH - TOP) / PITCH) + 1)]
    second.append(text_op(MARGIN, heading, "Implementation framework", "Helvetica-Bold"))
    second += [text_op(MARGIN, last - (len(tail) - 1 - k) * PITCH, text) for k, text in enumerate(tail)]
    rest = [*wrap(OBJECTIVE, measure, widths, space), *body][:PAGE_LINES]
    third = [text_op(MARGIN, TOP + k * PITCH, text) for k, text in enumerate(rest)]
    return write_placed(tmp_path / name, [first, second, third])


@pytest.mark.parametrize("room", [1, 2, 3])
def test_a_one_line_heading_alone_with_room_at_a_page_foot_ends_there(tmp_path: Path, room: int) -> None:
    """A "Programme: …" heading set in the body font, alone at a page's foot with room for another
    line below it, is no wrapped line of the paragraph on the next page, though it runs too near the
    measure for that paragraph's first word "The": a paragraph going on over the page would have
    filled the page, and orphan control moves a lone first line on with the rest. A black-box review
    read "Programme: Telecommunication/ICT network infrastructure and services The objective of this
    programme …" as one heading, its paragraph lost from a docx/PDF diff."""
    texts = [b.text for b in read_pdf_detailed(_foot_pdf(tmp_path, room, "heading.pdf")).raw.blocks]
    heading, after = texts[texts.index("Implementation framework") + 1:][:2]
    assert (heading, after[:len(OBJECTIVE)]) == (PROGRAMME, OBJECTIVE)


@pytest.mark.parametrize("room, wrapped", [(0, False), (1, True)], ids=["alone-at-a-full-foot", "wrapped-line"])
def test_a_full_line_at_a_page_foot_still_goes_on(tmp_path: Path, room: int, wrapped: bool) -> None:
    """With no room below it, a line alone at the foot of a page still carries on over the page (a
    layout without orphan control leaves a paragraph's first line there), and so does the last of
    several lines of a paragraph with room below it (widow control pulls a line along)."""
    texts = [b.text for b in read_pdf_detailed(_foot_pdf(tmp_path, room, "goes-on.pdf", wrapped)).raw.blocks]
    head = texts[texts.index("Implementation framework") + 1]
    assert head.endswith(f"{PROGRAMME} {OBJECTIVE}"), head


TALL_HEADER = ["Objectives", "Outputs", "Key performance indicators"]
TALL_ROW = ["To promote and foster cooperation among all Member States, Sector Members and Associates in "
            "decision-making on telecommunication/ICT standardization matters and to cooperate with other ITU "
            "Sectors and standardization bodies",
            "World Telecommunication Standardization Assembly (WTSA) • WTSA regional consultation sessions • "
            "Telecommunication Standardization Advisory Group (TSAG) • ITU-T general assistance and cooperation",
            "Number of contributions; satisfaction of delegations; liaison activity with other organizations and "
            "the number of joint events held with standards development organizations"]


def test_a_tall_row_every_cell_of_which_runs_on_is_one_row(tmp_path: Path) -> None:
    """A row so tall that each of its cells runs on over the page (a landscape Strategic Plan's
    Table 5.2: no cell ended on the first page to show the row goes on) is one row when the key
    cell's last line there ends on a connecting word ("…Sector Members and" / "Associates in …"):
    it cannot have ended there. Checked at every break such a line comes before."""
    from actionplan_trace.text_patterns import OPEN_END

    style = TableStyle(widths=(210, 200, 170), size=10)
    words = {w for cell in [*TALL_HEADER, *TALL_ROW] for w in cell.split()}
    plain, bold = (word_widths(words, font, style.size, tmp_path) for font in (style.font, style.bold))
    lines = [wrap(text, width - 2 * style.pad, *plain) for text, width in zip(TALL_ROW, style.widths)]
    header = [wrap(text, width - 2 * style.pad, *bold) for text, width in zip(TALL_HEADER, style.widths)]
    lead = style.size * style.pitch
    tried = 0
    for start in range(600, 760, 3):
        room = int((style.bottom - start - len(max(header, key=len)) * lead - 4 * style.pad) // lead)
        if not 1 <= room < len(lines[0]) or not OPEN_END.search(lines[0][room - 1]) or any(len(c) <= room for c in lines):
            continue
        tried += 1
        path = write_placed(tmp_path / f"tall-{start}.pdf", lay_table([header, lines], style, start))
        reading = read_pdf_detailed(path)
        (table,) = [b for b in reading.raw.blocks if b.type == "table"]
        assert [[c.text for c in row] for row in table.rows] == [TALL_HEADER, TALL_ROW], (start, lines[0][room - 1])
    assert tried >= 2


OUTCOME_HEADER = ["Outcomes", "Performance indicators", "Outputs"]
OUTCOME_ROWS = [
    ["Enhanced capacity of Member States to develop national broadband plans.",
     "Number of countries assisted in developing national broadband plans", "2.1 - Broadband infrastructure"],
    ["Strengthened cooperation among regulators on spectrum management.",
     "Number of regional workshops held on spectrum monitoring", "2.2 - Spectrum management"],
    ["Strengthened capacity of Member States to use telecommunications for disaster risk reduction.",
     "Number of Member States assisted with early-warning systems", "2.3 - Emergency telecommunications"],
    ["Improved capacity of Member States to deploy quantum-safe networks.",
     "Number of Member States assisted with quantum-safe network pilots", ""],
]


@pytest.mark.parametrize("split_rows", [False, True])
def test_a_new_outcome_without_its_output_opening_a_page_is_a_row_of_its_own(tmp_path: Path, split_rows: bool) -> None:
    """An outcome table whose outputs column opens each row with "2.N - ", and a last outcome with
    no output yet: set at the top of the next page, under the repeated header, it is its own row,
    not more lines of the outcome above, whose text ended its sentence (a review found the new
    outcome read into Outcome 2.3, and a diff reporting columns added to it)."""
    style = TableStyle(widths=(200, 200, 130), split_rows=split_rows)
    words = {w for row in [OUTCOME_HEADER, *OUTCOME_ROWS] for cell in row for w in cell.split()}
    plain = word_widths(words, style.font, style.size, tmp_path)
    bold = word_widths(words, style.bold, style.size, tmp_path)

    def cells(row: list[str], widths: tuple[dict[str, float], float]) -> list[list[str]]:
        return [wrap(text, width - 2 * style.pad, *widths) if text else [] for text, width in zip(row, style.widths)]

    on_next_page = 0
    for start in range(520, 720, 8):
        pages = [[text_op(style.left, 100, "Objective 2 - Infrastructure", "Helvetica-Bold", 12)]]
        lay_table([cells(OUTCOME_HEADER, bold), *(cells(row, plain) for row in OUTCOME_ROWS)], style, start, pages)
        reading = read_pdf_detailed(write_placed(tmp_path / f"outcomes-{start}.pdf", pages))
        tables = [b for b in reading.raw.blocks if b.type == "table"]
        assert len(tables) == 1, start
        assert [[c.text for c in row] for row in tables[0].rows] == [OUTCOME_HEADER, *OUTCOME_ROWS], start
        on_next_page += tables[0].rows[-1][0].loc.page == 2
    assert on_next_page >= 3


MERGED_KEY = ("Enhanced capacity of ITU Membership to make available resilient telecommunication and ICT "
              "infrastructure and services, including broadband and broadcasting, and developing expertise in "
              "spectrum management and monitoring.")
MERGED_INDICATORS = ("Number of guidelines and handbooks produced", "Number of experts trained in spectrum monitoring")
NEXT_ROW = ["Strengthened capacity of Member States to use telecommunications for disaster risk reduction.",
            "Number of Member States assisted", "2.3 - Emergency telecommunications"]


def _merged_key_pages(tmp_path: Path, start: float) -> tuple[list[list[bytes]], bool]:
    """An outcome table whose first outcome cell is merged down over its two indicator rows (Word's
    vertically merged cell, as LibreOffice prints it: no rule across the key column between them),
    set from `start`: its text runs from the first row into the second, and on over the page when
    the page ends inside that one, the header row repeated above the rest; and whether it did."""
    style = TableStyle(widths=(200, 200, 130))
    words = {w for text in (*OUTCOME_HEADER, MERGED_KEY, *MERGED_INDICATORS, *NEXT_ROW, "2.1 - Broadband") for w in text.split()}
    plain, bold = (word_widths(words, font, style.size, tmp_path) for font in (style.font, style.bold))
    xs = [style.left, style.left + 200, style.left + 400, style.left + 530]
    lead, pad = style.size * style.pitch, style.pad
    key = wrap(MERGED_KEY, 200 - 2 * pad, *plain)
    first, second = (wrap(text, 200 - 2 * pad, *plain) for text in MERGED_INDICATORS)
    pages: list[list[bytes]] = [[text_op(style.left, 100, "Objective 2 - Infrastructure", "Helvetica-Bold", 12)]]

    def header(y: float) -> float:
        for x, text in zip(xs, OUTCOME_HEADER):
            pages[-1].append(text_op(x + pad, y + pad + 0.8 * lead, text, style.bold, style.size))
        pages[-1].extend([rule_op(xs[0], y, xs[-1], y), *(rule_op(x, y, x, y + lead + 2 * pad) for x in xs)])
        return y + lead + 2 * pad

    def cell(x: float, y: float, lines: list[str]) -> None:
        pages[-1].extend(text_op(x + pad, y + pad + (k + 0.8) * lead, text, style.font, style.size)
                         for k, text in enumerate(lines))

    y = header(start)
    pages[-1].append(rule_op(xs[0], y, xs[-1], y))
    top = y
    first_height = max(len(first), 1) * lead + 2 * pad
    room = int((style.bottom - top - 2 * pad) // lead)  # the key's lines that fit on this page
    second_room = max(int((style.bottom - top - first_height - 2 * pad) // lead), 0)  # the second indicator's, likewise
    cell(xs[1], top, first)
    cell(xs[2], top, ["2.1 - Broadband"])
    pages[-1].append(rule_op(xs[1], top + first_height, xs[-1], top + first_height))  # between the indicator rows only
    end = top + max(first_height + len(second) * lead + 2 * pad, len(key) * lead + 2 * pad)
    cell(xs[1], top + first_height, second if end <= style.bottom else second[:second_room])
    if end <= style.bottom:
        cell(xs[0], top, key)
        pages[-1].extend([rule_op(xs[0], end, xs[-1], end), *(rule_op(x, top, x, end) for x in xs)])
        y = end
    else:
        cell(xs[0], top, key[:room])
        pages[-1].extend([rule_op(xs[0], style.bottom, xs[-1], style.bottom),
                          *(rule_op(x, top, x, style.bottom) for x in xs)])
        pages.append([])
        y = header(style.top)
        rest = key[room:]
        cell(xs[0], y, rest)
        cell(xs[1], y, second[second_room:])
        end = y + max(len(rest), len(second) - second_room) * lead + 2 * pad
        pages[-1].extend([rule_op(xs[0], y, xs[-1], y), rule_op(xs[0], end, xs[-1], end),
                          *(rule_op(x, y, x, end) for x in xs)])
        y = end
    cells = [wrap(text, width - 2 * pad, *plain) for text, width in zip(NEXT_ROW, style.widths)]
    height = max(len(c) for c in cells) * lead + 2 * pad
    for x, lines in zip(xs, cells):
        cell(x, y, lines)
    pages[-1].extend([rule_op(xs[0], y + height, xs[-1], y + height), *(rule_op(x, y, x, y + height) for x in xs)])
    return pages, len(pages) > 1 and 0 < room < len(key)


def test_a_merged_outcome_cell_broken_by_the_page_stays_one_outcome(tmp_path: Path) -> None:
    """An outcome cell merged over two indicator rows, its text broken by the page inside the second
    row: the rest ("and broadcasting, and …") opened that row's key cell on the new page and made
    it a new outcome, numbering the ones after it one too high (a review's LibreOffice PDF)."""
    from actionplan_trace.loader import load

    broken = 0
    for start in range(620, 724, 8):
        pages, split = _merged_key_pages(tmp_path, start)
        doc = load(write_placed(tmp_path / f"merged-{start}.pdf", pages), profile="action-plan")
        outcomes = [(s.id, s.title) for s in doc.sections if s.kind == "outcome"]
        assert outcomes == [("outcome-2.1", MERGED_KEY), ("outcome-2.2", NEXT_ROW[0])], start
        broken += split
    assert broken >= 3


def test_a_line_ending_in_a_comma_goes_on_though_a_table_sets_the_pitch(tmp_path: Path) -> None:
    """Few body lines and a table of many cell lines on a page: the body's line pitch is then
    taken from the table's, tighter, and a wrapped body line set at the body's own looked a
    paragraph apart. A black-box review found "…in the table below," / "using data for 2019."
    read as two paragraphs (a diff then showed an edit there as a punctuation change and a new
    paragraph); a line that runs to the measure and ends with a comma goes on."""
    style = TableStyle(widths=(220, 200, 60), size=11, pitch=1.16)
    first = "Progress towards the Connect 2030 targets of Goal 1 is summarized in"
    second = "Progress towards the targets of Goal 2 is summarized in the table below,"
    words = {w for row in [HEADER, *ROWS] for cell in row for w in cell.split()}
    plain, bold = word_widths(words, style.font, 11, tmp_path), word_widths(words, style.bold, 11, tmp_path)
    cells = [[wrap(text, width - 2 * style.pad, *fit) for text, width in zip(row, style.widths)]
             for row, fit in ((HEADER, bold), *((row, plain) for row in ROWS))]
    pages = [[text_op(MARGIN, 100, first, size=11), text_op(MARGIN, 114.7, "the table below.", size=11)]]
    lay_table(cells, style, 130, pages)
    pages[0] += [text_op(MARGIN, 600, second, size=11), text_op(MARGIN, 614.7, "using data for 2019.", size=11)]
    blocks = read_pdf_detailed(write_placed(tmp_path / "comma.pdf", pages)).raw.blocks
    assert [b.text for b in blocks if b.type == "paragraph"] == [
        f"{first} the table below.", f"{second} using data for 2019."]


def test_a_header_of_two_rows_repeated_on_each_page_is_dropped_whole(tmp_path: Path) -> None:
    """A matrix whose header has two rows ("Outputs | Objectives" over "| Objective 1 | …"),
    both repeated on each page: a black-box review found the second, its first cell empty under
    the spanning "Outputs", read as the rest of the last row above ("X" and "Objective 3" in one
    cell). Both are dropped; a table's rows that only read alike ("AFR Region", "ARB Region")
    are no header."""
    style = TableStyle(widths=(250, 70, 70, 70), size=10, header_rows=2)
    header = [[["Outputs"], ["Objectives"], [], []], [[], ["Objective 1"], ["Objective 2"], ["Objective 3"]]]
    body = [[[f"Output {n}.{k} – Products and services"], ["X"] if k % 2 else [], [], ["X"] if k % 3 == 0 else []]
            for n in (1, 2, 3) for k in range(1, 11)]
    pages = lay_table([*header, *body], style, 500)
    reading = read_pdf_detailed(write_placed(tmp_path / "matrix.pdf", pages))
    (table,) = [b for b in reading.raw.blocks if b.type == "table"]
    texts = [[c.text for c in row] for row in table.rows]
    assert len(pages) > 1 and texts[:2] == [["Outputs", "Objectives", "", ""], ["", "Objective 1", "Objective 2", "Objective 3"]]
    assert texts[2:] == [[row[0][0], *("X" if cell else "" for cell in row[1:])] for row in body]


def test_a_list_table_whose_entries_read_alike_keeps_every_entry(tmp_path: Path) -> None:
    """A one-column list under its header repeated on each page, every entry alike ("AFR
    Region", "ARB Region", 90 % the same): the entry opening a later page is no second header row."""
    style = TableStyle(widths=(200,), size=10)
    entries = [f"A{chr(65 + k % 26)}{chr(65 + k // 26)} Region" for k in range(80)]
    pages = lay_table([[["Region"]], *([[e]] for e in entries)], style, 300)
    (table,) = [b for b in read_pdf_detailed(write_placed(tmp_path / "regions.pdf", pages)).raw.blocks if b.type == "table"]
    assert len(pages) > 1 and [row[0].text for row in table.rows] == ["Region", *entries]


def test_a_data_row_that_recurs_at_a_page_top_under_a_one_row_header_is_kept(tmp_path: Path) -> None:
    """Under a one-row header repeated on each page, a page that opens with a row the same as the
    table's first data row keeps it: only a header whose first row spans columns has a second
    (a regression review found one such row dropped)."""
    style = TableStyle(widths=(120, 200), size=10)
    rows = [[["Region"], ["Initiative"]], *([["AFR"], ["Initiative 1"]] for _ in range(70))]
    pages = lay_table(rows, style, 300)
    (table,) = [b for b in read_pdf_detailed(write_placed(tmp_path / "same-rows.pdf", pages)).raw.blocks if b.type == "table"]
    assert len(pages) > 1 and len(table.rows) == 71
