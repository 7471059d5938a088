"""Execute a learner's notebook in a scratch folder, then grade its functions inside the same kernel."""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

import nbformat

from .. import kernel, nbfiles
from ..errors import CourseError
from ..cases.report import Report, all_failed
from ..llm import recording
from .target import Target


def grading_cell(lesson_id: str, marker: str) -> nbformat.NotebookNode:
    source = (f"from llmcourse.cases.collect import emit as __llmcourse_emit\n"
              f"__llmcourse_emit({lesson_id!r}, globals(), {marker!r})")
    return nbformat.v4.new_code_cell(source)


def check(target: Target, *, cell_timeout: float = 60, total_timeout: float = 600) -> tuple[list[Report], str]:
    """Reports for the notebook's exercises and a note on cells that failed before grading."""
    nb = nbfiles.read(target.notebook)
    marker = f"@@llmcourse-{secrets.token_hex(8)}@@"
    nb.cells.append(grading_cell(target.lesson.id, marker))
    with tempfile.TemporaryDirectory(prefix="llmcourse-check-") as scratch:
        # data files sit beside the exercises; the learner's own files beside their notebook
        result = kernel.run(nb, Path(scratch), cell_timeout=cell_timeout, total_timeout=total_timeout,
                             allow_errors=True, env=kernel.kernel_env({
                                 "LLMCOURSE_NOTEBOOK_DIR": str(target.notebook.parent.resolve()),
                                 "LLMCOURSE_RECORDING": str(recording.for_notebook(target.notebook, target.lesson.id))}))
    found = kernel.marked_json(nb.cells[-1], marker)
    reports = [Report.from_dict(d) for d in found] if isinstance(found, list) else None
    problems = kernel.describe(result)
    if reports is None:
        # grading never ran: the kernel died or time ran out; every exercise fails with that reason
        reason = problems or "the grading cell produced no report"
        reports = all_failed(target.lesson, reason)
    if target.only:
        reports = [r for r in reports if r.exercise_id == target.only]
    if not reports:
        raise CourseError(f"{target.lesson.id} has no graded exercises.", "llmcourse progress")
    return reports, problems
