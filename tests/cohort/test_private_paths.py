"""The sandbox's private paths cover the course's instructors/ folder, whatever hidden tests a run uses."""

from llmcourse import paths
from llmcourse.cohort import sandbox


def test_the_instructors_folder_is_private_even_without_hidden_tests():
    folder = (paths.root() / "instructors").resolve()
    assert folder.is_dir(), "the capstone's example hidden set lives in instructors/hidden-tests"
    assert folder in sandbox.private_paths([])


def test_the_hidden_questions_are_inside_a_private_path():
    questions = (paths.root() / "instructors" / "hidden-tests" / "capstone_questions.jsonl").resolve()
    assert any(questions.is_relative_to(p) for p in sandbox.private_paths([]))
