"""GitHub Actions workflow commands for findings: `::error file=…,line=…,title=CODE::message`.

Errors become `::error`, warnings `::warning`, info `::notice`; findings recorded in a baseline
are left out. Values are escaped as the runner expects (%, CR, LF; and : , in properties), after
control characters, as in the text format.
"""

from __future__ import annotations

from ..findings import Finding, finding_order
from .escapes import printable
from .findings_text import page_or_paragraph, text_line

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    """`text` as a command's data: control characters from a document (ESC, BEL, NUL) escaped as
    the text format escapes them, so none reaches the CI log raw; then the runner's escapes."""
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(findings: list[Finding], states: list[str] | None = None) -> str:
    """One workflow command line per (new) finding, in the order of the files' pages, lines and
    paragraphs; a finding in a .docx or PDF, which has no line, names its paragraph or page."""
    lines = []
    kept = [f for i, f in enumerate(findings) if states is None or states[i] == "new"]
    for f in sorted(kept, key=finding_order):
        props = [f"file={_prop(f.source or '')}"]
        line = text_line(f)
        at = page_or_paragraph(f) if line is None else None
        if line is not None:
            props.append(f"line={line}")
        props.append(f"title={_prop(f.code)}")
        where = (f" ({at})" if at else "") + (f" [{f.section}]" if f.section else "")
        lines.append(f"::{COMMAND.get(f.severity, 'warning')} {','.join(props)}::{_data(f.message + where)}")
    return "".join(line + "\n" for line in lines)
