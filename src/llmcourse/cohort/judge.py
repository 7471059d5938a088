"""Outside the sandbox: rebuild each case, replay the calls the learner's function made, and judge."""

from __future__ import annotations

from .. import course
from ..cases.case import Case
from ..cases.report import CaseResult, Report, all_failed
from ..cases.runner import Outcome, cases_for, verdict
from ..cases.scripted import ScriptedLLM
from . import wire
from .probe import MAX_CALLS

LOST = "no result came back for this case: the notebook stopped grading before it ran"
HIDDEN = "hidden: "


def _redact(case: Case, result: CaseResult) -> CaseResult:
    """A hidden case's failure names the case and its `why`, never its input or expected value."""
    if result.passed or result.todo:
        return result
    return CaseResult(result.name, False, f"this hidden case failed. {case.why}".strip())


def _replay(case: Case, traces: dict) -> None:
    """Feed the recorded calls to this side's own copies of the grader's stand-ins, so stateful checks
    (how often a scripted model was asked, and with what) see what the learner's function did."""
    if not traces:
        return
    args, kwargs = case.inputs()
    values = {**{str(i): a for i, a in enumerate(args)}, **kwargs}
    for key, trace in traces.items():
        target = values.get(key)
        # capped like the probe's recording, so a forged trace cannot make the grader loop for long
        calls = trace.get("calls", [])[:MAX_CALLS] if callable(target) and not isinstance(target, ScriptedLLM) else []
        requests = trace.get("requests", [])[:MAX_CALLS] if isinstance(target, ScriptedLLM) else []
        for a, kw in (wire.decode(c) for c in calls):
            try:
                target(*a, **kw)
            except Exception:  # noqa: BLE001 - the stand-in's own error was already the learner's outcome
                pass
        for request in requests:
            try:
                target._create(**wire.decode(request))
            except Exception:  # noqa: BLE001
                pass


def judge_case(case: Case, raw: dict | None) -> CaseResult:
    if not isinstance(raw, dict) or raw.get("kind") not in ("returned", "raised", "timeout", "missing"):
        return CaseResult(case.name, False, LOST)
    try:
        _replay(case, raw.get("traces") or {})
        outcome = Outcome(raw["kind"], value=wire.decode(raw.get("value")),
                          exc_names=tuple(str(n) for n in raw.get("exc_names") or ("Exception",)),
                          message=str(raw.get("message", "")), where=str(raw.get("where", "")))
    except (AttributeError, TypeError, ValueError, KeyError, RecursionError):
        # only a tampered report is malformed: the probe itself always writes this shape
        return CaseResult(case.name, False, "the result for this case came back malformed and was not graded")
    return verdict(case, outcome)


def reports(lesson: course.Lesson, payload: dict, hidden: dict[str, list[Case]]) -> list[Report]:
    """One report per exercise: public cases, then hidden ones, judged from the sandbox's raw outcomes."""
    out = []
    for exercise in lesson.exercises:
        cases = cases_for(exercise.id) + hidden.get(exercise.id, [])
        raw = payload.get("exercises", {}).get(exercise.id, []) if isinstance(payload, dict) else []
        raw = raw if isinstance(raw, list) else []
        results = [judge_case(case, raw[i] if i < len(raw) else None) for i, case in enumerate(cases)]
        results = [_redact(case, r) if case.name.startswith(HIDDEN) else r for case, r in zip(cases, results)]
        out.append(Report(exercise.id, exercise.title, exercise.points, len(exercise.hints), results))
    return out


def failed(lesson: course.Lesson, reason: str, hidden: dict[str, list[Case]]) -> list[Report]:
    """Every case of every exercise failed for one reason (the notebook could not be read or never finished)."""
    return all_failed(lesson, reason, lambda ex: [c.name for c in cases_for(ex.id) + hidden.get(ex.id, [])])
