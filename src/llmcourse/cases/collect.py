"""Grade every exercise of a lesson from a kernel's namespace and print the reports as one JSON line."""

from __future__ import annotations

import json

from .. import course
from .report import Report
from .runner import grade


def reports(lesson_id: str, namespace: dict) -> list[Report]:
    """One report per exercise of the lesson, looking up each learner function by its exercise name."""
    out = []
    for exercise in course.load().lesson(lesson_id).exercises:
        out.append(grade(exercise.id, namespace.get(exercise.name)))
    return out


def emit(lesson_id: str, namespace: dict, marker: str) -> None:
    """Print the reports behind a per-run marker, for `llmcourse check` to read from the cell's output."""
    payload = [r.to_dict() for r in reports(lesson_id, namespace)]
    print(marker + json.dumps(payload))
