"""What grading found: one line per case, the points, and the way to the next hint."""

from __future__ import annotations

import html
from dataclasses import asdict, dataclass, field


@dataclass
class CaseResult:
    name: str
    passed: bool
    message: str = ""
    todo: bool = False


@dataclass
class Report:
    exercise_id: str
    title: str
    points: int
    hints: int
    results: list[CaseResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return bool(self.results) and all(r.passed for r in self.results)

    @property
    def earned(self) -> float:
        """Points in proportion to the cases passed, so partial work shows."""
        if not self.results:
            return 0.0
        return round(self.points * sum(r.passed for r in self.results) / len(self.results), 2)

    @property
    def next_step(self) -> str:
        if self.passed:
            return "all cases pass: run `llmcourse progress` to see what comes next"
        if all(r.todo for r in self.results):
            return f"write your code, then re-run this cell; stuck? `llmcourse hint {self.exercise_id}`"
        return f"stuck? `llmcourse hint {self.exercise_id}` (or hint(\"{self.exercise_id}\") here)"

    def to_dict(self) -> dict:
        """The fields, plus the derived score, for readers of the saved JSON."""
        return {**asdict(self), "earned": self.earned, "passed": self.passed}

    @classmethod
    def from_dict(cls, data: dict) -> "Report":
        data = {k: v for k, v in data.items() if k not in ("earned", "passed")}
        data["results"] = [CaseResult(**r) for r in data.get("results", [])]
        return cls(**data)

    def __str__(self) -> str:
        head = "PASSED" if self.passed else "FAILED"
        lines = [f"{head}  {self.exercise_id}: {self.title}  ({self.earned:g}/{self.points} points)"]
        for r in self.results:
            lines.append(f"  {'✔' if r.passed else '✘'} {r.name}" + ("" if r.passed else f"\n      {r.message}"))
        lines.append(f"  next: {self.next_step}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        colour = "#1b7f3b" if self.passed else "#b3261e"
        rows = "".join(
            f"<li>{'✔' if r.passed else '✘'} {html.escape(r.name)}"
            + ("" if r.passed else f"<br><small>{html.escape(r.message)}</small>") + "</li>"
            for r in self.results)
        return (f"<div style='border-left:4px solid {colour};padding-left:8px'>"
                f"<b style='color:{colour}'>{'PASSED' if self.passed else 'FAILED'}</b> "
                f"<code>{html.escape(self.exercise_id)}</code>: {html.escape(self.title)} "
                f"({self.earned:g}/{self.points} points)<ul style='list-style:none;padding-left:0'>{rows}</ul>"
                f"<small>next: {html.escape(self.next_step)}</small></div>")


def all_failed(lesson, reason: str, case_names=None) -> list[Report]:
    """One failed report per exercise of `lesson`, for a notebook that never reached grading (unreadable,
    crashed, out of time): every case named by `case_names(exercise)` fails with `reason`, or a single
    "notebook ran to the end" case when there are no names to give. The learner's check and the
    instructor's grade both report such notebooks this way."""
    names = case_names or (lambda exercise: ["notebook ran to the end"])
    return [Report(ex.id, ex.title, ex.points, len(ex.hints), [CaseResult(n, False, reason) for n in names(ex)])
            for ex in lesson.exercises]
