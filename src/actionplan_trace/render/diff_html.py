"""The diff as one self-contained HTML page for readers: summary, contents, inline or side-by-side
redline, filters by kind of change and by section, and the changes the report leaves out.

No scripts, fonts or images: the filters are check boxes and radio buttons that style sheets
read (`:checked ~`), so the page works offline, in a mail attachment and in print. The layout
narrows to one column on a phone, and the print style sheet drops the contents and the filters,
starts with a summary page and prints badges as outlined labels.
"""

from __future__ import annotations

from html import escape

from ..diff.changes import CHANGE_KINDS, Change, DiffResult
from ..diff.ignore import NOTHING, kept_when_ignored
from ..diff.words import Op
from .diff_common import (
    LINKED, cell_label, change_title, column_cells, groups, heading, kinds_note, linked, location, moved_from, notes, path_text, refs_note,
    report_summary, short_path, shown, with_cells,
)
from .escapes import seen

STYLE = """
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1b1f23;background:#fafbfc}
header{background:#24292e;color:#fff;padding:16px 24px}header h1{font-size:20px;margin:0 0 4px}
header p{margin:0;opacity:.9;overflow-wrap:anywhere}
.summary{padding:12px 24px;background:#fff;border-bottom:1px solid #e1e4e8}
.summary table{border-collapse:collapse;margin:8px 0}.summary td,.summary th{border:1px solid #e1e4e8;padding:2px 10px;text-align:left}
.summary td.n{text-align:right;font-variant-numeric:tabular-nums}
.controls{padding:8px 24px;background:#f6f8fa;border-bottom:1px solid #e1e4e8;font-size:13px}
.controls label{margin-right:14px;white-space:nowrap;cursor:pointer}
.toggle{position:absolute;opacity:0;pointer-events:none}
.wrap{display:flex;align-items:flex-start}
nav{position:sticky;top:0;width:300px;flex:none;max-height:100vh;overflow:auto;padding:16px;border-right:1px solid #e1e4e8;background:#fff}
nav h2{font-size:14px;text-transform:uppercase;color:#586069;margin:0 0 8px}
nav ol{padding-left:0;margin:0;list-style:none}nav li{margin:4px 0;font-size:13px}
nav label{cursor:pointer;color:#0366d6;display:block;overflow-wrap:anywhere}
nav .n{color:#586069}nav .up{font-size:11px;color:#6a737d;overflow-wrap:anywhere}
main{flex:1;padding:16px 24px;min-width:0}
section.group{background:#fff;border:1px solid #e1e4e8;border-radius:6px;margin:0 0 16px;padding:8px 16px}
section.group h2{font-size:15px;margin:8px 0;color:#24292e;overflow-wrap:anywhere}
.change{border-top:1px solid #eaecef;padding:8px 0}.change:first-of-type{border-top:0}
.kind{display:inline-block;font-size:12px;font-weight:600;padding:1px 8px;border-radius:10px;color:#fff;margin-right:6px;border:1px solid transparent}
.k-added{background:#1f7f3a}.k-removed{background:#cb2431}.k-modified{background:#8a6d00}.k-moved{background:#6f42c1}
.k-renamed{background:#0366d6}.k-renumbered{background:#586069}
.meta{font-size:12px;color:#586069}.where{font-size:12px;color:#586069;margin-left:6px}
.refs{font-size:12px;font-weight:600;color:#24292e;margin-left:6px}
.cell{margin:6px 0 0 18px;padding-left:10px;border-left:3px solid #e1e4e8}.cell .at{font-size:12px;font-weight:600;color:#586069}
.text{margin:4px 0 0;white-space:pre-wrap;overflow-wrap:anywhere;tab-size:2}
.side{display:none;grid-template-columns:1fr 1fr;gap:12px;margin-top:4px}
.side>div{white-space:pre-wrap;overflow-wrap:anywhere;tab-size:2;min-width:0;padding:4px 8px;border-radius:4px}
.side .old{background:#fffafa;border:1px solid #f3d4d7}.side .new{background:#f7fff9;border:1px solid #cdeed6}
.side .label{display:block;font-size:11px;color:#586069;text-transform:uppercase}
del{background:#ffd7d5;color:#b31d28;text-decoration:line-through;padding:0 1px;border-radius:2px}
ins{background:#ccffd8;color:#176f2c;text-decoration:none;border-bottom:1px solid #34d058;padding:0 1px;border-radius:2px}
.link{background:#f1f8ff;color:#0366d6;border-bottom:2px dotted #0366d6}
.hidden{display:none;opacity:.8}
.empty{color:#586069;font-style:italic}
footer{padding:8px 24px;color:#586069;font-size:12px}
#show-hidden:checked~.wrap .hidden{display:block}
#show-hidden:checked~.wrap section.only-hidden{display:block}
section.only-hidden,li.only-hidden{display:none}
#show-hidden:checked~.wrap li.only-hidden{display:list-item}
#side-by-side:checked~.wrap .text{display:none}
#side-by-side:checked~.wrap .side{display:grid}
.controls label:hover{text-decoration:underline}
.none{font-style:italic;color:#586069}#show-hidden:checked~.wrap .none{display:none}
@media (max-width:760px){
 .wrap{display:block}
 nav{position:static;width:auto;max-height:40vh;border-right:0;border-bottom:1px solid #e1e4e8}
 main{padding:12px}header,.summary,.controls{padding-left:12px;padding-right:12px}
 section.group{padding:8px 10px}
 #side-by-side:checked~.wrap .side{grid-template-columns:1fr}
}
@media print{
 body{background:#fff;font-size:11pt}
 header{background:#fff;color:#000;border-bottom:2px solid #000;padding:0 0 8px}
 .summary{page-break-after:always;break-after:page;border:0;padding:8px 0}
 nav,.controls,footer{display:none}
 .wrap{display:block}main{padding:0}
 section.group{border:0;border-top:1px solid #999;border-radius:0;padding:6px 0;break-inside:auto}
 .change{break-inside:avoid}
 section.group h2{break-inside:avoid;page-break-inside:avoid;break-after:avoid;page-break-after:avoid}
 section.group h2::after{content:"";display:block;height:5em;margin-bottom:-5em}
 .kind{background:#fff!important;color:#000;border:1px solid #000}
 del{color:#000;background:#ddd;outline:1px solid #999;-webkit-print-color-adjust:exact;print-color-adjust:exact}
 ins{color:#000;background:#fff;border-bottom:2px solid #000}
 .link{color:#000;background:#fff;border-bottom:2px dotted #000}
}
"""


