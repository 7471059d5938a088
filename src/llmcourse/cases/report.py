"""What grading found: one line per case, the points, and the way to the next hint."""

from __future__ import annotations

import html
import re
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
    def started(self) -> bool:
        """False while every case stops at the exercise's `raise NotImplementedError`."""
        return not (self.results and all(r.todo for r in self.results))

    @property
    def function(self) -> str:
        return self.exercise_id.partition(".")[2] or self.exercise_id

    @property
    def next_step(self) -> str:
        if self.passed:
            return "all cases pass: run `llmcourse progress` to see what comes next"
        if not self.started:
            return f"write your code, then check again; stuck? `llmcourse hint {self.exercise_id}`"
        return f"stuck? `llmcourse hint {self.exercise_id}` (or hint(\"{self.exercise_id}\") here)"

    @property
    def score(self) -> str:
        """What the points are made of: '3 of 12 cases pass: 2.5/10 points'."""
        passed = sum(r.passed for r in self.results)
        return f"{passed} of {len(self.results)} cases pass: {self.earned:g}/{self.points} points"

    @property
    def heading(self) -> str:
        return "PASSED" if self.passed else ("NOT STARTED" if not self.started else "FAILED")

    def to_dict(self) -> dict:
        """The fields, plus the derived score, for readers of the saved JSON."""
        return {**asdict(self), "earned": self.earned, "passed": self.passed}

    @classmethod
    def from_dict(cls, data: dict) -> "Report":
        data = {k: v for k, v in data.items() if k not in ("earned", "passed")}
        data["results"] = [CaseResult(**r) for r in data.get("results", [])]
        return cls(**data)

    def __str__(self) -> str:
        lines = [f"{self.heading}  {self.exercise_id}: {self.title}  ({self.score})"]
        if not self.started:
            # one line says it all: every case stopped at the same NotImplementedError
            lines.append(f"  not started: replace the NotImplementedError in {self.function} with your code")
        else:
            for r in self.results:
                lines.append(f"  {'✔' if r.passed else '✘'} {r.name}" + ("" if r.passed else f"\n      {r.message}"))
        lines.append(f"  next: {self.next_step}")
        return "\n".join(lines)

    # Jupyter and the REPL show the readable text, never the dataclass's one-line field dump
    __repr__ = __str__

    def _repr_pretty_(self, printer, _cycle) -> None:
        printer.text(str(self))

    def _repr_html_(self) -> str:
        colour = "#1b7f3b" if self.passed else ("#6b6b6b" if not self.started else "#b3261e")
        if not self.started:
            rows = (f"<li>not started: replace the <code>NotImplementedError</code> in "
                    f"<code>{html.escape(self.function)}</code> with your code</li>")
        else:
            rows = "".join(
                f"<li>{'✔' if r.passed else '✘'} {_inline(r.name)}"
                + ("" if r.passed else f"<br><small>{_inline(r.message)}</small>") + "</li>"
                for r in self.results)
        return (f"<div style='border-left:4px solid {colour};padding-left:8px'>"
                f"<b style='color:{colour}'>{self.heading}</b> "
                f"<code>{html.escape(self.exercise_id)}</code>: {html.escape(self.title)} "
                f"({html.escape(self.score)})<ul style='list-style:none;padding-left:0'>{rows}</ul>"
                f"<small>next: {_inline(self.next_step)}</small></div>")


def _inline(text: str) -> str:
    """Escape everything (messages quote the learner's values), then show `backticked` spans as code."""
    return re.sub(r"`([^`\n]+)`", r"<code>\1</code>", html.escape(text, quote=True))


def all_failed(lesson, reason: str, case_names=None) -> list[Report]:
    """One failed report per exercise of `lesson`, for a notebook that never reached grading (unreadable,
    crashed, out of time): every case named by `case_names(exercise)` fails with `reason`, or a single
    "notebook ran to the end" case when there are no names to give. The learner's check and the
    instructor's grade both report such notebooks this way."""
    names = case_names or (lambda exercise: ["notebook ran to the end"])
    return [Report(ex.id, ex.title, ex.points, len(ex.hints), [CaseResult(n, False, reason) for n in names(ex)])
            for ex in lesson.exercises]
