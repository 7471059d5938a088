"""One JSON file per graded submission, written atomically, so a stopped run resumes without loss."""

from __future__ import annotations

import json
from pathlib import Path

from ..atomic import write_text
from ..cases.report import Report


def result_path(out: Path, learner: str, lesson: str) -> Path:
    return out / "results" / learner / f"{lesson}.json"


def save(out: Path, graded, fingerprint: str, functions: dict[str, list[str]]) -> None:
    """`functions` are the exercise functions' normalised tokens (cohort.similarity): kept with the result
    so that the similarity report, and a merge of shards, never need the submission again."""
    sub = graded.submission
    record = {"learner": sub.learner, "lesson": sub.lesson, "file": sub.path.name, "fingerprint": fingerprint,
              "seconds": round(graded.seconds, 2), "problems": graded.problems,
              "reports": [r.to_dict() for r in graded.reports], "functions": functions}
    write_text(result_path(out, sub.learner, sub.lesson), json.dumps(record, indent=1))


def add_functions(out: Path, saved: dict, functions: dict[str, list[str]]) -> None:
    """A result saved before results kept their functions gets them, without grading it again."""
    write_text(result_path(out, saved["learner"], saved["lesson"]),
               json.dumps({**saved, "functions": functions}, indent=1))


def load(out: Path, learner: str, lesson: str) -> dict | None:
    """A saved result, or None if there is none or it cannot be read (then it is graded again)."""
    try:
        return json.loads(result_path(out, learner, lesson).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def all_results(out: Path) -> list[dict]:
    """Every saved result, learners and lessons in sorted order, each with its Report objects."""
    found = []
    for file in sorted((out / "results").glob("*/*.json")):
        try:
            record = json.loads(file.read_text(encoding="utf-8"))
            record["reports"] = [Report.from_dict(r) for r in record["reports"]]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        found.append(record)
    return found
