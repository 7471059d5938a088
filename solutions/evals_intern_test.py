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
# # Exercises: the intern test
#
# Two functions, each graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# ## 1. Triage one logged answer
#
# Each entry of an eval log is a dict describing one answer and the intern-test annotation of its input:
#
# | key                  | type  | meaning                                                                  |
# |----------------------|-------|--------------------------------------------------------------------------|
# | `correct`            | bool  | was the model's answer judged right?                                     |
# | `context_has_answer` | bool  | were the facts needed to answer in the model's input?                    |
# | `intern_could_do_it` | bool  | could a capable student answer from exactly that input, without asking?  |
# | `intern_minutes`     | float | how long that student would need (ignore it when they could not do it)   |
#
# Return a tuple `(category, action)`, asking the questions **in this order** and stopping at the first
# that applies:
#
# 1. the answer was right: `("not a failure", None)`, whatever the annotations say;
# 2. the facts were not in the input: `"missing context"`, even if the task is also ambiguous or too
#    hard (no one can judge the task before the facts are there);
# 3. a student could not do it, **or** would need more than `max_minutes` to do it:
#    `"task too hard or ambiguous"` (exactly `max_minutes` is still quick);
# 4. otherwise: `"model mistake"`.
#
# For the three failure categories, the action is `ACTIONS[category]`.

# %%
ACTIONS = {
    "missing context": "retrieve the missing facts",
    "task too hard or ambiguous": "decompose or clarify the task",
    "model mistake": "improve the prompt, examples or model",
}


def triage(failure: dict, max_minutes: float = 5) -> tuple[str, str | None]:
    """The intern-test category of one logged answer and the action it calls for."""
    # BEGIN SOLUTION
    if failure["correct"]:
        return ("not a failure", None)
    if not failure["context_has_answer"]:
        category = "missing context"
    elif not failure["intern_could_do_it"] or failure["intern_minutes"] > max_minutes:
        category = "task too hard or ambiguous"
    else:
        category = "model mistake"
    return (category, ACTIONS[category])
    # END SOLUTION


# %%
check("evals_intern_test.triage", triage)

# %% [markdown]
# ## 2. From a log to a plan
#
# Given a whole log (a list of dicts like the ones above, right answers included), return the plan: a
# list of `(action, count)` tuples, one per action that at least one failure calls for, where `count` is
# how many failures call for it. Use `triage` with its default `max_minutes`.
#
# - Right answers are not failures: they add to no action.
# - Most failures first; when two actions have the same count, the one whose name sorts first
#   alphabetically comes first.
# - Leave out actions no failure calls for; an empty log, or one with no failures, gives `[]`.

# %%
def action_plan(log: list[dict]) -> list[tuple[str, int]]:
    """(action, number of failures calling for it), most first, ties by action name, no zero rows."""
    # BEGIN SOLUTION
    counts: dict[str, int] = {}
    for entry in log:
        _, action = triage(entry)
        if action is not None:
            counts[action] = counts.get(action, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    # END SOLUTION


# %%
check("evals_intern_test.action_plan", action_plan)
