"""inline._unescaped, which imports html.unescape only where a reference needs it, against
html.unescape itself on generated texts."""

from __future__ import annotations

import html
import html.entities
import random
import subprocess
import sys

from actionplan_trace.extract import inline

PIECES = ["&", "&amp;", "&amp", "&AMP;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&copy", "&copy2020", "&eacute;",
          "&notit;", "&not", "&NRR", "&I", "&D", "&T ", "& ", "&;", "&#", "&#;", "&#60;", "&#60", "&#x3C;", "&#X3c;",
          "&#x1F600;", "&#128512;", "&#0;", "&#128;", "&#55296;", "&#65534;", "&#1234567;", "&frac12;", "&frac12",
          "&sup2x", "&zz;", "&" + "a" * 31 + ";", "&" + "a" * 40 + ";", "&&lt;", "&#&#60;", "&\t", "&\n", "&<b>",
          "R&D", "C&I", "AT&T", "DR&NRR", "Q&A", "a", "b ", " ", "x;", "#", ";", "<", "\u2013", "1"]


def test_legacy_names_are_those_unescape_reads_without_a_semicolon() -> None:
    assert inline.LEGACY_NAMES == sorted(name for name in html.entities.html5 if not name.endswith(";"))


def test_unescaped_is_html_unescape() -> None:
    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8)))
        assert inline._unescaped(text) == html.unescape(text), text


def test_unescaped_takes_bare_ampersands_and_common_references_without_the_module() -> None:
    assert inline._unescaped("R&D and C&I, AT&T") == "R&D and C&I, AT&T"
    assert inline._unescaped("a &lt; b &amp; c &#8211; d &#x2014;") == "a < b & c \u2013 d \u2014"
    assert inline._decoded("FG-DR&NRR", inline._literal_ampersand) == "FG-DR&NRR"
    assert inline._decoded("&copy2020", inline._literal_ampersand) is None  # left to html.unescape


def test_a_text_with_bare_ampersands_and_common_references_imports_no_html_module() -> None:
    code = ("import sys; from actionplan_trace.extract.inline import clean_inline; "
            "a = clean_inline('R&D and C&I, a &lt; b &amp; c'); had = 'html' in sys.modules; "
            "b = clean_inline('&copy2020'); print(repr(a), had, repr(b), 'html' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["'R&D", "and", "C&I,", "a", "<", "b", "&", "c'", "False", "'©2020'", "True"]
