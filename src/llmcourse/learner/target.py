"""Turn what the learner typed (an exercise id, a lesson id or a path) into a lesson and a notebook file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import course, paths
from ..errors import CourseError


@dataclass
class Target:
    lesson: course.Lesson
    notebook: Path
    only: str | None  # an exercise id when one was named


def resolve(arg: str) -> Target:
    """An existing path wins; else `lesson.exercise` or `lesson`, looked up in the workspace."""
    the_course = course.load()
    path = Path(arg)
    if path.suffix in (".py", ".ipynb") and path.exists():
        stem = path.stem
        try:
            return Target(the_course.lesson(stem), path, None)
        except CourseError as exc:
            raise CourseError(f"{path.name} does not name a lesson: notebooks are named by lesson id "
                              f"(like {the_course.lessons[0].id}.ipynb).",
                              "rename the file to its lesson id, or pass the id: llmcourse check LESSON_ID") from exc
    if path.suffix in (".py", ".ipynb"):
        raise CourseError(f"{path} does not exist.", "llmcourse progress   # shows each exercise and its file")
    lesson_id, _, name = arg.partition(".")
    only = the_course.exercise(arg).id if name else None  # first, so a typo is matched against whole ids
    lesson = the_course.lesson(lesson_id)
    return Target(lesson, workspace_notebook(lesson.id), only)


def workspace_notebook(lesson_id: str) -> Path:
    """The learner's copy of an exercise notebook: .ipynb if there is one, else .py."""
    ws = paths.workspace()
    for suffix in (".ipynb", ".py"):
        candidate = ws / f"{lesson_id}{suffix}"
        if candidate.exists():
            return candidate
    raise CourseError(f"you have no copy of the {lesson_id} exercises yet.",
                      f"llmcourse open {lesson_id}   # creates {ws / (lesson_id + '.ipynb')}")
