"""Every grader is proven against machine-made mistakes: it rejects at least 90% of its solution's mutants.

Each mutant of a solution function (tests/mutation/mutator.py) is graded in-process with the
exercise's own cases. A mutant no input can tell from the solution is listed, with its reason, in the
grader module's EQUIVALENT_MUTANTS; every other survivor is a mistake a learner could make and still
earn full marks. `pytest -s tests/mutation` prints each exercise's score.
"""

from __future__ import annotations

import dataclasses
import importlib
import time

import pytest

from llmcourse import course
from llmcourse.cases.runner import cases_for, run_case

from . import solution
from .mutator import mutants

EXERCISES = course.load().exercises
REQUIRED = 0.90
MUTANT_CASE_TIMEOUT_S = 2.0  # a mutant may loop forever; the engine's time limit stops it sooner


def equivalents(exercise) -> dict[str, str]:
    module = importlib.import_module(f"llmcourse.graders.{exercise.lesson}")
    return getattr(module, "EQUIVALENT_MUTANTS", {}).get(exercise.name, {})


def survives(exercise, fn) -> bool:
    """True when `fn` passes every case of the exercise (each under a short time limit)."""
    for case in cases_for(exercise.id):
        case = dataclasses.replace(case, timeout_s=min(case.timeout_s, MUTANT_CASE_TIMEOUT_S))
        if not run_case(case, fn).passed:
            return False
    return True


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_grader_rejects_the_mutants_of_its_solution(exercise):
    source, namespace = solution.load(exercise.lesson, exercise.name)
    assert survives(exercise, solution.define(source, namespace, exercise.name)), \
        f"the solution of {exercise.id} fails its own grader"

    started = time.perf_counter()
    listed = equivalents(exercise)
    found = mutants(source)
    survivors, killed_but_listed = [], []
    for mutant in found:
        fn = solution.define(mutant.source, namespace, exercise.name, f"<mutant {mutant.id}>")
        alive = survives(exercise, fn)
        if alive and mutant.id not in listed:
            survivors.append(mutant.id)
        elif not alive and mutant.id in listed:
            killed_but_listed.append(mutant.id)
    counted = len(found) - len(listed)
    killed = counted - len(survivors)
    score = killed / counted if counted else 1.0
    print(f"\nmutation score {exercise.id}: {killed}/{counted} = {score:.0%} "
          f"({len(listed)} equivalent, {time.perf_counter() - started:.1f} s)")
    for mutant_id in survivors:
        print(f"  survived: {mutant_id}")

    stale = sorted(set(listed) - {m.id for m in found})
    assert not stale, f"EQUIVALENT_MUTANTS of {exercise.id} names mutants the solution no longer has: {stale}"
    assert not killed_but_listed, (f"EQUIVALENT_MUTANTS of {exercise.id} lists mutants the grader tells apart, "
                                   f"so they are not equivalent: {killed_but_listed}")
    assert score >= REQUIRED, (f"{exercise.id}: the grader rejects only {killed}/{counted} mutants; add a case "
                               f"that kills each survivor, or list it in EQUIVALENT_MUTANTS with a reason: "
                               f"{survivors}")
