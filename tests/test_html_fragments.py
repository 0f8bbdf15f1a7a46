"""inline.read_fragment against lxml.html, whose reading of an HTML fragment it stands in for: on
every fragment of the corpus and the seeds and on thousands of generated ones (malformed ones
included), a fragment it reads must give lxml's tree, html_paragraphs the paragraphs it gave when it read
every fragment with lxml, and each of its elements the boldness that splitting words gave; the
fragments left to lxml only have to be left, and the real ones should not be.

Comments, processing instructions and declarations in a fragment (and in an .html file) hold no
text: both readers drop them, and no fragment makes html_paragraphs fail; every word a fragment or
an .html file shows lands in exactly one paragraph, whatever comments and stray end tags hold. The
text of a script, style or title element is not shown: neither reader puts it in a paragraph.

A table cell of an .html file has the paragraphs a cell of a Markdown table holding the same
fragment has: its block-level pieces in order, each word in one of them."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from actionplan_trace.extract import html, inline, text, text_tables
from actionplan_trace.extract import read
from actionplan_trace.extract.inline import HTML_FRAGMENT, Node, fragment_paragraphs, html_paragraphs, read_fragment

from conftest import CORPUS, SHARED, run_cli


# lxml.html's parser as the readers use it (inline.html_parser): comments and processing
# instructions dropped; `</body>` and `</html>` renamed first (inline.html_markup).
PARSER = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)


def _lxml_paragraphs(fragment: str) -> list[tuple[str, bool]] | None:
    """html_paragraphs as it was: every fragment read by lxml.html."""
    if not inline.is_fragment(fragment):
        return None
    try:
        parts = lxml.html.fragments_fromstring(inline.html_markup(fragment), parser=PARSER)
    except (etree.ParserError, ValueError):
        return None
    return fragment_paragraphs(parts)


def _plain_bold(element: inline.Element, text: str) -> bool:
    """inline.is_bold written plainly: the words of the bold elements inside no other one (up to
    `element`) against the element's words (the words shown: inline.element_text)."""
    def outermost(b: inline.Element) -> bool:
        for above in ([] if b is element else b.iterancestors()):
            if above.tag in ("b", "strong"):
                return False
            if above is element:
                return True
        return True

    bold = "".join(inline.element_text(b) for b in element.iter("b", "strong") if outermost(b))
    return "".join(bold.split()) == "".join(text.split())


def _lxml_tree(element: etree._Element) -> tuple[object, ...]:
    tag = element.tag if isinstance(element.tag, str) else "#comment"
    return tag, element.text or "", [(_lxml_tree(c), c.tail or "") for c in element]


def _tree(node: Node) -> tuple[object, ...]:
    return node.tag, node.text, [(_tree(c), c.tail) for c in node]


def _lxml_body(fragment: str) -> tuple[object, ...]:
    """The body element lxml.html.fragments_fromstring reads `fragment` into."""
    document = lxml.html.document_fromstring(f"<html><body>{fragment}</body></html>", parser=PARSER)
    (body,) = document.findall("body")
    return _lxml_tree(body)


def _check(fragment: str) -> bool:
    """Whether read_fragment read `fragment` (True) or left it to lxml; either way the paragraphs
    are lxml's, and a tree read is lxml's tree."""
    assert html_paragraphs(fragment) == _lxml_paragraphs(fragment), fragment
    if not HTML_FRAGMENT.match(fragment):
        return False
    body = read_fragment(fragment)
    if body is None:
        return False
    assert _tree(body) == _lxml_body(fragment), fragment
    for element in body.iter(*inline.FRAGMENT_TAGS):
        words = inline.element_text(element)
        if words:
            assert inline.is_bold(element, words) == _plain_bold(element, words), fragment
    return True


def _texts() -> list[Path]:
    paths = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md"))
    return paths + sorted((SHARED / "seeds").glob("*.txt"))


