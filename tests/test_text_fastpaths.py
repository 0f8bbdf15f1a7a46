"""The text reader's shortcuts against the plain versions they replace: each oracle below is the
straightforward reading of the rule (every line through the regex, every count taken), and the
reader's own function must answer the same on real renderings and on mixtures of their lines."""

from __future__ import annotations

import html
import random
import re

from actionplan_trace.extract.inline import clean_inline
from actionplan_trace.text_patterns import LIST_ITEM, may_open_item
from actionplan_trace.contents import page_start
from actionplan_trace.extract.text import MD_SIGNALS, SENTENCE_END, SETEXT_SIGNAL, WRAP_MAX, _markdown_counts, \
    _Reader, is_wrapped, looks_like_markdown

from conftest import CORPUS, SHARED


def _markdown_oracle(text: str) -> bool:
    lines = text.splitlines()[:20000]
    counts = [sum(1 for line in lines if pattern.search(line)) for *_, pattern in MD_SIGNALS]
    setext = sum(1 for k, line in enumerate(lines)
                 if SETEXT_SIGNAL.match(line) and k and lines[k - 1].strip() and lines[k - 1][0] != " ")
    return any(_markdown_counts(counts[:n], 0) for n in range(1, len(counts) + 1)) or _markdown_counts(counts, setext)


def _runs_on_oracle(lines: list[str]) -> bool:
    """At least half of two or more breaks between lines of text (not before a blank line, a list
    item, a table line, nor at a tab) fall mid-sentence: after a connecting word, or before lower
    case or a number that is no label; and some line is 50 characters long."""
    breaks = [(a.rstrip(), b.strip()) for a, b in zip(lines, lines[1:])
              if a.strip() and b.strip() and b.lstrip()[0] not in "|+" and "\t" not in a + b
              and not LIST_ITEM.match(b)]
    on = [a for a, b in breaks if not a.endswith(SENTENCE_END) and (
        b[0].islower() or re.search(r"\b(?:and|or|of|the|to|for|in|with|a|an|by|on|as|at|from|that|which)$", a)
        or (b[0].isdigit() and not re.match(r"\d{1,2}(?:\.\d{1,2})*[.)]", b)))]
    return len(breaks) >= 2 and 2 * len(on) >= len(breaks) and max(map(len, lines), default=0) >= 50


def _wrapped_oracle(lines: list[str]) -> bool:
    body = [l for l in lines if l.strip() and not l.lstrip().startswith(("|", "+"))]
    if len(body) < 6:
        return _runs_on_oracle(lines)
    blank = sum(1 for l in lines if not l.strip())
    lengths = sorted(len(l.rstrip()) for l in body)
    p90, p95 = lengths[int(len(lengths) * 0.9) - 1], lengths[int(len(lengths) * 0.95) - 1]
    runs = sum(1 for a, b in zip(lines, lines[1:]) if a.strip() and b.strip() and len(a.rstrip()) >= 50)
    if p95 > WRAP_MAX or runs < 3:
        return False
    if blank >= 0.1 * len(lines) and p95 <= 80:
        # ragged: most breaks inside a run (not before a list item or a table line) had room for
        # the next line's first word within p90
        breaks = [(a.rstrip(), b) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()
                  and b.lstrip()[0] not in "|+" and not may_open_item(b, b.lstrip()[0])]
        early = sum(1 for a, b in breaks if len(a) + 1 + len(b.split()[0]) <= p90)
        return not (breaks and 2 * early > len(breaks)) or _runs_on_oracle(lines)
    mid_sentence = sum(1 for a, b in zip(lines, lines[1:])
                       if len(a.rstrip()) >= 50 and not a.rstrip().endswith(SENTENCE_END) and b.strip()[:1].islower())
    return p90 >= 50 and (mid_sentence >= max(3, 0.1 * len(body)) or _runs_on_oracle(lines))


# Lines of the kinds the shortcuts look for, some only nearly so.
ODD_LINES = ["# Title", "#hashtag", "**Bold line**", "__Bold__:", "**snake_case**", "__a * b__", "a * b",
             "snake_case", "[link](x)", "[x]", "| a | b |", "|---|---|", "a | b", "\\*", "]{#id}", "[^1]: note",
             "===", "---", "--", " ---", "-----  ", "====x", "\t---", "  | x |", "+---+---+", "", "", "   "]


