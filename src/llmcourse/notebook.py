"""Everything a lesson or exercise notebook imports in its first cell, so no set-up is pasted around."""

from __future__ import annotations

import os

from . import llm
from .course import load as _load_course
from .errors import CourseError
from .grading import Report, grade
from .progress import store as _progress

__all__ = ["check", "hint", "llm"]


def check(exercise_id: str, fn) -> Report:
    """Grade `fn` against the exercise's cases and show the report under the cell."""
    if os.environ.get("LLMCOURSE_SANDBOX"):  # an instructor's grading kernel holds no graders: graded outside
        print(f"{exercise_id}: graded by the instructor's grader once the notebook has run")
        return None
    report = grade(exercise_id, fn)
    _show(report)
    return report


def hint(exercise_id: str) -> str:
    """Show the next rung of the exercise's hint ladder (the same ladder as `llmcourse hint`)."""
    exercise = _load_course().exercise(exercise_id)
    rung = _progress.next_hint(exercise.id, len(exercise.hints))
    text = f"Hint {rung}/{len(exercise.hints)} for {exercise.id}: {exercise.hints[rung - 1]}"
    print(text)
    return text


def _show(obj) -> None:
    try:
        from IPython.display import display
    except ImportError:
        print(obj)
    else:
        display(obj)


def _setup() -> None:
    """Plots and tables that read well on the site; provider errors explained with the next step."""
    try:
        import matplotlib as mpl
        mpl.rcParams.update({"figure.figsize": (7, 3.6), "figure.dpi": 110, "axes.grid": True,
                             "grid.alpha": 0.3, "axes.spines.top": False, "axes.spines.right": False})
    except ImportError:
        pass
    try:
        import pandas as pd
        pd.set_option("display.max_colwidth", 80)
        pd.set_option("display.precision", 3)
    except ImportError:
        pass
    try:
        ip = get_ipython()  # type: ignore[name-defined]  # noqa: F821
    except NameError:
        return
    import openai

    def _explain(shell, etype, value, tb, tb_offset=None):
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
        problem = value if isinstance(value, CourseError) else llm.explain(value)
        if problem is not None:
            print(f"\n{problem}")

    ip.set_custom_exc((openai.APIError, CourseError), _explain)


_setup()
