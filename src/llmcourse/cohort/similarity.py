"""Flag pairs of learners whose exercise functions are near-identical after normalising names and layout."""

from __future__ import annotations

import ast
import builtins
import difflib
import re

from .. import course, nbfiles
from ..errors import CourseError

MIN_TOKENS = 25  # shorter functions converge on their own; comparing them flags honest work


class _Rename(ast.NodeTransformer):
    """Local names become v0, v1, ... in order of appearance; builtins and attributes keep their names."""

    def __init__(self):
        self.names: dict[str, str] = {}

    def _new(self, name: str) -> str:
        if name in vars(builtins):
            return name
        return self.names.setdefault(name, f"v{len(self.names)}")

    def visit_arg(self, node):
        node.arg = self._new(node.arg)
        node.annotation = None
        return node

    def visit_Name(self, node):
        node.id = self._new(node.id)
        return node


def normalise(fn: ast.FunctionDef) -> list[str]:
    """The function's body as tokens, without docstring, comments, annotations or its own naming."""
    body = fn.body[1:] if fn.body and isinstance(fn.body[0], ast.Expr) and isinstance(
        getattr(fn.body[0], "value", None), ast.Constant) and isinstance(fn.body[0].value.value, str) else fn.body
    node = ast.FunctionDef(name="f", args=fn.args, body=body or [ast.Pass()], decorator_list=[], returns=None,
                           type_params=[])
    text = ast.unparse(ast.fix_missing_locations(_Rename().visit(node)))
    return re.findall(r"\w+|\S", text)


def functions(path, names: set[str], data: bytes | None = None) -> dict[str, list[str]]:
    """Normalised tokens of each named function defined in the notebook at `path` (or in `data`, the copy
    read when the cohort was found)."""
    try:
        nb = nbfiles.read(path, data.decode("utf-8") if data is not None else None)
    except (CourseError, UnicodeDecodeError):
        return {}
    found = {}
    for cell in nb.cells:
        if cell.cell_type != "code" or len(cell.source) > 200_000:
            continue
        # a learner's cell may be anything: nested thousands deep, or holding a NUL byte; such a function is
        # left out of the comparison rather than stopping the cohort's grading
        try:
            tree = ast.parse("\n".join(l for l in cell.source.splitlines() if not l.lstrip().startswith(("%", "!"))))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name in names:
                try:
                    found[node.name] = normalise(node)
                except (ValueError, RecursionError, MemoryError):
                    continue
    return found


def submitted(sub) -> dict[str, list[str]]:
    """Normalised tokens of each exercise function a submission defines, from the copy read at discovery."""
    lesson = course.load().lesson(sub.lesson)
    return functions(sub.path, {ex.name for ex in lesson.exercises}, sub.data)


def pairs(records: list[dict], threshold: float = 0.9) -> list[tuple[str, str, str, float]]:
    """(exercise id, learner, learner, similarity) for each pair at or above `threshold`, most similar first.
    `records` are saved results (cohort.results), each holding its submission's `functions`: so learners
    graded in different shards are compared as if graded in one run."""
    the_course = course.load()
    stubs: dict[str, dict[str, list[str]]] = {}
    by_exercise: dict[str, dict[str, list[str]]] = {}
    for record in records:
        lesson = the_course.lesson(record["lesson"])
        if lesson.id not in stubs:
            stub_path = lesson.file("exercises")
            names = {ex.name for ex in lesson.exercises}
            stubs[lesson.id] = functions(stub_path, names) if stub_path.exists() else {}
        for name, tokens in sorted(record.get("functions", {}).items()):
            if len(tokens) >= MIN_TOKENS and tokens != stubs[lesson.id].get(name):
                by_exercise.setdefault(f"{lesson.id}.{name}", {})[record["learner"]] = tokens
    flagged = []
    for exercise, code in sorted(by_exercise.items()):
        flagged += [(exercise, a, b, score) for a, b, score in _similar(code, threshold)]
    return sorted(flagged, key=lambda f: (-f[3], f[0], f[1], f[2]))


def _similar(code: dict[str, list[str]], threshold: float):
    """Every pair, as a merge of a large cohort must compare them all, at about a third of the cost: the
    matcher keeps what it learnt of the second sequence, and the two cheap upper bounds of ratio() drop
    most pairs before it runs. The pairs and scores are those of ratio() on (a, b), a before b."""
    names = sorted(code)
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    for j, b in enumerate(names):
        matcher.set_seq2(code[b])
        for a in names[:j]:
            matcher.set_seq1(code[a])
            if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
                continue
            score = matcher.ratio()
            if score >= threshold:
                yield a, b, round(score, 3)
