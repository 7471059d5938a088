"""An exercise's solution function and the names it needs, read from solutions/ID.py without its check cells.

Only imports, assignments and definitions run: a check cell would grade (and print), and the first
cell's `llmcourse.notebook` import would bring in the model client, which no mutant needs.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _is_setup(stmt: ast.stmt) -> bool:
    if isinstance(stmt, ast.ImportFrom):
        return stmt.module != "llmcourse.notebook"
    return isinstance(stmt, (ast.Import, ast.FunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign))


def load(lesson_id: str, name: str) -> tuple[str, dict]:
    """The source of function `name` in solutions/LESSON.py, and a namespace holding everything else it uses."""
    path = ROOT / "solutions" / f"{lesson_id}.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    kept = [s for s in tree.body if _is_setup(s)]
    for stmt in kept:
        if any(isinstance(n, ast.Name) and n.id in ("llm", "check", "hint") for n in ast.walk(stmt)):
            raise AssertionError(f"{path.name}: a set-up statement uses the model or a check cell, "
                                 f"line {stmt.lineno}; the mutation test must not run it")
    namespace: dict = {"__name__": f"solution_{lesson_id}"}
    exec(compile(ast.Module(kept, type_ignores=[]), str(path), "exec"), namespace)  # noqa: S102 - our own file
    function = next((s for s in kept if isinstance(s, ast.FunctionDef) and s.name == name), None)
    if function is None:
        raise LookupError(f"{path.name} defines no function {name!r}")
    return ast.unparse(function), namespace


def define(source: str, namespace: dict, name: str, label: str = "<mutant>"):
    """Exec one function's source in a copy of `namespace` and return the function."""
    scope = dict(namespace)
    exec(compile(source, label, "exec"), scope)  # noqa: S102 - machine-made variants of our own code
    return scope[name]
