"""Grader for workflows_multiturn_flows: a flow runner with a test per step, an attempt cap and a record
of why each attempt failed, driven by scripted models and scripted tests."""

import json
import time

# at import, not at the first scripted call: loading openai takes seconds on a busy machine, and that
# must not count against a case's time limit
from openai.types.chat import ChatCompletion

from llmcourse.cases import Case, ScriptedLLM

FEEDBACK = "Your answer failed its test: {}\nPlease try again."


class _Model(ScriptedLLM):
    """A scripted model whose script sees the model id as well as the messages, and may reply None
    (a response with no text), so the grader can check what the flow sends and how it reads replies."""

    def _create(self, *, model: str = "scripted", messages: list[dict], **params):
        self.requests.append({"model": model, "messages": messages, **params})
        text = self.script(model, [dict(m) for m in messages])
        return ChatCompletion.model_validate({
            "id": f"scripted-{len(self.requests)}", "object": "chat.completion", "created": int(time.time()),
            "model": model, "choices": [{"index": 0, "finish_reason": "stop",
                                         "message": {"role": "assistant", "content": text}}]})


def _echo(model, messages):
    """Replies with the conversation it was sent, as JSON: the answer shows exactly what the flow sent."""
    return json.dumps(messages)


def _expects(answer_wanted, reason):
    def test(answer):
        return None if answer == answer_wanted else reason
    return test


def _never(reason):
    def test(answer):
        return reason
    return test


def _passes(answer):
    return None


def _fixes_after_feedback(model, messages):
    """Answers 41 until the last message carries the test's failure, then 42."""
    last = messages[-1]["content"]
    return "42" if last == FEEDBACK.format("expected 42") else "41"


def _step(name, prompt, test):
    return {"name": name, "prompt": prompt, "test": test}


def _attempt(step, n, answer, failure=None):
    return {"step": step, "attempt": n, "answer": answer, "failure": failure}


def _conversation(prompt, *failed):
    """The messages of an attempt after the given (answer, failure) pairs."""
    messages = [{"role": "user", "content": prompt}]
    for answer, failure in failed:
        messages += [{"role": "assistant", "content": answer}, {"role": "user", "content": FEEDBACK.format(failure)}]
    return messages


def _grows_to_five(answer):
    """Fails until the echoed conversation holds five messages (two repairs), saying how many it saw."""
    count = len(json.loads(answer))
    return None if count >= 5 else f"only {count} messages"


def _colour_then_use(model, messages):
    """Step 'colour' answers 'purple?' first and 'blue' once repaired; every other step echoes its messages."""
    if messages[0]["content"] == "Name a colour.":
        return "blue" if len(messages) > 1 else "purple?"
    return json.dumps(messages)


def _raises_on_oops(answer):
    if answer == "oops":
        raise ValueError("not valid JSON")
    return None


def _names_model(model, messages):
    return f"model={model}"


def _silent_then_text(model, messages):
    """No text at all on the first call (content None), then a real answer."""
    return None if len(messages) == 1 else "done"


