"""Shared test set-up: a private state folder per run, one model server for the run, course fixtures."""

from __future__ import annotations

import importlib.util
import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FILES = Path(__file__).resolve().parent / "files"


def pytest_configure(config):
    # The controller picks the state folder before xdist starts workers, so they inherit it and share
    # one model server; a fresh folder keeps the user's response cache out of the results.
    if not hasattr(config, "workerinput") and "LLMCOURSE_TEST_HOME" not in os.environ:
        home = tempfile.mkdtemp(prefix="llmcourse-test-home-")
        os.environ["LLMCOURSE_TEST_HOME"] = home
    os.environ["LLMCOURSE_HOME"] = os.environ["LLMCOURSE_TEST_HOME"]
    # notebooks replay their recordings and never ask the model: a request the recording lacks fails its
    # test, naming the notebook and the request, so a recording cannot go stale silently. The live tier
    # (tests/llm) opts out test by test.
    os.environ["LLMCOURSE_RECORDINGS"] = "strict"
    for key in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "LLMCOURSE_MODEL", "LLMCOURSE_PORT"):
        os.environ.pop(key, None)


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):
        from llmcourse.llm import server
        server.stop()


@pytest.fixture(autouse=True)
def _own_workspace(tmp_path, monkeypatch):
    """Each test gets its own learner workspace, so progress never leaks between tests."""
    monkeypatch.setenv("LLMCOURSE_WORKSPACE", str(tmp_path / "workspace"))


@pytest.fixture()
def live(monkeypatch):
    """This test talks to the real embedded model: no recordings, whatever the run's default."""
    monkeypatch.setenv("LLMCOURSE_RECORDINGS", "off")


@pytest.fixture(scope="session")
def the_course():
    from llmcourse import course
    return course.load()


def load_wrong(lesson_id: str):
    """The module of known-wrong answers for a lesson."""
    path = FILES / "wrong" / f"{lesson_id}.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"wrong_{lesson_id}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def wrong_answers(exercise) -> list[tuple[str, object]]:
    module = load_wrong(exercise.lesson)
    if module is None:
        return []
    return [(name, getattr(module, name)) for name in sorted(vars(module))
            if name.startswith(exercise.name + "__") and callable(getattr(module, name))]


@pytest.fixture(scope="session")
def executed_lessons(the_course):
    """Every lesson executed once per run on its recording, shared by the lesson and site tests.

    A failure is kept per lesson, so each lesson's test reports its own error.
    """
    from llmcourse.site import executed

    sources = {lesson.id: lesson.file("lessons") for lesson in the_course.lessons}
    try:  # all at once, as the site build runs them
        ran = executed.many(list(sources.values()))
        return {lid: ran[source] for lid, source in sources.items()}
    except Exception:  # noqa: BLE001 - again one by one, so each lesson's test reports its own error
        pass

    def attempt(source):
        try:
            return executed.one(source)
        except Exception as exc:  # noqa: BLE001 - handed to that lesson's test
            return exc

    return {lid: attempt(source) for lid, source in sources.items()}