def _documents() -> list[str]:
    paths = sorted((CORPUS / "text").rglob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def test_markdown_and_wrap_shortcuts_answer_as_the_plain_rules(monkeypatch):
    documents = _documents()
    rng = random.Random(5)
    pool = [line for doc in documents for line in doc.splitlines()]
    wrapped = [" ".join(rng.choices(pool[:400], k=3))[:rng.randrange(40, 90)] for _ in range(60)]
    samples = list(documents)
    for size in (5, 12, 40, 200):
        for _ in range(25):
            lines = rng.sample(pool, size) + rng.choices(ODD_LINES + wrapped, k=rng.randrange(size))
            rng.shuffle(lines)
            samples.append("\n".join(lines))
    samples += ["\n".join(rng.choices(wrapped + ["", ""], k=40)) for _ in range(20)]
    verdicts = set()
    for text in samples:
        lines = text.splitlines()
        assert looks_like_markdown(text) == looks_like_markdown(text, lines) == _markdown_oracle(text), text[:300]
        for few in (1, 10**9):  # every line holding a signal found in the whole text; each line tested
            monkeypatch.setattr("actionplan_trace.extract.text.FEW_LINES", few)
            assert looks_like_markdown(text, lines) == _markdown_oracle(text), (few, text[:300])
        monkeypatch.undo()
        assert is_wrapped(lines) == _wrapped_oracle(lines), text[:300]
        verdicts.add((_markdown_oracle(text), _wrapped_oracle(lines)))
    assert verdicts >= {(True, False), (False, True), (False, False)}, "the samples reach every answer"


def _clean_oracle(text: str) -> str:
    """clean_inline's passes, each run on every text with re's own r"\\1" template (for the
    passes that keep a match's first group), code spans and escapes set aside before and put back after."""
    from actionplan_trace.extract import inline

    codes: list[str] = []
    out = text if inline.CODE_MARK in text else inline.CODE.sub(inline._placer(codes, inline.CODE_MARK, inline._code_text), text)
    escapes: list[str] = []
    if inline.ESCAPE_MARK not in text:
        out = inline.ESCAPE.sub(inline._placer(escapes, inline.ESCAPE_MARK, inline._FIRST_GROUP), out)
    for _, pattern, replacement in inline._PASSES_BEFORE_LINKS:
        out = pattern.sub(r"\1" if replacement is inline._FIRST_GROUP else replacement, out)
    for _ in range(3):
        before = out
        out = inline.REF_LINK.sub(r"\1", inline.LINK.sub(r"\1", inline.SPAN.sub(r"\1", out)))
        if out == before:
            break
    for _, pattern, replacement in inline._PASSES_AFTER_LINKS:
        out = pattern.sub(r"\1" if replacement is inline._FIRST_GROUP else replacement, out)
    out = inline.ESCAPE_PLACE.sub(lambda m: escapes[int(m.group(1))], html.unescape(out))
    return _tidy(inline.CODE_PLACE.sub(lambda m: codes[int(m.group(1))], out))


def _tidy(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text).strip()


MARKS = ["**", "*", "__", "_", "~~", "`", "[a](http://x.org/p)", "[b]{.underline}", "[c][1]", "[]{#_Toc1}", "[d]",
         "![e](i.png)", "[^2]", "<b>", "</b>", "<br/>", "<https://itu.int>", "&amp;", "&lt;", "---", "--", "\\*",
         "\\[", "<!-- x -->", "<!--", "<!-->", "-->", "<?xml v?>", "<?a>b?>", "<!DOCTYPE x>", "<![CDATA[a>b]]>",
         "word", "Output 2.1", "  ", "\t", " ", "(", ")", "]", "[", "{", "}"]


def test_wrap_verdict_at_the_measure_limit_as_the_sorted_lengths_give_it():
    """is_wrapped says no without sorting when too many body lines are longer than WRAP_MAX: the
    same verdicts as the plain rules on texts whose 95th percentile sits at the limit, with blank
    and table lines (which are not counted) of any length among them."""
    from actionplan_trace.extract.text import line_leads

    rng = random.Random(21)
    words = "the of output and to plan in for regional development members".split()

    def line(length: int) -> str:
        text = " ".join(rng.choices(words, k=40))[:length]
        return text.rstrip() + "x" * (length - len(text.rstrip()))

    verdicts = set()
    for _ in range(300):
        size = rng.randrange(6, 90)
        lines = [line(rng.choice((rng.randrange(50, 100), WRAP_MAX, WRAP_MAX + 1, rng.randrange(101, 140))))
                 for _ in range(size)]
        lines += rng.choices(["", "  ", "| " + "y" * 150, "+---+", "  |" + "z" * 120, "\t"], k=rng.randrange(0, 12))
        rng.shuffle(lines)
        assert is_wrapped(lines) == is_wrapped(lines, line_leads(lines)) == _wrapped_oracle(lines), lines
        verdicts.add(_wrapped_oracle(lines))
    assert verdicts == {True, False}


def test_private_use_bullets_replaced_as_every_line_through_the_regex():
    """_pua_bullets hands the regex only the lines whose lead is a private-use character, and none
    when no lead is one: the same lines as the regex on every line, and their leads."""
    from actionplan_trace.extract.text import PUA_LEAD, _pua_bullets, line_leads
    from actionplan_trace.text_patterns import pua_bullet

    def plain(lines: list[str]) -> list[str]:
        return [PUA_LEAD.sub(lambda m: m.group(1) + pua_bullet(ord(m.group(2)) - 0xF000), line) for line in lines]

    rng = random.Random(22)
    pieces = ["\uf0b7", "\uf0a7", "\uefff", "\uf100", "\uf000", "\uf0ff", " ", "\t", "\u00a0", "x", "Item", "•"]
    pool = [line for doc in _documents() for line in doc.splitlines()][:3000]
    samples = [pool, ["\uf0b7 item", "  \uf0a7\tsub", "\uf0b7x", "a \uf0b7 b", ""]]
    samples += [rng.sample(pool, 30) + ["".join(rng.choices(pieces, k=rng.randrange(1, 6))) for _ in range(20)]
                for _ in range(100)]
    for lines in samples:
        ours, leads = _pua_bullets(lines, line_leads(lines))
        assert ours == plain(lines), lines
        assert leads == line_leads(ours)
    assert any(plain(lines) != lines for lines in samples)


def test_inline_cleaning_shortcuts_give_the_plain_passes_text():
    rng = random.Random(3)
    texts = [line for doc in _documents() for line in doc.splitlines() if line.strip()][:3000]
    texts += ["".join(rng.choices(MARKS, k=rng.randrange(1, 12))) for _ in range(3000)]
    for text in texts:
        assert clean_inline(text) == _clean_oracle(text), text


TABLE_LINES = ["+---+---+", "| a | b |", "+===+===+", "|---|---|", "  ---  ---", "a  b", "-----  -----", "x\ty\tz",
               "1.\tItem", "\tcell", "\t", "- item", "-", "| x", "+ plus", "---", ""]


def test_table_readers_tried_only_where_they_may_read_find_the_same_tables(tmp_path):
    """The reader tries a table reader only where its first test could pass (by the line's first
    character, the next line's, a tab; _Reader.table): where that test fails, the reader finds
    no table (so trying it there would change nothing), on the corpus's and the seeds' lines and
    on lines mixed with table lines; and the gated reader does read tables from them."""
    from actionplan_trace.extract import read
    from actionplan_trace.extract.text import line_leads
    from actionplan_trace.extract.text_tables import dash_table, grid_table, may_open_table, pipe_table, tsv_table

    rng = random.Random(9)
    pool = [line for doc in _documents() for line in doc.splitlines()]
    docs = [p.read_text(encoding="utf-8").splitlines()
            for p in sorted((CORPUS / "text").rglob("*.txt"))[:6] + sorted((SHARED / "seeds").glob("*.txt"))[:3]]
    for k in range(12):
        lines = rng.sample(pool, 60) + rng.choices(TABLE_LINES, k=60) + (["# Title", "**bold**"] if k % 2 else [])
        rng.shuffle(lines)
        docs.append(lines)
    tables = 0
    for lines in docs:
        leads = line_leads(lines)
        readers = [_Reader(lines, markdown, False, leads=leads) for markdown in (False, True)]
        for i, (line, lead) in enumerate(zip(lines, leads)):
            nxt, after = (lines[i + 1], leads[i + 1]) if i + 1 < len(lines) else ("", "")
            dashed = (lead == "-" and "---" in line) or (after == "-" and "---" in nxt)
            gates = ((grid_table, lead == "+"), (dash_table, dashed),
                     (tsv_table, "\t" in line and (line[0] != "\t" or line.count("\t") > 1)), (pipe_table, lead == "|"))
            for reader, gate in gates:
                if not gate:
                    assert reader(lines, i, 0, str.strip) is None, (reader.__name__, lines[i:i + 3])
            for reader in readers:  # and where may_open_table says no, the reader's own table() finds none
                if lead and not may_open_table(line, lead, nxt, after, reader.markdown):
                    assert reader.table(i) is None and not reader.blocks, (reader.markdown, lines[i:i + 3])
    for k, lines in enumerate(docs[-12:]):
        path = tmp_path / f"mix{k}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        tables += sum(b.type == "table" for b in read(path).blocks)
    assert tables > 20


def test_contents_entry_end_told_without_the_regex_for_ascii():
    from actionplan_trace.text_patterns import TOC_LAST, TOC_LAST_ASCII, toc_last

    assert {chr(c) for c in range(128) if TOC_LAST.fullmatch(chr(c))} == TOC_LAST_ASCII
    for char in "0", "x", "C", "a", ".", "\u0663", "\u2170", "é", "İ":
        assert toc_last(char) == bool(TOC_LAST.fullmatch(char)), char


# Pieces of Markdown and plain lines, some only nearly what a pattern looks for.
LINE_PIECES = ["#", "##", " ", "  ", "\t", "\u00a0", "x", "Title", ":", "**", "__", "*", "_", "<b>", "</b>", "<p>",
               "</p>", "<strong>", "</STRONG>", "-", "---", "===", "+", "|", "1.", "a)", "(iv)", "•", "o", "§", "{#id}",
               "{.x}", "{", "}", "\\", "[", "]", "(", ")", ".", "é", "3", "<ul><li>x</li></ul>", "<div>", "</div>"]


def _lines(seed: int, count: int = 20000) -> list[str]:
    """The documents' lines with random mixtures of LINE_PIECES, and each with its ends spaced."""
    rng = random.Random(seed)
    lines = [line for doc in _documents() for line in doc.splitlines()]
    lines += ["".join(rng.choices(LINE_PIECES, k=rng.randrange(1, 10))) for _ in range(count)]
    return lines + ["  " + line + " \t" for line in rng.sample(lines, 2000)] + ["", " ", "\t"]


def test_atx_heading_title_as_the_lazy_pattern_reads_it():
    """MD_HEADING takes the rest of the line and _atx_title drops the closing hashes: the same
    groups as the lazy pattern the reader used before (every line, every piece mixture), which
    now also takes hashes alone as an empty heading ("####", "3.  ###")."""
    from actionplan_trace.extract.text import MD_HEADING, MD_LIST_HEADING, _atx_title

    lazy = re.compile(r"^ {0,3}(#{1,6})(?:\s+(.*?)(?:\s+#+)?\s*|\s*)$")
    lazy_list = re.compile(r"^\s*(\d+[.)]|[a-zA-Z][.)])\s+(#{1,6})(?:\s+(.*?)(?:\s+#+)?\s*|\s*)$")
    for line in _lines(11) + ["# ###", "#  a #", "## a ##  ", "# a# ", "# a \u00a0##\t", "# a # # ", "#\t#", "1. # x ##",
                              "####", "#### ", "3.  ###", "3. ### "]:
        for ours, theirs in ((MD_HEADING.match(line), lazy.match(line)), (MD_LIST_HEADING.match(line), lazy_list.match(line))):
            assert (ours is None) == (theirs is None), line
            if ours is not None and theirs is not None:
                assert (*ours.groups()[:-1], _atx_title(ours.groups()[-1] or "")) == (*theirs.groups()[:-1], theirs.groups()[-1] or ""), line


def test_line_gates_pass_every_line_their_regex_matches():
    """A gate before a regex (the first character, a needle, the end of the line) lets through
    every line the regex matches, so the reader's answers are the regex's."""
    from actionplan_trace import text_patterns
    from actionplan_trace.extract import inline, text, text_tables

    matched: set[str] = set()
    for line in _lines(12):
        lead, stripped = line.lstrip()[:1], line.strip()
        gates = {
            "bullet": (text_patterns.SPACED_BULLET.match(line), text_patterns.spaced_bullet(line) is not None),
            "stripped bullet": (text_patterns.SPACED_BULLET.match(stripped),
                                stripped[:1] in text_patterns.SPACED_BULLET_LEADS),
            "block": (text.BLOCK_LINE.match(line), lead in text.RULE_LEADS or text_patterns.may_open_item(line, lead)),
            "rule": (text.RULE_LINE.match(line), lead in text.RULE_LEADS),
            "attributes": (text.HEADING_ATTRIBUTES.search(line), "{" in line),
            "bold": (inline.BOLD_ONLY.match(stripped), inline.is_bold_only(line)),
            "fragment": (inline.HTML_FRAGMENT.match(line), line.rstrip().endswith(">")),
            "dash": (text_tables.DASH_RULE.match(line), text_tables._is_dash_rule(line)),
            "grid": (text_tables.GRID_RULE.match(line), "+" in line),
            "item": (text_patterns.CELL_ITEM.match(stripped), text_patterns.may_open_item(stripped, stripped[:1])),
            "label": (text_patterns.LABEL_ONLY.match(line), len(line.split()) == 1),
        }
        for k, (needles, also, pattern) in enumerate(text.MD_SIGNALS):
            gates[f"markdown {k}"] = (pattern.search(line), any(n in line for n in needles) and also in line)
        for name, (match, gate) in gates.items():
            assert gate or match is None, (name, line)
            if match is not None:
                matched.add(name)
    assert matched == {"bullet", "stripped bullet", "block", "rule", "attributes", "bold", "fragment", "dash", "grid",
                       "item", "label",
                       "markdown 0", "markdown 1", "markdown 2", "markdown 3", "markdown 4", "markdown 5", "markdown 6"}


def test_written_out_lead_tests_answer_as_the_calls_they_replace():
    """The reader writes may_open_item's test out in _plain_run_end, BLOCK_LEADS standing for
    ITEM_LEADS and RULE_LEADS together, and tries setext_at only under a run of three (`ruled`):
    on every line, the same answer as the functions gave."""
    from actionplan_trace import text_patterns
    from actionplan_trace.extract import inline, text

    assert text.BLOCK_LEADS == text_patterns.ITEM_LEADS | set(text.RULE_LEADS)
    lines = _lines(13)
    for line, after in zip(lines, lines[1:] + [""]):
        lead, next_lead = line.lstrip()[:1], after.lstrip()[:1]
        opens = text_patterns.may_open_item(line, lead)
        assert (lead in text.BLOCK_LEADS or lead.isdigit() or line.lstrip()[1:2] in text.LABEL_STOPS) == (
            lead in text.RULE_LEADS or opens), line
        # _Reader.run's gate before setext_at (`ruled`).
        ruled = next_lead in text.UNDERLINES and text.UNDERLINE_RUNS[next_lead] in after
        if not ruled:
            assert not _Reader([line, after], True, False).setext_at(1), after
        # A Markdown paragraph's line: the calls it skips where their first test fails answer no.
        head, opening = line.lstrip(" \t")[:11], line.lstrip()[:2]
        if "." not in head and ")" not in head:
            assert text_patterns.md_ordered_item(line) is None, line
        if opening[:1] not in inline.BOLD_OPENERS:
            assert not inline.is_bold_only(line), line
        if opening not in inline.BOLD_MARKERS:
            assert inline.bold_label(line) is None, line


def test_marks_looked_behind_after_their_first_character_match_as_before():
    """The emphasis and dash patterns open with their mark and look behind it; the patterns that
    looked behind first replace the same spans in every line and mixture of marks."""
    from actionplan_trace.extract import inline

    before = {
        inline.STRONG[1]: r"(?<![\w\\])__(?=\S)(.+?)(?<=\S)__(?!\w)",
        inline.EMPHASIS[0]: r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])",
        inline.EMPHASIS[1]: r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)",
        inline.EM_DASH: r"(?<![-\\])---(?!-)",
        inline.EN_DASH: r"(?<![-\\])--(?!-)",
    }
    rng = random.Random(13)
    marks = ["*", "**", "_", "__", "\\", "-", "--", "---", "a", " ", "x_y", "é", "\t", "."]
    lines = _lines(13) + ["".join(rng.choices(marks, k=rng.randrange(1, 14))) for _ in range(20000)]
    for ours, source in before.items():
        theirs = re.compile(source)
        for line in lines:
            assert [m.span() for m in ours.finditer(line)] == [m.span() for m in theirs.finditer(line)], (source, line)


