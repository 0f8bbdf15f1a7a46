"""Text renderings: Markdown sniffed by content, inline marks stripped, literal text kept in plain
text, tables as pandoc, Word and tab-separated exports lay them out, wrapped paragraphs joined."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from actionplan_trace import load
from actionplan_trace.extract import read
from actionplan_trace.extract.inline import clean_inline, html_paragraphs
from actionplan_trace.extract.text import looks_like_markdown

from conftest import CORPUS, run_cli


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _texts(path: Path) -> list[tuple[str, str]]:
    return [(b.type, b.text) for b in read(path).blocks]


def test_literal_tags_and_brackets_survive_in_plain_text(tmp_path):
    line = "Output 1.2 – <p>literal html tag</p> and [bookmark: x] marker text"
    path = _write(tmp_path, "literal.txt", f"Title\n{line}\n<b>not bold</b> [link](http://example.org) **kept**\n")
    assert _texts(path) == [
        ("paragraph", "Title"),
        ("paragraph", line),
        ("paragraph", "<b>not bold</b> [link](http://example.org) **kept**"),
    ]
    result = run_cli("extract", str(path), "--format", "json")
    assert "<p>literal html tag</p> and [bookmark: x] marker text" in result.stdout.replace("\\u2013", "–")


def test_word_bookmark_marker_glued_to_a_paragraph_is_dropped(tmp_path):
    path = _write(tmp_path, "bm.txt", " [bookmark: Abstract]The group has made efforts.\n·\t[bookmark: _GoBack]develop policies\n")
    assert _texts(path) == [("paragraph", "The group has made efforts."), ("list-item", "develop policies")]


def test_markdown_is_sniffed_by_content_whatever_the_extension(tmp_path):
    text = "# **Report on the Plan**\n\n## Summary\n\nThe **Council** is invited [to approve](#) it.\n"
    for name in ("report.txt", "report.text", "report.md"):
        path = _write(tmp_path, name, text)
        assert _texts(path) == [
            ("heading", "Report on the Plan"),
            ("heading", "Summary"),
            ("paragraph", "The Council is invited to approve it."),
        ], name


@pytest.mark.parametrize(
    "text, expected",
    [
        ("**Target 1.1:** Households with *Internet* access", "Target 1.1: Households with Internet access"),
        ("__Bold__ and _em_ but snake_case_name stays", "Bold and em but snake_case_name stays"),
        ("see [ITU](https://itu.int/a_(b)) and <https://itu.int>", "see ITU and https://itu.int"),
        ("[Broadcasting]{.underline}[]{#_Toc123} -- video --- now", "Broadcasting – video — now"),
        ("Escaped \\*star\\* and \\[brackets\\] and 5 \\< 6", "Escaped *star* and [brackets] and 5 < 6"),
        ("a <b>bold</b><br>line &amp; more[^1]", "a bold line & more"),
        ("![chart](img.png) ~~old~~ `code`", "chart old code"),
        ("Status<!-- reviewed --> of the **plan**", "Status of the plan"),
    ],
)
def test_inline_marks_never_reach_the_text(text, expected):
    assert clean_inline(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('a <?xml version="1.0"?> b', "a b"),
        ("a <!DOCTYPE html> b <!x> c", "a b c"),
        ("a <![CDATA[x<y]]> b", "a b"),
        # A browser reads a processing instruction or CDATA section in HTML as a comment ending at
        # its first ">": what follows that is shown.
        ("c <![CDATA[a>b]]> d", "c b]]> d"),
        ("a <?a>b?> c", "a b?> c"),
        ("a <!--> b <!---> c <!-- x -- y --> d", "a b c d"),
        # Not raw HTML in CommonMark: literal text (and a "<!--" left open holds no en dash).
        ("a <!-- open b", "a <!-- open b"),
        ("a <!--- open b", "a <!--- open b"),
        ("a <!> b <? c <![CDATA[ d", "a <!> b <? c <![CDATA[ d"),
        ("a <!-- b --> c <!-- d", "a c <!-- d"),
    ],
)
def test_raw_html_that_is_no_tag(text, expected):
    """Comments, processing instructions, declarations and CDATA sections in a Markdown line: the
    text a reader sees once it is rendered (they were left in the text; `<!-->` and an open
    `<!--`, whose dashes became an en dash, too)."""
    assert clean_inline(text) == expected


RAW_PIECES = ['<?xml version="1.0"?>', "<!DOCTYPE html>", "<![CDATA[x<y]]>", "<![CDATA[a>b]]>", "<?a>b?>", "<!-- c -->",
              "<!-->", "<!--->", "<!---->", "<!-- a -- b -->", "<!x>", "<!>", "<!--x-->", "<!--<p>x</p>-->"]
# Raw HTML left open: literal text, the last piece of a line (one left open before a closed one
# would make a comment whose text ends with "-", where markdown-it, whose comment still follows
# the spec before 0.31, and CommonMark 0.31.2 part).
OPEN_PIECES = ["<!--", "<!-- open", "<!---", "<?", "<![CDATA["]


def test_raw_html_as_a_commonmark_renderer_and_a_browser_show_it():
    """Lines of words and raw HTML that is no tag: clean_inline gives the text a CommonMark renderer
    (markdown-it, which rich brings) makes of it once an HTML parser (libxml2's, as the HTML
    readers use it) has read that: comments dropped, the rest shown."""
    markdown_it = pytest.importorskip("markdown_it")
    import lxml.html

    from actionplan_trace.extract.inline import html_parser

    renderer = markdown_it.MarkdownIt("commonmark")
    rng = random.Random(7)
    for _ in range(1500):
        pieces = [rng.choice(RAW_PIECES) if rng.random() < 0.5 else f"w{n}" for n in range(rng.randrange(1, 8))]
        line = " ".join(pieces + ([rng.choice(OPEN_PIECES), "w9"] if rng.random() < 0.3 else []))
        rendered = renderer.renderInline(line)
        body = lxml.html.document_fromstring(f"<html><body><p>{rendered}</p></body></html>", parser=html_parser())
        assert clean_inline(line) == " ".join(body.find("body").text_content().split()), (line, rendered)


CODE_CONTENTS = ["**b**", "_e_", "<b>x</b>", "<!-- c -->", "[l](u)", "a\\*b", "x -- y", "&amp;", "`", " s ", "<br>"]
MARKED = ["**{}**", "*{}*", "_{}_", "[{}](u)", "<i>{}</i>", "{}", "\\[{}\\](u)", "\\*{}\\*", "\\<b>{}"]


def test_code_spans_keep_their_text_as_a_commonmark_renderer_shows_it():
    """What a code span holds is literal: marks, tags, comments, escapes and entities in it are
    shown as written (they were stripped: "`**kept**`" read "kept", "`<b>`" nothing); so is an
    escaped character ("\\[text\\](#)", as pandoc writes literal brackets, read as a link whose
    text kept the backslashes). Lines of marked-up words, escapes and code spans of one or two
    backticks, against markdown-it and lxml."""
    markdown_it = pytest.importorskip("markdown_it")
    import lxml.html

    from actionplan_trace.extract.inline import html_parser

    renderer = markdown_it.MarkdownIt("commonmark")
    rng = random.Random(11)
    for _ in range(1500):
        pieces = []
        for n in range(rng.randrange(1, 7)):
            if rng.random() < 0.4:
                content = rng.choice(CODE_CONTENTS)
                fence = "``" if "`" in content or rng.random() < 0.3 else "`"
                pieces.append(f"{fence}{' ' if content.startswith('`') else ''}{content}"
                              f"{' ' if content.endswith('`') else ''}{fence}")
            else:
                pieces.append(rng.choice(MARKED).format(f"w{n}"))
        line = " ".join(pieces)
        rendered = renderer.renderInline(line)
        body = lxml.html.document_fromstring(f"<html><body><p>{rendered}</p></body></html>", parser=html_parser())
        assert clean_inline(line) == " ".join(body.find("body").text_content().split()), (line, rendered)


def test_an_escaped_or_unmatched_backtick_opens_no_code_span():
    assert clean_inline("\\`not code\\` and *em*") == "`not code` and em"
    assert clean_inline("an `open one and **bold**") == "an `open one and bold"
    assert clean_inline("``a`` and `b`` c") == "a and `b`` c"


def test_bold_only_lines_and_setext_headings_are_hints(tmp_path):
    text = (
        "Report title\n============\n\nSummary\n-------\n\n**Target 1.1: Households with Internet access**\n\n"
        "Body text of the target.\n\nSee [the annex](#annex) and **this** too.\n"
    )
    blocks = read(_write(tmp_path, "r.txt", text)).blocks
    assert [(b.type, b.text, b.outline_level, b.bold) for b in blocks] == [
        ("heading", "Report title", 0, False),
        ("heading", "Summary", 1, False),
        ("paragraph", "Target 1.1: Households with Internet access", None, True),
        ("paragraph", "Body text of the target.", None, False),
        ("paragraph", "See the annex and this too.", None, False),
    ]


def test_markdown_report_tree_in_a_txt_file(tmp_path):
    text = (
        "**Agenda item: PL 3.1**\n\n# **Report on the Implementation**\n\n## **Summary**\n\nThis report covers a year.\n\n"
        "## 3. Results\n\n### 3.1 Results per Strategic Goal\n\n**Target 1.1: Households with Internet access**\n\n"
        "Households grew.\n\n**Target 1.2: Individuals using the Internet**\n\nIndividuals grew.\n\n"
        "### 3.2 [Finance](http://x.org/f)\n\n| Item | Amount |\n|---|---|\n| **Budget** | 10 |\n"
    )
    doc = load(_write(tmp_path, "report.txt", text), profile="generic")
    tree = [(s.number, s.title, doc.section(s.parent).title if s.parent else None, s.signal) for s in doc.sections]
    assert tree == [
        (None, "Agenda item: PL 3.1", None, "bold-line"),
        (None, "Report on the Implementation", None, "heading-style"),
        (None, "Summary", "Report on the Implementation", "heading-style"),
        ("3", "Results", "Report on the Implementation", "heading-style"),
        ("3.1", "Results per Strategic Goal", "Results", "heading-style"),
        (None, "Target 1.1: Households with Internet access", "Results per Strategic Goal", "bold-line"),
        (None, "Target 1.2: Individuals using the Internet", "Results per Strategic Goal", "bold-line"),
        ("3.2", "Finance", "Results", "heading-style"),
    ]
    table = doc.sections[-1].blocks[0]
    assert [[c.text for c in row] for row in table.rows] == [["Item", "Amount"], ["Budget", "10"]]


def test_heading_attributes_and_setext_only_markdown(tmp_path):
    text = "Annual report\n=============\n\nIntro.\n\nResults {#results .unnumbered}\n-------\n\nText *here*.\n"
    blocks = read(_write(tmp_path, "setext.txt", text)).blocks
    assert [(b.type, b.text) for b in blocks] == [
        ("heading", "Annual report"), ("paragraph", "Intro."), ("heading", "Results"), ("paragraph", "Text here."),
    ]
    blocks = read(_write(tmp_path, "attrs.txt", "# Introduction {#intro}\n\n## [Scope](#scope) {.unnumbered}\n")).blocks
    assert [b.text for b in blocks] == ["Introduction", "Scope"]


def test_plain_text_is_not_taken_for_markdown():
    word_text = "Objective 2 – Infrastructure\n1\tBackground\nInfrastructure is central.\n•\tproviding assistance;\n"
    assert not looks_like_markdown(word_text)
    assert not looks_like_markdown("#REG4COVID platform is launched.\nA line with * a star.\n")
    assert looks_like_markdown("# Title\n\ntext\n\n## Section\n")


def test_html_fragment_cells_become_paragraphs(tmp_path):
    text = (
        "Objectives\tOutputs\n"
        "<p>Objective 1 – Coordination</p> <ul style=\"x\"> <li>To promote cooperation</li> </ul>\t"
        "<p><b>WTSA</b></p>\n"
        "Plain cell with <p>literal</p> tag\tX\n"
    )
    table = read(_write(tmp_path, "cells.txt", text)).blocks[0]
    assert table.type == "table"
    cells = [[c.paragraphs for c in row] for row in table.rows]
    assert cells == [
        [["Objectives"], ["Outputs"]],
        [["Objective 1 – Coordination", "• To promote cooperation"], ["WTSA"]],
        [["Plain cell with <p>literal</p> tag"], ["X"]],
    ]
    assert table.rows[1][1].bold and not table.rows[1][0].bold
    assert html_paragraphs("Output <p>literal</p> text") is None


GRID = """\
Intro paragraph.

