"""Every grader is proven: known-wrong answers fail with a message, an untouched stub fails, and it is stable."""

import pytest

from llmcourse import course
from llmcourse.cases import grade

from ..conftest import wrong_answers

EXERCISES = course.load().exercises
WRONG = [(ex, name, fn) for ex in EXERCISES for name, fn in wrong_answers(ex)]


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_each_exercise_has_three_known_wrong_answers(exercise):
    assert len(wrong_answers(exercise)) >= 3, f"add known-wrong answers for {exercise.id} in tests/files/wrong/"


@pytest.mark.parametrize("exercise,name,fn", WRONG, ids=[name for _, name, _ in WRONG])
def test_known_wrong_answer_fails_with_a_message(exercise, name, fn):
    report = grade(exercise.id, fn)
    assert not report.passed, f"{name} passes the grader of {exercise.id}: the grader cannot catch it"
    failed = [r for r in report.results if not r.passed]
    assert all(len(r.message) > 10 for r in failed), [r.message for r in failed]
    assert report.earned < exercise.points
    assert f"llmcourse hint {exercise.id}" in report.next_step


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_untouched_stub_fails_every_case_as_not_implemented(exercise):
    def stub(*args, **kwargs):
        raise NotImplementedError

    report = grade(exercise.id, stub)
    assert not report.passed and report.earned == 0
    assert all(r.todo and "not implemented" in r.message for r in report.results)


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_graders_have_several_named_cases(exercise):
    from llmcourse.cases.runner import cases_for
    cases = cases_for(exercise.id)
    assert len(cases) >= 4
    assert len({c.name for c in cases}) == len(cases), "case names must be unique"
