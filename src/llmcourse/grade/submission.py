"""Grade one learner's notebook for one lesson in a sandboxed kernel, and say what happened."""

from __future__ import annotations

import hashlib
import json
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from traitlets import Integer

from .. import course, execute, notebooks
from ..errors import CourseError
from ..grading.case import Case
from ..grading.report import Report
from . import hidden as hidden_cases
from . import judge, sandbox


@dataclass
class Submission:
    learner: str
    lesson: str
    path: Path

    @property
    def key(self) -> str:
        return f"{self.learner}/{self.lesson}"

    def digest(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()[:16]


@dataclass
class Graded:
    submission: Submission
    reports: list[Report]
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


class CappedClient(NotebookClient):
    """Keeps at most `output_kb` of output per cell, so a flood of prints cannot exhaust the grader's memory."""

    output_kb = Integer(1024, help="output kept per cell, in KB").tag(config=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._used: dict[int, int] = {}
        self._truncated: set[int] = set()

    def output(self, outs, msg, display_id, cell_index):
        self._used[cell_index] = self._used.get(cell_index, 0) + len(json.dumps(msg.get("content", {}), default=str))
        if self._used[cell_index] > self.output_kb * 1024:
            self._truncated.add(cell_index)
            return None
        return super().output(outs, msg, display_id, cell_index)


def probe_cell(lesson_id: str, marker: str, extra_json: str) -> nbformat.NotebookNode:
    source = ("from llmcourse.grade.probe import run as __llmcourse_probe\n"
              f"__llmcourse_probe({lesson_id!r}, globals(), {marker!r}, {extra_json!r})")
    return nbformat.v4.new_code_cell(source)


def _wrong_lesson(functions: list[str], lesson: course.Lesson) -> str:
    """A note when the notebook defines another lesson's exercises instead of this one's."""
    mine = {ex.name for ex in lesson.exercises}
    if mine & set(functions):
        return ""
    for other in course.load().lessons:
        if other.id != lesson.id and {ex.name for ex in other.exercises} <= set(functions):
            return (f"this notebook defines the functions of lesson {other.id}, not {lesson.id}: "
                    f"was it saved under the wrong name?")
    return ""


async def grade(sub: Submission, own: Path, n: int, jail: sandbox.Jail, limits: sandbox.Limits,
                hidden: dict[str, list[Case]]) -> Graded:
    """Execute the notebook in its own jailed kernel with a probe cell appended, then judge outside."""
    lesson = course.load().lesson(sub.lesson)
    try:
        nb = notebooks.read(sub.path)
    except CourseError as exc:
        return Graded(sub, judge.failed(lesson, f"the notebook could not be read: {exc.message}", hidden),
                      [exc.message])
    if not any(c.cell_type == "code" and c.source.strip() for c in nb.cells):
        reason = "the notebook has no code: was an empty file submitted?"
        return Graded(sub, judge.failed(lesson, reason, hidden), [reason])
    marker = f"@@llmcourse-grade-{secrets.token_hex(12)}@@"
    nb.cells.append(probe_cell(lesson.id, marker, hidden_cases.inputs(hidden, lesson.id)))
    uid = sandbox.uid_for(n)
    sandbox.prepare(own, uid)
    km = sandbox.kernel_manager(jail, own, limits, uid)
    try:
        result = await execute.arun(nb, own / "cwd", cell_timeout=limits.cell_s, total_timeout=limits.notebook_s,
                                    env=sandbox.env(own), km=km, client_class=CappedClient,
                                    shutdown_kernel="immediate", output_kb=limits.output_kb)
    finally:
        await _stop(km)
        sandbox.reap(uid)
        shutil.rmtree(own, ignore_errors=True)
    problems = [execute.describe(result)] if result.errors or result.timed_out else []
    truncated = sorted(i + 1 for i in getattr(result, "truncated", ()))
    if truncated:
        problems.append(f"output of cell(s) {', '.join(map(str, truncated))} passed {limits.output_kb} KB "
                        "and was cut (the rest was still graded)")
    found = execute.marked_json(nb.cells[-1], marker)
    found = found if isinstance(found, dict) else None
    if found is None:
        reason = problems[0] if problems else "grading produced no result (the notebook may have replaced stdout)"
        return Graded(sub, judge.failed(lesson, f"grading did not run to the end: {reason}", hidden), problems)
    note = _wrong_lesson(found.get("functions", []), lesson)
    return Graded(sub, judge.reports(lesson, found, hidden), problems + ([note] if note else []))


async def _stop(km) -> None:
    try:
        if km.has_kernel:
            await km.shutdown_kernel(now=True)
    except Exception:  # noqa: BLE001 - the kernel may be long gone; the namespace dies with it
        pass
    try:
        await km.cleanup_resources() if hasattr(km, "cleanup_resources") else None
    except Exception:  # noqa: BLE001
        pass
