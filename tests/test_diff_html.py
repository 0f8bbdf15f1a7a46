"""The HTML diff report for readers: filters, hidden changes, side-by-side columns, source places,
and in headless Chromium at 1280 px, at 390 px (a phone) and printed: nothing overflows, the
contents column is gone in print, the summary page comes first, and every change is visible."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import CORPUS
from lxml import html as lxml_html

from actionplan_trace.diff import DiffResult, compare
from actionplan_trace.render.diff_html import to_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
PDFTOTEXT = shutil.which("pdftotext")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--hide-scrollbars",
         "--disable-component-update", "--no-first-run"]
HARNESS = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="page" src="diff.html" style="width:WIDTHpx;height:900px;border:0"></iframe>
<script>
document.getElementById('page').onload = function(){
  var doc = document.getElementById('page').contentDocument;
  function measure(){
    var w = doc.documentElement.clientWidth, bad = [], shown = 0;
    doc.querySelectorAll('body *').forEach(function(e){
      var r = e.getBoundingClientRect(), s = doc.defaultView.getComputedStyle(e);
      if (r.width && r.right > w + 1 && s.position !== 'absolute') bad.push(e.tagName + '.' + e.className);
    });
    doc.querySelectorAll('.change').forEach(function(e){ if (e.getBoundingClientRect().height) shown++; });
    return {width: w, scroll: doc.documentElement.scrollWidth, overflowing: bad.slice(0, 5), shown: shown};
  }
  var out = {plain: measure()};
  doc.getElementById('side-by-side').checked = true;
  doc.getElementById('show-hidden').checked = true;
  out.side = measure();
  var pre = document.createElement('pre'); pre.id = 'measure'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
};
</script></body></html>"""


@pytest.fixture(scope="module")
def result() -> DiffResult:
    return compare(CORPUS / "objective2-old.docx", CORPUS / "objective2-new.docx")


def test_filters_hidden_changes_columns_and_places(result: DiffResult) -> None:
    page = to_html(result)
    tree = lxml_html.fromstring(page)
    assert not tree.xpath("//script | //link | //img | //iframe | //@src")
    for kind in ("added", "modified", "renamed"):
        assert tree.xpath(f"//input[@id='f-{kind}']") and tree.xpath(f"//label[@for='f-{kind}']")
    groups = tree.xpath("//section[contains(@class, 'group')]")
    assert len(tree.xpath("//input[@name='section']")) == len(groups) + 1
    assert all(tree.xpath(f"//nav//label[@for='s-{g.get('id')}']") for g in groups)
    visible = tree.xpath("//div[contains(@class, 'change') and not(contains(@class, 'hidden'))]")
    hidden = tree.xpath("//div[contains(@class, 'change') and contains(@class, 'hidden')]")
    assert len(visible) == len(result.visible()) and len(hidden) == len(result.changes) - len(result.visible())
    assert all("hidden: numbering only" in h.text_content() or "hidden: formatting only" in h.text_content()
               for h in hidden)
    assert any("hidden: formatting only" in h.text_content() for h in hidden)  # "Output 2.2" / title, "Output 2.2 – title"
    places = [c.xpath(".//span[@class='where']/text()") for c in visible]
    assert all(p and re.fullmatch(r"paragraph \d+(, table row \d+)?( → paragraph \d+(, table row \d+)?)?", p[0])
               for p in places), places
    text = tree.text_content()
    assert "--all" not in text and "trace diff" not in text and "--" not in text.replace("– ", "")
    first = next(c for c in result.visible() if c.kind == "modified" and c.words)
    node = next(v for v in visible if v.xpath(".//div[@class='side']") and "interoperability" in v.text_content())
    old = node.xpath(".//div[@class='old']")[0].text_content().removeprefix("old")
    new = node.xpath(".//div[@class='new']")[0].text_content().removeprefix("new")
    change = next(c for c in result.visible() if c.words and "interoperability" in (c.old or "") and c.kind == "modified")
    assert (old, new) == ((change.old or "").replace("\t", " ").strip(), (change.new or "").replace("\t", " ").strip())
    assert first.at_new and first.at_new in page


def test_each_column_shows_its_revision_exactly(result: DiffResult) -> None:
    """Side by side, each column is its revision's text: no space an edit left behind in the
    other ("delivery ." where the new text adds " worldwide" before the stop)."""
    tree = lxml_html.fromstring(to_html(result))
    columns = [(n.xpath(".//div[@class='old']")[0].text_content().removeprefix("old"),
                n.xpath(".//div[@class='new']")[0].text_content().removeprefix("new"))
               for n in tree.xpath("//div[contains(@class, 'change')]") if n.xpath(".//div[@class='side']")]
    worded = [c for c in result.changes if c.words is not None and any(op != "=" and t.strip() for op, t in c.words)]
    assert len(worded) > 10
    for change in worded:
        pair = ((change.old or "").replace("\t", " ").strip(), (change.new or "").replace("\t", " ").strip())
        assert pair in columns, pair


