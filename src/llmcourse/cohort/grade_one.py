"""Grade one learner's notebook for one lesson in a sandboxed kernel, and say what happened."""

from __future__ import annotations

import copy
import functools
import hashlib
import secrets
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from .. import course, kernel, nbfiles
from ..errors import CourseError
from ..cases.case import Case
from ..cases.report import Report
from . import inputs, judge, sandbox
from .client import GradingClient

MAX_STUCK = 3  # cells dropped for ignoring their interrupt before the notebook is given up on


@dataclass
class Submission:
    learner: str
    lesson: str
    path: Path  # where it was found, for messages; the file is never opened again
    data: bytes = b""  # its bytes, read once by cohort.discover without following links
    refused: str = ""  # why it was not read (a symbolic link, say); graded as nothing, with this reason

    @property
    def key(self) -> str:
        return f"{self.learner}/{self.lesson}"

    def digest(self) -> str:
        return hashlib.sha256(self.data + self.refused.encode()).hexdigest()[:16]


@dataclass
class Graded:
    submission: Submission
    reports: list[Report]
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def parse(sub: Submission) -> tuple[nbformat.NotebookNode | None, str]:
    """The notebook, or why the file is not one. The reason never quotes the file: a file that is not a
    notebook may be anything, and its text must not reach a report."""
    name = sub.path.name
    try:
        text = sub.data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, f"{name} is not UTF-8 text (the first byte that is not is at offset {exc.start})"
    try:
        return nbfiles.read(Path(name), text), ""
    except CourseError as exc:
        cause = exc.__cause__
        if isinstance(cause, nbformat.reader.NotJSONError):
            return None, f"{name} is not a valid notebook: it is not JSON"
        return None, f"{name} is not a valid notebook ({type(cause or exc).__name__})"


def probe_cell(payload: str, marker: str) -> nbformat.NotebookNode:
    source = ("from llmcourse.cohort.probe import run as __llmcourse_probe\n"
              f"__llmcourse_probe({payload!r}, globals(), {marker!r})")
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


def _first_line(cell) -> str:
    lines = cell.source.strip().splitlines()
    return lines[0][:60] if lines else ""


def caps_hit(problems: list[str], limits: sandbox.Limits) -> list[str]:
    """Which resource cap a failing cell ran into, said in the instructor's terms."""
    text = " ".join(problems)
    notes = []
    if "No space left on device" in text:
        notes.append(f"the notebook filled its scratch space: its working folder, home, /tmp and /dev/shm share "
                     f"{limits.scratch_mb} MB (--scratch-mb)")
    if "File too large" in text:
        notes.append(f"the notebook wrote a file past the cap of {limits.file_mb} MB on any one file")
    if "MemoryError" in text or "Cannot allocate memory" in text:
        notes.append(f"the notebook ran out of its {limits.memory_mb} MB of address space (--memory-mb)")
    return notes


async def _once(nb, own: Path, n: int, jail: sandbox.Jail, limits: sandbox.Limits, seconds: float,
                stuck: list[int]) -> kernel.Execution:
    """One run of the notebook in a fresh jailed kernel; everything it left behind is gone afterwards."""
    uid = sandbox.uid_for(n)
    sandbox.prepare(own, uid)
    km = sandbox.kernel_manager(jail, own, limits, uid)
    try:
        return await kernel.arun(nb, sandbox.workdir(own), cell_timeout=limits.cell_s, total_timeout=seconds,
                                  env=sandbox.env(own), km=km, client_class=GradingClient,
                                  shutdown_kernel="immediate", output_kb=limits.output_kb,
                                  probe_kb=limits.probe_kb, grace_s=limits.grace_s,
                                  stuck=stuck, on_started=functools.partial(sandbox.lock, own, uid))
    finally:
        await _stop(km)
        sandbox.reap(uid)
        shutil.rmtree(own, ignore_errors=True)


async def _execute(nb, own: Path, n: int, jail: sandbox.Jail, limits: sandbox.Limits) -> tuple[kernel.Execution, list[str]]:
    """Run the notebook; a cell that ignores its interrupt is dropped and the notebook run again in a fresh
    kernel, so what the cells before it define is still graded. All runs share the notebook limit."""
    deadline = time.monotonic() + limits.notebook_s
    dropped: list[int] = []
    notes: list[str] = []
    probe = len(nb.cells) - 1
    while True:
        run = copy.deepcopy(nb)
        for index in dropped:  # a raw cell keeps every other cell's number
            run.cells[index] = nbformat.v4.new_raw_cell("")
        stuck: list[int] = []
        result = await _once(run, own, n, jail, limits, max(deadline - time.monotonic(), 1.0), stuck)
        if "the notebook ran past" in result.timed_out:
            result.timed_out = f"the notebook ran past its {limits.notebook_s:g} s limit and was stopped"
        if not stuck:
            return result, notes
        index = stuck[0]
        if index == probe:
            result.timed_out = (f"an exercise function ignored its time limit and the interrupt after it, so grading "
                                f"was stopped after {limits.cell_s + limits.grace_s:g} s")
            return result, notes
        cell = f"cell {index + 1} (`{_first_line(nb.cells[index])}`)"
        if len(dropped) == MAX_STUCK or deadline - time.monotonic() < 1:
            why = f"{MAX_STUCK} cells before it did too" if len(dropped) == MAX_STUCK else "no time was left"
            result.timed_out = (f"{cell} ran past the {limits.cell_s:g} s cell limit and ignored the interrupt, and "
                                f"{why}: grading gave up on this notebook")
            return result, notes
        notes.append(f"{cell} ran past the {limits.cell_s:g} s cell limit and ignored the interrupt, so its kernel was "
                     f"stopped {limits.grace_s:g} s later; the notebook was run again in a fresh kernel without that "
                     "cell, and what the other cells define was graded")
        dropped.append(index)


async def grade_submission(sub: Submission, own: Path, n: int, jail: sandbox.Jail, limits: sandbox.Limits,
                hidden: dict[str, list[Case]]) -> Graded:
    """Execute the notebook in its own jailed kernel with a probe cell appended, then judge outside."""
    lesson = course.load().lesson(sub.lesson)
    if sub.refused:
        reason = f"{sub.path.name} was refused: {sub.refused}"
        return Graded(sub, judge.failed(lesson, reason, hidden), [reason])
    nb, reason = parse(sub)
    if nb is None:
        return Graded(sub, judge.failed(lesson, f"the notebook could not be read: {reason}", hidden), [reason])
    if not any(c.cell_type == "code" and c.source.strip() for c in nb.cells):
        reason = "the notebook has no code: was an empty file submitted?"
        return Graded(sub, judge.failed(lesson, reason, hidden), [reason])
    marker = f"@@llmcourse-grade-{secrets.token_hex(12)}@@"
    nb.cells.append(probe_cell(inputs.payload(lesson, hidden), marker))
    result, problems = await _execute(nb, own, n, jail, limits)
    if result.errors or result.timed_out:
        problems.append(kernel.describe(result))
    truncated = sorted(i + 1 for i in getattr(result, "truncated", ()))
    if truncated and truncated[-1] == len(nb.cells):
        problems.append(f"the grading cell's output passed {limits.probe_kb} KB (do the functions print a lot, "
                        "or return something huge?) and was cut")
        truncated.pop()
    if truncated:
        problems.append(f"output of cell(s) {', '.join(map(str, truncated))} passed {limits.output_kb} KB "
                        "and was cut (the rest was still graded)")
    problems += caps_hit(problems, limits)
    found = kernel.marked_json(result.nb.cells[-1], marker)
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
