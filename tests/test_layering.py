"""The package's imports follow the data flow: file → model → refs → diff → render → app → cli.

Every `import` in every module (including imports inside functions) is read with `ast`; a module
may import only modules of its own layer or a lower one, and nothing but the CLI and the package
root imports the package root (`from .. import load` would pull the whole pipeline into a layer).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "actionplan_trace"
ROOT = "actionplan_trace"

# Lowest first. A module's layer is that of its longest matching dotted prefix.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base", ("errors", "schemas", "digest", "diskcache", "regexcache", "record", "patternscan", "model", "text_patterns", "version", "findings", "output", "limits", "files", "forked", "render.escapes")),
    ("file", ("rulefiles", "extract", "profiles", "editions", "contents", "table_parts", "structure", "loader")),
    ("refs", ("refs",)),
    ("diff", ("diff", "validate")),
    ("render", ("render",)),
    ("app", ("app",)),
    ("cli", ("cli", "cli_commands", "cli_help", "__main__", "")),
]
RANK = {prefix: rank for rank, (_name, prefixes) in enumerate(LAYERS) for prefix in prefixes}


def layer_of(module: str) -> int:
    """The rank of `module` (dotted, relative to the package; "" is the package root)."""
    parts = module.split(".") if module else [""]
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        if prefix in RANK:
            return RANK[prefix]
    raise KeyError(f"module {module!r} is in no layer: add it to LAYERS")


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path, text: str) -> list[tuple[int, str]]:
    """(line, imported module relative to the package) for every import of the package in `text`."""
    name = module_name(path)
    package = name.split(".") if path.name == "__init__.py" and name else name.split(".")[:-1]
    if not name:
        package = []
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name[len(ROOT) + 1:]) for a in node.names
                    if a.name == ROOT or a.name.startswith(ROOT + ".")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            elif node.module and (node.module == ROOT or node.module.startswith(ROOT + ".")):
                target = node.module[len(ROOT) + 1:]
            else:
                continue
            if node.module is None:  # `from . import x`: x may be a submodule
                out += [(node.lineno, ".".join(filter(None, [target, a.name]))) for a in node.names]
            else:
                out.append((node.lineno, target))
    return out


def _is_module(dotted: str) -> bool:
    path = PACKAGE.joinpath(*dotted.split(".")) if dotted else PACKAGE
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def violations(planted: dict[Path, str] | None = None) -> list[str]:
    """Every import against the layering; `planted` adds text to the end of some modules."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = module_name(path)
        text = path.read_text(encoding="utf-8") + (planted or {}).get(path, "")
        for line, target in imports(path, text):
            if not _is_module(target):  # `from . import NAME` of a non-module name: the package itself
                target = target.rpartition(".")[0]
            if target == "" and layer_of(source) < RANK["cli"]:
                found.append(f"{path.relative_to(PACKAGE)}:{line}: imports the package root")
            elif layer_of(target) > layer_of(source):
                found.append(f"{path.relative_to(PACKAGE)}:{line}: {source or ROOT} imports {target}, a higher layer")
    return found


def test_every_module_has_a_layer() -> None:
    for path in PACKAGE.rglob("*.py"):
        layer_of(module_name(path))


def test_no_import_runs_against_the_data_flow() -> None:
    assert violations() == []


@pytest.mark.parametrize(
    ("source", "text", "expected"),
    [
        ("diff/api.py", "from ..render.diff_text import to_text\n", "diff.api imports render.diff_text"),
        ("refs/document.py", "from .. import load\n", "imports the package root"),
        ("extract/pdf.py", "import actionplan_trace.refs\n", "extract.pdf imports refs"),
        ("model.py", "def f():\n    from .structure import build\n", "model imports structure"),
    ],
)
def test_the_checker_catches_a_wrong_import(source: str, text: str, expected: str) -> None:
    """A planted import against the layering is reported (so the clean result above means something)."""
    found = violations({PACKAGE / source: "\n" + text})
    assert any(expected in v for v in found), found