def words(ops: list[Op]) -> str:
    """A word diff as inline HTML with <del> and <ins>; a link's words (LINKED) highlighted."""
    out = []
    for op, text in ops:
        if op == "-":
            out.append(f"<del>{escape(text)}</del>")
        elif op == "+":
            out.append(f"<ins>{escape(text)}</ins>")
        elif op == LINKED:
            out.append(f'<span class="link">{escape(text)}</span>')
        else:
            out.append(escape(text))
    return "".join(out)


def _side(ops: list[Op], keep: str) -> str:
    """One side of a word diff: the kept text with that side's edits marked, the white space
    around an edit left unmarked (an underlined space at a line's end reads as a stray mark)."""
    out: list[Op] = []
    for op, text in ops:
        if op == "=":
            out.append((op, text))
        elif op == keep:
            core = text.strip()
            start = text.index(core) if core else len(text)
            out += [("=", text[:start]), (op, core), ("=", text[start + len(core):])]
    return words([(op, text) for op, text in out if text])


def _body(change: Change) -> str:
    """A change's text with its redline."""
    if change.kind == "renumbered":
        return f"<del>{escape(change.old or '')}</del> → <ins>{escape(change.new or '')}</ins>"
    if change.kind == "moved" and change.target == "section":
        return f'<span class="meta">{escape(moved_from(change))}</span>'
    if change.kind == "moved":
        text = words(shown(change.words)) if change.words is not None else escape(change.new or "")
        note = f"{moved_from(change)}{', edited' if change.words is not None else ''}"
        return f'<span class="meta">({escape(note)})</span> {text}'
    if (ops := linked(change)) is not None:  # only where links point: the words they are set on
        return words(ops)
    if change.words is not None:
        return words(shown(change.words, whole=change.kind == "renamed"))
    if change.new is not None:
        return f"<ins>{escape(seen(change.new))}</ins>"
    return f"<del>{escape(seen(change.old or ''))}</del>"


def _column(ops: list[Op], keep: str) -> str:
    """One revision's column: its side of the steps, with its own edits marked."""
    plain = [(op, text.replace("\t", " ") if op == "=" else seen(text.replace("\t", " "))) for op, text in ops]
    if all(op == "=" or not text.strip() for op, text in plain):
        plain = shown(ops, whole=True)  # white space all that changed: each space marked (␣)
    return _side(plain, keep).strip()


