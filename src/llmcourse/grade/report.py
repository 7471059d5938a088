"""After grading: write the gradebook, the feedback pages, the similarity list and the cohort summary."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from . import gradebook, inert, similarity, store, summary
from .store import atomic_write
from .submission import Submission


def write_all(subs: list[Submission], out: Path, notes: list[str], threshold: float) -> dict[str, Path]:
    """Everything is rebuilt from the saved results, so a resumed run reports on the whole cohort."""
    # only what is in the cohort folder now: a learner or notebook since removed drops out of the reports
    present = {(sub.learner, sub.lesson) for sub in subs}
    results = [r for r in store.all_results(out) if (r["learner"], r["lesson"]) in present]
    similar = similarity.pairs(subs, threshold)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["exercise", "learner_a", "learner_b", "similarity"])
    writer.writerows([inert.cell(value) for value in row] for row in similar)
    atomic_write(out / "similarity.csv", buffer.getvalue())
    feedback = gradebook.write_feedback(out, results)
    return {"gradebook": gradebook.write_csv(out, results), "feedback": feedback[0].parent if feedback else out,
            "summary": summary.write(out, results, notes, similar), "plot": out / "summary.png",
            "similarity": out / "similarity.csv"}