+----------------------+------------------------+
| Outcomes             | Outputs                |
+======================+========================+
| Strengthened         | - Number of Member     |
| capacity to use      |   States assisted      |
| t                    |                        |
| elecommunication/ICT | - Number of plans      |
+----------------------+------------------------+

  -----------------------------------------------------------------------
  Region
  -----------------------------------------------------------------------
  AFR Region

  AMS region
  -----------------------------------------------------------------------

  Name         Value
  ------------ --------
  Alpha        1
  Beta         2

After the tables.
"""


def test_pandoc_grid_multiline_and_simple_tables(tmp_path):
    blocks = read(_write(tmp_path, "grid.txt", GRID)).blocks
    assert [b.type for b in blocks] == ["paragraph", "table", "table", "table", "paragraph"]
    grid, multi, simple = blocks[1], blocks[2], blocks[3]
    assert [[c.paragraphs for c in row] for row in grid.rows] == [
        [["Outcomes"], ["Outputs"]],
        [["Strengthened capacity to use telecommunication/ICT"], ["- Number of Member States assisted", "- Number of plans"]],
    ]
    assert [[c.text for c in row] for row in multi.rows] == [["Region"], ["AFR Region"], ["AMS region"]]
    assert [[c.text for c in row] for row in simple.rows] == [["Name", "Value"], ["Alpha", "1"], ["Beta", "2"]]


BRACKETED = """\
The Internet of Things
(IoT) as well as Smart Grids concepts are fast becoming a reality in small island developing states
(SIDS) and elsewhere.