def _columns(change: Change, ignore: frozenset[str] = NOTHING, loose: bool = False) -> str:
    """Old and new side by side, each with its own edits marked and its own text exactly: the
    steps as diffed, not as `shown` makes them readable inline, which moves an edit's white
    space into the kept text ("delivery[+ worldwide+]." read "delivery ." on the old side); an
    edit of an `ignore`d kind (a bullet glyph) is that column's text, unmarked."""
    if (old_ops := linked(change, "-", whole=True)) is not None and (new_ops := linked(change, "+", whole=True)) is not None:
        old, new = words(old_ops), words(new_ops)  # each revision's links marked on its own text
    elif change.words is not None:
        old, new = (_column(kept_when_ignored(change.words, ignore, side, loose), side) for side in "-+")
    else:
        old = f"<del>{escape(change.old)}</del>" if change.old is not None and change.kind != "moved" else escape(change.old or "")
        new = f"<ins>{escape(change.new)}</ins>" if change.new is not None and change.kind != "moved" else escape(change.new or "")
    empty = '<span class="empty">(none)</span>'
    return (f'<div class="side"><div class="old"><span class="label">old</span>{old or empty}</div>'
            f'<div class="new"><span class="label">new</span>{new or empty}</div></div>')


def _cell(result: DiffResult, head: Change, cell: Change, all_changes: bool) -> str:
    """A cell of a column added or removed whole, under the column's change: its row (and
    section), notes and references, then its text inline and in the side-by-side view."""
    said = [*notes(cell), location(cell)]
    note = refs_note(cell)
    return (f'<div class="cell"><span class="at">{escape(cell_label(head, cell))}</span>'
            + "".join(f'<span class="where">{escape(s)}</span>' for s in said if s)
            + (f'<span class="refs">{escape(note)}</span>' if note else "")
            + f'<div class="text">{_body(result.shown(cell, all_changes))}</div>'
            + f'{_columns(cell, result.ignored(all_changes), result.loose)}</div>')


def _change(result: DiffResult, change: Change, all_changes: bool, cells: list[Change] | None = None) -> str:
    """One change as a block of HTML (its kind as a class, for the filters); one the report hides
    shows every difference it has when the toggle shows it. A column added or removed whole
    holds its `cells`, each with its row and text."""
    hidden = result.hides(change, all_changes)
    ignore = NOTHING if hidden else result.ignored(all_changes)
    meta = notes(change)
    if hidden:
        meta = [m for m in meta if m != kinds_note(change)] + [f"hidden: {kinds_note(change)}"]
    note = refs_note(change)
    at = location(change)
    css = f"change c-{change.kind}" + (" hidden" if hidden else "")
    shown = change if hidden else result.shown(change, all_changes)
    return (
        f'<div class="{css}"><span class="kind k-{escape(change.kind)}">{escape(change_title(shown))}</span>'
        + (f'<span class="meta">{escape("; ".join(meta))}</span>' if meta else "")
        + (f'<span class="where">{escape(at)}</span>' if at else "")
        + (f'<span class="refs">{escape(note)}</span>' if note else "")
        + f'<div class="text">{_body(shown)}</div>'
        + f'{_columns(change, ignore, result.loose)}'
        + "".join(_cell(result, change, cell, all_changes) for cell in cells or ())
        + "</div>"
    )


def _summary(result: DiffResult, all_changes: bool) -> str:
    """The summary block: the sentence, then a table of changes by kind and of words."""
    summary = result.summary(all_changes)
    words_ = summary.get("words", {})
    rows = "".join(f'<tr><td>{kind}</td><td class="n">{summary[kind]}</td></tr>' for kind in CHANGE_KINDS
                   if summary.get(kind))
    rows += "".join(f'<tr><td>words {k}</td><td class="n">{v}</td></tr>' for k, v in words_.items())
    if summary.get("hidden"):
        rows += f'<tr><td>not shown (no word changed)</td><td class="n">{summary["hidden"]}</td></tr>'
    return (f'<section class="summary"><p><strong>{escape(report_summary(result, all_changes))}</strong></p>'
            f'<table><tr><th>changes</th><th>count</th></tr>{rows}</table></section>')


def _no_differences(hidden: int) -> str:
    """What the page says where the report shows no change: with changes that change no word,
    how many and where to find them (the page was blank, a review found)."""
    if not hidden:
        return '<p class="none">No differences.</p>'
    return (f'<p class="none">No differences that change a word. {hidden} change{"s" if hidden != 1 else ""} of '
            'formatting, numbering or spacing only: tick “changes that change no word” to show '
            f'{"them" if hidden != 1 else "it"}.</p>')


