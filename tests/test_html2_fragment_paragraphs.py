"""html_paragraphs' shortcuts (kept_paragraphs) against the plain way, on generated fragments: a fragment of one
block of plain text read by PLAIN_FRAGMENT alone, and each distinct text's paragraphs kept."""

from __future__ import annotations

import random

from actionplan_trace.extract import inline

LEADS = ["", " ", "\n", "\xa0", "\u3000", "\t ", "\x1c", "\u2028", "\x85", "\u200b"]
NAMES = ["p", "P", "div", "ul", "ol", "li", "blockquote", "h2", "H3", "h7", "pre", "span", "b", "table"]
ATTRIBUTES = ["", "", ' class="x"', " title='a<b'", ' title="<style>x</style>"', " data-x=y", "/", ' style="a: b" ',
              "\nid=z", ' title="<!x>"', " start=3", ' type="a"', " x=&amp;"]
WORDS = ["a", "word", "é", "•", "x-y", " ", "  ", "\n", "\xa0", "\u2003", "\x0b", "\x1c", "\r", "&amp;", "& b",
         "&copy", "\x01", "\x7f", "\x9f", "\x00", "<!-- c -->", "<b>x</b>", "<br>", ">", "\ufffe", "ĳ", "<script>s</script>", "\t"]
ENDS = ["", "</{}>", "</{} >", "</{}\n>", "</{}>", "</div>", "</p>", "</{}><p>b</p>", "</{}> tail", "</{}>\xa0"]


def _fragment(rng: random.Random) -> str:
    name = rng.choice(NAMES)
    text = "".join(rng.choice(WORDS[:9] if rng.random() < 0.6 else WORDS) for _ in range(rng.randint(0, 6)))
    end = rng.choice(ENDS).format(name if rng.random() < 0.8 else name.swapcase())
    return f"{rng.choice(LEADS)}<{name}{rng.choice(ATTRIBUTES)}>{text}{end}{rng.choice(LEADS)}"


def test_plain_fragment_reads_as_its_tree() -> None:
    rng = random.Random(11)
    shortcut = 0
    for _ in range(20_000):
        markup = _fragment(rng)
        if not inline.is_fragment(markup):
            continue
        shortcut += inline.PLAIN_FRAGMENT.fullmatch(markup) is not None
        assert inline.kept_paragraphs.__wrapped__(markup) == inline.fragment_text_paragraphs(markup), repr(markup)
    assert shortcut > 2000  # the shortcut was tried, not only the tree


def test_kept_paragraphs_are_those_read_again() -> None:
    rng = random.Random(12)
    markups = [_fragment(rng) for _ in range(300)]
    for markup in markups + markups:
        assert inline.kept_paragraphs(markup) == inline.kept_paragraphs.__wrapped__(markup), repr(markup)


def test_long_fragments_are_read_each_time_not_kept() -> None:
    """A fragment longer than LONGEST_KEPT is read as a shorter one is, and not kept: the texts
    kept across documents stay small."""
    long = "<p>" + "word " * (inline.LONGEST_KEPT // 5 + 1) + "</p>"
    before = inline.kept_paragraphs.cache_info().currsize
    assert inline.html_paragraphs(long) == list(inline.read_paragraphs(long) or ()) == [(" ".join(["word"] * (inline.LONGEST_KEPT // 5 + 1)), False)]
    assert inline.kept_paragraphs.cache_info().currsize == before
