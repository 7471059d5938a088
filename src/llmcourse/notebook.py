"""Everything a lesson or exercise notebook imports in its first cell, so no set-up is pasted around.

Importing this is cheap on purpose: every kernel that `check`, the tests and cohort grading start pays
for it. The openai client, pandas and matplotlib load only when a notebook first uses them, and are
styled for the site at that moment.
"""

from __future__ import annotations

import importlib.abc
import os
import sys

from . import llm
from .course import load as _load_course
from .errors import CourseError
from .cases import grade
from .learner import progress as _progress

__all__ = ["check", "hint", "llm"]


def check(exercise_id: str, fn) -> None:
    """Grade `fn` against the exercise's cases and show the report under the cell, once.

    Returns None: a returned report would show a second time as the cell's Out[n]. `grade()` from
    llmcourse.cases gives the Report itself."""
    if os.environ.get("LLMCOURSE_SANDBOX"):  # an instructor's grading kernel holds no graders: graded outside
        print(f"{exercise_id}: graded by the instructor's grader once the notebook has run")
        return None
    _show(grade(exercise_id, fn))
    return None


def hint(exercise_id: str) -> str:
    """Show the next rung of the exercise's hint ladder (the same ladder as `llmcourse hint`); given a
    lesson id, list that lesson's exercises instead."""
    the_course = _load_course()
    if "." not in exercise_id:
        lesson = the_course.lesson(exercise_id)
        width = max(len(ex.id) for ex in lesson.exercises)
        text = "\n".join([f"{lesson.id} has {len(lesson.exercises)} exercises; hints come one exercise at a time:"]
                         + [f"  llmcourse hint {ex.id:<{width}}  # {ex.title}" for ex in lesson.exercises])
        print(text)
        return text
    exercise = the_course.exercise(exercise_id)
    count = len(exercise.hints)
    already = _progress.load()["hints"].get(exercise.id, 0)
    rung = _progress.next_hint(exercise.id, count)
    text = f"Hint {rung}/{count} for {exercise.id}: {exercise.hints[rung - 1]}"
    if already >= count:
        text = (f"No more hints for {exercise.id}: you have seen all {count}. The last one again:\n{text}\n"
                f"Still stuck? Re-read the lesson's worked example, or compare what each failing case expected "
                f"with what you returned.")
    print(text)
    return text


def _show(obj) -> None:
    try:
        from IPython.display import display
    except ImportError:
        print(obj)
    else:
        display(obj)


def _style_matplotlib(mpl) -> None:
    mpl.rcParams.update({"figure.figsize": (7, 3.6), "figure.dpi": 110, "axes.grid": True,
                         "grid.alpha": 0.3, "axes.spines.top": False, "axes.spines.right": False})


def _style_pandas(pd) -> None:
    pd.set_option("display.max_colwidth", 80)
    pd.set_option("display.precision", 3)


def _explain_openai_errors(openai) -> None:
    try:
        ip = get_ipython()  # type: ignore[name-defined]  # noqa: F821
    except NameError:
        return
    ip.set_custom_exc((openai.APIError, CourseError), _explain)


def _explain(shell, etype, value, tb, tb_offset=None):
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
    problem = value if isinstance(value, CourseError) else llm.explain(value)
    if problem is not None:
        print(f"\n{problem}")


# what to do once a module is loaded; until then the notebook does not pay for it
ON_IMPORT = {"matplotlib": _style_matplotlib, "pandas": _style_pandas, "openai": _explain_openai_errors}


class _OnImport(importlib.abc.MetaPathFinder):
    """Wraps the loader of each module in ON_IMPORT so its set-up runs right after its first import."""

    def __init__(self, pending: set[str]):
        self.pending = pending

    def find_spec(self, name, path=None, target=None):
        if name not in self.pending:
            return None
        self.pending.discard(name)
        if not self.pending:
            sys.meta_path.remove(self)
        for finder in sys.meta_path:
            spec = finder.find_spec(name, path, target) if finder is not self and hasattr(finder, "find_spec") else None
            if spec is not None and spec.loader is not None:
                spec.loader = _ThenRun(spec.loader, ON_IMPORT[name])
                return spec
        return None


class _ThenRun(importlib.abc.Loader):
    def __init__(self, loader, after):
        self.loader, self.after = loader, after

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        # the module sees its own loader, as if we were not here (importlib.resources asks it for files)
        module.__loader__ = module.__spec__.loader = self.loader
        self.loader.exec_module(module)
        self.after(module)


def _setup() -> None:
    """Plots and tables that read well on the site; provider errors explained with the next step."""
    if any(isinstance(finder, _OnImport) for finder in sys.meta_path):
        return
    pending = set()
    for name, after in ON_IMPORT.items():
        if name in sys.modules:
            after(sys.modules[name])
        else:
            pending.add(name)
    try:
        ip = get_ipython()  # type: ignore[name-defined]  # noqa: F821
        ip.set_custom_exc((CourseError,), _explain)
    except NameError:
        pass
    if pending:
        sys.meta_path.insert(0, _OnImport(pending))


_setup()
