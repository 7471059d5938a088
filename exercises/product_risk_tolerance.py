# Generated from solutions/product_risk_tolerance.py by `llmcourse assign`: edit the solution, not this file.
# %%
from llmcourse.notebook import check, hint

# %% [markdown]
# The lesson sorted uses of a model into tiers, each with checks before launch and an error rate it
# tolerates. This exercise writes that table as a function, so a launch review can run it on every new
# feature and nobody has to remember the rules.
#
# ## Exercise: `risk_tier()`
#
# Write `risk_tier(use_case)`. `use_case` is a dict with (at least) these three keys; other keys are
# ignored:
#
# - `"prohibited_practice"`: `True` when the use is on a banned list (social scoring, say);
# - `"decides_about_people"`: `True` when the output decides, or materially shapes, a decision about a
#   person's credit, job, health or access to services;
# - `"audience"`: `"internal"` (the company's own staff) or `"public"` (customers or anyone else).
#
# Apply the rules in this order; the first that matches wins:
#
# | rule | tier | gates | max_error_rate |
# |---|---|---|---|
# | `prohibited_practice` is true | `"unacceptable"` | `["do not build"]` | `None` |
# | `decides_about_people` is true (whatever the audience) | `"high"` | `["eval set", "monitoring", "AI disclosure", "human oversight", "risk assessment"]` | `0.01` |
# | `audience` is `"public"` | `"limited"` | `["eval set", "monitoring", "AI disclosure"]` | `0.05` |
# | otherwise (internal, decides nothing about people) | `"minimal"` | `["eval set", "monitoring"]` | `0.10` |
#
# Return a dict `{"tier": ..., "gates": [...], "max_error_rate": ...}` with the gates as a list, spelled
# and ordered exactly as in the table. Bad input gets a `ValueError` with a message: a missing key, a
# `prohibited_practice` or `decides_about_people` that is not a `bool` (the string `"no"` is truthy, so
# it must not be taken for `False`), or an `audience` other than `"internal"` or `"public"`. Check all
# three keys before applying any rule.

# %%
def risk_tier(use_case: dict) -> dict:
    """The risk tier of a use of a model, the gates it must pass before launch and the error rate it tolerates."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("product_risk_tolerance.risk_tier", risk_tier)

# %% [markdown]
# Stuck? `hint("product_risk_tolerance.risk_tier")` shows the next hint.
