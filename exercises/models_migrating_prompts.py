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

# Generated from solutions/models_migrating_prompts.py by `llmcourse assign`: edit the solution, not this file.

# %% [markdown]
# # Exercises: a paired comparison of two configurations
#
# Two functions, each graded by the check cell below it. Run the check cell as often as you like;
# `hint("...")` (or `llmcourse hint ...` in a terminal) shows one more hint each time.

# %%
import math
from typing import Hashable, Sequence

from llmcourse.notebook import check, hint

# %% [markdown]
# ## 1. McNemar's exact test
#
# `before[i]` and `after[i]` say whether the old and the new configuration got item `i` right
# (`True`/`False` or `1`/`0`; lists, tuples or numpy arrays). Return the two-sided p-value of
# McNemar's exact test as a float:
#
# - count `b`, the items right before and wrong after, and `c`, the items wrong before and right after;
#   items on which both agree do not count. Let `n = b + c`;
# - if `n == 0`, return `1.0` (no disagreement, no evidence of a difference);
# - otherwise the p-value is twice the lower tail of a Binomial(`n`, 1/2) at `min(b, c)`,
#   `2 * sum(comb(n, k) for k in 0..min(b, c)) / 2**n`, capped at `1.0` (when `b == c` the doubled
#   tail exceeds 1). This is the convention of `scipy.stats.binomtest(b, n, 0.5).pvalue`, but do not
#   use scipy here: `math.comb` is enough.
#
# Raise `ValueError` when the sequences are empty or differ in length.

# %%
def mcnemar_exact(before: Sequence[bool], after: Sequence[bool]) -> float:
    """Two-sided exact McNemar p-value from per-item correctness before and after a change."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("models_migrating_prompts.mcnemar_exact", mcnemar_exact)

# %% [markdown]
# ## 2. The regression list
#
# `item_ids` names the items (strings or numbers, all different), and `before` and `after` are their
# per-item correctness as in exercise 1, in the same order. Return the list of the ids of the items
# that **regressed**, right before and wrong after, in the order of `item_ids`. Items that were fixed,
# or that did not change, are not in it; with no regression, return an empty list.
#
# Raise `ValueError` when the three sequences differ in length or when an id appears twice (a
# regression list that names the same id twice cannot be acted on).

# %%
def regression_list(item_ids: Sequence[Hashable], before: Sequence[bool], after: Sequence[bool]) -> list:
    """The ids of the items right before the change and wrong after it, in input order."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("models_migrating_prompts.regression_list", regression_list)

# %% [markdown]
# Stuck? `hint("models_migrating_prompts.mcnemar_exact")` or `hint("models_migrating_prompts.regression_list")`
# shows the next hint.
