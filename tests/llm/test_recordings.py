"""Recordings: replayed first, then the learner's cache, then the model; strict mode names what is missing.

The model here is an httpx MockTransport that counts what reaches it: these tests are about which
layer answers, not about the model (tests/llm/test_live.py covers the real one).
"""

import json

import httpx
import openai
import pytest

from llmcourse.llm import ledger, recording
from llmcourse.llm.replay_cache import ResponseStore
from llmcourse.llm.transport import RecordingTransport

NAMESPACE = "embedded:model.gguf"


def answer(text: str) -> dict:
    return {"id": "x", "object": "chat.completion", "created": 0, "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": text}}],
            "usage": {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4}}


class Model:
    """Answers "live-N" to the N-th request that reaches it."""

    def __init__(self):
        self.seen = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(json.loads(request.read()))
        return httpx.Response(200, json=answer(f"live-{len(self.seen)}"))


def ask(transport, content: str) -> str:
    client = openai.OpenAI(base_url="http://127.0.0.1/v1", api_key="k", max_retries=0,
                           http_client=httpx.Client(transport=transport))
    reply = client.chat.completions.create(model="m", messages=[{"role": "user", "content": content}])
    return reply.choices[0].message.content


def recorded(*pairs: tuple[str, str]) -> recording.Recording:
    """A recording of the given (question, answer) pairs, keyed as the transport keys them."""
    found = recording.Recording({"model": "m"}, source="recordings/lessons/demo.jsonl")
    keys = recording.Keys()
    for question, text in pairs:
        body = json.dumps({"messages": [{"role": "user", "content": question}], "model": "m"}).encode()
        key = keys.next(recording.base_key(NAMESPACE, "POST", "/v1/chat/completions", body))
        found.entries[key] = recording.Entry(key, "/v1/chat/completions", json.loads(body), 200, answer(text), 0.75)
    return found


@pytest.fixture(autouse=True)
def _empty_ledger():
    ledger.clear()


def test_a_recorded_request_is_replayed_with_its_recorded_latency_and_marked_in_the_ledger():
    model = Model()
    transport = RecordingTransport(httpx.MockTransport(model), None, NAMESPACE, recording=recorded(("hi", "hello")))
    assert ask(transport, "hi") == "hello"
    assert model.seen == []
    (call,) = ledger.calls()
    assert call.source == "recording" and call.cached and call.latency_s == 0.75


def test_the_nth_identical_request_replays_the_nth_recorded_answer_then_goes_live():
    model = Model()
    transport = RecordingTransport(httpx.MockTransport(model), None, NAMESPACE,
                                   recording=recorded(("pet?", "Rex"), ("pet?", "Tom")))
    assert [ask(transport, "pet?") for _ in range(3)] == ["Rex", "Tom", "live-1"]
    assert [c.source for c in ledger.calls()] == ["recording", "recording", "live"]


def test_an_edited_prompt_goes_live_for_that_request_only_and_lands_in_the_learners_cache(tmp_path):
    model = Model()
    store = ResponseStore(tmp_path / "responses.sqlite")
    shipped = recorded(("one", "1"), ("two", "2"), ("three", "3"))
    transport = RecordingTransport(httpx.MockTransport(model), store, NAMESPACE, recording=shipped)
    assert [ask(transport, q) for q in ("one", "TWO, edited", "three")] == ["1", "live-1", "3"]
    assert len(model.seen) == 1 and len(store) == 1
    again = RecordingTransport(httpx.MockTransport(model), store, NAMESPACE, recording=shipped)
    assert ask(again, "TWO, edited") == "live-1", "the learner's own cache replays their edit"
    assert len(model.seen) == 1
    assert [c.source for c in ledger.calls()] == ["recording", "live", "recording", "cache"]


def test_strict_mode_never_asks_the_model_and_names_the_notebook_and_the_request():
    model = Model()
    transport = RecordingTransport(httpx.MockTransport(model), None, NAMESPACE, recording=recorded(("hi", "hello")),
                                   strict=True)
    assert ask(transport, "hi") == "hello"
    with pytest.raises(openai.UnprocessableEntityError) as caught:
        ask(transport, "something new")
    assert "recordings/lessons/demo.jsonl" in str(caught.value) and "something new" in str(caught.value)
    assert model.seen == []


def test_another_provider_never_replays_the_embedded_models_recording():
    model = Model()
    transport = RecordingTransport(httpx.MockTransport(model), None, "remote:api.openai.com",
                                   recording=recorded(("hi", "hello")))
    assert ask(transport, "hi") == "live-1"


def test_the_record_writer_keeps_live_calls_in_order(tmp_path):
    model = Model()
    target = tmp_path / "calls.jsonl"
    transport = RecordingTransport(httpx.MockTransport(model), None, NAMESPACE, writer=recording.Writer(target))
    ask(transport, "a"), ask(transport, "b"), ask(transport, "a")
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert [line["response"]["choices"][0]["message"]["content"] for line in lines] == ["live-1", "live-2", "live-3"]
    assert lines[0]["key"].endswith(":1") and lines[2]["key"].endswith(":2")
    assert lines[0]["key"].split(":")[0] == lines[2]["key"].split(":")[0]
    assert "127.0.0.1" not in target.read_text(), "no host or port in a recording"


def test_a_recording_file_round_trips_and_a_damaged_one_is_a_clear_error(tmp_path):
    from llmcourse.errors import CourseError
    path = tmp_path / "demo.jsonl"
    shipped = recorded(("hi", "hello"))
    path.write_text(json.dumps({"model": "m"}) + "\n" + "\n".join(e.line() for e in shipped.entries.values()) + "\n")
    again = recording.read(path)
    assert again.header == {"model": "m"} and again.entries.keys() == shipped.entries.keys()
    path.write_text('{"model": "m"}\n{"key": "k", "broken')
    with pytest.raises(CourseError, match="damaged"):
        recording.read(path)


def test_changes_between_two_recordings():
    from llmcourse.authoring.record import changes
    old, new = recorded(("a", "1"), ("b", "2")), recorded(("a", "1"), ("b", "two"), ("c", "3"))
    diff = changes(old, new)
    assert len(diff["changed"]) == 1 and len(diff["new"]) == 1 and diff["dropped"] == []
    assert changes(new, None)["dropped"] and changes(None, old)["new"]
