"""A grader's test case: call the learner's function on some input and judge what comes back."""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from typing import Any, Callable

NOTHING = object()


@dataclass
class Case:
    """One input and the judgement of its output.

    `expect` compares with ==, or within `tol` for numbers; `check` is a function of the output that
    returns a failure message (or None) for outputs that have many right forms; `raises` names the
    exception that bad input must raise (a subclass counts too). `why` names the point
    of the case (the edge case the lesson is about) and is shown to the learner when it fails.
    """

    name: str
    args: tuple | Callable[[], tuple] = ()
    kwargs: dict = field(default_factory=dict)
    expect: Any = NOTHING
    check: Callable[[Any], str | None] | None = None
    tol: float | None = None
    raises: type[BaseException] | None = None
    why: str = ""
    timeout_s: float = 10.0

    def inputs(self) -> tuple[tuple, dict]:
        """Fresh copies of the arguments, so one case cannot leak state into the next."""
        args = self.args() if callable(self.args) else self.args
        return copy.deepcopy(tuple(args)), copy.deepcopy(self.kwargs)

    def judge(self, got: Any) -> str | None:
        """None when `got` is right, else what is wrong with it."""
        if self.raises is not None:
            return f"returned {short(got)} but should raise {self.raises.__name__}"
        if self.expect is not NOTHING and not same(got, self.expect, self.tol):
            return f"expected {short(self.expect)}, got {short(got)}"
        if self.check is not None:
            return self.check(got)
        return None


def same(got: Any, expected: Any, tol: float | None) -> bool:
    """Equality that allows `tol` on numbers, also inside lists, tuples and dicts."""
    if tol is not None and isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return isinstance(got, (int, float)) and not isinstance(got, bool) and math.isclose(
            got, expected, rel_tol=tol, abs_tol=tol)
    if tol is not None and isinstance(expected, (list, tuple)) and isinstance(got, (list, tuple)):
        return len(got) == len(expected) and all(same(g, e, tol) for g, e in zip(got, expected))
    if tol is not None and isinstance(expected, dict) and isinstance(got, dict):
        return got.keys() == expected.keys() and all(same(got[k], expected[k], tol) for k in expected)
    if isinstance(expected, bool):
        # numpy's bool_ is a fine answer to a yes/no question; 1 and "True" are not
        return type(got).__name__ in ("bool", "bool_") and bool(got) is expected
    try:
        return bool(got == expected)
    except Exception:  # noqa: BLE001 - a learner's object may compare badly
        return False


def short(value: Any, limit: int = 160) -> str:
    """A repr cut to a readable length."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 12] + " ... " + text[-6:]