(a) Support the membership in planning;
(b) assist countries;
(iv) report on the results.

+----------------------------+----------------------------+
| Outcomes                   | Outputs                    |
+============================+============================+
| Improved access in least   | (a) Number of plans        |
| developed countries        | (b) Number of Member       |
| (LDCs) and small states    | States assisted            |
+----------------------------+----------------------------+
| Implementation from 2020   | Contact: the focal point   |
| – 2023, in all regions     | A. Smith, BDT              |
+----------------------------+----------------------------+
"""


def test_a_wrapped_line_opening_with_a_bracketed_acronym_goes_on_its_paragraph(tmp_path):
    """A wrapped line may open with an acronym in brackets ("(IoT) as well as"): it goes on its
    paragraph, or its table cell's. A letter, number or roman numeral in brackets ("(b)", "(iv)")
    opens a list item, in the body and in a cell; in a cell an en dash or a letter label does not.
    "(a)" and "(b)" follow on: list items with their labels; "(iv)" follows on from neither, and
    stays a paragraph (extract/numbered_items.py)."""
    blocks = read(_write(tmp_path, "bracketed.txt", BRACKETED)).blocks
    assert [(b.type, b.label, b.text) for b in blocks[:4]] == [
        ("paragraph", None, "The Internet of Things (IoT) as well as Smart Grids concepts are fast becoming a reality "
                            "in small island developing states (SIDS) and elsewhere."),
        ("list-item", "(a)", "Support the membership in planning;"),
        ("list-item", "(b)", "assist countries;"),
        ("paragraph", None, "(iv) report on the results."),
    ]
    table = blocks[4]
    assert [[c.paragraphs for c in row] for row in table.rows] == [
        [["Outcomes"], ["Outputs"]],
        [["Improved access in least developed countries (LDCs) and small states"],
         ["(a) Number of plans", "(b) Number of Member States assisted"]],
        # a dash or a letter label opens no item in a cell: a range and a name a narrow cell wrapped
        [["Implementation from 2020 – 2023, in all regions"], ["Contact: the focal point A. Smith, BDT"]],
    ]


def test_wrapped_paragraphs_are_joined_and_notes_read(tmp_path):
    text = (
        "Background\n\nInfrastructure is central for enabling universal, sustainable and\n"
        "affordable access to ICTs and services for all[1].\n\n-   providing assistance to Member\n"
        "    States on deployment;\n\n-   assisting countries in planning the introduction of new\n"
        "    network elements.\n\nThe ICT sector is characterized by rapid technological change, and\n"
        "by convergence of platforms.\n\n[1] In this document the term is used in its broadest\nsense.\n"
    )
    raw = read(_write(tmp_path, "wrapped.txt", text))
    assert [(b.type, b.text) for b in raw.blocks] == [
        ("paragraph", "Background"),
        # The note's mark "[1]" is no text of the paragraph, as Word's reference mark is none in a .docx.
        ("paragraph", "Infrastructure is central for enabling universal, sustainable and affordable access to ICTs and services for all."),
        ("list-item", "providing assistance to Member States on deployment;"),
        ("list-item", "assisting countries in planning the introduction of new network elements."),
        ("paragraph", "The ICT sector is characterized by rapid technological change, and by convergence of platforms."),
    ]
    assert [(f.label, f.text) for f in raw.footnotes] == [("1", "In this document the term is used in its broadest sense.")]


def test_word_text_lines_are_not_joined(tmp_path):
    text = "Output 2.1 – Products\n1\tBackground\nInfrastructure is central.\nThe ICT sector changes.\n"
    assert _texts(_write(tmp_path, "word.txt", text)) == [
        ("paragraph", "Output 2.1 – Products"),
        ("paragraph", "1\tBackground"),
        ("paragraph", "Infrastructure is central."),
        ("paragraph", "The ICT sector changes."),
    ]


def test_all_caps_lines_are_a_heading_signal(tmp_path):
    text = "STRATEGIC GOALS AND TARGETS\nThe goals are set out below.\nGOAL 1: GROWTH\nEnable growth.\nITU and WSIS\nMore text.\n"
    doc = load(_write(tmp_path, "caps.txt", text), profile="generic")
    assert [(s.title, s.signal) for s in doc.sections] == [
        ("STRATEGIC GOALS AND TARGETS", "caps-line"), ("GOAL 1: GROWTH", "caps-line"),
    ]
    assert [b.text for b in doc.sections[1].blocks] == ["Enable growth.", "ITU and WSIS", "More text."]


def test_lines_in_caseless_scripts_are_not_all_caps(tmp_path):
    """A line of Arabic, Chinese or Japanese has no lower-case letter because its script has no
    case: it is a paragraph, and a Cyrillic line in capitals is still a heading."""
    text = ("STRATEGIC GOALS\nThe goals are set out below.\nالهدف الاستراتيجي للنمو\n实现普遍接入\n"
            "日本語の地域イニシアティブ\nСТРАТЕГИЧЕСКИЕ ЦЕЛИ\nЦели изложены ниже.\n")
    doc = load(_write(tmp_path, "caseless.txt", text), profile="generic")
    assert [(s.title, s.signal) for s in doc.sections] == [
        ("STRATEGIC GOALS", "caps-line"), ("СТРАТЕГИЧЕСКИЕ ЦЕЛИ", "caps-line"),
    ]
    assert [b.text for b in doc.sections[0].blocks] == [
        "The goals are set out below.", "الهدف الاستراتيجي للنمو", "实现普遍接入", "日本語の地域イニシアティブ",
    ]


@pytest.mark.parametrize(
    ("text", "paragraphs", "notes"),
    [
        # Notes close the document, each cited above.
        ("Intro cites [1] and [2].\n\nMore body text.\n\n[1] First note.\n\n[2] Second note.\n",
         ["Intro cites [1] and [2].", "More body text."], [("1", "First note."), ("2", "Second note.")]),
        # A paragraph after it: "[1] …" is text, not a note.
        ("Intro cites [1].\n\n[1] Looks like a note.\n\nBut a paragraph follows.\n",
         ["Intro cites [1].", "[1] Looks like a note.", "But a paragraph follows."], []),
        # Neither cited nor after a separator line: text.
        ("Intro without citations.\n\n[3] Uncited mark.\n", ["Intro without citations.", "[3] Uncited mark."], []),
        # After a separator line of underscores, uncited marks are notes; the line Word draws above
        # its notes is no paragraph.
        ("Intro without citations.\n\n____________\n\n[3] After the separator.\n\n[4] Another.\n",
         ["Intro without citations."], [("3", "After the separator."), ("4", "Another.")]),
    ],
)
def test_plain_notes_only_at_the_end_and_cited_or_after_a_separator(tmp_path, text, paragraphs, notes):
    raw = read(_write(tmp_path, "notes.txt", text))
    assert [b.text for b in raw.blocks] == paragraphs
    assert [(f.label, f.text) for f in raw.footnotes] == notes


def test_word_tab_led_table_runs_on_across_blank_lines(tmp_path):
    text = "Title line\n\tOutcomes\n\tOutputs\n\n\tA1\n\n\n\tB1\n\tA2\n\tB2\n\n\nAfter the table.\n"
    blocks = read(_write(tmp_path, "tabled.txt", text)).blocks
    assert [b.type for b in blocks] == ["paragraph", "table", "paragraph"]
    assert [[c.text for c in row] for row in blocks[1].rows] == [["Outcomes", "Outputs"], ["A1", "B1"], ["A2", "B2"]]
    assert blocks[2].text == "After the table."


def test_markdown_html_block_is_read_as_html(tmp_path):
    """pandoc's gfm and commonmark writers put a table whose cells hold lists in an HTML block (lines
    from a block tag to a blank line): it is a table with its rows, cells and list items, each block
    at the line it starts on. Read line by line, its tags were stripped and every cell was a paragraph."""
    text = ("# Objective 2\n\n<table>\n<thead>\n<tr class=\"header\">\n<th>Outcomes</th>\n<th>Indicators</th>\n"
            "</tr>\n</thead>\n<tbody>\n<tr class=\"odd\">\n<td>Enhanced capacity of members.</td>\n<td><ul>\n"
            "<li><p>Number of guidelines</p></li>\n<li><p>Number of users</p></li>\n</ul></td>\n</tr>\n</tbody>\n"
            "</table>\n\n<p><b>Bold line</b></p>\n<p>Plain line</p>\n\nAfter the block.\n")
    raw = read(_write(tmp_path, "gfm.md", text))
    assert [(b.type, b.loc.line) for b in raw.blocks] == [("heading", 1), ("table", 3), ("paragraph", 21),
                                                          ("paragraph", 22), ("paragraph", 24)]
    table = raw.blocks[1]
    assert table.rows is not None
    assert [[c.paragraphs for c in row] for row in table.rows] == [
        [["Outcomes"], ["Indicators"]],
        [["Enhanced capacity of members."], ["• Number of guidelines", "• Number of users"]],
    ]
    assert [(c.loc.paragraph, c.loc.line, c.loc.row, c.loc.col) for c in table.rows[1]] == [(1, 3, 1, 0), (1, 3, 1, 1)]
    assert [(b.text, b.bold) for b in raw.blocks[2:]] == [("Bold line", True), ("Plain line", False),
                                                           ("After the block.", False)]


def test_markdown_block_quotes_lose_their_marks(tmp_path):
    """pandoc quotes an indented Word paragraph: "> • Programmes", ">", "> • Regional initiatives"
    were one paragraph holding the marks ("> • Programmes > > • Regional initiatives")."""
    text = "# Structure\n\n• Outputs, including:\n\n> • Programmes\n>\n> • Regional initiatives\n> > nested quote\n\nEnd.\n"
    assert _texts(_write(tmp_path, "q.md", text)) == [
        ("heading", "Structure"), ("list-item", "Outputs, including:"), ("list-item", "Programmes"),
        ("list-item", "Regional initiatives nested quote"), ("paragraph", "End."),
    ]


@pytest.mark.parametrize("lines, width, paragraph", [
    # a word that just fills the column, after a line of several words: a word of its own
    (["promoting the use of", "telecommunication/ICTs", "to mitigate"], 22,
     "promoting the use of telecommunication/ICTs to mitigate"),
    # a word longer than the column: its head alone on a line, its tail filling the next
    (["stakeholders on", "t", "elecommunication/ICT", "issues"], 20, "stakeholders on telecommunication/ICT issues"),
    (["see", "https://www", ".itu.int/en/ITU-D/", "Pages/default.aspx", "now"], 18,
     "see https://www.itu.int/en/ITU-D/Pages/default.aspx now"),
    # a one-word line, then a word that just fits the column but cannot continue it
    (["Producing... To", "produce", "Recommendations", "on", "rad", "iocommunication"], 15,
     "Producing... To produce Recommendations on radiocommunication"),
    (["groups,", "conference", "sessions"], 10, "groups, conference sessions"),
])
def test_pandoc_cell_lines_glue_only_a_broken_word(lines, width, paragraph):
    from actionplan_trace.extract.text_tables import _paragraphs

    assert _paragraphs(lines, width) == [paragraph]


def test_an_empty_atx_heading_is_no_block(tmp_path):
    """pandoc writes a heading whose text a tracked deletion removed as "####" or "3.  ###": no text,
    so no block (they were paragraphs "####" and "3. ###")."""
    text = "# Title\n\nBody.\n\n####\n\n#### \n\n3.  ###\n\n## Next\n"
    assert _texts(_write(tmp_path, "e.md", text)) == [("heading", "Title"), ("paragraph", "Body."), ("heading", "Next")]


@pytest.mark.parametrize(
    ("name", "content"),
    [("plan.txt", "Objective 1\n\nSee WTDC Resolu\u00adtions 34, 35 and ITU\u2011D Study Group 2.\n"),
     ("plan.md", "# Objective 1\n\nSee WTDC Resolu&shy;tions 34, 35 and ITU&#8209;D Study Group 2.\n"),
     ("plan.html", "<h1>Objective 1</h1><p>See WTDC Resolu&shy;tions 34, 35 and ITU&#x2011;D Study Group 2.</p>"),
     ("plan.docx", None)],
)
def test_a_typed_soft_hyphen_is_nothing_and_a_non_breaking_one_a_hyphen(tmp_path, name, content):
    """Shown only at a line's end, a soft hyphen ("Resolu-tions") must not hide the words it sits in."""
    path = tmp_path / name
    if content is None:
        import docx

        document = docx.Document()
        document.add_paragraph("Objective 1")
        document.add_paragraph("See WTDC Resolu\u00adtions 34, 35 and ITU\u2011D Study Group 2.")
        document.save(str(path))
    else:
        path.write_text(content, encoding="utf-8")
    texts = [text for _, text in _texts(path)]
    assert "See WTDC Resolutions 34, 35 and ITU-D Study Group 2." in texts
    result = run_cli("refs", str(path), "-f", "json")
    import json

    assert [r["id"] for r in json.loads(result.stdout)["refs"]] == ["WTDC-RES-34", "WTDC-RES-35", "ITU-D-SG2"]


