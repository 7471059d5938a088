# Generated from solutions/team_always_experimenting.py by `llmcourse assign`: edit the solution, not this file.
# %%
from llmcourse.notebook import check, hint
import numpy as np

# %% [markdown]
# The lesson compared two prompts on the same eval items and put an interval around the difference.
# Here you write that interval as a function you can run after every prompt change, and let it make
# the call: ship B, keep A, or admit that the eval cannot tell yet.
#
# ## Exercise: a paired bootstrap interval and the decision it supports
#
# Write `paired_bootstrap(scores_a, scores_b, n_resamples=2000, confidence=0.95, seed=0)`.
#
# `scores_a[i]` and `scores_b[i]` are the scores of prompts A and B on the **same** eval item `i`
# (1 or 0 for right or wrong, `True`/`False`, or any number such as a 1-5 rating). Return a dict:
#
# - `"difference"`: the mean over items of `scores_b[i] - scores_a[i]` (positive means B scored higher);
# - `"low"` and `"high"`: the bootstrap percentile interval for that mean difference;
# - `"decision"`: `"B"` when `low > 0`, `"A"` when `high < 0`, and `"inconclusive"` otherwise (an
#   interval that touches or contains 0).
#
# The resampling convention, which the grader follows exactly so that your numbers match:
#
# 1. make the per-item differences `d = b - a` as a float numpy array of length `n`;
# 2. `rng = np.random.default_rng(seed)`, then draw all the indices in **one** call:
#    `idx = rng.integers(0, n, size=(n_resamples, n))`; each row is one resample of the items, drawn
#    with replacement;
# 3. each resample's statistic is the mean of `d` over its row: `d[idx].mean(axis=1)`;
# 4. `low, high = np.percentile(stats, [100 * (1 - confidence) / 2, 100 * (1 + confidence) / 2])`, with
#    numpy's default (linear) interpolation.
#
# Resampling items, not scores, is what makes the interval *paired*: an item that is hard for both
# prompts stays hard for both in every resample, so the difference is measured against the same items.
#
# Raise `ValueError` when the two lists differ in length, when they are empty, when `confidence` is not
# strictly between 0 and 1, or when `n_resamples` is less than 1. Return plain Python floats.

# %%
def paired_bootstrap(scores_a, scores_b, n_resamples: int = 2000, confidence: float = 0.95,
                     seed: int = 0) -> dict:
    """Mean of b - a over paired items, its bootstrap percentile interval, and the decision it supports."""
    # TODO: your code here
    raise NotImplementedError


# %%
check("team_always_experimenting.paired_bootstrap", paired_bootstrap)

# %% [markdown]
# Once it passes, try it on the lesson's scores (`items["A"]` and `items["B"]`), then on the same lists
# repeated five times, as a stand-in for an eval set five times larger with the same mix of items.

# %%
