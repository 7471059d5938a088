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
    # BEGIN SOLUTION
    def is_ref(value) -> bool:
        return isinstance(value, dict) and set(value) == {"ref"}

    steps = {step["id"]: step for step in plan}
    problems: set[tuple[str, str]] = set()
    depends: dict[str, set[str]] = {}
    for step in plan:
        sid, args = step["id"], step["args"]
        depends[sid] = {v["ref"] for v in args.values() if is_ref(v) and v["ref"] in steps}
        if any(is_ref(v) and v["ref"] not in steps for v in args.values()):
            problems.add((sid, "unknown_ref"))
        tool = tools.get(step["tool"])
        if tool is None:
            problems.add((sid, "unknown_tool"))
            continue
        params = tool["params"]
        if any(name not in args for name in params):
            problems.add((sid, "missing_arg"))
        for name, value in args.items():
            if name not in params:
                problems.add((sid, "unknown_arg"))
                continue
            if is_ref(value):
                source = steps.get(value["ref"])
                source_tool = tools.get(source["tool"]) if source is not None else None
                if source_tool is not None and source_tool["returns"] is not params[name]:
                    problems.add((sid, "wrong_type"))
            elif type(value) is not params[name]:
                problems.add((sid, "wrong_type"))
    # Kahn's algorithm: whatever can never be scheduled waits on a cycle.
    done: set[str] = set()
    progress = True
    while progress:
        progress = False
        for sid, needs in depends.items():
            if sid not in done and needs <= done:
                done.add(sid)
                progress = True
    problems |= {(sid, "cycle") for sid in steps if sid not in done}
    return problems
    # END SOLUTION


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
    # BEGIN SOLUTION
    problems = validate_plan(plan, tools)
    if problems:
        raise ValueError(f"invalid plan: {sorted(problems)}")

    def is_ref(value) -> bool:
        return isinstance(value, dict) and set(value) == {"ref"}

    results: dict[str, object] = {}
    ran: list[tuple[str, object]] = []
    pending = list(plan)
    while pending:
        step = next(s for s in pending
                    if all(v["ref"] in results for v in s["args"].values() if is_ref(v)))
        pending.remove(step)
        tool = tools[step["tool"]]
        kwargs = {name: results[v["ref"]] if is_ref(v) else v for name, v in step["args"].items()}
        try:
            result = tool["fn"](**kwargs)
        except Exception as exc:
            raise StepFailed(f"step {step['id']!r} ({step['tool']}) failed: {exc}") from exc
        if type(result) is not tool["returns"]:
            raise TypeError(f"step {step['id']!r} ({step['tool']}) returned {type(result).__name__}, "
                            f"not {tool['returns'].__name__}")
        results[step["id"]] = result
        ran.append((step["id"], result))
    return ran
    # END SOLUTION


# %%
check("workflows_deterministic.execute_plan", execute_plan)

# %% [markdown]
# BEGIN SOLUTION NOTE
# Reading the result: with both checks green, a plan either runs in one fixed order with every value
# of the declared type, or is refused before its first call, with the steps at fault named. A model
# that writes plans can still pick the wrong tool or the wrong city; what it can no longer do is fail
# halfway through a run for a reason a few lines of code could have seen in advance.
# END SOLUTION NOTE