@pytest.mark.parametrize("separator", ["\f", "\v", "\u2028", "\u2029", "\x85", "\x1c"])
def test_line_numbers_count_line_ends_only(tmp_path, separator):
    """A form feed (pdftotext's page break), vertical tab or Unicode line separator is no line end
    to an editor, grep or GitHub: the lines after it keep the numbers they show."""
    lines = ["Objective 1 – Coordination", "", f"{separator}First paragraph of page two.", "",
             f"Second{separator}paragraph, with PP Resolution 71.", "", "Third paragraph.\r", ""]
    path = _write(tmp_path, "paged.txt", "\n".join(lines))
    placed = {b.text.split()[0].strip(separator): b.loc.line for b in read(path).blocks}
    assert placed == {"Objective": 1, "First": 3, "Second": 5, "Third": 7}
    data = run_cli("refs", str(path), "-f", "json").stdout
    import json

    assert [(r["id"], r["loc"]["line"]) for r in json.loads(data)["refs"]] == [("PP-RES-71", 5)]


def _blank_separated(path: Path) -> str:
    """A Word text export made blank-line separated: each non-blank line a paragraph of its own."""
    return "\n\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()) + "\n"


@pytest.mark.parametrize("width", [72, 60, 90])
def test_paragraphs_rewrapped_in_a_text_read_line_by_line_change_nothing(tmp_path, width) -> None:
    """A secretary re-wraps some paragraphs of a one-paragraph-a-line text at `width` columns
    (those of three lines or more; two lines are tested below): the same blocks are read (white
    space aside: textwrap collapses a double space), and diff
    finds no difference (before: one added paragraph a wrapped line, the original removed, and
    its references split between them)."""
    import textwrap

    from actionplan_trace.diff import compare

    text = _blank_separated(CORPUS / "text" / "objective2-new.txt")
    rewrapped = []
    for k, paragraph in enumerate(text.split("\n\n")):
        wraps = k % 3 == 0 and "\t" not in paragraph and not paragraph.startswith(("•", "·", "-")) and len(paragraph) > 2 * width
        rewrapped.append(textwrap.fill(paragraph, width) if wraps else paragraph)
    assert sum("\n" in p for p in rewrapped) >= 8
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(text, encoding="utf-8")
    new.write_text("\n\n".join(rewrapped), encoding="utf-8")
    assert [" ".join(b.text.split()) for b in read(new).blocks] == [" ".join(b.text.split()) for b in read(old).blocks]
    assert compare(old, new).visible() == []  # the double spaces textwrap collapsed are hidden as space


