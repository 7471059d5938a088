"""Mistakes get guidance: did-you-mean for a typo, a lesson's exercises for `hint LESSON`, the end of the
hint ladder said plainly, and a short start for `llmcourse` alone."""

from llmcourse import course
from llmcourse.cli import main

COURSE = course.load()


def test_a_typod_lesson_id_suggests_the_right_one(capsys):
    lesson = COURSE.lessons[1]
    assert main(["open", lesson.id[:-1]]) == 2
    assert f"Did you mean {lesson.id!r}?" in capsys.readouterr().out


def test_a_typod_exercise_id_suggests_the_whole_id(capsys):
    ex = COURSE.exercises[2]
    assert main(["hint", ex.id[:-2]]) == 2
    assert f"Did you mean {ex.id!r}?" in capsys.readouterr().out
    typo_in_lesson = ex.id.replace("_", "", 1)
    assert main(["check", typo_in_lesson]) == 2
    assert f"Did you mean {ex.id!r}?" in capsys.readouterr().out


def test_nothing_close_suggests_nothing(capsys):
    assert main(["open", "zzzz"]) == 2
    out = capsys.readouterr().out
    assert "Did you mean" not in out and "llmcourse progress" in out


def test_hint_with_a_lesson_id_lists_its_exercises(capsys):
    lesson = COURSE.lessons[0]
    assert main(["hint", lesson.id]) == 0
    out = capsys.readouterr().out
    for ex in lesson.exercises:
        assert f"llmcourse hint {ex.id}" in out and ex.title in out
    assert "Hint 1/" not in out, "listing the exercises climbs no ladder"


def test_past_the_last_hint_says_there_are_no_more_and_repeats_it(capsys):
    ex = COURSE.exercises[0]
    for _ in ex.hints:
        main(["hint", ex.id])
    assert "No more hints" not in capsys.readouterr().out
    assert main(["hint", ex.id]) == 0
    out = capsys.readouterr().out
    assert f"No more hints for {ex.id}" in out and ex.hints[-1] in out


def test_no_arguments_prints_the_first_commands(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    first = COURSE.lessons[0].id
    assert f"llmcourse open {first}" in out and f"llmcourse check {first}" in out and "llmcourse progress" in out
    assert "required" not in out


def test_a_typod_command_suggests_the_right_one(capsys):
    assert main(["progres"]) == 2
    assert "Did you mean 'llmcourse progress'?" in capsys.readouterr().out


def test_open_advises_the_lab_extra_as_printed(capsys):
    """rich once read '[lab]' as markup and printed pip install -e '.', which installs no Jupyter."""
    lesson = COURSE.lessons[0]
    assert main(["open", lesson.id]) == 0
    out = capsys.readouterr().out
    assert "pip install -e '.[lab]'" in out and f"llmcourse watch {lesson.id}" in out


def test_a_fresh_copy_opens_without_an_empty_cell():
    import nbformat

    from llmcourse import paths
    for lesson in COURSE.lessons:
        assert main(["open", lesson.id]) == 0
        nb = nbformat.read(paths.workspace() / f"{lesson.id}.ipynb", as_version=4)
        assert nb.cells[0].source.strip(), f"{lesson.id} opens with an empty cell"