def _fragments_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the text reader hands html_paragraphs while reading the corpus texts and the seeds,
    and each line and each tab- or bar-separated cell of them that HTML_FRAGMENT matches."""
    handed: list[str] = []

    def spy(part: str) -> list[tuple[str, bool]] | None:
        handed.append(part)
        return html_paragraphs(part)

    monkeypatch.setattr(text, "html_paragraphs", spy)
    monkeypatch.setattr(text_tables, "html_paragraphs", spy)
    for path in _texts():
        read(path)
        for line in path.read_text(encoding="utf-8").splitlines():
            handed.extend(part for cells in (line.split("\t"), line.split("|")) for part in [line, *cells]
                          if part.rstrip().endswith(">") and HTML_FRAGMENT.match(part))
    return list(dict.fromkeys(handed))


def test_fragments_of_the_corpus_and_seeds_read_as_lxml_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    fragments = _fragments_read(monkeypatch)
    read_here = [f for f in fragments if _check(f)]
    real = [f for f in fragments if HTML_FRAGMENT.match(f)]
    assert real, "no HTML fragment in the corpus"
    assert read_here == real  # none of them needs lxml


BLOCKS = ["p", "ul", "ol", "li", "div", "h2", "blockquote"]
INLINE = ["b", "strong", "i", "em", "u", "a", "sup", "sub", "mark", "span"]
WORDS = ["Objective", "1.2", "To", "promote", "ITU-D", "•", "–", "&amp;", "&lt;b&gt;", "&nbsp;", "&#8217;",
         "&#x2014;", "& ", "x > y", "é", "\u00a0", "\u2003", "\U0001f600"]
SPACES = ["", "", " ", "  ", "\n", "\t", " \n "]
ATTRIBUTES = ["", "", "", ' style="list-style-type: none"', " class=x", " title='a>b'", ' href="#x"', " hidden",
              " x=a/", " data-x = 'y' "]
# What a fragment may also hold when it is not kept plain: markup, references and characters
# lxml reads in its own way (read_fragment leaves most of them to it).
ODD_WORDS = ["&#150;", "&#0;", "&copy;", "&copy", "&notin;", "&foo;", "&", "a<b", "< 3", "\ufdd0", "\x0c", "\r\n",
             "\x01", "\x85"]
ODD_BLOCKS = ["td", "dd", "table", "pre"]
ODD_INLINE = ["font", "code", "x-y", "br", "textarea"]
ODD_ATTRIBUTES = [' a="1"b="2"', " a=\"x", " =x", " a='<p>'"]
# Comments, processing instructions and declarations read_fragment drops as lxml does.
COMMENTS = ["<!-- note -->", "<!--x-->", "<!---->", "<!-->", "<!--->", "<!-- <p>held</p> -->", "<!-- a - b -> c -->",
            "<!--\n-->", "<!-- <!x> -->", "<?xml version='1.0'?>", "<?php x ?>", "<!DOCTYPE html>", "<!doctype x>",
            "<![CDATA[x]]>", "<![CDATA[<p>y</p>]]>", "<!x>", "<!>", "<!-x>"]
# Ones it leaves to lxml: a "--" inside, a comment left open, quotes in a declaration.
ODD_COMMENTS = ["<!-- a -- b -->", "<!-- a --!>", "<!--a--->", "<!-- open", "<!-- open <p>x</p>", "<!--<!-- -->",
                "<!doctype html public 'x>y'>", '<!DOCTYPE html SYSTEM "about:legacy-compat">', "</ p>", "</>"]
# Script and style elements read_fragment reads (their content is raw text), and ones it leaves to
# lxml: an end tag or a comment opening in the content, one left open, a title.
RAW_ELEMENTS = ["<script>x</script>", "<style>p { x: 1 }</style>", '<SCRIPT type="text/javascript">if (a<b && c) {}</ScRiPt >',
                "<script>document.write('<p>a</p>')</script>", "<style>&amp; <!x></style>", "<script></script>"]
ODD_RAW = ["<title>t</title>", "<script>a</script x>", "<script>a<!-- b --></script>", "<script>a</SCRIPT\n>",
           "<script>a</scripts></script>", "<style>a", "<script>", "<textarea>x</textarea>"]
ODD = ["<!-- note -->", "<br>", "<br/>", "<BR />", "</br>", "<p/>", "<b/>", "</>", "<?php x ?>", "<!x>",
       "</p>", "</ul>", "</b>", "</div>", "</li>", "<hr>", "<img src=x>", "<script>x</script>", "</ p>",
       "<p <b>", "<li>", "<p>", "<b>", "<table><tr><td>x", "<body>", "</body>", "<html>", "</B >", "</p x>"]


class _Maker:
    """Random fragments, plain or (with chance `odd` at each choice) not."""

    def __init__(self, rng: random.Random, odd: float) -> None:
        self.rng = rng
        self.odd = odd

    def pick(self, plain: list[str], odd: list[str]) -> str:
        return self.rng.choice(odd if self.rng.random() < self.odd else plain)

    def tag(self, name: str) -> str:
        return self.rng.choice([name, name, name, name.upper(), name.capitalize()])

    def words(self) -> str:
        rng = self.rng
        return rng.choice(SPACES) + " ".join(self.pick(WORDS, ODD_WORDS) for _ in range(rng.randrange(1, 4))) \
            + rng.choice(SPACES)

    def inline(self, depth: int) -> str:
        rng = self.rng
        parts: list[str] = []
        for _ in range(rng.randrange(1, 5)):
            roll = rng.random()
            if roll < 0.45 or depth > 2:
                parts.append(self.words())
            elif roll < 0.85:
                name = self.pick(INLINE, ODD_INLINE)
                close = f"</{self.tag(name)}>" if rng.random() < 0.85 else ""
                parts.append(f"<{self.tag(name)}{self.pick(ATTRIBUTES, ODD_ATTRIBUTES)}>{self.inline(depth + 1)}{close}")
            elif roll < 0.9:
                parts.append(rng.choice(["<br>", "<br/>", "<BR />", "</b>", "</p>", "</li>", "</div>"]))
            elif roll < 0.93:
                parts.append(self.pick(COMMENTS, ODD_COMMENTS))
            elif roll < 0.95:
                parts.append(self.pick(RAW_ELEMENTS, ODD_RAW))
            else:
                parts.append(self.pick([" "], ODD))
        return "".join(parts)

    def block(self, depth: int) -> str:
        rng = self.rng
        name = self.pick(BLOCKS, ODD_BLOCKS)
        if name in ("ul", "ol") and depth < 3:
            items = "".join(rng.choice(["", " ", "\n", self.pick(COMMENTS, ODD_COMMENTS)]) + (self.block(depth + 1) if rng.random() < 0.3 else
                            f"<{self.tag('li')}>{self.inline(depth)}" + ("</li>" if rng.random() < 0.7 else ""))
                            for _ in range(rng.randrange(0, 4)))
            inner = (self.inline(depth) if rng.random() < 0.3 else "") + items
        elif depth < 3 and rng.random() < 0.2:
            inner = self.inline(depth) + self.block(depth + 1) + self.inline(depth)
        else:
            inner = self.inline(depth)
        close = f"</{self.tag(name)}>" if rng.random() < 0.8 else ""
        return f"<{self.tag(name)}{self.pick(ATTRIBUTES, ODD_ATTRIBUTES)}>{inner}{close}"

    def fragment(self) -> str:
        rng = self.rng
        blocks = [self.block(0) for _ in range(rng.randrange(1, 4))]
        between = [rng.choice(SPACES + ["tail text ", "\t", " • x ", self.pick(COMMENTS, ODD_COMMENTS)]) for _ in blocks]
        last = rng.choice(["p", "ul", "div", "li", "P"])
        return rng.choice(SPACES) + "".join(b + s for b, s in zip(blocks, between)) + rng.choice(["", f"</{last}>"])


def test_generated_fragments_read_as_lxml_reads_them() -> None:
    rng = random.Random(11)
    makers = [_Maker(rng, odd) for odd in (0.0, 0.0, 0.02, 0.1, 0.3)]
    fragments = [makers[k % len(makers)].fragment() for k in range(5000)]
    read_here = [_check(f) for f in fragments]
    plain = [read for read, f in zip(read_here[::len(makers)], fragments[::len(makers)]) if HTML_FRAGMENT.match(f)]
    assert len(plain) > 500 and all(plain)  # a plain fragment is never left to lxml
    assert sum(read_here) < len(fragments) - 1000


@pytest.mark.parametrize("fragment, paragraphs", [
    ("<p>a<p>b</p>", [("a", False), ("b", False)]),
    ("<ul><li>a<li><b>b</b></ul>", [("• a", False), ("• b", True)]),
    ('<p>Lead:</p> <ul style="list-style-type: none"> • one • two <p>2 next</p>',
     [("Lead:", False), ("• one • two", False), ("2 next", False)]),
    ("<div><p>a</p> x <br> y</div>", [("a", False), ("x", False), ("y", False)]),
    ("<P><B>A &amp; B</B></P>", [("A & B", True)]),
    ("<p>a</p><!-- c --><p>b</p>", [("a", False), ("b", False)]),
    ("<p>a<!-- c -->b</p> <!-- <p>x</p> --> <p>c</p>", [("ab", False), ("c", False)]),
    ("<ul><!-- c --><li>a<!---->b<li>c<!-->d</ul>", [("• ab", False), ("• cd", False)]),
    ("<div><p>a</p><?xml version='1.0'?><!DOCTYPE html><![CDATA[x]]><!x><p>b</p></div>", [("a", False), ("b", False)]),
])
def test_implied_ends_and_tails_as_lxml(fragment: str, paragraphs: list[tuple[str, bool]]) -> None:
    assert read_fragment(fragment) is not None
    assert html_paragraphs(fragment) == paragraphs == _lxml_paragraphs(fragment)


@pytest.mark.parametrize("fragment", ["<p>a<!-- c -- d --></p>", "<p>a</p><!-- c <p>b</p>", "<p>&copy; x</p>", "<p>a\rb</p>", "<p>a</p x>",
                                      "<p><font>x</font></p>", "<p/>", "<p>a < b</p>"])
def test_what_it_cannot_settle_is_left_to_lxml(fragment: str) -> None:
    assert read_fragment(fragment) is None


def _read_in_a_new_process(path: Path) -> tuple[list[tuple[str, str, int, bool]], bool]:
    """The blocks of `path` (type, text, line, bold) as a fresh interpreter reads them, and whether
    reading them imported lxml."""
    probe = ("import json, sys\nfrom actionplan_trace.extract import read\n"
             f"doc = read({str(path)!r})\n"
             "print(json.dumps([[b.type, b.text, b.loc.line, b.bold] for b in doc.blocks]))\n"
             "print(json.dumps('lxml' in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    blocks, loaded = result.stdout.strip().splitlines()
    return [tuple(b) for b in json.loads(blocks)], json.loads(loaded)


def test_a_markdown_text_with_plain_fragments_loads_no_lxml(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text("# Plan\n\n<p>Objective 1</p> <ul><li><b>Output</b> one</li><li>two</li></ul>\n\n"
                    "| A | B |\n|---|---|\n| <p>x &amp; y</p> | z |\n", encoding="utf-8")
    blocks, loaded = _read_in_a_new_process(path)
    assert any("Output one" in text for _, text, _, _ in blocks), blocks
    assert not loaded


# What hides text in a fragment, each with the word "hidden" in what it hides: comments (plain or
# not), processing instructions, declarations, script, style and title elements.
HIDING = ["<!-- hidden -->", "<!--hidden-->", "<!-- <p>hidden</p> -->", "<!-- hidden -- hidden -->", "<!-- hidden --!>",
          "<!--hidden--->", "<?hidden?>", "<?xml version='1.0' hidden?>", "<!DOCTYPE hidden>", "<![CDATA[hidden]]>",
          "<!hidden>", "<!doctype html public 'hidden>'>", "<script>hidden</script>", "<style>hidden <p>hidden</p></style>",
          "<title>hidden</title>", "<SCRIPT type=x>hidden</SCRIPT>"]
# What neither shows nor hides a word: empty comments, CDATA (HTML ends it at the first ">"), breaks, references, stray end tags, spaces.
NEUTRAL = ["<!---->", "<!-->", "<!--->", "<![CDATA[<p>]]>", "<br>", "<br/>", "&amp;", "&nbsp;", "&#8217;", "&copy;", " & ", "</div>", "</p>",
           "</li>", "</b>", "</ul>", "</td>", "</body>", "</html>", "<body>", "<html>", "\n", " ", "\t"]


class _Numbered:
    """A maker of random markup whose words are numbered w0, w1, …, each written once (`words`)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words: list[str] = []

    def word(self) -> str:
        self.words.append(f"w{len(self.words)}")
        return self.words[-1]


