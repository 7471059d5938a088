"""The judge rebuilds each case outside the sandbox and replays the calls the learner's function made."""

from llmcourse.cohort import judge, probe
from llmcourse.cases import Case, ScriptedLLM


def test_a_stateful_check_sees_the_calls_replayed_outside():
    calls = []

    def judge_fn(question, first, second):
        calls.append((first, second))
        return "first"

    case = Case("asks twice, swapped", args=(judge_fn, "q", "a", "b"),
                check=lambda got: None if calls == [("a", "b"), ("b", "a")] else f"calls were {calls}")

    def learner(j, q, a, b):
        j(q, a, b)
        j(q, b, a)
        return "tie"

    raw = probe.outcome(learner, "swap_judge", *case.inputs(), case.timeout_s)
    calls.clear()  # the sandbox's calls happened elsewhere; the judge must replay them
    assert judge.judge_case(case, raw).passed


def test_scripted_model_requests_are_replayed():
    case = Case("one call", args=(ScriptedLLM(["yes"]),), expect="yes")

    def learner(client):
        return client.chat.completions.create(messages=[{"role": "user", "content": "hi"}]).choices[0].message.content

    raw = probe.outcome(learner, "ask", *case.inputs(), case.timeout_s)
    assert raw["traces"]["0"]["requests"] and judge.judge_case(case, raw).passed


def test_a_forged_or_missing_outcome_fails_the_case():
    case = Case("returns 3", expect=3)
    assert not judge.judge_case(case, None).passed
    assert not judge.judge_case(case, {"kind": "passed"}).passed
    assert judge.judge_case(case, {"kind": "returned", "value": 3}).passed


def test_raised_exceptions_are_judged_by_name():
    case = Case("bad input", raises=ValueError)
    raw = {"kind": "raised", "exc_names": ["ValueError", "Exception"], "message": "no"}
    assert judge.judge_case(case, raw).passed
    raw = {"kind": "raised", "exc_names": ["NotImplementedError", "RuntimeError"], "message": ""}
    assert judge.judge_case(case, raw).todo


def test_a_malformed_report_fails_the_case_instead_of_the_grader():
    case = Case("returns 3", expect=3)
    for raw in ({"kind": "returned", "value": {"__what__": 1}}, {"kind": "returned", "traces": [1, 2]},
                {"kind": "raised", "exc_names": 5}):
        result = judge.judge_case(case, raw)
        assert not result.passed and result.message
