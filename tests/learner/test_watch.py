"""`llmcourse watch`: a save triggers a check, a wrong answer is reported, a right one moves on to the
next exercise (here: the next lesson, whose copy is made). Bounded in time: the watcher stops itself."""

import io
import threading
import time

from rich.console import Console

from llmcourse import course, paths
from llmcourse.cli import main
from llmcourse.learner.watch import Watcher

LESSON = course.load().lessons[0]
FOLLOWING = course.load().lessons[1]


def _wait_for(buffer: io.StringIO, text: str, count: int = 1, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if buffer.getvalue().count(text) >= count:
            return buffer.getvalue()
        time.sleep(0.1)
    raise AssertionError(f"{text!r} did not appear {count}x within {seconds} s:\n{buffer.getvalue()}")


def test_watch_rechecks_on_save_and_moves_on_when_an_exercise_passes():
    assert main(["open", LESSON.id]) == 0
    first = LESSON.exercises[0]
    buffer = io.StringIO()
    watcher = Watcher(Console(file=buffer, width=120, color_system=None), cell_timeout=60, total_timeout=120)
    result = {}
    thread = threading.Thread(target=lambda: result.setdefault("code", watcher.run(first.id)), daemon=True)
    thread.start()
    try:
        _wait_for(buffer, "watching ")
        assert f"NOT STARTED  {first.id}" in buffer.getvalue()

        # a wrong attempt, saved as the jupytext .py beside the untouched .ipynb
        wrong = LESSON.file("exercises").read_text().replace("raise NotImplementedError", "return 0.0", 1)
        (paths.workspace() / f"{LESSON.id}.py").write_text(wrong)
        out = _wait_for(buffer, "watching ", count=2)
        assert f"FAILED  {first.id}" in out and f"llmcourse hint {first.id}" in out

        # the right answer to every exercise of the lesson: watch moves past both, to the next lesson
        (paths.workspace() / f"{LESSON.id}.py").write_text(LESSON.file("solutions").read_text())
        out = _wait_for(buffer, f"next exercise: {FOLLOWING.exercises[0].id}")
        assert f"PASSED  {first.id}" in out
        _wait_for(buffer, f"NOT STARTED  {FOLLOWING.exercises[0].id}")
        assert (paths.workspace() / f"{FOLLOWING.id}.ipynb").exists(), "the next lesson's copy was made"
    finally:
        watcher.stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive() and result.get("code") == 0
    assert watcher.checks == 4, buffer.getvalue()  # start, wrong, right, and the next lesson's copy
    from llmcourse.learner import progress
    done = progress.load()["exercises"]
    assert all(done[ex.id]["passed"] for ex in LESSON.exercises)
