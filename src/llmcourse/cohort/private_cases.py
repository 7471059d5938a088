"""The instructor's private cases: graders in the same form as the public ones, kept out of the sandbox."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import sys
import types
from pathlib import Path
from typing import Any

import cloudpickle

from .. import course
from ..errors import CourseError
from ..cases.case import Case
from . import judge, wire

_HIDDEN_MODULE = "llmcourse_hidden_"  # the name a hidden file is loaded under (never put in sys.modules)


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
        spec = importlib.util.spec_from_file_location(f"{_HIDDEN_MODULE}{file.stem}", file)
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
        refused = _refusal(value, file.stem)
        if refused:
            raise CourseError(f"hidden case {case.name!r} in {file.name} passes {refused}: hidden cases may pass "
                              "plain data (numbers, strings, lists, dicts...) and objects of the course's own "
                              "classes (llmcourse.cases.ScriptedLLM, a stand-in class from the lesson's grader), "
                              "never code written in the hidden file.",
                              f"edit {file}: move the stand-in into a class of the lesson's grader, or pass data")
    case.name = f"{judge.HIDDEN}{case.name}"
    return case


# Why code from the hidden file may not travel: cloudpickle sends a function or class that cannot be imported
# by name as code, with the globals it reads, into the learner's kernel, and a hidden file's globals are where
# its expected answers live. The course's own classes are imported in the kernel by name (a grader's are
# pickled by value from the grader module, which learners can read anyway), so nothing private travels.

_CONTAINERS = (list, tuple, set, frozenset)


def _refusal(value: Any, lesson_id: str, depth: int = 0) -> str | None:
    """What in `value` may not be sent into a learner's kernel (described for the message), or None."""
    if depth > 50:
        return "a value nested too deep"
    if type(value) in _CONTAINERS:
        return next((r for v in value if (r := _refusal(v, lesson_id, depth + 1))), None)
    if type(value) is dict:
        return next((r for item in value.items() for v in item if (r := _refusal(v, lesson_id, depth + 1))), None)
    if _course_code(type(value), lesson_id) or (isinstance(value, (type, types.FunctionType))
                                                and _course_code(value, lesson_id)):
        return _code_inside(value, lesson_id)
    if wire.plain(value):
        return None
    module = getattr(type(value), "__module__", "")
    if isinstance(module, str) and module.startswith("llmcourse.graders."):
        return f"a {type(value).__name__} from another lesson's grader ({module}), which the kernel cannot import"
    return f"a {type(value).__name__}"


def _course_code(thing: Any, lesson_id: str) -> bool:
    """Whether a class or function is the course's own code: defined in an llmcourse module the kernel can
    import, or in this lesson's grader (graders are hidden from the kernel; this lesson's grader module is
    sent into it by value, so its stand-ins travel too, while another lesson's would not be found there)."""
    module = getattr(thing, "__module__", None)
    if not isinstance(module, str) or not (module == "llmcourse" or module.startswith("llmcourse.")):
        return False
    if module.startswith("llmcourse.graders.") and module != f"llmcourse.graders.{lesson_id}":
        return False
    return module in sys.modules


def _importable(thing: Any) -> bool:
    """Whether a class or function comes from outside the course and outside the hidden file: from a module
    the grading process imported (builtins, types, openai...). A hidden file is loaded without a place in
    sys.modules, so its code never counts as importable."""
    module = getattr(thing, "__module__", None)
    return isinstance(module, str) and module in sys.modules and module != "__main__" and \
        not module.startswith("llmcourse")


class _Audit(cloudpickle.Pickler):
    """Pickles to nowhere, stopping at the first class or function that would travel as code not the course's."""

    def __init__(self, lesson_id: str):
        super().__init__(io.BytesIO())
        self.lesson_id, self.refused = lesson_id, None

    def reducer_override(self, obj):
        if isinstance(obj, (type, types.FunctionType)) and self.refused is None:
            if not (_course_code(obj, self.lesson_id) or _importable(obj)):
                kind = "class" if isinstance(obj, type) else "function"
                module = getattr(obj, "__module__", None)
                where = "written in the hidden file" if str(module).startswith(_HIDDEN_MODULE) else f"from {module}"
                self.refused = f"a {kind} {getattr(obj, '__qualname__', obj)!r} {where}"
        return super().reducer_override(obj)


def _code_inside(value: Any, lesson_id: str) -> str | None:
    """None when an object of a course class holds only data, course code and importable references."""
    audit = _Audit(lesson_id)
    try:
        audit.dump(value)
    except Exception as exc:  # noqa: BLE001 - what cannot be pickled cannot be sent either
        return f"a {type(value).__name__} that cannot be pickled ({type(exc).__name__}: {exc})"
    if audit.refused:
        return f"a {type(value).__name__} holding {audit.refused}"
    return None


def digest(folder: Path | None) -> str:
    """Changes when any hidden test file changes, so resumed runs re-grade against new hidden cases."""
    if folder is None:
        return ""
    h = hashlib.sha256()
    for file in sorted(Path(folder).glob("*.py")):
        h.update(file.name.encode() + file.read_bytes())
    return h.hexdigest()[:16]
