"""The live tier: lessons executed against the real embedded server with recordings and cache off."""

import json

import pytest

from llmcourse import course, kernel, nbfiles
from llmcourse.llm import recording

pytestmark = [pytest.mark.model, pytest.mark.usefixtures("live")]

# two lessons that ask the model and run in well under a minute live
LIVE = ["evals_assertions", "strategy_low_cost_cognition"]


@pytest.mark.parametrize("lesson_id", LIVE)
def test_a_lesson_runs_against_the_live_model(lesson_id, tmp_path, monkeypatch):
    monkeypatch.setenv("LLMCOURSE_CACHE", "off")
    calls = tmp_path / "calls.jsonl"
    calls.touch()
    source = course.load().lesson(lesson_id).file("lessons")
    env = kernel.kernel_env({"LLMCOURSE_RECORD_TO": str(calls)})
    kernel.run(nbfiles.read(source), source.parent, cell_timeout=600, total_timeout=1800, env=env)
    live = [json.loads(line) for line in calls.read_text().splitlines()]
    assert live, "every answer came from the live model, none from a recording"
    shipped = recording.read(recording.file_for(source))
    assert shipped is not None and len(shipped.entries) >= len(live) // 2, "the recording covers this lesson"


def test_a_lesson_whose_prompt_you_edit_goes_live_for_that_request_only(tmp_path, monkeypatch):
    """The learner's view: one edited prompt reaches the model; every other answer is the recorded one."""
    home = tmp_path / "home"
    monkeypatch.setenv("LLMCOURSE_HOME", str(home))
    monkeypatch.setenv("LLMCOURSE_RECORDINGS", "replay")
    lesson = course.load().lesson("team_empower_everyone").file("lessons")
    text = lesson.read_text()
    assert text.count('llm.chat("Say hello.", max_tokens=4)') == 1
    edited = tmp_path / lesson.name
    edited.write_text(text.replace('llm.chat("Say hello.", max_tokens=4)', 'llm.chat("Say hello to me.", max_tokens=4)'))
    env = kernel.kernel_env({"LLMCOURSE_RECORDING": str(recording.file_for(lesson))})
    kernel.run(nbfiles.read(edited), tmp_path, cell_timeout=600, total_timeout=1800, env=env)
    from llmcourse.llm.replay_cache import ResponseStore
    assert len(ResponseStore(home / "responses.sqlite")) == 1, "only the edited request went to the model"
