"""The model client against the real embedded server: answers, replay cache, ledger, errors."""

import json

import openai
import pytest

from llmcourse import llm
from llmcourse.llm import ledger
from llmcourse.llm.replay_cache import ResponseStore

pytestmark = [pytest.mark.model, pytest.mark.usefixtures("live")]


@pytest.fixture()
def fresh_cache(tmp_path, monkeypatch):
    """A response cache of this test's own, so a hit or a miss is this test's doing."""
    from llmcourse.llm import connect as client_module
    monkeypatch.setattr(client_module, "_store", lambda: ResponseStore(tmp_path / "responses.sqlite"))
    ledger.clear()
    return tmp_path / "responses.sqlite"


def test_the_default_is_the_embedded_model_through_the_openai_client(fresh_cache):
    client = llm.client()
    assert isinstance(client, openai.OpenAI)
    assert client.base_url.host == "127.0.0.1"
    assert llm.model_name() == llm.server.MODEL_ALIAS
    answer = client.chat.completions.create(
        model=llm.model_name(), messages=[{"role": "user", "content": "Name a colour."}], max_tokens=12)
    assert answer.choices[0].message.content.strip()
    assert answer.usage.completion_tokens > 0


def test_a_repeated_request_is_replayed_with_its_measured_latency(fresh_cache):
    question = [{"role": "user", "content": "Say one word about the sea."}]
    first = llm.client().chat.completions.create(model=llm.model_name(), messages=question, max_tokens=8,
                                                 temperature=0)
    second = llm.client().chat.completions.create(model=llm.model_name(), messages=question, max_tokens=8,
                                                  temperature=0)
    assert second.choices[0].message.content == first.choices[0].message.content
    rows = ledger.calls()
    assert [r.cached for r in rows] == [False, True]
    assert rows[1].latency_s == rows[0].latency_s > 0
    assert rows[1].completion_tokens == rows[0].completion_tokens


def test_the_nth_identical_request_replays_the_nth_recording(fresh_cache):
    ask = dict(model=llm.model_name(), messages=[{"role": "user", "content": "Invent a pet name."}],
               max_tokens=6, temperature=1.0)
    recorded_client = llm.client()
    recorded = [recorded_client.chat.completions.create(**ask).choices[0].message.content for _ in range(3)]
    replay_client = llm.client()
    replayed = [replay_client.chat.completions.create(**ask).choices[0].message.content for _ in range(3)]
    assert replayed == recorded
    assert [c.cached for c in ledger.calls()] == [False] * 3 + [True] * 3


def test_the_cache_can_be_turned_off(fresh_cache, monkeypatch):
    monkeypatch.setenv("LLMCOURSE_CACHE", "off")
    ask = dict(model=llm.model_name(), messages=[{"role": "user", "content": "Hi."}], max_tokens=4)
    llm.client().chat.completions.create(**ask)
    llm.client().chat.completions.create(**ask)
    assert [c.cached for c in ledger.calls()] == [False, False]


def test_a_corrupt_cache_is_rebuilt_not_fatal(tmp_path):
    path = tmp_path / "responses.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.warns(RuntimeWarning, match="started an empty one"):
        store = ResponseStore(path)
    store.put("k", 200, b"{}", 0.5)
    assert store.get("k") == (200, b"{}", 0.5)
    assert list(tmp_path.glob("responses.sqlite.corrupt-*"))


def test_ledger_table_has_one_row_per_call_with_cost_and_tokens(fresh_cache):
    llm.chat("Count to three.", max_tokens=10)
    frame = ledger.table()
    assert list(frame.columns) == ["at", "endpoint", "model", "prompt_tokens", "completion_tokens",
                                   "latency_s", "cached", "source", "cost_usd"]
    assert len(frame) == 1 and frame.loc[0, "prompt_tokens"] > 0 and frame.loc[0, "cost_usd"] == 0
    assert ledger.summary()["calls"] == 1


def test_cost_estimates_use_listed_prices():
    assert ledger.estimate_cost("gpt-4o-mini", 1_000_000, 1_000_000) == pytest.approx(0.75)
    assert ledger.estimate_cost("gpt-4o-mini-2024-07-18", 1_000_000, 0) == pytest.approx(0.15)
    assert ledger.estimate_cost("smollm2-135m-instruct", 10_000, 10_000) == 0


def test_logprobs_and_schema_constrained_json_work_on_the_embedded_server(fresh_cache):
    client = llm.client()
    answer = client.chat.completions.create(
        model=llm.model_name(), messages=[{"role": "user", "content": "Yes or no: is water wet?"}],
        max_tokens=3, logprobs=True, top_logprobs=2)
    assert answer.choices[0].logprobs.content[0].logprob <= 0
    schema = {"type": "object", "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
              "required": ["name", "age"]}
    shaped = client.chat.completions.create(
        model=llm.model_name(), max_tokens=60,
        messages=[{"role": "user", "content": "Extract name and age: Maria Lopez is 34."}],
        response_format={"type": "json_object", "schema": schema})
    data = json.loads(shaped.choices[0].message.content)
    assert set(data) == {"name", "age"} and isinstance(data["age"], int)
