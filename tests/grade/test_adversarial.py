"""A cohort of honest and hostile submissions: each hostile one is graded correctly with a clear message,
and every other learner's grade stays intact."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from llmcourse import cli, paths

from ..conftest import FILES

ATTACKS = FILES / "adversarial"
SECRET = "sk-test-do-not-leak-7f3a"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Grade the whole corpus once, two at a time, with short limits; return the output folder."""
    cohort = tmp_path_factory.mktemp("cohort")
    out = tmp_path_factory.mktemp("grades")
    root = paths.root()
    for name, source in (("right", root / "solutions/evals_assertions.py"),
                         ("stub", root / "exercises/evals_assertions.py")):
        (cohort / name).mkdir()
        shutil.copy(source, cohort / name / "evals_assertions.py")
    for attack in sorted(ATTACKS.glob("*.*")):
        if attack.suffix not in (".py", ".ipynb"):
            continue
        (cohort / attack.stem).mkdir()
        data = attack.read_bytes().replace(b"{OUT}", str(out).encode())
        (cohort / attack.stem / f"evals_assertions{attack.suffix}").write_bytes(data)
    mp = pytest.MonkeyPatch()
    mp.setenv("OPENAI_API_KEY", SECRET)  # the instructor's key must never reach a submission
    try:
        code = cli.main(["grade", str(cohort), "--out", str(out), "--jobs", "2",
                         "--cell-timeout", "20", "--timeout", "40"])
    finally:
        mp.undo()
    assert code == 0
    return out


def result(out: Path, learner: str) -> dict:
    return json.loads((out / "results" / learner / "evals_assertions.json").read_text())


def earned(record: dict) -> dict[str, float]:
    return {r["exercise_id"].split(".")[1]: r["earned"] for r in record["reports"]}


def messages(record: dict) -> str:
    return " ".join(record["problems"] + [c["message"] for r in record["reports"] for c in r["results"]])


def test_honest_learners_are_graded_as_usual(graded):
    assert earned(result(graded, "right")) == {"summary_failures": 10, "regressions": 5}
    assert earned(result(graded, "stub")) == {"summary_failures": 0, "regressions": 0}


@pytest.mark.parametrize("learner,expect,clue", [
    ("infinite_loop", {"summary_failures": 0, "regressions": 0}, "limit"),
    ("memory_bomb", {"summary_failures": 0, "regressions": 5}, "MemoryError"),
    ("fork_bomb", {"summary_failures": 0, "regressions": 0}, ("Resource temporarily unavailable", "can't start new thread")),
    ("sys_exit", {"summary_failures": 0, "regressions": 0}, "not implemented"),
    ("kernel_crash", {"summary_failures": 0, "regressions": 0}, "kernel died"),
    ("corrupt", {"summary_failures": 0, "regressions": 0}, "not a valid notebook"),
    ("empty", {"summary_failures": 0, "regressions": 0}, "empty file"),
    ("wrong_lesson", {"summary_failures": 0, "regressions": 0}, "functions of lesson rag_keyword_search"),
    ("huge_output", {"summary_failures": 0, "regressions": 5}, "was cut"),
    ("grader_monkeypatch", {"summary_failures": 0, "regressions": 0}, "expected [], got ['whatever']"),
    ("fake_report", {"summary_failures": 0, "regressions": 0}, "not implemented"),
    ("read_solution", {"summary_failures": 0, "regressions": 0}, "not defined"),
    ("write_gradebook", {"summary_failures": 0, "regressions": 0}, ("Read-only file system", "Permission denied")),
    ("non_utf8", {"summary_failures": 0, "regressions": 0}, "not UTF-8"),
    ("steal_secret", {"summary_failures": 0, "regressions": 0}, "Network is unreachable"),
])
def test_each_attack_is_graded_correctly_with_a_clear_message(graded, learner, expect, clue):
    record = result(graded, learner)
    assert earned(record) == expect
    clues = clue if isinstance(clue, tuple) else (clue,)
    assert any(c in messages(record) for c in clues), messages(record)[:600]


def test_the_gradebook_holds_every_learner_and_no_forgery(graded):
    with open(graded / "gradebook.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    learners = {p.stem for p in ATTACKS.glob("*.*") if p.suffix in (".py", ".ipynb")} | {"right", "stub"}
    totals = {r["learner"]: float(r["earned"]) for r in rows if r["exercise"] == "TOTAL"}
    assert set(totals) == learners
    assert totals["right"] == 15 and totals["write_gradebook"] == 0
    assert "FORGED" not in (graded / "gradebook.csv").read_text()


def test_no_secret_and_no_solution_text_reaches_any_report(graded):
    solution = (paths.root() / "solutions/evals_assertions.py").read_text()
    marker_line = next(l for l in solution.splitlines() if "(?<![\\w-])" in l).strip()
    for file in graded.rglob("*"):
        if file.is_file() and file.suffix in (".md", ".csv", ".json"):
            text = file.read_text()
            assert SECRET not in text, file
            assert marker_line not in text, file


def test_feedback_summary_and_plot_are_written(graded):
    assert (graded / "feedback" / "right.md").read_text().count("✔") == 19
    summary = (graded / "summary.md").read_text()
    assert "Pass rate per exercise" in summary and "Most common failures" in summary
    assert (graded / "summary.png").stat().st_size > 10_000
