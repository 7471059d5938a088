"""Find the submissions in a cohort folder: one folder per learner, notebooks named by lesson id."""

from __future__ import annotations

import re
from pathlib import Path

from .. import course
from ..errors import CourseError
from .submission import Submission

SAFE = re.compile(r"^[\w.@+-]+$")


def discover(folder: Path) -> tuple[list[Submission], list[str]]:
    """The submissions to grade, and notes on files that were skipped (and why)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CourseError(f"{folder} is not a folder of submissions.",
                          "make one folder per learner inside it, holding notebooks named by lesson id "
                          "(like alice/evals_assertions.ipynb); see the instructor guide")
    lessons = {lesson.id for lesson in course.load().lessons}
    found, notes = [], []
    for learner in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if not SAFE.match(learner.name):
            notes.append(f"{learner.name}: skipped, a learner folder name may hold letters, digits and . _ - @ + only")
            continue
        chosen: dict[str, Path] = {}
        for file in sorted(learner.iterdir()):
            if file.name.startswith(".") or file.suffix not in (".ipynb", ".py") or not file.is_file():
                continue
            if file.stem not in lessons:
                notes.append(f"{learner.name}/{file.name}: skipped, not named after a lesson id")
                continue
            if file.stem in chosen and chosen[file.stem].suffix == ".ipynb":
                notes.append(f"{learner.name}/{file.name}: skipped, {file.stem}.ipynb is graded instead")
                continue
            chosen[file.stem] = file
        found += [Submission(learner.name, lesson_id, path) for lesson_id, path in sorted(chosen.items())]
    if not found:
        raise CourseError(f"no submissions found in {folder}.",
                          "expect FOLDER/LEARNER/LESSON_ID.ipynb (or .py); lesson ids: llmcourse progress")
    return found, notes
