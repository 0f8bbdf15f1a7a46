"""The built wheel works on its own: rules ship inside it and `trace` runs from anywhere.

The wheel is built from a copy of the project, installed without dependencies into a fresh venv
whose only link to this environment is a .pth line naming the already-installed dependencies (so
the test runs offline); this environment's editable install of the project is not on that path,
and the commands run from a folder outside the checkout.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from conftest import CORPUS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh venv with the project's wheel installed."""
    base = tmp_path_factory.mktemp("wheel")
    project = base / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(ROOT / "src", project / "src", symlinks=True,
                    ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    shutil.copytree(ROOT / "rules", project / "rules")
    dist = base / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "-w", str(dist), str(project)], check=True, capture_output=True)
    wheel = next(dist.glob("actionplan_trace-*.whl"))
    env_dir = base / "venv"
    venv.create(env_dir, with_pip=False)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(env_dir / "bin" / "python"), "install",
                    "--quiet", "--no-deps", "--no-index", str(wheel)], check=True, capture_output=True)
    site = next((env_dir / "lib").glob("python3*/site-packages"))
    (site / "_trace_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return env_dir / "bin"


def _run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bin_dir / "trace"), *args], cwd=cwd, capture_output=True, text=True,
                          env={"PATH": str(bin_dir), "COLUMNS": "80", "HOME": str(cwd)})


def test_the_installed_package_is_the_wheel(installed: Path, tmp_path: Path) -> None:
    out = subprocess.run([str(installed / "python"), "-c", "import actionplan_trace, actionplan_trace.profiles as p; "
                          "print(actionplan_trace.__file__); print(p.RULES_DIR); print(actionplan_trace.__version__)"],
                         cwd=tmp_path, capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0].startswith(str(installed.parent)) and str(ROOT) not in out[0]
    assert (Path(out[0]).parent / "py.typed").is_file()  # PEP 561: a caller's mypy reads the annotations
    assert out[1].startswith(str(installed.parent)) and (Path(out[1]) / "profiles" / "action-plan.yml").is_file()
    assert out[2] == "0.1.0"


def test_extract_refs_and_diff_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    extract = _run(installed, tmp_path, "extract", str(CORPUS / "objective2-new.docx"), "-f", "json")
    assert extract.returncode == 0, extract.stderr
    doc = json.loads(extract.stdout)
    assert doc["source"]["profile"] == "action-plan"
    assert {"objective-2", "output-2.1"} <= {s["id"] for s in doc["sections"]}
    refs = _run(installed, tmp_path, "refs", str(CORPUS / "objective2-new.docx"), "-f", "json")
    assert refs.returncode == 0, refs.stderr
    ids = {r["id"] for r in json.loads(refs.stdout)["refs"]}
    assert any(i.startswith("WTDC-RES-") for i in ids) and any(i.startswith("SDG-") for i in ids)
    diff = _run(installed, tmp_path, "diff", str(CORPUS / "objective2-old.docx"), str(CORPUS / "objective2-new.docx"),
                "-f", "json")
    assert diff.returncode == 1, diff.stderr
    assert json.loads(diff.stdout)["changes"]
