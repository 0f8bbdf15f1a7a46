"""The diff as one self-contained HTML page: a contents list of changed sections, inline redline.

No scripts, fonts or images are fetched: the styles are inline and every text is escaped.
"""

from __future__ import annotations

from html import escape

from ..diff.changes import Change, DiffResult
from ..diff.words import Op
from .diff_common import change_title, shown, groups, heading, moved_from, notes, path_text, refs_note, report_summary

STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1b1f23;background:#fafbfc}
header{background:#24292e;color:#fff;padding:16px 24px}header h1{font-size:20px;margin:0 0 4px}
header p{margin:0;opacity:.85}
.wrap{display:flex;align-items:flex-start}
nav{position:sticky;top:0;width:300px;flex:none;max-height:100vh;overflow:auto;padding:16px;border-right:1px solid #e1e4e8;background:#fff;box-sizing:border-box}
nav h2{font-size:14px;text-transform:uppercase;color:#586069;margin:0 0 8px}
nav ol{padding-left:20px;margin:0}nav li{margin:4px 0;font-size:13px}nav a{color:#0366d6;text-decoration:none}
nav .n{color:#586069}nav .up{font-size:11px;color:#6a737d}
main{flex:1;padding:16px 24px;min-width:0}
section.group{background:#fff;border:1px solid #e1e4e8;border-radius:6px;margin:0 0 16px;padding:8px 16px}
section.group h2{font-size:15px;margin:8px 0;color:#24292e}
.change{border-top:1px solid #eaecef;padding:8px 0}.change:first-of-type{border-top:0}
.kind{display:inline-block;font-size:12px;font-weight:600;padding:1px 8px;border-radius:10px;color:#fff;margin-right:6px}
.k-added{background:#28a745}.k-removed{background:#cb2431}.k-modified{background:#b08800}.k-moved{background:#6f42c1}
.k-renamed{background:#0366d6}.k-renumbered{background:#586069}
.meta{font-size:12px;color:#586069}.refs{font-size:12px;font-weight:600;color:#24292e}
.text{margin:4px 0 0;white-space:pre-wrap;word-wrap:break-word}
del{background:#ffeef0;color:#b31d28;text-decoration:line-through}
ins{background:#e6ffed;color:#22863a;text-decoration:none;border-bottom:1px solid #34d058}
.fmt{opacity:.75}
footer{padding:8px 24px;color:#586069;font-size:12px}
"""


def words(ops: list[Op]) -> str:
    """A word diff as inline HTML with <del> and <ins>."""
    out = []
    for op, text in ops:
        if op == "-":
            out.append(f"<del>{escape(text)}</del>")
        elif op == "+":
            out.append(f"<ins>{escape(text)}</ins>")
        else:
            out.append(escape(text))
    return "".join(out)


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
    if change.words is not None:
        return words(shown(change.words, whole=change.kind == "renamed"))
    if change.new is not None:
        return f"<ins>{escape(change.new)}</ins>"
    return f"<del>{escape(change.old or '')}</del>"


def _change(change: Change) -> str:
    """One change as a block of HTML."""
    meta = notes(change)
    note = refs_note(change)
    css = "change fmt" if change.formatting_only else "change"
    return (
        f'<div class="{css}"><span class="kind k-{escape(change.kind)}">{escape(change_title(change))}</span>'
        + (f'<span class="meta">{escape("; ".join(meta))}</span> ' if meta else "")
        + (f'<span class="refs">{escape(note)}</span>' if note else "")
        + f'<div class="text">{_body(change)}</div></div>'
    )


def to_html(result: DiffResult, all_changes: bool = False) -> str:
    """The report as a complete HTML document."""
    grouped = groups(result.visible(all_changes))
    toc = "".join(
        f'<li><a href="#g{n}" title="{escape(" › ".join(path))}">{escape(path_text(path[-1:]))}</a>'
        f' <span class="n">({len(changes)})</span>'
        + (f'<div class="up">{escape(path_text(path[:-1], 60))}</div>' if len(path) > 1 else "")
        + "</li>"
        for n, (path, changes) in enumerate(grouped, 1)
    )
    body = "".join(
        f'<section class="group" id="g{n}"><h2 title="{escape(" › ".join(path))}">'
        f'{escape(path_text(path))}</h2>'
        + "".join(_change(c) for c in changes)
        + "</section>"
        for n, (path, changes) in enumerate(grouped, 1)
    )
    summary = escape(report_summary(result, all_changes))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        f"<title>trace diff: {escape(heading(result))}</title><style>{STYLE}</style></head><body>"
        f"<header><h1>trace diff</h1><p>{escape(heading(result))}</p><p><strong>{summary}</strong></p></header>"
        f'<div class="wrap"><nav><h2>Changed sections</h2><ol>{toc or "<li>none</li>"}</ol></nav>'
        f"<main>{body or '<p>No differences.</p>'}</main></div>"
        "<footer>Generated by actionplan-trace. Deletions are struck through in red, insertions underlined in green.</footer>"
        "</body></html>\n"
    )
