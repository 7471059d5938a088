# %% [markdown]
# # Exercise: prompt, RAG or finetune?
#
# One function, graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# ## A decision you can defend
#
# Write `recommend(evidence, target, budget_per_1000, labelled_examples, min_finetune_examples=500)`. It
# recommends the least effortful option that meets the accuracy target within the budget, and returns
# the reasons along with the choice.
#
# **Inputs.** `evidence` maps an option name to what your evals measured for it:
# `{"prompt": {"accuracy": 0.71, "cost_per_1000": 0.40}, "rag": {...}, "finetune": {...}}`. An option
# that was not measured is simply absent. `accuracy` is a share in `[0, 1]`; `cost_per_1000` is dollars
# per thousand requests (`>= 0`). `target` is the accuracy you need, `budget_per_1000` what you can spend
# per thousand requests, and `labelled_examples` how many labelled examples you have.
#
# **Rule.** Look at the options in order of effort, `"prompt"`, then `"rag"`, then `"finetune"`. For each,
# its verdict is the **first** of these that applies:
#
# | verdict | when |
# |---|---|
# | `"not measured"` | the option is not in `evidence` |
# | `"prompt not measured"` | finetune only: `"prompt"` is not in `evidence` (no finetune without a prompt baseline) |
# | `"too few examples"` | finetune only: `labelled_examples < min_finetune_examples` |
# | `"below target"` | `accuracy < target` |
# | `"over budget"` | `cost_per_1000 > budget_per_1000` |
# | `"ok"` | none of the above: accuracy `>= target` and cost `<= budget` (equality is fine) |
#
# Stop at the first option whose verdict is `"ok"`.
#
# **Output.** A tuple `(choice, reasons)`. `choice` is the first option with verdict `"ok"`, or `"none"` if
# no option gets one. `reasons` is a list of `(option, verdict)` tuples for the options looked at, in
# order, up to and including the chosen one (all three when the choice is `"none"`).
#
# **Bad input.** Raise `ValueError` when `evidence` names an option other than the three, when a measured
# option lacks `"accuracy"` or `"cost_per_1000"`, when an accuracy or `target` lies outside `[0, 1]`, when a
# cost or `budget_per_1000` is negative, or when `labelled_examples` is negative. Check every entry of
# `evidence`, including options after the chosen one: a bad number anywhere means the evidence is broken.

# %%
OPTIONS = ("prompt", "rag", "finetune")


def recommend(evidence: dict[str, dict[str, float]], target: float, budget_per_1000: float,
              labelled_examples: int, min_finetune_examples: int = 500) -> tuple[str, list[tuple[str, str]]]:
    """The least effortful option that meets `target` within `budget_per_1000`, and the verdicts that led there."""
    # BEGIN SOLUTION
    if not 0 <= target <= 1:
        raise ValueError(f"target {target} is not a share in [0, 1]")
    if budget_per_1000 < 0:
        raise ValueError("budget_per_1000 must not be negative")
    if labelled_examples < 0:
        raise ValueError("labelled_examples must not be negative")
    for option, measured in evidence.items():
        if option not in OPTIONS:
            raise ValueError(f"unknown option {option!r}: expected one of {OPTIONS}")
        if "accuracy" not in measured or "cost_per_1000" not in measured:
            raise ValueError(f"{option}: evidence needs 'accuracy' and 'cost_per_1000'")
        if not 0 <= measured["accuracy"] <= 1:
            raise ValueError(f"{option}: accuracy {measured['accuracy']} is not in [0, 1]")
        if measured["cost_per_1000"] < 0:
            raise ValueError(f"{option}: cost_per_1000 must not be negative")
    reasons = []
    for option in OPTIONS:
        if option not in evidence:
            verdict = "not measured"
        elif option == "finetune" and "prompt" not in evidence:
            verdict = "prompt not measured"
        elif option == "finetune" and labelled_examples < min_finetune_examples:
            verdict = "too few examples"
        elif evidence[option]["accuracy"] < target:
            verdict = "below target"
        elif evidence[option]["cost_per_1000"] > budget_per_1000:
            verdict = "over budget"
        else:
            verdict = "ok"
        reasons.append((option, verdict))
        if verdict == "ok":
            return option, reasons
    return "none", reasons
    # END SOLUTION


# %%
check("workflows_when_to_finetune.recommend", recommend)

# BEGIN SOLUTION NOTE
# Reading the result: with evidence shaped like the lesson's at 16 labelled examples per intent (80 in
# all: the prompt far below target, retrieval near 0.86, the trained model near 0.89), a target of 0.9
# gives "none": prompt and rag are "below target" and finetune is "too few examples". The reasons point
# at labelling more data, not at another prompt tweak; the lesson's curves put retrieval past 0.9 by
# about 32 examples per intent, and then the answer becomes "rag".
# END SOLUTION NOTE