def run_flow():
    q = "What is 6 * 7?"
    three_tries = [_conversation("Count.", *pairs) for pairs in
                   ([], [(json.dumps(_conversation("Count.")), "only 1 messages")])]
    second = json.dumps(three_tries[1])
    final = _conversation("Count.", (json.dumps(three_tries[0]), "only 1 messages"), (second, "only 3 messages"))
    return [
        Case("one step that passes at once",
             lambda: (ScriptedLLM(["42"]), [_step("answer", q, _expects("42", "expected 42"))]),
             expect={"ok": True, "outputs": {"answer": "42"}, "attempts": [_attempt("answer", 1, "42")]},
             why="Call the model once, run the step's test on the answer, and record the attempt with failure None."),
        Case("a failure is fed back and the repair passes",
             lambda: (_Model(_fixes_after_feedback), [_step("answer", q, _expects("42", "expected 42"))]),
             expect={"ok": True, "outputs": {"answer": "42"},
                     "attempts": [_attempt("answer", 1, "41", "expected 42"), _attempt("answer", 2, "42")]},
             why="After a failed attempt, send the conversation again with the answer as an assistant message and "
                 "'Your answer failed its test: <failure>\\nPlease try again.' as a user message."),
        Case("the exact conversation after two failed attempts",
             lambda: (_Model(_echo), [_step("count", "Count.", _grows_to_five)]),
             expect={"ok": True, "outputs": {"count": json.dumps(final)},
                     "attempts": [_attempt("count", 1, json.dumps(three_tries[0]), "only 1 messages"),
                                  _attempt("count", 2, second, "only 3 messages"),
                                  _attempt("count", 3, json.dumps(final))]},
             why="Keep one conversation per step and append every failed attempt to it, in order: the user prompt, "
                 "then (assistant answer, user feedback) per failure. Each answer here is the conversation the model "
                 "was sent, so compare yours with it."),
        Case("the attempt cap stops a step that keeps failing",
             lambda: (ScriptedLLM(["a", "b"]), [_step("s", "Say yes.", _never("not yes"))]), kwargs={"max_attempts": 2},
             expect={"ok": False, "outputs": {},
                     "attempts": [_attempt("s", 1, "a", "not yes"), _attempt("s", 2, "b", "not yes")]},
             why="max_attempts counts every attempt, the first included: with 2, the model is called twice and the "
                 "step fails. This scripted model has only two answers and raises on a third call."),
        Case("the default cap is three attempts",
             lambda: (ScriptedLLM(["a", "b", "c"]), [_step("s", "Say yes.", _never("not yes"))]),
             expect={"ok": False, "outputs": {},
                     "attempts": [_attempt("s", 1, "a", "not yes"), _attempt("s", 2, "b", "not yes"),
                                  _attempt("s", 3, "c", "not yes")]},
             why="max_attempts defaults to 3."),
        Case("a step that fails ends the flow",
             lambda: (ScriptedLLM(["x"]), [_step("first", "Say yes.", _never("not yes")),
                                           _step("second", "Never asked.", _passes)]),
             kwargs={"max_attempts": 1},
             expect={"ok": False, "outputs": {}, "attempts": [_attempt("first", 1, "x", "not yes")]},
             why="Once a step has used up its attempts, stop: later steps build on its answer, so they must not run "
                 "(this scripted model raises if it is called again)."),
        Case("{previous} is the answer that passed the step before, in a fresh conversation",
             lambda: (_Model(_colour_then_use), [_step("colour", "Name a colour.", _expects("blue", "not a colour")),
                                                 _step("use", "Paint it {previous}. Really {previous}.", _passes)]),
             expect={"ok": True,
                     "outputs": {"colour": "blue",
                                 "use": json.dumps(_conversation("Paint it blue. Really blue."))},
                     "attempts": [_attempt("colour", 1, "purple?", "not a colour"), _attempt("colour", 2, "blue"),
                                  _attempt("use", 1, json.dumps(_conversation("Paint it blue. Really blue.")))]},
             why="Replace every {previous} with the passing answer of the step before (not a failed one), and start "
                 "each step's conversation afresh with its own prompt only."),
        Case("other braces in a prompt stay as written",
             lambda: (_Model(_echo), [_step("code", "def f(): return {1: 2}  # {x} [{previous}]", _passes)]),
             expect={"ok": True, "outputs": {"code": json.dumps(_conversation("def f(): return {1: 2}  # {x} []"))},
                     "attempts": [_attempt("code", 1, json.dumps(_conversation("def f(): return {1: 2}  # {x} []")))]},
             why="Use str.replace('{previous}', ...), not str.format: the first step's {previous} is the empty string, "
                 "and braces such as {1: 2} or {x} must reach the model unchanged."),
        Case("a test that raises is a failed attempt with a reason",
             lambda: (ScriptedLLM(["oops", "{}"]), [_step("json", "Reply with JSON.", _raises_on_oops)]),
             expect={"ok": True, "outputs": {"json": "{}"},
                     "attempts": [_attempt("json", 1, "oops", "ValueError: not valid JSON"), _attempt("json", 2, "{}")]},
             why="Catch the exception, record it as 'ExcType: message' and retry like any other failure: a crashing "
                 "check must not crash the flow."),
        Case("the model id is passed to the client",
             lambda: (_Model(_names_model), [_step("m", "Hi.", _expects("model=local-7b", "wrong model"))]),
             kwargs={"model": "local-7b"},
             expect={"ok": True, "outputs": {"m": "model=local-7b"}, "attempts": [_attempt("m", 1, "model=local-7b")]},
             why="Call client.chat.completions.create(model=model, messages=...) with the model argument."),
        Case("the default model id is 'scripted'",
             lambda: (_Model(_names_model), [_step("m", "Hi.", _passes)]),
             expect={"ok": True, "outputs": {"m": "model=scripted"}, "attempts": [_attempt("m", 1, "model=scripted")]},
             why="Keep the signature's default, model='scripted'."),
        Case("a reply with no text counts as the empty string",
             lambda: (_Model(_silent_then_text), [_step("s", "Speak.", _expects("done", "no answer"))]),
             expect={"ok": True, "outputs": {"s": "done"},
                     "attempts": [_attempt("s", 1, "", "no answer"), _attempt("s", 2, "done")]},
             why="message.content can be None; use '' for it, in the record and in the conversation."),
        Case("three steps that each pass at once",
             lambda: (ScriptedLLM(["a", "b", "c"]), [_step("one", "1", _passes), _step("two", "2", _passes),
                                                     _step("three", "3", _passes)]),
             expect={"ok": True, "outputs": {"one": "a", "two": "b", "three": "c"},
                     "attempts": [_attempt("one", 1, "a"), _attempt("two", 1, "b"), _attempt("three", 1, "c")]},
             why="Run every step in order; attempt numbers start again at 1 for each step."),
        Case("no steps is a flow that trivially succeeds",
             lambda: (ScriptedLLM([]), []), expect={"ok": True, "outputs": {}, "attempts": []},
             why="With no steps there is nothing to fail and no model call to make."),
        Case("max_attempts of 0 raises ValueError",
             lambda: (ScriptedLLM([]), [_step("s", "x", _passes)]), kwargs={"max_attempts": 0}, raises=ValueError,
             why="A cap below 1 would never call the model; reject it."),
        Case("two steps with one name raise ValueError",
             lambda: (ScriptedLLM(["a", "b"]), [_step("s", "x", _passes), _step("s", "y", _passes)]),
             raises=ValueError,
             why="outputs is keyed by step name, so names must be unique; check before calling the model."),
    ]