class _Shown(_Numbered):
    """Random fragments made of numbered words w0, w1, … (each written once), with comments and the
    rest of HIDING and NEUTRAL in odd places: inside a paragraph, a list, a table cell, between
    blocks, and (a comment left open) at the end, hiding what follows."""

    def odd(self) -> str:
        return self.rng.choice(HIDING if self.rng.random() < 0.5 else NEUTRAL)

    def inline(self, depth: int) -> str:
        rng = self.rng
        parts = []
        for _ in range(rng.randrange(1, 5)):
            roll = rng.random()
            if roll < 0.4 or depth > 2:
                parts.append(f"{rng.choice(['', ' '])}{self.word()}{rng.choice(['', ' ', chr(10)])}")
            elif roll < 0.65:
                name = rng.choice(["b", "strong", "i", "em", "span", "a", "code", "font", "sup"])
                parts.append(f"<{name}>{self.inline(depth + 1)}" + (f"</{name}>" if rng.random() < 0.8 else ""))
            else:
                parts.append(self.odd())
        return "".join(parts)

    def block(self, depth: int) -> str:
        rng = self.rng
        name = rng.choice(["p", "p", "div", "ul", "ol", "h2", "blockquote", "table"] if depth < 3 else ["p", "div"])
        if name in ("ul", "ol"):
            inner = "".join(rng.choice(["", " ", self.odd()]) + (
                self.block(depth + 1) if rng.random() < 0.2 else
                f"<li>{self.inline(depth)}" + (self.block(depth + 1) if rng.random() < 0.2 else "")
                + ("</li>" if rng.random() < 0.7 else "")) for _ in range(rng.randrange(1, 4)))
        elif name == "table":
            inner = "".join(rng.choice(["<tr>", "<tr>", ""]) + "".join(
                f"<{rng.choice(['td', 'th'])}>{self.inline(depth)}" + (self.block(depth + 1) if rng.random() < 0.2 else "")
                + self.odd() + "</td>" for _ in range(rng.randrange(1, 3))) + "</tr>" + self.astray()
                for _ in range(rng.randrange(1, 3)))
        elif rng.random() < 0.3:
            inner = self.inline(depth) + self.block(depth + 1) + self.inline(depth)
        else:
            inner = self.inline(depth)
        return f"<{name}>{inner}" + (f"</{name}>" if name == "table" or rng.random() < 0.85 else "")

    def astray(self) -> str:
        """What may stand between a table's rows: a browser shows text there before the table."""
        roll = self.rng.random()
        return ("" if roll < 0.5 else f" {self.word()} " if roll < 0.6 else f"<caption>{self.word()}</caption>"
                if roll < 0.7 else f"<p>{self.word()}</p>" if roll < 0.8 else self.odd())

    def between(self) -> str:
        roll = self.rng.random()
        return "" if roll < 0.3 else f" {self.word()} " if roll < 0.5 else self.odd()

    def fragment(self) -> str:
        rng = self.rng
        text = "".join(self.block(0) + self.between() for _ in range(rng.randrange(1, 4)))
        if rng.random() < 0.1:
            text += "<!-- hidden <p>hidden</p>"
        return text + rng.choice(["</p>", "</div>", "</ul>"])


