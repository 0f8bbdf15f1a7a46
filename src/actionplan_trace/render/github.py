"""GitHub Actions workflow commands for findings: `::error file=…,line=…,title=CODE::message`.

Errors become `::error`, warnings `::warning`, info `::notice`; findings recorded in a baseline
are left out. Values are escaped as the runner expects (%, CR, LF; and : , in properties).
"""

from __future__ import annotations

from ..findings import Finding

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(findings: list[Finding], states: list[str] | None = None) -> str:
    """One workflow command line per (new) finding."""
    lines = []
    for i, f in enumerate(findings):
        if states is not None and states[i] != "new":
            continue
        props = [f"file={_prop(f.source or '')}"]
        if f.loc.line is not None and f.loc.page is None:
            props.append(f"line={f.loc.line}")
        props.append(f"title={_prop(f.code)}")
        where = f" [{f.section}]" if f.section else ""
        lines.append(f"::{COMMAND.get(f.severity, 'warning')} {','.join(props)}::{_data(f.message + where)}")
    return "".join(line + "\n" for line in lines)
