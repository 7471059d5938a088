"""The grading engine: time limits, errors as messages, partial points, and comparisons."""

from llmcourse.cases import Case, ScriptedLLM
from llmcourse.cases.case import same
from llmcourse.cases.runner import run_case


def test_a_function_that_never_returns_fails_with_a_time_limit_message():
    def forever(x):
        while True:
            pass

    result = run_case(Case("loops", (1,), expect=1, timeout_s=0.3), forever)
    assert not result.passed and "did not return within 0.3 s" in result.message


def test_an_exception_names_the_learners_line():
    def broken(x):
        return x["missing"]

    result = run_case(Case("raises", ({},), expect=1), broken)
    assert not result.passed
    assert "raised KeyError" in result.message and "line" in result.message


def test_why_is_added_to_a_failure_but_not_to_a_pass():
    case = Case("edge", (2,), expect=4, why="Squares, not doubles.")
    assert run_case(case, lambda x: x + 1).message.endswith("Squares, not doubles.")
    assert run_case(case, lambda x: x * x).message == ""


def test_cases_get_fresh_copies_of_their_inputs():
    data = [3, 1, 2]
    case = Case("sorts", (data,), expect=None)
    run_case(case, lambda xs: xs.sort())
    assert data == [3, 1, 2]


def test_booleans_are_not_numbers_and_tolerance_applies_inside_containers():
    assert not same(1, True, None)
    assert same(True, True, None)
    assert same([1.0000001, {"a": 2.0}][0], 1.0, 1e-6)
    assert same({"a": 0.3000001}, {"a": 0.3}, 1e-6)
    assert not same("0.3", 0.3, 1e-6)


def test_scripted_llm_serves_its_script_and_records_requests():
    llm = ScriptedLLM(["one", "two"])
    first = llm.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
    second = llm.chat.completions.create(model="m", messages=[{"role": "user", "content": "again"}], temperature=0)
    assert (first.choices[0].message.content, second.choices[0].message.content) == ("one", "two")
    assert llm.requests[1]["temperature"] == 0
    echo = ScriptedLLM(lambda messages: messages[-1]["content"].upper())
    assert echo.chat.completions.create(messages=[{"role": "user", "content": "x"}]).choices[0].message.content == "X"


def test_a_loop_that_swallows_exceptions_is_still_stopped():
    def stubborn(x):
        while True:
            try:
                pass
            except Exception:
                pass

    assert "did not return" in run_case(Case("loops", (1,), expect=1, timeout_s=0.3), stubborn).message


def test_raises_cases_pass_on_the_named_error_and_explain_anything_else():
    case = Case("bad input", ([],), raises=ValueError, why="An empty list has no mean.")
    assert run_case(case, lambda xs: (_ for _ in ()).throw(ValueError("empty"))).passed
    returned = run_case(case, lambda xs: 0.0)
    assert not returned.passed and "returned 0.0 but should raise ValueError" in returned.message
    wrong = run_case(case, lambda xs: xs[0])
    assert "raised IndexError" in wrong.message and "(expected ValueError)" in wrong.message

    def stub(xs):
        raise NotImplementedError

    assert run_case(case, stub).todo
