"""The gradebook CSV (one row per learner and exercise, plus totals) and one feedback page per learner."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from pathlib import Path

from . import inert
from ..atomic import write_text

COLUMNS = ["learner", "lesson", "exercise", "title", "points", "earned", "passed", "cases_passed", "cases_total"]


def rows(results: list[dict]) -> list[dict]:
    out, totals = [], defaultdict(lambda: [0, 0.0])
    for record in results:
        for report in record["reports"]:
            out.append({"learner": record["learner"], "lesson": record["lesson"], "exercise": report.exercise_id,
                        "title": report.title, "points": report.points, "earned": report.earned,
                        "passed": report.passed, "cases_passed": sum(r.passed for r in report.results),
                        "cases_total": len(report.results)})
            totals[record["learner"]][0] += report.points
            totals[record["learner"]][1] += report.earned
    for learner, (points, earned) in sorted(totals.items()):
        out.append({"learner": learner, "lesson": "", "exercise": "TOTAL", "title": "", "points": points,
                    "earned": round(earned, 2), "passed": "", "cases_passed": "", "cases_total": ""})
    return out


def write_csv(out: Path, results: list[dict]) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    # learner names come from folder names: "-x", "+x" or "@x" would be formulas in a spreadsheet
    writer.writerows({k: inert.cell(v) for k, v in row.items()} for row in rows(results))
    write_text(out / "gradebook.csv", buffer.getvalue())
    return out / "gradebook.csv"


def _page(learner: str, records: list[dict]) -> str:
    points = sum(r.points for rec in records for r in rec["reports"])
    earned = sum(r.earned for rec in records for r in rec["reports"])
    lines = [f"# Feedback for {inert.code(learner)}", "", f"**{earned:g} of {points} points.**", ""]
    for rec in records:
        lines += [f"## {inert.text(rec['lesson'])} ({inert.code(rec['file'])})", ""]
        for problem in rec.get("problems", []):
            lines += [f"> Before grading: {inert.text(problem)}", ""]
        for report in rec["reports"]:
            mark = "passed" if report.passed else "not yet"
            lines += [f"### {report.title}: {report.earned:g}/{report.points} ({mark})", ""]
            if report.results and all(case.todo for case in report.results):
                lines.append(f"- ✘ not attempted: all {len(report.results)} cases still raise NotImplementedError")
            for case in ([] if all(c.todo for c in report.results) else report.results):
                # messages carry the learner's values and exception text: shown, never obeyed
                lines.append(f"- {'✔' if case.passed else '✘'} {inert.text(case.name)}"
                             + ("" if case.passed else f"  \n  ↳ {inert.text(case.message)}"))
            if not report.passed:
                lines += ["", f"Next: `llmcourse hint {report.exercise_id}`, then "
                              f"`llmcourse check {report.exercise_id}` to try again."]
            lines.append("")
    return "\n".join(lines)


def write_feedback(out: Path, results: list[dict]) -> list[Path]:
    by_learner = defaultdict(list)
    for record in results:
        by_learner[record["learner"]].append(record)
    written = []
    for learner, records in sorted(by_learner.items()):
        path = out / "feedback" / f"{learner}.md"
        write_text(path, _page(learner, records))
        written.append(path)
    return written
