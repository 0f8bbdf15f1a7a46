"""The reports of a change whose links alone changed (a link retargeted, added or taken off, its
words the same) showed its title over "…": no word changed, so no excerpt of the paragraph was
kept. They show the paragraph's text around the link, its words marked (HTML: highlighted, in
each revision's column of the side-by-side view its own links; Markdown: bold; terminal:
underlined, and bracketed [@words@] without colour)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Pt

from actionplan_trace.diff.api import compare
from actionplan_trace.render.diff_html import to_html
from actionplan_trace.render.diff_md import to_markdown
from actionplan_trace.render.diff_text import to_text
from conftest import run_cli
from docx_edit import ITU_D, ITU_T, link_word

LONG = ("Capacity building remains central to the work of the Bureau: the Academy platform offers courses on "
        "spectrum management, cybersecurity and emergency telecommunications, and the ITU Academy partners "
        "deliver training in every region, in six languages, with certificates recognised by national regulators "
        "and universities, so that Member States can plan, build and run resilient networks on their own.")
ITEM = "Support the WSIS Forum and the review of the action lines in every region."


def _plan(path: Path, academy: str | None, wsis: str | None) -> Path:
    """An output with a long Background paragraph whose "ITU Academy" links to `academy`, and a
    numbered item (List Number, Verdana 10 pt) whose "WSIS" links to `wsis` (plain when None)."""
    document = docx.Document()
    document.styles["Normal"].font.name, document.styles["Normal"].font.size = "Verdana", Pt(10)
    document.add_heading("Output 4.1 – Capacity development", level=2)
    document.add_heading("Background", level=3)
    link_word(document, document.add_paragraph(LONG), "ITU Academy", academy)
    link_word(document, document.add_paragraph(ITEM, style="List Number"), "WSIS", wsis)
    document.save(str(path))
    return path


def test_a_link_only_change_shows_its_paragraph_with_the_link_marked(tmp_path: Path) -> None:
    old = _plan(tmp_path / "old.docx", ITU_D, None)
    new = _plan(tmp_path / "new.docx", ITU_T, ITU_T)
    result = compare(old, new)
    assert [(c.kind, c.links_added, c.links_removed) for c in result.visible()] == [
        ("modified", [("ITU Academy", ITU_T)], [("ITU Academy", ITU_D)]), ("modified", [("WSIS", ITU_T)], [])]
    html = to_html(result)
    assert '<div class="text">…</div>' not in html
    assert ('<div class="text">… cybersecurity and emergency telecommunications, and the '
            '<span class="link">ITU Academy</span> partners deliver training in every region, in six …</div>') in html
    assert '<div class="text">1. Support the <span class="link">WSIS</span> Forum and the review' in html
    # side by side: each revision's own links on its whole text (OLD had no link on "WSIS")
    assert f'<span class="label">old</span>{LONG[:LONG.index("ITU Academy")]}<span class="link">ITU Academy</span>' in html
    assert '<span class="label">old</span>1. Support the WSIS Forum' in html
    assert '<span class="label">new</span>1. Support the <span class="link">WSIS</span> Forum' in html
    markdown = to_markdown(result)
    assert "and the <b>ITU Academy</b> partners" in markdown and "Support the <b>WSIS</b> Forum" in markdown
    text = to_text(result)
    assert "and the [@ITU Academy@] partners deliver" in text and "Support the [@WSIS@] Forum" in text
    assert "\n      …\n" not in text


def test_without_colour_the_words_of_a_changed_link_are_bracketed_and_a_link_taken_off_shows_its_words(
        tmp_path: Path) -> None:
    """Without colour (piped, NO_COLOR) the terminal report marked a change of links alone by
    nothing: its underline was the only mark, and the plain text showed the paragraph unmarked.
    The words are bracketed [@…@], as edits are [-…-] and {+…+}. A link taken off (no link left
    on NEW's words) showed "…" in every report: the excerpt is now the words it was on, marked.
    The HTML legend names the link highlight beside deletions and insertions."""
    old = _plan(tmp_path / "old.docx", ITU_D, ITU_T)
    new = _plan(tmp_path / "new.docx", ITU_T, None)
    out = run_cli("diff", str(old), str(new))
    assert out.returncode == 1, out.stderr
    lines = out.stdout.splitlines()
    assert "      … cybersecurity and emergency telecommunications, and the [@ITU Academy@] partners deliver training" \
           " in every region, in six …" in lines
    assert "      1. Support the [@WSIS@] Forum and the review of the action lines in every region." in lines
    assert "\x1b" not in out.stdout and "      …" not in lines
    result = compare(old, new)
    assert "Support the <b>WSIS</b> Forum" in to_markdown(result)
    html = to_html(result)
    assert '<div class="text">1. Support the <span class="link">WSIS</span> Forum' in html
    # side by side, each revision's own links: OLD's on "WSIS", NEW none
    assert '<span class="label">old</span>1. Support the <span class="link">WSIS</span> Forum' in html
    assert '<span class="label">new</span>1. Support the WSIS Forum' in html
    legend = html[html.index("<footer>"):]
    assert "<del>Deletions</del>" in legend and "<ins>insertions</ins>" in legend
    assert '<span class="link">the words of a link that changed</span>' in legend