def test_spaces_collapsed_as_a_white_space_regex_would():
    from actionplan_trace.extract.inline import collapse_spaces

    white = "".join(c for c in map(chr, range(0x110000)) if re.fullmatch(r"\s", c))
    assert white == "".join(c for c in map(chr, range(0x110000)) if c.isspace())
    for line in _lines(14, 2000) + [white, "a" + white + "b", white + "a b" + white]:
        assert collapse_spaces(line) == re.sub(r"\s+", " ", line).strip(), line


def test_text_loc_made_without_init_is_the_loc_init_makes():
    from actionplan_trace.extract.text_tables import text_loc
    from actionplan_trace.model import Loc

    for paragraph, line, row, col in ((0, 1, None, None), (5, 17, 0, 0), (10**6, 10**6 + 3, 4, 2)):
        ours, theirs = text_loc(paragraph, line, row, col), Loc(paragraph, None, line, None, row, col)
        assert type(ours) is Loc and ours == theirs and hash(ours) == hash(theirs)
        assert ours.__dict__ == theirs.__dict__ and ours.to_dict() == theirs.to_dict()


def test_text_cell_made_without_init_is_the_cell_init_makes():
    from actionplan_trace.extract.text_tables import text_cell, text_loc
    from actionplan_trace.model import Cell
    from actionplan_trace.record import fields

    for text, paragraphs in (("", []), ("a", ["a"]), ("a\nb", ["a", "b"])):
        loc = text_loc(3, 4, 1, 2)
        ours, theirs = text_cell(text, loc, paragraphs), Cell(text, loc, paragraphs, False)
        assert type(ours) is Cell and ours == theirs
        assert all(getattr(ours, f.name) == getattr(theirs, f.name) for f in fields(Cell))
        ours.bold = True  # set on the instance, as a header row's cells are
        assert ours.bold and not Cell.bold and not text_cell(text, loc, paragraphs).bold


