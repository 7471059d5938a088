"""Run an exercise's cases against a learner's function, each under a time limit."""

from __future__ import annotations

import importlib
import signal
import threading
import traceback
from contextlib import contextmanager
from typing import Callable

from .. import course
from ..errors import CourseError
from .case import Case
from .report import CaseResult, Report


class CaseTimeout(BaseException):
    """The learner's function ran past the case's time limit (a BaseException, so `except Exception` in
    the learner's code cannot swallow it)."""


@contextmanager
def time_limit(seconds: float):
    """Interrupt the block after `seconds` (in the main thread; elsewhere the limit is not enforced)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(_signum, _frame):
        raise CaseTimeout

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def cases_for(exercise_id: str) -> list[Case]:
    """The cases of an exercise, from the grader module named like its lesson."""
    lesson_id, _, name = exercise_id.partition(".")
    try:
        module = importlib.import_module(f"llmcourse.graders.{lesson_id}")
    except ModuleNotFoundError as exc:
        raise CourseError(f"no grader for lesson {lesson_id!r}.", "llmcourse progress   # lists the exercise ids") from exc
    make = getattr(module, name, None)
    if make is None:
        raise CourseError(f"the grader for {lesson_id} has no exercise {name!r}.",
                          f"llmcourse progress   # lists the exercises of {lesson_id}")
    return list(make())


def _where(exc: BaseException) -> str:
    """The learner's line that raised, if the traceback reaches their code."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "llmcourse" not in f.filename]
    return f" (at line {frames[-1].lineno}: `{frames[-1].line}`)" if frames and frames[-1].line else ""


def run_case(case: Case, fn: Callable) -> CaseResult:
    """Call `fn` on one case and judge it; every failure becomes a message, never an exception."""
    try:
        args, kwargs = case.inputs()
        with time_limit(case.timeout_s):
            got = fn(*args, **kwargs)
        problem = case.judge(got)
    except CaseTimeout:
        problem = f"did not return within {case.timeout_s:g} s: look for a loop that never ends"
    except Exception as exc:  # noqa: BLE001 - the learner's error is the report, not a crash
        if case.raises is not None and isinstance(exc, case.raises):
            problem = None
        elif isinstance(exc, NotImplementedError):
            return CaseResult(case.name, False,
                              "not implemented yet: replace `raise NotImplementedError` with your code", todo=True)
        else:
            wanted = f" (expected {case.raises.__name__})" if case.raises else ""
            problem = f"raised {type(exc).__name__}: {exc}{wanted}{_where(exc)}"
    if problem and case.why:
        problem = f"{problem}. {case.why}"
    return CaseResult(case.name, problem is None, problem or "")


def grade(exercise_id: str, fn: Callable | None) -> Report:
    """Grade one exercise: every case runs, so a second mistake is reported alongside the first."""
    exercise = course.load().exercise(exercise_id)
    cases = cases_for(exercise_id)
    if not callable(fn):
        results = [CaseResult(c.name, False, f"expected a function, got {type(fn).__name__}") for c in cases]
    else:
        results = [run_case(case, fn) for case in cases]
    return Report(exercise_id=exercise_id, title=exercise.title, points=exercise.points,
                  hints=len(exercise.hints), results=results)
