"""The code's own shape: a module-level name defined twice silently replaces the first definition
(a table or a helper with the same name further down a long module), which no linter reports when
both are used."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "pitlint"


def _defined(tree: ast.Module) -> list[tuple[str, int]]:
    names = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.append((node.name, node.lineno))
        elif isinstance(node, ast.Assign):
            names += [(target.id, node.lineno) for target in node.targets if isinstance(target, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append((node.target.id, node.lineno))
    return names


def test_no_module_defines_a_name_twice():
    twice = []
    for path in sorted(PACKAGE.rglob("*.py")):
        seen: dict[str, int] = {}
        for name, line in _defined(ast.parse(path.read_text(encoding="utf-8"))):
            if name in seen:
                twice.append(f"{path.relative_to(PACKAGE)}: {name} at lines {seen[name]} and {line}")
            seen[name] = line
    assert twice == []


def test_no_source_or_pack_holds_a_control_character():
    """A "\\b" typed in a plain (not raw) string is a backspace: a pattern with one in it silently
    never matches. Source and rule packs hold printable text, tabs and line breaks only."""
    rules = PACKAGE.parent / "rules"
    found = []
    for path in sorted([*PACKAGE.rglob("*.py"), *rules.glob("*.yaml")]):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if any(ord(char) < 32 and char not in "\t" for char in line):
                found.append(f"{path.name}:{number}")
    assert found == []