def _words_shown(texts: list[str]) -> list[str]:
    return sorted(re.findall(r"w\d+", "\n".join(texts)))


def test_comments_anywhere_hide_their_text_and_nothing_else(tmp_path: Path) -> None:
    """Generated fragments as a Markdown line and as an .html file: no error, every word in exactly
    one paragraph (or table), nothing a comment or declaration holds."""
    rng = random.Random(5)
    read_here = 0
    for k in range(1500):
        maker = _Shown(rng)
        fragment = maker.fragment()
        assert HTML_FRAGMENT.match(fragment)
        read_here += read_fragment(fragment) is not None
        paragraphs = html_paragraphs(fragment)
        assert paragraphs is not None, fragment
        texts = [t for t, _ in paragraphs]
        assert _words_shown(texts) == sorted(maker.words), fragment
        assert not any("hidden" in t for t in texts), fragment
        path = tmp_path / f"f{k}.html"
        path.write_text(fragment, encoding="utf-8")
        blocks = [b.text for b in read(path).blocks]
        assert _words_shown(blocks) == sorted(maker.words), fragment
        assert not any("hidden" in t for t in blocks), fragment
    assert read_here > 100


def test_a_comment_between_blocks_of_a_markdown_text(tmp_path: Path) -> None:
    """The report that started this: `trace extract` failed with an internal ValueError (lxml's
    text_content refuses a comment, and the comment was a part of the fragment)."""
    path = tmp_path / "x.md"
    path.write_text("<p>a</p><!-- c --><p>b</p>\n", encoding="utf-8")
    result = run_cli("extract", str(path), "-f", "json")
    assert result.returncode == 0, result.stderr
    blocks = [b for s in json.loads(result.stdout)["sections"] for b in s["blocks"]]
    assert [b["text"] for b in blocks] == ["a", "b"]
    assert '"c"' not in result.stdout and "<!--" not in result.stdout


