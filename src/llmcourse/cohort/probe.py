"""Runs inside the sandboxed kernel: call the learner's functions on every case and print raw outcomes.

Nothing here decides pass or fail, and the graders are not here at all: the grader sends each case's
inputs in (inputs.py) and, outside the kernel, rebuilds the same cases and judges these outcomes, so code
in the notebook cannot change a verdict, only its own function's answers.
"""

from __future__ import annotations

import base64
import json
import pickle
import types

from ..cases.case import Case
from ..cases.runner import call, missing
from ..cases.scripted import ScriptedLLM
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


def outcome(fn, name: str, args: tuple, kwargs: dict, timeout_s: float) -> dict:
    """One case's outcome as plain data, with the calls the function made to the grader's stand-ins."""
    if not callable(fn):
        result = missing(fn, name)
        return {"kind": result.kind, "message": result.message}
    args = tuple(_wrap(a) for a in args)
    kwargs = {k: _wrap(v) for k, v in kwargs.items()}
    result = call(Case(name, timeout_s=timeout_s), fn, args, kwargs)
    seen = {**{str(i): a for i, a in enumerate(args)}, **kwargs}
    return {"kind": result.kind, "value": wire.encode(result.value), "exc_names": list(result.exc_names),
            "message": result.message[:2000], "where": result.where[:500], "traces": _traces(seen)}


def run(payload: str, namespace: dict, marker: str) -> None:
    """Print every exercise's outcomes, in the order the grader sent the cases (public, then hidden)."""
    # the grader made this pickle; the kernel only reads what the grader sends, never the other way round
    exercises = pickle.loads(base64.b64decode(payload))
    functions = sorted(k for k, v in namespace.items() if isinstance(v, types.FunctionType) and not k.startswith("_"))
    report = {"functions": functions, "exercises": {}}
    for exercise_id, name, cases in exercises:
        fn = namespace.get(name)
        report["exercises"][exercise_id] = [outcome(fn, name, tuple(args), kwargs, timeout)
                                            for args, kwargs, timeout in cases]
    print(marker + json.dumps(report))
