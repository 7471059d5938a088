"""`llmcourse grade` grades the capstone like any lesson: in the jailed kernel, within the default limits,
with the course's example hidden set, and the feedback names practices, never a hidden question."""

from __future__ import annotations

import json
import time

from llmcourse import cli, course, paths
from llmcourse.cohort import sandbox

from .conftest import earned

LESSON = "capstone_product"
ROOT = paths.root()
HIDDEN = ROOT / "instructors" / "hidden-tests"


def test_a_capstone_cohort_is_graded_on_the_hidden_set_within_the_default_limits(tmp_path):
    solution = (ROOT / "solutions" / f"{LESSON}.py").read_text(encoding="utf-8")
    never_abstains = solution.replace("THRESHOLD = 11.0  # SOLUTION", "THRESHOLD = -1e9")
    assert never_abstains != solution
    cohort = tmp_path / "cohort"
    for learner, source in {"reference": solution, "never_abstains": never_abstains}.items():
        (cohort / learner).mkdir(parents=True)
        (cohort / learner / f"{LESSON}.py").write_text(source, encoding="utf-8")
    out = tmp_path / "out"
    started = time.monotonic()
    assert cli.main(["grade", str(cohort), "--out", str(out), "--hidden-tests", str(HIDDEN)]) == 0
    elapsed = time.monotonic() - started
    assert elapsed < 2 * sandbox.Limits().notebook_s, f"grading two capstone notebooks took {elapsed:.0f} s"

    points = earned(out)
    lesson = course.load().lesson(LESSON)
    assert points[("reference", "TOTAL")] == sum(e.points for e in lesson.exercises)
    final = f"{LESSON}.ask_course"
    assert points[("never_abstains", final)] < points[("reference", final)]

    result = json.loads((out / "results" / "never_abstains" / f"{LESSON}.json").read_text())
    assert "hidden: abstention recall (evals_abstention)" in json.dumps(result)
    feedback = (out / "feedback" / "never_abstains.md").read_text(encoding="utf-8")
    assert "✘ hidden: abstention recall (evals\\_abstention)" in feedback, "markdown escapes the underscore"
    hidden_questions = [json.loads(line)["question"] for line in
                        (HIDDEN / "capstone_questions.jsonl").read_text(encoding="utf-8").splitlines() if line]
    assert not any(q in feedback for q in hidden_questions), "a hidden question reached the feedback"