def test_text_block_made_without_init_is_the_block_init_makes():
    from actionplan_trace.extract.text_tables import text_block, text_loc
    from actionplan_trace.model import Block
    from actionplan_trace.record import fields

    for kind, text, label in (("paragraph", "Text", None), ("list-item", "Item", "•"), ("list-item", "", "2.")):
        loc = text_loc(3, 4)
        ours, theirs = text_block(kind, text, loc, label), Block(kind, text, loc, label=label)
        assert type(ours) is Block and ours == theirs and ours.to_dict() == theirs.to_dict()
        assert all(getattr(ours, f.name) == getattr(theirs, f.name) for f in fields(Block))
        ours.bold, ours.bold_lead = True, 4  # set on the instance, as the reader sets them
        assert not Block.bold and not Block.bold_lead and not text_block(kind, text, loc, label).bold


def test_plain_hyphens_as_both_replacements():
    from actionplan_trace.text_patterns import NB_HYPHEN, SOFT_HYPHEN, plain_hyphens

    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(["a", " ", "-", NB_HYPHEN, SOFT_HYPHEN, "\u20ad", "\uadad", "é"])
                       for _ in range(rng.randrange(40)))
        assert plain_hyphens(text) == text.replace(NB_HYPHEN, "-").replace(SOFT_HYPHEN, ""), repr(text)


