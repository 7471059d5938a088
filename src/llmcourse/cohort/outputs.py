"""After grading: write the gradebook, its Canvas and Moodle forms, the feedback pages, the similarity list
and the cohort summary."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..atomic import write_text
from . import gradebook, inert, lms, results, similarity, summary
from .grade_one import Submission


def write_all(subs: list[Submission], out: Path, notes: list[str], threshold: float) -> dict[str, Path]:
    """Everything is rebuilt from the saved results, so a resumed run reports on the whole cohort."""
    # only what is in the cohort folder now: a learner or notebook since removed drops out of the reports
    return write_reports(out, [(sub.learner, sub.lesson) for sub in subs], notes, threshold)


def write_reports(out: Path, present: list[tuple[str, str]], notes: list[str], threshold: float) -> dict[str, Path]:
    """The reports on the saved results in `out` of the (learner, lesson) pairs in `present`. A single run
    and a merge of shards both end here, on the same saved results, so they write the same files."""
    present = set(present)
    graded = [r for r in results.all_results(out) if (r["learner"], r["lesson"]) in present]
    similar = similarity.pairs(graded, threshold)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["exercise", "learner_a", "learner_b", "similarity"])
    writer.writerows([inert.cell(value) for value in row] for row in similar)
    write_text(out / "similarity.csv", buffer.getvalue())
    feedback = gradebook.write_feedback(out, graded)
    return {"gradebook": gradebook.write_csv(out, graded), **lms.write(out, graded),
            "feedback": feedback[0].parent if feedback else out,
            "summary": summary.write(out, graded, notes, similar), "plot": out / "summary.png",
            "similarity": out / "similarity.csv"}
