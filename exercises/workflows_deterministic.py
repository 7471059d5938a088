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

# Generated from solutions/workflows_deterministic.py by `llmcourse assign`: edit the solution, not this file.

# %% [markdown]
# # Exercises: validate a plan, then run it deterministically
#
# Two functions, each graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.
#
# Both work on the same two structures.
#
# **A tool registry** maps a tool name to what the tool takes, what it gives back and the function
# that does the work:
#
# ```python
# tools = {
#     "unit_price": {"params": {"item": str}, "returns": float, "fn": unit_price},
#     "line_total": {"params": {"price": float, "quantity": int}, "returns": float, "fn": line_total},
# }
# ```
#
# **A plan** is a list of steps. Each step has an `id` (unique within the plan), the name of a `tool`
# and its `args`. An argument is either a literal value or a reference to the result of an earlier
# step, written as a dict with the single key `"ref"`:
#
# ```python
# plan = [
#     {"id": "price", "tool": "unit_price", "args": {"item": "mug"}},
#     {"id": "total", "tool": "line_total", "args": {"price": {"ref": "price"}, "quantity": 3}},
# ]
# ```
#
# The references make the plan a graph: `total` depends on `price`. A plan a model writes can be
# wrong in many ways, and the point of these exercises is to catch every one of them before any tool
# runs.

# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# ## 1. A plan validator
#
# Return the **set** of problems in `plan`, each a pair `(step_id, kind)`; an empty set means the plan
# is valid. A step has at most one problem of each kind, however many arguments show it. The kinds:
#
# - `"unknown_tool"`: the step's tool is not in `tools`. Check nothing else about that step's
#   arguments (there is no signature to check them against), but its references still count for
#   `"unknown_ref"` and `"cycle"`.
# - `"missing_arg"`: a parameter of the tool is not in the step's `args`.
# - `"unknown_arg"`: an argument in `args` is not a parameter of the tool.
# - `"unknown_ref"`: an argument refers to a step id that is not in the plan.
# - `"wrong_type"`: a literal argument whose type is not exactly the parameter's type (compare with
#   `type(value) is expected`, so `True` is not an `int` and `3` is not a `float`), or a reference to a
#   step whose tool `returns` a different type than the parameter needs. A reference to a step whose
#   tool is unknown cannot be type-checked: it is not a `"wrong_type"`.
# - `"cycle"`: a step that can never run because it depends, directly or through other steps, on
#   itself or on a cycle. Only references to steps in the plan count as dependencies. Every such step
#   is reported, including steps downstream of a cycle that are not on it.
#
# A reference is any argument value that is a dict with exactly one key, `"ref"`. Step order in the
# list does not matter for validity: a step may refer to a step listed after it.

# %%
def validate_plan(plan: list[dict], tools: dict[str, dict]) -> set[tuple[str, str]]:
    """Every (step_id, kind) problem in the plan; an empty set when it is valid."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("workflows_deterministic.validate_plan", validate_plan)

# %% [markdown]
# ## 2. A deterministic executor
#
# Run a plan and return what every step produced, as a **list** of `(step_id, result)` pairs in the
# order the steps ran.
#
# - First validate the whole plan with your `validate_plan`. If it finds any problem, raise
#   `ValueError` (put the problems in the message) **before calling any tool**.
# - The order is fixed, so two runs of the same plan make the same calls in the same order: at each
#   turn, run the **first step in plan order** whose references have all run already.
# - Call the step's tool function once, with keyword arguments: literal values as given, and for a
#   reference the result of the step it names.
# - If the tool raises any exception, stop: raise the `StepFailed` exception defined below, with the
#   failing step's id in its message (chain the original with `raise ... from exc`), and run no
#   further step.
# - If the tool returns a value whose type is not exactly the tool's `returns` type
#   (`type(result) is not returns`), stop the same way but raise `TypeError` naming the step.
#
# An empty plan is valid and returns `[]`.

# %%
class StepFailed(Exception):
    """A tool raised while a plan ran; the message names the step."""


def execute_plan(plan: list[dict], tools: dict[str, dict]) -> list[tuple[str, object]]:
    """Run a validated plan in a fixed order; return [(step_id, result), ...] in the order run."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("workflows_deterministic.execute_plan", execute_plan)

# %% [markdown]
