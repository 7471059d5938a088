"""Per-lesson cache keys: a lesson re-executes when something it uses changes, and only then."""

import pytest

from llmcourse import course
from llmcourse.llm import recording
from llmcourse.site import executed_cache as cache

from ..conftest import ROOT

LESSONS = course.load().lessons
PACKAGE = ROOT / "src" / "llmcourse"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda l: l.id)
def test_a_lessons_inputs_are_its_text_data_recording_and_the_modules_it_imports(lesson):
    source = lesson.file("lessons")
    files = cache.inputs(source)
    assert files[0] == source
    assert PACKAGE / "notebook.py" in files or "llmcourse.notebook" not in source.read_text()
    assert not any("graders" in f.parts for f in files), "a grader never changes what a lesson shows"
    assert not any(f.is_relative_to(PACKAGE / "grade") for f in files), "nor does cohort grading"
    if recording.file_for(source).exists():
        assert recording.file_for(source) in files
    data = PACKAGE / "data" / lesson.id
    if data.is_dir() and f'"{lesson.id}"' in source.read_text():
        assert any(f.is_relative_to(data) for f in files)


def test_imports_are_followed_through_course_modules_and_relative_imports():
    files = cache.course_modules("from llmcourse.notebook import llm, check\nimport numpy\n")
    names = {f.relative_to(PACKAGE).as_posix() for f in files}
    assert {"__init__.py", "notebook.py", "llm/__init__.py", "llm/connect.py", "llm/transport.py",
            "cases/runner.py", "course.py", "paths.py", "errors.py"} <= names
    assert not any(n.startswith(("graders/", "grade/", "site/")) for n in names)


def test_the_key_moves_with_the_lesson_text_and_a_module_it_imports(tmp_path, monkeypatch):
    (tmp_path / "course.toml").write_text("")
    (tmp_path / "lessons").mkdir()
    demo = tmp_path / "lessons" / "demo.py"
    demo.write_text("# %%\nfrom llmcourse import paths\nprint(1)\n")
    monkeypatch.setenv("LLMCOURSE_ROOT", str(tmp_path))
    first = cache.key(demo)
    assert cache.key(demo) == first
    demo.write_text("# %%\nfrom llmcourse import paths\nprint(2)\n")
    second = cache.key(demo)
    assert second != first
    real = cache.course_modules

    def with_a_changed_module(source):
        changed = tmp_path / "paths.py"
        changed.write_text("# an edited course module\n")
        return [changed]

    monkeypatch.setattr(cache, "course_modules", with_a_changed_module)
    assert cache.key(demo) != second
    monkeypatch.setattr(cache, "course_modules", real)
    assert cache.key(demo) == second