def _grid_table_plain(lines: list[str], start: int) -> list[list[list[str]]] | None:
    """grid_table's rows as it read them before: each cell's lines gathered one slice at a time."""
    from actionplan_trace.extract.text_tables import GRID_RULE, _cuts, _paragraphs

    if not GRID_RULE.match(lines[start]):
        return None
    spans = _cuts(lines[start])
    rows: list[list[list[str]]] = []
    current: list[list[str]] = [[] for _ in spans]
    for line in lines[start + 1:]:
        if "+" in line and GRID_RULE.match(line):
            if any(any(l.strip() for l in cell) for cell in current):
                rows.append([_paragraphs(cell, b - a - 3) for cell, (a, b) in zip(current, spans)])
            current = [[] for _ in spans]
            continue
        if not line.lstrip().startswith("|"):
            break
        for c, (a, b) in enumerate(spans):
            current[c].append(line[a + 1:b] if len(line) > a else "")
    return rows or None


def _tab_led_plain(lines: list[str], start: int) -> tuple[list[list[list[str]]], int]:
    """tab_led_table's rows and end as it read them before: the end found first, then each line
    (the cells cut into rows by the same tab_led_rows)."""
    from actionplan_trace.extract.text_tables import tab_led_rows

    i = start
    while i < len(lines):
        if not lines[i].strip() and not lines[i].startswith("\t"):
            k = i + 1
            while k < len(lines) and not (lines[k].strip() or lines[k].startswith("\t")):
                k += 1
            if k == len(lines) or not lines[k].startswith("\t"):
                break
            i = k
        i += 1
    cells: list[list[str]] = []
    ends: list[int] = []
    for line in lines[start:i]:
        if line.startswith("\t"):
            cells.append([line.strip()] if line.strip() else [])
        elif not line.strip():
            if cells and (not ends or ends[-1] != len(cells)):
                ends.append(len(cells))
        elif cells:
            cells[-1].append(line.strip())
    rows = tab_led_rows(cells, ends)
    return [[[p for p in parts if p] for parts in row] for row in rows], i


