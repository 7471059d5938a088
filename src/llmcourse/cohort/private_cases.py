"""The instructor's private cases: graders in the same form as the public ones, kept out of the sandbox."""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

from .. import course
from ..errors import CourseError
from ..cases.case import Case
from . import judge, wire


def load(folder: Path | None) -> dict[str, list[Case]]:
    """Exercise id -> hidden cases, from FOLDER/<lesson id>.py files with one function per exercise."""
    if folder is None:
        return {}
    folder = Path(folder)
    if not folder.is_dir():
        raise CourseError(f"the hidden tests folder {folder} does not exist.",
                          "create it with one file per lesson, like FOLDER/evals_assertions.py (see the instructor guide)")
    the_course, found = course.load(), {}
    for file in sorted(folder.glob("*.py")):
        try:
            lesson = the_course.lesson(file.stem)
        except CourseError as exc:
            raise CourseError(f"hidden tests file {file.name} is not named after a lesson.", exc.next_step) from exc
        spec = importlib.util.spec_from_file_location(f"llmcourse_hidden_{file.stem}", file)
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except Exception as exc:
            raise CourseError(f"hidden tests file {file} failed to load: {type(exc).__name__}: {exc}",
                              f"fix {file}, then run the same command again") from exc
        for exercise in lesson.exercises:
            make = getattr(module, exercise.name, None)
            if make is not None:
                cases = [_hidden(case, file) for case in make()]
                found[exercise.id] = cases
    return found


def _hidden(case: Case, file: Path) -> Case:
    args, kwargs = case.inputs()
    for value in (*args, *kwargs.values()):
        if not wire.plain(value):
            raise CourseError(f"hidden case {case.name!r} in {file.name} passes a {type(value).__name__}: "
                              "hidden cases may pass plain data only (numbers, strings, lists, dicts...).",
                              f"edit {file}")
    case.name = f"{judge.HIDDEN}{case.name}"
    return case


def digest(folder: Path | None) -> str:
    """Changes when any hidden test file changes, so resumed runs re-grade against new hidden cases."""
    if folder is None:
        return ""
    h = hashlib.sha256()
    for file in sorted(Path(folder).glob("*.py")):
        h.update(file.name.encode() + file.read_bytes())
    return h.hexdigest()[:16]
