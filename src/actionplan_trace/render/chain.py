"""Output of `trace chain`: a Rich tree for people, JSON (`actionplan-trace/chain/1`), Markdown."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.tree import Tree
from .jsontext import dumps

FORMATS = ("text", "json", "md")
PIPE_WIDTH = 10_000  # piped or written output is never wrapped: one entry per line


# What the chain of an id the registry has and no given file names says (a gap, not an error).
NOWHERE = "defined, served, cited and reported by no section of the given files"


def _where(item: dict[str, Any]) -> str:
    return f"{item.get('section')} ({item.get('source')})"


def _status(report: dict[str, Any]) -> str:
    if "rev" in report or "heading" in report:
        text = " ".join((report.get("text") or "").split())
        rev = f" [{report['rev']}]" if report.get("rev") else ""
        return f"{report.get('heading')}{rev}: {text[:300]}{'…' if len(text) > 300 else ''}"
    status = report.get("status") or "no status stated"
    indicator = f" — {report['indicator']}" if report.get("indicator") else ""
    return f"{status}{indicator}"


def _serves(tree: Tree, items: list[dict[str, Any]]) -> None:
    for item in items:
        title = f" — {item['title']}" if item.get("title") else ""
        branch = tree.add(f"[bold]{escape(item['id'])}[/bold] ({escape(item['relation'])}){escape(title[:120])}")
        for report in item.get("reports", []):
            branch.add(f"reported in {escape(_where(report))}: {escape(_status(report))}")
        _serves(branch, item.get("serves", []))


def to_text(data: dict[str, Any], width: int | None = None) -> str:
    """A Rich tree: the entity, where it is defined, what it serves, what it contains, what serves or
    cites it, reports."""
    title = f" — {data['title']}" if data.get("title") else ""
    tree = Tree(f"[bold]{escape(data['id'])}[/bold]{escape(title[:160])}")
    if data["defined_by"]:
        node = tree.add("defined in")
        for item in data["defined_by"]:
            node.add(escape(f"{_where(item)} {item['title'][:100]}"))
    if data["serves"]:
        _serves(tree.add("serves"), data["serves"])
    if data.get("contains"):
        node = tree.add(f"contains ({len(data['contains'])})")
        for item in data["contains"]:
            title = f" — {item['title']}" if item.get("title") else ""
            node.add(f"[bold]{escape(item['id'])}[/bold]{escape(title[:110])}")
    if data["served_by"]:
        node = tree.add(f"served or cited by ({len(data['served_by'])})")
        for item in data["served_by"]:
            entity = f" = {item['entity']}" if item.get("entity") else ""
            node.add(escape(f"{item['relation']}: {item['title'][:90]} — {_where(item)}{entity}"))
    if data["reports"]:
        node = tree.add("reports")
        for report in data["reports"]:
            node.add(escape(f"{_where(report)}: {_status(report)}"))
    for finding in data.get("findings", []):
        tree.add(escape(f"{finding['code']} {finding['severity']}: {finding['message']}"))
    if not (data["defined_by"] or data["serves"] or data["served_by"] or data["reports"]):
        tree.add(NOWHERE)
    out = io.StringIO()
    Console(file=out, width=width or PIPE_WIDTH, force_terminal=False, color_system=None).print(tree)
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


def _md_serves(lines: list[str], items: list[dict[str, Any]], depth: int) -> None:
    for item in items:
        title = f" — {item['title']}" if item.get("title") else ""
        lines.append(f"{'  ' * depth}- `{item['id']}` ({item['relation']}){title}")
        for report in item.get("reports", []):
            lines.append(f"{'  ' * (depth + 1)}- reported in {_where(report)}: {_status(report)}")
        _md_serves(lines, item.get("serves", []), depth + 1)


def to_markdown(data: dict[str, Any]) -> str:
    """The same as Markdown, for a pull-request comment or a wiki."""
    lines = [f"## `{data['id']}`", ""]
    if data.get("title"):
        lines += [data["title"], ""]
    sections = (("Defined in", data["defined_by"]), ("Served or cited by", data["served_by"]))
    for heading, items in sections:
        if items:
            lines += [f"### {heading}", ""]
            lines += [f"- {i.get('relation', i.get('kind'))}: {i['title']} — `{i['section']}` ({i['source']})" for i in items]
            lines.append("")
    if data["serves"]:
        lines += ["### Serves", ""]
        _md_serves(lines, data["serves"], 0)
        lines.append("")
    if data.get("contains"):
        lines += ["### Contains", ""]
        lines += [f"- `{i['id']}`" + (f" — {i['title']}" if i.get("title") else "") for i in data["contains"]]
        lines.append("")
    if data["reports"]:
        lines += ["### Reports", ""]
        lines += [f"- {_where(r)}: {_status(r)}" for r in data["reports"]]
        lines.append("")
    if not (data["defined_by"] or data["serves"] or data["served_by"] or data["reports"]):
        lines += [f"_{NOWHERE}_", ""]
    return "\n".join(lines)


def render_chain(data: dict[str, Any], fmt: str = "text", width: int | None = None) -> str:
    """`data` (refs.chain.chain) in one of FORMATS."""
    if fmt == "json":
        return dumps(data)
    if fmt == "md":
        return to_markdown(data)
    return to_text(data, width)