def _chromium(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CHROMIUM or "chromium", *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium installed")
@pytest.mark.parametrize("width", [1280, 390])
def test_nothing_overflows_and_every_change_shows(result: DiffResult, width: int, tmp_path: Path) -> None:
    (tmp_path / "diff.html").write_text(to_html(result), encoding="utf-8")
    harness = tmp_path / "harness.html"
    harness.write_text(HARNESS.replace("WIDTH", str(width)), encoding="utf-8")
    window = f"--window-size={max(width, 500)},1000"  # headless windows are at least 500 px: the frame sets the width
    dom = _chromium(window, "--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom",
                    harness.as_uri(), tmp=tmp_path).stdout
    found = json.loads(lxml_html.fromstring(dom).xpath("//pre[@id='measure']")[0].text_content())
    for view in ("plain", "side"):
        m = found[view]
        assert m["width"] == width and m["scroll"] <= m["width"], (view, m)
        assert m["overflowing"] == [], (view, m)
    assert found["plain"]["shown"] == len(result.visible())
    assert found["side"]["shown"] == len(result.changes)  # the hidden ones shown by their toggle
    shot = tmp_path / f"diff-{width}.png"
    _chromium(window, "--allow-file-access-from-files", "--virtual-time-budget=3000", f"--screenshot={shot}",
              harness.as_uri(), tmp=tmp_path)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.skipif(CHROMIUM is None or PDFTOTEXT is None, reason="no headless Chromium or pdftotext")
def test_print_has_summary_page_first_no_contents_and_every_change(result: DiffResult, tmp_path: Path) -> None:
    page = tmp_path / "diff.html"
    page.write_text(to_html(result), encoding="utf-8")
    pdf = tmp_path / "diff.pdf"
    _chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri(), tmp=tmp_path)
    pages = subprocess.run([PDFTOTEXT or "pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           timeout=60).stdout.split("\f")
    assert "31 changes" in pages[0] and "modified" in pages[0] and "paragraph 2" not in pages[0]
    text = " ".join(" ".join(pages[1:]).split())
    assert "Changed sections" not in text and "CHANGED SECTIONS" not in text and "side by side" not in text
    assert text.count("paragraph") >= len(result.visible())
    for title in ("Telecommunication Numbering Resources Management", "International Connectivity",
                  "Combating counterfeit and combating mobile device theft"):
        assert title in text


def test_a_change_of_white_space_alone_is_marked_in_its_columns() -> None:
    """Side by side, a space removed ("( see" made "(see") is marked, or the columns would look
    the same; the columns are otherwise each revision's text."""
    from actionplan_trace.diff.changes import Change
    from actionplan_trace.render.diff_html import _columns

    change = Change("modified", "block", "s", "s", ["Background"], "( see Resolution 37)", "(see Resolution 37)",
                    words=[("=", "("), ("-", " "), ("=", "see Resolution 37)")])
    node = lxml_html.fromstring(_columns(change))
    old = node.xpath(".//div[@class='old']")[0]
    assert old.xpath(".//del/text()") == ["␣"] and old.text_content() == "old(␣see Resolution 37)"
    assert node.xpath(".//div[@class='new']")[0].text_content() == "new(see Resolution 37)"


def test_a_page_with_no_change_to_show_says_so_and_where_the_hidden_ones_are() -> None:
    """A review found the page of a .docx against its own PDF blank: its 25 changes change no
    word and were hidden, and nothing said so."""
    page = to_html(compare(CORPUS / "report-c20-35.docx", CORPUS / "report-c20-35.pdf"))
    tree = lxml_html.fromstring(page)
    (note,) = tree.xpath("//main/p[@class='none']")
    hidden = int(re.search(r"(\d+) changes of formatting, numbering or spacing only", note.text_content()).group(1))
    assert hidden == len(tree.xpath("//section[contains(@class, 'only-hidden')]//div[contains(@class, 'change')]")) > 0
    assert "#show-hidden:checked~.wrap .none{display:none}" in page
    same = lxml_html.fromstring(to_html(compare(CORPUS / "objective2-old.docx", CORPUS / "objective2-old.docx")))
    assert [p.text_content() for p in same.xpath("//main/p")] == ["No differences."]


def test_the_keyboard_s_place_among_the_filters_is_outlined(result: DiffResult) -> None:
    """The filters' inputs are hidden and stand apart from their labels, so `input+label` never
    matched and tabbing through them showed nothing (a review). Every input with a label has a
    focus rule naming that label."""
    page = to_html(result)
    tree = lxml_html.fromstring(page)
    labelled = {label.get("for") for label in tree.xpath("//label[@for]")}
    inputs = {i.get("id") for i in tree.xpath("//input[@class='toggle']")} & labelled
    focused = set(re.findall(r"#([\w-]+):focus-visible~\.(?:controls|wrap nav) label\[for=\1\]\{outline:", page))
    assert inputs and inputs <= focused
