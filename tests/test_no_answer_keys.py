"""Nothing a learner's kernel can import passes an exercise for them.

Every public callable of every course module a kernel can reach (everything but the graders, which
cohort grading hides from kernels) is run on every exercise's cases; none may pass them all. A helper
a lesson needs for its demo must differ from the exercise: another signature, another return shape,
or it stays in the notebook.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import llmcourse
from llmcourse import course
from llmcourse.cases.runner import cases_for, run_case

# Not scanned, each for its reason. The graders: cohort grading hides them from kernels. The commands
# (cli, site, learner, authoring, cohort) and model access (llm): their functions act on
# the machine (build the site, start servers, write files, grade folders) rather than compute on plain
# data, so calling them with an exercise's inputs would do harm, and none computes an exercise's answer.
# helpers.ask_page only starts a web server (the capstone's page), which returns a server, never an answer.
SKIP = ("llmcourse.graders", "llmcourse.cli", "llmcourse.site", "llmcourse.learner", "llmcourse.authoring",
        "llmcourse.cohort", "llmcourse.llm", "llmcourse.helpers.ask_page")

def reachable_callables() -> list[tuple[str, object]]:
    found = []
    for info in pkgutil.walk_packages(llmcourse.__path__, "llmcourse."):
        if info.name.startswith(SKIP):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(value) or value.__module__ != info.name:
                continue
            found.append((f"{info.name}.{name}", value))
    return found


CALLABLES = reachable_callables()


def binds(fn, case) -> bool:
    args, kwargs = case.inputs()
    try:
        inspect.signature(fn).bind(*args, **kwargs)
    except TypeError:
        return False
    return True


@pytest.mark.parametrize("exercise", course.load().exercises, ids=lambda e: e.id)
def test_no_importable_function_passes_the_exercise(exercise, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a function that writes files writes them here
    monkeypatch.setenv("LLMCOURSE_HOME", str(tmp_path / "home"))
    cases = cases_for(exercise.id)
    cheats = []
    for name, fn in CALLABLES:
        if not all(binds(fn, case) for case in cases):
            continue
        if all(run_case(case, fn).passed for case in cases):
            cheats.append(name)
    assert not cheats, f"{exercise.id} is passed by importing {cheats}: move it out of the learner's reach"


def test_the_scan_sees_the_lesson_helpers():
    names = {name for name, _ in CALLABLES}
    assert any(".helpers.retrieval." in n for n in names) and any(".helpers.agreement." in n for n in names)
