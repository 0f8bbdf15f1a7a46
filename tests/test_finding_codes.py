"""Every finding code the rules define is documented once in the README's tables, with the
severity the rules give it (findings are a contract with CI users: a code's row went missing
once, replaced by a second row of its neighbour)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
ROW = re.compile(r"^\| ([A-Z]{3}\d{3}) \| (\w+) \|", re.M)


def test_each_code_has_one_readme_row_with_its_severity() -> None:
    rules: dict[str, str] = {}
    for name in ("findings.yml", "findings-validate.yml"):
        for code, rule in yaml.safe_load((ROOT / "rules" / name).read_text(encoding="utf-8")).items():
            rules[code] = rule["severity"]
    rows = ROW.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    codes = [code for code, _ in rows]
    assert sorted(c for c in set(codes) if codes.count(c) > 1) == []
    assert dict(rows) == rules