LONG_LINES = "".join(f"Paragraph {n} of a Word text export, one paragraph a line: far longer than any measure a "
                     f"text is wrapped at, so the text is not hard-wrapped as a whole.\n" for n in range(1, 5))


@pytest.mark.parametrize("lines", [
    ["Table 4.2 - Objectives, outputs, expected results and key performance", "indicators of ITU-R"],
    ["Communications no longer just connect people: the Internet of Things", "(IoT) as well as Smart Grids."],
    ["The implementation of the WSIS Action Lines C2 and C9 will support Output",
     "2.1 and will contribute to the achievement of Outcome 2.1"],
    ["Increasing the knowledge and capacity of developing countries in the", "Standardization Gap programme."],
])
def test_a_paragraph_wrapped_over_two_lines_is_one(tmp_path, lines) -> None:
    """Two lines of a re-wrapped paragraph, in a text whose longer wrapped paragraphs show the
    measure (73 columns here): the first fills it and runs on into the second (no capital after
    it, or a connecting word before the break): one paragraph. Without such a measure, or when
    the second line is one bare word, two."""
    wrapped = ("Infrastructure is central for enabling universal, sustainable, ubiquitous\n"
               "and affordable access to ICTs and services for all, in rural and urban\nareas alike.")
    path = tmp_path / "plan.txt"
    path.write_text(f"{LONG_LINES}Rural communications\n\n{wrapped}\n\n" + "\n".join(lines) + "\n\nChoosing "
                    "efficient technologies will help.\n", encoding="utf-8")
    assert [b.text for b in read(path).blocks][4:] == ["Rural communications", " ".join(wrapped.split()), " ".join(lines),
                                                       "Choosing efficient technologies will help."]
    alone = tmp_path / "alone.txt"
    alone.write_text(LONG_LINES + "\n".join(lines) + "\n", encoding="utf-8")
    assert [b.text for b in read(alone).blocks][4:] == lines