def test_grid_and_tab_led_tables_read_as_the_plain_readers():
    """grid_table cuts each line into its cells in one call and tab_led_table strips each line
    once: the same rows (cell paragraphs) and ends as the line-by-line readers, on mixtures of
    rules, rows (short, long, one or several columns), tabbed, blank and plain lines."""
    from actionplan_trace.extract.text_tables import grid_table, tab_led_table

    rng = random.Random(23)
    grid_pieces = ["+---+---+", "+===+===+", "+-----+", "| a | b |", "| x |", "|   |   |", "| 1. item | - c |",
                   "|", "| long cell text | and more of it here |", "|abcdefgh|", "  | indented |", "+--+--+--+",
                   "| p | q | r |", "", "text", "+ plus"]
    tab_pieces = ["\tcell", "\t", "\t  spaced ", "go on", "  ", "", "\tlast", "plain line", " \t", "\t\tx"]
    for _ in range(3000):
        grid = [rng.choice(["+---+---+", "+-----+", "+--+--+--+"])] + rng.choices(grid_pieces, k=rng.randrange(1, 14))
        block = grid_table(grid, 0, 0, str.strip)
        plain = _grid_table_plain(grid, 0)
        assert (block is None) == (plain is None), grid
        if block is not None:
            assert [[c.paragraphs for c in row] for row in block[0].rows] == plain, grid
        tabbed = ["\tfirst"] + rng.choices(tab_pieces, k=rng.randrange(0, 14))
        block, end = tab_led_table(tabbed, 0, 0, str.strip)
        rows, plain_end = _tab_led_plain(tabbed, 0)
        assert end == plain_end and [[c.paragraphs for c in row] for row in block.rows] == rows, tabbed


def test_inline_passes_tried_only_where_they_can_match_read_as_the_plain_patterns():
    """Found in review: a line of openers never closed ("*a *a …", "<!--a …", "[a [a …") took a
    minute at 200 KB, each opener scanning the rest of the line. Raw HTML is now tried only where
    its closer follows, links and images once per closing bracket, the marks up to the last place
    they can close: on every line, and lines joined, they replace what the plain patterns replace.
    Code spans are at most CODE_MOST characters: on shorter lines, as the unbounded pattern."""
    from actionplan_trace.extract import inline

    rng = random.Random(17)
    lines = [line for doc in _documents() for line in doc.splitlines() if line.strip()][:3000]
    lines += ["".join(rng.choices(MARKS, k=rng.randrange(1, 40))) for _ in range(5000)]
    lines += ["\n".join(rng.choices(lines, k=3)) for _ in range(500)]
    code = re.compile(r"(?<![`\\])(`+)(?!`)(.+?)(?<!`)\1(?!`)")
    assert max(map(len, lines)) < inline.CODE_MOST
    for line in lines:
        assert [m.span() for m in inline.CODE.finditer(line)] == [m.span() for m in code.finditer(line)], line
    for pattern in inline._CLOSERS:
        for line in lines:
            assert inline._sub_closed(pattern, inline._FIRST_GROUP, *inline._CLOSERS[pattern], line) == pattern.sub(r"\1", line), (pattern, line)
    brackets = ["[", "]", "![", "(", ")", "{", "}", "](", "][", "]{", "a", " ", '"', "\n"]
    bracketed = lines + ["".join(rng.choices(brackets, k=rng.randrange(1, 16))) for _ in range(20000)]
    for pattern in inline._BRACKETS:
        for line in bracketed:
            assert inline._bracket_sub(pattern, inline._FIRST_GROUP, *inline._BRACKETS[pattern], line) == pattern.sub(r"\1", line), (pattern, line)
    raw = ["<!-->", "<!--->", "<!---->", "<!--", "-->", "<?", "?>", "<?>", "<!x", "<!X y>", "<!-x>", "<![CDATA[", "]]>",
           "<!", ">", "<", "a", " ", "\n", "é"]
    for line in lines + ["".join(rng.choices(raw, k=rng.randrange(1, 12))) for _ in range(20000)]:
        assert inline._raw_html_sub(line) == inline.RAW_HTML.sub(inline._shown_of_raw, line), line


def test_a_long_line_of_unclosed_openers_keeps_the_spans_before_them():
    """The spans that close before a long run of openers never closed are read; the openers stay
    as text."""
    tail = "*a _a **a ~~a [a <!--a " * 5000
    text = "**Bold** and *em*, [link](x) and `code` then " + tail
    assert clean_inline(text) == "Bold and em, link and code then " + tail.strip()


