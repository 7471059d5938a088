"""Grading a cohort end to end: hidden cases, resuming after an interruption, similarity, the reports."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from llmcourse import cli, paths

from ..conftest import FILES
from .conftest import interrupt_after

ROOT = paths.root()


def make_cohort(folder: Path, learners: dict[str, Path]) -> Path:
    for learner, source in learners.items():
        (folder / learner).mkdir(parents=True)
        shutil.copy(source, folder / learner / "evals_assertions.py")
    return folder


def totals(out: Path) -> dict[str, float]:
    with open(out / "gradebook.csv", newline="") as f:
        return {r["learner"]: float(r["earned"]) for r in csv.DictReader(f) if r["exercise"] == "TOTAL"}


def hardcoded(folder) -> Path:
    """A notebook that answers each public case with the expected value copied out of the public grader
    (which learners can read in their own checkout), made from the grader as it is today."""
    from llmcourse import course
    from llmcourse.cases.case import NOTHING
    from llmcourse.cases.runner import cases_for
    answers, functions = {}, []
    for exercise in course.load().lesson("evals_assertions").exercises:
        for case in cases_for(exercise.id):
            if case.expect is not NOTHING:
                args, kwargs = case.inputs()
                answers[(exercise.name, repr(args), repr(kwargs))] = case.expect
        functions.append(f"def {exercise.name}(*args, **kwargs):\n"
                         f"    return ANSWERS.get(({exercise.name!r}, repr(args), repr(kwargs)), [])\n")
    path = folder / "hardcoder.py"
    path.write_text(f"# %%\nANSWERS = {answers!r}\n\n\n" + "\n\n".join(functions))
    return path


def test_hidden_cases_catch_answers_copied_from_the_public_grader(tmp_path):
    cohort = make_cohort(tmp_path / "c", {"right": ROOT / "solutions/evals_assertions.py",
                                          "hardcoder": hardcoded(tmp_path)})
    out = tmp_path / "public"
    assert cli.main(["grade", str(cohort), "--out", str(out)]) == 0
    public = totals(out)
    assert public["right"] == 15 and public["hardcoder"] >= 14, "without hidden cases, hard-coding looks good"
    out = tmp_path / "hidden"
    assert cli.main(["grade", str(cohort), "--out", str(out), "--hidden-tests", str(FILES / "private_cases")]) == 0
    got = totals(out)
    assert got["right"] == 15 and got["hardcoder"] < public["hardcoder"]
    feedback = (out / "feedback" / "hardcoder.md").read_text()
    assert "✘ hidden: two regressions among five samples" in feedback
    assert "'p', 's'" not in feedback and '"p", "s"' not in feedback, "hidden expectations stay private"


def test_similarity_flags_a_renamed_copy_and_not_independent_work(tmp_path):
    cohort = make_cohort(tmp_path / "c", {"original": ROOT / "solutions/evals_assertions.py",
                                          "copier": FILES / "cohort/renamed_copy.py",
                                          "other": FILES / "cohort/hardcoder.py",
                                          "stub": ROOT / "exercises/evals_assertions.py"})
    out = tmp_path / "out"
    assert cli.main(["grade", str(cohort), "--out", str(out)]) == 0
    with open(out / "similarity.csv", newline="") as f:
        pairs = {(r["exercise"], r["learner_a"], r["learner_b"]) for r in csv.DictReader(f)}
    assert ("evals_assertions.summary_failures", "copier", "original") in pairs
    assert not any("other" in p or "stub" in p for p in pairs)
    assert "Near-identical solutions" in (out / "summary.md").read_text()


def test_an_interrupted_run_resumes_and_grades_nothing_twice(tmp_path):
    sources = {f"learner{i:02d}": ROOT / ("solutions" if i % 2 else "exercises") / "evals_assertions.py"
               for i in range(6)}
    cohort = make_cohort(tmp_path / "c", sources)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "llmcourse.cli", "grade", str(cohort), "--out", str(out), "--jobs", "1"]
    done = interrupt_after(command, out, 2, wait_s=120)
    assert 2 <= done < 6, "the interruption should land mid-cohort"
    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stdout + again.stderr
    assert f"graded {6 - done} notebook(s); {done} unchanged" in again.stdout
    assert totals(out) == {name: (15.0 if int(name[-2:]) % 2 else 0.0) for name in sources}
    jails = subprocess.run(["pgrep", "-af", "llmcourse.cohort.jail"], capture_output=True, text=True).stdout
    # a lesson's code jail (helpers/codejail, running `python -I -`) elsewhere on the machine is not this run's
    leftovers = [line for line in jails.splitlines() if not line.rstrip().endswith(" -I -")]
    assert leftovers == [], "no sandbox process outlives the run"


def test_a_changed_submission_is_graded_again_and_the_rest_kept(tmp_path):
    cohort = make_cohort(tmp_path / "c", {"a": ROOT / "exercises/evals_assertions.py",
                                          "b": ROOT / "solutions/evals_assertions.py"})
    out = tmp_path / "out"
    assert cli.main(["grade", str(cohort), "--out", str(out)]) == 0
    shutil.copy(ROOT / "solutions/evals_assertions.py", cohort / "a" / "evals_assertions.py")
    before = json.loads((out / "results/b/evals_assertions.json").read_text())
    assert cli.main(["grade", str(cohort), "--out", str(out)]) == 0
    assert json.loads((out / "results/b/evals_assertions.json").read_text()) == before
    assert totals(out) == {"a": 15, "b": 15}
    shutil.rmtree(cohort / "a")  # a learner who leaves the cohort leaves the reports too
    assert cli.main(["grade", str(cohort), "--out", str(out)]) == 0
    assert totals(out) == {"b": 15}


def test_misnamed_files_and_missing_folders_are_explained(tmp_path, capsys):
    cohort = make_cohort(tmp_path / "c", {"a": ROOT / "solutions/evals_assertions.py"})
    (cohort / "a" / "homework.py").write_text("x = 1\n")
    assert cli.main(["grade", str(cohort), "--out", str(tmp_path / "out")]) == 0
    assert "a/homework.py: skipped, not named after a lesson id" in capsys.readouterr().out
    assert cli.main(["grade", str(tmp_path / "nowhere")]) == 2
    assert "not a folder of submissions" in capsys.readouterr().out


@pytest.mark.skipif(os.geteuid() != 0, reason="checks the per-submission users that only root can switch to")
def test_kernels_run_as_an_unprivileged_user_without_network(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("# %%\nimport os, socket\n"
                     "def regressions(before, after):\n"
                     "    return [str(os.getuid()), str(len(socket.if_nameindex())), str(os.path.exists('/root'))]\n")
    cohort = make_cohort(tmp_path / "c", {"p": probe})
    out = tmp_path / "out"
    assert cli.main(["grade", str(cohort), "--out", str(out)]) == 0
    message = json.loads((out / "results/p/evals_assertions.json").read_text())["reports"][1]["results"][0]["message"]
    uid, interfaces, _ = message.split("got [")[1].split("]")[0].replace("'", "").split(", ")
    assert int(uid) >= 61000 and interfaces == "1"  # loopback only, and it is down


def test_the_instructor_guide_names_only_options_that_exist():
    import re

    guide = (ROOT / "site/docs/instructor.md").read_text()
    verbs = cli.parser()._subparsers._group_actions[0].choices
    known = {s for verb in ("grade", "merge") for action in verbs[verb]._actions for s in action.option_strings}
    named = set(re.findall(r"`(--[a-z-]+)", guide)) | set(re.findall(r"grade [^`\n]*?(--[a-z-]+)", guide))
    assert named and named <= known, named - known
    for produced in ("gradebook.csv", "summary.md", "summary.png", "similarity.csv", "feedback/LEARNER.md",
                     "canvas-import.csv", "moodle-import.csv", "shard.json"):
        assert produced in guide


def test_cohort_grading_agrees_with_the_learners_own_checks_on_every_lesson(tmp_path):
    """Every solution earns full marks through the sandbox, every untouched exercise earns nothing."""
    from llmcourse import course

    cohort = tmp_path / "c"
    for learner, kind in (("solutions", "solutions"), ("exercises", "exercises")):
        (cohort / learner).mkdir(parents=True)
        for lesson in course.load().lessons:
            shutil.copy(lesson.file(kind), cohort / learner / f"{lesson.id}.py")
    out = tmp_path / "out"
    assert cli.main(["grade", str(cohort), "--out", str(out)]) == 0
    with open(out / "gradebook.csv", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["exercise"] != "TOTAL"]
    wrong = [r["exercise"] for r in rows if r["learner"] == "solutions" and r["passed"] != "True"]
    assert not wrong, wrong
    assert all(float(r["earned"]) == 0 for r in rows if r["learner"] == "exercises")
    assert len(rows) == 2 * len(course.load().exercises)


def test_no_sandbox_still_grades_and_says_it_is_unprotected(tmp_path, capsys):
    cohort = make_cohort(tmp_path / "c", {"a": ROOT / "solutions/evals_assertions.py"})
    assert cli.main(["grade", str(cohort), "--out", str(tmp_path / "out"), "--no-sandbox"]) == 0
    assert "graded WITHOUT namespaces" in capsys.readouterr().out
    assert totals(tmp_path / "out") == {"a": 15}