def test_a_resolution_preamble_keeps_its_one_word_paragraphs(tmp_path) -> None:
    """"The World Telecommunication Development Conference (Buenos Aires, 2017)," then "recalling":
    two paragraphs, even in a text with wrapped paragraphs of that measure (a review found them
    joined)."""
    path = tmp_path / "res.txt"
    path.write_text(LONG_LINES + "Infrastructure is central for enabling universal, sustainable, ubiquitous\n"
                    "and affordable access to ICTs and services for all, in rural and urban\nareas alike.\n\n"
                    "The World Telecommunication Development Conference (Buenos Aires, 2017),\nrecalling\n"
                    "a)\tResolution 37 (Rev. Dubai, 2014);\n", encoding="utf-8")
    texts = [b.text for b in read(path).blocks]
    assert texts[5:7] == ["The World Telecommunication Development Conference (Buenos Aires, 2017),", "recalling"]


def test_a_title_line_then_a_sentence_stay_two_paragraphs(tmp_path) -> None:
    """A short title above its paragraph, and a sentence ending before the next line, are not
    one wrapped paragraph."""
    path = tmp_path / "plan.txt"
    path.write_text("Rural communications\nRural populations will need to be provided with telephony and broadband.\n"
                    "Choosing efficient, cost-effective and fast deployment technologies will help.\n", encoding="utf-8")
    assert [b.text[:20] for b in read(path).blocks] == ["Rural communications", "Rural populations wi", "Choosing efficient, "]