def test_patterns_opening_with_white_space_tried_where_a_run_starts_match_as_before():
    """Found in review: a heading of 200,000 spaces before its `{#id}` took 31 s, each position of
    the run trying `\\s*` again. The patterns that open with white space (and are searched, not
    matched at a place) now look behind it first; they replace and split what they did."""
    from actionplan_trace.diff.ignore import INLINE_BULLET, SPACED_SLASH
    from actionplan_trace.extract.pdf import BACK_LINK
    from actionplan_trace.extract.text import HEADING_ATTRIBUTES
    from actionplan_trace.text_patterns import BULLET_GLYPHS
    from actionplan_trace.validate.contribution import ELLIPSIS

    before = {HEADING_ATTRIBUTES: r"\s*\{[#.][^{}]*\}\s*$", SPACED_SLASH: r"\s*/\s*", ELLIPSIS: r"\s*(?:…|\.\.\.)\s*",
              BACK_LINK: r"\s*\u21a9\ufe0e?\s*$", INLINE_BULLET: rf"\s+[{BULLET_GLYPHS}]\s+"}
    rng = random.Random(1)
    parts = [" ", "  ", "\t", "\n", "{#x}", "{.y}", "{", "}", "/", "…", "...", "\u21a9", "\ufe0e", "•", "a", "b.", "\u00a0"]
    texts = ["".join(rng.choices(parts, k=rng.randrange(1, 12))) for _ in range(20000)]
    for ours, source in before.items():
        theirs = re.compile(source)
        for text in texts:
            assert ours.sub("X", text) == theirs.sub("X", text) and ours.split(text) == theirs.split(text), (source, text)


def _wrapped_width_oracle(ends: list[str]) -> int:
    """A run's measure as the rule reads: 50 to WRAP_MAX wide, not every line ending a sentence, no
    line with room for the next one's first word, fewer than half the lines ending in a page."""
    width = max(len(end) for end in ends[:-1])
    if not 50 <= width <= WRAP_MAX or all(end.endswith(SENTENCE_END) for end in ends[:-1]):
        return 0
    if any(len(end) + 1 + len(after.split()[0]) <= width for end, after in zip(ends, ends[1:])):
        return 0
    pages = sum(1 for end in ends if page_start(end.strip()) is not None)
    return 0 if 2 * pages >= len(ends) else width


def _run_end_oracle(reader: _Reader, i: int) -> int:
    """Where the run of lines from line i ends: every line after it through starts_block."""
    j = i + 1
    while j < len(reader.lines) and reader.leads[j] and not reader.starts_block(j):
        j += 1
    return j


def test_runs_and_their_measure_found_as_line_by_line():
    rng = random.Random(11)
    paths = sorted((CORPUS / "text").rglob("*.txt")) + sorted((CORPUS / "text").rglob("*.md"))
    pool = [line for p in paths for line in p.read_text(encoding="utf-8").splitlines()]
    words = " ".join(pool).split()
    odd = ["Introduction 12", "Foreword iii", "Annex 1 .... 7", "1. Item", "a) item", "- item", "-----", "+--+--+",
           "| a | b |", "a\tb", "", "   ", "Topic 2.1", "(iv) text", "end of it."]
    samples = []
    for _ in range(120):
        width = rng.randrange(40, 110)
        run = []
        for _ in range(rng.randrange(2, 9)):
            line = ""
            while len(line) < width - rng.randrange(0, 15):
                line += rng.choice(words) + " "
            run.append(line[:width].rstrip() + rng.choice(["", "", ".", ";", " 12", " iv", " and"]))
        samples.append(run + rng.choices(odd, k=rng.randrange(3)))
    samples += [rng.sample(pool, 60) + rng.choices(odd, k=20) for _ in range(20)]
    documents = [p.read_text(encoding="utf-8").splitlines() for p in paths] + samples
    widths = set()
    for lines in documents:
        reader = _Reader(lines, markdown=False, wrapped=False)
        for i in range(len(lines)):
            if not reader.leads[i]:
                continue
            j = reader._run_end(i)
            assert j == _run_end_oracle(reader, i), (i, lines[i:j + 1])
            if j - i >= 3:
                ends = [line.rstrip() for line in lines[i:j]]
                width = reader._wrapped_width(ends)
                assert width == _wrapped_width_oracle(ends), ends
                widths.add(width > 0)
    assert widths == {True, False}, "the samples reach both answers"


def test_bulleted_line_read_as_paragraph_reads_its_text():
    """A plain text's bulleted line is made the item _paragraph makes of the line, its bookmark
    after the bullet taken out (the reader reuses the bullet's match instead of matching again)."""
    from actionplan_trace.extract.text import BOOKMARK, _paragraph
    from actionplan_trace.extract.text_tables import text_loc
    from actionplan_trace.text_patterns import spaced_bullet

    bullets = ["•", "-", "–", "*", "o", "§", "▪", "·"]
    spaces = [" ", "\t", "\u00a0", "  \t", " \u00a0 "]
    texts = ["Text of the item", "[bookmark: _Toc12]Marked item", "[bookmark: x] spaced", "x", "[bookmark: a]b  c  "]
    lines = [f"{indent}{b}{s}{t}" for b in bullets for s in spaces for t in texts for indent in ("", "  ")]
    lines += ["•", "- ", "-x", "• [bookmark: y]", "[bookmark: z]• item"]
    reader = _Reader(lines, markdown=False, wrapped=False)
    for k, line in enumerate(lines):
        reader.paragraph(line, k + 1)
        text = BOOKMARK.sub("", line.strip())
        m = spaced_bullet(text)
        if m is not None:
            text = text[:m.end()] + BOOKMARK.sub("", text[m.end():])
        expected = _paragraph(text, text_loc(k, k + 1))
        assert reader.blocks[-1] == expected and reader.blocks[-1].loc == expected.loc, line
    assert {b.type for b in reader.blocks} == {"list-item", "paragraph"}