def _filter_rules(count: int) -> str:
    """Style rules for the filters: a kind unticked hides its changes; a section chosen hides the others."""
    rules = [f"#f-{kind}:not(:checked)~.wrap .c-{kind}{{display:none!important}}" for kind in CHANGE_KINDS]
    rules += [f"#s-g{n}:checked~.wrap section.group:not(#g{n}){{display:none!important}}" for n in range(1, count + 1)]
    rules += [f"#s-g{n}:checked~.wrap nav label[for=s-g{n}]{{font-weight:700}}" for n in range(1, count + 1)]
    for box in [f"f-{kind}" for kind in CHANGE_KINDS] + ["show-hidden", "side-by-side"]:
        rules.append(f'#{box}:checked~.controls label[for={box}]::before{{content:"☑ "}}')
        rules.append(f'#{box}:not(:checked)~.controls label[for={box}]::before{{content:"☐ "}}')
        rules.append(f"#{box}:focus-visible~.controls label[for={box}]{{{FOCUS}}}")
    rules.append("#s-all:checked~.wrap nav label[for=s-all]{font-weight:700}")
    # The inputs are hidden, and stand apart from their labels: the label of the one the keyboard
    # is on is outlined (a rule on `input+label` would never match).
    rules += [f"#{radio}:focus-visible~.wrap nav label[for={radio}]{{{FOCUS}}}"
              for radio in ["s-all"] + [f"s-g{n}" for n in range(1, count + 1)]]
    return "".join(rules)


FOCUS = "outline:2px solid #0366d6;outline-offset:2px;border-radius:2px"


def to_html(result: DiffResult, all_changes: bool = False) -> str:
    """The report as a complete HTML document."""
    visible = result.visible(all_changes)

    def hides(change: Change) -> bool:
        """Whether the report leaves `change` out unless asked (the toggle shows it)."""
        return result.hides(change, all_changes)

    cells = column_cells(result.changes)
    grouped = groups(result.changes, cells)
    present = {c.kind for c in result.changes}
    toggles = "".join(f'<input type="checkbox" class="toggle" id="f-{kind}" checked>' for kind in CHANGE_KINDS)
    toggles += '<input type="checkbox" class="toggle" id="show-hidden"><input type="checkbox" class="toggle" id="side-by-side">'
    toggles += '<input type="radio" class="toggle" name="section" id="s-all" checked>'
    toggles += "".join(f'<input type="radio" class="toggle" name="section" id="s-g{n}">' for n in range(1, len(grouped) + 1))
    controls = (
        '<div class="controls">Show: '
        + " ".join(f'<label for="f-{kind}">{kind}</label>' for kind in CHANGE_KINDS if kind in present)
        + (' <label for="show-hidden">changes that change no word</label>' if len(visible) < len(result.changes) else "")
        + ' <label for="side-by-side">old and new side by side</label></div>'
    )
    toc = "".join(
        f'<li class="{"" if any(not hides(c) for c in changes) else "only-hidden"}"><label for="s-g{n}" title="{escape(" › ".join(path))}">'
        f'{escape(path_text(path[-1:]))} <span class="n">({len(with_cells([c for c in changes if not hides(c)], cells))})</span></label>'
        + (f'<div class="up">{escape(path_text(short_path(path)[:-1]))}</div>' if len(path) > 1 else "")
        + "</li>"
        for n, (path, changes) in enumerate(grouped, 1)
    )
    body = "".join(
        f'<section class="group{"" if any(not hides(c) for c in changes) else " only-hidden"}" id="g{n}">'
        f'<h2 title="{escape(" › ".join(path))}">{escape(path_text(short_path(path)))}</h2>'
        + "".join(_change(result, c, all_changes, cells.get(id(c))) for c in changes)
        + "</section>"
        for n, (path, changes) in enumerate(grouped, 1)
    )
    title = escape(heading(result, names_only=True))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"generator\" content=\"actionplan-trace\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        f"<title>Changes: {title}</title><style>{STYLE}{_filter_rules(len(grouped))}</style></head><body>"
        f"<header><h1>Changes between two revisions</h1><p>{title}</p></header>"
        f"{_summary(result, all_changes)}{toggles}{controls}"
        f'<div class="wrap"><nav><h2>Changed sections</h2><ol><li><label for="s-all">All sections</label></li>{toc}</ol></nav>'
        f"<main>{'' if visible else _no_differences(len(result.changes))}{body}</main></div>"
        "<footer><del>Deletions</del> are struck through in red, <ins>insertions</ins> underlined in green, and"
        ' <span class="link">the words of a link that changed</span> (pointed elsewhere, made a link or a link taken off)'
        " highlighted in blue, a dotted line under them. Each change names its place"
        " in the source: the paragraph of a Word or text file, the page of a PDF.</footer>"
        "</body></html>\n"
    )

