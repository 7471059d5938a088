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
# # Exercises: the smallest model that does the job
#
# Two functions, each graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.
#
# Both take a list of candidate models, each a dict like
# `{"name": "TF-IDF + LR", "accuracy": 0.95, "cost": 0.0004}`: `accuracy` lies in `[0, 1]` and `cost`
# (say, USD per thousand requests) is at least 0. Both raise `ValueError` when two candidates share a
# name, when an accuracy is outside `[0, 1]`, or when a cost is negative.

# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# ## 1. The Pareto front
#
# Candidate `a` *dominates* candidate `b` when `a` is at least as accurate and at most as costly, and
# strictly better on at least one of the two: `a["accuracy"] >= b["accuracy"]` and
# `a["cost"] <= b["cost"]`, and (`a["accuracy"] > b["accuracy"]` or `a["cost"] < b["cost"]`).
#
# Return the names of the candidates that no other candidate dominates, sorted by cost, cheapest
# first; candidates with the same cost are sorted by name. Two candidates with exactly the same
# accuracy and cost do not dominate each other, so both stay. An empty list of candidates has an empty
# front.

# %%
def pareto_front(candidates: list[dict]) -> list[str]:
    """Names of the candidates no other candidate beats on both accuracy and cost, cheapest first."""
    # BEGIN SOLUTION
    names = [c["name"] for c in candidates]
    if len(set(names)) != len(names):
        raise ValueError("two candidates share a name")
    for c in candidates:
        if not 0.0 <= c["accuracy"] <= 1.0:
            raise ValueError(f"{c['name']}: accuracy must lie in [0, 1]")
        if c["cost"] < 0:
            raise ValueError(f"{c['name']}: cost must not be negative")

    def dominates(a: dict, b: dict) -> bool:
        return (a["accuracy"] >= b["accuracy"] and a["cost"] <= b["cost"]
                and (a["accuracy"] > b["accuracy"] or a["cost"] < b["cost"]))

    front = [b for b in candidates if not any(dominates(a, b) for a in candidates)]
    return [c["name"] for c in sorted(front, key=lambda c: (c["cost"], c["name"]))]
    # END SOLUTION


# %%
check("models_smallest_model.pareto_front", pareto_front)

# %% [markdown]
# ## 2. The cheapest model that meets the target
#
# Return the name of the cheapest candidate whose accuracy is at least `target` (an accuracy equal to
# the target meets it). When several qualifying candidates share the lowest cost, take the most
# accurate of them; if they also share the accuracy, take the name that sorts first. Return `None` when
# no candidate meets the target, an empty list included. Besides the checks above, raise `ValueError`
# when `target` is outside `[0, 1]`.

# %%
def cheapest_meeting(candidates: list[dict], target: float) -> str | None:
    """The cheapest candidate with accuracy >= target; ties go to higher accuracy, then to the name."""
    # BEGIN SOLUTION
    names = [c["name"] for c in candidates]
    if len(set(names)) != len(names):
        raise ValueError("two candidates share a name")
    for c in candidates:
        if not 0.0 <= c["accuracy"] <= 1.0:
            raise ValueError(f"{c['name']}: accuracy must lie in [0, 1]")
        if c["cost"] < 0:
            raise ValueError(f"{c['name']}: cost must not be negative")
    if not 0.0 <= target <= 1.0:
        raise ValueError("target must lie in [0, 1]")
    meets = [c for c in candidates if c["accuracy"] >= target]
    if not meets:
        return None
    return min(meets, key=lambda c: (c["cost"], -c["accuracy"], c["name"]))["name"]
    # END SOLUTION


# %%
check("models_smallest_model.cheapest_meeting", cheapest_meeting)

# %% [markdown]
# BEGIN SOLUTION NOTE
# Reading the results: the cheapest model that meets the target is always on the Pareto front, so in
# practice you can compute the front once and read the choice off it for any target. Raising the target
# moves the choice up the front to a costlier model, and a target no candidate meets returns `None`:
# then the answer is a better model or more labelled data, not a lower bar.
# END SOLUTION NOTE