@pytest.mark.parametrize("fragment, texts", [
    ("<div><p>a</p><!-- c --><p>b</p></div>", ["a", "b"]),
    ("<ul><!-- c --><li>a</li><li>b<ul><!-- d --><li>c</li></ul></li></ul>", ["• a", "• b", "• c"]),
    ("<p>a</p><?xml version='1.0'?><p>b</p>", ["a", "b"]),
    ("<p>a</p><![CDATA[x]]><p>b</p>", ["a", "b"]),
    ("<p>a</p><!DOCTYPE html><p>b</p>", ["a", "b"]),
    ("<p>a</p><!-- c -- d --><p>b</p>", ["a", "b"]),  # not plain: left to lxml
    ("<p>a</p><!-- <p>c</p> <p>b</p>", ["a"]),  # left open: the rest is the comment's
    ("<table><tr><td>a<!-- c --></td></tr></table><!-- d --><p>b</p>", ["a", "b"]),
    # libxml2 puts what follows </body> beside the body and drops what follows </html>.
    ("<p>a</p></body><p>b</p>", ["a", "b"]),
    ("<p>a</p></html>b<p>c</p>", ["a", "b", "c"]),
    ("<p>a</p></body><br><body><p>b</p>", ["a", "b"]),  # two bodies: fragments_fromstring asserted one
])
def test_comments_and_end_tags_in_fragments(fragment: str, texts: list[str]) -> None:
    assert [t for t, _ in html_paragraphs(fragment) or []] == texts


@pytest.mark.parametrize("markup, texts", [
    ("<html><body><p>a</p><!-- c --><p>b</p></body></html>", ["a", "b"]),
    ("<html><body><p>a</p></body></html>\n<p>b</p>\n", ["a", "b"]),
    ("<html><body><p>a</p></body><p>b</p></html>", ["a", "b"]),
    ("<html><body><p>a</p></body><body><p>b</p></body></html>", ["a", "b"]),
    # The text is decoded before lxml reads it: no <meta charset> (libxml2 guessed Windows-1252) or
    # one that names another encoding decodes it again.
    ("<p>café – 1</p>", ["café – 1"]),
    ('<html><head><meta charset="windows-1252"></head><body><p>café</p></body></html>', ["café"]),
])
def test_html_files_keep_what_follows_their_end(tmp_path: Path, markup: str, texts: list[str]) -> None:
    path = tmp_path / "doc.html"
    path.write_text(markup, encoding="utf-8")
    assert [b.text for b in read(path).blocks] == texts


@pytest.mark.parametrize("markup, texts, rows", [
    ("<table><caption>Table 1</caption><tr><td>a</td></tr></table>", ["Table 1", "a"], [["a"]]),
    ("<table><td>a</td><td>b</td></table>", ["a | b"], [["a", "b"]]),  # no <tr>: libxml2 makes none
    ("<table>x<tr>y<td>a</td><em>z</em></tr><p>p</p><!-- c --><tr><td>b</td></tr></table>",
     ["x", "y", "z", "p", "a\nb"], [["a"], ["b"]]),
    # A table in a cell is that cell's text, not rows of the outer table as well; its cells are
    # paragraphs of that cell (their words were glued: "ab").
    ("<table><tr><td>a<table><tr><td>b</td></tr></table></td></tr></table>", ["a\nb"], [["a\nb"]]),
])
def test_html_tables_keep_what_is_outside_their_cells(tmp_path: Path, markup: str, texts: list[str],
                                                      rows: list[list[str]]) -> None:
    """A browser shows what a table holds outside its cells before the table; the reader put none of
    it in a block, read cells outside a row as none, and a nested table's rows twice."""
    path = tmp_path / "doc.html"
    path.write_text(markup, encoding="utf-8")
    blocks = read(path).blocks
    assert [b.text for b in blocks] == texts
    assert [[c.text for c in row] for row in blocks[-1].rows or []] == rows


@pytest.mark.parametrize("fragment, texts, fast", [
    ("<p>a<script>x</script>b</p>", ["ab"], True),
    ("<p>a</p><style>p { x: 1 }</style><p>b</p>", ["a", "b"], True),
    ('<p>a <SCRIPT type="x">if (a<b) { c = "<p>d</p>" }</SCRIPT > b</p>', ["a b"], True),
    ("<ul><li>a<script>x</script></li><li>b</li></ul>", ["• a", "• b"], True),
    ("<div><p>a</p> b <style>x</style> c</div>", ["a", "b c"], True),
    # Left to lxml: a title (libxml2 closes the paragraph before it), an end tag HTML may end the
    # content at, a comment in the content.
    ("<p>a<title>x</title>b</p>", ["a", "b"], False),
    ("<p>a<script>x</script y>b</p>", ["ab"], False),
    ("<p>a<script>x<!-- y --></script>b</p>", ["ab"], False),
])
def test_script_style_and_title_hold_no_text_of_a_fragment(fragment: str, texts: list[str], fast: bool) -> None:
    """Their text was a paragraph's (`<p>a<script>x</script>b</p>` read "axb"); the .html reader
    skipped them as blocks only. Read by read_fragment when it can, as lxml reads them."""
    assert _check(fragment) is fast
    assert [t for t, _ in html_paragraphs(fragment) or []] == texts


def test_script_style_and_title_hold_no_text_of_an_html_file(tmp_path: Path) -> None:
    path = tmp_path / "doc.html"
    path.write_text("<html><head><title>T</title><style>s</style></head><body><p>a<script>x</script>b</p>"
                    "<table><tr><td>c<style>y</style><p>d<script>z</script></p></td></tr></table></body></html>",
                    encoding="utf-8")
    blocks = read(path).blocks
    assert [b.text for b in blocks] == ["ab", "c\nd"]
    assert blocks[1].rows and blocks[1].rows[0][0].paragraphs == ["c", "d"]


