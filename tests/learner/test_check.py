"""`llmcourse check` end to end: nbclient executes the notebook, the grader judges it, progress records it."""

import json
import shutil

import pytest

from llmcourse import course
from llmcourse.cli import main

LESSONS = course.load().lessons


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda l: l.id)
def test_solution_passes_and_untouched_exercise_fails(lesson, capsys):
    assert main(["check", str(lesson.file("solutions"))]) == 0
    passed = capsys.readouterr().out
    assert passed.count("PASSED") == len(lesson.exercises)

    assert main(["check", str(lesson.file("exercises"))]) == 1
    failed = capsys.readouterr().out
    assert failed.count("NOT STARTED") == len(lesson.exercises)
    for ex in lesson.exercises:
        assert f"not started: replace the NotImplementedError in {ex.name}" in failed
    assert "not implemented yet" not in failed, "an untouched exercise is one line, not one per case"
    for ex in lesson.exercises:
        assert f"llmcourse hint {ex.id}" in failed


def test_check_by_id_uses_the_workspace_copy_and_records_progress(capsys):
    lesson = LESSONS[0]
    assert main(["check", lesson.exercises[0].id]) == 2
    assert f"llmcourse open {lesson.id}" in capsys.readouterr().out

    assert main(["open", lesson.id]) == 0
    from llmcourse import paths
    copy = paths.workspace() / f"{lesson.id}.ipynb"
    assert copy.exists()
    assert main(["check", lesson.exercises[0].id]) == 1
    out = capsys.readouterr().out
    assert out.count("NOT STARTED") == 1, "checking one exercise reports only that one"
    progress = json.loads((paths.workspace() / ".progress.json").read_text())
    assert progress["exercises"][lesson.exercises[0].id]["passed"] is False


def test_open_never_overwrites_the_learners_work(capsys):
    lesson = LESSONS[0]
    from llmcourse import paths
    main(["open", lesson.id])
    copy = paths.workspace() / f"{lesson.id}.ipynb"
    copy.write_text(copy.read_text().replace("raise NotImplementedError", "return None  # mine"))
    main(["open", lesson.id])
    assert "# mine" in copy.read_text()
    main(["open", lesson.id, "--fresh"])
    assert "# mine" not in copy.read_text()
    backups = list(copy.parent.glob(f"{copy.name}.*.bak"))
    assert backups and "# mine" in backups[0].read_text()


def test_a_corrupt_notebook_is_a_clear_error_and_is_left_as_it_was(tmp_path, capsys):
    lesson = LESSONS[0]
    bad = tmp_path / f"{lesson.id}.ipynb"
    bad.write_text('{"cells": [ this is not json')
    assert main(["check", str(bad)]) == 2
    out = capsys.readouterr().out
    assert "not a valid notebook" in out and f"llmcourse open {lesson.id} --fresh" in out
    assert bad.read_text() == '{"cells": [ this is not json'


def test_non_utf8_and_misnamed_files_are_clear_errors(tmp_path, capsys):
    lesson = LESSONS[0]
    latin = tmp_path / f"{lesson.id}.py"
    latin.write_bytes("# caf\xe9\n".encode("latin-1"))
    assert main(["check", str(latin)]) == 2
    assert "not UTF-8" in capsys.readouterr().out
    other = tmp_path / "my_homework.py"
    other.write_text("x = 1\n")
    assert main(["check", str(other)]) == 2
    assert "does not name a lesson" in capsys.readouterr().out


def test_a_notebook_that_loops_forever_is_stopped_and_graded(tmp_path, capsys):
    lesson = LESSONS[0]
    looping = tmp_path / f"{lesson.id}.py"
    shutil.copy(lesson.file("exercises"), looping)
    looping.write_text(looping.read_text() + "\n# %%\nwhile True:\n    pass\n")
    code = main(["check", str(looping), "--cell-timeout", "3", "--timeout", "120"])
    out = capsys.readouterr().out
    assert code == 1
    assert "ran past the 3 s cell limit" in out
    assert "not started" in out, "cells after the loop still ran and were graded"


def test_hint_climbs_the_ladder_and_stops_at_the_top(capsys):
    ex = course.load().exercises[0]
    for rung in range(1, len(ex.hints) + 2):
        assert main(["hint", ex.id]) == 0
    out = capsys.readouterr().out
    assert f"Hint 1/{len(ex.hints)}" in out and ex.hints[0] in out
    assert out.count(f"Hint {len(ex.hints)}/{len(ex.hints)}") == 2


def test_progress_lists_every_exercise_and_the_next_step(capsys):
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    for lesson in course.load().lessons:
        assert lesson.id in out and all(ex.name in out for ex in lesson.exercises)
    assert "next: llmcourse open" in out


def test_unknown_ids_say_where_to_find_the_right_one(capsys):
    assert main(["hint", "no_such.thing"]) == 2
    assert "llmcourse progress" in capsys.readouterr().out