def test_ordered_item_marker_tried_only_with_a_stop_in_reach_matches_as_the_regex():
    from actionplan_trace.text_patterns import MD_ORDERED_ITEM, md_ordered_item

    markers = ["1.", "12)", "123456789.", "1234567890.", "a)", "b.", "iv.", "xviii)", "IV.", "C)", "A.", "B.  ", "(1)",
               "(123456789)", "(1234567890)", "(a)", "(iv)", "(XL)", "x", "The", "e.g.", "1", "(1", "1.2.", ""]
    afters = ["", " ", "\t", "  text", " text", "\ttext", "text", ". x", ")"]
    lines = [f"{indent}{m}{a}" for m in markers for a in afters for indent in ("", " ", "   ", "\t", " \t ", "\u00a0")]
    for line in lines:
        found, expected = md_ordered_item(line), MD_ORDERED_ITEM.match(line)
        assert (found and found.group()) == (expected and expected.group()), repr(line)
    assert any(md_ordered_item(line) for line in lines) and not all(md_ordered_item(line) for line in lines)


def test_lone_plain_line_read_as_gather_and_paragraph_read_it(monkeypatch, tmp_path):
    """_Reader.lone_line makes the block of a line with a blank line (or the end) after it without
    gather and paragraph where it calls the line plain: the same block as those two make of it
    (every line, every piece mixture, Markdown and plain, wrapped or not), and it calls many
    lines plain; whole documents read with and without it give the same blocks."""
    from actionplan_trace.extract import read

    plain = 0
    for line in _lines(15, 6000):
        lead = line.lstrip()[:1]
        if not lead:
            continue
        for markdown, wrapped in ((True, False), (False, False), (False, True)):
            ours = _Reader([line, ""], markdown, wrapped).lone_line(0, lead)
            if ours is None:
                continue
            plain += 1
            reader = _Reader([line, ""], markdown, wrapped)
            text, end = reader.gather(0)
            reader.paragraph(text, 1)
            assert end == 1 and len(reader.blocks) == 1, (markdown, line)
            assert type(ours) is type(reader.blocks[0]) and vars(ours) == vars(reader.blocks[0]), (markdown, line)
    assert plain > 5000

    rng = random.Random(16)
    pool = [line for doc in _documents() for line in doc.splitlines()]
    texts = [doc for doc in _documents()[:8]]
    texts += ["\n".join(rng.choices(pool + ["", "", ""] + LINE_PIECES, k=300)) for _ in range(12)]
    texts += ["\n".join(rng.choices(pool[:600] + ["", "", "# Title", "**b**", "- item"], k=300)) for _ in range(6)]
    for k, text in enumerate(texts):
        for suffix in (".txt", ".md"):
            path = tmp_path / f"doc{k}{suffix}"
            path.write_text(text, encoding="utf-8")
            ours = read(path)
            with monkeypatch.context() as patched:
                patched.setattr(_Reader, "lone_line", lambda self, i, lead: None)
                theirs = read(path)
            assert [vars(b) for b in ours.blocks + ours.footnotes] == [
                vars(b) for b in theirs.blocks + theirs.footnotes], (suffix, text[:300])


def test_atx_headings_counted_up_to_two_as_every_line_through_the_pattern():
    """looks_like_markdown counts ATX headings only up to the two that decide alone: _atx_headings
    gives min(2, the headings the first signal's pattern finds testing every line), on texts with
    many, few or no "#" lines (headings or not, anywhere in the line), and the verdict is the
    plain rules' (_markdown_oracle)."""
    from actionplan_trace.extract.text import _atx_headings

    needles, also, pattern = MD_SIGNALS[0]
    assert needles == ("#",) and not also and pattern.pattern.startswith("^")
    rng = random.Random(17)
    hashes = ["# Title", "## A", "   ### B", "    # code", "#hashtag", "a # b", "#", "##", "Resolution #5", "# ", "#\tx"]
    pool = [line for doc in _documents() for line in doc.splitlines()][:4000]
    counts = set()
    for _ in range(400):
        lines = rng.sample(pool, rng.randrange(0, 60)) + rng.choices(hashes, k=rng.choice((0, 1, 2, 3, 30, 200)))
        rng.shuffle(lines)
        text = "\n".join(lines)
        exact = sum(1 for line in lines if pattern.match(line))
        assert _atx_headings(text) == min(2, exact), text[:300]
        assert looks_like_markdown(text, lines) == _markdown_oracle(text), text[:300]
        counts.add(min(2, exact))
    assert counts == {0, 1, 2}