@pytest.mark.parametrize("cell, paragraphs", [
    ("a<p>b</p>", ["a", "b"]),  # the loose "a" was in no paragraph
    ("<ul><li><p>a</p></li><li>b</li></ul>", ["• a", "• b"]),  # "a" was listed twice (li and p)
    ("a <b>b</b> c<p>d</p>e<br>f <i>g</i>", ["a b c", "d", "e", "f g"]),
    ("a<br>b", ["a b"]),  # words on either side of a <br> were glued ("ab")
    ("<p>a</p>x<ul><li>b<ul><li>c</li></ul></li></ul>y", ["a", "x", "• b", "• c", "y"]),
    ("<div>a<p>b</p></div><ol><li>c</li></ol>", ["a", "b", "1. c"]),
    ("", []),
])
def test_html_cell_paragraphs_are_its_block_level_pieces(tmp_path: Path, cell: str, paragraphs: list[str]) -> None:
    """An .html table cell's paragraphs: each block it holds once, each run of loose text between
    them (a <br> ends one); its text those paragraphs on lines, as every reader's cells have it.
    They come from td.iter("p", "li") no more, which left loose text out and a <p> in a list
    item in twice, and the table-row sections (structure._cell_blocks) with it."""
    path = tmp_path / "doc.html"
    path.write_text(f"<table><tr><td>{cell}</td><td><b>x</b> <strong>y</strong></td></tr></table>", encoding="utf-8")
    (block,) = read(path).blocks
    assert block.rows
    first, second = block.rows[0]
    assert first.paragraphs == paragraphs
    assert first.text == "\n".join(paragraphs)
    assert (first.bold, second.bold, second.paragraphs) == (False, True, ["x y"])
    if HTML_FRAGMENT.match(cell):  # as a cell of a Markdown table holding it
        assert [t for t, _ in html_paragraphs(cell) or []] == paragraphs


class _Table(_Numbered):
    """Random .html tables of numbered words w0, w1, … (each written once), their cells mixing loose
    text, paragraphs, list items, nested lists, inline marks and <br>."""

    def run(self) -> str:
        rng = self.rng
        parts = []
        for _ in range(rng.randrange(1, 4)):
            roll = rng.random()
            word = self.word()
            parts.append(word if roll < 0.6 else f"<b>{word}</b>" if roll < 0.8 else f"<em>{word}</em>")
        return rng.choice([" ", "\n"]) + " ".join(parts) + rng.choice([" ", "\n"])  # two runs make one

    def items(self, depth: int) -> str:
        rng = self.rng
        tag = rng.choice(["ul", "ol"])
        return f"<{tag}>" + "".join(
            "<li>" + (f"<p>{self.run()}</p>" if rng.random() < 0.3 else self.run())
            + (self.items(depth + 1) if depth < 2 and rng.random() < 0.3 else "")
            + (self.run() if rng.random() < 0.2 else "") + "</li>" for _ in range(rng.randrange(1, 4))) + f"</{tag}>"

    def cell(self) -> str:
        rng = self.rng
        parts = []
        for _ in range(rng.randrange(0, 5)):
            roll = rng.random()
            if roll < 0.35:
                parts.append(self.run())
            elif roll < 0.55:
                parts.append(f"<p>{self.run()}</p>")
            elif roll < 0.75:
                parts.append(self.items(0))
            elif roll < 0.85:
                parts.append(rng.choice(["<br>", "<br/>", " <BR> "]))
            else:
                parts.append(f"<div>{self.run()}<p>{self.run()}</p></div>")
        return "".join(parts)


LIST_LABEL = re.compile(r"•|[0-9]+\.|[a-zA-Z]+\.")  # what a list item's text opens with (the words are w0, w1, …)


def _tokens(texts: list[str]) -> list[str]:
    return [token for text in texts for token in text.split() if not LIST_LABEL.fullmatch(token)]


def test_html_cell_words_each_in_one_paragraph_in_order(tmp_path: Path) -> None:
    """Generated .html tables: each cell's words, in order, each a word of one of its paragraphs
    (none left out, doubled or glued to another); its text those paragraphs; a Markdown table's cell
    holding the same fragment has the same paragraphs; and a table-row section's field blocks made
    of the cell (structure._cell_blocks) hold the same words."""
    from actionplan_trace.structure import _cell_blocks

    rng = random.Random(13)
    for k in range(400):
        maker = _Table(rng)
        cells: list[list[tuple[str, list[str]]]] = []
        for _ in range(rng.randrange(1, 4)):
            row = []
            for _ in range(rng.randrange(1, 4)):
                first = len(maker.words)
                markup = maker.cell()
                row.append((markup, maker.words[first:]))
            cells.append(row)
        markup = "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c, _ in row) + "</tr>" for row in cells) + "</table>"
        path = tmp_path / f"t{k}.html"
        path.write_text(markup, encoding="utf-8")
        (block,) = read(path).blocks
        assert block.rows is not None
        for row, written in zip(block.rows, cells, strict=True):
            for cell, (fragment, words) in zip(row, written, strict=True):
                assert _tokens(cell.paragraphs) == words, fragment
                assert all(p.strip() for p in cell.paragraphs) and cell.text == "\n".join(cell.paragraphs), fragment
                assert _tokens([b.text for b in _cell_blocks(cell, "f")]) == words, fragment
                if HTML_FRAGMENT.match(fragment):
                    assert [t for t, _ in html_paragraphs(fragment) or []] == cell.paragraphs, fragment


