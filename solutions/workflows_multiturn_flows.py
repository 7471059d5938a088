# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Exercise: a flow runner
#
# One function, graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.
#
# The grader gives your function a scripted model (a stand-in with the same
# `client.chat.completions.create(...)` interface as the `openai` client, whose replies are known in
# advance) and scripted test functions, so the result does not depend on any real model.

# %%
from typing import Callable

from llmcourse.notebook import check, hint

# %% [markdown]
# ## A flow with a test per step, an attempt cap and a record of every failure
#
# `steps` is a list of dicts, each with three keys: `"name"` (a str), `"prompt"` (a str) and `"test"`
# (a function). Run the steps in order. For each step:
#
# 1. **The prompt.** Replace every occurrence of the exact text `{previous}` in the step's prompt with
#    the answer that passed the step before it (the empty string for the first step). Use
#    `str.replace`, not `str.format`: prompts may hold other braces, such as code.
# 2. **An attempt** is one model call:
#    `client.chat.completions.create(model=model, messages=messages)`; the answer is
#    `response.choices[0].message.content` (use `""` if it is `None`), kept exactly as returned.
# 3. **The messages.** Each step has a conversation of its own (nothing from earlier steps). The first
#    attempt sends `[{"role": "user", "content": prompt}]`. After a failed attempt, append two messages
#    to that step's conversation, `{"role": "assistant", "content": answer}` and
#    `{"role": "user", "content": "Your answer failed its test: " + failure + "\nPlease try again."}`,
#    then call the model again with the whole conversation so far.
# 4. **The test.** `test(answer)` returns `None` when the answer passes, or a str saying why it failed.
#    If `test` raises an exception, the attempt fails and its failure is `"ExcType: message"`, that is
#    `f"{type(exc).__name__}: {exc}"`; the flow carries on as for any other failure.
# 5. **The cap.** A step stops at its first passing attempt, or after `max_attempts` failed attempts.
#    A step that never passes ends the flow: later steps are not run (and their model is never called).
#
# Return a dict with three keys:
#
# - `"ok"`: `True` if every step passed (an empty list of steps is `True`), else `False`;
# - `"outputs"`: `{step name: the answer that passed}` for the steps that passed, in order;
# - `"attempts"`: a list with one dict per attempt, in the order they were made:
#   `{"step": name, "attempt": n, "answer": answer, "failure": reason}`, where `n` counts from 1 within
#   each step and `reason` is `None` for the attempt that passed.
#
# Raise `ValueError` if `max_attempts` is less than 1, or if two steps share a name.

# %%
def run_flow(client, steps: list[dict], max_attempts: int = 3, model: str = "scripted") -> dict:
    """Run each step's prompt through the model until its test passes or the attempts run out."""
    # BEGIN SOLUTION
    if max_attempts < 1:
        raise ValueError("max_attempts must be at least 1")
    names = [step["name"] for step in steps]
    if len(set(names)) != len(names):
        raise ValueError("every step needs a name of its own")
    outputs: dict[str, str] = {}
    attempts: list[dict] = []
    previous = ""
    for step in steps:
        prompt = step["prompt"].replace("{previous}", previous)
        messages = [{"role": "user", "content": prompt}]
        passed = False
        for n in range(1, max_attempts + 1):
            response = client.chat.completions.create(model=model, messages=list(messages))
            answer = response.choices[0].message.content or ""
            try:
                failure = step["test"](answer)
            except Exception as exc:  # a crashing test is a failed attempt, with its reason recorded
                failure = f"{type(exc).__name__}: {exc}"
            attempts.append({"step": step["name"], "attempt": n, "answer": answer, "failure": failure})
            if failure is None:
                passed = True
                break
            messages += [{"role": "assistant", "content": answer},
                         {"role": "user", "content": "Your answer failed its test: " + failure + "\nPlease try again."}]
        if not passed:
            return {"ok": False, "outputs": outputs, "attempts": attempts}
        outputs[step["name"]] = answer
        previous = answer
    return {"ok": True, "outputs": outputs, "attempts": attempts}
    # END SOLUTION


# %%
check("workflows_multiturn_flows.run_flow", run_flow)

# %%
# BEGIN SOLUTION NOTE
# Reading the result: the grader's scripted model fails some steps on purpose, and the record shows
# each failed attempt with its reason and the repair that followed it. With a real model, that list is
# the first thing to read when a flow gets worse: it says which step fails, how often, and why, and
# the share of steps that pass on attempt 1 against attempt 2 or 3 tells you what the retries buy.
# END SOLUTION NOTE