def test_reading_short_lines_without_blank_lines_is_linear(tmp_path, monkeypatch) -> None:
    """A one-paragraph-a-line text of short lines and no blank lines: the lines each paragraph is
    tested against (block starts looked at: each looks its lead up in BLOCK_LEADS, in starts_block
    or in the run scan that writes its test out) grow with the text, not with its square (the
    wrapped-paragraph test read the rest of the run again from every line: 8,000 lines took 18 s)."""
    from actionplan_trace.extract import text as text_reader

    calls = 0

    class Counted(frozenset):
        def __contains__(self, lead: object) -> bool:
            nonlocal calls
            calls += 1
            return super().__contains__(lead)

    monkeypatch.setattr(text_reader, "BLOCK_LEADS", Counted(text_reader.BLOCK_LEADS))
    counts = []
    for n in (1000, 4000):
        calls = 0
        path = tmp_path / f"short-{n}.txt"
        path.write_text(LONG_LINES + "".join(f"Member State {k} reported progress on broadband and on spectrum planning.\n"
                                             for k in range(n)), encoding="utf-8")
        assert len(read(path).blocks) == n + 4
        counts.append(calls)
    assert 0 < counts[1] < 5 * counts[0]


def test_markdown_html_blocks_read_as_lines_are_scanned_once(monkeypatch, tmp_path):
    """Found in review: 20,000 lines of `<p>…</p>` with no blank line took a minute, and 40,000
    lines of `<div>` and `<p>` six: each line opening with a block tag was taken for the start of an
    HTML block, scanned to the block's end and read again, though the block was to be read line by
    line (each line a fragment, or markup lxml stops at). Now the block is scanned once."""
    from actionplan_trace.extract import html, text

    fragments, blocks = [], []
    real_fragment, real_blocks = text.is_fragment, html.fragment_blocks
    monkeypatch.setattr(text, "is_fragment", lambda line: fragments.append(line) or real_fragment(line))
    monkeypatch.setattr(html, "fragment_blocks", lambda *args: blocks.append(args) or real_blocks(*args))
    lines = _write(tmp_path, "fragments.md", "".join(f"<p>Resolution {n}</p>\n" for n in range(2000)))
    assert [b.text for b in read(lines).blocks] == [f"Resolution {n}" for n in range(2000)]
    assert len(fragments) <= 2 * 2000 and blocks == []
    deep = _write(tmp_path, "deep.md", "<div>\n<p>\n" * 1000 + "\nAfter.\n")
    assert read(deep).blocks[-1].text == "After."
    assert len(blocks) == 1


