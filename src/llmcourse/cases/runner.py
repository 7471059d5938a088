"""Run an exercise's cases against a learner's function, each under a time limit."""

from __future__ import annotations

import importlib
import signal
import threading
import traceback
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable

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


@dataclass
class Outcome:
    """What calling the learner's function on one case did, before any judgement.

    Instructor grading computes outcomes inside a sandboxed kernel and judges them outside it, so the
    learner's code never touches the verdict; learners' own checks do both steps in one process.
    """

    kind: str  # "returned", "raised", "timeout" or "missing"
    value: Any = None
    exc_names: tuple[str, ...] = ()  # the exception's class and its bases, by name
    message: str = ""
    where: str = ""


def call(case: Case, fn: Callable, args: tuple | None = None, kwargs: dict | None = None) -> Outcome:
    """Call `fn` on the case's inputs (or the given ones) under the case's time limit."""
    if args is None:
        args, kwargs = case.inputs()
    try:
        with time_limit(case.timeout_s):
            return Outcome("returned", fn(*args, **(kwargs or {})))
    except CaseTimeout:
        return Outcome("timeout")
    except Exception as exc:  # noqa: BLE001 - the learner's error is the report, not a crash
        return Outcome("raised", exc_names=tuple(t.__name__ for t in type(exc).__mro__),
                       message=str(exc), where=_where(exc))


def missing(fn: Any, name: str = "") -> Outcome:
    """The outcome when the notebook does not define the exercise's function."""
    if fn is None:
        return Outcome("missing", message=f"function `{name or 'for this exercise'}` is not defined: did its cell "
                                          "fail, or was it renamed?")
    return Outcome("missing", message=f"expected a function, got {type(fn).__name__}")


def verdict(case: Case, outcome: Outcome) -> CaseResult:
    """Judge one outcome; every failure becomes a message written for the learner."""
    if outcome.kind == "returned":
        problem = case.judge(outcome.value)
    elif outcome.kind == "timeout":
        problem = f"did not return within {case.timeout_s:g} s: look for a loop that never ends"
    elif outcome.kind == "missing":
        problem = outcome.message
    elif case.raises is not None and case.raises.__name__ in outcome.exc_names:
        problem = None
    elif "NotImplementedError" in outcome.exc_names:
        return CaseResult(case.name, False,
                          "not implemented yet: replace `raise NotImplementedError` with your code", todo=True)
    else:
        wanted = f" (expected {case.raises.__name__})" if case.raises else ""
        problem = f"raised {outcome.exc_names[0]}: {outcome.message}{wanted}{outcome.where}"
    if problem and case.why:
        problem = f"{problem}. {case.why}"
    return CaseResult(case.name, problem is None, problem or "")


def run_case(case: Case, fn: Callable) -> CaseResult:
    """Call `fn` on one case and judge it; every failure becomes a message, never an exception."""
    return verdict(case, call(case, fn))


def grade(exercise_id: str, fn: Callable | None) -> Report:
    """Grade one exercise: every case runs, so a second mistake is reported alongside the first."""
    exercise = course.load().exercise(exercise_id)
    cases = cases_for(exercise_id)
    if not callable(fn):
        results = [verdict(c, missing(fn, exercise.name)) for c in cases]
    else:
        results = [run_case(case, fn) for case in cases]
    return Report(exercise_id=exercise_id, title=exercise.title, points=exercise.points,
                  hints=len(exercise.hints), results=results)