def test_html_list_items_carry_the_label_a_browser_draws(tmp_path: Path) -> None:
    """An .html list item is a list-item block with the label a browser draws and its depth: "•"
    in a <ul>, its number in an <ol> (start, type, reversed and an item's value honoured; a number
    too large for roman numerals in digits). An item holding paragraphs is one by its first, the
    others following as paragraphs: they were all plain paragraphs, the item's bullet lost."""
    path = tmp_path / "lists.html"
    path.write_text(
        "<html><body><ul><li><p>First para of item</p><p>Second para</p></li><li>Plain item<ul><li>nested</li></ul>"
        "</li></ul><ol start='3'><li><p>Three</p><p>more</p></li><li>four</li><li value='10'>ten</li><li>eleven</li>"
        "</ol><ol type='a'><li>a one</li><li>a two</li></ol><ol type='I' reversed><li>x</li><li>y</li><li>z</li></ol>"
        "<ol type='i' start='100000000'><li>huge</li></ol><ol start='99999999999999'><li>past 32 bits</li></ol>"
        "<ul><li><ol><li>inner first</li></ol></li></ul></body></html>", encoding="utf-8")
    assert [(b.type, b.label, b.text, b.list_level) for b in read(path).blocks] == [
        ("list-item", "•", "First para of item", 0), ("paragraph", None, "Second para", None),
        ("list-item", "•", "Plain item", 0), ("list-item", "•", "nested", 1),
        ("list-item", "3.", "Three", 0), ("paragraph", None, "more", None), ("list-item", "4.", "four", 0),
        ("list-item", "10.", "ten", 0), ("list-item", "11.", "eleven", 0),
        ("list-item", "a.", "a one", 0), ("list-item", "b.", "a two", 0),
        ("list-item", "III.", "x", 0), ("list-item", "II.", "y", 0), ("list-item", "I.", "z", 0),
        ("list-item", "100000000.", "huge", 0), ("list-item", "99999999999999.", "past 32 bits", 0),
        ("list-item", "1.", "inner first", 1),
    ]


@pytest.mark.parametrize("fragment, paragraphs", [
    ("<ol><li>a</li><li><p>b</p><p>c</p></li></ol>", ["1. a", "2. b", "c"]),
    ("<ol start=\"3\" type=\"A\"><li>a</li><li>b</li></ol>", ["C. a", "D. b"]),  # attributes: read by lxml
    ("<OL START=2><LI>a</LI></OL>", ["2. a"]),
    ("<ul><li><ul><li>a</li></ul></li></ul>", ["• a"]),  # the outer item opens with a list: one bullet
])
def test_fragment_list_items_open_with_their_label(fragment: str, paragraphs: list[str]) -> None:
    """A Markdown table cell's HTML list: each item's first paragraph opens with its label, by either
    fragment reader (read_fragment keeps no attributes, so a numbered list's start or type is lxml's)."""
    assert [t for t, _ in html_paragraphs(fragment) or []] == paragraphs


def test_html_paragraphs_carry_bold_and_their_source_line(tmp_path: Path) -> None:
    """A paragraph all in <b> or <strong> is bold, the hint a bold Normal heading gives in a .docx
    (it was never set for an .html file); every block carries the line of the page it starts on."""
    path = tmp_path / "page.html"
    path.write_text("<html><body>\n<p><b>Output 2.1 Title</b></p>\n<p>Body <strong>partly</strong> bold.</p>\n"
                    "<ul>\n<li><strong>Bold item</strong></li>\n</ul>\n<table>\n<tr><td>x</td></tr>\n</table>\n"
                    "</body></html>", encoding="utf-8")
    assert [(b.type, b.text, b.bold, b.loc.line) for b in read(path).blocks] == [
        ("paragraph", "Output 2.1 Title", True, 2), ("paragraph", "Body partly bold.", False, 3),
        ("list-item", "Bold item", True, 5), ("table", "x", False, 7)]


def test_bold_inside_bold_is_bold_and_read_once(tmp_path: Path, monkeypatch) -> None:
    """Found in review: a bold element inside another was read again, so `<b>Objective 2
    <b>Infrastructure</b></b>` read "Objective 2 InfrastructureInfrastructure" in bold, not the
    paragraph's text, and was no bold line; 240 nested <b> round 4.5 MB of text made 240 copies
    of it (2 GB, 21 s). Only the outermost bold elements are read, each once, in an .html file
    and in a fragment alike."""
    path = tmp_path / "nested.html"
    path.write_text("<html><body><p><b>Objective 2 <b>Infrastructure</b></b></p><p>Body text.</p>"
                    f"<p>{'<b>' * 40}Output 2.1 <strong>Networks</strong>{'</b>' * 40}</p></body></html>", encoding="utf-8")
    read_texts: list[str] = []
    real = inline.element_text
    monkeypatch.setattr(inline, "element_text", lambda e: read_texts.append(real(e)) or read_texts[-1])
    assert [(b.text, b.bold) for b in read(path).blocks] == [
        ("Objective 2 Infrastructure", True), ("Body text.", False), ("Output 2.1 Networks", True)]
    assert read_texts.count("Networks") == 0 and read_texts.count("Output 2.1 Networks") <= 2
    assert inline.html_paragraphs("<p><b>Objective 2 <strong>Infrastructure</strong></b></p>") == [
        ("Objective 2 Infrastructure", True)]


