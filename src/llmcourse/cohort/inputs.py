"""Each case's inputs, built by the grader and sent into the kernel by value.

The graders are hidden from grading kernels, so nothing a notebook imports can read or patch them. The
grading process builds every case's inputs itself and pickles them with cloudpickle, the grader module by
value, so a stand-in judge written as a lambda or closure travels as code rather than as an import.
Pickles only ever go into the kernel: what comes back out is plain JSON (wire.py), never unpickled.
"""

from __future__ import annotations

import base64
import importlib

import cloudpickle

from .. import course
from ..errors import CourseError
from ..cases.case import Case
from ..cases.runner import cases_for


def payload(lesson: course.Lesson, hidden: dict[str, list[Case]]) -> str:
    """[(exercise id, function name, [(args, kwargs, time limit), ...])], public cases then hidden ones,
    pickled and base64-encoded for the probe cell."""
    module = importlib.import_module(f"llmcourse.graders.{lesson.id}")
    cloudpickle.register_pickle_by_value(module)
    exercises = []
    for exercise in lesson.exercises:
        cases = cases_for(exercise.id) + hidden.get(exercise.id, [])
        exercises.append((exercise.id, exercise.name, [(*case.inputs(), case.timeout_s) for case in cases]))
    try:
        data = cloudpickle.dumps(exercises)
    except Exception as exc:  # noqa: BLE001 - whatever a grader's inputs hold, the message must name the lesson
        raise CourseError(f"the cases of {lesson.id} cannot be sent into the sandbox ({type(exc).__name__}: {exc}).",
                          "a grader's inputs must be picklable by cloudpickle: data, functions, stand-ins") from exc
    return base64.b64encode(data).decode("ascii")
