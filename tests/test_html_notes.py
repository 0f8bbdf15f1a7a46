"""Notes in HTML pages as pandoc, Word ("Save as Web Page") and LibreOffice write them.

Each writer marks a note reference and the notes differently (extract/html.py). A reference is
taken out of the text, as the .docx reader leaves Word's reference marks out: kept, its number
was glued to the word before it ("Resolution 37" and note 1 read "Resolution 371", a reference to
a resolution that does not exist). The notes are footnote blocks, labelled as the page shows them,
in a "footnotes" section, as a .docx's are; their back links ("↩︎", "[1]") are no text of theirs.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from actionplan_trace import load
from actionplan_trace.extract import read
from actionplan_trace.refs import document_refs

BODY = "<h1>Objective 1</h1><p>Implement WTDC Resolution 37{ref1} in all regions, with SDG 9{ref2}.</p>"
PAGES = {
    "pandoc": (
        '<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>',
        '<a href="#fn2" class="footnote-ref" id="fnref2" role="doc-noteref"><sup>2</sup></a>',
        '<section class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr /><ol>'
        '<li id="fn1" role="doc-endnote"><p>Revised at Buenos Aires, 2017.<a href="#fnref1" class="footnote-back" '
        'role="doc-backlink">↩︎</a></p></li><li id="fn2"><p>Targets 9.1 and 9.c.</p><p>See also '
        '<a href="https://sdgs.un.org">the SDG site</a>.<a href="#fnref2" class="footnote-back">↩︎</a></p></li>'
        '</ol></section>',
        [("1", "Revised at Buenos Aires, 2017."), ("2", "Targets 9.1 and 9.c.\nSee also the SDG site.")],
    ),
    "pandoc 1": (
        '<a href="#fn1" class="footnoteRef" id="fnref1"><sup>1</sup></a>',
        '<a href="#fn2" class="footnoteRef" id="fnref2"><sup>2</sup></a>',
        '<div class="footnotes"><hr /><ol><li id="fn1"><p>Revised at Buenos Aires, 2017.<a href="#fnref1">↩</a></p>'
        '</li><li id="fn2"><p>Targets 9.1 and 9.c.<a href="#fnref2">↩</a></p></li></ol></div>',
        [("1", "Revised at Buenos Aires, 2017."), ("2", "Targets 9.1 and 9.c.")],
    ),
    "Word": (
        '<a href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference><span '
        'style="font-size:11.0pt">[1]</span></span></a>',
        '<a href="#_edn1" name="_ednref1" title=""><span class=MsoEndnoteReference>[i]</span></a>',
        '<div style="mso-element:footnote-list"><br clear=all><hr align=left size=1 width="33%"><div '
        'style="mso-element:footnote" id=ftn1><p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1" title="">'
        '<span class=MsoFootnoteReference>[1]</span></a> Revised at Buenos Aires, 2017.</p></div></div>'
        '<div style="mso-element:endnote-list"><hr align=left size=1 width="33%"><div style="mso-element:endnote" '
        'id=edn1><p class=MsoEndnoteText><a href="#_ednref1" name="_edn1" title="">[i]</a> Targets 9.1 and 9.c.</p>'
        '</div></div>',
        [("1", "Revised at Buenos Aires, 2017."), ("i", "Targets 9.1 and 9.c.")],
    ),
    "LibreOffice": (
        '<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a>',
        '<a class="sdfootnoteanc" name="sdfootnote2anc" href="#sdfootnote2sym"><sup>2</sup></a>',
        '<div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote1sym" '
        'href="#sdfootnote1anc">1</a>Revised at Buenos Aires, 2017.</p></div><div id="sdfootnote2"><p '
        'class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote2sym" href="#sdfootnote2anc">2</a>Targets '
        '9.1 and 9.c.</p></div>',
        [("1", "Revised at Buenos Aires, 2017."), ("2", "Targets 9.1 and 9.c.")],
    ),
    # LibreOffice names the script after a class whose style differs by script (a note's number
    # in another size): corpus/objective2-old.docx exported read "1In this document …".
    "LibreOffice, script classes": (
        '<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a>',
        '<a class="sdendnoteanc" name="sdendnote1anc" href="#sdendnote1sym"><sup>i</sup></a>',
        '<div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym-western" name="sdfootnote1sym" '
        'href="#sdfootnote1anc">1</a>Revised at Buenos Aires, 2017.</p></div><div id="sdendnote1"><p '
        'class="sdendnote"><a class="sdendnotesym-ctl" name="sdendnote1sym" href="#sdendnote1anc">i</a>Targets '
        '9.1 and 9.c.</p></div>',
        [("1", "Revised at Buenos Aires, 2017."), ("i", "Targets 9.1 and 9.c.")],
    ),
}


@pytest.mark.parametrize("writer", PAGES)
def test_note_references_leave_the_text_and_notes_are_footnotes(tmp_path: Path, writer: str) -> None:
    ref1, ref2, notes, expected = PAGES[writer]
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>t</title></head><body>{BODY.format(ref1=ref1, ref2=ref2)}{notes}"
                    "</body></html>", encoding="utf-8")
    raw = read(path)
    assert [b.text for b in raw.blocks] == ["Objective 1", "Implement WTDC Resolution 37 in all regions, with SDG 9."]
    assert [(b.type, b.label, b.text) for b in raw.footnotes] == [("footnote", label, text) for label, text in expected]
    doc = load(path)
    assert [s.id for s in doc.sections][-1] == "footnotes"
    ids = [r.id for r in document_refs(doc).refs]
    assert ids[:2] == ["WTDC-RES-37", "SDG-9"]
    assert "WTDC-RES-371" not in ids and "SDG-91" not in ids


def test_links_and_superscripts_that_are_no_notes_stay_text(tmp_path: Path) -> None:
    """Only what a writer marks as a note is one: a link to a section, a footnote-like id without
    the markers, or a superscript (m<sup>2</sup>) keeps its text."""
    path = tmp_path / "page.html"
    path.write_text('<p>See <a href="#fn">the notes</a>, 10 m<sup>2</sup> and <a href="#ftn">x</a>.</p>'
                    '<div id="ftnote"><p>Not a note.</p></div><ol class="notes"><li>Item</li></ol>', encoding="utf-8")
    raw = read(path)
    assert [b.text for b in raw.blocks] == ["See the notes, 10 m2 and x.", "Not a note.", "Item"]
    assert raw.footnotes == []


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".docx"])
def test_a_non_breaking_hyphen_is_a_hyphen(tmp_path: Path, suffix: str) -> None:
    """pandoc writes Word's non-breaking hyphen (the .docx reader's "-") as U+2011: "ITU‑D SG 2" lost
    its sector, and a rendering differed from its .docx at every "ITU‑D"."""
    path = tmp_path / f"nb{suffix}"
    line = "See ITU\u2011D SG 2 Question 3/2 and the 2018\u20112021 period."
    if suffix == ".docx":  # a literal U+2011 in a w:t, as a .docx written by pandoc holds it
        made = docx.Document()
        made.add_paragraph(line)
        made.save(str(path))
    else:
        path.write_text(f"<p>{line}</p>" if suffix == ".html" else f"{line}\n", encoding="utf-8")
    doc = load(path)
    assert [b.text for s in doc.sections for b in s.blocks] == ["See ITU-D SG 2 Question 3/2 and the 2018-2021 period."]
    assert [r.id for r in document_refs(doc).refs] == ["ITU-D-SG2-Q3"]


def test_libreoffice_page_header_and_footer_are_page_furniture(tmp_path: Path) -> None:
    """LibreOffice's HTML export wraps the page header and footer in <div title="header"> and
    <div title="footer">: left out, as a .docx's are (a black-box review: the header's "Objective
    2" and the footer's "Resolution 1" were read as body text and references); a div titled
    otherwise is read."""
    path = tmp_path / "lo.html"
    path.write_text('<html><body><div title="header"><p>ITU-D Objective 2 – draft</p></div>'
                    '<p>The Bureau cites WTDC Resolution 37.</p><div title="note"><p>Kept text.</p></div>'
                    '<div title="footer"><p>Page 1 – Resolution 1</p></div></body></html>', encoding="utf-8")
    assert [b.text for b in read(path).blocks] == ["The Bureau cites WTDC Resolution 37.", "Kept text."]
    path.write_text('<html><body><main><div title="header"><p>Objective 2 – the site banner</p></div>'
                    '<p>Text.</p></main></body></html>', encoding="utf-8")
    assert [b.text for b in read(path).blocks] == ["Objective 2 – the site banner", "Text."]