def test_a_fragment_whose_end_tags_a_conversion_cut_is_still_markup(tmp_path: Path) -> None:
    """A table cell of a plain-text rendering that opens a list and never closes it (seed 003's
    "<ul style=…> • World Radiocommunication Conference • …") is HTML all the same: the parser
    closes what is open, as a browser does, and no tag is left in the text."""
    cell = '<ul style="list-style-type: none"> • World Radiocommunication Conference • Radio Regulations Board'
    assert inline.html_paragraphs(cell) == [("• World Radiocommunication Conference • Radio Regulations Board", False)]
    two = "<p>1 To prepare and support:</p> <ul><li>World radiocommunication conferences"
    assert inline.html_paragraphs(two) == [("1 To prepare and support:", False), ("• World radiocommunication conferences", False)]
    assert inline.html_paragraphs("A sentence about <p> tags") is None
    source = tmp_path / "plan.txt"
    source.write_text("Objective\tOutputs\n"
                      f"Objective 1: Coordinating\t{cell}\n"
                      "Objective 2: Processing\t<p>Processing of space notices</p>\n", encoding="utf-8")
    [table] = [b for b in read(source).blocks if b.type == "table"]
    assert [[c.text for c in row] for row in table.rows] == [
        ["Objective", "Outputs"],
        ["Objective 1: Coordinating", "• World Radiocommunication Conference • Radio Regulations Board"],
        ["Objective 2: Processing", "Processing of space notices"],
    ]


def _blocks_by_lxml(monkeypatch: pytest.MonkeyPatch, markup: str) -> list | None:
    """html.fragment_blocks as it was: every HTML block of a Markdown file read by lxml.html."""
    with monkeypatch.context() as patched:
        patched.setattr(inline, "read_fragment", lambda text, placed=False: None)
        return html.fragment_blocks(markup, 4, 7)


def test_generated_html_blocks_read_as_lxml_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """An HTML block of a Markdown file (several lines up to a blank one) read by read_fragment
    gives the blocks lxml gave, each on the line lxml put it on: lists and their depths, headings,
    bold paragraphs, the text between elements, markdown left in the block as text."""
    rng = random.Random(5)
    makers = [_Maker(rng, odd) for odd in (0.0, 0.0, 0.02, 0.1)]
    extra = ["##### **By 2023:**", "3.1 Goal 1 – Growth .....\t44", "", "tail words", '<p\nclass="x">split tag</p>',
             "<ul>\n<li>one\n<li>two <ul><li>deep</ul>\n</ul>", "<p>a</p\n>"]
    read_here = 0
    for k in range(1500):
        maker = makers[k % len(makers)]
        parts = [maker.fragment() if rng.random() < 0.8 else rng.choice(extra) for _ in range(rng.randrange(2, 6))]
        markup = "\n".join(p.strip("\n") or "x" for p in parts)
        body = read_fragment(markup, placed=True)
        read_here += body is not None
        assert html.fragment_blocks(markup, 4, 7) == _blocks_by_lxml(monkeypatch, markup), markup
    assert read_here > 500, read_here


@pytest.mark.parametrize("markup", ['<p\nclass="x">a</p>\n<p>b</p>', "<p>a</p\n>\n<p>b</p>", "<p>a</p><!-- c\nd -->\n<p>b</p>",
                                    "<p>a</p>\n<script>x\ny</script>\n<p>b</p>"])
def test_html_blocks_whose_lines_are_unsure_are_left_to_lxml(markup: str) -> None:
    """A tag, a comment or a script written over two lines: the lines of the elements after them
    are lxml's to count."""
    assert read_fragment(markup) is not None
    assert read_fragment(markup, placed=True) is None


def test_a_markdown_html_block_of_plain_markup_loads_no_lxml(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text("# Report\n\n<ul style=\"list-style-type: none\"> <li>• Toolkit published;</li> </ul>\n"
                    "<p><b>139 (Rev. Dubai, 2018) Bridging the divide</b></p> <p>Work went on.</p>\n"
                    "##### **By 2023:**\n\nAfter.\n", encoding="utf-8")
    blocks, loaded = _read_in_a_new_process(path)
    assert not loaded
    assert blocks == [("heading", "Report", 1, False), ("list-item", "• Toolkit published;", 3, False),
                      ("paragraph", "139 (Rev. Dubai, 2018) Bridging the divide", 4, True),
                      ("paragraph", "Work went on.", 4, False), ("paragraph", "##### **By 2023:**", 4, False),
                      ("paragraph", "After.", 7, False)]


@pytest.mark.parametrize("depth", [230, 3000])
@pytest.mark.parametrize("block", [False, True])
def test_fragments_nested_past_the_parsers_depth_read_without_failing(tmp_path: Path, depth: int, block: bool) -> None:
    """Found in review: a fragment nested 3,000 deep (one line, or an HTML block of two) gave
    `internal error: RecursionError`, read_fragment reading what lxml stops at. Past FRAGMENT_DEPTH
    it is lxml's: what lxml reads whole (230 deep) is read, what it stops at (3,000) is read as text."""
    inner = "<div>" * depth + "deep words" + "</div>" * depth
    path = tmp_path / "deep.md"
    path.write_text(f"# Deep\n\n{inner}\n" + ("<p>second line</p>\n" if block else "") + "\nAfter.\n", encoding="utf-8")
    texts = [b.text for b in read(path).blocks]
    assert texts[0] == "Deep" and texts[-1] == "After."
    assert any("deep words" in t for t in texts), texts
