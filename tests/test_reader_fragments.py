"""The shortcuts of inline.py's fragment reading against the plain way, on generated input:
fragment_paragraphs reading a fragment of PLAIN_BLOCKS alone as its texts (_block_texts), and
collapse_spaces keeping a printable text with single spaces as it is."""

from __future__ import annotations

import random

import lxml.html

from actionplan_trace.extract import inline

WHITE = [" ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\x0b", "\x1c", "\x85", "\u2028"]
WORDS = ["a", "word", "é", "•", "1.", "x-y", "Z"]
TAGS = ["p", "div", "ul", "ol", "blockquote", "h2", "li", "b", "a", "br", "span"]


def _plain(parts: list) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    lead = parts[0] if parts and isinstance(parts[0], str) else ""
    inline._pieces(lead, [p for p in parts if not isinstance(p, str)], out)
    return out


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(WORDS + WHITE[:3]) for _ in range(rng.randint(0, 4)))


def _fragment(rng: random.Random, depth: int = 0) -> str:
    out = []
    for _ in range(rng.randint(1, 3)):
        out.append(_text(rng))
        tag = rng.choice(TAGS[:6] if rng.random() < 0.8 else TAGS)
        inner = _fragment(rng, depth + 1) if depth < 3 and rng.random() < 0.4 else _text(rng)
        out.append(f"<{tag}>{inner}" + ("" if tag == "br" else f"</{tag}>" if rng.random() < 0.8 else ""))
    out.append(_text(rng))
    return "".join(out)


def test_collapse_spaces_is_split_and_join() -> None:
    rng = random.Random(3)
    for _ in range(20_000):
        text = "".join(rng.choice(WORDS + WHITE) for _ in range(rng.randint(0, 8)))
        assert inline.collapse_spaces(text) == " ".join(text.split()), repr(text)


def test_fragment_of_plain_blocks_reads_as_the_walk_of_its_elements() -> None:
    rng = random.Random(5)
    shortcut = 0
    for _ in range(3000):
        markup = "<p>" + _fragment(rng) if rng.random() < 0.3 else _fragment(rng)
        holders = [inline.read_fragment(markup), lxml.html.fragment_fromstring(markup, create_parent="div")]
        for holder in holders:
            if holder is None:
                continue
            parts = [holder.text or "", *holder]
            shortcut += inline._block_texts(parts[1:], [])
            assert inline.fragment_paragraphs(parts) == _plain(parts), markup
    assert shortcut > 500  # the shortcut was taken, not only the plain walk
