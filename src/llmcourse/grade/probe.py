"""Runs inside the sandboxed kernel: call the learner's functions on every case and print raw outcomes.

Nothing here decides pass or fail. The judge, outside the kernel, rebuilds the same cases and judges
these outcomes, so code in the notebook cannot change a verdict, only its own function's answers.
"""

from __future__ import annotations

import json
import types

from .. import course
from ..grading.case import Case
from ..grading.run import Outcome, call, cases_for, missing
from ..grading.scripted import ScriptedLLM
from . import wire

MAX_CALLS = 200  # calls recorded per argument; a learner's loop cannot flood the report


class _Recorder:
    """Stands in for a grader's callable argument, remembering each call so the judge can replay it."""

    def __init__(self, fn):
        self.fn, self.calls = fn, []

    def __call__(self, *args, **kwargs):
        if len(self.calls) < MAX_CALLS:
            self.calls.append(wire.encode([list(args), kwargs]))
        return self.fn(*args, **kwargs)


def _wrap(value):
    plain = isinstance(value, (types.FunctionType, types.BuiltinFunctionType, types.MethodType))
    return _Recorder(value) if plain else value


def _traces(values: dict) -> dict:
    out = {}
    for key, value in values.items():
        if isinstance(value, _Recorder):
            out[key] = {"calls": value.calls}
        elif isinstance(value, ScriptedLLM):
            out[key] = {"requests": [wire.encode(r) for r in value.requests[:MAX_CALLS]]}
    return out


def outcome(case: Case, fn, name: str, given: tuple | None = None) -> dict:
    """One case's outcome as plain data, with the calls the function made to the grader's stand-ins."""
    if not callable(fn):
        result = missing(fn, name)
        return {"kind": result.kind, "message": result.message}
    args, kwargs = given if given is not None else case.inputs()
    args = tuple(_wrap(a) for a in args)
    kwargs = {k: _wrap(v) for k, v in kwargs.items()}
    result = call(case, fn, args, kwargs)
    seen = {**{str(i): a for i, a in enumerate(args)}, **kwargs}
    return {"kind": result.kind, "value": wire.encode(result.value), "exc_names": list(result.exc_names),
            "message": result.message[:2000], "where": result.where[:500], "traces": _traces(seen)}


def run(lesson_id: str, namespace: dict, marker: str, extra_json: str) -> None:
    """Print every exercise's outcomes, public cases first, then the instructor's hidden inputs."""
    extra = json.loads(extra_json)
    functions = sorted(k for k, v in namespace.items() if isinstance(v, types.FunctionType) and not k.startswith("_"))
    payload = {"functions": functions, "exercises": {}}
    for exercise in course.load().lesson(lesson_id).exercises:
        fn = namespace.get(exercise.name)
        outs = [outcome(case, fn, exercise.name) for case in cases_for(exercise.id)]
        for args, kwargs, timeout in extra.get(exercise.id, []):
            given = (tuple(wire.decode(args)), wire.decode(kwargs))
            outs.append(outcome(Case("hidden", timeout_s=timeout), fn, exercise.name, given))
        payload["exercises"][exercise.id] = outs
    print(marker + json.dumps(payload))