def test_a_contents_run_of_one_title_again_and_again_is_read_once(monkeypatch, tmp_path):
    """Found in review: 20,000 lines "Strengthening telecommunication capacity N", twice over (the
    numbers read as page numbers, so every entry has one title), timed out: each entry read every
    later line opening alike. Each line is now read once for each title."""
    from actionplan_trace import contents

    copies = []
    real = contents._copy
    monkeypatch.setattr(contents, "_copy", lambda key, title: copies.append(key) or real(key, title))
    lines = "".join(f"Strengthening telecommunication capacity {n}\n\n" for n in range(1, 2001))
    raw = read(_write(tmp_path, "runs.txt", "Objective 2\n\n" + lines * 2))
    assert len(raw.blocks) == 4001
    assert len(copies) <= 3 * 2000


@pytest.mark.parametrize("marks", [("", ""), ("¹", "⁵")])
def test_a_line_titling_the_next_tab_table_is_no_group_row(tmp_path, marks):
    """Two roadmaps' tables typed with tabs, each under its action line's heading, no blank line
    between: a black-box review found the second heading and header taken for rows of the first
    table (a group row, then data), the C4 outcomes filed under C7 and its header read as an
    outcome. A line without tabs before the header's cells again ends the table (their note
    marks renumbered, as the seed roadmap's are); one before other rows is still a group row."""
    header = "WSIS Outcomes{m} (WSIS AL {al})\tProposed Timing{m}\tITU Strategic Goals{m}\tLinkages with the SDGs"
    text = "\n".join([
        "WSIS Action Line C7: ICT applications", header.format(al="C7", m=marks[0]), "A: e-health\t2020\tGoal 1\t3.8",
        "Geneva Plan of Action", "B: e-gov\t2021\tGoal 2\t16.10",
        "WSIS Action Line C4: Capacity building", header.format(al="C4", m=marks[1]), "a. skills\t2021\tGoal 2\t4.4", ""])
    blocks = _texts(_write(tmp_path, "roadmaps.txt", text))
    assert [kind for kind, _ in blocks] == ["paragraph", "table", "paragraph", "table"]
    assert blocks[2][1] == "WSIS Action Line C4: Capacity building"
    rows = [b.rows for b in read(tmp_path / "roadmaps.txt").blocks if b.rows]
    assert [[c.text for c in row] for row in rows[0]][2] == ["Geneva Plan of Action", "", "", ""]
    assert [[c.text for c in row][0] for row in rows[1]] == [f"WSIS Outcomes{marks[1]} (WSIS AL C4)", "a. skills"]


def test_short_lines_grouped_by_blank_lines_stay_lines_and_a_wrapped_text_is_joined(tmp_path: Path) -> None:
    """A text typed a paragraph a line, its groups set apart by blank lines ("MOD<tab>RCC/7/2",
    "Output 1.6", "Background …"), was read as hard-wrapped (pandoc's) and each group joined into
    one paragraph: a line that had room for the next one's first word was taken to run on. Text
    wrapped at a measure (each line full) is still joined."""
    typed = ["Source:\tRegional Commonwealth in the field of Communications (RCC)",
             "Title:\tCommon proposals of the RCC Administrations on the Action Plan", ""]
    for k in range(1, 6):
        typed += [f"MOD\tRCC/7/{k}", f"Output 1.{k}", "Background and Implementation framework",
                  "Add the following sentence at the end of the section:", "Particular attention will be given.",
                  "Reasons: see the summary.", ""]
    path = tmp_path / "typed.txt"
    path.write_text("\n".join(typed), encoding="utf-8")
    texts = [b.text for b in read(path).blocks if b.rows is None]
    assert texts[:6] == ["MOD\tRCC/7/1", "Output 1.1", "Background and Implementation framework",
                         "Add the following sentence at the end of the section:", "Particular attention will be given.",
                         "Reasons: see the summary."]
    import textwrap
    sentence = ("The Telecommunication Development Bureau will assist Member States in developing national "
                "broadband plans and policies, and in the deployment of resilient networks in rural areas. ")
    wrapped = "\n\n".join(textwrap.fill(sentence * 3, 72) for _ in range(6))
    path = tmp_path / "wrapped.txt"
    path.write_text(wrapped, encoding="utf-8")
    assert [b.text for b in read(path).blocks] == [(sentence * 3).strip()] * 6


def test_a_tab_separated_tables_cells_are_at_their_rows_lines(tmp_path: Path) -> None:
    """A black-box review: every reference in a roadmap's tab-separated table said the table's
    first line ("line 11, row 4" for a row on line 14). A row of such a table is one line: its
    cells are placed there; the table itself stays at its first line."""
    path = tmp_path / "roadmap.txt"
    path.write_text("WSIS Action Line C6 roadmap\n\nSome words before the table.\n\n"
                    "WSIS Outcomes\tTiming\tSDGs\n"
                    "A: Governments should foster a supportive environment\t2020–2023\t1.4, 5.b\n"
                    "B: Governments should formulate national strategies\t2020–2025\t9.c\n", encoding="utf-8")
    (table,) = [b for b in read(path).blocks if b.rows is not None]
    assert table.loc.line == 5
    assert [[cell.loc.line for cell in row] for row in table.rows] == [[5, 5, 5], [6, 6, 6], [7, 7, 7]]
    refs = run_cli("refs", str(path), "-f", "json")
    lines = {r["id"]: r["loc"]["line"] for r in json.loads(refs.stdout)["refs"]}
    assert (lines["SDG-1.4"], lines["SDG-5.b"], lines["SDG-9.c"]) == (6, 6, 7)
